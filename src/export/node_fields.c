/* node_fields.c - see node_fields.h. */
#include "node_fields.h"

#include <stdio.h>

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
