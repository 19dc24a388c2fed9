#!/bin/sh
# DIP's JSON answers as input: the real answer in tests/data/dip, the bundled
# sample converted to DIP's shape (tools/text_to_dip.py) giving the same
# references as the text files, the graph and check on DIP input, the cache,
# and bad input (a record without text, of another dokumentart, a malformed
# line, a truncated page, an empty page, JSON that is not DIP's).
#
#   tests/dip/run_dip_tests.sh CITEGRAPH SOURCE_DIR
set -u
cg=${1:?usage: run_dip_tests.sh CITEGRAPH SOURCE_DIR}
src=${2:?usage: run_dip_tests.sh CITEGRAPH SOURCE_DIR}
. "$src/tests/lib/testlib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
finish() {
    echo "dip_input: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}
has() { # has NAME FILE TEXT: FILE contains TEXT (fixed string)
    if grep -F -- "$3" "$2" >/dev/null; then ok; else bad "$1: '$3' not in $2"; fi
}

# ---- the real answer: DIP's fields, marked as DIP's; positions in the record's text
sample=$src/tests/data/dip/drucksache-text-sample.json
expect "sample" 0 "$cg" extract -o "$tmp/sample.jsonl" "$sample"
has "sample id" "$tmp/sample.jsonl" '"doc":"BT-Drs. 20/1","issuer":"BT","doc_type":"Antrag","title":"Weitergeltung von Geschäftsordnungsrecht","date":"2021-10-25"'
has "sample urheber" "$tmp/sample.jsonl" '"urheber":[{"name":"Fraktion der SPD","role":"urheber"}]'
has "sample from" "$tmp/sample.jsonl" '"from":{"doc":"dip","doc_type":"dip","title":"dip","date":"dip","urheber":"dip"},"record":1,"dip_id":"258173","pdf_url":"https://dserver.bundestag.de/btd/20/000/2000001.pdf","procedures":[{"id":"282545","title":"Weitergeltung von Geschäftsordnungsrecht","type":"Geschäftsordnung"}]'
has "sample reference names its record" "$tmp/sample.jsonl" '"record":1,"dip_id":"258173","line":'
# every reference inside the record's text (its "bytes"), none beyond
bytes=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$tmp/sample.jsonl" | head -1)
refs=$(grep -c '"type":"reference"' "$tmp/sample.jsonl")
inside=$(grep '"type":"reference"' "$tmp/sample.jsonl" |
    sed 's/.*"offset":\([0-9]*\),"length":\([0-9]*\).*/\1 \2/' |
    awk -v n="$bytes" '$1 + $2 <= n' | wc -l)
if [ "$refs" -ge 1 ] && [ "$inside" -eq "$refs" ] && [ "$bytes" -lt "$(wc -c < "$sample")" ]; then ok
else bad "sample: $inside of $refs references inside the record's $bytes bytes"; fi
# the URL of the imprint, at its line and column in the text (line 42 of the record)
has "sample position" "$tmp/sample.jsonl" '"line":42,"col":'
expect "sample tsv" 0 "$cg" extract -f tsv -o "$tmp/sample.tsv" "$sample"
has "sample tsv file#record" "$tmp/sample.tsv" "$sample#1	42	url"

# ---- bad input: each failure names file and record, the other records go on
bad_in=$tmp/bad
mkdir "$bad_in"
good='"dokumentart":"Drucksache","drucksachetyp":"Antrag","herausgeber":"BT","titel":"T","datum":"2025-01-02","text":"Deutscher Bundestag Drucksache 21/1\nSiehe Drucksache 21/500.\n"'
{
    printf '{"id":"11","dokumentnummer":"21/1",%s}\n' "$good"
    printf '{"id":"12","dokumentnummer":"21/2","dokumentart":"Drucksache","text":""}\n'
    printf '{"id":"13","typ":"Vorgang","titel":"Ein Vorgang"}\n'
    printf '{"id":"14","dokumentnummer":"21/4","dokumentart":"Drucksache","text":"abc\n'
    printf '{"id":"15","dokumentnummer":"21/5",%s}\n' "$good"
} > "$bad_in/records.jsonl"
printf '{"numFound":0,"documents":[],"cursor":"x"}\n' > "$bad_in/empty.json"
head -c 300 "$sample" > "$bad_in/truncated.json"
printf '{"schema":"citegraph-graph/1","nodes":[]}\n' > "$bad_in/graph.json"
"$cg" extract -o "$tmp/bad.jsonl" "$bad_in/records.jsonl" "$bad_in/empty.json" \
    "$bad_in/truncated.json" "$bad_in/graph.json" 2> "$tmp/bad.err"
st=$?
if [ "$st" -eq 1 ]; then ok; else bad "bad input: exit $st, not 1"; fi
E="citegraph: error:"
has "no text" "$tmp/bad.err" "$E $bad_in/records.jsonl: record 2 (DIP id 12): has no text"
has "not a Drucksache" "$tmp/bad.err" "$E $bad_in/records.jsonl: record 3 (DIP id 13): is a Vorgang, not a Drucksache or Plenarprotokoll"
has "malformed line" "$tmp/bad.err" "$E $bad_in/records.jsonl: value at line 4: malformed JSON"
has "empty page" "$tmp/bad.err" "$E $bad_in/empty.json: page at line 1: \"documents\" is empty: no records"
has "truncated page" "$tmp/bad.err" "$E $bad_in/truncated.json: value at line 1: malformed JSON"
has "not DIP" "$tmp/bad.err" "$E $bad_in/graph.json: is JSON, but not DIP's answers"
has "count" "$tmp/bad.err" "6 of 8 files could not be processed"
# the good records before and after the bad ones are read, with their numbers
has "record 1 read" "$tmp/bad.jsonl" '"doc":"BT-Drs. 21/1","record":1,"dip_id":"11","line":2'
has "record 4 read" "$tmp/bad.jsonl" '"doc":"BT-Drs. 21/5","record":4,"dip_id":"15","line":2'
has "failure recorded" "$tmp/bad.jsonl" '"error":"record 2 (DIP id 12): has no text"'

# ---- the sample converted to DIP's shape: the same references as the text files
py=$(command -v python3 || true)
if [ -z "$py" ]; then
    echo "skipped: the conversion needs python3"
    finish
fi
data=$src/data/sample
"$py" "$src/tools/text_to_dip.py" --index "$data/index.tsv" --pages "$tmp/pages" \
    --concatenated "$tmp/all.json" --jsonl "$tmp/records.jsonl" "$data" || bad "conversion failed"
if [ "$(ls "$tmp/pages" | wc -l)" -ge 4 ]; then ok; else bad "fewer than 4 pages"; fi
# the reference lines without the file, record and DIP id: kind, target,
# locator, line, col, offset, length, text and all the rest
refs_of() {
    grep '"type":"reference"' "$1" |
        sed -e 's/"file":"[^"]*",//' -e 's/"record":[0-9]*,"dip_id":"[^"]*",//'
}
expect "text files" 0 "$cg" extract -o "$tmp/text.jsonl" "$data"
refs_of "$tmp/text.jsonl" > "$tmp/text.refs"
for variant in pages all.json records.jsonl; do
    expect "extract $variant" 0 "$cg" extract --ext .json -o "$tmp/$variant.out.jsonl" "$tmp/$variant"
    refs_of "$tmp/$variant.out.jsonl" > "$tmp/$variant.refs"
    if [ -s "$tmp/text.refs" ] && cmp -s "$tmp/text.refs" "$tmp/$variant.refs"; then ok
    else bad "$variant: references differ from the text files'"; diff "$tmp/text.refs" "$tmp/$variant.refs" | head -5 >&2; fi
done
# -j does not change the output
"$cg" extract -j 1 --ext .json -o "$tmp/j1.jsonl" "$tmp/pages"
"$cg" extract -j 4 --ext .json -o "$tmp/j4.jsonl" "$tmp/pages"
if cmp -s "$tmp/j1.jsonl" "$tmp/j4.jsonl"; then ok; else bad "-j 1 and -j 4 differ"; fi

# the graph commands: DIP JSON Lines are recognised by content among .jsonl
"$cg" stats "$data" > "$tmp/text.stats"
expect "stats on DIP JSON Lines" 0 "$cg" stats "$tmp/records.jsonl"
"$cg" stats "$tmp/records.jsonl" > "$tmp/dip.stats"
for what in "^nodes" "^edges" "^cycles"; do
    if [ "$(grep "$what" "$tmp/text.stats")" = "$(grep "$what" "$tmp/dip.stats")" ]; then ok
    else bad "stats $what differ: $(grep "$what" "$tmp/dip.stats")"; fi
done
expect "cites on DIP pages" 0 "$cg" cites 21/1958 --ext .json "$tmp/pages"

# check with a cache: records are extracted once, then reused; a DIP file
# is read every time (the stat index maps a path to one document)
"$cg" check --fail-on never --cache "$tmp/cache" --ext .json "$tmp/pages" > /dev/null 2> "$tmp/c1.err"
"$cg" check --fail-on never --cache "$tmp/cache" --ext .json "$tmp/pages" > "$tmp/c2.out" 2> "$tmp/c2.err"
has "cache first run" "$tmp/c1.err" "cache: 0 reused, 41 extracted, 0 damaged and rebuilt; 5 of 5 files read"
has "cache second run" "$tmp/c2.err" "cache: 41 reused, 0 extracted, 0 damaged and rebuilt; 5 of 5 files read"

# check's findings in a DIP record name the record: the same findings as on
# the text files, each message led by "record N (DIP id X): ", and in JSON
# the record and DIP id as fields
"$cg" check --no-config --fail-on never -f json "$data" > "$tmp/text-check.json"
"$cg" check --no-config --fail-on never -f json --ext .json "$tmp/pages" > "$tmp/dip-check.json"
"$py" - "$tmp/text-check.json" "$tmp/dip-check.json" <<'PY' > "$tmp/check-compare.txt"
import json, re, sys
text = json.load(open(sys.argv[1]))["findings"]
dip = json.load(open(sys.argv[2]))["findings"]
def key(f, msg):
    return (f["rule"], f["line"], f["col"], f["offset"], f["target"], msg)
problems = []
if len(text) != len(dip) or not dip:
    problems.append("%d findings on the texts, %d on the DIP pages" % (len(text), len(dip)))
for f in dip:
    m = re.match(r"record (\d+) \(DIP id (\d+)\): (.*)", f["message"])
    if not m or int(m.group(1)) != f.get("record") or m.group(2) != f.get("dip_id"):
        problems.append("no record in: " + f["message"])
stripped = sorted(key(f, re.sub(r"^record \d+ \(DIP id \d+\): ", "", f["message"])) for f in dip)
if stripped != sorted(key(f, f["message"]) for f in text):
    problems.append("the findings differ from the texts'")
print("\n".join(problems) if problems else "same")
PY
if [ "$(cat "$tmp/check-compare.txt")" = same ]; then ok; else bad "check on DIP: $(head -3 "$tmp/check-compare.txt")"; fi
finish
