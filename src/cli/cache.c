/* cache.c - extraction results kept between runs (--cache DIR).
 *
 * An entry is keyed by a hash of the document's bytes together with the
 * citegraph version and the grammar (built-in and --patterns files), so a
 * changed document, a new version or another grammar never reads an old
 * result. The entry DIR/ab/abcdef...json starts with a line naming its key;
 * then comes the extraction as cg_extraction_to_json() wrote it. An entry
 * whose key line, JSON or positions do not check out is reported and
 * rebuilt, never trusted. Entries are written to a temporary file and
 * renamed, so a run that is killed leaves no half-written entry behind. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Two 64-bit multiply-xorshift hashes with different constants, 128 bits:
 * enough that two different documents never share a key in practice (this
 * is a cache key, not a defence against crafted collisions). */
typedef struct hash128 {
    uint64_t a, b;
} hash128;

static void hash_init(hash128 *h) {
    h->a = 1469598103934665603ULL;
    h->b = 0x9E3779B97F4A7C15ULL;
}

static uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    return x;
}

/* Eight bytes at a time (the tail byte-wise), the length folded in. */
static void hash_bytes(hash128 *h, const void *data, size_t len) {
    const unsigned char *p = data;
    uint64_t a = h->a ^ len, b = h->b + len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        a = (a ^ w) * 0x100000001B3ULL;
        a ^= a >> 29;
        b = (b + w) * 0xBF58476D1CE4E5B9ULL;
        b ^= b >> 31;
    }
    for (; i < len; i++) {
        a = (a ^ p[i]) * 0x100000001B3ULL;
        b = (b + p[i] + 1) * 0xBF58476D1CE4E5B9ULL;
    }
    h->a = mix(a);
    h->b = mix(b ^ h->a);
}

static void hash_hex(const hash128 *h, char out[33]) {
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h->a, (unsigned long long)h->b);
}

static int read_whole(const char *path, char **data, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            cap = cap ? cap * 2 : 65536 * 2;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(f);
                return -1;
            }
            buf = p;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return -1;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

int cli_cache_open(cli_cache *cache, const char *dir, const char *const *patterns,
                   size_t npatterns, char *why, size_t whylen) {
    memset(cache, 0, sizeof *cache);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        snprintf(why, whylen, "cannot create %s: %s", dir, strerror(errno));
        return -1;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(why, whylen, "%s is not a directory", dir);
        return -1;
    }
    hash128 h;
    hash_init(&h);
    const char *v = cg_version();
    hash_bytes(&h, v, strlen(v) + 1);
    size_t glen;
    const char *g = cg_builtin_grammar_text(&glen);
    hash_bytes(&h, g, glen);
    for (size_t i = 0; i < npatterns; i++) {
        char *data;
        size_t len;
        if (read_whole(patterns[i], &data, &len) != 0) {
            snprintf(why, whylen, "cannot read %s", patterns[i]);
            return -1;
        }
        hash_bytes(&h, data, len);
        free(data);
    }
    cache->dir = dir;
    cache->grammar_a = h.a;
    cache->grammar_b = h.b;
    return 0;
}

/* The key of a document: its bytes, under this version and grammar. */
static void key_of(const cli_cache *cache, const cg_input *in, char key[33]) {
    hash128 h = {cache->grammar_a, cache->grammar_b};
    size_t size = cg_input_size(in);
    hash_bytes(&h, &size, sizeof size);
    hash_bytes(&h, cg_input_data(in), size);
    hash_hex(&h, key);
}

static void entry_path(const cli_cache *cache, const char *key, char *out, size_t cap) {
    snprintf(out, cap, "%s/%.2s/%s.json", cache->dir, key, key + 2);
}

cli_cache_state cli_cache_load(const cli_cache *cache, const cg_input *in, cg_extraction **ext,
                               char *why, size_t whylen) {
    char key[33], path[4096];
    key_of(cache, in, key);
    entry_path(cache, key, path, sizeof path);
    char *data;
    size_t len;
    if (read_whole(path, &data, &len) != 0) return CLI_CACHE_MISS;
    char head[64];
    snprintf(head, sizeof head, "citegraph-cache 1 %s\n", key);
    size_t hl = strlen(head);
    cli_cache_state state = CLI_CACHE_HIT;
    cg_error err;
    memset(&err, 0, sizeof err);
    if (len < hl || memcmp(data, head, hl) != 0) {
        snprintf(why, whylen, "%s: not the entry for this document", path);
        state = CLI_CACHE_CORRUPT;
    } else if (cg_extraction_from_json(data + hl, len - hl, in, ext, &err) != CG_OK) {
        snprintf(why, whylen, "%s: %s", path, err.text[0] ? err.text : "out of memory");
        state = CLI_CACHE_CORRUPT;
    }
    free(data);
    return state;
}

int cli_cache_store(const cli_cache *cache, const cg_input *in, const cg_extraction *ext,
                    size_t serial) {
    char key[33], path[4096], tmp[4200], sub[4096];
    key_of(cache, in, key);
    snprintf(sub, sizeof sub, "%s/%.2s", cache->dir, key);
    if (mkdir(sub, 0777) != 0 && errno != EEXIST) return -1;
    entry_path(cache, key, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.%ld.%zu.tmp", path, (long)getpid(), serial);
    cg_string s = {0};
    char head[64];
    snprintf(head, sizeof head, "citegraph-cache 1 %s\n", key);
    int rc = -1;
    if (cg_extraction_to_json(&s, ext) == CG_OK) {
        FILE *f = fopen(tmp, "wb");
        if (f) {
            int ok = fputs(head, f) >= 0 && fwrite(s.data, 1, s.len, f) == s.len;
            ok = (fclose(f) == 0) && ok;
            if (ok && rename(tmp, path) == 0) rc = 0;
            else remove(tmp);
        }
    }
    cg_string_release(&s);
    return rc;
}
