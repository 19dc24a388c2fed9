/* age.c - time in the citation graph: the date a node counts with, the
 * Bundestag's Wahlperioden, the age of every citation edge (worked out once
 * by cg_graph_finish()), and the distribution of the ages. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

/* The day each Deutscher Bundestag met for its constituent sitting: a
 * Wahlperiode begins with it and ends when the next Bundestag meets
 * (Art. 39 (1) GG). Source: Deutscher Bundestag, Datenhandbuch zur
 * Geschichte des Deutschen Bundestages (Wahlperioden, konstituierende
 * Sitzungen); the later dates also in the Bundestag's announcements of
 * the sittings (bundestag.de, e.g. 24 October 2017 for the 19th). The one
 * place that knows them: a new Wahlperiode is one more row here and
 * CG_BUNDESTAG_WP_LAST in graph.h. */
static const char *const wp_start[CG_BUNDESTAG_WP_LAST] = {
    "1949-09-07", "1953-10-06", "1957-10-15", "1961-10-17", "1965-10-19", "1969-10-20",
    "1972-12-13", "1976-12-14", "1980-11-04", "1983-03-29", "1987-02-18", "1990-12-20",
    "1994-11-10", "1998-10-26", "2002-10-17", "2005-10-18", "2009-10-27", "2013-10-22",
    "2017-10-24", "2021-10-26", "2025-03-25"};

unsigned cg_bundestag_wahlperiode_on(const char *date) {
    if (!cgu_is_iso_date(date)) return 0;
    /* ISO dates compare as strings; the table is short and sorted */
    unsigned wp = 0;
    for (unsigned i = 0; i < CG_BUNDESTAG_WP_LAST && strcmp(wp_start[i], date) <= 0; i++)
        wp = i + 1;
    return wp;
}

const char *cg_graph_node_time(const cg_graph *g, size_t node) {
    if (node >= g->nnodes) return NULL;
    const cg_node *n = &g->nodes[node];
    if (n->kind == CG_NODE_QUESTION && n->parent != SIZE_MAX) n = &g->nodes[n->parent];
    return cgu_is_iso_date(n->date) ? n->date : NULL;
}

unsigned cg_graph_node_wahlperiode(const cg_graph *g, size_t node) {
    if (node >= g->nnodes) return 0;
    const cg_node *n = &g->nodes[node];
    /* a question node carries its document's id */
    if ((n->kind == CG_NODE_DOCUMENT || n->kind == CG_NODE_QUESTION) &&
        cg_docid_issuer(&n->doc) == CG_ISSUER_BT) {
        unsigned wp = cg_docid_wahlperiode(&n->doc);
        return wp <= CG_BUNDESTAG_WP_LAST ? wp : 0;
    }
    return cg_bundestag_wahlperiode_on(cg_graph_node_time(g, node));
}

cg_status cgg_compute_ages(cg_graph *g) {
    long *day = malloc((g->nnodes ? g->nnodes : 1) * sizeof *day);
    if (!day) return CG_ENOMEM;
    for (size_t v = 0; v < g->nnodes; v++) {
        const char *t = cg_graph_node_time(g, v);
        day[v] = t ? cgu_iso_day_number(t) : LONG_MIN;
    }
    for (size_t i = 0; i < g->nedges; i++) {
        cg_edge *e = &g->edges[i];
        long s = day[e->source], t = day[e->target];
        e->age_known = e->relation != CG_EDGE_PART_OF && s != LONG_MIN && t != LONG_MIN;
        e->age_days = e->age_known ? s - t : 0;
    }
    free(day);
    return CG_OK;
}

static int cmp_long(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* The p-quantile of the sorted x[0..n), n > 0: Hyndman & Fan (1996),
 * "Sample quantiles in statistical packages", The American Statistician
 * 50(4), definition 7: h = (n - 1) p, linear between x[floor h] and the
 * next. */
static double quantile(const long *x, size_t n, double p) {
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)h;
    double frac = h - (double)lo;
    if (lo + 1 >= n) return (double)x[n - 1];
    return (double)x[lo] + frac * ((double)x[lo + 1] - (double)x[lo]);
}

cg_status cg_graph_age_stats_get(const cg_graph *g, cg_age_stats *st, cg_error *err) {
    memset(st, 0, sizeof *st);
    if (!g->finished) return cgg_not_finished(err);
    long *ages = malloc((g->nedges ? g->nedges : 1) * sizeof *ages);
    unsigned *wp = malloc((g->nnodes ? g->nnodes : 1) * sizeof *wp);
    if (!ages || !wp) {
        free(ages);
        free(wp);
        return cgu_oom(err);
    }
    for (size_t v = 0; v < g->nnodes; v++)
        wp[v] = cg_graph_node_wahlperiode(g, v);
    for (size_t i = 0; i < g->nedges; i++) {
        const cg_edge *e = &g->edges[i];
        if (e->relation == CG_EDGE_PART_OF) continue;
        st->citations++;
        if (e->age_known) {
            ages[st->dated++] = e->age_days;
            st->negative += e->age_days < 0;
        }
        unsigned c = wp[e->source], d = wp[e->target];
        if (c && d) {
            st->with_wp++;
            st->crossing += c != d;
            st->wp_edges[c - 1][d - 1]++;
        }
    }
    if (st->dated) {
        qsort(ages, st->dated, sizeof *ages, cmp_long);
        st->min = ages[0];
        st->max = ages[st->dated - 1];
        st->q1 = quantile(ages, st->dated, 0.25);
        st->median = quantile(ages, st->dated, 0.5);
        st->q3 = quantile(ages, st->dated, 0.75);
    }
    free(ages);
    free(wp);
    return CG_OK;
}
