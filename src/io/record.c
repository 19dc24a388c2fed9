/* record.c - an extraction with what the check quotes, as one compact
 * record: the entry of the result cache (cache.c).
 *
 * A cache hit must not read the document, so the record carries the text
 * of each reference and defect and the lines they start on (the check
 * quotes nothing else). It is length-prefixed rather than JSON: the quotes
 * are the document's bytes, which need not be valid UTF-8, and a re-run
 * reads one record per document, so reading must be cheap.
 *
 * CGR5 size nlines nrefs nquestions ndefects nquoted nanswers\n
 * info: id type title date alias\n
 * metadata: id_from type_from title_from date_from authors_from record dip_id
 *           pdf_url nauthors nprocedures\n
 * per author: name role\n
 * per procedure: id title type\n
 * per reference: kind target locator resolves_to note relation flags offset
 *                length line col page page_line page_label answering text\n
 * questions\n
 * per answer: questions kind referrals own offset line col page page_line\n
 * per defect: offset length line col page page_line message text\n
 * per quoted line: number text\n
 * END\n
 *
 * A string is LEN:BYTES (or ~ for none), a number is decimal; each field is
 * followed by one space or newline. Ids are written as cg_docid_format()
 * gives them and read with cg_docid_parse_kind(); locators as text, read
 * with their questions; lists of questions as their labels joined by ","
 * ("3,3a"). Reading checks every count, position and string
 * against the document's size and line count, so a damaged record is
 * refused, never trusted. */
#include "record.h"

#include <stdint.h>
#include <string.h>

#include "docid/questions.h"
#include "fields.h"
#include "resolve/extraction.h"
#include "resolve/quotes.h"

#define RECORD_MAGIC "CGR5"

/* ---- writing ---- */

cg_status cgio_record_write(cg_buf *out, const cg_extraction *ext) {
    if (!ext->quoted) return CG_EINVAL;
    const cg_document_info *in = &ext->info;
    int bad = cgu_buf_printf(out, RECORD_MAGIC " %zu %zu %zu %zu %zu %zu %zu\n", ext->doc_size,
                             ext->doc_lines, ext->nrefs, ext->nquestions, ext->ndefects,
                             ext->nquoted_lines, ext->nanswers) ||
              cgio_put_id(out, &in->id, ' ') || cgio_put_str(out, in->type, ' ') ||
              cgio_put_str(out, in->title, ' ') || cgio_put_str(out, in->date, ' ') ||
              cgio_put_id(out, &in->alias, '\n') || cgio_put_num(out, (size_t)in->id_from, ' ') ||
              cgio_put_num(out, (size_t)in->type_from, ' ') ||
              cgio_put_num(out, (size_t)in->title_from, ' ') ||
              cgio_put_num(out, (size_t)in->date_from, ' ') ||
              cgio_put_num(out, (size_t)in->authors_from, ' ') ||
              cgio_put_num(out, in->record, ' ') || cgio_put_str(out, in->dip_id, ' ') ||
              cgio_put_str(out, in->pdf_url, ' ') || cgio_put_num(out, in->nauthors, ' ') ||
              cgio_put_num(out, in->nprocedures, '\n');
    for (size_t i = 0; !bad && i < in->nauthors; i++)
        bad = cgio_put_str(out, in->authors[i].name, ' ') ||
              cgio_put_num(out, (size_t)in->authors[i].role, '\n');
    for (size_t i = 0; !bad && i < in->nprocedures; i++) {
        const cg_procedure *p = &in->procedures[i];
        bad = cgio_put_str(out, p->id, ' ') || cgio_put_str(out, p->title, ' ') ||
              cgio_put_str(out, p->type, '\n');
    }
    for (size_t i = 0; !bad && i < ext->nrefs; i++) {
        const cg_reference *r = &ext->refs[i];
        bad = cgio_put_str(out, cg_docid_kind_name(&r->target), ' ') ||
              cgio_put_id(out, &r->target, ' ') || cgio_put_str(out, r->locator.text, ' ') ||
              cgio_put_id(out, &r->resolves_to, ' ') || cgio_put_str(out, r->note, ' ') ||
              cgio_put_num(out, (size_t)r->relation, ' ') || cgio_put_num(out, r->flags, ' ') ||
              cgio_put_num(out, r->offset, ' ') || cgio_put_num(out, r->length, ' ') ||
              cgio_put_num(out, r->line, ' ') || cgio_put_num(out, r->col, ' ') ||
              cgio_put_num(out, r->page, ' ') || cgio_put_num(out, r->page_line, ' ') ||
              cgio_put_str(out, r->page_label, ' ') ||
              cgio_put_questions(out, r->answering, r->nanswering, ' ') ||
              cgio_put_str(out, ext->ref_text[i], '\n');
    }
    for (size_t i = 0; !bad && i < ext->nquestions; i++) {
        char q[24];
        cg_question_format(&ext->questions[i], q, sizeof q);
        bad = cgio_put_str(out, q, '\n');
    }
    for (size_t i = 0; !bad && i < ext->nanswers; i++) {
        const cg_answer *a = &ext->answers[i];
        bad = cgio_put_questions(out, a->questions, a->nquestions, ' ') ||
              cgio_put_num(out, (size_t)a->kind, ' ') || cgio_put_num(out, a->referrals, ' ') ||
              cgio_put_num(out, a->own, ' ') || cgio_put_num(out, a->offset, ' ') ||
              cgio_put_num(out, a->line, ' ') || cgio_put_num(out, a->col, ' ') ||
              cgio_put_num(out, a->page, ' ') || cgio_put_num(out, a->page_line, '\n');
    }
    for (size_t i = 0; !bad && i < ext->ndefects; i++) {
        const cg_defect *d = &ext->defects[i];
        bad = cgio_put_num(out, d->offset, ' ') || cgio_put_num(out, d->length, ' ') ||
              cgio_put_num(out, d->line, ' ') || cgio_put_num(out, d->col, ' ') ||
              cgio_put_num(out, d->page, ' ') || cgio_put_num(out, d->page_line, ' ') ||
              cgio_put_str(out, d->message ? d->message : "", ' ') ||
              cgio_put_str(out, ext->defect_text[i], '\n');
    }
    for (size_t i = 0; !bad && i < ext->nquoted_lines; i++)
        bad = cgio_put_num(out, ext->quoted_line_no[i], ' ') ||
              cgio_put_str(out, ext->quoted_line[i], '\n');
    bad = bad || cgu_buf_puts(out, "END\n");
    return bad ? CG_ENOMEM : CG_OK;
}

/* ---- reading ---- */

/* A locator text, with the questions it names. */
static int get_locator(cgio_reader *r, cg_locator *loc) {
    memset(loc, 0, sizeof *loc);
    if (cgio_get_str(r, &loc->text, 1)) return -1;
    if (cgl_locator_questions(r->arena, loc) == 0) return 0;
    r->oom = 1;
    return -1;
}

static cg_status record_error(cg_error *err, const char *why) {
    return cgu_error(err, CG_EFORMAT, NULL, 0, 0, "not a citegraph record: %s", why);
}

static int in_document(const cg_extraction *x, size_t offset, size_t length, size_t line,
                       size_t col) {
    return offset <= x->doc_size && length <= x->doc_size - offset && line >= 1 &&
           line <= x->doc_lines && col >= 1 && cgr_quoted_line_index(x, line) != SIZE_MAX;
}

/* A source of metadata (cg_meta_source). */
static int get_source(cgio_reader *r, cg_meta_source *v) {
    size_t n;
    if (cgio_get_num(r, &n) || n > CG_META_CATALOG) return -1;
    *v = (cg_meta_source)n;
    return 0;
}

/* The document's metadata beyond the header's facts; NULL, or what is wrong. */
static const char *read_metadata(cgio_reader *r, cg_document_info *in) {
    size_t na, np;
    if (get_source(r, &in->id_from) || get_source(r, &in->type_from) ||
        get_source(r, &in->title_from) || get_source(r, &in->date_from) ||
        get_source(r, &in->authors_from) || cgio_get_num(r, &in->record) ||
        cgio_get_str(r, &in->dip_id, 1) || cgio_get_str(r, &in->pdf_url, 1) ||
        cgio_get_num(r, &na) || cgio_get_num(r, &np))
        return r->oom ? "out of memory" : "bad document metadata";
    size_t left = (size_t)(r->end - r->p);
    if (na > left || np > left) return "counts beyond the record";
    cg_author *a = cgu_arena_alloc(r->arena, (na + 1) * sizeof *a);
    cg_procedure *p = cgu_arena_alloc(r->arena, (np + 1) * sizeof *p);
    if (!a || !p) {
        r->oom = 1;
        return "out of memory";
    }
    for (size_t i = 0; i < na; i++) {
        size_t role;
        if (cgio_get_str(r, &a[i].name, 0) || cgio_get_num(r, &role) || role > CG_AUTHOR_ASKER)
            return r->oom ? "out of memory" : "bad author";
        a[i].role = (cg_author_role)role;
    }
    for (size_t i = 0; i < np; i++)
        if (cgio_get_str(r, &p[i].id, 0) || cgio_get_str(r, &p[i].title, 1) ||
            cgio_get_str(r, &p[i].type, 1))
            return r->oom ? "out of memory" : "bad procedure";
    in->authors = na ? a : NULL;
    in->nauthors = na;
    in->procedures = np ? p : NULL;
    in->nprocedures = np;
    return NULL;
}

static const char *read_record(cgio_reader *r, cg_extraction *x, size_t size) {
    size_t nrefs, nq, nd, nl, na;
    if ((size_t)(r->end - r->p) < 5 || memcmp(r->p, RECORD_MAGIC " ", 5) != 0)
        return "wrong format";
    r->p += 5;
    if (cgio_get_num(r, &x->doc_size) || cgio_get_num(r, &x->doc_lines) ||
        cgio_get_num(r, &nrefs) || cgio_get_num(r, &nq) || cgio_get_num(r, &nd) ||
        cgio_get_num(r, &nl) || cgio_get_num(r, &na))
        return "bad header";
    if (x->doc_size != size) return "made for a document of another size";
    /* every item takes several bytes: a count beyond the record is damage,
     * not a reason to allocate */
    size_t left = (size_t)(r->end - r->p);
    if (nrefs > left || nq > left || nd > left || nl > left || na > left)
        return "counts beyond the record";
    cg_document_info *in = &x->info;
    if (cgio_get_id(r, &in->id) || cgio_get_str(r, &in->type, 1) ||
        cgio_get_str(r, &in->title, 1) || cgio_get_str(r, &in->date, 1) ||
        cgio_get_id(r, &in->alias))
        return r->oom ? "out of memory" : "bad document info";
    const char *why = read_metadata(r, in);
    if (why) return why;
    x->refs = cgu_arena_alloc(&x->arena, (nrefs + 1) * sizeof *x->refs);
    x->questions = cgu_arena_alloc(&x->arena, (nq + 1) * sizeof *x->questions);
    x->defects = cgu_arena_alloc(&x->arena, (nd + 1) * sizeof *x->defects);
    x->ref_text = cgu_arena_alloc(&x->arena, (nrefs + 1) * sizeof *x->ref_text);
    x->defect_text = cgu_arena_alloc(&x->arena, (nd + 1) * sizeof *x->defect_text);
    x->quoted_line_no = cgu_arena_alloc(&x->arena, (nl + 1) * sizeof *x->quoted_line_no);
    x->quoted_line = cgu_arena_alloc(&x->arena, (nl + 1) * sizeof *x->quoted_line);
    x->answers = cgu_arena_alloc(&x->arena, (na + 1) * sizeof *x->answers);
    if (!x->refs || !x->questions || !x->defects || !x->ref_text || !x->defect_text ||
        !x->quoted_line_no || !x->quoted_line || !x->answers) {
        r->oom = 1;
        return "out of memory";
    }
    for (size_t i = 0; i < nrefs; i++) {
        cg_reference *f = &x->refs[i];
        memset(f, 0, sizeof *f);
        const char *kind, *target;
        size_t rel, flags;
        if (cgio_get_str(r, &kind, 0) || cgio_get_str(r, &target, 0) ||
            get_locator(r, &f->locator) || cgio_get_id(r, &f->resolves_to) ||
            cgio_get_str(r, &f->note, 1) || cgio_get_num(r, &rel) || cgio_get_num(r, &flags) ||
            cgio_get_num(r, &f->offset) || cgio_get_num(r, &f->length) ||
            cgio_get_num(r, &f->line) || cgio_get_num(r, &f->col) || cgio_get_num(r, &f->page) ||
            cgio_get_num(r, &f->page_line) || cgio_get_str(r, &f->page_label, 1) ||
            cgio_get_questions(r, &f->answering, &f->nanswering) ||
            cgio_get_str(r, &x->ref_text[i], 0) || rel > CG_REL_REFERS || flags > 0xFFFFFFFFu ||
            cg_docid_parse_kind(kind, target, &f->target, NULL))
            return r->oom ? "out of memory" : "bad reference";
        f->relation = (cg_relation)rel;
        f->flags = (unsigned)flags;
        /* a page (a PDF's) or none; the line on a page is no later than the line */
        if (f->page ? f->page_line < 1 || f->page_line > f->line
                    : f->page_line != 0 || f->page_label != NULL)
            return "a reference's page does not fit its line";
        x->nrefs++;
        if (strlen(x->ref_text[i]) > f->length) return "a reference text longer than its span";
    }
    for (size_t i = 0; i < nq; i++) {
        const char *label;
        if (cgio_get_str(r, &label, 0)) return r->oom ? "out of memory" : "bad question label";
        if (!cgl_question_parse(label, &x->questions[i])) return "bad question label";
        x->nquestions++;
    }
    for (size_t i = 0; i < na; i++) {
        cg_answer *a = &x->answers[i];
        memset(a, 0, sizeof *a);
        size_t kind;
        if (cgio_get_questions(r, &a->questions, &a->nquestions) || !a->nquestions ||
            cgio_get_num(r, &kind) || kind > CG_ANSWER_PARTLY || cgio_get_num(r, &a->referrals) ||
            cgio_get_num(r, &a->own) || cgio_get_num(r, &a->offset) || cgio_get_num(r, &a->line) ||
            cgio_get_num(r, &a->col) || cgio_get_num(r, &a->page) || cgio_get_num(r, &a->page_line))
            return r->oom ? "out of memory" : "bad answer";
        a->kind = (cg_answer_kind)kind;
        if (a->offset > x->doc_size || a->line < 1 || a->line > x->doc_lines)
            return "an answer outside the document";
        x->nanswers++;
    }
    for (size_t i = 0; i < nd; i++) {
        cg_defect *d = &x->defects[i];
        if (cgio_get_num(r, &d->offset) || cgio_get_num(r, &d->length) ||
            cgio_get_num(r, &d->line) || cgio_get_num(r, &d->col) || cgio_get_num(r, &d->page) ||
            cgio_get_num(r, &d->page_line) || cgio_get_str(r, &d->message, 0) ||
            cgio_get_str(r, &x->defect_text[i], 0))
            return r->oom ? "out of memory" : "bad defect";
        x->ndefects++;
        if (strlen(x->defect_text[i]) > d->length) return "a defect text longer than its span";
    }
    for (size_t i = 0; i < nl; i++) {
        if (cgio_get_num(r, &x->quoted_line_no[i]) || cgio_get_str(r, &x->quoted_line[i], 0))
            return r->oom ? "out of memory" : "bad quoted line";
        size_t no = x->quoted_line_no[i];
        if (no < 1 || no > x->doc_lines || (i && no <= x->quoted_line_no[i - 1]))
            return "quoted lines out of order or outside the document";
    }
    x->nquoted_lines = nl;
    if ((size_t)(r->end - r->p) != 4 || memcmp(r->p, "END\n", 4) != 0) return "no proper end";
    for (size_t i = 0; i < nrefs; i++) {
        const cg_reference *f = &x->refs[i];
        if (!in_document(x, f->offset, f->length, f->line, f->col))
            return "a reference outside the document";
    }
    for (size_t i = 0; i < nd; i++) {
        const cg_defect *d = &x->defects[i];
        if (!in_document(x, d->offset, d->length, d->line, d->col))
            return "a defect outside the document";
    }
    x->quoted = true;
    return NULL;
}

cg_status cgio_record_read(const char *data, size_t len, size_t size, cg_extraction **out,
                           cg_error *err) {
    *out = NULL;
    cg_extraction *x = cgr_extraction_new();
    if (!x) return cgu_oom(err);
    cgio_reader r = {data, data + len, false, &x->arena, 0};
    const char *why = read_record(&r, x, size);
    if (why) {
        cg_extraction_free(x);
        return r.oom ? cgu_oom(err) : record_error(err, why);
    }
    *out = x;
    return CG_OK;
}
