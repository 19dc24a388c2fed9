/* test_normalize.c - normalised text and the map back to original offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "normalize/normalize.h"

typedef struct norm_case {
    const char *in;
    const char *out;
} norm_case;

static const norm_case cases[] = {
    {"plain ASCII", "plain ASCII"},
    {"a\r\nb\rc", "a\nb\nc"},                                /* CRLF, lone CR */
    {"Bundestags-\ndrucksache", "Bundestagsdrucksache"},     /* word split */
    {"Bundestags- \n\n drucksache", "Bundestagsdrucksache"}, /* with a page break between */
    {"BT-\nDrs.", "BT-\nDrs."},                              /* a real hyphen keeps its break */
    {"Bundestags-Drucksache 19-5954 -x Ende-", "Bundestags-Drucksache 19-5954 -x Ende-"},
    {"Gr\xC3\xBC\xC3\x9F-\xC3\xA4", "Gr\xC3\xBC\xC3\x9F-\xC3\xA4"}, /* hyphens inside a line */
    {"Bundestags- \t\r\ndrucksache", "Bundestagsdrucksache"}, /* white space, then the break */
    {"Bundestags-\t\ndrucksache", "Bundestagsdrucksache"},    /* a tab right after the hyphen */
    {"Bundestags-\fdrucksache", "Bundestagsdrucksache"},      /* a page break */
    {"Bundestags-\r\ndrucksache", "Bundestagsdrucksache"},    /* CRLF */
    {"nachfol-\nDeutscher Bundestag", "nachfol-\nDeutscher Bundestag"}, /* a page head between */
    {"https://dserver.bundes-\ntag.de", "https://dserver.bundes-\ntag.de"}, /* URLs: left alone */
    {"19\xC2\xA0"
     "5954",
     "19 5954"}, /* NBSP */
    {"a\xE2\x80\x82"
     "b\xE2\x80\x87"
     "c\xE2\x80\xAF"
     "d",
     "a b c d"}, /* EN, FIGURE, NNBSP */
    {"Ab\xC2\xAD"
     "satz",
     "Absatz"},                                                 /* soft hyphen vanishes */
    {"Wort\xC2\xAD\nteil", "Wortteil"},                         /* soft hyphen at a line end */
    {"\xE2\x80\x93 Drucksache \xE2\x80\x94", "- Drucksache -"}, /* dashes */
    {"x\xE2\x80\x91y", "x-y"},                                  /* non-breaking hyphen */
    {"Stra\xDF"
     "e",
     "Stra\xC3\x9F"
     "e"},                              /* Latin-1 byte */
    {"\x80 Euro", "\xE2\x82\xAC Euro"}, /* Windows-1252 euro */
    {"Gr\xC3\xBC\xC3\x9F"
     "e",
     "Gr\xC3\xBC\xC3\x9F"
     "e"},                        /* valid UTF-8 unchanged */
    {"\xEF\xBB\xBFText", "Text"}, /* BOM */
    {"a\x01"
     "b\tc\fd",
     "a b\tc\nd"}, /* control bytes, form feed */
};

static void test_text(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cg_normalized n;
        assert_int_equal(cg_normalize(cases[i].in, strlen(cases[i].in), &n), 0);
        assert_string_equal(n.text, cases[i].out);
        cg_normalized_release(&n);
    }
}

static void test_nul_is_kept_as_space(void **state) {
    (void)state;
    const char in[] = "Luftverkehr\0 steuer";
    cg_normalized n;
    assert_int_equal(cg_normalize(in, sizeof in - 1, &n), 0);
    assert_int_equal(n.len, sizeof in - 1);
    assert_string_equal(n.text, "Luftverkehr  steuer");
    cg_normalized_release(&n);
}

/* Every normalised character maps back to the original byte it came from. */
static void test_offsets(void **state) {
    (void)state;
    const char *in = "\xE2\x80\x93 Bundestags-\r\ndrucksache\xC2\xA0"
                     "19/5954";
    cg_normalized n;
    assert_int_equal(cg_normalize(in, strlen(in), &n), 0);
    assert_string_equal(n.text, "- Bundestagsdrucksache 19/5954");
    assert_int_equal(cg_norm_orig_start(&n, 0), 0); /* the dash: 3 bytes */
    assert_int_equal(cg_norm_orig_end(&n, 1), 3);
    assert_int_equal(cg_norm_orig_start(&n, 2), 4); /* "B" */
    size_t d = strlen("- Bundestags");              /* "d" after the join */
    assert_int_equal(cg_norm_orig_start(&n, d), strlen("\xE2\x80\x93 Bundestags-\r\n"));
    size_t sp = strlen("- Bundestagsdrucksache"); /* the NBSP */
    assert_int_equal(cg_norm_orig_start(&n, sp), strlen("\xE2\x80\x93 Bundestags-\r\ndrucksache"));
    assert_int_equal(cg_norm_orig_start(&n, sp + 1), strlen(in) - 7);
    assert_int_equal(cg_norm_orig_end(&n, n.len), strlen(in));
    assert_int_equal(cg_norm_orig_start(&n, n.len), strlen(in));
    cg_normalized_release(&n);
}

static void test_empty(void **state) {
    (void)state;
    cg_normalized n;
    assert_int_equal(cg_normalize("", 0, &n), 0);
    assert_int_equal(n.len, 0);
    assert_string_equal(n.text, "");
    assert_int_equal(cg_norm_orig_start(&n, 0), 0);
    cg_normalized_release(&n);
}

/* The output is valid UTF-8 whatever the input: the extractor hands it to PCRE2 without a UTF
 * check (match.c), which on invalid UTF-8 would read past a character. Random texts from bytes
 * that break UTF-8: lead bytes without their continuations, continuations alone, overlong and
 * surrogate forms, Windows-1252, NUL, CR, hyphens at line ends, umlauts at the 16-byte edges of
 * the vector loop. */
/* UTF-8 as RFC 3629 defines it, written out here rather than taken from util/utf8.c, which
 * cg_normalize decodes with: no overlong form, no surrogate, nothing above U+10FFFF. */
static bool valid_utf8(const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80                 ? 1
                   : c >= 0xC2 && c <= 0xDF ? 2
                   : c >= 0xE0 && c <= 0xEF ? 3
                   : c >= 0xF0 && c <= 0xF4 ? 4
                                            : 0;
        if (!k || i + k > n) return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return false;
        if (c == 0xE0 && s[i + 1] < 0xA0) return false; /* overlong */
        if (c == 0xED && s[i + 1] > 0x9F) return false; /* a surrogate */
        if (c == 0xF0 && s[i + 1] < 0x90) return false; /* overlong */
        if (c == 0xF4 && s[i + 1] > 0x8F) return false; /* above U+10FFFF */
        i += k;
    }
    return true;
}

static void test_output_is_valid_utf8(void **state) {
    (void)state;
    static const unsigned char alphabet[] = {'a',  'Z',  ' ',  '\n', '\r', '-',  '/',  '1',
                                             0x00, 0x01, 0x7F, 0x80, 0x93, 0x9F, 0xA0, 0xA4,
                                             0xAD, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF, 0xE0,
                                             0xE2, 0xED, 0xEF, 0xBB, 0xF0, 0xF4, 0xF5, 0xFF};
    uint64_t r = 0x9E3779B97F4A7C15u;
    unsigned char text[256];
    for (int k = 0; k < 20000; k++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        size_t len = (size_t)(r % sizeof text);
        for (size_t i = 0; i < len; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            /* one byte in four any byte at all, the rest from the alphabet */
            text[i] =
                (r >> 8) % 4 ? alphabet[(r >> 16) % sizeof alphabet] : (unsigned char)(r >> 24);
        }
        cg_normalized n;
        assert_int_equal(cg_normalize((const char *)text, len, &n), 0);
        if (!valid_utf8((const unsigned char *)n.text, n.len))
            fail_msg("text %d of %zu bytes: not valid UTF-8", k, len);
        assert_int_equal(n.text[n.len], '\0');
        cg_normalized_release(&n);
    }
}

/* The bytes copied as they are are found a block at a time (32 bytes with AVX2, 16 with SSE2;
 * on a processor without AVX2 the 32 runs the SSE2 loop again), with the bytes before and
 * after each block in view; a byte at a time is the reference. The
 * texts crowd what the blocks decide on: hyphens before white space, line ends after '/',
 * "ä" (C3 A4) and lone C3s and continuations, across the block edges. */
static void same_normalisation(const unsigned char *in, size_t len, int k) {
    /* in a buffer of exactly `len` bytes: a load past the end is a read AddressSanitizer sees */
    unsigned char *text = malloc(len ? len : 1);
    assert_non_null(text);
    if (len) memcpy(text, in, len);
    cg_normalized ref;
    assert_int_equal(cgn_normalize_width((const char *)text, len, &ref, 1), 0);
    static const unsigned widths[] = {16, 32};
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        cg_normalized n;
        assert_int_equal(cgn_normalize_width((const char *)text, len, &n, widths[w]), 0);
        if (n.len != ref.len || memcmp(n.text, ref.text, n.len) != 0)
            fail_msg("text %d of %zu bytes: %u bytes at a time normalise it differently", k, len,
                     widths[w]);
        assert_int_equal(n.nsegs, ref.nsegs);
        for (size_t i = 0; i < n.nsegs; i++)
            if (n.segs[i].norm != ref.segs[i].norm || n.segs[i].orig != ref.segs[i].orig ||
                n.segs[i].nlen != ref.segs[i].nlen || n.segs[i].olen != ref.segs[i].olen ||
                n.segs[i].copy != ref.segs[i].copy)
                fail_msg("text %d: segment %zu differs at %u bytes at a time", k, i, widths[w]);
        cg_normalized_release(&n);
    }
    cg_normalized_release(&ref);
    free(text);
}

static void test_blocks_copy_what_bytes_copy(void **state) {
    (void)state;
    static const unsigned char alphabet[] = {'a',  'Z',  ' ',  '\n', '\t', '\r', '\f', '-',
                                             '/',  '1',  0x7F, 0x01, 0x00, 0xC3, 0xA4, 0x80,
                                             0xBF, 0xC2, 0xAD, 0xE2, 0x80, 0x93, 'x',  'y'};
    uint64_t r = 0x2545F4914F6CDD1Du;
    unsigned char text[300];
    for (int k = 0; k < 20000; k++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        size_t len = (size_t)(r % sizeof text);
        /* mostly plain text, so that blocks get far, with the alphabet's bytes strewn in */
        unsigned density = 2 + (unsigned)((r >> 20) % 30);
        for (size_t i = 0; i < len; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            text[i] = (r >> 8) % density ? (unsigned char)('a' + (r >> 16) % 26)
                                         : alphabet[(r >> 24) % sizeof alphabet];
        }
        same_normalisation(text, len, k);
    }
    /* each decisive pair at every offset of two blocks */
    static const char *const pairs[] = {"-\n", "- ",       "-\t",      "-\r",   "-\f",   "-x",
                                        "/\n", "\xC3\xA4", "\xC3\xC3", "x\xA4", "\xC3\n"};
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++)
        for (size_t at = 0; at + 2 <= 70; at++) {
            memset(text, 'a', 70);
            memcpy(text + at, pairs[p], 2);
            same_normalisation(text, 70, (int)(p * 100 + at));
        }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_nul_is_kept_as_space),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_output_is_valid_utf8),
        cmocka_unit_test(test_blocks_copy_what_bytes_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
