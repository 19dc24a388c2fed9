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
