#!/bin/sh
# The library's data flows one way: read -> normalise -> extract -> resolve ->
# serialise/run/check/graph -> export, and the command on top uses only the
# public headers. Each directory of src/ is a stage with a rank here; a file
# may include the private headers of its own stage and of stages below it,
# never of one above. This test fails on the first include that runs back up
# (however the directive is spaced: "  #  include"), on an include path with
# ".." (which would hide the stage it reaches), and on a directory of src/
# that has no rank yet (so a new one gets one).
#
#   tests/layout/check_includes.sh SOURCE_DIR
set -eu
src=${1:?usage: check_includes.sh SOURCE_DIR}/src

rank() {
    case $1 in
    util) echo 0 ;;
    docid | input) echo 1 ;;
    normalize) echo 2 ;;
    extract) echo 3 ;;
    resolve) echo 4 ;;
    io | check | accuracy | graph) echo 5 ;;
    run | export) echo 6 ;;
    cli) echo 7 ;;
    *) echo "" ;;
    esac
}

bad=0
for dir in "$src"/*/; do
    stage=$(basename "$dir")
    own=$(rank "$stage")
    if [ -z "$own" ]; then
        echo "src/$stage/: a directory without a rank in $0" >&2
        bad=1
        continue
    fi
    for file in "$dir"*.c "$dir"*.h; do
        [ -e "$file" ] || continue
        # every #include "..." (however spaced): a header of the same
        # directory, a public one (citegraph/...) or a private one (STAGE/...)
        grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" | while IFS= read -r line; do
            path=$(printf '%s\n' "$line" |
                sed 's/^[0-9]*:[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/')
            where="src/$stage/$(basename "$file"):${line%%:*}"
            case $path in
            *..*)
                echo "$where: #include \"$path\" climbs out of its directory: name" \
                    "the stage instead" >&2
                exit 1
                ;;
            */*) target=${path%%/*} ;;
            *) continue ;; # a header of the same directory
            esac
            [ "$target" = citegraph ] && continue # the public headers
            if [ "$stage" = cli ]; then
                echo "$where: the command includes the library's private header" \
                    "$target/..., not a public one" >&2
                exit 1
            fi
            theirs=$(rank "$target")
            if [ -z "$theirs" ] || [ "$theirs" -gt "$own" ]; then
                echo "$where: stage $stage includes $target/..., a stage after it" >&2
                exit 1
            fi
        done || bad=1
    done
done
[ "$bad" -eq 0 ] && echo "include order: every stage includes only itself and the stages before it"
exit "$bad"
