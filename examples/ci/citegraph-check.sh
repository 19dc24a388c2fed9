#!/bin/sh
# The check a CI job runs on a folder of texts: SARIF for code scanning, a
# Markdown summary for the job page, and the exit status for the pipeline.
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
set -- --format sarif -o "$out/citegraph.sarif"
[ -n "$catalog" ] && set -- "$@" --catalog "$catalog"
[ -f .citegraph-baseline.json ] && set -- "$@" --baseline .citegraph-baseline.json
"$cg" check "$@" "$docs"
status=$?
# the same findings as a table for humans; its status does not decide
"$cg" check -q --format markdown ${catalog:+--catalog "$catalog"} -o "$out/citegraph.md" "$docs"
exit $status
