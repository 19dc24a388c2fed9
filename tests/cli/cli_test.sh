#!/bin/sh
# CLI tests: exit codes, stdout/stderr separation, bad input, determinism.
# Usage: cli_test.sh CITEGRAPH JSONL_CHECK SAMPLE_DIR
set -u
cg=$1
check=$2
sample=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/testlib.sh" # pass, fail, ok, bad, expect, stdout_has, ...
stdout_empty() { if [ ! -s "$tmp/out" ]; then ok; else bad "$1: stdout not empty"; fi; }
stderr_empty() { if [ ! -s "$tmp/err" ]; then ok; else bad "$1: stderr not empty"; cat "$tmp/err" >&2; fi; }
counts_are() { c=$("$check" < "$tmp/out"); if [ "$c" = "$2" ]; then ok; else bad "$1: counts '$c', expected '$2'"; fi; }

# ---- help, version, usage errors (exit 2, message on stderr only)
expect help 0 "$cg" --help; stdout_has help "Usage: citegraph"; stderr_empty help
expect extract-help 0 "$cg" extract --help; stdout_has extract-help "--format"; stderr_empty extract-help
expect help-cmd 0 "$cg" help extract; stdout_has help-cmd "Usage: citegraph extract"
expect version 0 "$cg" version; stdout_has version "citegraph [0-9]"
expect no-args 2 "$cg"; stdout_empty no-args; stderr_has no-args "Usage"
expect unknown-cmd 2 "$cg" frobnicate; stdout_empty unknown-cmd; stderr_has unknown-cmd "unknown command 'frobnicate'"
expect no-path 2 "$cg" extract; stdout_empty no-path; stderr_has no-path "no PATH given"
# the one word of "cites DIR" was taken for the ID: the message says what is missing
expect cites-no-id 2 "$cg" cites "$sample"; stdout_empty cites-no-id
stderr_has cites-no-id "no PATH given: an ID stands before the PATHs (got only one word)"
expect path-no-path 2 "$cg" path 21/1958 "$sample"
stderr_has path-no-path "no PATH given: FROM and TO stand before the PATHs (got only two words)"
expect bad-option 2 "$cg" extract --bogus "$sample"; stdout_empty bad-option; stderr_has bad-option "unknown option '--bogus'"
expect bad-format 2 "$cg" extract --format xml "$sample"; stdout_empty bad-format; stderr_has bad-format "unknown format 'xml'"
expect missing-value 2 "$cg" extract "$sample" --format; stderr_has missing-value "needs a value"

# ---- the sample corpus: every line valid JSON, no messages
expect sample 0 "$cg" extract "$sample"; stderr_empty sample
counts_are sample "document=41 reference=$(grep -c '"type":"reference"' "$tmp/out") summary=1 error=0"
cp "$tmp/out" "$tmp/first.jsonl"
expect sample-again 0 "$cg" extract "$sample"
if cmp -s "$tmp/out" "$tmp/first.jsonl"; then ok; else bad "two runs differ"; fi
a=$sample/btd-21-1958.txt; b=$sample/btd-21-843.txt
"$cg" extract "$a" "$b" > "$tmp/ab"; "$cg" extract "$b" "$a" > "$tmp/ba"
if cmp -s "$tmp/ab" "$tmp/ba"; then ok; else bad "file order changes the output"; fi
expect tsv 0 "$cg" extract --format tsv "$a"
if head -1 "$tmp/out" | grep -q "^file	line	kind	target	locator	relation$"; then ok; else bad "tsv header"; fi
stdout_has tsv "btd-21-1958.txt	[0-9]*	bt_drucksache	BT-Drs. 21/843	Frage 2	cites"
stdout_has tsv "bt_drucksache	BT-Drs. 21/1633		answers"

# ---- standard input
expect stdin 0 sh -c "printf 'Siehe Drucksache 19/5954.\n' | '$cg' extract --format tsv -"
stdout_has stdin "^-	1	bt_drucksache	BT-Drs. 19/5954		cites"

# ---- bad input: each named on stderr, the rest still processed, exit 1
mkdir "$tmp/in"
cp "$a" "$tmp/in/good.txt"
printf '' > "$tmp/in/empty.txt"
printf 'Luftverkehr\000 steuer, Drucksache 21/5\n' > "$tmp/in/nul.txt"
printf 'Stra\337e, Drucksache 21/6\n' > "$tmp/in/latin1.txt"
printf 'a\r\nDrucksache 21/7\r\n' > "$tmp/in/crlf.txt"
cp "$check" "$tmp/in/program.txt"
LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 4000; i++) printf "%c", 128 + int(rand() * 128) }' > "$tmp/in/random.txt"
printf '%%PDF-1.7\n\000\000\000\000' > "$tmp/in/scan.txt"
ln -s "$tmp/nowhere" "$tmp/in/dangling.txt"
mkfifo "$tmp/in/fifo.txt"
chmod 000 "$tmp/in/empty.txt" 2>/dev/null
cp "$a" "$tmp/in/unreadable.txt"; chmod 000 "$tmp/in/unreadable.txt"
chmod 644 "$tmp/in/empty.txt"
expect bad-input 1 "$cg" extract "$tmp/in"
stderr_has bad-input "citegraph: error: $tmp/in/dangling.txt: is a dangling symbolic link"
stderr_has bad-input "citegraph: error: $tmp/in/fifo.txt: is not a regular file (a FIFO)"
# a PDF is read by its content, whatever its name: this one is only a header
if [ "${CG_HAVE_POPPLER:-OFF}" = ON ]; then
    stderr_has bad-input "citegraph: error: $tmp/in/scan.txt: is a damaged PDF file that poppler cannot open"
else
    stderr_has bad-input "citegraph: error: $tmp/in/scan.txt: is a PDF file, and this citegraph was built without PDF support"
fi
stderr_has bad-input "citegraph: error: $tmp/in/random.txt: is not a text document: binary data"
stderr_has bad-input "citegraph: error: $tmp/in/program.txt: is not a text document: an executable"
stderr_has bad-input "citegraph: warning: $tmp/in/empty.txt: is empty"
stderr_has bad-input "citegraph: warning: $tmp/in/nul.txt: contains 1 NUL byte (first at line 1, column 12)"
stderr_has bad-input "citegraph: warning: $tmp/in/latin1.txt: is not valid UTF-8"
stderr_has bad-input "could not be processed"
if [ "$(id -u)" -ne 0 ]; then stderr_has bad-input "unreadable.txt: cannot open: Permission denied"; fi
# every file has its document line, the failed ones with their error
if [ "$(id -u)" -ne 0 ]; then nerr=6; else nerr=5; fi
counts_are bad-input "document=11 reference=$(grep -c '"type":"reference"' "$tmp/out") summary=1 error=$nerr"
stdout_has bad-input '"file":"'"$tmp"'/in/nul.txt".*"references":1'
stdout_has bad-input '"target":"BT-Drs. 21/6"'
stdout_has bad-input '"target":"BT-Drs. 21/7"'
if grep -q "citegraph:" "$tmp/out"; then bad "messages on stdout"; else ok; fi
expect quiet 1 "$cg" extract -q "$tmp/in"
if grep -q "warning" "$tmp/err"; then bad "-q still warns"; else ok; fi
stderr_has quiet "dangling symbolic link"

# ---- grammar files: an example that adds a kind, and errors with positions
examples=$(dirname "$sample")/../examples
printf 'Eingriff in Art. 10 GG und nach \302\247 5 UrhG; vgl. Drucksache 19/1.\n' > "$tmp/statute.txt"
expect patterns 0 "$cg" extract --format tsv --patterns "$examples/statutes.cgg" "$tmp/statute.txt"
stdout_has patterns "de_statute	GG	Art. 10	cites"
para=$(printf '\302\247')
stdout_has patterns "de_statute	UrhG	$para 5	cites"
stdout_has patterns "bt_drucksache	BT-Drs. 19/1		cites"
expect grammar 0 "$cg" grammar; stdout_has grammar "^\[drs\]"
expect grammar-check 0 "$cg" grammar --check "$examples/statutes.cgg"
stdout_has grammar-check "examples checked"
printf '[mine]\nkind = x\npattern = a(b\nid = y\n' > "$tmp/broken.cgg"
expect grammar-broken 2 "$cg" extract --patterns "$tmp/broken.cgg" "$sample"
stdout_empty grammar-broken
stderr_has grammar-broken "citegraph: error: $tmp/broken.cgg:3:14: \[mine\]: missing closing parenthesis"
expect grammar-missing 2 "$cg" grammar --check "$tmp/none.cgg"
stderr_has grammar-missing "none.cgg: cannot open"

# ---- a graph too large for Graphviz's dot: rendering is refused, DOT is written with a warning
mkdir "$tmp/big"
{ printf 'Deutscher Bundestag Drucksache 21/1\n21. Wahlperiode 01.01.2025\nAntwort\n'
  i=1000; while [ $i -lt 2600 ]; do printf 'Siehe Drucksache 20/%d.\n' $i; i=$((i + 1)); done
} > "$tmp/big/a.txt"
expect big-svg 2 "$cg" graph -o "$tmp/big/g.svg" "$tmp/big"
stderr_has big-svg "1601 nodes and 1600 edges are more than Graphviz's dot lays out"
stderr_has big-svg "explore the whole graph in a browser with -o FILE.html, or give --force-render to try anyway"
if [ -e "$tmp/big/g.svg" ]; then bad "big-svg: a picture was written"; else ok; fi
expect big-dot 0 "$cg" graph -o "$tmp/big/g.dot" "$tmp/big"
stderr_has big-dot "warning: 1601 nodes and 1600 edges: more than Graphviz's dot lays out"
if [ -s "$tmp/big/g.dot" ]; then ok; else bad "big-dot: no DOT written"; fi
expect big-dot-quiet 0 "$cg" graph -q -o "$tmp/big/g.dot" "$tmp/big"
stderr_empty big-dot-quiet

# ---- the explorer: --format html or -o FILE.html; --layout only with it
expect html 0 "$cg" graph -o "$tmp/x.html" "$sample"; stdout_empty html; stderr_empty html
if grep -q '<script id="cg-data" type="application/json">{"schema":"citegraph-explorer/1"' \
    "$tmp/x.html" && grep -q '"counts":{"nodes":84,"edges":95}' "$tmp/x.html"; then ok
else bad "html: -o x.html wrote no explorer with the sample's 84 nodes and 95 edges"; fi
# no address outside the page: no src= or <link>, and no http(s) address but the
# documents' official sources inside the data and the licences' comments
if grep -Eq '<link|<script[^>]* src=|<img|@import|sourceMappingURL' "$tmp/x.html"; then
    bad "html: the page loads something from outside"; else ok; fi
expect html-stdout 0 "$cg" graph --format html --layout time "$sample"
stdout_has html-stdout '"layout":"time","time_axis":{"from":"'
# the same bytes whatever the threads and the order of the paths
"$cg" graph -j 1 -o "$tmp/x1.html" "$sample"
"$cg" graph -j 2 -o "$tmp/x2.html" $(ls "$sample"/*.txt | sort -r)
if cmp -s "$tmp/x1.html" "$tmp/x2.html"; then ok; else bad "html: -j 1 and -j 2 differ"; fi
expect html-around 0 "$cg" graph --around 21/1958 --depth 1 --questions -o "$tmp/a.html" "$sample"
n=$("$cg" graph --around 21/1958 --depth 1 --questions --format json "$sample" |
    sed -n 's/.*"graph":{[^}]*"nodes":\([0-9]*\),"links":\([0-9]*\)}.*/\1 \2/p')
if grep -q "\"counts\":{\"nodes\":${n% *},\"edges\":${n#* }}" "$tmp/a.html"; then ok
else bad "html-around: counts differ from the JSON export's ($n)"; fi
expect layout-without-html 2 "$cg" graph --layout time "$sample"
stderr_has layout-without-html "--layout places the nodes of the explorer: it needs --format html"
expect layout-bad 2 "$cg" graph --layout circle -o "$tmp/x.html" "$sample"
stderr_has layout-bad "circle"

# ---- the graph and its queries on the sample corpus
expect stats 0 "$cg" stats "$sample"; stdout_has stats "^nodes  *84 (41 documents read, 43 external"
# --top 0 lists all: every node cited at least once after "most cited:" (69 of
# the 84), and the 10 documents that cite nothing
expect stats-top0 0 "$cg" stats --top 0 "$sample"
stdout_has stats-top0 "^documents that cite nothing (all 10):"
n=$(sed -n '/^most cited:/,/^documents that cite nothing/p' "$tmp/out" | grep -c '^ ')
if [ "$n" -gt 10 ]; then ok; else bad "stats --top 0: $n nodes listed as most cited, expected more than 10"; fi
expect cites 0 "$cg" cites 21/1958 "$sample"
stdout_has cites "answers  BT-Drs. 21/1633"
stdout_has cites "locators: Frage 2"
stdout_has cites "at $sample/btd-21-1958.txt:77:33"
expect cites-json 0 "$cg" cites "Drs. 21/1958" --format json "$sample"; stdout_has cites-json '"relation": "answers"'
expect cited-by 0 "$cg" cited-by "BT-Drs. 21/843" "$sample"; stdout_has cited-by "cites  BT-Drs. 21/1958"
expect chain 0 "$cg" chain 21/1958 --depth 2 "$sample"
stdout_has chain "^    -> \[Frage 2\] BT-Drs. 21/843"
stdout_has chain "^        -> \[Frage 6\] BT-Drs. 21/284"
expect path 0 "$cg" path 21/1958 21/284 "$sample"; stdout_has path "a path of 2 steps"
expect no-path 1 "$cg" path 21/284 21/1958 "$sample"; stdout_has no-path "no citation path"
expect unknown-id 1 "$cg" cites 21/99999 "$sample"; stderr_has unknown-id "'21/99999' is not in the graph"
expect longest 0 "$cg" longest-chain "$sample"; stdout_has longest "longest chain, 5 steps"
expect rank 0 "$cg" rank --by pagerank --top 3 "$sample"; stdout_has rank "^   1  "
expect rank-bad 2 "$cg" rank --by fame "$sample"; stderr_has rank-bad "unknown method 'fame' for --by (indegree, pagerank, hub or authority)"
expect graph-json 0 "$cg" graph --format json "$sample"; stdout_has graph-json '"schema":"citegraph-graph/1"'
expect graph-dot 0 "$cg" graph --around 21/1958 --depth 1 "$sample"
stdout_has graph-dot '"BT-Drs. 21/1958" -> "BT-Drs. 21/1633"'
if grep -q "BT-Drs. 21/284" "$tmp/out"; then bad "graph --around --depth 1 went too far"; else ok; fi
expect graph-graphml 0 "$cg" graph --format graphml -o "$tmp/g.graphml" "$sample"
if grep -q "<graphml" "$tmp/g.graphml"; then ok; else bad "no GraphML written"; fi
expect graph-csv 0 "$cg" graph --format csv -o "$tmp/g" "$sample"
if [ -s "$tmp/g.nodes.csv" ] && [ -s "$tmp/g.edges.csv" ]; then ok; else bad "no CSV written"; fi
expect graph-csv-stdout 2 "$cg" graph --format csv "$sample"; stderr_has graph-csv-stdout "give -o PREFIX"
if command -v dot > /dev/null 2>&1; then
    expect graph-svg 0 "$cg" graph --around 21/1958 -o "$tmp/g.svg" "$sample"
    if grep -q "<svg" "$tmp/g.svg"; then ok; else bad "no SVG rendered"; fi
fi
# pieces extracted separately and merged give the same graph as extracting at once
"$cg" extract "$sample"/btd-*.txt > "$tmp/bt.jsonl"
"$cg" extract "$sample"/brd-*.txt "$sample"/000*.txt > "$tmp/br.jsonl"
"$cg" graph --format json "$sample" > "$tmp/direct.json"
"$cg" graph --format json "$tmp/bt.jsonl" "$tmp/br.jsonl" | sed "s|$tmp/||g" > "$tmp/merged.json"
if cmp -s "$tmp/direct.json" "$tmp/merged.json"; then ok; else bad "merged JSON Lines differ from extraction"; fi
# a JSON Lines file large enough to be read in pieces on several threads gives
# the same graph, and the same first error with the same line number, as one thread
for i in $(seq 120); do sed "s|\"file\":\"|\"file\":\"$i/|" "$tmp/bt.jsonl"; done > "$tmp/big.jsonl"
"$cg" graph --format json -j 1 "$tmp/big.jsonl" > "$tmp/big1.json"
"$cg" graph --format json -j 3 "$tmp/big.jsonl" > "$tmp/big3.json"
if [ "$(wc -c < "$tmp/big.jsonl")" -gt 8400000 ] && cmp -s "$tmp/big1.json" "$tmp/big3.json"; then
    ok
else
    bad "a large JSON Lines file read with -j 3 gives another graph"
fi
bad_at=$(( $(wc -l < "$tmp/big.jsonl") - 5 ))
sed "${bad_at}s/.*/{not json/" "$tmp/big.jsonl" > "$tmp/bigbad.jsonl"
"$cg" stats -j 1 "$tmp/bigbad.jsonl" > "$tmp/bigbad1.out" 2> "$tmp/bigbad1.err"
"$cg" stats -j 3 "$tmp/bigbad.jsonl" > "$tmp/bigbad3.out" 2> "$tmp/bigbad3.err"
if grep -q "bigbad.jsonl:$bad_at:" "$tmp/bigbad3.err" && cmp -s "$tmp/bigbad1.err" "$tmp/bigbad3.err" &&
    cmp -s "$tmp/bigbad1.out" "$tmp/bigbad3.out"; then
    ok
else
    bad "a bad line in a large JSON Lines file: not the same report with -j 3"
    cat "$tmp/bigbad3.err" >&2
fi

# --timings: one line on stderr, even with -q; stdout unchanged
"$cg" stats -q --timings "$sample" > "$tmp/timed.out" 2> "$tmp/timed.err"
"$cg" stats -q "$sample" > "$tmp/untimed.out"
if cmp -s "$tmp/timed.out" "$tmp/untimed.out" && [ "$(wc -l < "$tmp/timed.err")" -eq 1 ] &&
    grep -Eq '^citegraph: timings: read [0-9.]+ s, build [0-9.]+ s \([0-9]+ nodes, [0-9]+ edges\), stats and write [0-9.]+ s$' "$tmp/timed.err"; then
    ok
else
    bad "--timings"
    cat "$tmp/timed.err" >&2
fi

# ---- a closed pipe ends output quietly
"$cg" extract "$sample" 2> "$tmp/err" | head -1 > /dev/null
if [ ! -s "$tmp/err" ]; then ok; else bad "closed pipe: stderr not empty"; cat "$tmp/err" >&2; fi

# ---- -j: the same bytes on stdout and stderr whatever the number of threads,
# also with files that fail among good ones
mkdir -p "$tmp/mixed"
cp "$sample"/*.txt "$tmp/mixed/"
printf 'x\0y\0z\0' > "$tmp/mixed/m-binary.txt"
: > "$tmp/mixed/m-empty.txt"
printf 'Drucksache 19/5954 \377 ok\n' > "$tmp/mixed/m-badutf8.txt"
ln -s "$tmp/mixed/does-not-exist" "$tmp/mixed/m-dangling.txt"
for j in 1 2 5; do
    "$cg" extract -j $j "$tmp/mixed" > "$tmp/ex.$j" 2> "$tmp/ex.$j.err"
    echo $? > "$tmp/ex.$j.rc"
    "$cg" graph -q --jobs $j --format json "$sample" > "$tmp/gr.$j"
    "$cg" check -q -j $j --format json "$sample" > "$tmp/ck.$j"
done
for j in 2 5; do
    if cmp -s "$tmp/ex.1" "$tmp/ex.$j" && cmp -s "$tmp/ex.1.err" "$tmp/ex.$j.err" &&
        cmp -s "$tmp/ex.1.rc" "$tmp/ex.$j.rc"; then ok; else bad "extract -j $j differs from -j 1"; fi
    if cmp -s "$tmp/gr.1" "$tmp/gr.$j"; then ok; else bad "graph -j $j differs from -j 1"; fi
    if cmp -s "$tmp/ck.1" "$tmp/ck.$j"; then ok; else bad "check -j $j differs from -j 1"; fi
done
if [ "$(cat "$tmp/ex.1.rc")" = 1 ] && grep -q "m-binary.txt" "$tmp/ex.1.err" &&
    [ "$(grep -c '"type":"document"' "$tmp/ex.1")" -eq "$(ls "$tmp/mixed" | wc -l)" ]; then ok
else bad "-j: failed files not reported, or documents missing"; fi
expect bad-jobs 2 "$cg" extract -j many "$sample"; stderr_has bad-jobs "-j takes a number"
"$cg" extract -j 4 "$sample" 2> "$tmp/err" | head -1 > /dev/null
if [ ! -s "$tmp/err" ]; then ok; else bad "closed pipe with -j 4: stderr not empty"; cat "$tmp/err" >&2; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
