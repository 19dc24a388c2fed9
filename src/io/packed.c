/* packed.c - the packed output of `citegraph extract --format packed`:
 * the same documents and references as its JSON Lines, in a compact binary
 * form that the graph commands read many times faster
 * (citegraph/serialize.h).
 *
 * JSON Lines are for people and other programs; reading 380 MB of them
 * back with jansson takes seconds per core, most of a graph command's time
 * at a million references. A packed file carries exactly what the JSON
 * Lines carry, read back into the same extractions (the tests compare every
 * graph output both ways), without a parser for a text format.
 *
 * The file: the 8 bytes "\x89CGPAK1\n", then frames. A frame is its length
 * (a varint) and that many bytes: the payload, 'D' and a document or 'S'
 * and the summary (the last frame), then 8 bytes of checksum (the first
 * half of the payload's cgu_hash, least significant byte first), so that a
 * damaged byte anywhere is found rather than read as other data. A varint is 7 bits a byte, least
 * significant first; a number that may be absent (null in the JSON Lines) is stored as varint(v +
 * 1), 0 for none; a string is varint(length + 1) and its bytes, 0 for none; an enumeration one byte
 * of its public value; an id its kind's name and its canonical text, read with
 * cg_docid_parse_kind() as the JSON Lines reader does. A document:
 *
 *   file error                     (with an error, nothing follows)
 *   bytes nwarnings warning...
 *   id type title date alias  id_from type_from title_from date_from authors_from
 *   record dip_id pdf_url  nauthors (name role)...  nprocedures (id title type)...
 *   nanswers (questions kind referrals own offset line col page page_line)...
 *   nrefs (target locator resolves_to note relation flags offset length line
 *          col page page_line page_label answering text)...
 *
 * Questions are a count and, for each, its number and its letter (0 for
 * none). The summary: files failed references warnings.
 *
 * Frames hold whole documents, so the reader cuts the file at frame
 * boundaries into pieces and parses them on several threads. Every length,
 * count and enumeration is checked against what is left of its frame: a
 * damaged or cut file is refused with the byte offset of its bad frame,
 * never read past its end. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/serialize.h"
#include "docid/questions.h"
#include "io/pieces.h"
#include "resolve/extraction.h"
#include "util/util.h"

static const char packed_magic[CGU_PACKED_MAGIC_LEN] = CGU_PACKED_MAGIC;

bool cg_packed_recognise(const char *data, size_t len) {
    return len >= sizeof packed_magic && memcmp(data, packed_magic, sizeof packed_magic) == 0;
}

/* ---- writing ---- */

/* `v` as a varint into t; its length in bytes. */
static size_t encode_varint(unsigned char t[10], uint64_t v) {
    size_t n = 0;
    do {
        t[n] = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v) t[n] |= 0x80;
        n++;
    } while (v);
    return n;
}

static int put_varint(cg_buf *b, uint64_t v) {
    unsigned char t[10];
    return cgu_buf_append(b, (const char *)t, encode_varint(t, v));
}

static int put_byte(cg_buf *b, unsigned v) {
    return cgu_buf_putc(b, (char)(unsigned char)v);
}

static int put_strn(cg_buf *b, const char *s, size_t n) {
    if (!s) return put_varint(b, 0);
    return put_varint(b, (uint64_t)n + 1) || cgu_buf_append(b, s, n);
}

static int put_str(cg_buf *b, const char *s) {
    return put_strn(b, s, s ? strlen(s) : 0);
}

static int put_id(cg_buf *b, const cg_docid *id) {
    if (id->kind == CG_KIND_NONE) return put_str(b, NULL) || put_str(b, NULL);
    char small[128];
    size_t n = cg_docid_format(id, small, sizeof small);
    if (n < sizeof small) return put_str(b, cg_docid_kind_name(id)) || put_strn(b, small, n);
    cg_buf t = CG_BUF_INIT;
    int rc = cg_docid_append(id, &t, NULL) != CG_OK || put_str(b, cg_docid_kind_name(id)) ||
             put_strn(b, t.data, t.len);
    cg_buf_release(&t);
    return rc;
}

static int put_questions(cg_buf *b, const cg_question *q, size_t n) {
    int rc = put_varint(b, n);
    for (size_t i = 0; !rc && i < n; i++)
        rc = put_varint(b, q[i].number) || put_byte(b, (unsigned char)q[i].sub);
    return rc;
}

static int put_info(cg_buf *b, const cg_document_info *in) {
    int rc = put_id(b, &in->id) || put_str(b, in->type) || put_str(b, in->title) ||
             put_str(b, in->date) || put_id(b, &in->alias) || put_byte(b, in->id_from) ||
             put_byte(b, in->type_from) || put_byte(b, in->title_from) ||
             put_byte(b, in->date_from) || put_byte(b, in->authors_from) ||
             put_varint(b, in->record) || put_str(b, in->dip_id) || put_str(b, in->pdf_url) ||
             put_varint(b, in->nauthors);
    for (size_t i = 0; !rc && i < in->nauthors; i++)
        rc = put_str(b, in->authors[i].name) || put_byte(b, in->authors[i].role);
    rc = rc || put_varint(b, in->nprocedures);
    for (size_t i = 0; !rc && i < in->nprocedures; i++) {
        const cg_procedure *p = &in->procedures[i];
        rc = put_str(b, p->id) || put_str(b, p->title) || put_str(b, p->type);
    }
    return rc;
}

static int put_answers(cg_buf *b, const cg_extraction *ext) {
    const cg_answer *a;
    size_t n = cg_extraction_answers(ext, &a);
    int rc = put_varint(b, n);
    for (size_t i = 0; !rc && i < n; i++)
        rc = put_questions(b, a[i].questions, a[i].nquestions) || put_byte(b, a[i].kind) ||
             put_varint(b, a[i].referrals) || put_varint(b, a[i].own) ||
             put_varint(b, a[i].offset) || put_varint(b, a[i].line) || put_varint(b, a[i].col) ||
             put_varint(b, a[i].page) || put_varint(b, a[i].page_line);
    return rc;
}

static int put_refs(cg_buf *b, const cg_extraction *ext, const char *data, size_t size) {
    size_t n = cg_extraction_count(ext);
    int rc = put_varint(b, n);
    for (size_t i = 0; !rc && i < n; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        bool has_text = data && r->offset <= size && r->length <= size - r->offset;
        rc = put_id(b, &r->target) || put_str(b, r->locator.text) || put_id(b, &r->resolves_to) ||
             put_str(b, r->note) || put_byte(b, r->relation) || put_varint(b, r->flags) ||
             put_varint(b, r->offset) || put_varint(b, r->length) || put_varint(b, r->line) ||
             put_varint(b, r->col) || put_varint(b, r->page) || put_varint(b, r->page_line) ||
             put_str(b, r->page_label) || put_questions(b, r->answering, r->nanswering) ||
             put_strn(b, has_text ? data + r->offset : NULL, r->length);
    }
    return rc;
}

static uint64_t checksum(const void *data, size_t len) {
    cgu_hash h;
    cgu_hash_init(&h);
    cgu_hash_bytes(&h, data, len);
    return h.a;
}

/* Ends a frame whose payload was written at out->data + start: appends its
 * checksum and inserts its length before it. */
static int close_frame(cg_buf *out, size_t start) {
    uint64_t sum = checksum(out->data + start, out->len - start);
    unsigned char le[8];
    for (size_t i = 0; i < 8; i++)
        le[i] = (unsigned char)(sum >> (8 * i));
    if (cgu_buf_append(out, (const char *)le, sizeof le)) return -1;
    size_t len = out->len - start;
    unsigned char t[10];
    size_t n = encode_varint(t, len);
    if (cgu_buf_reserve(out, n)) return -1;
    memmove(out->data + start + n, out->data + start, len);
    memcpy(out->data + start, t, n);
    out->len += n;
    out->data[out->len] = '\0';
    return 0;
}

cg_status cg_packed_write_header(cg_buf *out, cg_error *err) {
    return cgu_buf_append(out, packed_magic, sizeof packed_magic) ? cgu_oom(err) : CG_OK;
}

cg_status cg_packed_write_document(cg_buf *out, const char *file, const cg_input *input,
                                   const cg_extraction *ext, const char *problem, cg_error *err) {
    size_t start = out->len;
    int rc = put_byte(out, 'D') || put_str(out, file) || put_str(out, problem);
    if (!rc && !problem) {
        rc = put_varint(out, input ? (uint64_t)cg_input_size(input) + 1 : 0);
        size_t nw = input ? cg_input_warning_count(input) : 0;
        rc = rc || put_varint(out, nw);
        for (size_t i = 0; !rc && i < nw; i++)
            rc = put_str(out, cg_input_warning(input, i));
        static const cg_document_info none;
        rc = rc || put_info(out, ext ? cg_extraction_document(ext) : &none);
        if (ext)
            rc = rc || put_answers(out, ext) ||
                 put_refs(out, ext, input ? cg_input_data(input) : NULL,
                          input ? cg_input_size(input) : 0);
        else
            rc = rc || put_varint(out, 0) || put_varint(out, 0);
    }
    if (rc || close_frame(out, start)) {
        out->len = start;
        return cgu_oom(err);
    }
    return CG_OK;
}

cg_status cg_packed_write_summary(cg_buf *out, size_t files, size_t failed, size_t references,
                                  size_t warnings, cg_error *err) {
    size_t start = out->len;
    if (put_byte(out, 'S') || put_varint(out, files) || put_varint(out, failed) ||
        put_varint(out, references) || put_varint(out, warnings) || close_frame(out, start)) {
        out->len = start;
        return cgu_oom(err);
    }
    return CG_OK;
}

/* ---- reading ---- */

/* A frame being read: `bad` says why it cannot be, and stops every read. */
typedef struct cursor {
    const unsigned char *p, *end;
    const char *bad;
} cursor;

static uint64_t get_varint(cursor *c) {
    uint64_t v = 0;
    for (unsigned shift = 0; !c->bad; shift += 7) {
        if (c->p == c->end || shift > 63) {
            c->bad = c->p == c->end ? "cut short" : "a number out of range";
            break;
        }
        unsigned char byte = *c->p++;
        v |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return v;
    }
    return 0;
}

/* A count of items each at least `min_bytes` long: refused when the frame
 * cannot hold that many, so that a damaged count never allocates much. */
static size_t get_count(cursor *c, size_t min_bytes) {
    uint64_t n = get_varint(c);
    if (!c->bad && n > (uint64_t)(c->end - c->p) / min_bytes) c->bad = "a count beyond its frame";
    return c->bad ? 0 : (size_t)n;
}

static size_t get_size(cursor *c) {
    uint64_t v = get_varint(c);
    if (v > SIZE_MAX / 2) c->bad = "a number out of range";
    return c->bad ? 0 : (size_t)v;
}

static unsigned get_enum(cursor *c, unsigned last) {
    if (!c->bad && c->p == c->end) c->bad = "cut short";
    if (c->bad) return 0;
    unsigned v = *c->p++;
    if (v > last) c->bad = "an unknown value";
    return c->bad ? 0 : v;
}

/* A string in place (not NUL-terminated): *s NULL for none. */
static size_t get_raw(cursor *c, const char **s) {
    *s = NULL;
    uint64_t n = get_varint(c);
    if (c->bad || n == 0) return 0;
    if (n - 1 > (uint64_t)(c->end - c->p)) {
        c->bad = "a string beyond its frame";
        return 0;
    }
    *s = (const char *)c->p;
    c->p += n - 1;
    return (size_t)(n - 1);
}

/* A string copied into the extraction's arena; NULL for none (and when
 * memory ran out: *nomem). */
static const char *get_str(cursor *c, cg_extraction *e, int *nomem) {
    const char *s;
    size_t n = get_raw(c, &s);
    if (!s) return NULL;
    char *copy = cgu_arena_strndup(&e->arena, s, n);
    if (!copy) *nomem = 1;
    return copy;
}

static void get_id(cursor *c, cg_extraction *e, cg_docid *id, int *nomem) {
    memset(id, 0, sizeof *id);
    const char *kind, *text;
    size_t nk = get_raw(c, &kind), nt = get_raw(c, &text);
    if (c->bad || !kind) return;
    if (!text || !nk || !nt || memchr(kind, 0, nk) || memchr(text, 0, nt)) {
        c->bad = "an id without a kind or a text";
        return;
    }
    char *t = cgu_arena_strndup(&e->arena, text, nt);
    if (!t) {
        *nomem = 1;
        return;
    }
    /* what cg_docid_parse_kind() does, the kind's name compared once rather
     * than looked up among all kinds: a built-in kind whose text parses as
     * one of its ids, else a grammar file's kind */
    if (cg_docid_parse(t, id, NULL) == CG_OK) {
        const char *name = cg_kind_name(id->kind);
        if (strlen(name) == nk && memcmp(name, kind, nk) == 0 && id->kind != CG_KIND_GRAMMAR)
            return;
    }
    char *k = cgu_arena_strndup(&e->arena, kind, nk);
    if (!k) {
        *nomem = 1;
        return;
    }
    cg_docid_parse_kind(k, t, id, NULL); /* cannot fail with a kind and a text */
}

static void get_questions(cursor *c, cg_extraction *e, const cg_question **out, size_t *count,
                          int *nomem) {
    *out = NULL;
    *count = get_count(c, 2);
    if (!*count) return;
    cg_question *q = cgu_arena_alloc(&e->arena, *count * sizeof *q);
    if (!q) {
        *nomem = 1;
        *count = 0;
        return;
    }
    for (size_t i = 0; i < *count; i++) {
        uint64_t number = get_varint(c);
        unsigned sub = get_enum(c, 'z');
        if (number > UINT32_MAX || (sub && sub < 'a')) c->bad = "a question that does not read";
        q[i] = (cg_question){(unsigned)number, (char)sub};
    }
    *out = q;
}

static void get_info(cursor *c, cg_extraction *e, int *nomem) {
    cg_document_info *in = &e->info;
    get_id(c, e, &in->id, nomem);
    in->type = get_str(c, e, nomem);
    in->title = get_str(c, e, nomem);
    in->date = get_str(c, e, nomem);
    get_id(c, e, &in->alias, nomem);
    in->id_from = (cg_meta_source)get_enum(c, CG_META_CATALOG);
    in->type_from = (cg_meta_source)get_enum(c, CG_META_CATALOG);
    in->title_from = (cg_meta_source)get_enum(c, CG_META_CATALOG);
    in->date_from = (cg_meta_source)get_enum(c, CG_META_CATALOG);
    in->authors_from = (cg_meta_source)get_enum(c, CG_META_CATALOG);
    in->record = get_size(c);
    in->dip_id = get_str(c, e, nomem);
    in->pdf_url = get_str(c, e, nomem);
    size_t n = get_count(c, 2);
    cg_author *authors = n ? cgu_arena_alloc(&e->arena, n * sizeof *authors) : NULL;
    if (n && !authors) *nomem = 1;
    size_t read = 0; /* the entries read whole */
    for (; authors && read < n && !c->bad && !*nomem; read++) {
        authors[read].name = get_str(c, e, nomem);
        authors[read].role = (cg_author_role)get_enum(c, CG_AUTHOR_ASKER);
        if (!c->bad && !*nomem && !authors[read].name) c->bad = "an author without a name";
        if (c->bad || *nomem) break;
    }
    in->authors = read ? authors : NULL;
    in->nauthors = read;
    n = get_count(c, 3);
    cg_procedure *procs = n ? cgu_arena_alloc(&e->arena, n * sizeof *procs) : NULL;
    if (n && !procs) *nomem = 1;
    for (read = 0; procs && read < n && !c->bad && !*nomem; read++) {
        procs[read].id = get_str(c, e, nomem);
        procs[read].title = get_str(c, e, nomem);
        procs[read].type = get_str(c, e, nomem);
        if (!c->bad && !*nomem && !procs[read].id) c->bad = "a procedure without an id";
        if (c->bad || *nomem) break;
    }
    in->procedures = read ? procs : NULL;
    in->nprocedures = read;
}

static void get_answers(cursor *c, cg_extraction *e, int *nomem) {
    size_t n = get_count(c, 9);
    if (!n) return;
    cg_answer *a = cgu_arena_alloc(&e->arena, n * sizeof *a);
    if (!a) {
        *nomem = 1;
        return;
    }
    size_t read = 0; /* the answers read whole */
    for (; read < n && !c->bad && !*nomem; read++) {
        cg_answer *x = &a[read];
        get_questions(c, e, &x->questions, &x->nquestions, nomem);
        x->kind = (cg_answer_kind)get_enum(c, CG_ANSWER_PARTLY);
        x->referrals = get_size(c);
        x->own = get_size(c);
        x->offset = get_size(c);
        x->line = get_size(c);
        x->col = get_size(c);
        x->page = get_size(c);
        x->page_line = get_size(c);
        if (c->bad || *nomem) break;
    }
    e->answers = read ? a : NULL;
    e->nanswers = read;
}

static void get_ref(cursor *c, cgio_doc *d, int *nomem) {
    cg_extraction *e = d->ext;
    cg_reference *r = cgio_next_ref(d);
    if (!r) {
        *nomem = 1;
        return;
    }
    get_id(c, e, &r->target, nomem);
    if (!c->bad && !*nomem && r->target.kind == CG_KIND_NONE)
        c->bad = "a reference without a target";
    r->locator.text = get_str(c, e, nomem);
    get_id(c, e, &r->resolves_to, nomem);
    r->note = get_str(c, e, nomem);
    r->relation = (cg_relation)get_enum(c, CG_REL_REFERS);
    uint64_t flags = get_varint(c);
    if (flags & ~(uint64_t)(CG_REF_AMBIGUOUS | CG_REF_MALFORMED)) c->bad = "unknown flags";
    r->flags = (unsigned)flags;
    r->offset = get_size(c);
    r->length = get_size(c);
    r->line = get_size(c);
    r->col = get_size(c);
    r->page = get_size(c);
    r->page_line = get_size(c);
    r->page_label = get_str(c, e, nomem);
    get_questions(c, e, &r->answering, &r->nanswering, nomem);
    const char *text;
    get_raw(c, &text); /* the reference's text: the graph does not keep it */
    if (c->bad || *nomem) return;
    if (cgl_locator_questions(&e->arena, &r->locator)) {
        *nomem = 1;
        return;
    }
    e->nrefs++;
}

/* One document frame; the cursor's `bad` or *nomem say what went wrong. */
static void get_document(cursor *c, cgio_piece *p, int *nomem) {
    const char *file, *error;
    size_t nfile = get_raw(c, &file);
    get_raw(c, &error);
    if (c->bad) return;
    if (!file || !nfile || memchr(file, 0, nfile)) {
        c->bad = "a document without a file name";
        return;
    }
    if (error) return; /* a file that could not be read: nothing to build from */
    get_varint(c);     /* its size: not needed for the graph */
    size_t nw = get_count(c, 1);
    for (size_t i = 0; i < nw && !c->bad; i++) {
        const char *w;
        get_raw(c, &w);
    }
    if (c->bad) return;
    cgio_doc *d = cgio_new_doc(p, file, nfile, true);
    if (!d) {
        *nomem = 1;
        return;
    }
    get_info(c, d->ext, nomem);
    get_answers(c, d->ext, nomem);
    size_t nrefs = get_count(c, 16);
    for (size_t i = 0; i < nrefs && !c->bad && !*nomem; i++)
        get_ref(c, d, nomem);
}

/* Parses the frames of one piece (whole frames, as cut by cg_packed_read). */
static void parse_piece(cgio_piece *p, const char *name) {
    const unsigned char *data = (const unsigned char *)p->data, *end = data + p->len;
    cursor c = {data, end, NULL};
    int nomem = 0;
    while (c.p < end && !c.bad && !nomem) {
        size_t at = p->first + (size_t)(c.p - data);
        cursor frame = {c.p, end, NULL};
        uint64_t len = get_varint(&frame);
        if (frame.bad || len == 0 || len > (uint64_t)(end - frame.p)) {
            p->status = cgu_error(&p->err, CG_EFORMAT, name, 0, 0, "the frame at byte %zu: %s", at,
                                  "cut short");
            return;
        }
        frame.end = frame.p + len;
        c.p = frame.end;
        uint64_t sum = 0;
        if (len > 8) {
            frame.end -= 8;
            for (size_t i = 0; i < 8; i++)
                sum |= (uint64_t)frame.end[i] << (8 * i);
        }
        bool sum_ok = len > 8 && checksum(frame.p, (size_t)(frame.end - frame.p)) == sum;
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
        sum_ok = len > 8; /* so that the fuzzer's mutations reach the fields */
#endif
        if (!sum_ok) {
            p->status = cgu_error(&p->err, CG_EFORMAT, name, 0, 0,
                                  "the frame at byte %zu: its checksum does not match (a damaged "
                                  "packed file: extract its documents again)",
                                  at);
            return;
        }
        unsigned char tag = *frame.p++;
        size_t docs_before = p->ndocs;
        if (tag == 'D')
            get_document(&frame, p, &nomem);
        else if (tag != 'S')
            frame.bad = "not a document or a summary";
        if (!frame.bad && !nomem && tag == 'D' && frame.p != frame.end)
            frame.bad = "bytes left over at its end";
        /* a document read only in part is not handed on */
        if ((frame.bad || nomem) && p->ndocs > docs_before) cgio_drop_last_doc(p);
        if (nomem) break; /* what failed for want of memory is no damage */
        if (frame.bad) {
            p->status = cgu_error(&p->err, CG_EFORMAT, name, 0, 0,
                                  "the frame at byte %zu: %s (a damaged or cut packed file)", at,
                                  frame.bad);
            return;
        }
    }
    if (nomem) p->status = cgu_oom(&p->err);
}

/* Appends the piece data[from, to) to *pieces; -1 (the list freed) when
 * memory ran out. */
static int add_piece(cgio_piece **pieces, size_t *n, size_t *cap, const char *data, size_t from,
                     size_t to) {
    if (cgu_grow((void **)pieces, cap, *n + 1, sizeof **pieces)) {
        free(*pieces);
        *pieces = NULL;
        return -1;
    }
    (*pieces)[(*n)++] = (cgio_piece){.data = data + from, .len = to - from, .first = from};
    return 0;
}

cg_status cg_packed_read(const char *name, const char *data, size_t len, int jobs, cg_jsonl_fn fn,
                         void *ctx, cg_error *err) {
    if (!cg_packed_recognise(data, len)) {
        char version = len > CGU_PACKED_FAMILY_LEN ? data[CGU_PACKED_FAMILY_LEN] : 0;
        bool family =
            len >= CGU_PACKED_FAMILY_LEN && memcmp(data, packed_magic, CGU_PACKED_FAMILY_LEN) == 0;
        /* another version names itself by a digit, then a line end */
        if (family && version >= '0' && version <= '9' &&
            version != packed_magic[CGU_PACKED_FAMILY_LEN] && len >= sizeof packed_magic &&
            data[sizeof packed_magic - 1] == '\n')
            return cgu_error(err, CG_EFORMAT, name, 0, 0,
                             "a packed file of format %c, which this citegraph does not read (it "
                             "reads format %c): extract the documents again with this citegraph",
                             version, packed_magic[CGU_PACKED_FAMILY_LEN]);
        return cgu_error(err, CG_EFORMAT, name, 0, 0,
                         family ? "a packed file whose first 8 bytes are damaged (a copy in text "
                                  "mode turns its line end into CR LF): copy it as binary, or "
                                  "extract again"
                                : "not a packed file of citegraph extract");
    }
    /* cut at frame boundaries; the last frame must be the summary */
    size_t at = sizeof packed_magic, npieces = 0, cap = 0, start = at;
    cgio_piece *pieces = NULL;
    bool summary = false;
    const char *why = NULL;
    while (at < len && !why) {
        cursor c = {(const unsigned char *)data + at, (const unsigned char *)data + len, NULL};
        uint64_t n = get_varint(&c);
        size_t head = (size_t)((const char *)c.p - (data + at));
        if (c.bad || n == 0 || n > (uint64_t)(len - at - head)) {
            why = "cut short";
            break;
        }
        if (summary) {
            why = "a frame after the summary (packed files joined with cat? give each as a PATH)";
            break;
        }
        summary = *c.p == 'S';
        at += head + (size_t)n;
        if (at - start >= CGIO_PIECE_MIN) { /* a piece ends after the frame that fills it */
            if (add_piece(&pieces, &npieces, &cap, data, start, at)) return cgu_oom(err);
            start = at;
        }
    }
    if (!why && !summary) why = "no summary at its end";
    /* the rest of the whole frames: the file's, or those before a bad one */
    if (start < at && add_piece(&pieces, &npieces, &cap, data, start, at)) return cgu_oom(err);
    cg_status st = cgio_read_pieces(name, pieces, npieces, jobs, parse_piece, fn, ctx, err);
    free(pieces);
    if (st == CG_OK && why)
        st = cgu_error(err, CG_EFORMAT, name, 0, 0,
                       "the frame at byte %zu: %s (a damaged or cut packed file; "
                       "the documents before it were read)",
                       at, why);
    return st;
}
