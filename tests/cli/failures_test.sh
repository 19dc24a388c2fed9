#!/bin/sh
# Failures the program must name, each with its documented exit status:
# output that cannot be written (a full disk: /dev/full), an -o ending that
# names no format, out of memory; and the option table's promises (bundled
# short options, the same options on every command, per-command help).
# Each case here failed before the defect it names was fixed.
# Usage: failures_test.sh CITEGRAPH SAMPLE_DIR [FAILMALLOC_SO]
set -u
cg=$1
sample=$2
failmalloc=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/testlib.sh" # pass, fail, ok, bad, expect, stdout_has, ...
doc=$sample/btd-21-1958.txt

# ---- a full disk: every command names the failure and exits 1; check exits 4
# (a report not written), which a pipeline tells from 1 (findings)
if [ -w /dev/full ]; then
    for args in "extract $sample" "extract --format tsv $sample" "graph $sample" \
        "graph --format json $sample" "graph --format graphml $sample" "stats $sample" \
        "rank $sample" "cites 21/1958 $sample" "check --no-config $sample" \
        "check --no-config -f sarif $sample" "grammar"; do
        case $args in check*) want=4 ;; *) want=1 ;; esac
        expect "$args > /dev/full" $want sh -c "exec $cg $args > /dev/full"
        stderr_has "$args > /dev/full" "cannot write standard output: No space left on device"
    done
    for args in "graph --format json -o /dev/full $sample" "graph -o /dev/full $sample" \
        "check --no-config -f json -o /dev/full $sample" "extract -o /dev/full $sample" \
        "stats -o /dev/full $sample" "check --no-config --write-baseline /dev/full $sample"; do
        case $args in check*) want=4 ;; *) want=1 ;; esac
        expect "$args" $want $cg $args
        stderr_has "$args" "cannot write /dev/full: No space left on device"
    done
fi

# ---- an -o ending that names no format is refused, and nothing is written
expect "graph -o x.jpg" 2 $cg graph -o "$tmp/x.jpg" "$sample"
stderr_has "graph -o x.jpg" "'.jpg' is no format citegraph writes; known endings: .dot, .gv, .json, .graphml, .svg, .png, .pdf"
if [ -e "$tmp/x.jpg" ]; then bad "graph -o x.jpg wrote a file"; else ok; fi
expect "graph -o x.json" 0 $cg graph -o "$tmp/x.json" "$sample"
if head -c 40 "$tmp/x.json" | grep -q '"schema":"citegraph-graph/1"'; then ok; else bad "graph -o x.json is not JSON"; fi
expect "graph -o x.txt --format dot" 0 $cg graph --format dot -o "$tmp/x.txt" "$sample"
if head -1 "$tmp/x.txt" | grep -q '^digraph'; then ok; else bad "--format decides over the ending"; fi

# ---- extract and check take the format from -o's ending too (they wrote their default)
expect "extract -o x.tsv" 0 $cg extract -q -o "$tmp/x.tsv" "$doc"
if head -1 "$tmp/x.tsv" | grep -q '^file	line	kind'; then ok; else bad "extract -o x.tsv is not TSV"; fi
expect "check -o x.sarif" 0 $cg check -q --no-config -o "$tmp/x.sarif" "$doc"
if grep -q '"version": "2.1.0"' "$tmp/x.sarif"; then ok; else bad "check -o x.sarif is not SARIF"; fi
expect "check -o x.jpg" 2 $cg check -q --no-config -o "$tmp/x.jpg" "$doc"
stderr_has "check -o x.jpg" "known endings: .txt, .json, .sarif, .xml, .md"
expect "extract -o x.csv" 2 $cg extract -q -o "$tmp/x.csv" "$doc"
expect "extract -f jsonl -o x.txt" 0 $cg extract -q -f jsonl -o "$tmp/x.txt" "$doc"
expect "graph -o x.csv" 2 $cg graph -o "$tmp/x.csv" "$sample"
stderr_has "graph -o x.csv" "give --format csv -o PREFIX"

# ---- -o replaces a file only when all of it was written: a write that fails
# half-way (here the file size limit, as a full disk would) leaves the previous
# file as it was and no temporary file; one that succeeds keeps its mode
mkdir "$tmp/o"
for args in "graph --format json" "check --no-config -f sarif" "extract"; do
    printf 'the previous output\n' > "$tmp/o/keep"
    chmod 640 "$tmp/o/keep"
    case $args in check*) want=4 ;; *) want=1 ;; esac
    # the size limit's signal does not end the run unexplained: the write fails and is named
    expect "$args -o, cut off" $want sh -c "ulimit -f 4; exec $cg $args -o $tmp/o/keep $sample"
    stderr_has "$args -o, cut off" "cannot write $tmp/o/keep: File too large"
    if [ "$(cat "$tmp/o/keep")" = "the previous output" ]; then ok; else bad "$args -o, cut off: the previous file was overwritten"; fi
    if [ "$(ls -A "$tmp/o")" = "keep" ]; then ok; else bad "$args -o, cut off: left $(ls -A "$tmp/o" | tr '\n' ' ')"; fi
    expect "$args -o over a file" 0 $cg $args -o "$tmp/o/keep" "$sample"
    if [ "$(cat "$tmp/o/keep")" != "the previous output" ] && [ "$(stat -c %a "$tmp/o/keep")" = 640 ]; then ok
    else bad "$args -o over a file: not replaced, or its mode $(stat -c %a "$tmp/o/keep") is not 640"; fi
done
# a symbolic link is written through, and stays a link; a new file takes the umask
ln -s keep "$tmp/o/link"
expect "extract -o LINK" 0 $cg extract -q -f tsv -o "$tmp/o/link" "$doc"
if [ -L "$tmp/o/link" ] && head -1 "$tmp/o/keep" | grep -q '^file	line	kind'; then ok; else bad "extract -o LINK: the link was replaced"; fi
expect "extract -o NEW, umask 027" 0 sh -c "umask 027; exec $cg extract -q -o $tmp/o/new.tsv $doc"
if [ "$(stat -c %a "$tmp/o/new.tsv")" = 640 ]; then ok; else bad "extract -o NEW: mode $(stat -c %a "$tmp/o/new.tsv"), expected 640"; fi

# a name too long for ".NAME.citegraph-XXXXXX": the temporary name is cut, the file still kept
long=$(printf '%0250d' 0)
printf 'the previous output\n' > "$tmp/o/$long"
expect "graph -o LONG_NAME, cut off" 1 sh -c "ulimit -f 4; exec $cg graph -f json -o $tmp/o/$long $sample"
if [ "$(cat "$tmp/o/$long")" = "the previous output" ]; then ok; else bad "graph -o LONG_NAME, cut off: the previous file was overwritten"; fi
expect "graph -o LONG_NAME" 0 $cg graph -f json -o "$tmp/o/$long" "$sample"
if grep -q '"schema"' "$tmp/o/$long"; then ok; else bad "graph -o LONG_NAME: not written"; fi
# a picture that Graphviz's dot does not finish leaves the previous file (a dot that writes
# half a picture and fails)
mkdir "$tmp/fakebin"
cat > "$tmp/fakebin/dot" <<'EOF'
#!/bin/sh
out=
while [ $# -gt 0 ]; do
    case $1 in -o) out=$2; shift ;; esac
    shift
done
if [ -n "$out" ]; then printf '<svg half' > "$out"; else printf '<svg half'; fi
exit 1
EOF
chmod +x "$tmp/fakebin/dot"
printf 'the previous picture\n' > "$tmp/o/pic.svg"
expect "graph -o FILE.svg, dot fails" 1 env PATH="$tmp/fakebin:$PATH" $cg graph -o "$tmp/o/pic.svg" "$sample"
stderr_has "graph -o FILE.svg, dot fails" "Graphviz's dot could not render $tmp/o/pic.svg"
if [ "$(cat "$tmp/o/pic.svg")" = "the previous picture" ] && [ -z "$(ls -A "$tmp/o" | grep citegraph-)" ]; then ok
else bad "graph -o FILE.svg, dot fails: the previous picture was replaced, or a temporary file left"; fi
# check started through the dynamic loader runs (it does not start itself again through the
# loader's name, which took "check" for a program to load)
loader=$(ls /lib64/ld-linux-*.so.* /lib/ld-linux-*.so.* 2>/dev/null | head -1)
if [ -n "$loader" ] && [ -z "${LD_PRELOAD:-}" ]; then
    expect "ld.so citegraph check" 1 "$loader" $cg check -q --no-config --fail-on warning "$doc"
    stdout_has "ld.so citegraph check" "unknown-document"
fi
# a query that fails before it answers leaves the previous file
printf 'the previous output\n' > "$tmp/o/q"
expect "cites UNKNOWN -o FILE" 1 $cg cites 21/99999 -o "$tmp/o/q" "$sample"
if [ "$(cat "$tmp/o/q")" = "the previous output" ]; then ok; else bad "cites UNKNOWN -o FILE: the previous file was replaced"; fi
# the baseline would replace a report of the same name
expect "check -o X --write-baseline X" 2 $cg check -q --no-config -o "$tmp/o/x.sarif" --write-baseline "$tmp/o/./x.sarif" "$sample"
stderr_has "check -o X --write-baseline X" "are the same file"
expect "check --write-baseline - (report on stdout)" 2 $cg check -q --no-config --write-baseline - "$sample"
# a run ended by a signal removes its temporary file
rm -f "$tmp/o/keep"
mkfifo "$tmp/fifo"
$cg extract -q -o "$tmp/o/keep" - < "$tmp/fifo" &
pid=$!
exec 3> "$tmp/fifo" # the input stays open: the run waits for it
sleep 1
kill -TERM $pid
wait $pid
exec 3>&-
if [ -z "$(ls -A "$tmp/o" | grep citegraph-)" ]; then ok; else bad "extract ended by SIGTERM left $(ls -A "$tmp/o" | grep citegraph-)"; fi
# as root, for another user: a file of theirs keeps its owner, and no set-user-ID bit; one the
# directory does not let us replace (sticky, as /tmp) is written in place
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
    printf 'theirs\n' > "$tmp/o/theirs"; chown 65534:65534 "$tmp/o/theirs"; chmod 4755 "$tmp/o/theirs"
    expect "stats -o OTHER_USERS_FILE" 0 $cg stats -q -o "$tmp/o/theirs" "$sample"
    if [ "$(stat -c '%u:%g %a' "$tmp/o/theirs")" = "65534:65534 755" ]; then ok
    else bad "stats -o OTHER_USERS_FILE: now $(stat -c '%u:%g %a' "$tmp/o/theirs"), expected 65534:65534 755"; fi
    mkdir -m 1777 "$tmp/sticky"; printf 'shared\n' > "$tmp/sticky/shared"; chmod 666 "$tmp/sticky/shared"
    chmod 755 "$tmp"; cp "$doc" "$tmp/doc.txt"; chmod 644 "$tmp/doc.txt"
    expect "stats -o FILE in a sticky directory" 0 $nobody $cg stats -q -o "$tmp/sticky/shared" "$tmp/doc.txt"
    stdout_lacks "stats -o FILE in a sticky directory" "."
    if grep -q '^nodes' "$tmp/sticky/shared" && [ "$(ls -A "$tmp/sticky")" = shared ]; then ok
    else bad "stats -o FILE in a sticky directory: not written, or a temporary file left"; fi
    printf 'read only\n' > "$tmp/sticky/ro"; chown 65534:65534 "$tmp/sticky/ro"; chmod 444 "$tmp/sticky/ro"
    expect "stats -o WRITE_PROTECTED" 1 $nobody $cg stats -q -o "$tmp/sticky/ro" "$tmp/doc.txt"
    stderr_has "stats -o WRITE_PROTECTED" "cannot write $tmp/sticky/ro: Permission denied"
    if [ "$(cat "$tmp/sticky/ro")" = "read only" ]; then ok; else bad "stats -o WRITE_PROTECTED: replaced"; fi
fi

# ---- path --pairs reports an ID the graph does not have, and exits 1 (it said nothing)
printf '21/1958\t21/284\n21/99999\t21/284\n' > "$tmp/pairs.tsv"
expect "path --pairs with an unknown ID" 1 $cg path -q --pairs "$tmp/pairs.tsv" "$sample"
stderr_has "path --pairs with an unknown ID" "pairs.tsv:2: '21/99999' is not in the graph"
stdout_has "path --pairs with an unknown ID" "^21/1958	21/284	2$"

# ---- a Bundesrat number of the last century is drawn in its year (was "Bundesrat, 2098")
printf 'Vgl. BR-Drs. 640/98 und BR-Drs. 12/25.\n' > "$tmp/br.txt"
expect "graph of BR-Drs. 640/98" 0 $cg graph "$tmp/br.txt"
stdout_has "graph of BR-Drs. 640/98" 'label="Bundesrat, 1998"'
stdout_has "graph of BR-Drs. 12/25" 'label="Bundesrat, 2025"'
stdout_lacks "graph of BR-Drs. 640/98" 'Bundesrat, 2098'

# ---- one option table: the same spellings everywhere, bundles, help per command
expect "graph -f json" 0 $cg graph -f json "$sample"
stdout_has "graph -f json" '"schema":"citegraph-graph/1"'
expect "extract -qj1" 0 $cg extract -qj1 --format tsv "$doc"
stdout_has "extract -qj1" "BT-Drs. 21/843"
expect "stats -qj 1" 0 $cg stats -qj 1 "$sample"
expect "check -qj1" 1 $cg check -qj1 --no-config --fail-on warning "$sample"
expect "-V" 0 $cg -V
stdout_has "-V" "^citegraph [0-9]"
expect "--version" 0 $cg --version
expect "extract --version" 0 $cg extract --version
expect "help cites" 0 $cg help cites
stdout_has "help cites" "Usage: citegraph cites"
stdout_lacks "help cites" "--pairs"
expect "rank --help" 0 $cg rank --help
stdout_has "rank --help" "--by"
stdout_lacks "rank --help" "--around"
expect "path --help" 0 $cg path --help
stdout_has "path --help" "--pairs"
stdout_lacks "path --help" "--by"
expect "help frobnicate" 2 $cg help frobnicate
expect "graph --catalog" 0 $cg graph --catalog "$sample/index.tsv" -f json "$sample"
expect "graph --metadata" 0 $cg graph --metadata "$sample/index.tsv" -f json "$sample"
expect "check --metadata" 2 $cg check --metadata "$sample/index.tsv" "$sample"
stderr_has "check --metadata" "unknown option '--metadata'"
# repeated list options replace each other without leaking (the sanitizer build checks)
expect "extract --ext twice" 0 $cg extract -q --ext .md --ext .txt --format tsv "$sample"

# ---- a config or baseline that cannot be opened is named with its reason, without a line
# and column (jansson has none for a file it could not open: they read 18446744073709551615)
for opt in --config --baseline; do
    expect "check $opt missing.json" 2 $cg check -q $opt "$tmp/missing.json" "$doc"
    stderr_has "check $opt missing.json" "citegraph: error: $tmp/missing.json: cannot open: No such file or directory"
done
expect "check --config DIR" 2 $cg check -q --config "$tmp" "$doc"
stderr_has "check --config DIR" "citegraph: error: $tmp: cannot open: Is a directory"
printf '{"rules": {' > "$tmp/cut.json"
expect "check --config cut.json" 2 $cg check -q --config "$tmp/cut.json" "$doc"
stderr_has "check --config cut.json" "$tmp/cut.json:1:11: string or '}' expected near end of file"

# ---- out of memory has its own status, 3, and is named
if [ -n "$failmalloc" ] && [ -f "$failmalloc" ]; then
    awk 'BEGIN { for (i = 0; i < 60000; i++) print "Siehe Drucksache 21/" i + 1 "." }' > "$tmp/big.txt"
    for args in "extract $tmp/big.txt" "check --no-config $tmp/big.txt" "graph $tmp/big.txt" \
        "stats $tmp/big.txt"; do
        expect "$args, out of memory" 3 env LD_PRELOAD="$failmalloc" CG_FAIL_ALLOC_ABOVE=1000000 \
            $cg $args
        stderr_has "$args, out of memory" "$tmp/big.txt: out of memory"
        # said once, with the file, not again as the run ends
        n=$(grep -c "out of memory" "$tmp/err")
        if [ "$n" -eq 1 ]; then ok; else bad "$args, out of memory: said $n times"; fi
    done
fi

echo "failures: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
