/* common.c - what every subcommand does alike: parsing its arguments with
 * the option table, collecting its files, writing its output. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The command `id`, or the program itself. */
static const cli_command *command_of(const cli_table *t, cli_command_id id) {
    if (t->program->id == (int)id) return t->program;
    for (size_t i = 0; i < t->ncommands; i++)
        if (t->commands[i].id == (int)id) return &t->commands[i];
    return NULL;
}

bool cli_parse_command(cli *c, cli_command_id id, int argc, char **argv, cli_args *args, int *rc) {
    const cli_table *t = &cli_citegraph_table;
    const cli_command *cmd = command_of(t, id);
    /* the program's first positional is the command: its options end there */
    unsigned flags = cmd == t->program ? CLI_PARSE_STOP_AT_POSITIONAL : 0;
    char err[300];
    c->command = cmd;
    switch (cli_parse(t, cmd, argc, argv, flags, args, err, sizeof err)) {
    case CLI_PARSE_OK:
        break;
    case CLI_PARSE_USAGE:
        *rc = cli_usage_error(c, "%s", err);
        return false;
    case CLI_PARSE_NOMEM:
        *rc = cli_nomem(c);
        return false;
    }
    /* help and version before anything is checked, wherever they stand */
    if (cli_args_last(args, OPT_HELP)) {
        *rc = cli_print_help(cmd);
        return false;
    }
    if (cli_args_last(args, OPT_VERSION)) {
        *rc = cli_print_version();
        return false;
    }
    if (cli_args_last(args, OPT_QUIET)) c->quiet = true;
    return true;
}

int cli_print_help(const cli_command *cmd) {
    return cli_write_help(&cli_citegraph_table, cmd, stdout) == 0 && fflush(stdout) == 0
               ? EXIT_OK
               : EXIT_FAILED;
}

int cli_print_version(void) {
    return printf("citegraph %s\n", cg_version()) > 0 && fflush(stdout) == 0 ? EXIT_OK
                                                                             : EXIT_FAILED;
}

/* A whole number from 0 to max; -1 when `v` is none. */
static long parse_count(const char *v, long max) {
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (!*v || *end || errno || n < 0 || n > max) return -1;
    return n;
}

int cli_read_count(cli *c, const cli_opt_value *v, long max, const char *what, long *n) {
    long num = parse_count(v->value, max);
    if (num >= 0) {
        *n = num;
        return EXIT_OK;
    }
    if (!what) return cli_usage_error(c, "%s takes a whole number, not '%s'", v->spelled, v->value);
    return cli_usage_error(c, "%s takes %s", v->spelled, what);
}

static int cmp_entry(const void *a, const void *b) {
    return strcmp(((const cg_path_entry *)a)->path, ((const cg_path_entry *)b)->path);
}

/* PDFs are documents as much as texts: a directory of downloads is read whole */
static const char *const documents[] = {".txt", ".pdf", NULL};

static void *collect_paths(void *arg) {
    cli_collecting *k = arg;
    for (size_t i = 0; i < k->n && !k->nomem; i++) {
        size_t before = k->list->count;
        k->nomem = cg_path_list_add(k->list, k->paths[i], k->exts, NULL) != CG_OK;
        k->found[i] = k->list->count - before;
    }
    /* the same files in the same order, whatever the order they were named in */
    if (!k->nomem && k->list->count)
        qsort(k->list->items, k->list->count, sizeof *k->list->items, cmp_entry);
    return NULL;
}

int cli_collect_begin(cli_collecting *k, const char *const *paths, size_t n,
                      const char *const *exts, cg_path_list *list, bool in_background) {
    *k = (cli_collecting){.paths = paths, .n = n, .exts = exts ? exts : documents, .list = list};
    k->found = calloc(n ? n : 1, sizeof *k->found);
    if (!k->found) return -1;
    k->threaded = in_background && pthread_create(&k->thread, NULL, collect_paths, k) == 0;
    if (!k->threaded) collect_paths(k); /* no thread to be had: here, now */
    return 0;
}

int cli_collect_end(cli *c, cli_collecting *k, bool report) {
    if (k->threaded) pthread_join(k->thread, NULL);
    k->threaded = false;
    int rc = EXIT_OK;
    if (k->nomem) rc = report ? cli_nomem(c) : EXIT_NOMEM;
    for (size_t i = 0; report && rc == EXIT_OK && i < k->n; i++) {
        if (k->found[i]) continue;
        /* a directory without a file to read must not pass for a clean corpus */
        char endings[256] = "";
        size_t at = 0;
        for (size_t e = 0; k->exts[e] && at < sizeof endings; e++)
            at += (size_t)snprintf(endings + at, sizeof endings - at, "%s%s",
                                   e == 0           ? ""
                                   : k->exts[e + 1] ? ", "
                                                    : " or ",
                                   k->exts[e]);
        cli_warning(c, "%s: holds no file ending in %s (see --ext)", k->paths[i], endings);
    }
    free(k->found);
    k->found = NULL;
    return rc;
}

int cli_collect(cli *c, const char *const *paths, size_t n, const char *const *exts,
                cg_path_list *list) {
    cli_collecting k;
    if (cli_collect_begin(&k, paths, n, exts, list, false)) return cli_nomem(c);
    return cli_collect_end(c, &k, true);
}

char **cli_parse_exts(const char *list) {
    size_t n = 1;
    for (const char *p = list; *p; p++)
        n += *p == ',';
    char **v = calloc(n + 1, sizeof *v);
    if (!v) return NULL;
    const char *p = list;
    for (size_t k = 0; k < n; k++) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        bool dot = len && p[0] != '.';
        v[k] = malloc(len + 2);
        if (!v[k]) {
            cli_free_exts(v);
            return NULL;
        }
        snprintf(v[k], len + 2, "%s%.*s", dot ? "." : "", (int)len, p);
        if (!comma) break;
        p = comma + 1;
    }
    return v;
}

void cli_free_exts(char **exts) {
    if (!exts) return;
    for (char **e = exts; *e; e++)
        free(*e);
    free(exts);
}

/* ---- output ---- */

/* The temporary files being written, so that a run ended by a signal
 * removes them (handler below). Only the CLI keeps such state: a process
 * has one set of signal dispositions. */
#define MAX_PENDING 8
static char *volatile pending[MAX_PENDING];

static void remove_pending(int sig) {
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i]) unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Catches the signals that end a run from outside, unless the run was
 * started to ignore them (nohup). Once. */
static void catch_ending_signals(void) {
    static bool caught;
    if (caught) return;
    caught = true;
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old, sa;
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN) continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = remove_pending;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static void set_pending(const char *old, char *now) {
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i] == old) {
            pending[i] = now;
            return;
        }
}

/* Where `path` is written: in a temporary file beside it, directly (a device, a pipe, a link, a
 * file of another owner that cannot be given to them, a directory that takes no new file), or
 * not at all (errno says why). */
typedef enum { WRITE_BESIDE, WRITE_DIRECT, WRITE_FAILED } write_way;

/* The temporary name for `path`: ".NAME.citegraph-XXXXXX" in its directory, NAME cut so that
 * the whole fits in a file name. */
static char *temp_name(const char *path) {
    static const char suffix[] = ".citegraph-XXXXXX";
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    size_t baselen = strlen(base), room = NAME_MAX - 1 - (sizeof suffix - 1);
    if (baselen > room) baselen = room;
    size_t n = dirlen + 1 + baselen + sizeof suffix;
    char *t = malloc(n);
    if (t) snprintf(t, n, "%.*s.%.*s%s", (int)dirlen, path, (int)baselen, base, suffix);
    return t;
}

/* Opens a temporary file beside `path` with the mode (and owner) `path` has, or a new file
 * gets. */
static write_way open_beside(const cli *c, const char *path, FILE **out, char **tmp) {
    struct stat st;
    unsigned mode = c->file_mode;
    bool exists = lstat(path, &st) == 0;
    if (!exists && errno != ENOENT) return WRITE_DIRECT; /* fopen says why */
    if (exists) {
        if (!S_ISREG(st.st_mode)) return WRITE_DIRECT;
        /* a file the user may not write is not replaced either */
        if (access(path, W_OK) != 0) return WRITE_FAILED;
        mode = st.st_mode & 0777; /* never a set-user-ID bit on a new owner's file */
    }
    char *t = temp_name(path);
    if (!t) return WRITE_FAILED;
    int fd = mkstemp(t);
    if (fd < 0) {
        int e = errno;
        free(t);
        errno = e;
        /* a directory that takes no new file, but whose file may be written; a full disk
         * is a failure, not a reason to write over the previous file */
        return e == EACCES || e == EPERM || e == EROFS ? WRITE_DIRECT : WRITE_FAILED;
    }
    fcntl(fd, F_SETFD, FD_CLOEXEC); /* not inherited by a program started (dot) */
    write_way way = WRITE_BESIDE;
    if (exists && (st.st_uid != geteuid() || st.st_gid != getegid()) &&
        fchown(fd, st.st_uid, st.st_gid) != 0)
        way = WRITE_DIRECT; /* the file would change owner: write it where it is */
    FILE *f = way == WRITE_BESIDE && fchmod(fd, (mode_t)mode) == 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        int e = errno;
        close(fd);
        unlink(t);
        free(t);
        errno = e;
        return way == WRITE_DIRECT ? WRITE_DIRECT : WRITE_FAILED;
    }
    catch_ending_signals();
    set_pending(NULL, t);
    *out = f;
    *tmp = t;
    return WRITE_BESIDE;
}

/* Output to a file or a pipe goes out in writes of 64 KiB, not of stdio's 4 KiB (extract
 * made 2,600 writes on the real corpus); a terminal keeps its line buffering. glibc takes the
 * size only with a buffer: standard output's lives as long as the process, a file's until
 * it is closed. */
enum { OUT_BUFFER = 1 << 16 };

static void buffer_stdout(void) {
    static char buffer[OUT_BUFFER];
    static bool done;
    if (!done && !isatty(STDOUT_FILENO)) setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    done = true;
}

static void buffer_file(cli_out *o) {
    o->buffer = malloc(OUT_BUFFER);
    if (o->buffer) setvbuf(o->f, o->buffer, _IOFBF, OUT_BUFFER);
}

int cli_out_open(cli *c, cli_out *o, const char *path) {
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        buffer_stdout();
        return EXIT_OK;
    }
    o->name = path;
    write_way way = *path ? open_beside(c, path, &o->f, &o->tmp) : WRITE_DIRECT;
    if (way == WRITE_DIRECT) o->f = fopen(path, "wb");
    if (!o->f) {
        cli_error(c, "cannot write %s: %s", path, strerror(errno));
        return EXIT_FAILED;
    }
    buffer_file(o);
    return EXIT_OK;
}

bool cli_out_write(cli_out *o, const char *data, size_t len) {
    if (o->errnum) return false;
    if (len && fwrite(data, 1, len, o->f) != len) {
        o->errnum = errno ? errno : EIO;
        return false;
    }
    o->written += len;
    return true;
}

bool cli_out_printf(cli_out *o, const char *fmt, ...) {
    if (o->errnum) return false;
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(o->f, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->errnum = errno ? errno : EIO;
        return false;
    }
    o->written += (size_t)n;
    return true;
}

bool cli_out_buf(cli_out *o, const cg_buf *b) {
    return cli_out_write(o, b->data, b->len);
}

/* Copies the temporary file `tmp` into `name` in place: for a file that cannot be
 * replaced by a rename (a bind mount, another user's file in a sticky
 * directory, another file system). 0 or an errno. */
static int copy_into(const char *tmp, const char *name) {
    FILE *from = fopen(tmp, "rb");
    if (!from) return errno;
    FILE *to = fopen(name, "wb");
    if (!to) {
        int e = errno;
        fclose(from);
        return e;
    }
    char buf[65536];
    size_t n;
    int e = 0;
    while (!e && (n = fread(buf, 1, sizeof buf, from)) > 0)
        if (fwrite(buf, 1, n, to) != n) e = errno ? errno : EIO;
    if (!e && ferror(from)) e = errno ? errno : EIO;
    fclose(from);
    if (fclose(to) != 0 && !e) e = errno ? errno : EIO;
    return e;
}

/* Puts the complete temporary file in place. 0 or an errno. */
static int put_in_place(cli_out *o) {
    if (rename(o->tmp, o->name) == 0) {
        set_pending(o->tmp, NULL);
        free(o->tmp);
        o->tmp = NULL;
        return 0;
    }
    int e = errno;
    if (e == EBUSY || e == EXDEV || e == EPERM || e == EACCES) e = copy_into(o->tmp, o->name);
    return e;
}

/* Removes the temporary file that was not renamed. */
static void forget_tmp(cli_out *o) {
    if (!o->tmp) return;
    unlink(o->tmp);
    set_pending(o->tmp, NULL);
    free(o->tmp);
    o->tmp = NULL;
}

int cli_out_close(cli *c, cli_out *o) {
    if (!o->f) return EXIT_OK;
    errno = 0;
    if (fflush(o->f) != 0 && !o->errnum) o->errnum = errno ? errno : EIO;
    if (o->name && fclose(o->f) != 0 && !o->errnum) o->errnum = errno ? errno : EIO;
    o->f = NULL;
    free(o->buffer);
    o->buffer = NULL;
    if (o->tmp && !o->errnum) o->errnum = put_in_place(o);
    forget_tmp(o);
    if (!o->errnum) return EXIT_OK;
    /* a closed pipe is the reader's choice, not a failure */
    if (!o->name && o->errnum == EPIPE) return EXIT_OK;
    if (o->name)
        cli_error(c, "cannot write %s: %s", o->name, strerror(o->errnum));
    else
        cli_error(c, "cannot write standard output: %s", strerror(o->errnum));
    return EXIT_FAILED;
}

void cli_out_discard(cli_out *o) {
    if (!o->f) return;
    if (o->name)
        fclose(o->f);
    else
        fflush(o->f);
    o->f = NULL;
    free(o->buffer);
    o->buffer = NULL;
    forget_tmp(o);
}

int cli_write_buf(cli *c, const char *path, const cg_buf *b) {
    cli_out out;
    int rc = cli_out_open(c, &out, path);
    if (rc != EXIT_OK) return rc;
    cli_out_buf(&out, b);
    return cli_out_close(c, &out);
}

int cli_read_common(cli *c, const cli_args *a, cli_common *o) {
    memset(o, 0, sizeof *o);
    o->format = -1;
    o->patterns = calloc(a->noptions + 1, sizeof *o->patterns);
    o->catalogs = calloc(a->noptions + 1, sizeof *o->catalogs);
    if (!o->patterns || !o->catalogs) goto nomem;
    for (size_t i = 0; i < a->noptions; i++) {
        const cli_opt_value *v = &a->options[i];
        switch (v->option->id) {
        case OPT_OUTPUT:
            o->output = v->value;
            break;
        case OPT_FORMAT:
            o->format = v->choice;
            break;
        case OPT_PATTERNS:
            o->patterns[o->npatterns++] = v->value;
            break;
        case OPT_CATALOG:
            o->catalogs[o->ncatalogs++] = v->value;
            break;
        case OPT_EXT:
            cli_free_exts(o->exts);
            if (!(o->exts = cli_parse_exts(v->value))) goto nomem;
            break;
        case OPT_JOBS: {
            long jobs = 0; /* set when rc is EXIT_OK; an optimiser cannot always see it */
            int rc = cli_read_count(c, v, 1024, "a number of threads (0: one per core)", &jobs);
            if (rc != EXIT_OK) return rc;
            o->jobs = (int)jobs;
            break;
        }
        default:
            break;
        }
    }
    return EXIT_OK;
nomem:
    return cli_nomem(c);
}

void cli_common_release(cli_common *o) {
    free(o->patterns);
    free(o->catalogs);
    cli_free_exts(o->exts);
    memset(o, 0, sizeof *o);
}

const char *cli_ending_of(const char *path) {
    if (!path || strcmp(path, "-") == 0) return NULL;
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash) || dot == (slash ? slash + 1 : path)) return NULL;
    return dot;
}

int cli_format_of_output(cli *c, const cli_common *o, const cli_ending *endings, size_t n,
                         int *choice, const cli_ending **match) {
    if (match) *match = NULL;
    if (o->format >= 0) {
        *choice = o->format;
        return EXIT_OK;
    }
    const char *dot = cli_ending_of(o->output);
    if (!dot) return EXIT_OK;
    char known[256] = "";
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(dot, endings[i].ending) == 0) {
            *choice = endings[i].choice;
            if (match) *match = &endings[i];
            return EXIT_OK;
        }
        int w = snprintf(known + k, sizeof known - k, "%s%s", i ? ", " : "", endings[i].ending);
        if (w > 0 && (size_t)w < sizeof known - k) k += (size_t)w;
    }
    return cli_usage_error(c,
                           "-o %s: '%s' is no format citegraph writes; known endings: %s (or "
                           "give --format)",
                           o->output, dot, known);
}

bool cli_doc_failed(cli *c, const cg_run_doc *doc) {
    cli_error(c, "%s: %s", doc->entry->path, doc->error);
    bool nomem = doc->status == CG_ENOMEM;
    if (nomem) c->nomem_reported = true; /* said, with the file */
    return nomem;
}
