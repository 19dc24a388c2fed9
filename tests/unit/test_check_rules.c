/* test_check_rules.c - every rule of `citegraph check`, one table.
 *
 * What it proves: for each rule CG001 to CG008 and CG010 (src/check/check.c, documented in
 * include/citegraph/check.h and the README under "citegraph check"), that it fires
 * where it should, with its severity, at the exact file, line and column and with
 * its exact message, and that it stays silent on the near miss next to it (a
 * question that exists, an earlier document, the own number only in the header,
 * a valid URL, a prefix that decides, ...). Each row compares the complete list of
 * findings, in the order cg_check_finding() gives them (by file, then position,
 * then rule), so a rule that stops firing, fires once too often, moves, or changes
 * its words fails the row. CG009 and CG011 fetch URLs: test_online.c runs them
 * against a server of its own on 127.0.0.1.
 *
 * Why a table: a rule is defined by its cases, and a case is a few small
 * documents, perhaps a catalog, and the findings expected. Written as rows they
 * read like the rule's specification, side by side with its near misses, and a
 * new case is one more row. Each row runs as its own cmocka test, named after it.
 *
 * The documents are written like real Drucksachen (the header lines the extractor
 * reads its number, date, type and title from, the "- Drucksache N -" line an
 * Antwort names its Anfrage with, numbered questions with sub-questions); a
 * template holds what the rows share and takes the line under test as `body`.
 *
 * CG009 url-unreachable needs an HTTP server and is tested in
 * tests/unit/test_online.c; there is no row for it here. */
#define _POSIX_C_SOURCE 200809L /* open_memstream, mkstemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h, which it needs */

#include "citegraph/check.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"

/* ---- the documents ---- */

/* An Antrag of the Bundestag: its own number, Wahlperiode and date in the header.
 * `body` starts at line 11. */
#define BT_ANTRAG(number, wp, date, body)                                                          \
    "Deutscher Bundestag Drucksache " number "\n" wp ". Wahlperiode " date "\n"                    \
    "\n"                                                                                           \
    "Antrag\n"                                                                                     \
    "der Fraktion BÜNDNIS 90/DIE GRÜNEN\n"                                                       \
    "\n"                                                                                           \
    "Rüstungsexporte transparent machen\n"                                                        \
    "\n"                                                                                           \
    "Der Bundestag wolle beschließen:\n"                                                          \
    "\n" body
#define ANTRAG_BODY_LINE 11

/* The Kleine Anfrage 21/1633 of 2025-09-15: questions 1, 2 (with a and b) and 3.
 * `body` is its preamble, at line 10 when the title has one line. It cites
 * nothing else. */
#define BT_ANFRAGE_1633(title, body)                                                               \
    "Deutscher Bundestag Drucksache 21/1633\n"                                                     \
    "21. Wahlperiode 15.09.2025\n"                                                                 \
    "\n"                                                                                           \
    "Kleine Anfrage\n"                                                                             \
    "der Abgeordneten Lea Reisner, Nicole Gohlke, Ulrich Thoden, weiterer Abgeordneter\n"          \
    "und der Fraktion Die Linke\n"                                                                 \
    "\n" title "\n"                                                                                \
    "\n" body "\n"                                                                                 \
    "Wir fragen die Bundesregierung:\n"                                                            \
    "\n"                                                                                           \
    "1. Wie viele Einzelgenehmigungen hat die Bundesregierung seit dem 1. Januar 2025 erteilt?\n"  \
    "2. Welche Güter wurden genehmigt,\n"                                                         \
    "a) nach der Ausfuhrliste,\n"                                                                  \
    "b) nach der Kriegswaffenliste?\n"                                                             \
    "3. Welchen Gesamtwert haben die Genehmigungen?\n"                                             \
    "\n"                                                                                           \
    "Berlin, den 10. September 2025\n"                                                             \
    "\n"                                                                                           \
    "Heidi Reichinnek, Sören Pellmann und Fraktion\n"

#define ISRAEL "Genehmigungen für Waffenlieferungen an Israel"

/* The Antwort 21/1958 of 2025-10-02 to the Kleine Anfrage 21/1633 (named at
 * line 9, column 3: the reference it `answers`), with the Anfrage's questions 1,
 * 2 (a, b) and 3 repeated. `body` is the answer to question 3, at line 25. */
#define BT_ANTWORT_1958(title, body)                                                               \
    "Deutscher Bundestag Drucksache 21/1958\n"                                                     \
    "21. Wahlperiode 02.10.2025\n"                                                                 \
    "\n"                                                                                           \
    "Antwort\n"                                                                                    \
    "der Bundesregierung\n"                                                                        \
    "\n"                                                                                           \
    "auf die Kleine Anfrage der Abgeordneten Lea Reisner, Nicole Gohlke, Ulrich Thoden,\n"         \
    "weiterer Abgeordneter und der Fraktion Die Linke\n"                                           \
    "– Drucksache 21/1633 –\n"                                                                 \
    "\n" title "\n"                                                                                \
    "\n"                                                                                           \
    "1. Wie viele Einzelgenehmigungen hat die Bundesregierung seit dem 1. Januar 2025 erteilt?\n"  \
    "\n"                                                                                           \
    "Die Bundesregierung hat 127 Einzelgenehmigungen erteilt.\n"                                   \
    "\n"                                                                                           \
    "2. Welche Güter wurden genehmigt,\n"                                                         \
    "a) nach der Ausfuhrliste,\n"                                                                  \
    "b) nach der Kriegswaffenliste?\n"                                                             \
    "\n"                                                                                           \
    "Die Fragen 2a und 2b werden wegen des Sachzusammenhangs gemeinsam beantwortet.\n"             \
    "\n"                                                                                           \
    "3. Welchen Gesamtwert haben die Genehmigungen?\n"                                             \
    "\n" body
#define ANTWORT_BODY_LINE 25
#define NOTHING_MORE "Weitere Erkenntnisse liegen der Bundesregierung nicht vor.\n"

/* Empfehlungen der Ausschüsse, Bundesrat Drucksache 238/25 of 2025-06-30.
 * `body` starts at line 14. */
#define BR_EMPFEHLUNGEN_238(body)                                                                  \
    "Bundesrat Drucksache 238/25\n"                                                                \
    "\n"                                                                                           \
    "30.06.25\n"                                                                                   \
    "\n"                                                                                           \
    "Empfehlungen\n"                                                                               \
    "der Ausschüsse\n"                                                                            \
    "\n"                                                                                           \
    "R\n"                                                                                          \
    "zu Punkt 12 der 1056. Sitzung des Bundesrates am 11. Juli 2025\n"                             \
    "\n"                                                                                           \
    "Verfahren vor dem Bundesverfassungsgericht\n"                                                 \
    "\n"                                                                                           \
    "Der Rechtsausschuss empfiehlt dem Bundesrat, von einer Äußerung abzusehen.\n" body
#define EMPFEHLUNGEN_BODY_LINE 14

/* ---- the catalogs ---- */

/* Covers the Bundestag's 20th and 21st Wahlperiode and the Bundesrat's 2020,
 * 2022 and 2025 (a catalog covers the kinds and periods it lists). */
#define CATALOG_BASE                                                                               \
    "id\ttype\tdate\ttitle\n"                                                                      \
    "BT-Drs. 20/13973\tAntwort\t2024-11-20\tRüstungsexporte im Jahr 2024\n"                       \
    "BT-Drs. 21/284\tAntwort\t2025-05-26\tDeutsche Waffenlieferungen an Israel und die Folgen "    \
    "für die Bevölkerung in Gaza\n"                                                              \
    "BT-Drs. 21/1633\tKleine Anfrage\t2025-09-15\t" ISRAEL "\n"                                    \
    "BT-Drs. 21/1958\tAntwort\t2025-10-02\t" ISRAEL "\n"                                           \
    "BR-Drs. 123/20\tGesetzesantrag\t2020-03-06\tEntwurf eines Gesetzes zur Änderung des "        \
    "Außenwirtschaftsgesetzes\n"                                                                  \
    "BR-Drs. 21/22\tGesetzesantrag\t2022-01-14\tEntwurf eines Gesetzes\n"                          \
    "BR-Drs. 103/1/25\tEmpfehlungen der Ausschüsse\t2025-03-10\tVerordnung über die "            \
    "Ausfuhrliste\n"

/* Only the Anfrage the Antwort 21/1958 answers. */
#define CATALOG_1633                                                                               \
    "id\ttype\tdate\ttitle\n"                                                                      \
    "BT-Drs. 21/1633\tKleine Anfrage\t2025-09-15\t" ISRAEL "\n"

/* ---- the table ---- */

#define MAX_DOCS 3
#define MAX_FINDINGS 6

typedef struct case_document {
    const char *file; /* as findings name it */
    const char *text;
} case_document;

typedef struct expected_finding {
    const char *rule; /* "CG001" */
    cg_severity severity;
    const char *file;
    size_t line, col;
    const char *message;
} expected_finding;

typedef struct rule_case {
    const char *name;
    case_document documents[MAX_DOCS];       /* up to the first without a file */
    const char *catalog;                     /* TSV text, or NULL for no catalog */
    expected_finding findings[MAX_FINDINGS]; /* up to the first without a rule; in order */
} rule_case;

#define AMBIGUOUS_21_22                                                                            \
    "is ambiguous: read as a Bundesrat number (number/year) because the citing document is from "  \
    "the Bundesrat; it could also be a Bundestag number (Wahlperiode/number)"

static const rule_case rule_cases[] = {
    /* ---- CG001 unknown-document ---- */
    {"CG001 fires as an error where the catalog covers the Wahlperiode",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Die Bundesregierung hat dazu berichtet (vgl. Drucksache 21/99999).\n")}},
     CATALOG_BASE,
     {{"CG001", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 46,
       "BT-Drs. 21/99999 is neither in the corpus nor in the catalog, which covers it"}}},
    {"CG001 fires as a warning for a Wahlperiode no catalog covers",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Die Bundesregierung hat dazu berichtet (vgl. Drucksache 19/5954).\n")}},
     CATALOG_BASE,
     {{"CG001", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 46,
       "BT-Drs. 19/5954 is neither in the corpus nor in a catalog"}}},
    {"CG001 fires as a warning without any catalog",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Die Bundesregierung hat dazu berichtet (vgl. Drucksache 21/99999).\n")}},
     NULL,
     {{"CG001", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 46,
       "BT-Drs. 21/99999 is neither in the corpus nor in a catalog"}}},
    {"CG001 for the Bundesrat: an error in a year the catalog covers, else a warning",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Der Bundesrat hat dazu Stellung genommen (BR-Drucksache 17/22 und "
                 "BR-Drucksache 490/24).\n")}},
     CATALOG_BASE,
     {{"CG001", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 43,
       "BR-Drs. 17/22 is neither in the corpus nor in the catalog, which covers it"},
      {"CG001", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 67,
       "BR-Drs. 490/24 is neither in the corpus nor in a catalog"}}},
    {"CG001 near miss: one cited document in the corpus, one in the catalog",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Wir verweisen auf die Kleine Anfrage auf Drucksache 21/1633 und die Antwort der\n"
                 "Bundesregierung auf Drucksache 21/1958.\n")},
      {"kleine-anfrage-21-1633.txt", BT_ANFRAGE_1633(ISRAEL, "")}},
     "id\ttype\tdate\ttitle\nBT-Drs. 21/1958\tAntwort\t2025-10-02\t" ISRAEL "\n",
     {{NULL}}},
    {"CG001 near miss: a catalog in the form of DIP's index.tsv",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Vergleiche die Antwort auf Drucksache 21/1958 und den Gesetzesantrag auf\n"
                 "BR-Drucksache 21/22.\n")}},
     "herausgeber\tdokumentnummer\tdrucksachetyp\tdatum\ttitel\n"
     "BT\t21/1958\tAntwort\t2025-10-02\t" ISRAEL "\n"
     "BR\t21/22\tGesetzesantrag\t2022-01-14\tEntwurf eines Gesetzes\n",
     {{NULL}}},

    /* ---- CG002 malformed-number ---- */
    {"CG002 fires for impossible numbers behind a Bundestag keyword",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Die Angaben stehen in Bundestagsdrucksache 24/469 und in BT-Drs. 103/1/25.\n"
                 "Die Zahlen sind in BT-Drucksache 21/0 aufgeführt.\n")}},
     CATALOG_BASE,
     {{"CG002", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 23,
       "BT-Drs. 24/469 is malformed: no such Wahlperiode: the Bundestag has had 21"},
      {"CG002", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 58,
       "BT-Drs. 103/1/25 is malformed: a Bundesrat number behind a Bundestag keyword"},
      {"CG002", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE + 1, 20,
       "BT-Drs. 21/0 is malformed: not a valid Bundestag number"}}},
    {"CG002 fires for a Bundesrat number without its year and a number of no parliament",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Der Bundesrat hat sich bereits geäußert (BR-Drucksache 238/2025).\n"
                 "Ferner wird auf Drucksache 123/456 verwiesen.\n")}},
     CATALOG_BASE,
     {{"CG002", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 42,
       "BR-Drs. 238/2025 is malformed: Bundesrat numbers end in a two-digit year"},
      {"CG002", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE + 1, 17,
       "BT-Drs. 123/456 is malformed: neither a Bundestag nor a Bundesrat number"}}},
    {"CG002 fires for a keyword without a number",
     {{"antrag-21-1500.txt", BT_ANTRAG("21/1500", "21", "15.10.2025",
                                       "Die Netzentgelte werden nach BT-Drs. …] geändert.\n")}},
     CATALOG_BASE,
     {{"CG002", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 30,
       "'BT-Drs.' has no number"}}},
    {"CG002 near miss: valid numbers in their unusual spellings",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Vergleiche BT-Drucksache: 21/1958, BT-Drs. Nr. 21/1633 und Drucksache 123/20\n"
                 "sowie die Empfehlungen in BR-Drs. 103/1/25.\n")}},
     CATALOG_BASE,
     {{NULL}}},

    /* ---- CG003 unknown-question ---- */
    {"CG003 fires for a question this Antwort does not have",
     {{"antwort-21-1958.txt",
       BT_ANTWORT_1958(ISRAEL, "Ergänzend wird auf die Antwort zu Frage 5 verwiesen.\n")}},
     CATALOG_BASE,
     {{"CG003", CG_SEV_ERROR, "antwort-21-1958.txt", ANTWORT_BODY_LINE, 24,
       "this document has no question 5 (its last is 3)"}}},
    {"CG003 fires for a sub-question this Antwort does not have",
     {{"antwort-21-1958.txt",
       BT_ANTWORT_1958(ISRAEL, "Die Antwort zu Frage 2c findet sich in der Anlage.\n")}},
     CATALOG_BASE,
     {{"CG003", CG_SEV_ERROR, "antwort-21-1958.txt", ANTWORT_BODY_LINE, 5,
       "this document has no question 2c (its last is 3)"}}},
    {"CG003 fires for questions the cited Antwort in the corpus does not have",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Die Bundesregierung hat in ihrer Antwort zu Frage 7 auf Bundestagsdrucksache "
                 "21/1958 keine Zahlen genannt.\n"
                 "Auch die Antwort zu Frage 2d auf Bundestagsdrucksache 21/1958 bleibt vage.\n")},
      {"antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)}},
     CATALOG_1633,
     {{"CG003", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 57,
       "BT-Drs. 21/1958 has no question 7 (its last is 3)"},
      {"CG003", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE + 1, 34,
       "BT-Drs. 21/1958 has no question 2d (its last is 3)"}}},
    {"CG003 near miss: own question, sub-question and a cited question that exist",
     {{"antwort-21-1958.txt",
       BT_ANTWORT_1958(ISRAEL, "Siehe hierzu die Antwort zu Frage 2b.\n"
                               "Vergleiche auch die Antwort zu Frage 3 auf Bundestagsdrucksache "
                               "21/1633 und die\n"
                               "Antwort auf die Schriftliche Frage 11 vom Juli 2025.\n")},
      {"kleine-anfrage-21-1633.txt", BT_ANFRAGE_1633(ISRAEL, "")}},
     NULL,
     {{NULL}}},
    {"CG003 near miss: a Kleine Anfrage quoting an earlier answer, and a cited paper without "
     "known questions",
     {{"kleine-anfrage-21-1633.txt",
       BT_ANFRAGE_1633(ISRAEL, "In ihrer Antwort zu Frage 7 hat die Bundesregierung keine Zahlen "
                               "genannt (vgl. auch\n"
                               "die Antwort zu Frage 9 auf Bundestagsdrucksache 21/284).")}},
     CATALOG_BASE,
     {{NULL}}},

    /* ---- CG004 cites-later-document ---- */
    {"CG004 fires for documents dated later, in the corpus and in the catalog",
     {{"antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)},
      {"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "24.09.2025",
                 "Zur weiteren Entwicklung siehe Bundestagsdrucksache 21/1958.\n"
                 "Vgl. auch Drucksache 21/2239.\n")}},
     CATALOG_1633 "BT-Drs. 21/2239\tAntwort\t2025-10-09\tAusfuhrgenehmigungen im dritten "
                  "Quartal 2025\n",
     {{"CG004", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 32,
       "BT-Drs. 21/1958 is dated 2025-10-02 (from its header), after this document's date "
       "2025-09-24 (from its header)"},
      {"CG004", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE + 1, 11,
       "BT-Drs. 21/2239 is dated 2025-10-09 (from the catalog), after this document's date "
       "2025-09-24 (from its header)"}}},
    /* A header misprinted by a year, as Drucksache 21/190 of the real corpus has it
     * (20.05.2026 for 20.05.2025): the catalog's date, when it knows one, is used. */
    {"CG004 near miss: a cited header's date misprinted, the catalog's right",
     {{"antrag-21-1400.txt",
       BT_ANTRAG("21/1400", "21", "10.09.2026", "Die Bundesregierung wird aufgefordert.\n")},
      {"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "24.09.2025", "Vgl. Drucksache 21/1400.\n")}},
     "id\ttype\tdate\ttitle\n"
     "BT-Drs. 21/1400\tAntrag\t2025-09-10\tRüstungsexporte transparent machen\n",
     {{NULL}}},
    {"CG004 the same without the catalog: the header's misprinted date, and it says so",
     {{"antrag-21-1400.txt",
       BT_ANTRAG("21/1400", "21", "10.09.2026", "Die Bundesregierung wird aufgefordert.\n")},
      {"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "24.09.2025", "Vgl. Drucksache 21/1400.\n")}},
     NULL,
     {{"CG004", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 6,
       "BT-Drs. 21/1400 is dated 2026-09-10 (from its header), after this document's date "
       "2025-09-24 (from its header)"}}},
    {"CG004 with a catalog: its date outweighs the header's, and the message says so",
     {{"antrag-21-1500.txt", BT_ANTRAG("21/1500", "21", "24.10.2025",
                                       "Vgl. Drucksache 21/1958 und Drucksache 21/1633.\n")},
      {"antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)}},
     /* the citing document's real date is earlier than its header says; the
      * catalog does not know 21/1958, whose header date is used */
     "id\ttype\tdate\ttitle\n"
     "BT-Drs. 21/1500\tAntrag\t2025-09-24\tRüstungsexporte transparent machen\n"
     "BT-Drs. 21/1633\tKleine Anfrage\t2025-09-15\t" ISRAEL "\n",
     {{"CG004", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 6,
       "BT-Drs. 21/1958 is dated 2025-10-02 (from its header), after this document's date "
       "2025-09-24 (from the catalog)"}}},
    {"CG004 fires for a later Wahlperiode when no date is known",
     {{"antrag-20-9000.txt",
       BT_ANTRAG("20/9000", "20", "01.12.2023",
                 "Wie in Drucksache 21/100 angekündigt, legt die Bundesregierung einen Bericht "
                 "vor.\n")}},
     "id\ttype\tdate\ttitle\nBT-Drs. 21/100\tAntrag\t\tRüstungsexportkontrollgesetz\n",
     {{"CG004", CG_SEV_WARNING, "antrag-20-9000.txt", ANTRAG_BODY_LINE, 8,
       "BT-Drs. 21/100 is of the 21. Wahlperiode, after this document's 20."}}},
    {"CG004 near miss: an earlier document, one of the same day, an earlier Wahlperiode",
     {{"antrag-21-1500.txt",
       BT_ANTRAG(
           "21/1500", "21", "02.10.2025",
           "Vergleiche die Kleine Anfrage auf Drucksache 21/1633, die Antwort vom selben Tag\n"
           "auf Drucksache 21/1958 und Drucksache 20/13973.\n")}},
     CATALOG_BASE,
     {{NULL}}},

    /* ---- CG010 duplicate-document ---- */
    {"CG010 fires for a second input with the same id, at the start of its header",
     {{"a/antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)},
      {"b/antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)},
      {"kleine-anfrage-21-1633.txt", BT_ANFRAGE_1633(ISRAEL, "")}},
     NULL,
     {{"CG010", CG_SEV_WARNING, "b/antwort-21-1958.txt", 1, 1,
       "BT-Drs. 21/1958 is the id of two inputs, a/antwort-21-1958.txt and "
       "b/antwort-21-1958.txt; references resolve to a/antwort-21-1958.txt (the first in path "
       "order)"}}},
    /* a Bundesrat text distributed as Bundestag Drucksache 21/1958 names it as its
     * alias, not as its own id: no duplicate */
    {"CG010 near miss: different ids, and one document's alias another's own id",
     {{"antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)},
      {"empfehlungen-238-25.txt",
       BR_EMPFEHLUNGEN_238("Die Vorlage wird als Bundestags-Drucksache 21/1958 verteilt.\n")},
      {"kleine-anfrage-21-1633.txt", BT_ANFRAGE_1633(ISRAEL, "")}},
     NULL,
     {{NULL}}},

    /* ---- CG005 title-mismatch ---- */
    {"CG005 fires when the answered Anfrage in the corpus has another title",
     {{"antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)},
      {"kleine-anfrage-21-1633.txt",
       BT_ANFRAGE_1633("Genehmigungen für Waffenlieferungen an Katar", "")}},
     NULL,
     {{"CG005", CG_SEV_WARNING, "antwort-21-1958.txt", 9, 3,
       "BT-Drs. 21/1633, the Anfrage this Antwort answers, is titled 'Genehmigungen für "
       "Waffenlieferungen an Katar', not 'Genehmigungen für Waffenlieferungen an Israel'"}}},
    {"CG005 near miss: the same title broken and hyphenated across lines",
     {{"antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)},
      {"kleine-anfrage-21-1633.txt",
       BT_ANFRAGE_1633("Genehmigungen für Waffen-\nlieferungen an Israel", "")}},
     NULL,
     {{NULL}}},
    {"CG005 near miss: another title only in the catalog, the Anfrage not in the corpus",
     {{"antwort-21-1958.txt", BT_ANTWORT_1958(ISRAEL, NOTHING_MORE)}},
     "id\ttype\tdate\ttitle\nBT-Drs. 21/1633\tKleine Anfrage\t2025-09-15\tRüstungsexporte nach "
     "Katar\n",
     {{NULL}}},

    /* ---- CG006 self-citation ---- */
    {"CG006 fires for the own number in the text, Bundestag and Bundesrat",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Wie bereits in Drucksache 21/1500 dargelegt, bleibt es dabei.\n")},
      {"empfehlungen-238-25.txt",
       BR_EMPFEHLUNGEN_238(
           "Der Rechtsausschuss verweist auf seine Empfehlung in Drucksache 238/25.\n")}},
     NULL,
     {{"CG006", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 16,
       "BT-Drs. 21/1500 cites itself"},
      {"CG006", CG_SEV_WARNING, "empfehlungen-238-25.txt", EMPFEHLUNGEN_BODY_LINE, 54,
       "BR-Drs. 238/25 cites itself"}}},
    /* A sentence is no running head, though it names the Bundesrat or a Wahlperiode. */
    {"CG006 fires for the own number in a sentence that names the Bundesrat or the Wahlperiode",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Wie in Drucksache 21/1500 zu Beginn der 21. Wahlperiode dargelegt, bleibt es "
                 "dabei.\n")},
      {"empfehlungen-238-25.txt",
       BR_EMPFEHLUNGEN_238("Der Bundesrat hat hierzu bereits in Drucksache 238/25 Stellung "
                           "genommen.\n")}},
     NULL,
     {{"CG006", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 8,
       "BT-Drs. 21/1500 cites itself"},
      {"CG006", CG_SEV_WARNING, "empfehlungen-238-25.txt", EMPFEHLUNGEN_BODY_LINE, 37,
       "BR-Drs. 238/25 cites itself"}}},
    {"CG006 near miss: the own number only in the header and the running heads",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Die Bundesregierung wird aufgefordert, die Genehmigungen offenzulegen.\n"
                 "Drucksache 21/1500 - 2 - Deutscher Bundestag - 21. Wahlperiode\n"
                 "Berlin, den 14. Oktober 2025\n")},
      {"empfehlungen-238-25.txt",
       BR_EMPFEHLUNGEN_238("Drucksache 238/25 - 2 -\n"
                           "Der Rechtsausschuss empfiehlt ferner, keinen Bevollmächtigten zu "
                           "bestellen.\n")}},
     NULL,
     {{NULL}}},

    /* ---- CG007 ambiguous-reference ---- */
    {"CG007 fires for a bare number a Bundesrat text could read two ways",
     {{"empfehlungen-238-25.txt", BR_EMPFEHLUNGEN_238("Vergleiche hierzu die Drucksache 21/22 des "
                                                      "Vorjahres.\n"
                                                      "Siehe auch Drucksache 19/24.\n")}},
     CATALOG_BASE,
     {{"CG007", CG_SEV_WARNING, "empfehlungen-238-25.txt", EMPFEHLUNGEN_BODY_LINE, 23,
       "BR-Drs. 21/22 " AMBIGUOUS_21_22},
      /* one reference, two findings: by rule at the same position */
      {"CG001", CG_SEV_WARNING, "empfehlungen-238-25.txt", EMPFEHLUNGEN_BODY_LINE + 1, 12,
       "BR-Drs. 19/24 is neither in the corpus nor in a catalog"},
      {"CG007", CG_SEV_WARNING, "empfehlungen-238-25.txt", EMPFEHLUNGEN_BODY_LINE + 1, 12,
       "BR-Drs. 19/24 " AMBIGUOUS_21_22}}},
    {"CG007 near miss: a BR- or BT- prefix decides, and 123/20 can only be the Bundesrat's",
     {{"empfehlungen-238-25.txt",
       BR_EMPFEHLUNGEN_238("Vergleiche hierzu die BR-Drucksache 21/22 und die BT-Drucksache "
                           "21/284\n"
                           "sowie die Drucksache 123/20.\n")}},
     CATALOG_BASE,
     {{NULL}}},
    {"CG007 near miss: in a Bundestag text the bare number is the Bundestag's",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025", "Vergleiche hierzu die Drucksache 21/22.\n")}},
     CATALOG_BASE,
     /* not ambiguous: read as BT-Drs. 21/22, which the catalog does not list */
     {{"CG001", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 23,
       "BT-Drs. 21/22 is neither in the corpus nor in the catalog, which covers it"}}},

    /* ---- CG008 invalid-url ---- */
    {"CG008 fires for an empty label, a port, a percent escape, a label starting with '-' and "
     "a numeric top-level domain",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Weitere Informationen: https://www..example.org/ruestung\n"
                 "Das Register steht unter https://www.bafa.de:99999/ausfuhr bereit.\n"
                 "Die Liste: https://www.bmwk.de/liste%zz.pdf\n"
                 "Siehe auch https://-bafa.example.de/ und https://www.example.123/index\n")}},
     NULL,
     {{"CG008", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 24,
       "invalid URL https://www..example.org/ruestung: an empty label in the host name"},
      {"CG008", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE + 1, 26,
       "invalid URL https://www.bafa.de:99999/ausfuhr: a port outside 1-65535"},
      {"CG008", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE + 2, 12,
       "invalid URL https://www.bmwk.de/liste%zz.pdf: a '%' that is not followed by two hex "
       "digits"},
      {"CG008", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE + 3, 12,
       "invalid URL https://-bafa.example.de/: a host name label starting with '-'"},
      {"CG008", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE + 3, 42,
       "invalid URL https://www.example.123/index: a top-level domain that is not a name"}}},
    {"CG008 fires for a numeric top-level domain whatever the path holds",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025", "Siehe https://www.example.123/index.html\n")}},
     NULL,
     {{"CG008", CG_SEV_ERROR, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 7,
       "invalid URL https://www.example.123/index.html: a top-level domain that is not a "
       "name"}}},
    {"CG008 near miss: valid URLs, with and without a scheme, a port, an IPv4 address and "
     "percent escapes",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Die Liste steht unter "
                 "https://www.bafa.de/DE/Aussenwirtschaft/ausfuhrkontrolle_node.html bereit,\n"
                 "die Antwort unter https://dserver.bundestag.de/btd/21/019/2101958.pdf und\n"
                 "www.bundestag.de/presse; lokal: http://127.0.0.1:8080/ok?x=1%20y\n")}},
     NULL,
     {{NULL}}},
};

/* The same, with the catalog read as a selection (CG_CATALOG_SELECTION). */
static const rule_case selection_cases[] = {
    /* the index of a corpus that is a selection, as the real corpus's index.tsv is */
    {"CG001 fires only as a warning where a selection catalog lists the Wahlperiode",
     {{"antrag-21-1500.txt",
       BT_ANTRAG("21/1500", "21", "15.10.2025",
                 "Die Bundesregierung hat dazu berichtet (vgl. Drucksache 21/99999).\n")}},
     CATALOG_BASE,
     {{"CG001", CG_SEV_WARNING, "antrag-21-1500.txt", ANTRAG_BODY_LINE, 46,
       "BT-Drs. 21/99999 is neither in the corpus nor in the catalog, which is only a "
       "selection"}}},
    {"CG001 near miss: a selection catalog still lists what it lists",
     {{"antrag-21-1500.txt", BT_ANTRAG("21/1500", "21", "15.10.2025",
                                       "Vergleiche die Antwort auf Drucksache 21/1958.\n")}},
     CATALOG_BASE,
     {{NULL}}},
};

#define NCASES (sizeof rule_cases / sizeof rule_cases[0])
#define NSELECTION (sizeof selection_cases / sizeof selection_cases[0])

/* The rule names the README documents, to check each finding's rule whole. */
static const char *rule_name(const char *id) {
    static const char *const names[][2] = {
        {"CG001", "unknown-document"},    {"CG002", "malformed-number"},
        {"CG003", "unknown-question"},    {"CG004", "cites-later-document"},
        {"CG005", "title-mismatch"},      {"CG006", "self-citation"},
        {"CG007", "ambiguous-reference"}, {"CG008", "invalid-url"},
        {"CG009", "url-unreachable"},     {"CG010", "duplicate-document"},
        {"CG011", "url-not-fetched"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], id) == 0) return names[i][1];
    return "?";
}

/* ---- running a row ---- */

static cg_extractor *extractor; /* compiled once for all rows */

static int setup_extractor(void **state) {
    (void)state;
    cg_error err;
    memset(&err, 0, sizeof err);
    if (cg_extractor_new(NULL, &extractor, &err) != CG_OK) {
        fprintf(stderr, "cg_extractor_new: %s\n", err.text);
        return -1;
    }
    return 0;
}

static int free_extractor(void **state) {
    (void)state;
    cg_extractor_free(extractor);
    extractor = NULL;
    return 0;
}

/* One finding per line, every field compared: "CG001 unknown-document error
 * file:line:col: message". */
static void print_finding(FILE *out, const char *rule, const char *name, cg_severity severity,
                          const char *file, size_t line, size_t col, const char *message) {
    fprintf(out, "%s %s %s %s:%zu:%zu: %s\n", rule, name, cg_severity_name(severity), file, line,
            col, message);
}

static char *expected_text(const rule_case *rc) {
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    for (size_t i = 0; i < MAX_FINDINGS && rc->findings[i].rule; i++) {
        const expected_finding *f = &rc->findings[i];
        print_finding(out, f->rule, rule_name(f->rule), f->severity, f->file, f->line, f->col,
                      f->message);
    }
    fclose(out);
    return text;
}

static char *actual_text(const cg_check *check) {
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    for (size_t i = 0; i < cg_check_count(check); i++) {
        const cg_finding *f = cg_check_finding(check, i);
        assert_non_null(f);
        print_finding(out, f->rule->id, f->rule->name, f->severity, f->file, f->line, f->col,
                      f->message);
    }
    assert_null(cg_check_finding(check, cg_check_count(check)));
    fclose(out);
    return text;
}

/* print_error() takes a line of at most about 1000 bytes: one call a line. */
static void print_lines(const char *title, const char *text) {
    print_error("--- %s\n", title);
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        int n = end ? (int)(end - line) : (int)strlen(line);
        print_error("%.*s\n", n, line);
        line += n + (end != NULL);
    }
}

/* Writes the catalog to a temporary file, for cg_check_add_catalog(). */
static void add_catalog(cg_check *check, const char *catalog, cg_catalog_scope scope) {
    char path[] = "/tmp/cg_test_check_rules_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    assert_int_equal(fputs(catalog, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
    cg_error err;
    memset(&err, 0, sizeof err);
    cg_status st = cg_check_add_catalog_scoped(check, extractor, path, scope, &err);
    remove(path);
    if (st != CG_OK) fail_msg("catalog: %s", err.text);
}

static void add_document(cg_check *check, const case_document *doc) {
    cg_error err;
    memset(&err, 0, sizeof err);
    cg_input *input = NULL;
    cg_extraction *extraction = NULL;
    if (cg_input_from_memory(doc->file, doc->text, strlen(doc->text), NULL, &input, &err) != CG_OK)
        fail_msg("%s: %s", doc->file, err.text);
    if (cg_extract(extractor, input, &extraction, &err) != CG_OK)
        fail_msg("%s: %s", doc->file, err.text);
    if (cg_check_add_document(check, doc->file, input, extraction, &err) != CG_OK)
        fail_msg("%s: %s", doc->file, err.text);
    /* the check keeps copies: both may go now */
    cg_extraction_free(extraction);
    cg_input_free(input);
}

static void test_rule_case(void **state) {
    const rule_case *rc = *state;
    cg_error err;
    memset(&err, 0, sizeof err);
    cg_check *check = NULL;
    assert_int_equal(cg_check_new(&check, &err), CG_OK);
    bool selection = rc >= selection_cases && rc < selection_cases + NSELECTION;
    if (rc->catalog)
        add_catalog(check, rc->catalog, selection ? CG_CATALOG_SELECTION : CG_CATALOG_COMPLETE);
    for (size_t i = 0; i < MAX_DOCS && rc->documents[i].file; i++)
        add_document(check, &rc->documents[i]);
    if (cg_check_run(check, &err) != CG_OK) fail_msg("cg_check_run: %s", err.text);

    char *expected = expected_text(rc);
    char *actual = actual_text(check);
    int findings_match = strcmp(expected, actual) == 0;
    if (!findings_match) {
        print_lines("expected findings", expected);
        print_lines("actual findings", actual);
    }
    free(expected);
    free(actual);
    cg_check_free(check);
    assert_true(findings_match);
}

int main(void) {
    struct CMUnitTest tests[NCASES + NSELECTION];
    for (size_t i = 0; i < NCASES; i++)
        tests[i] = (struct CMUnitTest){rule_cases[i].name, test_rule_case, NULL, NULL,
                                       (void *)&rule_cases[i]};
    for (size_t i = 0; i < NSELECTION; i++)
        tests[NCASES + i] = (struct CMUnitTest){selection_cases[i].name, test_rule_case, NULL, NULL,
                                                (void *)&selection_cases[i]};
    return _cmocka_run_group_tests("check_rules", tests, NCASES + NSELECTION, setup_extractor,
                                   free_extractor);
}
