/* fuzz_record.c - a `check --cache` entry read back: the compact record of
 * src/io/record.c (format "CGR2": length-prefixed fields and raw quotes,
 * not JSON), through cgio_record_read(). The first four bytes of the input
 * are the size of the document the record must fit (little endian), the
 * rest is the record. A record that is accepted must be usable as the
 * cache uses it: written again with cgio_record_write(), which must give a
 * record that reads back and writes the same bytes again, and checked
 * without the document's bytes (every rule runs on the quotes the record
 * carries) in every format. */
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "fuzz.h"
#include "io/record.h"
#include "resolve/quotes.h"

static volatile size_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 4) return 0;
    size_t doc_size =
        (size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 | (size_t)data[3] << 24;
    cg_extraction *x = NULL;
    cg_error err;
    if (cgio_record_read((const char *)data + 4, size - 4, doc_size, &x, &err) != CG_OK) {
        sink += strlen(err.text);
        return 0;
    }
    if (!cgr_quoted(x)) abort(); /* a record carries its quotes */
    for (size_t i = 0; i < cg_extraction_count(x); i++) {
        const char *t = cgr_ref_text(x, i);
        if (!t) abort();
        sink += strlen(t) + strlen(cgr_quoted_line(x, cg_extraction_reference(x, i)->line));
    }
    const cg_defect *defects;
    for (size_t i = 0, n = cg_extraction_defects(x, &defects); i < n; i++) {
        const char *t = cgr_defect_text(x, i);
        if (!t) abort();
        sink += strlen(t) + strlen(cgr_quoted_line(x, defects[i].line));
    }

    /* written again: a record that reads back, and writes the same bytes */
    cg_buf s = CG_BUF_INIT, again = CG_BUF_INIT;
    if (cgio_record_write(&s, x) != CG_OK) abort();
    cg_extraction *y = NULL;
    if (cgio_record_read(s.data, s.len, doc_size, &y, &err) != CG_OK) abort();
    if (cgio_record_write(&again, y) != CG_OK) abort();
    if (again.len != s.len || memcmp(again.data, s.data, s.len) != 0) abort();
    cg_extraction_free(y);
    cg_buf_release(&again);
    cg_buf_release(&s);

    cg_check *c = NULL;
    if (cg_check_new(&c, &err) == CG_OK) {
        if (cg_check_add_document(c, "doc.txt", NULL, x, &err) == CG_OK &&
            cg_check_run(c, &err) == CG_OK) {
            static const cg_check_format formats[] = {CG_CHECK_TEXT,  CG_CHECK_JSON,
                                                      CG_CHECK_SARIF, CG_CHECK_GITHUB,
                                                      CG_CHECK_JUNIT, CG_CHECK_MARKDOWN};
            for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
                cg_check_write(c, formats[f], CG_SEV_NOTE, f == 0, &s, NULL);
                sink += s.len;
                cg_buf_release(&s);
            }
            cg_check_write_baseline(c, &s, NULL);
            sink += s.len;
            cg_buf_release(&s);
        }
        cg_check_free(c);
    }
    cg_extraction_free(x);
    return 0;
}
