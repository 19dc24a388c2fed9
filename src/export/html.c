/* html.c - the graph as the HTML explorer (citegraph/export.h).
 *
 * The page is the template data/explorer/explorer.html with its style, the
 * vendored libraries and the page's script inlined at build time
 * (cmake/embed_explorer.cmake): two texts, the part before the data and
 * the part after it. Between them goes the graph as JSON in a
 * <script type="application/json">, one array per node and per edge whose
 * fields the JSON names once ("node_fields", "edge_fields"), and repeated
 * texts (kinds, types, authors, files) as indices into tables, so that a
 * graph of 100,000 nodes and 300,000 edges stays a page a browser opens in
 * seconds. Every '<' of the JSON is written \u003c: no title can end the
 * script element. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/export.h"
#include "citegraph/version.h"
#include "export/dot_label.h"
#include "export/explorer_assets.h"
#include "graph/igraph_glue.h"
#include "node_fields.h"
#include "util/json_util.h"
#include "util/util.h"

/* ---- tables: distinct texts, sorted, looked up by binary search ---- */

typedef struct table {
    const char **items;
    size_t n, cap;
} table;

static int table_add(table *t, const char *s) {
    if (!s) return 0;
    if (cgu_grow((void **)&t->items, &t->cap, t->n + 1, sizeof *t->items)) return -1;
    t->items[t->n++] = s;
    return 0;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void table_seal(table *t) {
    if (!t->n) return;
    qsort(t->items, t->n, sizeof *t->items, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < t->n; i++)
        if (!u || strcmp(t->items[i], t->items[u - 1]) != 0) t->items[u++] = t->items[i];
    t->n = u;
}

/* The index of s in the sealed table, or -1 (also for NULL). */
static json_int_t table_index(const table *t, const char *s) {
    if (!s || !t->n) return -1;
    const char **hit = bsearch(&s, t->items, t->n, sizeof *t->items, cmp_str);
    return hit ? (json_int_t)(hit - t->items) : -1;
}

static json_t *table_json(const table *t) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < t->n; i++)
        if (json_array_append_new(a, cgu_json_str(t->items[i]))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

enum { T_KIND, T_ISSUER, T_TYPE, T_AUTHOR, T_FILE, NTABLES };
static const char *const table_names[NTABLES] = {"kind", "issuer", "type", "author", "file"};

/* ---- writing ---- */

typedef struct page {
    const cg_graph *g;
    const unsigned char *keep;
    size_t *index; /* node -> its index on the page, SIZE_MAX when not kept */
    double *xy, *indegree, *pagerank;
    table tables[NTABLES];
    cg_buf scratch;
    cg_buf *out;
} page;

/* Appends the JSON text `s` with every '<' as \u003c ('<' stands only in
 * strings, where the escape means the same). */
static int append_script_safe(cg_buf *out, const char *s, size_t len) {
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '<') continue;
        if (cgu_buf_append(out, s + start, i - start) || cgu_buf_puts(out, "\\u003c")) return -1;
        start = i + 1;
    }
    return cgu_buf_append(out, s + start, len - start);
}

/* Appends a jansson value (taken) to the page, script-safe. */
static int put_json(page *p, json_t *v) {
    cg_buf_clear(&p->scratch);
    /* eight significant digits: hundredths of the layout's coordinates and
     * PageRank to 1e-8 relative, without 17-digit noise */
    if (cgu_json_append(&p->scratch, v, JSON_COMPACT | JSON_REAL_PRECISION(8))) return -1;
    return append_script_safe(p->out, p->scratch.data, p->scratch.len);
}

static int collect_tables(page *p) {
    const cg_graph *g = p->g;
    int rc = 0;
    for (size_t v = 0; !rc && v < cg_graph_node_count(g); v++) {
        if (p->index[v] == SIZE_MAX) continue;
        const cg_node *n = cg_graph_node(g, v);
        rc = table_add(&p->tables[T_KIND], cg_node_kind_name(n)) ||
             table_add(&p->tables[T_ISSUER], cge_issuer(n)) ||
             table_add(&p->tables[T_TYPE], n->type) || table_add(&p->tables[T_FILE], n->file);
        for (size_t a = 0; !rc && a < n->nauthors; a++)
            rc = table_add(&p->tables[T_AUTHOR], n->authors[a].name);
    }
    for (size_t i = 0; !rc && i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (p->index[e->source] == SIZE_MAX || p->index[e->target] == SIZE_MAX) continue;
        for (size_t k = 0; !rc && k < e->npositions; k++)
            rc = table_add(&p->tables[T_FILE], e->positions[k].file);
    }
    for (size_t t = 0; t < NTABLES; t++)
        table_seal(&p->tables[t]);
    return rc;
}

/* A node's label: the name people write; a question's with its document's
 * ("BT-Drs. 19/5954, Frage 2"), since the page shows it alone. */
static json_t *node_label(const cg_graph *g, const cg_node *n) {
    char name[256], parent[256], both[520];
    const char *s = cge_node_name(n, name, sizeof name);
    if (n->kind == CG_NODE_QUESTION && n->parent != SIZE_MAX) {
        const cg_node *doc = cg_graph_node(g, n->parent);
        snprintf(both, sizeof both, "%s, %s", cge_node_name(doc, parent, sizeof parent), s);
        s = both;
    }
    return cgu_json_str(s);
}

/* Appends v (taken) to the array a; 0 when v is NULL or memory ran out. */
static int push(json_t *a, json_t *v) {
    return v && json_array_append_new(a, v) == 0;
}

/* *v, handed over: a container is taken only where the chain of pushes
 * reaches it, and freed by its owner otherwise. */
static json_t *take(json_t **v) {
    json_t *t = *v;
    *v = NULL;
    return t;
}

static const char *const node_fields[] = {
    "id",       "label",  "x",      "y",    "kind",      "issuer",  "wahlperiode",
    "type",     "date",   "title",  "url",  "in_corpus", "authors", "indegree",
    "pagerank", "number", "parent", "file", "record"};

static json_t *node_row(page *p, size_t v) {
    const cg_graph *g = p->g;
    const cg_node *n = cg_graph_node(g, v);
    char number[128];
    json_t *row = json_array(), *authors = json_array();
    int ok = row && authors;
    for (size_t a = 0; ok && a < n->nauthors; a++) {
        json_t *pair = json_array();
        ok = push(authors, pair) &&
             push(pair, json_integer(table_index(&p->tables[T_AUTHOR], n->authors[a].name))) &&
             push(pair, json_integer((json_int_t)n->authors[a].role));
    }
    json_int_t parent = n->parent != SIZE_MAX && p->index[n->parent] != SIZE_MAX
                            ? (json_int_t)p->index[n->parent]
                            : -1;
    /* in the order of node_fields */
    ok = ok && push(row, cgu_json_str(n->id)) && push(row, node_label(g, n)) &&
         push(row, json_real(p->xy[2 * v])) && push(row, json_real(p->xy[2 * v + 1])) &&
         push(row, json_integer(table_index(&p->tables[T_KIND], cg_node_kind_name(n)))) &&
         push(row, json_integer(table_index(&p->tables[T_ISSUER], cge_issuer(n)))) &&
         push(row, json_integer((json_int_t)cge_wahlperiode(n))) &&
         push(row, json_integer(table_index(&p->tables[T_TYPE], n->type))) &&
         push(row, cgu_json_str(n->date)) && push(row, cgu_json_str(n->title)) &&
         push(row, cgu_json_str(n->url)) && push(row, json_integer(n->in_corpus)) &&
         push(row, take(&authors)) && push(row, json_integer((json_int_t)p->indegree[v])) &&
         push(row, json_real(p->pagerank[v])) &&
         push(row, cgu_json_str(cge_number(n, number, sizeof number))) &&
         push(row, json_integer(parent)) &&
         push(row, json_integer(table_index(&p->tables[T_FILE], n->file))) &&
         push(row, json_integer((json_int_t)n->record));
    json_decref(authors);
    if (ok) return row;
    json_decref(row);
    return NULL;
}

static const char *const edge_fields[] = {"source", "target",   "relation",
                                          "count",  "locators", "positions"};

static json_t *edge_row(page *p, const cg_edge *e) {
    json_t *row = json_array(), *locators = json_array(), *positions = json_array();
    int ok = row && locators && positions;
    for (size_t l = 0; ok && l < e->nlocators; l++)
        ok = push(locators, cgu_json_str(e->locators[l]));
    for (size_t k = 0; ok && k < e->npositions; k++) {
        const cg_position *at = &e->positions[k];
        json_t *pos = json_array();
        ok = push(positions, pos) &&
             push(pos, json_integer(table_index(&p->tables[T_FILE], at->file))) &&
             push(pos, json_integer((json_int_t)at->record)) &&
             push(pos, json_integer((json_int_t)at->line)) &&
             push(pos, json_integer((json_int_t)at->col)) && push(pos, cgu_json_str(at->quote));
    }
    ok = ok && push(row, json_integer((json_int_t)p->index[e->source])) &&
         push(row, json_integer((json_int_t)p->index[e->target])) &&
         push(row, json_integer((json_int_t)e->relation)) &&
         push(row, json_integer((json_int_t)e->count)) && push(row, take(&locators)) &&
         push(row, take(&positions));
    json_decref(locators);
    json_decref(positions);
    if (ok) return row;
    json_decref(row);
    return NULL;
}

static json_t *names_json(const char *const *names, size_t n) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (!push(a, json_string(names[i]))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* Everything before "nodes": schema, title, layout, counts, tables. */
static json_t *header_json(page *p, const cg_html_options *opts, const cg_time_axis *axis,
                           size_t nodes, size_t edges) {
    char title[128];
    if (!opts->title)
        snprintf(title, sizeof title, "citegraph: %zu nodes, %zu edges", nodes, edges);
    /* the names the graph gives the enums, in their order: the page's indices */
    const char *const roles[] = {cg_author_role_name(CG_AUTHOR_SUBMITTER),
                                 cg_author_role_name(CG_AUTHOR_MINISTRY),
                                 cg_author_role_name(CG_AUTHOR_ASKER)};
    const char *const relations[] = {cg_edge_relation_name(CG_EDGE_CITES),
                                     cg_edge_relation_name(CG_EDGE_ANSWERS),
                                     cg_edge_relation_name(CG_EDGE_PART_OF)};
    json_t *h = json_object(), *tables = json_object(), *time = json_null();
    int ok = h && tables && time;
    if (ok && opts->layout == CG_LAYOUT_TIME && axis->from[0]) {
        json_decref(time);
        time = json_object();
        ok = time && cgu_json_set(time, "from", json_string(axis->from)) &&
             cgu_json_set(time, "to", json_string(axis->to)) &&
             cgu_json_set(time, "x_from", json_real(axis->x_from)) &&
             cgu_json_set(time, "x_to", json_real(axis->x_to)) &&
             cgu_json_set(time, "x_undated", json_real(axis->x_undated));
    }
    json_t *counts = json_object();
    ok =
        ok && counts && cgu_json_set(h, "schema", json_string("citegraph-explorer/1")) &&
        cgu_json_set(h, "generator", json_string("citegraph " CG_VERSION_STRING)) &&
        cgu_json_set(h, "title", cgu_json_str(opts->title ? opts->title : title)) &&
        cgu_json_set(h, "layout", json_string(opts->layout == CG_LAYOUT_TIME ? "time" : "force")) &&
        cgu_json_set(h, "time_axis", take(&time));
    ok = ok && cgu_json_set(counts, "nodes", json_integer((json_int_t)nodes)) &&
         cgu_json_set(counts, "edges", json_integer((json_int_t)edges)) &&
         cgu_json_set(h, "counts", take(&counts));
    for (size_t t = 0; ok && t < NTABLES; t++)
        ok = cgu_json_set(tables, table_names[t], table_json(&p->tables[t]));
    ok = ok && cgu_json_set(tables, "role", names_json(roles, 3)) &&
         cgu_json_set(tables, "relation", names_json(relations, 3)) &&
         cgu_json_set(h, "tables", take(&tables));
    ok = ok &&
         cgu_json_set(h, "node_fields",
                      names_json(node_fields, sizeof node_fields / sizeof *node_fields)) &&
         cgu_json_set(h, "edge_fields",
                      names_json(edge_fields, sizeof edge_fields / sizeof *edge_fields));
    json_decref(time);
    json_decref(counts);
    json_decref(tables);
    if (ok) return h;
    json_decref(h);
    return NULL;
}

/* The data: the header object without its closing brace, then the nodes
 * and edges row by row, so that no tree of the whole graph is built. */
static int write_data(page *p, const cg_html_options *opts, const cg_time_axis *axis, size_t nodes,
                      size_t edges) {
    const cg_graph *g = p->g;
    cg_buf_clear(&p->scratch);
    if (cgu_json_append(&p->scratch, header_json(p, opts, axis, nodes, edges),
                        JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8)))
        return -1;
    /* the header ends in '}': continued with the rows */
    if (append_script_safe(p->out, p->scratch.data, p->scratch.len - 1) ||
        cgu_buf_puts(p->out, ",\"nodes\":["))
        return -1;
    const char *sep = "";
    for (size_t v = 0; v < cg_graph_node_count(g); v++) {
        if (p->index[v] == SIZE_MAX) continue;
        if (cgu_buf_puts(p->out, sep) || put_json(p, node_row(p, v))) return -1;
        sep = ",";
    }
    if (cgu_buf_puts(p->out, "],\"edges\":[")) return -1;
    sep = "";
    for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (p->index[e->source] == SIZE_MAX || p->index[e->target] == SIZE_MAX) continue;
        if (cgu_buf_puts(p->out, sep) || put_json(p, edge_row(p, e))) return -1;
        sep = ",";
    }
    return cgu_buf_puts(p->out, "]}");
}

cg_status cg_graph_write_html(const cg_graph *g, const unsigned char *keep,
                              const cg_html_options *opts, cg_buf *out, cg_error *err) {
    if (!cg_graph_is_finished(g)) return cgg_not_finished(err);
    const cg_html_options defaults = {CG_LAYOUT_FORCE, NULL};
    if (!opts) opts = &defaults;
    size_t n = cg_graph_node_count(g), nodes = 0, edges = 0;
    page p = {.g = g, .keep = keep, .out = out};
    cg_buf_init(&p.scratch);
    p.index = malloc((n + 1) * sizeof *p.index);
    p.xy = malloc((2 * n + 1) * sizeof *p.xy);
    p.indegree = malloc((n + 1) * sizeof *p.indegree);
    p.pagerank = malloc((n + 1) * sizeof *p.pagerank);
    cg_status st = CG_OK;
    if (!p.index || !p.xy || !p.indegree || !p.pagerank) st = cgu_oom(err);
    for (size_t v = 0; st == CG_OK && v < n; v++)
        p.index[v] = cge_kept(keep, v) ? nodes++ : SIZE_MAX;
    for (size_t i = 0; st == CG_OK && i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        edges += p.index[e->source] != SIZE_MAX && p.index[e->target] != SIZE_MAX;
    }
    cg_time_axis axis;
    if (st == CG_OK) st = cg_graph_layout(g, keep, opts->layout, p.xy, &axis, err);
    /* of the whole graph: how much a document is cited in all that was read */
    if (st == CG_OK) st = cg_graph_rank(g, CG_RANK_INDEGREE, p.indegree, err);
    if (st == CG_OK) st = cg_graph_rank(g, CG_RANK_PAGERANK, p.pagerank, err);
    if (st == CG_OK &&
        (collect_tables(&p) || cgu_buf_append(out, cg_explorer_head, cg_explorer_head_len) ||
         write_data(&p, opts, &axis, nodes, edges) ||
         cgu_buf_append(out, cg_explorer_tail, cg_explorer_tail_len)))
        st = cgu_oom(err);
    for (size_t t = 0; t < NTABLES; t++)
        free(p.tables[t].items);
    cg_buf_release(&p.scratch);
    free(p.index);
    free(p.xy);
    free(p.indegree);
    free(p.pagerank);
    return st;
}
