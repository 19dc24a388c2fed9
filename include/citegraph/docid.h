/* citegraph/docid.h - document ids: what a reference points at, as a value.
 *
 * Every document citegraph knows has one canonical id, so that the graph
 * merges what is the same: "BT-Drs. 19/5954", "BR-Drs. 103/1/25(B)",
 * "LT-Drs. NW 17/8873", "ST 12545/18", "COM(2020) 72", "CELEX:32018R1862".
 * A cg_docid holds such an id parsed into its parts (kind, Wahlperiode or
 * year, number, part, suffixes), so that no later stage reads numbers back
 * out of text. The extractor produces cg_docids; graph, check and every
 * exporter consume them; cg_docid_format() and cg_docid_parse() are the only
 * way between an id and its text. parse(format(id)) == id for every id the
 * library produces, and for every id that keeps to the layouts below
 * (numbers of at most nine digits, a PART of at least 1, a one-digit year
 * only with CG_DOCID_SHORT_YEAR, one letter after an Ausschussdrucksache, a
 * CELEX number of at most four digits); a grammar kind's id reads back with
 * cg_docid_parse_kind(). format(parse(text)) == text for every text parse
 * accepts: it accepts the canonical spelling only.
 *
 * Two kinds carry text instead of numbers: CG_KIND_URL (the normalised
 * address) and CG_KIND_GRAMMAR (a kind defined by a grammar file, with a
 * free-form id rendered from its template). Their `text` (and
 * `grammar_kind`) are borrowed: they live as long as the object the id came
 * from (an extraction, a graph), or the string given to cg_docid_parse().
 *
 * All functions here are pure: thread-safe, no allocation unless a cg_buf
 * is appended to.
 */
#ifndef CITEGRAPH_DOCID_H
#define CITEGRAPH_DOCID_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The kinds of document a reference can point at. The numbers are part of
 * the API and never reused; cg_kind_name() gives the name used in output. */
typedef enum cg_kind {
    CG_KIND_NONE = 0,                   /* no id */
    CG_KIND_BT_DRUCKSACHE = 1,          /* "bt_drucksache": BT-Drs. 19/5954 */
    CG_KIND_BT_PLENARPROTOKOLL = 2,     /* "bt_plenarprotokoll": BT-PlPr. 21/6 */
    CG_KIND_BT_AUSSCHUSSDRUCKSACHE = 3, /* "bt_ausschussdrucksache": BT-ADrs. 20(4)493 */
    CG_KIND_BR_DRUCKSACHE = 4,          /* "br_drucksache": BR-Drs. 103/1/25(B) */
    CG_KIND_LANDTAG_DRUCKSACHE = 5,     /* "landtag_drucksache": LT-Drs. NW 17/8873 */
    CG_KIND_EU_COUNCIL_DOC = 6,         /* "eu_council_doc": ST 12545/18 */
    CG_KIND_EU_COM_DOC = 7,             /* "eu_com_doc": COM(2020) 72 */
    CG_KIND_EU_LEGAL_ACT = 8,           /* "eu_legal_act": CELEX:32018R1862 */
    CG_KIND_URL = 9,                    /* "url": the normalised absolute address */
    CG_KIND_INTERNAL = 10,              /* "internal": "#", a part of the citing document */
    CG_KIND_GRAMMAR = 11                /* a kind a grammar file defines; named by grammar_kind */
} cg_kind;

/** Who issued a document. */
typedef enum cg_issuer {
    CG_ISSUER_NONE = 0,
    CG_ISSUER_BT = 1, /* Deutscher Bundestag */
    CG_ISSUER_BR = 2, /* Bundesrat */
    CG_ISSUER_LT = 3, /* a Landtag (state parliament) */
    CG_ISSUER_EU = 4  /* an institution of the European Union */
} cg_issuer;

/* Flags of a Drucksache number (cg_docid.flags). */
#define CG_DOCID_ZU 0x1u        /* "zu 108/25": a print that goes with 108/25 */
#define CG_DOCID_BESCHLUSS 0x2u /* "(B)", "(Beschluss)": the Bundesrat's decision */
#define CG_DOCID_NEU 0x4u       /* "(neu)": a reissued print */
#define CG_DOCID_SHORT_YEAR                                                                        \
    0x8u /* a malformed Bundesrat number whose year has one digit                                  \
            ("BR-Drs. 100/6"): kept as written, not as "100/06" */

/** A document id. Zero-initialised it is CG_KIND_NONE. Which fields a kind
 * uses, with the id's text:
 *
 *   BT-Drs. [zu ]WP[/PART]/NUMBER[(B)][(neu)][(VERSION)]   period = Wahlperiode
 *   BR-Drs. [zu ]NUMBER[/PART]/YY[(B)][(neu)][(VERSION)]   period = two-digit year
 *   BT-PlPr. WP/NUMBER
 *   BT-ADrs. WP(PART)NUMBER[ SERIES], or WP/NUMBER[ SERIES] when part is 0
 *   LT-Drs. [LAND ][zu ]WP/NUMBER[(B)][(neu)][(VERSION)]
 *   ST NUMBER/YY                                            period = two-digit year
 *   SERIES(YEAR) NUMBER                                     period = four-digit year
 *   CELEX:3YEAR SERIES NUMBER (no spaces, NUMBER 4 digits)  period = four-digit year
 *   TEXT (CG_KIND_URL, CG_KIND_GRAMMAR), "#" (CG_KIND_INTERNAL)
 *
 * A Bundestag or Landtag Drucksache takes a PART only when its text was
 * malformed ("BT-Drs. 103/1/25", "LT-Drs. 249/2/24"): the extractor
 * keeps what was written and flags the reference; such an id still formats
 * and parses. */
typedef struct cg_docid {
    cg_kind kind;
    unsigned period;          /* Wahlperiode or year, as above */
    unsigned long number;     /* the running number */
    unsigned part;            /* PART of a Drucksache; the committee of an Ausschussdrucksache */
    unsigned version;         /* VERSION of a Bundesrat Drucksache ("(2)"), 0 if none */
    unsigned flags;           /* CG_DOCID_* */
    char land[3];             /* LT-Drs.: the state ("NW"), "" when the parliament is not named */
    char series[5];           /* COM, SWD, SEC, JOIN or C; a CELEX type letter (R, L, D, F, ...);
                                 the letter of an Ausschussdrucksache ("A"), or "" */
    const char *text;         /* CG_KIND_URL, CG_KIND_GRAMMAR: the id itself (borrowed) */
    const char *grammar_kind; /* CG_KIND_GRAMMAR: the kind's name (borrowed) */
} cg_docid;

/** The name of a kind in output ("bt_drucksache", ...); "grammar" for
 * CG_KIND_GRAMMAR (use cg_docid_kind_name() for the grammar's own name), ""
 * for CG_KIND_NONE. Static. */
CG_EXPORT const char *cg_kind_name(cg_kind kind);
/** The built-in kind of a name cg_kind_name() gives; CG_KIND_NONE for any
 * other name, and for "grammar" (a grammar file's kind goes by its own
 * name: cg_docid_parse_kind()). */
CG_EXPORT cg_kind cg_kind_from_name(const char *name);
/** The kind's name of an id: cg_kind_name(), or the grammar kind's own name.
 * Borrowed from the id or static. */
CG_EXPORT const char *cg_docid_kind_name(const cg_docid *id);

/** "BT", "BR", "LT", "EU", or NULL for CG_ISSUER_NONE. Static. */
CG_EXPORT const char *cg_issuer_name(cg_issuer issuer);
/** Who issues documents of the id's kind (Ausschussdrucksachen and
 * Plenarprotokolle: the Bundestag; Council, Commission, legal acts: the EU). */
CG_EXPORT cg_issuer cg_docid_issuer(const cg_docid *id);
/** The Wahlperiode of a Bundestag or Landtag id, 0 for other kinds. */
CG_EXPORT unsigned cg_docid_wahlperiode(const cg_docid *id);
/** The four-digit year of an id that has one (Bundesrat and Council: from
 * the two-digit year, 58 to 99 being 1958 to 1999; COM and CELEX), else 0. */
CG_EXPORT unsigned cg_docid_year(const cg_docid *id);

/** Writes the id's canonical text into out (cap bytes, always
 * NUL-terminated when cap > 0) and returns its length, as snprintf() does:
 * a return value >= cap means it was cut. 0 for CG_KIND_NONE. */
CG_EXPORT size_t cg_docid_format(const cg_docid *id, char *out, size_t cap);
/** Appends the id's canonical text to `out`. CG_ENOMEM, or CG_EINVAL for
 * CG_KIND_NONE. */
CG_EXPORT cg_status cg_docid_append(const cg_docid *id, cg_buf *out, cg_error *err);
/** The number as people quote it, without the kind's prefix: "19/5954",
 * "zu 108/25", "NW 17/8873", "12545/18", "32018R1862"; for the Commission
 * the whole id ("COM(2020) 72"). As cg_docid_format(); 0 for kinds without
 * a number (URL, grammar kinds, internal). */
CG_EXPORT size_t cg_docid_format_number(const cg_docid *id, char *out, size_t cap);

/** Parses a canonical id (what cg_docid_format() writes, including URLs
 * and "#"). `text` is NUL-terminated; a URL's text is borrowed from it.
 * CG_EFORMAT, with the reason in `err`, for anything else: the only
 * spelling accepted is the canonical one (cg_resolve_text() reads the
 * spellings people write). */
CG_EXPORT cg_status cg_docid_parse(const char *text, cg_docid *out, cg_error *err);
/** Parses an id whose kind's name is known, as written next to it in
 * output (JSON Lines: "kind" and "target"). A built-in kind's id is parsed
 * as by cg_docid_parse() and must be of that kind; any other name, or a
 * built-in name whose text is not canonical (a grammar file's template for
 * a built-in kind), gives CG_KIND_GRAMMAR with `kind_name` and `text`
 * borrowed. CG_EFORMAT only for an empty text or kind name. */
CG_EXPORT cg_status cg_docid_parse_kind(const char *kind_name, const char *text, cg_docid *out,
                                        cg_error *err);
/** Parses the number part of an id of a known kind: "21/1234" as a
 * Bundestag Drucksache, "103/25(B)" or "zu 108/25" as a Bundesrat one (as
 * DIP's "dokumentnummer" gives them). CG_EFORMAT for anything else. */
CG_EXPORT cg_status cg_docid_parse_number(cg_kind kind, const char *number, cg_docid *out,
                                          cg_error *err);

/** Whether two ids are the same document (texts compared by content). */
CG_EXPORT bool cg_docid_equal(const cg_docid *a, const cg_docid *b);

/** Writes the official address of the document where it can be computed
 * from the id (Bundestag Drucksachen and Plenarprotokolle on
 * dserver.bundestag.de, Council documents, EUR-Lex for CELEX; a URL is its
 * own address), as cg_docid_format(); 0 when there is none. */
CG_EXPORT size_t cg_docid_official_url(const cg_docid *id, char *out, size_t cap);

/** The four-digit year of a two-digit one: 00 to 57 are 2000 to 2057, 58 to
 * 99 are 1958 to 1999 (the first Council and Bundesrat numbers). */
CG_EXPORT unsigned cg_year4(unsigned yy);

#ifdef __cplusplus
}
#endif
#endif
