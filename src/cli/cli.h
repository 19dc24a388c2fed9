/* cli.h - the citegraph command: shared pieces of the subcommands.
 *
 * The CLI is a thin layer over the public library API. It owns everything
 * the library must not do: printing, exit codes, progress on a terminal. */
#ifndef CG_CLI_H
#define CG_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "citegraph/citegraph.h"

/* Exit codes, documented in `citegraph --help`. */
enum {
    EXIT_OK = 0,      /* success, also when nothing was found */
    EXIT_FAILED = 1,  /* finished, but some input could not be processed */
    EXIT_USAGE = 2    /* usage or configuration error; nothing was done */
};

typedef struct cli {
    bool quiet;
    bool progress;      /* stderr is a terminal and this is no CI log */
    bool progress_shown;
    const char *prog;
} cli;

void cli_init(cli *c);
void cli_error(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_warning(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_note(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "[12/2951] path" on one self-overwriting stderr line, only on a terminal. */
void cli_progress(cli *c, size_t done, size_t total, const char *path);
void cli_progress_end(cli *c);
/* A usage error: message, the hint to --help, exit code 2. */
int cli_usage_error(cli *c, const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Writes bytes to stdout; false when the write failed (EPIPE included). */
bool cli_write(const char *data, size_t len);

/* "citegraph: error: FILE:LINE:COL: message" for a grammar that did not load. */
void cli_grammar_error(cli *c, const struct cg_error *err);

/* ---- extraction results kept between runs (cache.c) ---- */

typedef struct cli_cache {
    const char *dir;
    uint64_t grammar_a, grammar_b; /* hash of version and grammar */
} cli_cache;

typedef enum { CLI_CACHE_OFF, CLI_CACHE_MISS, CLI_CACHE_HIT, CLI_CACHE_CORRUPT } cli_cache_state;

/* Creates DIR if needed and fingerprints the grammar; -1 with a reason. */
int cli_cache_open(cli_cache *cache, const char *dir, const char *const *patterns,
                   size_t npatterns, char *why, size_t whylen);
/* Thread-safe. HIT sets *ext; CORRUPT says why in `why`. */
cli_cache_state cli_cache_load(const cli_cache *cache, const cg_input *in, cg_extraction **ext,
                               char *why, size_t whylen);
/* Thread-safe (`serial` makes the temporary file name unique). */
int cli_cache_store(const cli_cache *cache, const cg_input *in, const cg_extraction *ext,
                    size_t serial);

/* ---- documents on several threads (docs.c) ---- */

/* One document of a run: read, extracted, and whatever the command added. */
typedef struct cli_doc {
    size_t index;                /* in the path list */
    const cg_path_entry *entry;
    cg_input *in;                /* NULL when it could not be read */
    cg_extraction *ext;          /* NULL when not extracted */
    bool extracted;
    cli_cache_state cache_state; /* OFF without --cache */
    char cache_problem[512];     /* why a cache entry was rebuilt */
    cg_status status;            /* CG_OK, or why the document failed */
    char error[512];             /* the message for a failed document */
    void *extra;                 /* the command's own result (prepare/release) */
} cli_doc;

typedef struct cli_docs {
    const cg_extractor *ex;
    const cli_cache *cache;      /* NULL: extract every document */
    size_t *cache_counts;        /* NULL, or 4 counters indexed by cli_cache_state */
    int jobs;                    /* threads; 1 runs everything on the caller's */
    void *ctx;
    /* on a worker: whether to extract this document (NULL: always) */
    bool (*extract)(const cli_doc *doc, void *ctx);
    /* on a worker, after a successful read and extraction (may be NULL) */
    void (*prepare)(cli_doc *doc, void *ctx);
    /* on the calling thread, in path order; nonzero stops the run */
    int (*consume)(cli_doc *doc, void *ctx);
    /* frees doc->extra (may be NULL) */
    void (*release)(cli_doc *doc, void *ctx);
} cli_docs;

/* Reads and extracts every document of `list` on d->jobs threads and hands
 * each to d->consume in order, showing progress. Returns what consume
 * returned to stop, -1 when no thread could start, else 0. */
int cli_for_each_doc(cli *c, const cli_docs *d, const cg_path_list *list);
/* The number of cores (1 to 64): the default of -j. */
int cli_default_jobs(void);
/* "-j N": 0 means the number of cores; -1 for a bad value. */
int cli_parse_jobs(const char *v, int *jobs);

int cmd_extract(cli *c, int argc, char **argv);
int cmd_grammar(cli *c, int argc, char **argv);
int cmd_check(cli *c, int argc, char **argv);
/* graph, cites, cited-by, chain, path, longest-chain, rank, stats: in the
 * program citegraph-graph (graph_main.c), which `citegraph` executes for them */
int cmd_graph_query(cli *c, const char *cmd, int argc, char **argv);
int cmd_is_graph_query(const char *cmd);
/* In `citegraph` (graph_exec.c): whether `cmd` is a graph command, and
 * running it (argv[1] is the command) in citegraph-graph, which replaces
 * this process; returns EXIT_USAGE, with a message, only when it could not. */
int cli_is_graph_command(const char *cmd);
int cli_exec_graph(cli *c, char **argv);
int cmd_accuracy(cli *c, int argc, char **argv);

#endif
