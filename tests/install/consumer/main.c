/* main.c - a program that links both libraries of an installed citegraph:
 * extracts the documents named on the command line, builds their citation
 * graph and prints its size and its most cited node as JSON
 * (graph_json.h, so jansson comes with the package too). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "citegraph/citegraph.h"
#include "citegraph/graph.h"
#include "citegraph/graph_json.h"

int main(int argc, char **argv) {
    cg_extractor *ex = NULL;
    cg_graph *g = NULL;
    cg_error err;
    int rc = 1;
    if (cg_extractor_new(NULL, &ex, &err) != CG_OK || cg_graph_new(NULL, &g, &err) != CG_OK)
        goto out;
    for (int i = 1; i < argc; i++) {
        cg_input *in = NULL;
        cg_extraction *ext = NULL;
        if (cg_input_read_file(argv[i], NULL, &in, &err) == CG_OK &&
            cg_extract(ex, in, &ext, &err) == CG_OK)
            cg_graph_add_extraction(g, argv[i], ext, &err);
        cg_extraction_free(ext);
        cg_input_free(in);
    }
    if (cg_graph_finish(g, &err) != CG_OK) goto out;
    size_t n = cg_graph_node_count(g);
    double *scores = calloc(n ? n : 1, sizeof *scores);
    if (!scores || cg_graph_rank(g, CG_RANK_INDEGREE, scores, &err) != CG_OK) {
        free(scores);
        goto out;
    }
    size_t best = 0;
    for (size_t v = 1; v < n; v++)
        if (scores[v] > scores[best]) best = v;
    free(scores);
    json_t *node = cg_graph_node_json(g, best, NULL);
    char *text = node ? json_dumps(node, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    printf("citegraph %s: %zu nodes, %zu edges; most cited: %s\n", cg_version(), n,
           cg_graph_edge_count(g), text ? text : "?");
    free(text);
    json_decref(node);
    rc = 0;
out:
    if (rc) fprintf(stderr, "consumer: %s\n", err.text);
    cg_graph_free(g);
    cg_extractor_free(ex);
    return rc;
}
