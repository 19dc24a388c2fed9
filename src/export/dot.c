/* dot.c - the graph as Graphviz DOT (citegraph/export.h).
 *
 * Nodes are styled by kind and by whether they were read, clustered by
 * issuer and Wahlperiode (Bundesrat: year), and documents of one date share
 * a rank, so that time runs across the picture. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/export.h"
#include "export/dot_label.h"
#include "graph/igraph_glue.h"
#include "node_fields.h"
#include "util/util.h"

static int dot_char(cg_buf *out, char c) {
    if (c == '"' || c == '\\') return cgu_buf_putc(out, '\\') || cgu_buf_putc(out, c);
    if (c == '\n') return cgu_buf_puts(out, "\\n");
    if ((unsigned char)c < 0x20) return cgu_buf_putc(out, ' ');
    return cgu_buf_putc(out, c);
}

int cge_dot_str(cg_buf *out, const char *s) {
    return cgu_buf_putc(out, '"') || cge_append_utf8(out, s, dot_char) || cgu_buf_putc(out, '"');
}

/* The first `max` characters of s, with "…" when cut. */
static void shorten(const char *s, size_t max, char *out, size_t cap) {
    size_t chars = 0, i = 0;
    while (s[i] && chars < max && i + 4 < cap) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    snprintf(out, cap, "%.*s%s", (int)i, s, s[i] ? "\xE2\x80\xA6" : "");
}

/* ---- labels: the name people write for a document ---- */

/* An EU legal act as it is cited, by its CELEX type letter and year: from
 * 2015 on one numbering, "(EU) YEAR/N", for all three; before, regulations
 * "Nr. N/YEAR" (two-digit year until 1998) and directives and decisions
 * "YEAR/N/ORG" (likewise), ORG being EWG until the Maastricht treaty (1993),
 * EG until the Lisbon treaty (in force December 2009; by year: 2010) and EU
 * after. */
static size_t legal_act_label(const cg_docid *id, char *out, size_t cap) {
    const char *name = strcmp(id->series, "R") == 0   ? "VO"
                       : strcmp(id->series, "L") == 0 ? "RL"
                       : strcmp(id->series, "D") == 0 ? "Beschluss"
                                                      : NULL;
    unsigned year = id->period;
    if (!name)
        return (size_t)snprintf(out, cap, "CELEX %u%u%s%04lu", 3u, year, id->series, id->number);
    if (year >= 2015) return (size_t)snprintf(out, cap, "%s (EU) %u/%lu", name, year, id->number);
    const char *org = year >= 2010 ? "EU" : year >= 1993 ? "EG" : "EWG";
    unsigned shown = year >= 1999 ? year : year % 100;
    if (strcmp(id->series, "R") == 0)
        return (size_t)snprintf(out, cap, "VO (%s) Nr. %lu/%0*u", org, id->number,
                                year >= 1999 ? 4 : 2, shown);
    return (size_t)snprintf(out, cap, "%s %0*u/%lu/%s", name, year >= 1999 ? 4 : 2, shown,
                            id->number, org);
}

size_t cge_doc_label(const cg_docid *id, char *out, size_t cap) {
    char number[128];
    switch (id->kind) {
    case CG_KIND_BT_PLENARPROTOKOLL:
    case CG_KIND_BT_AUSSCHUSSDRUCKSACHE: {
        size_t n = cg_docid_format_number(id, number, sizeof number);
        if (!n || n >= sizeof number) break;
        return (size_t)snprintf(out, cap, "%s %s",
                                id->kind == CG_KIND_BT_PLENARPROTOKOLL ? "PlPr" : "A-Drs.", number);
    }
    case CG_KIND_EU_LEGAL_ACT:
        return legal_act_label(id, out, cap);
    case CG_KIND_BT_DRUCKSACHE:
    case CG_KIND_BR_DRUCKSACHE:
    case CG_KIND_LANDTAG_DRUCKSACHE:
    case CG_KIND_EU_COUNCIL_DOC:
    case CG_KIND_EU_COM_DOC:
        return cg_docid_format(id, out, cap);
    default:
        break;
    }
    if (cap) out[0] = '\0';
    return 0;
}

static const char *fill_of(const cg_node *n) {
    if (n->kind == CG_NODE_QUESTION) return "#f7f7f7";
    if (!n->in_corpus) return "white";
    if (n->kind == CG_NODE_FILE) return "#eeeeee";
    switch (cg_docid_issuer(&n->doc)) {
    case CG_ISSUER_BT:
        return "#dbe9f6";
    case CG_ISSUER_BR:
        return "#dcefd9";
    case CG_ISSUER_LT:
        return "#ece0f3";
    case CG_ISSUER_EU:
        return "#fbf0c9";
    case CG_ISSUER_NONE:
        break;
    }
    return "#eeeeee";
}

/* The cluster a node belongs in: issuer and Wahlperiode (Bundesrat: year);
 * a question goes with its document. */
static void cluster_of(const cg_graph *g, const cg_node *n, char *key, size_t kcap, char *label,
                       size_t lcap) {
    const cg_node *d = n->parent != SIZE_MAX ? cg_graph_node(g, n->parent) : n;
    const char *issuer = cge_issuer(d);
    unsigned wp = cge_wahlperiode(d), year = cg_docid_year(&d->doc);
    issuer = issuer ? issuer : "";
    if (strcmp(issuer, "BT") == 0 && wp) {
        snprintf(key, kcap, "BT %u", wp);
        snprintf(label, lcap, "Bundestag, %u. Wahlperiode", wp);
    } else if (strcmp(issuer, "LT") == 0) {
        snprintf(key, kcap, "LT %u", wp);
        snprintf(label, lcap, "Landtage, %u. Wahlperiode", wp);
    } else if (strcmp(issuer, "BR") == 0 && year) {
        snprintf(key, kcap, "BR %04u", year);
        snprintf(label, lcap, "Bundesrat, %u", year);
    } else if (strcmp(issuer, "EU") == 0) {
        snprintf(key, kcap, "EU");
        snprintf(label, lcap, "Europäische Union");
    } else if (d->kind == CG_NODE_DOCUMENT && d->doc.kind == CG_KIND_URL) {
        snprintf(key, kcap, "web");
        snprintf(label, lcap, "Web");
    } else {
        snprintf(key, kcap, "other");
        snprintf(label, lcap, "Other documents");
    }
}

/* Appends to the tooltip the node's authors, "\nNAME (ROLE)" each, and
 * where its metadata came from when that is not its header ("\ntitle from
 * catalog, date from dip"): nothing for a node its header alone describes. */
static int tooltip_metadata(cg_buf *t, const cg_node *n) {
    int rc = 0;
    for (size_t i = 0; !rc && i < n->nauthors; i++)
        rc = cgu_buf_printf(t, "\n%s (%s)", n->authors[i].name ? n->authors[i].name : "",
                            cg_author_role_name(n->authors[i].role));
    const struct {
        const char *field;
        cg_meta_source from;
    } fields[] = {{"type", n->type_from},
                  {"title", n->title_from},
                  {"date", n->date_from},
                  {"urheber", n->authors_from}};
    const char *sep = "\n";
    for (size_t i = 0; !rc && i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i].from == CG_META_NONE || fields[i].from == CG_META_HEADER) continue;
        rc = cgu_buf_printf(t, "%s%s from %s", sep, fields[i].field,
                            cg_meta_source_name(fields[i].from));
        sep = ", ";
    }
    return rc;
}

const char *cge_node_name(const cg_node *n, char *buf, size_t cap) {
    if (n->kind == CG_NODE_QUESTION) return cge_number(n, buf, cap) ? buf : n->id;
    if (n->kind == CG_NODE_DOCUMENT) {
        size_t len = cge_doc_label(&n->doc, buf, cap);
        if (len && len < cap) return buf;
    }
    return n->id;
}

static int dot_node(const cg_node *n, cg_buf *out) {
    char title[160] = "", label[512], tooltip[1024], number[128];
    if (n->title) shorten(n->title, 40, title, sizeof title);
    int question = n->kind == CG_NODE_QUESTION;
    const char *name = cge_node_name(n, number, sizeof number);
    snprintf(label, sizeof label, "%s%s%s%s", name, title[0] ? "\n" : "", title,
             n->type || n->date ? "\n" : "");
    if (n->type || n->date) {
        size_t k = strlen(label);
        snprintf(label + k, sizeof label - k, "%s%s%s", n->type ? n->type : "",
                 n->type && n->date ? ", " : "", n->date ? n->date : "");
    }
    snprintf(tooltip, sizeof tooltip, "%s%s%s%s%s%s%s%s", n->id, n->in_corpus ? "" : " (external)",
             n->type ? "\n" : "", n->type ? n->type : "", n->date ? "\n" : "",
             n->date ? n->date : "", n->title ? "\n" : "", n->title ? n->title : "");
    cg_buf tip = CG_BUF_INIT;
    int rc = cgu_buf_puts(&tip, tooltip) || tooltip_metadata(&tip, n);
    rc = rc || cgu_buf_puts(out, "    ") || cge_dot_str(out, n->id) ||
         cgu_buf_puts(out, " [label=") || cge_dot_str(out, label) ||
         cgu_buf_puts(out, ", tooltip=") || cge_dot_str(out, tip.data) ||
         cgu_buf_printf(out, ", fillcolor=\"%s\"", fill_of(n)) ||
         cgu_buf_puts(out, question ? ", shape=ellipse" : "") ||
         cgu_buf_puts(out, n->in_corpus || question ? "" : ", style=\"rounded,dashed,filled\"");
    cg_buf_release(&tip);
    if (!rc && n->url)
        rc = cgu_buf_puts(out, ", URL=") || cge_dot_str(out, n->url) ||
             cgu_buf_puts(out, ", target=\"_blank\"");
    return rc || cgu_buf_puts(out, "];\n");
}

/* The legend: a table in a cluster of its own, fills by issuer, the
 * dashed box of a document outside the corpus, and the kinds of edge. */
static const char dot_legend[] =
    "    subgraph cluster_legend {\n"
    "        label=\"Legend\"; style=\"rounded\"; color=\"#bbbbbb\"; fontcolor=\"#777777\";\n"
    "        \"citegraph:legend\" [shape=plaintext, style=\"\", tooltip=\"Legend\", label=<"
    "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" CELLPADDING=\"3\">"
    "<TR><TD BGCOLOR=\"#dbe9f6\">Bundestag</TD></TR>"
    "<TR><TD BGCOLOR=\"#dcefd9\">Bundesrat</TD></TR>"
    "<TR><TD BGCOLOR=\"#ece0f3\">Landtag</TD></TR>"
    "<TR><TD BGCOLOR=\"#fbf0c9\">European Union</TD></TR>"
    "<TR><TD BGCOLOR=\"#eeeeee\">other document read</TD></TR>"
    "<TR><TD BGCOLOR=\"white\" STYLE=\"dashed\">outside the corpus (white, dashed)</TD></TR>"
    "<TR><TD BORDER=\"0\">\xE2\x86\x90 cites (label: where)</TD></TR>"
    "<TR><TD BORDER=\"0\"><FONT COLOR=\"#b2182b\">\xE2\x86\x90 red: answers</FONT></TD></TR>"
    "<TR><TD BORDER=\"0\">dotted: question of its document</TD></TR>"
    "</TABLE>>];\n"
    "    }\n";

typedef struct dot_order {
    const char *key;
    size_t node;
} dot_order;

static int cmp_order(const void *a, const void *b) {
    const dot_order *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->node < y->node ? -1 : x->node > y->node);
}

cg_status cg_graph_write_dot(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                             cg_error *err) {
    if (!cg_graph_is_finished(g)) return cgg_not_finished(err);
    int rc =
        cgu_buf_puts(out, "digraph citegraph {\n"
                          "    graph [rankdir=RL, newrank=true, fontname=\"Helvetica\", "
                          "fontsize=11, nodesep=0.25, ranksep=0.6];\n"
                          "    node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", "
                          "fontsize=10, color=\"#555555\"];\n"
                          "    edge [fontname=\"Helvetica\", fontsize=8, color=\"#666666\", "
                          "arrowsize=0.7];\n");
    /* clusters: nodes sorted by cluster key, then id */
    size_t n = cg_graph_node_count(g);
    dot_order *ord = calloc(n ? n : 1, sizeof *ord);
    char(*keys)[32] = calloc(n ? n : 1, sizeof *keys);
    char(*labels)[64] = calloc(n ? n : 1, sizeof *labels);
    if (!ord || !keys || !labels) {
        free(ord);
        free(keys);
        free(labels);
        return cgu_oom(err);
    }
    size_t k = 0;
    for (size_t v = 0; v < n; v++) {
        if (!cge_kept(keep, v)) continue;
        cluster_of(g, cg_graph_node(g, v), keys[v], sizeof keys[v], labels[v], sizeof labels[v]);
        ord[k++] = (dot_order){keys[v], v};
    }
    if (k) qsort(ord, k, sizeof *ord, cmp_order);
    for (size_t i = 0; !rc && i < k; i++) {
        size_t v = ord[i].node;
        if (!i || strcmp(ord[i].key, ord[i - 1].key) != 0) {
            char name[48];
            snprintf(name, sizeof name, "cluster_%zu", i);
            rc = cgu_buf_printf(out, "    subgraph %s {\n        label=", name) ||
                 cge_dot_str(out, labels[v]) ||
                 cgu_buf_puts(out, "; style=\"rounded,dashed\"; color=\"#bbbbbb\"; "
                                   "fontcolor=\"#777777\";\n");
        }
        rc = rc || cgu_buf_puts(out, "    ") || dot_node(cg_graph_node(g, v), out);
        if (!rc && (i + 1 == k || strcmp(ord[i + 1].key, ord[i].key) != 0))
            rc = cgu_buf_puts(out, "    }\n");
    }
    rc = rc || cgu_buf_puts(out, dot_legend);
    /* documents of one date on one rank, so time runs across the picture */
    for (size_t i = 0; i < k; i++)
        ord[i] = (dot_order){cg_graph_node(g, ord[i].node)->date, ord[i].node};
    size_t m = 0;
    for (size_t i = 0; i < k; i++)
        if (ord[i].key) ord[m++] = ord[i];
    if (m) qsort(ord, m, sizeof *ord, cmp_order);
    for (size_t i = 0, j; !rc && i < m; i = j) {
        j = i;
        while (j < m && strcmp(ord[j].key, ord[i].key) == 0)
            j++;
        if (j - i < 2) continue;
        rc = cgu_buf_puts(out, "    { rank=same;");
        for (size_t t = i; !rc && t < j; t++)
            rc = cgu_buf_putc(out, ' ') || cge_dot_str(out, cg_graph_node(g, ord[t].node)->id) ||
                 cgu_buf_putc(out, ';');
        rc = rc || cgu_buf_puts(out, " }\n");
    }
    for (size_t i = 0; !rc && i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (!cge_kept(keep, e->source) || !cge_kept(keep, e->target)) continue;
        const char *relation = cg_edge_relation_name(e->relation);
        char label[256] = "", tooltip[1024] = "";
        size_t ln = 0, tn = 0;
        for (size_t l = 0; l < e->nlocators && ln + 40 < sizeof label; l++)
            ln += (size_t)snprintf(label + ln, sizeof label - ln, "%s%s", l ? ", " : "",
                                   e->locators[l]);
        tn += (size_t)snprintf(tooltip, sizeof tooltip, "%s %s %s (%zu×)",
                               cg_graph_node(g, e->source)->id, relation,
                               cg_graph_node(g, e->target)->id, e->count);
        for (size_t p = 0; p < e->npositions && p < 5 && tn + 80 < sizeof tooltip; p++) {
            /* as cge_append_position() writes it, within the tooltip's room */
            const cg_position *at = &e->positions[p];
            tn += at->record
                      ? (size_t)snprintf(tooltip + tn, sizeof tooltip - tn, "\n%s#%zu:%zu:%zu",
                                         at->file, at->record, at->line, at->col)
                      : (size_t)snprintf(tooltip + tn, sizeof tooltip - tn, "\n%s:%zu:%zu",
                                         at->file, at->line, at->col);
        }
        const char *style = e->relation == CG_EDGE_ANSWERS   ? ", color=\"#b2182b\", penwidth=2"
                            : e->relation == CG_EDGE_PART_OF ? ", style=dotted, arrowhead=none"
                                                             : "";
        rc = cgu_buf_puts(out, "    ") || cge_dot_str(out, cg_graph_node(g, e->source)->id) ||
             cgu_buf_puts(out, " -> ") || cge_dot_str(out, cg_graph_node(g, e->target)->id) ||
             cgu_buf_puts(out, " [tooltip=") || cge_dot_str(out, tooltip);
        /* an xlabel, placed after the layout where it overlaps nothing, so no
         * locator runs over a cluster's title as an edge's label would */
        if (!rc && (label[0] || e->relation == CG_EDGE_ANSWERS))
            rc = cgu_buf_printf(out, ", xlabel=") ||
                 (e->relation == CG_EDGE_ANSWERS
                      ? cgu_buf_puts(out, label[0] ? "\"answers: " : "\"answers") ||
                            cge_append_utf8(out, label, dot_char) || cgu_buf_putc(out, '"')
                      : cge_dot_str(out, label));
        rc = rc || cgu_buf_puts(out, style) || cgu_buf_puts(out, "];\n");
    }
    free(ord);
    free(keys);
    free(labels);
    return rc || cgu_buf_puts(out, "}\n") ? cgu_oom(err) : CG_OK;
}
