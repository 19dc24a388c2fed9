/* test_numbers.c - the parts of reference numbers read out of text
 * (extract/numbers.h), without any pattern: Drucksache suffixes, which of an
 * EU act's numbers is its year, the state a parliament's name stands for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "citegraph/docid.h"
#include "extract/numbers.h"

static void test_suffix(void **state) {
    (void)state;
    unsigned flags, version;
    const char *t = " (Beschluss) (neu)";
    cgx_drs_suffix(t, strlen(t), &flags, &version);
    assert_int_equal(flags, CG_DOCID_BESCHLUSS | CG_DOCID_NEU);
    assert_int_equal(version, 0);
    t = "(B)(2)";
    cgx_drs_suffix(t, strlen(t), &flags, &version);
    assert_int_equal(flags, CG_DOCID_BESCHLUSS);
    assert_int_equal(version, 2);
    t = "";
    cgx_drs_suffix(t, 0, &flags, &version);
    assert_int_equal(flags, 0);
    assert_int_equal(version, 0);
}

/* The EU numbering rules of reference-formats.md. */
static void test_eu_numbers(void **state) {
    (void)state;
    unsigned y;
    unsigned long n;
    /* (EU) 2018/1862: since 2015 year first */
    assert_true(cgx_eu_act_numbers('R', 2018, 4, 1862, 4, 0, 0, 1, &y, &n));
    assert_int_equal(y, 2018);
    assert_int_equal(n, 1862);
    /* Verordnung (EG) Nr. 1987/2006: number first */
    assert_true(cgx_eu_act_numbers('R', 1987, 4, 2006, 4, 1, 0, 1, &y, &n));
    assert_int_equal(y, 2006);
    assert_int_equal(n, 1987);
    /* VO (EU) 1/2005 */
    assert_true(cgx_eu_act_numbers('R', 1, 1, 2005, 4, 0, 0, 1, &y, &n));
    assert_int_equal(y, 2005);
    assert_int_equal(n, 1);
    /* Richtlinie 95/46/EG: year first, two digits */
    assert_true(cgx_eu_act_numbers('L', 95, 2, 46, 2, 0, 1, 0, &y, &n));
    assert_int_equal(y, 1995);
    assert_int_equal(n, 46);
    /* Beschluss 2008/615/JI */
    assert_true(cgx_eu_act_numbers('D', 2008, 4, 615, 3, 0, 1, 0, &y, &n));
    assert_int_equal(y, 2008);
    assert_int_equal(n, 615);
    /* VO 2018/1862 without (EU) */
    assert_true(cgx_eu_act_numbers('R', 2018, 4, 1862, 4, 0, 0, 0, &y, &n));
    assert_int_equal(y, 2018);
    /* (EU) 1303/2013 */
    assert_true(cgx_eu_act_numbers('R', 1303, 4, 2013, 4, 0, 0, 1, &y, &n));
    assert_int_equal(y, 2013);
    assert_int_equal(n, 1303);
}

static void test_states(void **state) {
    (void)state;
    const char *t = "Landtag Nordrhein-Westfalen, Drucksache";
    assert_string_equal(cgx_state_code(t, strlen(t)), "NW");
    t = "Landtag von Sachsen-Anhalt";
    assert_string_equal(cgx_state_code(t, strlen(t)), "ST");
    t = "Sächsischer Landtag";
    assert_string_equal(cgx_state_code(t, strlen(t)), "SN");
    t = "Abgeordnetenhaus Berlin";
    assert_string_equal(cgx_state_code(t, strlen(t)), "BE");
    t = "ein Landtag";
    assert_null(cgx_state_code(t, strlen(t)));
    t = "NW";
    assert_string_equal(cgx_state_code_abbrev(t, 2), "NW");
    t = "XX";
    assert_null(cgx_state_code_abbrev(t, 2));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suffix),
        cmocka_unit_test(test_eu_numbers),
        cmocka_unit_test(test_states),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
