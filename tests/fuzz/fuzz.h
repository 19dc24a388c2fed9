/* fuzz.h - shared by the fuzz targets and the replay driver.
 *
 * Every target defines LLVMFuzzerTestOneInput(). Built with -DCG_FUZZ=ON
 * (clang) it is linked with libFuzzer; otherwise it is linked with
 * replay_main.c, which runs it on every file of the kept corpus. */
#ifndef CG_FUZZ_H
#define CG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The path of a file of this process holding exactly data[0, size): for the
 * library functions that only read paths. Returns NULL if it cannot be
 * written. The file is removed at exit. */
const char *fuzz_write_tmpfile(const uint8_t *data, size_t size);

#endif
