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

bool cgd_landtag_drucksache(cg_docid *out, const char *state, unsigned long wp, unsigned long nr) {
    if (wp < 1 || wp > CG_MAX_LANDTAG_WAHLPERIODE || nr == 0) return false;
    start(out, CG_KIND_LANDTAG_DRUCKSACHE);
    if (state && strlen(state) == 2) memcpy(out->land, state, 2);
    out->period = (unsigned)wp;
    out->number = nr;
    return true;
}

bool cgd_council(cg_docid *out, unsigned long nr, unsigned long yy) {
    if (nr == 0 || yy > 99) return false;
    start(out, CG_KIND_EU_COUNCIL_DOC);
    out->number = nr;
    out->period = (unsigned)yy;
    return true;
}

bool cgd_commission(cg_docid *out, const char *series, unsigned long year, unsigned long nr) {
    static const char *const known[] = {"COM", "SWD", "SEC", "JOIN", "C", NULL};
    const char *s = strcmp(series, "KOM") == 0   ? "COM"
                    : strcmp(series, "SEK") == 0 ? "SEC"
                                                 : series;
    int ok = 0;
    for (const char *const *k = known; *k && !ok; k++)
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
