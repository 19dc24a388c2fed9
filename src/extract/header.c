/* header.c - what a document says about itself.
 *
 * The document's own number stands in its header ("Deutscher Bundestag
 * Drucksache 21/126 / 21. Wahlperiode 09.05.2025", "Bundesrat Drucksache
 * 103/1/25"). It is the document's id and never a reference; nor are the
 * running heads and footers that repeat it. Both become excluded spans. A
 * document without such a header has no id: it is never guessed from a
 * citation. The type and title are read from the lines after the header. */
#include <stdio.h>
#include <string.h>

#include "docid/canon.h"
#include "numbers.h"
#include "xctx.h"

#define HEADER_WINDOW 16384 /* the header stands within the first lines */
#define TYPE_LINES 60

static int add_excluded(xctx *x, size_t s, size_t e) {
    if (cgu_grow((void **)&x->excluded, &x->capexcluded, x->nexcluded + 1, sizeof *x->excluded)) {
        x->status = CG_ENOMEM;
        return -1;
    }
    x->excluded[x->nexcluded++] = (span){s, e};
    return 0;
}

static size_t window(const xctx *x) {
    return x->norm.len < HEADER_WINDOW ? x->norm.len : HEADER_WINDOW;
}

/* Searches pattern p within [0, limit). */
static int find_in(xctx *x, int p, size_t limit, size_t *s, size_t *e) {
    size_t pos = 0;
    return cgx_find(x, p, &pos, limit, s, e);
}

static int bt_header(xctx *x) {
    size_t s, e;
    if (!find_in(x, P_HDR_BT, window(x), &s, &e)) return 0;
    unsigned long wp = cgx_group_number(x, P_HDR_BT, "wp", NULL);
    unsigned long nr = cgx_group_number(x, P_HDR_BT, "nr", NULL);
    if (!cgd_bt_drucksache(&x->header.id, wp, nr)) return 0;
    size_t ds, de;
    if (cgx_group(x, P_HDR_BT, "date", &ds, &de)) {
        unsigned d = 0, m = 0, y = 0;
        char buf[16];
        snprintf(buf, sizeof buf, "%.*s", (int)(de - ds), x->norm.text + ds);
        if (sscanf(buf, "%u.%u.%u", &d, &m, &y) == 3 && d && d <= 31 && m && m <= 12) {
            snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, d);
            x->header.date = cgx_strdup(x, buf);
        }
    }
    x->header_end = e;
    return add_excluded(x, s, e);
}

static int br_header(xctx *x) {
    size_t s, e;
    if (!find_in(x, P_HDR_BR, window(x), &s, &e)) return 0;
    size_t ss = 0, se = 0;
    unsigned flags = 0, version = 0;
    if (cgx_group(x, P_HDR_BR, "sfx", &ss, &se))
        cgx_drs_suffix(x->norm.text + ss, se - ss, &flags, &version);
    if (cgx_group(x, P_HDR_BR, "zu", &ss, &se)) flags |= CG_DOCID_ZU;
    unsigned long nr = cgx_group_number(x, P_HDR_BR, "a", NULL);
    unsigned part = (unsigned)cgx_group_number(x, P_HDR_BR, "k", NULL);
    unsigned long yy = cgx_group_number(x, P_HDR_BR, "yy", NULL);
    if (!cgd_br_drucksache(&x->header.id, nr, part, yy, flags, version)) return 0;
    x->header_end = e;
    if (add_excluded(x, s, e) != 0) return -1;
    /* The date stands alone on a line under the number: "12.05.25". */
    size_t pos = e, ds, de;
    if (cgx_find(x, P_HDR_DATE_BR, &pos, e + 400, &ds, &de)) {
        unsigned d = (unsigned)cgx_group_number(x, P_HDR_DATE_BR, "d", NULL);
        unsigned m = (unsigned)cgx_group_number(x, P_HDR_DATE_BR, "m", NULL);
        unsigned y = (unsigned)cgx_group_number(x, P_HDR_DATE_BR, "y", NULL);
        if (d && d <= 31 && m && m <= 12) {
            char buf[16];
            snprintf(buf, sizeof buf, "%04u-%02u-%02u", cg_year4(y), m, d);
            x->header.date = cgx_strdup(x, buf);
        }
    }
    return 0;
}

/* Landtag headers ("LANDTAG DES SAARLANDES / 15. Wahlperiode Drucksache
 * 15/1284 (15/1217)") carry the answered Anfrage in brackets. */
static int lt_header(xctx *x) {
    size_t lim = x->norm.len < 1500 ? x->norm.len : 1500;
    const char *t = x->norm.text;
    int parliament = 0;
    for (size_t i = 0; i + 7 <= lim && !parliament; i++)
        parliament = strncmp(t + i, "LANDTAG", 7) == 0 || strncmp(t + i, "Landtag", 7) == 0 ||
                     strncmp(t + i, "Bürgerschaft", 13) == 0 ||
                     strncmp(t + i, "Abgeordnetenhaus", 16) == 0;
    if (!parliament) return 0;
    size_t s, e;
    if (!find_in(x, P_HDR_LT, lim, &s, &e)) return 0;
    const char *state = cgx_state_code(t, lim);
    unsigned long wp = cgx_group_number(x, P_HDR_LT, "a", NULL);
    unsigned long nr = cgx_group_number(x, P_HDR_LT, "nr", NULL);
    if (!cgd_landtag_drucksache(&x->header.id, state, wp, nr)) return 0;
    x->header_end = e;
    size_t as, ae, ns, ne;
    if (cgx_group(x, P_HDR_LT, "aa", &as, &ae) && cgx_group(x, P_HDR_LT, "anr", &ns, &ne)) {
        unsigned long awp = cgx_number(t, as, ae, NULL);
        unsigned long anr = cgx_number(t, ns, ne, NULL);
        if (cgd_landtag_drucksache(&x->answered, state, awp, anr)) {
            x->answered_start = as;
            x->answered_end = ne;
            return add_excluded(x, s, as);
        }
    }
    return add_excluded(x, s, e);
}

/* ---- type and title ---- */

static const char *const known_types[] = {
    "Beschlussempfehlung und Bericht",
    "Beschlussempfehlung",
    "Kleine Anfrage",
    "Große Anfrage",
    "Antwort",
    "Antrag",
    "Gesetzentwurf",
    "Gesetzesantrag",
    "Gesetzesbeschluss",
    "Unterrichtung",
    "Wahlvorschläge",
    "Wahlvorschlag",
    "Entschließungsantrag",
    "Änderungsantrag",
    "Schriftliche Fragen",
    "Fragen",
    "Bericht",
    "Empfehlungen",
    "Empfehlung",
    "Beschluss",
    "Stellungnahme",
    "Verordnung",
    "Vorschlag",
    "Mitteilung",
    "Vorlage",
    "Berichtigung",
    "Allgemeine Verwaltungsvorschrift",
    "Ergänzung zu den Beschlussempfehlungen",
    NULL,
};

/* Copies a line with letter-spacing undone: "E m p f e h l u n g e n" ->
 * "Empfehlungen"; "V o r b e m e r k u n g  d e r" -> "Vorbemerkung der". */
static size_t clean_line(const char *s, size_t len, char *out, size_t cap) {
    while (len && (*s == ' ' || *s == '\t' || *s == '*'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '*'))
        len--;
    int spaced = len >= 5;
    for (size_t i = 1; i < len && spaced; i += 2) {
        /* letter-spaced: every second byte a space (allowing double spaces
         * between words, and multi-byte letters) */
        if (s[i] != ' ') {
            if (((unsigned char)s[i] & 0xC0) == 0x80) {
                i--;
                continue;
            }
            spaced = 0;
        } else if (i + 1 < len && s[i + 1] == ' ') {
            i++;
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        if (spaced && s[i] == ' ') {
            if (i + 1 < len && s[i + 1] == ' ') {
                out[n++] = ' ';
                i++;
            }
            continue;
        }
        if ((s[i] == ' ' || s[i] == '\t') && n && out[n - 1] == ' ') continue;
        out[n++] = s[i] == '\t' ? ' ' : s[i];
    }
    out[n] = '\0';
    return n;
}

static const char *match_type(const char *line) {
    for (const char *const *t = known_types; *t; t++) {
        size_t n = strlen(*t);
        if (strncmp(line, *t, n) != 0) continue;
        /* The type alone, or followed by its issuer ("Beschluss des Bundesrates"). */
        if (line[n] == '\0' || (line[n] == ' ' && (strncmp(line + n + 1, "der ", 4) == 0 ||
                                                   strncmp(line + n + 1, "des ", 4) == 0)))
            return *t;
    }
    return NULL;
}

typedef struct line {
    size_t s, e;
} line;

static size_t next_line(const xctx *x, size_t pos, line *l) {
    const char *t = x->norm.text;
    size_t e = pos;
    while (e < x->norm.len && t[e] != '\n')
        e++;
    l->s = pos;
    l->e = e;
    return e < x->norm.len ? e + 1 : e;
}

static int is_author_line(const char *c) {
    return strncmp(c, "der ", 4) == 0 || strncmp(c, "des ", 4) == 0 || strncmp(c, "und ", 4) == 0 ||
           strncmp(c, "zu Punkt", 8) == 0 || strncmp(c, "Fraktion", 8) == 0 ||
           strstr(c, "Abgeordnete") != NULL || strstr(c, "Fraktion der") != NULL ||
           strstr(c, "Fraktion DIE") != NULL || strstr(c, "Fraktion BÜNDNIS") != NULL;
}

/* "EU - AV - Fz - G - U": the committees of a Bundesrat recommendation. */
static int is_committee_list(const char *c, size_t n) {
    return n < 60 && strstr(c, " - ") != NULL &&
           strspn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -") == n;
}

/* A line that ends before the name of the Fraktion does. */
static int party_cut(const char *c, size_t n) {
    static const char *const ends[] = {"Fraktion", "/DIE", " DIE", "BÜNDNIS 90/", NULL};
    for (const char *const *e = ends; *e; e++) {
        size_t k = strlen(*e);
        if (n >= k && strcmp(c + n - k, *e) == 0) return 1;
    }
    return 0;
}

static int ends_open(const char *c, size_t n) {
    static const char *const words[] = {
        " der",   " des",  " dem", " den",   " die",   " das",   " und",   " von",  " zu",  " zur",
        " zum",   " für",  " in",  " im",    " mit",   " auf",   " an",    " aus",  " bei", " über",
        " sowie", " nach", " vor", " gegen", " durch", " eines", " einer", " eine", " ein", NULL};
    if (n && (c[n - 1] == ',' || c[n - 1] == '-' || c[n - 1] == '(' || c[n - 1] == ':')) return 1;
    for (const char *const *w = words; *w; w++) {
        size_t k = strlen(*w);
        if (n >= k && strcmp(c + n - k, *w) == 0) return 1;
    }
    return 0;
}

static int stops_title(const char *c) {
    if (!*c) return 1;
    if (c[0] >= '0' && c[0] <= '9') return 1; /* "1. Wie viele ..." or a date */
    return strncmp(c, "Vorbemerkung", 12) == 0 || strncmp(c, "A. Problem", 10) == 0 ||
           strncmp(c, "Der Bundestag", 13) == 0 || strncmp(c, "Der Bundesrat", 13) == 0 ||
           strncmp(c, "Drucksache", 10) == 0 || strncmp(c, "Deutscher Bundestag", 19) == 0 ||
           strncmp(c, "Vertrieb:", 9) == 0 || strncmp(c, "Telefon", 7) == 0 ||
           strncmp(c, "ISSN", 4) == 0 || strncmp(c, "COM(", 4) == 0 || strncmp(c, "KOM(", 4) == 0 ||
           strncmp(c, "Sehr geehrte", 12) == 0;
}

static int type_and_title(xctx *x) {
    size_t start = x->header_end, pos = start;
    char buf[512];
    line l;
    const char *type = NULL;
    int lines = 0;
    /* Some documents put the type before the header line: look from the top
     * when the header is not the first thing. */
    if (start > 0 && start < 4096) pos = 0;
    while (pos < x->norm.len && lines++ < TYPE_LINES && !type) {
        pos = next_line(x, pos, &l);
        if (l.e - l.s > 200) continue;
        clean_line(x->norm.text + l.s, l.e - l.s, buf, sizeof buf);
        type = match_type(buf);
    }
    if (!type) return 0;
    x->header.type = type;
    /* After the type: authors, for an Antwort the "- Drucksache N -" line, then the title. */
    int seen_drs = 0, authors = 1, in_list = 0;
    char title[1024];
    size_t tn = 0;
    for (int i = 0; i < 25 && pos < x->norm.len; i++) {
        pos = next_line(x, pos, &l);
        size_t n = clean_line(x->norm.text + l.s, l.e - l.s, buf, sizeof buf);
        if (!n) {
            if (tn) break;
            continue;
        }
        if (strcmp(type, "Antwort") == 0 && !seen_drs) {
            if (buf[0] == '-' && strstr(buf, "Drucksache")) seen_drs = 1;
            continue;
        }
        if (!tn && n <= 3) continue; /* stray letters of a vertical margin note: "B", "R", "Fu" */
        if (authors && !tn && in_list) {
            /* "der Abgeordneten A, B, ... und der Fraktion X": to the Fraktion,
             * and one line more when its name is cut ("Fraktion BÜNDNIS 90/DIE"
             * / "GRÜNEN", "der Fraktion" / "Die Linke") */
            if (in_list == 2)
                in_list = 0;
            else if (strstr(buf, "Fraktion"))
                in_list = party_cut(buf, n) ? 2 : 0;
            continue;
        }
        if (authors && !tn &&
            (strncmp(buf, "der Abgeordneten", 16) == 0 ||
             strncmp(buf, "des Abgeordneten", 16) == 0)) {
            in_list = !strstr(buf, "Fraktion") ? 1 : party_cut(buf, n) ? 2 : 0;
            continue;
        }
        if (authors && !tn) {
            if (is_author_line(buf) || (i > 0 && buf[0] >= 'a' && buf[0] <= 'z') ||
                is_committee_list(buf, n) ||
                (cg_docid_issuer(&x->header.id) == CG_ISSUER_BR &&
                 (strncmp(buf, "Vertrieb:", 9) == 0 || strncmp(buf, "Telefon", 7) == 0 ||
                  strncmp(buf, "ISSN", 4) == 0))) {
                /* continuation of an author list ends with ',' */
                continue;
            }
            authors = 0;
        }
        if (tn == 0 && stops_title(buf)) {
            if (strncmp(buf, "Vertrieb:", 9) == 0 || strncmp(buf, "Telefon", 7) == 0 ||
                strncmp(buf, "ISSN", 4) == 0)
                continue;
            break;
        }
        if (tn && stops_title(buf)) break;
        if (tn + n + 2 >= sizeof title) break;
        if (tn) title[tn++] = ' ';
        memcpy(title + tn, buf, n);
        tn += n;
        title[tn] = '\0';
        /* A title goes on while its line ends open or the next starts lower case. */
        if (ends_open(buf, n)) continue;
        size_t peek = pos;
        line nl;
        next_line(x, peek, &nl);
        char nb[64];
        clean_line(x->norm.text + nl.s, nl.e - nl.s < 60 ? nl.e - nl.s : 60, nb, sizeof nb);
        if ((nb[0] >= 'a' && nb[0] <= 'z') || nb[0] == '(') continue;
        break;
    }
    if (tn) x->header.title = cgx_strdup(x, title);
    return x->status == CG_OK ? 0 : -1;
}

/* The document's own number as the text repeats it: without "zu", the state
 * and suffixes ("128/25", "21/1181"). Its length; 0 when it has none or it
 * does not fit `cap`. */
static size_t own_number(const xctx *x, char *out, size_t cap) {
    cg_docid bare = x->header.id;
    bare.flags = 0;
    bare.version = 0;
    bare.land[0] = '\0';
    size_t n = cg_docid_format_number(&bare, out, cap);
    return n < cap ? n : 0;
}

/* Does the text at [s, e), white space aside, spell own[0, n)? */
static int names_own_number(const xctx *x, size_t s, size_t e, const char *own, size_t n) {
    if (!n) return 0;
    size_t k = 0;
    for (size_t i = s; i < e; i++) {
        if (x->norm.text[i] == ' ') continue;
        if (k >= n || x->norm.text[i] != own[k]) return 0;
        k++;
    }
    return k == n;
}

int cgx_read_header(xctx *x) {
    /* each sets the own id only when it finds its header */
    if (bt_header(x) != 0) return -1;
    if (x->header.id.kind == CG_KIND_NONE && br_header(x) != 0) return -1;
    if (x->header.id.kind == CG_KIND_NONE && lt_header(x) != 0) return -1;
    if (x->status != CG_OK) return -1;

    size_t pos = 0, s, e;
    /* "* wird als Bundestags-Drucksache 21/100 verteilt": the same text under
     * its Bundestag number, an alias rather than a citation. */
    while (cgx_next(x, P_ALIAS, &pos, &s, &e)) {
        unsigned long wp = cgx_group_number(x, P_ALIAS, "wp", NULL);
        unsigned long nr = cgx_group_number(x, P_ALIAS, "nr", NULL);
        if (x->header.alias.kind == CG_KIND_NONE) cgd_bt_drucksache(&x->header.alias, wp, nr);
        if (add_excluded(x, s, e) != 0) return -1;
    }
    pos = 0;
    while (cgx_next(x, P_RUNNING, &pos, &s, &e))
        if (add_excluded(x, s, e) != 0) return -1;
    pos = 0;
    while (cgx_next(x, P_EU_LETTERHEAD, &pos, &s, &e))
        if (add_excluded(x, s, e) != 0) return -1;
    /* The own number again, alone on a line (a page head) or in the note
     * that says where the annex is published: the document naming itself. */
    static const int own_patterns[] = {P_OWN_LINE, P_OWN_HEAD, P_PUBNOTE};
    char own[64];
    size_t nown = own_number(x, own, sizeof own);
    for (size_t k = 0; x->header.id.kind != CG_KIND_NONE && k < 3; k++) {
        pos = 0;
        while (cgx_next(x, own_patterns[k], &pos, &s, &e)) {
            size_t ns, ne;
            if (cgx_group(x, own_patterns[k], "num", &ns, &ne) &&
                names_own_number(x, ns, ne, own, nown) && add_excluded(x, s, e) != 0)
                return -1;
        }
    }
    if (x->status != CG_OK) return -1;
    return type_and_title(x);
}
