/* lookup.c - ids as people write them (cg_resolve_text) and the documents
 * of a corpus with their aliases (cg_corpus).
 *
 * What spellings of an id citegraph understands is what its grammar finds:
 * so a written id is read by extracting it, as if it stood in a document
 * ("19/5954" becomes "Drucksache 19/5954"), and the first reference found
 * is its reading. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/resolve.h"
#include "idkey.h"
#include "util/util.h"

cg_status cg_resolve_text(const cg_extractor *ex, const char *text, cg_docid *out, cg_buf *storage,
                          cg_error *err) {
    memset(out, 0, sizeof *out);
    size_t skip = strspn(text, " \t");
    int bare = text[skip] >= '0' && text[skip] <= '9';
    cg_buf doc = CG_BUF_INIT;
    if ((bare && cgu_buf_puts(&doc, "Drucksache ")) || cgu_buf_puts(&doc, text)) {
        cg_buf_release(&doc);
        return cgu_oom(err);
    }
    cg_input *in = NULL;
    cg_extraction *ext = NULL;
    cg_status st = cg_input_from_memory("id", doc.data, doc.len, NULL, &in, err);
    if (st == CG_OK) st = cg_extract(ex, in, &ext, err);
    const cg_docid *found = NULL;
    for (size_t i = 0; st == CG_OK && i < cg_extraction_count(ext) && !found; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        if (r->target.kind != CG_KIND_INTERNAL) found = &r->target;
    }
    /* "ID\0KIND" in the caller's `storage`, so that both outlive the extraction */
    cg_buf_clear(storage);
    cg_docid canonical;
    if (st == CG_OK && !found) {
        if (cg_docid_parse(text, &canonical, NULL) == CG_OK && canonical.kind != CG_KIND_INTERNAL)
            found = &canonical;
        else
            st = cgu_error(err, CG_EFORMAT, NULL, 0, 0, "'%.200s' names no document", text);
    }
    if (st == CG_OK &&
        (cg_docid_append(found, storage, NULL) != CG_OK || cgu_buf_putc(storage, '\0') ||
         cgu_buf_puts(storage, cg_docid_kind_name(found))))
        st = cgu_oom(err);
    if (st == CG_OK) {
        const char *id = storage->data;
        st = cg_docid_parse_kind(id + strlen(id) + 1, id, out, err);
    }
    cg_extraction_free(ext);
    cg_input_free(in);
    cg_buf_release(&doc);
    return st;
}

/* ---- the corpus ---- */

struct cg_corpus {
    cgu_arena arena; /* the keys */
    cgu_map own;     /* canonical text -> document */
    cgu_map alias;
};

cg_status cg_corpus_new(cg_corpus **out, cg_error *err) {
    *out = calloc(1, sizeof **out);
    return *out ? CG_OK : cgu_oom(err);
}

void cg_corpus_free(cg_corpus *c) {
    if (!c) return;
    cgu_map_release(&c->own);
    cgu_map_release(&c->alias);
    cgu_arena_release(&c->arena);
    free(c);
}

size_t cgr_id_key(const cg_docid *id, char key[CGR_ID_KEY]) {
    key[0] = '\0';
    if (id->kind == CG_KIND_NONE) return 0;
    size_t n = cg_docid_format(id, key, CGR_ID_KEY);
    if (n < CGR_ID_KEY) return n;
    /* only a text id is so long: the kind, the text's hash and its start */
    const char *text = id->text ? id->text : "";
    cgu_hash h;
    char hex[33];
    cgu_hash_init(&h);
    cgu_hash_bytes(&h, text, strlen(text));
    cgu_hash_hex(&h, hex);
    int k = snprintf(key, CGR_ID_KEY, "\x01%s %s %.180s", cg_docid_kind_name(id), hex, text);
    return k > 0 && k < CGR_ID_KEY ? (size_t)k : CGR_ID_KEY - 1;
}

static int put_first(cgu_arena *a, cgu_map *m, const cg_docid *id, size_t index) {
    char key[CGR_ID_KEY];
    size_t n = cgr_id_key(id, key);
    if (!n || cgu_map_get(m, key, NULL)) return 0;
    const char *k = cgu_arena_strndup(a, key, n);
    return !k || cgu_map_put(m, k, index) ? -1 : 0;
}

cg_status cg_corpus_add(cg_corpus *c, const cg_docid *id, const cg_docid *alias, size_t index,
                        cg_error *err) {
    if (put_first(&c->arena, &c->own, id, index) || put_first(&c->arena, &c->alias, alias, index))
        return cgu_oom(err);
    return CG_OK;
}

bool cg_corpus_find(const cg_corpus *c, const cg_docid *id, size_t *index) {
    char key[CGR_ID_KEY];
    size_t v;
    if (!cgr_id_key(id, key)) return false;
    if (cgu_map_get(&c->own, key, &v) || cgu_map_get(&c->alias, key, &v)) {
        if (index) *index = v;
        return true;
    }
    return false;
}
