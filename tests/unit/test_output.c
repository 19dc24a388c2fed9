/* test_output.c - the JSON Lines and TSV formats, byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "citegraph/citegraph.h"

static void test_jsonl_and_tsv(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    const char *text = "Siehe\n(Bundestagsdrucksache 19/5954, Antwort zu Frage 2) \xff.";
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("a.txt", text, strlen(text), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    cg_string s = {0};
    assert_int_equal(cg_write_jsonl(&s, "a.txt", in, r, NULL), CG_OK);
    assert_string_equal(
        s.data,
        "{\"type\":\"document\",\"file\":\"a.txt\",\"doc\":null,\"issuer\":null,\"doc_type\":null,"
        "\"title\":null,\"date\":null,\"alias\":null,\"bytes\":59,\"references\":1,\"warnings\":"
        "[\"is not valid UTF-8 (1 invalid byte, first at line 2, column 52); read as "
        "Windows-1252\"],\"error\":null}\n"
        "{\"type\":\"reference\",\"file\":\"a.txt\",\"doc\":null,\"line\":2,\"col\":2,\"offset\":7,"
        "\"length\":28,\"kind\":\"bt_drucksache\",\"target\":\"BT-Drs. 19/5954\",\"locator\":"
        "\"Frage 2\",\"relation\":\"cites\",\"text\":\"Bundestagsdrucksache 19/5954\","
        "\"resolves_to\":null,\"ambiguous\":false,\"malformed\":false,\"note\":null}\n");
    cg_string_release(&s);
    assert_int_equal(cg_write_tsv(&s, "a\tb.txt", r), CG_OK);
    assert_string_equal(s.data, "a b.txt\t2\tbt_drucksache\tBT-Drs. 19/5954\tFrage 2\tcites\n");
    cg_string_release(&s);
    /* a file that could not be read: its document line carries the error */
    assert_int_equal(cg_write_jsonl(&s, "bad\xff.txt", NULL, NULL, "cannot open"), CG_OK);
    assert_string_equal(s.data,
                        "{\"type\":\"document\",\"file\":\"bad\xEF\xBF\xBD.txt\",\"doc\":null,"
                        "\"issuer\":null,\"doc_type\":null,\"title\":null,\"date\":null,"
                        "\"alias\":null,\"bytes\":null,\"references\":0,\"warnings\":[],"
                        "\"error\":\"cannot open\"}\n");
    cg_string_release(&s);
    assert_string_equal(cg_tsv_header(), "file\tline\tkind\ttarget\tlocator\trelation\n");
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_jsonl_and_tsv)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
