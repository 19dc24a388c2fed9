/* test_mainpath.c - main path analysis on small hand-made graphs whose
 * weights are counted by hand here (citegraph/mainpath.h has the
 * definitions). Document k is "BT-Drs. 1/k"; a graph is given as citations
 * "k cites j"; the flow runs the other way, from j to k. */
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
#include "citegraph/graph.h"
#include "citegraph/mainpath.h"

typedef struct citation {
    int citing, cited;
} citation;

static int add_document(void *ctx, const char *file, const cg_extraction *ext,
                        bool has_document_line) {
    cg_graph *g = ctx;
    (void)has_document_line;
    return cg_graph_add_extraction(g, file, ext, NULL) != CG_OK;
}

/* The graph of the citations c[0..n), each citing document with a document
 * line of its own, in the order given. */
static cg_graph *build(const citation *c, size_t n) {
    char *text = calloc(1, 256 * (n + 1));
    assert_non_null(text);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || c[i].citing != c[i - 1].citing)
            len += (size_t)sprintf(text + len,
                                   "{\"type\":\"document\",\"file\":\"d%d\",\"doc\":\"BT-Drs. "
                                   "1/%d\"}\n",
                                   c[i].citing, c[i].citing);
        len += (size_t)sprintf(text + len,
                               "{\"type\":\"reference\",\"file\":\"d%d\",\"doc\":\"BT-Drs. 1/%d\","
                               "\"target\":\"BT-Drs. 1/%d\",\"relation\":\"cites\"}\n",
                               c[i].citing, c[i].citing, c[i].cited);
    }
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    assert_int_equal(cg_jsonl_read("t.jsonl", text, len, 1, add_document, g, &err), CG_OK);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    free(text);
    return g;
}

static size_t node_of(const cg_graph *g, int k) {
    char id[32];
    snprintf(id, sizeof id, "BT-Drs. 1/%d", k);
    bool found = false;
    size_t v = SIZE_MAX;
    assert_int_equal(cg_graph_find(g, NULL, id, &found, &v, NULL), CG_OK);
    assert_true(found);
    return v;
}

/* The weight of "citing cites cited" by `w`. */
static double weight_of(const cg_graph *g, cg_traversal_weight w, int citing, int cited) {
    size_t ne = cg_graph_edge_count(g);
    double *all = calloc(ne + 1, sizeof *all);
    assert_non_null(all);
    assert_int_equal(cg_graph_traversal_weights(g, w, all, NULL, NULL), CG_OK);
    size_t s = node_of(g, citing), t = node_of(g, cited);
    double found = -1;
    for (size_t i = 0; i < ne; i++)
        if (cg_graph_edge(g, i)->source == s && cg_graph_edge(g, i)->target == t) found = all[i];
    free(all);
    assert_true(found >= 0);
    return found;
}

static double total_of(const cg_graph *g, cg_traversal_weight w) {
    double *all = calloc(cg_graph_edge_count(g) + 1, sizeof *all), total = -1;
    assert_non_null(all);
    assert_int_equal(cg_graph_traversal_weights(g, w, all, &total, NULL), CG_OK);
    free(all);
    return total;
}

/* Asserts that path p goes through the documents k[0..n), oldest first. */
static void assert_path(const cg_graph *g, const cg_mainpath_path *p, const int *k, size_t n) {
    assert_int_equal(p->nsteps, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(p->steps[i].node, node_of(g, k[i]));
}

static void run(const cg_graph *g, cg_traversal_weight w, cg_mainpath_method m, size_t top,
                cg_mainpath_result *r) {
    cg_mainpath_options o = {w, m, top};
    cg_error err;
    assert_int_equal(cg_graph_mainpath(g, &o, r, &err), CG_OK);
}

/* 4 cites 2 and 3, which cite 1: the flow 1 -> 2 -> 4 and 1 -> 3 -> 4. */
static const citation diamond[] = {{2, 1}, {3, 1}, {4, 2}, {4, 3}};

static void test_diamond(void **state) {
    (void)state;
    cg_graph *g = build(diamond, 4);
    /* SPC: one source-sink path through each arc, two in all */
    assert_true(weight_of(g, CG_SPC, 2, 1) == 1 && weight_of(g, CG_SPC, 4, 3) == 1);
    assert_true(total_of(g, CG_SPC) == 2);
    /* SPLC: from 1 (1 start) or from 2 itself (2 starts) to the sink 4 */
    assert_true(weight_of(g, CG_SPLC, 2, 1) == 1);
    assert_true(weight_of(g, CG_SPLC, 4, 2) == 2);
    assert_true(total_of(g, CG_SPLC) == 5); /* 1: 2 paths, 2: 1, 3: 1, 4: 1 */
    /* SPNP: 1 -> 2 is on 1-2 and 1-2-4; 2 -> 4 on 2-4 and 1-2-4 */
    assert_true(weight_of(g, CG_SPNP, 2, 1) == 2);
    assert_true(weight_of(g, CG_SPNP, 4, 2) == 2);
    assert_true(total_of(g, CG_SPNP) == 10); /* from 1: 5 paths, 2: 2, 3: 2, 4: 1 */
    /* the two paths tie: the one through 2, first in id order */
    cg_mainpath_result r;
    static const int via2[] = {1, 2, 4};
    for (int m = CG_MAINPATH_GLOBAL; m <= CG_MAINPATH_BACKWARD; m++) {
        run(g, CG_SPC, (cg_mainpath_method)m, 0, &r);
        assert_int_equal(r.npaths, 1);
        assert_path(g, &r.paths[0], via2, 3);
        assert_true(r.paths[0].sum == 2);
        assert_int_equal(r.units, 4);
        assert_int_equal(r.arcs, 4);
        assert_int_equal(r.sources, 1);
        assert_int_equal(r.sinks, 1);
        cg_mainpath_result_release(&r);
    }
    cg_graph_free(g);
}

/* The chain 1 <- 2 <- 3 <- 4 (4 cites 3 ...), given in another order. */
static const citation chain[] = {{3, 2}, {4, 3}, {2, 1}};

static void test_chain(void **state) {
    (void)state;
    cg_graph *g = build(chain, 3);
    assert_true(weight_of(g, CG_SPC, 2, 1) == 1 && weight_of(g, CG_SPC, 4, 3) == 1);
    /* SPLC grows with the starts before the arc: 1, 2, 3 */
    assert_true(weight_of(g, CG_SPLC, 2, 1) == 1);
    assert_true(weight_of(g, CG_SPLC, 3, 2) == 2);
    assert_true(weight_of(g, CG_SPLC, 4, 3) == 3);
    /* SPNP: starts before times ends after: 1*3, 2*2, 3*1 */
    assert_true(weight_of(g, CG_SPNP, 2, 1) == 3);
    assert_true(weight_of(g, CG_SPNP, 3, 2) == 4);
    assert_true(weight_of(g, CG_SPNP, 4, 3) == 3);
    cg_mainpath_result r;
    static const int all[] = {1, 2, 3, 4};
    /* key-route by SPNP: the heaviest arc is 2 -> 3, the third step */
    run(g, CG_SPNP, CG_MAINPATH_KEY_ROUTE, 2, &r);
    assert_int_equal(r.npaths, 2);
    assert_path(g, &r.paths[0], all, 4);
    assert_int_equal(r.paths[0].key, 2);
    assert_true(r.paths[0].steps[2].weight == 4);
    assert_true(r.paths[0].sum == 10);
    assert_true(r.max_weight == 4);
    /* the second heaviest: 1 -> 2 and 3 -> 4 tie at 3; 1 -> 2 comes first */
    assert_int_equal(r.paths[1].key, 1);
    cg_mainpath_result_release(&r);
    run(g, CG_SPLC, CG_MAINPATH_KEY_ROUTE, 0, &r); /* top 0: one key arc */
    assert_int_equal(r.npaths, 1);
    assert_int_equal(r.paths[0].key, 3);
    cg_mainpath_result_release(&r);
    run(g, CG_SPC, CG_MAINPATH_KEY_ROUTE, SIZE_MAX, &r); /* more than there are: all */
    assert_int_equal(r.npaths, 3);
    cg_mainpath_result_release(&r);
    /* the DOT of the path: oldest first, arcs labelled */
    run(g, CG_SPLC, CG_MAINPATH_GLOBAL, 0, &r);
    cg_buf dot = CG_BUF_INIT;
    assert_int_equal(cg_mainpath_write_dot(g, &r, CG_SPLC, &dot, NULL), CG_OK);
    char arc[96];
    snprintf(arc, sizeof arc, "n%zu -> n%zu [label=\"splc 3\\n0.7500\"]", node_of(g, 3),
             node_of(g, 4));
    assert_non_null(strstr(dot.data, arc));
    assert_non_null(strstr(dot.data, "digraph mainpath {"));
    cg_buf_release(&dot);
    cg_mainpath_result_release(&r);
    cg_graph_free(g);
}

/* 2 and 3 cite each other (a cycle), 2 cites 1, 4 cites 3, 5 cites itself and 4. */
static const citation cyclic[] = {{2, 1}, {2, 3}, {3, 2}, {4, 3}, {5, 4}, {5, 5}};

static void test_cycle_and_self_citation(void **state) {
    (void)state;
    cg_graph *g = build(cyclic, 6);
    cg_mainpath_result r;
    run(g, CG_SPC, CG_MAINPATH_GLOBAL, 0, &r);
    /* 2 and 3 are one unit, named by 2, between 1 and 4 */
    assert_int_equal(r.ncycles, 1);
    assert_int_equal(r.cycles[0].nmembers, 2);
    assert_int_equal(r.cycles[0].members[0], node_of(g, 2));
    assert_int_equal(r.cycles[0].members[1], node_of(g, 3));
    assert_int_equal(r.nself_citing, 1);
    assert_int_equal(r.self_citing[0], node_of(g, 5));
    assert_int_equal(r.units, 4);
    assert_int_equal(r.arcs, 3);
    assert_int_equal(r.npaths, 1);
    static const int through[] = {1, 2, 4, 5};
    assert_path(g, &r.paths[0], through, 4);
    assert_int_equal(r.paths[0].steps[1].cycle, 1);
    assert_int_equal(r.paths[0].steps[0].cycle, 0);
    cg_mainpath_result_release(&r);
    /* the citations inside the cycle and of itself weigh nothing; into and out of it, 1 */
    assert_true(weight_of(g, CG_SPC, 2, 3) == 0);
    assert_true(weight_of(g, CG_SPC, 3, 2) == 0);
    assert_true(weight_of(g, CG_SPC, 5, 5) == 0);
    assert_true(weight_of(g, CG_SPC, 2, 1) == 1);
    assert_true(weight_of(g, CG_SPC, 4, 3) == 1);
    cg_graph_free(g);
}

/* Forward and backward part where the heaviest arcs lie at different ends:
 * 3 cites 1 and 2; 4 and 5 cite 3; 6 cites 5. SPC: 1->3 2, 2->3 2,
 * 3->4 2, 3->5 2, 5->6 2: all tie, so the first in id order everywhere. With
 * SPLC the arcs out of 3 weigh 3 each (1, 2, 3 start), 5->6 weighs 4 (and 5). */
static const citation fork[] = {{3, 1}, {3, 2}, {4, 3}, {5, 3}, {6, 5}};

static void test_forward_backward(void **state) {
    (void)state;
    cg_graph *g = build(fork, 5);
    assert_true(weight_of(g, CG_SPLC, 6, 5) == 4);
    assert_true(weight_of(g, CG_SPLC, 4, 3) == 3);
    cg_mainpath_result r;
    /* forward: from the source 1 (tie with 2), at 3 the first of equal arcs: 4 */
    run(g, CG_SPLC, CG_MAINPATH_FORWARD, 0, &r);
    static const int fwd[] = {1, 3, 4};
    assert_path(g, &r.paths[0], fwd, 3);
    cg_mainpath_result_release(&r);
    /* backward: from the heaviest arc into a sink, 5 -> 6, back to 1 */
    run(g, CG_SPLC, CG_MAINPATH_BACKWARD, 0, &r);
    static const int bwd[] = {1, 3, 5, 6};
    assert_path(g, &r.paths[0], bwd, 4);
    cg_mainpath_result_release(&r);
    /* global: the largest sum, 2+3+4 = 9 through 5 and 6 against 2+3 = 5 through 4 */
    run(g, CG_SPLC, CG_MAINPATH_GLOBAL, 0, &r);
    assert_path(g, &r.paths[0], bwd, 4);
    assert_true(r.paths[0].sum == 9);
    cg_mainpath_result_release(&r);
    cg_graph_free(g);
}

static void test_empty_and_errors(void **state) {
    (void)state;
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    cg_mainpath_options o = {CG_SPC, CG_MAINPATH_GLOBAL, 0};
    cg_mainpath_result r;
    double w[1];
    assert_int_equal(cg_graph_mainpath(g, &o, &r, &err), CG_EINVAL); /* not finished */
    assert_int_equal(cg_graph_traversal_weights(g, CG_SPC, w, NULL, &err), CG_EINVAL);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    assert_int_equal(cg_graph_mainpath(g, &o, &r, &err), CG_OK);
    assert_int_equal(r.npaths, 0);
    assert_int_equal(r.units, 0);
    assert_true(r.total == 0);
    cg_mainpath_result_release(&r);
    o.method = (cg_mainpath_method)9;
    assert_int_equal(cg_graph_mainpath(g, &o, &r, &err), CG_EINVAL);
    o.method = CG_MAINPATH_GLOBAL;
    o.weight = (cg_traversal_weight)7;
    assert_int_equal(cg_graph_mainpath(g, &o, &r, &err), CG_EINVAL);
    assert_int_equal(cg_graph_traversal_weights(g, (cg_traversal_weight)7, w, NULL, &err),
                     CG_EINVAL);
    cg_mainpath_result_release(NULL);
    cg_graph_free(g);
    assert_string_equal(cg_traversal_weight_name(CG_SPNP), "spnp");
    assert_string_equal(cg_mainpath_method_name(CG_MAINPATH_KEY_ROUTE), "key-route");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diamond),
        cmocka_unit_test(test_chain),
        cmocka_unit_test(test_cycle_and_self_citation),
        cmocka_unit_test(test_forward_backward),
        cmocka_unit_test(test_empty_and_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
