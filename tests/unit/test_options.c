/* test_options.c - the option table (cli/options.c, cli/optable.c): the
 * parser in every spelling it accepts and refuses, every command's --help,
 * and the man pages, read by groff and man when they are installed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "cli/optable.h"
#include "cli/options.h"

static const cli_table *table = &cli_citegraph_table;

/* ---- parsing ---- */

typedef struct parsed {
    cli_parse_status status;
    cli_args args;
    char err[200];
} parsed;

/* Parses words[1..] as the arguments of the command words[0] ("citegraph":
 * the program itself, options ending at the command). */
static void parse_words(parsed *p, const char *const *words, size_t n) {
    const cli_command *cmd =
        strcmp(words[0], "citegraph") == 0 ? table->program : cli_find_command(table, words[0]);
    assert_non_null(cmd);
    unsigned flags = cmd == table->program ? CLI_PARSE_STOP_AT_POSITIONAL : 0;
    p->status =
        cli_parse(table, cmd, (int)n, (char *const *)words, flags, &p->args, p->err, sizeof p->err);
}

#define PARSE(p, ...)                                                                              \
    do {                                                                                           \
        const char *const words_[] = {__VA_ARGS__};                                                \
        parse_words((p), words_, sizeof words_ / sizeof words_[0]);                                \
    } while (0)

/* The command line was accepted, with `noptions` options and `npositionals`
 * positionals. */
static void expect_ok(parsed *p, size_t noptions, size_t npositionals) {
    if (p->status != CLI_PARSE_OK) fail_msg("refused: %s", p->err);
    assert_int_equal(p->args.noptions, noptions);
    assert_int_equal(p->args.npositionals, npositionals);
}

static void expect_option(const parsed *p, size_t i, int id, const char *value,
                          const char *spelled) {
    assert_true(i < p->args.noptions);
    const cli_opt_value *v = &p->args.options[i];
    assert_int_equal(v->option->id, id);
    if (value)
        assert_string_equal(v->value, value);
    else
        assert_null(v->value);
    assert_string_equal(v->spelled, spelled);
}

/* The command line was refused with exactly `message`. */
static void expect_refused(parsed *p, const char *message) {
    assert_int_equal(p->status, CLI_PARSE_USAGE);
    assert_string_equal(p->err, message);
    cli_args_free(&p->args);
}

static void test_long_option_spellings(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "--format", "tsv", "x.txt");
    expect_ok(&p, 1, 1);
    expect_option(&p, 0, OPT_FORMAT, "tsv", "--format");
    assert_int_equal(p.args.options[0].choice, 1);
    assert_string_equal(p.args.positionals[0], "x.txt");
    cli_args_free(&p.args);

    PARSE(&p, "extract", "--format=tsv", "--quiet", "x.txt");
    expect_ok(&p, 2, 1);
    expect_option(&p, 0, OPT_FORMAT, "tsv", "--format");
    expect_option(&p, 1, OPT_QUIET, NULL, "--quiet");
    cli_args_free(&p.args);
}

static void test_short_option_spellings(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "-f", "tsv", "-q", "x.txt");
    expect_ok(&p, 2, 1);
    expect_option(&p, 0, OPT_FORMAT, "tsv", "-f");
    expect_option(&p, 1, OPT_QUIET, NULL, "-q");
    cli_args_free(&p.args);

    PARSE(&p, "extract", "-ftsv", "-j4", "x.txt");
    expect_ok(&p, 2, 1);
    expect_option(&p, 0, OPT_FORMAT, "tsv", "-f");
    expect_option(&p, 1, OPT_JOBS, "4", "-j");
    cli_args_free(&p.args);

    /* graph used to refuse -f: every command spells a shared option alike */
    PARSE(&p, "graph", "-f", "json", "-o", "g.json", "dir");
    expect_ok(&p, 2, 1);
    expect_option(&p, 0, OPT_FORMAT, "json", "-f");
    expect_option(&p, 1, OPT_OUTPUT, "g.json", "-o");
    cli_args_free(&p.args);
}

static void test_bundles(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "-qj1", "x.txt");
    expect_ok(&p, 2, 1);
    expect_option(&p, 0, OPT_QUIET, NULL, "-q");
    expect_option(&p, 1, OPT_JOBS, "1", "-j");
    cli_args_free(&p.args);

    PARSE(&p, "extract", "-qj", "1", "x.txt");
    expect_ok(&p, 2, 1);
    expect_option(&p, 1, OPT_JOBS, "1", "-j");
    assert_string_equal(p.args.positionals[0], "x.txt");
    cli_args_free(&p.args);

    /* the option that takes a value takes the rest of the bundle */
    PARSE(&p, "extract", "-qftsv", "x.txt");
    expect_ok(&p, 2, 1);
    expect_option(&p, 1, OPT_FORMAT, "tsv", "-f");
    cli_args_free(&p.args);

    PARSE(&p, "check", "-qqh");
    expect_ok(&p, 3, 0);
    expect_option(&p, 2, OPT_HELP, NULL, "-h");
    cli_args_free(&p.args);
}

static void test_double_dash_ends_options(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "-q", "--", "-j", "--format", "--", "x");
    expect_ok(&p, 1, 4);
    assert_int_equal(p.args.rest_index, 3);
    assert_string_equal(p.args.positionals[0], "-j");
    assert_string_equal(p.args.positionals[1], "--format");
    assert_string_equal(p.args.positionals[2], "--");
    assert_string_equal(p.args.positionals[3], "x");
    cli_args_free(&p.args);
}

static void test_lone_dash_is_positional(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "-", "-q", "a.txt");
    expect_ok(&p, 1, 2);
    assert_string_equal(p.args.positionals[0], "-");
    assert_string_equal(p.args.positionals[1], "a.txt");
    cli_args_free(&p.args);

    /* and a value, when an option asks for one */
    PARSE(&p, "extract", "-o", "-", "a.txt");
    expect_ok(&p, 1, 1);
    expect_option(&p, 0, OPT_OUTPUT, "-", "-o");
    cli_args_free(&p.args);
}

static void test_positionals_keep_their_order(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "chain", "21/843", "--direction", "in", "data/sample", "--depth=2", "more");
    expect_ok(&p, 2, 3);
    assert_string_equal(p.args.positionals[0], "21/843");
    assert_string_equal(p.args.positionals[1], "data/sample");
    assert_string_equal(p.args.positionals[2], "more");
    expect_option(&p, 0, OPT_DIRECTION, "in", "--direction");
    expect_option(&p, 1, OPT_DEPTH, "2", "--depth");
    cli_args_free(&p.args);
}

static void test_repeatable_options_keep_every_value(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "check", "--catalog", "a.tsv", "--patterns=p.cgg", "--catalog=b.json", "--allow-host",
          "x.org", "--allow-host", "y.org", "docs");
    expect_ok(&p, 5, 1);
    assert_int_equal(cli_args_count(&p.args, OPT_CATALOG), 2);
    assert_int_equal(cli_args_count(&p.args, OPT_ALLOW_HOST), 2);
    assert_int_equal(cli_args_count(&p.args, OPT_PATTERNS), 1);
    assert_int_equal(cli_args_count(&p.args, OPT_DENY_HOST), 0);
    expect_option(&p, 0, OPT_CATALOG, "a.tsv", "--catalog");
    expect_option(&p, 2, OPT_CATALOG, "b.json", "--catalog");
    assert_true(p.args.options[0].option->flags & CLI_OPT_REPEATABLE);
    cli_args_free(&p.args);
}

static void test_last_value_wins(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "-j", "2", "--jobs=3", "x");
    expect_ok(&p, 2, 1);
    const cli_opt_value *jobs = cli_args_last(&p.args, OPT_JOBS);
    assert_non_null(jobs);
    assert_string_equal(jobs->value, "3");
    assert_string_equal(jobs->spelled, "--jobs");
    assert_null(cli_args_last(&p.args, OPT_FORMAT));
    cli_args_free(&p.args);
}

static void test_alias(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "graph", "--metadata", "index.tsv", "--catalog=more.tsv", "--metadata=x.json", "d");
    expect_ok(&p, 3, 1);
    expect_option(&p, 0, OPT_CATALOG, "index.tsv", "--metadata");
    expect_option(&p, 1, OPT_CATALOG, "more.tsv", "--catalog");
    expect_option(&p, 2, OPT_CATALOG, "x.json", "--metadata");
    cli_args_free(&p.args);

    /* the alias is the graph commands' only: check never had it */
    PARSE(&p, "check", "--metadata", "index.tsv", "d");
    expect_refused(&p, "unknown option '--metadata'");
    PARSE(&p, "stats", "--metadata");
    expect_refused(&p, "--metadata needs a value");
}

static void test_unknown_option(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "--bogus", "x");
    expect_refused(&p, "unknown option '--bogus'");
    PARSE(&p, "extract", "--bogus=1", "x");
    expect_refused(&p, "unknown option '--bogus'");
    PARSE(&p, "extract", "-x");
    expect_refused(&p, "unknown option '-x'");
    /* no abbreviations: a prefix is not the option */
    PARSE(&p, "extract", "--form", "tsv");
    expect_refused(&p, "unknown option '--form'");
    PARSE(&p, "extract", "--Format", "tsv");
    expect_refused(&p, "unknown option '--Format'");
    PARSE(&p, "extract", "-\xc3\xa4");
    expect_refused(&p, "unknown option '-\xc3\xa4'");
}

static void test_unknown_short_in_bundle(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "-qxj1", "a");
    expect_refused(&p, "unknown option '-x'");
    PARSE(&p, "accuracy", "-qj1", "gold");
    expect_refused(&p, "unknown option '-j'");
}

static void test_option_of_another_command_refused(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "--around", "21/1958", "x");
    expect_refused(&p, "unknown option '--around'");
    PARSE(&p, "stats", "--depth", "2", "x");
    expect_refused(&p, "unknown option '--depth'");
    PARSE(&p, "cites", "--by", "pagerank", "21/1", "x");
    expect_refused(&p, "unknown option '--by'");
    PARSE(&p, "grammar", "-q");
    expect_refused(&p, "unknown option '-q'");
    PARSE(&p, "accuracy", "--catalog", "x", "gold");
    expect_refused(&p, "unknown option '--catalog'");
    PARSE(&p, "extract", "--list-rules");
    expect_refused(&p, "unknown option '--list-rules'");
    /* the program itself takes only its global options */
    PARSE(&p, "citegraph", "-q", "extract");
    expect_refused(&p, "unknown option '-q'");

    /* and the same options where they belong */
    PARSE(&p, "graph", "--around", "21/1958", "--depth", "1", "x");
    expect_ok(&p, 2, 1);
    cli_args_free(&p.args);
    PARSE(&p, "rank", "--by", "pagerank", "--top", "5", "x");
    expect_ok(&p, 2, 1);
    cli_args_free(&p.args);
}

static void test_missing_value_at_end(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "x", "--format");
    expect_refused(&p, "--format needs a value");
    PARSE(&p, "extract", "x", "-f");
    expect_refused(&p, "-f needs a value");
    PARSE(&p, "check", "x", "--fail-on");
    expect_refused(&p, "--fail-on needs a value");
}

static void test_missing_value_in_bundle(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "x", "-qj");
    expect_refused(&p, "-j needs a value");
}

static void test_flag_takes_no_value(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "--quiet=yes", "x");
    expect_refused(&p, "--quiet takes no value");
    PARSE(&p, "check", "--online=", "x");
    expect_refused(&p, "--online takes no value");
}

static void test_choices(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "extract", "--format", "xml", "x");
    expect_refused(&p, "unknown format 'xml' for --format (jsonl, tsv, text or packed)");
    PARSE(&p, "extract", "-fjson", "x");
    expect_refused(&p, "unknown format 'json' for -f (jsonl, tsv, text or packed)");
    PARSE(&p, "graph", "-f", "text", "x");
    expect_refused(&p, "unknown format 'text' for -f (dot, json, graphml, csv, html or gexf)");
    PARSE(&p, "chain", "--direction", "all", "21/1", "x");
    expect_refused(&p, "unknown direction 'all' for --direction (out or in)");
    PARSE(&p, "check", "--severity", "never", "x");
    expect_refused(&p, "unknown level 'never' for --severity (error, warning or note)");
    PARSE(&p, "rank", "--by=PageRank", "x");
    expect_refused(&p, "unknown method 'PageRank' for --by (indegree, pagerank, hub or authority)");

    /* each command's own formats, with their index in the choices */
    PARSE(&p, "graph", "--direction", "all", "--format", "csv", "-o", "g", "x");
    expect_ok(&p, 3, 1);
    assert_int_equal(p.args.options[0].choice, 2);
    assert_int_equal(p.args.options[1].choice, 3);
    assert_int_equal(p.args.options[2].choice, -1);
    cli_args_free(&p.args);
    PARSE(&p, "check", "-f", "markdown", "--fail-on", "never", "x");
    expect_ok(&p, 2, 1);
    assert_int_equal(p.args.options[0].choice, 5);
    assert_int_equal(p.args.options[1].choice, 3);
    cli_args_free(&p.args);
    PARSE(&p, "cites", "-f", "json", "21/1", "x");
    expect_ok(&p, 1, 2);
    assert_int_equal(p.args.options[0].choice, 1);
    cli_args_free(&p.args);
}

static void test_value_may_start_with_dash_or_be_empty(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "chain", "--depth", "-1", "21/1", "x");
    expect_ok(&p, 1, 2);
    expect_option(&p, 0, OPT_DEPTH, "-1", "--depth");
    cli_args_free(&p.args);

    /* --ext= takes every file */
    PARSE(&p, "extract", "--ext=", "x");
    expect_ok(&p, 1, 1);
    expect_option(&p, 0, OPT_EXT, "", "--ext");
    cli_args_free(&p.args);
    PARSE(&p, "extract", "--ext", "", "x");
    expect_ok(&p, 1, 1);
    expect_option(&p, 0, OPT_EXT, "", "--ext");
    cli_args_free(&p.args);
}

static void test_program_stops_at_command(void **state) {
    (void)state;
    parsed p;
    PARSE(&p, "citegraph", "-V");
    expect_ok(&p, 1, 0);
    assert_int_equal(p.args.rest_index, 2);
    expect_option(&p, 0, OPT_VERSION, NULL, "-V");
    cli_args_free(&p.args);

    PARSE(&p, "citegraph", "--help", "extract", "-q", "--bogus", "x");
    expect_ok(&p, 1, 4);
    assert_int_equal(p.args.rest_index, 2);
    assert_string_equal(p.args.positionals[0], "extract");
    assert_string_equal(p.args.positionals[1], "-q");
    assert_string_equal(p.args.positionals[2], "--bogus");
    cli_args_free(&p.args);

    /* a command parses the rest: argv from the command name on */
    const char *const rest[] = {"extract", "-q", "x"};
    parse_words(&p, rest, 3);
    expect_ok(&p, 1, 1);
    cli_args_free(&p.args);
}

static void test_error_buffer_optional(void **state) {
    (void)state;
    const char *const words[] = {"extract", "--bogus"};
    cli_args args;
    const cli_command *cmd = cli_find_command(table, "extract");
    assert_int_equal(cli_parse(table, cmd, 2, (char *const *)words, 0, &args, NULL, 0),
                     CLI_PARSE_USAGE);
    cli_args_free(&args);
    char tiny[8];
    assert_int_equal(cli_parse(table, cmd, 2, (char *const *)words, 0, &args, tiny, sizeof tiny),
                     CLI_PARSE_USAGE);
    assert_string_equal(tiny, "unknown");
    cli_args_free(&args);
    cli_args_free(&args); /* an emptied cli_args may be freed again */
}

/* ---- the table ---- */

/* Whether `word` (`len` bytes) is in `text` as a word of its own. */
static bool has_word(const char *text, const char *word, size_t len) {
    for (const char *p = text; *p; p++) {
        if (strncmp(p, word, len) != 0) continue;
        char before = p == text ? ' ' : p[-1], after = p[len];
        bool joined_before = (before >= 'a' && before <= 'z') || before == '-';
        bool joined_after = (after >= 'a' && after <= 'z') || after == '-';
        if (!joined_before && !joined_after) return true;
    }
    return false;
}

static void test_table_is_consistent(void **state) {
    (void)state;
    char why[256] = "";
    if (cli_table_check(table, why, sizeof why) != 0) fail_msg("%s", why);
    assert_int_equal(table->ncommands, CMD_COUNT - 1);
    /* every choice is named in the help text of its row */
    for (size_t i = 0; i < table->noptions; i++) {
        const cli_option *o = &table->options[i];
        for (const char *c = o->choices; c && *c;) {
            size_t len = strcspn(c, "|");
            if (!has_word(o->help, c, len))
                fail_msg("--%s: '%.*s' is not in its help", o->long_name, (int)len, c);
            c += len + (c[len] == '|');
        }
    }
    /* every command takes -h and -V, and has a summary, a synopsis, an exit status */
    for (size_t i = 0; i <= table->ncommands; i++) {
        const cli_command *c = i ? &table->commands[i - 1] : table->program;
        assert_non_null(c->summary);
        assert_non_null(c->synopsis);
        assert_non_null(c->exit_status);
        const char *const words[] = {c->name, "-h", "-V"};
        cli_args args;
        assert_int_equal(cli_parse(table, c, 3, (char *const *)words, 0, &args, NULL, 0),
                         CLI_PARSE_OK);
        assert_int_equal(args.noptions, 2);
        cli_args_free(&args);
    }
}

static void test_table_check_catches_faults(void **state) {
    (void)state;
    static const cli_command prog = {.id = 0, .name = "prog", .synopsis = "", .summary = "p"};
    static const cli_command cmds[] = {{.id = 1, .name = "one", .synopsis = "", .summary = "x"}};
    static const cli_option clash[] = {
        {.id = 1, .short_name = 'f', .long_name = "format", .arg = "F", .commands = 2, .help = "a"},
        {.id = 1, .long_name = "format", .arg = "F", .commands = 3, .help = "b"},
    };
    static const cli_option value_differs[] = {
        {.id = 1, .long_name = "format", .arg = "F", .commands = 2, .help = "a"},
        {.id = 1, .long_name = "format", .commands = 1, .help = "b"},
    };
    static const cli_option dashes[] = {
        {.id = 1, .long_name = "--format", .commands = 2, .help = "a"},
    };
    static const cli_option unknown_command[] = {
        {.id = 1, .long_name = "format", .commands = 4, .help = "a"},
    };
    static const cli_option choices_of_flag[] = {
        {.id = 1, .long_name = "format", .choices = "a|b", .commands = 2, .help = "a"},
    };
    const cli_option *bad[] = {clash, value_differs, dashes, unknown_command, choices_of_flag};
    size_t nbad[] = {2, 2, 1, 1, 1};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cli_table t = {&prog, cmds, 1, bad[i], nbad[i]};
        char why[200] = "";
        assert_int_equal(cli_table_check(&t, why, sizeof why), -1);
        assert_true(why[0] != '\0');
    }
    cli_table good = {&prog, cmds, 1, value_differs, 1};
    assert_int_equal(cli_table_check(&good, NULL, 0), 0);
}

static void test_find_command(void **state) {
    (void)state;
    assert_int_equal(cli_find_command(table, "cited-by")->id, CMD_CITED_BY);
    assert_int_equal(cli_find_command(table, "longest-chain")->id, CMD_LONGEST_CHAIN);
    assert_null(cli_find_command(table, "citegraph"));
    assert_null(cli_find_command(table, "frobnicate"));
    char name[64];
    assert_int_equal(
        cli_man_page_name(table, cli_find_command(table, "cited-by"), name, sizeof name), 18);
    assert_string_equal(name, "citegraph-cited-by");
    cli_man_page_name(table, table->program, name, sizeof name);
    assert_string_equal(name, "citegraph");
}

/* ---- --help ---- */

/* Everything left in `f`, as a string to free. */
static char *read_all(FILE *f) {
    size_t len = 0, cap = 4096;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t n;
    while ((n = fread(text + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            cap *= 2;
            text = realloc(text, cap);
            assert_non_null(text);
        }
    }
    text[len] = '\0';
    return text;
}

static char *help_of(const cli_table *t, const cli_command *cmd) {
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(cli_write_help(t, cmd, f), 0);
    rewind(f);
    char *text = read_all(f);
    fclose(f);
    return text;
}

/* Width in characters of a UTF-8 line. */
static size_t width_of(const char *s, size_t len) {
    size_t w = 0;
    for (size_t i = 0; i < len; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

static void expect_lines_fit(const char *text, const char *what) {
    for (const char *line = text; *line;) {
        size_t len = strcspn(line, "\n");
        if (width_of(line, len) > 79)
            fail_msg("%s: a line of %zu columns: %.*s", what, width_of(line, len), (int)len, line);
        if (len && line[len - 1] == ' ') fail_msg("%s: trailing space: %.*s", what, (int)len, line);
        line += len + (line[len] == '\n');
    }
}

/* The long names (and aliases) in the Options section, each once, separated
 * by spaces: " --format --output ". */
static void listed_options(const char *help, char *out, size_t cap) {
    snprintf(out, cap, " ");
    const char *s = strstr(help, "\nOptions:\n");
    if (!s) return;
    s += strlen("\nOptions:\n");
    for (const char *line = s; *line && *line != '\n';) {
        size_t len = strcspn(line, "\n");
        bool term_line = strncmp(line, "  -", 3) == 0 || strncmp(line, "      --", 8) == 0;
        /* the term ends where two spaces set the text off */
        const char *term = line + strspn(line, " ");
        const char *gap = strstr(term, "  ");
        size_t term_len = gap && gap < line + len ? (size_t)(gap - line) : len;
        for (size_t i = 0; term_line && i + 2 < term_len; i++) {
            if (line[i] != '-' || line[i + 1] != '-') continue;
            size_t n = 2;
            while (i + n < term_len && line[i + n] != ',' && line[i + n] != ' ')
                n++;
            char name[64];
            snprintf(name, sizeof name, " %.*s ", (int)n, line + i);
            if (strstr(out, name)) fail_msg("%s listed twice", name);
            strncat(out, name + 1, cap - strlen(out) - 1);
            i += n;
        }
        line += len + (line[len] == '\n');
    }
}

static void test_help_lists_exactly_the_commands_options(void **state) {
    (void)state;
    for (size_t i = 0; i <= table->ncommands; i++) {
        const cli_command *c = i ? &table->commands[i - 1] : table->program;
        char *help = help_of(table, c);
        char listed[2048], expected[2048] = " ";
        listed_options(help, listed, sizeof listed);
        for (size_t k = 0; k < table->noptions; k++) {
            const cli_option *o = &table->options[k];
            if (!cli_command_takes(c, o)) continue;
            const char *names[2] = {o->long_name, o->alias};
            for (int n = 0; n < 2; n++) {
                if (!names[n]) continue;
                char name[64];
                snprintf(name, sizeof name, "--%s ", names[n]);
                strncat(expected, name, sizeof expected - strlen(expected) - 1);
                char quoted[66];
                snprintf(quoted, sizeof quoted, " %s", name);
                if (!strstr(listed, quoted))
                    fail_msg("%s --help does not list --%s", c->name, names[n]);
            }
        }
        if (strlen(listed) != strlen(expected))
            fail_msg("%s --help lists%s\nbut takes%s", c->name, listed, expected);
        free(help);
    }
    /* the graph commands differ in what they list */
    char *chain = help_of(table, cli_find_command(table, "chain"));
    char *stats = help_of(table, cli_find_command(table, "stats"));
    assert_non_null(strstr(chain, "--depth N"));
    assert_non_null(strstr(chain, "(default 3)"));
    assert_null(strstr(stats, "--depth"));
    assert_non_null(strstr(stats, "(default 10; 0: all)"));
    assert_non_null(strstr(stats, "  -f, --format FORMAT  text (the default) for people"));
    free(chain);
    free(stats);
}

static void test_help_fits_79_columns(void **state) {
    (void)state;
    for (size_t i = 0; i <= table->ncommands; i++) {
        const cli_command *c = i ? &table->commands[i - 1] : table->program;
        char *help = help_of(table, c);
        expect_lines_fit(help, c->name);
        free(help);
    }
}

static void test_help_sections(void **state) {
    (void)state;
    char *top = help_of(table, table->program);
    assert_int_equal(strncmp(top, "Usage: citegraph COMMAND [OPTIONS]", 34), 0);
    for (size_t i = 0; i < table->ncommands; i++) {
        char line[128];
        snprintf(line, sizeof line, "\n  %s ", table->commands[i].name);
        assert_non_null(strstr(top, line));
        /* on one line: a summary is short */
        snprintf(line, sizeof line, "%s\n", table->commands[i].summary);
        if (!strstr(top, line)) fail_msg("not on one line: %s", table->commands[i].summary);
    }
    assert_non_null(strstr(top, "\n  -V, --version  "));
    assert_non_null(strstr(top, "\nExit status:\n  0  success"));
    assert_non_null(strstr(top, "\n  3  out of memory\n"));
    free(top);

    char *path = help_of(table, cli_find_command(table, "path"));
    const char *usage = "Usage: citegraph path [OPTIONS] FROM TO PATH...\n"
                        "   or: citegraph path [OPTIONS] --pairs FILE PATH...\n\n";
    assert_int_equal(strncmp(path, usage, strlen(usage)), 0);
    assert_non_null(strstr(path, "\nExit status:\n  0  success\n"));
    free(path);

    char *extract = help_of(table, cli_find_command(table, "extract"));
    assert_non_null(
        strstr(extract, "\n  -f, --format FORMAT  jsonl (the default), tsv, text (the text"));
    assert_non_null(strstr(extract, "\n      --patterns FILE  "));
    assert_non_null(strstr(extract, "(repeatable)"));
    assert_non_null(strstr(extract, "\nOutput:\n  JSON Lines"));
    assert_non_null(strstr(extract, "\nExamples:\n  citegraph extract --format tsv"));
    free(extract);

    /* the alias is shown beside the name; the text goes below a long term */
    char *graph = help_of(table, cli_find_command(table, "graph"));
    assert_non_null(strstr(graph, "\n      --catalog, --metadata FILE\n                    "));
    free(graph);
    /* a no-break space is a space, and no line breaks there */
    char *cites = help_of(table, cli_find_command(table, "cites"));
    assert_null(strstr(cites, "\xc2\xa0"));
    assert_non_null(strstr(cites, "BT-Drs. 19/5954"));
    free(cites);
}

/* A table of one command with texts made to wrap. */
static const cli_command wrap_program = {
    .id = 0, .name = "prog", .synopsis = "COMMAND", .summary = "a program"};
static const cli_command wrap_commands[] = {{
    .id = 1,
    .name = "wrap",
    .synopsis = "[OPTIONS] FILE...",
    .summary = "a command",
    .description = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
                   "omicron pi rho sigma tau upsilon phi chi psi omega alpha beta gamma delta\n"
                   "\n"
                   "  literal   line, kept   as it is\n"
                   "\n"
                   "first\tthe first term's text, long enough to wrap beside its term: one two "
                   "three four five six seven\n"
                   "second\tshort",
    .exit_status = "0\tfine\n",
}};
static const cli_option wrap_options[] = {
    {.id = 1,
     .short_name = 'a',
     .long_name = "alpha",
     .arg = "N",
     .commands = 2,
     .help = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
             "fifteen sixteen seventeen eighteen nineteen twenty"},
    {.id = 2,
     .long_name = "a-very-long-option-name",
     .arg = "PLACEHOLDER",
     .commands = 2,
     .help = "text below its term"},
    {.id = 3, .short_name = 'b', .commands = 2, .help = "short only"},
};

static void test_help_wraps_and_aligns(void **state) {
    (void)state;
    cli_table t = {&wrap_program, wrap_commands, 1, wrap_options, 3};
    assert_int_equal(cli_table_check(&t, NULL, 0), 0);
    char *help = help_of(&t, &wrap_commands[0]);
    expect_lines_fit(help, "wrap");
    const char *expected =
        "Usage: prog wrap [OPTIONS] FILE...\n"
        "\n"
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi\n"
        "omicron pi rho sigma tau upsilon phi chi psi omega alpha beta gamma delta\n"
        "\n"
        "  literal   line, kept   as it is\n"
        "\n"
        "  first   the first term's text, long enough to wrap beside its term: one two\n"
        "          three four five six seven\n"
        "  second  short\n"
        "\n"
        "Options:\n"
        "  -a, --alpha N  one two three four five six seven eight nine ten eleven twelve\n"
        "                 thirteen fourteen fifteen sixteen seventeen eighteen nineteen\n"
        "                 twenty\n"
        "      --a-very-long-option-name PLACEHOLDER\n"
        "                 text below its term\n"
        "  -b             short only\n"
        "\n"
        "Exit status:\n"
        "  0  fine\n";
    assert_string_equal(help, expected);
    free(help);

    /* only a term too wide for the column: still listed, its text below */
    cli_table wide = {&wrap_program, wrap_commands, 1, wrap_options + 1, 1};
    help = help_of(&wide, &wrap_commands[0]);
    assert_non_null(strstr(help, "\nOptions:\n      --a-very-long-option-name PLACEHOLDER\n"
                                 "    text below its term\n"));
    free(help);
}

/* ---- man pages ---- */

static char *man_of(const cli_table *t, const cli_command *cmd) {
    FILE *f = tmpfile();
    assert_non_null(f);
    cli_man_info info = {"2025-10-01", "citegraph 0.1.0", NULL, "a comment"};
    assert_int_equal(cli_write_man(t, cmd, &info, f), 0);
    rewind(f);
    char *text = read_all(f);
    fclose(f);
    return text;
}

/* Every line that starts with a control character is a request this writer
 * makes: no text of the table is read as one. */
static void expect_only_known_requests(const char *page) {
    static const char *const requests[] = {".\\\" ", ".TH ", ".SH ", ".PP", ".TP", ".RS 4",
                                           ".RE",    ".nf",  ".fi",  ".br", ".BR "};
    for (const char *line = page; *line;) {
        size_t len = strcspn(line, "\n");
        if (line[0] == '\'') fail_msg("a line starts with ': %.*s", (int)len, line);
        if (line[0] == '.') {
            bool known = false;
            for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++)
                known = known || strncmp(line, requests[i], strlen(requests[i])) == 0;
            if (!known) fail_msg("not a request of the writer: %.*s", (int)len, line);
        }
        if (len == 0) fail_msg("an empty line (roff reads it as a break)");
        line += len + (line[len] == '\n');
    }
}

/* `name` as roff text: every hyphen escaped, in capitals if `upper`. */
static void roff_name(const char *name, bool upper, char *out, size_t cap) {
    size_t n = 0;
    for (const char *p = name; *p && n + 3 < cap; p++) {
        if (*p == '-') out[n++] = '\\';
        out[n++] = upper && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
    }
    out[n] = '\0';
}

static void test_man_pages_structure(void **state) {
    (void)state;
    for (size_t i = 0; i <= table->ncommands; i++) {
        const cli_command *c = i ? &table->commands[i - 1] : table->program;
        char *page = man_of(table, c), name[64], title[96], text[96], want[512];
        cli_man_page_name(table, c, name, sizeof name);
        roff_name(name, true, title, sizeof title);
        roff_name(name, false, text, sizeof text);
        expect_only_known_requests(page);
        snprintf(want, sizeof want,
                 ".\\\" a comment\n.TH \"%s\" 1 \"2025-10-01\" \"citegraph 0.1.0\" "
                 "\"User Commands\"\n.SH \"NAME\"\n%s \\- ",
                 title, text);
        if (strncmp(page, want, strlen(want)) != 0)
            fail_msg("%s: the page does not start with\n%s\nbut\n%.200s", c->name, want, page);
        const char *sections[] = {".SH \"SYNOPSIS\"", ".SH \"DESCRIPTION\"", ".SH \"OPTIONS\"",
                                  ".SH \"EXIT STATUS\""};
        for (size_t k = 0; k < 4; k++)
            if (!strstr(page, sections[k])) fail_msg("%s: no %s", c->name, sections[k]);
        assert_true(!i || strstr(page, ".SH \"SEE ALSO\"\n.BR citegraph (1)"));
        /* every option of the command, and no other, with its hyphens escaped */
        for (size_t k = 0; k < table->noptions; k++) {
            const cli_option *o = &table->options[k];
            char escaped[64];
            roff_name(o->long_name, false, escaped, sizeof escaped);
            if (o->short_name)
                snprintf(want, sizeof want, "\n.TP\n\\fB\\%%\\-%c\\fR, \\fB\\%%\\-\\-%s\\fR",
                         o->short_name, escaped);
            else
                snprintf(want, sizeof want, "\n.TP\n\\fB\\%%\\-\\-%s\\fR", escaped);
            bool shown = strstr(page, want) != NULL, taken = false;
            for (size_t m = 0; m < table->noptions; m++)
                taken = taken || (cli_command_takes(c, &table->options[m]) &&
                                  strcmp(table->options[m].long_name, o->long_name) == 0);
            if (taken != shown)
                fail_msg("%s: %s is %sshown", c->name, o->long_name, shown ? "" : "not ");
        }
        free(page);
    }
    char *top = man_of(table, table->program);
    assert_non_null(strstr(top, ".SH \"COMMANDS\"\n.TP\n\\fB\\%citegraph\\-extract\\fR(1)\n"));
    assert_non_null(strstr(top, "\\fB\\%citegraph\\-longest\\-chain\\fR(1)\n"));
    free(top);
}

static const cli_command escape_commands[] = {{
    .id = 1,
    .name = "esc",
    .synopsis = "[OPTIONS] FILE...",
    .summary = "escapes \\ and 'quotes'",
    .description = ".starts with a dot, has a back\\slash and \"quotes\"\n"
                   "\n"
                   "'starts with a quote, then ^ and ~ and `tick` and caf\xc3\xa9 and "
                   "BT-Drs." CLI_NBSP "19/5954 and --flag and -x\n"
                   "\n"
                   "  .literal with a dot\n"
                   "  'and a quote \\n",
    .sections = (const cli_section[]){{"Notes", "term\t.dot at the start"}, {NULL, NULL}},
    .exit_status = "0\tfine\n",
    .see_also = "esc",
}};
static const cli_option escape_options[] = {
    {.id = 1, .long_name = "dry-run", .commands = 2, .help = ".help starting with a dot"},
};

static void test_man_escaping(void **state) {
    (void)state;
    cli_table t = {&wrap_program, escape_commands, 1, escape_options, 1};
    assert_int_equal(cli_table_check(&t, NULL, 0), 0);
    char *page = man_of(&t, &escape_commands[0]);
    expect_only_known_requests(page);
    const char *expected[] = {
        "\nprog\\-esc \\- escapes \\e and \\(aqquotes\\(aq\n",
        "\n\\&.starts with a dot, has a back\\eslash and \\(dqquotes\\(dq\n",
        /* broken at a space to keep the line short */
        ("\n\\(aqstarts with a quote, then \\(ha and \\(ti and \\(gatick\\(ga and caf\\[u00E9]\n"
         "and BT\\-Drs.\\ 19/5954 and \\fB\\%\\-\\-flag\\fR and \\fB\\%\\-x\\fR\n"),
        "\n.RS 4\n.nf\n\\&.literal with a dot\n\\(aqand a quote \\en\n.fi\n.RE\n",
        "\n.SH \"NOTES\"\n.TP\n\\fB\\%term\\fR\n\\&.dot at the start\n",
        "\n.TP\n\\fB\\%\\-\\-dry\\-run\\fR\n\\&.help starting with a dot\n",
        "\n\\fB\\%prog esc\\fR [\\fI\\%OPTIONS\\fR] \\fI\\%FILE\\fR...\n",
        "\n.SH \"SEE ALSO\"\n.BR prog (1),\n.BR prog\\-esc (1)\n",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        if (!strstr(page, expected[i])) fail_msg("not in the page: %s\n%s", expected[i], page);
    free(page);
}

static const cli_command fill_commands[] = {{
    .id = 1,
    .name = "fill",
    .synopsis = "",
    .summary = "fills",
    .description = "word word word word word word word word word word word word word word word "
                   "word .txt ends. Then a sentence, e.g. this one. and no break after e.g. or "
                   "after an end. when lower case follows. Last (in brackets.) Done!",
    .exit_status = "0\tfine\n",
}};

static void test_man_lines_filled(void **state) {
    (void)state;
    cli_table t = {&wrap_program, fill_commands, 1, escape_options, 0};
    char *page = man_of(&t, &fill_commands[0]);
    expect_only_known_requests(page);
    const char *expected =
        ".SH \"DESCRIPTION\"\n"
        "word word word word word word word word word word word word word word word word\n"
        "\\&.txt ends.\n"
        "Then a sentence, e.g. this one. and no break after e.g. or after an end. when\n"
        "lower case follows.\n"
        "Last (in brackets.)\n"
        "Done!\n"
        ".SH";
    if (!strstr(page, expected)) fail_msg("not filled as expected:\n%s", page);
    /* input lines short where a space allows */
    for (size_t i = 0; i <= table->ncommands; i++) {
        char *p = man_of(table, i ? &table->commands[i - 1] : table->program);
        for (const char *line = p; *line;) {
            size_t len = strcspn(line, "\n");
            if (len > 79 && memchr(line, ' ', len) && line[0] != '.')
                fail_msg("a long line: %.*s", (int)len, line);
            line += len + (line[len] == '\n');
        }
        free(p);
    }
    free(page);
}

/* Whether a program is on the PATH. */
static bool have_program(const char *name) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

/* What `command` writes (stdout and stderr as the command says). */
static char *output_of(const char *command) {
    FILE *p = popen(command, "r");
    assert_non_null(p);
    char *text = read_all(p);
    pclose(p);
    return text;
}

static void test_man_pages_render(void **state) {
    (void)state;
    bool groff = have_program("groff"), man = have_program("man");
    bool mandoc = have_program("mandoc");
    if (!groff && !man && !mandoc) skip();
    const char *tmp = getenv("TMPDIR");
    char dir[256];
    snprintf(dir, sizeof dir, "%s/test_options-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(dir));
    for (size_t i = 0; i <= table->ncommands + 1; i++) {
        /* the pages of the table, and the page made to need escapes */
        cli_table escapes = {&wrap_program, escape_commands, 1, escape_options, 1};
        const cli_table *t = i <= table->ncommands ? table : &escapes;
        const cli_command *c = i > table->ncommands ? &escape_commands[0]
                               : i                  ? &table->commands[i - 1]
                                                    : table->program;
        char *page = man_of(t, c), path[384], name[64], command[768];
        cli_man_page_name(t, c, name, sizeof name);
        snprintf(path, sizeof path, "%s/%s.1", dir, name);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(page, f);
        assert_int_equal(fclose(f), 0);
        free(page);
        if (groff) {
            snprintf(command, sizeof command, "groff -ww -man -Tutf8 -z '%s' 2>&1", path);
            char *warnings = output_of(command);
            if (warnings[0]) fail_msg("groff on %s: %s", name, warnings);
            free(warnings);
        }
        if (mandoc) {
            snprintf(command, sizeof command, "mandoc -Tlint -W warning '%s' 2>&1", path);
            char *warnings = output_of(command);
            if (warnings[0]) fail_msg("mandoc on %s: %s", name, warnings);
            free(warnings);
        }
        if (man) {
            snprintf(command, sizeof command,
                     "MANWIDTH=80 MAN_KEEP_FORMATTING= man --warnings -l '%s' 2>&1 >/dev/null",
                     path);
            char *warnings = output_of(command);
            if (warnings[0]) fail_msg("man on %s: %s", name, warnings);
            free(warnings);
            snprintf(command, sizeof command, "MANWIDTH=80 man -l '%s' 2>/dev/null", path);
            char *shown = output_of(command);
            if (!strstr(shown, "SYNOPSIS") || !strstr(shown, "EXIT STATUS"))
                fail_msg("man -l %s shows: %s", name, shown);
            if (i == 1) assert_non_null(strstr(shown, "       -f, --format FORMAT\n"));
            free(shown);
        }
        remove(path);
    }
    rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_option_spellings),
        cmocka_unit_test(test_short_option_spellings),
        cmocka_unit_test(test_bundles),
        cmocka_unit_test(test_double_dash_ends_options),
        cmocka_unit_test(test_lone_dash_is_positional),
        cmocka_unit_test(test_positionals_keep_their_order),
        cmocka_unit_test(test_repeatable_options_keep_every_value),
        cmocka_unit_test(test_last_value_wins),
        cmocka_unit_test(test_alias),
        cmocka_unit_test(test_unknown_option),
        cmocka_unit_test(test_unknown_short_in_bundle),
        cmocka_unit_test(test_option_of_another_command_refused),
        cmocka_unit_test(test_missing_value_at_end),
        cmocka_unit_test(test_missing_value_in_bundle),
        cmocka_unit_test(test_flag_takes_no_value),
        cmocka_unit_test(test_choices),
        cmocka_unit_test(test_value_may_start_with_dash_or_be_empty),
        cmocka_unit_test(test_program_stops_at_command),
        cmocka_unit_test(test_error_buffer_optional),
        cmocka_unit_test(test_table_is_consistent),
        cmocka_unit_test(test_table_check_catches_faults),
        cmocka_unit_test(test_find_command),
        cmocka_unit_test(test_help_lists_exactly_the_commands_options),
        cmocka_unit_test(test_help_fits_79_columns),
        cmocka_unit_test(test_help_sections),
        cmocka_unit_test(test_help_wraps_and_aligns),
        cmocka_unit_test(test_man_pages_structure),
        cmocka_unit_test(test_man_escaping),
        cmocka_unit_test(test_man_lines_filled),
        cmocka_unit_test(test_man_pages_render),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
