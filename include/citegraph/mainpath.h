/* citegraph/mainpath.h - main path analysis of the citation graph
 * (libcitegraph-graph).
 *
 * Main path analysis (Hummon & Doreian 1989) weighs every citation by how
 * many chains of citations run through it, and follows the heaviest ones:
 * the backbone along which a literature developed.
 *
 * The network. citegraph's edges go from citing to cited; main path
 * analysis reads them the other way, as knowledge flowing from the cited
 * document to the citing one. Only citation edges count (every relation
 * but CG_EDGE_PART_OF); a question node stands for its document (its
 * citations are its document's); nodes without a citation edge to another
 * node are not part of the network. The network must be acyclic: as
 * Batagelj (2003) and Pajek do, every strongly connected component of more
 * than one node is shrunk into one unit (its members cite one another,
 * so none of them comes first), and a document citing itself loses that
 * edge. Every such cycle is named in the result.
 *
 * Sources are the units citing nothing in the network (the oldest end),
 * sinks the units nothing cites (the newest end). For an arc u -> v of the
 * flow (v cites u), with N-(u) the number of paths from the sources to u,
 * N+(v) the number of paths from v to the sinks, and with "all" counting
 * every node as a start (or an end) as well:
 *
 *   SPC  = N-(u) * N+(v)          search path count (Batagelj 2003): the
 *                                 source-sink paths through the arc
 *   SPLC = N-all(u) * N+(v)       search path link count (Hummon & Doreian
 *                                 1989; Batagelj 2003): paths from any node
 *                                 to a sink
 *   SPNP = N-all(u) * N+all(v)    search path node pair (same): paths from
 *                                 any node to any node
 *
 * where N-(u) = 1 at a source, else the sum over the arcs into u;
 * N-all(u) = 1 + that sum; N+ and N+all likewise over the arcs out of v.
 * Each is one pass over a topological order (Batagelj 2003): linear in
 * the arcs, no path is ever enumerated. The counts grow exponentially with
 * the depth of the network, so they are doubles: exact up to 2^53, rounded
 * to 53 bits above, CG_ELIMIT past the range of a double.
 *
 * Thread-safety: as the igraph functions of graph.h (SCCs and the
 * topological order are igraph's): one thread at a time, not while other
 * code uses igraph. cg_mainpath_write_dot() only reads and may run on any
 * thread.
 */
#ifndef CITEGRAPH_MAINPATH_H
#define CITEGRAPH_MAINPATH_H

#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/error.h"
#include "citegraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The traversal weight of an arc (see above). */
typedef enum cg_traversal_weight {
    CG_SPC = 0,  /* search path count */
    CG_SPLC = 1, /* search path link count */
    CG_SPNP = 2  /* search path node pair */
} cg_traversal_weight;

/** "spc", "splc" or "spnp". Static. */
CG_EXPORT const char *cg_traversal_weight_name(cg_traversal_weight w);

/** How the main path is found (Liu & Lu 2012 name them). */
typedef enum cg_mainpath_method {
    CG_MAINPATH_GLOBAL = 0,   /* the source-sink path of the largest sum of weights */
    CG_MAINPATH_FORWARD = 1,  /* local forward: the heaviest arc out of a source, then
                                 always the heaviest arc onward, to a sink */
    CG_MAINPATH_BACKWARD = 2, /* local backward: the heaviest arc into a sink, then
                                 always the heaviest arc backward, to a source */
    CG_MAINPATH_KEY_ROUTE = 3 /* key-route: the `top` heaviest arcs, each extended
                                 locally backward to a source and forward to a sink */
} cg_mainpath_method;

/** "global", "forward", "backward" or "key-route". Static. */
CG_EXPORT const char *cg_mainpath_method_name(cg_mainpath_method m);

/** The weight of every edge of a finished graph into w
 * (cg_graph_edge_count() entries, the caller's): a citation edge gets the
 * weight of the arc of the network it makes (edges that make the same arc,
 * as a document's and its question's citations of one node do, share it);
 * an edge that makes none (part_of, an edge inside a cycle, a document
 * citing itself) gets 0. *total, if not NULL, is what the literature
 * divides by to normalise (Batagelj 2003): for SPC the number of
 * source-sink paths, for SPLC and SPNP the number of paths their counts
 * range over (all paths from any node to a sink, or to any node). CG_EINVAL
 * for an unfinished graph; CG_ELIMIT when a count passes the range of a
 * double; CG_ENOMEM, CG_EGRAPH. */
CG_EXPORT cg_status cg_graph_traversal_weights(const cg_graph *g, cg_traversal_weight weight,
                                               double *w, double *total, cg_error *err);

typedef struct cg_mainpath_options {
    cg_traversal_weight weight;
    cg_mainpath_method method;
    size_t top; /* key-route: how many key arcs (0: 1) */
} cg_mainpath_options;

/** One step of a path: a node, or a cycle shrunk into one unit (then
 * `node` is its member first in node order and `cycle` its number), and
 * the weight of the arc that led to it from the step before (0 for the
 * first step). */
typedef struct cg_mainpath_step {
    size_t node;
    size_t cycle; /* from 1 into cg_mainpath_result.cycles; 0: a node */
    double weight;
} cg_mainpath_step;

/** A path from a source to a sink, oldest (cited) first, newest (citing)
 * last. `key` is, for a key route, the step its key arc leads to (the arc
 * from step key-1 to step key), else 0. */
typedef struct cg_mainpath_path {
    cg_mainpath_step *steps;
    size_t nsteps;
    size_t key;
    double sum; /* the weights of its arcs added up */
} cg_mainpath_path;

/** A strongly connected component shrunk into one unit: its members, in node order. */
typedef struct cg_mainpath_cycle {
    size_t *members;
    size_t nmembers;
} cg_mainpath_cycle;

typedef struct cg_mainpath_result {
    cg_mainpath_path *paths; /* global, forward, backward: one (none for an empty
                                network); key-route: one per key arc, heaviest first */
    size_t npaths;
    cg_mainpath_cycle *cycles; /* numbered from 1 in the steps: cycles[k - 1] */
    size_t ncycles;
    size_t *self_citing; /* the nodes whose citation of themselves was left out */
    size_t nself_citing;
    size_t units;   /* nodes and shrunk cycles of the network */
    size_t arcs;    /* its arcs */
    size_t sources; /* units citing nothing in it */
    size_t sinks;   /* units nothing in it cites */
    double total;   /* the normaliser of cg_graph_traversal_weights() */
    double max_weight;
} cg_mainpath_result;

/** Computes the weights and the main path(s) of a finished graph into
 * *result, which the caller releases with cg_mainpath_result_release()
 * (also after an error). Ties go to the node first in node order (ids
 * sorted byte-wise): among arcs of equal weight, the one whose other end
 * comes first; so the answer is the same whatever order the input came in.
 * A graph without citation edges gives no path and CG_OK. CG_EINVAL for an
 * unfinished graph or an unknown method or weight; CG_ELIMIT, CG_ENOMEM,
 * CG_EGRAPH. */
CG_EXPORT cg_status cg_graph_mainpath(const cg_graph *g, const cg_mainpath_options *opts,
                                      cg_mainpath_result *result, cg_error *err);

/** Frees what a result holds and empties it. NULL is allowed. */
CG_EXPORT void cg_mainpath_result_release(cg_mainpath_result *result);

/** The union of the result's paths as Graphviz DOT, appended to out: one
 * node per step (a cycle labelled with its members), one edge per arc,
 * drawn from citing to cited as the graph's DOT export draws them, the
 * oldest at the top, labelled with the weight (`weight` names it).
 * CG_ENOMEM. */
CG_EXPORT cg_status cg_mainpath_write_dot(const cg_graph *g, const cg_mainpath_result *result,
                                          cg_traversal_weight weight, cg_buf *out, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
