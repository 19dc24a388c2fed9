/* citegraph/error.h - status codes and error details.
 *
 * Every fallible function returns a cg_status and, where it can say more,
 * fills an optional caller-owned cg_error (the last parameter; NULL allowed).
 * The numbers are part of the API: they are never reused or renumbered.
 */
#ifndef CITEGRAPH_ERROR_H
#define CITEGRAPH_ERROR_H

#include <stddef.h>

#include "citegraph/export_macros.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cg_status {
    CG_OK = 0,            /* 0: success */
    CG_ENOMEM = 1,        /* 1: out of memory */
    CG_EIO = 2,           /* 2: a file could not be opened or read */
    CG_ELIMIT = 3,        /* 3: a size or match limit was reached */
    CG_EINVAL = 4,        /* 4: an argument was invalid */
    CG_EPATTERN = 5,      /* 5: a reference pattern did not compile */
    CG_EBINARY = 6,       /* 6: the input looks like a binary file, not text */
    CG_ENOTFILE = 7,      /* 7: the path is not a regular file or directory */
    CG_EFORMAT = 8,       /* 8: structured input (JSON, TSV) is malformed */
    CG_EGRAPH = 9,        /* 9: the graph library reported an error */
    CG_EUNSUPPORTED = 10, /* 10: this build of citegraph lacks the feature (e.g. libcurl) */
    CG_ESTALE = 11        /* 11: results kept from an earlier run no longer hold (check.h) */
} cg_status;

/** Details of a failure, filled by the function that failed: `status` as
 * it returned, `path` the file concerned (empty if none), `line` and `col`
 * 1-based positions in it (0 when unknown), `text` one English sentence
 * without the path. The caller owns it; every function takes NULL. */
typedef struct cg_error {
    cg_status status;
    size_t line;
    size_t col;
    char path[512];
    char text[256];
} cg_error;

/** A short, static English description of a status code. Never NULL. */
CG_EXPORT const char *cg_strerror(cg_status status);

#ifdef __cplusplus
}
#endif
#endif
