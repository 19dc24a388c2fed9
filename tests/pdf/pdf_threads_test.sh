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

# all four carry an OutputIntents ICC profile, which makes poppler set up
# colour transforms for every page. (valgrind's default suppressions hide a
# race whose first frame is in libc itself.)
valgrind --tool=helgrind --error-limit=no --num-callers=30 --log-file="$tmp/helgrind.log" \
    "$cg" extract -j 2 "$dir/1800347.pdf" "$dir/1800262.pdf" "$dir/1802100.pdf" \
    "$dir/1805502.pdf" > "$tmp/out.jsonl" 2> "$tmp/err.txt" ||
    { cat "$tmp/err.txt" >&2; echo "FAIL: citegraph extract under helgrind failed" >&2; exit 1; }
docs=$(grep '"type":"document"' "$tmp/out.jsonl" | grep -vc '"doc":null' || true)
[ "$docs" -eq 4 ] || { echo "FAIL: extract read $docs of the four PDFs" >&2; exit 1; }
grep -q "ERROR SUMMARY" "$tmp/helgrind.log" ||
    { tail -n 50 "$tmp/helgrind.log" >&2; echo "FAIL: helgrind did not run to the end" >&2; exit 1; }

# one report per paragraph of the log (split at helgrind's ---- rules); a race
# counts when a stack of it passes through poppler or what only poppler brings
# into citegraph extract (lcms2, GLib, cairo, fontconfig, freetype, libstdc++).
# Lines are kept in an array, and the rule is spelt out: mawk has no {n,}.
awk 'function flush(  i) { if (race && hit) for (i = 1; i <= k; i++) print line[i]
                           k = race = hit = 0 }
     /^==[0-9]+== ----------/ { flush(); next }
     { line[++k] = $0 }
     /Possible data race/ { race = 1 }
     /libpoppler|liblcms2|libglib|libgobject|libgio|libcairo|libfontconfig|libfreetype|libstdc/ { hit = 1 }
     END { flush() }' "$tmp/helgrind.log" > "$tmp/races.txt" ||
    { echo "FAIL: awk could not read helgrind's log" >&2; exit 1; }
if [ -s "$tmp/races.txt" ]; then
    head -n 200 "$tmp/races.txt" >&2
    echo "FAIL: $(grep -c 'Possible data race' "$tmp/races.txt") data races in poppler or its" \
        "libraries while reading PDFs on two threads (the first shown above)" >&2
    exit 1
fi
echo "no data race in poppler or its libraries ($(grep -c "Possible data race" "$tmp/helgrind.log" || true) reported outside them)"
