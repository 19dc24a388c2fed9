/* extraction.c - the extraction object: accessors, and the quotes the check
 * keeps with it (quotes.h). */
#include "extraction.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/input_internal.h"
#include "quotes.h"

const char *cg_relation_name(cg_relation rel) {
    return rel == CG_REL_ANSWERS ? "answers" : rel == CG_REL_REFERS ? "refers" : "cites";
}

const char *cg_answer_kind_name(cg_answer_kind kind) {
    return kind == CG_ANSWER_REFERENCE ? "reference" : kind == CG_ANSWER_PARTLY ? "partly" : "own";
}

const char *cg_author_role_name(cg_author_role role) {
    switch (role) {
    case CG_AUTHOR_MINISTRY:
        return "ressort";
    case CG_AUTHOR_ASKER:
        return "fragesteller";
    case CG_AUTHOR_SUBMITTER:
        break;
    }
    return "urheber";
}

const char *cg_meta_source_name(cg_meta_source source) {
    switch (source) {
    case CG_META_HEADER:
        return "header";
    case CG_META_DIP:
        return "dip";
    case CG_META_CATALOG:
        return "catalog";
    case CG_META_NONE:
        break;
    }
    return "none";
}

cg_extraction *cgr_extraction_new(void) {
    return calloc(1, sizeof(cg_extraction));
}

void cg_extraction_free(cg_extraction *ext) {
    if (!ext) return;
    free(ext->heap_refs);
    cgu_arena_release(&ext->arena);
    free(ext);
}

const cg_document_info *cg_extraction_document(const cg_extraction *ext) {
    return &ext->info;
}

size_t cg_extraction_count(const cg_extraction *ext) {
    return ext->nrefs;
}

const cg_reference *cg_extraction_reference(const cg_extraction *ext, size_t i) {
    return i < ext->nrefs ? &ext->refs[i] : NULL;
}

size_t cg_extraction_questions(const cg_extraction *ext, const cg_question **questions) {
    if (questions) *questions = ext->questions;
    return ext->nquestions;
}

size_t cg_extraction_answers(const cg_extraction *ext, const cg_answer **answers) {
    if (answers) *answers = ext->answers;
    return ext->nanswers;
}

size_t cg_extraction_defects(const cg_extraction *ext, const cg_defect **defects) {
    if (defects) *defects = ext->defects;
    return ext->ndefects;
}

/* ---- quotes ---- */

const char *cgr_quote_span(cgu_arena *a, const cg_input *in, size_t offset, size_t len) {
    if (offset > in->size || len > in->size - offset) return NULL;
    const char *p = in->data + offset;
    const char *nul = memchr(p, '\0', len);
    return cgu_arena_strndup(a, p, nul ? (size_t)(nul - p) : len);
}

const char *cgr_quote_line(cgu_arena *a, const cg_input *in, size_t line) {
    size_t len;
    const char *s = cg_extraction_line(NULL, in, line, &len);
    return cgu_arena_strndup(a, s ? s : "", len);
}

const char *cg_extraction_line(const cg_extraction *ext, const cg_input *input, size_t line,
                               size_t *len) {
    *len = 0;
    if (input) {
        if (!line || line > input->nlines) return NULL;
        size_t s = input->line_starts[line - 1], e = s;
        while (e < input->size && input->data[e] != '\n')
            e++;
        if (e > s && input->data[e - 1] == '\r') e--;
        const char *nul = memchr(input->data + s, '\0', e - s);
        *len = nul ? (size_t)(nul - (input->data + s)) : e - s;
        return input->data + s;
    }
    size_t i = ext && ext->quoted ? cgr_quoted_line_index(ext, line) : SIZE_MAX;
    if (i == SIZE_MAX) return NULL;
    *len = strlen(ext->quoted_line[i]);
    return ext->quoted_line[i];
}

static int cmp_size(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

cg_status cgr_keep_quotes(cg_extraction *ext, const cg_input *in) {
    cgu_arena *a = &ext->arena;
    size_t nl = ext->nrefs + ext->ndefects;
    const char **rt = cgu_arena_alloc(a, (ext->nrefs + 1) * sizeof *rt);
    const char **dt = cgu_arena_alloc(a, (ext->ndefects + 1) * sizeof *dt);
    size_t *lines = cgu_arena_alloc(a, (nl + 1) * sizeof *lines);
    const char **texts = cgu_arena_alloc(a, (nl + 1) * sizeof *texts);
    if (!rt || !dt || !lines || !texts) return CG_ENOMEM;
    for (size_t i = 0; i < ext->nrefs; i++) {
        const cg_reference *r = &ext->refs[i];
        if (!(rt[i] = cgr_quote_span(a, in, r->offset, r->length))) return CG_EINVAL;
        lines[i] = r->line;
    }
    for (size_t i = 0; i < ext->ndefects; i++) {
        const cg_defect *d = &ext->defects[i];
        if (!(dt[i] = cgr_quote_span(a, in, d->offset, d->length))) return CG_EINVAL;
        lines[ext->nrefs + i] = d->line;
    }
    qsort(lines, nl, sizeof *lines, cmp_size);
    size_t n = 0;
    for (size_t i = 0; i < nl; i++) {
        if (n && lines[n - 1] == lines[i]) continue;
        lines[n] = lines[i];
        if (!(texts[n] = cgr_quote_line(a, in, lines[i]))) return CG_ENOMEM;
        n++;
    }
    ext->ref_text = rt;
    ext->defect_text = dt;
    ext->quoted_line_no = lines;
    ext->quoted_line = texts;
    ext->nquoted_lines = n;
    ext->doc_size = in->size;
    ext->doc_lines = in->nlines;
    ext->quoted = true;
    return CG_OK;
}

bool cgr_quoted(const cg_extraction *ext) {
    return ext->quoted;
}

const char *cgr_ref_text(const cg_extraction *ext, size_t i) {
    return ext->ref_text[i];
}

const char *cgr_defect_text(const cg_extraction *ext, size_t i) {
    return ext->defect_text[i];
}

size_t cgr_quoted_line_index(const cg_extraction *ext, size_t line) {
    size_t lo = cgu_lower_bound(ext->quoted_line_no, ext->nquoted_lines, line);
    return lo < ext->nquoted_lines && ext->quoted_line_no[lo] == line ? lo : SIZE_MAX;
}

const char *cgr_quoted_line(const cg_extraction *ext, size_t line) {
    size_t len;
    const char *s = cg_extraction_line(ext, NULL, line, &len);
    return s ? s : "";
}
