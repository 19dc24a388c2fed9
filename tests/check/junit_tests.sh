#!/bin/sh
# citegraph check's JUnit report (CTest check_junit): valid against both the
# Jenkins and the strict Ant JUnit schema (junit-schemas/, see its README.md),
# failures only for new findings at or above --fail-on, every input problem an
# errored test case, file names with line breaks escaped, the same bytes on
# every run.
#
#   junit_tests.sh CITEGRAPH PROJECT_DIR
#
# Exit 0 when all pass, 1 on a failure, 77 (skipped) without xmllint
# (libxml2-utils).
set -u
case $1 in /*) cg=$1 ;; *) cg=$(pwd)/$1 ;; esac
project=$(cd "$2" && pwd)
here=$project/tests/check
command -v xmllint > /dev/null 2>&1 || {
    echo "skip: no xmllint (libxml2-utils); JUnit reports not checked" >&2
    exit 77
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }
# the reports below are compared with expected/, written without it
unset SOURCE_DATE_EPOCH

valid() { # valid REPORT WHAT: against both schemas
    for schema in jenkins-junit-10.xsd ant-junit.xsd; do
        if xmllint --noout --schema "$here/junit-schemas/$schema" "$1" 2> "$tmp/xmllint.err"; then
            pass "$2 is valid against $schema"
        else
            fail "$2 is not valid against $schema:"
            head -5 "$tmp/xmllint.err" >&2
        fi
    done
}
count() { grep -o "$1" "$2" | wc -l | tr -d ' '; }

cd "$here" || exit 1
check() { "$cg" check -q --no-config --catalog fixture/catalog.tsv "$@"; }

# --- the reports the other tests compare byte for byte -------------------------
valid expected/report.junit "expected/report.junit"
valid metadata/expected/report.junit "metadata/expected/report.junit"

# --- only new findings at or above --fail-on fail --------------------------------
# the fixture has 8 errors and 11 warnings
for case in "error 8" "warning 19" "note 19" "never 0"; do
    set -- $case
    check --format junit --fail-on "$1" fixture > "$tmp/f-$1.xml"
    valid "$tmp/f-$1.xml" "the fixture's report with --fail-on $1"
    n=$(count '<failure ' "$tmp/f-$1.xml")
    grep -q "<testsuite name=\"citegraph check\" tests=\"19\" failures=\"$2\" errors=\"0\"" \
        "$tmp/f-$1.xml" && [ "$n" -eq "$2" ] &&
        pass "--fail-on $1: $2 failures, the other findings pass" ||
        fail "--fail-on $1: $n <failure>s, expected $2: $(sed -n 3p "$tmp/f-$1.xml")"
done
# the warnings below --fail-on error are still listed, as passing test cases
n=$(grep -c ': warning: .*" time="0"/>$' "$tmp/f-error.xml")
[ "$n" -eq 11 ] && pass "the 11 warnings are passing test cases that name them" ||
    fail "$n warnings as passing test cases, expected 11"
grep ': warning: ' "$tmp/f-error.xml" | grep -q '<failure' &&
    fail "a warning is a failure with --fail-on error" || pass "no warning fails with --fail-on error"
grep -q '<property name="fail-on" value="error"/>' "$tmp/f-error.xml" &&
    pass "the report says its --fail-on" || fail "no fail-on property"

# findings in the baseline pass, whatever their level
check --fail-on never --write-baseline "$tmp/baseline.json" fixture > /dev/null
check --format junit --fail-on warning --baseline "$tmp/baseline.json" fixture > "$tmp/bl.xml"
valid "$tmp/bl.xml" "a report of baselined findings"
[ "$(count '<failure ' "$tmp/bl.xml")" -eq 0 ] &&
    [ "$(count ' (in baseline)" time="0"/>' "$tmp/bl.xml")" -eq 19 ] &&
    pass "baselined findings are passing test cases marked (in baseline)" ||
    fail "baselined findings: $(sed -n 3p "$tmp/bl.xml")"

# --- every input problem is an errored test case ---------------------------------
mkdir "$tmp/mixed"
cp fixture/antwort-21-284.txt "$tmp/mixed/good.txt"
head -c 2000 "$cg" > "$tmp/mixed/binary.txt" # an executable: not a text document
printf 'Deutscher Bundestag Drucksache 21/101\nStra\337e, siehe Drucksache 21/99999.\n' \
    > "$tmp/mixed/latin1.txt" # invalid UTF-8: read as Windows-1252, with a warning
problems=2
if mkfifo "$tmp/mixed/fifo.txt" 2> /dev/null; then problems=3; fi
(cd "$tmp" && "$cg" check -q --no-config -f junit mixed > mixed.xml 2> /dev/null)
valid "$tmp/mixed.xml" "a report with input problems"
n=$(count '<error ' "$tmp/mixed.xml")
grep -q "errors=\"$problems\"" "$tmp/mixed.xml" && [ "$n" -eq "$problems" ] &&
    pass "$problems input problems, $problems errored test cases" ||
    fail "$n errored test cases, expected $problems: $(sed -n 3p "$tmp/mixed.xml")"
grep -q '<testcase classname="mixed/binary.txt" name="mixed/binary.txt" time="0"><error type="input-not-checked" message="' \
    "$tmp/mixed.xml" && pass "an unreadable input: an errored test case named after its file" ||
    fail "no errored test case for mixed/binary.txt"
grep -q '<testcase classname="mixed/latin1.txt" name="mixed/latin1.txt" time="0"><error type="input-warning" message="is not valid UTF-8' \
    "$tmp/mixed.xml" && pass "an input read with a warning: an errored test case" ||
    fail "no errored test case for the warning on mixed/latin1.txt"

# --- a file name with a line break, a tab and markup ------------------------------
name=$(printf 'a\nb\t"<&>.txt')
mkdir "$tmp/odd"
printf 'Deutscher Bundestag Drucksache 21/102\n\nsiehe Drucksache 21/99999.\n' > "$tmp/odd/$name"
(cd "$tmp" && "$cg" check -q --no-config -f junit odd > odd.xml)
valid "$tmp/odd.xml" "a report on a file name with a line break"
grep -q 'classname="odd/a&#10;b&#9;&quot;&lt;&amp;&gt;.txt"' "$tmp/odd.xml" &&
    pass "line breaks and tabs in attributes as &#10; and &#9;" ||
    fail "attribute not escaped: $(grep -m1 '<testcase' "$tmp/odd.xml")"
got=$(xmllint --xpath 'string(//testcase[1]/@classname)' "$tmp/odd.xml")
[ "$got" = "odd/$name" ] && pass "the file name reads back unchanged" ||
    fail "the file name reads back as '$got'"

# --- the same bytes on every run; SOURCE_DATE_EPOCH sets the timestamp ------------
check --format junit fixture > "$tmp/again.xml"
cmp -s "$tmp/again.xml" "$tmp/f-error.xml" && pass "the same report twice" ||
    fail "two runs, two reports"
grep -q 'timestamp="1970-01-01T00:00:00" hostname="localhost"' "$tmp/again.xml" &&
    pass "without SOURCE_DATE_EPOCH: the epoch, localhost" || fail "timestamp or hostname"
SOURCE_DATE_EPOCH=1747008000 check --format junit fixture > "$tmp/sde.xml"
grep -q 'timestamp="2025-05-12T00:00:00"' "$tmp/sde.xml" &&
    pass "SOURCE_DATE_EPOCH gives the timestamp" || fail "SOURCE_DATE_EPOCH ignored"

# --- a finding that fails the run is a failure even when --severity hides it ----------
check --fail-on warning --severity error --format junit fixture > "$tmp/hidden.xml"
[ "$(count '<failure' "$tmp/hidden.xml")" = 19 ] &&
    pass "--severity error --fail-on warning: the 19 failing findings are failures" ||
    fail "--severity hid failing findings: $(count '<failure' "$tmp/hidden.xml") failures"
valid "$tmp/hidden.xml" "--severity error --fail-on warning"

if [ "$failures" -ne 0 ]; then
    echo "$failures JUnit check(s) failed" >&2
    exit 1
fi
echo "all JUnit checks passed"
