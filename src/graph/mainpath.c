/* mainpath.c - main path analysis (citegraph/mainpath.h): the network of
 * citations as knowledge flow, its cycles shrunk (igraph's strongly
 * connected components), the traversal weights SPC, SPLC and SPNP counted
 * in one pass each way over igraph's topological order (Batagelj 2003),
 * and the main paths of Hummon & Doreian (1989) and Liu & Lu (2012) walked
 * over those weights.
 *
 * References:
 *   N. P. Hummon, P. Doreian (1989). Connectivity in a citation network: the
 *     development of DNA theory. Social Networks 11, 39-63.
 *   V. Batagelj (2003). Efficient algorithms for citation network analysis.
 *     arXiv cs/0309023.
 *   J. S. Liu, L. Y. Y. Lu (2012). An integrated approach for main path
 *     analysis: development of the Hirsch index as an example. JASIST 63(3),
 *     528-542. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/mainpath.h"
#include "graph_internal.h"

/* The network: units (a node, or a strongly connected component shrunk
 * into one) and arcs between them in the direction of the flow, from cited
 * to citing. Units are numbered in the order of their first member, arcs
 * sorted by (tail, head): every choice that walks them in that order is
 * the same whatever order the input came in. */
typedef struct net {
    size_t nunits;
    size_t *rep;   /* unit -> its member first in node order */
    size_t *cycle; /* unit -> cycle number (from 1), or 0 */
    size_t ncycles;
    size_t *cycle_start,
        *cycle_members; /* members of cycle k: [cycle_start[k-1], cycle_start[k]) */
    size_t *self;       /* nodes whose citation of themselves was left out */
    size_t nself;
    size_t narcs;
    size_t *tail, *head;
    size_t *out_start;          /* arcs out of u: out_start[u] .. out_start[u+1] */
    size_t *in_start, *in_arcs; /* arcs into v, by tail: in_arcs[in_start[v] ..] */
    size_t *order;              /* the units in topological order of the flow */
    size_t *edge_arc;           /* graph edge -> its arc, or SIZE_MAX */
} net;

static void net_free(net *n) {
    free(n->rep);
    free(n->cycle);
    free(n->cycle_start);
    free(n->cycle_members);
    free(n->self);
    free(n->tail);
    free(n->head);
    free(n->out_start);
    free(n->in_start);
    free(n->in_arcs);
    free(n->order);
    free(n->edge_arc);
    memset(n, 0, sizeof *n);
}

/* A citation as an arc of the flow, with the graph edge it came from. */
typedef struct flow_pair {
    size_t tail, head, edge;
} flow_pair;

static int cmp_pair(const void *a, const void *b) {
    const flow_pair *x = a, *y = b;
    if (x->tail != y->tail) return x->tail < y->tail ? -1 : 1;
    if (x->head != y->head) return x->head < y->head ? -1 : 1;
    return (x->edge > y->edge) - (x->edge < y->edge);
}

static void *alloc(size_t n, size_t size) {
    return calloc(n ? n : 1, size);
}

/* The strongly connected components of the citations between distinct
 * documents (questions folded into theirs), as igraph finds them, into
 * membership (one entry per node). */
static cg_status components(const cg_graph *g, const flow_pair *pairs, size_t npairs,
                            igraph_integer_t *membership, cg_error *err) {
    igraph_vector_int_t ev, memb;
    igraph_t ig;
    bool have_graph = false;
    igraph_error_t e = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * npairs));
    if (e) return cgg_igraph_error(e, err);
    for (size_t i = 0; i < npairs; i++) {
        VECTOR(ev)[2 * i] = (igraph_integer_t)pairs[i].tail;
        VECTOR(ev)[2 * i + 1] = (igraph_integer_t)pairs[i].head;
    }
    e = igraph_vector_int_init(&memb, 0);
    if (e) {
        igraph_vector_int_destroy(&ev);
        return cgg_igraph_error(e, err);
    }
    e = igraph_create(&ig, &ev, (igraph_integer_t)g->nnodes, IGRAPH_DIRECTED);
    have_graph = !e;
    if (!e) e = igraph_connected_components(&ig, &memb, NULL, NULL, IGRAPH_STRONG);
    if (!e)
        for (size_t v = 0; v < g->nnodes; v++)
            membership[v] = VECTOR(memb)[v];
    if (have_graph) igraph_destroy(&ig);
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&ev);
    return e ? cgg_igraph_error(e, err) : CG_OK;
}

/* The units in topological order of the flow, by igraph. */
static cg_status topological_order(net *n, cg_error *err) {
    igraph_vector_int_t ev, order;
    igraph_t ig;
    igraph_error_t e = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * n->narcs));
    if (e) return cgg_igraph_error(e, err);
    for (size_t a = 0; a < n->narcs; a++) {
        VECTOR(ev)[2 * a] = (igraph_integer_t)n->tail[a];
        VECTOR(ev)[2 * a + 1] = (igraph_integer_t)n->head[a];
    }
    e = igraph_vector_int_init(&order, 0);
    if (e) {
        igraph_vector_int_destroy(&ev);
        return cgg_igraph_error(e, err);
    }
    e = igraph_create(&ig, &ev, (igraph_integer_t)n->nunits, IGRAPH_DIRECTED);
    bool have_graph = !e;
    if (!e) e = igraph_topological_sorting(&ig, &order, IGRAPH_OUT);
    /* the cycles were shrunk, so every unit has its place */
    if (!e && (size_t)igraph_vector_int_size(&order) != n->nunits) e = IGRAPH_FAILURE;
    if (!e)
        for (size_t i = 0; i < n->nunits; i++)
            n->order[i] = (size_t)VECTOR(order)[i];
    if (have_graph) igraph_destroy(&ig);
    igraph_vector_int_destroy(&order);
    igraph_vector_int_destroy(&ev);
    return e ? cgg_igraph_error(e, err) : CG_OK;
}

/* Builds the network of a finished graph. */
static cg_status net_build(const cg_graph *g, net *n, cg_error *err) {
    memset(n, 0, sizeof *n);
    size_t nn = g->nnodes, ne = g->nedges;
    flow_pair *pairs = alloc(ne, sizeof *pairs);
    unsigned char *self = alloc(nn, 1), *in_net = alloc(nn, 1);
    igraph_integer_t *membership = alloc(nn, sizeof *membership);
    size_t *unit_of = alloc(nn, sizeof *unit_of);
    n->edge_arc = alloc(ne, sizeof *n->edge_arc);
    cg_status st = CG_OK;
    if (!pairs || !self || !in_net || !membership || !unit_of || !n->edge_arc) {
        st = cgu_oom(err);
        goto done;
    }
    /* the flow runs from the cited to the citing; a question's citations are
     * its document's */
    size_t npairs = 0;
    for (size_t i = 0; i < ne; i++) {
        const cg_edge *e = &g->edges[i];
        n->edge_arc[i] = SIZE_MAX;
        if (e->relation == CG_EDGE_PART_OF) continue;
        size_t cited =
            g->nodes[e->target].parent != SIZE_MAX ? g->nodes[e->target].parent : e->target;
        size_t citing =
            g->nodes[e->source].parent != SIZE_MAX ? g->nodes[e->source].parent : e->source;
        if (cited == citing) {
            self[cited] = 1;
            continue;
        }
        in_net[cited] = in_net[citing] = 1;
        pairs[npairs++] = (flow_pair){cited, citing, i};
    }
    for (size_t v = 0; v < nn; v++)
        n->nself += self[v];
    n->self = alloc(n->nself, sizeof *n->self);
    if (!n->self) {
        st = cgu_oom(err);
        goto done;
    }
    n->nself = 0;
    for (size_t v = 0; v < nn; v++)
        if (self[v]) n->self[n->nself++] = v;

    igraph_guard guard;
    cgg_igraph_enter(&guard);
    st = components(g, pairs, npairs, membership, err);
    cgg_igraph_leave(&guard);
    if (st != CG_OK) goto done;

    /* units in the order of their first member; unit_of[] of a component
     * is kept, while units are numbered, in first_unit[membership] */
    size_t *first_unit = alloc(nn, sizeof *first_unit), *size = alloc(nn, sizeof *size);
    if (!first_unit || !size) {
        free(first_unit);
        free(size);
        st = cgu_oom(err);
        goto done;
    }
    for (size_t v = 0; v < nn; v++)
        first_unit[v] = SIZE_MAX;
    for (size_t v = 0; v < nn; v++) {
        unit_of[v] = SIZE_MAX;
        if (!in_net[v]) continue;
        size_t c = (size_t)membership[v];
        if (first_unit[c] == SIZE_MAX) first_unit[c] = n->nunits++;
        unit_of[v] = first_unit[c];
        size[unit_of[v]]++;
    }
    free(first_unit);
    n->rep = alloc(n->nunits, sizeof *n->rep);
    n->cycle = alloc(n->nunits, sizeof *n->cycle);
    n->out_start = alloc(n->nunits + 1, sizeof *n->out_start);
    n->in_start = alloc(n->nunits + 1, sizeof *n->in_start);
    n->order = alloc(n->nunits, sizeof *n->order);
    if (!n->rep || !n->cycle || !n->out_start || !n->in_start || !n->order) {
        free(size);
        st = cgu_oom(err);
        goto done;
    }
    size_t in_cycles = 0;
    for (size_t v = nn; v-- > 0;)
        if (unit_of[v] != SIZE_MAX) n->rep[unit_of[v]] = v; /* backwards: the first wins */
    for (size_t u = 0; u < n->nunits; u++)
        if (size[u] > 1) {
            n->cycle[u] = ++n->ncycles;
            in_cycles += size[u];
        }
    n->cycle_start = alloc(n->ncycles + 1, sizeof *n->cycle_start);
    n->cycle_members = alloc(in_cycles, sizeof *n->cycle_members);
    if (!n->cycle_start || !n->cycle_members) {
        free(size);
        st = cgu_oom(err);
        goto done;
    }
    for (size_t u = 0; u < n->nunits; u++)
        if (n->cycle[u]) n->cycle_start[n->cycle[u]] = size[u];
    free(size);
    for (size_t k = 1; k <= n->ncycles; k++)
        n->cycle_start[k] += n->cycle_start[k - 1];
    {
        size_t *fill = alloc(n->ncycles + 1, sizeof *fill);
        if (!fill) {
            st = cgu_oom(err);
            goto done;
        }
        for (size_t v = 0; v < nn; v++) {
            size_t k = unit_of[v] == SIZE_MAX ? 0 : n->cycle[unit_of[v]];
            if (k) n->cycle_members[n->cycle_start[k - 1] + fill[k]++] = v;
        }
        free(fill);
    }

    /* arcs between distinct units, one per pair of units */
    size_t m = 0;
    for (size_t i = 0; i < npairs; i++) {
        size_t a = unit_of[pairs[i].tail], b = unit_of[pairs[i].head];
        if (a != b) pairs[m++] = (flow_pair){a, b, pairs[i].edge};
    }
    if (m) qsort(pairs, m, sizeof *pairs, cmp_pair);
    for (size_t i = 0; i < m; i++)
        n->narcs +=
            i == 0 || pairs[i].tail != pairs[i - 1].tail || pairs[i].head != pairs[i - 1].head;
    n->tail = alloc(n->narcs, sizeof *n->tail);
    n->head = alloc(n->narcs, sizeof *n->head);
    n->in_arcs = alloc(n->narcs, sizeof *n->in_arcs);
    if (!n->tail || !n->head || !n->in_arcs) {
        st = cgu_oom(err);
        goto done;
    }
    size_t a = 0;
    for (size_t i = 0; i < m; i++) {
        if (i > 0 && (pairs[i].tail != pairs[i - 1].tail || pairs[i].head != pairs[i - 1].head))
            a++;
        n->tail[a] = pairs[i].tail;
        n->head[a] = pairs[i].head;
        n->edge_arc[pairs[i].edge] = a;
    }
    /* adjacency: out by the sort, in by a counting sort that keeps arc order */
    for (size_t x = 0; x < n->narcs; x++) {
        n->out_start[n->tail[x] + 1]++;
        n->in_start[n->head[x] + 1]++;
    }
    for (size_t u = 0; u < n->nunits; u++) {
        n->out_start[u + 1] += n->out_start[u];
        n->in_start[u + 1] += n->in_start[u];
    }
    {
        size_t *fill = alloc(n->nunits, sizeof *fill);
        if (!fill) {
            st = cgu_oom(err);
            goto done;
        }
        for (size_t x = 0; x < n->narcs; x++)
            n->in_arcs[n->in_start[n->head[x]] + fill[n->head[x]]++] = x;
        free(fill);
    }
    cgg_igraph_enter(&guard);
    st = topological_order(n, err);
    cgg_igraph_leave(&guard);
done:
    free(pairs);
    free(self);
    free(in_net);
    free(membership);
    free(unit_of);
    if (st != CG_OK) net_free(n);
    return st;
}

/* The path counts of every unit (mainpath.h defines them) and the weight
 * of every arc. */
typedef struct counts {
    double *from_sources, *from_all, *to_sinks, *to_all;
    double *weight; /* per arc */
    double total, max;
    size_t sources, sinks;
} counts;

static void counts_free(counts *c) {
    free(c->from_sources);
    free(c->from_all);
    free(c->to_sinks);
    free(c->to_all);
    free(c->weight);
    memset(c, 0, sizeof *c);
}

static cg_status count(const net *n, cg_traversal_weight kind, counts *c, cg_error *err) {
    memset(c, 0, sizeof *c);
    size_t nu = n->nunits;
    c->from_sources = alloc(nu, sizeof(double));
    c->from_all = alloc(nu, sizeof(double));
    c->to_sinks = alloc(nu, sizeof(double));
    c->to_all = alloc(nu, sizeof(double));
    c->weight = alloc(n->narcs, sizeof(double));
    if (!c->from_sources || !c->from_all || !c->to_sinks || !c->to_all || !c->weight) {
        counts_free(c);
        return cgu_oom(err);
    }
    /* forwards over the order: paths arriving at each unit */
    for (size_t i = 0; i < nu; i++) {
        size_t u = n->order[i];
        double s = 0, all = 1;
        for (size_t j = n->in_start[u]; j < n->in_start[u + 1]; j++) {
            size_t t = n->tail[n->in_arcs[j]];
            s += c->from_sources[t];
            all += c->from_all[t];
        }
        bool source = n->in_start[u] == n->in_start[u + 1];
        c->sources += source;
        c->from_sources[u] = source ? 1 : s;
        c->from_all[u] = all;
    }
    /* backwards: paths leaving each unit */
    for (size_t i = nu; i-- > 0;) {
        size_t u = n->order[i];
        double s = 0, all = 1;
        for (size_t x = n->out_start[u]; x < n->out_start[u + 1]; x++) {
            s += c->to_sinks[n->head[x]];
            all += c->to_all[n->head[x]];
        }
        bool sink = n->out_start[u] == n->out_start[u + 1];
        c->sinks += sink;
        c->to_sinks[u] = sink ? 1 : s;
        c->to_all[u] = all;
    }
    /* the normaliser: the paths the weight ranges over (Batagelj 2003: the
     * flow through the arc from the sink back to the source of the network
     * standardised for that weight) */
    for (size_t u = 0; u < nu; u++) {
        bool source = n->in_start[u] == n->in_start[u + 1];
        c->total += kind == CG_SPC    ? (source ? c->to_sinks[u] : 0)
                    : kind == CG_SPLC ? c->to_sinks[u]
                                      : c->to_all[u];
    }
    for (size_t x = 0; x < n->narcs; x++) {
        size_t t = n->tail[x], h = n->head[x];
        double w = kind == CG_SPC    ? c->from_sources[t] * c->to_sinks[h]
                   : kind == CG_SPLC ? c->from_all[t] * c->to_sinks[h]
                                     : c->from_all[t] * c->to_all[h];
        c->weight[x] = w;
        if (w > c->max) c->max = w;
    }
    if (!isfinite(c->total) || !isfinite(c->max)) {
        counts_free(c);
        return cgu_error(err, CG_ELIMIT, NULL, 0, 0,
                         "the path counts pass the range of a double (about 1.8e308)");
    }
    return CG_OK;
}

static bool valid_weight(cg_traversal_weight w) {
    return w == CG_SPC || w == CG_SPLC || w == CG_SPNP;
}

const char *cg_traversal_weight_name(cg_traversal_weight w) {
    return w == CG_SPLC ? "splc" : w == CG_SPNP ? "spnp" : "spc";
}

const char *cg_mainpath_method_name(cg_mainpath_method m) {
    switch (m) {
    case CG_MAINPATH_FORWARD:
        return "forward";
    case CG_MAINPATH_BACKWARD:
        return "backward";
    case CG_MAINPATH_KEY_ROUTE:
        return "key-route";
    default:
        return "global";
    }
}

cg_status cg_graph_traversal_weights(const cg_graph *g, cg_traversal_weight weight, double *w,
                                     double *total, cg_error *err) {
    if (!g->finished) return cgg_not_finished(err);
    if (!valid_weight(weight)) return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no such weight");
    net n;
    counts c;
    cg_status st = net_build(g, &n, err);
    if (st != CG_OK) return st;
    st = count(&n, weight, &c, err);
    if (st == CG_OK) {
        for (size_t i = 0; i < g->nedges; i++)
            w[i] = n.edge_arc[i] == SIZE_MAX ? 0 : c.weight[n.edge_arc[i]];
        if (total) *total = c.total;
        counts_free(&c);
    }
    net_free(&n);
    return st;
}

/* ---- walking the weights ---- */

/* A growing list of units. */
typedef struct units {
    size_t *v;
    size_t n, cap;
} units;

static bool units_push(units *l, size_t u) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        size_t *p = realloc(l->v, cap * sizeof *p);
        if (!p) return false;
        l->v = p;
        l->cap = cap;
    }
    l->v[l->n++] = u;
    return true;
}

/* The heaviest arc out of u (into u when `back`), the first of equal ones
 * (out: by head, in: by tail); SIZE_MAX at a sink (a source). */
static size_t heaviest(const net *n, const double *w, size_t u, bool back) {
    size_t best = SIZE_MAX;
    size_t from = back ? n->in_start[u] : n->out_start[u];
    size_t to = back ? n->in_start[u + 1] : n->out_start[u + 1];
    for (size_t j = from; j < to; j++) {
        size_t x = back ? n->in_arcs[j] : j;
        if (best == SIZE_MAX || w[x] > w[best]) best = x;
    }
    return best;
}

/* Appends to l the units met following the heaviest arcs from u (not u
 * itself), forwards to a sink or backwards to a source. */
static bool walk(const net *n, const double *w, size_t u, bool back, units *l) {
    for (size_t x; (x = heaviest(n, w, u, back)) != SIZE_MAX;) {
        u = back ? n->tail[x] : n->head[x];
        if (!units_push(l, u)) return false;
    }
    return true;
}

/* The arc from unit a to unit b (out lists are sorted by head). */
static size_t arc_between(const net *n, size_t a, size_t b) {
    size_t lo = n->out_start[a];
    return lo + cgu_lower_bound(n->head + lo, n->out_start[a + 1] - lo, b);
}

/* Appends the path of units u[0..len) to the result. */
static bool add_path(cg_mainpath_result *r, const net *n, const double *w, const size_t *u,
                     size_t len, size_t key) {
    cg_mainpath_path *p = &r->paths[r->npaths];
    p->steps = calloc(len ? len : 1, sizeof *p->steps);
    if (!p->steps) return false;
    r->npaths++;
    p->nsteps = len;
    p->key = key;
    p->sum = 0;
    for (size_t i = 0; i < len; i++) {
        double x = i ? w[arc_between(n, u[i - 1], u[i])] : 0;
        p->steps[i] = (cg_mainpath_step){n->rep[u[i]], n->cycle[u[i]], x};
        p->sum += x;
    }
    return true;
}

/* A path through arc x: backwards from its tail to a source, forwards from
 * its head to a sink; *key is where its head stands. */
static bool through(const net *n, const double *w, size_t x, units *l, size_t *key) {
    l->n = 0;
    if (!units_push(l, n->tail[x]) || !walk(n, w, n->tail[x], true, l)) return false;
    for (size_t i = 0, j = l->n - 1; i < j; i++, j--) {
        size_t t = l->v[i];
        l->v[i] = l->v[j];
        l->v[j] = t;
    }
    *key = l->n;
    return units_push(l, n->head[x]) && walk(n, w, n->head[x], false, l);
}

static bool global_path(const net *n, const double *w, units *l) {
    size_t nu = n->nunits;
    double *best = alloc(nu, sizeof *best);
    size_t *next = alloc(nu, sizeof *next);
    if (!best || !next) {
        free(best);
        free(next);
        return false;
    }
    /* the heaviest way on to a sink from each unit, over the order backwards */
    for (size_t i = nu; i-- > 0;) {
        size_t u = n->order[i];
        next[u] = SIZE_MAX;
        best[u] = 0;
        for (size_t x = n->out_start[u]; x < n->out_start[u + 1]; x++) {
            double s = w[x] + best[n->head[x]];
            if (next[u] == SIZE_MAX || s > best[u]) {
                best[u] = s;
                next[u] = n->head[x];
            }
        }
    }
    size_t start = SIZE_MAX;
    for (size_t u = 0; u < nu; u++)
        if (n->in_start[u] == n->in_start[u + 1] && (start == SIZE_MAX || best[u] > best[start]))
            start = u;
    bool ok = true;
    for (size_t u = start; ok && u != SIZE_MAX; u = next[u])
        ok = units_push(l, u);
    free(best);
    free(next);
    return ok;
}

typedef struct ranked_arc {
    double w;
    size_t arc;
} ranked_arc;

static int cmp_ranked_arc(const void *a, const void *b) {
    const ranked_arc *x = a, *y = b;
    if (x->w != y->w) return x->w > y->w ? -1 : 1;
    return (x->arc > y->arc) - (x->arc < y->arc);
}

static cg_status paths(const net *n, const counts *c, const cg_mainpath_options *o,
                       cg_mainpath_result *r, cg_error *err) {
    if (!n->narcs) return CG_OK;
    const double *w = c->weight;
    size_t k = o->method == CG_MAINPATH_KEY_ROUTE ? (o->top ? o->top : 1) : 1;
    if (k > n->narcs) k = n->narcs;
    r->paths = calloc(k, sizeof *r->paths);
    units l = {0};
    ranked_arc *rank = NULL;
    bool ok = r->paths != NULL;
    if (ok && o->method == CG_MAINPATH_GLOBAL) {
        ok = global_path(n, w, &l) && add_path(r, n, w, l.v, l.n, 0);
    } else if (ok && (o->method == CG_MAINPATH_FORWARD || o->method == CG_MAINPATH_BACKWARD)) {
        /* the heaviest arc out of a source (into a sink), the first of equal ones */
        bool back = o->method == CG_MAINPATH_BACKWARD;
        size_t start = SIZE_MAX;
        for (size_t x = 0; x < n->narcs; x++) {
            size_t end = back ? n->head[x] : n->tail[x];
            bool at_end = back ? n->out_start[end] == n->out_start[end + 1]
                               : n->in_start[end] == n->in_start[end + 1];
            if (at_end && (start == SIZE_MAX || w[x] > w[start])) start = x;
        }
        size_t key;
        /* the walk onward from that arc is the local search of its direction */
        if (back) {
            ok = units_push(&l, n->head[start]) && units_push(&l, n->tail[start]) &&
                 walk(n, w, n->tail[start], true, &l);
            for (size_t i = 0, j = l.n - 1; ok && i < j; i++, j--) {
                size_t t = l.v[i];
                l.v[i] = l.v[j];
                l.v[j] = t;
            }
        } else {
            ok = through(n, w, start, &l, &key);
        }
        ok = ok && add_path(r, n, w, l.v, l.n, 0);
    } else if (ok) {
        rank = malloc(n->narcs * sizeof *rank);
        ok = rank != NULL;
        for (size_t x = 0; ok && x < n->narcs; x++)
            rank[x] = (ranked_arc){w[x], x};
        if (ok) qsort(rank, n->narcs, sizeof *rank, cmp_ranked_arc);
        for (size_t i = 0; ok && i < k; i++) {
            size_t key;
            ok = through(n, w, rank[i].arc, &l, &key) && add_path(r, n, w, l.v, l.n, key);
        }
    }
    free(rank);
    free(l.v);
    return ok ? CG_OK : cgu_oom(err);
}

cg_status cg_graph_mainpath(const cg_graph *g, const cg_mainpath_options *opts,
                            cg_mainpath_result *r, cg_error *err) {
    memset(r, 0, sizeof *r);
    if (!g->finished) return cgg_not_finished(err);
    if (!valid_weight(opts->weight) || opts->method < CG_MAINPATH_GLOBAL ||
        opts->method > CG_MAINPATH_KEY_ROUTE)
        return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no such weight or method");
    net n;
    counts c;
    cg_status st = net_build(g, &n, err);
    if (st != CG_OK) return st;
    st = count(&n, opts->weight, &c, err);
    if (st != CG_OK) {
        net_free(&n);
        return st;
    }
    r->units = n.nunits;
    r->arcs = n.narcs;
    r->sources = c.sources;
    r->sinks = c.sinks;
    r->total = c.total;
    r->max_weight = c.max;
    st = paths(&n, &c, opts, r, err);
    /* the cycles and self-citations: handed over from the network */
    if (st == CG_OK && n.ncycles) {
        r->cycles = calloc(n.ncycles, sizeof *r->cycles);
        if (!r->cycles) st = cgu_oom(err);
        for (size_t k = 0; st == CG_OK && k < n.ncycles; k++) {
            size_t len = n.cycle_start[k + 1] - n.cycle_start[k];
            size_t *m = malloc(len * sizeof *m);
            if (!m) {
                st = cgu_oom(err);
                break;
            }
            memcpy(m, n.cycle_members + n.cycle_start[k], len * sizeof *m);
            r->cycles[k] = (cg_mainpath_cycle){m, len};
            r->ncycles++;
        }
    }
    if (st == CG_OK) {
        r->self_citing = n.self;
        r->nself_citing = n.nself;
        n.self = NULL;
    }
    counts_free(&c);
    net_free(&n);
    if (st != CG_OK) cg_mainpath_result_release(r);
    return st;
}

void cg_mainpath_result_release(cg_mainpath_result *r) {
    if (!r) return;
    for (size_t i = 0; i < r->npaths; i++)
        free(r->paths[i].steps);
    free(r->paths);
    for (size_t k = 0; k < r->ncycles; k++)
        free(r->cycles[k].members);
    free(r->cycles);
    free(r->self_citing);
    memset(r, 0, sizeof *r);
}
