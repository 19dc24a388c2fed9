#!/usr/bin/env python3
"""Write a synthetic citation graph as the JSON Lines of `citegraph extract`.

Usage:
  tools/gen_synthetic_graph.py [--seed S] N_DOCS N_CITATIONS OUT

OUT (conventionally ending in .jsonl) gets N_DOCS Bundestag Drucksachen, each a
`document` line as `citegraph extract --format jsonl` writes it (id, type,
title, date, urheber with their roles), followed by its `reference` lines, and
a final `summary` line. There are exactly N_CITATIONS references, every one to
another document of the set and no two with the same citing and cited
document, so that

  citegraph graph --format json OUT

has N_DOCS nodes and N_CITATIONS links (without --questions: the locators
`Frage N` of some references make question nodes with it).

The set imitates the Bundestag's: numbers counted up per Wahlperiode (up to
20,000 documents per Wahlperiode, the last being the 21st) with dates rising
with the number; Kleine Anfragen answered by a later Antwort (relation
`answers`), Gesetzentwürfe, Anträge, Beschlussempfehlungen, Unterrichtungen;
a document cites only earlier ones, the more cited ones more often
(preferential attachment), so in-degrees follow a long-tailed distribution as
in the real corpus. The same arguments give the same bytes (seeded; default
seed 13). The files named in `file` do not exist: the explorer shows no quoted
line for such positions.

  tools/gen_synthetic_graph.py 100000 300000 /tmp/big.jsonl
  build/citegraph graph --format html --layout force -o /tmp/big.html /tmp/big.jsonl
"""

import argparse
import datetime
import json
import random
import sys

# Wahlperioden: first and last day (the 21st up to the end of the set's time).
PERIODS = {
    14: ("1998-10-26", "2002-10-17"),
    15: ("2002-10-17", "2005-10-18"),
    16: ("2005-10-18", "2009-10-27"),
    17: ("2009-10-27", "2013-10-22"),
    18: ("2013-10-22", "2017-10-24"),
    19: ("2017-10-24", "2021-10-26"),
    20: ("2021-10-26", "2025-03-25"),
    21: ("2025-03-25", "2025-11-30"),
}
PER_PERIOD = 20000

# (type, weight); an Antwort answers a Kleine Anfrage, so both come as often.
TYPES = [("Kleine Anfrage", 30), ("Antwort", 30), ("Antrag", 12), ("Gesetzentwurf", 6),
         ("Beschlussempfehlung und Bericht", 8), ("Unterrichtung", 5), ("Schriftliche Fragen", 4),
         ("Entschließungsantrag", 3), ("Bericht", 2)]

FRAKTIONEN = ["Fraktion der CDU/CSU", "Fraktion der SPD", "Fraktion der AfD",
              "Fraktion BÜNDNIS 90/DIE GRÜNEN", "Fraktion Die Linke", "Fraktion der FDP"]
MINISTRIES = ["Bundesministerium des Innern", "Bundesministerium der Finanzen",
              "Bundesministerium für Wirtschaft und Energie", "Auswärtiges Amt",
              "Bundesministerium für Gesundheit", "Bundesministerium der Verteidigung",
              "Bundesministerium für Verkehr", "Bundesministerium der Justiz und für Verbraucherschutz",
              "Bundesministerium für Arbeit und Soziales", "Bundesministerium für Bildung und Forschung",
              "Bundesministerium für Umwelt, Klimaschutz, Naturschutz und nukleare Sicherheit",
              "Bundesministerium für Ernährung und Landwirtschaft"]
COMMITTEES = ["Innenausschuss", "Finanzausschuss", "Ausschuss für Wirtschaft und Energie",
              "Auswärtiger Ausschuss", "Ausschuss für Gesundheit", "Verteidigungsausschuss",
              "Verkehrsausschuss", "Rechtsausschuss", "Ausschuss für Arbeit und Soziales"]
TOPICS = ["Genehmigungen für Waffenlieferungen", "Förderung des Wasserstoffnetzes",
          "Ausbau der Schieneninfrastruktur", "Bekämpfung der Schwarzarbeit", "Entwicklung des Mindestlohns",
          "Digitalisierung der Verwaltung", "Sicherheit kritischer Infrastrukturen",
          "Versorgung mit Arzneimitteln", "Lage der Pflege", "Ausbau der Windenergie an Land",
          "Cyberangriffe auf Bundesbehörden", "Rückführung ausreisepflichtiger Personen",
          "Kosten der Unterkunft", "Sanierung maroder Brücken", "Förderung der Elektromobilität",
          "Schutz der Ostsee", "Lieferketten und Menschenrechte", "Steuerhinterziehung mit Kryptowerten",
          "Wohnungsnot in Ballungsräumen", "Fachkräfteeinwanderung", "Zukunft der Landwirtschaft",
          "Modernisierung der Bundeswehr", "Verbraucherschutz im Onlinehandel", "Hochwasserschutz"]
PLACES = ["in Deutschland", "im Jahr 2024", "seit 2020", "in den Ländern", "in der Europäischen Union",
          "in Ostdeutschland", "an Bundesfernstraßen", "im ländlichen Raum", "an Hochschulen",
          "in der Bundesverwaltung"]
LAWS = ["Waffengesetzes", "Energiewirtschaftsgesetzes", "Aufenthaltsgesetzes", "Einkommensteuergesetzes",
        "Bundesnaturschutzgesetzes", "Infektionsschutzgesetzes", "Telekommunikationsgesetzes",
        "Mindestlohngesetzes", "Baugesetzbuchs", "Strafgesetzbuchs"]


def title_for(rng, dtype):
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    if dtype == "Gesetzentwurf":
        return f"Entwurf eines Gesetzes zur Änderung des {rng.choice(LAWS)}"
    if dtype == "Beschlussempfehlung und Bericht":
        return f"zu dem Gesetzentwurf zur Änderung des {rng.choice(LAWS)}"
    if dtype == "Unterrichtung":
        return f"Bericht der Bundesregierung zur {topic} {place}"
    if dtype == "Schriftliche Fragen":
        return "mit den in der Woche eingegangenen Antworten der Bundesregierung"
    if dtype in ("Antrag", "Entschließungsantrag"):
        return f"{topic} {place} voranbringen"
    return f"{topic} {place}"


def dates_between(first, last, n):
    """n dates from first to last, not decreasing."""
    d0 = datetime.date.fromisoformat(first)
    span = (datetime.date.fromisoformat(last) - d0).days
    return [(d0 + datetime.timedelta(days=(span * i) // max(n, 1))).isoformat() for i in range(n)]


def make_documents(rng, n_docs):
    nper = max(1, -(-n_docs // PER_PERIOD))
    if nper > len(PERIODS):
        sys.exit(f"gen_synthetic_graph: at most {len(PERIODS) * PER_PERIOD} documents")
    wps = sorted(PERIODS)[-nper:]
    docs, left = [], n_docs
    names, weights = zip(*TYPES)
    open_anfragen = []  # indices of Kleine Anfragen not yet answered, oldest first
    for k, wp in enumerate(wps):
        count = left // (nper - k)
        left -= count
        dates = dates_between(*PERIODS[wp], count)
        for num in range(1, count + 1):
            i = len(docs)
            dtype = rng.choices(names, weights)[0]
            answers = None
            if dtype == "Antwort":
                if open_anfragen:
                    answers = open_anfragen.pop(0)
                else:
                    dtype = "Kleine Anfrage"
            authors = []
            if dtype == "Kleine Anfrage":
                authors = [(rng.choice(FRAKTIONEN), "urheber")]
            elif dtype == "Antwort":
                asked = docs[answers]
                authors = [("Bundesregierung", "urheber"), (rng.choice(MINISTRIES), "ressort")]
                authors += [(a, "fragesteller") for a, _ in asked["authors"]]
            elif dtype in ("Antrag", "Entschließungsantrag"):
                authors = [(f, "urheber") for f in sorted(rng.sample(FRAKTIONEN, rng.choice([1, 1, 2])))]
            elif dtype == "Gesetzentwurf":
                authors = ([("Bundesregierung", "urheber"), (rng.choice(MINISTRIES), "ressort")]
                           if rng.random() < 0.6 else [(rng.choice(FRAKTIONEN), "urheber")])
            elif dtype == "Beschlussempfehlung und Bericht":
                authors = [(rng.choice(COMMITTEES), "urheber")]
            elif dtype == "Unterrichtung":
                authors = [("Bundesregierung", "urheber"), (rng.choice(MINISTRIES), "ressort")]
            title = docs[answers]["title"] if dtype == "Antwort" else title_for(rng, dtype)
            docs.append({"wp": wp, "num": num, "date": dates[num - 1], "type": dtype,
                         "title": title, "authors": authors, "answers": answers})
            if dtype == "Kleine Anfrage":
                open_anfragen.append(i)
    return docs


def out_degrees(rng, docs, n_cit):
    """How many documents each cites: about n_cit / n each, none more than the
    earlier ones, an Antwort at least its Anfrage; exactly n_cit in all."""
    n = len(docs)
    if n_cit > n * (n - 1) // 2:
        sys.exit(f"gen_synthetic_graph: {n} documents cite each other at most {n * (n - 1) // 2} times")
    mean = n_cit / n
    deg = []
    for i, d in enumerate(docs):
        # a geometric spread around the mean: most cite a few, some cite many
        k = int(rng.expovariate(1 / mean) + 0.5) if mean > 0 else 0
        lo = 1 if d["answers"] is not None else 0
        deg.append(min(max(k, lo), i))
    total = sum(deg)
    while total != n_cit:
        i = rng.randrange(n)
        lo = 1 if docs[i]["answers"] is not None else 0
        if total < n_cit and deg[i] < i:
            deg[i] += 1
            total += 1
        elif total > n_cit and deg[i] > lo:
            deg[i] -= 1
            total -= 1
    return deg


def citations(rng, docs, deg):
    """The cited documents of each document: earlier ones, half chosen by how
    often they are cited already, half at random (a recent one more likely)."""
    cited_ends = []  # one entry per citation made: preferential attachment
    out = []
    for i, d in enumerate(docs):
        targets = []
        seen = set()
        if d["answers"] is not None:
            targets.append((d["answers"], "answers"))
            seen.add(d["answers"])
        tries = 0
        while len(targets) < deg[i]:
            tries += 1
            if tries > 50 * deg[i] + 100:  # dense corner: take the earliest free ones
                j = next(j for j in range(i) if j not in seen)
            elif cited_ends and rng.random() < 0.5:
                j = rng.choice(cited_ends)
            elif rng.random() < 0.5:
                j = i - 1 - min(i - 1, int(rng.expovariate(1 / 200)))
            else:
                j = rng.randrange(i)
            if j >= i or j in seen:
                continue
            seen.add(j)
            targets.append((j, "cites"))
        cited_ends.extend(j for j, _ in targets)
        out.append(targets)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("n_docs", type=int, metavar="N_DOCS")
    ap.add_argument("n_citations", type=int, metavar="N_CITATIONS")
    ap.add_argument("out", metavar="OUT")
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    if a.n_docs < 1 or a.n_citations < 0:
        ap.error("N_DOCS must be at least 1 and N_CITATIONS at least 0")
    rng = random.Random(a.seed)
    docs = make_documents(rng, a.n_docs)
    deg = out_degrees(rng, docs, a.n_citations)
    cites = citations(rng, docs, deg)

    def did(d):
        return f"BT-Drs. {d['wp']}/{d['num']}"

    def fname(d):
        return f"synthetic/wp{d['wp']}/btd-{d['wp']}-{d['num']}.txt"

    dump = lambda o: json.dumps(o, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    header = {"doc": "header", "doc_type": "header", "title": "header", "date": "header",
              "urheber": "header"}
    nrefs = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        for i, d in enumerate(docs):
            file, doc = fname(d), did(d)
            refs = cites[i]
            # a document of about 40 lines of 70 characters per citation
            nlines = 20 + 40 * len(refs)
            f.write(dump({
                "type": "document", "file": file, "doc": doc, "issuer": "BT", "doc_type": d["type"],
                "title": d["title"], "date": d["date"], "alias": None,
                "urheber": [{"name": n, "role": r} for n, r in d["authors"]],
                "from": header, "record": None, "dip_id": None, "pdf_url": None, "procedures": [],
                "bytes": nlines * 71, "references": len(refs), "warnings": [], "error": None}) + "\n")
            for k, (j, rel) in enumerate(refs):
                t = docs[j]
                if rel == "answers":
                    line, col, text = 7, 3, f"Drucksache {t['wp']}/{t['num']}"
                else:
                    line = 20 + 40 * k + rng.randrange(40)
                    col = 1 + rng.randrange(40)
                    text = rng.choice(["Drucksache", "Bundestagsdrucksache", "BT-Drs."]) + \
                        f" {t['wp']}/{t['num']}"
                locator = None
                if rel == "cites" and t["type"] == "Antwort" and rng.random() < 0.3:
                    locator = f"Frage {1 + rng.randrange(20)}"
                f.write(dump({
                    "type": "reference", "file": file, "doc": doc, "line": line, "col": col,
                    "offset": (line - 1) * 71 + col - 1, "length": len(text.encode()),
                    "kind": "bt_drucksache", "target": did(t), "locator": locator, "relation": rel,
                    "text": text, "resolves_to": None, "ambiguous": False, "malformed": False,
                    "note": None}) + "\n")
                nrefs += 1
        f.write(dump({"type": "summary", "files": len(docs), "failed": 0, "references": nrefs,
                      "warnings": 0}) + "\n")
    print(f"gen_synthetic_graph: {a.out}: {len(docs)} documents, {nrefs} references", file=sys.stderr)


if __name__ == "__main__":
    main()
