/* json.c - the graph as JSON node-link data (citegraph/export.h), and its
 * nodes and edges as jansson values (citegraph/graph_json.h): one schema,
 * data/graph.schema.json, for the export and for every query's JSON. */
#include <string.h>

#include "citegraph/export.h"
#include "citegraph/graph_json.h"
#include "citegraph/version.h"
#include "graph/igraph_glue.h"
#include "node_fields.h"
#include "util/json_util.h"
#include "util/util.h"

json_t *cg_graph_node_json(const cg_graph *g, size_t node, cg_error *err) {
    const cg_node *n = cg_graph_node(g, node);
    if (!n) {
        cgu_error(err, CG_EINVAL, NULL, 0, 0, "no node %zu", node);
        return NULL;
    }
    char number[128];
    unsigned wp = cge_wahlperiode(n);
    json_t *o = json_object();
    int ok = o && cgu_json_set(o, "id", cgu_json_str(n->id)) &&
             cgu_json_set(o, "kind", cgu_json_str(cg_node_kind_name(n))) &&
             cgu_json_set(o, "in_corpus", json_boolean(n->in_corpus)) &&
             cgu_json_set(o, "file", cgu_json_str(n->file)) &&
             /* only a document that came in a DIP record has them, so that
              * the JSON of text files stays as it was */
             (!n->record || cgu_json_set(o, "record", json_integer((json_int_t)n->record))) &&
             (!n->dip_id || cgu_json_set(o, "dip_id", cgu_json_str(n->dip_id))) &&
             cgu_json_set(o, "number", cgu_json_str(cge_number(n, number, sizeof number))) &&
             cgu_json_set(o, "wahlperiode", wp ? json_integer(wp) : json_null()) &&
             cgu_json_set(o, "issuer", cgu_json_str(cge_issuer(n))) &&
             cgu_json_set(o, "type", cgu_json_str(n->type)) &&
             cgu_json_set(o, "date", cgu_json_str(n->date)) &&
             cgu_json_set(o, "title", cgu_json_str(n->title)) &&
             cgu_json_set(o, "url", cgu_json_str(n->url)) &&
             cgu_json_set(o, "parent", cgu_json_str(cge_parent_id(g, n)));
    json_t *authors = ok ? json_array() : NULL;
    ok = ok && cgu_json_set(o, "urheber", authors);
    for (size_t i = 0; ok && i < n->nauthors; i++) {
        json_t *a = json_object();
        ok = a && cgu_json_set(a, "name", cgu_json_str(n->authors[i].name)) &&
             cgu_json_set(a, "role", cgu_json_str(cg_author_role_name(n->authors[i].role)));
        if (ok)
            ok = json_array_append_new(authors, a) == 0;
        else
            json_decref(a);
    }
    ok = ok && cgu_json_set(o, "type_from", cgu_json_str(cge_source(n->type_from))) &&
         cgu_json_set(o, "title_from", cgu_json_str(cge_source(n->title_from))) &&
         cgu_json_set(o, "date_from", cgu_json_str(cge_source(n->date_from))) &&
         cgu_json_set(o, "urheber_from", cgu_json_str(cge_source(n->authors_from)));
    if (ok) return o;
    json_decref(o);
    cgu_oom(err);
    return NULL;
}

json_t *cg_graph_edge_json(const cg_graph *g, size_t edge, cg_error *err) {
    const cg_edge *e = cg_graph_edge(g, edge);
    if (!e) {
        cgu_error(err, CG_EINVAL, NULL, 0, 0, "no edge %zu", edge);
        return NULL;
    }
    json_t *o = json_object(), *locs = json_array(), *pos = json_array();
    int ok = o && locs && pos;
    for (size_t l = 0; ok && l < e->nlocators; l++)
        ok = json_array_append_new(locs, cgu_json_str(e->locators[l])) == 0;
    for (size_t p = 0; ok && p < e->npositions; p++) {
        json_t *q = json_object();
        const cg_position *at = &e->positions[p];
        ok = q && cgu_json_set(q, "file", cgu_json_str(at->file)) &&
             (!at->record || cgu_json_set(q, "record", json_integer((json_int_t)at->record))) &&
             cgu_json_set(q, "line", json_integer((json_int_t)e->positions[p].line)) &&
             cgu_json_set(q, "col", json_integer((json_int_t)e->positions[p].col)) &&
             (!at->page ||
              (cgu_json_set(q, "page", json_integer((json_int_t)at->page)) &&
               cgu_json_set(q, "page_line", json_integer((json_int_t)at->page_line))));
        if (ok)
            ok = json_array_append_new(pos, q) == 0;
        else
            json_decref(q);
    }
    ok = ok && cgu_json_set(o, "source", cgu_json_str(cg_graph_node(g, e->source)->id)) &&
         cgu_json_set(o, "target", cgu_json_str(cg_graph_node(g, e->target)->id)) &&
         cgu_json_set(o, "relation", cgu_json_str(cg_edge_relation_name(e->relation))) &&
         cgu_json_set(o, "count", json_integer((json_int_t)e->count)) &&
         cgu_json_set(o, "referrals", json_integer((json_int_t)e->referrals)) &&
         cgu_json_set(o, "age_days",
                      e->age_known ? json_integer((json_int_t)e->age_days) : json_null());
    if (ok) {
        ok = cgu_json_set(o, "locators", locs);
        locs = NULL;
        ok = ok && cgu_json_set(o, "positions", pos);
        pos = NULL;
    }
    json_decref(locs);
    json_decref(pos);
    if (ok) return o;
    json_decref(o);
    cgu_oom(err);
    return NULL;
}

/* The same bytes as one json_dumps() of the whole document with
 * JSON_COMPACT | JSON_PRESERVE_ORDER: {"schema":...,"directed":true,
 * "multigraph":false,"graph":{...},"nodes":[...],"links":[...]}, written
 * one node or link at a time, so that the whole graph never exists as a
 * jansson tree (at a million references that tree took more memory than
 * the graph itself). */
cg_status cg_graph_write_json(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                              cg_error *err) {
    if (!cg_graph_is_finished(g)) return cgg_not_finished(err);
    const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
    size_t nn = 0, ne = 0, nodes = cg_graph_node_count(g), edges = cg_graph_edge_count(g);
    for (size_t v = 0; v < nodes; v++)
        nn += cge_kept(keep, v) != 0;
    for (size_t i = 0; i < edges; i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        ne += cge_kept(keep, e->source) && cge_kept(keep, e->target);
    }
    json_t *meta = json_object();
    int ok = meta &&
             cgu_json_set(meta, "generator", cgu_json_str("citegraph " CG_VERSION_STRING)) &&
             cgu_json_set(meta, "nodes", json_integer((json_int_t)nn)) &&
             cgu_json_set(meta, "links", json_integer((json_int_t)ne));
    if (!ok) {
        json_decref(meta);
        return cgu_oom(err);
    }
    int rc = cgu_buf_puts(out, "{\"schema\":\"citegraph-graph/1\",\"directed\":true,"
                               "\"multigraph\":false,\"graph\":") ||
             cgu_json_append(out, meta, flags) || cgu_buf_puts(out, ",\"nodes\":[");
    const char *sep = "";
    for (size_t v = 0; !rc && v < nodes; v++) {
        if (!cge_kept(keep, v)) continue;
        rc = cgu_buf_puts(out, sep) || cgu_json_append(out, cg_graph_node_json(g, v, NULL), flags);
        sep = ",";
    }
    rc = rc || cgu_buf_puts(out, "],\"links\":[");
    sep = "";
    for (size_t i = 0; !rc && i < edges; i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (!cge_kept(keep, e->source) || !cge_kept(keep, e->target)) continue;
        rc = cgu_buf_puts(out, sep) || cgu_json_append(out, cg_graph_edge_json(g, i, NULL), flags);
        sep = ",";
    }
    rc = rc || cgu_buf_puts(out, "]}\n");
    return rc ? cgu_oom(err) : CG_OK;
}
