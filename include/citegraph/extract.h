/* citegraph/extract.h - finding the references a document makes.
 *
 * A cg_extractor holds the compiled reference patterns. It is built once and
 * is immutable afterwards, so one extractor may serve any number of threads
 * calling cg_extract() at the same time (each call has its own match data).
 *
 * cg_extract() reads a cg_input, normalises its text (line breaks inside
 * references, end-of-line hyphenation, Unicode spaces and dashes, soft
 * hyphens), finds every reference, canonicalises it, and maps its position
 * back to the original bytes. The result owns all its strings.
 */
#ifndef CITEGRAPH_EXTRACT_H
#define CITEGRAPH_EXTRACT_H

#include <stddef.h>

#include "citegraph/error.h"
#include "citegraph/input.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cg_extractor cg_extractor;
typedef struct cg_extraction cg_extraction;

/** The kinds of reference the built-in grammar knows, with their canonical ids. */
#define CG_KIND_BT_DRUCKSACHE "bt_drucksache"                   /* BT-Drs. 19/5954 */
#define CG_KIND_BT_PLENARPROTOKOLL "bt_plenarprotokoll"         /* BT-PlPr. 21/6 */
#define CG_KIND_BT_AUSSCHUSSDRUCKSACHE "bt_ausschussdrucksache" /* BT-ADrs. 20(4)493 */
#define CG_KIND_BR_DRUCKSACHE "br_drucksache"                   /* BR-Drs. 103/1/25 */
#define CG_KIND_LANDTAG_DRUCKSACHE "landtag_drucksache"         /* LT-Drs. NW 17/8873 */
#define CG_KIND_EU_COUNCIL_DOC "eu_council_doc"                 /* ST 12545/18 */
#define CG_KIND_EU_COM_DOC "eu_com_doc"                         /* COM(2020) 72 */
#define CG_KIND_EU_LEGAL_ACT "eu_legal_act"                     /* CELEX:32018R1862 */
#define CG_KIND_URL "url"                                       /* https://... */
#define CG_KIND_INTERNAL "internal"                             /* # (a part of this document) */

typedef enum cg_relation {
    CG_REL_CITES = 0,  /* an ordinary citation */
    CG_REL_ANSWERS = 1 /* an Antwort naming the Anfrage it answers */
} cg_relation;

/** "cites" or "answers". */
CG_EXPORT const char *cg_relation_name(cg_relation rel);

/* Flags on a reference. */
#define CG_REF_AMBIGUOUS 0x1u /* the number could be read another way; `note` says how */
#define CG_REF_MALFORMED 0x2u /* the number is impossible for its kind; `note` says why */

/** One reference. Strings are owned by the cg_extraction. Positions are in
 * the original bytes of the input: `offset` and `length` in bytes, `line` and
 * `col` 1-based, `col` counted in characters. */
typedef struct cg_reference {
    const char *kind;        /* one of the CG_KIND_* names */
    const char *target;      /* canonical id, "#" for a part of this document */
    const char *locator;     /* "Frage 2", "S. 15", "Art. 43 Abs. 4", or NULL */
    const char *resolves_to; /* for a URL that encodes a document, its id; else NULL */
    const char *note;        /* why it is ambiguous or malformed; else NULL */
    cg_relation relation;
    unsigned flags;
    size_t offset;
    size_t length;
    size_t line;
    size_t col;
} cg_reference;

/** What the document says about itself in its header. Any field may be NULL. */
typedef struct cg_document_info {
    const char *id;     /* own canonical id from the header, e.g. "BT-Drs. 21/126" */
    const char *issuer; /* "BT", "BR" or "LT" when the header names the parliament */
    const char *type;   /* "Antwort", "Kleine Anfrage", "Empfehlungen der Ausschüsse", ... */
    const char *title;  /* the title as the header gives it, on one line */
    const char *date;   /* ISO 8601 date from the header, e.g. "2025-05-09" */
    const char *alias;  /* another id the header gives the same text, e.g. the
                           Bundestag number of a Bundesrat document */
} cg_document_info;

/** Options for cg_extractor_new(). Zero-initialise, then set what you need. */
typedef struct cg_extractor_options {
    /* Grammar files that add kinds or override built-in ones, applied in
     * order after the built-in grammar (see `citegraph grammar`). */
    const char *const *pattern_files;
    size_t n_pattern_files;
} cg_extractor_options;

/** Compiles the built-in reference grammar and any grammar files in `opts`
 * (with JIT where available), and checks every example the grammar gives.
 * `opts` may be NULL. The caller owns *out. A broken grammar file gives
 * CG_EPATTERN (or CG_EFORMAT, CG_EIO) with err->path, line and col pointing
 * at the fault. */
CG_EXPORT cg_status cg_extractor_new(const cg_extractor_options *opts, cg_extractor **out,
                                     cg_error *err);
CG_EXPORT void cg_extractor_free(cg_extractor *ex);

/** The built-in grammar file, as compiled into the library (static). */
CG_EXPORT const char *cg_builtin_grammar_text(size_t *len);
/** How many examples and counter-examples of the grammar were checked. */
CG_EXPORT size_t cg_extractor_examples_checked(const cg_extractor *ex);

/** Extracts the references of `input`. Safe to call concurrently with the
 * same extractor. The result is ordered by offset and owned by the caller.
 * Fails only for CG_ENOMEM or CG_ELIMIT (a pattern hit its match limit). */
CG_EXPORT cg_status cg_extract(const cg_extractor *ex, const cg_input *input,
                               cg_extraction **out, cg_error *err);
CG_EXPORT void cg_extraction_free(cg_extraction *ext);

CG_EXPORT const cg_document_info *cg_extraction_document(const cg_extraction *ext);
CG_EXPORT size_t cg_extraction_count(const cg_extraction *ext);
CG_EXPORT const cg_reference *cg_extraction_reference(const cg_extraction *ext, size_t i);
/** The questions of an Anfrage or Antwort, as labels "1", "1a", "1b", "2",
 * in order (numbered questions count only in sequence, lettered ones belong
 * to the question before them); 0 for other documents. Borrowed. */
CG_EXPORT size_t cg_extraction_questions(const cg_extraction *ext, const char *const **labels);

/** Something that looks like a reference but cannot be one: a Bundestag or
 * Bundesrat keyword with no number after it ("BT-Drs. …]"). */
typedef struct cg_defect {
    size_t offset, length, line, col;
    const char *message; /* static */
} cg_defect;

/** The defects found, in order. Borrowed. */
CG_EXPORT size_t cg_extraction_defects(const cg_extraction *ext, const cg_defect **defects);

/** Keeps in `ext` what the check quotes of the document it was extracted
 * from: the text of each reference and defect and the lines they start on
 * (up to a NUL byte each). Then the extraction can be checked, and cached
 * with cg_extraction_to_record(), without the document's bytes. */
CG_EXPORT cg_status cg_extraction_keep_quotes(cg_extraction *ext, const cg_input *input);

/** Canonicalises a document id written in any spelling the extractor
 * understands ("19/5954", "Drs. 19/5954", "BR-Drucksache 103/1/25",
 * "KOM(2008) 123 endg.") into a new string the caller frees. Returns NULL
 * if the text is not one reference. A bare "N/M" is read as a Bundestag
 * Drucksache when it can be one. */
CG_EXPORT char *cg_canonical_id(const cg_extractor *ex, const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
