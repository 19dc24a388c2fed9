/* sentence.c - where sentences end, in the normalised text.
 *
 * A sentence ends at ".", "?" or "!" followed by white space and a capital
 * letter, unless the "." closes an abbreviation ("Nr.", "vgl.", "z. B.")
 * or an ordinal ("am 19. Januar"); a paragraph (an empty line) ends one
 * too. Line breaks inside a sentence are not ends: DIP's text breaks lines
 * where the PDF did. Locators bind only inside a sentence (locate.c), and a
 * reference is a referral when its sentence says so (answers.c). */
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
    static const char *const abbr[] = {
        "Dr",     "Prof", "Nr",   "Abs",  "Art",  "vgl",  "bzw",  "ggf",   "ca",      "ff",  "Ziff",
        "Buchst", "lit",  "Kap",  "Anl",  "Hrsg", "St",   "Mio",  "Mrd",   "usw",     "etc", "inkl",
        "insb",   "sog",  "Dipl", "Ing",  "Abg",  "Drs",  "PlPr", "Bd",    "Jan",     "Feb", "Okt",
        "Nov",    "Dez",  "Aug",  "Sept", "Apr",  "Jun",  "Jul",  "LINKE", "Ratsdok", "Dok", "Verf",
        "Rn",     "Rdnr", "Az",   "Tz",   "geb",  "verh", "evtl", "zzgl",  "Tab",     "Abb", NULL};
    if (n <= 1) return 1; /* "u. a.", "z. B.", initials */
    for (const char *const *a = abbr; *a; a++)
        if (strlen(*a) == n && strncmp(*a, w, n) == 0) return 1;
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

int cgx_crosses_sentence(const xctx *x, size_t a, size_t b) {
    size_t next;
    const char *t = x->norm.text;
    for (size_t i = a; i < b; i++)
        if (may_end(t[i]) && ends_at(x, i, a, b, &next)) return 1;
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
    for (size_t i = pos; i > lo; i--)
        if (may_end(t[i - 1]) && ends_at(x, i - 1, lo, ceil, &next) && next <= pos) {
            *start = next;
            break;
        }
    size_t hi = pos + SENTENCE_MAX < ceil ? pos + SENTENCE_MAX : ceil;
    *end = hi;
    for (size_t i = pos; i < hi; i++)
        if (may_end(t[i]) && ends_at(x, i, lo, ceil, &next)) {
            *end = i + 1;
            break;
        }
}
