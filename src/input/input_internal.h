/* input_internal.h - what the library's modules know of a cg_input beyond
 * the public accessors: the line index and a cursor for monotonic position
 * lookups (extraction asks for positions in increasing order, so a 1 MB line
 * with thousands of references costs one pass, not one pass per reference). */
#ifndef CG_INPUT_INTERNAL_H
#define CG_INPUT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/input.h"

struct cg_input {
    char *name;
    char *data; /* size bytes + a NUL */
    size_t size;
    size_t *line_starts; /* offset of the first byte of each line */
    size_t nlines;
    bool valid_utf8;
    char **warnings;
    size_t nwarnings;
};

typedef struct cg_position_cursor {
    const cg_input *input;
    size_t line_index; /* 0-based index into line_starts */
    size_t offset;     /* last offset converted */
    size_t col;        /* its 1-based column */
} cg_position_cursor;

void cg_position_cursor_init(cg_position_cursor *cur, const cg_input *input);
/* Converts `offset`; fastest when offsets come in increasing order. */
void cg_position_cursor_get(cg_position_cursor *cur, size_t offset, size_t *line, size_t *col);

/* For a document that is part of a file (a DIP record): puts `prefix`
 * ("record 3 (DIP id 258173)") before each warning, and adds the `nextra`
 * warnings of `extra` first, in their order; -1 when memory ran out. */
int cgin_input_prefix_warnings(cg_input *in, const char *prefix, const char *const *extra,
                               size_t nextra);

#endif
