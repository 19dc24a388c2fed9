/* citegraph/buf.h - the growable byte buffer the library writes into.
 *
 * The library never prints: functions that produce text append it to a
 * caller-owned cg_buf, and the caller decides where the bytes go.
 *
 * Invariants, as git's strbuf: `data` is never NULL. An empty buffer (after
 * CG_BUF_INIT, cg_buf_init() or cg_buf_release()) points at a static empty
 * string and owns nothing; once something is appended, `data` holds `len`
 * bytes followed by a NUL byte, inside `cap` allocated bytes. An append that
 * runs out of memory leaves the buffer as it was.
 */
#ifndef CITEGRAPH_BUF_H
#define CITEGRAPH_BUF_H

#include <stddef.h>

#include "citegraph/export_macros.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cg_buf {
    char *data; /* never NULL; NUL-terminated at len */
    size_t len;
    size_t cap; /* 0 while `data` is the static empty string */
} cg_buf;

/** An empty buffer, for initialising a declaration: cg_buf b = CG_BUF_INIT; */
#define CG_BUF_INIT                                                                                \
    { (char *)"", 0, 0 }

/** Makes `b` an empty buffer that owns nothing. */
CG_EXPORT void cg_buf_init(cg_buf *b);
/** Frees what `b` owns and makes it empty again. NULL is allowed. */
CG_EXPORT void cg_buf_release(cg_buf *b);
/** Empties `b` but keeps its memory for the next appends. */
CG_EXPORT void cg_buf_clear(cg_buf *b);
/** Hands the bytes over: a NUL-terminated string the caller frees with
 * free(), never NULL unless memory ran out; `b` is left empty. */
CG_EXPORT char *cg_buf_detach(cg_buf *b);

#ifdef __cplusplus
}
#endif
#endif
