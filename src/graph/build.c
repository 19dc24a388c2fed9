/* build.c - from records to nodes, edges and the igraph graph.
 *
 * Nodes are sorted by id and edges by (source, target), so the graph and
 * every export are the same bytes whatever order the documents came in.
 * Aliases are resolved here: a citation of a number the corpus knows as
 * another document's alias is a citation of that document (cg_corpus).
 * The finished graph's accessors and node lookups are here too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

typedef struct pending_edge {
    size_t s, t;
    const ref_rec *ref; /* NULL for part_of */
} pending_edge;

static int cmp_pending(const void *a, const void *b) {
    const pending_edge *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->t != y->t) return x->t < y->t ? -1 : 1;
    if (!x->ref || !y->ref) return (x->ref != NULL) - (y->ref != NULL);
    /* the references of one document share its file's text */
    int c = x->ref->file == y->ref->file ? 0 : strcmp(x->ref->file, y->ref->file);
    if (c) return c;
    if (x->ref->record != y->ref->record) return x->ref->record < y->ref->record ? -1 : 1;
    if (x->ref->line != y->ref->line) return x->ref->line < y->ref->line ? -1 : 1;
    if (x->ref->col != y->ref->col) return x->ref->col < y->ref->col ? -1 : 1;
    return 0;
}

/* Stable counting sort of `p` by `key` (below `range`) into `to`. */
static int counting_sort(const pending_edge *p, pending_edge *to, size_t n, size_t range,
                         bool by_source) {
    size_t *count = calloc(range + 1, sizeof *count);
    if (!count) return -1;
    for (size_t i = 0; i < n; i++)
        count[(by_source ? p[i].s : p[i].t) + 1]++;
    for (size_t k = 0; k < range; k++)
        count[k + 1] += count[k];
    for (size_t i = 0; i < n; i++)
        to[count[by_source ? p[i].s : p[i].t]++] = p[i];
    free(count);
    return 0;
}

/* Sorts the occurrences as cmp_pending orders them. A million of them
 * took a qsort of 18 % of `stats`: sorted here by target, then stably by
 * source, in linear time, which leaves each (source, target) group in the
 * order the references were added; that is already the order of position
 * for every group whose references came from one extraction, and the rare
 * group that is not gets a sort of its own. -1 when memory ran out. */
static int sort_pending(pending_edge *pend, size_t npend, size_t nnodes) {
    pending_edge *tmp = malloc(npend * sizeof *tmp);
    if (!tmp || counting_sort(pend, tmp, npend, nnodes, false) ||
        counting_sort(tmp, pend, npend, nnodes, true)) {
        free(tmp);
        return -1;
    }
    free(tmp);
    for (size_t i = 0, j; i < npend; i = j) {
        bool sorted = true;
        for (j = i + 1; j < npend && pend[j].s == pend[i].s && pend[j].t == pend[i].t; j++)
            sorted = sorted && cmp_pending(&pend[j - 1], &pend[j]) <= 0;
        if (!sorted) qsort(pend + i, j - i, sizeof *pend, cmp_pending);
    }
    return 0;
}

static int cmp_locator(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* What finish works out per key (all arrays are indexed by key). */
typedef struct builder {
    size_t *target_of;     /* the key a citation of this key stands for: its alias resolved */
    size_t *base_of;       /* a question's document, or SIZE_MAX */
    size_t *node_of;       /* the key's node, or SIZE_MAX when it is none */
    const key_rec **order; /* the keys that are nodes, sorted by text */
    size_t nnodes;
} builder;

static int cmp_key_text(const void *a, const void *b) {
    return strcmp((*(const key_rec *const *)a)->text, (*(const key_rec *const *)b)->text);
}

/* Grows a per-key array from `from` to `to` keys, each new key mapping to
 * itself when `self`, else to SIZE_MAX. */
static int extend(size_t **a, size_t from, size_t to, bool self) {
    size_t *p = realloc(*a, (to ? to : 1) * sizeof *p);
    if (!p) return -1;
    for (size_t i = from; i < to; i++)
        p[i] = self ? i : SIZE_MAX;
    *a = p;
    return 0;
}

/* Of documents read with one id, which one makes the node: the first that
 * came in a DIP record, else the first (path order). The others are marked
 * unused, with their references, and listed in g->dups. */
static cg_status choose_documents(cg_graph *g) {
    size_t *chosen = NULL;
    if (extend(&chosen, 0, g->nkeys, false)) return CG_ENOMEM;
    for (size_t i = 0; i < g->ndocs; i++) {
        size_t *c = &chosen[g->docs[i].key];
        if (*c == SIZE_MAX || (g->docs[i].from_dip && !g->docs[*c].from_dip)) *c = i;
    }
    size_t cap = 0;
    cg_status st = CG_OK;
    for (size_t i = 0; st == CG_OK && i < g->ndocs; i++) {
        doc_rec *d = &g->docs[i];
        const doc_rec *used = &g->docs[chosen[d->key]];
        if (used == d) continue;
        d->unused = true;
        for (size_t r = d->refs_begin; r < d->refs_end; r++)
            g->refs[r].dropped = true;
        if (cgu_grow((void **)&g->dups, &cap, g->ndups + 1, sizeof *g->dups)) {
            st = CG_ENOMEM;
            break;
        }
        /* node is set once the nodes are numbered (build_nodes) */
        g->dups[g->ndups++] =
            (cg_duplicate){g->keys[d->key].text,
                           d->key,
                           used->file,
                           used->record,
                           d->file,
                           d->record,
                           used->from_dip && !d->from_dip ? CG_DUPLICATE_DIP : CG_DUPLICATE_FIRST};
    }
    free(chosen);
    return st;
}

/* Which keys name a document of the corpus by its alias: a citation of
 * them is a citation of that document (the question, if any, kept). */
static cg_status resolve_aliases(cg_graph *g, builder *b) {
    cg_corpus *corpus = NULL;
    size_t n = g->nkeys;
    cg_status st = cg_corpus_new(&corpus, NULL);
    if (st == CG_OK && extend(&b->target_of, 0, n, true)) st = CG_ENOMEM;
    for (size_t i = 0; st == CG_OK && i < g->ndocs; i++)
        if (!g->docs[i].unused)
            st = cg_corpus_add(corpus, &g->docs[i].id, &g->docs[i].alias, i, NULL);
    for (size_t i = 0; st == CG_OK && i < n; i++) {
        node_key k = g->keys[i].key; /* a copy: interning may move the keys */
        size_t d;
        if (k.doc.kind == CG_KIND_NONE || !cg_corpus_find(corpus, &k.doc, &d) ||
            cg_docid_equal(&g->docs[d].id, &k.doc))
            continue;
        k.doc = g->docs[d].id;
        k.file = g->docs[d].file;
        if (cgg_intern(g, &k, &b->target_of[i])) st = CG_ENOMEM;
    }
    cg_corpus_free(corpus);
    if (st == CG_OK && extend(&b->target_of, n, g->nkeys, true)) st = CG_ENOMEM;
    return st;
}

/* The document of every question key, and which keys are nodes: the
 * documents read, what is cited, and the documents of questions cited. */
static cg_status collect_nodes(cg_graph *g, builder *b) {
    size_t n = g->nkeys;
    if (extend(&b->base_of, 0, n, false)) return CG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!g->keys[i].key.has_question) continue;
        node_key base = g->keys[i].key;
        base.has_question = false;
        if (cgg_intern(g, &base, &b->base_of[i])) return CG_ENOMEM;
    }
    if (extend(&b->base_of, n, g->nkeys, false) || extend(&b->target_of, n, g->nkeys, true) ||
        extend(&b->node_of, 0, g->nkeys, false))
        return CG_ENOMEM;
    /* node_of is first a mark: 0 for a node */
    for (size_t i = 0; i < g->ndocs; i++)
        b->node_of[g->docs[i].key] = 0;
    for (size_t i = 0; i < g->nrefs; i++) {
        if (g->refs[i].dropped) continue;
        size_t t = b->target_of[g->refs[i].target];
        b->node_of[t] = 0;
        if (b->base_of[t] != SIZE_MAX) b->node_of[b->base_of[t]] = 0;
    }
    b->order = malloc((g->nkeys ? g->nkeys : 1) * sizeof *b->order);
    if (!b->order) return CG_ENOMEM;
    for (size_t i = 0; i < g->nkeys; i++)
        if (b->node_of[i] == 0) b->order[b->nnodes++] = &g->keys[i];
    if (b->nnodes) qsort(b->order, b->nnodes, sizeof *b->order, cmp_key_text);
    for (size_t v = 0; v < b->nnodes; v++)
        b->node_of[b->order[v] - g->keys] = v;
    return CG_OK;
}

static void describe(cg_graph *g, cg_node *nd, const node_key *k, int *failed) {
    nd->doc = k->doc;
    nd->parent = SIZE_MAX;
    if (k->has_question) {
        nd->kind = CG_NODE_QUESTION;
        nd->series = k->series;
        nd->question = k->question;
    } else if (k->doc.kind == CG_KIND_NONE) {
        nd->kind = CG_NODE_FILE;
    } else {
        nd->kind = CG_NODE_DOCUMENT;
        char url[512];
        size_t n = cg_docid_official_url(&k->doc, url, sizeof url);
        if (n >= sizeof url) {
            char *big = cgu_arena_alloc(&g->arena, n + 1);
            if (big) cg_docid_official_url(&k->doc, big, n + 1);
            nd->url = big;
            if (!big) *failed = 1;
        } else if (n) {
            nd->url = cgu_arena_strndup(&g->arena, url, n);
            if (!nd->url) *failed = 1;
        }
    }
}

static cg_status build_nodes(cg_graph *g, builder *b) {
    size_t n = b->nnodes;
    g->nodes = calloc(n ? n : 1, sizeof *g->nodes);
    if (!g->nodes) return CG_ENOMEM;
    g->nnodes = n;
    int failed = 0;
    for (size_t v = 0; v < n; v++) {
        const key_rec *k = b->order[v];
        g->nodes[v].id = k->text;
        describe(g, &g->nodes[v], &k->key, &failed);
        if (cgu_map_put(&g->index, k->text, v)) return CG_ENOMEM;
        /* a question's document */
        size_t base = b->base_of[k - g->keys];
        if (base != SIZE_MAX) g->nodes[v].parent = b->node_of[base];
    }
    if (failed) return CG_ENOMEM;
    /* the documents read, with what they say of themselves (of two with one id, the one
     * choose_documents() chose) */
    for (size_t i = 0; i < g->ndocs; i++) {
        const doc_rec *d = &g->docs[i];
        if (d->unused) continue;
        cg_node *nd = &g->nodes[b->node_of[d->key]];
        nd->in_corpus = true;
        nd->file = d->file;
        nd->record = d->record;
        nd->dip_id = d->dip_id;
        nd->type = d->type;
        nd->date = d->date;
        nd->title = d->title;
        nd->authors = d->authors;
        nd->nauthors = d->nauthors;
        nd->type_from = d->type_from;
        nd->title_from = d->title_from;
        nd->date_from = d->date_from;
        nd->authors_from = d->authors_from;
        nd->answers = d->answers;
        nd->nanswers = d->nanswers;
        nd->referrals = d->referrals;
        nd->nreferrals = d->nreferrals;
    }
    for (size_t i = 0; i < g->ndups; i++)
        g->dups[i].node = b->node_of[g->dups[i].node];
    /* metadata fills, and replaces what a header said, field by field; what DIP said stays */
    for (size_t i = 0; i < g->nmeta; i++) {
        size_t v;
        bool found;
        const cg_catalog_entry *m = &g->meta[i];
        if (cg_graph_find_id(g, &m->id, NULL, NULL, &found, &v, NULL) != CG_OK) return CG_ENOMEM;
        if (!found) continue;
        cg_node *nd = &g->nodes[v];
        if (m->type && nd->type_from != CG_META_DIP) {
            nd->type = m->type;
            nd->type_from = CG_META_CATALOG;
        }
        if (m->date && nd->date_from != CG_META_DIP) {
            nd->date = m->date;
            nd->date_from = CG_META_CATALOG;
        }
        if (m->title && nd->title_from != CG_META_DIP) {
            nd->title = m->title;
            nd->title_from = CG_META_CATALOG;
        }
        if (m->nauthors && nd->authors_from != CG_META_DIP) {
            nd->authors = m->authors;
            nd->nauthors = m->nauthors;
            nd->authors_from = CG_META_CATALOG;
        }
        if (m->file && !nd->file) nd->file = m->file;
    }
    return CG_OK;
}

static cg_status build_edges(cg_graph *g, builder *b) {
    pending_edge *pend = NULL;
    size_t npend = 0, pcap = 0, n = g->nnodes;
    cg_status st = CG_ENOMEM;
    /* every occurrence, then grouped by (source, target) */
    for (size_t i = 0; i < g->nrefs + n; i++) {
        pending_edge pe;
        if (i < g->nrefs) {
            /* a source that is no node (references without their document) draws no edge */
            if (g->refs[i].dropped) continue;
            pe.s = b->node_of[g->refs[i].source];
            pe.t = b->node_of[b->target_of[g->refs[i].target]];
            if (pe.s == SIZE_MAX) continue;
            pe.ref = &g->refs[i];
        } else {
            const cg_node *q = &g->nodes[i - g->nrefs];
            if (q->parent == SIZE_MAX) continue;
            pe.s = i - g->nrefs;
            pe.t = q->parent;
            pe.ref = NULL;
        }
        if (cgu_grow((void **)&pend, &pcap, npend + 1, sizeof *pend)) goto out;
        pend[npend++] = pe;
    }
    if (npend && sort_pending(pend, npend, n)) goto out;
    size_t ne = 0;
    for (size_t i = 0; i < npend; i++)
        ne += !i || pend[i].s != pend[i - 1].s || pend[i].t != pend[i - 1].t;
    g->edges = calloc(ne ? ne : 1, sizeof *g->edges);
    if (!g->edges) goto out;
    for (size_t i = 0, j; i < npend; i = j) {
        j = i;
        while (j < npend && pend[j].s == pend[i].s && pend[j].t == pend[i].t)
            j++;
        cg_edge *e = &g->edges[g->nedges++];
        e->source = pend[i].s;
        e->target = pend[i].t;
        e->relation = pend[i].ref ? CG_EDGE_CITES : CG_EDGE_PART_OF;
        size_t npos = 0;
        for (size_t k = i; k < j; k++)
            npos += pend[k].ref != NULL;
        cg_position *pos = npos ? cgu_arena_alloc(&g->arena, npos * sizeof *pos) : NULL;
        const char **locs = npos ? cgu_arena_alloc(&g->arena, npos * sizeof *locs) : NULL;
        if (npos && (!pos || !locs)) goto out;
        size_t nl = 0;
        for (size_t k = i; k < j; k++) {
            const ref_rec *r = pend[k].ref;
            if (!r) continue;
            if (r->answers) e->relation = CG_EDGE_ANSWERS;
            e->referrals += r->refers;
            pos[e->npositions++] =
                (cg_position){r->file, r->line, r->col, r->record, r->page, r->page_line, r->quote};
            if (r->locator) locs[nl++] = r->locator;
        }
        e->count = npos ? npos : 1;
        if (nl) qsort(locs, nl, sizeof *locs, cmp_locator);
        size_t u = 0;
        for (size_t k = 0; k < nl; k++)
            if (!u || strcmp(locs[k], locs[u - 1]) != 0) locs[u++] = locs[k];
        e->locators = locs;
        e->nlocators = u;
        e->positions = pos;
    }
    st = CG_OK;
out:
    free(pend);
    return st;
}

static cg_status build_adjacency(cg_graph *g) {
    size_t n = g->nnodes;
    g->out_start = calloc(n + 1, sizeof *g->out_start);
    g->in_start = calloc(n + 1, sizeof *g->in_start);
    g->out_edges = calloc(g->nedges ? g->nedges : 1, sizeof *g->out_edges);
    g->in_edges = calloc(g->nedges ? g->nedges : 1, sizeof *g->in_edges);
    size_t *fo = calloc(n + 1, sizeof *fo), *fi = calloc(n + 1, sizeof *fi);
    cg_status st = CG_ENOMEM;
    if (!g->out_start || !g->in_start || !g->out_edges || !g->in_edges || !fo || !fi) goto out;
    for (size_t i = 0; i < g->nedges; i++) {
        g->out_start[g->edges[i].source + 1]++;
        g->in_start[g->edges[i].target + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        g->out_start[v + 1] += g->out_start[v];
        g->in_start[v + 1] += g->in_start[v];
    }
    for (size_t i = 0; i < g->nedges; i++) {
        size_t s = g->edges[i].source, t = g->edges[i].target;
        g->out_edges[g->out_start[s] + fo[s]++] = i;
        g->in_edges[g->in_start[t] + fi[t]++] = i;
    }
    st = CG_OK;
out:
    free(fo);
    free(fi);
    return st;
}

/* The igraph graph, created in one call from the edge list. */
static cg_status build_igraph(cg_graph *g, cg_error *err) {
    igraph_guard guard;
    cgg_igraph_enter(&guard);
    igraph_vector_int_t ev;
    igraph_error_t ie = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * g->nedges));
    if (ie == IGRAPH_SUCCESS) {
        for (size_t i = 0; i < g->nedges; i++) {
            VECTOR(ev)[2 * i] = (igraph_integer_t)g->edges[i].source;
            VECTOR(ev)[2 * i + 1] = (igraph_integer_t)g->edges[i].target;
        }
        ie = igraph_create(&g->ig, &ev, (igraph_integer_t)g->nnodes, IGRAPH_DIRECTED);
        igraph_vector_int_destroy(&ev);
    }
    cgg_igraph_leave(&guard);
    if (ie != IGRAPH_SUCCESS) return cgg_igraph_error(ie, err);
    g->has_ig = true;
    return CG_OK;
}

cg_status cg_graph_finish(cg_graph *g, cg_error *err) {
    if (g->finished) return cgu_error(err, CG_EINVAL, NULL, 0, 0, "the graph is finished");
    builder b = {0};
    cg_status st = choose_documents(g);
    if (st == CG_OK) st = resolve_aliases(g, &b);
    if (st == CG_OK) st = collect_nodes(g, &b);
    if (st == CG_OK) st = build_nodes(g, &b);
    if (st == CG_OK) st = build_edges(g, &b);
    if (st == CG_OK) st = build_adjacency(g);
    if (st == CG_OK) st = cgg_compute_ages(g);
    free(b.target_of);
    free(b.base_of);
    free(b.node_of);
    free((void *)b.order);
    if (st == CG_ENOMEM) return cgu_oom(err);
    if (st == CG_OK) st = build_igraph(g, err);
    if (st == CG_OK) g->finished = true;
    return st;
}

size_t cg_graph_duplicates(const cg_graph *g, const cg_duplicate **dups) {
    *dups = g->finished ? g->dups : NULL;
    return g->finished ? g->ndups : 0;
}

bool cg_graph_is_finished(const cg_graph *g) {
    return g->finished;
}

size_t cg_graph_node_count(const cg_graph *g) {
    return g->nnodes;
}
size_t cg_graph_edge_count(const cg_graph *g) {
    return g->nedges;
}
const cg_node *cg_graph_node(const cg_graph *g, size_t i) {
    return i < g->nnodes ? &g->nodes[i] : NULL;
}
const cg_edge *cg_graph_edge(const cg_graph *g, size_t i) {
    return i < g->nedges ? &g->edges[i] : NULL;
}

cg_status cg_graph_find_id(const cg_graph *g, const cg_docid *id, const cg_question_series *series,
                           const cg_question *question, bool *found, size_t *node, cg_error *err) {
    *found = false;
    /* spelled as the key of the node would be; no file: a document id */
    node_key k = {.doc = *id,
                  .has_question = question != NULL,
                  .series = series ? *series : 0,
                  .question = question ? *question : (cg_question){0, 0}};
    cg_buf b = CG_BUF_INIT;
    cg_status st = cgg_key_append(&b, &k, err);
    if (st == CG_OK) *found = cgu_map_get(&g->index, b.data, node);
    cg_buf_release(&b);
    /* no id at all is simply not in the graph */
    return st == CG_EINVAL ? CG_OK : st;
}

/* The node of the document `len` bytes of `text` name in any spelling;
 * with `question` (text after a '#'), of that question. */
static cg_status find_spelled(const cg_graph *g, const cg_extractor *ex, const char *text,
                              size_t len, const char *question, bool *found, size_t *node,
                              cg_error *err) {
    *found = false;
    char *t = malloc(len + 1);
    if (!t) return cgu_oom(err);
    memcpy(t, text, len);
    t[len] = '\0';
    cg_buf storage = CG_BUF_INIT;
    cg_docid id;
    cg_error why;
    cg_status st = cg_resolve_text(ex, t, &id, &storage, &why);
    if (st == CG_EFORMAT) {
        st = CG_OK; /* names no document */
    } else if (st != CG_OK) {
        if (err) *err = why;
    } else if (!question) {
        st = cg_graph_find_id(g, &id, NULL, NULL, found, node, err);
    } else {
        cg_question *qs = NULL;
        size_t nq = 0;
        cg_question_series series;
        st = cg_locator_parse_questions(question, &series, &qs, &nq, err);
        if (st == CG_OK && nq == 1)
            st = cg_graph_find_id(g, &id, &series, &qs[0], found, node, err);
        free(qs);
    }
    free(t);
    cg_buf_release(&storage);
    return st;
}

cg_status cg_graph_find(const cg_graph *g, const cg_extractor *ex, const char *text, bool *found,
                        size_t *node, cg_error *err) {
    *found = cgu_map_get(&g->index, text, node);
    if (*found) return CG_OK;
    cg_status st = CG_OK;
    if (ex) {
        /* the whole text (a URL may hold a '#'), then "19/5954#Frage 2": the
         * document in any spelling, and the question after the '#' */
        st = find_spelled(g, ex, text, strlen(text), NULL, found, node, err);
        const char *hash = strchr(text, '#');
        if (st == CG_OK && !*found && hash)
            st = find_spelled(g, ex, text, (size_t)(hash - text), hash + 1, found, node, err);
        if (st != CG_OK || *found) return st;
    }
    /* a file of the corpus, by path or by name; a DIP record of it as
     * "PATH#N" or "NAME#N", as positions name it */
    const char *hash = strrchr(text, '#');
    size_t file_len = hash ? (size_t)(hash - text) : 0, record = 0;
    if (hash && hash[1] >= '1' && hash[1] <= '9' &&
        strspn(hash + 1, "0123456789") == strlen(hash + 1))
        record = (size_t)strtoull(hash + 1, NULL, 10);
    for (size_t i = 0; i < g->nnodes; i++) {
        const char *f = g->nodes[i].file;
        if (!f) continue;
        const char *slash = strrchr(f, '/');
        bool match = strcmp(f, text) == 0 || (slash && strcmp(slash + 1, text) == 0);
        if (!match && record && g->nodes[i].record == record) {
            const char *name = slash ? slash + 1 : f;
            match = (strlen(f) == file_len && memcmp(f, text, file_len) == 0) ||
                    (strlen(name) == file_len && memcmp(name, text, file_len) == 0);
        }
        if (match) {
            *node = i;
            *found = true;
            return CG_OK;
        }
    }
    return CG_OK;
}

cg_status cg_graph_edges_of(const cg_graph *g, size_t node, cg_direction direction,
                            const size_t **edges, size_t *n, cg_error *err) {
    *edges = NULL;
    *n = 0;
    if (!g->finished) return cgg_not_finished(err);
    if (node >= g->nnodes || (direction != CG_OUT && direction != CG_IN))
        return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no such node or direction");
    const size_t *start = direction == CG_IN ? g->in_start : g->out_start;
    const size_t *list = direction == CG_IN ? g->in_edges : g->out_edges;
    *edges = list + start[node];
    *n = start[node + 1] - start[node];
    return CG_OK;
}
