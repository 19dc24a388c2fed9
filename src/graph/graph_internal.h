/* graph_internal.h - the graph's representation, shared by the graph
 * module's files (model, queries, igraph glue) and the exporters. */
#ifndef CG_GRAPH_INTERNAL_H
#define CG_GRAPH_INTERNAL_H

#include <igraph.h>

#include "citegraph/graph.h"
#include "util/util.h"

/* One reference as it goes into the graph. */
typedef struct ref_rec {
    const char *source; /* the citing document's node id */
    const char *target;
    const char *kind;
    const char *locator;
    int answers;
    const char *file;
    size_t line, col;
} ref_rec;

typedef struct doc_rec {
    const char *id, *file, *issuer, *type, *date, *title, *alias;
} doc_rec;

typedef struct meta_rec {
    const char *id, *type, *date, *title, *file;
} meta_rec;

struct cg_graph {
    cg_graph_options opts;
    cgu_arena arena;
    doc_rec *docs;
    size_t ndocs, capdocs;
    ref_rec *refs;
    size_t nrefs, caprefs;
    meta_rec *meta;
    size_t nmeta, capmeta;
    int finished;

    cg_node *nodes;
    size_t nnodes;
    cg_edge *edges;
    size_t nedges;
    cgu_map index; /* id -> node */
    /* edges by source and by target: out_start[v]..out_start[v+1] in out_edges */
    size_t *out_start, *out_edges, *in_start, *in_edges;
    igraph_t ig;
    int has_ig;
};

/* Runs igraph calls with an error handler that returns instead of
 * aborting and a warning handler that does not print (the library never
 * prints), restoring the previous handlers afterwards. */
typedef struct igraph_guard {
    igraph_error_handler_t *previous;
    igraph_warning_handler_t *previous_warning;
} igraph_guard;

void cgg_igraph_enter(igraph_guard *g);
void cgg_igraph_leave(igraph_guard *g);
/* Maps an igraph error into a cg_status with its message. */
cg_status cgg_igraph_error(igraph_error_t e, cg_error *err);

/* The official address of a document, computed from its id; NULL if none. */
char *cgg_official_url(cgu_arena *a, const char *id);

#endif
