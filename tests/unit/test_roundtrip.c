/* test_roundtrip.c - the promises of the data model on every document the
 * project bundles (data/sample, the gold set, the check fixture, the seed):
 *   - every id extracted formats to a text that parses back to the same id;
 *   - the JSON Lines of an extraction, read back (cg_jsonl_read) and written
 *     again, are the same bytes: nothing is lost between extract and graph.
 * Real documents hold the spellings no hand-made example thinks of. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "citegraph/extract.h"
#include "citegraph/input.h"
#include "citegraph/serialize.h"

static const char *const corpora[] = {
    CG_SOURCE_DIR "/data/sample",        CG_SOURCE_DIR "/tests/gold/docs",
    CG_SOURCE_DIR "/tests/gold/answers", CG_SOURCE_DIR "/tests/check/fixture",
    CG_SOURCE_DIR "/tests/golden/seed",
};

typedef struct totals {
    size_t documents, ids, kinds[CG_KIND_GRAMMAR + 1];
} totals;

static void assert_round_trip(const cg_docid *id, totals *t) {
    if (id->kind == CG_KIND_NONE) return;
    char text[512];
    size_t n = cg_docid_format(id, text, sizeof text);
    assert_true(n > 0 && n < sizeof text);
    cg_docid back;
    cg_error err = {0};
    if (id->kind == CG_KIND_GRAMMAR)
        assert_int_equal(cg_docid_parse_kind(cg_docid_kind_name(id), text, &back, &err), CG_OK);
    else if (cg_docid_parse(text, &back, &err) != CG_OK)
        fail_msg("'%s' (%s) does not parse back: %s", text, cg_docid_kind_name(id), err.text);
    if (!cg_docid_equal(id, &back)) fail_msg("'%s' parses back to another id", text);
    t->ids++;
    t->kinds[id->kind]++;
}

/* The document's JSON Lines, read back, written again with the same input. */
typedef struct rewrite {
    const cg_input *input;
    cg_buf out;
    int documents;
} rewrite;

static int write_again(void *ctx, const char *file, const cg_extraction *ext,
                       bool has_document_line) {
    rewrite *r = ctx;
    assert_true(has_document_line);
    r->documents++;
    assert_int_equal(cg_jsonl_write_document(&r->out, file, r->input, ext, NULL, NULL), CG_OK);
    return 0;
}

static void check_document(const cg_extractor *ex, const char *path, totals *t) {
    cg_input *in = NULL;
    cg_extraction *ext = NULL;
    cg_error err = {0};
    if (cg_input_read_file(path, NULL, &in, &err) != CG_OK) fail_msg("%s: %s", path, err.text);
    assert_int_equal(cg_extract(ex, in, &ext, &err), CG_OK);
    const cg_document_info *info = cg_extraction_document(ext);
    assert_round_trip(&info->id, t);
    assert_round_trip(&info->alias, t);
    for (size_t i = 0; i < cg_extraction_count(ext); i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        assert_round_trip(&r->target, t);
        assert_round_trip(&r->resolves_to, t);
    }
    cg_buf jsonl = CG_BUF_INIT;
    assert_int_equal(cg_jsonl_write_document(&jsonl, path, in, ext, NULL, NULL), CG_OK);
    rewrite again = {.input = in, .out = CG_BUF_INIT};
    if (cg_jsonl_read(path, jsonl.data, jsonl.len, 1, write_again, &again, &err) != CG_OK)
        fail_msg("%s: JSON Lines do not read back: line %zu: %s", path, err.line, err.text);
    assert_int_equal(again.documents, 1);
    if (again.out.len != jsonl.len || memcmp(again.out.data, jsonl.data, jsonl.len) != 0)
        fail_msg("%s: JSON Lines written again differ:\n%s\n---\n%s", path, jsonl.data,
                 again.out.data);
    cg_buf_release(&again.out);
    cg_buf_release(&jsonl);
    cg_extraction_free(ext);
    cg_input_free(in);
    t->documents++;
}

static void test_bundled_corpora(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    totals t = {0};
    for (size_t c = 0; c < sizeof corpora / sizeof corpora[0]; c++) {
        cg_path_list paths = {0};
        assert_int_equal(cg_path_list_add(&paths, corpora[c], NULL, NULL), CG_OK);
        assert_true(paths.count > 0);
        for (size_t i = 0; i < paths.count; i++) {
            assert_int_equal(paths.items[i].status, CG_OK);
            check_document(ex, paths.items[i].path, &t);
        }
        cg_path_list_release(&paths);
    }
    cg_extractor_free(ex);
    print_message("%zu documents, %zu ids\n", t.documents, t.ids);
    for (int k = 1; k <= CG_KIND_GRAMMAR; k++)
        print_message("  %s %zu\n", cg_kind_name((cg_kind)k), t.kinds[k]);
    assert_int_equal(t.documents, 41 + 49 + 27 + 4 + 1);
    /* every built-in kind occurs, the common ones many times */
    for (int k = CG_KIND_BT_DRUCKSACHE; k <= CG_KIND_INTERNAL; k++)
        if (t.kinds[k] == 0) fail_msg("no id of kind %s", cg_kind_name((cg_kind)k));
    assert_true(t.kinds[CG_KIND_BT_DRUCKSACHE] >= 200);
    assert_true(t.kinds[CG_KIND_URL] >= 200);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_bundled_corpora)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
