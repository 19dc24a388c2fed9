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
# the JUnit report takes its timestamp from it; expected/ is written without it
unset SOURCE_DATE_EPOCH

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# SARIF declares the directory citegraph ran in as %SRCROOT%; expected/ says
# file:///CWD/ there instead, as reports are compared wherever they run.
cwd_free() { # cwd_free FILE: in place
    sed '/"originalUriBaseIds"/,/}/s|"uri": "file:[^"]*"|"uri": "file:///CWD/"|' "$1" > "$1.cwd" &&
        mv "$1.cwd" "$1"
}

expect_status() { # expect_status WANT GOT WHAT
    if [ "$1" -eq "$2" ]; then pass "$3 (exit $2)"; else fail "$3: exit $2, expected $1"; fi
}

# Findings carry paths as given on the command line, so run from tests/check
# with the relative path 'fixture', as expected/ was written.
cd "$here" || exit 1
check() { "$cg" check -q --no-config --catalog fixture/catalog.tsv "$@"; }

# make_input_problem_corpus DIR: a corpus that mixes good and bad inputs, for
# the tests of input problems in each format. Check it with `--ext .txt,.json`
# and the missing DIR/missing.txt as a further PATH:
#   good.txt    cites BT-Drs. 21/99001 (a CG001 warning)           checked
#   latin1.txt  invalid UTF-8, read as Windows-1252; cites 21/99002 checked, with a warning
#   binary.txt  an ELF header: "is not a text document: an executable"   not checked
#   fifo.txt    a FIFO: "is not a regular file (a FIFO)"                 not checked
#   page.json   a DIP page (fields of DIP's API, made-up numbers and ids):
#               record 1 (DIP id 700011) cites 21/99003              checked
#               record 2 (DIP id 700012) "has no text"               not checked
#   missing.txt (not created) "cannot open: No such file or directory"  not checked
make_input_problem_corpus() {
    mkdir -p "$1" || return 1
    printf 'Deutscher Bundestag Drucksache 21/601\n\nWir verweisen auf die Drucksache 21/99001.\n' \
        > "$1/good.txt"
    printf 'Drucksache 21/99002 f\374r die Bundesregierung\n' > "$1/latin1.txt"
    printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000\076\000' > "$1/binary.txt"
    mkfifo "$1/fifo.txt" || return 1
    printf '{"numFound":2,"documents":[%s,\n%s],"cursor":"a"}\n' \
        '{"id":"700011","dokumentart":"Drucksache","typ":"Dokument","dokumentnummer":"21/611","herausgeber":"BT","drucksachetyp":"Antrag","datum":"2025-07-01","titel":"Mit Text","text":"Siehe Drucksache 21/99003.\n"}' \
        '{"id":"700012","dokumentart":"Drucksache","typ":"Dokument","dokumentnummer":"21/612","herausgeber":"BT","drucksachetyp":"Antrag","datum":"2025-07-02","titel":"Ohne Text"}' \
        > "$1/page.json"
}

# --- 1. every format gives exactly the expected report -----------------------
for format in text json sarif github junit markdown; do
    check --format "$format" fixture > "$tmp/report.$format"
    status=$?
    cwd_free "$tmp/report.$format"
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
printf '{\n  "version": 1,\n  "findings": [],\n  "input_problems": [],\n  "summary": {\n    "errors": 0,\n    "warnings": 0,\n    "notes": 0,\n    "new": 0,\n    "suppressed": 0,\n    "inputs_not_checked": 0,\n    "input_warnings": 0\n  }\n}\n' |
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
# a baseline that matches nothing while there are new findings (written for the files named
# otherwise: ./fixture is not fixture) said nothing, and the whole run counted as new
"$cg" check --no-config --catalog fixture/catalog.tsv --baseline "$tmp/baseline.json" ./fixture \
    > /dev/null 2> "$tmp/nomatch.err"
expect_status 1 $? "a baseline of the files named otherwise"
grep -qF "citegraph: warning: $tmp/baseline.json: none of its" "$tmp/nomatch.err" &&
    grep -qF "(./docs is not docs)?" "$tmp/nomatch.err" &&
    pass "a baseline that matches nothing is said to" ||
    fail "no warning for a baseline that matches nothing: $(cat "$tmp/nomatch.err")"
"$cg" check --no-config --catalog fixture/catalog.tsv --baseline "$tmp/baseline.json" fixture \
    > /dev/null 2> "$tmp/match.err"
grep -q "none of its" "$tmp/match.err" && fail "the warning for a baseline that matches" ||
    pass "a baseline that matches gets no warning"
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
# a misspelt or mistyped key of an ignore entry silenced its whole rule ("taget"), or the rule in
# every file ("files"): each is a configuration error now, as is an entry or list of another shape
for bad in '{"rule": "CG001", "taget": "BT-Drs. 21/99999", "reason": "r"}|unknown key "taget"' \
    '{"rule": "CG003", "files": "x.txt", "reason": "r"}|unknown key "files"' \
    '{"rule": "CG001", "target": null, "reason": "r"}|"target" is not a string' \
    '"CG001"|entry 1 is not an object'; do
    entry=${bad%%|*}
    want=${bad#*|}
    echo "{\"ignore\": [$entry]}" > .citegraph.json
    "$cg" check -q --catalog fixture/catalog.tsv fixture > /dev/null 2> "$tmp/cfg.err"
    expect_status 2 $? "an ignore entry $entry"
    grep -qF "$want" "$tmp/cfg.err" && pass "the config error says: $want" ||
        fail "config error for $entry: $(cat "$tmp/cfg.err")"
done
for bad in '{"ignore": {"rule": "CG001", "reason": "r"}}|"ignore" is a list' \
    '{"rules": ["CG001"]}|"rules" is an object'; do
    echo "${bad%%|*}" > .citegraph.json
    "$cg" check -q fixture > /dev/null 2> "$tmp/cfg.err"
    expect_status 2 $? "a config ${bad%%|*}"
    grep -qF "${bad#*|}" "$tmp/cfg.err" && pass "the config error says: ${bad#*|}" ||
        fail "config error for ${bad%%|*}: $(cat "$tmp/cfg.err")"
done
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
cwd_free "$tmp/ci/citegraph.sarif"
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
mkdir -p "$tmp/kept" && cp -R fixture "$tmp/kept/fixture"
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
# without the findings the check kept, which spare reading the entries at all
rm "$cache/check-state"
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

# --- 8b. --cache DIR keeps the findings: the same reports -----------------
# in a copy of the fixture, whose files are settled (older than 2 s)
kept_dir="$tmp/kept"
kept_cache="$tmp/kept-cache"
# keptrun NAME ARGS...: a report with the cache and one without, in
# $tmp/kept-NAME.cached and .plain (JUnit's timestamp taken out)
keptrun() {
    name=$1
    shift
    (cd "$kept_dir" && "$cg" check --no-config --catalog fixture/catalog.tsv --cache "$kept_cache" \
        "$@" fixture > "$tmp/kept-$name.cached" 2> "$tmp/kept-$name.err")
    (cd "$kept_dir" && "$cg" check -q --no-config --catalog fixture/catalog.tsv "$@" fixture \
        > "$tmp/kept-$name.plain" 2> /dev/null)
    sed -i 's/timestamp="[^"]*"//' "$tmp/kept-$name.cached" "$tmp/kept-$name.plain"
}
same_kept() { cmp -s "$tmp/kept-$1.cached" "$tmp/kept-$1.plain"; }
keptrun first --format json
same_kept first && [ -s "$kept_cache/check-state" ] &&
    pass "--cache writes DIR/check-state, and the report is the one without a cache" ||
    fail "first run with kept findings: $(cat "$tmp/kept-first.err")"
for fmt in text json sarif github junit markdown; do
    # the first run of a format writes its bytes anew, the second copies them
    keptrun "$fmt-1" --format "$fmt"
    keptrun "$fmt-2" --format "$fmt"
    same_kept "$fmt-1" && same_kept "$fmt-2" && says "$tmp/kept-$fmt-2.err" 4 0 0 '0 of 4' &&
        pass "kept findings: the $fmt report is the same bytes, no file read" ||
        fail "kept findings, $fmt: $(cat "$tmp/kept-$fmt-2.err")"
done
# the Anfrage 21/659 gets the Antwort's title: the Antwort, kept, cites it,
# and its title mismatch (CG005) must go
grep -q CG005 "$tmp/kept-json-2.cached" || fail "the fixture has no title mismatch to lose"
sed -i 's/^Rüstungsexporte nach Katar/Rüstungsexporte nach Israel/' "$kept_dir/fixture/anfrage-21-659.txt"
keptrun title --format json
same_kept title && ! grep -q CG005 "$tmp/kept-title.cached" &&
    pass "a cited document's new title: the citing document is checked again" ||
    fail "kept findings after a title changed: $(cat "$tmp/kept-title.err")"
# a document that comes (a copy: a duplicate id) and one that goes
cp "$kept_dir/fixture/antwort-21-843.txt" "$kept_dir/fixture/zz-copy-21-843.txt"
keptrun comes --format sarif
same_kept comes && grep -q CG010 "$tmp/kept-comes.cached" &&
    pass "a document that comes: the report is the one without a cache" ||
    fail "kept findings, a new document: $(cat "$tmp/kept-comes.err")"
rm "$kept_dir/fixture/zz-copy-21-843.txt" "$kept_dir/fixture/anfrage-21-659.txt"
keptrun goes --format sarif
same_kept goes &&
    [ "$(grep -c '"CG010"' "$tmp/kept-goes.cached")" -lt "$(grep -c '"CG010"' "$tmp/kept-comes.cached")" ] &&
    pass "a document that goes: the report is the one without a cache" ||
    fail "kept findings, a document gone: $(cat "$tmp/kept-goes.err")"
# a file given twice: two documents with one id (CG010), kept by neither
keptrun twice-1 --format json fixture/antwort-21-284.txt
keptrun twice-2 --format json fixture/antwort-21-284.txt
same_kept twice-1 && same_kept twice-2 && grep -q '"CG010"' "$tmp/kept-twice-2.cached" &&
    pass "a file given twice: the report is the one without a cache" ||
    fail "kept findings, a file given twice: $(cat "$tmp/kept-twice-2.err")"
# a damaged state is said and not used; the next run has a good one again
head -c 300 "$kept_cache/check-state" > "$tmp/state.cut" && mv "$tmp/state.cut" "$kept_cache/check-state"
keptrun damaged --format json
same_kept damaged && grep -q 'check-state is not used' "$tmp/kept-damaged.err" &&
    pass "a damaged DIR/check-state is said, not used, and the report is right" ||
    fail "damaged check-state: $(cat "$tmp/kept-damaged.err")"
keptrun repaired --format json
same_kept repaired && ! grep -q 'is not used' "$tmp/kept-repaired.err" &&
    pass "the damaged state is rewritten by the run that said so" ||
    fail "after a damaged check-state: $(cat "$tmp/kept-repaired.err")"
# a fresh checkout: every file's stat changed, its bytes not; with the
# extraction entries gone, the findings can only come from the state
touch "$kept_dir"/fixture/*.txt
find "$kept_cache" -name '*.cgr' -delete
keptrun checkout --format json
same_kept checkout && says "$tmp/kept-checkout.err" 3 0 0 '3 of 3' &&
    pass "files read and hashed again (a fresh checkout) take their findings from the state" ||
    fail "kept findings after a checkout: $(cat "$tmp/kept-checkout.err")"

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
    cwd_free "$tmp/meta.$format"
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
# SARIF: the file as a whole (line 1, as code scanning requires a line; a DIP
# result had no region at all); the record as a logical location, the position
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
assert loc["physicalLocation"]["region"] == {"startLine": 1}, loc
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

# --- 12. SARIF: URIs, input problems as notifications, suppressions --------------
# Inputs whose names need percent-encoding (a space, %, #, ?, a colon in the
# first segment, ü, a tab and a line feed), one given as ./name, one by an
# absolute path elsewhere; a binary file (not checked) and a Windows-1252
# file (read with a warning). Every artifactLocation must be an RFC 3986
# URI reference that decodes back to the file's name.
mkdir -p "$tmp/uri/docs" "$tmp/uri-abs"
cd "$tmp/uri" || exit 1
for n in 'k l ü.txt' 'e%f.txt' 'h#i?.txt' 'a:b.txt' "$(printf 'tab\there.txt')" \
    "$(printf 'nl\nline.txt')"; do
    printf 'Siehe Drucksache 21/99001.\n' > "docs/$n"
done
printf 'Siehe Drucksache 21/99002 f\374r heute.\n' > docs/latin1.txt
printf 'Siehe Drucksache 21/99003.\n' > 'top level.txt'
printf 'Siehe Drucksache 21/99004.\n' > "$tmp/uri-abs/x y.txt"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000' > docs/binary.txt
"$cg" check -q --no-config -f sarif docs './top level.txt' "$tmp/uri-abs/x y.txt" > "$tmp/uri.sarif"
[ $? -ne 0 ] && pass "an input not checked fails the run" || fail "binary input: exit 0"
if [ -n "$py" ]; then
    "$py" - "$here/sarif-schema-2.1.0-rtm.5.json" "$tmp/uri.sarif" "$tmp/uri" "$tmp/uri-abs/x y.txt" <<'EOF4' &&
import json, os, re, sys, jsonschema
from urllib.parse import unquote_to_bytes
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.validators.validator_for(schema)(schema).validate(doc)
cwd, absolute = sys.argv[3], sys.argv[4]
# RFC 3986, appendix A, as a regular expression: URI-reference = URI / relative-ref
unreserved, pct, sub = r"[A-Za-z0-9\-._~]", r"%[0-9A-Fa-f]{2}", r"[!$&'()*+,;=]"
pchar = "(?:%s|%s|%s|[:@])" % (unreserved, pct, sub)
segment, segment_nz = pchar + "*", pchar + "+"
segment_nz_nc = "(?:%s|%s|%s|@)+" % (unreserved, pct, sub)
path_abempty = "(?:/%s)*" % segment
path_absolute = "/(?:%s(?:/%s)*)?" % (segment_nz, segment)
path_noscheme = "%s(?:/%s)*" % (segment_nz_nc, segment)
path_rootless = "%s(?:/%s)*" % (segment_nz, segment)
h16 = "[0-9A-Fa-f]{1,4}"
dec_octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
ipv4 = r"%s(?:\.%s){3}" % (dec_octet, dec_octet)
ls32 = "(?:%s:%s|%s)" % (h16, h16, ipv4)
ipv6 = "(?:" + "|".join([
    "(?:%s:){6}%s" % (h16, ls32), "::(?:%s:){5}%s" % (h16, ls32),
    "(?:%s)?::(?:%s:){4}%s" % (h16, h16, ls32),
    "(?:(?:%s:){0,1}%s)?::(?:%s:){3}%s" % (h16, h16, h16, ls32),
    "(?:(?:%s:){0,2}%s)?::(?:%s:){2}%s" % (h16, h16, h16, ls32),
    "(?:(?:%s:){0,3}%s)?::%s:%s" % (h16, h16, h16, ls32),
    "(?:(?:%s:){0,4}%s)?::%s" % (h16, h16, ls32),
    "(?:(?:%s:){0,5}%s)?::%s" % (h16, h16, h16),
    "(?:(?:%s:){0,6}%s)?::" % (h16, h16)]) + ")"
ipvfuture = r"v[0-9A-Fa-f]+\.(?:%s|%s|:)+" % (unreserved, sub)
host = r"(?:\[(?:%s|%s)\]|%s|(?:%s|%s|%s)*)" % (ipv6, ipvfuture, ipv4, unreserved, pct, sub)
authority = "(?:(?:%s|%s|%s|:)*@)?%s(?::[0-9]*)?" % (unreserved, pct, sub, host)
query = "(?:%s|[/?])*" % pchar
tail = r"(?:\?%s)?(?:#%s)?" % (query, query)
uri = "[A-Za-z][A-Za-z0-9+\\-.]*:(?://%s%s|%s|%s|)%s" % (
    authority, path_abempty, path_absolute, path_rootless, tail)
relative_ref = "(?://%s%s|%s|%s|)%s" % (authority, path_abempty, path_absolute, path_noscheme, tail)
uri_reference = re.compile("(?:%s|%s)" % (uri, relative_ref))
for good in ["a%3Ab.txt", "file:///tmp/x%20y.txt", "k%20l.txt", "http://[::1]:80/a?b#c"]:
    assert uri_reference.fullmatch(good), good
for bad in ["a b.txt", "e%f.txt", "nl\nline.txt", "a:b:c d", "k%zz", "\u00fc.txt", "a\\b"]:
    assert not uri_reference.fullmatch(bad), bad
run = doc["runs"][0]
base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
assert uri_reference.fullmatch(base) and base.startswith("file:///") and base.endswith("/"), base
assert unquote_to_bytes(base[len("file://"):]) == os.fsencode(os.path.realpath(cwd)) + b"/", base

def file_of(art):
    """The file an artifactLocation names: checked syntax, decoded."""
    u = art["uri"]
    assert uri_reference.fullmatch(u), "not an RFC 3986 URI reference: %r" % u
    assert "?" not in u and "#" not in u, u
    if u.startswith("file:"):
        assert "uriBaseId" not in art, art
        assert u.startswith("file:///"), u
        return os.fsdecode(unquote_to_bytes(u[len("file://"):]))
    assert art.get("uriBaseId") == "%SRCROOT%", art
    return os.path.join(cwd, os.fsdecode(unquote_to_bytes(u)))

found = {file_of(r["locations"][0]["physicalLocation"]["artifactLocation"]) for r in run["results"]}
names = ["k l ü.txt", "e%f.txt", "h#i?.txt", "a:b.txt", "tab\there.txt", "nl\nline.txt",
         "latin1.txt"]
want = {os.path.join(cwd, "docs", n) for n in names}
want |= {os.path.join(cwd, "top level.txt"), absolute}
assert found == want, (sorted(found - want), sorted(want - found))
assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} >= \
    {"docs/k%20l%20%C3%BC.txt", "docs/e%25f.txt", "docs/h%23i%3F.txt", "docs/nl%0Aline.txt",
     "docs/tab%09here.txt", "top%20level.txt", "file://" + absolute.replace(" ", "%20")}
# requirement 1: the input problems as notifications, located at their files
inv = run["invocations"]
assert len(inv) == 1 and inv[0]["executionSuccessful"] is False, inv
notes = inv[0]["toolExecutionNotifications"]
where = {(n["level"], file_of(n["locations"][0]["physicalLocation"]["artifactLocation"]))
         for n in notes}
assert ("error", os.path.join(cwd, "docs", "binary.txt")) in where, where
assert ("warning", os.path.join(cwd, "docs", "latin1.txt")) in where, where
assert all(n["message"]["text"] for n in notes), notes
EOF4
        pass "SARIF URIs are RFC 3986 references that decode to the files; input problems are notifications; it validates" ||
        fail "SARIF URIs or notifications: $(cat "$tmp/uri.sarif")"
fi
# a clean run: executionSuccessful true, no notifications; "./x" is "x"
"$cg" check -q --no-config -f sarif './top level.txt' > "$tmp/uri-ok.sarif"
grep -q '"executionSuccessful": true' "$tmp/uri-ok.sarif" &&
    ! grep -q 'toolExecutionNotifications' "$tmp/uri-ok.sarif" &&
    grep -q '"uri": "top%20level.txt"' "$tmp/uri-ok.sarif" &&
    pass "all inputs checked: executionSuccessful true; ./name is name" ||
    fail "clean SARIF invocation: $(cat "$tmp/uri-ok.sarif")"

# Suppressions: the config's silences and the baseline's stay in SARIF, each
# with kind and justification, and the other formats count the config's.
mkdir -p "$tmp/sup"
cp -R "$here/fixture" "$tmp/sup/fixture"
cd "$tmp/sup" || exit 1
cat > sup.json <<'EOF'
{"ignore": [
  {"rule": "CG003", "target": "BT-Drs. 21/284", "reason": "21/284 is answered in two parts"},
  {"file": "fixture/bundesrat-238-25.txt", "reason": "a Bundesrat text, checked elsewhere"}
]}
EOF
scheck() { "$cg" check --config sup.json --catalog fixture/catalog.tsv "$@"; }
scheck -q -f sarif fixture > "$tmp/sup.sarif"
scheck -q -f json fixture > "$tmp/sup.json"
scheck -q -f markdown fixture > "$tmp/sup.md"
scheck -q -f junit fixture > "$tmp/sup.junit"
scheck -f text fixture > "$tmp/sup.txt" 2> "$tmp/sup.err"
nsup=$(grep -c '"justification"' "$tmp/sup.sarif")
grep -q '"suppressed": '"$nsup"',' "$tmp/sup.json" && [ "$nsup" -ge 2 ] &&
    grep -q ", $nsup suppressed by the configuration\." "$tmp/sup.md" &&
    grep -q "<property name=\"suppressed\" value=\"$nsup\"/>" "$tmp/sup.junit" &&
    grep -q "(.* new, $nsup suppressed) in 4 files" "$tmp/sup.err" &&
    ! grep -q 'no question 40' "$tmp/sup.txt" && ! grep -q 'no question 40' "$tmp/sup.md" &&
    pass "JSON, Markdown, JUnit and the text summary count the $nsup suppressed findings, not showing them" ||
    fail "suppressed counts: SARIF $nsup; $(grep suppressed "$tmp/sup.json" "$tmp/sup.md" "$tmp/sup.err")"
bcheck() { "$cg" check -q --no-config --catalog fixture/catalog.tsv "$@"; }
bcheck --write-baseline "$tmp/sup-baseline.json" --fail-on never fixture > /dev/null
bcheck --baseline "$tmp/sup-baseline.json" -f sarif fixture > "$tmp/sup-base.sarif"
if [ -n "$py" ]; then
    "$py" - "$here/sarif-schema-2.1.0-rtm.5.json" "$tmp/sup.sarif" "$tmp/sup-base.sarif" \
        "$here/expected/report.sarif" <<'EOF5' &&
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
config, baseline, plain = (json.load(open(p)) for p in sys.argv[2:5])
for doc in (config, baseline):
    jsonschema.validators.validator_for(schema)(schema).validate(doc)
def results(doc):
    return doc["runs"][0]["results"]
# the config's silences: the same results as without the config, some suppressed
assert len(results(config)) == len(results(plain)), (len(results(config)), len(results(plain)))
sup = [r for r in results(config) if "suppressions" in r]
why = {s["justification"] for r in sup for s in r["suppressions"]}
assert why == {"21/284 is answered in two parts", "a Bundesrat text, checked elsewhere"}, why
assert all(s["kind"] == "external" and s["status"] == "accepted"
           for r in sup for s in r["suppressions"]), sup
q40 = [r for r in sup if "no question 40" in r["message"]["text"]]
assert len(q40) == 1 and q40[0]["suppressions"][0]["justification"] == \
    "21/284 is answered in two parts", q40
assert all("bundesrat-238-25" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
           or "no question 40" in r["message"]["text"] for r in sup), sup
# the baseline's: every result unchanged and suppressed by it
for r in results(baseline):
    assert r["baselineState"] == "unchanged", r
    kinds = [(s["kind"], s["justification"]) for s in r["suppressions"]]
    assert ("external", "in the baseline") in kinds, kinds
EOF5
        pass "SARIF keeps config and baseline silences as suppressions with kind and justification" ||
        fail "SARIF suppressions: $(grep -c suppressions "$tmp/sup.sarif" "$tmp/sup-base.sarif")"
fi
cd "$here" || exit 1

# --- input problems: every input lost or read with a warning is in the report ---
# JSON (its own list, counts in the summary), Markdown (its own section) and
# text (each on stderr, and counted in the summary line); the same with a
# warm --cache, where the file read with a warning is read again.
pyjson=""
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import json' > /dev/null 2>&1; then
        pyjson=$p
        break
    fi
done
mkdir -p "$tmp/ip" && cd "$tmp/ip" || exit 1
make_input_problem_corpus corpus || fail "could not build the input problem corpus"
ipcheck() { "$cg" check --no-config --ext .txt,.json "$@" corpus corpus/missing.txt; }
ipcheck -f json > "$tmp/ip.json" 2> "$tmp/ip.json.err"
[ $? -ne 0 ] && pass "inputs not checked fail the run" || fail "inputs not checked: exit 0"
if [ -n "$pyjson" ]; then
    "$pyjson" - "$tmp/ip.json" <<'EOF5' &&
import json, sys
doc = json.load(open(sys.argv[1]))
got = [(p["file"], p.get("record"), p["severity"], p["message"]) for p in doc["input_problems"]]
want = [("corpus/binary.txt", None, "error", "is not a text document: an executable"),
        ("corpus/fifo.txt", None, "error", "is not a regular file (a FIFO)"),
        ("corpus/latin1.txt", None, "warning",
         "is not valid UTF-8 (1 invalid byte, first at line 1, column 22); read as Windows-1252"),
        ("corpus/missing.txt", None, "error", "cannot open: No such file or directory"),
        ("corpus/page.json", 2, "error", "record 2 (DIP id 700012): has no text")]
assert got == want, got
assert all(set(p) <= {"file", "record", "severity", "message"} for p in doc["input_problems"])
s = doc["summary"]
assert s["inputs_not_checked"] == 4 and s["input_warnings"] == 1, s
# the good inputs are still checked, the one read with a warning too
files = sorted(f["file"] for f in doc["findings"])
assert files == ["corpus/good.txt", "corpus/latin1.txt", "corpus/page.json"], files
# a finding in a DIP record after others: "record" and "dip_id" still follow "file"
keys = list(doc["findings"][2])
assert keys[3:6] == ["file", "record", "dip_id"], keys
EOF5
        pass "JSON: valid, every input problem in input_problems with its file, counted" ||
        fail "JSON input problems: $(cat "$tmp/ip.json")"
else
    grep -q '"input_problems": \[' "$tmp/ip.json" && pass "JSON has input_problems (no python3)" ||
        fail "JSON without input_problems"
fi
ipcheck -f markdown > "$tmp/ip.md" 2> /dev/null
ok=1
for row in '| corpus/binary.txt | error | is not a text document: an executable |' \
    '| corpus/fifo.txt | error | is not a regular file (a FIFO) |' \
    '| corpus/latin1.txt | warning | is not valid UTF-8 (1 invalid byte, first at line 1, column 22); read as Windows-1252 |' \
    '| corpus/missing.txt | error | cannot open: No such file or directory |' \
    '| corpus/page.json | error | record 2 (DIP id 700012): has no text |' \
    '### Input problems' '4 inputs not checked, 1 warning on inputs read.'; do
    grep -qxF "$row" "$tmp/ip.md" || { ok=0; fail "Markdown lacks: $row"; }
done
# before the findings, so that a reviewer sees it first
[ "$(grep -n -m1 -F '### Input problems' "$tmp/ip.md" | cut -d: -f1)" -lt \
    "$(grep -n -m1 -F '| rule |' "$tmp/ip.md" | cut -d: -f1)" ] || { ok=0; fail "Markdown: input problems after the findings"; }
[ $ok -eq 1 ] && pass "Markdown: a section of input problems, each with its file"
ipcheck -f text > "$tmp/ip.text" 2> "$tmp/ip.err"
ok=1
for line in 'citegraph: error: corpus/binary.txt: is not a text document: an executable' \
    'citegraph: error: corpus/fifo.txt: is not a regular file (a FIFO)' \
    'citegraph: warning: corpus/latin1.txt: is not valid UTF-8 (1 invalid byte, first at line 1, column 22); read as Windows-1252' \
    'citegraph: error: corpus/missing.txt: cannot open: No such file or directory' \
    'citegraph: error: corpus/page.json: record 2 (DIP id 700012): has no text' \
    'citegraph: 0 errors, 3 warnings, 0 notes (3 new) in 6 files; 4 inputs not checked, 1 input warning'; do
    grep -qxF "$line" "$tmp/ip.err" || { ok=0; fail "text: stderr lacks: $line"; }
done
[ $ok -eq 1 ] && pass "text: every input problem on stderr with its file, counted in the summary"
ipcheck -q -f text > /dev/null 2> "$tmp/ip.q.err"
grep -q 'warning' "$tmp/ip.q.err" && fail "-q still prints input warnings: $(cat "$tmp/ip.q.err")" ||
    pass "-q leaves input warnings out of stderr"
# a warm cache: the file read with a warning is not trusted by its stat, so
# its warning is reported again (a file the index trusts is not read at all)
sleep 3 # the stat index takes only files that had not changed for two seconds
ipcheck --cache cache -f json > /dev/null 2>&1
ipcheck --cache cache -f json > "$tmp/ip.warm.json" 2> "$tmp/ip.warm.err"
grep -qF 'citegraph: warning: corpus/latin1.txt: is not valid UTF-8' "$tmp/ip.warm.err" &&
    grep -q '"message": "is not valid UTF-8' "$tmp/ip.warm.json" &&
    grep -qF 'cache: 3 reused, 0 extracted, 0 damaged and rebuilt; 3 of 6 files read' \
        "$tmp/ip.warm.err" &&
    pass "a warm --cache still reports the input warning (good.txt alone trusted by its stat)" ||
    fail "warm --cache and input warnings: $(cat "$tmp/ip.warm.err")"
cd "$here" || exit 1

echo "check tests: $failures failure(s)"
[ "$failures" -eq 0 ] || exit 1
[ "$skipped" -eq 0 ] || exit 77
exit 0
