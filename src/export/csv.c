/* csv.c - the graph as two CSV tables, nodes and edges (citegraph/export.h):
 * RFC 4180, fields quoted where they hold a comma, quote or line break. */
#include <stdio.h>
#include <string.h>

#include "citegraph/export.h"
#include "graph/igraph_glue.h"
#include "node_fields.h"
#include "util/util.h"

static int csv_char(cg_buf *out, char c) {
    return (c == '"' && cgu_buf_putc(out, '"')) || cgu_buf_putc(out, c);
}

/* Quoted when it holds a comma, quote or line break: characters that
 * making the text valid UTF-8 leaves as they are. */
static int csv_field(cg_buf *out, const char *s, int last) {
    int quote = s && strpbrk(s, ",\"\r\n") != NULL;
    return (quote && cgu_buf_putc(out, '"')) || cge_append_utf8(out, s, csv_char) ||
           (quote && cgu_buf_putc(out, '"')) || cgu_buf_puts(out, last ? "\r\n" : ",");
}

static int node_row(const cg_graph *g, const cg_node *n, cg_buf *out) {
    char wp[16] = "", number[128];
    unsigned w = cge_wahlperiode(n);
    if (w) snprintf(wp, sizeof wp, "%u", w);
    cg_buf names = CG_BUF_INIT, roles = CG_BUF_INIT;
    int rc = cge_join_authors(&names, n, 0) || cge_join_authors(&roles, n, 1) ||
             csv_field(out, n->id, 0) || csv_field(out, cg_node_kind_name(n), 0) ||
             csv_field(out, n->in_corpus ? "true" : "false", 0) || csv_field(out, n->file, 0) ||
             csv_field(out, cge_number(n, number, sizeof number), 0) || csv_field(out, wp, 0) ||
             csv_field(out, cge_issuer(n), 0) || csv_field(out, n->type, 0) ||
             csv_field(out, n->date, 0) || csv_field(out, n->title, 0) ||
             csv_field(out, n->url, 0) || csv_field(out, cge_parent_id(g, n), 0) ||
             csv_field(out, names.data, 0) || csv_field(out, roles.data, 0) ||
             csv_field(out, cge_source(n->type_from), 0) ||
             csv_field(out, cge_source(n->title_from), 0) ||
             csv_field(out, cge_source(n->date_from), 0) ||
             csv_field(out, cge_source(n->authors_from), 1);
    cg_buf_release(&names);
    cg_buf_release(&roles);
    return rc;
}

static int edge_row(const cg_graph *g, const cg_edge *e, cg_buf *out) {
    cg_buf locs = CG_BUF_INIT, pos = CG_BUF_INIT;
    char count[32], age[32] = "";
    snprintf(count, sizeof count, "%zu", e->count);
    if (e->age_known) snprintf(age, sizeof age, "%ld", e->age_days);
    int rc = cge_join_locators(&locs, e);
    for (size_t p = 0; !rc && p < e->npositions; p++)
        rc = cgu_buf_puts(&pos, p ? "; " : "") || cge_append_position(&pos, &e->positions[p]);
    rc = rc || csv_field(out, cg_graph_node(g, e->source)->id, 0) ||
         csv_field(out, cg_graph_node(g, e->target)->id, 0) ||
         csv_field(out, cg_edge_relation_name(e->relation), 0) || csv_field(out, count, 0) ||
         csv_field(out, locs.data, 0) || csv_field(out, pos.data, 0) || csv_field(out, age, 1);
    cg_buf_release(&locs);
    cg_buf_release(&pos);
    return rc;
}

cg_status cg_graph_write_csv(const cg_graph *g, const unsigned char *keep, cg_buf *nodes,
                             cg_buf *edges, cg_error *err) {
    if (!cg_graph_is_finished(g)) return cgg_not_finished(err);
    int rc = cgu_buf_puts(nodes, "id,kind,in_corpus,file,number,wahlperiode,issuer,type,date,"
                                 "title,url,parent,urheber,urheber_role,type_from,title_from,"
                                 "date_from,urheber_from\r\n") ||
             cgu_buf_puts(edges, "source,target,relation,count,locators,positions,age_days\r\n");
    for (size_t v = 0; !rc && v < cg_graph_node_count(g); v++)
        if (cge_kept(keep, v)) rc = node_row(g, cg_graph_node(g, v), nodes);
    for (size_t i = 0; !rc && i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (cge_kept(keep, e->source) && cge_kept(keep, e->target)) rc = edge_row(g, e, edges);
    }
    return rc ? cgu_oom(err) : CG_OK;
}
