#!/bin/sh
# Installs what citegraph needs on Debian 12, builds it, and runs either the
# demo on the bundled sample corpus or the whole test suite.
#
#   tools/quickstart.sh demo   install, build, build the citation graph of data/sample,
#                              print its statistics and a chain, draw it as SVG and
#                              write the explorer, one HTML page to open in a browser
#   tools/quickstart.sh test   install (with Chromium for the browser tests), build
#                              with warnings as errors, run all tests, then again
#                              under AddressSanitizer and UBSan
#
# Packages are installed with apt-get (through sudo when not root), and only
# those that are missing.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
mode=${1:-demo}
jobs=$(nproc 2>/dev/null || echo 2)

packages="build-essential cmake pkg-config libigraph-dev libjansson-dev libpcre2-dev libcmocka-dev
graphviz python3 python3-networkx python3-jsonschema libxml2-utils libcurl4-openssl-dev ripgrep
groff-base man-db libpoppler-glib-dev"
# for `test` only: the browser tests of the explorer (tests/browser), and
# valgrind's helgrind for PDFs read on several threads (tests/pdf)
test_packages="chromium chromium-driver python3-selenium valgrind"

install_missing() { # install_missing [more packages...]
    missing=""
    for p in $packages "$@"; do
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
    build/citegraph graph --format json data/sample > build/demo/graph.json
    build/citegraph graph --around 21/1958 --depth 2 -o build/demo/around-21-1958.svg data/sample
    build/citegraph graph --format html -o build/demo/explorer.html data/sample
    echo "citegraph: the citation graph of the $(ls data/sample/*.txt | wc -l) documents in data/sample"
    echo
    build/citegraph stats --top 5 data/sample
    echo
    echo "What the Antwort 21/1958 cites, and what those cite:"
    build/citegraph chain 21/1958 --depth 2 data/sample
    echo
    echo "Written: build/demo/references.jsonl (every reference), build/demo/graph.json,"
    echo "         build/demo/around-21-1958.svg (the picture of 21/1958's neighbourhood),"
    echo "         build/demo/explorer.html (the explorer: open it in a browser, search 21/1958)"
    ;;
test)
    install_missing $test_packages
    build build -DCG_WARNINGS_AS_ERRORS=ON -DCG_BUILD_TESTS=ON -DCG_BROWSER_TESTS=ON
    (cd build && ctest --output-on-failure -j "$jobs")
    # the browser tests here too: the pages are written by the sanitized citegraph
    build build-sanitize -DCG_WARNINGS_AS_ERRORS=ON -DCG_BUILD_TESTS=ON -DCG_BROWSER_TESTS=ON \
        -DCG_SANITIZE="address;undefined" -DCMAKE_BUILD_TYPE=Debug
    (cd build-sanitize && ctest --output-on-failure -j "$jobs")
    ;;
*)
    echo "usage: tools/quickstart.sh demo|test" >&2
    exit 2
    ;;
esac
