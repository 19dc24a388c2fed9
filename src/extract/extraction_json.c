/* extraction_json.c - an extraction as one JSON object, and back: the
 * record a result cache keeps (`check --cache DIR`).
 *
 * {"format":"citegraph-extraction","version":1,"info":{...},
 *  "refs":[[kind,target,locator,resolves_to,note,relation,flags,offset,length,line,col],...],
 *  "questions":[...],"defects":[[offset,length,line,col,message],...]}
 *
 * Reading checks every field's type; anything else is CG_EFORMAT, so a
 * damaged entry is detected and rebuilt rather than trusted. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/output.h"
#include "corpus/input_internal.h"
#include "util/json_util.h"
#include "xctx.h"

#define FORMAT_NAME "citegraph-extraction"
#define FORMAT_VERSION 1

static json_t *size_json(size_t v) {
    return json_integer((json_int_t)v);
}

cg_status cg_extraction_to_json(cg_string *out, const cg_extraction *ext) {
    if (!out || !ext) return CG_EINVAL;
    const cg_document_info *in = &ext->info;
    json_t *root = json_object(), *info = json_object(), *refs = json_array(),
           *questions = json_array(), *defects = json_array();
    int bad = !root || !info || !refs || !questions || !defects;
    bad = bad || !cgu_json_set(info, "id", cgu_json_str(in->id)) ||
          !cgu_json_set(info, "issuer", cgu_json_str(in->issuer)) ||
          !cgu_json_set(info, "type", cgu_json_str(in->type)) ||
          !cgu_json_set(info, "title", cgu_json_str(in->title)) ||
          !cgu_json_set(info, "date", cgu_json_str(in->date)) ||
          !cgu_json_set(info, "alias", cgu_json_str(in->alias));
    for (size_t i = 0; !bad && i < ext->nrefs; i++) {
        const cg_reference *r = &ext->refs[i];
        json_t *a = json_pack(
            "[s,s,o,o,o,i,i,o,o,o,o]", r->kind, r->target, cgu_json_str(r->locator),
            cgu_json_str(r->resolves_to), cgu_json_str(r->note), (int)r->relation, (int)r->flags,
            size_json(r->offset), size_json(r->length), size_json(r->line), size_json(r->col));
        bad = !a || json_array_append_new(refs, a);
    }
    for (size_t i = 0; !bad && i < ext->nquestions; i++)
        bad = json_array_append_new(questions, json_string(ext->questions[i]));
    for (size_t i = 0; !bad && i < ext->ndefects; i++) {
        const cg_defect *d = &ext->defects[i];
        json_t *a = json_pack("[o,o,o,o,s]", size_json(d->offset), size_json(d->length),
                              size_json(d->line), size_json(d->col), d->message ? d->message : "");
        bad = !a || json_array_append_new(defects, a);
    }
    if (!bad) {
        bad = json_object_set_new(root, "format", json_string(FORMAT_NAME)) ||
              json_object_set_new(root, "version", json_integer(FORMAT_VERSION)) ||
              json_object_set(root, "info", info) || json_object_set(root, "refs", refs) ||
              json_object_set(root, "questions", questions) ||
              json_object_set(root, "defects", defects);
    }
    char *text = bad ? NULL : json_dumps(root, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(info);
    json_decref(refs);
    json_decref(questions);
    json_decref(defects);
    json_decref(root);
    if (!text) return CG_ENOMEM;
    cg_status st =
        cgu_str_append(out, text, strlen(text)) || cgu_str_putc(out, '\n') ? CG_ENOMEM : CG_OK;
    free(text);
    return st;
}

static cg_status format_error(cg_error *err, const char *why) {
    if (err) {
        memset(err, 0, sizeof *err);
        err->status = CG_EFORMAT;
        snprintf(err->text, sizeof err->text, "not a citegraph extraction record: %s", why);
    }
    return CG_EFORMAT;
}

/* A string or null member, copied into the arena; -1 when of another type. */
static int opt_string(cgu_arena *a, json_t *v, const char **out) {
    if (!v || json_is_null(v)) {
        *out = NULL;
        return 0;
    }
    if (!json_is_string(v)) return -1;
    *out = cgu_arena_strndup(a, json_string_value(v), json_string_length(v));
    return *out ? 0 : -2;
}

static int size_at(json_t *arr, size_t i, size_t *out) {
    json_t *v = json_array_get(arr, i);
    if (!json_is_integer(v) || json_integer_value(v) < 0) return -1;
    *out = (size_t)json_integer_value(v);
    return 0;
}

/* Positions must lie inside the document they were cached for. */
static int position_ok(const cg_input *input, size_t offset, size_t length, size_t line) {
    if (!input) return 1;
    size_t size = cg_input_size(input);
    return offset <= size && length <= size - offset && line >= 1 && line <= input->nlines;
}

cg_status cg_extraction_from_json(const char *data, size_t len, const cg_input *input,
                                  cg_extraction **out, cg_error *err) {
    if (!data || !out) return CG_EINVAL;
    *out = NULL;
    json_error_t je;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) return format_error(err, je.text);
    cg_status st = CG_OK;
    cg_extraction *r = calloc(1, sizeof *r);
    if (!r) {
        json_decref(root);
        return CG_ENOMEM;
    }
    json_t *info = json_object_get(root, "info"), *refs = json_object_get(root, "refs"),
           *questions = json_object_get(root, "questions"),
           *defects = json_object_get(root, "defects");
    const char *fmt = json_string_value(json_object_get(root, "format"));
    if (!fmt || strcmp(fmt, FORMAT_NAME) != 0 ||
        json_integer_value(json_object_get(root, "version")) != FORMAT_VERSION) {
        st = format_error(err, "wrong format or version");
        goto out;
    }
    if (!json_is_object(info) || !json_is_array(refs) || !json_is_array(questions) ||
        !json_is_array(defects)) {
        st = format_error(err, "missing info, refs, questions or defects");
        goto out;
    }
    cg_document_info *in = &r->info;
    if (opt_string(&r->arena, json_object_get(info, "id"), &in->id) ||
        opt_string(&r->arena, json_object_get(info, "issuer"), &in->issuer) ||
        opt_string(&r->arena, json_object_get(info, "type"), &in->type) ||
        opt_string(&r->arena, json_object_get(info, "title"), &in->title) ||
        opt_string(&r->arena, json_object_get(info, "date"), &in->date) ||
        opt_string(&r->arena, json_object_get(info, "alias"), &in->alias)) {
        st = format_error(err, "bad document info");
        goto out;
    }
    r->nrefs = json_array_size(refs);
    r->refs = calloc(r->nrefs ? r->nrefs : 1, sizeof *r->refs);
    r->nquestions = json_array_size(questions);
    r->questions = calloc(r->nquestions ? r->nquestions : 1, sizeof *r->questions);
    r->ndefects = json_array_size(defects);
    r->defects = calloc(r->ndefects ? r->ndefects : 1, sizeof *r->defects);
    if (!r->refs || !r->questions || !r->defects) {
        st = CG_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < r->nrefs; i++) {
        json_t *a = json_array_get(refs, i);
        cg_reference *x = &r->refs[i];
        json_t *rel = json_array_get(a, 5), *flags = json_array_get(a, 6);
        if (!json_is_array(a) || json_array_size(a) != 11 || !json_is_string(json_array_get(a, 0)) ||
            !json_is_string(json_array_get(a, 1)) || !json_is_integer(rel) ||
            !json_is_integer(flags) || json_integer_value(rel) < 0 ||
            json_integer_value(rel) > 1 || json_integer_value(flags) < 0 ||
            opt_string(&r->arena, json_array_get(a, 0), &x->kind) ||
            opt_string(&r->arena, json_array_get(a, 1), &x->target) ||
            opt_string(&r->arena, json_array_get(a, 2), &x->locator) ||
            opt_string(&r->arena, json_array_get(a, 3), &x->resolves_to) ||
            opt_string(&r->arena, json_array_get(a, 4), &x->note) || size_at(a, 7, &x->offset) ||
            size_at(a, 8, &x->length) || size_at(a, 9, &x->line) || size_at(a, 10, &x->col)) {
            st = format_error(err, "bad reference");
            goto out;
        }
        if (!position_ok(input, x->offset, x->length, x->line)) {
            st = format_error(err, "a reference outside the document");
            goto out;
        }
        x->relation = (cg_relation)json_integer_value(rel);
        x->flags = (unsigned)json_integer_value(flags);
    }
    for (size_t i = 0; i < r->nquestions; i++) {
        json_t *q = json_array_get(questions, i);
        if (!json_is_string(q) || opt_string(&r->arena, q, &r->questions[i])) {
            st = format_error(err, "bad question label");
            goto out;
        }
    }
    for (size_t i = 0; i < r->ndefects; i++) {
        json_t *a = json_array_get(defects, i);
        cg_defect *d = &r->defects[i];
        if (!json_is_array(a) || json_array_size(a) != 5 || size_at(a, 0, &d->offset) ||
            size_at(a, 1, &d->length) || size_at(a, 2, &d->line) || size_at(a, 3, &d->col) ||
            !json_is_string(json_array_get(a, 4)) ||
            opt_string(&r->arena, json_array_get(a, 4), &d->message)) {
            st = format_error(err, "bad defect");
            goto out;
        }
        if (!position_ok(input, d->offset, d->length, d->line)) {
            st = format_error(err, "a defect outside the document");
            goto out;
        }
    }
out:
    json_decref(root);
    if (st != CG_OK) {
        cg_extraction_free(r);
        return st;
    }
    *out = r;
    return CG_OK;
}
