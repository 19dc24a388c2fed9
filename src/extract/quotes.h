/* quotes.h - what the check reads of an extraction's quotes
 * (cg_extraction_keep_quotes, extraction_record.c). */
#ifndef CG_EXTRACT_QUOTES_H
#define CG_EXTRACT_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/extract.h"

/* Whether the extraction carries its quotes. */
bool cgx_quoted(const cg_extraction *ext);
/* The text of reference i and of defect i. */
const char *cgx_ref_text(const cg_extraction *ext, size_t i);
const char *cgx_defect_text(const cg_extraction *ext, size_t i);
/* Line `line` as quoted ("" when the extraction does not quote it). */
const char *cgx_quoted_line(const cg_extraction *ext, size_t line);

#endif
