#!/bin/sh
# Re-vendor the explorer's JavaScript libraries (data/explorer/vendor/) from the npm registry.
#
#   tools/vendor_explorer_js.sh           fetch, verify, write the files
#   tools/vendor_explorer_js.sh --check   fetch, verify, and only compare with the committed files
#
# Each package is fetched at its pinned version with `npm pack`; the tarball's sha512 must equal
# the integrity recorded in data/explorer/vendor/VENDOR.md and the one the registry reports
# (`npm view NAME@VERSION dist.integrity`). Then the browser build and the licence files are
# extracted, byte for byte. Running it again changes nothing: on a clean checkout `git status`
# stays clean. To move to a new version: change the version here and in VENDOR.md (with the new
# integrity, from `npm view NAME@VERSION dist.integrity`), run this script, test the page.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
vendor="$root/data/explorer/vendor"
manifest="$vendor/VENDOR.md"
check=0
[ "${1:-}" = "--check" ] && check=1

# package  version  file-in-tarball  file-in-vendor/
FILES='
graphology              0.25.4  package/dist/graphology.umd.min.js  graphology.umd.min.js
graphology              0.25.4  package/LICENSE.txt                 graphology.LICENSE.txt
sigma                   2.4.0   package/build/sigma.min.js          sigma.min.js
sigma                   2.4.0   package/LICENSE.txt                 sigma.LICENSE.txt
events                  3.3.0   package/LICENSE                     events.LICENSE
graphology-utils        2.5.2   package/LICENSE.txt                 graphology-utils.LICENSE.txt
@yomguithereal/helpers  1.1.1   package/LICENSE.txt                 yomguithereal-helpers.LICENSE.txt
'

command -v npm >/dev/null || { echo "vendor_explorer_js.sh: npm is needed (apt-get install npm)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cg-vendor.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/cache"

# sha512 of a file in npm's integrity form ("sha512-" + base64)
integrity_of() {
    if command -v openssl >/dev/null; then
        printf 'sha512-%s' "$(openssl dgst -sha512 -binary "$1" | base64 | tr -d '\n')"
    else
        python3 -c 'import base64, hashlib, sys
print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode(), end="")' "$1"
    fi
}

echo "$FILES" | while read -r pkg ver member dest; do
    [ -n "$pkg" ] || continue
    tgz_dir="$tmp/$(printf '%s' "$pkg" | tr '@/' '__')-$ver"
    if [ ! -d "$tgz_dir" ]; then
        mkdir -p "$tgz_dir"
        # the integrity recorded in VENDOR.md: the table row of this package and version
        want=$(awk -F'|' -v p="$pkg" -v v="$ver" '
            { for (i = 1; i <= NF; i++) gsub(/^[ \t`]+|[ \t`]+$/, "", $i) }
            $2 == p && $3 == v { print $5; exit }' "$manifest")
        [ -n "$want" ] || { echo "$pkg@$ver: no integrity recorded in $manifest" >&2; exit 1; }
        registry=$(npm view "$pkg@$ver" dist.integrity --cache "$tmp/cache" 2>/dev/null)
        [ "$registry" = "$want" ] || { echo "$pkg@$ver: the registry reports integrity $registry, VENDOR.md records $want" >&2; exit 1; }
        (cd "$tgz_dir" && npm pack "$pkg@$ver" --silent --cache "$tmp/cache" >/dev/null 2>"$tgz_dir.log") ||
            { cat "$tgz_dir.log" >&2; echo "$pkg@$ver: npm pack failed" >&2; exit 1; }
        tgz=$(ls "$tgz_dir"/*.tgz)
        got=$(integrity_of "$tgz")
        [ "$got" = "$want" ] || { echo "$pkg@$ver: the tarball's integrity is $got, VENDOR.md records $want" >&2; exit 1; }
        tar -xzf "$tgz" -C "$tgz_dir"
        echo "$pkg@$ver: integrity verified ($want)"
    fi
    src="$tgz_dir/$member"
    [ -f "$src" ] || { echo "$pkg@$ver: $member is not in the package" >&2; exit 1; }
    if LC_ALL=C grep -qi -e '</script' -e '</style' "$src"; then
        echo "$pkg@$ver: $member contains </script or </style and cannot be inlined" >&2; exit 1
    fi
    if [ "$check" = 1 ]; then
        if cmp -s "$src" "$vendor/$dest"; then echo "  $dest: identical"
        else echo "  $dest: DIFFERS from the package" >&2; exit 1; fi
    elif cmp -s "$src" "$vendor/$dest"; then
        echo "  $dest: unchanged"
    else
        cp "$src" "$vendor/$dest"
        chmod 644 "$vendor/$dest"
        echo "  $dest: written"
    fi
done
