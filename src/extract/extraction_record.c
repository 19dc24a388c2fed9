/* extraction_record.c - what the check quotes of a document, kept with its
 * extraction, and both as one compact record: the entry of the result cache
 * of `check --cache DIR`.
 *
 * A cache hit must not read the document, so the extraction carries the
 * text of each reference and defect and the lines they start on (the check
 * quotes nothing else). The record is length-prefixed rather than JSON: the
 * quotes are the document's bytes, which need not be valid UTF-8, and a
 * re-run reads one record per document, so reading must be cheap.
 *
 * CGR1 size nlines nrefs nquestions ndefects nquoted\n
 * info: id issuer type title date alias\n
 * per reference: kind target locator resolves_to note relation flags offset
 *                length line col text\n
 * questions\n
 * per defect: offset length line col message text\n
 * per quoted line: number text\n
 * END\n
 *
 * A string is LEN:BYTES (or ~ for none), a number is decimal; each field is
 * followed by one space or newline. Reading checks every count, position
 * and string against the document's size and line count, so a damaged
 * record is refused, never trusted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/output.h"
#include "corpus/input_internal.h"
#include "quotes.h"
#include "xctx.h"

#define RECORD_MAGIC "CGR1"

const char *cgx_quote_line(cgu_arena *a, const cg_input *in, size_t line) {
    if (!line || line > in->nlines) return cgu_arena_strndup(a, "", 0);
    size_t s = in->line_starts[line - 1], e = s;
    while (e < in->size && in->data[e] != '\n')
        e++;
    if (e > s && in->data[e - 1] == '\r') e--;
    return cgx_quote_span(a, in, s, e - s);
}

const char *cgx_quote_span(cgu_arena *a, const cg_input *in, size_t offset, size_t len) {
    if (offset > in->size || len > in->size - offset) return NULL;
    const char *p = in->data + offset;
    const char *nul = memchr(p, '\0', len);
    return cgu_arena_strndup(a, p, nul ? (size_t)(nul - p) : len);
}

static int cmp_size(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

cg_status cg_extraction_keep_quotes(cg_extraction *ext, const cg_input *in) {
    if (!ext || !in) return CG_EINVAL;
    cgu_arena *a = &ext->arena;
    size_t nl = ext->nrefs + ext->ndefects;
    const char **rt = cgu_arena_alloc(a, (ext->nrefs + 1) * sizeof *rt);
    const char **dt = cgu_arena_alloc(a, (ext->ndefects + 1) * sizeof *dt);
    size_t *lines = cgu_arena_alloc(a, (nl + 1) * sizeof *lines);
    const char **texts = cgu_arena_alloc(a, (nl + 1) * sizeof *texts);
    if (!rt || !dt || !lines || !texts) return CG_ENOMEM;
    for (size_t i = 0; i < ext->nrefs; i++) {
        const cg_reference *r = &ext->refs[i];
        if (!(rt[i] = cgx_quote_span(a, in, r->offset, r->length))) return CG_EINVAL;
        lines[i] = r->line;
    }
    for (size_t i = 0; i < ext->ndefects; i++) {
        const cg_defect *d = &ext->defects[i];
        if (!(dt[i] = cgx_quote_span(a, in, d->offset, d->length))) return CG_EINVAL;
        lines[ext->nrefs + i] = d->line;
    }
    qsort(lines, nl, sizeof *lines, cmp_size);
    size_t n = 0;
    for (size_t i = 0; i < nl; i++) {
        if (n && lines[n - 1] == lines[i]) continue;
        lines[n] = lines[i];
        if (!(texts[n] = cgx_quote_line(a, in, lines[i]))) return CG_ENOMEM;
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

static const char *find_line(const cg_extraction *ext, size_t line) {
    size_t lo = 0, hi = ext->nquoted_lines;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ext->quoted_line_no[mid] < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ext->nquoted_lines && ext->quoted_line_no[lo] == line ? ext->quoted_line[lo] : NULL;
}

bool cgx_quoted(const cg_extraction *ext) {
    return ext->quoted;
}

const char *cgx_ref_text(const cg_extraction *ext, size_t i) {
    return ext->ref_text[i];
}

const char *cgx_defect_text(const cg_extraction *ext, size_t i) {
    return ext->defect_text[i];
}

const char *cgx_quoted_line(const cg_extraction *ext, size_t line) {
    const char *s = ext->quoted ? find_line(ext, line) : NULL;
    return s ? s : "";
}

/* ---- writing ---- */

static int put_num(cg_string *s, size_t v, char sep) {
    return cgu_str_printf(s, "%zu%c", v, sep);
}

static int put_str(cg_string *s, const char *v, char sep) {
    if (!v) return cgu_str_putc(s, '~') || cgu_str_putc(s, sep);
    size_t n = strlen(v);
    return cgu_str_printf(s, "%zu:", n) || cgu_str_append(s, v, n) || cgu_str_putc(s, sep);
}

cg_status cg_extraction_to_record(cg_string *out, const cg_extraction *ext) {
    if (!out || !ext || !ext->quoted) return CG_EINVAL;
    const cg_document_info *in = &ext->info;
    int bad = cgu_str_printf(out, RECORD_MAGIC " %zu %zu %zu %zu %zu %zu\n", ext->doc_size,
                             ext->doc_lines, ext->nrefs, ext->nquestions, ext->ndefects,
                             ext->nquoted_lines) ||
              put_str(out, in->id, ' ') || put_str(out, in->issuer, ' ') ||
              put_str(out, in->type, ' ') || put_str(out, in->title, ' ') ||
              put_str(out, in->date, ' ') || put_str(out, in->alias, '\n');
    for (size_t i = 0; !bad && i < ext->nrefs; i++) {
        const cg_reference *r = &ext->refs[i];
        bad = put_str(out, r->kind, ' ') || put_str(out, r->target, ' ') ||
              put_str(out, r->locator, ' ') || put_str(out, r->resolves_to, ' ') ||
              put_str(out, r->note, ' ') || put_num(out, (size_t)r->relation, ' ') ||
              put_num(out, r->flags, ' ') || put_num(out, r->offset, ' ') ||
              put_num(out, r->length, ' ') || put_num(out, r->line, ' ') ||
              put_num(out, r->col, ' ') || put_str(out, ext->ref_text[i], '\n');
    }
    for (size_t i = 0; !bad && i < ext->nquestions; i++)
        bad = put_str(out, ext->questions[i], '\n');
    for (size_t i = 0; !bad && i < ext->ndefects; i++) {
        const cg_defect *d = &ext->defects[i];
        bad = put_num(out, d->offset, ' ') || put_num(out, d->length, ' ') ||
              put_num(out, d->line, ' ') || put_num(out, d->col, ' ') ||
              put_str(out, d->message ? d->message : "", ' ') ||
              put_str(out, ext->defect_text[i], '\n');
    }
    for (size_t i = 0; !bad && i < ext->nquoted_lines; i++)
        bad = put_num(out, ext->quoted_line_no[i], ' ') || put_str(out, ext->quoted_line[i], '\n');
    bad = bad || cgu_str_puts(out, "END\n");
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

static cg_status record_error(cg_error *err, const char *why) {
    if (err) {
        memset(err, 0, sizeof *err);
        err->status = CG_EFORMAT;
        snprintf(err->text, sizeof err->text, "not a citegraph record: %s", why);
    }
    return CG_EFORMAT;
}

static int in_document(const cg_extraction *x, size_t offset, size_t length, size_t line,
                       size_t col) {
    return offset <= x->doc_size && length <= x->doc_size - offset && line >= 1 &&
           line <= x->doc_lines && col >= 1 && find_line(x, line);
}

static const char *read_record(reader *r, cg_extraction *x, size_t size) {
    size_t nrefs, nq, nd, nl;
    if ((size_t)(r->end - r->p) < 5 || memcmp(r->p, RECORD_MAGIC " ", 5) != 0)
        return "wrong format";
    r->p += 5;
    if (get_num(r, &x->doc_size) || get_num(r, &x->doc_lines) || get_num(r, &nrefs) ||
        get_num(r, &nq) || get_num(r, &nd) || get_num(r, &nl))
        return "bad header";
    if (x->doc_size != size) return "made for a document of another size";
    /* every item takes several bytes: a count beyond the record is damage,
     * not a reason to allocate */
    size_t left = (size_t)(r->end - r->p);
    if (nrefs > left || nq > left || nd > left || nl > left) return "counts beyond the record";
    cg_document_info *in = &x->info;
    if (get_str(r, &in->id, 1) || get_str(r, &in->issuer, 1) || get_str(r, &in->type, 1) ||
        get_str(r, &in->title, 1) || get_str(r, &in->date, 1) || get_str(r, &in->alias, 1))
        return "bad document info";
    x->refs = calloc(nrefs + 1, sizeof *x->refs);
    x->questions = calloc(nq + 1, sizeof *x->questions);
    x->defects = calloc(nd + 1, sizeof *x->defects);
    x->ref_text = cgu_arena_alloc(&x->arena, (nrefs + 1) * sizeof *x->ref_text);
    x->defect_text = cgu_arena_alloc(&x->arena, (nd + 1) * sizeof *x->defect_text);
    x->quoted_line_no = cgu_arena_alloc(&x->arena, (nl + 1) * sizeof *x->quoted_line_no);
    x->quoted_line = cgu_arena_alloc(&x->arena, (nl + 1) * sizeof *x->quoted_line);
    if (!x->refs || !x->questions || !x->defects || !x->ref_text || !x->defect_text ||
        !x->quoted_line_no || !x->quoted_line) {
        r->oom = 1;
        return "out of memory";
    }
    x->nrefs = nrefs;
    x->nquestions = nq;
    x->ndefects = nd;
    for (size_t i = 0; i < nrefs; i++) {
        cg_reference *f = &x->refs[i];
        size_t rel, flags;
        if (get_str(r, &f->kind, 0) || get_str(r, &f->target, 0) || get_str(r, &f->locator, 1) ||
            get_str(r, &f->resolves_to, 1) || get_str(r, &f->note, 1) || get_num(r, &rel) ||
            get_num(r, &flags) || get_num(r, &f->offset) || get_num(r, &f->length) ||
            get_num(r, &f->line) || get_num(r, &f->col) || get_str(r, &x->ref_text[i], 0) ||
            rel > 1 || flags > 0xFFFFFFFFu)
            return "bad reference";
        f->relation = (cg_relation)rel;
        f->flags = (unsigned)flags;
        if (strlen(x->ref_text[i]) > f->length) return "a reference text longer than its span";
    }
    for (size_t i = 0; i < nq; i++)
        if (get_str(r, &x->questions[i], 0)) return "bad question label";
    for (size_t i = 0; i < nd; i++) {
        cg_defect *d = &x->defects[i];
        if (get_num(r, &d->offset) || get_num(r, &d->length) || get_num(r, &d->line) ||
            get_num(r, &d->col) || get_str(r, &d->message, 0) || get_str(r, &x->defect_text[i], 0))
            return "bad defect";
        if (strlen(x->defect_text[i]) > d->length) return "a defect text longer than its span";
    }
    for (size_t i = 0; i < nl; i++) {
        if (get_num(r, &x->quoted_line_no[i]) || get_str(r, &x->quoted_line[i], 0))
            return "bad quoted line";
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

cg_status cg_extraction_from_record(const char *data, size_t len, size_t size, cg_extraction **out,
                                    cg_error *err) {
    if (!data || !out) return CG_EINVAL;
    *out = NULL;
    cg_extraction *x = calloc(1, sizeof *x);
    if (!x) return CG_ENOMEM;
    reader r = {data, data + len, &x->arena, 0};
    const char *why = read_record(&r, x, size);
    if (why) {
        cg_extraction_free(x);
        return r.oom ? CG_ENOMEM : record_error(err, why);
    }
    *out = x;
    return CG_OK;
}
