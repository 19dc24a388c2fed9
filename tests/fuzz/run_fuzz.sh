#!/bin/sh
# run_fuzz.sh BUILD_DIR SECONDS [TARGET...] - fuzzes each target in turn on one
# core, then merges what it found into a minimal corpus.
#
#   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCG_FUZZ=ON
#   cmake --build build-fuzz -j2
#   tests/fuzz/run_fuzz.sh build-fuzz 600            # all targets, 10 min each
#   tests/fuzz/run_fuzz.sh build-fuzz 60 grammar     # one target
#   tests/fuzz/run_fuzz.sh --keep build-fuzz 600     # ... and replace corpus/<t>
#
# Work happens in BUILD_DIR/fuzz-work/<target>/: corpus/ (the kept corpus
# plus what the run adds), artifacts/ (crash-*, leak-*, timeout-*, oom-*),
# fuzz-0.log (the run's log) and merged/ (the minimised corpus: the seed-*
# files and the inputs that add coverage edges). With
# --keep, merged/ replaces tests/fuzz/corpus/<target>/. Exit status 1 when a
# run found something.
set -u
keep=0
if [ "${1:-}" = "--keep" ]; then keep=1; shift; fi
if [ $# -lt 2 ]; then
    echo "usage: $0 [--keep] BUILD_DIR SECONDS [TARGET...]" >&2
    exit 2
fi
build=$(cd "$1" && pwd) || exit 2
secs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- extract grammar catalog json record pdf
status=0
for t in "$@"; do
    bin="$build/tests/fuzz/fuzz_$t"
    [ -x "$bin" ] || { echo "$bin: not built (configure with -DCG_FUZZ=ON)" >&2; exit 2; }
    work="$build/fuzz-work/$t"
    rm -rf "$work"
    mkdir -p "$work/corpus" "$work/artifacts" "$work/merged"
    cp "$here/corpus/$t"/* "$work/corpus/"
    echo "== fuzz_$t for ${secs}s"
    (cd "$work" && "$bin" -max_total_time="$secs" -jobs=1 -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=1 -artifact_prefix="$work/artifacts/" corpus \
        >/dev/null 2>&1)
    grep -E '^#[0-9]+.*(pulse|DONE|NEW)' "$work/fuzz-0.log" | tail -1
    grep -E '^stat::' "$work/fuzz-0.log"
    if [ -n "$(ls "$work/artifacts")" ]; then
        echo "fuzz_$t FOUND:"; ls -l "$work/artifacts"
        status=1
    fi
    # The seeds stay (they are readable examples); of the rest, only inputs
    # that add coverage edges (-use_counters=0: not hit counts), which keeps
    # the kept corpus at a few hundred small files.
    cp "$here/corpus/$t"/seed-* "$work/merged/" 2>/dev/null
    (cd "$work" && "$bin" -merge=1 -use_counters=0 -timeout=10 -rss_limit_mb=2048 merged \
        corpus >merge.log 2>&1)
    echo "merged: $(ls "$work/merged" | wc -l) files, $(du -sk "$work/merged" | cut -f1) KiB"
    if [ "$keep" = 1 ]; then
        rm -f "$here/corpus/$t"/*
        cp "$work/merged"/* "$here/corpus/$t/"
    fi
done
exit $status
