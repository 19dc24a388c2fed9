/* literals.h - many plain texts found in one pass over a text.
 *
 * The extractor's triggers search the whole normalised text for a dozen
 * short texts ("Drs.", "Frage", "://", "CELEX"). One pass for all of them
 * costs about what one pass for one of them did: 32 positions at a time,
 * each tested for the first four bytes of every text at once (their nibbles
 * looked up in small tables, eight groups of texts to a byte: the "Teddy"
 * method of Intel's Hyperscan), and only the rare candidates compared whole.
 * Where the processor lacks AVX2, a scalar loop gives the same matches. */
#ifndef CG_EXTRACT_LITERALS_H
#define CG_EXTRACT_LITERALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CGX_LITERALS_MAX 32
#define CGX_LITERALS_PREFIX 4 /* the bytes of each text tested at once */

typedef struct cgx_literals {
    size_t n;
    const char *text[CGX_LITERALS_MAX]; /* not owned; each at least one byte */
    size_t len[CGX_LITERALS_MAX];
    /* bit g of lo[k][c & 15] and hi[k][c >> 4]: byte c may stand at k in a text of group g
     * (any byte may, past the end of a text shorter than CGX_LITERALS_PREFIX) */
    uint8_t lo[CGX_LITERALS_PREFIX][16], hi[CGX_LITERALS_PREFIX][16];
    uint8_t group[8][CGX_LITERALS_MAX]; /* the texts of each group */
    uint8_t ngroup[8];
    uint32_t first[256]; /* bit i: text i begins with this byte (the scalar loop) */
    /* the first four bytes of each text (fewer: the rest masked off), to refuse a candidate
     * without a call */
    uint32_t head[CGX_LITERALS_MAX], head_mask[CGX_LITERALS_MAX];
} cgx_literals;

/* Prepares a search for the n (at most CGX_LITERALS_MAX) texts, which must outlive it. */
void cgx_literals_build(cgx_literals *s, const char *const *text, const size_t *len, size_t n);

/* Called for each match: which text (its index), and where it starts. Nonzero stops the
 * search. */
typedef int (*cgx_literal_found)(void *ctx, size_t which, size_t at);

/* Every match of every text in t[0, len), overlapping ones too, in order of their starts;
 * returns 0, or the first nonzero value `found` returned. `vector` false takes the scalar
 * loop even where AVX2 is there (the tests compare the two). */
int cgx_literals_scan(const cgx_literals *s, const char *t, size_t len, bool vector,
                      cgx_literal_found found, void *ctx);

/* Whether t[0, len) holds a match of any of the texts: the scan, stopped at the first. */
bool cgx_literals_any(const cgx_literals *s, const char *t, size_t len);

/* Whether cgx_literals_scan has its vector loop on this processor. */
bool cgx_literals_vector(void);

#endif
