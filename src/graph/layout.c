/* layout.c - node positions for the HTML explorer, computed here with
 * igraph so that the browser does no layout work when a page opens.
 *
 * Fruchterman-Reingold with igraph's grid: on the 2,950 documents of WP 21
 * (6,265 nodes, 7,336 edges) 0.45 s for 500 iterations, where DrL took
 * 14.7 s; on 100,000 nodes and 300,000 edges 5 s for 100 iterations. The
 * time layout puts each node's x at its date, keeps the force layout's y,
 * and lets a short run with x held (igraph's minx = maxx) move apart what
 * stands together; undated nodes in a band of their own. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

/* Iterations: 500 up to 10,000 nodes, then fewer as the graph grows, so
 * that 100,000 nodes take seconds (100), never fewer than 100. */
static igraph_integer_t iterations(size_t n) {
    if (n <= 10000) return 500;
    size_t it = 500 * 10000 / n;
    return (igraph_integer_t)(it < 100 ? 100 : it);
}

/* The width of the time axis: that of igraph's grid for n nodes (a square
 * of sqrt(n)), so that the time layout's second run places nodes inside the
 * grid; a point outside it falls into a border cell, where nodes crowd and
 * repulsion grows with the square of their number. */
static double axis_width(size_t n) {
    double w = sqrt((double)(n ? n : 1));
    return w < 2.0 ? 2.0 : w;
}

/* A node's date: its own, or a question's its document's. */
static const char *date_of(const cg_graph *g, const cg_node *n) {
    if (!n->date && n->kind == CG_NODE_QUESTION && n->parent != SIZE_MAX)
        return g->nodes[n->parent].date;
    return n->date;
}

/* The time axis of the kept nodes: their day numbers (LONG_MIN: no date),
 * the first and last day, and where they stand. */
typedef struct days {
    long *day;
    long lo, hi;  /* LONG_MAX, LONG_MIN when no node has a date */
    double width; /* of the whole layout */
    double band;  /* of the undated nodes' band */
} days;

static void time_axis(const cg_graph *g, const size_t *nodes, size_t n, days *d,
                      cg_time_axis *axis) {
    d->lo = LONG_MAX;
    d->hi = LONG_MIN;
    const char *first = NULL, *last = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *date = date_of(g, &g->nodes[nodes[i]]);
        d->day[i] = cgu_iso_day_number(date);
        if (d->day[i] == LONG_MIN) continue;
        if (d->day[i] < d->lo) d->lo = d->day[i], first = date;
        if (d->day[i] > d->hi) d->hi = d->day[i], last = date;
    }
    /* all inside igraph's grid, [-w/2, w/2]: the dates on the right 85 %,
     * the undated band (a tenth of the axis wide) at the left edge, a gap
     * between them */
    double w = d->width = axis_width(n), span = 0.85 * w;
    d->band = span / 10;
    *axis = (cg_time_axis){.x_from = w / 2 - span, .x_to = w / 2};
    axis->x_undated = axis->x_from - 0.05 * w - d->band / 2;
    if (first) {
        memcpy(axis->from, first, 10);
        memcpy(axis->to, last, 10);
        if (d->lo == d->hi) /* one day: one column */
            axis->x_from = axis->x_to = (axis->x_from + axis->x_to) / 2;
    }
}

static double date_x(const cg_time_axis *axis, const days *d, long day) {
    if (day == LONG_MIN) return axis->x_undated;
    if (d->hi == d->lo) return axis->x_from;
    return axis->x_from +
           (axis->x_to - axis->x_from) * (double)(day - d->lo) / (double)(d->hi - d->lo);
}

cg_status cg_graph_layout(const cg_graph *g, const unsigned char *keep, cg_layout_kind kind,
                          double *xy, cg_time_axis *axis, cg_error *err) {
    if (!g->finished) return cgg_not_finished(err);
    cg_time_axis ax = {.x_from = 0};
    memset(xy, 0, 2 * g->nnodes * sizeof *xy);
    /* the kept nodes, numbered from 0 for igraph */
    size_t *nodes = malloc((g->nnodes + 1) * sizeof *nodes);
    size_t *number = malloc((g->nnodes + 1) * sizeof *number);
    days d = {.day = malloc((g->nnodes + 1) * sizeof *d.day)};
    if (!nodes || !number || !d.day) {
        free(nodes);
        free(number);
        free(d.day);
        return cgu_oom(err);
    }
    size_t n = 0, m = 0;
    for (size_t v = 0; v < g->nnodes; v++) {
        number[v] = SIZE_MAX;
        if (!keep || keep[v]) number[v] = n, nodes[n++] = v;
    }
    for (size_t i = 0; i < g->nedges; i++)
        m += number[g->edges[i].source] != SIZE_MAX && number[g->edges[i].target] != SIZE_MAX;
    if (kind == CG_LAYOUT_TIME) time_axis(g, nodes, n, &d, &ax);

    igraph_guard guard;
    cgg_igraph_enter(&guard);
    /* igraph 0.10 copies the generator set as its default: the previous
     * one is kept as a copy and copied back */
    igraph_rng_t rng, previous_rng = *igraph_rng_default();
    igraph_t sub;
    igraph_vector_int_t ev;
    igraph_matrix_t res;
    igraph_vector_t fixed, band; /* the least and the greatest x of each node */
    bool have_rng = false, have_sub = false;
    int have = 0; /* how many of ev, res, fixed, band are initialised */
    igraph_error_t e = igraph_rng_init(&rng, &igraph_rngtype_pcg32);
    have_rng = !e;
    /* seeded before it is copied, so that the copy counts as seeded and
     * igraph does not seed it from the clock */
    if (!e) e = igraph_rng_seed(&rng, 20211026);
    if (!e) igraph_rng_set_default(&rng);
    if (!e && !(e = igraph_vector_int_init(&ev, 0))) have++;
    if (!e && !(e = igraph_matrix_init(&res, 0, 0))) have++;
    if (!e && !(e = igraph_vector_init(&fixed, 0))) have++;
    if (!e && !(e = igraph_vector_init(&band, 0))) have++;
    if (!e) e = igraph_vector_int_resize(&ev, (igraph_integer_t)(2 * m));
    for (size_t i = 0, k = 0; !e && i < g->nedges; i++) {
        size_t s = number[g->edges[i].source], t = number[g->edges[i].target];
        if (s == SIZE_MAX || t == SIZE_MAX) continue;
        VECTOR(ev)[k++] = (igraph_integer_t)s;
        VECTOR(ev)[k++] = (igraph_integer_t)t;
    }
    if (!e) e = igraph_create(&sub, &ev, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
    have_sub = !e;
    /* force-directed in both directions first: for the time layout its y
     * is kept and a short run with x held at the dates moves apart what
     * stands together; whole runs with x held cost 50 ms an iteration on
     * the real corpus, fifty times a free one */
    if (!e && n)
        e = igraph_layout_fruchterman_reingold(&sub, &res, false, iterations(n),
                                               sqrt((double)n) / 10, IGRAPH_LAYOUT_GRID, NULL, NULL,
                                               NULL, NULL, NULL);
    if (!e && kind == CG_LAYOUT_TIME && n) {
        double w = d.width, ylo = 0, yhi = 0;
        for (size_t i = 0; i < n; i++) {
            ylo = i && ylo < MATRIX(res, i, 1) ? ylo : MATRIX(res, i, 1);
            yhi = i && yhi > MATRIX(res, i, 1) ? yhi : MATRIX(res, i, 1);
        }
        /* y keeps its order, scaled to the height of a square of the width */
        double yscale = yhi > ylo ? w / (yhi - ylo) : 1;
        e = igraph_vector_resize(&fixed, (igraph_integer_t)n);
        if (!e) e = igraph_vector_resize(&band, (igraph_integer_t)n);
        for (size_t i = 0; !e && i < n; i++) {
            double x = date_x(&ax, &d, d.day[i]);
            /* the undated nodes (often half of them: cited, not read) share a
             * band rather than one line */
            double half = d.day[i] == LONG_MIN ? d.band / 2 : 0;
            VECTOR(fixed)[i] = x - half;
            VECTOR(band)[i] = x + half;
            MATRIX(res, i, 0) = x + half * (2 * igraph_rng_get_unif01(igraph_rng_default()) - 1);
            MATRIX(res, i, 1) = (MATRIX(res, i, 1) - (ylo + yhi) / 2) * yscale;
        }
        if (!e)
            e = igraph_layout_fruchterman_reingold(&sub, &res, true, 10 /* iterations */,
                                                   sqrt((double)n) / 50, IGRAPH_LAYOUT_GRID, NULL,
                                                   &fixed, &band, NULL, NULL);
    }
    for (size_t i = 0; !e && i < n; i++) {
        /* whole hundredths: shorter pages; the same bytes run after run
         * (other builds of igraph may differ in the last bits) */
        xy[2 * nodes[i]] = round(MATRIX(res, i, 0) * 100) / 100;
        xy[2 * nodes[i] + 1] = round(MATRIX(res, i, 1) * 100) / 100;
    }
    if (have > 3) igraph_vector_destroy(&band);
    if (have > 2) igraph_vector_destroy(&fixed);
    if (have > 1) igraph_matrix_destroy(&res);
    if (have > 0) igraph_vector_int_destroy(&ev);
    if (have_sub) igraph_destroy(&sub);
    if (have_rng) {
        igraph_rng_set_default(&previous_rng);
        igraph_rng_destroy(&rng);
    }
    cgg_igraph_leave(&guard);
    free(nodes);
    free(number);
    free(d.day);
    if (e) return cgg_igraph_error(e, err);
    if (axis) *axis = ax;
    return CG_OK;
}
