/* cmd_accuracy.c - `citegraph accuracy`: the extractor against a gold set.
 *
 * A gold set is a directory of NAME.txt documents, each with a
 * NAME.gold.tsv listing every reference a careful reader finds (columns
 * line, kind, target, locator, relation; '#' lines are comments). An
 * extracted reference matches a gold row when line, kind and target agree;
 * each row matches at most once. On matched rows the locator and the
 * relation are compared. The report gives precision, recall and F1 per kind
 * and overall, locator and relation accuracy, and every false positive and
 * false negative with its file, line and the line's text. With
 * --thresholds FILE, the exit status is 1 when a figure falls below its
 * threshold, so that the test suite catches a regression. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "cli.h"

static const char accuracy_help[] =
    "Usage: citegraph accuracy [OPTIONS] GOLD_DIR\n"
    "\n"
    "Measure the extractor against a gold set: GOLD_DIR holds NAME.txt documents,\n"
    "each with a NAME.gold.tsv of every reference in it (columns line, kind,\n"
    "target, locator, relation; lines starting with # are comments).\n"
    "\n"
    "A reference found matches a gold row when line, kind and target agree. The\n"
    "report gives precision, recall and F1 per kind and overall, the share of\n"
    "matched rows with the right locator and relation, and lists every false\n"
    "positive (FP) and false negative (FN) with file, line and the line's text.\n"
    "\n"
    "Options:\n"
    "      --thresholds FILE  lines 'KIND MIN_PRECISION MIN_RECALL' (KIND may be\n"
    "                         'overall'), and 'locator MIN' and 'relation MIN';\n"
    "                         exit 1 when a figure is below its threshold\n"
    "      --patterns FILE    extend or override the grammar (see 'citegraph grammar')\n"
    "  -q, --quiet            only the table, not the lists of FP and FN\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit status: 0 all figures at or above the thresholds, 1 some below or a file\n"
    "unreadable, 2 usage error.\n";

typedef struct row {
    size_t line;
    char *kind, *target, *locator, *relation;
    int matched;
} row;

typedef struct rows {
    row *v;
    size_t n, cap;
} rows;

typedef struct tally {
    char kind[48];
    size_t gold, found, tp;
} tally;

typedef struct stats {
    tally kinds[64];
    size_t nkinds;
    size_t matched, locator_ok, relation_ok;
} stats;

static tally *tally_for(stats *s, const char *kind) {
    for (size_t i = 0; i < s->nkinds; i++)
        if (strcmp(s->kinds[i].kind, kind) == 0) return &s->kinds[i];
    if (s->nkinds == 64) return &s->kinds[63];
    tally *t = &s->kinds[s->nkinds++];
    memset(t, 0, sizeof *t);
    snprintf(t->kind, sizeof t->kind, "%s", kind);
    return t;
}

static void push_row(rows *r, size_t line, const char *kind, const char *target,
                     const char *locator, const char *relation) {
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 64;
        r->v = realloc(r->v, r->cap * sizeof *r->v);
        if (!r->v) abort();
    }
    row *x = &r->v[r->n++];
    x->line = line;
    x->kind = strdup(kind);
    x->target = strdup(target);
    x->locator = strdup(locator ? locator : "");
    x->relation = strdup(relation);
    x->matched = 0;
}

static void free_rows(rows *r) {
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].kind);
        free(r->v[i].target);
        free(r->v[i].locator);
        free(r->v[i].relation);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}

/* Reads NAME.gold.tsv; returns 0, or -1 with a message on a malformed line. */
static int read_gold(cli *c, const char *path, rows *out) {
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_error(c, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int header_seen = 0, rc = 0;
    while ((len = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (!len || line[0] == '#') continue;
        if (!header_seen) {
            header_seen = 1;
            if (strncmp(line, "line\t", 5) == 0) continue;
        }
        char *f0 = line, *f1 = strchr(f0, '\t'), *f2, *f3, *f4;
        if (!f1 || !(f2 = strchr(f1 + 1, '\t')) || !(f3 = strchr(f2 + 1, '\t')) ||
            !(f4 = strchr(f3 + 1, '\t'))) {
            cli_error(c, "%s:%zu: expected 5 tab-separated columns", path, lineno);
            rc = -1;
            break;
        }
        *f1++ = *f2++ = *f3++ = *f4++ = '\0';
        char *end;
        unsigned long ln = strtoul(f0, &end, 10);
        if (*end || !ln) {
            cli_error(c, "%s:%zu: '%s' is not a line number", path, lineno, f0);
            rc = -1;
            break;
        }
        push_row(out, ln, f1, f2, f3, f4);
    }
    free(line);
    fclose(f);
    return rc;
}

/* The text of 1-based line `n`, trimmed to 110 bytes. */
static void line_text(const cg_input *in, size_t n, char *buf, size_t cap) {
    const char *d = cg_input_data(in), *end = d + cg_input_size(in);
    for (size_t l = 1; l < n && d < end; l++) {
        const char *nl = memchr(d, '\n', (size_t)(end - d));
        d = nl ? nl + 1 : end;
    }
    const char *e = memchr(d, '\n', (size_t)(end - d));
    size_t len = (size_t)((e ? e : end) - d);
    while (len && (*d == ' ' || *d == '\t')) d++, len--;
    if (len > 110) len = 110;
    snprintf(buf, cap, "%.*s", (int)len, d);
    for (char *p = buf; *p; p++)
        if (*p == '\t' || *p == '\r' || *p == '\0') *p = ' ';
}

static int same(const row *a, const row *b) {
    return a->line == b->line && strcmp(a->kind, b->kind) == 0 &&
           strcmp(a->target, b->target) == 0;
}

/* Matches found against gold: first pairs whose locator agrees too, then any. */
static void match(rows *gold, rows *found, stats *s, int verbose, const char *file,
                  const cg_input *in) {
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < found->n; i++) {
            row *f = &found->v[i];
            if (f->matched) continue;
            for (size_t j = 0; j < gold->n; j++) {
                row *g = &gold->v[j];
                if (g->matched || !same(f, g)) continue;
                if (pass == 0 && strcmp(f->locator, g->locator) != 0) continue;
                f->matched = g->matched = 1;
                s->matched++;
                tally_for(s, g->kind)->tp++;
                if (strcmp(f->locator, g->locator) == 0) s->locator_ok++;
                else if (verbose)
                    printf("LOC %s:%zu: %s %s: locator '%s', expected '%s'\n", file, g->line,
                           g->kind, g->target, f->locator, g->locator);
                if (strcmp(f->relation, g->relation) == 0) s->relation_ok++;
                else if (verbose)
                    printf("REL %s:%zu: %s %s: relation %s, expected %s\n", file, g->line,
                           g->kind, g->target, f->relation, g->relation);
                break;
            }
        }
    char text[128];
    for (size_t j = 0; j < gold->n; j++) {
        tally_for(s, gold->v[j].kind)->gold++;
        if (!gold->v[j].matched && verbose) {
            line_text(in, gold->v[j].line, text, sizeof text);
            printf("FN  %s:%zu: %s %s%s%s | %s\n", file, gold->v[j].line, gold->v[j].kind,
                   gold->v[j].target, *gold->v[j].locator ? " @ " : "", gold->v[j].locator, text);
        }
    }
    for (size_t i = 0; i < found->n; i++) {
        tally_for(s, found->v[i].kind)->found++;
        if (!found->v[i].matched && verbose) {
            line_text(in, found->v[i].line, text, sizeof text);
            printf("FP  %s:%zu: %s %s%s%s | %s\n", file, found->v[i].line, found->v[i].kind,
                   found->v[i].target, *found->v[i].locator ? " @ " : "", found->v[i].locator,
                   text);
        }
    }
}

static double ratio(size_t a, size_t b) {
    return b ? (double)a / (double)b : 1.0;
}

static int cmp_tally(const void *a, const void *b) {
    return strcmp(((const tally *)a)->kind, ((const tally *)b)->kind);
}

static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Checks the figures against a thresholds file; prints each miss. */
static int check_thresholds(cli *c, const char *path, const stats *s, const tally *all) {
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_error(c, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char line[256];
    int misses = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char kind[64];
        double a = 0, b = 0;
        if (line[0] == '#' || line[0] == '\n') continue;
        int n = sscanf(line, "%63s %lf %lf", kind, &a, &b);
        if (n < 2) {
            cli_error(c, "%s:%d: expected 'KIND MIN_PRECISION MIN_RECALL'", path, lineno);
            fclose(f);
            return -1;
        }
        if (strcmp(kind, "locator") == 0 || strcmp(kind, "relation") == 0) {
            double v = ratio(kind[0] == 'l' ? s->locator_ok : s->relation_ok, s->matched);
            if (v + 1e-9 < a) {
                printf("BELOW %s accuracy %.4f < %.4f\n", kind, v, a);
                misses++;
            }
            continue;
        }
        const tally *t = NULL;
        if (strcmp(kind, "overall") == 0) t = all;
        for (size_t i = 0; !t && i < s->nkinds; i++)
            if (strcmp(s->kinds[i].kind, kind) == 0) t = &s->kinds[i];
        if (!t) {
            printf("BELOW %s: no such kind in the gold set\n", kind);
            misses++;
            continue;
        }
        double p = ratio(t->tp, t->found), r = ratio(t->tp, t->gold);
        if (p + 1e-9 < a) {
            printf("BELOW %s precision %.4f < %.4f\n", kind, p, a);
            misses++;
        }
        if (n >= 3 && r + 1e-9 < b) {
            printf("BELOW %s recall %.4f < %.4f\n", kind, r, b);
            misses++;
        }
    }
    fclose(f);
    return misses;
}

int cmd_accuracy(cli *c, int argc, char **argv) {
    const char *dir = NULL, *thresholds = NULL;
    const char **patterns = calloc((size_t)argc + 1, sizeof *patterns);
    size_t npatterns = 0;
    int verbose = 1, rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(accuracy_help, stdout);
            free(patterns);
            return EXIT_OK;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            verbose = 0;
        } else if (strcmp(a, "--thresholds") == 0 || strcmp(a, "--patterns") == 0) {
            if (i + 1 >= argc) {
                free(patterns);
                return cli_usage_error(c, "accuracy ", "%s needs a file", a);
            }
            if (a[2] == 't') thresholds = argv[++i];
            else patterns[npatterns++] = argv[++i];
        } else if (a[0] == '-') {
            free(patterns);
            return cli_usage_error(c, "accuracy ", "unknown option '%s'", a);
        } else if (!dir) {
            dir = a;
        } else {
            free(patterns);
            return cli_usage_error(c, "accuracy ", "one GOLD_DIR only");
        }
    }
    if (!dir) {
        free(patterns);
        return cli_usage_error(c, "accuracy ", "no GOLD_DIR given");
    }
    cg_extractor *ex = NULL;
    cg_error err;
    cg_extractor_options opts = {0};
    opts.pattern_files = patterns;
    opts.n_pattern_files = npatterns;
    if (cg_extractor_new(&opts, &ex, &err) != CG_OK) {
        cli_grammar_error(c, &err);
        free(patterns);
        return EXIT_USAGE;
    }
    free(patterns);
    DIR *d = opendir(dir);
    if (!d) {
        cli_error(c, "%s: cannot read directory: %s", dir, strerror(errno));
        cg_extractor_free(ex);
        return EXIT_USAGE;
    }
    char **names = NULL;
    size_t nnames = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n > 9 && strcmp(de->d_name + n - 9, ".gold.tsv") == 0) {
            names = realloc(names, (nnames + 1) * sizeof *names);
            names[nnames++] = strndup(de->d_name, n - 9);
        }
    }
    closedir(d);
    if (nnames) qsort(names, nnames, sizeof *names, cmp_name);
    stats s;
    memset(&s, 0, sizeof s);
    for (size_t k = 0; k < nnames; k++) {
        char gold_path[4096], text_path[4096];
        snprintf(gold_path, sizeof gold_path, "%s/%s.gold.tsv", dir, names[k]);
        snprintf(text_path, sizeof text_path, "%s/%s.txt", dir, names[k]);
        rows gold = {0}, found = {0};
        cg_input *in = NULL;
        cg_extraction *ext = NULL;
        if (read_gold(c, gold_path, &gold) != 0 ||
            cg_input_read_file(text_path, NULL, &in, &err) != CG_OK ||
            cg_extract(ex, in, &ext, &err) != CG_OK) {
            if (in == NULL || ext == NULL) cli_error(c, "%s: %s", text_path, err.text);
            rc = EXIT_FAILED;
        } else {
            for (size_t i = 0; i < cg_extraction_count(ext); i++) {
                const cg_reference *r = cg_extraction_reference(ext, i);
                push_row(&found, r->line, r->kind, r->target, r->locator,
                         cg_relation_name(r->relation));
            }
            match(&gold, &found, &s, verbose, names[k], in);
        }
        free_rows(&gold);
        free_rows(&found);
        cg_extraction_free(ext);
        cg_input_free(in);
        free(names[k]);
    }
    free(names);
    cg_extractor_free(ex);
    qsort(s.kinds, s.nkinds, sizeof *s.kinds, cmp_tally);
    tally all;
    memset(&all, 0, sizeof all);
    snprintf(all.kind, sizeof all.kind, "overall");
    printf("\n%-24s %6s %6s %6s %6s %6s %9s %7s %7s\n", "kind", "gold", "found", "TP", "FP", "FN",
           "precision", "recall", "F1");
    for (size_t i = 0; i <= s.nkinds; i++) {
        const tally *t = i < s.nkinds ? &s.kinds[i] : &all;
        if (i < s.nkinds) {
            all.gold += t->gold;
            all.found += t->found;
            all.tp += t->tp;
        }
        double p = ratio(t->tp, t->found), r = ratio(t->tp, t->gold);
        double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        printf("%-24s %6zu %6zu %6zu %6zu %6zu %9.4f %7.4f %7.4f\n", t->kind, t->gold, t->found,
               t->tp, t->found - t->tp, t->gold - t->tp, p, r, f1);
    }
    printf("locator accuracy on %zu matched rows: %.4f\n", s.matched,
           ratio(s.locator_ok, s.matched));
    printf("relation accuracy on %zu matched rows: %.4f\n", s.matched,
           ratio(s.relation_ok, s.matched));
    printf("documents: %zu\n", nnames);
    if (thresholds) {
        int misses = check_thresholds(c, thresholds, &s, &all);
        if (misses < 0) return EXIT_USAGE;
        if (misses > 0) {
            cli_error(c, "%d figure%s below the thresholds in %s", misses, misses == 1 ? "" : "s",
                      thresholds);
            rc = EXIT_FAILED;
        }
    }
    return rc;
}
