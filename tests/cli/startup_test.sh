#!/bin/sh
# What each command loads: `extract`, `check` and `version` map neither igraph
# nor libcurl (start-up time, see BENCHMARKS.md); the graph commands run in
# the helper citegraph-graph, found next to `citegraph`, and `check --online`
# opens libcurl when it runs, failing with exit status 2 and a message when
# libcurl cannot be loaded. The loaded files are taken from the dynamic
# loader's own log (LD_DEBUG=files), so dlopen() and exec are seen too.
# Usage: startup_test.sh CITEGRAPH SAMPLE_DIR HAVE_CURL(0|1)
set -u
case $1 in /*) cg=$1 ;; *) cg=$(pwd)/$1 ;; esac
sample=$2
have_curl=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/testlib.sh" # pass, fail, ok, bad, stderr_has, ...

doc=$tmp/doc.txt
printf 'Siehe Drucksache 19/5954.\n' > "$doc"

# run NAME COMMAND...: runs COMMAND with the loader's log in $tmp/ld.NAME.*,
# stdout and stderr in $tmp/out and $tmp/err, the exit status in $status
run() {
    name=$1; shift
    rm -f "$tmp/ld.$name".*
    LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld.$name" "$@" > "$tmp/out" 2> "$tmp/err"
    status=$?
}
loaded() { cat "$tmp/ld.$1".* 2>/dev/null | grep -q "file=$2"; }
status_is() {
    if [ "$status" -eq "$2" ]; then ok; else
        bad "$1: exit status $status, expected $2"; cat "$tmp/err" >&2
    fi
}
not_loaded() { if loaded "$1" "$2"; then bad "$1 loads $2"; else ok; fi; }
is_loaded() { if loaded "$1" "$2"; then ok; else bad "$1 does not load $2"; fi; }

# ---- extract, check and version load neither igraph nor libcurl
run version "$cg" --version; status_is version 0
run extract "$cg" extract -q "$doc"; status_is extract 0
run check "$cg" check -q --no-config "$sample"; status_is check 0
for name in version extract check; do
    not_loaded $name libigraph
    not_loaded $name libcurl
done
# the log is really read: libc is in every one
is_loaded extract libc.so

# ---- the graph commands run in citegraph-graph, with igraph
run stats "$cg" stats "$sample"; status_is stats 0
is_loaded stats libigraph
if grep -q "^nodes  *84 " "$tmp/out"; then ok; else bad "stats: wrong output"; fi
run help-rank "$cg" help rank; status_is help-rank 0
if grep -q "^Usage: citegraph rank" "$tmp/out"; then ok; else bad "help rank: no usage"; fi
# found through a symbolic link to citegraph (/proc/self/exe resolves it)
mkdir "$tmp/link" && ln -s "$cg" "$tmp/link/citegraph"
run link "$tmp/link/citegraph" cites "BT-Drs. 21/1633" "$sample"; status_is link 0
# without the helper: a message and exit status 2; extract still works
mkdir "$tmp/alone" && cp "$cg" "$tmp/alone/citegraph"
run alone "$tmp/alone/citegraph" graph "$sample"; status_is alone 2
stderr_has alone "citegraph-graph, which could not be started: .*No such file"
run alone-extract "$tmp/alone/citegraph" extract -q "$doc"; status_is alone-extract 0

# ---- check --online opens libcurl, only then
if [ "$have_curl" = 1 ]; then
    # no URL in the document: nothing is fetched
    run online "$cg" check -q --no-config --online "$doc"
    if [ "$status" -ne 2 ]; then ok; else bad "online: exit status 2"; cat "$tmp/err" >&2; fi
    is_loaded online libcurl
    # a libcurl.so.4 that is no library comes first on the search path
    mkdir "$tmp/fakelib" && printf 'not a library\n' > "$tmp/fakelib/libcurl.so.4"
    run nocurl env LD_LIBRARY_PATH="$tmp/fakelib" "$cg" check -q --no-config --online "$doc"
    status_is nocurl 2
    stderr_has nocurl "error: --online: libcurl could not be loaded.*fakelib/libcurl.so.4"
    if [ ! -s "$tmp/out" ]; then ok; else bad "nocurl: stdout not empty"; fi
fi

echo "startup: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
