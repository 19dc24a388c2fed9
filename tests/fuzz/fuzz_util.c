/* fuzz_util.c - a temporary file for the APIs that read a path. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

static char tmp_path[64];

static void remove_tmpfile(void) {
    if (tmp_path[0]) unlink(tmp_path);
}

const char *fuzz_write_tmpfile(const uint8_t *data, size_t size) {
    if (!tmp_path[0]) {
        snprintf(tmp_path, sizeof tmp_path, "/tmp/cg-fuzz-XXXXXX");
        int fd = mkstemp(tmp_path);
        if (fd < 0) {
            tmp_path[0] = '\0';
            return NULL;
        }
        close(fd);
        atexit(remove_tmpfile);
    }
    FILE *fp = fopen(tmp_path, "wb");
    if (!fp) return NULL;
    int ok = size == 0 || fwrite(data, 1, size, fp) == size;
    if (fclose(fp) != 0) ok = 0;
    return ok ? tmp_path : NULL;
}
