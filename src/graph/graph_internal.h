/* graph_internal.h - the graph's representation, shared by the graph
 * module's files: graph.c collects the input, build.c makes nodes, edges
 * and the igraph graph and looks nodes up, query.c answers, igraph_glue.c
 * keeps igraph's errors from aborting. Exporters see only the public API
 * and igraph_glue.h, never this. */
#ifndef CG_GRAPH_INTERNAL_H
#define CG_GRAPH_INTERNAL_H

#include <igraph.h>

#include "citegraph/graph.h"
#include "igraph_glue.h"
#include "util/util.h"

/* A node's identity as it goes in: the document's id (CG_KIND_NONE: the
 * document of `file`, or of its DIP record `record`) and, for a question
 * node, the question. */
typedef struct node_key {
    cg_docid doc;
    const char *file;
    size_t record; /* with CG_KIND_NONE: the DIP record of `file`, or 0 */
    bool has_question;
    cg_question_series series;
    cg_question question;
} node_key;

/* A key as the graph keeps it: interned, once per distinct id, with the
 * text that becomes its node's id. Its texts live in the graph's arena. */
typedef struct key_rec {
    node_key key;
    const char *text;
} key_rec;

/* One reference as it goes into the graph: its ends are interned keys, so
 * that a million references cost a million small records, not a million
 * copies of ids. */
typedef struct ref_rec {
    size_t source, target; /* in cg_graph.keys */
    const char *locator;   /* text, or NULL */
    bool answers;
    bool refers;  /* a referral */
    bool dropped; /* made by a duplicate document that is not used */
    const char *file;
    size_t record; /* the DIP record of `file` it stands in, or 0 */
    size_t line, col;
    uint32_t page, page_line; /* in a PDF; else 0 */
    const char *quote;        /* the line it stands on (the quotes option), or NULL */
} ref_rec;

typedef struct doc_rec {
    size_t key;  /* in cg_graph.keys */
    cg_docid id; /* CG_KIND_NONE: named by its file */
    cg_docid alias;
    const char *file, *type, *date, *title;
    cg_author *authors; /* in the graph's arena */
    size_t nauthors;
    cg_meta_source type_from, title_from, date_from, authors_from;
    size_t record;               /* its DIP record in `file`, or 0 */
    const char *dip_id;          /* that record's DIP id, or NULL */
    bool from_dip;               /* it came in a DIP record */
    bool unused;                 /* another document with its id is used instead */
    size_t refs_begin, refs_end; /* its references in cg_graph.refs */
    const cg_answer *answers;    /* an Antwort's, copied into the graph's arena */
    size_t nanswers;
    cg_referral *referrals; /* its referrals, in the arena */
    size_t nreferrals;
} doc_rec;

struct cg_graph {
    cg_graph_options opts;
    cgu_arena arena;
    key_rec *keys;
    size_t nkeys, capkeys;
    cgu_map key_index; /* key text -> key */
    cg_buf scratch;    /* a key's text while it is looked up */
    doc_rec *docs;
    size_t ndocs, capdocs;
    ref_rec *refs;
    size_t nrefs, caprefs;
    cg_catalog_entry *meta;
    size_t nmeta, capmeta;
    cg_duplicate *dups; /* found by cg_graph_finish() */
    size_t ndups;
    bool finished;

    cg_node *nodes;
    size_t nnodes;
    cg_edge *edges;
    size_t nedges;
    cgu_map index; /* node id -> node */
    /* edges by source and by target: out_start[v]..out_start[v+1] in out_edges */
    size_t *out_start, *out_edges, *in_start, *in_edges;
    igraph_t ig;
    bool has_ig;
};

/* Appends the text of the key `k`, which is its node's id: "BT-Drs.
 * 19/5954", "BT-Drs. 19/5954#Frage 2", or "file:PATH" for a document named
 * by its file (CG_KIND_NONE with k->file), "file:PATH#N" for one named by
 * its DIP record N of the file (the records of a file share its path). The
 * one place that spells keys, so that interning and cg_graph_find_id()
 * agree. CG_OK; CG_EINVAL (from cg_docid_append) for CG_KIND_NONE without
 * a file; CG_ENOMEM. */
cg_status cgg_key_append(cg_buf *b, const node_key *k, cg_error *err);

/* The index in g->keys of the key `k`, added when new with its id's texts
 * copied; k->file must live as long as the graph. 0, or -1 when memory ran
 * out. */
int cgg_intern(cg_graph *g, const node_key *k, size_t *index);

/* Sets every edge's age_days and age_known (age.c), once nodes and edges
 * are built. CG_OK, or CG_ENOMEM. */
cg_status cgg_compute_ages(cg_graph *g);

#endif
