/* compile.c - building an extractor from the grammar.
 *
 * The built-in grammar (data/grammar.cgg, embedded at build time) is parsed
 * first, then every --patterns file in order. Each built-in pattern is
 * compiled by name; a file may replace its pattern (the handler must still
 * find its named groups) or, with an id template, the whole recogniser. Any
 * other section with a kind becomes a template-driven kind of its own.
 * Every example and counter-example in the grammar is checked here, so a
 * pattern that no longer finds what it claims fails at once, with the
 * position of the example. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/version.h"
#include "xctx.h"

extern const char *const cg_builtin_grammar;
extern const size_t cg_builtin_grammar_len;

const char *const cgx_pattern_names[P_COUNT] = {
    [P_DRS] = "drs",
    [P_DRS_ITEM] = "drs_item",
    [P_PLPR] = "plpr",
    [P_WPNR_ITEM] = "wpnr_item",
    [P_ADRS] = "adrs",
    [P_COUNCIL] = "council",
    [P_COUNCIL_ITEM] = "council_item",
    [P_COM] = "com",
    [P_ACT] = "act",
    [P_ACT_ITEM] = "act_item",
    [P_URL] = "url",
    [P_QUESTION] = "question",
    [P_QITEM] = "qitem",
    [P_ARTICLE] = "article",
    [P_TAIL] = "tail",
    [P_PART_BEFORE] = "part_before",
    [P_PAGE_BEFORE] = "page_before",
    [P_GAP_BACK] = "gap_back",
    [P_GAP_FWD_END] = "gap_fwd_end",
    [P_HDR_BT] = "hdr_bt",
    [P_HDR_BR] = "hdr_br",
    [P_HDR_LT] = "hdr_lt",
    [P_HDR_DATE_BR] = "hdr_date_br",
    [P_RUNNING] = "running",
    [P_ALIAS] = "alias",
    [P_ANFRAGE_HEAD] = "anfrage_head",
    [P_BT_URL] = "bt_url",
    [P_LT_CONTEXT] = "lt_context",
    [P_CELEX] = "celex",
    [P_OWN_LINE] = "own_line",
    [P_OWN_HEAD] = "own_head",
    [P_EU_LETTERHEAD] = "eu_letterhead",
    [P_QUESTION_NUMBER] = "question_number",
    [P_QUESTION_LETTER] = "question_letter",
    [P_BARE_KEYWORD] = "bare_keyword",
    [P_PUBNOTE] = "pubnote",
    [P_QUESTION_ELSEWHERE] = "question_elsewhere",
    [P_HDR_PARTY] = "hdr_party",
    [P_HDR_RESSORT] = "hdr_ressort",
    [P_HDR_LAND] = "hdr_land",
    [P_HDR_COMMITTEE] = "hdr_committee",
    [P_PRELIMINARY] = "preliminary",
    [P_REFERRAL] = "referral",
    [P_JOINT_ANSWER] = "joint_answer",
    [P_IMPRINT] = "imprint",
    [P_TRANSMITTAL] = "transmittal",
};

/* The handler of each built-in reference pattern, and the named groups the
 * C code reads from each pattern: an override must keep them. */
static const struct {
    int p;
    const char *handler;
    const char *groups;
} contracts[] = {
    {P_DRS, "drucksache", "list bt br lt plain state"},
    {P_DRS_ITEM, NULL, "zu a k b sfx"},
    {P_PLPR, "plenarprotokoll", "list"},
    {P_WPNR_ITEM, NULL, "a b"},
    {P_ADRS, "ausschussdrucksache", "wp c nr letter"},
    {P_COUNCIL, "council", "list"},
    {P_COUNCIL_ITEM, NULL, "nr rev yy nr2 yyyy q"},
    {P_COM, "commission", "series year nr"},
    {P_ACT, "legal_act", "type list"},
    {P_ACT_ITEM, NULL, "auth nr a b sfx"},
    {P_URL, "url", ""},
    {P_QUESTION, NULL, "ant sq qlist"},
    {P_QITEM, NULL, "sep q"},
    {P_ARTICLE, NULL, "art abs uabs satz lit"},
    {P_TAIL, NULL, "page ff bare item_kw item lit"},
    {P_PART_BEFORE, NULL, "item_kw item lit pre anl anr"},
    {P_PAGE_BEFORE, NULL, "page ff"},
    {P_HDR_BT, NULL, "wp nr date"},
    {P_HDR_BR, NULL, "zu a k yy sfx"},
    {P_HDR_LT, NULL, "a nr aa anr"},
    {P_HDR_DATE_BR, NULL, "d m y"},
    {P_ALIAS, NULL, "wp nr"},
    {P_BT_URL, NULL, "t wp num"},
    {P_CELEX, "celex", "c"},
    {P_OWN_LINE, NULL, "num"},
    {P_OWN_HEAD, NULL, "num"},
    {P_PUBNOTE, NULL, "num"},
    {P_QUESTION_NUMBER, NULL, "n"},
    {P_QUESTION_LETTER, NULL, "l"},
    {P_HDR_PARTY, NULL, "party"},
    {P_HDR_RESSORT, NULL, "who"},
    {P_HDR_LAND, NULL, "land"},
    {P_HDR_COMMITTEE, NULL, "name"},
    {P_PRELIMINARY, NULL, "government"},
    {P_REFERRAL, NULL, "see"},
};

/* Patterns PCRE2's interpreter runs instead of its JIT: each is tried a few times per
 * document, anchored or in a short window, where the JIT gains less than it takes to compile
 * (JIT compilation is most of cg_extractor_new's time). Those tried more often are compiled:
 * [joint_answer], [bt_url], [hdr_bt], [transmittal], [hdr_party], [hdr_ressort] and
 * [bare_keyword] took 35 million cycles in the interpreter on the real corpus (2,950
 * documents), 13 million with the JIT, which adds 0.4 ms to the start. So were, in 0.9.5,
 * [com], [hdr_br], [hdr_date_br], [anfrage_head], [pubnote], [question_elsewhere],
 * [hdr_land] and [hdr_committee] (2 to 7 million instructions each in the interpreter on the
 * real corpus): 30 million instructions fewer there, 1.8 million more at the start. */
static const bool interpreted[P_COUNT] = {
    [P_CELEX] = true,   [P_WPNR_ITEM] = true,   [P_GAP_BACK] = true,
    [P_HDR_LT] = true,  [P_ALIAS] = true,       [P_EU_LETTERHEAD] = true,
    [P_IMPRINT] = true, [P_PART_BEFORE] = true, [P_PAGE_BEFORE] = true,
};

const char *cg_builtin_grammar_text(size_t *len) {
    if (len) *len = cg_builtin_grammar_len;
    return cg_builtin_grammar;
}

static void release_triggers(cgx_triggers *t) {
    for (size_t k = 0; k < t->n; k++) {
        pcre2_code_free(t->t[k].re);
        free(t->t[k].literal);
        free(t->t[k].text);
    }
    memset(t, 0, sizeof *t);
}

static void release_contains(cgx_contains *c) {
    if (!c) return;
    for (size_t i = 0; i < c->set.n; i++)
        free(c->text[i]);
    free(c);
}

void cg_extractor_free(cg_extractor *ex) {
    if (!ex) return;
    for (int i = 0; i < P_COUNT; i++) {
        pcre2_code_free(ex->re[i]);
        release_triggers(&ex->trig[i]);
        release_contains(ex->contains[i]);
        free(ex->line_literal[i]);
    }
    for (size_t i = 0; i < ex->nusers; i++) {
        pcre2_code_free(ex->users[i].re);
        release_triggers(&ex->users[i].trig);
        release_contains(ex->users[i].contains);
        free(ex->users[i].kind);
        cgg_template_release(&ex->users[i].id);
        cgg_template_release(&ex->users[i].locator);
    }
    free(ex->users);
    cgx_stack_pool_free(ex->stacks);
    free(ex);
}

/* Compiles value `pv` of section `s` (its pattern or a trigger), expanded, and with `jit` for
 * the JIT; an error points at its byte in the file. The expanded text goes to *expanded when
 * that is asked for (the caller frees it, on an error too). */
static cg_status compile_text(const cgg_grammar *g, const cgg_section *s, const cgg_value *pv,
                              bool jit, pcre2_code **out, char **expanded, cg_error *err) {
    cgg_value v;
    cg_status st = cgg_expand(g, pv, &v, err);
    if (st != CG_OK) return st;
    if (expanded && !(*expanded = strndup(v.text, v.len))) {
        cgg_value_release(&v);
        return CG_ENOMEM;
    }
    int code;
    PCRE2_SIZE at;
    /* PCRE2_USE_OFFSET_LIMIT: an anchored match (a line start, a trigger, the text right after
     * a reference) is a match that must start where it is tried, which the JIT runs; it does
     * not take PCRE2_ANCHORED at match time and would leave such matches to the interpreter. */
    *out = pcre2_compile((PCRE2_SPTR)v.text, v.len,
                         PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_USE_OFFSET_LIMIT, &code,
                         &at, NULL);
    if (!*out) {
        char msg[160];
        pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, sizeof msg);
        cgg_error_at(err, CG_EPATTERN, &v, at, "[%s]: %s", s->name, msg);
        cgg_value_release(&v);
        return CG_EPATTERN;
    }
    cgg_value_release(&v);
    uint32_t have_jit = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &have_jit);
    /* Without JIT the interpreter runs the same patterns, only slower. */
    if (jit && have_jit) pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);
    return CG_OK;
}

/* Compiles the pattern of section `s`. */
static cg_status compile_pattern(const cgg_grammar *g, const cgg_section *s, bool jit,
                                 pcre2_code **out, cg_error *err) {
    if (!s->pattern.text) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = CG_EPATTERN;
            snprintf(err->path, sizeof err->path, "%s", s->where.file ? s->where.file : "");
            err->line = s->where.line;
            err->col = 1;
            snprintf(err->text, sizeof err->text, "[%s] has no pattern", s->name);
        }
        return CG_EPATTERN;
    }
    return compile_text(g, s, &s->pattern, jit, out, NULL, err);
}

static int has_group(const pcre2_code *re, const char *name, size_t n) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.*s", (int)n, name);
    PCRE2_SPTR first, last;
    return pcre2_substring_nametable_scan(re, (PCRE2_SPTR)buf, &first, &last) > 0;
}

static cg_status section_error(cg_error *err, const cgg_section *s, const cgg_value *v,
                               const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static cg_status section_error(cg_error *err, const cgg_section *s, const cgg_value *v,
                               const char *fmt, ...) {
    char msg[224];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (v && v->pos) {
        cgg_error_at(err, CG_EPATTERN, v, 0, "%s", msg);
    } else if (err) {
        memset(err, 0, sizeof *err);
        err->status = CG_EPATTERN;
        snprintf(err->path, sizeof err->path, "%s", s->where.file ? s->where.file : "");
        err->line = s->where.line;
        err->col = 1;
        snprintf(err->text, sizeof err->text, "%s", msg);
    }
    return CG_EPATTERN;
}

/* Is a promise (line_literal, trigger, reach) made for the pattern that is in force? One made
 * in another file describes another pattern: a file that replaces the pattern drops it. */
static int same_file(const cgg_value *promise, const cgg_value *pattern) {
    return promise->pos && pattern->pos && promise->pos[0].file == pattern->pos[0].file;
}

/* A promise given in a file that does not give the pattern it describes: the pattern is the
 * built-in one (or another file's), which the promise may not hold for. */
static cg_status promise_without_pattern(cg_error *err, const cgg_section *s, const cgg_value *v,
                                         const char *key) {
    return section_error(err, s, v,
                         "[%s]: %s is a promise about the pattern given with it; this file "
                         "gives [%s] no pattern",
                         s->name, key, s->name);
}

/* The text a pattern matches when it is plain text (letters, digits, escaped punctuation),
 * else NULL; so that the matcher can find it with memchr instead of the JIT. */
static char *literal_of(const char *p, size_t n, size_t *len) {
    char *out = malloc(n + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '\\' && i + 1 < n && (unsigned char)p[i + 1] < 0x80 &&
            !((p[i + 1] >= 'a' && p[i + 1] <= 'z') || (p[i + 1] >= 'A' && p[i + 1] <= 'Z') ||
              (p[i + 1] >= '0' && p[i + 1] <= '9'))) {
            out[k++] = p[++i];
        } else if (strchr("\\^$.|?*+()[]{}#", c) || c <= ' ') {
            free(out);
            return NULL;
        } else {
            out[k++] = (char)c;
        }
    }
    out[k] = '\0';
    *len = k;
    return out;
}

/* The length of ",WORDS" at the start of `t` (after a trigger's reach), 0 if there is none;
 * *words is WORDS (1 to 100), 0 when out of range. */
static size_t words_mark(const char *t, size_t n, size_t *words) {
    size_t i = 1, w = 0;
    *words = 0;
    if (!n || t[0] != ',') return 0;
    while (i < n && t[i] >= '0' && t[i] <= '9' && w <= 100)
        w = w * 10 + (size_t)(t[i++] - '0');
    if (w >= 1 && w <= 100) *words = w;
    return i;
}

/* The triggers of section `s` ("REACH PATTERN" each), when they were given with its pattern;
 * none otherwise. */
static cg_status compile_triggers(const cgg_grammar *g, const cgg_section *s, cgx_triggers *t,
                                  cg_error *err) {
    memset(t, 0, sizeof *t);
    if (!s->ntriggers) return CG_OK;
    if (s->line_literal.len)
        return section_error(err, s, &s->triggers[0],
                             "[%s]: a pattern takes line_literal or trigger, not both", s->name);
    if (s->ntriggers > CGX_MAX_TRIGGERS)
        return section_error(err, s, &s->triggers[CGX_MAX_TRIGGERS], "[%s]: at most %d triggers",
                             s->name, CGX_MAX_TRIGGERS);
    for (size_t k = 0; k < s->ntriggers; k++) {
        const cgg_value *tv = &s->triggers[k];
        size_t n = 0, i = 0;
        while (i < tv->len && tv->text[i] >= '0' && tv->text[i] <= '9' && n <= 100000)
            n = n * 10 + (size_t)(tv->text[i++] - '0');
        size_t digits = i, words = 1, mark = words_mark(tv->text + i, tv->len - i, &words);
        i += mark;
        size_t reach_end = i;
        while (i < tv->len && (tv->text[i] == ' ' || tv->text[i] == '\t'))
            i++;
        if (!digits || n > 100000 || (mark && !words) || i == reach_end || i == tv->len)
            return section_error(err, s, tv,
                                 "[%s]: a trigger is REACH PATTERN or REACH,WORDS PATTERN: a "
                                 "number of bytes (at most 100000), optionally a comma and a "
                                 "number of words (1 to 100), a space and a pattern",
                                 s->name);
    }
    if (!same_file(&s->triggers[0], &s->pattern))
        return promise_without_pattern(err, s, &s->triggers[0], "trigger");
    for (size_t k = 0; k < s->ntriggers; k++) {
        const cgg_value *tv = &s->triggers[k];
        cgx_trigger *tr = &t->t[k];
        size_t i = 0;
        while (tv->text[i] >= '0' && tv->text[i] <= '9')
            tr->reach = tr->reach * 10 + (size_t)(tv->text[i++] - '0');
        i += words_mark(tv->text + i, tv->len - i, &tr->words);
        while (tv->text[i] == ' ' || tv->text[i] == '\t')
            i++;
        cgg_value pv = {tv->text + i, tv->pos + i, tv->len - i};
        tr->literal = literal_of(pv.text, pv.len, &tr->literal_len);
        if (tr->literal && tr->literal_len >= 2)
            tr->literal_rare = cgx_literal_rare(tr->literal, tr->literal_len);
        tr->shared = -1; /* chosen once the extractor is complete */
        /* plain text is found without PCRE2 (only the examples are checked with it); the
         * pattern as compiled (its defines expanded) tells triggers alike */
        cg_status st = compile_text(g, s, &pv, !tr->literal, &tr->re, &tr->text, err);
        if (st != CG_OK) {
            free(tr->literal);
            free(tr->text);
            tr->literal = tr->text = NULL;
            release_triggers(t);
            return st;
        }
        t->n++;
        uint32_t type = 0, unit = 0;
        pcre2_pattern_info(tr->re, PCRE2_INFO_FIRSTCODETYPE, &type);
        pcre2_pattern_info(tr->re, PCRE2_INFO_FIRSTCODEUNIT, &unit);
        /* a letter might be matched caselessly; punctuation and digits have no case */
        int letter = (unit >= 'a' && unit <= 'z') || (unit >= 'A' && unit <= 'Z');
        tr->first_byte = type == 1 && unit < 0x80 && !letter ? (int)unit : -1;
    }
    return CG_OK;
}

/* The texts of section `s`'s contains keys, when they were given with its pattern: *out stays
 * NULL otherwise. */
static cg_status compile_contains(const cgg_section *s, cgx_contains **out, cg_error *err) {
    *out = NULL;
    if (!s->ncontains) return CG_OK;
    if (!same_file(&s->contains[0], &s->pattern))
        return promise_without_pattern(err, s, &s->contains[0], "contains");
    if (s->ncontains > CGX_LITERALS_MAX)
        return section_error(err, s, &s->contains[CGX_LITERALS_MAX], "[%s]: at most %d contains",
                             s->name, CGX_LITERALS_MAX);
    for (size_t i = 0; i < s->ncontains; i++)
        if (!s->contains[i].len)
            return section_error(err, s, &s->contains[i], "[%s]: contains needs a text", s->name);
    cgx_contains *c = calloc(1, sizeof *c);
    if (!c) return CG_ENOMEM;
    size_t len[CGX_LITERALS_MAX];
    for (size_t i = 0; i < s->ncontains; i++) {
        len[i] = s->contains[i].len;
        c->text[i] = strndup(s->contains[i].text, len[i]);
        if (!c->text[i]) {
            c->set.n = i; /* the texts made so far, for release_contains */
            release_contains(c);
            return CG_ENOMEM;
        }
    }
    cgx_literals_build(&c->set, (const char *const *)c->text, len, s->ncontains);
    *out = c;
    return CG_OK;
}

/* The bytes of section `s`'s line_first key, when it was given with its pattern: out->on
 * stays false when there is none. */
static cg_status compile_line_first(const cgg_section *s, cgx_line_first *out, cg_error *err) {
    memset(out, 0, sizeof *out);
    const cgg_value *v = &s->line_first;
    if (!v->pos) return CG_OK;
    if (!same_file(v, &s->pattern)) return promise_without_pattern(err, s, v, "line_first");
    if (s->ntriggers)
        return section_error(err, s, v, "[%s]: a pattern takes line_first or trigger, not both",
                             s->name);
    if (!v->len)
        return section_error(err, s, v, "[%s]: line_first needs the characters a line begins with",
                             s->name);
    for (size_t i = 0; i < v->len; i++) {
        unsigned char c = (unsigned char)v->text[i];
        if (c <= ' ' || c >= 0x7f)
            return section_error(
                err, s, v, "[%s]: line_first is ASCII characters other than white space", s->name);
        out->in[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
    out->on = true;
    return CG_OK;
}

/* Compiles the pattern of section `s` and its triggers, if it has any. */
static cg_status compile_value(const cgg_grammar *g, const cgg_section *s, bool jit,
                               pcre2_code **out, cgx_triggers *t, cg_error *err) {
    cg_status st = compile_triggers(g, s, t, err);
    if (st != CG_OK) return st;
    st = compile_pattern(g, s, jit, out, err);
    if (st != CG_OK) release_triggers(t);
    return st;
}

/* Checks that the named groups of a handler are still in its pattern. */
static cg_status check_contract(const cgg_section *s, const pcre2_code *re, const char *groups,
                                cg_error *err) {
    const char *g = groups;
    while (*g) {
        size_t n = strcspn(g, " ");
        if (n && !has_group(re, g, n)) {
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)n, g);
            return section_error(err, s, &s->pattern,
                                 "[%s]: the pattern must keep the named group (?<%s>...) that "
                                 "its handler reads",
                                 s->name, name);
        }
        g += n;
        while (*g == ' ')
            g++;
    }
    return CG_OK;
}

static cg_status add_user_kind(cg_extractor *ex, const cgg_grammar *g, const cgg_section *s,
                               cg_error *err) {
    if (!s->kind.len)
        return section_error(err, s, &s->pattern, "[%s]: a new pattern needs 'kind' and 'id'",
                             s->name);
    if (!s->id.len) return section_error(err, s, &s->kind, "[%s]: kind without 'id'", s->name);
    user_kind *u = realloc(ex->users, (ex->nusers + 1) * sizeof *u);
    if (!u) return CG_ENOMEM;
    ex->users = u;
    u = &ex->users[ex->nusers];
    memset(u, 0, sizeof *u);
    u->role = ROLE_OTHER;
    cg_status st = compile_value(g, s, true, &u->re, &u->trig, err);
    if (st != CG_OK) return st;
    ex->nusers++; /* owned from here on */
    if ((st = compile_contains(s, &u->contains, err)) != CG_OK) return st;
    u->kind = strdup(s->kind.text);
    if (!u->kind) return CG_ENOMEM;
    for (const char *k = u->kind; *k; k++)
        if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_'))
            return section_error(err, s, &s->kind,
                                 "[%s]: a kind is lower-case letters, digits and _", s->name);
    if (s->role.len) {
        if (strcmp(s->role.text, "document") == 0)
            u->role = ROLE_DOC;
        else if (strcmp(s->role.text, "act") == 0)
            u->role = ROLE_ACT;
        else if (strcmp(s->role.text, "other") != 0)
            return section_error(err, s, &s->role, "[%s]: role is document, act or other", s->name);
    }
    if ((st = cgg_template_parse(&s->id, &u->id, err)) != CG_OK) return st;
    if (s->locator.len && (st = cgg_template_parse(&s->locator, &u->locator, err)) != CG_OK)
        return st;
    const cgg_template *ts[2] = {&u->id, &u->locator};
    const cgg_value *vs[2] = {&s->id, &s->locator};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < ts[k]->nparts; i++) {
            const cgg_tpl_part *p = &ts[k]->parts[i];
            if (p->kind == TPL_GROUP && !has_group(u->re, p->text, strlen(p->text))) {
                cgg_error_at(err, CG_EPATTERN, vs[k], p->at,
                             "[%s]: the pattern has no group (?<%s>...)", s->name, p->text);
                return CG_EPATTERN;
            }
        }
    return CG_OK;
}

/* What a pattern promises about its matches, for check_examples. */
typedef struct promises {
    const char *line_literal;     /* NULL: none */
    const cgx_line_first *first;  /* first->on: one */
    const cgx_triggers *trig;     /* trig->n: some */
    const cgx_contains *contains; /* NULL: none */
} promises;

/* Whether the match [at, end) of an example text[0, len) breaks one of the promises (the
 * triggers', contains', line_first's, line_literal's, asked in this order); then why[0, cap)
 * says which, as the end of an error message. */
static bool breaks_promise(const cgg_section *s, const promises *pr, const char *text, size_t len,
                           size_t at, size_t end, pcre2_match_data *tmd, char *why, size_t cap) {
    if (pr->trig->n) {
        /* one trigger matches at most `reach` bytes (white space not counted) after the
         * start of the match */
        bool kept = false;
        for (size_t k = 0; k < pr->trig->n && !kept; k++)
            kept = pcre2_match(pr->trig->t[k].re, (PCRE2_SPTR)text, len, at, 0, tmd, NULL) >= 0 &&
                   cgx_window_start(text, at, pcre2_get_ovector_pointer(tmd)[0], &pr->trig->t[k]) ==
                       at;
        if (!kept) {
            snprintf(why, cap,
                     "no trigger matches within its reach (and words) of the start of "
                     "this example's match");
            return true;
        }
    }
    /* the look the search makes (match.c), over the match alone */
    if (pr->contains && !cgx_literals_any(&pr->contains->set, text + at, end - at)) {
        snprintf(why, cap, "this example's match holds none of the texts of contains");
        return true;
    }
    if (pr->first->on &&
        !((at == 0 || text[at - 1] == '\n') && cgx_line_first_holds(pr->first, text, at, len))) {
        snprintf(why, cap,
                 "this example's match does not start a line that begins with a character of "
                 "line_first '%s'",
                 s->line_first.text);
        return true;
    }
    if (pr->line_literal) {
        /* the match's first line holds it */
        const char *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
        size_t le = nl ? (size_t)(nl - text) : len;
        if (!cgx_find_literal(text, cgu_line_start(text, at), le, pr->line_literal,
                              strlen(pr->line_literal))) {
            snprintf(why, cap,
                     "the line this example's match starts on lacks the line_literal '%s'",
                     pr->line_literal);
            return true;
        }
    }
    return false;
}

/* Every example must be found, every counter-example not; the match of an example must keep
 * the promises of the pattern (breaks_promise). */
static cg_status check_examples(cg_extractor *ex, const cgg_section *s, const pcre2_code *re,
                                const promises *pr, cg_error *err) {
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    pcre2_match_data *tmd = pr->trig->n ? pcre2_match_data_create(1, NULL) : NULL;
    if (!md || (pr->trig->n && !tmd)) {
        pcre2_match_data_free(md);
        return CG_ENOMEM;
    }
    cg_status st = CG_OK;
    for (int want = 1; want >= 0 && st == CG_OK; want--) {
        const cgg_value *vs = want ? s->examples : s->nots;
        size_t n = want ? s->nexamples : s->nnots;
        for (size_t i = 0; i < n; i++) {
            /* "\n" and "\t" in an example stand for a line break and a tab */
            char *text = malloc(vs[i].len + 1);
            if (!text) {
                st = CG_ENOMEM;
                break;
            }
            size_t len = 0;
            for (size_t k = 0; k < vs[i].len; k++) {
                if (vs[i].text[k] == '\\' && k + 1 < vs[i].len &&
                    (vs[i].text[k + 1] == 'n' || vs[i].text[k + 1] == 't')) {
                    text[len++] = vs[i].text[++k] == 'n' ? '\n' : '\t';
                } else {
                    text[len++] = vs[i].text[k];
                }
            }
            int rc = pcre2_match(re, (PCRE2_SPTR)text, len, 0, 0, md, NULL);
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            char why[192];
            bool broken = rc >= 0 && want &&
                          breaks_promise(s, pr, text, len, ov[0], ov[1], tmd, why, sizeof why);
            free(text);
            ex->examples_checked++;
            if (broken) {
                st = section_error(err, s, &vs[i], "[%s]: %s", s->name, why);
                break;
            }
            if ((rc >= 0) != want) {
                st = section_error(err, s, &vs[i], "[%s]: %s", s->name,
                                   want ? "the pattern does not find this example"
                                        : "the pattern finds this counter-example");
                break;
            }
        }
    }
    pcre2_match_data_free(md);
    pcre2_match_data_free(tmd);
    return st;
}

/* The index in ex->shared of the search `tr` makes (added unless there), or -1 when it is
 * not one that is shared or the table is full. */
static int share(cg_extractor *ex, const cgx_trigger *tr) {
    if (!tr->literal && tr->first_byte < 0) return -1; /* a pattern searched on its own */
    /* Sightings are found one after the other, each search starting after the last match:
     * the same matches as a search from anywhere only when a match at a position does not
     * depend on where the search began, which backtracking verbs ("(*COMMIT)"), \G and \K
     * break. A trigger of a grammar file that uses them is searched on its own. */
    if (!tr->literal &&
        (strstr(tr->text, "(*") || strstr(tr->text, "\\G") || strstr(tr->text, "\\K")))
        return -1;
    for (size_t i = 0; i < ex->nshared; i++) {
        const cgx_trigger *o = &ex->shared[i];
        if (tr->literal ? o->literal && o->literal_len == tr->literal_len &&
                              memcmp(o->literal, tr->literal, tr->literal_len) == 0
                        : !o->literal && strcmp(o->text, tr->text) == 0)
            return (int)i;
    }
    if (ex->nshared == CGX_MAX_SHARED) return -1;
    ex->shared[ex->nshared] = *tr;
    return (int)ex->nshared++;
}

static void share_triggers(cg_extractor *ex, cgx_triggers *t) {
    for (size_t k = 0; k < t->n; k++)
        t->t[k].shared = share(ex, &t->t[k]);
}

/* The searches that triggers and line_literals have in common, listed once a document asks
 * for them (match.c). */
static void share_searches(cg_extractor *ex) {
    for (int p = 0; p < P_COUNT; p++) {
        share_triggers(ex, &ex->trig[p]);
        if (ex->line_literal[p]) ex->line_search[p].shared = share(ex, &ex->line_search[p]);
    }
    for (size_t i = 0; i < ex->nusers; i++)
        share_triggers(ex, &ex->users[i].trig);
    /* the plain texts among them, searched in one pass */
    const char *text[CGX_LITERALS_MAX];
    size_t len[CGX_LITERALS_MAX], n = 0;
    for (size_t i = 0; i < ex->nshared && n < CGX_LITERALS_MAX; i++) {
        if (!ex->shared[i].literal || !ex->shared[i].literal_len) continue;
        text[n] = ex->shared[i].literal;
        len[n] = ex->shared[i].literal_len;
        ex->literal_shared[n++] = (uint8_t)i;
    }
    cgx_literals_build(&ex->literals, text, len, n);
}

cg_status cg_extractor_new(const cg_extractor_options *opts, cg_extractor **out, cg_error *err) {
    *out = NULL;
    cgg_grammar g;
    memset(&g, 0, sizeof g);
    cg_extractor *ex = calloc(1, sizeof *ex);
    if (ex) ex->stacks = cgx_stack_pool_new();
    cg_status st = ex && ex->stacks ? CG_OK : CG_ENOMEM;
    if (st == CG_OK)
        st = cgg_parse(&g, "built-in grammar", cg_builtin_grammar, cg_builtin_grammar_len, err);
    for (size_t i = 0; st == CG_OK && opts && i < opts->n_pattern_files; i++)
        st = cgg_parse_file(&g, opts->pattern_files[i], err);
    for (int p = 0; st == CG_OK && p < P_COUNT; p++) {
        const cgg_section *s = cgg_find(&g, cgx_pattern_names[p]);
        if (!s || s->is_define) {
            if (err) {
                memset(err, 0, sizeof *err);
                err->status = CG_EPATTERN;
                snprintf(err->text, sizeof err->text, "the grammar lacks the pattern [%s]",
                         cgx_pattern_names[p]);
            }
            st = CG_EPATTERN;
            break;
        }
        st = compile_value(&g, s, !interpreted[p], &ex->re[p], &ex->trig[p], err);
        if (st == CG_OK) st = compile_contains(s, &ex->contains[p], err);
        if (st == CG_OK) st = compile_line_first(s, &ex->line_first[p], err);
        if (st != CG_OK) break;
        if (s->line_literal.len && same_file(&s->line_literal, &s->pattern)) {
            ex->line_literal[p] = strndup(s->line_literal.text, s->line_literal.len);
            if (!ex->line_literal[p]) {
                st = CG_ENOMEM;
                break;
            }
            size_t ll = s->line_literal.len;
            ex->line_search[p] = (cgx_trigger){
                .literal = ex->line_literal[p],
                .literal_len = ll,
                .literal_rare = ll >= 2 ? cgx_literal_rare(ex->line_literal[p], ll) : 0,
                .first_byte = -1,
                .shared = -1};
        }
        for (size_t c = 0; c < sizeof contracts / sizeof contracts[0]; c++) {
            if (contracts[c].p != p) continue;
            if (s->handler.len &&
                (!contracts[c].handler || strcmp(s->handler.text, contracts[c].handler) != 0)) {
                st = section_error(err, s, &s->handler, "[%s]: unknown handler '%s'", s->name,
                                   s->handler.text);
                break;
            }
            if (s->id.len) { /* a template replaces the built-in recogniser */
                if (!contracts[c].handler) {
                    st = section_error(err, s, &s->id,
                                       "[%s] is a helper pattern, not a kind; it takes no id",
                                       s->name);
                    break;
                }
                ex->handler_off[p] = true;
                st = add_user_kind(ex, &g, s, err);
            } else {
                st = check_contract(s, ex->re[p], contracts[c].groups, err);
            }
        }
        if (st == CG_OK)
            st = check_examples(
                ex, s, ex->re[p],
                &(promises){ex->line_literal[p], &ex->line_first[p], &ex->trig[p], ex->contains[p]},
                err);
    }
    /* sections that are neither built in nor defines: kinds of their own */
    for (size_t i = 0; st == CG_OK && i < g.nsections; i++) {
        const cgg_section *s = &g.sections[i];
        int builtin = 0;
        for (int p = 0; p < P_COUNT && !builtin; p++)
            builtin = strcmp(s->name, cgx_pattern_names[p]) == 0;
        if (builtin || s->is_define) continue;
        st = add_user_kind(ex, &g, s, err);
        if (st == CG_OK) {
            const user_kind *u = &ex->users[ex->nusers - 1];
            cgx_line_first first; /* checked on the examples as a built-in pattern's is */
            st = compile_line_first(s, &first, err);
            if (st == CG_OK)
                st = check_examples(ex, s, u->re,
                                    &(promises){s->line_literal.len ? s->line_literal.text : NULL,
                                                &first, &u->trig, u->contains},
                                    err);
        }
    }
    if (st == CG_OK) share_searches(ex);
    if (st == CG_OK) {
        cgu_hash h = g.hash;
        const char *version = CG_VERSION_STRING;
        cgu_hash_bytes(&h, version, strlen(version));
        cgu_hash_hex(&h, ex->fingerprint);
    }
    cgg_release(&g);
    if (st != CG_OK) {
        if (st == CG_ENOMEM && err) {
            memset(err, 0, sizeof *err);
            err->status = CG_ENOMEM;
            snprintf(err->text, sizeof err->text, "out of memory");
        }
        cg_extractor_free(ex);
        return st;
    }
    *out = ex;
    return CG_OK;
}

size_t cg_extractor_examples_checked(const cg_extractor *ex) {
    return ex->examples_checked;
}

const char *cg_extractor_fingerprint(const cg_extractor *ex) {
    return ex->fingerprint;
}
