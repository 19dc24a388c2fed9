/* readings.h - whose is a Drucksache number, and which document a
 * Bundestag PDF address names: the decisions of the resolve stage about a
 * single reference. */
#ifndef CG_RESOLVE_READINGS_H
#define CG_RESOLVE_READINGS_H

#include "citegraph/docid.h"
#include "extract/citation.h"

/* The document a Drucksache number read as `d` names, in a document whose
 * own id is `own` (its parliament decides a number no other evidence
 * does). Sets *id, and CG_REF_AMBIGUOUS or CG_REF_MALFORMED in *flags with
 * the reason in *note (static), as the number and its evidence warrant. */
void cgr_read_drucksache(const cgx_drucksache *d, const cg_docid *own, cg_docid *id,
                         unsigned *flags, const char **note);

/* The document a Bundestag PDF address names; false when it names none. */
bool cgr_pdf_address(const cgx_pdf_address *a, cg_docid *id);

#endif
