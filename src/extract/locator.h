/* locator.h - reading the questions out of a locator, for the graph's
 * question nodes and for check's question rule. */
#ifndef CG_EXTRACT_LOCATOR_H
#define CG_EXTRACT_LOCATOR_H

/* Called for each question: prefix is "Frage ", "Schriftliche Frage " or
 * "Mündliche Frage "; q is "7" or "3a". Nonzero stops with an error. */
typedef int (*cgx_question_fn)(void *ctx, const char *prefix, const char *q);

/* "Frage 7" -> 7; "Fragen 7 bis 10, 17" -> 7 8 9 10 17; "Fragen 3a bis 3c" ->
 * 3a 3b 3c; "Schriftliche Frage 11" -> 11 with its prefix. Calls `each` for
 * every question; returns the count, -1 when `each` failed. */
int cgx_expand_questions(const char *loc, cgx_question_fn each, void *ctx);

#endif
