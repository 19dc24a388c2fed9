/* buf_public.c - the public side of cg_buf (citegraph/buf.h): the
 * functions a caller needs to own a buffer the library writes into. Kept
 * apart from the appends (buf.c), which are the library's own. */
#include <stdlib.h>

#include "util.h"

void cg_buf_init(cg_buf *b) {
    b->data = (char *)"";
    b->len = b->cap = 0;
}

void cg_buf_release(cg_buf *b) {
    if (!b) return;
    if (b->cap) free(b->data);
    cg_buf_init(b);
}

void cg_buf_clear(cg_buf *b) {
    b->len = 0;
    if (b->cap) b->data[0] = '\0';
}

char *cg_buf_detach(cg_buf *b) {
    if (!b->cap && cgu_buf_reserve(b, 0) != 0) return NULL;
    char *p = b->data;
    cg_buf_init(b);
    return p;
}
