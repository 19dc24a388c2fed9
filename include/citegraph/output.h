/* citegraph/output.h - serialising extraction results.
 *
 * The library does not print: these functions append to a caller-owned
 * growable string, and the caller decides where the bytes go.
 */
#ifndef CITEGRAPH_OUTPUT_H
#define CITEGRAPH_OUTPUT_H

#include <stddef.h>

#include "citegraph/error.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A growable byte string: `data` is NULL or NUL-terminated at `len`. */
typedef struct cg_string {
    char *data;
    size_t len;
    size_t cap;
} cg_string;

CG_EXPORT void cg_string_release(cg_string *s);

/** Appends the JSON Lines of one document: a "document" line, then one
 * "reference" line per reference. `problem` is NULL or a read problem to
 * record on the document line (then `ext` may be NULL). Keys are sorted and
 * the output is the same bytes on every run. */
CG_EXPORT cg_status cg_write_jsonl(cg_string *out, const char *file, const cg_input *input,
                                   const cg_extraction *ext, const char *problem);

/** Appends the TSV rows (file, line, kind, target, locator, relation) of one
 * document. Tabs and newlines inside fields are written as spaces. */
CG_EXPORT cg_status cg_write_tsv(cg_string *out, const char *file, const cg_extraction *ext);

/** Appends one extraction as a single JSON object holding all of it (the
 * document's header facts, references, questions, defects), for programs
 * that keep or pass on extractions; cg_extraction_from_json() reads it
 * back. (`check --cache` keeps the compact record of
 * cg_extraction_to_record() instead, which also carries the quotes.) */
CG_EXPORT cg_status cg_extraction_to_json(cg_string *out, const cg_extraction *ext);

/** Reads a record written by cg_extraction_to_json(). CG_EFORMAT, with the
 * reason in `err`, for anything that is not exactly such a record, or (when
 * `input` is given) whose positions do not fit that document: what does
 * not read back exactly is refused, never trusted. */
CG_EXPORT cg_status cg_extraction_from_json(const char *data, size_t len, const cg_input *input,
                                            cg_extraction **out, cg_error *err);

/** Appends an extraction with its quotes (cg_extraction_keep_quotes(),
 * else CG_EINVAL) as one compact record: the entry of the result cache of
 * `check --cache`, read back by cg_extraction_from_record(). */
CG_EXPORT cg_status cg_extraction_to_record(cg_string *out, const cg_extraction *ext);

/** Reads a record written by cg_extraction_to_record() for a document of
 * `size` bytes. CG_EFORMAT, with the reason in `err`, for anything that is
 * not exactly such a record or whose positions, lines and quotes do not fit
 * together and in the document: a damaged entry is rebuilt, never trusted. */
CG_EXPORT cg_status cg_extraction_from_record(const char *data, size_t len, size_t size,
                                              cg_extraction **out, cg_error *err);

/** The TSV header line, with its newline. */
CG_EXPORT const char *cg_tsv_header(void);

#ifdef __cplusplus
}
#endif
#endif
