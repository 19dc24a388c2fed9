/* catalog.c - catalogs of known documents (citegraph/resolve.h): a TSV with
 * a header row (like DIP's index.tsv) or DIP JSON records (pages of the
 * "drucksache" or "drucksache-text" endpoint, one after the other, arrays,
 * or one record per line). The graph takes its metadata from them, the
 * check the documents that exist and their dates.
 *
 * DIP's own numbers ("21/1234", "103/25(B)") are read as the number of a
 * Bundestag or Bundesrat Drucksache when they are already canonical; any
 * other spelling is read as cg_resolve_text() reads it, so that every
 * spelling of a number meets the references. A record that names no
 * document is never dropped in silence: it becomes a problem the caller
 * reports. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_digest.h"
#include "citegraph/resolve.h"
#include "docid/canon.h"
#include "idkey.h"
#include "util/util.h"

struct cg_catalog {
    cgu_arena arena;
    cg_catalog_entry *entries;
    size_t count, cap;
    cgu_map index;    /* canonical id -> its last row */
    cgu_map coverage; /* coverage key of the rows -> COVER_COMPLETE or COVER_SELECTION */
    const char **problems;
    size_t nproblems, capproblems;
    cgu_hash digest; /* of every catalog read, in order (cgr_catalog_digest) */
};

/* What the catalogs say of a part of the numbering: a complete catalog's
 * word outweighs a selection's. */
enum { COVER_SELECTION = 1, COVER_COMPLETE = 2 };

cg_status cg_catalog_new(cg_catalog **out, cg_error *err) {
    *out = calloc(1, sizeof **out);
    if (*out) cgu_hash_init(&(*out)->digest);
    return *out ? CG_OK : cgu_oom(err);
}

void cgr_catalog_digest(const cg_catalog *c, char out[33]) {
    cgu_hash_hex(&c->digest, out);
}

void cg_catalog_free(cg_catalog *c) {
    if (!c) return;
    free(c->entries);
    free(c->problems);
    cgu_map_release(&c->index);
    cgu_map_release(&c->coverage);
    cgu_arena_release(&c->arena);
    free(c);
}

size_t cg_catalog_count(const cg_catalog *c) {
    return c->count;
}

const cg_catalog_entry *cg_catalog_entry_at(const cg_catalog *c, size_t i) {
    return i < c->count ? &c->entries[i] : NULL;
}

/* The part of the numbering an id belongs to: "bt_drucksache|21",
 * "br_drucksache|25", "COM(2020)", the kind for Council documents,
 * Landtage and Ausschussdrucksachen, else the id itself. */
static size_t coverage_key(const cg_docid *id, char *out, size_t cap) {
    int n;
    switch (id->kind) {
    case CG_KIND_BT_DRUCKSACHE:
    case CG_KIND_BT_PLENARPROTOKOLL:
    case CG_KIND_BR_DRUCKSACHE:
        n = snprintf(out, cap, "%s|%02u", cg_kind_name(id->kind), id->period);
        break;
    case CG_KIND_BT_AUSSCHUSSDRUCKSACHE:
    case CG_KIND_LANDTAG_DRUCKSACHE:
    case CG_KIND_EU_COUNCIL_DOC:
        n = snprintf(out, cap, "%s", cg_kind_name(id->kind));
        break;
    case CG_KIND_EU_COM_DOC:
        n = snprintf(out, cap, "%s(%u)", id->series, id->period);
        break;
    default:
        return cg_docid_format(id, out, cap);
    }
    return n > 0 ? (size_t)n : 0;
}

static size_t coverage_of(const cg_catalog *c, const cg_docid *id) {
    char key[256];
    size_t v = 0;
    if (coverage_key(id, key, sizeof key) < sizeof key) cgu_map_get(&c->coverage, key, &v);
    return v;
}

bool cg_catalog_covers(const cg_catalog *c, const cg_docid *id) {
    return coverage_of(c, id) == COVER_COMPLETE;
}

bool cg_catalog_selects(const cg_catalog *c, const cg_docid *id) {
    return coverage_of(c, id) == COVER_SELECTION;
}

size_t cg_catalog_problem_count(const cg_catalog *c) {
    return c->nproblems;
}

const char *cg_catalog_problem(const cg_catalog *c, size_t i) {
    return i < c->nproblems ? c->problems[i] : NULL;
}

const cg_catalog_entry *cg_catalog_find(const cg_catalog *c, const cg_docid *id) {
    char key[CGR_ID_KEY];
    size_t i;
    if (!cgr_id_key(id, key)) return NULL;
    return cgu_map_get(&c->index, key, &i) ? &c->entries[i] : NULL;
}

static const char *nonempty(const char *s) {
    return s && *s ? s : NULL;
}

/* What a row says, before it is copied into the catalog. */
typedef struct row {
    const char *type, *date, *title, *file, *dip_id, *pdf_url;
    cg_author *authors;
    size_t nauthors;
    size_t record;
} row;

typedef struct reader {
    cg_catalog *c;
    const cg_extractor *ex;
    const char *path;
    cg_catalog_scope scope;
    cg_buf storage;
    size_t record; /* JSON: records so far, over all pages */
} reader;

/* Records a problem of the file being read; -1 when memory ran out. */
static int problem(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int problem(reader *r, const char *fmt, ...) {
    cg_catalog *c = r->c;
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (cgu_grow((void **)&c->problems, &c->capproblems, c->nproblems + 1, sizeof *c->problems))
        return -1;
    const char *p = cgu_arena_strdup(&c->arena, text);
    if (!p) return -1;
    c->problems[c->nproblems++] = p;
    return 0;
}

/* Adds a row for `id`, copying everything into the catalog. A date that is
 * none (DIP's `datum` is YYYY-MM-DD) is not used, and said. */
static cg_status add_entry(reader *r, const cg_docid *id, const row *w) {
    cg_catalog *c = r->c;
    row checked = *w;
    if (nonempty(w->date) && !cgu_is_iso_date(w->date)) {
        char name[128];
        cg_docid_format(id, name, sizeof name);
        if (problem(r, "%s: %s: the date '%.40s' is not a date (YYYY-MM-DD); not used", r->path,
                    name, w->date))
            return CG_ENOMEM;
        checked.date = NULL;
    }
    w = &checked;
    if (cgu_grow((void **)&c->entries, &c->cap, c->count + 1, sizeof *c->entries)) return CG_ENOMEM;
    cg_catalog_entry *e = &c->entries[c->count];
    int failed = 0;
    cgu_arena *a = &c->arena;
    *e = (cg_catalog_entry){.id = *id,
                            .type = cgu_arena_dup_or_null(a, nonempty(w->type), &failed),
                            .date = cgu_arena_dup_or_null(a, nonempty(w->date), &failed),
                            .title = cgu_arena_dup_or_null(a, nonempty(w->title), &failed),
                            .file = cgu_arena_dup_or_null(a, nonempty(w->file), &failed),
                            .dip_id = cgu_arena_dup_or_null(a, nonempty(w->dip_id), &failed),
                            .pdf_url = cgu_arena_dup_or_null(a, nonempty(w->pdf_url), &failed),
                            .source = cgu_arena_dup_or_null(a, r->path, &failed),
                            .record = w->record,
                            .selection = r->scope == CG_CATALOG_SELECTION};
    e->id.text = cgu_arena_dup_or_null(a, id->text, &failed);
    e->id.grammar_kind = cgu_arena_dup_or_null(a, id->grammar_kind, &failed);
    if (w->nauthors) {
        cg_author *au = cgu_arena_alloc(a, w->nauthors * sizeof *au);
        if (!au) return CG_ENOMEM;
        for (size_t i = 0; i < w->nauthors; i++)
            au[i] = (cg_author){cgu_arena_dup_or_null(a, w->authors[i].name, &failed),
                                w->authors[i].role};
        e->authors = au;
        e->nauthors = w->nauthors;
    }
    char text[CGR_ID_KEY], key[256];
    size_t n = cgr_id_key(&e->id, text);
    size_t k = coverage_key(&e->id, key, sizeof key);
    if (failed) return CG_ENOMEM;
    const char *tk = cgu_arena_strndup(a, text, n);
    /* a long URL or grammar id has no coverage key: it covers nothing */
    const char *kk = k < sizeof key ? cgu_arena_strndup(a, key, k) : NULL;
    size_t cover = r->scope == CG_CATALOG_SELECTION ? COVER_SELECTION : COVER_COMPLETE, was = 0;
    if (kk) cgu_map_get(&c->coverage, kk, &was);
    if (!tk || (k < sizeof key && !kk) || cgu_map_put(&c->index, tk, c->count) ||
        (kk && was < cover && cgu_map_put(&c->coverage, kk, cover)))
        return CG_ENOMEM;
    c->count++;
    return CG_OK;
}

/* The id of a row: its "id" in any spelling, or DIP's number of the
 * issuer's Drucksache (or Plenarprotokoll); false for a row that names no
 * document. */
static bool row_id(const cg_extractor *ex, const char *id, const char *issuer, const char *number,
                   bool protocol, cg_docid *out, cg_buf *storage) {
    if (!nonempty(number))
        return nonempty(id) && cg_resolve_text(ex, id, out, storage, NULL) == CG_OK;
    int br = issuer && strcmp(issuer, "BR") == 0;
    const char *prefix = protocol ? (br ? "BR-PlPr." : "BT-PlPr.") : br ? "BR-Drs." : "BT-Drs.";
    if (!protocol) {
        cg_kind kind = br ? CG_KIND_BR_DRUCKSACHE : CG_KIND_BT_DRUCKSACHE;
        /* The fast way, for a number already in canonical form (the only
         * form parsing accepts: docid.h) that is valid as it stands; a
         * Bundestag number with a part, flags or a version is left to the
         * reading. */
        cg_docid d;
        if (cg_docid_parse_number(kind, number, &d, NULL) == CG_OK &&
            (br ? cgd_br_drucksache(out, d.number, d.part, d.period, d.flags, d.version)
                : !d.part && !d.flags && !d.version && cgd_bt_drucksache(out, d.period, d.number)))
            return true;
    }
    cg_buf text = CG_BUF_INIT;
    bool ok = cgu_buf_printf(&text, "%s %s", prefix, number) == 0 &&
              cg_resolve_text(ex, text.data, out, storage, NULL) == CG_OK &&
              (!protocol || out->kind == CG_KIND_BT_PLENARPROTOKOLL);
    cg_buf_release(&text);
    return ok;
}

static const char *jstr(json_t *o, const char *key) {
    return json_string_value(json_object_get(o, key));
}

/* The first of `keys` the record has; NULL when it has none. */
static json_t *jfirst(json_t *o, const char *const *keys, const char **which) {
    for (; *keys; keys++) {
        json_t *v = json_object_get(o, *keys);
        if (v && !json_is_null(v)) {
            *which = *keys;
            return v;
        }
    }
    return NULL;
}

/* Appends the "titel" of every object of o[key] as an author with `role`. */
static int json_authors(json_t *o, const char *key, cg_author_role role, cg_author **au, size_t *n,
                        size_t *cap) {
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(o, key), i, v) {
        const char *name = json_is_string(v) ? json_string_value(v) : jstr(v, "titel");
        if (!nonempty(name)) continue;
        if (cgu_grow((void **)au, cap, *n + 1, sizeof **au)) return -1;
        (*au)[(*n)++] = (cg_author){name, role};
    }
    return 0;
}

/* One DIP record (or a record in citegraph's own terms: id, type, date,
 * title, file). */
static cg_status json_record(reader *r, json_t *o) {
    size_t rec = ++r->record;
    if (!json_is_object(o))
        return problem(r, "%s: record %zu: not a JSON object; passed over", r->path, rec)
                   ? CG_ENOMEM
                   : CG_OK;
    /* every field read must be a string */
    static const char *const fields[][4] = {{"dokumentnummer", NULL},
                                            {"herausgeber", NULL},
                                            {"dokumentart", NULL},
                                            {"drucksachetyp", "type", NULL},
                                            {"datum", "date", NULL},
                                            {"titel", "title", NULL},
                                            {"file", NULL}};
    const char *val[7];
    for (size_t f = 0; f < 7; f++) {
        const char *key = fields[f][0];
        json_t *v = jfirst(o, fields[f], &key);
        if (v && !json_is_string(v))
            return problem(r, "%s: record %zu: \"%s\" is not a string; passed over", r->path, rec,
                           key)
                       ? CG_ENOMEM
                       : CG_OK;
        val[f] = json_string_value(v);
    }
    json_t *fund = json_object_get(o, "fundstelle");
    json_t *idv = json_object_get(o, "id");
    /* DIP's "id" is its own number of the record; without a dokumentnummer,
     * "id" is the document's id as citegraph writes it */
    const char *id = json_is_string(idv) ? json_string_value(idv) : NULL;
    char idnum[32];
    if (json_is_integer(idv)) {
        snprintf(idnum, sizeof idnum, "%lld", (long long)json_integer_value(idv));
        id = idnum;
    }
    bool dip = nonempty(val[0]) != NULL;
    bool protocol = val[2] && strcmp(val[2], "Plenarprotokoll") == 0;
    if (protocol && val[1] && strcmp(val[1], "BR") == 0)
        return problem(r,
                       "%s: record %zu: a Bundesrat Plenarprotokoll, which has no id "
                       "citegraph knows; passed over",
                       r->path, rec)
                   ? CG_ENOMEM
                   : CG_OK;
    cg_docid d;
    if (!row_id(r->ex, dip ? NULL : id, val[1], val[0], protocol, &d, &r->storage)) {
        int bad = dip  ? problem(r,
                                 "%s: record %zu: dokumentnummer '%s' names no document; passed "
                                  "over",
                                 r->path, rec, val[0])
                  : id ? problem(r, "%s: record %zu: id '%s' names no document; passed over",
                                 r->path, rec, id)
                       : problem(r, "%s: record %zu: no dokumentnummer and no id; passed over",
                                 r->path, rec);
        return bad ? CG_ENOMEM : CG_OK;
    }
    row w = {.type = val[3],
             .date = val[4] ? val[4] : jstr(fund, "datum"),
             .title = val[5],
             .file = val[6],
             .dip_id = dip ? id : NULL,
             .pdf_url = jstr(fund, "pdf_url"),
             .record = rec};
    size_t cap = 0;
    cg_status st = CG_OK;
    if (json_authors(o, "urheber", CG_AUTHOR_SUBMITTER, &w.authors, &w.nauthors, &cap) ||
        json_authors(o, "ressort", CG_AUTHOR_MINISTRY, &w.authors, &w.nauthors, &cap))
        st = CG_ENOMEM;
    if (st == CG_OK) st = add_entry(r, &d, &w);
    free(w.authors);
    return st;
}

/* One JSON text of the file: a page with "documents", an array of records,
 * or one record. */
static cg_status json_value(reader *r, json_t *v) {
    json_t *docs = json_is_object(v) ? json_object_get(v, "documents") : NULL;
    if (docs && !json_is_array(docs)) {
        char after[48] = ""; /* none before the first record: there is none to name */
        if (r->record) snprintf(after, sizeof after, "after record %zu: ", r->record);
        return problem(r, "%s: %s\"documents\" is not an array; passed over", r->path, after)
                   ? CG_ENOMEM
                   : CG_OK;
    }
    json_t *arr = json_is_array(v) ? v : docs;
    if (!arr) return json_record(r, v);
    size_t i;
    json_t *x;
    cg_status st = CG_OK;
    json_array_foreach(arr, i, x) {
        if ((st = json_record(r, x)) != CG_OK) break;
    }
    return st;
}

/* Whether text[from, len) starts with a line that is one complete JSON
 * value on its own, after blank lines. */
static bool value_line_follows(const char *text, size_t len, size_t from) {
    while (from < len && strchr(" \t\r\n", text[from]))
        from++;
    if (from >= len || (text[from] != '{' && text[from] != '[')) return false;
    const char *nl = memchr(text + from, '\n', len - from);
    size_t end = nl ? (size_t)(nl - text) : len;
    json_error_t je;
    json_t *v = json_loadb(text + from, end - from, 0, &je);
    json_decref(v);
    return v != NULL;
}

/* Whether the value at text[at, at + n) stands alone on its line. */
static bool alone_on_line(const char *text, size_t len, size_t line_start, size_t at, size_t n) {
    if (at != line_start || memchr(text + at, '\n', n)) return false;
    for (size_t k = at + n; k < len && text[k] != '\n'; k++)
        if (!strchr(" \t\r", text[k])) return false;
    return true;
}

/* The JSON texts of the file, one after the other: a page, pages written
 * one after another, an array, or one record per line. In JSON Lines a line
 * that does not parse costs only itself, as in DIP input: it is a problem
 * and the next line is read. A file is taken for JSON Lines when a value
 * before stood alone on its line, or the broken value starts a line and the
 * next line is a value of its own; anything else that does not parse (a
 * page spread over many lines) fails the file. */
static cg_status read_json(reader *r, const char *text, size_t len, cg_error *err) {
    size_t at = 0, line = 1, line_start = 0;
    bool lines = false; /* a value stood alone on its line: JSON Lines */
    for (;;) {
        /* skip white space, counting lines for the messages */
        while (at < len && strchr(" \t\r\n", text[at])) {
            if (text[at] == '\n') {
                line++;
                line_start = at + 1;
            }
            at++;
        }
        if (at >= len) return CG_OK;
        json_error_t je;
        json_t *v = json_loadb(text + at, len - at, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &je);
        if (!v) {
            const char *nl = memchr(text + at, '\n', len - at);
            size_t next = nl ? (size_t)(nl - text) + 1 : len;
            if (at == line_start && (lines || value_line_follows(text, len, next))) {
                if (problem(r, "%s: record %zu (line %zu): malformed JSON: %s; passed over",
                            r->path, ++r->record, line, je.text))
                    return cgu_oom(err);
                lines = true;
                /* on at the next line that starts a value */
                line++;
                while (next < len && text[next] != '{' && text[next] != '[') {
                    nl = memchr(text + next, '\n', len - next);
                    if (!nl) {
                        next = len;
                        break;
                    }
                    next = (size_t)(nl - text) + 1;
                    line++;
                }
                at = line_start = next;
                continue;
            }
            size_t col = je.line <= 1 ? at - line_start + (size_t)je.column : (size_t)je.column;
            char after[48] = ""; /* none before the first record: the position says where */
            if (r->record) snprintf(after, sizeof after, " (after record %zu)", r->record);
            return cgu_error(err, CG_EFORMAT, r->path, line + (size_t)je.line - 1, col, "%s%s",
                             je.text, after);
        }
        lines = lines || alone_on_line(text, len, line_start, at, (size_t)je.position);
        cg_status st = json_value(r, v);
        json_decref(v);
        if (st != CG_OK) return cgu_oom(err);
        for (size_t k = 0; k < (size_t)je.position && at + k < len; k++)
            if (text[at + k] == '\n') {
                line++;
                line_start = at + k + 1;
            }
        at += (size_t)je.position;
    }
}

static cg_status read_tsv(reader *r, char *text, cg_error *err) {
    enum { C_ID, C_HG, C_NR, C_TYPE, C_DATE, C_TITLE, C_FILE, C_N };
    static const char *const names[C_N][2] = {{"id", NULL},
                                              {"herausgeber", "issuer"},
                                              {"dokumentnummer", "number"},
                                              {"drucksachetyp", "type"},
                                              {"datum", "date"},
                                              {"titel", "title"},
                                              {"file", NULL}};
    int col[C_N];
    for (int k = 0; k < C_N; k++)
        col[k] = -1;
    size_t lineno = 0;
    bool header = true;
    for (char *line = text, *next; line; line = next) {
        lineno++;
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r') line[--n] = '\0';
        if (!line[strspn(line, " \t")]) continue; /* a blank line is no row */
        char *fields[64];
        int nf = 0;
        for (char *p = line; nf < 64;) {
            fields[nf++] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = '\0';
            p = t + 1;
        }
        if (header) {
            header = false;
            for (int f = 0; f < nf; f++)
                for (int k = 0; k < C_N; k++)
                    if (strcmp(fields[f], names[k][0]) == 0 ||
                        (names[k][1] && strcmp(fields[f], names[k][1]) == 0))
                        col[k] = f;
            if (col[C_ID] < 0 && col[C_NR] < 0)
                return cgu_error(err, CG_EFORMAT, r->path, lineno, 0,
                                 "a catalog TSV needs a header with an 'id' column, or "
                                 "'herausgeber' and 'dokumentnummer'");
            continue;
        }
#define F(k) (col[k] >= 0 && col[k] < nf ? fields[col[k]] : NULL)
        cg_docid d;
        cg_status st = CG_OK;
        if (row_id(r->ex, F(C_ID), F(C_HG), F(C_NR), false, &d, &r->storage)) {
            row w = {.type = F(C_TYPE),
                     .date = F(C_DATE),
                     .title = F(C_TITLE),
                     .file = F(C_FILE),
                     .record = lineno};
            st = add_entry(r, &d, &w);
        } else {
            const char *said = nonempty(F(C_NR)) ? F(C_NR) : F(C_ID);
            st = (nonempty(said) ? problem(r, "%s:%zu: '%s' names no document; passed over",
                                           r->path, lineno, said)
                                 : problem(r, "%s:%zu: no %s; passed over", r->path, lineno,
                                           col[C_NR] >= 0 ? "dokumentnummer" : "id"))
                     ? CG_ENOMEM
                     : CG_OK;
        }
#undef F
        if (st != CG_OK) return cgu_oom(err);
    }
    return CG_OK;
}

cg_status cg_catalog_read_scoped(cg_catalog *c, const cg_extractor *ex, const char *path,
                                 cg_catalog_scope scope, cg_error *err) {
    cg_input *in = NULL;
    cg_status st = cg_input_read_file(path, NULL, &in, err);
    if (st != CG_OK) return st;
    size_t len = cg_input_size(in);
    char *text = malloc(len + 1);
    if (!text) {
        cg_input_free(in);
        return cgu_oom(err);
    }
    memcpy(text, cg_input_data(in), len + 1);
    cg_input_free(in);
    /* what was read, how, and with which grammar: what a check keeping its
     * findings between runs must see unchanged */
    const char *grammar = ex ? cg_extractor_fingerprint(ex) : "";
    cgu_hash_bytes(&c->digest, text, len);
    cgu_hash_bytes(&c->digest, &scope, sizeof scope);
    cgu_hash_bytes(&c->digest, grammar, strlen(grammar));
    reader r = {c, ex, path, scope, CG_BUF_INIT, 0};
    size_t k = strspn(text, " \t\r\n");
    st = text[k] == '[' || text[k] == '{' ? read_json(&r, text, len, err) : read_tsv(&r, text, err);
    cg_buf_release(&r.storage);
    free(text);
    return st;
}

cg_status cg_catalog_read(cg_catalog *c, const cg_extractor *ex, const char *path, cg_error *err) {
    return cg_catalog_read_scoped(c, ex, path, CG_CATALOG_COMPLETE, err);
}
