/* hashmap.c - a string-keyed open-addressing map to size_t values, owned by
 * one object (never global). Keys are borrowed: the caller keeps them alive
 * (the graph keeps its ids in its own arena). */
#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint64_t hash(const char *s) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

void cgu_map_release(cgu_map *m) {
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}

static int rehash(cgu_map *m, size_t cap) {
    const char **keys = calloc(cap, sizeof *keys);
    size_t *values = calloc(cap, sizeof *values);
    if (!keys || !values) {
        free(keys);
        free(values);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = (size_t)hash(m->keys[i]) & (cap - 1);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        values[j] = m->values[i];
    }
    free(m->keys);
    free(m->values);
    m->keys = keys;
    m->values = values;
    m->cap = cap;
    return 0;
}

int cgu_map_get(const cgu_map *m, const char *key, size_t *value) {
    if (!m->cap) return 0;
    size_t j = (size_t)hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) {
            if (value) *value = m->values[j];
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

int cgu_map_put(cgu_map *m, const char *key, size_t value) {
    if ((m->count + 1) * 2 > m->cap && rehash(m, m->cap ? m->cap * 2 : 64) != 0) return -1;
    size_t j = (size_t)hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) {
            m->values[j] = value;
            return 0;
        }
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->values[j] = value;
    m->count++;
    return 0;
}
