/* fuzz_packed.c - the packed output of `citegraph extract --format packed`
 * read back with cg_packed_read() (src/io/packed.c: frames with a length
 * and a checksum; the checksums of the kept corpus are right, so that the
 * fuzzer reaches the fields, and mutations that keep a checksum right are
 * what it looks for). Every document handed on goes into a graph, which is
 * finished and written as JSON, and is written packed again; that packed
 * file must read back into as many documents and references and, written
 * once more, give the same bytes. */
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "citegraph/export.h"
#include "citegraph/graph.h"
#include "fuzz.h"

typedef struct seen {
    cg_graph *g;
    cg_buf out;
    size_t docs, refs;
} seen;

static int take(void *ctx, const char *file, const cg_extraction *ext, bool has_document_line) {
    seen *s = ctx;
    if (!has_document_line) abort(); /* packed files always carry the document */
    for (size_t i = 0; i < cg_extraction_count(ext); i++)
        if (cg_extraction_reference(ext, i)->target.kind == CG_KIND_NONE) abort();
    s->docs++;
    s->refs += cg_extraction_count(ext);
    if (cg_graph_add_extraction(s->g, file, ext, NULL) != CG_OK) return 1;
    if (cg_packed_write_document(&s->out, file, NULL, ext, NULL, NULL) != CG_OK) abort();
    return 0;
}

/* Reads `data` into a new graph and a packed file of what was read. */
static cg_status read_all(const char *data, size_t len, int jobs, seen *s) {
    memset(s, 0, sizeof *s);
    cg_buf_init(&s->out);
    if (cg_graph_new(NULL, &s->g, NULL) != CG_OK) abort();
    if (cg_packed_write_header(&s->out, NULL) != CG_OK) abort();
    cg_error err;
    cg_status st = cg_packed_read("fuzz.cgpack", data, len, jobs, take, s, &err);
    if (st != CG_OK && !err.text[0]) abort(); /* every failure says why */
    if (cg_packed_write_summary(&s->out, s->docs, 0, s->refs, 0, NULL) != CG_OK) abort();
    return st;
}

static void release(seen *s) {
    cg_graph_free(s->g);
    cg_buf_release(&s->out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    seen a;
    read_all((const char *)data, size, 1, &a);
    cg_buf json = CG_BUF_INIT;
    if (cg_graph_finish(a.g, NULL) == CG_OK) cg_graph_write_json(a.g, NULL, &json, NULL);
    cg_buf_release(&json);

    /* what was read, written again: reads back whole and writes the same bytes */
    seen b, c;
    if (read_all(a.out.data, a.out.len, 2, &b) != CG_OK) abort();
    if (b.docs != a.docs || b.refs != a.refs) abort();
    if (read_all(b.out.data, b.out.len, 1, &c) != CG_OK) abort();
    if (c.out.len != b.out.len || memcmp(c.out.data, b.out.data, b.out.len) != 0) abort();
    release(&a);
    release(&b);
    release(&c);
    return 0;
}
