/* extraction.h - the result of cg_extract(), as the library's modules see
 * it: built by the resolve stage (resolve.c), read back from a cache record
 * (io/record.c), quoted by the check. Everything lives in its arena but
 * `heap_refs`. */
#ifndef CG_RESOLVE_EXTRACTION_H
#define CG_RESOLVE_EXTRACTION_H

#include <stdbool.h>

#include "citegraph/extract.h"
#include "util/util.h"

struct cg_extraction {
    cgu_arena arena;
    cg_document_info info;
    cg_question *questions;
    size_t nquestions;
    cg_defect *defects;
    size_t ndefects;
    cg_answer *answers;
    size_t nanswers;
    cg_reference *refs;
    size_t nrefs;
    cg_reference *heap_refs; /* `refs` when malloc'd (by extraction), freed with it */
    /* What the check quotes (cgr_keep_quotes), so that a cached extraction
     * is checked without the document's bytes: each reference's and
     * defect's text, and the distinct lines they start on, in order. */
    bool quoted;
    size_t doc_size, doc_lines; /* of the document the quotes came from */
    const char **ref_text, **defect_text;
    size_t *quoted_line_no;
    const char **quoted_line;
    size_t nquoted_lines;
};

/* A new, empty extraction (NULL when memory ran out). */
cg_extraction *cgr_extraction_new(void);

#endif
