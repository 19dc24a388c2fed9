/* fuzz_record.c - a `check --cache` entry read back: the compact record of
 * cg_extraction_to_record() (length-prefixed fields and raw quotes, not
 * JSON), through cg_extraction_from_record(). The first four bytes of the
 * input are the size of the document the record must fit (little endian),
 * the rest is the record. A record that is accepted must be usable as the
 * cache uses it: written again, and checked without the document's bytes
 * (every rule runs on the quotes the record carries) in every format. */
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "fuzz.h"

static volatile size_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 4) return 0;
    size_t doc_size = (size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 |
                      (size_t)data[3] << 24;
    cg_extraction *x = NULL;
    cg_error err;
    if (cg_extraction_from_record((const char *)data + 4, size - 4, doc_size, &x, &err) !=
        CG_OK) {
        sink += strlen(err.text);
        return 0;
    }
    cg_string s = {0};
    if (cg_extraction_to_record(&s, x) == CG_OK) sink += s.len;
    cg_string_release(&s);
    cg_check *c = NULL;
    if (cg_check_new(&c) == CG_OK) {
        if (cg_check_add_document(c, "doc.txt", NULL, x) == CG_OK && cg_check_run(c, &err) == CG_OK) {
            static const cg_check_format formats[] = {CG_CHECK_TEXT,   CG_CHECK_JSON,
                                                      CG_CHECK_SARIF,  CG_CHECK_GITHUB,
                                                      CG_CHECK_JUNIT,  CG_CHECK_MARKDOWN};
            for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
                cg_check_write(c, formats[f], CG_SEV_NOTE, 0, &s);
                sink += s.len;
                cg_string_release(&s);
            }
        }
        cg_check_free(c);
    }
    cg_extraction_free(x);
    return 0;
}
