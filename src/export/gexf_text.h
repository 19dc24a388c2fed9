/* gexf_text.h - text made safe for an XML 1.0 attribute value (gexf.c),
 * apart so that the unit tests reach it with bytes no graph carries. */
#ifndef CG_EXPORT_GEXF_TEXT_H
#define CG_EXPORT_GEXF_TEXT_H

#include "citegraph/buf.h"

/* Appends `s` (NULL: nothing) as the text of an attribute value in double
 * quotes: its characters kept as they are, but the markup characters & < >
 * " and the white space that attribute-value normalisation would turn into
 * spaces (tab, line feed, carriage return) as references, and each invalid
 * UTF-8 sequence (byte by byte) and each character XML 1.0 forbids (C0
 * controls, U+FFFE, U+FFFF) as U+FFFD. 0, or -1 when memory ran out. */
int cge_xml_text(cg_buf *out, const char *s);

#endif
