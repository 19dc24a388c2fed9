/* test_input.c - reading files: what is kept, what is refused, and the messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "citegraph/citegraph.h"
#include "input/input_internal.h"
#include "util/util.h"

static char dir[256];

static void write_file(const char *name, const void *data, size_t len) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/cg_test_input_XXXXXX");
    if (!mkdtemp(dir)) return -1;
    return 0;
}

static int teardown(void **state) {
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static cg_status read_named(const char *name, cg_input **in, cg_error *err) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return cg_input_read_file(path, NULL, in, err);
}

static void test_text_is_kept_exactly(void **state) {
    (void)state;
    const char data[] = "Zeile 1\r\nLuftverkehr\0 steuer\n";
    write_file("nul.txt", data, sizeof data - 1);
    cg_input *in = NULL;
    cg_error err;
    assert_int_equal(read_named("nul.txt", &in, &err), CG_OK);
    assert_int_equal(cg_input_size(in), sizeof data - 1);
    assert_memory_equal(cg_input_data(in), data, sizeof data - 1);
    assert_int_equal(cg_input_warning_count(in), 1);
    assert_string_equal(cg_input_warning(in, 0),
                        "contains 1 NUL byte (first at line 2, column 12); read as a space");
    size_t line, col;
    cg_input_position(in, 9, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    cg_input_free(in);
}

/* A file whose reads come back short before its end (procfs: its stat says 0 bytes, and a
 * read gives a page at most) is read to its end, not to the first short read. */
static void test_short_reads(void **state) {
    (void)state;
    const char *proc = "/proc/self/smaps";
    struct stat st;
    if (stat(proc, &st) != 0) skip();
    cg_input *in = NULL;
    cg_error err;
    assert_int_equal(cg_input_read_file(proc, NULL, &in, &err), CG_OK);
    /* several pages, ending with a whole line, as the file does */
    assert_true(cg_input_size(in) > 3 * 4096);
    assert_int_equal(cg_input_data(in)[cg_input_size(in) - 1], '\n');
    cg_input_free(in);
}

static void test_warnings(void **state) {
    (void)state;
    cg_input *in = NULL;
    write_file("empty.txt", "", 0);
    assert_int_equal(read_named("empty.txt", &in, NULL), CG_OK);
    assert_string_equal(cg_input_warning(in, 0), "is empty");
    cg_input_free(in);

    write_file("latin1.txt",
               "Stra\xDF"
               "e\n",
               6);
    assert_int_equal(read_named("latin1.txt", &in, NULL), CG_OK);
    assert_string_equal(cg_input_warning(in, 0),
                        "is not valid UTF-8 (1 invalid byte, first at line 1, column 5); read as "
                        "Windows-1252");
    cg_input_free(in);

    cg_read_options opts = {.long_line = 10};
    assert_int_equal(cg_input_from_memory("long", "short\n0123456789ABC\n", 20, &opts, &in, NULL),
                     CG_OK);
    assert_string_equal(cg_input_warning(in, 0),
                        "has 1 line longer than 10 bytes (line 2 has 13 bytes)");
    cg_input_free(in);
}

/* The line index and the content warnings, built sixteen bytes at a time
 * where the bytes are plain, against a byte-by-byte count: random texts of
 * ASCII, line ends, umlauts, NUL, stray continuation bytes and cut
 * sequences, at every length and alignment of a block. */
static void test_line_index_against_a_byte_count(void **state) {
    (void)state;
    static const char *const pieces[] = {"a",    "bc ",      "Zeile",           "\n",
                                         "\n\n", "\xC3\xA4", "\xC3\x9F",        "\xC3",
                                         "\x80", "\0",       "\xE2\x80\x93",    "\xF0\x9F\x98\x80",
                                         "\xFF", "\r\n",     "0123456789abcdef"};
    unsigned seed = 7;
    char text[600];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0, target = (size_t)(round % 300);
        while (len < target) {
            seed = seed * 1103515245u + 12345u;
            size_t k = (seed >> 16) % (sizeof pieces / sizeof pieces[0]);
            /* "\0" is one byte, the others as long as their strings */
            size_t n = k == 9 ? 1 : strlen(pieces[k]);
            if (len + n > sizeof text) break;
            memcpy(text + len, pieces[k], n);
            len += n;
        }
        /* the byte-by-byte count */
        size_t lines = 1, line_start = 0, long_lines = 0, longest = 0, longest_line = 0;
        size_t nul = 0, invalid = 0;
        size_t line_of[sizeof text + 1];
        for (size_t i = 0; i < len;) {
            const unsigned char c = (unsigned char)text[i];
            size_t k = 1;
            if (c >= 0x80) {
                uint32_t cp;
                int m = cgu_utf8_decode((const unsigned char *)text + i, len - i, &cp);
                if (m == 0)
                    invalid++;
                else
                    k = (size_t)m;
            }
            for (size_t j = i; j < i + k; j++)
                line_of[j] = lines;
            if (c == '\n') {
                if (i - line_start > 20) long_lines++;
                if (i - line_start > longest) {
                    longest = i - line_start;
                    longest_line = lines;
                }
                lines++;
                line_start = i + 1;
            } else if (c == 0) {
                nul++;
            }
            i += k;
        }
        if (len - line_start > 20) long_lines++;
        if (len - line_start > longest) {
            longest = len - line_start;
            longest_line = lines;
        }
        cg_read_options opts = {.long_line = 20};
        /* the line index built 32 bytes at a time (AVX2, where this processor has it), 16
         * (SSE2) and 8 (without vector instructions): each the same as the count */
        static const unsigned widths[] = {32, 16, 8};
        for (size_t wi = 0; wi < 3; wi++) {
            char *copy = malloc(len + 1);
            assert_non_null(copy);
            memcpy(copy, text, len);
            copy[len] = '\0';
            cg_input *in = NULL;
            assert_int_equal(cgin_input_make_width("r", copy, len, &opts, widths[wi], &in, NULL),
                             CG_OK);
            for (size_t i = 0; i < len; i++) {
                size_t line, col;
                cg_input_position(in, i, &line, &col);
                assert_int_equal(line, line_of[i]);
            }
            char want[200];
            size_t w = 0, count = cg_input_warning_count(in);
#define NEXT_WARNING() (w < count ? cg_input_warning(in, w++) : "(none)")
        if (len == 0) assert_string_equal(NEXT_WARNING(), "is empty");
        if (nul) {
            snprintf(want, sizeof want, "contains %zu NUL byte", nul);
            assert_memory_equal(NEXT_WARNING(), want, strlen(want));
        }
        if (invalid) {
            snprintf(want, sizeof want, "is not valid UTF-8 (%zu invalid byte", invalid);
            assert_memory_equal(NEXT_WARNING(), want, strlen(want));
        }
        if (long_lines) {
            snprintf(want, sizeof want,
                     "has %zu line%s longer than 20 bytes (line %zu has %zu bytes)", long_lines,
                     long_lines == 1 ? "" : "s", longest_line, longest);
            assert_string_equal(NEXT_WARNING(), want);
        }
        assert_int_equal(count, w);
#undef NEXT_WARNING
        cg_input_free(in);
        }
    }
}

/* The binary verdict looks at the first 64 KiB only, and counts there NUL bytes, control
 * bytes (not CR, tab, form feed: text has them) and bytes that are not UTF-8; each file below
 * sits on one side of a limit. */
static void test_binary_verdict(void **state) {
    (void)state;
    /* a file of up to 256 KiB is judged in the pass that builds its line index, a larger one
     * before it: both sizes, the same verdicts */
    enum { SAMPLE = 65536, SMALL = 100000, LARGE = 300000 };
    static unsigned char d[LARGE];
    static const struct {
        size_t from, to; /* [from, to) of the file is `fill`, the rest "text\n" */
        unsigned char fill;
        const char *why; /* NULL: read as text */
    } cases[] = {
        {SAMPLE - 6600, SAMPLE, 0x01, "binary data (control bytes)"}, /* 10.07 % of the sample */
        {SAMPLE - 6500, SAMPLE, 0x01, NULL},                          /* 9.92 % */
        {SAMPLE, SAMPLE + 20000, 0x01, NULL},                         /* after the sample */
        {SAMPLE - 6600, SAMPLE, 0x7f, "binary data (control bytes)"}, /* DEL */
        {SAMPLE - 6600, SAMPLE, '\r', NULL},                          /* CR is text */
        {SAMPLE - 6600, SAMPLE, '\f', NULL},                          /* and form feed */
        {SAMPLE - 700, SAMPLE, 0x00, "binary data (NUL bytes)"},      /* 1.07 % */
        {SAMPLE - 63, SAMPLE, 0x00, NULL},                            /* 63 NUL: 0.1 % */
        {SAMPLE - 64, SAMPLE, 0x00, "binary data (NUL bytes)"},       /* 64 */
        {SAMPLE, SAMPLE + 700, 0x00, NULL},                           /* after the sample */
        {SAMPLE - 1, SAMPLE + 700, 0x00, NULL},                       /* one in it */
        {0, 16400, 0xff, "binary data (not UTF-8 or Windows-1252 text)"}, /* 25.02 % */
        {0, 16300, 0xff, NULL},                                           /* 24.87 % */
        {SAMPLE - 1, SAMPLE + 30000, 0xff, NULL}, /* all but one after the sample */
    };
    static const size_t sizes[] = {SMALL, LARGE};
    for (size_t z = 0; z < 2; z++)
        for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
            size_t size = sizes[z];
            for (size_t i = 0; i < size; i++)
                d[i] = i >= cases[k].from && i < cases[k].to ? cases[k].fill
                                                             : (unsigned char)"text\n"[i % 5];
            write_file("verdict.txt", d, size);
            cg_input *in = NULL;
            cg_error err;
            cg_status st = read_named("verdict.txt", &in, &err);
            if (cases[k].why) {
                if (st != CG_EBINARY) fail_msg("case %zu, %zu bytes: read as text", k, size);
                assert_null(in);
                char want[128];
                snprintf(want, sizeof want, "is not a text document: %s", cases[k].why);
                assert_string_equal(err.text, want);
            } else {
                if (st != CG_OK) fail_msg("case %zu, %zu bytes: %s", k, size, err.text);
                assert_int_equal(cg_input_size(in), size);
                if (cases[k].fill == 0x00) /* the NUL bytes are named, as a warning */
                    assert_non_null(strstr(cg_input_warning(in, 0), "NUL byte"));
                cg_input_free(in);
            }
        }
}

static void test_refusals(void **state) {
    (void)state;
    cg_input *in = NULL;
    cg_error err;
    unsigned char bin[4096];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (unsigned char)(i * 7);
    write_file("blob.bin", bin, sizeof bin);
    assert_int_equal(read_named("blob.bin", &in, &err), CG_EBINARY);
    assert_null(in);
    assert_non_null(strstr(err.path, "blob.bin"));
    assert_string_equal(err.text, "is not a text document: binary data (control bytes)");
    unsigned char zeros[100] = {'a', 'b'};
    write_file("zeros.dat", zeros, sizeof zeros);
    assert_int_equal(read_named("zeros.dat", &in, &err), CG_EBINARY);
    assert_string_equal(err.text, "is not a text document: binary data (NUL bytes)");

    /* a PDF is recognised by its content and read as a PDF: this one is only a header */
    write_file("doc.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15);
#ifdef CG_HAVE_POPPLER
    assert_int_equal(read_named("doc.pdf", &in, &err), CG_EFORMAT);
    assert_non_null(strstr(err.text, "is a damaged PDF file that poppler cannot open"));
#else
    assert_int_equal(read_named("doc.pdf", &in, &err), CG_EUNSUPPORTED);
    assert_non_null(strstr(err.text, "built without PDF support: install libpoppler-glib-dev"));
#endif
    assert_null(in);

    assert_int_equal(read_named("missing.txt", &in, &err), CG_EIO);
    assert_string_equal(err.text, "cannot open: No such file or directory");

    assert_int_equal(cg_input_read_file(dir, NULL, &in, &err), CG_ENOTFILE);
    assert_string_equal(err.text, "is a directory");

    char fifo[512];
    snprintf(fifo, sizeof fifo, "%s/fifo.txt", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(cg_input_read_file(fifo, NULL, &in, &err), CG_ENOTFILE);
    assert_string_equal(err.text, "is not a regular file (a FIFO)");
    unlink(fifo);

    char link[512];
    snprintf(link, sizeof link, "%s/dangling.txt", dir);
    assert_int_equal(symlink("/nonexistent/target", link), 0);
    assert_int_equal(cg_input_read_file(link, NULL, &in, &err), CG_EIO);
    assert_string_equal(err.text, "is a dangling symbolic link");
    unlink(link);

    cg_read_options small = {.max_bytes = 8};
    write_file("big.txt", "0123456789", 10);
    assert_int_equal(read_named("big.txt", &in, &err), CG_OK);
    cg_input_free(in);
    char path[512];
    snprintf(path, sizeof path, "%s/big.txt", dir);
    assert_int_equal(cg_input_read_file(path, &small, &in, &err), CG_ELIMIT);
    assert_string_equal(err.text, "is larger than the limit of 8 bytes");
}

#ifdef CG_HAVE_POPPLER
/* A PDF through the public API: its pages, their labels, positions on them;
 * and the page limit. */
static void test_pdf_pages(void **state) {
    (void)state;
    const char *path = CG_SOURCE_DIR "/tests/pdf/bad/manypages.pdf";
    cg_input *in = NULL;
    cg_error err;
    assert_int_equal(cg_input_read_file(path, NULL, &in, &err), CG_OK);
    assert_true(cg_input_is_pdf(in));
    assert_int_equal(cg_input_page_count(in), 12);
    const char *text = cg_input_data(in);
    const char *ref = strstr(text, "Siehe Drucksache 19/1212.");
    assert_non_null(ref);
    size_t page, line, col;
    cg_input_page_position(in, (size_t)(ref - text) + 6, &page, &line, &col);
    assert_int_equal(page, 12);
    assert_int_equal(line, 3);
    assert_int_equal(col, 7);
    cg_input_page_position(in, 0, &page, &line, &col);
    assert_int_equal(page, 1);
    assert_int_equal(line, 1);
    cg_input_free(in);

    cg_read_options few = {.max_pages = 11};
    assert_int_equal(cg_input_read_file(path, &few, &in, &err), CG_ELIMIT);
    assert_null(in);
    assert_string_equal(err.text, "is a PDF of 12 pages, more than the limit of 11");
    few.max_pages = 12;
    assert_int_equal(cg_input_read_file(path, &few, &in, &err), CG_OK);
    cg_input_free(in);

    /* a text file has no pages: positions are the file's */
    assert_int_equal(cg_input_from_memory("t", "a\nb", 3, NULL, &in, NULL), CG_OK);
    assert_false(cg_input_is_pdf(in));
    assert_int_equal(cg_input_page_count(in), 0);
    assert_null(cg_input_page_label(in, 1));
    cg_input_page_position(in, 2, &page, &line, &col);
    assert_int_equal(page, 0);
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    cg_input_free(in);
}
#endif

static void test_path_list(void **state) {
    (void)state;
    char sub[512], path[600];
    snprintf(sub, sizeof sub, "%s/tree", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/b", sub);
    assert_int_equal(mkdir(path, 0700), 0);
    const char *files[] = {"tree/b/z.txt", "tree/a.txt", "tree/B.txt", "tree/.hidden.txt",
                           "tree/notes.md"};
    for (size_t i = 0; i < 5; i++)
        write_file(files[i], "x\n", 2);
    snprintf(path, sizeof path, "%s/b/loop", sub);
    assert_int_equal(symlink("..", path), 0);
    cg_path_list list = {0};
    assert_int_equal(cg_path_list_add(&list, sub, NULL, NULL), CG_OK);
    /* byte-wise order: "B.txt" < "a.txt" < "b/..." */
    assert_int_equal(list.count, 4);
    assert_non_null(strstr(list.items[0].path, "tree/B.txt"));
    assert_non_null(strstr(list.items[1].path, "tree/a.txt"));
    assert_non_null(strstr(list.items[2].path, "tree/b/loop"));
    assert_int_equal(list.items[2].status, CG_EIO);
    assert_string_equal(list.items[2].message,
                        "is a symbolic link loop (a directory that contains itself)");
    assert_non_null(strstr(list.items[3].path, "tree/b/z.txt"));
    cg_path_list_release(&list);

    const char *const md[] = {".md", NULL};
    assert_int_equal(cg_path_list_add(&list, sub, md, NULL), CG_OK);
    assert_int_equal(list.count, 2); /* notes.md and the loop */
    cg_path_list_release(&list);

    /* a file named directly is taken whatever its ending */
    snprintf(path, sizeof path, "%s/notes.md", sub);
    assert_int_equal(cg_path_list_add(&list, path, NULL, NULL), CG_OK);
    assert_int_equal(list.count, 1);
    assert_int_equal(list.items[0].status, CG_OK);
    assert_int_equal(cg_path_list_add(&list, "-", NULL, NULL), CG_OK);
    assert_string_equal(list.items[1].path, "-");
    cg_path_list_release(&list);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_is_kept_exactly),
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_line_index_against_a_byte_count),
        cmocka_unit_test(test_short_reads),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_binary_verdict),
        cmocka_unit_test(test_path_list),
#ifdef CG_HAVE_POPPLER
        cmocka_unit_test(test_pdf_pages),
#endif
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
