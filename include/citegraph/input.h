/* citegraph/input.h - documents as byte buffers, and the files they come from.
 *
 * A cg_input owns the bytes of one document exactly as they were read: NUL
 * bytes, invalid UTF-8 and CRLF are kept, because every position citegraph
 * reports is a position in these bytes. Problems that do not stop processing
 * (a NUL byte, invalid UTF-8, a very long line, an empty file) are recorded
 * as warnings on the input; problems that do (unreadable, binary, not a
 * regular file, too large) are returned as a status with a cg_error.
 *
 * Thread-safety: a cg_input is immutable after creation and may be read from
 * several threads at once. The functions that make one may be called from
 * any number of threads; PDFs among them are read one at a time (poppler
 * shares state between its documents), so a PDF waits for another's. A
 * program that calls poppler itself must not do so while they read a PDF.
 */
#ifndef CITEGRAPH_INPUT_H
#define CITEGRAPH_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "citegraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cg_input cg_input;

/** Limits applied while reading. Zero fields take the defaults. */
typedef struct cg_read_options {
    size_t max_bytes; /* largest document accepted; default 1 GiB */
    size_t long_line; /* lines longer than this many bytes get a warning; default 1 MiB */
    size_t max_pages; /* a PDF of more pages is refused (CG_ELIMIT); default 5000 */
    bool packed;      /* true: the packed output of `citegraph extract` (recognised by its
                         first bytes) is read as it is, cg_input_is_packed(); false: it is
                         refused as binary (CG_EBINARY), as it is no document */
} cg_read_options;

/** Reads the regular file at `path`. Refuses directories, FIFOs and devices
 * (CG_ENOTFILE), files larger than the limit (CG_ELIMIT) and files that look
 * binary (CG_EBINARY); `err` says why, naming the file. The caller owns *out.
 *
 * A PDF file (recognised by its content, "%PDF-" in its first 1024 bytes)
 * is read through poppler into the text of its pages: running heads,
 * footers and page numbers left out, the first page's header in the order
 * it is printed, letter-spaced headings joined; the input's bytes are then
 * that text, and its pages are known (cg_input_page_count()). Without
 * poppler (a build without it, or libpoppler-glib missing) a PDF fails
 * with CG_EUNSUPPORTED; an encrypted, damaged or text-less PDF with
 * CG_EFORMAT; one over `max_pages` with CG_ELIMIT. */
CG_EXPORT cg_status cg_input_read_file(const char *path, const cg_read_options *opts,
                                       cg_input **out, cg_error *err);

/** Reads a stream to its end (e.g. stdin); `name` is what messages call it. */
CG_EXPORT cg_status cg_input_read_stream(const char *name, FILE *fp, const cg_read_options *opts,
                                         cg_input **out, cg_error *err);

/** Copies `len` bytes of `data` into a new input called `name`. The same
 * checks as for files apply, except that nothing is refused as binary. */
CG_EXPORT cg_status cg_input_from_memory(const char *name, const void *data, size_t len,
                                         const cg_read_options *opts, cg_input **out,
                                         cg_error *err);

/** Frees the input and everything borrowed from it; NULL is allowed. */
CG_EXPORT void cg_input_free(cg_input *input);

/** The name given at creation (the path for files). Borrowed from the input. */
CG_EXPORT const char *cg_input_name(const cg_input *input);
/** The document's bytes, borrowed from the input; always followed by one
 * NUL byte not counted in the size. */
CG_EXPORT const char *cg_input_data(const cg_input *input);
/** The number of bytes of the document. */
CG_EXPORT size_t cg_input_size(const cg_input *input);

/** Warnings found while reading: how many, and warning i (NULL past the
 * end), each a complete sentence without the file name (e.g. "contains 1
 * NUL byte (first at line 40, column 12)"). Borrowed from the input. */
CG_EXPORT size_t cg_input_warning_count(const cg_input *input);
CG_EXPORT const char *cg_input_warning(const cg_input *input, size_t i);

/** Converts a byte offset into a 1-based line and a 1-based column counted in
 * characters (UTF-8 sequences count once; an invalid byte counts as one). */
CG_EXPORT void cg_input_position(const cg_input *input, size_t offset, size_t *line, size_t *col);

/** Whether the input is the packed output of `citegraph extract --format
 * packed`, read with cg_read_options.packed: its bytes as they are, for
 * cg_packed_read(), not a document. */
CG_EXPORT bool cg_input_is_packed(const cg_input *input);

/* ---- Pages of a document read from a PDF ------------------------------ */

/** Whether the input was read from a PDF file. */
CG_EXPORT bool cg_input_is_pdf(const cg_input *input);
/** The number of pages of a document read from a PDF; 0 for text. */
CG_EXPORT size_t cg_input_page_count(const cg_input *input);
/** The label of page `page` (1-based) as the PDF names it ("iv", "3";
 * poppler gives the page's number where the PDF names none), or NULL for
 * a label that is not short and plain (letters, digits, ".-_/ "). Borrowed
 * from the input. */
CG_EXPORT const char *cg_input_page_label(const cg_input *input, size_t page);
/** Where byte `offset` of the text stands: its page (1-based; 0 for an input
 * without pages), its line on that page (for text: in the document) and its
 * column, all 1-based. */
CG_EXPORT void cg_input_page_position(const cg_input *input, size_t offset, size_t *page,
                                      size_t *line, size_t *col);

/* ---- Collecting the files to read -------------------------------------- */

/** One entry of a collected file list: a path to read, or a path that could
 * not be used, with the reason (then `status` is not CG_OK). */
typedef struct cg_path_entry {
    char *path;
    cg_status status;
    char *message;
} cg_path_entry;

typedef struct cg_path_list {
    cg_path_entry *items;
    size_t count;
    size_t capacity;
} cg_path_list;

/** Adds `arg` to `list`: a regular file as it is; a directory recursively, in
 * byte-wise sorted order, taking the files whose names end in one of the
 * NULL-terminated `extensions` (e.g. {".txt", NULL}; NULL means ".txt") and
 * skipping hidden entries; "-" (standard input) is kept as it is. Dangling links, link loops, FIFOs
 * and unreadable directories become entries with an error status, so that the caller can report
 * them in order. Returns CG_ENOMEM only; path errors are entries. */
CG_EXPORT cg_status cg_path_list_add(cg_path_list *list, const char *arg,
                                     const char *const *extensions, cg_error *err);
/** Frees the entries and their strings and empties the list (which the
 * caller owns, e.g. zero-initialised on the stack); NULL is allowed. */
CG_EXPORT void cg_path_list_release(cg_path_list *list);

#ifdef __cplusplus
}
#endif
#endif
