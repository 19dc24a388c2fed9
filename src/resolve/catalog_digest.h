/* catalog_digest.h - what the catalogs read into a cg_catalog were, as a
 * hash: their bytes, scopes and the grammar that read their ids, in the
 * order read. A check keeps its findings between runs only for the same
 * catalogs (check/state.c). */
#ifndef CG_RESOLVE_CATALOG_DIGEST_H
#define CG_RESOLVE_CATALOG_DIGEST_H

#include "citegraph/resolve.h"

/* 32 hex digits and a NUL. */
void cgr_catalog_digest(const cg_catalog *c, char out[33]);

#endif
