#!/bin/sh
# PDF input on real Drucksachen (tests/gold/pdf):
#   - the references found in 2101576.pdf are those found in DIP's text layer of the same
#     document (kind, target, locator, relation, as a multiset), but for the one URL whose
#     hyphen DIP's text layer lost at a line break and the PDF's link annotation keeps;
#   - no document cites itself once per page: running heads and footers are left out;
#   - output is the same bytes for -j 1 and -j 3, and whatever the order of the paths;
#   - positions: page, page_label and page_line on every reference of a PDF.
# usage: pdf_test.sh CITEGRAPH GOLD_PDF_DIR
set -eu
cg=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() {
    echo "FAIL: $*" >&2
    fails=$((fails + 1))
}

# the multiset: kind, target, locator, relation of every reference, sorted
refs() {
    "$cg" extract -q -f tsv "$1" | tail -n +2 | cut -f3- | LC_ALL=C sort
}
refs "$dir/2101576.pdf" > "$tmp/pdf.tsv"
refs "$dir/btd-21-1576.txt.layer" > "$tmp/layer.tsv"
[ "$(wc -l < "$tmp/pdf.tsv")" -eq 8 ] || fail "2101576.pdf: $(wc -l < "$tmp/pdf.tsv") references, expected 8"
faz=http://www.faz.net/aktuell/politik/inland/schuster
tail=wadephuls-aeusserung-ueber-zwangssolidaritaet-als-entgleisung-110593344.html
# the text layer reads "schuster⏎bezeichnet" (its hyphen lost); the PDF's link says "schuster-bezeichnet"
# (once: the second time, on page 2, the text layer has the hyphen too)
awk -v a="$faz-bezeichnet-$tail" -v b="$faz""bezeichnet-$tail" \
    '!done && index($0, a) { sub(a, b); done = 1 } { print }' "$tmp/pdf.tsv" |
    LC_ALL=C sort > "$tmp/pdf-as-layer.tsv"
cmp -s "$tmp/pdf-as-layer.tsv" "$tmp/layer.tsv" ||
    { fail "2101576.pdf and its text layer differ:"; diff "$tmp/pdf-as-layer.tsv" "$tmp/layer.tsv" >&2 || true; }
[ "$(grep -c "$faz-bezeichnet-$tail" "$tmp/pdf.tsv")" -eq 2 ] ||
    fail "2101576.pdf: the faz.net address is not whole twice (link annotation)"
[ "$(grep -c "$faz""bezeichnet-$tail" "$tmp/layer.tsv")" -eq 1 ] ||
    fail "the text layer no longer loses the hyphen: compare the two without the exception"

# no self-citation from running heads, and a document of 84 pages of tables read whole
for f in "$dir"/*.pdf; do
    "$cg" extract -q "$f" > "$tmp/one.jsonl" || { fail "$f: extract failed"; continue; }
    own=$(head -1 "$tmp/one.jsonl" | sed -n 's/.*"doc":"\([^"]*\)".*/\1/p')
    [ -n "$own" ] || fail "$f: no own id read from its header"
    if grep '"type":"reference"' "$tmp/one.jsonl" | grep -q "\"target\":\"$own\""; then
        fail "$f: cites its own number $own (a running head?)"
    fi
    grep '"type":"reference"' "$tmp/one.jsonl" | grep -v '"page":[1-9][0-9]*,"page_label":"[^"]*","page_line":[1-9]' |
        grep -q . && fail "$f: a reference without page, page_label and page_line"
    "$cg" extract -q -f text "$f" > "$tmp/one.txt"
    if grep -q -E '^(– [0-9]+ –|–[0-9]+–|Vorabfassung - wird durch die lektorierte Fassung ersetzt\.)$' "$tmp/one.txt"; then
        fail "$f: a page number or notice left in the text"
    fi
done
"$cg" extract -q "$dir/1801025.pdf" | head -1 | grep -q '"doc":"BT-Drs. 18/1025"' ||
    fail "1801025.pdf: the report of 84 pages of tables is not read as BT-Drs. 18/1025"

# the same bytes for any number of threads and any order of the paths
"$cg" extract -q -j 1 --ext .pdf "$dir" > "$tmp/j1.jsonl"
"$cg" extract -q -j 3 --ext .pdf "$dir" > "$tmp/j3.jsonl"
cmp -s "$tmp/j1.jsonl" "$tmp/j3.jsonl" || fail "extract -j 1 and -j 3 differ on the PDFs"
"$cg" extract -q -j 3 "$dir/2101576.pdf" "$dir/1800262.pdf" > "$tmp/ab.jsonl"
"$cg" extract -q -j 3 "$dir/1800262.pdf" "$dir/2101576.pdf" > "$tmp/ba.jsonl"
cmp -s "$tmp/ab.jsonl" "$tmp/ba.jsonl" || fail "extract depends on the order of the PDF paths"
[ "$(grep -c '"type":"document"' "$tmp/j1.jsonl")" -eq 9 ] || fail "not 9 document lines for the 9 PDFs"

# a graph of the PDFs: 18/347 (Beschlussempfehlung) cites 18/262, both read from PDFs
"$cg" cites 18/347 "$dir/1800347.pdf" "$dir/1800262.pdf" > "$tmp/cites.tsv" ||
    fail "cites 18/347 failed on the PDFs"
grep -q "BT-Drs. 18/262" "$tmp/cites.tsv" || fail "the graph of the PDFs lacks 18/347 -> 18/262"

# check: a finding in a PDF says its page
"$cg" check "$dir/2101576.pdf" > "$tmp/check.txt" 2>&1 || true
grep -q "2101576.pdf:p2:[0-9]*:[0-9]*: warning: BT-Drs. 15/879 is neither" "$tmp/check.txt" ||
    { fail "check does not give the page of 15/879 (p2:LINE:COL)"; cat "$tmp/check.txt" >&2; }

[ "$fails" -eq 0 ] || { echo "$fails failed" >&2; exit 1; }
echo "pdf: all passed"
