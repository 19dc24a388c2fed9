/* test_explorer.c - what the HTML explorer is made of: the quoted line of
 * each citation, the layouts computed in C, and the page's data.
 *
 * The corpus is three small documents in the Drucksache header format,
 * read from memory:
 *   A = BT-Drs. 21/10 (2025-01-10) cites B (line 7) and C twice (lines 8, 9);
 *       its title carries markup that must not end the page's script;
 *   B = BT-Drs. 21/20 (2025-03-01) cites C (line 5);
 *   C = BT-Drs. 21/30 (2025-06-30) cites BT-Drs. 19/5954 (external, undated). */
#include <jansson.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */
#include <igraph.h>

#include "citegraph/citegraph.h"
#include "citegraph/export.h"
#include "citegraph/graph.h"

static const char doc_a[] = "Deutscher Bundestag Drucksache 21/10\n"
                            "21. Wahlperiode 10.01.2025\n"
                            "Gesetzentwurf\n"
                            "der Bundesregierung\n"
                            "Entwurf </script><script>window.pwned=1</script> <!-- x\n"
                            "A. Problem und Ziel\n"
                            "  Wie in der Drucksache 21/20 dargelegt.  \n"
                            "Siehe Drucksache 21/30.\n"
                            "Und noch einmal Drucksache 21/30.\n";
static const char doc_b[] = "Deutscher Bundestag Drucksache 21/20\n"
                            "21. Wahlperiode 01.03.2025\n"
                            "Antwort\n"
                            "der Bundesregierung\n"
                            "Verweis auf Drucksache 21/30.\n";
static const char doc_c[] = "Deutscher Bundestag Drucksache 21/30\n"
                            "21. Wahlperiode 30.06.2025\n"
                            "Antwort\n"
                            "der Bundesregierung\n"
                            "Bezug: Bundestagsdrucksache 19/5954.\n";

typedef struct fixture {
    cg_extractor *ex;
} fixture;

/* The graph of the three documents, added in `order` (indices into the
 * documents), with or without quotes. */
static cg_graph *build(const cg_extractor *ex, bool quotes, const int order[3]) {
    static const char *const names[] = {"a.txt", "b.txt", "c.txt"};
    static const char *const texts[] = {doc_a, doc_b, doc_c};
    cg_graph_options o = {.quotes = quotes};
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(&o, &g, &err), CG_OK);
    for (int k = 0; k < 3; k++) {
        int i = order[k];
        cg_input *in = NULL;
        cg_extraction *ext = NULL;
        assert_int_equal(
            cg_input_from_memory(names[i], texts[i], strlen(texts[i]), NULL, &in, &err), CG_OK);
        assert_int_equal(cg_extract(ex, in, &ext, &err), CG_OK);
        assert_int_equal(cg_graph_add_document(g, names[i], ext, in, &err), CG_OK);
        cg_extraction_free(ext); /* the graph copied what it needs */
        cg_input_free(in);
    }
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    return g;
}

static const int in_order[3] = {0, 1, 2};

static size_t node_of(const cg_graph *g, const char *id) {
    bool found = false;
    size_t v = SIZE_MAX;
    assert_int_equal(cg_graph_find(g, NULL, id, &found, &v, NULL), CG_OK);
    assert_true(found);
    return v;
}

static const cg_edge *edge_between(const cg_graph *g, const char *from, const char *to) {
    size_t s = node_of(g, from), t = node_of(g, to);
    for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (e->source == s && e->target == t) return e;
    }
    fail_msg("no edge %s -> %s", from, to);
    return NULL;
}

/* ---- the line a citation stands on ---- */

static void test_quotes_kept(void **state) {
    fixture *f = *state;
    cg_graph *g = build(f->ex, true, in_order);
    const cg_edge *ab = edge_between(g, "BT-Drs. 21/10", "BT-Drs. 21/20");
    assert_int_equal(ab->npositions, 1);
    assert_int_equal(ab->positions[0].line, 7);
    /* trimmed at both ends */
    assert_string_equal(ab->positions[0].quote, "Wie in der Drucksache 21/20 dargelegt.");
    const cg_edge *ac = edge_between(g, "BT-Drs. 21/10", "BT-Drs. 21/30");
    assert_int_equal(ac->npositions, 2);
    assert_string_equal(ac->positions[0].quote, "Siehe Drucksache 21/30.");
    assert_string_equal(ac->positions[1].quote, "Und noch einmal Drucksache 21/30.");
    cg_graph_free(g);

    /* without the option the graph keeps none */
    g = build(f->ex, false, in_order);
    assert_null(edge_between(g, "BT-Drs. 21/10", "BT-Drs. 21/20")->positions[0].quote);
    cg_graph_free(g);
}

static void test_quote_cut_at_a_character(void **state) {
    fixture *f = *state;
    /* a line of 200 "ä" (400 bytes) before the reference */
    char text[1024] = "Deutscher Bundestag Drucksache 21/40\n21. Wahlperiode 01.01.2025\n";
    size_t n = strlen(text);
    for (int i = 0; i < 200; i++) {
        text[n++] = '\xC3';
        text[n++] = '\xA4';
    }
    strcpy(text + n, " Drucksache 21/10\n");
    cg_graph_options o = {.quotes = true};
    cg_graph *g = NULL;
    cg_input *in = NULL;
    cg_extraction *ext = NULL;
    assert_int_equal(cg_graph_new(&o, &g, NULL), CG_OK);
    assert_int_equal(cg_input_from_memory("d.txt", text, strlen(text), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(f->ex, in, &ext, NULL), CG_OK);
    assert_int_equal(cg_graph_add_document(g, "d.txt", ext, in, NULL), CG_OK);
    cg_extraction_free(ext);
    cg_input_free(in);
    assert_int_equal(cg_graph_finish(g, NULL), CG_OK);
    const char *q = edge_between(g, "BT-Drs. 21/40", "BT-Drs. 21/10")->positions[0].quote;
    /* 150 whole "ä" (300 bytes), then the ellipsis */
    assert_int_equal(strlen(q), CG_QUOTE_MAX + strlen("…"));
    assert_memory_equal(q + CG_QUOTE_MAX, "…", strlen("…"));
    assert_memory_equal(q, "\xC3\xA4\xC3\xA4", 4);
    cg_graph_free(g);
}

static void test_extraction_line(void **state) {
    fixture *f = *state;
    cg_input *in = NULL;
    cg_extraction *ext = NULL;
    const char text[] = "eins\r\nzwei Drucksache 21/1\nnul\0l\n";
    assert_int_equal(cg_input_from_memory("x.txt", text, sizeof text - 1, NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(f->ex, in, &ext, NULL), CG_OK);
    size_t len;
    const char *s = cg_extraction_line(ext, in, 1, &len);
    assert_non_null(s);
    assert_int_equal(len, 4); /* without "\r\n" */
    assert_memory_equal(s, "eins", 4);
    s = cg_extraction_line(ext, in, 3, &len);
    assert_int_equal(len, 3); /* up to the NUL byte */
    assert_null(cg_extraction_line(ext, in, 0, &len));
    assert_null(cg_extraction_line(ext, in, 99, &len));
    /* without the input, an extraction that keeps no quotes has none */
    assert_null(cg_extraction_line(ext, NULL, 2, &len));
    cg_extraction_free(ext);
    cg_input_free(in);
}

/* ---- layouts ---- */

static double *layout(const cg_graph *g, const unsigned char *keep, cg_layout_kind kind,
                      cg_time_axis *axis) {
    double *xy = malloc(2 * cg_graph_node_count(g) * sizeof *xy);
    assert_non_null(xy);
    assert_int_equal(cg_graph_layout(g, keep, kind, xy, axis, NULL), CG_OK);
    return xy;
}

static void test_force_layout_deterministic(void **state) {
    fixture *f = *state;
    static const int reversed[3] = {2, 1, 0};
    cg_graph *g1 = build(f->ex, false, in_order), *g2 = build(f->ex, false, reversed);
    size_t n = cg_graph_node_count(g1);
    assert_int_equal(n, 4);
    double *a = layout(g1, NULL, CG_LAYOUT_FORCE, NULL),
           *b = layout(g2, NULL, CG_LAYOUT_FORCE, NULL);
    double *again = layout(g1, NULL, CG_LAYOUT_FORCE, NULL);
    assert_memory_equal(a, again, 2 * n * sizeof *a); /* run after run */
    assert_memory_equal(a, b, 2 * n * sizeof *a);     /* whatever order the input came in */
    /* not all in one point: the forces spread the nodes */
    bool spread = false;
    for (size_t v = 1; v < n; v++)
        spread = spread || fabs(a[2 * v] - a[0]) + fabs(a[2 * v + 1] - a[1]) > 0.1;
    assert_true(spread);
    free(a);
    free(b);
    free(again);
    cg_graph_free(g1);
    cg_graph_free(g2);
}

/* The caller's default generator of igraph is as it was: the layout uses
 * one of its own and puts the caller's back. */
static void test_layout_keeps_the_callers_generator(void **state) {
    fixture *f = *state;
    cg_graph *g = build(f->ex, false, in_order);
    igraph_rng_seed(igraph_rng_default(), 7);
    igraph_real_t expected = igraph_rng_get_unif01(igraph_rng_default());
    igraph_rng_seed(igraph_rng_default(), 7);
    double *xy = layout(g, NULL, CG_LAYOUT_TIME, NULL);
    assert_true(igraph_rng_get_unif01(igraph_rng_default()) == expected);
    free(xy);
    cg_graph_free(g);
}

static void test_time_layout(void **state) {
    fixture *f = *state;
    cg_graph *g = build(f->ex, false, in_order);
    cg_time_axis axis;
    double *xy = layout(g, NULL, CG_LAYOUT_TIME, &axis);
    assert_string_equal(axis.from, "2025-01-10");
    assert_string_equal(axis.to, "2025-06-30");
    assert_true(axis.x_from < axis.x_to);
    size_t a = node_of(g, "BT-Drs. 21/10"), b = node_of(g, "BT-Drs. 21/20"),
           c = node_of(g, "BT-Drs. 21/30"), ext = node_of(g, "BT-Drs. 19/5954");
    /* x is the date: the first and last at the axis' ends, the middle in proportion */
    assert_true(fabs(xy[2 * a] - axis.x_from) < 0.01);
    assert_true(fabs(xy[2 * c] - axis.x_to) < 0.01);
    double expect_b = axis.x_from + (axis.x_to - axis.x_from) * 50.0 / 171.0; /* days */
    assert_true(fabs(xy[2 * b] - expect_b) < 0.01);
    /* the undated document stands in its band left of the first date */
    double band = (axis.x_to - axis.x_from) / 10;
    assert_true(fabs(xy[2 * ext] - axis.x_undated) <= band / 2 + 0.01);
    assert_true(xy[2 * ext] < axis.x_from);
    free(xy);
    cg_graph_free(g);
}

static void test_layout_of_a_part(void **state) {
    fixture *f = *state;
    cg_graph *g = build(f->ex, false, in_order);
    size_t n = cg_graph_node_count(g);
    unsigned char keep[8] = {0};
    keep[node_of(g, "BT-Drs. 21/10")] = keep[node_of(g, "BT-Drs. 21/20")] = 1;
    double *xy = layout(g, keep, CG_LAYOUT_FORCE, NULL);
    for (size_t v = 0; v < n; v++)
        if (!keep[v]) assert_true(xy[2 * v] == 0 && xy[2 * v + 1] == 0);
    free(xy);
    cg_graph_free(g);
}

/* ---- the page ---- */

/* The page of the graph, and its data parsed back. */
static char *page_of(const cg_graph *g, const unsigned char *keep, cg_layout_kind kind,
                     json_t **data) {
    cg_buf out = CG_BUF_INIT;
    cg_html_options o = {kind, NULL};
    assert_int_equal(cg_graph_write_html(g, keep, &o, &out, NULL), CG_OK);
    char *page = cg_buf_detach(&out);
    const char *open = "<script id=\"cg-data\" type=\"application/json\">";
    char *start = strstr(page, open);
    assert_non_null(start);
    start += strlen(open);
    char *end = strstr(start, "</script>");
    assert_non_null(end);
    json_error_t e;
    *data = json_loadb(start, (size_t)(end - start), 0, &e);
    if (!*data) fail_msg("the page's data is not JSON: %s", e.text);
    return page;
}

static json_t *field(json_t *data, const char *kind, json_t *row, const char *name) {
    json_t *names = json_object_get(data, kind);
    for (size_t i = 0; i < json_array_size(names); i++)
        if (strcmp(json_string_value(json_array_get(names, i)), name) == 0)
            return json_array_get(row, i);
    fail_msg("no field %s", name);
    return NULL;
}

static void test_page_data(void **state) {
    fixture *f = *state;
    cg_graph *g = build(f->ex, true, in_order);
    json_t *data;
    char *page = page_of(g, NULL, CG_LAYOUT_FORCE, &data);
    /* the title's markup is data: it never ends the script element early */
    assert_null(strstr(page, "<script>window.pwned"));
    assert_null(strstr(page, "<!-- x"));
    assert_string_equal(json_string_value(json_object_get(data, "schema")), "citegraph-explorer/1");
    json_t *counts = json_object_get(data, "counts");
    assert_int_equal(json_integer_value(json_object_get(counts, "nodes")), 4);
    assert_int_equal(json_integer_value(json_object_get(counts, "edges")), 4);
    json_t *nodes = json_object_get(data, "nodes"), *edges = json_object_get(data, "edges");
    assert_int_equal(json_array_size(nodes), 4);
    assert_int_equal(json_array_size(edges), 4);
    /* nodes in id order, as the JSON export */
    json_t *a = json_array_get(nodes, 1);
    assert_string_equal(json_string_value(field(data, "node_fields", a, "id")), "BT-Drs. 21/10");
    assert_string_equal(json_string_value(field(data, "node_fields", a, "label")), "BT-Drs. 21/10");
    assert_string_equal(json_string_value(field(data, "node_fields", a, "date")), "2025-01-10");
    assert_string_equal(json_string_value(field(data, "node_fields", a, "title")),
                        "Entwurf </script><script>window.pwned=1</script> <!-- x");
    assert_int_equal(json_integer_value(field(data, "node_fields", a, "in_corpus")), 1);
    json_t *tables = json_object_get(data, "tables");
    json_int_t type = json_integer_value(field(data, "node_fields", a, "type"));
    assert_string_equal(json_string_value(json_array_get(json_object_get(tables, "type"), type)),
                        "Gesetzentwurf");
    /* C is cited by A and B: in-degree 2 */
    json_t *c = json_array_get(nodes, 3);
    assert_int_equal(json_integer_value(field(data, "node_fields", c, "indegree")), 2);
    /* the edge A -> C: two positions, each with its file, line, column and quote */
    json_t *ac = NULL;
    for (size_t i = 0; i < json_array_size(edges); i++) {
        json_t *e = json_array_get(edges, i);
        if (json_integer_value(field(data, "edge_fields", e, "source")) == 1 &&
            json_integer_value(field(data, "edge_fields", e, "target")) == 3)
            ac = e;
    }
    assert_non_null(ac);
    json_t *pos = field(data, "edge_fields", ac, "positions");
    assert_int_equal(json_array_size(pos), 2);
    json_t *p0 = json_array_get(pos, 0);
    json_int_t file = json_integer_value(json_array_get(p0, 0));
    assert_string_equal(json_string_value(json_array_get(json_object_get(tables, "file"), file)),
                        "a.txt");
    assert_int_equal(json_integer_value(json_array_get(p0, 2)), 8);
    assert_string_equal(json_string_value(json_array_get(p0, 4)), "Siehe Drucksache 21/30.");
    json_decref(data);
    free(page);
    cg_graph_free(g);
}

static void test_page_deterministic_and_kept(void **state) {
    fixture *f = *state;
    static const int reversed[3] = {2, 1, 0};
    cg_graph *g1 = build(f->ex, true, in_order), *g2 = build(f->ex, true, reversed);
    json_t *d1, *d2;
    char *p1 = page_of(g1, NULL, CG_LAYOUT_TIME, &d1), *p2 = page_of(g2, NULL, CG_LAYOUT_TIME, &d2);
    assert_string_equal(p1, p2);
    json_t *axis = json_object_get(d1, "time_axis");
    assert_string_equal(json_string_value(json_object_get(axis, "from")), "2025-01-10");
    json_decref(d1);
    json_decref(d2);
    free(p1);
    free(p2);
    /* a part: its nodes, and only the edges between them, renumbered */
    unsigned char keep[8] = {0};
    keep[node_of(g1, "BT-Drs. 21/20")] = keep[node_of(g1, "BT-Drs. 21/30")] = 1;
    p1 = page_of(g1, keep, CG_LAYOUT_FORCE, &d1);
    json_t *edges = json_object_get(d1, "edges");
    assert_int_equal(json_array_size(json_object_get(d1, "nodes")), 2);
    assert_int_equal(json_array_size(edges), 1);
    assert_int_equal(json_integer_value(json_array_get(json_array_get(edges, 0), 0)), 0);
    assert_int_equal(json_integer_value(json_array_get(json_array_get(edges, 0), 1)), 1);
    json_decref(d1);
    free(p1);
    cg_graph_free(g1);
    cg_graph_free(g2);
}

static void test_unfinished(void **state) {
    (void)state;
    cg_graph *g = NULL;
    cg_buf out = CG_BUF_INIT;
    double xy[2];
    assert_int_equal(cg_graph_new(NULL, &g, NULL), CG_OK);
    assert_int_equal(cg_graph_write_html(g, NULL, NULL, &out, NULL), CG_EINVAL);
    assert_int_equal(cg_graph_layout(g, NULL, CG_LAYOUT_FORCE, xy, NULL, NULL), CG_EINVAL);
    cg_buf_release(&out);
    cg_graph_free(g);
}

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    if (!f || cg_extractor_new(NULL, &f->ex, NULL) != CG_OK) return -1;
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    cg_extractor_free(f->ex);
    free(f);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quotes_kept),
        cmocka_unit_test(test_quote_cut_at_a_character),
        cmocka_unit_test(test_extraction_line),
        cmocka_unit_test(test_force_layout_deterministic),
        cmocka_unit_test(test_layout_keeps_the_callers_generator),
        cmocka_unit_test(test_time_layout),
        cmocka_unit_test(test_layout_of_a_part),
        cmocka_unit_test(test_page_data),
        cmocka_unit_test(test_page_deterministic_and_kept),
        cmocka_unit_test(test_unfinished),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
