/* test_serialize.c - extractions written and read back: JSON Lines and TSV
 * byte for byte, JSON Lines read into extractions (in pieces, on threads),
 * and the cache record with its quotes. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */
#include <jansson.h>

#include "citegraph/check.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"
#include "citegraph/serialize.h"
#include "io/record.h"
#include "resolve/extraction.h"
#include "resolve/quotes.h"
#include "util/util.h"

static cg_extractor *extractor(void) {
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    return ex;
}

static cg_input *input(const char *name, const char *text, size_t len) {
    cg_input *in = NULL;
    assert_int_equal(cg_input_from_memory(name, text, len, NULL, &in, NULL), CG_OK);
    return in;
}

static void test_jsonl_and_tsv_bytes(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    const char *text = "Siehe\n(Bundestagsdrucksache 19/5954, Antwort zu Frage 2) \xff.";
    cg_input *in = input("a.txt", text, strlen(text));
    cg_extraction *r = NULL;
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    cg_buf s = CG_BUF_INIT;
    assert_int_equal(cg_jsonl_write_document(&s, "a.txt", in, r, NULL, NULL), CG_OK);
    assert_string_equal(
        s.data,
        "{\"type\":\"document\",\"file\":\"a.txt\",\"doc\":null,\"issuer\":null,\"doc_type\":null,"
        "\"title\":null,\"date\":null,\"alias\":null,"
        "\"urheber\":[],\"from\":{\"doc\":\"none\",\"doc_type\":\"none\",\"title\":\"none\","
        "\"date\":\"none\",\"urheber\":\"none\"},\"record\":null,\"dip_id\":null,\"pdf_url\":null,"
        "\"procedures\":[],"
        "\"bytes\":59,\"references\":1,\"answers\":[],\"warnings\":"
        "[\"is not valid UTF-8 (1 invalid byte, first at line 2, column 52); read as "
        "Windows-1252\"],\"error\":null}\n"
        "{\"type\":\"reference\",\"file\":\"a.txt\",\"doc\":null,\"line\":2,\"col\":2,\"offset\":7,"
        "\"length\":28,\"kind\":\"bt_drucksache\",\"target\":\"BT-Drs. 19/5954\",\"locator\":"
        "\"Frage 2\",\"relation\":\"cites\",\"text\":\"Bundestagsdrucksache 19/5954\","
        "\"resolves_to\":null,\"ambiguous\":false,\"malformed\":false,\"note\":null}\n");
    cg_buf_clear(&s);
    assert_int_equal(cg_tsv_write_header(&s, NULL), CG_OK);
    assert_int_equal(cg_tsv_write(&s, "a\tb.txt", r, NULL), CG_OK);
    assert_string_equal(s.data, "file\tline\tkind\ttarget\tlocator\trelation\n"
                                "a b.txt\t2\tbt_drucksache\tBT-Drs. 19/5954\tFrage 2\tcites\n");
    cg_buf_clear(&s);
    /* a file that could not be read: its document line carries the error */
    assert_int_equal(cg_jsonl_write_document(&s, "bad\xff.txt", NULL, NULL, "cannot open", NULL),
                     CG_OK);
    assert_string_equal(s.data,
                        "{\"type\":\"document\",\"file\":\"bad\xEF\xBF\xBD.txt\",\"doc\":null,"
                        "\"issuer\":null,\"doc_type\":null,\"title\":null,\"date\":null,"
                        "\"alias\":null,"
                        "\"urheber\":[],\"from\":{\"doc\":\"none\",\"doc_type\":\"none\",\"title\":"
                        "\"none\",\"date\":\"none\",\"urheber\":\"none\"},\"record\":null,\"dip_"
                        "id\":null,\"pdf_url\":null,\"procedures\":[],"
                        "\"bytes\":null,\"references\":0,\"answers\":[],\"warnings\":[],"
                        "\"error\":\"cannot open\"}\n");
    assert_true(cg_jsonl_recognise(s.data, s.len)); /* a document line starts them */
    cg_buf_clear(&s);
    assert_int_equal(cg_jsonl_write_summary(&s, 3, 1, 7, 2, NULL), CG_OK);
    assert_string_equal(s.data, "{\"type\":\"summary\",\"files\":3,\"failed\":1,\"references\":7,"
                                "\"warnings\":2}\n");
    /* what graph commands read as references rather than a document, whatever its name: the
     * lines extract writes (also a reference line first, of a part cut out), no text */
    assert_true(cg_jsonl_recognise(s.data, s.len));
    static const char *const ours[] = {
        "{\"type\":\"reference\",\"file\":\"a.txt\"}",           /* a part cut out of them */
        "\n {\"file\": \"a.txt\", \"type\": \"document\"}\r\n{", /* written again */
    };
    for (size_t i = 0; i < sizeof ours / sizeof ours[0]; i++)
        assert_true(cg_jsonl_recognise(ours[i], strlen(ours[i])));
    static const char *const not_ours[] = {"",
                                           "{",
                                           "{\"type\":\"summ",
                                           "{\"type\":\"summary\"",
                                           "{\"type\":\"page\"}",
                                           "Siehe Drucksache 21/1",
                                           "{\"documents\":[]}",
                                           "[{\"type\":\"summary\"}]"};
    for (size_t i = 0; i < sizeof not_ours / sizeof not_ours[0]; i++)
        assert_false(cg_jsonl_recognise(not_ours[i], strlen(not_ours[i])));
    assert_false(cg_jsonl_recognise(NULL, 0));
    /* a document or reference line names its file; a first line that names no "type" in its
     * first 64 KiB is not parsed (a DIP page on one line) */
    const char *fileless = "{\"type\":\"document\",\"doc\":null}";
    assert_false(cg_jsonl_recognise(fileless, strlen(fileless)));
    cg_buf big = CG_BUF_INIT;
    assert_int_equal(cgu_buf_puts(&big, "{\"title\":\""), 0);
    for (int i = 0; i < 70000; i++)
        assert_int_equal(cgu_buf_putc(&big, 'x'), 0);
    assert_int_equal(cgu_buf_puts(&big, "\",\"type\":\"summary\"}\n"), 0);
    assert_false(cg_jsonl_recognise(big.data, big.len));
    big.len = 0;
    assert_int_equal(cgu_buf_puts(&big, "{\"type\":\"summary\",\"title\":\""), 0);
    for (int i = 0; i < 70000; i++)
        assert_int_equal(cgu_buf_putc(&big, 'x'), 0);
    assert_int_equal(cgu_buf_puts(&big, "\"}\n"), 0);
    assert_true(cg_jsonl_recognise(big.data, big.len)); /* named first, parsed whole */
    cg_buf_release(&big);
    cg_buf_release(&s);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

/* ---- reading JSON Lines ---- */

/* A document with a header, questions, every relation and flag, ranges of
 * questions, a Bundesrat number with suffixes, an EU act and a URL. */
static const char answer_text[] =
    "Deutscher Bundestag Drucksache 21/843\n21. Wahlperiode 10.07.2025\nAntwort\n"
    "der Bundesregierung\nauf die Kleine Anfrage der Fraktion X\n\xe2\x80\x93 Drucksache 21/659 "
    "\xe2\x80\x93\nTitel\nSiehe BT-Drs. 19/5954, Antwort zu den Fragen 3a bis 3c, und "
    "Bundesratsdrucksache 103/1/25 (Beschluss), die Verordnung (EU) 2016/679,\n"
    "https://dserver.bundestag.de/btd/20/014/2001464.pdf und Drucksache 24/469.\n";

/* Each line is what jansson's compact dump of the line's own parse gives,
 * byte for byte: reference lines are put together from values jansson
 * encodes one by one, and must come out as the dump of the whole object.
 * Every shape: a page or not, questions answered or not, text with quotes,
 * backslashes, control bytes, invalid UTF-8 and NUL in the strings. */
static void assert_lines_are_dumps(const cg_buf *s, size_t expect_lines) {
    size_t lines = 0;
    for (const char *p = s->data; *p; lines++) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        json_error_t e;
        json_t *o = json_loadb(p, (size_t)(nl - p), 0, &e);
        assert_non_null(o);
        char *again = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        assert_non_null(again);
        assert_int_equal(strlen(again), (size_t)(nl - p));
        assert_memory_equal(again, p, (size_t)(nl - p));
        free(again);
        json_decref(o);
        p = nl + 1;
    }
    assert_int_equal(lines, expect_lines);
}

/* An Antwort with questions answered by reference: references that answer
 * questions and references that do not. */
static const char antwort_text[] =
    "Deutscher Bundestag Drucksache 21/999\n21. Wahlperiode 01.08.2025\nAntwort\n"
    "der Bundesregierung\nauf die Kleine Anfrage der Fraktion X\n"
    "\xe2\x80\x93 Drucksache 21/900 \xe2\x80\x93\nEin Titel\n"
    "V o r b e m e r k u n g  d e r  B u n d e s r e g i e r u n g\n"
    "Es wird auf Bundestagsdrucksache 20/2000 verwiesen.\n"
    "1. Wie viele F\xc3\xa4lle gab es (vgl. Bundestagsdrucksache 20/3000)?\n"
    "Die Bundesregierung hat zw\xc3\xb6lf F\xc3\xa4lle gez\xc3\xa4hlt.\n"
    "2. Welche Ma\xc3\x9fnahmen gibt es?\n"
    "Es wird auf Bundestagsdrucksache 20/4000, Antwort zu Frage 5, verwiesen.\n"
    "3. Und die Verordnung (EU) 2016/679?\n"
    "Siehe https://dserver.bundestag.de/btd/20/014/2001464.pdf und COM(2025) 75.\n";

static void test_jsonl_lines_are_jansson_dumps(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    cg_input *in = input("a\"\\\x01\xff.txt", antwort_text, sizeof antwort_text - 1);
    cg_extraction *r = NULL;
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    size_t n = cg_extraction_count(r);
    assert_true(n >= 5);
    size_t answering = 0;
    for (size_t i = 0; i < n; i++)
        answering += cg_extraction_reference(r, i)->nanswering != 0;
    assert_true(answering > 0 && answering < n); /* both shapes */
    /* a PDF's positions, and strings that need escaping, on two of them */
    r->refs[0].page = 3;
    r->refs[0].page_line = 12;
    r->refs[0].page_label = "iv \"\\\t";
    r->refs[0].note = "a \"note\"\n\x02\x7f";
    r->refs[1].page = 4;
    r->refs[1].page_line = 1;
    r->refs[1].page_label = NULL;
    r->refs[1].locator.text = "S. 15 \xe2\x80\x93 \xff\\";
    r->refs[2].note = "";
    cg_buf s = CG_BUF_INIT;
    assert_int_equal(cg_jsonl_write_document(&s, "a\"\\\x01\xff.txt", in, r, NULL, NULL), CG_OK);
    assert_lines_are_dumps(&s, 1 + n);
    assert_non_null(
        strstr(s.data, "\"page\":3,\"page_label\":\"iv \\\"\\\\\\t\",\"page_line\":12,"));
    assert_non_null(strstr(s.data, "\"page\":4,\"page_label\":null,\"page_line\":1,"));
    assert_non_null(strstr(s.data, "\"note\":\"a \\\"note\\\"\\n\\u0002\x7f\"}\n"));
    assert_non_null(strstr(s.data, "\"locator\":\"S. 15 \xe2\x80\x93 \xef\xbf\xbd\\\\\","));
    assert_non_null(strstr(s.data, "\"answering\":[\""));
    /* a NUL and an invalid byte inside the references' own text (made valid before jansson
     * takes it: the fallback of put_text), and a quote and a backslash in a URL */
    static const char odd[] = "Siehe Drucksache\0"
                              "19/5954 und https://a.de/x\\y\xffz \n";
    cg_input *in2 = input("b.txt", odd, sizeof odd - 1);
    cg_extraction *r2 = NULL;
    assert_int_equal(cg_extract(ex, in2, &r2, NULL), CG_OK);
    cg_buf_clear(&s);
    assert_int_equal(cg_jsonl_write_document(&s, "b.txt", in2, r2, NULL, NULL), CG_OK);
    assert_lines_are_dumps(&s, 1 + cg_extraction_count(r2));
    assert_true(cg_extraction_count(r2) >= 2);
    assert_non_null(strstr(s.data, "\"text\":\"Drucksache\xef\xbf\xbd"
                                   "19/5954\""));
    assert_non_null(strstr(s.data, "\"text\":\"https://a.de/x\\\\y\xef\xbf\xbdz\""));
    cg_buf_release(&s);
    cg_extraction_free(r2);
    cg_input_free(in2);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

typedef struct gathered {
    size_t n;
    char *files[8];
    bool has_line[8];
    cg_buf jsonl; /* each extraction written again, without its input */
    size_t stop_after;
} gathered;

static int gather(void *ctx, const char *file, const cg_extraction *ext, bool has_document_line) {
    gathered *g = ctx;
    if (g->n < 8) {
        g->files[g->n] = strdup(file);
        g->has_line[g->n] = has_document_line;
    }
    g->n++;
    assert_int_equal(cg_jsonl_write_document(&g->jsonl, file, NULL, ext, NULL, NULL), CG_OK);
    return g->stop_after && g->n == g->stop_after;
}

static void gathered_release(gathered *g) {
    for (size_t i = 0; i < g->n && i < 8; i++)
        free(g->files[i]);
    cg_buf_release(&g->jsonl);
}

static bool same_str(const char *a, const char *b) {
    return a == b || (a && b && strcmp(a, b) == 0);
}

typedef struct expect {
    const cg_extraction *want;
    int calls;
} expect;

static int compare(void *ctx, const char *file, const cg_extraction *got, bool has_line) {
    expect *e = ctx;
    e->calls++;
    assert_string_equal(file, "a.txt");
    assert_true(has_line);
    const cg_document_info *a = cg_extraction_document(e->want), *b = cg_extraction_document(got);
    assert_true(cg_docid_equal(&a->id, &b->id));
    assert_true(cg_docid_equal(&a->alias, &b->alias));
    assert_int_equal(a->id.number, 843);
    assert_true(same_str(a->type, b->type));
    assert_true(same_str(a->title, b->title));
    assert_true(same_str(a->date, b->date));
    assert_int_equal(cg_extraction_count(got), cg_extraction_count(e->want));
    size_t with_questions = 0, flagged = 0;
    for (size_t i = 0; i < cg_extraction_count(got); i++) {
        const cg_reference *x = cg_extraction_reference(e->want, i);
        const cg_reference *y = cg_extraction_reference(got, i);
        assert_true(cg_docid_equal(&x->target, &y->target));
        assert_true(cg_docid_equal(&x->resolves_to, &y->resolves_to));
        assert_true(same_str(x->locator.text, y->locator.text));
        assert_true(same_str(x->note, y->note));
        assert_int_equal(x->locator.series, y->locator.series);
        assert_int_equal(x->locator.nquestions, y->locator.nquestions);
        for (size_t k = 0; k < x->locator.nquestions; k++) {
            assert_int_equal(x->locator.questions[k].number, y->locator.questions[k].number);
            assert_int_equal(x->locator.questions[k].sub, y->locator.questions[k].sub);
        }
        with_questions += x->locator.nquestions > 0;
        flagged += x->flags != 0;
        assert_int_equal(x->relation, y->relation);
        assert_int_equal(x->flags, y->flags);
        assert_int_equal(x->offset, y->offset);
        assert_int_equal(x->length, y->length);
        assert_int_equal(x->line, y->line);
        assert_int_equal(x->col, y->col);
    }
    /* the text exercised what it is meant to */
    assert_true(with_questions >= 1);
    assert_true(flagged >= 1);
    return 0;
}

/* Everything a reference line carries reads back into the same values. */
static void test_jsonl_read_gives_the_extraction_back(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    cg_input *in = input("a.txt", answer_text, strlen(answer_text));
    cg_extraction *r = NULL;
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    assert_true(cg_extraction_count(r) >= 5);
    cg_buf s = CG_BUF_INIT;
    assert_int_equal(cg_jsonl_write_document(&s, "a.txt", in, r, NULL, NULL), CG_OK);
    assert_int_equal(cg_jsonl_write_summary(&s, 1, 0, cg_extraction_count(r), 0, NULL), CG_OK);

    expect e = {r, 0};
    assert_int_equal(cg_jsonl_read("a.jsonl", s.data, s.len, 1, compare, &e, NULL), CG_OK);
    assert_int_equal(e.calls, 1);
    cg_buf_release(&s);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

/* Three documents, the second without its document line: read in one
 * piece or in many on several threads, the callback sees the same. */
static char *corpus_jsonl(size_t copies, size_t *len) {
    cg_extractor *ex = extractor();
    cg_input *in = input("a.txt", answer_text, strlen(answer_text));
    cg_extraction *r = NULL;
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    cg_buf s = CG_BUF_INIT;
    for (size_t i = 0; i < copies; i++) {
        char name[32];
        snprintf(name, sizeof name, "d%06zu.txt", i);
        cg_buf one = CG_BUF_INIT;
        assert_int_equal(cg_jsonl_write_document(&one, name, in, r, NULL, NULL), CG_OK);
        const char *body = one.data;
        if (i % 3 == 1) body = strchr(one.data, '\n') + 1; /* references only */
        assert_int_equal(cgu_buf_append(&s, body, strlen(body)), 0);
        cg_buf_release(&one);
    }
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
    *len = s.len;
    return cg_buf_detach(&s);
}

static void test_jsonl_read_pieces_and_threads(void **state) {
    (void)state;
    size_t len;
    char *data = corpus_jsonl(3, &len);
    gathered g = {0};
    assert_int_equal(cg_jsonl_read("x.jsonl", data, len, 1, gather, &g, NULL), CG_OK);
    assert_int_equal(g.n, 3);
    assert_true(g.has_line[0]);
    assert_false(g.has_line[1]);
    assert_true(g.has_line[2]);
    assert_string_equal(g.files[1], "d000001.txt");
    gathered_release(&g);
    free(data);

    /* many MiB: read in pieces of about 1 MiB, cut between lines of one document */
    data = corpus_jsonl(6000, &len);
    assert_true(len > ((size_t)4 << 20) * 2);
    gathered one = {0}, four = {0};
    assert_int_equal(cg_jsonl_read("x.jsonl", data, len, 1, gather, &one, NULL), CG_OK);
    assert_int_equal(cg_jsonl_read("x.jsonl", data, len, 4, gather, &four, NULL), CG_OK);
    assert_int_equal(one.n, 6000);
    assert_int_equal(four.n, 6000);
    assert_int_equal(one.jsonl.len, four.jsonl.len);
    assert_memory_equal(one.jsonl.data, four.jsonl.data, one.jsonl.len);
    gathered_release(&one);
    gathered_release(&four);
    free(data);
}

static void test_jsonl_read_errors(void **state) {
    (void)state;
    static const struct {
        const char *data;
        size_t line;
        const char *message;
        size_t handed_on;
    } cases[] = {
        /* jansson's message: "'[' or '{' expected near 'not'" */
        {"{\"type\":\"document\",\"file\":\"a\"}\nnot json\n", 2, "expected near 'not'", 1},
        {"\n\n[1,2]\n", 3, "no \"type\"", 0},
        {"{\"type\":\"reference\",\"file\":\"a\",\"kind\":\"url\"}\n", 1, "without a \"target\"",
         0},
        {"{\"type\":\"reference\",\"file\":\"a\",\"target\":\"Drucksache 1/2\"}\n", 1,
         "not a canonical id", 0},
        {"{\"type\":\"reference\",\"file\":\"a\",\"kind\":\"\",\"target\":\"x\"}\n", 1,
         "empty \"kind\"", 0},
        {"{\"type\":\"reference\",\"kind\":\"url\",\"target\":\"https://x.de/\"}\n", 1,
         "without a \"file\"", 0},
        {"{\"type\":\"document\",\"file\":\"a\"}\r\n{\"type\":\"document\",\"file\":\"b\"}\n"
         "{\"type\":\"document\"}\n",
         3, "without a \"file\"", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gathered g = {0};
        cg_error err = {0};
        assert_int_equal(
            cg_jsonl_read("in.jsonl", cases[i].data, strlen(cases[i].data), 1, gather, &g, &err),
            CG_EFORMAT);
        assert_string_equal(err.path, "in.jsonl");
        assert_int_equal(err.line, cases[i].line);
        assert_non_null(strstr(err.text, cases[i].message));
        assert_int_equal(g.n, cases[i].handed_on);
        gathered_release(&g);
    }
    /* passed over: errors of extraction, summaries, other types, blank lines */
    const char *fine = "{\"type\":\"document\",\"file\":\"a\",\"error\":\"cannot open\"}\n"
                       "{\"type\":\"summary\",\"files\":1}\n{\"type\":\"comment\"}\n  \n";
    gathered g = {0};
    assert_int_equal(cg_jsonl_read("in.jsonl", fine, strlen(fine), 1, gather, &g, NULL), CG_OK);
    assert_int_equal(g.n, 0);
    gathered_release(&g);
    /* the callback stops the reading */
    const char *two =
        "{\"type\":\"document\",\"file\":\"a\"}\n{\"type\":\"document\",\"file\":\"b\"}\n";
    g = (gathered){.stop_after = 1};
    assert_int_equal(cg_jsonl_read("in.jsonl", two, strlen(two), 1, gather, &g, NULL), CG_EINVAL);
    assert_int_equal(g.n, 1);
    gathered_release(&g);
    /* and says so in the error, as every failure does (it was left as the caller had it) */
    for (size_t stop = 1; stop <= 2; stop++) { /* the last document is handed on at the end */
        cg_error err;
        memset(&err, 0x55, sizeof err);
        g = (gathered){.stop_after = stop};
        assert_int_equal(cg_jsonl_read("in.jsonl", two, strlen(two), 1, gather, &g, &err),
                         CG_EINVAL);
        assert_int_equal(err.status, CG_EINVAL);
        assert_string_equal(err.path, "in.jsonl");
        assert_string_equal(err.text, "stopped by the callback");
        gathered_release(&g);
    }
}

/* ---- the cache record ---- */

/* A NUL byte and an invalid byte on quoted lines; a defect; a CRLF line;
 * the numbered questions of a Kleine Anfrage, with lettered ones. */
static const char quoted_text[] =
    "Kleine Anfrage\nder Fraktion X\n"
    "Titel\r\nSiehe BT-Drs. 21/99999 und BT-Drs. \xe2\x80\xa6] \xff\r\n"
    "https://www..example.org/ \0 nach NUL\nBT-Drs. 24/469 x\n"
    " 1. Wie viele?\na) Welche?\nb) Wo?\n 2. Warum?\n";

/* An extraction of quoted_text with its quotes, and its record. */
typedef struct recorded {
    cg_extractor *ex;
    cg_input *in;
    size_t len;
    cg_extraction *r;
    cg_buf rec;
} recorded;

static void record_setup(recorded *f) {
    f->ex = extractor();
    f->len = sizeof quoted_text - 1;
    f->in = input("q.txt", quoted_text, f->len);
    f->r = NULL;
    assert_int_equal(cg_extract(f->ex, f->in, &f->r, NULL), CG_OK);
    cg_buf_init(&f->rec);
    assert_int_equal(cgio_record_write(&f->rec, f->r), CG_EINVAL); /* no quotes yet */
    assert_int_equal(cgr_keep_quotes(f->r, f->in), CG_OK);
    assert_int_equal(cgio_record_write(&f->rec, f->r), CG_OK);
}

static void record_release(recorded *f) {
    cg_buf_release(&f->rec);
    cg_extraction_free(f->r);
    cg_input_free(f->in);
    cg_extractor_free(f->ex);
}

/* The record of an extraction with its quotes reads back field for field,
 * and the check of it (without the document's bytes) reports exactly what
 * the check of the document does. */
static void test_record_round_trip(void **state) {
    (void)state;
    recorded rd;
    record_setup(&rd);
    cg_extractor *ex = rd.ex;
    cg_input *in = rd.in;
    cg_extraction *r = rd.r, *back = NULL;
    assert_int_equal(cgio_record_read(rd.rec.data, rd.rec.len, rd.len, &back, NULL), CG_OK);
    cg_buf a = CG_BUF_INIT, b = CG_BUF_INIT;
    assert_int_equal(cg_jsonl_write_document(&a, "q.txt", in, r, NULL, NULL), CG_OK);
    assert_int_equal(cg_jsonl_write_document(&b, "q.txt", in, back, NULL, NULL), CG_OK);
    assert_string_equal(a.data, b.data);
    const cg_question *q1, *q2;
    size_t nq = cg_extraction_questions(r, &q1);
    assert_true(nq >= 1); /* the text has questions to compare */
    assert_int_equal(cg_extraction_questions(back, &q2), nq);
    size_t lettered = 0;
    for (size_t k = 0; k < nq; k++) {
        assert_int_equal(q1[k].number, q2[k].number);
        assert_int_equal(q1[k].sub, q2[k].sub);
        lettered += q1[k].sub != 0;
    }
    assert_true(lettered >= 1);
    const cg_defect *d1, *d2;
    assert_int_equal(cg_extraction_defects(r, &d1), 1);
    assert_int_equal(cg_extraction_defects(back, &d2), 1);
    assert_int_equal(d1[0].offset, d2[0].offset);
    assert_string_equal(d1[0].message, d2[0].message);
    /* written again, the record is the same bytes */
    cg_buf again = CG_BUF_INIT;
    assert_int_equal(cgio_record_write(&again, back), CG_OK);
    assert_int_equal(again.len, rd.rec.len);
    assert_memory_equal(again.data, rd.rec.data, rd.rec.len);
    cg_buf_release(&again);
    /* the check from the bytes and from the record: the same report */
    cg_check *c1 = NULL, *c2 = NULL;
    assert_int_equal(cg_check_new(&c1, NULL), CG_OK);
    assert_int_equal(cg_check_new(&c2, NULL), CG_OK);
    assert_int_equal(cg_check_add_document(c1, "q.txt", in, r, NULL), CG_OK);
    assert_int_equal(cg_check_add_document(c2, "q.txt", NULL, back, NULL), CG_OK);
    assert_int_equal(cg_check_run(c1, NULL), CG_OK);
    assert_int_equal(cg_check_run(c2, NULL), CG_OK);
    assert_true(cg_check_count(c1) >= 3);
    cg_buf_clear(&a);
    cg_buf_clear(&b);
    for (int f = CG_CHECK_TEXT; f <= CG_CHECK_MARKDOWN; f++) {
        assert_int_equal(cg_check_write(c1, (cg_check_format)f, CG_SEV_NOTE, true, &a, NULL),
                         CG_OK);
        assert_int_equal(cg_check_write(c2, (cg_check_format)f, CG_SEV_NOTE, true, &b, NULL),
                         CG_OK);
        assert_string_equal(a.data, b.data);
        cg_buf_clear(&a);
        cg_buf_clear(&b);
    }
    cg_buf_release(&a);
    cg_buf_release(&b);
    cg_check_free(c1);
    cg_check_free(c2);
    /* an extraction without quotes cannot be checked without its bytes */
    cg_extraction *plain = NULL;
    assert_int_equal(cg_extract(ex, in, &plain, NULL), CG_OK);
    assert_int_equal(cg_check_new(&c1, NULL), CG_OK);
    assert_int_equal(cg_check_add_document(c1, "q.txt", NULL, plain, NULL), CG_EINVAL);
    /* nor with the bytes of another document: refused, and nothing added */
    cg_input *shorter = input("q.txt", quoted_text, 20);
    cg_error err = {0};
    assert_int_equal(cg_check_add_document(c1, "q.txt", shorter, plain, &err), CG_EINVAL);
    assert_non_null(strstr(err.text, "outside the document"));
    assert_int_equal(cg_check_run(c1, NULL), CG_OK);
    assert_int_equal(cg_check_count(c1), 0);
    cg_input_free(shorter);
    cg_check_free(c1);
    cg_extraction_free(plain);
    cg_extraction_free(back);
    record_release(&rd);
}

/* A record that is damaged in any way, or does not fit the document, is
 * refused: a damaged cache entry is rebuilt, never trusted. */
static void test_record_damage_is_refused(void **state) {
    (void)state;
    recorded rd;
    record_setup(&rd);
    size_t len = rd.len;
    cg_extraction *back = NULL;
    cg_error err;
    for (size_t cut = 0; cut < rd.rec.len; cut++) {
        assert_int_equal(cgio_record_read(rd.rec.data, cut, len, &back, &err), CG_EFORMAT);
        assert_null(back);
    }
    assert_int_equal(cgio_record_read(rd.rec.data, rd.rec.len, len - 1, &back, &err), CG_EFORMAT);
    assert_non_null(strstr(err.text, "another size"));
    char *bad = malloc(rd.rec.len + 32);
    assert_non_null(bad);
    /* a reference's offset moved past the end of the document */
    const char *ref = "13:bt_drucksache 16:BT-Drs. 21/99999 ~ ~ ~ 0 0 ";
    const char *off = strstr(rd.rec.data, ref);
    assert_non_null(off);
    size_t at = (size_t)(off - rd.rec.data) + strlen(ref);
    size_t digits = strspn(rd.rec.data + at, "0123456789");
    assert_true(digits > 0);
    int n = snprintf(bad, rd.rec.len + 32, "%.*s99999%s", (int)at, rd.rec.data,
                     rd.rec.data + at + digits);
    assert_int_equal(cgio_record_read(bad, (size_t)n, len, &back, &err), CG_EFORMAT);
    assert_non_null(strstr(err.text, "outside the document"));
    /* an older format, trailing bytes */
    memcpy(bad, rd.rec.data, rd.rec.len);
    memcpy(bad, "CGR1", 4);
    assert_int_equal(cgio_record_read(bad, rd.rec.len, len, &back, &err), CG_EFORMAT);
    memcpy(bad, rd.rec.data, rd.rec.len);
    bad[rd.rec.len] = 'x';
    assert_int_equal(cgio_record_read(bad, rd.rec.len + 1, len, &back, &err), CG_EFORMAT);
    /* a string length beyond the record */
    const char *kind = strstr(rd.rec.data, "13:bt_drucksache");
    assert_non_null(kind);
    memcpy(bad, rd.rec.data, rd.rec.len);
    memcpy(bad + (kind - rd.rec.data), "99", 2);
    assert_int_equal(cgio_record_read(bad, rd.rec.len, len, &back, &err), CG_EFORMAT);
    /* a relation no citegraph has */
    const char *rel = strstr(rd.rec.data, "16:BT-Drs. 21/99999 ~ ~ ~ 0 ");
    assert_non_null(rel);
    memcpy(bad, rd.rec.data, rd.rec.len);
    bad[(rel - rd.rec.data) + strlen("16:BT-Drs. 21/99999 ~ ~ ~ ")] = '7';
    assert_int_equal(cgio_record_read(bad, rd.rec.len, len, &back, &err), CG_EFORMAT);
    assert_null(back);
    free(bad);
    record_release(&rd);
}

/* ---- document metadata: authors, sources, a DIP record's fields ---- */

static const cg_author meta_authors[] = {{"Fraktion der SPD", CG_AUTHOR_SUBMITTER},
                                         {"Bundesministerium der Finanzen", CG_AUTHOR_MINISTRY},
                                         {"Fraktion der AfD", CG_AUTHOR_ASKER}};
static const cg_procedure meta_procedures[] = {
    {"282545", "Weitergeltung von Geschäftsordnungsrecht", "Geschäftsordnung"}, {"1", NULL, NULL}};

/* Gives an extraction every metadata field (the strings are static: the
 * extraction only borrows them for writing). */
static void give_metadata(cg_extraction *r) {
    cg_document_info *in = &r->info;
    in->authors = meta_authors;
    in->nauthors = 3;
    in->id_from = CG_META_DIP;
    in->type_from = CG_META_HEADER;
    in->title_from = CG_META_CATALOG;
    in->date_from = CG_META_DIP;
    in->authors_from = CG_META_DIP;
    in->record = 7;
    in->dip_id = "258173";
    in->pdf_url = "https://dserver.bundestag.de/btd/20/000/2000001.pdf";
    in->procedures = meta_procedures;
    in->nprocedures = 2;
}

static void assert_metadata(const cg_document_info *b) {
    assert_int_equal(b->nauthors, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(b->authors[i].name, meta_authors[i].name);
        assert_int_equal(b->authors[i].role, meta_authors[i].role);
    }
    assert_int_equal(b->id_from, CG_META_DIP);
    assert_int_equal(b->type_from, CG_META_HEADER);
    assert_int_equal(b->title_from, CG_META_CATALOG);
    assert_int_equal(b->date_from, CG_META_DIP);
    assert_int_equal(b->authors_from, CG_META_DIP);
    assert_int_equal(b->record, 7);
    assert_string_equal(b->dip_id, "258173");
    assert_string_equal(b->pdf_url, "https://dserver.bundestag.de/btd/20/000/2000001.pdf");
    assert_int_equal(b->nprocedures, 2);
    assert_string_equal(b->procedures[0].id, "282545");
    assert_string_equal(b->procedures[0].title, "Weitergeltung von Geschäftsordnungsrecht");
    assert_string_equal(b->procedures[0].type, "Geschäftsordnung");
    assert_string_equal(b->procedures[1].id, "1");
    assert_null(b->procedures[1].title);
    assert_null(b->procedures[1].type);
}

/* The document line's lists and objects (urheber, from, procedures, warnings, answers), put
 * together value by value, are jansson's dump of the line too: with strings that need escaping,
 * a NULL title, and the warnings of an input with NUL and invalid bytes. */
static void test_document_line_is_a_jansson_dump(void **state) {
    (void)state;
    static const cg_author odd_authors[] = {{"Fraktion \"X\"\\ \x01", CG_AUTHOR_SUBMITTER},
                                            {"Bundesministerium \xff", CG_AUTHOR_MINISTRY}};
    static const cg_procedure odd_procedures[] = {{"1\t2", "Titel \"a\"", NULL},
                                                  {"3", NULL, "Typ\n"}};
    cg_extractor *ex = extractor();
    static const char text[] = "Siehe Drucksache 19/5954\0 und \xff\n";
    cg_input *in = input("c.txt", text, sizeof text - 1);
    assert_true(cg_input_warning_count(in) >= 2);
    cg_extraction *r = NULL;
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    give_metadata(r);
    r->info.authors = odd_authors;
    r->info.nauthors = 2;
    r->info.procedures = odd_procedures;
    r->info.nprocedures = 2;
    cg_buf s = CG_BUF_INIT;
    assert_int_equal(cg_jsonl_write_document(&s, "c.txt", in, r, NULL, NULL), CG_OK);
    assert_lines_are_dumps(&s, 1 + cg_extraction_count(r));
    assert_non_null(strstr(s.data,
                           "\"urheber\":[{\"name\":\"Fraktion \\\"X\\\"\\\\ \\u0001\","
                           "\"role\":\"urheber\"},{\"name\":\"Bundesministerium \xef\xbf\xbd\","));
    assert_non_null(strstr(s.data, "\"from\":{\"doc\":\"dip\",\"doc_type\":\"header\","
                                   "\"title\":\"catalog\",\"date\":\"dip\",\"urheber\":\"dip\"},"));
    assert_non_null(strstr(s.data, "\"procedures\":[{\"id\":\"1\\t2\",\"title\":\"Titel "
                                   "\\\"a\\\"\",\"type\":null},{\"id\":\"3\",\"title\":null,"
                                   "\"type\":\"Typ\\n\"}]"));
    assert_non_null(strstr(s.data, "\"warnings\":[\""));
    /* a failed document: no lists of its own */
    cg_buf_clear(&s);
    assert_int_equal(cg_jsonl_write_document(&s, "d.txt", NULL, NULL, "cannot open", NULL), CG_OK);
    assert_lines_are_dumps(&s, 1);
    assert_non_null(strstr(s.data, "\"urheber\":[],\"from\":{\"doc\":\"none\""));
    assert_non_null(strstr(s.data, "\"procedures\":[],\"bytes\":null,\"references\":0,"
                                   "\"answers\":[],\"warnings\":[],\"error\":\"cannot open\"}"));
    cg_buf_release(&s);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

static int metadata_back(void *ctx, const char *file, const cg_extraction *got, bool has_line) {
    (void)file;
    assert_true(has_line);
    assert_metadata(cg_extraction_document(got));
    /* the references of a record carry it, and are read back to its document */
    assert_true(cg_extraction_count(got) >= 5);
    ++*(int *)ctx;
    return 0;
}

/* Every metadata field goes through the JSON Lines and the cache record
 * and reads back the same; a record's references name it; its TSV rows
 * are FILE#RECORD. */
static void test_metadata_round_trip(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    cg_input *in = input("a.txt", answer_text, strlen(answer_text));
    cg_extraction *r = NULL, *back = NULL;
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    give_metadata(r);
    cg_buf s = CG_BUF_INIT;
    assert_int_equal(cg_jsonl_write_document(&s, "a.json", in, r, NULL, NULL), CG_OK);
    assert_non_null(strstr(s.data, "\"urheber\":[{\"name\":\"Fraktion der SPD\",\"role\":"
                                   "\"urheber\"},{\"name\":\"Bundesministerium der Finanzen\","
                                   "\"role\":\"ressort\"},{\"name\":\"Fraktion der AfD\","
                                   "\"role\":\"fragesteller\"}],\"from\":{\"doc\":\"dip\","
                                   "\"doc_type\":\"header\",\"title\":\"catalog\",\"date\":"
                                   "\"dip\",\"urheber\":\"dip\"},\"record\":7,\"dip_id\":"
                                   "\"258173\""));
    assert_non_null(strstr(s.data, "{\"type\":\"reference\",\"file\":\"a.json\",\"doc\":"
                                   "\"BT-Drs. 21/843\",\"record\":7,\"dip_id\":\"258173\","
                                   "\"line\":"));
    /* twice, as two records of one file: read back as two documents */
    char *first = strdup(s.data); /* appending its own bytes could move them */
    assert_non_null(first);
    assert_int_equal(cgu_buf_append(&s, first, strlen(first)), 0);
    free(first);
    int calls = 0;
    assert_int_equal(cg_jsonl_read("a.jsonl", s.data, s.len, 1, metadata_back, &calls, NULL),
                     CG_OK);
    assert_int_equal(calls, 2);
    cg_buf_clear(&s);
    assert_int_equal(cg_tsv_write(&s, "a.json", r, NULL), CG_OK);
    assert_true(strncmp(s.data, "a.json#7\t", 9) == 0);

    cg_buf_clear(&s);
    assert_int_equal(cgr_keep_quotes(r, in), CG_OK);
    assert_int_equal(cgio_record_write(&s, r), CG_OK);
    assert_int_equal(cgio_record_read(s.data, s.len, cg_input_size(in), &back, NULL), CG_OK);
    assert_metadata(cg_extraction_document(back));
    cg_buf again = CG_BUF_INIT;
    assert_int_equal(cgio_record_write(&again, back), CG_OK);
    assert_int_equal(again.len, s.len);
    assert_memory_equal(again.data, s.data, s.len);
    cg_buf_release(&again);
    cg_buf_release(&s);
    cg_extraction_free(back);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_and_tsv_bytes),
        cmocka_unit_test(test_jsonl_lines_are_jansson_dumps),
        cmocka_unit_test(test_document_line_is_a_jansson_dump),
        cmocka_unit_test(test_jsonl_read_gives_the_extraction_back),
        cmocka_unit_test(test_jsonl_read_pieces_and_threads),
        cmocka_unit_test(test_jsonl_read_errors),
        cmocka_unit_test(test_record_round_trip),
        cmocka_unit_test(test_record_damage_is_refused),
        cmocka_unit_test(test_metadata_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
