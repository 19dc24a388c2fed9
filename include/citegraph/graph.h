/* citegraph/graph.h - the citation graph of a corpus.
 *
 * Documents and their references go in (from cg_extract() results, or from
 * the JSON Lines of `citegraph extract`, so that extraction can run in
 * pieces and be merged); cg_graph_finish() builds the graph with igraph:
 * one node per canonical id, documents of the corpus with their metadata,
 * cited documents outside the corpus as external nodes, and one edge per
 * citing/cited pair carrying the relation, the number of occurrences, the
 * locators and the positions. After that the graph answers queries and is
 * exported (see the cg_graph_write_* functions).
 *
 * Node and edge order is deterministic: nodes sorted by id, edges by
 * (source id, target id), whatever order the input came in.
 *
 * Thread-safety: a finished graph may be queried from several threads.
 * igraph's error handler and attribute table are process-wide; the graph
 * functions install their own only while they run and restore the previous
 * ones, so do not run them concurrently with other code that uses igraph.
 */
#ifndef CITEGRAPH_GRAPH_H
#define CITEGRAPH_GRAPH_H

#include <stddef.h>
#include <stdio.h>

#include "citegraph/error.h"
#include "citegraph/extract.h"
#include "citegraph/output.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cg_graph cg_graph;

typedef struct cg_graph_options {
    int questions; /* question-level nodes: "BT-Drs. 19/5954#Frage 2" (kind "question") */
    int urls;      /* keep URLs that name no document as nodes (default: left out) */
} cg_graph_options;

typedef struct cg_position {
    const char *file;
    size_t line;
    size_t col;
} cg_position;

/** A node. Strings are owned by the graph; any may be NULL. */
typedef struct cg_node {
    const char *id;     /* canonical id; "file:PATH" for a document without a number */
    const char *kind;   /* a reference kind, "question", or "document" */
    int in_corpus;      /* 1 for documents that were read, 0 for external ones */
    const char *file;   /* the file it was read from */
    const char *number; /* "19/5954", "103/1/25", "12545/18", "32018R1862" */
    int wahlperiode;    /* Bundestag and Landtag numbers; 0 otherwise */
    const char *issuer; /* "BT", "BR", "LT", "EU" */
    const char *type;   /* "Antwort", "Kleine Anfrage", ... */
    const char *date;   /* ISO 8601 */
    const char *title;
    const char *url;    /* the official source, where it can be computed from the id */
    const char *parent; /* a question node: the id of its document */
} cg_node;

/** An edge from citing to cited. */
typedef struct cg_edge {
    size_t source;
    size_t target;
    const char *relation; /* "cites", "answers", or "part_of" (question to its document) */
    size_t count;         /* occurrences */
    const char *const *locators; /* sorted, distinct */
    size_t nlocators;
    const cg_position *positions; /* in order of file, line, column */
    size_t npositions;
} cg_edge;

CG_EXPORT cg_status cg_graph_new(const cg_graph_options *opts, cg_graph **out);
CG_EXPORT void cg_graph_free(cg_graph *g);

/** Adds a document read from `file` and its references. */
CG_EXPORT cg_status cg_graph_add_extraction(cg_graph *g, const char *file,
                                            const cg_extraction *ext);
/** Adds the JSON Lines written by `citegraph extract` (document and
 * reference lines; others are ignored). `name` is used in messages:
 * a malformed line gives CG_EFORMAT with its line number. */
CG_EXPORT cg_status cg_graph_add_jsonl(cg_graph *g, const char *name, const char *data, size_t len,
                                       cg_error *err);
/** Moves everything added to `part` (not finished, made with the same
 * options) to the end of `g`'s input, as if it had been added to `g`
 * directly; `part` is left empty. This lets input be read on several
 * threads, each into a graph of its own, and joined in order: e.g. one
 * large JSON Lines file cut at line ends, each piece given to
 * cg_graph_add_jsonl() of its own part. CG_EINVAL if either graph is
 * finished or their options differ. */
CG_EXPORT cg_status cg_graph_absorb(cg_graph *g, cg_graph *part);
/** Reads metadata that fills or overrides what the headers said: a TSV with
 * a header row (columns "id", or "herausgeber" and "dokumentnummer" as in
 * DIP's index.tsv; optional "drucksachetyp"/"type", "datum"/"date",
 * "titel"/"title", "file") or DIP JSON records (an array, {"documents":
 * [...]}, or one object per line, with dokumentnummer, herausgeber,
 * drucksachetyp, datum, titel). Needs an extractor to canonicalise ids. */
CG_EXPORT cg_status cg_graph_add_metadata(cg_graph *g, const cg_extractor *ex, const char *path,
                                          cg_error *err);
/** Builds the graph. No more adds after this. */
CG_EXPORT cg_status cg_graph_finish(cg_graph *g, cg_error *err);

CG_EXPORT size_t cg_graph_node_count(const cg_graph *g);
CG_EXPORT size_t cg_graph_edge_count(const cg_graph *g);
CG_EXPORT const cg_node *cg_graph_node(const cg_graph *g, size_t i);
CG_EXPORT const cg_edge *cg_graph_edge(const cg_graph *g, size_t i);

/** The node for an id in any spelling the extractor understands ("19/5954",
 * "Drs. 19/5954", "BT-Drs. 19/5954", "BT-Drs. 19/5954#Frage 2", a file
 * name of the corpus); -1 if there is none. */
CG_EXPORT long cg_graph_find(const cg_graph *g, const cg_extractor *ex, const char *id);

/** The edges out of (in = 0) or into (in = 1) a node, in edge order. The
 * caller frees *edges. */
CG_EXPORT cg_status cg_graph_edges_of(const cg_graph *g, size_t node, int in, size_t **edges,
                                      size_t *n);

typedef enum cg_rank_method {
    CG_RANK_INDEGREE = 0,  /* number of citing documents */
    CG_RANK_PAGERANK = 1,  /* PageRank, damping 0.85 */
    CG_RANK_HUB = 2,       /* HITS hub score: cites much-cited documents */
    CG_RANK_AUTHORITY = 3  /* HITS authority score: cited by good hubs */
} cg_rank_method;

/** One score per node into `scores` (node_count entries). */
CG_EXPORT cg_status cg_graph_rank(const cg_graph *g, cg_rank_method method, double *scores,
                                  cg_error *err);

/** A shortest citation path (following edges forwards); *len is 0 when
 * there is none. The caller frees *path (node indices, from first). */
CG_EXPORT cg_status cg_graph_shortest_path(const cg_graph *g, size_t from, size_t to,
                                           size_t **path, size_t *len, cg_error *err);

/** The longest path in the acyclic part of the graph (edges inside a cycle
 * left out), and the cycles: cycle[i] is the cycle number of node i (from
 * 1), or 0. The caller frees *path and *cycle. */
CG_EXPORT cg_status cg_graph_longest_path(const cg_graph *g, size_t **path, size_t *len,
                                          size_t **cycle, size_t *ncycles, cg_error *err);

typedef struct cg_graph_stats {
    size_t nodes, edges, in_corpus, external, questions;
    size_t weak_components; /* connected parts, edge direction ignored */
    size_t cycles;          /* strongly connected parts of more than one node, and self-loops */
    size_t nodes_in_cycles;
    size_t citing_nothing;  /* documents of the corpus without a reference to another node */
    size_t cited_by_none;   /* documents of the corpus no node cites */
} cg_graph_stats;

CG_EXPORT cg_status cg_graph_stats_get(const cg_graph *g, cg_graph_stats *st, cg_error *err);

/** Marks in keep[] (node_count entries) the nodes within `depth` steps of
 * `node`: mode 1 following citations, 2 against them, 3 both. */
CG_EXPORT cg_status cg_graph_neighbourhood(const cg_graph *g, size_t node, unsigned depth,
                                           int mode, unsigned char *keep, cg_error *err);

/** One line of a citation tree: the node, its depth, the edge that led to it
 * (SIZE_MAX for the root), and whether it was shown before (its subtree is
 * then not repeated). */
typedef struct cg_chain_step {
    size_t node;
    size_t depth;
    size_t edge;
    int repeated;
} cg_chain_step;

/** The transitive citations of a node (in = 0: what it cites; in = 1: what
 * cites it), depth first, to at most `depth` levels. The caller frees *steps. */
CG_EXPORT cg_status cg_graph_chain(const cg_graph *g, size_t node, int in, unsigned depth,
                                   cg_chain_step **steps, size_t *n);

/* ---- exports; `keep` is NULL for the whole graph or marks the nodes to
 * write (edges between kept nodes are written) ---- */

/** Graphviz DOT: nodes styled by kind and corpus membership, clustered by
 * issuer and Wahlperiode, ranked by date, with labels, tooltips and links. */
CG_EXPORT cg_status cg_graph_write_dot(const cg_graph *g, const unsigned char *keep, cg_string *out);
/** JSON node-link data (schema "citegraph-graph/1", data/graph.schema.json),
 * readable by D3 and by networkx.node_link_graph. */
CG_EXPORT cg_status cg_graph_write_json(const cg_graph *g, const unsigned char *keep,
                                        cg_string *out);
/** CSV tables of nodes and edges (RFC 4180). */
CG_EXPORT cg_status cg_graph_write_csv(const cg_graph *g, const unsigned char *keep,
                                       cg_string *nodes, cg_string *edges);
/** GraphML written by igraph, with the node and edge attributes. */
CG_EXPORT cg_status cg_graph_write_graphml(const cg_graph *g, const unsigned char *keep, FILE *out,
                                           cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
