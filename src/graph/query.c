/* query.c - what analysts ask of the graph: rankings, paths, chains,
 * cycles and the longest chain, neighbourhoods, statistics. Where igraph
 * has the algorithm it is igraph's, and this file maps between node indices
 * and igraph's vectors and keeps igraph's errors from aborting; chains, and
 * the longest chain over igraph's topological order, walk the graph's own
 * adjacency lists. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

cg_status cg_graph_rank(const cg_graph *g, cg_rank_method method, double *scores, cg_error *err) {
    if (!g->finished) return cgg_not_finished(err);
    if (!g->nnodes) return CG_OK;
    igraph_guard guard;
    cgg_igraph_enter(&guard);
    igraph_error_t e;
    if (method == CG_RANK_INDEGREE) {
        igraph_vector_int_t deg;
        e = igraph_vector_int_init(&deg, 0);
        if (!e) e = igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS);
        if (!e)
            for (size_t i = 0; i < g->nnodes; i++)
                scores[i] = (double)VECTOR(deg)[i];
        igraph_vector_int_destroy(&deg);
    } else {
        igraph_vector_t v, other;
        igraph_real_t value;
        e = igraph_vector_init(&v, 0);
        if (!e) e = igraph_vector_init(&other, 0);
        if (!e && method == CG_RANK_PAGERANK)
            e = igraph_pagerank(&g->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value, igraph_vss_all(),
                                IGRAPH_DIRECTED, 0.85, NULL, NULL);
        else if (!e)
            e = igraph_hub_and_authority_scores(&g->ig, method == CG_RANK_HUB ? &v : &other,
                                                method == CG_RANK_HUB ? &other : &v, &value, 1,
                                                NULL, NULL);
        /* HITS leaves rounding residue (2e-16) on nodes whose score is 0: 0 it is, so
         * that ranks and output do not depend on the last bits of the arithmetic */
        bool hits = method != CG_RANK_PAGERANK;
        if (!e)
            for (size_t i = 0; i < g->nnodes; i++)
                scores[i] = hits && VECTOR(v)[i] < 1e-12 ? 0 : VECTOR(v)[i];
        igraph_vector_destroy(&v);
        igraph_vector_destroy(&other);
    }
    cgg_igraph_leave(&guard);
    return e ? cgg_igraph_error(e, err) : CG_OK;
}

cg_status cg_graph_shortest_path(const cg_graph *g, size_t from, size_t to, size_t **path,
                                 size_t *len, cg_error *err) {
    *path = NULL;
    *len = 0;
    if (!g->finished) return cgg_not_finished(err);
    if (from >= g->nnodes || to >= g->nnodes)
        return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no such node");
    igraph_guard guard;
    cgg_igraph_enter(&guard);
    igraph_vector_int_t vs;
    igraph_error_t e = igraph_vector_int_init(&vs, 0);
    if (!e)
        e = igraph_get_shortest_path(&g->ig, &vs, NULL, (igraph_integer_t)from,
                                     (igraph_integer_t)to, IGRAPH_OUT);
    cg_status st = CG_OK;
    if (!e) {
        size_t n = (size_t)igraph_vector_int_size(&vs);
        if (n) {
            *path = malloc(n * sizeof **path);
            if (!*path)
                st = cgu_oom(err);
            else {
                for (size_t i = 0; i < n; i++)
                    (*path)[i] = (size_t)VECTOR(vs)[i];
                *len = n;
            }
        }
    }
    igraph_vector_int_destroy(&vs);
    cgg_igraph_leave(&guard);
    return e ? cgg_igraph_error(e, err) : st;
}

/* Strongly connected components: a cycle is one of more than one node, or a
 * node with an edge to itself. cycle[v] numbers them from 1 in node order. */
static cg_status find_cycles(const cg_graph *g, size_t *cycle, size_t *ncycles, cg_error *err) {
    igraph_vector_int_t membership, csize;
    igraph_integer_t no;
    igraph_error_t e = igraph_vector_int_init(&membership, 0);
    if (!e) e = igraph_vector_int_init(&csize, 0);
    if (!e) e = igraph_connected_components(&g->ig, &membership, &csize, &no, IGRAPH_STRONG);
    if (e) {
        igraph_vector_int_destroy(&membership);
        igraph_vector_int_destroy(&csize);
        return cgg_igraph_error(e, err);
    }
    size_t *number = calloc((size_t)no + 1, sizeof *number);
    int *self = calloc(g->nnodes + 1, sizeof *self);
    if (!number || !self) {
        free(number);
        free(self);
        igraph_vector_int_destroy(&membership);
        igraph_vector_int_destroy(&csize);
        return cgu_oom(err);
    }
    for (size_t i = 0; i < g->nedges; i++)
        if (g->edges[i].source == g->edges[i].target) self[g->edges[i].source] = 1;
    *ncycles = 0;
    for (size_t v = 0; v < g->nnodes; v++) {
        igraph_integer_t c = VECTOR(membership)[v];
        if (VECTOR(csize)[c] > 1 || self[v]) {
            if (!number[c]) number[c] = ++*ncycles;
            cycle[v] = number[c];
        } else {
            cycle[v] = 0;
        }
    }
    free(self);
    free(number);
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&csize);
    return CG_OK;
}

cg_status cg_graph_longest_path(const cg_graph *g, size_t **path, size_t *len, size_t **cycle,
                                size_t *ncycles, cg_error *err) {
    *path = NULL;
    *len = 0;
    *cycle = NULL;
    *ncycles = 0;
    if (!g->finished) return cgg_not_finished(err);
    size_t n = g->nnodes;
    size_t *cyc = calloc(n ? n : 1, sizeof *cyc);
    size_t *dist = calloc(n ? n : 1, sizeof *dist);
    size_t *next = malloc((n ? n : 1) * sizeof *next);
    if (!cyc || !dist || !next) {
        free(cyc);
        free(dist);
        free(next);
        return cgu_oom(err);
    }
    igraph_guard guard;
    cgg_igraph_enter(&guard);
    cg_status st = find_cycles(g, cyc, ncycles, err);
    /* The acyclic part: every edge that does not lie inside a cycle. */
    igraph_t dag;
    igraph_vector_int_t ev, order;
    igraph_error_t e = IGRAPH_SUCCESS;
    int have_dag = 0;
    if (st == CG_OK) {
        e = igraph_vector_int_init(&ev, 0);
        for (size_t i = 0; !e && i < g->nedges; i++) {
            const cg_edge *x = &g->edges[i];
            if (cyc[x->source] && cyc[x->source] == cyc[x->target]) continue;
            e = igraph_vector_int_push_back(&ev, (igraph_integer_t)x->source);
            if (!e) e = igraph_vector_int_push_back(&ev, (igraph_integer_t)x->target);
        }
        if (!e) e = igraph_create(&dag, &ev, (igraph_integer_t)n, IGRAPH_DIRECTED);
        have_dag = !e;
        igraph_vector_int_destroy(&ev);
        if (!e) e = igraph_vector_int_init(&order, 0);
        if (!e) {
            e = igraph_topological_sorting(&dag, &order, IGRAPH_OUT);
            /* longest path to the end, in reverse topological order; ties go
             * to the smaller node index, so the answer is always the same */
            for (igraph_integer_t k = igraph_vector_int_size(&order) - 1; !e && k >= 0; k--) {
                size_t v = (size_t)VECTOR(order)[k];
                next[v] = SIZE_MAX;
                for (size_t j = g->out_start[v]; j < g->out_start[v + 1]; j++) {
                    size_t t = g->edges[g->out_edges[j]].target;
                    if (cyc[v] && cyc[v] == cyc[t]) continue;
                    if (dist[t] + 1 > dist[v] || (dist[t] + 1 == dist[v] && t < next[v])) {
                        dist[v] = dist[t] + 1;
                        next[v] = t;
                    }
                }
            }
            igraph_vector_int_destroy(&order);
        }
        if (e) st = cgg_igraph_error(e, err);
    }
    if (have_dag) igraph_destroy(&dag);
    cgg_igraph_leave(&guard);
    if (st == CG_OK && n) {
        size_t best = 0;
        for (size_t v = 1; v < n; v++)
            if (dist[v] > dist[best]) best = v;
        *path = malloc((dist[best] + 1) * sizeof **path);
        if (!*path)
            st = cgu_oom(err);
        else {
            for (size_t v = best;; v = next[v]) {
                (*path)[(*len)++] = v;
                if (dist[v] == 0) break;
            }
        }
    }
    free(dist);
    free(next);
    if (st == CG_OK)
        *cycle = cyc;
    else
        free(cyc);
    return st;
}

cg_status cg_graph_stats_get(const cg_graph *g, cg_graph_stats *s, cg_error *err) {
    memset(s, 0, sizeof *s);
    if (!g->finished) return cgg_not_finished(err);
    s->nodes = g->nnodes;
    s->edges = g->nedges;
    s->duplicates = g->ndups;
    for (size_t v = 0; v < g->nnodes; v++) {
        const cg_node *nd = &g->nodes[v];
        if (nd->kind == CG_NODE_QUESTION)
            s->questions++;
        else if (nd->in_corpus)
            s->in_corpus++;
        else
            s->external++;
        if (!nd->in_corpus) continue;
        size_t out = 0, in = 0;
        for (size_t j = g->out_start[v]; j < g->out_start[v + 1]; j++)
            out += g->edges[g->out_edges[j]].target != v;
        for (size_t j = g->in_start[v]; j < g->in_start[v + 1]; j++)
            in += g->edges[g->in_edges[j]].source != v;
        s->citing_nothing += out == 0;
        s->cited_by_none += in == 0;
    }
    igraph_guard guard;
    cgg_igraph_enter(&guard);
    igraph_integer_t no = 0;
    igraph_error_t e = igraph_connected_components(&g->ig, NULL, NULL, &no, IGRAPH_WEAK);
    cg_status st = e ? cgg_igraph_error(e, err) : CG_OK;
    s->weak_components = (size_t)no;
    size_t *cyc = st == CG_OK ? calloc(g->nnodes ? g->nnodes : 1, sizeof *cyc) : NULL;
    if (st == CG_OK && !cyc) st = cgu_oom(err);
    if (st == CG_OK) st = find_cycles(g, cyc, &s->cycles, err);
    for (size_t v = 0; st == CG_OK && v < g->nnodes; v++)
        s->nodes_in_cycles += cyc[v] != 0;
    free(cyc);
    cgg_igraph_leave(&guard);
    return st;
}

cg_status cg_graph_neighbourhood(const cg_graph *g, size_t node, unsigned depth,
                                 cg_direction direction, unsigned char *keep, cg_error *err) {
    if (!g->finished) return cgg_not_finished(err);
    if (node >= g->nnodes) return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no such node");
    memset(keep, 0, g->nnodes);
    igraph_guard guard;
    cgg_igraph_enter(&guard);
    igraph_vector_int_list_t res;
    igraph_error_t e = igraph_vector_int_list_init(&res, 0);
    igraph_neimode_t m = direction == CG_OUT  ? IGRAPH_OUT
                         : direction == CG_IN ? IGRAPH_IN
                                              : IGRAPH_ALL;
    if (!e)
        e = igraph_neighborhood(&g->ig, &res, igraph_vss_1((igraph_integer_t)node),
                                (igraph_integer_t)depth, m, 0);
    if (!e) {
        igraph_vector_int_t *v = igraph_vector_int_list_get_ptr(&res, 0);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(v); i++)
            keep[VECTOR(*v)[i]] = 1;
    }
    igraph_vector_int_list_destroy(&res);
    cgg_igraph_leave(&guard);
    /* a question node brings its document along, so the picture stays whole */
    for (size_t v = 0; !e && v < g->nnodes; v++)
        if (keep[v] && g->nodes[v].parent != SIZE_MAX) keep[g->nodes[v].parent] = 1;
    return e ? cgg_igraph_error(e, err) : CG_OK;
}

cg_status cg_graph_chain(const cg_graph *g, size_t node, cg_direction direction, unsigned depth,
                         cg_chain_step **steps, size_t *n, cg_error *err) {
    *steps = NULL;
    *n = 0;
    if (!g->finished) return cgg_not_finished(err);
    if (node >= g->nnodes || (direction != CG_OUT && direction != CG_IN))
        return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no such node or direction");
    int in = direction == CG_IN;
    size_t cap = 64, top = 0;
    cg_chain_step *out = malloc(cap * sizeof *out);
    unsigned char *seen = calloc(g->nnodes, 1);
    /* an explicit stack of (node, depth, edge), so deep chains cannot
     * exhaust the C stack */
    typedef struct frame {
        size_t node, depth, edge;
    } frame;
    size_t scap = 64;
    frame *stack = malloc(scap * sizeof *stack);
    if (!out || !seen || !stack) goto oom;
    stack[top++] = (frame){node, 0, SIZE_MAX};
    while (top) {
        frame f = stack[--top];
        if (*n == cap) {
            cap *= 2;
            cg_chain_step *p = realloc(out, cap * sizeof *out);
            if (!p) goto oom;
            out = p;
        }
        bool repeated = seen[f.node];
        out[(*n)++] = (cg_chain_step){f.node, f.depth, f.edge, repeated};
        if (repeated || f.depth >= depth) continue;
        seen[f.node] = 1;
        const size_t *start = in ? g->in_start : g->out_start;
        const size_t *list = in ? g->in_edges : g->out_edges;
        /* pushed in reverse, so they come out in edge order */
        for (size_t j = start[f.node + 1]; j > start[f.node]; j--) {
            size_t ei = list[j - 1];
            size_t other = in ? g->edges[ei].source : g->edges[ei].target;
            if (other == f.node) continue;
            if (top == scap) {
                scap *= 2;
                frame *p = realloc(stack, scap * sizeof *stack);
                if (!p) goto oom;
                stack = p;
            }
            stack[top++] = (frame){other, f.depth + 1, ei};
        }
    }
    free(seen);
    free(stack);
    *steps = out;
    return CG_OK;
oom:
    free(out);
    free(seen);
    free(stack);
    *n = 0;
    return cgu_oom(err);
}
