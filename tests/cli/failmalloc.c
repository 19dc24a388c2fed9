/* failmalloc.c - preloaded into citegraph by failures_test.sh: every
 * allocation larger than $CG_FAIL_ALLOC_ABOVE bytes fails, as if memory
 * had run out, so that the test can see the program name it and exit with
 * its out-of-memory status. Smaller allocations (the C library's own) go
 * through, so the program still runs. glibc's __libc_* entry points give
 * the real allocator without dlsym, which itself allocates. */
#include <errno.h>
#include <stdlib.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);

/* exported whatever visibility the build gives by default, or nothing is interposed */
#define EXPORT __attribute__((visibility("default")))
EXPORT void *malloc(size_t size);
EXPORT void *calloc(size_t n, size_t size);
EXPORT void *realloc(void *p, size_t size);

static size_t limit(void) {
    static size_t cached;
    if (!cached) {
        const char *v = getenv("CG_FAIL_ALLOC_ABOVE");
        cached = v && *v ? (size_t)strtoull(v, NULL, 10) : (size_t)-1;
    }
    return cached;
}

void *malloc(size_t size) {
    if (size > limit()) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    if (size && n > limit() / size) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size) {
    if (size > limit()) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_realloc(p, size);
}
