/* numbers.h - reading the parts of reference numbers out of text: the
 * suffixes of a Drucksache, the state a parliament's name stands for, and
 * which of an EU act's two numbers is its year. Pure functions, testable
 * without regexes. */
#ifndef CG_EXTRACT_NUMBERS_H
#define CG_EXTRACT_NUMBERS_H

#include <stddef.h>

/* The flags (CG_DOCID_BESCHLUSS, CG_DOCID_NEU) and version ("(2)") of the
 * text after a Drucksache number: "(Beschluss)" and "(B)" give the
 * Beschluss flag, "(neu)" the reissue flag, "(2)" version 2. */
void cgx_drs_suffix(const char *text, size_t len, unsigned *flags, unsigned *version);

/* Decides which of the two numbers of an act is the year, following the
 * numbering before and after 2015 (see reference-formats.md): returns 1 and
 * sets the year and number when the reading is possible, else 0.
 *   has_nr: "Nr." stood before the numbers (old regulations: number/year)
 *   has_suffix: "/EG", "/JI" ... followed (old directives: year/number)
 *   has_authority: "(EU)", "(EG)" ... stood before the numbers */
int cgx_eu_act_numbers(char type, unsigned long a, int a_digits, unsigned long b, int b_digits,
                       int has_nr, int has_suffix, int has_authority, unsigned *year,
                       unsigned long *nr);

/* A two-letter parliament code for a German state named in `text`, or NULL. */
const char *cgx_state_code(const char *text, size_t len);
/* The code itself ("NW") when `text` is one of the sixteen codes, else NULL. */
const char *cgx_state_code_abbrev(const char *text, size_t len);

#endif
