/* extractor.c - running the stages of one extraction (header, references,
 * locators, questions) and turning their candidates into the result the
 * resolver reads (citation.h). The matching they share is in match.c.
 *
 * The patterns themselves live in the grammar (data/grammar.cgg, compiled
 * in; see compile.c). Every match runs under a match and depth limit. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "input/input_internal.h"
#include "xctx.h"

/* ---- the result ---- */

/* Candidates that survived, with their spans mapped back to the original bytes. */
static cg_status build_references(xctx *x, cgx_result *r) {
    size_t n = 0;
    for (size_t i = 0; i < x->ncands; i++)
        n += !x->cands[i].dropped;
    if (!n) return CG_OK;
    r->refs = malloc(n * sizeof *r->refs);
    r->evidence = malloc(n * sizeof *r->evidence);
    if (!r->refs || !r->evidence) return CG_ENOMEM;
    cg_position_cursor cur;
    cg_position_cursor_init(&cur, x->input);
    for (size_t i = 0; i < x->ncands; i++) {
        const cand *c = &x->cands[i];
        if (c->dropped) continue;
        r->evidence[r->nrefs] = (cgx_evidence){c->drs, c->pdf};
        cg_reference *ref = &r->refs[r->nrefs++];
        *ref = (cg_reference){.target = c->target,
                              .locator = c->locator,
                              .note = c->note,
                              .flags = c->flags,
                              .relation = c->relation};
        if (c->answer) {
            const cg_answer *a = &r->answers[c->answer - 1];
            ref->answering = a->questions;
            ref->nanswering = a->nquestions;
        }
        ref->offset = cg_norm_orig_start(&x->norm, c->start);
        size_t end = cg_norm_orig_end(&x->norm, c->end);
        ref->length = end > ref->offset ? end - ref->offset : 0;
        cg_position_cursor_get(&cur, ref->offset, &ref->line, &ref->col);
        cgin_page_of(x->input, ref->offset, ref->line, &ref->page, &ref->page_line);
        /* references come in order: the label of a page is copied once */
        if (ref->page && r->nrefs > 1 && r->refs[r->nrefs - 2].page == ref->page)
            ref->page_label = r->refs[r->nrefs - 2].page_label;
        else if (ref->page && x->input->page_labels[ref->page - 1])
            ref->page_label = cgx_strdup(x, x->input->page_labels[ref->page - 1]);
    }
    return CG_OK;
}

/* An Antwort's answers, their questions copied and their starts mapped back
 * to the original bytes. */
static cg_status build_answers(xctx *x, cgx_result *r) {
    if (!x->nanswers) return CG_OK;
    r->answers = cgu_arena_alloc(x->arena, x->nanswers * sizeof *r->answers);
    if (!r->answers) return CG_ENOMEM;
    cg_position_cursor cur;
    cg_position_cursor_init(&cur, x->input);
    for (size_t i = 0; i < x->nanswers; i++) {
        const xanswer *xa = &x->answers[i];
        cg_answer *a = &r->answers[r->nanswers++];
        memset(a, 0, sizeof *a);
        a->nquestions = xa->q1 - xa->q0 + 1;
        a->questions = cgx_questions_dup(x, x->qlabels + xa->q0, a->nquestions);
        if (!a->questions) return CG_ENOMEM;
        a->referrals = xa->referrals;
        a->own = xa->own;
        a->kind = !xa->referrals ? CG_ANSWER_OWN : xa->own ? CG_ANSWER_PARTLY : CG_ANSWER_REFERENCE;
        a->offset = cg_norm_orig_start(&x->norm, xa->start);
        cg_position_cursor_get(&cur, a->offset, &a->line, &a->col);
        cgin_page_of(x->input, a->offset, a->line, &a->page, &a->page_line);
    }
    return CG_OK;
}

static cg_status build_defects(xctx *x, cgx_result *r) {
    if (!x->ndefects) return CG_OK;
    r->defects = cgu_arena_alloc(x->arena, x->ndefects * sizeof *r->defects);
    if (!r->defects) return CG_ENOMEM;
    cg_position_cursor cur;
    cg_position_cursor_init(&cur, x->input);
    for (size_t i = 0; i < x->ndefects; i++) {
        cg_defect *d = &r->defects[r->ndefects++];
        d->offset = cg_norm_orig_start(&x->norm, x->defects[i].start);
        size_t end = cg_norm_orig_end(&x->norm, x->defects[i].end);
        d->length = end > d->offset ? end - d->offset : 0;
        d->message = "a Bundestag or Bundesrat keyword without a number";
        cg_position_cursor_get(&cur, d->offset, &d->line, &d->col);
        cgin_page_of(x->input, d->offset, d->line, &d->page, &d->page_line);
    }
    return CG_OK;
}

cg_status cgx_extract(const cg_extractor *ex, const cg_input *input, cgu_arena *arena,
                      cgx_result *r, cg_error *err) {
    memset(r, 0, sizeof *r);
    xctx x;
    memset(&x, 0, offsetof(xctx, trigger_memo)); /* the memo is read only where set */
    x.ex = ex;
    x.input = input;
    x.arena = arena;
    cg_status st = CG_OK;
    if (cg_normalize(input->data, input->size, &x.norm) != 0) {
        st = CG_ENOMEM;
        goto out;
    }
    x.md = pcre2_match_data_create(64, NULL);
    x.mctx = pcre2_match_context_create(NULL);
    x.jit = cgx_stack_take(ex);
    if (!x.md || !x.mctx || !x.jit) {
        st = CG_ENOMEM;
        goto out;
    }
    /* Bounds on every match: a pathological input fails one document with
     * CG_ELIMIT instead of running for hours. */
    pcre2_set_match_limit(x.mctx, 10 * 1000 * 1000);
    pcre2_set_depth_limit(x.mctx, 10 * 1000);
    pcre2_jit_stack_assign(x.mctx, NULL, x.jit);

    if (cgx_read_header(&x) != 0 || cgx_questions(&x) != 0 || cgx_references(&x) != 0) goto fail;
    if (x.ncands) qsort(x.cands, x.ncands, sizeof *x.cands, cgx_cmp_cand);
    if (cgx_locators(&x) != 0 || cgx_answers(&x) != 0) goto fail;
    r->header = x.header;
    r->nquestions = x.nqlabels;
    r->questions = cgx_questions_dup(&x, x.qlabels, x.nqlabels);
    if (x.status != CG_OK) goto fail;
    st = build_defects(&x, r);
    if (st == CG_OK) st = build_answers(&x, r);
    if (st == CG_OK) st = build_references(&x, r);
    goto out;
fail:
    st = x.status != CG_OK ? x.status : CG_ENOMEM;
out:
    if (st != CG_OK)
        cgu_error(err, st, input->name, 0, 0, "%s",
                  st == CG_ELIMIT
                      ? "a pattern reached its match limit; the document was not processed"
                      : cg_strerror(st));
    pcre2_match_data_free(x.md);
    pcre2_match_context_free(x.mctx);
    if (x.jit) cgx_stack_give(ex, x.jit);
    free(x.cands);
    free(x.defects);
    free(x.qlabels);
    free(x.qstart);
    free(x.answers);
    free(x.questions);
    free(x.articles);
    free(x.excluded);
    cgx_url_words_release(&x.url_words);
    cg_buf_release(&x.url_scratch[0]);
    cg_buf_release(&x.url_scratch[1]);
    for (size_t i = 0; i < ex->nshared; i++)
        free(x.sightings[i].pos);
    cg_normalized_release(&x.norm);
    return st;
}

void cgx_result_release(cgx_result *r) {
    free(r->refs);
    free(r->evidence);
    r->refs = NULL;
    r->evidence = NULL;
    r->nrefs = 0;
}
