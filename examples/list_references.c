/* list_references.c - the library in twenty lines: read a file, extract its
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
    if (cg_extractor_new(NULL, &ex, &err) != CG_OK || cg_input_read_file(argv[1], NULL, &in, &err) != CG_OK ||
        cg_extract(ex, in, &refs, &err) != CG_OK) {
        fprintf(stderr, "%s: %s\n", err.path[0] ? err.path : argv[1], err.text);
        goto out;
    }
    const cg_document_info *doc = cg_extraction_document(refs);
    printf("document: %s\n", doc->id ? doc->id : "(no number in its header)");
    for (size_t i = 0; i < cg_extraction_count(refs); i++) {
        const cg_reference *r = cg_extraction_reference(refs, i);
        printf("%zu:%zu %s %s%s%s%s\n", r->line, r->col, r->kind, r->target,
               r->locator ? " [" : "", r->locator ? r->locator : "", r->locator ? "]" : "");
    }
    rc = 0;
out:
    cg_extraction_free(refs);
    cg_input_free(in);
    cg_extractor_free(ex);
    return rc;
}
