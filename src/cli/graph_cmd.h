/* graph_cmd.h - what the graph commands share: their options, the query
 * they answer, and the output helpers of cmd_graph.c. Each command that has
 * a file of its own (cmd_<name>.c) answers a query with these. */
#ifndef CG_CLI_GRAPH_CMD_H
#define CG_CLI_GRAPH_CMD_H

#include <jansson.h>
#include <stdbool.h>

#include "citegraph/graph.h"
#include "citegraph/similar.h"
#include "cli.h"

/* The choices of --format, in the order of their rows in optable.c: graph's
 * dot|json|graphml|csv|html|gexf, and the queries' text|json. */
typedef enum {
    GRAPH_DOT,
    GRAPH_JSON,
    GRAPH_GRAPHML,
    GRAPH_CSV,
    GRAPH_HTML,
    GRAPH_GEXF
} graph_format;
typedef enum { QUERY_TEXT, QUERY_JSON } query_format;
/* similar's: text|json|csv */
typedef enum { SIMILAR_TEXT, SIMILAR_JSON, SIMILAR_CSV } similar_format;

typedef struct opts {
    cli_command_id q;
    const char *ids[2];
    cli_common common; /* -o, --format, --catalog, --patterns, --ext, -j */
    const char **paths;
    size_t npaths;
    const char *around, *pairs;
    const char *urheber; /* rank: only the documents of this author */
    cg_direction direction;
    cg_rank_method by;
    bool by_urheber; /* stats --by urheber: who cites whom */
    unsigned roles;  /* the authors' roles that count for it (CG_AUTHOR_BIT) */
    long depth, top; /* -1: the command's default; top LONG_MAX: all */
    bool questions, urls, timings;
    bool force_render;     /* graph: render even a graph too large for dot */
    cg_layout_kind layout; /* graph --format html: --layout */
    bool layout_given;
    int graph_format;         /* graph: the format of -o (graph_format) */
    const char *render_as;    /* graph: what Graphviz renders -o into, or NULL */
    int mp_weight, mp_method; /* mainpath: --weight and --method (cg_traversal_weight,
                                 cg_mainpath_method: their choices' order) */

    cg_similar_measure similar_by; /* similar: --by (default both) */
    bool all_pairs;                /* similar --all: every pair, no ID */
    long min_shared;               /* similar: --min-shared; -1: not given */
} opts;

/* A question to a finished graph, answered into `out` (text, or JSON when
 * `json`). */
typedef struct query {
    cli *c;
    const opts *o;
    const cg_graph *g;
    const cg_extractor *ex;
    cli_out *out;
    bool json;
} query;

/* similar (cmd_similar.c): the documents like one, or every pair. */
int q_similar(const query *qy);
/* similar's options that do not go together, checked before anything is
 * read: EXIT_OK, or EXIT_USAGE after saying why. */
int similar_usage(cli *c, const opts *o);

/* The node of an ID: EXIT_OK; or EXIT_FAILED when there is none, or
 * EXIT_NOMEM, either reported. */
int gq_find(const query *qy, const char *id, size_t *node);

/* "ID  (type, date)  [external]  title" and a newline. */
void gq_print_node_line(cli_out *out, const cg_node *n);

/* Writes `root` (taken) indented; false when memory ran out. */
bool gq_emit_json(cli_out *out, json_t *root);

/* Appends v to array arr, or sets o[key] to v. v is taken in any case (the
 * *_new calls of jansson free it also when they fail, and when the container
 * is NULL); false when either is NULL or memory ran out. */
bool gq_push(json_t *arr, json_t *v);
bool gq_set(json_t *o, const char *key, json_t *v);

/* The value v, appended to arr, or set at o[key]: borrowed from the
 * container, to be filled; NULL when memory ran out (v is freed). */
json_t *gq_pushed(json_t *arr, json_t *v);
json_t *gq_set_to(json_t *o, const char *key, json_t *v);

/* The commands with a file of their own. */
int q_referrals(const query *qy); /* cmd_referrals.c */
int q_mainpath(const query *qy);  /* cmd_mainpath.c */

/* stats: the distribution of citation ages and the Wahlperioden crossed
 * (stats_age.c), as lines of text into qy->out, or as the members
 * "citation_age" and "wahlperioden" of `root`; false when memory ran out. */
bool gq_stats_age_text(const query *qy, const cg_age_stats *st);
bool gq_stats_age_json(json_t *root, const cg_age_stats *st);

#endif
