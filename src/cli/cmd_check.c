/* cmd_check.c - `citegraph check`: broken references, for CI. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* --list-rules: every rule, on standard output. */
static int list_rules(cli *c) {
    cli_out out;
    int rc = cli_out_open(c, &out, NULL);
    if (rc != EXIT_OK) return rc;
    size_t n;
    const cg_rule *r = cg_check_rules(&n);
    for (size_t i = 0; i < n; i++)
        cli_out_printf(&out, "%s %s (%s)\n    %s\n    %s\n\n", r[i].id, r[i].name,
                       cg_severity_name(r[i].severity), r[i].summary, r[i].help);
    return cli_out_close(c, &out);
}

typedef struct check_run {
    cli *c;
    cg_check *chk;
    size_t total, failed;
    bool nomem;
} check_run;

/* In path order, on the calling thread: the check is not shared between threads. */
static int add_to_check(cg_run_doc *doc, void *ctx) {
    check_run *r = ctx;
    const char *path = doc->entry->path;
    cli_progress(r->c, doc->index + 1, r->total, path);
    if (doc->cache_problem)
        cli_warning(r->c, "%s: damaged cache entry rebuilt (%s)", path, doc->cache_problem);
    cg_error err;
    /* every input problem goes into the report too, so that no format looks
     * clean when an input was lost or read with a warning */
    for (size_t i = 0; doc->input && i < cg_input_warning_count(doc->input) && !r->nomem; i++) {
        const char *warning = cg_input_warning(doc->input, i);
        cli_warning(r->c, "%s: %s", path, warning);
        if (cg_check_add_input_problem(r->chk, path, doc->record, CG_SEV_WARNING, warning, &err) !=
            CG_OK) {
            cli_fail(r->c, &err, path, EXIT_FAILED);
            r->nomem = true;
        }
    }
    if (r->nomem) return 1;
    if (doc->status != CG_OK) {
        r->failed++;
        if (cli_doc_failed(r->c, doc))
            r->nomem = true;
        else if (cg_check_add_input_problem(r->chk, path, doc->record, CG_SEV_ERROR, doc->error,
                                            &err) != CG_OK) {
            cli_fail(r->c, &err, path, EXIT_FAILED);
            r->nomem = true;
        }
    } else if ((doc->extraction ? cg_check_add_document_keyed(r->chk, path, doc->key, doc->input,
                                                              doc->extraction, &err)
                                : cg_check_add_kept(r->chk, path, doc->key, &err)) != CG_OK) {
        cli_fail(r->c, &err, path, EXIT_FAILED);
        r->nomem = true;
    }
    return r->nomem ? 1 : 0;
}

/* Before the run: whether the check keeps the findings of this document
 * from the last run, so that its extraction need not be loaded. */
static bool kept_by_check(const char *path, const char *key, void *ctx) {
    const check_run *r = ctx;
    return cg_check_keeps(r->chk, path, key);
}

/* Runs the rules; when the findings the check kept of some documents no
 * longer hold (documents they cite changed), adds those again from the
 * cache and runs again. EXIT_OK, or the status after saying why. */
static int run_rules(cli *c, const cg_run_options *ro, check_run *cr) {
    cg_error err;
    /* each round adds again, or leaves out, every document it names, so
     * the kept ones only get fewer; a second round is already rare */
    for (int round = 0;; round++) {
        cg_status st = cg_check_run(cr->chk, &err);
        if (st == CG_OK) return EXIT_OK;
        if (st != CG_ESTALE || round == 100) return cli_fail(c, &err, "check failed", EXIT_FAILED);
        /* the state's findings did not read back: all of it checked anew */
        if (cg_check_state_problem(cr->chk)[0])
            cli_warning(c, "--cache: %s: every document is checked anew", err.text);
        const char *const *files;
        size_t n = cg_check_stale(cr->chk, &files);
        cg_path_list again = {calloc(n ? n : 1, sizeof *again.items), n, n};
        if (!again.items) return EXIT_NOMEM;
        for (size_t i = 0; i < n; i++)
            again.items[i].path = (char *)files[i]; /* borrowed: the list is not released */
        cg_run_options o = *ro;
        o.reuse = NULL;
        cr->total = n;
        st = cg_run(&o, &again, &err);
        free(again.items);
        cli_progress_end(c);
        if (st != CG_OK) cli_fail(c, &err, NULL, EXIT_FAILED);
        if (st != CG_OK || cr->nomem) return EXIT_NOMEM;
    }
}

/* "; 2 inputs not checked, 1 input warning" after the summary line, when
 * there were input problems. */
static void print_input_problem_counts(const cg_check *chk) {
    const cg_input_problem *p;
    size_t n = cg_check_input_problems(chk, &p), not_checked = 0, warned = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i].severity >= CG_SEV_ERROR)
            not_checked++;
        else
            warned++;
    }
    if (not_checked)
        fprintf(stderr, "; %zu input%s not checked", not_checked, not_checked == 1 ? "" : "s");
    if (warned)
        fprintf(stderr, "%s %zu input warning%s", not_checked ? "," : ";", warned,
                warned == 1 ? "" : "s");
}

/* One report of a run: a format and where it goes. */
typedef struct check_report {
    const char *path; /* NULL: standard output */
    cg_check_format format;
} check_report;

/* The options of a run, as given. */
typedef struct check_options {
    cli_common common; /* -o, --catalog, --patterns, --ext, -j */
    const char **allow, **deny, **addresses;
    size_t nallow, ndeny, naddresses;
    /* --catalog and --catalog-selection, in the order given: a later row for
     * one id outweighs an earlier one */
    const char **catalogs;
    cg_catalog_scope *scopes;
    size_t ncatalogs;
    const char *baseline, *write_baseline, *config, *cache_dir;
    bool no_config, online, never, list_rules;
    cg_severity fail_on, min;
    check_report *reports; /* every -o, or standard output alone; at least one */
    size_t nreports;
    cg_online_options oo;
} check_options;

/* The format of -o `path` (NULL: standard output): `format` when --format
 * gave one (>= 0), else the one its ending stands for, else text. */
static int format_of(cli *c, const char *path, int format, cg_check_format *out) {
    static const cli_ending endings[] = {{".txt", CG_CHECK_TEXT, NULL},
                                         {".json", CG_CHECK_JSON, NULL},
                                         {".sarif", CG_CHECK_SARIF, NULL},
                                         {".xml", CG_CHECK_JUNIT, NULL},
                                         {".md", CG_CHECK_MARKDOWN, NULL}};
    cli_common one = {.output = path, .format = format};
    int choice = CG_CHECK_TEXT; /* --format's choices are those of cg_check_format */
    int rc =
        cli_format_of_output(c, &one, endings, sizeof endings / sizeof endings[0], &choice, NULL);
    *out = (cg_check_format)choice;
    return rc;
}

/* The directory a file of `path` is in: "m/" for "m/s.json", "." for "s.json". */
static void dir_of(const char *path, char out[PATH_MAX]) {
    const char *slash = strrchr(path, '/');
    snprintf(out, PATH_MAX, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
}

/* Whether the paths `a` and `b` name one file: the same inode when both
 * exist, else the same name in the same directory ("m/s.json" and
 * "./m/s.json"). */
static bool same_file(const char *a, const char *b) {
    if (strcmp(a, b) == 0) return true;
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    const char *na = strrchr(a, '/'), *nb = strrchr(b, '/');
    if (strcmp(na ? na + 1 : a, nb ? nb + 1 : b) != 0) return false;
    char da[PATH_MAX], db[PATH_MAX];
    dir_of(a, da);
    dir_of(b, db);
    return stat(da, &sa) == 0 && stat(db, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* The reports of a run, from -o and --format in the order given: each -o
 * FILE takes the --format given after the -o before it (so `-f sarif -o
 * x.sarif -f markdown -o y.md`), or else FILE's ending chooses. With one -o
 * (or none), a --format anywhere counts, as it always did (`-o x -f json`);
 * with several, a --format after the last -o has no report to go with and is
 * a usage error. At most one report goes to standard output (-o -, or no
 * -o), and no FILE is named twice. EXIT_OK, or the status of a usage error. */
static int read_reports(cli *c, const cli_args *a, check_options *o) {
    o->reports = calloc(a->noptions + 1, sizeof *o->reports);
    if (!o->reports) return cli_nomem(c);
    size_t noutputs = cli_args_count(a, OPT_OUTPUT);
    int pending = -1; /* a --format not yet taken by an -o */
    const char *pending_spelled = NULL;
    for (size_t i = 0; i < a->noptions; i++) {
        const cli_opt_value *v = &a->options[i];
        if (v->option->id == OPT_FORMAT) {
            pending = v->choice;
            pending_spelled = v->value;
        } else if (v->option->id == OPT_OUTPUT) {
            const char *path = strcmp(v->value, "-") == 0 ? NULL : v->value;
            /* one -o: a --format after it is still its format */
            int format = noutputs == 1 ? o->common.format : pending;
            check_report *r = &o->reports[o->nreports++];
            r->path = path;
            int rc = format_of(c, path, format, &r->format);
            if (rc != EXIT_OK) return rc;
            pending = -1;
        }
    }
    if (noutputs > 1 && pending >= 0)
        return cli_usage_error(c,
                               "--format %s comes after the last -o: give each --format before "
                               "the -o FILE it is for",
                               pending_spelled);
    if (!o->nreports) {
        o->reports[0].path = NULL;
        o->nreports = 1;
        int rc = format_of(c, NULL, o->common.format, &o->reports[0].format);
        if (rc != EXIT_OK) return rc;
    }
    for (size_t i = 0; i < o->nreports; i++)
        for (size_t k = 0; k < i; k++) {
            const char *p = o->reports[i].path, *q = o->reports[k].path;
            if (!p && !q)
                return cli_usage_error(c, "-o -: only one report can go to standard output");
            if (p && q && same_file(p, q))
                return cli_usage_error(c, "-o %s and -o %s are the same file", q, p);
        }
    /* the baseline is written after the reports: it would replace one */
    const char *bl = o->write_baseline;
    for (size_t i = 0; bl && i < o->nreports; i++) {
        const char *p = o->reports[i].path;
        if (!p && strcmp(bl, "-") == 0)
            return cli_usage_error(c, "--write-baseline - and the report both go to standard "
                                      "output: give the report -o FILE");
        if (p && same_file(p, bl))
            return cli_usage_error(c, "-o %s and --write-baseline %s are the same file", p, bl);
    }
    return EXIT_OK;
}

/* Whether the directory `path` would be written in exists. */
static bool parent_exists(const char *path) {
    char dir[PATH_MAX];
    dir_of(path, dir);
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The options that only --online reads: refused without it (a user who
 * wrote them expects a check that did not happen); the host lists take host
 * names, and --url-cache a file, not a directory. */
static int read_online_options(cli *c, const cli_args *a, const check_options *o) {
    for (size_t i = 0; i < a->noptions; i++) {
        const cli_opt_value *v = &a->options[i];
        switch (v->option->id) {
        case OPT_TIMEOUT:
        case OPT_RETRIES:
        case OPT_CONCURRENCY:
        case OPT_URL_CACHE:
        case OPT_URL_CACHE_TTL:
        case OPT_ALLOW_HOST:
        case OPT_DENY_HOST:
        case OPT_ALLOW_PRIVATE:
        case OPT_ALLOW_ADDRESS:
        case OPT_MAX_REDIRECTS:
        case OPT_ONLINE_BUDGET:
            if (!o->online) return cli_usage_error(c, "%s works only with --online", v->spelled);
            break;
        default:
            break;
        }
        if (v->option->id == OPT_ALLOW_HOST || v->option->id == OPT_DENY_HOST) {
            const char *h = v->value;
            /* a port or a scheme would match no host: every URL skipped, unseen */
            if (!*h || strpbrk(h, "/*?#@ \t") || strcmp(h, ".") == 0 ||
                (h[0] != '[' && strchr(h, ':')))
                return cli_usage_error(c, "%s takes a host name such as example.org, not '%s'",
                                       v->spelled, h);
        }
        struct stat st;
        if (v->option->id == OPT_URL_CACHE && stat(v->value, &st) == 0 && S_ISDIR(st.st_mode))
            return cli_usage_error(c, "%s %s: is a directory, not a file", v->spelled, v->value);
    }
    return EXIT_OK;
}

/* Reads the options; EXIT_OK, or the status of a usage error. */
static int read_options(cli *c, const cli_args *a, check_options *o) {
    int rc = cli_read_common(c, a, &o->common);
    if (rc != EXIT_OK) return rc;
    size_t n = a->noptions + 1;
    o->allow = calloc(n, sizeof *o->allow);
    o->deny = calloc(n, sizeof *o->deny);
    o->catalogs = calloc(n, sizeof *o->catalogs);
    o->scopes = calloc(n, sizeof *o->scopes);
    o->addresses = calloc(n, sizeof *o->addresses);
    if (!o->allow || !o->deny || !o->catalogs || !o->scopes || !o->addresses) return cli_nomem(c);
    o->fail_on = CG_SEV_ERROR;
    o->min = CG_SEV_NOTE;
    static const cg_severity levels[] = {CG_SEV_ERROR, CG_SEV_WARNING, CG_SEV_NOTE};
    static const long most = 100000000;
    static const char number[] = "a whole number";
    for (size_t i = 0; i < a->noptions && rc == EXIT_OK; i++) {
        const cli_opt_value *v = &a->options[i];
        long num = 0;
        switch (v->option->id) {
        case OPT_CATALOG:
        case OPT_SELECTION:
            o->scopes[o->ncatalogs] =
                v->option->id == OPT_SELECTION ? CG_CATALOG_SELECTION : CG_CATALOG_COMPLETE;
            o->catalogs[o->ncatalogs++] = v->value;
            break;
        case OPT_ALLOW_HOST:
            o->allow[o->nallow++] = v->value;
            break;
        case OPT_DENY_HOST:
            o->deny[o->ndeny++] = v->value;
            break;
        case OPT_ALLOW_ADDRESS:
            o->addresses[o->naddresses++] = v->value;
            break;
        case OPT_ALLOW_PRIVATE:
            o->oo.allow_private = true;
            break;
        case OPT_BASELINE:
            o->baseline = v->value;
            break;
        case OPT_WRITE_BASELINE:
            o->write_baseline = v->value;
            break;
        case OPT_CONFIG:
            o->config = v->value;
            break;
        case OPT_NO_CONFIG:
            o->no_config = true;
            break;
        case OPT_ONLINE:
            o->online = true;
            break;
        case OPT_URL_CACHE:
            o->oo.cache_file = v->value;
            break;
        case OPT_CACHE:
            o->cache_dir = v->value;
            break;
        case OPT_LIST_RULES:
            o->list_rules = true;
            break;
        case OPT_FAIL_ON:
            o->never = v->choice == 3;
            if (!o->never) o->fail_on = levels[v->choice];
            break;
        case OPT_SEVERITY:
            o->min = levels[v->choice];
            break;
        case OPT_TIMEOUT: /* the numbers: on a usage error, the loop ends */
            rc = cli_read_count(c, v, most, number, &num);
            o->oo.timeout_ms = num;
            break;
        case OPT_RETRIES:
            rc = cli_read_count(c, v, most, number, &num);
            o->oo.retries = num ? (int)num : -1;
            break;
        case OPT_CONCURRENCY:
            rc = cli_read_count(c, v, most, number, &num);
            o->oo.concurrency = (int)num;
            break;
        case OPT_URL_CACHE_TTL:
            rc = cli_read_count(c, v, most, number, &num);
            o->oo.cache_ttl_s = num ? num : -1; /* 0: nothing reused */
            break;
        case OPT_MAX_REDIRECTS:
            rc = cli_read_count(c, v, 100, "a whole number up to 100", &num);
            o->oo.max_redirects = num ? (int)num : -1;
            break;
        case OPT_ONLINE_BUDGET:
            rc = cli_read_count(c, v, most, number, &num);
            if (rc == EXIT_OK && num == 0)
                rc = cli_usage_error(c, "%s takes at least 1 second", v->spelled);
            o->oo.budget_s = num;
            break;
        default:
            break;
        }
    }
    if (rc != EXIT_OK) return rc;
    if ((rc = read_online_options(c, a, o)) != EXIT_OK) return rc;
    if ((rc = read_reports(c, a, o)) != EXIT_OK) return rc;
    o->oo.allow = o->allow;
    o->oo.nallow = o->nallow;
    o->oo.deny = o->deny;
    o->oo.ndeny = o->ndeny;
    o->oo.allow_addresses = o->addresses;
    o->oo.nallow_addresses = o->naddresses;
    return EXIT_OK;
}

static void free_options(check_options *o) {
    cli_common_release(&o->common);
    free(o->allow);
    free(o->deny);
    free(o->addresses);
    free(o->catalogs);
    free(o->scopes);
    free(o->reports);
}

/* The configuration, catalogs, baseline and online check of `chk`: EXIT_OK,
 * or EXIT_USAGE after saying what could not be read. */
static int configure(cli *c, const check_options *o, const cg_extractor *ex, cg_check *chk) {
    cg_error err;
    const char *config = o->config;
    if (!config && !o->no_config && access(".citegraph.json", R_OK) == 0)
        config = ".citegraph.json";
    if (config && cg_check_load_config(chk, config, &err) != CG_OK)
        return cli_fail(c, &err, NULL, EXIT_USAGE);
    if (o->baseline && cg_check_load_baseline(chk, o->baseline, &err) != CG_OK)
        return cli_fail(c, &err, NULL, EXIT_USAGE);
    for (size_t i = 0; i < o->ncatalogs; i++)
        if (cg_check_add_catalog_scoped(chk, ex, o->catalogs[i], o->scopes[i], &err) != CG_OK)
            return cli_fail(c, &err, NULL, EXIT_USAGE);
    /* records a catalog passed over: named, and the run goes on without them */
    const cg_catalog *cat = cg_check_catalog(chk);
    for (size_t i = 0; i < cg_catalog_problem_count(cat); i++)
        cli_warning(c, "%s", cg_catalog_problem(cat, i));
    if (o->online && cg_check_set_online(chk, &o->oo, &err) != CG_OK)
        return cli_fail(c, &err, "--online", EXIT_USAGE);
    /* a config comes with the documents, in a pull request too */
    if (o->online && config && cg_check_config_opens_addresses(chk))
        cli_warning(c,
                    "%s opens addresses that are not public to --online (its \"online\" key); "
                    "to check changes you do not trust, use --no-config or a --config of your own",
                    config);
    return EXIT_OK;
}

/* Appends the Markdown report to the file GITHUB_STEP_SUMMARY names, when
 * it names one, so that a GitHub job's page shows every finding (its
 * annotations show only a few), whatever the format of the main report.
 * EXIT_OK, or EXIT_INCOMPLETE after saying why. */
static int append_step_summary(cli *c, const check_options *o, const cg_check *chk) {
    const char *path = getenv("GITHUB_STEP_SUMMARY");
    if (!path || !*path) return EXIT_OK;
    cg_error err;
    cg_buf md = CG_BUF_INIT;
    if (cg_check_write(chk, CG_CHECK_MARKDOWN, o->min, false, &md, &err) != CG_OK) {
        cg_buf_release(&md);
        return cli_fail(c, &err, NULL, EXIT_INCOMPLETE);
    }
    FILE *f = fopen(path, "ab");
    int errnum = f ? 0 : errno;
    if (f) {
        errno = 0;
        if (fwrite(md.data, 1, md.len, f) != md.len) errnum = errno ? errno : EIO;
        if (fclose(f) != 0 && !errnum) errnum = errno ? errno : EIO;
    }
    cg_buf_release(&md);
    if (!errnum) return EXIT_OK;
    cli_error(c, "cannot write %s (GITHUB_STEP_SUMMARY): %s", path, strerror(errnum));
    return EXIT_INCOMPLETE;
}

/* A piece of a report, to its file. */
static int to_cli_out(const char *data, size_t len, void *ctx) {
    return cli_out_write(ctx, data, len) ? 0 : -1;
}

/* Writes every report, the step summary and the baseline, each whatever
 * became of the others; EXIT_OK, EXIT_INCOMPLETE when one could not be
 * written (said), or EXIT_NOMEM. */
static int write_reports(cli *c, const check_options *o, const cg_check *chk) {
    cg_error err;
    int rc = EXIT_OK;
    for (size_t i = 0; i < o->nreports && rc != EXIT_NOMEM; i++) {
        const check_report *r = &o->reports[i];
        bool source = r->format == CG_CHECK_TEXT && !r->path && isatty(STDOUT_FILENO);
        cli_out out;
        int one = cli_out_open(c, &out, r->path);
        if (one == EXIT_OK) {
            /* piece by piece: a report can be hundreds of MB */
            cg_status st =
                cg_check_write_to(chk, r->format, o->min, source, to_cli_out, &out, &err);
            if (st == CG_OK || st == CG_EIO) {
                one = cli_out_close(c, &out); /* says why a write failed */
            } else {
                cli_out_discard(&out); /* half a report: the previous file stays */
                one = st == CG_ENOMEM ? EXIT_NOMEM : cli_fail(c, &err, NULL, EXIT_INCOMPLETE);
            }
        }
        if (one != EXIT_OK) rc = one == EXIT_NOMEM ? EXIT_NOMEM : EXIT_INCOMPLETE;
    }
    if (rc != EXIT_NOMEM) {
        int one = append_step_summary(c, o, chk);
        if (one != EXIT_OK) rc = one;
    }
    if (rc != EXIT_NOMEM && o->write_baseline) {
        cg_buf bl = CG_BUF_INIT;
        int one = cg_check_write_baseline(chk, &bl, &err) != CG_OK
                      ? cli_fail(c, &err, NULL, EXIT_INCOMPLETE)
                      : cli_write_buf(c, o->write_baseline, &bl);
        cg_buf_release(&bl);
        if (one != EXIT_OK) rc = one == EXIT_NOMEM ? EXIT_NOMEM : EXIT_INCOMPLETE;
    }
    return rc;
}

int cmd_check(cli *c, int argc, char **argv) {
    cli_args a;
    int rc = EXIT_OK;
    check_options o;
    memset(&o, 0, sizeof o);
    cg_extractor *ex = NULL;
    cg_check *chk = NULL;
    cg_cache *cache = NULL;
    cg_path_list list = {0};
    cg_error err;
    check_run cr = {c, NULL, 0, 0, false};
    if (!cli_parse_command(c, CMD_CHECK, argc, argv, &a, &rc)) goto out;
    if ((rc = read_options(c, &a, &o)) != EXIT_OK) goto out;
    if (o.list_rules) {
        rc = list_rules(c);
        goto out;
    }
    if (!a.npositionals) {
        rc = cli_usage_error(c, "no PATH given");
        goto out;
    }
    cg_extractor_options eo = {o.common.patterns, o.common.npatterns};
    if (cg_extractor_new(&eo, &ex, &err) != CG_OK) {
        rc = cli_grammar_fail(c, &err);
        goto out;
    }
    if (cg_check_new(&chk, &err) != CG_OK) {
        rc = cli_fail(c, &err, NULL, EXIT_FAILED);
        goto out;
    }
    cg_check_set_fail_on(chk, o.never ? CG_SEV_OFF : o.fail_on); /* JUnit fails only these */
    if ((rc = configure(c, &o, ex, chk)) != EXIT_OK) goto out;
    if (o.cache_dir) {
        if (cg_cache_open(o.cache_dir, ex, &cache, &err) != CG_OK) {
            rc = cli_fail(c, &err, "--cache", EXIT_USAGE);
            goto out;
        }
        if (cg_cache_index_problem(cache)[0])
            cli_warning(c,
                        "--cache: %s/index is damaged (%s): every file is read, and the index "
                        "rebuilt",
                        o.cache_dir, cg_cache_index_problem(cache));
    }
    /* the findings of unchanged documents are kept next to their extractions;
     * the online check's never are (URLs change without the documents) */
    if (cache && !o.online) {
        char state[PATH_MAX];
        if (snprintf(state, sizeof state, "%s/check-state", o.cache_dir) >= (int)sizeof state) {
            rc = cli_usage_error(c, "--cache %s: the path is too long", o.cache_dir);
            goto out;
        }
        if (cg_check_open_state(chk, state, &err) != CG_OK) {
            rc = cli_fail(c, &err, "--cache", EXIT_FAILED);
            goto out;
        }
        if (cg_check_state_problem(chk)[0])
            cli_warning(c,
                        "--cache: %s is not used (%s): every document is checked, and it is "
                        "rewritten",
                        state, cg_check_state_problem(chk));
    }
    /* checked once --cache has made its directory, where the URL cache may live */
    if (o.online && o.oo.cache_file && !parent_exists(o.oo.cache_file))
        cli_warning(c, "--url-cache %s: its directory does not exist, so no result is kept",
                    o.oo.cache_file);
    if ((rc = cli_collect(c, a.positionals, a.npositionals, (const char *const *)o.common.exts,
                          &list)))
        goto out;
    cr.chk = chk;
    cr.total = list.count;
    cg_run_options ro = {.extractor = ex,
                         .cache = cache,
                         .jobs = o.common.jobs,
                         .reuse = cache && !o.online ? kept_by_check : NULL,
                         .consume = add_to_check,
                         .ctx = &cr};
    if (cg_run(&ro, &list, &err) != CG_OK) {
        cli_fail(c, &err, NULL, EXIT_FAILED);
        cr.nomem = true;
    }
    cli_progress_end(c);
    /* what this run's files took (a second round reads kept documents again) */
    cg_cache_stats stats = {0};
    if (cache) cg_cache_get_stats(cache, &stats);
    if (!cr.nomem && (rc = run_rules(c, &ro, &cr)) != EXIT_OK) goto out;
    if (cache) {
        cg_status closed = cg_cache_close(cache, &err);
        cache = NULL;
        if (closed != CG_OK) cli_warning(c, "--cache: %s: the next run reads every file", err.text);
    }
    if (cr.nomem) {
        rc = EXIT_NOMEM;
        goto out;
    }
    if (cg_check_online_problem(chk))
        cli_warning(c, "--url-cache %s; the next run fetches every URL again",
                    cg_check_online_problem(chk));
    /* a report not written does not stop the summary: the status says it */
    int written = write_reports(c, &o, chk);
    if (written == EXIT_NOMEM) {
        rc = EXIT_NOMEM;
        goto out;
    }
    /* after the reports, whose bytes per finding it keeps; a state not
     * written only costs the next run time */
    if (o.cache_dir && !o.online && cg_check_save_state(chk, &err) != CG_OK)
        cli_warning(c,
                    "--cache: %s/check-state: cannot keep the findings: %s; the next run "
                    "checks every document",
                    o.cache_dir, err.text);
    size_t counts[3] = {0, 0, 0}, fresh_failing = 0, fresh = 0, suppressed = 0;
    for (size_t i = 0; i < cg_check_count(chk); i++) {
        const cg_finding *f = cg_check_finding(chk, i);
        if (f->severity == CG_SEV_OFF) continue;
        suppressed += f->suppressed != NULL; /* silenced by the config: counted, not shown */
        if (f->suppressed) continue;
        counts[f->severity]++;
        fresh += !f->in_baseline;
        fresh_failing += !f->in_baseline && f->severity >= o.fail_on;
    }
    /* A baseline that matches none of the findings, while there are new ones, was most
     * likely written for other files, or for the same files named otherwise ("./docs" is not
     * "docs"): every finding it was to hold back counts as new, and the run fails. */
    size_t baselined = counts[0] + counts[1] + counts[2] - fresh;
    if (o.baseline && cg_check_baseline_count(chk) && !baselined && fresh)
        cli_warning(c,
                    "%s: none of its %zu findings is among this run's %zu: a baseline of other "
                    "files, or of these named otherwise (./docs is not docs)?",
                    o.baseline, cg_check_baseline_count(chk), fresh);
    size_t nfiles = list.count;
    if (!c->quiet) {
        fprintf(stderr, "citegraph: %zu error%s, %zu warning%s, %zu note%s (%zu new", counts[2],
                counts[2] == 1 ? "" : "s", counts[1], counts[1] == 1 ? "" : "s", counts[0],
                counts[0] == 1 ? "" : "s", fresh);
        if (suppressed) fprintf(stderr, ", %zu suppressed", suppressed);
        fprintf(stderr, ") in %zu file%s", nfiles, nfiles == 1 ? "" : "s");
        print_input_problem_counts(chk);
        fputc('\n', stderr);
    }
    if (!c->quiet && o.cache_dir)
        fprintf(stderr,
                "citegraph: cache: %zu reused, %zu extracted, %zu damaged and rebuilt; "
                "%zu of %zu files read\n",
                stats.reused, stats.extracted, stats.damaged, stats.read, nfiles);
    /* an incomplete run outweighs its findings: what it reports is not all */
    if (written != EXIT_OK || cr.failed)
        rc = EXIT_INCOMPLETE;
    else if (fresh_failing && !o.never)
        rc = EXIT_FAILED;
out:
    if (rc == EXIT_NOMEM) cli_nomem(c);
    cg_cache_close(cache, NULL);
    cg_path_list_release(&list);
    cg_check_free(chk);
    cg_extractor_free(ex);
    free_options(&o);
    cli_args_free(&a);
    return rc;
}
