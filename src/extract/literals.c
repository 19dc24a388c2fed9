/* literals.c - many plain texts found in one pass over a text (literals.h). */
#include "literals.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* The order texts are grouped in: those shorter than three bytes first, each in a group of its
 * own (any byte may follow them, which would make any byte of their group's sets a candidate:
 * ")" beside "://" took every "9"), then by their first bytes, so that texts alike share a
 * group and its nibble sets stay small. */
typedef struct {
    const cgx_literals *s;
    size_t i;
} ranked;

static int cmp_texts(const void *a, const void *b) {
    const ranked *x = a, *y = b;
    const cgx_literals *s = x->s;
    bool xs = s->len[x->i] < 3, ys = s->len[y->i] < 3;
    if (xs != ys) return xs ? -1 : 1;
    size_t n = s->len[x->i] < s->len[y->i] ? s->len[x->i] : s->len[y->i];
    int c = memcmp(s->text[x->i], s->text[y->i], n < 3 ? n : 3);
    if (c) return c;
    if (s->len[x->i] != s->len[y->i]) return s->len[x->i] < s->len[y->i] ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

void cgx_literals_build(cgx_literals *s, const char *const *text, const size_t *len, size_t n) {
    memset(s, 0, sizeof *s);
    if (n > CGX_LITERALS_MAX) n = CGX_LITERALS_MAX;
    ranked order[CGX_LITERALS_MAX];
    for (size_t i = 0; i < n; i++) {
        s->text[i] = text[i];
        s->len[i] = len[i];
        s->first[(unsigned char)text[i][0]] |= (uint32_t)1 << i;
        unsigned char head[4] = {0}, mask[4] = {0};
        for (size_t k = 0; k < 4 && k < len[i]; k++) {
            head[k] = (unsigned char)text[i][k];
            mask[k] = 0xFF;
        }
        memcpy(&s->head[i], head, 4);
        memcpy(&s->head_mask[i], mask, 4);
        order[i] = (ranked){s, i};
    }
    s->n = n;
    if (!n) return;
    qsort(order, n, sizeof *order, cmp_texts);
    /* the short texts one to a group, the rest spread over the other groups */
    size_t groups = n < 8 ? n : 8, short_ones = 0;
    while (short_ones < n && s->len[order[short_ones].i] < 3)
        short_ones++;
    if (short_ones > groups - 1) short_ones = groups - 1;
    for (size_t r = 0; r < n; r++) {
        size_t i = order[r].i;
        size_t g = r < short_ones
                       ? r
                       : short_ones + (r - short_ones) * (groups - short_ones) / (n - short_ones);
        s->group[g][s->ngroup[g]++] = (uint8_t)i;
        for (size_t k = 0; k < CGX_LITERALS_PREFIX; k++) {
            if (k < s->len[i]) {
                unsigned char c = (unsigned char)s->text[i][k];
                s->lo[k][c & 15] |= (uint8_t)(1u << g);
                s->hi[k][c >> 4] |= (uint8_t)(1u << g);
            } else { /* past the end of a short text: any byte */
                for (size_t v = 0; v < 16; v++) {
                    s->lo[k][v] |= (uint8_t)(1u << g);
                    s->hi[k][v] |= (uint8_t)(1u << g);
                }
            }
        }
    }
}

/* Compares the texts of the groups in `groups` with t at `at`; found's first nonzero value. */
static int try_groups(const cgx_literals *s, const char *t, size_t len, size_t at, unsigned groups,
                      cgx_literal_found found, void *ctx) {
    for (; groups; groups &= groups - 1) {
        unsigned g = (unsigned)__builtin_ctz(groups);
        for (size_t m = 0; m < s->ngroup[g]; m++) {
            size_t i = s->group[g][m];
            if (at + s->len[i] > len) continue;
            bool same;
            if (at + 4 <= len) { /* the first four bytes by one load, then the rest */
                uint32_t w;
                memcpy(&w, t + at, 4);
                same = (w & s->head_mask[i]) == s->head[i] &&
                       (s->len[i] <= 4 || memcmp(t + at + 4, s->text[i] + 4, s->len[i] - 4) == 0);
            } else {
                same = memcmp(t + at, s->text[i], s->len[i]) == 0;
            }
            if (same) {
                int rc = found(ctx, i, at);
                if (rc) return rc;
            }
        }
    }
    return 0;
}

/* The scalar loop, from `from`: each position tried for the texts that begin with its byte. */
static int scan_scalar(const cgx_literals *s, const char *t, size_t len, size_t from,
                       cgx_literal_found found, void *ctx) {
    for (size_t at = from; at < len; at++) {
        for (uint32_t m = s->first[(unsigned char)t[at]]; m; m &= m - 1) {
            size_t i = (size_t)__builtin_ctz(m);
            if (at + s->len[i] <= len && memcmp(t + at, s->text[i], s->len[i]) == 0) {
                int rc = found(ctx, i, at);
                if (rc) return rc;
            }
        }
    }
    return 0;
}

#if CGU_HAVE_AVX2
/* The groups each byte of v may begin a text of, by the nibble tables of position k. */
__attribute__((target("avx2"))) static inline __m256i groups_at(__m256i v, __m256i lo, __m256i hi) {
    const __m256i nibble = _mm256_set1_epi8(0x0f);
    __m256i l = _mm256_shuffle_epi8(lo, _mm256_and_si256(v, nibble));
    __m256i h = _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    return _mm256_and_si256(l, h);
}

/* Thirty-two positions at a time while the prefix past the last can be read; *done is the
 * first position not tried. */
__attribute__((target("avx2"))) static int scan_avx2(const cgx_literals *s, const char *t,
                                                     size_t len, size_t *done,
                                                     cgx_literal_found found, void *ctx) {
    __m256i lo[CGX_LITERALS_PREFIX], hi[CGX_LITERALS_PREFIX];
    for (size_t k = 0; k < CGX_LITERALS_PREFIX; k++) {
        lo[k] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)s->lo[k]));
        hi[k] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)s->hi[k]));
    }
    const __m256i zero = _mm256_setzero_si256();
    size_t at = 0;
    for (; at + 32 + CGX_LITERALS_PREFIX - 1 <= len; at += 32) {
        __m256i g = groups_at(_mm256_loadu_si256((const __m256i *)(t + at)), lo[0], hi[0]);
        for (size_t k = 1; k < CGX_LITERALS_PREFIX; k++)
            g = _mm256_and_si256(
                g, groups_at(_mm256_loadu_si256((const __m256i *)(t + at + k)), lo[k], hi[k]));
        unsigned hits = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(g, zero));
        if (!hits) continue;
        uint8_t bytes[32];
        _mm256_storeu_si256((__m256i *)bytes, g);
        for (; hits; hits &= hits - 1) {
            unsigned j = (unsigned)__builtin_ctz(hits);
            int rc = try_groups(s, t, len, at + j, bytes[j], found, ctx);
            if (rc) return rc;
        }
    }
    *done = at;
    return 0;
}
#endif

static int stop_at_first(void *ctx, size_t which, size_t at) {
    (void)ctx;
    (void)which;
    (void)at;
    return 1;
}

bool cgx_literals_any(const cgx_literals *s, const char *t, size_t len) {
    return cgx_literals_scan(s, t, len, true, stop_at_first, NULL) != 0;
}

bool cgx_literals_vector(void) {
#if CGU_HAVE_AVX2
    return __builtin_cpu_supports("avx2");
#else
    return false;
#endif
}

int cgx_literals_scan(const cgx_literals *s, const char *t, size_t len, bool vector,
                      cgx_literal_found found, void *ctx) {
    size_t from = 0;
    if (!s->n) return 0;
#if CGU_HAVE_AVX2
    if (vector && cgx_literals_vector()) {
        int rc = scan_avx2(s, t, len, &from, found, ctx);
        if (rc) return rc;
    }
#else
    (void)vector;
#endif
    return scan_scalar(s, t, len, from, found, ctx);
}
