/* graph_exec.c - the graph commands, run in the helper program citegraph-graph;
 * and check, run again with huge pages for malloc.
 *
 * The graph commands need igraph, and a process linked with igraph maps a
 * dozen libraries (BLAS, LAPACK, ARPACK, GLPK, GMP, libxml2 with ICU,
 * libstdc++, ...) before main(), about 7 ms of every start. extract and
 * check never use it, so `citegraph` is not linked with it: for a graph
 * command it executes citegraph-graph with the same arguments, which then
 * is the process, with the same standard streams, environment (but for
 * the malloc setting below) and exit status. The helper is found from the directory of the running
 * program
 * (/proc/self/exe, symbolic links resolved): CG_HELPER_FROM_BINDIR when
 * installed, the same directory in the build tree. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* glibc's malloc asks for transparent huge pages when told so (glibc 2.35 and later;
 * elsewhere the setting is ignored) */
#define HUGE_PAGES "glibc.malloc.hugetlb=1"

/* The path of the running program (/proc/self/exe, links resolved) into self[PATH_MAX]:
 * its length, or 0 with errno set. */
static size_t self_path(char *self) {
    ssize_t n = readlink("/proc/self/exe", self, PATH_MAX - 1);
    if (n == 0) errno = ENOENT;
    if (n <= 0) return 0;
    self[n] = '\0';
    return (size_t)n;
}

void cli_exec_with_huge_pages(char **argv) {
    /* `check --cache` of 100,000 documents reads their kept findings into a few hundred MB
     * of fresh memory: in 4 KiB pages the kernel's page faults were half of a re-run (2.4 s,
     * 1.3 s with huge pages). The setting is read when a process starts, so the program
     * starts again with it, unless the user set one of their own. */
    if (getenv("GLIBC_TUNABLES")) return;
    /* Not where starting again would not be this program as it was started: set-user-ID
     * (glibc drops the setting, and the start would repeat), under valgrind (the new
     * process would run uninstrumented), or started through the dynamic loader
     * ("ld.so citegraph check": /proc/self/exe is the loader, not the file exec'd). */
    if (getauxval(AT_SECURE)) return;
    const char *preload = getenv("LD_PRELOAD");
    if (preload && strstr(preload, "vgpreload")) return;
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    char self[PATH_MAX];
    if (!execfn || !self_path(self)) return;
    struct stat as_run, as_exe;
    if (stat(execfn, &as_run) != 0 || stat(self, &as_exe) != 0 || as_run.st_dev != as_exe.st_dev ||
        as_run.st_ino != as_exe.st_ino)
        return;
    if (setenv("GLIBC_TUNABLES", HUGE_PAGES, 1) != 0) return;
    execv(self, argv); /* returns only when it failed: then the run goes on here */
    unsetenv("GLIBC_TUNABLES");
}

int cli_exec_graph(cli *c, char **argv) {
    char self[PATH_MAX];
    if (!self_path(self)) {
        cli_error(c,
                  "the graph commands: cannot find this program's directory "
                  "(/proc/self/exe: %s)",
                  strerror(errno));
        return EXIT_USAGE;
    }
    char *slash = strrchr(self, '/');
    if (slash) *slash = '\0';
    /* A graph of a million references fills about 400 MB in many growing
     * arrays; in 4 KiB pages the kernel's page faults took a third of
     * `stats` (130,000 of them); huge pages leave a seventh of the faults.
     * A setting of the user's own is kept as it is. */
    if (!getenv("GLIBC_TUNABLES")) setenv("GLIBC_TUNABLES", HUGE_PAGES, 1);
    const char *const tails[] = {CG_HELPER_FROM_BINDIR "/" CG_GRAPH_HELPER, CG_GRAPH_HELPER};
    char tried[2][PATH_MAX + 64];
    int errs[2] = {0, 0};
    for (size_t i = 0; i < 2; i++) {
        snprintf(tried[i], sizeof tried[i], "%s/%s", slash ? self : ".", tails[i]);
        execv(tried[i], argv); /* returns only when it failed */
        errs[i] = errno;
        if (errs[i] != ENOENT) break;
    }
    int last = errs[0] == ENOENT ? 1 : 0;
    cli_error(c, "the graph commands are run by %s, which could not be started: %s: %s",
              CG_GRAPH_HELPER, tried[last], strerror(errs[last]));
    return EXIT_USAGE;
}
