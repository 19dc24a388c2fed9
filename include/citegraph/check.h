/* citegraph/check.h - broken references, for CI.
 *
 * A cg_check takes documents with their extractions (the corpus) and
 * catalogs of known documents, applies the rules below, and reports
 * findings with exact positions, a stable fingerprint each (it survives
 * lines moving up or down), in text, JSON, SARIF 2.1.0, GitHub workflow
 * commands, JUnit XML or Markdown. A baseline records today's findings so
 * that later runs fail only on new ones; a config file silences rules or
 * targets, each with a reason.
 *
 * Rules (stable ids; `citegraph check --list-rules` explains each):
 *   CG001 unknown-document     cited document neither in the corpus nor in a catalog
 *   CG002 malformed-number     impossible number, or a keyword without a number
 *   CG003 unknown-question     a question the cited (or this) Anfrage/Antwort does not have
 *   CG004 cites-later-document cites a document dated later, or of a later Wahlperiode
 *   CG005 title-mismatch       an Antwort whose Anfrage (in the corpus) has another title
 *   CG006 self-citation        a document cites its own number outside its header
 *   CG007 ambiguous-reference  a number the extractor could read two ways
 *   CG008 invalid-url          a URL that is not syntactically valid
 *   CG009 url-unreachable      a URL that does not answer (only when checked online)
 *   CG010 duplicate-document   two inputs with the same document id
 *   CG011 url-not-fetched      a URL not fetched: its address is not public, or time ran out
 *
 * A catalog's date, title and type of a document of the corpus outweigh
 * what its header says (a DIP record's own outweigh both), in every rule;
 * CG004 says which date it used and where it came from.
 */
#ifndef CITEGRAPH_CHECK_H
#define CITEGRAPH_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/buf.h"
#include "citegraph/error.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"
#include "citegraph/resolve.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cg_severity {
    CG_SEV_OFF = -1, /* a rule switched off by configuration */
    CG_SEV_NOTE = 0,
    CG_SEV_WARNING = 1,
    CG_SEV_ERROR = 2
} cg_severity;

/** "note", "warning", "error" (or "off"). Static. */
CG_EXPORT const char *cg_severity_name(cg_severity s);

typedef struct cg_rule {
    const char *id;       /* "CG001" */
    const char *name;     /* "unknown-document" */
    cg_severity severity; /* default */
    const char *summary;  /* one line */
    const char *help;     /* what it finds, why, and an example */
} cg_rule;

/** The rules, in id order: a static array of *n rules. */
CG_EXPORT const cg_rule *cg_check_rules(size_t *n);

/** A finding. Its strings are owned by the check. */
typedef struct cg_finding {
    const cg_rule *rule;
    cg_severity severity; /* after configuration */
    const char *file;
    size_t record;           /* of a document that came in a DIP record: its number in `file`
                                (the message then starts "record N (DIP id X): "); else 0 */
    const char *dip_id;      /* DIP's id of that record, or NULL */
    size_t line, col;        /* 1-based; col in characters; in a record: in its text; in a
                                PDF: in the text of its pages */
    size_t page, page_line;  /* in a PDF: the page (1-based) and the line on it; else 0 */
    const char *page_label;  /* in a PDF: the page's printed label, or NULL */
    size_t offset, length;   /* bytes in the file; in a record: in its text */
    const char *message;     /* one line, names the target */
    const char *target;      /* the canonical id or URL concerned; may be NULL */
    const char *text;        /* the reference as it stands in the file */
    const char *source_line; /* the whole line it stands on */
    const char *fingerprint; /* 16 hex digits, stable when lines move; in a record with a
                                DIP id, made of that id, not the file: stable when pages
                                are downloaded again in another order */
    bool in_baseline;        /* the baseline has it: not new */
    const char *suppressed;  /* the reason when the config silences it, else NULL */
} cg_finding;

typedef struct cg_check cg_check;

/** A new check with the rules at their default severities; the caller
 * frees it with cg_check_free(). CG_ENOMEM. */
CG_EXPORT cg_status cg_check_new(cg_check **out, cg_error *err);
/** NULL is allowed. */
CG_EXPORT void cg_check_free(cg_check *c);

/** Reads a catalog of known documents (cg_catalog_read(): a TSV like DIP's
 * index.tsv, or DIP JSON records). A complete catalog covers the kinds and
 * Wahlperioden (Bundesrat: years) it lists: an unknown document there is an
 * error, elsewhere a warning (cg_catalog_covers()). A CG_CATALOG_SELECTION
 * catalog lists only some documents: one it does not list is a warning that
 * says so. Records the catalog passed over are its problems
 * (cg_check_catalog(), cg_catalog_problem()). */
CG_EXPORT cg_status cg_check_add_catalog(cg_check *c, const cg_extractor *ex, const char *path,
                                         cg_error *err);
CG_EXPORT cg_status cg_check_add_catalog_scoped(cg_check *c, const cg_extractor *ex,
                                                const char *path, cg_catalog_scope scope,
                                                cg_error *err);
/** The catalogs read so far, as one. Borrowed. */
CG_EXPORT const cg_catalog *cg_check_catalog(const cg_check *c);
/** Adds a document of the corpus, read from `file`, with its extraction.
 * `input` gives the text findings quote; it may be NULL for an extraction
 * that carries its quotes (one from cg_run() with a cache). The check copies
 * what it needs. CG_EINVAL, and nothing added, after cg_check_run(),
 * without text to quote, or for an extraction with a position outside
 * `input` (not the extraction of that input); CG_ENOMEM, after which the
 * check can only be freed. */
CG_EXPORT cg_status cg_check_add_document(cg_check *c, const char *file, const cg_input *input,
                                          const cg_extraction *ext, cg_error *err);
/** cg_check_add_document() with the key of the document's bytes (cg_run_doc's
 * `key`; NULL for none), under which a state (cg_check_open_state()) keeps
 * its findings for the next run. A document the state keeps and
 * cg_check_stale() named takes its kept place again, checked anew. */
CG_EXPORT cg_status cg_check_add_document_keyed(cg_check *c, const char *file, const char *key,
                                                const cg_input *input, const cg_extraction *ext,
                                                cg_error *err);
/** A problem with an input rather than a finding in it: a file that could
 * not be read or used (severity CG_SEV_ERROR: not checked), or one read
 * with a warning (CG_SEV_WARNING: invalid UTF-8, a very long line, a NUL
 * byte), or a DIP record that could not be used. Every report format shows
 * them, so that a report never looks clean when an input was lost. */
typedef struct cg_input_problem {
    const char *file;
    size_t record;        /* of a DIP record: its number in `file`; else 0 */
    cg_severity severity; /* CG_SEV_ERROR: the input was not checked; CG_SEV_WARNING: it was */
    const char *message;  /* one line, without the file name */
} cg_input_problem;

/** Records an input problem (the check copies the strings). CG_ENOMEM.
 * Adding a document does not record its input's warnings
 * (cg_input_warning()): the caller records each, as `citegraph check`
 * does, and the problems of files it could not read or use at all. */
CG_EXPORT cg_status cg_check_add_input_problem(cg_check *c, const char *file, size_t record,
                                               cg_severity severity, const char *message,
                                               cg_error *err);
/** The input problems in the order they were added; *out is borrowed. */
CG_EXPORT size_t cg_check_input_problems(const cg_check *c, const cg_input_problem **out);

/** Reads a config file (JSON): {"rules": {"CG007": "off"}, "ignore": [{"rule":
 * "CG001", "target": "BT-Drs. 21/500", "file": "drafts/...", "reason": "..."}]}.
 * Every ignore entry needs a reason. The check copies what it needs.
 * CG_EIO for a file that cannot be opened; CG_EFORMAT, with the file, line
 * and reason in `err`, for one that is not such a config; CG_ENOMEM. */
CG_EXPORT cg_status cg_check_load_config(cg_check *c, const char *path, cg_error *err);
/** Reads a baseline written by cg_check_write_baseline(); errors as
 * cg_check_load_config(). */
CG_EXPORT cg_status cg_check_load_baseline(cg_check *c, const char *path, cg_error *err);
/** How many findings the baselines read hold (their distinct fingerprints). */
CG_EXPORT size_t cg_check_baseline_count(const cg_check *c);

/** Applies the rules (and the online check, when asked), then the
 * configuration and the baseline. Findings are sorted by file, DIP record,
 * position and rule. Runs once: CG_EINVAL the second time (but see
 * CG_ESTALE below); CG_ENOMEM. With a state (cg_check_open_state()):
 * CG_ESTALE, and nothing run, when the findings of kept documents no longer
 * hold because documents they depend on changed; add those documents again
 * (cg_check_stale()) and run again. */
CG_EXPORT cg_status cg_check_run(cg_check *c, cg_error *err);

/** The number of findings, and finding i (NULL past the end). Borrowed. */
CG_EXPORT size_t cg_check_count(const cg_check *c);
CG_EXPORT const cg_finding *cg_check_finding(const cg_check *c, size_t i);

/** Options for checking URLs online (libcurl). Zero fields take defaults. */
typedef struct cg_online_options {
    long timeout_ms;          /* per request; default 10000 */
    int retries;              /* on 429, 503 and timeouts, with exponential backoff; default 2 */
    long backoff_ms;          /* the first wait; default 500 (a Retry-After header wins) */
    int concurrency;          /* requests at once; default 8 */
    const char *cache_file;   /* results kept between runs; NULL: no cache */
    long cache_ttl_s;         /* how long a cached result holds; default 86400; < 0: not at all */
    const char *const *allow; /* if set, only these hosts (and their subdomains) are fetched */
    size_t nallow;
    const char *const *deny; /* these hosts are never fetched */
    size_t ndeny;
    /* Where requests may go. By default only public unicast addresses are
     * connected to: loopback, private, link-local (cloud instance metadata),
     * carrier-grade NAT, multicast, unspecified, documentation and reserved
     * addresses are refused (rule CG011), checked on every address libcurl
     * connects to, redirects included. `allow` does not open them. */
    bool allow_private;                 /* also loopback, private and CGNAT (not link-local) */
    const char *const *allow_addresses; /* ranges connected to whatever they are: "10.1.0.0/16" */
    size_t nallow_addresses;
    int max_redirects;     /* followed per URL; default 5; negative: none */
    long max_header_bytes; /* of one answer's headers (bodies are never read); default 65536 */
    long budget_s;         /* for all requests together; default 600; what is left is CG011 */
} cg_online_options;

/** Asks cg_check_run() to fetch every URL (rule CG009); `opts` may be NULL
 * for the defaults. Loads libcurl: CG_EUNSUPPORTED, with the reason, when
 * citegraph was built without it or it cannot be loaded. */
CG_EXPORT cg_status cg_check_set_online(cg_check *c, const cg_online_options *opts, cg_error *err);

/** Whether the config read by cg_check_load_config() opens addresses to
 * the online check that are not public (its "online" key): a tool can say
 * so, since a config in a checked repository is as untrusted as the rest. */
CG_EXPORT bool cg_check_config_opens_addresses(const cg_check *c);

/** After cg_check_run() with the online check: what it could not do but
 * did without ("FILE: cannot write: ..." for a URL cache that could not be
 * written, which only costs the next run time), or NULL. */
CG_EXPORT const char *cg_check_online_problem(const cg_check *c);

/** The level at which a finding fails the run (the CLI's --fail-on), for
 * the reports that mark what fails: in JUnit a new finding at or above it is
 * a <failure>, and the others (below it, or in the baseline) are passing
 * test cases that still name the finding. CG_SEV_OFF: no finding fails
 * (--fail-on never). Default CG_SEV_ERROR. */
CG_EXPORT void cg_check_set_fail_on(cg_check *c, cg_severity level);

typedef enum cg_check_format {
    CG_CHECK_TEXT,
    CG_CHECK_JSON,
    CG_CHECK_SARIF,
    CG_CHECK_GITHUB,
    CG_CHECK_JUNIT,
    CG_CHECK_MARKDOWN
} cg_check_format;

/** Appends the findings at or above `min` in `format` (suppressed ones are
 * counted in the summary and left out, but SARIF keeps them, and baselined
 * ones, with `suppressions`; baselined ones are marked). `source` adds each finding's line
 * with a caret under it (text format only). A finding in a DIP record has
 * no line of the file: SARIF gives the file without a region, the record as
 * a logical location and the position in its text as the location's
 * properties (record, dipId, textRegion); GitHub annotates the whole file;
 * both say in the message "record N (DIP id X), line L, col C of its text".
 * CG_ENOMEM. */
CG_EXPORT cg_status cg_check_write(const cg_check *c, cg_check_format format, cg_severity min,
                                   bool source, cg_buf *out, cg_error *err);
/** Takes a piece of a report: 0, or nonzero to stop (the write then fails
 * with CG_EIO). */
typedef int (*cg_check_sink)(const char *data, size_t len, void *ctx);
/** cg_check_write() piece by piece into `sink`, in pieces of about a MB,
 * so that a report of many findings (hundreds of MB) is never whole in
 * memory (but with a state, the bytes of the findings written anew are
 * kept for cg_check_save_state(), see below). The same bytes. CG_EIO when
 * the sink said stop; CG_ENOMEM. */
CG_EXPORT cg_status cg_check_write_to(const cg_check *c, cg_check_format format, cg_severity min,
                                      bool source, cg_check_sink sink, void *ctx, cg_error *err);
/** Appends the findings as a baseline file. CG_ENOMEM. */
CG_EXPORT cg_status cg_check_write_baseline(const cg_check *c, cg_buf *out, cg_error *err);

/* ---- findings kept between runs ----
 *
 * A check can keep its findings in a state file, so that the next run
 * takes the findings of an unchanged document from there instead of
 * loading its extraction and applying the rules again, and copies the
 * bytes each report format wrote for them (`citegraph check --cache DIR`
 * keeps them in DIR/check-state). A state is used only by the same
 * version of citegraph with the same catalogs (and grammar), config,
 * baseline and fail-on level; a document's findings only for the same file
 * name and key (the hash of its bytes and grammar, cg_run_doc's `key`).
 * They also depend on the documents it cites and on those that claim its
 * id: when one of those is added, removed, or has another id, type, date,
 * title or questions than the state says, cg_check_run() says CG_ESTALE and
 * cg_check_stale() names the kept documents to add again with their
 * extractions. Reports are the same bytes as without a state. The online
 * check's findings are never kept.
 *
 * Usage: set catalogs, config, baseline and fail-on; cg_check_open_state();
 * add each document with cg_check_add_kept() where cg_check_keeps() says
 * so (cg_run_options.reuse), else with cg_check_add_document_keyed();
 * cg_check_run() until it is not CG_ESTALE, adding the stale documents
 * again; write the reports; cg_check_save_state(). */

/** Keeps findings in the file `path` between runs: reads what an earlier
 * run kept there, when the file exists, was written for this configuration
 * and reads back exactly (a damaged file is not used, and
 * cg_check_state_problem() says why), and cg_check_save_state() replaces
 * it. CG_EINVAL with the online check, after documents were added, or a
 * second time; CG_ENOMEM. */
CG_EXPORT cg_status cg_check_open_state(cg_check *c, const char *path, cg_error *err);
/** Why the state file was not used: "" when it was, when there was none,
 * or when it was written for another configuration. Borrowed. */
CG_EXPORT const char *cg_check_state_problem(const cg_check *c);
/** Whether the state keeps the findings of the document in `file` whose
 * bytes have `key`. Safe on several threads while documents are added on
 * one (it reads only what the state file said): for cg_run_options.reuse. */
CG_EXPORT bool cg_check_keeps(const cg_check *c, const char *file, const char *key);
/** Adds the document in `file` as the state keeps it: its facts and
 * findings, without its extraction. CG_EINVAL when cg_check_keeps() is
 * false for it, or after cg_check_run(); CG_ENOMEM. */
CG_EXPORT cg_status cg_check_add_kept(cg_check *c, const char *file, const char *key,
                                      cg_error *err);
/** After cg_check_run() said CG_ESTALE: the files of the kept documents
 * whose findings no longer hold, in the order they were added; *files is
 * borrowed until the next cg_check_run(). One not added again by then
 * (it could not be read) is left out of the check, as a document gone. */
CG_EXPORT size_t cg_check_stale(const cg_check *c, const char *const **files);
/* With a state, cg_check_write() and cg_check_write_to() record in the
 * check what they wrote for each finding: write one report of a check at a
 * time, not two at once on separate threads. */
/** Writes the state file anew (to a temporary file, renamed): every
 * document with its facts and findings, and the bytes cg_check_write()
 * wrote for each finding in the formats written since cg_check_run(), so
 * that the next run copies them. CG_EINVAL before cg_check_run() or without
 * a state; CG_EIO, with the reason; CG_ENOMEM. */
CG_EXPORT cg_status cg_check_save_state(const cg_check *c, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
