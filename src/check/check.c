/* check.c - the rules of `citegraph check`.
 *
 * The check keeps, per document, its header facts, its questions and its
 * references; catalogs add known documents. cg_check_run() applies every
 * rule to every reference, then the configuration (severities, ignores with
 * reasons) and the baseline, and sorts the findings. A finding's
 * fingerprint hashes the rule, the file, the target, the reference text and
 * its rank among equal ones, never the line, so it survives lines moving. */
#include <fnmatch.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "corpus/catalog.h"
#include "corpus/input_internal.h"
#include "extract/locator.h"
#include "extract/quotes.h"

static const cg_rule rules[] = {
    {"CG001", "unknown-document", CG_SEV_WARNING,
     "a cited document that is neither in the corpus nor in a catalog",
     "The reference names a document that none of the files checked is, and no catalog "
     "(--catalog) lists. When a catalog covers that kind of document and that Wahlperiode "
     "(Bundesrat: that year), the document should be there, and the finding is an error; "
     "otherwise it is a warning. Example: with DIP's index of the 21st Wahlperiode as catalog, "
     "'siehe Drucksache 21/99999' is an error."},
    {"CG002", "malformed-number", CG_SEV_ERROR,
     "a number that cannot exist, or a keyword without a number",
     "A Bundestag Wahlperiode outside 1 to 21, a number 0, a Bundesrat number behind a Bundestag "
     "keyword, a Bundesrat number without its two-digit year, or a keyword with no number after "
     "it (a placeholder left in a draft). Examples: 'Bundestagsdrucksache 24/469', "
     "'BT-Drs. 103/1/25', 'BT-Drs. …]'."},
    {"CG003", "unknown-question", CG_SEV_ERROR,
     "a question that the cited Anfrage or Antwort does not have",
     "The locator names a question the document does not have: 'Antwort zu Frage 13' in an "
     "Antwort with 12 questions, or 'Bundestagsdrucksache 19/5954, Antwort zu Frage 4' when "
     "19/5954 is in the corpus and has no question 4. Questions are read from the numbered "
     "questions of Anfragen and Antworten (1., 2., ..., with sub-questions a), b), ...)."},
    {"CG004", "cites-later-document", CG_SEV_WARNING,
     "a citation of a document dated after the citing one, or of a later Wahlperiode",
     "A document can only cite what existed when it was written. The dates come from the "
     "headers, the corpus and the catalogs. Example: an Antwort of 2025-05-09 citing "
     "Drucksache 21/1958 of 2025-10-02."},
    {"CG005", "title-mismatch", CG_SEV_WARNING,
     "an Antwort whose Anfrage is in the corpus with a different title",
     "An Antwort repeats the title of the Kleine Anfrage it answers. When that Anfrage is in the "
     "corpus and its title differs, one of the two numbers is probably wrong. Example: an "
     "Antwort on 'Islamisten in Deutschland' naming as its Anfrage a Drucksache titled "
     "'Flächenverbrauch in Deutschland'."},
    {"CG006", "self-citation", CG_SEV_WARNING,
     "a document that cites its own number outside its header",
     "The document's own number in its header and running heads is its identity; anywhere else "
     "it is usually a copy-and-paste slip. Example: 'vgl. Drucksache 21/126' inside Drucksache "
     "21/126."},
    {"CG007", "ambiguous-reference", CG_SEV_WARNING,
     "a number the extractor could read two ways",
     "The context did not decide between two readings, and citegraph chose one: 'Drucksache "
     "21/22' in a Bundesrat text is read as the Bundesrat's 21/22 (of 2022), though it could be "
     "the Bundestag's 21/22. Write the prefix (BR-Drs., BT-Drs.) to decide."},
    {"CG008", "invalid-url", CG_SEV_ERROR, "a URL that is not syntactically valid",
     "The host name, the port or a percent escape of the URL is not valid (RFC 3986), so no "
     "browser can open it. Example: 'https://www..example.org/' (an empty label)."},
    {"CG009", "url-unreachable", CG_SEV_ERROR, "a URL that does not answer (--online only)",
     "With --online, every URL is fetched (HEAD, then GET), with timeouts and retries; a URL "
     "that answers with an error status or not at all is reported. Example: a page that "
     "answers 404."},
};

#define NRULES (sizeof rules / sizeof rules[0])

const cg_rule *cg_check_rules(size_t *n) {
    if (n) *n = NRULES;
    return rules;
}

const char *cg_severity_name(cg_severity s) {
    switch (s) {
    case CG_SEV_OFF: return "off";
    case CG_SEV_NOTE: return "note";
    case CG_SEV_WARNING: return "warning";
    case CG_SEV_ERROR: return "error";
    }
    return "error";
}

static int rule_index(const char *id) {
    for (size_t i = 0; i < NRULES; i++)
        if (strcmp(rules[i].id, id) == 0 || strcmp(rules[i].name, id) == 0) return (int)i;
    return -1;
}

cg_status cg_check_new(cg_check **out) {
    *out = calloc(1, sizeof **out);
    if (!*out) return CG_ENOMEM;
    for (size_t i = 0; i < NRULES; i++) (*out)->severity[i] = rules[i].severity;
    return CG_OK;
}

void cg_check_free(cg_check *c) {
    if (!c) return;
    cgc_online_release(c);
    for (size_t i = 0; i < c->ndocs; i++) {
        free(c->docs[i].refs);
        free(c->docs[i].defects);
        free(c->docs[i].questions);
    }
    free(c->docs);
    free(c->catalog);
    free(c->ignores);
    free(c->findings);
    free(c->urls);
    cgu_map_release(&c->catalog_index);
    cgu_map_release(&c->coverage);
    cgu_map_release(&c->docs_index);
    cgu_map_release(&c->baseline);
    cgu_map_release(&c->url_index);
    cgu_arena_release(&c->arena);
    free(c);
}

static const char *dup(cg_check *c, const char *s) {
    return s ? cgu_arena_strdup(&c->arena, s) : NULL;
}

void cgc_coverage_key(const char *id, char *out, size_t cap) {
    unsigned a, b;
    char tail;
    if (sscanf(id, "BT-Drs. %u/%u%c", &a, &b, &tail) >= 2)
        snprintf(out, cap, "bt_drucksache|%u", a);
    else if (sscanf(id, "BT-PlPr. %u/%u", &a, &b) == 2)
        snprintf(out, cap, "bt_plenarprotokoll|%u", a);
    else if (strncmp(id, "BR-Drs. ", 8) == 0) {
        const char *p = id + 8;
        if (strncmp(p, "zu ", 3) == 0) p += 3;
        const char *slash = strrchr(p, '/');
        int yy = slash ? atoi(slash + 1) : -1;
        snprintf(out, cap, "br_drucksache|%02d", yy);
    } else {
        const char *sp = strchr(id, ' ');
        snprintf(out, cap, "%.*s", sp ? (int)(sp - id) : (int)strlen(id), id);
    }
}

static cg_status take_entry(void *ctx, const char *id, const char *type, const char *date,
                            const char *title, const char *file) {
    (void)file;
    cg_check *c = ctx;
    if (cgu_grow((void **)&c->catalog, &c->capcatalog, c->ncatalog + 1, sizeof *c->catalog))
        return CG_ENOMEM;
    centry *e = &c->catalog[c->ncatalog];
    *e = (centry){dup(c, id), dup(c, type), dup(c, date), dup(c, title)};
    char key[64];
    cgc_coverage_key(id, key, sizeof key);
    const char *k = dup(c, key);
    if (!e->id || !k || cgu_map_put(&c->catalog_index, e->id, c->ncatalog) ||
        cgu_map_put(&c->coverage, k, 1))
        return CG_ENOMEM;
    c->ncatalog++;
    return CG_OK;
}

cg_status cg_check_add_catalog(cg_check *c, const cg_extractor *ex, const char *path,
                               cg_error *err) {
    return cgu_read_catalog(path, ex, take_entry, c, err);
}

/* The check keeps only what findings quote: each reference's and defect's
 * text and the line it starts on, taken from the bytes (up to a NUL byte,
 * as C strings) or from the quotes a cached extraction carries. So a
 * corpus is never held in memory whole, and a cache hit needs no bytes. */
typedef struct quoter {
    cg_check *c;
    const cg_input *in; /* or NULL: the extraction's quotes */
    const cg_extraction *ext;
    size_t last_line; /* consecutive references often share a line */
    const char *last_text;
} quoter;

static const char *quote_span(quoter *q, size_t offset, size_t length) {
    return cgx_quote_span(&q->c->arena, q->in, offset, length);
}

static const char *quote_line(quoter *q, size_t line) {
    if (q->last_text && q->last_line == line) return q->last_text;
    const char *t =
        q->in ? cgx_quote_line(&q->c->arena, q->in, line) : cgx_quoted_line(q->ext, line);
    q->last_line = line;
    q->last_text = t;
    return t;
}

cg_status cg_check_add_document(cg_check *c, const char *file, const cg_input *input,
                                const cg_extraction *ext) {
    if (!input && !cgx_quoted(ext)) return CG_EINVAL;
    if (cgu_grow((void **)&c->docs, &c->capdocs, c->ndocs + 1, sizeof *c->docs)) return CG_ENOMEM;
    cdoc *d = &c->docs[c->ndocs];
    memset(d, 0, sizeof *d);
    quoter q = {c, input, ext, 0, NULL};
    const cg_document_info *info = cg_extraction_document(ext);
    d->file = dup(c, file);
    d->id = dup(c, info->id);
    d->alias = dup(c, info->alias);
    d->type = dup(c, info->type);
    d->date = dup(c, info->date);
    d->title = dup(c, info->title);
    d->issuer = dup(c, info->issuer);
    if (!d->file) return CG_ENOMEM;
    const char *const *qs;
    d->nquestions = cg_extraction_questions(ext, &qs);
    if (d->nquestions) {
        d->questions = malloc(d->nquestions * sizeof *d->questions);
        if (!d->questions) return CG_ENOMEM;
        for (size_t i = 0; i < d->nquestions; i++)
            d->questions[i] = dup(c, qs[i]);
    }
    d->nrefs = cg_extraction_count(ext);
    d->refs = calloc(d->nrefs ? d->nrefs : 1, sizeof *d->refs);
    if (!d->refs) return CG_ENOMEM;
    for (size_t i = 0; i < d->nrefs; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        cref *x = &d->refs[i];
        *x = (cref){.kind = dup(c, r->kind),
                    .target = dup(c, r->target),
                    .locator = dup(c, r->locator),
                    .note = dup(c, r->note),
                    .answers = r->relation == CG_REL_ANSWERS,
                    .flags = r->flags,
                    .offset = r->offset,
                    .length = r->length,
                    .line = r->line,
                    .col = r->col};
        x->text = input ? quote_span(&q, r->offset, r->length) : dup(c, cgx_ref_text(ext, i));
        x->line_text = quote_line(&q, r->line);
        if (!x->target || !x->text || !x->line_text) return CG_ENOMEM;
        if (strcmp(r->kind, CG_KIND_URL) == 0 && !cgu_map_get(&c->url_index, x->target, NULL)) {
            if (cgu_grow((void **)&c->urls, &c->capurls, c->nurls + 1, sizeof *c->urls) ||
                cgu_map_put(&c->url_index, x->target, 1))
                return CG_ENOMEM;
            c->urls[c->nurls++] = x->target;
        }
    }
    const cg_defect *df;
    d->ndefects = cg_extraction_defects(ext, &df);
    if (d->ndefects) {
        d->defects = malloc(d->ndefects * sizeof *d->defects);
        d->defect_text = cgu_arena_alloc(&c->arena, d->ndefects * sizeof *d->defect_text);
        d->defect_line = cgu_arena_alloc(&c->arena, d->ndefects * sizeof *d->defect_line);
        if (!d->defects || !d->defect_text || !d->defect_line) return CG_ENOMEM;
        memcpy(d->defects, df, d->ndefects * sizeof *df);
        for (size_t i = 0; i < d->ndefects; i++) {
            d->defect_text[i] = input ? quote_span(&q, df[i].offset, df[i].length)
                                      : dup(c, cgx_defect_text(ext, i));
            d->defect_line[i] = quote_line(&q, df[i].line);
            if (!d->defect_text[i] || !d->defect_line[i]) return CG_ENOMEM;
        }
    }
    c->ndocs++;
    return CG_OK;
}

size_t cgc_urls(const cg_check *c, const char *const **urls) {
    if (urls) *urls = c->urls;
    return c->nurls;
}

/* ---- configuration and baseline ---- */

static cg_status config_error(cg_error *err, const char *path, size_t line, size_t col,
                              const char *msg) {
    if (err) {
        memset(err, 0, sizeof *err);
        err->status = CG_EFORMAT;
        err->line = line;
        err->col = col;
        snprintf(err->path, sizeof err->path, "%s", path);
        snprintf(err->text, sizeof err->text, "%s", msg);
    }
    return CG_EFORMAT;
}

cg_status cg_check_load_config(cg_check *c, const char *path, cg_error *err) {
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) return config_error(err, path, (size_t)je.line, (size_t)je.column, je.text);
    cg_status st = CG_OK;
    char msg[200];
    if (!json_is_object(root)) {
        st = config_error(err, path, 0, 0, "a config is a JSON object with \"rules\" and \"ignore\"");
        goto out;
    }
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (strcmp(key, "rules") != 0 && strcmp(key, "ignore") != 0) {
            snprintf(msg, sizeof msg, "unknown key \"%s\" (known: rules, ignore)", key);
            st = config_error(err, path, 0, 0, msg);
            goto out;
        }
    }
    json_t *rs = json_object_get(root, "rules");
    json_object_foreach(rs, key, v) {
        int r = rule_index(key);
        const char *sev = json_string_value(v);
        cg_severity s = CG_SEV_ERROR;
        if (sev && strcmp(sev, "off") == 0) s = CG_SEV_OFF;
        else if (sev && strcmp(sev, "note") == 0) s = CG_SEV_NOTE;
        else if (sev && strcmp(sev, "warning") == 0) s = CG_SEV_WARNING;
        else if (!sev || strcmp(sev, "error") != 0) r = -2;
        if (r < 0) {
            snprintf(msg, sizeof msg,
                     r == -1 ? "\"rules\": no rule \"%s\""
                             : "\"rules\": \"%s\" takes off, note, warning or error",
                     key);
            st = config_error(err, path, 0, 0, msg);
            goto out;
        }
        c->severity[r] = s;
    }
    json_t *ig = json_object_get(root, "ignore");
    size_t i;
    json_array_foreach(ig, i, v) {
        const char *rule = json_string_value(json_object_get(v, "rule"));
        const char *target = json_string_value(json_object_get(v, "target"));
        const char *file = json_string_value(json_object_get(v, "file"));
        const char *reason = json_string_value(json_object_get(v, "reason"));
        if (!reason || !*reason) {
            snprintf(msg, sizeof msg, "\"ignore\" entry %zu has no \"reason\": say why it is silenced",
                     i + 1);
            st = config_error(err, path, 0, 0, msg);
            goto out;
        }
        if (!rule && !target && !file) {
            snprintf(msg, sizeof msg, "\"ignore\" entry %zu names no rule, target or file", i + 1);
            st = config_error(err, path, 0, 0, msg);
            goto out;
        }
        if (rule && rule_index(rule) < 0) {
            snprintf(msg, sizeof msg, "\"ignore\" entry %zu: no rule \"%s\"", i + 1, rule);
            st = config_error(err, path, 0, 0, msg);
            goto out;
        }
        if (cgu_grow((void **)&c->ignores, &c->capignores, c->nignores + 1, sizeof *c->ignores)) {
            st = CG_ENOMEM;
            goto out;
        }
        c->ignores[c->nignores++] =
            (cignore){dup(c, rule), dup(c, target), dup(c, file), dup(c, reason)};
    }
out:
    json_decref(root);
    return st;
}

cg_status cg_check_load_baseline(cg_check *c, const char *path, cg_error *err) {
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) return config_error(err, path, (size_t)je.line, (size_t)je.column, je.text);
    json_t *fs = json_object_get(root, "findings");
    cg_status st = json_is_array(fs) ? CG_OK
                                     : config_error(err, path, 0, 0,
                                                    "not a citegraph baseline (no \"findings\")");
    size_t i;
    json_t *v;
    json_array_foreach(fs, i, v) {
        const char *fp = json_string_value(json_object_get(v, "fingerprint"));
        if (!fp) continue;
        const char *k = dup(c, fp);
        if (!k || cgu_map_put(&c->baseline, k, 1)) {
            st = CG_ENOMEM;
            break;
        }
    }
    json_decref(root);
    return st;
}

/* ---- the rules ---- */

static cg_status add(cg_check *c, const cdoc *d, int rule, size_t offset, size_t length,
                     size_t line, size_t col, const char *target, const char *text,
                     const char *line_text, const char *fmt, ...)
    __attribute__((format(printf, 11, 12)));

#include <stdarg.h>
static cg_status add(cg_check *c, const cdoc *d, int rule, size_t offset, size_t length,
                     size_t line, size_t col, const char *target, const char *text,
                     const char *line_text, const char *fmt, ...) {
    if (cgu_grow((void **)&c->findings, &c->capfindings, c->nfindings + 1, sizeof *c->findings))
        return CG_ENOMEM;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cg_finding *f = &c->findings[c->nfindings];
    memset(f, 0, sizeof *f);
    f->rule = &rules[rule];
    f->severity = rules[rule].severity;
    f->file = d->file;
    f->offset = offset;
    f->length = length;
    f->line = line;
    f->col = col;
    f->target = target;
    f->text = text;
    f->message = dup(c, msg);
    f->source_line = line_text;
    if (!f->message || !f->source_line) return CG_ENOMEM;
    c->nfindings++;
    return CG_OK;
}

static int is_document_kind(const char *kind) {
    return strcmp(kind, CG_KIND_URL) != 0 && strcmp(kind, CG_KIND_INTERNAL) != 0;
}

static const cdoc *corpus_doc(const cg_check *c, const char *id) {
    size_t i;
    return cgu_map_get(&c->docs_index, id, &i) ? &c->docs[i] : NULL;
}

static const char *date_of(const cg_check *c, const char *id) {
    const cdoc *d = corpus_doc(c, id);
    if (d && d->date) return d->date;
    size_t i;
    return cgu_map_get(&c->catalog_index, id, &i) ? c->catalog[i].date : NULL;
}

static const char *title_of(const cg_check *c, const char *id) {
    const cdoc *d = corpus_doc(c, id);
    if (d && d->title) return d->title;
    size_t i;
    return cgu_map_get(&c->catalog_index, id, &i) ? c->catalog[i].title : NULL;
}

/* Whether the document can have question q ("13", "4c"). The text layer of
 * a PDF sometimes loses a question, so only what lies beyond the last
 * question (or beyond the last sub-question of a question that has them)
 * counts as missing. */
static int has_question(const cdoc *d, const char *q) {
    long num = strtol(q, NULL, 10), max = 0;
    char letter = q[strspn(q, "0123456789")], max_letter = 0;
    for (size_t i = 0; i < d->nquestions; i++) {
        long n = strtol(d->questions[i], NULL, 10);
        char l = d->questions[i][strspn(d->questions[i], "0123456789")];
        if (n > max) max = n;
        if (n == num && l > max_letter) max_letter = l;
    }
    if (num > max || num < 1) return 0;
    return !letter || !max_letter || letter <= max_letter;
}

/* "12" or "4c": the last question, for messages. */
static const char *last_question(const cdoc *d) {
    long max = 0;
    const char *best = "";
    for (size_t i = 0; i < d->nquestions; i++) {
        long n = strtol(d->questions[i], NULL, 10);
        if (n >= max && strspn(d->questions[i], "0123456789") == strlen(d->questions[i])) {
            max = n;
            best = d->questions[i];
        }
    }
    return best;
}

/* The question labels a locator names ("Frage 3", "Fragen 3a bis 3c, 5");
 * none for written or oral questions, which are numbered elsewhere. */
typedef struct question_labels {
    char (*out)[16];
    size_t n, cap;
} question_labels;

static int collect_question(void *ctx, const char *prefix, const char *q) {
    question_labels *l = ctx;
    if (strcmp(prefix, "Frage ") == 0 && l->n < l->cap)
        snprintf(l->out[l->n++], sizeof l->out[0], "%s", q);
    return 0;
}

static size_t locator_questions(const char *loc, char out[][16], size_t cap) {
    question_labels l = {out, 0, cap};
    if (loc) cgx_expand_questions(loc, collect_question, &l);
    return l.n;
}

/* Titles compare without case, spaces, punctuation and line-end hyphens; one
 * may be cut short. */
static void fold_title(const char *s, char *out, size_t cap) {
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80) out[n++] = (char)ch;
        else if (ch >= 'A' && ch <= 'Z') out[n++] = (char)(ch + 32);
    }
    out[n] = '\0';
}

static int titles_agree(const char *a, const char *b) {
    char x[512], y[512];
    fold_title(a, x, sizeof x);
    fold_title(b, y, sizeof y);
    size_t nx = strlen(x), ny = strlen(y), m = nx < ny ? nx : ny;
    if (m == 0) return 1;
    return strncmp(x, y, m) == 0 && (m >= 20 || nx == ny);
}

static const char *port_problem(const char *s, size_t n) {
    if (!n || n > 5) return "an invalid port";
    long port = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return "an invalid port";
        port = port * 10 + (s[i] - '0');
    }
    return port == 0 || port > 65535 ? "a port outside 1-65535" : NULL;
}

/* RFC 3986 for what can go wrong in text: host labels, port, percent escapes. */
const char *cgc_url_problem(const char *u) {
    const char *p = strstr(u, "://");
    if (!p) return "no scheme";
    p += 3;
    const char *h = p;
    while (*p && *p != '/' && *p != '?' && *p != '#') p++;
    size_t hl = (size_t)(p - h);
    const char *at = memchr(h, '@', hl);
    if (at) {
        hl -= (size_t)(at + 1 - h);
        h = at + 1;
    }
    if (hl && h[0] == '[') { /* an IPv6 literal: hex digits, ':' and '.' up to ']' */
        const char *close = memchr(h, ']', hl);
        if (!close || close == h + 1) return "an invalid IPv6 address";
        for (const char *q = h + 1; q < close; q++)
            if (!strchr("0123456789abcdefABCDEF:.", *q)) return "an invalid IPv6 address";
        const char *rest = close + 1;
        size_t rl = (size_t)(h + hl - rest);
        if (rl && *rest != ':') return "an invalid IPv6 address";
        const char *bad = rl ? port_problem(rest + 1, rl - 1) : NULL;
        if (bad) return bad;
        goto path;
    }
    const char *colon = memchr(h, ':', hl);
    if (colon) {
        const char *bad = port_problem(colon + 1, hl - (size_t)(colon + 1 - h));
        if (bad) return bad;
        hl = (size_t)(colon - h);
    }
    if (!hl) return "no host name";
    if (strspn(h, "0123456789.") >= hl) { /* an IPv4 literal: four numbers 0-255 */
        int parts = 0;
        long part = -1;
        for (size_t i = 0; i <= hl; i++) {
            if (i == hl || h[i] == '.') {
                if (part < 0 || part > 255) return "an invalid IPv4 address";
                parts++;
                part = -1;
            } else {
                part = (part < 0 ? 0 : part * 10) + (h[i] - '0');
                if (part > 255) return "an invalid IPv4 address";
            }
        }
        if (parts != 4) return "an invalid IPv4 address";
        goto path;
    }
    size_t label = 0;
    int dots = 0, alpha_tld = 1;
    for (size_t i = 0; i <= hl; i++) {
        char ch = i < hl ? h[i] : '.';
        if (ch == '.') {
            if (!label) return "an empty label in the host name";
            if (h[i - 1] == '-') return "a host name label ending in '-'";
            dots += i < hl;
            label = 0;
            continue;
        }
        if (!label && ch == '-') return "a host name label starting with '-'";
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || (unsigned char)ch >= 0x80))
            return "a character not allowed in a host name";
        if (++label > 63) return "a host name label longer than 63 characters";
        if (i > 0 && memchr(h, '.', hl) && i > (size_t)(strrchr(h, '.') - h))
            alpha_tld &= (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                         (unsigned char)ch >= 0x80 || ch == '-';
    }
    if (!dots) return "a host name without a dot";
    if (!alpha_tld) return "a top-level domain that is not a name";
path:
    for (const char *q = p; *q; q++) {
        if (*q == '%') {
            int ok = q[1] && q[2] && strchr("0123456789abcdefABCDEF", q[1]) &&
                     strchr("0123456789abcdefABCDEF", q[2]);
            if (!ok) return "a '%' that is not followed by two hex digits";
        }
        if ((unsigned char)*q <= ' ') return "white space";
    }
    return NULL;
}

static cg_status check_document(cg_check *c, const cdoc *d) {
    cg_status st = CG_OK;
    int own_wp = 0;
    if (d->id && strncmp(d->id, "BT-Drs. ", 8) == 0) own_wp = atoi(d->id + 8);
    for (size_t i = 0; st == CG_OK && i < d->ndefects; i++) {
        const cg_defect *df = &d->defects[i];
        st = add(c, d, 1, df->offset, df->length, df->line, df->col, NULL, d->defect_text[i],
                 d->defect_line[i], "'%s' has no number", d->defect_text[i]);
    }
    for (size_t i = 0; st == CG_OK && i < d->nrefs; i++) {
        const cref *r = &d->refs[i];
        const char *t = r->target;
#define ADD(rule, ...)                                                                             \
    add(c, d, rule, r->offset, r->length, r->line, r->col, t, r->text, r->line_text, __VA_ARGS__)
        if (strcmp(r->kind, CG_KIND_URL) == 0) {
            const char *why = cgc_url_problem(t);
            if (why) st = ADD(7, "invalid URL %s: %s", t, why);
            continue;
        }
        if (r->flags & CG_REF_MALFORMED) {
            st = ADD(1, "%s is malformed: %s", t, r->note ? r->note : "not a valid number");
            continue;
        }
        if (r->flags & CG_REF_AMBIGUOUS && (st = ADD(6, "%s is ambiguous: %s", t, r->note)))
            break;
        char qs[64][16];
        size_t nq = locator_questions(r->locator, qs, 64);
        if (strcmp(r->kind, CG_KIND_INTERNAL) == 0) {
            /* only an Antwort answers its own questions; "Antwort zu Frage 4" in a
             * Kleine Anfrage is about some earlier answer */
            int answers_own = !d->type || strcmp(d->type, "Antwort") == 0;
            for (size_t k = 0; st == CG_OK && answers_own && k < nq && d->nquestions; k++)
                if (!has_question(d, qs[k]))
                    st = ADD(2, "this document has no question %s (its last is %s)", qs[k],
                             last_question(d));
            continue;
        }
        if (!is_document_kind(r->kind)) continue;
        if (d->id && strcmp(t, d->id) == 0) {
            st = ADD(5, "%s cites itself", t);
            continue;
        }
        const cdoc *cited = corpus_doc(c, t);
        size_t ci;
        int in_catalog = cgu_map_get(&c->catalog_index, t, &ci);
        if (!cited && !in_catalog) {
            char key[64];
            cgc_coverage_key(t, key, sizeof key);
            int covered = cgu_map_get(&c->coverage, key, NULL);
            st = ADD(0, "%s is neither in the corpus nor in %s", t,
                     covered ? "the catalog, which covers it" : "a catalog");
            if (st == CG_OK && covered) c->findings[c->nfindings - 1].severity = CG_SEV_ERROR;
            continue;
        }
        for (size_t k = 0; st == CG_OK && cited && cited->nquestions && k < nq; k++)
            if (!has_question(cited, qs[k]))
                st = ADD(2, "%s has no question %s (its last is %s)", t, qs[k],
                         last_question(cited));
        const char *their = date_of(c, t);
        if (st == CG_OK && d->date && their && strcmp(their, d->date) > 0)
            st = ADD(3, "%s is dated %s, after this document (%s)", t, their, d->date);
        else if (st == CG_OK && own_wp && strncmp(t, "BT-", 3) == 0) {
            const char *sp = strchr(t, ' ');
            int wp = sp ? atoi(sp + 1) : 0;
            if (wp > own_wp)
                st = ADD(3, "%s is of the %d. Wahlperiode, after this document's %d.", t, wp,
                         own_wp);
        }
        if (st == CG_OK && r->answers && d->title) {
            const char *other = title_of(c, t);
            if (cited && other && !titles_agree(d->title, other))
                st = ADD(4, "%s, the Anfrage this Antwort answers, is titled '%s', not '%s'", t,
                         other, d->title);
        }
#undef ADD
    }
    return st;
}

/* ---- running ---- */

static int cmp_finding(const void *a, const void *b) {
    const cg_finding *x = a, *y = b;
    int k = strcmp(x->file, y->file);
    if (k) return k;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    k = strcmp(x->rule->id, y->rule->id);
    return k ? k : strcmp(x->message, y->message); /* qsort is not stable: a total order */
}

static uint64_t fnv(const char *s, uint64_t h) {
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h ^ 0xff; /* a separator between fields */
}

static int ignored(const cignore *ig, const cg_finding *f) {
    if (ig->rule && strcmp(ig->rule, f->rule->id) != 0 && strcmp(ig->rule, f->rule->name) != 0)
        return 0;
    if (ig->target && (!f->target || strcmp(ig->target, f->target) != 0)) return 0;
    if (ig->file && fnmatch(ig->file, f->file, 0) != 0) return 0;
    return 1;
}

static cg_status finish(cg_check *c);

cg_status cg_check_run(cg_check *c, cg_error *err) {
    (void)err;
    if (c->ran) return CG_EINVAL;
    c->ran = 1;
    for (size_t i = 0; i < c->ndocs; i++) {
        if (c->docs[i].id && !cgu_map_get(&c->docs_index, c->docs[i].id, NULL) &&
            cgu_map_put(&c->docs_index, c->docs[i].id, i))
            return CG_ENOMEM;
    }
    for (size_t i = 0; i < c->ndocs; i++) /* an alias leads to its document */
        if (c->docs[i].alias && !cgu_map_get(&c->docs_index, c->docs[i].alias, NULL) &&
            cgu_map_put(&c->docs_index, c->docs[i].alias, i))
            return CG_ENOMEM;
    for (size_t i = 0; i < c->ndocs; i++) {
        cg_status st = check_document(c, &c->docs[i]);
        if (st != CG_OK) return st;
    }
    if (c->online) {
        cg_status st = cgc_check_online(c, err);
        if (st != CG_OK) return st;
    }
    return finish(c);
}

/* Severity, ignores, fingerprints, baseline: after every finding is in. */
static cg_status finish(cg_check *c) {
    if (c->nfindings) qsort(c->findings, c->nfindings, sizeof *c->findings, cmp_finding);
    cgu_map seen = {0}; /* "rule target text" -> how many so far in this file */
    for (size_t i = 0; i < c->nfindings; i++) {
        cg_finding *f = &c->findings[i];
        if (i && strcmp(c->findings[i - 1].file, f->file) != 0) { /* sorted by file */
            cgu_map_release(&seen);
            memset(&seen, 0, sizeof seen);
        }
        int r = (int)(f->rule - rules);
        cg_severity configured = c->severity[r];
        if (configured != rules[r].severity) f->severity = configured;
        for (size_t k = 0; k < c->nignores && !f->suppressed; k++)
            if (ignored(&c->ignores[k], f)) f->suppressed = c->ignores[k].reason;
        /* rank among findings with the same rule, file, target and text */
        size_t rank = 0;
        size_t klen = strlen(f->rule->id) + strlen(f->target ? f->target : "") +
                      strlen(f->text ? f->text : "") + 3;
        char *k = cgu_arena_alloc(&c->arena, klen);
        if (!k) {
            cgu_map_release(&seen);
            return CG_ENOMEM;
        }
        snprintf(k, klen, "%s\x1f%s\x1f%s", f->rule->id, f->target ? f->target : "",
                 f->text ? f->text : "");
        cgu_map_get(&seen, k, &rank);
        if (cgu_map_put(&seen, k, rank + 1)) {
            cgu_map_release(&seen);
            return CG_ENOMEM;
        }
        char rk[32];
        snprintf(rk, sizeof rk, "%zu", rank);
        uint64_t h = 1469598103934665603ULL;
        h = fnv(f->rule->id, h);
        h = fnv(f->file, h);
        h = fnv(f->target ? f->target : "", h);
        h = fnv(f->text ? f->text : "", h);
        h = fnv(rk, h);
        char fp[17];
        snprintf(fp, sizeof fp, "%016llx", (unsigned long long)h);
        f->fingerprint = dup(c, fp);
        if (!f->fingerprint) {
            cgu_map_release(&seen);
            return CG_ENOMEM;
        }
        f->in_baseline = cgu_map_get(&c->baseline, f->fingerprint, NULL);
    }
    cgu_map_release(&seen);
    return CG_OK;
}

cg_status cgc_add_url_finding(cg_check *c, const char *rule_id, const char *file, size_t offset,
                              const char *message) {
    int r = rule_index(rule_id);
    if (r < 0) return CG_EINVAL;
    for (size_t i = 0; i < c->ndocs; i++) {
        const cdoc *d = &c->docs[i];
        if (strcmp(d->file, file) != 0) continue;
        for (size_t k = 0; k < d->nrefs; k++)
            if (d->refs[k].offset == offset) {
                const cref *x = &d->refs[k];
                return add(c, d, r, x->offset, x->length, x->line, x->col, x->target, x->text,
                           x->line_text, "%s", message);
            }
    }
    return CG_EINVAL;
}

size_t cg_check_count(const cg_check *c) {
    return c->nfindings;
}

const cg_finding *cg_check_finding(const cg_check *c, size_t i) {
    return i < c->nfindings ? &c->findings[i] : NULL;
}
