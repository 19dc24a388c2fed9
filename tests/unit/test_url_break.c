/* test_url_break.c - URLs broken over lines (extract/url_break.h), without
 * any pattern: the folded copy of the text the words are looked up in, its
 * window, whether the next line goes on with the address, and whether a
 * hyphen at the break is the address's own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "extract/url_break.h"

/* Upper-case ASCII letters fold, eight at a time or one by one; umlauts
 * and ß become two ASCII bytes in place; every other byte stays. */
static void test_fold(void **state) {
    (void)state;
    const char *text = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ Größe Übel äÖ 0129 x-Y/Z_";
    cgx_url_words w;
    memset(&w, 0, sizeof w);
    assert_int_equal(cgx_url_words_make(&w, text, strlen(text), 0), 0);
    assert_int_equal(w.len, strlen(text));
    assert_string_equal(w.text, "abcdefghijklmnopqrstuvwxyz@[`{ groesse uebel aeoe 0129 x-y/z_");
    assert_ptr_equal(w.orig, text);
    /* every ASCII byte, in the blocks the vector loop folds and in the bytes after them */
    char ascii[128];
    for (int c = 1; c < 128; c++)
        ascii[c - 1] = (char)c;
    assert_int_equal(cgx_url_words_make(&w, ascii, 127, 0), 0);
    for (int c = 1; c < 128; c++)
        assert_int_equal(w.text[c - 1], c >= 'A' && c <= 'Z' ? c + 32 : c);
    cgx_url_words_release(&w);
}

/* The window is a function of where the URL stands: the same for a URL
 * whatever came before, holding the reach either side. */
static void test_window(void **state) {
    (void)state;
    static char text[5 * CGX_URL_WORDS_REACH];
    memset(text, 'a', sizeof text);
    size_t at = 3 * CGX_URL_WORDS_REACH + 17;
    cgx_url_words fresh, reused;
    memset(&fresh, 0, sizeof fresh);
    memset(&reused, 0, sizeof reused);
    assert_int_equal(cgx_url_words_make(&fresh, text, sizeof text, at), 0);
    assert_int_equal(cgx_url_words_make(&reused, text, sizeof text, 10), 0);
    assert_int_equal(cgx_url_words_make(&reused, text, sizeof text, at), 0);
    assert_int_equal(fresh.from, reused.from);
    assert_int_equal(fresh.len, reused.len);
    assert_true(fresh.from + CGX_URL_WORDS_REACH <= at);
    assert_true(at + CGX_URL_WORDS_REACH <= fresh.from + fresh.len);
    cgx_url_words_release(&fresh);
    cgx_url_words_release(&reused);
}

static int continues(const char *url, const char *tok, int spaced) {
    return cgx_url_continues(url, strlen(url), tok, strlen(tok), spaced);
}

static void test_continues(void **state) {
    (void)state;
    assert_true(continues("www.trans", "parenzportal.bund.de)", 1));
    assert_true(continues("www.transparenzportal.bu", "nd.de)", 1));
    assert_false(continues("www.bund.de", "z.B.", 1));
    assert_true(continues("www.x.de/lobbyismus-6843e6966e", "8f4710ff28d490;", 1));
    assert_false(continues("www.x.de/a-b", "decade", 1)); /* hexadecimal letters, no digit */
    assert_true(continues("www.x.com/de/ar-AA1", "IIIlW?ocid=Bing).", 1));
    assert_true(continues("www.x.de/plus245049110/", "Baerbocks-praezedenzloses-Programm.html", 1));
    assert_false(continues("www.x.de/a/", "Nord-Süd-Dialog-Partner", 1)); /* umlauts: prose */
    assert_false(continues("taz.de/Krise/!6090592/;", "x.com/Bennie/status/1", 1));
    assert_false(continues("www.x.de/a.pdf#page=99", "3.", 1));
    assert_true(continues("www.x.de/status/1", "815707287295529101;", 1));
}

/* Is the last hyphen of u a syllable break? The address stands broken in
 * `text`, at the text's last hyphen. */
static int syllable(const char *u, const char *text) {
    const char *last = strrchr(text, '-');
    size_t brk = last ? (size_t)(last - text) : 0;
    cgx_url_words w;
    memset(&w, 0, sizeof w);
    assert_int_equal(cgx_url_words_make(&w, text, strlen(text), 0), 0);
    const char *host = strstr(u, "://") + 3;
    size_t hs = (size_t)(host - u), he = hs;
    while (u[he] && u[he] != '/')
        he++;
    size_t at = (size_t)(strrchr(u, '-') - u);
    int r = cgx_url_hyphen_is_syllable_break(u, strlen(u), at, at < he, hs, he, &w, brk);
    cgx_url_words_release(&w);
    return r;
}

static void test_hyphen(void **state) {
    (void)state;
    /* the text's own words decide */
    const char *sh = "Schleswig-\nHolstein hat Badestellen. (www.schleswig-\nholstein.de/a)";
    assert_false(syllable("http://www.schleswig-holstein.de/a", sh));
    const char *homo = "Homosexuelle werden verfolgt (www.x.de/gegen-homose-\nxuelle)";
    assert_true(syllable("http://www.x.de/homose-xuelle", homo));
    const char *preise = "Die Preise steigen (www.x.nrw/files/pospap-lm-\npreise_vz.pdf).";
    assert_false(syllable("http://www.x.nrw/files/lm-preise_vz.pdf", preise));
    /* the break itself is no evidence, spaces around it or not */
    const char *self = "(www.x.de/liste/veroef- \n  fentlichungen/a.html)";
    assert_true(syllable("http://www.x.de/veroef-fentlichungen/a.html", self));
    /* a short joined word only as a word of its own */
    const char *un = "Sie arbeiten unentgeltlich (new-york.diplo.de/un-\nen/1)";
    assert_false(syllable("http://www.diplo.de/un-en/1", un));
    /* a known host, a slash before, a long number */
    assert_true(syllable("http://dserver.bundes-tag.de/a", ""));
    assert_true(syllable("http://www.x.de/-fileadmin", ""));
    assert_true(syllable("http://www.x.de/id_928-56533.html", ""));
    /* but numbers in groups keep theirs */
    assert_false(syllable("http://www.x.de/dpa-com-20090101-250522-930-577611", ""));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_window),
        cmocka_unit_test(test_continues),
        cmocka_unit_test(test_hyphen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
