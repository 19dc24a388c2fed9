/* mainpath_dot.c - the main path(s) of cg_graph_mainpath() as Graphviz DOT
 * (citegraph/mainpath.h): the union of the paths, each node named as the
 * graph's DOT export names it (cge_node_name), each arc labelled with its
 * weight. The arcs are written cited -> citing so that dot puts the
 * oldest document at the top, and drawn with dir=back, so that the arrow
 * points from citing to cited as in every other picture of citegraph. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/mainpath.h"
#include "export/dot_label.h"
#include "node_fields.h"
#include "util/util.h"

/* An arc of the picture: from the step a (cited) to b (citing), by node. */
typedef struct dot_arc {
    size_t a, b;
    double w;
} dot_arc;

static int cmp_arc(const void *x, const void *y) {
    const dot_arc *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static int cmp_step(const void *x, const void *y) {
    const cg_mainpath_step *p = x, *q = y;
    return (p->node > q->node) - (p->node < q->node);
}

/* The label of a step: the node's name, type and date; a cycle's members. */
static int step_label(cg_buf *out, const cg_graph *g, const cg_mainpath_result *r,
                      const cg_mainpath_step *s) {
    char name[128];
    if (s->cycle) {
        const cg_mainpath_cycle *c = &r->cycles[s->cycle - 1];
        int rc = cgu_buf_printf(out, "cycle %zu:", s->cycle);
        for (size_t i = 0; !rc && i < c->nmembers; i++) {
            const cg_node *m = cg_graph_node(g, c->members[i]);
            rc = cgu_buf_puts(out, "\n") || cgu_buf_puts(out, cge_node_name(m, name, sizeof name));
        }
        return rc;
    }
    const cg_node *n = cg_graph_node(g, s->node);
    int rc = cgu_buf_puts(out, cge_node_name(n, name, sizeof name));
    if (!rc && (n->type || n->date))
        rc = cgu_buf_printf(out, "\n%s%s%s", n->type ? n->type : "", n->type && n->date ? ", " : "",
                            n->date ? n->date : "");
    return rc;
}

cg_status cg_mainpath_write_dot(const cg_graph *g, const cg_mainpath_result *r,
                                cg_traversal_weight weight, cg_buf *out, cg_error *err) {
    size_t nsteps = 0;
    for (size_t i = 0; i < r->npaths; i++)
        nsteps += r->paths[i].nsteps;
    cg_mainpath_step *steps = malloc((nsteps ? nsteps : 1) * sizeof *steps);
    dot_arc *arcs = malloc((nsteps ? nsteps : 1) * sizeof *arcs);
    cg_buf label = CG_BUF_INIT;
    if (!steps || !arcs) {
        free(steps);
        free(arcs);
        return cgu_oom(err);
    }
    size_t ns = 0, na = 0;
    for (size_t i = 0; i < r->npaths; i++)
        for (size_t j = 0; j < r->paths[i].nsteps; j++) {
            const cg_mainpath_step *s = &r->paths[i].steps[j];
            steps[ns++] = *s;
            if (j) arcs[na++] = (dot_arc){r->paths[i].steps[j - 1].node, s->node, s->weight};
        }
    /* the union: each node and arc once, in node order */
    if (ns) qsort(steps, ns, sizeof *steps, cmp_step);
    if (na) qsort(arcs, na, sizeof *arcs, cmp_arc);
    const char *wname = cg_traversal_weight_name(weight);
    int rc = cgu_buf_printf(out,
                            "// the main path(s) of citegraph mainpath, weight %s; arrows point "
                            "from citing to cited, the oldest at the top\n"
                            "digraph mainpath {\n"
                            "    rankdir=TB;\n"
                            "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", "
                            "fontname=\"Helvetica\", fontsize=10];\n"
                            "    edge [dir=back, fontname=\"Helvetica\", fontsize=9];\n",
                            wname);
    for (size_t i = 0; !rc && i < ns; i++) {
        if (i && steps[i].node == steps[i - 1].node) continue;
        cg_buf_clear(&label);
        rc = step_label(&label, g, r, &steps[i]) ||
             cgu_buf_printf(out, "    n%zu [label=", steps[i].node) ||
             cge_dot_str(out, label.data) || cgu_buf_puts(out, ", tooltip=") ||
             cge_dot_str(out, cg_graph_node(g, steps[i].node)->id) ||
             cgu_buf_puts(out, steps[i].cycle ? ", fillcolor=\"#fbeeee\"];\n" : "];\n");
    }
    for (size_t i = 0; !rc && i < na; i++) {
        if (i && arcs[i].a == arcs[i - 1].a && arcs[i].b == arcs[i - 1].b) continue;
        double norm = r->total > 0 ? arcs[i].w / r->total : 0;
        rc = cgu_buf_printf(out, "    n%zu -> n%zu [label=\"%s %.17g\\n%.4f\"];\n", arcs[i].a,
                            arcs[i].b, wname, arcs[i].w, norm);
    }
    rc = rc || cgu_buf_puts(out, "}\n");
    cg_buf_release(&label);
    free(steps);
    free(arcs);
    return rc ? cgu_oom(err) : CG_OK;
}
