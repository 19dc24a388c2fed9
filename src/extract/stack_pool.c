/* stack_pool.c - JIT stacks kept by the extractor between extractions.
 *
 * Every extraction needs a JIT stack of up to 1 MiB (long lists recurse
 * deeply). Creating one is an mmap and freeing it a munmap with its page
 * faults in between: for short texts, such as the 100,000 ids of a catalog
 * read through cg_canonical_id(), that was 40% of the time. Finished
 * extractions give their stack back here and the next ones take it. The
 * pool belongs to one extractor (no global state); a mutex makes it safe
 * for the threads that share the extractor. */
#include <pthread.h>
#include <stdlib.h>

#include "xctx.h"

/* More than the threads that usually share an extractor; beyond it,
 * stacks given back are freed. */
#define POOL_MAX 64

struct cgx_stack_pool {
    pthread_mutex_t mu;
    pcre2_jit_stack *free[POOL_MAX];
    size_t nfree;
};

cgx_stack_pool *cgx_stack_pool_new(void) {
    cgx_stack_pool *p = calloc(1, sizeof *p);
    if (p && pthread_mutex_init(&p->mu, NULL) != 0) {
        free(p);
        return NULL;
    }
    return p;
}

void cgx_stack_pool_free(cgx_stack_pool *p) {
    if (!p) return;
    for (size_t i = 0; i < p->nfree; i++) pcre2_jit_stack_free(p->free[i]);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

pcre2_jit_stack *cgx_stack_take(const cg_extractor *ex) {
    cgx_stack_pool *p = ex->stacks;
    pcre2_jit_stack *s = NULL;
    pthread_mutex_lock(&p->mu);
    if (p->nfree) s = p->free[--p->nfree];
    pthread_mutex_unlock(&p->mu);
    return s ? s : pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
}

void cgx_stack_give(const cg_extractor *ex, pcre2_jit_stack *stack) {
    cgx_stack_pool *p = ex->stacks;
    pthread_mutex_lock(&p->mu);
    if (p->nfree < POOL_MAX) {
        p->free[p->nfree++] = stack;
        stack = NULL;
    }
    pthread_mutex_unlock(&p->mu);
    pcre2_jit_stack_free(stack);
}
