/* hash.c - a 128-bit hash for cache keys and checksums: two 64-bit
 * multiply-xorshift lanes with different constants, eight bytes at a time.
 * Enough that two different documents never share a key in practice; it is
 * no defence against crafted collisions, and needs none (a cache). */
#include <stdio.h>
#include <string.h>

#include "util.h"

void cgu_hash_init(cgu_hash *h) {
    h->a = 1469598103934665603ULL;
    h->b = 0x9E3779B97F4A7C15ULL;
}

static uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    return x;
}

void cgu_hash_bytes(cgu_hash *h, const void *data, size_t len) {
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

void cgu_hash_hex(const cgu_hash *h, char out[33]) {
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h->a, (unsigned long long)h->b);
}

void cgu_checksum(const char *data, size_t len, char out[33]) {
    cgu_hash h;
    cgu_hash_init(&h);
    cgu_hash_bytes(&h, data, len);
    cgu_hash_hex(&h, out);
}

void cgu_checksum_wide(const char *data, size_t len, char out[33]) {
    /* four lanes of 8 bytes each, independent, so that they run side by
     * side: hashing a check's state of hundreds of MB is then a fraction of
     * reading it */
    const unsigned char *p = (const unsigned char *)data;
    uint64_t lane[4] = {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL,
                        0x27D4EB2F165667C5ULL ^ len};
    size_t i = 0;
    for (; i + 32 <= len; i += 32)
        for (int k = 0; k < 4; k++) {
            uint64_t w;
            memcpy(&w, p + i + 8 * k, 8);
            lane[k] = (lane[k] ^ w) * 0x100000001B3ULL;
            lane[k] ^= lane[k] >> 29;
        }
    cgu_hash h;
    cgu_hash_init(&h);
    cgu_hash_bytes(&h, lane, sizeof lane);
    cgu_hash_bytes(&h, p + i, len - i);
    cgu_hash_hex(&h, out);
}
