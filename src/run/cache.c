/* cache.c - extraction results kept between runs (citegraph/run.h).
 *
 * An entry is keyed by a hash of the document's bytes together with the
 * citegraph version, the grammar (built-in and --patterns files) and
 * whether the build reads PDFs, so a changed document, a new version,
 * another grammar or a build without PDF support never reads an old
 * result. The entry DIR/ab/abcdef....cgr starts with a line naming its key,
 * the document's size and a checksum of the rest; then comes the extraction
 * with its quotes (record.c), so that a hit needs no byte of
 * the document. An entry whose line, checksum or record do not check out is
 * reported and rebuilt, never trusted.
 *
 * DIR/index maps each path of the last run to its key by what stat() says
 * (device, inode, size, mtime and ctime in nanoseconds), so that an
 * unchanged file is neither read nor hashed. A file is indexed only when it
 * had not changed for two seconds when the run began: a file changed later
 * within the same timestamp tick (up to two seconds on some file systems)
 * would otherwise keep its old stat and be trusted (git's "racy clean"
 * problem). ctime catches a change whose mtime was set back (touch -d); a
 * replaced file has another inode. The index ends with a checksum; a damaged
 * index is reported, not used, and rewritten.
 *
 * The version in an entry's first line changes with the record's format
 * (4: document metadata, record.c's CGR3) and is part of every key, so an
 * entry of an older format is never looked up: it is extracted again.
 *
 * Entries and the index are written to a temporary file and renamed, so a
 * run that is killed leaves nothing half-written behind. */
#include "cache.h"
#include "input/input_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "io/fields.h"
#include "io/record.h"

/* The version of an entry's format: its first line and record.c's record. */
#define ENTRY_FORMAT "citegraph-cache 5"

/* ---- the stat index ---- */

static int cmp_index(const void *a, const void *b) {
    return strcmp(((const cgio_index_entry *)a)->path, ((const cgio_index_entry *)b)->path);
}

static int get_u64(const char **p, const char *end, uint64_t *v, char sep) {
    uint64_t n = 0;
    int digits = 0;
    while (*p < end && **p >= '0' && **p <= '9' && digits < 20) {
        n = n * 10 + (uint64_t)(**p - '0');
        (*p)++;
        digits++;
    }
    if (!digits || digits > 19 || *p >= end || **p != sep) return -1;
    (*p)++;
    *v = n;
    return 0;
}

/* Reads DIR/index; a reason when it is damaged, NULL when it is fine,
 * absent (a first run) or of another version or grammar (its keys would
 * name no entry of this one). On any doubt nothing of it is used. */
static const char *load_index(cg_cache *cache, const char *head) {
    char path[4096];
    snprintf(path, sizeof path, "%s/index", cache->dir);
    char *data;
    size_t len;
    if (cgu_read_whole(path, &data, &len) != 0) return NULL;
    const char *why = NULL;
    size_t hl = strlen(head);
    const char *nul = len ? memchr(data, '\0', len) : NULL;
    /* the last line: "end COUNT CHECKSUM\n" over everything before it */
    const char *tail = NULL;
    if (!nul && len > 1 && data[len - 1] == '\n') {
        tail = data + len - 1;
        while (tail > data && tail[-1] != '\n')
            tail--;
    }
    uint64_t count = 0;
    char sum[33];
    const char *p = tail;
    static const char magic[] = "citegraph-cache-index ";
    if (len >= hl && memcmp(data, magic, sizeof magic - 1) == 0 && memcmp(data, head, hl) != 0) {
        free(data);
        return NULL;
    }
    if (!tail || len < hl || memcmp(data, head, hl) != 0) {
        why = "not a citegraph index";
    } else if (strncmp(p, "end ", 4) != 0 || (p += 4, get_u64(&p, data + len, &count, ' ')) ||
               (cgu_checksum(data, (size_t)(tail - data), sum), data + len - p != 33) ||
               memcmp(p, sum, 32) != 0) {
        why = "checksum does not match";
    } else if (count > len / 20) {
        why = "more entries than bytes";
    }
    cgio_index_entry *es = why ? NULL : calloc(count ? count : 1, sizeof *es);
    if (!why && !es) why = "out of memory";
    p = data + hl;
    for (size_t i = 0; !why && i < count; i++) {
        cgio_index_entry *e = &es[i];
        uint64_t v[8];
        if (tail - p < 33 || strspn(p, "0123456789abcdef") != 32 || p[32] != ' ') {
            why = "bad key";
            break;
        }
        memcpy(e->key, p, 32);
        e->key[32] = '\0';
        p += 33;
        for (int k = 0; k < 7 && !why; k++)
            if (get_u64(&p, tail, &v[k], ' ')) why = "bad number";
        if (why || get_u64(&p, tail, &v[7], ':') || v[7] == 0 || v[7] >= (uint64_t)(tail - p) ||
            memchr(p, '\0', v[7]) || p[v[7]] != '\n') {
            why = why ? why : "bad path";
            break;
        }
        e->st = (cgrun_file_stat){v[0],          v[1],          v[2],         (int64_t)v[3],
                                  (int64_t)v[4], (int64_t)v[5], (int64_t)v[6]};
        e->path = (char *)p;
        ((char *)p)[v[7]] = '\0'; /* the newline; paths point into the buffer */
        p += v[7] + 1;
    }
    if (!why && p != tail) why = "entries and count differ";
    if (why) {
        free(es);
        free(data);
        return why;
    }
    /* written in path order, which is sorted for a walk: checked first */
    bool sorted = true;
    for (size_t i = 1; sorted && i < count; i++)
        sorted = strcmp(es[i - 1].path, es[i].path) < 0;
    if (!sorted) qsort(es, count, sizeof *es, cmp_index);
    cache->index = es;
    cache->nindex = count;
    cache->index_data = data;
    return NULL;
}

cg_status cg_cache_open(const char *dir, const cg_extractor *ex, cg_cache **out, cg_error *err) {
    *out = NULL;
    cg_cache *cache = calloc(1, sizeof *cache);
    if (!cache || !(cache->dir = strdup(dir))) {
        free(cache);
        return cgu_oom(err);
    }
    /* taken before any file is looked at: what changed within two seconds
     * of it may change again unseen within its timestamp tick */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    cache->settled_before = (int64_t)now.tv_sec - 2;
    struct stat st;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        cgu_error(err, CG_EIO, dir, 0, 0, "cannot create: %s", strerror(errno));
        cache->dir[0] = '\0'; /* nothing to write back */
        cg_cache_close(cache, NULL);
        return CG_EIO;
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        cgu_error(err, CG_EIO, dir, 0, 0, "is not a directory");
        cache->dir[0] = '\0'; /* nothing to write back */
        cg_cache_close(cache, NULL);
        return CG_EIO;
    }
    /* the key of every entry folds in what decides the extraction */
    cgu_hash_init(&cache->grammar);
    const char *fp = cg_extractor_fingerprint(ex);
    cgu_hash_bytes(&cache->grammar, fp, strlen(fp));
    /* and the entry's format: an entry of an older format has another key,
     * so it is not found (not reported as damaged), and the index of an
     * older format has another head, so it is not used */
    cgu_hash_bytes(&cache->grammar, ENTRY_FORMAT, strlen(ENTRY_FORMAT));
    /* and whether this build reads PDFs: one without poppler refuses a PDF, and must not take
     * the extraction another build kept for it (the report would differ from a run without
     * the cache) */
#ifdef CG_HAVE_POPPLER
    static const char pdf_support[] = "pdf";
#else
    static const char pdf_support[] = "no pdf";
#endif
    cgu_hash_bytes(&cache->grammar, pdf_support, strlen(pdf_support));
    char gh[33];
    cgu_hash_hex(&cache->grammar, gh);
    /* version 3: a file read with a warning is not indexed, so an index of
     * version 2 may trust one and hide its warning: it is not read */
    snprintf(cache->index_head, sizeof cache->index_head, "citegraph-cache-index 3 %s\n", gh);
    const char *bad = load_index(cache, cache->index_head);
    if (bad) snprintf(cache->index_problem, sizeof cache->index_problem, "%s", bad);
    *out = cache;
    return CG_OK;
}

const char *cg_cache_index_problem(const cg_cache *c) {
    return c->index_problem;
}

void cg_cache_get_stats(const cg_cache *c, cg_cache_stats *out) {
    *out = c->stats;
}

void cgrun_cache_stat_of(const struct stat *st, cgrun_file_stat *out) {
    *out = (cgrun_file_stat){(uint64_t)st->st_dev,         (uint64_t)st->st_ino,
                             (uint64_t)st->st_size,        (int64_t)st->st_mtim.tv_sec,
                             (int64_t)st->st_mtim.tv_nsec, (int64_t)st->st_ctim.tv_sec,
                             (int64_t)st->st_ctim.tv_nsec};
}

bool cgrun_cache_settled(const cg_cache *cache, const cgrun_file_stat *st) {
    return st->mtime_s < cache->settled_before && st->ctime_s < cache->settled_before &&
           st->mtime_s >= 0 && st->ctime_s >= 0;
}

bool cgrun_cache_lookup(const cg_cache *cache, const char *path, const cgrun_file_stat *st,
                        char key[33], size_t *hint) {
    size_t lo = 0, hi = cache->nindex, at = SIZE_MAX;
    /* the entry after the last one found, as a run in path order asks */
    if (hint && *hint < cache->nindex && strcmp(cache->index[*hint].path, path) == 0) at = *hint;
    while (at == SIZE_MAX && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(cache->index[mid].path, path);
        if (c == 0)
            at = mid;
        else if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (at == SIZE_MAX) return false;
    if (hint) *hint = at + 1;
    const cgio_index_entry *e = &cache->index[at];
    const cgrun_file_stat *t = &e->st;
    if (t->dev != st->dev || t->ino != st->ino || t->size != st->size ||
        t->mtime_s != st->mtime_s || t->mtime_ns != st->mtime_ns || t->ctime_s != st->ctime_s ||
        t->ctime_ns != st->ctime_ns || !cgrun_cache_settled(cache, st))
        return false;
    memcpy(key, e->key, 33);
    return true;
}

int cgrun_cache_remember(cg_cache *cache, const char *path, const cgrun_file_stat *st,
                         const char key[33]) {
    if (cgu_grow((void **)&cache->fresh, &cache->capfresh, cache->nfresh + 1, sizeof *cache->fresh))
        return -1;
    char *copy = strdup(path);
    if (!copy) return -1;
    cgio_index_entry *e = &cache->fresh[cache->nfresh++];
    e->path = copy;
    e->st = *st;
    memcpy(e->key, key, 33);
    return 0;
}

void cgrun_cache_count(cg_cache *cache, cg_cache_state state, bool read) {
    if (state == CG_CACHE_HIT)
        cache->stats.reused++;
    else if (state == CG_CACHE_MISS)
        cache->stats.extracted++;
    else if (state == CG_CACHE_DAMAGED)
        cache->stats.damaged++;
    cache->stats.read += read;
}

/* Writes this run's index: a temporary file renamed over the old one. */
static cg_status write_index(const cg_cache *cache, cg_error *err) {
    cg_buf b = CG_BUF_INIT;
    int bad = cgu_buf_puts(&b, cache->index_head);
    for (size_t i = 0; i < cache->nfresh && !bad; i++) {
        const cgio_index_entry *e = &cache->fresh[i];
        const cgrun_file_stat *t = &e->st;
        /* "KEY DEV INO SIZE MTIME_S MTIME_NS CTIME_S CTIME_NS LEN:PATH\n", without
         * printf, which took a tenth of a second for 100,000 files */
        const uint64_t v[7] = {t->dev,
                               t->ino,
                               t->size,
                               (uint64_t)t->mtime_s,
                               (uint64_t)t->mtime_ns,
                               (uint64_t)t->ctime_s,
                               (uint64_t)t->ctime_ns};
        bad = cgu_buf_append(&b, e->key, 32) || cgu_buf_putc(&b, ' ');
        for (int k = 0; k < 7 && !bad; k++)
            bad = cgio_put_num(&b, (size_t)v[k], ' ');
        bad = bad || cgio_put_str(&b, e->path, '\n');
    }
    char sum[33];
    cgu_checksum(b.data, b.len, sum);
    bad = bad || cgu_buf_printf(&b, "end %zu %s\n", cache->nfresh, sum);
    if (bad) {
        cg_buf_release(&b);
        return cgu_oom(err);
    }
    char path[4096], tmp[4200];
    snprintf(path, sizeof path, "%s/index", cache->dir);
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    int rc = cgu_write_atomic(path, tmp, NULL, b.data, b.len);
    int saved = errno;
    cg_buf_release(&b);
    return rc ? cgu_error(err, CG_EIO, path, 0, 0, "cannot write: %s", strerror(saved)) : CG_OK;
}

cg_status cg_cache_close(cg_cache *cache, cg_error *err) {
    if (!cache) return CG_OK;
    cg_status st = cache->dir && cache->dir[0] ? write_index(cache, err) : CG_OK;
    for (size_t i = 0; i < cache->nfresh; i++)
        free(cache->fresh[i].path);
    free(cache->fresh);
    free(cache->index);
    free(cache->index_data);
    free(cache->dir);
    free(cache);
    return st;
}

/* ---- entries ---- */

void cgrun_cache_key(const cg_cache *cache, const cg_input *in, char key[33]) {
    cgu_hash h = cache->grammar;
    size_t size = cg_input_size(in);
    cgu_hash_bytes(&h, &size, sizeof size);
    cgu_hash_bytes(&h, cg_input_data(in), size);
    /* a PDF's text with its pages and links is another document than the
     * same text as a file: positions and URLs depend on them */
    cgin_input_hash_pages(in, &h);
    cgu_hash_hex(&h, key);
}

static void entry_path(const cg_cache *cache, const char *key, char *out, size_t cap) {
    snprintf(out, cap, "%s/%.2s/%s.cgr", cache->dir, key, key + 2);
}

cg_cache_state cgrun_cache_load(const cg_cache *cache, const char key[33], size_t size,
                                cg_extraction **ext, char *why, size_t whylen) {
    char path[4096];
    entry_path(cache, key, path, sizeof path);
    char *data;
    size_t len;
    if (cgu_read_whole(path, &data, &len) != 0) return CG_CACHE_MISS;
    if (size == CGRUN_ENTRY_SIZE) {
        /* the index vouched for the file: the document's size is the entry's (a
         * PDF's text is not the size of its file) */
        size_t k = strlen(ENTRY_FORMAT " ") + 32 + 1;
        char *end = NULL;
        unsigned long long n = len > k ? strtoull(data + k, &end, 10) : 0;
        size = end && end > data + k && *end == ' ' ? (size_t)n : 0;
    }
    char head[128];
    int hl = snprintf(head, sizeof head, ENTRY_FORMAT " %s %zu ", key, size);
    cg_cache_state state = CG_CACHE_HIT;
    cg_error err;
    memset(&err, 0, sizeof err);
    const char *body = len > (size_t)hl + 33 ? data + hl + 33 : NULL;
    char sum[33];
    if (!body || memcmp(data, head, (size_t)hl) != 0 || body[-1] != '\n') {
        snprintf(why, whylen, "%s: not the entry for this document", path);
        state = CG_CACHE_DAMAGED;
    } else if (cgu_checksum(body, len - (size_t)(body - data), sum),
               memcmp(sum, data + hl, 32) != 0) {
        snprintf(why, whylen, "%s: checksum does not match", path);
        state = CG_CACHE_DAMAGED;
    } else {
        cg_status st = cgio_record_read(body, len - (size_t)(body - data), size, ext, &err);
        if (st == CG_ENOMEM) {
            /* not the entry's fault: extracted again, and that says so if memory is short */
            state = CG_CACHE_MISS;
        } else if (st != CG_OK) {
            snprintf(why, whylen, "%s: %s", path, err.text);
            state = CG_CACHE_DAMAGED;
        }
    }
    free(data);
    return state;
}

int cgrun_cache_store(const cg_cache *cache, const char key[33], const cg_extraction *ext,
                      size_t size, size_t serial) {
    char path[4096], tmp[4200], sub[4096];
    snprintf(sub, sizeof sub, "%s/%.2s", cache->dir, key);
    if (mkdir(sub, 0777) != 0 && errno != EEXIST) return -1;
    entry_path(cache, key, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.%ld.%zu.tmp", path, (long)getpid(), serial);
    cg_buf s = CG_BUF_INIT;
    int rc = -1;
    if (cgio_record_write(&s, ext) == CG_OK) {
        char head[128], sum[33];
        cgu_checksum(s.data, s.len, sum);
        snprintf(head, sizeof head, ENTRY_FORMAT " %s %zu %s\n", key, size, sum);
        rc = cgu_write_atomic(path, tmp, head, s.data, s.len);
    }
    cg_buf_release(&s);
    return rc;
}
