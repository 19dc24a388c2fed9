/* strbuf.c - cg_string, a growable NUL-terminated byte string.
 *
 * Invariant: `data` is NULL (empty, nothing allocated) or holds `len` bytes
 * followed by a NUL, inside `cap` allocated bytes. Failed growth leaves the
 * string as it was, so callers can report ENOMEM and still free it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int cgu_str_reserve(cg_string *s, size_t extra) {
    if (extra > SIZE_MAX - s->len - 1) return -1;
    size_t need = s->len + extra + 1;
    if (need <= s->cap) return 0;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    char *p = realloc(s->data, cap);
    if (!p) return -1;
    s->data = p;
    s->cap = cap;
    return 0;
}

int cgu_str_append(cg_string *s, const char *data, size_t len) {
    if (cgu_str_reserve(s, len) != 0) return -1;
    if (len) memcpy(s->data + s->len, data, len);
    s->len += len;
    s->data[s->len] = '\0';
    return 0;
}

int cgu_str_puts(cg_string *s, const char *text) {
    return cgu_str_append(s, text, strlen(text));
}

int cgu_str_putc(cg_string *s, char c) {
    return cgu_str_append(s, &c, 1);
}

int cgu_str_printf(cg_string *s, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return -1;
    if ((size_t)n < sizeof small) return cgu_str_append(s, small, (size_t)n);
    if (cgu_str_reserve(s, (size_t)n) != 0) return -1;
    va_start(ap, fmt);
    vsnprintf(s->data + s->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    s->len += (size_t)n;
    return 0;
}

char *cgu_str_detach(cg_string *s) {
    if (!s->data && cgu_str_reserve(s, 0) != 0) return NULL;
    if (!s->len) s->data[0] = '\0';
    char *p = s->data;
    s->data = NULL;
    s->len = s->cap = 0;
    return p;
}

void cg_string_release(cg_string *s) {
    if (!s) return;
    free(s->data);
    s->data = NULL;
    s->len = s->cap = 0;
}

int cgu_grow(void **items, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size) return -1;
        n *= 2;
    }
    void *p = realloc(*items, n * size);
    if (!p) return -1;
    *items = p;
    *cap = n;
    return 0;
}
