/* pdf.c - reading PDF files through poppler (see pdf.h).
 *
 * poppler's GLib interface (libpoppler-glib) is loaded with dlopen() the
 * first time a PDF is read: it maps GLib, cairo, fontconfig and more, which
 * would cost every `citegraph extract` of text files its start-up time. The
 * library is built against poppler's headers for the types only, and only
 * when they were found (CG_HAVE_POPPLER). The table of functions is filled
 * by the first reader, under poppler_lock like every use of it after; the
 * library is never closed.
 *
 * poppler is not safe to call from two threads at once, even on documents
 * of their own: its graphics state shares colour profiles between all
 * documents (GfxState's sRGB profile, made on first use, and the lcms2
 * transforms made from it), and two threads setting up their first page at
 * the same time crashed in lcms2. So one PDF is read at a time, under
 * poppler_lock: the lock guards poppler's state, not citegraph's, and the
 * other files of a run are still read, normalised and searched on all
 * threads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input_internal.h"
#include "pdf.h"

/* Pages over this count are refused unless the options allow more. */
#define DEFAULT_MAX_PAGES 5000

#ifndef CG_HAVE_POPPLER

cg_status cgin_pdf_read(const char *name, const char *data, size_t len, const cg_read_options *opts,
                        cg_input **out, cg_error *err) {
    (void)data;
    (void)len;
    (void)opts;
    *out = NULL;
    return cgu_error(err, CG_EUNSUPPORTED, name, 0, 0,
                     "is a PDF file, and this citegraph was built without PDF support: install "
                     "libpoppler-glib-dev and build it again, or convert the file to text first "
                     "(pdftotext)");
}

#else

#include <pthread.h>

#include <poppler.h>

#include "util/dynload.h"

/* Makes the input of a PDF from its laid-out text: takes over the text,
 * the page starts and labels and the link spans. */
static cg_status input_of(const char *name, size_t file_size, cgin_pdf_text *t,
                          const cg_read_options *opts, cg_input **out, cg_error *err) {
    char *data = t->text.data;
    size_t size = t->text.len;
    t->text = (cg_buf)CG_BUF_INIT;
    cg_status st = cgin_input_make(name, data, size, opts, out, err);
    if (st != CG_OK) return st;
    cg_input *in = *out;
    in->pdf = 1;
    in->file_size = file_size;
    in->page_starts = t->page_starts;
    in->page_labels = t->page_labels;
    in->npages = t->npages;
    in->links = t->links;
    in->nlinks = t->nlinks;
    t->page_starts = NULL;
    t->page_labels = NULL;
    t->links = NULL;
    t->npages = t->nlinks = 0;
    if (cgin_input_index_pages(in) != 0) {
        cg_input_free(in);
        *out = NULL;
        return cgu_error(err, CG_ENOMEM, name, 0, 0, "out of memory");
    }
    return CG_OK;
}

/* The file dlopen() is asked for: the soname of Debian 12's libpoppler-glib. */
#define CGIN_POPPLER_LIBRARY "libpoppler-glib.so.8"

/* Every function of poppler-glib and GLib this file calls, with their own types. */
typedef struct poppler_api {
    __typeof__(poppler_document_new_from_bytes) *document_new_from_bytes;
    __typeof__(poppler_document_get_n_pages) *document_get_n_pages;
    __typeof__(poppler_document_get_page) *document_get_page;
    __typeof__(poppler_page_get_text) *page_get_text;
    __typeof__(poppler_page_get_text_layout) *page_get_text_layout;
    __typeof__(poppler_page_get_size) *page_get_size;
    __typeof__(poppler_page_get_label) *page_get_label;
    __typeof__(poppler_page_get_link_mapping) *page_get_link_mapping;
    __typeof__(poppler_page_free_link_mapping) *page_free_link_mapping;
    __typeof__(poppler_page_get_image_mapping) *page_get_image_mapping;
    __typeof__(poppler_page_free_image_mapping) *page_free_image_mapping;
    __typeof__(poppler_error_quark) *error_quark;
    __typeof__(g_bytes_new_static) *bytes_new_static;
    __typeof__(g_bytes_unref) *bytes_unref;
    __typeof__(g_object_unref) *object_unref;
    __typeof__(g_error_free) *error_free;
    __typeof__(g_free) *free;
} poppler_api;

static const cgu_dl_symbol poppler_functions[] = {
    {"poppler_document_new_from_bytes", offsetof(poppler_api, document_new_from_bytes)},
    {"poppler_document_get_n_pages", offsetof(poppler_api, document_get_n_pages)},
    {"poppler_document_get_page", offsetof(poppler_api, document_get_page)},
    {"poppler_page_get_text", offsetof(poppler_api, page_get_text)},
    {"poppler_page_get_text_layout", offsetof(poppler_api, page_get_text_layout)},
    {"poppler_page_get_size", offsetof(poppler_api, page_get_size)},
    {"poppler_page_get_label", offsetof(poppler_api, page_get_label)},
    {"poppler_page_get_link_mapping", offsetof(poppler_api, page_get_link_mapping)},
    {"poppler_page_free_link_mapping", offsetof(poppler_api, page_free_link_mapping)},
    {"poppler_page_get_image_mapping", offsetof(poppler_api, page_get_image_mapping)},
    {"poppler_page_free_image_mapping", offsetof(poppler_api, page_free_image_mapping)},
    {"poppler_error_quark", offsetof(poppler_api, error_quark)},
    {"g_bytes_new_static", offsetof(poppler_api, bytes_new_static)},
    {"g_bytes_unref", offsetof(poppler_api, bytes_unref)},
    {"g_object_unref", offsetof(poppler_api, object_unref)},
    {"g_error_free", offsetof(poppler_api, error_free)},
    {"g_free", offsetof(poppler_api, free)},
};

/* Held for loading poppler and for every call into it. The load is under
 * the same lock rather than pthread_once(), so that one lock orders all of
 * poppler's state (helgrind, which does not follow pthread_once(), sees it
 * too). */
static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;
static int poppler_tried;         /* under poppler_lock */
static poppler_api poppler;       /* written once, under poppler_lock */
static int poppler_loaded;        /* written once, under poppler_lock */
static char poppler_problem[512]; /* written once, under poppler_lock */

/* Called with poppler_lock held. */
static void load_poppler(void) {
    if (poppler_tried) return;
    poppler_tried = 1;
    poppler_loaded = cgu_dl_open(CGIN_POPPLER_LIBRARY, poppler_functions,
                                 sizeof poppler_functions / sizeof poppler_functions[0], &poppler,
                                 sizeof poppler, " (poppler 0.82 or later is needed)",
                                 poppler_problem, sizeof poppler_problem) == 0;
}

/* What poppler gave for one page, to be released with release_page(). */
typedef struct page_read {
    cgin_pdf_page page;
    gchar *text, *label;
    PopplerRectangle *rects;
    cgin_rect *boxes;
    GList *links;
    cgin_pdf_link *link_areas;
} page_read;

static void release_page(const poppler_api *api, page_read *r) {
    api->free(r->text);
    api->free(r->label);
    api->free(r->rects);
    if (r->links) api->page_free_link_mapping(r->links);
    free(r->boxes);
    free(r->link_areas);
    memset(r, 0, sizeof *r);
}

static int read_page(const poppler_api *api, PopplerPage *pp, page_read *r) {
    memset(r, 0, sizeof *r);
    cgin_pdf_page *p = &r->page;
    api->page_get_size(pp, &p->width, &p->height);
    r->text = api->page_get_text(pp);
    p->text = r->text ? r->text : "";
    p->len = strlen(p->text);
    r->label = api->page_get_label(pp);
    p->label = r->label;
    guint n = 0;
    if (p->len && api->page_get_text_layout(pp, &r->rects, &n) && n) {
        /* poppler's rectangles are the text's, top left origin; kept as floats,
         * half the memory of a document's worth of them */
        r->boxes = malloc(n * sizeof *r->boxes);
        if (!r->boxes) return -1;
        for (guint i = 0; i < n; i++)
            r->boxes[i] = (cgin_rect){(float)r->rects[i].x1, (float)r->rects[i].y1,
                                      (float)r->rects[i].x2, (float)r->rects[i].y2};
        api->free(r->rects);
        r->rects = NULL;
        p->rects = r->boxes;
        p->nrects = n;
    }
    r->links = api->page_get_link_mapping(pp);
    size_t nl = 0;
    for (GList *l = r->links; l; l = l->next)
        nl++;
    if (nl) {
        r->link_areas = calloc(nl, sizeof *r->link_areas);
        if (!r->link_areas) return -1;
        for (GList *l = r->links; l; l = l->next) {
            const PopplerLinkMapping *m = l->data;
            if (!m->action || m->action->type != POPPLER_ACTION_URI || !m->action->uri.uri)
                continue;
            /* link areas are in PDF space, origin at the bottom left */
            r->link_areas[p->nlinks++] =
                (cgin_pdf_link){m->action->uri.uri,
                                {(float)m->area.x1, (float)(p->height - m->area.y2),
                                 (float)m->area.x2, (float)(p->height - m->area.y1)}};
        }
        p->links = r->link_areas;
    }
    /* a page without text: blank, or a scan that needs OCR */
    if (!cgin_pdf_page_has_text(p)) {
        GList *im = api->page_get_image_mapping(pp);
        p->images = im != NULL;
        if (im) api->page_free_image_mapping(im);
    }
    return 0;
}

static cg_status open_error(const poppler_api *api, GError *e, const char *name, cg_error *err) {
    cg_status st;
    if (e && e->domain == api->error_quark() && e->code == POPPLER_ERROR_ENCRYPTED)
        st = cgu_error(err, CG_EFORMAT, name, 0, 0,
                       "is an encrypted PDF that needs a password; citegraph cannot read it");
    else
        st = cgu_error(err, CG_EFORMAT, name, 0, 0,
                       "is a damaged PDF file that poppler cannot open (%s)",
                       e && e->message ? e->message : "no reason given");
    if (e) api->error_free(e);
    return st;
}

/* Whether the last 1024 bytes of the file hold the end-of-file marker %%EOF, as every PDF's
 * do (ISO 32000 puts it on the last line; readers look this far for it). A download cut short
 * has none, and poppler repairs such a file without a word, with the pages it could still
 * find: one real Drucksache cut at 70 % kept the text of one page of five. */
static bool ends_as_pdf(const char *data, size_t len) {
    size_t from = len > 1024 ? len - 1024 : 0;
    return cgu_find(data + from, len - from, "%%EOF", 5) != NULL;
}

/* What the reading of a PDF found to warn of: an end cut off, pages of images without text. */
static int add_warnings(cg_input *in, const cgin_pdf_text *t, const char *data, size_t len) {
    if (!ends_as_pdf(data, len) &&
        cgin_input_add_warning(in, "does not end as a PDF does (no %%%%EOF in its last 1024 "
                                   "bytes): cut short? poppler read what it could, and pages may "
                                   "be missing"))
        return -1;
    if (t->image_pages &&
        cgin_input_add_warning(in,
                               "has %zu page%s with images but no text (scanned?): "
                               "their text needs OCR first, e.g. with ocrmypdf",
                               t->image_pages, t->image_pages == 1 ? "" : "s"))
        return -1;
    return 0;
}

/* Reads one PDF; called with poppler_lock held. */
static cg_status read_pdf(const poppler_api *api, const char *name, const char *data, size_t len,
                          const cg_read_options *opts, cg_input **out, cg_error *err) {
    size_t max_pages = opts && opts->max_pages ? opts->max_pages : DEFAULT_MAX_PAGES;
    GError *e = NULL;
    GBytes *bytes = api->bytes_new_static(data, len);
    if (!bytes) return cgu_error(err, CG_ENOMEM, name, 0, 0, "out of memory");
    PopplerDocument *doc = api->document_new_from_bytes(bytes, NULL, &e);
    if (!doc) {
        api->bytes_unref(bytes);
        return open_error(api, e, name, err);
    }
    cg_status st = CG_OK;
    int n = api->document_get_n_pages(doc);
    page_read *reads = NULL;
    cgin_pdf_page *pages = NULL;
    cgin_pdf_text text;
    memset(&text, 0, sizeof text);
    if (n <= 0) {
        st = cgu_error(err, CG_EFORMAT, name, 0, 0,
                       "is a PDF file without pages (truncated or damaged?)");
        goto out;
    }
    if ((size_t)n > max_pages) {
        st = cgu_error(err, CG_ELIMIT, name, 0, 0,
                       "is a PDF of %d pages, more than the limit of %zu", n, max_pages);
        goto out;
    }
    reads = calloc((size_t)n, sizeof *reads);
    pages = calloc((size_t)n, sizeof *pages);
    if (!reads || !pages) {
        st = cgu_error(err, CG_ENOMEM, name, 0, 0, "out of memory");
        goto out;
    }
    for (int i = 0; i < n; i++) {
        PopplerPage *pp = api->document_get_page(doc, i);
        if (!pp) continue; /* a page poppler cannot read counts as one without text */
        int rc = read_page(api, pp, &reads[i]);
        api->object_unref(pp);
        if (rc) {
            st = cgu_error(err, CG_ENOMEM, name, 0, 0, "out of memory");
            goto out;
        }
        pages[i] = reads[i].page;
    }
    if (cgin_pdf_layout(pages, (size_t)n, &text)) {
        st = cgu_error(err, CG_ENOMEM, name, 0, 0, "out of memory");
        goto out;
    }
    int words = 0; /* what the pages print besides running heads and page numbers */
    for (size_t i = 0; i < text.text.len && !words; i++)
        words = text.text.data[i] != ' ' && text.text.data[i] != '\n';
    if (text.empty_pages < (size_t)n && !words) {
        st = cgu_error(err, CG_EFORMAT, name, 0, 0,
                       "is a PDF without text besides page numbers and running heads");
        goto out;
    }
    if (text.empty_pages == (size_t)n) {
        st = cgu_error(err, CG_EFORMAT, name, 0, 0,
                       text.image_pages ? "is a PDF without a text layer (a scan?): its text needs "
                                          "OCR first, e.g. with ocrmypdf"
                                        : "is a PDF without text");
        goto out;
    }
    st = input_of(name, len, &text, opts, out, err);
    if (st == CG_OK && add_warnings(*out, &text, data, len)) {
        cg_input_free(*out);
        *out = NULL;
        st = cgu_error(err, CG_ENOMEM, name, 0, 0, "out of memory");
    }
out:
    for (int i = 0; reads && i < n; i++)
        release_page(api, &reads[i]);
    free(reads);
    free(pages);
    cgin_pdf_text_release(&text);
    api->object_unref(doc);
    api->bytes_unref(bytes);
    return st;
}

cg_status cgin_pdf_read(const char *name, const char *data, size_t len, const cg_read_options *opts,
                        cg_input **out, cg_error *err) {
    *out = NULL;
    pthread_mutex_lock(&poppler_lock);
    load_poppler();
    cg_status st;
    if (poppler_loaded)
        st = read_pdf(&poppler, name, data, len, opts, out, err);
    else
        st = cgu_error(err, CG_EUNSUPPORTED, name, 0, 0,
                       "is a PDF file, and poppler could not be loaded to read it: %s (install "
                       "libpoppler-glib8)",
                       poppler_problem);
    pthread_mutex_unlock(&poppler_lock);
    return st;
}

#endif
