#!/bin/sh
# citegraph check for CI pipelines: GitHub annotations ordered by severity,
# the Markdown summary appended to $GITHUB_STEP_SUMMARY, several reports in
# one run (each the same bytes as a run of its own), and exit status 4 for an
# input not read or a report not written, apart from 1 for findings.
#
#   run_check_outputs_tests.sh CITEGRAPH PROJECT_DIR
#
# Exit 0 when all pass, 1 on a failure.
set -u
case $1 in /*) cg=$1 ;; *) cg=$(pwd)/$1 ;; esac
project=$(cd "$2" && pwd)
here=$project/tests/check
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
unset GITHUB_STEP_SUMMARY # the runs below set it themselves, where they mean to

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }
expect_status() { # expect_status WANT GOT WHAT
    if [ "$1" -eq "$2" ]; then pass "$3 (exit $2)"; else fail "$3: exit $2, expected $1"; fi
}
same() { # same FILE1 FILE2 WHAT
    if cmp -s "$1" "$2"; then
        pass "$3"
    else
        fail "$3:"
        diff -u "$1" "$2" | head -20 >&2
    fi
}

cd "$here" || exit 1
check() { "$cg" check -q --no-config --catalog fixture/catalog.tsv "$@"; }
# the fixture's report in each format, each from a run of its own
for format in json sarif markdown; do
    check --format "$format" fixture > "$tmp/fixture.$format"
done

# a corpus that mixes good and bad inputs: findings of every severity, a
# binary file (not checked), a file read with a warning (invalid UTF-8)
mixed=$tmp/mixed
mkdir "$mixed"
cp fixture/*.txt "$mixed/"
printf '\000\001\002\003binary\377\376' > "$mixed/b-binary.txt"
printf 'Deutscher Bundestag Drucksache 21/6\nSiehe Drucksache 21/500 und caf\351.\n' > "$mixed/c-latin1.txt"
printf '{"rules": {"CG006": "note"}}\n' > "$tmp/notes.json"
mcheck() { "$cg" check -q --config "$tmp/notes.json" --catalog fixture/catalog.tsv "$@"; }

# --- requirement 5: GitHub annotations, most severe first ----------------------
mcheck --format github "$mixed" > "$tmp/mixed.github" 2> /dev/null
# the severities never rise: errors, then warnings, then notices
sevs=$(sed 's/^::\([a-z]*\) .*/\1/' "$tmp/mixed.github" | uniq | tr '\n' ' ')
[ "$sevs" = "error warning notice " ] &&
    pass "GitHub annotations: errors, then warnings, then notices" ||
    fail "GitHub annotations not ordered by severity: $sevs"
# within a severity: the input problem first, then the findings in the text
# report's order (file, record, position)
head -1 "$tmp/mixed.github" | grep -q "^::error file=$mixed/b-binary.txt,title=input not checked::" &&
    pass "GitHub: the input not checked is the first annotation" ||
    fail "GitHub: first annotation is not the unreadable input: $(head -1 "$tmp/mixed.github")"
grep -q "^::warning file=$mixed/c-latin1.txt,title=input read with a warning::is not valid UTF-8" \
    "$tmp/mixed.github" && pass "GitHub: the input read with a warning is annotated" ||
    fail "GitHub: no annotation of the input read with a warning"
mcheck --format text "$mixed" > "$tmp/mixed.text" 2> /dev/null
for sev in error warning note; do
    gh=$sev
    [ $sev = note ] && gh=notice
    grep "^::$gh " "$tmp/mixed.github" | grep -v ',title=input ' |
        sed 's/^::[a-z]* file=\([^,]*\),line=\([0-9]*\),col=\([0-9]*\),.*/\1:\2:\3/' > "$tmp/gh.$sev"
    grep ": $sev: " "$tmp/mixed.text" | sed 's/^\([^:]*:[0-9]*:[0-9]*\):.*/\1/' > "$tmp/text.$sev"
    same "$tmp/text.$sev" "$tmp/gh.$sev" "GitHub $sev annotations in the text report's order"
done

# --- requirement 5: the Markdown summary appended to $GITHUB_STEP_SUMMARY -----
check --write-baseline "$tmp/baseline.json" --fail-on never fixture > /dev/null
printf '## an earlier step\n\n' > "$tmp/summary.md"
GITHUB_STEP_SUMMARY=$tmp/summary.md check --baseline "$tmp/baseline.json" --format sarif \
    -o "$tmp/gh.sarif" fixture
expect_status 0 $? "GITHUB_STEP_SUMMARY: a run against the baseline"
{
    printf '## an earlier step\n\n'
    check --baseline "$tmp/baseline.json" --format markdown fixture
} > "$tmp/summary.want"
same "$tmp/summary.want" "$tmp/summary.md" \
    "the Markdown report (with the baseline) is appended to GITHUB_STEP_SUMMARY"
grep -q ', 0 new\.$' "$tmp/summary.md" && pass "the step summary knows the baseline: 0 new" ||
    fail "the step summary calls baselined findings new"
check --baseline "$tmp/baseline.json" --format sarif fixture > "$tmp/nosummary.sarif"
same "$tmp/nosummary.sarif" "$tmp/gh.sarif" "the main report is the same with GITHUB_STEP_SUMMARY"
# whatever the main format; --severity and the config apply as to the report
: > "$tmp/summary2.md"
GITHUB_STEP_SUMMARY=$tmp/summary2.md check --severity error --format github fixture > /dev/null
check --severity error --format markdown fixture > "$tmp/summary2.want"
same "$tmp/summary2.want" "$tmp/summary2.md" "the step summary with --format github and --severity"
# empty: no summary
GITHUB_STEP_SUMMARY= check --format json fixture > /dev/null
expect_status 1 $? "GITHUB_STEP_SUMMARY empty: nothing appended, findings fail"
# a summary that cannot be written: said, exit 4, the report still written
GITHUB_STEP_SUMMARY=$tmp check --format json -o "$tmp/nosum.json" fixture 2> "$tmp/nosum.err"
expect_status 4 $? "GITHUB_STEP_SUMMARY that cannot be written"
grep -q "cannot write $tmp (GITHUB_STEP_SUMMARY): Is a directory" "$tmp/nosum.err" &&
    pass "the unwritable step summary is named" ||
    fail "unwritable step summary: $(cat "$tmp/nosum.err")"
same "$tmp/fixture.json" "$tmp/nosum.json" "the report is written though the step summary is not"

# --- requirement 6: several reports in one run --------------------------------
for format in text json sarif github markdown; do
    check --baseline "$tmp/baseline.json" --format "$format" "$mixed" > "$tmp/one.$format" 2> /dev/null
done
check --baseline "$tmp/baseline.json" --format junit "$mixed" > "$tmp/one.junit" 2> /dev/null
single=$?
check --baseline "$tmp/baseline.json" --format sarif -o "$tmp/two.sarif" \
    --format markdown -o "$tmp/two.md" "$mixed" 2> /dev/null
status=$?
expect_status "$single" "$status" "two reports in one run: the status of a single run"
same "$tmp/one.sarif" "$tmp/two.sarif" "--format sarif -o: the same bytes as a run of its own"
same "$tmp/one.markdown" "$tmp/two.md" "--format markdown -o: the same bytes as a run of its own"
# every format at once, chosen by --format or by the ending, one to stdout
check --baseline "$tmp/baseline.json" -o "$tmp/all.json" -f github -o - -o "$tmp/all.sarif" \
    -f text -o "$tmp/all.out" -o "$tmp/all.xml" -o "$tmp/all.md" "$mixed" > "$tmp/all.stdout" 2> /dev/null
expect_status "$single" $? "six reports in one run: the status of a single run"
same "$tmp/one.json" "$tmp/all.json" "-o x.json among six"
same "$tmp/one.github" "$tmp/all.stdout" "-f github -o - among six: on stdout"
same "$tmp/one.sarif" "$tmp/all.sarif" "-o x.sarif among six"
same "$tmp/one.text" "$tmp/all.out" "-f text -o FILE among six"
same "$tmp/one.markdown" "$tmp/all.md" "-o x.md among six"
# JUnit says when and where it ran: compare without that
junit_norm() { sed 's/ \(timestamp\|time\|hostname\)="[^"]*"//g' "$1"; }
junit_norm "$tmp/one.junit" > "$tmp/one.junit.n"
junit_norm "$tmp/all.xml" > "$tmp/all.xml.n"
same "$tmp/one.junit.n" "$tmp/all.xml.n" "-o x.xml among six (JUnit, without times and host)"
# one -o: a --format after it still counts, as it always did
check -o "$tmp/late.txt" --format json fixture
same "$tmp/fixture.json" "$tmp/late.txt" "-o FILE --format json: one report, the format after"
# usage errors, and nothing written
check -o - -f json -o - fixture > /dev/null 2> "$tmp/u1.err"
expect_status 2 $? "two reports to standard output"
grep -q "only one report can go to standard output" "$tmp/u1.err" && pass "two stdout reports named" ||
    fail "two stdout reports: $(cat "$tmp/u1.err")"
check -o "$tmp/u.md" -o "$tmp/u.md" fixture 2> "$tmp/u2.err"
expect_status 2 $? "one FILE named twice"
grep -q "are the same file" "$tmp/u2.err" && pass "a FILE named twice is named" ||
    fail "FILE named twice: $(cat "$tmp/u2.err")"
mkdir "$tmp/same"
check -o "$tmp/same/s.json" -f sarif -o "$tmp/same/../same/s.json" fixture 2> "$tmp/u2b.err"
expect_status 2 $? "one FILE under two spellings"
grep -q "are the same file" "$tmp/u2b.err" && pass "a FILE under two spellings is named" ||
    fail "FILE under two spellings: $(cat "$tmp/u2b.err")"
check -o "$tmp/u.sarif" -o "$tmp/u.md" -f json fixture 2> "$tmp/u3.err"
expect_status 2 $? "a --format after the last of several -o"
grep -q "give each --format before the -o FILE it is for" "$tmp/u3.err" &&
    pass "a --format after the last -o is explained" || fail "late --format: $(cat "$tmp/u3.err")"
check -o "$tmp/u.sarif" -o "$tmp/u.jpg" fixture 2> /dev/null
expect_status 2 $? "an ending no format has, among several -o"
[ ! -e "$tmp/u.sarif" ] && [ ! -e "$tmp/u.md" ] && pass "usage errors write no report" ||
    fail "a usage error wrote a report"
# one report that cannot be written: the others are, and the status is 4
if [ -w /dev/full ]; then
    check -o "$tmp/full.sarif" -f json -o /dev/full -o "$tmp/full.md" fixture 2> "$tmp/full.err"
    expect_status 4 $? "one of three reports cannot be written"
    grep -q "cannot write /dev/full: No space left on device" "$tmp/full.err" &&
        pass "the report not written is named" || fail "report not written: $(cat "$tmp/full.err")"
    same "$tmp/fixture.sarif" "$tmp/full.sarif" "the report before the failed one is written"
    same "$tmp/fixture.markdown" "$tmp/full.md" "the report after the failed one is written"
fi

# the example pipelines run check once, and their Markdown knows the baseline
for f in github-actions.yml gitlab-ci.yml; do
    if grep -Eq '(citegraph|CITEGRAPH\}?) +check' "$project/examples/ci/$f"; then
        fail "examples/ci/$f runs citegraph check itself as well as the script"
    else
        pass "examples/ci/$f runs check once, through the script"
    fi
done
n=$(grep -c '"$cg" check' "$project/examples/ci/citegraph-check.sh")
[ "$n" -eq 1 ] && pass "the CI script runs check once" || fail "the CI script runs check $n times"
mkdir -p "$tmp/ci-run/out"
cp -r fixture "$tmp/ci-run/"
cp "$tmp/baseline.json" "$tmp/ci-run/.citegraph-baseline.json"
(cd "$tmp/ci-run" && CITEGRAPH=$cg sh "$project/examples/ci/citegraph-check.sh" fixture \
    fixture/catalog.tsv out 2> /dev/null)
expect_status 0 $? "the CI script against its baseline"
(cd "$tmp/ci-run" && "$cg" check -q --no-config --catalog fixture/catalog.tsv \
    --baseline .citegraph-baseline.json --format markdown fixture) > "$tmp/ci-md.want"
same "$tmp/ci-md.want" "$tmp/ci-run/out/citegraph.md" "the CI script's Markdown uses the baseline"
grep -q ', 0 new\.$' "$tmp/ci-run/out/citegraph.md" && pass "the CI summary calls no finding new" ||
    fail "the CI summary calls baselined findings new"
[ -s "$tmp/ci-run/out/citegraph-junit.xml" ] && [ -s "$tmp/ci-run/out/citegraph.sarif" ] &&
    pass "the CI script writes SARIF and JUnit in the same run" ||
    fail "the CI script wrote no SARIF or JUnit"

# --- requirement 7: 4 for an input not read or a report not written -----------
mkdir "$tmp/clean" && printf 'Nichts zu finden.\n' > "$tmp/clean/a.txt"
"$cg" check -q --no-config "$tmp/clean"
expect_status 0 $? "nothing found"
check fixture > /dev/null
expect_status 1 $? "findings only"
cp "$mixed/b-binary.txt" "$tmp/clean/"
"$cg" check -q --no-config "$tmp/clean" > /dev/null 2>&1
expect_status 4 $? "an input that cannot be read, no finding"
check --fail-on never "$mixed" > /dev/null 2>&1
expect_status 4 $? "an input that cannot be read, --fail-on never"
check "$mixed" > /dev/null 2>&1
expect_status 4 $? "an input that cannot be read outweighs findings"
printf 'Nichts zu finden, caf\351.\n' > "$tmp/latin1.txt"
"$cg" check -q --no-config "$tmp/latin1.txt" > /dev/null 2>&1
expect_status 0 $? "an input read with a warning, no finding"
printf '{"numFound":2,"documents":[{"id":"31","dokumentart":"Drucksache","drucksachetyp":"Antrag","herausgeber":"BT","dokumentnummer":"21/1","titel":"T","datum":"2025-01-02","text":"Deutscher Bundestag Drucksache 21/1\\nText.\\n"},{"id":"32","dokumentart":"Drucksache","drucksachetyp":"Antrag","herausgeber":"BT","dokumentnummer":"21/2","titel":"T","datum":"2025-01-02"}],"cursor":"x"}\n' > "$tmp/page.json"
"$cg" check -q --no-config "$tmp/page.json" > /dev/null 2>&1
expect_status 4 $? "a DIP record without text"
check -f json -o "$tmp" fixture 2> /dev/null
expect_status 4 $? "a report that cannot be written"
check --write-baseline "$tmp" fixture > /dev/null 2>&1
expect_status 4 $? "a baseline that cannot be written"
"$cg" check --help | grep -q '^  4  some input could not be read or processed, or a report' &&
    pass "--help documents exit status 4" || fail "--help does not document exit status 4"

# --- a file name a Markdown code span cannot hold stays in its table cell ---------------
mkdir "$tmp/md"
printf 'Siehe Drucksache 21/99999.\n' > "$tmp/md/a|b.txt"
(cd "$tmp" && "$cg" check -q --no-config --fail-on never -f markdown md > md.out)
grep -Fq '| md/a\|b.txt:1:7 | warning | CG001 |' "$tmp/md.out" &&
    pass "a '|' in a file name is escaped in the findings table" ||
    fail "the findings row of md/a|b.txt: $(grep -F 'b.txt' "$tmp/md.out")"

# --- a directory with no file to read is said, not passed over in silence ---------------
mkdir "$tmp/nothing"
"$cg" check --no-config "$tmp/nothing" > /dev/null 2> "$tmp/nothing.err"
grep -Fq "citegraph: warning: $tmp/nothing: holds no file ending in .txt or .pdf (see --ext)" \
    "$tmp/nothing.err" && pass "an empty directory is named" ||
    fail "an empty directory: $(cat "$tmp/nothing.err")"

echo "check output tests: $failures failure(s)"
[ "$failures" -eq 0 ] || exit 1
exit 0
