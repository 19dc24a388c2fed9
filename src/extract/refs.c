/* refs.c - the recognisers: from a pattern match to candidates.
 *
 * A keyword with a list ("Bundestagsdrucksachen 19/5954 und 19/8683") gives
 * one candidate per number: the first spans the keyword and its number, the
 * others their number alone, so that each carries its own position.
 *
 * Numbers that name their document outright get their cg_docid here. A
 * Drucksache number is read with the evidence the resolver needs to tell
 * whose it is (resolve/readings.c): the keyword (BT-, BR-, Landtags-), a
 * parliament named just before it ("Landtag Nordrhein-Westfalen,
 * Drucksache 17/8873"), the state named, and the number's form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docid/canon.h"
#include "docid/questions.h"
#include "input/input_internal.h"
#include "numbers.h"
#include "xctx.h"

static int has(xctx *x, int p, const char *name) {
    size_t s, e;
    return cgx_group(x, p, name, &s, &e);
}

static size_t trim_end(const xctx *x, size_t s, size_t e) {
    while (e > s && (x->norm.text[e - 1] == ' ' || x->norm.text[e - 1] == '\n' ||
                     x->norm.text[e - 1] == '\t'))
        e--;
    return e;
}

/* Adds candidate `c` for [s, e) (trailing white space trimmed); its index, or -1. */
static int add(xctx *x, cand *c, cand_role role, size_t s, size_t e, int list_first) {
    c->role = role;
    c->start = s;
    c->end = trim_end(x, s, e);
    c->list_first = list_first;
    return cgx_add_cand(x, c) < 0 ? -1 : (int)(x->ncands - 1);
}

/* Adds candidate `c` for item [is, ie) of a list whose keyword starts at `s`:
 * the first item's span takes in the keyword, and every item records the
 * list's first. *first is that first item's index, -1 before it. */
static int add_item(xctx *x, cand *c, cand_role role, size_t s, size_t is, size_t ie, int *first) {
    int idx = add(x, c, role, *first < 0 ? s : is, ie, *first);
    if (*first < 0) *first = idx;
    return idx;
}

/* A candidate whose id is known. */
static cand id_cand(const cg_docid *id, const char *locator) {
    cand c;
    memset(&c, 0, sizeof c);
    c.target = *id;
    c.locator.text = locator;
    return c;
}

/* Adds a candidate whose id is known, alone (no list). */
static int add_id(xctx *x, const cg_docid *id, cand_role role, size_t s, size_t e) {
    cand c = id_cand(id, NULL);
    return add(x, &c, role, s, e, -1);
}

/* ---- the parliament behind a bare "Drucksache" ---- */

/* The start of the clause that ends at `s`: after the last '(', ';', blank
 * line or sentence end, and no more than `max` bytes back. */
static size_t clause_start(const xctx *x, size_t s, size_t max) {
    const char *t = x->norm.text;
    size_t lim = s > max ? s - max : 0;
    for (size_t i = s; i > lim; i--) {
        char c = t[i - 1];
        if (c == '(' || c == ';') return i;
        if (c == '\n' && i >= 2 && t[i - 2] == '\n') return i;
        if ((c == '.' || c == '?' || c == '!') && i < s && (t[i] == ' ' || t[i] == '\n') &&
            i + 1 < s && t[i + 1] >= 'A' && t[i + 1] <= 'Z' && i >= 3 && t[i - 2] >= 'a' &&
            t[i - 2] <= 'z' && t[i - 3] >= 'a' && t[i - 3] <= 'z')
            return i;
    }
    return lim;
}

/* The state named last in [from, to), with "Nordrhein-\nWestfalen" folded. */
static const char *state_before(const xctx *x, size_t from, size_t to) {
    const char *t = x->norm.text;
    char buf[400];
    size_t n = 0;
    for (size_t k = from; k < to && n + 1 < sizeof buf; k++) {
        if ((t[k] == '\n' || t[k] == ' ') && n && buf[n - 1] == '-') continue;
        buf[n++] = t[k];
    }
    return cgx_state_code(buf, n);
}

/* A state named earlier in the sentence: "Empirische Daten aus Baden-Württemberg
 * ... (Landtagsdrucksache 17/7535)". */
static const char *state_in_sentence(const xctx *x, size_t kw) {
    const char *t = x->norm.text;
    size_t lim = kw > 300 ? kw - 300 : 0, i = kw;
    while (i > lim) {
        char c = t[i - 1];
        if ((c == '.' || c == '?' || c == '!') && i < kw && (t[i] == ' ' || t[i] == '\n') &&
            i >= 2 && t[i - 2] >= 'a' && t[i - 2] <= 'z') {
            size_t j = i;
            while (j < kw && (t[j] == ' ' || t[j] == '\n'))
                j++;
            if (j < kw && t[j] >= 'A' && t[j] <= 'Z') break; /* not "ca. 80 Prozent" */
        }
        i--;
    }
    return state_before(x, i, kw);
}

typedef struct context {
    cg_issuer parliament; /* CG_ISSUER_BT, _BR, _LT, or CG_ISSUER_NONE */
    const char *state;
} context;

static context keyword_context(xctx *x, size_t kw) {
    context c = {CG_ISSUER_NONE, NULL};
    const char *t = x->norm.text;
    /* The word just before: "Bundesrat, Drucksache", "des Bundestages Drucksache". */
    size_t i = kw;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == ','))
        i--;
    size_t we = i;
    while (i > 0 && ((t[i - 1] >= 'a' && t[i - 1] <= 'z') || (t[i - 1] >= 'A' && t[i - 1] <= 'Z')))
        i--;
    size_t wl = we - i;
    if ((wl == 9 && strncmp(t + i, "Bundesrat", 9) == 0) ||
        (wl == 11 && strncmp(t + i, "Bundesrates", 11) == 0))
        c.parliament = CG_ISSUER_BR;
    else if ((wl == 9 && strncmp(t + i, "Bundestag", 9) == 0) ||
             (wl == 11 && strncmp(t + i, "Bundestages", 11) == 0))
        c.parliament = CG_ISSUER_BT;
    if (c.parliament != CG_ISSUER_NONE) return c;
    /* A state parliament named earlier in the clause. */
    size_t cs = clause_start(x, kw, 160), ps = cs, ms, me;
    if (cgx_find(x, P_LT_CONTEXT, &ps, kw, &ms, &me)) {
        c.parliament = CG_ISSUER_LT;
        c.state = state_before(x, cs, kw);
        if (!c.state) c.state = state_in_sentence(x, kw);
    }
    return c;
}

/* ---- Drucksachen ---- */

static int on_drucksache(xctx *x, size_t s) {
    size_t ls, le;
    if (!cgx_group(x, P_DRS, "list", &ls, &le)) return 0;
    cg_issuer cls = has(x, P_DRS, "bt")   ? CG_ISSUER_BT
                    : has(x, P_DRS, "br") ? CG_ISSUER_BR
                    : has(x, P_DRS, "lt") ? CG_ISSUER_LT
                                          : CG_ISSUER_NONE;
    size_t sts, ste;
    const char *named = NULL; /* "LT-Drs. NW 17/8873" */
    if (cls == CG_ISSUER_LT && cgx_group(x, P_DRS, "state", &sts, &ste))
        named = cgx_state_code_abbrev(x->norm.text + sts, ste - sts);
    context ctx = {CG_ISSUER_NONE, NULL};
    if (cls == CG_ISSUER_NONE || cls == CG_ISSUER_LT) ctx = keyword_context(x, s);
    const char *state = NULL;
    if (cls == CG_ISSUER_LT)
        state = named ? named : ctx.state ? ctx.state : state_in_sentence(x, s);
    else if (cls == CG_ISSUER_NONE && ctx.parliament == CG_ISSUER_LT)
        state = ctx.state;
    size_t pos = ls, is, ie;
    int first = -1;
    while (cgx_find_within(x, P_DRS_ITEM, &pos, le, &is, &ie)) {
        cand c;
        memset(&c, 0, sizeof c);
        cgx_drucksache *d = &c.drs;
        d->keyword = cls;
        d->context = cls != CG_ISSUER_NONE ? CG_ISSUER_NONE : ctx.parliament;
        d->state = state;
        d->a = cgx_group_number(x, P_DRS_ITEM, "a", &d->a_digits);
        d->b = cgx_group_number(x, P_DRS_ITEM, "b", &d->b_digits);
        d->k = (unsigned)cgx_group_number(x, P_DRS_ITEM, "k", NULL);
        size_t ss, se;
        if (cgx_group(x, P_DRS_ITEM, "sfx", &ss, &se))
            cgx_drs_suffix(x->norm.text + ss, se - ss, &d->flags, &d->version);
        if (has(x, P_DRS_ITEM, "zu")) d->flags |= CG_DOCID_ZU;
        if (add_item(x, &c, ROLE_DOC, s, is, ie, &first) < 0) return -1;
    }
    return x->status == CG_OK ? 0 : -1;
}

static int on_plenarprotokoll(xctx *x, size_t s) {
    size_t ls, le, pos, is, ie;
    if (!cgx_group(x, P_PLPR, "list", &ls, &le)) return 0;
    pos = ls;
    int first = -1;
    while (cgx_find_within(x, P_WPNR_ITEM, &pos, le, &is, &ie)) {
        cg_docid id;
        unsigned long wp = cgx_group_number(x, P_WPNR_ITEM, "a", NULL);
        unsigned long nr = cgx_group_number(x, P_WPNR_ITEM, "b", NULL);
        if (!cgd_bt_plenarprotokoll(&id, wp, nr)) continue;
        cand c = id_cand(&id, NULL);
        if (add_item(x, &c, ROLE_DOC, s, is, ie, &first) < 0) return -1;
    }
    return x->status == CG_OK ? 0 : -1;
}

static int on_ausschuss(xctx *x, size_t s, size_t e) {
    cg_docid id;
    size_t cs, ce;
    char letter = 0;
    unsigned committee = (unsigned)cgx_group_number(x, P_ADRS, "c", NULL);
    if (cgx_group(x, P_ADRS, "letter", &cs, &ce)) letter = x->norm.text[cs];
    unsigned long wp = cgx_group_number(x, P_ADRS, "wp", NULL);
    unsigned long nr = cgx_group_number(x, P_ADRS, "nr", NULL);
    if (!cgd_bt_ausschussdrucksache(&id, wp, committee, nr, letter)) return 0;
    return add_id(x, &id, ROLE_DOC, s, e) < 0 ? -1 : 0;
}

/* "ADD 1 REV 2" from the qualifiers after a Council number; INIT is dropped. */
static const char *council_locator(xctx *x, unsigned rev) {
    char buf[64] = "";
    size_t n = 0, qs, qe;
    int has_rev = 0;
    if (cgx_group(x, P_COUNCIL_ITEM, "q", &qs, &qe)) {
        const char *t = x->norm.text;
        for (size_t i = qs; i < qe;) {
            if (t[i] >= 'A' && t[i] <= 'Z') {
                size_t w = i;
                while (w < qe && t[w] >= 'A' && t[w] <= 'Z')
                    w++;
                size_t d = w;
                while (d < qe && t[d] == ' ')
                    d++;
                size_t de = d;
                while (de < qe && t[de] >= '0' && t[de] <= '9')
                    de++;
                if (strncmp(t + i, "INIT", 4) != 0 && de > d &&
                    n + (w - i) + (de - d) + 3 < sizeof buf) {
                    if (strncmp(t + i, "REV", 3) == 0) has_rev = 1;
                    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.*s %.*s", n ? " " : "",
                                          (int)(w - i), t + i, (int)(de - d), t + d);
                }
                i = de > w ? de : w;
            } else {
                i++;
            }
        }
    }
    if (rev && !has_rev && n + 8 < sizeof buf)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%sREV %u", n ? " " : "", rev);
    return n ? cgx_strdup(x, buf) : NULL;
}

static int on_council(xctx *x, size_t s) {
    size_t ls, le, pos, is, ie;
    if (!cgx_group(x, P_COUNCIL, "list", &ls, &le)) return 0;
    pos = ls;
    int first = -1;
    while (cgx_find_within(x, P_COUNCIL_ITEM, &pos, le, &is, &ie)) {
        cg_docid id;
        unsigned long nr, yy;
        unsigned rev = 0;
        if (has(x, P_COUNCIL_ITEM, "nr")) {
            nr = cgx_group_number(x, P_COUNCIL_ITEM, "nr", NULL);
            yy = cgx_group_number(x, P_COUNCIL_ITEM, "yy", NULL);
            rev = (unsigned)cgx_group_number(x, P_COUNCIL_ITEM, "rev", NULL);
        } else {
            nr = cgx_group_number(x, P_COUNCIL_ITEM, "nr2", NULL);
            yy = cgx_group_number(x, P_COUNCIL_ITEM, "yyyy", NULL) % 100;
        }
        if (!cgd_council(&id, nr, yy)) continue;
        cand c = id_cand(&id, council_locator(x, rev));
        if (add_item(x, &c, ROLE_OTHER, s, is, ie, &first) < 0) return -1;
    }
    return x->status == CG_OK ? 0 : -1;
}

static int on_com(xctx *x, size_t s, size_t e) {
    cg_docid id;
    char series[8];
    size_t ss, se;
    if (!cgx_group(x, P_COM, "series", &ss, &se) || se - ss >= sizeof series) return 0;
    cgu_copy_cut(series, sizeof series, x->norm.text + ss, se - ss);
    unsigned long year = cgx_group_number(x, P_COM, "year", NULL);
    unsigned long nr = cgx_group_number(x, P_COM, "nr", NULL);
    if (!cgd_commission(&id, series, year, nr)) return 0;
    return add_id(x, &id, ROLE_OTHER, s, e) < 0 ? -1 : 0;
}

static char act_type(const char *t, size_t len) {
    char buf[64];
    cgu_copy_cut(buf, sizeof buf, t, len);
    if (strstr(buf, "Rahmenbeschl") || strstr(buf, "Framework")) return 'F';
    if (strstr(buf, "erordnung") || strcmp(buf, "VO") == 0 || strstr(buf, "Regulation")) return 'R';
    if (strstr(buf, "ichtlinie") || strcmp(buf, "RL") == 0 || strstr(buf, "Directive")) return 'L';
    if (strstr(buf, "mpfehlung") || strstr(buf, "Recommendation")) return 'H';
    return 'D';
}

static int on_act(xctx *x, size_t s) {
    size_t ts, te, ls, le, pos, is, ie;
    if (!cgx_group(x, P_ACT, "type", &ts, &te) || !cgx_group(x, P_ACT, "list", &ls, &le)) return 0;
    char type = act_type(x->norm.text + ts, te - ts);
    /* "EU-⏎Richtlinie 2011/93/EU": the reference starts at "EU-" (found here
     * rather than by the pattern, which would try it at every position) */
    const char *t = x->norm.text;
    size_t k = s;
    while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\n'))
        k--;
    int eu_prefix = k >= 3 && t[k - 1] == '-' && t[k - 3] == 'E' &&
                    (t[k - 2] == 'U' || t[k - 2] == 'G') &&
                    !(k >= 4 && ((t[k - 4] >= 'A' && t[k - 4] <= 'Z') ||
                                 (t[k - 4] >= 'a' && t[k - 4] <= 'z')));
    if (eu_prefix) s = k - 3;
    int first = -1, list_auth = 0, list_nr = 0;
    pos = ls;
    while (cgx_find_within(x, P_ACT_ITEM, &pos, le, &is, &ie)) {
        /* an item after the first stands where its number does: "(EU) No⏎528/2012" */
        size_t ns, ne;
        if (first >= 0 && cgx_group(x, P_ACT_ITEM, "a", &ns, &ne)) is = ns;
        int adig, bdig;
        unsigned long a = cgx_group_number(x, P_ACT_ITEM, "a", &adig);
        unsigned long b = cgx_group_number(x, P_ACT_ITEM, "b", &bdig);
        int has_nr = has(x, P_ACT_ITEM, "nr"), has_sfx = has(x, P_ACT_ITEM, "sfx");
        int has_auth = has(x, P_ACT_ITEM, "auth");
        /* a bare number after the first of a list is read as the first is:
         * "Verordnungen (EU) Nr. 1303/2013 und 1304/2013" */
        if (first >= 0 && !has_auth && !has_nr && !has_sfx) {
            has_auth = list_auth;
            has_nr = list_nr;
        }
        /* Without "(EU)", "Nr." or "/EG" a bare N/N after "Beschluss" is too
         * often something else (a Bundesrat number); accept only a year-first
         * "VO 2018/1862", or any year-first number after a keyword that says
         * "EU-" ("EU-Empfehlung 2022/1431"). */
        if (!has_auth && !has_nr && !has_sfx &&
            !(adig == 4 && a >= 1958 && (type == 'R' || type == 'L' || eu_prefix)))
            continue;
        unsigned year;
        unsigned long nr;
        cg_docid id;
        if (!cgx_eu_act_numbers(type, a, adig, b, bdig, has_nr, has_sfx, has_auth, &year, &nr))
            continue;
        if (!cgd_celex(&id, year, type, nr)) continue;
        cand c = id_cand(&id, NULL);
        if (first < 0) {
            list_auth = has_auth;
            list_nr = has_nr;
        }
        if (add_item(x, &c, ROLE_ACT, s, is, ie, &first) < 0) return -1;
    }
    return x->status == CG_OK ? 0 : -1;
}

static int on_celex(xctx *x, size_t s, size_t e) {
    size_t cs, ce;
    if (!cgx_group(x, P_CELEX, "c", &cs, &ce)) return 0;
    char number[32];
    cg_docid id;
    cgu_copy_cut(number, sizeof number, x->norm.text + cs, ce - cs);
    if (cg_docid_parse_number(CG_KIND_EU_LEGAL_ACT, number, &id, NULL) != CG_OK) return 0;
    return add_id(x, &id, ROLE_ACT, s, e) < 0 ? -1 : 0;
}

/* ---- URLs ---- */

static int url_char(unsigned char c) {
    return c > ' ' && c != '<' && c != '>' && c != '"';
}

/* Scratch buffer k of on_url, empty, with the room the URLs before left it (the extraction
 * releases it): not a malloc and a free for each URL. */
static cg_buf scratch(xctx *x, int k) {
    cg_buf b = x->url_scratch[k];
    b.len = 0;
    if (b.data) b.data[0] = '\0';
    return b;
}

static int on_url(xctx *x, size_t s, size_t e) {
    const char *t = x->norm.text;
    const size_t len = x->norm.len;
    cg_buf u = scratch(x, 0);
    enum { MAX_PIECES = 10 }; /* lines a URL may run over after its first: a long query fills eight */
    size_t joins[MAX_PIECES], join_text[MAX_PIECES]; /* each hyphen at a break: in u, in the text */
    int njoins = 0;
    /* A host without a scheme at the start of a line may have begun on the
     * line before: "(klimaentsch\neid-deg.de/auffahrten-...)". */
    if (strncmp(t + s, "http", 4) != 0 && strncmp(t + s, "ftp", 3) != 0 &&
        strncmp(t + s, "www.", 4) != 0 && s >= 2 && t[s - 1] == '\n' && t[s - 2] != ' ') {
        size_t b = s - 1;
        while (b > 0 &&
               ((t[b - 1] >= 'a' && t[b - 1] <= 'z') || (t[b - 1] >= '0' && t[b - 1] <= '9') ||
                t[b - 1] == '-' || t[b - 1] == '.'))
            b--;
        if (b < s - 1 && b > 0 && (t[b - 1] == '(' || t[b - 1] == ' ')) {
            if (cgu_buf_append(&u, t + b, s - 1 - b)) goto oom;
            s = b;
        }
    }
    /* the host's first piece, if any, stands before a line break the URL leaves out */
    size_t head = u.len, first = head ? s + head + 1 : s;
    if (cgu_buf_append(&u, t + first, e - first)) goto oom;
    size_t end = e, last_piece = first, last_piece_buf = head;
    /* A PDF's link annotation knows the whole address, however the layout
     * broke it: its characters replace the guesswork below. */
    const cgin_link_span *link = cgin_link_at(x->input, cg_norm_orig_start(&x->norm, s));
    if (link) {
        u.len = 0;
        if (cgu_buf_puts(&u, link->url)) goto oom;
        size_t stop = link->offset + link->length;
        end = s;
        while (end < len && cg_norm_orig_start(&x->norm, end) < stop)
            end++;
    }
    for (int k = 0; k < MAX_PIECES && !link; k++) {
        size_t j = end;
        while (j < len && (t[j] == ' ' || t[j] == '\t'))
            j++;
        if (j >= len || t[j] != '\n') break;
        size_t ns = j + 1;
        while (ns < len && (t[ns] == ' ' || t[ns] == '\t'))
            ns++;
        size_t ne = ns;
        while (ne < len && url_char((unsigned char)t[ne]))
            ne++;
        int spaced = ne < len && (t[ne] == ' ' || t[ne] == '\t');
        /* a PDF's next page begins other text: the foot of a page (a
         * footnote's address) does not go on at the head of the next */
        if (cgin_page_start_at(x->input, cg_norm_orig_start(&x->norm, ns))) break;
        if (!cgx_url_continues(u.data, u.len, t + ns, ne - ns, spaced)) break;
        if (u.data[u.len - 1] == '-' && njoins < MAX_PIECES) {
            join_text[njoins] = end - 1;
            joins[njoins++] = u.len - 1;
        }
        last_piece_buf = u.len;
        last_piece = ns;
        if (cgu_buf_append(&u, t + ns, ne - ns)) goto oom;
        end = ne;
    }
    /* A closing bracket the URL did not open ends it: "(www.x.de/a.pdf)?11". */
    int depth = 0, square = 0, bracket_closed = 0;
    for (size_t i = 0; i < u.len; i++) {
        char ch = u.data[i];
        if (ch == '(')
            depth++;
        else if (ch == '[')
            square++;
        else if ((ch == ')' && depth-- == 0) || (ch == ']' && square-- == 0)) {
            u.len = i;
            u.data[i] = '\0';
            bracket_closed = 1;
            break;
        }
    }
    /* An empty query closed by the bracket is the address's, not a question:
     * "(jungefreiheit.de/…/gruene-jugend/?)" */
    int keep_query = bracket_closed && u.len >= 2 && u.data[u.len - 1] == '?' &&
                     u.data[u.len - 2] == '/';
    /* Trailing punctuation belongs to the sentence, not the URL; a closing
     * bracket stays only when the URL opened one. */
    for (;;) {
        if (!u.len || keep_query) break;
        char c = u.data[u.len - 1];
        size_t opens = 0, closes = 0;
        if (c == ')' || c == ']') {
            char o = c == ')' ? '(' : '[';
            for (size_t i = 0; i < u.len; i++) {
                opens += u.data[i] == o;
                closes += u.data[i] == c;
            }
            if (opens >= closes) break;
        } else if (!strchr(".,;:!?'*", c)) {
            /* closing quotes in UTF-8: ” “ ’ ‘ » « */
            if (u.len >= 3 && (unsigned char)u.data[u.len - 3] == 0xE2 &&
                (unsigned char)u.data[u.len - 2] == 0x80 &&
                ((unsigned char)c == 0x9D || (unsigned char)c == 0x9C || (unsigned char)c == 0x99 ||
                 (unsigned char)c == 0x98)) {
                u.len -= 2;
            } else if (u.len >= 2 && (unsigned char)u.data[u.len - 2] == 0xC2 &&
                       ((unsigned char)c == 0xBB || (unsigned char)c == 0xAB)) {
                u.len -= 1;
            } else {
                break;
            }
        }
        u.len--;
        u.data[u.len] = '\0';
    }
    /* The span in the text ends where the kept part of the last piece ends
     * (with a link annotation: where its span ends, set above). */
    if (!link) end = u.len >= last_piece_buf ? last_piece + (u.len - last_piece_buf) : s + u.len;
    cg_buf c = scratch(x, 1);
    const char *p = u.data;
    size_t plen = u.len;
    size_t scheme_end = cgd_scheme_length(p);
    if (!scheme_end && cgu_buf_puts(&c, "http://")) goto oom2; /* www. and bare hosts */
    size_t host_end = scheme_end;
    while (host_end < plen && p[host_end] != '/' && p[host_end] != '?' && p[host_end] != '#')
        host_end++;
    size_t prefix = c.len;
    for (size_t i = 0; i < host_end; i++) {
        char ch = p[i];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
        if (cgu_buf_putc(&c, ch)) goto oom2;
    }
    if (cgu_buf_append(&c, p + host_end, plen - host_end)) goto oom2;
    /* Hyphens at line breaks inside the URL: syllable breaks go, real ones stay. */
    for (int j = njoins - 1; j >= 0; j--) {
        size_t at = prefix + joins[j];
        if (joins[j] <= scheme_end || at >= c.len) continue;
        int in_host = joins[j] < host_end;
        if (cgx_url_words_make(&x->url_words, t, len, s) != 0) goto oom2;
        if (!cgx_url_hyphen_is_syllable_break(c.data, c.len, at, in_host, prefix + scheme_end,
                                              prefix + host_end, &x->url_words, join_text[j]))
            continue;
        memmove(c.data + at, c.data + at + 1, c.len - at - 1);
        c.len--;
        c.data[c.len] = '\0';
    }
    /* A URL needs a host with a dot. */
    size_t hs = prefix + scheme_end;
    int dot = 0;
    for (size_t i = hs; i < c.len && c.data[i] != '/' && c.data[i] != '?' && c.data[i] != '#'; i++)
        dot |= c.data[i] == '.';
    int rc = 0;
    if (dot && c.len > hs + 3) {
        cand cd;
        memset(&cd, 0, sizeof cd);
        if (cgx_match_str(x, P_BT_URL, c.data, c.len)) {
            size_t gs, ge, ws, we;
            cgx_group(x, P_BT_URL, "t", &gs, &ge);
            cd.pdf.type = c.data[gs + 2] == 'p' ? 'p' : 'd';
            cgx_group(x, P_BT_URL, "num", &gs, &ge);
            cd.pdf.whole = cgx_number(c.data, gs, ge, &cd.pdf.digits);
            cgx_group(x, P_BT_URL, "wp", &ws, &we);
            cd.pdf.wp = (unsigned)cgx_number(c.data, ws, we, NULL);
        }
        cd.target.kind = CG_KIND_URL;
        cd.target.text = cgx_strdup(x, c.data);
        cd.role = ROLE_OTHER;
        cd.start = s;
        cd.end = end; /* as the pieces were joined: not trimmed */
        cd.list_first = -1;
        if (!cd.target.text || cgx_add_cand(x, &cd) < 0) rc = -1;
    }
    x->url_scratch[1] = c;
    x->url_scratch[0] = u;
    return rc;
oom2:
    x->url_scratch[1] = c;
oom:
    x->url_scratch[0] = u;
    x->status = CG_ENOMEM;
    return -1;
}

/* ---- kinds from grammar files ---- */

static int in_url(const xctx *x, size_t s, size_t e, size_t n);

/* Renders a template with the groups of the last match; NULL when a group
 * outside an optional part did not match (then the match is no reference). */
static char *render(xctx *x, const pcre2_code *re, const cgg_template *t) {
    cg_buf out = CG_BUF_INIT, part = CG_BUF_INIT;
    int in_opt = 0, opt_ok = 1, ok = 1;
    for (size_t i = 0; i < t->nparts && ok; i++) {
        const cgg_tpl_part *p = &t->parts[i];
        cg_buf *dst = in_opt ? &part : &out;
        if (p->kind == TPL_OPEN) {
            in_opt = 1;
            opt_ok = 1;
            part.len = 0;
        } else if (p->kind == TPL_CLOSE) {
            in_opt = 0;
            if (opt_ok && part.len && cgu_buf_append(&out, part.data, part.len)) ok = 0;
        } else if (p->kind == TPL_TEXT) {
            if (cgu_buf_puts(dst, p->text)) ok = 0;
        } else {
            size_t gs, ge;
            if (!cgx_group_code(x, re, p->text, &gs, &ge) || gs == ge) {
                if (in_opt)
                    opt_ok = 0;
                else
                    ok = 0;
                continue;
            }
            char *v = cgx_text(x, gs, ge);
            if (!v)
                ok = 0;
            else if (p->format == 1) {
                int nd;
                unsigned long n = cgx_number(v, 0, strlen(v), &nd);
                if (nd)
                    cgu_buf_printf(dst, "%lu", n);
                else if (cgu_buf_puts(dst, v))
                    ok = 0;
            } else {
                size_t at = dst->len;
                if (cgu_buf_puts(dst, v)) ok = 0;
                for (size_t k = at; ok && p->format && k < dst->len; k++) {
                    char c = dst->data[k];
                    if (p->format == 2 && c >= 'a' && c <= 'z') dst->data[k] = (char)(c - 32);
                    if (p->format == 3 && c >= 'A' && c <= 'Z') dst->data[k] = (char)(c + 32);
                }
            }
        }
    }
    char *r = ok && out.len ? cgx_strdup(x, out.data) : NULL;
    cg_buf_release(&out);
    cg_buf_release(&part);
    return r;
}

int cgx_locator_from_text(xctx *x, const char *text, cg_locator *loc) {
    memset(loc, 0, sizeof *loc);
    loc->text = text;
    if (cgl_locator_questions(x->arena, loc) == 0) return 0;
    x->status = CG_ENOMEM;
    return -1;
}

static int user_kinds(xctx *x) {
    for (size_t u = 0; u < x->ex->nusers; u++) {
        const user_kind *k = &x->ex->users[u];
        size_t pos = 0, s, e;
        const char *kind = NULL; /* the kind's name, copied into the result once it is needed:
                                    its ids must outlive the extractor */
        while (cgx_next_code(x, k, &pos, &s, &e)) {
            /* all candidates: a kind named "url" adds URLs too */
            if (s == e || in_url(x, s, e, x->ncands)) continue;
            if (!kind && !(kind = cgx_strdup(x, k->kind))) return -1;
            char *id = render(x, k->re, &k->id);
            if (!id) continue;
            char *loc = k->locator.nparts ? render(x, k->re, &k->locator) : NULL;
            cand c;
            memset(&c, 0, sizeof c);
            /* a template may render a built-in kind's canonical id; anything else is the
             * grammar kind's own id */
            cg_docid_parse_kind(kind, id, &c.target, NULL);
            if (cgx_locator_from_text(x, loc, &c.locator) != 0 ||
                add(x, &c, (cand_role)k->role, s, e, -1) < 0)
                return -1;
        }
        if (x->status != CG_OK) return -1;
    }
    return 0;
}

/* ---- running all recognisers ---- */

/* Is [s, e) inside, and not all of, a URL among the first n candidates? */
static int in_url(const xctx *x, size_t s, size_t e, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (x->cands[i].target.kind == CG_KIND_URL && s >= x->cands[i].start &&
            e <= x->cands[i].end && !(s == x->cands[i].start && e == x->cands[i].end))
            return 1;
    return 0;
}

int cgx_references(xctx *x) {
    size_t pos, s, e;
    /* URLs first, so that numbers inside them are not read as documents. */
    pos = 0;
    while (!x->ex->handler_off[P_URL] && cgx_next(x, P_URL, &pos, &s, &e))
        if (on_url(x, s, e) != 0) return -1;
    size_t nurls = x->ncands; /* the recognisers below add no URLs */
    static const int patterns[] = {P_DRS, P_PLPR, P_ADRS, P_COUNCIL, P_COM, P_ACT, P_CELEX};
    for (size_t k = 0; k < sizeof patterns / sizeof patterns[0]; k++) {
        int p = patterns[k];
        if (x->ex->handler_off[p]) continue; /* replaced by a grammar file's template */
        pos = 0;
        while (cgx_next(x, p, &pos, &s, &e)) {
            if (nurls && in_url(x, s, e, nurls)) continue;
            int rc = 0;
            switch (p) {
            case P_DRS:
                rc = on_drucksache(x, s);
                break;
            case P_PLPR:
                rc = on_plenarprotokoll(x, s);
                break;
            case P_ADRS:
                rc = on_ausschuss(x, s, e);
                break;
            case P_COUNCIL:
                rc = on_council(x, s);
                break;
            case P_COM:
                rc = on_com(x, s, e);
                break;
            case P_ACT:
                rc = on_act(x, s);
                break;
            case P_CELEX:
                rc = on_celex(x, s, e);
                break;
            }
            if (rc != 0) return -1;
        }
        if (x->status != CG_OK) return -1;
    }
    if (user_kinds(x) != 0) return -1;
    /* keywords left without a number: for `check` */
    pos = 0;
    while (cgx_next(x, P_BARE_KEYWORD, &pos, &s, &e)) {
        if (cgx_excluded(x, s, e)) continue;
        if (cgu_grow((void **)&x->defects, &x->capdefects, x->ndefects + 1, sizeof *x->defects)) {
            x->status = CG_ENOMEM;
            return -1;
        }
        x->defects[x->ndefects++] = (span){s, e};
    }
    /* Phrases that narrow a document: questions and articles. */
    pos = 0;
    while (cgx_next(x, P_QUESTION, &pos, &s, &e)) {
        if (nurls && in_url(x, s, e, x->ncands)) continue;
        size_t qs, qe;
        cgx_group(x, P_QUESTION, "qlist", &qs, &qe);
        phrase ph;
        memset(&ph, 0, sizeof ph);
        ph.start = s;
        ph.end = e;
        ph.antwort = has(x, P_QUESTION, "ant");
        ph.written = has(x, P_QUESTION, "sq");
        cg_question_series series = CG_SERIES_ANFRAGE;
        size_t ws, we;
        if (cgx_group(x, P_QUESTION, "sq", &ws, &we))
            series = x->norm.text[ws] == 'S' || x->norm.text[ws] == 's' ? CG_SERIES_WRITTEN
                                                                        : CG_SERIES_ORAL;
        /* "Fragen 7 bis 10 und 17": 7 (bis) 10 (,) 17 */
        cgl_item *items = NULL;
        size_t n = 0, cap = 0, ipos = qs, is, ie;
        while (cgx_find_within(x, P_QITEM, &ipos, qe, &is, &ie)) {
            size_t ss, se, vs, ve;
            cgx_group(x, P_QITEM, "q", &vs, &ve);
            bool range = false;
            if (cgx_group(x, P_QITEM, "sep", &ss, &se))
                for (size_t i = ss; i < se; i++)
                    range |= x->norm.text[i] == '-' ||
                             (x->norm.text[i] == 'b' && strncmp(x->norm.text + i, "bis", 3) == 0);
            if (cgu_grow((void **)&items, &cap, n + 1, sizeof *items)) {
                free(items);
                x->status = CG_ENOMEM;
                return -1;
            }
            int digits;
            unsigned long v = cgx_number(x->norm.text, vs, ve, &digits);
            char last = x->norm.text[ve - 1];
            items[n++] = (cgl_item){{(unsigned)v, last >= 'a' && last <= 'z' ? last : 0}, range};
        }
        cg_buf text = CG_BUF_INIT;
        int failed = cgl_render(&text, series, items, n) ||
                     cgx_locator_from_text(x, cgx_strdup(x, text.data), &ph.locator) != 0;
        cg_buf_release(&text);
        free(items);
        /* a list without numbers names no questions, but keeps its series */
        if (!n) ph.locator.series = series;
        if (failed || !ph.locator.text ||
            cgu_grow((void **)&x->questions, &x->capquestions, x->nquestions + 1, sizeof ph)) {
            x->status = CG_ENOMEM;
            return -1;
        }
        x->questions[x->nquestions++] = ph;
    }
    pos = 0;
    while (cgx_next(x, P_ARTICLE, &pos, &s, &e)) {
        char loc[96];
        size_t n = 0, gs, ge;
        static const struct {
            const char *group, *label;
        } parts[] = {{"art", "Art. "},
                     {"abs", " Abs. "},
                     {"uabs", " UAbs. "},
                     {"satz", " Satz "},
                     {"lit", " Buchst. "}};
        for (size_t i = 0; i < 5; i++)
            if (cgx_group(x, P_ARTICLE, parts[i].group, &gs, &ge) && n + 24 < sizeof loc) {
                n += cgu_copy_cut(loc + n, sizeof loc - n, parts[i].label, strlen(parts[i].label));
                n += cgu_copy_cut(loc + n, sizeof loc - n, x->norm.text + gs, ge - gs);
            }
        phrase ph;
        memset(&ph, 0, sizeof ph);
        ph.start = s;
        ph.end = e;
        ph.locator.text = cgx_strdup(x, loc);
        if (!ph.locator.text ||
            cgu_grow((void **)&x->articles, &x->caparticles, x->narticles + 1, sizeof ph)) {
            x->status = CG_ENOMEM;
            return -1;
        }
        x->articles[x->narticles++] = ph;
    }
    return x->status == CG_OK ? 0 : -1;
}
