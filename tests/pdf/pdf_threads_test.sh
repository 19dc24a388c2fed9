#!/bin/sh
# PDFs read on two threads at once: no data race inside poppler or lcms2.
# poppler shares colour profiles between all documents (GfxState's sRGB profile
# and the lcms2 transforms made from it); two threads reading PDFs with an
# ICC output intent at the same time crashed in lcms2's cmsStageDup. The reads
# are serialised (src/input/pdf.c); helgrind checks every access in poppler
# and lcms2 on every run, where the crash itself comes once in hundreds.
# Exits 77 (skipped) without valgrind.
# usage: pdf_threads_test.sh CITEGRAPH GOLD_PDF_DIR
set -eu
cg=$1
dir=$2
command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed: skipped" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# both carry an OutputIntents ICC profile, which makes poppler set up colour
# transforms for every page
valgrind --tool=helgrind --error-limit=no --log-file="$tmp/helgrind.log" \
    "$cg" extract -j 2 "$dir/1800347.pdf" "$dir/1800262.pdf" "$dir/1802100.pdf" \
    "$dir/1805502.pdf" > "$tmp/out.jsonl" 2> "$tmp/err.txt" ||
    { cat "$tmp/err.txt" >&2; echo "FAIL: citegraph extract under helgrind failed" >&2; exit 1; }
[ "$(grep -c '"type":"document"' "$tmp/out.jsonl" || true)" -ge 4 ] ||
    { echo "FAIL: extract did not write the four documents" >&2; exit 1; }
grep -q "ERROR SUMMARY" "$tmp/helgrind.log" ||
    { cat "$tmp/helgrind.log" >&2; echo "FAIL: helgrind did not run to the end" >&2; exit 1; }

# one report per paragraph of the log (split at helgrind's ---- rules); a race
# counts when a stack of it passes through poppler or lcms2. (Lines are kept in
# an array, and the rule is spelt out: mawk has no {n,} intervals.)
awk 'function flush(  i) { if (race && hit) { for (i = 1; i <= k; i++) print line[i]; n++ }
                           k = race = hit = 0 }
     /^==[0-9]+== ----------/ { flush(); next }
     { line[++k] = $0 }
     /Possible data race/ { race = 1 }
     /libpoppler|liblcms2/ { hit = 1 }
     END { flush(); exit n > 0 }' "$tmp/helgrind.log" > "$tmp/races.txt" ||
    { cat "$tmp/races.txt" >&2
      echo "FAIL: data races in poppler or lcms2 while reading PDFs on two threads" >&2; exit 1; }
echo "no data race in poppler or lcms2 ($(grep -c "Possible data race" "$tmp/helgrind.log" || true) reported outside them)"
