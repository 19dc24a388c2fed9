/* graph_commands.h - the graph commands, in one list for both programs:
 * `citegraph` (graph_exec.c) needs their names to know which commands to
 * hand to citegraph-graph, and citegraph-graph (cmd_graph.c) their usage.
 * X(name, query, ids before the paths, usage, about). */
#ifndef CG_CLI_GRAPH_COMMANDS_H
#define CG_CLI_GRAPH_COMMANDS_H

#define CG_GRAPH_COMMANDS(X) \
    X("graph", Q_GRAPH, 0,                                                                    \
      "graph [OPTIONS] PATH... [--format dot|json|graphml|csv] [-o FILE]",                      \
      "Export the citation graph (or the neighbourhood of one document).") \
    X("cites", Q_CITES, 1, "cites ID PATH...",                                                \
      "What the document ID cites, with locators and positions.")                               \
    X("cited-by", Q_CITED_BY, 1, "cited-by ID PATH...", "What cites the document ID.") \
    X("chain", Q_CHAIN, 1, "chain ID PATH... [--direction out|in] [--depth N]", \
      "The transitive citations of ID as an indented tree.") \
    X("path", Q_PATH, 2, "path FROM TO PATH... | path --pairs FILE PATH...", \
      "A shortest citation path from FROM to TO; with --pairs, the path lengths for every\n" \
      "'FROM<tab>TO' line of FILE.") \
    X("longest-chain", Q_LONGEST, 0, "longest-chain PATH...", \
      "The longest citation chain in the acyclic part of the graph, and the cycles.") \
    X("rank", Q_RANK, 0, "rank PATH... [--by indegree|pagerank|hub|authority] [--top N]", \
      "The most important documents.") \
    X("stats", Q_STATS, 0, "stats PATH...", "Nodes, edges, components, cycles, most cited.")

#endif
