/* citegraph/serialize.h - extractions as JSON Lines and TSV, and JSON Lines
 * read back into extractions.
 *
 * The JSON Lines of `citegraph extract` are written and read here only: one
 * "document" line per file, one "reference" line per reference, a final
 * "summary" line (README.md documents every field). Reading them back gives
 * cg_extractions again, so that extraction can run in pieces (on other
 * machines, at other times) and the graph be built from what it wrote.
 *
 * The same documents can be written packed instead: a compact binary form
 * that reads back into the same extractions many times faster than JSON
 * Lines (cg_packed_read), for graphs of millions of references.
 *
 * Writers append to a caller-owned cg_buf; their output is the same bytes
 * on every run for the same input.
 */
#ifndef CITEGRAPH_SERIALIZE_H
#define CITEGRAPH_SERIALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/error.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Appends the JSON Lines of one document: a "document" line, then one
 * "reference" line per reference. `input` gives each reference's text and
 * the document's size and warnings. `problem` is NULL, or why the file
 * could not be read or processed: then only the document line is written,
 * carrying it as "error", and `input` and `ext` may be NULL. CG_ENOMEM. */
CG_EXPORT cg_status cg_jsonl_write_document(cg_buf *out, const char *file, const cg_input *input,
                                            const cg_extraction *ext, const char *problem,
                                            cg_error *err);
/** Appends the final "summary" line. CG_ENOMEM. */
CG_EXPORT cg_status cg_jsonl_write_summary(cg_buf *out, size_t files, size_t failed,
                                           size_t references, size_t warnings, cg_error *err);

/** Appends the TSV header line (file, line, kind, target, locator,
 * relation: the columns of the gold files). CG_ENOMEM. */
CG_EXPORT cg_status cg_tsv_write_header(cg_buf *out, cg_error *err);
/** Appends one TSV row per reference. Tabs and line breaks inside fields
 * are written as spaces. CG_ENOMEM. */
CG_EXPORT cg_status cg_tsv_write(cg_buf *out, const char *file, const cg_extraction *ext,
                                 cg_error *err);

/** Called by cg_jsonl_read() for each document, in file order, with the
 * file named on its lines. `has_document_line` is false for reference lines
 * that came without the document line of their file (then the extraction
 * has only the references, and its document info is the "doc" they name).
 * The extraction is borrowed for the call. Nonzero stops the reading. */
typedef int (*cg_jsonl_fn)(void *ctx, const char *file, const cg_extraction *ext,
                           bool has_document_line);

/** Reads the JSON Lines written by `citegraph extract` (`name` is what
 * messages call it) and hands each document's extraction to `fn`. The
 * extractions carry what the lines carry: the document's header facts, an
 * Antwort's answers, and its references with their ids, locators
 * (questions included), relations, the questions they answer, flags and
 * positions; not the document's questions and defects. Document
 * lines that record an error, summary lines and lines of other types are
 * passed over. A large input is parsed on up to `jobs` threads (0: one per
 * core); `fn` is still called in file order on the calling thread, so the
 * result is the same for every `jobs`.
 * A line that is not a JSON object with a "type", a document or reference
 * line without a "file", or a reference whose "kind" and "target" do not
 * read (no target; no kind and a target that is not a canonical id), stops
 * the reading with CG_EFORMAT: err->path is
 * `name`, err->line the line, and the documents before it have been handed
 * to `fn`. CG_ENOMEM; CG_EINVAL when `fn` stopped it. */
CG_EXPORT cg_status cg_jsonl_read(const char *name, const char *data, size_t len, int jobs,
                                  cg_jsonl_fn fn, void *ctx, cg_error *err);

/** Whether `data` starts as the JSON Lines of `citegraph extract` do: its
 * first line (after white space) is a JSON object whose "type" is
 * "summary", or "document" or "reference" with a "file" (a string), and
 * that names "type" in its first 64 KiB. A text document that starts so is
 * taken for JSON Lines. */
CG_EXPORT bool cg_jsonl_recognise(const char *data, size_t len);

/** Whether `data` starts as the output of `citegraph extract --format
 * packed` does (its first 8 bytes). */
CG_EXPORT bool cg_packed_recognise(const char *data, size_t len);
/** Appends the 8 bytes that start a packed file. CG_ENOMEM. */
CG_EXPORT cg_status cg_packed_write_header(cg_buf *out, cg_error *err);
/** Appends one document packed: what cg_jsonl_write_document() writes, in
 * the binary form src/io/packed.c describes. Arguments as there. CG_ENOMEM. */
CG_EXPORT cg_status cg_packed_write_document(cg_buf *out, const char *file, const cg_input *input,
                                             const cg_extraction *ext, const char *problem,
                                             cg_error *err);
/** Appends the summary, which ends a packed file. CG_ENOMEM. */
CG_EXPORT cg_status cg_packed_write_summary(cg_buf *out, size_t files, size_t failed,
                                            size_t references, size_t warnings, cg_error *err);
/** Reads a packed file as cg_jsonl_read() reads JSON Lines, handing each
 * document's extraction to `fn` in file order (documents that record an
 * error passed over), parsed on up to `jobs` threads; the extractions are
 * those cg_jsonl_read() gives for the JSON Lines of the same run, but that
 * texts keep their bytes where JSON Lines made invalid UTF-8 into U+FFFD
 * (file names, titles, locators): as read from the documents themselves. A file
 * that does not start as a packed file, a damaged frame, or a file cut
 * short (no summary at its end) gives CG_EFORMAT with the byte offset of
 * the bad frame in err->text, after the documents before it were handed
 * on. CG_ENOMEM; CG_EINVAL when `fn` stopped it. */
CG_EXPORT cg_status cg_packed_read(const char *name, const char *data, size_t len, int jobs,
                                   cg_jsonl_fn fn, void *ctx, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
