/* graph_out.c - the graph as DOT, JSON node-link data, CSV and GraphML.
 *
 * Every exporter writes the nodes in id order and the edges in (source,
 * target) order, so the same graph gives the same bytes. Text from the
 * documents (titles) is made valid UTF-8 and escaped for each format, so
 * that no title or URL can break the syntax of the output. */
#include <jansson.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "graph/graph_internal.h"
#include "util/json_util.h"

static int kept(const unsigned char *keep, size_t v) {
    return !keep || keep[v];
}

/* ---- DOT ---- */

/* A DOT quoted string: '"' and '\' escaped, line breaks as \n, other
 * control characters as spaces, invalid UTF-8 as U+FFFD. */
static int dot_str(cg_string *out, const char *s) {
    cg_string v = {0};
    if (cgu_str_append_valid_utf8(&v, s ? s : "", s ? strlen(s) : 0)) return -1;
    int rc = cgu_str_putc(out, '"');
    for (size_t i = 0; !rc && i < v.len; i++) {
        char c = v.data[i];
        if (c == '"' || c == '\\') rc = cgu_str_putc(out, '\\') || cgu_str_putc(out, c);
        else if (c == '\n') rc = cgu_str_puts(out, "\\n");
        else if ((unsigned char)c < 0x20) rc = cgu_str_putc(out, ' ');
        else rc = cgu_str_putc(out, c);
    }
    cg_string_release(&v);
    return rc || cgu_str_putc(out, '"');
}

/* The first `max` characters of s, with "…" when cut. */
static void shorten(const char *s, size_t max, char *out, size_t cap) {
    size_t chars = 0, i = 0;
    while (s[i] && chars < max && i + 4 < cap) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80) i++;
        chars++;
    }
    snprintf(out, cap, "%.*s%s", (int)i, s, s[i] ? "\xE2\x80\xA6" : "");
}

static const char *fill_of(const cg_node *n) {
    if (!n->in_corpus && strcmp(n->kind, "question") != 0) return "white";
    if (strncmp(n->kind, "bt_", 3) == 0) return "#dbe9f6";
    if (strncmp(n->kind, "br_", 3) == 0) return "#dcefd9";
    if (strncmp(n->kind, "landtag", 7) == 0) return "#ece0f3";
    if (strncmp(n->kind, "eu_", 3) == 0) return "#fbf0c9";
    if (strcmp(n->kind, "question") == 0) return "#f7f7f7";
    return "#eeeeee";
}

/* The cluster a node belongs in: issuer and Wahlperiode (Bundesrat: year). */
static void cluster_of(const cg_graph *g, const cg_node *n, char *key, size_t kcap, char *label,
                       size_t lcap) {
    const cg_node *d = n;
    if (n->parent) {
        size_t p;
        if (cgu_map_get(&g->index, n->parent, &p)) d = &g->nodes[p];
    }
    const char *issuer = d->issuer ? d->issuer : "";
    if (strcmp(issuer, "BT") == 0 && d->wahlperiode) {
        snprintf(key, kcap, "BT %d", d->wahlperiode);
        snprintf(label, lcap, "Bundestag, %d. Wahlperiode", d->wahlperiode);
    } else if (strcmp(issuer, "LT") == 0) {
        snprintf(key, kcap, "LT %d", d->wahlperiode);
        snprintf(label, lcap, "Landtage, %d. Wahlperiode", d->wahlperiode);
    } else if (strcmp(issuer, "BR") == 0 && d->number) {
        const char *slash = strrchr(d->number, '/');
        int yy = slash ? atoi(slash + 1) : 0;
        snprintf(key, kcap, "BR %02d", yy);
        snprintf(label, lcap, "Bundesrat, 20%02d", yy);
    } else if (strcmp(issuer, "EU") == 0) {
        snprintf(key, kcap, "EU");
        snprintf(label, lcap, "Europäische Union");
    } else if (strcmp(d->kind, CG_KIND_URL) == 0) {
        snprintf(key, kcap, "web");
        snprintf(label, lcap, "Web");
    } else {
        snprintf(key, kcap, "other");
        snprintf(label, lcap, "Other documents");
    }
}

static int dot_node(const cg_graph *g, const cg_node *n, cg_string *out) {
    char title[160] = "", label[512], tooltip[1024];
    if (n->title) shorten(n->title, 40, title, sizeof title);
    const char *name = n->parent ? n->number : n->number ? n->number : n->id;
    snprintf(label, sizeof label, "%s%s%s%s%s%s%s", n->parent ? "" : n->issuer ? n->issuer : "",
             n->parent || !n->issuer ? "" : " ", name, title[0] ? "\n" : "", title,
             n->type || n->date ? "\n" : "", "");
    if (n->type || n->date) {
        size_t k = strlen(label);
        snprintf(label + k, sizeof label - k, "%s%s%s", n->type ? n->type : "",
                 n->type && n->date ? ", " : "", n->date ? n->date : "");
    }
    snprintf(tooltip, sizeof tooltip, "%s%s%s%s%s%s%s%s", n->id, n->in_corpus ? "" : " (external)",
             n->type ? "\n" : "", n->type ? n->type : "", n->date ? "\n" : "",
             n->date ? n->date : "", n->title ? "\n" : "", n->title ? n->title : "");
    int q = strcmp(n->kind, "question") == 0;
    int rc = cgu_str_puts(out, "    ") || dot_str(out, n->id) || cgu_str_puts(out, " [label=") ||
             dot_str(out, label) || cgu_str_puts(out, ", tooltip=") || dot_str(out, tooltip) ||
             cgu_str_printf(out, ", fillcolor=\"%s\"", fill_of(n)) ||
             cgu_str_puts(out, q ? ", shape=ellipse" : "") ||
             cgu_str_puts(out, n->in_corpus || q ? "" : ", style=\"rounded,dashed,filled\"");
    if (!rc && n->url)
        rc = cgu_str_puts(out, ", URL=") || dot_str(out, n->url) ||
             cgu_str_puts(out, ", target=\"_blank\"");
    (void)g;
    return rc || cgu_str_puts(out, "];\n");
}

typedef struct dot_order {
    const char *key;
    size_t node;
} dot_order;

static int cmp_order(const void *a, const void *b) {
    const dot_order *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->node < y->node ? -1 : x->node > y->node);
}

cg_status cg_graph_write_dot(const cg_graph *g, const unsigned char *keep, cg_string *out) {
    if (!g->finished) return CG_EINVAL;
    int rc = cgu_str_puts(out, "digraph citegraph {\n"
                               "    graph [rankdir=RL, newrank=true, fontname=\"Helvetica\", "
                               "fontsize=11, nodesep=0.25, ranksep=0.6];\n"
                               "    node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", "
                               "fontsize=10, color=\"#555555\"];\n"
                               "    edge [fontname=\"Helvetica\", fontsize=8, color=\"#666666\", "
                               "arrowsize=0.7];\n");
    /* clusters: nodes sorted by cluster key, then id */
    size_t n = g->nnodes;
    dot_order *ord = calloc(n ? n : 1, sizeof *ord);
    char (*keys)[32] = calloc(n ? n : 1, sizeof *keys);
    char (*labels)[64] = calloc(n ? n : 1, sizeof *labels);
    if (!ord || !keys || !labels) {
        free(ord);
        free(keys);
        free(labels);
        return CG_ENOMEM;
    }
    size_t k = 0;
    for (size_t v = 0; v < n; v++) {
        if (!kept(keep, v)) continue;
        cluster_of(g, &g->nodes[v], keys[v], sizeof keys[v], labels[v], sizeof labels[v]);
        ord[k++] = (dot_order){keys[v], v};
    }
    if (k) qsort(ord, k, sizeof *ord, cmp_order);
    for (size_t i = 0; !rc && i < k; i++) {
        size_t v = ord[i].node;
        if (!i || strcmp(ord[i].key, ord[i - 1].key) != 0) {
            char name[48];
            snprintf(name, sizeof name, "cluster_%zu", i);
            rc = cgu_str_printf(out, "    subgraph %s {\n        label=", name) ||
                 dot_str(out, labels[v]) ||
                 cgu_str_puts(out, "; style=\"rounded,dashed\"; color=\"#bbbbbb\"; "
                                   "fontcolor=\"#777777\";\n");
        }
        rc = rc || cgu_str_puts(out, "    ") || dot_node(g, &g->nodes[v], out);
        if (!rc && (i + 1 == k || strcmp(ord[i + 1].key, ord[i].key) != 0))
            rc = cgu_str_puts(out, "    }\n");
    }
    /* documents of one date on one rank, so time runs across the picture */
    for (size_t i = 0; i < k; i++) ord[i] = (dot_order){g->nodes[ord[i].node].date, ord[i].node};
    size_t m = 0;
    for (size_t i = 0; i < k; i++)
        if (ord[i].key) ord[m++] = ord[i];
    if (m) qsort(ord, m, sizeof *ord, cmp_order);
    for (size_t i = 0, j; !rc && i < m; i = j) {
        j = i;
        while (j < m && strcmp(ord[j].key, ord[i].key) == 0) j++;
        if (j - i < 2) continue;
        rc = cgu_str_puts(out, "    { rank=same;");
        for (size_t t = i; !rc && t < j; t++)
            rc = cgu_str_putc(out, ' ') || dot_str(out, g->nodes[ord[t].node].id) ||
                 cgu_str_putc(out, ';');
        rc = rc || cgu_str_puts(out, " }\n");
    }
    for (size_t i = 0; !rc && i < g->nedges; i++) {
        const cg_edge *e = &g->edges[i];
        if (!kept(keep, e->source) || !kept(keep, e->target)) continue;
        char label[256] = "", tooltip[1024] = "";
        size_t ln = 0, tn = 0;
        for (size_t l = 0; l < e->nlocators && ln + 40 < sizeof label; l++)
            ln += (size_t)snprintf(label + ln, sizeof label - ln, "%s%s", l ? ", " : "",
                                   e->locators[l]);
        tn += (size_t)snprintf(tooltip, sizeof tooltip, "%s %s %s (%zu×)",
                               g->nodes[e->source].id, e->relation, g->nodes[e->target].id,
                               e->count);
        for (size_t p = 0; p < e->npositions && p < 5 && tn + 80 < sizeof tooltip; p++)
            tn += (size_t)snprintf(tooltip + tn, sizeof tooltip - tn, "\n%s:%zu:%zu",
                                   e->positions[p].file, e->positions[p].line,
                                   e->positions[p].col);
        const char *style = strcmp(e->relation, "answers") == 0 ? ", color=\"#b2182b\", penwidth=2"
                            : strcmp(e->relation, "part_of") == 0 ? ", style=dotted, arrowhead=none"
                                                                  : "";
        rc = cgu_str_puts(out, "    ") || dot_str(out, g->nodes[e->source].id) ||
             cgu_str_puts(out, " -> ") || dot_str(out, g->nodes[e->target].id) ||
             cgu_str_puts(out, " [tooltip=") || dot_str(out, tooltip);
        if (!rc && label[0]) rc = cgu_str_puts(out, ", label=") || dot_str(out, label);
        if (!rc && strcmp(e->relation, "answers") == 0)
            rc = cgu_str_puts(out, ", xlabel=\"answers\"");
        rc = rc || cgu_str_puts(out, style) || cgu_str_puts(out, "];\n");
    }
    free(ord);
    free(keys);
    free(labels);
    return rc || cgu_str_puts(out, "}\n") ? CG_ENOMEM : CG_OK;
}

/* ---- JSON ---- */

static int append_json(const char *buffer, size_t size, void *data) {
    return cgu_str_append(data, buffer, size) ? -1 : 0;
}

/* Appends the compact form of o and drops it: one node or link at a time, so
 * that the whole graph never exists as a jansson tree (at a million
 * references that tree took more memory than the graph itself). */
static int put_json(cg_string *out, json_t *o) {
    int rc = !o || json_dump_callback(o, append_json, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return rc;
}

static json_t *node_json(const cg_node *n) {
    json_t *o = json_object();
    int ok = o && cgu_json_set(o, "id", cgu_json_str(n->id)) &&
             cgu_json_set(o, "kind", cgu_json_str(n->kind)) &&
             cgu_json_set(o, "in_corpus", json_boolean(n->in_corpus)) &&
             cgu_json_set(o, "file", cgu_json_str(n->file)) &&
             cgu_json_set(o, "number", cgu_json_str(n->number)) &&
             cgu_json_set(o, "wahlperiode",
                          n->wahlperiode ? json_integer(n->wahlperiode) : json_null()) &&
             cgu_json_set(o, "issuer", cgu_json_str(n->issuer)) &&
             cgu_json_set(o, "type", cgu_json_str(n->type)) &&
             cgu_json_set(o, "date", cgu_json_str(n->date)) &&
             cgu_json_set(o, "title", cgu_json_str(n->title)) &&
             cgu_json_set(o, "url", cgu_json_str(n->url)) &&
             cgu_json_set(o, "parent", cgu_json_str(n->parent));
    if (!ok) json_decref(o);
    return ok ? o : NULL;
}

static json_t *link_json(const cg_graph *g, const cg_edge *e) {
    json_t *o = json_object(), *locs = json_array(), *pos = json_array();
    int ok = o && locs && pos;
    for (size_t l = 0; ok && l < e->nlocators; l++)
        ok = json_array_append_new(locs, cgu_json_str(e->locators[l])) == 0;
    for (size_t p = 0; ok && p < e->npositions; p++) {
        json_t *q = json_object();
        ok = q && cgu_json_set(q, "file", cgu_json_str(e->positions[p].file)) &&
             cgu_json_set(q, "line", json_integer((json_int_t)e->positions[p].line)) &&
             cgu_json_set(q, "col", json_integer((json_int_t)e->positions[p].col)) &&
             json_array_append_new(pos, q) == 0;
    }
    ok = ok && cgu_json_set(o, "source", cgu_json_str(g->nodes[e->source].id)) &&
         cgu_json_set(o, "target", cgu_json_str(g->nodes[e->target].id)) &&
         cgu_json_set(o, "relation", cgu_json_str(e->relation)) &&
         cgu_json_set(o, "count", json_integer((json_int_t)e->count));
    if (ok) {
        ok = cgu_json_set(o, "locators", locs) && cgu_json_set(o, "positions", pos);
    } else {
        json_decref(locs);
        json_decref(pos);
    }
    if (!ok) json_decref(o);
    return ok ? o : NULL;
}

/* The same bytes as one json_dumps() of the whole document with
 * JSON_COMPACT | JSON_PRESERVE_ORDER: {"schema":...,"graph":{...},
 * "nodes":[...],"links":[...]}. */
cg_status cg_graph_write_json(const cg_graph *g, const unsigned char *keep, cg_string *out) {
    if (!g->finished) return CG_EINVAL;
    size_t nn = 0, ne = 0;
    for (size_t v = 0; v < g->nnodes; v++)
        nn += kept(keep, v) != 0;
    for (size_t i = 0; i < g->nedges; i++)
        ne += kept(keep, g->edges[i].source) && kept(keep, g->edges[i].target);
    json_t *meta = json_object();
    int ok = meta &&
             cgu_json_set(meta, "generator", cgu_json_str("citegraph " CG_VERSION_STRING)) &&
             cgu_json_set(meta, "nodes", json_integer((json_int_t)nn)) &&
             cgu_json_set(meta, "links", json_integer((json_int_t)ne));
    if (!ok) {
        json_decref(meta);
        return CG_ENOMEM;
    }
    int rc = cgu_str_puts(out, "{\"schema\":\"citegraph-graph/1\",\"directed\":true,"
                               "\"multigraph\":false,\"graph\":") ||
             put_json(out, meta) || cgu_str_puts(out, ",\"nodes\":[");
    const char *sep = "";
    for (size_t v = 0; !rc && v < g->nnodes; v++) {
        if (!kept(keep, v)) continue;
        rc = cgu_str_puts(out, sep) || put_json(out, node_json(&g->nodes[v]));
        sep = ",";
    }
    rc = rc || cgu_str_puts(out, "],\"links\":[");
    sep = "";
    for (size_t i = 0; !rc && i < g->nedges; i++) {
        const cg_edge *e = &g->edges[i];
        if (!kept(keep, e->source) || !kept(keep, e->target)) continue;
        rc = cgu_str_puts(out, sep) || put_json(out, link_json(g, e));
        sep = ",";
    }
    rc = rc || cgu_str_puts(out, "]}\n");
    return rc ? CG_ENOMEM : CG_OK;
}

/* ---- CSV ---- */

static int csv_field(cg_string *out, const char *s, int last) {
    int rc = 0;
    if (s) {
        cg_string v = {0};
        if (cgu_str_append_valid_utf8(&v, s, strlen(s))) return -1;
        int quote = v.len && strpbrk(v.data, ",\"\r\n") != NULL;
        rc = quote && cgu_str_putc(out, '"');
        for (size_t i = 0; !rc && i < v.len; i++)
            rc = (v.data[i] == '"' && cgu_str_putc(out, '"')) || cgu_str_putc(out, v.data[i]);
        rc = rc || (quote && cgu_str_putc(out, '"'));
        cg_string_release(&v);
    }
    return rc || cgu_str_puts(out, last ? "\r\n" : ",");
}

cg_status cg_graph_write_csv(const cg_graph *g, const unsigned char *keep, cg_string *nodes,
                             cg_string *edges) {
    if (!g->finished) return CG_EINVAL;
    int rc = cgu_str_puts(nodes, "id,kind,in_corpus,file,number,wahlperiode,issuer,type,date,"
                                 "title,url,parent\r\n") ||
             cgu_str_puts(edges, "source,target,relation,count,locators,positions\r\n");
    for (size_t v = 0; !rc && v < g->nnodes; v++) {
        if (!kept(keep, v)) continue;
        const cg_node *n = &g->nodes[v];
        char wp[16] = "";
        if (n->wahlperiode) snprintf(wp, sizeof wp, "%d", n->wahlperiode);
        rc = csv_field(nodes, n->id, 0) || csv_field(nodes, n->kind, 0) ||
             csv_field(nodes, n->in_corpus ? "true" : "false", 0) || csv_field(nodes, n->file, 0) ||
             csv_field(nodes, n->number, 0) || csv_field(nodes, wp, 0) ||
             csv_field(nodes, n->issuer, 0) || csv_field(nodes, n->type, 0) ||
             csv_field(nodes, n->date, 0) || csv_field(nodes, n->title, 0) ||
             csv_field(nodes, n->url, 0) || csv_field(nodes, n->parent, 1);
    }
    for (size_t i = 0; !rc && i < g->nedges; i++) {
        const cg_edge *e = &g->edges[i];
        if (!kept(keep, e->source) || !kept(keep, e->target)) continue;
        cg_string locs = {0}, pos = {0};
        char count[32];
        snprintf(count, sizeof count, "%zu", e->count);
        for (size_t l = 0; !rc && l < e->nlocators; l++)
            rc = cgu_str_printf(&locs, "%s%s", l ? "; " : "", e->locators[l]);
        for (size_t p = 0; !rc && p < e->npositions; p++)
            rc = cgu_str_printf(&pos, "%s%s:%zu:%zu", p ? "; " : "", e->positions[p].file,
                                e->positions[p].line, e->positions[p].col);
        rc = rc || csv_field(edges, g->nodes[e->source].id, 0) ||
             csv_field(edges, g->nodes[e->target].id, 0) || csv_field(edges, e->relation, 0) ||
             csv_field(edges, count, 0) || csv_field(edges, locs.data ? locs.data : "", 0) ||
             csv_field(edges, pos.data ? pos.data : "", 1);
        cg_string_release(&locs);
        cg_string_release(&pos);
    }
    return rc ? CG_ENOMEM : CG_OK;
}

/* ---- GraphML, through igraph ---- */

static igraph_error_t set_vas(igraph_t *ig, const char *name, igraph_integer_t v, const char *s) {
    cg_string t = {0};
    if (cgu_str_append_valid_utf8(&t, s ? s : "", s ? strlen(s) : 0)) return IGRAPH_ENOMEM;
    igraph_error_t e = igraph_cattribute_VAS_set(ig, name, v, t.data ? t.data : "");
    cg_string_release(&t);
    return e;
}

cg_status cg_graph_write_graphml(const cg_graph *g, const unsigned char *keep, FILE *out,
                                 cg_error *err) {
    if (!g->finished) return CG_EINVAL;
    size_t *map = malloc((g->nnodes ? g->nnodes : 1) * sizeof *map);
    if (!map) return CG_ENOMEM;
    size_t k = 0;
    for (size_t v = 0; v < g->nnodes; v++) map[v] = kept(keep, v) ? k++ : SIZE_MAX;
    igraph_guard guard;
    cgg_igraph_enter(&guard);
    /* igraph keeps attributes only with an attribute handler installed: the
     * C one, for as long as this export runs */
    igraph_attribute_table_t *previous = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_vector_int_t ev;
    igraph_t ig;
    int have = 0;
    igraph_error_t e = igraph_vector_int_init(&ev, 0);
    size_t *edge_ids = malloc((g->nedges ? g->nedges : 1) * sizeof *edge_ids);
    size_t ne = 0;
    if (!edge_ids) e = IGRAPH_ENOMEM;
    for (size_t i = 0; !e && i < g->nedges; i++) {
        const cg_edge *x = &g->edges[i];
        if (map[x->source] == SIZE_MAX || map[x->target] == SIZE_MAX) continue;
        e = igraph_vector_int_push_back(&ev, (igraph_integer_t)map[x->source]);
        if (!e) e = igraph_vector_int_push_back(&ev, (igraph_integer_t)map[x->target]);
        edge_ids[ne++] = i;
    }
    if (!e) e = igraph_create(&ig, &ev, (igraph_integer_t)k, IGRAPH_DIRECTED);
    have = !e;
    for (size_t v = 0; !e && v < g->nnodes; v++) {
        if (map[v] == SIZE_MAX) continue;
        const cg_node *n = &g->nodes[v];
        igraph_integer_t u = (igraph_integer_t)map[v];
        e = set_vas(&ig, "id", u, n->id);
        if (!e) e = set_vas(&ig, "kind", u, n->kind);
        if (!e) e = igraph_cattribute_VAB_set(&ig, "in_corpus", u, n->in_corpus != 0);
        if (!e) e = set_vas(&ig, "file", u, n->file);
        if (!e) e = set_vas(&ig, "number", u, n->number);
        if (!e) e = igraph_cattribute_VAN_set(&ig, "wahlperiode", u, n->wahlperiode);
        if (!e) e = set_vas(&ig, "issuer", u, n->issuer);
        if (!e) e = set_vas(&ig, "type", u, n->type);
        if (!e) e = set_vas(&ig, "date", u, n->date);
        if (!e) e = set_vas(&ig, "title", u, n->title);
        if (!e) e = set_vas(&ig, "url", u, n->url);
        if (!e) e = set_vas(&ig, "parent", u, n->parent);
    }
    for (size_t j = 0; !e && j < ne; j++) {
        const cg_edge *x = &g->edges[edge_ids[j]];
        cg_string locs = {0};
        for (size_t l = 0; l < x->nlocators; l++)
            cgu_str_printf(&locs, "%s%s", l ? "; " : "", x->locators[l]);
        e = igraph_cattribute_EAS_set(&ig, "relation", (igraph_integer_t)j, x->relation);
        if (!e) e = igraph_cattribute_EAN_set(&ig, "count", (igraph_integer_t)j, (double)x->count);
        if (!e)
            e = igraph_cattribute_EAS_set(&ig, "locators", (igraph_integer_t)j,
                                          locs.data ? locs.data : "");
        cg_string_release(&locs);
    }
    if (!e) e = igraph_write_graph_graphml(&ig, out, 1);
    if (have) igraph_destroy(&ig);
    igraph_vector_int_destroy(&ev);
    igraph_set_attribute_table(previous);
    cgg_igraph_leave(&guard);
    free(edge_ids);
    free(map);
    return e ? cgg_igraph_error(e, err) : CG_OK;
}
