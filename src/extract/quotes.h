/* quotes.h - the quotes the check shows: cut from a document's bytes, or
 * read from an extraction that keeps them (cg_extraction_keep_quotes,
 * extraction_record.c). */
#ifndef CG_EXTRACT_QUOTES_H
#define CG_EXTRACT_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/extract.h"
#include "util/util.h"

/* How the check quotes a document, from its bytes or from a cached
 * extraction alike, so that both give the same report: `len` bytes at
 * `offset` (NULL when outside the input), and line `line` without its line
 * break and a '\r' before it ("" for a line the input does not have); each
 * up to a NUL byte, since quotes are C strings. Copied into `a`. */
const char *cgx_quote_span(cgu_arena *a, const cg_input *in, size_t offset, size_t len);
const char *cgx_quote_line(cgu_arena *a, const cg_input *in, size_t line);

/* Whether the extraction carries its quotes. */
bool cgx_quoted(const cg_extraction *ext);
/* The text of reference i and of defect i. */
const char *cgx_ref_text(const cg_extraction *ext, size_t i);
const char *cgx_defect_text(const cg_extraction *ext, size_t i);
/* Line `line` as quoted ("" when the extraction does not quote it). */
const char *cgx_quoted_line(const cg_extraction *ext, size_t line);

#endif
