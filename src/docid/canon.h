/* canon.h - building document ids from numbers, with the facts that decide
 * whether a number can be an id of a kind (reference-formats.md): the
 * Bundestag has had 21 Wahlperioden, Bundesrat and Council numbers end in a
 * two-digit year, EU years run from the 1950s. Each returns true and fills
 * *out with a canonical id, or false (and *out untouched) when the numbers
 * cannot form one. For the extractor and the resolver. */
#ifndef CG_DOCID_CANON_H
#define CG_DOCID_CANON_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/docid.h"
#include "util/util.h"

/* Bundestag Wahlperioden run from 1 (1949) to this one. */
#define CG_MAX_WAHLPERIODE 21
/* Landtag Wahlperioden are counted per state; none has reached this. */
#define CG_MAX_LANDTAG_WAHLPERIODE 30

bool cgd_bt_drucksache(cg_docid *out, unsigned long wp, unsigned long nr);
bool cgd_bt_plenarprotokoll(cg_docid *out, unsigned long wp, unsigned long nr);
/* committee: 4 in 20(4)493, 0 for 20/6455; letter: 'A' in "20(4)493 A", or 0 */
bool cgd_bt_ausschussdrucksache(cg_docid *out, unsigned long wp, unsigned committee,
                                unsigned long nr, char letter);
/* flags: CG_DOCID_*; part: K of N/K/YY; version: n of "(n)" */
bool cgd_br_drucksache(cg_docid *out, unsigned long nr, unsigned part, unsigned long yy,
                       unsigned flags, unsigned version);
/* state: a two-letter code, or NULL when the parliament is not named;
 * flags: CG_DOCID_*; version: n of "(n)" */
bool cgd_landtag_drucksache_full(cg_docid *out, const char *state, unsigned long wp,
                                 unsigned long nr, unsigned flags, unsigned version);
/* The same without flags or version (a header's own number). */
bool cgd_landtag_drucksache(cg_docid *out, const char *state, unsigned long wp, unsigned long nr);
/* Sets id->land to `state` when that is a two-letter code; else leaves it. */
void cgd_set_land(cg_docid *id, const char *state);
bool cgd_council(cg_docid *out, unsigned long nr, unsigned long yy);
/* The series of Commission documents as ids write them, NULL-terminated;
 * a series that begins another ("C", "COM") comes after it, so that text
 * can be matched against them in this order. */
extern const char *const cgd_commission_series[];
/* series as written: COM, KOM, SWD, SEK, SEC, JOIN, C (KOM is COM, SEK is SEC) */
bool cgd_commission(cg_docid *out, const char *series, unsigned long year, unsigned long nr);
/* type: 'R' regulation, 'L' directive, 'D' decision, 'F' framework decision, ... */
bool cgd_celex(cg_docid *out, unsigned long year, char type, unsigned long nr);

/* The length of "scheme://" at the start of p (RFC 3986: a letter, then
 * letters, digits, '+', '-', '.'), or 0: "www.x.de/?u=https://y.de" has
 * none, though "://" occurs in it. */
size_t cgd_scheme_length(const char *p);

/* *out = *id with the texts an id borrows (a URL's or grammar kind's text,
 * the grammar kind's name) copied into `arena`, so that the copy lives as
 * long as the arena. 0, or -1 when memory ran out. */
int cgd_copy(cgu_arena *arena, const cg_docid *id, cg_docid *out);

#endif
