#!/usr/bin/env python3
"""Checks citegraph's extraction against a corpus's own metadata.

Usage: tools/corpus_report.py [--citegraph PATH] [--show N] CORPUS_DIR

CORPUS_DIR holds the documents and, as in the DIP corpus this project was
built on, an index.tsv (file, herausgeber, dokumentnummer, ...) and an
answer-pairs.tsv (antwort_file, antwort_nr, anfrage_art, anfrage_nr_from_header,
...). The report gives:
  - how many documents' own ids were found, compared with index.tsv;
  - how many Antwort -> Anfrage pairs came out as `answers` references with
    the right target;
  - the number of references by kind, and any read failures.
Exit status 1 when a figure misses the target given with --min-id/--min-pairs.
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys


def canonical(herausgeber, nummer):
    """The canonical id for a DIP dokumentnummer, as citegraph writes it."""
    if herausgeber == "BT":
        m = re.fullmatch(r"(\d+)/(\d+)(?:\s*\(neu\))?", nummer)
        return f"BT-Drs. {int(m.group(1))}/{int(m.group(2))}" if m else None
    m = re.fullmatch(r"(zu )?(\d+)/(?:(\d+)/)?(\d{2})((?:\((?:B|neu|\d)\))*)", nummer)
    if not m:
        return None
    zu, nr, part, yy, sfx = m.groups()
    return "BR-Drs. {}{}/{}{}{}".format(zu or "", int(nr), f"{int(part)}/" if part else "",
                                        yy, sfx or "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--citegraph", default=os.path.join(os.path.dirname(__file__), "..", "build", "citegraph"))
    ap.add_argument("--show", type=int, default=10, help="misses to list per figure")
    ap.add_argument("--min-id", type=float, default=0.0)
    ap.add_argument("--min-pairs", type=int, default=0)
    args = ap.parse_args()

    proc = subprocess.run([args.citegraph, "extract", "-q", args.corpus], capture_output=True)
    docs, answers, kinds, errors = {}, collections.defaultdict(list), collections.Counter(), []
    flags = collections.Counter()
    for line in proc.stdout.decode("utf-8").splitlines():
        o = json.loads(line)
        if o["type"] == "document":
            name = os.path.basename(o["file"])
            docs[name] = o
            if o["error"]:
                errors.append((name, o["error"]))
        elif o["type"] == "reference":
            kinds[o["kind"]] += 1
            if o["ambiguous"]:
                flags["ambiguous"] += 1
            if o["malformed"]:
                flags["malformed"] += 1
            if o["relation"] == "answers":
                answers[os.path.basename(o["file"])].append(o["target"])

    index_path = os.path.join(args.corpus, "index.tsv")
    ok = True
    if os.path.exists(index_path):
        with open(index_path, encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        found, misses = 0, []
        for r in rows:
            want = canonical(r["herausgeber"], r["dokumentnummer"])
            got = docs.get(r["file"], {}).get("doc")
            if got == want:
                found += 1
            else:
                misses.append((r["file"], want, got))
        share = found / len(rows) if rows else 0
        print(f"own id: {found} of {len(rows)} documents ({share:.2%})")
        for m in misses[: args.show]:
            print(f"  miss: {m[0]}: expected {m[1]}, got {m[2]}")
        ok &= share >= args.min_id

    pairs_path = os.path.join(args.corpus, "answer-pairs.tsv")
    if os.path.exists(pairs_path):
        with open(pairs_path, encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        hit, misses = 0, []
        for r in rows:
            want = canonical("BT", r["anfrage_nr_from_header"])
            got = answers.get(r["antwort_file"], [])
            if want in got:
                hit += 1
            else:
                misses.append((r["antwort_file"], want, got))
        print(f"answers: {hit} of {len(rows)} Antwort -> Anfrage pairs found")
        for m in misses[: args.show]:
            print(f"  miss: {m[0]}: expected {m[1]}, got {m[2]}")
        ok &= hit >= args.min_pairs

    print(f"documents: {len(docs)}, read failures: {len(errors)}, exit status {proc.returncode}")
    for name, err in errors[: args.show]:
        print(f"  failed: {name}: {err}")
    print("references by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("flagged: " + ", ".join(f"{k} {v}" for k, v in sorted(flags.items())))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
