/* optable.h - citegraph's commands and options: the one table (optable.c)
 * that parses every command's arguments and writes its --help and man page
 * (options.h). */
#ifndef CG_CLI_OPTABLE_H
#define CG_CLI_OPTABLE_H

#include "options.h"

/* The commands: the ids of cli_command, and the bits of cli_option.commands. */
typedef enum cli_command_id {
    CMD_CITEGRAPH, /* the program itself: `citegraph --help`, citegraph(1) */
    CMD_EXTRACT,
    CMD_CHECK,
    CMD_GRAPH,
    CMD_CITES,
    CMD_CITED_BY,
    CMD_CHAIN,
    CMD_PATH,
    CMD_LONGEST_CHAIN,
    CMD_RANK,
    CMD_STATS,
    CMD_REFERRALS,
    CMD_MAINPATH,
    CMD_SIMILAR,
    CMD_ACCURACY,
    CMD_GRAMMAR,
    CMD_HELP,
    CMD_VERSION,
    CMD_COUNT
} cli_command_id;

/* The graph queries, and all the commands that the program citegraph-graph
 * runs (the queries and `graph`), as sets of CLI_CMD_BIT. */
#define CLI_GRAPH_QUERIES                                                                          \
    (CLI_CMD_BIT(CMD_CITES) | CLI_CMD_BIT(CMD_CITED_BY) | CLI_CMD_BIT(CMD_CHAIN) |                 \
     CLI_CMD_BIT(CMD_PATH) | CLI_CMD_BIT(CMD_LONGEST_CHAIN) | CLI_CMD_BIT(CMD_RANK) |              \
     CLI_CMD_BIT(CMD_STATS) | CLI_CMD_BIT(CMD_REFERRALS) | CLI_CMD_BIT(CMD_MAINPATH))
/* similar writes CSV too: its --format has rows of its own */
#define CLI_GRAPH_COMMANDS (CLI_CMD_BIT(CMD_GRAPH) | CLI_GRAPH_QUERIES | CLI_CMD_BIT(CMD_SIMILAR))

/* The options: what a command switches on. One id may have several rows (its
 * meanings for different commands), all spelled the same. */
typedef enum cli_option_id {
    /* every command */
    OPT_HELP,    /* -h, --help */
    OPT_VERSION, /* -V, --version */
    /* shared by several commands */
    OPT_FORMAT,   /* -f, --format FORMAT: the choices differ per command */
    OPT_OUTPUT,   /* -o, --output FILE */
    OPT_CATALOG,  /* --catalog FILE (repeatable); graph commands: also --metadata */
    OPT_PATTERNS, /* --patterns FILE (repeatable) */
    OPT_EXT,      /* --ext LIST */
    OPT_JOBS,     /* -j, --jobs N */
    OPT_QUIET,    /* -q, --quiet */
    /* graph commands */
    OPT_AROUND,       /* graph: --around ID */
    OPT_DEPTH,        /* graph, chain: --depth N */
    OPT_DIRECTION,    /* graph: out|in|all; chain: out|in */
    OPT_BY,           /* rank: --by indegree|pagerank|hub|authority */
    OPT_TOP,          /* rank, stats, referrals: --top N */
    OPT_PAIRS,        /* path: --pairs FILE */
    OPT_QUESTIONS,    /* --questions */
    OPT_URLS,         /* --urls */
    OPT_FORCE_RENDER, /* --force-render */
    OPT_LAYOUT,       /* graph: --layout force|time */
    OPT_TIMINGS,      /* --timings */
    OPT_URHEBER,      /* rank: --urheber NAME */
    OPT_ROLE,         /* stats --by urheber: --role urheber|ressort|fragesteller|all */
    OPT_WEIGHT,       /* mainpath: --weight spc|splc|spnp */
    OPT_METHOD,       /* mainpath: --method global|forward|backward|key-route */
    OPT_ALL_PAIRS,    /* similar: --all */
    OPT_MIN_SHARED,   /* similar: --min-shared N */
    /* check */
    OPT_FAIL_ON,        /* --fail-on error|warning|note|never */
    OPT_SEVERITY,       /* --severity error|warning|note */
    OPT_BASELINE,       /* --baseline FILE */
    OPT_WRITE_BASELINE, /* --write-baseline FILE */
    OPT_CONFIG,         /* --config FILE */
    OPT_NO_CONFIG,      /* --no-config */
    OPT_ONLINE,         /* --online */
    OPT_TIMEOUT,        /* --timeout MS */
    OPT_RETRIES,        /* --retries N */
    OPT_CONCURRENCY,    /* --concurrency N */
    OPT_URL_CACHE,      /* --url-cache FILE */
    OPT_URL_CACHE_TTL,  /* --url-cache-ttl SECONDS */
    OPT_ALLOW_HOST,     /* --allow-host HOST (repeatable) */
    OPT_DENY_HOST,      /* --deny-host HOST (repeatable) */
    OPT_ALLOW_PRIVATE,  /* --allow-private */
    OPT_ALLOW_ADDRESS,  /* --allow-address RANGE (repeatable) */
    OPT_MAX_REDIRECTS,  /* --max-redirects N */
    OPT_ONLINE_BUDGET,  /* --online-budget SECONDS */
    OPT_CACHE,          /* --cache DIR */
    OPT_LIST_RULES,     /* --list-rules */
    OPT_SELECTION,      /* check: --catalog-selection FILE (repeatable) */
    /* accuracy */
    OPT_THRESHOLDS, /* --thresholds FILE */
    /* grammar */
    OPT_CHECK /* --check */
} cli_option_id;

/* The table: citegraph, its commands and all their options. */
extern const cli_table cli_citegraph_table;

#endif
