/* dip.h - DIP's JSON answers as input (dip.c): a file of DIP records,
 * recognised by its content, read into one item per record, each with its
 * text and what DIP says of the document. */
#ifndef CG_INPUT_DIP_H
#define CG_INPUT_DIP_H

#include <stddef.h>

#include "citegraph/extract.h"
#include "util/util.h"

/* How many warnings an item keeps (DIP's number and DIP's date). */
#define CGIN_DIP_WARNINGS 4

/* One item of a DIP file: a record with its text, or something that could
 * not be read (a record without text, of another dokumentart, a malformed
 * value, a page whose "documents" is not a list), with the message. A page
 * of no records (DIP's last page of a cursor) gives no item. */
typedef struct cgin_dip_item {
    size_t record;      /* the record's number in the file, from 1 over all values and pages
                           (a malformed line of JSON Lines keeps its number); 0 for a failure
                           that is no one record's (a malformed page, an empty list) */
    const char *dip_id; /* DIP's "id" of the record; or NULL */
    const char *text;   /* the record's "text" (may hold NUL bytes); NULL when `error` */
    size_t text_len;
    const char *error; /* "record 3 (DIP id 258173): has no text"; NULL when fine */
    const char *warnings[CGIN_DIP_WARNINGS]; /* what DIP says that could not be used */
    size_t nwarnings;
    /* What DIP says: each field DIP gave has its *_from set to CG_META_DIP;
     * record, dip_id, pdf_url and procedures are set as DIP has them. */
    cg_document_info info;
} cgin_dip_item;

/* The items of one file; everything lives in `arena`. */
typedef struct cgin_dip_file {
    cgu_arena arena;
    cgin_dip_item *items;
    size_t nitems, cap;
} cgin_dip_file;

/* What a document's bytes are. */
typedef enum cgin_content {
    CGIN_TEXT = 0,      /* not JSON: a text document */
    CGIN_DIP = 1,       /* DIP's answers: *out holds their items */
    CGIN_OTHER_JSON = 2 /* a JSON value that is not DIP's (citegraph's own output, say) */
} cgin_content;

/* Reads `len` bytes: DIP's answers when the first non-space byte is `{` or
 * `[` and the first JSON value is a list answer ({"numFound", "documents"}),
 * a record (with "dokumentart" or "dokumentnummer") or an array of records;
 * or when it does not parse but names such keys in its first 4 KiB (a
 * truncated page). Then every value of the file (one answer, several
 * concatenated, or JSON Lines) becomes items of *out, which the caller
 * releases with cgin_dip_release() in any case. -1 when memory ran out. */
int cgin_dip_read(const char *data, size_t len, cgin_dip_file *out);

void cgin_dip_release(cgin_dip_file *f);

/* "record 3 (DIP id 258173)", or "record 3" without an id: how messages
 * name the item's record. Writes at most `cap` bytes to `out`. */
void cgin_dip_item_name(const cgin_dip_item *it, char *out, size_t cap);

#endif
