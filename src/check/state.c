/* state.c - findings kept between runs (citegraph/check.h,
 * cg_check_open_state).
 *
 * The state file holds every document of the run that wrote it: its file
 * and record, the key of its bytes, its facts (id, alias, type, date, title,
 * questions: what other documents' findings depend on), the ids of the
 * documents it cites, and its findings as they were finished (severity,
 * suppression, fingerprint, baseline), with the bytes each report format
 * wrote for each. A document the next run finds with the same file name
 * and key takes its findings from here, and its extraction is not read.
 *
 * A document's findings depend on its extraction (the key), on the
 * catalogs, config, baseline and fail-on level (the state's configuration
 * key: a state of another configuration is not used), and on the facts of
 * the documents it cites and of those that claim its id. So before the
 * rules run, the facts of each document checked anew are compared with
 * what the state says of the same file and record; the ids of documents
 * that changed, came or went are stale, and so is every kept document that
 * cites one or has one as its own: cg_check_run() says CG_ESTALE, and the
 * caller adds those again with their extractions.
 *
 * The file is read through a read-only mapping and never copied: a state of
 * 100,000 documents is hundreds of MB, and fresh memory is what such a run
 * would spend its time on. So every field ends with a NUL byte, and the
 * strings of kept findings point into the mapping. Each document is one
 * block with its own checksum, so that the next state copies the blocks of
 * kept documents as they are (copy_file_range) and writes only the others.
 *
 *   citegraph-check-state 2 CONFIG\n
 *   SLOTS NDOCS\n                   SLOTS: a bit per report format kept
 *   per document: B LEN CHECKSUM\n and LEN bytes:
 *       file record key dip_id id alias type date title type_from date_from
 *       title_from first_line questions ndeps nfindings, its deps (id keys),
 *       then per finding: rule severity+1 in_baseline line col page page_line
 *       offset length page_label message target text source_line
 *       fingerprint suppressed, and its bytes in each slot kept (~: none)
 *   end\n
 * (fields as io/fields.h writes them, each followed by a NUL byte). */
/* copy_file_range() */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_internal.h"
#include "citegraph/version.h"
#include "io/fields.h"
#include "resolve/catalog_digest.h"
#include "resolve/idkey.h"

#define STATE_MAGIC "citegraph-check-state 2 "
/* A file's name and a record's number: a path is at most PATH_MAX */
#define NAME_BUF (4096 + 32)

/* A finding's bytes in a slot, written in this run. */
typedef struct cfrag {
    size_t at, len; /* in recorded[slot] */
    bool recorded;
} cfrag;

typedef struct cgc_state {
    char *path;
    char config[33];
    char problem[256];
    /* the file of the last run, mapped */
    int fd;
    const char *map;
    size_t maplen;
    unsigned slots; /* the slots its findings carry bytes for */
    cgu_arena arena;
    kdoc *docs;
    size_t ndocs;
    cgu_map by_name; /* file, or "file\x1fRECORD" -> index in docs */
    /* this run */
    cfrag *frags[CGC_SLOTS]; /* per finding of the check, once one is recorded */
    cg_buf recorded[CGC_SLOTS];
    unsigned written;   /* the slots written */
    const char **stale; /* cg_check_stale() */
    size_t nstale, capstale;
} cgc_state;

/* Forgets the file of the last run: nothing of it is used. */
static void drop_file(cgc_state *s) {
    if (s->map) munmap((void *)s->map, s->maplen);
    if (s->fd >= 0) close(s->fd);
    s->fd = -1;
    s->map = NULL;
    s->maplen = 0;
    s->slots = 0;
    free(s->docs);
    s->docs = NULL;
    s->ndocs = 0;
    cgu_map_release(&s->by_name);
    memset(&s->by_name, 0, sizeof s->by_name);
}

void cgc_state_free(cgc_state *s) {
    if (!s) return;
    drop_file(s);
    free(s->path);
    free(s->stale);
    for (int k = 0; k < CGC_SLOTS; k++) {
        free(s->frags[k]);
        cg_buf_release(&s->recorded[k]);
    }
    cgu_arena_release(&s->arena);
    free(s);
}

int cgc_slot(cg_check_format format, bool source) {
    return format == CG_CHECK_TEXT && source ? CGC_SLOT_TEXT_SOURCE : (int)format;
}

/* The name a document is found by: its file, and the record of a DIP
 * record ("file\x1f3"), in `buf` or (a: not NULL) in the arena; NULL when
 * it does not fit or memory ran out. */
static const char *doc_name(cgu_arena *a, const char *file, size_t record, char *buf, size_t cap) {
    if (!record) return file;
    int n = snprintf(buf, cap, "%s\x1f%zu", file, record);
    if (n < 0 || (size_t)n >= cap) return NULL;
    return a ? cgu_arena_strdup(a, buf) : buf;
}

/* What the configuration of this check makes of every finding: the
 * version, catalogs, grammar, rules' severities, ignores, baseline and
 * fail-on level. */
static void config_key(const cg_check *c, char out[33]) {
    cgu_hash h;
    char part[33];
    cgu_hash_init(&h);
    cgu_hash_bytes(&h, STATE_MAGIC CG_VERSION_STRING, strlen(STATE_MAGIC CG_VERSION_STRING));
    cgr_catalog_digest(c->catalog, part);
    cgu_hash_bytes(&h, part, 32);
    cgu_hash_bytes(&h, c->severity, sizeof c->severity);
    cgu_hash_bytes(&h, &c->fail_on, sizeof c->fail_on);
    for (size_t i = 0; i < c->nignores; i++) {
        const cignore *ig = &c->ignores[i];
        const char *fields[4] = {ig->rule, ig->target, ig->file, ig->reason};
        for (int k = 0; k < 4; k++)
            cgu_hash_bytes(&h, fields[k] ? fields[k] : "\x01",
                           fields[k] ? strlen(fields[k]) + 1 : 1);
    }
    cgu_hash_hex(&c->baseline_digest, part);
    cgu_hash_bytes(&h, part, 32);
    cgu_hash_hex(&h, out);
}

/* ---- reading ---- */

static int get_source(cgio_reader *r, cg_meta_source *v) {
    size_t n;
    if (cgio_get_num(r, &n) || n > CG_META_CATALOG) return -1;
    *v = (cg_meta_source)n;
    return 0;
}

/* A document's facts and deps; r then stands at its findings. */
static const char *read_doc(cgio_reader *r, kdoc *d) {
    if (cgio_get_str(r, &d->file, 0) || cgio_get_num(r, &d->record) ||
        cgio_get_str(r, &d->key, 1) || cgio_get_str(r, &d->dip_id, 1) || cgio_get_id(r, &d->id) ||
        cgio_get_id(r, &d->alias) || cgio_get_str(r, &d->type, 1) || cgio_get_str(r, &d->date, 1) ||
        cgio_get_str(r, &d->title, 1) || get_source(r, &d->type_from) ||
        get_source(r, &d->date_from) || get_source(r, &d->title_from) ||
        cgio_get_str(r, &d->first_line, 1) ||
        cgio_get_questions(r, &d->questions, &d->nquestions) || cgio_get_num(r, &d->ndeps) ||
        cgio_get_num(r, &d->nfindings))
        return r->oom ? "out of memory" : "bad document";
    if (d->key && strlen(d->key) != 32) return "bad key";
    size_t left = (size_t)(r->end - r->p);
    if (d->ndeps > left || d->nfindings > left) return "counts beyond the block";
    d->deps = cgu_arena_alloc(r->arena, (d->ndeps + 1) * sizeof *d->deps);
    if (!d->deps) {
        r->oom = 1;
        return "out of memory";
    }
    for (size_t k = 0; k < d->ndeps; k++)
        if (cgio_get_str(r, &d->deps[k], 0)) return "bad id key";
    return NULL;
}

/* One finding of document d, and its bytes skipped over. */
static const char *read_finding(cgio_reader *r, cg_finding *f, const kdoc *d, unsigned slots) {
    size_t nrules, rule, severity, baseline;
    const cg_rule *rules = cg_check_rules(&nrules);
    memset(f, 0, sizeof *f);
    if (cgio_get_num(r, &rule) || rule >= nrules || cgio_get_num(r, &severity) ||
        severity > CG_SEV_ERROR + 1 || cgio_get_num(r, &baseline) || baseline > 1 ||
        cgio_get_num(r, &f->line) || cgio_get_num(r, &f->col) || cgio_get_num(r, &f->page) ||
        cgio_get_num(r, &f->page_line) || cgio_get_num(r, &f->offset) ||
        cgio_get_num(r, &f->length) || cgio_get_str(r, &f->page_label, 1) ||
        cgio_get_str(r, &f->message, 0) || cgio_get_str(r, &f->target, 1) ||
        cgio_get_str(r, &f->text, 1) || cgio_get_str(r, &f->source_line, 0) ||
        cgio_get_str(r, &f->fingerprint, 0) || cgio_get_str(r, &f->suppressed, 1) ||
        strlen(f->fingerprint) != 16)
        return "bad finding";
    for (int k = 0; k < CGC_SLOTS; k++) {
        const char *bytes;
        size_t len;
        if ((slots & (1u << k)) && cgio_get_bytes(r, &bytes, &len, 1)) return "bad report bytes";
    }
    f->rule = &rules[rule];
    f->severity = (cg_severity)((int)severity - 1); /* written +1: off is -1 */
    f->in_baseline = baseline == 1;
    f->file = d->file;
    f->record = d->record;
    f->dip_id = d->dip_id;
    return NULL;
}

/* A number at *p ended by `sep`. */
static int get_plain(const char **p, const char *end, size_t *v, char sep) {
    cgio_reader r = {*p, end, false, NULL, 0};
    if (cgio_get_num(&r, v) || r.p[-1] != sep) return -1;
    *p = r.p;
    return 0;
}

/* Reads the mapped file after its first line; NULL, or what is wrong. */
static const char *parse(cgc_state *s) {
    const char *p = s->map + strlen(STATE_MAGIC) + 33, *end = s->map + s->maplen;
    size_t slots;
    if (get_plain(&p, end, &slots, ' ') || slots >= 1u << CGC_SLOTS ||
        get_plain(&p, end, &s->ndocs, '\n'))
        return "bad counts";
    s->slots = (unsigned)slots;
    if (s->ndocs > (size_t)(end - p) / 40) return "more documents than bytes";
    s->docs = calloc(s->ndocs + 1, sizeof *s->docs);
    if (!s->docs) return "out of memory";
    for (size_t i = 0; i < s->ndocs; i++) {
        kdoc *d = &s->docs[i];
        d->block = p;
        size_t len;
        char sum[33];
        if (end - p < 38 || memcmp(p, "B ", 2) != 0) return "bad block";
        p += 2;
        if (get_plain(&p, end, &len, ' ') || end - p < 33 || p[32] != '\n' ||
            len > (size_t)(end - p) - 33)
            return "bad block";
        cgu_checksum_wide(p + 33, len, sum);
        if (memcmp(p, sum, 32) != 0) return "checksum does not match";
        p += 33;
        cgio_reader r = {p, p + len, true, &s->arena, 0};
        const char *why = read_doc(&r, d);
        if (why) return why;
        /* its findings are read when they are used (cgc_state_add_findings):
         * reading 300,000 of them twice is a good part of a re-run */
        d->findings = r.p;
        d->end = p + len;
        p = d->end;
        char buf[NAME_BUF];
        const char *name = doc_name(&s->arena, d->file, d->record, buf, sizeof buf);
        if (!name) return "a file name too long";
        size_t twice;
        if (cgu_map_get(&s->by_name, name, &twice)) /* a file given twice: kept by neither */
            s->docs[twice].key = d->key = NULL;
        if (cgu_map_put(&s->by_name, name, i)) return "out of memory";
    }
    if (end - p != 4 || memcmp(p, "end\n", 4) != 0) return "no proper end";
    return NULL;
}

cg_status cg_check_open_state(cg_check *c, const char *path, cg_error *err) {
    if (c->state || c->ndocs || c->ran || c->online)
        return cgu_error(err, CG_EINVAL, path, 0, 0,
                         c->online ? "the online check's findings are not kept"
                                   : "a state is opened once, before documents are added");
    cgc_state *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return cgu_oom(err);
    }
    s->fd = -1;
    for (int k = 0; k < CGC_SLOTS; k++)
        cg_buf_init(&s->recorded[k]);
    c->state = s;
    config_key(c, s->config);
    struct stat st;
    s->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (s->fd < 0) {
        if (errno != ENOENT)
            snprintf(s->problem, sizeof s->problem, "cannot read: %s", strerror(errno));
        return CG_OK;
    }
    size_t ml = strlen(STATE_MAGIC);
    const char *why = NULL;
    if (fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)ml + 33) {
        why = "not a citegraph check state";
    } else {
        s->maplen = (size_t)st.st_size;
        void *m = mmap(NULL, s->maplen, PROT_READ, MAP_PRIVATE | MAP_POPULATE, s->fd, 0);
        s->map = m == MAP_FAILED ? NULL : m;
        if (!s->map)
            why = "cannot be mapped";
        else if (memcmp(s->map, STATE_MAGIC, ml) != 0)
            why = "not a citegraph check state";
        else if (memcmp(s->map + ml, s->config, 32) != 0 || s->map[ml + 32] != '\n')
            why = ""; /* of another configuration or version: not used, and no problem */
        else
            why = parse(s);
    }
    if (why && strcmp(why, "out of memory") == 0) return cgu_oom(err);
    if (why) {
        snprintf(s->problem, sizeof s->problem, "%s", why);
        drop_file(s);
    }
    return CG_OK;
}

const char *cg_check_state_problem(const cg_check *c) {
    return c->state ? c->state->problem : "";
}

static kdoc *find_doc(const cgc_state *s, const char *file, size_t record) {
    char buf[NAME_BUF];
    const char *name = doc_name(NULL, file, record, buf, sizeof buf);
    size_t i;
    return name && cgu_map_get(&s->by_name, name, &i) ? &s->docs[i] : NULL;
}

bool cg_check_keeps(const cg_check *c, const char *file, const char *key) {
    const kdoc *d = c->state && key ? find_doc(c->state, file, 0) : NULL;
    return d && d->key && strcmp(d->key, key) == 0;
}

cg_status cg_check_add_kept(cg_check *c, const char *file, const char *key, cg_error *err) {
    if (c->ran) return cgu_error(err, CG_EINVAL, file, 0, 0, "the check has run");
    kdoc *k = cg_check_keeps(c, file, key) ? find_doc(c->state, file, 0) : NULL;
    if (!k || k->doc) return cgu_error(err, CG_EINVAL, file, 0, 0, "not kept by the state");
    if (cgu_grow((void **)&c->docs, &c->capdocs, c->ndocs + 1, sizeof *c->docs))
        return cgu_oom(err);
    cdoc *d = &c->docs[c->ndocs];
    *d = (cdoc){.file = k->file,
                .key = k->key,
                .kept = k,
                .id = k->id,
                .alias = k->alias,
                .type = k->type,
                .date = k->date,
                .title = k->title,
                .type_from = k->type_from,
                .date_from = k->date_from,
                .title_from = k->title_from,
                .first_line = k->first_line,
                .questions = k->questions,
                .nquestions = k->nquestions};
    k->doc = ++c->ndocs;
    return CG_OK;
}

cdoc *cgc_state_replacing(cg_check *c, const char *file, size_t record) {
    kdoc *k = c->state && !record ? find_doc(c->state, file, 0) : NULL;
    return k && k->stale && k->doc && c->docs[k->doc - 1].kept == k ? &c->docs[k->doc - 1] : NULL;
}

size_t cg_check_stale(const cg_check *c, const char *const **files) {
    *files = c->state ? c->state->stale : NULL;
    return c->state ? c->state->nstale : 0;
}
/* ---- which kept documents still hold ---- */

static int str_differs(const char *a, const char *b) {
    return a != b && (!a || !b || strcmp(a, b) != 0);
}

static int id_differs(const cg_docid *a, const cg_docid *b) {
    char x[CGR_ID_KEY], y[CGR_ID_KEY];
    cgr_id_key(a, x);
    cgr_id_key(b, y);
    return strcmp(x, y) != 0;
}

/* Field by field: a cg_question has padding, which memcmp would compare. */
static bool same_questions(const cdoc *d, const kdoc *k) {
    if (d->nquestions != k->nquestions) return false;
    for (size_t i = 0; i < d->nquestions; i++)
        if (d->questions[i].number != k->questions[i].number ||
            d->questions[i].sub != k->questions[i].sub)
            return false;
    return true;
}

/* Whether a document checked anew says of itself what the state says of
 * it: all that other documents' findings take from it. */
static bool same_facts(const cdoc *d, const kdoc *k) {
    return !id_differs(&d->id, &k->id) && !id_differs(&d->alias, &k->alias) &&
           !str_differs(d->type, k->type) && !str_differs(d->date, k->date) &&
           !str_differs(d->title, k->title) && d->type_from == k->type_from &&
           d->date_from == k->date_from && d->title_from == k->title_from &&
           !str_differs(d->dip_id, k->dip_id) && same_questions(d, k);
}

static int mark(cgu_arena *a, cgu_map *changed, const cg_docid *id) {
    char key[CGR_ID_KEY];
    if (!cgr_id_key(id, key) || cgu_map_get(changed, key, NULL)) return 0;
    const char *k = cgu_arena_strdup(a, key);
    return !k || cgu_map_put(changed, k, 1) ? -1 : 0;
}

static bool marked(const cgu_map *changed, const cg_docid *id) {
    char key[CGR_ID_KEY];
    return cgr_id_key(id, key) && cgu_map_get(changed, key, NULL);
}

/* Kept documents the last round named stale that were not added again
 * (they could not be read: the caller has said so): left out, as documents
 * that went, and those that depend on them are stale in turn. */
static void drop_unreplaced(cg_check *c) {
    size_t j = 0;
    for (size_t i = 0; i < c->ndocs; i++) {
        cdoc d = c->docs[i];
        if (d.kept && d.kept->stale) {
            d.kept->doc = 0;
            continue;
        }
        c->docs[j] = d;
        if (d.kept) d.kept->doc = j + 1;
        j++;
    }
    c->ndocs = j;
}

size_t cgc_state_find_stale(cg_check *c) {
    cgc_state *s = c->state;
    drop_unreplaced(c);
    s->nstale = 0;
    for (size_t i = 0; i < s->ndocs; i++)
        s->docs[i].seen = s->docs[i].stale = false;
    cgu_arena a = {0};
    cgu_map changed = {0}; /* id keys of documents that changed, came or went */
    int bad = 0;
    for (size_t i = 0; i < c->ndocs && !bad; i++) {
        const cdoc *d = &c->docs[i];
        if (d->kept) {
            d->kept->seen = true;
            continue;
        }
        kdoc *k = find_doc(s, d->file, d->record);
        /* its file given twice, once kept: findings' fingerprints count
         * their rank over both, so the kept one is checked anew too */
        if (k && k->doc && c->docs[k->doc - 1].kept == k) k->stale = true;
        if (k) k->seen = true;
        if (k && same_facts(d, k)) continue;
        bad = mark(&a, &changed, &d->id) || mark(&a, &changed, &d->alias) ||
              (k && (mark(&a, &changed, &k->id) || mark(&a, &changed, &k->alias)));
    }
    for (size_t i = 0; i < s->ndocs && !bad; i++)
        if (!s->docs[i].seen)
            bad = mark(&a, &changed, &s->docs[i].id) || mark(&a, &changed, &s->docs[i].alias);
    for (size_t i = 0; i < c->ndocs && !bad; i++) {
        const cdoc *d = &c->docs[i];
        if (!d->kept) continue;
        bool stale = d->kept->stale ||
                     (changed.count && (marked(&changed, &d->id) || marked(&changed, &d->alias)));
        for (size_t k = 0; !stale && changed.count && k < d->kept->ndeps; k++)
            stale = cgu_map_get(&changed, d->kept->deps[k], NULL);
        if (!stale) continue;
        if (cgu_grow((void **)&s->stale, &s->capstale, s->nstale + 1, sizeof *s->stale))
            bad = 1;
        else
            s->stale[s->nstale++] = d->file;
        d->kept->stale = true;
    }
    cgu_map_release(&changed);
    cgu_arena_release(&a);
    return bad ? (size_t)-1 : s->nstale;
}

/* Findings of the state that do not read back though their checksum held
 * (a file of another build): nothing of the state is used, every kept
 * document is stale and is checked anew. */
static cg_status all_stale(cg_check *c, const char *file, const char *why, cg_error *err) {
    cgc_state *s = c->state;
    snprintf(s->problem, sizeof s->problem, "the findings of %.180s do not read back (%.30s)", file,
             why);
    s->nstale = 0;
    for (size_t i = 0; i < c->ndocs; i++) {
        cdoc *d = &c->docs[i];
        if (!d->kept) continue;
        if (cgu_grow((void **)&s->stale, &s->capstale, s->nstale + 1, sizeof *s->stale))
            return cgu_oom(err);
        s->stale[s->nstale++] = d->file;
        d->kept->stale = true;
    }
    return cgu_error(err, CG_ESTALE, s->path, 0, 0, "%s", s->problem);
}

cg_status cgc_state_add_findings(cg_check *c, cg_error *err) {
    const cgc_state *s = c->state;
    size_t total = c->nfindings;
    for (size_t i = 0; i < c->ndocs; i++)
        total += c->docs[i].kept ? c->docs[i].kept->nfindings : 0;
    /* grown once: 300,000 findings are 40 MB, copied at each doubling */
    if (cgu_grow((void **)&c->findings, &c->capfindings, total, sizeof *c->findings))
        return cgu_oom(err);
    for (size_t i = 0; i < c->ndocs; i++) {
        const kdoc *k = c->docs[i].kept;
        if (!k) continue;
        cgio_reader r = {k->findings, k->end, true, NULL, 0};
        const char *why = NULL;
        for (size_t n = 0; !why && n < k->nfindings; n++)
            why = read_finding(&r, &c->findings[c->nfindings++], k, s->slots);
        if (!why && r.p != k->end) why = "more than the block counts";
        if (why) return all_stale(c, k->file, why, err);
    }
    return CG_OK;
}

/* ---- the bytes of each finding in each format ---- */

/* Whether finding f is a kept one: its strings lie in the mapped file. */
static bool is_kept(const cgc_state *s, const cg_finding *f) {
    return s->map && f->fingerprint >= s->map && f->fingerprint < s->map + s->maplen;
}

/* The bytes a kept finding carries in `slot`, read from where its
 * fingerprint stands: then come `suppressed` and the bytes of each slot. */
static const char *kept_bytes(const cgc_state *s, const cg_finding *f, int slot, size_t *len) {
    if (!(s->slots & (1u << slot))) return NULL;
    cgio_reader r = {f->fingerprint + 17, s->map + s->maplen, true, NULL, 0};
    const char *v;
    size_t n;
    if (cgio_get_bytes(&r, &v, &n, 1)) return NULL; /* suppressed */
    for (int k = 0; k <= slot; k++) {
        if (!(s->slots & (1u << k))) continue;
        if (cgio_get_bytes(&r, &v, &n, 1)) return NULL;
        if (k == slot) {
            *len = n;
            return v;
        }
    }
    return NULL;
}

const char *cgc_state_fragment(const cg_check *c, size_t i, int slot, size_t *len) {
    const cgc_state *s = c->state;
    if (!s || !c->ran || i >= c->nfindings) return NULL;
    const cg_finding *f = &c->findings[i];
    const char *kept = is_kept(s, f) ? kept_bytes(s, f, slot, len) : NULL;
    if (kept) return kept;
    const cfrag *fr = s->frags[slot];
    if (!fr || !fr[i].recorded) return NULL;
    *len = fr[i].len;
    return s->recorded[slot].data + fr[i].at;
}

int cgc_state_record(const cg_check *c, size_t i, int slot, const char *data, size_t len) {
    cgc_state *s = c->state;
    if (!s || !c->ran || i >= c->nfindings) return 0;
    s->written |= 1u << slot;
    if (!s->frags[slot] && !(s->frags[slot] = calloc(c->nfindings, sizeof **s->frags))) return -1;
    cfrag *fr = &s->frags[slot][i];
    if (fr->recorded) return 0;
    cg_buf *b = &s->recorded[slot];
    size_t at = b->len;
    if (cgu_buf_append(b, data, len)) return -1;
    *fr = (cfrag){at, len, true};
    return 0;
}

void cgc_state_written(const cg_check *c, int slot) {
    if (c->state) c->state->written |= 1u << slot;
}

/* ---- writing ---- */

/* The file being written: bytes gathered, and written in large pieces. */
typedef struct writer {
    int fd;
    cg_buf buf;
    int failed; /* errno, or ENOMEM */
} writer;

static void write_all(writer *w, const char *p, size_t n) {
    while (!w->failed && n) {
        ssize_t k = write(w->fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) {
            w->failed = k < 0 ? errno : EIO;
            break;
        }
        p += k;
        n -= (size_t)k;
    }
}

static void flush(writer *w) {
    write_all(w, w->buf.data, w->buf.len);
    cg_buf_clear(&w->buf);
}

static void put(writer *w, const char *p, size_t n) {
    if (w->buf.len + n > (1u << 20)) flush(w);
    if (n > (1u << 20))
        write_all(w, p, n);
    else if (!w->failed && cgu_buf_append(&w->buf, p, n))
        w->failed = ENOMEM;
}

/* Bytes of the old file, as they are: in the kernel where it can. */
static void copy_old(writer *w, const cgc_state *s, const char *from, size_t n) {
    flush(w);
    loff_t off = (loff_t)(from - s->map);
    while (!w->failed && n) {
        ssize_t k = copy_file_range(s->fd, &off, w->fd, NULL, n, 0);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break; /* not here (another file system, an old kernel): by hand */
        n -= (size_t)k;
    }
    write_all(w, s->map + off, n);
}

/* The id keys of the documents d cites, each once. */
static int cited_ids(const cdoc *d, cgu_arena *a, const char ***deps, size_t *n) {
    if (d->kept) {
        *deps = d->kept->deps;
        *n = d->kept->ndeps;
        return 0;
    }
    const char **list = cgu_arena_alloc(a, (d->nrefs + 1) * sizeof *list);
    cgu_map seen = {0};
    if (!list) return -1;
    *n = 0;
    int bad = 0;
    for (size_t i = 0; !bad && i < d->nrefs; i++) {
        const cg_docid *id = &d->refs[i].target->id;
        char key[CGR_ID_KEY];
        if (id->kind == CG_KIND_URL || id->kind == CG_KIND_INTERNAL || !cgr_id_key(id, key) ||
            cgu_map_get(&seen, key, NULL))
            continue;
        const char *k = cgu_arena_strdup(a, key);
        bad = !k || cgu_map_put(&seen, k, 1);
        if (!bad) list[(*n)++] = k;
    }
    cgu_map_release(&seen);
    *deps = list;
    return bad ? -1 : 0;
}

static int put_doc(cg_buf *b, const cdoc *d, const char **deps, size_t ndeps, size_t nfindings) {
    int bad = cgio_put_str(b, d->file, 0) || cgio_put_num(b, d->record, 0) ||
              cgio_put_str(b, d->key, 0) || cgio_put_str(b, d->dip_id, 0) ||
              cgio_put_id(b, &d->id, 0) || cgio_put_id(b, &d->alias, 0) ||
              cgio_put_str(b, d->type, 0) || cgio_put_str(b, d->date, 0) ||
              cgio_put_str(b, d->title, 0) || cgio_put_num(b, (size_t)d->type_from, 0) ||
              cgio_put_num(b, (size_t)d->date_from, 0) ||
              cgio_put_num(b, (size_t)d->title_from, 0) || cgio_put_str(b, d->first_line, 0) ||
              cgio_put_questions(b, d->questions, d->nquestions, 0) || cgio_put_num(b, ndeps, 0) ||
              cgio_put_num(b, nfindings, 0);
    for (size_t k = 0; !bad && k < ndeps; k++)
        bad = cgio_put_str(b, deps[k], 0);
    return bad;
}

static int put_finding(cg_buf *b, const cg_check *c, size_t i, unsigned slots) {
    size_t nrules;
    const cg_finding *f = &c->findings[i];
    int bad = cgio_put_num(b, (size_t)(f->rule - cg_check_rules(&nrules)), 0) ||
              cgio_put_num(b, (size_t)((int)f->severity + 1), 0) ||
              cgio_put_num(b, f->in_baseline, 0) || cgio_put_num(b, f->line, 0) ||
              cgio_put_num(b, f->col, 0) || cgio_put_num(b, f->page, 0) ||
              cgio_put_num(b, f->page_line, 0) || cgio_put_num(b, f->offset, 0) ||
              cgio_put_num(b, f->length, 0) || cgio_put_str(b, f->page_label, 0) ||
              cgio_put_str(b, f->message, 0) || cgio_put_str(b, f->target, 0) ||
              cgio_put_str(b, f->text, 0) || cgio_put_str(b, f->source_line, 0) ||
              cgio_put_str(b, f->fingerprint, 0) || cgio_put_str(b, f->suppressed, 0);
    for (int k = 0; !bad && k < CGC_SLOTS; k++) {
        if (!(slots & (1u << k))) continue;
        size_t len = 0;
        const char *bytes = cgc_state_fragment(c, i, k, &len);
        bad = cgio_put_bytes(b, bytes, len, 0);
    }
    return bad;
}

/* Which document each finding is of, grouped by document: order[] holds
 * the findings of document d from start[d], count[d] of them. Only for the
 * documents not `copied`: kept findings are all of kept documents, which
 * are all copied or none (copy_kept). -1 when memory ran out. */
typedef struct grouping {
    size_t *order, *start, *count;
} grouping;

static int group(const cg_check *c, const bool *copied, bool copy_kept, grouping *g) {
    size_t *owner = malloc((c->nfindings + 1) * sizeof *owner);
    g->order = malloc((c->nfindings + 1) * sizeof *g->order);
    g->start = malloc((c->ndocs + 1) * sizeof *g->start);
    g->count = calloc(c->ndocs + 1, sizeof *g->count);
    cgu_map names = {0};
    cgu_arena a = {0};
    int bad = !owner || !g->order || !g->start || !g->count;
    for (size_t i = 0; !bad && i < c->ndocs; i++) {
        char buf[NAME_BUF];
        if (copied[i]) continue;
        const char *name = doc_name(&a, c->docs[i].file, c->docs[i].record, buf, sizeof buf);
        bad = !name || cgu_map_put(&names, name, i);
    }
    for (size_t i = 0; !bad && i < c->nfindings; i++) {
        char buf[NAME_BUF];
        const cg_finding *f = &c->findings[i];
        owner[i] = SIZE_MAX;
        if (copy_kept && is_kept(c->state, f)) continue;
        const char *name = doc_name(NULL, f->file, f->record, buf, sizeof buf);
        if (name && cgu_map_get(&names, name, &owner[i])) g->count[owner[i]]++;
    }
    size_t at = 0;
    for (size_t i = 0; !bad && i < c->ndocs; i++) {
        g->start[i] = at;
        at += g->count[i];
    }
    for (size_t i = 0; !bad && i < c->nfindings; i++)
        if (owner[i] != SIZE_MAX) g->order[g->start[owner[i]]++] = i;
    for (size_t i = 0; !bad && i < c->ndocs; i++)
        g->start[i] -= g->count[i];
    cgu_map_release(&names);
    cgu_arena_release(&a);
    free(owner);
    return bad ? -1 : 0;
}

/* Writes the documents: the blocks of kept documents copied, when they
 * carry the bytes of the same slots, the others made anew. */
static void write_docs(writer *w, const cg_check *c) {
    const cgc_state *s = c->state;
    unsigned slots = s->written;
    bool *copied = calloc(c->ndocs + 1, sizeof *copied);
    grouping g = {0};
    cgu_arena a = {0};
    cg_buf block = CG_BUF_INIT;
    if (!copied) {
        w->failed = ENOMEM;
        return;
    }
    for (size_t i = 0; i < c->ndocs; i++)
        copied[i] = c->docs[i].kept && s->slots == slots;
    if (group(c, copied, s->slots == slots, &g)) w->failed = ENOMEM;
    const char *from = NULL, *to = NULL; /* old bytes still to copy */
    for (size_t i = 0; !w->failed && i < c->ndocs; i++) {
        const cdoc *d = &c->docs[i];
        if (copied[i]) {
            if (from && to != d->kept->block) {
                copy_old(w, s, from, (size_t)(to - from));
                from = NULL;
            }
            if (!from) from = d->kept->block;
            to = d->kept->end;
            continue;
        }
        if (from) copy_old(w, s, from, (size_t)(to - from));
        from = NULL;
        const char **deps;
        size_t ndeps;
        cg_buf_clear(&block);
        int bad = cited_ids(d, &a, &deps, &ndeps) || put_doc(&block, d, deps, ndeps, g.count[i]);
        for (size_t k = 0; !bad && k < g.count[i]; k++)
            bad = put_finding(&block, c, g.order[g.start[i] + k], slots);
        char head[64], sum[33];
        cgu_checksum_wide(block.data, block.len, sum);
        snprintf(head, sizeof head, "B %zu %s\n", block.len, sum);
        if (bad) w->failed = ENOMEM;
        put(w, head, strlen(head));
        put(w, block.data, block.len);
    }
    if (from) copy_old(w, s, from, (size_t)(to - from));
    cg_buf_release(&block);
    cgu_arena_release(&a);
    free(g.order);
    free(g.start);
    free(g.count);
    free(copied);
}

cg_status cg_check_save_state(const cg_check *c, cg_error *err) {
    const cgc_state *s = c->state;
    if (!s || !c->ran)
        return cgu_error(err, CG_EINVAL, NULL, 0, 0,
                         s ? "the check has not run" : "no state was opened");
    size_t tl = strlen(s->path) + 32;
    char *tmp = malloc(tl);
    if (!tmp) return cgu_oom(err);
    snprintf(tmp, tl, "%s.%ld.tmp", s->path, (long)getpid());
    writer w = {open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666), CG_BUF_INIT, 0};
    if (w.fd < 0) w.failed = errno;
    char head[128];
    snprintf(head, sizeof head, STATE_MAGIC "%s\n%u %zu\n", s->config, s->written, c->ndocs);
    put(&w, head, strlen(head));
    write_docs(&w, c);
    put(&w, "end\n", 4);
    flush(&w);
    if (w.fd >= 0 && close(w.fd) != 0 && !w.failed) w.failed = errno;
    if (!w.failed && rename(tmp, s->path) != 0) w.failed = errno;
    if (w.failed) unlink(tmp);
    free(tmp);
    cg_buf_release(&w.buf);
    if (w.failed == ENOMEM) return cgu_oom(err);
    return w.failed ? cgu_error(err, CG_EIO, s->path, 0, 0, "cannot write: %s", strerror(w.failed))
                    : CG_OK;
}
