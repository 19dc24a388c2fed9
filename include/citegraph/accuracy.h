/* citegraph/accuracy.h - the extractor measured against a gold set.
 *
 * A gold file lists every reference a careful reader finds in a document,
 * one row each: line, kind, target, locator, relation, tab-separated (the
 * columns of `citegraph extract --format tsv` without the file; '#' lines
 * are comments, a first line "line\t..." is a header). An extracted
 * reference matches a gold row when line, kind and target agree; each row
 * matches at most once, preferring a row whose locator agrees too. On
 * matched rows the locator and the relation are compared.
 */
#ifndef CITEGRAPH_ACCURACY_H
#define CITEGRAPH_ACCURACY_H

#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/error.h"
#include "citegraph/extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cg_accuracy cg_accuracy;

/** A new, empty measurement; the caller frees it with cg_accuracy_free(). */
CG_EXPORT cg_status cg_accuracy_new(cg_accuracy **out, cg_error *err);
/** NULL is allowed. */
CG_EXPORT void cg_accuracy_free(cg_accuracy *a);

/** Compares the extraction of one document (`input` read as `name`) with
 * the gold file at `gold_path`, and adds the outcome. CG_EIO when the gold
 * file cannot be read, CG_EFORMAT (err->line set) for a malformed row,
 * CG_ENOMEM. */
CG_EXPORT cg_status cg_accuracy_add(cg_accuracy *a, const char *name, const char *gold_path,
                                    const cg_input *input, const cg_extraction *ext, cg_error *err);

/** Counts for one kind (or "overall"). */
typedef struct cg_tally {
    const char *kind;
    size_t gold, found, tp; /* gold rows, references found, matches */
} cg_tally;

/** What went wrong, in the order found: per document the locator and
 * relation mismatches, then the missed gold rows, then the references no
 * gold row has. */
typedef enum cg_mismatch_kind {
    CG_MISMATCH_LOCATOR = 0,    /* matched, but the locator differs */
    CG_MISMATCH_RELATION = 1,   /* matched, but the relation differs */
    CG_MISMATCH_MISSED = 2,     /* a gold row nothing matched (false negative) */
    CG_MISMATCH_EXTRA = 3,      /* a reference no gold row has (false positive) */
    CG_MISMATCH_TITLE = 4,      /* metadata: the title differs (`expected`, `found`) */
    CG_MISMATCH_AUTHORS = 5,    /* metadata: the authors differ ("ROLE:NAME | ...") */
    CG_MISMATCH_TYPE = 6,       /* metadata: the document type differs */
    CG_MISMATCH_UNREADABLE = 7, /* metadata: a gold row's document could not be read or
                                  extracted; `expected` says why */
    CG_MISMATCH_ANSWER = 8      /* answers: question `target` is answered otherwise (`found`,
                                   "none" when no answer names it) than the gold says
                                   (`expected`); `line` is the gold file's */
} cg_mismatch_kind;

typedef struct cg_mismatch {
    cg_mismatch_kind what;
    const char *document;
    size_t line;
    bool page; /* `line` is a page: the gold file of a PDF is by page */
    const char *kind, *target;
    const char *locator;   /* as found (LOCATOR, EXTRA) or as in the gold (MISSED); "" if none */
    const char *expected;  /* LOCATOR, RELATION: the gold's; RELATION's found is `found` */
    const char *found;     /* RELATION: the relation found */
    const char *line_text; /* MISSED, EXTRA: the line, trimmed, at most 110 bytes */
} cg_mismatch;

/** Compares the document metadata the extractor reads from each document's header with a
 * metadata gold file: TSV with a header row naming at least the columns `file`, `type`,
 * `title` and `urheber` (`urheber` as "ROLE:NAME | ROLE:NAME", ROLE "urheber", "ressort" or
 * "fragesteller"; other columns are ignored). Each row's document is read from
 * `docs_dir`/FILE. Titles are compared with white space runs folded to one space, authors
 * exactly (roles and order included), types exactly. A document that cannot be read or
 * extracted is counted as wrong and recorded as a CG_MISMATCH_UNREADABLE naming the gold file
 * and its line; the other rows go on. CG_EIO when the gold file cannot be read, CG_EFORMAT
 * (err->line set) for a missing column, CG_ENOMEM. */
CG_EXPORT cg_status cg_accuracy_add_metadata(cg_accuracy *a, const char *gold_path,
                                             const char *docs_dir, const cg_extractor *ex,
                                             cg_error *err);

/** Metadata figures: documents compared, and those whose title, authors and type agree. */
typedef struct cg_metadata_tally {
    size_t documents, titles_ok, authors_ok, types_ok;
} cg_metadata_tally;

/** The metadata figures so far. */
CG_EXPORT cg_metadata_tally cg_accuracy_metadata(const cg_accuracy *a);

/** "urheber:NAME | ressort:NAME": the authors as a metadata gold file writes them, into
 * `out` (cleared first). CG_ENOMEM. */
CG_EXPORT cg_status cg_authors_format(const cg_author *authors, size_t n, cg_buf *out);

/** Compares how an Antwort answers each of its questions
 * (cg_extraction_answers()) with a gold file NAME.questions.tsv: a header
 * row "question<TAB>answer<TAB>to", then one row per question ("3", "3a"),
 * answer "own", "reference" or "partly", and what it refers to (read by
 * people, not compared); '#' comments. A question the Antwort answers in
 * parts takes the kind of its parts (partly when they differ); a
 * sub-question answered with its question, the question's. CG_EIO,
 * CG_EFORMAT (err->line set), CG_ENOMEM. */
CG_EXPORT cg_status cg_accuracy_add_answers(cg_accuracy *a, const char *name, const char *gold_path,
                                            const cg_extraction *ext, cg_error *err);

/** The questions compared by cg_accuracy_add_answers(): how many, how many
 * answered as the gold says, and the gold's, the extraction's and both's
 * answers only by reference. */
typedef struct cg_answer_tally {
    size_t questions, agree;
    size_t gold_reference, found_reference, both_reference;
} cg_answer_tally;

/** The answers' tally. */
CG_EXPORT cg_answer_tally cg_accuracy_answers(const cg_accuracy *a);

/** The tallies per relation ("answers", "cites", "refers"): gold rows with
 * it, references found with it, matched rows with it in both; sorted by
 * name; *tallies is borrowed. */
CG_EXPORT size_t cg_accuracy_relations(const cg_accuracy *a, const cg_tally **tallies);

/** The tallies per kind, sorted by kind; *tallies is borrowed. */
CG_EXPORT size_t cg_accuracy_tallies(const cg_accuracy *a, const cg_tally **tallies);
/** The tallies of all kinds together, and the matched rows with the right
 * locator and relation. */
CG_EXPORT void cg_accuracy_overall(const cg_accuracy *a, cg_tally *all, size_t *matched,
                                   size_t *locator_ok, size_t *relation_ok);
/** Every mismatch, in order; *mismatches is borrowed. */
CG_EXPORT size_t cg_accuracy_mismatches(const cg_accuracy *a, const cg_mismatch **mismatches);
/** The number of documents compared. */
CG_EXPORT size_t cg_accuracy_documents(const cg_accuracy *a);

/** Checks the figures against a thresholds file: lines "KIND MIN_PRECISION
 * [MIN_RECALL]" (KIND may be "overall", or a relation: "refers"), "locator MIN",
 * "relation MIN", "answer_status MIN" (share of questions answered as the gold says), for
 * metadata "title MIN", "urheber MIN", "type MIN" (shares of documents), '#'
 * comments. Appends one line "BELOW ..." per figure below its threshold to
 * `report` and sets *misses. CG_EIO when the file cannot be read,
 * CG_EFORMAT (err->line set) for a malformed line, CG_ENOMEM. */
CG_EXPORT cg_status cg_accuracy_check_thresholds(const cg_accuracy *a, const char *path,
                                                 cg_buf *report, size_t *misses, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
