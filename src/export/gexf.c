/* gexf.c - the graph as GEXF 1.3 in dynamic mode (citegraph/export.h), for
 * Gephi's timeline: a node starts at its date, an edge at the citing
 * document's date; neither ends.
 *
 * Written by hand, not with libxml2's writer: the library does not link
 * libxml2 itself (igraph does, as a dependency of its own), and what XML
 * needs here is short enough to write and to test hard (the unit test
 * test_citation_age and tests/gexf/check_gexf.py): every string goes
 * through cge_xml_text() (gexf_text.h), which also replaces the characters
 * XML 1.0 forbids by U+FFFD, since no escaping makes them legal (&#1; is not
 * well-formed XML 1.0 either).
 * Numbers are formatted without printf's %f, so that no locale a program
 * sets can put a comma in them. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/export.h"
#include "citegraph/version.h"
#include "gexf_text.h"
#include "graph/igraph_glue.h"
#include "node_fields.h"
#include "util/util.h"

/* Whether XML 1.0 allows the character (its production Char). */
static int xml_char(uint32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

int cge_xml_text(cg_buf *out, const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    size_t len = s ? strlen(s) : 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < len;) {
        uint32_t cp;
        int n = cgu_utf8_decode(p + i, len - i, &cp);
        if (n <= 0 || !xml_char(cp)) {
            rc = cgu_buf_append(out, "\xEF\xBF\xBD", 3);
            i += n > 0 ? (size_t)n : 1;
            continue;
        }
        switch (cp) {
        case '&':
            rc = cgu_buf_puts(out, "&amp;");
            break;
        case '<':
            rc = cgu_buf_puts(out, "&lt;");
            break;
        case '>':
            rc = cgu_buf_puts(out, "&gt;");
            break;
        case '"':
            rc = cgu_buf_puts(out, "&quot;");
            break;
        case '\t':
            rc = cgu_buf_puts(out, "&#9;");
            break;
        case '\n':
            rc = cgu_buf_puts(out, "&#10;");
            break;
        case '\r':
            rc = cgu_buf_puts(out, "&#13;");
            break;
        default:
            rc = cgu_buf_append(out, s + i, (size_t)n);
            break;
        }
        i += (size_t)n;
    }
    return rc;
}

/* The declared attributes: id (also the title) and GEXF type. */
typedef struct attr_decl {
    const char *id, *type;
} attr_decl;

static const attr_decl node_attrs[] = {
    {"kind", "string"},    {"in_corpus", "boolean"},   {"file", "string"},
    {"number", "string"},  {"wahlperiode", "integer"}, {"bundestag_wahlperiode", "integer"},
    {"issuer", "string"},  {"type", "string"},         {"date", "string"},
    {"title", "string"},   {"url", "string"},          {"parent", "string"},
    {"urheber", "string"}, {"urheber_role", "string"}};

static const attr_decl edge_attrs[] = {{"relation", "string"},  {"count", "integer"},
                                       {"locators", "string"},  {"age_days", "integer"},
                                       {"age_years", "double"}, {"crosses_wahlperiode", "boolean"}};

static int declare(cg_buf *out, const char *cls, const attr_decl *a, size_t n) {
    int rc = cgu_buf_printf(out, "    <attributes class=\"%s\">\n", cls);
    for (size_t i = 0; !rc && i < n; i++)
        rc = cgu_buf_printf(out, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a[i].id,
                            a[i].id, a[i].type);
    return rc || cgu_buf_puts(out, "    </attributes>\n");
}

/* <attvalue for="ID" value="TEXT"/>, nothing for a NULL or empty text
 * (GEXF's missing value). */
static int attvalue(cg_buf *out, const char *id, const char *text) {
    if (!text || !*text) return 0;
    return cgu_buf_printf(out, "          <attvalue for=\"%s\" value=\"", id) ||
           cge_xml_text(out, text) || cgu_buf_puts(out, "\"/>\n");
}

/* A number of days in years of 365.2425 days (the Gregorian mean), to
 * three decimals: "-0.082", "12.500". */
static void years_text(long days, char *buf, size_t cap) {
    long long milli = llround((double)days * 1000.0 / 365.2425);
    unsigned long long a = milli < 0 ? (unsigned long long)-milli : (unsigned long long)milli;
    snprintf(buf, cap, "%s%llu.%03llu", milli < 0 ? "-" : "", a / 1000, a % 1000);
}

static int write_node(const cg_graph *g, size_t v, unsigned bt_wp, cg_buf *out) {
    const cg_node *n = cg_graph_node(g, v);
    const char *start = cg_graph_node_time(g, v);
    char number[128], wp[16] = "", bwp[16] = "";
    unsigned w = cge_wahlperiode(n);
    if (w) snprintf(wp, sizeof wp, "%u", w);
    if (bt_wp) snprintf(bwp, sizeof bwp, "%u", bt_wp);
    cg_buf names = CG_BUF_INIT, roles = CG_BUF_INIT;
    int rc = cge_join_authors(&names, n, 0) || cge_join_authors(&roles, n, 1) ||
             cgu_buf_puts(out, "      <node id=\"") || cge_xml_text(out, n->id) ||
             cgu_buf_puts(out, "\" label=\"") || cge_xml_text(out, n->id) ||
             cgu_buf_puts(out, "\"") || (start && cgu_buf_printf(out, " start=\"%s\"", start)) ||
             cgu_buf_puts(out, ">\n        <attvalues>\n") ||
             attvalue(out, "kind", cg_node_kind_name(n)) ||
             attvalue(out, "in_corpus", n->in_corpus ? "true" : "false") ||
             attvalue(out, "file", n->file) ||
             attvalue(out, "number", cge_number(n, number, sizeof number)) ||
             attvalue(out, "wahlperiode", wp) || attvalue(out, "bundestag_wahlperiode", bwp) ||
             attvalue(out, "issuer", cge_issuer(n)) || attvalue(out, "type", n->type) ||
             attvalue(out, "date", n->date) || attvalue(out, "title", n->title) ||
             attvalue(out, "url", n->url) || attvalue(out, "parent", cge_parent_id(g, n)) ||
             attvalue(out, "urheber", names.data) || attvalue(out, "urheber_role", roles.data) ||
             cgu_buf_puts(out, "        </attvalues>\n      </node>\n");
    cg_buf_release(&names);
    cg_buf_release(&roles);
    return rc;
}

static int write_edge(const cg_graph *g, const cg_edge *e, size_t id, const unsigned *bt_wp,
                      cg_buf *out) {
    const char *start = cg_graph_node_time(g, e->source);
    char count[32], age[32] = "", years[48] = "";
    snprintf(count, sizeof count, "%zu", e->count);
    if (e->age_known) {
        snprintf(age, sizeof age, "%ld", e->age_days);
        years_text(e->age_days, years, sizeof years);
    }
    unsigned c = bt_wp[e->source], d = bt_wp[e->target];
    /* crossing only where both Wahlperioden are known, and not for part_of */
    const char *crosses = e->relation == CG_EDGE_PART_OF || !c || !d ? NULL
                          : c != d                                   ? "true"
                                                                     : "false";
    cg_buf locs = CG_BUF_INIT;
    int rc = cge_join_locators(&locs, e) ||
             cgu_buf_printf(out, "      <edge id=\"%zu\" source=\"", id) ||
             cge_xml_text(out, cg_graph_node(g, e->source)->id) ||
             cgu_buf_puts(out, "\" target=\"") ||
             cge_xml_text(out, cg_graph_node(g, e->target)->id) ||
             cgu_buf_printf(out, "\" weight=\"%zu\"", e->count) ||
             (start && cgu_buf_printf(out, " start=\"%s\"", start)) ||
             cgu_buf_puts(out, ">\n        <attvalues>\n") ||
             attvalue(out, "relation", cg_edge_relation_name(e->relation)) ||
             attvalue(out, "count", count) || attvalue(out, "locators", locs.data) ||
             attvalue(out, "age_days", age) || attvalue(out, "age_years", years) ||
             attvalue(out, "crosses_wahlperiode", crosses) ||
             cgu_buf_puts(out, "        </attvalues>\n      </edge>\n");
    cg_buf_release(&locs);
    return rc;
}

cg_status cg_graph_write_gexf(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                              cg_error *err) {
    if (!cg_graph_is_finished(g)) return cgg_not_finished(err);
    size_t nodes = cg_graph_node_count(g), edges = cg_graph_edge_count(g), nn = 0, ne = 0;
    unsigned *bt_wp = malloc((nodes ? nodes : 1) * sizeof *bt_wp);
    if (!bt_wp) return cgu_oom(err);
    for (size_t v = 0; v < nodes; v++) {
        bt_wp[v] = cg_graph_node_wahlperiode(g, v);
        nn += cge_kept(keep, v) != 0;
    }
    for (size_t i = 0; i < edges; i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        ne += cge_kept(keep, e->source) && cge_kept(keep, e->target);
    }
    int rc = cgu_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
                               "  <meta>\n"
                               "    <creator>citegraph " CG_VERSION_STRING "</creator>\n"
                               "    <description>citation graph: a node starts at its date (a "
                               "question at its document's), an edge at the citing document's "
                               "date</description>\n"
                               "  </meta>\n"
                               "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" "
                               "timeformat=\"date\">\n") ||
             declare(out, "node", node_attrs, sizeof node_attrs / sizeof *node_attrs) ||
             declare(out, "edge", edge_attrs, sizeof edge_attrs / sizeof *edge_attrs) ||
             cgu_buf_printf(out, "    <nodes count=\"%zu\">\n", nn);
    for (size_t v = 0; !rc && v < nodes; v++)
        if (cge_kept(keep, v)) rc = write_node(g, v, bt_wp[v], out);
    rc = rc || cgu_buf_printf(out, "    </nodes>\n    <edges count=\"%zu\">\n", ne);
    size_t id = 0;
    for (size_t i = 0; !rc && i < edges; i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (cge_kept(keep, e->source) && cge_kept(keep, e->target))
            rc = write_edge(g, e, id++, bt_wp, out);
    }
    rc = rc || cgu_buf_puts(out, "    </edges>\n  </graph>\n</gexf>\n");
    free(bt_wp);
    return rc ? cgu_oom(err) : CG_OK;
}
