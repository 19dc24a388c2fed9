/* node_fields.h - what every exporter writes of a node beyond its id, read
 * from the node's structured id: the number people quote, the Wahlperiode,
 * the issuer. One place, so that DOT, JSON, CSV and GraphML agree. */
#ifndef CG_EXPORT_NODE_FIELDS_H
#define CG_EXPORT_NODE_FIELDS_H

#include <stddef.h>

#include "citegraph/graph.h"

/* "19/5954", "NW 17/8873", "Frage 2" (a question node), or NULL when the
 * node has no number (URLs, files, grammar kinds). Written into buf. */
const char *cge_number(const cg_node *n, char *buf, size_t cap);
/* The Wahlperiode of a Bundestag or Landtag document, else 0. */
unsigned cge_wahlperiode(const cg_node *n);
/* "BT", "BR", "LT", "EU", or NULL (questions, files, URLs). */
const char *cge_issuer(const cg_node *n);
/* Whether node v is to be written. */
static inline int cge_kept(const unsigned char *keep, size_t v) {
    return !keep || keep[v];
}

#endif
