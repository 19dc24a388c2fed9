/* test_graph.c - the graph on a small hand-made corpus, with exact answers.
 *
 *   A = BT-Drs. 21/1 cites B twice (Frage 2, Frage 4), answers C, and cites a
 *       Bundestag PDF address (= BT-Drs. 20/1464) and a plain web page;
 *   B = BT-Drs. 21/2 cites C and BT-Drs. 19/5954 (external);
 *   C = BT-Drs. 21/3 cites B (so B and C form a cycle);
 *   D = BR-Drs. 5/25 cites nothing.
 * The PageRank values are networkx's (2.8.8, tol 1e-14) for the same graph.
 * The corpus is JSON Lines as `citegraph extract` writes them, read with
 * cg_jsonl_read() into the graph as the graph command reads them. */
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

#include "citegraph/citegraph.h"
#include "citegraph/export.h"
#include "citegraph/graph.h"
#include "citegraph/graph_json.h"

#define REF(file, doc, line, target, loc, rel)                                                     \
    "{\"type\":\"reference\",\"file\":\"" file "\",\"doc\":\"" doc "\",\"line\":" #line            \
    ",\"col\":1,\"kind\":\"bt_drucksache\",\"target\":\"" target "\",\"locator\":" loc             \
    ",\"relation\":\"" rel "\",\"resolves_to\":null}\n"

static const char corpus[] =
    "{\"type\":\"document\",\"file\":\"a.txt\",\"doc\":\"BT-Drs. 21/1\",\"issuer\":\"BT\","
    "\"doc_type\":\"Antwort\",\"date\":\"2025-06-01\",\"title\":\"Ein \\\"Titel\\\", mit \\\\ "
    "und\\nZeile\","
    "\"alias\":null}\n" REF("a.txt", "BT-Drs. 21/1", 3, "BT-Drs. 21/2", "\"Frage 2\"", "cites")
        REF("a.txt", "BT-Drs. 21/1", 5, "BT-Drs. 21/2", "\"Frage 4\"", "cites") REF(
            "a.txt", "BT-Drs. 21/1", 2, "BT-Drs. 21/3", "null",
            "answers") "{\"type\":\"reference\",\"file\":\"a.txt\",\"doc\":\"BT-Drs. "
                       "21/1\",\"line\":7,\"col\":1,"
                       "\"kind\":\"url\",\"target\":\"https://dserver.bundestag.de/btd/20/014/"
                       "2001464.pdf\","
                       "\"locator\":null,\"relation\":\"cites\",\"resolves_to\":\"BT-Drs. "
                       "20/1464\"}\n"
                       "{\"type\":\"reference\",\"file\":\"a.txt\",\"doc\":\"BT-Drs. "
                       "21/1\",\"line\":8,\"col\":1,"
                       "\"kind\":\"url\",\"target\":\"http://"
                       "www.heise.de\",\"locator\":null,\"relation\":\"cites\","
                       "\"resolves_to\":null}\n"
                       "{\"type\":\"reference\",\"file\":\"a.txt\",\"doc\":\"BT-Drs. "
                       "21/1\",\"line\":9,\"col\":1,"
                       "\"kind\":\"internal\",\"target\":\"#\",\"locator\":\"Frage "
                       "6\",\"relation\":\"cites\","
                       "\"resolves_to\":null}\n"
                       "{\"type\":\"document\",\"file\":\"b.txt\",\"doc\":\"BT-Drs. "
                       "21/2\",\"issuer\":\"BT\"}\n" REF("b.txt", "BT-Drs. 21/2", 4, "BT-Drs. 21/3",
                                                         "null", "cites")
                           REF("b.txt", "BT-Drs. 21/2", 6, "BT-Drs. 19/5954", "\"Fragen 1 bis 3\"",
                               "cites") "{\"type\":\"document\",\"file\":\"c.txt\",\"doc\":\"BT-"
                                        "Drs. 21/3\",\"issuer\":\"BT\"}\n" REF(
                                            "c.txt", "BT-Drs. 21/3", 1, "BT-Drs. 21/2", "null",
                                            "cites") "{\"type\":"
                                                     "\"document"
                                                     "\","
                                                     "\"file\":"
                                                     "\"d.txt\","
                                                     "\"doc\":"
                                                     "\"BR-Drs. "
                                                     "5/"
                                                     "25\","
                                                     "\"issuer\""
                                                     ":\"BR\"}\n"
                                                     "{\"type\":"
                                                     "\"summary"
                                                     "\","
                                                     "\"files\":"
                                                     "4}\n";

enum { N_D, N_X, N_U, N_A, N_B, N_C }; /* node order: ids sorted */

typedef struct fixture {
    cg_extractor *ex;
    cg_graph *g;
} fixture;

/* ---- JSON Lines into a graph, as the graph command reads them ---- */

typedef struct loader {
    cg_graph *g;
    size_t documents; /* callbacks */
    cg_status status; /* of the first add that failed */
    cg_error err;
} loader;

static int add_document(void *ctx, const char *file, const cg_extraction *ext,
                        bool has_document_line) {
    loader *l = ctx;
    l->documents++;
    cg_status st = has_document_line ? cg_graph_add_extraction(l->g, file, ext, &l->err)
                                     : cg_graph_add_references(l->g, file, ext, &l->err);
    if (st != CG_OK && l->status == CG_OK) l->status = st;
    return st != CG_OK;
}

/* Reads `len` bytes of JSON Lines into `g` on `jobs` threads; the status of
 * cg_jsonl_read(), after asserting that no add failed. */
static cg_status read_jsonl(cg_graph *g, const char *name, const char *data, size_t len, int jobs,
                            cg_error *err) {
    loader l = {g, 0, CG_OK, {0}};
    cg_status st = cg_jsonl_read(name, data, len, jobs, add_document, &l, err);
    assert_int_equal(l.status, CG_OK);
    return st;
}

static cg_graph *build(const cg_extractor *ex, int questions, const char *meta) {
    cg_graph_options o = {.questions = questions};
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(&o, &g, &err), CG_OK);
    if (meta) {
        FILE *f = fopen("/tmp/cg_test_meta.tsv", "w");
        assert_non_null(f);
        fputs(meta, f);
        fclose(f);
        cg_catalog *cat = NULL;
        assert_int_equal(cg_catalog_new(&cat, &err), CG_OK);
        assert_int_equal(cg_catalog_read(cat, ex, "/tmp/cg_test_meta.tsv", &err), CG_OK);
        remove("/tmp/cg_test_meta.tsv");
        assert_int_equal(cg_graph_add_catalog(g, cat, &err), CG_OK);
        cg_catalog_free(cat); /* the graph copied what it needs */
    }
    assert_int_equal(read_jsonl(g, "corpus.jsonl", corpus, strlen(corpus), 1, &err), CG_OK);
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

/* The node `text` names, or SIZE_MAX when cg_graph_find() finds none. */
static size_t find(const cg_graph *g, const cg_extractor *ex, const char *text) {
    size_t node = 12345;
    bool found;
    assert_int_equal(cg_graph_find(g, ex, text, &found, &node, NULL), CG_OK);
    return found ? node : SIZE_MAX;
}

static void test_nodes_and_edges(void **state) {
    const cg_graph *g = ((fixture *)*state)->g;
    assert_int_equal(cg_graph_node_count(g), 6);
    assert_int_equal(cg_graph_edge_count(g), 6);
    static const char *const ids[] = {"BR-Drs. 5/25", "BT-Drs. 19/5954", "BT-Drs. 20/1464",
                                      "BT-Drs. 21/1", "BT-Drs. 21/2",    "BT-Drs. 21/3"};
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(cg_graph_node(g, i)->id, ids[i]);
    const cg_node *a = cg_graph_node(g, N_A);
    assert_true(a->in_corpus);
    assert_int_equal(a->kind, CG_NODE_DOCUMENT);
    assert_int_equal(a->doc.kind, CG_KIND_BT_DRUCKSACHE);
    assert_string_equal(cg_node_kind_name(a), "bt_drucksache");
    char number[32];
    assert_int_equal(cg_docid_format_number(&a->doc, number, sizeof number), 4);
    assert_string_equal(number, "21/1");
    assert_int_equal(cg_docid_wahlperiode(&a->doc), 21);
    assert_int_equal(a->parent, SIZE_MAX);
    assert_string_equal(a->type, "Antwort");
    assert_string_equal(a->url, "https://dserver.bundestag.de/btd/21/000/2100001.pdf");
    assert_false(cg_graph_node(g, N_X)->in_corpus);
    /* A -> B: two occurrences, two locators, positions in order */
    const size_t *e;
    size_t n;
    assert_int_equal(cg_graph_edges_of(g, N_A, CG_OUT, &e, &n, NULL), CG_OK);
    assert_int_equal(n, 3);
    const cg_edge *ab = cg_graph_edge(g, e[1]);
    assert_int_equal(ab->target, N_B);
    assert_int_equal(ab->count, 2);
    assert_int_equal(ab->nlocators, 2);
    assert_string_equal(ab->locators[0], "Frage 2");
    assert_string_equal(ab->locators[1], "Frage 4");
    assert_int_equal(ab->positions[0].line, 3);
    assert_int_equal(ab->positions[1].line, 5);
    assert_int_equal(cg_graph_edge(g, e[2])->relation, CG_EDGE_ANSWERS);
    assert_string_equal(cg_edge_relation_name(cg_graph_edge(g, e[2])->relation), "answers");
    assert_int_equal(cg_graph_edge(g, e[0])->target, N_U); /* the PDF address is BT-Drs. 20/1464 */
    assert_int_equal(cg_graph_edges_of(g, N_B, CG_IN, &e, &n, NULL), CG_OK);
    assert_int_equal(n, 2); /* A and C */
}

static void test_find(void **state) {
    fixture *f = *state;
    assert_int_equal(find(f->g, f->ex, "21/2"), N_B);
    assert_int_equal(find(f->g, f->ex, "Drs. 21/2"), N_B);
    assert_int_equal(find(f->g, f->ex, "Bundestagsdrucksache 19/5954"), N_X);
    assert_int_equal(find(f->g, f->ex, "BR-Drucksache 5/25"), N_D);
    assert_int_equal(find(f->g, f->ex, "c.txt"), N_C);
    assert_int_equal(find(f->g, f->ex, "21/99"), SIZE_MAX);
}

static void test_rank(void **state) {
    const cg_graph *g = ((fixture *)*state)->g;
    double s[6];
    assert_int_equal(cg_graph_rank(g, CG_RANK_INDEGREE, s, NULL), CG_OK);
    const double in[6] = {0, 1, 1, 0, 2, 2};
    for (int i = 0; i < 6; i++)
        assert_true(s[i] == in[i]);
    assert_int_equal(cg_graph_rank(g, CG_RANK_PAGERANK, s, NULL), CG_OK);
    const double pr[6] = {0.080366972477, 0.207321100917, 0.103137614679,
                          0.080366972477, 0.298715596330, 0.230091743119};
    for (int i = 0; i < 6; i++)
        assert_true(fabs(s[i] - pr[i]) < 1e-9);
    assert_int_equal(cg_graph_rank(g, CG_RANK_HUB, s, NULL), CG_OK);
    for (int i = 0; i < 6; i++)
        assert_true(s[i] <= s[N_A] + 1e-12); /* A cites the most cited */
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
    assert_int_equal(cg_graph_neighbourhood(g, N_B, 1, CG_ALL, keep, NULL), CG_OK);
    const unsigned char want[6] = {0, 1, 0, 1, 1, 1};
    assert_memory_equal(keep, want, 6);
    assert_int_equal(cg_graph_neighbourhood(g, N_B, 1, CG_OUT, keep, NULL), CG_OK);
    const unsigned char out[6] = {0, 1, 0, 0, 1, 1};
    assert_memory_equal(keep, out, 6);
    cg_chain_step *s;
    size_t n;
    assert_int_equal(cg_graph_chain(g, N_A, CG_OUT, 3, &s, &n, NULL), CG_OK);
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
    size_t q = find(g, f->ex, "BT-Drs. 21/2#Frage 4");
    assert_true(q != SIZE_MAX);
    const cg_node *qn = cg_graph_node(g, q);
    assert_int_equal(qn->kind, CG_NODE_QUESTION);
    assert_string_equal(cg_node_kind_name(qn), "question");
    assert_true(qn->parent < cg_graph_node_count(g));
    assert_string_equal(cg_graph_node(g, qn->parent)->id, "BT-Drs. 21/2");
    /* "Fragen 1 bis 3" became three question nodes */
    assert_true(find(g, f->ex, "19/5954#Frage 2") != SIZE_MAX);
    assert_true(find(g, f->ex, "19/5954#Frage 3") != SIZE_MAX);
    const size_t *e;
    size_t n;
    assert_int_equal(cg_graph_edges_of(g, q, CG_OUT, &e, &n, NULL), CG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(cg_graph_edge(g, e[0])->relation, CG_EDGE_PART_OF);
    assert_string_equal(cg_edge_relation_name(cg_graph_edge(g, e[0])->relation), "part_of");
    size_t x_node = find(g, f->ex, "19/5954");
    assert_true(x_node != SIZE_MAX);
    const cg_node *x = cg_graph_node(g, x_node);
    assert_string_equal(x->type, "Antwort");
    assert_string_equal(x->date, "2018-11-30");
    size_t c_node = find(g, f->ex, "21/3");
    assert_true(c_node != SIZE_MAX);
    assert_string_equal(cg_graph_node(g, c_node)->type, "Kleine Anfrage");
    cg_graph_free(g);
}

static void test_exports(void **state) {
    const cg_graph *g = ((fixture *)*state)->g;
    cg_buf s = CG_BUF_INIT, t = CG_BUF_INIT;
    assert_int_equal(cg_graph_write_dot(g, NULL, &s, NULL), CG_OK);
    assert_non_null(strstr(s.data, "\"BT-Drs. 21/1\" -> \"BT-Drs. 21/2\" [tooltip="));
    assert_non_null(strstr(s.data, "label=\"Frage 2, Frage 4\""));
    /* quotes, backslashes and line breaks of a title cannot break the syntax */
    assert_non_null(strstr(s.data, "Ein \\\"Titel\\\", mit \\\\ und\\nZeile"));
    assert_non_null(strstr(s.data, "URL=\"https://dserver.bundestag.de/btd/21/000/2100001.pdf\""));
    assert_non_null(strstr(s.data, "label=\"Bundestag, 21. Wahlperiode\""));
    cg_buf_release(&s);

    assert_int_equal(cg_graph_write_json(g, NULL, &s, NULL), CG_OK);
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
    cg_buf_release(&s);

    unsigned char keep[6] = {0, 0, 0, 1, 1, 0};
    assert_int_equal(cg_graph_write_csv(g, keep, &s, &t, NULL), CG_OK);
    assert_string_equal(t.data, "source,target,relation,count,locators,positions,age_days\r\n"
                                "BT-Drs. 21/1,BT-Drs. 21/2,cites,2,Frage 2; Frage 4,"
                                "a.txt:3:1; a.txt:5:1,\r\n");
    assert_non_null(strstr(s.data, "\"Ein \"\"Titel\"\", mit \\ und\nZeile\""));
    cg_buf_release(&s);
    cg_buf_release(&t);

    assert_int_equal(cg_graph_write_graphml(g, NULL, &s, NULL), CG_OK);
    assert_int_equal(strlen(s.data), s.len);
    assert_non_null(strstr(s.data, "<graphml"));
    assert_non_null(strstr(s.data, "<data key=\"v_id\">BT-Drs. 21/1</data>"));
    assert_non_null(strstr(s.data, "<data key=\"e_locators\">Frage 2; Frage 4</data>"));
    size_t nodes = 0;
    for (const char *p = s.data; (p = strstr(p, "<node id=")); p++)
        nodes++;
    assert_int_equal(nodes, 6);
    cg_buf_release(&s);
}

static void test_bad_jsonl(void **state) {
    (void)state;
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    const char *bad = "{\"type\":\"document\",\"file\":\"a\"}\n{not json\n";
    loader l = {g, 0, CG_OK, {0}};
    assert_int_equal(cg_jsonl_read("x.jsonl", bad, strlen(bad), 1, add_document, &l, &err),
                     CG_EFORMAT);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.path, "x.jsonl");
    assert_int_equal(l.documents, 1); /* the document before the bad line was handed on */
    assert_int_equal(l.status, CG_OK);
    cg_graph_free(g);
}

/* ---- the graph does not depend on how its input was cut or read ---- */

/* The graph's JSON export, the caller's to free. */
static char *graph_json(const cg_graph *g) {
    cg_buf b = CG_BUF_INIT;
    assert_int_equal(cg_graph_write_json(g, NULL, &b, NULL), CG_OK);
    return cg_buf_detach(&b);
}

/* The corpus cut at every line end, the two pieces read one after the
 * other into one graph (as the graph command reads two JSON Lines files),
 * gives the same graph as reading it at once: a cut between a document line
 * and its references leaves references without their document line, which
 * the graph must place as before. */
static void test_cut_at_every_line(void **state) {
    const cg_graph *whole = ((fixture *)*state)->g;
    char *want = graph_json(whole);
    size_t len = strlen(corpus), cuts = 0;
    for (size_t cut = 0; cut <= len; cut++) {
        if (cut && corpus[cut - 1] != '\n') continue;
        cg_graph *g = NULL;
        cg_error err;
        assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
        assert_int_equal(read_jsonl(g, "c1", corpus, cut, 1, &err), CG_OK);
        assert_int_equal(read_jsonl(g, "c2", corpus + cut, len - cut, 1, &err), CG_OK);
        assert_int_equal(cg_graph_finish(g, &err), CG_OK);
        char *got = graph_json(g);
        assert_string_equal(got, want);
        free(got);
        cg_graph_free(g);
        cuts++;
    }
    assert_int_equal(cuts, 15); /* before the first line and after each of the 14 */
    free(want);

    /* a finished graph takes nothing */
    cg_graph *a = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &a, &err), CG_OK);
    assert_int_equal(cg_graph_finish(a, &err), CG_OK);
    cg_input *in = NULL;
    cg_extraction *ext = NULL;
    static const char doc[] = "Deutscher Bundestag Drucksache 21/7\nVgl. BT-Drs. 19/5954.\n";
    assert_int_equal(cg_input_from_memory("e.txt", doc, sizeof doc - 1, NULL, &in, &err), CG_OK);
    assert_int_equal(cg_extract(((fixture *)*state)->ex, in, &ext, &err), CG_OK);
    assert_int_equal(cg_graph_add_extraction(a, "e.txt", ext, &err), CG_EINVAL);
    assert_int_equal(cg_graph_add_references(a, "e.txt", ext, &err), CG_EINVAL);
    cg_catalog *cat = NULL;
    assert_int_equal(cg_catalog_new(&cat, &err), CG_OK);
    assert_int_equal(cg_graph_add_catalog(a, cat, &err), CG_EINVAL);
    assert_int_equal(cg_graph_finish(a, &err), CG_EINVAL);
    assert_int_equal(cg_graph_node_count(a), 0);
    cg_catalog_free(cat);
    cg_extraction_free(ext);
    cg_input_free(in);
    cg_graph_free(a);
}

/* A large corpus: documents of a few hundred references each, some of
 * whose reference lines come apart from their document line (and one file
 * whose references come in two runs). cg_jsonl_read() cuts an input of
 * 2 MiB and more at line ends into pieces of about 1 MiB and parses them on
 * several threads, joining a document that runs on into the next piece.
 * Read with one job and with four, and document by document (each under
 * 1 MiB, so one piece each), it must hand on the same documents and give
 * the same graph. (The 23 MB come in about 22 pieces, so most documents
 * are cut across two pieces, some between their document line and their
 * references.) */
#define BIG_DOCS 48
#define BIG_REFS 480 /* reference lines per document, about 1 KB each (most of it "text") */

/* A growing text (cg_buf has no public append). */
typedef struct text {
    char *data;
    size_t len, cap;
} text;

static void text_append(text *t, const char *s, size_t n) {
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (t->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(t->data, cap);
        assert_non_null(p);
        t->data = p;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static void text_printf(text *t, const char *fmt, ...) {
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    assert_true(n > 0 && (size_t)n < sizeof line);
    text_append(t, line, (size_t)n);
}

typedef struct big {
    text text;
    size_t starts[BIG_DOCS + 3]; /* where each document's lines begin, then the end */
    size_t nstarts;
} big;

static unsigned next_rand(unsigned *seed) {
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 8) & 0xffffffu;
}

static void big_refs(big *bg, unsigned d, unsigned from, unsigned to, unsigned *seed) {
    /* the quoted text, which the graph does not read, makes the input large
     * at little cost */
    char pad[1024];
    for (size_t i = 0; i < sizeof pad - 1; i++)
        pad[i] = "Vgl. die Antwort auf Drucksache "[i % 32];
    pad[sizeof pad - 1] = '\0';
    for (unsigned r = from; r < to; r++) {
        int npad = 600 + (int)(next_rand(seed) % 300);
        unsigned target = 1 + next_rand(seed) % 4000, wp = 18 + next_rand(seed) % 4;
        unsigned k = next_rand(seed) % 5, q = 1 + next_rand(seed) % 40;
        char loc[64];
        unsigned q2 = q + 1 + next_rand(seed) % 3;
        switch (k) {
        case 0:
            snprintf(loc, sizeof loc, "null");
            break;
        case 1:
            snprintf(loc, sizeof loc, "\"Frage %u\"", q);
            break;
        case 2:
            snprintf(loc, sizeof loc, "\"Fragen %u bis %u\"", q, q2);
            break;
        case 3:
            snprintf(loc, sizeof loc, "\"S. %u\"", q);
            break;
        default:
            snprintf(loc, sizeof loc, "\"Schriftliche Frage %u\"", q);
            break;
        }
        const char *rel = next_rand(seed) % 50 == 0 ? "answers" : "cites";
        if (next_rand(seed) % 97 == 0) /* a Bundestag PDF address, i.e. a Drucksache */
            text_printf(&bg->text,
                        "{\"type\":\"reference\",\"file\":\"big/d%02u.txt\",\"doc\":\"BT-Drs. "
                        "21/%u\",\"line\":%u,\"col\":%u,\"offset\":0,\"length\":0,\"kind\":\"url\","
                        "\"target\":\"https://dserver.bundestag.de/btd/%u/%03u/%u%05u.pdf\","
                        "\"locator\":null,\"relation\":\"cites\",\"text\":\"%.*s\","
                        "\"resolves_to\":\"BT-Drs. %u/%u\"}\n",
                        d, 9000 + d, r + 2, 1 + r % 7, wp, target / 100, wp, target, npad, pad, wp,
                        target);
        else
            text_printf(&bg->text,
                        "{\"type\":\"reference\",\"file\":\"big/d%02u.txt\",\"doc\":\"BT-Drs. "
                        "21/%u\",\"line\":%u,\"col\":%u,\"offset\":0,\"length\":0,"
                        "\"kind\":\"bt_drucksache\",\"target\":\"BT-Drs. %u/%u\",\"locator\":%s,"
                        "\"relation\":\"%s\",\"text\":\"%.*s\",\"resolves_to\":null,"
                        "\"ambiguous\":false}\n",
                        d, 9000 + d, r + 2, 1 + r % 7, wp, target, loc, rel, npad, pad);
    }
}

static void big_document_line(big *bg, unsigned d) {
    text_printf(&bg->text,
                "{\"type\":\"document\",\"file\":\"big/d%02u.txt\",\"doc\":\"BT-Drs. 21/%u\","
                "\"issuer\":\"BT\",\"doc_type\":\"%s\",\"title\":\"Dokument %u\",\"date\":"
                "\"2025-%02u-%02u\",\"alias\":null,\"bytes\":1000,\"references\":%u}\n",
                d, 9000 + d, d % 2 ? "Antwort" : "Kleine Anfrage", d, 1 + d % 12, 1 + d % 28,
                BIG_REFS);
}

static void big_build(big *bg) {
    memset(bg, 0, sizeof *bg);
    unsigned seed = 20250601u;
    for (unsigned d = 0; d < BIG_DOCS; d++) {
        bg->starts[bg->nstarts++] = bg->text.len;
        if (d == 5) { /* its references first; its document line at the very end */
            big_refs(bg, d, 0, BIG_REFS, &seed);
            continue;
        }
        big_document_line(bg, d);
        if (d == 11) { /* its references in two runs, apart from each other */
            big_refs(bg, d, 0, BIG_REFS / 2, &seed);
            continue;
        }
        big_refs(bg, d, 0, BIG_REFS, &seed);
    }
    bg->starts[bg->nstarts++] = bg->text.len;
    big_refs(bg, 11, BIG_REFS / 2, BIG_REFS, &seed);
    bg->starts[bg->nstarts++] = bg->text.len;
    big_document_line(bg, 5);
    bg->starts[bg->nstarts++] = bg->text.len;
    text_printf(&bg->text, "{\"type\":\"summary\",\"files\":%u}\n", BIG_DOCS);
    assert_int_equal(bg->nstarts, BIG_DOCS + 3);
}

/* What the callback was handed, in order. */
typedef struct handed {
    loader l;
    text log; /* "file has_document_line nrefs\n" per document */
} handed;

static int log_document(void *ctx, const char *file, const cg_extraction *ext,
                        bool has_document_line) {
    handed *h = ctx;
    char line[256];
    int n = snprintf(line, sizeof line, "%s %d %zu\n", file, (int)has_document_line,
                     cg_extraction_count(ext));
    text_append(&h->log, line, (size_t)n);
    return add_document(&h->l, file, ext, has_document_line);
}

/* Reads the big corpus into a new graph: whole on `jobs` threads, or
 * (jobs 0) document by document. The graph's JSON and the callbacks' log. */
static void big_read(const big *bg, int jobs, char **json, char **log) {
    cg_graph_options o = {.questions = true};
    handed h = {{NULL, 0, CG_OK, {0}}, {NULL, 0, 0}};
    cg_error err;
    assert_int_equal(cg_graph_new(&o, &h.l.g, &err), CG_OK);
    if (jobs)
        assert_int_equal(
            cg_jsonl_read("big.jsonl", bg->text.data, bg->text.len, jobs, log_document, &h, &err),
            CG_OK);
    else
        for (size_t i = 0; i + 1 < bg->nstarts; i++)
            assert_int_equal(cg_jsonl_read("big.jsonl", bg->text.data + bg->starts[i],
                                           bg->starts[i + 1] - bg->starts[i], 1, log_document, &h,
                                           &err),
                             CG_OK);
    assert_int_equal(h.l.status, CG_OK);
    assert_int_equal(cg_graph_finish(h.l.g, &err), CG_OK);
    *json = graph_json(h.l.g);
    assert_non_null(h.log.data);
    *log = h.log.data;
    cg_graph_free(h.l.g);
}

static void test_jobs_and_pieces(void **state) {
    (void)state;
    big bg;
    big_build(&bg);
    /* large enough for 4 pieces with one job and 5 with four: the cuts differ */
    assert_true(bg.text.len >= (size_t)20 << 20);
    for (size_t i = 0; i + 1 < bg.nstarts; i++)
        assert_true(bg.starts[i + 1] - bg.starts[i] < (size_t)4 << 20);
    char *json0, *log0, *json1, *log1, *json4, *log4;
    big_read(&bg, 0, &json0, &log0);
    big_read(&bg, 1, &json1, &log1);
    big_read(&bg, 4, &json4, &log4);
    /* every document handed on once, whole: the documents, then d11's second
     * run and d05's document line */
    size_t lines = 0;
    for (const char *p = log0; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, BIG_DOCS + 2);
    char want[64];
    snprintf(want, sizeof want, "big/d05.txt 0 %d\n", BIG_REFS);
    assert_non_null(strstr(log0, want));
    snprintf(want, sizeof want, "big/d11.txt 1 %d\n", BIG_REFS / 2);
    assert_non_null(strstr(log0, want));
    snprintf(want, sizeof want, "big/d11.txt 0 %d\n", BIG_REFS - BIG_REFS / 2);
    assert_non_null(strstr(log0, want));
    assert_non_null(strstr(log0, "big/d05.txt 1 0\n"));
    assert_string_equal(log1, log0);
    assert_string_equal(log4, log0);
    /* and the same graph, byte for byte */
    assert_true(strlen(json0) > 1000);
    assert_string_equal(json1, json0);
    assert_string_equal(json4, json0);
    free(json0);
    free(json1);
    free(json4);
    free(log0);
    free(log1);
    free(log4);
    free(bg.text.data);
}

/* ---- authors, where metadata came from, duplicates ---- */

/* Five documents as JSON Lines with authors (DIP's names and roles):
 *   P = BT-Drs. 21/10, a Kleine Anfrage of the AfD, cites Q;
 *   Q = BT-Drs. 21/11, the Bundesregierung's Antwort (ressort Auswärtiges
 *       Amt) to P, read three times: q.txt and q-copy.txt from their
 *       headers, and DIP's record 2 of dip.json, which is used; q.txt also
 *       cites BT-Drs. 21/98, which the record does not;
 *   R = BT-Drs. 21/12, of two Fraktionen, cites Q and the external 21/13;
 *   S = BT-Drs. 21/14, of the AfD, cites Q. */
#define AUTH(name, role) "{\"name\":\"" name "\",\"role\":\"" role "\"}"
#define HEADER_FROM                                                                                \
    "\"from\":{\"doc\":\"header\",\"doc_type\":\"header\",\"title\":\"header\","                   \
    "\"date\":\"header\",\"urheber\":\"header\"}"
#define DOCLINE(file, doc, type, title, authors, extra)                                            \
    "{\"type\":\"document\",\"file\":\"" file "\",\"doc\":\"" doc "\",\"issuer\":\"BT\","          \
    "\"doc_type\":\"" type "\",\"title\":\"" title "\",\"date\":\"2025-06-01\",\"alias\":null,"    \
    "\"urheber\":[" authors "]," extra "}\n"
#define QA                                                                                         \
    AUTH("Bundesregierung", "urheber")                                                             \
    "," AUTH("Auswärtiges Amt", "ressort") "," AUTH("Fraktion der AfD", "fragesteller")

#define AUTHORED_HEADERS                                                                           \
    DOCLINE("p.txt", "BT-Drs. 21/10", "Kleine Anfrage", "Header title P",                          \
            AUTH("Fraktion der AfD", "urheber"), HEADER_FROM)                                      \
    REF("p.txt", "BT-Drs. 21/10", 9, "BT-Drs. 21/11", "null", "cites")                             \
    DOCLINE("q.txt", "BT-Drs. 21/11", "Antwort", "Header title Q", QA, HEADER_FROM)                \
    REF("q.txt", "BT-Drs. 21/11", 2, "BT-Drs. 21/10", "null", "answers")                           \
    REF("q.txt", "BT-Drs. 21/11", 5, "BT-Drs. 21/12", "null", "cites")                             \
    REF("q.txt", "BT-Drs. 21/11", 6, "BT-Drs. 21/98", "null", "cites")                             \
    DOCLINE("q-copy.txt", "BT-Drs. 21/11", "Antwort", "Header title Q", QA, HEADER_FROM)           \
    REF("q-copy.txt", "BT-Drs. 21/11", 5, "BT-Drs. 21/12", "null", "cites")                        \
    DOCLINE("r.txt", "BT-Drs. 21/12", "Kleine Anfrage", "Header title R",                          \
            AUTH("Fraktion Die Linke", "urheber") "," AUTH("Fraktion BÜNDNIS 90/DIE GRÜNEN",       \
                                                           "urheber"),                             \
            HEADER_FROM)                                                                           \
    REF("r.txt", "BT-Drs. 21/12", 3, "BT-Drs. 21/11", "null", "cites")                             \
    REF("r.txt", "BT-Drs. 21/12", 4, "BT-Drs. 21/13", "null", "cites")                             \
    DOCLINE("s.txt", "BT-Drs. 21/14", "Kleine Anfrage", "Header title S",                          \
            AUTH("Fraktion der AfD", "urheber"), HEADER_FROM)                                      \
    REF("s.txt", "BT-Drs. 21/14", 3, "BT-Drs. 21/11", "null", "cites")

static const char authored_headers[] = AUTHORED_HEADERS;
static const char authored[] = AUTHORED_HEADERS DOCLINE(
    "dip.json", "BT-Drs. 21/11", "Antwort", "DIP title Q", QA,
    "\"from\":{\"doc\":\"dip\",\"doc_type\":\"dip\",\"title\":\"dip\",\"date\":\"dip\","
    "\"urheber\":\"dip\"},\"record\":2,\"dip_id\":\"999\"")
    REF("dip.json", "BT-Drs. 21/11", 2, "BT-Drs. 21/10", "null", "answers")
        REF("dip.json", "BT-Drs. 21/11", 5, "BT-Drs. 21/12", "null", "cites");

/* A DIP metadata catalog: a new title for P (its header's is replaced), one
 * for Q (its DIP record's stays), authors for the external 21/13. */
static const char authored_catalog[] =
    "{\"documents\":["
    "{\"dokumentnummer\":\"21/10\",\"herausgeber\":\"BT\",\"titel\":\"Catalog title P\","
    "\"urheber\":[{\"titel\":\"Fraktion der AfD\"}]},"
    "{\"dokumentnummer\":\"21/11\",\"herausgeber\":\"BT\",\"titel\":\"Catalog title Q\"},"
    "{\"dokumentnummer\":\"21/13\",\"herausgeber\":\"BT\",\"datum\":\"2025-01-02\","
    "\"urheber\":[{\"titel\":\"Bundesregierung\"}],"
    "\"ressort\":[{\"titel\":\"Bundesministerium der Finanzen\"}]}]}\n";

enum { AN_P, AN_Q, AN_R, AN_X, AN_S }; /* 21/10, 21/11, 21/12, 21/13, 21/14 */

static cg_graph *build_authored(const cg_extractor *ex, const char *jsonl, bool catalog) {
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    if (catalog) {
        char path[] = "cg_test_catalog_XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        FILE *f = fdopen(fd, "w");
        assert_non_null(f);
        fputs(authored_catalog, f);
        fclose(f);
        cg_catalog *cat = NULL;
        assert_int_equal(cg_catalog_new(&cat, &err), CG_OK);
        assert_int_equal(cg_catalog_read(cat, ex, path, &err), CG_OK);
        remove(path);
        assert_int_equal(cg_graph_add_catalog(g, cat, &err), CG_OK);
        cg_catalog_free(cat);
    }
    assert_int_equal(read_jsonl(g, "authored.jsonl", jsonl, strlen(jsonl), 1, &err), CG_OK);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    return g;
}

static void test_authors_and_sources(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    cg_graph *g = build_authored(ex, authored, true);
    assert_int_equal(cg_graph_node_count(g), 5); /* q.txt's 21/98 is left out with q.txt */
    assert_string_equal(cg_graph_node(g, AN_X)->id, "BT-Drs. 21/13");
    const cg_node *p = cg_graph_node(g, AN_P), *q = cg_graph_node(g, AN_Q),
                  *r = cg_graph_node(g, AN_R), *x = cg_graph_node(g, AN_X);
    /* a header's title gives way to the catalog's; its authors stay where the catalog's
     * are the same, but are now the catalog's */
    assert_string_equal(p->title, "Catalog title P");
    assert_int_equal(p->title_from, CG_META_CATALOG);
    assert_int_equal(p->type_from, CG_META_HEADER);
    assert_int_equal(p->nauthors, 1);
    assert_string_equal(p->authors[0].name, "Fraktion der AfD");
    assert_int_equal(p->authors_from, CG_META_CATALOG);
    /* what DIP said stays */
    assert_string_equal(q->title, "DIP title Q");
    assert_int_equal(q->title_from, CG_META_DIP);
    assert_string_equal(q->file, "dip.json");
    assert_int_equal(q->record, 2);
    assert_int_equal(q->nauthors, 3);
    assert_string_equal(q->authors[1].name, "Auswärtiges Amt");
    assert_int_equal(q->authors[1].role, CG_AUTHOR_MINISTRY);
    assert_int_equal(q->authors[2].role, CG_AUTHOR_ASKER);
    assert_int_equal(r->nauthors, 2);
    assert_int_equal(r->authors_from, CG_META_HEADER);
    /* an external document takes all from the catalog */
    assert_false(x->in_corpus);
    assert_int_equal(x->nauthors, 2);
    assert_string_equal(x->authors[1].name, "Bundesministerium der Finanzen");
    assert_int_equal(x->authors_from, CG_META_CATALOG);
    assert_string_equal(x->date, "2025-01-02");
    assert_int_equal(x->date_from, CG_META_CATALOG);
    assert_null(x->title);
    assert_int_equal(x->title_from, CG_META_NONE);

    /* finding by author */
    assert_true(cg_node_has_author(p, "Fraktion der AfD"));
    assert_true(cg_node_has_author(p, "afd"));
    assert_false(cg_node_has_author(p, "AfD")); /* capitals: the name exactly */
    assert_false(cg_node_has_author(p, "linke"));
    assert_true(cg_node_has_author(r, "grünen"));
    assert_true(cg_node_has_author(q, "auswärtiges amt"));
    assert_false(cg_node_has_author(x, "fraktion"));

    /* who cites whom, submitters only: an edge per pair of names */
    cg_author_pair *pairs;
    size_t n;
    assert_int_equal(cg_graph_author_pairs(g, CG_AUTHOR_BIT(CG_AUTHOR_SUBMITTER), &pairs, &n, NULL),
                     CG_OK);
    static const struct {
        const char *citing, *cited;
        size_t edges;
    } want[] = {
        {"Fraktion BÜNDNIS 90/DIE GRÜNEN", "Bundesregierung", 2}, /* R -> Q, R -> 21/13 */
        {"Fraktion Die Linke", "Bundesregierung", 2},
        {"Fraktion der AfD", "Bundesregierung", 2}, /* P -> Q, S -> Q */
        {"Bundesregierung", "Fraktion BÜNDNIS 90/DIE GRÜNEN", 1},
        {"Bundesregierung", "Fraktion Die Linke", 1},
        {"Bundesregierung", "Fraktion der AfD", 1}, /* Q answers P: once, not per copy of Q */
    };
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(pairs[i].citing, want[i].citing);
        assert_string_equal(pairs[i].cited, want[i].cited);
        assert_int_equal(pairs[i].edges, want[i].edges);
    }
    free(pairs);
    /* ministries: only Q and 21/13 have one, and neither cites the other */
    assert_int_equal(cg_graph_author_pairs(g, CG_AUTHOR_BIT(CG_AUTHOR_MINISTRY), &pairs, &n, NULL),
                     CG_OK);
    assert_int_equal(n, 0);
    assert_null(pairs);
    /* every role: Q's asker, the AfD, counts too: Q answers P of the AfD, P and S of the AfD
     * cite Q */
    assert_int_equal(cg_graph_author_pairs(g, 0, &pairs, &n, NULL), CG_OK);
    bool asker = false;
    for (size_t i = 0; i < n; i++)
        asker |= strcmp(pairs[i].citing, "Fraktion der AfD") == 0 &&
                 strcmp(pairs[i].cited, "Fraktion der AfD") == 0 && pairs[i].edges == 3;
    assert_true(asker);
    free(pairs);

    /* Q was read three times: DIP's record is used, both texts are left out with their
     * references (21/98 is no node; Q -> R counts once, from the record) */
    const cg_duplicate *d;
    assert_int_equal(cg_graph_duplicates(g, &d), 2);
    assert_string_equal(d[0].id, "BT-Drs. 21/11");
    assert_int_equal(d[0].node, AN_Q);
    assert_string_equal(d[0].used_file, "dip.json");
    assert_int_equal(d[0].used_record, 2);
    assert_string_equal(d[0].unused_file, "q.txt");
    assert_int_equal(d[0].unused_record, 0);
    assert_int_equal(d[0].reason, CG_DUPLICATE_DIP);
    assert_string_equal(cg_duplicate_reason_name(d[0].reason), "DIP record");
    assert_string_equal(d[1].unused_file, "q-copy.txt");
    const size_t *e;
    assert_int_equal(cg_graph_edges_of(g, AN_Q, CG_OUT, &e, &n, NULL), CG_OK);
    assert_int_equal(n, 2);
    const cg_edge *qr = cg_graph_edge(g, e[1]);
    assert_int_equal(qr->target, AN_R);
    assert_int_equal(qr->count, 1);
    assert_string_equal(qr->positions[0].file, "dip.json");
    cg_graph_stats st;
    assert_int_equal(cg_graph_stats_get(g, &st, NULL), CG_OK);
    assert_int_equal(st.duplicates, 2);

    /* the exports */
    cg_buf b = CG_BUF_INIT, t = CG_BUF_INIT;
    assert_int_equal(cg_graph_write_json(g, NULL, &b, NULL), CG_OK);
    json_t *root = json_loads(b.data, 0, NULL);
    assert_non_null(root);
    json_t *jq = json_array_get(json_object_get(root, "nodes"), AN_Q);
    json_t *ja = json_object_get(jq, "urheber");
    assert_int_equal(json_array_size(ja), 3);
    assert_string_equal(json_string_value(json_object_get(json_array_get(ja, 1), "name")),
                        "Auswärtiges Amt");
    assert_string_equal(json_string_value(json_object_get(json_array_get(ja, 1), "role")),
                        "ressort");
    assert_string_equal(json_string_value(json_object_get(jq, "title_from")), "dip");
    json_t *jp = json_array_get(json_object_get(root, "nodes"), AN_P);
    assert_string_equal(json_string_value(json_object_get(jp, "title_from")), "catalog");
    assert_string_equal(json_string_value(json_object_get(jp, "type_from")), "header");
    json_t *jx = json_array_get(json_object_get(root, "nodes"), AN_X);
    assert_true(json_is_null(json_object_get(jx, "title_from")));
    json_decref(root);
    cg_buf_release(&b);

    assert_int_equal(cg_graph_write_csv(g, NULL, &b, &t, NULL), CG_OK);
    assert_non_null(strstr(b.data, ",parent,urheber,urheber_role,type_from,title_from,"
                                   "date_from,urheber_from\r\n"));
    assert_non_null(strstr(b.data, ",Bundesregierung; Auswärtiges Amt; Fraktion der AfD,"
                                   "urheber; ressort; fragesteller,dip,dip,dip,dip\r\n"));
    assert_non_null(strstr(b.data, "BT-Drs. 21/10,bt_drucksache,true,p.txt,"));
    assert_non_null(strstr(b.data, ",Fraktion der AfD,urheber,header,catalog,header,catalog\r\n"));
    cg_buf_release(&b);
    cg_buf_release(&t);

    assert_int_equal(cg_graph_write_graphml(g, NULL, &b, NULL), CG_OK);
    assert_non_null(strstr(b.data, "<data key=\"v_urheber\">Bundesregierung; Auswärtiges Amt; "
                                   "Fraktion der AfD</data>"));
    assert_non_null(
        strstr(b.data, "<data key=\"v_urheber_role\">urheber; ressort; fragesteller</data>"));
    assert_non_null(strstr(b.data, "<data key=\"v_title_from\">catalog</data>"));
    cg_buf_release(&b);

    assert_int_equal(cg_graph_write_dot(g, NULL, &b, NULL), CG_OK);
    assert_non_null(strstr(b.data, "\\nBundesregierung (urheber)\\nAuswärtiges Amt (ressort)\\n"
                                   "Fraktion der AfD (fragesteller)\\ntype from dip, title from "
                                   "dip, date from dip, urheber from dip\""));
    assert_non_null(strstr(b.data, "\\nFraktion der AfD (urheber)\\ntitle from catalog, "
                                   "urheber from catalog\""));
    cg_buf_release(&b);
    cg_graph_free(g);
    cg_extractor_free(ex);
}

/* Without DIP's record, the first of Q's two texts is used. */
static void test_duplicates_in_path_order(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    cg_graph *g = build_authored(ex, authored_headers, false);
    const cg_duplicate *d;
    assert_int_equal(cg_graph_duplicates(g, &d), 1);
    assert_string_equal(d[0].id, "BT-Drs. 21/11");
    assert_string_equal(d[0].used_file, "q.txt");
    assert_string_equal(d[0].unused_file, "q-copy.txt");
    assert_int_equal(d[0].reason, CG_DUPLICATE_FIRST);
    assert_string_equal(cg_duplicate_reason_name(d[0].reason), "first in path order");
    size_t v = find(g, ex, "21/11");
    const cg_node *q = cg_graph_node(g, v);
    assert_string_equal(q->file, "q.txt");
    assert_string_equal(q->title, "Header title Q");
    assert_int_equal(q->title_from, CG_META_HEADER);
    assert_true(find(g, ex, "21/98") != SIZE_MAX); /* q.txt's citation is kept */
    const size_t *e;
    size_t n;
    assert_int_equal(cg_graph_edges_of(g, v, CG_OUT, &e, &n, NULL), CG_OK);
    assert_int_equal(n, 3);
    assert_int_equal(cg_graph_edge(g, e[1])->count, 1); /* Q -> R, not counted for the copy */
    assert_string_equal(cg_graph_edge(g, e[1])->positions[0].file, "q.txt");
    cg_graph_free(g);
    /* a graph of documents read once has none; nor has an unfinished one */
    cg_graph *one = NULL;
    assert_int_equal(cg_graph_new(NULL, &one, NULL), CG_OK);
    assert_int_equal(cg_graph_duplicates(one, &d), 0);
    assert_null(d);
    cg_graph_free(one);
    cg_extractor_free(ex);
}

/* ---- DIP records without an id: one node each, positions naming the record ---- */

/* Two records of one DIP page that name no document (as Bundesrat
 * Plenarprotokolle, or a dokumentnummer that does not parse), each citing
 * its own document, and a text file without an id: the JSON Lines
 * `citegraph extract` writes for them (hand-made, shaped as
 * tests/cli/authors/dip-record.jsonl). */
#define NOID_DOC(rec, id)                                                                          \
    "{\"type\":\"document\",\"file\":\"dip/"                                                       \
    "p.json\",\"doc\":null,\"doc_type\":\"Plenarprotokoll\","                                      \
    "\"from\":{\"doc_type\":\"dip\"},\"record\":" #rec ",\"dip_id\":\"" id "\"}\n"
#define NOID_REF(rec, id, line, target)                                                            \
    "{\"type\":\"reference\",\"file\":\"dip/p.json\",\"doc\":null,\"record\":" #rec                \
    ",\"dip_id\":\"" id "\",\"line\":" #line ",\"col\":7,\"kind\":\"br_drucksache\","              \
    "\"target\":\"" target "\",\"locator\":null,\"relation\":\"cites\"}\n"
static const char records_without_id[] = NOID_DOC(1, "7") NOID_REF(1, "7", 2, "BR-Drs. 103/25")
    NOID_DOC(2, "8") NOID_REF(2, "8", 3, "BR-Drs. 104/25") NOID_REF(
        2, "8", 4, "BR-Drs. 103/25") "{\"type\":\"document\",\"file\":\"t.txt\",\"doc\":null}\n"
                                     "{\"type\":\"reference\",\"file\":\"t.txt\",\"doc\":null,"
                                     "\"line\":5,\"col\":1,"
                                     "\"kind\":\"br_drucksache\",\"target\":\"BR-Drs. "
                                     "104/25\",\"locator\":null,"
                                     "\"relation\":\"cites\"}\n";
/* and, without their document lines, the references of two more records */
static const char record_references_only[] =
    NOID_REF(3, "9", 2, "BR-Drs. 103/25") NOID_REF(4, "10", 2, "BR-Drs. 104/25");

enum { NI_103, NI_104, NI_R1, NI_R2, NI_T }; /* node order: ids sorted */

static void test_dip_records_without_id(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    assert_int_equal(
        read_jsonl(g, "noid.jsonl", records_without_id, strlen(records_without_id), 1, &err),
        CG_OK);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    const cg_duplicate *d;
    assert_int_equal(cg_graph_duplicates(g, &d), 0); /* not "read twice" */
    assert_int_equal(cg_graph_node_count(g), 5);
    const cg_node *r1 = cg_graph_node(g, NI_R1), *r2 = cg_graph_node(g, NI_R2),
                  *t = cg_graph_node(g, NI_T);
    assert_string_equal(r1->id, "file:dip/p.json#1");
    assert_string_equal(r2->id, "file:dip/p.json#2");
    assert_int_equal(r1->kind, CG_NODE_FILE);
    assert_true(r2->in_corpus);
    assert_string_equal(r2->file, "dip/p.json");
    assert_int_equal(r2->record, 2);
    assert_string_equal(r2->dip_id, "8");
    assert_string_equal(r2->type, "Plenarprotokoll");
    assert_string_equal(t->id, "file:t.txt"); /* a text file keeps its name */
    assert_int_equal(t->record, 0);
    assert_null(t->dip_id);
    /* each record with its own citations */
    const size_t *e;
    size_t n;
    assert_int_equal(cg_graph_edges_of(g, NI_R1, CG_OUT, &e, &n, NULL), CG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(cg_graph_edge(g, e[0])->target, NI_103);
    assert_int_equal(cg_graph_edges_of(g, NI_R2, CG_OUT, &e, &n, NULL), CG_OK);
    assert_int_equal(n, 2);
    const cg_position *at = &cg_graph_edge(g, e[0])->positions[0];
    assert_string_equal(at->file, "dip/p.json");
    assert_int_equal(at->record, 2);
    assert_int_equal(at->line, 4);
    assert_int_equal(cg_graph_edges_of(g, NI_T, CG_OUT, &e, &n, NULL), CG_OK);
    assert_int_equal(cg_graph_edge(g, e[0])->positions[0].record, 0);
    /* a record is found as the positions name it, by path or by name */
    assert_int_equal(find(g, ex, "file:dip/p.json#2"), NI_R2);
    assert_int_equal(find(g, ex, "dip/p.json#2"), NI_R2);
    assert_int_equal(find(g, ex, "p.json#1"), NI_R1);
    assert_int_equal(find(g, ex, "p.json#3"), SIZE_MAX);
    assert_int_equal(find(g, ex, "t.txt"), NI_T);

    /* every export names the record of a position: "FILE#N:LINE:COL" */
    cg_buf s = CG_BUF_INIT, u = CG_BUF_INIT;
    assert_int_equal(cg_graph_write_csv(g, NULL, &s, &u, NULL), CG_OK);
    assert_non_null(
        strstr(u.data, "file:dip/p.json#2,BR-Drs. 103/25,cites,1,,dip/p.json#2:4:7,\r\n"));
    assert_non_null(strstr(u.data, "file:t.txt,BR-Drs. 104/25,cites,1,,t.txt:5:1,\r\n"));
    cg_buf_release(&s);
    cg_buf_release(&u);
    assert_int_equal(cg_graph_write_dot(g, NULL, &s, NULL), CG_OK);
    assert_non_null(strstr(s.data, "(1×)\\ndip/p.json#1:2:7\"]"));
    assert_non_null(strstr(s.data, "(1×)\\nt.txt:5:1\"]"));
    cg_buf_release(&s);
    assert_int_equal(cg_graph_write_json(g, NULL, &s, NULL), CG_OK);
    assert_non_null(strstr(s.data, "{\"id\":\"file:dip/p.json#2\",\"kind\":\"document\","
                                   "\"in_corpus\":true,\"file\":\"dip/p.json\",\"record\":2,"
                                   "\"dip_id\":\"8\",\"number\":null"));
    assert_non_null(strstr(s.data, "\"positions\":[{\"file\":\"dip/p.json\",\"record\":2,"
                                   "\"line\":3,\"col\":7}]"));
    /* a text file's node and positions are as they were: no record */
    assert_non_null(strstr(s.data, "\"file\":\"t.txt\",\"number\":null"));
    assert_non_null(strstr(s.data, "\"positions\":[{\"file\":\"t.txt\",\"line\":5,\"col\":1}]"));
    cg_buf_release(&s);
    cg_graph_free(g);

    /* references whose document lines are elsewhere keep their records apart too */
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    assert_int_equal(read_jsonl(g, "refs.jsonl", record_references_only,
                                strlen(record_references_only), 1, &err),
                     CG_OK);
    assert_int_equal(
        read_jsonl(g, "noid.jsonl", records_without_id, strlen(records_without_id), 1, &err),
        CG_OK);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    assert_int_equal(cg_graph_duplicates(g, &d), 0);
    assert_int_equal(cg_graph_node_count(g), 5); /* records 3 and 4 were never read */
    assert_int_equal(cg_graph_edges_of(g, NI_R1, CG_OUT, &e, &n, NULL), CG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(cg_graph_edge(g, e[0])->count, 1);
    cg_graph_free(g);
    cg_extractor_free(ex);
}

/* The graph's JSON is written piece by piece, its values by jansson and its
 * keys by citegraph; the bytes must be jansson's compact dump of the same
 * objects, each item as 0.9.6 wrote it (shapes_items), and each node and
 * edge the object cg_graph_node_json() and cg_graph_edge_json() build on
 * their own. Here with every optional shape: positions on a PDF page and in
 * a DIP record, two locators, two authors, a negative citation age, and a
 * file name that is not UTF-8 (its bytes become U+FFFD). */
static const char shapes[] =
    "{\"type\":\"document\",\"file\":\"p.pdf\",\"doc\":\"BT-Drs. 21/40\",\"doc_type\":\"Antwort\","
    "\"date\":\"2025-03-01\",\"urheber\":[{\"name\":\"Bundesregierung\",\"role\":\"urheber\"},"
    "{\"name\":\"Auswärtiges Amt\",\"role\":\"ressort\"}]}\n"
    "{\"type\":\"reference\",\"file\":\"p.pdf\",\"doc\":\"BT-Drs. 21/40\",\"line\":40,\"col\":2,"
    "\"page\":3,\"page_label\":\"3\",\"page_line\":12,\"kind\":\"bt_drucksache\","
    "\"target\":\"BT-Drs. 21/41\",\"locator\":\"Frage 2\",\"relation\":\"cites\"}\n"
    "{\"type\":\"reference\",\"file\":\"p.pdf\",\"doc\":\"BT-Drs. 21/40\",\"line\":41,\"col\":5,"
    "\"page\":3,\"page_label\":\"3\",\"page_line\":13,\"kind\":\"bt_drucksache\","
    "\"target\":\"BT-Drs. 21/41\",\"locator\":\"Frage 3\",\"relation\":\"cites\"}\n"
    "{\"type\":\"document\",\"file\":\"dip/r.json\",\"doc\":\"BT-Drs. 21/42\",\"record\":2,"
    "\"dip_id\":\"77\",\"date\":\"2025-01-01\"}\n"
    "{\"type\":\"reference\",\"file\":\"dip/r.json\",\"doc\":\"BT-Drs. 21/42\",\"record\":2,"
    "\"dip_id\":\"77\",\"line\":4,\"col\":7,\"kind\":\"bt_drucksache\","
    "\"target\":\"BT-Drs. 21/40\",\"locator\":null,\"relation\":\"cites\"}\n";

/* The nodes and links of the shapes, as 0.9.6 wrote them with a jansson
 * object for each: the keys, their order, and each value's form. */
static const char *const shapes_items[] = {
    "{\"id\":\"BT-Drs. 21/40\",\"kind\":\"bt_drucksache\",\"in_corpus\":true,\"file\":\"p.pdf\","
    "\"number\":\"21/40\",\"wahlperiode\":21,\"issuer\":\"BT\",\"type\":\"Antwort\","
    "\"date\":\"2025-03-01\",\"title\":null,\"url\":\"https://dserver.bundestag.de/btd/21/000/"
    "2100040.pdf\",\"parent\":null,\"urheber\":[{\"name\":\"Bundesregierung\",\"role\":\"urheber\"}"
    ","
    "{\"name\":\"Auswärtiges Amt\",\"role\":\"ressort\"}],\"type_from\":\"header\","
    "\"title_from\":null,\"date_from\":\"header\",\"urheber_from\":\"header\"}",
    "{\"id\":\"BT-Drs. "
    "21/42\",\"kind\":\"bt_drucksache\",\"in_corpus\":true,\"file\":\"dip/r.json\","
    "\"record\":2,\"dip_id\":\"77\",\"number\":\"21/42\"",
    "{\"source\":\"BT-Drs. 21/40\",\"target\":\"BT-Drs. 21/41\",\"relation\":\"cites\",\"count\":2,"
    "\"referrals\":0,\"age_days\":null,\"locators\":[\"Frage 2\",\"Frage 3\"],\"positions\":["
    "{\"file\":\"p.pdf\",\"line\":40,\"col\":2,\"page\":3,\"page_line\":12},"
    "{\"file\":\"p.pdf\",\"line\":41,\"col\":5,\"page\":3,\"page_line\":13}]}",
    "{\"source\":\"BT-Drs. 21/42\",\"target\":\"BT-Drs. 21/40\",\"relation\":\"cites\",\"count\":1,"
    "\"referrals\":0,\"age_days\":-59,\"locators\":[],\"positions\":[{\"file\":\"dip/r.json\","
    "\"record\":2,\"line\":4,\"col\":7}]}",
    "{\"file\":\"b\xef\xbf\xbd.txt\",\"line\":2,\"col\":"};

/* A query's object (taken) is the item of the export, key by key. */
static void assert_same_as_exported(json_t *object, const json_t *exported) {
    assert_non_null(object);
    char *got = json_dumps(object, JSON_COMPACT), *want = json_dumps(exported, JSON_COMPACT);
    assert_non_null(got);
    assert_non_null(want);
    assert_string_equal(got, want);
    free(got);
    free(want);
    json_decref(object);
}

static void test_json_is_janssons_dump(void **state) {
    const cg_extractor *ex = ((fixture *)*state)->ex;
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    assert_int_equal(read_jsonl(g, "shapes.jsonl", shapes, strlen(shapes), 1, &err), CG_OK);
    cg_input *in = NULL;
    cg_extraction *ext = NULL;
    static const char doc[] = "Deutscher Bundestag Drucksache 21/43\nVgl. BT-Drs. 21/40.\n";
    assert_int_equal(cg_input_from_memory("b\xff.txt", doc, sizeof doc - 1, NULL, &in, &err),
                     CG_OK);
    assert_int_equal(cg_extract(ex, in, &ext, &err), CG_OK);
    assert_int_equal(cg_graph_add_extraction(g, "b\xff.txt", ext, &err), CG_OK);
    cg_extraction_free(ext);
    cg_input_free(in);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);

    char *exported = graph_json(g);
    json_error_t je;
    json_t *root = json_loads(exported, 0, &je);
    assert_non_null(root);
    char *whole = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    assert_non_null(whole);
    assert_int_equal(strlen(exported), strlen(whole) + 1); /* the export ends its line */
    assert_memory_equal(exported, whole, strlen(whole));
    free(whole);
    /* the shapes, key by key */
    for (size_t i = 0; i < sizeof shapes_items / sizeof *shapes_items; i++) {
        if (!strstr(exported, shapes_items[i])) fail_msg("not in the export: %s", shapes_items[i]);
    }
    assert_non_null(strstr(exported, "\"file\":\"b\xef\xbf\xbd.txt\",\"number\":\"21/43\""));

    /* each node and edge of the export, as the queries' objects */
    json_t *nodes = json_object_get(root, "nodes"), *links = json_object_get(root, "links");
    assert_int_equal(json_array_size(nodes), cg_graph_node_count(g));
    assert_int_equal(json_array_size(links), cg_graph_edge_count(g));
    for (size_t v = 0; v < cg_graph_node_count(g); v++)
        assert_same_as_exported(cg_graph_node_json(g, v, &err), json_array_get(nodes, v));
    for (size_t i = 0; i < cg_graph_edge_count(g); i++)
        assert_same_as_exported(cg_graph_edge_json(g, i, &err), json_array_get(links, i));
    assert_null(cg_graph_node_json(g, cg_graph_node_count(g), &err));
    assert_int_equal(err.status, CG_EINVAL);
    json_decref(root);
    free(exported);
    cg_graph_free(g);
}

/* jansson's allocations, failing after `alloc_budget` more when `alloc_failing`. */
static bool alloc_failing;
static size_t alloc_budget;

static void *budget_malloc(size_t n) {
    if (alloc_failing && alloc_budget-- == 0) return NULL;
    return malloc(n);
}

/* Node i or, past the nodes, edge i - nodes, as the queries' object. */
static json_t *item_object(const cg_graph *g, size_t i, cg_error *err) {
    size_t nodes = cg_graph_node_count(g);
    return i < nodes ? cg_graph_node_json(g, i, err) : cg_graph_edge_json(g, i - nodes, err);
}

/* When memory runs out while a query's object is built, the object is NULL
 * and the error says so: never an object with a value cut short (as
 * jansson's parser can return when its allocations fail). Each node and
 * edge of the shapes, with the first, second, ... allocation failing. */
static void test_json_objects_when_memory_runs_out(void **state) {
    (void)state;
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    assert_int_equal(read_jsonl(g, "shapes.jsonl", shapes, strlen(shapes), 1, &err), CG_OK);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    json_set_alloc_funcs(budget_malloc, free);
    size_t items = cg_graph_node_count(g) + cg_graph_edge_count(g), failures = 0;
    for (size_t i = 0; i < items; i++) {
        json_t *whole = item_object(g, i, &err);
        assert_non_null(whole);
        char *want = json_dumps(whole, JSON_COMPACT);
        assert_non_null(want);
        json_decref(whole);
        for (size_t budget = 0;; budget++) {
            alloc_budget = budget;
            alloc_failing = true;
            memset(&err, 0, sizeof err);
            json_t *o = item_object(g, i, &err);
            alloc_failing = false;
            if (!o) {
                assert_int_equal(err.status, CG_ENOMEM);
                failures++;
                continue;
            }
            char *got = json_dumps(o, JSON_COMPACT);
            assert_non_null(got);
            assert_string_equal(got, want);
            free(got);
            json_decref(o);
            break;
        }
        free(want);
    }
    json_set_alloc_funcs(malloc, free);
    assert_true(failures > items * 10); /* every object took many allocations */
    cg_graph_free(g);
}

/* The spelling of an author's name that matches any part of names. */
static void test_author_name_folded(void **state) {
    (void)state;
    char *s = cg_author_name_folded("Fraktion BÜNDNIS 90/DIE GRÜNEN × AfD");
    assert_non_null(s);
    assert_string_equal(s, "fraktion bündnis 90/die grünen × afd");
    free(s);
    s = cg_author_name_folded("");
    assert_string_equal(s, "");
    free(s);
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
        cmocka_unit_test_setup_teardown(test_cut_at_every_line, setup, teardown),
        cmocka_unit_test(test_jobs_and_pieces),
        cmocka_unit_test(test_authors_and_sources),
        cmocka_unit_test(test_duplicates_in_path_order),
        cmocka_unit_test(test_dip_records_without_id),
        cmocka_unit_test(test_author_name_folded),
        cmocka_unit_test_setup_teardown(test_json_is_janssons_dump, setup, teardown),
        cmocka_unit_test(test_json_objects_when_memory_runs_out),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
