/* docs.c - reading and extracting the documents of a run on several threads,
 * handing them to the command in the order of the path list.
 *
 * Workers claim documents in order, read and extract them (and run the
 * command's own per-document work, such as writing its JSON Lines); the main
 * thread takes the results strictly in path order, prints messages and
 * progress, and lets the command consume them. So the output is the same
 * bytes whatever the number of threads. At most `window` documents are in
 * flight, so memory is bounded by the documents being worked on, not by the
 * size of the corpus. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

int cli_parse_jobs(const char *v, int *jobs) {
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 0 || n > 1024) return -1;
    *jobs = n == 0 ? cli_default_jobs() : (int)n;
    return 0;
}

/* With --cache: a file whose stat the index knows is taken from its entry
 * without being read. Whatever does not check out falls back to reading. */
static bool from_index(const cli_docs *d, cli_doc *doc) {
    struct stat st;
    if (stat(doc->entry->path, &st) != 0 || !S_ISREG(st.st_mode)) return false;
    cli_cache_stat_of(&st, &doc->st);
    if (!cli_cache_lookup(d->cache, doc->entry->path, &doc->st, doc->key)) return false;
    doc->cache_state = cli_cache_load(d->cache, doc->key, (size_t)doc->st.size, &doc->ext,
                                      doc->cache_problem, sizeof doc->cache_problem);
    if (doc->cache_state != CLI_CACHE_HIT) return false;
    doc->indexable = true;
    return true;
}

static void work(const cli_docs *d, cli_doc *doc) {
    const cg_path_entry *e = doc->entry;
    if (e->status != CG_OK) {
        doc->status = e->status;
        snprintf(doc->error, sizeof doc->error, "%s", e->message);
        return;
    }
    cg_error err;
    memset(&err, 0, sizeof err);
    bool is_stdin = strcmp(e->path, "-") == 0;
    if (d->cache && !is_stdin && (!d->extract || d->extract(doc, d->ctx)) && from_index(d, doc)) {
        doc->status = CG_OK;
        doc->extracted = true;
        if (d->prepare) d->prepare(doc, d->ctx);
        return;
    }
    doc->read = true;
    doc->status = is_stdin ? cg_input_read_stream("-", stdin, NULL, &doc->in, &err)
                           : cg_input_read_file(e->path, NULL, &doc->in, &err);
    if (doc->status == CG_OK && (!d->extract || d->extract(doc, d->ctx))) {
        size_t size = cg_input_size(doc->in);
        if (d->cache) {
            cli_cache_key(d->cache, doc->in, doc->key);
            /* an entry found damaged through the index stays reported as such */
            if (doc->cache_state != CLI_CACHE_CORRUPT)
                doc->cache_state = cli_cache_load(d->cache, doc->key, size, &doc->ext,
                                                  doc->cache_problem, sizeof doc->cache_problem);
            /* indexed only if the stat taken before reading describes these bytes */
            doc->indexable = !is_stdin && doc->st.size == size && doc->st.ino &&
                             cli_cache_settled(d->cache, &doc->st);
        }
        if (doc->cache_state != CLI_CACHE_HIT) {
            doc->status = cg_extract(d->ex, doc->in, &doc->ext, &err);
            if (doc->status == CG_OK && d->cache) {
                doc->status = cg_extraction_keep_quotes(doc->ext, doc->in);
                /* a failed store only costs the next run time */
                if (doc->status == CG_OK)
                    (void)cli_cache_store(d->cache, doc->key, doc->ext, size, doc->index);
                else
                    snprintf(err.text, sizeof err.text, "out of memory");
            }
            if (doc->cache_state == CLI_CACHE_OFF || doc->cache_state == CLI_CACHE_HIT)
                doc->cache_state = d->cache ? CLI_CACHE_MISS : CLI_CACHE_OFF;
        }
        doc->extracted = true;
    }
    if (doc->status != CG_OK) {
        doc->indexable = false;
        snprintf(doc->error, sizeof doc->error, "%s",
                 doc->status == CG_ENOMEM ? "out of memory" : err.text);
        return;
    }
    if (d->prepare) d->prepare(doc, d->ctx);
}

static void release(const cli_docs *d, cli_doc *doc) {
    if (d->release) d->release(doc, d->ctx);
    cg_extraction_free(doc->ext);
    cg_input_free(doc->in);
    memset(doc, 0, sizeof *doc);
}

typedef struct pool {
    const cli_docs *d;
    const cg_path_list *list;
    cli_doc *slots; /* window of them: document i in slot i % window */
    bool *ready;
    size_t window, next_claim, next_emit;
    bool stop;
    pthread_mutex_t mu;
    pthread_cond_t have_result, have_room;
} pool;

static void *worker(void *arg) {
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->next_claim < p->list->count &&
               p->next_claim >= p->next_emit + p->window)
            pthread_cond_wait(&p->have_room, &p->mu);
        if (p->stop || p->next_claim >= p->list->count) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        size_t i = p->next_claim++;
        pthread_mutex_unlock(&p->mu);
        /* slot i % window is free: the document that had it was emitted */
        cli_doc *doc = &p->slots[i % p->window];
        memset(doc, 0, sizeof *doc);
        doc->index = i;
        doc->entry = &p->list->items[i];
        work(p->d, doc);
        pthread_mutex_lock(&p->mu);
        p->ready[i % p->window] = true;
        pthread_cond_broadcast(&p->have_result);
        pthread_mutex_unlock(&p->mu);
    }
}

static int consume(cli *c, const cli_docs *d, cli_doc *doc, size_t total) {
    cli_progress(c, doc->index + 1, total, doc->entry->path);
    if (d->cache_counts) d->cache_counts[doc->cache_state]++;
    if (d->cache) {
        d->cache->files_read += doc->read;
        /* a failed remember only costs the next run time */
        if (doc->indexable)
            (void)cli_cache_remember(d->cache, doc->entry->path, &doc->st, doc->key);
    }
    if (doc->cache_state == CLI_CACHE_CORRUPT)
        cli_warning(c, "%s: damaged cache entry rebuilt (%s)", doc->entry->path, doc->cache_problem);
    int rc = d->consume(doc, d->ctx);
    release(d, doc);
    return rc;
}

int cli_for_each_doc(cli *c, const cli_docs *d, const cg_path_list *list) {
    int jobs = d->jobs > 0 ? d->jobs : 1;
    if ((size_t)jobs > list->count) jobs = list->count ? (int)list->count : 1;
    int rc = 0;
    if (jobs == 1) {
        for (size_t i = 0; i < list->count && !rc; i++) {
            cli_doc doc;
            memset(&doc, 0, sizeof doc);
            doc.index = i;
            doc.entry = &list->items[i];
            work(d, &doc);
            rc = consume(c, d, &doc, list->count);
        }
        cli_progress_end(c);
        return rc;
    }
    pool p;
    memset(&p, 0, sizeof p);
    p.d = d;
    p.list = list;
    p.window = (size_t)jobs * 4;
    p.slots = calloc(p.window, sizeof *p.slots);
    p.ready = calloc(p.window, sizeof *p.ready);
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    if (!p.slots || !p.ready || !threads) {
        free(p.slots);
        free(p.ready);
        free(threads);
        return -1;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.have_result, NULL);
    pthread_cond_init(&p.have_room, NULL);
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0) break;
    if (started == 0) rc = -1;
    for (size_t i = 0; i < list->count && !rc; i++) {
        pthread_mutex_lock(&p.mu);
        while (!p.ready[i % p.window]) pthread_cond_wait(&p.have_result, &p.mu);
        pthread_mutex_unlock(&p.mu);
        rc = consume(c, d, &p.slots[i % p.window], list->count);
        pthread_mutex_lock(&p.mu);
        p.ready[i % p.window] = false;
        p.next_emit = i + 1;
        if (rc) p.stop = true;
        pthread_cond_broadcast(&p.have_room);
        pthread_mutex_unlock(&p.mu);
    }
    pthread_mutex_lock(&p.mu);
    p.stop = true;
    pthread_cond_broadcast(&p.have_room);
    pthread_mutex_unlock(&p.mu);
    for (int t = 0; t < started; t++) pthread_join(threads[t], NULL);
    /* documents worked on but not consumed (the command stopped early) */
    for (size_t k = 0; k < p.window; k++)
        if (p.ready[k]) release(d, &p.slots[k]);
    cli_progress_end(c);
    pthread_cond_destroy(&p.have_room);
    pthread_cond_destroy(&p.have_result);
    pthread_mutex_destroy(&p.mu);
    free(threads);
    free(p.ready);
    free(p.slots);
    return rc;
}
