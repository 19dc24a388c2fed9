/* test_graph.c - the graph on a small hand-made corpus, with exact answers.
 *
 *   A = BT-Drs. 21/1 cites B twice (Frage 2, Frage 4), answers C, and cites a
 *       Bundestag PDF address (= BT-Drs. 20/1464) and a plain web page;
 *   B = BT-Drs. 21/2 cites C and BT-Drs. 19/5954 (external);
 *   C = BT-Drs. 21/3 cites B (so B and C form a cycle);
 *   D = BR-Drs. 5/25 cites nothing.
 * The PageRank values are networkx's (2.8.8, tol 1e-14) for the same graph. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"

#define REF(file, doc, line, target, loc, rel)                                                      \
    "{\"type\":\"reference\",\"file\":\"" file "\",\"doc\":\"" doc "\",\"line\":" #line          \
    ",\"col\":1,\"kind\":\"bt_drucksache\",\"target\":\"" target "\",\"locator\":" loc            \
    ",\"relation\":\"" rel "\",\"resolves_to\":null}\n"

static const char corpus[] =
    "{\"type\":\"document\",\"file\":\"a.txt\",\"doc\":\"BT-Drs. 21/1\",\"issuer\":\"BT\","
    "\"doc_type\":\"Antwort\",\"date\":\"2025-06-01\",\"title\":\"Ein \\\"Titel\\\", mit \\\\ und\\nZeile\","
    "\"alias\":null}\n" REF("a.txt", "BT-Drs. 21/1", 3, "BT-Drs. 21/2", "\"Frage 2\"", "cites")
    REF("a.txt", "BT-Drs. 21/1", 5, "BT-Drs. 21/2", "\"Frage 4\"", "cites")
    REF("a.txt", "BT-Drs. 21/1", 2, "BT-Drs. 21/3", "null", "answers")
    "{\"type\":\"reference\",\"file\":\"a.txt\",\"doc\":\"BT-Drs. 21/1\",\"line\":7,\"col\":1,"
    "\"kind\":\"url\",\"target\":\"https://dserver.bundestag.de/btd/20/014/2001464.pdf\","
    "\"locator\":null,\"relation\":\"cites\",\"resolves_to\":\"BT-Drs. 20/1464\"}\n"
    "{\"type\":\"reference\",\"file\":\"a.txt\",\"doc\":\"BT-Drs. 21/1\",\"line\":8,\"col\":1,"
    "\"kind\":\"url\",\"target\":\"http://www.heise.de\",\"locator\":null,\"relation\":\"cites\","
    "\"resolves_to\":null}\n"
    "{\"type\":\"reference\",\"file\":\"a.txt\",\"doc\":\"BT-Drs. 21/1\",\"line\":9,\"col\":1,"
    "\"kind\":\"internal\",\"target\":\"#\",\"locator\":\"Frage 6\",\"relation\":\"cites\","
    "\"resolves_to\":null}\n"
    "{\"type\":\"document\",\"file\":\"b.txt\",\"doc\":\"BT-Drs. 21/2\",\"issuer\":\"BT\"}\n"
    REF("b.txt", "BT-Drs. 21/2", 4, "BT-Drs. 21/3", "null", "cites")
    REF("b.txt", "BT-Drs. 21/2", 6, "BT-Drs. 19/5954", "\"Fragen 1 bis 3\"", "cites")
    "{\"type\":\"document\",\"file\":\"c.txt\",\"doc\":\"BT-Drs. 21/3\",\"issuer\":\"BT\"}\n"
    REF("c.txt", "BT-Drs. 21/3", 1, "BT-Drs. 21/2", "null", "cites")
    "{\"type\":\"document\",\"file\":\"d.txt\",\"doc\":\"BR-Drs. 5/25\",\"issuer\":\"BR\"}\n"
    "{\"type\":\"summary\",\"files\":4}\n";

enum { N_D, N_X, N_U, N_A, N_B, N_C }; /* node order: ids sorted */

typedef struct fixture {
    cg_extractor *ex;
    cg_graph *g;
} fixture;

static cg_graph *build(const cg_extractor *ex, int questions, const char *meta) {
    cg_graph_options o = {questions, 0};
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(&o, &g), CG_OK);
    if (meta) {
        FILE *f = fopen("/tmp/cg_test_meta.tsv", "w");
        fputs(meta, f);
        fclose(f);
        assert_int_equal(cg_graph_add_metadata(g, ex, "/tmp/cg_test_meta.tsv", &err), CG_OK);
        remove("/tmp/cg_test_meta.tsv");
    }
    assert_int_equal(cg_graph_add_jsonl(g, "corpus.jsonl", corpus, strlen(corpus), &err), CG_OK);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    return g;
}

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    if (!f || cg_extractor_new(NULL, &f->ex, NULL) != CG_OK) return -1;
    f->g = build(f->ex, 0, NULL);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    cg_graph_free(f->g);
    cg_extractor_free(f->ex);
    free(f);
    return 0;
}

static void test_nodes_and_edges(void **state) {
    const cg_graph *g = ((fixture *)*state)->g;
    assert_int_equal(cg_graph_node_count(g), 6);
    assert_int_equal(cg_graph_edge_count(g), 6);
    static const char *const ids[] = {"BR-Drs. 5/25", "BT-Drs. 19/5954", "BT-Drs. 20/1464",
                                      "BT-Drs. 21/1", "BT-Drs. 21/2", "BT-Drs. 21/3"};
    for (size_t i = 0; i < 6; i++) assert_string_equal(cg_graph_node(g, i)->id, ids[i]);
    const cg_node *a = cg_graph_node(g, N_A);
    assert_true(a->in_corpus);
    assert_string_equal(a->kind, "bt_drucksache");
    assert_string_equal(a->number, "21/1");
    assert_int_equal(a->wahlperiode, 21);
    assert_string_equal(a->type, "Antwort");
    assert_string_equal(a->url, "https://dserver.bundestag.de/btd/21/000/2100001.pdf");
    assert_false(cg_graph_node(g, N_X)->in_corpus);
    /* A -> B: two occurrences, two locators, positions in order */
    size_t *e, n;
    assert_int_equal(cg_graph_edges_of(g, N_A, 0, &e, &n), CG_OK);
    assert_int_equal(n, 3);
    const cg_edge *ab = cg_graph_edge(g, e[1]);
    assert_int_equal(ab->target, N_B);
    assert_int_equal(ab->count, 2);
    assert_int_equal(ab->nlocators, 2);
    assert_string_equal(ab->locators[0], "Frage 2");
    assert_string_equal(ab->locators[1], "Frage 4");
    assert_int_equal(ab->positions[0].line, 3);
    assert_int_equal(ab->positions[1].line, 5);
    assert_string_equal(cg_graph_edge(g, e[2])->relation, "answers");
    assert_int_equal(cg_graph_edge(g, e[0])->target, N_U); /* the PDF address is BT-Drs. 20/1464 */
    free(e);
    assert_int_equal(cg_graph_edges_of(g, N_B, 1, &e, &n), CG_OK);
    assert_int_equal(n, 2); /* A and C */
    free(e);
}

static void test_find(void **state) {
    fixture *f = *state;
    assert_int_equal(cg_graph_find(f->g, f->ex, "21/2"), N_B);
    assert_int_equal(cg_graph_find(f->g, f->ex, "Drs. 21/2"), N_B);
    assert_int_equal(cg_graph_find(f->g, f->ex, "Bundestagsdrucksache 19/5954"), N_X);
    assert_int_equal(cg_graph_find(f->g, f->ex, "BR-Drucksache 5/25"), N_D);
    assert_int_equal(cg_graph_find(f->g, f->ex, "c.txt"), N_C);
    assert_int_equal(cg_graph_find(f->g, f->ex, "21/99"), -1);
}

static void test_rank(void **state) {
    const cg_graph *g = ((fixture *)*state)->g;
    double s[6];
    assert_int_equal(cg_graph_rank(g, CG_RANK_INDEGREE, s, NULL), CG_OK);
    const double in[6] = {0, 1, 1, 0, 2, 2};
    for (int i = 0; i < 6; i++) assert_true(s[i] == in[i]);
    assert_int_equal(cg_graph_rank(g, CG_RANK_PAGERANK, s, NULL), CG_OK);
    const double pr[6] = {0.080366972477, 0.207321100917, 0.103137614679,
                          0.080366972477, 0.298715596330, 0.230091743119};
    for (int i = 0; i < 6; i++) assert_true(fabs(s[i] - pr[i]) < 1e-9);
    assert_int_equal(cg_graph_rank(g, CG_RANK_HUB, s, NULL), CG_OK);
    for (int i = 0; i < 6; i++) assert_true(s[i] <= s[N_A] + 1e-12); /* A cites the most cited */
    assert_int_equal(cg_graph_rank(g, CG_RANK_AUTHORITY, s, NULL), CG_OK);
    assert_true(s[N_B] > s[N_D] && s[N_C] > s[N_A]);
}

static void test_paths_cycles_stats(void **state) {
    const cg_graph *g = ((fixture *)*state)->g;
    size_t *p, n;
    assert_int_equal(cg_graph_shortest_path(g, N_A, N_X, &p, &n, NULL), CG_OK);
    assert_int_equal(n, 3);
    assert_int_equal(p[0], N_A);
    assert_int_equal(p[1], N_B);
    assert_int_equal(p[2], N_X);
    free(p);
    assert_int_equal(cg_graph_shortest_path(g, N_C, N_A, &p, &n, NULL), CG_OK);
    assert_int_equal(n, 0);
    size_t *cycle, ncycles;
    assert_int_equal(cg_graph_longest_path(g, &p, &n, &cycle, &ncycles, NULL), CG_OK);
    assert_int_equal(ncycles, 1);
    assert_true(cycle[N_B] == 1 && cycle[N_C] == 1 && cycle[N_A] == 0);
    assert_int_equal(n, 3); /* A -> B -> 19/5954: B -> C lies inside the cycle */
    assert_int_equal(p[0], N_A);
    assert_int_equal(p[2], N_X);
    free(p);
    free(cycle);
    cg_graph_stats st;
    assert_int_equal(cg_graph_stats_get(g, &st, NULL), CG_OK);
    assert_int_equal(st.nodes, 6);
    assert_int_equal(st.edges, 6);
    assert_int_equal(st.in_corpus, 4);
    assert_int_equal(st.external, 2);
    assert_int_equal(st.weak_components, 2);
    assert_int_equal(st.cycles, 1);
    assert_int_equal(st.nodes_in_cycles, 2);
    assert_int_equal(st.citing_nothing, 1); /* D */
    assert_int_equal(st.cited_by_none, 2);  /* A and D */
}

static void test_neighbourhood_and_chain(void **state) {
    const cg_graph *g = ((fixture *)*state)->g;
    unsigned char keep[6];
    assert_int_equal(cg_graph_neighbourhood(g, N_B, 1, 3, keep, NULL), CG_OK);
    const unsigned char want[6] = {0, 1, 0, 1, 1, 1};
    assert_memory_equal(keep, want, 6);
    assert_int_equal(cg_graph_neighbourhood(g, N_B, 1, 1, keep, NULL), CG_OK);
    const unsigned char out[6] = {0, 1, 0, 0, 1, 1};
    assert_memory_equal(keep, out, 6);
    cg_chain_step *s;
    size_t n;
    assert_int_equal(cg_graph_chain(g, N_A, 0, 3, &s, &n), CG_OK);
    /* A; 20/1464; B; 19/5954; C; B again (shown above); C again */
    const size_t nodes[] = {N_A, N_U, N_B, N_X, N_C, N_B, N_C};
    const size_t depth[] = {0, 1, 1, 2, 2, 3, 1};
    const int rep[] = {0, 0, 0, 0, 0, 1, 1};
    assert_int_equal(n, 7);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(s[i].node, nodes[i]);
        assert_int_equal(s[i].depth, depth[i]);
        assert_int_equal(s[i].repeated, rep[i]);
    }
    free(s);
}

static void test_questions_and_metadata(void **state) {
    fixture *f = *state;
    cg_graph *g = build(f->ex, 1,
                        "herausgeber\tdokumentnummer\tdrucksachetyp\tdatum\n"
                        "BT\t21/3\tKleine Anfrage\t2025-05-01\n"
                        "BT\t19/5954\tAntwort\t2018-11-30\n");
    long q = cg_graph_find(g, f->ex, "BT-Drs. 21/2#Frage 4");
    assert_true(q >= 0);
    const cg_node *qn = cg_graph_node(g, (size_t)q);
    assert_string_equal(qn->kind, "question");
    assert_string_equal(qn->parent, "BT-Drs. 21/2");
    /* "Fragen 1 bis 3" became three question nodes */
    assert_true(cg_graph_find(g, f->ex, "19/5954#Frage 2") >= 0);
    assert_true(cg_graph_find(g, f->ex, "19/5954#Frage 3") >= 0);
    size_t *e, n;
    assert_int_equal(cg_graph_edges_of(g, (size_t)q, 0, &e, &n), CG_OK);
    assert_int_equal(n, 1);
    assert_string_equal(cg_graph_edge(g, e[0])->relation, "part_of");
    free(e);
    const cg_node *x = cg_graph_node(g, (size_t)cg_graph_find(g, f->ex, "19/5954"));
    assert_string_equal(x->type, "Antwort");
    assert_string_equal(x->date, "2018-11-30");
    assert_string_equal(cg_graph_node(g, (size_t)cg_graph_find(g, f->ex, "21/3"))->type,
                        "Kleine Anfrage");
    cg_graph_free(g);
}

static void test_exports(void **state) {
    const cg_graph *g = ((fixture *)*state)->g;
    cg_string s = {0}, t = {0};
    assert_int_equal(cg_graph_write_dot(g, NULL, &s), CG_OK);
    assert_non_null(strstr(s.data, "\"BT-Drs. 21/1\" -> \"BT-Drs. 21/2\" [tooltip="));
    assert_non_null(strstr(s.data, "label=\"Frage 2, Frage 4\""));
    /* quotes, backslashes and line breaks of a title cannot break the syntax */
    assert_non_null(strstr(s.data, "Ein \\\"Titel\\\", mit \\\\ und\\nZeile"));
    assert_non_null(strstr(s.data, "URL=\"https://dserver.bundestag.de/btd/21/000/2100001.pdf\""));
    assert_non_null(strstr(s.data, "label=\"Bundestag, 21. Wahlperiode\""));
    cg_string_release(&s);

    assert_int_equal(cg_graph_write_json(g, NULL, &s), CG_OK);
    json_error_t je;
    json_t *root = json_loads(s.data, 0, &je);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "schema")), "citegraph-graph/1");
    assert_int_equal(json_array_size(json_object_get(root, "nodes")), 6);
    json_t *links = json_object_get(root, "links");
    assert_int_equal(json_array_size(links), 6);
    json_t *l1 = json_array_get(links, 1);
    assert_string_equal(json_string_value(json_object_get(l1, "source")), "BT-Drs. 21/1");
    assert_int_equal(json_integer_value(json_object_get(l1, "count")), 2);
    json_decref(root);
    cg_string_release(&s);

    unsigned char keep[6] = {0, 0, 0, 1, 1, 0};
    assert_int_equal(cg_graph_write_csv(g, keep, &s, &t), CG_OK);
    assert_string_equal(t.data, "source,target,relation,count,locators,positions\r\n"
                                "BT-Drs. 21/1,BT-Drs. 21/2,cites,2,Frage 2; Frage 4,"
                                "a.txt:3:1; a.txt:5:1\r\n");
    assert_non_null(strstr(s.data, "\"Ein \"\"Titel\"\", mit \\ und\nZeile\""));
    cg_string_release(&s);
    cg_string_release(&t);

    FILE *f = tmpfile();
    assert_int_equal(cg_graph_write_graphml(g, NULL, f, NULL), CG_OK);
    long size = ftell(f);
    rewind(f);
    char *xml = calloc(1, (size_t)size + 1);
    assert_int_equal(fread(xml, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    assert_non_null(strstr(xml, "<graphml"));
    assert_non_null(strstr(xml, "<data key=\"v_id\">BT-Drs. 21/1</data>"));
    assert_non_null(strstr(xml, "<data key=\"e_locators\">Frage 2; Frage 4</data>"));
    size_t nodes = 0;
    for (char *p = xml; (p = strstr(p, "<node id=")); p++) nodes++;
    assert_int_equal(nodes, 6);
    free(xml);
}

static void test_bad_jsonl(void **state) {
    (void)state;
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &g), CG_OK);
    const char *bad = "{\"type\":\"document\",\"file\":\"a\"}\n{not json\n";
    assert_int_equal(cg_graph_add_jsonl(g, "x.jsonl", bad, strlen(bad), &err), CG_EFORMAT);
    assert_int_equal(err.line, 2);
    cg_graph_free(g);
}

/* The corpus cut at every line end, the pieces read into graphs of their
 * own and absorbed in order, gives the same graph as reading it at once. */
static void test_absorb(void **state) {
    const cg_graph *whole = ((fixture *)*state)->g;
    cg_string want = {0};
    assert_int_equal(cg_graph_write_json(whole, NULL, &want), CG_OK);
    size_t len = strlen(corpus);
    for (size_t cut = 0; cut <= len; cut++) {
        if (cut && corpus[cut - 1] != '\n') continue;
        cg_graph *g = NULL, *part = NULL;
        cg_error err;
        assert_int_equal(cg_graph_new(NULL, &g), CG_OK);
        assert_int_equal(cg_graph_new(NULL, &part), CG_OK);
        assert_int_equal(cg_graph_add_jsonl(g, "c", corpus, cut, &err), CG_OK);
        assert_int_equal(cg_graph_add_jsonl(part, "c", corpus + cut, len - cut, &err), CG_OK);
        assert_int_equal(cg_graph_absorb(g, part), CG_OK);
        assert_int_equal(cg_graph_finish(g, &err), CG_OK);
        cg_graph_free(part); /* empty now: what it read belongs to g */
        cg_string got = {0};
        assert_int_equal(cg_graph_write_json(g, NULL, &got), CG_OK);
        assert_string_equal(got.data, want.data);
        cg_string_release(&got);
        cg_graph_free(g);
    }
    cg_string_release(&want);
    /* options must agree, and a finished graph takes nothing */
    cg_graph_options with_questions = {1, 0};
    cg_graph *a = NULL, *b = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &a), CG_OK);
    assert_int_equal(cg_graph_new(&with_questions, &b), CG_OK);
    assert_int_equal(cg_graph_absorb(a, b), CG_EINVAL);
    cg_graph_free(b);
    assert_int_equal(cg_graph_new(NULL, &b), CG_OK);
    assert_int_equal(cg_graph_finish(a, &err), CG_OK);
    assert_int_equal(cg_graph_absorb(a, b), CG_EINVAL);
    cg_graph_free(a);
    cg_graph_free(b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nodes_and_edges),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_rank),
        cmocka_unit_test(test_paths_cycles_stats),
        cmocka_unit_test(test_neighbourhood_and_chain),
        cmocka_unit_test(test_questions_and_metadata),
        cmocka_unit_test(test_exports),
        cmocka_unit_test(test_bad_jsonl),
        cmocka_unit_test_setup_teardown(test_absorb, setup, teardown),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
