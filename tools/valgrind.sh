#!/bin/sh
# valgrind.sh [BUILD_DIR] - memcheck on the unit tests, the fuzz corpus
# replays and the CLI on data/sample, in a Debug build without sanitizers.
#
#   tools/valgrind.sh                 # configures and builds build-valgrind/
#   tools/valgrind.sh build-vg        # another build directory
#
# Any memcheck error, or a definite or indirect leak, fails the run (still
# reachable memory at exit, e.g. igraph's or PCRE2's, does not). The reads
# of PCRE2's JIT code past the end of a subject are suppressed
# (tools/valgrind.supp says why). Logs are in
# BUILD_DIR/valgrind/*.log. Exit status: 0 clean, 1 errors or leaks.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-valgrind}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed" >&2; exit 2; }

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCG_BUILD_TESTS=ON -DCG_SANITIZE= \
        >/dev/null || exit 2
fi
cmake --build "$build" -j2 >/dev/null || { echo "build failed" >&2; exit 2; }

logs=$build/valgrind
rm -rf "$logs"
mkdir -p "$logs"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
n=0
vg() { # NAME COMMAND...: runs COMMAND under memcheck
    name=$1
    shift
    n=$((n + 1))
    # --trace-children: the graph commands run in citegraph-graph, which
    # citegraph executes; not into the system's programs (the man page test
    # runs sh, groff and man, whose leaks are not ours)
    valgrind --quiet --trace-children=yes --trace-children-skip='/bin/*,/usr/bin/*' \
        --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
        --track-origins=yes --suppressions="$src/tools/valgrind.supp" --log-file="$logs/$name.log" "$@" >"$out/$name.out" 2>"$out/$name.err"
    rc=$?
    if [ $rc -eq 99 ] || [ -s "$logs/$name.log" ]; then
        echo "FAIL $name (memcheck; see $logs/$name.log)"
        failed=$((failed + 1))
    else
        echo "ok   $name (exit $rc)"
    fi
}

for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    vg "$name" "$t"
done
for t in extract grammar catalog json record; do
    bin=$build/tests/fuzz/fuzz_replay_$t
    [ -x "$bin" ] && vg "fuzz_replay_$t" "$bin" "$src/tests/fuzz/corpus/$t"
done
cg=$build/citegraph
sample=$src/data/sample
vg cli_extract "$cg" extract "$sample"
vg cli_extract_tsv "$cg" extract --format tsv "$sample"
vg cli_graph_json "$cg" graph --format json "$sample"
vg cli_graph_dot "$cg" graph "$sample"
vg cli_graph_metadata "$cg" graph --format json --metadata "$sample/index.tsv" "$sample"
vg cli_check "$cg" check "$sample"
vg cli_check_json "$cg" check --format sarif --catalog "$sample/index.tsv" "$sample"
vg cli_grammar "$cg" extract --patterns "$src/examples/statutes.cgg" "$sample"
# the result cache: written (cold), then read back (warm); one thread and several
vg cli_check_cache_cold "$cg" check -j 2 --cache "$out/cache" "$sample"
vg cli_check_cache_warm "$cg" check -j 1 --cache "$out/cache" "$sample"

echo "valgrind: $((n - failed)) of $n clean"
[ $failed -eq 0 ]
