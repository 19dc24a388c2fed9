/* test_dot_label.c - the DOT labels: every kind named as people write it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "citegraph/docid.h"
#include "export/dot_label.h"

static void test_every_kind(void **state) {
    (void)state;
    static const struct {
        const char *id, *label;
    } table[] = {
        {"BT-Drs. 21/1958", "BT-Drs. 21/1958"},
        {"BT-Drs. zu 19/5954", "BT-Drs. zu 19/5954"},
        {"BT-PlPr. 21/13", "PlPr 21/13"},
        {"BT-ADrs. 20(4)493", "A-Drs. 20(4)493"},
        {"BR-Drs. 103/1/25(B)", "BR-Drs. 103/1/25(B)"},
        {"LT-Drs. NW 17/8873", "LT-Drs. NW 17/8873"},
        {"ST 12545/18", "ST 12545/18"},
        {"COM(2020) 72", "COM(2020) 72"},
        {"SWD(2021) 101", "SWD(2021) 101"},
        /* regulations: (EU) YEAR/N from 2015, Nr. N/YEAR before, EG before 2010, EWG before 1993 */
        {"CELEX:32021R0821", "VO (EU) 2021/821"},
        {"CELEX:32015R0001", "VO (EU) 2015/1"},
        {"CELEX:32012R1215", "VO (EU) Nr. 1215/2012"},
        {"CELEX:32006R1907", "VO (EG) Nr. 1907/2006"},
        {"CELEX:31994R0040", "VO (EG) Nr. 40/94"},
        {"CELEX:31992R2913", "VO (EWG) Nr. 2913/92"},
        /* directives and decisions: YEAR/N/ORG before 2015 */
        {"CELEX:32019L1024", "RL (EU) 2019/1024"},
        {"CELEX:32011L0095", "RL 2011/95/EU"},
        {"CELEX:31995L0046", "RL 95/46/EG"},
        {"CELEX:31985L0374", "RL 85/374/EWG"},
        {"CELEX:32022D2481", "Beschluss (EU) 2022/2481"},
        {"CELEX:32004D0512", "Beschluss 2004/512/EG"},
        {"CELEX:32011D0199", "Beschluss 2011/199/EU"},
        {"CELEX:32021X0821", "CELEX 32021X0821"},
        /* no number: the caller writes the id */
        {"https://example.org/a", ""},
        {"#", ""},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        cg_docid id;
        cg_error err;
        assert_int_equal(cg_docid_parse(table[i].id, &id, &err), CG_OK);
        char out[128];
        size_t n = cge_doc_label(&id, out, sizeof out);
        assert_string_equal(out, table[i].label);
        assert_int_equal(n, strlen(table[i].label));
    }
    /* cut like snprintf: the length it would have, NUL-terminated */
    cg_docid id;
    cg_error err;
    assert_int_equal(cg_docid_parse("CELEX:32021R0821", &id, &err), CG_OK);
    char small[6];
    assert_int_equal(cge_doc_label(&id, small, sizeof small), strlen("VO (EU) 2021/821"));
    assert_string_equal(small, "VO (E");
    cg_docid none = {0};
    assert_int_equal(cge_doc_label(&none, small, sizeof small), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_every_kind)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
