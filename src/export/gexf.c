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

/* Whether a byte needs more than copying: a markup character, a C0
 * control (tab, line feed and carriage return included), or the start of
 * a multi-byte UTF-8 sequence, which is checked. */
static int special(unsigned char c) {
    return c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"';
}

int cge_xml_text(cg_buf *out, const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    size_t len = s ? strlen(s) : 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < len;) {
        /* a run of plain ASCII, copied at once */
        size_t run = i;
        while (run < len && !special(p[run]))
            run++;
        if (run > i) {
            rc = cgu_buf_append(out, s + i, run - i);
            i = run;
            continue;
        }
        uint32_t cp;
        int n = cgu_utf8_decode(p + i, len - i, &cp);
        if (n <= 0 || !xml_char(cp)) {
            rc = cgu_buf_append(out, "\xEF\xBF\xBD", 3);
            i += n > 0 ? (size_t)n : 1;
            continue;
        }
        switch (cp) {
        case '&':
            rc = cgu_buf_append(out, "&amp;", 5);
            break;
        case '<':
            rc = cgu_buf_append(out, "&lt;", 4);
            break;
        case '>':
            rc = cgu_buf_append(out, "&gt;", 4);
            break;
        case '"':
            rc = cgu_buf_append(out, "&quot;", 6);
            break;
        case '\t':
            rc = cgu_buf_append(out, "&#9;", 4);
            break;
        case '\n':
            rc = cgu_buf_append(out, "&#10;", 5);
            break;
        case '\r':
            rc = cgu_buf_append(out, "&#13;", 5);
            break;
        default:
            rc = cgu_buf_append(out, s + i, (size_t)n);
            break;
        }
        i += (size_t)n;
    }
    return rc;
}

/* The declared attributes, in the order of their ids ("0", "1", ... for
 * nodes and for edges, as Gephi numbers them): the title readers show, and
 * the GEXF type. Short ids keep a file of a million edges small. */
typedef struct attr_decl {
    const char *title, *type;
} attr_decl;

enum {
    NA_KIND,
    NA_IN_CORPUS,
    NA_FILE,
    NA_NUMBER,
    NA_WP,
    NA_BT_WP,
    NA_ISSUER,
    NA_TYPE,
    NA_DATE,
    NA_TITLE,
    NA_URL,
    NA_PARENT,
    NA_URHEBER,
    NA_URHEBER_ROLE,
    NA_COUNT
};
static const attr_decl node_attrs[NA_COUNT] = {
    {"kind", "string"},    {"in_corpus", "boolean"},   {"file", "string"},
    {"number", "string"},  {"wahlperiode", "integer"}, {"bundestag_wahlperiode", "integer"},
    {"issuer", "string"},  {"type", "string"},         {"date", "string"},
    {"title", "string"},   {"url", "string"},          {"parent", "string"},
    {"urheber", "string"}, {"urheber_role", "string"}};

enum {
    EA_RELATION,
    EA_COUNT,
    EA_LOCATORS,
    EA_AGE_DAYS,
    EA_AGE_YEARS,
    EA_CROSSES,
    EA_REFERRALS,
    EA_COUNT_
};
static const attr_decl edge_attrs[EA_COUNT_] = {
    {"relation", "string"},  {"count", "integer"},    {"locators", "string"},
    {"age_days", "integer"}, {"age_years", "double"}, {"crosses_wahlperiode", "boolean"},
    {"referrals", "integer"}};

static int declare(cg_buf *out, const char *cls, const attr_decl *a, size_t n) {
    int rc = cgu_buf_printf(out, "<attributes class=\"%s\">\n", cls);
    for (size_t i = 0; !rc && i < n; i++)
        rc = cgu_buf_printf(out, "<attribute id=\"%zu\" title=\"%s\" type=\"%s\"/>\n", i,
                            a[i].title, a[i].type);
    return rc || cgu_buf_puts(out, "</attributes>\n");
}

static int put(cg_buf *out, const char *s) {
    return cgu_buf_puts(out, s);
}

/* The start of an attvalue element for attribute id 0 to 13, spelled out
 * once: a million edges make six million of them. */
#define HEAD(id) "<attvalue for=\"" #id "\" value=\""
static const char *const attvalue_head[] = {HEAD(0),  HEAD(1),  HEAD(2),  HEAD(3), HEAD(4),
                                            HEAD(5),  HEAD(6),  HEAD(7),  HEAD(8), HEAD(9),
                                            HEAD(10), HEAD(11), HEAD(12), HEAD(13)};
#undef HEAD
_Static_assert(sizeof attvalue_head / sizeof *attvalue_head >= NA_COUNT &&
                   sizeof attvalue_head / sizeof *attvalue_head >= EA_COUNT_,
               "an attvalue head for every attribute id");

/* <attvalue for="ID" value="TEXT"/>, nothing for a NULL or empty text
 * (GEXF's missing value). */
static int attvalue(cg_buf *out, unsigned id, const char *text) {
    if (!text || !*text) return 0;
    return put(out, attvalue_head[id]) || cge_xml_text(out, text) || cgu_buf_append(out, "\"/>", 3);
}

/* Decimal text of v (no printf on the hot path). */
static const char *num_text(long long v, char *buf, size_t cap) {
    char *p = buf + cap;
    *--p = '\0';
    return cgu_signed_decimal_before(p, v);
}

/* A number of days in years of 365.2425 days (the Gregorian mean), to
 * three decimals: "-0.082", "12.500". */
static const char *years_text(long days, char *buf, size_t cap) {
    long long milli = llround((double)days * 1000.0 / 365.2425);
    unsigned long long a = milli < 0 ? 0ULL - (unsigned long long)milli : (unsigned long long)milli;
    char whole[32], frac[4] = {(char)('0' + a / 100 % 10), (char)('0' + a / 10 % 10),
                               (char)('0' + a % 10), '\0'};
    snprintf(buf, cap, "%s%s.%s", milli < 0 ? "-" : "",
             num_text((long long)(a / 1000), whole, sizeof whole), frac);
    return buf;
}

/* What every node's line needs of other nodes: its time and Bundestag
 * Wahlperiode, worked out once. */
typedef struct node_info {
    const char *time;
    unsigned wp;
} node_info;

static int write_node(const cg_graph *g, size_t v, const node_info *info, cg_buf *out) {
    const cg_node *n = cg_graph_node(g, v);
    char number[128], wp[24], bwp[24];
    unsigned w = cge_wahlperiode(n);
    cg_buf names = CG_BUF_INIT, roles = CG_BUF_INIT;
    int rc = cge_join_authors(&names, n, 0) || cge_join_authors(&roles, n, 1) ||
             put(out, "<node id=\"") || cge_xml_text(out, n->id) || put(out, "\" label=\"") ||
             cge_xml_text(out, n->id) ||
             (info[v].time && (put(out, "\" start=\"") || put(out, info[v].time))) ||
             put(out, "\"><attvalues>") || attvalue(out, NA_KIND, cg_node_kind_name(n)) ||
             attvalue(out, NA_IN_CORPUS, n->in_corpus ? "true" : "false") ||
             attvalue(out, NA_FILE, n->file) ||
             attvalue(out, NA_NUMBER, cge_number(n, number, sizeof number)) ||
             (w && attvalue(out, NA_WP, num_text(w, wp, sizeof wp))) ||
             (info[v].wp && attvalue(out, NA_BT_WP, num_text(info[v].wp, bwp, sizeof bwp))) ||
             attvalue(out, NA_ISSUER, cge_issuer(n)) || attvalue(out, NA_TYPE, n->type) ||
             attvalue(out, NA_DATE, n->date) || attvalue(out, NA_TITLE, n->title) ||
             attvalue(out, NA_URL, n->url) || attvalue(out, NA_PARENT, cge_parent_id(g, n)) ||
             attvalue(out, NA_URHEBER, names.data) || attvalue(out, NA_URHEBER_ROLE, roles.data) ||
             put(out, "</attvalues></node>\n");
    cg_buf_release(&names);
    cg_buf_release(&roles);
    return rc;
}

static int write_edge(const cg_graph *g, const cg_edge *e, size_t id, const node_info *info,
                      cg_buf *out) {
    const char *start = info[e->source].time;
    char idt[32], count[32], age[32], years[48], refs[32];
    unsigned c = info[e->source].wp, d = info[e->target].wp;
    /* crossing only where both Wahlperioden are known, and not for part_of */
    const char *crosses = e->relation == CG_EDGE_PART_OF || !c || !d ? NULL
                          : c != d                                   ? "true"
                                                                     : "false";
    cg_buf locs = CG_BUF_INIT;
    const char *cnt = num_text((long long)e->count, count, sizeof count);
    int rc = cge_join_locators(&locs, e) || put(out, "<edge id=\"") ||
             put(out, num_text((long long)id, idt, sizeof idt)) || put(out, "\" source=\"") ||
             cge_xml_text(out, cg_graph_node(g, e->source)->id) || put(out, "\" target=\"") ||
             cge_xml_text(out, cg_graph_node(g, e->target)->id) || put(out, "\" weight=\"") ||
             put(out, cnt) || (start && (put(out, "\" start=\"") || put(out, start))) ||
             put(out, "\"><attvalues>") ||
             attvalue(out, EA_RELATION, cg_edge_relation_name(e->relation)) ||
             attvalue(out, EA_COUNT, cnt) || attvalue(out, EA_LOCATORS, locs.data) ||
             (e->age_known &&
              (attvalue(out, EA_AGE_DAYS, num_text(e->age_days, age, sizeof age)) ||
               attvalue(out, EA_AGE_YEARS, years_text(e->age_days, years, sizeof years)))) ||
             attvalue(out, EA_CROSSES, crosses) ||
             /* the occurrences that are referrals (an Antwort answering by sending the
              * reader there); none for part_of */
             attvalue(out, EA_REFERRALS,
                      e->relation == CG_EDGE_PART_OF
                          ? NULL
                          : num_text((long long)e->referrals, refs, sizeof refs)) ||
             put(out, "</attvalues></edge>\n");
    cg_buf_release(&locs);
    return rc;
}

cg_status cg_graph_write_gexf(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                              cg_error *err) {
    if (!cg_graph_is_finished(g)) return cgg_not_finished(err);
    size_t nodes = cg_graph_node_count(g), edges = cg_graph_edge_count(g), nn = 0, ne = 0;
    node_info *info = malloc((nodes ? nodes : 1) * sizeof *info);
    if (!info) return cgu_oom(err);
    for (size_t v = 0; v < nodes; v++) {
        info[v] = (node_info){cg_graph_node_time(g, v), cg_graph_node_wahlperiode(g, v)};
        nn += cge_kept(keep, v) != 0;
    }
    for (size_t i = 0; i < edges; i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        ne += cge_kept(keep, e->source) && cge_kept(keep, e->target);
    }
    int rc = cgu_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
                               "<meta>\n"
                               "<creator>citegraph " CG_VERSION_STRING "</creator>\n"
                               "<description>citation graph: a node starts at its date (a "
                               "question at its document's), an edge at the citing document's "
                               "date</description>\n"
                               "</meta>\n"
                               "<graph mode=\"dynamic\" defaultedgetype=\"directed\" "
                               "timeformat=\"date\">\n") ||
             declare(out, "node", node_attrs, NA_COUNT) ||
             declare(out, "edge", edge_attrs, EA_COUNT_) ||
             cgu_buf_printf(out, "<nodes count=\"%zu\">\n", nn);
    for (size_t v = 0; !rc && v < nodes; v++)
        if (cge_kept(keep, v)) rc = write_node(g, v, info, out);
    rc = rc || cgu_buf_printf(out, "</nodes>\n<edges count=\"%zu\">\n", ne);
    size_t id = 0;
    for (size_t i = 0; !rc && i < edges; i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        if (cge_kept(keep, e->source) && cge_kept(keep, e->target))
            rc = write_edge(g, e, id++, info, out);
    }
    rc = rc || cgu_buf_puts(out, "</edges>\n</graph>\n</gexf>\n");
    free(info);
    return rc ? cgu_oom(err) : CG_OK;
}
