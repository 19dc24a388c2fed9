/* authors.c - who a document is by, as its header says ("urheber").
 *
 * The header names its issuer in the lines between the type and the title:
 * "der Abgeordneten ... und der Fraktion der AfD", "der Bundesregierung",
 * "des Haushaltsausschusses (8. Ausschuss)", "des Landes Niedersachsen",
 * "durch die Europäische Kommission". header.c hands these lines over,
 * cleaned and joined; this module turns them into DIP's names, in the
 * nominative ("Fraktion der AfD", "Haushaltsausschuss", "Niedersachsen"),
 * with their roles: an Antwort is the Bundesregierung's, answered by the
 * ministry of its cover letter ("ressort"), to the Fraktionen that asked
 * ("fragesteller"). A Verordnung of a ministry is the Bundesregierung's,
 * with that ministry as "ressort". */
#include <string.h>

#include "xctx.h"

#define MAX_AUTHORS 16
#define RESSORT_WINDOW 30000 /* the cover letter's footnote stands on the first page */

typedef struct found {
    size_t at; /* where in the issuer text: the authors keep the order the text gives */
    cg_author a;
} found;

typedef struct authors {
    found v[MAX_AUTHORS];
    size_t n;
} authors;

static void add(authors *l, size_t at, const char *name, cg_author_role role) {
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].a.role == role && strcmp(l->v[i].a.name, name) == 0) return;
    if (l->n < MAX_AUTHORS) l->v[l->n++] = (found){at, {name, role}};
}

/* Text [s, e) of `str` with white space runs as one space and none around '/' and after a
 * hyphen at a line break ("BÜNDNIS 90/DIE⏎GRÜNEN", "Nordrhein-⏎Westfalen"). */
static char *folded(xctx *x, const char *str, size_t s, size_t e) {
    char buf[512];
    size_t n = 0;
    for (size_t i = s; i < e && n + 1 < sizeof buf; i++) {
        char ch = str[i];
        if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
        if (ch == ' ' && (n == 0 || buf[n - 1] == ' ' || buf[n - 1] == '/' || buf[n - 1] == '-' ||
                          (i + 1 < e && str[i + 1] == '/')))
            continue;
        buf[n++] = ch;
    }
    while (n && (buf[n - 1] == ' ' || buf[n - 1] == ',' || buf[n - 1] == '.'))
        n--;
    buf[n] = '\0';
    return cgx_strdup(x, buf);
}

/* The nominative of a ministry named in the genitive: "Bundesministeriums der Finanzen" ->
 * "Bundesministerium der Finanzen", "Auswärtigen Amts" -> "Auswärtiges Amt". */
static const char *ministry_name(xctx *x, const char *genitive) {
    static const struct {
        const char *gen, *nom;
    } heads[] = {
        {"Bundesministeriums", "Bundesministerium"}, {"Auswärtigen Amtes", "Auswärtiges Amt"},
        {"Auswärtigen Amts", "Auswärtiges Amt"},     {"Bundeskanzleramtes", "Bundeskanzleramt"},
        {"Bundeskanzleramts", "Bundeskanzleramt"},   {"Beauftragten", "Beauftragte"},
    };
    for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++) {
        size_t n = strlen(heads[k].gen);
        if (strncmp(genitive, heads[k].gen, n) != 0) continue;
        char buf[512];
        snprintf(buf, sizeof buf, "%s%s", heads[k].nom, genitive + n);
        return cgx_strdup(x, buf);
    }
    return genitive;
}

/* The Fraktionen named in str[s, e): "Fraktion der AfD", "Fraktion BÜNDNIS 90/DIE GRÜNEN". */
static void parties(xctx *x, const char *str, size_t s, size_t e, cg_author_role role, authors *l) {
    while (s < e && cgx_match_str(x, P_HDR_PARTY, str + s, e - s)) {
        size_t ps, pe;
        if (!cgx_group(x, P_HDR_PARTY, "party", &ps, &pe)) break;
        const char *party = folded(x, str + s, ps, pe);
        if (!party) return;
        char name[96];
        if (strncmp(party, "BÜNDNIS", 7) == 0)
            snprintf(name, sizeof name, "Fraktion BÜNDNIS 90/DIE GRÜNEN");
        else if (strcmp(party, "Die Linke") == 0 || strcmp(party, "DIE LINKE") == 0)
            snprintf(name, sizeof name, "Fraktion Die Linke");
        else
            snprintf(name, sizeof name, "Fraktion der %s", party);
        const char *dup = cgx_strdup(x, name);
        if (!dup) return;
        add(l, s + ps, dup, role);
        s += pe;
    }
}

/* The Länder named in str[s, e). */
static void laender(xctx *x, const char *str, size_t s, size_t e, authors *l) {
    while (s < e && cgx_match_str(x, P_HDR_LAND, str + s, e - s)) {
        size_t ls, le;
        if (!cgx_group(x, P_HDR_LAND, "land", &ls, &le)) break;
        char *land = folded(x, str + s, ls, le);
        if (!land) return;
        if (strcmp(land, "Saarlandes") == 0) land[8] = '\0';
        add(l, s + ls, land, CG_AUTHOR_SUBMITTER);
        s += le;
    }
}

/* The answering or leading ministry of a cover letter on the first page: "mit Schreiben des
 * Bundesministeriums der Finanzen vom ...". NULL when the text names none. */
static const char *ressort(xctx *x, int ministries_only) {
    size_t pos = 0, s, e, limit = x->norm.len < RESSORT_WINDOW ? x->norm.len : RESSORT_WINDOW;
    if (!cgx_find(x, P_HDR_RESSORT, &pos, limit, &s, &e)) return NULL;
    size_t ws, we;
    if (!cgx_group(x, P_HDR_RESSORT, "who", &ws, &we)) return NULL;
    const char *who = folded(x, x->norm.text, ws, we);
    if (!who) return NULL;
    if (ministries_only && strncmp(who, "Bundesministeriums", 18) != 0 &&
        strncmp(who, "Auswärtigen", 12) != 0)
        return NULL;
    return ministry_name(x, who);
}

/* Where the issuer's own words end: what follows "zu dem Gesetzentwurf", "auf die Kleine
 * Anfrage" names the paper referred to and its authors. */
static size_t own_part(const char *block, size_t len) {
    static const char *const cuts[] = {" zu dem ",  " zu der ",  " zur ", " zum ",
                                       " auf die ", " auf den ", NULL};
    size_t end = len;
    for (const char *const *c = cuts; *c; c++) {
        const char *p = strstr(block, *c);
        if (p && (size_t)(p - block) < end) end = (size_t)(p - block);
    }
    return end;
}

static int has(const char *block, size_t len, const char *what) {
    const char *p = strstr(block, what);
    return p && (size_t)(p - block) < len;
}

static size_t where(const char *block, const char *what) {
    const char *p = strstr(block, what);
    return p ? (size_t)(p - block) : 0;
}

static int type_is(const xctx *x, const char *t) {
    return x->header.type && strcmp(x->header.type, t) == 0;
}

int cgx_read_authors(xctx *x, const char *block, size_t len) {
    authors l = {.n = 0};
    int br = cg_docid_issuer(&x->header.id) == CG_ISSUER_BR;
    size_t own = own_part(block, len);
    if (type_is(x, "Antwort")) {
        add(&l, 0, "Bundesregierung", CG_AUTHOR_SUBMITTER);
        const char *m = ressort(x, 0);
        if (m) add(&l, 1, m, CG_AUTHOR_MINISTRY);
        size_t asked = where(block, "Anfrage");
        if (asked) parties(x, block, asked, len, CG_AUTHOR_ASKER, &l);
    } else if (type_is(x, "Schriftliche Fragen")) {
        add(&l, 0, "Bundesregierung", CG_AUTHOR_SUBMITTER);
    } else if (type_is(x, "Fragen")) {
        /* the questions of single members for the Fragestunde: no Fraktion submits them */
        add(&l, 0, "Abgeordnete", CG_AUTHOR_SUBMITTER);
    } else {
        if (has(block, own, "Fraktion"))
            parties(x, block, where(block, "Fraktion"), own, CG_AUTHOR_SUBMITTER, &l);
        else if (has(block, own, "Abgeordnete"))
            add(&l, where(block, "Abgeordnete"), "Abgeordnete", CG_AUTHOR_SUBMITTER);
        if (has(block, own, "Bundesministerium")) {
            size_t at = where(block, "Bundesministerium");
            add(&l, at, "Bundesregierung", CG_AUTHOR_SUBMITTER);
            const char *m = folded(x, block, at, own);
            if (m) add(&l, at + 1, ministry_name(x, m), CG_AUTHOR_MINISTRY);
        }
        if (has(block, own, "Bundesregierung")) {
            add(&l, where(block, "Bundesregierung"), "Bundesregierung", CG_AUTHOR_SUBMITTER);
            if (type_is(x, "Unterrichtung") && !br) {
                const char *m = ressort(x, 1);
                if (m) add(&l, where(block, "Bundesregierung") + 1, m, CG_AUTHOR_MINISTRY);
            }
        }
        if (has(block, own, "Präsidentin des Deutschen Bundestages"))
            add(&l, where(block, "Präsidentin"), "Präsidentin des Deutschen Bundestages",
                CG_AUTHOR_SUBMITTER);
        else if (has(block, own, "Deutschen Bundestages"))
            add(&l, where(block, "Deutschen Bundestages"), "Deutscher Bundestag",
                CG_AUTHOR_SUBMITTER);
        else if (br && has(block, own, "der Präsidentin"))
            add(&l, where(block, "der Präsidentin"), "Präsidentin des Bundesrates",
                CG_AUTHOR_SUBMITTER);
        if (has(block, own, "Bundesrates") || (br && type_is(x, "Empfehlungen der Ausschüsse")))
            add(&l, where(block, "Bundesrates"), "Bundesrat", CG_AUTHOR_SUBMITTER);
        if (has(block, own, "Europäische Kommission"))
            add(&l, where(block, "Europäische Kommission"), "Europäische Kommission",
                CG_AUTHOR_SUBMITTER);
        if (has(block, own, "Bundesrechnungshof"))
            add(&l, where(block, "Bundesrechnungshof"), "Bundesrechnungshof", CG_AUTHOR_SUBMITTER);
        if (cgx_match_str(x, P_HDR_COMMITTEE, block, own)) {
            size_t cs, ce;
            if (cgx_group(x, P_HDR_COMMITTEE, "name", &cs, &ce)) {
                char *name = folded(x, block, cs, ce);
                size_t n = name ? strlen(name) : 0;
                /* "Ausschusses für ..." -> "Ausschuss für ...", "Haushaltsausschusses" ->
                 * "Haushaltsausschuss" */
                char *gen = name ? strstr(name, "usschusses") : NULL;
                if (gen) memmove(gen + 8, gen + 10, n - (size_t)(gen + 10 - name) + 1);
                if (name) add(&l, cs, name, CG_AUTHOR_SUBMITTER);
            }
        }
        if (br) laender(x, block, 0, own, &l);
    }
    if (x->status != CG_OK) return -1;
    if (!l.n) return 0;
    /* in the order the text gives them */
    for (size_t i = 1; i < l.n; i++)
        for (size_t j = i; j > 0 && l.v[j - 1].at > l.v[j].at; j--) {
            found t = l.v[j];
            l.v[j] = l.v[j - 1];
            l.v[j - 1] = t;
        }
    cg_author *v = cgu_arena_alloc(x->arena, l.n * sizeof *v);
    if (!v) {
        x->status = CG_ENOMEM;
        return -1;
    }
    for (size_t i = 0; i < l.n; i++)
        v[i] = l.v[i].a;
    x->header.authors = v;
    x->header.nauthors = l.n;
    x->header.authors_from = CG_META_HEADER;
    return 0;
}
