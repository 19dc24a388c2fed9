/* test_output.c - the JSON Lines and TSV formats, byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
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

/* The cache record: an extraction with its quotes reads back field for
 * field, the check of it (without the document's bytes) reports exactly
 * what the check of the document does, and damage of any kind is refused. */
static void test_quoted_record(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    /* a NUL byte and an invalid byte on quoted lines; a defect; a CRLF line */
    static const char text[] = "Titel\r\nSiehe BT-Drs. 21/99999 und BT-Drs. \xe2\x80\xa6] \xff\r\n"
                               "https://www..example.org/ \0 nach NUL\nBT-Drs. 24/469 x\n";
    size_t len = sizeof text - 1;
    cg_input *in = NULL;
    cg_extraction *r = NULL, *back = NULL;
    assert_int_equal(cg_input_from_memory("q.txt", text, len, NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    cg_string rec = {0};
    assert_int_equal(cg_extraction_to_record(&rec, r), CG_EINVAL); /* no quotes yet */
    assert_int_equal(cg_extraction_keep_quotes(r, in), CG_OK);
    assert_int_equal(cg_extraction_to_record(&rec, r), CG_OK);
    assert_int_equal(cg_extraction_from_record(rec.data, rec.len, len, &back, NULL), CG_OK);
    cg_string a = {0}, b = {0};
    assert_int_equal(cg_write_jsonl(&a, "q.txt", in, r, NULL), CG_OK);
    assert_int_equal(cg_write_jsonl(&b, "q.txt", in, back, NULL), CG_OK);
    assert_string_equal(a.data, b.data);
    /* written again, the record is the same bytes */
    cg_string again = {0};
    assert_int_equal(cg_extraction_to_record(&again, back), CG_OK);
    assert_int_equal(again.len, rec.len);
    assert_memory_equal(again.data, rec.data, rec.len);
    cg_string_release(&again);
    /* the check from the bytes and from the record: the same report */
    cg_check *c1 = NULL, *c2 = NULL;
    assert_int_equal(cg_check_new(&c1), CG_OK);
    assert_int_equal(cg_check_new(&c2), CG_OK);
    assert_int_equal(cg_check_add_document(c1, "q.txt", in, r), CG_OK);
    assert_int_equal(cg_check_add_document(c2, "q.txt", NULL, back), CG_OK);
    assert_int_equal(cg_check_run(c1, NULL), CG_OK);
    assert_int_equal(cg_check_run(c2, NULL), CG_OK);
    assert_true(cg_check_count(c1) >= 3);
    cg_string_release(&a);
    cg_string_release(&b);
    for (int f = CG_CHECK_TEXT; f <= CG_CHECK_MARKDOWN; f++) {
        assert_int_equal(cg_check_write(c1, (cg_check_format)f, CG_SEV_NOTE, 1, &a), CG_OK);
        assert_int_equal(cg_check_write(c2, (cg_check_format)f, CG_SEV_NOTE, 1, &b), CG_OK);
        assert_string_equal(a.data, b.data);
        cg_string_release(&a);
        cg_string_release(&b);
    }
    cg_check_free(c1);
    cg_check_free(c2);
    /* an extraction without quotes cannot be checked without its bytes */
    cg_extraction *plain = NULL;
    assert_int_equal(cg_extract(ex, in, &plain, NULL), CG_OK);
    assert_int_equal(cg_check_new(&c1), CG_OK);
    assert_int_equal(cg_check_add_document(c1, "q.txt", NULL, plain), CG_EINVAL);
    cg_check_free(c1);
    cg_extraction_free(plain);
    cg_extraction_free(back);
    back = NULL;
    /* refused: every truncation, another size, damaged fields */
    cg_error err;
    for (size_t cut = 0; cut < rec.len; cut++) {
        assert_int_equal(cg_extraction_from_record(rec.data, cut, len, &back, &err), CG_EFORMAT);
        assert_null(back);
    }
    assert_int_equal(cg_extraction_from_record(rec.data, rec.len, len - 1, &back, &err),
                     CG_EFORMAT);
    assert_non_null(strstr(err.text, "another size"));
    char *bad = malloc(rec.len + 32);
    assert_non_null(bad);
    /* a reference's offset moved past the end of the document */
    const char *off = strstr(rec.data, "16:BT-Drs. 21/99999 ~ ~ ~ 0 0 ");
    assert_non_null(off);
    size_t at = (size_t)(off - rec.data) + strlen("16:BT-Drs. 21/99999 ~ ~ ~ 0 0 ");
    size_t digits = strspn(rec.data + at, "0123456789");
    int n = snprintf(bad, rec.len + 32, "%.*s99999%s", (int)at, rec.data, rec.data + at + digits);
    assert_int_equal(cg_extraction_from_record(bad, (size_t)n, len, &back, &err), CG_EFORMAT);
    assert_non_null(strstr(err.text, "outside the document"));
    /* a string length beyond the record, a wrong magic, trailing bytes */
    memcpy(bad, rec.data, rec.len);
    memcpy(bad, "CGR2", 4);
    assert_int_equal(cg_extraction_from_record(bad, rec.len, len, &back, &err), CG_EFORMAT);
    memcpy(bad, rec.data, rec.len);
    memcpy(bad + rec.len, "x", 1);
    assert_int_equal(cg_extraction_from_record(bad, rec.len + 1, len, &back, &err), CG_EFORMAT);
    const char *kind = strstr(rec.data, "13:bt_drucksache");
    assert_non_null(kind);
    memcpy(bad, rec.data, rec.len);
    memcpy(bad + (kind - rec.data), "99", 2);
    assert_int_equal(cg_extraction_from_record(bad, rec.len, len, &back, &err), CG_EFORMAT);
    assert_null(back);
    free(bad);
    cg_string_release(&rec);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_jsonl_and_tsv),
                                       cmocka_unit_test(test_extraction_record),
                                       cmocka_unit_test(test_quoted_record)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
