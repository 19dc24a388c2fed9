/* node_fields.c - see node_fields.h. */
#include "node_fields.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

const char *cge_number(const cg_node *n, char *buf, size_t cap) {
    if (n->kind == CG_NODE_QUESTION) {
        char q[24];
        cg_question_format(&n->question, q, sizeof q);
        snprintf(buf, cap, "%s %s", cg_question_series_name(n->series), q);
        return buf;
    }
    if (n->kind != CG_NODE_DOCUMENT) return NULL;
    size_t len = cg_docid_format_number(&n->doc, buf, cap);
    return len && len < cap ? buf : NULL;
}

unsigned cge_wahlperiode(const cg_node *n) {
    return n->kind == CG_NODE_QUESTION ? 0 : cg_docid_wahlperiode(&n->doc);
}

const char *cge_issuer(const cg_node *n) {
    return n->kind == CG_NODE_DOCUMENT ? cg_issuer_name(cg_docid_issuer(&n->doc)) : NULL;
}

const char *cge_parent_id(const cg_graph *g, const cg_node *n) {
    return n->parent != SIZE_MAX ? cg_graph_node(g, n->parent)->id : NULL;
}

int cge_join_locators(cg_buf *out, const cg_edge *e) {
    int rc = 0;
    for (size_t l = 0; !rc && l < e->nlocators; l++)
        rc = cgu_buf_printf(out, "%s%s", l ? "; " : "", e->locators[l]);
    return rc;
}

int cge_append_position(cg_buf *out, const cg_position *p) {
    return p->record ? cgu_buf_printf(out, "%s#%zu:%zu:%zu", p->file, p->record, p->line, p->col)
                     : cgu_buf_printf(out, "%s:%zu:%zu", p->file, p->line, p->col);
}

const char *cge_source(cg_meta_source source) {
    return source == CG_META_NONE ? NULL : cg_meta_source_name(source);
}

int cge_join_authors(cg_buf *out, const cg_node *n, int roles) {
    int rc = 0;
    for (size_t i = 0; !rc && i < n->nauthors; i++) {
        const cg_author *a = &n->authors[i];
        rc = cgu_buf_printf(out, "%s%s", i ? "; " : "",
                            roles     ? cg_author_role_name(a->role)
                            : a->name ? a->name
                                      : "");
    }
    return rc;
}

int cge_append_utf8(cg_buf *out, const char *s, int (*ascii)(cg_buf *out, char c)) {
    const unsigned char *p = (const unsigned char *)s;
    size_t len = s ? strlen(s) : 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < len;) {
        uint32_t cp;
        int n = cgu_utf8_decode(p + i, len - i, &cp);
        if (n <= 0 || cp == 0) {
            rc = cgu_buf_append(out, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            rc = n == 1 ? ascii(out, s[i]) : cgu_buf_append(out, s + i, (size_t)n);
            i += (size_t)n;
        }
    }
    return rc;
}
