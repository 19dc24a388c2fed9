/* questions.c - the questions an Anfrage or Antwort has.
 *
 * Numbered questions ("1. Wie viele ...") count only in order: 1, then 2,
 * then 3 (a gap of up to two, where the PDF's text layer lost a question),
 * so that a numbered list inside an answer, which starts again at 1, does
 * not add questions.
 * Lettered sub-questions ("a) Welche ...") belong to the question before
 * them. The labels ("1", "1a", "1b", "2", ...) let `check` tell whether a
 * cited question exists. */
#include <stdio.h>
#include <string.h>

#include "xctx.h"

static int is_question_paper(const char *type) {
    return type && (strcmp(type, "Antwort") == 0 || strcmp(type, "Kleine Anfrage") == 0 ||
                    strcmp(type, "Große Anfrage") == 0);
}

static int push(xctx *x, const char *label) {
    const char *l = cgx_strdup(x, label);
    if (!l || cgu_grow((void **)&x->qlabels, &x->capqlabels, x->nqlabels + 1, sizeof *x->qlabels)) {
        x->status = CG_ENOMEM;
        return -1;
    }
    x->qlabels[x->nqlabels++] = l;
    return 0;
}

int cgx_questions(xctx *x) {
    /* documents without a type but with the Antwort's answer line count too */
    if (!is_question_paper(x->info.type)) return 0;
    size_t pos = x->header_end, s, e, next = 1, current = 0;
    char last_letter = 0;
    size_t lpos = x->header_end, ls = SIZE_MAX, le;
    int have_letter = cgx_next(x, P_QUESTION_LETTER, &lpos, &ls, &le);
    char label[32];
    while (cgx_next(x, P_QUESTION_NUMBER, &pos, &s, &e)) {
        size_t n = (size_t)cgx_group_number(x, P_QUESTION_NUMBER, "n", NULL);
        /* sub-questions between the current question and this line */
        while (have_letter && ls < s) {
            if (current) {
                char l = x->norm.text[ls];
                size_t k = ls;
                while (k < le && (x->norm.text[k] == ' ' || x->norm.text[k] == '\t' ||
                                  x->norm.text[k] == '-'))
                    k++;
                l = x->norm.text[k];
                if (l == (last_letter ? last_letter + 1 : 'a')) {
                    snprintf(label, sizeof label, "%zu%c", current, l);
                    if (push(x, label) != 0) return -1;
                    last_letter = l;
                }
            }
            have_letter = cgx_next(x, P_QUESTION_LETTER, &lpos, &ls, &le);
        }
        /* the next question, or one after a question the text layer lost */
        if (n < next || n > next + 2) continue;
        snprintf(label, sizeof label, "%zu", n);
        if (push(x, label) != 0) return -1;
        current = n;
        next = n + 1;
        last_letter = 0;
    }
    while (have_letter && current) { /* sub-questions of the last question */
        size_t k = ls;
        while (k < le && (x->norm.text[k] == ' ' || x->norm.text[k] == '\t' || x->norm.text[k] == '-'))
            k++;
        char l = x->norm.text[k];
        if (l == (last_letter ? last_letter + 1 : 'a')) {
            snprintf(label, sizeof label, "%zu%c", current, l);
            if (push(x, label) != 0) return -1;
            last_letter = l;
        }
        have_letter = cgx_next(x, P_QUESTION_LETTER, &lpos, &ls, &le);
    }
    return x->status == CG_OK ? 0 : -1;
}
