/* test_citation_age.c - citation ages, Wahlperioden, their distribution and
 * the GEXF export, on a small corpus with known dates:
 *
 *   A = BT-Drs. 21/10 (2025-06-01) cites B (61 days), C (142 days; C is of
 *       the 20th Wahlperiode by its date) and D (external, undated);
 *   B = BT-Drs. 21/5  (2025-04-01) cites E, dated after it (-91 days);
 *   C = BR-Drs. 7/25  (2025-01-10);
 *   D = BT-Drs. 20/99 (external: no date, Wahlperiode 20 from its id);
 *   E = BT-Drs. 21/20 (2025-07-01) cites F;
 *   F = file:f.txt, a document without an id whose date is no date
 *       ("2025-02-30"): no age, no Wahlperiode; it cites B.
 * A's title carries every character XML needs escaped or forbids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "citegraph/citegraph.h"
#include "citegraph/export.h"
#include "citegraph/graph.h"
#include "export/gexf_text.h"

#define DOC(file, doc, issuer, date, title)                                                        \
    "{\"type\":\"document\",\"file\":\"" file "\",\"doc\":" doc ",\"issuer\":" issuer              \
    ",\"doc_type\":\"Antwort\",\"date\":\"" date "\",\"title\":\"" title "\",\"alias\":null}\n"
#define REF(file, doc, line, kind, target, loc)                                                    \
    "{\"type\":\"reference\",\"file\":\"" file "\",\"doc\":" doc ",\"line\":" #line                \
    ",\"col\":1,\"kind\":\"" kind "\",\"target\":\"" target "\",\"locator\":" loc                  \
    ",\"relation\":\"cites\",\"resolves_to\":null}\n"

/* A's title: markup characters, tab and line feed, a control character
 * and U+FFFE (XML 1.0 forbids both), and a character outside the BMP. */
#define TITLE_A "A & B <c> \\\"d\\\"\\ttab\\nline\\u0001x\\ufffey \\ud83d\\ude00"

static const char corpus[] = DOC("a.txt", "\"BT-Drs. 21/10\"", "\"BT\"", "2025-06-01", TITLE_A)
    REF("a.txt", "\"BT-Drs. 21/10\"", 1, "bt_drucksache", "BT-Drs. 21/5",
        "\"Frage 2\"") REF("a.txt", "\"BT-Drs. 21/10\"", 2, "br_drucksache", "BR-Drs. 7/25", "null")
        REF("a.txt", "\"BT-Drs. 21/10\"", 3, "bt_drucksache", "BT-Drs. 20/99",
            "null") DOC("b.txt", "\"BT-Drs. 21/5\"", "\"BT\"", "2025-04-01", "B")
            REF("b.txt", "\"BT-Drs. 21/5\"", 1, "bt_drucksache", "BT-Drs. 21/20", "null")
                DOC("c.txt", "\"BR-Drs. 7/25\"", "\"BR\"", "2025-01-10", "C")
                    DOC("e.txt", "\"BT-Drs. 21/20\"", "\"BT\"", "2025-07-01", "E")
                        REF("e.txt", "\"BT-Drs. 21/20\"", 1, "bt_drucksache", "file:f.txt", "null")
                            DOC("f.txt", "null", "null", "2025-02-30", "F")
                                REF("f.txt", "null", 1, "bt_drucksache", "BT-Drs. 21/5", "null");

typedef struct loader {
    cg_graph *g;
    cg_status status;
} loader;

static int add_document(void *ctx, const char *file, const cg_extraction *ext,
                        bool has_document_line) {
    loader *l = ctx;
    cg_error err;
    cg_status st = has_document_line ? cg_graph_add_extraction(l->g, file, ext, &err)
                                     : cg_graph_add_references(l->g, file, ext, &err);
    if (st != CG_OK && l->status == CG_OK) l->status = st;
    return st != CG_OK;
}

static cg_graph *build(bool questions) {
    cg_graph_options o = {.questions = questions};
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(&o, &g, &err), CG_OK);
    loader l = {g, CG_OK};
    assert_int_equal(
        cg_jsonl_read("corpus.jsonl", corpus, strlen(corpus), 1, add_document, &l, &err), CG_OK);
    assert_int_equal(l.status, CG_OK);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    return g;
}

static size_t node(const cg_graph *g, const char *id) {
    size_t v = SIZE_MAX;
    bool found = false;
    assert_int_equal(cg_graph_find(g, NULL, id, &found, &v, NULL), CG_OK);
    if (!found) fail_msg("no node %s", id);
    return v;
}

static const cg_edge *edge(const cg_graph *g, const char *from, const char *to) {
    size_t s = node(g, from), t = node(g, to);
    for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (e->source == s && e->target == t) return e;
    }
    fail_msg("no edge %s -> %s", from, to);
    return NULL;
}

static void test_wahlperiode_on(void **state) {
    (void)state;
    assert_int_equal(cg_bundestag_wahlperiode_on("1949-09-06"), 0);
    assert_int_equal(cg_bundestag_wahlperiode_on("1949-09-07"), 1);
    /* between the end of the first four years and the second Bundestag's first sitting */
    assert_int_equal(cg_bundestag_wahlperiode_on("1953-09-20"), 1);
    assert_int_equal(cg_bundestag_wahlperiode_on("1953-10-06"), 2);
    assert_int_equal(cg_bundestag_wahlperiode_on("1990-12-19"), 11);
    assert_int_equal(cg_bundestag_wahlperiode_on("1990-12-20"), 12);
    assert_int_equal(cg_bundestag_wahlperiode_on("2021-10-25"), 19);
    assert_int_equal(cg_bundestag_wahlperiode_on("2021-10-26"), 20);
    assert_int_equal(cg_bundestag_wahlperiode_on("2025-03-24"), 20);
    assert_int_equal(cg_bundestag_wahlperiode_on("2025-03-25"), 21);
    assert_int_equal(cg_bundestag_wahlperiode_on("2099-01-01"), CG_BUNDESTAG_WP_LAST);
    assert_int_equal(cg_bundestag_wahlperiode_on(NULL), 0);
    assert_int_equal(cg_bundestag_wahlperiode_on("2025-02-30"), 0);
    assert_int_equal(cg_bundestag_wahlperiode_on("2025"), 0);
}

static void test_edge_ages(void **state) {
    (void)state;
    cg_graph *g = build(false);
    const cg_edge *e = edge(g, "BT-Drs. 21/10", "BT-Drs. 21/5");
    assert_true(e->age_known);
    assert_int_equal(e->age_days, 61);
    e = edge(g, "BT-Drs. 21/10", "BR-Drs. 7/25");
    assert_true(e->age_known);
    assert_int_equal(e->age_days, 142);
    e = edge(g, "BT-Drs. 21/5", "BT-Drs. 21/20");
    assert_true(e->age_known);
    assert_int_equal(e->age_days, -91);
    e = edge(g, "BT-Drs. 21/10", "BT-Drs. 20/99"); /* the cited one has no date */
    assert_false(e->age_known);
    assert_int_equal(e->age_days, 0);
    e = edge(g, "BT-Drs. 21/20", "file:f.txt"); /* "2025-02-30" is no date */
    assert_false(e->age_known);
    assert_null(cg_graph_node_time(g, node(g, "file:f.txt")));
    assert_string_equal(cg_graph_node_time(g, node(g, "BR-Drs. 7/25")), "2025-01-10");
    assert_null(cg_graph_node_time(g, cg_graph_node_count(g)));

    assert_int_equal(cg_graph_node_wahlperiode(g, node(g, "BT-Drs. 21/10")), 21);
    assert_int_equal(cg_graph_node_wahlperiode(g, node(g, "BR-Drs. 7/25")), 20);  /* by date */
    assert_int_equal(cg_graph_node_wahlperiode(g, node(g, "BT-Drs. 20/99")), 20); /* by id */
    assert_int_equal(cg_graph_node_wahlperiode(g, node(g, "file:f.txt")), 0);
    cg_graph_free(g);
}

static void test_questions_take_their_documents_date(void **state) {
    (void)state;
    cg_graph *g = build(true);
    /* A cites question 2 of B: the age is B's; the question's part_of edge has none */
    const cg_edge *e = edge(g, "BT-Drs. 21/10", "BT-Drs. 21/5#Frage 2");
    assert_true(e->age_known);
    assert_int_equal(e->age_days, 61);
    e = edge(g, "BT-Drs. 21/5#Frage 2", "BT-Drs. 21/5");
    assert_int_equal(e->relation, CG_EDGE_PART_OF);
    assert_false(e->age_known);
    size_t q = node(g, "BT-Drs. 21/5#Frage 2");
    assert_string_equal(cg_graph_node_time(g, q), "2025-04-01");
    assert_int_equal(cg_graph_node_wahlperiode(g, q), 21);
    /* part_of edges are no citations: the same distribution as without questions */
    cg_age_stats st;
    assert_int_equal(cg_graph_age_stats_get(g, &st, NULL), CG_OK);
    assert_int_equal(st.citations, 6);
    assert_int_equal(st.dated, 3);
    cg_graph_free(g);
}

static void test_age_stats(void **state) {
    (void)state;
    cg_graph *g = build(false);
    cg_age_stats st;
    cg_error err;
    assert_int_equal(cg_graph_age_stats_get(g, &st, &err), CG_OK);
    assert_int_equal(st.citations, 6);
    assert_int_equal(st.dated, 3);
    assert_int_equal(st.negative, 1);
    /* ages -91, 61, 142: type 7 quartiles at h = 0.5, 1, 1.5 */
    assert_int_equal(st.min, -91);
    assert_int_equal(st.max, 142);
    assert_float_equal(st.q1, -15.0, 1e-9);
    assert_float_equal(st.median, 61.0, 1e-9);
    assert_float_equal(st.q3, 101.5, 1e-9);
    /* F has no Wahlperiode; A-C and A-D cross from the 21st to the 20th */
    assert_int_equal(st.with_wp, 4);
    assert_int_equal(st.crossing, 2);
    assert_int_equal(st.wp_edges[20][20], 2);
    assert_int_equal(st.wp_edges[20][19], 2);
    size_t total = 0;
    for (size_t c = 0; c < CG_BUNDESTAG_WP_LAST; c++)
        for (size_t d = 0; d < CG_BUNDESTAG_WP_LAST; d++)
            total += st.wp_edges[c][d];
    assert_int_equal(total, st.with_wp);
    cg_graph_free(g);

    /* an unfinished graph */
    cg_graph *u = NULL;
    assert_int_equal(cg_graph_new(NULL, &u, &err), CG_OK);
    assert_int_equal(cg_graph_age_stats_get(u, &st, &err), CG_EINVAL);
    cg_graph_free(u);
}

/* The text of `out` from `needle` to the end of its line. */
static char *line_of(const char *text, const char *needle) {
    const char *at = strstr(text, needle);
    if (!at) fail_msg("no '%s' in the GEXF", needle);
    const char *start = at;
    while (start > text && start[-1] != '\n')
        start--;
    const char *end = strchr(at, '\n');
    return strndup(start, (size_t)(end - start));
}

static void test_gexf(void **state) {
    (void)state;
    cg_graph *g = build(false);
    cg_buf out = CG_BUF_INIT;
    cg_error err;
    assert_int_equal(cg_graph_write_gexf(g, NULL, &out, &err), CG_OK);
    const char *x = out.data;
    assert_non_null(strstr(x, "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"));
    assert_non_null(
        strstr(x, "<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"));
    /* attributes declared with their types; ids numbered per class */
    assert_non_null(strstr(x, "<attributes class=\"node\">\n"
                              "<attribute id=\"0\" title=\"kind\" type=\"string\"/>\n"
                              "<attribute id=\"1\" title=\"in_corpus\" type=\"boolean\"/>\n"));
    assert_non_null(strstr(x, "<attribute id=\"4\" title=\"wahlperiode\" type=\"integer\"/>\n"));
    assert_non_null(strstr(x, "<attributes class=\"edge\">\n"
                              "<attribute id=\"0\" title=\"relation\" type=\"string\"/>\n"
                              "<attribute id=\"1\" title=\"count\" type=\"integer\"/>\n"
                              "<attribute id=\"2\" title=\"locators\" type=\"string\"/>\n"
                              "<attribute id=\"3\" title=\"age_days\" type=\"integer\"/>\n"
                              "<attribute id=\"4\" title=\"age_years\" type=\"double\"/>\n"
                              "<attribute id=\"5\" title=\"crosses_wahlperiode\" "
                              "type=\"boolean\"/>\n"
                              "<attribute id=\"6\" title=\"referrals\" type=\"integer\"/>\n"
                              "</attributes>\n"));
    /* nodes start at their date; one without a date has no start */
    char *l = line_of(x, "<node id=\"BT-Drs. 21/10\"");
    assert_non_null(strstr(l, "<node id=\"BT-Drs. 21/10\" label=\"BT-Drs. 21/10\" "
                              "start=\"2025-06-01\"><attvalues><attvalue for=\"0\" "
                              "value=\"bt_drucksache\"/><attvalue for=\"1\" value=\"true\"/>"));
    /* the title escaped: markup and white space as references, U+0001 and
     * U+FFFE as U+FFFD, the emoji kept */
    assert_non_null(strstr(l, "<attvalue for=\"9\" value=\"A &amp; B &lt;c&gt; &quot;d&quot;"
                              "&#9;tab&#10;line\xEF\xBF\xBDx\xEF\xBF\xBDy \xF0\x9F\x98\x80\"/>"));
    free(l);
    l = line_of(x, "<node id=\"file:f.txt\"");
    assert_non_null(strstr(l, "<node id=\"file:f.txt\" label=\"file:f.txt\"><attvalues>"));
    assert_null(strstr(l, "for=\"5\"")); /* no Bundestag Wahlperiode */
    free(l);
    /* edges start at the citing document's date, with their age */
    l = line_of(x, "source=\"BT-Drs. 21/5\" target=\"BT-Drs. 21/20\"");
    assert_non_null(strstr(l, " weight=\"1\" start=\"2025-04-01\"><attvalues>"));
    assert_non_null(strstr(l, "<attvalue for=\"3\" value=\"-91\"/>"));
    assert_non_null(strstr(l, "<attvalue for=\"4\" value=\"-0.249\"/>"));
    assert_non_null(strstr(l, "<attvalue for=\"5\" value=\"false\"/>"));
    assert_non_null(strstr(l, "<attvalue for=\"6\" value=\"0\"/>")); /* no referral */
    free(l);
    l = line_of(x, "source=\"BT-Drs. 21/10\" target=\"BR-Drs. 7/25\"");
    assert_non_null(strstr(l, "<attvalue for=\"3\" value=\"142\"/>"));
    assert_non_null(strstr(l, "<attvalue for=\"4\" value=\"0.389\"/>"));
    assert_non_null(strstr(l, "<attvalue for=\"5\" value=\"true\"/>"));
    free(l);
    /* no age: no value; the Wahlperioden still cross */
    l = line_of(x, "source=\"BT-Drs. 21/10\" target=\"BT-Drs. 20/99\"");
    assert_null(strstr(l, "for=\"3\""));
    assert_null(strstr(l, "for=\"4\""));
    assert_non_null(strstr(l, "<attvalue for=\"5\" value=\"true\"/>"));
    free(l);
    /* an edge from an undated document has no start, nor crossing */
    l = line_of(x, "source=\"file:f.txt\" target=\"BT-Drs. 21/5\"");
    assert_null(strstr(l, "start="));
    assert_null(strstr(l, "for=\"5\""));
    free(l);
    l = line_of(x, "source=\"BT-Drs. 21/20\" target=\"file:f.txt\"");
    assert_non_null(strstr(l, " start=\"2025-07-01\">"));
    free(l);
    assert_non_null(strstr(x, "<nodes count=\"6\">"));
    assert_non_null(strstr(x, "<edges count=\"6\">"));
    assert_non_null(strstr(x, "</edges>\n</graph>\n</gexf>\n"));

    /* a part: the nodes kept and the edges between them */
    unsigned char keep[6] = {0};
    keep[node(g, "BT-Drs. 21/10")] = keep[node(g, "BT-Drs. 21/5")] = 1;
    cg_buf part = CG_BUF_INIT;
    assert_int_equal(cg_graph_write_gexf(g, keep, &part, &err), CG_OK);
    assert_non_null(strstr(part.data, "<nodes count=\"2\">"));
    assert_non_null(strstr(part.data, "<edges count=\"1\">"));
    assert_non_null(
        strstr(part.data, "<edge id=\"0\" source=\"BT-Drs. 21/10\" target=\"BT-Drs. 21/5\""));
    cg_buf_release(&part);
    cg_buf_release(&out);
    cg_graph_free(g);

    cg_graph *u = NULL;
    assert_int_equal(cg_graph_new(NULL, &u, &err), CG_OK);
    assert_int_equal(cg_graph_write_gexf(u, NULL, &out, &err), CG_EINVAL);
    cg_graph_free(u);
    cg_buf_release(&out);
}

/* Bytes no graph built from JSON carries: each invalid UTF-8 sequence and
 * each character XML 1.0 forbids becomes U+FFFD, byte by byte where the
 * UTF-8 is invalid. */
static void test_xml_text(void **state) {
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "plain"},
        {"&<>\"'", "&amp;&lt;&gt;&quot;'"},
        {"a\tb\nc\rd", "a&#9;b&#10;c&#13;d"},
        {"\x01\x08\x0b\x0c\x1f", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"\x7f", "\x7f"},                                         /* DEL: allowed */
        {"\xc2\x85", "\xc2\x85"},                                 /* NEL: allowed */
        {"\xff", "\xEF\xBF\xBD"},                                 /* no UTF-8 */
        {"\xe2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD"},                 /* cut short */
        {"\xc0\xaf", "\xEF\xBF\xBD\xEF\xBF\xBD"},                 /* overlong */
        {"\xed\xa0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, /* a surrogate */
        {"\xef\xbf\xbe\xef\xbf\xbf", "\xEF\xBF\xBD\xEF\xBF\xBD"}, /* U+FFFE, U+FFFF */
        {"\xef\xbf\xbd", "\xEF\xBF\xBD"},                         /* U+FFFD itself */
        {"\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf"},                 /* U+10FFFF */
        {"\xf4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, /* above */
        {"]]>", "]]&gt;"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cg_buf b = CG_BUF_INIT;
        assert_int_equal(cge_xml_text(&b, cases[i].in), 0);
        assert_string_equal(b.data ? b.data : "", cases[i].out);
        cg_buf_release(&b);
    }
    cg_buf b = CG_BUF_INIT;
    assert_int_equal(cge_xml_text(&b, NULL), 0);
    assert_int_equal(b.len, 0);
    cg_buf_release(&b);
}

/* The other exports carry the age: JSON (null without), CSV (empty). */
static void test_exports_carry_the_age(void **state) {
    (void)state;
    cg_graph *g = build(false);
    cg_buf json = CG_BUF_INIT, nodes = CG_BUF_INIT, edges = CG_BUF_INIT;
    assert_int_equal(cg_graph_write_json(g, NULL, &json, NULL), CG_OK);
    assert_non_null(strstr(
        json.data, "\"source\":\"BT-Drs. 21/5\",\"target\":\"BT-Drs. "
                   "21/20\",\"relation\":\"cites\",\"count\":1,\"referrals\":0,\"age_days\":-91,"));
    assert_non_null(strstr(json.data, "\"target\":\"BT-Drs. 20/99\",\"relation\":\"cites\","
                                      "\"count\":1,\"referrals\":0,\"age_days\":null,"));
    assert_int_equal(cg_graph_write_csv(g, NULL, &nodes, &edges, NULL), CG_OK);
    assert_non_null(
        strstr(edges.data, "source,target,relation,count,locators,positions,age_days\r\n"));
    assert_non_null(strstr(edges.data, "BT-Drs. 21/5,BT-Drs. 21/20,cites,1,,b.txt:1:1,-91\r\n"));
    assert_non_null(strstr(edges.data, "BT-Drs. 21/10,BT-Drs. 20/99,cites,1,,a.txt:3:1,\r\n"));
    cg_buf_release(&json);
    cg_buf_release(&nodes);
    cg_buf_release(&edges);
    cg_graph_free(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wahlperiode_on),
        cmocka_unit_test(test_edge_ages),
        cmocka_unit_test(test_questions_take_their_documents_date),
        cmocka_unit_test(test_age_stats),
        cmocka_unit_test(test_gexf),
        cmocka_unit_test(test_xml_text),
        cmocka_unit_test(test_exports_carry_the_age),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
