/* cmd_extract.c - `citegraph extract`: every reference with its position.
 *
 * Files are processed in byte-wise order of their paths, whatever the order
 * they were given in, so that the same files give the same bytes. A
 * file that cannot be read is reported on stderr (and, in JSON Lines, as a
 * document line with an error) and the run goes on; the exit status is then
 * 1. Documents are read and extracted on -j threads and written in path
 * order (docs.c), so memory holds the documents in flight, not the corpus. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "cli.h"

static const char extract_help[] =
    "Usage: citegraph extract [OPTIONS] PATH...\n"
    "\n"
    "Report every reference the documents make, with its canonical id, locator,\n"
    "relation and exact position in the original file.\n"
    "\n"
    "PATH is a text file, a directory (read recursively, in sorted order, taking\n"
    "files ending in .txt unless --ext says otherwise), or - for standard input.\n"
    "Files are processed in byte-wise order of their paths, whatever the order given.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  jsonl (default) or tsv\n"
    "      --patterns FILE  add or override reference kinds from a grammar file\n"
    "                       (repeatable; see 'citegraph grammar')\n"
    "      --ext LIST       file endings to take from directories, comma-separated\n"
    "                       (default: .txt; an empty LIST takes every file)\n"
    "  -j, --jobs N         documents read and extracted at once (default: one per\n"
    "                       core; 0 too); the output is the same for every N\n"
    "  -q, --quiet          no warnings and no progress on stderr\n"
    "  -h, --help           show this help\n"
    "\n"
    "JSON Lines: one {\"type\":\"document\"} line per file (its own id, type, title,\n"
    "date, number of references, warnings and any error), then one\n"
    "{\"type\":\"reference\"} line per reference (file, doc, line, col, offset,\n"
    "length, kind, target, locator, relation, text, resolves_to, ambiguous,\n"
    "malformed, note), and a final {\"type\":\"summary\"} line. line and col are\n"
    "1-based, col in characters; offset and length are bytes of the original file.\n"
    "\n"
    "TSV: a header, then the columns file, line, kind, target, locator, relation.\n"
    "\n"
    "Exit status: 0 success, 1 some input could not be read, 2 usage error.\n";

typedef enum { FMT_JSONL, FMT_TSV } out_format;

typedef struct run {
    cli *c;
    out_format format;
    const cg_extractor *ex;
    size_t files, failed, references, warned;
    bool write_failed;
    int write_errno;
} run;

static bool flush(run *r, cg_string *s) {
    bool ok = cli_write(s->data ? s->data : "", s->len);
    s->len = 0;
    if (!ok && !r->write_failed) {
        r->write_failed = true;
        r->write_errno = errno;
    }
    return ok;
}

static void report_failure(run *r, const char *path, const char *message) {
    cli_error(r->c, "%s: %s", path, message);
    r->failed++;
    if (r->format == FMT_JSONL) {
        cg_string s = {0};
        if (cg_write_jsonl(&s, path, NULL, NULL, message) == CG_OK) flush(r, &s);
        cg_string_release(&s);
    }
}

/* The serialised output of one document, made on a worker thread. */
typedef struct doc_output {
    cg_string text;
    cg_status status;
    size_t references;
} doc_output;

static void prepare(cli_doc *doc, void *ctx) {
    const run *r = ctx;
    doc_output *o = calloc(1, sizeof *o);
    if (!o) return; /* consume reports it */
    o->references = cg_extraction_count(doc->ext);
    o->status = r->format == FMT_JSONL
                    ? cg_write_jsonl(&o->text, doc->entry->path, doc->in, doc->ext, NULL)
                    : cg_write_tsv(&o->text, doc->entry->path, doc->ext);
    doc->extra = o;
}

static void release_output(cli_doc *doc, void *ctx) {
    (void)ctx;
    doc_output *o = doc->extra;
    if (o) cg_string_release(&o->text);
    free(o);
}

static int consume(cli_doc *doc, void *ctx) {
    run *r = ctx;
    const char *path = doc->entry->path;
    r->files++;
    for (size_t i = 0; doc->in && i < cg_input_warning_count(doc->in); i++) {
        cli_warning(r->c, "%s: %s", path, cg_input_warning(doc->in, i));
        r->warned++;
    }
    doc_output *o = doc->extra;
    if (doc->status != CG_OK) report_failure(r, path, doc->error);
    else if (!o) report_failure(r, path, "out of memory");
    else if (o->status != CG_OK) report_failure(r, path, cg_strerror(o->status));
    else {
        r->references += o->references;
        flush(r, &o->text);
    }
    return r->write_failed ? 1 : 0;
}

static int cmp_entry(const void *a, const void *b) {
    return strcmp(((const cg_path_entry *)a)->path, ((const cg_path_entry *)b)->path);
}

static bool parse_exts(const char *list, char ***out) {
    size_t n = 1;
    for (const char *p = list; *p; p++) n += *p == ',';
    char **v = calloc(n + 1, sizeof *v);
    if (!v) return false;
    size_t k = 0;
    const char *p = list;
    while (k < n) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        bool dot = len && p[0] != '.';
        v[k] = malloc(len + 2);
        if (!v[k]) return false;
        snprintf(v[k], len + 2, "%s%.*s", dot ? "." : "", (int)len, p);
        k++;
        if (!comma) break;
        p = comma + 1;
    }
    *out = v;
    return true;
}

int cmd_extract(cli *c, int argc, char **argv) {
    run r;
    memset(&r, 0, sizeof r);
    r.c = c;
    char **exts = NULL;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    const char **patterns = calloc((size_t)argc + 1, sizeof *patterns);
    size_t npaths = 0, npatterns = 0;
    int rc = EXIT_OK, jobs = cli_default_jobs();
    if (!paths || !patterns) {
        free(paths);
        free(patterns);
        cli_error(c, "out of memory");
        return EXIT_USAGE;
    }
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            paths[npaths++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(extract_help, stdout);
            goto out;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            c->quiet = true;
        } else if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0 || strncmp(a, "--jobs=", 7) == 0 ||
                   (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9')) {
            const char *v = a[1] == 'j' ? (a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL))
                                        : (a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL));
            if (!v || cli_parse_jobs(v, &jobs) != 0) {
                rc = cli_usage_error(c, "extract ", "-j takes a number of threads (0: one per core)");
                goto out;
            }
        } else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0 ||
                   strncmp(a, "--format=", 9) == 0) {
            const char *v = a[2] == 'f' && a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                rc = cli_usage_error(c, "extract ", "%s needs a value (jsonl or tsv)", a);
                goto out;
            }
            if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0) r.format = FMT_JSONL;
            else if (strcmp(v, "tsv") == 0) r.format = FMT_TSV;
            else {
                rc = cli_usage_error(c, "extract ", "unknown format '%s' (use jsonl or tsv)", v);
                goto out;
            }
        } else if (strcmp(a, "--patterns") == 0 || strncmp(a, "--patterns=", 11) == 0) {
            const char *v = a[10] == '=' ? a + 11 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                rc = cli_usage_error(c, "extract ", "--patterns needs a grammar file");
                goto out;
            }
            patterns[npatterns++] = v;
        } else if (strcmp(a, "--ext") == 0 || strncmp(a, "--ext=", 6) == 0) {
            const char *v = a[5] == '=' ? a + 6 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                rc = cli_usage_error(c, "extract ", "--ext needs a value, e.g. .txt,.md");
                goto out;
            }
            if (!parse_exts(v, &exts)) {
                cli_error(c, "out of memory");
                rc = EXIT_USAGE;
                goto out;
            }
        } else {
            rc = cli_usage_error(c, "extract ", "unknown option '%s'", a);
            goto out;
        }
    }
    if (npaths == 0) {
        rc = cli_usage_error(c, "extract ", "no PATH given (use - for standard input)");
        goto out;
    }
    cg_extractor *ex = NULL;
    cg_error err;
    cg_extractor_options opts = {patterns, npatterns};
    if (cg_extractor_new(&opts, &ex, &err) != CG_OK) {
        cli_grammar_error(c, &err);
        rc = EXIT_USAGE;
        goto out;
    }
    r.ex = ex;
    cg_path_list list = {0};
    for (size_t i = 0; i < npaths; i++) {
        if (cg_path_list_add(&list, paths[i], (const char *const *)exts) != CG_OK) {
            cli_error(c, "out of memory");
            rc = EXIT_FAILED;
            break;
        }
    }
    if (list.count) qsort(list.items, list.count, sizeof *list.items, cmp_entry);
    if (r.format == FMT_TSV) cli_write(cg_tsv_header(), strlen(cg_tsv_header()));
    cli_docs docs = {.ex = ex, .jobs = jobs, .ctx = &r, .prepare = prepare,
                     .consume = consume, .release = release_output};
    if (cli_for_each_doc(c, &docs, &list) < 0) {
        cli_error(c, "cannot start threads");
        rc = EXIT_FAILED;
    }
    if (r.format == FMT_JSONL && !r.write_failed) {
        char buf[256];
        int n = snprintf(buf, sizeof buf,
                         "{\"type\":\"summary\",\"files\":%zu,\"failed\":%zu,\"references\":%zu,"
                         "\"warnings\":%zu}\n",
                         r.files, r.failed, r.references, r.warned);
        cli_write(buf, (size_t)n);
    }
    if (fflush(stdout) != 0 && !r.write_failed) {
        r.write_failed = true;
        r.write_errno = errno;
    }
    if (r.write_failed && r.write_errno != EPIPE) {
        /* a closed pipe is the reader's choice, not a failure */
        cli_error(c, "writing output failed: %s", strerror(r.write_errno));
        rc = EXIT_FAILED;
    } else if (r.failed) {
        if (!c->quiet)
            cli_error(c, "%zu of %zu file%s could not be processed", r.failed, r.files,
                      r.files == 1 ? "" : "s");
        rc = EXIT_FAILED;
    }
    cg_path_list_release(&list);
    cg_extractor_free(ex);
out:
    if (exts) {
        for (char **e = exts; *e; e++) free(*e);
        free(exts);
    }
    free(paths);
    free(patterns);
    return rc;
}
