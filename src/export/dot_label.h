/* dot_label.h - the short name of a document as people write it, for the
 * labels of the DOT export (dot.c) and the HTML explorer (html.c). */
#ifndef CG_EXPORT_DOT_LABEL_H
#define CG_EXPORT_DOT_LABEL_H

#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/docid.h"
#include "citegraph/graph.h"

/* Writes the name people write for the document into out (cap bytes,
 * always NUL-terminated when cap > 0) and returns its length, as snprintf()
 * does: "BT-Drs. 21/1958", "PlPr 21/13", "ADrs. 20(4)493", "BR-Drs. 103/25(B)",
 * "LT-Drs. NW 17/8873", "ST 12545/18", "COM(2020) 72", and for EU legal acts
 * the citation of their year: "VO (EU) 2021/821", "VO (EU) Nr. 1215/2012",
 * "VO (EG) Nr. 1907/2006", "VO (EWG) Nr. 2913/92", "RL (EU) 2019/1024",
 * "RL 2011/95/EU", "RL 95/46/EG", "Beschluss (EU) 2022/2481", "Beschluss
 * 2004/512/EG"; other CELEX types as "CELEX 32021X0821". 0 for kinds without
 * a number (URLs, grammar kinds, internal, none): the caller names those by
 * their id. */
size_t cge_doc_label(const cg_docid *id, char *out, size_t cap);

/* The name of a node as the pictures show it: its document's label
 * (cge_doc_label), a question's number ("Frage 2"), else its id. Written
 * into buf (cap bytes), or the node's own id returned. */
const char *cge_node_name(const cg_node *n, char *buf, size_t cap);

/* Appends s as a DOT quoted string: '"' and '\\' escaped, line breaks as \\n,
 * other control characters as spaces, invalid UTF-8 as U+FFFD. Nonzero
 * when memory ran out. For the graph's DOT (dot.c) and the main path's
 * (mainpath_dot.c). */
int cge_dot_str(cg_buf *out, const char *s);

#endif
