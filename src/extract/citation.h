/* citation.h - what the extraction stage hands to the resolve stage.
 *
 * Extraction finds references in the text and reads them: spans, numbers,
 * keywords, locators, relations. Most numbers name their document outright
 * (a Plenarprotokoll, a Council document, an EU act), and extraction gives
 * them their cg_docid. A bare "Drucksache 21/22" does not: it could be the
 * Bundestag's, the Bundesrat's or a Landtag's. For those, extraction keeps
 * the number as read and the evidence around it (cgx_drucksache), and the
 * resolve stage chooses the reading; likewise a Bundestag PDF address keeps
 * the parts of its path (cgx_pdf_address) for the resolver to turn into the
 * document it names. Everything here lives in the result's arena. */
#ifndef CG_EXTRACT_CITATION_H
#define CG_EXTRACT_CITATION_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/extract.h"
#include "util/util.h"

/* A Drucksache number as read: [zu ]A[/K]/B[(B)][(neu)][(n)]. */
typedef struct cgx_drucksache {
    cg_issuer keyword;  /* the parliament the keyword names: CG_ISSUER_BT (BT-Drs.,
                           Bundestagsdrucksache), _BR (BR-Drs., Bundesratsdrucksache), _LT
                           (Landtagsdrucksache), or CG_ISSUER_NONE */
    cg_issuer context;  /* a parliament named just before a plain keyword: CG_ISSUER_BT, _BR,
                           _LT, or CG_ISSUER_NONE */
    const char *state;  /* the state of a Landtag keyword or context ("NW"), or NULL */
    unsigned long a, b; /* the numbers before and after the (last) slash */
    int a_digits, b_digits;
    unsigned k;       /* the middle number of A/K/B, 0 if none */
    unsigned flags;   /* CG_DOCID_ZU, CG_DOCID_BESCHLUSS, CG_DOCID_NEU as written */
    unsigned version; /* n of a "(n)" suffix, 0 if none */
} cgx_drucksache;

/* The path of a Bundestag PDF address: btd/WP/.../NUM.pdf or btp/WP/NUM.pdf. */
typedef struct cgx_pdf_address {
    char type; /* 'd' a Drucksache, 'p' a Plenarprotokoll, 0: not such an address */
    unsigned wp;
    unsigned long whole; /* the file name's number, which may repeat the Wahlperiode */
    int digits;
} cgx_pdf_address;

/* The evidence the resolver completes reference i from (cgx_result): the
 * number of a Drucksache as written, when `refs[i].target.kind` is still
 * CG_KIND_NONE, and the Bundestag PDF address a URL may be. */
typedef struct cgx_evidence {
    cgx_drucksache drs;
    cgx_pdf_address pdf;
} cgx_evidence;

/* The result of the extraction stage of one document. Every string and
 * array in it lives in the caller's arena, but `refs` and `evidence`. */
typedef struct cgx_result {
    cg_document_info header; /* what the header says, as extraction read it */
    cg_question *questions;  /* the numbered questions of an Anfrage or Antwort */
    size_t nquestions;
    cg_defect *defects;
    size_t ndefects;
    cg_answer *answers; /* an Antwort's answers (answers.c) */
    size_t nanswers;
    /* The references in order of position, as far as extraction can tell:
     * their positions in the original bytes, locators and relations; `note`
     * and CG_REF_MALFORMED where the text alone shows a number malformed.
     * `refs` and `evidence` are malloc'd, not in the arena: the resolver
     * completes `refs` in place and takes them (a document of 400,000
     * references is not copied); cgx_result_release() frees the rest. */
    cg_reference *refs;
    cgx_evidence *evidence;
    size_t nrefs;
} cgx_result;

/* Extracts the references of `input` into `out`, allocating in `arena`.
 * Fails only for CG_ENOMEM or CG_ELIMIT (a pattern hit its match limit).
 * Release `out` with cgx_result_release() in any case. */
cg_status cgx_extract(const cg_extractor *ex, const cg_input *input, cgu_arena *arena,
                      cgx_result *out, cg_error *err);
void cgx_result_release(cgx_result *r);

#endif
