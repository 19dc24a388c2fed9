/* quotes.h - what the check quotes of a document: cut from its bytes, or
 * kept with its extraction (cgr_keep_quotes) so that a cached extraction is
 * checked, and reported, without the document. */
#ifndef CG_RESOLVE_QUOTES_H
#define CG_RESOLVE_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/extract.h"
#include "util/util.h"

/* How the check quotes a document, from its bytes or from a cached
 * extraction alike, so that both give the same report: `len` bytes at
 * `offset` (NULL when outside the input), and line `line` without its line
 * break and a '\r' before it ("" for a line the input does not have); each
 * up to a NUL byte, since quotes are C strings. Copied into `a`. */
const char *cgr_quote_span(cgu_arena *a, const cg_input *in, size_t offset, size_t len);
const char *cgr_quote_line(cgu_arena *a, const cg_input *in, size_t line);

/* Keeps in `ext` what the check quotes of the document it was extracted
 * from: the text of each reference and defect and the lines they start on.
 * CG_ENOMEM, or CG_EINVAL when a position lies outside `in`. */
cg_status cgr_keep_quotes(cg_extraction *ext, const cg_input *in);
/* Whether the extraction carries its quotes. */
bool cgr_quoted(const cg_extraction *ext);
/* The text of reference i and of defect i (quoted extractions only). */
const char *cgr_ref_text(const cg_extraction *ext, size_t i);
const char *cgr_defect_text(const cg_extraction *ext, size_t i);
/* Line `line` as quoted ("" when the extraction does not quote it). */
const char *cgr_quoted_line(const cg_extraction *ext, size_t line);
/* The index of line `line` in the extraction's quoted lines (sorted by
 * number), or SIZE_MAX when it has none of that number; whether or not the
 * extraction is marked quoted yet (a record being read checks with it). */
size_t cgr_quoted_line_index(const cg_extraction *ext, size_t line);

#endif
