/* pdf.h - PDF documents as input: the pages poppler reads (pdf.c), and the
 * text citegraph makes of them (pdf_layout.c).
 *
 * poppler gives each page's text in reading order, one rectangle per
 * character. The layout step turns those pages into the document's text:
 * running heads, footers, page numbers and notices printed on every page
 * are left out; the first page's header (number, Wahlperiode, date) is put
 * back in the order it is printed; letter-spaced headings are joined; a
 * space is put where the print leaves a gap but the text has none
 * ("1.Der"); and each link annotation is matched to the characters it
 * covers, so that a URL the layout broke over lines is known whole. The
 * layout step sees no poppler type, so that it can be tested and fuzzed
 * without a PDF. */
#ifndef CG_INPUT_PDF_H
#define CG_INPUT_PDF_H

#include <stddef.h>

#include "citegraph/error.h"
#include "citegraph/input.h"
#include "input_internal.h"
#include "util/util.h"

/* A rectangle on a page in points, origin at the top left, y downwards
 * (floats: a document's text keeps one per character until it is laid out). */
typedef struct cgin_rect {
    float x1, y1, x2, y2;
} cgin_rect;

/* A link annotation of a page: the address it opens and the area it covers. */
typedef struct cgin_pdf_link {
    const char *uri;
    cgin_rect area;
} cgin_pdf_link;

/* One page as poppler reads it. */
typedef struct cgin_pdf_page {
    const char *text; /* UTF-8, lines separated by '\n' */
    size_t len;
    const cgin_rect *rects; /* one per character of `text`; NULL when not known */
    size_t nrects;
    double width, height;
    const char *label; /* the printed page label ("iv", "3"); NULL when none */
    const cgin_pdf_link *links;
    size_t nlinks;
    int images; /* the page shows images (asked only of pages without text) */
} cgin_pdf_page;

/* The text of a PDF document: pages concatenated, page i starting at byte
 * page_starts[i]. Everything malloc'd; released with cgin_pdf_text_release. */
typedef struct cgin_pdf_text {
    cg_buf text;
    size_t *page_starts;
    char **page_labels; /* NULL entries where a page has no label */
    size_t npages;
    cgin_link_span *links;
    size_t nlinks, caplinks;
    size_t removed_lines; /* running heads, footers and notices left out */
    size_t empty_pages, image_pages;
} cgin_pdf_text;

/* Whether the page shows any text (not only white space). */
int cgin_pdf_page_has_text(const cgin_pdf_page *p);

/* Makes the text of `n` pages. Returns 0, or -1 when memory ran out. */
int cgin_pdf_layout(const cgin_pdf_page *pages, size_t n, cgin_pdf_text *out);
void cgin_pdf_text_release(cgin_pdf_text *t);

/* Whether `data` is a PDF file: "%PDF-" within its first 1024 bytes, as
 * PDF readers accept it. */
int cgin_is_pdf(const char *data, size_t len);

/* Reads the PDF file of `len` bytes at `data` (which the caller keeps until
 * this returns) into a new input called `name`. Fails with CG_EUNSUPPORTED
 * when this citegraph was built without poppler or cannot load it,
 * CG_EFORMAT when the PDF is encrypted, damaged or has no text, CG_ELIMIT
 * over the page limit. */
cg_status cgin_pdf_read(const char *name, const char *data, size_t len, const cg_read_options *opts,
                        cg_input **out, cg_error *err);

#endif
