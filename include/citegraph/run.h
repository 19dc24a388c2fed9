/* citegraph/run.h - reading and extracting many documents: on several
 * threads, in path order, with a cache of results between runs.
 *
 * cg_run() reads and extracts the documents of a cg_path_list on worker
 * threads and hands each to the caller strictly in the order of the list,
 * so whatever the caller writes is the same bytes for any number of
 * threads. At most 16 documents per thread are in memory at once,
 * however large the corpus.
 *
 * A cg_cache keeps each document's extraction in a directory, keyed by a
 * hash of the document's bytes and of the extractor (cg_extractor_fingerprint),
 * and remembers what stat() said of every file of the last run, so that an
 * unchanged file is neither read nor extracted again. An entry or index
 * that does not read back exactly is reported, ignored and rebuilt.
 */
#ifndef CITEGRAPH_RUN_H
#define CITEGRAPH_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/error.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cg_cache cg_cache;

/** Opens the cache in `dir` (created if missing) for results of `ex`, which
 * must outlive it, and reads DIR/index. A damaged index is not an error: it
 * is not used (cg_cache_index_problem() says why) and is rewritten. The
 * caller owns *out and ends it with cg_cache_close(). CG_EIO when `dir`
 * cannot be created or is not a directory. */
CG_EXPORT cg_status cg_cache_open(const char *dir, const cg_extractor *ex, cg_cache **out,
                                  cg_error *err);
/** Why DIR/index was not used: "" when it was fine or there was none yet.
 * Borrowed. */
CG_EXPORT const char *cg_cache_index_problem(const cg_cache *c);

typedef struct cg_cache_stats {
    size_t reused;    /* documents whose extraction came from the cache */
    size_t extracted; /* documents extracted (and stored) in this run */
    size_t damaged;   /* entries that did not read back and were rebuilt */
    size_t read;      /* files read: the others were trusted by their stat */
} cg_cache_stats;

/** What the runs with this cache did so far. */
CG_EXPORT void cg_cache_get_stats(const cg_cache *c, cg_cache_stats *out);

/** Writes DIR/index for the files of this run and frees the cache, in any
 * case; NULL is allowed. CG_EIO or CG_ENOMEM when the index could not be
 * written: the results are kept, and the next run reads every file once. */
CG_EXPORT cg_status cg_cache_close(cg_cache *c, cg_error *err);

/** How a document's extraction was found. */
typedef enum cg_cache_state {
    CG_CACHE_OFF = 0,    /* no cache */
    CG_CACHE_MISS = 1,   /* not in the cache: extracted, and stored */
    CG_CACHE_HIT = 2,    /* taken from the cache */
    CG_CACHE_DAMAGED = 3 /* the entry was damaged: extracted again, and stored */
} cg_cache_state;

/** One document of a run, as handed to the caller. Everything is borrowed
 * for the duration of the callback. */
typedef struct cg_run_doc {
    size_t index;                    /* in the path list */
    const cg_path_entry *entry;      /* the path, and why the walk could not use it */
    const cg_input *input;           /* NULL when it was not read (failed, or trusted
                                        by the cache's index) */
    const cg_extraction *extraction; /* NULL when it was not extracted; an extraction from
                                        the cache carries its quotes instead of input */
    cg_status status;                /* CG_OK, or why the document failed */
    const char *error;               /* the message for a failed document, without its path */
    cg_cache_state cache_state;
    const char *cache_problem; /* why a damaged entry was rebuilt, or NULL */
    const char *key;           /* with a cache, for a file of one document: the key of its
                                  bytes (32 hex digits; see reuse below), else NULL */
    void *user;                /* what prepare() left for consume() */
    /* A file of DIP's JSON answers (recognised by its content) is handed on
     * as one document per record, in file order, each with its own input
     * (the record's text, named after the file, so that positions are
     * inside the record's text) and DIP's metadata on its extraction
     * (cg_document_info: id, type, title, date, authors, record, dip_id,
     * pdf_url, procedures, marked CG_META_DIP). What cannot be read (a
     * record without text or of another dokumentart, a malformed value, a
     * list without records that is no DIP page) comes as a failed document
     * whose `error` names the record ("record 3 (DIP id 258173): has no
     * text"); a DIP page of no records (its last page) adds nothing.
     * Several documents then share `index` and `entry`. */
    size_t record;      /* the record's number in its file, from 1 (a malformed JSON Lines
                           value keeps its number); 0 for a text file, and for a failure
                           that is no one record's (a page that does not parse) */
    const char *dip_id; /* DIP's id of the record, or NULL */
} cg_run_doc;

typedef struct cg_run_options {
    const cg_extractor *extractor; /* required (cg_extractor_new) */
    cg_cache *cache;             /* NULL: extract every document */
    int jobs;                    /* threads; 0: one per core; 1: the calling thread only */
    const cg_read_options *read; /* NULL: the defaults */
    /* With a cache: whether the caller already has what it needs of the
     * document in `path` whose bytes have `key` (a check's kept findings,
     * cg_check_keeps). Asked on the calling thread before the run for each
     * file whose stat the cache's index trusts, and on a worker (several at
     * once) for a file read and hashed because its stat changed (a fresh
     * checkout). Then its entry is not loaded: the document is handed on
     * without extraction (and without input when it was not read),
     * cache_state CG_CACHE_HIT, `key` set. A path given twice is asked
     * about the first time only. NULL: every entry is loaded. */
    bool (*reuse)(const char *path, const char *key, void *ctx);
    /* On a worker (and, with `reuse`, on the calling thread before the run
     * too): whether to extract the document at `path` (NULL: all); the
     * others are read and handed on with their input only. */
    bool (*extract)(const char *path, void *ctx);
    /* On a worker, after a successful read (and extraction): the caller's
     * own work per document, e.g. serialising it; may set doc->user. Not
     * for a document the caller keeps (`reuse`). */
    void (*prepare)(cg_run_doc *doc, void *ctx);
    /* On the calling thread, in path order; nonzero stops the run. */
    int (*consume)(cg_run_doc *doc, void *ctx);
    /* Frees doc->user, also for documents prepared but not consumed. */
    void (*release)(cg_run_doc *doc, void *ctx);
    void *ctx;
    /* true: the packed output of `citegraph extract` (recognised by its
     * content) is handed on with its input only, for cg_packed_read();
     * false: such a file fails as binary (CG_EBINARY), as it is no document.
     * It overrides read->packed. */
    bool packed;
    /* true: the JSON Lines of `citegraph extract` (recognised by their
     * content, cg_jsonl_recognise(), whatever the file's name: standard
     * input, .ndjson) are handed on with their input only, for
     * cg_jsonl_read(); false: such a file is a document like any other.
     * With a cache, a file whose stat its index trusts is handed on as
     * cached without being read, and so without this look. */
    bool jsonl;
} cg_run_options;

/** Runs every document of `paths` through read, extract and resolve, and
 * hands each to opts->consume in order. A document that cannot be read or
 * extracted is handed on too, with its status and message: nothing
 * vanishes. CG_OK also when consume stopped the run; CG_ENOMEM when no
 * thread or buffer could be had; CG_EINVAL, before anything is read, when
 * the options lack the extractor or consume. */
CG_EXPORT cg_status cg_run(const cg_run_options *opts, const cg_path_list *paths, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
