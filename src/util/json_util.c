/* json_util.c - see json_util.h. */
#include "json_util.h"

#include <string.h>

#include "util.h"

json_t *cgu_json_strn(const char *s, size_t len) {
    /* Valid UTF-8 without NUL, as nearly every text is, goes to jansson as
     * it is: checked once, here, rather than copied, and checked again. */
    if (cgu_utf8_valid(s, len, false)) return json_stringn_nocheck(s, len);
    cg_buf v = CG_BUF_INIT;
    if (cgu_buf_append_valid_utf8(&v, s, len)) return NULL;
    json_t *j = json_stringn_nocheck(v.data, v.len); /* made valid just above */
    cg_buf_release(&v);
    return j;
}

json_t *cgu_json_str(const char *s) {
    return s ? cgu_json_strn(s, strlen(s)) : json_null();
}

int cgu_json_set(json_t *o, const char *k, json_t *v) {
    return v && json_object_set_new(o, k, v) == 0;
}

static int append_json(const char *buffer, size_t size, void *data) {
    return cgu_buf_append(data, buffer, size) ? -1 : 0;
}

int cgu_json_append_kept(cg_buf *out, const json_t *o, size_t flags) {
    if (!o) return -1;
    /* a line of JSON Lines fits a small buffer: dumped there and appended
     * once, rather than token by token through the callback */
    char small[4096];
    size_t n = json_dumpb(o, small, sizeof small, flags);
    int rc;
    if (n == 0)
        rc = -1;
    else if (n <= sizeof small)
        rc = cgu_buf_append(out, small, n);
    else
        rc = json_dump_callback(o, append_json, out, flags);
    return rc ? -1 : 0;
}

int cgu_json_append(cg_buf *out, json_t *o, size_t flags) {
    int rc = cgu_json_append_kept(out, o, flags);
    json_decref(o);
    return rc;
}

/* ---- JSON put together piece by piece ---- */

void cgu_json_values_release(cgu_json_values *c) {
    json_decref(c->text);
    c->text = NULL;
    c->count = 0;
}

int cgu_json_put_kept(cg_buf *out, const json_t *v) {
    /* dumped straight into the buffer's spare room */
    const size_t flags = JSON_COMPACT | JSON_ENCODE_ANY;
    size_t n = 0;
    if (v && cgu_buf_reserve(out, 256) == 0) {
        size_t room = out->cap - out->len - 1; /* the rest of the reserve, less the NUL */
        n = json_dumpb(v, out->data + out->len, room, flags);
        if (n > room &&
            (cgu_buf_reserve(out, n) || json_dumpb(v, out->data + out->len, n, flags) != n))
            n = 0;
    }
    if (!n) return -1;
    out->len += n;
    out->data[out->len] = '\0';
    return 0;
}

/* The same for a value made for it (taken). */
static int put_value(cg_buf *out, json_t *v) {
    int rc = cgu_json_put_kept(out, v);
    json_decref(v);
    return rc;
}

int cgu_json_put_text(cg_buf *out, cgu_json_values *c, const char *s, size_t len) {
    /* valid UTF-8 without NUL goes to jansson as it is (its *_nocheck functions) */
    if (!cgu_utf8_valid(s, len, false)) return put_value(out, cgu_json_strn(s, len));
    if (!c->text)
        return (c->text = json_stringn_nocheck(s, len)) ? cgu_json_put_kept(out, c->text) : -1;
    return json_string_setn_nocheck(c->text, s, len) ? -1 : cgu_json_put_kept(out, c->text);
}

int cgu_json_put_str(cg_buf *out, cgu_json_values *c, const char *s) {
    return s ? cgu_json_put_text(out, c, s, strlen(s)) : cgu_json_put_null(out, c);
}

/* The encoding of what `key` stands for, from the cache, or made by `make`
 * and kept there. */
static int put_cached(cg_buf *out, cgu_json_values *c, const void *key,
                      json_t *(*make)(const void *)) {
    for (size_t i = 0; i < c->count; i++)
        if (c->key[i] == key) return cgu_buf_append(out, c->bytes[i], c->len[i]);
    size_t at = out->len;
    if (put_value(out, make(key))) return -1;
    size_t n = out->len - at;
    if (c->count < CGU_JSON_CACHED && n <= CGU_JSON_CACHED_BYTES) {
        c->key[c->count] = key;
        c->len[c->count] = (unsigned char)n;
        memcpy(c->bytes[c->count++], out->data + at, n);
    }
    return 0;
}

static json_t *make_name(const void *name) {
    return cgu_json_str(name);
}

static json_t *make_literal(const void *which) {
    return json_incref((json_t *)which);
}

int cgu_json_put_name(cg_buf *out, cgu_json_values *c, const char *name) {
    return name ? put_cached(out, c, name, make_name) : cgu_json_put_null(out, c);
}

int cgu_json_put_null(cg_buf *out, cgu_json_values *c) {
    return put_cached(out, c, json_null(), make_literal);
}

int cgu_json_put_bool(cg_buf *out, cgu_json_values *c, int b) {
    return put_cached(out, c, b ? json_true() : json_false(), make_literal);
}
