#!/bin/sh
# Authors in the graph: every export, rank --urheber, stats --by urheber
# (text and JSON), metadata from a DIP catalog, and documents read twice.
# Usage: graph_authors_test.sh CITEGRAPH SAMPLE_DIR
# The fixture is authors/ next to this script (authors/README.md).
set -u
cg=$1
sample=$(cd "$2" && pwd)
fx=$(cd "$(dirname "$0")/authors" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/testlib.sh"
# same NAME FILE: stdout is exactly FILE
same() { if cmp -s "$2" "$tmp/out"; then ok; else bad "$1: stdout differs:"; diff -u "$2" "$tmp/out" >&2; fi; }
stderr_lacks() { if grep -q -- "$2" "$tmp/err"; then bad "$1: stderr has '$2'"; else ok; fi; }
cd "$fx" || exit 1
corpus="corpus.jsonl"
meta="--metadata dip-metadata.json"

# ---- stats --by urheber: submitters by default, exact table
cat > "$tmp/want" <<'TXT'
who cites whom (urheber), citation edges:
       2  Fraktion der AfD -> Bundesregierung
       1  Bundesregierung -> Fraktion BÜNDNIS 90/DIE GRÜNEN
       1  Bundesregierung -> Fraktion Die Linke
       1  Bundesregierung -> Fraktion der AfD
       1  Fraktion BÜNDNIS 90/DIE GRÜNEN -> Bundesregierung
       1  Fraktion Die Linke -> Bundesregierung
TXT
expect by-urheber 0 "$cg" stats --by urheber $corpus; same by-urheber "$tmp/want"
# with the catalog, 21/13 (external) is the Bundesregierung's, and R cites it
expect by-urheber-json 0 "$cg" stats --by urheber -f json $meta $corpus
cat > "$tmp/want" <<'TXT'
{
  "by": "urheber",
  "role": "urheber",
  "pairs_total": 6,
  "pairs": [
    {
      "citing": "Fraktion BÜNDNIS 90/DIE GRÜNEN",
      "cited": "Bundesregierung",
      "edges": 2
    },
    {
      "citing": "Fraktion Die Linke",
      "cited": "Bundesregierung",
      "edges": 2
    }
  ]
}
TXT
expect by-urheber-json-top 0 "$cg" stats --by urheber -f json --top 2 $meta $corpus
same by-urheber-json-top "$tmp/want"
# a ministry answers, nobody cites a ministry's document
expect by-ressort 0 "$cg" stats --by urheber --role ressort $corpus
stdout_has by-ressort "^who cites whom (ressort)"
stdout_has by-ressort "none: no citation joins two documents"
expect by-all 0 "$cg" stats --by urheber --role all $corpus
stdout_has by-all "^       3  Fraktion der AfD -> Fraktion der AfD$"
stdout_has by-all "^       1  Auswärtiges Amt -> Fraktion der AfD$"
expect by-bad 2 "$cg" stats --by pagerank $corpus; stderr_has by-bad "unknown"
# --role only says whose citations --by urheber counts: alone it is a usage error
expect role-alone 2 "$cg" stats --role ressort $corpus
stderr_has role-alone "^citegraph: error: --role needs --by urheber"
if [ ! -s "$tmp/out" ]; then ok; else bad "role-alone: printed statistics"; fi
expect role-bad 2 "$cg" stats --by urheber --role minister $corpus; stderr_has role-bad "unknown"
expect stats-help 0 "$cg" stats --help
stdout_has stats-help "--by WHAT"
stdout_has stats-help "submitters"

# ---- rank --urheber: exact name, or a part written small
expect rank-afd 0 "$cg" rank --urheber afd $corpus
stdout_has rank-afd "BT-Drs. 21/10"
stdout_has rank-afd "BT-Drs. 21/11" # the Antwort: the AfD asked
stdout_has rank-afd "BT-Drs. 21/14"
stdout_lacks rank-afd "BT-Drs. 21/12"
if [ "$(wc -l < "$tmp/out")" -eq 3 ]; then ok; else bad "rank-afd: not 3 lines"; fi
expect rank-exact 0 "$cg" rank --urheber "Fraktion Die Linke" -f json $corpus
stdout_has rank-exact '"urheber": "Fraktion Die Linke"'
stdout_has rank-exact '"id": "BT-Drs. 21/12"'
stdout_lacks rank-exact '"id": "BT-Drs. 21/10"'
# capitals: the name exactly; a name no document has is an error, with the hint
expect rank-capitals 1 "$cg" rank --urheber "AfD" $corpus
if [ ! -s "$tmp/out" ]; then ok; else bad "rank-capitals: a part with capitals matched"; fi
stderr_has rank-capitals "^citegraph: error: no document has the author 'AfD' (names are exact; write it in lower case to match any part: --urheber afd)$"
expect rank-capitals-json 1 "$cg" rank --urheber "Fraktion der Afd" -f json $corpus
stderr_has rank-capitals-json "match any part: --urheber 'fraktion der afd')$"
expect rank-none 1 "$cg" rank --urheber spd $corpus
stderr_has rank-none "no document has an author whose name contains 'spd'"
expect rank-help 0 "$cg" rank --help
stdout_has rank-help "no document has the"
expect rank-no-value 2 "$cg" rank $corpus --urheber; stderr_has rank-no-value "needs a value"

# ---- the exports carry the authors and where metadata came from
expect json 0 "$cg" graph -f json $meta $corpus
stdout_has json '"id":"BT-Drs. 21/11"[^}]*"urheber":\[{"name":"Bundesregierung","role":"urheber"},{"name":"Auswärtiges Amt","role":"ressort"},{"name":"Fraktion der AfD","role":"fragesteller"}\],"type_from":"header","title_from":"header","date_from":"header","urheber_from":"header"'
# a catalog replaces what the header said of 21/10, and fills the external 21/13
stdout_has json '"id":"BT-Drs. 21/10"[^}]*"title":"Anfrage P laut DIP"'
stdout_has json '"id":"BT-Drs. 21/10"[^]]*\],"type_from":"catalog","title_from":"catalog"'
stdout_has json '"id":"BT-Drs. 21/13","kind":"bt_drucksache","in_corpus":false'
stdout_has json '{"name":"Bundesministerium der Finanzen","role":"ressort"}\],"type_from":"catalog"'
expect graphml 0 "$cg" graph -f graphml $corpus
stdout_has graphml '<key id="v_urheber" for="node" attr.name="urheber" attr.type="string"'
stdout_has graphml '<data key="v_urheber">Fraktion Die Linke; Fraktion BÜNDNIS 90/DIE GRÜNEN</data>'
stdout_has graphml '<data key="v_urheber_role">urheber; urheber</data>'
stdout_has graphml '<data key="v_title_from">header</data>'
expect csv 0 "$cg" graph -f csv -o "$tmp/g" $corpus
if head -1 "$tmp/g.nodes.csv" | grep -q ',parent,urheber,urheber_role,type_from,title_from,date_from,urheber_from'; then ok; else bad "csv: header"; fi
if grep -q '^BT-Drs. 21/12,.*,Fraktion Die Linke; Fraktion BÜNDNIS 90/DIE GRÜNEN,urheber; urheber,header,header,header,header' "$tmp/g.nodes.csv"; then ok; else bad "csv: authors of 21/12"; fi
expect dot 0 "$cg" graph $meta $corpus
stdout_has dot 'tooltip="BT-Drs. 21/11\\nAntwort\\n2025-06-01\\nAntwort Q\\nBundesregierung (urheber)\\nAuswärtiges Amt (ressort)\\nFraktion der AfD (fragesteller)"'
stdout_has dot 'Fraktion der AfD (urheber)\\ntype from catalog, title from catalog, date from catalog, urheber from catalog"'

# ---- a document read twice: both named, the one used and why; stats counts it
expect dup 0 "$cg" stats $corpus dip-record.jsonl
stderr_has dup "^citegraph: warning: BT-Drs. 21/11: read twice: dip.json (record 2) is used (DIP record), q.txt is left out$"
stdout_has dup "^duplicates         1 documents read again"
expect dup-json 0 "$cg" stats -f json $corpus dip-record.jsonl
stdout_has dup-json '"duplicates": 1'
# q.txt's citation of 21/98 went with it
expect dup-graph 0 "$cg" graph -f json -q $corpus dip-record.jsonl
stdout_lacks dup-graph 'BT-Drs. 21/98'
stdout_has dup-graph '"id":"BT-Drs. 21/11"[^}]*"file":"dip.json"[^}]*"title":"Antwort Q laut DIP"'
stderr_lacks dup-graph "warning" # -q
# a file read twice (two copies of one text): the first in path order is used
mkdir "$tmp/twice" "$tmp/twice/a" "$tmp/twice/b"
cp "$sample/btd-21-1958.txt" "$tmp/twice/a/"
cp "$sample/btd-21-1958.txt" "$tmp/twice/b/copy.txt"
expect dup-text 0 "$cg" cites 21/1958 "$tmp/twice"
stderr_has dup-text "^citegraph: warning: BT-Drs. 21/1958: read twice: $tmp/twice/a/btd-21-1958.txt is used (first in path order), $tmp/twice/b/copy.txt is left out$"
stdout_lacks dup-text "copy.txt"
# a real DIP record and the same text as a file: DIP's record is used, with DIP's authors
expect dup-dip 0 "$cg" graph -f json btd-20-1.txt dip-20-1.json
stderr_has dup-dip "^citegraph: warning: BT-Drs. 20/1: read twice: dip-20-1.json (record 1) is used (DIP record), btd-20-1.txt is left out$"
stdout_has dup-dip '"id":"BT-Drs. 20/1"[^}]*"file":"dip-20-1.json"'
stdout_has dup-dip '"urheber":\[{"name":"Fraktion der SPD","role":"urheber"}\],"type_from":"dip","title_from":"dip","date_from":"dip","urheber_from":"dip"'
expect no-dup 0 "$cg" stats "$tmp/twice/a"
stderr_lacks no-dup "read twice"
stdout_lacks no-dup "^duplicates"

# ---- DIP records: one node per record without an id, positions naming the record
# A hand-made DIP page (invented text): two Bundesrat Plenarprotokolle, for which
# citegraph has no id, each citing its own Drucksache, and an Antwort 21/5.
cat > "$tmp/page.json" <<'JSON'
{"numFound": 3, "documents": [
 {"id": "7", "dokumentart": "Plenarprotokoll", "herausgeber": "BR", "dokumentnummer": "1050", "text": "Bundesrat Stenografischer Bericht 1050. Sitzung\nsiehe Drucksache 103/25"},
 {"id": "8", "dokumentart": "Plenarprotokoll", "herausgeber": "BR", "dokumentnummer": "1051", "text": "Bundesrat Stenografischer Bericht 1051. Sitzung\nsiehe Drucksache 104/25"},
 {"id": "9", "dokumentart": "Drucksache", "drucksachetyp": "Antwort", "herausgeber": "BT", "dokumentnummer": "21/5", "titel": "Antwort X", "datum": "2025-06-02", "text": "Antwort der Bundesregierung\nsiehe Drucksache 21/4"}
], "cursor": "x"}
JSON
expect dip-noid 0 "$cg" graph -f json "$tmp/page.json"
stderr_lacks dip-noid "read twice"
stdout_has dip-noid '{"id":"file:'"$tmp"'/page.json#1","kind":"document","in_corpus":true,"file":"'"$tmp"'/page.json","record":1,"dip_id":"7",'
stdout_has dip-noid '"id":"file:'"$tmp"'/page.json#2"[^}]*"record":2,"dip_id":"8",'
stdout_has dip-noid '"source":"file:'"$tmp"'/page.json#1","target":"BR-Drs. 103/25"[^]]*\],"positions":\[{"file":"'"$tmp"'/page.json","record":1,"line":2,"col":7}\]'
stdout_has dip-noid '"source":"file:'"$tmp"'/page.json#2","target":"BR-Drs. 104/25"[^]]*\],"positions":\[{"file":"'"$tmp"'/page.json","record":2,"line":2,"col":7}\]'
# the same from extract's JSON Lines
"$cg" extract -q "$tmp/page.json" > "$tmp/page.jsonl"
expect dip-noid-jsonl 0 "$cg" graph -f csv -o "$tmp/pg" "$tmp/page.jsonl"
stderr_lacks dip-noid-jsonl "read twice"
if grep -q "^file:$tmp/page.json#2,BR-Drs. 104/25,cites,1,,$tmp/page.json#2:2:7" "$tmp/pg.edges.csv"; then ok; else bad "dip-noid-jsonl: record 2's citation"; cat "$tmp/pg.edges.csv" >&2; fi
if grep -q "^file:$tmp/page.json#1,BR-Drs. 103/25,cites,1,,$tmp/page.json#1:2:7" "$tmp/pg.edges.csv"; then ok; else bad "dip-noid-jsonl: record 1's citation"; fi
# queries name the record where a citation stands, and find a record by FILE#N
expect dip-cites 0 "$cg" cites 21/5 "$tmp/page.json"
stdout_has dip-cites "^      at $tmp/page.json#3:2:7$"
expect dip-cites-record 0 "$cg" cites page.json#2 "$tmp/page.json"
stdout_has dip-cites-record "^file:$tmp/page.json#2  (Plenarprotokoll)"
stdout_has dip-cites-record "^      at $tmp/page.json#2:2:7$"
expect dip-dot 0 "$cg" graph "$tmp/page.json"
if grep -qF "(1×)\\n$tmp/page.json#3:2:7\"]" "$tmp/out"; then ok; else bad "dip-dot: edge tooltip"; fi
# a text file's positions stay FILE:LINE:COL
expect text-cites 0 "$cg" cites 21/1958 "$sample/btd-21-1958.txt"
stdout_has text-cites "^      at $sample/btd-21-1958.txt:117:37$"

# ---- a catalog's faulty records are named, as check names them; -q silences them
printf '%s\n' '{"herausgeber": "BT", "titel": "no number"}' \
  '{"dokumentnummer": "21/5", "herausgeber": "BT", "drucksachetyp": "Antwort", "titel": "Antwort X laut Katalog"}' \
  > "$tmp/faulty.jsonl"
expect catalog-faulty 0 "$cg" stats --metadata "$tmp/faulty.jsonl" "$tmp/page.json"
stderr_has catalog-faulty "^citegraph: warning: $tmp/faulty.jsonl: record 1: no dokumentnummer and no id; passed over$"
expect catalog-faulty-q 0 "$cg" stats -q --metadata "$tmp/faulty.jsonl" "$tmp/page.json"
stderr_lacks catalog-faulty-q "passed over"

echo "graph authors: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
