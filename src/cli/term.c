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
#include <unistd.h>

#include "citegraph/error.h"
#include "cli.h"

void cli_init(cli *c) {
    memset(c, 0, sizeof *c);
    c->prog = "citegraph";
    const char *ci = getenv("CI");
    c->progress = isatty(STDERR_FILENO) && !(ci && *ci);
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

void cli_note(cli *c, const char *fmt, ...) {
    if (c->quiet) return;
    va_list ap;
    va_start(ap, fmt);
    vmessage(c, "note", fmt, ap);
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

int cli_usage_error(cli *c, const char *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vmessage(c, "error", fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try '%s %s--help' for more information.\n", c->prog, cmd ? cmd : "");
    return EXIT_USAGE;
}

bool cli_write(const char *data, size_t len) {
    return len == 0 || fwrite(data, 1, len, stdout) == len;
}

void cli_grammar_error(cli *c, const cg_error *err) {
    if (err->path[0] && err->line)
        cli_error(c, "%s:%zu:%zu: %s", err->path, err->line, err->col, err->text);
    else if (err->path[0])
        cli_error(c, "%s: %s", err->path, err->text);
    else
        cli_error(c, "the reference grammar: %s", err->text);
}
