/* numbers.c - the parts of reference numbers; see numbers.h. */
#include <string.h>

#include "citegraph/docid.h"
#include "numbers.h"

static int plausible_year(unsigned long v, int digits) {
    if (digits == 4) return v >= 1952 && v <= 2099;
    if (digits == 2) return 1;
    return 0;
}

int cgx_eu_act_numbers(char type, unsigned long a, int a_digits, unsigned long b, int b_digits,
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
    {"Baden-Württemberg", "BW"},
    {"Bayerische", "BY"},
    {"Bayern", "BY"},
    {"Berlin", "BE"},
    {"Brandenburg", "BB"},
    {"Bremische", "HB"},
    {"Bremen", "HB"},
    {"Hamburgische", "HH"},
    {"Hamburg", "HH"},
    {"Hessische", "HE"},
    {"Hessen", "HE"},
    {"Mecklenburg-Vorpommern", "MV"},
    {"Niedersächsische", "NI"},
    {"Niedersachsen", "NI"},
    {"Nordrhein-Westfalen", "NW"},
    {"rhein-Westfalen", "NW"},
    {"Rheinland-Pfalz", "RP"},
    {"Saarlandes", "SL"},
    {"Saarland", "SL"},
    {"SAARLANDES", "SL"},
    {"Sachsen-Anhalt", "ST"},
    {"Sächsische", "SN"},
    {"Sachsen", "SN"},
    {"Schleswig-Holstein", "SH"},
    {"Thüringer", "TH"},
    {"Thüringen", "TH"},
};

const char *cgx_state_code(const char *text, size_t len) {
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

void cgx_drs_suffix(const char *t, size_t len, unsigned *flags, unsigned *version) {
    *flags = 0;
    *version = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] != '(') continue;
        if (len - i >= 11 && strncmp(t + i, "(Beschluss)", 11) == 0)
            *flags |= CG_DOCID_BESCHLUSS;
        else if (len - i >= 3 && strncmp(t + i, "(B)", 3) == 0)
            *flags |= CG_DOCID_BESCHLUSS;
        else if (len - i >= 5 && strncmp(t + i, "(neu)", 5) == 0)
            *flags |= CG_DOCID_NEU;
        else if (len - i >= 3 && t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] == ')')
            *version = (unsigned)(t[i + 1] - '0');
    }
}

const char *cgx_state_code_abbrev(const char *text, size_t len) {
    static const char *const codes[] = {"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
                                        "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (len == 2 && memcmp(text, codes[i], 2) == 0) return codes[i];
    return NULL;
}
