/* main.c - the citegraph command: the program's own options, and the
 * dispatch to its commands (the option table, optable.c, knows them all). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

/* For extract: each document's bytes, text and results are allocated and
 * freed again, thousands of times, many of them larger than glibc's default
 * threshold for mmap (128 KiB) or the free space it hands back to the
 * kernel. Kept in the heap, their pages are not faulted in anew for every
 * document: 2,400 page faults of an extract of the real corpus became 900,
 * 5 % of its time. A malloc setting the user made (GLIBC_TUNABLES, or the
 * older MALLOC_*_ variables) is kept. */
static void keep_freed_memory(void) {
#ifdef __GLIBC__
    const char *tunables = getenv("GLIBC_TUNABLES");
    if ((tunables && strstr(tunables, "glibc.malloc.")) || getenv("MALLOC_MMAP_THRESHOLD_") ||
        getenv("MALLOC_TRIM_THRESHOLD_"))
        return;
    mallopt(M_MMAP_THRESHOLD, 32 << 20); /* the largest glibc takes on 64-bit systems */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

/* `citegraph help [COMMAND]`: the help of a command, from the table, without
 * starting the program that runs it. */
static int help(cli *c, int argc, char **argv) {
    const cli_table *t = &cli_citegraph_table;
    cli_args a;
    int rc = EXIT_OK;
    if (!cli_parse_command(c, CMD_HELP, argc, argv, &a, &rc)) goto out;
    const cli_command *cmd = t->program;
    if (a.npositionals > 1) {
        rc = cli_usage_error(c, "help takes one COMMAND");
        goto out;
    }
    if (a.npositionals == 1 && !(cmd = cli_find_command(t, a.positionals[0]))) {
        c->command = t->program; /* whose help lists the commands */
        rc = cli_usage_error(c, "unknown command '%s'", a.positionals[0]);
        goto out;
    }
    rc = cli_print_help(cmd);
out:
    cli_args_free(&a);
    return rc;
}

static int version(cli *c, int argc, char **argv) {
    cli_args a;
    int rc = EXIT_OK;
    if (cli_parse_command(c, CMD_VERSION, argc, argv, &a, &rc)) {
        if (a.npositionals)
            rc = cli_usage_error(c, "version takes no argument");
        else
            rc = cli_print_version();
    }
    cli_args_free(&a);
    return rc;
}

int main(int argc, char **argv) {
    cli c;
    cli_init(&c);
    /* A closed pipe ("citegraph extract ... | head") ends output quietly. */
    signal(SIGPIPE, SIG_IGN);
    /* A file grown past the size limit (ulimit -f) fails its write, which is
     * reported, naming the file, instead of ending the process unexplained. */
    signal(SIGXFSZ, SIG_IGN);
    const cli_table *t = &cli_citegraph_table;
    cli_args a;
    int rc = EXIT_OK;
    if (!cli_parse_command(&c, CMD_CITEGRAPH, argc, argv, &a, &rc)) goto out;
    if (!a.npositionals) {
        cli_write_help(t, t->program, stderr);
        rc = EXIT_USAGE;
        goto out;
    }
    const cli_command *cmd = cli_find_command(t, a.positionals[0]);
    if (!cmd) {
        rc = cli_usage_error(&c, "unknown command '%s'", a.positionals[0]);
        goto out;
    }
    char **cmd_argv = argv + a.rest_index; /* cmd_argv[0] is the command's name */
    int cmd_argc = argc - a.rest_index;
    if (CLI_CMD_BIT(cmd->id) & CLI_GRAPH_COMMANDS) {
        cli_args_free(&a);
        /* citegraph-graph takes the command as its first argument */
        return cli_exec_graph(&c, cmd_argv - 1);
    }
    switch ((cli_command_id)cmd->id) {
    case CMD_EXTRACT:
        keep_freed_memory();
        rc = cmd_extract(&c, cmd_argc, cmd_argv);
        break;
    case CMD_CHECK:
        cli_exec_with_huge_pages(argv); /* before anything is read */
        rc = cmd_check(&c, cmd_argc, cmd_argv);
        break;
    case CMD_ACCURACY:
        rc = cmd_accuracy(&c, cmd_argc, cmd_argv);
        break;
    case CMD_GRAMMAR:
        rc = cmd_grammar(&c, cmd_argc, cmd_argv);
        break;
    case CMD_HELP:
        rc = help(&c, cmd_argc, cmd_argv);
        break;
    case CMD_VERSION:
        rc = version(&c, cmd_argc, cmd_argv);
        break;
    default:
        rc = cli_usage_error(&c, "unknown command '%s'", a.positionals[0]);
        break;
    }
out:
    cli_args_free(&a);
    return rc;
}
