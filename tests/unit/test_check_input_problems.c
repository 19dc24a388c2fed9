/* test_check_input_problems.c - inputs that could not be checked, or were
 * read with a warning, in the check and in its reports.
 *
 * What it proves: cg_check_add_input_problem() keeps copies of the file and
 * the message (the caller's buffers may go at once), in the order added,
 * with the record of a DIP record; the JSON report lists them in
 * "input_problems" and counts them in its summary; the Markdown report has a
 * section "Input problems" before the findings; and a check without input
 * problems has an empty list and no such section, so reports of clean runs
 * stay as they were. The command-line side (each kind of bad input, stderr,
 * the summary line, --cache) is tested in tests/check/run_check_tests.sh. */
#define _POSIX_C_SOURCE 200809L /* strndup */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h, which it needs */

#include "citegraph/check.h"

static cg_check *new_check(void) {
    cg_error err;
    memset(&err, 0, sizeof err);
    cg_check *c = NULL;
    assert_int_equal(cg_check_new(&c, &err), CG_OK);
    return c;
}

/* The report of `c` in `format`, NUL-terminated; the caller frees it. */
static char *report(const cg_check *c, cg_check_format format) {
    cg_error err;
    memset(&err, 0, sizeof err);
    cg_buf out = CG_BUF_INIT;
    assert_int_equal(cg_check_write(c, format, CG_SEV_NOTE, false, &out, &err), CG_OK);
    char *text = strndup(out.data, out.len);
    assert_non_null(text);
    cg_buf_release(&out);
    return text;
}

/* Two problems added from buffers that are overwritten right after. */
static cg_check *check_with_problems(void) {
    cg_check *c = new_check();
    cg_error err;
    memset(&err, 0, sizeof err);
    char file[64], message[128];
    strcpy(file, "docs/binary.txt");
    strcpy(message, "is not a text document: an executable");
    assert_int_equal(cg_check_add_input_problem(c, file, 0, CG_SEV_ERROR, message, &err), CG_OK);
    memset(file, 'x', sizeof file - 1);
    memset(message, 'x', sizeof message - 1);
    strcpy(file, "docs/page.json");
    strcpy(message, "record 2 (DIP id 700012): has no text");
    assert_int_equal(cg_check_add_input_problem(c, file, 2, CG_SEV_ERROR, message, &err), CG_OK);
    strcpy(file, "docs/latin1.txt");
    strcpy(message, "is not valid UTF-8 (1 invalid byte); read as Windows-1252");
    assert_int_equal(cg_check_add_input_problem(c, file, 0, CG_SEV_WARNING, message, &err), CG_OK);
    memset(file, 0, sizeof file);
    memset(message, 0, sizeof message);
    assert_int_equal(cg_check_run(c, &err), CG_OK);
    return c;
}

static void test_problems_copied_in_order(void **state) {
    (void)state;
    cg_check *c = check_with_problems();
    const cg_input_problem *p = NULL;
    assert_int_equal(cg_check_input_problems(c, &p), 3);
    assert_string_equal(p[0].file, "docs/binary.txt");
    assert_int_equal(p[0].record, 0);
    assert_int_equal(p[0].severity, CG_SEV_ERROR);
    assert_string_equal(p[0].message, "is not a text document: an executable");
    assert_string_equal(p[1].file, "docs/page.json");
    assert_int_equal(p[1].record, 2);
    assert_string_equal(p[1].message, "record 2 (DIP id 700012): has no text");
    assert_string_equal(p[2].file, "docs/latin1.txt");
    assert_int_equal(p[2].severity, CG_SEV_WARNING);
    cg_check_free(c);
}

static void test_json_lists_and_counts(void **state) {
    (void)state;
    cg_check *c = check_with_problems();
    char *json = report(c, CG_CHECK_JSON);
    assert_non_null(strstr(json, "  \"input_problems\": [\n"
                                 "    {\n"
                                 "      \"file\": \"docs/binary.txt\",\n"
                                 "      \"severity\": \"error\",\n"
                                 "      \"message\": \"is not a text document: an executable\"\n"
                                 "    },\n"
                                 "    {\n"
                                 "      \"file\": \"docs/page.json\",\n"
                                 "      \"record\": 2,\n"
                                 "      \"severity\": \"error\",\n"));
    assert_non_null(strstr(json, "\"inputs_not_checked\": 2"));
    assert_non_null(strstr(json, "\"input_warnings\": 1"));
    /* after the findings, before the summary */
    assert_true(strstr(json, "\"findings\"") < strstr(json, "\"input_problems\""));
    assert_true(strstr(json, "\"input_problems\"") < strstr(json, "\"summary\""));
    free(json);
    cg_check_free(c);
}

static void test_markdown_section(void **state) {
    (void)state;
    cg_check *c = check_with_problems();
    char *md = report(c, CG_CHECK_MARKDOWN);
    assert_non_null(strstr(md,
                           "### Input problems\n\n"
                           "2 inputs not checked, 1 warning on inputs read.\n\n"
                           "| file | severity | problem |\n"
                           "| --- | --- | --- |\n"
                           "| docs/binary.txt | error | is not a text document: an executable |\n"
                           "| docs/page.json | error | record 2 (DIP id 700012): has no text |\n"
                           "| docs/latin1.txt | warning | is not valid UTF-8 (1 invalid byte); "
                           "read as Windows-1252 |\n"));
    free(md);
    cg_check_free(c);
}

static void test_clean_check_unchanged(void **state) {
    (void)state;
    cg_check *c = new_check();
    cg_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(cg_check_run(c, &err), CG_OK);
    const cg_input_problem *p = NULL;
    assert_int_equal(cg_check_input_problems(c, &p), 0);
    char *md = report(c, CG_CHECK_MARKDOWN);
    assert_null(strstr(md, "Input problems"));
    free(md);
    char *json = report(c, CG_CHECK_JSON);
    assert_non_null(strstr(json, "\"input_problems\": []"));
    assert_non_null(strstr(json, "\"inputs_not_checked\": 0"));
    free(json);
    cg_check_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_problems_copied_in_order),
        cmocka_unit_test(test_json_lists_and_counts),
        cmocka_unit_test(test_markdown_section),
        cmocka_unit_test(test_clean_check_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
