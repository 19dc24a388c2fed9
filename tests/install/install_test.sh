#!/bin/sh
# The installed library, as someone else's program uses it.
# Usage: install_test.sh SOURCE_DIR BUILD_DIR C_COMPILER
#
# Installs the build being tested, and a fresh build of the other kind
# (static archives or shared libraries, -DBUILD_SHARED_LIBS), each into a
# prefix of its own, then for both:
#   - builds examples/list_references.c with `cc ... $(pkg-config --cflags
#     --libs citegraph)` and checks its output against list_references.out;
#   - builds a program that links both libraries through
#     `pkg-config citegraph-graph`, and one through find_package(citegraph)
#     (tests/install/consumer), and runs them;
#   - moves the installed tree elsewhere and builds and runs again, since
#     the package must work wherever its prefix is.
set -u
src=$1
build=$2
cc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

kind=$(sed -n 's/^BUILD_SHARED_LIBS:BOOL=//p' "$build/CMakeCache.txt")
case "$kind" in ON | on | 1 | TRUE | true) this=shared other=OFF ;; *) this=static other=ON ;; esac
[ "$this" = shared ] && that=static || that=shared

cmake --install "$build" --prefix "$tmp/$this/usr/local" > "$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log" >&2; bad "install of the $this build"; }
cmake -S "$src" -B "$tmp/build-$that" -DBUILD_SHARED_LIBS=$other -DCG_BUILD_TESTS=OFF \
    -DCG_BUILD_CLI=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$cc" \
    > "$tmp/configure.log" 2>&1 &&
    cmake --build "$tmp/build-$that" -j 2 > "$tmp/build.log" 2>&1 &&
    cmake --install "$tmp/build-$that" --prefix "$tmp/$that/opt/cg" > "$tmp/install2.log" 2>&1 ||
    { cat "$tmp/configure.log" "$tmp/build.log" >&2; bad "build and install of the $that libraries"; }

# the command as installed: it runs, finds its graph helper, and man opens its pages
installed=$tmp/$this/usr/local
if [ -x "$installed/bin/citegraph" ]; then
    "$installed/bin/citegraph" --version > "$tmp/v" 2>&1 && grep -q "^citegraph [0-9]" "$tmp/v" ||
        bad "installed citegraph --version: $(cat "$tmp/v")"
    "$installed/bin/citegraph" stats -q "$src/data/sample" > "$tmp/stats" 2>&1 &&
        grep -q "^nodes " "$tmp/stats" || bad "installed citegraph stats: $(cat "$tmp/stats")"
    for page in citegraph citegraph-extract citegraph-check citegraph-graph citegraph-cites \
        citegraph-cited-by citegraph-chain citegraph-path citegraph-longest-chain citegraph-rank \
        citegraph-referrals citegraph-stats citegraph-accuracy citegraph-grammar citegraph-help citegraph-version; do
        [ -f "$installed/share/man/man1/$page.1" ] || bad "no man page $page.1 installed"
    done
    if command -v man > /dev/null 2>&1; then
        MANPATH="$installed/share/man" MANWIDTH=80 man citegraph-check > "$tmp/man" 2> "$tmp/man.err"
        grep -q "citegraph check" "$tmp/man" && grep -q "EXIT STATUS" "$tmp/man" ||
            bad "man citegraph-check does not show the installed page: $(cat "$tmp/man.err")"
    fi
else
    bad "no citegraph installed in $installed/bin"
fi

# check PREFIX KIND: every way of building against the installed tree
check() {
    prefix=$1
    what=$2
    pc="$prefix/$(ls "$prefix" | grep -q lib64 && echo lib64 || echo lib)/pkgconfig"
    [ -f "$pc/citegraph.pc" ] || { bad "$what: no $pc/citegraph.pc"; return; }
    grep -q "^license=GPL-2.0-or-later" "$pc/citegraph.pc" || bad "$what: no licence in citegraph.pc"
    for f in "$pc"/citegraph*.pc; do
        # freedesktop's pkg-config refuses a field given twice; pkgconf does not
        for field in Requires Requires.private Libs Libs.private Cflags; do
            n=$(grep -c "^$field:" "$f")
            [ "$n" -le 1 ] || bad "$what: $(basename "$f") has $n '$field:' lines"
        done
    done
    flags=$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs citegraph) || { bad "$what: pkg-config"; return; }
    # the documented line, as it stands in the example's comment
    if $cc "$src/examples/list_references.c" $flags -o "$tmp/list_references" 2> "$tmp/cc.err"; then
        "$tmp/list_references" "$src/tests/golden/seed/input.txt" > "$tmp/out" 2>&1
        cmp -s "$tmp/out" "$src/examples/list_references.out" ||
            bad "$what: list_references output differs from examples/list_references.out"
    else
        cat "$tmp/cc.err" >&2
        bad "$what: cc list_references.c \$(pkg-config --cflags --libs citegraph)"
    fi
    gflags=$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs citegraph-graph) ||
        { bad "$what: pkg-config citegraph-graph"; return; }
    if $cc "$src/tests/install/consumer/main.c" $gflags -o "$tmp/consumer-pc" 2> "$tmp/cc.err"; then
        "$tmp/consumer-pc" "$src"/data/sample/btd-21-*.txt > "$tmp/out" 2>&1 &&
            grep -q "^citegraph [0-9.]*: [0-9]* nodes" "$tmp/out" ||
            { cat "$tmp/out" >&2; bad "$what: the pkg-config graph program"; }
    else
        cat "$tmp/cc.err" >&2
        bad "$what: cc consumer.c \$(pkg-config --cflags --libs citegraph-graph)"
    fi
    rm -rf "$tmp/consumer"
    if cmake -S "$src/tests/install/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_COMPILER="$cc" > "$tmp/cm.log" 2>&1 &&
        cmake --build "$tmp/consumer" > "$tmp/cm.log" 2>&1; then
        "$tmp/consumer/consumer" "$src"/data/sample/btd-21-*.txt > "$tmp/out" 2>&1 &&
            grep -q "most cited: {\"id\":" "$tmp/out" ||
            { cat "$tmp/out" >&2; bad "$what: the find_package program"; }
        grep -q 'citegraph_LICENSE "GPL-2.0-or-later"' "$(find "$prefix" -name citegraphConfig.cmake)" ||
            bad "$what: no licence in citegraphConfig.cmake"
    else
        cat "$tmp/cm.log" >&2
        bad "$what: find_package(citegraph) in another project"
    fi
}

for k in static shared; do
    prefix=$(ls -d "$tmp/$k"/*/* 2> /dev/null | head -1)
    [ -n "$prefix" ] || continue
    check "$prefix" "$k, installed"
    # wherever the prefix is: move the tree and build again
    mv "$tmp/$k" "$tmp/$k-moved"
    check "$(ls -d "$tmp/$k-moved"/*/* | head -1)" "$k, moved after installing"
done
[ -d "$tmp/static-moved" ] && [ -d "$tmp/shared-moved" ] || bad "both kinds were not installed"
[ "$fail" -eq 0 ] && echo "install and link: static and shared, pkg-config and find_package: all passed"
exit $((fail > 0))
