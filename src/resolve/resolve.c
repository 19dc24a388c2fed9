/* resolve.c - cg_extract(): the per-document stages, extraction then
 * resolution, into the public cg_extraction.
 *
 * Extraction (src/extract) reads the references out of the text; this stage
 * identifies what each points at: the parliament of a Drucksache number
 * (readings.c), the document a Bundestag PDF address names. The result
 * owns everything in one arena. */
#include <string.h>

#include "extract/citation.h"
#include "extraction.h"
#include "readings.h"

/* Completes the references of `raw` and moves everything into `ext`. */
static void resolve(cgx_result *raw, cg_extraction *ext) {
    ext->info = raw->header;
    ext->questions = raw->questions;
    ext->nquestions = raw->nquestions;
    ext->defects = raw->defects;
    ext->ndefects = raw->ndefects;
    ext->answers = raw->answers;
    ext->nanswers = raw->nanswers;
    for (size_t i = 0; i < raw->nrefs; i++) {
        cg_reference *r = &raw->refs[i];
        const cgx_evidence *e = &raw->evidence[i];
        if (r->target.kind == CG_KIND_NONE)
            cgr_read_drucksache(&e->drs, &raw->header.id, &r->target, &r->flags, &r->note);
        cgr_pdf_address(&e->pdf, &r->resolves_to);
    }
    /* taken, not copied */
    ext->refs = ext->heap_refs = raw->refs;
    ext->nrefs = raw->nrefs;
    raw->refs = NULL;
    raw->nrefs = 0;
}

cg_status cg_extract(const cg_extractor *ex, const cg_input *input, cg_extraction **out,
                     cg_error *err) {
    *out = NULL;
    cg_extraction *ext = cgr_extraction_new();
    if (!ext) return cgu_error(err, CG_ENOMEM, cg_input_name(input), 0, 0, NULL);
    cgx_result raw;
    cg_status st = cgx_extract(ex, input, &ext->arena, &raw, err);
    if (st == CG_OK) resolve(&raw, ext);
    cgx_result_release(&raw);
    if (st != CG_OK) {
        cg_extraction_free(ext);
        return st;
    }
    *out = ext;
    return CG_OK;
}
