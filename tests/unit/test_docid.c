/* test_docid.c - document ids as values: formatting, parsing, the
 * constructors that decide which numbers form an id, and question lists.
 * parse(format(id)) == id is the promise every later stage relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "citegraph/docid.h"
#include "citegraph/locator.h"
#include "docid/canon.h"
#include "docid/questions.h"

/* Formats the id and checks the text, then parses the text back and checks
 * that it gives the same id. */
static void assert_canonical(const cg_docid *id, const char *expected) {
    char text[128];
    size_t n = cg_docid_format(id, text, sizeof text);
    assert_string_equal(text, expected);
    assert_int_equal(n, strlen(expected));
    cg_docid back;
    cg_error err = {0};
    assert_int_equal(cg_docid_parse(text, &back, &err), CG_OK);
    assert_true(cg_docid_equal(id, &back));
    cg_buf buf = CG_BUF_INIT;
    assert_int_equal(cg_docid_append(id, &buf, NULL), CG_OK);
    assert_string_equal(buf.data, expected);
    cg_buf_release(&buf);
}

static void test_constructors_format_and_parse_back(void **state) {
    (void)state;
    cg_docid id;
    assert_true(cgd_bt_drucksache(&id, 19, 5954));
    assert_canonical(&id, "BT-Drs. 19/5954");
    assert_true(cgd_bt_plenarprotokoll(&id, 21, 6));
    assert_canonical(&id, "BT-PlPr. 21/6");
    assert_true(cgd_bt_ausschussdrucksache(&id, 20, 4, 493, 0));
    assert_canonical(&id, "BT-ADrs. 20(4)493");
    assert_true(cgd_bt_ausschussdrucksache(&id, 20, 4, 493, 'A'));
    assert_canonical(&id, "BT-ADrs. 20(4)493 A");
    assert_true(cgd_bt_ausschussdrucksache(&id, 20, 0, 2301, 0));
    assert_canonical(&id, "BT-ADrs. 20/2301");
    assert_true(cgd_br_drucksache(&id, 103, 1, 25, 0, 0));
    assert_canonical(&id, "BR-Drs. 103/1/25");
    assert_true(cgd_br_drucksache(&id, 108, 0, 25, CG_DOCID_ZU | CG_DOCID_BESCHLUSS, 0));
    assert_canonical(&id, "BR-Drs. zu 108/25(B)");
    assert_true(cgd_br_drucksache(&id, 2, 0, 5, 0, 0));
    assert_canonical(&id, "BR-Drs. 2/05");
    assert_true(cgd_br_drucksache(&id, 57, 0, 20, CG_DOCID_BESCHLUSS | CG_DOCID_NEU, 2));
    assert_canonical(&id, "BR-Drs. 57/20(B)(neu)(2)");
    assert_true(cgd_landtag_drucksache(&id, "NW", 17, 8873));
    assert_canonical(&id, "LT-Drs. NW 17/8873");
    assert_true(cgd_landtag_drucksache(&id, NULL, 18, 13772));
    assert_canonical(&id, "LT-Drs. 18/13772");
    id.flags = CG_DOCID_ZU | CG_DOCID_NEU;
    assert_canonical(&id, "LT-Drs. zu 18/13772(neu)");
    /* malformed, kept as written */
    cg_docid lt = {.kind = CG_KIND_LANDTAG_DRUCKSACHE, .period = 249, .part = 2, .number = 24};
    assert_canonical(&lt, "LT-Drs. 249/2/24");
    assert_true(cgd_council(&id, 12545, 18));
    assert_canonical(&id, "ST 12545/18");
    assert_true(cgd_commission(&id, "KOM", 2008, 123));
    assert_canonical(&id, "COM(2008) 123");
    assert_true(cgd_commission(&id, "SEK", 2022, 209));
    assert_canonical(&id, "SEC(2022) 209");
    assert_true(cgd_commission(&id, "JOIN", 2016, 30));
    assert_canonical(&id, "JOIN(2016) 30");
    assert_true(cgd_commission(&id, "C", 2019, 1234));
    assert_canonical(&id, "C(2019) 1234");
    assert_true(cgd_celex(&id, 2018, 'R', 1862));
    assert_canonical(&id, "CELEX:32018R1862");
    assert_true(cgd_celex(&id, 1995, 'L', 46));
    assert_canonical(&id, "CELEX:31995L0046");
}

/* The facts of reference-formats.md: numbers that cannot be an id. */
static void test_constructors_refuse_impossible_numbers(void **state) {
    (void)state;
    cg_docid id = {.kind = CG_KIND_URL};
    assert_false(cgd_bt_drucksache(&id, 123, 20)); /* no 123rd Wahlperiode */
    assert_false(cgd_bt_drucksache(&id, CG_MAX_WAHLPERIODE + 1, 1));
    assert_false(cgd_bt_drucksache(&id, 0, 1));
    assert_false(cgd_bt_drucksache(&id, 19, 0));
    assert_int_equal(id.kind, CG_KIND_URL); /* untouched */
    assert_false(cgd_bt_plenarprotokoll(&id, 22, 1));
    assert_false(cgd_bt_ausschussdrucksache(&id, 0, 4, 1, 0));
    assert_false(cgd_br_drucksache(&id, 0, 0, 25, 0, 0));
    assert_false(cgd_br_drucksache(&id, 100, 0, 100, 0, 0));
    assert_false(cgd_landtag_drucksache(&id, "NW", CG_MAX_LANDTAG_WAHLPERIODE + 1, 1));
    assert_false(cgd_council(&id, 12545, 2018));
    assert_false(cgd_commission(&id, "XYZ", 2020, 1));
    assert_false(cgd_commission(&id, "COM", 1957, 1));
    assert_false(cgd_celex(&id, 2018, 'R', 12345)); /* four digits at most */
    assert_false(cgd_celex(&id, 1951, 'R', 1));
    assert_false(cgd_celex(&id, 2018, 'r', 1));
    assert_int_equal(id.kind, CG_KIND_URL);
}

static void test_parse_fills_every_field(void **state) {
    (void)state;
    cg_docid id;
    cg_error err = {0};
    assert_int_equal(cg_docid_parse("BR-Drs. zu 103/1/25(B)(neu)(3)", &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_BR_DRUCKSACHE);
    assert_int_equal(id.number, 103);
    assert_int_equal(id.part, 1);
    assert_int_equal(id.period, 25);
    assert_int_equal(id.version, 3);
    assert_int_equal(id.flags, CG_DOCID_ZU | CG_DOCID_BESCHLUSS | CG_DOCID_NEU);

    assert_int_equal(cg_docid_parse("LT-Drs. BY 18/13772", &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_LANDTAG_DRUCKSACHE);
    assert_string_equal(id.land, "BY");
    assert_int_equal(id.period, 18);
    assert_int_equal(id.number, 13772);

    assert_int_equal(cg_docid_parse("BT-ADrs. 20(4)493 A", &id, &err), CG_OK);
    assert_int_equal(id.part, 4);
    assert_string_equal(id.series, "A");

    assert_int_equal(cg_docid_parse("CELEX:32016R0679", &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_EU_LEGAL_ACT);
    assert_int_equal(id.period, 2016);
    assert_string_equal(id.series, "R");
    assert_int_equal(id.number, 679);

    /* A malformed Bundesrat number keeps its one-digit year as written. */
    assert_int_equal(cg_docid_parse("BR-Drs. 100/6", &id, &err), CG_OK);
    assert_true(id.flags & CG_DOCID_SHORT_YEAR);
    assert_canonical(&id, "BR-Drs. 100/6");
    assert_int_equal(cg_docid_parse("BR-Drs. 100/06", &id, &err), CG_OK);
    assert_false(id.flags & CG_DOCID_SHORT_YEAR);

    /* A malformed Bundestag number with the Bundesrat's parts still round-trips. */
    assert_int_equal(cg_docid_parse("BT-Drs. 103/1/25", &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_BT_DRUCKSACHE);
    assert_canonical(&id, "BT-Drs. 103/1/25");

    /* URLs (borrowed text) and the citing document's own parts */
    const char *url = "https://www.bundestag.de/a#b";
    assert_int_equal(cg_docid_parse(url, &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_URL);
    assert_ptr_equal(id.text, url);
    assert_canonical(&id, url);
    assert_int_equal(cg_docid_parse("#", &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_INTERNAL);
    assert_canonical(&id, "#");
}

/* Only the canonical spelling parses; everything else is CG_EFORMAT with a
 * message that quotes the text. */
static void test_parse_refuses_other_spellings(void **state) {
    (void)state;
    static const char *const bad[] = {
        "",
        "BT-Drs 19/5954",
        "BT-Drs. 19/5954 ",
        " BT-Drs. 19/5954",
        "BT-Drucksache 19/5954",
        "Drucksache 19/5954",
        "BT-Drs. 19/",
        "BT-Drs. 19/5954(B)(B)",
        "BR-Drs. 103/25(0)",
        "BR-Drs. 103/25(x)",
        "BT-PlPr. 21",
        "BT-ADrs. 20()493",
        "BT-ADrs. 20(0)493",
        "LT-Drs. nw 17/8873",
        "ST 12545",
        "COM(2020)72",
        "KOM(2020) 72",
        "CELEX:32018R186",
        "CELEX:2018R1862",
        "CELEX:32018r1862",
        "BT-Drs. 19/12345678901", /* more digits than any id has */
        "19/5954",
        /* the canonical spelling only: no leading zeros, suffixes in order */
        "BT-Drs. 019/5954",
        "BT-Drs. 19/05954",
        "BR-Drs. 0103/25",
        "BR-Drs. 103/025",
        "BR-Drs. 103/0/25",
        "BR-Drs. 103/25(neu)(B)",
        "BR-Drs. 103/25(02)",
        "ST 12545/5",
        "COM(02020) 72",
        /* cut short: nothing is read past the end */
        "CELEX:3",
        "CELEX:32018R",
        "CELEX:3201",
        "BR-Drs. 103/",
        "BR-Drs. 103/25(",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cg_docid id;
        cg_error err = {0};
        assert_int_equal(cg_docid_parse(bad[i], &id, &err), CG_EFORMAT);
        assert_int_equal(id.kind, CG_KIND_NONE);
        assert_non_null(strstr(err.text, "not a canonical document id"));
    }
}

static void test_kind_names(void **state) {
    (void)state;
    for (int k = CG_KIND_BT_DRUCKSACHE; k <= CG_KIND_INTERNAL; k++) {
        const char *name = cg_kind_name((cg_kind)k);
        assert_true(strlen(name) > 0);
        assert_int_equal(cg_kind_from_name(name), k);
    }
    assert_string_equal(cg_kind_name(CG_KIND_BT_DRUCKSACHE), "bt_drucksache");
    assert_string_equal(cg_kind_name(CG_KIND_EU_COM_DOC), "eu_com_doc");
    assert_string_equal(cg_kind_name(CG_KIND_NONE), "");
    assert_int_equal(cg_kind_from_name("bundestag"), CG_KIND_NONE);
    assert_int_equal(cg_kind_from_name(""), CG_KIND_NONE);
}

/* JSON Lines name the kind next to the id: a grammar file's kinds, and a
 * built-in kind whose id a grammar rendered in its own way, stay text. */
static void test_parse_kind(void **state) {
    (void)state;
    cg_docid id;
    cg_error err = {0};
    assert_int_equal(cg_docid_parse_kind("bt_drucksache", "BT-Drs. 19/5954", &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_BT_DRUCKSACHE);
    assert_int_equal(id.number, 5954);

    const char *kind = "bverfg_decision", *text = "BVerfG 1 BvR 2/19";
    assert_int_equal(cg_docid_parse_kind(kind, text, &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_GRAMMAR);
    assert_ptr_equal(id.grammar_kind, kind);
    assert_ptr_equal(id.text, text);
    assert_string_equal(cg_docid_kind_name(&id), "bverfg_decision");
    assert_string_equal(cg_kind_name(id.kind), "grammar");
    char out[64];
    cg_docid_format(&id, out, sizeof out);
    assert_string_equal(out, text);

    /* a built-in name with a text that is not its canonical id */
    assert_int_equal(cg_docid_parse_kind("bt_drucksache", "Drucksache 19/5954", &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_GRAMMAR);
    assert_string_equal(cg_docid_kind_name(&id), "bt_drucksache");
    /* a canonical id of another kind than named */
    assert_int_equal(cg_docid_parse_kind("br_drucksache", "BT-Drs. 19/5954", &id, &err), CG_OK);
    assert_int_equal(id.kind, CG_KIND_GRAMMAR);

    assert_int_equal(cg_docid_parse_kind("", "x", &id, &err), CG_EFORMAT);
    assert_int_equal(cg_docid_parse_kind("url", "", &id, &err), CG_EFORMAT);
}

/* Numbers as DIP's "dokumentnummer" gives them. */
static void test_parse_number(void **state) {
    (void)state;
    cg_docid id;
    cg_error err = {0};
    assert_int_equal(cg_docid_parse_number(CG_KIND_BT_DRUCKSACHE, "21/1234", &id, &err), CG_OK);
    assert_canonical(&id, "BT-Drs. 21/1234");
    assert_int_equal(cg_docid_parse_number(CG_KIND_BR_DRUCKSACHE, "103/25(B)", &id, &err), CG_OK);
    assert_canonical(&id, "BR-Drs. 103/25(B)");
    assert_int_equal(cg_docid_parse_number(CG_KIND_BR_DRUCKSACHE, "zu 108/25", &id, &err), CG_OK);
    assert_canonical(&id, "BR-Drs. zu 108/25");
    assert_int_equal(cg_docid_parse_number(CG_KIND_BT_PLENARPROTOKOLL, "20/17", &id, &err), CG_OK);
    assert_canonical(&id, "BT-PlPr. 20/17");

    assert_int_equal(cg_docid_parse_number(CG_KIND_BT_DRUCKSACHE, "BT-Drs. 21/1234", &id, &err),
                     CG_EFORMAT);
    assert_non_null(strstr(err.text, "bt_drucksache"));
    assert_int_equal(cg_docid_parse_number(CG_KIND_BT_DRUCKSACHE, "21/1234 ", &id, &err),
                     CG_EFORMAT);
    assert_int_equal(cg_docid_parse_number(CG_KIND_URL, "https://x.de/", &id, &err), CG_EFORMAT);
    assert_int_equal(cg_docid_parse_number(CG_KIND_NONE, "1/2", &id, &err), CG_EFORMAT);
}

static void test_format_number(void **state) {
    (void)state;
    static const struct {
        const char *id, *number;
    } cases[] = {
        {"BT-Drs. 19/5954", "19/5954"},       {"BR-Drs. zu 108/25", "zu 108/25"},
        {"LT-Drs. NW 17/8873", "NW 17/8873"}, {"ST 12545/18", "12545/18"},
        {"CELEX:32018R1862", "32018R1862"},   {"COM(2020) 72", "COM(2020) 72"},
        {"BT-ADrs. 20(4)493", "20(4)493"},    {"BT-PlPr. 21/6", "21/6"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cg_docid id;
        assert_int_equal(cg_docid_parse(cases[i].id, &id, NULL), CG_OK);
        char out[64];
        assert_int_equal(cg_docid_format_number(&id, out, sizeof out), strlen(cases[i].number));
        assert_string_equal(out, cases[i].number);
    }
    cg_docid url;
    assert_int_equal(cg_docid_parse("https://example.org/", &url, NULL), CG_OK);
    char out[8] = "x";
    assert_int_equal(cg_docid_format_number(&url, out, sizeof out), 0);
}

/* Like snprintf(): cut, NUL-terminated, the full length returned. */
static void test_format_cuts_like_snprintf(void **state) {
    (void)state;
    cg_docid id;
    assert_true(cgd_landtag_drucksache(&id, "NW", 17, 8873));
    char small[8];
    assert_int_equal(cg_docid_format(&id, small, sizeof small), strlen("LT-Drs. NW 17/8873"));
    assert_string_equal(small, "LT-Drs.");
    char none[1] = {'x'};
    cg_docid_format(&id, none, 1);
    assert_int_equal(none[0], '\0');
    assert_int_equal(cg_docid_format(&id, NULL, 0), strlen("LT-Drs. NW 17/8873"));

    cg_docid empty = {0};
    assert_int_equal(cg_docid_format(&empty, small, sizeof small), 0);
    cg_buf buf = CG_BUF_INIT;
    assert_int_equal(cg_docid_append(&empty, &buf, NULL), CG_EINVAL);
    /* an id longer than the formatting's own small buffer */
    char longurl[400];
    memset(longurl, 'a', sizeof longurl - 1);
    memcpy(longurl, "https://", 8);
    longurl[sizeof longurl - 1] = '\0';
    cg_docid url = {.kind = CG_KIND_URL, .text = longurl};
    assert_int_equal(cg_docid_append(&url, &buf, NULL), CG_OK);
    assert_string_equal(buf.data, longurl);
    cg_buf_release(&buf);
}

static void test_issuer_year_wahlperiode(void **state) {
    (void)state;
    static const struct {
        const char *id;
        cg_issuer issuer;
        unsigned year, wp;
    } cases[] = {
        {"BT-Drs. 19/5954", CG_ISSUER_BT, 0, 19},    {"BT-PlPr. 21/6", CG_ISSUER_BT, 0, 21},
        {"BT-ADrs. 20(4)493", CG_ISSUER_BT, 0, 20},  {"BR-Drs. 640/98", CG_ISSUER_BR, 1998, 0},
        {"BR-Drs. 103/1/25", CG_ISSUER_BR, 2025, 0}, {"LT-Drs. NW 17/8873", CG_ISSUER_LT, 0, 17},
        {"ST 12545/18", CG_ISSUER_EU, 2018, 0},      {"COM(2008) 123", CG_ISSUER_EU, 2008, 0},
        {"CELEX:31995L0046", CG_ISSUER_EU, 1995, 0}, {"https://x.de/", CG_ISSUER_NONE, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cg_docid id;
        assert_int_equal(cg_docid_parse(cases[i].id, &id, NULL), CG_OK);
        assert_int_equal(cg_docid_issuer(&id), cases[i].issuer);
        assert_int_equal(cg_docid_year(&id), cases[i].year);
        assert_int_equal(cg_docid_wahlperiode(&id), cases[i].wp);
    }
    assert_string_equal(cg_issuer_name(CG_ISSUER_BR), "BR");
    assert_null(cg_issuer_name(CG_ISSUER_NONE));
    assert_int_equal(cg_year4(25), 2025);
    assert_int_equal(cg_year4(57), 2057);
    assert_int_equal(cg_year4(58), 1958);
    assert_int_equal(cg_year4(95), 1995);
}

static void test_official_url(void **state) {
    (void)state;
    static const struct {
        const char *id, *url;
    } cases[] = {
        {"BT-Drs. 19/5954", "https://dserver.bundestag.de/btd/19/059/1905954.pdf"},
        {"BT-Drs. 21/12", "https://dserver.bundestag.de/btd/21/000/2100012.pdf"},
        {"BT-PlPr. 21/6", "https://dserver.bundestag.de/btp/21/21006.pdf"},
        {"ST 12545/18", "https://data.consilium.europa.eu/doc/document/ST-12545-2018-INIT/de/pdf"},
        {"CELEX:32018R1862",
         "https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32018R1862"},
        {"https://www.bundestag.de/x", "https://www.bundestag.de/x"},
        /* no address can be computed */
        {"BT-Drs. 19/5954(neu)", ""},
        {"BR-Drs. 103/25", ""},
        {"LT-Drs. NW 17/8873", ""},
        {"ftp://example.org/x", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cg_docid id;
        assert_int_equal(cg_docid_parse(cases[i].id, &id, NULL), CG_OK);
        char out[128];
        assert_int_equal(cg_docid_official_url(&id, out, sizeof out), strlen(cases[i].url));
        assert_string_equal(out, cases[i].url);
    }
}

static void test_equal(void **state) {
    (void)state;
    cg_docid a, b;
    assert_true(cgd_br_drucksache(&a, 103, 0, 25, 0, 0));
    assert_true(cgd_br_drucksache(&b, 103, 0, 25, CG_DOCID_BESCHLUSS, 0));
    assert_false(cg_docid_equal(&a, &b));
    assert_true(cgd_br_drucksache(&b, 103, 0, 25, 0, 0));
    assert_true(cg_docid_equal(&a, &b));
    /* texts are compared by content, not by address */
    char u1[] = "https://x.de/", u2[] = "https://x.de/";
    cg_docid x = {.kind = CG_KIND_URL, .text = u1}, y = {.kind = CG_KIND_URL, .text = u2};
    assert_true(cg_docid_equal(&x, &y));
    u2[8] = 'y';
    assert_false(cg_docid_equal(&x, &y));
    /* same numbers, other kind */
    assert_true(cgd_bt_drucksache(&a, 19, 5954));
    assert_true(cgd_bt_plenarprotokoll(&b, 19, 5954));
    assert_false(cg_docid_equal(&a, &b));
}

/* ---- questions ---- */

static char *render(cg_question_series series, const cgl_item *items, size_t n) {
    cg_buf b = CG_BUF_INIT;
    assert_int_equal(cgl_render(&b, series, items, n), 0);
    return cg_buf_detach(&b);
}

static void test_questions_render_parse_expand(void **state) {
    (void)state;
    const cgl_item items[] = {{{7, 0}, false}, {{10, 0}, true}, {{17, 0}, false}};
    char *text = render(CG_SERIES_ANFRAGE, items, 3);
    assert_string_equal(text, "Fragen 7 bis 10, 17");

    cg_question_series series;
    cgl_item back[8];
    assert_int_equal(cgl_parse(text, &series, back, 8), 3);
    assert_int_equal(series, CG_SERIES_ANFRAGE);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(back[i].q.number, items[i].q.number);
        assert_int_equal(back[i].q.sub, items[i].q.sub);
        assert_int_equal(back[i].range, items[i].range);
    }

    cg_question q[16];
    assert_int_equal(cgl_expand(items, 3, q, 16), 5);
    const unsigned want[] = {7, 8, 9, 10, 17};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(q[i].number, want[i]);
        assert_int_equal(q[i].sub, 0);
    }
    /* the public reader gives the same list */
    cg_question *pq = NULL;
    size_t n = 0;
    assert_int_equal(cg_locator_parse_questions(text, &series, &pq, &n, NULL), CG_OK);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(pq[i].number, want[i]);
    free(pq);
    free(text);
}

static void test_questions_series_and_letters(void **state) {
    (void)state;
    const cgl_item letters[] = {{{3, 'a'}, false}, {{3, 'c'}, true}};
    char *text = render(CG_SERIES_ANFRAGE, letters, 2);
    assert_string_equal(text, "Fragen 3a bis 3c");
    cg_question q[8];
    assert_int_equal(cgl_expand(letters, 2, q, 8), 3);
    assert_int_equal(q[0].sub, 'a');
    assert_int_equal(q[2].sub, 'c');
    assert_int_equal(q[2].number, 3);
    char s[8];
    assert_int_equal(cg_question_format(&q[1], s, sizeof s), 2);
    assert_string_equal(s, "3b");
    free(text);

    const cgl_item one[] = {{{11, 0}, false}};
    text = render(CG_SERIES_WRITTEN, one, 1);
    assert_string_equal(text, "Schriftliche Frage 11");
    cg_question_series series;
    cgl_item back[2];
    assert_int_equal(cgl_parse(text, &series, back, 2), 1);
    assert_int_equal(series, CG_SERIES_WRITTEN);
    free(text);
    text = render(CG_SERIES_ORAL, one, 1);
    assert_string_equal(text, "Mündliche Frage 11");
    assert_int_equal(cgl_parse(text, &series, back, 2), 1);
    assert_int_equal(series, CG_SERIES_ORAL);
    free(text);
    assert_string_equal(cg_question_series_name(CG_SERIES_WRITTEN), "Schriftliche Frage");
    /* one question, as cg_question_format() writes it */
    cg_question parsed;
    assert_true(cgl_question_parse("3b", &parsed));
    assert_int_equal(parsed.number, 3);
    assert_int_equal(parsed.sub, 'b');
    assert_true(cgl_question_parse("12", &parsed));
    assert_int_equal(parsed.sub, 0);
    static const char *const bad[] = {"", "b", "3B", "3bc", "1234567890", "3 ", "-3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(cgl_question_parse(bad[i], &parsed));
}

/* Ranges that are not ranges keep their ends; wide ones are not blown up. */
static void test_questions_odd_ranges(void **state) {
    (void)state;
    cg_question q[256];
    const cgl_item backwards[] = {{{10, 0}, false}, {{7, 0}, true}};
    assert_int_equal(cgl_expand(backwards, 2, q, 256), 2);
    assert_int_equal(q[1].number, 7);
    const cgl_item wide[] = {{{1, 0}, false}, {{500, 0}, true}};
    assert_int_equal(cgl_expand(wide, 2, q, 256), 2);
    const cgl_item hundred[] = {{{1, 0}, false}, {{101, 0}, true}};
    assert_int_equal(cgl_expand(hundred, 2, q, 256), 101);
    const cgl_item mixed[] = {{{3, 'a'}, false}, {{5, 0}, true}};
    assert_int_equal(cgl_expand(mixed, 2, q, 256), 2);
    /* more than fit: the count is still the full one */
    assert_int_equal(cgl_expand(hundred, 2, q, 4), 101);
    assert_int_equal(q[3].number, 4);
}

static void test_questions_not_a_question_locator(void **state) {
    (void)state;
    static const char *const texts[] = {"S. 15 ff.", "Art. 43 Abs. 4", "ADD 1 REV 2",
                                        "Frage",     "Fragen x",       ""};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        cg_question_series series;
        cg_question *q = (cg_question *)texts; /* must be replaced by NULL */
        size_t n = 99;
        assert_int_equal(cg_locator_parse_questions(texts[i], &series, &q, &n, NULL), CG_OK);
        assert_int_equal(n, 0);
        assert_null(q);
    }
}

/* cg_question_format writes what snprintf("%u%c") writes, cut to any size, and returns the
 * full length as snprintf does. */
static void test_question_format_as_snprintf(void **state) {
    (void)state;
    static const unsigned numbers[] = {0, 1, 9, 10, 99, 100, 999, 1000, 65535, 4294967295u};
    for (size_t k = 0; k < sizeof numbers / sizeof numbers[0]; k++)
        for (int sub = 0; sub < 2; sub++)
            for (size_t cap = 0; cap <= 13; cap++) {
                cg_question q = {numbers[k], sub ? 'z' : 0};
                char got[16], want[16];
                memset(got, '#', sizeof got);
                memset(want, '#', sizeof want);
                int n = sub ? snprintf(want, cap, "%u%c", q.number, q.sub)
                            : snprintf(want, cap, "%u", q.number);
                assert_int_equal(cg_question_format(&q, cap ? got : NULL, cap), (size_t)n);
                assert_memory_equal(got, want, sizeof got);
            }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructors_format_and_parse_back),
        cmocka_unit_test(test_constructors_refuse_impossible_numbers),
        cmocka_unit_test(test_parse_fills_every_field),
        cmocka_unit_test(test_parse_refuses_other_spellings),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_parse_kind),
        cmocka_unit_test(test_parse_number),
        cmocka_unit_test(test_format_number),
        cmocka_unit_test(test_format_cuts_like_snprintf),
        cmocka_unit_test(test_issuer_year_wahlperiode),
        cmocka_unit_test(test_official_url),
        cmocka_unit_test(test_equal),
        cmocka_unit_test(test_questions_render_parse_expand),
        cmocka_unit_test(test_questions_series_and_letters),
        cmocka_unit_test(test_question_format_as_snprintf),
        cmocka_unit_test(test_questions_odd_ranges),
        cmocka_unit_test(test_questions_not_a_question_locator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
