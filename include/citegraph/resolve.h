/* citegraph/resolve.h - what ids stand for across a corpus.
 *
 * cg_extract() identifies each reference of one document. Across documents
 * three more questions arise, answered here for the graph, the check and
 * any other program:
 *   - what id a person means: "21/1958", "Drs. 19/5954" and "BT-Drs.
 *     19/5954" are one document (cg_resolve_text());
 *   - what is known of documents that were not read: catalogs such as DIP's
 *     index.tsv or DIP's JSON records (cg_catalog);
 *   - which document of the corpus an id names, by its own number or by an
 *     alias (a Bundesrat text distributed as a Bundestag Drucksache names
 *     one document with two numbers) (cg_corpus).
 */
#ifndef CITEGRAPH_RESOLVE_H
#define CITEGRAPH_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/docid.h"
#include "citegraph/error.h"
#include "citegraph/extract.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Reads an id written in any spelling the extractor understands ("19/5954",
 * "Drs. 19/5954", "BR-Drucksache 103/1/25", "KOM(2008) 123 endg.", a
 * canonical id, a URL); a bare "N/M" is read as a Bundestag Drucksache when
 * it can be one. Fills *out. `storage` is the caller's buffer, which this
 * call empties and fills: storage.data is then the id's canonical text
 * (followed, after its NUL, by the kind's name); a URL's or grammar kind's
 * id borrows from it until it next changes. CG_EFORMAT when the text names
 * no document; CG_ENOMEM. Thread-safe with a shared extractor. */
CG_EXPORT cg_status cg_resolve_text(const cg_extractor *ex, const char *text, cg_docid *out,
                                    cg_buf *storage, cg_error *err);

/* ---- catalogs of known documents ---- */

typedef struct cg_catalog cg_catalog;

/** One row of a catalog. Strings are NULL where the row says nothing;
 * all are owned by the catalog. */
typedef struct cg_catalog_entry {
    cg_docid id;
    const char *type; /* "Antwort", "Kleine Anfrage", ... */
    const char *date; /* ISO 8601 */
    const char *title;
    const char *file; /* where the document lies, if the catalog says */
    /* who it is by: DIP's urheber[].titel (CG_AUTHOR_SUBMITTER), then
     * ressort[].titel (CG_AUTHOR_MINISTRY), in the record's order; a TSV row
     * has none */
    const cg_author *authors;
    size_t nauthors;
    const char *dip_id;  /* DIP's id of the record ("258173"), or NULL */
    const char *pdf_url; /* fundstelle.pdf_url, or NULL */
    const char *source;  /* the catalog file the row was read from, as given */
    size_t record;       /* its place there: JSON, the record's number from 1 over all
                            pages; TSV, its line */
    bool selection;      /* read from a catalog that is only a selection */
} cg_catalog_entry;

/** A new, empty catalog; the caller frees it with cg_catalog_free(). */
CG_EXPORT cg_status cg_catalog_new(cg_catalog **out, cg_error *err);
/** NULL is allowed. */
CG_EXPORT void cg_catalog_free(cg_catalog *c);

/** What a catalog file claims to list. */
typedef enum cg_catalog_scope {
    /* every document of each part of the numbering it lists any of (a kind
     * and Wahlperiode, or year): one it does not list there should not
     * exist (cg_catalog_covers()) */
    CG_CATALOG_COMPLETE = 0,
    /* some documents only, e.g. the index of a corpus that is a selection:
     * its silence says nothing (cg_catalog_selects()) */
    CG_CATALOG_SELECTION = 1
} cg_catalog_scope;

/** Adds the rows of a catalog file: a TSV with a header row (columns "id",
 * or "herausgeber" and "dokumentnummer" as in DIP's index.tsv; optional
 * "drucksachetyp"/"type", "datum"/"date", "titel"/"title", "file") or DIP
 * JSON records of the "drucksache" or "drucksache-text" endpoint: a page
 * {"numFound": N, "documents": [...]}, several pages one after the other in
 * one file, an array of records, or one record per line. A record gives
 * dokumentnummer, herausgeber, drucksachetyp, datum (else fundstelle.datum),
 * titel, urheber, ressort, id (DIP's) and fundstelle.pdf_url; a "text" is
 * ignored; "dokumentart": "Plenarprotokoll" makes it a Bundestag
 * Plenarprotokoll. A record without dokumentnummer may name its document
 * in "id" in any spelling (cg_resolve_text()), as a TSV's "id" column does.
 * A row or record that names no document, or has a field of the wrong type,
 * is passed over and recorded as a problem naming the file and the record
 * or line (cg_catalog_problem()); so is a line of JSON Lines (one record per
 * line) that does not parse ("record 3 (line 3): malformed JSON: ..."), and
 * the other lines are read. An empty file adds nothing. CG_EIO when the file
 * cannot be read, CG_EFORMAT (err->line set) when it is neither TSV nor
 * JSON, or is JSON spread over lines that does not parse, CG_ENOMEM.
 * cg_catalog_read() reads a complete catalog. */
CG_EXPORT cg_status cg_catalog_read(cg_catalog *c, const cg_extractor *ex, const char *path,
                                    cg_error *err);
CG_EXPORT cg_status cg_catalog_read_scoped(cg_catalog *c, const cg_extractor *ex, const char *path,
                                           cg_catalog_scope scope, cg_error *err);

/** The problems met reading, in the order met, each naming the file and the
 * record (JSON) or line (TSV): "dip.json: record 3: no dokumentnummer and
 * no id". Borrowed. */
CG_EXPORT size_t cg_catalog_problem_count(const cg_catalog *c);
CG_EXPORT const char *cg_catalog_problem(const cg_catalog *c, size_t i);

/** The number of rows, and row i in the order they were read. Borrowed. */
CG_EXPORT size_t cg_catalog_count(const cg_catalog *c);
CG_EXPORT const cg_catalog_entry *cg_catalog_entry_at(const cg_catalog *c, size_t i);
/** The last row for `id`, or NULL. Borrowed. */
CG_EXPORT const cg_catalog_entry *cg_catalog_find(const cg_catalog *c, const cg_docid *id);
/** Whether a complete catalog covers the part of the numbering `id` belongs
 * to: it lists a document of the same kind and Wahlperiode (Bundestag), year
 * (Bundesrat), year and series (Commission), or of the same kind (Council,
 * Landtage, Ausschussdrucksachen). Then a document it does not list should
 * not exist; for other ids, its silence says nothing. */
CG_EXPORT bool cg_catalog_covers(const cg_catalog *c, const cg_docid *id);
/** Whether a CG_CATALOG_SELECTION catalog lists a document of the part of
 * the numbering `id` belongs to (as cg_catalog_covers() means it), and no
 * complete catalog does: a document it does not list may well exist. */
CG_EXPORT bool cg_catalog_selects(const cg_catalog *c, const cg_docid *id);

/* ---- the documents of a corpus ---- */

typedef struct cg_corpus cg_corpus;

/** A new, empty corpus index; the caller frees it with cg_corpus_free(). */
CG_EXPORT cg_status cg_corpus_new(cg_corpus **out, cg_error *err);
/** NULL is allowed. */
CG_EXPORT void cg_corpus_free(cg_corpus *c);
/** Registers document number `index` (the caller's numbering) with its own
 * id and its alias, either of which may be CG_KIND_NONE. The first document
 * to claim an id keeps it. CG_ENOMEM. */
CG_EXPORT cg_status cg_corpus_add(cg_corpus *c, const cg_docid *id, const cg_docid *alias,
                                  size_t index, cg_error *err);
/** The document `id` names: the one whose own id it is, else the one that
 * has it as its alias. False when no document of the corpus is meant. */
CG_EXPORT bool cg_corpus_find(const cg_corpus *c, const cg_docid *id, size_t *index);

#ifdef __cplusplus
}
#endif
#endif
