/* citegraph/extract.h - finding the references a document makes.
 *
 * A cg_extractor holds the compiled reference grammar. It is built once and
 * is immutable afterwards, so one extractor may serve any number of threads
 * calling cg_extract() at the same time (each call has its own match data).
 *
 * cg_extract() runs the per-document stages: it normalises the text (line
 * breaks inside references, end-of-line hyphenation, Unicode spaces and
 * dashes, soft hyphens), finds and reads every reference (extraction),
 * identifies what each points at (resolution: the parliament of a bare
 * "Drucksache 21/22", the document a Bundestag PDF address names), and maps
 * every position back to the original bytes. The result owns all its data.
 */
#ifndef CITEGRAPH_EXTRACT_H
#define CITEGRAPH_EXTRACT_H

#include <stddef.h>

#include "citegraph/docid.h"
#include "citegraph/error.h"
#include "citegraph/input.h"
#include "citegraph/locator.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cg_extractor cg_extractor;
typedef struct cg_extraction cg_extraction;

typedef enum cg_relation {
    CG_REL_CITES = 0,   /* an ordinary citation */
    CG_REL_ANSWERS = 1, /* an Antwort naming the Anfrage it answers */
    CG_REL_REFERS = 2   /* in an Antwort, a referral: the sentence gives the answer by sending
                           the reader there ("Auf die Antwort zu Frage 6 wird verwiesen") */
} cg_relation;

/** "cites", "answers" or "refers". Static. */
CG_EXPORT const char *cg_relation_name(cg_relation rel);

/* Flags on a reference. */
#define CG_REF_AMBIGUOUS 0x1u /* the number could be read another way; `note` says how */
#define CG_REF_MALFORMED 0x2u /* the number is impossible for its kind; `note` says why */

/** One reference. Positions are in the original bytes of the input:
 * `offset` and `length` in bytes, `line` and `col` 1-based, `col` counted in
 * characters. For an input read from a PDF, the bytes are the text of its
 * pages (citegraph/input.h), and `page` (1-based), `page_line` (the line
 * on that page, 1-based) and `page_label` say where the reference stands
 * on the printed page; 0, 0 and NULL for other inputs. Everything it points to is
 * owned by the cg_extraction. */
typedef struct cg_reference {
    cg_docid target;      /* what it points at; CG_KIND_INTERNAL for a part of this document */
    cg_locator locator;   /* the part it narrows ("Frage 2", "S. 15"); text NULL if none */
    cg_docid resolves_to; /* a URL that is the address of a document: that document;
                             CG_KIND_NONE otherwise */
    const char *note;     /* why it is ambiguous or malformed; else NULL */
    cg_relation relation;
    unsigned flags; /* CG_REF_* */
    size_t offset;
    size_t length;
    size_t line;
    size_t col;
    size_t page;
    size_t page_line;
    const char *page_label; /* the page's label ("iv", "3"; its number where the PDF names
                               none); NULL without pages or for a label not plain */
    /* In an Antwort: the questions of the document in whose answer the
     * reference stands (several for an answer to questions taken together);
     * NULL and 0 elsewhere (the header, the quoted questions, the
     * preliminary remarks, other documents). */
    const cg_question *answering;
    size_t nanswering;
} cg_reference;

/** How an Antwort answers a question (or questions taken together). */
typedef enum cg_answer_kind {
    CG_ANSWER_OWN = 0,       /* in its own words: no referral */
    CG_ANSWER_REFERENCE = 1, /* only by reference: every sentence a referral, apart from a note
                                that questions are answered together */
    CG_ANSWER_PARTLY = 2     /* referrals and words of its own */
} cg_answer_kind;

/** "own", "reference" or "partly". Static. */
CG_EXPORT const char *cg_answer_kind_name(cg_answer_kind kind);

/** One answer of an Antwort: to `questions` (one, or several answered
 * together, as the Antwort numbers them), where it begins in the original
 * bytes, and its sentences counted. */
typedef struct cg_answer {
    const cg_question *questions;
    size_t nquestions;
    cg_answer_kind kind;
    size_t referrals; /* sentences that refer elsewhere */
    size_t own;       /* sentences of its own (a note that questions are answered together
                         is neither) */
    size_t offset, line, col;
    size_t page, page_line; /* as for cg_reference */
} cg_answer;

/** Who a document is by (DIP's "urheber" and "ressort"). */
typedef enum cg_author_role {
    CG_AUTHOR_SUBMITTER = 0, /* submits it: Fraktion(en), members, the Bundesregierung, the
                                Bundesrat, a Land, a committee ("urheber") */
    CG_AUTHOR_MINISTRY = 1,  /* the ministry answering or leading for the Bundesregierung
                                ("ressort") */
    CG_AUTHOR_ASKER = 2      /* of an Antwort: who asked the question it answers */
} cg_author_role;

/** "urheber", "ressort" or "fragesteller". Static. */
CG_EXPORT const char *cg_author_role_name(cg_author_role role);

/** One author. `name` is spelt as DIP spells its "titel": "Fraktion der
 * AfD", "Fraktion BÜNDNIS 90/DIE GRÜNEN", "Bundesregierung",
 * "Bundesministerium der Finanzen", "Bundesrat", "Niedersachsen". */
typedef struct cg_author {
    const char *name;
    cg_author_role role;
} cg_author;

/** Where a piece of a document's metadata comes from. */
typedef enum cg_meta_source {
    CG_META_NONE = 0,   /* nobody says */
    CG_META_HEADER = 1, /* read from the document's own header */
    CG_META_DIP = 2,    /* DIP's record the document came in */
    CG_META_CATALOG = 3 /* a catalog (--catalog, --metadata) */
} cg_meta_source;

/** "none", "header", "dip" or "catalog". Static. */
CG_EXPORT const char *cg_meta_source_name(cg_meta_source source);

/** A procedure (DIP "Vorgang") a document belongs to. */
typedef struct cg_procedure {
    const char *id;    /* DIP's id, e.g. "282545" */
    const char *title; /* "Weitergeltung von Geschäftsordnungsrecht"; or NULL */
    const char *type;  /* "Geschäftsordnung", "Kleine Anfrage"; or NULL */
} cg_procedure;

/** What is known of a document: what its header says, and, when it came in
 * a DIP record, what DIP says (which takes precedence). Each *_from says
 * where the field came from. */
typedef struct cg_document_info {
    cg_docid id;      /* own id, e.g. BT-Drs. 21/126; CG_KIND_NONE when the header has none
                         (it is never guessed from a citation) */
    cg_docid alias;   /* another id the header gives the same text, e.g. the Bundestag
                         number of a Bundesrat document; CG_KIND_NONE if none */
    const char *type; /* "Antwort", "Kleine Anfrage", "Empfehlungen der Ausschüsse", ...; or NULL */
    const char *title;        /* the document's subject, whole, on one line; or NULL */
    const char *date;         /* ISO 8601 date, e.g. "2025-05-09"; or NULL */
    const cg_author *authors; /* "urheber": who submits, answers, asked; in the order found */
    size_t nauthors;
    cg_meta_source id_from, type_from, title_from, date_from, authors_from;
    /* Of a document that came in a DIP record; else 0 and NULL. */
    size_t record;                  /* the record's number in its file, from 1 (over all pages) */
    const char *dip_id;             /* DIP's id of the record, e.g. "258173" */
    const char *pdf_url;            /* fundstelle.pdf_url */
    const cg_procedure *procedures; /* vorgangsbezug, as DIP lists it */
    size_t nprocedures;
} cg_document_info;

/** Something that looks like a reference but cannot be one: a Bundestag or
 * Bundesrat keyword with no number after it ("BT-Drs. …]"). */
typedef struct cg_defect {
    size_t offset, length, line, col;
    size_t page, page_line; /* as for cg_reference */
    const char *message;    /* what is wrong; owned by the extraction */
} cg_defect;

/** Options for cg_extractor_new(). Zero-initialise, then set what you need. */
typedef struct cg_extractor_options {
    /* Grammar files that add kinds or override built-in ones, applied in
     * order after the built-in grammar (see `citegraph grammar`). */
    const char *const *pattern_files;
    size_t n_pattern_files;
} cg_extractor_options;

/** Compiles the built-in reference grammar and any grammar files in `opts`
 * (with JIT where available), and checks every example the grammar gives.
 * `opts` may be NULL. The caller owns *out and frees it with
 * cg_extractor_free(). A broken grammar file gives CG_EPATTERN (or
 * CG_EFORMAT, CG_EIO) with err->path, line and col pointing at the fault. */
CG_EXPORT cg_status cg_extractor_new(const cg_extractor_options *opts, cg_extractor **out,
                                     cg_error *err);
/** Frees an extractor; NULL is allowed. No cg_extract() may be running with it. */
CG_EXPORT void cg_extractor_free(cg_extractor *ex);

/** The built-in grammar file, as compiled into the library. Static. */
CG_EXPORT const char *cg_builtin_grammar_text(size_t *len);
/** How many examples and counter-examples of the grammar were checked. */
CG_EXPORT size_t cg_extractor_examples_checked(const cg_extractor *ex);
/** 32 hex digits that change whenever what the extractor finds could
 * change: the library's version and the text of every grammar it loaded.
 * Static for the extractor's life. For keying cached results. */
CG_EXPORT const char *cg_extractor_fingerprint(const cg_extractor *ex);

/** Extracts and resolves the references of `input`. Safe to call
 * concurrently with the same extractor. The result is ordered by offset;
 * the caller owns it and frees it with cg_extraction_free(). Fails only for
 * CG_ENOMEM or CG_ELIMIT (a pattern hit its match limit: the document is
 * built to defeat the patterns), with `err` naming the input. */
CG_EXPORT cg_status cg_extract(const cg_extractor *ex, const cg_input *input, cg_extraction **out,
                               cg_error *err);
/** Frees an extraction; NULL is allowed. */
CG_EXPORT void cg_extraction_free(cg_extraction *ext);

/** The document's header facts. Borrowed from the extraction. */
CG_EXPORT const cg_document_info *cg_extraction_document(const cg_extraction *ext);
/** The number of references. */
CG_EXPORT size_t cg_extraction_count(const cg_extraction *ext);
/** Reference i (0-based, in order of offset); NULL past the end. Borrowed. */
CG_EXPORT const cg_reference *cg_extraction_reference(const cg_extraction *ext, size_t i);
/** The numbered questions of an Anfrage or Antwort ("1", "1a", "1b", "2",
 * in the order the text has them; numbered questions count only in
 * sequence, lettered ones belong to the question before them); 0 for other
 * documents. *questions is borrowed from the extraction. */
CG_EXPORT size_t cg_extraction_questions(const cg_extraction *ext, const cg_question **questions);
/** An Antwort's answers, in the order of the text (0 for other documents,
 * and for an Antwort whose questions the text does not number). *answers
 * is borrowed from the extraction. */
CG_EXPORT size_t cg_extraction_answers(const cg_extraction *ext, const cg_answer **answers);
/** The defects found, in order. *defects is borrowed from the extraction. */
CG_EXPORT size_t cg_extraction_defects(const cg_extraction *ext, const cg_defect **defects);
/** Line `line` (from 1) of the document `ext` was extracted from, as the
 * check quotes it: without its line break (and a '\r' before it), up to a
 * NUL byte. From `input` when it is not NULL, else from the lines an
 * extraction taken from a cache keeps (those its references and defects
 * start on). *len is its length; the text is borrowed from `input` or
 * `ext` and not NUL-terminated. NULL when neither has that line. */
CG_EXPORT const char *cg_extraction_line(const cg_extraction *ext, const cg_input *input,
                                         size_t line, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
