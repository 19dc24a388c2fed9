/* options.h - one table of commands and options that parses every command's
 * arguments, writes every command's --help and writes the man pages.
 *
 * As in curl, whose one option table generates both its --help and its man
 * page, each option is described once, in a row of a table (optable.c for
 * citegraph): its names, its value, the commands that take it and its help
 * text. So the parser, the help and the man pages cannot disagree, and every
 * command spells a shared option the same way.
 *
 * An option that means something different to different commands (the formats
 * of --format, the default of --depth) is several rows with the same id and
 * names and disjoint sets of commands, each row with its own help text (and,
 * if it has them, its own choices).
 *
 * Texts (descriptions, sections, exit statuses) use three kinds of blocks,
 * separated by a blank line ("\n\n"):
 *   - a paragraph: words, reflowed to 79 columns for --help and filled by roff
 *     for the man page (line breaks inside it count as spaces);
 *   - a literal block, every line of which starts with two spaces (examples):
 *     printed as written, so its lines must fit in 79 columns;
 *   - a tagged list, every line of which is "TERM\tTEXT" (exit statuses): the
 *     terms in a column, each TEXT wrapped beside its term.
 * Texts are UTF-8; widths are counted in characters. A no-break space
 * (U+00A0, CLI_NBSP) joins words that must stay on one line ("BT-Drs. 19/5954"):
 * --help writes it as a space, the man page as roff's unbreakable space.
 *
 * Plain C11 and POSIX, libc only, no global mutable state: every function
 * works on the table and the buffers it is given, and may run on any thread. */
#ifndef CG_CLI_OPTIONS_H
#define CG_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A no-break space, for the table's texts: "BT-Drs." CLI_NBSP "19/5954". */
#define CLI_NBSP "\xC2\xA0"

/* The widest line --help writes, in characters. */
#define CLI_HELP_WIDTH 79

/* The longest long name (or alias) an option may have: the parser keeps the
 * spelling of each option it reports in a fixed buffer for messages. */
#define CLI_LONG_NAME_MAX 28

/* cli_option.flags: the option may be given more than once, and every value
 * counts (--patterns A --patterns B); --help and the man page say so. Without
 * it, the command takes the last value given (cli_args_last). */
#define CLI_OPT_REPEATABLE 1u

/* cli_option.commands: the bit of command id `id`. Command ids are below 32,
 * so that every set fits in an unsigned long. */
#define CLI_CMD_BIT(id) (1ul << (id))

/* One option, or one meaning of an option for some of the commands. */
typedef struct cli_option {
    int id;                 /* what a command switches on (an enum of the table) */
    char short_name;        /* 'j' for -j, or 0 */
    const char *long_name;  /* "jobs" for --jobs (without the dashes), or NULL */
    const char *alias;      /* another long name for it ("metadata"), or NULL */
    const char *arg;        /* placeholder of the value ("N", "FILE"); NULL for a flag */
    const char *choices;    /* "jsonl|tsv": the only values the parser accepts, or NULL */
    unsigned flags;         /* CLI_OPT_REPEATABLE */
    unsigned long commands; /* the commands that take it: CLI_CMD_BIT(CMD_x) | ... */
    const char *help;       /* one paragraph, for --help and the man page */
} cli_option;

/* A section of a command's help after its options ("Output", "Examples"),
 * also a section of its man page. Arrays of them end with a NULL title. */
typedef struct cli_section {
    const char *title; /* "Output"; the man page writes it in capitals */
    const char *text;  /* blocks, see the top of this file */
} cli_section;

/* A command, or the program itself (cli_table.program): its global options
 * are the rows with the program's bit. */
typedef struct cli_command {
    int id;                      /* below 32 */
    const char *name;            /* "extract"; the program's: "citegraph" */
    const char *synopsis;        /* what follows "citegraph NAME "; one line per form */
    const char *summary;         /* one line, lower case, no full stop */
    const char *description;     /* blocks */
    const cli_section *sections; /* NULL, or sections ending with a NULL title */
    const char *exit_status;     /* a tagged list: "0\tsuccess\n1\t...\n" */
    const char *see_also;        /* other commands, separated by spaces, or NULL */
} cli_command;

/* The program, its commands and all their options. */
typedef struct cli_table {
    const cli_command *program;  /* the program itself, with its global options */
    const cli_command *commands; /* the commands, in the order help lists them */
    size_t ncommands;
    const cli_option *options; /* in the order help lists them */
    size_t noptions;
} cli_table;

/* One option found on the command line. */
typedef struct cli_opt_value {
    const cli_option *option;            /* the row of the table: option->id says which */
    const char *value;                   /* NULL for a flag; else points into argv */
    int choice;                          /* the value's index in option->choices, or -1 */
    char spelled[CLI_LONG_NAME_MAX + 3]; /* as written: "-j", "--jobs", "--metadata" */
} cli_opt_value;

/* What cli_parse found, in the order of the command line. */
typedef struct cli_args {
    cli_opt_value *options; /* each option with its value */
    size_t noptions;
    const char **positionals; /* every argument that is not an option; points into argv */
    size_t npositionals;
    int rest_index; /* argv index of the first positional (argc when none): with
                       CLI_PARSE_STOP_AT_POSITIONAL, a command and its arguments are
                       argv[rest_index] to argv[argc - 1] */
} cli_args;

typedef enum cli_parse_status {
    CLI_PARSE_OK = 0,
    CLI_PARSE_USAGE, /* the command line is wrong: the message says how */
    CLI_PARSE_NOMEM  /* out of memory */
} cli_parse_status;

/* cli_parse flags: options end at the first positional, which, and every
 * argument after it, is a positional. For the program itself, whose first
 * positional is the command: `citegraph -V`, `citegraph extract -q x`. */
#define CLI_PARSE_STOP_AT_POSITIONAL 1u

/* Parses the arguments of `cmd` (argv[0] is its name, and is skipped) against
 * the rows of `t` that `cmd` takes, into *args (which the caller releases with
 * cli_args_free, whatever the result).
 *
 * Accepted: --name, --name=value, --name value, -x, -xVALUE, -x VALUE, and
 * bundles of short options (-qj1, -qj 1: flags, then at most one option that
 * takes a value, which is the rest of the bundle or the next argument). A long
 * option's alias is accepted wherever its row is. "--" ends the options; a
 * lone "-" is a positional (standard input). Options and positionals may come
 * in any order. A value that starts with '-' is still a value (--depth -1).
 *
 * On an option that is not in the table or not taken by `cmd`, a missing
 * value, a value given to a flag, or a value outside the option's choices,
 * returns CLI_PARSE_USAGE with the message in `err` (never printed): "unknown
 * option '--bogus'", "unknown option '-x'" (in a bundle), "--format needs a
 * value", "--quiet takes no value", "unknown format 'xml' for --format (jsonl
 * or tsv)"; an option is spelled the way the user wrote it. `err` may be NULL
 * when `errlen` is 0. What the positionals must be is the command's business. */
cli_parse_status cli_parse(const cli_table *t, const cli_command *cmd, int argc, char *const *argv,
                           unsigned flags, cli_args *args, char *err, size_t errlen);

/* Frees what cli_parse allocated and empties *args; the strings belong to
 * argv and stay. Safe on an emptied or zeroed cli_args. */
void cli_args_free(cli_args *args);

/* The last occurrence of option `id`, or NULL when it was not given: the
 * value of an option that is not repeatable. */
const cli_opt_value *cli_args_last(const cli_args *args, int id);

/* How many times option `id` was given. */
size_t cli_args_count(const cli_args *args, int id);

/* The command named `name` ("extract"), or NULL. */
const cli_command *cli_find_command(const cli_table *t, const char *name);

/* Whether `cmd` takes the option row `o`. */
bool cli_command_takes(const cli_command *cmd, const cli_option *o);

/* Writes `cmd`'s --help to `out`: "Usage: citegraph NAME SYNOPSIS" (and
 * "   or: ..." for each further form), the description, "Options:" (only the
 * rows `cmd` takes, in table order, their texts aligned and wrapped at
 * CLI_HELP_WIDTH columns), its sections, and "Exit status:". For t->program,
 * the list of commands with their summaries comes before its options. Returns
 * 0, or -1 when writing failed; `out` is not flushed. */
int cli_write_help(const cli_table *t, const cli_command *cmd, FILE *out);

/* What a man page says besides the table. Any field may be NULL. */
typedef struct cli_man_info {
    const char *date;    /* of the release, "2025-10-01": the footer */
    const char *source;  /* "citegraph 0.1.0": the footer */
    const char *manual;  /* "User Commands" (the default): the header */
    const char *comment; /* a line for a roff comment at the top ("generated by ...") */
} cli_man_info;

/* Writes the man page of `cmd` to `out` in roff (man macros): .TH, NAME,
 * SYNOPSIS, DESCRIPTION, OPTIONS, the command's sections, EXIT STATUS and SEE
 * ALSO; for t->program, citegraph(1), also COMMANDS, which names every
 * command's page. Every text is escaped, so no table text can be read as a
 * request; options and placeholders are set in bold and italics, every hyphen
 * is written \- (so that options copied from the page work) and non-ASCII as
 * \[uXXXX]. Input lines are broken at spaces to stay within 79 bytes, and a
 * new sentence starts a new line, as roff expects. `groff -ww -man -z` and
 * `mandoc -Tlint` read the page without a warning. Returns 0, or -1 when
 * writing failed or memory ran out; `out` is not flushed. */
int cli_write_man(const cli_table *t, const cli_command *cmd, const cli_man_info *info, FILE *out);

/* The name of `cmd`'s man page without its section: "citegraph-extract", or
 * "citegraph" for t->program. Returns its length, as snprintf does (the name
 * was cut when that is not below `len`). */
int cli_man_page_name(const cli_table *t, const cli_command *cmd, char *buf, size_t len);

/* Checks the table: command ids unique and below 32, names unique, see_also
 * naming commands; every row with a help text, at least one name, commands
 * that are in the table, names of letters, digits and inner hyphens not longer
 * than CLI_LONG_NAME_MAX, choices only with a value; no two rows a command
 * takes sharing a name; rows sharing a name sharing the id and whether they
 * take a value. Returns 0, or -1 with the first fault in `err` (which may be
 * NULL). mangen runs it before it writes a page, and so do the tests. */
int cli_table_check(const cli_table *t, char *err, size_t errlen);

#endif
