/* graph.c - collecting the citation graph's input.
 *
 * Documents, references and metadata are kept as records, their texts in
 * the graph's arena; cg_graph_finish() (build.c) turns them into sorted
 * nodes and edges and one igraph graph. Node ids are canonical ids, so that
 * every spelling of a document meets in one node. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

cg_status cg_graph_new(const cg_graph_options *opts, cg_graph **out, cg_error *err) {
    *out = calloc(1, sizeof **out);
    if (!*out) return cgu_oom(err);
    cg_buf_init(&(*out)->scratch);
    if (opts) (*out)->opts = *opts;
    return CG_OK;
}

void cg_graph_free(cg_graph *g) {
    if (!g) return;
    if (g->has_ig) igraph_destroy(&g->ig);
    free(g->keys);
    cgu_map_release(&g->key_index);
    cg_buf_release(&g->scratch);
    free(g->docs);
    free(g->refs);
    free(g->meta);
    free(g->dups);
    free(g->nodes);
    free(g->edges);
    free(g->out_start);
    free(g->out_edges);
    free(g->in_start);
    free(g->in_edges);
    cgu_map_release(&g->index);
    cgu_arena_release(&g->arena);
    free(g);
}

const char *cg_edge_relation_name(cg_edge_relation rel) {
    switch (rel) {
    case CG_EDGE_ANSWERS:
        return "answers";
    case CG_EDGE_PART_OF:
        return "part_of";
    case CG_EDGE_CITES:
        break;
    }
    return "cites";
}

const char *cg_duplicate_reason_name(cg_duplicate_reason reason) {
    return reason == CG_DUPLICATE_DIP ? "DIP record" : "first in path order";
}

const char *cg_node_kind_name(const cg_node *n) {
    switch (n->kind) {
    case CG_NODE_QUESTION:
        return "question";
    case CG_NODE_FILE:
        return "document";
    case CG_NODE_DOCUMENT:
        break;
    }
    return cg_docid_kind_name(&n->doc);
}

static const char *dup(cg_graph *g, const char *s, int *failed) {
    return cgu_arena_dup_or_null(&g->arena, s, failed);
}

/* A copy of `id` whose texts live in the graph. */
static cg_docid own(cg_graph *g, const cg_docid *id, int *failed) {
    cg_docid c = *id;
    c.text = dup(g, id->text, failed);
    c.grammar_kind = dup(g, id->grammar_kind, failed);
    return c;
}

cg_status cgg_key_append(cg_buf *b, const node_key *k, cg_error *err) {
    cg_status st = CG_OK;
    if (k->doc.kind == CG_KIND_NONE && k->file) {
        /* the records of a DIP file share its path; "#N" as the TSV names a record */
        if (k->record ? cgu_buf_printf(b, "file:%s#%zu", k->file, k->record)
                      : cgu_buf_printf(b, "file:%s", k->file))
            st = cgu_oom(err);
    } else {
        st = cg_docid_append(&k->doc, b, err);
    }
    if (st == CG_OK && k->has_question) {
        char q[24];
        cg_question_format(&k->question, q, sizeof q);
        if (cgu_buf_printf(b, "#%s %s", cg_question_series_name(k->series), q)) st = cgu_oom(err);
    }
    return st;
}

int cgg_intern(cg_graph *g, const node_key *k, size_t *index) {
    cg_buf *b = &g->scratch;
    cg_buf_clear(b);
    if (cgg_key_append(b, k, NULL) != CG_OK) return -1;
    if (cgu_map_get(&g->key_index, b->data, index)) return 0;
    if (cgu_grow((void **)&g->keys, &g->capkeys, g->nkeys + 1, sizeof *g->keys)) return -1;
    int failed = 0;
    key_rec *r = &g->keys[g->nkeys];
    r->key = *k;
    r->key.doc = own(g, &k->doc, &failed);
    r->text = cgu_arena_strndup(&g->arena, b->data, b->len);
    if (failed || !r->text || cgu_map_put(&g->key_index, r->text, g->nkeys)) return -1;
    *index = g->nkeys++;
    return 0;
}

static cg_status push_ref(cg_graph *g, const ref_rec *r) {
    if (cgu_grow((void **)&g->refs, &g->caprefs, g->nrefs + 1, sizeof *g->refs)) return CG_ENOMEM;
    g->refs[g->nrefs++] = *r;
    return CG_OK;
}

/* Adds one reference made by the key `source`, expanding question locators
 * into question nodes when asked to. */
static cg_status add_reference(cg_graph *g, size_t source, const char *file, size_t record,
                               const char *quote, const cg_reference *r) {
    node_key target = {.doc = r->target};
    if (target.doc.kind == CG_KIND_INTERNAL) return CG_OK; /* a part of the same document */
    if (target.doc.kind == CG_KIND_URL) {
        if (r->resolves_to.kind != CG_KIND_NONE)
            target.doc = r->resolves_to;
        else if (!g->opts.urls)
            return CG_OK;
    }
    ref_rec rec = {.source = source,
                   .answers = r->relation == CG_REL_ANSWERS,
                   .refers = r->relation == CG_REL_REFERS,
                   .file = file,
                   .record = record,
                   .line = r->line,
                   .col = r->col,
                   .page = (uint32_t)r->page,
                   .page_line = (uint32_t)r->page_line,
                   .quote = quote};
    if (g->opts.questions && r->locator.nquestions) {
        /* one reference per question; the questions say what the locator
         * said, so the locator's text is not kept */
        target.has_question = true;
        target.series = r->locator.series;
        for (size_t i = 0; i < r->locator.nquestions; i++) {
            target.question = r->locator.questions[i];
            if (cgg_intern(g, &target, &rec.target) || push_ref(g, &rec) != CG_OK) return CG_ENOMEM;
        }
        return CG_OK;
    }
    int failed = 0;
    rec.locator = dup(g, r->locator.text, &failed);
    if (failed || cgg_intern(g, &target, &rec.target)) return CG_ENOMEM;
    return push_ref(g, &rec);
}

/* `n` questions copied into the graph's arena; NULL for none. */
static const cg_question *own_questions(cg_graph *g, const cg_question *q, size_t n, int *failed) {
    if (!n || !q) return NULL;
    cg_question *c = cgu_arena_alloc(&g->arena, n * sizeof *c);
    if (!c) {
        *failed = 1;
        return NULL;
    }
    memcpy(c, q, n * sizeof *c);
    return c;
}

/* An Antwort's answers and referrals, copied into `d`. */
static int own_answers(cg_graph *g, doc_rec *d, const cg_extraction *ext) {
    int failed = 0;
    const cg_answer *a;
    size_t na = cg_extraction_answers(ext, &a), nr = 0;
    if (na) {
        cg_answer *c = cgu_arena_alloc(&g->arena, na * sizeof *c);
        if (!c) return -1;
        for (size_t i = 0; i < na; i++) {
            c[i] = a[i];
            c[i].questions = own_questions(g, a[i].questions, a[i].nquestions, &failed);
        }
        d->answers = c;
        d->nanswers = na;
    }
    for (size_t i = 0; i < cg_extraction_count(ext); i++)
        nr += cg_extraction_reference(ext, i)->relation == CG_REL_REFERS;
    if (!nr) return failed ? -1 : 0;
    d->referrals = cgu_arena_alloc(&g->arena, nr * sizeof *d->referrals);
    if (!d->referrals) return -1;
    cg_buf id = CG_BUF_INIT;
    for (size_t i = 0; !failed && i < cg_extraction_count(ext); i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        if (r->relation != CG_REL_REFERS) continue;
        const cg_docid *t = r->target.kind == CG_KIND_URL && r->resolves_to.kind != CG_KIND_NONE
                                ? &r->resolves_to
                                : &r->target;
        cg_buf_clear(&id);
        if (cg_docid_append(t, &id, NULL) != CG_OK) {
            failed = 1;
            break;
        }
        d->referrals[d->nreferrals++] =
            (cg_referral){dup(g, id.data, &failed),
                          dup(g, r->locator.text, &failed),
                          own_questions(g, r->answering, r->nanswering, &failed),
                          r->answering ? r->nanswering : 0,
                          r->line,
                          r->col};
    }
    cg_buf_release(&id);
    return failed ? -1 : 0;
}

/* A copy of the `n` authors `a` in the graph's arena; NULL for none. */
static cg_author *own_authors(cg_graph *g, const cg_author *a, size_t n, int *failed) {
    if (!n || !a) return NULL;
    cg_author *c = cgu_arena_alloc(&g->arena, n * sizeof *c);
    if (!c) {
        *failed = 1;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        c[i] = (cg_author){dup(g, a[i].name, failed), a[i].role};
    return c;
}

/* Where a field came from: what the document says, or, for a field its
 * reader did not label, its header (the only source there was before). */
static cg_meta_source source_of(const void *field, cg_meta_source said) {
    if (!field) return CG_META_NONE;
    return said == CG_META_NONE ? CG_META_HEADER : said;
}

/* Line `line` of the document as a position quotes it, in the graph's
 * arena: trimmed, at most CG_QUOTE_MAX bytes cut at a character. The
 * previous quote is reused for the next reference on the same line. NULL
 * when the line is not known (*failed set when memory ran out). */
static const char *quote_line(cg_graph *g, const cg_extraction *ext, const cg_input *in,
                              size_t line, int *failed) {
    size_t len;
    const char *s = cg_extraction_line(ext, in, line, &len);
    if (!s) return NULL;
    while (len && (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\v')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\f' ||
                   s[len - 1] == '\v' || s[len - 1] == '\r'))
        len--;
    bool cut = len > CG_QUOTE_MAX;
    if (cut) {
        len = CG_QUOTE_MAX;
        /* not inside a UTF-8 sequence: back to the byte that starts one */
        while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    char *q = cgu_arena_alloc(&g->arena, len + sizeof "…");
    if (!q) {
        *failed = 1;
        return NULL;
    }
    memcpy(q, s, len);
    strcpy(q + len, cut ? "…" : "");
    return q;
}

static cg_status add(cg_graph *g, const char *file, const cg_extraction *ext, const cg_input *in,
                     bool document, cg_error *err) {
    if (g->finished) return cgu_error(err, CG_EINVAL, NULL, 0, 0, "the graph is finished");
    const cg_document_info *info = cg_extraction_document(ext);
    int failed = 0;
    const char *f = dup(g, file, &failed);
    size_t source;
    /* a document without an id is its file's, or its DIP record's: the
     * records of one file are as many documents */
    node_key key = {.doc = info->id, .file = f};
    if (info->id.kind == CG_KIND_NONE) key.record = info->record;
    if (failed || cgg_intern(g, &key, &source)) return cgu_oom(err);
    if (document) {
        if (cgu_grow((void **)&g->docs, &g->capdocs, g->ndocs + 1, sizeof *g->docs))
            return cgu_oom(err);
        doc_rec *d = &g->docs[g->ndocs];
        *d = (doc_rec){.key = source,
                       .id = g->keys[source].key.doc,
                       .alias = own(g, &info->alias, &failed),
                       .file = f,
                       .type = dup(g, info->type, &failed),
                       .date = dup(g, info->date, &failed),
                       .title = dup(g, info->title, &failed)};
        size_t nauthors = info->authors ? info->nauthors : 0;
        d->authors = own_authors(g, info->authors, nauthors, &failed);
        d->nauthors = d->authors ? nauthors : 0;
        d->type_from = source_of(d->type, info->type_from);
        d->title_from = source_of(d->title, info->title_from);
        d->date_from = source_of(d->date, info->date_from);
        d->authors_from = source_of(d->authors, info->authors_from);
        d->record = info->record;
        d->dip_id = dup(g, info->dip_id, &failed);
        d->from_dip = info->record > 0 || info->dip_id != NULL || info->id_from == CG_META_DIP;
        d->refs_begin = d->refs_end = g->nrefs;
        if (failed || own_answers(g, d, ext) != 0) return cgu_oom(err);
        g->ndocs++;
    }
    bool quotes = g->opts.quotes;
    const char *quote = NULL;
    size_t quoted = 0; /* the line `quote` is of */
    for (size_t i = 0; i < cg_extraction_count(ext); i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        if (quotes && r->line != quoted) {
            quote = quote_line(g, ext, in, r->line, &failed);
            quoted = r->line;
            if (failed) return cgu_oom(err);
        }
        if (add_reference(g, source, f, info->record, quote, r) != CG_OK) return cgu_oom(err);
    }
    if (document) g->docs[g->ndocs - 1].refs_end = g->nrefs;
    return CG_OK;
}

cg_status cg_graph_add_extraction(cg_graph *g, const char *file, const cg_extraction *ext,
                                  cg_error *err) {
    return add(g, file, ext, NULL, true, err);
}

cg_status cg_graph_add_document(cg_graph *g, const char *file, const cg_extraction *ext,
                                const cg_input *input, cg_error *err) {
    return add(g, file, ext, input, true, err);
}

cg_status cg_graph_add_references(cg_graph *g, const char *file, const cg_extraction *ext,
                                  cg_error *err) {
    return add(g, file, ext, NULL, false, err);
}

cg_status cg_graph_add_catalog(cg_graph *g, const cg_catalog *catalog, cg_error *err) {
    if (g->finished) return cgu_error(err, CG_EINVAL, NULL, 0, 0, "the graph is finished");
    size_t n = cg_catalog_count(catalog);
    if (cgu_grow((void **)&g->meta, &g->capmeta, g->nmeta + n, sizeof *g->meta))
        return cgu_oom(err);
    for (size_t i = 0; i < n; i++) {
        const cg_catalog_entry *e = cg_catalog_entry_at(catalog, i);
        int failed = 0;
        g->meta[g->nmeta] = (cg_catalog_entry){.id = own(g, &e->id, &failed),
                                               .type = dup(g, e->type, &failed),
                                               .date = dup(g, e->date, &failed),
                                               .title = dup(g, e->title, &failed),
                                               .file = dup(g, e->file, &failed)};
        cg_catalog_entry *m = &g->meta[g->nmeta];
        m->authors = own_authors(g, e->authors, e->nauthors, &failed);
        m->nauthors = m->authors ? e->nauthors : 0;
        if (failed) return cgu_oom(err);
        g->nmeta++;
    }
    return CG_OK;
}
