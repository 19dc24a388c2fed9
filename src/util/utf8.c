/* utf8.c - strict UTF-8 decoding (no overlongs, no surrogates, nothing above
 * U+10FFFF), the definition every other module relies on. */
#include "util.h"

int cgu_utf8_decode_long(const unsigned char *s, size_t len, uint32_t *cp) {
    if (len == 0) return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)n > len) return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return n;
}

int cgu_utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool cgu_utf8_valid(const char *s, size_t n, bool nul_ok) {
    const unsigned char *u = (const unsigned char *)s;
    const unsigned char stop = nul_ok ? 0x80 : 0; /* 0x80: no byte of its own stops the run */
    size_t i = 0;
    while (i < n) {
        if (n - i >= 16) { /* the vector loop takes no fewer */
            i += cgu_plain_run(u + i, n - i, CGU_PLAIN_LATIN1, stop, stop);
            if (i >= n) break;
        }
        if (u[i] && u[i] < 0x80) { /* the short tail of most texts: ASCII, a byte at a time */
            i++;
            continue;
        }
        uint32_t cp;
        int k = cgu_utf8_decode(u + i, n - i, &cp);
        if (k == 0 || (cp == 0 && !nul_ok)) return false;
        i += (size_t)k;
    }
    return true;
}

int cgu_buf_append_valid_utf8(cg_buf *s, const char *data, size_t len) {
    const unsigned char *p = (const unsigned char *)data;
    size_t i = 0, run = 0;
    while (i < len) {
        uint32_t cp;
        int n = cgu_utf8_decode(p + i, len - i, &cp);
        if (n > 0 && cp != 0) {
            i += (size_t)n;
            run += (size_t)n;
            continue;
        }
        if (cgu_buf_append(s, data + i - run, run) != 0) return -1;
        run = 0;
        if (cgu_buf_append(s, "\xEF\xBF\xBD", 3) != 0) return -1;
        i++;
    }
    return cgu_buf_append(s, data + i - run, run);
}
