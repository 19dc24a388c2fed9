/* pieces.h - reading a large file of extracted documents (JSON Lines or
 * packed) in pieces on several threads, handing the documents on in file
 * order (pieces.c). The formats cut the file and parse a piece; the rest is
 * here, so that both hand on exactly the same extractions. */
#ifndef CG_IO_PIECES_H
#define CG_IO_PIECES_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/serialize.h"

/* One document as read: its extraction, with the references gathered in a
 * growing array (the extraction's heap_refs, freed with it). */
typedef struct cgio_doc {
    cg_extraction *ext;
    char *file;
    bool has_document_line;
    size_t cap; /* of ext->refs */
} cgio_doc;

/* What one piece of the input gave. `first` is where the piece starts: the
 * line from 1 (JSON Lines) or the byte offset (packed), for messages. */
typedef struct cgio_piece {
    const char *data;
    size_t len;
    size_t first;
    cgio_doc *docs;
    size_t ndocs, capdocs;
    cg_status status;
    cg_error err;
} cgio_piece;

/* A new document at the end of the piece's list; NULL when memory ran out. */
cgio_doc *cgio_new_doc(cgio_piece *p, const char *file, size_t file_len, bool with_line);
/* Releases the last document of the piece's list (one read only in part). */
void cgio_drop_last_doc(cgio_piece *p);
/* Room for one more reference of `d`: the new, zeroed reference, or NULL
 * when memory ran out. The caller counts it (ext->nrefs++) once it is read. */
cg_reference *cgio_next_ref(cgio_doc *d);

/* Parses one piece into p->docs; stops at its first bad part with
 * p->status and p->err. */
typedef void (*cgio_parse_fn)(cgio_piece *p, const char *name);

/* The size of a piece: large enough to pay for its thread, small enough
 * that the pieces in flight (two per thread, each parsed into extractions
 * before it is handed on) keep memory bounded whatever the file's size. */
#define CGIO_PIECE_MIN ((size_t)1 << 20)

/* Parses the `n` pieces (owned by the caller, released here) on up to
 * `jobs` threads and hands their documents to `fn` in order. A document
 * without its document line that continues the one before (the same file
 * and record, cut by a piece boundary) is joined to it first. The status of
 * the first bad piece, after the documents before it were handed on;
 * CG_EINVAL when `fn` stopped; CG_ENOMEM. */
cg_status cgio_read_pieces(const char *name, cgio_piece *pieces, size_t n, int jobs,
                           cgio_parse_fn parse, cg_jsonl_fn fn, void *ctx, cg_error *err);

#endif
