/* cache.h - the result cache as the document runner uses it (the public
 * side is in citegraph/run.h; cache.c explains the design). */
#ifndef CG_RUN_CACHE_H
#define CG_RUN_CACHE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "citegraph/run.h"
#include "util/util.h"

/* What stat() says of a file: the index trusts a file whose stat is unchanged. */
typedef struct cgrun_file_stat {
    uint64_t dev, ino, size;
    int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
} cgrun_file_stat;

typedef struct cgio_index_entry {
    char *path;
    cgrun_file_stat st;
    char key[33];
} cgio_index_entry;

struct cg_cache {
    char *dir;
    cgu_hash grammar;        /* of the extractor's fingerprint: starts every key */
    int64_t settled_before;  /* files changed since (seconds) are not indexed */
    char index_head[96];     /* the first line of DIR/index for this grammar */
    cgio_index_entry *index; /* the last run's, sorted by path; read-only */
    size_t nindex;
    char *index_data;        /* the paths of `index` point into it */
    char index_problem[160]; /* why DIR/index was not used, "" if it was */
    cgio_index_entry *fresh; /* this run's, for the next (calling thread only) */
    size_t nfresh, capfresh;
    cg_cache_stats stats; /* calling thread only */
};

void cgrun_cache_stat_of(const struct stat *st, cgrun_file_stat *out);
/* Whether the file had not changed for long enough to be indexed. */
bool cgrun_cache_settled(const cg_cache *cache, const cgrun_file_stat *st);
/* Thread-safe. The key the index holds for `path` when `st` is what it
 * recorded; false when the file must be read and hashed. `hint` (or NULL)
 * is where to look first, and is set past the entry found: the next path
 * of a sorted run is usually found there without a search. */
bool cgrun_cache_lookup(const cg_cache *cache, const char *path, const cgrun_file_stat *st,
                        char key[33], size_t *hint);
/* Calling thread only: `path` had `st` and `key` in this run; -1 when
 * memory ran out (which only costs the next run time). */
int cgrun_cache_remember(cg_cache *cache, const char *path, const cgrun_file_stat *st,
                         const char key[33]);
/* Calling thread only: counts a document for cg_cache_get_stats(). */
void cgrun_cache_count(cg_cache *cache, cg_cache_state state, bool read);
/* Thread-safe. The key of a document's bytes. */
void cgrun_cache_key(const cg_cache *cache, const cg_input *in, char key[33]);
/* Thread-safe. The entry of `key` for a document of `size` bytes
 * (CGRUN_ENTRY_SIZE: of the size the entry says). HIT sets *ext (with its
 * quotes); DAMAGED says why in `why`. */
#define CGRUN_ENTRY_SIZE SIZE_MAX
cg_cache_state cgrun_cache_load(const cg_cache *cache, const char key[33], size_t size,
                                cg_extraction **ext, char *why, size_t whylen);
/* Thread-safe (`serial` makes the temporary file name unique). `ext` must
 * carry its quotes. -1 when it could not be stored (only costs time). */
int cgrun_cache_store(const cg_cache *cache, const char key[33], const cg_extraction *ext,
                      size_t size, size_t serial);

#endif
