/* test_similar.c - co-citation and bibliographic coupling (citegraph/similar.h)
 * against igraph's igraph_cocitation() and igraph_bibcoupling(), computed
 * here on the same edges (the graph's citation edges, self-citations left
 * out) for random graphs with fixed seeds; and hand-made graphs with
 * answers worked out by hand: cosines, a hub, self-citation, questions
 * folded into their documents, ties, --min-shared, the pairs' order.
 *
 * The graphs are JSON Lines as `citegraph extract` writes them, read with
 * cg_jsonl_read() as the graph command reads them. */
#include <igraph.h>
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
#include "citegraph/graph.h"
#include "citegraph/similar.h"

/* ---- JSON Lines, written here ---- */

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void text_printf(text *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(n >= 0);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* Document BT-Drs. 21/d, read (a document line). */
static void doc_line(text *t, unsigned d) {
    text_printf(t,
                "{\"type\":\"document\",\"file\":\"d%u.txt\",\"doc\":\"BT-Drs. 21/%u\","
                "\"issuer\":\"BT\"}\n",
                d, d);
}

/* Document 21/from cites 21/to (Frage q when q > 0). */
static void ref_line(text *t, unsigned from, unsigned to, unsigned q) {
    char loc[32] = "null";
    if (q) snprintf(loc, sizeof loc, "\"Frage %u\"", q);
    text_printf(t,
                "{\"type\":\"reference\",\"file\":\"d%u.txt\",\"doc\":\"BT-Drs. 21/%u\","
                "\"line\":%u,\"col\":1,\"kind\":\"bt_drucksache\",\"target\":\"BT-Drs. 21/%u\","
                "\"locator\":%s,\"relation\":\"cites\",\"resolves_to\":null}\n",
                from, from, to + 1, to, loc);
}

static int add_document(void *ctx, const char *file, const cg_extraction *ext,
                        bool has_document_line) {
    cg_graph *g = ctx;
    cg_status st = has_document_line ? cg_graph_add_extraction(g, file, ext, NULL)
                                     : cg_graph_add_references(g, file, ext, NULL);
    return st != CG_OK;
}

static cg_graph *build(const text *t, bool questions) {
    cg_graph_options o = {.questions = questions};
    cg_graph *g = NULL;
    cg_error err;
    assert_int_equal(cg_graph_new(&o, &g, &err), CG_OK);
    assert_int_equal(cg_jsonl_read("test.jsonl", t->s, t->len, 1, add_document, g, &err), CG_OK);
    assert_int_equal(cg_graph_finish(g, &err), CG_OK);
    return g;
}

static size_t node_of(const cg_graph *g, const char *id) {
    size_t node = SIZE_MAX;
    bool found = false;
    assert_int_equal(cg_graph_find(g, NULL, id, &found, &node, NULL), CG_OK);
    assert_true(found);
    return node;
}

static size_t doc_node(const cg_graph *g, unsigned d) {
    char id[32];
    snprintf(id, sizeof id, "BT-Drs. 21/%u", d);
    return node_of(g, id);
}

/* ---- the answers of igraph ---- */

/* The document of node v: a question's parent, else v. */
static size_t document_of(const cg_graph *g, size_t v) {
    const cg_node *n = cg_graph_node(g, v);
    return n->parent != SIZE_MAX ? n->parent : v;
}

/* igraph's graph of the graph's citation edges between documents, each
 * pair once, without self-citations: what similar.h says the measures see. */
static void to_igraph(const cg_graph *g, igraph_t *ig) {
    size_t n = cg_graph_node_count(g);
    unsigned char *seen = calloc(n * n, 1); /* small graphs only */
    assert_non_null(seen);
    igraph_vector_int_t ev;
    assert_int_equal(igraph_vector_int_init(&ev, 0), IGRAPH_SUCCESS);
    for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (e->relation == CG_EDGE_PART_OF) continue;
        size_t s = document_of(g, e->source), t = document_of(g, e->target);
        if (s == t || seen[s * n + t]) continue;
        seen[s * n + t] = 1;
        assert_int_equal(igraph_vector_int_push_back(&ev, (igraph_integer_t)s), IGRAPH_SUCCESS);
        assert_int_equal(igraph_vector_int_push_back(&ev, (igraph_integer_t)t), IGRAPH_SUCCESS);
    }
    assert_int_equal(igraph_create(ig, &ev, (igraph_integer_t)n, IGRAPH_DIRECTED), IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&ev);
    free(seen);
}

typedef struct pairs_seen {
    cg_similar_pair *p;
    size_t n, cap;
} pairs_seen;

static int collect(void *ctx, const cg_similar_pair *p) {
    pairs_seen *ps = ctx;
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 64;
        ps->p = realloc(ps->p, ps->cap * sizeof *ps->p);
        assert_non_null(ps->p);
    }
    ps->p[ps->n++] = *p;
    return 0;
}

/* Every answer of the graph against igraph's matrix: for each document, the
 * list of cg_graph_similar() (counts, cosines, order, evidence, total), and
 * the pairs of cg_graph_similar_pairs(). */
static void check_against_igraph(const cg_graph *g) {
    igraph_t ig;
    to_igraph(g, &ig);
    size_t n = cg_graph_node_count(g);
    igraph_matrix_t cocit, coupl;
    igraph_vector_int_t indeg, outdeg;
    assert_int_equal(igraph_matrix_init(&cocit, 0, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_matrix_init(&coupl, 0, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&indeg, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&outdeg, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_cocitation(&ig, &cocit, igraph_vss_all()), IGRAPH_SUCCESS);
    assert_int_equal(igraph_bibcoupling(&ig, &coupl, igraph_vss_all()), IGRAPH_SUCCESS);
    assert_int_equal(igraph_degree(&ig, &indeg, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS),
                     IGRAPH_SUCCESS);
    assert_int_equal(igraph_degree(&ig, &outdeg, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS),
                     IGRAPH_SUCCESS);
    const cg_similar_measure ms[2] = {CG_SIMILAR_COCITATION, CG_SIMILAR_COUPLING};
    for (int m = 0; m < 2; m++) {
        igraph_matrix_t *mat = m == 0 ? &cocit : &coupl;
        igraph_vector_int_t *deg = m == 0 ? &indeg : &outdeg;
        for (size_t a = 0; a < n; a++) {
            if (cg_graph_node(g, a)->kind == CG_NODE_QUESTION) continue;
            cg_similar_list l;
            assert_int_equal(cg_graph_similar(g, a, ms[m], SIZE_MAX, SIZE_MAX, &l, NULL), CG_OK);
            assert_int_equal(l.node, a);
            assert_int_equal(l.degree, (size_t)VECTOR(*deg)[a]);
            size_t expected_total = 0;
            for (size_t b = 0; b < n; b++)
                expected_total += b != a && MATRIX(*mat, a, b) > 0;
            assert_int_equal(l.total, expected_total);
            assert_int_equal(l.ndocs, expected_total);
            for (size_t i = 0; i < l.ndocs; i++) {
                const cg_similar_doc *d = &l.docs[i];
                assert_int_equal(d->shared, (size_t)MATRIX(*mat, a, d->node));
                assert_int_equal(d->degree, (size_t)VECTOR(*deg)[d->node]);
                double cosine = (double)d->shared /
                                sqrt((double)VECTOR(*deg)[a] * (double)VECTOR(*deg)[d->node]);
                assert_true(fabs(d->cosine - cosine) < 1e-12);
                assert_int_equal(d->nevidence, d->shared);
                /* the evidence: in node order, each shared by both */
                for (size_t k = 0; k < d->nevidence; k++) {
                    size_t x = l.evidence[d->evidence_begin + k];
                    if (k) assert_true(l.evidence[d->evidence_begin + k - 1] < x);
                    igraph_integer_t e1, e2;
                    bool out = ms[m] == CG_SIMILAR_COUPLING;
                    igraph_integer_t from1 = (igraph_integer_t)(out ? a : x),
                                     to1 = (igraph_integer_t)(out ? x : a),
                                     from2 = (igraph_integer_t)(out ? d->node : x),
                                     to2 = (igraph_integer_t)(out ? x : d->node);
                    igraph_get_eid(&ig, &e1, from1, to1, IGRAPH_DIRECTED, false);
                    igraph_get_eid(&ig, &e2, from2, to2, IGRAPH_DIRECTED, false);
                    assert_true(e1 >= 0 && e2 >= 0);
                }
                if (i) {
                    /* sorted: cosine down, shared down, node up */
                    const cg_similar_doc *p = &l.docs[i - 1];
                    assert_true(p->cosine >= d->cosine - 1e-12);
                    if (fabs(p->cosine - d->cosine) < 1e-12 && p->shared == d->shared)
                        assert_true(p->node < d->node);
                }
            }
            cg_similar_list_release(&l);
        }
    }
    /* the pairs: every pair with a shared document, once, in order */
    pairs_seen ps = {0};
    assert_int_equal(cg_graph_similar_pairs(g, CG_SIMILAR_BOTH, 1, collect, &ps, NULL), CG_OK);
    size_t expected = 0;
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            expected += (MATRIX(cocit, a, b) > 0) + (MATRIX(coupl, a, b) > 0);
    assert_int_equal(ps.n, expected);
    for (size_t i = 0; i < ps.n; i++) {
        const cg_similar_pair *p = &ps.p[i];
        assert_true(p->a < p->b);
        igraph_matrix_t *mat = p->measure == CG_SIMILAR_COCITATION ? &cocit : &coupl;
        igraph_vector_int_t *deg = p->measure == CG_SIMILAR_COCITATION ? &indeg : &outdeg;
        assert_int_equal(p->shared, (size_t)MATRIX(*mat, p->a, p->b));
        double cosine =
            (double)p->shared / sqrt((double)VECTOR(*deg)[p->a] * (double)VECTOR(*deg)[p->b]);
        assert_true(fabs(p->cosine - cosine) < 1e-12);
        if (i) {
            const cg_similar_pair *q = &ps.p[i - 1];
            assert_true(q->a < p->a || (q->a == p->a && q->b < p->b) ||
                        (q->a == p->a && q->b == p->b && q->measure == CG_SIMILAR_COCITATION &&
                         p->measure == CG_SIMILAR_COUPLING));
        }
    }
    free(ps.p);
    igraph_vector_int_destroy(&indeg);
    igraph_vector_int_destroy(&outdeg);
    igraph_matrix_destroy(&cocit);
    igraph_matrix_destroy(&coupl);
    igraph_destroy(&ig);
}

static unsigned next_rand(unsigned *seed) {
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

/* Random graphs, fixed seeds: 30 documents read, 15 only cited; each read
 * document cites up to 9 others, itself sometimes, with or without
 * questions. */
static void test_random_against_igraph(void **state) {
    (void)state;
    for (unsigned seed = 1; seed <= 40; seed++) {
        unsigned r = seed;
        bool questions = seed % 2 == 0;
        text t = {0};
        for (unsigned d = 1; d <= 30; d++) {
            doc_line(&t, d);
            unsigned k = next_rand(&r) % 10;
            for (unsigned i = 0; i < k; i++) {
                unsigned to = 1 + next_rand(&r) % 45;
                unsigned q = questions ? next_rand(&r) % 3 : 0;
                ref_line(&t, d, to, q);
            }
        }
        cg_graph *g = build(&t, questions);
        check_against_igraph(g);
        cg_graph_free(g);
        free(t.s);
    }
}

/* A hub: 21/1 is cited by 21/2 .. 21/21, each of which also cites 21/50
 * and one document of its own (21/100 + i). */
static void test_hub(void **state) {
    (void)state;
    text t = {0};
    for (unsigned d = 2; d <= 21; d++) {
        doc_line(&t, d);
        ref_line(&t, d, 1, 0);
        ref_line(&t, d, 50, 0);
        ref_line(&t, d, 100 + d, 0);
    }
    cg_graph *g = build(&t, false);
    check_against_igraph(g);
    cg_similar_list l;
    /* co-cited with 21/1: 21/50 by all 20 (cosine 1), each 21/1xx by one */
    assert_int_equal(cg_graph_similar(g, doc_node(g, 1), CG_SIMILAR_COCITATION, 3, 2, &l, NULL),
                     CG_OK);
    assert_int_equal(l.degree, 20);
    assert_int_equal(l.total, 21);
    assert_int_equal(l.ndocs, 3);
    assert_int_equal(l.docs[0].node, doc_node(g, 50));
    assert_int_equal(l.docs[0].shared, 20);
    assert_true(fabs(l.docs[0].cosine - 1.0) < 1e-15);
    assert_int_equal(l.docs[0].nevidence, 2);         /* capped */
    assert_int_equal(l.evidence[0], doc_node(g, 10)); /* node order: "21/10" < "21/11" < "21/2" */
    assert_int_equal(l.evidence[1], doc_node(g, 11));
    /* 1 / sqrt(20 * 1), then by node: 21/102 before 21/103 */
    assert_int_equal(l.docs[1].node, doc_node(g, 102));
    assert_true(fabs(l.docs[1].cosine - 1.0 / sqrt(20.0)) < 1e-15);
    assert_int_equal(l.docs[2].node, doc_node(g, 103));
    cg_similar_list_release(&l);
    /* coupling: every citing document with each other, 2 shared of 3 */
    assert_int_equal(
        cg_graph_similar(g, doc_node(g, 2), CG_SIMILAR_COUPLING, SIZE_MAX, SIZE_MAX, &l, NULL),
        CG_OK);
    assert_int_equal(l.total, 19);
    for (size_t i = 0; i < l.ndocs; i++) {
        assert_int_equal(l.docs[i].shared, 2);
        assert_true(fabs(l.docs[i].cosine - 2.0 / 3.0) < 1e-15);
    }
    cg_similar_list_release(&l);
    /* pairs: 20 * 19 / 2 coupled pairs, 21 co-cited pairs with 21/1 and 21/50 and 20 more
     * (21/1 with each 21/1xx, 21/50 with each); --min-shared 2 keeps the coupled pairs and
     * the one co-cited pair 21/1, 21/50 */
    pairs_seen ps = {0};
    assert_int_equal(cg_graph_similar_pairs(g, CG_SIMILAR_COUPLING, 1, collect, &ps, NULL), CG_OK);
    assert_int_equal(ps.n, 190);
    ps.n = 0;
    assert_int_equal(cg_graph_similar_pairs(g, CG_SIMILAR_COCITATION, 1, collect, &ps, NULL),
                     CG_OK);
    assert_int_equal(ps.n, 41);
    ps.n = 0;
    assert_int_equal(cg_graph_similar_pairs(g, CG_SIMILAR_BOTH, 2, collect, &ps, NULL), CG_OK);
    assert_int_equal(ps.n, 191);
    assert_int_equal(ps.p[0].measure, CG_SIMILAR_COCITATION); /* 21/1 < 21/10 < ... */
    assert_int_equal(ps.p[0].a, doc_node(g, 1));
    assert_int_equal(ps.p[0].b, doc_node(g, 50));
    assert_int_equal(ps.p[0].shared, 20);
    free(ps.p);
    cg_graph_free(g);
    free(t.s);
}

/* Self-citation is left out: 21/1 cites itself and 21/2, 21/3 cites 21/1
 * and 21/2. Co-cited 21/1 and 21/2: by 21/3 only, not by 21/1. */
static void test_self_citation(void **state) {
    (void)state;
    text t = {0};
    doc_line(&t, 1);
    ref_line(&t, 1, 1, 0);
    ref_line(&t, 1, 2, 0);
    doc_line(&t, 3);
    ref_line(&t, 3, 1, 0);
    ref_line(&t, 3, 2, 0);
    cg_graph *g = build(&t, false);
    check_against_igraph(g);
    cg_similar_list l;
    assert_int_equal(
        cg_graph_similar(g, doc_node(g, 2), CG_SIMILAR_COCITATION, SIZE_MAX, SIZE_MAX, &l, NULL),
        CG_OK);
    assert_int_equal(l.degree, 2); /* 21/2 is cited by 21/1 and 21/3 */
    assert_int_equal(l.ndocs, 1);
    assert_int_equal(l.docs[0].node, doc_node(g, 1));
    assert_int_equal(l.docs[0].shared, 1);
    assert_int_equal(l.docs[0].degree, 1); /* 21/1 is cited by 21/3: its own citation is left out */
    assert_true(fabs(l.docs[0].cosine - 1.0 / sqrt(2.0)) < 1e-15);
    assert_int_equal(l.evidence[0], doc_node(g, 3));
    cg_similar_list_release(&l);
    /* coupling of 21/1 and 21/3: both cite 21/2 (21/1's citation of itself is left out) */
    assert_int_equal(
        cg_graph_similar(g, doc_node(g, 1), CG_SIMILAR_COUPLING, SIZE_MAX, SIZE_MAX, &l, NULL),
        CG_OK);
    assert_int_equal(l.degree, 1);
    assert_int_equal(l.ndocs, 1);
    assert_int_equal(l.docs[0].node, doc_node(g, 3));
    assert_int_equal(l.docs[0].shared, 1);
    assert_true(fabs(l.docs[0].cosine - 1.0 / sqrt(2.0)) < 1e-15);
    cg_similar_list_release(&l);
    cg_graph_free(g);
    free(t.s);
}

/* Questions fold into their documents: 21/1 cites Fragen 1 and 2 of 21/5
 * and 21/6; 21/2 cites Frage 3 of 21/5 and 21/6; 21/3 cites 21/5 and
 * Frage 1 of 21/5. */
static void test_questions_fold(void **state) {
    (void)state;
    text t = {0};
    doc_line(&t, 1);
    ref_line(&t, 1, 5, 1);
    ref_line(&t, 1, 5, 2);
    ref_line(&t, 1, 6, 0);
    doc_line(&t, 2);
    ref_line(&t, 2, 5, 3);
    ref_line(&t, 2, 6, 0);
    doc_line(&t, 3);
    ref_line(&t, 3, 5, 0);
    ref_line(&t, 3, 5, 1);
    cg_graph *g = build(&t, true);
    assert_true(cg_graph_node(g, node_of(g, "BT-Drs. 21/5#Frage 1"))->kind == CG_NODE_QUESTION);
    check_against_igraph(g);
    cg_similar_list l;
    /* asked about a question: answered for its document */
    assert_int_equal(cg_graph_similar(g, node_of(g, "BT-Drs. 21/5#Frage 2"), CG_SIMILAR_COUPLING,
                                      SIZE_MAX, SIZE_MAX, &l, NULL),
                     CG_OK);
    assert_int_equal(l.node, doc_node(g, 5));
    assert_int_equal(l.ndocs, 0); /* 21/5 cites nothing */
    cg_similar_list_release(&l);
    /* 21/1 and 21/2 share two documents, 21/5 (three questions) and 21/6: cosine 1 */
    assert_int_equal(
        cg_graph_similar(g, doc_node(g, 1), CG_SIMILAR_COUPLING, SIZE_MAX, SIZE_MAX, &l, NULL),
        CG_OK);
    assert_int_equal(l.degree, 2);
    assert_int_equal(l.ndocs, 2);
    assert_int_equal(l.docs[0].node, doc_node(g, 2));
    assert_int_equal(l.docs[0].shared, 2);
    assert_true(fabs(l.docs[0].cosine - 1.0) < 1e-15);
    assert_int_equal(l.evidence[l.docs[0].evidence_begin], doc_node(g, 5));
    assert_int_equal(l.evidence[l.docs[0].evidence_begin + 1], doc_node(g, 6));
    /* 21/3 cites 21/5 once (twice spelled): 1 / sqrt(2 * 1) */
    assert_int_equal(l.docs[1].node, doc_node(g, 3));
    assert_int_equal(l.docs[1].degree, 1);
    assert_true(fabs(l.docs[1].cosine - 1.0 / sqrt(2.0)) < 1e-15);
    cg_similar_list_release(&l);
    /* no question node is ever in a list or a pair */
    pairs_seen ps = {0};
    assert_int_equal(cg_graph_similar_pairs(g, CG_SIMILAR_BOTH, 1, collect, &ps, NULL), CG_OK);
    for (size_t i = 0; i < ps.n; i++) {
        assert_true(cg_graph_node(g, ps.p[i].a)->kind != CG_NODE_QUESTION);
        assert_true(cg_graph_node(g, ps.p[i].b)->kind != CG_NODE_QUESTION);
    }
    free(ps.p);
    cg_graph_free(g);
    free(t.s);
}

/* Cosines equal as fractions go by the count: 21/1 cites 21/11 .. 21/13;
 * 21/2 cites 21/11 (1 shared, degree 1: 1 / sqrt 3); 21/3 cites 21/11 ..
 * 21/13 and six others (3 shared, degree 9: 3 / sqrt 27 = 1 / sqrt 3). In
 * doubles the first is 0.5773502691896258, the second 0.5773502691896257:
 * compared as doubles 21/2 would come first, but 21/3 must. Then a
 * hand-computed cosine: 21/4 cites 21/11, 21/12 (2 / sqrt 6). */
static void test_ties_and_cosines(void **state) {
    (void)state;
    text t = {0};
    doc_line(&t, 1);
    for (unsigned k = 11; k <= 13; k++)
        ref_line(&t, 1, k, 0);
    doc_line(&t, 2);
    ref_line(&t, 2, 11, 0);
    doc_line(&t, 3);
    for (unsigned k = 11; k <= 13; k++)
        ref_line(&t, 3, k, 0);
    for (unsigned k = 31; k <= 36; k++)
        ref_line(&t, 3, k, 0);
    doc_line(&t, 4);
    ref_line(&t, 4, 11, 0);
    ref_line(&t, 4, 12, 0);
    cg_graph *g = build(&t, false);
    check_against_igraph(g);
    cg_similar_list l;
    assert_int_equal(
        cg_graph_similar(g, doc_node(g, 1), CG_SIMILAR_COUPLING, SIZE_MAX, SIZE_MAX, &l, NULL),
        CG_OK);
    assert_int_equal(l.ndocs, 3);
    assert_int_equal(l.docs[0].node, doc_node(g, 4)); /* 2 / sqrt 6 = 0.816 */
    assert_true(fabs(l.docs[0].cosine - 0.81649658092772603) < 1e-15);
    assert_int_equal(l.docs[1].node, doc_node(g, 3)); /* 0.577, 3 shared */
    assert_int_equal(l.docs[2].node, doc_node(g, 2)); /* 0.577, 1 shared */
    assert_true(l.docs[2].cosine > l.docs[1].cosine); /* in doubles: the reason for the test */
    cg_similar_list_release(&l);
    cg_graph_free(g);
    free(t.s);
}

static void test_errors(void **state) {
    (void)state;
    text t = {0};
    doc_line(&t, 1);
    ref_line(&t, 1, 2, 0);
    cg_graph *g = NULL;
    cg_error err;
    cg_similar_list l;
    assert_int_equal(cg_graph_new(NULL, &g, &err), CG_OK);
    assert_int_equal(cg_graph_similar(g, 0, CG_SIMILAR_COUPLING, 1, 1, &l, &err), CG_EINVAL);
    assert_int_equal(cg_graph_similar_pairs(g, CG_SIMILAR_BOTH, 1, collect, NULL, &err), CG_EINVAL);
    cg_graph_free(g);
    g = build(&t, false);
    assert_int_equal(cg_graph_similar(g, 99, CG_SIMILAR_COUPLING, 1, 1, &l, &err), CG_EINVAL);
    assert_int_equal(cg_graph_similar(g, 0, CG_SIMILAR_BOTH, 1, 1, &l, &err), CG_EINVAL);
    assert_null(l.docs);
    assert_int_equal(cg_graph_similar_pairs(g, 0, 1, collect, NULL, &err), CG_EINVAL);
    cg_similar_list_release(&l);
    cg_similar_list_release(NULL);
    assert_string_equal(cg_similar_measure_name(CG_SIMILAR_COCITATION), "cocitation");
    assert_string_equal(cg_similar_measure_name(CG_SIMILAR_COUPLING), "coupling");
    cg_graph_free(g);
    free(t.s);
}

static int stop_at_first(void *ctx, const cg_similar_pair *p) {
    (void)p;
    ++*(size_t *)ctx;
    return 1;
}

static void test_stop(void **state) {
    (void)state;
    text t = {0};
    for (unsigned d = 1; d <= 3; d++) {
        doc_line(&t, d);
        ref_line(&t, d, 9, 0);
    }
    cg_graph *g = build(&t, false);
    size_t calls = 0;
    cg_error err;
    assert_int_equal(cg_graph_similar_pairs(g, CG_SIMILAR_COUPLING, 1, stop_at_first, &calls, &err),
                     CG_EINVAL);
    assert_int_equal(calls, 1);
    cg_graph_free(g);
    free(t.s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_against_igraph),
        cmocka_unit_test(test_hub),
        cmocka_unit_test(test_self_citation),
        cmocka_unit_test(test_questions_fold),
        cmocka_unit_test(test_ties_and_cosines),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
