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

# cites shows where on the page: "at FILE:pPAGE:LINE:COL"
"$cg" cites 18/347 "$dir/1800347.pdf" "$dir/1800262.pdf" | grep -q "at $dir/1800347.pdf:p1:[0-9]*:[0-9]*$" ||
    fail "cites does not give the page of a position in a PDF"

# SARIF: the PDF as a whole (line 1), the page in the message and the location's properties
"$cg" check -f sarif "$dir/2101576.pdf" > "$tmp/check.sarif" 2>/dev/null || true
tr -d ' \n' < "$tmp/check.sarif" > "$tmp/flat.sarif"
grep -q '"region":{"startLine":1}},"properties":{"page":2,"pageLabel":"2","pageLine":2,"column":6}' "$tmp/flat.sarif" ||
    fail "SARIF: no region of line 1 with the page in the properties for 15/879"
grep -q '"text":"page2,line2,col6:BT-Drs.15/879isneither' "$tmp/flat.sarif" ||
    fail "SARIF: the message does not say the page of 15/879"

# file endings in any case; a file named .pdf that is not one is read with a warning
mkdir "$tmp/upper"
cp "$dir/2101576.pdf" "$tmp/upper/DRS.PDF"
printf '<html>404 Not Found</html>\n' > "$tmp/upper/broken.pdf"
"$cg" extract -q -f tsv "$tmp/upper" > "$tmp/upper.tsv" 2>&1 || true
grep -q "DRS.PDF	7	bt_drucksache	BT-Drs. 21/1129" "$tmp/upper.tsv" || fail "a directory's .PDF is not read"
"$cg" extract "$tmp/upper/broken.pdf" > /dev/null 2> "$tmp/broken.err" || true
grep -q "broken.pdf: is named .pdf but is not a PDF file; read as text" "$tmp/broken.err" ||
    fail "a .pdf that is not a PDF gives no warning"

# accuracy on a directory without gold files is no perfect score
rc=0
"$cg" accuracy "$tmp/upper" > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "accuracy on a directory without gold files: exit $rc, expected 2"

# check: a finding in a PDF says its page
"$cg" check "$dir/2101576.pdf" > "$tmp/check.txt" 2>&1 || true
grep -q "2101576.pdf:p2:[0-9]*:[0-9]*: warning: BT-Drs. 15/879 is neither" "$tmp/check.txt" ||
    { fail "check does not give the page of 15/879 (p2:LINE:COL)"; cat "$tmp/check.txt" >&2; }

# check --cache: a PDF whose stat is unchanged is not read again (its text is not the size of
# its file), and the findings are the same
mkdir "$tmp/cached"
cp "$dir/2101576.pdf" "$dir/1800262.pdf" "$tmp/cached/"
sleep 3 # settled: the index trusts only files not changed in the last 2 seconds
"$cg" check --cache "$tmp/cache" "$tmp/cached" > "$tmp/cold.txt" 2> "$tmp/cold.err" || true
"$cg" check --cache "$tmp/cache" "$tmp/cached" > "$tmp/warm.txt" 2> "$tmp/warm.err" || true
grep -q "cache: 0 reused, 2 extracted, 0 damaged and rebuilt; 2 of 2 files read" "$tmp/cold.err" ||
    { fail "check --cache, first run:"; cat "$tmp/cold.err" >&2; }
grep -q "cache: 2 reused, 0 extracted, 0 damaged and rebuilt; 0 of 2 files read" "$tmp/warm.err" ||
    { fail "check --cache reads the PDFs again:"; cat "$tmp/warm.err" >&2; }
cmp -s "$tmp/cold.txt" "$tmp/warm.txt" || fail "check --cache: the findings differ when taken from the cache"
grep -q "2101576.pdf:p2:[0-9]*:[0-9]*: warning: BT-Drs. 15/879" "$tmp/warm.txt" ||
    fail "check --cache: the page of a finding is lost in the cache"

# a PDF and its text as a file are two documents to the cache: the file has no pages
"$cg" extract -q -f text "$tmp/cached/2101576.pdf" > "$tmp/cached/2101576.txt"
"$cg" check --cache "$tmp/cache" "$tmp/cached/2101576.txt" > "$tmp/astext.txt" 2>/dev/null || true
grep -q "2101576.txt:44:6: warning: BT-Drs. 15/879 is neither" "$tmp/astext.txt" ||
    { fail "the text of a PDF took the PDF's cache entry (pages):"; cat "$tmp/astext.txt" >&2; }

[ "$fails" -eq 0 ] || { echo "$fails failed" >&2; exit 1; }
echo "pdf: all passed"
