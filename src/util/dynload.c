/* dynload.c - see dynload.h. */
#include "util/dynload.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* dlsym() hands out a data pointer; a function pointer of the same size is
 * copied out of it bytewise, which POSIX guarantees to work. */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "function pointers fit a void *");

int cgu_dl_open(const char *file, const cgu_dl_symbol *symbols, size_t n, void *api, size_t size,
                const char *requirement, char *why, size_t whylen) {
    memset(api, 0, size);
    void *lib = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(why, whylen, "%s", e ? e : file);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        /* the handle's own symbols and those of the libraries it needs */
        void *fn = dlsym(lib, symbols[i].name);
        if (!fn || symbols[i].offset + sizeof fn > size) {
            snprintf(why, whylen, "%s has no %s%s", file, symbols[i].name, requirement);
            dlclose(lib);
            memset(api, 0, size);
            return -1;
        }
        memcpy((char *)api + symbols[i].offset, &fn, sizeof fn);
    }
    return 0;
}
