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

static cg_status resolve(const cgx_result *raw, cg_extraction *ext) {
    ext->info.id = raw->header.id;
    ext->info.alias = raw->header.alias;
    ext->info.type = raw->header.type;
    ext->info.title = raw->header.title;
    ext->info.date = raw->header.date;
    ext->questions = raw->questions;
    ext->nquestions = raw->nquestions;
    ext->defects = raw->defects;
    ext->ndefects = raw->ndefects;
    ext->nrefs = raw->ncitations;
    ext->refs = ext->nrefs ? cgu_arena_alloc(&ext->arena, ext->nrefs * sizeof *ext->refs) : NULL;
    if (ext->nrefs && !ext->refs) return CG_ENOMEM;
    for (size_t i = 0; i < raw->ncitations; i++) {
        const cgx_citation *c = &raw->citations[i];
        cg_reference *r = &ext->refs[i];
        *r = c->ref;
        if (r->target.kind == CG_KIND_NONE)
            cgr_read_drucksache(&c->drs, &raw->header.id, &r->target, &r->flags, &r->note);
        cgr_pdf_address(&c->pdf, &r->resolves_to);
    }
    return CG_OK;
}

cg_status cg_extract(const cg_extractor *ex, const cg_input *input, cg_extraction **out,
                     cg_error *err) {
    *out = NULL;
    cg_extraction *ext = cgr_extraction_new();
    if (!ext) return cgu_error(err, CG_ENOMEM, cg_input_name(input), 0, 0, NULL);
    cgx_result raw;
    cg_status st = cgx_extract(ex, input, &ext->arena, &raw, err);
    if (st == CG_OK && (st = resolve(&raw, ext)) != CG_OK)
        cgu_error(err, st, cg_input_name(input), 0, 0, NULL);
    cgx_result_release(&raw);
    if (st != CG_OK) {
        cg_extraction_free(ext);
        return st;
    }
    *out = ext;
    return CG_OK;
}
