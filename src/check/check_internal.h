/* check_internal.h - the state of a check, shared by the rules and the
 * output formats. */
#ifndef CG_CHECK_INTERNAL_H
#define CG_CHECK_INTERNAL_H

#include "citegraph/check.h"
#include "util/util.h"

/* A reference as the check keeps it. */
typedef struct cref {
    const char *kind, *target, *locator, *text, *note;
    const char *line_text; /* the line it starts on, as findings quote it */
    int answers;
    unsigned flags;
    size_t offset, length, line, col;
} cref;

typedef struct cdoc {
    const char *file;
    const char *id, *alias, *type, *date, *title, *issuer;
    const char **questions;
    size_t nquestions;
    cref *refs;
    size_t nrefs;
    cg_defect *defects;
    const char **defect_text, **defect_line; /* per defect, like cref's */
    size_t ndefects;
} cdoc;

typedef struct centry {
    const char *id, *type, *date, *title;
} centry;

typedef struct cignore {
    const char *rule, *target, *file, *reason;
} cignore;

struct cg_check {
    cgu_arena arena;
    cdoc *docs;
    size_t ndocs, capdocs;
    centry *catalog;
    size_t ncatalog, capcatalog;
    cgu_map catalog_index;  /* id -> catalog entry */
    cgu_map coverage;       /* "kind|period" the catalogs cover */
    cgu_map docs_index;     /* id and alias -> document */
    cg_severity severity[16];
    cignore *ignores;
    size_t nignores, capignores;
    cgu_map baseline;       /* fingerprint -> 1 */
    cg_finding *findings;
    size_t nfindings, capfindings;
    const char **urls;
    size_t nurls, capurls;
    cgu_map url_index;      /* url -> 1: each distinct URL once */
    int ran;
    int online;
    cg_online_options online_opts;
};

/* Adds a finding for the reference at `offset` of `file` (the online check). */
cg_status cgc_add_url_finding(cg_check *c, const char *rule_id, const char *file, size_t offset,
                              const char *message);
/* Each distinct URL of the corpus once, in order. */
size_t cgc_urls(const cg_check *c, const char *const **urls);
/** Why a URL is not syntactically valid (RFC 3986 host, port, escapes), or NULL. */
const char *cgc_url_problem(const char *url);
/* Fetches every URL (check_online.c); without libcurl, not compiled. */
cg_status cgc_check_online(cg_check *c, cg_error *err);
void cgc_online_release(cg_check *c);

/* The coverage key of an id: "bt_drucksache|21", "br_drucksache|25", or the kind. */
void cgc_coverage_key(const char *id, char *out, size_t cap);

#endif
