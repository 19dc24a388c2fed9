/* accuracy.c - the extractor against a gold set (citegraph/accuracy.h).
 *
 * Gold rows and extracted references are compared as the text both are
 * written in (the gold files are TSV by people, in the columns of
 * `extract --format tsv`): the canonical id, the kind's name, the locator's
 * text and the relation's name. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/accuracy.h"
#include "util/util.h"

typedef struct row {
    size_t line; /* the line the reference starts on; in a gold file of a PDF, its page */
    const char *kind, *target, *locator, *relation;
    int matched;
} row;

typedef struct rows {
    row *v;
    size_t n, cap;
    bool pages; /* a gold file of a PDF: its first column is the page ("page" heads it) */
} rows;

typedef struct tally_list {
    cg_tally *v;
    size_t n, cap;
} tally_list;

struct cg_accuracy {
    cgu_arena arena;
    tally_list kinds;     /* per kind */
    tally_list relations; /* per relation: gold rows with it, found with it, matched with it */
    cg_answer_tally answers;
    size_t matched, locator_ok, relation_ok, documents;
    cg_metadata_tally meta;
    cg_mismatch *mismatches;
    size_t nmismatches, capmismatches;
};

cg_status cg_accuracy_new(cg_accuracy **out, cg_error *err) {
    *out = calloc(1, sizeof **out);
    return *out ? CG_OK : cgu_oom(err);
}

void cg_accuracy_free(cg_accuracy *a) {
    if (!a) return;
    free(a->kinds.v);
    free(a->relations.v);
    free(a->mismatches);
    cgu_arena_release(&a->arena);
    free(a);
}

/* The tally of `kind` in `list`, made in its place if new: the tallies stay sorted by kind. */
static cg_tally *tally_in(cg_accuracy *a, tally_list *list, const char *kind) {
    size_t at = 0;
    while (at < list->n) {
        int c = strcmp(list->v[at].kind, kind);
        if (c == 0) return &list->v[at];
        if (c > 0) break;
        at++;
    }
    const char *k = cgu_arena_strdup(&a->arena, kind);
    if (!k || cgu_grow((void **)&list->v, &list->cap, list->n + 1, sizeof *list->v)) return NULL;
    memmove(list->v + at + 1, list->v + at, (list->n - at) * sizeof *list->v);
    list->n++;
    list->v[at] = (cg_tally){k, 0, 0, 0};
    return &list->v[at];
}

static cg_tally *tally_for(cg_accuracy *a, const char *kind) {
    return tally_in(a, &a->kinds, kind);
}

/* The next row of a gold file, without its line end: its length, or 0 at
 * the end; blank lines and '#' comments are passed over, *lineno counted. */
static ssize_t next_row(FILE *f, char **line, size_t *cap, size_t *lineno) {
    ssize_t len;
    while ((len = getline(line, cap, f)) > 0) {
        ++*lineno;
        while (len && ((*line)[len - 1] == '\n' || (*line)[len - 1] == '\r'))
            (*line)[--len] = '\0';
        if (len && (*line)[0] != '#') return len;
    }
    return 0;
}

static int push_row(cg_accuracy *a, rows *r, size_t line, const char *kind, const char *target,
                    const char *locator, const char *relation) {
    if (cgu_grow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v)) return -1;
    int failed = 0;
    row x = {line,
             cgu_arena_dup_or_null(&a->arena, kind, &failed),
             cgu_arena_dup_or_null(&a->arena, target, &failed),
             cgu_arena_dup_or_null(&a->arena, locator ? locator : "", &failed),
             cgu_arena_dup_or_null(&a->arena, relation, &failed),
             0};
    if (failed) return -1;
    r->v[r->n++] = x;
    return 0;
}

static cg_status read_gold(cg_accuracy *a, const char *path, rows *out, cg_error *err) {
    FILE *f = fopen(path, "r");
    if (!f) return cgu_error(err, CG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int header_seen = 0;
    cg_status st = CG_OK;
    while (st == CG_OK && (len = next_row(f, &line, &cap, &lineno)) > 0) {
        if (!header_seen) {
            header_seen = 1;
            if (strncmp(line, "line\t", 5) == 0) continue;
            if (strncmp(line, "page\t", 5) == 0) {
                out->pages = true;
                continue;
            }
        }
        char *f0 = line, *f1 = strchr(f0, '\t'), *f2, *f3, *f4;
        if (!f1 || !(f2 = strchr(f1 + 1, '\t')) || !(f3 = strchr(f2 + 1, '\t')) ||
            !(f4 = strchr(f3 + 1, '\t'))) {
            st = cgu_error(err, CG_EFORMAT, path, lineno, 0, "expected 5 tab-separated columns");
            break;
        }
        *f1++ = *f2++ = *f3++ = *f4++ = '\0';
        char *end;
        unsigned long ln = strtoul(f0, &end, 10);
        if (*end || !ln) {
            st = cgu_error(err, CG_EFORMAT, path, lineno, 0, "'%.60s' is not a %s number", f0,
                           out->pages ? "page" : "line");
            break;
        }
        if (push_row(a, out, ln, f1, f2, f3, f4)) st = cgu_oom(err);
    }
    free(line);
    fclose(f);
    return st;
}

/* The text of 1-based line `n`, trimmed to 110 bytes, into the arena; for
 * a page of a PDF (`page`), its first line. */
static const char *line_text(cg_accuracy *a, const cg_input *in, size_t n, bool page) {
    if (page) {
        size_t l, c, at = 0;
        /* the first byte of page n: the pages' starts are in increasing order */
        size_t lo = 0, hi = cg_input_size(in);
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2, p, pl;
            cg_input_page_position(in, mid, &p, &pl, &c);
            if (p < n)
                lo = mid + 1;
            else
                hi = mid;
        }
        at = lo;
        cg_input_position(in, at, &l, &c);
        n = l;
    }
    const char *d = cg_input_data(in), *end = d + cg_input_size(in);
    for (size_t l = 1; l < n && d < end; l++) {
        const char *nl = memchr(d, '\n', (size_t)(end - d));
        d = nl ? nl + 1 : end;
    }
    const char *e = memchr(d, '\n', (size_t)(end - d));
    size_t len = (size_t)((e ? e : end) - d);
    while (len && (*d == ' ' || *d == '\t'))
        d++, len--;
    if (len > 110) len = 110;
    char *s = cgu_arena_strndup(&a->arena, d, len);
    for (char *p = s; p && p < s + len; p++)
        if (*p == '\t' || *p == '\r' || *p == '\0') *p = ' ';
    return s;
}

static int same(const row *x, const row *y) {
    return x->line == y->line && strcmp(x->kind, y->kind) == 0 && strcmp(x->target, y->target) == 0;
}

static int mismatch(cg_accuracy *a, cg_mismatch m) {
    if (cgu_grow((void **)&a->mismatches, &a->capmismatches, a->nmismatches + 1,
                 sizeof *a->mismatches))
        return -1;
    a->mismatches[a->nmismatches++] = m;
    return 0;
}

/* Found against gold: first pairs whose locator agrees too, then any. */
static cg_status match(cg_accuracy *a, rows *gold, rows *found, const char *doc,
                       const cg_input *in) {
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < found->n; i++) {
            row *f = &found->v[i];
            if (f->matched) continue;
            for (size_t j = 0; j < gold->n; j++) {
                row *g = &gold->v[j];
                if (g->matched || !same(f, g)) continue;
                if (pass == 0 && strcmp(f->locator, g->locator) != 0) continue;
                f->matched = g->matched = 1;
                a->matched++;
                cg_tally *t = tally_for(a, g->kind);
                if (!t) return CG_ENOMEM;
                t->tp++;
                if (strcmp(f->locator, g->locator) == 0)
                    a->locator_ok++;
                else if (mismatch(a, (cg_mismatch){CG_MISMATCH_LOCATOR, doc, g->line, gold->pages,
                                                   g->kind, g->target, f->locator, g->locator, NULL,
                                                   NULL}))
                    return CG_ENOMEM;
                if (strcmp(f->relation, g->relation) == 0) {
                    a->relation_ok++;
                    cg_tally *rt = tally_in(a, &a->relations, g->relation);
                    if (!rt) return CG_ENOMEM;
                    rt->tp++;
                } else if (mismatch(a, (cg_mismatch){CG_MISMATCH_RELATION, doc, g->line,
                                                     gold->pages, g->kind, g->target, f->locator,
                                                     g->relation, f->relation, NULL}))
                    return CG_ENOMEM;
                break;
            }
        }
    for (size_t j = 0; j < gold->n; j++) {
        const row *g = &gold->v[j];
        cg_tally *t = tally_for(a, g->kind), *rt = tally_in(a, &a->relations, g->relation);
        if (!t || !rt) return CG_ENOMEM;
        t->gold++;
        rt->gold++;
        if (!g->matched && mismatch(a, (cg_mismatch){CG_MISMATCH_MISSED, doc, g->line, gold->pages,
                                                     g->kind, g->target, g->locator, NULL, NULL,
                                                     line_text(a, in, g->line, gold->pages)}))
            return CG_ENOMEM;
    }
    for (size_t i = 0; i < found->n; i++) {
        const row *f = &found->v[i];
        cg_tally *t = tally_for(a, f->kind), *rt = tally_in(a, &a->relations, f->relation);
        if (!t || !rt) return CG_ENOMEM;
        t->found++;
        rt->found++;
        if (!f->matched && mismatch(a, (cg_mismatch){CG_MISMATCH_EXTRA, doc, f->line, gold->pages,
                                                     f->kind, f->target, f->locator, NULL, NULL,
                                                     line_text(a, in, f->line, gold->pages)}))
            return CG_ENOMEM;
    }
    return CG_OK;
}

cg_status cg_accuracy_add(cg_accuracy *a, const char *name, const char *gold_path,
                          const cg_input *input, const cg_extraction *ext, cg_error *err) {
    rows gold = {0}, found = {0};
    cg_buf target = CG_BUF_INIT;
    const char *doc = cgu_arena_strdup(&a->arena, name);
    cg_status st = doc ? read_gold(a, gold_path, &gold, err) : cgu_oom(err);
    for (size_t i = 0; st == CG_OK && i < cg_extraction_count(ext); i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        cg_buf_clear(&target);
        if (cg_docid_append(&r->target, &target, NULL) != CG_OK ||
            push_row(a, &found, gold.pages ? r->page : r->line, cg_docid_kind_name(&r->target),
                     target.data, r->locator.text, cg_relation_name(r->relation)))
            st = cgu_oom(err);
    }
    if (st == CG_OK && match(a, &gold, &found, doc, input) != CG_OK) st = cgu_oom(err);
    if (st == CG_OK) a->documents++;
    cg_buf_release(&target);
    free(gold.v);
    free(found.v);
    return st;
}

size_t cg_accuracy_tallies(const cg_accuracy *a, const cg_tally **tallies) {
    *tallies = a->kinds.v;
    return a->kinds.n;
}

size_t cg_accuracy_relations(const cg_accuracy *a, const cg_tally **tallies) {
    *tallies = a->relations.v;
    return a->relations.n;
}

void cg_accuracy_overall(const cg_accuracy *a, cg_tally *all, size_t *matched, size_t *locator_ok,
                         size_t *relation_ok) {
    *all = (cg_tally){"overall", 0, 0, 0};
    for (size_t i = 0; i < a->kinds.n; i++) {
        all->gold += a->kinds.v[i].gold;
        all->found += a->kinds.v[i].found;
        all->tp += a->kinds.v[i].tp;
    }
    if (matched) *matched = a->matched;
    if (locator_ok) *locator_ok = a->locator_ok;
    if (relation_ok) *relation_ok = a->relation_ok;
}

size_t cg_accuracy_mismatches(const cg_accuracy *a, const cg_mismatch **mismatches) {
    *mismatches = a->mismatches;
    return a->nmismatches;
}

size_t cg_accuracy_documents(const cg_accuracy *a) {
    return a->documents;
}

/* ---- answers: how each question is answered ---- */

static const char *const answer_kinds[] = {"own", "reference", "partly", "none"};

static bool same_question(const cg_question *x, unsigned number, char sub) {
    return x->number == number && x->sub == sub;
}

/* How the extraction answers question `number` `sub`: the kind of the answer
 * that names it; for a question without a letter that the Antwort answers
 * in parts ("3a", "3b"), the kind of the parts (partly when they differ);
 * for a sub-question answered with its question, the question's. 3 when no
 * answer names it. */
static int found_answer(const cg_extraction *ext, unsigned number, char sub) {
    const cg_answer *ans;
    size_t n = cg_extraction_answers(ext, &ans);
    for (size_t i = 0; i < n; i++)
        for (size_t q = 0; q < ans[i].nquestions; q++)
            if (same_question(&ans[i].questions[q], number, sub)) return (int)ans[i].kind;
    int kind = 3;
    for (size_t i = 0; i < n; i++)
        for (size_t q = 0; q < ans[i].nquestions; q++) {
            const cg_question *x = &ans[i].questions[q];
            if (x->number != number || (sub ? x->sub != 0 : x->sub == 0)) continue;
            int k = (int)ans[i].kind;
            kind = kind == 3 || kind == k ? k : (int)CG_ANSWER_PARTLY;
            break;
        }
    return kind;
}

cg_status cg_accuracy_add_answers(cg_accuracy *a, const char *name, const char *gold_path,
                                  const cg_extraction *ext, cg_error *err) {
    FILE *f = fopen(gold_path, "r");
    if (!f) return cgu_error(err, CG_EIO, gold_path, 0, 0, "cannot open: %s", strerror(errno));
    const char *doc = cgu_arena_strdup(&a->arena, name);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int header_seen = 0;
    cg_status st = doc ? CG_OK : cgu_oom(err);
    while (st == CG_OK && (len = next_row(f, &line, &cap, &lineno)) > 0) {
        if (!header_seen) {
            header_seen = 1;
            if (strncmp(line, "question\t", 9) == 0) continue;
        }
        char *kind = strchr(line, '\t');
        if (kind) *kind++ = '\0';
        char *to = kind ? strchr(kind, '\t') : NULL;
        if (to) *to = '\0';
        char *end;
        unsigned long number = strtoul(line, &end, 10);
        char sub = *end >= 'a' && *end <= 'z' ? *end++ : 0;
        int gold = -1;
        for (int k = 0; kind && k < 3; k++)
            if (strcmp(kind, answer_kinds[k]) == 0) gold = k;
        if (!number || number > 100000 || *end || gold < 0) {
            st = cgu_error(err, CG_EFORMAT, gold_path, lineno, 0,
                           "expected 'QUESTION<TAB>own|reference|partly[<TAB>TO]'");
            break;
        }
        int found = found_answer(ext, (unsigned)number, sub);
        cg_answer_tally *t = &a->answers;
        t->questions++;
        t->gold_reference += gold == CG_ANSWER_REFERENCE;
        t->found_reference += found == CG_ANSWER_REFERENCE;
        t->both_reference += gold == CG_ANSWER_REFERENCE && found == CG_ANSWER_REFERENCE;
        if (found == gold) {
            t->agree++;
            continue;
        }
        char label[24];
        if (sub)
            snprintf(label, sizeof label, "%lu%c", number, sub);
        else
            snprintf(label, sizeof label, "%lu", number);
        const char *l = cgu_arena_strdup(&a->arena, label);
        if (!l || mismatch(a, (cg_mismatch){CG_MISMATCH_ANSWER, doc, lineno, false, "question", l,
                                            "", answer_kinds[gold], answer_kinds[found], NULL}))
            st = cgu_oom(err);
    }
    free(line);
    fclose(f);
    return st;
}

cg_answer_tally cg_accuracy_answers(const cg_accuracy *a) {
    return a->answers;
}

/* ---- metadata: titles, authors, types ---- */

cg_metadata_tally cg_accuracy_metadata(const cg_accuracy *a) {
    return a->meta;
}

cg_status cg_authors_format(const cg_author *authors, size_t n, cg_buf *out) {
    cg_buf_clear(out);
    for (size_t i = 0; i < n; i++)
        if (cgu_buf_printf(out, "%s%s:%s", i ? " | " : "", cg_author_role_name(authors[i].role),
                           authors[i].name ? authors[i].name : ""))
            return CG_ENOMEM;
    return CG_OK;
}

/* `s` with white space runs folded to one space and trimmed, into `out`. */
static int folded(const char *s, cg_buf *out) {
    cg_buf_clear(out);
    int space = 0;
    for (; s && *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = out->len > 0;
            continue;
        }
        if ((space && cgu_buf_putc(out, ' ')) || cgu_buf_putc(out, *s)) return -1;
        space = 0;
    }
    return 0;
}

static int meta_mismatch(cg_accuracy *a, cg_mismatch_kind what, const char *doc,
                         const char *expected, const char *found) {
    int failed = 0;
    cg_mismatch m = {.what = what,
                     .document = cgu_arena_dup_or_null(&a->arena, doc, &failed),
                     .kind = "",
                     .target = "",
                     .locator = "",
                     .expected = cgu_arena_dup_or_null(&a->arena, expected, &failed),
                     .found = cgu_arena_dup_or_null(&a->arena, found ? found : "", &failed),
                     .line_text = ""};
    return failed ? -1 : mismatch(a, m);
}

/* The column numbers of the header row: file, type, title, urheber. */
static int columns(char *header, int col[4]) {
    static const char *const names[4] = {"file", "type", "title", "urheber"};
    for (int k = 0; k < 4; k++)
        col[k] = -1;
    int i = 0;
    for (char *f = strtok(header, "\t"); f; f = strtok(NULL, "\t"), i++)
        for (int k = 0; k < 4; k++)
            if (strcmp(f, names[k]) == 0) col[k] = i;
    for (int k = 0; k < 4; k++)
        if (col[k] < 0) return k;
    return -1;
}

/* Compares one gold row with what the extractor reads from its document. */
static cg_status compare_document(cg_accuracy *a, const char *where, const char *path,
                                  const char *type, const char *title, const char *urheber,
                                  const cg_extractor *ex) {
    cg_input *in = NULL;
    cg_extraction *ext = NULL;
    cg_error e;
    cg_status st = cg_input_read_file(path, NULL, &in, &e);
    if (st == CG_OK) st = cg_extract(ex, in, &ext, &e);
    a->meta.documents++;
    if (st != CG_OK) {
        cg_input_free(in);
        if (st == CG_ENOMEM) return st;
        /* `where` is a gold file and its line: long paths are cut, not overflowed */
        char why[600];
        snprintf(why, sizeof why, "%.300s: %.290s", where, e.text);
        return meta_mismatch(a, CG_MISMATCH_UNREADABLE, path, why, NULL) ? CG_ENOMEM : CG_OK;
    }
    const cg_document_info *d = cg_extraction_document(ext);
    cg_buf want = CG_BUF_INIT, got = CG_BUF_INIT;
    int failed = folded(title, &want) || folded(d->title, &got);
    if (!failed && strcmp(want.data, got.data) == 0)
        a->meta.titles_ok++;
    else if (!failed)
        failed = meta_mismatch(a, CG_MISMATCH_TITLE, path, want.data, d->title);
    if (!failed)
        failed = folded(urheber, &want) || cg_authors_format(d->authors, d->nauthors, &got);
    if (!failed && strcmp(want.data, got.data) == 0)
        a->meta.authors_ok++;
    else if (!failed)
        failed = meta_mismatch(a, CG_MISMATCH_AUTHORS, path, want.data, got.data);
    if (!failed && d->type && strcmp(type, d->type) == 0)
        a->meta.types_ok++;
    else if (!failed)
        failed = meta_mismatch(a, CG_MISMATCH_TYPE, path, type, d->type);
    cg_buf_release(&want);
    cg_buf_release(&got);
    cg_extraction_free(ext);
    cg_input_free(in);
    return failed ? CG_ENOMEM : CG_OK;
}

cg_status cg_accuracy_add_metadata(cg_accuracy *a, const char *gold_path, const char *docs_dir,
                                   const cg_extractor *ex, cg_error *err) {
    FILE *f = fopen(gold_path, "r");
    if (!f) return cgu_error(err, CG_EIO, gold_path, 0, 0, "cannot open: %s", strerror(errno));
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int col[4] = {-1, -1, -1, -1}, header_seen = 0;
    cg_status st = CG_OK;
    while (st == CG_OK && (len = next_row(f, &line, &cap, &lineno)) > 0) {
        if (!header_seen) {
            header_seen = 1;
            int missing = columns(line, col);
            if (missing >= 0) {
                static const char *const names[4] = {"file", "type", "title", "urheber"};
                st = cgu_error(err, CG_EFORMAT, gold_path, lineno, 0,
                               "the header row lacks the column '%s'", names[missing]);
            }
            continue;
        }
        const char *field[4] = {"", "", "", ""};
        int i = 0;
        for (char *p = line, *tab;; p = tab + 1, i++) {
            tab = strchr(p, '\t');
            if (tab) *tab = '\0';
            for (int k = 0; k < 4; k++)
                if (col[k] == i) field[k] = p;
            if (!tab) break;
        }
        if (!*field[0]) {
            st = cgu_error(err, CG_EFORMAT, gold_path, lineno, 0, "a row without a file");
            break;
        }
        char path[4096], where[4200];
        snprintf(path, sizeof path, "%s/%s", docs_dir, field[0]);
        snprintf(where, sizeof where, "%s:%zu", gold_path, lineno);
        st = compare_document(a, where, path, field[1], field[2], field[3], ex);
        if (st != CG_OK) st = cgu_oom(err);
    }
    free(line);
    fclose(f);
    return st;
}

static double ratio(size_t x, size_t y) {
    return y ? (double)x / (double)y : 1.0;
}

cg_status cg_accuracy_check_thresholds(const cg_accuracy *a, const char *path, cg_buf *report,
                                       size_t *misses, cg_error *err) {
    *misses = 0;
    FILE *f = fopen(path, "r");
    if (!f) return cgu_error(err, CG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    cg_tally all;
    cg_accuracy_overall(a, &all, NULL, NULL, NULL);
    char line[256];
    size_t lineno = 0;
    cg_status st = CG_OK;
    while (st == CG_OK && fgets(line, sizeof line, f)) {
        lineno++;
        char kind[64];
        double p_min = 0, r_min = 0;
        if (line[0] == '#' || line[0] == '\n') continue;
        int n = sscanf(line, "%63s %lf %lf", kind, &p_min, &r_min);
        if (n < 2) {
            st = cgu_error(err, CG_EFORMAT, path, lineno, 0,
                           "expected 'KIND MIN_PRECISION MIN_RECALL'");
            break;
        }
        int bad = 0;
        if (strcmp(kind, "title") == 0 || strcmp(kind, "urheber") == 0 ||
            strcmp(kind, "type") == 0) {
            size_t ok = kind[1] == 'i'   ? a->meta.titles_ok
                        : kind[1] == 'r' ? a->meta.authors_ok
                                         : a->meta.types_ok;
            double v = ratio(ok, a->meta.documents);
            if (!a->meta.documents || v + 1e-9 < p_min) {
                ++*misses;
                if (cgu_buf_printf(report, "BELOW %s share %.4f < %.4f (%zu of %zu documents)\n",
                                   kind, v, p_min, ok, a->meta.documents))
                    st = cgu_oom(err);
            }
            continue;
        }
        if (strcmp(kind, "locator") == 0 || strcmp(kind, "relation") == 0) {
            double v = ratio(kind[0] == 'l' ? a->locator_ok : a->relation_ok, a->matched);
            if (v + 1e-9 < p_min) {
                ++*misses;
                if (cgu_buf_printf(report, "BELOW %s accuracy %.4f < %.4f\n", kind, v, p_min))
                    st = cgu_oom(err);
            }
            continue;
        }
        if (strcmp(kind, "answer_status") == 0) {
            const cg_answer_tally *at = &a->answers;
            double v = ratio(at->agree, at->questions);
            if (!at->questions || v + 1e-9 < p_min) {
                ++*misses;
                if (cgu_buf_printf(report,
                                   "BELOW answer_status share %.4f < %.4f (%zu of %zu "
                                   "questions)\n",
                                   v, p_min, at->agree, at->questions))
                    st = cgu_oom(err);
            }
            continue;
        }
        /* a kind, or else a relation ("refers") */
        const cg_tally *t = strcmp(kind, "overall") == 0 ? &all : NULL;
        for (size_t i = 0; !t && i < a->kinds.n; i++)
            if (strcmp(a->kinds.v[i].kind, kind) == 0) t = &a->kinds.v[i];
        for (size_t i = 0; !t && i < a->relations.n; i++)
            if (strcmp(a->relations.v[i].kind, kind) == 0) t = &a->relations.v[i];
        if (!t) {
            bad = cgu_buf_printf(report, "BELOW %s: no such kind or relation in the gold set\n",
                                 kind);
            ++*misses;
        } else {
            double p = ratio(t->tp, t->found), r = ratio(t->tp, t->gold);
            if (p + 1e-9 < p_min) {
                bad |= cgu_buf_printf(report, "BELOW %s precision %.4f < %.4f\n", kind, p, p_min);
                ++*misses;
            }
            if (n >= 3 && r + 1e-9 < r_min) {
                bad |= cgu_buf_printf(report, "BELOW %s recall %.4f < %.4f\n", kind, r, r_min);
                ++*misses;
            }
        }
        if (bad) st = cgu_oom(err);
    }
    fclose(f);
    return st;
}
