/* output.c - JSON Lines and TSV for extraction results.
 *
 * JSON is built with jansson; keys keep their insertion order (fixed here),
 * so the same result gives the same bytes. Text from the document is made
 * valid UTF-8 first (NUL and invalid bytes become U+FFFD), because JSON
 * cannot carry anything else. */
#include <jansson.h>
#include <string.h>

#include "citegraph/output.h"
#include "util/util.h"

static json_t *jstr(const char *s) {
    if (!s) return json_null();
    cg_string v = {0};
    if (cgu_str_append_valid_utf8(&v, s, strlen(s))) return NULL;
    json_t *j = json_stringn(v.data ? v.data : "", v.len);
    cg_string_release(&v);
    return j;
}

static json_t *jbytes(const char *s, size_t len) {
    cg_string v = {0};
    if (cgu_str_append_valid_utf8(&v, s, len)) return NULL;
    json_t *j = json_stringn(v.data ? v.data : "", v.len);
    cg_string_release(&v);
    return j;
}

/* Sets key to value, taking the value's reference; false when either failed. */
static int put(json_t *obj, const char *key, json_t *value) {
    return value && json_object_set_new(obj, key, value) == 0;
}

static cg_status dump_line(cg_string *out, json_t *obj) {
    char *s = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(obj);
    if (!s) return CG_ENOMEM;
    int rc = cgu_str_puts(out, s) || cgu_str_putc(out, '\n');
    free(s);
    return rc ? CG_ENOMEM : CG_OK;
}

cg_status cg_write_jsonl(cg_string *out, const char *file, const cg_input *input,
                         const cg_extraction *ext, const char *problem) {
    const cg_document_info *info = ext ? cg_extraction_document(ext) : NULL;
    const char *doc = info ? info->id : NULL;
    size_t n = ext ? cg_extraction_count(ext) : 0;
    json_t *d = json_object();
    if (!d) return CG_ENOMEM;
    json_t *warnings = json_array();
    int ok = put(d, "type", json_string("document")) && put(d, "file", jstr(file)) &&
             put(d, "doc", jstr(doc)) && put(d, "issuer", jstr(info ? info->issuer : NULL)) &&
             put(d, "doc_type", jstr(info ? info->type : NULL)) &&
             put(d, "title", jstr(info ? info->title : NULL)) &&
             put(d, "date", jstr(info ? info->date : NULL)) &&
             put(d, "alias", jstr(info ? info->alias : NULL)) &&
             put(d, "bytes", input ? json_integer((json_int_t)cg_input_size(input)) : json_null()) &&
             put(d, "references", json_integer((json_int_t)n)) && warnings;
    for (size_t i = 0; ok && input && i < cg_input_warning_count(input); i++)
        ok = json_array_append_new(warnings, jstr(cg_input_warning(input, i))) == 0;
    ok = ok && put(d, "warnings", warnings) && put(d, "error", jstr(problem));
    if (!ok) {
        if (!json_object_get(d, "warnings")) json_decref(warnings);
        json_decref(d);
        return CG_ENOMEM;
    }
    cg_status st = dump_line(out, d);
    const char *data = input ? cg_input_data(input) : NULL;
    for (size_t i = 0; st == CG_OK && i < n; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        json_t *o = json_object();
        if (!o) return CG_ENOMEM;
        ok = put(o, "type", json_string("reference")) && put(o, "file", jstr(file)) &&
             put(o, "doc", jstr(doc)) && put(o, "line", json_integer((json_int_t)r->line)) &&
             put(o, "col", json_integer((json_int_t)r->col)) &&
             put(o, "offset", json_integer((json_int_t)r->offset)) &&
             put(o, "length", json_integer((json_int_t)r->length)) &&
             put(o, "kind", json_string(r->kind)) && put(o, "target", jstr(r->target)) &&
             put(o, "locator", jstr(r->locator)) &&
             put(o, "relation", json_string(cg_relation_name(r->relation))) &&
             put(o, "text", data ? jbytes(data + r->offset, r->length) : json_null()) &&
             put(o, "resolves_to", jstr(r->resolves_to)) &&
             put(o, "ambiguous", json_boolean(r->flags & CG_REF_AMBIGUOUS)) &&
             put(o, "malformed", json_boolean(r->flags & CG_REF_MALFORMED)) &&
             put(o, "note", jstr(r->note));
        if (!ok) {
            json_decref(o);
            return CG_ENOMEM;
        }
        st = dump_line(out, o);
    }
    return st;
}

const char *cg_tsv_header(void) {
    return "file\tline\tkind\ttarget\tlocator\trelation\n";
}

/* A field with tabs and line breaks turned into spaces. */
static int tsv_field(cg_string *out, const char *s) {
    if (!s) return 0;
    size_t start = out->len;
    if (cgu_str_append_valid_utf8(out, s, strlen(s))) return -1;
    for (size_t i = start; i < out->len; i++)
        if (out->data[i] == '\t' || out->data[i] == '\n' || out->data[i] == '\r')
            out->data[i] = ' ';
    return 0;
}

cg_status cg_write_tsv(cg_string *out, const char *file, const cg_extraction *ext) {
    size_t n = cg_extraction_count(ext);
    for (size_t i = 0; i < n; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        if (tsv_field(out, file) || cgu_str_printf(out, "\t%zu\t%s\t", r->line, r->kind) ||
            tsv_field(out, r->target) || cgu_str_putc(out, '\t') ||
            tsv_field(out, r->locator) ||
            cgu_str_printf(out, "\t%s\n", cg_relation_name(r->relation)))
            return CG_ENOMEM;
    }
    return CG_OK;
}
