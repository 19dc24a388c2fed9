/* canon.h - canonical ids: one spelling per target, so that the graph merges
 * what is the same. Pure functions of the numbers, testable without regexes.
 * Each writes into `out` (size `cap`) and returns the length, or 0 if the
 * numbers cannot form an id of that kind. */
#ifndef CG_CANON_H
#define CG_CANON_H

#include <stddef.h>

/* Bundestag Wahlperioden run from 1 (1949) to this one. */
#define CG_MAX_WAHLPERIODE 21

size_t cg_canon_bt_drs(char *out, size_t cap, unsigned wp, unsigned long nr);
size_t cg_canon_bt_plpr(char *out, size_t cap, unsigned wp, unsigned long nr);
/* committee: "4" in 20(4)493; letter: "" or "A" */
size_t cg_canon_bt_adrs(char *out, size_t cap, unsigned wp, const char *committee,
                        unsigned long nr, const char *letter);
/* zu: "zu " prefix; part: 0 or the K of N/K/YY; suffix like "(B)", "(neu)", "(B)(2)" */
size_t cg_canon_br_drs(char *out, size_t cap, int zu, unsigned long nr, unsigned part,
                       unsigned yy, const char *suffix);
/* state: two-letter code, or NULL when the parliament is not named */
size_t cg_canon_lt_drs(char *out, size_t cap, const char *state, unsigned wp, unsigned long nr);
size_t cg_canon_council(char *out, size_t cap, unsigned long nr, unsigned yy);
/* series as written (COM, KOM, SWD, SEK, SEC, JOIN, C); KOM->COM, SEK->SEC */
size_t cg_canon_com(char *out, size_t cap, const char *series, unsigned year, unsigned long nr);

/* EU legal acts. type: 'R' regulation, 'L' directive, 'D' decision,
 * 'F' framework decision. */
size_t cg_canon_celex(char *out, size_t cap, unsigned year, char type, unsigned long nr);

/* Decides which of the two numbers of an act is the year, following the
 * numbering before and after 2015 (see reference-formats.md): returns 1 and
 * sets the year and number when the reading is possible, else 0.
 *   has_nr: "Nr." stood before the numbers (old regulations: number/year)
 *   has_suffix: "/EG", "/JI" ... followed (old directives: year/number)
 *   has_authority: "(EU)", "(EG)" ... stood before the numbers */
int cg_eu_act_numbers(char type, unsigned long a, int a_digits, unsigned long b, int b_digits,
                      int has_nr, int has_suffix, int has_authority, unsigned *year,
                      unsigned long *nr);

/* Canonical Bundesrat suffix from the text after a number: "(Beschluss)" and
 * "(B)" give "(B)", "(neu)" gives "(neu)", "(2)" gives "(2)", in order. */
void cg_br_suffix(const char *text, size_t len, char *out, size_t cap);

/* Two-digit year to four digits (EU documents and Bundesrat numbers):
 * 00..57 are 2000..2057, 58..99 are 1958..1999. */
unsigned cg_year4(unsigned yy);

/* A two-letter parliament code for a German state named in `text`, or NULL. */
const char *cg_state_code(const char *text, size_t len);
/* The code itself ("NW") when `text` is one of the sixteen codes, else NULL. */
const char *cg_state_code_abbrev(const char *text, size_t len);

#endif
