/* questions.h - question lists as written ("Fragen 7 bis 10, 17"), for the
 * extractor, which builds them from what it matched, and for readers of
 * locator text. One place renders, parses and expands them, so that the
 * list a reference carries and the text it shows always agree. */
#ifndef CG_DOCID_QUESTIONS_H
#define CG_DOCID_QUESTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/locator.h"
#include "util/util.h"

/* One question as written, and whether " bis " joins it to the one before. */
typedef struct cgl_item {
    cg_question q;
    bool range;
} cgl_item;

/* Appends "Frage 2", "Fragen 7 bis 10, 17", "Schriftliche Frage 11"; 0, or
 * -1 when memory ran out. */
int cgl_render(cg_buf *out, cg_question_series series, const cgl_item *items, size_t n);

/* Expands the ranges: "7 bis 10" is 7 8 9 10, "3a bis 3c" is 3a 3b 3c; a
 * range that is neither (backwards, mixed, wider than 100) keeps its ends.
 * Writes at most `cap` questions to out and returns how many there are. */
size_t cgl_expand(const cgl_item *items, size_t n, cg_question *out, size_t cap);

/* Reads one question as cg_question_format() writes it ("12", "3a"); false
 * for anything else. */
bool cgl_question_parse(const char *text, cg_question *out);

/* The questions a locator's text names (loc->text as cgl_render() writes
 * it), ranges expanded: sets loc->series, loc->questions (in `arena`) and
 * loc->nquestions; none, and CG_SERIES_ANFRAGE, for any other text or NULL.
 * 0, or -1 when memory ran out. The one way from locator text to questions
 * (extraction of grammar-file locators, JSON Lines, cache records). */
int cgl_locator_questions(cgu_arena *arena, cg_locator *loc);

/* Reads locator text as cgl_render() writes it into at most `cap` items;
 * returns how many there are (0: no question locator). */
size_t cgl_parse(const char *text, cg_question_series *series, cgl_item *items, size_t cap);

#endif
