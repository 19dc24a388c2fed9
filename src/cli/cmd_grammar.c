/* cmd_grammar.c - `citegraph grammar`: print the built-in grammar, or load
 * grammar files on top of it and check them (patterns, templates, examples). */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cmd_grammar(cli *c, int argc, char **argv) {
    cli_args a;
    int rc = EXIT_OK;
    cg_extractor *ex = NULL;
    if (!cli_parse_command(c, CMD_GRAMMAR, argc, argv, &a, &rc)) goto out;
    if (!cli_args_last(&a, OPT_CHECK)) {
        if (a.npositionals) {
            rc = cli_usage_error(c, "grammar ", "files are checked with --check");
            goto out;
        }
        size_t len;
        const char *text = cg_builtin_grammar_text(&len);
        cli_out out;
        cli_out_open(c, &out, NULL);
        cli_out_write(&out, text, len);
        rc = cli_out_close(c, &out);
        goto out;
    }
    cg_extractor_options opts = {a.positionals, a.npositionals};
    cg_error err;
    if (cg_extractor_new(&opts, &ex, &err) != CG_OK) {
        rc = cli_grammar_fail(c, &err);
        goto out;
    }
    size_t n = a.npositionals;
    printf("grammar: built-in%s%zu file%s loaded, %zu examples checked\n", n ? " and " : ", ", n,
           n == 1 ? "" : "s", cg_extractor_examples_checked(ex));
    cli_out out = {stdout, NULL, 0};
    rc = cli_out_close(c, &out);
out:
    cg_extractor_free(ex);
    cli_args_free(&a);
    return rc;
}
