/* sentence.c - where sentences end, in the normalised text.
 *
 * A sentence ends at ".", "?" or "!" followed by white space and a capital
 * letter, unless the "." closes an abbreviation ("Nr.", "vgl.", "z. B.")
 * or an ordinal ("am 19. Januar"); a paragraph (an empty line) ends one
 * too. Line breaks inside a sentence are not ends: DIP's text breaks lines
 * where the PDF did. Locators bind only inside a sentence (locate.c), and a
 * reference is a referral when its sentence says so (answers.c). */
#include <stdint.h>
#include <string.h>

#include "xctx.h"

static int is_upper_start(const char *t, size_t i, size_t len) {
    unsigned char c = (unsigned char)t[i];
    if (c >= 'A' && c <= 'Z') return 1;
    /* Ä Ö Ü in UTF-8 */
    return c == 0xC3 && i + 1 < len &&
           ((unsigned char)t[i + 1] == 0x84 || (unsigned char)t[i + 1] == 0x96 ||
            (unsigned char)t[i + 1] == 0x9C);
}

static int is_abbreviation(const char *w, size_t n) {
#define ABBR(s)                                                                                    \
    { s, sizeof s - 1 }
    static const struct {
        const char *word;
        size_t len;
    } abbr[] = {
        ABBR("Dr"),   ABBR("Prof"), ABBR("Nr"),   ABBR("Abs"),  ABBR("Art"),   ABBR("vgl"),
        ABBR("bzw"),  ABBR("ggf"),  ABBR("ca"),   ABBR("ff"),   ABBR("Ziff"),  ABBR("Buchst"),
        ABBR("lit"),  ABBR("Kap"),  ABBR("Anl"),  ABBR("Hrsg"), ABBR("St"),    ABBR("Mio"),
        ABBR("Mrd"),  ABBR("usw"),  ABBR("etc"),  ABBR("inkl"), ABBR("insb"),  ABBR("sog"),
        ABBR("Dipl"), ABBR("Ing"),  ABBR("Abg"),  ABBR("Drs"),  ABBR("PlPr"),  ABBR("Bd"),
        ABBR("Jan"),  ABBR("Feb"),  ABBR("Okt"),  ABBR("Nov"),  ABBR("Dez"),   ABBR("Aug"),
        ABBR("Sept"), ABBR("Apr"),  ABBR("Jun"),  ABBR("Jul"),  ABBR("LINKE"), ABBR("Ratsdok"),
        ABBR("Dok"),  ABBR("Verf"), ABBR("Rn"),   ABBR("Rdnr"), ABBR("Az"),    ABBR("Tz"),
        ABBR("geb"),  ABBR("verh"), ABBR("evtl"), ABBR("zzgl"), ABBR("Tab"),   ABBR("Abb")};
#undef ABBR
    if (n <= 1) return 1; /* "u. a.", "z. B.", initials */
    for (size_t a = 0; a < sizeof abbr / sizeof abbr[0]; a++)
        if (abbr[a].len == n && memcmp(abbr[a].word, w, n) == 0) return 1;
    return 0;
}

/* Whether a sentence ends with the byte at i, looking no further than
 * `limit` and no further back than `floor`; *next is then where the next
 * one may begin. */
/* Only these end a sentence (ends_at): the scans below test them inline
 * and call ends_at for them alone, a tenth of the bytes. */
static inline int may_end(char c) {
    return c == '.' || c == '\n' || c == '?' || c == '!';
}

static int ends_at(const xctx *x, size_t i, size_t floor, size_t limit, size_t *next) {
    const char *t = x->norm.text;
    char c = t[i];
    if (c == '\n') {
        size_t j = i + 1;
        while (j < limit && (t[j] == ' ' || t[j] == '\t'))
            j++;
        if (j < limit && t[j] == '\n') {
            *next = j + 1;
            return 1;
        }
        return 0;
    }
    if (c != '.' && c != '?' && c != '!') return 0;
    size_t j = i + 1;
    if (j >= limit || (t[j] != ' ' && t[j] != '\n')) return 0;
    while (j < limit && (t[j] == ' ' || t[j] == '\n'))
        j++;
    /* a capital, or a footnote's "*" ("abrufbar.\n* Von einer Drucklegung ...") */
    if (j >= limit || (!is_upper_start(t, j, x->norm.len) && t[j] != '*')) return 0;
    *next = j;
    if (c != '.') return 1;
    size_t w = i;
    while (w > floor && t[w - 1] != ' ' && t[w - 1] != '\n' && t[w - 1] != '(')
        w--;
    /* a number alone is an ordinal ("am 19. Januar", "- 344. Verwaltungsrat"
     * in a list); one with more to it ends its sentence ("auf Drucksache
     * 21/469.", "(Frage 77).") */
    size_t digits = 0;
    while (w + digits < i && t[w + digits] >= '0' && t[w + digits] <= '9')
        digits++;
    if (digits && w + digits == i) return 0;
    if (digits) return 1;
    return !is_abbreviation(t + w, i - w);
}

#if defined(__SSE2__)
/* The bytes of the sixteen at p that may end a sentence, as a mask. */
static inline unsigned may_end16(const char *p) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('?')), _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))));
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The first i in [from, to) where t[i] may end a sentence, or `to`: sixteen bytes at a time
 * where there are vectors. */
static size_t next_may_end(const char *t, size_t from, size_t to) {
    size_t i = from;
#if defined(__SSE2__)
    for (; i + 16 <= to; i += 16) {
        unsigned m = may_end16(t + i);
        if (m) return i + (size_t)__builtin_ctz(m);
    }
#endif
    while (i < to && !may_end(t[i]))
        i++;
    return i;
}

/* The last i in [from, to) where t[i] may end a sentence, or SIZE_MAX. */
static size_t prev_may_end(const char *t, size_t from, size_t to) {
    size_t i = to;
#if defined(__SSE2__)
    for (; i >= from + 16; i -= 16) {
        unsigned m = may_end16(t + i - 16);
        if (m) return i - 16 + (size_t)(31 - __builtin_clz(m));
    }
#endif
    while (i > from)
        if (may_end(t[--i])) return i;
    return SIZE_MAX;
}

int cgx_crosses_sentence(const xctx *x, size_t a, size_t b) {
    size_t next;
    const char *t = x->norm.text;
    for (size_t i = a; (i = next_may_end(t, i, b)) < b; i++)
        if (ends_at(x, i, a, b, &next)) return 1;
    return 0;
}

void cgx_sentence_around(const xctx *x, size_t pos, size_t floor, size_t ceil, size_t *start,
                         size_t *end) {
    /* back to the end of the previous sentence: a scan from `floor` would be
     * quadratic over a long region, so step back to a candidate end and
     * check it, at most SENTENCE_MAX bytes */
    enum { SENTENCE_MAX = 4000 };
    size_t lo = pos > floor + SENTENCE_MAX ? pos - SENTENCE_MAX : floor, next;
    *start = lo;
    const char *t = x->norm.text;
    for (size_t i = pos; i > lo;) {
        size_t c = prev_may_end(t, lo, i);
        if (c == SIZE_MAX) break;
        if (ends_at(x, c, lo, ceil, &next) && next <= pos) {
            *start = next;
            break;
        }
        i = c;
    }
    size_t hi = pos + SENTENCE_MAX < ceil ? pos + SENTENCE_MAX : ceil;
    *end = hi;
    for (size_t i = pos; (i = next_may_end(t, i, hi)) < hi; i++)
        if (ends_at(x, i, lo, ceil, &next)) {
            *end = i + 1;
            break;
        }
}
