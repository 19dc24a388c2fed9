/* mangen.c - writes citegraph's man pages from its option table: citegraph.1
 * and citegraph-COMMAND.1 for every command, into a directory. The build runs
 * it, so the pages always say what the program parses.
 *
 * Usage: mangen [--date YYYY-MM-DD] [--source TEXT] OUTDIR
 *        mangen --list
 *        mangen --expect FILE...
 * --date is the date in the pages' footer (default: SOURCE_DATE_EPOCH, else
 * today, in UTC); --source names the program in it ("citegraph 0.1.0").
 * --list prints the file names, one a line, without writing anything;
 * --expect checks that FILE... (the build's list of pages to install) are
 * exactly those names, so that a new command cannot miss its page. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "optable.h"

static const char usage_text[] = "Usage: mangen [--date YYYY-MM-DD] [--source TEXT] OUTDIR\n"
                                 "       mangen --list\n"
                                 "       mangen --expect FILE...\n";

/* The file name of page i: 0 is the program's, i the (i-1)th command's. */
static void page_file(const cli_table *t, size_t i, char *buf, size_t len) {
    int n = cli_man_page_name(t, i ? &t->commands[i - 1] : t->program, buf, len);
    if (n >= 0 && (size_t)n + 3 <= len) strcat(buf, ".1");
}

/* Whether `names` (n of them) are exactly the pages' file names, in any
 * order; says on stderr what differs. */
static int expect_pages(const cli_table *t, char **names, int n) {
    int faults = 0;
    char name[128];
    for (size_t i = 0; i <= t->ncommands; i++) {
        page_file(t, i, name, sizeof name);
        int found = 0;
        for (int k = 0; k < n; k++)
            found += strcmp(names[k], name) == 0;
        if (found != 1) {
            fprintf(stderr, "mangen: %s is %s the list\n", name,
                    found ? "twice in" : "missing from");
            faults++;
        }
    }
    for (int k = 0; k < n; k++) {
        bool known = false;
        for (size_t i = 0; i <= t->ncommands && !known; i++) {
            page_file(t, i, name, sizeof name);
            known = strcmp(names[k], name) == 0;
        }
        if (!known) {
            fprintf(stderr, "mangen: %s is no page of the table\n", names[k]);
            faults++;
        }
    }
    return faults ? 1 : 0;
}

/* Writes one page to DIR/NAME.1 through a temporary file, so that a page
 * that could not be written whole is not left behind as if it had been. */
static int write_page(const cli_table *t, const cli_command *cmd, const cli_man_info *info,
                      const char *dir) {
    char name[128], path[4096], tmp[4160];
    cli_man_page_name(t, cmd, name, sizeof name);
    if (snprintf(path, sizeof path, "%s/%s.1", dir, name) >= (int)sizeof path) {
        fprintf(stderr, "mangen: %s: the path is too long\n", dir);
        return -1;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "mangen: cannot write %s: %s\n", tmp, strerror(errno));
        return -1;
    }
    int written = cli_write_man(t, cmd, info, f);
    if (fclose(f) != 0 || written != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "mangen: cannot write %s: %s\n", path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

/* The footer's date: SOURCE_DATE_EPOCH (reproducible builds), else today. */
static void default_date(char *buf, size_t len) {
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long seconds = epoch && *epoch ? strtoll(epoch, &end, 10) : -1;
    time_t when = end && !*end && seconds >= 0 ? (time_t)seconds : time(NULL);
    struct tm tm;
    if (!gmtime_r(&when, &tm) || strftime(buf, len, "%Y-%m-%d", &tm) == 0) buf[0] = '\0';
}

int main(int argc, char **argv) {
    const cli_table *t = &cli_citegraph_table;
    const char *dir = NULL, *date = NULL, *source = NULL;
    int list = 0;
    if (argc > 1 && strcmp(argv[1], "--expect") == 0) return expect_pages(t, argv + 2, argc - 2);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--list") == 0) {
            list = 1;
        } else if ((strcmp(argv[i], "--date") == 0 || strcmp(argv[i], "--source") == 0) &&
                   i + 1 < argc) {
            if (argv[i][2] == 'd')
                date = argv[++i];
            else
                source = argv[++i];
        } else if (argv[i][0] != '-' && !dir) {
            dir = argv[i];
        } else {
            fputs(usage_text, stderr);
            return 2;
        }
    }
    if (!list && !dir) {
        fputs(usage_text, stderr);
        return 2;
    }
    /* a fault in the table fails the build, before any page is written */
    char why[256];
    if (cli_table_check(t, why, sizeof why) != 0) {
        fprintf(stderr, "mangen: the option table is wrong: %s\n", why);
        return 1;
    }
    char name[128];
    if (list) {
        for (size_t i = 0; i <= t->ncommands; i++) {
            page_file(t, i, name, sizeof name);
            printf("%s\n", name);
        }
        return fflush(stdout) == 0 ? 0 : 1;
    }
    char today[32];
    if (!date) {
        default_date(today, sizeof today);
        date = today;
    }
    cli_man_info info = {
        .date = date,
        .source = source ? source : "citegraph",
        .manual = "User Commands",
        .comment = "Generated by mangen from src/cli/optable.c: edit that, not this file.",
    };
    for (size_t i = 0; i <= t->ncommands; i++)
        if (write_page(t, i ? &t->commands[i - 1] : t->program, &info, dir) != 0) return 1;
    return 0;
}
