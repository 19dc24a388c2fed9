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

/* ---- JSON put together piece by piece ----
 *
 * The writers of many objects (JSON Lines, the graph's JSON) write the
 * same bytes as jansson's compact dump of each object, but put together
 * from pieces: jansson encodes each value on its own, and the keys, fixed
 * ASCII names in a fixed order, stand between them with their colons and
 * commas (CGU_JSON_OPEN, CGU_JSON_KEY). Dumping whole objects made jansson
 * walk every key character by character, and building the objects cost a
 * hash update per key. Each function appends to `out`; 0, or -1 when
 * memory ran out. */

/* What a writer keeps between values: the encodings of values that recur
 * (a kind's name, true, false, null) by the address of what they stand
 * for, which must stay put while the writer writes; and one string object
 * set anew for each text rather than made and freed. Start zeroed; release
 * with cgu_json_values_release(). */
enum { CGU_JSON_CACHED = 24, CGU_JSON_CACHED_BYTES = 48 };
typedef struct cgu_json_values {
    const void *key[CGU_JSON_CACHED];
    unsigned char len[CGU_JSON_CACHED];
    char bytes[CGU_JSON_CACHED][CGU_JSON_CACHED_BYTES];
    size_t count;
    json_t *text;
} cgu_json_values;

void cgu_json_values_release(cgu_json_values *c);

#define CGU_JSON_KEY(out, name) cgu_buf_append(out, ",\"" name "\":", sizeof(",\"" name "\":") - 1)
#define CGU_JSON_OPEN(out, name) cgu_buf_append(out, "{\"" name "\":", sizeof("{\"" name "\":") - 1)

/* jansson's encoding of `v` (NULL: -1). */
int cgu_json_put_kept(cg_buf *out, const json_t *v);
/* len bytes of s as a JSON string, made valid UTF-8 as cgu_json_strn()
 * makes it. */
int cgu_json_put_text(cg_buf *out, cgu_json_values *c, const char *s, size_t len);
/* The NUL-terminated s, or null for NULL. */
int cgu_json_put_str(cg_buf *out, cgu_json_values *c, const char *s);
/* A name that stays put while the writer writes (a static name, a grammar
 * kind's), or null for NULL: encoded once, then from the cache. */
int cgu_json_put_name(cg_buf *out, cgu_json_values *c, const char *name);
int cgu_json_put_null(cg_buf *out, cgu_json_values *c);
int cgu_json_put_bool(cg_buf *out, cgu_json_values *c, int b);
/* Numbers are written as jansson writes a json_integer(): in decimal, by
 * cgu_buf_put_size() and cgu_buf_put_int() (util.h). The sizes written,
 * counts and positions in files, stay far below 2^63, where json_int_t
 * would turn negative. */

#endif
