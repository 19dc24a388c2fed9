/* canon.c - document ids from numbers; see canon.h. */
#include "canon.h"

#include <string.h>

static void start(cg_docid *out, cg_kind kind) {
    memset(out, 0, sizeof *out);
    out->kind = kind;
}

bool cgd_bt_drucksache(cg_docid *out, unsigned long wp, unsigned long nr) {
    if (wp < 1 || wp > CG_MAX_WAHLPERIODE || nr == 0) return false;
    start(out, CG_KIND_BT_DRUCKSACHE);
    out->period = (unsigned)wp;
    out->number = nr;
    return true;
}

bool cgd_bt_plenarprotokoll(cg_docid *out, unsigned long wp, unsigned long nr) {
    if (wp < 1 || wp > CG_MAX_WAHLPERIODE || nr == 0) return false;
    start(out, CG_KIND_BT_PLENARPROTOKOLL);
    out->period = (unsigned)wp;
    out->number = nr;
    return true;
}

bool cgd_bt_ausschussdrucksache(cg_docid *out, unsigned long wp, unsigned committee,
                                unsigned long nr, char letter) {
    if (wp < 1 || wp > CG_MAX_WAHLPERIODE) return false;
    start(out, CG_KIND_BT_AUSSCHUSSDRUCKSACHE);
    out->period = (unsigned)wp;
    out->part = committee;
    out->number = nr;
    out->series[0] = letter;
    return true;
}

bool cgd_br_drucksache(cg_docid *out, unsigned long nr, unsigned part, unsigned long yy,
                       unsigned flags, unsigned version) {
    if (nr == 0 || yy > 99) return false;
    start(out, CG_KIND_BR_DRUCKSACHE);
    out->number = nr;
    out->part = part;
    out->period = (unsigned)yy;
    out->flags = flags;
    out->version = version;
    return true;
}

void cgd_set_land(cg_docid *id, const char *state) {
    if (state && strlen(state) == 2) memcpy(id->land, state, 2);
}

bool cgd_landtag_drucksache_full(cg_docid *out, const char *state, unsigned long wp,
                                 unsigned long nr, unsigned flags, unsigned version) {
    if (wp < 1 || wp > CG_MAX_LANDTAG_WAHLPERIODE || nr == 0) return false;
    start(out, CG_KIND_LANDTAG_DRUCKSACHE);
    cgd_set_land(out, state);
    out->period = (unsigned)wp;
    out->number = nr;
    out->flags = flags;
    out->version = version;
    return true;
}

bool cgd_landtag_drucksache(cg_docid *out, const char *state, unsigned long wp, unsigned long nr) {
    return cgd_landtag_drucksache_full(out, state, wp, nr, 0, 0);
}

bool cgd_council(cg_docid *out, unsigned long nr, unsigned long yy) {
    if (nr == 0 || yy > 99) return false;
    start(out, CG_KIND_EU_COUNCIL_DOC);
    out->number = nr;
    out->period = (unsigned)yy;
    return true;
}

const char *const cgd_commission_series[] = {"COM", "SWD", "SEC", "JOIN", "C", NULL};

bool cgd_commission(cg_docid *out, const char *series, unsigned long year, unsigned long nr) {
    const char *s = strcmp(series, "KOM") == 0   ? "COM"
                    : strcmp(series, "SEK") == 0 ? "SEC"
                                                 : series;
    int ok = 0;
    for (const char *const *k = cgd_commission_series; *k && !ok; k++)
        ok = strcmp(s, *k) == 0;
    if (!ok || year < 1958 || year > 2099) return false;
    start(out, CG_KIND_EU_COM_DOC);
    memcpy(out->series, s, strlen(s) + 1);
    out->period = (unsigned)year;
    out->number = nr;
    return true;
}

bool cgd_celex(cg_docid *out, unsigned long year, char type, unsigned long nr) {
    if (year < 1952 || year > 2099 || nr == 0 || nr > 9999 || type < 'A' || type > 'Z')
        return false;
    start(out, CG_KIND_EU_LEGAL_ACT);
    out->period = (unsigned)year;
    out->series[0] = type;
    out->number = nr;
    return true;
}

size_t cgd_scheme_length(const char *p) {
    if (!((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z'))) return 0;
    size_t i = 1;
    while ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
           (p[i] >= '0' && p[i] <= '9') || p[i] == '+' || p[i] == '-' || p[i] == '.')
        i++;
    return strncmp(p + i, "://", 3) == 0 ? i + 3 : 0;
}

int cgd_copy(cgu_arena *arena, const cg_docid *id, cg_docid *out) {
    int failed = 0;
    cg_docid c = *id;
    c.text = cgu_arena_dup_or_null(arena, id->text, &failed);
    c.grammar_kind = cgu_arena_dup_or_null(arena, id->grammar_kind, &failed);
    *out = c;
    return failed ? -1 : 0;
}
