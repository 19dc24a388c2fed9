/* test_check_junit.c - the JUnit report of `citegraph check` (report.c).
 *
 * What it proves: that only new findings at or above the --fail-on level
 * (cg_check_set_fail_on()) are <failure>s and the others passing test cases;
 * that every input problem is an errored test case named after its file;
 * that attribute values carry line breaks and tabs as character references
 * and what XML 1.0 cannot carry as U+FFFD; and that the suite's timestamp is
 * SOURCE_DATE_EPOCH, else the epoch, never the clock. Validity against the
 * Jenkins and Ant schemas is tested on whole reports by
 * tests/check/junit_tests.sh, which has xmllint. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "citegraph/check.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"

/* One error (CG002, no 24th Wahlperiode) and one warning (CG001, no catalog). */
static const char document[] = "Deutscher Bundestag Drucksache 21/100\n"
                               "21. Wahlperiode 01.07.2025\n\nAntwort\n\n"
                               "siehe Bundestagsdrucksache 24/469 und Drucksache 20/99999.\n";

static cg_check *new_check(void) {
    cg_error err;
    memset(&err, 0, sizeof err);
    cg_check *check = NULL;
    assert_int_equal(cg_check_new(&check, &err), CG_OK);
    return check;
}

static void add_document(cg_check *check, const char *file) {
    cg_error err;
    memset(&err, 0, sizeof err);
    cg_extractor *ex = NULL;
    cg_input *input = NULL;
    cg_extraction *extraction = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, &err), CG_OK);
    assert_int_equal(cg_input_from_memory(file, document, strlen(document), NULL, &input, &err),
                     CG_OK);
    assert_int_equal(cg_extract(ex, input, &extraction, &err), CG_OK);
    assert_int_equal(cg_check_add_document(check, file, input, extraction, &err), CG_OK);
    cg_extraction_free(extraction);
    cg_input_free(input);
    cg_extractor_free(ex);
}

/* The report as a string; the caller frees it. */
static char *junit(cg_check *check) {
    cg_error err;
    memset(&err, 0, sizeof err);
    cg_buf out = CG_BUF_INIT;
    assert_int_equal(cg_check_write(check, CG_CHECK_JUNIT, CG_SEV_NOTE, false, &out, &err), CG_OK);
    char *s = calloc(out.len + 1, 1);
    assert_non_null(s);
    memcpy(s, out.data, out.len);
    cg_buf_release(&out);
    return s;
}

static size_t occurrences(const char *s, const char *what) {
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

static void assert_contains(const char *report, const char *what) {
    if (!strstr(report, what)) fail_msg("not in the report: %s\n%s", what, report);
}

/* A finding below --fail-on is a passing test case that names it; one at or
 * above is a failure; --fail-on never fails none; the default is error. */
static void test_fail_on(void **state) {
    (void)state;
    static const struct {
        int set; /* whether cg_check_set_fail_on() is called */
        cg_severity level;
        const char *failures;
        size_t nfailures;
    } cases[] = {{0, CG_SEV_ERROR, "failures=\"1\"", 1},
                 {1, CG_SEV_ERROR, "failures=\"1\"", 1},
                 {1, CG_SEV_WARNING, "failures=\"2\"", 2},
                 {1, CG_SEV_NOTE, "failures=\"2\"", 2},
                 {1, CG_SEV_OFF, "failures=\"0\"", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cg_check *check = new_check();
        if (cases[i].set) cg_check_set_fail_on(check, cases[i].level);
        add_document(check, "a.txt");
        cg_error err;
        assert_int_equal(cg_check_run(check, &err), CG_OK);
        char *report = junit(check);
        assert_contains(report, cases[i].failures);
        assert_int_equal(occurrences(report, "<failure "), cases[i].nfailures);
        assert_contains(report, "tests=\"2\"");
        /* the warning is listed either way, by its name */
        assert_contains(report, "name=\"a.txt:6:39: warning: BT-Drs. 20/99999 is neither in the "
                                "corpus nor in a catalog [CG001 unknown-document]\"");
        if (cases[i].nfailures == 1)
            assert_contains(report, "a catalog [CG001 unknown-document]\" time=\"0\"/>");
        free(report);
        cg_check_free(check);
    }
}

/* Every input problem is an errored test case named after its file. */
static void test_input_problems(void **state) {
    (void)state;
    cg_check *check = new_check();
    cg_error err;
    add_document(check, "good.txt");
    assert_int_equal(cg_check_add_input_problem(check, "binary.pdf", 0, CG_SEV_ERROR,
                                                "a binary file, not text", &err),
                     CG_OK);
    assert_int_equal(cg_check_add_input_problem(check, "latin1.txt", 0, CG_SEV_WARNING,
                                                "invalid UTF-8, read as Windows-1252", &err),
                     CG_OK);
    assert_int_equal(cg_check_add_input_problem(check, "page.json", 3, CG_SEV_ERROR,
                                                "a record without text", &err),
                     CG_OK);
    assert_int_equal(cg_check_run(check, &err), CG_OK);
    char *report = junit(check);
    assert_contains(report, "tests=\"5\" failures=\"1\" errors=\"3\"");
    assert_int_equal(occurrences(report, "<error "), 3);
    assert_contains(report, "<testcase classname=\"binary.pdf\" name=\"binary.pdf\" time=\"0\">"
                            "<error type=\"input-not-checked\" message=\"a binary file, not "
                            "text\">binary.pdf: not checked: a binary file, not text</error>");
    assert_contains(report, "<testcase classname=\"latin1.txt\" name=\"latin1.txt\" time=\"0\">"
                            "<error type=\"input-warning\" message=\"invalid UTF-8, read as "
                            "Windows-1252\">");
    assert_contains(report, "name=\"page.json, record 3\"");
    free(report);
    cg_check_free(check);
}

/* Line breaks and tabs in attributes as references; `&<>"'` escaped; C0
 * controls, U+FFFE and invalid UTF-8 as U+FFFD; in content, a CR as a
 * reference and line feeds and tabs as they are. */
static void test_escaping(void **state) {
    (void)state;
    cg_check *check = new_check();
    cg_error err;
    assert_int_equal(cg_check_add_input_problem(check, "dir/a\nb\t\"c'<&>\x01.txt", 0, CG_SEV_ERROR,
                                                "line one\nline two\r\tend\x1f \xEF\xBF\xBE \xff",
                                                &err),
                     CG_OK);
    assert_int_equal(cg_check_run(check, &err), CG_OK);
    char *report = junit(check);
    assert_contains(report,
                    "classname=\"dir/a&#10;b&#9;&quot;c&apos;&lt;&amp;&gt;\xEF\xBF\xBD.txt\"");
    assert_contains(report, "message=\"line one&#10;line two&#13;&#9;end\xEF\xBF\xBD "
                            "\xEF\xBF\xBD \xEF\xBF\xBD\"");
    assert_contains(report, ">dir/a\nb\t&quot;c&apos;&lt;&amp;&gt;\xEF\xBF\xBD.txt: not checked: "
                            "line one\nline two&#13;\tend\xEF\xBF\xBD \xEF\xBF\xBD "
                            "\xEF\xBF\xBD</error>");
    assert_null(strchr(report, '\x01'));
    assert_null(strchr(report, '\r'));
    free(report);
    cg_check_free(check);
}

/* The same input gives the same bytes: SOURCE_DATE_EPOCH, else the epoch. */
static void test_timestamp(void **state) {
    (void)state;
    static const struct {
        const char *epoch; /* NULL: unset */
        const char *timestamp;
    } cases[] = {{NULL, "timestamp=\"1970-01-01T00:00:00\""},
                 {"1747008000", "timestamp=\"2025-05-12T00:00:00\""},
                 {"not a number", "timestamp=\"1970-01-01T00:00:00\""},
                 {"-5", "timestamp=\"1970-01-01T00:00:00\""}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (cases[i].epoch)
            setenv("SOURCE_DATE_EPOCH", cases[i].epoch, 1);
        else
            unsetenv("SOURCE_DATE_EPOCH");
        cg_check *check = new_check();
        cg_error err;
        assert_int_equal(cg_check_run(check, &err), CG_OK);
        char *report = junit(check);
        assert_contains(report, cases[i].timestamp);
        assert_contains(report, "hostname=\"localhost\"");
        free(report);
        cg_check_free(check);
    }
    unsetenv("SOURCE_DATE_EPOCH");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fail_on),
        cmocka_unit_test(test_input_problems),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_timestamp),
    };
    return cmocka_run_group_tests_name("check_junit", tests, NULL, NULL);
}
