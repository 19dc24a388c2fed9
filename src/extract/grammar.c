/* grammar.c - parsing grammar files and templates; see grammar.h.
 *
 * The format is line based so that positions are exact and patterns need
 * no escaping: "[NAME]" or "[define NAME]" opens a section, "key = value"
 * sets a key, a line starting with white space continues the last value
 * (joined without the leading white space), "#" starts a comment line. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "util/util.h"

void cgg_value_release(cgg_value *v) {
    free(v->text);
    free(v->pos);
    memset(v, 0, sizeof *v);
}

static void section_release(cgg_section *s) {
    free(s->name);
    cgg_value_release(&s->pattern);
    cgg_value_release(&s->kind);
    cgg_value_release(&s->id);
    cgg_value_release(&s->locator);
    cgg_value_release(&s->handler);
    cgg_value_release(&s->role);
    cgg_value_release(&s->line_literal);
    cgg_value_release(&s->line_first);
    for (size_t i = 0; i < s->ntriggers; i++)
        cgg_value_release(&s->triggers[i]);
    free(s->triggers);
    for (size_t i = 0; i < s->ncontains; i++)
        cgg_value_release(&s->contains[i]);
    free(s->contains);
    for (size_t i = 0; i < s->nexamples; i++)
        cgg_value_release(&s->examples[i]);
    for (size_t i = 0; i < s->nnots; i++)
        cgg_value_release(&s->nots[i]);
    free(s->examples);
    free(s->nots);
}

void cgg_release(cgg_grammar *g) {
    for (size_t i = 0; i < g->nsections; i++)
        section_release(&g->sections[i]);
    free(g->sections);
    for (size_t i = 0; i < g->nfiles; i++)
        free(g->files[i]);
    free(g->files);
    memset(g, 0, sizeof *g);
}

const cgg_section *cgg_find(const cgg_grammar *g, const char *name) {
    for (size_t i = 0; i < g->nsections; i++)
        if (strcmp(g->sections[i].name, name) == 0) return &g->sections[i];
    return NULL;
}

static void set_error(cg_error *err, cg_status st, const char *file, unsigned line, unsigned col,
                      const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
static void set_error(cg_error *err, cg_status st, const char *file, unsigned line, unsigned col,
                      const char *fmt, va_list ap) {
    if (!err) return;
    memset(err, 0, sizeof *err);
    err->status = st;
    err->line = line;
    err->col = col;
    if (file) snprintf(err->path, sizeof err->path, "%s", file);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
}

static cg_status fail(cg_error *err, const char *file, unsigned line, unsigned col, const char *fmt,
                      ...) __attribute__((format(printf, 5, 6)));
static cg_status fail(cg_error *err, const char *file, unsigned line, unsigned col, const char *fmt,
                      ...) {
    va_list ap;
    va_start(ap, fmt);
    set_error(err, CG_EFORMAT, file, line, col, fmt, ap);
    va_end(ap);
    return CG_EFORMAT;
}

void cgg_error_at(cg_error *err, cg_status st, const cgg_value *v, size_t at, const char *fmt,
                  ...) {
    cgg_pos p = {NULL, 0, 0};
    if (v->len)
        p = v->pos[at < v->len ? at : v->len - 1];
    else if (v->pos)
        p = v->pos[0]; /* an empty value: where it would begin */
    if (at >= v->len && v->len) p.col++;
    va_list ap;
    va_start(ap, fmt);
    set_error(err, st, p.file, p.line, p.col, fmt, ap);
    va_end(ap);
}

/* Appends bytes with their positions. */
static int value_append(cgg_value *v, const char *s, size_t n, const cgg_pos *pos, int same_pos) {
    char *t = realloc(v->text, v->len + n + 1);
    if (!t) return -1;
    v->text = t;
    cgg_pos *p = realloc(v->pos, (v->len + n + 1) * sizeof *p);
    if (!p) return -1;
    v->pos = p;
    memcpy(v->text + v->len, s, n);
    for (size_t i = 0; i < n; i++) {
        p[v->len + i] = pos[same_pos ? 0 : i];
    }
    v->len += n;
    v->text[v->len] = '\0';
    return 0;
}

static cgg_section *section_for(cgg_grammar *g, const char *name, size_t n, int is_define,
                                cgg_pos where) {
    for (size_t i = 0; i < g->nsections; i++)
        if (strlen(g->sections[i].name) == n && strncmp(g->sections[i].name, name, n) == 0) {
            cgg_section *s = &g->sections[i];
            if (s->where.file != where.file) {
                /* another file overrides it: the old examples describe the old pattern */
                for (size_t k = 0; k < s->nexamples; k++)
                    cgg_value_release(&s->examples[k]);
                for (size_t k = 0; k < s->nnots; k++)
                    cgg_value_release(&s->nots[k]);
                /* and so do its triggers, contains and line_first: they are given all
                 * together, in one file */
                cgg_value_release(&s->line_first);
                for (size_t k = 0; k < s->ntriggers; k++)
                    cgg_value_release(&s->triggers[k]);
                for (size_t k = 0; k < s->ncontains; k++)
                    cgg_value_release(&s->contains[k]);
                s->nexamples = s->nnots = s->ntriggers = s->ncontains = 0;
            }
            s->where = where;
            return s;
        }
    if (cgu_grow((void **)&g->sections, &g->capsections, g->nsections + 1, sizeof *g->sections))
        return NULL;
    cgg_section *s = &g->sections[g->nsections];
    memset(s, 0, sizeof *s);
    s->name = strndup(name, n);
    if (!s->name) return NULL;
    s->is_define = is_define;
    s->where = where;
    g->nsections++;
    return s;
}

static int is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

cg_status cgg_parse(cgg_grammar *g, const char *file, const char *text, size_t len, cg_error *err) {
    /* every text parsed (not its name) decides what an extractor built from it finds */
    if (!g->hashed) {
        cgu_hash_init(&g->hash);
        g->hashed = 1;
    }
    cgu_hash_bytes(&g->hash, text, len);
    char *fname = strdup(file);
    char **files = fname ? realloc(g->files, (g->nfiles + 1) * sizeof *files) : NULL;
    if (!files) {
        free(fname);
        return CG_ENOMEM;
    }
    g->files = files;
    g->files[g->nfiles++] = fname;
    cgg_section *sec = NULL;
    cgg_value *last = NULL; /* the value a continuation line extends */
    unsigned lineno = 0;
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        lineno++;
        const char *l = text + i;
        size_t n = e - i;
        if (n && l[n - 1] == '\r') n--;
        size_t next = e < len ? e + 1 : e;
        if (memchr(l, '\0', n)) return fail(err, fname, lineno, 1, "NUL byte in grammar file");
        size_t k = 0;
        while (k < n && (l[k] == ' ' || l[k] == '\t'))
            k++;
        if (k == n || l[k] == '#') { /* blank or comment: ends no value */
            if (k == n) last = NULL;
            i = next;
            continue;
        }
        if (k > 0) { /* continuation */
            if (!last)
                return fail(err, fname, lineno, 1,
                            "indented line continues no value (values continue on lines that "
                            "start with white space right after their key)");
            cgg_pos p = {fname, lineno, (unsigned)k + 1};
            cgg_pos *ps = malloc((n - k) * sizeof *ps);
            if (!ps) return CG_ENOMEM;
            for (size_t j = 0; j < n - k; j++)
                ps[j] = (cgg_pos){fname, lineno, (unsigned)(k + j + 1)};
            (void)p;
            int rc = value_append(last, l + k, n - k, ps, 0);
            free(ps);
            if (rc) return CG_ENOMEM;
            i = next;
            continue;
        }
        if (l[0] == '[') {
            size_t c = 1;
            int is_define = 0;
            if (n > 8 && strncmp(l + 1, "define ", 7) == 0) {
                is_define = 1;
                c = 8;
                while (c < n && l[c] == ' ')
                    c++;
            }
            size_t s0 = c;
            while (c < n && is_name_char(l[c]))
                c++;
            if (c == s0)
                return fail(err, fname, lineno, (unsigned)c + 1, "expected a section name");
            if (c >= n || l[c] != ']')
                return fail(err, fname, lineno, (unsigned)c + 1,
                            "expected ']' after the section name (names are letters, digits, _)");
            size_t t = c + 1;
            while (t < n && (l[t] == ' ' || l[t] == '\t'))
                t++;
            if (t < n) return fail(err, fname, lineno, (unsigned)t + 1, "text after ']'");
            cgg_pos where = {fname, lineno, 1};
            sec = section_for(g, l + s0, c - s0, is_define, where);
            if (!sec) return CG_ENOMEM;
            if (sec->is_define != is_define)
                return fail(err, fname, lineno, 1, "'%s' is a %s elsewhere", sec->name,
                            sec->is_define ? "define" : "pattern");
            last = NULL;
            i = next;
            continue;
        }
        if (!sec)
            return fail(err, fname, lineno, 1, "key outside a section (start one with [NAME])");
        size_t c = 0;
        while (c < n && is_name_char(l[c]))
            c++;
        size_t keylen = c;
        while (c < n && (l[c] == ' ' || l[c] == '\t'))
            c++;
        if (!keylen || c >= n || l[c] != '=')
            return fail(err, fname, lineno, (unsigned)c + 1, "expected 'key = value'");
        c++;
        while (c < n && (l[c] == ' ' || l[c] == '\t'))
            c++;
        cgg_value *v = NULL;
        const char *key = l;
#define KEY(s) (keylen == strlen(s) && strncmp(key, s, keylen) == 0)
        if (sec->is_define) {
            if (!KEY("value"))
                return fail(err, fname, lineno, 1, "a define has only 'value', not '%.*s'",
                            (int)keylen, key);
            v = &sec->pattern;
        } else if (KEY("pattern")) {
            v = &sec->pattern;
        } else if (KEY("kind")) {
            v = &sec->kind;
        } else if (KEY("id")) {
            v = &sec->id;
        } else if (KEY("locator")) {
            v = &sec->locator;
        } else if (KEY("handler")) {
            v = &sec->handler;
        } else if (KEY("role")) {
            v = &sec->role;
        } else if (KEY("line_literal")) {
            v = &sec->line_literal;
        } else if (KEY("line_first")) {
            v = &sec->line_first;
        } else if (KEY("example") || KEY("not") || KEY("trigger") || KEY("contains")) {
            cgg_value **arr = KEY("example")   ? &sec->examples
                              : KEY("not")     ? &sec->nots
                              : KEY("trigger") ? &sec->triggers
                                               : &sec->contains;
            size_t *cnt = KEY("example")   ? &sec->nexamples
                          : KEY("not")     ? &sec->nnots
                          : KEY("trigger") ? &sec->ntriggers
                                           : &sec->ncontains;
            cgg_value *na = realloc(*arr, (*cnt + 1) * sizeof *na);
            if (!na) return CG_ENOMEM;
            *arr = na;
            v = &na[(*cnt)++];
            memset(v, 0, sizeof *v);
        } else {
            return fail(err, fname, lineno, 1,
                        "unknown key '%.*s' (known: pattern, kind, id, locator, role, example, "
                        "not, handler, line_literal, line_first, trigger, contains)",
                        (int)keylen, key);
        }
#undef KEY
        if (v->text || v->pos) cgg_value_release(v); /* a later line or file replaces the key */
        cgg_pos *ps = malloc((n - c + 1) * sizeof *ps);
        if (!ps) return CG_ENOMEM;
        for (size_t j = 0; j <= n - c; j++)
            ps[j] = (cgg_pos){fname, lineno, (unsigned)(c + j + 1)};
        int rc = value_append(v, l + c, n - c, ps, 0);
        free(ps);
        if (rc) return CG_ENOMEM;
        /* where an empty value would begin, for messages (value_append left room for one) */
        if (v->len == 0) v->pos[0] = (cgg_pos){fname, lineno, (unsigned)c + 1};
        last = v;
        i = next;
    }
    return CG_OK;
}

cg_status cgg_parse_file(cgg_grammar *g, const char *path, cg_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = CG_EIO;
            snprintf(err->path, sizeof err->path, "%s", path);
            snprintf(err->text, sizeof err->text, "cannot open: %s", strerror(errno));
        }
        return CG_EIO;
    }
    cg_buf s = CG_BUF_INIT;
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (cgu_buf_append(&s, buf, n) || s.len > (16u << 20)) {
            fclose(f);
            cg_buf_release(&s);
            return fail(err, path, 0, 0, "grammar file too large (over 16 MiB) or out of memory");
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        cg_buf_release(&s);
        return fail(err, path, 0, 0, "cannot read");
    }
    cg_status st = cgg_parse(g, path, s.data, s.len, err);
    cg_buf_release(&s);
    return st;
}

static cg_status expand_into(const cgg_grammar *g, const cgg_value *v, cgg_value *out,
                             const cgg_pos *at, int depth, cg_error *err) {
    if (depth > 16) {
        cgg_error_at(err, CG_EFORMAT, v, 0, "{{...}} fragments nest too deeply (a cycle?)");
        return CG_EFORMAT;
    }
    size_t i = 0;
    while (i < v->len) {
        if (v->text[i] == '{' && i + 1 < v->len && v->text[i + 1] == '{') {
            size_t e = i + 2;
            while (e < v->len && is_name_char(v->text[e]))
                e++;
            if (e + 1 >= v->len || v->text[e] != '}' || v->text[e + 1] != '}') {
                cgg_error_at(err, CG_EFORMAT, v, i, "expected {{NAME}}");
                return CG_EFORMAT;
            }
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)(e - i - 2), v->text + i + 2);
            const cgg_section *d = cgg_find(g, name);
            if (!d || !d->is_define) {
                cgg_error_at(err, CG_EFORMAT, v, i + 2, "no [define %s] for {{%s}}", name, name);
                return CG_EFORMAT;
            }
            const cgg_pos *here = at ? at : &v->pos[i];
            cg_status st = expand_into(g, &d->pattern, out, here, depth + 1, err);
            if (st != CG_OK) return st;
            i = e + 2;
            continue;
        }
        size_t j = i;
        while (j < v->len && !(v->text[j] == '{' && j + 1 < v->len && v->text[j + 1] == '{'))
            j++;
        if (value_append(out, v->text + i, j - i, at ? at : v->pos + i, at != NULL))
            return CG_ENOMEM;
        i = j;
    }
    return CG_OK;
}

cg_status cgg_expand(const cgg_grammar *g, const cgg_value *v, cgg_value *out, cg_error *err) {
    memset(out, 0, sizeof *out);
    cg_status st = expand_into(g, v, out, NULL, 0, err);
    if (st == CG_OK && !out->text) {
        out->text = calloc(1, 1);
        out->pos = calloc(1, sizeof *out->pos);
        if (!out->text || !out->pos)
            st = CG_ENOMEM;
        else if (v->pos)
            out->pos[0] = v->pos[0];
    }
    if (st != CG_OK) cgg_value_release(out);
    return st;
}

/* ---- templates ---- */

static int tpl_push(cgg_template *t, cgg_tpl_kind kind, const char *s, size_t n, int format,
                    size_t at) {
    cgg_tpl_part *p = realloc(t->parts, (t->nparts + 1) * sizeof *p);
    if (!p) return -1;
    t->parts = p;
    p[t->nparts] = (cgg_tpl_part){kind, s ? strndup(s, n) : NULL, format, at};
    if (s && !p[t->nparts].text) return -1;
    t->nparts++;
    return 0;
}

cg_status cgg_template_parse(const cgg_value *v, cgg_template *t, cg_error *err) {
    memset(t, 0, sizeof *t);
    int open = 0;
    size_t open_at = 0;
    cg_buf lit = CG_BUF_INIT;
    size_t lit_at = 0;
    cg_status st = CG_OK;
    for (size_t i = 0; i <= v->len && st == CG_OK; i++) {
        char c = i < v->len ? v->text[i] : '\0';
        int special = c == '{' || c == '[' || c == ']' || c == '\0';
        if (c == '\\' && i + 1 < v->len && strchr("{}[]\\", v->text[i + 1])) {
            if (!lit.len) lit_at = i;
            if (cgu_buf_putc(&lit, v->text[++i])) st = CG_ENOMEM;
            continue;
        }
        if (!special) {
            if (!lit.len) lit_at = i;
            if (cgu_buf_putc(&lit, c)) st = CG_ENOMEM;
            continue;
        }
        if (lit.len) {
            if (tpl_push(t, TPL_TEXT, lit.data, lit.len, 0, lit_at)) st = CG_ENOMEM;
            lit.len = 0;
        }
        if (c == '\0') break;
        if (c == '[') {
            if (open) {
                cgg_error_at(err, st = CG_EFORMAT, v, i, "optional parts [...] do not nest");
                break;
            }
            open = 1;
            open_at = i;
            if (tpl_push(t, TPL_OPEN, NULL, 0, 0, i)) st = CG_ENOMEM;
        } else if (c == ']') {
            if (!open) {
                cgg_error_at(err, st = CG_EFORMAT, v, i, "']' without '['");
                break;
            }
            open = 0;
            if (tpl_push(t, TPL_CLOSE, NULL, 0, 0, i)) st = CG_ENOMEM;
        } else { /* '{' */
            size_t e = i + 1;
            while (e < v->len && is_name_char(v->text[e]))
                e++;
            size_t name_end = e;
            int format = 0;
            if (e < v->len && v->text[e] == ':') {
                size_t f = e + 1;
                while (f < v->len && is_name_char(v->text[f]))
                    f++;
                size_t fl = f - e - 1;
                const char *fs = v->text + e + 1;
                if (fl == 3 && strncmp(fs, "int", 3) == 0)
                    format = 1;
                else if (fl == 5 && strncmp(fs, "upper", 5) == 0)
                    format = 2;
                else if (fl == 5 && strncmp(fs, "lower", 5) == 0)
                    format = 3;
                else {
                    cgg_error_at(err, st = CG_EFORMAT, v, e + 1,
                                 "unknown format '%.*s' (use int, upper or lower)", (int)fl, fs);
                    break;
                }
                e = f;
            }
            if (name_end == i + 1 || e >= v->len || v->text[e] != '}') {
                cgg_error_at(err, st = CG_EFORMAT, v, i,
                             "expected {group} or {group:int|upper|lower}");
                break;
            }
            if (tpl_push(t, TPL_GROUP, v->text + i + 1, name_end - i - 1, format, i + 1))
                st = CG_ENOMEM;
            i = e;
        }
    }
    if (st == CG_OK && open) {
        cgg_error_at(err, CG_EFORMAT, v, open_at, "'[' is not closed");
        st = CG_EFORMAT;
    }
    cg_buf_release(&lit);
    if (st != CG_OK) cgg_template_release(t);
    return st;
}

void cgg_template_release(cgg_template *t) {
    for (size_t i = 0; i < t->nparts; i++)
        free(t->parts[i].text);
    free(t->parts);
    memset(t, 0, sizeof *t);
}
