/* canon.c - canonical ids; see canon.h. */
#include <stdio.h>
#include <string.h>

#include "canon.h"

static size_t done(int n, size_t cap) {
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

size_t cg_canon_bt_drs(char *out, size_t cap, unsigned wp, unsigned long nr) {
    if (wp < 1 || wp > CG_MAX_WAHLPERIODE || nr == 0) return 0;
    return done(snprintf(out, cap, "BT-Drs. %u/%lu", wp, nr), cap);
}

size_t cg_canon_bt_plpr(char *out, size_t cap, unsigned wp, unsigned long nr) {
    if (wp < 1 || wp > CG_MAX_WAHLPERIODE || nr == 0) return 0;
    return done(snprintf(out, cap, "BT-PlPr. %u/%lu", wp, nr), cap);
}

size_t cg_canon_bt_adrs(char *out, size_t cap, unsigned wp, const char *committee,
                        unsigned long nr, const char *letter) {
    if (wp < 1 || wp > CG_MAX_WAHLPERIODE) return 0;
    const char *sep = letter && *letter ? " " : "";
    if (committee && *committee)
        return done(snprintf(out, cap, "BT-ADrs. %u(%s)%lu%s%s", wp, committee, nr, sep,
                             letter ? letter : ""),
                    cap);
    return done(snprintf(out, cap, "BT-ADrs. %u/%lu%s%s", wp, nr, sep, letter ? letter : ""),
                cap);
}

size_t cg_canon_br_drs(char *out, size_t cap, int zu, unsigned long nr, unsigned part,
                       unsigned yy, const char *suffix) {
    if (nr == 0 || yy > 99) return 0;
    char partbuf[16] = "";
    if (part) snprintf(partbuf, sizeof partbuf, "%u/", part);
    return done(snprintf(out, cap, "BR-Drs. %s%lu/%s%02u%s", zu ? "zu " : "", nr, partbuf, yy,
                         suffix ? suffix : ""),
                cap);
}

size_t cg_canon_lt_drs(char *out, size_t cap, const char *state, unsigned wp, unsigned long nr) {
    if (wp < 1 || wp > 30 || nr == 0) return 0;
    if (state) return done(snprintf(out, cap, "LT-Drs. %s %u/%lu", state, wp, nr), cap);
    return done(snprintf(out, cap, "LT-Drs. %u/%lu", wp, nr), cap);
}

size_t cg_canon_council(char *out, size_t cap, unsigned long nr, unsigned yy) {
    if (nr == 0 || yy > 99) return 0;
    return done(snprintf(out, cap, "ST %lu/%02u", nr, yy), cap);
}

size_t cg_canon_com(char *out, size_t cap, const char *series, unsigned year, unsigned long nr) {
    const char *s = series;
    if (strcmp(series, "KOM") == 0) s = "COM";
    else if (strcmp(series, "SEK") == 0) s = "SEC";
    if (year < 1958 || year > 2099) return 0;
    return done(snprintf(out, cap, "%s(%u) %lu", s, year, nr), cap);
}

size_t cg_canon_celex(char *out, size_t cap, unsigned year, char type, unsigned long nr) {
    if (year < 1952 || year > 2099 || nr == 0 || nr > 9999) return 0;
    return done(snprintf(out, cap, "CELEX:3%u%c%04lu", year, type, nr), cap);
}

unsigned cg_year4(unsigned yy) {
    return yy < 58 ? 2000 + yy : 1900 + yy;
}

static int plausible_year(unsigned long v, int digits) {
    if (digits == 4) return v >= 1952 && v <= 2099;
    if (digits == 2) return 1;
    return 0;
}

int cg_eu_act_numbers(char type, unsigned long a, int a_digits, unsigned long b, int b_digits,
                      int has_nr, int has_suffix, int has_authority, unsigned *year,
                      unsigned long *nr) {
    /* "Verordnung (EG) Nr. 1987/2006": number first, the old regulation form. */
    if (has_nr && plausible_year(b, b_digits)) {
        *year = b_digits == 2 ? cg_year4((unsigned)b) : (unsigned)b;
        *nr = a;
        return 1;
    }
    /* "Richtlinie 95/46/EG", "Beschluss 2008/615/JI": year first. */
    if (has_suffix && plausible_year(a, a_digits)) {
        *year = a_digits == 2 ? cg_year4((unsigned)a) : (unsigned)a;
        *nr = b;
        return 1;
    }
    /* Since 2015 every act is (EU) YYYY/N. */
    if (a_digits == 4 && a >= 2015 && a <= 2099) {
        *year = (unsigned)a;
        *nr = b;
        return 1;
    }
    /* Before 2015 regulations were N/YYYY ("VO (EU) 1/2005", "(EU) 1303/2013"). */
    if (type == 'R' && b_digits == 4 && b >= 1958 && b <= 2014 && (has_authority || has_nr)) {
        *year = (unsigned)b;
        *nr = a;
        return 1;
    }
    /* Directives and decisions before 2015 were year first. */
    if (a_digits == 4 && a >= 1958 && a <= 2014 && (type != 'R' || has_authority || b_digits < 4)) {
        *year = (unsigned)a;
        *nr = b;
        return 1;
    }
    if (type == 'R' && b_digits == 4 && b >= 1958 && b <= 2014) {
        *year = (unsigned)b;
        *nr = a;
        return 1;
    }
    return 0;
}

/* Longer names first, so that "Sachsen-Anhalt" is not read as "Sachsen". */
static const struct {
    const char *name;
    const char *code;
} states[] = {
    {"Baden-Württemberg", "BW"},    {"Bayerische", "BY"},      {"Bayern", "BY"},
    {"Berlin", "BE"},               {"Brandenburg", "BB"},     {"Bremische", "HB"},
    {"Bremen", "HB"},               {"Hamburgische", "HH"},    {"Hamburg", "HH"},
    {"Hessische", "HE"},            {"Hessen", "HE"},          {"Mecklenburg-Vorpommern", "MV"},
    {"Niedersächsische", "NI"},     {"Niedersachsen", "NI"},   {"Nordrhein-Westfalen", "NW"},
    {"rhein-Westfalen", "NW"},      {"Rheinland-Pfalz", "RP"}, {"Saarlandes", "SL"},
    {"Saarland", "SL"},             {"SAARLANDES", "SL"},      {"Sachsen-Anhalt", "ST"},
    {"Sächsische", "SN"},           {"Sachsen", "SN"},         {"Schleswig-Holstein", "SH"},
    {"Thüringer", "TH"},            {"Thüringen", "TH"},
};

const char *cg_state_code(const char *text, size_t len) {
    /* The state named last (nearest to the number) wins. */
    const char *best = NULL;
    size_t best_pos = 0;
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++) {
        size_t n = strlen(states[i].name);
        for (size_t p = 0; p + n <= len; p++) {
            if (memcmp(text + p, states[i].name, n) == 0 && (!best || p > best_pos)) {
                best = states[i].code;
                best_pos = p;
            }
        }
    }
    return best;
}

void cg_br_suffix(const char *t, size_t len, char *out, size_t cap) {
    size_t n = 0;
    if (cap) out[0] = '\0';
    for (size_t i = 0; i < len; i++) {
        if (t[i] != '(') continue;
        const char *add = NULL;
        char digit[4] = "";
        if (len - i >= 11 && strncmp(t + i, "(Beschluss)", 11) == 0) add = "(B)";
        else if (len - i >= 3 && strncmp(t + i, "(B)", 3) == 0) add = "(B)";
        else if (len - i >= 5 && strncmp(t + i, "(neu)", 5) == 0) add = "(neu)";
        else if (len - i >= 3 && t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] == ')') {
            snprintf(digit, sizeof digit, "(%c)", t[i + 1]);
            add = digit;
        }
        size_t k = add ? strlen(add) : 0;
        if (add && n + k < cap) {
            memcpy(out + n, add, k + 1);
            n += k;
        }
    }
}

const char *cg_state_code_abbrev(const char *text, size_t len) {
    static const char *const codes[] = {"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
                                        "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (len == 2 && memcmp(text, codes[i], 2) == 0) return codes[i];
    return NULL;
}
