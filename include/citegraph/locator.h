/* citegraph/locator.h - the part of a document a reference narrows.
 *
 * A reference may name a part of the cited document: "Antwort zu Frage 2",
 * "Fragen 7 bis 10, 17", "Schriftliche Frage 11", "S. 15 ff.",
 * "Art. 43 Abs. 4", "ADD 1 REV 2". Its locator keeps that part as text for
 * people and, when it names questions, as a list of questions with every
 * range expanded, for the graph's question nodes and the check's question
 * rule: no later stage reads numbers back out of the text.
 */
#ifndef CITEGRAPH_LOCATOR_H
#define CITEGRAPH_LOCATOR_H

#include <stddef.h>

#include "citegraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which numbering a question belongs to. */
typedef enum cg_question_series {
    CG_SERIES_ANFRAGE = 0, /* "Frage 2": the questions of a Kleine or Große Anfrage */
    CG_SERIES_WRITTEN = 1, /* "Schriftliche Frage 11": numbered in their collection */
    CG_SERIES_ORAL = 2     /* "Mündliche Frage 31": numbered in their Plenarprotokoll */
} cg_question_series;

/** A question: "3a" is {3, 'a'}, "12" is {12, 0}. */
typedef struct cg_question {
    unsigned number;
    char sub; /* 'a' to 'z', or 0 */
} cg_question;

/** A reference's locator. `text` is NULL when the reference narrows
 * nothing. `questions` lists the questions the text names, in the order
 * written, ranges expanded ("3a bis 3c" gives 3a, 3b, 3c; a range that
 * runs backwards, mixes numbers and letters or spans more than 100 keeps
 * its two ends only); none for a page,
 * an article or a Council document's part. Owned by the object it is part
 * of (a cg_extraction). */
typedef struct cg_locator {
    const char *text;
    cg_question_series series;
    const cg_question *questions;
    size_t nquestions;
} cg_locator;

/** "Frage", "Schriftliche Frage" or "Mündliche Frage". Static. */
CG_EXPORT const char *cg_question_series_name(cg_question_series series);

/** Writes "3a" into out (cap bytes, NUL-terminated when cap > 0); returns
 * the length as snprintf() does. */
CG_EXPORT size_t cg_question_format(const cg_question *q, char *out, size_t cap);

/** Reads the questions of a locator text as citegraph writes it ("Frage
 * 2", "Fragen 7 bis 10, 17", "Schriftliche Frage 11", "Fragen 3a bis 3c"):
 * *out is a new array of *n questions, ranges expanded, which the caller
 * frees; *n is 0 (and *out NULL) when the text names no question. CG_OK, or
 * CG_ENOMEM. */
CG_EXPORT cg_status cg_locator_parse_questions(const char *text, cg_question_series *series,
                                               cg_question **out, size_t *n, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
