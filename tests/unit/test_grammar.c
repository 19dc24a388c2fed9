/* test_grammar.c - grammar files: kinds from templates, overrides, and
 * errors that point at the right line and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "citegraph/citegraph.h"
#include "extract/xctx.h"

static char path[64];

static const char *write_grammar(const char *text) {
    snprintf(path, sizeof path, "/tmp/cg_test_grammar_%d.cgg", (int)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static cg_status load(const char *text, cg_extractor **ex, cg_error *err) {
    const char *files[] = {write_grammar(text)};
    cg_extractor_options opts = {files, 1};
    cg_status st = cg_extractor_new(&opts, ex, err);
    unlink(path);
    return st;
}

/* The extractor of the built-in grammar and `text`, which must load. */
static cg_extractor *must_load(const char *text) {
    cg_extractor *ex = NULL;
    cg_error err;
    if (load(text, &ex, &err) != CG_OK)
        fail_msg("%s:%zu:%zu: %s", err.path, err.line, err.col, err.text);
    return ex;
}

/* Rows "kind|target|locator" of a text. */
static void expect_rows(cg_extractor *ex, const char *text, const char *want) {
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("t", text, strlen(text), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    char got[1024] = "";
    size_t n = 0;
    for (size_t i = 0; i < cg_extraction_count(r); i++) {
        const cg_reference *x = cg_extraction_reference(r, i);
        char target[512];
        assert_true(cg_docid_format(&x->target, target, sizeof target) < sizeof target);
        n += (size_t)snprintf(got + n, sizeof got - n, "%s%s|%s|%s", i ? "\n" : "",
                              cg_docid_kind_name(&x->target), target,
                              x->locator.text ? x->locator.text : "");
        assert_true(n < sizeof got);
    }
    assert_string_equal(got, want);
    cg_extraction_free(r);
    cg_input_free(in);
}

static void test_builtin_loads_and_checks_examples(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    assert_int_equal(cg_extractor_new(NULL, &ex, NULL), CG_OK);
    assert_true(cg_extractor_examples_checked(ex) >= 30);
    size_t len;
    const char *text = cg_builtin_grammar_text(&len);
    assert_true(len > 1000);
    assert_non_null(strstr(text, "[drs]"));
    cg_extractor_free(ex);
}

static void test_new_kind_with_templates(void **state) {
    (void)state;
    cg_extractor *ex = must_load("[define law]\nvalue = (?<law>GG|UrhG)\n\n"
                        "[para]\nkind = de_statute\n"
                        "pattern = §\\s*(?<sec>\\d+)(?:\\s*Abs\\.\\s*(?<abs>\\d+))?\n"
                        "    \\s+{{law}}\n"
                        "id = {law:upper}\nlocator = § {sec:int}[ Abs. {abs}]\n"
                        "example = § 5 UrhG\nnot = § 5 BGB\n");
    expect_rows(ex, "nach § 05 UrhG und § 3 Abs. 2 GG sowie Drucksache 19/1",
                "de_statute|URHG|§ 5\nde_statute|GG|§ 3 Abs. 2\nbt_drucksache|BT-Drs. 19/1|");
    cg_extractor_free(ex);
}

/* A trigger: only the text up to `reach` bytes before it is searched, white space not
 * counted, whatever kind of white space and however much of it. */
static void test_new_kind_with_trigger(void **state) {
    (void)state;
    cg_extractor *ex = must_load("[ref]\nkind = ref\npattern = Siehe\\s+(?:die\\s+)?Nr\\.\\s*(?<n>\\d+)\n"
                        "id = N{n}\ntrigger = 8 Nr.\nexample = Siehe die Nr. 5\n");
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "Siehe");
    for (int i = 0; i < 1000; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, " ");
    /* U+2028, which \s matches and normalisation keeps, and a line break */
    snprintf(text + n, sizeof text - n, "\xe2\x80\xa8\ndie Nr. 12; Siehe Nr. 13 Siehe Nr. 14");
    expect_rows(ex, text, "ref|N12|\nref|N13|\nref|N14|");
    cg_extractor_free(ex);
}

/* A trigger with a number of words: the window reaches back that many words at most, white
 * space of every kind (U+2028, no-break space) ending a word, however long the words. */
static void test_new_kind_with_words_trigger(void **state) {
    (void)state;
    cg_extractor *ex = must_load("[ref]\nkind = ref\npattern = Siehe\\s+(?:die\\s+)?Nr\\.\\s*(?<n>\\d+)\n"
                        "id = N{n}\ntrigger = 90,3 Nr\\.\\s*\\d\nexample = Siehe die Nr. 5\n");
    /* two runs of white space before the trigger; a character taken for a word would split
     * a run in two, and the window would lose "Siehe" */
    expect_rows(ex,
                "Siehe die \xc2\xa0\n Nr. 7; Siehe \xe2\x80\xa8 die \xe2\x80\x83 Nr.\t8; "
                "Siehe\xe1\x9a\x80\xe3\x80\x80"
                "die \xc2\x85 Nr. 9",
                "ref|N7|\nref|N8|\nref|N9|");
    cg_extractor_free(ex);
    /* the promise is checked on the examples: four words are too many for 3 */
    cg_error err;
    cg_status st = load("[ref]\nkind = ref\npattern = Siehe\\s+(?:die\\s+)?Nr\\.\\s*(?<n>\\d+)\n"
              "id = N{n}\ntrigger = 90,3 \\d\nexample = Siehe die Nr. 5\n",
              &ex, &err);
    assert_int_equal(st, CG_EPATTERN);
    assert_null(ex);
}

/* contains: the pattern is tried only on text that holds one of the texts. The promise is
 * checked on the examples only; where a text breaks it, the match it breaks it for is not
 * found ("Vgl. Nr. 6" holds no "Siehe"), which shows that the texts decide. */
static void test_new_kind_with_contains(void **state) {
    (void)state;
    cg_extractor *ex = must_load("[ref]\nkind = ref\npattern = (?:Siehe|Vgl\\.)\\s+Nr\\.\\s*(?<n>\\d+)\n"
                        "id = N{n}\ncontains = Siehe\ncontains = Nr. 9\nexample = Siehe Nr. 5\n");
    expect_rows(ex, "Siehe Nr. 7 und Vgl. Nr. 93, Vgl. Nr. 6", "ref|N7|\nref|N93|");
    expect_rows(ex, "Vgl. Nr. 6", "");
    cg_extractor_free(ex);
    /* the built-in [referral] holds its texts; a file that replaces its pattern drops them,
     * one that gives texts with its pattern keeps those */
    cg_error err;
    assert_int_equal(cg_extractor_new(NULL, &ex, &err), CG_OK);
    assert_non_null(ex->contains[P_REFERRAL]);
    assert_int_equal(ex->contains[P_REFERRAL]->set.n, 20);
    cg_extractor_free(ex);
    assert_int_equal(
        load("[referral]\npattern = \\s\\K(?:verweist|(?<see>siehe Anlage))\n", &ex, &err), CG_OK);
    assert_null(ex->contains[P_REFERRAL]);
    cg_extractor_free(ex);
    assert_int_equal(load("[referral]\ncontains = verw\ncontains = Anlage\n"
                          "pattern = \\s\\K(?:verweist|(?<see>siehe Anlage))\n",
                          &ex, &err),
                     CG_OK);
    assert_non_null(ex->contains[P_REFERRAL]);
    assert_int_equal(ex->contains[P_REFERRAL]->set.n, 2);
    cg_extractor_free(ex);
}

static void test_override_builtin(void **state) {
    (void)state;
    cg_extractor *ex = NULL;
    cg_error err;
    /* a template replaces the built-in Council recogniser */
    assert_int_equal(load("[council]\nkind = eu_council_doc\n"
                          "pattern = Ratsdok\\.\\s*(?<nr>\\d+)/(?<yy>\\d\\d)\n"
                          "id = Council {nr}/{yy}\n",
                          &ex, &err),
                     CG_OK);
    expect_rows(ex, "Ratsdok. 6385/25", "eu_council_doc|Council 6385/25|");
    cg_extractor_free(ex);
    /* a pattern alone keeps the handler: here, only "Ratsdok." still counts */
    assert_int_equal(
        load("[council]\npattern = (?<![\\p{L}])Ratsdok\\.\\s*(?<list>{{council_one}})\n", &ex,
             &err),
        CG_OK);
    expect_rows(ex, "Ratsdok. 6385/25 und Ratsdokument 7000/25", "eu_council_doc|ST 6385/25|");
    cg_extractor_free(ex);
}

typedef struct bad_case {
    const char *text;
    size_t line, col;
    const char *message;
} bad_case;

static const bad_case bad[] = {
    {"[mine]\nkind = x\npattern = abc(?<g>\\d+\n    [z\nid = {g}\n", 4, 7,
     "[mine]: missing terminating ] for character class"},
    {"[mine]\nkind = x\npattern = abc(?<g>\\d+)\nid = {nope}\n", 4, 7,
     "[mine]: the pattern has no group (?<nope>...)"},
    {"[mine]\nkind = x\npattern = abc(?<g>\\d+)\nid = {g}\nexample = abd 5\n", 5, 11,
     "[mine]: the pattern does not find this example"},
    {"[mine]\nkind = x\npattern = abc\nid = y\nnot = xabcx\n", 5, 7,
     "[mine]: the pattern finds this counter-example"},
    {"[mine\n", 1, 6, "expected ']' after the section name (names are letters, digits, _)"},
    {"[drs]\npattern = Drucksache (?<a>\\d+)\n", 2, 11,
     "[drs]: the pattern must keep the named group (?<list>...) that its handler reads"},
    {"foo = bar\n", 1, 1, "key outside a section (start one with [NAME])"},
    {"[mine]\nkind = x\npattern = a{{undefined}}b\nid = y\n", 3, 14,
     "no [define undefined] for {{undefined}}"},
    {"[mine]\nkind = x\npattern = a\nid = y[ {q\n", 4, 9,
     "expected {group} or {group:int|upper|lower}"},
    {"[mine]\nkind = x\npattern = a\nid = {q:title}\n", 4, 9,
     "unknown format 'title' (use int, upper or lower)"},
    {"[mine]\nkind = x\npattern = a\nsize = 3\n", 4, 1,
     "unknown key 'size' (known: pattern, kind, id, locator, role, example, not, handler, "
     "line_literal, line_first, trigger, contains)"},
    {"[mine]\nkind = x\npattern = abc\nid = y\ntrigger = abc\n", 5, 11,
     "[mine]: a trigger is REACH PATTERN or REACH,WORDS PATTERN: a number of bytes (at most "
     "100000), optionally a comma and a number of words (1 to 100), a space and a pattern"},
    {"[mine]\nkind = x\npattern = abc\nid = y\ntrigger = 100001 abc\n", 5, 11,
     "[mine]: a trigger is REACH PATTERN or REACH,WORDS PATTERN: a number of bytes (at most "
     "100000), optionally a comma and a number of words (1 to 100), a space and a pattern"},
    {"[mine]\nkind = x\npattern = abc\nid = y\ntrigger = 10,0 abc\n", 5, 11,
     "[mine]: a trigger is REACH PATTERN or REACH,WORDS PATTERN: a number of bytes (at most "
     "100000), optionally a comma and a number of words (1 to 100), a space and a pattern"},
    {"[mine]\nkind = x\npattern = abc\nid = y\ntrigger = 10,101 abc\n", 5, 11,
     "[mine]: a trigger is REACH PATTERN or REACH,WORDS PATTERN: a number of bytes (at most "
     "100000), optionally a comma and a number of words (1 to 100), a space and a pattern"},
    {"[mine]\nkind = x\npattern = abc\nid = y\ntrigger = 10,x abc\n", 5, 11,
     "[mine]: a trigger is REACH PATTERN or REACH,WORDS PATTERN: a number of bytes (at most "
     "100000), optionally a comma and a number of words (1 to 100), a space and a pattern"},
    {"[mine]\nkind = x\npattern = abc\nid = y\ntrigger = 10,2abc\n", 5, 11,
     "[mine]: a trigger is REACH PATTERN or REACH,WORDS PATTERN: a number of bytes (at most "
     "100000), optionally a comma and a number of words (1 to 100), a space and a pattern"},
    {"[mine]\nkind = x\npattern = Siehe\\s+Nr\\.\\s*\\d+\nid = y\ntrigger = 20,2 \\d\n"
     "example = Siehe Nr. 5\n",
     6, 11,
     "[mine]: no trigger matches within its reach (and words) of the start of this example's "
     "match"},
    {"[mine]\nkind = x\npattern = Siehe \\d+\nid = y\ntrigger = 4 \\d\nexample = Siehe 5\n", 6, 11,
     "[mine]: no trigger matches within its reach (and words) of the start of this example's "
     "match"},
    {"[mine]\nkind = x\npattern = Siehe \\d+\nid = y\ncontains = Nr.\nexample = Siehe 5\n", 6, 11,
     "[mine]: this example's match holds none of the texts of contains"},
    {"[mine]\nkind = x\npattern = Siehe \\d+\nid = y\ncontains =\n", 5, 11,
     "[mine]: contains needs a text"},
    {"[plpr]\ncontains = PlPr\n", 2, 12,
     "[plpr]: contains is a promise about the pattern given with it; this file gives [plpr] no "
     "pattern"},
    {"[plpr]\ntrigger = 3 Plenar\n", 2, 11,
     "[plpr]: trigger is a promise about the pattern given with it; this file gives [plpr] no "
     "pattern"},
    {"[mine]\nkind = x\npattern = (?m)^abc\nid = y\nline_literal = abc\ntrigger = 0 abc\n", 6, 11,
     "[mine]: a pattern takes line_literal or trigger, not both"},
    {"[mine]\nkind = x\npattern = abc\nid = y\ntrigger = 0 a(bc\n", 5, 17,
     "[mine]: missing closing parenthesis"},
    {"[running]\nline_literal = Seite\npattern = (?m)^Drucksache \\d+\nexample = Drucksache 5\n", 4,
     11, "[running]: the line this example's match starts on lacks the line_literal 'Seite'"},
    {"[running]\nline_first = S\npattern = (?m)^\\s*Drucksache \\d+\nexample = Drucksache 5\n", 4,
     11,
     "[running]: this example's match does not start a line that begins with a character of "
     "line_first 'S'"},
    {"[mine]\nkind = x\npattern = abc\nid = y\nline_first = a\nexample = xabc\n", 6, 11,
     "[mine]: this example's match does not start a line that begins with a character of "
     "line_first 'a'"},
    {"[mine]\nkind = x\npattern = (?m)^abc\nid = y\nline_first = a\ntrigger = 0 abc\n", 5, 14,
     "[mine]: a pattern takes line_first or trigger, not both"},
    {"[mine]\nkind = x\npattern = (?m)^abc\nid = y\nline_first = a b\n", 5, 14,
     "[mine]: line_first is ASCII characters other than white space"},
    {"[mine]\nkind = x\npattern = (?m)^abc\nid = y\nline_first =\n", 5, 13,
     "[mine]: line_first needs the characters a line begins with"},
    {"[question_number]\nline_first = 1\n", 2, 14,
     "[question_number]: line_first is a promise about the pattern given with it; this file "
     "gives [question_number] no pattern"},
    {"[mine]\npattern = a\n", 2, 11, "[mine]: a new pattern needs 'kind' and 'id'"},
    {"[tail]\nkind = x\npattern = a\nid = y\n", 4, 6,
     "[tail] is a helper pattern, not a kind; it takes no id"},
    {"\n  continued\n", 2, 1,
     "indented line continues no value (values continue on lines that start with white space "
     "right after their key)"},
};

static void test_errors_point_into_the_file(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cg_extractor *ex = NULL;
        cg_error err;
        cg_status st = load(bad[i].text, &ex, &err);
        assert_null(ex);
        assert_true(st == CG_EPATTERN || st == CG_EFORMAT);
        assert_string_equal(err.path, path);
        if (err.line != bad[i].line || err.col != bad[i].col ||
            strcmp(err.text, bad[i].message) != 0)
            fail_msg("case %zu: got %zu:%zu: %s", i, err.line, err.col, err.text);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_loads_and_checks_examples),
        cmocka_unit_test(test_new_kind_with_templates),
        cmocka_unit_test(test_new_kind_with_trigger),
        cmocka_unit_test(test_new_kind_with_words_trigger),
        cmocka_unit_test(test_new_kind_with_contains),
        cmocka_unit_test(test_override_builtin),
        cmocka_unit_test(test_errors_point_into_the_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
