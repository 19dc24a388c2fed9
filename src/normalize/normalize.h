/* normalize.h - the text that patterns run on, and the way back.
 *
 * Normalisation turns a document's bytes into valid UTF-8 on which the
 * reference patterns can match, and keeps a map from every normalised byte
 * back to the original bytes:
 *   - CRLF and lone CR become LF; form feeds (page breaks) become LF;
 *   - NUL and other control bytes become spaces;
 *   - invalid UTF-8 bytes are read as Windows-1252 characters;
 *   - Unicode spaces (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000) become
 *     one ASCII space; zero-width characters, BOMs and soft hyphens vanish;
 *   - hyphens and dashes (U+2010..U+2015, U+2212) become '-';
 *   - end-of-line hyphenation is undone where it splits a word (lower case
 *     on both sides): "Bundestags-\ndrucksache" becomes "Bundestagsdrucksache".
 *     A hyphen before an upper-case letter ("BT-\nDrs.", "Nordrhein-\nWestfalen")
 *     is real, and the break stays: a page head may stand between the halves
 *     of a word, and it must keep its own line. Patterns allow "-\s*" there.
 *     Inside a URL the break is left alone; the URL recogniser decides.
 *   - a line break between the two slashes of a URL's scheme ("(http:/" at
 *     a line end, "/trade.ec.europa.eu/..." on the next) is dropped;
 * Line breaks are otherwise kept, so that line structure (headers, footers)
 * stays visible; patterns treat them as white space.
 */
#ifndef CG_NORMALIZE_H
#define CG_NORMALIZE_H

#include <stddef.h>

/* A run of normalised bytes [norm, norm+nlen) that came from the original
 * bytes [orig, orig+olen). A copy run (copy=1) maps byte for byte; a
 * replacement (copy=0) maps as a whole. Deleted bytes lie between runs. */
typedef struct cgn_segment {
    size_t norm;
    size_t orig;
    size_t nlen;
    size_t olen;
    int copy;
} cgn_segment;

typedef struct cg_normalized {
    char *text; /* NUL-terminated, valid UTF-8 */
    size_t len;
    size_t orig_len;
    cgn_segment *segs;
    size_t nsegs;
    size_t segcap;
    size_t textcap;
} cg_normalized;

/* Returns 0, or -1 when memory ran out (then `out` holds nothing to free). */
int cg_normalize(const char *src, size_t len, cg_normalized *out);
void cg_normalized_release(cg_normalized *n);
/* The same, with the bytes it copies as they are found `width` at a time at most: 32 (AVX2
 * where the processor has it), 16 (SSE2) or 1; for the tests, which compare the three. */
int cgn_normalize_width(const char *src, size_t len, cg_normalized *out, unsigned width);

/* Original offset of the character that starts at normalised offset `pos`. */
size_t cg_norm_orig_start(const cg_normalized *n, size_t pos);
/* Original offset just past a span that ends at normalised offset `end`. */
size_t cg_norm_orig_end(const cg_normalized *n, size_t end);

#endif
