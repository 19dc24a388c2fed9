/* cmd_accuracy.c - `citegraph accuracy`: the extractor against a gold set
 * (citegraph/accuracy.h): a table of precision, recall and F1 per kind, and
 * every mismatch with its file, line and the line's text. With
 * --thresholds FILE, the exit status is 1 when a figure falls below its
 * threshold, so that the test suite catches a regression. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph/accuracy.h"
#include "cli.h"

static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NAMEs of GOLD_DIR/NAME.gold.tsv (or, with `metadata`, of GOLD_DIR/gold-NAME.tsv, the
 * whole file name kept), sorted: EXIT_OK; EXIT_USAGE when the directory cannot be read
 * (said), EXIT_NOMEM. */
static int gold_names(cli *c, const char *dir, int metadata, char ***out, size_t *n) {
    *out = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        cli_error(c, "%s: cannot read directory: %s", dir, strerror(errno));
        return EXIT_USAGE;
    }
    size_t cap = 0;
    struct dirent *de;
    int rc = EXIT_OK;
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (metadata ? len <= 9 || strncmp(de->d_name, "gold-", 5) != 0 ||
                           strcmp(de->d_name + len - 4, ".tsv") != 0
                     : len <= 9 || strcmp(de->d_name + len - 9, ".gold.tsv") != 0)
            continue;
        if (*n == cap) {
            size_t ncap = cap ? 2 * cap : 64;
            char **grown = realloc(*out, ncap * sizeof *grown);
            if (!grown) {
                rc = EXIT_NOMEM;
                break;
            }
            *out = grown;
            cap = ncap;
        }
        if (!((*out)[*n] = strndup(de->d_name, metadata ? len : len - 9))) {
            rc = EXIT_NOMEM;
            break;
        }
        (*n)++;
    }
    closedir(d);
    if (rc == EXIT_OK && *n) qsort(*out, *n, sizeof **out, cmp_name);
    return rc;
}

static void print_mismatch(cli_out *out, const cg_mismatch *m) {
    const char *at = *m->locator ? " @ " : "";
    const char *p = m->page ? "p" : ""; /* a PDF's gold is by page: "2101576:p3" */
    switch (m->what) {
    case CG_MISMATCH_LOCATOR:
        cli_out_printf(out, "LOC %s:%s%zu: %s %s: locator '%s', expected '%s'\n", m->document, p,
                       m->line, m->kind, m->target, m->locator, m->expected);
        break;
    case CG_MISMATCH_RELATION:
        cli_out_printf(out, "REL %s:%s%zu: %s %s: relation %s, expected %s\n", m->document, p,
                       m->line, m->kind, m->target, m->found, m->expected);
        break;
    case CG_MISMATCH_MISSED:
        cli_out_printf(out, "FN  %s:%s%zu: %s %s%s%s | %s\n", m->document, p, m->line, m->kind,
                       m->target, at, m->locator, m->line_text);
        break;
    case CG_MISMATCH_EXTRA:
        cli_out_printf(out, "FP  %s:%s%zu: %s %s%s%s | %s\n", m->document, p, m->line, m->kind,
                       m->target, at, m->locator, m->line_text);
        break;
    case CG_MISMATCH_ANSWER:
        cli_out_printf(out, "ANS %s.questions.tsv:%zu: Frage %s: answered %s, expected %s\n",
                       m->document, m->line, m->target, m->found, m->expected);
        break;
    case CG_MISMATCH_TITLE:
    case CG_MISMATCH_AUTHORS:
    case CG_MISMATCH_TYPE:
    case CG_MISMATCH_UNREADABLE: /* metadata only: print_meta_mismatch */
        break;
    }
}

static double ratio(size_t a, size_t b) {
    return b ? (double)a / (double)b : 1.0;
}

static void print_meta_mismatch(cli *c, cli_out *out, const cg_mismatch *m) {
    switch (m->what) {
    case CG_MISMATCH_TITLE:
        cli_out_printf(out, "TITLE   %s\n  expected: %s\n  found:    %s\n", m->document,
                       m->expected, m->found);
        break;
    case CG_MISMATCH_AUTHORS:
        cli_out_printf(out, "URHEBER %s\n  expected: %s\n  found:    %s\n", m->document,
                       m->expected, m->found);
        break;
    case CG_MISMATCH_TYPE:
        cli_out_printf(out, "TYPE    %s\n  expected: %s\n  found:    %s\n", m->document,
                       m->expected, m->found);
        break;
    default:
        (void)c;
        break;
    }
}

/* Compares the metadata of every gold-*.tsv of the directory, whose documents are in its
 * docs/; a document that could not be read is said, and gives EXIT_FAILED. */
static int measure_metadata(cli *c, const cg_extractor *ex, const char *dir, char **names, size_t n,
                            cg_accuracy *acc) {
    int rc = EXIT_OK;
    char docs[4096];
    snprintf(docs, sizeof docs, "%s/docs", dir);
    for (size_t k = 0; k < n && rc != EXIT_NOMEM; k++) {
        char gold_path[4096];
        snprintf(gold_path, sizeof gold_path, "%s/%s", dir, names[k]);
        cg_error err;
        if (cg_accuracy_add_metadata(acc, gold_path, docs, ex, &err) != CG_OK) {
            int st = cli_fail(c, &err, NULL, EXIT_FAILED);
            if (rc == EXIT_OK || st == EXIT_NOMEM) rc = st;
        }
    }
    const cg_mismatch *ms;
    size_t nm = cg_accuracy_mismatches(acc, &ms);
    for (size_t i = 0; i < nm; i++)
        if (ms[i].what == CG_MISMATCH_UNREADABLE) {
            cli_error(c, "%s: %s", ms[i].document, ms[i].expected);
            if (rc == EXIT_OK) rc = EXIT_FAILED;
        }
    return rc;
}

static void print_meta_table(cli_out *out, const cg_metadata_tally *t) {
    cli_out_printf(out, "\n%-10s %6s %6s %7s\n", "field", "exact", "total", "share");
    cli_out_printf(out, "%-10s %6zu %6zu %7.4f\n", "title", t->titles_ok, t->documents,
                   ratio(t->titles_ok, t->documents));
    cli_out_printf(out, "%-10s %6zu %6zu %7.4f\n", "urheber", t->authors_ok, t->documents,
                   ratio(t->authors_ok, t->documents));
    cli_out_printf(out, "%-10s %6zu %6zu %7.4f\n", "type", t->types_ok, t->documents,
                   ratio(t->types_ok, t->documents));
}

static void print_tally(cli_out *out, const cg_tally *t) {
    double p = ratio(t->tp, t->found), r = ratio(t->tp, t->gold);
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    cli_out_printf(out, "%-24s %6zu %6zu %6zu %6zu %6zu %9.4f %7.4f %7.4f\n", t->kind, t->gold,
                   t->found, t->tp, t->found - t->tp, t->gold - t->tp, p, r, f1);
}

/* Compares every document of the gold set; EXIT_FAILED when one could not be. */
static int measure(cli *c, const cg_extractor *ex, const char *dir, char **names, size_t n,
                   cg_accuracy *acc) {
    int rc = EXIT_OK;
    for (size_t k = 0; k < n && rc != EXIT_NOMEM; k++) {
        char gold_path[4096], text_path[4096];
        snprintf(gold_path, sizeof gold_path, "%s/%s.gold.tsv", dir, names[k]);
        /* the document: NAME.txt, or NAME.pdf (whose gold file is by page) */
        snprintf(text_path, sizeof text_path, "%s/%s.txt", dir, names[k]);
        if (access(text_path, F_OK) != 0)
            snprintf(text_path, sizeof text_path, "%s/%s.pdf", dir, names[k]);
        cg_input *in = NULL;
        cg_extraction *ext = NULL;
        cg_error err;
        /* NAME.questions.tsv beside it: how an Antwort answers each question */
        char answers_path[4096];
        snprintf(answers_path, sizeof answers_path, "%s/%s.questions.tsv", dir, names[k]);
        bool has_answers = access(answers_path, F_OK) == 0;
        if (cg_input_read_file(text_path, NULL, &in, &err) != CG_OK ||
            cg_extract(ex, in, &ext, &err) != CG_OK ||
            cg_accuracy_add(acc, names[k], gold_path, in, ext, &err) != CG_OK ||
            (has_answers &&
             cg_accuracy_add_answers(acc, names[k], answers_path, ext, &err) != CG_OK)) {
            int st = cli_fail(c, &err, NULL, EXIT_FAILED);
            if (rc == EXIT_OK || st == EXIT_NOMEM) rc = st;
        }
        cg_extraction_free(ext);
        cg_input_free(in);
    }
    return rc;
}

int cmd_accuracy(cli *c, int argc, char **argv) {
    cli_args a;
    int rc = EXIT_OK;
    const char *thresholds = NULL;
    cli_common o = {0};
    size_t nnames = 0;
    char **names = NULL;
    cg_extractor *ex = NULL;
    cg_accuracy *acc = NULL;
    cg_error err;
    if (!cli_parse_command(c, CMD_ACCURACY, argc, argv, &a, &rc)) goto out;
    if ((rc = cli_read_common(c, &a, &o)) != EXIT_OK) goto out;
    const cli_opt_value *th = cli_args_last(&a, OPT_THRESHOLDS);
    if (th) thresholds = th->value;
    if (a.npositionals != 1) {
        rc = cli_usage_error(c, "%s", a.npositionals ? "one GOLD_DIR only" : "no GOLD_DIR given");
        goto out;
    }
    const char *dir = a.positionals[0];
    cg_extractor_options eo = {o.patterns, o.npatterns};
    if (cg_extractor_new(&eo, &ex, &err) != CG_OK) {
        rc = cli_grammar_fail(c, &err);
        goto out;
    }
    /* a directory with gold-*.tsv holds a metadata gold set (titles, authors, types) */
    int metadata = 0;
    if ((rc = gold_names(c, dir, 1, &names, &nnames)) != EXIT_OK) goto out;
    metadata = nnames > 0;
    if (!metadata && (rc = gold_names(c, dir, 0, &names, &nnames)) != EXIT_OK) goto out;
    /* no gold file: nothing measured must not read as a perfect score */
    if (!nnames) {
        rc = cli_usage_error(c,
                             "%s holds no gold file (NAME.gold.tsv beside NAME.txt or NAME.pdf, "
                             "or gold-*.tsv of metadata)",
                             dir);
        goto out;
    }
    if (cg_accuracy_new(&acc, &err) != CG_OK) {
        rc = cli_fail(c, &err, NULL, EXIT_FAILED);
        goto out;
    }
    rc = metadata ? measure_metadata(c, ex, dir, names, nnames, acc)
                  : measure(c, ex, dir, names, nnames, acc);
    if (rc == EXIT_NOMEM) goto out;
    cli_out out;
    int opened = cli_out_open(c, &out, NULL);
    if (opened != EXIT_OK) {
        rc = opened;
        goto out;
    }
    const cg_mismatch *ms;
    size_t nm = cg_accuracy_mismatches(acc, &ms);
    if (metadata) {
        for (size_t i = 0; !c->quiet && i < nm; i++)
            print_meta_mismatch(c, &out, &ms[i]);
        cg_metadata_tally mt = cg_accuracy_metadata(acc);
        print_meta_table(&out, &mt);
        cli_out_printf(&out, "documents: %zu in %zu gold file%s\n", mt.documents, nnames,
                       nnames == 1 ? "" : "s");
        goto thresholds;
    }
    for (size_t i = 0; !c->quiet && i < nm; i++)
        print_mismatch(&out, &ms[i]);
    const cg_tally *ts;
    size_t nt = cg_accuracy_tallies(acc, &ts), matched, locator_ok, relation_ok;
    cg_tally all;
    cg_accuracy_overall(acc, &all, &matched, &locator_ok, &relation_ok);
    cli_out_printf(&out, "\n%-24s %6s %6s %6s %6s %6s %9s %7s %7s\n", "kind", "gold", "found", "TP",
                   "FP", "FN", "precision", "recall", "F1");
    for (size_t i = 0; i < nt; i++)
        print_tally(&out, &ts[i]);
    print_tally(&out, &all);
    cli_out_printf(&out, "locator accuracy on %zu matched rows: %.4f\n", matched,
                   ratio(locator_ok, matched));
    cli_out_printf(&out, "relation accuracy on %zu matched rows: %.4f\n", matched,
                   ratio(relation_ok, matched));
    /* per relation: a row counts for the relation the gold or the extractor gives it */
    const cg_tally *rs;
    size_t nr = cg_accuracy_relations(acc, &rs);
    cli_out_printf(&out, "\n%-24s %6s %6s %6s %6s %6s %9s %7s %7s\n", "relation", "gold", "found",
                   "TP", "FP", "FN", "precision", "recall", "F1");
    for (size_t i = 0; i < nr; i++)
        print_tally(&out, &rs[i]);
    cg_answer_tally at = cg_accuracy_answers(acc);
    if (at.questions) {
        cli_out_printf(&out,
                       "\nanswers: %zu questions, answered as the gold says: %zu (%.4f); "
                       "only by reference: gold %zu, found %zu, both %zu (precision %.4f, "
                       "recall %.4f)\n",
                       at.questions, at.agree, ratio(at.agree, at.questions), at.gold_reference,
                       at.found_reference, at.both_reference,
                       ratio(at.both_reference, at.found_reference),
                       ratio(at.both_reference, at.gold_reference));
    }
    cli_out_printf(&out, "documents: %zu\n", nnames);
thresholds:
    if (thresholds) {
        cg_buf report = CG_BUF_INIT;
        size_t misses;
        if (cg_accuracy_check_thresholds(acc, thresholds, &report, &misses, &err) != CG_OK) {
            rc = cli_fail(c, &err, NULL, EXIT_USAGE);
        } else {
            cli_out_buf(&out, &report);
            if (misses) {
                cli_error(c, "%zu figure%s below the thresholds in %s", misses,
                          misses == 1 ? "" : "s", thresholds);
                if (rc == EXIT_OK) rc = EXIT_FAILED;
            }
        }
        cg_buf_release(&report);
    }
    int wrote = cli_out_close(c, &out);
    if (rc == EXIT_OK) rc = wrote;
out:
    if (rc == EXIT_NOMEM) cli_nomem(c);
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    cg_accuracy_free(acc);
    cg_extractor_free(ex);
    cli_common_release(&o);
    cli_args_free(&a);
    return rc;
}
