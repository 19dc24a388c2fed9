/* normalize.c - see normalize.h for what is normalised and why.
 *
 * One pass over the input; ASCII runs are copied in bulk. The segment list
 * grows only where lengths change (a 3-byte dash becomes 1 byte, a CR or a
 * hyphenation break is dropped), so it stays small next to the text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "util/util.h"

/* Windows-1252 for 0x80..0x9F; other bytes >= 0xA0 are Latin-1. */
static const uint16_t cp1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0xFFFD};

typedef struct nstate {
    cg_normalized *n;
    int failed;
} nstate;

static int reserve(cg_normalized *n, size_t extra) {
    if (n->len + extra + 1 <= n->textcap) return 0;
    size_t cap = n->textcap ? n->textcap : 256;
    while (cap < n->len + extra + 1)
        cap *= 2;
    char *p = realloc(n->text, cap);
    if (!p) return -1;
    n->text = p;
    n->textcap = cap;
    return 0;
}

/* Appends bytes that map one to one onto original bytes starting at `orig`. */
static int emit_copy(cg_normalized *n, size_t orig, const char *bytes, size_t len) {
    if (reserve(n, len)) return -1;
    memcpy(n->text + n->len, bytes, len);
    cgn_segment *last = n->nsegs ? &n->segs[n->nsegs - 1] : NULL;
    if (last && last->copy && last->norm + last->nlen == n->len &&
        last->orig + last->olen == orig) {
        last->nlen += len;
        last->olen += len;
    } else {
        if (cgu_grow((void **)&n->segs, &n->segcap, n->nsegs + 1, sizeof *n->segs)) return -1;
        n->segs[n->nsegs++] = (cgn_segment){n->len, orig, len, len, 1};
    }
    n->len += len;
    return 0;
}

/* Appends `len` bytes standing for the `olen` original bytes at `orig`. */
static int emit_repl(cg_normalized *n, size_t orig, size_t olen, const char *bytes, size_t len) {
    if (len == olen) return emit_copy(n, orig, bytes, len);
    if (reserve(n, len)) return -1;
    memcpy(n->text + n->len, bytes, len);
    if (cgu_grow((void **)&n->segs, &n->segcap, n->nsegs + 1, sizeof *n->segs)) return -1;
    n->segs[n->nsegs++] = (cgn_segment){n->len, orig, len, olen, 0};
    n->len += len;
    return 0;
}

static int is_unicode_space(uint32_t cp) {
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0x1680;
}

static int is_invisible(uint32_t cp) {
    return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
           cp == 0xFEFF;
}

static int is_dash(uint32_t cp) {
    return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D;
}

/* Hyphenation may only be undone after a hyphen, not after a dash. */
static int is_hyphen_cp(uint32_t cp) {
    return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0xAD;
}

static int is_lower(uint32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}

static int is_alnum_cp(uint32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000);
}

/* The last code point written, or 0. */
static uint32_t last_cp(const cg_normalized *n) {
    if (!n->len) return 0;
    size_t i = n->len - 1;
    size_t stop = n->len > 4 ? n->len - 4 : 0;
    while (i > stop && ((unsigned char)n->text[i] & 0xC0) == 0x80)
        i--;
    uint32_t cp;
    int k = cgu_utf8_decode((const unsigned char *)n->text + i, n->len - i, &cp);
    return k ? cp : 0;
}

/* Does a token look like (the start of) a URL: a scheme, "www.", or a
 * host name followed by a path ("table.media/bildung/...")? */
static int token_is_url(const char *t, size_t len) {
    while (len && (*t == '(' || *t == '<' || *t == '[' || *t == '"'))
        t++, len--;
    if (len >= 4 && strncmp(t, "www.", 4) == 0) return 1;
    for (size_t k = 0; k + 3 <= len; k++)
        if (t[k] == ':' && t[k + 1] == '/' && t[k + 2] == '/') return 1;
    size_t k = 0;
    int dot = 0;
    while (k < len && ((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= '0' && t[k] <= '9') ||
                       t[k] == '-' || t[k] == '.')) {
        dot |= t[k] == '.';
        k++;
    }
    return dot && k < len && t[k] == '/' && k >= 4 && t[k - 1] != '.';
}

/* Is the token being written (since the last white space) part of a URL?
 * A URL broken over lines continues a token that ended the line before,
 * so a token at the start of a line looks back at that one (no trailing
 * space before the line break), up to a few lines. */
static int in_url_token(const cg_normalized *n) {
    size_t end = n->len, stop = n->len > 4096 ? n->len - 4096 : 0;
    for (int lines = 0; lines < 6; lines++) {
        size_t i = end;
        while (i > stop && n->text[i - 1] != ' ' && n->text[i - 1] != '\n' &&
               n->text[i - 1] != '\t')
            i--;
        if (token_is_url(n->text + i, end - i)) return 1;
        if (i == 0 || n->text[i - 1] != '\n' || i - 1 <= stop) return 0;
        end = i - 1; /* the token that ended the previous line */
        if (end == 0 || n->text[end - 1] == ' ' || n->text[end - 1] == '\n') return 0;
    }
    return 0;
}

/* Decodes the character at src[i]; invalid bytes decode as Windows-1252. */
static int decode_at(const unsigned char *s, size_t len, size_t i, uint32_t *cp) {
    int k = cgu_utf8_decode(s + i, len - i, cp);
    if (k > 0) return k;
    unsigned char b = s[i];
    *cp = b >= 0x80 && b < 0xA0 ? cp1252[b - 0x80] : b;
    return 1;
}

/* After a hyphen ending at `i`: if only white space with at least one line
 * break follows, and then a letter or digit, returns the offset of that
 * character; else 0. */
static size_t line_break_after(const unsigned char *s, size_t len, size_t i) {
    size_t j = i;
    int breaks = 0;
    while (j < len &&
           (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n' || s[j] == '\f')) {
        if (s[j] == '\n' || s[j] == '\f') breaks++;
        j++;
        if (breaks > 3) return 0;
    }
    if (!breaks || j >= len) return 0;
    uint32_t cp;
    decode_at(s, len, j, &cp);
    return is_alnum_cp(cp) ? j : 0;
}

/* A line that ends inside a URL's scheme, between its two slashes
 * ("(http:/" and "/trade.ec.europa.eu/..." on the next line): *next is
 * where the address goes on. */
static int scheme_cut(const cg_normalized *n, const unsigned char *s, size_t len, size_t i,
                      size_t *next) {
    static const char *const schemes[] = {"http:/", "https:/", "ftp:/", NULL};
    int cut = 0;
    for (const char *const *p = schemes; *p && !cut; p++) {
        size_t k = strlen(*p);
        cut = n->len >= k && memcmp(n->text + n->len - k, *p, k) == 0 &&
              (n->len == k || !is_alnum_cp((unsigned char)n->text[n->len - k - 1]));
    }
    if (!cut) return 0;
    size_t j = i + 1;
    while (j < len && (s[j] == ' ' || s[j] == '\t'))
        j++;
    if (j + 1 >= len || s[j] != '/' || s[j + 1] == '/') return 0;
    *next = j;
    return 1;
}

/* ---- the bytes copied as they are, a block at a time ----
 *
 * What the loop of cg_normalize copies unchanged, decided for a whole block of bytes at once,
 * with the byte before and after each in view: printable ASCII; a '-' that no white space
 * follows (a hyphen before white space may end a line: the loop looks); a tab; a line end that
 * no '/' comes before (one may cut a URL's scheme: the loop looks); and both bytes of a
 * character from U+00C0 to U+00FF (C3 and a continuation: "ä", "ß"). Runs no longer stop at
 * every line end and hyphen, which were most of the stops. The block may hold a byte the loop
 * would take as well (a quotation mark, a dash to replace): the run stops there, and the loop
 * goes on a character at a time. */

/* The bytes of the block at t copied as they are (bit k for t + k), with t >= 1 and the byte
 * after the block within the text: one definition for both widths, V the vector type, P the
 * intrinsics' prefix (_mm, _mm256), S their suffix (si128, si256). */
#define DEFINE_COPY_MASK(NAME, ATTR, V, P, S)                                                      \
    ATTR static uint32_t NAME(const unsigned char *s, size_t t) {                                  \
        const V v = P##_loadu_##S((const V *)(s + t)),                                             \
                prev = P##_loadu_##S((const V *)(s + t - 1)),                                      \
                next = P##_loadu_##S((const V *)(s + t + 1));                                      \
        const V top2 = P##_set1_epi8((char)0xC0), cont = P##_set1_epi8((char)0x80),                \
                c3 = P##_set1_epi8((char)0xC3);                                                    \
        /* printable ASCII; a signed compare: the bytes from 0x80 are below 0x20 */                \
        V ok = P##_andnot_##S(P##_cmpeq_epi8(v, P##_set1_epi8(0x7F)),                              \
                              P##_cmpgt_epi8(v, P##_set1_epi8(0x1F)));                             \
        /* but a hyphen before white space */                                                      \
        V space_next =                                                                             \
            P##_or_##S(P##_or_##S(P##_cmpeq_epi8(next, P##_set1_epi8(' ')),                        \
                                  P##_cmpeq_epi8(next, P##_set1_epi8('\t'))),                      \
                       P##_or_##S(P##_or_##S(P##_cmpeq_epi8(next, P##_set1_epi8('\r')),            \
                                             P##_cmpeq_epi8(next, P##_set1_epi8('\n'))),           \
                                  P##_cmpeq_epi8(next, P##_set1_epi8('\f'))));                     \
        ok = P##_andnot_##S(P##_and_##S(P##_cmpeq_epi8(v, P##_set1_epi8('-')), space_next), ok);   \
        /* a tab, a line end that no '/' precedes, both bytes of an "ä" */                        \
        ok = P##_or_##S(ok, P##_cmpeq_epi8(v, P##_set1_epi8('\t')));                               \
        ok = P##_or_##S(ok, P##_andnot_##S(P##_cmpeq_epi8(prev, P##_set1_epi8('/')),               \
                                           P##_cmpeq_epi8(v, P##_set1_epi8('\n'))));               \
        V pair = P##_or_##S(                                                                       \
            P##_and_##S(P##_cmpeq_epi8(v, c3), P##_cmpeq_epi8(P##_and_##S(next, top2), cont)),     \
            P##_and_##S(P##_cmpeq_epi8(P##_and_##S(v, top2), cont), P##_cmpeq_epi8(prev, c3)));    \
        return (uint32_t)P##_movemask_epi8(P##_or_##S(ok, pair));                                  \
    }

#if defined(__SSE2__)
/* 16 bytes: t + 17 <= len */
DEFINE_COPY_MASK(copy_mask_sse2, , __m128i, _mm, si128)
#endif

#if CGU_HAVE_AVX2
/* 32 bytes: t + 33 <= len */
DEFINE_COPY_MASK(copy_mask_avx2, __attribute__((target("avx2"))), __m256i, _mm256, si256)

/* copy_run's loop with AVX2: the first byte from t not copied as it is, or where the blocks
 * end. */
__attribute__((target("avx2"))) static size_t copy_run_avx2(const unsigned char *s, size_t len,
                                                            size_t t) {
    for (; t + 33 <= len; t += 32) {
        uint32_t m = copy_mask_avx2(s, t);
        if (m != UINT32_MAX) return t + (size_t)__builtin_ctz(~m);
    }
    return t;
}
#endif

/* From s[j] (a run that began at s[i]), the bytes the loop copies as they are, `width` bytes
 * at a time at most (32: AVX2 where the processor has it, 16: SSE2, else none): the first
 * index not taken. It may stop short; the loop takes the rest. The run's first byte only when
 * it is printable ASCII or a tab: the checks of the byte before (a line end after '/', a
 * continuation after C3) are for bytes inside the run. */
static size_t copy_run(const unsigned char *s, size_t len, size_t i, size_t j, unsigned width) {
    if (j == i) {
        if (j >= len || !((s[j] >= 0x20 && s[j] < 0x7F && s[j] != '-') || s[j] == '\t')) return j;
        j++;
    }
#if CGU_HAVE_AVX2
    if (width >= 32 && __builtin_cpu_supports("avx2")) {
        j = copy_run_avx2(s, len, j);
        if (j + 33 <= len) return j; /* stopped inside a block */
    }
#endif
#if defined(__SSE2__)
    if (width >= 16)
        for (; j + 17 <= len; j += 16) {
            uint32_t m = copy_mask_sse2(s, j);
            if (m != 0xFFFF) return j + (size_t)__builtin_ctz(~m);
        }
#endif
    (void)width;
    /* The blocks end where they end: not between the two bytes of an "ä", which the loop
     * would read as two broken characters. (A stop inside a block never falls there: a C3
     * and its continuation are taken together or not at all.) */
    if (j > i && j < len && s[j - 1] == 0xC3 && (s[j] & 0xC0) == 0x80) j--;
    return j;
}

int cg_normalize(const char *src, size_t len, cg_normalized *out) {
    return cgn_normalize_width(src, len, out, 32);
}

int cgn_normalize_width(const char *src, size_t len, cg_normalized *out, unsigned width) {
    memset(out, 0, sizeof *out);
    out->orig_len = len;
    cg_normalized *n = out;
    const unsigned char *s = (const unsigned char *)src;
    if (reserve(n, len + len / 8 + 16)) goto fail;
    size_t i = 0;
    while (i < len) {
        /* Bulk copy of what is kept as it is: printable ASCII other than
         * '-', and valid UTF-8 of a character no rule below changes (an
         * umlaut, a quotation mark), which the rules would copy too. */
        size_t j = i;
        while (j < len) {
            j = copy_run(s, len, i, j, width);
            if (j >= len) break;
            unsigned char c = s[j];
            /* a line end is copied as it is, unless it may cut a URL's scheme ("http:/"
             * and "/trade...": scheme_cut), which ends in a slash; a tab always */
            if ((c >= 0x20 && c < 0x7F && c != '-') || c == '\t' ||
                (c == '\n' && j > i && s[j - 1] != '/')) {
                j++;
                continue;
            }
            /* a hyphen without white space after it ends no line (line_break_after): the
             * rule below would copy it as it is */
            if (c == '-' &&
                (j + 1 == len || (s[j + 1] != ' ' && s[j + 1] != '\t' && s[j + 1] != '\r' &&
                                  s[j + 1] != '\n' && s[j + 1] != '\f'))) {
                j++;
                continue;
            }
            uint32_t cp;
            int k = c >= 0xC2 ? cgu_utf8_decode(s + j, len - j, &cp) : 0;
            if (k < 2 || is_hyphen_cp(cp) || is_unicode_space(cp) || is_invisible(cp) ||
                is_dash(cp))
                break;
            j += (size_t)k;
        }
        if (j > i) {
            if (emit_copy(n, i, src + i, j - i)) goto fail;
            i = j;
            continue;
        }
        uint32_t cp;
        int k = decode_at(s, len, i, &cp);
        if (is_hyphen_cp(cp)) {
            size_t next = line_break_after(s, len, i + (size_t)k);
            uint32_t prev = last_cp(n);
            if (next && is_alnum_cp(prev) && !in_url_token(n)) {
                uint32_t following;
                decode_at(s, len, next, &following);
                if (is_lower(prev) && is_lower(following)) {
                    /* A word split at the line end: drop hyphen and break. */
                    i = next;
                    continue;
                }
                /* Otherwise the hyphen is real ("BT-\nDrs.") or a page head
                 * interrupts a word: keep both; patterns allow the break. */
            }
            if (cp == 0xAD) { /* a soft hyphen elsewhere is invisible */
                i += (size_t)k;
                continue;
            }
            if (emit_repl(n, i, (size_t)k, "-", 1)) goto fail;
            i += (size_t)k;
            continue;
        }
        if (cp == '\r') {
            if (i + 1 < len && s[i + 1] == '\n') { /* CRLF: the LF stands for both */
                i++;
                continue;
            }
            if (emit_copy(n, i, "\n", 1)) goto fail;
            i++;
            continue;
        }
        if (cp == '\n' && scheme_cut(n, s, len, i, &j)) {
            i = j; /* "http:/" + "/trade.ec.europa.eu/...": one address */
            continue;
        }
        if (cp == '\n' || cp == '\t') {
            if (emit_copy(n, i, (const char *)s + i, 1)) goto fail;
            i++;
            continue;
        }
        if (cp == '\f' || cp == '\v') {
            if (emit_copy(n, i, "\n", 1)) goto fail;
            i++;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F) {
            if (emit_copy(n, i, " ", 1)) goto fail;
            i++;
            continue;
        }
        if (is_unicode_space(cp)) {
            if (emit_repl(n, i, (size_t)k, " ", 1)) goto fail;
        } else if (is_invisible(cp)) {
            /* dropped */
        } else if (is_dash(cp)) {
            if (emit_repl(n, i, (size_t)k, "-", 1)) goto fail;
        } else {
            char buf[4];
            int m = cgu_utf8_encode(cp, buf);
            /* Valid UTF-8 is copied as it is; a Windows-1252 byte is re-encoded. */
            if (emit_repl(n, i, (size_t)k, buf, (size_t)m)) goto fail;
        }
        i += (size_t)k;
    }
    if (reserve(n, 0)) goto fail;
    n->text[n->len] = '\0';
    return 0;
fail:
    cg_normalized_release(n);
    return -1;
}

void cg_normalized_release(cg_normalized *n) {
    free(n->text);
    free(n->segs);
    memset(n, 0, sizeof *n);
}

/* The last segment whose start is <= pos (segments are sorted by norm). */
static const cgn_segment *segment_at(const cg_normalized *n, size_t pos) {
    size_t lo = 0, hi = n->nsegs;
    if (!hi) return NULL;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (n->segs[mid].norm <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return &n->segs[lo];
}

size_t cg_norm_orig_start(const cg_normalized *n, size_t pos) {
    if (pos >= n->len) return n->orig_len;
    const cgn_segment *sg = segment_at(n, pos);
    if (!sg) return 0;
    return sg->copy ? sg->orig + (pos - sg->norm) : sg->orig;
}

size_t cg_norm_orig_end(const cg_normalized *n, size_t end) {
    if (end == 0) return n->nsegs ? n->segs[0].orig : 0;
    const cgn_segment *sg = segment_at(n, end - 1);
    if (!sg) return 0;
    return sg->copy ? sg->orig + (end - sg->norm) : sg->orig + sg->olen;
}
