#!/bin/sh
# Compares `citegraph extract --format tsv` on a case's input.txt with its
# expected.tsv as multisets of rows (the file column aside, comments dropped).
# Usage: run_golden.sh CITEGRAPH CASE_DIR
set -eu
cg=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cg" extract --format tsv "$dir/input.txt" | tail -n +2 | cut -f2- | LC_ALL=C sort > "$tmp/got"
grep -v '^#' "$dir/expected.tsv" | tail -n +2 | LC_ALL=C sort > "$tmp/want"
if ! diff -u "$tmp/want" "$tmp/got"; then
    echo "golden: $dir: output differs from expected.tsv (- expected, + got)" >&2
    exit 1
fi
echo "golden: $dir: $(wc -l < "$tmp/want") rows match"
