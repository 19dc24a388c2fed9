#!/bin/sh
# The check a CI job runs on a folder of texts: in one run, SARIF for code
# scanning, a Markdown summary for the job page and JUnit for test-report
# views, all of the same findings against the same baseline; the exit status
# is the pipeline's (0 pass, 1 new findings, 4 an input not read or a report
# not written). In a GitHub Actions job, citegraph also appends the Markdown
# summary to $GITHUB_STEP_SUMMARY itself.
#
#   citegraph-check.sh DOCS_DIR [CATALOG] [OUT_DIR]
#
# Both example pipelines (github-actions.yml, gitlab-ci.yml) call this
# script; the test suite runs it too, so what the examples show is tested.
set -u
docs=$1
catalog=${2:-}
out=${3:-.}
cg=${CITEGRAPH:-citegraph}
set -- -o "$out/citegraph.sarif" -o "$out/citegraph.md" -o "$out/citegraph-junit.xml"
[ -n "$catalog" ] && set -- "$@" --catalog "$catalog"
[ -f .citegraph-baseline.json ] && set -- "$@" --baseline .citegraph-baseline.json
exec "$cg" check "$@" "$docs"
