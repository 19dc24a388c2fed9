/* graphml.c - the graph as GraphML, written by igraph (citegraph/export.h).
 *
 * igraph keeps attributes only while an attribute handler is installed: the
 * C one is installed for as long as this export runs, and the previous one
 * restored; igraph writes to a FILE *, here a memory stream whose text is
 * then appended to the caller's buffer. */
#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/export.h"
#include "graph/igraph_glue.h"
#include "node_fields.h"
#include "util/util.h"

static igraph_error_t set_vas(igraph_t *ig, const char *name, igraph_integer_t v, const char *s) {
    cg_buf t = CG_BUF_INIT;
    if (cgu_buf_append_valid_utf8(&t, s ? s : "", s ? strlen(s) : 0)) return IGRAPH_ENOMEM;
    igraph_error_t e = igraph_cattribute_VAS_set(ig, name, v, t.data);
    cg_buf_release(&t);
    return e;
}

static igraph_error_t node_attributes(const cg_graph *g, igraph_t *ig, const cg_node *n,
                                      igraph_integer_t u) {
    char number[128];
    igraph_error_t e = set_vas(ig, "id", u, n->id);
    if (!e) e = set_vas(ig, "kind", u, cg_node_kind_name(n));
    if (!e) e = igraph_cattribute_VAB_set(ig, "in_corpus", u, n->in_corpus);
    if (!e) e = set_vas(ig, "file", u, n->file);
    if (!e) e = set_vas(ig, "number", u, cge_number(n, number, sizeof number));
    if (!e) e = igraph_cattribute_VAN_set(ig, "wahlperiode", u, cge_wahlperiode(n));
    if (!e) e = set_vas(ig, "issuer", u, cge_issuer(n));
    if (!e) e = set_vas(ig, "type", u, n->type);
    if (!e) e = set_vas(ig, "date", u, n->date);
    if (!e) e = set_vas(ig, "title", u, n->title);
    if (!e) e = set_vas(ig, "url", u, n->url);
    if (!e) e = set_vas(ig, "parent", u, cge_parent_id(g, n));
    /* GraphML attributes are scalars: the names, and in a parallel key
     * their roles, joined by "; " */
    cg_buf names = CG_BUF_INIT, roles = CG_BUF_INIT;
    if (!e && (cge_join_authors(&names, n, 0) || cge_join_authors(&roles, n, 1))) e = IGRAPH_ENOMEM;
    if (!e) e = set_vas(ig, "urheber", u, names.data);
    if (!e) e = set_vas(ig, "urheber_role", u, roles.data);
    cg_buf_release(&names);
    cg_buf_release(&roles);
    if (!e) e = set_vas(ig, "type_from", u, cge_source(n->type_from));
    if (!e) e = set_vas(ig, "title_from", u, cge_source(n->title_from));
    if (!e) e = set_vas(ig, "date_from", u, cge_source(n->date_from));
    if (!e) e = set_vas(ig, "urheber_from", u, cge_source(n->authors_from));
    return e;
}

static igraph_error_t edge_attributes(igraph_t *ig, const cg_edge *x, igraph_integer_t j) {
    cg_buf locs = CG_BUF_INIT;
    if (cge_join_locators(&locs, x)) {
        cg_buf_release(&locs);
        return IGRAPH_ENOMEM;
    }
    igraph_error_t e =
        igraph_cattribute_EAS_set(ig, "relation", j, cg_edge_relation_name(x->relation));
    if (!e) e = igraph_cattribute_EAN_set(ig, "count", j, (double)x->count);
    if (!e) e = igraph_cattribute_EAS_set(ig, "locators", j, locs.data);
    /* NaN, which igraph leaves out of the file, for an edge without an age */
    if (!e)
        e = igraph_cattribute_EAN_set(ig, "age_days", j, x->age_known ? (double)x->age_days : NAN);
    cg_buf_release(&locs);
    return e;
}

cg_status cg_graph_write_graphml(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                                 cg_error *err) {
    if (!cg_graph_is_finished(g)) return cgg_not_finished(err);
    size_t nnodes = cg_graph_node_count(g), nedges = cg_graph_edge_count(g);
    size_t *map = malloc((nnodes ? nnodes : 1) * sizeof *map);
    size_t *edge_ids = malloc((nedges ? nedges : 1) * sizeof *edge_ids);
    char *text = NULL;
    size_t textlen = 0;
    FILE *mem = open_memstream(&text, &textlen);
    if (!map || !edge_ids || !mem) {
        free(map);
        free(edge_ids);
        if (mem) fclose(mem);
        free(text);
        return cgu_oom(err);
    }
    size_t k = 0, ne = 0;
    for (size_t v = 0; v < nnodes; v++)
        map[v] = cge_kept(keep, v) ? k++ : SIZE_MAX;
    igraph_guard guard;
    cgg_igraph_enter(&guard);
    igraph_attribute_table_t *previous = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_vector_int_t ev;
    igraph_t ig;
    int have = 0;
    igraph_error_t e = igraph_vector_int_init(&ev, 0);
    for (size_t i = 0; !e && i < nedges; i++) {
        const cg_edge *x = cg_graph_edge(g, i);
        if (map[x->source] == SIZE_MAX || map[x->target] == SIZE_MAX) continue;
        e = igraph_vector_int_push_back(&ev, (igraph_integer_t)map[x->source]);
        if (!e) e = igraph_vector_int_push_back(&ev, (igraph_integer_t)map[x->target]);
        edge_ids[ne++] = i;
    }
    if (!e) e = igraph_create(&ig, &ev, (igraph_integer_t)k, IGRAPH_DIRECTED);
    have = !e;
    for (size_t v = 0; !e && v < nnodes; v++)
        if (map[v] != SIZE_MAX)
            e = node_attributes(g, &ig, cg_graph_node(g, v), (igraph_integer_t)map[v]);
    for (size_t j = 0; !e && j < ne; j++)
        e = edge_attributes(&ig, cg_graph_edge(g, edge_ids[j]), (igraph_integer_t)j);
    if (!e) e = igraph_write_graph_graphml(&ig, mem, 1);
    if (have) igraph_destroy(&ig);
    igraph_vector_int_destroy(&ev);
    igraph_set_attribute_table(previous);
    cgg_igraph_leave(&guard);
    int closed = fclose(mem) == 0;
    cg_status st = e ? cgg_igraph_error(e, err) : !closed ? cgu_oom(err) : CG_OK;
    if (st == CG_OK && cgu_buf_append(out, text, textlen)) st = cgu_oom(err);
    free(text);
    free(edge_ids);
    free(map);
    return st;
}
