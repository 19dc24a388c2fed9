/* cmd_mainpath.c - citegraph mainpath: the main path(s) of the citation
 * graph (citegraph/mainpath.h) as text, JSON (schema version 1, in the
 * command's help) or DOT. */
#include <jansson.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/graph_json.h"
#include "citegraph/mainpath.h"
#include "graph_cmd.h"

/* The version of the JSON output; a change that breaks a reader raises it. */
#define MAINPATH_JSON_VERSION 1

/* The default of --top for key-route. */
#define KEY_ROUTES_DEFAULT 10

static const char *weight_label(cg_traversal_weight w) {
    return w == CG_SPLC ? "SPLC" : w == CG_SPNP ? "SPNP" : "SPC";
}

/* What the normaliser counts, for people. */
static const char *total_label(cg_traversal_weight w) {
    return w == CG_SPLC   ? "paths from any document to a sink"
           : w == CG_SPNP ? "paths between any two documents"
                          : "source-sink paths";
}

/* Whether paths a and b go through the same steps. */
static bool same_path(const cg_mainpath_path *a, const cg_mainpath_path *b) {
    if (a->nsteps != b->nsteps) return false;
    for (size_t i = 0; i < a->nsteps; i++)
        if (a->steps[i].node != b->steps[i].node) return false;
    return true;
}

static double normalized(const cg_mainpath_result *r, double w) {
    return r->total > 0 ? w / r->total : 0;
}

/* ---- text ---- */

static void print_cycle(cli_out *out, const cg_graph *g, const cg_mainpath_cycle *c, size_t k) {
    cli_out_printf(out, "cycle %zu:", k);
    for (size_t i = 0; i < c->nmembers; i++)
        cli_out_printf(out, " %s%s", cg_graph_node(g, c->members[i])->id,
                       i + 1 < c->nmembers ? ";" : "");
    cli_out_write(out, "\n", 1);
}

static void print_path(cli_out *out, const cg_graph *g, const cg_mainpath_result *r,
                       const cg_mainpath_path *p) {
    cli_out_printf(out, "  %22s  %10s  document (oldest first)\n", "weight", "normalized");
    for (size_t i = 0; i < p->nsteps; i++) {
        const cg_mainpath_step *s = &p->steps[i];
        if (i)
            cli_out_printf(out, "%s %22.17g  %10.6f  ", p->key && i == p->key ? "*" : " ",
                           s->weight, normalized(r, s->weight));
        else
            cli_out_printf(out, "  %22s  %10s  ", "-", "-");
        if (s->cycle)
            print_cycle(out, g, &r->cycles[s->cycle - 1], s->cycle);
        else
            gq_print_node_line(out, cg_graph_node(g, s->node));
    }
}

static void print_text(const query *qy, const cg_mainpath_options *mo,
                       const cg_mainpath_result *r) {
    cli_out *out = qy->out;
    const cg_graph *g = qy->g;
    const char *wl = weight_label(mo->weight);
    cli_out_printf(
        out,
        "network: %zu units (documents, and cycles shrunk into one), %zu arcs between them, "
        "%zu sources (cite nothing), %zu sinks (cited by none)\n",
        r->units, r->arcs, r->sources, r->sinks);
    if (!r->npaths) {
        cli_out_printf(out, "no citation joins two documents: there is no main path\n");
    } else {
        cli_out_printf(out, "%s: %.17g %s; the heaviest citation %.17g\n", wl, r->total,
                       total_label(mo->weight), r->max_weight);
    }
    for (size_t i = 0; i < r->npaths; i++) {
        const cg_mainpath_path *p = &r->paths[i];
        if (mo->method == CG_MAINPATH_KEY_ROUTE) {
            const cg_mainpath_step *k = &p->steps[p->key];
            cli_out_printf(out, "\nkey route %zu of %zu: key citation %s by %s, %s %.17g\n", i + 1,
                           r->npaths, cg_graph_node(g, p->steps[p->key - 1].node)->id,
                           cg_graph_node(g, k->node)->id, wl, k->weight);
            size_t same = i;
            for (size_t j = 0; j < i && same == i; j++)
                if (same_path(&r->paths[j], p)) same = j;
            if (same != i) {
                cli_out_printf(out, "  the same path as key route %zu\n", same + 1);
                continue;
            }
        } else {
            cli_out_printf(out, "\n%s main path by %s: %zu documents, weights summing to %.17g\n",
                           cg_mainpath_method_name(mo->method), wl, p->nsteps, p->sum);
        }
        print_path(out, g, r, p);
    }
    if (mo->method == CG_MAINPATH_KEY_ROUTE && r->npaths)
        cli_out_printf(out, "\n(* marks the key citation of a route)\n");
    if (r->ncycles) {
        cli_out_printf(out, "\n%zu cycle%s, each shrunk into one unit:\n", r->ncycles,
                       r->ncycles == 1 ? "" : "s");
        for (size_t k = 0; k < r->ncycles; k++) {
            cli_out_printf(out, "  ");
            print_cycle(out, g, &r->cycles[k], k + 1);
        }
    }
    if (r->nself_citing) {
        cli_out_printf(out, "\ncitations of themselves left out (%zu):", r->nself_citing);
        for (size_t i = 0; i < r->nself_citing; i++)
            cli_out_printf(out, " %s%s", cg_graph_node(g, r->self_citing[i])->id,
                           i + 1 < r->nself_citing ? ";" : "");
        cli_out_write(out, "\n", 1);
    }
}

/* ---- JSON ---- */

static json_t *path_json(const cg_graph *g, const cg_mainpath_result *r, const cg_mainpath_path *p,
                         bool key_route) {
    json_t *o = json_object(), *nodes = NULL, *arcs = NULL;
    if (gq_set(o, "sum", json_real(p->sum)) &&
        gq_set(o, "normalized_sum", json_real(normalized(r, p->sum))) &&
        gq_set(o, "key_arc", key_route ? json_integer((json_int_t)p->key - 1) : json_null()) &&
        (nodes = gq_set_to(o, "nodes", json_array())))
        arcs = gq_set_to(o, "arcs", json_array());
    bool ok = arcs != NULL;
    for (size_t i = 0; ok && i < p->nsteps; i++) {
        const cg_mainpath_step *s = &p->steps[i];
        json_t *n = gq_pushed(nodes, cg_graph_node_json(g, s->node, NULL));
        ok = n && gq_set(n, "cycle", s->cycle ? json_integer((json_int_t)s->cycle) : json_null());
        if (!ok || !i) continue;
        json_t *a = gq_pushed(arcs, json_object());
        ok = a && gq_set(a, "cited", json_string(cg_graph_node(g, p->steps[i - 1].node)->id)) &&
             gq_set(a, "citing", json_string(cg_graph_node(g, s->node)->id)) &&
             gq_set(a, "weight", json_real(s->weight)) &&
             gq_set(a, "normalized", json_real(normalized(r, s->weight)));
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static bool emit_json(const query *qy, const cg_mainpath_options *mo, const cg_mainpath_result *r) {
    const cg_graph *g = qy->g;
    json_t *root = json_object(), *net = NULL, *paths = NULL, *cycles = NULL, *self = NULL;
    bool key_route = mo->method == CG_MAINPATH_KEY_ROUTE;
    if (gq_set(root, "version", json_integer(MAINPATH_JSON_VERSION)) &&
        gq_set(root, "weight", json_string(cg_traversal_weight_name(mo->weight))) &&
        gq_set(root, "method", json_string(cg_mainpath_method_name(mo->method))) &&
        gq_set(root, "top",
               /* --top 0, all: SIZE_MAX inside, 0 as given */
               key_route ? json_integer(mo->top == SIZE_MAX ? 0 : (json_int_t)mo->top)
                         : json_null()))
        net = gq_set_to(root, "network", json_object());
    bool ok = net && gq_set(net, "units", json_integer((json_int_t)r->units)) &&
              gq_set(net, "arcs", json_integer((json_int_t)r->arcs)) &&
              gq_set(net, "sources", json_integer((json_int_t)r->sources)) &&
              gq_set(net, "sinks", json_integer((json_int_t)r->sinks)) &&
              gq_set(net, "total", json_real(r->total)) &&
              gq_set(net, "max_weight", json_real(r->max_weight)) &&
              (paths = gq_set_to(root, "paths", json_array())) &&
              (cycles = gq_set_to(root, "cycles", json_array())) &&
              (self = gq_set_to(root, "self_citing", json_array()));
    for (size_t i = 0; ok && i < r->npaths; i++)
        ok = gq_push(paths, path_json(g, r, &r->paths[i], key_route));
    for (size_t k = 0; ok && k < r->ncycles; k++) {
        json_t *m = gq_pushed(cycles, json_array());
        ok = m != NULL;
        for (size_t i = 0; ok && i < r->cycles[k].nmembers; i++)
            ok = gq_push(m, json_string(cg_graph_node(g, r->cycles[k].members[i])->id));
    }
    for (size_t i = 0; ok && i < r->nself_citing; i++)
        ok = gq_push(self, json_string(cg_graph_node(g, r->self_citing[i])->id));
    if (!ok) {
        json_decref(root);
        return false;
    }
    return gq_emit_json(qy->out, root);
}

int q_mainpath(const query *qy) {
    const opts *o = qy->o;
    cg_mainpath_options mo = {(cg_traversal_weight)o->mp_weight, (cg_mainpath_method)o->mp_method,
                              0};
    if (mo.method == CG_MAINPATH_KEY_ROUTE)
        mo.top = o->top < 0 ? KEY_ROUTES_DEFAULT : o->top == LONG_MAX ? SIZE_MAX : (size_t)o->top;
    cg_mainpath_result r;
    cg_error err;
    if (cg_graph_mainpath(qy->g, &mo, &r, &err) != CG_OK)
        return cli_fail(qy->c, &err, "main path analysis failed", EXIT_FAILED);
    int rc = EXIT_OK;
    if (o->common.format == 2) { /* dot: the third of text|json|dot */
        cg_buf dot = CG_BUF_INIT;
        if (cg_mainpath_write_dot(qy->g, &r, mo.weight, &dot, &err) != CG_OK)
            rc = EXIT_NOMEM;
        else
            cli_out_write(qy->out, dot.data, dot.len);
        cg_buf_release(&dot);
    } else if (qy->json) {
        rc = emit_json(qy, &mo, &r) ? EXIT_OK : EXIT_NOMEM;
    } else {
        print_text(qy, &mo, &r);
    }
    cg_mainpath_result_release(&r);
    return rc;
}
