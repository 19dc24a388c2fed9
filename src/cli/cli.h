/* cli.h - the citegraph command: what its subcommands share.
 *
 * The command is a thin layer over the public library API: it parses
 * options (one table, optable.c), calls the library and prints. It owns
 * everything the library must not do: printing, exit codes, progress on a
 * terminal. */
#ifndef CG_CLI_H
#define CG_CLI_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "citegraph/citegraph.h"
#include "optable.h"

/* Exit statuses, documented in every --help and man page. */
enum {
    EXIT_OK = 0,     /* success, also when nothing was found */
    EXIT_FAILED = 1, /* finished, but some input failed, a finding, an output not written */
    EXIT_USAGE = 2,  /* usage or configuration error; nothing was done */
    EXIT_NOMEM = 3,  /* out of memory */
    /* check only: an input not read or a report not written; a pipeline
     * tells it from 1 (findings), since the report it has is incomplete */
    EXIT_INCOMPLETE = 4
};

typedef struct cli {
    bool quiet;
    bool progress; /* stderr is a terminal and this is no CI log */
    bool progress_shown;
    bool nomem_reported; /* "out of memory" is said once */
    const char *prog;
    /* The command whose arguments are parsed (set by cli_parse_command):
     * usage errors point to its --help. NULL, or the program: to citegraph's. */
    const cli_command *command;
    unsigned file_mode; /* 0666 less the umask: the mode of a new output file */
} cli;

void cli_init(cli *c);
void cli_error(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_warning(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "[12/2951] path" on one self-overwriting stderr line, only on a terminal. */
void cli_progress(cli *c, size_t done, size_t total, const char *path);
void cli_progress_end(cli *c);
/* Says "out of memory", once however often it is called, and returns
 * EXIT_NOMEM: for the place that finds it and for a command's last line
 * alike. */
int cli_nomem(cli *c);
/* A usage error: the message, the hint to the --help of c->command;
 * returns EXIT_USAGE. */
int cli_usage_error(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Reports a failed library call: "PATH:LINE:COL: text" as far as `err`
 * knows, after `context` when given. Returns EXIT_NOMEM for CG_ENOMEM,
 * else `status`. */
int cli_fail(cli *c, const cg_error *err, const char *context, int status);
/* A grammar that does not load: cli_fail with EXIT_USAGE, naming the
 * built-in grammar when the fault is there. */
int cli_grammar_fail(cli *c, const cg_error *err);

/* ---- parsing a command's arguments ---- */

/* Parses argv for command `id` (argv[0] its name), or for the program itself
 * (CMD_CITEGRAPH: argv[0] the program, and the options end at the first
 * positional, the command), and makes it c->command. Answers -h and -V
 * itself: then, and on a usage error, *rc is the exit status and false is
 * returned; else true, with the options in *args (free with cli_args_free
 * in any case), -q applied. */
bool cli_parse_command(cli *c, cli_command_id id, int argc, char **argv, cli_args *args, int *rc);
/* --help and --version: `cmd`'s help, or "citegraph VERSION", on standard
 * output. EXIT_OK, or EXIT_FAILED when it could not be written. */
int cli_print_help(const cli_command *cmd);
int cli_print_version(void);
/* The value of option `v` as a whole number from 0 to max, into *n: EXIT_OK,
 * or a usage error "SPELLED takes WHAT" ("-j takes a number of threads");
 * a NULL `what` says "a whole number, not 'VALUE'". */
int cli_read_count(cli *c, const cli_opt_value *v, long max, const char *what, long *n);
/* The files of the PATHs, sorted byte-wise, directories walked taking the
 * files ending in one of `exts` (NULL-terminated; NULL: ".txt" and ".pdf"). */
int cli_collect(cli *c, const char *const *paths, size_t n, const char *const *exts,
                cg_path_list *list);
/* The same in two steps, the walk on a thread of its own in between when
 * `in_background` (and a thread could be had): the caller compiles the
 * patterns meanwhile. cli_collect_begin: 0, or -1 when memory ran out
 * (nothing to end then). cli_collect_end waits for the walk and, when
 * `report`, says that memory ran out or warns of each PATH that gave no
 * file: EXIT_OK or EXIT_NOMEM. */
typedef struct cli_collecting {
    const char *const *paths, *const *exts;
    size_t n;
    cg_path_list *list;
    size_t *found; /* the files each PATH gave */
    bool nomem, threaded;
    pthread_t thread;
} cli_collecting;
int cli_collect_begin(cli_collecting *k, const char *const *paths, size_t n,
                      const char *const *exts, cg_path_list *list, bool in_background);
int cli_collect_end(cli *c, cli_collecting *k, bool report);
/* "--ext .txt,.md" as a NULL-terminated list the caller frees with
 * cli_free_exts(); "" gives every file. NULL when memory ran out. */
char **cli_parse_exts(const char *list);
void cli_free_exts(char **exts);

/* The options several commands share (those of the table a command has). */
typedef struct cli_common {
    const char *output;                /* -o FILE; NULL: standard output */
    const char **patterns, **catalogs; /* --patterns, --catalog, in the order given */
    size_t npatterns, ncatalogs;
    char **exts; /* --ext, parsed; NULL: the command's default */
    int jobs;    /* -j; 0: one per core */
    int format;  /* --format: the index of the choice in the command's row; -1: not given */
} cli_common;

/* Reads the shared options of `a` into `o`; the command reads its own.
 * EXIT_OK, or the status of a usage error or of memory running out,
 * reported. Release `o` with cli_common_release() in any case. */
int cli_read_common(cli *c, const cli_args *a, cli_common *o);
void cli_common_release(cli_common *o);

/* An ending of -o FILE and the --format choice it stands for. */
typedef struct cli_ending {
    const char *ending; /* ".tsv" */
    int choice;         /* the index of the format in the command's --format row */
    const char *render; /* graph: rendered with Graphviz in this format ("svg"); or NULL */
} cli_ending;

/* The ending of `path` (".tsv"), or NULL when it has none: NULL, "-", a
 * name without a dot or whose only dot starts it. */
const char *cli_ending_of(const char *path);

/* The format to write, into *choice: the --format given (o->format); else
 * the one the ending of -o FILE stands for in `endings`, and *match (when
 * `match` is not NULL) is set to that entry, else to NULL; standard output
 * or a FILE without an ending keeps *choice, the default. An ending not in
 * `endings` is a usage error that lists them. EXIT_OK or EXIT_USAGE. */
int cli_format_of_output(cli *c, const cli_common *o, const cli_ending *endings, size_t n,
                         int *choice, const cli_ending **match);

/* A document cg_run could not read or extract: says "PATH: error", and
 * when memory ran out remembers that it was said. Returns whether memory
 * ran out. */
bool cli_doc_failed(cli *c, const cg_run_doc *doc);

/* ---- output ---- */

/* Where data goes: standard output, or the file of -o. Write errors are
 * remembered and reported once, naming the file, by cli_out_close. A
 * regular file (or a new one) is written under a temporary name beside it
 * and renamed over it only when all was written, so that a run that fails
 * half-way leaves the previous file, not half a report. */
typedef struct cli_out {
    FILE *f;
    const char *name; /* NULL for standard output */
    char *tmp;        /* the temporary file renamed to `name`, or NULL */
    int errnum;       /* the first write error */
    size_t written;   /* bytes handed to it */
    char *buffer;     /* stdio's buffer of a file, freed when it is closed */
} cli_out;

/* Opens `path` for writing, or standard output for NULL or "-". A device,
 * a pipe, a symbolic link, a file that would change owner and a file in a
 * directory that takes no new file are written directly (README, "Exit
 * status"). EXIT_OK, or EXIT_FAILED after saying why. */
int cli_out_open(cli *c, cli_out *o, const char *path);
/* Writes len bytes; false once a write failed (later writes do nothing). */
bool cli_out_write(cli_out *o, const char *data, size_t len);
bool cli_out_buf(cli_out *o, const cg_buf *b);
bool cli_out_printf(cli_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Flushes and closes, and puts the file in place; reports a write error
 * naming the file, and then removes the temporary file (a closed pipe on
 * standard output ends the run quietly). EXIT_OK or EXIT_FAILED. */
int cli_out_close(cli *c, cli_out *o);
/* Closes output that failed half-way for a reason already said: a
 * temporary file is removed and the previous file left as it was (standard
 * output, a device or a link keeps what was written). */
void cli_out_discard(cli_out *o);
/* Writes `b` to `path` (standard output for NULL or "-"): open, write,
 * close. EXIT_OK, or EXIT_FAILED after saying why. */
int cli_write_buf(cli *c, const char *path, const cg_buf *b);

/* ---- the commands ---- */

int cmd_extract(cli *c, int argc, char **argv);
int cmd_check(cli *c, int argc, char **argv);
int cmd_accuracy(cli *c, int argc, char **argv);
int cmd_grammar(cli *c, int argc, char **argv);
/* graph and the queries: in the program citegraph-graph (graph_main.c) */
int cmd_graph(cli *c, cli_command_id id, int argc, char **argv);
/* In `citegraph` (graph_exec.c): runs a graph command (argv[1] is its name)
 * in citegraph-graph, which replaces this process; returns EXIT_USAGE, with
 * a message, only when it could not. */
int cli_exec_graph(cli *c, char **argv);
/* Runs this program again with `argv` and malloc's huge pages set in
 * GLIBC_TUNABLES, unless it is set already; returns only when it did not. */
void cli_exec_with_huge_pages(char **argv);

#endif
