/* questions.c - question lists: rendering, expanding and reading them
 * (questions.h, citegraph/locator.h). */
#include "questions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static const char *const series_names[] = {"Frage", "Schriftliche Frage", "Mündliche Frage"};
static const char *const series_words[] = {"", "Schriftliche ", "Mündliche "};

const char *cg_question_series_name(cg_question_series s) {
    return (unsigned)s < 3 ? series_names[s] : series_names[0];
}

size_t cg_question_format(const cg_question *q, char *out, size_t cap) {
    /* as snprintf(out, cap, "%u%c", ...) writes it, without its format parsing: the labels
     * of every answer and reference go through here */
    char text[CGU_DECIMAL_MAX + 1], *end = text + CGU_DECIMAL_MAX;
    const char *digits = cgu_decimal_before(end, q->number);
    if (q->sub) *end++ = q->sub;
    size_t n = (size_t)(end - digits);
    if (cap) cgu_copy_cut(out, cap, digits, n);
    return n;
}

bool cgl_question_parse(const char *text, cg_question *out) {
    size_t digits = strspn(text, "0123456789");
    if (!digits || digits > 9) return false;
    char sub = text[digits];
    if (sub && (sub < 'a' || sub > 'z' || text[digits + 1])) return false;
    unsigned n = 0;
    for (size_t i = 0; i < digits; i++)
        n = n * 10 + (unsigned)(text[i] - '0');
    *out = (cg_question){n, sub};
    return true;
}

int cgl_render(cg_buf *out, cg_question_series series, const cgl_item *items, size_t n) {
    if (cgu_buf_printf(out, "%s%s ", series_words[(unsigned)series < 3 ? series : 0],
                       n > 1 ? "Fragen" : "Frage"))
        return -1;
    for (size_t i = 0; i < n; i++) {
        char q[16];
        cg_question_format(&items[i].q, q, sizeof q);
        if (cgu_buf_printf(out, "%s%s", i == 0 ? "" : items[i].range ? " bis " : ", ", q))
            return -1;
    }
    return 0;
}

static void emit(cg_question *out, size_t cap, size_t *k, unsigned number, char sub) {
    if (*k < cap) out[*k] = (cg_question){number, sub};
    (*k)++;
}

size_t cgl_expand(const cgl_item *items, size_t n, cg_question *out, size_t cap) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        cg_question a = i ? items[i - 1].q : items[i].q, b = items[i].q;
        if (i && items[i].range && a.number == b.number && a.sub && b.sub && a.sub < b.sub) {
            for (char c = (char)(a.sub + 1); c <= b.sub; c++)
                emit(out, cap, &k, a.number, c);
        } else if (i && items[i].range && !a.sub && !b.sub && b.number > a.number &&
                   b.number - a.number <= 100) {
            for (unsigned v = a.number + 1; v <= b.number; v++)
                emit(out, cap, &k, v, 0);
        } else {
            emit(out, cap, &k, b.number, b.sub);
        }
    }
    return k;
}

size_t cgl_parse(const char *text, cg_question_series *series, cgl_item *items, size_t cap) {
    const char *p = text;
    *series = CG_SERIES_ANFRAGE;
    if (strncmp(p, "Schriftliche ", 13) == 0) {
        *series = CG_SERIES_WRITTEN;
        p += 13;
    } else if (strncmp(p, "Mündliche ", 11) == 0) {
        *series = CG_SERIES_ORAL;
        p += 11;
    }
    if (strncmp(p, "Fragen ", 7) == 0)
        p += 7;
    else if (strncmp(p, "Frage ", 6) == 0)
        p += 6;
    else
        return 0;
    size_t n = 0;
    bool range = false;
    for (;;) {
        if (*p < '0' || *p > '9') break;
        unsigned long v = 0;
        int digits = 0;
        while (*p >= '0' && *p <= '9') {
            if (digits++ < 9) v = v * 10 + (unsigned long)(*p - '0');
            p++;
        }
        char sub = 0;
        if (*p >= 'a' && *p <= 'z') sub = *p++;
        if (*p >= 'a' && *p <= 'z') break; /* "12ab" names no question */
        if (n < cap) items[n] = (cgl_item){{(unsigned)v, sub}, range};
        n++;
        if (strncmp(p, " bis ", 5) == 0) {
            range = true;
            p += 5;
        } else if (strncmp(p, ", ", 2) == 0) {
            range = false;
            p += 2;
        } else {
            break;
        }
    }
    return n;
}

/* The questions of `text`, ranges expanded, in a block from `alloc`:
 * *n of them (0: none). -1 when memory ran out. The items read on the way
 * live on the stack unless a list is long. */
static int parse_expand(const char *text, cg_question_series *series,
                        void *(*alloc)(void *ctx, size_t size), void *ctx, cg_question **out,
                        size_t *n) {
    *out = NULL;
    *n = 0;
    cg_question_series s = CG_SERIES_ANFRAGE;
    size_t ni = text ? cgl_parse(text, &s, NULL, 0) : 0;
    *series = ni ? s : CG_SERIES_ANFRAGE;
    if (!ni) return 0;
    cgl_item small[32], *items = ni <= 32 ? small : malloc(ni * sizeof *items);
    if (!items) return -1;
    cgl_parse(text, &s, items, ni);
    size_t nq = cgl_expand(items, ni, NULL, 0);
    cg_question *q = alloc(ctx, nq * sizeof *q);
    if (q) cgl_expand(items, ni, q, nq);
    if (items != small) free(items);
    if (!q) return -1;
    *out = q;
    *n = nq;
    return 0;
}

static void *from_arena(void *arena, size_t size) {
    return cgu_arena_alloc(arena, size);
}

static void *from_heap(void *unused, size_t size) {
    (void)unused;
    return malloc(size);
}

int cgl_locator_questions(cgu_arena *arena, cg_locator *loc) {
    cg_question *q;
    if (parse_expand(loc->text, &loc->series, from_arena, arena, &q, &loc->nquestions)) return -1;
    loc->questions = q;
    return 0;
}

cg_status cg_locator_parse_questions(const char *text, cg_question_series *series,
                                     cg_question **out, size_t *n, cg_error *err) {
    cg_question_series s;
    if (parse_expand(text, &s, from_heap, NULL, out, n)) return cgu_oom(err);
    if (series) *series = s;
    return CG_OK;
}
