/* test_check_state.c - findings kept between runs (cg_check_open_state).
 *
 * What it proves: a check that takes every document from the state of the
 * run before writes the same bytes as one that checks them all anew, in
 * every report format, whether the state carries that format's bytes or
 * not; cg_check_write_to() gives cg_check_write()'s bytes; a kept document
 * that cites a document whose facts changed (its title here, which rule
 * CG005 compares) is named stale, checked anew in its place and then
 * reported as a check without a state reports it; a document that came or
 * went makes those that cite it stale, and only those; a state of another
 * configuration is not used and is no problem; a damaged state is not used
 * and says why. The command-line side (--cache DIR, DIR/check-state) is in
 * tests/check/run_check_tests.sh. */
#define _POSIX_C_SOURCE 200809L /* strndup, mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h, which it needs */

#include "citegraph/check.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"

#define ANFRAGE_KATAR                                                                              \
    "Deutscher Bundestag Drucksache 21/659\n21. Wahlperiode 26.06.2025\nKleine Anfrage\n"          \
    "der Fraktion Die Linke\nRüstungsexporte nach Katar\n"                                        \
    "1. Wie viele Genehmigungen gab es?\n2. Welche Güter?\n"
#define ANFRAGE_ISRAEL                                                                             \
    "Deutscher Bundestag Drucksache 21/659\n21. Wahlperiode 26.06.2025\nKleine Anfrage\n"          \
    "der Fraktion Die Linke\nRüstungsexporte nach Israel\n"                                       \
    "1. Wie viele Genehmigungen gab es?\n2. Welche Güter?\n"
#define ANTWORT                                                                                    \
    "Deutscher Bundestag Drucksache 21/843\n21. Wahlperiode 10.07.2025\nAntwort\n"                 \
    "der Bundesregierung\nauf die Kleine Anfrage der Fraktion Die Linke\n"                         \
    "– Drucksache 21/659 –\nRüstungsexporte nach Israel\n"                                    \
    "Siehe Drucksache 21/659, Antwort zu Frage 7, und Drucksache 21/99999.\n"                      \
    "Vgl. https://www..example.org/ und Drucksache 21/843.\n"
#define OTHER                                                                                      \
    "Deutscher Bundestag Drucksache 21/900\n21. Wahlperiode 01.08.2025\nAntwort\n"                 \
    "der Bundesregierung\nSiehe Drucksache 21/77777 und Drucksache 21/12.\n"
#define NEWCOMER                                                                                   \
    "Deutscher Bundestag Drucksache 21/77777\n21. Wahlperiode 01.09.2025\nAntwort\n"               \
    "der Bundesregierung\nNichts.\n"

typedef struct doc {
    const char *file, *key, *text;
} doc;

static cg_extractor *ex;
static char dir[64], state[128];

static int setup(void **st) {
    (void)st;
    strcpy(dir, "/tmp/cg-state-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(state, sizeof state, "%s/check-state", dir);
    return cg_extractor_new(NULL, &ex, NULL) == CG_OK ? 0 : -1;
}

static int teardown(void **st) {
    (void)st;
    unlink(state);
    rmdir(dir);
    cg_extractor_free(ex);
    return 0;
}

/* Adds d checked anew, with its extraction (quotes kept by the check). */
static void add_anew(cg_check *c, const doc *d) {
    cg_input *in = NULL;
    cg_extraction *x = NULL;
    assert_int_equal(cg_input_from_memory(d->file, d->text, strlen(d->text), NULL, &in, NULL),
                     CG_OK);
    assert_int_equal(cg_extract(ex, in, &x, NULL), CG_OK);
    assert_int_equal(cg_check_add_document_keyed(c, d->file, d->key, in, x, NULL), CG_OK);
    cg_extraction_free(x);
    cg_input_free(in);
}

static cg_check *new_check(cg_severity fail_on, bool with_state) {
    cg_check *c = NULL;
    assert_int_equal(cg_check_new(&c, NULL), CG_OK);
    cg_check_set_fail_on(c, fail_on);
    if (with_state) assert_int_equal(cg_check_open_state(c, state, NULL), CG_OK);
    return c;
}

/* The report of c in a format, NUL-terminated; the caller frees it. */
static char *report(const cg_check *c, cg_check_format format, bool source) {
    cg_buf out = CG_BUF_INIT;
    assert_int_equal(cg_check_write(c, format, CG_SEV_NOTE, source, &out, NULL), CG_OK);
    char *text = strndup(out.data, out.len);
    cg_buf_release(&out);
    return text;
}

/* JUnit's timestamp is the time of writing. */
static void without_timestamp(char *s) {
    char *t = strstr(s, "timestamp=\"");
    if (t) memset(t + 11, '0', 19);
}

/* Every format of a and b is the same bytes. */
static void same_reports(const cg_check *a, const cg_check *b) {
    for (int f = CG_CHECK_TEXT; f <= CG_CHECK_MARKDOWN; f++)
        for (int source = 0; source < 2; source++) {
            char *x = report(a, (cg_check_format)f, source),
                 *y = report(b, (cg_check_format)f, source);
            without_timestamp(x);
            without_timestamp(y);
            assert_string_equal(x, y);
            free(x);
            free(y);
        }
}

/* A check of `docs` without a state, run. */
static cg_check *plain(const doc *docs, size_t n) {
    cg_check *c = new_check(CG_SEV_ERROR, false);
    for (size_t i = 0; i < n; i++)
        add_anew(c, &docs[i]);
    assert_int_equal(cg_check_run(c, NULL), CG_OK);
    return c;
}

/* The first run: everything anew, JSON and SARIF written, the state saved. */
static void first_run(const doc *docs, size_t n) {
    unlink(state);
    cg_check *c = new_check(CG_SEV_ERROR, true);
    assert_string_equal(cg_check_state_problem(c), "");
    for (size_t i = 0; i < n; i++) {
        assert_false(cg_check_keeps(c, docs[i].file, docs[i].key));
        add_anew(c, &docs[i]);
    }
    assert_int_equal(cg_check_run(c, NULL), CG_OK);
    free(report(c, CG_CHECK_JSON, false));
    free(report(c, CG_CHECK_SARIF, false));
    assert_int_equal(cg_check_save_state(c, NULL), CG_OK);
    cg_check_free(c);
}

static const doc corpus[] = {
    {"a/anfrage.txt", "11111111111111111111111111111111", ANFRAGE_KATAR},
    {"a/antwort.txt", "22222222222222222222222222222222", ANTWORT},
    {"a/other.txt", "33333333333333333333333333333333", OTHER},
};

/* After a first run of the corpus: a check with the Anfrage added anew as
 * `text` under `key` and the two others kept; `now` the documents as they
 * are then. */
static cg_check *anfrage_anew(const char *text, const char *key, doc now[3]) {
    first_run(corpus, 3);
    for (int i = 0; i < 3; i++)
        now[i] = corpus[i];
    now[0].text = text;
    now[0].key = key;
    cg_check *c = new_check(CG_SEV_ERROR, true);
    add_anew(c, &now[0]);
    assert_int_equal(cg_check_add_kept(c, now[1].file, now[1].key, NULL), CG_OK);
    assert_int_equal(cg_check_add_kept(c, now[2].file, now[2].key, NULL), CG_OK);
    return c;
}

static void kept_reports_are_the_same_bytes(void **st) {
    (void)st;
    first_run(corpus, 3);
    cg_check *c = new_check(CG_SEV_ERROR, true);
    for (size_t i = 0; i < 3; i++) {
        assert_true(cg_check_keeps(c, corpus[i].file, corpus[i].key));
        assert_false(cg_check_keeps(c, corpus[i].file, "44444444444444444444444444444444"));
        assert_int_equal(cg_check_add_kept(c, corpus[i].file, corpus[i].key, NULL), CG_OK);
    }
    assert_int_equal(cg_check_run(c, NULL), CG_OK);
    cg_check *p = plain(corpus, 3);
    assert_true(cg_check_count(c) > 5);
    assert_int_equal(cg_check_count(c), cg_check_count(p));
    same_reports(c, p); /* JSON and SARIF from the state, the others written anew */
    assert_int_equal(cg_check_save_state(c, NULL), CG_OK);
    cg_check_free(c);
    cg_check_free(p);
}

/* A report gathered from its pieces. */
typedef struct pieces {
    char *data;
    size_t len;
} pieces;

static int to_pieces(const char *data, size_t len, void *ctx) {
    pieces *p = ctx;
    char *grown = realloc(p->data, p->len + len + 1);
    if (!grown) return -1;
    memcpy(grown + p->len, data, len);
    p->data = grown;
    p->len += len;
    p->data[p->len] = '\0';
    return 0;
}

static void write_to_gives_the_same_bytes(void **st) {
    (void)st;
    cg_check *p = plain(corpus, 3);
    for (int f = CG_CHECK_TEXT; f <= CG_CHECK_MARKDOWN; f++) {
        pieces b = {NULL, 0};
        char *x = report(p, (cg_check_format)f, false);
        assert_int_equal(
            cg_check_write_to(p, (cg_check_format)f, CG_SEV_NOTE, false, to_pieces, &b, NULL),
            CG_OK);
        assert_non_null(b.data);
        without_timestamp(x);
        without_timestamp(b.data);
        assert_string_equal(x, b.data);
        free(x);
        free(b.data);
    }
    cg_check_free(p);
}

static void a_changed_title_makes_its_citers_stale(void **st) {
    (void)st;
    doc now[3];
    cg_check *c = anfrage_anew(ANFRAGE_ISRAEL, "55555555555555555555555555555555", now);
    cg_error err;
    assert_int_equal(cg_check_run(c, &err), CG_ESTALE);
    const char *const *files;
    assert_int_equal(cg_check_stale(c, &files), 1); /* the Antwort; other.txt cites no 21/659 */
    assert_string_equal(files[0], "a/antwort.txt");
    add_anew(c, &now[1]); /* in its kept place */
    assert_int_equal(cg_check_run(c, NULL), CG_OK);
    cg_check *p = plain(now, 3);
    assert_int_equal(cg_check_count(c), cg_check_count(p));
    same_reports(c, p);
    /* the title mismatch (CG005) of the first run is gone */
    char *json = report(c, CG_CHECK_JSON, false);
    assert_null(strstr(json, "CG005"));
    free(json);
    cg_check_free(c);
    cg_check_free(p);
}

static void a_document_that_comes_makes_its_citers_stale(void **st) {
    (void)st;
    first_run(corpus, 3);
    doc now[4] = {corpus[0],
                  corpus[1],
                  corpus[2],
                  {"a/zz-newcomer.txt", "66666666666666666666666666666666", NEWCOMER}};
    cg_check *c = new_check(CG_SEV_ERROR, true);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(cg_check_add_kept(c, now[i].file, now[i].key, NULL), CG_OK);
    add_anew(c, &now[3]);
    assert_int_equal(cg_check_run(c, NULL), CG_ESTALE);
    const char *const *files;
    assert_int_equal(cg_check_stale(c, &files), 1); /* other.txt cites 21/77777 */
    assert_string_equal(files[0], "a/other.txt");
    add_anew(c, &now[2]);
    assert_int_equal(cg_check_run(c, NULL), CG_OK);
    cg_check *p = plain(now, 4);
    same_reports(c, p);
    cg_check_free(c);
    cg_check_free(p);
    /* and when it goes again, the same one is stale */
    first_run(now, 4);
    c = new_check(CG_SEV_ERROR, true);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(cg_check_add_kept(c, now[i].file, now[i].key, NULL), CG_OK);
    assert_int_equal(cg_check_run(c, NULL), CG_ESTALE);
    assert_int_equal(cg_check_stale(c, &files), 1);
    assert_string_equal(files[0], "a/other.txt");
    cg_check_free(c);
}

static void another_configuration_or_damage_is_not_used(void **st) {
    (void)st;
    first_run(corpus, 3);
    /* another fail-on level: not used, and no problem */
    cg_check *c = new_check(CG_SEV_WARNING, true);
    assert_false(cg_check_keeps(c, corpus[0].file, corpus[0].key));
    assert_string_equal(cg_check_state_problem(c), "");
    cg_check_free(c);
    /* a byte changed in the middle: the checksum says so */
    FILE *f = fopen(state, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, -200, SEEK_END), 0);
    int ch = fgetc(f);
    assert_int_equal(fseek(f, -200, SEEK_END), 0);
    fputc(ch == 'x' ? 'y' : 'x', f);
    fclose(f);
    c = new_check(CG_SEV_ERROR, true);
    assert_false(cg_check_keeps(c, corpus[0].file, corpus[0].key));
    assert_string_equal(cg_check_state_problem(c), "checksum does not match");
    assert_int_equal(cg_check_add_kept(c, corpus[0].file, corpus[0].key, NULL), CG_EINVAL);
    cg_check_free(c);
    /* cut short */
    f = fopen(state, "wb");
    fputs("citegraph-check-state 2 ", f);
    fclose(f);
    c = new_check(CG_SEV_ERROR, true);
    assert_string_equal(cg_check_state_problem(c), "not a citegraph check state");
    cg_check_free(c);
    /* not with the online check, and not twice */
    c = new_check(CG_SEV_ERROR, true);
    assert_int_equal(cg_check_open_state(c, state, NULL), CG_EINVAL);
    cg_check_free(c);
}

/* The Anfrage checked anew, its bytes the same but under another key: the
 * same facts, questions and all (compared field by field, not with their
 * padding), so nothing that cites it is stale. */
static void the_same_facts_anew_make_nothing_stale(void **st) {
    (void)st;
    doc now[3];
    cg_check *c = anfrage_anew(ANFRAGE_KATAR, "77777777777777777777777777777777", now);
    assert_int_equal(cg_check_run(c, NULL), CG_OK);
    cg_check *p = plain(now, 3);
    same_reports(c, p);
    cg_check_free(c);
    cg_check_free(p);
}

/* A stale document the caller cannot add again (its file went between
 * the rounds) is left out, as a document gone, by the next run. */
static void a_stale_document_not_added_again_is_left_out(void **st) {
    (void)st;
    doc now[3];
    cg_check *c = anfrage_anew(ANFRAGE_ISRAEL, "55555555555555555555555555555555", now);
    assert_int_equal(cg_check_run(c, NULL), CG_ESTALE);
    assert_int_equal(cg_check_run(c, NULL), CG_OK); /* the Antwort not added again */
    doc without[2] = {now[0], now[2]};
    cg_check *p = plain(without, 2);
    same_reports(c, p);
    cg_check_free(c);
    cg_check_free(p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kept_reports_are_the_same_bytes),
        cmocka_unit_test(write_to_gives_the_same_bytes),
        cmocka_unit_test(a_changed_title_makes_its_citers_stale),
        cmocka_unit_test(a_document_that_comes_makes_its_citers_stale),
        cmocka_unit_test(another_configuration_or_damage_is_not_used),
        cmocka_unit_test(the_same_facts_anew_make_nothing_stale),
        cmocka_unit_test(a_stale_document_not_added_again_is_left_out),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
