/* fields.c - numbers, strings, ids and questions of citegraph's compact
 * files (fields.h). */
#include "fields.h"

#include <string.h>

#include "docid/questions.h"

/* ---- writing ---- */

int cgio_put_num(cg_buf *s, size_t v, char sep) {
    return cgu_buf_put_size(s, v) || cgu_buf_putc(s, sep);
}

int cgio_put_bytes(cg_buf *s, const char *v, size_t n, char sep) {
    if (!v) return cgu_buf_putc(s, '~') || cgu_buf_putc(s, sep);
    return cgu_buf_reserve(s, n + 24) || cgio_put_num(s, n, ':') || cgu_buf_append(s, v, n) ||
           cgu_buf_putc(s, sep);
}

int cgio_put_str(cg_buf *s, const char *v, char sep) {
    return cgio_put_bytes(s, v, v ? strlen(v) : 0, sep);
}

int cgio_put_id(cg_buf *s, const cg_docid *id, char sep) {
    if (id->kind == CG_KIND_NONE) return cgio_put_str(s, NULL, sep);
    cg_buf t = CG_BUF_INIT;
    int rc = cg_docid_append(id, &t, NULL) != CG_OK || cgio_put_str(s, t.data, sep);
    cg_buf_release(&t);
    return rc;
}

int cgio_put_questions(cg_buf *s, const cg_question *q, size_t n, char sep) {
    if (!n) return cgio_put_str(s, NULL, sep);
    cg_buf t = CG_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        char label[24];
        cg_question_format(&q[i], label, sizeof label);
        rc = (i && cgu_buf_putc(&t, ',')) || cgu_buf_puts(&t, label);
    }
    rc = rc || cgio_put_str(s, t.data, sep);
    cg_buf_release(&t);
    return rc;
}

/* ---- reading ---- */

int cgio_get_sep(cgio_reader *r) {
    if (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || (r->in_place && *r->p == '\0'))) {
        r->p++;
        return 0;
    }
    return -1;
}

/* A decimal number of at most 18 digits (no sign, no leading junk). */
static int get_digits(cgio_reader *r, size_t *v) {
    size_t n = 0, digits = 0;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9' && digits < 19) {
        n = n * 10 + (size_t)(*r->p++ - '0');
        digits++;
    }
    if (!digits || digits > 18) return -1;
    *v = n;
    return 0;
}

int cgio_get_num(cgio_reader *r, size_t *v) {
    return get_digits(r, v) || cgio_get_sep(r);
}

int cgio_get_bytes(cgio_reader *r, const char **out, size_t *len, int nullable) {
    if (r->p < r->end && *r->p == '~') {
        if (!nullable) return -1;
        r->p++;
        *out = NULL;
        *len = 0;
        return cgio_get_sep(r);
    }
    size_t n;
    if (get_digits(r, &n) || r->p >= r->end || *r->p != ':') return -1;
    r->p++;
    /* the bytes and a separator after them: a NUL when they stay in place */
    if (n >= (size_t)(r->end - r->p)) return -1;
    if (r->in_place) {
        if (r->p[n] != '\0') return -1;
        *out = r->p;
    } else {
        if (r->p[n] != ' ' && r->p[n] != '\n') return -1;
        char *s = cgu_arena_strndup(r->arena, r->p, n);
        if (!s) {
            r->oom = 1;
            return -1;
        }
        *out = s;
    }
    *len = n;
    r->p += n + 1;
    return 0;
}

int cgio_get_str(cgio_reader *r, const char **out, int nullable) {
    size_t n;
    if (cgio_get_bytes(r, out, &n, nullable)) return -1;
    return *out && memchr(*out, '\0', n) ? -1 : 0;
}

int cgio_get_id(cgio_reader *r, cg_docid *id) {
    const char *text;
    memset(id, 0, sizeof *id);
    if (cgio_get_str(r, &text, 1)) return -1;
    return text && cg_docid_parse(text, id, NULL) != CG_OK ? -1 : 0;
}

int cgio_get_questions(cgio_reader *r, const cg_question **out, size_t *n) {
    const char *text;
    *out = NULL;
    *n = 0;
    if (cgio_get_str(r, &text, 1)) return -1;
    if (!text) return 0;
    size_t count = 1;
    for (const char *p = text; *p; p++)
        count += *p == ',';
    cg_question *q = cgu_arena_alloc(r->arena, count * sizeof *q);
    if (!q) {
        r->oom = 1;
        return -1;
    }
    for (const char *p = text; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char label[24];
        if (!len || len >= sizeof label) return -1;
        memcpy(label, p, len);
        label[len] = '\0';
        if (!cgl_question_parse(label, &q[*n])) return -1;
        ++*n;
        p += len + (comma != NULL);
    }
    *out = q;
    return 0;
}
