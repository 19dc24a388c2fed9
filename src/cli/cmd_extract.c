/* cmd_extract.c - `citegraph extract`: every reference with its position.
 *
 * Documents are read and extracted on -j threads and serialised on the
 * same threads (cg_run's prepare); the output is written in path order, so
 * it is the same bytes for any number of threads and memory holds the
 * documents in flight, not the corpus. A file that cannot be read is named
 * on stderr and, in JSON Lines, recorded on its document line. Two inputs
 * with one document id are named on stderr, both; the output is unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h> /* isatty */

#include "cli.h"

/* The choices of extract's --format, in the order of its row: jsonl|tsv|text|packed. */
typedef enum { FMT_JSONL, FMT_TSV, FMT_TEXT, FMT_PACKED } out_format;

typedef struct run {
    cli *c;
    cli_out out;
    out_format format;
    size_t total, files, failed, references, warned;
    bool nomem, records; /* records: a document came in a DIP record */
    /* the documents' own ids so far, for duplicates: index i of `seen` is
     * named seen_names[i], "path" or "path (record N)" */
    cg_corpus *seen;
    char **seen_names;
    size_t nseen, capseen;
} run;

/* The serialised output of one document, made on a worker thread. */
typedef struct doc_output {
    cg_buf text;
    cg_status status;
} doc_output;

static void prepare(cg_run_doc *doc, void *ctx) {
    const run *r = ctx;
    doc_output *o = calloc(1, sizeof *o);
    if (!o) return; /* consume reports it */
    cg_buf_init(&o->text);
    const char *path = doc->entry->path;
    if (r->format == FMT_JSONL)
        o->status =
            cg_jsonl_write_document(&o->text, path, doc->input, doc->extraction, NULL, NULL);
    else if (r->format == FMT_PACKED)
        o->status =
            cg_packed_write_document(&o->text, path, doc->input, doc->extraction, NULL, NULL);
    else if (r->format == FMT_TSV)
        o->status = cg_tsv_write(&o->text, path, doc->extraction, NULL);
    /* text is written as it is, from the input */
    doc->user = o;
}

static void release(cg_run_doc *doc, void *ctx) {
    (void)ctx;
    doc_output *o = doc->user;
    if (o) cg_buf_release(&o->text);
    free(o);
    doc->user = NULL;
}

/* A document that failed, said on standard error: counted, and in JSON Lines
 * and packed output recorded as its document. */
static void record_failure(run *r, const char *path, const char *message) {
    r->failed++;
    if (r->format != FMT_JSONL && r->format != FMT_PACKED) return;
    cg_buf b = CG_BUF_INIT;
    if ((r->format == FMT_JSONL ? cg_jsonl_write_document : cg_packed_write_document)(
            &b, path, NULL, NULL, message, NULL) == CG_OK)
        cli_out_buf(&r->out, &b);
    else
        r->nomem = true;
    cg_buf_release(&b);
}

/* "path" or "path (record N)": an input as the duplicate warning names it;
 * NULL when memory ran out. */
static char *input_name(const char *path, size_t record) {
    size_t n = strlen(path) + 32;
    char *s = malloc(n);
    if (s && record)
        snprintf(s, n, "%s (record %zu)", path, record);
    else if (s)
        snprintf(s, n, "%s", path);
    return s;
}

/* Warns when the document's own id is one an earlier input (in path order)
 * already has: the graph and the check resolve references to the first. */
static void note_duplicate(run *r, const char *path, const cg_extraction *ext) {
    const cg_document_info *info = cg_extraction_document(ext);
    if (info->id.kind == CG_KIND_NONE) return;
    size_t k;
    char *name = input_name(path, info->record);
    if (!name) {
        r->nomem = true;
        return;
    }
    if (cg_corpus_find(r->seen, &info->id, &k)) {
        char id[256];
        cg_docid_format(&info->id, id, sizeof id);
        cli_warning(r->c,
                    "%s: %s is also the id of %s, read before it (the graph and check use "
                    "the copy in a DIP record, else the first)",
                    name, id, r->seen_names[k]);
        free(name);
        return;
    }
    cg_docid none = {0};
    if (r->nseen == r->capseen) {
        size_t cap = r->capseen ? 2 * r->capseen : 64;
        char **p = realloc(r->seen_names, cap * sizeof *p);
        if (!p) {
            free(name);
            r->nomem = true;
            return;
        }
        r->seen_names = p;
        r->capseen = cap;
    }
    if (cg_corpus_add(r->seen, &info->id, &none, r->nseen, NULL) != CG_OK) {
        free(name);
        r->nomem = true;
        return;
    }
    r->seen_names[r->nseen++] = name;
}

static int consume(cg_run_doc *doc, void *ctx) {
    run *r = ctx;
    const char *path = doc->entry->path;
    cli_progress(r->c, doc->index + 1, r->total, path);
    r->files++;
    r->records |= doc->record != 0;
    for (size_t i = 0; doc->input && i < cg_input_warning_count(doc->input); i++) {
        cli_warning(r->c, "%s: %s", path, cg_input_warning(doc->input, i));
        r->warned++;
    }
    doc_output *o = doc->user;
    if (doc->status != CG_OK) {
        if (cli_doc_failed(r->c, doc)) r->nomem = true;
        record_failure(r, path, doc->error);
    } else if (!o || o->status != CG_OK) {
        r->nomem = true;
        cli_error(r->c, "%s: out of memory", path);
        record_failure(r, path, "out of memory");
    } else {
        r->references += cg_extraction_count(doc->extraction);
        if (r->format == FMT_TEXT)
            cli_out_write(&r->out, cg_input_data(doc->input), cg_input_size(doc->input));
        else
            cli_out_buf(&r->out, &o->text);
        note_duplicate(r, path, doc->extraction);
    }
    return r->out.errnum ? 1 : 0; /* nothing more can be written */
}

int cmd_extract(cli *c, int argc, char **argv) {
    cli_args a;
    int rc = EXIT_OK;
    run r = {.c = c};
    cli_common o = {0};
    cg_extractor *ex = NULL;
    cg_path_list list = {0};
    cg_error err;
    if (!cli_parse_command(c, CMD_EXTRACT, argc, argv, &a, &rc)) goto out;
    if ((rc = cli_read_common(c, &a, &o)) != EXIT_OK) goto out;
    /* no ending stands for text: -o refs.txt must not write the documents' text */
    static const cli_ending endings[] = {{".jsonl", FMT_JSONL, NULL},
                                         {".ndjson", FMT_JSONL, NULL},
                                         {".tsv", FMT_TSV, NULL},
                                         {".cgpack", FMT_PACKED, NULL}};
    int choice = FMT_JSONL;
    rc = cli_format_of_output(c, &o, endings, sizeof endings / sizeof endings[0], &choice, NULL);
    if (rc != EXIT_OK) goto out;
    r.format = (out_format)choice;
    /* packed output and text do not mix, whichever way round: the graph
     * commands take a file ending in .cgpack for packed output, and one
     * ending in .jsonl for JSON Lines */
    const char *ending = cli_ending_of(o.output);
    for (size_t i = 0; ending && i < sizeof endings / sizeof endings[0]; i++) {
        bool named_packed = endings[i].choice == FMT_PACKED;
        if (strcmp(ending, endings[i].ending) != 0 || named_packed == (r.format == FMT_PACKED))
            continue;
        rc = cli_usage_error(c, "-o %s: its ending says %s, --format says %s", o.output,
                             named_packed ? "packed output" : "text",
                             r.format == FMT_PACKED ? "packed" : "text (JSON Lines, TSV)");
        goto out;
    }
    if (a.npositionals == 0) {
        rc = cli_usage_error(c, "no PATH given (use - for standard input)");
        goto out;
    }
    /* With more than one thread to run on, the directories are walked while the patterns
     * compile, and the walk takes nothing from the run's wall time; with -j 1 the patterns
     * compile first, and a grammar that fails is reported before any walk. */
    const bool overlap = o.jobs != 1;
    cli_collecting walk = {0};
    if (overlap && cli_collect_begin(&walk, (const char *const *)a.positionals, a.npositionals,
                                     (const char *const *)o.exts, &list, true)) {
        rc = cli_nomem(c);
        goto out;
    }
    cg_extractor_options eo = {o.patterns, o.npatterns};
    cg_status compiled = cg_extractor_new(&eo, &ex, &err);
    /* a grammar that failed is all that is said */
    if (overlap) rc = cli_collect_end(c, &walk, compiled == CG_OK);
    if (compiled != CG_OK) {
        rc = cli_grammar_fail(c, &err);
        goto out;
    }
    if (!overlap)
        rc = cli_collect(c, (const char *const *)a.positionals, a.npositionals,
                         (const char *const *)o.exts, &list);
    if (rc != EXIT_OK) goto out;
    if ((rc = cli_out_open(c, &r.out, o.output)) != EXIT_OK) goto out;
    /* standard output or a named file (-o /dev/tty): the terminal it is */
    if (r.format == FMT_PACKED && isatty(fileno(r.out.f))) {
        cli_out_close(c, &r.out);
        rc = cli_usage_error(c, "packed output is binary, not for a terminal: give -o "
                                "FILE.cgpack or redirect it");
        goto out;
    }
    if (cg_corpus_new(&r.seen, &err) != CG_OK) {
        cli_out_discard(&r.out);
        rc = cli_nomem(c);
        goto out;
    }
    r.total = list.count;
    if (r.format == FMT_TSV || r.format == FMT_PACKED) {
        cg_buf h = CG_BUF_INIT;
        if ((r.format == FMT_TSV ? cg_tsv_write_header : cg_packed_write_header)(&h, NULL) == CG_OK)
            cli_out_buf(&r.out, &h);
        else
            r.nomem = true;
        cg_buf_release(&h);
    }
    cg_run_options ro = {.extractor = ex,
                         .jobs = o.jobs,
                         .prepare = prepare,
                         .consume = consume,
                         .release = release,
                         .ctx = &r};
    cg_status st = cg_run(&ro, &list, &err);
    cli_progress_end(c);
    if (st != CG_OK) rc = cli_fail(c, &err, NULL, EXIT_FAILED);
    if ((r.format == FMT_JSONL || r.format == FMT_PACKED) && !r.out.errnum) {
        cg_buf s = CG_BUF_INIT;
        if ((r.format == FMT_JSONL ? cg_jsonl_write_summary : cg_packed_write_summary)(
                &s, r.files, r.failed, r.references, r.warned, NULL) == CG_OK)
            cli_out_buf(&r.out, &s);
        else
            r.nomem = true;
        cg_buf_release(&s);
    }
    /* a run that stopped (not a file that failed: the output says which) leaves the previous file
     */
    int wrote = EXIT_OK;
    if (st != CG_OK || r.nomem)
        cli_out_discard(&r.out);
    else
        wrote = cli_out_close(c, &r.out);
    if (r.nomem) {
        rc = cli_nomem(c);
    } else if (rc == EXIT_OK && wrote != EXIT_OK) {
        rc = wrote;
    } else if (rc == EXIT_OK && r.failed) {
        if (!c->quiet)
            cli_error(c, "%zu of %zu %s%s could not be processed", r.failed, r.files,
                      r.records ? "document" : "file", r.files == 1 ? "" : "s");
        rc = EXIT_FAILED;
    }
out:
    cg_corpus_free(r.seen);
    for (size_t i = 0; i < r.nseen; i++)
        free(r.seen_names[i]);
    free(r.seen_names);
    cg_path_list_release(&list);
    cg_extractor_free(ex);
    cli_common_release(&o);
    cli_args_free(&a);
    return rc;
}
