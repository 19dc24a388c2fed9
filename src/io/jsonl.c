/* jsonl.c - the JSON Lines of `citegraph extract`: written, and read back
 * into extractions (citegraph/serialize.h).
 *
 * Writing: jansson encodes every value; the keys, in an order fixed here,
 * frame them (see "lines" below), so the same result gives the same bytes.
 * Text from the document is made valid UTF-8 first (NUL and invalid bytes
 * become U+FFFD), because JSON cannot carry anything else.
 *
 * Reading cuts a large input at line ends into pieces, parses the pieces on
 * several threads (jansson parses about 40 MB/s per core) and hands their
 * documents on in file order; a document whose reference lines run on into
 * the next piece is joined before it is handed on, so every piece boundary
 * is invisible to the caller. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/serialize.h"
#include "docid/questions.h"
#include "io/pieces.h"
#include "resolve/extraction.h"
#include "util/json_util.h"
#include "util/util.h"

/* ---- writing ---- */

/* ---- lines ----
 *
 * A line is the same bytes as jansson's compact dump of one object, put
 * together piece by piece (json_util.h: jansson encodes each value, the
 * fixed keys frame them). Dumping whole objects made jansson walk the ~150
 * bytes of keys of every reference line character by character, and
 * building them cost a hash update per key: a fifth of extraction's time.
 * test_serialize checks every line against jansson's dump of its own
 * parse. The values cache (cgu_json_values) lives for one document: the
 * names it keeps by address (kinds, relations, a grammar kind's, the
 * extractor's) are none of them freed while a document is written. */

/* An id's canonical text, or null for no id. */
static int put_id(cg_buf *out, cgu_json_values *c, const cg_docid *id) {
    if (id->kind == CG_KIND_NONE) return cgu_json_put_null(out, c);
    char small[128];
    size_t n = cg_docid_format(id, small, sizeof small);
    if (n < sizeof small) return cgu_json_put_text(out, c, small, n);
    cg_buf b = CG_BUF_INIT; /* an id too long for `small`: a grammar kind's */
    int rc = cg_docid_append(id, &b, NULL) == CG_OK ? cgu_json_put_text(out, c, b.data, b.len) : -1;
    cg_buf_release(&b);
    return rc;
}

/* The lists and objects of a line are put together as the lines are: jansson encodes each value,
 * the fixed keys frame them (building a jansson object for each and dumping it cost a tenth of
 * the output's time). */

/* ["3", "3a"]: questions as the Antwort numbers them. */
static int put_questions(cg_buf *out, cgu_json_values *c, const cg_question *q, size_t n) {
    if (cgu_buf_putc(out, '[')) return -1;
    for (size_t i = 0; i < n; i++) {
        char label[24];
        cg_question_format(&q[i], label, sizeof label);
        if ((i && cgu_buf_putc(out, ',')) || cgu_json_put_text(out, c, label, strlen(label)))
            return -1;
    }
    return cgu_buf_putc(out, ']');
}

/* "urheber": [{"name", "role"}], in the order known. */
static int put_authors(cg_buf *out, cgu_json_values *c, const cg_document_info *info) {
    if (cgu_buf_putc(out, '[')) return -1;
    for (size_t i = 0; i < info->nauthors; i++)
        if ((i && cgu_buf_putc(out, ',')) || CGU_JSON_OPEN(out, "name") ||
            cgu_json_put_str(out, c, info->authors[i].name) || CGU_JSON_KEY(out, "role") ||
            cgu_json_put_name(out, c, cg_author_role_name(info->authors[i].role)) ||
            cgu_buf_putc(out, '}'))
            return -1;
    return cgu_buf_putc(out, ']');
}

/* "from": where each piece of metadata came from, keyed as the document line names the piece. */
static int put_sources(cg_buf *out, cgu_json_values *c, const cg_document_info *info) {
    return CGU_JSON_OPEN(out, "doc") ||
                   cgu_json_put_name(out, c, cg_meta_source_name(info->id_from)) ||
                   CGU_JSON_KEY(out, "doc_type") ||
                   cgu_json_put_name(out, c, cg_meta_source_name(info->type_from)) ||
                   CGU_JSON_KEY(out, "title") ||
                   cgu_json_put_name(out, c, cg_meta_source_name(info->title_from)) ||
                   CGU_JSON_KEY(out, "date") ||
                   cgu_json_put_name(out, c, cg_meta_source_name(info->date_from)) ||
                   CGU_JSON_KEY(out, "urheber") ||
                   cgu_json_put_name(out, c, cg_meta_source_name(info->authors_from)) ||
                   cgu_buf_putc(out, '}')
               ? -1
               : 0;
}

/* "procedures": DIP's vorgangsbezug, [{"id", "title", "type"}]. */
static int put_procedures(cg_buf *out, cgu_json_values *c, const cg_document_info *info) {
    if (cgu_buf_putc(out, '[')) return -1;
    for (size_t i = 0; i < info->nprocedures; i++) {
        const cg_procedure *p = &info->procedures[i];
        if ((i && cgu_buf_putc(out, ',')) || CGU_JSON_OPEN(out, "id") ||
            cgu_json_put_str(out, c, p->id) || CGU_JSON_KEY(out, "title") ||
            cgu_json_put_str(out, c, p->title) || CGU_JSON_KEY(out, "type") ||
            cgu_json_put_str(out, c, p->type) || cgu_buf_putc(out, '}'))
            return -1;
    }
    return cgu_buf_putc(out, ']');
}

/* The input's warnings, as a list of strings. */
static int put_warnings(cg_buf *out, cgu_json_values *c, const cg_input *input) {
    if (cgu_buf_putc(out, '[')) return -1;
    for (size_t i = 0; input && i < cg_input_warning_count(input); i++)
        if ((i && cgu_buf_putc(out, ',')) || cgu_json_put_str(out, c, cg_input_warning(input, i)))
            return -1;
    return cgu_buf_putc(out, ']');
}

/* The reference's own keys, after the document's head: ,"line":..} */
static int put_reference(cg_buf *out, const cg_reference *r, const char *data, cgu_json_values *c) {
    if (CGU_JSON_KEY(out, "line") || cgu_buf_put_size(out, r->line) || CGU_JSON_KEY(out, "col") ||
        cgu_buf_put_size(out, r->col))
        return -1;
    /* a PDF's: where on the printed page */
    if (r->page && (CGU_JSON_KEY(out, "page") || cgu_buf_put_size(out, r->page) ||
                    CGU_JSON_KEY(out, "page_label") || cgu_json_put_str(out, c, r->page_label) ||
                    CGU_JSON_KEY(out, "page_line") || cgu_buf_put_size(out, r->page_line)))
        return -1;
    if (CGU_JSON_KEY(out, "offset") || cgu_buf_put_size(out, r->offset) ||
        CGU_JSON_KEY(out, "length") || cgu_buf_put_size(out, r->length) ||
        CGU_JSON_KEY(out, "kind") || cgu_json_put_name(out, c, cg_docid_kind_name(&r->target)) ||
        CGU_JSON_KEY(out, "target") || put_id(out, c, &r->target) || CGU_JSON_KEY(out, "locator") ||
        cgu_json_put_str(out, c, r->locator.text) || CGU_JSON_KEY(out, "relation") ||
        cgu_json_put_name(out, c, cg_relation_name(r->relation)))
        return -1;
    /* only where there are some: a million empty lists cost the reader a
     * second on the graph of a million references */
    if (r->nanswering &&
        (CGU_JSON_KEY(out, "answering") || put_questions(out, c, r->answering, r->nanswering)))
        return -1;
    return CGU_JSON_KEY(out, "text") ||
                   (data ? cgu_json_put_text(out, c, data + r->offset, r->length)
                         : cgu_json_put_null(out, c)) ||
                   CGU_JSON_KEY(out, "resolves_to") || put_id(out, c, &r->resolves_to) ||
                   CGU_JSON_KEY(out, "ambiguous") ||
                   cgu_json_put_bool(out, c, r->flags & CG_REF_AMBIGUOUS) ||
                   CGU_JSON_KEY(out, "malformed") ||
                   cgu_json_put_bool(out, c, r->flags & CG_REF_MALFORMED) ||
                   CGU_JSON_KEY(out, "note") || cgu_json_put_str(out, c, r->note) ||
                   cgu_buf_append(out, "}\n", 2)
               ? -1
               : 0;
}

/* An Antwort's answers: to which questions, how, where. */
static int put_answers(cg_buf *out, cgu_json_values *c, const cg_extraction *ext) {
    const cg_answer *ans;
    size_t n = ext ? cg_extraction_answers(ext, &ans) : 0;
    if (cgu_buf_putc(out, '[')) return -1;
    for (size_t i = 0; i < n; i++) {
        const cg_answer *a = &ans[i];
        if ((i && cgu_buf_putc(out, ',')) || CGU_JSON_OPEN(out, "questions") ||
            put_questions(out, c, a->questions, a->nquestions) || CGU_JSON_KEY(out, "answer") ||
            cgu_json_put_name(out, c, cg_answer_kind_name(a->kind)) ||
            CGU_JSON_KEY(out, "referrals") || cgu_buf_put_size(out, a->referrals) ||
            CGU_JSON_KEY(out, "own") || cgu_buf_put_size(out, a->own) ||
            CGU_JSON_KEY(out, "line") || cgu_buf_put_size(out, a->line) ||
            CGU_JSON_KEY(out, "col") || cgu_buf_put_size(out, a->col) ||
            (a->page && (CGU_JSON_KEY(out, "page") || cgu_buf_put_size(out, a->page) ||
                         CGU_JSON_KEY(out, "page_line") || cgu_buf_put_size(out, a->page_line))) ||
            CGU_JSON_KEY(out, "offset") || cgu_buf_put_size(out, a->offset) ||
            cgu_buf_putc(out, '}'))
            return -1;
    }
    return cgu_buf_putc(out, ']');
}

/* A size, or null when there is none. */
static int put_size_or_null(cg_buf *out, cgu_json_values *c, bool has, size_t v) {
    return has ? cgu_buf_put_size(out, v) : cgu_json_put_null(out, c);
}

/* The document line, put together as the reference lines are. `ext` is NULL
 * for a document that failed (`problem`) or has no extraction. */
static int put_document(cg_buf *out, cgu_json_values *c, const char *file, const cg_input *input,
                        const cg_extraction *ext, const cg_document_info *info, size_t n,
                        const char *problem) {
    return CGU_JSON_OPEN(out, "type") || cgu_json_put_name(out, c, "document") ||
                   CGU_JSON_KEY(out, "file") || cgu_json_put_str(out, c, file) ||
                   CGU_JSON_KEY(out, "doc") || put_id(out, c, &info->id) ||
                   CGU_JSON_KEY(out, "issuer") ||
                   cgu_json_put_str(out, c, cg_issuer_name(cg_docid_issuer(&info->id))) ||
                   CGU_JSON_KEY(out, "doc_type") || cgu_json_put_str(out, c, info->type) ||
                   CGU_JSON_KEY(out, "title") || cgu_json_put_str(out, c, info->title) ||
                   CGU_JSON_KEY(out, "date") || cgu_json_put_str(out, c, info->date) ||
                   CGU_JSON_KEY(out, "alias") || put_id(out, c, &info->alias) ||
                   CGU_JSON_KEY(out, "urheber") || put_authors(out, c, info) ||
                   CGU_JSON_KEY(out, "from") || put_sources(out, c, info) ||
                   CGU_JSON_KEY(out, "record") ||
                   put_size_or_null(out, c, info->record, info->record) ||
                   CGU_JSON_KEY(out, "dip_id") || cgu_json_put_str(out, c, info->dip_id) ||
                   CGU_JSON_KEY(out, "pdf_url") || cgu_json_put_str(out, c, info->pdf_url) ||
                   CGU_JSON_KEY(out, "procedures") || put_procedures(out, c, info) ||
                   CGU_JSON_KEY(out, "bytes") ||
                   put_size_or_null(out, c, input, input ? cg_input_size(input) : 0) ||
                   CGU_JSON_KEY(out, "references") || cgu_buf_put_size(out, n) ||
                   CGU_JSON_KEY(out, "answers") || put_answers(out, c, ext) ||
                   CGU_JSON_KEY(out, "warnings") || put_warnings(out, c, input) ||
                   CGU_JSON_KEY(out, "error") || cgu_json_put_str(out, c, problem) ||
                   cgu_buf_append(out, "}\n", 2)
               ? -1
               : 0;
}

/* The keys every reference line of the document begins with: put
 * together once, not for every reference. */
static int put_head(cg_buf *head, cgu_json_values *c, const char *file,
                    const cg_document_info *info) {
    return CGU_JSON_OPEN(head, "type") || cgu_json_put_name(head, c, "reference") ||
           CGU_JSON_KEY(head, "file") || cgu_json_put_str(head, c, file) ||
           CGU_JSON_KEY(head, "doc") || put_id(head, c, &info->id) ||
           /* a record of a DIP file: which, since positions are in its text */
           (info->record &&
            (CGU_JSON_KEY(head, "record") || cgu_buf_put_size(head, info->record) ||
             CGU_JSON_KEY(head, "dip_id") || cgu_json_put_str(head, c, info->dip_id)));
}

cg_status cg_jsonl_write_document(cg_buf *out, const char *file, const cg_input *input,
                                  const cg_extraction *ext, const char *problem, cg_error *err) {
    static const cg_document_info none;
    const cg_extraction *done = ext && !problem ? ext : NULL;
    const cg_document_info *info = done ? cg_extraction_document(done) : &none;
    size_t n = done ? cg_extraction_count(done) : 0;
    const char *data = input ? cg_input_data(input) : NULL;
    size_t start = out->len;
    cgu_json_values cache = {.count = 0};
    cg_buf head = CG_BUF_INIT;
    int failed = put_document(out, &cache, file, input, done, info, n, problem) ||
                 (n && put_head(&head, &cache, file, info));
    for (size_t i = 0; !failed && i < n; i++)
        failed = cgu_buf_append(out, head.data, head.len) ||
                 put_reference(out, cg_extraction_reference(done, i), data, &cache);
    cg_buf_release(&head);
    cgu_json_values_release(&cache);
    if (!failed) return CG_OK;
    if (out->cap) out->data[out->len = start] = '\0'; /* none of the document's lines */
    return cgu_oom(err);
}

cg_status cg_jsonl_write_summary(cg_buf *out, size_t files, size_t failed, size_t references,
                                 size_t warnings, cg_error *err) {
    return cgu_buf_printf(out,
                          "{\"type\":\"summary\",\"files\":%zu,\"failed\":%zu,\"references\":%zu,"
                          "\"warnings\":%zu}\n",
                          files, failed, references, warnings)
               ? cgu_oom(err)
               : CG_OK;
}

/* ---- TSV ---- */

cg_status cg_tsv_write_header(cg_buf *out, cg_error *err) {
    return cgu_buf_puts(out, "file\tline\tkind\ttarget\tlocator\trelation\n") ? cgu_oom(err)
                                                                              : CG_OK;
}

/* A field with tabs and line breaks turned into spaces. */
static int tsv_field(cg_buf *out, const char *s, size_t len) {
    size_t start = out->len;
    if (cgu_buf_append_valid_utf8(out, s, len)) return -1;
    for (size_t i = start; i < out->len; i++)
        if (out->data[i] == '\t' || out->data[i] == '\n' || out->data[i] == '\r')
            out->data[i] = ' ';
    return 0;
}

cg_status cg_tsv_write(cg_buf *out, const char *file, const cg_extraction *ext, cg_error *err) {
    size_t n = cg_extraction_count(ext);
    cg_buf target = CG_BUF_INIT, name = CG_BUF_INIT;
    cg_status st = CG_OK;
    /* a record of a DIP file is FILE#N: its lines are those of the record's text */
    size_t record = cg_extraction_document(ext)->record;
    if (record) {
        if (cgu_buf_printf(&name, "%s#%zu", file, record)) {
            cg_buf_release(&name);
            return cgu_oom(err);
        }
        file = name.data;
    }
    for (size_t i = 0; st == CG_OK && i < n; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        cg_buf_clear(&target);
        const char *loc = r->locator.text ? r->locator.text : "";
        if (cg_docid_append(&r->target, &target, NULL) != CG_OK ||
            tsv_field(out, file, strlen(file)) ||
            cgu_buf_printf(out, "\t%zu\t%s\t", r->line, cg_docid_kind_name(&r->target)) ||
            tsv_field(out, target.data, target.len) || cgu_buf_putc(out, '\t') ||
            tsv_field(out, loc, strlen(loc)) ||
            cgu_buf_printf(out, "\t%s\n", cg_relation_name(r->relation)))
            st = CG_ENOMEM;
    }
    cg_buf_release(&target);
    cg_buf_release(&name);
    return st == CG_OK ? CG_OK : cgu_oom(err);
}

/* ---- reading ---- */

static const char *jstr(json_t *o, const char *key) {
    return json_string_value(json_object_get(o, key));
}

/* How far into its first line a file must name "type" to be looked at as JSON Lines: a line of
 * extract's names it first, and one written again with its keys sorted after a long "answers"
 * still does within this; a DIP page saved on one line (tens of MB) names none, and is not
 * parsed here as well as where it is read. */
#define RECOGNISE_TYPE_WITHIN 65536

bool cg_jsonl_recognise(const char *data, size_t len) {
    /* the first line, after white space, is an object whose "type" is one of extract's (and
     * a document or reference line names its "file"): as extract writes it, or as another
     * program wrote the same values again (spaces after the colons, other keys first); a
     * text document is refused at its first byte */
    if (!data) return false;
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i >= len || data[i] != '{') return false;
    const char *nl = memchr(data + i, '\n', len - i);
    size_t n = nl ? (size_t)(nl - data) - i : len - i;
    if (!cgu_find(data + i, n < RECOGNISE_TYPE_WITHIN ? n : RECOGNISE_TYPE_WITHIN, "\"type\"", 6))
        return false;
    json_error_t je;
    json_t *first = json_loadb(data + i, n, 0, &je);
    const char *type = jstr(first, "type");
    bool ours = type && (strcmp(type, "summary") == 0 ||
                         ((strcmp(type, "document") == 0 || strcmp(type, "reference") == 0) &&
                          jstr(first, "file")));
    json_decref(first);
    return ours;
}

/* Parses a canonical id from the arena-owned copy of `text`; kind NONE for NULL. */
static int read_id(cg_extraction *ext, const char *text, cg_docid *id) {
    memset(id, 0, sizeof *id);
    if (!text) return 0;
    const char *copy = cgu_arena_strdup(&ext->arena, text);
    if (!copy) return -1;
    if (cg_docid_parse(copy, id, NULL) != CG_OK) memset(id, 0, sizeof *id);
    return 0;
}

static size_t size_of(json_t *o, const char *key) {
    json_int_t v = json_integer_value(json_object_get(o, key));
    return v > 0 ? (size_t)v : 0;
}

/* The source a "from" object names for `key`: CG_META_NONE for anything
 * else (lines of an older citegraph have no "from"). */
static cg_meta_source source_of(json_t *from, const char *key) {
    const char *name = jstr(from, key);
    static const cg_meta_source all[] = {CG_META_HEADER, CG_META_DIP, CG_META_CATALOG};
    for (size_t i = 0; name && i < sizeof all / sizeof all[0]; i++)
        if (strcmp(name, cg_meta_source_name(all[i])) == 0) return all[i];
    return CG_META_NONE;
}

/* The roles by the names cg_author_role_name() gives; -1 for another name. */
static int role_of(const char *name) {
    static const cg_author_role all[] = {CG_AUTHOR_SUBMITTER, CG_AUTHOR_MINISTRY, CG_AUTHOR_ASKER};
    for (size_t i = 0; name && i < sizeof all / sizeof all[0]; i++)
        if (strcmp(name, cg_author_role_name(all[i])) == 0) return (int)all[i];
    return -1;
}

/* What the document line says beyond the header's facts: authors, the
 * source of each field, and of a DIP record its number, id, PDF address
 * and procedures. Entries that do not read (an author without a name) are
 * passed over, as unknown keys are. -1 when memory ran out. */
static int read_metadata(cg_extraction *e, json_t *o) {
    cg_document_info *in = &e->info;
    int failed = 0;
    json_t *list = json_object_get(o, "urheber"), *v;
    size_t i, n = 0;
    cg_author *authors = cgu_arena_alloc(&e->arena, (json_array_size(list) + 1) * sizeof *authors);
    cg_procedure *procs = cgu_arena_alloc(
        &e->arena, (json_array_size(json_object_get(o, "procedures")) + 1) * sizeof *procs);
    if (!authors || !procs) return -1;
    json_array_foreach(list, i, v) {
        const char *name = jstr(v, "name");
        int role = role_of(jstr(v, "role"));
        if (!name || role < 0) continue;
        authors[n++] =
            (cg_author){cgu_arena_dup_or_null(&e->arena, name, &failed), (cg_author_role)role};
    }
    in->authors = n ? authors : NULL;
    in->nauthors = n;
    json_t *from = json_object_get(o, "from");
    in->id_from = source_of(from, "doc");
    in->type_from = source_of(from, "doc_type");
    in->title_from = source_of(from, "title");
    in->date_from = source_of(from, "date");
    in->authors_from = source_of(from, "urheber");
    in->record = size_of(o, "record");
    in->dip_id = cgu_arena_dup_or_null(&e->arena, jstr(o, "dip_id"), &failed);
    in->pdf_url = cgu_arena_dup_or_null(&e->arena, jstr(o, "pdf_url"), &failed);
    n = 0;
    json_array_foreach(json_object_get(o, "procedures"), i, v) {
        const char *id = jstr(v, "id");
        if (!id) continue;
        procs[n++] = (cg_procedure){cgu_arena_dup_or_null(&e->arena, id, &failed),
                                    cgu_arena_dup_or_null(&e->arena, jstr(v, "title"), &failed),
                                    cgu_arena_dup_or_null(&e->arena, jstr(v, "type"), &failed)};
    }
    in->procedures = n ? procs : NULL;
    in->nprocedures = n;
    return failed ? -1 : 0;
}

/* Question labels ("3", "3a") into an array in the extraction's arena;
 * labels that do not read are passed over. -1 when memory ran out. */
static int read_questions(cg_extraction *e, json_t *labels, cg_question **out, size_t *n) {
    *out = NULL;
    *n = 0;
    size_t count = json_is_array(labels) ? json_array_size(labels) : 0;
    if (!count) return 0;
    cg_question *q = cgu_arena_alloc(&e->arena, count * sizeof *q);
    if (!q) return -1;
    for (size_t i = 0; i < count; i++) {
        const char *label = json_string_value(json_array_get(labels, i));
        if (label && cgl_question_parse(label, &q[*n])) ++*n;
    }
    *out = *n ? q : NULL;
    return 0;
}

/* The "answers" of a document line (an Antwort's); malformed entries are
 * passed over. -1 when memory ran out. */
static int read_answers(cg_extraction *e, json_t *list) {
    size_t count = json_is_array(list) ? json_array_size(list) : 0;
    if (!count) return 0;
    cg_answer *a = cgu_arena_alloc(&e->arena, count * sizeof *a);
    if (!a) return -1;
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        json_t *o = json_array_get(list, i);
        const char *kind = jstr(o, "answer");
        cg_answer *x = &a[n];
        memset(x, 0, sizeof *x);
        cg_question *q;
        if (read_questions(e, json_object_get(o, "questions"), &q, &x->nquestions)) return -1;
        if (!kind || !x->nquestions) continue;
        x->questions = q;
        x->kind = strcmp(kind, "reference") == 0 ? CG_ANSWER_REFERENCE
                  : strcmp(kind, "partly") == 0  ? CG_ANSWER_PARTLY
                                                 : CG_ANSWER_OWN;
        x->referrals = size_of(o, "referrals");
        x->own = size_of(o, "own");
        x->line = size_of(o, "line");
        x->col = size_of(o, "col");
        x->offset = size_of(o, "offset");
        x->page = size_of(o, "page");
        x->page_line = size_of(o, "page_line");
        n++;
    }
    e->answers = n ? a : NULL;
    e->nanswers = n;
    return 0;
}

static int read_document_line(cgio_piece *p, json_t *o, const char *file) {
    cgio_doc *d = cgio_new_doc(p, file, strlen(file), true);
    if (!d) return -1;
    cg_extraction *e = d->ext;
    int failed = 0;
    if (read_id(e, jstr(o, "doc"), &e->info.id) || read_id(e, jstr(o, "alias"), &e->info.alias))
        return -1;
    e->info.type = cgu_arena_dup_or_null(&e->arena, jstr(o, "doc_type"), &failed);
    e->info.title = cgu_arena_dup_or_null(&e->arena, jstr(o, "title"), &failed);
    e->info.date = cgu_arena_dup_or_null(&e->arena, jstr(o, "date"), &failed);
    return failed || read_metadata(e, o) || read_answers(e, json_object_get(o, "answers")) ? -1 : 0;
}

/* -1: out of memory; 1: not a reference citegraph writes (*why says what). */
static int read_reference_line(cgio_piece *p, json_t *o, const char *file, const char **why) {
    const char *kind = jstr(o, "kind"), *target = jstr(o, "target");
    if (!target || !*target) {
        *why = "a reference without a \"target\"";
        return 1;
    }
    cg_docid probe; /* refused before anything is made of the line */
    if (kind ? !*kind : cg_docid_parse(target, &probe, NULL) != CG_OK) {
        *why = kind ? "a reference with an empty \"kind\""
                    : "a reference without a \"kind\" whose target is not a canonical id";
        return 1;
    }
    cgio_doc *d = p->ndocs ? &p->docs[p->ndocs - 1] : NULL;
    /* the records of a DIP file share its name: the record tells them apart */
    size_t record = size_of(o, "record");
    if (!d || strcmp(d->file, file) != 0 || d->ext->info.record != record) {
        /* references without their document line */
        if (!(d = cgio_new_doc(p, file, strlen(file), false))) return -1;
        if (read_id(d->ext, jstr(o, "doc"), &d->ext->info.id)) return -1;
        d->ext->info.record = record;
        int failed = 0;
        d->ext->info.dip_id = cgu_arena_dup_or_null(&d->ext->arena, jstr(o, "dip_id"), &failed);
        if (failed) return -1;
    }
    cg_extraction *e = d->ext;
    cg_reference *r = cgio_next_ref(d);
    if (!r) return -1;
    const char *t = cgu_arena_strdup(&e->arena, target);
    const char *k = kind ? cgu_arena_strdup(&e->arena, kind) : NULL;
    if (!t || (kind && !k)) return -1;
    if (k ? cg_docid_parse_kind(k, t, &r->target, NULL) != CG_OK
          : cg_docid_parse(t, &r->target, NULL) != CG_OK)
        return -1; /* cannot be: both were read above */
    int failed = 0;
    r->locator.text = cgu_arena_dup_or_null(&e->arena, jstr(o, "locator"), &failed);
    r->note = cgu_arena_dup_or_null(&e->arena, jstr(o, "note"), &failed);
    if (failed || read_id(e, jstr(o, "resolves_to"), &r->resolves_to) ||
        cgl_locator_questions(&e->arena, &r->locator))
        return -1;
    const char *rel = jstr(o, "relation");
    r->relation = !rel                          ? CG_REL_CITES
                  : strcmp(rel, "answers") == 0 ? CG_REL_ANSWERS
                  : strcmp(rel, "refers") == 0  ? CG_REL_REFERS
                                                : CG_REL_CITES;
    cg_question *answering = NULL;
    size_t nanswering = 0;
    if (read_questions(e, json_object_get(o, "answering"), &answering, &nanswering)) return -1;
    r->answering = answering;
    r->nanswering = nanswering;
    r->flags = (json_is_true(json_object_get(o, "ambiguous")) ? CG_REF_AMBIGUOUS : 0) |
               (json_is_true(json_object_get(o, "malformed")) ? CG_REF_MALFORMED : 0);
    r->offset = size_of(o, "offset");
    r->length = size_of(o, "length");
    r->line = size_of(o, "line");
    r->col = size_of(o, "col");
    r->page = size_of(o, "page");
    r->page_line = size_of(o, "page_line");
    const char *label = json_string_value(json_object_get(o, "page_label"));
    if (label && !(r->page_label = cgu_arena_strdup(&e->arena, label))) return -1;
    e->nrefs++;
    return 0;
}

/* Parses one piece; stops at its first bad line (p->status, p->err with the
 * line of the whole input). */
static void parse_piece(cgio_piece *p, const char *name) {
    size_t lineno = p->first - 1, i = 0;
    const char *data = p->data;
    while (i < p->len) {
        const char *nl = memchr(data + i, '\n', p->len - i);
        size_t e = nl ? (size_t)(nl - data) : p->len;
        lineno++;
        size_t n = e - i;
        const char *l = data + i;
        i = e < p->len ? e + 1 : e;
        while (n && (l[n - 1] == '\r' || l[n - 1] == ' '))
            n--;
        if (!n) continue;
        json_error_t je;
        json_t *o = json_loadb(l, n, 0, &je);
        const char *type = o ? jstr(o, "type") : NULL;
        if (!o || !json_is_object(o) || !type) {
            p->status = cgu_error(&p->err, CG_EFORMAT, name, lineno, 0, "%s",
                                  o ? "not a line of 'citegraph extract' (no \"type\")" : je.text);
            json_decref(o);
            return;
        }
        const char *file = jstr(o, "file"), *why = NULL;
        int rc = 0;
        bool is_doc = strcmp(type, "document") == 0, is_ref = strcmp(type, "reference") == 0;
        if ((is_doc || is_ref) && !file) {
            why = is_doc ? "a document line without a \"file\""
                         : "a reference line without a \"file\"";
            rc = 1;
        } else if (is_doc && !jstr(o, "error"))
            rc = read_document_line(p, o, file);
        else if (is_ref)
            rc = read_reference_line(p, o, file, &why);
        json_decref(o);
        if (rc > 0) {
            p->status = cgu_error(&p->err, CG_EFORMAT, name, lineno, 0, "%s", why);
            return;
        }
        if (rc) {
            p->status = cgu_oom(&p->err);
            return;
        }
    }
}

cg_status cg_jsonl_read(const char *name, const char *data, size_t len, int jobs, cg_jsonl_fn fn,
                        void *ctx, cg_error *err) {
    size_t npieces = len / CGIO_PIECE_MIN ? len / CGIO_PIECE_MIN : 1;
    cgio_piece *pieces = calloc(npieces, sizeof *pieces);
    if (!pieces) return cgu_oom(err);
    size_t from = 0, line = 1;
    for (size_t i = 0; i < npieces; i++) {
        size_t to = i + 1 == npieces ? len : len / npieces * (i + 1);
        if (to < from) to = from;
        const char *nl = to < len ? memchr(data + to, '\n', len - to) : NULL;
        to = nl ? (size_t)(nl - data) + 1 : len;
        pieces[i] = (cgio_piece){.data = data + from, .len = to - from, .first = line};
        for (const char *q = data + from; (q = memchr(q, '\n', (size_t)(data + to - q))); q++)
            line++;
        from = to;
    }
    cg_status st = cgio_read_pieces(name, pieces, npieces, jobs, parse_piece, fn, ctx, err);
    free(pieces);
    return st;
}
