/* cmd_check.c - `citegraph check`: broken references, for CI. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph/citegraph.h"
#include "cli.h"

static const char check_help[] =
    "Usage: citegraph check [OPTIONS] PATH...\n"
    "\n"
    "Extract the references of the documents, resolve them against the documents\n"
    "themselves and the catalogs, and report what is broken, with positions.\n"
    "\n"
    "Options:\n"
    "      --catalog FILE       known documents: TSV (like DIP's index.tsv) or DIP JSON\n"
    "                           records (repeatable)\n"
    "  -f, --format FORMAT      text (default), json, sarif, github, junit, markdown\n"
    "  -o, --output FILE        write the report here instead of standard output\n"
    "      --fail-on LEVEL      exit 1 when a new finding is at least error (default),\n"
    "                           warning or note; never: always exit 0\n"
    "      --severity LEVEL     report findings from this level up (default: note)\n"
    "      --baseline FILE      findings recorded there are not new and do not fail\n"
    "      --write-baseline FILE  record today's findings there\n"
    "      --config FILE        rules and ignores (default: .citegraph.json if present)\n"
    "      --no-config          do not read .citegraph.json\n"
    "      --online             fetch every URL (rule CG009); with --timeout MS,\n"
    "                           --retries N, --concurrency N, --url-cache FILE,\n"
    "                           --url-cache-ttl SECONDS, --allow-host HOST, --deny-host HOST\n"
    "      --patterns FILE      grammar file for the extraction (repeatable)\n"
    "  -j, --jobs N             documents read and extracted at once (default: one\n"
    "                           per core); the report is the same for every N\n"
    "      --cache DIR          keep each document's extraction in DIR, keyed by its\n"
    "                           content, and reuse it while the document, citegraph\n"
    "                           and the grammar are unchanged; a file whose size,\n"
    "                           times and inode are unchanged is not even read\n"
    "      --list-rules         explain every rule and exit\n"
    "  -q, --quiet              no summary, warnings or progress on stderr\n"
    "  -h, --help               show this help\n"
    "\n"
    "Text output is 'file:line:col: severity: message [rule]', with the line and a\n"
    "caret under the reference when standard output is a terminal.\n"
    "\n"
    "Exit status: 0 no new finding at or above --fail-on, 1 new findings (or an\n"
    "input that could not be read), 2 usage or configuration error.\n";

static int parse_level(const char *s, cg_severity *out) {
    if (strcmp(s, "error") == 0) *out = CG_SEV_ERROR;
    else if (strcmp(s, "warning") == 0) *out = CG_SEV_WARNING;
    else if (strcmp(s, "note") == 0) *out = CG_SEV_NOTE;
    else return -1;
    return 0;
}

static void list_rules(void) {
    size_t n;
    const cg_rule *r = cg_check_rules(&n);
    for (size_t i = 0; i < n; i++)
        printf("%s %s (%s)\n    %s\n    %s\n\n", r[i].id, r[i].name, cg_severity_name(r[i].severity),
               r[i].summary, r[i].help);
}

typedef struct check_run {
    cli *c;
    cg_check *chk;
    size_t failed;
} check_run;

/* In path order, on the calling thread: the check is not shared between threads. */
static int add_to_check(cli_doc *doc, void *ctx) {
    check_run *r = ctx;
    cg_status st = doc->status;
    if (st == CG_OK) st = cg_check_add_document(r->chk, doc->entry->path, doc->in, doc->ext);
    if (st != CG_OK) {
        cli_error(r->c, "%s: %s", doc->entry->path,
                  doc->status != CG_OK ? doc->error : "out of memory");
        r->failed++;
    }
    return 0;
}

int cmd_check(cli *c, int argc, char **argv) {
    const char **paths = calloc((size_t)argc + 1, sizeof *paths),
               **catalogs = calloc((size_t)argc + 1, sizeof *catalogs),
               **patterns = calloc((size_t)argc + 1, sizeof *patterns),
               **allow = calloc((size_t)argc + 1, sizeof *allow),
               **deny = calloc((size_t)argc + 1, sizeof *deny);
    size_t npaths = 0, ncat = 0, npat = 0, nallow = 0, ndeny = 0;
    const char *output = NULL, *baseline = NULL, *write_baseline = NULL, *config = NULL;
    int no_config = 0, online = 0, never = 0, rc = EXIT_OK, jobs = cli_default_jobs();
    const char *cache_dir = NULL;
    cli_cache cache;
    int cache_open = 0;
    cg_severity fail_on = CG_SEV_ERROR, min = CG_SEV_NOTE;
    cg_check_format format = CG_CHECK_TEXT;
    cg_online_options oo;
    memset(&oo, 0, sizeof oo);
    cg_extractor *ex = NULL;
    cg_check *chk = NULL;
    cg_string report = {0}, bl = {0};
    if (!paths || !catalogs || !patterns || !allow || !deny) {
        rc = EXIT_USAGE;
        goto out;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *eq = a[0] == '-' && a[1] == '-' ? strchr(a, '=') : NULL;
        char name[40];
        snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
#define VALUE()                                                                                     \
    (eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL))
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            paths[npaths++] = a;
            continue;
        }
        if (a[1] == 'j' && a[2] >= '0' && a[2] <= '9') { /* -jN */
            if (cli_parse_jobs(a + 2, &jobs) != 0) {
                rc = cli_usage_error(c, "check ", "-j takes a number of threads (0: one per core)");
                goto out;
            }
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(check_help, stdout);
            goto out;
        }
        if (strcmp(a, "--list-rules") == 0) {
            list_rules();
            goto out;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            c->quiet = true;
            continue;
        }
        if (strcmp(a, "--no-config") == 0) {
            no_config = 1;
            continue;
        }
        if (strcmp(a, "--online") == 0) {
            online = 1;
            continue;
        }
        static const char *const valued[] = {
            "--catalog", "-f", "--format", "-o", "--output", "--fail-on", "--severity",
            "--baseline", "--write-baseline", "--config", "--timeout", "--retries",
            "--concurrency", "--url-cache", "--url-cache-ttl", "--allow-host", "--deny-host",
            "--patterns", "-j", "--jobs", "--cache", NULL};
        int known = 0;
        for (const char *const *v = valued; *v && !known; v++) known = strcmp(name, *v) == 0;
        if (!known) {
            rc = cli_usage_error(c, "check ", "unknown option '%s'", a);
            goto out;
        }
        const char *v = VALUE();
        if (!v) {
            rc = cli_usage_error(c, "check ", "%s needs a value", name);
            goto out;
        }
        if (strcmp(name, "--catalog") == 0) catalogs[ncat++] = v;
        else if (strcmp(name, "--patterns") == 0) patterns[npat++] = v;
        else if (strcmp(name, "--allow-host") == 0) allow[nallow++] = v;
        else if (strcmp(name, "--deny-host") == 0) deny[ndeny++] = v;
        else if (strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0) output = v;
        else if (strcmp(name, "--baseline") == 0) baseline = v;
        else if (strcmp(name, "--write-baseline") == 0) write_baseline = v;
        else if (strcmp(name, "--config") == 0) config = v;
        else if (strcmp(name, "--url-cache") == 0) oo.cache_file = v;
        else if (strcmp(name, "--cache") == 0) cache_dir = v;
        else if (strcmp(name, "-j") == 0 || strcmp(name, "--jobs") == 0) {
            if (cli_parse_jobs(v, &jobs) != 0) {
                rc = cli_usage_error(c, "check ", "-j takes a number of threads (0: one per core)");
                goto out;
            }
        }
        else if (strcmp(name, "-f") == 0 || strcmp(name, "--format") == 0) {
            static const char *const fmts[] = {"text", "json", "sarif", "github", "junit", "markdown"};
            size_t k = 0;
            while (k < 6 && strcmp(v, fmts[k]) != 0) k++;
            if (k == 6) {
                rc = cli_usage_error(c, "check ", "unknown format '%s' (text, json, sarif, github, "
                                                  "junit, markdown)", v);
                goto out;
            }
            format = (cg_check_format)k;
        } else if (strcmp(name, "--fail-on") == 0 || strcmp(name, "--severity") == 0) {
            cg_severity s;
            if (strcmp(name, "--fail-on") == 0 && strcmp(v, "never") == 0) {
                never = 1;
                continue;
            }
            if (parse_level(v, &s) != 0) {
                rc = cli_usage_error(c, "check ", "%s takes error, warning or note%s", name,
                                     name[2] == 'f' ? " (or never)" : "");
                goto out;
            }
            if (name[2] == 'f') fail_on = s;
            else min = s;
        } else {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 0 || n > 100000000) {
                rc = cli_usage_error(c, "check ", "%s takes a whole number", name);
                goto out;
            }
            if (strcmp(name, "--timeout") == 0) oo.timeout_ms = n;
            else if (strcmp(name, "--retries") == 0) oo.retries = n ? (int)n : -1;
            else if (strcmp(name, "--concurrency") == 0) oo.concurrency = (int)n;
            else oo.cache_ttl_s = n;
        }
#undef VALUE
    }
    if (!npaths) {
        rc = cli_usage_error(c, "check ", "no PATH given");
        goto out;
    }
    cg_error err;
    cg_extractor_options eo = {patterns, npat};
    if (cg_extractor_new(&eo, &ex, &err) != CG_OK) {
        cli_grammar_error(c, &err);
        rc = EXIT_USAGE;
        goto out;
    }
    if (cg_check_new(&chk) != CG_OK) {
        rc = EXIT_FAILED;
        goto out;
    }
    if (!config && !no_config && access(".citegraph.json", R_OK) == 0) config = ".citegraph.json";
    if (config && cg_check_load_config(chk, config, &err) != CG_OK) {
        if (err.line) cli_error(c, "%s:%zu:%zu: %s", err.path, err.line, err.col, err.text);
        else cli_error(c, "%s: %s", err.path[0] ? err.path : config, err.text);
        rc = EXIT_USAGE;
        goto out;
    }
    if (baseline && cg_check_load_baseline(chk, baseline, &err) != CG_OK) {
        cli_error(c, "%s: %s", baseline, err.text);
        rc = EXIT_USAGE;
        goto out;
    }
    for (size_t i = 0; i < ncat; i++)
        if (cg_check_add_catalog(chk, ex, catalogs[i], &err) != CG_OK) {
            if (err.line) cli_error(c, "%s:%zu: %s", catalogs[i], err.line, err.text);
            else cli_error(c, "%s: %s", catalogs[i], err.text);
            rc = EXIT_USAGE;
            goto out;
        }
    if (online) {
        oo.allow = allow;
        oo.nallow = nallow;
        oo.deny = deny;
        oo.ndeny = ndeny;
        if (cg_check_set_online(chk, &oo, &err) != CG_OK) {
            cli_error(c, "--online: %s", err.text);
            rc = EXIT_USAGE;
            goto out;
        }
    }
    size_t cache_counts[4] = {0, 0, 0, 0};
    if (cache_dir) {
        char why[600];
        if (cli_cache_open(&cache, cache_dir, patterns, npat, why, sizeof why) != 0) {
            cli_error(c, "--cache: %s", why);
            rc = EXIT_USAGE;
            goto out;
        }
        cache_open = 1;
        if (cache.index_problem[0])
            cli_warning(c,
                        "--cache: %s/index is damaged (%s): every file is read, and the index "
                        "rebuilt",
                        cache_dir, cache.index_problem);
    }
    static const char *const exts[] = {".txt", NULL};
    cg_path_list list = {0};
    for (size_t i = 0; i < npaths; i++) cg_path_list_add(&list, paths[i], exts);
    check_run cr = {c, chk, 0};
    cli_docs docs = {.ex = ex, .jobs = jobs, .ctx = &cr, .consume = add_to_check,
                     .cache = cache_dir ? &cache : NULL, .cache_counts = cache_counts};
    if (cli_for_each_doc(c, &docs, &list) < 0) {
        cli_error(c, "cannot start threads");
        cr.failed++;
    }
    size_t failed = cr.failed;
    size_t nfiles = list.count, files_read = cache_open ? cache.files_read : 0;
    if (cache_open) {
        cache_open = 0;
        if (cli_cache_close(&cache) != 0)
            cli_warning(c, "--cache: cannot write %s/index: the next run reads every file",
                        cache_dir);
    }
    cg_path_list_release(&list);
    if (cg_check_run(chk, &err) != CG_OK) {
        cli_error(c, "check failed: %s", err.text[0] ? err.text : "out of memory");
        rc = EXIT_FAILED;
        goto out;
    }
    int source = format == CG_CHECK_TEXT && !output && isatty(STDOUT_FILENO);
    if (cg_check_write(chk, format, min, source, &report) != CG_OK) {
        rc = EXIT_FAILED;
        goto out;
    }
    if (output) {
        FILE *f = fopen(output, "wb");
        if (!f || fwrite(report.data ? report.data : "", 1, report.len, f) != report.len ||
            fclose(f) != 0) {
            cli_error(c, "cannot write %s: %s", output, strerror(errno));
            rc = EXIT_FAILED;
            goto out;
        }
    } else if (!cli_write(report.data ? report.data : "", report.len)) {
        rc = EXIT_FAILED;
    }
    if (write_baseline) {
        FILE *f = fopen(write_baseline, "wb");
        if (cg_check_write_baseline(chk, &bl) != CG_OK || !f ||
            fwrite(bl.data, 1, bl.len, f) != bl.len || fclose(f) != 0) {
            cli_error(c, "cannot write %s: %s", write_baseline, strerror(errno));
            rc = EXIT_FAILED;
            goto out;
        }
    }
    size_t counts[3] = {0, 0, 0}, fresh_failing = 0, fresh = 0;
    for (size_t i = 0; i < cg_check_count(chk); i++) {
        const cg_finding *f = cg_check_finding(chk, i);
        if (f->suppressed || f->severity == CG_SEV_OFF) continue;
        counts[f->severity]++;
        fresh += !f->in_baseline;
        fresh_failing += !f->in_baseline && f->severity >= fail_on;
    }
    if (!c->quiet)
        fprintf(stderr, "citegraph: %zu error%s, %zu warning%s, %zu note%s (%zu new) in %zu file%s\n",
                counts[2], counts[2] == 1 ? "" : "s", counts[1], counts[1] == 1 ? "" : "s",
                counts[0], counts[0] == 1 ? "" : "s", fresh, nfiles, nfiles == 1 ? "" : "s");
    if (!c->quiet && cache_dir)
        fprintf(stderr,
                "citegraph: cache: %zu reused, %zu extracted, %zu damaged and rebuilt; "
                "%zu of %zu files read\n",
                cache_counts[CLI_CACHE_HIT], cache_counts[CLI_CACHE_MISS],
                cache_counts[CLI_CACHE_CORRUPT], files_read, nfiles);
    if (rc == EXIT_OK && ((fresh_failing && !never) || failed)) rc = EXIT_FAILED;
out:
    if (cache_open) (void)cli_cache_close(&cache);
    cg_string_release(&report);
    cg_string_release(&bl);
    cg_check_free(chk);
    cg_extractor_free(ex);
    free(paths);
    free(catalogs);
    free(patterns);
    free(allow);
    free(deny);
    return rc;
}
