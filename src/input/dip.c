/* dip.c - DIP's JSON answers as input (dip.h).
 *
 * Analysts keep what DIP's API answers as files: one list answer
 * ({"numFound", "documents": [...], "cursor"}), several pages concatenated
 * in one file, an array of records, or JSON Lines of single records, from
 * `drucksache-text` or `plenarprotokoll-text`. All of these are a sequence
 * of JSON values separated by white space, so one loop reads them: jansson
 * parses a value and says how many bytes it took (JSON_DISABLE_EOF_CHECK),
 * and the next value starts after them.
 *
 * Content decides, not the file name: the project's own JSON Lines (lines
 * with a "type") and a text that happens to start with "[" are not DIP's.
 * A value that does not parse costs only itself: reading goes on at the
 * next line that starts a value, so one broken line of JSON Lines or one
 * truncated page loses no other record. Records are numbered by their
 * position in the file, and a value that does not parse keeps its numbers
 * (one for a line of JSON Lines, as many as its list holds for a page), so
 * that one broken value does not renumber the records after it.
 *
 * DIP's strings are checked before use: a "datum" that is no date is not
 * used (the header's stays), and control characters in titles, types and
 * names, which would break a message line or a TSV row, become spaces. */
#include "dip.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* How far a value that does not parse is searched for DIP's keys. */
#define SNIFF_BYTES 4096

typedef struct reader {
    cgin_dip_file *f;
    const char *data;
    size_t len;
    size_t records; /* numbered so far */
    int oom;
} reader;

static size_t skip_space(const char *d, size_t len, size_t i) {
    while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
        i++;
    return i;
}

static size_t line_of(const char *d, size_t offset) {
    size_t line = 1;
    for (const char *p = d; (p = memchr(p, '\n', (size_t)(d + offset - p))); p++)
        line++;
    return line;
}

/* A new item, zeroed; NULL when memory ran out. */
static cgin_dip_item *new_item(reader *r) {
    cgin_dip_file *f = r->f;
    if (cgu_grow((void **)&f->items, &f->cap, f->nitems + 1, sizeof *f->items)) {
        r->oom = 1;
        return NULL;
    }
    cgin_dip_item *it = &f->items[f->nitems++];
    memset(it, 0, sizeof *it);
    return it;
}

static const char *format(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *format(reader *r, const char *fmt, ...) {
    char text[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    const char *s = cgu_arena_strdup(&r->f->arena, text);
    if (!s) r->oom = 1;
    return s;
}

/* A failure that is no record's. */
static void add_failure(reader *r, const char *message) {
    cgin_dip_item *it = message ? new_item(r) : NULL;
    if (it) it->error = message;
}

/* The length of the control character (C0, DEL or C1) at s[i], or 0. */
static size_t control_at(const unsigned char *s, size_t n, size_t i) {
    if (s[i] < 0x20 || s[i] == 0x7f) return 1;
    if (s[i] == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f) return 2;
    return 0;
}

/* A copy of `s` in the arena, each run of control characters and spaces
 * around them one space, none at either end; NULL when nothing is left
 * (or memory ran out, which sets r->oom). */
static const char *one_line(reader *r, const char *s, size_t n) {
    char *out = cgu_arena_alloc(&r->f->arena, n + 1);
    if (!out) {
        r->oom = 1;
        return NULL;
    }
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0;
    bool gap = false;
    for (size_t i = 0; i < n;) {
        size_t c = control_at(u, n, i);
        if (c || u[i] == ' ') {
            gap = true;
            i += c ? c : 1;
            continue;
        }
        if (gap && k) out[k++] = ' ';
        gap = false;
        out[k++] = s[i++];
    }
    out[k] = '\0';
    return k ? out : NULL;
}

/* A string field copied into the arena; NULL when absent or empty. */
static const char *field(reader *r, json_t *o, const char *key) {
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) == 0) return NULL;
    const char *s = cgu_arena_strndup(&r->f->arena, json_string_value(v), json_string_length(v));
    if (!s) r->oom = 1;
    return s;
}

/* A string field that is shown as one line (a title, a type, a name):
 * control characters become spaces; NULL when absent or blank. */
static const char *line_field(reader *r, json_t *o, const char *key) {
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) return NULL;
    return one_line(r, json_string_value(v), json_string_length(v));
}

/* A warning on the record (at most CGIN_DIP_WARNINGS are kept). */
static void add_warning(cgin_dip_item *it, const char *message) {
    if (message && it->nwarnings < CGIN_DIP_WARNINGS) it->warnings[it->nwarnings++] = message;
}

/* DIP's id: a string, or a number in some exports. */
static const char *dip_id_of(reader *r, json_t *o) {
    json_t *v = json_object_get(o, "id");
    if (json_is_integer(v)) return format(r, "%lld", (long long)json_integer_value(v));
    return line_field(r, o, "id");
}

/* The "titel" of each element of the list `key` (objects with "titel", or
 * plain strings) as authors of `role`, appended to *authors. */
static int add_authors(reader *r, json_t *o, const char *key, cg_author_role role,
                       cg_author **authors, size_t *n, size_t *cap) {
    json_t *list = json_object_get(o, key), *e;
    size_t i;
    json_array_foreach(list, i, e) {
        json_t *name = json_is_object(e) ? json_object_get(e, "titel") : e;
        if (!json_is_string(name) || json_string_length(name) == 0) continue;
        const char *s = one_line(r, json_string_value(name), json_string_length(name));
        if (r->oom) return -1;
        if (!s) continue; /* nothing but spaces and control characters */
        if (cgu_grow((void **)authors, cap, *n + 1, sizeof **authors)) return -1;
        (*authors)[(*n)++] = (cg_author){s, role};
    }
    return 0;
}

/* The authors and procedures, copied into the arena (the growing arrays
 * are malloc'd while they grow). */
static int add_lists(reader *r, json_t *o, cg_document_info *info) {
    cg_author *authors = NULL;
    size_t n = 0, cap = 0;
    int bad = add_authors(r, o, "urheber", CG_AUTHOR_SUBMITTER, &authors, &n, &cap) ||
              add_authors(r, o, "ressort", CG_AUTHOR_MINISTRY, &authors, &n, &cap);
    if (!bad && n) {
        cg_author *copy = cgu_arena_alloc(&r->f->arena, n * sizeof *copy);
        if (copy) {
            memcpy(copy, authors, n * sizeof *copy);
            info->authors = copy;
            info->nauthors = n;
            info->authors_from = CG_META_DIP;
        } else {
            bad = 1;
        }
    }
    free(authors);
    json_t *list = json_object_get(o, "vorgangsbezug"), *e;
    size_t i, np = 0;
    cg_procedure *procs =
        bad ? NULL : cgu_arena_alloc(&r->f->arena, (json_array_size(list) + 1) * sizeof *procs);
    if (!procs) bad = 1;
    json_array_foreach(list, i, e) {
        if (bad || !json_is_object(e)) continue;
        cg_procedure *p = &procs[np];
        json_t *id = json_object_get(e, "id");
        p->id = json_is_integer(id) ? format(r, "%lld", (long long)json_integer_value(id))
                                    : field(r, e, "id");
        if (!p->id) continue;
        p->title = line_field(r, e, "titel");
        p->type = line_field(r, e, "vorgangstyp");
        np++;
    }
    if (!bad) {
        info->procedures = procs;
        info->nprocedures = np;
    }
    return bad || r->oom ? -1 : 0;
}

/* The document's id from herausgeber and dokumentnummer; a warning when
 * DIP's number does not read. */
static void read_id(reader *r, json_t *o, bool protocol, const char *who, cgin_dip_item *it) {
    const char *issuer = field(r, o, "herausgeber"), *number = field(r, o, "dokumentnummer");
    json_t *fundstelle = json_object_get(o, "fundstelle");
    if (!issuer) issuer = field(r, fundstelle, "herausgeber");
    if (!number) return;
    bool bt = issuer && strcmp(issuer, "BT") == 0, br = issuer && strcmp(issuer, "BR") == 0;
    if (protocol && br) {
        add_warning(it, format(r,
                               "%s: Bundesrat Plenarprotokoll %s: citegraph has no id for "
                               "Bundesrat protocols; the header's id is kept",
                               who, number));
        return;
    }
    cg_kind kind = protocol ? CG_KIND_BT_PLENARPROTOKOLL
                   : bt     ? CG_KIND_BT_DRUCKSACHE
                   : br     ? CG_KIND_BR_DRUCKSACHE
                            : CG_KIND_NONE;
    if (kind == CG_KIND_NONE) {
        add_warning(it,
                    format(r, "%s: herausgeber '%s' is neither BT nor BR; the header's id is kept",
                           who, issuer ? issuer : ""));
        return;
    }
    if (cg_docid_parse_number(kind, number, &it->info.id, NULL) == CG_OK) {
        it->info.id_from = CG_META_DIP;
        return;
    }
    add_warning(it, format(r,
                           "%s: dokumentnummer '%s' is not the number of a %s; the header's id is "
                           "kept",
                           who, number, cg_kind_name(kind)));
}

static void read_record(reader *r, json_t *o) {
    cgin_dip_item *it = new_item(r);
    if (!it) return;
    it->record = ++r->records;
    if (!json_is_object(o)) {
        it->error = format(r, "record %zu: is not a JSON object", it->record);
        return;
    }
    it->dip_id = dip_id_of(r, o);
    char who[96];
    cgin_dip_item_name(it, who, sizeof who);
    const char *art = field(r, o, "dokumentart");
    bool protocol = art && strcmp(art, "Plenarprotokoll") == 0;
    if (!art && json_object_get(o, "drucksachetyp")) art = "Drucksache";
    if (!art || (strcmp(art, "Drucksache") != 0 && !protocol)) {
        const char *typ = art ? art : field(r, o, "typ");
        it->error = typ ? format(r, "%s: is a %.60s, not a Drucksache or Plenarprotokoll", who, typ)
                        : format(r,
                                 "%s: has no \"dokumentart\": not a Drucksache or "
                                 "Plenarprotokoll",
                                 who);
        return;
    }
    json_t *text = json_object_get(o, "text");
    if (!json_is_string(text) || json_string_length(text) == 0) {
        it->error = format(r, "%s: has no text%s", who,
                           json_is_string(text) || json_is_null(text) || !text
                               ? ""
                               : " (\"text\" is not a string)");
        return;
    }
    it->text = cgu_arena_strndup(&r->f->arena, json_string_value(text), json_string_length(text));
    it->text_len = json_string_length(text);
    if (!it->text) {
        r->oom = 1;
        return;
    }
    cg_document_info *in = &it->info;
    in->record = it->record;
    in->dip_id = it->dip_id;
    read_id(r, o, protocol, who, it);
    in->type = protocol ? "Plenarprotokoll" : line_field(r, o, "drucksachetyp");
    in->title = line_field(r, o, "titel");
    in->date = field(r, o, "datum");
    if (in->date && !cgu_is_iso_date(in->date)) {
        /* a date that is none would decide CG004's comparison: the header's stays */
        const char *shown = one_line(r, in->date, strlen(in->date));
        add_warning(it, format(r, "%s: \"datum\" is not a date: '%.40s'", who, shown ? shown : ""));
        in->date = NULL;
    }
    in->pdf_url = field(r, json_object_get(o, "fundstelle"), "pdf_url");
    if (in->type) in->type_from = CG_META_DIP;
    if (in->title) in->title_from = CG_META_DIP;
    if (in->date) in->date_from = CG_META_DIP;
    if (add_lists(r, o, in)) r->oom = 1;
}

/* One top-level value: a list answer, an array of records (or of answers),
 * or one record. `depth` keeps an array of arrays from recursing. */
static void read_value(reader *r, json_t *v, size_t line, int depth) {
    json_t *docs = json_is_object(v) ? json_object_get(v, "documents") : NULL;
    if (docs) {
        /* an empty list with numFound or cursor is DIP's answer of no records:
         * the last page of a cursor, or a search without hits */
        bool answer = json_object_get(v, "numFound") || json_object_get(v, "cursor");
        if (!json_is_array(docs))
            add_failure(r, format(r, "page at line %zu: \"documents\" is not a list", line));
        else if (json_array_size(docs) == 0 && !answer)
            add_failure(r, format(r,
                                  "page at line %zu: \"documents\" is empty, and there is no "
                                  "\"numFound\" or \"cursor\": no records",
                                  line));
        size_t i;
        json_t *e;
        json_array_foreach(docs, i, e) read_record(r, e);
        return;
    }
    if (json_is_array(v) && depth == 0) {
        if (json_array_size(v) == 0)
            add_failure(r, format(r, "list at line %zu is empty: no records", line));
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) read_value(r, e, line, 1);
        return;
    }
    read_record(r, v);
}

/* Whether a value is DIP's: an answer, a record, or an array of them. */
static bool is_dip(json_t *v) {
    if (json_is_array(v)) return json_array_size(v) > 0 && is_dip(json_array_get(v, 0));
    if (!json_is_object(v)) return false;
    return json_is_array(json_object_get(v, "documents")) || json_object_get(v, "dokumentart") ||
           json_object_get(v, "dokumentnummer");
}

/* Whether the first bytes name DIP's keys: a page that does not parse. */
static bool names_dip_keys(const char *d, size_t len) {
    static const char pattern[] = "\"(?:numFound|documents|dokumentart|dokumentnummer)\"\\s*:";
    int code;
    PCRE2_SIZE at;
    /* compiled per call: this is asked only of a file that starts like JSON
     * and does not parse, and the library keeps no global state */
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, 0, &code, &at, NULL);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(re, NULL) : NULL;
    bool found = md && pcre2_match(re, (PCRE2_SPTR)d, len < SNIFF_BYTES ? len : SNIFF_BYTES, 0, 0,
                                   md, NULL) >= 0;
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return found;
}

/* The next line after `from`'s that starts with `{` or `[`: where reading
 * goes on after a value that does not parse. */
static size_t next_value_line(const char *d, size_t len, size_t from) {
    for (size_t i = from; i < len; i++)
        if (d[i] == '\n' && i + 1 < len && (d[i + 1] == '{' || d[i + 1] == '[')) return i + 1;
    return len;
}

/* What a value that does not parse held, from its structure alone
 * (strings and brackets, which a bad byte or escape inside a string does
 * not disturb): whether it is a list of records (a page's "documents" or a
 * top-level array), how many elements that list has, and how many of them
 * end before the byte where parsing failed. */
typedef struct broken_value {
    bool list;
    size_t records, before_error;
} broken_value;

static void scan_broken(const char *d, size_t len, size_t error_at, broken_value *b) {
    memset(b, 0, sizeof *b);
    size_t depth = 0, list_depth = 0, key = 0, key_len = 0, str = 0;
    bool in_str = false, escaped = false, want_list = false, in_elem = false, list_done = false;
    for (size_t i = 0; i < len; i++) {
        char c = d[i];
        if (in_str) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"' || c == '\n') { /* a raw line end: the string was cut */
                in_str = false;
                if (depth == 1) key = str, key_len = i - str;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (list_depth && depth == list_depth && !in_elem && c != ',' && c != ']') {
            in_elem = true;
            b->records++;
        }
        bool ends_elem = false;
        if (c == '"') {
            in_str = true;
            str = i + 1;
        } else if (c == '{' || c == '[') {
            depth++;
            if (c == '[' && !list_done && !list_depth && (i == 0 || (want_list && depth == 2)))
                list_depth = depth, b->list = true;
        } else if (c == '}' || c == ']') {
            if (depth && depth == list_depth) { /* the list itself closes */
                ends_elem = in_elem;
                list_depth = 0;
                list_done = true;
            }
            if (depth) depth--;
            if (list_depth && depth == list_depth && in_elem) ends_elem = true;
        } else if (c == ',') {
            ends_elem = list_depth && depth == list_depth && in_elem;
        } else if (c == ':' && depth == 1) {
            want_list = key_len == 9 && memcmp(d + key, "documents", 9) == 0;
            continue;
        }
        if (ends_elem) {
            in_elem = false;
            if (i < error_at) b->before_error++;
        }
        want_list = false;
    }
}

/* The failure of a value that does not parse, which keeps its numbers: a
 * record (a line of JSON Lines) one, a page or list as many as its list
 * holds. */
static void add_broken(reader *r, size_t off, size_t end, size_t line, const json_error_t *je) {
    broken_value b;
    scan_broken(r->data + off, end - off, (size_t)je->position, &b);
    size_t at = line + (je->line > 0 ? (size_t)je->line - 1 : 0);
    char where[48] = "";
    if (at != line) snprintf(where, sizeof where, " (at line %zu)", at);
    if (!b.list) {
        cgin_dip_item *it = new_item(r);
        if (!it) return;
        it->record = ++r->records;
        it->error = format(r, "record %zu (line %zu): malformed JSON: %s%s", it->record, line,
                           je->text, where);
        return;
    }
    const char *what = r->data[off] == '[' ? "list" : "page";
    if (b.records == 0) {
        add_failure(r, format(r,
                              "%s at line %zu: malformed JSON: %s%s; its records are lost, and "
                              "how many it held cannot be told",
                              what, line, je->text, where));
        return;
    }
    size_t first = r->records + 1;
    r->records += b.records;
    char lost[128];
    if (b.records == 1)
        snprintf(lost, sizeof lost, "its record, number %zu, is lost", first);
    else if (b.before_error < b.records)
        snprintf(lost, sizeof lost,
                 "its %zu records, numbers %zu to %zu, are lost (the error is in number %zu)",
                 b.records, first, r->records, first + b.before_error);
    else
        snprintf(lost, sizeof lost,
                 "its %zu records, numbers %zu to %zu, are lost (the error is after them)",
                 b.records, first, r->records);
    add_failure(r, format(r, "%s at line %zu: malformed JSON: %s%s; %s", what, line, je->text,
                          where, lost));
}

static const size_t PARSE_FLAGS = JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL;

int cgin_dip_read(const char *data, size_t len, cgin_dip_file *out) {
    memset(out, 0, sizeof *out);
    size_t off = skip_space(data, len, 0);
    if (off >= len || (data[off] != '{' && data[off] != '[')) return CGIN_TEXT;
    json_error_t je;
    json_t *first = json_loadb(data + off, len - off, PARSE_FLAGS, &je);
    if (first ? !is_dip(first) : !names_dip_keys(data + off, len - off)) {
        json_decref(first);
        return first ? CGIN_OTHER_JSON : CGIN_TEXT;
    }
    reader r = {out, data, len, 0, 0};
    size_t line = line_of(data, off);
    json_t *v = first;
    for (;;) {
        size_t next;
        if (v) {
            read_value(&r, v, line, 0);
            json_decref(v);
            next = off + je.position;
        } else {
            next = next_value_line(data, len, off);
            add_broken(&r, off, next, line, &je);
        }
        if (r.oom) return -1;
        size_t from = off;
        off = skip_space(data, len, next);
        if (off >= len) break;
        line += line_of(data + from, off - from) - 1;
        v = json_loadb(data + off, len - off, PARSE_FLAGS, &je);
    }
    return CGIN_DIP;
}

void cgin_dip_item_name(const cgin_dip_item *it, char *out, size_t cap) {
    if (it->dip_id)
        snprintf(out, cap, "record %zu (DIP id %.40s)", it->record, it->dip_id);
    else
        snprintf(out, cap, "record %zu", it->record);
}

void cgin_dip_release(cgin_dip_file *f) {
    free(f->items);
    cgu_arena_release(&f->arena);
    memset(f, 0, sizeof *f);
}
