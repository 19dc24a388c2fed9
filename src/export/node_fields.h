/* node_fields.h - what every exporter writes of a node beyond its id, read
 * from the node's structured id: the number people quote, the Wahlperiode,
 * the issuer, the parent; and of an edge, its locators as one text. One
 * place, so that DOT, JSON, CSV and GraphML agree. */
#ifndef CG_EXPORT_NODE_FIELDS_H
#define CG_EXPORT_NODE_FIELDS_H

#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/graph.h"

/* "19/5954", "NW 17/8873", "Frage 2" (a question node), or NULL when the
 * node has no number (URLs, files, grammar kinds). Written into buf. */
const char *cge_number(const cg_node *n, char *buf, size_t cap);
/* The Wahlperiode of a Bundestag or Landtag document, else 0. */
unsigned cge_wahlperiode(const cg_node *n);
/* "BT", "BR", "LT", "EU", or NULL (questions, files, URLs). */
const char *cge_issuer(const cg_node *n);
/* The id of a question's document, or NULL for a node without a parent. */
const char *cge_parent_id(const cg_graph *g, const cg_node *n);
/* Appends the edge's locators joined by "; " (nothing when it has none).
 * 0, or -1 when memory ran out. */
int cge_join_locators(cg_buf *out, const cg_edge *e);
/* Appends where a citation stands: "FILE:LINE:COL", or in a DIP record
 * "FILE#N:LINE:COL", as the TSV names a record (a page holds ten). 0, or
 * -1 when memory ran out. */
int cge_append_position(cg_buf *out, const cg_position *p);
/* The name of where a field came from ("header", "dip", "catalog"), or
 * NULL when nobody says (the field is empty). */
const char *cge_source(cg_meta_source source);
/* Appends the node's authors' names (or, with `roles`, their roles:
 * "urheber", "ressort", "fragesteller") joined by "; ", in the node's order,
 * so that the n-th role is the n-th name's (nothing when it has none). 0,
 * or -1 when memory ran out. */
int cge_join_authors(cg_buf *out, const cg_node *n, int roles);
/* Appends the NUL-terminated `s` (NULL: nothing) as valid UTF-8, invalid
 * bytes as U+FFFD as cgu_buf_append_valid_utf8() makes them, in one pass:
 * each ASCII character goes through `ascii`, which appends it escaped as
 * the format needs (the other characters need no escaping in any format
 * here). 0, or -1 when memory ran out. */
int cge_append_utf8(cg_buf *out, const char *s, int (*ascii)(cg_buf *out, char c));
/* Whether node v is to be written. */
static inline int cge_kept(const unsigned char *keep, size_t v) {
    return !keep || keep[v];
}

#endif
