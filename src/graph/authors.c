/* authors.c - who cites whom: the authors of the two ends of every citation
 * edge, counted by pair, and finding a node by an author's name. */
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

/* The node whose authors stand for `v`: a question's document. */
static const cg_node *author_node(const cg_graph *g, size_t v) {
    const cg_node *n = &g->nodes[v];
    return n->kind == CG_NODE_QUESTION && n->parent != SIZE_MAX ? &g->nodes[n->parent] : n;
}

static bool counts(const cg_author *a, unsigned roles) {
    return a->name && (!roles || (roles & CG_AUTHOR_BIT(a->role)));
}

/* Whether author i of n is the first of its name among those that count:
 * a name given in two roles counts once. */
static bool first_of_name(const cg_node *n, size_t i, unsigned roles) {
    for (size_t k = 0; k < i; k++)
        if (counts(&n->authors[k], roles) && strcmp(n->authors[k].name, n->authors[i].name) == 0)
            return false;
    return true;
}

static int cmp_pair_names(const void *a, const void *b) {
    const cg_author_pair *x = a, *y = b;
    int c = strcmp(x->citing, y->citing);
    return c ? c : strcmp(x->cited, y->cited);
}

static int cmp_pair_count(const void *a, const void *b) {
    const cg_author_pair *x = a, *y = b;
    if (x->edges != y->edges) return x->edges > y->edges ? -1 : 1;
    return cmp_pair_names(a, b);
}

cg_status cg_graph_author_pairs(const cg_graph *g, unsigned roles, cg_author_pair **pairs,
                                size_t *n, cg_error *err) {
    *pairs = NULL;
    *n = 0;
    if (!g->finished) return cgg_not_finished(err);
    cg_author_pair *all = NULL;
    size_t nall = 0, cap = 0;
    /* one entry per edge and pair of names, then sorted and counted */
    for (size_t i = 0; i < g->nedges; i++) {
        const cg_edge *e = &g->edges[i];
        if (e->relation == CG_EDGE_PART_OF) continue;
        const cg_node *s = author_node(g, e->source), *t = author_node(g, e->target);
        for (size_t a = 0; a < s->nauthors; a++) {
            if (!counts(&s->authors[a], roles) || !first_of_name(s, a, roles)) continue;
            for (size_t b = 0; b < t->nauthors; b++) {
                if (!counts(&t->authors[b], roles) || !first_of_name(t, b, roles)) continue;
                if (cgu_grow((void **)&all, &cap, nall + 1, sizeof *all)) {
                    free(all);
                    return cgu_oom(err);
                }
                all[nall++] = (cg_author_pair){s->authors[a].name, t->authors[b].name, 1};
            }
        }
    }
    if (nall) qsort(all, nall, sizeof *all, cmp_pair_names);
    size_t m = 0;
    for (size_t i = 0; i < nall; i++) {
        if (m && cmp_pair_names(&all[m - 1], &all[i]) == 0)
            all[m - 1].edges++;
        else
            all[m++] = all[i];
    }
    if (m) qsort(all, m, sizeof *all, cmp_pair_count);
    if (!m) {
        free(all);
        all = NULL;
    }
    *pairs = all;
    *n = m;
    return CG_OK;
}

/* A byte of a name made small: ASCII capitals, and the second byte of the
 * UTF-8 of À to Þ (U+00C0 to U+00DE, but ×), whose small letters lie 0x20
 * above them. `prev` is the byte before. */
static unsigned char small(unsigned char prev, unsigned char c) {
    if (c >= 'A' && c <= 'Z') return (unsigned char)(c + 0x20);
    if (prev == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) return (unsigned char)(c + 0x20);
    return c;
}

/* Whether `name` holds a capital letter, as small() sees them. */
static bool has_capital(const char *name) {
    const unsigned char *p = (const unsigned char *)name;
    for (size_t i = 0; p[i]; i++)
        if (small(i ? p[i - 1] : 0, p[i]) != p[i]) return true;
    return false;
}

char *cg_author_name_folded(const char *name) {
    size_t n = strlen(name);
    char *s = malloc(n + 1);
    if (!s) return NULL;
    const unsigned char *p = (const unsigned char *)name;
    for (size_t i = 0; i <= n; i++)
        s[i] = (char)small(i ? p[i - 1] : 0, p[i]);
    return s;
}

/* Whether `part` (small letters only) stands in `name` with its capitals
 * made small. */
static bool contains_folded(const char *name, const char *part) {
    const unsigned char *h = (const unsigned char *)name, *p = (const unsigned char *)part;
    size_t np = strlen(part);
    if (!np) return true;
    for (size_t i = 0; h[i]; i++) {
        size_t k = 0;
        while (k < np && h[i + k] && small(i + k ? h[i + k - 1] : 0, h[i + k]) == p[k])
            k++;
        if (k == np) return true;
    }
    return false;
}

bool cg_node_has_author(const cg_node *n, const char *name) {
    bool folded = !has_capital(name);
    for (size_t i = 0; i < n->nauthors; i++) {
        const char *a = n->authors[i].name;
        if (!a) continue;
        if (strcmp(a, name) == 0 || (folded && contains_folded(a, name))) return true;
    }
    return false;
}
