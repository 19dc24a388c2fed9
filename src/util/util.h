/* util.h - stand-alone helpers shared by the library's modules: growable
 * strings, a bump arena for per-result strings, and UTF-8 decoding. They
 * know nothing of documents or references. */
#ifndef CG_UTIL_H
#define CG_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "citegraph/output.h"

/* ---- growable strings (cg_string) ---- */

/* Each returns 0 on success, -1 when memory ran out (the string is unchanged). */
int cgu_str_reserve(cg_string *s, size_t extra);
int cgu_str_append(cg_string *s, const char *data, size_t len);
int cgu_str_puts(cg_string *s, const char *text);
int cgu_str_putc(cg_string *s, char c);
int cgu_str_printf(cg_string *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the buffer over to the caller (never NULL on success) and resets `s`. */
char *cgu_str_detach(cg_string *s);

/* ---- bump arena: many small strings freed at once ---- */

typedef struct cgu_arena_chunk cgu_arena_chunk;
typedef struct cgu_arena {
    cgu_arena_chunk *head;
} cgu_arena;

void *cgu_arena_alloc(cgu_arena *a, size_t size);
/* Copies `len` bytes and a terminating NUL; NULL when memory ran out. */
char *cgu_arena_strndup(cgu_arena *a, const char *s, size_t len);
char *cgu_arena_strdup(cgu_arena *a, const char *s);
void cgu_arena_release(cgu_arena *a);
/* Moves every chunk of `from` into `to`; what was allocated in `from`
 * stays valid and is now released with `to`. */
void cgu_arena_adopt(cgu_arena *to, cgu_arena *from);

/* ---- UTF-8 ---- */

/* Decodes one code point at s[0..len). On success returns its length (1-4)
 * and stores it in *cp; for an invalid or truncated sequence returns 0. */
int cgu_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Encodes `cp` into out (at least 4 bytes); returns the length. */
int cgu_utf8_encode(uint32_t cp, char *out);
/* Appends `len` bytes of possibly invalid UTF-8 as valid UTF-8: NUL and
 * invalid bytes become U+FFFD. */
int cgu_str_append_valid_utf8(cg_string *s, const char *data, size_t len);

/* ---- string-keyed map (keys borrowed) ---- */

typedef struct cgu_map {
    const char **keys;
    size_t *values;
    size_t cap, count;
} cgu_map;

/* 1 and *value set when the key is present, else 0. */
int cgu_map_get(const cgu_map *m, const char *key, size_t *value);
/* Inserts or replaces; 0, or -1 when memory ran out. */
int cgu_map_put(cgu_map *m, const char *key, size_t value);
void cgu_map_release(cgu_map *m);

/* Grows *items (of `size`-byte elements) so that it holds `need` elements. */
int cgu_grow(void **items, size_t *cap, size_t need, size_t size);

#endif
