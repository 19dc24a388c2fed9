/* extractor.c - compiling the grammar, running the stages of one extraction,
 * and turning candidates into the public result.
 *
 * The patterns themselves live in the grammar (data/grammar.cgg, compiled
 * in; see compile.c). Every match runs under a match and depth limit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "corpus/input_internal.h"
#include "xctx.h"

const char *cg_relation_name(cg_relation rel) {
    return rel == CG_REL_ANSWERS ? "answers" : "cites";
}

/* ---- helpers shared by the stages ---- */

/* A subject may only end on a character boundary. */
static size_t char_boundary(const xctx *x, size_t limit) {
    if (limit >= x->norm.len) return x->norm.len;
    while (limit > 0 && ((unsigned char)x->norm.text[limit] & 0xC0) == 0x80) limit--;
    return limit;
}

static int run_code(xctx *x, const pcre2_code *re, size_t start, size_t limit, uint32_t opts);

static int run_match(xctx *x, int p, size_t start, size_t limit, uint32_t opts) {
    return run_code(x, x->ex->re[p], start, limit, opts);
}

static int run_code(xctx *x, const pcre2_code *re, size_t start, size_t limit, uint32_t opts) {
    limit = char_boundary(x, limit);
    if (start > limit) return 0;
    if (!x->utf_checked) {
        /* The normalised text is valid UTF-8 by construction; check it once,
         * then let every later match skip the check. */
        x->utf_checked = true;
    } else {
        opts |= PCRE2_NO_UTF_CHECK;
    }
    int rc = pcre2_match(re, (PCRE2_SPTR)x->norm.text, limit, start, opts, x->md, x->mctx);
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL) return 0;
    if (rc == PCRE2_ERROR_NOMEMORY) x->status = CG_ENOMEM;
    else if (x->status == CG_OK) {
        x->status = CG_ELIMIT;
    }
    return 0;
}

int cgx_next(xctx *x, int p, size_t *pos, size_t *s, size_t *e) {
    return cgx_find(x, p, pos, x->norm.len, s, e);
}

int cgx_find_within(xctx *x, int p, size_t *pos, size_t limit, size_t *s, size_t *e) {
    size_t start = *pos;
    /* A match must end by `limit`; the subject stops a little after it, so that
     * short lookaheads still see the real text, and a search that fails does
     * not run on to the end of the document (which made lists quadratic). */
    size_t subject = limit + 64 < x->norm.len ? limit + 64 : x->norm.len;
    if (!cgx_find(x, p, &start, subject, s, e) || *e > limit) return 0;
    *pos = start;
    return 1;
}

/* For a pattern with a line_literal: only the lines that hold the literal
 * are tried, each anchored at its start, instead of a scan of every line.
 * The grammar promises that a match starts at a line start and that its
 * first line holds the literal (checked on its examples), so the first
 * such line that matches gives the same match as the full scan. */
/* The first occurrence of lit[0..ll) in t[from..limit), or NULL (memchr is
 * vectorised; memmem is not in POSIX). */
static const char *find_literal(const char *t, size_t from, size_t limit, const char *lit, size_t ll) {
    while (from + ll <= limit) {
        const char *c = memchr(t + from, lit[0], limit - from - ll + 1);
        if (!c) return NULL;
        if (memcmp(c, lit, ll) == 0) return c;
        from = (size_t)(c - t) + 1;
    }
    return NULL;
}

static int run_by_lines(xctx *x, int p, size_t pos, size_t limit) {
    const char *t = x->norm.text, *lit = x->ex->line_literal[p];
    size_t ll = strlen(lit), from = pos;
    while (from < limit) {
        const char *hit = find_literal(t, from, limit, lit, ll);
        if (!hit) return 0;
        size_t h = (size_t)(hit - t), ls = h, le = h;
        while (ls > 0 && t[ls - 1] != '\n') ls--;
        while (le < limit && t[le] != '\n') le++;
        if (ls >= pos && run_match(x, p, ls, limit, PCRE2_ANCHORED)) return 1;
        if (x->status != CG_OK) return 0;
        from = le + 1;
    }
    return 0;
}

int cgx_find(xctx *x, int p, size_t *pos, size_t limit, size_t *s, size_t *e) {
    if (limit > x->norm.len) limit = x->norm.len;
    if (*pos > limit || x->status != CG_OK) return 0;
    if (!(x->ex->line_literal[p] ? run_by_lines(x, p, *pos, limit) : run_match(x, p, *pos, limit, 0)))
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    *s = ov[0];
    *e = ov[1];
    *pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    return 1;
}

int cgx_match_str(xctx *x, int p, const char *str, size_t len) {
    if (x->status != CG_OK) return 0;
    int rc = pcre2_match(x->ex->re[p], (PCRE2_SPTR)str, len, 0, 0, x->md, x->mctx);
    if (rc >= 0) return 1;
    if (rc != PCRE2_ERROR_NOMATCH && rc < 0 && rc != PCRE2_ERROR_BADUTFOFFSET &&
        (rc > PCRE2_ERROR_UTF8_ERR1 || rc < PCRE2_ERROR_UTF8_ERR21))
        x->status = rc == PCRE2_ERROR_NOMEMORY ? CG_ENOMEM : CG_ELIMIT;
    return 0;
}

int cgx_at(xctx *x, int p, size_t at, size_t limit, size_t *e) {
    if (at > limit || x->status != CG_OK) return 0;
    if (!run_match(x, p, at, limit, PCRE2_ANCHORED)) return 0;
    *e = pcre2_get_ovector_pointer(x->md)[1];
    return 1;
}

int cgx_next_code(xctx *x, const pcre2_code *re, size_t *pos, size_t *s, size_t *e) {
    if (*pos > x->norm.len || x->status != CG_OK) return 0;
    if (!run_code(x, re, *pos, x->norm.len, 0)) return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    *s = ov[0];
    *e = ov[1];
    *pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    return 1;
}

int cgx_group(xctx *x, int p, const char *name, size_t *s, size_t *e) {
    return cgx_group_code(x, x->ex->re[p], name, s, e);
}

int cgx_group_code(xctx *x, const pcre2_code *re, const char *name, size_t *s, size_t *e) {
    /* Names may repeat across alternatives (PCRE2_DUPNAMES): take the one set. */
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first, &last);
    if (size <= 0) return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    uint32_t count = pcre2_get_ovector_count(x->md);
    for (PCRE2_SPTR entry = first; entry <= last; entry += size) {
        uint32_t n = ((uint32_t)entry[0] << 8) | entry[1];
        if (n < count && ov[2 * n] != PCRE2_UNSET) {
            *s = ov[2 * n];
            *e = ov[2 * n + 1];
            return 1;
        }
    }
    return 0;
}

unsigned long cgx_group_number(xctx *x, int p, const char *name, int *digits) {
    size_t s, e;
    if (!cgx_group(x, p, name, &s, &e)) {
        if (digits) *digits = 0;
        return 0;
    }
    return cgx_number(x->norm.text, s, e, digits);
}

char *cgx_text(xctx *x, size_t s, size_t e) {
    char *out = cgu_arena_alloc(x->arena, e - s + 1);
    if (!out) {
        x->status = CG_ENOMEM;
        return NULL;
    }
    size_t n = 0;
    int space = 0;
    for (size_t i = s; i < e; i++) {
        char c = x->norm.text[i];
        if (c == ' ' || c == '\n' || c == '\t') {
            space = n > 0;
            continue;
        }
        if (space) out[n++] = ' ';
        space = 0;
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

char *cgx_strdup(xctx *x, const char *s) {
    char *p = cgu_arena_strdup(x->arena, s);
    if (!p) x->status = CG_ENOMEM;
    return p;
}

long cgx_add_cand(xctx *x, const cand *c) {
    if (cgu_grow((void **)&x->cands, &x->capcands, x->ncands + 1, sizeof *x->cands)) {
        x->status = CG_ENOMEM;
        return -1;
    }
    x->cands[x->ncands] = *c;
    x->cands[x->ncands].id = (int)x->ncands;
    if (x->cands[x->ncands].list_first < 0) x->cands[x->ncands].list_first = (int)x->ncands;
    if (!x->cands[x->ncands].tail_end) x->cands[x->ncands].tail_end = c->end;
    return (long)x->ncands++;
}

unsigned long cgx_number(const char *text, size_t s, size_t e, int *ndigits) {
    unsigned long v = 0;
    int n = 0;
    for (size_t i = s; i < e; i++) {
        if (text[i] < '0' || text[i] > '9') continue;
        if (n < 9) v = v * 10 + (unsigned long)(text[i] - '0');
        n++;
    }
    if (ndigits) *ndigits = n;
    return v;
}

bool cgx_excluded(const xctx *x, size_t s, size_t e) {
    for (size_t i = 0; i < x->nexcluded; i++)
        if (s >= x->excluded[i].start && e <= x->excluded[i].end) return true;
    return false;
}

/* ---- the result ---- */


static int cmp_cand(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end > y->end ? -1 : 1; /* longer first */
    return strcmp(x->kind, y->kind);
}

static cg_status build_result(xctx *x, cg_extraction *r) {
    size_t n = 0;
    for (size_t i = 0; i < x->ncands; i++) n += !x->cands[i].dropped;
    r->refs = calloc(n ? n : 1, sizeof *r->refs);
    if (!r->refs) return CG_ENOMEM;
    cg_position_cursor cur;
    cg_position_cursor_init(&cur, x->input);
    for (size_t i = 0; i < x->ncands; i++) {
        const cand *c = &x->cands[i];
        if (c->dropped) continue;
        cg_reference *ref = &r->refs[r->nrefs++];
        ref->kind = c->kind;
        ref->target = c->target;
        ref->locator = c->locator;
        ref->resolves_to = c->resolves_to;
        ref->note = c->note;
        ref->relation = c->relation;
        ref->flags = c->flags;
        ref->offset = cg_norm_orig_start(&x->norm, c->start);
        size_t end = cg_norm_orig_end(&x->norm, c->end);
        ref->length = end > ref->offset ? end - ref->offset : 0;
        cg_position_cursor_get(&cur, ref->offset, &ref->line, &ref->col);
    }
    return CG_OK;
}

cg_status cg_extract(const cg_extractor *ex, const cg_input *input, cg_extraction **out,
                     cg_error *err) {
    *out = NULL;
    cg_extraction *r = calloc(1, sizeof *r);
    if (!r) return CG_ENOMEM;
    xctx x;
    memset(&x, 0, sizeof x);
    x.ex = ex;
    x.input = input;
    x.arena = &r->arena;
    cg_status st = CG_OK;
    if (cg_normalize(input->data, input->size, &x.norm) != 0) {
        st = CG_ENOMEM;
        goto out;
    }
    x.md = pcre2_match_data_create(64, NULL);
    x.mctx = pcre2_match_context_create(NULL);
    x.jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!x.md || !x.mctx || !x.jit) {
        st = CG_ENOMEM;
        goto out;
    }
    /* Bounds on every match: a pathological input fails one document with
     * CG_ELIMIT instead of running for hours. */
    pcre2_set_match_limit(x.mctx, 10 * 1000 * 1000);
    pcre2_set_depth_limit(x.mctx, 10 * 1000);
    pcre2_jit_stack_assign(x.mctx, NULL, x.jit);

    if (cgx_header(&x) != 0 || cgx_questions(&x) != 0 || cgx_references(&x) != 0) goto fail;
    if (x.ncands) qsort(x.cands, x.ncands, sizeof *x.cands, cmp_cand);
    if (cgx_locators(&x) != 0) goto fail;
    r->info = x.info;
    r->questions = x.qlabels; /* strings live in the result's arena */
    r->nquestions = x.nqlabels;
    x.qlabels = NULL;
    if (x.ndefects) {
        r->defects = calloc(x.ndefects, sizeof *r->defects);
        if (!r->defects) goto fail;
        cg_position_cursor cur;
        cg_position_cursor_init(&cur, input);
        for (size_t i = 0; i < x.ndefects; i++) {
            cg_defect *d = &r->defects[r->ndefects++];
            d->offset = cg_norm_orig_start(&x.norm, x.defects[i].start);
            size_t end = cg_norm_orig_end(&x.norm, x.defects[i].end);
            d->length = end > d->offset ? end - d->offset : 0;
            d->message = "a Bundestag or Bundesrat keyword without a number";
            cg_position_cursor_get(&cur, d->offset, &d->line, &d->col);
        }
    }
    st = build_result(&x, r);
    goto out;
fail:
    st = x.status != CG_OK ? x.status : CG_ENOMEM;
out:
    if (st != CG_OK && err) {
        memset(err, 0, sizeof *err);
        err->status = st;
        snprintf(err->path, sizeof err->path, "%s", input->name);
        snprintf(err->text, sizeof err->text, "%s",
                 st == CG_ELIMIT ? "a pattern reached its match limit; the document was not "
                                   "processed"
                                 : cg_strerror(st));
    }
    pcre2_match_data_free(x.md);
    pcre2_match_context_free(x.mctx);
    pcre2_jit_stack_free(x.jit);
    free(x.cands);
    free(x.defects);
    free(x.qlabels);
    free(x.questions);
    free(x.articles);
    free(x.excluded);
    cg_normalized_release(&x.norm);
    if (st != CG_OK) {
        cg_extraction_free(r);
        return st;
    }
    *out = r;
    return CG_OK;
}

void cg_extraction_free(cg_extraction *r) {
    if (!r) return;
    free(r->questions);
    free(r->defects);
    free(r->refs);
    cgu_arena_release(&r->arena);
    free(r);
}

const cg_document_info *cg_extraction_document(const cg_extraction *r) {
    return &r->info;
}

size_t cg_extraction_questions(const cg_extraction *r, const char *const **labels) {
    if (labels) *labels = r->questions;
    return r->nquestions;
}

size_t cg_extraction_defects(const cg_extraction *r, const cg_defect **defects) {
    if (defects) *defects = r->defects;
    return r->ndefects;
}

size_t cg_extraction_count(const cg_extraction *r) {
    return r->nrefs;
}

const cg_reference *cg_extraction_reference(const cg_extraction *r, size_t i) {
    return i < r->nrefs ? &r->refs[i] : NULL;
}

const char *cg_strerror(cg_status st) {
    switch (st) {
    case CG_OK: return "success";
    case CG_ENOMEM: return "out of memory";
    case CG_EIO: return "input/output error";
    case CG_ELIMIT: return "a limit was reached";
    case CG_EINVAL: return "invalid argument";
    case CG_EPATTERN: return "invalid pattern";
    case CG_EBINARY: return "binary input";
    case CG_ENOTFILE: return "not a regular file";
    case CG_EFORMAT: return "malformed input";
    case CG_EGRAPH: return "graph error";
    }
    return "unknown error";
}

const char *cg_version(void) {
    return CG_VERSION_STRING;
}

char *cg_canonical_id(const cg_extractor *ex, const char *text, size_t len) {
    /* A bare number is read as a Drucksache; everything else as written. */
    size_t skip = 0;
    while (skip < len && (text[skip] == ' ' || text[skip] == '\t')) skip++;
    int bare = skip < len && text[skip] >= '0' && text[skip] <= '9';
    size_t pre = bare ? 11 : 0;
    size_t n = len + pre;
    char *buf = malloc(n + 1);
    if (!buf) return NULL;
    /* memcpy, not "%.*s": the text may hold NUL bytes (all len bytes count)
     * and be longer than INT_MAX. */
    memcpy(buf, "Drucksache ", pre);
    if (len) memcpy(buf + pre, text, len);
    buf[n] = '\0';
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    char *id = NULL;
    if (cg_input_from_memory("id", buf, n, NULL, &in, NULL) == CG_OK &&
        cg_extract(ex, in, &r, NULL) == CG_OK) {
        for (size_t i = 0; i < r->nrefs && !id; i++)
            if (strcmp(r->refs[i].kind, CG_KIND_INTERNAL) != 0) id = strdup(r->refs[i].target);
    }
    cg_extraction_free(r);
    cg_input_free(in);
    free(buf);
    return id;
}
