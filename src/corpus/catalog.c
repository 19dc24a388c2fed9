/* catalog.c - reading catalogs of documents: a TSV with a header row (like
 * DIP's index.tsv) or DIP JSON records (an array, {"documents": [...]}, or
 * one object per line). Every row's id is canonicalised with the
 * extractor, so that any spelling of a number meets the references. Used
 * for the graph's metadata and for `check`'s catalogs. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

typedef struct reader {
    cgu_catalog_fn fn;
    void *ctx;
} reader;

static const char *jstr(json_t *o, const char *key) {
    return json_string_value(json_object_get(o, key));
}


static cg_status add_meta(reader *g, const cg_extractor *ex, const char *id, const char *issuer,
                          const char *number, const char *type, const char *date,
                          const char *title, const char *file) {
    char *canon = NULL;
    if (id && *id) {
        canon = cg_canonical_id(ex, id, strlen(id));
        if (!canon) canon = strdup(id);
    } else if (number && *number) {
        char buf[128];
        int br = issuer && strcmp(issuer, "BR") == 0;
        snprintf(buf, sizeof buf, "%s %s", br ? "BR-Drs." : "BT-Drs.", number);
        canon = cg_canonical_id(ex, buf, strlen(buf));
    }
    if (!canon) return CG_OK; /* a row naming nothing we know */
    cg_status st = g->fn(g->ctx, canon, type && *type ? type : NULL, date && *date ? date : NULL,
                         title && *title ? title : NULL, file && *file ? file : NULL);
    free(canon);
    return st;
}

static cg_status meta_error(cg_error *err, const char *path, size_t line, const char *msg) {
    if (err) {
        memset(err, 0, sizeof *err);
        err->status = CG_EFORMAT;
        err->line = line;
        snprintf(err->path, sizeof err->path, "%s", path);
        snprintf(err->text, sizeof err->text, "%s", msg);
    }
    return CG_EFORMAT;
}

static cg_status meta_json_record(reader *g, const cg_extractor *ex, json_t *o) {
    if (!json_is_object(o)) return CG_OK;
    const char *nr = jstr(o, "dokumentnummer");
    return add_meta(g, ex, jstr(o, "id"), jstr(o, "herausgeber"), nr,
                    jstr(o, "drucksachetyp") ? jstr(o, "drucksachetyp") : jstr(o, "type"),
                    jstr(o, "datum") ? jstr(o, "datum") : jstr(o, "date"),
                    jstr(o, "titel") ? jstr(o, "titel") : jstr(o, "title"), jstr(o, "file"));
}

static cg_status meta_tsv(reader *g, const cg_extractor *ex, const char *path, char *text,
                          cg_error *err) {
    enum { C_ID, C_HG, C_NR, C_TYPE, C_DATE, C_TITLE, C_FILE, C_N };
    static const char *const names[C_N][2] = {{"id", NULL},
                                              {"herausgeber", "issuer"},
                                              {"dokumentnummer", "number"},
                                              {"drucksachetyp", "type"},
                                              {"datum", "date"},
                                              {"titel", "title"},
                                              {"file", NULL}};
    int col[C_N];
    for (int k = 0; k < C_N; k++) col[k] = -1;
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
                return meta_error(err, path, 1,
                                  "a metadata TSV needs a header with an 'id' column, or "
                                  "'herausgeber' and 'dokumentnummer'");
            continue;
        }
#define F(k) (col[k] >= 0 && col[k] < nf ? fields[col[k]] : NULL)
        cg_status st = add_meta(g, ex, F(C_ID), F(C_HG), F(C_NR), F(C_TYPE), F(C_DATE),
                                F(C_TITLE), F(C_FILE));
#undef F
        if (st != CG_OK) return st;
    }
    return CG_OK;
}

cg_status cgu_read_catalog(const char *path, const cg_extractor *ex, cgu_catalog_fn fn, void *ctx,
                           cg_error *err) {
    reader rd = {fn, ctx};
    reader *g = &rd;
    cg_input *in = NULL;
    cg_status st = cg_input_read_file(path, NULL, &in, err);
    if (st != CG_OK) return st;
    size_t len = cg_input_size(in);
    char *text = malloc(len + 1);
    if (!text) {
        cg_input_free(in);
        return CG_ENOMEM;
    }
    memcpy(text, cg_input_data(in), len + 1);
    cg_input_free(in);
    size_t k = strspn(text, " \t\r\n");
    if (text[k] == '[' || text[k] == '{') {
        json_error_t je;
        json_t *root = json_loadb(text, len, 0, &je);
        json_t *arr = root && json_is_array(root) ? root : json_object_get(root, "documents");
        if (root && json_is_array(arr)) {
            size_t i;
            json_t *v;
            json_array_foreach(arr, i, v) {
                if ((st = meta_json_record(g, ex, v)) != CG_OK) break;
            }
        } else if (root) {
            st = meta_json_record(g, ex, root);
        } else {
            /* one JSON object per line */
            size_t lineno = 0;
            char *save = NULL;
            st = CG_OK;
            for (char *line = strtok_r(text, "\n", &save); line && st == CG_OK;
                 line = strtok_r(NULL, "\n", &save)) {
                lineno++;
                if (!line[strspn(line, " \t\r")]) continue;
                json_t *o = json_loads(line, 0, &je);
                if (!o) {
                    st = meta_error(err, path, lineno, je.text);
                    break;
                }
                st = meta_json_record(g, ex, o);
                json_decref(o);
            }
        }
        json_decref(root);
    } else {
        st = meta_tsv(g, ex, path, text, err);
    }
    free(text);
    return st;
}
