/* cmd_similar.c - citegraph similar: the documents most like one by
 * co-citation and bibliographic coupling (citegraph/similar.h), as text or
 * JSON; with --all, every pair of the corpus as CSV, written row by row as
 * the library finds them. */
#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/graph_json.h"
#include "citegraph/similar.h"
#include "graph_cmd.h"

/* How many of the documents two share are named, in text and JSON: enough
 * to see why they are alike; the count says how many there are. */
#define EVIDENCE_SHOWN 10

/* The version of the JSON output's schema (--help, Output). */
#define SIMILAR_JSON_VERSION 1

int similar_usage(cli *c, const opts *o) {
    int format = o->common.format;
    if (o->all_pairs && format >= 0 && format != SIMILAR_CSV)
        return cli_usage_error(c, "--all writes every pair as CSV: drop --format, or give "
                                  "--format csv");
    if (!o->all_pairs && format == SIMILAR_CSV)
        return cli_usage_error(c, "--format csv is the output of --all (every pair of the "
                                  "corpus); for the documents like one ID, give text or json");
    if (o->all_pairs && o->top >= 0)
        return cli_usage_error(c, "--top is for the documents like one ID; --all writes every "
                                  "pair (keep the stronger ones with --min-shared)");
    return EXIT_OK;
}

/* The measures asked for, in the order they are shown. */
static size_t measures_of(cg_similar_measure by, cg_similar_measure out[2]) {
    size_t n = 0;
    if (by & CG_SIMILAR_COCITATION) out[n++] = CG_SIMILAR_COCITATION;
    if (by & CG_SIMILAR_COUPLING) out[n++] = CG_SIMILAR_COUPLING;
    return n;
}

/* ---- --all: CSV ---- */

/* An id longer than this, or one with a comma, quote or line break, is
 * written field by field (quoted); the others are copied into the line. */
#define ID_INLINE_MAX 200
#define ID_QUOTED UINT16_MAX

typedef struct csv_writer {
    cli_out *out;
    /* each node's id length, or ID_QUOTED: measured once, not once a row
     * (strlen and strpbrk were a third of the time of tens of millions of
     * rows); and the ids copied one after the other in node order, at
     * id_text + id_at[v]: reading each id from its node missed the cache
     * on nearly every row (as perf showed), the copies are a few MB read
     * mostly forwards */
    uint16_t *id_len;
    size_t *id_at;
    char *id_text;
    bool failed; /* a write failed: stop, it is reported when the output is closed */
} csv_writer;

/* RFC 4180: quoted when it holds a comma, a quote or a line break, quotes
 * doubled. False once a write failed. */
static bool csv_field(cli_out *out, const char *s) {
    if (!strpbrk(s, ",\"\r\n")) return cli_out_write(out, s, strlen(s));
    bool ok = cli_out_write(out, "\"", 1);
    for (const char *q; ok && (q = strchr(s, '"')) != NULL; s = q + 1)
        ok = cli_out_write(out, s, (size_t)(q - s) + 1) && cli_out_write(out, "\"", 1);
    return ok && cli_out_write(out, s, strlen(s)) && cli_out_write(out, "\"", 1);
}

/* v in decimal at p; returns the end. */
static char *put_count(char *p, uint64_t v) {
    char digits[24];
    int n = 0;
    do
        digits[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    while (n)
        *p++ = digits[--n];
    return p;
}

/* A cosine (0 to 1) with six decimals at p; returns the end. */
static char *put_cosine(char *p, double x) {
    uint64_t micro = (uint64_t)(x * 1e6 + 0.5);
    p = put_count(p, micro / 1000000);
    *p++ = '.';
    for (int i = 5; i >= 0; i--, micro /= 10)
        p[i] = (char)('0' + micro % 10);
    return p + 6;
}

/* A line of tens of millions is formatted by hand: printf's "%.6f" alone
 * took most of the time of --all on a million references. */
static int write_pair(void *ctx, const cg_similar_pair *p) {
    csv_writer *w = ctx;
    const char *a = w->id_text + w->id_at[p->a], *b = w->id_text + w->id_at[p->b];
    size_t la = w->id_len[p->a], lb = w->id_len[p->b];
    char line[2 * ID_INLINE_MAX + 64], *end = line;
    bool ok;
    if (la != ID_QUOTED && lb != ID_QUOTED) {
        memcpy(end, a, la);
        end += la;
        *end++ = ',';
        memcpy(end, b, lb);
        end += lb;
        *end++ = ',';
    } else {
        ok = csv_field(w->out, a) && cli_out_write(w->out, ",", 1) && csv_field(w->out, b) &&
             cli_out_write(w->out, ",", 1);
        if (!ok) return w->failed = true;
    }
    const char *measure = cg_similar_measure_name(p->measure);
    size_t lm = strlen(measure);
    memcpy(end, measure, lm);
    end += lm;
    *end++ = ',';
    end = put_count(end, p->shared);
    *end++ = ',';
    end = put_cosine(end, p->cosine);
    *end++ = '\r';
    *end++ = '\n';
    ok = cli_out_write(w->out, line, (size_t)(end - line));
    w->failed = !ok;
    return !ok;
}

static int all_pairs(const query *qy) {
    size_t n = cg_graph_node_count(qy->g), text_len = 0;
    csv_writer w = {qy->out, malloc((n ? n : 1) * sizeof *w.id_len),
                    malloc((n ? n : 1) * sizeof *w.id_at), NULL, false};
    for (size_t v = 0; w.id_len && w.id_at && v < n; v++) {
        const char *id = cg_graph_node(qy->g, v)->id;
        size_t len = strlen(id);
        w.id_len[v] = len > ID_INLINE_MAX || strpbrk(id, ",\"\r\n") ? ID_QUOTED : (uint16_t)len;
        w.id_at[v] = text_len;
        text_len += len + 1;
    }
    if (w.id_len && w.id_at) w.id_text = malloc(text_len ? text_len : 1);
    if (!w.id_text) {
        free(w.id_len);
        free(w.id_at);
        return EXIT_NOMEM;
    }
    for (size_t v = 0; v < n; v++)
        memcpy(w.id_text + w.id_at[v], cg_graph_node(qy->g, v)->id,
               strlen(cg_graph_node(qy->g, v)->id) + 1);
    int rc = EXIT_OK;
    /* a write that fails is reported when the output is closed */
    if (cli_out_printf(qy->out, "a,b,measure,shared,cosine\r\n")) {
        size_t min = qy->o->min_shared > 0 ? (size_t)qy->o->min_shared : 1;
        cg_error err;
        cg_status st = cg_graph_similar_pairs(qy->g, qy->o->similar_by, min, write_pair, &w, &err);
        if (st != CG_OK && !w.failed) rc = cli_fail(qy->c, &err, NULL, EXIT_FAILED);
    }
    free(w.id_len);
    free(w.id_at);
    free(w.id_text);
    return rc;
}

/* ---- the documents like one ---- */

/* Who shares, in the words of each measure. */
static const char *evidence_words(cg_similar_measure m) {
    return m == CG_SIMILAR_COCITATION ? "cited together by" : "both cite";
}

static void print_list(const query *qy, const cg_similar_list *l) {
    cli_out *out = qy->out;
    const cg_graph *g = qy->g;
    if (l->measure == CG_SIMILAR_COCITATION)
        cli_out_printf(out,
                       "co-citation: cited by %zu document%s; %zu document%s cited together "
                       "with it%s\n",
                       l->degree, l->degree == 1 ? "" : "s", l->total,
                       l->total == 1 ? " is" : "s are", l->ndocs < l->total ? ", the first:" : "");
    else
        cli_out_printf(out,
                       "bibliographic coupling: cites %zu document%s; %zu document%s some of "
                       "them too%s\n",
                       l->degree, l->degree == 1 ? "" : "s", l->total,
                       l->total == 1 ? " cites" : "s cite",
                       l->ndocs < l->total ? ", the first:" : "");
    for (size_t i = 0; i < l->ndocs; i++) {
        const cg_similar_doc *d = &l->docs[i];
        cli_out_printf(out, "  %3zu  %.4f  %zu shared  ", i + 1, d->cosine, d->shared);
        gq_print_node_line(out, cg_graph_node(g, d->node));
        cli_out_printf(out, "         %s:", evidence_words(l->measure));
        for (size_t k = 0; k < d->nevidence; k++)
            cli_out_printf(out, "%s %s", k ? ";" : "",
                           cg_graph_node(g, l->evidence[d->evidence_begin + k])->id);
        if (d->shared > d->nevidence)
            cli_out_printf(out, " (and %zu more)", d->shared - d->nevidence);
        cli_out_write(out, "\n", 1);
    }
}

/* The list as {"measure", "degree", "total", "similar": [...]}; NULL when
 * memory ran out. */
static json_t *list_json(const cg_graph *g, const cg_similar_list *l) {
    json_t *o = json_object(), *arr = NULL;
    if (gq_set(o, "measure", json_string(cg_similar_measure_name(l->measure))) &&
        gq_set(o, "degree", json_integer((json_int_t)l->degree)) &&
        gq_set(o, "total", json_integer((json_int_t)l->total)))
        arr = gq_set_to(o, "similar", json_array());
    bool ok = arr != NULL;
    for (size_t i = 0; ok && i < l->ndocs; i++) {
        const cg_similar_doc *d = &l->docs[i];
        json_t *x = gq_pushed(arr, json_object()), *ev = NULL;
        ok = x && gq_set(x, "rank", json_integer((json_int_t)(i + 1))) &&
             gq_set(x, "cosine", json_real(d->cosine)) &&
             gq_set(x, "shared", json_integer((json_int_t)d->shared)) &&
             gq_set(x, "degree", json_integer((json_int_t)d->degree)) &&
             gq_set(x, "node", cg_graph_node_json(g, d->node, NULL)) &&
             (ev = gq_set_to(x, "evidence", json_array())) != NULL;
        for (size_t k = 0; ok && k < d->nevidence; k++)
            ok = gq_push(ev, json_string(cg_graph_node(g, l->evidence[d->evidence_begin + k])->id));
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int q_similar(const query *qy) {
    if (qy->o->all_pairs) return all_pairs(qy);
    size_t v;
    int found = gq_find(qy, qy->o->ids[0], &v);
    if (found != EXIT_OK) return found;
    const cg_graph *g = qy->g;
    size_t top = qy->o->top < 0 ? 10 : qy->o->top == LONG_MAX ? SIZE_MAX : (size_t)qy->o->top;
    size_t min = qy->o->min_shared > 0 ? (size_t)qy->o->min_shared : 1;
    cg_similar_measure which[2];
    size_t nm = measures_of(qy->o->similar_by, which);
    cg_similar_list lists[2] = {{0}, {0}};
    cg_error err;
    int rc = EXIT_OK;
    for (size_t m = 0; m < nm && rc == EXIT_OK; m++) {
        /* --min-shared: every document is asked for, and those sharing fewer dropped */
        size_t ask = min > 1 ? SIZE_MAX : top;
        if (cg_graph_similar(g, v, which[m], ask, EVIDENCE_SHOWN, &lists[m], &err) != CG_OK) {
            rc = cli_fail(qy->c, &err, NULL, EXIT_FAILED);
            break;
        }
        if (min > 1) {
            /* sorted by cosine, not by count: keep the first `top` that share enough */
            cg_similar_list *l = &lists[m];
            size_t kept = 0, total = 0;
            for (size_t i = 0; i < l->ndocs; i++) {
                if (l->docs[i].shared < min) continue;
                if (kept < top) l->docs[kept++] = l->docs[i];
                total++;
            }
            l->total = total;
            l->ndocs = kept;
        }
    }
    if (rc == EXIT_OK && qy->json) {
        json_t *root = json_object(), *arr = NULL;
        bool ok = gq_set(root, "version", json_integer(SIMILAR_JSON_VERSION)) &&
                  gq_set(root, "node", cg_graph_node_json(g, lists[0].node, NULL));
        if (ok && lists[0].node != v)
            ok = gq_set(root, "asked", json_string(cg_graph_node(g, v)->id));
        if (ok) arr = gq_set_to(root, "measures", json_array());
        ok = arr != NULL;
        for (size_t m = 0; ok && m < nm; m++)
            ok = gq_push(arr, list_json(g, &lists[m]));
        if (!ok) json_decref(root);
        rc = ok && gq_emit_json(qy->out, root) ? EXIT_OK : EXIT_NOMEM;
    } else if (rc == EXIT_OK) {
        if (lists[0].node != v)
            cli_out_printf(qy->out, "%s counts as its document:\n", cg_graph_node(g, v)->id);
        gq_print_node_line(qy->out, cg_graph_node(g, lists[0].node));
        for (size_t m = 0; m < nm; m++)
            print_list(qy, &lists[m]);
    }
    for (size_t m = 0; m < nm; m++)
        cg_similar_list_release(&lists[m]);
    return rc;
}
