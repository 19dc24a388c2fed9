/* fuzz_extract.c - an arbitrary document through reading, normalisation and
 * extraction, and every accessor of the result.
 *
 * Besides crashes, leaks and undefined behaviour it checks the promises of
 * extract.h: every reference and defect lies inside the input, and its line
 * and column are those cg_input_position() gives for its offset. */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const cg_extractor *ex = extractor();
    /* A small long-line limit, so that the warning is reached too. */
    cg_read_options opts = {0, 256};
    cg_input *in = NULL;
    cg_error err;
    if (cg_input_from_memory("fuzz.txt", data, size, &opts, &in, &err) != CG_OK) return 0;
    touch(cg_input_name(in));
    if (memcmp(cg_input_data(in), data, size) != 0 || cg_input_data(in)[size] != '\0') abort();
    for (size_t i = 0; i < cg_input_warning_count(in); i++) touch(cg_input_warning(in, i));
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
    if (doc) {
        touch(doc->id);
        touch(doc->issuer);
        touch(doc->type);
        touch(doc->title);
        touch(doc->date);
        touch(doc->alias);
    }
    size_t n = cg_extraction_count(ext), prev = 0;
    for (size_t i = 0; i < n; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        if (!r || !r->kind || !r->target) abort();
        if (r->offset < prev) abort(); /* ordered by offset */
        prev = r->offset;
        touch(r->kind);
        touch(r->target);
        touch(r->locator);
        touch(r->resolves_to);
        touch(r->note);
        touch(cg_relation_name(r->relation));
        check_position(in, r->offset, r->length, r->line, r->col);
        if (r->length < 512) {
            char *id = cg_canonical_id(ex, cg_input_data(in) + r->offset, r->length);
            touch(id);
            free(id);
        }
    }
    const char *const *labels = NULL;
    size_t nq = cg_extraction_questions(ext, &labels);
    for (size_t i = 0; i < nq; i++) touch(labels[i]);
    const cg_defect *defects = NULL;
    size_t nd = cg_extraction_defects(ext, &defects);
    for (size_t i = 0; i < nd; i++) {
        touch(defects[i].message);
        check_position(in, defects[i].offset, defects[i].length, defects[i].line, defects[i].col);
    }
    if (size < 256) {
        char *id = cg_canonical_id(ex, (const char *)cg_input_data(in), size);
        touch(id);
        free(id);
    }
    cg_string s = {0};
    cg_write_jsonl(&s, "fuzz.txt", in, ext, NULL);
    cg_write_tsv(&s, "fuzz.txt", ext);
    cg_string_release(&s);
    cg_extraction_free(ext);
    cg_input_free(in);
    return 0;
}
