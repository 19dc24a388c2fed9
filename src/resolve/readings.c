/* readings.c - the parliament behind a Drucksache number.
 *
 * "Drucksache 21/22" could be the Bundestag's (Wahlperiode/number), the
 * Bundesrat's (number/year) or a Landtag's. It is decided, in this order,
 * by: the keyword (BT-, BR-, Landtags-); a parliament named just before it
 * ("Landtag Nordrhein-Westfalen, Drucksache 17/8873"); the form of the
 * number (N/K/YY, "zu N/YY" and "(Beschluss)" are Bundesrat forms; 123/20
 * cannot be a Bundestag number, there being 21 Wahlperioden); and last by
 * the parliament of the citing document. Where that last step chooses
 * between two possible readings, the reference is flagged ambiguous; where
 * no reading fits, it is kept as written and flagged malformed. */
#include "readings.h"

#include "docid/canon.h"

/* The number exactly as written, for a reading it does not fit. */
static void as_written(const cgx_drucksache *d, cg_kind kind, cg_docid *id) {
    cg_docid w = {.kind = kind, .part = d->k, .flags = d->flags, .version = d->version};
    if (kind == CG_KIND_BR_DRUCKSACHE) {
        /* Bundesrat numbers are number/year */
        w.number = d->a;
        w.period = (unsigned)d->b;
        w.part = 0;
        w.flags &= ~CG_DOCID_ZU;
        if (d->b_digits == 1) w.flags |= CG_DOCID_SHORT_YEAR;
    } else {
        w.period = (unsigned)d->a;
        w.number = d->b;
    }
    *id = w;
}

/* Reads `d` as a number of the Bundestag or the Bundesrat (`issuer`); as
 * written and malformed when `note` says why it cannot be one, or it is not
 * a valid number of that parliament. */
static void federal(const cgx_drucksache *d, cg_issuer issuer, const char *note, cg_docid *id,
                    unsigned *flags, const char **why) {
    const bool br = issuer == CG_ISSUER_BR;
    if (!note &&
        (br ? d->b_digits == 2 && cgd_br_drucksache(id, d->a, d->k, d->b, d->flags, d->version)
            : cgd_bt_drucksache(id, d->a, d->b)))
        return;
    as_written(d, br ? CG_KIND_BR_DRUCKSACHE : CG_KIND_BT_DRUCKSACHE, id);
    *flags |= CG_REF_MALFORMED;
    /* a reason given before (ambiguous) stands */
    if (note || !*why)
        *why = note ? note : br ? "not a valid Bundesrat number" : "not a valid Bundestag number";
}

void cgr_read_drucksache(const cgx_drucksache *d, const cg_docid *own, cg_docid *id,
                         unsigned *flags, const char **note) {
    const unsigned long a = d->a, b = d->b;
    const int adig = d->a_digits, bdig = d->b_digits;
    const int br_form = (d->flags & (CG_DOCID_ZU | CG_DOCID_BESCHLUSS)) || d->k;
    const cg_issuer issuer = cg_docid_issuer(own);
    const int bt_possible = a >= 1 && a <= CG_MAX_WAHLPERIODE && adig <= 2;
    const char *state = d->state;
    cg_issuer reading;
    if (d->keyword == CG_ISSUER_BT) {
        if (br_form) {
            federal(d, CG_ISSUER_BT, "a Bundesrat number behind a Bundestag keyword", id, flags,
                    note);
            return;
        }
        if (adig > 2 || a > CG_MAX_WAHLPERIODE || a == 0)
            federal(d, CG_ISSUER_BT, "no such Wahlperiode: the Bundestag has had 21", id, flags,
                    note);
        else
            federal(d, CG_ISSUER_BT, NULL, id, flags, note);
        return;
    }
    if (d->keyword == CG_ISSUER_BR) {
        federal(d, CG_ISSUER_BR, bdig != 2 ? "Bundesrat numbers end in a two-digit year" : NULL, id,
                flags, note);
        return;
    }
    if (d->keyword == CG_ISSUER_LT || d->context == CG_ISSUER_LT) {
        reading = CG_ISSUER_LT;
    } else if (d->context == CG_ISSUER_BT || (d->context == CG_ISSUER_BR && bdig == 2)) {
        /* "des Bundesrates Drucksache 21/894" names the Bundesrat's opinion printed
         * as a Bundestag Drucksache: only a number/year form is a Bundesrat number */
        reading = d->context;
    } else if (br_form) {
        reading = CG_ISSUER_BR;
    } else if (bdig <= 2 && (a > CG_MAX_WAHLPERIODE || adig > 2)) {
        reading = CG_ISSUER_BR; /* 123/20: no Bundestag has had a 123rd Wahlperiode */
    } else if (bdig <= 2 && issuer == CG_ISSUER_BR) {
        *flags |= CG_REF_AMBIGUOUS;
        *note = "read as a Bundesrat number (number/year) because the citing document is "
                "from the Bundesrat; it could also be a Bundestag number (Wahlperiode/number)";
        reading = CG_ISSUER_BR;
    } else if (issuer == CG_ISSUER_LT) {
        reading = CG_ISSUER_LT;
        state = own->land[0] ? own->land : NULL;
    } else if (bt_possible) {
        reading = CG_ISSUER_BT;
    } else {
        federal(d, CG_ISSUER_BT, "neither a Bundestag nor a Bundesrat number", id, flags, note);
        return;
    }
    if (reading != CG_ISSUER_LT) {
        federal(d, reading, NULL, id, flags, note);
        return;
    }
    /* "zu", "(neu)": kept, as for the Bundestag */
    if (!d->k && cgd_landtag_drucksache_full(
                     id, state, a, b, d->flags & (CG_DOCID_ZU | CG_DOCID_BESCHLUSS | CG_DOCID_NEU),
                     d->version))
        return;
    /* A Landtag named earlier in the clause, but a number that cannot be its:
     * a Bundesrat form decides. Behind a Landtag keyword the keyword stands,
     * as a Bundestag keyword does. */
    if (d->keyword != CG_ISSUER_LT && br_form && bdig == 2) {
        federal(d, CG_ISSUER_BR, NULL, id, flags, note);
        return;
    }
    as_written(d, CG_KIND_LANDTAG_DRUCKSACHE, id);
    cgd_set_land(id, state);
    *flags |= CG_REF_MALFORMED;
    *note = "not a valid Landtag number";
}

bool cgr_pdf_address(const cgx_pdf_address *p, cg_docid *id) {
    if (!p->type) return false;
    unsigned long nr = p->whole;
    /* the file name repeats the Wahlperiode: 1918757 is 19 / 18757 */
    unsigned long scale = p->digits == 7 ? 100000UL : 1000UL;
    if ((p->digits == 7 || p->digits == 5) && p->whole / scale == p->wp) nr = p->whole % scale;
    return p->type == 'p' ? cgd_bt_plenarprotokoll(id, p->wp, nr)
                          : cgd_bt_drucksache(id, p->wp, nr);
}
