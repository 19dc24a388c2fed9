/* main.c - the citegraph command: dispatch to subcommands. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "cli.h"

static const char usage_text[] =
    "Usage: citegraph COMMAND [OPTIONS] [PATH...]\n"
    "\n"
    "Find the references German parliamentary and EU documents make to one another.\n"
    "\n"
    "Commands:\n"
    "  extract    report every reference with its canonical id and position\n"
    "  check      report broken references: unknown documents and questions,\n"
    "             malformed numbers, ... (text, JSON, SARIF, GitHub, JUnit, Markdown)\n"
    "  accuracy   measure the extractor against a gold set\n"
    "  grammar    print the built-in reference grammar, or check grammar files\n"
    "\n"
    "  graph          export the citation graph: DOT (rendered to SVG/PNG/PDF), JSON,\n"
    "                 GraphML, CSV; the whole graph or a neighbourhood\n"
    "  cites ID       what a document cites, with locators and positions\n"
    "  cited-by ID    what cites a document\n"
    "  chain ID       the transitive citations of a document, as a tree\n"
    "  path FROM TO   a shortest citation path\n"
    "  longest-chain  the longest citation chain, and the cycles\n"
    "  rank           the most cited / central documents\n"
    "  stats          the size and shape of the graph\n"
    "  version    print the version\n"
    "  help       show help for a command\n"
    "\n"
    "Run 'citegraph COMMAND --help' for the options of a command.\n"
    "\n"
    "Exit status:\n"
    "  0  success (also when nothing was found)\n"
    "  1  finished, but some input could not be read or processed\n"
    "  2  usage or configuration error\n";

int main(int argc, char **argv) {
    cli c;
    cli_init(&c);
    /* A closed pipe ("citegraph extract ... | head") ends output quietly. */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        fputs(usage_text, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            fputs(usage_text, stdout);
            return EXIT_OK;
        }
        char *help_argv[] = {argv[2], "--help", NULL};
        if (strcmp(argv[2], "extract") == 0) return cmd_extract(&c, 2, help_argv);
        if (strcmp(argv[2], "accuracy") == 0) return cmd_accuracy(&c, 2, help_argv);
        if (strcmp(argv[2], "grammar") == 0) return cmd_grammar(&c, 2, help_argv);
        if (strcmp(argv[2], "check") == 0) return cmd_check(&c, 2, help_argv);
        if (cli_is_graph_command(argv[2])) {
            char *graph_argv[] = {argv[0], argv[2], "--help", NULL};
            return cli_exec_graph(&c, graph_argv);
        }
        return cli_usage_error(&c, NULL, "unknown command '%s'", argv[2]);
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("citegraph %s\n", cg_version());
        return EXIT_OK;
    }
    if (strcmp(cmd, "extract") == 0) return cmd_extract(&c, argc - 1, argv + 1);
    if (strcmp(cmd, "accuracy") == 0) return cmd_accuracy(&c, argc - 1, argv + 1);
    if (strcmp(cmd, "grammar") == 0) return cmd_grammar(&c, argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0) return cmd_check(&c, argc - 1, argv + 1);
    if (cli_is_graph_command(cmd)) return cli_exec_graph(&c, argv);
    return cli_usage_error(&c, NULL, "unknown command '%s'", cmd);
}
