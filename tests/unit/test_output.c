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

/* An extraction written as a cache record reads back field for field; a
 * record that is damaged, or does not fit the document, is refused. */
static void test_extraction_record(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    const char *text =
        "Deutscher Bundestag Drucksache 21/843\n21. Wahlperiode 10.07.2025\nAntwort\n"
        "der Bundesregierung\nauf die Kleine Anfrage der Fraktion X\n\xe2\x80\x93 Drucksache 21/659 "
        "\xe2\x80\x93\nTitel\n 1. Wie viele?\na) Welche?\nSiehe BT-Drs. 19/5954, Antwort zu Frage 2, "
        "und BT-Drs. \xe2\x80\xa6] sowie https://dserver.bundestag.de/btd/20/014/2001464.pdf und "
        "Drucksache 24/469.\n";
    cg_input *in = NULL;
    cg_extraction *r = NULL, *back = NULL;
    assert_int_equal(cg_input_from_memory("a.txt", text, strlen(text), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    cg_string s = {0};
    assert_int_equal(cg_extraction_to_json(&s, r), CG_OK);
    assert_int_equal(cg_extraction_from_json(s.data, s.len, in, &back, NULL), CG_OK);
    /* the same in every output: the JSON Lines of both are the same bytes */
    cg_string a = {0}, b = {0};
    assert_int_equal(cg_write_jsonl(&a, "a.txt", in, r, NULL), CG_OK);
    assert_int_equal(cg_write_jsonl(&b, "a.txt", in, back, NULL), CG_OK);
    assert_string_equal(a.data, b.data);
    const char *const *q1, *const *q2;
    size_t n1 = cg_extraction_questions(r, &q1), n2 = cg_extraction_questions(back, &q2);
    assert_int_equal(n1, 2);
    assert_int_equal(n1, n2);
    for (size_t i = 0; i < n1; i++) assert_string_equal(q1[i], q2[i]);
    const cg_defect *d1, *d2;
    n1 = cg_extraction_defects(r, &d1);
    n2 = cg_extraction_defects(back, &d2);
    assert_int_equal(n1, 1);
    assert_int_equal(n1, n2);
    assert_int_equal(d1[0].offset, d2[0].offset);
    assert_string_equal(d1[0].message, d2[0].message);
    cg_extraction_free(back);
    back = NULL;
    /* refused: truncated, another format, positions past the end of the document */
    cg_error err;
    assert_int_equal(cg_extraction_from_json(s.data, s.len / 2, in, &back, &err), CG_EFORMAT);
    assert_null(back);
    const char *other = "{\"format\":\"something-else\",\"version\":1}";
    assert_int_equal(cg_extraction_from_json(other, strlen(other), in, &back, &err), CG_EFORMAT);
    cg_input *shorter = NULL;
    assert_int_equal(cg_input_from_memory("a.txt", text, 60, NULL, &shorter, NULL), CG_OK);
    assert_int_equal(cg_extraction_from_json(s.data, s.len, shorter, &back, &err), CG_EFORMAT);
    assert_non_null(strstr(err.text, "outside the document"));
    assert_null(back);
    cg_input_free(shorter);
    cg_string_release(&a);
    cg_string_release(&b);
    cg_string_release(&s);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_jsonl_and_tsv),
                                       cmocka_unit_test(test_extraction_record)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
