/* igraph_glue.h - what the graph module's files and the exporters share
 * beyond the public API (igraph_glue.c): igraph calls that neither abort
 * nor print, igraph's errors as a cg_status, and the error of a graph that
 * is not finished. Exporters include this, never graph_internal.h. */
#ifndef CG_GRAPH_IGRAPH_GLUE_H
#define CG_GRAPH_IGRAPH_GLUE_H

#include <igraph.h>

#include "citegraph/error.h"

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

/* CG_EINVAL with "the graph is not finished". */
cg_status cgg_not_finished(cg_error *err);

#endif
