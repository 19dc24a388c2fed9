/* run.c - reading and extracting the documents of a run on several threads,
 * handing them to the caller in the order of the path list (citegraph/run.h).
 *
 * Workers read and extract documents (and run the caller's prepare); the
 * calling thread takes the results strictly in path order (util/ordered.c),
 * keeps the cache's index and counts, and hands each to consume. So the
 * output is the same bytes whatever the number of threads, and memory is
 * bounded by the documents in flight, not by the size of the corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cache.h"
#include "citegraph/run.h"
#include "resolve/quotes.h"
#include "util/util.h"

/* One document in flight. */
typedef struct slot {
    cg_run_doc doc;
    cg_input *input;
    cg_extraction *extraction;
    bool read;      /* the file was read (with a cache: not trusted by its stat) */
    bool indexable; /* with a cache: `st` and `key` go into the next index */
    cgrun_file_stat st;
    char key[33];
    char error[512];
    char cache_problem[512];
} slot;

typedef struct run {
    const cg_run_options *o;
    const cg_path_list *paths;
    slot *slots; /* document i in slot i % window */
    size_t window;
} run;

/* With a cache: a file whose stat the index knows is taken from its entry
 * without being read. Whatever does not check out falls back to reading. */
static bool from_index(const cg_run_options *o, slot *s) {
    struct stat st;
    if (stat(s->doc.entry->path, &st) != 0 || !S_ISREG(st.st_mode)) return false;
    cgrun_cache_stat_of(&st, &s->st);
    if (!cgrun_cache_lookup(o->cache, s->doc.entry->path, &s->st, s->key)) return false;
    s->doc.cache_state = cgrun_cache_load(o->cache, s->key, (size_t)s->st.size, &s->extraction,
                                          s->cache_problem, sizeof s->cache_problem);
    if (s->doc.cache_state != CG_CACHE_HIT) return false;
    s->indexable = true;
    return true;
}

/* Extracts s->input, through the cache when there is one. */
static cg_status extract(const cg_run_options *o, slot *s, cg_error *err) {
    size_t size = cg_input_size(s->input);
    bool is_stdin = strcmp(s->doc.entry->path, "-") == 0;
    if (o->cache) {
        cgrun_cache_key(o->cache, s->input, s->key);
        /* an entry found damaged through the index stays reported as such */
        if (s->doc.cache_state != CG_CACHE_DAMAGED)
            s->doc.cache_state = cgrun_cache_load(o->cache, s->key, size, &s->extraction,
                                                  s->cache_problem, sizeof s->cache_problem);
        /* indexed only if the stat taken before reading describes these bytes */
        s->indexable =
            !is_stdin && s->st.size == size && s->st.ino && cgrun_cache_settled(o->cache, &s->st);
        if (s->doc.cache_state == CG_CACHE_HIT) return CG_OK;
    }
    cg_status st = cg_extract(o->extractor, s->input, &s->extraction, err);
    if (st == CG_OK && o->cache) {
        st = cgr_keep_quotes(s->extraction, s->input);
        if (st != CG_OK) cgu_oom(err);
        /* a failed store only costs the next run time */
        else
            (void)cgrun_cache_store(o->cache, s->key, s->extraction, size, s->doc.index);
        if (s->doc.cache_state != CG_CACHE_DAMAGED) s->doc.cache_state = CG_CACHE_MISS;
    }
    return st;
}

static void work(void *ctx, size_t i) {
    run *r = ctx;
    const cg_run_options *o = r->o;
    slot *s = &r->slots[i % r->window];
    memset(s, 0, sizeof *s);
    s->doc.index = i;
    s->doc.entry = &r->paths->items[i];
    const cg_path_entry *e = s->doc.entry;
    if (e->status != CG_OK) {
        s->doc.status = e->status;
        snprintf(s->error, sizeof s->error, "%s", e->message ? e->message : cg_strerror(e->status));
        return;
    }
    cg_error err;
    memset(&err, 0, sizeof err);
    bool is_stdin = strcmp(e->path, "-") == 0;
    bool wanted = !o->extract || o->extract(e->path, o->ctx);
    if (o->cache && !is_stdin && wanted && from_index(o, s)) {
        s->doc.status = CG_OK;
    } else {
        s->read = true;
        s->doc.status = is_stdin ? cg_input_read_stream("-", stdin, o->read, &s->input, &err)
                                 : cg_input_read_file(e->path, o->read, &s->input, &err);
        if (s->doc.status == CG_OK && wanted) s->doc.status = extract(o, s, &err);
    }
    if (s->doc.status != CG_OK) {
        s->indexable = false;
        snprintf(s->error, sizeof s->error, "%s",
                 err.text[0] ? err.text : cg_strerror(s->doc.status));
        return;
    }
    s->doc.input = s->input;
    s->doc.extraction = s->extraction;
    if (o->prepare) o->prepare(&s->doc, o->ctx);
}

static void release(run *r, slot *s) {
    if (r->o->release) r->o->release(&s->doc, r->o->ctx);
    cg_extraction_free(s->extraction);
    cg_input_free(s->input);
    memset(s, 0, sizeof *s);
}

static int consume(void *ctx, size_t i) {
    run *r = ctx;
    const cg_run_options *o = r->o;
    slot *s = &r->slots[i % r->window];
    s->doc.error = s->doc.status != CG_OK ? s->error : NULL;
    s->doc.cache_problem = s->doc.cache_state == CG_CACHE_DAMAGED ? s->cache_problem : NULL;
    if (o->cache) {
        cgrun_cache_count(o->cache, s->doc.cache_state, s->read);
        /* a failed remember only costs the next run time */
        if (s->indexable) (void)cgrun_cache_remember(o->cache, s->doc.entry->path, &s->st, s->key);
    }
    int rc = o->consume(&s->doc, o->ctx);
    release(r, s);
    return rc ? 1 : 0; /* -1 would say no thread could start */
}

static void discard(void *ctx, size_t i) {
    run *r = ctx;
    release(r, &r->slots[i % r->window]);
}

cg_status cg_run(const cg_run_options *o, const cg_path_list *paths, cg_error *err) {
    int jobs = o->jobs > 0 ? o->jobs : cgu_cores();
    run r = {o, paths, NULL, jobs > 1 ? (size_t)jobs * 4 : 1};
    r.slots = calloc(r.window, sizeof *r.slots);
    if (!r.slots) return cgu_oom(err);
    cgu_ordered ord = {.n = paths->count,
                       .jobs = jobs,
                       .window = r.window,
                       .ctx = &r,
                       .work = work,
                       .consume = consume,
                       .discard = discard};
    int rc = cgu_ordered_run(&ord);
    free(r.slots);
    if (rc == -1) return cgu_error(err, CG_ENOMEM, NULL, 0, 0, "cannot start threads");
    return CG_OK;
}
