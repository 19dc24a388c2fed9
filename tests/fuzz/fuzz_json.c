/* fuzz_json.c - the other JSON the library reads: a `check` config file
 * (cg_check_load_config), a `check` baseline (cg_check_load_baseline) and
 * the JSON Lines of `citegraph extract` merged into a graph
 * (cg_graph_add_jsonl), and a `check --cache` record read back
 * (cg_extraction_from_json), checked against a small document and without
 * one. The same input goes to all four. */
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "fuzz.h"

static volatile size_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cg_error err;
    const char *path = fuzz_write_tmpfile(data, size);
    if (path) {
        cg_check *c = NULL;
        if (cg_check_new(&c) == CG_OK) {
            if (cg_check_load_config(c, path, &err) != CG_OK) sink += strlen(err.text);
            if (cg_check_load_baseline(c, path, &err) != CG_OK) sink += strlen(err.text);
            if (cg_check_run(c, &err) == CG_OK) {
                cg_string s = {0};
                cg_check_write(c, CG_CHECK_JSON, CG_SEV_NOTE, 0, &s);
                cg_check_write_baseline(c, &s);
                cg_string_release(&s);
            }
            cg_check_free(c);
        }
    }
    cg_graph *g = NULL;
    if (cg_graph_new(NULL, &g) == CG_OK) {
        if (cg_graph_add_jsonl(g, "fuzz.jsonl", (const char *)data, size, &err) == CG_OK &&
            cg_graph_finish(g, &err) == CG_OK) {
            cg_string s = {0};
            cg_graph_write_json(g, NULL, &s);
            cg_string_release(&s);
            sink += cg_graph_edge_count(g);
        } else {
            sink += strlen(err.text);
        }
        cg_graph_free(g);
    }
    /* a cache record: whatever is accepted must be usable, and written again */
    static const char doc[] = "Siehe Drucksache 19/5954, Antwort zu Frage 2.\nUnd COM(2020) 72.\n";
    cg_input *in = NULL;
    if (cg_input_from_memory("doc.txt", doc, sizeof doc - 1, NULL, &in, NULL) == CG_OK) {
        for (int with_input = 0; with_input < 2; with_input++) {
            cg_extraction *x = NULL;
            if (cg_extraction_from_json((const char *)data, size, with_input ? in : NULL, &x,
                                        &err) != CG_OK) {
                sink += strlen(err.text);
                continue;
            }
            cg_string s = {0};
            cg_extraction_to_json(&s, x);
            if (with_input) cg_write_jsonl(&s, "doc.txt", in, x, NULL);
            cg_string_release(&s);
            cg_extraction_free(x);
        }
        cg_input_free(in);
    }
    return 0;
}
