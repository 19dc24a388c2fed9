/* util.h - stand-alone helpers shared by the library's modules: buffer
 * appends, a bump arena, dates, UTF-8, a string-keyed map, hashing and
 * errors.
 * They know nothing of documents or references (curl's curlx rule): only
 * the public buf.h and error.h types appear here. */
#ifndef CG_UTIL_H
#define CG_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* AVX2 where the compiler can target it (each use is chosen at run time, by the processor) */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CGU_HAVE_AVX2 1
#include <immintrin.h>
#else
#define CGU_HAVE_AVX2 0
#endif

#include "citegraph/buf.h"
#include "citegraph/error.h"

/* The 8 bytes that start the packed output of `citegraph extract`
 * (io/packed.c writes and reads it; input.c recognises it). */
#define CGU_PACKED_MAGIC                                                                           \
    "\x89"                                                                                         \
    "CGPAK1\n"
#define CGU_PACKED_MAGIC_LEN 8
/* The bytes before the format's version ('1'): a packed file of any version. */
#define CGU_PACKED_FAMILY_LEN 6

/* ---- appending to a cg_buf (buf.c) ---- */

/* Each returns 0 on success, -1 when memory ran out (the buffer is unchanged). */
/* cgu_buf_reserve where the room is not there (buf.c). */
int cgu_buf_reserve_grow(cg_buf *b, size_t extra);
/* Room for `extra` more bytes and the NUL. Inline where it is there already, as below. */
static inline int cgu_buf_reserve(cg_buf *b, size_t extra) {
    return extra < b->cap - b->len ? 0 : cgu_buf_reserve_grow(b, extra); /* cap 0: grows */
}
/* cgu_buf_append where the bytes do not fit (buf.c). */
int cgu_buf_append_grow(cg_buf *b, const char *data, size_t len);
/* Inline where they fit: the JSON Lines writer appends a dozen keys and values per reference,
 * which took 2.6 % of extraction's instructions as calls. */
static inline int cgu_buf_append(cg_buf *b, const char *data, size_t len) {
    if (len >= b->cap - b->len) return cgu_buf_append_grow(b, data, len); /* cap 0: always */
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}
static inline int cgu_buf_putc(cg_buf *b, char c) {
    return cgu_buf_append(b, &c, 1);
}
int cgu_buf_puts(cg_buf *b, const char *text);
int cgu_buf_printf(cg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* cgu_grow where *items is too small (buf.c). */
int cgu_grow_slow(void **items, size_t *cap, size_t need, size_t size);
/* Grows *items (of `size`-byte elements) so that it holds `need` elements;
 * 0, or -1 when memory ran out (*items unchanged). Inline where it does: the line index asks
 * for each of the corpus's million lines. */
static inline int cgu_grow(void **items, size_t *cap, size_t need, size_t size) {
    return need <= *cap ? 0 : cgu_grow_slow(items, cap, need, size);
}

/* ---- files (buf.c) ---- */

/* Writes `head` (a string, or NULL for none) and then `len` bytes of `data`
 * to the file `tmp`, and renames it to `path`, so that `path` is never seen
 * half-written: 0, or -1 with errno saying why (tmp is then removed). */
int cgu_write_atomic(const char *path, const char *tmp, const char *head, const void *data,
                     size_t len);
/* Reads the whole file at `path` into *data (malloc'd, NUL-terminated,
 * *len bytes before the NUL): 0, or -1 with errno saying why. */
int cgu_read_whole(const char *path, char **data, size_t *len);

/* ---- errors (error.c) ---- */

/* Fills `err` (when not NULL) with `st`, the path, position and a message
 * (NULL: cg_strerror(st)), and returns `st`: `return cgu_error(err, ...);`. */
cg_status cgu_error(cg_error *err, cg_status st, const char *path, size_t line, size_t col,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* cgu_error(err, CG_ENOMEM, ...) with "out of memory". */
cg_status cgu_oom(cg_error *err);

/* ---- bump arena: many small strings freed at once (arena.c) ---- */

typedef struct cgu_arena_chunk cgu_arena_chunk;
typedef struct cgu_arena {
    cgu_arena_chunk *head;
} cgu_arena;

void *cgu_arena_alloc(cgu_arena *a, size_t size);
/* Copies `len` bytes and a terminating NUL; NULL when memory ran out. */
char *cgu_arena_strndup(cgu_arena *a, const char *s, size_t len);
char *cgu_arena_strdup(cgu_arena *a, const char *s);
/* Like cgu_arena_strdup, but NULL stays NULL; *failed is set when memory ran out. */
const char *cgu_arena_dup_or_null(cgu_arena *a, const char *s, int *failed);
void cgu_arena_release(cgu_arena *a);
/* Moves every chunk of `from` into `to`; what was allocated in `from`
 * stays valid and is now released with `to`. */
void cgu_arena_adopt(cgu_arena *to, cgu_arena *from);

/* ---- dates (date.c) ---- */

/* Whether `s` is a calendar date YYYY-MM-DD that exists (leap years
 * counted); false for NULL. */
bool cgu_is_iso_date(const char *s);
/* The day number of the date YYYY-MM-DD `s` (1970-01-01 is 0, one per
 * day), or LONG_MIN when `s` is not a date cgu_is_iso_date() accepts. */
long cgu_iso_day_number(const char *s);

/* ---- eight bytes at a time (scans of mostly ASCII text) ---- */

#define CGU_BYTES_ONES 0x0101010101010101ULL
#define CGU_BYTES_HIGHS 0x8080808080808080ULL

static inline uint64_t cgu_load8(const unsigned char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Whether some byte of w (all bytes below 0x80) is below `limit` (<= 0x80). */
static inline int cgu_some_byte_below(uint64_t w, unsigned limit) {
    return ((w - CGU_BYTES_ONES * limit) & ~w & CGU_BYTES_HIGHS) != 0;
}

/* Whether some byte of w (all bytes below 0x80) is `b`. */
static inline int cgu_some_byte_is(uint64_t w, unsigned char b) {
    return cgu_some_byte_below(w ^ (CGU_BYTES_ONES * b), 1);
}

/* What cgu_plain_run counts as not plain, besides 0x80 and above. */
enum {
    CGU_PLAIN_CTRL = 1,      /* the bytes below 0x20 */
    CGU_PLAIN_LINE_ENDS = 2, /* with CGU_PLAIN_CTRL: but for '\n' and '\t' */
    /* but for the two bytes of a character from U+00C0 to U+00FF (C3 and a continuation:
     * "ä", "ß", valid UTF-8 that no scan changes), the most common bytes above 0x7F in German */
    CGU_PLAIN_LATIN1 = 4,
};

/* The length of the run of plain bytes that p[0, n) begins with, counted sixteen (or eight)
 * at a time, so that it may stop short of the first byte that is not plain: a scan takes the
 * rest byte by byte. Not plain: 0x80 and above, the bytes `a` and `b` (ASCII, or 0x80 for
 * none), and those `flags` name. Most of a German text is plain ASCII between a few umlauts
 * and line ends. */
static inline size_t cgu_plain_run(const unsigned char *p, size_t n, unsigned flags,
                                   unsigned char a, unsigned char b);

/* The same eight bytes at a time, without vector instructions: where there are none, and for
 * the tests. Stops at a line end or a tab even with CGU_PLAIN_LINE_ENDS (stopping short is
 * allowed). */
static inline size_t cgu_plain_run_words(const unsigned char *p, size_t n, unsigned flags,
                                         unsigned char a, unsigned char b) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = cgu_load8(p + i);
        if ((w & CGU_BYTES_HIGHS) || ((flags & CGU_PLAIN_CTRL) && cgu_some_byte_below(w, 0x20)) ||
            cgu_some_byte_is(w, a) || cgu_some_byte_is(w, b))
            break;
    }
    return i;
}

static inline size_t cgu_plain_run(const unsigned char *p, size_t n, unsigned flags,
                                   unsigned char a, unsigned char b) {
#if defined(__SSE2__)
    size_t i = 0;
    const __m128i lo = _mm_set1_epi8(flags & CGU_PLAIN_CTRL ? 0x20 : 0),
                  va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b),
                  lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
    const bool line_ends = (flags & CGU_PLAIN_CTRL) && (flags & CGU_PLAIN_LINE_ENDS);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        /* a signed compare: the bytes from 0x80 count as below 0x20, and below 0 */
        __m128i low = _mm_cmplt_epi8(v, lo);
        if (line_ends)
            low =
                _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, tab)), low);
        __m128i odd = _mm_or_si128(low, _mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
        if (flags & CGU_PLAIN_LATIN1) {
            /* a C3 whose next byte is a continuation, and that continuation; the first
             * byte's predecessor and the last byte's successor are not looked at: such a
             * byte stops the run, and the scan takes its character */
            __m128i c3 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC3));
            __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
                                          _mm_set1_epi8((char)0x80));
            __m128i pair = _mm_or_si128(_mm_and_si128(c3, _mm_srli_si128(cont, 1)),
                                        _mm_and_si128(cont, _mm_slli_si128(c3, 1)));
            odd = _mm_andnot_si128(pair, odd);
        }
        unsigned m = (unsigned)_mm_movemask_epi8(odd);
        if (m) return i + (size_t)__builtin_ctz(m);
    }
    return i;
#else
    return cgu_plain_run_words(p, n, flags, a, b);
#endif
}

/* The start of the line that holds t[pos]: just past the last '\n' of t[0, pos), or 0.
 * Sixteen bytes at a time from pos back (memrchr is not in C11 or POSIX): the searches that
 * try lines ask it for every line they land in. */
static inline size_t cgu_line_start(const char *t, size_t pos) {
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8('\n');
    for (; pos >= 16; pos -= 16) {
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(t + pos - 16)), lf));
        if (m) return pos - 16 + (size_t)(32 - __builtin_clz(m));
    }
#endif
    while (pos > 0 && t[pos - 1] != '\n')
        pos--;
    return pos;
}

/* The first occurrence of lit[0, k) in s[0, n), or NULL (also for k == 0): memchr for its
 * first byte, then a compare (memmem is not in C11 or POSIX). For short looks at a file's
 * bytes; the extractor's searches have their own (cgx_find_literal). */
static inline const char *cgu_find(const char *s, size_t n, const char *lit, size_t k) {
    if (!k || n < k) return NULL;
    const char *last = s + (n - k);
    for (const char *p = s; p <= last; p++) {
        if (!(p = memchr(p, lit[0], (size_t)(last - p) + 1))) return NULL;
        if (memcmp(p, lit, k) == 0) return p;
    }
    return NULL;
}

/* The first index i of the sorted a[0, n) with a[i] >= key, or n. */
static inline size_t cgu_lower_bound(const size_t *a, size_t n, size_t key) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The most digits a 64-bit number has in decimal. */
enum { CGU_DECIMAL_MAX = 20 };

/* Writes the decimal digits of v so that they end at `end`; returns where they begin. By hand,
 * not printf: question labels, JSON Lines and kept states write millions of numbers. */
static inline char *cgu_decimal_before(char *end, uint64_t v) {
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

/* The same for a signed v, with its '-': the magnitude taken unsigned, so that the most
 * negative number has one too. At most CGU_DECIMAL_MAX + 1 bytes. */
static inline char *cgu_signed_decimal_before(char *end, long long v) {
    end = cgu_decimal_before(end, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
    if (v < 0) *--end = '-';
    return end;
}

/* Appends v in decimal (the JSON writers' numbers, the compact files' sizes). */
static inline int cgu_buf_put_size(cg_buf *b, size_t v) {
    char digits[CGU_DECIMAL_MAX], *end = digits + sizeof digits;
    const char *d = cgu_decimal_before(end, v);
    return cgu_buf_append(b, d, (size_t)(end - d));
}

static inline int cgu_buf_put_int(cg_buf *b, long long v) {
    char digits[CGU_DECIMAL_MAX + 1], *end = digits + sizeof digits;
    const char *d = cgu_signed_decimal_before(end, v);
    return cgu_buf_append(b, d, (size_t)(end - d));
}

/* Copies s[0, n) into out[0, cap) (cap > 0), cut to cap - 1 bytes, then a NUL: what
 * snprintf(out, cap, "%.*s", (int)n, s) writes for a text without NUL, without parsing a
 * format (a tenth of a microsecond for every group the extractor reads). The bytes copied. */
static inline size_t cgu_copy_cut(char *out, size_t cap, const char *s, size_t n) {
    if (n >= cap) n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    return n;
}

/* ---- UTF-8 (utf8.c) ---- */

/* Decodes one code point at s[0..len). On success returns its length (1-4)
 * and stores it in *cp; for an invalid or truncated sequence returns 0. */
int cgu_utf8_decode_long(const unsigned char *s, size_t len, uint32_t *cp);
/* ASCII and the two-byte sequences (umlauts, ß) inline, which are most of
 * what the per-byte scans of a German text meet: the same results as
 * cgu_utf8_decode_long() for every input. */
static inline int cgu_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp) {
    if (len && s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (len >= 2 && s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
        *cp = (uint32_t)(s[0] & 0x1F) << 6 | (uint32_t)(s[1] & 0x3F);
        return 2;
    }
    return cgu_utf8_decode_long(s, len, cp);
}
/* Whether s[0, n) is valid UTF-8 (and, unless nul_ok, holds no NUL): ASCII and umlauts
 * sixteen bytes at a time (cgu_plain_run), the rest decoded. */
bool cgu_utf8_valid(const char *s, size_t n, bool nul_ok);
/* Encodes `cp` into out (at least 4 bytes); returns the length. */
int cgu_utf8_encode(uint32_t cp, char *out);
/* Appends `len` bytes of possibly invalid UTF-8 as valid UTF-8: NUL and
 * invalid bytes become U+FFFD. */
int cgu_buf_append_valid_utf8(cg_buf *b, const char *data, size_t len);

/* ---- string-keyed map (hashmap.c; keys borrowed) ---- */

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

/* ---- hashing (hash.c): 128 bits, for cache keys and checksums, not for
 * defence against crafted collisions ---- */

typedef struct cgu_hash {
    uint64_t a, b;
} cgu_hash;

void cgu_hash_init(cgu_hash *h);
void cgu_hash_bytes(cgu_hash *h, const void *data, size_t len);
/* 32 lower-case hex digits and a NUL. */
void cgu_hash_hex(const cgu_hash *h, char out[33]);
/* The hex digest of len bytes, in one call. */
void cgu_checksum(const char *data, size_t len, char out[33]);
/* Another digest of len bytes, about four times as fast on large data (four
 * lanes side by side); for checksums of large files (check/state.c). */
void cgu_checksum_wide(const char *data, size_t len, char out[33]);

/* ---- work on several threads, results in order (ordered.c) ---- */

/* Runs work(i) for i in [0, n) on up to `jobs` threads and consume(i) on
 * the calling thread strictly in order of i, with at most `window` items
 * done but not yet consumed (bounding memory). consume returning nonzero
 * stops the run: items not yet consumed are given to discard (which may be
 * NULL). With `caller_works`, the calling thread is one of the `jobs` and
 * takes work while the next result is not done: for many small items whose
 * consume is cheap (a document's output), where it saves a thread and a
 * wake-up per item; not where consume is what bounds the run (building a
 * graph), which an item taken would hold up. With jobs <= 1 everything runs
 * on the calling thread. Returns what consume returned to stop, -1 when no
 * thread could be started (without caller_works) or memory ran out, else 0. */
typedef struct cgu_ordered {
    size_t n;
    int jobs;
    size_t window;
    void *ctx;
    void (*work)(void *ctx, size_t i);
    int (*consume)(void *ctx, size_t i);
    void (*discard)(void *ctx, size_t i);
    bool caller_works;
} cgu_ordered;

int cgu_ordered_run(const cgu_ordered *o);
/* The number of online cores, 1 to 64. */
int cgu_cores(void);

#endif
