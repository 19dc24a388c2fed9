#!/bin/sh
# citegraph similar on the sample corpus: text, JSON, --all as CSV, --by
# each measure, --top, --min-shared, questions folded into their documents,
# an unknown ID, usage errors, the same bytes whatever the threads.
# Usage: similar_test.sh CITEGRAPH SAMPLE_DIR [PYTHON3]
set -u
cg=$1
sample=$2
py=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/testlib.sh"

# ---- text: both measures, the counts worked out from `citegraph cites`:
# 21/843 is cited by 21/1633 and 21/1958, which also cite BT-ADrs. 20(9)336,
# BT-Drs. 20/11318 and 20/14661 (2 shared; each cited by those two: 2 / sqrt(2 * 2) = 1)
expect text 0 "$cg" similar 21/843 "$sample"
stdout_has text "^BT-Drs. 21/843  (Antwort, 2025-07-10)  Rüstungsexporte nach Israel$"
stdout_has text "^co-citation: cited by 2 documents; 6 documents are cited together with it$"
stdout_has text "^    1  1.0000  2 shared  BT-ADrs. 20(9)336  \[external\]$"
stdout_has text "^         cited together by: BT-Drs. 21/1633; BT-Drs. 21/1958$"
# 21/843 cites 7 documents, 21/659 cites 2, both of them (2 / sqrt(7 * 2))
stdout_has text "^bibliographic coupling: cites 7 documents; 2 documents cite some of them too$"
stdout_has text "^    1  0.5345  2 shared  BT-Drs. 21/659  "
stdout_has text "^         both cite: BT-Drs. 21/284; CELEX:32021R0821$"
cp "$tmp/out" "$tmp/text.out"

# ---- --by each measure: only its list
expect by-cocitation 0 "$cg" similar --by cocitation 21/843 "$sample"
stdout_has by-cocitation "^co-citation:"
stdout_lacks by-cocitation "^bibliographic coupling:"
expect by-coupling 0 "$cg" similar --by coupling 21/843 "$sample"
stdout_lacks by-coupling "^co-citation:"
stdout_has by-coupling "^bibliographic coupling: cites 7 documents"
expect by-both 0 "$cg" similar --by both 21/843 "$sample"
if cmp -s "$tmp/out" "$tmp/text.out"; then ok; else bad "--by both is not the default"; fi
expect by-bad 2 "$cg" similar --by fame 21/843 "$sample"
stderr_has by-bad "unknown measure 'fame' for --by (cocitation, coupling or both)"

# ---- --top and --min-shared
expect top 0 "$cg" similar --top 2 --by cocitation 21/843 "$sample"
stdout_has top "6 documents are cited together with it, the first:$"
if [ "$(grep -c '^  *[0-9][0-9]*  [0-9]\.[0-9]*  ' "$tmp/out")" -eq 2 ]; then ok; else bad "--top 2"; fi
expect min-shared 0 "$cg" similar --min-shared 2 --by cocitation 21/843 "$sample"
stdout_has min-shared "3 documents are cited together with it$"
stdout_lacks min-shared "  1 shared  "

# ---- an ID of a question: its document; the answer is the same with --questions
expect question 0 "$cg" similar --questions "BT-Drs. 21/843#Frage 2" "$sample"
stdout_has question "^BT-Drs. 21/843#Frage 2 counts as its document:$"
tail -n +2 "$tmp/out" > "$tmp/question.out"
if cmp -s "$tmp/question.out" "$tmp/text.out"; then ok; else bad "--questions changes the lists"; fi

# ---- an unknown ID: exit status 1, as the other queries
expect unknown-id 1 "$cg" similar 21/99999 "$sample"
stderr_has unknown-id "'21/99999' is not in the graph"
if [ -s "$tmp/out" ]; then bad "unknown-id: stdout not empty"; else ok; fi

# ---- JSON
expect json 0 "$cg" similar --format json --top 3 21/843 "$sample"
stdout_has json '^  "version": 1,$'
stdout_has json '"measure": "cocitation"'
stdout_has json '"measure": "coupling"'
stdout_has json '"evidence": \['
if [ -n "$py" ] && [ -x "$py" ]; then
    if "$py" -c '
import json, sys
d = json.load(sys.stdin)
assert d["version"] == 1 and d["node"]["id"] == "BT-Drs. 21/843"
c, b = d["measures"]
assert (c["measure"], c["degree"], c["total"]) == ("cocitation", 2, 6)
assert (b["measure"], b["degree"], b["total"]) == ("coupling", 7, 2)
assert [x["rank"] for x in c["similar"]] == [1, 2, 3]
top = b["similar"][0]
assert top["node"]["id"] == "BT-Drs. 21/659" and top["shared"] == 2 and top["degree"] == 2
assert abs(top["cosine"] - 2 / (7 * 2) ** 0.5) < 1e-12
assert top["evidence"] == ["BT-Drs. 21/284", "CELEX:32021R0821"]
' < "$tmp/out"; then ok; else bad "the JSON's values"; fi
fi
expect json-question 0 "$cg" similar --format json --questions "BT-Drs. 21/843#Frage 2" "$sample"
stdout_has json-question '"asked": "BT-Drs. 21/843#Frage 2"'

# ---- --all: CSV, header, RFC 4180 line ends, sorted, each pair once per measure
expect all 0 "$cg" similar --all "$sample"
if [ "$(head -1 "$tmp/out")" = "$(printf 'a,b,measure,shared,cosine\r')" ]; then ok; else bad "CSV header"; fi
tr -d '\r' < "$tmp/out" | tail -n +2 > "$tmp/pairs.csv"
if [ "$(tr -cd '\r' < "$tmp/out" | wc -c)" -eq "$(wc -l < "$tmp/out")" ]; then ok; else bad "CSV lines do not end in CR LF"; fi
if LC_ALL=C sort -t, -k1,1 -k2,2 -k3,3 -c "$tmp/pairs.csv"; then ok; else bad "CSV not sorted"; fi
if [ -z "$(cut -d, -f1-3 "$tmp/pairs.csv" | sort | uniq -d)" ]; then ok; else bad "a pair twice"; fi
if awk -F, '$1 >= $2 { exit 1 }' "$tmp/pairs.csv"; then ok; else bad "a pair with a after b"; fi
grep -q '^BT-ADrs. 20(9)336,BT-Drs. 21/843,cocitation,2,1.000000$' "$tmp/pairs.csv" && ok || bad "a co-cited pair"
grep -q '^BT-Drs. 21/659,BT-Drs. 21/843,coupling,2,0.534522$' "$tmp/pairs.csv" && ok || bad "a coupled pair"
cp "$tmp/out" "$tmp/all.csv"
expect all-csv 0 "$cg" similar --all --format csv -o "$tmp/all-o.csv" "$sample"
if cmp -s "$tmp/all-o.csv" "$tmp/all.csv"; then ok; else bad "--all -o differs from standard output"; fi
expect all-by 0 "$cg" similar --all --by coupling "$sample"
if grep -q ',cocitation,' "$tmp/out"; then bad "--all --by coupling has co-citation rows"; else ok; fi
if [ "$(grep -c ',coupling,' "$tmp/out")" -eq "$(grep -c ',coupling,' "$tmp/all.csv")" ]; then ok; else bad "--all --by coupling rows"; fi
expect all-min 0 "$cg" similar --all --min-shared 2 "$sample"
if tail -n +2 "$tmp/out" | awk -F, '$4 < 2 { exit 1 }'; then ok; else bad "--min-shared 2 let a weaker pair through"; fi
if [ "$(wc -l < "$tmp/out")" -lt "$(wc -l < "$tmp/all.csv")" ]; then ok; else bad "--min-shared 2 kept everything"; fi
# an id with a comma and a quote (a document without an id is named by its path): quoted
mkdir "$tmp/q,\"x"
printf 'Ein Text ohne Kopf.\nSiehe Drucksache 21/843 und Drucksache 21/1633.\n' > "$tmp/q,\"x/noid.txt"
expect all-quoted 0 "$cg" similar --all --by coupling "$sample" "$tmp/q,\"x"
stdout_has all-quoted "^BT-Drs. 21/1958,\"file:$tmp/q,\"\"x/noid.txt\",coupling,2,0.534522"
expect all-questions 0 "$cg" similar --all --questions "$sample"
if cmp -s "$tmp/out" "$tmp/all.csv"; then ok; else bad "--questions changes the pairs"; fi

# ---- the same bytes whatever the threads and the order of the paths
"$cg" similar --all -j 1 "$sample" > "$tmp/j1.csv"
"$cg" similar --all -j 3 "$sample"/btd-*.txt "$sample"/brd-*.txt "$sample"/000*.txt > "$tmp/j3.csv"
if cmp -s "$tmp/j1.csv" "$tmp/j3.csv"; then ok; else bad "--all: threads or path order change the CSV"; fi
"$cg" similar -j 3 21/843 "$sample"/brd-*.txt "$sample"/btd-*.txt "$sample"/000*.txt > "$tmp/j3.out"
if cmp -s "$tmp/j3.out" "$tmp/text.out"; then ok; else bad "threads or path order change the lists"; fi

# ---- usage errors: nothing read, exit status 2
expect csv-without-all 2 "$cg" similar --format csv 21/843 "$sample"; stderr_has csv-without-all "--format csv is the output of --all"
expect all-json 2 "$cg" similar --all --format json "$sample"; stderr_has all-json "--all writes every pair as CSV"
expect all-top 2 "$cg" similar --all --top 3 "$sample"; stderr_has all-top "--top is for the documents like one ID"
expect no-id 2 "$cg" similar; stderr_has no-id "no ID given"
expect min-bad 2 "$cg" similar --min-shared many 21/843 "$sample"

# ---- --timings names the command
"$cg" similar -q --timings 21/843 "$sample" > /dev/null 2> "$tmp/timed.err"
if grep -Eq '^citegraph: timings: read [0-9.]+ s, build [0-9.]+ s \([0-9]+ nodes, [0-9]+ edges\), similar and write [0-9.]+ s$' "$tmp/timed.err"; then ok; else bad "--timings"; fi

echo "similar: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
