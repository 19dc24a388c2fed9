#!/bin/sh
# The graph of the sample corpus in every export format, and the answers of
# the queries, against the files in graph/, byte for byte.
# Usage: run_golden_graph.sh CITEGRAPH SAMPLE_DIR GOLDEN_DIR
#
# The commands run from the directory above SAMPLE_DIR with the corpus
# named by its relative path, so the files name no path of this machine.
# To regenerate after a change that is meant (review the diff, then commit):
#   CG_UPDATE_GOLDEN=1 ctest --test-dir build -R golden_graph
set -u
cg=$1
sample=$2
golden=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$(dirname "$sample")" || exit 1
s=$(basename "$sample")
failed=0
# case NAME COMMAND...: stdout of the command is the case's output
case_out() {
    name=$1
    shift
    "$cg" "$@" > "$tmp/$name" 2> "$tmp/$name.err" || { cat "$tmp/$name.err" >&2; echo "golden graph: $name: exit status $?" >&2; failed=1; }
}
case_out graph.dot graph -q -j 2 "$s"
case_out graph.json graph -q -j 2 -f json "$s"
case_out graph.graphml graph -q -j 2 -f graphml "$s"
case_out graph.gexf graph -q -j 2 -f gexf --questions --catalog "$s/index.tsv" "$s"
case_out graph-questions-urls.json graph -q -j 2 -f json --questions --urls --catalog "$s/index.tsv" "$s"
case_out around-21-1958.dot graph -q --around 21/1958 --depth 2 "$s"
"$cg" graph -q -f csv -o "$tmp/graph" "$s" 2> "$tmp/csv.err" || { cat "$tmp/csv.err" >&2; failed=1; }
case_out cites-21-1958.txt cites -q 21/1958 "$s"
case_out cited-by-21-843.json cited-by -q -f json 21/843 "$s"
case_out chain-21-843-in.txt chain -q --direction in 21/843 "$s"
case_out chain-21-1958.json chain -q -f json --questions 21/1958 "$s"
case_out path-21-1958-21-284.txt path -q 21/1958 21/284 "$s"
case_out longest-chain.json longest-chain -q -f json "$s"
case_out rank-pagerank.txt rank -q --by pagerank --top 10 "$s"
case_out stats.json stats -q -f json "$s"
case_out referrals.txt referrals -q --top 0 --catalog "$s/index.tsv" "$s"
case_out referrals.json referrals -q -f json "$s"
if [ -n "${CG_UPDATE_GOLDEN:-}" ]; then
    mkdir -p "$golden"
    rm -f "$tmp"/*.err
    cp "$tmp"/* "$golden"/
    echo "golden graph: rewrote $(ls "$golden" | wc -l) files in $golden; review the diff"
    exit 0
fi
n=0
for want in "$golden"/*; do
    n=$((n + 1))
    got=$tmp/$(basename "$want")
    if ! cmp -s "$want" "$got"; then
        echo "golden graph: $(basename "$want") differs (- expected, + got):" >&2
        diff -u "$want" "$got" | head -40 >&2
        failed=1
    fi
done
[ "$n" -ge 15 ] || { echo "golden graph: only $n files in $golden" >&2; failed=1; }
[ "$failed" -eq 0 ] && echo "golden graph: $n files match"
exit "$failed"
