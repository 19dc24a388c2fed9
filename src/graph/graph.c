/* graph.c - building the citation graph.
 *
 * Input is collected as records (documents, references, metadata) in the
 * graph's arena; cg_graph_finish() turns them into sorted nodes and edges
 * and one igraph graph. Node ids are canonical ids, so that every spelling
 * of a document meets in one node; edges merge all occurrences of one
 * citing/cited pair and keep their locators and positions. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/catalog.h"
#include "extract/locator.h"
#include "graph_internal.h"

static cg_status oom(void) {
    return CG_ENOMEM;
}

cg_status cg_graph_new(const cg_graph_options *opts, cg_graph **out) {
    *out = calloc(1, sizeof **out);
    if (!*out) return CG_ENOMEM;
    if (opts) (*out)->opts = *opts;
    return CG_OK;
}

void cg_graph_free(cg_graph *g) {
    if (!g) return;
    if (g->has_ig) igraph_destroy(&g->ig);
    free(g->docs);
    free(g->refs);
    free(g->meta);
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

static const char *dup(cg_graph *g, const char *s) {
    return s ? cgu_arena_strdup(&g->arena, s) : NULL;
}

static int push_ref(cg_graph *g, const ref_rec *r) {
    if (cgu_grow((void **)&g->refs, &g->caprefs, g->nrefs + 1, sizeof *g->refs)) return -1;
    g->refs[g->nrefs++] = *r;
    return 0;
}

typedef struct question_ctx {
    cg_graph *g;
    ref_rec base;
    int failed;
} question_ctx;

static int add_question(void *vctx, const char *prefix, const char *q) {
    question_ctx *c = vctx;
    char id[512];
    snprintf(id, sizeof id, "%s#%s%s", c->base.target, prefix, q);
    ref_rec r = c->base;
    r.target = dup(c->g, id);
    r.kind = "question";
    r.locator = NULL;
    return !r.target || push_ref(c->g, &r);
}

static int is_question_locator(const char *loc) {
    return loc && (strncmp(loc, "Frage", 5) == 0 || strncmp(loc, "Schriftliche Frage", 18) == 0 ||
                   strncmp(loc, "Mündliche Frage", 16) == 0);
}

/* The kind of a document id, from its prefix. */
static const char *kind_of_id(const char *id) {
    static const struct {
        const char *prefix, *kind;
    } kinds[] = {{"BT-Drs. ", CG_KIND_BT_DRUCKSACHE}, {"BT-PlPr. ", CG_KIND_BT_PLENARPROTOKOLL},
                 {"BT-ADrs. ", CG_KIND_BT_AUSSCHUSSDRUCKSACHE}, {"BR-Drs. ", CG_KIND_BR_DRUCKSACHE},
                 {"LT-Drs. ", CG_KIND_LANDTAG_DRUCKSACHE}, {"ST ", CG_KIND_EU_COUNCIL_DOC},
                 {"CELEX:", CG_KIND_EU_LEGAL_ACT}, {"file:", "document"},
                 {"http://", CG_KIND_URL}, {"https://", CG_KIND_URL}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strncmp(id, kinds[i].prefix, strlen(kinds[i].prefix)) == 0) return kinds[i].kind;
    if (strchr(id, '(') && strchr(id, ')')) return CG_KIND_EU_COM_DOC;
    return NULL;
}

/* Adds one reference of a document, expanding question locators into
 * question nodes when asked to. */
static cg_status add_reference(cg_graph *g, const char *source, const char *file, size_t line,
                               size_t col, const char *kind, const char *target,
                               const char *locator, const char *relation,
                               const char *resolves_to) {
    if (!target || strcmp(target, "#") == 0 || (kind && strcmp(kind, CG_KIND_INTERNAL) == 0))
        return CG_OK; /* a part of the same document: no edge */
    if (kind && strcmp(kind, CG_KIND_URL) == 0) {
        if (resolves_to) {
            target = resolves_to;
            kind = kind_of_id(resolves_to);
        } else if (!g->opts.urls) {
            return CG_OK;
        }
    }
    ref_rec r = {source, dup(g, target), dup(g, kind), dup(g, locator),
                 relation && strcmp(relation, "answers") == 0, file, line, col};
    if (!r.target) return oom();
    if (g->opts.questions && is_question_locator(locator)) {
        question_ctx c = {g, r, 0};
        int n = cgx_expand_questions(locator, add_question, &c);
        if (n < 0) return oom();
        if (n > 0) return CG_OK;
    }
    return push_ref(g, &r) ? oom() : CG_OK;
}

static cg_status add_document(cg_graph *g, const doc_rec *d) {
    if (cgu_grow((void **)&g->docs, &g->capdocs, g->ndocs + 1, sizeof *g->docs)) return oom();
    g->docs[g->ndocs++] = *d;
    return CG_OK;
}

static const char *doc_node_id(cg_graph *g, const char *id, const char *file) {
    if (id) return dup(g, id);
    char *s = cgu_arena_alloc(&g->arena, strlen(file) + 6);
    if (s) sprintf(s, "file:%s", file);
    return s;
}

cg_status cg_graph_add_extraction(cg_graph *g, const char *file, const cg_extraction *ext) {
    if (g->finished) return CG_EINVAL;
    const cg_document_info *info = cg_extraction_document(ext);
    const char *f = dup(g, file);
    doc_rec d = {doc_node_id(g, info->id, file), f, dup(g, info->issuer), dup(g, info->type),
                 dup(g, info->date), dup(g, info->title), dup(g, info->alias)};
    if (!d.id || !f) return oom();
    cg_status st = add_document(g, &d);
    for (size_t i = 0; st == CG_OK && i < cg_extraction_count(ext); i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        st = add_reference(g, d.id, f, r->line, r->col, r->kind, r->target, r->locator,
                           cg_relation_name(r->relation), r->resolves_to);
    }
    return st;
}

static const char *jstr(json_t *o, const char *key) {
    return json_string_value(json_object_get(o, key));
}

cg_status cg_graph_add_jsonl(cg_graph *g, const char *name, const char *data, size_t len,
                             cg_error *err) {
    if (g->finished) return CG_EINVAL;
    size_t lineno = 0, i = 0;
    /* file -> its document's node id, for reference lines */
    const char *last_file = NULL, *last_id = NULL;
    while (i < len) {
        size_t e = i;
        while (e < len && data[e] != '\n') e++;
        lineno++;
        size_t n = e - i;
        const char *l = data + i;
        i = e < len ? e + 1 : e;
        while (n && (l[n - 1] == '\r' || l[n - 1] == ' ')) n--;
        if (!n) continue;
        json_error_t je;
        json_t *o = json_loadb(l, n, 0, &je);
        const char *type = o ? jstr(o, "type") : NULL;
        if (!o || !json_is_object(o) || !type) {
            if (err) {
                memset(err, 0, sizeof *err);
                err->status = CG_EFORMAT;
                err->line = lineno;
                err->col = o ? 1 : (size_t)je.column;
                snprintf(err->path, sizeof err->path, "%s", name);
                snprintf(err->text, sizeof err->text, "%s",
                         o ? "not a line of 'citegraph extract' (no \"type\")" : je.text);
            }
            json_decref(o);
            return CG_EFORMAT;
        }
        cg_status st = CG_OK;
        const char *file = jstr(o, "file");
        if (strcmp(type, "document") == 0 && file && !jstr(o, "error")) {
            const char *f = dup(g, file);
            doc_rec d = {doc_node_id(g, jstr(o, "doc"), file), f, dup(g, jstr(o, "issuer")),
                         dup(g, jstr(o, "doc_type")), dup(g, jstr(o, "date")),
                         dup(g, jstr(o, "title")), dup(g, jstr(o, "alias"))};
            st = d.id && f ? add_document(g, &d) : CG_ENOMEM;
            last_file = f;
            last_id = d.id;
        } else if (strcmp(type, "reference") == 0 && file) {
            const char *source;
            if (last_file && strcmp(last_file, file) == 0) {
                source = last_id;
            } else {
                source = doc_node_id(g, jstr(o, "doc"), file);
                last_file = NULL;
            }
            const char *f = last_file ? last_file : dup(g, file);
            json_int_t line = json_integer_value(json_object_get(o, "line"));
            json_int_t col = json_integer_value(json_object_get(o, "col"));
            st = source && f ? add_reference(g, source, f, (size_t)line, (size_t)col,
                                             jstr(o, "kind"), jstr(o, "target"),
                                             jstr(o, "locator"), jstr(o, "relation"),
                                             jstr(o, "resolves_to"))
                             : CG_ENOMEM;
        }
        json_decref(o);
        if (st != CG_OK) return st;
    }
    return CG_OK;
}

/* Appends nfrom records of `size` bytes to `to`, which has room for them. */
static void append_records(void *to, size_t *n, const void *from, size_t nfrom, size_t size) {
    if (nfrom) memcpy((char *)to + *n * size, from, nfrom * size);
    *n += nfrom;
}

cg_status cg_graph_absorb(cg_graph *g, cg_graph *part) {
    if (g->finished || part->finished || g->opts.questions != part->opts.questions ||
        g->opts.urls != part->opts.urls)
        return CG_EINVAL;
    /* reserve all three first, so that a failure leaves both graphs as they were */
    if (cgu_grow((void **)&g->docs, &g->capdocs, g->ndocs + part->ndocs, sizeof *g->docs) ||
        cgu_grow((void **)&g->refs, &g->caprefs, g->nrefs + part->nrefs, sizeof *g->refs) ||
        cgu_grow((void **)&g->meta, &g->capmeta, g->nmeta + part->nmeta, sizeof *g->meta))
        return CG_ENOMEM;
    append_records(g->docs, &g->ndocs, part->docs, part->ndocs, sizeof *g->docs);
    append_records(g->refs, &g->nrefs, part->refs, part->nrefs, sizeof *g->refs);
    append_records(g->meta, &g->nmeta, part->meta, part->nmeta, sizeof *g->meta);
    part->ndocs = part->nrefs = part->nmeta = 0;
    cgu_arena_adopt(&g->arena, &part->arena);
    return CG_OK;
}

/* ---- metadata ---- */

static cg_status take_meta(void *ctx, const char *id, const char *type, const char *date,
                           const char *title, const char *file) {
    cg_graph *g = ctx;
    meta_rec m = {dup(g, id), dup(g, type), dup(g, date), dup(g, title), dup(g, file)};
    if (!m.id || cgu_grow((void **)&g->meta, &g->capmeta, g->nmeta + 1, sizeof *g->meta))
        return CG_ENOMEM;
    g->meta[g->nmeta++] = m;
    return CG_OK;
}

cg_status cg_graph_add_metadata(cg_graph *g, const cg_extractor *ex, const char *path,
                                cg_error *err) {
    if (g->finished) return CG_EINVAL;
    return cgu_read_catalog(path, ex, take_meta, g, err);
}
