/* output.c - JSON Lines and TSV for extraction results.
 *
 * JSON is built with jansson; keys keep their insertion order (fixed here),
 * so the same result gives the same bytes. Text from the document is made
 * valid UTF-8 first (NUL and invalid bytes become U+FFFD), because JSON
 * cannot carry anything else. */
#include <jansson.h>
#include <string.h>

#include "citegraph/output.h"
#include "util/json_util.h"
#include "util/util.h"

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
    int ok = cgu_json_set(d, "type", json_string("document")) &&
             cgu_json_set(d, "file", cgu_json_str(file)) &&
             cgu_json_set(d, "doc", cgu_json_str(doc)) &&
             cgu_json_set(d, "issuer", cgu_json_str(info ? info->issuer : NULL)) &&
             cgu_json_set(d, "doc_type", cgu_json_str(info ? info->type : NULL)) &&
             cgu_json_set(d, "title", cgu_json_str(info ? info->title : NULL)) &&
             cgu_json_set(d, "date", cgu_json_str(info ? info->date : NULL)) &&
             cgu_json_set(d, "alias", cgu_json_str(info ? info->alias : NULL)) &&
             cgu_json_set(d, "bytes",
                          input ? json_integer((json_int_t)cg_input_size(input)) : json_null()) &&
             cgu_json_set(d, "references", json_integer((json_int_t)n)) && warnings;
    for (size_t i = 0; ok && input && i < cg_input_warning_count(input); i++)
        ok = json_array_append_new(warnings, cgu_json_str(cg_input_warning(input, i))) == 0;
    ok = ok && cgu_json_set(d, "warnings", warnings) &&
         cgu_json_set(d, "error", cgu_json_str(problem));
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
        ok = cgu_json_set(o, "type", json_string("reference")) &&
             cgu_json_set(o, "file", cgu_json_str(file)) &&
             cgu_json_set(o, "doc", cgu_json_str(doc)) &&
             cgu_json_set(o, "line", json_integer((json_int_t)r->line)) &&
             cgu_json_set(o, "col", json_integer((json_int_t)r->col)) &&
             cgu_json_set(o, "offset", json_integer((json_int_t)r->offset)) &&
             cgu_json_set(o, "length", json_integer((json_int_t)r->length)) &&
             cgu_json_set(o, "kind", json_string(r->kind)) &&
             cgu_json_set(o, "target", cgu_json_str(r->target)) &&
             cgu_json_set(o, "locator", cgu_json_str(r->locator)) &&
             cgu_json_set(o, "relation", json_string(cg_relation_name(r->relation))) &&
             cgu_json_set(o, "text",
                          data ? cgu_json_strn(data + r->offset, r->length) : json_null()) &&
             cgu_json_set(o, "resolves_to", cgu_json_str(r->resolves_to)) &&
             cgu_json_set(o, "ambiguous", json_boolean(r->flags & CG_REF_AMBIGUOUS)) &&
             cgu_json_set(o, "malformed", json_boolean(r->flags & CG_REF_MALFORMED)) &&
             cgu_json_set(o, "note", cgu_json_str(r->note));
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
