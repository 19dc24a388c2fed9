/* header.c - what a document says about itself.
 *
 * The document's own number stands in its header ("Deutscher Bundestag
 * Drucksache 21/126 / 21. Wahlperiode 09.05.2025", "Bundesrat Drucksache
 * 103/1/25"). It is the document's id and never a reference; nor are the
 * running heads and footers that repeat it. Both become excluded spans. A
 * document without such a header has no id: it is never guessed from a
 * citation. The type and title are read from the lines after the header. */
#include <stdint.h>
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
        cgu_copy_cut(buf, sizeof buf, x->norm.text + ds, de - ds);
        if (sscanf(buf, "%u.%u.%u", &d, &m, &y) == 3 && d && d <= 31 && m && m <= 12) {
            snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, d);
            x->header.date = cgx_strdup(x, buf);
            x->header.date_from = CG_META_HEADER;
        }
    }
    x->header_end = e;
    /* "(zu Drucksache 21/537)" is a reference, not the header's own number */
    size_t zs, ze;
    if (cgx_group(x, P_HDR_BT, "zu", &zs, &ze))
        return add_excluded(x, s, zs) || add_excluded(x, ze, e) ? -1 : 0;
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
            x->header.date_from = CG_META_HEADER;
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
        if (line[0] != (*t)[0]) continue; /* most lines begin with no type's first letter */
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

/* "EU - AV - Fz - G - U": the committees of a Bundesrat recommendation. */
static int is_committee_list(const char *c, size_t n) {
    if (n >= 60 || !strstr(c, " - ") ||
        strspn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -") != n)
        return 0;
    size_t word = 0; /* committee abbreviations are short: "AIS", "Wi" */
    for (size_t i = 0; i < n; i++) {
        word = c[i] == ' ' || c[i] == '-' ? 0 : word + 1;
        if (word > 4) return 0;
    }
    return 1;
}

/* "Der Ministerpräsident          Düsseldorf, 21. Mai 2025": two columns of a letterhead. */
static int has_wide_gap(const char *s, size_t n) {
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == ' ' ? run + 1 : 0;
        if (run >= 4 && i + 1 < n && s[i + 1] != ' ') return 1;
    }
    return 0;
}

/* Does it start with a lower-case letter, umlauts included ("über die Rechtshilfe")? */
static int starts_lower(const char *c) {
    return (c[0] >= 'a' && c[0] <= 'z') || !strncmp(c, "ä", 2) || !strncmp(c, "ö", 2) ||
           !strncmp(c, "ü", 2);
}

/* A line that ends before the name of the Fraktion does. */
static int party_cut(const char *c, size_t n) {
    static const char *const ends[] = {"Fraktion", "Fraktion der", "/DIE",
                                       " DIE",     "BÜNDNIS 90/",  NULL};
    for (const char *const *e = ends; *e; e++) {
        size_t k = strlen(*e);
        if (n >= k && strcmp(c + n - k, *e) == 0) return 1;
    }
    return 0;
}

static int ends_open(const char *c, size_t n) {
    static const char *const words[] = {
        " der", " des", " dem", " den", " die", " das", " und", " von", " zu", " zur", " zum",
        " für", " in", " im", " mit", " auf", " an", " aus", " bei", " über", " sowie", " nach",
        " vor", " gegen", " durch", " eines", " einer", " eine", " ein", " am", " beim", " vom",
        /* an article starting a subtitle: "Spar- und Investitionsunion - Eine" / "Strategie" */
        " - Eine", " - Ein", " - Der", " - Die", " - Das", NULL};
    if (n && (c[n - 1] == ',' || c[n - 1] == '-' || c[n - 1] == '(' || c[n - 1] == ':')) return 1;
    for (const char *const *w = words; *w; w++) {
        size_t k = strlen(*w);
        /* each word begins with its space: most lines are turned away by it */
        if (n >= k && c[n - k] == ' ' && strcmp(c + n - k, *w) == 0) return 1;
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

/* A line of the header, cleaned (clean_line). */
typedef struct hline {
    line at; /* normalised span */
    char text[512];
    size_t n;
} hline;

static size_t read_hline(const xctx *x, size_t pos, hline *h) {
    pos = next_line(x, pos, &h->at);
    size_t len = h->at.e - h->at.s;
    h->n = clean_line(x->norm.text + h->at.s, len < 500 ? len : 500, h->text, sizeof h->text);
    return pos;
}

static int starts(const char *c, const char *prefix) {
    return strncmp(c, prefix, strlen(prefix)) == 0;
}

/* Lines that stand in a header but belong to nothing: the sales note, committee lists, a date
 * alone, the stray letters of a vertical margin stamp ("B", "R", "Fu"). */
static int is_furniture(const char *c, size_t n) {
    if (n <= 3) return 1;
    if (starts(c, "Vertrieb:") || starts(c, "Telefon") || starts(c, "ISSN") ||
        starts(c, "Gesamtherstellung") || starts(c, "zu Punkt") || starts(c, "(zu Drucksache") ||
        starts(c, "Die an den Deutschen Bundestag") || is_committee_list(c, n))
        return 1;
    return strspn(c, "0123456789. ") == n; /* "23.05.25" */
}

/* "– Drucksache 21/123 –", "– Drucksachen 21/500, 21/501 –": says what a paper is about. */
static int is_drucksache_line(const char *c) {
    return c[0] == '-' && strstr(c, "Drucksache") != NULL;
}

/* "- Sammelübersicht 24 zu Petitionen -": a subject printed between dashes. */
static int is_dash_framed(const char *c, size_t n) {
    return n > 4 && c[0] == '-' && c[1] == ' ' && c[n - 1] == '-' && c[n - 2] == ' ';
}

/* A line that says who issues, submits or is answered, or what the paper refers to: "der
 * Bundesregierung", "des Abgeordneten ...", "durch die Europäische Kommission", "zu dem
 * Gesetzentwurf der Bundesregierung", "auf die Kleine Anfrage ...", "an den Bundesrat". */
static int is_issuer_line(const char *c) {
    static const char *const heads[] = {
        "der ", "des ",    "den ",      "durch ",    "zu ",   "zur ",  "zum ",   "auf ",
        "und ", "an den ", "weiterer ", "Fraktion ", "a) zu", "b) zu", "gemäß ", NULL};
    for (const char *const *h = heads; *h; h++)
        if (starts(c, *h)) return 1;
    return starts(c, "Stellungnahme des Bundesrates") || strstr(c, "Abgeordneten ") != NULL ||
           strstr(c, "Abgeordneter") != NULL ||
           (strlen(c) >= 12 && strcmp(c + strlen(c) - 12, "Abgeordneten") == 0);
}

/* A line no title runs into. */
static int ends_title(const char *c, size_t n) {
    if (stops_title(c) || is_drucksache_line(c) || is_dash_framed(c, n)) return 1;
    if (c[0] >= 'A' && c[0] <= 'Z' && c[1] == '.' && c[2] == ' ') return 1; /* "A. Problem" */
    if (starts(c, "Bericht der Abgeordneten") || starts(c, "Berlin, den") || starts(c, "Ratsdok") ||
        starts(c, "Schreiben des") || starts(c, "Eingangszeitraum") ||
        starts(c, "(Eingangszeitraum") || starts(c, "Mitglied ") || starts(c, "- Antrag"))
        return 1;
    return 0;
}

/* Does the line stop in the middle of the title: a hyphen or dash, an open quotation or
 * bracket, a function word, or a word in lower case (an adjective before its noun; a
 * German title rarely ends in one)? */
static int line_runs_on(const char *c, size_t n) {
    if (ends_open(c, n)) return 1;
    if (n >= 3 && strcmp(c + n - 3, "–") == 0) return 1; /* a dash the original keeps */
    int quotes = 0, parens = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strncmp(c + i, "„", 3)) quotes++;
        if (!strncmp(c + i, "“", 3) && quotes > 0) quotes--;
        parens += c[i] == '(' ? 1 : c[i] == ')' ? -1 : 0;
    }
    if (quotes > 0 || parens > 0) return 1;
    size_t w = n;
    while (w && c[w - 1] != ' ')
        w--;
    const char *last = c + w;
    size_t lastn = n - w;
    /* "Verordnung (EG)" / "Nr. 300/2008", "des Achten Buches" / "Sozialgesetzbuch" */
    static const char *const names_on[] = {"(EU)",   "(EG)",    "(EWG)",   "(EU,",
                                           "Nr.",    "Buches",  "Artikel", "Absatz",
                                           "Nummer", "Kapitel", "§",       NULL};
    for (const char *const *t = names_on; *t; t++)
        if (strcmp(last, *t) == 0) return 1;
    /* an adjective after an article: "des Deutschen" / "Instituts", "die Gemeinsame" /
     * "Fischereipolitik" */
    static const char *const articles[] = {"der ", "des ",   "dem ",   "den ",   "die ",
                                           "das ", "eines ", "einer ", "einem ", NULL};
    static const char *const adjective_ends[] = {"ischen", "ische", "ischer", "samen", "same",
                                                 "einen",  "eine",  "alen",   "ale",   "lichen",
                                                 "liche",  "schen", "sche",   NULL};
    int after_article = 0;
    for (const char *const *a = articles; *a && !after_article; a++) {
        size_t k = strlen(*a);
        after_article = w >= k && strncmp(c + w - k, *a, k) == 0 && (w == k || c[w - k - 1] == ' ');
    }
    /* "zum erlaubnisfreien" / "Erwerb", "mittels gefälschter" / "Sprachzertifikate"; but not
     * a verb after its noun ("Partnerschaften stehen", "Bahn abschaffen") */
    if (starts_lower(last) && lastn >= 2) {
        size_t pw = w > 1 ? w - 1 : 0;
        while (pw && c[pw - 1] != ' ')
            pw--;
        int after_noun = w > 1 && c[pw] >= 'A' && c[pw] <= 'Z';
        int verb_like = lastn > 3 && strcmp(last + lastn - 2, "en") == 0 &&
                        !(lastn > 6 && strcmp(last + lastn - 6, "ischen") == 0) &&
                        !(lastn > 6 && strcmp(last + lastn - 6, "lichen") == 0);
        if (after_article || !(after_noun && verb_like)) return 1;
    }
    if (after_article && last[0] >= 'A' && last[0] <= 'Z')
        for (const char *const *e = adjective_ends; *e; e++) {
            size_t k = strlen(*e);
            if (lastn > k && strcmp(last + lastn - k, *e) == 0) return 1;
        }
    /* an article and a compound of abbreviations, the first half of a compound noun:
     * "Effekte des EU-USA" / "Freihandelsabkommens" */
    if (after_article && lastn >= 4 && memchr(last, '-', lastn)) {
        int caps = 1;
        for (size_t i = 0; i < lastn && caps; i++)
            caps = (last[i] >= 'A' && last[i] <= 'Z') || last[i] == '-';
        if (caps && last[lastn - 1] != '-') return 1;
    }
    return 0;
}

/* A line that begins with a number: a question ("1. Wie viele"), a list item or a date
 * line, which end a title; or the rest of a number a title runs on with ("2024/2748 zu"). */
static int starts_numbered(const char *c) {
    size_t d = strspn(c, "0123456789");
    return d && (c[d] == '.' || c[d] == ')' || c[d] == '\0');
}

/* "31. Dezember 2024", "1. Januar": a date, which a title may run on to ("bis zum" /
 * "31. Dezember 2024"), unlike a numbered question. */
static int starts_date(const char *c) {
    static const char *const months[] = {"Januar",   "Februar",  "März",   "April",     "Mai",
                                         "Juni",     "Juli",     "August", "September", "Oktober",
                                         "November", "Dezember", NULL};
    size_t d = strspn(c, "0123456789");
    if (d < 1 || d > 2 || c[d] != '.' || c[d + 1] != ' ') return 0;
    for (const char *const *m = months; *m; m++)
        if (starts(c + d + 2, *m)) return 1;
    return 0;
}

/* A short line that is a word ("Rom"), not the letters of a margin stamp ("B", "Fu"). */
static int is_short_word(const char *c, size_t n) {
    return n == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'a' && c[1] <= 'z' && c[2] >= 'a' &&
           c[2] <= 'z';
}

/* The word a line starts with is a conjunction after which a hyphen at the end of the line
 * before is a real one ("Agrar-⏎und Lebensmittelsektor"). */
static int starts_conjunction(const char *c) {
    return starts(c, "und ") || starts(c, "oder ") || starts(c, "bzw. ") || starts(c, "sowie ");
}

typedef struct tbuf {
    char s[2048];
    size_t n;
} tbuf;

static void tput(tbuf *t, const char *s, size_t n) {
    if (t->n + n + 1 >= sizeof t->s) {
        /* a title this long is cut, but never inside a UTF-8 sequence */
        n = sizeof t->s - 1 - t->n;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = '\0';
}

static int is_space_cp(uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp < 0x20;
}

/* Appends the original bytes [os, oe) of one title line: the characters as printed (dashes
 * and quotation marks stay what they are), white space runs as one space, zero-width
 * characters dropped, and a word split at a line end rejoined (the hyphen kept before "und",
 * "oder": "Agrar- und"). 0 when the bytes are no valid UTF-8; the caller then takes the
 * normalised line. */
static int put_original(tbuf *t, const char *src, size_t os, size_t oe) {
    const unsigned char *s = (const unsigned char *)src;
    size_t start = t->n;
    int space = 0;
    for (size_t i = os; i < oe;) {
        uint32_t cp;
        int k = cgu_utf8_decode(s + i, oe - i, &cp);
        if (k <= 0) {
            t->n = start;
            t->s[t->n] = '\0';
            return 0;
        }
        if (cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0xAD) {
            size_t j = i + (size_t)k;
            int breaks = 0;
            while (j < oe && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
                breaks += s[j++] == '\n';
            if (breaks && j < oe && s[j] >= 'a' && s[j] <= 'z') {
                /* a line break the normalisation joined: "Ausdehnungs-⏎verordnung" */
                if (starts_conjunction(src + j)) tput(t, "- ", 2);
                i = j;
                space = 0;
                continue;
            }
            if (cp == 0xAD) {
                i += (size_t)k;
                continue;
            }
        }
        if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0xAD) {
            i += (size_t)k;
            continue;
        }
        if (is_space_cp(cp)) {
            space = 1;
            i += (size_t)k;
            continue;
        }
        if (space && t->n > start) tput(t, " ", 1);
        space = 0;
        tput(t, src + i, (size_t)k);
        i += (size_t)k;
    }
    /* footnote marks at the ends: "Bericht*", "(BNichtrSchG) *" */
    while (t->n > start && (t->s[t->n - 1] == '*' || t->s[t->n - 1] == ' '))
        t->s[--t->n] = '\0';
    return 1;
}

/* Appends one title line, joined to what is there: a hyphen that ends a word at the line end
 * stays and joins the halves ("Waffengesetz-⏎Verordnung"), except before a conjunction
 * ("Agrar-⏎und": "Agrar- und"); any other line break is one space. */
/* Whether the `n` bytes at `c` start with an en or em dash. */
static int is_long_dash(const char *c, size_t n) {
    return n >= 3 && (memcmp(c, "\xE2\x80\x93", 3) == 0 || memcmp(c, "\xE2\x80\x94", 3) == 0);
}

static void put_title_line(const xctx *x, tbuf *t, const hline *h, int framed) {
    tbuf one = {.n = 0};
    size_t os = cg_norm_orig_start(&x->norm, h->at.s);
    size_t oe = cg_norm_orig_end(&x->norm, h->at.e);
    int spaced = h->n * 2 < h->at.e - h->at.s; /* letter-spaced: the cleaned text */
    if (spaced || !put_original(&one, cg_input_data(x->input), os, oe)) {
        one.n = 0;
        tput(&one, h->text, h->n);
    }
    const char *c = one.s;
    size_t n = one.n;
    while (n && *c == '*')
        c++, n--;
    if (framed) { /* "– Sammelübersicht 24 zu Petitionen –": the words only */
        size_t lead = is_long_dash(c, n) ? 3 : n && *c == '-' ? 1 : 0;
        c += lead, n -= lead;
        if (n >= 3 && is_long_dash(c + n - 3, 3))
            n -= 3;
        else if (n && c[n - 1] == '-')
            n--;
        while (n && *c == ' ')
            c++, n--;
        while (n && c[n - 1] == ' ')
            n--;
    }
    if (!n) return;
    if (t->n) {
        char last = t->s[t->n - 1], before = t->n > 1 ? t->s[t->n - 2] : ' ';
        int word_hyphen = last == '-' && before != ' ';
        if (!word_hyphen || starts_conjunction(c)) tput(t, " ", 1);
    }
    tput(t, c, n);
}

static const char *type_at(const hline *h, const xctx *x, size_t next, hline *second) {
    const char *type = match_type(h->text);
    if (type || x == NULL) return type;
    /* a type over two lines: "Allgemeine" / "Verwaltungsvorschrift" */
    if (strcmp(h->text, "Allgemeine") == 0) {
        read_hline(x, next, second);
        if (starts(second->text, "Verwaltungsvorschrift"))
            return "Allgemeine Verwaltungsvorschrift";
    }
    return NULL;
}

static int type_and_title(xctx *x) {
    size_t start = x->header_end, pos = start;
    hline h, h2;
    const char *type = NULL;
    int lines = 0;
    /* Some documents put the type before the header line: look from the top
     * when the header is not the first thing. */
    if (start > 0 && start < 4096) pos = 0;
    while (pos < x->norm.len && lines++ < TYPE_LINES && !type) {
        pos = read_hline(x, pos, &h);
        if (h.at.e - h.at.s > 200) continue;
        type = type_at(&h, x, pos, &h2);
        if (type && strcmp(type, "Allgemeine Verwaltungsvorschrift") == 0 &&
            strcmp(h.text, "Allgemeine") == 0)
            pos = h2.at.e < x->norm.len ? h2.at.e + 1 : h2.at.e;
    }
    if (!type) return 0;
    /* "Empfehlungen" / "der Ausschüsse" is the type "Empfehlungen der Ausschüsse". */
    if (strcmp(type, "Empfehlungen") == 0) {
        size_t p2 = read_hline(x, pos, &h2);
        if (starts(h2.text, "der Ausschüsse")) {
            type = "Empfehlungen der Ausschüsse";
            pos = p2;
        }
    }
    x->header.type = type;
    x->header.type_from = CG_META_HEADER;
    /* The issuer lines, then the title. An issuer line that lists members runs on to the
     * name of their Fraktion, which may be cut across lines. */
    tbuf issuers = {.n = 0}, title = {.n = 0};
    int in_list = 0, drs_open = 0, is_antwort = strcmp(type, "Antwort") == 0, seen_drs = 0;
    int titled = 0, hier_open = 0, issuer_open = 0;
    size_t title_lines = 0;
    for (int i = 0; i < 40 && pos < x->norm.len; i++) {
        size_t after = read_hline(x, pos, &h);
        const char *c = h.text;
        size_t n = h.n;
        if (titled) {
            /* the title goes on while its line runs on or the next starts in lower case */
            int open = line_runs_on(title.s, title.n);
            /* a title that stops open ("… in") runs on to a short word ("Rom") */
            if (!n || (is_furniture(c, n) && !(open && is_short_word(c, n))) || title_lines >= 12)
                break;
            int digit = c[0] >= '0' && c[0] <= '9';
            if (digit ? starts_numbered(c) && !(open && starts_date(c))
                      : ends_title(c, n) && !(is_dash_framed(c, n) && !strstr(c, "Antrag") &&
                                              !is_drucksache_line(c)))
                break;
            int on = open;
            /* "- Haushalts- und Vermögensrechnung des Bundes für das" / "Haushaltsjahr 2024 -" */
            int dash_part = c[0] == '-' && c[1] == ' ' && !strstr(c, "Antrag");
            if (!on && !hier_open && !starts_lower(c) && c[0] != '(' && !dash_part) break;
            if (starts(c, "b) ") || starts(c, "c) ")) break;                 /* the next subject */
            if (has_wide_gap(x->norm.text + h.at.s, h.at.e - h.at.s)) break; /* a letterhead */
            if (starts(c, "der Abgeordneten") || starts(c, "des Abgeordneten")) break;
            hier_open = starts(c, "hier:") && n < 30;
            put_title_line(x, &title, &h, 0);
            title_lines++;
            pos = after;
            continue;
        }
        pos = after;
        if (!n) continue;
        if (drs_open) { /* "– Drucksachen 21/500, 21/501," / "21/1628 –" */
            drs_open = n && c[n - 1] != '-';
            continue;
        }
        if (is_drucksache_line(c)) {
            drs_open = c[n - 1] != '-';
            seen_drs = 1;
            in_list = 0;
            continue;
        }
        if (is_antwort && !seen_drs && i < 14) { /* to "– Drucksache 21/123 –" */
            tput(&issuers, " ", 1);
            tput(&issuers, c, n);
            continue;
        }
        if (in_list) {
            /* "der Abgeordneten A, B, ... und der Fraktion X": to the Fraktion, and one line
             * more when its name is cut ("Fraktion BÜNDNIS 90/DIE" / "GRÜNEN") */
            tput(&issuers, " ", 1);
            tput(&issuers, c, n);
            if (in_list == 2)
                in_list = 0;
            else if (strstr(c, "Fraktion"))
                in_list = party_cut(c, n) ? 2 : 0;
            continue;
        }
        if (is_furniture(c, n)) continue;
        if (is_dash_framed(c, n) && !strstr(c, "Antrag ")) {
            put_title_line(x, &title, &h, 1);
            break;
        }
        if (is_issuer_line(c) || (issuer_open && (starts(c, "für ") || c[0] == '('))) {
            issuer_open = 1;
            tput(&issuers, " ", 1);
            tput(&issuers, c, n);
            if (strstr(c, "Abgeordnete") && !strstr(c, "Bericht"))
                in_list = !strstr(c, "Fraktion") ? 1 : party_cut(c, n) ? 2 : 0;
            else if (party_cut(c, n))
                in_list = 2;
            continue;
        }
        if (stops_title(c) || ends_title(c, n)) {
            if (starts(c, "Drucksache") || starts(c, "Deutscher Bundestag")) continue;
            break;
        }
        hier_open = starts(c, "hier:") && n < 30;
        put_title_line(x, &title, &h, 0);
        titled = 1;
        title_lines = 1;
    }
    if (title.n) {
        x->header.title = cgx_strdup(x, title.s);
        x->header.title_from = CG_META_HEADER;
    }
    if (x->status != CG_OK) return -1;
    return cgx_read_authors(x, issuers.s, issuers.n);
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
    if (x->header.id.kind != CG_KIND_NONE) x->header.id_from = CG_META_HEADER;

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
