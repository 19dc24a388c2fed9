/* idkey.h - an id as the key of a string map (the corpus's documents, a
 * catalog's rows): its canonical text, which fits a small buffer for every
 * id but a long URL or grammar-kind text. For those the key is the kind,
 * a 128-bit hash of the text and its first bytes, so that every id can be
 * looked up without allocating (lookups are const and thread-safe). */
#ifndef CG_RESOLVE_IDKEY_H
#define CG_RESOLVE_IDKEY_H

#include <stddef.h>

#include "citegraph/docid.h"

#define CGR_ID_KEY 256

/* Writes the key of `id` (NUL-terminated) and returns its length; 0 for
 * CG_KIND_NONE. */
size_t cgr_id_key(const cg_docid *id, char key[CGR_ID_KEY]);

#endif
