/* catalog.c - catalogs of known documents (citegraph/resolve.h): a TSV with
 * a header row (like DIP's index.tsv) or DIP JSON records (an array,
 * {"documents": [...]}, or one object per line). The graph takes its
 * metadata from them and the check the documents that exist.
 *
 * DIP's own numbers ("21/1234", "103/25(B)") are read as the number of a
 * Bundestag or Bundesrat Drucksache when they are already canonical; any
 * other spelling is read as cg_resolve_text() reads it, so that every
 * spelling of a number meets the references. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/resolve.h"
#include "docid/canon.h"
#include "idkey.h"
#include "util/util.h"

struct cg_catalog {
    cgu_arena arena;
    cg_catalog_entry *entries;
    size_t count, cap;
    cgu_map index;    /* canonical id -> its last row */
    cgu_map coverage; /* coverage keys of the rows */
};

cg_status cg_catalog_new(cg_catalog **out, cg_error *err) {
    *out = calloc(1, sizeof **out);
    return *out ? CG_OK : cgu_oom(err);
}

void cg_catalog_free(cg_catalog *c) {
    if (!c) return;
    free(c->entries);
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

bool cg_catalog_covers(const cg_catalog *c, const cg_docid *id) {
    char key[256];
    return coverage_key(id, key, sizeof key) < sizeof key && cgu_map_get(&c->coverage, key, NULL);
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

/* Adds a row for `id`, copying everything into the catalog. */
static cg_status add_entry(cg_catalog *c, const cg_docid *id, const char *type, const char *date,
                           const char *title, const char *file) {
    if (cgu_grow((void **)&c->entries, &c->cap, c->count + 1, sizeof *c->entries)) return CG_ENOMEM;
    cg_catalog_entry *e = &c->entries[c->count];
    int failed = 0;
    *e = (cg_catalog_entry){*id, cgu_arena_dup_or_null(&c->arena, nonempty(type), &failed),
                            cgu_arena_dup_or_null(&c->arena, nonempty(date), &failed),
                            cgu_arena_dup_or_null(&c->arena, nonempty(title), &failed),
                            cgu_arena_dup_or_null(&c->arena, nonempty(file), &failed)};
    e->id.text = cgu_arena_dup_or_null(&c->arena, id->text, &failed);
    e->id.grammar_kind = cgu_arena_dup_or_null(&c->arena, id->grammar_kind, &failed);
    char text[CGR_ID_KEY], key[256];
    size_t n = cgr_id_key(&e->id, text);
    size_t k = coverage_key(&e->id, key, sizeof key);
    if (failed) return CG_ENOMEM;
    const char *tk = cgu_arena_strndup(&c->arena, text, n);
    /* a long URL or grammar id has no coverage key: it covers nothing */
    const char *kk = k < sizeof key ? cgu_arena_strndup(&c->arena, key, k) : NULL;
    if (!tk || (k < sizeof key && !kk) || cgu_map_put(&c->index, tk, c->count) ||
        (kk && cgu_map_put(&c->coverage, kk, 1)))
        return CG_ENOMEM;
    c->count++;
    return CG_OK;
}

/* The id of a row: its "id" in any spelling, or DIP's number of the
 * issuer's Drucksache; false for a row that names no document. */
static bool row_id(const cg_extractor *ex, const char *id, const char *issuer, const char *number,
                   cg_docid *out, cg_buf *storage) {
    if (nonempty(id)) return cg_resolve_text(ex, id, out, storage, NULL) == CG_OK;
    if (!nonempty(number)) return false;
    int br = issuer && strcmp(issuer, "BR") == 0;
    cg_kind kind = br ? CG_KIND_BR_DRUCKSACHE : CG_KIND_BT_DRUCKSACHE;
    /* The fast way, for a number already in canonical form (the only form
     * parsing accepts: docid.h) that is valid as it stands; a Bundestag
     * number with a part, flags or a version is left to the reading. */
    cg_docid d;
    if (cg_docid_parse_number(kind, number, &d, NULL) == CG_OK &&
        (br ? cgd_br_drucksache(out, d.number, d.part, d.period, d.flags, d.version)
            : !d.part && !d.flags && !d.version && cgd_bt_drucksache(out, d.period, d.number)))
        return true;
    cg_buf text = CG_BUF_INIT;
    bool ok = cgu_buf_printf(&text, "%s %s", br ? "BR-Drs." : "BT-Drs.", number) == 0 &&
              cg_resolve_text(ex, text.data, out, storage, NULL) == CG_OK;
    cg_buf_release(&text);
    return ok;
}

typedef struct reader {
    cg_catalog *c;
    const cg_extractor *ex;
    cg_buf storage;
} reader;

static cg_status add_row(reader *r, const char *id, const char *issuer, const char *number,
                         const char *type, const char *date, const char *title, const char *file) {
    cg_docid d;
    if (!row_id(r->ex, id, issuer, number, &d, &r->storage)) return CG_OK;
    return add_entry(r->c, &d, type, date, title, file);
}

static const char *jstr(json_t *o, const char *key) {
    return json_string_value(json_object_get(o, key));
}

static cg_status json_record(reader *r, json_t *o) {
    if (!json_is_object(o)) return CG_OK;
    return add_row(r, jstr(o, "id"), jstr(o, "herausgeber"), jstr(o, "dokumentnummer"),
                   jstr(o, "drucksachetyp") ? jstr(o, "drucksachetyp") : jstr(o, "type"),
                   jstr(o, "datum") ? jstr(o, "datum") : jstr(o, "date"),
                   jstr(o, "titel") ? jstr(o, "titel") : jstr(o, "title"), jstr(o, "file"));
}

static cg_status read_tsv(reader *r, const char *path, char *text, cg_error *err) {
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
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r') line[--n] = '\0';
        char *fields[64];
        int nf = 0;
        for (char *p = line; nf < 64;) {
            fields[nf++] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = '\0';
            p = t + 1;
        }
        if (lineno == 1) {
            for (int f = 0; f < nf; f++)
                for (int k = 0; k < C_N; k++)
                    if (strcmp(fields[f], names[k][0]) == 0 ||
                        (names[k][1] && strcmp(fields[f], names[k][1]) == 0))
                        col[k] = f;
            if (col[C_ID] < 0 && col[C_NR] < 0)
                return cgu_error(err, CG_EFORMAT, path, 1, 0,
                                 "a catalog TSV needs a header with an 'id' column, or "
                                 "'herausgeber' and 'dokumentnummer'");
            continue;
        }
#define F(k) (col[k] >= 0 && col[k] < nf ? fields[col[k]] : NULL)
        cg_status st =
            add_row(r, F(C_ID), F(C_HG), F(C_NR), F(C_TYPE), F(C_DATE), F(C_TITLE), F(C_FILE));
#undef F
        if (st != CG_OK) return cgu_oom(err);
    }
    return CG_OK;
}

static cg_status read_json(reader *r, const char *path, char *text, size_t len, cg_error *err) {
    json_error_t je;
    cg_status st = CG_OK;
    json_t *root = json_loadb(text, len, 0, &je);
    json_t *arr = root && json_is_array(root) ? root : json_object_get(root, "documents");
    if (root && json_is_array(arr)) {
        size_t i;
        json_t *v;
        json_array_foreach(arr, i, v) {
            if ((st = json_record(r, v)) != CG_OK) break;
        }
    } else if (root) {
        st = json_record(r, root);
    } else {
        /* one JSON object per line */
        size_t lineno = 0;
        char *save = NULL;
        for (char *line = strtok_r(text, "\n", &save); line && st == CG_OK;
             line = strtok_r(NULL, "\n", &save)) {
            lineno++;
            if (!line[strspn(line, " \t\r")]) continue;
            json_t *o = json_loads(line, 0, &je);
            if (!o) {
                json_decref(root);
                return cgu_error(err, CG_EFORMAT, path, lineno, (size_t)je.column, "%s", je.text);
            }
            st = json_record(r, o);
            json_decref(o);
        }
    }
    json_decref(root);
    return st == CG_OK ? CG_OK : cgu_oom(err);
}

cg_status cg_catalog_read(cg_catalog *c, const cg_extractor *ex, const char *path, cg_error *err) {
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
    reader r = {c, ex, CG_BUF_INIT};
    size_t k = strspn(text, " \t\r\n");
    st = text[k] == '[' || text[k] == '{' ? read_json(&r, path, text, len, err)
                                          : read_tsv(&r, path, text, err);
    cg_buf_release(&r.storage);
    free(text);
    return st;
}
