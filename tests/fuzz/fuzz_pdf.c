/* fuzz_pdf.c - the PDF path up to where poppler takes over: pages made
 * from the input through cgin_pdf_layout() (src/input/pdf_layout.c), and
 * the input itself through cgin_is_pdf().
 *
 * The input is split into pages at form feeds ('\f'); each page's bytes are
 * its text as given (invalid UTF-8, NUL bytes and empty pages included).
 * Everything else a page has is derived from its bytes, so that the same
 * input always makes the same pages:
 *   - rectangles: the lines laid out with a fixed width per line, the first
 *     four lines two to a row in the top band (a first page's header, a
 *     running head), the last line in the bottom band (a page number), a
 *     line in eight set vertically in a side margin and one in eight
 *     printed above the body (a document type), where the line goes chosen
 *     by its bytes with the digits left out, so that "- 2 -" and "- 3 -"
 *     stand in the same place as running heads do; now and then a wider gap
 *     before a character, or an odd rectangle (inverted, empty, far off the
 *     page, 1e150, infinite, NaN);
 *   - sometimes no rectangles, or one too few or one too many (nrects !=
 *     characters), and page sizes of 0, negative, 1 or 1e150 points;
 *   - up to four links per page, whose address is a piece of the page's
 *     text (spaces and line breaks left out) behind "https://", "http://",
 *     "ftp://", "mailto:" or nothing, sometimes in upper case or with a '/'
 *     added, and whose area covers that piece or lies anywhere;
 *   - a label or none, and the images flag.
 *
 * Besides crashes, leaks and undefined behaviour it checks the promises of
 * pdf.h (a broken one aborts):
 *   - the layout succeeds (inputs this small never run out of memory);
 *     there is a start and a label (the page's own, or NULL) per page, the
 *     starts do not decrease, the first is 0 and none is past the text; the
 *     text has a NUL after its `len` bytes;
 *   - the text holds only bytes of the pages, spaces and line breaks, each
 *     byte no more often than the pages have it, and it is valid UTF-8 when
 *     every page is (characters are written whole);
 *   - empty_pages counts the pages with no text but white space,
 *     image_pages those of them with images; removed_lines are no more
 *     than the lines of all pages;
 *   - every link span is non-empty, inside the text and inside one page,
 *     starts with the first byte of its URL (ASCII case aside), does not end
 *     in a space or line break, has a URL that is the address of a link of
 *     the pages with or without its scheme (and maybe without a last '/'),
 *     equal to the span's bytes once spaces, line breaks and hyphens are
 *     left out of both (ASCII case aside; a last '/' the text does not
 *     show aside), and starts and ends between characters when the text and
 *     the URL are valid UTF-8;
 *   - cgin_is_pdf() of the input says whether "%PDF-" lies within its first
 *     1024 bytes. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "input/pdf.h"

#define MAX_PAGES 32
#define MAX_LINKS 4
#define URI_MAX 96

typedef struct fpage {
    cgin_rect *rects;
    cgin_pdf_link links[MAX_LINKS];
    char uris[MAX_LINKS][URI_MAX];
    char label[24];
} fpage;

static volatile size_t sink;

static uint32_t mix(uint32_t h, uint32_t v) {
    h ^= v;
    h *= 16777619u; /* FNV-1a */
    h ^= h >> 15;
    return h;
}

static uint32_t hash_bytes(const uint8_t *p, size_t n, uint32_t h, int skip_digits) {
    for (size_t i = 0; i < n; i++)
        if (!skip_digits || p[i] < '0' || p[i] > '9') h = mix(h, p[i]);
    return h;
}

static int is_blank(uint8_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}

/* Far off, huge, tiny, negative, and not finite: poppler gives infinite
 * boxes for some glyphs, and 1e150 is infinite as a float. */
static const double odd[] = {0.0,   -1.0,  -1e6, 1e-300, 1e150,    -1e150,
                             842.0, 595.0, 0.25, 1e9,    INFINITY, NAN};
#define NODD (sizeof odd / sizeof odd[0])

static int lead(uint8_t c) {
    return (c & 0xC0) != 0x80;
}

/* The rectangles of a page of `len` bytes at `t`, one per character. */
static void lay_out(const uint8_t *t, size_t len, uint32_t seed, cgin_rect *r, size_t nchars) {
    size_t nlines = 1;
    for (size_t i = 0; i < len; i++)
        nlines += t[i] == '\n';
    size_t c = 0, line = 0, i = 0;
    while (i <= len && c < nchars) {
        size_t e = i;
        while (e < len && t[e] != '\n')
            e++;
        uint32_t h = hash_bytes(t + i, e - i, 0x811C9DC5u, 1);
        double cw = 4.0 + (double)(h % 4), ch = 8.0 + (double)((h >> 2) % 6);
        double x, y;
        int vertical = 0;
        if (line < 4) { /* two lines a row in the top band */
            x = line % 2 ? 350.0 : 72.0;
            y = 30.0 + 14.0 * (double)(line / 2);
        } else if (line + 1 == nlines) { /* the bottom band */
            x = 280.0;
            y = 800.0;
        } else if ((h >> 5) % 8 == 0) { /* a side margin, vertically */
            x = (h >> 8) & 1 ? 15.0 : 570.0;
            y = 150.0;
            vertical = 1;
        } else if ((h >> 5) % 8 == 1) { /* above the body */
            x = 72.0;
            y = 140.0;
        } else {
            x = 72.0;
            y = 150.0 + 12.0 * (double)line;
        }
        for (size_t b = i; b <= e && b < len && c < nchars; b++) {
            if (!lead(t[b])) continue;
            uint32_t k = mix(mix(seed, (uint32_t)c), t[b]);
            if (k % 13 == 0 && !vertical) x += 4.0; /* a gap the text may not show */
            cgin_rect q =
                vertical ? (cgin_rect){x, y, x + ch, y + cw} : (cgin_rect){x, y, x + cw, y + ch};
            switch (k % 37) {
            case 0:
                q = (cgin_rect){q.x2, q.y2, q.x1, q.y1};
                break; /* inverted */
            case 1:
                q.x2 = q.x1, q.y2 = q.y1;
                break; /* empty */
            case 2:
                q.x1 = odd[(k >> 8) % NODD], q.x2 = q.x1 + cw;
                break;
            case 3:
                q.y1 = odd[(k >> 8) % NODD], q.y2 = odd[(k >> 12) % NODD];
                break;
            default:
                break;
            }
            r[c++] = q;
            if (vertical)
                y += cw;
            else
                x += cw;
        }
        i = e + 1;
        line++;
    }
    while (c < nchars) /* one too many, when nrects says so */
        r[c++] = (cgin_rect){0, 0, 0, 0};
}

/* A link of the page: an address made of a piece of its text. */
static void make_link(fpage *fp, size_t k, const uint8_t *t, size_t len, const size_t *cbyte,
                      size_t nchars, const cgin_rect *rects, size_t nrects, uint32_t h) {
    static const char *const schemes[] = {
        "https://", "http://", "ftp://", "mailto:", "", "https://", "http://"};
    char *u = fp->uris[k];
    size_t n = (size_t)snprintf(u, URI_MAX, "%s", schemes[h % 7]);
    size_t c0 = nchars ? (h >> 3) % nchars : 0;
    size_t c1 = c0 + 1 + (h >> 11) % 40;
    if (c1 > nchars) c1 = nchars;
    size_t b0 = nchars ? cbyte[c0] : 0, b1 = nchars ? cbyte[c1] : 0;
    for (size_t b = b0; b < b1 && b < len && n + 2 < URI_MAX; b++) {
        if (t[b] == ' ' || t[b] == '\n') continue;
        if (t[b] == '-' && b + 1 < len && t[b + 1] == '\n') continue;
        char ch = (char)t[b];
        if ((h >> 17) % 5 == 0 && ch >= 'a' && ch <= 'z') ch = (char)(ch - 'a' + 'A');
        u[n++] = ch;
    }
    if ((h >> 20) % 4 == 0) u[n++] = '/';
    u[n] = '\0';
    cgin_rect a = {0, 0, 0, 0};
    if ((h >> 22) % 6 == 0 || !rects || c0 >= nrects) {
        a = (cgin_rect){odd[(h >> 24) % NODD], odd[(h >> 26) % NODD], 300.0, 900.0};
    } else {
        a = rects[c0];
        for (size_t c = c0 + 1; c < c1 && c < nrects; c++) {
            const cgin_rect *q = &rects[c];
            if (q->x1 < a.x1) a.x1 = q->x1;
            if (q->y1 < a.y1) a.y1 = q->y1;
            if (q->x2 > a.x2) a.x2 = q->x2;
            if (q->y2 > a.y2) a.y2 = q->y2;
        }
    }
    fp->links[k] = (cgin_pdf_link){(h >> 28) == 15 ? NULL : u, a};
}

static int valid_utf8(const uint8_t *s, size_t n) {
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = cgu_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) return 0;
        i += (size_t)k;
    }
    return 1;
}

static uint8_t fold(uint8_t c) {
    return c >= 'A' && c <= 'Z' ? (uint8_t)(c - 'A' + 'a') : c;
}

/* s[0, n) without spaces, line breaks and hyphens, in lower case, into `out`. */
static size_t squeeze(const char *s, size_t n, char *out) {
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '-') out[m++] = (char)fold((uint8_t)s[i]);
    return m;
}

/* Whether `url` is link address `uri` as the layout may give it. */
static int url_of(const char *url, const char *uri) {
    const char *forms[2] = {uri, uri};
    const char *p = strstr(uri, "://");
    if (p) forms[1] = p + 3;
    for (int f = 0; f < 2; f++) {
        size_t n = strlen(forms[f]), m = strlen(url);
        if (m == n && memcmp(url, forms[f], n) == 0) return 1;
        if (m + 1 == n && forms[f][m] == '/' && memcmp(url, forms[f], m) == 0) return 1;
    }
    return 0;
}

static void check(const cgin_pdf_page *pages, size_t n, const cgin_pdf_text *t,
                  const size_t *pcount, int all_valid) {
    const char *text = t->text.data;
    size_t len = t->text.len;
    if (t->npages != n || !text || text[len] != '\0') abort();
    if (n && t->page_starts[0] != 0) abort();
    size_t empty = 0, images = 0, lines = 0;
    for (size_t i = 0; i < n; i++) {
        if (t->page_starts[i] > len || (i && t->page_starts[i] < t->page_starts[i - 1])) abort();
        const char *lab = pages[i].label;
        if (!lab != !t->page_labels[i] || (lab && strcmp(lab, t->page_labels[i]) != 0)) abort();
        int blank = 1;
        for (size_t b = 0; b < pages[i].len; b++)
            blank &= is_blank((uint8_t)pages[i].text[b]);
        empty += blank;
        images += blank && pages[i].images;
        lines += 1;
        for (size_t b = 0; b < pages[i].len; b++)
            lines += pages[i].text[b] == '\n';
    }
    if (t->empty_pages != empty || t->image_pages != images || t->removed_lines > lines) abort();

    size_t count[256] = {0};
    for (size_t i = 0; i < len; i++)
        count[(uint8_t)text[i]]++;
    for (int c = 0; c < 256; c++)
        if (c != ' ' && c != '\n' && count[c] > pcount[c]) abort();
    int text_valid = valid_utf8((const uint8_t *)text, len);
    if (all_valid && !text_valid) abort();

    for (size_t k = 0; k < t->nlinks; k++) {
        const cgin_link_span *s = &t->links[k];
        if (!s->url || !*s->url || s->length == 0) abort();
        if (s->offset > len || s->length > len - s->offset) abort();
        size_t end = s->offset + s->length;
        /* inside one page */
        size_t pg = 0;
        while (pg + 1 < n && t->page_starts[pg + 1] <= s->offset)
            pg++;
        if (n == 0 || end > (pg + 1 < n ? t->page_starts[pg + 1] : len)) abort();
        if (fold((uint8_t)text[s->offset]) != fold((uint8_t)s->url[0])) abort();
        if (text[end - 1] == ' ' || text[end - 1] == '\n') abort();
        int known = 0;
        for (size_t p = 0; p < n && !known; p++)
            for (size_t j = 0; j < pages[p].nlinks && !known; j++)
                known = pages[p].links[j].uri && url_of(s->url, pages[p].links[j].uri);
        if (!known) abort();
        size_t ulen = strlen(s->url);
        char *a = malloc(s->length + 1), *b = malloc(ulen + 1);
        if (!a || !b) abort();
        size_t na = squeeze(text + s->offset, s->length, a);
        size_t nb = squeeze(s->url, ulen, b);
        if (nb && b[nb - 1] == '/' && na + 1 == nb) nb--;
        if (na != nb || memcmp(a, b, na) != 0) abort();
        free(a);
        free(b);
        if (text_valid && valid_utf8((const uint8_t *)s->url, ulen) &&
            (!lead((uint8_t)text[s->offset]) || (end < len && !lead((uint8_t)text[end]))))
            abort();
    }
}

static int is_pdf_ref(const uint8_t *data, size_t size) {
    size_t n = size < 1024 ? size : 1024;
    for (size_t i = 0; i + 5 <= n; i++)
        if (memcmp(data + i, "%PDF-", 5) == 0) return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (cgin_is_pdf((const char *)data, size) != is_pdf_ref(data, size)) abort();

    cgin_pdf_page pages[MAX_PAGES];
    fpage fps[MAX_PAGES];
    size_t n = 0, at = 0, pcount[256] = {0};
    int all_valid = 1;
    for (size_t i = 0; i < size; i++)
        pcount[data[i]]++;
    while (n < MAX_PAGES && at <= size) {
        size_t e = at;
        while (e < size && data[e] != '\f')
            e++;
        if (n + 1 == MAX_PAGES) e = size; /* the rest, form feeds and all */
        const uint8_t *t = data + at;
        size_t len = e - at;
        uint32_t seed = hash_bytes(t, len, mix(0x811C9DC5u, (uint32_t)n), 0);
        size_t nchars = 0;
        for (size_t b = 0; b < len; b++)
            nchars += lead(t[b]);
        size_t *cbyte = malloc((nchars + 1) * sizeof *cbyte);
        if (!cbyte) abort();
        for (size_t b = 0, c = 0; b < len; b++)
            if (lead(t[b])) cbyte[c++] = b;
        cbyte[nchars] = len;

        fpage *fp = &fps[n];
        memset(fp, 0, sizeof *fp);
        size_t nrects = nchars;
        switch (seed % 9) {
        case 0:
            nrects = 0;
            break; /* no rectangles */
        case 1:
            nrects = nchars ? nchars - 1 : 1;
            break; /* one too few */
        case 2:
            nrects = nchars + 1;
            break; /* one too many */
        default:
            break;
        }
        if (seed % 9 != 0) {
            fp->rects = malloc((nrects > nchars ? nrects : nchars + 1) * sizeof *fp->rects);
            if (!fp->rects) abort();
            lay_out(t, len, seed, fp->rects, nrects > nchars ? nrects : nchars);
        }
        double w = 595.0, h = 842.0;
        switch ((seed >> 4) % 16) {
        case 0:
            w = h = 0.0;
            break;
        case 1:
            h = -842.0;
            break;
        case 2:
            w = h = 1.0;
            break;
        case 3:
            w = h = 1e150;
            break;
        default:
            break;
        }
        size_t nlinks = (seed >> 8) % (MAX_LINKS + 1);
        for (size_t k = 0; k < nlinks; k++)
            make_link(fp, k, t, len, cbyte, nchars, fp->rects, fp->rects ? nrects : 0,
                      mix(seed, (uint32_t)(k + 1)));
        free(cbyte);
        if ((seed >> 12) % 3) snprintf(fp->label, sizeof fp->label, "%zu", n + 1);
        pages[n] = (cgin_pdf_page){.text = (const char *)t,
                                   .len = len,
                                   .rects = fp->rects,
                                   .nrects = nrects,
                                   .width = w,
                                   .height = h,
                                   .label = (seed >> 12) % 3 ? fp->label : NULL,
                                   .links = fp->links,
                                   .nlinks = nlinks,
                                   .images = (int)((seed >> 14) & 1)};
        all_valid &= valid_utf8(t, len);
        n++;
        at = e + 1;
    }
    cgin_pdf_text out;
    if (cgin_pdf_layout(pages, n, &out) != 0) abort();
    check(pages, n, &out, pcount, all_valid);
    sink += out.text.len + out.removed_lines;
    cgin_pdf_text_release(&out);
    for (size_t p = 0; p < n; p++)
        free(fps[p].rects);
    return 0;
}
