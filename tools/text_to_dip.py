#!/usr/bin/env python3
"""Converts a directory of document texts into the shape of DIP's answers.

DIP (the Bundestag's documentation system) answers its `drucksache-text`
endpoint with list pages: {"numFound": N, "documents": [record, ...],
"cursor": "..."}, ten records a page, each record with DIP's metadata and
the document's `text`. This script builds such pages from text files, so
that citegraph's DIP input can be compared with reading the same texts as
files (the references must be the same, at the same positions).

    tools/text_to_dip.py [--index index.tsv] [--per-page 10] [--pages DIR]
                         [--concatenated FILE] [--jsonl FILE] TEXT_DIR

--pages DIR writes DIR/page-0001.json, ... (one list answer each);
--concatenated FILE writes all pages one after the other into one file;
--jsonl FILE writes one record per line (JSON Lines).

Number, type and date come from the index (a TSV with the columns file,
herausgeber, dokumentnummer, drucksachetyp, datum, as DIP's index.tsv has
them), else from the text's header ("Deutscher Bundestag Drucksache 21/1958",
"Bundesrat Drucksache 103/1/25", a date DD.MM.YY or DD.MM.YYYY). The records
come in byte-wise order of the file names, the order in which citegraph
reads a directory, and each record's "id" is a number of its own (DIP's ids
are not known here). Only the standard library is used.
"""

import argparse
import csv
import json
import os
import re
import sys

HEADER_BT = re.compile(r"Deutscher\s+Bundestag\s+Drucksache\s+(\d{1,2}/\d+)")
HEADER_BR = re.compile(
    r"Bundesrat\s+Drucksache\s+((?:zu\s+)?\d+(?:/\d+)?/\d{2})(\s*\((?:B|Beschluss)\))?")
DATE = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{2,4})\b")


def read_index(path):
    rows = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            rows[row["file"]] = row
    return rows


def from_header(text):
    """herausgeber, dokumentnummer, datum as far as the first lines tell."""
    head = text[:600]
    issuer = number = date = None
    m = HEADER_BT.search(head)
    if m:
        issuer, number = "BT", m.group(1)
    else:
        m = HEADER_BR.search(head)
        if m:
            # DIP writes a Beschluss "103/25(B)", whether the print says (B) or (Beschluss)
            issuer, number = "BR", re.sub(r"\s+", " ", m.group(1)) + ("(B)" if m.group(2) else "")
    d = DATE.search(head)
    if d:
        year = d.group(3)
        year = year if len(year) == 4 else "20" + year
        date = "%s-%s-%s" % (year, d.group(2), d.group(1))
    return issuer, number, date


def pdf_url(issuer, number):
    m = re.fullmatch(r"(\d{1,2})/(\d+)", number or "") if issuer == "BT" else None
    if not m:
        return None
    wp, n = int(m.group(1)), int(m.group(2))
    return "https://dserver.bundestag.de/btd/%02d/%03d/%02d%05d.pdf" % (wp, n // 100, wp, n)


def record_of(name, text, row, serial):
    issuer, number, date = from_header(text)
    doctype = None
    if row:
        issuer = row.get("herausgeber") or issuer
        number = row.get("dokumentnummer") or number
        doctype = row.get("drucksachetyp") or None
        date = row.get("datum") or date
    rec = {
        "id": str(900000 + serial),
        "dokumentart": "Drucksache",
        "typ": "Dokument",
    }
    if doctype:
        rec["drucksachetyp"] = doctype
    if number:
        rec["dokumentnummer"] = number
    if number and issuer == "BT":
        rec["wahlperiode"] = int(number.split("/")[0])
    if issuer:
        rec["herausgeber"] = issuer
    fundstelle = {"id": rec["id"], "dokumentart": "Drucksache"}
    url = pdf_url(issuer, number)
    if url:
        fundstelle["pdf_url"] = url
    rec["fundstelle"] = fundstelle
    rec["text"] = text
    if date:
        rec["datum"] = date
    rec["source_file"] = name  # not DIP's: says which file the record was made from
    return rec


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text_dir")
    ap.add_argument("--index", help="TSV with file, herausgeber, dokumentnummer, drucksachetyp, datum")
    ap.add_argument("--per-page", type=int, default=10)
    ap.add_argument("--pages", help="directory for page-NNNN.json")
    ap.add_argument("--concatenated", help="one file with every page, one after the other")
    ap.add_argument("--jsonl", help="one record per line")
    args = ap.parse_args()
    if not (args.pages or args.concatenated or args.jsonl):
        ap.error("give --pages, --concatenated or --jsonl")
    if args.per_page < 1:
        ap.error("--per-page takes a number from 1")
    index = read_index(args.index) if args.index else {}
    names = sorted((n for n in os.listdir(args.text_dir) if n.endswith(".txt")),
                   key=lambda n: n.encode("utf-8"))
    records = []
    for serial, name in enumerate(names, 1):
        path = os.path.join(args.text_dir, name)
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            sys.exit("%s: not UTF-8 (%s): JSON cannot carry it as DIP does" % (path, e))
        records.append(record_of(name, text, index.get(name), serial))
    pages = [records[i:i + args.per_page] for i in range(0, len(records), args.per_page)] or [[]]
    answers = []
    for k, docs in enumerate(pages):
        answers.append({"numFound": len(records), "documents": docs,
                        "cursor": "page-%04d" % (k + 2 if k + 1 < len(pages) else k + 1)})
    if args.pages:
        os.makedirs(args.pages, exist_ok=True)
        for k, answer in enumerate(answers, 1):
            with open(os.path.join(args.pages, "page-%04d.json" % k), "w", encoding="utf-8") as f:
                json.dump(answer, f, ensure_ascii=False, indent=1)
                f.write("\n")
    if args.concatenated:
        with open(args.concatenated, "w", encoding="utf-8") as f:
            for answer in answers:
                json.dump(answer, f, ensure_ascii=False)
                f.write("\n")
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as f:
            for rec in records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
