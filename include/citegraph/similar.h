/* citegraph/similar.h - related documents by co-citation and bibliographic
 * coupling (libcitegraph-graph).
 *
 * Two documents are co-cited when a third document cites both (Small 1973);
 * they are bibliographically coupled when both cite a third document
 * (Kessler 1963). The more such third documents they share, the more they
 * are about the same thing: Connected Papers finds related work with both,
 * and VOSviewer draws maps of either. A count alone favours documents that cite (or are
 * cited) a lot, so each count is also normalised with Salton's cosine
 * (Salton & McGill 1983, "Introduction to Modern Information Retrieval"):
 *
 *   cosine(a, b) = shared(a, b) / sqrt(degree(a) * degree(b))
 *
 * where, for coupling, degree is the number of documents a document cites
 * and shared the number it cites in common with the other; for co-citation,
 * degree is the number of documents that cite it and shared the number that
 * cite both. The cosine is 1 when two documents cite (are cited by) exactly
 * the same documents, and falls towards 0 as their lists differ. (van Eck &
 * Waltman 2009, "How to normalize cooccurrence data", JASIST 60(8), compare
 * it with the association strength VOSviewer uses by default.)
 *
 * The graph the measures see: citation edges only (any relation but
 * CG_EDGE_PART_OF), between documents: a question node counts as its
 * document (cg_node.parent), so that two questions of one document cited by
 * one answer are one shared document, and an edge from a document to itself
 * (also to one of its own questions) is left out. A document counts once
 * however often it is cited. External documents (cited, not read) cite
 * nothing: they can be co-cited, and be the shared documents of a coupling,
 * but are never coupled. Question nodes never appear in the results.
 *
 * Everything is computed sparsely, from adjacency lists: one document's
 * similar documents cost the sum of the degrees of its neighbours, all pairs
 * of a corpus the sum of the squared degrees; never a matrix of n * n.
 *
 * Thread-safety: these functions only read a finished graph (no igraph
 * call) and may run on any number of threads at once.
 */
#ifndef CITEGRAPH_SIMILAR_H
#define CITEGRAPH_SIMILAR_H

#include <stddef.h>

#include "citegraph/error.h"
#include "citegraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The measures, as bits: CG_SIMILAR_BOTH asks for both. */
typedef enum cg_similar_measure {
    CG_SIMILAR_COCITATION = 1, /* cited together: by the same documents */
    CG_SIMILAR_COUPLING = 2,   /* citing together: the same documents */
    CG_SIMILAR_BOTH = 3
} cg_similar_measure;

/** "cocitation" or "coupling" (for CG_SIMILAR_BOTH, "both"). Static. */
CG_EXPORT const char *cg_similar_measure_name(cg_similar_measure measure);

/** A document similar to the one asked about. */
typedef struct cg_similar_doc {
    size_t node;   /* a document node (never a question) */
    size_t shared; /* the number of documents the two share */
    size_t degree; /* its degree for the measure (see the top of this file) */
    double cosine; /* shared / sqrt(degree of the one asked about * degree) */
    /* its shared documents, in node order (by id): the list's
     * evidence[evidence_begin ... evidence_begin + nevidence) */
    size_t evidence_begin;
    size_t nevidence; /* min(shared, the evidence cap asked for) */
} cg_similar_doc;

/** The documents most similar to one, by one measure. */
typedef struct cg_similar_list {
    cg_similar_measure measure;
    size_t node;   /* the document asked about (for a question: its document) */
    size_t degree; /* its degree for the measure */
    size_t total;  /* how many documents share at least one document with it */
    cg_similar_doc *docs;
    size_t ndocs; /* at most the `top` asked for */
    size_t *evidence;
} cg_similar_list;

/** Fills *out with the documents most similar to `node` (a question node:
 * its document) by `measure` (CG_SIMILAR_COCITATION or CG_SIMILAR_COUPLING),
 * those sharing at least one document with it: sorted by cosine (highest
 * first), then by shared count (highest first), then by node (id) - the
 * same order whatever order the input came in. At most `top` of them
 * (SIZE_MAX: all), each with at most `evidence_cap` of its shared documents
 * (SIZE_MAX: all). The cosines are compared exactly (as fractions), so that
 * rounding never decides an order. Release *out with
 * cg_similar_list_release() in any case. CG_EINVAL for an unfinished graph,
 * a node out of range or another measure; CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_similar(const cg_graph *g, size_t node, cg_similar_measure measure,
                                     size_t top, size_t evidence_cap, cg_similar_list *out,
                                     cg_error *err);

/** Frees what `l` holds and empties it. NULL is allowed. */
CG_EXPORT void cg_similar_list_release(cg_similar_list *l);

/** A pair of similar documents, a < b (node order, so by id). */
typedef struct cg_similar_pair {
    size_t a, b;
    cg_similar_measure measure;
    size_t shared;
    double cosine;
} cg_similar_pair;

/** Called by cg_graph_similar_pairs() for each pair; nonzero stops it. */
typedef int (*cg_similar_pair_fn)(void *ctx, const cg_similar_pair *pair);

/** Every pair of documents sharing at least `min_shared` documents (0 is
 * taken as 1) by the measures `measures` (CG_SIMILAR_COCITATION,
 * CG_SIMILAR_COUPLING or CG_SIMILAR_BOTH), each pair once, handed to `fn` as
 * it is found, in the order of a, then b, then co-citation before coupling:
 * nothing is kept but one row of counts (two arrays of the number of nodes),
 * so the memory does not grow with the number of pairs. That number can be
 * large: a document cited by k documents is co-cited with each of the
 * others they cite, and k documents citing one document are k (k - 1) / 2
 * coupled pairs; `min_shared` above 1 keeps the strongest.
 * CG_EINVAL for an unfinished graph or no measure, or when `fn` stopped it;
 * CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_similar_pairs(const cg_graph *g, cg_similar_measure measures,
                                           size_t min_shared, cg_similar_pair_fn fn, void *ctx,
                                           cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
