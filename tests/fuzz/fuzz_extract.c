/* fuzz_extract.c - an arbitrary document through reading, normalisation and
 * extraction, and every accessor of the result.
 *
 * Besides crashes, leaks and undefined behaviour it checks promises of the
 * headers (a broken one aborts):
 *   - extract.h: references are ordered by offset, every reference has a
 *     target, every reference and defect lies inside the input, and its
 *     line and column are those cg_input_position() gives for its offset;
 *     a locator that names questions has a text;
 *   - docid.h: every id formats, and parses back to itself
 *     (cg_docid_parse_kind() with the kind's name, as JSON Lines are read);
 *     cg_docid_format() and cg_docid_append(, NULL) agree;
 *   - serialize.h: the JSON Lines of the extraction, read back with
 *     cg_jsonl_read(), give one document whose references have the same
 *     locators (questions included), and written again are the same bytes. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "fuzz.h"

static cg_extractor *extractor(void) {
    static cg_extractor *ex;
    if (!ex && cg_extractor_new(NULL, &ex, NULL) != CG_OK) abort();
    return ex;
}

static volatile size_t sink;

static void touch(const char *s) {
    if (s) sink += strlen(s);
}

static void check_position(const cg_input *in, size_t offset, size_t length, size_t line,
                           size_t col) {
    size_t size = cg_input_size(in);
    if (offset > size || length > size - offset) abort();
    size_t l, c;
    cg_input_position(in, offset, &l, &c);
    if (l != line || c != col) abort();
    cg_input_position(in, offset + length, &l, &c);
}

/* Every accessor of an id, and parse(format(id)) == id. */
static void check_id(const cg_docid *id) {
    if (id->kind == CG_KIND_NONE) return;
    const char *kind = cg_docid_kind_name(id);
    if (!kind || !*kind) abort();
    touch(cg_kind_name(id->kind));
    touch(cg_issuer_name(cg_docid_issuer(id)));
    sink += cg_docid_wahlperiode(id) + cg_docid_year(id);
    char small[48], url[512];
    size_t n = cg_docid_format(id, small, sizeof small);
    cg_buf text = CG_BUF_INIT;
    if (cg_docid_append(id, &text, NULL) != CG_OK) abort();
    if (text.len != n || (n < sizeof small && strcmp(small, text.data) != 0)) abort();
    sink += cg_docid_format_number(id, small, sizeof small);
    sink += cg_docid_official_url(id, url, sizeof url);
    cg_docid back;
    if (cg_docid_parse_kind(kind, text.data, &back, NULL) != CG_OK || !cg_docid_equal(&back, id))
        abort();
    if (id->kind != CG_KIND_GRAMMAR &&
        (cg_docid_parse(text.data, &back, NULL) != CG_OK || !cg_docid_equal(&back, id)))
        abort();
    cg_buf_release(&text);
}

/* An id written in any spelling, as `citegraph graph --id` reads it. */
static void resolve(const cg_extractor *ex, const char *text, size_t len) {
    char *s = malloc(len + 1);
    if (!s) return;
    memcpy(s, text, len);
    s[len] = '\0';
    cg_docid id;
    cg_buf storage = CG_BUF_INIT;
    cg_error err;
    if (cg_resolve_text(ex, s, &id, &storage, &err) == CG_OK)
        check_id(&id);
    else
        touch(err.text);
    cg_buf_release(&storage);
    free(s);
}

/* The JSON Lines read back. */
typedef struct readback {
    const cg_input *in;
    const cg_extraction *ext; /* the original */
    cg_buf again;             /* the lines written from what was read */
    size_t documents;
} readback;

static bool same_text(const char *a, const char *b) {
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int read_back(void *ctx, const char *file, const cg_extraction *got,
                     bool has_document_line) {
    readback *rb = ctx;
    if (rb->documents++ || !has_document_line || strcmp(file, "fuzz.txt") != 0) abort();
    size_t n = cg_extraction_count(rb->ext);
    if (cg_extraction_count(got) != n) abort();
    for (size_t i = 0; i < n; i++) {
        const cg_reference *a = cg_extraction_reference(rb->ext, i);
        const cg_reference *b = cg_extraction_reference(got, i);
        if (a->offset != b->offset || a->length != b->length || a->line != b->line ||
            a->col != b->col || a->relation != b->relation || a->flags != b->flags)
            abort();
        /* the questions the graph and the check see are those of the text */
        if (!same_text(a->locator.text, b->locator.text)) continue; /* made valid UTF-8 */
        if (a->locator.nquestions != b->locator.nquestions ||
            (a->locator.nquestions && a->locator.series != b->locator.series))
            abort();
        for (size_t q = 0; q < a->locator.nquestions; q++)
            if (a->locator.questions[q].number != b->locator.questions[q].number ||
                a->locator.questions[q].sub != b->locator.questions[q].sub)
                abort();
    }
    if (cg_jsonl_write_document(&rb->again, file, rb->in, got, NULL, NULL) != CG_OK) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const cg_extractor *ex = extractor();
    /* A small long-line limit, so that the warning is reached too. */
    cg_read_options opts = {.long_line = 256};
    cg_input *in = NULL;
    cg_error err;
    if (cg_input_from_memory("fuzz.txt", data, size, &opts, &in, &err) != CG_OK) return 0;
    touch(cg_input_name(in));
    if ((size && memcmp(cg_input_data(in), data, size) != 0) || cg_input_data(in)[size] != '\0')
        abort();
    for (size_t i = 0; i < cg_input_warning_count(in); i++)
        touch(cg_input_warning(in, i));
    size_t l, c;
    cg_input_position(in, 0, &l, &c);
    cg_input_position(in, size / 2, &l, &c);
    cg_input_position(in, size, &l, &c);
    cg_input_position(in, size + 1, &l, &c);

    cg_extraction *ext = NULL;
    if (cg_extract(ex, in, &ext, &err) != CG_OK) {
        touch(err.text);
        cg_input_free(in);
        return 0;
    }
    const cg_document_info *doc = cg_extraction_document(ext);
    if (!doc) abort();
    check_id(&doc->id);
    check_id(&doc->alias);
    touch(doc->type);
    touch(doc->title);
    touch(doc->date);
    size_t n = cg_extraction_count(ext), prev = 0;
    for (size_t i = 0; i < n; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        if (!r || r->target.kind == CG_KIND_NONE) abort();
        if (r->offset < prev) abort(); /* ordered by offset */
        prev = r->offset;
        check_id(&r->target);
        check_id(&r->resolves_to);
        if (r->locator.nquestions && !r->locator.text) abort();
        touch(r->locator.text);
        touch(cg_question_series_name(r->locator.series));
        for (size_t q = 0; q < r->locator.nquestions; q++) {
            char label[24];
            sink += cg_question_format(&r->locator.questions[q], label, sizeof label);
        }
        touch(r->note);
        touch(cg_relation_name(r->relation));
        check_position(in, r->offset, r->length, r->line, r->col);
        if (r->length < 512) resolve(ex, cg_input_data(in) + r->offset, r->length);
    }
    const cg_question *questions = NULL;
    size_t nq = cg_extraction_questions(ext, &questions);
    for (size_t i = 0; i < nq; i++) {
        char label[24];
        sink += cg_question_format(&questions[i], label, sizeof label);
    }
    const cg_defect *defects = NULL;
    size_t nd = cg_extraction_defects(ext, &defects);
    for (size_t i = 0; i < nd; i++) {
        touch(defects[i].message);
        check_position(in, defects[i].offset, defects[i].length, defects[i].line, defects[i].col);
    }
    if (size < 256) resolve(ex, cg_input_data(in), size);

    /* JSON Lines and TSV; the JSON Lines read back and written again */
    cg_buf s = CG_BUF_INIT;
    if (cg_jsonl_write_document(&s, "fuzz.txt", in, ext, NULL, NULL) != CG_OK) abort();
    readback rb = {in, ext, CG_BUF_INIT, 0};
    if (cg_jsonl_read("fuzz.jsonl", s.data, s.len, 1, read_back, &rb, &err) != CG_OK ||
        rb.documents != 1)
        abort();
    if (rb.again.len != s.len || memcmp(rb.again.data, s.data, s.len) != 0) abort();
    cg_buf_release(&rb.again);
    cg_jsonl_write_summary(&s, 1, 0, n, cg_input_warning_count(in), NULL);
    cg_tsv_write_header(&s, NULL);
    cg_tsv_write(&s, "fuzz.txt", ext, NULL);
    sink += s.len;
    cg_buf_release(&s);
    cg_extraction_free(ext);
    cg_input_free(in);
    return 0;
}
