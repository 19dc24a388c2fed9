/* cmd_grammar.c - `citegraph grammar`: print the built-in grammar, or load
 * grammar files on top of it and check them (patterns, templates, examples). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "cli.h"

static const char grammar_help[] =
    "Usage: citegraph grammar [--check FILE...]\n"
    "\n"
    "Without options, print the built-in reference grammar: every pattern citegraph\n"
    "uses, with the documentation of the format at its top. Copy a section into a\n"
    "file of your own to override it, or write new sections to add reference kinds,\n"
    "and pass the file to 'extract --patterns FILE'.\n"
    "\n"
    "With --check, load the built-in grammar and the FILEs after it, compile every\n"
    "pattern, and check every example and counter-example; report the first fault\n"
    "as FILE:LINE:COL.\n"
    "\n"
    "Exit status: 0 the grammar loads, 2 it does not (or a usage error).\n";

int cmd_grammar(cli *c, int argc, char **argv) {
    int check = 0;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n = 0;
    if (!files) return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(grammar_help, stdout);
            free(files);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--check") == 0) {
            check = 1;
        } else if (argv[i][0] == '-') {
            free(files);
            return cli_usage_error(c, "grammar ", "unknown option '%s'", argv[i]);
        } else {
            files[n++] = argv[i];
        }
    }
    if (!check) {
        free(files);
        if (n) return cli_usage_error(c, "grammar ", "files are checked with --check");
        size_t len;
        const char *text = cg_builtin_grammar_text(&len);
        return cli_write(text, len) && fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILED;
    }
    cg_extractor_options opts = {files, n};
    cg_extractor *ex = NULL;
    cg_error err;
    int rc = EXIT_OK;
    if (cg_extractor_new(&opts, &ex, &err) != CG_OK) {
        cli_grammar_error(c, &err);
        rc = EXIT_USAGE;
    } else {
        printf("grammar: built-in%s%zu file%s loaded, %zu examples checked\n", n ? " and " : ", ",
               n, n == 1 ? "" : "s", cg_extractor_examples_checked(ex));
    }
    cg_extractor_free(ex);
    free(files);
    return rc;
}
