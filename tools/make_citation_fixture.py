#!/usr/bin/python3
"""Writes the citation edges of a corpus as a compact JSON Lines fixture, gzipped.

Usage: tools/make_citation_fixture.py [--citegraph BIN] -o OUT.jsonl.gz PATH...

Builds the graph of PATH... with `citegraph graph --format json` and writes one
reference line per citation edge (cites and answers; part_of and questions are left
out: the fixture is the document-level citation graph), with only the fields
citegraph's JSON Lines reader needs: file (the citing id, so that every citing
document is one input), doc, target, relation, after a document line {type, file,
doc} of the citing document (without it the reader keeps no edge). Lines are sorted, and gzip's header
carries no time or name, so the same corpus gives the same bytes. Then it reads the
fixture back with citegraph and checks that it gives the same citation edges.
tests/mainpath/PROVENANCE.md says which corpus made the bundled fixture.
"""
import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile


def graph_json(cg, paths):
    p = subprocess.run([cg, "graph", "-q", "--format", "json", *paths], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"make_citation_fixture: citegraph graph failed: {p.stderr.strip()}")
    return json.loads(p.stdout)


def citations(data):
    return sorted({(l["source"], l["target"], l["relation"]) for l in data["links"] if l["relation"] != "part_of"})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--citegraph", default=os.path.join(os.path.dirname(__file__), "..", "build", "citegraph"))
    a = ap.parse_args()
    edges = citations(graph_json(a.citegraph, a.paths))
    def line(o):
        return json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n"

    out = []
    for i, (s, t, r) in enumerate(edges):
        if i == 0 or edges[i - 1][0] != s:  # the citing document's line, then its references
            out.append(line({"type": "document", "file": s, "doc": s}))
        out.append(line({"type": "reference", "file": s, "doc": s, "target": t, "relation": r}))
    text = "".join(out)
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as z:
        z.write(text.encode("utf-8"))
    with open(a.output, "wb") as f:
        f.write(raw.getvalue())
    with tempfile.TemporaryDirectory() as tmp:
        plain = os.path.join(tmp, "citations.jsonl")
        with open(plain, "w", encoding="utf-8") as f:
            f.write(text)
        back = citations(graph_json(a.citegraph, [plain]))
    if back != edges:
        sys.exit(f"make_citation_fixture: read back, the fixture gives {len(back)} edges, not {len(edges)}")
    print(f"{a.output}: {len(edges)} citation edges, {len(raw.getvalue())} bytes")


if __name__ == "__main__":
    main()
