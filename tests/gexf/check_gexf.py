#!/usr/bin/env python3
"""The GEXF export against the official GEXF 1.3 schema and networkx.

Usage: check_gexf.py CITEGRAPH SAMPLE_DIR SCHEMA_DIR

1. The sample corpus (with --questions and its catalog) as GEXF and as
   JSON: the GEXF is well-formed (xmllint --noout) and valid against the
   official GEXF 1.3 RELAX NG grammar (SCHEMA_DIR, see PROVENANCE.md).
2. networkx reads it: nodes, edges, typed attributes and dates agree with
   the JSON export, and every age is recomputed here from the two dates.
3. A fixture made here (file names and titles with markup characters,
   quotes, tab, line feed, control characters, U+FFFE, invalid UTF-8):
   well-formed, valid, and read back with the same texts, the forbidden
   characters as U+FFFD.

networkx 2.8.8 (Debian 12) knows the GEXF namespaces 1.1draft and
1.2draft only, and finds no <graph> in a file of the 1.3 namespace
(http://gexf.net/1.3): the test registers 1.3 with the reader, whose
logic for 1.2 (attributes, start/end, spells) is the logic of 1.3 for
what citegraph writes. Exit 77 (skipped) without networkx or xmllint.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    from networkx.readwrite import gexf as nx_gexf
except ImportError:
    print("check_gexf: networkx is not installed: skipped")
    sys.exit(77)
if not shutil.which("xmllint"):
    print("check_gexf: xmllint (libxml2-utils) is not installed: skipped")
    sys.exit(77)

CG, SAMPLE, SCHEMA = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(args, cwd=None):
    r = subprocess.run(args, cwd=cwd, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"check_gexf: {' '.join(args)}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def validate(path):
    r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{path} is not well-formed XML: {r.stderr[:500]}")
        return
    r = subprocess.run(["xmllint", "--noout", "--relaxng", os.path.join(SCHEMA, "gexf.rng"), path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{path} is not valid GEXF 1.3: {r.stderr[:500]}")


def read_gexf(path):
    if "1.3" not in nx_gexf.GEXF.versions:
        nx_gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    return nx.read_gexf(path, version="1.3")


def day(iso):
    try:
        return datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return None


# Bundestag Wahlperioden by the day of their constituent sitting (as
# src/graph/age.c), to check crosses_wahlperiode independently.
WP_START = ["1949-09-07", "1953-10-06", "1957-10-15", "1961-10-17", "1965-10-19", "1969-10-20",
            "1972-12-13", "1976-12-14", "1980-11-04", "1983-03-29", "1987-02-18", "1990-12-20",
            "1994-11-10", "1998-10-26", "2002-10-17", "2005-10-18", "2009-10-27", "2013-10-22",
            "2017-10-24", "2021-10-26", "2025-03-25"]


def sample_corpus(tmp):
    parent, name = os.path.split(os.path.abspath(SAMPLE))
    args = ["graph", "-q", "--questions", "--catalog", os.path.join(name, "index.tsv"), name]
    gexf_path = os.path.join(tmp, "sample.gexf")
    with open(gexf_path, "wb") as f:
        f.write(run([CG] + args[:1] + ["-f", "gexf"] + args[1:], cwd=parent))
    data = json.loads(run([CG] + args[:1] + ["-f", "json"] + args[1:], cwd=parent))
    # -o FILE.gexf chooses the format by itself, the same bytes
    other = os.path.join(tmp, "by-ending.gexf")
    run([CG] + args + ["-o", other], cwd=parent)
    with open(gexf_path, "rb") as a, open(other, "rb") as b:
        if a.read() != b.read():
            fail("-o FILE.gexf does not write what --format gexf writes")
    validate(gexf_path)
    g = read_gexf(gexf_path)
    if g.graph.get("mode") != "dynamic":
        fail(f"mode is {g.graph.get('mode')!r}, not dynamic")
    if not g.is_directed():
        fail("the graph is not directed")

    nodes = {n["id"]: n for n in data["nodes"]}
    if set(g.nodes) != set(nodes):
        fail(f"nodes differ: {sorted(set(g.nodes) ^ set(nodes))[:5]}")

    def time_of(node_id):
        n = nodes[node_id]
        if n["kind"] == "question":
            n = nodes[n["parent"]]
        return n["date"] if day(n["date"]) else None

    def wp_of(node_id):
        n = nodes[node_id]
        if n["kind"] == "question":
            n = nodes[n["parent"]]
        if n["issuer"] == "BT" and n["wahlperiode"]:
            return n["wahlperiode"]
        t = time_of(node_id)
        return sum(1 for s in WP_START if s <= t) if t else 0

    starts = 0
    for node_id, attrs in g.nodes(data=True):
        n = nodes[node_id]
        want = time_of(node_id)
        if attrs.get("start") != want:
            fail(f"{node_id}: start {attrs.get('start')!r}, expected {want!r}")
        starts += want is not None
        if attrs.get("label") != node_id:
            fail(f"{node_id}: label {attrs.get('label')!r}")
        if attrs.get("in_corpus") is not n["in_corpus"]:
            fail(f"{node_id}: in_corpus {attrs.get('in_corpus')!r}")
        for key in ("kind", "file", "number", "issuer", "type", "date", "title", "url", "parent"):
            if attrs.get(key) != n[key]:
                fail(f"{node_id}: {key} {attrs.get(key)!r}, JSON {n[key]!r}")
        if attrs.get("wahlperiode") != n["wahlperiode"]:
            fail(f"{node_id}: wahlperiode {attrs.get('wahlperiode')!r}, JSON {n['wahlperiode']!r}")
        bwp = wp_of(node_id) or None
        if attrs.get("bundestag_wahlperiode") != bwp:
            fail(f"{node_id}: bundestag_wahlperiode {attrs.get('bundestag_wahlperiode')!r}, "
                 f"expected {bwp!r}")
        names = "; ".join(a["name"] for a in n["urheber"]) or None
        if attrs.get("urheber") != names:
            fail(f"{node_id}: urheber {attrs.get('urheber')!r}")
    if starts < len(nodes) // 3:
        fail(f"only {starts} of {len(nodes)} nodes have a start")

    links = {(l["source"], l["target"]): l for l in data["links"]}
    if set(g.edges) != set(links):
        fail(f"edges differ: {sorted(set(g.edges) ^ set(links))[:5]}")
    aged = crossing = 0
    for s, t, attrs in g.edges(data=True):
        link = links[(s, t)]
        if attrs.get("relation") != link["relation"]:
            fail(f"{s} -> {t}: relation {attrs.get('relation')!r}")
        if attrs.get("count") != link["count"] or attrs.get("weight") != float(link["count"]):
            fail(f"{s} -> {t}: count {attrs.get('count')!r} weight {attrs.get('weight')!r}")
        if attrs.get("locators") != ("; ".join(link["locators"]) or None):
            fail(f"{s} -> {t}: locators {attrs.get('locators')!r}")
        if attrs.get("start") != time_of(s):
            fail(f"{s} -> {t}: start {attrs.get('start')!r}, expected {time_of(s)!r}")
        # the age from the two dates, here; JSON and GEXF must agree with it
        a, b = day(time_of(s)), day(time_of(t))
        want = (a - b).days if a and b and link["relation"] != "part_of" else None
        if link["age_days"] != want or attrs.get("age_days") != want:
            fail(f"{s} -> {t}: age_days JSON {link['age_days']!r}, GEXF "
                 f"{attrs.get('age_days')!r}, expected {want!r}")
        if want is not None:
            aged += 1
            if abs(attrs.get("age_years", 1e9) - want / 365.2425) > 0.0005:
                fail(f"{s} -> {t}: age_years {attrs.get('age_years')!r}")
        cw, dw = wp_of(s), wp_of(t)
        cross = None if link["relation"] == "part_of" or not cw or not dw else cw != dw
        if attrs.get("crosses_wahlperiode") != cross:
            fail(f"{s} -> {t}: crosses_wahlperiode {attrs.get('crosses_wahlperiode')!r}, "
                 f"expected {cross!r}")
        crossing += bool(cross)
    if aged < 20 or crossing < 5:
        fail(f"the sample has only {aged} aged and {crossing} crossing edges: fixture changed?")
    print(f"check_gexf: sample: {len(nodes)} nodes ({starts} with a start), {len(links)} edges "
          f"({aged} with an age, {crossing} crossing a Wahlperiode)")


# ---- escaping ----

HEADER = ("Deutscher Bundestag Drucksache 21/{n}\n21. Wahlperiode 02.10.2025\nAntwort \n"
          "der Bundesregierung \nauf die Kleine Anfrage der Abgeordneten X\n"
          "\u2013 Drucksache 21/9 \u2013\n")
# A title with what XML must escape, and what XML 1.0 forbids: U+0001,
# U+001F, U+FFFE, and bytes that are no UTF-8.
ODD_TITLE = 'A & B <c> "d" \'e\' ]]> \x01 \x1f \ufffe tab\tend \U0001F600'.encode() + b" \xff\xfe z"
# JSON Lines can carry what a text file's header cannot: tab, line feed and
# control characters inside a title, and a file name with markup in it.
ODD_FILE = 'odd &<"name>\'.txt'
ODD_JSON_TITLE = 'line1\nline2\ttab\r\x02 & <x> "q"'


def escaping(tmp):
    corpus = os.path.join(tmp, "odd")
    os.mkdir(corpus)
    with open(os.path.join(corpus, "a.txt"), "wb") as f:
        f.write(HEADER.format(n=1).encode() + ODD_TITLE + b"\nText, vgl. Drucksache 21/2.\n")
    with open(os.path.join(corpus, "refs.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"type": "document", "file": ODD_FILE, "doc": None,
                            "doc_type": "Antwort", "date": "2025-06-01",
                            "title": ODD_JSON_TITLE, "alias": None}) + "\n")
        f.write(json.dumps({"type": "reference", "file": ODD_FILE, "doc": None, "line": 1,
                            "col": 1, "kind": "bt_drucksache", "target": "BT-Drs. 21/1",
                            "locator": "Frage \"1\" & <2>", "relation": "cites",
                            "resolves_to": None}) + "\n")
    path = os.path.join(tmp, "odd.gexf")
    run([CG, "graph", "-q", "-f", "gexf", "-o", path, corpus])
    validate(path)
    raw = open(path, "rb").read()
    for forbidden in (b"\x01", b"\x02", b"\x1f", b"\xef\xbf\xbe", b"\xff"):
        if forbidden in raw:
            fail(f"escaping: the GEXF holds {forbidden!r}, which XML 1.0 forbids")
    g = read_gexf(path)
    odd_id = "file:" + ODD_FILE
    if odd_id not in g:
        fail(f"escaping: no node {odd_id!r} in {sorted(g.nodes)}")
    else:
        want = ODD_JSON_TITLE.replace("\x02", "\ufffd")
        if g.nodes[odd_id].get("title") != want:
            fail(f"escaping: title {g.nodes[odd_id].get('title')!r}, expected {want!r}")
        if g.nodes[odd_id].get("file") != ODD_FILE:
            fail(f"escaping: file {g.nodes[odd_id].get('file')!r}")
        loc = g.edges[odd_id, "BT-Drs. 21/1"].get("locators")
        if loc != 'Frage "1" & <2>':
            fail(f"escaping: locators {loc!r}")
    title = g.nodes["BT-Drs. 21/1"].get("title") if "BT-Drs. 21/1" in g else None
    if not title or "A & B <c> \"d\" 'e' ]]>" not in title or "\U0001F600" not in title \
            or any(c in title for c in "\x01\x1f\ufffe"):
        fail(f"escaping: the header's title came back as {title!r}")
    print(f"check_gexf: escaping: {len(g)} nodes, titles and names read back")


with tempfile.TemporaryDirectory() as tmp:
    sample_corpus(tmp)
    escaping(tmp)
if failures:
    print(f"check_gexf: {len(failures)} failure(s)")
    sys.exit(1)
print("check_gexf: ok")
