#!/bin/sh
# DIP's JSON answers as input: the real answer in tests/data/dip, the bundled
# sample converted to DIP's shape (tools/text_to_dip.py) giving the same
# references as the text files, the graph and check on DIP input, the cache,
# bad input (a record without text, of another dokumentart, a malformed
# line, a truncated page, JSON that is not DIP's), pages of no records,
# record numbers after a malformed value, and DIP values checked before use.
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
has "malformed line" "$tmp/bad.err" "$E $bad_in/records.jsonl: record 4 (line 4): malformed JSON: "
# a page of no records (DIP's last page of a cursor) is no failure
if grep -F "empty.json" "$tmp/bad.err" >/dev/null; then bad "empty page reported: $(grep -F empty.json "$tmp/bad.err")"; else ok; fi
has "truncated page" "$tmp/bad.err" "$E $bad_in/truncated.json: page at line 1: malformed JSON: premature end of input; its record, number 1, is lost"
has "not DIP" "$tmp/bad.err" "$E $bad_in/graph.json: is JSON, but not DIP's answers"
has "count" "$tmp/bad.err" "5 of 7 documents could not be processed"
# the good records before and after the bad ones are read, with their
# numbers: their lines, the malformed line keeping its number
has "record 1 read" "$tmp/bad.jsonl" '"doc":"BT-Drs. 21/1","record":1,"dip_id":"11","line":2'
has "record 5 read" "$tmp/bad.jsonl" '"doc":"BT-Drs. 21/5","record":5,"dip_id":"15","line":2'
has "failure recorded" "$tmp/bad.jsonl" '"error":"record 2 (DIP id 12): has no text"'

# ---- a plenarprotokoll-text record (the shape of DIP's Plenarprotokoll schema):
# the id is the Plenarprotokoll's, its references are found in its text
pp=$tmp/plenarprotokoll.json
printf '%s\n' '{"numFound":1,"documents":[{"id":"5706","dokumentart":"Plenarprotokoll","typ":"Dokument","dokumentnummer":"21/6","wahlperiode":21,"herausgeber":"BT","datum":"2025-05-15","titel":"Protokoll der 6. Sitzung des 21. Deutschen Bundestages","fundstelle":{"pdf_url":"https://dserver.bundestag.de/btp/21/21006.pdf","id":"5706","dokumentnummer":"21/6","datum":"2025-05-15","dokumentart":"Plenarprotokoll","herausgeber":"BT"},"text":"Deutscher Bundestag\nStenografischer Bericht\n6. Sitzung\nBerlin, Donnerstag, den 15. Mai 2025\nBeratung des Antrags der Fraktion der AfD\nDrucksache 21/126\n"}],"cursor":"AoE"}' > "$pp"
expect "plenarprotokoll" 0 "$cg" extract -o "$tmp/pp.jsonl" "$pp"
has "plenarprotokoll id" "$tmp/pp.jsonl" '"doc":"BT-PlPr. 21/6","issuer":"BT","doc_type":"Plenarprotokoll","title":"Protokoll der 6. Sitzung des 21. Deutschen Bundestages","date":"2025-05-15"'
has "plenarprotokoll reference" "$tmp/pp.jsonl" '"doc":"BT-PlPr. 21/6","record":1,"dip_id":"5706","line":6,"col":1,"offset":'
has "plenarprotokoll target" "$tmp/pp.jsonl" '"target":"BT-Drs. 21/126"'

# ---- empty pages: DIP's cursor paging ends with a page of no records
# ({"numFound": N, "documents": [], "cursor": the same}), and a search
# without hits answers the same. Such a page is read as no records: no
# error, and a folder of pages ending with one gives what it gives without.
rec() { # rec ID NUMBER: a record citing Drucksache 21/500
    printf '{"id":"%s","dokumentart":"Drucksache","drucksachetyp":"Antrag","herausgeber":"BT","dokumentnummer":"21/%s","titel":"T %s","datum":"2025-01-02","text":"Deutscher Bundestag Drucksache 21/%s\\nSiehe Drucksache 21/500.\\n"}' "$1" "$2" "$2" "$2"
}
paged=$tmp/paged
mkdir "$paged"
printf '{"numFound":3,"documents":[%s,%s],"cursor":"AoE1"}\n' "$(rec 31 1)" "$(rec 32 2)" > "$paged/page-0000.json"
printf '{"numFound":3,"documents":[%s],"cursor":"AoE2"}\n' "$(rec 33 3)" > "$paged/page-0001.json"
for cmd in extract check graph; do
    "$cg" $cmd --ext .json "$paged" > "$tmp/paged-$cmd.out" 2> "$tmp/paged-$cmd.err"
done
printf '{"numFound":3,"documents":[],"cursor":"AoE2"}\n' > "$paged/page-0002.json"
for cmd in extract check graph; do
    expect "last page empty: $cmd" 0 "$cg" $cmd --ext .json "$paged"
    "$cg" $cmd --ext .json "$paged" > "$tmp/paged-$cmd.out2" 2> "$tmp/paged-$cmd.err2"
    # the same, but for check's count of the files ("in 3 files")
    if cmp -s "$tmp/paged-$cmd.out" "$tmp/paged-$cmd.out2" &&
        [ "$(sed 's/ in [0-9]* files$//' "$tmp/paged-$cmd.err")" = "$(sed 's/ in [0-9]* files$//' "$tmp/paged-$cmd.err2")" ]
    then ok; else bad "last page empty: $cmd says other things than without it"; fi
done
has "last page empty: records read" "$tmp/paged-extract.out2" '"type":"summary","files":3,"failed":0'
printf '{"numFound":0,"documents":[],"cursor":"*"}\n' > "$tmp/nohits.json"
expect "search without hits" 0 "$cg" extract -o "$tmp/nohits.jsonl" "$tmp/nohits.json"
has "search without hits: nothing" "$tmp/nohits.jsonl" '"type":"summary","files":0,"failed":0'
# an empty list that does not say it is DIP's answer is still refused
printf '{"documents":[]}\n' > "$tmp/bare.json"
"$cg" extract -o /dev/null "$tmp/bare.json" 2> "$tmp/bare.err"
has "bare empty list" "$tmp/bare.err" "$E $tmp/bare.json: page at line 1: \"documents\" is empty, and there is no \"numFound\" or \"cursor\": no records"

# ---- a record's number is its place in the file: a value that does not
# parse keeps its number, so the records after it keep theirs, and the
# message names the number and the line
{
    rec 1 11; echo
    rec 2 12; echo
    echo 'not json'
    echo '{"id":"3"'
    rec 4 14; echo
} > "$tmp/lines.jsonl"
"$cg" extract -o "$tmp/lines.out.jsonl" "$tmp/lines.jsonl" 2> "$tmp/lines.err"
has "line 3 named" "$tmp/lines.err" "$E $tmp/lines.jsonl: record 3 (line 3): malformed JSON: "
has "line 4 named" "$tmp/lines.err" "$E $tmp/lines.jsonl: record 4 (line 4): malformed JSON: "
has "line 5 is record 5" "$tmp/lines.out.jsonl" '"doc":"BT-Drs. 21/14","record":5,"dip_id":"4"'
# a bad byte inside one page of three records: the page's line, its records
# lost (with their numbers, and the one the error is in), the next page's
# numbered after them
{
    printf '{"numFound":5,"documents":[%s,' "$(rec 41 21)"
    rec 42 22 | sed 's/Siehe/Sieh\xffe/'
    printf ',%s],"cursor":"a"}\n' "$(rec 43 23)"
    printf '{"numFound":5,"documents":[%s,%s],"cursor":"b"}\n' "$(rec 44 24)" "$(rec 45 25)"
} > "$tmp/badbyte.json"
"$cg" extract -o "$tmp/badbyte.out.jsonl" "$tmp/badbyte.json" 2> "$tmp/badbyte.err"
has "bad byte: page named" "$tmp/badbyte.err" "$E $tmp/badbyte.json: page at line 1: malformed JSON: unable to decode byte 0xff"
has "bad byte: records lost" "$tmp/badbyte.err" "; its 3 records, numbers 1 to 3, are lost (the error is in number 2)"
has "bad byte: next page numbered on" "$tmp/badbyte.out.jsonl" '"doc":"BT-Drs. 21/24","record":4,"dip_id":"44"'
has "bad byte: next page numbered on" "$tmp/badbyte.out.jsonl" '"doc":"BT-Drs. 21/25","record":5,"dip_id":"45"'

# ---- DIP's values are checked before use: a datum that is no date is not
# used (the header's stays, and CG004 compares that); control characters in
# titles, types and names become single spaces
head_text='Deutscher Bundestag Drucksache 21/%s\n21. Wahlperiode 01.02.2025\nAntrag\nder Fraktion der AfD\nTitel\n'
{
    printf '{"numFound":3,"documents":['
    printf '{"id":"7","dokumentart":"Drucksache","herausgeber":"BT","dokumentnummer":"21/71","datum":"gestern","text":"%s"},' "$(printf "$head_text" 71 | sed 's/$/\\n/' | tr -d '\n')"
    printf '{"id":"8","dokumentart":"Drucksache","herausgeber":"BT","dokumentnummer":"21/72","datum":"2025-02-30","text":"%s"},' "$(printf "$head_text" 72 | sed 's/$/\\n/' | tr -d '\n')"
    printf '{"id":"9","dokumentart":"Drucksache","herausgeber":"BT","dokumentnummer":"21/73","datum":"2024-02-29","drucksachetyp":"Kleine\\r\\nAnfrage","titel":" Erste Zeile\\n\\tzweite\\u0085 Zeile\\u0007","urheber":[{"titel":"Fraktion\\nder  AfD"},{"titel":"\\n\\t"}],"text":"%s"}' "$(printf "$head_text" 73 | sed 's/$/\\n/' | tr -d '\n')"
    printf '],"cursor":"c"}\n'
} > "$tmp/values.json"
expect "values" 0 "$cg" extract -o "$tmp/values.out.jsonl" "$tmp/values.json"
"$cg" extract -o /dev/null "$tmp/values.json" 2> "$tmp/values.err"
has "datum not a date" "$tmp/values.err" "citegraph: warning: $tmp/values.json: record 1 (DIP id 7): \"datum\" is not a date: 'gestern'"
has "datum not a day" "$tmp/values.err" "citegraph: warning: $tmp/values.json: record 2 (DIP id 8): \"datum\" is not a date: '2025-02-30'"
has "header's date kept" "$tmp/values.out.jsonl" '"doc":"BT-Drs. 21/71","issuer":"BT","doc_type":"Antrag","title":"Titel","date":"2025-02-01"'
has "header's date marked" "$tmp/values.out.jsonl" '"from":{"doc":"dip","doc_type":"header","title":"header","date":"header","urheber":"header"},"record":1'
has "a leap day is a date" "$tmp/values.out.jsonl" '"date":"2024-02-29"'
has "one-line type and title" "$tmp/values.out.jsonl" '"doc":"BT-Drs. 21/73","issuer":"BT","doc_type":"Kleine Anfrage","title":"Erste Zeile zweite Zeile"'
has "one-line name" "$tmp/values.out.jsonl" '"doc":"BT-Drs. 21/73","issuer":"BT","doc_type":"Kleine Anfrage","title":"Erste Zeile zweite Zeile","date":"2024-02-29","alias":null,"urheber":[{"name":"Fraktion der AfD","role":"urheber"}]'
# the final count says "documents" when DIP records were among them, and
# keeps "files" for a run of text files
"$cg" extract -o /dev/null "$tmp/values.json" "$tmp/no-such-file.txt" 2> "$tmp/mixed.err"
has "text and DIP counted as documents" "$tmp/mixed.err" "1 of 4 documents could not be processed"
"$cg" extract -o /dev/null "$tmp/no-such-file.txt" 2> "$tmp/unreadable.err"
has "text files counted as files" "$tmp/unreadable.err" "1 of 1 file could not be processed"

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
"$cg" check --no-config --fail-on never -f json "$data" > "$tmp/text-check.json" 2> /dev/null
"$cg" check --no-config --fail-on never -f json --ext .json "$tmp/pages" > "$tmp/dip-check.json" 2> /dev/null
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
