#!/bin/sh
# Bad PDFs: each gets a clear message that names the file, or a correct
# result; never a crash or a hang; and the other files are still processed.
# The fixtures and how they were made: bad/README.md.
#
# Usage: bad_pdf_test.sh CITEGRAPH FIXTURE_DIR
#   FIXTURE_DIR: tests/pdf/bad. Every command runs under `timeout`
#   (CG_TEST_TIMEOUT seconds, default 60), so that a hang fails the test.
#   Exits 77 (skipped) when this citegraph was built without poppler.
set -eu
cg=$1
fix=$2
limit=${CG_TEST_TIMEOUT:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/testlib.sh" # pass, fail, ok, bad, stdout_has, stdout_lacks, stderr_has

# run NAME "STATUS..." COMMAND...: runs COMMAND under timeout with stdout and
# stderr to $tmp/out and $tmp/err; its status must be one of STATUS. (Not
# testlib's expect: under set -e a failing command there would end the script.)
run() {
    name=$1; want=$2; shift 2
    got=0
    timeout -k 10 "$limit" "$@" > "$tmp/out" 2> "$tmp/err" || got=$?
    if [ "$got" -eq 124 ]; then
        bad "$name: no result after ${limit}s (a hang?)"
    elif [ "$got" -ge 128 ]; then
        bad "$name: killed by signal $((got - 128)) (a crash?)"; cat "$tmp/err" >&2
    else
        case " $want " in
        *" $got "*) ok ;;
        *) bad "$name: exit status $got, expected $want"; cat "$tmp/err" >&2 ;;
        esac
    fi
}
# fixed strings, not patterns: the paths are in them
out_has() { if grep -qF -- "$2" "$tmp/out"; then ok; else bad "$1: stdout lacks '$2'"; fi; }
err_has() { if grep -qF -- "$2" "$tmp/err"; then ok; else bad "$1: stderr lacks '$2'"; cat "$tmp/err" >&2; fi; }
err_empty() { if [ ! -s "$tmp/err" ]; then ok; else bad "$1: stderr not empty"; cat "$tmp/err" >&2; fi; }
# docline FILE: the JSON Lines document line of FILE in $tmp/out
docline() { grep -F "\"type\":\"document\",\"file\":\"$1\"" "$tmp/out" || true; }
# doc_error NAME FILE: FILE has exactly one document line, its "error" a string
doc_error() {
    l=$(docline "$2")
    if [ "$(printf '%s\n' "$l" | grep -c '"error":"[^"]' || true)" -eq 1 ]; then ok
    else bad "$1: no document line for $2 with an error (got: ${l:-nothing})"; fi
}
# doc_ok NAME FILE: FILE has exactly one document line, with "error":null
doc_ok() {
    l=$(docline "$2")
    if [ "$(printf '%s\n' "$l" | grep -c '"error":null' || true)" -eq 1 ]; then ok
    else bad "$1: no document line for $2 without an error (got: ${l:-nothing})"; fi
}
# the reference line of text.pdf's one reference, and its checks
ref_line() { grep -F '"type":"reference"' "$tmp/out" | grep -F "\"file\":\"$1\"" |
    grep -F '"target":"BT-Drs. 19/5954"' || true; }
ref_has() { if printf '%s\n' "$ref" | grep -qF -- "$2"; then ok; else bad "$1: reference line lacks '$2' (got: ${ref:-nothing})"; fi; }

# ---- the fixtures, copied: the messages name them by these paths
in=$tmp/pdf
mkdir "$in"
for f in text encrypted truncated damaged scanned empty manypages; do
    if [ ! -f "$fix/$f.pdf" ]; then echo "bad_pdf_test: $fix/$f.pdf is missing" >&2; exit 2; fi
    cp "$fix/$f.pdf" "$in/"
done
t=$in/text.pdf
# the fixture is what its name says (the test machine need not have qpdf)
if grep -q '/Encrypt' "$in/encrypted.pdf"; then ok; else bad "encrypted.pdf is not encrypted"; fi

# ---- text.pdf: two pages, the reference on page 2, running heads and page numbers
timeout -k 10 "$limit" "$cg" extract "$t" > /dev/null 2> "$tmp/err" || true
if grep -qE 'built without PDF support|poppler could not be loaded' "$tmp/err"; then
    echo "SKIP: this citegraph reads no PDF: $(head -1 "$tmp/err")"; exit 77
fi
run text 0 "$cg" extract "$t"
err_empty text
doc_ok text "$t"
if docline "$t" | grep -qF '"doc":"BT-Drs. 19/9999"'; then ok
else bad "text: the running head's number is not the document's own id: $(docline "$t")"; fi
if docline "$t" | grep -qF '"references":1,'; then ok; else bad "text: not exactly 1 reference"; fi
ref=$(ref_line "$t")
if [ "$(printf '%s\n' "$ref" | grep -c . || true)" -eq 1 ]; then ok
else bad "text: not one reference line for BT-Drs. 19/5954"; fi
ref_has text '"page":2,'
ref_has text '"page_line":4,'
ref_has text '"line":14,'
ref_has text '"col":7,'
ref_has text '"locator":"Frage 2"'
ref_has text '"kind":"bt_drucksache"'
ref_has text '"text":"BT-Drucksache 19/5954"'
# the running head is the document's own number, never a reference, on no page
stdout_lacks text '"target":"BT-Drs. 19/9999"'
stdout_has text '"type":"summary","files":1,"failed":0,"references":1,'
# the text read from the pages: the header once, then no running head, no page number
run text-format 0 "$cg" extract -f text "$t"
err_empty text-format
out_has text-format "siehe BT-Drucksache 19/5954, Antwort zu Frage 2"
out_has text-format "Prüffragen für die Testdaten" # WinAnsi read as UTF-8
if [ "$(grep -c 'Drucksache 19/9999' "$tmp/out" || true)" -eq 1 ] &&
    sed -n 3p "$tmp/out" | grep -qx 'Drucksache 19/9999'; then ok
else bad "text-format: 'Drucksache 19/9999' not once, in the header (line 3)"; cat "$tmp/out" >&2; fi
if sed -n '/^1\. Welche/,$p' "$tmp/out" | grep -q 'Drucksache 19/9999'; then
    bad "text-format: page 2's running head is in the text"; else ok; fi
if grep -qE '^[[:space:]]*(–|-)?[[:space:]]*[0-9]+[[:space:]]*(–|-)?[[:space:]]*$' "$tmp/out"; then
    bad "text-format: a page number line is in the text"; cat "$tmp/out" >&2; else ok; fi
if [ "$(grep -c . "$tmp/out" || true)" -eq 15 ]; then ok
else bad "text-format: $(grep -c . "$tmp/out" || true) lines, expected 15 (10 + 5 body lines)"; fi
run text-tsv 0 "$cg" extract -f tsv "$t"
out_has text-tsv "$t	14	bt_drucksache	BT-Drs. 19/5954	Frage 2	cites"
# a PDF on standard input
run text-stdin 0 sh -c 'exec "$1" extract -f tsv - < "$2"' sh "$cg" "$t"
out_has text-stdin "-	14	bt_drucksache	BT-Drs. 19/5954	Frage 2	cites"

# ---- encrypted.pdf: refused, the file named, the password said
e=$in/encrypted.pdf
run encrypted 1 "$cg" extract "$e"
err_has encrypted "citegraph: error: $e: "
if grep -F "$e: " "$tmp/err" | grep -i 'encrypted' | grep -qi 'password'; then ok
else bad "encrypted: the message does not say encrypted and password"; cat "$tmp/err" >&2; fi
doc_error encrypted "$e"

# ---- damaged.pdf and truncated.pdf: no crash; when refused, named
for f in damaged truncated; do
    p=$in/$f.pdf
    run "$f" "0 1" "$cg" extract "$p"
    if [ "$got" -eq 1 ]; then
        err_has "$f" "citegraph: error: $p: "
        doc_error "$f" "$p"
    elif [ "$got" -eq 0 ]; then
        doc_ok "$f" "$p"
    fi
    # next to text.pdf: text.pdf's reference is still found
    run "$f+text" "0 1" "$cg" extract "$p" "$t"
    ref=$(ref_line "$t")
    ref_has "$f+text" '"page":2,'
    doc_ok "$f+text" "$t"
    out_has "$f+text" '"type":"summary","files":2,'
    if [ "$got" -eq 1 ]; then err_has "$f+text" "citegraph: error: $p: "; fi
done
# a download cut just before its %%EOF: poppler repairs it without a word, as it did a real
# Drucksache cut at 70 % whose text of one page in five survived; the file is read, and a
# warning says that pages may be missing
size=$(wc -c < "$t")
head -c $((size - 7)) "$t" > "$tmp/cut.pdf"
run "cut short" 0 "$cg" extract "$tmp/cut.pdf"
err_has "cut short" "citegraph: warning: $tmp/cut.pdf: does not end as a PDF does (no %%EOF in its last 1024 bytes): cut short?"
out_has "cut short" '"warnings":["does not end as a PDF does'
run "whole" 0 "$cg" extract "$t"
err_empty "whole"
# damaged.pdf cannot be read: the exact status, and text.pdf not reported as failed
run damaged+text-status 1 "$cg" extract "$in/damaged.pdf" "$t"
err_has damaged+text-status "citegraph: error: 1 of 2 files could not be processed"
if grep -qF "$t" "$tmp/err"; then bad "damaged+text-status: text.pdf named on stderr"; else ok; fi

# ---- scanned.pdf: an image, no text layer: OCR first
s=$in/scanned.pdf
run scanned 1 "$cg" extract "$s"
err_has scanned "citegraph: error: $s: "
if grep -F "$s: " "$tmp/err" | grep -i 'text layer' | grep -q 'OCR'; then ok
else bad "scanned: the message does not say no text layer and OCR"; cat "$tmp/err" >&2; fi
doc_error scanned "$s"

# ---- empty.pdf: a page with nothing on it: no text, and no talk of a scan
m=$in/empty.pdf
run empty 1 "$cg" extract "$m"
err_has empty "citegraph: error: $m: "
if grep -F "$m: " "$tmp/err" | grep -qiE 'without text|no text'; then ok
else bad "empty: the message does not say the PDF has no text"; cat "$tmp/err" >&2; fi
if grep -qE 'OCR|scan' "$tmp/err"; then bad "empty: a blank page is called a scan"; else ok; fi
doc_error empty "$m"

# ---- numbers-only.pdf: text, but only page numbers: as good as none
# (read from the fixture directory, so that the run over all files below is unchanged)
n=$fix/numbers-only.pdf
run numbers-only 1 "$cg" extract "$n"
err_has numbers-only "citegraph: error: $n: is a PDF without text besides page numbers and running heads"
doc_error numbers-only "$n"

# ---- manylinks.pdf: 400 link annotations of a 30,000-byte address over 40,000 "w":
# read in about the time pdftotext takes (the timeout fails a hang), no link matched
run manylinks 0 "$cg" extract "$fix/manylinks.pdf"
out_has manylinks '"type":"summary","files":1,"failed":0,"references":0,'

# ---- manypages.pdf: 12 pages, all read, the reference on the last one
run manypages 0 "$cg" extract "$in/manypages.pdf"
err_empty manypages
if grep -F '"target":"BT-Drs. 19/1212"' "$tmp/out" | grep -F '"page":12,' | grep -qF '"page_line":3,'; then ok
else bad "manypages: no reference to BT-Drs. 19/1212 on page 12, line 3"; fi
run manypages-text 0 "$cg" extract -f text "$in/manypages.pdf"
if [ "$(grep -c '^Seite [0-9]* von 12 des Dokuments' "$tmp/out" || true)" -eq 12 ]; then ok
else bad "manypages-text: not the text of all 12 pages"; fi

# ---- all of them at once, in a directory: every file has its document line,
# every failed one with its error; the same output whatever the threads
run all-j1 1 "$cg" extract -j 1 --ext .pdf "$in"
cp "$tmp/out" "$tmp/all1.out"; cp "$tmp/err" "$tmp/all1.err"
for f in encrypted scanned empty damaged; do
    doc_error "all-$f" "$in/$f.pdf"
    err_has "all-$f" "citegraph: error: $in/$f.pdf: "
done
doc_ok all-text "$t"
doc_ok all-manypages "$in/manypages.pdf"
if [ "$(grep -c '"type":"document"' "$tmp/out" || true)" -eq 7 ]; then ok
else bad "all: not 7 document lines"; fi
# the failed count of the summary is the number of document lines with an error
nerr=$(grep -c '"type":"document".*"error":"' "$tmp/out" || true)
out_has all "\"type\":\"summary\",\"files\":7,\"failed\":$nerr,"
err_has all "citegraph: error: $nerr of 7 files could not be processed"
ref=$(ref_line "$t")
ref_has all '"page":2,'
run all-j4 1 "$cg" extract -j 4 --ext .pdf "$in"
if cmp -s "$tmp/out" "$tmp/all1.out" && cmp -s "$tmp/err" "$tmp/all1.err"; then ok
else bad "all: -j 4 differs from -j 1"; fi

# ---- check: positions in a PDF as FILE:pPAGE:LINE:COL
run check 0 "$cg" check --no-config "$t"
out_has check "$t:p2:4:7: warning: BT-Drs. 19/5954 is neither in the corpus nor in a catalog"
run check-json 0 "$cg" check --no-config -f json "$t"
out_has check-json '"page": 2,'
out_has check-json '"page_line": 4,'
# bad files next to it: named, the others still checked; status 4 (input not read)
run check-all 4 "$cg" check --no-config "$t" "$e" "$s" "$m" "$in/damaged.pdf"
out_has check-all "$t:p2:4:7: warning: BT-Drs. 19/5954"
for f in "$e" "$s" "$m" "$in/damaged.pdf"; do err_has check-all "citegraph: error: $f: "; done
run check-all-json 4 "$cg" check --no-config -f json "$t" "$e" "$s" "$m" "$in/damaged.pdf"
for f in "$e" "$s" "$m" "$in/damaged.pdf"; do out_has check-all-json "\"file\": \"$f\","; done
out_has check-all-json '"inputs_not_checked": 4,'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
