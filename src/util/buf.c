/* buf.c - cg_buf, the growable NUL-terminated byte buffer (citegraph/buf.h),
 * and writing what was built in one to a file.
 *
 * The invariants are in buf.h: `data` is never NULL, and a failed growth
 * leaves the buffer as it was, so callers can report CG_ENOMEM and still
 * free it. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

int cgu_buf_reserve_grow(cg_buf *b, size_t extra) {
    if (extra > SIZE_MAX - b->len - 1) return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    char *p = realloc(b->cap ? b->data : NULL, cap);
    if (!p) return -1;
    if (!b->cap) p[0] = '\0';
    b->data = p;
    b->cap = cap;
    return 0;
}

int cgu_buf_append_grow(cg_buf *b, const char *data, size_t len) {
    if (cgu_buf_reserve(b, len) != 0) return -1;
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int cgu_buf_puts(cg_buf *b, const char *text) {
    return cgu_buf_append(b, text, strlen(text));
}

int cgu_buf_printf(cg_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return -1;
    if ((size_t)n < sizeof small) return cgu_buf_append(b, small, (size_t)n);
    if (cgu_buf_reserve(b, (size_t)n) != 0) return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

int cgu_grow_slow(void **items, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size) return -1;
        n *= 2;
    }
    void *p = realloc(*items, n * size);
    if (!p) return -1;
    *items = p;
    *cap = n;
    return 0;
}

int cgu_write_atomic(const char *path, const char *tmp, const char *head, const void *data,
                     size_t len) {
    FILE *f = fopen(tmp, "wb");
    if (!f) return -1;
    errno = 0;
    int ok = (!head || fputs(head, f) >= 0) && fwrite(data, 1, len, f) == len;
    int saved = errno;
    if (fclose(f) != 0 && ok) {
        ok = 0;
        saved = errno;
    }
    if (ok) {
        if (rename(tmp, path) == 0) return 0;
        saved = errno;
    }
    remove(tmp);
    errno = saved;
    return -1;
}

/* The whole file, NUL-terminated. A regular file is read up to the size
 * fstat() gave: entries and the index are replaced by rename, never
 * written in place, so one read does, without a second to see the end. */
int cgu_read_whole(const char *path, char **data, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    size_t cap = regular ? (size_t)st.st_size + 1 : 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (regular && n + 1 == cap) goto done;
        if (n + 1 >= cap) {
            char *p = realloc(buf, cap * 2);
            if (!p) break;
            buf = p;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n - 1);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) break;
        if (got == 0) goto done;
        n += (size_t)got;
    }
    close(fd);
    free(buf);
    return -1;
done:
    close(fd);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}
