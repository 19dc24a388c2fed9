/* check.c - the rules of `citegraph check`.
 *
 * The check keeps, per document, its header facts, its questions and its
 * references; catalogs add known documents. cg_check_run() applies every
 * rule to every reference, then the configuration (severities, ignores with
 * reasons) and the baseline, and sorts the findings. A finding's
 * fingerprint hashes the rule, the file (in a DIP record: DIP's id of the
 * record, else the file and the record's number), the target, the reference
 * text and its rank among equal ones, never the line, so it survives lines
 * moving. */
#include <errno.h>
#include <fnmatch.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check_internal.h"
#include "docid/canon.h"
#include "netaddr.h"
#include "online.h"
#include "resolve/quotes.h"
#include "url.h"

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
     "A document can only cite what existed when it was written. A date comes from the "
     "document's DIP record, else from a catalog, else from its header, so that a catalog "
     "corrects a misprinted header; the message says which date was used and where it came "
     "from. Example: an Antwort of 2025-05-09 citing Drucksache 21/1958 of 2025-10-02."},
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
    {"CG007", "ambiguous-reference", CG_SEV_WARNING, "a number the extractor could read two ways",
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
    {"CG010", "duplicate-document", CG_SEV_WARNING, "two inputs with the same document id",
     "Two files (or two DIP records) are the same document by their id: a copy under another "
     "name, a record that two overlapping DIP pages both hold, or a misprinted number in a "
     "header. Both are checked, but references to the id resolve to one of them only, as the "
     "graph keeps one: the copy that came in a DIP record, else the first in path order. The "
     "finding stands at the start of the other's header and names both, the one used first. "
     "Example: btd-21-1958.txt and copy/btd-21-1958.txt."},
    {"CG011", "url-not-fetched", CG_SEV_WARNING,
     "a URL that was not fetched: its address is not public, or the time ran out (--online only)",
     "Documents are untrusted input, so --online connects only to public addresses: a URL "
     "whose host is, or resolves to, a loopback, private, link-local (169.254.169.254 serves "
     "cloud instance metadata), carrier-grade NAT, multicast, documentation or reserved address "
     "is not fetched, nor is one that redirects to such an address or to a host that "
     "--allow-host or --deny-host excludes; the address is checked where the connection is "
     "made. --allow-private, --allow-address or the config's \"online\" key open such addresses "
     "for an intranet. A URL still waiting when the time for all requests (--online-budget) "
     "ran out is reported here too. Example: 'http://169.254.169.254/latest/meta-data/'."},
};

#define NRULES (sizeof rules / sizeof rules[0])

const cg_rule *cg_check_rules(size_t *n) {
    if (n) *n = NRULES;
    return rules;
}

const char *cg_severity_name(cg_severity s) {
    switch (s) {
    case CG_SEV_OFF:
        return "off";
    case CG_SEV_NOTE:
        return "note";
    case CG_SEV_WARNING:
        return "warning";
    case CG_SEV_ERROR:
        return "error";
    }
    return "error";
}

static int rule_index(const char *id) {
    for (size_t i = 0; i < NRULES; i++)
        if (strcmp(rules[i].id, id) == 0 || strcmp(rules[i].name, id) == 0) return (int)i;
    return -1;
}

cg_status cg_check_new(cg_check **out, cg_error *err) {
    cg_check *c = calloc(1, sizeof *c);
    if (!c || cg_catalog_new(&c->catalog, err) != CG_OK) {
        free(c);
        *out = NULL;
        return cgu_oom(err);
    }
    for (size_t i = 0; i < NRULES; i++)
        c->severity[i] = rules[i].severity;
    cg_buf_init(&c->scratch);
    cgu_hash_init(&c->baseline_digest);
    c->fail_on = CG_SEV_ERROR;
    *out = c;
    return CG_OK;
}

void cg_check_free(cg_check *c) {
    if (!c) return;
    if (c->online) cgc_online_release();
    for (size_t i = 0; i < c->ndocs; i++) {
        free(c->docs[i].refs);
        free(c->docs[i].defects);
    }
    free(c->docs);
    cg_catalog_free(c->catalog);
    cg_corpus_free(c->corpus);
    free(c->ignores);
    free(c->findings);
    free(c->input_problems);
    free(c->targets);
    cgu_map_release(&c->baseline);
    cgu_map_release(&c->target_index);
    cg_buf_release(&c->scratch);
    cgc_state_free(c->state);
    cgu_arena_release(&c->arena);
    free(c);
}

static const char *dup(cg_check *c, const char *s) {
    return s ? cgu_arena_strdup(&c->arena, s) : NULL;
}

cg_status cg_check_add_catalog(cg_check *c, const cg_extractor *ex, const char *path,
                               cg_error *err) {
    return cg_catalog_read(c->catalog, ex, path, err);
}

cg_status cg_check_add_catalog_scoped(cg_check *c, const cg_extractor *ex, const char *path,
                                      cg_catalog_scope scope, cg_error *err) {
    return cg_catalog_read_scoped(c->catalog, ex, path, scope, err);
}

const cg_catalog *cg_check_catalog(const cg_check *c) {
    return c->catalog;
}

cg_status cg_check_add_input_problem(cg_check *c, const char *file, size_t record,
                                     cg_severity severity, const char *message, cg_error *err) {
    if (cgu_grow((void **)&c->input_problems, &c->capinput_problems, c->ninput_problems + 1,
                 sizeof *c->input_problems))
        return cgu_oom(err);
    int failed = 0;
    cg_input_problem p = {cgu_arena_dup_or_null(&c->arena, file ? file : "", &failed), record,
                          severity,
                          cgu_arena_dup_or_null(&c->arena, message ? message : "", &failed)};
    if (failed) return cgu_oom(err);
    c->input_problems[c->ninput_problems++] = p;
    return CG_OK;
}

size_t cg_check_input_problems(const cg_check *c, const cg_input_problem **out) {
    *out = c->input_problems;
    return c->ninput_problems;
}

/* The target of a reference, interned: NULL when memory ran out. */
static const ctarget *intern_target(cg_check *c, const cg_docid *id) {
    cg_buf_clear(&c->scratch);
    if (cg_docid_append(id, &c->scratch, NULL) != CG_OK) return NULL;
    size_t i;
    if (cgu_map_get(&c->target_index, c->scratch.data, &i)) return c->targets[i];
    ctarget *t = cgu_arena_alloc(&c->arena, sizeof *t);
    if (t) memset(t, 0, sizeof *t);
    if (!t || cgd_copy(&c->arena, id, &t->id) ||
        !(t->text = cgu_arena_strndup(&c->arena, c->scratch.data, c->scratch.len)) ||
        cgu_grow((void **)&c->targets, &c->captargets, c->ntargets + 1, sizeof *c->targets) ||
        cgu_map_put(&c->target_index, t->text, c->ntargets))
        return NULL;
    c->targets[c->ntargets++] = t;
    return t;
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
    return cgr_quote_span(&q->c->arena, q->in, offset, length);
}

static const char *quote_line(quoter *q, size_t line) {
    if (q->last_text && q->last_line == line) return q->last_text;
    /* copied: the extraction goes when the document has been added */
    const char *t = q->in ? cgr_quote_line(&q->c->arena, q->in, line)
                          : cgu_arena_strdup(&q->c->arena, cgr_quoted_line(q->ext, line));
    q->last_line = line;
    q->last_text = t;
    return t;
}

cg_status cg_check_add_document(cg_check *c, const char *file, const cg_input *input,
                                const cg_extraction *ext, cg_error *err) {
    return cg_check_add_document_keyed(c, file, NULL, input, ext, err);
}

cg_status cg_check_add_document_keyed(cg_check *c, const char *file, const char *key,
                                      const cg_input *input, const cg_extraction *ext,
                                      cg_error *err) {
    if (c->ran) return cgu_error(err, CG_EINVAL, file, 0, 0, "the check has run");
    if (!input && !cgr_quoted(ext))
        return cgu_error(err, CG_EINVAL, file, 0, 0, "neither the document nor its quotes");
    if (input) {
        /* refused before anything is taken, so that the check stays as it was */
        size_t size = cg_input_size(input);
        for (size_t i = 0; i < cg_extraction_count(ext); i++) {
            const cg_reference *r = cg_extraction_reference(ext, i);
            if (r->offset > size || r->length > size - r->offset)
                return cgu_error(err, CG_EINVAL, file, r->line, r->col,
                                 "a reference at byte %zu lies outside the document (%zu bytes)",
                                 r->offset, size);
        }
        const cg_defect *df;
        size_t nd = cg_extraction_defects(ext, &df);
        for (size_t i = 0; i < nd; i++)
            if (df[i].offset > size || df[i].length > size - df[i].offset)
                return cgu_error(err, CG_EINVAL, file, df[i].line, df[i].col,
                                 "a defect at byte %zu lies outside the document (%zu bytes)",
                                 df[i].offset, size);
    }
    const cg_document_info *info = cg_extraction_document(ext);
    /* a kept document that no longer holds is checked anew in its place */
    cdoc *d = cgc_state_replacing(c, file, info->record);
    bool replacing = d != NULL;
    if (!replacing) {
        if (cgu_grow((void **)&c->docs, &c->capdocs, c->ndocs + 1, sizeof *c->docs))
            return cgu_oom(err);
        d = &c->docs[c->ndocs];
    }
    memset(d, 0, sizeof *d);
    quoter q = {c, input, ext, 0, NULL};
    int failed =
        cgd_copy(&c->arena, &info->id, &d->id) || cgd_copy(&c->arena, &info->alias, &d->alias);
    d->file = cgu_arena_dup_or_null(&c->arena, file, &failed);
    d->key = cgu_arena_dup_or_null(&c->arena, key, &failed);
    d->type = cgu_arena_dup_or_null(&c->arena, info->type, &failed);
    d->date = cgu_arena_dup_or_null(&c->arena, info->date, &failed);
    d->title = cgu_arena_dup_or_null(&c->arena, info->title, &failed);
    d->record = info->record;
    d->dip_id = cgu_arena_dup_or_null(&c->arena, info->dip_id, &failed);
    /* an extraction that does not say where a field came from read it from the header */
    d->type_from = info->type_from ? info->type_from : info->type ? CG_META_HEADER : CG_META_NONE;
    d->date_from = info->date_from ? info->date_from : info->date ? CG_META_HEADER : CG_META_NONE;
    d->title_from = info->title_from ? info->title_from
                    : info->title    ? CG_META_HEADER
                                     : CG_META_NONE;
    const cg_question *qs;
    d->nquestions = cg_extraction_questions(ext, &qs);
    if (d->nquestions) {
        cg_question *copy = cgu_arena_alloc(&c->arena, d->nquestions * sizeof *copy);
        if (copy)
            memcpy(copy, qs, d->nquestions * sizeof *copy);
        else
            failed = 1;
        d->questions = copy;
    }
    if (failed) goto oom;
    /* a duplicate's finding points at line 1, where the header starts; a
     * cached extraction quotes it only when a reference stands there */
    if (info->id.kind != CG_KIND_NONE) {
        d->first_line = quote_line(&q, 1);
        if (!d->first_line) d->first_line = "";
    }
    d->nrefs = cg_extraction_count(ext);
    d->refs = calloc(d->nrefs ? d->nrefs : 1, sizeof *d->refs);
    if (!d->refs) goto oom;
    /* counted from here, so that cg_check_free() frees what was taken */
    if (!replacing) c->ndocs++;
    for (size_t i = 0; i < d->nrefs; i++) {
        const cg_reference *r = cg_extraction_reference(ext, i);
        cref *x = &d->refs[i];
        *x = (cref){.answers = r->relation == CG_REL_ANSWERS,
                    .flags = r->flags,
                    .offset = r->offset,
                    .length = r->length,
                    .line = r->line,
                    .col = r->col,
                    .page = r->page,
                    .page_line = r->page_line};
        x->page_label = cgu_arena_dup_or_null(&c->arena, r->page_label, &failed);
        if (!(x->target = intern_target(c, &r->target))) goto oom;
        x->note = cgu_arena_dup_or_null(&c->arena, r->note, &failed);
        x->locator = r->locator;
        x->locator.text = cgu_arena_dup_or_null(&c->arena, r->locator.text, &failed);
        if (r->locator.nquestions) {
            cg_question *copy = cgu_arena_alloc(&c->arena, r->locator.nquestions * sizeof *copy);
            if (copy)
                memcpy(copy, r->locator.questions, r->locator.nquestions * sizeof *copy);
            else
                failed = 1;
            x->locator.questions = copy;
        }
        x->text = input ? quote_span(&q, r->offset, r->length)
                        : cgu_arena_dup_or_null(&c->arena, cgr_ref_text(ext, i), &failed);
        x->line_text = quote_line(&q, r->line);
        if (failed || !x->text || !x->line_text) goto oom;
    }
    const cg_defect *df;
    d->ndefects = cg_extraction_defects(ext, &df);
    if (d->ndefects) {
        d->defects = malloc(d->ndefects * sizeof *d->defects);
        d->defect_text = cgu_arena_alloc(&c->arena, d->ndefects * sizeof *d->defect_text);
        d->defect_line = cgu_arena_alloc(&c->arena, d->ndefects * sizeof *d->defect_line);
        if (!d->defects || !d->defect_text || !d->defect_line) goto oom;
        memcpy(d->defects, df, d->ndefects * sizeof *df);
        for (size_t i = 0; i < d->ndefects; i++) {
            d->defect_text[i] =
                input ? quote_span(&q, df[i].offset, df[i].length)
                      : cgu_arena_dup_or_null(&c->arena, cgr_defect_text(ext, i), &failed);
            d->defect_line[i] = quote_line(&q, df[i].line);
            if (failed || !d->defect_text[i] || !d->defect_line[i]) goto oom;
        }
    }
    return CG_OK;
oom:
    return cgu_oom(err);
}

const char *cg_check_online_problem(const cg_check *c) {
    return c->online_problem[0] ? c->online_problem : NULL;
}

bool cg_check_config_opens_addresses(const cg_check *c) {
    return c->config_allow_private || c->nconfig_addresses;
}

cg_status cg_check_set_online(cg_check *c, const cg_online_options *opts, cg_error *err) {
    /* a range that is none is the caller's mistake: said before anything runs */
    for (size_t i = 0; opts && i < opts->nallow_addresses; i++) {
        cgc_cidr range;
        const char *why = cgc_cidr_parse(opts->allow_addresses[i], &range);
        if (why)
            return cgu_error(err, CG_EINVAL, NULL, 0, 0, "allowed address \"%s\": %s",
                             opts->allow_addresses[i], why);
    }
    if (c->state)
        return cgu_error(err, CG_EINVAL, NULL, 0, 0,
                         "the online check's findings are not kept: no state with it");
    if (!c->online) {
        cg_status st = cgc_online_init(err);
        if (st != CG_OK) return st;
    }
    c->online = true;
    if (opts) c->online_opts = *opts;
    return CG_OK;
}

/* ---- configuration and baseline ---- */

/* The config's "online": {"allow_private": true, "allow_addresses": ["10.1.0.0/16"]}. */
static cg_status load_online_config(cg_check *c, const char *path, json_t *online, cg_error *err) {
    if (!online) return CG_OK;
    const char *key;
    json_t *v;
    if (!json_is_object(online))
        return cgu_error(err, CG_EFORMAT, path, 0, 0,
                         "\"online\" is an object with \"allow_private\" and \"allow_addresses\"");
    json_object_foreach(online, key, v) {
        if (strcmp(key, "allow_private") == 0) {
            if (!json_is_boolean(v))
                return cgu_error(err, CG_EFORMAT, path, 0, 0,
                                 "\"online\": \"allow_private\" is true or false");
            c->config_allow_private = json_is_true(v);
        } else if (strcmp(key, "allow_addresses") == 0) {
            size_t i, n = json_array_size(v);
            json_t *e;
            if (!json_is_array(v))
                return cgu_error(err, CG_EFORMAT, path, 0, 0,
                                 "\"online\": \"allow_addresses\" is a list of address ranges");
            const char **list = cgu_arena_alloc(&c->arena, (n ? n : 1) * sizeof *list);
            if (!list) return cgu_oom(err);
            json_array_foreach(v, i, e) {
                cgc_cidr range;
                const char *text = json_string_value(e);
                const char *why = text ? cgc_cidr_parse(text, &range) : "not a string";
                if (why)
                    return cgu_error(err, CG_EFORMAT, path, 0, 0,
                                     "\"online\": \"allow_addresses\" entry %zu: %s", i + 1, why);
                if (!(list[i] = dup(c, text))) return cgu_oom(err);
            }
            c->config_addresses = list;
            c->nconfig_addresses = n;
        } else {
            return cgu_error(err, CG_EFORMAT, path, 0, 0,
                             "\"online\": unknown key \"%s\" (known: allow_private, "
                             "allow_addresses)",
                             key);
        }
    }
    return CG_OK;
}

/* The JSON of the file at `path`, or NULL with `err` naming the file: that it cannot be
 * opened (CG_EIO, as a catalog says it), or where its JSON breaks (jansson has no line for a
 * file it could not open, and says -1). */
static json_t *load_json_file(const char *path, cg_status *st, cg_error *err) {
    FILE *f = fopen(path, "rb");
    struct stat sb;
    /* a directory opens, and reads as an empty file would */
    int e = !f ? errno : fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode) ? EISDIR : 0;
    if (e) {
        if (f) fclose(f);
        *st = cgu_error(err, CG_EIO, path, 0, 0, "cannot open: %s", strerror(e));
        return NULL;
    }
    json_error_t je;
    json_t *root = json_loadf(f, 0, &je);
    fclose(f);
    if (!root)
        *st = cgu_error(err, CG_EFORMAT, path, je.line > 0 ? (size_t)je.line : 0,
                        je.column > 0 ? (size_t)je.column : 0, "%s", je.text);
    return root;
}

cg_status cg_check_load_config(cg_check *c, const char *path, cg_error *err) {
    cg_status st = CG_OK;
    json_t *root = load_json_file(path, &st, err);
    if (!root) return st;
    if (!json_is_object(root)) {
        st = cgu_error(err, CG_EFORMAT, path, 0, 0,
                       "a config is a JSON object with \"rules\" and \"ignore\"");
        goto out;
    }
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (strcmp(key, "rules") != 0 && strcmp(key, "ignore") != 0 && strcmp(key, "online") != 0) {
            st = cgu_error(err, CG_EFORMAT, path, 0, 0,
                           "unknown key \"%s\" (known: rules, ignore, online)", key);
            goto out;
        }
    }
    if ((st = load_online_config(c, path, json_object_get(root, "online"), err)) != CG_OK) goto out;
    json_t *rs = json_object_get(root, "rules");
    json_t *ig = json_object_get(root, "ignore");
    /* of another shape they would say nothing, and the config look applied */
    if ((rs && !json_is_object(rs)) || (ig && !json_is_array(ig))) {
        st = cgu_error(err, CG_EFORMAT, path, 0, 0,
                       rs && !json_is_object(rs)
                           ? "\"rules\" is an object: {\"CG007\": \"off\", ...}"
                           : "\"ignore\" is a list of entries: [{\"rule\": ..., \"reason\": ...}]");
        goto out;
    }
    json_object_foreach(rs, key, v) {
        int r = rule_index(key);
        const char *sev = json_string_value(v);
        int s = CG_SEV_OFF;
        while (sev && s <= CG_SEV_ERROR && strcmp(sev, cg_severity_name((cg_severity)s)) != 0)
            s++;
        if (!sev || s > CG_SEV_ERROR) r = -2;
        if (r == -1) {
            st = cgu_error(err, CG_EFORMAT, path, 0, 0, "\"rules\": no rule \"%s\"", key);
            goto out;
        }
        if (r == -2) {
            st = cgu_error(err, CG_EFORMAT, path, 0, 0,
                           "\"rules\": \"%s\" takes off, note, warning or error", key);
            goto out;
        }
        c->severity[r] = (cg_severity)s;
    }
    size_t i;
    json_array_foreach(ig, i, v) {
        /* a misspelt or mistyped key would otherwise be no condition, and the entry silence
         * every finding of its rule ("taget") or in every file ("files") */
        if (!json_is_object(v)) {
            st = cgu_error(err, CG_EFORMAT, path, 0, 0,
                           "\"ignore\" entry %zu is not an object with \"rule\", \"target\", "
                           "\"file\" and \"reason\"",
                           i + 1);
            goto out;
        }
        const char *k;
        json_t *kv;
        json_object_foreach(v, k, kv) {
            bool known = strcmp(k, "rule") == 0 || strcmp(k, "target") == 0 ||
                         strcmp(k, "file") == 0 || strcmp(k, "reason") == 0;
            if (!known || !json_is_string(kv)) {
                st = cgu_error(err, CG_EFORMAT, path, 0, 0,
                               known ? "\"ignore\" entry %zu: \"%s\" is not a string"
                                     : "\"ignore\" entry %zu: unknown key \"%s\" (known: rule, "
                                       "target, file, reason)",
                               i + 1, k);
                goto out;
            }
        }
        const char *rule = json_string_value(json_object_get(v, "rule"));
        const char *target = json_string_value(json_object_get(v, "target"));
        const char *file = json_string_value(json_object_get(v, "file"));
        const char *reason = json_string_value(json_object_get(v, "reason"));
        if (!reason || !*reason) {
            st = cgu_error(err, CG_EFORMAT, path, 0, 0,
                           "\"ignore\" entry %zu has no \"reason\": say why it is silenced", i + 1);
            goto out;
        }
        if (!rule && !target && !file) {
            st = cgu_error(err, CG_EFORMAT, path, 0, 0,
                           "\"ignore\" entry %zu names no rule, target or file", i + 1);
            goto out;
        }
        if (rule && rule_index(rule) < 0) {
            st = cgu_error(err, CG_EFORMAT, path, 0, 0, "\"ignore\" entry %zu: no rule \"%s\"",
                           i + 1, rule);
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

size_t cg_check_baseline_count(const cg_check *c) {
    return c->baseline.count;
}

cg_status cg_check_load_baseline(cg_check *c, const char *path, cg_error *err) {
    cg_status loaded = CG_OK;
    json_t *root = load_json_file(path, &loaded, err);
    if (!root) return loaded;
    json_t *fs = json_object_get(root, "findings");
    cg_status st = json_is_array(fs) ? CG_OK
                                     : cgu_error(err, CG_EFORMAT, path, 0, 0,
                                                 "not a citegraph baseline (no \"findings\")");
    size_t i;
    json_t *v;
    json_array_foreach(fs, i, v) {
        const char *fp = json_string_value(json_object_get(v, "fingerprint"));
        if (!fp) continue;
        cgu_hash_bytes(&c->baseline_digest, fp, strlen(fp) + 1); /* what a state is kept for */
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

static cg_status add(cg_check *c, const cdoc *d, int rule, size_t offset, size_t length,
                     size_t line, size_t col, const char *target, const char *text,
                     const char *line_text, const char *fmt, ...) {
    if (cgu_grow((void **)&c->findings, &c->capfindings, c->nfindings + 1, sizeof *c->findings))
        return CG_ENOMEM;
    char msg[1200];
    /* a position inside a DIP record's text says which record it is */
    size_t at = d->record ? cgc_record_name(d->record, d->dip_id, msg, sizeof msg - 2) : 0;
    if (at) {
        memcpy(msg + at, ": ", 3);
        at += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + at, sizeof msg - at, fmt, ap);
    va_end(ap);
    cg_finding *f = &c->findings[c->nfindings];
    memset(f, 0, sizeof *f);
    f->rule = &rules[rule];
    f->severity = rules[rule].severity;
    f->file = d->file;
    f->record = d->record;
    f->dip_id = d->dip_id;
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

/* Gives the finding just added (when `st` says it was) the page of a PDF's
 * reference or defect. */
static cg_status on_page(cg_check *c, cg_status st, size_t page, size_t page_line,
                         const char *label) {
    if (st == CG_OK && page) {
        cg_finding *f = &c->findings[c->nfindings - 1];
        f->page = page;
        f->page_line = page_line;
        f->page_label = label;
    }
    return st;
}

static bool is_document_kind(cg_kind kind) {
    return kind != CG_KIND_URL && kind != CG_KIND_INTERNAL;
}

/* What the rules ask of each target, looked up once the corpus is built:
 * the document it names, whether a catalog lists or covers it, its date
 * and title; a URL's syntax. */
static void describe_targets(cg_check *c) {
    for (size_t i = 0; i < c->ntargets; i++) {
        ctarget *t = c->targets[i];
        if (t->id.kind == CG_KIND_URL) {
            t->url_problem = cgc_url_problem(t->text);
            continue;
        }
        if (!is_document_kind(t->id.kind)) continue;
        size_t k;
        const cdoc *d = cg_corpus_find(c->corpus, &t->id, &k) ? &c->docs[k] : NULL;
        const cg_catalog_entry *e = cg_catalog_find(c->catalog, &t->id);
        t->doc = d;
        t->listed = e != NULL;
        t->covered = !d && !e && cg_catalog_covers(c->catalog, &t->id);
        t->selected = !d && !e && cg_catalog_selects(c->catalog, &t->id);
        t->date = d && d->date ? d->date : e ? e->date : NULL;
        t->date_from = d && d->date ? d->date_from : e && e->date ? CG_META_CATALOG : CG_META_NONE;
        t->title = d && d->title ? d->title : e ? e->title : NULL;
    }
}

/* A catalog's type, date and title of a document of the corpus outweigh
 * its header's (misprinted dates are common: a header of 2026 for a paper of
 * 2025); what the document's own DIP record says outweighs the catalog. */
static void apply_catalog(cg_check *c) {
    for (size_t i = 0; i < c->ndocs; i++) {
        cdoc *d = &c->docs[i];
        const cg_catalog_entry *e =
            d->id.kind != CG_KIND_NONE ? cg_catalog_find(c->catalog, &d->id) : NULL;
        if (!e) continue;
#define TAKE(field)                                                                                \
    if (e->field && d->field##_from != CG_META_DIP) {                                              \
        d->field = e->field;                                                                       \
        d->field##_from = CG_META_CATALOG;                                                         \
    }
        TAKE(type)
        TAKE(date)
        TAKE(title)
#undef TAKE
    }
}

/* "from the catalog", as CG004's message says where a date came from. */
static const char *date_source(cg_meta_source from) {
    switch (from) {
    case CG_META_DIP:
        return "from its DIP record";
    case CG_META_CATALOG:
        return "from the catalog";
    case CG_META_HEADER:
    case CG_META_NONE:
        break;
    }
    return "from its header";
}

/* "fixture/a.txt" or "pages.json (record 3)", as CG010 names an input. */
static void input_name(const cdoc *d, char *out, size_t cap) {
    if (d->record)
        snprintf(out, cap, "%s (record %zu)", d->file, d->record);
    else
        snprintf(out, cap, "%s", d->file);
}

/* Rule CG010: a document whose own id another one has. The corpus index
 * keeps the copy that came in a DIP record, else the first in path order
 * (cg_check_run() registers them so), as the graph does; a reference
 * resolves to it. */
static cg_status check_duplicates(cg_check *c) {
    cg_status st = CG_OK;
    for (size_t i = 0; st == CG_OK && i < c->ndocs; i++) {
        const cdoc *d = &c->docs[i];
        size_t k;
        if (d->kept) continue; /* its findings are kept */
        if (d->id.kind == CG_KIND_NONE || !cg_corpus_find(c->corpus, &d->id, &k) || k == i ||
            !cg_docid_equal(&c->docs[k].id, &d->id))
            continue;
        const ctarget *t = intern_target(c, &d->id);
        if (!t) return CG_ENOMEM;
        char first[600], second[600];
        input_name(&c->docs[k], first, sizeof first);
        input_name(d, second, sizeof second);
        st = add(c, d, 9, 0, 0, 1, 1, t->text, NULL, d->first_line,
                 "%s is the id of two inputs, %s and %s; references resolve to %s (%s)", t->text,
                 first, second, first,
                 c->docs[k].record && !d->record ? "its DIP record" : "the first in path order");
    }
    return st;
}

/* Whether the document can have question q. The text layer of a PDF
 * sometimes loses a question, so only what lies beyond the last question
 * (or beyond the last sub-question of a question that has them) counts as
 * missing. */
static bool has_question(const cdoc *d, const cg_question *q) {
    unsigned max = 0;
    char max_sub = 0;
    for (size_t i = 0; i < d->nquestions; i++) {
        const cg_question *x = &d->questions[i];
        if (x->number > max) max = x->number;
        if (x->number == q->number && x->sub > max_sub) max_sub = x->sub;
    }
    if (q->number > max || q->number < 1) return false;
    return !q->sub || !max_sub || q->sub <= max_sub;
}

/* The last question without a sub-question, for messages ("12"). */
static cg_question last_question(const cdoc *d) {
    cg_question best = {0, 0};
    for (size_t i = 0; i < d->nquestions; i++)
        if (!d->questions[i].sub && d->questions[i].number >= best.number) best = d->questions[i];
    return best;
}

/* Titles compare without case, spaces, punctuation and line-end hyphens; one
 * may be cut short. */
static void fold_title(const char *s, char *out, size_t cap) {
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80)
            out[n++] = (char)ch;
        else if (ch >= 'A' && ch <= 'Z')
            out[n++] = (char)(ch + 32);
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

/* "3a" and "12", as messages quote them. */
typedef struct question_text {
    char q[24], last[24];
} question_text;

static question_text question_texts(const cg_question *q, const cdoc *d) {
    question_text t;
    cg_question last = last_question(d);
    cg_question_format(q, t.q, sizeof t.q);
    if (last.number)
        cg_question_format(&last, t.last, sizeof t.last);
    else
        t.last[0] = '\0';
    return t;
}

static cg_status check_document(cg_check *c, const cdoc *d) {
    cg_status st = CG_OK;
    unsigned own_wp = d->id.kind == CG_KIND_BT_DRUCKSACHE ? d->id.period : 0;
    for (size_t i = 0; st == CG_OK && i < d->ndefects; i++) {
        const cg_defect *df = &d->defects[i];
        st =
            on_page(c,
                    add(c, d, 1, df->offset, df->length, df->line, df->col, NULL, d->defect_text[i],
                        d->defect_line[i], "'%s' has no number", d->defect_text[i]),
                    df->page, df->page_line, NULL);
    }
    for (size_t i = 0; st == CG_OK && i < d->nrefs; i++) {
        const cref *r = &d->refs[i];
        const ctarget *target = r->target;
        const cg_docid *id = &target->id;
        const char *t = target->text;
#define ADD(rule, ...)                                                                             \
    on_page(c,                                                                                     \
            add(c, d, rule, r->offset, r->length, r->line, r->col, t, r->text, r->line_text,       \
                __VA_ARGS__),                                                                      \
            r->page, r->page_line, r->page_label)
        if (id->kind == CG_KIND_URL) {
            const char *why = target->url_problem;
            if (why) st = ADD(7, "invalid URL %s: %s", t, why);
            continue;
        }
        if (r->flags & CG_REF_MALFORMED) {
            st = ADD(1, "%s is malformed: %s", t, r->note ? r->note : "not a valid number");
            continue;
        }
        if (r->flags & CG_REF_AMBIGUOUS && (st = ADD(6, "%s is ambiguous: %s", t, r->note))) break;
        /* questions of an Anfrage; written and oral questions are numbered elsewhere */
        const cg_question *qs = r->locator.questions;
        size_t nq = r->locator.series == CG_SERIES_ANFRAGE ? r->locator.nquestions : 0;
        if (id->kind == CG_KIND_INTERNAL) {
            /* only an Antwort answers its own questions; "Antwort zu Frage 4" in a
             * Kleine Anfrage is about some earlier answer */
            bool answers_own = !d->type || strcmp(d->type, "Antwort") == 0;
            for (size_t k = 0; st == CG_OK && answers_own && k < nq && d->nquestions; k++)
                if (!has_question(d, &qs[k])) {
                    question_text q = question_texts(&qs[k], d);
                    st = ADD(2, "this document has no question %s (its last is %s)", q.q, q.last);
                }
            continue;
        }
        if (!is_document_kind(id->kind)) continue;
        if (cg_docid_equal(id, &d->id)) {
            st = ADD(5, "%s cites itself", t);
            continue;
        }
        const cdoc *cited = target->doc;
        if (!cited && !target->listed) {
            bool covered = target->covered;
            st = ADD(0, "%s is neither in the corpus nor in %s", t,
                     covered            ? "the catalog, which covers it"
                     : target->selected ? "the catalog, which is only a selection"
                                        : "a catalog");
            if (st == CG_OK && covered) c->findings[c->nfindings - 1].severity = CG_SEV_ERROR;
            continue;
        }
        for (size_t k = 0; st == CG_OK && cited && cited->nquestions && k < nq; k++)
            if (!has_question(cited, &qs[k])) {
                question_text q = question_texts(&qs[k], cited);
                st = ADD(2, "%s has no question %s (its last is %s)", t, q.q, q.last);
            }
        const char *their = target->date;
        unsigned wp = cg_docid_issuer(id) == CG_ISSUER_BT ? cg_docid_wahlperiode(id) : 0;
        if (st == CG_OK && d->date && their && strcmp(their, d->date) > 0)
            st = ADD(3, "%s is dated %s (%s), after this document's date %s (%s)", t, their,
                     date_source(target->date_from), d->date, date_source(d->date_from));
        else if (st == CG_OK && own_wp && wp > own_wp)
            st = ADD(3, "%s is of the %u. Wahlperiode, after this document's %u.", t, wp, own_wp);
        if (st == CG_OK && r->answers && d->title) {
            const char *other = target->title;
            if (cited && other && !titles_agree(d->title, other))
                st = ADD(4, "%s, the Anfrage this Antwort answers, is titled '%s', not '%s'", t,
                         other, d->title);
        }
#undef ADD
    }
    return st;
}

/* ---- running ---- */

size_t cgc_record_name(size_t record, const char *dip_id, char *out, size_t cap) {
    int n = snprintf(out, cap, "record %zu (DIP id %s)", record, dip_id ? dip_id : "unknown");
    if (n < 0 || (size_t)n >= cap) {
        if (cap) out[0] = '\0';
        return 0;
    }
    return (size_t)n;
}

/* By file, then record: the positions of a DIP record are in its own text,
 * so offsets of two records of one file do not compare. */
static int cmp_finding(const void *a, const void *b) {
    const cg_finding *x = a, *y = b;
    int k = strcmp(x->file, y->file);
    if (k) return k;
    if (x->record != y->record) return x->record < y->record ? -1 : 1;
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

static cg_status finish(cg_check *c, size_t nfresh);

/* Rule CG009: every URL fetched once, every reference to one that does not
 * answer well a finding. */
static cg_status check_online(cg_check *c, cg_error *err) {
    /* each distinct URL once, in the order the corpus first cites it: the
     * order its targets were interned in */
    const char **urls = malloc((c->ntargets ? c->ntargets : 1) * sizeof *urls);
    cgc_url_result *rs = calloc(c->ntargets ? c->ntargets : 1, sizeof *rs);
    if (!urls || !rs) {
        free(urls);
        free(rs);
        return cgu_oom(err);
    }
    size_t nurls = 0;
    for (size_t i = 0; i < c->ntargets; i++)
        if (c->targets[i]->id.kind == CG_KIND_URL) {
            c->targets[i]->url = nurls;
            urls[nurls++] = c->targets[i]->text;
        }
    /* the config's addresses join the caller's */
    cg_online_options o = c->online_opts;
    const char **ranges = malloc((o.nallow_addresses + c->nconfig_addresses + 1) * sizeof *ranges);
    if (!ranges) {
        free(urls);
        free(rs);
        return cgu_oom(err);
    }
    for (size_t i = 0; i < o.nallow_addresses; i++)
        ranges[i] = o.allow_addresses[i];
    for (size_t i = 0; i < c->nconfig_addresses; i++)
        ranges[o.nallow_addresses + i] = c->config_addresses[i];
    o.allow_addresses = ranges;
    o.nallow_addresses += c->nconfig_addresses;
    o.allow_private = o.allow_private || c->config_allow_private;
    cg_status st =
        cgc_fetch_urls(&o, urls, nurls, rs, c->online_problem, sizeof c->online_problem, err);
    free(ranges);
    for (size_t d = 0; st == CG_OK && d < c->ndocs; d++) {
        const cdoc *doc = &c->docs[d];
        for (size_t k = 0; st == CG_OK && k < doc->nrefs; k++) {
            const cref *x = &doc->refs[k];
            if (x->target->id.kind != CG_KIND_URL) continue;
            const cgc_url_result *r = &rs[x->target->url];
            if (r->skipped || (r->status >= 200 && r->status < 400)) continue;
            if (r->not_fetched)
                st =
                    add(c, doc, 10, x->offset, x->length, x->line, x->col, x->target->text, x->text,
                        x->line_text, "%s was not fetched: %s", x->target->text, r->message);
            else if (r->answered)
                st = add(c, doc, 8, x->offset, x->length, x->line, x->col, x->target->text, x->text,
                         x->line_text, "%s answers, but %s", x->target->text, r->message);
            else if (r->status)
                st = add(c, doc, 8, x->offset, x->length, x->line, x->col, x->target->text, x->text,
                         x->line_text, "%s answers %ld", x->target->text, r->status);
            else
                st = add(c, doc, 8, x->offset, x->length, x->line, x->col, x->target->text, x->text,
                         x->line_text, "%s does not answer: %s", x->target->text, r->message);
            st = on_page(c, st, x->page, x->page_line, x->page_label);
            if (st != CG_OK) cgu_oom(err);
        }
    }
    free(urls);
    free(rs);
    return st;
}

cg_status cg_check_run(cg_check *c, cg_error *err) {
    if (c->ran) return cgu_error(err, CG_EINVAL, NULL, 0, 0, "the check has run");
    c->ran = true;
    /* again after CG_ESTALE: from the documents as they are now */
    cg_corpus_free(c->corpus);
    c->corpus = NULL;
    c->nfindings = 0;
    cg_status st = cg_corpus_new(&c->corpus, err);
    /* the first to claim an id keeps it: DIP records first, then the rest,
     * each in path order */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; st == CG_OK && i < c->ndocs; i++)
            if ((c->docs[i].record > 0) == (pass == 0))
                st = cg_corpus_add(c->corpus, &c->docs[i].id, &c->docs[i].alias, i, err);
    if (st == CG_OK) apply_catalog(c);
    if (st == CG_OK && c->state) {
        size_t stale = cgc_state_find_stale(c);
        if (stale == (size_t)-1) return cgu_oom(err);
        if (stale) {
            c->ran = false; /* for the stale documents to be added again */
            return cgu_error(err, CG_ESTALE, NULL, 0, 0,
                             "%zu kept document%s cite%s documents that changed", stale,
                             stale == 1 ? "" : "s", stale == 1 ? "s" : "");
        }
    }
    if (st == CG_OK) {
        describe_targets(c);
        if ((st = check_duplicates(c)) != CG_OK) cgu_oom(err);
    }
    for (size_t i = 0; st == CG_OK && i < c->ndocs; i++)
        if (!c->docs[i].kept && (st = check_document(c, &c->docs[i])) != CG_OK) cgu_oom(err);
    if (st == CG_OK && c->online) st = check_online(c, err);
    size_t nfresh = c->nfindings;
    if (st == CG_OK && c->state) st = cgc_state_add_findings(c, err);
    if (st == CG_ESTALE) {
        c->ran = false; /* for the kept documents to be added anew */
        return st;
    }
    if (st == CG_OK && (st = finish(c, nfresh)) != CG_OK) cgu_oom(err);
    return st;
}

/* Severity, ignores, fingerprints, baseline: after every finding is in. */
/* Sorts the findings. Kept ones (a state's) come after the others, in the
 * order of their documents, usually sorted already: then only the few
 * others are sorted and put in their places, not 300,000 compared again. */
static void sort_findings(cg_check *c, size_t nfresh) {
    size_t n = c->nfindings;
    cg_finding *f = c->findings;
    bool kept_sorted = nfresh <= 64;
    for (size_t i = nfresh + 1; kept_sorted && i < n; i++)
        kept_sorted = cmp_finding(&f[i - 1], &f[i]) <= 0;
    if (!kept_sorted) {
        if (n) qsort(f, n, sizeof *f, cmp_finding);
        return;
    }
    if (nfresh) qsort(f, nfresh, sizeof *f, cmp_finding);
    /* each fresh one, last first, moved to where it goes among the kept */
    for (size_t k = nfresh; k-- > 0;) {
        cg_finding x = f[k];
        size_t lo = k + 1, hi = n; /* the kept, and the fresh ones placed */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (cmp_finding(&f[mid], &x) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        memmove(&f[k], &f[k + 1], (lo - k - 1) * sizeof *f);
        f[lo - 1] = x;
    }
}

static cg_status finish(cg_check *c, size_t nfresh) {
    sort_findings(c, nfresh);
    cgu_map seen = {0}; /* "rule target text" -> how many so far in this file */
    for (size_t i = 0; i < c->nfindings; i++) {
        cg_finding *f = &c->findings[i];
        if (f->fingerprint) continue; /* kept: finished by the run that kept it */
        if (i && strcmp(c->findings[i - 1].file, f->file) != 0) { /* sorted by file */
            cgu_map_release(&seen);
            memset(&seen, 0, sizeof seen);
        }
        int r = (int)(f->rule - rules);
        cg_severity configured = c->severity[r];
        if (configured != rules[r].severity) f->severity = configured;
        for (size_t k = 0; k < c->nignores && !f->suppressed; k++)
            if (ignored(&c->ignores[k], f)) f->suppressed = c->ignores[k].reason;
        /* rank among findings with the same rule, file, record, target and
         * text: in a DIP record, counted in that record alone, so that
         * records in another order keep their ranks */
        size_t rank = 0;
        size_t klen = strlen(f->rule->id) + strlen(f->target ? f->target : "") +
                      strlen(f->text ? f->text : "") + 4 /* separators, NUL */ +
                      20 /* the record's number */;
        char *k = cgu_arena_alloc(&c->arena, klen);
        if (!k) {
            cgu_map_release(&seen);
            return CG_ENOMEM;
        }
        snprintf(k, klen, "%s\x1f%zu\x1f%s\x1f%s", f->rule->id, f->record,
                 f->target ? f->target : "", f->text ? f->text : "");
        cgu_map_get(&seen, k, &rank);
        if (cgu_map_put(&seen, k, rank + 1)) {
            cgu_map_release(&seen);
            return CG_ENOMEM;
        }
        char rk[32];
        snprintf(rk, sizeof rk, "%zu", rank);
        uint64_t h = 1469598103934665603ULL;
        h = fnv(f->rule->id, h);
        if (f->record && f->dip_id) {
            /* DIP's id names the record wherever it lies: pages downloaded
             * again in another order keep their fingerprints */
            h = fnv("DIP", h);
            h = fnv(f->dip_id, h);
        } else if (f->record) {
            char rec[32];
            snprintf(rec, sizeof rec, "record %zu", f->record);
            h = fnv(f->file, h);
            h = fnv(rec, h);
        } else {
            h = fnv(f->file, h);
        }
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

size_t cg_check_count(const cg_check *c) {
    return c->nfindings;
}

const cg_finding *cg_check_finding(const cg_check *c, size_t i) {
    return i < c->nfindings ? &c->findings[i] : NULL;
}
