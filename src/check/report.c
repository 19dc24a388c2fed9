/* report.c - findings as text, JSON, SARIF 2.1.0, GitHub workflow
 * commands, JUnit XML, Markdown, and as a baseline.
 *
 * Every format carries the exact position (line, column in characters, byte
 * offset and length) and the rule; of a finding in a DIP record, which is
 * a position in the record's text, SARIF and GitHub name the file alone and
 * say the record and the position otherwise. Findings the configuration silences are
 * left out and counted, except in SARIF, which keeps them and the baseline's as
 * suppressed results; findings the baseline knows are marked as such. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_internal.h"
#include "citegraph/version.h"
#include "util/json_util.h"

static int shown(const cg_finding *f, cg_severity min) {
    return !f->suppressed && f->severity != CG_SEV_OFF && f->severity >= min;
}

/* Whether a finding of the config's silences (suppressed, with its reason)
 * is at or above `min`: SARIF keeps these as suppressed results, the other
 * formats count them in their summaries. */
static int silenced(const cg_finding *f, cg_severity min) {
    return f->suppressed && f->severity != CG_SEV_OFF && f->severity >= min;
}

/* How many findings at or above `min` the config silences; every summary says it. */
static size_t count_silenced(const cg_check *c, cg_severity min) {
    size_t n = 0;
    for (size_t i = 0; i < cg_check_count(c); i++)
        n += silenced(cg_check_finding(c, i), min) != 0;
    return n;
}

/* Whether a page label just repeats the page's number ("3" for page 3). */
static bool label_is_number(const char *label, size_t page) {
    char n[24];
    snprintf(n, sizeof n, "%zu", page);
    return strcmp(label, n) == 0;
}

/* ":LINE:COL", or for a finding in a PDF ":pPAGE:LINE:COL" with the line on
 * that page, and the printed label when it is not the page's number
 * (":p5(iii):12:3"): where the text, JUnit and Markdown formats put it. */
static void place(const cg_finding *f, char *out, size_t cap) {
    if (!f->page)
        snprintf(out, cap, ":%zu:%zu", f->line, f->col);
    else if (f->page_label && !label_is_number(f->page_label, f->page))
        snprintf(out, cap, ":p%zu(%.40s):%zu:%zu", f->page, f->page_label, f->page_line, f->col);
    else
        snprintf(out, cap, ":p%zu:%zu:%zu", f->page, f->page_line, f->col);
}

/* The message of a finding in a DIP record with the position in the
 * record's text: "record 3 (DIP id X), line 9, col 3 of its text: ...".
 * Formats that point into the file (SARIF, GitHub) cannot point into a
 * record's text, which is a JSON string on another line of the file, so the
 * message says where. Other findings: the message as it is. */
static int where_message(cg_buf *out, const cg_finding *f) {
    /* a PDF's: the page, and the line and column in the text of that page */
    if (f->page) {
        int rc = cgu_buf_printf(out, "page %zu", f->page);
        if (!rc && f->page_label && !label_is_number(f->page_label, f->page))
            rc = cgu_buf_printf(out, " (printed %s)", f->page_label);
        return rc ||
               cgu_buf_printf(out, ", line %zu, col %zu: %s", f->page_line, f->col, f->message);
    }
    char name[160];
    size_t n = f->record ? cgc_record_name(f->record, f->dip_id, name, sizeof name) : 0;
    const char *rest = f->message;
    if (n && strncmp(rest, name, n) == 0 && strncmp(rest + n, ": ", 2) == 0) rest += n + 2;
    if (rest == f->message) return cgu_buf_puts(out, f->message);
    return cgu_buf_printf(out, "%s, line %zu, col %zu of its text: %s", name, f->line, f->col,
                          rest);
}

/* The page of a finding in a PDF, as properties of its SARIF location:
 * page (1-based), pageLabel, pageLine and column in the text of the page. */
static bool sarif_page(json_t *loc, const cg_finding *f) {
    json_t *p = json_object();
    return p && cgu_json_set(p, "page", json_integer((json_int_t)f->page)) &&
           (!f->page_label || cgu_json_set(p, "pageLabel", cgu_json_str(f->page_label))) &&
           cgu_json_set(p, "pageLine", json_integer((json_int_t)f->page_line)) &&
           cgu_json_set(p, "column", json_integer((json_int_t)f->col)) &&
           cgu_json_set(loc, "properties", p);
}

/* Where a report goes: every format writes into `buf`, which is the
 * caller's buffer (sink NULL), or a piece handed to the sink whenever it
 * grows large, so that a report of many findings is never whole in memory. */
typedef struct report_out {
    cg_buf buf; /* first: the formats' `out` is &buf (put_finding relies on it) */
    cg_check_sink sink;
    void *ctx;
    bool sink_failed;
} report_out;

#define REPORT_PIECE (1u << 20)

/* Hands what `buf` holds to the sink. */
static int flush_out(report_out *ro) {
    if (!ro->sink || !ro->buf.len) return 0;
    if (ro->sink(ro->buf.data, ro->buf.len, ro->ctx)) {
        ro->sink_failed = true;
        return -1;
    }
    cg_buf_clear(&ro->buf);
    return 0;
}

/* Writes one finding in a format, with what that format needs in ctx. */
typedef int (*finding_writer)(const cg_check *c, const cg_finding *f, void *ctx, cg_buf *out);

/* Appends finding i as the format of `slot` writes it: the bytes an
 * earlier run kept (or this run wrote) for it when the check has a state,
 * else what `put` writes now, recorded for the next run (state.c). */
static int put_finding(const cg_check *c, size_t i, int slot, finding_writer put, void *ctx,
                       cg_buf *out) {
    report_out *ro = (report_out *)out; /* every format writes into a report_out's buf */
    size_t len = 0;
    const char *kept = cgc_state_fragment(c, i, slot, &len);
    if (kept && ro->sink && len >= 4096) /* as it is, without a copy */
        return flush_out(ro) || (ro->sink(kept, len, ro->ctx) ? (ro->sink_failed = true, -1) : 0);
    int rc;
    if (kept) {
        rc = cgu_buf_append(out, kept, len);
    } else {
        size_t start = out->len;
        rc = put(c, cg_check_finding(c, i), ctx, out) ||
             cgc_state_record(c, i, slot, out->data + start, out->len - start);
    }
    return rc || (out->len >= REPORT_PIECE && flush_out(ro));
}

/* ---- text ---- */

static int text_finding(const cg_check *c, const cg_finding *f, void *ctx, cg_buf *out) {
    (void)c;
    bool source = *(const bool *)ctx;
    char at[96];
    place(f, at, sizeof at);
    int rc = cgu_buf_printf(out, "%s%s: %s: ", f->file, at, cg_severity_name(f->severity)) ||
             cgu_buf_append_valid_utf8(out, f->message, strlen(f->message)) ||
             cgu_buf_printf(out, " [%s %s]%s\n", f->rule->id, f->rule->name,
                            f->in_baseline ? " (in baseline)" : "");
    if (!rc && source) {
        /* the line, and a caret under the reference (tabs kept, so it lines up) */
        cg_buf line = CG_BUF_INIT;
        rc = cgu_buf_append_valid_utf8(&line, f->source_line, strlen(f->source_line));
        rc = rc || cgu_buf_puts(out, "    ") || cgu_buf_append(out, line.data, line.len) ||
             cgu_buf_puts(out, "\n    ");
        size_t col = 1;
        for (size_t k = 0; !rc && k < line.len && col < f->col; k++) {
            unsigned char ch = (unsigned char)line.data[k];
            if ((ch & 0xC0) == 0x80) continue;
            rc = cgu_buf_putc(out, ch == '\t' ? '\t' : ' ');
            col++;
        }
        size_t width = 0;
        for (size_t k = 0; f->text && f->text[k]; k++)
            width += ((unsigned char)f->text[k] & 0xC0) != 0x80 && f->text[k] != '\n';
        /* a reference broken across lines is underlined to the end of its first line */
        size_t rest = 0;
        for (size_t k = 0; k < line.len; k++)
            rest += ((unsigned char)line.data[k] & 0xC0) != 0x80 && line.data[k] != '\r';
        rest = rest >= f->col ? rest - f->col + 1 : 1;
        if (width > rest) width = rest;
        rc = rc || cgu_buf_putc(out, '^');
        for (size_t k = 1; !rc && k < width && k < 200; k++)
            rc = cgu_buf_putc(out, '~');
        rc = rc || cgu_buf_putc(out, '\n');
        cg_buf_release(&line);
    }
    return rc;
}

static int text_out(const cg_check *c, cg_severity min, bool source, cg_buf *out) {
    int rc = 0;
    for (size_t i = 0; !rc && i < cg_check_count(c); i++)
        if (shown(cg_check_finding(c, i), min))
            rc = put_finding(c, i, cgc_slot(CG_CHECK_TEXT, source), text_finding, &source, out);
    return rc;
}

/* ---- JSON ---- */

/* Appends root serialised and a newline, and drops root. */
static int dump(json_t *root, cg_buf *out, size_t flags) {
    return cgu_json_append(out, root, flags) || cgu_buf_putc(out, '\n') ? -1 : 0;
}

/* The findings of a JSON or SARIF report, one after the other: each
 * element is dumped alone into one reused buffer and indented by the levels
 * of the array it stands in, which is what jansson writes for the whole
 * tree; the rest of the report is a frame dumped with the array empty. A
 * report of many findings is never one tree in memory (300,000 findings
 * took 900 MB as one in JSON and 1.9 GB in SARIF, and most of the run's
 * time). */
typedef struct element_writer {
    char *buf;
    size_t cap;
    const char *indent; /* "\n" and the spaces before each line of an element */
    size_t n;           /* elements written */
} element_writer;

/* Appends `o` as an element of the array (its separator is the caller's). */
static int put_element(element_writer *w, json_t *o, cg_buf *out) {
    const size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
    size_t n = json_dumpb(o, w->buf, w->cap, flags);
    if (n == 0) return -1;
    if (n > w->cap) {
        char *p = realloc(w->buf, n * 2);
        if (!p) return -1;
        w->buf = p;
        w->cap = n * 2;
        if (json_dumpb(o, w->buf, w->cap, flags) != n) return -1;
    }
    int rc = cgu_buf_puts(out, w->indent);
    const char *p = w->buf, *end = w->buf + n, *nl;
    /* strings are escaped, so every newline is jansson's own */
    while (!rc && (nl = memchr(p, '\n', (size_t)(end - p)))) {
        rc = cgu_buf_append(out, p, (size_t)(nl - p)) || cgu_buf_puts(out, w->indent);
        p = nl + 1;
    }
    return rc || cgu_buf_append(out, p, (size_t)(end - p));
}

/* Dumps `root`, whose array under `key` is empty, and finds where that
 * array's elements go (after its '['): *at; NULL when memory ran out. */
static char *dump_frame(json_t *root, const char *key, size_t *at) {
    char *frame = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    char hole[64];
    snprintf(hole, sizeof hole, "\"%s\": []", key);
    const char *where = frame ? strstr(frame, hole) : NULL;
    if (!where) {
        free(frame);
        return NULL;
    }
    *at = (size_t)(where - frame) + strlen(hole) - 1;
    return frame;
}

/* How many inputs were not checked (one problem of severity error each)
 * and how many warnings the others were read with; summaries say both. */
static void count_input_problems(const cg_check *c, size_t *not_checked, size_t *warned) {
    const cg_input_problem *p;
    size_t n = cg_check_input_problems(c, &p);
    *not_checked = *warned = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i].severity >= CG_SEV_ERROR)
            ++*not_checked;
        else
            ++*warned;
    }
}

/* The input problems as JSON: [{file, record?, severity, message}]. */
static json_t *json_input_problems(const cg_check *c) {
    const cg_input_problem *p;
    size_t n = cg_check_input_problems(c, &p);
    json_t *list = json_array();
    for (size_t i = 0; list && i < n; i++) {
        json_t *o = json_object();
        int ok =
            o && cgu_json_set(o, "file", cgu_json_str(p[i].file)) &&
            (!p[i].record || cgu_json_set(o, "record", json_integer((json_int_t)p[i].record))) &&
            cgu_json_set(o, "severity", cgu_json_str(cg_severity_name(p[i].severity))) &&
            cgu_json_set(o, "message", cgu_json_str(p[i].message)) &&
            json_array_append_new(list, o) == 0;
        if (!ok) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

/* The report without its findings, "findings": [] standing for them; *at
 * is where they go, after the '['. The input problems and the summary come
 * after the findings, so what stands before them does not depend on them. */
static char *json_frame(const cg_check *c, const size_t counts[3], size_t fresh, size_t suppressed,
                        size_t *at) {
    json_t *root = json_object(), *sum = json_object();
    size_t not_checked, warned;
    count_input_problems(c, &not_checked, &warned);
    int ok = root && sum &&
             cgu_json_set(sum, "errors", json_integer((json_int_t)counts[CG_SEV_ERROR])) &&
             cgu_json_set(sum, "warnings", json_integer((json_int_t)counts[CG_SEV_WARNING])) &&
             cgu_json_set(sum, "notes", json_integer((json_int_t)counts[CG_SEV_NOTE])) &&
             cgu_json_set(sum, "new", json_integer((json_int_t)fresh)) &&
             cgu_json_set(sum, "suppressed", json_integer((json_int_t)suppressed)) &&
             cgu_json_set(sum, "inputs_not_checked", json_integer((json_int_t)not_checked)) &&
             cgu_json_set(sum, "input_warnings", json_integer((json_int_t)warned)) &&
             cgu_json_set(root, "version", json_integer(1)) &&
             cgu_json_set(root, "findings", json_array()) &&
             cgu_json_set(root, "input_problems", json_input_problems(c)) &&
             json_object_set(root, "summary", sum) == 0;
    json_decref(sum); /* root holds its own reference */
    char *frame = ok ? dump_frame(root, "findings", at) : NULL;
    json_decref(root);
    return frame;
}

/* "record" and "dip_id" for a finding in a DIP record. */
static bool set_record(json_t *o, const cg_finding *f) {
    if (!f->record) return true;
    return cgu_json_set(o, "record", json_integer((json_int_t)f->record)) &&
           cgu_json_set(o, "dip_id", cgu_json_str(f->dip_id));
}

/* One object per shape (in a DIP record or not, on a page or not), its
 * values set again for each finding: jansson replaces a value in place, so
 * the keys keep their order, without a new object per finding. */
typedef struct json_element_writer {
    json_t *shapes[4];
    element_writer w;
} json_element_writer;

static int json_finding(const cg_check *c, const cg_finding *f, void *ctx, cg_buf *out);

static int json_out(const cg_check *c, cg_severity min, cg_buf *out) {
    size_t counts[3] = {0, 0, 0}, fresh = 0, at;
    char *frame = json_frame(c, counts, fresh, count_silenced(c, min), &at);
    int ok = frame && cgu_buf_append(out, frame, at) == 0;
    free(frame);
    json_element_writer jw = {{NULL, NULL, NULL, NULL}, {NULL, 0, "\n    ", 0}};
    for (size_t i = 0; ok && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        counts[f->severity]++;
        fresh += !f->in_baseline;
        ok = (!jw.w.n++ || cgu_buf_putc(out, ',') == 0) &&
             put_finding(c, i, CG_CHECK_JSON, json_finding, &jw, out) == 0;
    }
    for (size_t k = 0; k < 4; k++)
        json_decref(jw.shapes[k]);
    free(jw.w.buf);
    frame = ok ? json_frame(c, counts, fresh, count_silenced(c, min), &at) : NULL;
    int rc = !frame || (jw.w.n && cgu_buf_puts(out, "\n  ")) || cgu_buf_puts(out, frame + at) ||
             cgu_buf_putc(out, '\n');
    free(frame);
    return rc ? -1 : 0;
}

/* A finding as an element of the JSON report's "findings". */
static int json_finding(const cg_check *c, const cg_finding *f, void *ctx, cg_buf *out) {
    (void)c;
    json_element_writer *jw = ctx;
    json_t **shape = &jw->shapes[(f->record ? 1 : 0) | (f->page ? 2 : 0)], *o = *shape;
    if (!o && !(o = *shape = json_object())) return -1;
    int ok = cgu_json_set(o, "rule", cgu_json_str(f->rule->id)) &&
             cgu_json_set(o, "name", cgu_json_str(f->rule->name)) &&
             cgu_json_set(o, "severity", cgu_json_str(cg_severity_name(f->severity))) &&
             cgu_json_set(o, "file", cgu_json_str(f->file)) && set_record(o, f) &&
             cgu_json_set(o, "line", json_integer((json_int_t)f->line)) &&
             cgu_json_set(o, "col", json_integer((json_int_t)f->col)) &&
             (!f->page || (cgu_json_set(o, "page", json_integer((json_int_t)f->page)) &&
                           cgu_json_set(o, "page_label", cgu_json_str(f->page_label)) &&
                           cgu_json_set(o, "page_line", json_integer((json_int_t)f->page_line)))) &&
             cgu_json_set(o, "offset", json_integer((json_int_t)f->offset)) &&
             cgu_json_set(o, "length", json_integer((json_int_t)f->length)) &&
             cgu_json_set(o, "message", cgu_json_str(f->message)) &&
             cgu_json_set(o, "target", cgu_json_str(f->target)) &&
             cgu_json_set(o, "text", cgu_json_str(f->text)) &&
             cgu_json_set(o, "fingerprint", cgu_json_str(f->fingerprint)) &&
             cgu_json_set(o, "baseline", cgu_json_str(f->in_baseline ? "unchanged" : "new")) &&
             put_element(&jw->w, o, out) == 0;
    return ok ? 0 : -1;
}

/* ---- SARIF 2.1.0 ---- */

static const char *sarif_level(cg_severity s) {
    return s == CG_SEV_ERROR ? "error" : s == CG_SEV_WARNING ? "warning" : "note";
}

/* The record of a finding in a DIP record, on its location: a logical
 * location naming it, and in the location's properties its number, DIP's id
 * and `region`, the position in the record's text. Takes `region`. */
static bool sarif_record(json_t *loc, const cg_finding *f, json_t *region) {
    char name[160];
    if (!cgc_record_name(f->record, f->dip_id, name, sizeof name))
        snprintf(name, sizeof name, "record %zu", f->record);
    json_t *logicals = json_array(), *logical = json_object(), *props = json_object();
    bool ok = logicals && logical && props && cgu_json_set(logical, "name", cgu_json_str(name)) &&
              cgu_json_set(logical, "kind", cgu_json_str("object")) &&
              json_array_append(logicals, logical) == 0 &&
              json_object_set(loc, "logicalLocations", logicals) == 0 &&
              cgu_json_set(props, "record", json_integer((json_int_t)f->record)) &&
              (!f->dip_id || cgu_json_set(props, "dipId", cgu_json_str(f->dip_id))) &&
              json_object_set(props, "textRegion", region) == 0 &&
              json_object_set(loc, "properties", props) == 0;
    json_decref(logicals);
    json_decref(logical);
    json_decref(props);
    json_decref(region);
    return ok;
}

/* What RFC 3986 lets a path hold as it is: unreserved, sub-delims, ':', '@'
 * and '/'. Everything else (a space, '%', '#', '?', a control character,
 * every byte of a non-ASCII character) is percent-encoded. */
static bool uri_path_char(unsigned char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           (ch && strchr("-._~!$&'()*+,;=:@/", ch));
}

/* Appends `path` percent-encoded. In a relative reference a ':' before the
 * first '/' would read as a scheme, so there it is encoded too. */
static int put_uri_path(cg_buf *out, const char *path, bool relative) {
    int rc = 0;
    bool first_segment = relative;
    for (const unsigned char *p = (const unsigned char *)path; !rc && *p; p++) {
        if (*p == '/') first_segment = false;
        if (uri_path_char(*p) && !(first_segment && *p == ':'))
            rc = cgu_buf_putc(out, (char)*p);
        else
            rc = cgu_buf_printf(out, "%%%02X", *p);
    }
    return rc;
}

/* The artifactLocation of an input: an absolute path as a file: URI, a
 * relative one as a URI reference relative to %SRCROOT% (the directory
 * citegraph ran in; "./x" and "x" are the same file). Returns it, or NULL. */
static json_t *sarif_artifact(const char *file) {
    cg_buf uri = CG_BUF_INIT;
    bool absolute = file[0] == '/';
    const char *path = file;
    while (!absolute && path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/')
            path++;
    }
    json_t *art = json_object();
    bool ok = art && (!absolute || cgu_buf_puts(&uri, "file://") == 0) &&
              put_uri_path(&uri, path, !absolute) == 0 &&
              cgu_json_set(art, "uri", cgu_json_str(uri.len ? uri.data : "")) &&
              (absolute || cgu_json_set(art, "uriBaseId", cgu_json_str("%SRCROOT%")));
    cg_buf_release(&uri);
    if (!ok) {
        json_decref(art);
        return NULL;
    }
    return art;
}

/* run.originalUriBaseIds: %SRCROOT% as the file: URI of the current
 * directory, ending in '/'; when it cannot be known, described only, which
 * SARIF allows (a viewer then asks for it). */
static json_t *sarif_base_ids(void) {
    char *cwd = getcwd(NULL, 0);
    cg_buf uri = CG_BUF_INIT;
    json_t *ids = json_object(), *root = json_object(), *desc = json_object();
    bool ok = ids && root && desc;
    if (ok && cwd && cwd[0] == '/') {
        size_t n = strlen(cwd);
        ok = cgu_buf_puts(&uri, "file://") == 0 && put_uri_path(&uri, cwd, false) == 0 &&
             (cwd[n - 1] == '/' || cgu_buf_putc(&uri, '/') == 0) &&
             cgu_json_set(root, "uri", cgu_json_str(uri.data));
    }
    ok = ok && cgu_json_set(desc, "text", cgu_json_str("the directory citegraph ran in")) &&
         json_object_set(root, "description", desc) == 0 &&
         json_object_set(ids, "%SRCROOT%", root) == 0;
    free(cwd);
    cg_buf_release(&uri);
    json_decref(root);
    json_decref(desc);
    if (!ok) {
        json_decref(ids);
        return NULL;
    }
    return ids;
}

/* result.suppressions of a finding the config or the baseline silences:
 * both are kept outside the document checked, hence "external" (SARIF
 * 2.1.0, 3.35.2), accepted, with the config's reason as justification.
 * NULL for other findings, and when memory runs out (*ok false). */
static json_t *sarif_suppressions(const cg_finding *f, bool *ok) {
    if (!f->suppressed && !f->in_baseline) return NULL;
    json_t *list = json_array();
    *ok = list != NULL;
    for (int k = 0; *ok && k < 2; k++) {
        const char *why = k == 0 ? f->suppressed : f->in_baseline ? "in the baseline" : NULL;
        if (!why) continue;
        json_t *s = json_object();
        *ok = s && cgu_json_set(s, "kind", cgu_json_str("external")) &&
              cgu_json_set(s, "status", cgu_json_str("accepted")) &&
              cgu_json_set(s, "justification", cgu_json_str(why)) &&
              json_array_append_new(list, s) == 0;
    }
    if (!*ok) {
        json_decref(list);
        return NULL;
    }
    return list;
}

/* run.invocations: executionSuccessful is false when an input could not
 * be checked; each input problem is a toolExecutionNotification located
 * at its file (and its record as a logical location). */
static json_t *sarif_invocations(const cg_check *c) {
    const cg_input_problem *p;
    size_t n = cg_check_input_problems(c, &p);
    bool all_checked = true;
    json_t *list = json_array(), *inv = json_object(), *notes = json_array();
    bool ok = list && inv && notes;
    for (size_t i = 0; ok && i < n; i++) {
        if (p[i].severity >= CG_SEV_ERROR) all_checked = false;
        json_t *note = json_object(), *msg = json_object(), *locs = json_array(),
               *loc = json_object(), *phys = json_object(), *art = sarif_artifact(p[i].file);
        char text[64] = "";
        if (p[i].record && strncmp(p[i].message, "record ", 7) != 0)
            snprintf(text, sizeof text, "record %zu: ", p[i].record);
        cg_buf m = CG_BUF_INIT;
        ok = note && msg && locs && loc && phys && art && cgu_buf_puts(&m, text) == 0 &&
             cgu_buf_puts(&m, p[i].message) == 0 &&
             cgu_json_set(note, "level", cgu_json_str(sarif_level(p[i].severity))) &&
             cgu_json_set(msg, "text", cgu_json_str(m.data)) &&
             json_object_set(note, "message", msg) == 0 &&
             json_object_set(phys, "artifactLocation", art) == 0 &&
             json_object_set(loc, "physicalLocation", phys) == 0;
        cg_buf_release(&m);
        if (ok && p[i].record) {
            char name[32];
            snprintf(name, sizeof name, "record %zu", p[i].record);
            json_t *logicals = json_array(), *logical = json_object();
            ok = logicals && logical && cgu_json_set(logical, "name", cgu_json_str(name)) &&
                 cgu_json_set(logical, "kind", cgu_json_str("object")) &&
                 json_array_append(logicals, logical) == 0 &&
                 json_object_set(loc, "logicalLocations", logicals) == 0;
            json_decref(logicals);
            json_decref(logical);
        }
        ok = ok && json_array_append(locs, loc) == 0 &&
             json_object_set(note, "locations", locs) == 0 && json_array_append(notes, note) == 0;
        json_decref(note);
        json_decref(msg);
        json_decref(locs);
        json_decref(loc);
        json_decref(phys);
        json_decref(art);
    }
    ok = ok && cgu_json_set(inv, "executionSuccessful", json_boolean(all_checked)) &&
         (!n || json_object_set(inv, "toolExecutionNotifications", notes) == 0) &&
         json_array_append(list, inv) == 0;
    json_decref(inv);
    json_decref(notes);
    if (!ok) {
        json_decref(list);
        return NULL;
    }
    return list;
}

/* A finding as a SARIF result; NULL when memory ran out. */
static json_t *sarif_result(const cg_finding *f, const cg_rule *rules) {
    json_t *res = json_object(), *msg = json_object(), *locs = json_array(), *loc = json_object(),
           *phys = json_object(), *art = sarif_artifact(f->file), *region = json_object(),
           *fps = json_object();
    size_t end_col = f->col;
    int multiline = 0;
    for (size_t k = 0; f->text && f->text[k]; k++) {
        if (f->text[k] == '\n') multiline = 1;
        if (!multiline && ((unsigned char)f->text[k] & 0xC0) != 0x80) end_col++;
    }
    cg_buf text = CG_BUF_INIT;
    /* each part, once made, is handed to its parent (which then frees it) or freed here */
    bool ok =
        res && msg && locs && loc && phys && art && region && fps && where_message(&text, f) == 0 &&
        cgu_json_set(res, "ruleId", cgu_json_str(f->rule->id)) &&
        cgu_json_set(res, "ruleIndex", json_integer((json_int_t)(f->rule - rules))) &&
        cgu_json_set(res, "level", cgu_json_str(sarif_level(f->severity))) &&
        cgu_json_set(msg, "text", cgu_json_str(text.data)) &&
        json_object_set(res, "message", msg) == 0 &&
        json_object_set(phys, "artifactLocation", art) == 0 &&
        cgu_json_set(region, "startLine", json_integer((json_int_t)f->line)) &&
        cgu_json_set(region, "startColumn", json_integer((json_int_t)f->col)) &&
        (multiline || (cgu_json_set(region, "endLine", json_integer((json_int_t)f->line)) &&
                       cgu_json_set(region, "endColumn", json_integer((json_int_t)end_col)))) &&
        cgu_json_set(region, "byteOffset", json_integer((json_int_t)f->offset)) &&
        cgu_json_set(region, "byteLength", json_integer((json_int_t)f->length));
    cg_buf_release(&text);
    /* Lines of a DIP record's text or of a PDF's text are not lines of the file: the file as
     * a whole (line 1: code scanning requires a start line), the message saying where, and the
     * record (as a logical location) or the page in the location's properties. */
    if (f->record || f->page) {
        json_t *whole = ok ? json_object() : NULL;
        ok = ok && whole && cgu_json_set(whole, "startLine", json_integer(1)) &&
             cgu_json_set(phys, "region", whole) &&
             json_object_set(loc, "physicalLocation", phys) == 0 &&
             (f->record ? sarif_record(loc, f, json_incref(region)) /* which takes a reference */
                        : sarif_page(loc, f));
    } else {
        ok = ok && json_object_set(phys, "region", region) == 0 &&
             json_object_set(loc, "physicalLocation", phys) == 0;
    }
    bool listed = ok;
    json_t *suppressions = ok ? sarif_suppressions(f, &listed) : NULL;
    ok = listed && json_array_append(locs, loc) == 0 &&
         json_object_set(res, "locations", locs) == 0 &&
         cgu_json_set(fps, "citegraph/v1", cgu_json_str(f->fingerprint)) &&
         json_object_set(res, "partialFingerprints", fps) == 0 &&
         cgu_json_set(res, "baselineState", cgu_json_str(f->in_baseline ? "unchanged" : "new")) &&
         (!suppressions || cgu_json_set(res, "suppressions", suppressions));
    json_decref(msg);
    json_decref(locs);
    json_decref(loc);
    json_decref(phys);
    json_decref(art);
    json_decref(region);
    json_decref(fps);
    if (!ok) {
        json_decref(res);
        return NULL;
    }
    return res;
}

/* SARIF's tool.driver.rules: every rule, with its help. */
static json_t *sarif_rules(void) {
    size_t nrules;
    const cg_rule *rs = cg_check_rules(&nrules);
    json_t *rules = json_array();
    int ok = rules != NULL;
    for (size_t i = 0; ok && i < nrules; i++) {
        json_t *r = json_object(), *sd = json_object(), *fd = json_object(), *help = json_object(),
               *conf = json_object(), *props = json_object(), *tags = json_array();
        char md[1536];
        snprintf(md, sizeof md, "**%s** (%s): %s", rs[i].id, rs[i].name, rs[i].help);
        ok = r && sd && fd && help && conf && props && tags &&
             cgu_json_set(r, "id", cgu_json_str(rs[i].id)) &&
             cgu_json_set(r, "name", cgu_json_str(rs[i].name)) &&
             cgu_json_set(sd, "text", cgu_json_str(rs[i].summary)) &&
             cgu_json_set(r, "shortDescription", sd) &&
             cgu_json_set(fd, "text", cgu_json_str(rs[i].help)) &&
             cgu_json_set(r, "fullDescription", fd) &&
             cgu_json_set(help, "text", cgu_json_str(rs[i].help)) &&
             cgu_json_set(help, "markdown", cgu_json_str(md)) && cgu_json_set(r, "help", help) &&
             cgu_json_set(conf, "level", cgu_json_str(sarif_level(rs[i].severity))) &&
             cgu_json_set(r, "defaultConfiguration", conf) &&
             json_array_append_new(tags, json_string("references")) == 0 &&
             cgu_json_set(props, "tags", tags) && cgu_json_set(r, "properties", props) &&
             json_array_append_new(rules, r) == 0;
    }
    if (!ok) {
        json_decref(rules);
        return NULL;
    }
    return rules;
}

/* A finding as an element of the SARIF report's "results". */
static int sarif_finding(const cg_check *c, const cg_finding *f, void *ctx, cg_buf *out) {
    (void)c;
    size_t nrules;
    json_t *res = sarif_result(f, cg_check_rules(&nrules));
    int rc = !res || put_element(ctx, res, out);
    json_decref(res);
    return rc ? -1 : 0;
}

static int sarif_out(const cg_check *c, cg_severity min, cg_buf *out) {
    json_t *root = json_object(), *runs = json_array(), *run = json_object(), *tool = json_object(),
           *driver = json_object();
    int ok = root && runs && run && tool && driver &&
             cgu_json_set(root, "$schema",
                          cgu_json_str("https://json.schemastore.org/sarif-2.1.0.json")) &&
             cgu_json_set(root, "version", cgu_json_str("2.1.0")) &&
             cgu_json_set(driver, "name", cgu_json_str("citegraph")) &&
             cgu_json_set(driver, "version", cgu_json_str(CG_VERSION_STRING)) &&
             cgu_json_set(driver, "rules", sarif_rules()) &&
             json_object_set(tool, "driver", driver) == 0 &&
             json_object_set(run, "tool", tool) == 0 &&
             cgu_json_set(run, "invocations", sarif_invocations(c)) &&
             cgu_json_set(run, "originalUriBaseIds", sarif_base_ids()) &&
             cgu_json_set(run, "columnKind", cgu_json_str("unicodeCodePoints")) &&
             cgu_json_set(run, "results", json_array()) && json_array_append(runs, run) == 0 &&
             json_object_set(root, "runs", runs) == 0;
    size_t at = 0;
    char *frame = ok ? dump_frame(root, "results", &at) : NULL;
    json_decref(root);
    json_decref(runs);
    json_decref(run);
    json_decref(tool);
    json_decref(driver);
    /* the results stand at the fourth level: root, runs, run, results */
    element_writer w = {NULL, 0, "\n        ", 0};
    ok = frame && cgu_buf_append(out, frame, at) == 0;
    for (size_t i = 0; ok && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        /* silenced findings stay, as suppressed results: the audit trail */
        if (!shown(f, min) && !silenced(f, min)) continue;
        ok = (!w.n++ || cgu_buf_putc(out, ',') == 0) &&
             put_finding(c, i, CG_CHECK_SARIF, sarif_finding, &w, out) == 0;
    }
    ok = ok && (!w.n || cgu_buf_puts(out, "\n      ") == 0) && cgu_buf_puts(out, frame + at) == 0 &&
         cgu_buf_putc(out, '\n') == 0;
    free(w.buf);
    free(frame);
    return ok ? 0 : -1;
}

/* ---- GitHub workflow commands ---- */

/* escapes for a workflow command: % \r \n always, and , : in properties */
static int gh_escape(cg_buf *out, const char *s, int property) {
    cg_buf v = CG_BUF_INIT;
    if (cgu_buf_append_valid_utf8(&v, s ? s : "", s ? strlen(s) : 0)) return -1;
    int rc = 0;
    for (size_t i = 0; !rc && i < v.len; i++) {
        char ch = v.data[i];
        if (ch == '%')
            rc = cgu_buf_puts(out, "%25");
        else if (ch == '\r')
            rc = cgu_buf_puts(out, "%0D");
        else if (ch == '\n')
            rc = cgu_buf_puts(out, "%0A");
        else if (property && ch == ':')
            rc = cgu_buf_puts(out, "%3A");
        else if (property && ch == ',')
            rc = cgu_buf_puts(out, "%2C");
        else
            rc = cgu_buf_putc(out, ch);
    }
    cg_buf_release(&v);
    return rc;
}

static const char *gh_command(cg_severity s) {
    return s == CG_SEV_NOTE ? "notice" : s == CG_SEV_WARNING ? "warning" : "error";
}

/* An input problem as an annotation of its file: a run that lost an input
 * must not look clean where only the annotations are read. */
static int gh_input_problem(cg_buf *out, const cg_input_problem *p) {
    char where[48] = "";
    /* a DIP record's failure usually names its record already */
    if (p->record && strncmp(p->message, "record ", 7) != 0)
        snprintf(where, sizeof where, "record %zu: ", p->record);
    return cgu_buf_printf(out, "::%s file=", gh_command(p->severity)) ||
           gh_escape(out, p->file, 1) ||
           cgu_buf_puts(out, p->severity == CG_SEV_ERROR ? ",title=input not checked::"
                                                         : ",title=input read with a warning::") ||
           cgu_buf_puts(out, where) || gh_escape(out, p->message, 0) || cgu_buf_putc(out, '\n');
}

static int gh_finding(const cg_check *c, const cg_finding *f, void *ctx, cg_buf *out) {
    (void)c;
    (void)ctx;
    char title[96];
    snprintf(title, sizeof title, "%s %s", f->rule->id, f->rule->name);
    /* a line and column in a DIP record's text are none of the file's:
     * an annotation of the whole file, the message says where */
    cg_buf text = CG_BUF_INIT;
    int rc =
        cgu_buf_printf(out, "::%s file=", gh_command(f->severity)) || gh_escape(out, f->file, 1) ||
        (!f->record && !f->page && cgu_buf_printf(out, ",line=%zu,col=%zu", f->line, f->col)) ||
        cgu_buf_puts(out, ",title=") || gh_escape(out, title, 1) || cgu_buf_puts(out, "::") ||
        where_message(&text, f) || gh_escape(out, text.data, 0) || cgu_buf_putc(out, '\n');
    cg_buf_release(&text);
    return rc;
}

/* Errors first, then warnings, then notes: GitHub shows only the first few
 * annotations of a step, and those should be the most severe. Within a
 * severity, the input problems (what was not checked) come first, then the
 * findings in their order (file, record, position). Input problems are shown
 * whatever `min` is: they are not findings, and say what the report lacks. */
static int github_out(const cg_check *c, cg_severity min, cg_buf *out) {
    const cg_input_problem *problems;
    size_t nproblems = cg_check_input_problems(c, &problems);
    int rc = 0;
    for (int sev = CG_SEV_ERROR; !rc && sev >= CG_SEV_NOTE; sev--) {
        for (size_t i = 0; !rc && i < nproblems; i++)
            if ((int)problems[i].severity == sev) rc = gh_input_problem(out, &problems[i]);
        if (sev < (int)min) continue;
        for (size_t i = 0; !rc && i < cg_check_count(c); i++) {
            const cg_finding *f = cg_check_finding(c, i);
            if (shown(f, min) && (int)f->severity == sev)
                rc = put_finding(c, i, CG_CHECK_GITHUB, gh_finding, NULL, out);
        }
    }
    return rc;
}

/* ---- JUnit XML ---- */

void cg_check_set_fail_on(cg_check *c, cg_severity level) {
    c->fail_on = level;
}

/* Appends s as XML 1.0 text: `&<>"'` as references everywhere; in an
 * attribute also line breaks and tabs, which a parser would otherwise turn
 * into spaces; a CR as a reference everywhere, which a parser would
 * otherwise turn into a line feed. What XML 1.0 cannot carry at all (other
 * C0 controls, U+FFFE, U+FFFF) and invalid UTF-8 become U+FFFD. */
static int xml_escape(cg_buf *out, const char *s, bool attribute) {
    cg_buf v = CG_BUF_INIT;
    if (cgu_buf_append_valid_utf8(&v, s ? s : "", s ? strlen(s) : 0)) return -1;
    int rc = 0;
    for (size_t i = 0; !rc && i < v.len; i++) {
        unsigned char ch = (unsigned char)v.data[i];
        const char *ref = NULL;
        switch (ch) {
        case '&':
            ref = "&amp;";
            break;
        case '<':
            ref = "&lt;";
            break;
        case '>':
            ref = "&gt;";
            break;
        case '"':
            ref = "&quot;";
            break;
        case '\'':
            ref = "&apos;";
            break;
        case '\r':
            ref = "&#13;";
            break;
        case '\n':
            ref = attribute ? "&#10;" : NULL;
            break;
        case '\t':
            ref = attribute ? "&#9;" : NULL;
            break;
        default:
            break;
        }
        if (ref)
            rc = cgu_buf_puts(out, ref);
        else if (ch < 0x20 && ch != '\n' && ch != '\t')
            rc = cgu_buf_puts(out, "\xEF\xBF\xBD");
        else if (ch == 0xEF && i + 2 < v.len && (unsigned char)v.data[i + 1] == 0xBF &&
                 ((unsigned char)v.data[i + 2] & 0xFE) == 0xBE) {
            rc = cgu_buf_puts(out, "\xEF\xBF\xBD"); /* U+FFFE, U+FFFF */
            i += 2;
        } else
            rc = cgu_buf_putc(out, (char)ch);
    }
    cg_buf_release(&v);
    return rc;
}

/* Whether a finding shown fails the run, as --fail-on decides. */
static bool junit_fails(const cg_check *c, const cg_finding *f) {
    return !f->in_baseline && c->fail_on != CG_SEV_OFF && f->severity >= c->fail_on;
}

/* The finding as the text format's line, escaped: "file:line:col: severity:
 * message [CG001 unknown-document]", and " (in baseline)". */
static int junit_finding_line(cg_buf *out, const cg_finding *f, bool attribute) {
    char rule[96];
    snprintf(rule, sizeof rule, " [%s %s]%s", f->rule->id, f->rule->name,
             f->in_baseline ? " (in baseline)" : "");
    char at[96], where[128];
    place(f, at, sizeof at);
    snprintf(where, sizeof where, "%s: %s: ", at, cg_severity_name(f->severity));
    return xml_escape(out, f->file, attribute) || cgu_buf_puts(out, where) ||
           xml_escape(out, f->message, attribute) || xml_escape(out, rule, attribute);
}

/* A finding as a test case: failing when it fails the run. */
static int junit_finding(const cg_check *c, const cg_finding *f, void *ctx, cg_buf *out) {
    (void)ctx;
    int rc = cgu_buf_puts(out, "    <testcase classname=\"") || xml_escape(out, f->file, true) ||
             cgu_buf_puts(out, "\" name=\"") || junit_finding_line(out, f, true) ||
             cgu_buf_puts(out, "\" time=\"0\"");
    if (junit_fails(c, f))
        return rc || cgu_buf_printf(out, "><failure type=\"%s\" message=\"", f->rule->name) ||
               xml_escape(out, f->message, true) || cgu_buf_puts(out, "\">") ||
               junit_finding_line(out, f, false) || cgu_buf_puts(out, "</failure></testcase>\n");
    return rc || cgu_buf_puts(out, "/>\n");
}

/* The suite's timestamp, which the Ant schema requires (UTC, no zone):
 * SOURCE_DATE_EPOCH when it is set (the reproducible-builds convention),
 * else the epoch itself, so that the same input gives the same bytes. */
static void junit_timestamp(char *buf, size_t cap) {
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long seconds = epoch && *epoch ? strtoll(epoch, &end, 10) : 0;
    /* up to the last second of the year 9999, which the pattern allows */
    if (!end || *end || seconds < 0 || seconds > 253402300799LL) seconds = 0;
    time_t when = (time_t)seconds;
    struct tm tm;
    if (!gmtime_r(&when, &tm) || strftime(buf, cap, "%Y-%m-%dT%H:%M:%S", &tm) == 0)
        snprintf(buf, cap, "1970-01-01T00:00:00");
}

/* One test suite, valid against both the Jenkins (xunit-plugin junit-10.xsd)
 * and the strict Ant JUnit schema (tests/check/junit-schemas/): no
 * attributes on <testsuites>, no <skipped> (the Ant schema has neither),
 * <properties>, <system-out> and <system-err> always. Test cases: one
 * errored per input problem, named after its file; one per finding shown,
 * named after it as the text format writes it, failing only when the
 * finding fails the run (new, at or above --fail-on), else passing, so that
 * CI servers list it without counting it as a failure; one passing per
 * document without findings. */
static int junit_out(const cg_check *c, cg_severity min, cg_buf *out) {
    const cg_input_problem *problems;
    size_t nproblems = cg_check_input_problems(c, &problems);
    size_t findings = 0, failures = 0, clean = 0, per[3] = {0, 0, 0};
    cgu_map with_findings = {0}; /* the files of the findings shown */
    for (size_t i = 0; i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min) && !junit_fails(c, f)) continue; /* a failure is never hidden */
        findings++;
        per[f->severity]++;
        failures += junit_fails(c, f);
        if (cgu_map_put(&with_findings, f->file, 1)) {
            cgu_map_release(&with_findings);
            return -1;
        }
    }
    for (size_t d = 0; d < c->ndocs; d++)
        clean += !cgu_map_get(&with_findings, c->docs[d].file, NULL);
    char timestamp[32];
    junit_timestamp(timestamp, sizeof timestamp);
    const char *fail_on = c->fail_on == CG_SEV_OFF ? "never" : cg_severity_name(c->fail_on);
    int rc = cgu_buf_printf(out,
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<testsuites>\n"
                            "  <testsuite name=\"citegraph check\" tests=\"%zu\" failures=\"%zu\" "
                            "errors=\"%zu\" time=\"0\" timestamp=\"%s\" hostname=\"localhost\" "
                            "id=\"0\" package=\"citegraph\">\n"
                            "    <properties>\n"
                            "      <property name=\"fail-on\" value=\"%s\"/>\n"
                            "      <property name=\"suppressed\" value=\"%zu\"/>\n"
                            "    </properties>\n",
                            nproblems + findings + clean, failures, nproblems, timestamp, fail_on,
                            count_silenced(c, min)) != 0;
    for (size_t i = 0; !rc && i < nproblems; i++) {
        const cg_input_problem *p = &problems[i];
        char record[48] = "";
        if (p->record) snprintf(record, sizeof record, ", record %zu", p->record);
        bool lost = p->severity >= CG_SEV_ERROR;
        rc = cgu_buf_puts(out, "    <testcase classname=\"") || xml_escape(out, p->file, true) ||
             cgu_buf_puts(out, "\" name=\"") || xml_escape(out, p->file, true) ||
             cgu_buf_printf(out, "%s\" time=\"0\"><error type=\"%s\" message=\"", record,
                            lost ? "input-not-checked" : "input-warning") ||
             xml_escape(out, p->message, true) || cgu_buf_puts(out, "\">") ||
             xml_escape(out, p->file, false) ||
             cgu_buf_printf(out, "%s: %s: ", record, lost ? "not checked" : "warning") ||
             xml_escape(out, p->message, false) || cgu_buf_puts(out, "</error></testcase>\n");
    }
    for (size_t i = 0; !rc && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min) && !junit_fails(c, f)) continue; /* a failure is never hidden */
        rc = put_finding(c, i, CG_CHECK_JUNIT, junit_finding, NULL, out);
    }
    for (size_t d = 0; !rc && d < c->ndocs; d++) {
        if (cgu_map_get(&with_findings, c->docs[d].file, NULL)) continue;
        rc = cgu_buf_puts(out, "    <testcase classname=\"") ||
             xml_escape(out, c->docs[d].file, true) ||
             cgu_buf_puts(out, "\" name=\"references\" time=\"0\"/>\n");
    }
    cgu_map_release(&with_findings);
    /* what the counts mean, for the servers that show a suite's output */
    rc = rc ||
         cgu_buf_printf(out,
                        "    <system-out>%zu finding%s (%zu error%s, %zu warning%s, %zu note%s): "
                        "%zu fail%s (new, at or above --fail-on %s), the others are passing "
                        "test cases; %zu input problem%s (errored test cases).</system-out>\n"
                        "    <system-err/>\n"
                        "  </testsuite>\n</testsuites>\n",
                        findings, findings == 1 ? "" : "s", per[CG_SEV_ERROR],
                        per[CG_SEV_ERROR] == 1 ? "" : "s", per[CG_SEV_WARNING],
                        per[CG_SEV_WARNING] == 1 ? "" : "s", per[CG_SEV_NOTE],
                        per[CG_SEV_NOTE] == 1 ? "" : "s", failures, failures == 1 ? "s" : "",
                        fail_on, nproblems, nproblems == 1 ? "" : "s");
    return rc;
}

/* ---- Markdown ---- */

static int md_cell(cg_buf *out, const char *s) {
    cg_buf v = CG_BUF_INIT;
    if (cgu_buf_append_valid_utf8(&v, s ? s : "", s ? strlen(s) : 0)) return -1;
    int rc = 0;
    for (size_t i = 0; !rc && i < v.len; i++) {
        char ch = v.data[i];
        if (ch == '|')
            rc = cgu_buf_puts(out, "\\|");
        else if (ch == '\n' || ch == '\r')
            rc = cgu_buf_putc(out, ' ');
        else if (strchr("*_`<>[]", ch))
            rc = cgu_buf_putc(out, '\\') || cgu_buf_putc(out, ch);
        else
            rc = cgu_buf_putc(out, ch);
    }
    cg_buf_release(&v);
    return rc;
}

/* The section "Input problems", before the findings: a lost input must not
 * hide under a report that looks clean. Nothing when there are none. */
static int md_input_problems(const cg_check *c, cg_buf *out) {
    const cg_input_problem *p;
    size_t n = cg_check_input_problems(c, &p), not_checked, warned;
    if (!n) return 0;
    count_input_problems(c, &not_checked, &warned);
    int rc =
        cgu_buf_printf(out,
                       "### Input problems\n\n%zu input%s not checked, %zu warning%s on "
                       "inputs read.\n\n| file | severity | problem |\n| --- | --- | --- |\n",
                       not_checked, not_checked == 1 ? "" : "s", warned, warned == 1 ? "" : "s");
    for (size_t i = 0; !rc && i < n; i++)
        rc = cgu_buf_puts(out, "| ") || md_cell(out, p[i].file) ||
             cgu_buf_printf(out, " | %s | ", cg_severity_name(p[i].severity)) ||
             md_cell(out, p[i].message) || cgu_buf_puts(out, " |\n");
    return rc || cgu_buf_puts(out, "\n");
}

/* A finding as a row of the table of findings. */
static int md_finding(const cg_check *c, const cg_finding *f, void *ctx, cg_buf *out) {
    (void)c;
    (void)ctx;
    /* a name a code span cannot hold ("a|b", a line break) goes escaped, without one */
    bool plain = !strpbrk(f->file, "|`\n\r\\");
    char at[96];
    place(f, at, sizeof at);
    return (plain ? cgu_buf_puts(out, "| `") ||
                        cgu_buf_append_valid_utf8(out, f->file, strlen(f->file))
                  : cgu_buf_puts(out, "| ") || md_cell(out, f->file)) ||
           cgu_buf_printf(out, "%s%s | %s%s | %s | ", at, plain ? "`" : "",
                          cg_severity_name(f->severity), f->in_baseline ? " (baseline)" : "",
                          f->rule->id) ||
           md_cell(out, f->message) || cgu_buf_puts(out, " |\n");
}

static int markdown_out(const cg_check *c, cg_severity min, cg_buf *out) {
    size_t nrules;
    const cg_rule *rs = cg_check_rules(&nrules);
    size_t per[16][3] = {{0}}, total = 0, fresh = 0;
    for (size_t i = 0; i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        per[f->rule - rs][f->severity]++;
        total++;
        fresh += !f->in_baseline;
    }
    size_t suppressed = count_silenced(c, min);
    int rc =
        cgu_buf_printf(out, "## citegraph check\n\n%zu finding%s in %zu document%s, %zu new", total,
                       total == 1 ? "" : "s", c->ndocs, c->ndocs == 1 ? "" : "s", fresh) ||
        (suppressed && cgu_buf_printf(out, ", %zu suppressed by the configuration", suppressed)) ||
        cgu_buf_puts(out, ".\n\n");
    rc = rc || md_input_problems(c, out);
    if (!total) return rc;
    rc = rc ||
         cgu_buf_puts(
             out, "| rule | | errors | warnings | notes |\n| --- | --- | ---: | ---: | ---: |\n");
    for (size_t r = 0; !rc && r < nrules; r++) {
        if (!per[r][0] && !per[r][1] && !per[r][2]) continue;
        rc = cgu_buf_printf(out, "| %s | %s | %zu | %zu | %zu |\n", rs[r].id, rs[r].name,
                            per[r][CG_SEV_ERROR], per[r][CG_SEV_WARNING], per[r][CG_SEV_NOTE]);
    }
    rc = rc ||
         cgu_buf_puts(out, "\n| where | severity | rule | message |\n| --- | --- | --- | --- |\n");
    size_t listed = 0;
    for (size_t i = 0; !rc && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        if (++listed > 200) {
            rc = cgu_buf_printf(out,
                                "\n… and %zu more: the table above counts them all, and the "
                                "SARIF, JSON and JUnit reports list each.\n",
                                total - 200);
            break;
        }
        rc = put_finding(c, i, CG_CHECK_MARKDOWN, md_finding, NULL, out);
    }
    return rc;
}

/* Writes the report into ro->buf (and its sink); nonzero when memory ran
 * out or the sink failed. */
static int write_report(const cg_check *c, cg_check_format format, cg_severity min, bool source,
                        report_out *ro) {
    cgc_state_written(c, cgc_slot(format, source));
    cg_buf *out = &ro->buf;
    switch (format) {
    case CG_CHECK_JSON:
        return json_out(c, min, out);
    case CG_CHECK_SARIF:
        return sarif_out(c, min, out);
    case CG_CHECK_GITHUB:
        return github_out(c, min, out);
    case CG_CHECK_JUNIT:
        return junit_out(c, min, out);
    case CG_CHECK_MARKDOWN:
        return markdown_out(c, min, out);
    default:
        return text_out(c, min, source, out);
    }
}

cg_status cg_check_write(const cg_check *c, cg_check_format format, cg_severity min, bool source,
                         cg_buf *out, cg_error *err) {
    report_out ro = {*out, NULL, NULL, false}; /* the caller's buffer, moved in and out */
    int rc = write_report(c, format, min, source, &ro);
    *out = ro.buf;
    return rc ? cgu_oom(err) : CG_OK;
}

cg_status cg_check_write_to(const cg_check *c, cg_check_format format, cg_severity min, bool source,
                            cg_check_sink sink, void *ctx, cg_error *err) {
    report_out ro = {CG_BUF_INIT, sink, ctx, false};
    int rc = write_report(c, format, min, source, &ro) || flush_out(&ro);
    cg_buf_release(&ro.buf);
    if (!rc) return CG_OK;
    return ro.sink_failed ? cgu_error(err, CG_EIO, NULL, 0, 0, "the report could not be written")
                          : cgu_oom(err);
}

cg_status cg_check_write_baseline(const cg_check *c, cg_buf *out, cg_error *err) {
    json_t *root = json_object(), *arr = json_array();
    int ok = root && arr;
    for (size_t i = 0; ok && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (f->suppressed || f->severity == CG_SEV_OFF) continue;
        json_t *o = json_object();
        ok = o && cgu_json_set(o, "fingerprint", cgu_json_str(f->fingerprint)) &&
             cgu_json_set(o, "rule", cgu_json_str(f->rule->id)) &&
             cgu_json_set(o, "file", cgu_json_str(f->file)) &&
             cgu_json_set(o, "target", cgu_json_str(f->target)) &&
             cgu_json_set(o, "message", cgu_json_str(f->message)) &&
             json_array_append_new(arr, o) == 0;
    }
    ok = ok && cgu_json_set(root, "tool", cgu_json_str("citegraph " CG_VERSION_STRING)) &&
         cgu_json_set(root, "version", json_integer(1)) && cgu_json_set(root, "findings", arr);
    if (!ok) {
        json_decref(root);
        return cgu_oom(err);
    }
    return dump(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) ? cgu_oom(err) : CG_OK;
}
