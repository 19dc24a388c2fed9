/* check_internal.h - the state of a check, shared by the rules (check.c)
 * and the report formats (report.c). */
#ifndef CG_CHECK_INTERNAL_H
#define CG_CHECK_INTERNAL_H

#include "citegraph/check.h"
#include "citegraph/resolve.h"
#include "util/util.h"

/* A document references cite: once per check, however often it is cited
 * (a corpus has millions of references to some thousands of documents).
 * What the rules ask of it is looked up once, when the check runs and the
 * corpus is complete (cg_check_run). */
typedef struct ctarget {
    cg_docid id;      /* its texts in the check's arena */
    const char *text; /* its canonical text, as findings name it */
    /* a document: */
    const struct cdoc *doc;   /* the document of the corpus it names, or NULL */
    bool listed;              /* a catalog lists it */
    bool covered;             /* neither: whether a complete catalog covers its numbering */
    bool selected;            /* neither: whether only a selection catalog lists its numbering */
    const char *date, *title; /* from the corpus, else a catalog; NULL: unknown */
    cg_meta_source date_from; /* where `date` comes from */
    /* a URL: */
    const char *url_problem; /* why it is not a valid URL, or NULL */
    size_t url;              /* its place among the URLs fetched online */
} ctarget;

/* A reference as the check keeps it. */
typedef struct cref {
    const ctarget *target;
    cg_locator locator;
    const char *text, *note;
    const char *line_text; /* the line it starts on, as findings quote it */
    bool answers;
    unsigned flags;
    size_t offset, length, line, col;
    size_t page, page_line; /* in a PDF; else 0 */
    const char *page_label;
} cref;

struct kdoc;

typedef struct cdoc {
    const char *file;
    const char *key;    /* of its bytes (cg_run_doc's), or NULL: the state cannot keep it */
    struct kdoc *kept;  /* as the state keeps it, findings and all; NULL: checked anew */
    size_t record;      /* of a document that came in a DIP record: its number in `file` */
    const char *dip_id; /* and DIP's id of that record, or NULL */
    cg_docid id, alias;
    const char *type, *date, *title; /* a catalog's, else what the document says */
    cg_meta_source type_from, date_from, title_from;
    const char *first_line; /* where the header starts, as a duplicate's finding quotes it */
    const cg_question *questions;
    size_t nquestions;
    cref *refs;
    size_t nrefs;
    cg_defect *defects;
    const char **defect_text, **defect_line; /* per defect, like cref's */
    size_t ndefects;
} cdoc;

typedef struct cignore {
    const char *rule, *target, *file, *reason;
} cignore;

struct cg_check {
    cgu_arena arena;
    cdoc *docs;
    size_t ndocs, capdocs;
    cg_catalog *catalog;
    cg_corpus *corpus; /* the documents by id and alias, when the run starts */
    cg_severity severity[16];
    cignore *ignores;
    size_t nignores, capignores;
    cgu_map baseline; /* fingerprint -> 1 */
    cg_finding *findings;
    size_t nfindings, capfindings;
    cg_input_problem *input_problems; /* strings in the arena; in the order added */
    size_t ninput_problems, capinput_problems;
    ctarget **targets; /* every document cited, in the arena */
    size_t ntargets, captargets;
    cgu_map target_index; /* canonical text -> target */
    cg_buf scratch;       /* an id's text while it is looked up */
    bool ran;
    bool online;
    cg_severity fail_on; /* cg_check_set_fail_on(); CG_SEV_OFF: nothing fails */
    cg_online_options online_opts;
    /* the config's "online": addresses opened to the online check, added to
     * online_opts' when it runs (strings in the arena) */
    char online_problem[512]; /* what the online check could not do but did without */
    bool config_allow_private;
    const char **config_addresses;
    size_t nconfig_addresses;
    cgu_hash baseline_digest; /* the baseline's fingerprints, in its order */
    struct cgc_state *state;  /* findings kept between runs, or NULL (state.c) */
};

/* "record 3 (DIP id 123456)", as findings in a DIP record name it, written
 * to out; its length, or 0 (and "") when it does not fit. */
size_t cgc_record_name(size_t record, const char *dip_id, char *out, size_t cap);

/* ---- findings kept between runs (state.c) ---- */

/* A report format's bytes per finding are kept in a slot: the format's
 * number (cg_check_format), or this one for the text format with the
 * source lines under each finding. */
#define CGC_SLOT_TEXT_SOURCE 6
#define CGC_SLOTS 7

/* A document as the state file keeps it. */
typedef struct kdoc {
    const char *file;
    size_t record;
    const char *key; /* NULL: a document the state cannot keep (no key) */
    const char *dip_id;
    cg_docid id, alias;
    const char *type, *date, *title;
    cg_meta_source type_from, date_from, title_from;
    const char *first_line;
    const cg_question *questions;
    size_t nquestions;
    const char **deps; /* id keys (resolve/idkey.h) of the documents it cites */
    size_t ndeps;
    size_t nfindings;
    const char *block, *findings, *end; /* its bytes in the file: all, its findings, their end */
    size_t doc; /* 1 + its index among the check's documents, once added kept */
    bool seen;  /* a document of this run, kept or checked anew */
    bool stale; /* named by cg_check_stale(): to be added anew */
} kdoc;

/* The slot of a report format. */
int cgc_slot(cg_check_format format, bool source);

/* Before the rules run: the kept documents whose findings no longer hold,
 * as cg_check_stale() gives them; their number, or (size_t)-1 when memory
 * ran out. */
size_t cgc_state_find_stale(cg_check *c);
/* The kept document of `file` that cg_check_stale() named, for a document
 * added anew to take its place; NULL when there is none. */
cdoc *cgc_state_replacing(cg_check *c, const char *file, size_t record);
/* Appends the findings of the kept documents. CG_ENOMEM; CG_ESTALE, with
 * every kept document named stale, for findings that do not read back
 * though their checksum held. */
cg_status cgc_state_add_findings(cg_check *c, cg_error *err);
/* The bytes of finding i in `slot` that an earlier run kept or this run
 * wrote, or NULL; *len their length. */
const char *cgc_state_fragment(const cg_check *c, size_t i, int slot, size_t *len);
/* Says that a report of `slot` is being written: the next state keeps the
 * bytes of that slot. */
void cgc_state_written(const cg_check *c, int slot);
/* Records `len` bytes as what finding i was written as in `slot`, for the
 * next run; 0, or -1 when memory ran out. Nothing without a state. */
int cgc_state_record(const cg_check *c, size_t i, int slot, const char *data, size_t len);
/* Frees the state; NULL is allowed. */
void cgc_state_free(struct cgc_state *s);

#endif
