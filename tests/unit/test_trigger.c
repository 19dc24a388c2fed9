/* test_trigger.c - the grammar's promises (trigger, line_literal, line_first, contains) change how
 * fast patterns are searched, never what they find: every document of the sample, the gold set and
 * the extraction fuzz corpus, and texts made to stretch the promises, extracted with the built-in
 * grammar and with one whose patterns make no promise, give the same bytes. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

/* cmocka needs the headers above first */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph/citegraph.h"
#include "extract/xctx.h"
#include "io/record.h"
#include "resolve/quotes.h"
#include "util/util.h"

static char path[64];

/* A grammar file that restates the pattern of every built-in section that makes a promise:
 * a pattern from another file drops the promises made for the built-in one. */
static const char *write_plain_grammar(size_t *restated) {
    size_t len;
    const char *g = cg_builtin_grammar_text(&len);
    snprintf(path, sizeof path, "/tmp/cg_test_trigger_%d.cgg", (int)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    *restated = 0;
    const char *section = NULL, *end = g + len;
    size_t section_len = 0;
    int promise = 0;
    const char *pattern = NULL, *pattern_end = NULL;
    for (const char *l = g; l <= end;) {
        const char *nl = l < end ? memchr(l, '\n', (size_t)(end - l)) : NULL;
        const char *le = nl ? nl : end;
        if (l == end || *l == '[') { /* a section ends */
            if (section && promise && pattern) {
                fprintf(f, "%.*s\n%.*s\n", (int)section_len, section, (int)(pattern_end - pattern),
                        pattern);
                (*restated)++;
            }
            section = l;
            section_len = (size_t)(le - l);
            promise = 0;
            pattern = NULL;
        } else if (strncmp(l, "trigger = ", 10) == 0 || strncmp(l, "line_literal = ", 15) == 0 ||
                   strncmp(l, "line_first = ", 13) == 0 || strncmp(l, "contains = ", 11) == 0) {
            promise = 1;
        } else if (strncmp(l, "pattern = ", 10) == 0) {
            pattern = l;
            pattern_end = le;
        } else if (pattern && pattern_end == l - 1 && (*l == ' ' || *l == '\t')) {
            pattern_end = le; /* a continuation of the pattern */
        }
        l = nl ? nl + 1 : end + 1;
    }
    fclose(f);
    return path;
}

typedef struct pair {
    cg_extractor *fast, *plain;
    size_t compared;
} pair;

static int setup(void **state) {
    pair *p = calloc(1, sizeof *p);
    assert_non_null(p);
    cg_error err;
    assert_int_equal(cg_extractor_new(NULL, &p->fast, &err), CG_OK);
    size_t restated;
    const char *files[] = {write_plain_grammar(&restated)};
    cg_extractor_options opts = {files, 1};
    cg_status st = cg_extractor_new(&opts, &p->plain, &err);
    unlink(path);
    if (st != CG_OK) fail_msg("%s:%zu:%zu: %s", err.path, err.line, err.col, err.text);
    /* the promises are there in one and gone in the other */
    assert_true(restated >= 15);
    size_t fast = 0, plain = 0;
    for (int i = 0; i < P_COUNT; i++) {
        fast += p->fast->trig[i].n + (p->fast->line_literal[i] != NULL) + p->fast->line_first[i].on;
        plain +=
            p->plain->trig[i].n + (p->plain->line_literal[i] != NULL) + p->plain->line_first[i].on;
    }
    assert_true(fast >= 20);
    assert_int_equal(plain, 0);
    *state = p;
    return 0;
}

static int teardown(void **state) {
    pair *p = *state;
    if (!p) return 0;
    cg_extractor_free(p->fast);
    cg_extractor_free(p->plain);
    free(p);
    return 0;
}

/* The whole extraction as bytes: the record the result cache keeps holds the document's
 * header facts, every reference with all its fields, the questions and the defects; after
 * it, the questions each locator names, as the extraction expanded them. */
static void extract_record(cg_extractor *ex, const cg_input *in, cg_status *st, cg_buf *out) {
    cg_extraction *r = NULL;
    *st = cg_extract(ex, in, &r, NULL);
    if (*st == CG_OK) {
        assert_int_equal(cgr_keep_quotes(r, in), CG_OK);
        assert_int_equal(cgio_record_write(out, r), CG_OK);
        for (size_t i = 0; i < cg_extraction_count(r); i++) {
            const cg_locator *l = &cg_extraction_reference(r, i)->locator;
            assert_int_equal(cgu_buf_printf(out, "%zu %d", i, (int)l->series), 0);
            for (size_t k = 0; k < l->nquestions; k++)
                assert_int_equal(cgu_buf_printf(out, " %u%c", l->questions[k].number,
                                                l->questions[k].sub ? l->questions[k].sub : '.'),
                                 0);
            assert_int_equal(cgu_buf_putc(out, '\n'), 0);
        }
    }
    cg_extraction_free(r);
}

static void compare(pair *p, const cg_input *in, const char *name) {
    cg_buf a = CG_BUF_INIT, b = CG_BUF_INIT;
    cg_status sa, sb;
    extract_record(p->fast, in, &sa, &a);
    extract_record(p->plain, in, &sb, &b);
    if (sa != sb) fail_msg("%s: status %d with the promises, %d without", name, sa, sb);
    if (a.len != b.len || (a.len && memcmp(a.data, b.data, a.len) != 0))
        fail_msg("%s: the extraction differs with the promises:\n%.*s\nwithout:\n%.*s", name,
                 (int)(a.len < 2000 ? a.len : 2000), a.data ? a.data : "",
                 (int)(b.len < 2000 ? b.len : 2000), b.data ? b.data : "");
    cg_buf_release(&a);
    cg_buf_release(&b);
    p->compared++;
}

static void compare_dir(pair *p, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) fail_msg("cannot open %s", dir);
    struct dirent *e;
    size_t before = p->compared;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char file[1024];
        snprintf(file, sizeof file, "%s/%s", dir, e->d_name);
        cg_input *in = NULL;
        if (cg_input_read_file(file, NULL, &in, NULL) != CG_OK) continue; /* binary, empty */
        compare(p, in, file);
        cg_input_free(in);
    }
    closedir(d);
    assert_true(p->compared > before);
}

static void test_corpora(void **state) {
    pair *p = *state;
    compare_dir(p, CG_SOURCE_DIR "/data/sample");
    compare_dir(p, CG_SOURCE_DIR "/tests/gold/docs");
    compare_dir(p, CG_SOURCE_DIR "/tests/fuzz/corpus/extract");
}

static void compare_text(pair *p, const char *text, size_t len) {
    cg_input *in = NULL;
    assert_int_equal(cg_input_from_memory("t", text, len, NULL, &in, NULL), CG_OK);
    compare(p, in, text);
    cg_input_free(in);
}

/* Each reference as far from its trigger as its reach allows, and white space of every kind
 * in between; texts where windows touch and overlap. */
static void test_texts_at_the_reach(void **state) {
    pair *p = *state;
    static const char *const texts[] = {
        "Empfehlungsdrucksachen BW Drucksache: Nr. KA zu 1234/5/25 und 12/3",
        "BR-Beschluss-Drs. 12/25, Bundestags-\nDrucksachen 20/1 sowie 20/2",
        "Kleinen Anfragen 21/1 Großen Anfrage 21/2 BT-Drs. …] fehlt; BR Drucksache …",
        "BT-Plenarprotokollen Nr. 19/150 und 19/151; PlPr. 21/6",
        "BT-Ausschuss-Drucksachen Nr. 20(4)493 A neu, BT-A-Drs. 20/ 6455, ADrs. 19/1",
        "Council documents Nr. vom 13.06.2019, 10144/19 ADD 1 REV 2; ST 10150 2021 REV 1",
        "JOIN (2025) 9 final, KOM(2025)551 endg., C(2025) 2000",
        "AÖÜ-ÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖÜÄÖverordnung (EWG, Euratom) Nr. 201 1/1 6",
        "Delegierten Verordnungen (EU) 2019/817 und (EU) 2019/818; VO 1/2005; RL 95/46/EG",
        "Richtlinie zur Verwirklichung der Gleichbehandlung in Beschäftigung und Beruf, "
        "zum Schutz der Arbeitnehmer und Arbeitnehmerinnen bei der Arbeit in allen Branchen "
        "der Wirtschaft und der Verwaltung (2000/78/EG)",
        "a.b.c.d.e.f.g.h.de/x und ab-c.d.e.f.g.h.i.j.de/y, www.heise.de, https://x.org/a/b",
        "https://dserver.bundestag.de/btd/19/187/1918757.pdf und ftp://a.eu/ http://b.de",
        "Antworten der Bundesregierung zur meine Schriftlichen Fragen 7 bis 10 und 17",
        "Artikel 43 Absatz 4, Art. 5 Abs. 2 UAbs. 1 Buchst. a; CELEX-Nr. 32016L0680",
        "Deutscher Bundestag Drucksache 21/126\n21. Wahlperiode 09.05.2025\n"
        "Antwort\nDrucksache 21/126 - 2 - Deutscher Bundestag - 21. Wahlperiode\n"
        "Diese ist auf Bundestagsdrucksache 21/126 auf der Internetseite abrufbar.\n"
        "Drucksache 21/126\nBrüssel, den 23.5.2025\nCOM(2025) 3468 final\n",
        "Bundesrat Drucksache 103/1/25\n12.05.25\nBundesrat - 3 - Drucksache\n103/1/25\n",
        /* the most runs of white space an act's words allow, of every kind \s matches */
        "Text EU- \xe2\x80\xa8 Batterieverordnung \xc2\xa0 (EU,\xe2\x80\x83"
        "Euratom) \t Nr. \n "
        "201 1/1 6 und Delegierte \xc2\xa0 Verordnung \n (PPWR, (EU,\nEuratom)\nNo\n 2012/17) "
        "sowie Delegierten\xe2\x80\xa8"
        "Verordnungen (EU,\xe1\x9a\x80"
        "Euratom)\xe3\x80\x80Nr."
        "\xc2\x85 201 3/1 8.\n",
        /* an address without a scheme is one word: runs of white space end its window */
        "siehe  a.b.c.d.e.f.g.h.de/x\xe2\x80\xa8"
        "ab-c.d.de/y \xc2\xa0x.eu/z\ty.org/",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        compare_text(p, texts[i], strlen(texts[i]));
    /* long runs of white space (spaces, line breaks, U+2028) between keyword and number */
    static const char *const spaces[] = {" ", "\n", "\xe2\x80\xa8", "\t \n"};
    static const char *const around[][2] = {
        {"Verordnung (EU)", "2018/1862"}, {"Drucksache", "21/1234"}, {"Antwort zu", "Frage 2"},
        {"Ratsdokument", "6385/25"},      {"BT-", "Drs. 19/5954"},   {"Plenarprotokoll", "21/6"},
    };
    char *text = malloc(70000);
    assert_non_null(text);
    for (size_t i = 0; i < sizeof around / sizeof around[0]; i++)
        for (size_t k = 0; k < sizeof spaces / sizeof spaces[0]; k++) {
            size_t n = (size_t)snprintf(text, 70000, "x %s", around[i][0]);
            for (int r = 0; r < 3000; r++)
                n += (size_t)snprintf(text + n, 70000 - n, "%s", spaces[k]);
            n += (size_t)snprintf(text + n, 70000 - n, "%s y", around[i][1]);
            compare_text(p, text, n);
        }
    /* triggers close together: windows that overlap and merge */
    size_t n = 0;
    for (int r = 0; r < 300 && n < 60000; r++)
        n += (size_t)snprintf(text + n, 70000 - n,
                              "Drs. %d/%d, Verordnung (EU) 20%02d/%d www.a%d.de/ ", r % 21 + 1, r,
                              r % 100, r, r);
    compare_text(p, text, n);
    /* runs of triggers long enough for a window to be widened, several times over */
    n = (size_t)snprintf(text, 70000, "Drucksache ");
    for (int r = 0; r < 9000; r++)
        n += (size_t)snprintf(text + n, 70000 - n, "1/");
    n += (size_t)snprintf(text + n, 70000 - n, "1 und Drucksachen ");
    for (int r = 1; r < 3000; r++)
        n += (size_t)snprintf(text + n, 70000 - n, "19/%d, ", r);
    n += (size_t)snprintf(text + n, 70000 - n, "19/3000 und https://a.de/");
    for (int r = 0; r < 2000; r++)
        n += (size_t)snprintf(text + n, 70000 - n, "b/");
    compare_text(p, text, n);
    /* a run of windows longer than one search takes (each act a match of its own), then a
     * stretch without white space before a last trigger */
    n = 0;
    for (int r = 0; r < 2500; r++)
        n += (size_t)snprintf(text + n, 70000 - n, "Richtlinie %d/46/EG,", r % 100);
    for (int r = 0; r < 10000; r++)
        text[n++] = 'b';
    n += (size_t)snprintf(text + n, 70000 - n, "1/2 x.de/");
    compare_text(p, text, n);
    free(text);
}

/* Lines that begin as a line_first promises, and lines that nearly do: numbered and lettered
 * questions after spaces, tabs and a dash, numbers that begin or go on in another script (\d
 * takes them: "١2." is question 2), dates and years that are no questions, the headings of
 * the preliminary remarks (letter-spaced or not, indented), a question on the text's last line
 * without a line end, and the same with CRLF. */
static void test_line_starts(void **state) {
    pair *p = *state;
    static const char head[] = "Deutscher Bundestag Drucksache 21/126\n21. Wahlperiode "
                               "09.05.2025\n\nAntwort\nder Bundesregierung\n\n";
    static const char *const bodies[] = {
        "V o r b e m e r k u n g  d e r  F r a g e s t e l l e r\nText.\n"
        "  Vorbemerkung der Bundesregierung\nText.\n"
        "1. Wie viele Anfragen gab es?\n \t- 2. Welche?\n\ta) Wer?\n  - b) Wo?\n"
        "3. a) Wann?\n4. August 2025 \xc3\xbc"
        "bermittelt.\n2025. Jahr\n12.Mai\n- 5. Ob?\n"
        "Auf die Antwort zu Frage 2 wird verwiesen.\n\xd9\xa1. Wie?\n\xd9\xa1"
        "6. Wie?\n7\xd9\xa1. Wo?\n \xd9\xa1"
        "8. a) Wer?\nc) Was?\n-\n9. Wer",
        "1. Wie?\r\n  2. Wo?\r\n\tVorbemerkung der Bundesregierung\r\n3. a) Wann?\r\n"
        "b) Wer?\r\nSiehe Antwort zu Frage 1.\r\n- 4.\tWarum?",
        "x\n 1. Erste\n1 1. Keine\n 2) Keine\n-- 2. Keine\n2. Zweite\n a) Eins\nVorbemerkung",
    };
    char text[2048];
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        int n = snprintf(text, sizeof text, "%s%s", head, bodies[i]);
        assert_true(n > 0 && (size_t)n < sizeof text);
        compare_text(p, text, (size_t)n);
        compare_text(p, bodies[i], strlen(bodies[i])); /* and a line start at 0 */
    }
}

/* The texts of a pattern's contains are looked for a stretch past each search's end, and what
 * that look found (or that it found none) answers the searches after it: sentences of an
 * answer with none of [referral]'s cue words for more than that stretch, then referrals, some
 * a sentence after the stretch's end and some far after it. */
static void test_contains_beyond_the_stretch(void **state) {
    pair *p = *state;
    enum { CAP = 40000 };
    char *text = malloc(CAP);
    assert_non_null(text);
    for (int lead = 3000; lead <= 9000; lead += 1500) {
        size_t n = (size_t)snprintf(text, CAP,
                                    "Deutscher Bundestag Drucksache 21/126\n21. Wahlperiode "
                                    "09.05.2025\n\nAntwort\nder Bundesregierung\n\n"
                                    "1. Wie viele Anträge gab es?\n\n");
        while (n < (size_t)lead)
            n += (size_t)snprintf(text + n, CAP - n,
                                  "Die Bundesregierung hat dazu keine "
                                  "weiteren Erkenntnisse. ");
        for (int q = 2; q < 9; q++)
            n += (size_t)snprintf(text + n, CAP - n,
                                  "Auf die Drucksache 20/%d wird verwiesen. Dazu liegen keine "
                                  "Zahlen vor.\n\n%d. Welche Folgen hat das?\n\n",
                                  1000 + q, q);
        compare_text(p, text, n);
    }
    free(text);
}

/* A trigger of a grammar file whose matches depend on where its search begins ("(*COMMIT)"
 * gives up a search at the first "#" it commits to) is searched afresh from each position,
 * not listed once for all the patterns that share it: both numbers are found. */
static void test_trigger_with_a_verb(void **state) {
    (void)state;
    char file[64];
    snprintf(file, sizeof file, "/tmp/cg_test_verb_%d.cgg", (int)getpid());
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("[hashref]\nkind = hash\npattern = #(?<n>\\d)(?: #[a-z])?\nid = H-{n}\n"
          "trigger = 0 #(*COMMIT)\\d\nexample = #6\n",
          f);
    fclose(f);
    const char *files[] = {file};
    cg_extractor_options opts = {files, 1};
    cg_extractor *ex = NULL;
    cg_error err;
    cg_status st = cg_extractor_new(&opts, &ex, &err);
    unlink(file);
    if (st != CG_OK) fail_msg("%s:%zu:%zu: %s", err.path, err.line, err.col, err.text);
    const char text[] = "Text #5 #a #6 end\n";
    cg_input *in = NULL;
    assert_int_equal(cg_input_from_memory("verb.txt", text, sizeof text - 1, NULL, &in, NULL),
                     CG_OK);
    cg_extraction *r = NULL;
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    size_t found = 0;
    for (size_t i = 0; i < cg_extraction_count(r); i++) {
        char id[32];
        cg_docid_format(&cg_extraction_reference(r, i)->target, id, sizeof id);
        found += strcmp(id, "H-5") == 0 || strcmp(id, "H-6") == 0;
    }
    assert_int_equal(found, 2);
    cg_extraction_free(r);
    cg_input_free(in);
    cg_extractor_free(ex);
}

/* The words of a trigger's window end at white space: at exactly the characters \s matches in
 * the grammar's patterns, every one of them. */
static void test_space_is_what_patterns_call_space(void **state) {
    (void)state;
    int code;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) "\\s\\z", PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP, &code, &at, NULL);
    assert_non_null(re);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    assert_non_null(md);
    size_t spaces = 0;
    for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        char text[8] = "ab";
        size_t n = 2;
        if (cp < 0x80) {
            text[n++] = (char)cp;
        } else if (cp < 0x800) {
            text[n++] = (char)(0xC0 | cp >> 6);
            text[n++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            text[n++] = (char)(0xE0 | cp >> 12);
            text[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
            text[n++] = (char)(0x80 | (cp & 0x3F));
        } else {
            text[n++] = (char)(0xF0 | cp >> 18);
            text[n++] = (char)(0x80 | (cp >> 12 & 0x3F));
            text[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
            text[n++] = (char)(0x80 | (cp & 0x3F));
        }
        int is_space = pcre2_match(re, (PCRE2_SPTR)text, n, 2, 0, md, NULL) >= 0;
        size_t len = cgx_space_before(text, 0, n);
        if (is_space ? len != n - 2 : len != 0)
            fail_msg("U+%04X: \\s %s, cgx_space_before gives %zu", (unsigned)cp,
                     is_space ? "matches" : "does not match", len);
        spaces += is_space;
    }
    assert_true(spaces >= 25); /* the ASCII ones, NEL, no-break and the Unicode spaces */
    pcre2_match_data_free(md);
    pcre2_code_free(re);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpora),
        cmocka_unit_test(test_texts_at_the_reach),
        cmocka_unit_test(test_line_starts),
        cmocka_unit_test(test_contains_beyond_the_stretch),
        cmocka_unit_test(test_trigger_with_a_verb),
        cmocka_unit_test(test_space_is_what_patterns_call_space),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
