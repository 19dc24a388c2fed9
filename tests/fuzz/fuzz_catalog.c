/* fuzz_catalog.c - a catalog of documents: a TSV with a header row (DIP's
 * index.tsv) or DIP JSON records (an array, {"documents": [...]}, one
 * object, or one object per line), through cg_catalog_read(), the reader
 * that `graph --metadata` and `check --catalog` share, then through both of
 * those: cg_graph_add_catalog() (+ a graph with a document citing into it,
 * finished and written) and cg_check_add_catalog() (+ a check run).
 *
 * Besides crashes, leaks and undefined behaviour it checks resolve.h's
 * promises: every row names a document (rows that name none are passed
 * over), whose id formats and parses back to itself; cg_catalog_find()
 * gives a row for every id listed, and cg_catalog_covers() is true for it. */
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "citegraph/export.h"
#include "citegraph/graph.h"
#include "fuzz.h"

static volatile size_t sink;

static cg_extractor *extractor(void) {
    static cg_extractor *ex;
    if (!ex && cg_extractor_new(NULL, &ex, NULL) != CG_OK) abort();
    return ex;
}

static size_t len_or_0(const char *s) {
    return s ? strlen(s) : 0;
}

static void check_rows(const cg_catalog *cat) {
    for (size_t i = 0; i < cg_catalog_count(cat); i++) {
        const cg_catalog_entry *e = cg_catalog_entry_at(cat, i);
        if (!e || e->id.kind == CG_KIND_NONE) abort();
        cg_buf id = CG_BUF_INIT;
        if (cg_docid_append(&e->id, &id, NULL) != CG_OK) abort();
        cg_docid back;
        if (cg_docid_parse_kind(cg_docid_kind_name(&e->id), id.data, &back, NULL) != CG_OK ||
            !cg_docid_equal(&back, &e->id))
            abort();
        const cg_catalog_entry *last = cg_catalog_find(cat, &e->id);
        if (!last || !cg_docid_equal(&last->id, &e->id)) abort();
        if (!cg_catalog_covers(cat, &e->id)) abort();
        sink +=
            id.len + len_or_0(e->type) + len_or_0(e->date) + len_or_0(e->title) + len_or_0(e->file);
        cg_buf_release(&id);
    }
    if (cg_catalog_entry_at(cat, cg_catalog_count(cat))) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const cg_extractor *ex = extractor();
    const char *path = fuzz_write_tmpfile(data, size);
    if (!path) return 0;
    cg_error err;
    static const char doc[] = "Deutscher Bundestag Drucksache 21/126\n21. Wahlperiode\n"
                              "Vgl. BT-Drs. 19/5954 und BR-Drs. 103/1/25.\n";
    cg_input *in = NULL;
    cg_extraction *ext = NULL;
    if (cg_input_from_memory("doc.txt", doc, sizeof doc - 1, NULL, &in, NULL) != CG_OK ||
        cg_extract(ex, in, &ext, NULL) != CG_OK)
        abort();

    /* the reader */
    cg_catalog *cat = NULL;
    if (cg_catalog_new(&cat, &err) != CG_OK) abort();
    if (cg_catalog_read(cat, ex, path, &err) == CG_OK)
        check_rows(cat);
    else
        sink += strlen(err.text) + err.line;

    /* graph --metadata: the rows read fill the nodes they name */
    cg_graph *g = NULL;
    if (cg_graph_new(NULL, &g, &err) == CG_OK) {
        if (cg_graph_add_extraction(g, "doc.txt", ext, &err) == CG_OK &&
            cg_graph_add_catalog(g, cat, &err) == CG_OK && cg_graph_finish(g, &err) == CG_OK) {
            cg_buf s = CG_BUF_INIT;
            cg_graph_write_json(g, NULL, &s, NULL);
            sink += s.len + cg_graph_node_count(g);
            cg_buf_release(&s);
        }
        cg_graph_free(g);
    }
    cg_catalog_free(cat);

    /* check --catalog, with a document that cites into it */
    cg_check *c = NULL;
    if (cg_check_new(&c, &err) == CG_OK) {
        if (cg_check_add_catalog(c, ex, path, &err) == CG_OK &&
            cg_check_add_document(c, "doc.txt", in, ext, &err) == CG_OK &&
            cg_check_run(c, &err) == CG_OK) {
            cg_buf s = CG_BUF_INIT;
            cg_check_write(c, CG_CHECK_TEXT, CG_SEV_NOTE, true, &s, NULL);
            sink += s.len + cg_check_count(c);
            cg_buf_release(&s);
        }
        cg_check_free(c);
    }
    cg_extraction_free(ext);
    cg_input_free(in);
    return 0;
}
