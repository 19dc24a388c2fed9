/* fuzz_catalog.c - a catalog of documents: a TSV with a header row (DIP's
 * index.tsv) or DIP JSON records (an array, {"documents": [...]}, one
 * object, or one object per line), through the reader that
 * `graph --metadata` and `check --catalog` share, then through both of
 * those public entry points. */
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "corpus/catalog.h"
#include "fuzz.h"

static volatile size_t sink;

static cg_extractor *extractor(void) {
    static cg_extractor *ex;
    if (!ex && cg_extractor_new(NULL, &ex, NULL) != CG_OK) abort();
    return ex;
}

static cg_status row(void *ctx, const char *id, const char *type, const char *date,
                     const char *title, const char *file) {
    (void)ctx;
    if (!id) abort(); /* catalog.h: always a canonical id */
    sink += strlen(id) + (type ? strlen(type) : 0) + (date ? strlen(date) : 0) +
            (title ? strlen(title) : 0) + (file ? strlen(file) : 0);
    return CG_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const cg_extractor *ex = extractor();
    const char *path = fuzz_write_tmpfile(data, size);
    if (!path) return 0;
    cg_error err;
    if (cgu_read_catalog(path, ex, row, NULL, &err) != CG_OK) sink += strlen(err.text) + err.line;

    /* check --catalog, with a document that cites into it. */
    cg_check *c = NULL;
    if (cg_check_new(&c) == CG_OK) {
        if (cg_check_add_catalog(c, ex, path, &err) == CG_OK) {
            static const char doc[] = "Vgl. BT-Drs. 19/5954 und BR-Drs. 103/1/25.\n";
            cg_input *in = NULL;
            cg_extraction *ext = NULL;
            if (cg_input_from_memory("doc.txt", doc, sizeof doc - 1, NULL, &in, NULL) == CG_OK &&
                cg_extract(ex, in, &ext, NULL) == CG_OK &&
                cg_check_add_document(c, "doc.txt", in, ext) == CG_OK &&
                cg_check_run(c, &err) == CG_OK)
                sink += cg_check_count(c);
            cg_extraction_free(ext);
            cg_input_free(in);
        }
        cg_check_free(c);
    }

    /* graph --metadata */
    cg_graph *g = NULL;
    if (cg_graph_new(NULL, &g) == CG_OK) {
        if (cg_graph_add_metadata(g, ex, path, &err) == CG_OK && cg_graph_finish(g, &err) == CG_OK)
            sink += cg_graph_node_count(g);
        cg_graph_free(g);
    }
    return 0;
}
