#!/bin/sh
# Bad input, catalogued: `citegraph extract DIR` on a directory of files that
# are broken in every way we know (see README.md for the messages).
#
# Usage: run_badinput.sh CITEGRAPH [BIG_MB]
#   BIG_MB: size of the single-line file in MB (default 100).
#
# Checks, for every bad file, the message on stderr that names it; the exit
# status (1: some input could not be read); that stdout has a JSON Lines
# document line (with "error" for unreadable files) per file; that the
# references of the good file and of the readable bad ones (CRLF, Latin-1,
# NUL bytes, invalid UTF-8, the long line) are still found; and that
# citegraph neither blocks on a FIFO nor follows a symlink loop.
set -u
cg=$1
big_mb=${2:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
d=$tmp/docs
mkdir "$d"
. "$(dirname "$0")/../lib/testlib.sh" # pass, fail, ok, bad

# ---- the files
printf 'Deutscher Bundestag\nDrucksache 21/126\n\nVgl. die Antwort auf Drucksache 19/5954.\n' > "$d/good.txt"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000\076\000' > "$d/elf.txt"
i=0
while [ $i -lt 200 ]; do printf 'ab\000\001\002\003\004\005\006\007' ; i=$((i + 1)); done > "$d/nonttext.txt"
: > "$d/empty.txt"
printf 'Siehe BR-Drs. 103/1/25\000und Drucksache 20/1234.\n' > "$d/nul.txt"
printf 'Drucksache 19/5954 f\374r die Bundesregierung\n' > "$d/latin1.txt"
printf 'Bezug: BT-Drs. 20/100 \303\050 \240\241 Ende\n' > "$d/badutf8.txt"
printf 'Zeile eins\r\nVgl. Drucksache 20/5678\r\nEnde\r\n' > "$d/crlf.txt"
# One line of BIG_MB MB (words, no newline), then a reference and the only newline.
yes 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.' | tr '\n' ' ' |
    head -c $((big_mb * 1000 * 1000)) > "$d/longline.txt"
printf ' Vgl. Drucksache 19/4242.\n' >> "$d/longline.txt"
ln -s loop-b.txt "$d/loop-a.txt"
ln -s loop-a.txt "$d/loop-b.txt"
ln -s does-not-exist.txt "$d/dangling.txt"
mkfifo "$d/fifo.txt" || { echo "mkfifo failed" >&2; exit 1; }

# ---- the run; `timeout` (when there is one) turns a hang on the FIFO into a failure
to=""
command -v timeout >/dev/null 2>&1 && to="timeout 300"
$to "$cg" extract "$d" > "$tmp/out" 2> "$tmp/err"
rc=$?
if [ $rc -eq 124 ]; then
    bad "citegraph extract timed out (blocked on the FIFO?)"
elif [ $rc -eq 1 ]; then ok; else bad "exit status $rc, expected 1"; fi

# (not testlib.sh's stderr_has and stderr_lacks: these take a file of $d)
stderr_has() { # FILE MESSAGE: a line "citegraph: LEVEL: DIR/FILE: MESSAGE..."
    if grep -F -- "$d/$1: $2" "$tmp/err" >/dev/null; then ok
    else bad "stderr lacks '$d/$1: $2'"; fi
}
stderr_lacks() {
    if grep -F -- "$d/$1" "$tmp/err" >/dev/null; then bad "stderr names $1: $(grep -F -- "$d/$1" "$tmp/err")"
    else ok; fi
}
found() { # FILE TARGET: a reference line for FILE with that target
    if grep -F "\"type\":\"reference\",\"file\":\"$d/$1\"" "$tmp/out" |
        grep -F "\"target\":\"$2\"" >/dev/null; then ok
    else bad "stdout lacks the reference $2 of $1"; fi
}
doc_error() { # FILE: its document line carries an error
    if grep -F "\"type\":\"document\",\"file\":\"$d/$1\"" "$tmp/out" |
        grep -v '"error":null' >/dev/null; then ok
    else bad "stdout lacks a document line with an error for $1"; fi
}

E="citegraph: error:"
W="citegraph: warning:"
stderr_has elf.txt "is not a text document: an executable"
stderr_has nonttext.txt "is not a text document: binary data (NUL bytes)"
stderr_has empty.txt "is empty"
stderr_has nul.txt "contains 1 NUL byte (first at line 1, column 23); read as a space"
stderr_has latin1.txt "is not valid UTF-8 (1 invalid byte, first at line 1, column 21); read as Windows-1252"
stderr_has badutf8.txt "is not valid UTF-8 (3 invalid bytes, first at line 1, column 23); read as Windows-1252"
stderr_has longline.txt "has 1 line longer than 1048576 bytes (line 1 has "
stderr_has loop-a.txt "is a symbolic link loop"
stderr_has loop-b.txt "is a symbolic link loop"
stderr_has dangling.txt "is a dangling symbolic link"
stderr_has fifo.txt "is not a regular file (a FIFO)"
stderr_lacks good.txt
stderr_lacks crlf.txt
# errors and warnings at their level
for f in elf nonttext loop-a loop-b dangling fifo; do
    if grep -F -- "$E $d/$f.txt: " "$tmp/err" >/dev/null; then ok; else bad "$f.txt: not an error"; fi
    doc_error "$f.txt"
done
for f in empty nul latin1 badutf8 longline; do
    if grep -F -- "$W $d/$f.txt: " "$tmp/err" >/dev/null; then ok; else bad "$f.txt: not a warning"; fi
done
if grep -F -- "$E 6 of 13 files could not be processed" "$tmp/err" >/dev/null; then ok
else bad "stderr lacks the count '6 of 13 files could not be processed'"; fi

found good.txt "BT-Drs. 19/5954"
found crlf.txt "BT-Drs. 20/5678"
found latin1.txt "BT-Drs. 19/5954"
found nul.txt "BR-Drs. 103/1/25"
found nul.txt "BT-Drs. 20/1234"
found badutf8.txt "BT-Drs. 20/100"
found longline.txt "BT-Drs. 19/4242"
if grep -F '"type":"summary","files":13,"failed":6,' "$tmp/out" >/dev/null; then ok
else bad "summary line: $(grep -F '"type":"summary"' "$tmp/out")"; fi
# CRLF: the position is in the original bytes (line 2, column 6)
if grep -F "\"file\":\"$d/crlf.txt\"" "$tmp/out" | grep -F '"line":2,"col":6,' >/dev/null; then ok
else bad "crlf.txt: reference not at line 2, column 6"; fi

# ---- a FIFO, a loop and a dangling link named on the command line
for f in fifo loop-a dangling; do
    $to "$cg" extract "$d/$f.txt" > "$tmp/out1" 2> "$tmp/err1"
    rc=$?
    if [ $rc -eq 1 ]; then ok; else bad "extract $f.txt: exit status $rc, expected 1"; fi
    if grep -F -- "$E $d/$f.txt: " "$tmp/err1" >/dev/null; then ok; else bad "extract $f.txt: no error naming it"; fi
done

echo "badinput: $pass passed, $fail failed"
[ $fail -eq 0 ]
