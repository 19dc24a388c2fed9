/* fields.h - the fields of citegraph's own compact files: the result
 * cache's records (record.c) and the findings a check keeps between runs
 * (check/state.c).
 *
 * A number is decimal; a string is LEN:BYTES, or ~ for none; every field is
 * followed by one space or newline. Length-prefixed rather than escaped, so
 * that any bytes fit (quotes of documents need not be valid UTF-8) and
 * reading costs one pass. Ids are written as cg_docid_format() gives them,
 * lists of questions as their labels joined by "," ("3,3a"). */
#ifndef CG_IO_FIELDS_H
#define CG_IO_FIELDS_H

#include "citegraph/docid.h"
#include "citegraph/locator.h"
#include "util/util.h"

/* Each appends one field and its separator: 0, or -1 when memory ran out. */
int cgio_put_num(cg_buf *s, size_t v, char sep);
int cgio_put_str(cg_buf *s, const char *v, char sep);
int cgio_put_bytes(cg_buf *s, const char *v, size_t n, char sep);
int cgio_put_id(cg_buf *s, const cg_docid *id, char sep);
int cgio_put_questions(cg_buf *s, const cg_question *q, size_t n, char sep);

/* Reads fields from p to end. Strings are copied into `arena`, or, when
 * `in_place` is set, left where they are: then the file ends each string
 * with a NUL byte as its separator (a file written so can be read from a
 * read-only mapping, copying nothing). Arrays (questions) always go into
 * `arena`. */
typedef struct cgio_reader {
    const char *p, *end;
    bool in_place;
    cgu_arena *arena;
    int oom; /* set when the arena ran out of memory */
} cgio_reader;

/* Each reads one field and its separator: 0, or -1 when the bytes are not
 * such a field (or memory ran out: r->oom). */
int cgio_get_sep(cgio_reader *r);
int cgio_get_num(cgio_reader *r, size_t *v);
int cgio_get_str(cgio_reader *r, const char **out, int nullable);
/* A string with its length, which may hold NUL bytes (copied and
 * NUL-terminated, or in place). */
int cgio_get_bytes(cgio_reader *r, const char **out, size_t *len, int nullable);
/* A canonical id of a built-in kind, or none (kind CG_KIND_NONE). */
int cgio_get_id(cgio_reader *r, cg_docid *id);
/* Questions written "3,3a" (~: none) into an array in the arena. */
int cgio_get_questions(cgio_reader *r, const cg_question **out, size_t *n);

#endif
