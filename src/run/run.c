/* run.c - reading and extracting the documents of a run on several threads,
 * handing them to the caller in the order of the path list (citegraph/run.h).
 *
 * Workers read and extract documents (and run the caller's prepare); the
 * calling thread takes the results strictly in path order (util/ordered.c),
 * keeps the cache's index and counts, and hands each to consume. So the
 * output is the same bytes whatever the number of threads, and memory is
 * bounded by the documents in flight, not by the size of the corpus.
 *
 * A file of DIP's JSON answers (input/dip.h) becomes one document per
 * record: its records are extracted on the worker that read the file, one
 * after the other, each through the cache by the hash of its text, and
 * then given DIP's metadata (so that a cache entry is the text's alone and
 * one text under two records cannot mix their metadata). Such a file is
 * never put into the cache's stat index, which maps a path to one
 * document. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cache.h"
#include "citegraph/run.h"
#include "citegraph/serialize.h"
#include "input/dip.h"
#include "input/input_internal.h"
#include "resolve/extraction.h"
#include "resolve/quotes.h"
#include "util/util.h"

/* One record of a DIP file, handed on as a document of its own. */
typedef struct part {
    cg_run_doc doc;
    cg_input *input;
    cg_extraction *extraction;
    char *error, *dip_id;
    char cache_problem[512];
} part;

/* One document (or DIP file) in flight. */
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
    part *parts; /* a DIP file's records; NULL for a text file */
    size_t nparts;
} slot;

/* A document the caller keeps (cg_run_options.reuse), found before the
 * run: handed on at once on the calling thread, not through the workers. */
typedef struct kept {
    bool first;   /* the path's first time in the list: the caller may keep it */
    bool statted; /* a regular file, its stat in st */
    bool kept;
    size_t stretch; /* kept documents from this one on */
    cgrun_file_stat st;
    char key[33];
} kept;

typedef struct run {
    const cg_run_options *o;
    const cg_path_list *paths;
    slot *slots; /* document base + i in slot i % window */
    size_t window;
    size_t base;             /* the first document of the stretch the workers have */
    const struct kept *kept; /* what the caller keeps, by document; or NULL */
} run;

/* With a cache: a file whose stat the index knows is taken from its entry
 * without being read. Whatever does not check out falls back to reading. */
static bool from_index(const cg_run_options *o, slot *s) {
    struct stat st;
    if (stat(s->doc.entry->path, &st) != 0 || !S_ISREG(st.st_mode)) return false;
    cgrun_cache_stat_of(&st, &s->st);
    if (!cgrun_cache_lookup(o->cache, s->doc.entry->path, &s->st, s->key, NULL)) return false;
    s->doc.cache_state = cgrun_cache_load(o->cache, s->key, CGRUN_ENTRY_SIZE, &s->extraction,
                                          s->cache_problem, sizeof s->cache_problem);
    if (s->doc.cache_state != CG_CACHE_HIT) return false;
    s->indexable = true;
    return true;
}

/* Extracts `in` through the cache when there is one: the entry of `key`
 * (computed here) when it reads back, else cg_extract, stored. *state is
 * MISS or HIT, or stays DAMAGED when the caller found the entry so. */
static cg_status through_cache(const cg_run_options *o, const cg_input *in, char key[33],
                               cg_cache_state *state, cg_extraction **ext, char *problem,
                               size_t problem_len, size_t serial, const char *reuse_path,
                               cg_error *err) {
    size_t size = cg_input_size(in);
    if (o->cache) {
        cgrun_cache_key(o->cache, in, key);
        /* read and hashed (its stat changed, as in a fresh checkout), but
         * the caller keeps what it needs of these bytes: no entry loaded */
        if (reuse_path && *state != CG_CACHE_DAMAGED && o->reuse(reuse_path, key, o->ctx)) {
            *state = CG_CACHE_HIT;
            return CG_OK;
        }
        if (*state != CG_CACHE_DAMAGED)
            *state = cgrun_cache_load(o->cache, key, size, ext, problem, problem_len);
        if (*state == CG_CACHE_HIT) return CG_OK;
    }
    cg_status st = cg_extract(o->extractor, in, ext, err);
    if (st == CG_OK && o->cache) {
        st = cgr_keep_quotes(*ext, in);
        if (st != CG_OK) cgu_oom(err);
        /* a failed store only costs the next run time */
        else
            (void)cgrun_cache_store(o->cache, key, *ext, size, serial);
        if (*state != CG_CACHE_DAMAGED) *state = CG_CACHE_MISS;
    }
    return st;
}

/* Extracts s->input, through the cache when there is one; `may_reuse`:
 * the caller may keep it (cg_run_options.reuse). */
static cg_status extract(const cg_run_options *o, slot *s, bool may_reuse, cg_error *err) {
    bool is_stdin = strcmp(s->doc.entry->path, "-") == 0;
    const char *reuse_path = may_reuse && !is_stdin ? s->doc.entry->path : NULL;
    cg_status st =
        through_cache(o, s->input, s->key, &s->doc.cache_state, &s->extraction, s->cache_problem,
                      sizeof s->cache_problem, s->doc.index, reuse_path, err);
    /* indexed only if the stat taken before reading describes these bytes; a
     * file read with warnings is not, so that every run reads it and can say them */
    if (o->cache)
        s->indexable = !is_stdin && s->st.size == cgin_input_file_size(s->input) && s->st.ino &&
                       cgrun_cache_settled(o->cache, &s->st) && !cg_input_warning_count(s->input);
    return st;
}

/* ---- DIP files ---- */

static const char *copy_str(cg_extraction *x, const char *s, int *failed) {
    return cgu_arena_dup_or_null(&x->arena, s, failed);
}

/* Gives the extraction what DIP says of its document: each field DIP has
 * replaces the header's, and is marked as DIP's. */
static cg_status apply_dip(cg_extraction *x, const cg_document_info *dip) {
    cg_document_info *in = &x->info;
    int failed = 0;
    if (dip->id_from == CG_META_DIP) {
        in->id = dip->id; /* a Drucksache or Plenarprotokoll id borrows no text */
        in->id_from = CG_META_DIP;
    }
    if (dip->type_from == CG_META_DIP) {
        in->type = copy_str(x, dip->type, &failed);
        in->type_from = CG_META_DIP;
    }
    if (dip->title_from == CG_META_DIP) {
        in->title = copy_str(x, dip->title, &failed);
        in->title_from = CG_META_DIP;
    }
    if (dip->date_from == CG_META_DIP) {
        in->date = copy_str(x, dip->date, &failed);
        in->date_from = CG_META_DIP;
    }
    if (dip->authors_from == CG_META_DIP && dip->nauthors) {
        cg_author *a = cgu_arena_alloc(&x->arena, dip->nauthors * sizeof *a);
        if (!a) return CG_ENOMEM;
        for (size_t i = 0; i < dip->nauthors; i++)
            a[i] = (cg_author){copy_str(x, dip->authors[i].name, &failed), dip->authors[i].role};
        in->authors = a;
        in->nauthors = dip->nauthors;
        in->authors_from = CG_META_DIP;
    }
    cg_procedure *p = cgu_arena_alloc(&x->arena, (dip->nprocedures + 1) * sizeof *p);
    if (!p) return CG_ENOMEM;
    for (size_t i = 0; i < dip->nprocedures; i++)
        p[i] = (cg_procedure){copy_str(x, dip->procedures[i].id, &failed),
                              copy_str(x, dip->procedures[i].title, &failed),
                              copy_str(x, dip->procedures[i].type, &failed)};
    in->procedures = dip->nprocedures ? p : NULL;
    in->nprocedures = dip->nprocedures;
    in->record = dip->record;
    in->dip_id = copy_str(x, dip->dip_id, &failed);
    in->pdf_url = copy_str(x, dip->pdf_url, &failed);
    return failed ? CG_ENOMEM : CG_OK;
}

/* A copy of "PREFIX: TEXT" (NULL when memory ran out). */
static char *joined(const char *prefix, const char *text) {
    size_t n = strlen(prefix) + strlen(text) + 3;
    char *s = malloc(n);
    if (s) snprintf(s, n, "%s: %s", prefix, text);
    return s;
}

/* Reads, extracts and prepares one record of a DIP file. */
static void run_record(const cg_run_options *o, slot *s, part *p, const cgin_dip_item *it) {
    p->doc.index = s->doc.index;
    p->doc.entry = s->doc.entry;
    p->doc.record = it->record;
    if (it->dip_id && !(p->dip_id = strdup(it->dip_id))) it = NULL;
    p->doc.dip_id = p->dip_id;
    if (!it) {
        p->doc.status = CG_ENOMEM;
        return;
    }
    if (it->error) {
        p->doc.status = CG_EFORMAT;
        p->error = strdup(it->error);
        if (!p->error) p->doc.status = CG_ENOMEM;
        return;
    }
    char who[96];
    cgin_dip_item_name(it, who, sizeof who);
    cg_error err;
    memset(&err, 0, sizeof err);
    char key[33];
    cg_status st =
        cg_input_from_memory(s->doc.entry->path, it->text, it->text_len, o->read, &p->input, &err);
    if (st == CG_OK && cgin_input_prefix_warnings(p->input, who, it->warnings, it->nwarnings))
        st = cgu_oom(&err);
    if (st == CG_OK)
        st = through_cache(o, p->input, key, &p->doc.cache_state, &p->extraction, p->cache_problem,
                           sizeof p->cache_problem, s->doc.index, NULL, &err);
    if (st == CG_OK && apply_dip(p->extraction, &it->info) != CG_OK) st = cgu_oom(&err);
    if (st != CG_OK) {
        p->doc.status = st;
        p->error = joined(who, err.text[0] ? err.text : cg_strerror(st));
        return;
    }
    p->doc.input = p->input;
    p->doc.extraction = p->extraction;
    if (o->prepare) o->prepare(&p->doc, o->ctx);
}

/* Splits a DIP file into its records; false when memory ran out. */
static bool run_dip(const cg_run_options *o, slot *s, const cgin_dip_file *dip) {
    s->parts = calloc(dip->nitems ? dip->nitems : 1, sizeof *s->parts);
    if (!s->parts) return false;
    s->nparts = dip->nitems;
    for (size_t k = 0; k < dip->nitems; k++)
        run_record(o, s, &s->parts[k], &dip->items[k]);
    return true;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* What the bytes read are: DIP's answers are split into records (true);
 * JSON in a file named .json that is not DIP's is refused rather than read
 * as text (a graph or report citegraph wrote, found in a directory). */
static bool dip_file(const cg_run_options *o, slot *s, bool wanted, cg_error *err) {
    cgin_dip_file dip;
    int kind = cgin_dip_read(cg_input_data(s->input), cg_input_size(s->input), &dip);
    bool handled = kind == CGIN_DIP;
    if (kind < 0 || (handled && !run_dip(o, s, &dip))) {
        s->doc.status = cgu_oom(err);
        handled = true;
    } else if (kind == CGIN_OTHER_JSON && wanted && ends_with(s->doc.entry->path, ".json")) {
        s->doc.status = cgu_error(err, CG_EFORMAT, s->doc.entry->path, 0, 0,
                                  "is JSON, but not DIP's answers (a list answer with "
                                  "\"documents\", or records with \"dokumentart\"); not read");
        handled = true;
    }
    cgin_dip_release(&dip);
    return handled;
}

static void work(void *ctx, size_t i) {
    run *r = ctx;
    const cg_run_options *o = r->o;
    slot *s = &r->slots[i % r->window];
    memset(s, 0, sizeof *s);
    s->doc.index = r->base + i;
    s->doc.entry = &r->paths->items[r->base + i];
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
    const kept *k = r->kept ? &r->kept[r->base + i] : NULL;
    if (k && k->kept) {
        /* the caller keeps what it needs of it: not even its entry is read */
        s->doc.status = CG_OK;
        s->doc.cache_state = CG_CACHE_HIT;
        s->indexable = true;
        s->st = k->st;
        memcpy(s->key, k->key, sizeof s->key);
        s->doc.key = s->key;
        return; /* nothing to prepare: there is neither input nor extraction */
    } else if (o->cache && !is_stdin && wanted && from_index(o, s)) {
        s->doc.status = CG_OK;
    } else {
        s->read = true;
        cg_read_options ro = o->read ? *o->read : (cg_read_options){0};
        ro.packed = o->packed;
        s->doc.status = is_stdin ? cg_input_read_stream("-", stdin, &ro, &s->input, &err)
                                 : cg_input_read_file(e->path, &ro, &s->input, &err);
        if (s->doc.status == CG_OK &&
            (cg_input_is_packed(s->input) ||
             (o->jsonl && cg_jsonl_recognise(cg_input_data(s->input), cg_input_size(s->input))))) {
            /* already extracted: handed on for the caller to read */
        } else if (s->doc.status == CG_OK && dip_file(o, s, wanted, &err)) {
            s->indexable = false; /* the index maps a path to one document */
            if (s->doc.status == CG_OK) return;
        } else if (s->doc.status == CG_OK && wanted) {
            s->doc.status = extract(o, s, k && k->first, &err);
        }
    }
    if (s->doc.status != CG_OK) {
        s->indexable = false;
        snprintf(s->error, sizeof s->error, "%s",
                 err.text[0] ? err.text : cg_strerror(s->doc.status));
        return;
    }
    s->doc.input = s->input;
    s->doc.extraction = s->extraction;
    if (o->cache && s->key[0]) s->doc.key = s->key;
    if (!s->extraction && s->doc.cache_state == CG_CACHE_HIT) return; /* kept by the caller */
    if (o->prepare) o->prepare(&s->doc, o->ctx);
}

static void release(run *r, slot *s) {
    for (size_t k = 0; k < s->nparts; k++) {
        part *p = &s->parts[k];
        if (r->o->release) r->o->release(&p->doc, r->o->ctx);
        cg_extraction_free(p->extraction);
        cg_input_free(p->input);
        free(p->error);
        free(p->dip_id);
    }
    free(s->parts);
    if (r->o->release) r->o->release(&s->doc, r->o->ctx);
    cg_extraction_free(s->extraction);
    cg_input_free(s->input);
    memset(s, 0, sizeof *s);
}

static int consume(void *ctx, size_t i) {
    run *r = ctx;
    const cg_run_options *o = r->o;
    slot *s = &r->slots[i % r->window];
    if (s->parts) {
        int rc = 0;
        if (o->cache) cgrun_cache_count(o->cache, CG_CACHE_OFF, s->read);
        for (size_t k = 0; k < s->nparts && !rc; k++) {
            part *p = &s->parts[k];
            p->doc.error =
                p->doc.status != CG_OK ? (p->error ? p->error : cg_strerror(p->doc.status)) : NULL;
            p->doc.cache_problem = p->doc.cache_state == CG_CACHE_DAMAGED ? p->cache_problem : NULL;
            if (o->cache) cgrun_cache_count(o->cache, p->doc.cache_state, false);
            rc = o->consume(&p->doc, o->ctx);
        }
        release(r, s);
        return rc ? 1 : 0;
    }
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

/* The stat of documents from .. to, on a thread of their own. */
typedef struct stat_part {
    const cg_path_list *paths;
    kept *k;
    size_t from, to;
} stat_part;

static void *stat_part_run(void *arg) {
    stat_part *p = arg;
    for (size_t i = p->from; i < p->to; i++) {
        const cg_path_entry *e = &p->paths->items[i];
        struct stat st;
        if (e->status == CG_OK && strcmp(e->path, "-") != 0 && stat(e->path, &st) == 0 &&
            S_ISREG(st.st_mode)) {
            cgrun_cache_stat_of(&st, &p->k[i].st);
            p->k[i].statted = true;
        }
    }
    return NULL;
}

/* Whether the paths are in strictly increasing order: then none is twice. */
static bool all_different(const cg_path_list *paths) {
    for (size_t i = 1; i < paths->count; i++)
        if (strcmp(paths->items[i - 1].path, paths->items[i].path) >= 0) return false;
    return true;
}

/* Which documents the caller keeps: their stat unchanged, their key one the
 * caller has (asked here, on the calling thread, before any is read). A
 * path given twice is kept the first time only. The stats are taken on
 * `jobs` threads: 100,000 of them are a good part of a re-run. NULL when
 * there is no such caller, or memory ran out (then every document is read
 * from its entry). */
static kept *find_kept(const cg_run_options *o, const cg_path_list *paths, int jobs) {
    if (!o->cache || !o->reuse || !paths->count) return NULL;
    kept *k = calloc(paths->count + 1, sizeof *k);
    if (!k) return NULL;
    pthread_t threads[64];
    stat_part parts[64];
    int started = 0, n = jobs < 1 ? 1 : jobs > 64 ? 64 : jobs;
    for (int t = 0; t < n; t++) {
        parts[t] = (stat_part){paths, k, paths->count * (size_t)t / (size_t)n,
                               paths->count * (size_t)(t + 1) / (size_t)n};
        if (t == n - 1 || pthread_create(&threads[started], NULL, stat_part_run, &parts[t]) != 0)
            stat_part_run(&parts[t]); /* the last part, or one no thread took, here */
        else
            started++;
    }
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    bool unique = all_different(paths);
    cgu_map seen = {0};
    size_t hint = 0;
    for (size_t i = 0; k && i < paths->count; i++) {
        const cg_path_entry *e = &paths->items[i];
        k[i].first = unique || !cgu_map_get(&seen, e->path, NULL);
        if (!unique && k[i].first && cgu_map_put(&seen, e->path, i)) {
            free(k);
            k = NULL;
            break;
        }
        if (!k[i].first || !k[i].statted || (o->extract && !o->extract(e->path, o->ctx))) continue;
        k[i].kept = cgrun_cache_lookup(o->cache, e->path, &k[i].st, k[i].key, &hint) &&
                    o->reuse(e->path, k[i].key, o->ctx);
    }
    cgu_map_release(&seen);
    for (size_t i = paths->count; k && i-- > 0;)
        k[i].stretch = k[i].kept ? k[i + 1].stretch + 1 : 0;
    return k;
}

/* Hands on a kept document; consume's answer. */
static int consume_kept(const cg_run_options *o, const cg_path_list *paths, size_t i, kept *k) {
    cg_run_doc doc = {.index = i,
                      .entry = &paths->items[i],
                      .status = CG_OK,
                      .cache_state = CG_CACHE_HIT,
                      .key = k->key};
    cgrun_cache_count(o->cache, CG_CACHE_HIT, false);
    /* a failed remember only costs the next run time */
    (void)cgrun_cache_remember(o->cache, paths->items[i].path, &k->st, k->key);
    int rc = o->consume(&doc, o->ctx);
    if (o->release) o->release(&doc, o->ctx);
    return rc;
}

/* A long stretch of kept documents goes past the workers (handing each to
 * a thread and back costs more than it); a short one is not worth stopping
 * and starting them. */
#define KEPT_STRETCH 64

static bool long_stretch(const kept *k, size_t i) {
    return k && k[i].stretch >= KEPT_STRETCH;
}

/* Documents done or in progress ahead of the next one consumed, per thread. The calling
 * thread works too, and while it extracts a long document it consumes nothing: the other
 * threads go on only as far as the window reaches. With 4 per thread they stood still behind
 * every long document (the real corpus on 2 cores took 6 % longer than with 16, at the same
 * peak memory). The price is memory where documents are large: up to 16 per thread are held
 * at once (one of 44 MB then forty of 4 MB, -j 2: 920 MB at the peak, 722 MB with 4). */
#define WINDOW_PER_THREAD 16

cg_status cg_run(const cg_run_options *o, const cg_path_list *paths, cg_error *err) {
    if (!o || !paths || !o->extractor || !o->consume)
        return cgu_error(err, CG_EINVAL, NULL, 0, 0,
                         !o || !paths    ? "no options or no paths"
                         : !o->extractor ? "no extractor in the run's options"
                                         : "no consume callback in the run's options");
    int jobs = o->jobs > 0 ? o->jobs : cgu_cores();
    run r = {o, paths, NULL, jobs > 1 ? (size_t)jobs * WINDOW_PER_THREAD : 1, 0, NULL};
    r.slots = calloc(r.window, sizeof *r.slots);
    if (!r.slots) return cgu_oom(err);
    kept *k = find_kept(o, paths, jobs);
    r.kept = k;
    int rc = 0;
    for (size_t i = 0; i < paths->count && rc == 0;) {
        if (long_stretch(k, i)) {
            for (; i < paths->count && k[i].kept && rc == 0; i++)
                rc = consume_kept(o, paths, i, &k[i]) ? 1 : 0;
            continue;
        }
        size_t end = i + 1;
        while (end < paths->count && !long_stretch(k, end))
            end++;
        r.base = i;
        cgu_ordered ord = {.n = end - i,
                           .jobs = jobs,
                           .window = r.window,
                           .ctx = &r,
                           .work = work,
                           .consume = consume,
                           .discard = discard,
                           /* a document's consume is small next to its extraction */
                           .caller_works = true};
        rc = cgu_ordered_run(&ord);
        i = end;
    }
    free(k);
    free(r.slots);
    if (rc == -1) return cgu_oom(err);
    return CG_OK;
}
