/* error.c - status texts and the one way cg_error is filled. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

cg_status cgu_error(cg_error *err, cg_status st, const char *path, size_t line, size_t col,
                    const char *fmt, ...) {
    if (!err) return st;
    memset(err, 0, sizeof *err);
    err->status = st;
    err->line = line;
    err->col = col;
    if (path) snprintf(err->path, sizeof err->path, "%s", path);
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
    } else {
        snprintf(err->text, sizeof err->text, "%s", cg_strerror(st));
    }
    return st;
}

cg_status cgu_oom(cg_error *err) {
    return cgu_error(err, CG_ENOMEM, NULL, 0, 0, NULL);
}
