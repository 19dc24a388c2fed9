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
    bool check = cli_args_last(&a, OPT_CHECK) != NULL;
    if (!check && a.npositionals) {
        rc = cli_usage_error(c, "files are checked with --check");
        goto out;
    }
    if (check) {
        cg_extractor_options opts = {a.positionals, a.npositionals};
        cg_error err;
        if (cg_extractor_new(&opts, &ex, &err) != CG_OK) {
            rc = cli_grammar_fail(c, &err);
            goto out;
        }
    }
    cli_out out;
    if ((rc = cli_out_open(c, &out, NULL)) != EXIT_OK) goto out;
    if (check) {
        size_t n = a.npositionals;
        cli_out_printf(&out, "grammar: built-in%s%zu file%s loaded, %zu examples checked\n",
                       n ? " and " : ", ", n, n == 1 ? "" : "s", cg_extractor_examples_checked(ex));
    } else {
        size_t len;
        const char *text = cg_builtin_grammar_text(&len);
        cli_out_write(&out, text, len);
    }
    rc = cli_out_close(c, &out);
out:
    cg_extractor_free(ex);
    cli_args_free(&a);
    return rc;
}
