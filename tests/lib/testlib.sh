# testlib.sh - the helpers the shell tests share; sourced, not run:
#
#   . "$(dirname "$0")/../lib/testlib.sh"
#
# It counts checks in $pass and $fail (each script prints its own summary
# and exits non-zero when $fail is not 0). expect, stdout_* and stderr_*
# use the files $tmp/out and $tmp/err: the script sets $tmp, a directory of
# its own, before it calls them.
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# expect NAME EXPECTED_STATUS COMMAND...: runs COMMAND with stdout and stderr
# to $tmp/out and $tmp/err and checks its exit status
expect() {
    name=$1; want=$2; shift 2
    "$@" > "$tmp/out" 2> "$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit status $got, expected $want"; cat "$tmp/err" >&2; fi
}
# stdout_has / stdout_lacks / stderr_has NAME PATTERN: a grep pattern on
# the last output that expect (or the script) left in $tmp
stdout_has() { if grep -q -- "$2" "$tmp/out"; then ok; else bad "$1: stdout lacks '$2'"; fi; }
stdout_lacks() { if grep -q -- "$2" "$tmp/out"; then bad "$1: stdout has '$2'"; else ok; fi; }
stderr_has() { if grep -q -- "$2" "$tmp/err"; then ok; else bad "$1: stderr lacks '$2'"; cat "$tmp/err" >&2; fi; }
