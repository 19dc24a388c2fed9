/* citegraph/graph.h - the citation graph of a corpus (libcitegraph-graph).
 *
 * Extractions go in (from cg_extract() or cg_run(), or read back from JSON
 * Lines with cg_jsonl_read(), so that extraction can run in pieces and be
 * merged); cg_graph_finish() builds the graph with igraph: one node per
 * canonical id, documents of the corpus with their metadata, cited
 * documents outside the corpus as external nodes, and one edge per
 * citing/cited pair carrying the relation, the number of occurrences, the
 * locators and the positions. After that the graph answers queries and is
 * exported (citegraph/export.h).
 *
 * Node and edge order is deterministic: nodes sorted by id, edges by
 * (source, target), whatever order the input came in.
 *
 * Thread-safety: a graph is built by one thread. igraph 0.10 as Debian
 * ships it is built without thread safety (IGRAPH_THREAD_SAFE is 0), and
 * its error handlers are process-wide: the functions that call igraph
 * (cg_graph_finish, cg_graph_rank, cg_graph_shortest_path,
 * cg_graph_longest_path, cg_graph_stats_get, cg_graph_neighbourhood,
 * cg_graph_layout, cg_graph_write_graphml and cg_graph_write_html) install
 * handlers that never abort and never print (the layouts also a random
 * number generator of their own) only while they run, and restore the
 * previous ones. In one process, call
 * them from one thread at a time, and not while other code uses igraph. The
 * other functions only read a finished graph and may run on any number of
 * threads at once: the accessors, cg_graph_find, cg_graph_edges_of,
 * cg_graph_chain, cg_graph_duplicates, cg_graph_author_pairs,
 * cg_node_has_author, and the DOT, JSON and CSV exports.
 */
#ifndef CITEGRAPH_GRAPH_H
#define CITEGRAPH_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/docid.h"
#include "citegraph/error.h"
#include "citegraph/extract.h"
#include "citegraph/locator.h"
#include "citegraph/resolve.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cg_graph cg_graph;

typedef struct cg_graph_options {
    bool questions; /* question-level nodes: "BT-Drs. 19/5954#Frage 2" */
    bool urls;      /* keep URLs that name no document as nodes (default: left out) */
    bool quotes;    /* keep the line each citation stands on (cg_position.quote), from
                       the documents given to cg_graph_add_document() */
} cg_graph_options;

/** What a node stands for. */
typedef enum cg_node_kind {
    CG_NODE_DOCUMENT = 0, /* a document with an id: read, or cited (external) */
    CG_NODE_FILE = 1,     /* a document read whose header gives no id: "file:PATH", or
                             "file:PATH#N" for DIP record N of PATH */
    CG_NODE_QUESTION = 2  /* a question of a document (with the questions option) */
} cg_node_kind;

/** Following citations, against them, or both. */
typedef enum cg_direction {
    CG_OUT = 1, /* what a document cites */
    CG_IN = 2,  /* what cites it */
    CG_ALL = 3  /* both */
} cg_direction;

/** A node. Strings are owned by the graph; any of them may be NULL. */
typedef struct cg_node {
    const char *id; /* unique: the canonical id, "ID#Frage 2" for a question, "file:PATH"
                       ("file:PATH#N" for DIP record N of PATH) for a document without one */
    cg_node_kind kind;
    cg_docid doc;              /* the document (of a question node: its document); CG_KIND_NONE
                                  for a CG_NODE_FILE node */
    cg_question_series series; /* a question node's question */
    cg_question question;
    size_t parent;    /* a question node: its document's node; SIZE_MAX otherwise */
    bool in_corpus;   /* a document that was read; false for external ones and questions */
    const char *file; /* the file it was read from (or the catalog's) */
    const char *type; /* "Antwort", "Kleine Anfrage", ... */
    const char *date; /* ISO 8601 */
    const char *title;
    const char *url; /* the official source, where it can be computed from the id */
    /* Who the document is by ("urheber", "ressort", "fragesteller"), in the
     * order its source gives them; NULL and 0 when nobody says. */
    const cg_author *authors;
    size_t nauthors;
    /* Where type, title, date and authors came from. The rule: a field from
     * a DIP record is kept; a field from the document's header is replaced
     * by a catalog's (--metadata); a catalog fills what nobody else says.
     * CG_META_NONE for a field that is NULL. */
    cg_meta_source type_from, title_from, date_from, authors_from;
    size_t record;      /* the DIP record of `file` the document came in (from 1), or 0 */
    const char *dip_id; /* DIP's id of that record, or NULL */
    /* Of an Antwort read: how it answers each question (cg_extraction_answers()),
     * and its referrals (the references whose relation is `refers`), in order. */
    const cg_answer *answers;
    size_t nanswers;
    const struct cg_referral *referrals;
    size_t nreferrals;
} cg_node;

/** A referral of an Antwort: where it sends the reader, from the answer to
 * which of its questions. Strings are owned by the graph. */
typedef struct cg_referral {
    const char *target;           /* the canonical id cited ("BT-Drs. 20/12181"; a URL naming a
                                     document: that document's), or "#" for a part of the Antwort */
    const char *locator;          /* "Frage 15", or NULL */
    const cg_question *answering; /* the Antwort's questions it answers; NULL and 0 when it
                                     stands in the preliminary remark */
    size_t nanswering;
    size_t line, col;
} cg_referral;

/** The kind's name of a node: "question", "document" for a CG_NODE_FILE
 * node, else its document id's (cg_docid_kind_name()). Static or borrowed. */
CG_EXPORT const char *cg_node_kind_name(const cg_node *n);

/** Why an edge exists. */
typedef enum cg_edge_relation {
    CG_EDGE_CITES = 0,   /* the source cites the target */
    CG_EDGE_ANSWERS = 1, /* the source (an Antwort) answers the target (an Anfrage) */
    CG_EDGE_PART_OF = 2  /* the source is a question of the target */
} cg_edge_relation;

/** "cites", "answers" or "part_of". Static. */
CG_EXPORT const char *cg_edge_relation_name(cg_edge_relation rel);

/** Where a citation stands: in `file`, or in its DIP record `record`,
 * whose text `line` and `col` count in. Written "FILE:LINE:COL", or
 * "FILE#RECORD:LINE:COL" in a record, as the TSV names a record. */
typedef struct cg_position {
    const char *file;
    size_t line;
    size_t col;
    size_t record;    /* the DIP record of `file` (from 1), or 0 */
    size_t page;      /* in a PDF: the page (1-based), and the line on it; else 0 */
    size_t page_line; /* (`line` and `col` are then in the text of the PDF's pages) */
    /* The line it stands on, without the spaces around it, at most
     * CG_QUOTE_MAX bytes (cut at a character, "…" appended); NULL unless
     * the graph keeps quotes and had the document's text. */
    const char *quote;
} cg_position;

/** The longest quote a position keeps, in bytes before the "…". */
#define CG_QUOTE_MAX 300

/** An edge from citing to cited. Owned by the graph. */
typedef struct cg_edge {
    size_t source;
    size_t target;
    cg_edge_relation relation;
    size_t count;                /* occurrences */
    size_t referrals;            /* of them, referrals (relation `refers`: an Antwort answering
                                    by sending the reader to the target) */
    const char *const *locators; /* the locators' texts, sorted, distinct */
    size_t nlocators;
    const cg_position *positions; /* in order of file, record, line, column */
    size_t npositions;
    /* Citation age in days: the citing document's date minus the cited
     * document's (cg_graph_node_time() of source and target: a question
     * counts with its document's date), worked out by cg_graph_finish().
     * age_known is false, and age_days 0, when either has no valid ISO date
     * and for part_of edges (a question and its document: no citation). A
     * negative age means the citing document is dated before the one it
     * cites: a date of a later version (a Neudruck, a corrected print), a
     * document cited as announced before it was issued, or a reference
     * resolved to the wrong document; worth a look. */
    long age_days;
    bool age_known;
} cg_edge;

/** A new, empty graph; `opts` may be NULL. The caller frees it with
 * cg_graph_free(). CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_new(const cg_graph_options *opts, cg_graph **out, cg_error *err);
/** NULL is allowed. */
CG_EXPORT void cg_graph_free(cg_graph *g);

/** Adds a document read from `file` with its references; the graph copies
 * what it needs. CG_EINVAL once finished; CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_add_extraction(cg_graph *g, const char *file, const cg_extraction *ext,
                                            cg_error *err);
/** Adds a document as cg_graph_add_extraction() does; with the graph's
 * `quotes` option it also keeps the line each citation stands on, from
 * `input` (the document's text, as extracted) or, when `input` is NULL,
 * from the quotes an extraction taken from a cache keeps
 * (cg_extraction_line()). CG_EINVAL once finished; CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_add_document(cg_graph *g, const char *file, const cg_extraction *ext,
                                          const cg_input *input, cg_error *err);
/** Adds only the references of `ext`, made by the document its info names
 * (or by `file`, when it names none), without making that document part of
 * the corpus: for JSON Lines whose document line is elsewhere. */
CG_EXPORT cg_status cg_graph_add_references(cg_graph *g, const char *file, const cg_extraction *ext,
                                            cg_error *err);
/** Takes the rows of a catalog as metadata: they fill or override the type,
 * date, title and authors of the nodes they name (the later row wins, field
 * by field), and give external documents a file. A field a document's DIP
 * record gave is kept; one its header gave is replaced (cg_node says where
 * each came from). The graph copies what it needs. CG_EINVAL once finished;
 * CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_add_catalog(cg_graph *g, const cg_catalog *catalog, cg_error *err);
/** Builds the graph. No more adds after this. CG_ENOMEM, CG_EGRAPH. */
CG_EXPORT cg_status cg_graph_finish(cg_graph *g, cg_error *err);

/** Why one of two documents read with the same id is the one used. */
typedef enum cg_duplicate_reason {
    CG_DUPLICATE_FIRST = 0, /* neither is preferred: the first added (in path order) is used */
    CG_DUPLICATE_DIP = 1    /* the one used came in a DIP record, the other did not: DIP's
                               metadata is the one to trust */
} cg_duplicate_reason;

/** "first in path order" or "DIP record". Static. */
CG_EXPORT const char *cg_duplicate_reason_name(cg_duplicate_reason reason);

/** A document read twice: two inputs (two files, a file and a DIP record,
 * two JSON Lines files) with the same id. One is used: its metadata, and
 * only its references, make the node; the other's are left out, so that
 * citations are not counted twice. Strings are owned by the graph. */
typedef struct cg_duplicate {
    const char *id; /* the node's id */
    size_t node;
    const char *used_file;
    size_t used_record; /* the DIP record in used_file (from 1), or 0 */
    const char *unused_file;
    size_t unused_record;
    cg_duplicate_reason reason;
} cg_duplicate;

/** The duplicates found by cg_graph_finish(), in the order the unused
 * documents were added: one entry per document not used (a document read
 * three times gives two). *dups is borrowed from the graph; 0 before
 * cg_graph_finish(). */
CG_EXPORT size_t cg_graph_duplicates(const cg_graph *g, const cg_duplicate **dups);

/** Whether cg_graph_finish() has built the graph. */
CG_EXPORT bool cg_graph_is_finished(const cg_graph *g);
/** The numbers of nodes and edges; 0 before cg_graph_finish(). */
CG_EXPORT size_t cg_graph_node_count(const cg_graph *g);
CG_EXPORT size_t cg_graph_edge_count(const cg_graph *g);
/** Node and edge i; NULL past the end. Borrowed from the graph. */
CG_EXPORT const cg_node *cg_graph_node(const cg_graph *g, size_t i);
CG_EXPORT const cg_edge *cg_graph_edge(const cg_graph *g, size_t i);

/** The date a node counts with in time, for citation ages, Wahlperioden
 * and dynamic exports: its own date, a question node's that of its
 * document; NULL when that is missing or no valid ISO 8601 calendar date
 * ("YYYY-MM-DD"). Borrowed from the graph; NULL for a node out of range. */
CG_EXPORT const char *cg_graph_node_time(const cg_graph *g, size_t node);

/** The last Wahlperiode of the Deutscher Bundestag this build knows. */
#define CG_BUNDESTAG_WP_LAST 21

/** The Wahlperiode of the Bundestag on the ISO date `date`: the last one
 * whose Bundestag had met for its constituent sitting on or before that
 * day (the table is in src/graph/age.c with its source; between
 * the end of a four-year term and the next sitting, before 1976, the
 * earlier one). 0 before 1949-09-07, for NULL or no valid date. */
CG_EXPORT unsigned cg_bundestag_wahlperiode_on(const char *date);

/** The Bundestag Wahlperiode a node belongs to: a Bundestag id carries it
 * ("BT-Drs. 20/123": 20), any other node (Bundesrat, Landtag, EU, URL,
 * file) the one of its date (cg_graph_node_time(),
 * cg_bundestag_wahlperiode_on()); a question node is its document's. 0
 * when unknown, and for a Bundestag number outside 1 to
 * CG_BUNDESTAG_WP_LAST (a misread number). */
CG_EXPORT unsigned cg_graph_node_wahlperiode(const cg_graph *g, size_t node);

/** How far back citations reach: the citation edges (every relation but
 * part_of) of a finished graph, their ages (cg_edge.age_days) and their
 * Wahlperioden. */
typedef struct cg_age_stats {
    size_t citations; /* citation edges */
    size_t dated;     /* of them, with an age (both ends dated) */
    size_t negative;  /* of those, with a negative age */
    /* Of the ages of the dated edges, in days: the least, the quartiles
     * (Hyndman & Fan's type 7, linear between order statistics, as R's and
     * numpy's default), and the greatest; 0 when none is dated. */
    long min, max;
    double q1, median, q3;
    /* Citation edges both of whose ends have a Wahlperiode
     * (cg_graph_node_wahlperiode()), and of them those whose ends are in
     * different ones: the edges that cross a Wahlperiode. */
    size_t with_wp;
    size_t crossing;
    /* wp_edges[c - 1][d - 1]: the citation edges from a node of
     * Wahlperiode c to one of Wahlperiode d. */
    size_t wp_edges[CG_BUNDESTAG_WP_LAST][CG_BUNDESTAG_WP_LAST];
} cg_age_stats;

/** Fills *st for a finished graph. CG_EINVAL for an unfinished graph;
 * CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_age_stats_get(const cg_graph *g, cg_age_stats *st, cg_error *err);

/** Looks up the node of a document id (with a question, the node of that
 * question; `series` and `question` may be NULL): *found says whether the
 * graph has it, and then *node is it. CG_OK, or CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_find_id(const cg_graph *g, const cg_docid *id,
                                     const cg_question_series *series, const cg_question *question,
                                     bool *found, size_t *node, cg_error *err);
/** Looks up the node for an id written in any spelling the extractor
 * understands ("19/5954", "Drs. 19/5954", "BT-Drs. 19/5954", "BT-Drs.
 * 19/5954#Frage 2", a URL; cg_resolve_text()), or a file of the corpus by
 * its path or its name, a DIP record of it as "PATH#N" or "NAME#N"; `ex`
 * may be NULL for canonical ids only. *found says whether the graph has
 * it, and then *node is it. CG_OK, or CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_find(const cg_graph *g, const cg_extractor *ex, const char *text,
                                  bool *found, size_t *node, cg_error *err);

/** The edges out of (CG_OUT) or into (CG_IN) a node, in edge order:
 * *edges is borrowed from the graph. CG_EINVAL for an unfinished graph, a
 * node out of range, or CG_ALL. */
CG_EXPORT cg_status cg_graph_edges_of(const cg_graph *g, size_t node, cg_direction direction,
                                      const size_t **edges, size_t *n, cg_error *err);

typedef enum cg_rank_method {
    CG_RANK_INDEGREE = 0, /* number of citing documents */
    CG_RANK_PAGERANK = 1, /* PageRank, damping 0.85 */
    CG_RANK_HUB = 2,      /* HITS hub score: cites much-cited documents */
    CG_RANK_AUTHORITY = 3 /* HITS authority score: cited by good hubs */
} cg_rank_method;

/** One score per node into `scores` (cg_graph_node_count() entries, the
 * caller's). CG_EINVAL for an unfinished graph; CG_EGRAPH, CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_rank(const cg_graph *g, cg_rank_method method, double *scores,
                                  cg_error *err);

/** A shortest citation path (following edges forwards) as node indices,
 * first to last, in *path, which the caller frees; *len is 0 (and *path
 * NULL) when there is none. */
CG_EXPORT cg_status cg_graph_shortest_path(const cg_graph *g, size_t from, size_t to, size_t **path,
                                           size_t *len, cg_error *err);

/** The longest path in the acyclic part of the graph (edges inside a cycle
 * left out), and the cycles: (*cycle)[i] is the cycle number of node i
 * (from 1), or 0. The caller frees *path and *cycle. */
CG_EXPORT cg_status cg_graph_longest_path(const cg_graph *g, size_t **path, size_t *len,
                                          size_t **cycle, size_t *ncycles, cg_error *err);

typedef struct cg_graph_stats {
    size_t nodes, edges, in_corpus, external, questions;
    size_t weak_components; /* connected parts, edge direction ignored */
    size_t cycles;          /* strongly connected parts of more than one node, and self-loops */
    size_t nodes_in_cycles;
    size_t citing_nothing; /* documents of the corpus without a reference to another node */
    size_t cited_by_none;  /* documents of the corpus no node cites */
    size_t duplicates;     /* documents read again with an id already read, not used */
} cg_graph_stats;

/** Fills *st for a finished graph (components and cycles by igraph).
 * CG_EINVAL for an unfinished graph; CG_ENOMEM, CG_EGRAPH. */
CG_EXPORT cg_status cg_graph_stats_get(const cg_graph *g, cg_graph_stats *st, cg_error *err);

/** Roles as a set, for cg_graph_author_pairs(): CG_AUTHOR_BIT(CG_AUTHOR_SUBMITTER) | ... */
#define CG_AUTHOR_BIT(role) (1u << (unsigned)(role))

/** Who cites whom: the number of citation edges (cites and answers, not
 * part_of) from a document by `citing` to a document by `cited`. */
typedef struct cg_author_pair {
    const char *citing; /* an author's name; owned by the graph */
    const char *cited;
    size_t edges;
} cg_author_pair;

/** Every (author of the citing node, author of the cited node) pair over
 * the citation edges of a finished graph, counting only authors whose role
 * is in `roles` (CG_AUTHOR_BIT()s; 0 means every role): an edge counts once
 * for each pair of distinct names of its two ends, so a document of two
 * Fraktionen counts for both. A question node's authors are its document's;
 * an edge whose ends have no such author counts for no pair. Sorted by
 * count, highest first, then by the citing and the cited name (byte-wise).
 * The caller frees *pairs (the names stay the graph's). CG_EINVAL for an
 * unfinished graph; CG_ENOMEM. */
CG_EXPORT cg_status cg_graph_author_pairs(const cg_graph *g, unsigned roles, cg_author_pair **pairs,
                                          size_t *n, cg_error *err);

/** Whether node `n` has an author named `name`, in any role: the name
 * exactly, or, when `name` has no capital letter, as a part of the name
 * with capitals (ASCII, and À to Þ: "Ü") made small ("afd" matches
 * "Fraktion der AfD", "grünen" "Fraktion BÜNDNIS 90/DIE GRÜNEN"). */
CG_EXPORT bool cg_node_has_author(const cg_node *n, const char *name);

/** `name` with its capitals made small as cg_node_has_author() makes them
 * ("AfD" -> "afd"): the spelling that matches any part of a name. A new
 * string the caller frees; NULL when memory ran out. */
CG_EXPORT char *cg_author_name_folded(const char *name);

/** Marks in keep[] (cg_graph_node_count() entries, the caller's) the nodes
 * within `depth` steps of `node` in `direction`; a question node brings its
 * document along. */
CG_EXPORT cg_status cg_graph_neighbourhood(const cg_graph *g, size_t node, unsigned depth,
                                           cg_direction direction, unsigned char *keep,
                                           cg_error *err);

/** How cg_graph_layout() places the nodes. */
typedef enum cg_layout_kind {
    CG_LAYOUT_FORCE = 0, /* force-directed: Fruchterman-Reingold on a grid (igraph) */
    CG_LAYOUT_TIME = 1   /* x is the date, in the manner of CitNetExplorer; y that of
                            the force layout, then a short run with x held; nodes
                            without a date (a question: its document's) stand in a
                            band left of the earliest date */
} cg_layout_kind;

/** The time axis of a CG_LAYOUT_TIME layout: the date `from` is at x_from,
 * `to` at x_to, linear in days between. Empty dates ("") when no kept node
 * has a date (and for CG_LAYOUT_FORCE). */
typedef struct cg_time_axis {
    char from[11], to[11];
    double x_from, x_to;
    double x_undated; /* the middle of the band of the nodes without a date, as wide
                         as a tenth of the axis (x_to - x_from; with one date only, of
                         the layout's width), its right edge left of x_from */
} cg_time_axis;

/** Places the nodes marked in `keep` (NULL: all) in the plane: node v at
 * (xy[2v], xy[2v+1]), y growing upwards; xy has 2 * cg_graph_node_count()
 * entries, the caller's (nodes not kept get 0). Edges between kept nodes
 * pull their ends together, direction ignored. Deterministic: the same
 * graph gives the same coordinates with the same build of igraph (its
 * random numbers come from a generator of its own with a fixed seed, and
 * the caller's default generator is left as it was). The scale grows with the square
 * root of the number of nodes. `axis` may be NULL. CG_EINVAL for an
 * unfinished graph; CG_ENOMEM, CG_EGRAPH. */
CG_EXPORT cg_status cg_graph_layout(const cg_graph *g, const unsigned char *keep,
                                    cg_layout_kind kind, double *xy, cg_time_axis *axis,
                                    cg_error *err);

/** One line of a citation tree: the node, its depth, the edge that led to it
 * (SIZE_MAX for the root), and whether it was shown before (its subtree is
 * then not repeated). */
typedef struct cg_chain_step {
    size_t node;
    size_t depth;
    size_t edge;
    bool repeated;
} cg_chain_step;

/** The transitive citations of a node (CG_OUT: what it cites; CG_IN: what
 * cites it), depth first, to at most `depth` levels, in *steps, which the
 * caller frees. CG_EINVAL for CG_ALL. */
CG_EXPORT cg_status cg_graph_chain(const cg_graph *g, size_t node, cg_direction direction,
                                   unsigned depth, cg_chain_step **steps, size_t *n, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
