/* test_catalog.c - catalogs of known documents (citegraph/resolve.h).
 *
 * What it proves: that DIP's JSON metadata records are read as a catalog in
 * every shape users keep them in (a page of the "drucksache" endpoint, pages
 * of "drucksache-text" with their texts and further pages written one after
 * the other in one file, one record per line), with the fields the check and
 * the graph use (type, date, title, authors, DIP's id, the PDF address) and
 * each record's number in its file; that a record which names no document is
 * passed over with a problem naming the file and the record, and a file that
 * is not JSON fails with its line; and that a catalog read as a selection
 * does not claim to cover its numbering, while a complete one does.
 *
 * The files are in tests/catalog (see its PROVENANCE.md): the one real DIP
 * record there is, with and without its text, and records written in DIP's
 * shape from the bundled sample corpus. */
#define _POSIX_C_SOURCE                                                                            \
    200809L /* mkstemp (in the working directory: the build tree under CTest)                      \
             */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h, which it needs */

#include "citegraph/docid.h"
#include "citegraph/extract.h"
#include "citegraph/resolve.h"

#define DATA CG_SOURCE_DIR "/tests/catalog/"

static cg_extractor *extractor;

static int setup(void **state) {
    (void)state;
    cg_error err;
    return cg_extractor_new(NULL, &extractor, &err) == CG_OK ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    cg_extractor_free(extractor);
    return 0;
}

/* A catalog of the one file, read with `scope`; it must read. */
static cg_catalog *read_catalog(const char *path, cg_catalog_scope scope) {
    cg_catalog *c = NULL;
    cg_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(cg_catalog_new(&c, &err), CG_OK);
    if (cg_catalog_read_scoped(c, extractor, path, scope, &err) != CG_OK)
        fail_msg("%s:%zu: %s", path, err.line, err.text);
    return c;
}

static cg_docid id_of(const char *text, cg_buf *storage) {
    cg_docid d;
    cg_error err;
    assert_int_equal(cg_resolve_text(extractor, text, &d, storage, &err), CG_OK);
    return d;
}

/* The entry for `text`; it must be there. */
static const cg_catalog_entry *entry(const cg_catalog *c, const char *text) {
    cg_buf storage = CG_BUF_INIT;
    cg_docid d = id_of(text, &storage);
    const cg_catalog_entry *e = cg_catalog_find(c, &d);
    cg_buf_release(&storage);
    if (!e) fail_msg("%s is not in the catalog", text);
    return e;
}

/* The real record of Drucksache 20/1, as every test that reads it sees it. */
static void expect_20_1(const cg_catalog_entry *e, const char *source) {
    char id[64];
    cg_docid_format(&e->id, id, sizeof id);
    assert_string_equal(id, "BT-Drs. 20/1");
    assert_string_equal(e->type, "Antrag");
    assert_string_equal(e->date, "2021-10-25");
    assert_string_equal(e->title, "Weitergeltung von Geschäftsordnungsrecht");
    assert_string_equal(e->dip_id, "258173");
    assert_string_equal(e->pdf_url, "https://dserver.bundestag.de/btd/20/000/2000001.pdf");
    assert_int_equal(e->nauthors, 1);
    assert_string_equal(e->authors[0].name, "Fraktion der SPD");
    assert_int_equal(e->authors[0].role, CG_AUTHOR_SUBMITTER);
    assert_string_equal(e->source, source);
    assert_int_equal(e->record, 1);
}

static void test_drucksache_page(void **state) {
    (void)state;
    const char *path = DATA "dip-drucksache-page.json";
    cg_catalog *c = read_catalog(path, CG_CATALOG_COMPLETE);
    assert_int_equal(cg_catalog_count(c), 1);
    assert_int_equal(cg_catalog_problem_count(c), 0);
    expect_20_1(cg_catalog_entry_at(c, 0), path);
    assert_false(cg_catalog_entry_at(c, 0)->selection);
    cg_catalog_free(c);
}

static void test_concatenated_pages(void **state) {
    (void)state;
    const char *path = DATA "dip-pages-concatenated.json";
    cg_catalog *c = read_catalog(path, CG_CATALOG_COMPLETE);
    /* the text of the first page's record is no record of its own */
    assert_int_equal(cg_catalog_count(c), 4);
    assert_int_equal(cg_catalog_problem_count(c), 0);
    expect_20_1(cg_catalog_entry_at(c, 0), path);
    const cg_catalog_entry *a = entry(c, "BT-Drs. 21/1958");
    assert_int_equal(a->record, 3); /* numbered over both pages */
    assert_string_equal(a->type, "Antwort");
    assert_string_equal(a->date, "2025-10-02");
    assert_null(a->dip_id);
    assert_string_equal(a->pdf_url, "https://dserver.bundestag.de/btd/21/019/2101958.pdf");
    assert_int_equal(a->nauthors, 2);
    assert_string_equal(a->authors[0].name, "Bundesregierung");
    assert_int_equal(a->authors[0].role, CG_AUTHOR_SUBMITTER);
    assert_string_equal(a->authors[1].name, "Bundesministerium für Wirtschaft und Energie");
    assert_int_equal(a->authors[1].role, CG_AUTHOR_MINISTRY);
    assert_int_equal(entry(c, "BT-Drs. 21/1633")->record, 2);
    /* "dokumentart": "Plenarprotokoll" */
    const cg_catalog_entry *p = entry(c, "BT-PlPr. 21/13");
    assert_int_equal(p->id.kind, CG_KIND_BT_PLENARPROTOKOLL);
    assert_int_equal(p->record, 4);
    assert_string_equal(p->date, "2025-07-09");
    cg_catalog_free(c);
}

static void test_faulty_records(void **state) {
    (void)state;
    const char *path = DATA "dip-faulty-records.jsonl";
    cg_catalog *c = read_catalog(path, CG_CATALOG_COMPLETE);
    assert_int_equal(cg_catalog_count(c), 2); /* the first and the last line */
    expect_20_1(cg_catalog_entry_at(c, 0), path);
    assert_int_equal(entry(c, "BT-Drs. 21/1958")->record, 6);
    static const char *const problems[] = {
        "record 2: \"dokumentnummer\" is not a string; passed over",
        "record 3: not a JSON object; passed over",
        "record 4: no dokumentnummer and no id; passed over",
        "record 5: dokumentnummer 'keine Nummer' names no document; passed over",
    };
    assert_int_equal(cg_catalog_problem_count(c), 4);
    for (size_t i = 0; i < 4; i++) {
        char want[512];
        snprintf(want, sizeof want, "%s: %s", path, problems[i]);
        assert_string_equal(cg_catalog_problem(c, i), want);
    }
    assert_null(cg_catalog_problem(c, 4));
    cg_catalog_free(c);
}

static void test_broken_json(void **state) {
    (void)state;
    cg_catalog *c = NULL;
    cg_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(cg_catalog_new(&c, &err), CG_OK);
    const char *path = DATA "dip-broken-json.json";
    assert_int_equal(cg_catalog_read(c, extractor, path, &err), CG_EFORMAT);
    assert_string_equal(err.path, path);
    assert_int_equal(err.line, 3); /* the record without its comma */
    cg_catalog_free(c);
}

/* Writes `text` to a temporary file; the caller removes it. */
static void write_temp(char *path, const char *text) {
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    assert_true(fputs(text, f) >= 0);
    assert_int_equal(fclose(f), 0);
}

/* Before its first record a file has no record to be after: the messages name the file and
 * the position only ("after record 0" read as if a record 0 existed). */
static void test_broken_before_the_first_record(void **state) {
    (void)state;
    char cut[] = "cg_test_catalog_XXXXXX", odd[] = "cg_test_catalog_XXXXXX";
    write_temp(cut, "[{\"a\": 1},");
    write_temp(odd, "{\"documents\": 5}\n");
    cg_catalog *c = NULL;
    cg_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(cg_catalog_new(&c, &err), CG_OK);
    assert_int_equal(cg_catalog_read(c, extractor, cut, &err), CG_EFORMAT);
    assert_string_equal(err.text, "']' expected near end of file");
    assert_int_equal(err.line, 1);
    assert_int_equal(err.col, 10); /* the end of the file */
    assert_int_equal(cg_catalog_read(c, extractor, odd, &err), CG_OK);
    assert_int_equal(cg_catalog_problem_count(c), 1);
    char want[256];
    snprintf(want, sizeof want, "%s: \"documents\" is not an array; passed over", odd);
    assert_string_equal(cg_catalog_problem(c, 0), want);
    cg_catalog_free(c);
    remove(cut);
    remove(odd);
}

static void test_selection(void **state) {
    (void)state;
    char sel[] = "cg_test_catalog_XXXXXX", full[] = "cg_test_catalog_XXXXXX";
    /* the form of the real corpus's index.tsv; a line that names no document,
     * and a blank one, which is no row */
    write_temp(sel, "file\therausgeber\tdokumentnummer\tdrucksachetyp\tdatum\n"
                    "btd-21-1958.txt\tBT\t21/1958\tAntwort\t2025-10-02\n"
                    "\n"
                    "x.txt\tBT\t\tAntwort\t2025-10-02\n");
    write_temp(full, "id\tdate\nBT-Drs. 21/1633\t2025-09-15\n");
    cg_buf storage = CG_BUF_INIT;
    cg_catalog *c = read_catalog(sel, CG_CATALOG_SELECTION);
    cg_docid missing = id_of("BT-Drs. 21/99999", &storage);
    assert_true(cg_catalog_entry_at(c, 0)->selection);
    assert_int_equal(cg_catalog_entry_at(c, 0)->record, 2);
    assert_false(cg_catalog_covers(c, &missing));
    assert_true(cg_catalog_selects(c, &missing));
    cg_docid other = id_of("BT-Drs. 20/1", &storage);
    assert_false(cg_catalog_selects(c, &other)); /* another Wahlperiode */
    assert_int_equal(cg_catalog_problem_count(c), 1);
    char want[256];
    snprintf(want, sizeof want, "%s:4: no dokumentnummer; passed over", sel);
    assert_string_equal(cg_catalog_problem(c, 0), want);
    /* a complete catalog of the same Wahlperiode outweighs the selection */
    cg_error err;
    assert_int_equal(cg_catalog_read(c, extractor, full, &err), CG_OK);
    missing = id_of("BT-Drs. 21/99999", &storage);
    assert_true(cg_catalog_covers(c, &missing));
    assert_false(cg_catalog_selects(c, &missing));
    cg_catalog_free(c);
    cg_buf_release(&storage);
    remove(sel);
    remove(full);
}

/* A date that is none ("gestern", 30 February) is not used, and said; a row's
 * other fields are kept. */
static void test_bad_dates(void **state) {
    (void)state;
    char path[] = "cg_test_catalog_XXXXXX";
    write_temp(path, "herausgeber\tdokumentnummer\tdatum\ttitel\n"
                     "BT\t21/1958\tgestern\tGenehmigungen\n"
                     "BT\t21/1633\t2025-02-30\tAnfrage\n"
                     "BT\t21/843\t2024-02-29\tAntwort\n");
    cg_catalog *c = read_catalog(path, CG_CATALOG_COMPLETE);
    assert_null(entry(c, "BT-Drs. 21/1958")->date);
    assert_string_equal(entry(c, "BT-Drs. 21/1958")->title, "Genehmigungen");
    assert_null(entry(c, "BT-Drs. 21/1633")->date);
    assert_string_equal(entry(c, "BT-Drs. 21/843")->date, "2024-02-29");
    assert_int_equal(cg_catalog_problem_count(c), 2);
    char want[256];
    snprintf(want, sizeof want,
             "%s: BT-Drs. 21/1958: the date 'gestern' is not a date (YYYY-MM-DD); not used", path);
    assert_string_equal(cg_catalog_problem(c, 0), want);
    snprintf(want, sizeof want,
             "%s: BT-Drs. 21/1633: the date '2025-02-30' is not a date (YYYY-MM-DD); not used",
             path);
    assert_string_equal(cg_catalog_problem(c, 1), want);
    cg_catalog_free(c);
    remove(path);
}

/* JSON Lines with lines that do not parse: each is a problem naming the file,
 * the record and the line, and the other lines are read (as DIP input reads
 * them); a broken first line is one too, since the next line is a record. */
static void test_jsonl_broken_lines(void **state) {
    (void)state;
    char path[] = "cg_test_catalog_XXXXXX";
    write_temp(path, "{\"broken\n"
                     "{\"dokumentnummer\": \"21/1633\", \"herausgeber\": \"BT\"}\n"
                     "{\"dokumentnummer\": \"21/1958\", \"herausgeber\": \"BT\"\n"
                     "\n"
                     "{\"dokumentnummer\": \"21/284\", \"herausgeber\": \"BT\", "
                     "\"datum\": \"2025-06-02\"}\n"
                     "[1, 2\n");
    cg_catalog *c = read_catalog(path, CG_CATALOG_COMPLETE);
    assert_int_equal(cg_catalog_count(c), 2);
    assert_int_equal(entry(c, "BT-Drs. 21/1633")->record, 2);
    assert_int_equal(entry(c, "BT-Drs. 21/284")->record, 4);
    assert_string_equal(entry(c, "BT-Drs. 21/284")->date, "2025-06-02");
    static const char *const problems[] = {
        "record 1 (line 1): malformed JSON: unexpected newline near '\"broken'; passed over",
        "record 3 (line 3): malformed JSON: '}' expected near '{'; passed over",
        "record 5 (line 6): malformed JSON: ']' expected near end of file; passed over",
    };
    for (size_t i = 0; i < 3; i++) {
        char want[512];
        snprintf(want, sizeof want, "%s: %s", path, problems[i]);
        if (!cg_catalog_problem(c, i)) fail_msg("no problem %zu; want %s", i, want);
        assert_string_equal(cg_catalog_problem(c, i), want);
    }
    assert_int_equal(cg_catalog_problem_count(c), 3);
    cg_catalog_free(c);
    remove(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_drucksache_page),
        cmocka_unit_test(test_concatenated_pages),
        cmocka_unit_test(test_faulty_records),
        cmocka_unit_test(test_broken_json),
        cmocka_unit_test(test_selection),
        cmocka_unit_test(test_jsonl_broken_lines),
        cmocka_unit_test(test_bad_dates),
        cmocka_unit_test(test_broken_before_the_first_record),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
