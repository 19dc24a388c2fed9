/* test_canon.c - canonical ids from numbers, without any pattern. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "extract/canon.h"

static void test_ids(void **state) {
    (void)state;
    char b[64];
    assert_true(cg_canon_bt_drs(b, sizeof b, 19, 5954));
    assert_string_equal(b, "BT-Drs. 19/5954");
    assert_false(cg_canon_bt_drs(b, sizeof b, 123, 20)); /* no 123rd Wahlperiode */
    assert_false(cg_canon_bt_drs(b, sizeof b, 22, 1));
    assert_false(cg_canon_bt_drs(b, sizeof b, 19, 0));
    assert_true(cg_canon_bt_plpr(b, sizeof b, 21, 6));
    assert_string_equal(b, "BT-PlPr. 21/6");
    assert_true(cg_canon_bt_adrs(b, sizeof b, 20, "4", 493, ""));
    assert_string_equal(b, "BT-ADrs. 20(4)493");
    assert_true(cg_canon_bt_adrs(b, sizeof b, 20, NULL, 2301, NULL));
    assert_string_equal(b, "BT-ADrs. 20/2301");
    assert_true(cg_canon_br_drs(b, sizeof b, 0, 103, 1, 25, ""));
    assert_string_equal(b, "BR-Drs. 103/1/25");
    assert_true(cg_canon_br_drs(b, sizeof b, 1, 108, 0, 25, "(B)"));
    assert_string_equal(b, "BR-Drs. zu 108/25(B)");
    assert_true(cg_canon_br_drs(b, sizeof b, 0, 2, 0, 5, ""));
    assert_string_equal(b, "BR-Drs. 2/05");
    assert_true(cg_canon_lt_drs(b, sizeof b, "NW", 17, 8873));
    assert_string_equal(b, "LT-Drs. NW 17/8873");
    assert_true(cg_canon_lt_drs(b, sizeof b, NULL, 18, 13772));
    assert_string_equal(b, "LT-Drs. 18/13772");
    assert_true(cg_canon_council(b, sizeof b, 12545, 18));
    assert_string_equal(b, "ST 12545/18");
    assert_true(cg_canon_com(b, sizeof b, "KOM", 2008, 123));
    assert_string_equal(b, "COM(2008) 123");
    assert_true(cg_canon_com(b, sizeof b, "SEK", 2022, 209));
    assert_string_equal(b, "SEC(2022) 209");
    assert_true(cg_canon_celex(b, sizeof b, 2018, 'R', 1862));
    assert_string_equal(b, "CELEX:32018R1862");
    assert_true(cg_canon_celex(b, sizeof b, 1995, 'L', 46));
    assert_string_equal(b, "CELEX:31995L0046");
    assert_false(cg_canon_celex(b, sizeof b, 2018, 'R', 12345));
}

static void test_suffix(void **state) {
    (void)state;
    char b[32];
    const char *t = " (Beschluss) (neu)";
    cg_br_suffix(t, strlen(t), b, sizeof b);
    assert_string_equal(b, "(B)(neu)");
    t = "(B)(2)";
    cg_br_suffix(t, strlen(t), b, sizeof b);
    assert_string_equal(b, "(B)(2)");
}

/* The EU numbering rules of reference-formats.md. */
static void test_eu_numbers(void **state) {
    (void)state;
    unsigned y;
    unsigned long n;
    /* (EU) 2018/1862: since 2015 year first */
    assert_true(cg_eu_act_numbers('R', 2018, 4, 1862, 4, 0, 0, 1, &y, &n));
    assert_int_equal(y, 2018);
    assert_int_equal(n, 1862);
    /* Verordnung (EG) Nr. 1987/2006: number first */
    assert_true(cg_eu_act_numbers('R', 1987, 4, 2006, 4, 1, 0, 1, &y, &n));
    assert_int_equal(y, 2006);
    assert_int_equal(n, 1987);
    /* VO (EU) 1/2005 */
    assert_true(cg_eu_act_numbers('R', 1, 1, 2005, 4, 0, 0, 1, &y, &n));
    assert_int_equal(y, 2005);
    assert_int_equal(n, 1);
    /* Richtlinie 95/46/EG: year first, two digits */
    assert_true(cg_eu_act_numbers('L', 95, 2, 46, 2, 0, 1, 0, &y, &n));
    assert_int_equal(y, 1995);
    assert_int_equal(n, 46);
    /* Beschluss 2008/615/JI */
    assert_true(cg_eu_act_numbers('D', 2008, 4, 615, 3, 0, 1, 0, &y, &n));
    assert_int_equal(y, 2008);
    assert_int_equal(n, 615);
    /* VO 2018/1862 without (EU) */
    assert_true(cg_eu_act_numbers('R', 2018, 4, 1862, 4, 0, 0, 0, &y, &n));
    assert_int_equal(y, 2018);
    /* (EU) 1303/2013 */
    assert_true(cg_eu_act_numbers('R', 1303, 4, 2013, 4, 0, 0, 1, &y, &n));
    assert_int_equal(y, 2013);
    assert_int_equal(n, 1303);
}

static void test_states(void **state) {
    (void)state;
    const char *t = "Landtag Nordrhein-Westfalen, Drucksache";
    assert_string_equal(cg_state_code(t, strlen(t)), "NW");
    t = "Landtag von Sachsen-Anhalt";
    assert_string_equal(cg_state_code(t, strlen(t)), "ST");
    t = "Sächsischer Landtag";
    assert_string_equal(cg_state_code(t, strlen(t)), "SN");
    t = "Abgeordnetenhaus Berlin";
    assert_string_equal(cg_state_code(t, strlen(t)), "BE");
    t = "ein Landtag";
    assert_null(cg_state_code(t, strlen(t)));
    assert_int_equal(cg_year4(25), 2025);
    assert_int_equal(cg_year4(95), 1995);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids),
        cmocka_unit_test(test_suffix),
        cmocka_unit_test(test_eu_numbers),
        cmocka_unit_test(test_states),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
