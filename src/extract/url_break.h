/* url_break.h - URLs broken across lines: does the next line go on with
 * the address, and is a hyphen at the break the typesetter's (a syllable
 * break, to be dropped) or the address's own (to be kept)?
 * Pure functions over the URL and the document's text, testable without
 * regexes. */
#ifndef CG_EXTRACT_URL_BREAK_H
#define CG_EXTRACT_URL_BREAK_H

#include <stddef.h>

/* Does the token tok[0..n) at the start of the next line continue the URL
 * url[0..ulen) (NUL-terminated at url[ulen]) that ended at the end of a line? PDF text breaks URLs after
 * the scheme, at hyphens and slashes, and even inside words and numbers.
 * `spaced` says whether the token is followed by more text on its line
 * (prose) or ends the line. */
int cgx_url_continues(const char *url, size_t ulen, const char *tok, size_t n, int spaced);

/* The document's text around a URL spelled as URLs spell German, to look
 * words up in: lower case, "ä" as "ae", "ß" as "ss", every other byte as it
 * is. The words of a broken address are looked up in a window of the text
 * that holds at least CGX_URL_WORDS_REACH bytes either side of it (and at
 * most half as much again on one side): the same paragraph, the footnotes
 * of the page, the questions around; a bound, because a long document may
 * break hundreds of addresses. */
#define CGX_URL_WORDS_REACH 16384

typedef struct cgx_url_words {
    char *text;
    const char *orig;      /* the document's own bytes there, borrowed */
    size_t len, cap, from; /* text[0..len) is the document's [from, from + len) */
} cgx_url_words;

/* Fills *w with text[0..len) around offset `around` (reusing its memory):
 * 0, or -1 when memory ran out. */
int cgx_url_words_make(cgx_url_words *w, const char *text, size_t len, size_t around);
void cgx_url_words_release(cgx_url_words *w);

/* Returns 1 when the hyphen at u[at] (a line ended after it) is a syllable
 * break. `in_host` says whether it stands in the host name
 * u[host_start..host_end). `doc` is the document's text around the URL:
 * the words on either side of the break are looked up in it, since the
 * same words written out elsewhere are the best evidence of how the
 * address reads ("Schleswig-Holstein", "Homosexuelle", "legal-content").
 * `break_at` is where the hyphen stands in the document: the break itself
 * is no evidence. */
int cgx_url_hyphen_is_syllable_break(const char *u, size_t len, size_t at, int in_host,
                                     size_t host_start, size_t host_end,
                                     const cgx_url_words *doc, size_t break_at);

#endif
