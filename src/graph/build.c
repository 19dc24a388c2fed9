/* build.c - from records to nodes, edges and the igraph graph.
 *
 * Nodes are sorted by id and edges by (source, target), so the graph and
 * every export are the same bytes whatever order the documents came in. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

void cgg_igraph_enter(igraph_guard *g) {
    g->previous = igraph_set_error_handler(igraph_error_handler_ignore);
    g->previous_warning = igraph_set_warning_handler(igraph_warning_handler_ignore);
}

void cgg_igraph_leave(igraph_guard *g) {
    igraph_set_error_handler(g->previous);
    igraph_set_warning_handler(g->previous_warning);
}

cg_status cgg_igraph_error(igraph_error_t e, cg_error *err) {
    cg_status st = e == IGRAPH_ENOMEM ? CG_ENOMEM : CG_EGRAPH;
    if (err) {
        memset(err, 0, sizeof *err);
        err->status = st;
        snprintf(err->text, sizeof err->text, "igraph: %s", igraph_strerror(e));
    }
    return st;
}

static char *arena_printf(cgu_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *arena_printf(cgu_arena *a, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return cgu_arena_strdup(a, buf);
}

char *cgg_official_url(cgu_arena *a, const char *id) {
    unsigned wp;
    unsigned long nr;
    char tail;
    /* https://dserver.bundestag.de/btd/19/187/1918757.pdf: WP, first three of the five digits */
    if (sscanf(id, "BT-Drs. %u/%lu%c", &wp, &nr, &tail) == 2 && wp && nr < 100000)
        return arena_printf(a, "https://dserver.bundestag.de/btd/%02u/%03lu/%02u%05lu.pdf", wp,
                            nr / 100, wp, nr);
    if (sscanf(id, "BT-PlPr. %u/%lu%c", &wp, &nr, &tail) == 2 && wp && nr < 1000)
        return arena_printf(a, "https://dserver.bundestag.de/btp/%02u/%02u%03lu.pdf", wp, wp, nr);
    if (strncmp(id, "CELEX:", 6) == 0)
        return arena_printf(a, "https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=%s", id);
    unsigned long st;
    unsigned yy;
    if (sscanf(id, "ST %lu/%u%c", &st, &yy, &tail) == 2 && yy < 100)
        return arena_printf(a, "https://data.consilium.europa.eu/doc/document/ST-%lu-%u-INIT/de/pdf",
                            st, yy < 58 ? 2000 + yy : 1900 + yy);
    if (strncmp(id, "http://", 7) == 0 || strncmp(id, "https://", 8) == 0)
        return cgu_arena_strdup(a, id);
    return NULL;
}

static const char *kind_from_id(const char *id) {
    if (strchr(id, '#')) return "question";
    if (strncmp(id, "BT-Drs. ", 8) == 0) return CG_KIND_BT_DRUCKSACHE;
    if (strncmp(id, "BT-PlPr. ", 9) == 0) return CG_KIND_BT_PLENARPROTOKOLL;
    if (strncmp(id, "BT-ADrs. ", 9) == 0) return CG_KIND_BT_AUSSCHUSSDRUCKSACHE;
    if (strncmp(id, "BR-Drs. ", 8) == 0) return CG_KIND_BR_DRUCKSACHE;
    if (strncmp(id, "LT-Drs. ", 8) == 0) return CG_KIND_LANDTAG_DRUCKSACHE;
    if (strncmp(id, "ST ", 3) == 0) return CG_KIND_EU_COUNCIL_DOC;
    if (strncmp(id, "CELEX:", 6) == 0) return CG_KIND_EU_LEGAL_ACT;
    if (strncmp(id, "file:", 5) == 0) return "document";
    if (strncmp(id, "http://", 7) == 0 || strncmp(id, "https://", 8) == 0) return CG_KIND_URL;
    if (strchr(id, '(')) return CG_KIND_EU_COM_DOC;
    return NULL;
}

/* Number, Wahlperiode and issuer from the id. */
static void describe(cg_graph *g, cg_node *n) {
    const char *id = n->id;
    const char *hash = strchr(id, '#');
    if (hash) {
        n->parent = cgu_arena_strndup(&g->arena, id, (size_t)(hash - id));
        n->number = hash + 1;
        return;
    }
    const char *sp = strchr(id, ' ');
    if (strncmp(id, "BT-", 3) == 0 || strncmp(id, "BR-", 3) == 0 || strncmp(id, "LT-", 3) == 0) {
        n->issuer = strncmp(id, "BT", 2) == 0 ? "BT" : strncmp(id, "BR", 2) == 0 ? "BR" : "LT";
        n->number = sp ? sp + 1 : NULL;
        const char *num = n->number;
        if (num && n->issuer[1] == 'T' && num[0] >= 'A' && num[0] <= 'Z') /* "NW 17/8873" */
            num = strchr(num, ' ') ? strchr(num, ' ') + 1 : num;
        if (num && n->issuer[1] == 'T') n->wahlperiode = atoi(num);
    } else if (strncmp(id, "ST ", 3) == 0) {
        n->issuer = "EU";
        n->number = id + 3;
    } else if (strncmp(id, "CELEX:", 6) == 0) {
        n->issuer = "EU";
        n->number = id + 6;
    } else if (n->kind && strcmp(n->kind, CG_KIND_EU_COM_DOC) == 0) {
        n->issuer = "EU";
        n->number = id;
    }
}

typedef struct pending_edge {
    size_t s, t;
    const ref_rec *ref; /* NULL for part_of */
} pending_edge;

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_pending(const void *a, const void *b) {
    const pending_edge *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->t != y->t) return x->t < y->t ? -1 : 1;
    if (!x->ref || !y->ref) return (x->ref != NULL) - (y->ref != NULL);
    int c = strcmp(x->ref->file, y->ref->file);
    if (c) return c;
    if (x->ref->line != y->ref->line) return x->ref->line < y->ref->line ? -1 : 1;
    if (x->ref->col != y->ref->col) return x->ref->col < y->ref->col ? -1 : 1;
    return 0;
}

static int cmp_locator(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

cg_status cg_graph_finish(cg_graph *g, cg_error *err) {
    if (g->finished) return CG_EINVAL;
    cg_status st = CG_ENOMEM;
    const char **ids = NULL;
    pending_edge *pend = NULL;
    size_t nids = 0, cap = 0, npend = 0, pcap = 0;
    cgu_map alias = {0};
    /* an alias ("wird als Bundestags-Drucksache 21/100 verteilt") leads to its
     * document unless that number is a document of the corpus itself */
    cgu_map docs = {0};
    for (size_t i = 0; i < g->ndocs; i++)
        if (cgu_map_put(&docs, g->docs[i].id, i)) goto out;
    for (size_t i = 0; i < g->ndocs; i++)
        if (g->docs[i].alias && !cgu_map_get(&docs, g->docs[i].alias, NULL) &&
            cgu_map_put(&alias, g->docs[i].alias, i))
            goto out;
    for (size_t i = 0; i < g->nrefs; i++) {
        size_t d;
        const char *t = g->refs[i].target;
        const char *hash = strchr(t, '#');
        char base[512];
        snprintf(base, sizeof base, "%.*s", hash ? (int)(hash - t) : (int)strlen(t), t);
        if (cgu_map_get(&alias, base, &d)) {
            g->refs[i].target = hash ? arena_printf(&g->arena, "%s%s", g->docs[d].id, hash)
                                     : g->docs[d].id;
            if (!g->refs[i].target) goto out;
        }
    }
    /* every id: documents, targets, the documents of question nodes */
    for (size_t i = 0; i < g->ndocs + g->nrefs; i++) {
        const char *id = i < g->ndocs ? g->docs[i].id : g->refs[i - g->ndocs].target;
        for (int k = 0; k < 2; k++) {
            if (cgu_grow((void **)&ids, &cap, nids + 1, sizeof *ids)) goto out;
            ids[nids++] = id;
            const char *hash = strchr(id, '#');
            if (!hash || k) break;
            id = cgu_arena_strndup(&g->arena, id, (size_t)(hash - id));
            if (!id) goto out;
        }
    }
    if (nids) qsort(ids, nids, sizeof *ids, cmp_str);
    size_t n = 0;
    for (size_t i = 0; i < nids; i++)
        if (!n || strcmp(ids[i], ids[n - 1]) != 0) ids[n++] = ids[i];
    g->nodes = calloc(n ? n : 1, sizeof *g->nodes);
    if (!g->nodes) goto out;
    g->nnodes = n;
    for (size_t i = 0; i < n; i++) {
        g->nodes[i].id = ids[i];
        g->nodes[i].kind = kind_from_id(ids[i]);
        if (cgu_map_put(&g->index, ids[i], i)) goto out;
    }
    /* kinds of external nodes as the references saw them */
    for (size_t i = 0; i < g->nrefs; i++) {
        size_t v;
        cgu_map_get(&g->index, g->refs[i].target, &v);
        if (!g->nodes[v].kind && g->refs[i].kind) g->nodes[v].kind = g->refs[i].kind;
    }
    for (size_t i = 0; i < g->ndocs; i++) {
        size_t v;
        cgu_map_get(&g->index, g->docs[i].id, &v);
        cg_node *nd = &g->nodes[v];
        if (nd->in_corpus) continue; /* the same document twice: the first wins */
        nd->in_corpus = 1;
        nd->file = g->docs[i].file;
        nd->issuer = g->docs[i].issuer;
        nd->type = g->docs[i].type;
        nd->date = g->docs[i].date;
        nd->title = g->docs[i].title;
    }
    for (size_t i = 0; i < n; i++) {
        cg_node *nd = &g->nodes[i];
        const char *issuer = nd->issuer;
        describe(g, nd);
        if (issuer) nd->issuer = issuer;
        if (!nd->kind) nd->kind = "document";
        nd->url = cgg_official_url(&g->arena, nd->id);
    }
    /* metadata fills and overrides */
    for (size_t i = 0; i < g->nmeta; i++) {
        size_t v;
        if (!cgu_map_get(&g->index, g->meta[i].id, &v)) continue;
        cg_node *nd = &g->nodes[v];
        if (g->meta[i].type) nd->type = g->meta[i].type;
        if (g->meta[i].date) nd->date = g->meta[i].date;
        if (g->meta[i].title) nd->title = g->meta[i].title;
        if (g->meta[i].file && !nd->file) nd->file = g->meta[i].file;
    }
    /* edges: every occurrence, then grouped by (source, target) */
    for (size_t i = 0; i < g->nrefs + n; i++) {
        pending_edge pe;
        if (i < g->nrefs) {
            if (!cgu_map_get(&g->index, g->refs[i].source, &pe.s) ||
                !cgu_map_get(&g->index, g->refs[i].target, &pe.t))
                continue;
            pe.ref = &g->refs[i];
        } else {
            const cg_node *q = &g->nodes[i - g->nrefs];
            if (!q->parent || !cgu_map_get(&g->index, q->parent, &pe.t)) continue;
            pe.s = i - g->nrefs;
            pe.ref = NULL;
        }
        if (cgu_grow((void **)&pend, &pcap, npend + 1, sizeof *pend)) goto out;
        pend[npend++] = pe;
    }
    if (npend) qsort(pend, npend, sizeof *pend, cmp_pending);
    size_t ne = 0;
    for (size_t i = 0; i < npend; i++) ne += !i || pend[i].s != pend[i - 1].s || pend[i].t != pend[i - 1].t;
    g->edges = calloc(ne ? ne : 1, sizeof *g->edges);
    if (!g->edges) goto out;
    for (size_t i = 0, j; i < npend; i = j) {
        j = i;
        while (j < npend && pend[j].s == pend[i].s && pend[j].t == pend[i].t) j++;
        cg_edge *e = &g->edges[g->nedges++];
        e->source = pend[i].s;
        e->target = pend[i].t;
        e->relation = pend[i].ref ? "cites" : "part_of";
        size_t npos = 0;
        for (size_t k = i; k < j; k++) npos += pend[k].ref != NULL;
        cg_position *pos = npos ? cgu_arena_alloc(&g->arena, npos * sizeof *pos) : NULL;
        const char **locs = npos ? cgu_arena_alloc(&g->arena, npos * sizeof *locs) : NULL;
        if (npos && (!pos || !locs)) goto out;
        size_t nl = 0;
        for (size_t k = i; k < j; k++) {
            const ref_rec *r = pend[k].ref;
            if (!r) continue;
            if (r->answers) e->relation = "answers";
            pos[e->npositions++] = (cg_position){r->file, r->line, r->col};
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
    /* adjacency by source and by target */
    g->out_start = calloc(n + 1, sizeof *g->out_start);
    g->in_start = calloc(n + 1, sizeof *g->in_start);
    g->out_edges = calloc(g->nedges ? g->nedges : 1, sizeof *g->out_edges);
    g->in_edges = calloc(g->nedges ? g->nedges : 1, sizeof *g->in_edges);
    if (!g->out_start || !g->in_start || !g->out_edges || !g->in_edges) goto out;
    for (size_t i = 0; i < g->nedges; i++) {
        g->out_start[g->edges[i].source + 1]++;
        g->in_start[g->edges[i].target + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        g->out_start[v + 1] += g->out_start[v];
        g->in_start[v + 1] += g->in_start[v];
    }
    {
        size_t *fo = calloc(n + 1, sizeof *fo), *fi = calloc(n + 1, sizeof *fi);
        if (!fo || !fi) {
            free(fo);
            free(fi);
            goto out;
        }
        for (size_t i = 0; i < g->nedges; i++) {
            size_t s = g->edges[i].source, t = g->edges[i].target;
            g->out_edges[g->out_start[s] + fo[s]++] = i;
            g->in_edges[g->in_start[t] + fi[t]++] = i;
        }
        free(fo);
        free(fi);
    }
    /* the igraph graph, created in one call from the edge list */
    {
        igraph_guard guard;
        cgg_igraph_enter(&guard);
        igraph_vector_int_t ev;
        igraph_error_t ie = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * g->nedges));
        if (ie == IGRAPH_SUCCESS) {
            for (size_t i = 0; i < g->nedges; i++) {
                VECTOR(ev)[2 * i] = (igraph_integer_t)g->edges[i].source;
                VECTOR(ev)[2 * i + 1] = (igraph_integer_t)g->edges[i].target;
            }
            ie = igraph_create(&g->ig, &ev, (igraph_integer_t)n, IGRAPH_DIRECTED);
            igraph_vector_int_destroy(&ev);
        }
        cgg_igraph_leave(&guard);
        if (ie != IGRAPH_SUCCESS) {
            st = cgg_igraph_error(ie, err);
            goto done;
        }
        g->has_ig = 1;
    }
    g->finished = 1;
    st = CG_OK;
    goto done;
out:
    st = CG_ENOMEM;
done:
    free(ids);
    free(pend);
    cgu_map_release(&alias);
    cgu_map_release(&docs);
    return st;
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

long cg_graph_find(const cg_graph *g, const cg_extractor *ex, const char *id) {
    size_t v;
    if (cgu_map_get(&g->index, id, &v)) return (long)v;
    /* "BT-Drs. 19/5954#Frage 2" in another spelling: canonicalise the document part */
    const char *hash = strchr(id, '#');
    size_t base_len = hash ? (size_t)(hash - id) : strlen(id);
    char *canon = ex ? cg_canonical_id(ex, id, base_len) : NULL;
    long found = -1;
    if (canon) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s%s", canon, hash ? hash : "");
        if (cgu_map_get(&g->index, buf, &v)) found = (long)v;
        free(canon);
    }
    if (found >= 0) return found;
    /* a file of the corpus, by path or by name */
    for (size_t i = 0; i < g->nnodes; i++) {
        const char *f = g->nodes[i].file;
        if (!f) continue;
        const char *slash = strrchr(f, '/');
        if (strcmp(f, id) == 0 || (slash && strcmp(slash + 1, id) == 0)) return (long)i;
    }
    return -1;
}

cg_status cg_graph_edges_of(const cg_graph *g, size_t node, int in, size_t **edges, size_t *n) {
    *edges = NULL;
    *n = 0;
    if (!g->finished || node >= g->nnodes) return CG_EINVAL;
    const size_t *start = in ? g->in_start : g->out_start;
    const size_t *list = in ? g->in_edges : g->out_edges;
    size_t k = start[node + 1] - start[node];
    *edges = malloc((k ? k : 1) * sizeof **edges);
    if (!*edges) return CG_ENOMEM;
    memcpy(*edges, list + start[node], k * sizeof **edges);
    *n = k;
    return CG_OK;
}
