/* test_run.c - cg_run(): documents handed on in path order whatever the
 * number of threads, failures handed on with their reason, the caller's
 * per-document work, and the cache (miss, hit, damaged entry, damaged
 * index). The cache's index of file stats, which trusts only files older
 * than two seconds, is tested from the command line (tests/check). */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "citegraph/run.h"
#include "citegraph/serialize.h"
#include "util/util.h"

#define NDOCS 24

typedef struct corpus {
    char dir[64];
    cg_path_list paths;
    cg_extractor *ex;
} corpus;

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

/* NDOCS documents citing each other, and a path that does not exist after
 * the fifth: the walk makes it an entry with an error. */
static int setup(void **state) {
    corpus *c = calloc(1, sizeof *c);
    assert_non_null(c);
    strcpy(c->dir, "/tmp/cg-test-run-XXXXXX");
    assert_non_null(mkdtemp(c->dir));
    char path[128], text[512];
    for (int i = 0; i < NDOCS; i++) {
        snprintf(path, sizeof path, "%s/d%02d.txt", c->dir, i);
        snprintf(text, sizeof text,
                 "Deutscher Bundestag Drucksache 21/%d\n21. Wahlperiode\nText\n"
                 "Siehe BT-Drs. 21/%d, Antwort zu Frage %d, und BT-Drs. 19/5954.\n%s",
                 100 + i, 100 + (i + 1) % NDOCS, i % 5 + 1,
                 i % 4 == 0 ? "Bundesratsdrucksache 103/1/25 und https://example.org/x\n" : "");
        write_file(path, text);
        assert_int_equal(cg_path_list_add(&c->paths, path, NULL, NULL), CG_OK);
        if (i == 4) {
            snprintf(path, sizeof path, "%s/missing.txt", c->dir);
            assert_int_equal(cg_path_list_add(&c->paths, path, NULL, NULL), CG_OK);
        }
    }
    assert_int_equal(c->paths.count, NDOCS + 1);
    assert_int_not_equal(c->paths.items[5].status, CG_OK);
    assert_int_equal(cg_extractor_new(NULL, &c->ex, NULL), CG_OK);
    *state = c;
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state) {
    corpus *c = *state;
    nftw(c->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    cg_path_list_release(&c->paths);
    cg_extractor_free(c->ex);
    free(c);
    return 0;
}

/* What a run handed on: TSV of every document in order, and counts. */
typedef struct seen {
    cg_buf out;
    size_t next_index;
    size_t failed, extracted, with_input;
    size_t prepared, consumed, released;
    size_t states[4];
    size_t stop_at; /* consume returns nonzero at this many documents (0: never) */
    char problem[256];
} seen;

static void prepare(cg_run_doc *doc, void *ctx) {
    seen *s = ctx;
    /* the caller's own work, done on the worker: here the document's TSV
     * (no cmocka assertion off the main thread; consume checks the result) */
    cg_buf *b = malloc(sizeof *b);
    if (!b) return;
    *b = (cg_buf)CG_BUF_INIT;
    if (doc->extraction && cg_tsv_write(b, doc->entry->path, doc->extraction, NULL) != CG_OK) {
        cg_buf_release(b);
        free(b);
        return;
    }
    doc->user = b;
    __atomic_fetch_add(&s->prepared, 1, __ATOMIC_RELAXED);
}

static int consume(cg_run_doc *doc, void *ctx) {
    seen *s = ctx;
    assert_int_equal(doc->index, s->next_index); /* strictly in path order */
    s->next_index++;
    s->consumed++;
    s->states[doc->cache_state]++;
    char line[600];
    if (doc->status != CG_OK) {
        s->failed++;
        assert_non_null(doc->error);
        assert_null(doc->input);
        assert_null(doc->extraction);
        snprintf(line, sizeof line, "FAILED %s: %s\n", doc->entry->path, doc->error);
        assert_int_equal(cgu_buf_puts(&s->out, line), 0);
        return s->stop_at && s->consumed == s->stop_at;
    }
    assert_null(doc->error);
    s->with_input += doc->input != NULL;
    if (doc->extraction) {
        s->extracted++;
        cg_buf *b = doc->user;
        assert_non_null(b);
        assert_int_equal(cgu_buf_puts(&s->out, b->data), 0);
    }
    if (doc->cache_problem) snprintf(s->problem, sizeof s->problem, "%s", doc->cache_problem);
    return s->stop_at && s->consumed == s->stop_at;
}

static void release(cg_run_doc *doc, void *ctx) {
    seen *s = ctx;
    cg_buf *b = doc->user;
    if (!b) return;
    cg_buf_release(b);
    free(b);
    doc->user = NULL;
    __atomic_fetch_add(&s->released, 1, __ATOMIC_RELAXED);
}

static void run(corpus *c, int jobs, cg_cache *cache, bool (*pred)(const char *, void *), seen *s) {
    cg_run_options o = {.extractor = c->ex,
                        .cache = cache,
                        .jobs = jobs,
                        .extract = pred,
                        .prepare = prepare,
                        .consume = consume,
                        .release = release,
                        .ctx = s};
    cg_error err = {0};
    assert_int_equal(cg_run(&o, &c->paths, &err), CG_OK);
    /* every prepared document is released, consumed or not */
    assert_int_equal(s->prepared, s->released);
}

static void seen_release(seen *s) {
    cg_buf_release(&s->out);
}

static void test_order_and_failures_whatever_the_threads(void **state) {
    corpus *c = *state;
    seen one = {.out = CG_BUF_INIT}, many = {.out = CG_BUF_INIT};
    run(c, 1, NULL, NULL, &one);
    run(c, 4, NULL, NULL, &many);
    assert_int_equal(one.consumed, NDOCS + 1);
    assert_int_equal(one.failed, 1);
    assert_int_equal(one.extracted, NDOCS);
    assert_int_equal(one.with_input, NDOCS);
    assert_int_equal(one.states[CG_CACHE_OFF], NDOCS + 1);
    assert_non_null(strstr(one.out.data, "FAILED"));
    assert_non_null(strstr(one.out.data, "missing.txt"));
    /* the failure stands where its path stands: after d04 and before d05 */
    const char *failed = strstr(one.out.data, "FAILED");
    assert_true(failed > strstr(one.out.data, "d04.txt"));
    assert_true(failed < strstr(one.out.data, "d05.txt"));
    assert_non_null(strstr(one.out.data, "BT-Drs. 21/101\tFrage 1"));
    assert_int_equal(one.out.len, many.out.len);
    assert_memory_equal(one.out.data, many.out.data, one.out.len);
    seen_release(&one);
    seen_release(&many);
}

static void test_consume_stops_the_run(void **state) {
    corpus *c = *state;
    seen s = {.out = CG_BUF_INIT, .stop_at = 3};
    run(c, 4, NULL, NULL, &s);
    assert_int_equal(s.consumed, 3);
    seen_release(&s);
}

/* Options without an extractor or consume are refused before anything is read (a zeroed
 * cg_run_options crashed in the extraction of the first document). */
static void test_options_missing_what_a_run_needs(void **state) {
    corpus *c = *state;
    seen s = {.out = CG_BUF_INIT};
    cg_run_options none = {0}, no_consume = {.extractor = c->ex, .ctx = &s};
    cg_run_options no_extractor = {.consume = consume, .ctx = &s};
    const cg_run_options *bad[] = {&none, &no_consume, &no_extractor};
    const char *why[] = {"no extractor in the run's options",
                         "no consume callback in the run's options",
                         "no extractor in the run's options"};
    for (size_t i = 0; i < 3; i++) {
        cg_error err;
        memset(&err, 0x55, sizeof err);
        assert_int_equal(cg_run(bad[i], &c->paths, &err), CG_EINVAL);
        assert_string_equal(err.text, why[i]);
    }
    assert_int_equal(s.consumed, 0);
    seen_release(&s);
}

static bool only_even(const char *path, void *ctx) {
    (void)ctx;
    size_t n = strlen(path);
    return n > 5 && (path[n - 5] - '0') % 2 == 0;
}

/* Documents the predicate declines are read and handed on, not extracted. */
static void test_extract_predicate(void **state) {
    corpus *c = *state;
    seen s = {.out = CG_BUF_INIT};
    run(c, 2, NULL, only_even, &s);
    assert_int_equal(s.consumed, NDOCS + 1);
    assert_int_equal(s.extracted, NDOCS / 2);
    assert_int_equal(s.with_input, NDOCS);
    seen_release(&s);
}

/* The cache: a second run reuses every entry and hands on the same
 * extractions; a damaged entry is reported and rebuilt. */
static void test_cache(void **state) {
    corpus *c = *state;
    char dir[128];
    snprintf(dir, sizeof dir, "%s/cache", c->dir);
    seen plain = {.out = CG_BUF_INIT};
    run(c, 1, NULL, NULL, &plain);

    cg_cache *cache = NULL;
    cg_error err = {0};
    assert_int_equal(cg_cache_open(dir, c->ex, &cache, &err), CG_OK);
    assert_string_equal(cg_cache_index_problem(cache), "");
    seen cold = {.out = CG_BUF_INIT};
    run(c, 3, cache, NULL, &cold);
    assert_int_equal(cold.states[CG_CACHE_MISS], NDOCS);
    cg_cache_stats st;
    cg_cache_get_stats(cache, &st);
    assert_int_equal(st.extracted, NDOCS);
    assert_int_equal(st.reused, 0);
    assert_int_equal(cg_cache_close(cache, &err), CG_OK);

    assert_int_equal(cg_cache_open(dir, c->ex, &cache, &err), CG_OK);
    seen warm = {.out = CG_BUF_INIT};
    run(c, 3, cache, NULL, &warm);
    assert_int_equal(warm.states[CG_CACHE_HIT], NDOCS);
    cg_cache_get_stats(cache, &st);
    assert_int_equal(st.reused, NDOCS);
    assert_int_equal(st.extracted, 0);
    assert_int_equal(cg_cache_close(cache, &err), CG_OK);
    /* the same extractions, from the cache and without it */
    assert_int_equal(plain.out.len, cold.out.len);
    assert_memory_equal(plain.out.data, cold.out.data, plain.out.len);
    assert_int_equal(plain.out.len, warm.out.len);
    assert_memory_equal(plain.out.data, warm.out.data, plain.out.len);

    /* damage every entry: each is reported, extracted again and stored */
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "find '%s' -name '*.cgr' -exec sh -c 'printf X | dd of=\"$1\" bs=1 seek=60 "
             "conv=notrunc 2>/dev/null' _ {} \\;",
             dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(cg_cache_open(dir, c->ex, &cache, &err), CG_OK);
    seen damaged = {.out = CG_BUF_INIT};
    run(c, 3, cache, NULL, &damaged);
    assert_int_equal(damaged.states[CG_CACHE_DAMAGED], NDOCS);
    assert_true(strlen(damaged.problem) > 0);
    cg_cache_get_stats(cache, &st);
    assert_int_equal(st.damaged, NDOCS);
    assert_int_equal(cg_cache_close(cache, &err), CG_OK);
    assert_int_equal(plain.out.len, damaged.out.len);
    assert_memory_equal(plain.out.data, damaged.out.data, plain.out.len);

    /* rebuilt: hits again */
    assert_int_equal(cg_cache_open(dir, c->ex, &cache, &err), CG_OK);
    seen again = {.out = CG_BUF_INIT};
    run(c, 1, cache, NULL, &again);
    assert_int_equal(again.states[CG_CACHE_HIT], NDOCS);
    assert_int_equal(cg_cache_close(cache, &err), CG_OK);

    /* a damaged index is not used, and says why */
    char index[160];
    snprintf(index, sizeof index, "%s/index", dir);
    write_file(index, "citegraph-cache-index 2\nnot an index\n");
    assert_int_equal(cg_cache_open(dir, c->ex, &cache, &err), CG_OK);
    assert_true(strlen(cg_cache_index_problem(cache)) > 0);
    seen after = {.out = CG_BUF_INIT};
    run(c, 2, cache, NULL, &after);
    assert_int_equal(after.states[CG_CACHE_HIT], NDOCS);
    assert_int_equal(cg_cache_close(cache, &err), CG_OK);

    /* a cache directory that is a file */
    assert_int_equal(cg_cache_open(index, c->ex, &cache, &err), CG_EIO);
    assert_null(cache);

    seen_release(&plain);
    seen_release(&cold);
    seen_release(&warm);
    seen_release(&damaged);
    seen_release(&again);
    seen_release(&after);
}

/* The caller keeps documents (cg_run_options.reuse): those are handed on
 * without their entry loaded, in path order among the others, a long
 * stretch of them past the workers and a short one through them. The files
 * must be older than two seconds for the stat index to trust them. */
#define NKEPT 150

static bool keep_most(const char *path, const char *key, void *ctx) {
    (void)ctx;
    /* every document but d010 and d100..d103: stretches of 10, 89 and 46 */
    const char *name = strrchr(path, '/');
    return strlen(key) == 32 && strcmp(name, "/d010.txt") != 0 &&
           (strcmp(name, "/d100.txt") < 0 || strcmp(name, "/d103.txt") > 0);
}

typedef struct kept_seen {
    size_t next_index, kept, extracted, keyed;
} kept_seen;

static int consume_kept(cg_run_doc *doc, void *ctx) {
    kept_seen *s = ctx;
    assert_int_equal(doc->index, s->next_index++);
    assert_int_equal(doc->status, CG_OK);
    assert_int_equal(doc->cache_state, CG_CACHE_HIT);
    assert_non_null(doc->key);
    assert_int_equal(strlen(doc->key), 32);
    s->keyed++;
    if (doc->extraction)
        s->extracted++;
    else
        s->kept++;
    assert_null(doc->input);
    return 0;
}

static void test_reuse(void **state) {
    (void)state;
    char dir[64], path[128], text[256], cachedir[128];
    strcpy(dir, "/tmp/cg-test-reuse-XXXXXX");
    assert_non_null(mkdtemp(dir));
    cg_path_list paths = {0};
    for (int i = 0; i < NKEPT; i++) {
        snprintf(path, sizeof path, "%s/d%03d.txt", dir, i);
        snprintf(text, sizeof text, "Deutscher Bundestag Drucksache 21/%d\nSiehe BT-Drs. 21/%d.\n",
                 1000 + i, 1000 + (i + 7) % NKEPT);
        write_file(path, text);
        assert_int_equal(cg_path_list_add(&paths, path, NULL, NULL), CG_OK);
    }
    /* d005 once more at the end: kept the first time only */
    snprintf(path, sizeof path, "%s/d005.txt", dir);
    assert_int_equal(cg_path_list_add(&paths, path, NULL, NULL), CG_OK);
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    snprintf(cachedir, sizeof cachedir, "%s/cache", dir);
    sleep(3); /* settled: the index trusts them */
    cg_cache *cache = NULL;
    assert_int_equal(cg_cache_open(cachedir, ex, &cache, NULL), CG_OK);
    kept_seen cold = {0};
    cg_run_options o = {.extractor = ex, .cache = cache, .jobs = 2, .ctx = &cold};
    o.consume = consume_kept;
    /* the first run: nothing in the index, so reuse is never asked */
    o.reuse = keep_most;
    seen ignore = {.out = CG_BUF_INIT};
    (void)ignore;
    cold.next_index = 0;
    {
        /* a cold cache hands every document on as a miss */
        cg_run_options first = {.extractor = ex, .cache = cache, .jobs = 2, .ctx = &ignore};
        first.consume = consume;
        first.prepare = prepare;
        first.release = release;
        assert_int_equal(cg_run(&first, &paths, NULL), CG_OK);
        assert_int_equal(ignore.states[CG_CACHE_MISS] + ignore.states[CG_CACHE_HIT], NKEPT + 1);
    }
    assert_int_equal(cg_cache_close(cache, NULL), CG_OK);
    for (int jobs = 1; jobs <= 3; jobs++) {
        assert_int_equal(cg_cache_open(cachedir, ex, &cache, NULL), CG_OK);
        kept_seen warm = {0};
        o.cache = cache;
        o.jobs = jobs;
        o.ctx = &warm;
        assert_int_equal(cg_run(&o, &paths, NULL), CG_OK);
        assert_int_equal(warm.next_index, NKEPT + 1);
        assert_int_equal(warm.kept, NKEPT - 5);
        assert_int_equal(warm.extracted, 6); /* loaded from its entry */
        cg_cache_stats st;
        cg_cache_get_stats(cache, &st);
        assert_int_equal(st.reused, NKEPT + 1);
        assert_int_equal(st.read, 0);
        /* and the index keeps every file for the next run */
        assert_int_equal(cg_cache_close(cache, NULL), CG_OK);
    }
    seen_release(&ignore);
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    cg_path_list_release(&paths);
    cg_extractor_free(ex);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reuse),
        cmocka_unit_test_setup_teardown(test_order_and_failures_whatever_the_threads, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_consume_stops_the_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_options_missing_what_a_run_needs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_extract_predicate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
