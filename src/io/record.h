/* record.h - the compact record of an extraction and its quotes (record.c
 * documents the format): what the result cache keeps per document. */
#ifndef CG_IO_RECORD_H
#define CG_IO_RECORD_H

#include "citegraph/buf.h"
#include "citegraph/extract.h"

/* Appends the record of `ext`, which must carry its quotes (CG_EINVAL
 * otherwise). CG_ENOMEM. */
cg_status cgio_record_write(cg_buf *out, const cg_extraction *ext);

/* Reads a record for a document of `size` bytes. CG_EFORMAT, with the
 * reason in `err`, for anything that is not exactly such a record or whose
 * positions, lines and quotes do not fit together and in the document: a
 * damaged entry is rebuilt, never trusted. */
cg_status cgio_record_read(const char *data, size_t len, size_t size, cg_extraction **out,
                           cg_error *err);

#endif
