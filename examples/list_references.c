/* list_references.c - the library in a few lines: read a file, extract its
 * references, print "line:col kind target [locator]" for each.
 *
 *   cc list_references.c $(pkg-config --cflags --libs citegraph) -o list_references
 *   ./list_references document.txt
 */
#include <stdio.h>

#include "citegraph/citegraph.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    cg_extractor *ex = NULL;
    cg_input *in = NULL;
    cg_extraction *refs = NULL;
    cg_error err;
    int rc = 1;
    if (cg_extractor_new(NULL, &ex, &err) != CG_OK ||
        cg_input_read_file(argv[1], NULL, &in, &err) != CG_OK ||
        cg_extract(ex, in, &refs, &err) != CG_OK) {
        fprintf(stderr, "%s: %s\n", err.path[0] ? err.path : argv[1], err.text);
        goto out;
    }
    char id[256];
    const cg_document_info *doc = cg_extraction_document(refs);
    if (doc->id.kind != CG_KIND_NONE) cg_docid_format(&doc->id, id, sizeof id);
    printf("document: %s\n", doc->id.kind != CG_KIND_NONE ? id : "(no number in its header)");
    for (size_t i = 0; i < cg_extraction_count(refs); i++) {
        const cg_reference *r = cg_extraction_reference(refs, i);
        cg_docid_format(&r->target, id, sizeof id); /* cut at 255 bytes: enough here */
        const char *loc = r->locator.text;
        printf("%zu:%zu %s %s%s%s%s\n", r->line, r->col, cg_docid_kind_name(&r->target), id,
               loc ? " [" : "", loc ? loc : "", loc ? "]" : "");
    }
    rc = 0;
out:
    cg_extraction_free(refs);
    cg_input_free(in);
    cg_extractor_free(ex);
    return rc;
}
