#!/bin/sh
# citegraph check on the fixture corpus (tests/check/fixture): the findings in
# every format against expected/, the exit codes, the baseline (and that its
# fingerprints survive lines moving), the config file, the SARIF schema, and
# the CI example script.
#
#   run_check_tests.sh CITEGRAPH PROJECT_DIR
#
# Exit 0 when all pass, 1 on a failure, 77 (skipped) only when everything that
# ran passed but the SARIF schema could not be checked (no python3-jsonschema).
set -u
case $1 in /*) cg=$1 ;; *) cg=$(pwd)/$1 ;; esac
project=$(cd "$2" && pwd)
here=$project/tests/check
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
skipped=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

expect_status() { # expect_status WANT GOT WHAT
    if [ "$1" -eq "$2" ]; then pass "$3 (exit $2)"; else fail "$3: exit $2, expected $1"; fi
}

# Findings carry paths as given on the command line, so run from tests/check
# with the relative path 'fixture', as expected/ was written.
cd "$here" || exit 1
check() { "$cg" check -q --no-config --catalog fixture/catalog.tsv "$@"; }

# --- 1. every format gives exactly the expected report -----------------------
for format in text json sarif github junit markdown; do
    check --format "$format" fixture > "$tmp/report.$format"
    status=$?
    expect_status 1 "$status" "format $format"
    if cmp -s "$tmp/report.$format" "expected/report.$format"; then
        pass "format $format matches expected/report.$format"
    else
        fail "format $format differs from expected/report.$format:"
        diff -u "expected/report.$format" "$tmp/report.$format" | head -40 >&2
    fi
done

# no finding: the JSON report still has its frame, byte for byte
mkdir -p "$tmp/clean" && printf 'Nichts zu finden.\n' > "$tmp/clean/a.txt"
"$cg" check -q --no-config --format json "$tmp/clean" > "$tmp/clean.json"
printf '{\n  "version": 1,\n  "findings": [],\n  "summary": {\n    "errors": 0,\n    "warnings": 0,\n    "notes": 0,\n    "new": 0\n  }\n}\n' |
    cmp -s - "$tmp/clean.json" && pass "a JSON report without findings" ||
    fail "JSON report without findings: $(cat "$tmp/clean.json")"

# the same report through -o
check --format json -o "$tmp/o.json" fixture > "$tmp/o.stdout"
cmp -s "$tmp/o.json" expected/report.json && [ ! -s "$tmp/o.stdout" ] &&
    pass "-o writes the report to the file and nothing to stdout" ||
    fail "-o: report not in the file, or stdout not empty"

# the same findings whatever the order of the paths
check --format json fixture/bundesrat-238-25.txt fixture/antwort-21-843.txt \
    fixture/antwort-21-284.txt fixture/anfrage-21-659.txt > "$tmp/order.json"
cmp -s "$tmp/order.json" expected/report.json &&
    pass "file order does not change the report" || fail "file order changes the report"

# every rule of the fixture, with the count the fixture was built for
counts=$(sed -n 's/.*\[\(CG[0-9]*\) .*/\1/p' expected/report.text | sort | uniq -c |
    awk '{printf "%s=%s ", $2, $1}')
[ "$counts" = "CG001=10 CG002=2 CG003=2 CG004=1 CG005=1 CG006=1 CG007=1 CG008=1 " ] &&
    pass "expected findings per rule: $counts" || fail "findings per rule changed: $counts"

# --- 2. exit codes and levels -------------------------------------------------
check --fail-on never fixture > /dev/null
expect_status 0 $? "--fail-on never"
check --severity error fixture > "$tmp/errors.txt"
expect_status 1 $? "--severity error"
n=$(grep -c ': error: ' "$tmp/errors.txt")
w=$(grep -c ': warning: ' "$tmp/errors.txt")
[ "$n" -eq 8 ] && [ "$w" -eq 0 ] && pass "--severity error shows the 8 errors only" ||
    fail "--severity error shows $n errors and $w warnings"
# a document with warnings only passes under the default --fail-on error
check fixture/bundesrat-238-25.txt > /dev/null
expect_status 0 $? "warnings only, --fail-on error"
check --fail-on warning fixture/bundesrat-238-25.txt > /dev/null
expect_status 1 $? "warnings only, --fail-on warning"
check --format yaml fixture > /dev/null 2> "$tmp/usage.err"
expect_status 2 $? "unknown format"
grep -q "yaml" "$tmp/usage.err" && pass "the usage error names the bad value" ||
    fail "usage error does not name 'yaml'"
check --fail-on sometimes fixture > /dev/null 2>&1
expect_status 2 $? "bad --fail-on"
"$cg" check -q --catalog "$tmp/no-such-catalog.tsv" fixture > /dev/null 2> "$tmp/cat.err"
expect_status 2 $? "missing catalog"
grep -q "no-such-catalog.tsv" "$tmp/cat.err" && pass "the catalog error names the file" ||
    fail "catalog error does not name the file"

# --- 3. baseline ----------------------------------------------------------------
# Work on a copy, so lines can move; the copy is called 'fixture' too, because
# fingerprints include the file's path.
mkdir -p "$tmp/run"
cp -R fixture "$tmp/run/fixture"
chmod -R u+w "$tmp/run/fixture"
cd "$tmp/run" || exit 1
check --write-baseline "$tmp/baseline.json" fixture > /dev/null
expect_status 1 $? "--write-baseline still reports today's findings"
check --baseline "$tmp/baseline.json" --format json fixture > "$tmp/base.json"
expect_status 0 $? "rerun against the baseline"
grep -q '"baseline": "new"' "$tmp/base.json" && fail "a finding is new right after the baseline" ||
    pass "no finding is new right after the baseline"

# move lines: three lines inserted at the top, one removed further down
f=fixture/antwort-21-843.txt
{ printf 'Vorbemerkung des Bearbeiters\n\n\n'; cat "$f"; } > "$tmp/moved" && mv "$tmp/moved" "$f"
sed '20d' "$f" > "$tmp/moved" && mv "$tmp/moved" "$f"
check --baseline "$tmp/baseline.json" fixture > "$tmp/moved.txt"
expect_status 0 $? "baseline after lines moved"
grep -q '^fixture/antwort-21-843.txt:44:24: error: this document has no question 13' "$tmp/moved.txt" &&
    pass "the moved finding is reported at its new line" || fail "moved finding not at line 44 (42, +3, -1)"

# a new fault: exactly one new finding, and it fails
printf '\nWeitere Angaben enthält die Drucksache 21/88888.\n' >> "$f"
check --baseline "$tmp/baseline.json" --format json fixture > "$tmp/new.json"
expect_status 1 $? "a new finding fails against the baseline"
n=$(grep -c '"baseline": "new"' "$tmp/new.json")
[ "$n" -eq 1 ] && grep -q 'BT-Drs. 21/88888' "$tmp/new.json" &&
    pass "exactly one new finding, BT-Drs. 21/88888" || fail "$n new findings, expected 1 (21/88888)"
check --baseline "$tmp/baseline.json" --format sarif fixture > "$tmp/new.sarif"
grep -c '"baselineState": "new"' "$tmp/new.sarif" | grep -qx 1 &&
    pass "SARIF marks the one new result baselineState new" || fail "SARIF baselineState wrong"
echo '{"findings": 3}' > "$tmp/bad-baseline.json"
check --baseline "$tmp/bad-baseline.json" fixture > /dev/null 2>&1
expect_status 2 $? "a file that is not a baseline"
cd "$here" || exit 1

# --- 4. config file: rules and ignores with reasons -----------------------------
mkdir -p "$tmp/cfg"
cp -R fixture "$tmp/cfg/fixture"
cd "$tmp/cfg" || exit 1
cat > .citegraph.json <<'EOF'
{
  "rules": {"CG001": "off"},
  "ignore": [
    {"rule": "CG003", "target": "BT-Drs. 21/284", "reason": "21/284 is answered in two parts"},
    {"file": "fixture/bundesrat-238-25.txt", "reason": "a Bundesrat text, checked elsewhere"}
  ]
}
EOF
"$cg" check -q --catalog fixture/catalog.tsv fixture > "$tmp/cfg.txt"
expect_status 1 $? ".citegraph.json read from the working directory"
grep -q 'CG001' "$tmp/cfg.txt" && fail "CG001 reported though it is off" || pass "a rule set to off is silent"
grep -q 'BT-Drs. 21/284 has no question 40' "$tmp/cfg.txt" && fail "ignored target still reported" ||
    pass "an ignored rule+target is silent"
grep -q 'no question 13' "$tmp/cfg.txt" && pass "the other CG003 finding stays" ||
    fail "ignore silenced more than its target"
grep -q 'bundesrat-238-25' "$tmp/cfg.txt" && fail "ignored file still reported" ||
    pass "an ignored file is silent"
"$cg" check -q --no-config --catalog fixture/catalog.tsv fixture | grep -q CG001 &&
    pass "--no-config ignores .citegraph.json" || fail "--no-config still read the config"
cat > .citegraph.json <<'EOF'
{"ignore": [{"rule": "CG001"}]}
EOF
"$cg" check -q --catalog fixture/catalog.tsv fixture > /dev/null 2> "$tmp/cfg.err"
expect_status 2 $? "an ignore without a reason"
grep -q '.citegraph.json' "$tmp/cfg.err" && grep -q 'reason' "$tmp/cfg.err" &&
    pass "the config error names the file and the missing reason" || fail "config error message"
echo '{"rules": {"CG042": "off"}}' > .citegraph.json
"$cg" check -q fixture > /dev/null 2>&1
expect_status 2 $? "an unknown rule in the config"
echo '{"rules": ' > .citegraph.json
"$cg" check -q fixture > /dev/null 2> "$tmp/cfg.err"
expect_status 2 $? "a config that is not JSON"
grep -q '.citegraph.json:[0-9]' "$tmp/cfg.err" && pass "the JSON error has file and line" ||
    fail "JSON error without file:line"
cd "$here" || exit 1

# --- 5. text output on a terminal: the line and a caret -------------------------
if command -v script > /dev/null 2>&1; then
    script -qec "'$cg' check -q --no-config --catalog fixture/catalog.tsv fixture/antwort-21-843.txt" \
        /dev/null < /dev/null | tr -d '\r' > "$tmp/tty.txt"
    awk '/no question 13/ {getline l; getline c; print l; print c; exit}' "$tmp/tty.txt" > "$tmp/caret"
    caret_col=$(sed -n 2p "$tmp/caret" | awk '{print index($0, "^")}')
    # col 24 of the source line, after the 4-space indent
    [ "$caret_col" = 28 ] && pass "terminal output underlines the reference" ||
        fail "caret at column $caret_col of the terminal output, expected 28"
    grep -q '\^' "$tmp/report.text" && fail "caret in piped output" || pass "no caret in a pipe"
fi

# --- 6. SARIF against the SARIF 2.1.0 schema ------------------------------------
py=""
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import jsonschema' > /dev/null 2>&1; then
        py=$p
        break
    fi
done
if [ -n "$py" ]; then
    for s in expected/report.sarif "$tmp/report.sarif" "$tmp/new.sarif"; do
        if "$py" - "$here/sarif-schema-2.1.0-rtm.5.json" "$s" <<'EOF'; then
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.validators.validator_for(schema)(schema).validate(doc)
run = doc["runs"][0]
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
for r in run["results"]:
    assert r["ruleId"] in rules, r["ruleId"]
    reg = r["locations"][0]["physicalLocation"]["region"]
    assert reg["startLine"] >= 1 and reg["startColumn"] >= 1, reg
    assert r["partialFingerprints"], r
EOF
            pass "$s validates against the SARIF 2.1.0 schema"
        else
            fail "$s does not validate against the SARIF 2.1.0 schema"
        fi
    done
else
    echo "skip: no python3 with jsonschema; SARIF schema not checked" >&2
    skipped=1
fi

# --- 7. the CI example, as both pipelines run it -----------------------------
grep -q 'examples/ci/citegraph-check.sh' "$project/examples/ci/github-actions.yml" &&
    grep -q 'examples/ci/citegraph-check.sh' "$project/examples/ci/gitlab-ci.yml" &&
    pass "both pipelines run examples/ci/citegraph-check.sh" ||
    fail "a pipeline does not run examples/ci/citegraph-check.sh"
mkdir -p "$tmp/ci"
CITEGRAPH=$cg sh "$project/examples/ci/citegraph-check.sh" fixture fixture/catalog.tsv "$tmp/ci" \
    2> "$tmp/ci.err"
expect_status 1 $? "the CI script fails on the fixture"
cmp -s "$tmp/ci/citegraph.sarif" expected/report.sarif &&
    pass "the CI script writes the expected SARIF" || fail "CI script SARIF differs"
cmp -s "$tmp/ci/citegraph.md" expected/report.markdown &&
    pass "the CI script writes the expected Markdown summary" || fail "CI script Markdown differs"
CITEGRAPH=$cg sh "$project/examples/ci/citegraph-check.sh" fixture/bundesrat-238-25.txt \
    fixture/catalog.tsv "$tmp/ci" 2> /dev/null
expect_status 0 $? "the CI script passes on warnings only"

# --- 8. --cache DIR: results reused, a changed file re-extracted, damage rebuilt ---
cd "$tmp/run" || exit 1
cache=$tmp/cache
# The stat index trusts only files that had not changed for two seconds when
# a run began (src/run/cache.c): let the fixture, and the copies that the
# index tests below change, settle first.
for k in 1 2 3 4 5; do
    mkdir -p "$tmp/ix$k" && cp -R fixture "$tmp/ix$k/fixture"
done
sleep 3
# says FILE REUSED EXTRACTED DAMAGED 'N of M': the cache summary line in FILE
says() { grep -q "cache: $2 reused, $3 extracted, $4 damaged and rebuilt; $5 files read" "$1"; }
check --cache "$cache" --format json fixture > "$tmp/cache1.json" 2> /dev/null
"$cg" check --no-config --catalog fixture/catalog.tsv --cache "$cache" --format json fixture \
    > "$tmp/cache2.json" 2> "$tmp/cache2.err"
cmp -s "$tmp/cache1.json" "$tmp/cache2.json" &&
    says "$tmp/cache2.err" 4 0 0 '0 of 4' &&
    pass "a warm run reuses all 4 results, reads no file and reports the same" ||
    fail "warm cache run: $(cat "$tmp/cache2.err")"
"$cg" check --no-config --catalog fixture/catalog.tsv --format json fixture > "$tmp/nocache.json" 2> /dev/null
cmp -s "$tmp/cache1.json" "$tmp/nocache.json" && pass "with and without --cache: the same report" ||
    fail "--cache changes the report"
printf '\nSiehe Drucksache 21/77777.\n' >> fixture/anfrage-21-659.txt
"$cg" check --no-config --catalog fixture/catalog.tsv --cache "$cache" --format json fixture \
    > "$tmp/cache3.json" 2> "$tmp/cache3.err"
says "$tmp/cache3.err" 3 1 0 '1 of 4' &&
    grep -q 'BT-Drs. 21/77777' "$tmp/cache3.json" &&
    pass "one changed file is read and extracted again, the others reused unread" ||
    fail "changed file: $(cat "$tmp/cache3.err")"
# damage every entry in a different way: truncated, another key line, positions
# past the end, JSON instead of a record (the cache rebuilt first, so that it
# holds the 4 entries in use and no other)
rm -rf "$cache"
check --cache "$cache" fixture > /dev/null 2>&1
n=0
for e in $(find "$cache" -name '*.cgr' | sort); do
    n=$((n + 1))
    case $n in
    1) head -c 200 "$e" > "$e.x" && mv "$e.x" "$e" ;;
    2) sed '1s/^citegraph-cache \([0-9]*\) [0-9a-f]*/citegraph-cache \1 00000000000000000000000000000000/' \
        "$e" > "$e.x" && mv "$e.x" "$e" ;;
    3) sed '4s/ \([01] [0-9][0-9]*\) [0-9][0-9]* / \1 99999999 /' "$e" > "$e.x" &&
        ! cmp -s "$e" "$e.x" && mv "$e.x" "$e" ;;
    *) { head -1 "$e"; echo '{"format":"citegraph-extraction","version":1,"refs":7}'; } > "$e.x" &&
        mv "$e.x" "$e" ;;
    esac
done
"$cg" check --no-config --catalog fixture/catalog.tsv --cache "$cache" --format json fixture \
    > "$tmp/cache4.json" 2> "$tmp/cache4.err"
cmp -s "$tmp/cache3.json" "$tmp/cache4.json" &&
    grep -q 'damaged cache entry rebuilt' "$tmp/cache4.err" &&
    grep -q 'not the entry for this document' "$tmp/cache4.err" &&
    grep -q 'checksum does not match' "$tmp/cache4.err" &&
    says "$tmp/cache4.err" 0 0 4 '4 of 4' &&
    pass "damaged entries are detected, reported and rebuilt; the report is unchanged" ||
    fail "damaged cache: $n entries; $(cat "$tmp/cache4.err")"
"$cg" check --no-config --catalog fixture/catalog.tsv --cache "$cache" fixture > /dev/null 2> "$tmp/cache5.err"
grep -q 'cache: 4 reused' "$tmp/cache5.err" && pass "rebuilt entries are reused next time" ||
    fail "after rebuild: $(cat "$tmp/cache5.err")"

# --- 9. --cache DIR: the stat index never trusts a file that changed ---------
# ixcheck K: check copy K with its own cache; the report in $tmp/ixK.json, the
# summary in $tmp/ixK.err, and the report without a cache in $tmp/ixK.plain.json
ixcheck() {
    (cd "$tmp/ix$1" && "$cg" check --no-config --catalog fixture/catalog.tsv --cache cache \
        --format json fixture > "$tmp/ix$1.json" 2> "$tmp/ix$1.err"
    "$cg" check -q --no-config --catalog fixture/catalog.tsv --format json fixture \
        > "$tmp/ix$1.plain.json")
}
for k in 1 2 3 4 5; do
    ixcheck $k
    says "$tmp/ix$k.err" 0 4 0 '4 of 4' ||
        fail "cold run of copy $k: $(cat "$tmp/ix$k.err")"
done
f=$tmp/ix1/fixture/antwort-21-843.txt
touch -r "$f" "$tmp/ix1.mtime"
sed 's|Drucksache 21/659|Drucksache 21/658|' "$f" > "$f.x" && cat "$f.x" > "$f" && rm "$f.x"
touch -r "$tmp/ix1.mtime" "$f"
ixcheck 1
says "$tmp/ix1.err" 3 1 0 '1 of 4' &&
    cmp -s "$tmp/ix1.json" "$tmp/ix1.plain.json" && grep -q '21/658' "$tmp/ix1.json" &&
    pass "a file changed with the same size and its mtime set back is read and extracted" ||
    fail "same size, same mtime: $(cat "$tmp/ix1.err")"
f=$tmp/ix2/fixture/antwort-21-284.txt
cp "$f" "$f.new" && mv "$f.new" "$f"
ixcheck 2
says "$tmp/ix2.err" 4 0 0 '1 of 4' &&
    cmp -s "$tmp/ix2.json" "$tmp/ix2.plain.json" &&
    pass "a replaced file is read again, its unchanged result reused" ||
    fail "replaced file: $(cat "$tmp/ix2.err")"
rm "$tmp/ix3/fixture/antwort-21-284.txt"
ixcheck 3
says "$tmp/ix3.err" 3 0 0 '0 of 3' &&
    cmp -s "$tmp/ix3.json" "$tmp/ix3.plain.json" && ! grep -q 'antwort-21-284' "$tmp/ix3.json" &&
    pass "a deleted file is gone from the report" || fail "deleted file: $(cat "$tmp/ix3.err")"
mv "$tmp/ix4/fixture/antwort-21-284.txt" "$tmp/ix4/fixture/zz-renamed.txt"
ixcheck 4
says "$tmp/ix4.err" 4 0 0 '1 of 4' &&
    cmp -s "$tmp/ix4.json" "$tmp/ix4.plain.json" && grep -q 'zz-renamed.txt' "$tmp/ix4.json" &&
    pass "a renamed file is read under its new name, its result reused" ||
    fail "renamed file: $(cat "$tmp/ix4.err")"
index=$tmp/ix5/cache/index
sed '2s/^\([0-9a-f]*\) [0-9]*/\1 7/' "$index" > "$index.x" && mv "$index.x" "$index"
ixcheck 5
grep -q 'index is damaged (checksum does not match)' "$tmp/ix5.err" &&
    says "$tmp/ix5.err" 4 0 0 '4 of 4' &&
    cmp -s "$tmp/ix5.json" "$tmp/ix5.plain.json" &&
    pass "a damaged index is reported and not used: every file is read" ||
    fail "damaged index: $(cat "$tmp/ix5.err")"
head -c 100 "$index" > "$index.x" && mv "$index.x" "$index"
ixcheck 5
grep -q 'index is damaged' "$tmp/ix5.err" && grep -q '; 4 of 4 files read' "$tmp/ix5.err" &&
    pass "a truncated index is reported and not used" ||
    fail "truncated index: $(cat "$tmp/ix5.err")"
ixcheck 5
says "$tmp/ix5.err" 4 0 0 '0 of 4' &&
    ! grep -q 'is damaged' "$tmp/ix5.err" &&
    pass "the index is rebuilt: the next run reads no file" ||
    fail "rebuilt index: $(cat "$tmp/ix5.err")"
cd "$here" || exit 1

# --- 10. metadata: a DIP page as catalog, a selection, duplicates ----------------
# metadata/docs holds Antwort 21/843 twice: once with its header date misprinted
# (2024 for 2025), once as a copy; metadata/dip-page.json is a DIP "drucksache"
# page that knows 21/843's real date (see metadata/PROVENANCE.md).
cd "$here" || exit 1
mcheck() { "$cg" check -q --no-config "$@"; }
for format in text json sarif github junit markdown; do
    mcheck --catalog-selection metadata/dip-page.json --format "$format" metadata/docs \
        > "$tmp/meta.$format"
    expect_status 0 $? "selection catalog, format $format: warnings only"
    if cmp -s "$tmp/meta.$format" "metadata/expected/report.$format"; then
        pass "format $format matches metadata/expected/report.$format"
    else
        fail "format $format differs from metadata/expected/report.$format:"
        diff -u "metadata/expected/report.$format" "$tmp/meta.$format" | head -40 >&2
    fi
    grep -q 'CG010' "$tmp/meta.$format" && grep -q 'metadata/docs/copy/antwort-21-843.txt' \
        "$tmp/meta.$format" && pass "format $format reports the duplicate" ||
        fail "format $format lacks the CG010 finding"
done
grep -q 'CG004' "$tmp/meta.text" && fail "CG004 from a misprinted header the catalog corrects" ||
    pass "the catalog's date outweighs the misprinted header: no CG004"
grep -qx 'metadata/docs/copy/antwort-21-843.txt:1:1: warning: BT-Drs. 21/843 is the id of two inputs, metadata/docs/antwort-21-843.txt and metadata/docs/copy/antwort-21-843.txt; references resolve to metadata/docs/antwort-21-843.txt (the first in path order) \[CG010 duplicate-document\]' \
    "$tmp/meta.text" && pass "CG010 names both files, at the second's header" ||
    fail "CG010 message or position"
# the same catalog as a complete one: 21/747 is missing from a Wahlperiode it covers
mcheck --catalog metadata/dip-page.json metadata/docs > "$tmp/meta-full.txt"
expect_status 1 $? "the same catalog, complete: errors"
grep -c 'BT-Drs. 21/747 is neither in the corpus nor in the catalog, which covers it' \
    "$tmp/meta-full.txt" | grep -qx 2 && pass "complete catalog: 21/747 is an error in both files" ||
    fail "complete catalog: $(cat "$tmp/meta-full.txt")"
grep -c 'BT-Drs. 21/747 is neither in the corpus nor in the catalog, which is only a selection' \
    "$tmp/meta.text" | grep -qx 2 && pass "selection catalog: 21/747 is a warning that says so" ||
    fail "selection catalog: 21/747"
# a catalog that knows the cited 21/659 but not 21/843: the header's date, and it says so
printf 'id\tdate\nBT-Drs. 21/659\t2025-06-26\n' > "$tmp/659.tsv"
mcheck --catalog "$tmp/659.tsv" metadata/docs/antwort-21-843.txt > "$tmp/meta-659.txt"
grep -q '^metadata/docs/antwort-21-843.txt:7:3: warning: BT-Drs. 21/659 is dated 2025-06-26 (from the catalog), after this document.s date 2024-07-10 (from its header) \[CG004' \
    "$tmp/meta-659.txt" && pass "CG004 names where each date came from" ||
    fail "CG004 sources: $(grep CG004 "$tmp/meta-659.txt")"
# records the catalog passes over are named on stderr, file and record; the run goes on
"$cg" check --no-config --catalog "$project/tests/catalog/dip-faulty-records.jsonl" \
    metadata/docs/antwort-21-843.txt > /dev/null 2> "$tmp/meta-faulty.err"
grep -q "dip-faulty-records.jsonl: record 2: \"dokumentnummer\" is not a string; passed over" \
    "$tmp/meta-faulty.err" && grep -q 'record 5: dokumentnummer .keine Nummer. names no document' \
    "$tmp/meta-faulty.err" && pass "faulty catalog records are named with file and record" ||
    fail "faulty records: $(cat "$tmp/meta-faulty.err")"
# extract: a warning naming both files; the JSON Lines are those of each file alone
"$cg" extract metadata/docs > "$tmp/meta.jsonl" 2> "$tmp/meta-extract.err"
expect_status 0 $? "extract with a duplicate"
grep -qx 'citegraph: warning: metadata/docs/copy/antwort-21-843.txt: BT-Drs. 21/843 is also the id of metadata/docs/antwort-21-843.txt, read before it (the graph and check use the copy in a DIP record, else the first)' \
    "$tmp/meta-extract.err" && pass "extract names both files of a duplicate" ||
    fail "extract duplicate warning: $(cat "$tmp/meta-extract.err")"
{ "$cg" extract metadata/docs/antwort-21-843.txt | grep -v '"type":"summary"'
  "$cg" extract metadata/docs/copy/antwort-21-843.txt | grep -v '"type":"summary"'; } > "$tmp/meta-each.jsonl"
grep -v '"type":"summary"' "$tmp/meta.jsonl" | cmp -s - "$tmp/meta-each.jsonl" &&
    pass "extract's JSON Lines are unchanged by the duplicate" || fail "extract output changed"
if [ -n "$py" ]; then
    "$py" - "$here/sarif-schema-2.1.0-rtm.5.json" "$tmp/meta.sarif" <<'EOF2' &&
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.validators.validator_for(schema)(schema).validate(json.load(open(sys.argv[2])))
EOF2
        pass "the metadata SARIF validates" || fail "the metadata SARIF does not validate"
fi

# --- 11. findings in DIP records: where they are, their order, their fingerprints ---
# Two records written for the test in the shape of DIP's drucksache-text answers
# (field names of DIP's API; numbers 21/501 and 21/502 and the DIP ids 700001
# and 700002 made up, the cited 21/990xx exist nowhere). Record A cites two
# documents at lines 9 and 10 of its text, record B one at line 1; in dl1 they
# are one page, A first; in dl2, as when the pages are downloaded again in
# another order, B is page 1 and A page 2.
cd "$tmp" || exit 1
mkdir -p dl1 dl2
rec_a='{"id":"700001","dokumentart":"Drucksache","typ":"Dokument","dokumentnummer":"21/501","herausgeber":"BT","drucksachetyp":"Antwort","datum":"2025-07-01","titel":"Test A","text":"Deutscher Bundestag Drucksache 21/501\n21. Wahlperiode 01.07.2025\n\nAntwort\nder Bundesregierung\n\nTest A\n\nWir verweisen auf die Drucksache 21/99001.\nFerner auf die Drucksache 21/99002.\n"}'
rec_b='{"id":"700002","dokumentart":"Drucksache","typ":"Dokument","dokumentnummer":"21/502","herausgeber":"BT","drucksachetyp":"Antrag","datum":"2025-07-02","titel":"Test B","text":"Siehe Drucksache 21/99001.\n"}'
printf '{"numFound":2,"documents":[%s,\n%s],"cursor":"a"}\n' "$rec_a" "$rec_b" > dl1/page-0001.json
printf '{"numFound":2,"documents":[%s],"cursor":"a"}\n' "$rec_b" > dl2/page-0001.json
printf '{"numFound":2,"documents":[%s],"cursor":"b"}\n' "$rec_a" > dl2/page-0002.json
dcheck() { "$cg" check -q --no-config --ext .json "$@"; }
# the order: by record, then position in it (record B's offset is the smallest)
dcheck dl1 > "$tmp/dip.text"
sed 's/ is neither.*//' "$tmp/dip.text" > "$tmp/dip.order"
printf '%s\n' 'dl1/page-0001.json:9:23: warning: record 1 (DIP id 700001): BT-Drs. 21/99001' \
    'dl1/page-0001.json:10:16: warning: record 1 (DIP id 700001): BT-Drs. 21/99002' \
    'dl1/page-0001.json:1:7: warning: record 2 (DIP id 700002): BT-Drs. 21/99001' |
    cmp -s - "$tmp/dip.order" && pass "findings of a DIP page are sorted by record, then position" ||
    fail "DIP findings order: $(cat "$tmp/dip.text")"
# GitHub: an annotation of the file, no line of it; the message says where
dcheck -f github dl1 > "$tmp/dip.github"
grep -qx '::warning file=dl1/page-0001.json,title=CG001 unknown-document::record 1 (DIP id 700001), line 10, col 16 of its text: BT-Drs. 21/99002 is neither in the corpus nor in a catalog' \
    "$tmp/dip.github" && ! grep -q 'line=' "$tmp/dip.github" &&
    pass "GitHub annotations of a DIP record name the file and say the record and position" ||
    fail "GitHub annotation of a DIP record: $(cat "$tmp/dip.github")"
# SARIF: no region in the file; the record as a logical location, the position
# in its text as properties; and it validates
dcheck -f sarif dl1 > "$tmp/dip.sarif"
if [ -n "$py" ]; then
    "$py" - "$here/sarif-schema-2.1.0-rtm.5.json" "$tmp/dip.sarif" <<'EOF3' &&
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.validators.validator_for(schema)(schema).validate(doc)
results = doc["runs"][0]["results"]
assert len(results) == 3, results
loc = results[1]["locations"][0]
assert "region" not in loc["physicalLocation"], loc
assert loc["physicalLocation"]["artifactLocation"]["uri"] == "dl1/page-0001.json", loc
assert loc["logicalLocations"] == [{"name": "record 1 (DIP id 700001)", "kind": "object"}], loc
p = loc["properties"]
assert p["record"] == 1 and p["dipId"] == "700001", p
assert p["textRegion"]["startLine"] == 10 and p["textRegion"]["startColumn"] == 16, p
assert results[1]["message"]["text"] == ("record 1 (DIP id 700001), line 10, col 16 of its text: "
                                         "BT-Drs. 21/99002 is neither in the corpus nor in a catalog")
EOF3
        pass "SARIF of DIP records: the file, the record and its text's position; it validates" ||
        fail "SARIF of DIP records: $(cat "$tmp/dip.sarif")"
fi
# fingerprints: the pages downloaded again in another order are the same findings
dcheck --write-baseline "$tmp/dip-baseline.json" --fail-on never dl1 > /dev/null
dcheck --fail-on warning --baseline "$tmp/dip-baseline.json" -f json dl2 > "$tmp/dip2.json"
expect_status 0 $? "DIP records in other pages and order, against the baseline"
grep -q '"baseline": "new"' "$tmp/dip2.json" &&
    fail "a DIP record's finding is new after its page moved: $(cat "$tmp/dip2.json")" ||
    pass "a DIP record's findings keep their fingerprints when pages come in another order"
cd "$here" || exit 1

echo "check tests: $failures failure(s)"
[ "$failures" -eq 0 ] || exit 1
[ "$skipped" -eq 0 ] || exit 77
exit 0
