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
#include "resolve/extraction.h"
#include "resolve/quotes.h"

#define RECORD_MAGIC "CGR5"

/* ---- writing ---- */

static int put_num(cg_buf *s, size_t v, char sep) {
    return cgu_buf_printf(s, "%zu%c", v, sep);
}

static int put_str(cg_buf *s, const char *v, char sep) {
    if (!v) return cgu_buf_putc(s, '~') || cgu_buf_putc(s, sep);
    size_t n = strlen(v);
    return cgu_buf_printf(s, "%zu:", n) || cgu_buf_append(s, v, n) || cgu_buf_putc(s, sep);
}

static int put_id(cg_buf *s, const cg_docid *id, char sep) {
    if (id->kind == CG_KIND_NONE) return put_str(s, NULL, sep);
    cg_buf t = CG_BUF_INIT;
    int rc = cg_docid_append(id, &t, NULL) != CG_OK || put_str(s, t.data, sep);
    cg_buf_release(&t);
    return rc;
}

/* Questions as "3,3a" (~ for none). */
static int put_questions(cg_buf *s, const cg_question *q, size_t n, char sep) {
    if (!n) return put_str(s, NULL, sep);
    cg_buf t = CG_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        char label[24];
        cg_question_format(&q[i], label, sizeof label);
        rc = (i && cgu_buf_putc(&t, ',')) || cgu_buf_puts(&t, label);
    }
    rc = rc || put_str(s, t.data, sep);
    cg_buf_release(&t);
    return rc;
}

cg_status cgio_record_write(cg_buf *out, const cg_extraction *ext) {
    if (!ext->quoted) return CG_EINVAL;
    const cg_document_info *in = &ext->info;
    int bad =
        cgu_buf_printf(out, RECORD_MAGIC " %zu %zu %zu %zu %zu %zu %zu\n", ext->doc_size,
                       ext->doc_lines, ext->nrefs, ext->nquestions, ext->ndefects,
                       ext->nquoted_lines, ext->nanswers) ||
        put_id(out, &in->id, ' ') || put_str(out, in->type, ' ') || put_str(out, in->title, ' ') ||
        put_str(out, in->date, ' ') || put_id(out, &in->alias, '\n') ||
        put_num(out, (size_t)in->id_from, ' ') || put_num(out, (size_t)in->type_from, ' ') ||
        put_num(out, (size_t)in->title_from, ' ') || put_num(out, (size_t)in->date_from, ' ') ||
        put_num(out, (size_t)in->authors_from, ' ') || put_num(out, in->record, ' ') ||
        put_str(out, in->dip_id, ' ') || put_str(out, in->pdf_url, ' ') ||
        put_num(out, in->nauthors, ' ') || put_num(out, in->nprocedures, '\n');
    for (size_t i = 0; !bad && i < in->nauthors; i++)
        bad = put_str(out, in->authors[i].name, ' ') ||
              put_num(out, (size_t)in->authors[i].role, '\n');
    for (size_t i = 0; !bad && i < in->nprocedures; i++) {
        const cg_procedure *p = &in->procedures[i];
        bad =
            put_str(out, p->id, ' ') || put_str(out, p->title, ' ') || put_str(out, p->type, '\n');
    }
    for (size_t i = 0; !bad && i < ext->nrefs; i++) {
        const cg_reference *r = &ext->refs[i];
        bad = put_str(out, cg_docid_kind_name(&r->target), ' ') || put_id(out, &r->target, ' ') ||
              put_str(out, r->locator.text, ' ') || put_id(out, &r->resolves_to, ' ') ||
              put_str(out, r->note, ' ') || put_num(out, (size_t)r->relation, ' ') ||
              put_num(out, r->flags, ' ') || put_num(out, r->offset, ' ') ||
              put_num(out, r->length, ' ') || put_num(out, r->line, ' ') ||
              put_num(out, r->col, ' ') || put_num(out, r->page, ' ') ||
              put_num(out, r->page_line, ' ') || put_str(out, r->page_label, ' ') ||
              put_questions(out, r->answering, r->nanswering, ' ') ||
              put_str(out, ext->ref_text[i], '\n');
    }
    for (size_t i = 0; !bad && i < ext->nquestions; i++) {
        char q[24];
        cg_question_format(&ext->questions[i], q, sizeof q);
        bad = put_str(out, q, '\n');
    }
    for (size_t i = 0; !bad && i < ext->nanswers; i++) {
        const cg_answer *a = &ext->answers[i];
        bad = put_questions(out, a->questions, a->nquestions, ' ') ||
              put_num(out, (size_t)a->kind, ' ') || put_num(out, a->referrals, ' ') ||
              put_num(out, a->own, ' ') || put_num(out, a->offset, ' ') ||
              put_num(out, a->line, ' ') || put_num(out, a->col, ' ') ||
              put_num(out, a->page, ' ') || put_num(out, a->page_line, '\n');
    }
    for (size_t i = 0; !bad && i < ext->ndefects; i++) {
        const cg_defect *d = &ext->defects[i];
        bad = put_num(out, d->offset, ' ') || put_num(out, d->length, ' ') ||
              put_num(out, d->line, ' ') || put_num(out, d->col, ' ') ||
              put_num(out, d->page, ' ') || put_num(out, d->page_line, ' ') ||
              put_str(out, d->message ? d->message : "", ' ') ||
              put_str(out, ext->defect_text[i], '\n');
    }
    for (size_t i = 0; !bad && i < ext->nquoted_lines; i++)
        bad = put_num(out, ext->quoted_line_no[i], ' ') || put_str(out, ext->quoted_line[i], '\n');
    bad = bad || cgu_buf_puts(out, "END\n");
    return bad ? CG_ENOMEM : CG_OK;
}

/* ---- reading ---- */

typedef struct reader {
    const char *p, *end;
    cgu_arena *arena;
    int oom;
} reader;

static int sep(reader *r) {
    if (r->p < r->end && (*r->p == ' ' || *r->p == '\n')) {
        r->p++;
        return 0;
    }
    return -1;
}

/* A decimal number of at most 18 digits (no sign, no leading junk). */
static int get_num(reader *r, size_t *v) {
    size_t n = 0, digits = 0;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9' && digits < 19) {
        n = n * 10 + (size_t)(*r->p++ - '0');
        digits++;
    }
    if (!digits || digits > 18) return -1;
    *v = n;
    return sep(r);
}

/* A string copied into the arena; NULL for ~ when `nullable`. */
static int get_str(reader *r, const char **out, int nullable) {
    if (r->p < r->end && *r->p == '~') {
        if (!nullable) return -1;
        r->p++;
        *out = NULL;
        return sep(r);
    }
    size_t n = 0, digits = 0;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9' && digits < 19) {
        n = n * 10 + (size_t)(*r->p++ - '0');
        digits++;
    }
    if (!digits || digits > 18 || r->p >= r->end || *r->p != ':') return -1;
    r->p++;
    if (n > (size_t)(r->end - r->p) || memchr(r->p, '\0', n)) return -1;
    char *s = cgu_arena_strndup(r->arena, r->p, n);
    if (!s) {
        r->oom = 1;
        return -1;
    }
    r->p += n;
    *out = s;
    return sep(r);
}

/* A canonical id of a built-in kind, or none. */
static int get_id(reader *r, cg_docid *id) {
    const char *text;
    memset(id, 0, sizeof *id);
    if (get_str(r, &text, 1)) return -1;
    return text && cg_docid_parse(text, id, NULL) != CG_OK ? -1 : 0;
}

/* A locator text, with the questions it names. */
static int get_locator(reader *r, cg_locator *loc) {
    memset(loc, 0, sizeof *loc);
    if (get_str(r, &loc->text, 1)) return -1;
    if (cgl_locator_questions(r->arena, loc) == 0) return 0;
    r->oom = 1;
    return -1;
}

/* Questions written "3,3a" (~: none) into an array in the arena. */
static int get_questions(reader *r, const cg_question **out, size_t *n) {
    const char *text;
    *out = NULL;
    *n = 0;
    if (get_str(r, &text, 1)) return -1;
    if (!text) return 0;
    size_t count = 1;
    for (const char *p = text; *p; p++)
        count += *p == ',';
    cg_question *q = cgu_arena_alloc(r->arena, count * sizeof *q);
    if (!q) {
        r->oom = 1;
        return -1;
    }
    for (const char *p = text; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char label[24];
        if (!len || len >= sizeof label) return -1;
        memcpy(label, p, len);
        label[len] = '\0';
        if (!cgl_question_parse(label, &q[*n])) return -1;
        ++*n;
        p += len + (comma != NULL);
    }
    *out = q;
    return 0;
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
static int get_source(reader *r, cg_meta_source *v) {
    size_t n;
    if (get_num(r, &n) || n > CG_META_CATALOG) return -1;
    *v = (cg_meta_source)n;
    return 0;
}

/* The document's metadata beyond the header's facts; NULL, or what is wrong. */
static const char *read_metadata(reader *r, cg_document_info *in) {
    size_t na, np;
    if (get_source(r, &in->id_from) || get_source(r, &in->type_from) ||
        get_source(r, &in->title_from) || get_source(r, &in->date_from) ||
        get_source(r, &in->authors_from) || get_num(r, &in->record) || get_str(r, &in->dip_id, 1) ||
        get_str(r, &in->pdf_url, 1) || get_num(r, &na) || get_num(r, &np))
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
        if (get_str(r, &a[i].name, 0) || get_num(r, &role) || role > CG_AUTHOR_ASKER)
            return r->oom ? "out of memory" : "bad author";
        a[i].role = (cg_author_role)role;
    }
    for (size_t i = 0; i < np; i++)
        if (get_str(r, &p[i].id, 0) || get_str(r, &p[i].title, 1) || get_str(r, &p[i].type, 1))
            return r->oom ? "out of memory" : "bad procedure";
    in->authors = na ? a : NULL;
    in->nauthors = na;
    in->procedures = np ? p : NULL;
    in->nprocedures = np;
    return NULL;
}

static const char *read_record(reader *r, cg_extraction *x, size_t size) {
    size_t nrefs, nq, nd, nl, na;
    if ((size_t)(r->end - r->p) < 5 || memcmp(r->p, RECORD_MAGIC " ", 5) != 0)
        return "wrong format";
    r->p += 5;
    if (get_num(r, &x->doc_size) || get_num(r, &x->doc_lines) || get_num(r, &nrefs) ||
        get_num(r, &nq) || get_num(r, &nd) || get_num(r, &nl) || get_num(r, &na))
        return "bad header";
    if (x->doc_size != size) return "made for a document of another size";
    /* every item takes several bytes: a count beyond the record is damage,
     * not a reason to allocate */
    size_t left = (size_t)(r->end - r->p);
    if (nrefs > left || nq > left || nd > left || nl > left || na > left)
        return "counts beyond the record";
    cg_document_info *in = &x->info;
    if (get_id(r, &in->id) || get_str(r, &in->type, 1) || get_str(r, &in->title, 1) ||
        get_str(r, &in->date, 1) || get_id(r, &in->alias))
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
        if (get_str(r, &kind, 0) || get_str(r, &target, 0) || get_locator(r, &f->locator) ||
            get_id(r, &f->resolves_to) || get_str(r, &f->note, 1) || get_num(r, &rel) ||
            get_num(r, &flags) || get_num(r, &f->offset) || get_num(r, &f->length) ||
            get_num(r, &f->line) || get_num(r, &f->col) || get_num(r, &f->page) ||
            get_num(r, &f->page_line) || get_str(r, &f->page_label, 1) ||
            get_questions(r, &f->answering, &f->nanswering) || get_str(r, &x->ref_text[i], 0) ||
            rel > CG_REL_REFERS || flags > 0xFFFFFFFFu ||
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
        if (get_str(r, &label, 0)) return r->oom ? "out of memory" : "bad question label";
        if (!cgl_question_parse(label, &x->questions[i])) return "bad question label";
        x->nquestions++;
    }
    for (size_t i = 0; i < na; i++) {
        cg_answer *a = &x->answers[i];
        memset(a, 0, sizeof *a);
        size_t kind;
        if (get_questions(r, &a->questions, &a->nquestions) || !a->nquestions ||
            get_num(r, &kind) || kind > CG_ANSWER_PARTLY || get_num(r, &a->referrals) ||
            get_num(r, &a->own) || get_num(r, &a->offset) || get_num(r, &a->line) ||
            get_num(r, &a->col) || get_num(r, &a->page) || get_num(r, &a->page_line))
            return r->oom ? "out of memory" : "bad answer";
        a->kind = (cg_answer_kind)kind;
        if (a->offset > x->doc_size || a->line < 1 || a->line > x->doc_lines)
            return "an answer outside the document";
        x->nanswers++;
    }
    for (size_t i = 0; i < nd; i++) {
        cg_defect *d = &x->defects[i];
        if (get_num(r, &d->offset) || get_num(r, &d->length) || get_num(r, &d->line) ||
            get_num(r, &d->col) || get_num(r, &d->page) || get_num(r, &d->page_line) ||
            get_str(r, &d->message, 0) || get_str(r, &x->defect_text[i], 0))
            return r->oom ? "out of memory" : "bad defect";
        x->ndefects++;
        if (strlen(x->defect_text[i]) > d->length) return "a defect text longer than its span";
    }
    for (size_t i = 0; i < nl; i++) {
        if (get_num(r, &x->quoted_line_no[i]) || get_str(r, &x->quoted_line[i], 0))
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
    reader r = {data, data + len, &x->arena, 0};
    const char *why = read_record(&r, x, size);
    if (why) {
        cg_extraction_free(x);
        return r.oom ? cgu_oom(err) : record_error(err, why);
    }
    *out = x;
    return CG_OK;
}
