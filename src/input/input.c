/* input.c - reading documents as byte buffers.
 *
 * A document is kept exactly as read, so that every reported offset is an
 * offset in the file. Reading never truncates: NUL bytes, invalid UTF-8 and
 * lines of any length are kept and reported as warnings. What is refused
 * (binary files, non-regular files, files over the size limit) is refused
 * with a message that names the file and says why. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input_internal.h"
#include "pdf.h"
#include "util/util.h"

#define DEFAULT_MAX_BYTES ((size_t)1 << 30)
#define DEFAULT_LONG_LINE ((size_t)1 << 20)
#define BINARY_SAMPLE 65536
/* The widest block the line index reads at once (scan_plain): 32 bytes with AVX2. */
#define WIDEST_SCAN 32
/* Larger: judged binary or not before it is analysed (make_text). */
#define LARGE_TEXT (4 * BINARY_SAMPLE)

static void set_error(cg_error *err, cg_status st, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#include <stdarg.h>
static void set_error(cg_error *err, cg_status st, const char *path, const char *fmt, ...) {
    if (!err) return;
    memset(err, 0, sizeof *err);
    err->status = st;
    if (path) snprintf(err->path, sizeof err->path, "%s", path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
}

static size_t opt_max_bytes(const cg_read_options *o) {
    return o && o->max_bytes ? o->max_bytes : DEFAULT_MAX_BYTES;
}

static size_t opt_long_line(const cg_read_options *o) {
    return o && o->long_line ? o->long_line : DEFAULT_LONG_LINE;
}

/* Recognises common binary formats by their first bytes, so that the message
 * can say what the file is. (PDF files are read as PDF before this is asked.) */
static const char *binary_magic(const unsigned char *d, size_t n) {
    if (n >= 4 && memcmp(d,
                         "\x7f"
                         "ELF",
                         4) == 0)
        return "an executable";
    if (n >= 4 && memcmp(d, "PK\x03\x04", 4) == 0) return "a ZIP archive";
    if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) return "a PNG image";
    if (n >= 3 && memcmp(d, "\xff\xd8\xff", 3) == 0) return "a JPEG image";
    if (n >= 2 && memcmp(d, "\x1f\x8b", 2) == 0) return "gzip-compressed";
    if (n >= CGU_PACKED_FAMILY_LEN && memcmp(d, CGU_PACKED_MAGIC, CGU_PACKED_FAMILY_LEN) == 0)
        return "the packed output of citegraph extract, which the graph commands read";
    if (n >= 2 && (memcmp(d, "\xff\xfe", 2) == 0 || memcmp(d, "\xfe\xff", 2) == 0))
        return "UTF-16 text; convert it to UTF-8 first";
    return NULL;
}

/* Text converted from PDF may hold a stray NUL (one real document does), so a
 * NUL alone does not make a file binary: a share of NUL or control bytes in
 * the first 64 KiB does. What the verdict counts in that sample: */
typedef struct sample_counts {
    size_t size, nul, ctrl, invalid;
} sample_counts;

/* A control byte that no text holds: below 0x20 but for NUL (counted on its own) and the
 * white space of line ends, tabs and page breaks; and DEL. */
static bool binary_control(unsigned char c) {
    return (c != 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
           c == 0x7f;
}

static const char *binary_verdict(const sample_counts *c) {
    if (c->size && ((c->nul >= 2 && c->nul * 100 > c->size) || c->nul >= 64))
        return "binary data (NUL bytes)";
    if (c->size && c->ctrl * 10 > c->size) return "binary data (control bytes)";
    /* Windows-1252 text has a few invalid bytes (its umlauts); binary data has many. */
    if (c->size >= 64 && c->invalid * 4 > c->size)
        return "binary data (not UTF-8 or Windows-1252 text)";
    return NULL;
}

/* Why d[0, n) is not text, or NULL: for a file that is neither PDF nor text (as_pdf).
 * A text document is judged by the same counts as it is analysed (analyse), in one pass. */
static const char *looks_binary(const unsigned char *d, size_t n) {
    const char *magic = binary_magic(d, n);
    if (magic) return magic;
    sample_counts c = {.size = n < BINARY_SAMPLE ? n : BINARY_SAMPLE};
    for (size_t i = 0; i < c.size;) {
        /* printable ASCII, line ends and tabs */
        i += cgu_plain_run(d + i, c.size - i,
                           CGU_PLAIN_CTRL | CGU_PLAIN_LINE_ENDS | CGU_PLAIN_LATIN1, 0x7f, 0x7f);
        if (i >= c.size) break;
        unsigned char b = d[i];
        c.nul += b == 0;
        c.ctrl += binary_control(b);
        uint32_t cp;
        int k = b < 0x80 ? 1 : cgu_utf8_decode(d + i, n - i, &cp);
        if (k == 0) {
            c.invalid++;
            k = 1;
        }
        i += (size_t)k;
    }
    return binary_verdict(&c);
}

int cgin_input_add_warning(cg_input *in, const char *fmt, ...) {
    char buf[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **w = realloc(in->warnings, (in->nwarnings + 1) * sizeof *w);
    if (!w) return -1;
    in->warnings = w;
    w[in->nwarnings] = strdup(buf);
    if (!w[in->nwarnings]) return -1;
    in->nwarnings++;
    return 0;
}

/* Where the lines end, and how long the longest are. */
typedef struct line_scan {
    size_t cap, line_start, long_lines, longest, longest_line, long_limit;
} line_scan;

/* The line ends at `nl`, its '\n': 0, or -1 when memory ran out. */
static inline int end_line(cg_input *in, line_scan *ls, size_t nl) {
    size_t len = nl - ls->line_start;
    if (len > ls->long_limit) ls->long_lines++;
    if (len > ls->longest) {
        ls->longest = len;
        ls->longest_line = in->nlines;
    }
    if (cgu_grow((void **)&in->line_starts, &ls->cap, in->nlines + 1, sizeof(size_t))) return -1;
    in->line_starts[in->nlines++] = nl + 1;
    ls->line_start = nl + 1;
    return 0;
}

/* The bytes of a block of 16 or 32 that the scan below stops at (bit i for byte i), from the
 * masks of its line ends, tabs, bytes below 0x20 or from 0x7F up ("odd"), C3 bytes and
 * continuation bytes: an odd byte, but for line ends, tabs and "ä"-like two-byte characters
 * (C3 and a continuation, both in the block). */
static inline uint32_t plain_stops(uint32_t lf, uint32_t tab, uint32_t odd, uint32_t lead,
                                   uint32_t tail) {
    uint32_t pair = (lead & (tail >> 1)) | (tail & (lead << 1));
    return odd & ~(lf | tab) & ~pair;
}

/* Records the line ends of the block at *at before its first stop: 1 when it stops (*at moves
 * to the stop), 0 when all of it is plain, -1 when memory ran out. */
static inline int take_block(cg_input *in, line_scan *ls, size_t *at, uint32_t lines,
                             uint32_t stop) {
    if (stop) lines &= (1u << __builtin_ctz(stop)) - 1;
    for (; lines; lines &= lines - 1)
        if (end_line(in, ls, *at + (size_t)__builtin_ctz(lines))) return -1;
    if (!stop) return 0;
    *at += (size_t)__builtin_ctz(stop);
    return 1;
}

/* scan_plain's loop over blocks of one width, defined once for both: V the vector type, P the
 * intrinsics' prefix (_mm, _mm256), S their suffix (si128, si256), W the block's bytes. */
#define DEFINE_SCAN_BLOCKS(NAME, ATTR, V, P, S, W)                                                 \
    ATTR static int NAME(cg_input *in, line_scan *ls, const unsigned char *d, size_t n,            \
                         size_t *at) {                                                             \
        size_t i = *at;                                                                            \
        const V lf = P##_set1_epi8('\n'), tab = P##_set1_epi8('\t'), space = P##_set1_epi8(0x20),  \
                del = P##_set1_epi8(0x7f), c3 = P##_set1_epi8((char)0xC3),                         \
                top2 = P##_set1_epi8((char)0xC0), cont = P##_set1_epi8((char)0x80);                \
        for (; i + (W) <= n; i += (W)) {                                                           \
            V v = P##_loadu_##S((const V *)(d + i));                                               \
            uint32_t lines = (uint32_t)P##_movemask_epi8(P##_cmpeq_epi8(v, lf));                   \
            /* a signed compare: the bytes from 0x80 count as below 0x20 */                        \
            uint32_t odd = (uint32_t)P##_movemask_epi8(                                            \
                P##_or_##S(P##_cmpgt_epi8(space, v), P##_cmpeq_epi8(v, del)));                     \
            uint32_t stop = plain_stops(                                                           \
                lines, (uint32_t)P##_movemask_epi8(P##_cmpeq_epi8(v, tab)), odd,                   \
                (uint32_t)P##_movemask_epi8(P##_cmpeq_epi8(v, c3)),                                \
                (uint32_t)P##_movemask_epi8(P##_cmpeq_epi8(P##_and_##S(v, top2), cont)));          \
            int taken = take_block(in, ls, &i, lines, stop);                                       \
            if (taken < 0) return -1;                                                              \
            if (taken) break;                                                                      \
        }                                                                                          \
        *at = i;                                                                                   \
        return 0;                                                                                  \
    }

#if CGU_HAVE_AVX2
DEFINE_SCAN_BLOCKS(scan_plain_avx2, __attribute__((target("avx2"))), __m256i, _mm256, si256, 32)
#endif
#if defined(__SSE2__)
DEFINE_SCAN_BLOCKS(scan_plain_sse2, , __m128i, _mm, si128, 16)
#endif

/* From d[*at], a block at a time (32 bytes with AVX2, else 16) while they are printable ASCII,
 * tabs, line ends and "ä"-like two-byte characters: the line ends taken from a mask, with no
 * stop at each (one in 48 bytes of the real corpus). Stops before the first other byte, or the
 * last block; -1 when memory ran out. */
static int scan_plain(cg_input *in, line_scan *ls, const unsigned char *d, size_t n, size_t *at,
                      unsigned width) {
#if CGU_HAVE_AVX2
    if (width >= 32 && __builtin_cpu_supports("avx2")) return scan_plain_avx2(in, ls, d, n, at);
#endif
#if defined(__SSE2__)
    if (width >= 16) return scan_plain_sse2(in, ls, d, n, at);
#endif
    /* eight bytes at a time without vector instructions: every line end stops it */
    *at += cgu_plain_run_words(d + *at, n - *at,
                               CGU_PLAIN_CTRL | CGU_PLAIN_LINE_ENDS | CGU_PLAIN_LATIN1, '\n', 0x7f);
    return 0;
}

/* Builds the line index and the warnings about content; counts in *sample what the binary
 * verdict looks at (looks_binary's counts, taken in the same pass). */
static int analyse(cg_input *in, const cg_read_options *opts, sample_counts *sample,
                   unsigned width) {
    line_scan ls = {.cap = 64, .long_limit = opt_long_line(opts)};
    in->line_starts = malloc(ls.cap * sizeof *in->line_starts);
    if (!in->line_starts) return -1;
    in->line_starts[0] = 0;
    in->nlines = 1;
    const unsigned char *d = (const unsigned char *)in->data;
    size_t n = in->size;
    size_t nul = 0, first_nul = SIZE_MAX, invalid = 0, first_invalid = SIZE_MAX;
    *sample = (sample_counts){.size = n < BINARY_SAMPLE ? n : BINARY_SAMPLE};
    size_t i = 0;
    while (i < n) {
        if (scan_plain(in, &ls, d, n, &i, width)) return -1;
        if (i >= n) break;
        unsigned char c = d[i];
        if (c == '\n') {
            if (end_line(in, &ls, i)) return -1;
            i++;
        } else if (c == 0) {
            if (!nul++) first_nul = i;
            sample->nul += i < sample->size;
            i++;
        } else if (c < 0x80) {
            sample->ctrl += i < sample->size && binary_control(c);
            i++;
        } else {
            uint32_t cp;
            int k = cgu_utf8_decode(d + i, n - i, &cp);
            if (k == 0) {
                if (!invalid++) first_invalid = i;
                sample->invalid += i < sample->size;
                k = 1;
            }
            i += (size_t)k;
        }
    }
    size_t len = n - ls.line_start;
    if (len > ls.long_limit) ls.long_lines++;
    if (len > ls.longest) {
        ls.longest = len;
        ls.longest_line = in->nlines;
    }
    in->valid_utf8 = invalid == 0;
    if (n == 0 && cgin_input_add_warning(in, "is empty") != 0) return -1;
    if (nul) {
        size_t l, c;
        cg_input_position(in, first_nul, &l, &c);
        if (cgin_input_add_warning(
                in, "contains %zu NUL byte%s (first at line %zu, column %zu); read as %s", nul,
                nul == 1 ? "" : "s", l, c, nul == 1 ? "a space" : "spaces") != 0)
            return -1;
    }
    if (invalid) {
        size_t l, c;
        cg_input_position(in, first_invalid, &l, &c);
        if (cgin_input_add_warning(
                in,
                "is not valid UTF-8 (%zu invalid byte%s, first at line %zu, column %zu); "
                "read as Windows-1252",
                invalid, invalid == 1 ? "" : "s", l, c) != 0)
            return -1;
    }
    if (ls.long_lines) {
        if (cgin_input_add_warning(
                in, "has %zu line%s longer than %zu bytes (line %zu has %zu bytes)", ls.long_lines,
                ls.long_lines == 1 ? "" : "s", ls.long_limit, ls.longest_line, ls.longest) != 0)
            return -1;
    }
    return 0;
}

/* cgin_input_make, and what the binary verdict counts (NULL: not asked). */
static cg_status make_input(const char *name, char *data, size_t size, const cg_read_options *opts,
                            cg_input **out, cg_error *err, sample_counts *sample, unsigned width) {
    cg_input *in = calloc(1, sizeof *in);
    if (!in) {
        free(data);
        set_error(err, CG_ENOMEM, name, "out of memory");
        return CG_ENOMEM;
    }
    in->data = data;
    in->size = size;
    in->file_size = size;
    in->name = strdup(name);
    sample_counts ignored;
    if (!in->name || analyse(in, opts, sample ? sample : &ignored, width) != 0) {
        cg_input_free(in);
        set_error(err, CG_ENOMEM, name, "out of memory");
        return CG_ENOMEM;
    }
    *out = in;
    return CG_OK;
}

cg_status cgin_input_make(const char *name, char *data, size_t size, const cg_read_options *opts,
                          cg_input **out, cg_error *err) {
    return make_input(name, data, size, opts, out, err, NULL, WIDEST_SCAN);
}

cg_status cgin_input_make_width(const char *name, char *data, size_t size,
                                const cg_read_options *opts, unsigned width, cg_input **out,
                                cg_error *err) {
    return make_input(name, data, size, opts, out, err, NULL, width);
}

/* The input of a file that is neither packed nor PDF: text, unless it looks binary (then
 * CG_EBINARY, and no input). Takes `data`. */
static cg_status make_text(const char *name, char *data, size_t size, const cg_read_options *opts,
                           cg_input **out, cg_error *err) {
    /* a large file is judged by its first 64 KiB before its line index is built: a video
     * saved as .txt is refused after a look at its start, as before the counts moved into
     * analyse() (the same counts; test_binary_verdict reads files on both sides of this size) */
    const char *why = size > LARGE_TEXT ? looks_binary((const unsigned char *)data, size)
                                        : binary_magic((const unsigned char *)data, size);
    sample_counts sample;
    cg_status s = CG_OK;
    if (!why) {
        s = make_input(name, data, size, opts, out, err, &sample, WIDEST_SCAN);
        if (s != CG_OK) return s;
        why = binary_verdict(&sample);
        if (!why) return CG_OK;
        cg_input_free(*out); /* and with it `data` */
        *out = NULL;
    } else {
        free(data);
    }
    set_error(err, CG_EBINARY, name, "is not a text document: %s", why);
    return CG_EBINARY;
}

/* Reads all of `fp`, or else of the regular file open as `fd`, into a buffer of its own
 * (NUL-terminated), up to the limit. `hint` is the size the file had by its stat: a file that
 * did not change since takes one read (a read that fills the byte more says it grew). */
static cg_status read_all(const char *name, FILE *fp, int fd, size_t hint,
                          const cg_read_options *opts, char **data, size_t *size, cg_error *err) {
    const size_t max = opt_max_bytes(opts);
    size_t cap = hint ? hint + 1 : 65536, len = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        set_error(err, CG_ENOMEM, name, "out of memory");
        return CG_ENOMEM;
    }
    int e = 0;
    for (;;) {
        if (len == cap) {
            if (cap >= max + 1) break;
            size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *p = realloc(buf, ncap + 1);
            if (!p) {
                free(buf);
                set_error(err, CG_ENOMEM, name, "out of memory");
                return CG_ENOMEM;
            }
            buf = p;
            cap = ncap;
        }
        size_t got;
        if (fp) {
            got = fread(buf + len, 1, cap - len, fp);
            if (ferror(fp)) e = errno ? errno : EIO;
        } else {
            ssize_t r = read(fd, buf + len, cap - len);
            if (r < 0 && errno == EINTR) continue;
            got = r < 0 ? 0 : (size_t)r;
            if (r < 0) e = errno;
        }
        len += got;
        if (e || got == 0) break;
        /* fread comes back short only at the end; read, also where a file system gives less
         * (procfs, FUSE, more than 2 GiB at once): the end only when the file has its size */
        if (len < cap && (fp || len == hint)) break;
    }
    if (e) {
        free(buf);
        set_error(err, CG_EIO, name, "cannot read: %s", strerror(e));
        return CG_EIO;
    }
    if (len > max) {
        free(buf);
        set_error(err, CG_ELIMIT, name, "is larger than the limit of %zu bytes", max);
        return CG_ELIMIT;
    }
    buf[len] = '\0';
    *data = buf;
    *size = len;
    return CG_OK;
}

/* Reads `data` as a PDF when it is one (true, with the status in *st). A
 * text that names "%PDF-" in its first lines is not: what poppler cannot
 * open and does not begin with "%PDF-" and does not look binary is read as
 * text (false). */
static bool as_pdf(const char *name, const char *data, size_t size, const cg_read_options *opts,
                   cg_input **out, cg_error *err, cg_status *st) {
    if (!cgin_is_pdf(data, size)) return false;
    *st = cgin_pdf_read(name, data, size, opts, out, err);
    if (*st == CG_EFORMAT && memcmp(data, "%PDF-", 5) != 0 &&
        !looks_binary((const unsigned char *)data, size)) {
        if (err) memset(err, 0, sizeof *err);
        return false;
    }
    return true;
}

static bool ends_with_nocase(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The packed output of `citegraph extract` (io/packed.c), recognised by its
 * first bytes when the reader asks for it (cg_read_options.packed): kept as
 * it is, not analysed as text, for the graph commands to read
 * (cg_packed_read). Takes `data`. */
static bool as_packed(const char *name, char *data, size_t size, cg_input **out, cg_error *err,
                      cg_status *st) {
    /* any version of the format: the reader says which it reads */
    if (size < CGU_PACKED_FAMILY_LEN || memcmp(data, CGU_PACKED_MAGIC, CGU_PACKED_FAMILY_LEN) != 0)
        return false;
    cg_input *in = calloc(1, sizeof *in);
    size_t *starts = malloc(sizeof *starts);
    char *copy = strdup(name);
    if (!in || !starts || !copy) {
        free(in);
        free(starts);
        free(copy);
        free(data);
        set_error(err, CG_ENOMEM, name, "out of memory");
        *st = CG_ENOMEM;
        return true;
    }
    starts[0] = 0;
    *in = (cg_input){.name = copy,
                     .data = data,
                     .size = size,
                     .file_size = size,
                     .line_starts = starts,
                     .nlines = 1,
                     .packed = true};
    *out = in;
    *st = CG_OK;
    return true;
}

cg_status cg_input_read_file(const char *path, const cg_read_options *opts, cg_input **out,
                             cg_error *err) {
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        int e = errno;
        struct stat lst;
        if (e == ENOENT && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            set_error(err, CG_EIO, path, "is a dangling symbolic link");
        else if (e == ELOOP)
            set_error(err, CG_EIO, path, "is a symbolic link loop");
        else
            set_error(err, CG_EIO, path, "cannot open: %s", strerror(e));
        return CG_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
        set_error(err, CG_ENOTFILE, path, "is a directory");
        return CG_ENOTFILE;
    }
    if (!S_ISREG(st.st_mode)) {
        /* Opening a FIFO would block until a writer appears: refuse it unread. */
        set_error(err, CG_ENOTFILE, path, "is not a regular file (%s)",
                  S_ISFIFO(st.st_mode)   ? "a FIFO"
                  : S_ISSOCK(st.st_mode) ? "a socket"
                                         : "a device");
        return CG_ENOTFILE;
    }
    if ((unsigned long long)st.st_size > (unsigned long long)opt_max_bytes(opts)) {
        set_error(err, CG_ELIMIT, path, "is larger than the limit of %zu bytes",
                  opt_max_bytes(opts));
        return CG_ELIMIT;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        set_error(err, CG_EIO, path, "cannot open: %s", strerror(errno));
        return CG_EIO;
    }
    char *data = NULL;
    size_t size = 0;
    cg_status s = read_all(path, NULL, fd, (size_t)st.st_size, opts, &data, &size, err);
    close(fd);
    if (s != CG_OK) return s;
    /* first: a packed file's first bytes say so, and its frames may hold "%PDF-" */
    if (opts && opts->packed && as_packed(path, data, size, out, err, &s)) return s;
    if (as_pdf(path, data, size, opts, out, err, &s)) {
        free(data);
        return s;
    }
    s = make_text(path, data, size, opts, out, err);
    /* a download that went wrong (an error page saved under the PDF's name) */
    if (s == CG_OK && size && ends_with_nocase(path, ".pdf") &&
        cgin_input_add_warning(*out, "is named .pdf but is not a PDF file; read as text")) {
        cg_input_free(*out);
        *out = NULL;
        set_error(err, CG_ENOMEM, path, "out of memory");
        return CG_ENOMEM;
    }
    return s;
}

cg_status cg_input_read_stream(const char *name, FILE *fp, const cg_read_options *opts,
                               cg_input **out, cg_error *err) {
    *out = NULL;
    char *data = NULL;
    size_t size = 0;
    cg_status s = read_all(name, fp, -1, 0, opts, &data, &size, err);
    if (s != CG_OK) return s;
    /* first: a packed file's first bytes say so, and its frames may hold "%PDF-" */
    if (opts && opts->packed && as_packed(name, data, size, out, err, &s)) return s;
    if (as_pdf(name, data, size, opts, out, err, &s)) {
        free(data);
        return s;
    }
    return make_text(name, data, size, opts, out, err);
}

cg_status cg_input_from_memory(const char *name, const void *data, size_t len,
                               const cg_read_options *opts, cg_input **out, cg_error *err) {
    *out = NULL;
    if (len > opt_max_bytes(opts)) {
        set_error(err, CG_ELIMIT, name, "is larger than the limit of %zu bytes",
                  opt_max_bytes(opts));
        return CG_ELIMIT;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        set_error(err, CG_ENOMEM, name, "out of memory");
        return CG_ENOMEM;
    }
    if (len) memcpy(copy, data, len);
    copy[len] = '\0';
    return cgin_input_make(name, copy, len, opts, out, err);
}

int cgin_input_prefix_warnings(cg_input *in, const char *prefix, const char *const *extra,
                               size_t nextra) {
    size_t own = in->nwarnings;
    for (size_t i = 0; i < own; i++) {
        size_t n = strlen(prefix) + strlen(in->warnings[i]) + 3;
        char *w = malloc(n);
        if (!w) return -1;
        snprintf(w, n, "%s: %s", prefix, in->warnings[i]);
        free(in->warnings[i]);
        in->warnings[i] = w;
    }
    for (size_t k = 0; k < nextra; k++)
        if (cgin_input_add_warning(in, "%s", extra[k])) return -1;
    /* the warnings about the record itself come first: they are DIP's, not the text's */
    for (size_t k = 0; k < nextra; k++) {
        char *last = in->warnings[in->nwarnings - 1];
        memmove(in->warnings + 1, in->warnings, (in->nwarnings - 1) * sizeof *in->warnings);
        in->warnings[0] = last;
    }
    return 0;
}

void cg_input_free(cg_input *in) {
    if (!in) return;
    for (size_t i = 0; i < in->nwarnings; i++)
        free(in->warnings[i]);
    free(in->warnings);
    free(in->line_starts);
    free(in->page_starts);
    free(in->page_first_line);
    for (size_t i = 0; in->page_labels && i < in->npages; i++)
        free(in->page_labels[i]);
    free(in->page_labels);
    for (size_t i = 0; i < in->nlinks; i++)
        free(in->links[i].url);
    free(in->links);
    free(in->data);
    free(in->name);
    free(in);
}

const char *cg_input_name(const cg_input *in) {
    return in->name;
}
const char *cg_input_data(const cg_input *in) {
    return in->data;
}
size_t cg_input_size(const cg_input *in) {
    return in->size;
}
size_t cg_input_warning_count(const cg_input *in) {
    return in->nwarnings;
}
const char *cg_input_warning(const cg_input *in, size_t i) {
    return i < in->nwarnings ? in->warnings[i] : NULL;
}

/* Counts characters in d[from, to): a valid UTF-8 sequence counts once, an
 * invalid byte counts once (it is read as one Windows-1252 character). */
static size_t count_chars(const cg_input *in, size_t from, size_t to) {
    const unsigned char *d = (const unsigned char *)in->data;
    size_t n = 0;
    if (in->valid_utf8) {
        for (size_t i = from; i < to; i++)
            n += (d[i] & 0xC0) != 0x80;
        return n;
    }
    size_t i = from;
    while (i < to) {
        uint32_t cp;
        int k = cgu_utf8_decode(d + i, to - i, &cp);
        i += k > 0 ? (size_t)k : 1;
        n++;
    }
    return n;
}

static size_t find_line(const cg_input *in, size_t offset) {
    size_t lo = 0, hi = in->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (in->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void cg_input_position(const cg_input *in, size_t offset, size_t *line, size_t *col) {
    if (offset > in->size) offset = in->size;
    size_t li = find_line(in, offset);
    *line = li + 1;
    *col = count_chars(in, in->line_starts[li], offset) + 1;
}

void cg_position_cursor_init(cg_position_cursor *cur, const cg_input *in) {
    cur->input = in;
    cur->line_index = 0;
    cur->offset = 0;
    cur->col = 1;
}

void cg_position_cursor_get(cg_position_cursor *cur, size_t offset, size_t *line, size_t *col) {
    const cg_input *in = cur->input;
    if (offset > in->size) offset = in->size;
    size_t li = find_line(in, offset);
    if (li == cur->line_index && offset >= cur->offset) {
        cur->col += count_chars(in, cur->offset, offset);
    } else {
        cur->col = count_chars(in, in->line_starts[li], offset) + 1;
    }
    cur->line_index = li;
    cur->offset = offset;
    *line = li + 1;
    *col = cur->col;
}

/* ---- pages of a document read from a PDF ---- */

int cgin_input_index_pages(cg_input *in) {
    if (!in->npages) return 0;
    in->page_first_line = malloc(in->npages * sizeof *in->page_first_line);
    if (!in->page_first_line) return -1;
    for (size_t i = 0; i < in->npages; i++)
        in->page_first_line[i] = find_line(in, in->page_starts[i]);
    return 0;
}

/* The 0-based page of `offset`: the last page that starts at or before it
 * (an empty page starts where the next one does, and holds nothing). */
static size_t find_page(const cg_input *in, size_t offset) {
    size_t lo = 0, hi = in->npages;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (in->page_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void cgin_page_of(const cg_input *in, size_t offset, size_t line, size_t *page, size_t *page_line) {
    *page = *page_line = 0;
    if (!in->npages) return;
    size_t p = find_page(in, offset);
    *page = p + 1;
    *page_line = line - in->page_first_line[p];
}

int cgin_page_start_at(const cg_input *in, size_t offset) {
    if (!in->npages) return 0;
    size_t p = find_page(in, offset);
    return p > 0 && in->page_starts[p] == offset;
}

const cgin_link_span *cgin_link_at(const cg_input *in, size_t offset) {
    /* the spans are sorted by offset and do not overlap (pdf_layout.c) */
    size_t lo = 0, hi = in->nlinks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (in->links[mid].offset <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo) return NULL;
    const cgin_link_span *l = &in->links[lo - 1];
    return offset < l->offset + l->length ? l : NULL;
}

void cgin_input_hash_pages(const cg_input *in, cgu_hash *h) {
    if (!in->pdf) return;
    cgu_hash_bytes(h, "pdf", 3);
    cgu_hash_bytes(h, &in->npages, sizeof in->npages);
    for (size_t i = 0; i < in->npages; i++) {
        const char *l = in->page_labels[i] ? in->page_labels[i] : "";
        cgu_hash_bytes(h, &in->page_starts[i], sizeof in->page_starts[i]);
        cgu_hash_bytes(h, l, strlen(l) + 1);
    }
    for (size_t i = 0; i < in->nlinks; i++) {
        cgu_hash_bytes(h, &in->links[i].offset, sizeof in->links[i].offset);
        cgu_hash_bytes(h, &in->links[i].length, sizeof in->links[i].length);
        cgu_hash_bytes(h, in->links[i].url, strlen(in->links[i].url) + 1);
    }
}

size_t cgin_input_file_size(const cg_input *in) {
    return in->file_size;
}

size_t cg_input_page_count(const cg_input *in) {
    return in->npages;
}

const char *cg_input_page_label(const cg_input *in, size_t page) {
    return page >= 1 && page <= in->npages ? in->page_labels[page - 1] : NULL;
}

void cg_input_page_position(const cg_input *in, size_t offset, size_t *page, size_t *line,
                            size_t *col) {
    size_t l, c;
    cg_input_position(in, offset, &l, &c);
    cgin_page_of(in, offset > in->size ? in->size : offset, l, page, line);
    if (!*page) *line = l;
    *col = c;
}

bool cg_input_is_packed(const cg_input *in) {
    return in->packed;
}

bool cg_input_is_pdf(const cg_input *in) {
    return in->pdf != 0;
}
