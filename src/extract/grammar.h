/* grammar.h - the reference grammar: a data file of named PCRE2 patterns.
 *
 * The built-in grammar (data/grammar.cgg, compiled into the library) and
 * any user files are parsed into one grammar: a later section with the name
 * of an earlier one replaces the keys it gives. Every byte of an expanded
 * pattern keeps the file, line and column it came from, so that a compile
 * error points into the file. See data/grammar.cgg for the format. */
#ifndef CG_GRAMMAR_H
#define CG_GRAMMAR_H

#include <stddef.h>

#include "citegraph/error.h"
#include "util/util.h"

typedef struct cgg_pos {
    const char *file; /* owned by the grammar */
    unsigned line, col;
} cgg_pos;

/* A value as read: its bytes, and where each byte stands. */
typedef struct cgg_value {
    char *text;
    cgg_pos *pos;
    size_t len;
} cgg_value;

typedef struct cgg_section {
    char *name;
    int is_define;
    cgg_pos where;     /* the [NAME] line */
    cgg_value pattern; /* "value" for a define */
    cgg_value kind, id, locator, handler, role;
    cgg_value line_literal; /* text every match has on the line it starts on */
    cgg_value line_first;   /* characters one of which begins every match's line */
    cgg_value *triggers;    /* "trigger" keys: "REACH PATTERN", see data/grammar.cgg */
    size_t ntriggers;
    cgg_value *contains; /* "contains" keys: texts one of which every match holds */
    size_t ncontains;
    cgg_value *examples; /* "example" keys */
    size_t nexamples;
    cgg_value *nots; /* "not" keys */
    size_t nnots;
} cgg_section;

typedef struct cgg_grammar {
    cgg_section *sections;
    size_t nsections;
    size_t capsections;
    char **files; /* names, for the positions */
    size_t nfiles;
    cgu_hash hash; /* of every text parsed, in order (not the file names) */
    int hashed;
} cgg_grammar;

/* Parses `text` (named `file` in messages) into `g`, merging by section
 * name. Returns CG_OK, CG_ENOMEM, or CG_EFORMAT with err->path/line/col. */
cg_status cgg_parse(cgg_grammar *g, const char *file, const char *text, size_t len, cg_error *err);
/* Reads and parses a file. */
cg_status cgg_parse_file(cgg_grammar *g, const char *path, cg_error *err);
void cgg_release(cgg_grammar *g);

const cgg_section *cgg_find(const cgg_grammar *g, const char *name);

/* Expands {{NAME}} references in a pattern. *out is the expanded value
 * (caller releases with cgg_value_release); each byte keeps the position of
 * the text it came from, a fragment's bytes that of the reference. */
cg_status cgg_expand(const cgg_grammar *g, const cgg_value *v, cgg_value *out, cg_error *err);
void cgg_value_release(cgg_value *v);

/* Sets err to "FILE:LINE:COL"-style details for byte `at` of value v. */
void cgg_error_at(cg_error *err, cg_status st, const cgg_value *v, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- templates: "BT-Drs. {wp:int}/{nr}", "§ {sec}[ Abs. {abs}]" ---- */

typedef enum { TPL_TEXT, TPL_GROUP, TPL_OPEN, TPL_CLOSE } cgg_tpl_kind;

typedef struct cgg_tpl_part {
    cgg_tpl_kind kind;
    char *text; /* TPL_TEXT: the literal; TPL_GROUP: the group name */
    int format; /* 0 as written, 1 int, 2 upper, 3 lower */
    size_t at;  /* byte of the template it starts at */
} cgg_tpl_part;

typedef struct cgg_template {
    cgg_tpl_part *parts;
    size_t nparts;
} cgg_template;

/* Parses a template; errors (an unknown format, unbalanced or nested
 * brackets) point into `v`. */
cg_status cgg_template_parse(const cgg_value *v, cgg_template *t, cg_error *err);
void cgg_template_release(cgg_template *t);

#endif
