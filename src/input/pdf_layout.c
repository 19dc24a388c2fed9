/* pdf_layout.c - the text of a PDF document from its pages (see pdf.h).
 *
 * What a page prints beside its text is told apart by where it stands and
 * whether it repeats: a line in the top or bottom margin band, or a line
 * set vertically in a side margin, whose shape (the line with its digits
 * folded, so that "– 2 –" and "– 3 –" are one shape) stands in the same
 * band on another page, is a running head, footer or notice, and so is a
 * page number alone. The first page keeps its top band: there the number,
 * Wahlperiode and date are the document's header, read by the extractor. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

/* Margin bands as shares of the page height: the running heads of the
 * Bundestag, Bundesrat and Landtag layouts stand in the top 12 %, page
 * numbers and footers in the bottom 9 %, the header of a first page in its
 * top 16 %. */
#define TOP_BAND 0.12
#define BOTTOM_BAND 0.91
#define HEADER_BAND 0.16
/* A line of a side margin set vertically: this many times taller than wide,
 * within the outer 12 % of the page's width. */
#define VERTICAL_RATIO 3.0
#define SIDE_BAND 0.12
/* Link annotations: addresses longer than this are not matched, a page's
 * first MAX_LINKS are, within LINK_STEPS steps of matching in all. */
#define MAX_URI 2048
#define MAX_LINKS 4096
#define LINK_STEPS ((size_t)4 << 20)
/* Lines of a first-page header on one baseline when their bottoms are this close (points). */
#define SAME_BASELINE 3.0
/* A gap between two characters of a line, as a share of their height, that
 * the print shows as a space even where the text has none ("1.Der"). */
#define GAP_SPACE 0.3

enum band { BAND_NONE = 0, BAND_TOP = 1, BAND_BOTTOM = 2, BAND_SIDE = 3 };

typedef struct pline {
    size_t c0, c1; /* characters [c0, c1) of the page, without the '\n' */
    size_t b0, b1; /* their bytes */
    cgin_rect box; /* over the characters that are not spaces */
    int has_box;
    int band;
    int dropped;
    int in_head; /* written with the first page's header rows */
    char *shape;
} pline;

typedef struct page_lines {
    pline *v;
    size_t n, cap;
    size_t *char_byte; /* byte offset of each character, and one past the last */
    size_t nchars;
    int geometry; /* one rectangle per character */
} page_lines;

static int is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int finite_rect(const cgin_rect *r) {
    return isfinite(r->x1) && isfinite(r->y1) && isfinite(r->x2) && isfinite(r->y2);
}

static void release_lines(page_lines *pl) {
    for (size_t i = 0; i < pl->n; i++)
        free(pl->v[i].shape);
    free(pl->v);
    free(pl->char_byte);
    memset(pl, 0, sizeof *pl);
}

/* Splits a page into lines and measures them. */
static int split_lines(const cgin_pdf_page *p, page_lines *pl) {
    memset(pl, 0, sizeof *pl);
    const unsigned char *t = (const unsigned char *)p->text;
    size_t nchars = 0;
    for (size_t i = 0; i < p->len; i++)
        nchars += (t[i] & 0xC0) != 0x80;
    pl->char_byte = malloc((nchars + 1) * sizeof *pl->char_byte);
    if (!pl->char_byte) return -1;
    size_t k = 0;
    for (size_t i = 0; i < p->len; i++)
        if ((t[i] & 0xC0) != 0x80) pl->char_byte[k++] = i;
    pl->char_byte[nchars] = p->len;
    pl->nchars = nchars;
    pl->geometry = p->rects && p->nrects == nchars;
    /* a page with a box poppler could not place (inf, NaN) is laid out as plain text */
    for (size_t c = 0; pl->geometry && c < nchars; c++)
        pl->geometry = finite_rect(&p->rects[c]);
    size_t start = 0;
    for (size_t c = 0; c <= nchars; c++) {
        if (c < nchars && t[pl->char_byte[c]] != '\n') continue;
        if (cgu_grow((void **)&pl->v, &pl->cap, pl->n + 1, sizeof *pl->v)) return -1;
        pline *l = &pl->v[pl->n++];
        memset(l, 0, sizeof *l);
        l->c0 = start;
        l->c1 = c;
        l->b0 = pl->char_byte[start];
        l->b1 = pl->char_byte[c];
        if (pl->geometry)
            for (size_t j = start; j < c; j++) {
                if (is_space(t[pl->char_byte[j]])) continue;
                const cgin_rect *r = &p->rects[j];
                if (!l->has_box) {
                    l->box = *r;
                    l->has_box = 1;
                } else {
                    l->box.x1 = fmin(l->box.x1, r->x1);
                    l->box.y1 = fmin(l->box.y1, r->y1);
                    l->box.x2 = fmax(l->box.x2, r->x2);
                    l->box.y2 = fmax(l->box.y2, r->y2);
                }
            }
        start = c + 1;
    }
    /* a text that ends with '\n' leaves an empty last line */
    if (pl->n && pl->v[pl->n - 1].b0 == pl->v[pl->n - 1].b1) pl->n--;
    return 0;
}

static int band_of(const pline *l, const cgin_pdf_page *p) {
    if (!l->has_box || p->height <= 0 || p->width <= 0) return BAND_NONE;
    double w = l->box.x2 - l->box.x1, h = l->box.y2 - l->box.y1;
    /* set vertically in a side margin: a notice printed beside every page */
    if (h > VERTICAL_RATIO * w && h > 0.1 * p->height &&
        (l->box.x2 <= SIDE_BAND * p->width || l->box.x1 >= (1 - SIDE_BAND) * p->width))
        return BAND_SIDE;
    if (l->box.y2 <= TOP_BAND * p->height) return BAND_TOP;
    if (l->box.y1 >= BOTTOM_BAND * p->height) return BAND_BOTTOM;
    return BAND_NONE;
}

/* The number a page prints as its own: its label when that is a number,
 * else its place in the document (1-based). */
static unsigned long page_number_of(const cgin_pdf_page *p, size_t index) {
    if (p->label && *p->label) {
        char *end;
        unsigned long v = strtoul(p->label, &end, 10);
        if (!*end && p->label[0] >= '0' && p->label[0] <= '9') return v;
    }
    return (unsigned long)index + 1;
}

/* The line with the page's own number folded into '#' (wherever a run of
 * digits is that number: "– 2 –" and "– 3 –" on pages 2 and 3 are one
 * shape, "19/1234" and "19/5678" are not), dashes into '-', and white space
 * left out, after a letter for its band. */
static char *shape_of(const cgin_pdf_page *p, const pline *l, int band, unsigned long page) {
    const unsigned char *t = (const unsigned char *)p->text;
    char *s = malloc(l->b1 - l->b0 + 2);
    if (!s) return NULL;
    size_t n = 0;
    s[n++] = (char)('0' + band);
    for (size_t i = l->b0; i < l->b1; i++) {
        unsigned char c = t[i];
        if (c >= '0' && c <= '9') {
            size_t j = i;
            unsigned long v = 0;
            while (j < l->b1 && t[j] >= '0' && t[j] <= '9' && j - i < 9)
                v = v * 10 + (unsigned long)(t[j++] - '0');
            while (j < l->b1 && t[j] >= '0' && t[j] <= '9')
                j++; /* a number too long to be a page's */
            if (v == page && j - i < 9) {
                s[n++] = '#';
            } else {
                memcpy(s + n, t + i, j - i);
                n += j - i;
            }
            i = j - 1;
        } else if (is_space(c)) {
            continue;
        } else if (c == 0xE2 && i + 2 < l->b1 && t[i + 1] == 0x80 && t[i + 2] >= 0x90 &&
                   t[i + 2] <= 0x95) {
            s[n++] = '-'; /* U+2010..U+2015 */
            i += 2;
        } else {
            s[n++] = (char)c;
        }
    }
    s[n] = '\0';
    return s;
}

/* Whether `s` is "#" followed by `rest` and then only digits (a page count). */
static int then_count(const char *s, const char *rest) {
    size_t k = strlen(rest);
    if (strncmp(s, rest, k) != 0) return 0;
    s += k;
    if (!*s) return 0;
    while (*s >= '0' && *s <= '9')
        s++;
    return *s == '\0';
}

/* The page's own number standing alone: "3", "– 3 –", "- 3 -", "Seite 3",
 * "Seite 3 von 9", "3/9", "3 von 9" (the shape has the page's number as '#'). */
static int is_page_number(const char *shape) {
    const char *s = shape + 1;
    static const char *const forms[] = {"#", "-#-", "Seite#", NULL};
    for (const char *const *f = forms; *f; f++)
        if (strcmp(s, *f) == 0) return 1;
    return then_count(s, "Seite#von") || then_count(s, "#/") || then_count(s, "#von");
}

/* What the first page's header says of the paper, for running heads that a
 * document of two pages shows only once: its number ("21/1576", after
 * "Drucksache") and its Wahlperiode ("21. Wahlperiode"). */
typedef struct own_marks {
    char number[32];
    char period[32];
} own_marks;

static void find_marks(const cgin_pdf_page *p, const page_lines *pl, own_marks *m) {
    memset(m, 0, sizeof *m);
    for (size_t i = 0; i < pl->n; i++) {
        const pline *l = &pl->v[i];
        if (l->band != BAND_TOP) continue;
        const char *t = p->text + l->b0;
        size_t len = l->b1 - l->b0;
        for (size_t k = 0; k + 10 <= len; k++) {
            if (!m->number[0] && memcmp(t + k, "Drucksache", 10) == 0) {
                size_t a = k + 10, b;
                while (a < len && (t[a] == ' ' || t[a] == '\t'))
                    a++;
                for (b = a; b < len && ((t[b] >= '0' && t[b] <= '9') || t[b] == '/'); b++)
                    ;
                if (b > a + 2 && b - a < sizeof m->number && memchr(t + a, '/', b - a))
                    memcpy(m->number, t + a, b - a);
            }
            if (!m->period[0] && len - k >= 11 && memcmp(t + k, "Wahlperiode", 11) == 0) {
                size_t b = k, a;
                while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '.'))
                    b--;
                for (a = b; a > 0 && t[a - 1] >= '0' && t[a - 1] <= '9'; a--)
                    ;
                if (a < b && b - a < 4)
                    snprintf(m->period, sizeof m->period, "%.*s. Wahlperiode", (int)(b - a), t + a);
            }
        }
    }
}

/* Whether `t` holds `word` not inside a longer number ("21/1576" is not in "21/15767"). */
static int holds(const char *t, size_t len, const char *word) {
    size_t k = strlen(word);
    if (!k) return 0;
    for (size_t i = 0; i + k <= len; i++)
        if (memcmp(t + i, word, k) == 0 && (i == 0 || !(t[i - 1] >= '0' && t[i - 1] <= '9')) &&
            (i + k == len || !(t[i + k] >= '0' && t[i + k] <= '9')))
            return 1;
    return 0;
}

/* A margin line of a later page that names the paper's own number or the
 * Wahlperiode as its header does: a running head, seen once or more. */
static int is_running_head(const cgin_pdf_page *p, const pline *l, const own_marks *m) {
    const char *t = p->text + l->b0;
    size_t len = l->b1 - l->b0;
    if (m->number[0] && holds(t, len, m->number)) return 1;
    if (!m->period[0]) return 0;
    /* "21. Wahlperiode" or "21.Wahlperiode" */
    char tight[32];
    size_t k = strcspn(m->period, " ");
    snprintf(tight, sizeof tight, "%.*s%s", (int)k, m->period, m->period + k + 1);
    return holds(t, len, m->period) || holds(t, len, tight);
}

/* How many pages show each margin shape: marks the furniture of all pages. */
static int mark_furniture(const cgin_pdf_page *pages, page_lines *all, size_t n, size_t *removed) {
    cgu_map seen = {0};
    size_t *count = NULL, *last = NULL, nshapes = 0, cap = 0, cap2 = 0;
    int rc = -1;
    for (size_t pg = 0; pg < n; pg++)
        for (size_t i = 0; i < all[pg].n; i++) {
            pline *l = &all[pg].v[i];
            l->band = band_of(l, &pages[pg]);
            if (l->band == BAND_NONE) continue;
            l->shape = shape_of(&pages[pg], l, l->band, page_number_of(&pages[pg], pg));
            if (!l->shape) goto out;
            size_t id;
            if (!cgu_map_get(&seen, l->shape, &id)) {
                if (cgu_grow((void **)&count, &cap, nshapes + 1, sizeof *count) ||
                    cgu_grow((void **)&last, &cap2, nshapes + 1, sizeof *last) ||
                    cgu_map_put(&seen, l->shape, nshapes))
                    goto out;
                id = nshapes++;
                count[id] = 0;
                last[id] = SIZE_MAX;
            }
            if (last[id] != pg) {
                count[id]++;
                last[id] = pg;
            }
        }
    own_marks marks;
    memset(&marks, 0, sizeof marks);
    if (n) find_marks(&pages[0], &all[0], &marks);
    for (size_t pg = 0; pg < n; pg++)
        for (size_t i = 0; i < all[pg].n; i++) {
            pline *l = &all[pg].v[i];
            if (l->band == BAND_NONE) continue;
            size_t id = 0;
            cgu_map_get(&seen, l->shape, &id);
            int repeated = count[id] >= 2;
            /* the first page's top band is its header, not a running head */
            if (pg == 0 && l->band == BAND_TOP) repeated = 0;
            if (pg > 0 && l->band != BAND_SIDE && is_running_head(&pages[pg], l, &marks))
                repeated = 1;
            if (repeated || is_page_number(l->shape)) {
                l->dropped = 1;
                (*removed)++;
            }
        }
    rc = 0;
out:
    cgu_map_release(&seen);
    free(count);
    free(last);
    return rc;
}

/* ---- writing a page ---- */

typedef struct writer {
    cgin_pdf_text *out;
    const cgin_pdf_page *p;
    const page_lines *pl;
    size_t *char_out; /* where each character of the page went in the text; SIZE_MAX if left out */
} writer;

static int put(writer *w, const char *s, size_t n) {
    return cgu_buf_append(&w->out->text, s, n);
}

/* A line whose words are spelt out letter by letter: "V o r b e m e r k u n g". */
static int letter_spaced(const cgin_pdf_page *p, const pline *l) {
    const unsigned char *t = (const unsigned char *)p->text;
    size_t tokens = 0, singles = 0, letters = 0;
    size_t i = l->b0;
    while (i < l->b1) {
        while (i < l->b1 && is_space(t[i]))
            i++;
        if (i >= l->b1) break;
        size_t chars = 0;
        while (i < l->b1 && !is_space(t[i])) {
            chars += (t[i] & 0xC0) != 0x80;
            i++;
        }
        tokens++;
        letters += chars;
        singles += chars == 1;
    }
    return tokens >= 4 && letters >= 6 && singles * 10 >= tokens * 7;
}

/* Writes the characters of line `l`. In a letter-spaced line, the spaces
 * between letters go and a space stays where the print leaves a wider gap
 * (or, without positions, where the text has two spaces). Elsewhere a
 * space is added where the print leaves a gap the text has none for. */
static int write_line(writer *w, const pline *l) {
    const cgin_pdf_page *p = w->p;
    const page_lines *pl = w->pl;
    const unsigned char *t = (const unsigned char *)p->text;
    int spaced = letter_spaced(p, l);
    double word_gap = 0;
    if (spaced && pl->geometry) {
        /* the gap between letters is the median gap; words are apart by more */
        double gaps[256];
        size_t ng = 0, prev = SIZE_MAX;
        for (size_t c = l->c0; c < l->c1 && ng < 256; c++) {
            if (is_space(t[pl->char_byte[c]])) continue;
            if (prev != SIZE_MAX) gaps[ng++] = p->rects[c].x1 - p->rects[prev].x2;
            prev = c;
        }
        for (size_t a = 1; a < ng; a++) /* insertion sort: a heading is short */
            for (size_t b = a; b > 0 && gaps[b - 1] > gaps[b]; b--) {
                double tmp = gaps[b];
                gaps[b] = gaps[b - 1];
                gaps[b - 1] = tmp;
            }
        double median = ng ? gaps[ng / 2] : 0;
        word_gap = fmax(median * 1.6, median + 1.0);
    }
    size_t prev = SIZE_MAX; /* the last character written that is not a space */
    size_t pending_spaces = 0;
    for (size_t c = l->c0; c < l->c1; c++) {
        size_t b = pl->char_byte[c], e = pl->char_byte[c + 1];
        if (is_space(t[b])) {
            pending_spaces++;
            w->char_out[c] = SIZE_MAX;
            continue;
        }
        if (prev != SIZE_MAX) {
            int space;
            if (spaced)
                space = pl->geometry ? p->rects[c].x1 - p->rects[prev].x2 > word_gap
                                     : pending_spaces >= 2;
            else {
                space = pending_spaces > 0;
                if (!space && pl->geometry) {
                    const cgin_rect *a = &p->rects[prev], *r = &p->rects[c];
                    double h = fmax(r->y2 - r->y1, a->y2 - a->y1);
                    space = r->x1 > a->x1 && r->x1 - a->x2 > GAP_SPACE * h;
                }
            }
            if (space && put(w, " ", 1)) return -1;
        }
        pending_spaces = 0;
        w->char_out[c] = w->out->text.len;
        if (put(w, p->text + b, e - b)) return -1;
        prev = c;
    }
    return 0;
}

static int by_top(const void *a, const void *b) {
    const pline *x = *(const pline *const *)a, *y = *(const pline *const *)b;
    if (x->box.y1 != y->box.y1) return x->box.y1 < y->box.y1 ? -1 : 1;
    return x->c0 < y->c0 ? -1 : x->c0 > y->c0;
}

static int by_left(const void *a, const void *b) {
    const pline *x = *(const pline *const *)a, *y = *(const pline *const *)b;
    if (x->box.x1 != y->box.x1) return x->box.x1 < y->box.x1 ? -1 : 1;
    return x->c0 < y->c0 ? -1 : x->c0 > y->c0;
}

/* Whether `l` stands in the row of `anchor`: its middle within the anchor's
 * height, or its bottom on the anchor's baseline. */
static int same_row(const pline *anchor, const pline *l) {
    double mid = (l->box.y1 + l->box.y2) / 2;
    return (mid >= anchor->box.y1 && mid <= anchor->box.y2) ||
           fabs(l->box.y2 - anchor->box.y2) <= SAME_BASELINE;
}

/* The header of a first page, in the order it is printed: rows top to
 * bottom, the lines of a row left to right ("Deutscher Bundestag
 * Drucksache 21/1576", "21. Wahlperiode 10.09.2025"), as the text layers of
 * DIP have it; plain text order may put the date at the end of the page. */
static int write_header(writer *w, pline **head, size_t n) {
    qsort(head, n, sizeof *head, by_top);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && same_row(head[i], head[j]))
            j++;
        qsort(head + i, j - i, sizeof *head, by_left);
        for (size_t k = i; k < j; k++)
            if ((k > i && put(w, " ", 1)) || write_line(w, head[k])) return -1;
        if (put(w, "\n", 1)) return -1;
        i = j;
    }
    return 0;
}

/* Byte comparison, ASCII letters in either case when `fold`. */
static int same_byte(unsigned char a, unsigned char b, int fold) {
    if (a == b) return 1;
    if (!fold) return 0;
    if (a >= 'A' && a <= 'Z') a = (unsigned char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = (unsigned char)(b - 'A' + 'a');
    return a == b;
}

/* Walks `url` along the text from `at`, stepping over what a layout puts
 * into a URL: line breaks, spaces, and a hyphen at a line end that the
 * URL does not have. Returns the end of the match, or 0 when it fails;
 * *shown is how many bytes of `url` the text shows (all, or all but a
 * final '/'). Each step costs one of *budget. */
static size_t walk_url(const char *t, size_t at, size_t limit, const char *url, int fold,
                       size_t *shown, size_t *budget) {
    size_t i = at, j = 0, n = strlen(url), last = at;
    while (j < n) {
        if (!*budget) return 0;
        --*budget;
        unsigned char c = i < limit ? (unsigned char)t[i] : 0;
        if (i < limit && same_byte(c, (unsigned char)url[j], fold)) {
            last = ++i;
            j++;
        } else if (i < limit && (c == '\n' || c == ' ') && i > at) {
            i++;
        } else if (i + 1 < limit && c == '-' && t[i + 1] == '\n') {
            i += 2;
        } else if (j == n - 1 && url[j] == '/' && j > 0) {
            break; /* an address may end in a '/' the text does not show */
        } else {
            return 0;
        }
    }
    *shown = j;
    return j ? last : 0;
}

static int is_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Whether the printed address goes on after `end`: then the link's address
 * is only its beginning ("…/textarchiv/2019" linked to the host alone), and
 * the printed one is the reference. */
static int goes_on(const char *t, size_t len, size_t end) {
    if (end >= len) return 0;
    unsigned char c = (unsigned char)t[end];
    if (is_alnum(c) || strchr("/_%~#=&?+", c)) return 1;
    return (c == '-' || c == '.') && end + 1 < len && is_alnum((unsigned char)t[end + 1]);
}

/* Finds the address `uri` in the text the page wrote, among the characters
 * `area` covers, and records where it stands. */
static int match_link(writer *w, const char *uri, cgin_rect area, size_t *budget) {
    const cgin_pdf_page *p = w->p;
    const page_lines *pl = w->pl;
    size_t scheme = 0;
    if (strncmp(uri, "http://", 7) == 0)
        scheme = 7;
    else if (strncmp(uri, "https://", 8) == 0)
        scheme = 8;
    else if (strncmp(uri, "ftp://", 6) == 0)
        scheme = 6;
    else
        return 0; /* mail addresses and the like: not URL references */
    if (!uri[scheme] || strlen(uri) > MAX_URI) return 0;
    size_t lo = SIZE_MAX, hi = 0;
    for (size_t c = 0; c < pl->nchars; c++) {
        size_t o = w->char_out[c];
        if (o == SIZE_MAX) continue;
        const cgin_rect *r = &p->rects[c];
        double cx = ((double)r->x1 + r->x2) / 2, cy = ((double)r->y1 + r->y2) / 2;
        if (cx < area.x1 - 1 || cx > area.x2 + 1 || cy < area.y1 - 1 || cy > area.y2 + 1) continue;
        if (o < lo) lo = o;
        size_t e = o + (pl->char_byte[c + 1] - pl->char_byte[c]);
        if (e > hi) hi = e;
    }
    if (lo == SIZE_MAX) return 0;
    const char *t = w->out->text.data;
    size_t len = w->out->text.len;
    /* the text shows the address with its scheme, or from the host on */
    const char *forms[2] = {uri, uri + scheme};
    for (int fold = 0; fold < 2; fold++)
        for (int f = 0; f < 2; f++)
            for (size_t at = lo; at < hi && *budget; at++) {
                if (!same_byte((unsigned char)t[at], (unsigned char)forms[f][0], fold)) continue;
                /* an address begins a word: not inside a longer one */
                if (at > 0 && (is_alnum((unsigned char)t[at - 1]) || strchr("/._-%~", t[at - 1])))
                    continue;
                size_t ulen = 0, end = walk_url(t, at, hi, forms[f], fold, &ulen, budget);
                if (end <= at || !ulen || goes_on(t, len, end)) continue;
                cgin_pdf_text *out = w->out;
                if (cgu_grow((void **)&out->links, &out->caplinks, out->nlinks + 1,
                             sizeof *out->links))
                    return -1;
                char *url = malloc(ulen + 1);
                if (!url) return -1;
                memcpy(url, forms[f], ulen);
                url[ulen] = '\0';
                out->links[out->nlinks++] = (cgin_link_span){at, end - at, url};
                return 0;
            }
    return 0;
}

/* Matches the page's links. One address broken over lines often has one
 * annotation per line (pdfTeX's hyperref): annotations of one address whose
 * areas touch are taken together. Duplicates go; a page's links share a
 * budget of steps, so that crafted annotations cannot make this run long. */
static int match_links(writer *w) {
    const cgin_pdf_page *p = w->p;
    size_t n = p->nlinks < MAX_LINKS ? p->nlinks : MAX_LINKS;
    if (!n || !w->pl->geometry) return 0;
    char *done = calloc(n, 1);
    int rc = -1;
    if (!done) goto out;
    size_t budget = LINK_STEPS;
    for (size_t k = 0; k < n; k++) {
        const cgin_pdf_link *lk = &p->links[k];
        if (done[k] || !lk->uri || !finite_rect(&lk->area)) continue;
        cgin_rect a = lk->area;
        for (int grown = 1; grown;) {
            grown = 0;
            for (size_t j = k + 1; j < n; j++) {
                const cgin_pdf_link *o = &p->links[j];
                if (done[j] || !o->uri || strcmp(o->uri, lk->uri) != 0 || !finite_rect(&o->area))
                    continue;
                /* the next line down: below this area, by no more than a line */
                float h = fminf(a.y2 - a.y1, o->area.y2 - o->area.y1);
                if (o->area.y1 < a.y2 - h / 2 || o->area.y1 > a.y2 + h) continue;
                a.x1 = fminf(a.x1, o->area.x1);
                a.y1 = fminf(a.y1, o->area.y1);
                a.x2 = fmaxf(a.x2, o->area.x2);
                a.y2 = fmaxf(a.y2, o->area.y2);
                done[j] = 1;
                grown = 1;
            }
        }
        if (match_link(w, lk->uri, a, &budget)) goto out;
    }
    rc = 0;
out:
    free(done);
    return rc;
}

static int write_page(cgin_pdf_text *out, const cgin_pdf_page *p, const page_lines *pl,
                      size_t index) {
    writer w = {out, p, pl, NULL};
    w.char_out = malloc((pl->nchars + 1) * sizeof *w.char_out);
    pline **head = malloc((pl->n + 1) * sizeof *head);
    int rc = -1;
    if (!w.char_out || !head) goto out;
    for (size_t c = 0; c < pl->nchars; c++)
        w.char_out[c] = SIZE_MAX;
    size_t nhead = 0;
    if (index == 0 && pl->geometry) {
        /* the header band, and what is printed above the first line below it
         * but comes later in the text (a document type set in a larger font) */
        double below = -1;
        for (size_t i = 0; i < pl->n; i++) {
            const pline *l = &pl->v[i];
            if (l->dropped || !l->has_box || l->band == BAND_SIDE) continue;
            if (l->box.y2 <= HEADER_BAND * p->height ||
                (below >= 0 && l->box.y2 <= below && l->box.y2 <= 0.5 * p->height))
                head[nhead++] = &pl->v[i];
            else if (below < 0)
                below = l->box.y1;
        }
    }
    if (nhead < 2) nhead = 0;
    for (size_t k = 0; k < nhead; k++)
        head[k]->in_head = 1;
    if (nhead && write_header(&w, head, nhead)) goto out;
    /* the header's lines, once written, are not written again below */
    for (size_t i = 0; i < pl->n; i++) {
        const pline *l = &pl->v[i];
        if (l->dropped) continue;
        if (l->in_head) continue;
        if (write_line(&w, l) || put(&w, "\n", 1)) goto out;
    }
    if (match_links(&w)) goto out;
    rc = 0;
out:
    free(w.char_out);
    free(head);
    return rc;
}

/* A page label as it may stand in a position ("file.pdf:p5(iii):12:3"),
 * in JUnit, Markdown and annotations: short, letters, digits and ".-_/ "
 * only. A PDF may name its pages anything; other labels are left out. */
static int plain_label(const char *l) {
    if (!l || !*l || strlen(l) > 24) return 0;
    for (; *l; l++)
        if (!is_alnum((unsigned char)*l) && !strchr(".-_/ ", *l)) return 0;
    return 1;
}

static int by_offset(const void *a, const void *b) {
    const cgin_link_span *x = a, *y = b;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    return x->length < y->length ? 1 : x->length > y->length ? -1 : 0;
}

/* Sorts the link spans by offset and keeps, of spans that overlap (two
 * annotations over one printed address), the first and longest. */
static void drop_overlapping_links(cgin_pdf_text *out) {
    if (out->nlinks < 2) return;
    qsort(out->links, out->nlinks, sizeof *out->links, by_offset);
    size_t kept = 1;
    for (size_t i = 1; i < out->nlinks; i++) {
        const cgin_link_span *prev = &out->links[kept - 1];
        if (out->links[i].offset < prev->offset + prev->length)
            free(out->links[i].url);
        else
            out->links[kept++] = out->links[i];
    }
    out->nlinks = kept;
}

int cgin_pdf_page_has_text(const cgin_pdf_page *p) {
    for (size_t i = 0; i < p->len; i++)
        if (!is_space((unsigned char)p->text[i]) && p->text[i] != '\n') return 1;
    return 0;
}

int cgin_pdf_layout(const cgin_pdf_page *pages, size_t n, cgin_pdf_text *out) {
    memset(out, 0, sizeof *out);
    page_lines *all = calloc(n ? n : 1, sizeof *all);
    out->page_starts = malloc((n ? n : 1) * sizeof *out->page_starts);
    out->page_labels = calloc(n ? n : 1, sizeof *out->page_labels);
    int rc = -1;
    if (!all || !out->page_starts || !out->page_labels) goto out;
    out->npages = n;
    for (size_t pg = 0; pg < n; pg++) {
        if (plain_label(pages[pg].label) && !(out->page_labels[pg] = strdup(pages[pg].label)))
            goto out;
        if (!cgin_pdf_page_has_text(&pages[pg])) {
            out->empty_pages++;
            out->image_pages += pages[pg].images != 0;
        }
        if (split_lines(&pages[pg], &all[pg])) goto out;
    }
    if (mark_furniture(pages, all, n, &out->removed_lines)) goto out;
    for (size_t pg = 0; pg < n; pg++) {
        out->page_starts[pg] = out->text.len;
        if (write_page(out, &pages[pg], &all[pg], pg)) goto out;
    }
    if (cgu_buf_reserve(&out->text, 1)) goto out;
    out->text.data[out->text.len] = '\0';
    drop_overlapping_links(out);
    rc = 0;
out:
    for (size_t pg = 0; all && pg < n; pg++)
        release_lines(&all[pg]);
    free(all);
    if (rc) cgin_pdf_text_release(out);
    return rc;
}

void cgin_pdf_text_release(cgin_pdf_text *t) {
    cg_buf_release(&t->text);
    for (size_t i = 0; t->page_labels && i < t->npages; i++)
        free(t->page_labels[i]);
    free(t->page_labels);
    free(t->page_starts);
    for (size_t i = 0; i < t->nlinks; i++)
        free(t->links[i].url);
    free(t->links);
    memset(t, 0, sizeof *t);
}

int cgin_is_pdf(const char *data, size_t len) {
    size_t n = len < 1024 ? len : 1024;
    /* asked of every file: memchr for the '%', which text seldom has, not a byte loop */
    for (const char *p = n >= 5 ? memchr(data, '%', n - 4) : NULL; p;
         p = memchr(p + 1, '%', (size_t)(data + n - 4 - (p + 1))))
        if (memcmp(p, "%PDF-", 5) == 0) return 1;
    return 0;
}
