/* ordered.c - work on several threads, results consumed in order.
 *
 * Workers claim items in order and run work(i); the calling thread takes
 * the results strictly in order of i and consumes them, and, when asked,
 * works too while the next result is not done. So whatever the
 * consumer writes is the same bytes for any number of threads. A worker
 * waits while `window` items are done or in progress beyond the next one to
 * consume, so memory is bounded by the window, not by n. A thread is woken
 * only when what it waits for happened: items can be cheap (a document the
 * cache vouches for takes a stat), and then waking every thread for every
 * item is most of the time. */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "util.h"

int cgu_cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

typedef struct pool {
    const cgu_ordered *o;
    bool *ready; /* item i done: ready[i % window] */
    size_t next_claim, next_consume;
    size_t awaited;      /* the item the consumer waits for, or SIZE_MAX */
    int workers_waiting; /* for room in the window */
    bool stop;
    pthread_mutex_t mu;
    pthread_cond_t have_result, have_room;
} pool;

static void *worker(void *arg) {
    pool *p = arg;
    const cgu_ordered *o = p->o;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->next_claim < o->n && p->next_claim >= p->next_consume + o->window) {
            p->workers_waiting++;
            pthread_cond_wait(&p->have_room, &p->mu);
            p->workers_waiting--;
        }
        if (p->stop || p->next_claim >= o->n) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        size_t i = p->next_claim++;
        pthread_mutex_unlock(&p->mu);
        o->work(o->ctx, i);
        pthread_mutex_lock(&p->mu);
        p->ready[i % o->window] = true;
        if (p->awaited == i) pthread_cond_signal(&p->have_result);
        pthread_mutex_unlock(&p->mu);
    }
}

static int run_here(const cgu_ordered *o) {
    int rc = 0;
    for (size_t i = 0; i < o->n && !rc; i++) {
        o->work(o->ctx, i);
        rc = o->consume(o->ctx, i);
    }
    return rc;
}

/* Claims the next item for the calling thread when the window has room; under p->mu. */
static bool claim(pool *p, size_t *i) {
    const cgu_ordered *o = p->o;
    if (p->stop || p->next_claim >= o->n || p->next_claim >= p->next_consume + o->window)
        return false;
    *i = p->next_claim++;
    return true;
}

int cgu_ordered_run(const cgu_ordered *o) {
    int jobs = o->jobs > 0 ? o->jobs : 1;
    if ((size_t)jobs > o->n) jobs = o->n ? (int)o->n : 1;
    if (jobs == 1 || o->window < 2) return run_here(o);
    pool p = {.o = o, .awaited = SIZE_MAX};
    p.ready = calloc(o->window, sizeof *p.ready);
    /* with caller_works, jobs - 1 threads: the calling thread works too, while what it is to
     * consume next is not done (one thread fewer to schedule, and most items are found done,
     * without a wake-up) */
    const int workers = o->caller_works ? jobs - 1 : jobs;
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    if (!p.ready || !threads) {
        free(p.ready);
        free(threads);
        return -1;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.have_result, NULL);
    pthread_cond_init(&p.have_room, NULL);
    int started = 0;
    for (; started < workers; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0) break;
    /* with no thread started, the calling thread does all, or (without caller_works) fails */
    int rc = started == 0 && !o->caller_works ? -1 : 0;
    for (size_t i = 0; i < o->n && !rc; i++) {
        pthread_mutex_lock(&p.mu);
        while (!p.ready[i % o->window]) {
            size_t mine;
            if (o->caller_works && claim(&p, &mine)) {
                pthread_mutex_unlock(&p.mu);
                o->work(o->ctx, mine);
                pthread_mutex_lock(&p.mu);
                p.ready[mine % o->window] = true;
                continue;
            }
            p.awaited = i;
            pthread_cond_wait(&p.have_result, &p.mu);
            p.awaited = SIZE_MAX;
        }
        pthread_mutex_unlock(&p.mu);
        rc = o->consume(o->ctx, i);
        pthread_mutex_lock(&p.mu);
        p.ready[i % o->window] = false;
        p.next_consume = i + 1;
        if (rc) p.stop = true;
        if (p.workers_waiting) pthread_cond_broadcast(&p.have_room);
        pthread_mutex_unlock(&p.mu);
    }
    pthread_mutex_lock(&p.mu);
    p.stop = true;
    pthread_cond_broadcast(&p.have_room);
    pthread_mutex_unlock(&p.mu);
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    /* items done but not consumed (the consumer stopped early) */
    for (size_t i = p.next_consume; o->discard && i < p.next_claim; i++)
        if (p.ready[i % o->window]) o->discard(o->ctx, i);
    pthread_cond_destroy(&p.have_room);
    pthread_cond_destroy(&p.have_result);
    pthread_mutex_destroy(&p.mu);
    free(threads);
    free(p.ready);
    return rc;
}
