/* fuzz_grammar.c - a user grammar file (`--patterns FILE`).
 *
 * The input is parsed as a grammar on its own (the parser, {{NAME}}
 * expansion and templates), then loaded after the built-in grammar as
 * cg_extractor_new() loads --patterns files (compilation, the examples
 * check); an extractor that compiles is run on a short document and on the
 * grammar text itself, so that user patterns and templates meet text:
 * every id it finds (a user kind's from its template) must format and
 * parse back to itself, as docid.h promises. */
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "extract/grammar.h"
#include "fuzz.h"

static volatile size_t sink;

static const char sample[] =
    "Deutscher Bundestag Drucksache 21/126\n21. Wahlperiode 09.05.2025\n"
    "Antwort der Bundesregierung auf die Kleine Anfrage (Drucksache 21/18).\n"
    "Vgl. BT-Drs. 19/5954, BR-Drs. 103/1/25, COM(2020) 72, § 5 UrhG, Art. 10 GG,\n"
    "https://dserver.bundestag.de/btd/21/001/2100126.pdf und Frage 2.\n";

static void run(const cg_extractor *ex, const char *text, size_t len) {
    cg_input *in = NULL;
    if (cg_input_from_memory("doc.txt", text, len, NULL, &in, NULL) != CG_OK) return;
    cg_extraction *ext = NULL;
    if (cg_extract(ex, in, &ext, NULL) == CG_OK) {
        for (size_t i = 0; i < cg_extraction_count(ext); i++) {
            const cg_reference *r = cg_extraction_reference(ext, i);
            if (r->target.kind == CG_KIND_NONE) abort();
            /* a user kind's id and locator come from its templates: they
             * must format, and read back as JSON Lines read them */
            cg_buf id = CG_BUF_INIT;
            if (cg_docid_append(&r->target, &id, NULL) != CG_OK) abort();
            cg_docid back;
            if (cg_docid_parse_kind(cg_docid_kind_name(&r->target), id.data, &back, NULL) !=
                    CG_OK ||
                !cg_docid_equal(&back, &r->target))
                abort();
            sink += id.len + strlen(cg_docid_kind_name(&r->target)) +
                    (r->locator.text ? strlen(r->locator.text) : 0) + r->locator.nquestions;
            cg_buf_release(&id);
            if (r->offset > len || r->length > len - r->offset) abort();
        }
        cg_extraction_free(ext);
    }
    cg_input_free(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 65536) return 0;
    /* The parser, expansion and templates alone. */
    cgg_grammar g;
    memset(&g, 0, sizeof g);
    cg_error err;
    if (cgg_parse(&g, "fuzz.cgg", (const char *)data, size, &err) == CG_OK) {
        for (size_t i = 0; i < g.nsections; i++) {
            const cgg_section *s = &g.sections[i];
            sink += cgg_find(&g, s->name) != NULL;
            cgg_value v;
            if (s->pattern.text && cgg_expand(&g, &s->pattern, &v, &err) == CG_OK)
                cgg_value_release(&v);
            cgg_template t; /* as compile.c does: only templates that are given */
            if (s->id.len && cgg_template_parse(&s->id, &t, &err) == CG_OK)
                cgg_template_release(&t);
            if (s->locator.len && cgg_template_parse(&s->locator, &t, &err) == CG_OK)
                cgg_template_release(&t);
        }
    } else {
        sink += strlen(err.text) + err.line + err.col;
    }
    cgg_release(&g);

    /* The whole way, as --patterns FILE. */
    const char *path = fuzz_write_tmpfile(data, size);
    if (!path) return 0;
    cg_extractor_options opts = {&path, 1};
    cg_extractor *ex = NULL;
    if (cg_extractor_new(&opts, &ex, &err) != CG_OK) {
        sink += strlen(err.text) + strlen(err.path) + err.line + err.col;
        return 0;
    }
    sink += cg_extractor_examples_checked(ex);
    run(ex, sample, sizeof sample - 1);
    run(ex, (const char *)data, size);
    cg_docid id;
    cg_buf storage = CG_BUF_INIT;
    if (cg_resolve_text(ex, "Drs. 19/5954", &id, &storage, NULL) == CG_OK) sink += storage.len;
    cg_buf_release(&storage);
    cg_extractor_free(ex);
    return 0;
}
