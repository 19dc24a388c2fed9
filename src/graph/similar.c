/* similar.c - co-citation and bibliographic coupling (citegraph/similar.h).
 *
 * Both measures are counted on the document graph: the citation edges with
 * question nodes folded into their documents, self-citations left out, each
 * citing/cited pair of documents once. That graph is built as two sorted
 * adjacency lists (what each document cites, what cites it), O(edges); a
 * document's neighbours at distance two through them are then counted in an
 * array indexed by node, only the entries touched being visited and reset,
 * so one document costs the sum of its neighbours' degrees and all pairs the
 * sum of the squared degrees, never n * n. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/similar.h"
#include "graph_internal.h"

/* The document graph: row v of out (out[out_start[v] .. out_start[v+1]))
 * lists the documents v cites, row v of in those citing v; sorted,
 * distinct, without v itself. Question nodes have empty rows. */
typedef struct folded {
    size_t n;
    size_t *out_start, *out;
    size_t *in_start, *in;
} folded;

static void folded_release(folded *f) {
    free(f->out_start);
    free(f->out);
    free(f->in_start);
    free(f->in);
    memset(f, 0, sizeof *f);
}

static size_t document_of(const cg_graph *g, size_t v) {
    return g->nodes[v].parent != SIZE_MAX ? g->nodes[v].parent : v;
}

/* Sorts node indices, ascending: quicksort with the median of three, the
 * smaller part first so that the stack stays logarithmic, insertion sort
 * for short runs. The pairs of a large corpus sort tens of millions of
 * indices in short lists, where qsort()'s call per comparison costs twice
 * the time. */
static void sort_nodes(size_t *v, size_t n) {
    while (n > 24) {
        size_t *lo = v, *hi = v + n - 1, *mid = v + n / 2, t;
        if (*mid < *lo) t = *mid, *mid = *lo, *lo = t;
        if (*hi < *mid) t = *hi, *hi = *mid, *mid = t;
        if (*mid < *lo) t = *mid, *mid = *lo, *lo = t;
        size_t pivot = *mid, i = 0, j = n - 1;
        for (;;) {
            while (v[i] < pivot)
                i++;
            while (pivot < v[j])
                j--;
            if (i >= j) break;
            t = v[i], v[i] = v[j], v[j] = t;
            i++;
            j--;
        }
        /* v[0..j] <= pivot <= v[j+1..n) */
        if (j + 1 < n - j - 1) {
            sort_nodes(v, j + 1);
            v += j + 1;
            n -= j + 1;
        } else {
            sort_nodes(v + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    for (size_t i = 1; i < n; i++) {
        size_t x = v[i], k = i;
        for (; k > 0 && v[k - 1] > x; k--)
            v[k] = v[k - 1];
        v[k] = x;
    }
}

static int fold(const cg_graph *g, folded *f) {
    size_t n = g->nnodes;
    memset(f, 0, sizeof *f);
    f->n = n;
    f->out_start = calloc(n + 1, sizeof *f->out_start);
    f->in_start = calloc(n + 1, sizeof *f->in_start);
    size_t *fill = calloc(n + 1, sizeof *fill);
    if (!f->out_start || !f->in_start || !fill) goto oom;
    /* rows of what each document cites, as counted from the edges */
    for (size_t i = 0; i < g->nedges; i++) {
        const cg_edge *e = &g->edges[i];
        if (e->relation == CG_EDGE_PART_OF) continue;
        size_t s = document_of(g, e->source), t = document_of(g, e->target);
        if (s != t) f->out_start[s + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        f->out_start[v + 1] += f->out_start[v];
    f->out = malloc((f->out_start[n] ? f->out_start[n] : 1) * sizeof *f->out);
    if (!f->out) goto oom;
    for (size_t i = 0; i < g->nedges; i++) {
        const cg_edge *e = &g->edges[i];
        if (e->relation == CG_EDGE_PART_OF) continue;
        size_t s = document_of(g, e->source), t = document_of(g, e->target);
        if (s != t) f->out[f->out_start[s] + fill[s]++] = t;
    }
    /* each row sorted and made distinct (questions of one document fold into
     * one entry), compacted in place */
    size_t w = 0;
    for (size_t v = 0; v < n; v++) {
        size_t b = f->out_start[v], e = f->out_start[v + 1];
        bool sorted = true;
        for (size_t j = b + 1; j < e && sorted; j++)
            sorted = f->out[j - 1] < f->out[j];
        if (!sorted) sort_nodes(f->out + b, e - b);
        f->out_start[v] = w;
        for (size_t j = b; j < e; j++)
            if (j == b || f->out[j] != f->out[j - 1]) f->out[w++] = f->out[j];
    }
    f->out_start[n] = w;
    /* the reverse rows, filled in source order: sorted without sorting */
    for (size_t j = 0; j < w; j++)
        f->in_start[f->out[j] + 1]++;
    for (size_t v = 0; v < n; v++)
        f->in_start[v + 1] += f->in_start[v];
    f->in = malloc((w ? w : 1) * sizeof *f->in);
    if (!f->in) goto oom;
    memset(fill, 0, (n + 1) * sizeof *fill);
    for (size_t s = 0; s < n; s++)
        for (size_t j = f->out_start[s]; j < f->out_start[s + 1]; j++) {
            size_t t = f->out[j];
            f->in[f->in_start[t] + fill[t]++] = s;
        }
    free(fill);
    return 0;
oom:
    free(fill);
    folded_release(f);
    return -1;
}

/* The rows a measure walks: from a document to what it shares (first), and
 * from that back to the documents sharing it (second). Coupling: what a
 * cites, then who cites that; co-citation: who cites a, then what they
 * cite. A document's degree is the length of its first row. */
typedef struct walk {
    const size_t *first_start, *first, *second_start, *second;
} walk;

static walk walk_of(const folded *f, cg_similar_measure m) {
    if (m == CG_SIMILAR_COUPLING) return (walk){f->out_start, f->out, f->in_start, f->in};
    return (walk){f->in_start, f->in, f->out_start, f->out};
}

static size_t degree(const walk *w, size_t v) {
    return w->first_start[v + 1] - w->first_start[v];
}

/* Counts, for every document b sharing something with a (only b > a when
 * `above`), the number shared into count[b], listing each b once in
 * touched[] (which has room for every node). Returns how many. */
static size_t accumulate(const walk *w, size_t a, bool above, size_t *count, size_t *touched) {
    size_t nt = 0;
    for (size_t j = w->first_start[a]; j < w->first_start[a + 1]; j++) {
        size_t t = w->first[j];
        for (size_t k = w->second_start[t]; k < w->second_start[t + 1]; k++) {
            size_t b = w->second[k];
            if (b == a || (above && b < a)) continue;
            if (!count[b]++) touched[nt++] = b;
        }
    }
    return nt;
}

static double salton(size_t shared, size_t da, size_t db) {
    return (double)shared / sqrt((double)da * (double)db);
}

/* x * y as a 128-bit number (hi, lo), without a compiler's 128-bit type. */
static void mul_wide(uint64_t x, uint64_t y, uint64_t *hi, uint64_t *lo) {
    uint64_t xl = x & 0xffffffffu, xh = x >> 32, yl = y & 0xffffffffu, yh = y >> 32;
    uint64_t ll = xl * yl, lh = xl * yh, hl = xh * yl, hh = xh * yh;
    uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
    *lo = (mid << 32) | (ll & 0xffffffffu);
    *hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* For one document a: whether b1 (shared s1, degree d1) is more similar
 * than b2: s1 / sqrt(da d1) against s2 / sqrt(da d2), that is s1^2 d2
 * against s2^2 d1, compared exactly while the counts fit in 32 bits (they
 * are at most the number of nodes); above that, as doubles. Returns -1, 0
 * or 1 as qsort wants the more similar first. */
static int cmp_cosine(size_t s1, size_t d1, size_t s2, size_t d2) {
    if (s1 > UINT32_MAX || s2 > UINT32_MAX || d1 > UINT32_MAX || d2 > UINT32_MAX) {
        double c1 = (double)s1 / sqrt((double)d1), c2 = (double)s2 / sqrt((double)d2);
        return c1 > c2 ? -1 : c1 < c2;
    }
    uint64_t h1, l1, h2, l2;
    mul_wide((uint64_t)s1 * s1, d2, &h1, &l1);
    mul_wide((uint64_t)s2 * s2, d1, &h2, &l2);
    if (h1 != h2) return h1 > h2 ? -1 : 1;
    if (l1 != l2) return l1 > l2 ? -1 : 1;
    return 0;
}

static int cmp_similar(const void *x, const void *y) {
    const cg_similar_doc *p = x, *q = y;
    int c = cmp_cosine(p->shared, p->degree, q->shared, q->degree);
    if (c) return c;
    if (p->shared != q->shared) return p->shared > q->shared ? -1 : 1;
    return p->node < q->node ? -1 : p->node > q->node;
}

const char *cg_similar_measure_name(cg_similar_measure measure) {
    switch (measure) {
    case CG_SIMILAR_COCITATION:
        return "cocitation";
    case CG_SIMILAR_COUPLING:
        return "coupling";
    case CG_SIMILAR_BOTH:
        break;
    }
    return "both";
}

void cg_similar_list_release(cg_similar_list *l) {
    if (!l) return;
    free(l->docs);
    free(l->evidence);
    memset(l, 0, sizeof *l);
}

cg_status cg_graph_similar(const cg_graph *g, size_t node, cg_similar_measure measure, size_t top,
                           size_t evidence_cap, cg_similar_list *out, cg_error *err) {
    memset(out, 0, sizeof *out);
    if (!g->finished) return cgg_not_finished(err);
    if (node >= g->nnodes) return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no such node");
    if (measure != CG_SIMILAR_COCITATION && measure != CG_SIMILAR_COUPLING)
        return cgu_error(err, CG_EINVAL, NULL, 0, 0, "one measure at a time");
    folded f;
    if (fold(g, &f)) return cgu_oom(err);
    size_t n = g->nnodes, a = document_of(g, node);
    walk w = walk_of(&f, measure);
    size_t *count = calloc(n, sizeof *count), *touched = malloc(n * sizeof *touched);
    cg_similar_doc *docs = NULL;
    size_t *evidence = NULL;
    if (!count || !touched) goto oom;
    size_t nt = accumulate(&w, a, false, count, touched);
    docs = malloc((nt ? nt : 1) * sizeof *docs);
    if (!docs) goto oom;
    size_t da = degree(&w, a);
    for (size_t i = 0; i < nt; i++) {
        size_t b = touched[i], db = degree(&w, b);
        docs[i] = (cg_similar_doc){
            .node = b, .shared = count[b], .degree = db, .cosine = salton(count[b], da, db)};
    }
    if (nt) qsort(docs, nt, sizeof *docs, cmp_similar);
    size_t keep = nt < top ? nt : top, nev = 0;
    for (size_t i = 0; i < keep; i++) {
        docs[i].evidence_begin = nev;
        docs[i].nevidence = docs[i].shared < evidence_cap ? docs[i].shared : evidence_cap;
        nev += docs[i].nevidence;
    }
    evidence = malloc((nev ? nev : 1) * sizeof *evidence);
    if (!evidence) goto oom;
    /* the shared documents: the two first rows, both sorted, merged */
    for (size_t i = 0; i < keep; i++) {
        size_t b = docs[i].node, got = 0;
        size_t j = w.first_start[a], je = w.first_start[a + 1];
        size_t k = w.first_start[b], ke = w.first_start[b + 1];
        while (j < je && k < ke && got < docs[i].nevidence) {
            if (w.first[j] < w.first[k])
                j++;
            else if (w.first[j] > w.first[k])
                k++;
            else {
                evidence[docs[i].evidence_begin + got++] = w.first[j];
                j++;
                k++;
            }
        }
    }
    if (keep < nt) {
        /* a short list: give back what the rest took */
        cg_similar_doc *p = realloc(docs, (keep ? keep : 1) * sizeof *docs);
        if (p) docs = p;
    }
    free(count);
    free(touched);
    folded_release(&f);
    *out = (cg_similar_list){.measure = measure,
                             .node = a,
                             .degree = da,
                             .total = nt,
                             .docs = docs,
                             .ndocs = keep,
                             .evidence = evidence};
    return CG_OK;
oom:
    free(count);
    free(touched);
    free(docs);
    free(evidence);
    folded_release(&f);
    return cgu_oom(err);
}

/* One measure's counts for the current document of the pairs. */
typedef struct row {
    walk w;
    size_t *count, *touched;
    size_t nt;
} row;

cg_status cg_graph_similar_pairs(const cg_graph *g, cg_similar_measure measures, size_t min_shared,
                                 cg_similar_pair_fn fn, void *ctx, cg_error *err) {
    if (!g->finished) return cgg_not_finished(err);
    if (!(measures & CG_SIMILAR_BOTH) || (measures & ~CG_SIMILAR_BOTH))
        return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no measure");
    if (!min_shared) min_shared = 1;
    folded f;
    if (fold(g, &f)) return cgu_oom(err);
    size_t n = g->nnodes;
    /* rows[0] co-citation, rows[1] coupling: the order pairs of one b come in */
    row rows[2] = {{walk_of(&f, CG_SIMILAR_COCITATION), NULL, NULL, 0},
                   {walk_of(&f, CG_SIMILAR_COUPLING), NULL, NULL, 0}};
    const cg_similar_measure of_row[2] = {CG_SIMILAR_COCITATION, CG_SIMILAR_COUPLING};
    bool on[2] = {(measures & CG_SIMILAR_COCITATION) != 0, (measures & CG_SIMILAR_COUPLING) != 0};
    cg_status st = CG_OK;
    for (int r = 0; r < 2; r++) {
        if (!on[r]) continue;
        rows[r].count = calloc(n ? n : 1, sizeof *rows[r].count);
        rows[r].touched = malloc((n ? n : 1) * sizeof *rows[r].touched);
        if (!rows[r].count || !rows[r].touched) st = cgu_oom(err);
    }
    for (size_t a = 0; st == CG_OK && a < n; a++) {
        for (int r = 0; r < 2; r++) {
            if (!on[r]) continue;
            rows[r].nt = accumulate(&rows[r].w, a, true, rows[r].count, rows[r].touched);
            sort_nodes(rows[r].touched, rows[r].nt);
        }
        /* both rows' b in ascending order, merged; co-citation first on a tie */
        size_t i[2] = {0, 0};
        while (st == CG_OK && (i[0] < rows[0].nt || i[1] < rows[1].nt)) {
            int r = i[1] >= rows[1].nt                               ? 0
                    : i[0] >= rows[0].nt                             ? 1
                    : rows[0].touched[i[0]] <= rows[1].touched[i[1]] ? 0
                                                                     : 1;
            size_t b = rows[r].touched[i[r]++], shared = rows[r].count[b];
            if (shared < min_shared) continue;
            cg_similar_pair p = {a, b, of_row[r], shared,
                                 salton(shared, degree(&rows[r].w, a), degree(&rows[r].w, b))};
            if (fn(ctx, &p)) st = cgu_error(err, CG_EINVAL, NULL, 0, 0, "stopped");
        }
        for (int r = 0; r < 2; r++) {
            for (size_t k = 0; k < rows[r].nt; k++)
                rows[r].count[rows[r].touched[k]] = 0;
            rows[r].nt = 0;
        }
    }
    for (int r = 0; r < 2; r++) {
        free(rows[r].count);
        free(rows[r].touched);
    }
    folded_release(&f);
    return st;
}
