/* input_internal.h - what the library's modules know of a cg_input beyond
 * the public accessors: the line index and a cursor for monotonic position
 * lookups (extraction asks for positions in increasing order, so a 1 MB line
 * with thousands of references costs one pass, not one pass per reference). */
#ifndef CG_INPUT_INTERNAL_H
#define CG_INPUT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/input.h"

/* A URL of a PDF's text whose characters a link annotation gave (pdf.h). */
typedef struct cgin_link_span {
    size_t offset, length;
    char *url;
} cgin_link_span;

struct cg_input {
    char *name;
    char *data; /* size bytes + a NUL */
    size_t size;
    size_t file_size;    /* the bytes read: `size`, or for a PDF the PDF's */
    size_t *line_starts; /* offset of the first byte of each line */
    size_t nlines;
    bool valid_utf8;
    bool packed; /* the packed output of citegraph extract: its bytes, not text */
    char **warnings;
    size_t nwarnings;
    /* A document read from a PDF (pdf.c): its text is the text of its pages,
     * page i starting at byte page_starts[i] on line page_first_line[i] (0-based),
     * and the URLs link annotations gave, where they stand. */
    int pdf;
    size_t *page_starts;
    size_t *page_first_line;
    char **page_labels;
    size_t npages;
    cgin_link_span *links;
    size_t nlinks;
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

/* Makes an input of `size` bytes at `data` (malloc'd, one NUL byte after
 * them; taken over, also on failure). */
cg_status cgin_input_make(const char *name, char *data, size_t size, const cg_read_options *opts,
                          cg_input **out, cg_error *err);
/* The same with the line index built `width` bytes at a time at most: 32 (AVX2 where the
 * processor has it), 16 (SSE2), or 8 (no vector instructions); for the tests, which compare
 * the three. */
cg_status cgin_input_make_width(const char *name, char *data, size_t size,
                                const cg_read_options *opts, unsigned width, cg_input **out,
                                cg_error *err);
/* Adds what a PDF's input has besides its text to `h`: its pages, their
 * labels and its link spans (nothing for text). */
struct cgu_hash;
void cgin_input_hash_pages(const cg_input *in, struct cgu_hash *h);
/* The number of bytes that were read for the input: its size, or for a PDF the file's. */
size_t cgin_input_file_size(const cg_input *in);
/* Indexes the pages of an input made from a PDF: page_first_line from page_starts. */
int cgin_input_index_pages(cg_input *in);
/* Adds a warning; -1 when memory ran out. */
int cgin_input_add_warning(cg_input *in, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The page (1-based) and the line on it (1-based) of the byte at `offset`
 * on line `line` (1-based) of the text; 0 and 0 for an input without pages. */
void cgin_page_of(const cg_input *in, size_t offset, size_t line, size_t *page, size_t *page_line);
/* Whether a page of a PDF starts at byte `offset` (on the line of `offset`). */
int cgin_page_start_at(const cg_input *in, size_t offset);
/* The link span that starts at or before `offset` and reaches past it; NULL if none. */
const cgin_link_span *cgin_link_at(const cg_input *in, size_t offset);

#endif
