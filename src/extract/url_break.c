/* url_break.c - a hyphen at a line break inside a URL: the typesetter's or
 * the address's own?
 *
 * Typesetters break URLs at syllables ("verfas-\nsungsblog.de",
 * "veroef-\nfentlichungen") as well as at the address's own hyphens
 * ("jobs-and-\neconomy", "zahnmedizinische-\nversorgungszentren"). A reader
 * decides from the words: the document usually writes them out elsewhere.
 * So the words on either side of the break are looked up in the document
 * first, spelled as URLs spell German ("ae" for "ä", "ss" for "ß"):
 *   1. the hyphenated form elsewhere (the same address on one line)
 *      keeps the hyphen;
 *   2. the joined word elsewhere ("Homosexuelle", "BAEK/") drops it (a
 *      short one only as a word of its own);
 *   3. the same words broken over a line before a capital ("Schleswig-\n
 *      Holstein") keep it;
 *   4. either side standing alone as a word of the text ("Preise" for
 *      "lm-\npreise") keeps it, since a syllable is no word.
 * Without evidence, a rule of thumb without a dictionary: a break between
 * two lower-case fragments is a syllable break, unless either fragment is
 * a short word that slugs join with hyphens, or a single letter; in a host
 * name, a known host decides first. */
#include "url_break.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xctx.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define ONES ((uint64_t)0x0101010101010101u)
#define HIGH_BITS ((uint64_t)0x8080808080808080u)

static int is_lower_ascii(char c) {
    return c >= 'a' && c <= 'z';
}

static int is_alpha_ascii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int cgx_url_words_make(cgx_url_words *w, const char *text, size_t len, size_t around) {
    /* The window is a function of `around` alone, so that what one URL finds
     * does not depend on the URLs before it: it starts at a multiple of half
     * the reach and spans at least the reach either side. The URLs of a
     * paragraph or a page of footnotes share one. */
    const size_t step = CGX_URL_WORDS_REACH / 2;
    size_t from = around > CGX_URL_WORDS_REACH ? (around - CGX_URL_WORDS_REACH) / step * step : 0;
    size_t to = len - from > 2 * CGX_URL_WORDS_REACH + step ? from + 2 * CGX_URL_WORDS_REACH + step
                                                            : len;
    /* the window starts and ends on whole characters */
    while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
        from--;
    while (to < len && ((unsigned char)text[to] & 0xC0) == 0x80)
        to++;
    if (w->text && w->from == from && w->len == to - from) return 0; /* made already */
    if (to - from + 1 > w->cap) {
        char *p = realloc(w->text, to - from + 1);
        if (!p) return -1;
        w->text = p;
        w->cap = to - from + 1;
    }
    w->from = from;
    w->len = to - from;
    w->orig = text + from;
    const char *in = text + from;
    char *out = w->text;
    size_t n = to - from;
    /* "ä" and "ae" are two bytes each: the copy keeps the text's offsets */
    for (size_t i = 0; i < n; i++) {
#if defined(__SSE2__)
        if (i + 16 <= n) { /* sixteen ASCII bytes at once where the processor can */
            __m128i v = _mm_loadu_si128((const __m128i *)(in + i));
            if (!_mm_movemask_epi8(v)) {
                __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                              _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
                _mm_storeu_si128((__m128i *)(out + i),
                                 _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
                i += 15;
                continue;
            }
        }
#endif
        uint64_t word;
        if (i + 8 <= n && (memcpy(&word, in + i, 8), !(word & HIGH_BITS))) {
            /* eight ASCII bytes at once: a byte from 'A' to 'Z' gets 0x20 */
            uint64_t at_least_a = word + ONES * (0x80 - 'A');
            uint64_t above_z = word + ONES * (0x80 - 'Z' - 1);
            word |= (at_least_a & ~above_z & HIGH_BITS) >> 2;
            memcpy(out + i, &word, 8);
            i += 7;
            continue;
        }
        unsigned char c = (unsigned char)in[i];
        if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)in[i + 1];
            char base = d == 0xA4 || d == 0x84   ? 'a'
                        : d == 0xB6 || d == 0x96 ? 'o'
                        : d == 0xBC || d == 0x9C ? 'u'
                        : d == 0x9F              ? 's'
                                                 : 0;
            if (base) {
                out[i] = base;
                out[++i] = base == 's' ? 's' : 'e';
                continue;
            }
        }
        out[i] = fold((char)c);
    }
    out[n] = '\0';
    return 0;
}

void cgx_url_words_release(cgx_url_words *w) {
    free(w->text);
    memset(w, 0, sizeof *w);
}

/* A byte of a letter in the folded text: ASCII, or part of any other
 * letter in UTF-8. */
static int folded_letter(char c) {
    return is_alpha_ascii(c) || (unsigned char)c >= 0x80;
}

/* May a word of prose stand at t[s..e): not inside a longer word, an
 * address or a compound ("Stadt-", "/preise", "preise_")? The text is
 * folded: any byte from 0x80 up is part of a letter. */
static int standalone(const char *t, size_t n, size_t s, size_t e) {
    static const char joiners[] = "-/_.=&?#%@";
    if (s > 0) {
        unsigned char b = (unsigned char)t[s - 1];
        if (folded_letter((char)b) || (b >= '0' && b <= '9') || strchr(joiners, b)) return 0;
    }
    if (e < n) {
        unsigned char a = (unsigned char)t[e];
        if (folded_letter((char)a) || (a >= '0' && a <= '9')) return 0;
        /* a full stop ends a sentence, not a host name ("line.de") */
        if (strchr(joiners, a) && (a != '.' || (e + 1 < n && t[e + 1] > ' '))) return 0;
    }
    return 1;
}

/* Does t[i] begin the rest of a word broken at a line end ("veroef-⏎
 * fentlichungen", spaces around the break allowed)? */
static int after_broken_word(const char *t, size_t i) {
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
        i--;
    if (i == 0 || t[i - 1] != '\n') return 0;
    i--;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
        i--;
    return i > 0 && t[i - 1] == '-';
}

/* Where a word found in the text may stand. */
typedef enum {
    ANYWHERE,   /* inside another word too: "homosexuelle" in "Homosexuellen" */
    WHOLE,      /* not inside another word: "baek" in "/BAEK/", not "unen" in "unentgeltlich" */
    STANDALONE, /* a word of prose (see standalone()) */
} place;

/* Does the folded text t[0..n) hold the lower-case word w[0..k) where
 * `where` says? The rest of a word broken at a line end is no evidence of
 * itself. */
static int holds_in(const char *t, size_t n, const char *w, size_t k, place where, size_t skip) {
    for (size_t from = 0;;) {
        const char *hit = cgx_find_literal(t, from, n, w, k);
        if (!hit) return 0;
        size_t i = (size_t)(hit - t);
        from = i + 1;
        if (after_broken_word(t, i)) continue;
        if (i <= skip && skip < i + k) continue;
        if (where == ANYWHERE) return 1;
        if (where == STANDALONE ? standalone(t, n, i, i + k)
                                : !(i > 0 && folded_letter(t[i - 1])) &&
                                      !(i + k < n && folded_letter(t[i + k])))
            return 1;
    }
}

static int doc_holds(const cgx_url_words *doc, const char *pat, size_t n, place where,
                     size_t break_at) {
    char w[128];
    if (!doc || !doc->text || n == 0 || n > sizeof w) return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = fold(pat[i]);
    size_t skip = break_at >= doc->from ? break_at - doc->from : SIZE_MAX;
    return holds_in(doc->text, doc->len, w, n, where, skip);
}

/* Does the token go on with a host name: "parenzportal.bund.de)",
 * "ngut.org)" (labels of lower-case letters, digits and hyphens, a dot, and
 * a top-level domain of letters, then the end, a path or punctuation)? */
static int host_rest(const char *t, size_t n) {
    size_t i = 0, labels = 0;
    for (;;) {
        size_t s = i;
        while (i < n && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') || t[i] == '-'))
            i++;
        if (i == s) return 0;
        labels++;
        if (i < n && t[i] == '.' && i + 1 < n && t[i + 1] >= 'a' && t[i + 1] <= 'z') {
            i++;
            continue;
        }
        break;
    }
    return labels >= 2 && (i == n || strchr("/).,;:", t[i]));
}

/* The top-level domains the corpus's addresses end in, and the commonest
 * others: a host that ends in something else ("transparenzportal.bu") was
 * cut by the line end. */
static int known_tld(const char *t, size_t n) {
    static const char *const tlds[] = {
        "de",     "com",    "org",    "net",     "eu",     "int",   "info",   "gov",   "edu",
        "io",     "uk",     "fr",     "at",      "ch",     "nl",    "be",     "it",    "es",
        "pl",     "dk",     "se",     "no",      "fi",     "cz",    "lu",     "ie",    "pt",
        "gr",     "hu",     "ro",     "bg",      "hr",     "si",    "sk",     "ee",    "lv",
        "lt",     "ua",     "ru",     "us",      "ca",     "au",    "jp",     "cn",    "in",
        "tv",     "me",     "co",     "news",    "online", "berlin", "bayern", "nrw",  "hamburg",
        "koeln",  "app",    "dev",    "tr",      "il",     "za",    "br",     "mil",   "biz",
        "social", NULL};
    for (const char *const *d = tlds; *d; d++)
        if (strlen(*d) == n && strncasecmp(t, *d, n) == 0) return 1;
    return 0;
}

/* How many words a token joins with hyphens, when it is ASCII throughout
 * ("Baerbocks-praezedenzloses-Aufnahmeprogramm"); 0 otherwise. */
static int slug_words(const char *t, size_t n) {
    int words = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c >= 0x80) return 0;
        if (c == '-') words++;
    }
    return words;
}

static int is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Does the URL end in a hexadecimal part, after a hyphen or slash? */
static int hex_id_tail(const char *u, size_t n) {
    size_t i = n;
    while (i > 0 && is_hex(u[i - 1]))
        i--;
    return i < n && i > 0 && (u[i - 1] == '-' || u[i - 1] == '/');
}

/* A hexadecimal token of six digits or more, both digits and letters in it,
 * before the sentence's punctuation: "8f4710ff28d490;". */
static int hex_token(const char *t, size_t n) {
    size_t k = n;
    while (k && strchr(".,;:)", t[k - 1]))
        k--;
    int digit = 0, letter = 0;
    for (size_t i = 0; i < k; i++) {
        if (!is_hex(t[i])) return 0;
        digit |= t[i] <= '9';
        letter |= t[i] >= 'a';
    }
    return k >= 6 && digit && letter;
}

/* An item's marker of a list: "a)", "b.", "4.", "12)" (a letter, or up to
 * three digits, and the bracket or full stop)? */
static int list_marker(const char *t, size_t n) {
    if (n < 2 || n > 4 || (t[n - 1] != ')' && t[n - 1] != '.')) return 0;
    if (n == 2 && t[0] >= 'a' && t[0] <= 'z') return 1;
    for (size_t i = 0; i + 1 < n; i++)
        if (t[i] < '0' || t[i] > '9') return 0;
    return 1;
}

/* The endings of the files addresses name. */
#define FILE_EXT(s)                                                                                \
    { s, sizeof s - 1 }
static const struct {
    const char *text;
    size_t len;
} file_exts[] = {FILE_EXT(".html"), FILE_EXT(".htm"),  FILE_EXT(".pdf"), FILE_EXT(".php"),
                 FILE_EXT(".aspx"), FILE_EXT(".asp"),  FILE_EXT(".jsp"), FILE_EXT(".xml"),
                 FILE_EXT(".csv"),  FILE_EXT(".docx"), FILE_EXT(".xlsx")};
#define FILE_EXTS (sizeof file_exts / sizeof *file_exts)

/* Does the address end in the whole name of a file? Not when its ending may
 * still be the start of a longer one: ".htm" of ".html", ".asp" of ".aspx". */
static int ends_with_file(const char *u, size_t n) {
    for (size_t e = 0; e < FILE_EXTS; e++) {
        size_t k = file_exts[e].len;
        /* each ending begins with its dot: most addresses are turned away by it */
        if (n <= k || u[n - k] != '.' || strncasecmp(u + n - k, file_exts[e].text, k) != 0)
            continue;
        int prefix = 0;
        for (size_t l = 0; l < FILE_EXTS; l++)
            prefix |= file_exts[l].len > k && strncmp(file_exts[l].text, file_exts[e].text, k) == 0;
        if (!prefix) return 1;
    }
    return 0;
}

/* A number that is more likely a Drucksache than the rest of a URL. */
static int looks_like_number_ref(const char *t, size_t n) {
    size_t i = 0;
    while (i < n && t[i] >= '0' && t[i] <= '9')
        i++;
    if (i == 0 || i > 3 || i >= n || t[i] != '/') return 0;
    i++;
    size_t d = i;
    while (i < n && t[i] >= '0' && t[i] <= '9')
        i++;
    if (i == d) return 0;
    while (i < n && strchr(").,;:", t[i]))
        i++;
    return i == n;
}

int cgx_url_continues(const char *url, size_t ulen, const char *tok, size_t n, int spaced) {
    if (!n || !ulen) return 0;
    if (ulen >= 3 && strncmp(url + ulen - 3, "://", 3) == 0) return 1;
    if ((n >= 4 && strncmp(tok, "http", 4) == 0) || (n >= 4 && strncmp(tok, "www.", 4) == 0))
        return 0;
    if (tok[0] == '(' || tok[0] == '[') return 0;
    char last = url[ulen - 1];
    /* a list of addresses: "taz.de/…/!6090592/;" + "x.com/…" */
    if (last == ';' || last == ',') return 0;
    /* cut inside a percent escape: "?via%3" + "Dihub" */
    static const char hex[] = "0123456789abcdefABCDEF";
    if (last == '%' && n >= 2 && strchr(hex, tok[0]) && strchr(hex, tok[1])) return 1;
    if (ulen >= 2 && url[ulen - 2] == '%' && strchr(hex, last) && strchr(hex, tok[0])) return 1;
    /* cut inside the host name, before any path: "www.koalitionsvertrag202" + "5.de)" */
    const char *host = strstr(url, "://");
    host = host ? host + 3 : url;
    size_t hlen = ulen - (size_t)(host - url);
    while (hlen && strchr(".,;:!?)]\"'", host[hlen - 1]))
        hlen--; /* the sentence's, not the host's */
    if (!memchr(host, '/', hlen)) {
        const char *dot = NULL, *hend = host + hlen;
        for (const char *q = host; q < hend; q++)
            if (*q == '.') dot = q;
        int tld_ok = dot && dot + 1 < hend;
        for (const char *q = dot ? dot + 1 : hend; q < hend; q++)
            tld_ok &= (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z');
        int host_tok = (tok[0] >= 'a' && tok[0] <= 'z') || (tok[0] >= '0' && tok[0] <= '9');
        if (host_tok && host_rest(tok, n) &&
            (!tld_ok || !known_tld(dot + 1, (size_t)(hend - dot - 1)) ||
             (hlen > 4 && strncmp(host, "www.", 4) == 0 && dot == host + 3)))
            return 1;
    }
    /* the next line opens an item of a list: "… .pdf" + "a) hinsichtlich …",
     * "bericht-" + "4. Welche …" */
    if (spaced && list_marker(tok, n)) return 0;
    /* an address that ends in a file's name goes on only with its query or
     * fragment: "studie.pdf" + "?__blob=…", not + "a)" */
    if (ends_with_file(url, ulen) && !strchr("?#&/", tok[0])) return 0;
    if (last == '-') return 1;
    if (looks_like_number_ref(tok, n)) return 0;
    if (memchr(tok, '/', n)) return 1;
    /* a query: "ar-AA1" + "IIIlW?ocid=BingNewsSerp)." */
    const char *qm = memchr(tok, '?', n);
    if (qm && memchr(qm, '=', n - (size_t)(qm - tok))) return 1;
    /* the name of a file inside: every ending starts with its dot */
    for (const char *dot = memchr(tok, '.', n); dot;
         dot = memchr(dot + 1, '.', n - (size_t)(dot + 1 - tok)))
        for (size_t e = 0; e < FILE_EXTS; e++) {
            size_t k = file_exts[e].len;
            if ((size_t)(dot - tok) + k <= n && memcmp(dot, file_exts[e].text, k) == 0) return 1;
        }
    /* The rest of a broken word or number carries URL punctuation inside it
     * or closes the bracket the URL stands in; a plain word followed by more
     * prose ("vom 19. Januar", a footnote number) does not continue it. */
    size_t k = n;
    while (k && strchr(".,;:!?)]\"'", tok[k - 1]))
        k--;
    int punct = 0, digits = k > 0;
    for (size_t i = 0; i < k; i++) {
        punct |= strchr("-_.=&%#?~+", tok[i]) != NULL;
        digits &= tok[i] >= '0' && tok[i] <= '9';
    }
    int closes = k < n && memchr(tok + k, ')', n - k) != NULL;
    int lower = (tok[0] >= 'a' && tok[0] <= 'z') || (tok[0] >= '0' && tok[0] <= '9') ||
                tok[0] == '_' || tok[0] == '%';
    const char *slash = memchr(url, '/', ulen);
    const char *scheme = ulen >= 3 ? strstr(url, "://") : NULL;
    if (scheme && slash == scheme + 1)
        slash = memchr(scheme + 3, '/', ulen - (size_t)(scheme + 3 - url));
    if (!slash) return 0;
    if (strchr("/_=?&%#", last)) {
        /* a slug of capitalised words after a slash: "plus245049110/" +
         * "Baerbocks-praezedenzloses-Aufnahmeprogramm-fuer-…" (umlauts are
         * prose's, not a slug's) */
        if (last == '/' && !lower && slug_words(tok, n) >= 3) return 1;
        return lower && (punct || closes || !spaced);
    }
    /* broken inside a hexadecimal id: "lobbyismus-6843e6966e" + "8f4710ff28d490;" */
    if (hex_id_tail(url, ulen) && hex_token(tok, n)) return 1;
    /* broken inside a long number: "status/1" + "815707287295529101;", but not
     * followed by a footnote number at the start of the next line */
    if (last >= '0' && last <= '9' && digits) {
        /* but not into a numbered item: "#page=99" + "3. alle …", "#1417178" + "44. Welche …" */
        if (spaced && k < n && tok[k] == '.' && k <= 3) return 0;
        return !spaced || k < n;
    }
    /* broken inside a word: a query or an unfinished path takes a capital too */
    int query = memchr(url, '?', ulen) || memchr(url, '=', ulen) || memchr(url, ';', ulen);
    if (!lower && !(query && (punct || closes))) return 0;
    return punct || closes;
}

/* Hosts whose name PDF hyphenation is known to split ("dserver.bundes-\ntag.de"). */
static int known_host(const char *h, size_t n) {
    static const char *const doms[] = {"bundestag.de",         "bundesrat.de", "bundesregierung.de",
                                       "bundesgesetzblatt.de", "europa.eu",    NULL};
    for (const char *const *d = doms; *d; d++) {
        size_t k = strlen(*d);
        if (n == k && strncmp(h, *d, k) == 0) return 1;
        if (n > k && h[n - k - 1] == '.' && strncmp(h + n - k, *d, k) == 0) return 1;
    }
    return 0;
}

/* Does the text break the same words at a hyphen over a line, the second
 * capitalised ("Schleswig-\nHolstein", as German writes compounds of
 * names): the hyphen is the words' own. */
static int hyphen_over_line(const cgx_url_words *doc, const char *a, size_t na, const char *b,
                            size_t nb, size_t break_at) {
    char w[130];
    if (!doc || !doc->text || na + nb + 2 > sizeof w) return 0;
    for (size_t i = 0; i < na; i++)
        w[i] = fold(a[i]);
    w[na] = '-';
    w[na + 1] = '\n';
    for (size_t i = 0; i < nb; i++)
        w[na + 2 + i] = fold(b[i]);
    for (size_t from = 0;;) {
        const char *hit = cgx_find_literal(doc->text, from, doc->len, w, na + nb + 2);
        if (!hit) return 0;
        size_t i = (size_t)(hit - doc->text), up = i + na + 2;
        from = i + 1;
        if (doc->from + i + na == break_at) continue; /* the break itself */
        unsigned char c = (unsigned char)doc->orig[up];
        unsigned char d = up + 1 < doc->len ? (unsigned char)doc->orig[up + 1] : 0;
        if ((c >= 'A' && c <= 'Z') || (c == 0xC3 && (d == 0x84 || d == 0x96 || d == 0x9C)))
            return 1;
    }
}

/* The document's evidence on the break between the letters u[b..at) and
 * u[at+1..e): 1 a syllable break, 0 the address's hyphen, -1 none. */
static int evidence(const char *u, size_t b, size_t at, size_t e, const cgx_url_words *doc,
                    size_t break_at) {
    char word[128];
    size_t before = at - b, after = e - (at + 1);
    if (before == 0 || after == 0 || before + after + 2 > sizeof word) return -1;
    memcpy(word, u + b, before + 1 + after); /* with the hyphen */
    if (doc_holds(doc, word, before + 1 + after, ANYWHERE, break_at)) return 0;
    memcpy(word + before, u + at + 1, after);
    /* a short joined word must be a word of its own: "un-\nen" is no "unentgeltlich" */
    if (doc_holds(doc, word, before + after, before + after < 6 ? WHOLE : ANYWHERE, break_at))
        return 1;
    if (hyphen_over_line(doc, u + b, before, u + at + 1, after, break_at)) return 0;
    if ((before >= 3 && doc_holds(doc, u + b, before, STANDALONE, break_at)) ||
        (after >= 3 && doc_holds(doc, u + at + 1, after, STANDALONE, break_at)))
        return 0;
    return -1;
}

int cgx_url_hyphen_is_syllable_break(const char *u, size_t len, size_t at, int in_host,
                                     size_t host_start, size_t host_end,
                                     const cgx_url_words *doc, size_t break_at) {
    static const char *const words[] = {
        "and",  "or",   "of",  "the", "for", "to",  "in",  "on",   "at",   "by",   "with",
        "from", "der",  "die", "das", "den", "dem", "des", "und",  "oder", "mit",  "von",
        "vom",  "zum",  "zur", "im",  "am",  "an",  "auf", "aus",  "bei",  "fuer", "nach",
        "ein",  "eine", "ist", "wie", "per", "pro", "neu", "neue", NULL};
    if (in_host) {
        char host[256];
        size_t hl = host_end - host_start, n = 0;
        if (hl >= sizeof host) return 0;
        for (size_t i = host_start; i < host_end; i++)
            if (i != at) host[n++] = u[i];
        if (known_host(host, n) && !known_host(u + host_start, hl)) return 1;
    }
    /* no part of an address begins with a hyphen: "bundesaerztekammer.de/-\nfileadmin",
     * "fb1624.pdf#-\npage=71" */
    if (at > 0 && strchr("/#?&=.", u[at - 1])) return 1;
    /* a long number broken inside after a few digits: "zr-928-\n56533",
     * "id_260-\n757035" (the parts of dates and UUIDs are shorter, a code's
     * groups longer before the break; numbers in groups keep their hyphens:
     * "20090101-250522-930-\n577611") */
    size_t db = at, de = at + 1;
    while (db > 0 && u[db - 1] >= '0' && u[db - 1] <= '9')
        db--;
    while (de < len && u[de] >= '0' && u[de] <= '9')
        de++;
    int grouped = db >= 2 && u[db - 1] == '-' && u[db - 2] >= '0' && u[db - 2] <= '9';
    /* a short run before a long one: not a code in groups ("table/22311-\n0002") */
    if (db < at && de > at + 1 && at - db <= 3 && de - at - 1 >= 5 && !grouped &&
        !(de < len && is_alpha_ascii(u[de])) && !(db > 0 && is_alpha_ascii(u[db - 1])))
        return 1;
    size_t b = at, e = at + 1;
    while (b > 0 && is_alpha_ascii(u[b - 1]))
        b--;
    while (e < len && is_alpha_ascii(u[e]))
        e++;
    int found = evidence(u, b, at, e, doc, break_at);
    if (found >= 0) return found;
    b = at;
    e = at + 1;
    while (b > 0 && is_lower_ascii(u[b - 1]))
        b--;
    while (e < len && is_lower_ascii(u[e]))
        e++;
    if (b > 0 && u[b - 1] >= 'A' && u[b - 1] <= 'Z') b--; /* a capitalised word: "Kon-sum" */
    if (b > 0 && ((u[b - 1] >= 'A' && u[b - 1] <= 'Z') || (u[b - 1] >= '0' && u[b - 1] <= '9')))
        return 0; /* part of a code ("KfW-", "2025-"), not a word */
    size_t before = at - b, after = e - (at + 1);
    if (before < 2 || after < 2) return 0;
    /* no word begins with "ck": "Unterdrue-\nckung" */
    if (u[at + 1] == 'c' && u[at + 2] == 'k') return 1;
    /* In a slug that joins its words with hyphens the typesetter had
     * hyphens to break at, and prefers them to syllables: after a word of
     * four letters or more, the break is one of them ("csu-zentrale-\n
     * muenchenstaatsschutz"; but "berlin-brandanschlag-be-\nkennerschreiben"). */
    static const char *const languages[] = {"de", "en", "fr", "es", "it", "nl", "pl", NULL};
    int language = 0; /* a language code between hyphens: "kw12-de-\nsondervermoegen" */
    for (const char *const *l = languages; *l && before == 2; l++)
        language |= strncmp(u + b, *l, 2) == 0;
    if ((before >= 4 || language) && !in_host) {
        size_t ss = at, se = at + 1;
        while (ss > 0 && !strchr("/?#&=", u[ss - 1]))
            ss--;
        while (se < len && !strchr("/?#&=", u[se]))
            se++;
        for (size_t i = ss; i < se; i++)
            if (u[i] == '-' && i != at) return 0;
    }
    /* German and English hyphenation puts a consonant after the break; a
     * word that starts with a vowel starts a new word ("kommunaler-einrichtungen",
     * "beck-online", "jobs-and-economy"). */
    if (strchr("aeiou", u[at + 1])) return 0;
    for (const char *const *w = words; *w; w++) {
        size_t k = strlen(*w);
        if ((k == before && strncasecmp(u + b, *w, k) == 0) ||
            (k == after && strncmp(u + at + 1, *w, k) == 0))
            return 0;
    }
    return 1;
}
