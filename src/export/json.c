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

/* ---- a node or an edge, put together piece by piece ----
 *
 * The export writes a million nodes and edges. Each is written as the
 * JSON Lines are (json_util.h): jansson encodes each value, the keys stand
 * between them in the schema's order; the bytes are those of jansson's
 * compact dump of the object. Building a jansson object per item and
 * dumping it cost twice the time. */

/* What a writer keeps across items: the values' cache, and the last
 * texts met again and again by address (an edge's source on the next edge
 * of the same document, the document's file on each of its positions),
 * with their encodings. The graph keeps each text once, at one address. */
typedef struct item_writer {
    cgu_json_values values;
    const char *source, *file; /* the texts of source_json, file_json */
    cg_buf source_json, file_json;
} item_writer;

static void item_writer_release(item_writer *w) {
    cgu_json_values_release(&w->values);
    cg_buf_release(&w->source_json);
    cg_buf_release(&w->file_json);
}

/* The NUL-terminated s (not NULL), whose encoding `last` holds when `*text`
 * is s; else encoded, and kept there. */
static int put_recurring(cg_buf *out, item_writer *w, const char **text, cg_buf *last,
                         const char *s) {
    if (*text != s) {
        cg_buf_clear(last);
        *text = NULL;
        if (cgu_json_put_str(last, &w->values, s)) return -1;
        *text = s;
    }
    return cgu_buf_append(out, last->data, last->len);
}

static int put_node(cg_buf *out, item_writer *w, const cg_graph *g, const cg_node *n) {
    cgu_json_values *c = &w->values;
    char number[128];
    unsigned wp = cge_wahlperiode(n);
    if (CGU_JSON_OPEN(out, "id") || cgu_json_put_str(out, c, n->id) || CGU_JSON_KEY(out, "kind") ||
        cgu_json_put_name(out, c, cg_node_kind_name(n)) || CGU_JSON_KEY(out, "in_corpus") ||
        cgu_json_put_bool(out, c, n->in_corpus) || CGU_JSON_KEY(out, "file") ||
        cgu_json_put_str(out, c, n->file) ||
        /* only a document that came in a DIP record has them, so that the
         * JSON of text files stays as it was */
        (n->record && (CGU_JSON_KEY(out, "record") || cgu_buf_put_size(out, n->record))) ||
        (n->dip_id && (CGU_JSON_KEY(out, "dip_id") || cgu_json_put_str(out, c, n->dip_id))) ||
        CGU_JSON_KEY(out, "number") ||
        cgu_json_put_str(out, c, cge_number(n, number, sizeof number)) ||
        CGU_JSON_KEY(out, "wahlperiode") ||
        (wp ? cgu_buf_put_size(out, wp) : cgu_json_put_null(out, c)) ||
        CGU_JSON_KEY(out, "issuer") || cgu_json_put_name(out, c, cge_issuer(n)) ||
        CGU_JSON_KEY(out, "type") || cgu_json_put_str(out, c, n->type) ||
        CGU_JSON_KEY(out, "date") || cgu_json_put_str(out, c, n->date) ||
        CGU_JSON_KEY(out, "title") || cgu_json_put_str(out, c, n->title) ||
        CGU_JSON_KEY(out, "url") || cgu_json_put_str(out, c, n->url) ||
        CGU_JSON_KEY(out, "parent") || cgu_json_put_str(out, c, cge_parent_id(g, n)) ||
        CGU_JSON_KEY(out, "urheber") || cgu_buf_putc(out, '['))
        return -1;
    for (size_t i = 0; i < n->nauthors; i++)
        if ((i && cgu_buf_putc(out, ',')) || CGU_JSON_OPEN(out, "name") ||
            cgu_json_put_str(out, c, n->authors[i].name) || CGU_JSON_KEY(out, "role") ||
            cgu_json_put_name(out, c, cg_author_role_name(n->authors[i].role)) ||
            cgu_buf_putc(out, '}'))
            return -1;
    return cgu_buf_putc(out, ']') || CGU_JSON_KEY(out, "type_from") ||
                   cgu_json_put_name(out, c, cge_source(n->type_from)) ||
                   CGU_JSON_KEY(out, "title_from") ||
                   cgu_json_put_name(out, c, cge_source(n->title_from)) ||
                   CGU_JSON_KEY(out, "date_from") ||
                   cgu_json_put_name(out, c, cge_source(n->date_from)) ||
                   CGU_JSON_KEY(out, "urheber_from") ||
                   cgu_json_put_name(out, c, cge_source(n->authors_from)) || cgu_buf_putc(out, '}')
               ? -1
               : 0;
}

/* {file, [record,] line, col[, page, page_line]} */
static int put_position(cg_buf *out, item_writer *w, const cg_position *at) {
    return CGU_JSON_OPEN(out, "file") ||
                   (at->file ? put_recurring(out, w, &w->file, &w->file_json, at->file)
                             : cgu_json_put_null(out, &w->values)) ||
                   (at->record &&
                    (CGU_JSON_KEY(out, "record") || cgu_buf_put_size(out, at->record))) ||
                   CGU_JSON_KEY(out, "line") || cgu_buf_put_size(out, at->line) ||
                   CGU_JSON_KEY(out, "col") || cgu_buf_put_size(out, at->col) ||
                   (at->page &&
                    (CGU_JSON_KEY(out, "page") || cgu_buf_put_size(out, at->page) ||
                     CGU_JSON_KEY(out, "page_line") || cgu_buf_put_size(out, at->page_line))) ||
                   cgu_buf_putc(out, '}')
               ? -1
               : 0;
}

static int put_edge(cg_buf *out, item_writer *w, const cg_graph *g, const cg_edge *e) {
    cgu_json_values *c = &w->values;
    if (CGU_JSON_OPEN(out, "source") ||
        put_recurring(out, w, &w->source, &w->source_json, cg_graph_node(g, e->source)->id) ||
        CGU_JSON_KEY(out, "target") || cgu_json_put_str(out, c, cg_graph_node(g, e->target)->id) ||
        CGU_JSON_KEY(out, "relation") ||
        cgu_json_put_name(out, c, cg_edge_relation_name(e->relation)) ||
        CGU_JSON_KEY(out, "count") || cgu_buf_put_size(out, e->count) ||
        CGU_JSON_KEY(out, "referrals") || cgu_buf_put_size(out, e->referrals) ||
        CGU_JSON_KEY(out, "age_days") ||
        (e->age_known ? cgu_buf_put_int(out, e->age_days) : cgu_json_put_null(out, c)) ||
        CGU_JSON_KEY(out, "locators") || cgu_buf_putc(out, '['))
        return -1;
    for (size_t l = 0; l < e->nlocators; l++)
        if ((l && cgu_buf_putc(out, ',')) || cgu_json_put_str(out, c, e->locators[l])) return -1;
    if (cgu_buf_putc(out, ']') || CGU_JSON_KEY(out, "positions") || cgu_buf_putc(out, '['))
        return -1;
    for (size_t p = 0; p < e->npositions; p++)
        if ((p && cgu_buf_putc(out, ',')) || put_position(out, w, &e->positions[p])) return -1;
    return cgu_buf_append(out, "]}", 2);
}

/* ---- a node or an edge as a jansson object, for the queries ----
 *
 * Built key by key rather than parsed from the writer's bytes: jansson's
 * parser does not report every allocation that fails (it can return a
 * string cut short, or write out of bounds), and these objects must give
 * NULL when memory runs out. The keys are those of put_node and put_edge,
 * in their order; test_graph checks every object against the export's
 * item for each optional shape. */

static int set_node(json_t *o, const cg_graph *g, const cg_node *n) {
    char number[128];
    unsigned wp = cge_wahlperiode(n);
    int ok = cgu_json_set(o, "id", cgu_json_str(n->id)) &&
             cgu_json_set(o, "kind", cgu_json_str(cg_node_kind_name(n))) &&
             cgu_json_set(o, "in_corpus", json_boolean(n->in_corpus)) &&
             cgu_json_set(o, "file", cgu_json_str(n->file)) &&
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
    return ok && cgu_json_set(o, "type_from", cgu_json_str(cge_source(n->type_from))) &&
                   cgu_json_set(o, "title_from", cgu_json_str(cge_source(n->title_from))) &&
                   cgu_json_set(o, "date_from", cgu_json_str(cge_source(n->date_from))) &&
                   cgu_json_set(o, "urheber_from", cgu_json_str(cge_source(n->authors_from)))
               ? 0
               : -1;
}

static json_t *position_object(const cg_position *at) {
    json_t *q = json_object();
    int ok = q && cgu_json_set(q, "file", cgu_json_str(at->file)) &&
             (!at->record || cgu_json_set(q, "record", json_integer((json_int_t)at->record))) &&
             cgu_json_set(q, "line", json_integer((json_int_t)at->line)) &&
             cgu_json_set(q, "col", json_integer((json_int_t)at->col)) &&
             (!at->page || (cgu_json_set(q, "page", json_integer((json_int_t)at->page)) &&
                            cgu_json_set(q, "page_line", json_integer((json_int_t)at->page_line))));
    if (ok) return q;
    json_decref(q);
    return NULL;
}

static int set_edge(json_t *o, const cg_graph *g, const cg_edge *e) {
    int ok = cgu_json_set(o, "source", cgu_json_str(cg_graph_node(g, e->source)->id)) &&
             cgu_json_set(o, "target", cgu_json_str(cg_graph_node(g, e->target)->id)) &&
             cgu_json_set(o, "relation", cgu_json_str(cg_edge_relation_name(e->relation))) &&
             cgu_json_set(o, "count", json_integer((json_int_t)e->count)) &&
             cgu_json_set(o, "referrals", json_integer((json_int_t)e->referrals)) &&
             cgu_json_set(o, "age_days",
                          e->age_known ? json_integer((json_int_t)e->age_days) : json_null());
    json_t *locs = ok ? json_array() : NULL;
    ok = ok && cgu_json_set(o, "locators", locs);
    for (size_t l = 0; ok && l < e->nlocators; l++)
        ok = json_array_append_new(locs, cgu_json_str(e->locators[l])) == 0;
    json_t *pos = ok ? json_array() : NULL;
    ok = ok && cgu_json_set(o, "positions", pos);
    for (size_t p = 0; ok && p < e->npositions; p++) /* takes the object, also when it fails */
        ok = json_array_append_new(pos, position_object(&e->positions[p])) == 0;
    return ok ? 0 : -1;
}

/* `o` when it was built (not `failed`); else NULL, with `err` saying that
 * memory ran out. */
static json_t *built(json_t *o, int failed, cg_error *err) {
    if (!failed) return o;
    json_decref(o);
    cgu_oom(err);
    return NULL;
}

static json_t *no_item(cg_error *err, const char *what, size_t i) {
    cgu_error(err, CG_EINVAL, NULL, 0, 0, "no %s %zu", what, i);
    return NULL;
}

json_t *cg_graph_node_json(const cg_graph *g, size_t node, cg_error *err) {
    const cg_node *n = cg_graph_node(g, node);
    if (!n) return no_item(err, "node", node);
    json_t *o = json_object();
    return built(o, !o || set_node(o, g, n), err);
}

json_t *cg_graph_edge_json(const cg_graph *g, size_t edge, cg_error *err) {
    const cg_edge *e = cg_graph_edge(g, edge);
    if (!e) return no_item(err, "edge", edge);
    json_t *o = json_object();
    return built(o, !o || set_edge(o, g, e), err);
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
    item_writer iw = {.source = NULL};
    int rc = 0;
    if (i < w->nchunks_nodes) {
        size_t end = (i + 1) * CHUNK_ITEMS < w->nodes ? (i + 1) * CHUNK_ITEMS : w->nodes;
        for (size_t v = i * CHUNK_ITEMS; !rc && v < end; v++)
            if (cge_kept(w->keep, v))
                rc = cgu_buf_putc(&c->text, ',') ||
                     put_node(&c->text, &iw, w->g, cg_graph_node(w->g, v));
    } else {
        size_t k = i - w->nchunks_nodes;
        size_t end = (k + 1) * CHUNK_ITEMS < w->edges ? (k + 1) * CHUNK_ITEMS : w->edges;
        for (size_t x = k * CHUNK_ITEMS; !rc && x < end; x++) {
            const cg_edge *e = cg_graph_edge(w->g, x);
            if (cge_kept(w->keep, e->source) && cge_kept(w->keep, e->target))
                rc = cgu_buf_putc(&c->text, ',') || put_edge(&c->text, &iw, w->g, e);
        }
    }
    item_writer_release(&iw);
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
