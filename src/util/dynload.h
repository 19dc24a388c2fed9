/* dynload.h - a table of a shared library's functions, filled with
 * dlopen() and dlsym(): for the optional libraries (libcurl, poppler) that
 * are loaded the first time they are needed, so that no other command maps
 * them and their dependencies. */
#ifndef CG_UTIL_DYNLOAD_H
#define CG_UTIL_DYNLOAD_H

#include <stddef.h>

/* One function of the table: its name, and the offset of its pointer. */
typedef struct cgu_dl_symbol {
    const char *name;
    size_t offset;
} cgu_dl_symbol;

/* Opens `file` and resolves each of the `n` symbols into the table `api`
 * (`size` bytes). Returns 0, or -1 with the reason in `why` ("... has no
 * X" followed by `requirement`, e.g. " (libcurl 7.66 or later is
 * needed)"); then the library is closed again and `api` zeroed. The
 * library stays loaded on success. */
int cgu_dl_open(const char *file, const cgu_dl_symbol *symbols, size_t n, void *api, size_t size,
                const char *requirement, char *why, size_t whylen);

#endif
