#!/bin/sh
# Installs what citegraph needs on Debian 12, builds it, and runs either the
# demo on the bundled sample corpus or the whole test suite.
#
#   tools/quickstart.sh demo   install, build, extract the references of data/sample
#   tools/quickstart.sh test   install, build with warnings as errors, run all tests,
#                              then again under AddressSanitizer and UBSan
#
# Packages are installed with apt-get (through sudo when not root), and only
# those that are missing.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
mode=${1:-demo}
jobs=$(nproc 2>/dev/null || echo 2)

packages="build-essential cmake pkg-config libigraph-dev libjansson-dev libpcre2-dev libcmocka-dev"

install_missing() {
    missing=""
    for p in $packages; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "quickstart: installing$missing" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
}

build() { # build DIR [cmake options...]
    dir=$1
    shift
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" > /dev/null
    cmake --build "$dir" -j "$jobs" > /dev/null
}

case "$mode" in
demo)
    install_missing
    build build
    mkdir -p build/demo
    build/citegraph extract data/sample > build/demo/references.jsonl
    build/citegraph extract --format tsv data/sample > build/demo/references.tsv
    echo "citegraph: extracted the references of the $(ls data/sample/*.txt | wc -l) documents in data/sample"
    echo "  JSON Lines: build/demo/references.jsonl"
    echo "  TSV:        build/demo/references.tsv"
    echo
    echo "References by kind:"
    tail -n +2 build/demo/references.tsv | cut -f3 | sort | uniq -c | sort -rn
    echo
    echo "What the Antwort 21/1958 cites:"
    grep '^data/sample/btd-21-1958.txt' build/demo/references.tsv | cut -f2-
    ;;
test)
    install_missing
    build build -DCG_WARNINGS_AS_ERRORS=ON -DCG_BUILD_TESTS=ON
    (cd build && ctest --output-on-failure -j "$jobs")
    build build-sanitize -DCG_WARNINGS_AS_ERRORS=ON -DCG_BUILD_TESTS=ON \
        -DCG_SANITIZE="address;undefined" -DCMAKE_BUILD_TYPE=Debug
    (cd build-sanitize && ctest --output-on-failure -j "$jobs")
    ;;
*)
    echo "usage: tools/quickstart.sh demo|test" >&2
    exit 2
    ;;
esac
