#!/bin/sh
# The packed output of extract (--format packed): every graph command gives
# the same bytes from it as from the JSON Lines and from the documents
# themselves; pieces merge; a large file read on several threads gives the
# same graph; a damaged or cut file is refused with its byte offset, never
# read past its end; extract and check refuse it as a document.
# Usage: packed_test.sh CITEGRAPH SAMPLE_DIR
set -u
cg=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/testlib.sh"

expect extract-packed 0 "$cg" extract -q -o "$tmp/s.cgpack" "$sample"
expect extract-jsonl 0 "$cg" extract -q -o "$tmp/s.jsonl" "$sample"
expect extract-format 0 "$cg" extract -q --format packed "$sample"
if cmp -s "$tmp/out" "$tmp/s.cgpack"; then ok; else bad "--format packed differs from -o FILE.cgpack"; fi
if [ "$(head -c 8 "$tmp/s.cgpack" | od -An -c | tr -d ' ')" = '211CGPAK1\n' ]; then ok
else bad "a packed file does not start with its magic"; fi
if [ "$(wc -c < "$tmp/s.cgpack")" -lt "$(( $(wc -c < "$tmp/s.jsonl") / 2 ))" ]; then ok
else bad "packed is not smaller than half the JSON Lines"; fi
# -j: the same bytes
"$cg" extract -q -j 1 -f packed "$sample" > "$tmp/j1.cgpack"
"$cg" extract -q -j 3 -f packed "$sample" > "$tmp/j3.cgpack"
if cmp -s "$tmp/j1.cgpack" "$tmp/j3.cgpack"; then ok; else bad "extract -f packed: -j 3 differs"; fi

# ---- every graph command: the same output from documents, JSON Lines and packed
same3() { # NAME ARGS...: runs citegraph ARGS INPUT for the three inputs
    name=$1; shift
    "$cg" "$@" "$sample" > "$tmp/a" 2> "$tmp/a.err"; ra=$?
    "$cg" "$@" "$tmp/s.jsonl" > "$tmp/b" 2> "$tmp/b.err"; rb=$?
    "$cg" "$@" "$tmp/s.cgpack" > "$tmp/c" 2> "$tmp/c.err"; rc=$?
    if [ -s "$tmp/a" ] && [ $ra -eq 0 ] && [ $rb -eq 0 ] && [ $rc -eq 0 ] &&
        cmp -s "$tmp/a" "$tmp/b" && cmp -s "$tmp/a" "$tmp/c"; then ok
    else bad "$name: documents ($ra), JSON Lines ($rb) and packed ($rc) give other output"; fi
}
same3 stats stats
same3 stats-json stats --format json
same3 graph-json graph --format json
same3 graph-json-questions graph --format json --questions --urls
same3 graph-dot graph --format dot
same3 graph-graphml graph --format graphml
same3 graph-gexf graph --format gexf
same3 rank rank --by pagerank --top 0
same3 cites cites 21/1958 --format json
same3 cited-by cited-by 21/1958
same3 chain chain 21/1958 --depth 3
same3 referrals referrals
same3 mainpath mainpath
same3 similar similar 21/1958

# ---- JSON Lines are recognised by their content, whatever their name: on standard input and
# in a file named .ndjson (extract writes both) they were read as one text document
"$cg" stats --format json "$sample" > "$tmp/a"
"$cg" extract -q "$sample" | "$cg" stats --format json - > "$tmp/b" 2> "$tmp/b.err"
if cmp -s "$tmp/a" "$tmp/b" && [ ! -s "$tmp/b.err" ]; then ok
else bad "extract | stats -: not the graph of the documents"; fi
expect extract-ndjson 0 "$cg" extract -q -o "$tmp/s.ndjson" "$sample"
"$cg" stats --format json "$tmp/s.ndjson" > "$tmp/b" 2> "$tmp/b.err"
if cmp -s "$tmp/a" "$tmp/b" && [ ! -s "$tmp/b.err" ]; then ok
else bad "stats FILE.ndjson: not the graph of the documents"; fi
# an empty file of references is said to be empty, as an empty document is
: > "$tmp/empty.jsonl"
expect "stats empty.jsonl" 0 "$cg" stats "$tmp/empty.jsonl"
stderr_has "stats empty.jsonl" "citegraph: warning: $tmp/empty.jsonl: is empty"

# ---- pieces packed separately and merged, also with JSON Lines
"$cg" extract -q -f packed "$sample"/btd-*.txt > "$tmp/bt.cgpack"
"$cg" extract -q "$sample"/brd-*.txt "$sample"/000*.txt > "$tmp/br.jsonl"
"$cg" graph --format json "$sample" > "$tmp/direct.json"
"$cg" graph --format json "$tmp/bt.cgpack" "$tmp/br.jsonl" > "$tmp/merged.json"
if cmp -s "$tmp/direct.json" "$tmp/merged.json"; then ok; else bad "merged packed and JSON Lines differ"; fi
# a directory: .cgpack files are taken
mkdir "$tmp/dir" && cp "$tmp/bt.cgpack" "$tmp/br.jsonl" "$tmp/dir/"
"$cg" graph --format json "$tmp/dir" > "$tmp/fromdir.json"
if cmp -s "$tmp/direct.json" "$tmp/fromdir.json"; then ok; else bad "a directory's .cgpack not read"; fi

# ---- a file of several pieces (over 1 MiB): the same graph on 1 and 3 threads
mkdir "$tmp/many"
for i in $(seq 80); do mkdir "$tmp/many/$i" && cp "$sample"/*.txt "$tmp/many/$i/"; done
"$cg" extract -q -o "$tmp/big.cgpack" "$tmp/many"
"$cg" extract -q -o "$tmp/big.jsonl" "$tmp/many"
"$cg" graph -q --format json -j 1 "$tmp/big.cgpack" > "$tmp/big1.json"
"$cg" graph -q --format json -j 3 "$tmp/big.cgpack" > "$tmp/big3.json"
"$cg" graph -q --format json -j 2 "$tmp/big.jsonl" > "$tmp/bigj.json"
if [ "$(wc -c < "$tmp/big.cgpack")" -gt 2200000 ] && cmp -s "$tmp/big1.json" "$tmp/big3.json" &&
    cmp -s "$tmp/big1.json" "$tmp/bigj.json"; then ok
else bad "a large packed file: another graph with -j 3, or than its JSON Lines"; fi

# ---- failed documents are recorded and passed over, as in JSON Lines
mkdir "$tmp/mixed" && cp "$sample"/btd-21-1958.txt "$tmp/mixed/"
printf 'x\0y\0z\0' > "$tmp/mixed/binary.txt"
expect mixed-packed 1 "$cg" extract -q -o "$tmp/mixed.cgpack" "$tmp/mixed"
"$cg" extract -q -o "$tmp/mixed.jsonl" "$tmp/mixed" 2> /dev/null
"$cg" stats "$tmp/mixed.cgpack" > "$tmp/m1"
"$cg" stats "$tmp/mixed.jsonl" > "$tmp/m2"
if [ -s "$tmp/m1" ] && cmp -s "$tmp/m1" "$tmp/m2"; then ok; else bad "a failed document in packed output"; fi

# ---- damaged and cut files: refused with the byte offset, documents before kept
size=$(wc -c < "$tmp/big.cgpack")
head -c $((size - 5)) "$tmp/big.cgpack" > "$tmp/cut.cgpack"
expect cut 1 "$cg" stats -q -j 3 "$tmp/cut.cgpack"
stderr_has cut "cut.cgpack: the frame at byte [0-9]*: cut short"
stdout_has cut "documents"
expect cut-json 1 "$cg" graph -q --format json "$tmp/cut.cgpack"
head -c $((size / 2)) "$tmp/big.cgpack" > "$tmp/half.cgpack"
expect half 1 "$cg" stats -q "$tmp/half.cgpack"; stderr_has half "cut short"
# no summary at the end (whole frames only): the last frame is the summary,
# its length byte L then L bytes starting with 'S' (83)
n=$(( $(wc -c < "$tmp/s.cgpack") ))
start=$(od -An -tu1 -v -j $((n - 30)) "$tmp/s.cgpack" | tr -s ' ' '\n' | grep -v '^$' |
    awk -v n=$n '{b[NR] = $1} END {for (i = 1; i < NR; i++) if (b[i] == NR - i && b[i + 1] == 83) print n - 30 + i - 1}')
head -c "$start" "$tmp/s.cgpack" > "$tmp/nosummary.cgpack"
expect nosummary 1 "$cg" stats "$tmp/nosummary.cgpack"; stderr_has nosummary "no summary at its end"
# bytes changed anywhere: exit 0 or 1, never a crash or a hang
i=0; crashes=0; refused=0
while [ $i -lt 60 ]; do
    at=$(( (i * 7919 + 13) % n ))
    [ $at -lt 8 ] && at=8
    { head -c $at "$tmp/s.cgpack"; printf '\377\377'; tail -c +$((at + 3)) "$tmp/s.cgpack"; } > "$tmp/damaged.cgpack"
    "$cg" stats "$tmp/damaged.cgpack" > /dev/null 2> "$tmp/damaged.err"
    r=$?
    [ $r -eq 1 ] && grep -q "damaged.cgpack: the frame at byte" "$tmp/damaged.err" && refused=$((refused + 1))
    if [ $r -gt 1 ]; then crashes=$((crashes + 1)); echo "damaged at $at: exit $r" >&2; cat "$tmp/damaged.err" >&2; fi
    i=$((i + 1))
done
if [ $crashes -eq 0 ]; then ok; else bad "$crashes damaged packed files ended with a status above 1"; fi
if [ $refused -gt 30 ]; then ok; else bad "only $refused of 60 damaged packed files refused"; fi

# another version of the format: said so
{ printf '\211CGPAK2\n'; tail -c +9 "$tmp/s.cgpack"; } > "$tmp/v2.cgpack"
expect version 1 "$cg" stats "$tmp/v2.cgpack"
stderr_has version "v2.cgpack: a packed file of format 2, which this citegraph does not read (it reads format 1)"

# a file whose first bytes a copy in text mode damaged; packed files joined with cat
{ printf '\211CGPAK1\r\n'; tail -c +9 "$tmp/s.cgpack"; } > "$tmp/crlf.cgpack"
expect crlf 1 "$cg" stats "$tmp/crlf.cgpack"; stderr_has crlf "first 8 bytes are damaged"
cat "$tmp/s.cgpack" "$tmp/s.cgpack" > "$tmp/cat.cgpack"
expect cat 1 "$cg" stats "$tmp/cat.cgpack"; stderr_has cat "packed files joined with cat? give each as a PATH"

# ---- a file named .cgpack that is not packed is refused, not read as text;
# extract does not write text under that name, nor packed output under a text one
cp "$tmp/s.jsonl" "$tmp/text.cgpack"
expect named-cgpack 1 "$cg" stats "$tmp/text.cgpack"
stderr_has named-cgpack "text.cgpack: is named .cgpack but is not the packed output of citegraph extract"
: > "$tmp/empty.cgpack"
expect empty-cgpack 1 "$cg" stats "$tmp/empty.cgpack"; stderr_has empty-cgpack "is named .cgpack"
expect jsonl-as-cgpack 2 "$cg" extract -q -f jsonl -o "$tmp/x.cgpack" "$sample"
stderr_has jsonl-as-cgpack "its ending says packed output, --format says text"
expect packed-as-jsonl 2 "$cg" extract -q -f packed -o "$tmp/x.jsonl" "$sample"
stderr_has packed-as-jsonl "its ending says text, --format says packed"
if [ ! -e "$tmp/x.cgpack" ] && [ ! -e "$tmp/x.jsonl" ]; then ok; else bad "a refused -o was written"; fi
# the documents and their own packed output side by side: said plainly
mkdir "$tmp/corp" && cp "$sample"/btd-21-1958.txt "$tmp/corp/"
"$cg" extract -q -o "$tmp/corp/refs.cgpack" "$tmp/corp"
expect side-by-side 0 "$cg" stats "$tmp/corp"
stderr_has side-by-side "read twice from .*btd-21-1958.txt (the document and the output of citegraph extract made from it?)"

# ---- extract and check read documents: a packed file is not one
expect extract-of-packed 1 "$cg" extract "$tmp/s.cgpack"
stderr_has extract-of-packed "is not a text document: the packed output of citegraph extract"
expect check-of-packed 4 "$cg" check "$tmp/s.cgpack"
stderr_has check-of-packed "is not a text document: the packed output of citegraph extract"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
