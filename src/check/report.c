/* report.c - findings as text, JSON, SARIF 2.1.0, GitHub workflow
 * commands, JUnit XML, Markdown, and as a baseline.
 *
 * Every format carries the exact position (line, column in characters, byte
 * offset and length) and the rule; of a finding in a DIP record, which is
 * a position in the record's text, SARIF and GitHub name the file alone and
 * say the record and the position otherwise. Findings the configuration silences are
 * left out; findings the baseline knows are marked as such. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "citegraph/version.h"
#include "util/json_util.h"

static int shown(const cg_finding *f, cg_severity min) {
    return !f->suppressed && f->severity != CG_SEV_OFF && f->severity >= min;
}

/* The message of a finding in a DIP record with the position in the
 * record's text: "record 3 (DIP id X), line 9, col 3 of its text: ...".
 * Formats that point into the file (SARIF, GitHub) cannot point into a
 * record's text, which is a JSON string on another line of the file, so the
 * message says where. Other findings: the message as it is. */
static int where_message(cg_buf *out, const cg_finding *f) {
    char name[160];
    size_t n = f->record ? cgc_record_name(f->record, f->dip_id, name, sizeof name) : 0;
    const char *rest = f->message;
    if (n && strncmp(rest, name, n) == 0 && strncmp(rest + n, ": ", 2) == 0) rest += n + 2;
    if (rest == f->message) return cgu_buf_puts(out, f->message);
    return cgu_buf_printf(out, "%s, line %zu, col %zu of its text: %s", name, f->line, f->col,
                          rest);
}

/* ---- text ---- */

static int text_out(const cg_check *c, cg_severity min, bool source, cg_buf *out) {
    int rc = 0;
    for (size_t i = 0; !rc && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        rc = cgu_buf_printf(out, "%s:%zu:%zu: %s: ", f->file, f->line, f->col,
                            cg_severity_name(f->severity)) ||
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
    }
    return rc;
}

/* ---- JSON ---- */

/* Appends root serialised and a newline, and drops root. */
static int dump(json_t *root, cg_buf *out, size_t flags) {
    return cgu_json_append(out, root, flags) || cgu_buf_putc(out, '\n') ? -1 : 0;
}

/* The findings of the JSON report, one after the other: one object whose
 * values are replaced for each finding (the keys keep their order), dumped
 * into one reused buffer and indented by the two levels of the array it
 * stands in, which is what jansson writes for the whole tree. A report of
 * many findings is never one tree in memory (300,000 findings took 900 MB
 * as one, and most of the run's time). */
typedef struct element_writer {
    json_t *o;
    char *buf;
    size_t cap;
} element_writer;

static int put_element(element_writer *w, cg_buf *out, int first) {
    const size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
    size_t n = json_dumpb(w->o, w->buf, w->cap, flags);
    if (n == 0) return -1;
    if (n > w->cap) {
        char *p = realloc(w->buf, n * 2);
        if (!p) return -1;
        w->buf = p;
        w->cap = n * 2;
        if (json_dumpb(w->o, w->buf, w->cap, flags) != n) return -1;
    }
    int rc = cgu_buf_puts(out, first ? "\n    " : ",\n    ");
    const char *p = w->buf, *end = w->buf + n, *nl;
    /* strings are escaped, so every newline is jansson's own */
    while (!rc && (nl = memchr(p, '\n', (size_t)(end - p)))) {
        rc = cgu_buf_append(out, p, (size_t)(nl - p + 1)) || cgu_buf_puts(out, "    ");
        p = nl + 1;
    }
    return rc || cgu_buf_append(out, p, (size_t)(end - p));
}

/* The report without its findings, "findings": [] standing for them; *at
 * is where they go, after the '['. The summary comes after the findings, so
 * what stands before them does not depend on it. */
static char *json_frame(const size_t counts[3], size_t fresh, size_t *at) {
    json_t *root = json_object(), *sum = json_object();
    int ok = root && sum &&
             cgu_json_set(sum, "errors", json_integer((json_int_t)counts[CG_SEV_ERROR])) &&
             cgu_json_set(sum, "warnings", json_integer((json_int_t)counts[CG_SEV_WARNING])) &&
             cgu_json_set(sum, "notes", json_integer((json_int_t)counts[CG_SEV_NOTE])) &&
             cgu_json_set(sum, "new", json_integer((json_int_t)fresh)) &&
             cgu_json_set(root, "version", json_integer(1)) &&
             cgu_json_set(root, "findings", json_array()) &&
             json_object_set(root, "summary", sum) == 0;
    json_decref(sum); /* root holds its own reference */
    char *frame = ok ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    const char *hole = frame ? strstr(frame, "\"findings\": []") : NULL;
    if (!hole) {
        free(frame);
        return NULL;
    }
    *at = (size_t)(hole - frame) + strlen("\"findings\": [");
    return frame;
}

/* "record" and "dip_id" for a finding in a DIP record; the object is reused
 * from finding to finding, so they are removed for the others. */
static bool set_record(json_t *o, const cg_finding *f) {
    if (!f->record) {
        json_object_del(o, "record");
        json_object_del(o, "dip_id");
        return true;
    }
    return cgu_json_set(o, "record", json_integer((json_int_t)f->record)) &&
           cgu_json_set(o, "dip_id", cgu_json_str(f->dip_id));
}

static int json_out(const cg_check *c, cg_severity min, cg_buf *out) {
    size_t counts[3] = {0, 0, 0}, fresh = 0, n = 0, at;
    char *frame = json_frame(counts, fresh, &at);
    element_writer w = {json_object(), NULL, 0};
    int ok = frame && w.o && cgu_buf_append(out, frame, at) == 0;
    free(frame);
    for (size_t i = 0; ok && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        counts[f->severity]++;
        fresh += !f->in_baseline;
        json_t *o = w.o;
        ok = cgu_json_set(o, "rule", cgu_json_str(f->rule->id)) &&
             cgu_json_set(o, "name", cgu_json_str(f->rule->name)) &&
             cgu_json_set(o, "severity", cgu_json_str(cg_severity_name(f->severity))) &&
             cgu_json_set(o, "file", cgu_json_str(f->file)) && set_record(o, f) &&
             cgu_json_set(o, "line", json_integer((json_int_t)f->line)) &&
             cgu_json_set(o, "col", json_integer((json_int_t)f->col)) &&
             cgu_json_set(o, "offset", json_integer((json_int_t)f->offset)) &&
             cgu_json_set(o, "length", json_integer((json_int_t)f->length)) &&
             cgu_json_set(o, "message", cgu_json_str(f->message)) &&
             cgu_json_set(o, "target", cgu_json_str(f->target)) &&
             cgu_json_set(o, "text", cgu_json_str(f->text)) &&
             cgu_json_set(o, "fingerprint", cgu_json_str(f->fingerprint)) &&
             cgu_json_set(o, "baseline", cgu_json_str(f->in_baseline ? "unchanged" : "new")) &&
             put_element(&w, out, n++ == 0) == 0;
    }
    json_decref(w.o);
    free(w.buf);
    frame = ok ? json_frame(counts, fresh, &at) : NULL;
    int rc = !frame || (n && cgu_buf_puts(out, "\n  ")) || cgu_buf_puts(out, frame + at) ||
             cgu_buf_putc(out, '\n');
    free(frame);
    return rc ? -1 : 0;
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

static int sarif_out(const cg_check *c, cg_severity min, cg_buf *out) {
    size_t nrules;
    const cg_rule *rs = cg_check_rules(&nrules);
    json_t *rules = json_array(), *results = json_array();
    int ok = rules && results;
    for (size_t i = 0; ok && i < nrules; i++) {
        json_t *r = json_object(), *sd = json_object(), *fd = json_object(), *help = json_object(),
               *conf = json_object(), *props = json_object(), *tags = json_array();
        char md[1024];
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
    for (size_t i = 0; ok && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        json_t *res = json_object(), *msg = json_object(), *locs = json_array(),
               *loc = json_object(), *phys = json_object(), *art = json_object(),
               *region = json_object(), *fps = json_object();
        size_t end_col = f->col;
        int multiline = 0;
        for (size_t k = 0; f->text && f->text[k]; k++) {
            if (f->text[k] == '\n') multiline = 1;
            if (!multiline && ((unsigned char)f->text[k] & 0xC0) != 0x80) end_col++;
        }
        cg_buf text = CG_BUF_INIT;
        ok =
            res && msg && locs && loc && phys && art && region && fps &&
            where_message(&text, f) == 0 &&
            cgu_json_set(res, "ruleId", cgu_json_str(f->rule->id)) &&
            cgu_json_set(res, "ruleIndex", json_integer((json_int_t)(f->rule - rs))) &&
            cgu_json_set(res, "level", cgu_json_str(sarif_level(f->severity))) &&
            cgu_json_set(msg, "text", cgu_json_str(text.data)) &&
            cgu_json_set(res, "message", msg) && cgu_json_set(art, "uri", cgu_json_str(f->file)) &&
            cgu_json_set(phys, "artifactLocation", art) &&
            cgu_json_set(region, "startLine", json_integer((json_int_t)f->line)) &&
            cgu_json_set(region, "startColumn", json_integer((json_int_t)f->col)) &&
            (multiline || (cgu_json_set(region, "endLine", json_integer((json_int_t)f->line)) &&
                           cgu_json_set(region, "endColumn", json_integer((json_int_t)end_col)))) &&
            cgu_json_set(region, "byteOffset", json_integer((json_int_t)f->offset)) &&
            cgu_json_set(region, "byteLength", json_integer((json_int_t)f->length));
        cg_buf_release(&text);
        /* a region in a DIP record's text would point at the wrong place of
         * the file: the file alone, and the record as a logical location */
        if (f->record) {
            ok = ok && json_object_set(loc, "physicalLocation", phys) == 0;
            ok = sarif_record(loc, f, region) && ok;
            json_decref(phys);
        } else {
            ok = ok && cgu_json_set(phys, "region", region) &&
                 cgu_json_set(loc, "physicalLocation", phys);
        }
        ok = ok && json_array_append_new(locs, loc) == 0 && cgu_json_set(res, "locations", locs) &&
             cgu_json_set(fps, "citegraph/v1", cgu_json_str(f->fingerprint)) &&
             cgu_json_set(res, "partialFingerprints", fps) &&
             cgu_json_set(res, "baselineState",
                          cgu_json_str(f->in_baseline ? "unchanged" : "new")) &&
             json_array_append_new(results, res) == 0;
    }
    json_t *root = json_object(), *runs = json_array(), *run = json_object(), *tool = json_object(),
           *driver = json_object();
    ok = ok && root && runs && run && tool && driver &&
         cgu_json_set(root, "$schema",
                      cgu_json_str("https://json.schemastore.org/sarif-2.1.0.json")) &&
         cgu_json_set(root, "version", cgu_json_str("2.1.0")) &&
         cgu_json_set(driver, "name", cgu_json_str("citegraph")) &&
         cgu_json_set(driver, "version", cgu_json_str(CG_VERSION_STRING)) &&
         cgu_json_set(driver, "rules", rules) && cgu_json_set(tool, "driver", driver) &&
         cgu_json_set(run, "tool", tool) &&
         cgu_json_set(run, "columnKind", cgu_json_str("unicodeCodePoints")) &&
         cgu_json_set(run, "results", results) && json_array_append_new(runs, run) == 0 &&
         cgu_json_set(root, "runs", runs);
    if (!ok) {
        json_decref(root);
        return -1;
    }
    return dump(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
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

static int github_out(const cg_check *c, cg_severity min, cg_buf *out) {
    int rc = 0;
    for (size_t i = 0; !rc && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        char title[96];
        snprintf(title, sizeof title, "%s %s", f->rule->id, f->rule->name);
        /* a line and column in a DIP record's text are none of the file's:
         * an annotation of the whole file, the message says where */
        cg_buf text = CG_BUF_INIT;
        rc = cgu_buf_printf(out, "::%s file=",
                            f->severity == CG_SEV_NOTE      ? "notice"
                            : f->severity == CG_SEV_WARNING ? "warning"
                                                            : "error") ||
             gh_escape(out, f->file, 1) ||
             (!f->record && cgu_buf_printf(out, ",line=%zu,col=%zu", f->line, f->col)) ||
             cgu_buf_puts(out, ",title=") || gh_escape(out, title, 1) || cgu_buf_puts(out, "::") ||
             where_message(&text, f) || gh_escape(out, text.data, 0) || cgu_buf_putc(out, '\n');
        cg_buf_release(&text);
    }
    return rc;
}

/* ---- JUnit XML ---- */

static int xml_escape(cg_buf *out, const char *s) {
    cg_buf v = CG_BUF_INIT;
    if (cgu_buf_append_valid_utf8(&v, s ? s : "", s ? strlen(s) : 0)) return -1;
    int rc = 0;
    for (size_t i = 0; !rc && i < v.len; i++) {
        unsigned char ch = (unsigned char)v.data[i];
        if (ch == '&')
            rc = cgu_buf_puts(out, "&amp;");
        else if (ch == '<')
            rc = cgu_buf_puts(out, "&lt;");
        else if (ch == '>')
            rc = cgu_buf_puts(out, "&gt;");
        else if (ch == '"')
            rc = cgu_buf_puts(out, "&quot;");
        else if (ch < 0x20 && ch != '\n' && ch != '\t')
            rc = cgu_buf_putc(out, ' ');
        else
            rc = cgu_buf_putc(out, (char)ch);
    }
    cg_buf_release(&v);
    return rc;
}

static int junit_out(const cg_check *c, cg_severity min, cg_buf *out) {
    size_t tests = 0, failures = 0, baselined = 0;
    cgu_map with_findings = {0}; /* the files of the findings shown */
    for (size_t i = 0; i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        tests++;
        failures += !f->in_baseline;
        baselined += f->in_baseline;
        if (cgu_map_put(&with_findings, f->file, 1)) {
            cgu_map_release(&with_findings);
            return -1;
        }
    }
    /* documents without findings are passing test cases */
    for (size_t d = 0; d < c->ndocs; d++)
        tests += !cgu_map_get(&with_findings, c->docs[d].file, NULL);
    int rc = cgu_buf_printf(out,
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<testsuites name=\"citegraph check\" tests=\"%zu\" failures=\"%zu\">\n"
                            "  <testsuite name=\"citegraph check\" tests=\"%zu\" failures=\"%zu\" "
                            "errors=\"0\" skipped=\"%zu\">\n",
                            tests, failures, tests, failures, baselined) != 0;
    for (size_t i = 0; !rc && i < cg_check_count(c); i++) {
        const cg_finding *f = cg_check_finding(c, i);
        if (!shown(f, min)) continue;
        char name[160];
        snprintf(name, sizeof name, "%s %s:%zu:%zu", f->rule->id, f->file, f->line, f->col);
        rc = cgu_buf_puts(out, "    <testcase classname=\"") || xml_escape(out, f->file) ||
             cgu_buf_puts(out, "\" name=\"") || xml_escape(out, name) || cgu_buf_puts(out, "\">");
        if (f->in_baseline)
            rc = rc || cgu_buf_puts(out, "<skipped message=\"in baseline\"/>");
        else
            rc = rc || cgu_buf_printf(out, "<failure type=\"%s\" message=\"", f->rule->name) ||
                 xml_escape(out, f->message) || cgu_buf_puts(out, "\">") ||
                 cgu_buf_printf(out, "%s: ", cg_severity_name(f->severity)) ||
                 xml_escape(out, f->file) || cgu_buf_printf(out, ":%zu:%zu: ", f->line, f->col) ||
                 xml_escape(out, f->message) || cgu_buf_puts(out, "</failure>");
        rc = rc || cgu_buf_puts(out, "</testcase>\n");
    }
    for (size_t d = 0; !rc && d < c->ndocs; d++) {
        if (cgu_map_get(&with_findings, c->docs[d].file, NULL)) continue;
        rc = cgu_buf_puts(out, "    <testcase classname=\"") || xml_escape(out, c->docs[d].file) ||
             cgu_buf_puts(out, "\" name=\"references\"/>\n");
    }
    cgu_map_release(&with_findings);
    return rc || cgu_buf_puts(out, "  </testsuite>\n</testsuites>\n");
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
    int rc =
        cgu_buf_printf(out, "## citegraph check\n\n%zu finding%s in %zu document%s, %zu new.\n\n",
                       total, total == 1 ? "" : "s", c->ndocs, c->ndocs == 1 ? "" : "s", fresh);
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
            rc = cgu_buf_printf(out, "\n… and %zu more.\n", total - 200);
            break;
        }
        rc = cgu_buf_puts(out, "| `") || cgu_buf_append_valid_utf8(out, f->file, strlen(f->file)) ||
             cgu_buf_printf(out, ":%zu:%zu` | %s%s | %s | ", f->line, f->col,
                            cg_severity_name(f->severity), f->in_baseline ? " (baseline)" : "",
                            f->rule->id) ||
             md_cell(out, f->message) || cgu_buf_puts(out, " |\n");
    }
    return rc;
}

cg_status cg_check_write(const cg_check *c, cg_check_format format, cg_severity min, bool source,
                         cg_buf *out, cg_error *err) {
    int rc;
    switch (format) {
    case CG_CHECK_JSON:
        rc = json_out(c, min, out);
        break;
    case CG_CHECK_SARIF:
        rc = sarif_out(c, min, out);
        break;
    case CG_CHECK_GITHUB:
        rc = github_out(c, min, out);
        break;
    case CG_CHECK_JUNIT:
        rc = junit_out(c, min, out);
        break;
    case CG_CHECK_MARKDOWN:
        rc = markdown_out(c, min, out);
        break;
    default:
        rc = text_out(c, min, source, out);
        break;
    }
    return rc ? cgu_oom(err) : CG_OK;
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
