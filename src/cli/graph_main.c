/* graph_main.c - citegraph-graph, the program that runs the graph commands
 * of `citegraph` (graph_exec.c says why they are a program of their own).
 * It takes the arguments of `citegraph`: a graph command, then its options. */
#include <signal.h>
#include <stdio.h>

#include "cli.h"

int main(int argc, char **argv) {
    cli c;
    cli_init(&c);
    /* as in main.c: a closed pipe ends output quietly */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    const cli_command *cmd = argc >= 2 ? cli_find_command(&cli_citegraph_table, argv[1]) : NULL;
    if (!cmd || !(CLI_CMD_BIT(cmd->id) & CLI_GRAPH_COMMANDS))
        return cli_usage_error(&c, "%s runs only the graph commands of citegraph",
                               argc > 0 ? argv[0] : "citegraph-graph");
    return cmd_graph(&c, (cli_command_id)cmd->id, argc - 1, argv + 1);
}
