/* json.c - the graph as JSON node-link data (citegraph/export.h), and its
 * nodes and edges as jansson values (citegraph/graph_json.h): one schema,
 * data/graph.schema.json, for the export and for every query's JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/export.h"
#include "citegraph/graph_json.h"
#include "citegraph/version.h"
#include "graph/igraph_glue.h"
#include "node_fields.h"
#include "util/json_util.h"
#include "util/util.h"

/* ---- a node or an edge, into an object made for it or reused ----
 *
 * The export writes a million objects; making each anew (a hash table,
 * its keys, its values) cost most of its time. So it keeps one object per
 * shape (which optional keys it has) and sets each key again for the next
 * item: jansson replaces the value of a key it has in place, so the keys
 * stay in the order they were first set, and the bytes are those of a new
 * object. */

/* Objects kept for reuse: one per node shape, one edge, and per position
 * shape as many as the edge with the most positions of that shape had; and
 * the JSON strings of texts met again and again (a file's name on each of
 * its positions, an edge's source on the next edge, kinds and relations),
 * by the address of the text, which the graph keeps once. */
#define STR_CACHE 64

typedef struct json_pool {
    json_t *node[4];
    json_t *edge;
    json_t **pos[4];
    size_t npos[4], cappos[4];
    const char *text[STR_CACHE];
    json_t *str[STR_CACHE];
} json_pool;

static void pool_release(json_pool *p) {
    for (size_t s = 0; s < 4; s++) {
        json_decref(p->node[s]);
        for (size_t i = 0; i < p->npos[s]; i++)
            json_decref(p->pos[s][i]);
        free(p->pos[s]);
    }
    json_decref(p->edge);
    for (size_t i = 0; i < STR_CACHE; i++)
        json_decref(p->str[i]);
    memset(p, 0, sizeof *p);
}

/* The JSON string of `s` (null for NULL): from the pool's cache when it
 * has the same text at the same address, else made and kept there. A new
 * reference; without a pool, always made. */
static json_t *str_of(json_pool *p, const char *s) {
    if (!s || !p) return cgu_json_str(s);
    size_t slot = ((uintptr_t)s >> 3) % STR_CACHE;
    if (p->text[slot] != s || !p->str[slot]) {
        json_t *j = cgu_json_str(s);
        if (!j) return NULL;
        json_decref(p->str[slot]);
        p->str[slot] = j;
        p->text[slot] = s;
    }
    return json_incref(p->str[slot]);
}

/* The pool's index-th object for positions of shape `s`, made when the
 * pool has fewer; a new reference, NULL when memory ran out. */
static json_t *pooled_position(json_pool *p, size_t s, size_t index) {
    if (index == p->npos[s]) {
        if (cgu_grow((void **)&p->pos[s], &p->cappos[s], index + 1, sizeof *p->pos[s]) ||
            !(p->pos[s][index] = json_object()))
            return NULL;
        p->npos[s]++;
    }
    return json_incref(p->pos[s][index]);
}

/* Sets the node's keys on `o`: a new object, or one filled before for a
 * node of the same shape (node_shape). 0, or -1 when memory ran out. */
static int fill_node(json_t *o, const cg_graph *g, const cg_node *n, json_pool *pool) {
    char number[128];
    unsigned wp = cge_wahlperiode(n);
    int ok = cgu_json_set(o, "id", cgu_json_str(n->id)) &&
             cgu_json_set(o, "kind", str_of(pool, cg_node_kind_name(n))) &&
             cgu_json_set(o, "in_corpus", json_boolean(n->in_corpus)) &&
             cgu_json_set(o, "file", cgu_json_str(n->file)) &&
             /* only a document that came in a DIP record has them, so that
              * the JSON of text files stays as it was */
             (!n->record || cgu_json_set(o, "record", json_integer((json_int_t)n->record))) &&
             (!n->dip_id || cgu_json_set(o, "dip_id", cgu_json_str(n->dip_id))) &&
             cgu_json_set(o, "number", cgu_json_str(cge_number(n, number, sizeof number))) &&
             cgu_json_set(o, "wahlperiode", wp ? json_integer(wp) : json_null()) &&
             cgu_json_set(o, "issuer", str_of(pool, cge_issuer(n))) &&
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
    ok = ok && cgu_json_set(o, "type_from", str_of(pool, cge_source(n->type_from))) &&
         cgu_json_set(o, "title_from", str_of(pool, cge_source(n->title_from))) &&
         cgu_json_set(o, "date_from", str_of(pool, cge_source(n->date_from))) &&
         cgu_json_set(o, "urheber_from", str_of(pool, cge_source(n->authors_from)));
    return ok ? 0 : -1;
}

static size_t node_shape(const cg_node *n) {
    return (n->record ? 1 : 0) | (n->dip_id ? 2 : 0);
}

/* A position's keys, on a new object or one of the same shape (pos_shape). */
static int fill_position(json_t *q, const cg_position *at, json_pool *pool) {
    int ok = cgu_json_set(q, "file", str_of(pool, at->file)) &&
             (!at->record || cgu_json_set(q, "record", json_integer((json_int_t)at->record))) &&
             cgu_json_set(q, "line", json_integer((json_int_t)at->line)) &&
             cgu_json_set(q, "col", json_integer((json_int_t)at->col)) &&
             (!at->page || (cgu_json_set(q, "page", json_integer((json_int_t)at->page)) &&
                            cgu_json_set(q, "page_line", json_integer((json_int_t)at->page_line))));
    return ok ? 0 : -1;
}

static size_t pos_shape(const cg_position *at) {
    return (at->record ? 1 : 0) | (at->page ? 2 : 0);
}

/* The edge's keys on `o` (a new object, or the pool's edge); positions
 * from the pool when there is one. */
static int fill_edge(json_t *o, const cg_graph *g, const cg_edge *e, json_pool *pool) {
    json_t *locs = json_array(), *pos = json_array();
    int ok = locs && pos;
    for (size_t l = 0; ok && l < e->nlocators; l++)
        ok = json_array_append_new(locs, cgu_json_str(e->locators[l])) == 0;
    size_t used[4] = {0};
    for (size_t p = 0; ok && p < e->npositions; p++) {
        const cg_position *at = &e->positions[p];
        size_t s = pos_shape(at);
        json_t *q = pool ? pooled_position(pool, s, used[s]++) : json_object();
        if (!q) {
            ok = 0;
            break;
        }
        if (fill_position(q, at, pool) != 0) {
            json_decref(q);
            ok = 0;
        } else {
            ok = json_array_append_new(pos, q) == 0; /* takes q, also when it fails */
        }
    }
    ok = ok && cgu_json_set(o, "source", str_of(pool, cg_graph_node(g, e->source)->id)) &&
         cgu_json_set(o, "target", cgu_json_str(cg_graph_node(g, e->target)->id)) &&
         cgu_json_set(o, "relation", str_of(pool, cg_edge_relation_name(e->relation))) &&
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
    return ok ? 0 : -1;
}

json_t *cg_graph_node_json(const cg_graph *g, size_t node, cg_error *err) {
    const cg_node *n = cg_graph_node(g, node);
    if (!n) {
        cgu_error(err, CG_EINVAL, NULL, 0, 0, "no node %zu", node);
        return NULL;
    }
    json_t *o = json_object();
    if (o && fill_node(o, g, n, NULL) == 0) return o;
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
    json_t *o = json_object();
    if (o && fill_edge(o, g, e, NULL) == 0) return o;
    json_decref(o);
    cgu_oom(err);
    return NULL;
}

/* ---- the export ---- */

#define JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER)

/* Nodes, then edges, are written in chunks of this many items, each chunk
 * on a worker into its own buffer; the chunks are handed to the sink in
 * order, so the output is the same bytes for any number of threads. */
#define CHUNK_ITEMS 4096

typedef struct chunk {
    cg_buf text;
    bool nomem;
} chunk;

typedef struct writer {
    const cg_graph *g;
    const unsigned char *keep;
    size_t nodes, edges, nchunks_nodes, nchunks;
    chunk *chunks; /* one per window slot */
    size_t window;
    bool nodes_started, edges_started; /* an item of the list written: the next after a ',' */
    cg_sink_fn sink;
    void *ctx;
    bool nomem, sink_failed;
} writer;

/* Writes chunk i: nodes [i * CHUNK_ITEMS ...) or, past the node chunks,
 * edges. Each item is written with a leading ',' (the consumer drops the
 * first of each list). */
static void write_chunk(void *ctx, size_t i) {
    writer *w = ctx;
    chunk *c = &w->chunks[i % w->window];
    cg_buf_clear(&c->text);
    c->nomem = false;
    json_pool pool = {0};
    int rc = 0;
    if (i < w->nchunks_nodes) {
        size_t end = (i + 1) * CHUNK_ITEMS < w->nodes ? (i + 1) * CHUNK_ITEMS : w->nodes;
        for (size_t v = i * CHUNK_ITEMS; !rc && v < end; v++) {
            if (!cge_kept(w->keep, v)) continue;
            const cg_node *n = cg_graph_node(w->g, v);
            json_t **o = &pool.node[node_shape(n)];
            rc = (!*o && !(*o = json_object())) || fill_node(*o, w->g, n, &pool) ||
                 cgu_buf_putc(&c->text, ',') || cgu_json_append_kept(&c->text, *o, JSON_FLAGS);
        }
    } else {
        size_t k = i - w->nchunks_nodes;
        size_t end = (k + 1) * CHUNK_ITEMS < w->edges ? (k + 1) * CHUNK_ITEMS : w->edges;
        for (size_t x = k * CHUNK_ITEMS; !rc && x < end; x++) {
            const cg_edge *e = cg_graph_edge(w->g, x);
            if (!cge_kept(w->keep, e->source) || !cge_kept(w->keep, e->target)) continue;
            rc = (!pool.edge && !(pool.edge = json_object())) ||
                 fill_edge(pool.edge, w->g, e, &pool) || cgu_buf_putc(&c->text, ',') ||
                 cgu_json_append_kept(&c->text, pool.edge, JSON_FLAGS);
        }
    }
    pool_release(&pool);
    c->nomem = rc != 0;
}

static int put(writer *w, const char *data, size_t len) {
    if (!len || w->sink_failed) return w->sink_failed;
    if (w->sink(w->ctx, data, len)) w->sink_failed = true;
    return w->sink_failed;
}

static int consume_chunk(void *ctx, size_t i) {
    writer *w = ctx;
    chunk *c = &w->chunks[i % w->window];
    if (c->nomem) {
        w->nomem = true;
        return 1;
    }
    const char *text = c->text.data;
    size_t len = c->text.len;
    bool *started = i < w->nchunks_nodes ? &w->nodes_started : &w->edges_started;
    if (len && !*started) { /* the first item of its list: no ',' */
        text++;
        len--;
        *started = true;
    }
    if (put(w, text, len)) return 1;
    /* after the last chunk of nodes, the start of the links */
    return i + 1 == w->nchunks_nodes ? put(w, "],\"links\":[", 11) : 0;
}

cg_status cg_graph_stream_json(const cg_graph *g, const unsigned char *keep, int jobs,
                               cg_sink_fn sink, void *ctx, cg_error *err) {
    if (!cg_graph_is_finished(g)) return cgg_not_finished(err);
    size_t nn = 0, ne = 0, nodes = cg_graph_node_count(g), edges = cg_graph_edge_count(g);
    for (size_t v = 0; v < nodes; v++)
        nn += cge_kept(keep, v) != 0;
    for (size_t i = 0; i < edges; i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        ne += cge_kept(keep, e->source) && cge_kept(keep, e->target);
    }
    json_t *meta = json_object();
    cg_buf head = CG_BUF_INIT;
    int rc = !meta ||
             !cgu_json_set(meta, "generator", cgu_json_str("citegraph " CG_VERSION_STRING)) ||
             !cgu_json_set(meta, "nodes", json_integer((json_int_t)nn)) ||
             !cgu_json_set(meta, "links", json_integer((json_int_t)ne)) ||
             cgu_buf_puts(&head, "{\"schema\":\"citegraph-graph/1\",\"directed\":true,"
                                 "\"multigraph\":false,\"graph\":") ||
             cgu_json_append_kept(&head, meta, JSON_FLAGS) || cgu_buf_puts(&head, ",\"nodes\":[");
    json_decref(meta);
    if (rc) {
        cg_buf_release(&head);
        return cgu_oom(err);
    }
    if (jobs <= 0) jobs = cgu_cores();
    /* at least one chunk of nodes, so that "],\"links\":[" is written once */
    size_t ncn = nodes ? (nodes + CHUNK_ITEMS - 1) / CHUNK_ITEMS : 1;
    writer w = {.g = g,
                .keep = keep,
                .nodes = nodes,
                .edges = edges,
                .nchunks_nodes = ncn,
                .nchunks = ncn + (edges + CHUNK_ITEMS - 1) / CHUNK_ITEMS,
                .window = (size_t)jobs * 2,
                .sink = sink,
                .ctx = ctx};
    w.chunks = calloc(w.window, sizeof *w.chunks);
    if (!w.chunks) {
        cg_buf_release(&head);
        return cgu_oom(err);
    }
    for (size_t i = 0; i < w.window; i++)
        cg_buf_init(&w.chunks[i].text);
    put(&w, head.data, head.len);
    cg_buf_release(&head);
    cgu_ordered o = {.n = w.nchunks,
                     .jobs = jobs,
                     .window = w.window,
                     .ctx = &w,
                     .work = write_chunk,
                     .consume = consume_chunk};
    if (!w.sink_failed && cgu_ordered_run(&o) < 0) w.nomem = true;
    /* closed only when whole: a graph cut short must not read as complete */
    if (!w.nomem) put(&w, "]}\n", 3);
    for (size_t i = 0; i < w.window; i++)
        cg_buf_release(&w.chunks[i].text);
    free(w.chunks);
    if (w.nomem) return cgu_oom(err);
    if (w.sink_failed)
        return cgu_error(err, CG_EIO, NULL, 0, 0, "the JSON could not be written on");
    return CG_OK;
}

static int append_to_buf(void *ctx, const char *data, size_t len) {
    return cgu_buf_append(ctx, data, len) ? -1 : 0;
}

/* The same bytes as one json_dumps() of the whole document with
 * JSON_COMPACT | JSON_PRESERVE_ORDER: {"schema":...,"directed":true,
 * "multigraph":false,"graph":{...},"nodes":[...],"links":[...]}, written
 * one node or link at a time, so that the whole graph never exists as a
 * jansson tree (at a million references that tree took more memory than
 * the graph itself). */
cg_status cg_graph_write_json(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                              cg_error *err) {
    size_t before = out->len;
    cg_status st = cg_graph_stream_json(g, keep, 1, append_to_buf, out, err);
    if (st == CG_EIO) st = cgu_oom(err); /* appending to the buffer is all that can fail */
    if (st != CG_OK) {
        out->len = before;
        if (out->cap) out->data[before] = '\0';
    }
    return st;
}
