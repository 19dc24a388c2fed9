/* json_util.h - the jansson helpers every JSON writer of the library needs.
 * Kept apart from util.h so that only JSON code includes jansson. */
#ifndef CG_UTIL_JSON_UTIL_H
#define CG_UTIL_JSON_UTIL_H

#include <jansson.h>

#include "citegraph/buf.h"

/* A JSON string of s made valid UTF-8 (invalid bytes and NUL become
 * U+FFFD, since JSON cannot carry them), null for NULL; NULL when memory
 * ran out. */
json_t *cgu_json_str(const char *s);
/* The same for len bytes of s (which may hold NUL bytes). */
json_t *cgu_json_strn(const char *s, size_t len);

/* Sets o[k] = v, taking v; 0 (false) when v is NULL or memory ran out. */
int cgu_json_set(json_t *o, const char *k, json_t *v);

/* Appends o serialised with `flags` (JSON_COMPACT | ...) to out and drops
 * o (which may be NULL: then -1); 0, or -1 when memory ran out. */
int cgu_json_append(cg_buf *out, json_t *o, size_t flags);
/* The same, `o` left to the caller: for an object filled again and again. */
int cgu_json_append_kept(cg_buf *out, const json_t *o, size_t flags);

#endif
