/* test_answers.c - how an Antwort answers (src/extract/answers.c): which
 * references are referrals (relation refers), which of its questions each
 * stands under, how each question is answered, and that all of it survives
 * the JSON Lines and the cache record. */
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
#include "io/record.h"
#include "resolve/quotes.h"

/* An Antwort in the layout of DIP's text: the askers' preliminary remark,
 * the government's, then each question and its answer. */
static const char antwort[] =
    "Deutscher Bundestag Drucksache 21/999\n"
    "21. Wahlperiode 01.08.2025\n"
    "Antwort\n"
    "der Bundesregierung\n"
    "auf die Kleine Anfrage der Abgeordneten Anna Muster und der Fraktion X\n"
    "– Drucksache 21/900 –\n"
    "Ein Titel\n"
    "V o r b e m e r k u n g  d e r  F r a g e s t e l l e r\n"
    "Die Fragesteller verweisen auf Bundestagsdrucksache 20/1000.\n"
    "V o r b e m e r k u n g  d e r  B u n d e s r e g i e r u n g\n"
    "Es wird auf die Antwort der Bundesregierung auf Bundestagsdrucksache\n"
    "20/2000 verwiesen.\n"
    "1. Wie viele Fälle gab es (vgl. Bundestagsdrucksache 20/3000)?\n"
    "Die Bundesregierung hat zwölf Fälle gezählt.\n"
    "2. Welche Maßnahmen gibt es?\n"
    "Auf die Antwort zu Frage 1 wird verwiesen.\n"
    "3. Warum nicht?\n"
    "4. Wann?\n"
    "Die Fragen 3 und 4 werden gemeinsam beantwortet.\n"
    "Es wird auf Bundestagsdrucksache 20/4000, Antwort zu Frage 5, verwiesen. Darüber\n"
    "hinaus plant die Bundesregierung nichts.\n"
    "5. a) Wer ist zuständig?\n"
    "b) Wo?\n"
    "Siehe Antwort zu Frage 2.\n"
    "6. Was folgt daraus?\n"
    "Die Maßnahme ist wirksam (siehe Antwort zu Frage 1).\n"
    "7. Welche Regeln gelten?\n"
    "Hierzu wird auf § 31 des Soldatengesetzes verwiesen.\n";

static cg_extractor *extractor(void) {
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    return ex;
}

static cg_extraction *extract(cg_extractor *ex, cg_input **in, const char *text) {
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("a.txt", text, strlen(text), NULL, in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, *in, &r, NULL), CG_OK);
    return r;
}

/* "3,4": the labels of a list of questions. */
static void labels(const cg_question *q, size_t n, char *out, size_t cap) {
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i) used += (size_t)snprintf(out + used, cap - used, ",");
        used += cg_question_format(&q[i], out + used, cap - used);
    }
}

/* The reference to `target` (its canonical id, "#" for internal) on
 * `line`. */
static const cg_reference *find(const cg_extraction *r, const char *target, size_t line) {
    for (size_t i = 0; i < cg_extraction_count(r); i++) {
        const cg_reference *ref = cg_extraction_reference(r, i);
        char id[64];
        cg_docid_format(&ref->target, id, sizeof id);
        if (ref->line == line && strcmp(id, target) == 0) return ref;
    }
    fail_msg("no reference to %s on line %zu", target, line);
    return NULL;
}

static void assert_reference(const cg_extraction *r, const char *target, size_t line,
                             cg_relation relation, const char *answering) {
    const cg_reference *ref = find(r, target, line);
    char got[64];
    labels(ref->answering, ref->nanswering, got, sizeof got);
    if (ref->relation != relation || strcmp(got, answering) != 0)
        fail_msg("%s on line %zu: %s answering '%s', expected %s answering '%s'", target, line,
                 cg_relation_name(ref->relation), got, cg_relation_name(relation), answering);
}

/* An answer expected: its questions ("3,4"), its kind, and the line it
 * begins on (0: not checked). */
typedef struct want_answer {
    const char *questions;
    cg_answer_kind kind;
    size_t line;
} want_answer;

/* Checks the extraction's answers against want[0..n); returns them. */
static const cg_answer *assert_answers(const cg_extraction *r, const want_answer *want, size_t n) {
    const cg_answer *a;
    assert_int_equal(cg_extraction_answers(r, &a), n);
    for (size_t i = 0; i < n; i++) {
        char got[64];
        labels(a[i].questions, a[i].nquestions, got, sizeof got);
        assert_string_equal(got, want[i].questions);
        if (a[i].kind != want[i].kind)
            fail_msg("answer to %s: %s, expected %s", got, cg_answer_kind_name(a[i].kind),
                     cg_answer_kind_name(want[i].kind));
        if (want[i].line) {
            assert_int_equal(a[i].line, want[i].line);
            assert_int_equal(a[i].col, 1);
        }
    }
    return a;
}

static void test_referrals(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    cg_input *in;
    cg_extraction *r = extract(ex, &in, antwort);
    /* the header's Anfrage; the askers' words; the government's preliminary remark */
    assert_reference(r, "BT-Drs. 21/900", 6, CG_REL_ANSWERS, "");
    assert_reference(r, "BT-Drs. 20/1000", 9, CG_REL_CITES, "");
    assert_reference(r, "BT-Drs. 20/2000", 11, CG_REL_REFERS, "");
    /* in a question's text: the askers' */
    assert_reference(r, "BT-Drs. 20/3000", 13, CG_REL_CITES, "");
    assert_reference(r, "#", 16, CG_REL_REFERS, "2");
    /* the answer to questions 3 and 4, taken together */
    assert_reference(r, "BT-Drs. 20/4000", 20, CG_REL_REFERS, "3,4");
    /* "Siehe" opening the answer to 5, 5a and 5b; behind a claim it only supports it */
    assert_reference(r, "#", 24, CG_REL_REFERS, "5,5a,5b");
    assert_reference(r, "#", 26, CG_REL_CITES, "6");
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

static void test_answer_kinds(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    cg_input *in;
    cg_extraction *r = extract(ex, &in, antwort);
    static const want_answer want[] = {
        {"1", CG_ANSWER_OWN, 14},      {"2", CG_ANSWER_REFERENCE, 16},
        {"3,4", CG_ANSWER_PARTLY, 19}, {"5,5a,5b", CG_ANSWER_REFERENCE, 24},
        {"6", CG_ANSWER_OWN, 26},      {"7", CG_ANSWER_OWN, 28}};
    const cg_answer *a = assert_answers(r, want, sizeof want / sizeof *want);
    /* questions 3 and 4: one referral and a sentence of its own; the joint note is neither */
    assert_int_equal(a[2].referrals, 1);
    assert_int_equal(a[2].own, 1);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

/* What looks like an answer or a referral and is not: the note on who sent
 * the Antwort between two questions, a number at a line start in an answer
 * ("20. Wahlperiode"), "nicht verfügbar", a printer's note, the imprint. */
static const char look_alikes[] =
    "Deutscher Bundestag Drucksache 21/997\n"
    "21. Wahlperiode 01.08.2025\n"
    "Antwort\n"
    "der Bundesregierung\n"
    "auf die Kleine Anfrage der Fraktion X\n"
    "– Drucksache 21/901 –\n"
    "Ein Titel\n"
    "1. Wie viele Fälle gab es?\n"
    "Die Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums\n"
    "der Finanzen vom 4. August 2025 übermittelt.\n"
    "2. Welche Fälle waren es?\n"
    "Die Fragen 1 und 2 werden gemeinsam beantwortet.\n"
    "Auf die Antwort zu Frage 3 wird verwiesen. Der Bericht zur\n"
    "20. Wahlperiode liegt vor.\n"
    "3. Gibt es Daten?\n"
    "Daten dazu sind nicht verfügbar.\n"
    "4. Wo steht das?\n"
    "Die Angaben sind unter www.example.de/daten abrufbar.\n"
    "* Von einer Drucklegung der Anlage wird abgesehen.\n"
    "Gesamtherstellung: H. Heenemann GmbH & Co. KG, www.heenemann-druck.de\n";

static void test_look_alikes(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    cg_input *in;
    cg_extraction *r = extract(ex, &in, look_alikes);
    static const want_answer want[] = {
        {"1,2", CG_ANSWER_PARTLY, 0},   /* the note is no answer to 1: answered with 2 */
        {"3", CG_ANSWER_OWN, 0},        /* "nicht verfügbar" refers nowhere */
        {"4", CG_ANSWER_REFERENCE, 0}}; /* the printer's note and the imprint add nothing */
    const cg_answer *a = assert_answers(r, want, sizeof want / sizeof *want);
    assert_int_equal(a[0].referrals, 1);
    assert_int_equal(a[0].own, 1);
    assert_reference(r, "http://www.example.de/daten", 18, CG_REL_REFERS, "4");
    assert_reference(r, "http://www.heenemann-druck.de", 20, CG_REL_CITES, "");
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

/* Only an Antwort refers: the same sentences in another document cite. */
static void test_only_antworten(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    cg_input *in;
    cg_extraction *r = extract(ex, &in,
                               "Deutscher Bundestag Drucksache 21/998\n"
                               "21. Wahlperiode 01.08.2025\n"
                               "Antrag\n"
                               "der Fraktion X\n"
                               "Ein Titel\n"
                               "Es wird auf Bundestagsdrucksache 20/2000 verwiesen.\n");
    assert_reference(r, "BT-Drs. 20/2000", 6, CG_REL_CITES, "");
    assert_int_equal(cg_extraction_answers(r, NULL), 0);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

/* Read back from the JSON Lines and from the cache record, an extraction
 * has the same answers and referrals: written again, the same bytes. */
static int rewrite(void *ctx, const char *file, const cg_extraction *ext, bool has_document_line) {
    assert_true(has_document_line);
    cg_buf *out = ctx;
    assert_int_equal(cg_jsonl_write_document(out, file, NULL, ext, NULL, NULL), CG_OK);
    return 0;
}

static void test_round_trips(void **state) {
    (void)state;
    cg_extractor *ex = extractor();
    cg_input *in;
    cg_extraction *r = extract(ex, &in, antwort);
    cg_buf first = CG_BUF_INIT, again = CG_BUF_INIT, rec = CG_BUF_INIT, from_rec = CG_BUF_INIT;
    assert_int_equal(cg_jsonl_write_document(&first, "a.txt", NULL, r, NULL, NULL), CG_OK);
    assert_non_null(strstr(first.data, "\"answers\":[{\"questions\":[\"1\"],\"answer\":\"own\""));
    assert_non_null(strstr(first.data, "\"relation\":\"refers\",\"answering\":[\"3\",\"4\"]"));
    assert_int_equal(cg_jsonl_read("a.jsonl", first.data, first.len, 1, rewrite, &again, NULL),
                     CG_OK);
    assert_string_equal(again.data, first.data);
    assert_int_equal(cgr_keep_quotes(r, in), CG_OK);
    assert_int_equal(cgio_record_write(&rec, r), CG_OK);
    cg_extraction *back = NULL;
    assert_int_equal(cgio_record_read(rec.data, rec.len, cg_input_size(in), &back, NULL), CG_OK);
    assert_int_equal(cg_jsonl_write_document(&from_rec, "a.txt", NULL, back, NULL, NULL), CG_OK);
    assert_string_equal(from_rec.data, first.data);
    cg_extraction_free(back);
    cg_buf_release(&first);
    cg_buf_release(&again);
    cg_buf_release(&rec);
    cg_buf_release(&from_rec);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_referrals),   cmocka_unit_test(test_answer_kinds),
        cmocka_unit_test(test_look_alikes), cmocka_unit_test(test_only_antworten),
        cmocka_unit_test(test_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
