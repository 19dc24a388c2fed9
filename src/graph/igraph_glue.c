/* igraph_glue.c - igraph without aborting and without printing.
 *
 * igraph's default error handler aborts the process and its warning
 * handler prints: a library may do neither. Every graph function that calls
 * igraph installs handlers that return and stay silent, and restores the
 * previous ones when it is done (citegraph/graph.h says why this is not
 * thread-safe in Debian's igraph). */
#include <stdio.h>
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
    return cgu_error(err, st, NULL, 0, 0, "igraph: %s", igraph_strerror(e));
}

cg_status cgg_not_finished(cg_error *err) {
    return cgu_error(err, CG_EINVAL, NULL, 0, 0, "the graph is not finished");
}
