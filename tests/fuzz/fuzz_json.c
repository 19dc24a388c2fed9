/* fuzz_json.c - the JSON the library reads besides catalogs: a `check`
 * config file (cg_check_load_config), a `check` baseline
 * (cg_check_load_baseline), and the JSON Lines of `citegraph extract` read
 * with cg_jsonl_read() (serialize.h), whose callback hands each document's
 * extraction to two graphs (cg_graph_add_extraction, or
 * cg_graph_add_references for reference lines without their document
 * line; one graph with the default options, one with question nodes and
 * URLs), writes it as JSON Lines again, and adds it to a check with the
 * input itself as the document's text (the positions the lines give need
 * not fit it). The graphs are finished and written in every
 * format and as graph_json.h's objects; the check is run and written. The
 * same input goes to all of them. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "citegraph/export.h"
#include "citegraph/graph.h"
#include "citegraph/graph_json.h"
#include "fuzz.h"

static volatile size_t sink;

typedef struct reader {
    cg_graph *g[2];
    cg_check *check;
    const cg_input *doc;
    cg_buf lines;
    size_t documents;
} reader;

static int take(void *ctx, const char *file, const cg_extraction *ext, bool has_document_line) {
    reader *r = ctx;
    cg_error err;
    if (!file || !ext) abort();
    r->documents++;
    for (int i = 0; i < 2; i++) {
        if (!r->g[i]) continue;
        cg_status st = has_document_line ? cg_graph_add_extraction(r->g[i], file, ext, &err)
                                         : cg_graph_add_references(r->g[i], file, ext, &err);
        if (st != CG_OK) return 1;
    }
    /* written again, without the text of the document it came from */
    if (cg_jsonl_write_document(&r->lines, file, NULL, ext, NULL, NULL) != CG_OK) return 1;
    if (has_document_line && r->check) {
        cg_status st = cg_check_add_document(r->check, file, r->doc, ext, &err);
        /* an extraction that does not fit the document is CG_EINVAL, and leaves the
         * check as it was; inputs this small never exhaust memory */
        if (st == CG_ENOMEM) abort();
        if (st != CG_OK) sink += strlen(err.text);
    }
    return 0;
}

static void write_graph(cg_graph *g) {
    cg_error err;
    if (cg_graph_finish(g, &err) != CG_OK) {
        sink += strlen(err.text);
        return;
    }
    cg_buf s = CG_BUF_INIT, t = CG_BUF_INIT;
    cg_graph_write_json(g, NULL, &s, NULL);
    cg_graph_write_dot(g, NULL, &s, NULL);
    cg_graph_write_csv(g, NULL, &s, &t, NULL);
    cg_graph_write_graphml(g, NULL, &s, NULL);
    sink += s.len + t.len;
    cg_buf_release(&s);
    cg_buf_release(&t);
    for (size_t i = 0; i < cg_graph_node_count(g); i++) {
        json_t *j = cg_graph_node_json(g, i, NULL);
        sink += json_object_size(j);
        json_decref(j);
    }
    for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
        json_t *j = cg_graph_edge_json(g, i, NULL);
        sink += json_object_size(j);
        json_decref(j);
    }
    cg_graph_stats st;
    if (cg_graph_stats_get(g, &st, NULL) == CG_OK) sink += st.cycles;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cg_error err;
    const char *path = fuzz_write_tmpfile(data, size);
    if (path) {
        cg_check *c = NULL;
        if (cg_check_new(&c, &err) == CG_OK) {
            if (cg_check_load_config(c, path, &err) != CG_OK) sink += strlen(err.text);
            if (cg_check_load_baseline(c, path, &err) != CG_OK) sink += strlen(err.text);
            if (cg_check_run(c, &err) == CG_OK) {
                cg_buf s = CG_BUF_INIT;
                cg_check_write(c, CG_CHECK_JSON, CG_SEV_NOTE, false, &s, NULL);
                cg_check_write_baseline(c, &s, NULL);
                sink += s.len;
                cg_buf_release(&s);
            }
            cg_check_free(c);
        }
    }

    /* JSON Lines into graphs and a check; the check quotes the input itself */
    cg_input *in = NULL;
    if (cg_input_from_memory("doc.txt", data, size, NULL, &in, NULL) != CG_OK) return 0;
    reader r = {{NULL, NULL}, NULL, in, CG_BUF_INIT, 0};
    cg_graph_options with_all = {.questions = true, .urls = true, .quotes = true};
    if (cg_graph_new(NULL, &r.g[0], &err) != CG_OK) r.g[0] = NULL;
    if (cg_graph_new(&with_all, &r.g[1], &err) != CG_OK) r.g[1] = NULL;
    if (cg_check_new(&r.check, &err) != CG_OK) r.check = NULL;
    sink += cg_jsonl_recognise((const char *)data, size); /* what graph commands look at first */
    cg_status st = cg_jsonl_read("fuzz.jsonl", (const char *)data, size, 1, take, &r, &err);
    if (st != CG_OK) sink += strlen(err.text) + strlen(err.path) + err.line;
    for (int i = 0; i < 2; i++) {
        if (r.g[i]) write_graph(r.g[i]);
        cg_graph_free(r.g[i]);
    }
    if (r.check && cg_check_run(r.check, &err) == CG_OK) {
        cg_buf s = CG_BUF_INIT;
        cg_check_write(r.check, CG_CHECK_SARIF, CG_SEV_NOTE, false, &s, NULL);
        cg_check_write(r.check, CG_CHECK_TEXT, CG_SEV_NOTE, true, &s, NULL);
        sink += s.len + cg_check_count(r.check);
        cg_buf_release(&s);
    }
    cg_check_free(r.check);
    sink += r.lines.len + r.documents;
    cg_buf_release(&r.lines);
    cg_input_free(in);
    return 0;
}
