/* pieces.c - the documents of a large file parsed piece by piece on several
 * threads and handed on in file order (pieces.h). */
#include "pieces.h"

#include <stdlib.h>
#include <string.h>

#include "resolve/extraction.h"
#include "util/util.h"

static void doc_release(cgio_doc *d) {
    cg_extraction_free(d->ext);
    free(d->file);
    memset(d, 0, sizeof *d);
}

static void piece_release(cgio_piece *p) {
    for (size_t i = 0; i < p->ndocs; i++)
        doc_release(&p->docs[i]);
    free(p->docs);
    p->docs = NULL;
    p->ndocs = p->capdocs = 0;
}

cgio_doc *cgio_new_doc(cgio_piece *p, const char *file, size_t file_len, bool with_line) {
    if (cgu_grow((void **)&p->docs, &p->capdocs, p->ndocs + 1, sizeof *p->docs)) return NULL;
    cgio_doc *d = &p->docs[p->ndocs];
    memset(d, 0, sizeof *d);
    d->ext = cgr_extraction_new();
    d->file = strndup(file, file_len);
    d->has_document_line = with_line;
    if (!d->ext || !d->file) {
        doc_release(d);
        return NULL;
    }
    p->ndocs++;
    return d;
}

void cgio_drop_last_doc(cgio_piece *p) {
    if (p->ndocs) doc_release(&p->docs[--p->ndocs]);
}

cg_reference *cgio_next_ref(cgio_doc *d) {
    cg_extraction *e = d->ext;
    if (cgu_grow((void **)&e->refs, &d->cap, e->nrefs + 1, sizeof *e->refs)) return NULL;
    e->heap_refs = e->refs;
    cg_reference *r = &e->refs[e->nrefs];
    memset(r, 0, sizeof *r);
    return r;
}

/* Appends the references of `from` to `to` (the same document, cut by a piece boundary). */
static int join(cgio_doc *to, cgio_doc *from) {
    cg_extraction *a = to->ext, *b = from->ext;
    if (cgu_grow((void **)&a->refs, &to->cap, a->nrefs + b->nrefs, sizeof *a->refs)) return -1;
    a->heap_refs = a->refs;
    if (b->nrefs) memcpy(a->refs + a->nrefs, b->refs, b->nrefs * sizeof *b->refs);
    a->nrefs += b->nrefs;
    cgu_arena_adopt(&a->arena, &b->arena); /* the references' strings */
    return 0;
}

typedef struct reader {
    const char *name;
    cgio_piece *pieces;
    cgio_parse_fn parse;
    cg_jsonl_fn fn;
    void *ctx;
    cgio_doc held; /* the last document so far: the next piece may continue it */
    bool holding;
    cg_status status;
    cg_error *err;
} reader;

/* The callback stopped the reading: CG_EINVAL, said in the error as every failure is. */
static cg_status stopped(reader *r) {
    return cgu_error(r->err, CG_EINVAL, r->name, 0, 0, "stopped by the callback");
}

/* Hands `d` to the callback and releases it, whatever happens. */
static int hand_on(reader *r, cgio_doc *d) {
    int rc = r->fn(r->ctx, d->file, d->ext, d->has_document_line);
    doc_release(d);
    return rc ? 1 : 0;
}

static void work(void *ctx, size_t i) {
    reader *r = ctx;
    r->parse(&r->pieces[i], r->name);
}

static void discard(void *ctx, size_t i) {
    reader *r = ctx;
    piece_release(&r->pieces[i]);
}

static int consume(void *ctx, size_t i) {
    reader *r = ctx;
    cgio_piece *p = &r->pieces[i];
    int rc = 0;
    for (size_t k = 0; k < p->ndocs && !rc; k++) {
        cgio_doc *d = &p->docs[k];
        if (k == 0 && r->holding && !d->has_document_line && strcmp(d->file, r->held.file) == 0 &&
            d->ext->info.record == r->held.ext->info.record) {
            rc = join(&r->held, d) ? -1 : 0;
            doc_release(d);
            continue;
        }
        if (r->holding) rc = hand_on(r, &r->held);
        r->held = *d;
        memset(d, 0, sizeof *d);
        r->holding = true;
    }
    if (!rc && p->status != CG_OK) {
        /* what came before the bad part is handed on, as one reader would have */
        if (r->holding) rc = hand_on(r, &r->held);
        r->holding = false;
        r->status = p->status;
        if (r->err) *r->err = p->err;
        rc = rc ? rc : 1;
    }
    if (rc < 0)
        r->status = cgu_oom(r->err);
    else if (rc && r->status == CG_OK)
        r->status = stopped(r);
    piece_release(p);
    return rc;
}

cg_status cgio_read_pieces(const char *name, cgio_piece *pieces, size_t n, int jobs,
                           cgio_parse_fn parse, cg_jsonl_fn fn, void *ctx, cg_error *err) {
    if (jobs <= 0) jobs = cgu_cores();
    reader r = {.name = name, .pieces = pieces, .parse = parse, .fn = fn, .ctx = ctx, .err = err};
    cgu_ordered o = {.n = n,
                     .jobs = jobs,
                     .window = (size_t)jobs * 2,
                     .ctx = &r,
                     .work = work,
                     .consume = consume,
                     .discard = discard};
    int rc = cgu_ordered_run(&o);
    if (rc == 0 && r.holding) {
        rc = hand_on(&r, &r.held);
        r.holding = false;
        if (rc > 0 && r.status == CG_OK) r.status = stopped(&r);
    }
    if (r.holding) doc_release(&r.held);
    if (rc < 0 && r.status == CG_OK) r.status = cgu_oom(err);
    for (size_t i = 0; i < n; i++)
        piece_release(&pieces[i]);
    return r.status;
}
