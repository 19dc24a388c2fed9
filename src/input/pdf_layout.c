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
/* A line of a side margin set vertically: this many times taller than wide. */
#define VERTICAL_RATIO 3.0
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
    if (!l->has_box || p->height <= 0) return BAND_NONE;
    double w = l->box.x2 - l->box.x1, h = l->box.y2 - l->box.y1;
    if (h > VERTICAL_RATIO * w && h > 0.1 * p->height) return BAND_SIDE;
    if (l->box.y2 <= TOP_BAND * p->height) return BAND_TOP;
    if (l->box.y1 >= BOTTOM_BAND * p->height) return BAND_BOTTOM;
    return BAND_NONE;
}

/* The line with every run of digits folded into '#', dashes into '-', and
 * white space left out, after a letter for its band. */
static char *shape_of(const cgin_pdf_page *p, const pline *l, int band) {
    const unsigned char *t = (const unsigned char *)p->text;
    char *s = malloc(l->b1 - l->b0 + 2);
    if (!s) return NULL;
    size_t n = 0;
    s[n++] = (char)('0' + band);
    for (size_t i = l->b0; i < l->b1; i++) {
        unsigned char c = t[i];
        if (c >= '0' && c <= '9') {
            if (s[n - 1] != '#') s[n++] = '#';
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

/* A page number standing alone: "3", "– 3 –", "- 3 -", "Seite 3", "Seite 3 von 9", "3/9". */
static int is_page_number(const char *shape) {
    const char *s = shape + 1;
    static const char *const forms[] = {"#", "-#-", "Seite#", "Seite#von#", "#/#", "#von#", NULL};
    for (const char *const *f = forms; *f; f++)
        if (strcmp(s, *f) == 0) return 1;
    return 0;
}

/* The running heads of parliaments' papers, known without repeating (a
 * document of two pages shows "Deutscher Bundestag – 21. Wahlperiode" once):
 * a margin line of a later page that names the Wahlperiode, or begins with
 * the paper's number ("Drucksache 21/1576", "Drucksache 294/25- 13 -"). */
static int is_running_head(const char *shape) {
    const char *s = shape + 1;
    return strstr(s, "Wahlperiode") != NULL || strncmp(s, "Drucksache#/#", 13) == 0 ||
           strncmp(s, "Drucksachezu#/#", 15) == 0;
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
            if (!(l->shape = shape_of(&pages[pg], l, l->band))) goto out;
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
    for (size_t pg = 0; pg < n; pg++)
        for (size_t i = 0; i < all[pg].n; i++) {
            pline *l = &all[pg].v[i];
            if (l->band == BAND_NONE) continue;
            size_t id = 0;
            cgu_map_get(&seen, l->shape, &id);
            int repeated = count[id] >= 2;
            /* the first page's top band is its header, not a running head */
            if (pg == 0 && l->band == BAND_TOP) repeated = 0;
            if (pg > 0 && l->band != BAND_SIDE && is_running_head(l->shape)) repeated = 1;
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
 * final '/'). */
static size_t walk_url(const char *t, size_t at, size_t limit, const char *url, int fold,
                       size_t *shown) {
    size_t i = at, j = 0, n = strlen(url), last = at;
    while (j < n) {
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

/* Finds the address of link `k` in the text the page wrote, among the
 * characters its area covers, and records where it stands. */
static int match_link(writer *w, const cgin_pdf_link *lk) {
    const cgin_pdf_page *p = w->p;
    const page_lines *pl = w->pl;
    if (!pl->geometry || !lk->uri) return 0;
    const char *uri = lk->uri;
    size_t scheme = 0;
    if (strncmp(uri, "http://", 7) == 0)
        scheme = 7;
    else if (strncmp(uri, "https://", 8) == 0)
        scheme = 8;
    else if (strncmp(uri, "ftp://", 6) == 0)
        scheme = 6;
    else
        return 0; /* mail addresses and the like: not URL references */
    size_t lo = SIZE_MAX, hi = 0;
    for (size_t c = 0; c < pl->nchars; c++) {
        size_t o = w->char_out[c];
        if (o == SIZE_MAX) continue;
        const cgin_rect *r = &p->rects[c];
        double cx = (r->x1 + r->x2) / 2, cy = (r->y1 + r->y2) / 2;
        if (cx < lk->area.x1 - 1 || cx > lk->area.x2 + 1 || cy < lk->area.y1 - 1 ||
            cy > lk->area.y2 + 1)
            continue;
        if (o < lo) lo = o;
        size_t e = o + (pl->char_byte[c + 1] - pl->char_byte[c]);
        if (e > hi) hi = e;
    }
    if (lo == SIZE_MAX) return 0;
    const char *t = w->out->text.data;
    /* the text shows the address with its scheme, or from the host on */
    const char *forms[2] = {uri, uri + scheme};
    for (int fold = 0; fold < 2; fold++)
        for (int f = 0; f < 2; f++)
            for (size_t at = lo; at < hi; at++) {
                if (!same_byte((unsigned char)t[at], (unsigned char)forms[f][0], fold)) continue;
                /* a form without a scheme must not start inside a longer address */
                if (f == 1 && at > 0 && t[at - 1] == '/') continue;
                size_t ulen = 0, end = walk_url(t, at, hi, forms[f], fold, &ulen);
                if (end <= at || !ulen) continue;
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
    if (nhead && write_header(&w, head, nhead)) goto out;
    /* the header's lines, once written, are not written again below */
    for (size_t i = 0; i < pl->n; i++) {
        const pline *l = &pl->v[i];
        if (l->dropped) continue;
        int in_head = 0;
        for (size_t k = 0; k < nhead && !in_head; k++)
            in_head = head[k] == l;
        if (in_head) continue;
        if (write_line(&w, l) || put(&w, "\n", 1)) goto out;
    }
    for (size_t k = 0; k < p->nlinks; k++)
        if (match_link(&w, &p->links[k])) goto out;
    rc = 0;
out:
    free(w.char_out);
    free(head);
    return rc;
}

static int has_text(const cgin_pdf_page *p) {
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
        if (pages[pg].label && !(out->page_labels[pg] = strdup(pages[pg].label))) goto out;
        if (!has_text(&pages[pg])) {
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
    for (size_t i = 0; i + 5 <= n; i++)
        if (data[i] == '%' && memcmp(data + i, "%PDF-", 5) == 0) return 1;
    return 0;
}
