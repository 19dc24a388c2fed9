/* term.c - messages and progress on stderr.
 *
 * Messages are "citegraph: error: ...", "citegraph: warning: ...". Progress
 * is drawn only when stderr is a terminal and CI is not set, and the
 * progress line is cleared before any message, so the two never share a
 * line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

void cli_init(cli *c) {
    memset(c, 0, sizeof *c);
    c->prog = "citegraph";
    const char *ci = getenv("CI");
    c->progress = isatty(STDERR_FILENO) && !(ci && *ci);
    /* read while the program has one thread: umask() can only be read by setting it */
    mode_t mask = umask(022);
    umask(mask);
    c->file_mode = 0666u & ~(unsigned)mask;
}

static void clear_progress(cli *c) {
    if (c->progress_shown) {
        fputs("\r\033[K", stderr);
        c->progress_shown = false;
    }
}

static void vmessage(cli *c, const char *level, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
static void vmessage(cli *c, const char *level, const char *fmt, va_list ap) {
    clear_progress(c);
    fprintf(stderr, "%s: %s: ", c->prog, level);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(cli *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vmessage(c, "error", fmt, ap);
    va_end(ap);
}

void cli_warning(cli *c, const char *fmt, ...) {
    if (c->quiet) return;
    va_list ap;
    va_start(ap, fmt);
    vmessage(c, "warning", fmt, ap);
    va_end(ap);
}

void cli_progress(cli *c, size_t done, size_t total, const char *path) {
    if (!c->progress || c->quiet) return;
    fprintf(stderr, "\r\033[K[%zu/%zu] %.60s", done, total, path);
    fflush(stderr);
    c->progress_shown = true;
}

void cli_progress_end(cli *c) {
    clear_progress(c);
}

int cli_usage_error(cli *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vmessage(c, "error", fmt, ap);
    va_end(ap);
    const cli_command *cmd = c->command && c->command->id != CMD_CITEGRAPH ? c->command : NULL;
    fprintf(stderr, "Try '%s %s%s--help' for more information.\n", c->prog, cmd ? cmd->name : "",
            cmd ? " " : "");
    return EXIT_USAGE;
}

int cli_nomem(cli *c) {
    if (!c->nomem_reported) cli_error(c, "out of memory");
    c->nomem_reported = true;
    return EXIT_NOMEM;
}

int cli_fail(cli *c, const cg_error *err, const char *context, int status) {
    if (err->status == CG_ENOMEM) return cli_nomem(c);
    char where[600] = "";
    if (err->path[0] && err->line && err->col)
        snprintf(where, sizeof where, "%s:%zu:%zu: ", err->path, err->line, err->col);
    else if (err->path[0] && err->line)
        snprintf(where, sizeof where, "%s:%zu: ", err->path, err->line);
    else if (err->path[0])
        snprintf(where, sizeof where, "%s: ", err->path);
    const char *text = err->text[0] ? err->text : cg_strerror(err->status);
    if (context)
        cli_error(c, "%s: %s%s", context, where, text);
    else
        cli_error(c, "%s%s", where, text);
    return status;
}

int cli_grammar_fail(cli *c, const cg_error *err) {
    return cli_fail(c, err, err->path[0] ? NULL : "the reference grammar", EXIT_USAGE);
}
