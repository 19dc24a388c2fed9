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

/* What stat() says of a file: the index trusts a file whose stat is unchanged. */
typedef struct cli_file_stat {
    uint64_t dev, ino, size;
    int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
} cli_file_stat;

typedef struct cli_index_entry {
    char *path;
    cli_file_stat st;
    char key[33];
} cli_index_entry;

typedef struct cli_cache {
    const char *dir;
    uint64_t grammar_a, grammar_b; /* hash of version and grammar */
    int64_t settled_before;        /* files changed since (seconds) are not indexed */
    char index_head[96];           /* the first line of DIR/index for this grammar */
    cli_index_entry *index;        /* the last run's, sorted by path; read-only */
    size_t nindex;
    char *index_data;        /* the paths of `index` point into it */
    char index_problem[160]; /* why DIR/index was not used, "" if it was */
    cli_index_entry *fresh;  /* this run's, for the next (calling thread only) */
    size_t nfresh, capfresh;
    size_t files_read; /* this run's, not trusted by their stat */
} cli_cache;

typedef enum { CLI_CACHE_OFF, CLI_CACHE_MISS, CLI_CACHE_HIT, CLI_CACHE_CORRUPT } cli_cache_state;

/* Creates DIR if needed, fingerprints the grammar and reads DIR/index (a
 * damaged index is not used: index_problem says why); -1 with a reason. */
int cli_cache_open(cli_cache *cache, const char *dir, const char *const *patterns,
                   size_t npatterns, char *why, size_t whylen);
/* Writes this run's index (-1 when it could not) and frees everything. */
int cli_cache_close(cli_cache *cache);
struct stat;
void cli_cache_stat_of(const struct stat *st, cli_file_stat *out);
/* Whether the file had not changed for long enough to be indexed. */
bool cli_cache_settled(const cli_cache *cache, const cli_file_stat *st);
/* Thread-safe. The key the index holds for `path` when `st` is what it
 * recorded; false when the file must be read and hashed. */
bool cli_cache_lookup(const cli_cache *cache, const char *path, const cli_file_stat *st,
                      char key[33]);
/* Calling thread only: `path` had `st` and `key` in this run. */
int cli_cache_remember(cli_cache *cache, const char *path, const cli_file_stat *st,
                       const char key[33]);
/* Thread-safe. The key of a document's bytes. */
void cli_cache_key(const cli_cache *cache, const cg_input *in, char key[33]);
/* Thread-safe. The entry of `key` for a document of `size` bytes. HIT sets
 * *ext (with its quotes); CORRUPT says why in `why`. */
cli_cache_state cli_cache_load(const cli_cache *cache, const char key[33], size_t size,
                               cg_extraction **ext, char *why, size_t whylen);
/* Thread-safe (`serial` makes the temporary file name unique). `ext` must
 * carry its quotes. */
int cli_cache_store(const cli_cache *cache, const char key[33], const cg_extraction *ext,
                    size_t size, size_t serial);

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
    bool read;                   /* the file was read (with --cache: not trusted by stat) */
    bool indexable;              /* with --cache: `st` and `key` go into the index */
    cli_file_stat st;
    char key[33];
    cg_status status;            /* CG_OK, or why the document failed */
    char error[512];             /* the message for a failed document */
    void *extra;                 /* the command's own result (prepare/release) */
} cli_doc;

typedef struct cli_docs {
    const cg_extractor *ex;
    cli_cache *cache;            /* NULL: extract every document */
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
