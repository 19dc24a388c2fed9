/* cmd_graph.c - the graph commands: graph (exports), cites, cited-by, chain,
 * path, longest-chain, rank, stats. They run in the program citegraph-graph
 * (graph_exec.c says why).
 *
 * Each reads documents (extracted on the way, cg_run) or the output of
 * `citegraph extract`: JSON Lines (files ending in .jsonl, and any file or
 * standard input that starts as they do, cg_jsonl_read) or packed
 * (recognised by its content, cg_packed_read); builds the
 * graph, and answers: text for people, --format json for programs, with the
 * nodes and edges of the graph's JSON schema (citegraph/graph_json.h). */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "citegraph/export.h"
#include "citegraph/graph.h"
#include "citegraph/graph_json.h"
#include "cli.h"
#include "graph_cmd.h"

extern char **environ;

static int output_format(cli *c, const opts *o, int *format, const char **render_as);

/* How many IDs stand before the PATHs. */
static size_t ids_of(cli_command_id q) {
    if (q == CMD_PATH) return 2;
    return q == CMD_CITES || q == CMD_CITED_BY || q == CMD_CHAIN || q == CMD_SIMILAR ? 1 : 0;
}

static int parse(cli *c, cli_command_id q, const cli_args *a, opts *o) {
    o->q = q;
    o->depth = o->top = o->min_shared = -1;
    o->similar_by = CG_SIMILAR_BOTH;
    o->direction = q == CMD_GRAPH ? CG_ALL : CG_OUT;
    o->roles = CG_AUTHOR_BIT(CG_AUTHOR_SUBMITTER);
    int rc = cli_read_common(c, a, &o->common);
    if (rc != EXIT_OK) return rc;
    static const cg_direction directions[] = {CG_OUT, CG_IN, CG_ALL};
    bool role_given = false;
    for (size_t i = 0; i < a->noptions; i++) {
        const cli_opt_value *v = &a->options[i];
        switch (v->option->id) {
        case OPT_AROUND:
            o->around = v->value;
            break;
        case OPT_PAIRS:
            o->pairs = v->value;
            break;
        case OPT_DIRECTION:
            o->direction = directions[v->choice];
            break;
        case OPT_BY:
            /* stats' only choice is urheber; rank's are the methods */
            if (q == CMD_STATS)
                o->by_urheber = true;
            else if (q == CMD_SIMILAR) /* cocitation|coupling|both: the measures' bits */
                o->similar_by = (cg_similar_measure)(v->choice + 1);
            else
                o->by = (cg_rank_method)v->choice;
            break;
        case OPT_ROLE:
            /* urheber|ressort|fragesteller are the roles in order; all: every one */
            o->roles = v->choice == 3 ? 0 : CG_AUTHOR_BIT(v->choice);
            role_given = true;
            break;
        case OPT_URHEBER:
            o->urheber = v->value;
            break;
        case OPT_WEIGHT:
            o->mp_weight = (int)v->choice;
            break;
        case OPT_METHOD:
            o->mp_method = (int)v->choice;
            break;
        case OPT_QUESTIONS:
            o->questions = true;
            break;
        case OPT_URLS:
            o->urls = true;
            break;
        case OPT_FORCE_RENDER:
            o->force_render = true;
            break;
        case OPT_LAYOUT:
            /* force|time, in the order of cg_layout_kind */
            o->layout = v->choice == 1 ? CG_LAYOUT_TIME : CG_LAYOUT_FORCE;
            o->layout_given = true;
            break;
        case OPT_TIMINGS:
            o->timings = true;
            break;
        case OPT_ALL_PAIRS:
            o->all_pairs = true;
            break;
        case OPT_MIN_SHARED:
            if ((rc = cli_read_count(c, v, 1000000, NULL, &o->min_shared)) != EXIT_OK) return rc;
            break;
        case OPT_DEPTH:
            if ((rc = cli_read_count(c, v, 1000000, NULL, &o->depth)) != EXIT_OK) return rc;
            break;
        case OPT_TOP:
            if ((rc = cli_read_count(c, v, 1000000, NULL, &o->top)) != EXIT_OK) return rc;
            if (o->top == 0) o->top = LONG_MAX; /* 0: all */
            break;
        default:
            break;
        }
    }
    /* --role says which authors count for --by urheber; alone it would be ignored */
    if (role_given && !o->by_urheber)
        return cli_usage_error(c, "--role needs --by urheber (it says whose citations count)");
    /* mainpath: key-route is the method that starts from several citations */
    if (q == CMD_MAINPATH && o->top >= 0 && o->mp_method != 3)
        return cli_usage_error(c, "--top is for --method key-route");
    size_t nids = o->pairs || o->all_pairs ? 0 : ids_of(q);
    if (a->npositionals < nids)
        return cli_usage_error(c, "%s", nids == 2 ? "FROM and TO are needed" : "no ID given");
    for (size_t i = 0; i < nids; i++)
        o->ids[i] = a->positionals[i];
    o->paths = a->positionals + nids;
    o->npaths = a->npositionals - nids;
    if (!o->npaths) /* "cites data/sample": the one word, a path, was taken for the ID */
        return nids ? cli_usage_error(c, "no PATH given: %s before the PATHs (got only %s)",
                                      nids == 2 ? "FROM and TO stand" : "an ID stands",
                                      nids == 2 ? "two words" : "one word")
                    : cli_usage_error(c, "no PATH given");
    if (q == CMD_GRAPH && o->common.format == GRAPH_CSV && !o->common.output)
        return cli_usage_error(c, "--format csv writes two files: give -o PREFIX");
    if (q == CMD_GRAPH && (rc = output_format(c, o, &o->graph_format, &o->render_as)) != EXIT_OK)
        return rc;
    if (q == CMD_SIMILAR && (rc = similar_usage(c, o)) != EXIT_OK) return rc;
    if (o->layout_given && o->graph_format != GRAPH_HTML)
        return cli_usage_error(c, "--layout places the nodes of the explorer: it needs "
                                  "--format html (or -o FILE.html)");
    return EXIT_OK;
}

/* ---- reading the corpus into the graph ---- */

typedef struct loader {
    cli *c;
    cg_graph *g;
    int jobs;
    size_t total, failed;
    bool nomem;
} loader;

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* JSON Lines and packed files are references already extracted: read, not
 * extracted (both are recognised by their content whatever their name, as
 * on standard input; a file named .jsonl is read as JSON Lines, and one
 * named .cgpack that is not packed is refused, rather than read as text). */
static bool extract_text(const char *path, void *ctx) {
    (void)ctx;
    return !ends_with(path, ".jsonl") && !ends_with(path, ".cgpack");
}

static int add_jsonl_document(void *ctx, const char *file, const cg_extraction *ext,
                              bool has_document_line) {
    loader *l = ctx;
    cg_error err;
    cg_status st = has_document_line ? cg_graph_add_extraction(l->g, file, ext, &err)
                                     : cg_graph_add_references(l->g, file, ext, &err);
    return st == CG_OK ? 0 : 1;
}

/* In path order, on the calling thread: the graph is not shared between threads. */
static int add_to_graph(cg_run_doc *doc, void *ctx) {
    loader *l = ctx;
    const char *path = doc->entry->path;
    cli_progress(l->c, doc->index + 1, l->total, path);
    cg_error err;
    if (doc->status != CG_OK) {
        l->failed++;
        if (cli_doc_failed(l->c, doc)) l->nomem = true;
        return l->nomem;
    }
    if (!doc->extraction && !cg_input_is_packed(doc->input) && ends_with(path, ".cgpack")) {
        cli_error(l->c,
                  "%s: is named .cgpack but is not the packed output of citegraph extract "
                  "(empty, damaged at its start, or another file)",
                  path);
        l->failed++;
        return 0;
    }
    /* what reading found (an empty file, a NUL byte), said for references already extracted
     * too */
    for (size_t w = 0; doc->input && w < cg_input_warning_count(doc->input); w++)
        cli_warning(l->c, "%s: %s", path, cg_input_warning(doc->input, w));
    if (!doc->extraction) {
        /* references already extracted: packed, or JSON Lines */
        cg_status st = (cg_input_is_packed(doc->input) ? cg_packed_read : cg_jsonl_read)(
            path, cg_input_data(doc->input), cg_input_size(doc->input), l->jobs, add_jsonl_document,
            l, &err);
        if (st == CG_EINVAL || st == CG_ENOMEM) {
            cli_error(l->c, "%s: out of memory", path);
            l->nomem = true;
        } else if (st != CG_OK) {
            cli_fail(l->c, &err, NULL, EXIT_FAILED);
            l->failed++;
        }
        return l->nomem;
    }
    if (cg_graph_add_document(l->g, path, doc->extraction, doc->input, &err) != CG_OK) {
        cli_fail(l->c, &err, path, EXIT_FAILED);
        l->nomem = true;
    }
    return l->nomem;
}

/* Reads every PATH into the graph: EXIT_OK, EXIT_FAILED when some input
 * could not be read (the others are in), EXIT_NOMEM. */
static int load(cli *c, const opts *o, const cg_extractor *ex, cg_graph *g) {
    static const char *const default_exts[] = {".txt", ".pdf", ".jsonl", ".cgpack", NULL};
    cg_path_list list = {0};
    int rc =
        cli_collect(c, o->paths, o->npaths,
                    o->common.exts ? (const char *const *)o->common.exts : default_exts, &list);
    if (rc != EXIT_OK) return rc;
    loader l = {c, g, o->common.jobs, list.count, 0, false};
    cg_run_options ro = {.extractor = ex,
                         .jobs = o->common.jobs,
                         .extract = extract_text,
                         .consume = add_to_graph,
                         .ctx = &l,
                         .packed = true,
                         .jsonl = true};
    cg_error err;
    if (cg_run(&ro, &list, &err) != CG_OK) {
        cli_fail(c, &err, NULL, EXIT_FAILED);
        l.nomem = true;
    }
    cli_progress_end(c);
    cg_path_list_release(&list);
    if (l.nomem) return EXIT_NOMEM;
    if (l.failed) cli_error(c, "%zu input%s could not be read", l.failed, l.failed == 1 ? "" : "s");
    return l.failed ? EXIT_FAILED : EXIT_OK;
}

/* ---- text output ---- */

void gq_print_node_line(cli_out *out, const cg_node *n) {
    cli_out_printf(out, "%s", n->id);
    if (n->type || n->date)
        cli_out_printf(out, "  (%s%s%s)", n->type ? n->type : "", n->type && n->date ? ", " : "",
                       n->date ? n->date : "");
    if (!n->in_corpus && n->kind != CG_NODE_QUESTION) cli_out_printf(out, "  [external]");
    if (n->title) cli_out_printf(out, "  %s", n->title);
    cli_out_write(out, "\n", 1);
}

static void print_edge(cli_out *out, const cg_graph *g, const cg_edge *e, size_t other,
                       const char *indent) {
    cli_out_printf(out, "%s%s  ", indent, cg_edge_relation_name(e->relation));
    gq_print_node_line(out, cg_graph_node(g, other));
    if (e->nlocators) {
        cli_out_printf(out, "%s    locators:", indent);
        for (size_t l = 0; l < e->nlocators; l++)
            cli_out_printf(out, "%s %s", l ? "," : "", e->locators[l]);
        cli_out_write(out, "\n", 1);
    }
    for (size_t p = 0; p < e->npositions; p++) {
        /* inside a DIP record "FILE#N:LINE:COL", as the TSV names a record */
        const cg_position *at = &e->positions[p];
        if (at->record)
            cli_out_printf(out, "%s    at %s#%zu:%zu:%zu\n", indent, at->file, at->record, at->line,
                           at->col);
        else if (at->page) /* a PDF's page, and the line on it: "FILE:pPAGE:LINE:COL" as check */
            cli_out_printf(out, "%s    at %s:p%zu:%zu:%zu\n", indent, at->file, at->page,
                           at->page_line, at->col);
        else
            cli_out_printf(out, "%s    at %s:%zu:%zu\n", indent, at->file, at->line, at->col);
    }
}

/* ---- JSON output ---- */

bool gq_emit_json(cli_out *out, json_t *root) {
    char *s = root ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    if (!s) return false;
    cli_out_write(out, s, strlen(s));
    cli_out_write(out, "\n", 1);
    free(s);
    return true;
}

bool gq_push(json_t *arr, json_t *v) {
    return v && json_array_append_new(arr, v) == 0;
}

bool gq_set(json_t *o, const char *key, json_t *v) {
    return v && json_object_set_new(o, key, v) == 0;
}

json_t *gq_pushed(json_t *arr, json_t *v) {
    return gq_push(arr, v) ? v : NULL;
}

json_t *gq_set_to(json_t *o, const char *key, json_t *v) {
    return gq_set(o, key, v) ? v : NULL;
}

/* ---- the queries ---- */

int gq_find(const query *qy, const char *id, size_t *node) {
    bool found;
    cg_error err;
    if (cg_graph_find(qy->g, qy->ex, id, &found, node, &err) != CG_OK)
        return cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    if (found) return EXIT_OK;
    cli_error(qy->c, "'%s' is not in the graph (neither a document read nor a cited one)", id);
    return EXIT_FAILED;
}

static int q_cites(const query *qy, cg_direction dir) {
    size_t v, n;
    const size_t *edges;
    const cg_graph *g = qy->g;
    cg_error err;
    int found = gq_find(qy, qy->o->ids[0], &v);
    if (found != EXIT_OK) return found;
    if (cg_graph_edges_of(g, v, dir, &edges, &n, &err) != CG_OK)
        return cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    if (qy->json) {
        json_t *root = json_object(), *arr = NULL;
        if (gq_set(root, "node", cg_graph_node_json(g, v, NULL)))
            arr = gq_set_to(root, dir == CG_IN ? "cited_by" : "cites", json_array());
        bool ok = arr != NULL;
        for (size_t i = 0; ok && i < n; i++)
            ok = gq_push(arr, cg_graph_edge_json(g, edges[i], NULL));
        if (!ok) {
            json_decref(root);
            return EXIT_NOMEM;
        }
        return gq_emit_json(qy->out, root) ? EXIT_OK : EXIT_NOMEM;
    }
    gq_print_node_line(qy->out, cg_graph_node(g, v));
    cli_out_printf(qy->out, "%s %zu node%s%s\n", dir == CG_IN ? "is cited by" : "cites", n,
                   n == 1 ? "" : "s", n ? ":" : "");
    for (size_t i = 0; i < n; i++) {
        const cg_edge *e = cg_graph_edge(g, edges[i]);
        print_edge(qy->out, g, e, dir == CG_IN ? e->source : e->target, "  ");
    }
    return EXIT_OK;
}

static int q_chain(const query *qy) {
    size_t v, n;
    cg_chain_step *steps;
    cg_error err;
    const cg_graph *g = qy->g;
    int found = gq_find(qy, qy->o->ids[0], &v);
    if (found != EXIT_OK) return found;
    cg_direction dir = qy->o->direction;
    unsigned depth = qy->o->depth >= 0 ? (unsigned)qy->o->depth : 3;
    if (cg_graph_chain(g, v, dir, depth, &steps, &n, &err) != CG_OK)
        return cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    int rc = EXIT_OK;
    if (qy->json) {
        json_t *root = json_object(), *arr = NULL;
        if (gq_set(root, "direction", json_string(dir == CG_IN ? "in" : "out")))
            arr = gq_set_to(root, "chain", json_array());
        bool ok = arr != NULL;
        for (size_t i = 0; ok && i < n; i++) {
            json_t *s = gq_pushed(arr, json_object());
            ok = s && gq_set(s, "depth", json_integer((json_int_t)steps[i].depth)) &&
                 gq_set(s, "node", cg_graph_node_json(g, steps[i].node, NULL)) &&
                 gq_set(s, "edge",
                        steps[i].edge == SIZE_MAX ? json_null()
                                                  : cg_graph_edge_json(g, steps[i].edge, NULL)) &&
                 gq_set(s, "repeated", json_boolean(steps[i].repeated));
        }
        if (!ok) {
            json_decref(root);
            rc = EXIT_NOMEM;
        } else if (!gq_emit_json(qy->out, root)) {
            rc = EXIT_NOMEM;
        }
        free(steps);
        return rc;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t d = 0; d < steps[i].depth; d++)
            cli_out_write(qy->out, "    ", 4);
        if (steps[i].edge != SIZE_MAX) {
            const cg_edge *e = cg_graph_edge(g, steps[i].edge);
            cli_out_printf(qy->out, "%s ", dir == CG_IN ? "<-" : "->");
            if (e->relation != CG_EDGE_CITES)
                cli_out_printf(qy->out, "[%s] ", cg_edge_relation_name(e->relation));
            if (e->nlocators) {
                cli_out_write(qy->out, "[", 1);
                for (size_t l = 0; l < e->nlocators; l++)
                    cli_out_printf(qy->out, "%s%s", l ? ", " : "", e->locators[l]);
                cli_out_write(qy->out, "] ", 2);
            }
        }
        const cg_node *nd = cg_graph_node(g, steps[i].node);
        if (steps[i].repeated)
            cli_out_printf(qy->out, "%s (shown above)\n", nd->id);
        else
            gq_print_node_line(qy->out, nd);
    }
    free(steps);
    return rc;
}

/* path --pairs: one shortest-path length per line of the file, in one run */
static int q_pairs(const query *qy) {
    FILE *f = fopen(qy->o->pairs, "r");
    if (!f) {
        cli_error(qy->c, "%s: cannot open: %s", qy->o->pairs, strerror(errno));
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    bool unknown = false; /* a pair names an ID the graph does not have */
    json_t *root = NULL, *arr = NULL;
    if (qy->json) {
        root = json_object();
        arr = gq_set_to(root, "paths", json_array());
    }
    bool ok = !qy->json || arr;
    char line[1024];
    size_t lineno = 0;
    while (ok && fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#') continue;
        char *tab = strchr(line, '\t');
        if (!tab) {
            cli_error(qy->c, "%s:%zu: expected FROM<tab>TO", qy->o->pairs, lineno);
            rc = EXIT_USAGE;
            break;
        }
        *tab = '\0';
        size_t a, b, *path = NULL, n = 0;
        bool fa = false, fb = false;
        cg_error err;
        if (cg_graph_find(qy->g, qy->ex, line, &fa, &a, &err) != CG_OK ||
            (fa && cg_graph_find(qy->g, qy->ex, tab + 1, &fb, &b, &err) != CG_OK)) {
            rc = cli_fail(qy->c, &err, NULL, EXIT_FAILED);
            break;
        }
        if (!fa || !fb) {
            cli_error(qy->c, "%s:%zu: '%s' is not in the graph", qy->o->pairs, lineno,
                      fa ? tab + 1 : line);
            unknown = true;
        }
        if (fa && fb && cg_graph_shortest_path(qy->g, a, b, &path, &n, NULL) != CG_OK) n = 0;
        free(path);
        if (qy->json) {
            json_t *x = gq_pushed(arr, json_object());
            ok = x && gq_set(x, "from", json_string(line)) &&
                 gq_set(x, "to", json_string(tab + 1)) &&
                 gq_set(x, "length", n ? json_integer((json_int_t)(n - 1)) : json_null());
        } else if (n) {
            cli_out_printf(qy->out, "%s\t%s\t%zu\n", line, tab + 1, n - 1);
        } else {
            cli_out_printf(qy->out, "%s\t%s\t-\n", line, tab + 1);
        }
    }
    fclose(f);
    if (!ok) {
        json_decref(root);
        return EXIT_NOMEM;
    }
    if (rc == EXIT_OK && unknown) rc = EXIT_FAILED; /* every pair answered, the unknown reported */
    if (!qy->json || (rc != EXIT_OK && rc != EXIT_FAILED)) {
        json_decref(root);
        return rc;
    }
    return gq_emit_json(qy->out, root) ? rc : EXIT_NOMEM;
}

/* The nodes of path[0..n) as a JSON array; NULL when memory ran out. */
static json_t *nodes_json(const cg_graph *g, const size_t *path, size_t n) {
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        if (!gq_push(arr, cg_graph_node_json(g, path[i], NULL))) {
            json_decref(arr);
            return NULL;
        }
    return arr;
}

static void print_path(cli_out *out, const cg_graph *g, const size_t *path, size_t n) {
    for (size_t i = 0; i < n; i++) {
        cli_out_printf(out, "%s", i ? "  -> " : "     ");
        gq_print_node_line(out, cg_graph_node(g, path[i]));
    }
}

static int q_path(const query *qy) {
    if (qy->o->pairs) return q_pairs(qy);
    size_t a, b, *path, n;
    cg_error err;
    int fa = gq_find(qy, qy->o->ids[0], &a);
    int fb = fa == EXIT_NOMEM ? fa : gq_find(qy, qy->o->ids[1], &b);
    if (fa != EXIT_OK || fb != EXIT_OK)
        return fa == EXIT_NOMEM || fb == EXIT_NOMEM ? EXIT_NOMEM : EXIT_FAILED;
    if (cg_graph_shortest_path(qy->g, a, b, &path, &n, &err) != CG_OK)
        return cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    int rc = EXIT_OK;
    if (qy->json) {
        json_t *root = json_object();
        bool ok = gq_set(root, "length", n ? json_integer((json_int_t)(n - 1)) : json_null()) &&
                  gq_set(root, "path", nodes_json(qy->g, path, n));
        if (!ok) json_decref(root);
        rc = ok && gq_emit_json(qy->out, root) ? (n ? EXIT_OK : EXIT_FAILED) : EXIT_NOMEM;
    } else if (!n) {
        cli_out_printf(qy->out, "no citation path from %s to %s\n", cg_graph_node(qy->g, a)->id,
                       cg_graph_node(qy->g, b)->id);
        rc = EXIT_FAILED;
    } else {
        cli_out_printf(qy->out, "a path of %zu step%s:\n", n - 1, n == 2 ? "" : "s");
        print_path(qy->out, qy->g, path, n);
    }
    free(path);
    return rc;
}

static int q_longest(const query *qy) {
    size_t *path, n, *cycle, ncycles;
    cg_error err;
    const cg_graph *g = qy->g;
    if (cg_graph_longest_path(g, &path, &n, &cycle, &ncycles, &err) != CG_OK)
        return cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    int rc = EXIT_OK;
    if (qy->json) {
        json_t *root = json_object(), *cyc = NULL;
        if (gq_set(root, "length", json_integer(n ? (json_int_t)(n - 1) : 0)) &&
            gq_set(root, "path", nodes_json(g, path, n)))
            cyc = gq_set_to(root, "cycles", json_array());
        bool ok = cyc != NULL;
        for (size_t k = 1; ok && k <= ncycles; k++) {
            json_t *members = gq_pushed(cyc, json_array());
            ok = members != NULL;
            for (size_t v = 0; ok && v < cg_graph_node_count(g); v++)
                if (cycle[v] == k) ok = gq_push(members, json_string(cg_graph_node(g, v)->id));
        }
        if (!ok) json_decref(root);
        rc = ok && gq_emit_json(qy->out, root) ? EXIT_OK : EXIT_NOMEM;
    } else {
        cli_out_printf(qy->out, "longest chain, %zu step%s:\n", n ? n - 1 : 0, n == 2 ? "" : "s");
        print_path(qy->out, g, path, n);
        cli_out_printf(qy->out, "%zu cycle%s%s\n", ncycles, ncycles == 1 ? "" : "s",
                       ncycles ? ":" : "");
        for (size_t k = 1; k <= ncycles; k++) {
            cli_out_printf(qy->out, "  cycle %zu:", k);
            for (size_t v = 0; v < cg_graph_node_count(g); v++)
                if (cycle[v] == k) cli_out_printf(qy->out, " %s;", cg_graph_node(g, v)->id);
            cli_out_write(qy->out, "\n", 1);
        }
    }
    free(path);
    free(cycle);
    return rc;
}

typedef struct ranked {
    double score;
    size_t node;
} ranked;

static int cmp_ranked(const void *a, const void *b) {
    const ranked *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Nodes by score, highest first, ties by id, into *out (node_count entries). */
static int ranking(const query *qy, cg_rank_method m, ranked **out) {
    size_t n = cg_graph_node_count(qy->g);
    double *scores = calloc(n ? n : 1, sizeof *scores);
    *out = calloc(n ? n : 1, sizeof **out);
    cg_error err;
    int rc = EXIT_OK;
    if (!scores || !*out)
        rc = EXIT_NOMEM;
    else if (cg_graph_rank(qy->g, m, scores, &err) != CG_OK)
        rc = cli_fail(qy->c, &err, "ranking failed", EXIT_FAILED);
    for (size_t v = 0; rc == EXIT_OK && v < n; v++)
        (*out)[v] = (ranked){scores[v], v};
    free(scores);
    if (rc != EXIT_OK) {
        free(*out);
        *out = NULL;
        return rc;
    }
    if (n) qsort(*out, n, sizeof **out, cmp_ranked);
    return EXIT_OK;
}

/* rank --urheber NAME that no document has: says so, and how a name
 * written with capitals is matched; EXIT_FAILED, or EXIT_NOMEM. */
static int no_such_author(cli *c, const char *name) {
    char *folded = cg_author_name_folded(name);
    if (!folded) return EXIT_NOMEM;
    /* the hint is to be typed: quoted when the shell would split it */
    bool quote = strpbrk(folded, " \t\"$`\\!&;|<>()*?[]#~") != NULL;
    if (strcmp(folded, name) != 0)
        cli_error(c,
                  "no document has the author '%s' (names are exact; write it in lower case to "
                  "match any part: --urheber %s%s%s)",
                  name, quote ? "'" : "", folded, quote ? "'" : "");
    else
        cli_error(c, "no document has an author whose name contains '%s' (any case)", name);
    free(folded);
    return EXIT_FAILED;
}

static const char *const rank_names[] = {"indegree", "pagerank", "hub", "authority"};

static int q_rank(const query *qy) {
    ranked *r;
    int rc = ranking(qy, qy->o->by, &r);
    if (rc != EXIT_OK) return rc;
    size_t n = cg_graph_node_count(qy->g), top = qy->o->top >= 0 ? (size_t)qy->o->top : 20;
    if (qy->o->urheber) {
        /* ranked over the whole graph, then only that author's documents listed */
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (cg_node_has_author(cg_graph_node(qy->g, r[i].node), qy->o->urheber)) r[m++] = r[i];
        n = m;
        if (!n) {
            /* as for an ID not in the graph: an empty list would look like an answer */
            free(r);
            return no_such_author(qy->c, qy->o->urheber);
        }
    }
    if (top > n) top = n;
    if (qy->json) {
        json_t *root = json_object(), *arr = NULL;
        if (gq_set(root, "by", json_string(rank_names[qy->o->by])) &&
            (!qy->o->urheber || gq_set(root, "urheber", json_string(qy->o->urheber))))
            arr = gq_set_to(root, "ranking", json_array());
        bool ok = arr != NULL;
        for (size_t i = 0; ok && i < top; i++) {
            json_t *x = gq_pushed(arr, cg_graph_node_json(qy->g, r[i].node, NULL));
            ok = x && gq_set(x, "rank", json_integer((json_int_t)i + 1)) &&
                 gq_set(x, "score", json_real(r[i].score));
        }
        if (!ok) json_decref(root);
        rc = ok && gq_emit_json(qy->out, root) ? EXIT_OK : EXIT_NOMEM;
    } else {
        for (size_t i = 0; i < top; i++) {
            cli_out_printf(qy->out, "%4zu  %-12.6g  ", i + 1, r[i].score);
            gq_print_node_line(qy->out, cg_graph_node(qy->g, r[i].node));
        }
    }
    free(r);
    return rc;
}

/* Whether a document of the corpus cites no other node. */
static bool cites_nothing(const cg_graph *g, size_t v) {
    const size_t *edges;
    size_t n;
    if (cg_graph_edges_of(g, v, CG_OUT, &edges, &n, NULL) != CG_OK) return false;
    for (size_t i = 0; i < n; i++)
        if (cg_graph_edge(g, edges[i])->target != v) return false;
    return true;
}

static bool stats_json(const query *qy, const cg_graph_stats *s, const cg_age_stats *age,
                       const ranked *r, size_t top) {
    const cg_graph *g = qy->g;
    json_t *root = json_object();
    bool ok = gq_set(root, "nodes", json_integer((json_int_t)s->nodes)) &&
              gq_set(root, "in_corpus", json_integer((json_int_t)s->in_corpus)) &&
              gq_set(root, "external", json_integer((json_int_t)s->external)) &&
              gq_set(root, "questions", json_integer((json_int_t)s->questions)) &&
              gq_set(root, "edges", json_integer((json_int_t)s->edges)) &&
              gq_set(root, "components", json_integer((json_int_t)s->weak_components)) &&
              gq_set(root, "cycles", json_integer((json_int_t)s->cycles)) &&
              gq_set(root, "nodes_in_cycles", json_integer((json_int_t)s->nodes_in_cycles)) &&
              gq_set(root, "cited_by_none", json_integer((json_int_t)s->cited_by_none)) &&
              gq_set(root, "duplicates", json_integer((json_int_t)s->duplicates)) &&
              gq_stats_age_json(root, age);
    json_t *most = ok ? gq_set_to(root, "most_cited", json_array()) : NULL;
    json_t *nothing = most ? gq_set_to(root, "citing_nothing", json_array()) : NULL;
    ok = nothing != NULL;
    for (size_t i = 0; ok && i < top && r[i].score > 0; i++) {
        json_t *x = gq_pushed(most, cg_graph_node_json(g, r[i].node, NULL));
        ok = x && gq_set(x, "cited_by", json_integer((json_int_t)r[i].score));
    }
    for (size_t v = 0; ok && v < s->nodes; v++)
        if (cg_graph_node(g, v)->in_corpus && cites_nothing(g, v))
            ok = gq_push(nothing, json_string(cg_graph_node(g, v)->id));
    if (!ok) {
        json_decref(root);
        return false;
    }
    return gq_emit_json(qy->out, root);
}

static const char *const role_names[] = {"urheber", "ressort", "fragesteller", "all"};

/* The name of --role's choice for a set of roles. */
static const char *roles_name(unsigned roles) {
    for (unsigned r = 0; r < 3; r++)
        if (roles == CG_AUTHOR_BIT(r)) return role_names[r];
    return role_names[3];
}

/* stats --by urheber: who cites whom, as a table or as JSON. */
static int q_author_pairs(const query *qy) {
    cg_author_pair *pairs;
    size_t n;
    cg_error err;
    if (cg_graph_author_pairs(qy->g, qy->o->roles, &pairs, &n, &err) != CG_OK)
        return cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    size_t top = qy->o->top >= 0 && (size_t)qy->o->top < n ? (size_t)qy->o->top : n;
    int rc = EXIT_OK;
    if (qy->json) {
        json_t *root = json_object(), *arr = NULL;
        if (gq_set(root, "by", json_string("urheber")) &&
            gq_set(root, "role", json_string(roles_name(qy->o->roles))) &&
            gq_set(root, "pairs_total", json_integer((json_int_t)n)))
            arr = gq_set_to(root, "pairs", json_array());
        bool ok = arr != NULL;
        for (size_t i = 0; ok && i < top; i++) {
            json_t *x = gq_pushed(arr, json_object());
            ok = x && gq_set(x, "citing", json_string(pairs[i].citing)) &&
                 gq_set(x, "cited", json_string(pairs[i].cited)) &&
                 gq_set(x, "edges", json_integer((json_int_t)pairs[i].edges));
        }
        if (!ok) json_decref(root);
        rc = ok && gq_emit_json(qy->out, root) ? EXIT_OK : EXIT_NOMEM;
    } else {
        cli_out_printf(qy->out, "who cites whom (%s), citation edges:\n", roles_name(qy->o->roles));
        for (size_t i = 0; i < top; i++)
            cli_out_printf(qy->out, "  %6zu  %s -> %s\n", pairs[i].edges, pairs[i].citing,
                           pairs[i].cited);
        if (!n)
            cli_out_printf(qy->out, "  none: no citation joins two documents with such authors\n");
    }
    free(pairs);
    return rc;
}

static int q_stats(const query *qy) {
    if (qy->o->by_urheber) return q_author_pairs(qy);
    cg_graph_stats s;
    cg_error err;
    const cg_graph *g = qy->g;
    if (cg_graph_stats_get(g, &s, &err) != CG_OK) return cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    cg_age_stats age;
    if (cg_graph_age_stats_get(g, &age, &err) != CG_OK)
        return cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    ranked *r;
    int rc = ranking(qy, CG_RANK_INDEGREE, &r);
    if (rc != EXIT_OK) return rc;
    size_t top = qy->o->top >= 0 ? (size_t)qy->o->top : 10;
    if (top > s.nodes) top = s.nodes;
    if (qy->json) {
        rc = stats_json(qy, &s, &age, r, top) ? EXIT_OK : EXIT_NOMEM;
        free(r);
        return rc;
    }
    cli_out *out = qy->out;
    cli_out_printf(out,
                   "nodes              %zu (%zu documents read, %zu external, %zu questions)\n",
                   s.nodes, s.in_corpus, s.external, s.questions);
    cli_out_printf(out, "edges              %zu\n", s.edges);
    cli_out_printf(out, "components         %zu (edge direction ignored)\n", s.weak_components);
    cli_out_printf(out, "cycles             %zu (%zu nodes in them)\n", s.cycles,
                   s.nodes_in_cycles);
    cli_out_printf(out, "cite nothing       %zu documents read\n", s.citing_nothing);
    cli_out_printf(out, "cited by none      %zu documents read\n", s.cited_by_none);
    if (s.duplicates)
        cli_out_printf(out, "duplicates         %zu documents read again with an id already read\n",
                       s.duplicates);
    gq_stats_age_text(qy, &age);
    cli_out_printf(out, "most cited:\n");
    for (size_t i = 0; i < top && r[i].score > 0; i++) {
        cli_out_printf(out, "  %5.0f  ", r[i].score);
        gq_print_node_line(out, cg_graph_node(g, r[i].node));
    }
    free(r);
    size_t listed = 0;
    if (s.citing_nothing && top >= s.citing_nothing)
        cli_out_printf(out, "documents that cite nothing (all %zu):\n", s.citing_nothing);
    else if (s.citing_nothing)
        cli_out_printf(out, "documents that cite nothing (first %zu):\n", top);
    for (size_t v = 0; v < s.nodes && listed < top; v++) {
        if (!cg_graph_node(g, v)->in_corpus || !cites_nothing(g, v)) continue;
        listed++;
        cli_out_printf(out, "         ");
        gq_print_node_line(out, cg_graph_node(g, v));
    }
    return EXIT_OK;
}

/* ---- graph: the exports ---- */

/* Renders DOT with Graphviz into an SVG, PNG or PDF file. */
static int render(cli *c, const cg_buf *dot, const char *out, const char *fmt) {
    /* dot reads the DOT text from a pipe and writes the picture to its standard output, which
     * is the -o file opened as every output is (cli_out_open): a picture that dot did not
     * finish leaves the previous file, and no temporary DOT file is left by a run that is
     * killed */
    cli_out picture;
    if (cli_out_open(c, &picture, out) != EXIT_OK) return EXIT_FAILED;
    int in[2];
    if (pipe(in) != 0) {
        cli_out_discard(&picture);
        cli_error(c, "cannot start Graphviz's dot: %s", strerror(errno));
        return EXIT_FAILED;
    }
    fcntl(in[1], F_SETFD, FD_CLOEXEC); /* dot sees the end of the text when we close it */
    char tflag[16];
    snprintf(tflag, sizeof tflag, "-T%s", fmt);
    char *argv[] = {"dot", tflag, NULL};
    posix_spawn_file_actions_t fds;
    pid_t pid;
    int rc = posix_spawn_file_actions_init(&fds);
    if (rc == 0) {
        rc = posix_spawn_file_actions_adddup2(&fds, in[0], STDIN_FILENO);
        if (rc == 0 && in[0] != STDIN_FILENO) rc = posix_spawn_file_actions_addclose(&fds, in[0]);
        if (rc == 0) rc = posix_spawn_file_actions_adddup2(&fds, fileno(picture.f), STDOUT_FILENO);
        if (rc == 0) rc = posix_spawnp(&pid, "dot", &fds, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fds);
    }
    close(in[0]);
    /* dot reads all of its input before it writes: no wait on each other (a dot that ends
     * early makes the write fail with EPIPE, and its status says why) */
    for (size_t off = 0; rc == 0 && off < dot->len;) {
        ssize_t w = write(in[1], dot->data + off, dot->len - off);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        off += (size_t)w;
    }
    close(in[1]);
    int status = 0;
    if (rc == 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    if (rc == ENOENT) {
        cli_out_discard(&picture);
        cli_error(c,
                  "rendering %s needs Graphviz's 'dot', which is not installed (Debian: "
                  "apt-get install graphviz); write DOT instead with -o FILE.dot",
                  out);
        return EXIT_USAGE;
    }
    if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        cli_out_discard(&picture);
        cli_error(c, "Graphviz's dot could not render %s", out);
        return EXIT_FAILED;
    }
    return cli_out_close(c, &picture);
}

/* The format and rendering of -o FILE: EXIT_OK, or a usage error for an
 * ending that names no format (a FILE without one is DOT). */
static int output_format(cli *c, const opts *o, int *format, const char **render_as) {
    /* what an -o FILE's ending asks for when --format does not say */
    static const cli_ending endings[] = {
        {".dot", GRAPH_DOT, NULL},         {".gv", GRAPH_DOT, NULL},    {".json", GRAPH_JSON, NULL},
        {".graphml", GRAPH_GRAPHML, NULL}, {".svg", GRAPH_DOT, "svg"},  {".png", GRAPH_DOT, "png"},
        {".pdf", GRAPH_DOT, "pdf"},        {".html", GRAPH_HTML, NULL}, {".htm", GRAPH_HTML, NULL},
        {".gexf", GRAPH_GEXF, NULL}};
    const char *ending = o->common.format < 0 ? cli_ending_of(o->common.output) : NULL;
    if (ending && strcmp(ending, ".csv") == 0)
        return cli_usage_error(c,
                               "-o %s: CSV is two files: give --format csv -o PREFIX (it writes "
                               "PREFIX.nodes.csv and PREFIX.edges.csv)",
                               o->common.output);
    const cli_ending *match = NULL;
    *format = GRAPH_DOT;
    int rc = cli_format_of_output(c, &o->common, endings, sizeof endings / sizeof endings[0],
                                  format, &match);
    *render_as = match ? match->render : NULL;
    return rc;
}

/* Above these, Graphviz's dot takes minutes or fails: measured with timeout
 * 60 dot -Tsvg on --around subsets of the 2,950 documents of WP 21: 530
 * nodes, 892 edges 1.7 s; 1,166 nodes, 1,791 edges 9.9 s; the whole graph
 * (6,265 nodes, 7,332 edges) 445 s, then failed. */
#define DOT_MAX_NODES 1500
#define DOT_MAX_EDGES 2500

/* Whether the kept part of the graph is too large for dot to lay out: if
 * so, an error when rendering (EXIT_USAGE) unless --force-render, else a
 * warning (a DOT file is usually rendered). EXIT_OK to go on. */
static int check_dot_size(cli *c, const opts *o, const cg_graph *g, const unsigned char *keep,
                          bool rendering) {
    size_t nodes = 0, edges = 0;
    for (size_t v = 0; v < cg_graph_node_count(g); v++)
        nodes += !keep || keep[v];
    for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
        const cg_edge *e = cg_graph_edge(g, i);
        edges += !keep || (keep[e->source] && keep[e->target]);
    }
    if (nodes <= DOT_MAX_NODES && edges <= DOT_MAX_EDGES) return EXIT_OK;
    if (rendering && !o->force_render)
        return cli_usage_error(c,
                               "%zu nodes and %zu edges are more than Graphviz's dot lays out in "
                               "reasonable time (%d nodes, %d edges): draw a part with --around "
                               "ID --depth N, explore the whole graph in a browser with -o "
                               "FILE.html, or give --force-render to try anyway",
                               nodes, edges, DOT_MAX_NODES, DOT_MAX_EDGES);
    cli_warning(c,
                "%zu nodes and %zu edges: more than Graphviz's dot lays out in reasonable "
                "time (%d nodes, %d edges); a part is drawn with --around ID --depth N, the "
                "whole graph explored in a browser with -o FILE.html",
                nodes, edges, DOT_MAX_NODES, DOT_MAX_EDGES);
    return EXIT_OK;
}

static int to_out(void *ctx, const char *data, size_t len) {
    return cli_out_write(ctx, data, len) ? 0 : -1;
}

/* The JSON export, written as it is made, as every output is (a regular
 * file under a temporary name, renamed when complete; a link is written
 * through, -o /dev/stdout works). A run that fails leaves the previous
 * file, or on standard output JSON without its end, which no reader takes
 * for a graph, and says so in its exit status. */
static int stream_json(cli *c, const opts *o, const cg_graph *g, const unsigned char *keep) {
    cli_out out;
    if (cli_out_open(c, &out, o->common.output) != EXIT_OK) return EXIT_FAILED;
    cg_error err;
    cg_status st = cg_graph_stream_json(g, keep, o->common.jobs, to_out, &out, &err);
    /* a write that failed stopped the stream: closing says why (a closed
     * pipe is the reader's choice, not a failure) */
    if (st != CG_OK && st != CG_EIO) {
        cli_out_discard(&out); /* half a graph: the previous file stays */
        return st == CG_ENOMEM ? cli_nomem(c) : cli_fail(c, &err, NULL, EXIT_FAILED);
    }
    return cli_out_close(c, &out);
}

static int q_graph(const query *qy) {
    cli *c = qy->c;
    const opts *o = qy->o;
    const cg_graph *g = qy->g;
    int format = o->graph_format, rc;
    const char *render_as = o->render_as;
    unsigned char *keep = NULL;
    cg_error err;
    if (o->around) {
        size_t v;
        int found = gq_find(qy, o->around, &v);
        if (found != EXIT_OK) return found;
        if (!(keep = malloc(cg_graph_node_count(g) + 1))) return EXIT_NOMEM;
        unsigned depth = o->depth >= 0 ? (unsigned)o->depth : 2;
        if (cg_graph_neighbourhood(g, v, depth, o->direction, keep, &err) != CG_OK) {
            free(keep);
            return cli_fail(c, &err, NULL, EXIT_FAILED);
        }
    }
    if (format == GRAPH_DOT && (rc = check_dot_size(c, o, g, keep, render_as != NULL)) != EXIT_OK) {
        free(keep);
        return rc;
    }
    if (format == GRAPH_JSON) { /* streamed: a million references make 216 MB of it */
        rc = stream_json(c, o, g, keep);
        free(keep);
        return rc;
    }
    cg_buf s = CG_BUF_INIT, edges = CG_BUF_INIT;
    cg_status st;
    switch ((graph_format)format) {
    case GRAPH_GRAPHML:
        st = cg_graph_write_graphml(g, keep, &s, &err);
        break;
    case GRAPH_GEXF:
        st = cg_graph_write_gexf(g, keep, &s, &err);
        break;
    case GRAPH_CSV:
        st = cg_graph_write_csv(g, keep, &s, &edges, &err);
        break;
    case GRAPH_HTML: {
        cg_html_options ho = {o->layout, NULL};
        st = cg_graph_write_html(g, keep, &ho, &s, &err);
        break;
    }
    default:
        st = cg_graph_write_dot(g, keep, &s, &err);
        break;
    }
    if (st != CG_OK) {
        rc = cli_fail(c, &err, NULL, EXIT_FAILED);
    } else if (format == GRAPH_CSV) {
        char path[4096];
        snprintf(path, sizeof path, "%s.nodes.csv", o->common.output);
        rc = cli_write_buf(c, path, &s);
        snprintf(path, sizeof path, "%s.edges.csv", o->common.output);
        if (rc == EXIT_OK) rc = cli_write_buf(c, path, &edges);
    } else if (render_as) {
        rc = render(c, &s, o->common.output, render_as);
    } else {
        rc = cli_write_buf(c, o->common.output, &s);
    }
    cg_buf_release(&s);
    cg_buf_release(&edges);
    free(keep);
    return rc;
}

static double seconds_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Answers the query into -o FILE (or standard output). */
static int answer(query *qy) {
    if (qy->o->q == CMD_GRAPH) return q_graph(qy);
    cli_out out;
    int rc = cli_out_open(qy->c, &out, qy->o->common.output);
    if (rc != EXIT_OK) return rc;
    qy->out = &out;
    switch (qy->o->q) {
    case CMD_CITES:
        rc = q_cites(qy, CG_OUT);
        break;
    case CMD_CITED_BY:
        rc = q_cites(qy, CG_IN);
        break;
    case CMD_CHAIN:
        rc = q_chain(qy);
        break;
    case CMD_PATH:
        rc = q_path(qy);
        break;
    case CMD_LONGEST_CHAIN:
        rc = q_longest(qy);
        break;
    case CMD_RANK:
        rc = q_rank(qy);
        break;
    case CMD_REFERRALS:
        rc = q_referrals(qy);
        break;
    case CMD_MAINPATH:
        rc = q_mainpath(qy);
        break;
    case CMD_SIMILAR:
        rc = q_similar(qy);
        break;
    default:
        rc = q_stats(qy);
        break;
    }
    /* an answer that failed before it wrote anything (an ID not in the graph), or half-way
     * (memory), leaves the previous file */
    if (rc == EXIT_NOMEM || (rc != EXIT_OK && !out.written)) {
        cli_out_discard(&out);
        return rc;
    }
    int wrote = cli_out_close(qy->c, &out);
    return rc == EXIT_OK ? wrote : rc;
}

/* "FILE" or "FILE (record N)": where a document came from. */
static void origin(char *buf, size_t cap, const char *file, size_t record) {
    if (record)
        snprintf(buf, cap, "%s (record %zu)", file, record);
    else
        snprintf(buf, cap, "%s", file);
}

/* One warning per document read again with an id already read, naming
 * both inputs and the one used. */
static void warn_duplicates(cli *c, const cg_graph *g) {
    const cg_duplicate *d;
    size_t n = cg_graph_duplicates(g, &d);
    for (size_t i = 0; i < n; i++) {
        char used[4200], unused[4200];
        origin(used, sizeof used, d[i].used_file, d[i].used_record);
        origin(unused, sizeof unused, d[i].unused_file, d[i].unused_record);
        if (strcmp(used, unused) == 0) /* the file itself and extract's output of it, say */
            cli_warning(c,
                        "%s: read twice from %s (the document and the output of citegraph "
                        "extract made from it?); the first read is used",
                        d[i].id, used);
        else
            cli_warning(c, "%s: read twice: %s is used (%s), %s is left out", d[i].id, used,
                        cg_duplicate_reason_name(d[i].reason), unused);
    }
}

/* The catalogs of --catalog into the graph: EXIT_OK, or EXIT_USAGE after
 * naming the one that could not be read. */
static int add_catalogs(cli *c, const opts *o, const cg_extractor *ex, cg_graph *g) {
    for (size_t i = 0; i < o->common.ncatalogs; i++) {
        cg_catalog *cat = NULL;
        cg_error err;
        cg_status st = cg_catalog_new(&cat, &err);
        if (st == CG_OK) st = cg_catalog_read(cat, ex, o->common.catalogs[i], &err);
        /* records the catalog passed over: named, as check names them, and
         * the run goes on without them */
        for (size_t p = 0; st == CG_OK && p < cg_catalog_problem_count(cat); p++)
            cli_warning(c, "%s", cg_catalog_problem(cat, p));
        if (st == CG_OK) st = cg_graph_add_catalog(g, cat, &err);
        cg_catalog_free(cat);
        if (st != CG_OK) return cli_fail(c, &err, NULL, EXIT_USAGE);
    }
    return EXIT_OK;
}

int cmd_graph(cli *c, cli_command_id id, int argc, char **argv) {
    cli_args a;
    opts o;
    memset(&o, 0, sizeof o);
    cg_extractor *ex = NULL;
    cg_graph *g = NULL;
    cg_error err;
    int rc = EXIT_OK;
    if (!cli_parse_command(c, id, argc, argv, &a, &rc)) goto out;
    if ((rc = parse(c, id, &a, &o)) != EXIT_OK) goto out;
    cg_extractor_options eo = {o.common.patterns, o.common.npatterns};
    if (cg_extractor_new(&eo, &ex, &err) != CG_OK) {
        rc = cli_grammar_fail(c, &err);
        goto out;
    }
    /* the explorer shows the line each citation stands on */
    cg_graph_options go = {o.questions, o.urls, id == CMD_GRAPH && o.graph_format == GRAPH_HTML};
    if (cg_graph_new(&go, &g, &err) != CG_OK) {
        rc = cli_fail(c, &err, NULL, EXIT_FAILED);
        goto out;
    }
    if ((rc = add_catalogs(c, &o, ex, g)) != EXIT_OK) goto out;
    double t_start = seconds_now();
    int loaded = load(c, &o, ex, g);
    if (loaded == EXIT_NOMEM) {
        rc = loaded;
        goto out;
    }
    double t_read = seconds_now();
    if (cg_graph_finish(g, &err) != CG_OK) {
        rc = cli_fail(c, &err, "building the graph failed", EXIT_FAILED);
        goto out;
    }
    double t_built = seconds_now();
    warn_duplicates(c, g);
    query qy = {c, &o, g, ex, NULL, id != CMD_GRAPH && o.common.format == QUERY_JSON};
    rc = answer(&qy);
    if (o.timings) {
        /* asked for, so not silenced by -q; never part of the output */
        fprintf(stderr,
                "citegraph: timings: read %.3f s, build %.3f s (%zu nodes, %zu edges), "
                "%s and write %.3f s\n",
                t_read - t_start, t_built - t_read, cg_graph_node_count(g), cg_graph_edge_count(g),
                argv[0], seconds_now() - t_built);
    }
    if (rc == EXIT_OK) rc = loaded;
out:
    if (rc == EXIT_NOMEM) cli_nomem(c);
    cg_graph_free(g);
    cg_extractor_free(ex);
    cli_common_release(&o.common);
    cli_args_free(&a);
    return rc;
}
