/* cmd_referrals.c - `citegraph referrals`: how the Antworten of a corpus
 * answer their questions, in words of their own or only by reference
 * ("Auf die Antwort zu Frage 6 wird verwiesen"), per Wahlperiode and per
 * ministry, which documents carry the load, and, per Antwort, what each
 * question answered by reference refers to.
 *
 * The extraction decides each answer's way (cg_answer) and each referral
 * (relation refers); the graph keeps them on the Antwort's node
 * (cg_node.answers, .referrals), so this is counting. A question counts
 * once, by its number: the parts of a question answered in parts ("3a",
 * "3b") give it their way when they agree, else "partly". */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_cmd.h"

/* Antworten and their questions, counted for one group. */
typedef struct tally {
    const char *key; /* the Wahlperiode ("21") or ministry; borrowed */
    size_t antworten, questions, reference, partly;
} tally;

typedef struct tallies {
    tally *v;
    size_t n, cap;
} tallies;

/* One Antwort's questions by way of answer. */
typedef struct antwort {
    size_t node;
    size_t questions, reference, partly;
} antwort;

/* A referral to another document, by the Antwort that makes it. */
typedef struct referred {
    const char *target;
    size_t antwort; /* its node */
} referred;

/* A document referred to, with how often and by how many Antworten. */
typedef struct load {
    const char *target;
    size_t referrals, antworten;
} load;

typedef struct report {
    size_t antworten, without_questions, questions, reference, partly;
    size_t referrals, internal; /* referrals, and of them those to the Antwort's own parts */
    tallies by_wp, by_ministry;
    antwort *answered; /* the Antworten with numbered questions */
    size_t nanswered;
    load *loads; /* documents referred to, most first */
    size_t nloads;
} report;

/* The names of the Wahlperioden as the groups print them, by number; 0
 * when not known (cg_graph_node_wahlperiode() stays within the table). */
static const char *const wp_names[CG_BUNDESTAG_WP_LAST + 1] = {
    "not known", "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "10",
    "11",        "12", "13", "14", "15", "16", "17", "18", "19", "20", "21"};

static bool is_antwort(const cg_node *n) {
    return n->in_corpus && n->type && strcmp(n->type, "Antwort") == 0;
}

/* The first ministry ("ressort") of a node, or NULL. */
static const char *ministry_of(const cg_node *n) {
    for (size_t i = 0; i < n->nauthors; i++)
        if (n->authors[i].role == CG_AUTHOR_MINISTRY) return n->authors[i].name;
    return NULL;
}

static tally *tally_of(tallies *t, const char *key) {
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->v[i].key, key) == 0) return &t->v[i];
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        tally *grown = realloc(t->v, cap * sizeof *grown);
        if (!grown) return NULL;
        t->v = grown;
        t->cap = cap;
    }
    t->v[t->n] = (tally){key, 0, 0, 0, 0};
    return &t->v[t->n++];
}

/* A question's number and the way one answer answers it. */
typedef struct numbered {
    unsigned number;
    cg_answer_kind kind;
} numbered;

static int cmp_numbered(const void *x, const void *y) {
    const numbered *p = x, *q = y;
    return (p->number > q->number) - (p->number < q->number);
}

/* Counts the questions of `n` by way of answer into *a: each question
 * number once, with the way of all its answers (partly when they differ).
 * Sorted rather than indexed by number: numbers read from JSON Lines may be
 * anything up to 999,999,999. */
static int count_questions(const cg_node *n, antwort *a) {
    size_t total = 0, k = 0;
    for (size_t i = 0; i < n->nanswers; i++)
        total += n->answers[i].nquestions;
    if (!total) return 0;
    numbered *q = malloc(total * sizeof *q);
    if (!q) return -1;
    for (size_t i = 0; i < n->nanswers; i++)
        for (size_t j = 0; j < n->answers[i].nquestions; j++)
            q[k++] = (numbered){n->answers[i].questions[j].number, n->answers[i].kind};
    qsort(q, total, sizeof *q, cmp_numbered);
    for (size_t i = 0, j; i < total; i = j) {
        cg_answer_kind way = q[i].kind;
        for (j = i + 1; j < total && q[j].number == q[i].number; j++)
            if (q[j].kind != way) way = CG_ANSWER_PARTLY;
        a->questions++;
        a->reference += way == CG_ANSWER_REFERENCE;
        a->partly += way == CG_ANSWER_PARTLY;
    }
    free(q);
    return 0;
}

static int cmp_referred(const void *x, const void *y) {
    const referred *a = x, *b = y;
    int c = strcmp(a->target, b->target);
    return c ? c : (a->antwort > b->antwort) - (a->antwort < b->antwort);
}

static int cmp_load(const void *x, const void *y) {
    const load *a = x, *b = y;
    if (a->referrals != b->referrals) return a->referrals < b->referrals ? 1 : -1;
    if (a->antworten != b->antworten) return a->antworten < b->antworten ? 1 : -1;
    return strcmp(a->target, b->target);
}

static int cmp_tally(const void *x, const void *y) {
    return strcmp(((const tally *)x)->key, ((const tally *)y)->key);
}

/* Antworten with most questions answered only by reference first, then
 * partly, then by node (id) order. */
static int cmp_antwort(const void *x, const void *y) {
    const antwort *a = x, *b = y;
    if (a->reference != b->reference) return a->reference < b->reference ? 1 : -1;
    if (a->partly != b->partly) return a->partly < b->partly ? 1 : -1;
    return (a->node > b->node) - (a->node < b->node);
}

static int cmp_node(const void *x, const void *y) {
    const antwort *a = x, *b = y;
    return (a->node > b->node) - (a->node < b->node);
}

static void report_release(report *r) {
    free(r->by_wp.v);
    free(r->by_ministry.v);
    free(r->answered);
    free(r->loads);
}

static int add_to(tally *t, const antwort *a) {
    if (!t) return -1;
    t->antworten++;
    t->questions += a->questions;
    t->reference += a->reference;
    t->partly += a->partly;
    return 0;
}

/* Counts everything; -1 when memory ran out. */
static int make_report(const cg_graph *g, report *r) {
    size_t nn = cg_graph_node_count(g), nref = 0, cap = 0;
    referred *refs = NULL;
    r->answered = calloc(nn ? nn : 1, sizeof *r->answered);
    if (!r->answered) return -1;
    for (size_t v = 0; v < nn; v++) {
        const cg_node *n = cg_graph_node(g, v);
        if (!is_antwort(n)) continue;
        r->antworten++;
        for (size_t i = 0; i < n->nreferrals; i++) {
            const cg_referral *f = &n->referrals[i];
            r->referrals++;
            if (strcmp(f->target, "#") == 0) {
                r->internal++;
                continue;
            }
            if (nref == cap) {
                cap = cap ? 2 * cap : 256;
                referred *grown = realloc(refs, cap * sizeof *grown);
                if (!grown) {
                    free(refs);
                    return -1;
                }
                refs = grown;
            }
            refs[nref++] = (referred){f->target, v};
        }
        if (!n->nanswers) {
            r->without_questions++;
            continue;
        }
        antwort a = {v, 0, 0, 0};
        if (count_questions(n, &a) != 0) {
            free(refs);
            return -1;
        }
        r->answered[r->nanswered++] = a;
        r->questions += a.questions;
        r->reference += a.reference;
        r->partly += a.partly;
        /* the Bundestag Wahlperiode as stats and the exports give it: from a
         * Bundestag number, else from the date (0: not known) */
        const char *wp = wp_names[cg_graph_node_wahlperiode(g, v)];
        const char *ministry = ministry_of(n);
        if (add_to(tally_of(&r->by_wp, wp), &a) ||
            add_to(tally_of(&r->by_ministry, ministry ? ministry : "not known"), &a)) {
            free(refs);
            return -1;
        }
    }
    if (nref) qsort(refs, nref, sizeof *refs, cmp_referred);
    r->loads = calloc(nref ? nref : 1, sizeof *r->loads);
    if (!r->loads) {
        free(refs);
        return -1;
    }
    for (size_t i = 0; i < nref; i++) {
        bool same = i && strcmp(refs[i].target, refs[i - 1].target) == 0;
        if (!same) r->loads[r->nloads++] = (load){refs[i].target, 0, 0};
        load *l = &r->loads[r->nloads - 1];
        l->referrals++;
        l->antworten += !same || refs[i].antwort != refs[i - 1].antwort;
    }
    free(refs);
    if (r->nloads) qsort(r->loads, r->nloads, sizeof *r->loads, cmp_load);
    if (r->by_wp.n) qsort(r->by_wp.v, r->by_wp.n, sizeof *r->by_wp.v, cmp_tally);
    if (r->by_ministry.n)
        qsort(r->by_ministry.v, r->by_ministry.n, sizeof *r->by_ministry.v, cmp_tally);
    if (r->nanswered) qsort(r->answered, r->nanswered, sizeof *r->answered, cmp_antwort);
    return 0;
}

static double share(size_t part, size_t whole) {
    return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

/* "3, 3a" into buf; "…" at the end when it does not fit. */
static void labels(const cg_question *q, size_t n, char *buf, size_t cap) {
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (used + 24 >= cap) {
            snprintf(buf + used, cap - used, ", …");
            return;
        }
        if (i) used += (size_t)snprintf(buf + used, cap - used, ", ");
        used += cg_question_format(&q[i], buf + used, cap - used);
    }
}

static bool same_questions(const cg_question *a, size_t na, const cg_question *b, size_t nb) {
    if (na != nb || !na) return false;
    for (size_t i = 0; i < na; i++)
        if (a[i].number != b[i].number || a[i].sub != b[i].sub) return false;
    return true;
}

/* ---- text ---- */

static void print_tallies(cli_out *out, const char *title, const tallies *t) {
    cli_out_printf(out, "\nby %s:\n", title);
    cli_out_printf(out, "  %9s %9s %9s %6s %7s %6s  %s\n", "Antworten", "questions", "reference",
                   "share", "partly", "share", title);
    for (size_t i = 0; i < t->n; i++) {
        const tally *x = &t->v[i];
        cli_out_printf(out, "  %9zu %9zu %9zu %5.1f%% %7zu %5.1f%%  %s\n", x->antworten,
                       x->questions, x->reference, share(x->reference, x->questions), x->partly,
                       share(x->partly, x->questions), x->key);
    }
}

static void print_report(const query *qy, const report *r, size_t top) {
    cli_out *out = qy->out;
    const cg_graph *g = qy->g;
    cli_out_printf(out,
                   "Antworten          %zu (%zu without numbered questions)\n"
                   "questions          %zu answered\n"
                   "only by reference  %zu (%.1f%%)\n"
                   "partly             %zu (%.1f%%)\n"
                   "referrals          %zu (%zu to other documents, %zu to the Antwort's own "
                   "answers)\n",
                   r->antworten, r->without_questions, r->questions, r->reference,
                   share(r->reference, r->questions), r->partly, share(r->partly, r->questions),
                   r->referrals, r->referrals - r->internal, r->internal);
    print_tallies(out, "Wahlperiode", &r->by_wp);
    print_tallies(out, "ministry", &r->by_ministry);
    cli_out_printf(out, "\nmost referred to:\n");
    for (size_t i = 0; i < r->nloads && i < top; i++) {
        const load *l = &r->loads[i];
        size_t v;
        bool found = false;
        cli_out_printf(out, "  %5zu referral%s from %4zu Antwort%s  ", l->referrals,
                       l->referrals == 1 ? " " : "s", l->antworten, l->antworten == 1 ? " " : "en");
        if (cg_graph_find(g, NULL, l->target, &found, &v, NULL) == CG_OK && found)
            gq_print_node_line(out, cg_graph_node(g, v));
        else
            cli_out_printf(out, "%s\n", l->target);
    }
    if (!r->nloads) cli_out_printf(out, "  none\n");
    cli_out_printf(out, "\nAntworten with questions answered by reference:\n");
    size_t listed = 0;
    for (size_t i = 0; i < r->nanswered && listed < top; i++) {
        const antwort *a = &r->answered[i];
        if (!a->reference && !a->partly) break;
        listed++;
        const cg_node *n = cg_graph_node(g, a->node);
        cli_out_printf(out, "  ");
        gq_print_node_line(out, n);
        cli_out_printf(out, "    %zu questions: %zu only by reference, %zu partly\n", a->questions,
                       a->reference, a->partly);
        for (size_t k = 0; k < n->nanswers; k++) {
            const cg_answer *ans = &n->answers[k];
            if (ans->kind == CG_ANSWER_OWN) continue;
            char qs[200];
            labels(ans->questions, ans->nquestions, qs, sizeof qs);
            cli_out_printf(out, "    Frage%s %s: %s (line %zu)", ans->nquestions > 1 ? "n" : "", qs,
                           ans->kind == CG_ANSWER_REFERENCE ? "by reference" : "partly", ans->line);
            const char *sep = " ->";
            for (size_t f = 0; f < n->nreferrals; f++) {
                const cg_referral *x = &n->referrals[f];
                if (!same_questions(x->answering, x->nanswering, ans->questions, ans->nquestions))
                    continue;
                cli_out_printf(out, "%s %s%s%s", sep, x->target, x->locator ? " " : "",
                               x->locator ? x->locator : "");
                sep = ";";
            }
            cli_out_printf(out, "\n");
        }
    }
    if (!listed) cli_out_printf(out, "  none\n");
}

/* ---- JSON ---- */

/* The groups; a Wahlperiode (`as_number`) as a number, null when not known. */
static json_t *tallies_json(const tallies *t, const char *key_name, bool as_number) {
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < t->n; i++) {
        const tally *x = &t->v[i];
        json_t *o = gq_pushed(arr, json_object());
        json_t *key = !as_number ? json_string(x->key)
                      : x->key[0] >= '0' && x->key[0] <= '9'
                          ? json_integer(strtol(x->key, NULL, 10))
                          : json_null();
        if (!o || !gq_set(o, key_name, key) ||
            !gq_set(o, "antworten", json_integer((json_int_t)x->antworten)) ||
            !gq_set(o, "questions", json_integer((json_int_t)x->questions)) ||
            !gq_set(o, "reference", json_integer((json_int_t)x->reference)) ||
            !gq_set(o, "partly", json_integer((json_int_t)x->partly))) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *questions_json(const cg_question *q, size_t n) {
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) {
        char label[24];
        cg_question_format(&q[i], label, sizeof label);
        if (!gq_push(arr, json_string(label))) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *antwort_json(const cg_graph *g, const antwort *a) {
    const cg_node *n = cg_graph_node(g, a->node);
    const char *ministry = ministry_of(n);
    json_t *o = json_object(), *answers = NULL;
    bool ok = o && gq_set(o, "id", json_string(n->id)) &&
              gq_set(o, "date", n->date ? json_string(n->date) : json_null()) &&
              gq_set(o, "ministry", ministry ? json_string(ministry) : json_null()) &&
              gq_set(o, "file", n->file ? json_string(n->file) : json_null()) &&
              gq_set(o, "questions", json_integer((json_int_t)a->questions)) &&
              gq_set(o, "reference", json_integer((json_int_t)a->reference)) &&
              gq_set(o, "partly", json_integer((json_int_t)a->partly)) &&
              (answers = gq_set_to(o, "answers", json_array())) != NULL;
    for (size_t k = 0; ok && k < n->nanswers; k++) {
        const cg_answer *ans = &n->answers[k];
        json_t *x = gq_pushed(answers, json_object()), *to = NULL;
        ok = x && gq_set(x, "questions", questions_json(ans->questions, ans->nquestions)) &&
             gq_set(x, "answer", json_string(cg_answer_kind_name(ans->kind))) &&
             gq_set(x, "line", json_integer((json_int_t)ans->line)) &&
             (to = gq_set_to(x, "referrals", json_array())) != NULL;
        for (size_t f = 0; ok && f < n->nreferrals; f++) {
            const cg_referral *ref = &n->referrals[f];
            if (!same_questions(ref->answering, ref->nanswering, ans->questions, ans->nquestions))
                continue;
            json_t *y = gq_pushed(to, json_object());
            ok = y && gq_set(y, "target", json_string(ref->target)) &&
                 gq_set(y, "locator", ref->locator ? json_string(ref->locator) : json_null()) &&
                 gq_set(y, "line", json_integer((json_int_t)ref->line)) &&
                 gq_set(y, "col", json_integer((json_int_t)ref->col));
        }
    }
    if (ok) return o;
    json_decref(o);
    return NULL;
}

static bool report_json(const query *qy, const report *r) {
    const cg_graph *g = qy->g;
    json_t *root = json_object(), *totals = NULL, *loads = NULL, *list = NULL;
    bool ok = root && gq_set(root, "schema", json_string("citegraph-referrals/1")) &&
              (totals = gq_set_to(root, "totals", json_object())) != NULL &&
              gq_set(totals, "antworten", json_integer((json_int_t)r->antworten)) &&
              gq_set(totals, "without_questions", json_integer((json_int_t)r->without_questions)) &&
              gq_set(totals, "questions", json_integer((json_int_t)r->questions)) &&
              gq_set(totals, "reference", json_integer((json_int_t)r->reference)) &&
              gq_set(totals, "partly", json_integer((json_int_t)r->partly)) &&
              gq_set(totals, "referrals", json_integer((json_int_t)r->referrals)) &&
              gq_set(totals, "internal_referrals", json_integer((json_int_t)r->internal)) &&
              gq_set(root, "by_wahlperiode", tallies_json(&r->by_wp, "wahlperiode", true)) &&
              gq_set(root, "by_ministry", tallies_json(&r->by_ministry, "ministry", false)) &&
              (loads = gq_set_to(root, "most_referred", json_array())) != NULL &&
              (list = gq_set_to(root, "antworten", json_array())) != NULL;
    /* JSON is for programs: every document referred to, whatever --top */
    for (size_t i = 0; ok && i < r->nloads; i++) {
        const load *l = &r->loads[i];
        size_t v;
        bool found = false;
        if (cg_graph_find(g, NULL, l->target, &found, &v, NULL) != CG_OK) found = false;
        const cg_node *n = found ? cg_graph_node(g, v) : NULL;
        json_t *o = gq_pushed(loads, json_object());
        ok = o && gq_set(o, "id", json_string(l->target)) &&
             gq_set(o, "referrals", json_integer((json_int_t)l->referrals)) &&
             gq_set(o, "antworten", json_integer((json_int_t)l->antworten)) &&
             gq_set(o, "type", n && n->type ? json_string(n->type) : json_null()) &&
             gq_set(o, "date", n && n->date ? json_string(n->date) : json_null()) &&
             gq_set(o, "title", n && n->title ? json_string(n->title) : json_null());
    }
    /* every Antwort with numbered questions, in node order: a program wants them all */
    antwort *by_node = ok && r->nanswered ? malloc(r->nanswered * sizeof *by_node) : NULL;
    if (by_node) {
        memcpy(by_node, r->answered, r->nanswered * sizeof *by_node);
        qsort(by_node, r->nanswered, sizeof *by_node, cmp_node);
    } else if (r->nanswered) {
        ok = false;
    }
    for (size_t i = 0; ok && i < r->nanswered; i++)
        ok = gq_push(list, antwort_json(g, &by_node[i]));
    free(by_node);
    if (!ok) {
        json_decref(root);
        return false;
    }
    return gq_emit_json(qy->out, root);
}

int q_referrals(const query *qy) {
    report r;
    memset(&r, 0, sizeof r);
    size_t top = qy->o->top == LONG_MAX ? SIZE_MAX : qy->o->top >= 0 ? (size_t)qy->o->top : 10;
    int rc = EXIT_OK;
    if (make_report(qy->g, &r) != 0)
        rc = EXIT_NOMEM;
    else if (qy->json)
        rc = report_json(qy, &r) ? EXIT_OK : EXIT_NOMEM;
    else
        print_report(qy, &r, top);
    report_release(&r);
    return rc;
}
