/* arena.c - a bump allocator owned by one object (never global), so that a
 * result's many small strings are freed in one call and results built on
 * different threads never share state. */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct cgu_arena_chunk {
    cgu_arena_chunk *next;
    size_t used;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

void *cgu_arena_alloc(cgu_arena *a, size_t size) {
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    cgu_arena_chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        /* chunks double from 512 bytes to 64 KiB: a small result (one of the
         * thousands of documents a JSON Lines piece holds) stays small, a
         * large one takes few chunks */
        size_t chunk = c ? (c->size < 32768 ? c->size * 2 : 65536) : 512;
        if (chunk < size) chunk = size;
        c = malloc(sizeof *c + chunk);
        if (!c) return NULL;
        c->size = chunk;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    return p;
}

char *cgu_arena_strndup(cgu_arena *a, const char *s, size_t len) {
    char *p = cgu_arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *cgu_arena_strdup(cgu_arena *a, const char *s) {
    return cgu_arena_strndup(a, s, strlen(s));
}

const char *cgu_arena_dup_or_null(cgu_arena *a, const char *s, int *failed) {
    if (!s) return NULL;
    char *p = cgu_arena_strdup(a, s);
    if (!p) *failed = 1;
    return p;
}

void cgu_arena_adopt(cgu_arena *to, cgu_arena *from) {
    cgu_arena_chunk *tail = from->head;
    if (!tail) return;
    while (tail->next)
        tail = tail->next;
    tail->next = to->head;
    to->head = from->head;
    from->head = NULL;
}

void cgu_arena_release(cgu_arena *a) {
    cgu_arena_chunk *c = a->head;
    while (c) {
        cgu_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}
