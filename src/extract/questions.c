/* questions.c - the questions an Anfrage or Antwort has.
 *
 * Numbered questions ("1. Wie viele ...") run from 1 up, each at most three
 * past the one below it (the PDF's text layer can lose a question or two),
 * in whatever order the text has them (an Antwort may answer 62 to 64
 * before 60); a numbered list inside an answer, which starts again at 1,
 * adds nothing.
 * Lettered sub-questions ("a) Welche ...") belong to the question before
 * them. The labels ("1", "1a", "1b", "2", ...) let `check` tell whether a
 * cited question exists. */
#include <stdlib.h>
#include <string.h>

#include "xctx.h"

static int is_question_paper(const char *type) {
    return type && (strcmp(type, "Antwort") == 0 || strcmp(type, "Kleine Anfrage") == 0 ||
                    strcmp(type, "Große Anfrage") == 0);
}

/* Question `number` (`sub` its letter, or 0), standing at offset `at`. */
static int push(xctx *x, size_t number, char sub, size_t at) {
    if (cgu_grow((void **)&x->qlabels, &x->capqlabels, x->nqlabels + 1, sizeof *x->qlabels) ||
        cgu_grow((void **)&x->qstart, &x->capqstart, x->nqlabels + 1, sizeof *x->qstart)) {
        x->status = CG_ENOMEM;
        return -1;
    }
    x->qlabels[x->nqlabels] = (cg_question){(unsigned)number, sub};
    x->qstart[x->nqlabels++] = at;
    return 0;
}

/* The sub-questions ("a)", "b)", ...) of question `current` that stand
 * before offset `until`: each letter once, at most three past the highest
 * so far (grouped answers repeat them out of order: a, c, f, then b, d). */
static int letters_before(xctx *x, size_t until, size_t current, size_t *lpos, size_t *ls,
                          size_t *le, int *have_letter, char *last_letter, unsigned *seen) {
    while (*have_letter && *ls < until) {
        size_t k = *ls;
        /* the letter, also after its question's number on the same line ("3. a)") */
        while (k < *le &&
               (x->norm.text[k] == ' ' || x->norm.text[k] == '\t' || x->norm.text[k] == '-' ||
                x->norm.text[k] == '.' || (x->norm.text[k] >= '0' && x->norm.text[k] <= '9')))
            k++;
        char l = x->norm.text[k];
        char limit = (char)((*last_letter ? *last_letter : 'a' - 1) + 3);
        if (current && l >= 'a' && l <= 'z' && l <= limit && !(*seen & (1u << (l - 'a')))) {
            if (push(x, current, l, *ls) != 0) return -1;
            *seen |= 1u << (l - 'a');
            if (l > *last_letter) *last_letter = l;
        }
        *have_letter = cgx_next(x, P_QUESTION_LETTER, lpos, ls, le);
    }
    return 0;
}

int cgx_questions(xctx *x) {
    if (!is_question_paper(x->header.type)) return 0;
    /* first pass: every line that starts with a number, each number's in text order
     * (a list: head[n] its first, occ[i].next the next) */
    enum { MAXQ = 1000 };
    size_t head[MAXQ], last[MAXQ];
    for (size_t n = 0; n < MAXQ; n++)
        head[n] = SIZE_MAX;
    struct occurrence {
        size_t pos, next; /* next: the number's next occurrence, or SIZE_MAX */
    } *occ = NULL;
    size_t nocc = 0, capocc = 0;
    size_t pos = x->header_end, s, e;
    while (cgx_next(x, P_QUESTION_NUMBER, &pos, &s, &e)) {
        long n = cgx_group_number(x, P_QUESTION_NUMBER, "n", NULL);
        if (n < 1 || n >= MAXQ) continue;
        if (cgu_grow((void **)&occ, &capocc, nocc + 1, sizeof *occ)) {
            free(occ);
            x->status = CG_ENOMEM;
            return -1;
        }
        occ[nocc] = (struct occurrence){s, SIZE_MAX};
        if (head[n] == SIZE_MAX)
            head[n] = nocc;
        else
            occ[last[n]].next = nocc;
        last[n] = nocc++;
    }
    if (x->status != CG_OK) {
        free(occ);
        return -1;
    }
    /* the questions: from 1 up, each at most three past the highest so far */
    unsigned char is_question[MAXQ] = {0};
    size_t highest = 0;
    for (size_t n = 1; n < MAXQ; n++) {
        if (head[n] == SIZE_MAX) continue;
        if (n > highest + (highest ? 3 : 1)) break;
        is_question[n] = 1;
        highest = n;
    }
    /* where each stands (first[n]): its first line after the question before it
     * ("20. Berichts" or "20. Wahlperiode" at a line start in an earlier answer is
     * not question 20), or, when there is none (an Antwort may answer 62 to 64
     * before 60), its first */
    size_t first[MAXQ], after = x->header_end;
    for (size_t n = 0; n < MAXQ; n++) {
        first[n] = SIZE_MAX;
        if (head[n] == SIZE_MAX) continue;
        size_t pick = head[n];
        if (is_question[n])
            for (size_t i = head[n]; i != SIZE_MAX; i = occ[i].next)
                if (occ[i].pos >= after) {
                    pick = i;
                    break;
                }
        first[n] = occ[pick].pos;
        if (is_question[n] && first[n] > after) after = first[n];
    }
    free(occ);
    /* second pass, in the order of the text: each question and its sub-questions */
    size_t order[MAXQ], nq = 0;
    for (size_t n = 1; n < MAXQ; n++)
        if (is_question[n]) order[nq++] = n;
    for (size_t i = 1; i < nq; i++) { /* insertion sort by position: nearly sorted already */
        size_t v = order[i], j = i;
        while (j > 0 && first[order[j - 1]] > first[v]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
    size_t lpos = x->header_end, ls = SIZE_MAX, le = 0, current = 0;
    int have_letter = cgx_next(x, P_QUESTION_LETTER, &lpos, &ls, &le);
    char last_letter = 0;
    unsigned seen_letters = 0;
    for (size_t i = 0; i < nq; i++) {
        if (letters_before(x, first[order[i]], current, &lpos, &ls, &le, &have_letter, &last_letter,
                           &seen_letters) != 0)
            return -1;
        if (push(x, order[i], 0, first[order[i]]) != 0) return -1;
        current = order[i];
        last_letter = 0;
        seen_letters = 0;
    }
    if (letters_before(x, SIZE_MAX, current, &lpos, &ls, &le, &have_letter, &last_letter,
                       &seen_letters) != 0)
        return -1;
    return x->status == CG_OK ? 0 : -1;
}
