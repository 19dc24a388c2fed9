/* docid.c - document ids: formatting, parsing and official addresses
 * (citegraph/docid.h).
 *
 * This file is the only place that turns an id into text and text into an
 * id. Formatting writes exactly the layout docid.h documents for each kind;
 * parsing accepts exactly that layout and nothing else (no leading zeros but
 * in two-digit years and CELEX numbers; suffixes in their order), so that
 * parse(format(id)) == id for the ids docid.h describes, and
 * format(parse(text)) == text for every text parse accepts. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "canon.h"
#include "citegraph/docid.h"
#include "util/util.h"

static const char *const kind_names[] = {
    [CG_KIND_NONE] = "",
    [CG_KIND_BT_DRUCKSACHE] = "bt_drucksache",
    [CG_KIND_BT_PLENARPROTOKOLL] = "bt_plenarprotokoll",
    [CG_KIND_BT_AUSSCHUSSDRUCKSACHE] = "bt_ausschussdrucksache",
    [CG_KIND_BR_DRUCKSACHE] = "br_drucksache",
    [CG_KIND_LANDTAG_DRUCKSACHE] = "landtag_drucksache",
    [CG_KIND_EU_COUNCIL_DOC] = "eu_council_doc",
    [CG_KIND_EU_COM_DOC] = "eu_com_doc",
    [CG_KIND_EU_LEGAL_ACT] = "eu_legal_act",
    [CG_KIND_URL] = "url",
    [CG_KIND_INTERNAL] = "internal",
    [CG_KIND_GRAMMAR] = "grammar",
};

#define NKINDS (sizeof kind_names / sizeof kind_names[0])

const char *cg_kind_name(cg_kind kind) {
    return (size_t)kind < NKINDS ? kind_names[kind] : "";
}

cg_kind cg_kind_from_name(const char *name) {
    /* "grammar" names no kind of its own: a grammar file's kind has its name */
    for (size_t k = 1; name && k < CG_KIND_GRAMMAR; k++)
        if (strcmp(name, kind_names[k]) == 0) return (cg_kind)k;
    return CG_KIND_NONE;
}

const char *cg_docid_kind_name(const cg_docid *id) {
    if (id->kind == CG_KIND_GRAMMAR && id->grammar_kind) return id->grammar_kind;
    return cg_kind_name(id->kind);
}

const char *cg_issuer_name(cg_issuer issuer) {
    switch (issuer) {
    case CG_ISSUER_BT:
        return "BT";
    case CG_ISSUER_BR:
        return "BR";
    case CG_ISSUER_LT:
        return "LT";
    case CG_ISSUER_EU:
        return "EU";
    case CG_ISSUER_NONE:
        break;
    }
    return NULL;
}

cg_issuer cg_docid_issuer(const cg_docid *id) {
    switch (id->kind) {
    case CG_KIND_BT_DRUCKSACHE:
    case CG_KIND_BT_PLENARPROTOKOLL:
    case CG_KIND_BT_AUSSCHUSSDRUCKSACHE:
        return CG_ISSUER_BT;
    case CG_KIND_BR_DRUCKSACHE:
        return CG_ISSUER_BR;
    case CG_KIND_LANDTAG_DRUCKSACHE:
        return CG_ISSUER_LT;
    case CG_KIND_EU_COUNCIL_DOC:
    case CG_KIND_EU_COM_DOC:
    case CG_KIND_EU_LEGAL_ACT:
        return CG_ISSUER_EU;
    default:
        return CG_ISSUER_NONE;
    }
}

unsigned cg_docid_wahlperiode(const cg_docid *id) {
    switch (id->kind) {
    case CG_KIND_BT_DRUCKSACHE:
    case CG_KIND_BT_PLENARPROTOKOLL:
    case CG_KIND_BT_AUSSCHUSSDRUCKSACHE:
    case CG_KIND_LANDTAG_DRUCKSACHE:
        return id->period;
    default:
        return 0;
    }
}

unsigned cg_year4(unsigned yy) {
    return yy < 58 ? 2000 + yy : 1900 + yy;
}

unsigned cg_docid_year(const cg_docid *id) {
    switch (id->kind) {
    case CG_KIND_BR_DRUCKSACHE:
    case CG_KIND_EU_COUNCIL_DOC:
        return id->period < 100 ? cg_year4(id->period) : id->period;
    case CG_KIND_EU_COM_DOC:
    case CG_KIND_EU_LEGAL_ACT:
        return id->period;
    default:
        return 0;
    }
}

/* ---- formatting ---- */

/* Text written into out[*n..cap), NUL-terminated and cut as snprintf()
 * would, keeping count of the whole length. Without printf: in a process
 * that loads libquadmath (the graph helper, through igraph's LAPACK), every
 * printf call takes glibc's slow path, and ids are formatted a few million
 * times for a graph of a million references. */
typedef struct outbuf {
    char *p;
    size_t cap, n;
} outbuf;

static void put_bytes(outbuf *o, const char *s, size_t len) {
    if (o->n < o->cap) {
        size_t room = o->cap - o->n - 1, k = len < room ? len : room;
        memcpy(o->p + o->n, s, k);
        o->p[o->n + k] = '\0';
    }
    o->n += len;
}

static void put(outbuf *o, const char *s) {
    put_bytes(o, s, strlen(s));
}

/* `v` in decimal, with zeros before it to at least `width` digits. */
static void put_num(outbuf *o, unsigned long v, size_t width) {
    char digits[24], *end = digits + sizeof digits;
    char *d = cgu_decimal_before(end, v);
    while ((size_t)(end - d) < width && d > digits)
        *--d = '0';
    put_bytes(o, d, (size_t)(end - d));
}

static const char *prefix_of(cg_kind kind) {
    switch (kind) {
    case CG_KIND_BT_DRUCKSACHE:
        return "BT-Drs. ";
    case CG_KIND_BT_PLENARPROTOKOLL:
        return "BT-PlPr. ";
    case CG_KIND_BT_AUSSCHUSSDRUCKSACHE:
        return "BT-ADrs. ";
    case CG_KIND_BR_DRUCKSACHE:
        return "BR-Drs. ";
    case CG_KIND_LANDTAG_DRUCKSACHE:
        return "LT-Drs. ";
    case CG_KIND_EU_COUNCIL_DOC:
        return "ST ";
    case CG_KIND_EU_LEGAL_ACT:
        return "CELEX:";
    default:
        return "";
    }
}

/* [zu ]FIRST[/PART]/SECOND[(B)][(neu)][(VERSION)]; a Bundesrat year has two digits. */
static void put_drucksache(outbuf *o, const cg_docid *id) {
    int br = id->kind == CG_KIND_BR_DRUCKSACHE;
    unsigned long first = br ? id->number : id->period;
    if (id->flags & CG_DOCID_ZU) put(o, "zu ");
    put_num(o, first, 0);
    put(o, "/");
    if (id->part) {
        put_num(o, id->part, 0);
        put(o, "/");
    }
    if (br)
        put_num(o, id->period, id->flags & CG_DOCID_SHORT_YEAR ? 0 : 2);
    else
        put_num(o, id->number, 0);
    if (id->flags & CG_DOCID_BESCHLUSS) put(o, "(B)");
    if (id->flags & CG_DOCID_NEU) put(o, "(neu)");
    if (id->version) {
        put(o, "(");
        put_num(o, id->version, 0);
        put(o, ")");
    }
}

static void put_number(outbuf *o, const cg_docid *id) {
    switch (id->kind) {
    case CG_KIND_BT_DRUCKSACHE:
    case CG_KIND_BR_DRUCKSACHE:
        put_drucksache(o, id);
        break;
    case CG_KIND_BT_PLENARPROTOKOLL: /* WP/N */
        put_num(o, id->period, 0);
        put(o, "/");
        put_num(o, id->number, 0);
        break;
    case CG_KIND_BT_AUSSCHUSSDRUCKSACHE: /* WP(COMMITTEE)N or WP/N, [ LETTER] */
        put_num(o, id->period, 0);
        if (id->part) {
            put(o, "(");
            put_num(o, id->part, 0);
            put(o, ")");
        } else {
            put(o, "/");
        }
        put_num(o, id->number, 0);
        if (id->series[0]) {
            put(o, " ");
            put(o, id->series);
        }
        break;
    case CG_KIND_LANDTAG_DRUCKSACHE:
        /* WP/NUMBER; a malformed one keeps the parts it was written with */
        if (id->land[0]) {
            put(o, id->land);
            put(o, " ");
        }
        put_drucksache(o, id);
        break;
    case CG_KIND_EU_COUNCIL_DOC: /* N/YY */
        put_num(o, id->number, 0);
        put(o, "/");
        put_num(o, id->period, 2);
        break;
    case CG_KIND_EU_COM_DOC: /* SERIES(YEAR) N */
        put(o, id->series);
        put(o, "(");
        put_num(o, id->period, 0);
        put(o, ") ");
        put_num(o, id->number, 0);
        break;
    case CG_KIND_EU_LEGAL_ACT: /* 3YYYYTNNNN */
        put(o, "3");
        put_num(o, id->period, 4);
        put(o, id->series);
        put_num(o, id->number, 4);
        break;
    default:
        break;
    }
}

size_t cg_docid_format(const cg_docid *id, char *buf, size_t cap) {
    outbuf o = {buf, cap, 0};
    if (cap) buf[0] = '\0';
    switch (id->kind) {
    case CG_KIND_NONE:
        break;
    case CG_KIND_URL:
    case CG_KIND_GRAMMAR:
        put(&o, id->text ? id->text : "");
        break;
    case CG_KIND_INTERNAL:
        put(&o, "#");
        break;
    default:
        put(&o, prefix_of(id->kind));
        put_number(&o, id);
    }
    return o.n;
}

/* Does an id of `kind` have a number (cg_docid_format_number, cg_docid_parse_number)? */
static bool has_number(cg_kind kind) {
    return kind != CG_KIND_NONE && kind != CG_KIND_URL && kind != CG_KIND_INTERNAL &&
           kind != CG_KIND_GRAMMAR;
}

size_t cg_docid_format_number(const cg_docid *id, char *buf, size_t cap) {
    outbuf o = {buf, cap, 0};
    if (cap) buf[0] = '\0';
    if (has_number(id->kind)) put_number(&o, id);
    return o.n;
}

cg_status cg_docid_append(const cg_docid *id, cg_buf *b, cg_error *err) {
    if (id->kind == CG_KIND_NONE) return cgu_error(err, CG_EINVAL, NULL, 0, 0, "no document id");
    char small[128];
    size_t n = cg_docid_format(id, small, sizeof small);
    if (n < sizeof small) return cgu_buf_append(b, small, n) ? cgu_oom(err) : CG_OK;
    if (cgu_buf_reserve(b, n)) return cgu_oom(err);
    cg_docid_format(id, b->data + b->len, n + 1);
    b->len += n;
    return CG_OK;
}

size_t cg_docid_official_url(const cg_docid *id, char *buf, size_t cap) {
    outbuf o = {buf, cap, 0};
    if (cap) buf[0] = '\0';
    int plain_number = !id->part && !id->flags && !id->version;
    switch (id->kind) {
    case CG_KIND_BT_DRUCKSACHE:
        /* btd/WP/first three of the five digits/WP and five digits .pdf */
        if (plain_number && id->period && id->number < 100000) {
            put(&o, "https://dserver.bundestag.de/btd/");
            put_num(&o, id->period, 2);
            put(&o, "/");
            put_num(&o, id->number / 100, 3);
            put(&o, "/");
            put_num(&o, id->period, 2);
            put_num(&o, id->number, 5);
            put(&o, ".pdf");
        }
        break;
    case CG_KIND_BT_PLENARPROTOKOLL:
        if (id->period && id->number < 1000) {
            put(&o, "https://dserver.bundestag.de/btp/");
            put_num(&o, id->period, 2);
            put(&o, "/");
            put_num(&o, id->period, 2);
            put_num(&o, id->number, 3);
            put(&o, ".pdf");
        }
        break;
    case CG_KIND_EU_LEGAL_ACT:
        put(&o, "https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:");
        put_number(&o, id);
        break;
    case CG_KIND_EU_COUNCIL_DOC:
        if (id->period < 100) {
            put(&o, "https://data.consilium.europa.eu/doc/document/ST-");
            put_num(&o, id->number, 0);
            put(&o, "-");
            put_num(&o, cg_year4(id->period), 0);
            put(&o, "-INIT/de/pdf");
        }
        break;
    case CG_KIND_URL:
        if (id->text &&
            (strncmp(id->text, "http://", 7) == 0 || strncmp(id->text, "https://", 8) == 0))
            put(&o, id->text);
        break;
    default:
        break;
    }
    return o.n;
}

/* ---- parsing ---- */

typedef struct cursor {
    const char *p;
} cursor;

static int lit(cursor *c, const char *s) {
    size_t n = strlen(s);
    if (strncmp(c->p, s, n) != 0) return 0;
    c->p += n;
    return 1;
}

static int is_digit(char ch) {
    return ch >= '0' && ch <= '9';
}

/* A number as "%lu" writes it: no leading zero (but "0" itself), at most
 * nine digits (every number of an id fits). */
static int digits(cursor *c, unsigned long *v, size_t *ndigits) {
    size_t n = 0;
    unsigned long x = 0;
    while (is_digit(c->p[n])) {
        if (n == 9) return 0;
        x = x * 10 + (unsigned long)(c->p[n] - '0');
        n++;
    }
    if (!n || (n > 1 && c->p[0] == '0')) return 0;
    c->p += n;
    *v = x;
    if (ndigits) *ndigits = n;
    return 1;
}

/* A year as "%02u" writes it: two digits, or more without a leading zero;
 * with `short_ok` also one digit (a malformed Bundesrat year, kept as
 * written: *is_short). */
static int year(cursor *c, unsigned *v, bool short_ok, bool *is_short) {
    size_t n = 0;
    while (n < 10 && is_digit(c->p[n]))
        n++;
    if (n == 0 || n > 9 || (n == 1 && !short_ok) || (n > 2 && c->p[0] == '0')) return 0;
    unsigned x = 0;
    for (size_t i = 0; i < n; i++)
        x = x * 10 + (unsigned)(c->p[i] - '0');
    c->p += n;
    *v = x;
    if (is_short) *is_short = n == 1;
    return 1;
}

static int udigits(cursor *c, unsigned *v) {
    unsigned long x;
    if (!digits(c, &x, NULL)) return 0;
    *v = (unsigned)x;
    return 1;
}

/* [zu ]FIRST[/PART]/SECOND[(B)][(neu)][(VERSION)]: FIRST/SECOND is
 * number/year for the Bundesrat, Wahlperiode/number for the others. */
static int parse_drucksache(cursor *c, cg_docid *id) {
    bool br = id->kind == CG_KIND_BR_DRUCKSACHE;
    if (lit(c, "zu ")) id->flags |= CG_DOCID_ZU;
    unsigned long a, b, k;
    if (!digits(c, &a, NULL) || !lit(c, "/")) return 0;
    /* the middle of FIRST/PART/SECOND is the part */
    const char *after = c->p;
    if (digits(c, &k, NULL) && lit(c, "/")) {
        if (k == 0 || k > 0xFFFFFFFFul) return 0; /* a part 0 is written without it */
        id->part = (unsigned)k;
    } else {
        c->p = after;
    }
    if (br) {
        unsigned yy;
        bool is_short;
        if (!year(c, &yy, true, &is_short)) return 0;
        if (is_short) id->flags |= CG_DOCID_SHORT_YEAR;
        id->number = a;
        id->period = yy;
    } else {
        if (!digits(c, &b, NULL) || a > 0xFFFFFFFFul) return 0;
        id->period = (unsigned)a;
        id->number = b;
    }
    if (lit(c, "(B)")) id->flags |= CG_DOCID_BESCHLUSS;
    if (lit(c, "(neu)")) id->flags |= CG_DOCID_NEU;
    if (lit(c, "(")) {
        unsigned v;
        if (!udigits(c, &v) || !v || !lit(c, ")")) return 0;
        id->version = v;
    }
    return 1;
}

static int upper(char ch) {
    return ch >= 'A' && ch <= 'Z';
}

/* The number part of an id of `kind`, up to the end of the text. */
static int parse_number_part(cursor *c, cg_docid *id) {
    unsigned long nr;
    switch (id->kind) {
    case CG_KIND_BT_DRUCKSACHE:
    case CG_KIND_BR_DRUCKSACHE:
        return parse_drucksache(c, id);
    case CG_KIND_BT_PLENARPROTOKOLL:
        return udigits(c, &id->period) && lit(c, "/") && digits(c, &id->number, NULL);
    case CG_KIND_BT_AUSSCHUSSDRUCKSACHE:
        if (!udigits(c, &id->period)) return 0;
        if (lit(c, "(")) {
            if (!udigits(c, &id->part) || !id->part || !lit(c, ")")) return 0;
        } else if (!lit(c, "/")) {
            return 0;
        }
        if (!digits(c, &id->number, NULL)) return 0;
        if (c->p[0] == ' ' && upper(c->p[1])) {
            id->series[0] = c->p[1];
            c->p += 2;
        }
        return 1;
    case CG_KIND_LANDTAG_DRUCKSACHE:
        if (upper(c->p[0]) && upper(c->p[1]) && c->p[2] == ' ') {
            memcpy(id->land, c->p, 2);
            c->p += 3;
        }
        return parse_drucksache(c, id);
    case CG_KIND_EU_COUNCIL_DOC:
        return digits(c, &id->number, NULL) && lit(c, "/") && year(c, &id->period, false, NULL);
    case CG_KIND_EU_LEGAL_ACT: {
        /* 3 YYYY T NNNN: the sector of legislation, the year, the type, the number;
         * checked left to right, so that a short text ends the checks at its NUL */
        const char *p = c->p;
        if (p[0] != '3') return 0;
        for (int i = 1; i <= 4; i++)
            if (!is_digit(p[i])) return 0;
        if (!upper(p[5])) return 0;
        for (int i = 6; i <= 9; i++)
            if (!is_digit(p[i])) return 0;
        id->period =
            (unsigned)((p[1] - '0') * 1000 + (p[2] - '0') * 100 + (p[3] - '0') * 10 + (p[4] - '0'));
        id->series[0] = p[5];
        nr = 0;
        for (int i = 6; i <= 9; i++)
            nr = nr * 10 + (unsigned long)(p[i] - '0');
        id->number = nr;
        c->p += 10;
        return 1;
    }
    case CG_KIND_EU_COM_DOC:
        for (const char *const *s = cgd_commission_series; *s; s++) {
            if (!lit(c, *s)) continue;
            memcpy(id->series, *s, strlen(*s) + 1);
            return lit(c, "(") && udigits(c, &id->period) && lit(c, ") ") &&
                   digits(c, &id->number, NULL);
        }
        return 0;
    default:
        return 0;
    }
}

static cg_status not_an_id(cg_error *err, const char *text) {
    return cgu_error(err, CG_EFORMAT, NULL, 0, 0, "'%.200s' is not a canonical document id", text);
}

cg_status cg_docid_parse(const char *text, cg_docid *out, cg_error *err) {
    static const cg_kind prefixed[] = {CG_KIND_BT_DRUCKSACHE,          CG_KIND_BT_PLENARPROTOKOLL,
                                       CG_KIND_BT_AUSSCHUSSDRUCKSACHE, CG_KIND_BR_DRUCKSACHE,
                                       CG_KIND_LANDTAG_DRUCKSACHE,     CG_KIND_EU_COUNCIL_DOC,
                                       CG_KIND_EU_LEGAL_ACT,           CG_KIND_EU_COM_DOC};
    memset(out, 0, sizeof *out);
    if (strcmp(text, "#") == 0) {
        out->kind = CG_KIND_INTERNAL;
        return CG_OK;
    }
    if (cgd_scheme_length(text)) {
        out->kind = CG_KIND_URL;
        out->text = text;
        return CG_OK;
    }
    for (size_t i = 0; i < sizeof prefixed / sizeof prefixed[0]; i++) {
        cursor c = {text};
        if (!lit(&c, prefix_of(prefixed[i]))) continue;
        memset(out, 0, sizeof *out);
        out->kind = prefixed[i];
        if (parse_number_part(&c, out) && *c.p == '\0') return CG_OK;
    }
    memset(out, 0, sizeof *out);
    return not_an_id(err, text);
}

cg_status cg_docid_parse_kind(const char *kind_name, const char *text, cg_docid *out,
                              cg_error *err) {
    memset(out, 0, sizeof *out);
    if (!kind_name || !*kind_name || !text || !*text)
        return cgu_error(err, CG_EFORMAT, NULL, 0, 0, "an id needs a kind and a text");
    cg_kind kind = cg_kind_from_name(kind_name);
    if (kind != CG_KIND_NONE && cg_docid_parse(text, out, NULL) == CG_OK && out->kind == kind)
        return CG_OK;
    memset(out, 0, sizeof *out);
    out->kind = CG_KIND_GRAMMAR;
    out->grammar_kind = kind_name;
    out->text = text;
    return CG_OK;
}

cg_status cg_docid_parse_number(cg_kind kind, const char *number, cg_docid *out, cg_error *err) {
    memset(out, 0, sizeof *out);
    out->kind = kind;
    cursor c = {number};
    if (has_number(kind) && parse_number_part(&c, out) && *c.p == '\0') return CG_OK;
    memset(out, 0, sizeof *out);
    return cgu_error(err, CG_EFORMAT, NULL, 0, 0, "'%.200s' is not the number of a %s", number,
                     cg_kind_name(kind));
}

static int same_text(const char *a, const char *b) {
    return a == b || (a && b && strcmp(a, b) == 0);
}

bool cg_docid_equal(const cg_docid *a, const cg_docid *b) {
    return a->kind == b->kind && a->period == b->period && a->number == b->number &&
           a->part == b->part && a->version == b->version && a->flags == b->flags &&
           strcmp(a->land, b->land) == 0 && strcmp(a->series, b->series) == 0 &&
           same_text(a->text, b->text) && same_text(a->grammar_kind, b->grammar_kind);
}
