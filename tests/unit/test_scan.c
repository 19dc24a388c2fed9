/* test_scan.c - the vectorised scans give what a byte-by-byte scan gives: cgu_plain_run (the
 * plain ASCII that the input analysis, the binary check, normalisation and the UTF-8 check
 * skip), with and without vector instructions, cgx_find_literal (the triggers'
 * literals, searched by a pair of their bytes), cgx_literals_scan (all of them in one pass)
 * and cgu_line_start (a line's start, found back from a position), on random texts made of the
 * bytes that matter, at every start and end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

/* cmocka needs the headers above first */
#include <stdlib.h>
#include <string.h>

#include "extract/xctx.h"
#include "util/util.h"

static uint64_t seed = 0x9E3779B97F4A7C15ULL;

static unsigned next_random(void) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (unsigned)(seed >> 32);
}

/* Text that is mostly plain ASCII, with the bytes each scan stops at now and then. */
static void random_text(unsigned char *t, size_t n, unsigned rare) {
    static const unsigned char odd[] = {'\n', '\t', '\r', 0,    0x7f, '-',  '/',  0xC3, 0xA4,
                                        0xE2, 0x80, 0x93, 0x1f, 0x0c, 0xFF, 0xC3, 0xC3, 0xB6};
    for (size_t i = 0; i < n; i++)
        t[i] = next_random() % rare == 0 ? odd[next_random() % sizeof odd]
                                         : (unsigned char)(0x20 + next_random() % 0x5f);
}

static bool continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

/* Whether t[i] of t[0, n) is plain, by the definition of cgu_plain_run. */
static bool plain(const unsigned char *t, size_t n, size_t i, unsigned flags, unsigned char a,
                  unsigned char b) {
    unsigned char c = t[i];
    if ((flags & CGU_PLAIN_LATIN1) && ((c == 0xC3 && i + 1 < n && continuation(t[i + 1])) ||
                                       (continuation(c) && i > 0 && t[i - 1] == 0xC3)))
        return true;
    if (c >= 0x80 || c == a || c == b) return false;
    if (!(flags & CGU_PLAIN_CTRL) || c >= 0x20) return true;
    return (flags & CGU_PLAIN_LINE_ENDS) && (c == '\n' || c == '\t');
}

/* The run never reaches past the first byte that is not plain; with vectors it stops right
 * there unless that byte stands in the last, incomplete block of sixteen. */
static void check_run(const unsigned char *t, size_t n, unsigned flags, unsigned char a,
                      unsigned char b) {
    size_t first = 0;
    while (first < n && plain(t, n, first, flags, a, b))
        first++;
    /* without vectors, line ends and all bytes above 0x7F stop the run */
    size_t first_word = 0;
    unsigned word_flags = flags & ~(unsigned)(CGU_PLAIN_LINE_ENDS | CGU_PLAIN_LATIN1);
    while (first_word < n && plain(t, n, first_word, word_flags, a, b))
        first_word++;
    size_t words = cgu_plain_run_words(t, n, flags, a, b);
    assert_true(words <= first_word);
    assert_true(words % 8 == 0);
    /* only a block with such a byte stops it */
    assert_true(words + 8 > first_word || words + 8 > n);
    size_t run = cgu_plain_run(t, n, flags, a, b);
    assert_true(run <= first);
#if defined(__SSE2__)
    /* it stops right there, but for a character of two bytes that a block cuts in two */
    size_t whole = n - n % 16, want = first < whole ? first : whole;
    if (run != want) {
        assert_true(flags & CGU_PLAIN_LATIN1);
        assert_true((run % 16 == 15 && t[run] == 0xC3) || (run % 16 == 0 && continuation(t[run])));
    }
#endif
}

static void test_plain_run(void **state) {
    (void)state;
    static const struct {
        unsigned flags;
        unsigned char a, b;
    } kinds[] = {
        {CGU_PLAIN_CTRL | CGU_PLAIN_LINE_ENDS | CGU_PLAIN_LATIN1, 0x7f, 0x7f}, /* binary? */
        {CGU_PLAIN_LATIN1, '\n', 0},                                           /* the line index */
        {CGU_PLAIN_CTRL | CGU_PLAIN_LATIN1, 0x7f, '-'},                        /* normalisation */
        {CGU_PLAIN_LATIN1, 0x80, 0x80},                                        /* the UTF-8 check */
        {CGU_PLAIN_LATIN1, 0, 0}, /* the same, for JSON: NUL stops it */
        {CGU_PLAIN_CTRL | CGU_PLAIN_LINE_ENDS, 0x7f, 0x7f},
        {0, '\n', 0},
    };
    unsigned char t[200];
    for (int round = 0; round < 3000; round++) {
        size_t n = next_random() % sizeof t;
        random_text(t, n, 8 + next_random() % 200);
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            for (size_t from = 0; from <= n; from += 1 + next_random() % 7)
                check_run(t + from, n - from, kinds[k].flags, kinds[k].a, kinds[k].b);
    }
}

/* cgu_line_start against a walk back byte by byte, at every position of random texts whose
 * lines are short and long (line ends at every offset of a block, none at all). Each text in
 * a buffer of its own length, so that AddressSanitizer sees a load before its start. */
static void test_line_start(void **state) {
    (void)state;
    for (int round = 0; round < 3000; round++) {
        size_t n = next_random() % 300;
        char *t = malloc(n ? n : 1);
        assert_non_null(t);
        unsigned rare = 1 + next_random() % 120; /* one line end in `rare` bytes */
        for (size_t i = 0; i < n; i++)
            t[i] = next_random() % rare == 0 ? '\n' : (char)(0x20 + next_random() % 0x5f);
        for (size_t pos = 0; pos <= n; pos++) {
            size_t want = pos;
            while (want > 0 && t[want - 1] != '\n')
                want--;
            assert_int_equal(cgu_line_start(t, pos), want);
        }
        free(t);
    }
}

/* cgu_find against trying every start, on texts of few letters (so that first bytes recur and
 * matches overlap), each in a buffer of its exact size (ASan sees a read past it). */
static void test_find(void **state) {
    (void)state;
    for (int round = 0; round < 3000; round++) {
        size_t n = next_random() % 80, k = next_random() % 5;
        char *t = malloc(n ? n : 1), lit[4];
        assert_non_null(t);
        for (size_t i = 0; i < n; i++)
            t[i] = (char)('a' + next_random() % 3);
        for (size_t i = 0; i < k; i++)
            lit[i] = (char)('a' + next_random() % 3);
        const char *want = NULL;
        for (size_t i = 0; k && i + k <= n && !want; i++)
            if (memcmp(t + i, lit, k) == 0) want = t + i;
        assert_ptr_equal(cgu_find(t, n, lit, k), want);
        free(t);
    }
}

/* cgu_utf8_valid against decoding every character one by one. */
static void test_utf8_valid(void **state) {
    (void)state;
    unsigned char t[200];
    for (int round = 0; round < 3000; round++) {
        size_t n = next_random() % sizeof t;
        random_text(t, n, 8 + next_random() % 200);
        bool valid = true, nul = false;
        for (size_t i = 0; i < n && valid;) {
            uint32_t cp;
            int k = cgu_utf8_decode_long(t + i, n - i, &cp);
            valid = k > 0;
            nul |= valid && cp == 0;
            i += k > 0 ? (size_t)k : 1;
        }
        assert_int_equal(cgu_utf8_valid((const char *)t, n, true), valid);
        assert_int_equal(cgu_utf8_valid((const char *)t, n, false), valid && !nul);
    }
}

static const char *naive_find(const char *t, size_t from, size_t limit, const char *lit,
                              size_t ll) {
    for (size_t i = from; i + ll <= limit; i++)
        if (memcmp(t + i, lit, ll) == 0) return t + i;
    return NULL;
}

static void test_find_literal(void **state) {
    (void)state;
    /* literals of the grammar's triggers, and some that repeat their own bytes */
    static const char *const lits[] = {"Drs.", "Drucksache", "www.",     "://",  "ST",     "D",
                                       "aa",   "Frage",      "verteilt", "a.a.", "Antwort"};
    static const char alphabet[] = "DrsucakhetwvFgST.:/ a\n";
    char t[300];
    for (int round = 0; round < 4000; round++) {
        size_t n = 1 + next_random() % (sizeof t - 1);
        for (size_t i = 0; i < n; i++)
            t[i] = alphabet[next_random() % (sizeof alphabet - 1)];
        const char *lit = lits[next_random() % (sizeof lits / sizeof lits[0])];
        size_t ll = strlen(lit);
        /* plant the literal now and then, near the ends too */
        for (int k = next_random() % 4; k > 0 && n >= ll; k--)
            memcpy(t + next_random() % (n - ll + 1), lit, ll);
        size_t from = next_random() % (n + 1), limit = from + next_random() % (n - from + 1);
        assert_ptr_equal(cgx_find_literal(t, from, limit, lit, ll),
                         naive_find(t, from, limit, lit, ll));
    }
}

/* Every (text, start) pair a literal set's scan reports, one by one. */
typedef struct found_list {
    size_t which[4096], at[4096], n;
} found_list;

static int note_found(void *ctx, size_t which, size_t at) {
    found_list *f = ctx;
    assert_true(f->n < 4096);
    f->which[f->n] = which;
    f->at[f->n++] = at;
    return 0;
}

static int stop_at_third(void *ctx, size_t which, size_t at) {
    found_list *f = ctx;
    note_found(f, which, at);
    return f->n == 3 ? 7 : 0;
}

/* cgx_literals_scan, vector and scalar, against a naive search for each text: every match,
 * overlapping ones too, in order of their starts; texts of one to eleven bytes, alike in their
 * first bytes, up to CGX_LITERALS_MAX of them, planted at the ends of the text too. */
static void test_literal_set(void **state) {
    (void)state;
    static const char *const pool[] = {"Drs.",  "Drucksache", "www.",        "://",
                                       "ST",    "D",          "aa",          "Frage",
                                       "Die A", "verteilt",   "a.a.",        "Antwort",
                                       ")",     "Rats",       "Council",     "Art",
                                       "Dr",    "\xc3\xa4r",  "e",           "CELEX",
                                       "s.",    "Deutscher",  "Ausschuss",   "tt",
                                       "uc",    "ka",         "ver",         "Fr",
                                       "/",     "ww",         "Wahlperiode", "Gesamtherstellung:"};
    static const char alphabet[] = "DrsucakhetwvFgST.:/ a\n)AeiCL\xc3\xa4";
    enum { POOL = sizeof pool / sizeof pool[0] };
    _Static_assert(POOL >= CGX_LITERALS_MAX, "the pool fills a set");
    char t[400];
    found_list *want = malloc(sizeof *want), *got = malloc(sizeof *got);
    assert_non_null(want);
    assert_non_null(got);
    size_t matches = 0;
    for (int round = 0; round < 3000; round++) {
        /* a set of distinct texts from the pool */
        const char *text[CGX_LITERALS_MAX];
        size_t len[CGX_LITERALS_MAX], n = 1 + next_random() % CGX_LITERALS_MAX,
                                      start = next_random();
        for (size_t i = 0; i < n; i++) {
            text[i] = pool[(start + i) % POOL];
            len[i] = strlen(text[i]);
        }
        cgx_literals set;
        cgx_literals_build(&set, text, len, n);
        size_t tn = next_random() % sizeof t;
        for (size_t i = 0; i < tn; i++)
            t[i] = alphabet[next_random() % (sizeof alphabet - 1)];
        for (int k = next_random() % 6; k > 0; k--) {
            size_t i = next_random() % n;
            if (tn >= len[i])
                memcpy(t + (k == 1 ? tn - len[i] : next_random() % (tn - len[i] + 1)), text[i],
                       len[i]);
        }
        want->n = 0;
        for (size_t at = 0; at < tn; at++)
            for (size_t i = 0; i < n; i++)
                if (at + len[i] <= tn && memcmp(t + at, text[i], len[i]) == 0)
                    note_found(want, i, at);
        matches += want->n;
        for (int vector = 0; vector < 2; vector++) {
            got->n = 0;
            assert_int_equal(cgx_literals_scan(&set, t, tn, vector, note_found, got), 0);
            /* in order of their starts; at one start, in any order */
            assert_int_equal(got->n, want->n);
            for (size_t k = 0; k < want->n; k++) {
                assert_int_equal(got->at[k], want->at[k]);
                bool listed = false;
                for (size_t j = 0; j < got->n && !listed; j++)
                    listed = got->at[j] == want->at[k] && got->which[j] == want->which[k];
                assert_true(listed);
            }
            if (want->n >= 3) { /* a nonzero answer stops the scan and is returned */
                got->n = 0;
                assert_int_equal(cgx_literals_scan(&set, t, tn, vector, stop_at_third, got), 7);
                assert_int_equal(got->n, 3);
            }
        }
    }
    assert_true(matches > 10000);
    free(want);
    free(got);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_run),   cmocka_unit_test(test_find_literal),
        cmocka_unit_test(test_literal_set), cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_line_start),  cmocka_unit_test(test_find),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
