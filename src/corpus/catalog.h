/* catalog.h - reading catalogs of documents (TSV or DIP JSON). */
#ifndef CG_CATALOG_H
#define CG_CATALOG_H

#include "citegraph/extract.h"

/* Called once per row with the canonical id and what the row says (NULL
 * where it says nothing). */
typedef cg_status (*cgu_catalog_fn)(void *ctx, const char *id, const char *type, const char *date,
                                    const char *title, const char *file);

/* Reads `path`; errors name the file and, where known, the line. */
cg_status cgu_read_catalog(const char *path, const cg_extractor *ex, cgu_catalog_fn fn, void *ctx,
                           cg_error *err);

#endif
