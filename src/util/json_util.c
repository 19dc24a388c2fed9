/* json_util.c - see json_util.h. */
#include "json_util.h"

#include <string.h>

#include "util.h"

json_t *cgu_json_strn(const char *s, size_t len) {
    cg_string v = {0};
    if (cgu_str_append_valid_utf8(&v, s, len)) return NULL;
    json_t *j = json_stringn(v.data ? v.data : "", v.len);
    cg_string_release(&v);
    return j;
}

json_t *cgu_json_str(const char *s) {
    return s ? cgu_json_strn(s, strlen(s)) : json_null();
}

int cgu_json_set(json_t *o, const char *k, json_t *v) {
    return v && json_object_set_new(o, k, v) == 0;
}
