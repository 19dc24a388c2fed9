#!/usr/bin/env python3
"""Generate a synthetic corpus of German parliamentary documents for benchmarks.

Usage:
  tools/gen_corpus.py OUT_DIR -n N [--seed S] [--per-dir K] [--ref-density F]
  tools/gen_corpus.py OUT_DIR --hostile [--size-mb M] [--list-items K] [--seed S]

Realistic mode writes N documents (10,000 to 1,000,000 is the intended range,
any N >= 1 works) into OUT_DIR/d0000/, OUT_DIR/d0001/, ... (K files per
directory, default 1000) and an OUT_DIR/index.tsv catalog with the columns of
the DIP corpus's index.tsv:

  file  herausgeber  dokumentnummer  drucksachetyp  datum  bytes  source_path

(`file` is the path relative to OUT_DIR). The documents imitate the PDF text
layer of Bundestag and Bundesrat Drucksachen:

  - Kleine Anfragen with a header (`Deutscher Bundestag Drucksache 21/1633`,
    `21. Wahlperiode 15.09.2025`), numbered questions (` 1.`, ` 2.`, `3a)`),
    and the Bundestag print footer;
  - Antworten to them, a few documents later: own number and date, `Antwort der
    Bundesregierung auf die Kleine Anfrage der Abgeordneten ... – Drucksache
    21/xxxx –`, the questions repeated with their answers, `Zu Frage 3`, joint
    answers (`Die Fragen 3 bis 5 werden gemeinsam beantwortet.`), citations of
    earlier answers with locators (`Bundestagsdrucksache 19/5954, Antwort zu
    Frage 2`);
  - Bundesrat families: the Vorlage 103/25, the Empfehlungen der Ausschüsse
    103/1/25, sometimes a Landesantrag 103/2/25, the Beschluss 103/25(B), with
    the footers (`Drucksache 103/25- 3 -`);
  - other Bundestag documents (Antrag, Gesetzentwurf, Unterrichtung, ...);
  - references of every kind: Drucksachen with every keyword spelling, lists
    (`Drucksachen 19/1, 19/2 und 19/3`), Plenarprotokolle, Ausschussdrucksachen,
    Bundesrat numbers (`BR-Drs. 333/24 (B)`), Landtag Drucksachen, EU documents
    (`COM(2020) 72 final`, `Ratsdok. 6385/25`, `ST 10150/21 ADD 1 REV 2`), EU
    legal acts (`Verordnung (EU) 2019/631`, `Richtlinie 95/46/EG`), URLs
    (dserver.bundestag.de PDF addresses, EUR-Lex, ministries);
  - hard line breaks inside references (`Bundestagsdrucksache ⏎20/591`),
    end-of-line hyphenation (`Bundestags-⏎drucksache`, `dserver.bundes-⏎tag.de`),
    URLs broken without a hyphen, letter-spaced headings, EN SPACE / NBSP.

Document sizes follow a log-normal distribution fitted to the DIP corpus of
the 21st Wahlperiode (median about 8.6 kB, mean about 16.7 kB, 90th percentile
about 37 kB, largest about 600 kB). About one reference per 1.7 kB of text, as
there (--ref-density multiplies that rate).

Hostile mode writes inputs meant to provoke backtracking or quadratic
behaviour, each about M MB (default 5):

  hostile-drucksache-run.txt  `Drucksache 1/1/1/1/...` on one line
  hostile-digits-slashes.txt  digits and slashes (`Drucksache 19/5954/1/25//3...`), lines of 64 kB
  hostile-parens.txt          one line of `(((...`
  hostile-list.txt            `Drucksachen 19/1, 19/2, ... und 19/K`; K is --list-items
                              (default: as many items as fill M MB; 100,000 items
                              are about 1 MB)
  hostile-keywords.txt        keywords without numbers: `Drucksache Drucksache BT-Drs. ...`
  hostile-url.txt             one URL of M MB (`https://a.de/aaaa...`)
  hostile-locators.txt        `Antwort zu Frage 1, 2, 3, ...` with a document at the end

The output is a function of the arguments only (same --seed, same bytes).
"""
import argparse
import math
import os
import random
import sys

# ----------------------------------------------------------------------------
# Vocabulary

WORDS = """der die das und in zu den von mit sich des auf für ist im dem nicht ein eine als auch
es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum
war haben nur oder aber vor zur bis mehr durch man sein wurde sei ihre diese dieser welche welcher
Bundesregierung Bundesministerium Bundesamt Maßnahmen Erkenntnisse Auffassung Fragesteller
Zusammenhang Angaben Vorhaben Förderung Haushaltsjahr Mittel Länder Kommunen Verfahren Umsetzung
Gesetzgebung Zuständigkeit Informationen Rahmen Entwicklung Sicherheit Energie Verkehr Bildung
Forschung Wirtschaft Arbeit Gesundheit Pflege Digitalisierung Verwaltung Datenschutz Bundeswehr
Einsatz Polizei Zoll Migration Asyl Integration Klimaschutz Landwirtschaft Verbraucherschutz
Wohnungsbau Infrastruktur Schiene Straße Wasserstraßen Netzausbau Förderprogramm Projekte
Beschäftigten Unternehmen Betriebe Beratung Prüfung Bewertung Zeitraum Jahr Jahres Monaten
derzeit bislang insbesondere grundsätzlich jeweils entsprechend gegenwärtig bereits weiterhin
gemäß hinsichtlich bezüglich aufgrund innerhalb zwischen gegenüber sowie bzw. etwa jedoch
vorliegenden beabsichtigt geprüft beantwortet mitgeteilt vorgesehen erforderlich zuständig
statistische Daten liegen keine vor Ressorts Geschäftsbereich Stellungnahme Kenntnis genommen
Einzelheiten vertraulich eingestuft Geheimschutzstelle hinterlegt eingesehen Abgeordneten
Europäischen Union Mitgliedstaaten Kommission Rates Parlaments Richtlinienvorschlag Verordnungsentwurf
""".split()

LONG_WORDS = [
    ("Bundes", "regierung"), ("Einzelausfuhr", "genehmigungen"), ("Rüstungs", "exporte"),
    ("Verbraucher", "schutz"), ("Wirtschafts", "ausschuss"), ("Haushalts", "mittel"),
    ("Genehmigungs", "verfahren"), ("Digitalisierungs", "strategie"), ("Infrastruktur", "projekte"),
    ("Sicherheits", "behörden"), ("Fach", "kräfte"), ("Dienst", "gebrauch"),
    ("Verwaltungs", "vereinbarung"), ("Landes", "regierungen"), ("Förder", "richtlinie"),
    ("Bundes", "verfassungsgericht"), ("Gesetz", "entwurf"), ("Ausschuss", "sitzung"),
]

FIRST = """Lea Doris Gökay Desiree Violetta Jorrit Janina Maik Jörg Agnes Mirze Fabian Katrin Kathrin
Vinzenz Nicole Christian Ates Ferat Cansin Jan Tamara Pascal Stella Sahra Charlotte Cansu Luigi
Sören Heidi Zada Lisa Julia Ulrich Aaron Donata Sarah Sascha Christin Janine Anne Markus Diana
Steffen Andrej Luke Martin Petra Thomas Sabine Michael Claudia Stefan Birgit Tobias Ulrike""".split()
LAST = """Reisner Achelwilm Akbulut Becker Bock Bosch Böttger Brückner Cezanne Conrad Edis Fahl Fey
Gebel Glaser Gohlke Görke Gürpinar Koçak Köktürk Köstering Mazzi Meiser Merendino Mirow Neuhäuser
Özdemir Pantisano Pellmann Reichinnek Salihović Schubert Stange Thoden Valent Vogtschmidt Vollath
Wagner Willnat Wissler Zerr Frohnmaier Zimmer Schmidt Korté Hoß Hunko Badum Müller Schneider
Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann""".split()
FRAKTIONEN = ["der Fraktion Die Linke", "der Fraktion der AfD", "der Fraktion BÜNDNIS 90/DIE GRÜNEN",
              "der Fraktion der CDU/CSU", "der Fraktion der SPD"]
LEADERS = {"der Fraktion Die Linke": "Heidi Reichinnek, Sören Pellmann und Fraktion",
           "der Fraktion der AfD": "Dr. Alice Weidel, Tino Chrupalla und Fraktion",
           "der Fraktion BÜNDNIS 90/DIE GRÜNEN": "Katharina Dröge, Britta Haßelmann und Fraktion",
           "der Fraktion der CDU/CSU": "Jens Spahn, Alexander Hoffmann und Fraktion",
           "der Fraktion der SPD": "Dr. Matthias Miersch und Fraktion"}
MINISTRIES = ["des Bundesministeriums des Innern", "des Bundesministeriums für Wirtschaft und Energie",
              "des Bundesministeriums der Finanzen", "des Auswärtigen Amts",
              "des Bundesministeriums für Gesundheit", "des Bundesministeriums der Verteidigung",
              "des Bundesministeriums für Verkehr", "des Bundesministeriums der Justiz und für Verbraucherschutz"]
TOPICS = ["Genehmigungen für Waffenlieferungen", "Förderung des Wasserstoffnetzes", "Ausbau der Schieneninfrastruktur",
          "Cybersicherheit in der Bundesverwaltung", "Fachkräfteeinwanderung", "Lage der Pflegeeinrichtungen",
          "Digitalisierung der Verwaltung", "Einsatz von Drohnen an den Grenzen", "Mindestlohnkontrollen durch den Zoll",
          "Bezahlbarer Wohnraum in Ballungsräumen", "Schutz kritischer Infrastrukturen", "Ernährungssicherheit",
          "Umsetzung der KI-Verordnung", "Stand des Breitbandausbaus", "Rückführungen und Abschiebungen",
          "Forschungsförderung im Hochschulbereich", "Kosten der Energiewende", "Lieferketten und Menschenrechte"]
PLACES = ["in Deutschland", "im Jahr 2024", "seit 2020", "in den Ländern", "in der Europäischen Union",
          "an den Außengrenzen", "im ländlichen Raum", "in Ostdeutschland", ""]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
URL_SITES = [
    "https://www.bundesregierung.de/breg-de/themen/{w}-{n}",
    "https://www.bmi.bund.de/SharedDocs/downloads/DE/publikationen/themen/{w}/{w}-{n}.pdf",
    "www.zoll.de/DE/Fachthemen/Arbeit/{w}/{w}_node.html",
    "https://www.gesetze-im-internet.de/{w}/__{n}.html",
    "https://de.statista.com/statistik/daten/studie/{n}/umfrage/{w}/",
    "https://statistik.arbeitsagentur.de/DE/Navigation/Statistiken/{w}.html",
    "https://www.destatis.de/DE/Themen/{w}/_inhalt.html",
    "https://verfassungsblog.de/{w}-{n}/",
    "https://doi.org/10.{n}/{w}.{n}",
    "https://taz.de/{w}/!{n}/",
    "https://www.koalitionsvertrag2025.de/files/koav_2025.pdf",
    "https://ec.europa.eu/commission/presscorner/detail/de/ip_25_{n}",
]
URL_WORDS = ["energie", "wasserstoff", "bekaempfung-der-schwarzarbeit", "mindestlohn", "digitales",
             "sicherheit", "migration", "pflege", "bildung", "forschung", "verkehr", "klimaschutz"]

HYPH = "\x00"   # a possible line-end hyphenation point inside a word
NOHYPH = "\x01"  # a possible hard break without a hyphen (inside URLs)

PRINT_FOOTER_BT = ("Gesamtherstellung: H. Heenemann GmbH & Co. KG, Buch- und Offsetdruckerei, "
                   "Bessemerstraße 83–91, 12103 Berlin, www.heenemann-druck.de\n"
                   "Vertrieb: Bundesanzeiger Verlag GmbH, Postfach 10 05 34, 50445 Köln, Telefon (02 21) "
                   "97 66 83 40, Fax (02 21) 97 66 83 44, www.bundesanzeiger-verlag.de\nISSN 0722-8333\n")
PRINT_HEADER_BR = ("Vertrieb: Bundesanzeiger Verlag GmbH, Postfach 10 05 34, 50445 Köln \n"
                   "Telefon (02 21) 97 66 83 40, Fax (02 21) 97 66 83 44, www.betrifft-gesetze.de \n"
                   "ISSN 0720-2946 \n")


def spaced(word):
    """A letter-spaced heading: 'V o r b e m e r k u n g'."""
    return "  ".join(" ".join(w) for w in word.split())


# ----------------------------------------------------------------------------
# Line wrapping


def wrap(words, rng, width, hyph_p=0.5):
    """Wrap words into lines of about `width` characters, as a PDF text layer does.

    Words may hold HYPH (break there with '-' at a line end) or NOHYPH (break
    there without a hyphen, as URLs are broken). Lines often keep a trailing space.
    """
    lines = []
    cur = []
    n = 0
    for w in words:
        if HYPH in w or NOHYPH in w:
            plain = w.replace(HYPH, "").replace(NOHYPH, "")
            if cur and n + 1 + len(plain) > width and rng.random() < hyph_p:
                pos = w.find(HYPH)
                mark = "-"
                if pos < 0:
                    pos = w.find(NOHYPH)
                    mark = ""
                head = w[:pos].replace(HYPH, "").replace(NOHYPH, "")
                tail = w[pos + 1:].replace(HYPH, "").replace(NOHYPH, "")
                cur.append(head + mark)
                lines.append(" ".join(cur) + (" " if rng.random() < 0.4 else ""))
                cur = [tail]
                n = len(tail)
                continue
            w = plain
        if cur and n + 1 + len(w) > width:
            lines.append(" ".join(cur) + (" " if rng.random() < 0.5 else ""))
            cur = [w]
            n = len(w)
        else:
            cur.append(w)
            n += len(w) + (1 if n else 0)
    if cur:
        lines.append(" ".join(cur))
    return lines


def filler_pool(rng, nlines=20000):
    """Pre-wrapped lines of German-looking running text (no digits, no references)."""
    words = []
    for _ in range(nlines * 9):
        r = rng.random()
        if r < 0.06:
            a, b = rng.choice(LONG_WORDS)
            words.append(a + HYPH + b)
        elif r < 0.07:
            words.append(rng.choice(WORDS) + ",")
        elif r < 0.085:
            words.append(rng.choice(WORDS) + ".")
        elif r < 0.087:
            words.append("„" + rng.choice(WORDS) + "“")
        else:
            words.append(rng.choice(WORDS))
    lines = []
    while words:
        chunk, words = words[:400], words[400:]
        lines.extend(wrap(chunk, rng, rng.randint(62, 84), hyph_p=0.15))
    return lines


# ----------------------------------------------------------------------------
# Identifiers


class Numbering:
    """Hands out Bundestag and Bundesrat numbers, oldest first, so that documents
    cite what came before them."""

    def __init__(self, n_docs):
        bt_total = int(n_docs * 0.75) + 10
        self.bt_per_wp = 40000
        wps = max(1, math.ceil(bt_total / self.bt_per_wp))
        self.bt_wp = max(1, 21 - wps + 1)
        self.bt_next = 1
        br_bases = int(n_docs * 0.11) + 10
        self.br_per_year = max(700, math.ceil(br_bases / 20))
        years = max(1, math.ceil(br_bases / self.br_per_year))
        self.br_year = 25 - years + 1
        self.br_next = 1

    def bt(self):
        if self.bt_next > self.bt_per_wp and self.bt_wp < 21:
            self.bt_wp += 1
            self.bt_next = 1
        nr = (self.bt_wp, self.bt_next)
        self.bt_next += 1
        return nr

    def br(self):
        if self.br_next > self.br_per_year and self.br_year < 25:
            self.br_year += 1
            self.br_next = 1
        nr = (self.br_next, self.br_year % 100)
        self.br_next += 1
        return nr


def bt_date(rng, wp, nr, per_wp):
    """A date within the Wahlperiode wp (21 = 2025-2029, 4 years each)."""
    year0 = 2025 - (21 - wp) * 4
    frac = min(nr / per_wp, 0.999) if wp < 21 else min(nr / per_wp, 0.999) * 0.25
    days = int(frac * 4 * 365)
    y = year0 + days // 365
    d = days % 365
    m = min(12, d // 30 + 1)
    day = min(28, d % 30 + 1)
    return y, m, day


def iso(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


def dotted(y, m, d, short=False):
    return f"{d:02d}.{m:02d}.{y % 100:02d}" if short else f"{d:02d}.{m:02d}.{y:04d}"


def long_date(y, m, d):
    return f"{d}. {MONTHS[m - 1]} {y}"


# ----------------------------------------------------------------------------
# References


class Refs:
    """Writes references of every kind, mostly to documents generated before."""

    def __init__(self, rng):
        self.rng = rng
        self.antworten = []   # (wp, nr, nquestions)
        self.anfragen = []    # (wp, nr)
        self.bt_other = []    # (wp, nr)
        self.br_bases = []    # (n, yy)

    def old_bt(self):
        rng = self.rng
        r = rng.random()
        if r < 0.45 and self.antworten:
            wp, nr, _ = rng.choice(self.antworten[-5000:] if rng.random() < 0.7 else self.antworten)
            return wp, nr
        if r < 0.6 and self.bt_other:
            return rng.choice(self.bt_other)
        if r < 0.7 and self.anfragen:
            return rng.choice(self.anfragen)
        wp = rng.choice((14, 15, 16, 17, 18, 19, 19, 20, 20, 20))
        return wp, rng.randint(1, 15000)

    def old_br(self):
        rng = self.rng
        if self.br_bases and rng.random() < 0.6:
            return rng.choice(self.br_bases)
        return rng.randint(1, 700), rng.choice((19, 20, 21, 22, 23, 24))

    def bt_kw(self, plural=False):
        rng = self.rng
        if plural:
            return rng.choice(["Drucksachen", "Bundestagsdrucksachen", "BT-Drucksachen", "Bundestags" + HYPH + "drucksachen"])
        return rng.choices(
            ["Drucksache", "Bundestagsdrucksache", "BT-Drucksache", "BT-Drs.", "Drs.", "Bundestags-Drucksache",
             "BT-Ds.", "Bundesdrucksache", "Bundestags" + HYPH + "drucksache", "BT-" + NOHYPH + "Drs.",
             "BT-Drs. Nr.", "BT Drucksache"],
            weights=[30, 30, 10, 12, 5, 3, 2, 1, 4, 2, 1, 1])[0]

    def bt(self):
        rng = self.rng
        wp, nr = self.old_bt()
        kw = self.bt_kw()
        r = rng.random()
        if r < 0.25 and self.antworten:
            wp, nr, nq = rng.choice(self.antworten)
            q = rng.randint(1, max(1, nq))
            form = rng.random()
            if form < 0.4:
                return f"({kw} {wp}/{nr}, Antwort zu Frage {q})"
            if form < 0.7:
                return f"(Antwort zu Frage {q} auf {kw} {wp}/{nr})"
            if form < 0.85:
                q2 = q + rng.randint(1, 4)
                return f"siehe Antwort der Bundesregierung zu den Fragen {q} bis {q2} der Kleinen Anfrage auf {kw} {wp}/{nr}"
            return f"Antwort auf die Schriftliche Frage {q} auf {kw} {wp}/{nr}, S. {rng.randint(2, 40)} ff."
        if r < 0.4:
            return f"(vgl. {kw} {wp}/{nr}, S. {rng.randint(2, 200)})"
        if r < 0.5:
            return f"{kw} {wp}/{nr} vom {long_date(2000 + rng.randint(10, 25), rng.randint(1, 12), rng.randint(1, 28))}"
        return f"({kw} {wp}/{nr})" if rng.random() < 0.5 else f"{kw} {wp}/{nr}"

    def bt_list(self):
        rng = self.rng
        k = rng.choice((2, 2, 2, 3, 3, 4, 5, 7))
        items = [f"{wp}/{nr}" for wp, nr in (self.old_bt() for _ in range(k))]
        body = ", ".join(items[:-1]) + (" und " if rng.random() < 0.8 else ", ") + items[-1]
        return f"({self.bt_kw(True)} {body})"

    def br(self):
        rng = self.rng
        n, yy = self.old_br()
        kw = rng.choices(["Bundesratsdrucksache", "BR-Drucksache", "BR-Drs.", "Bundesrats-Drucksache",
                          "BR-" + NOHYPH + "Drucksache", "Drucksache"], weights=[20, 25, 25, 5, 5, 10])[0]
        suffix = rng.choice(["", "", "", " (Beschluss)", " (B)", "(B)"])
        if rng.random() < 0.15:
            return f"{kw} {n}/{rng.randint(1, 3)}/{yy:02d}"
        return f"{kw} {n}/{yy:02d}{suffix}"

    def plpr(self):
        rng = self.rng
        wp = rng.choice((19, 20, 21))
        return f"(Plenarprotokoll {wp}/{rng.randint(1, 230)}, S. {rng.randint(100, 29000)})"

    def adrs(self):
        rng = self.rng
        return f"(Ausschussdrucksache {rng.choice((20, 21))}({rng.randint(1, 24)}){rng.randint(1, 4000)})"

    def landtag(self):
        rng = self.rng
        return rng.choice([f"(Landtagsdrucksache {rng.randint(15, 19)}/{rng.randint(100, 20000)})",
                           f"(vgl. Landtag Nordrhein-Westfalen, Drucksache 17/{rng.randint(100, 16000)}, S. {rng.randint(2, 200)})"])

    def com(self):
        rng = self.rng
        y = rng.randint(2008, 2025)
        n = rng.randint(1, 900)
        return rng.choice([f"COM({y}) {n} final", f"KOM({y}){n} endg.", f"SWD({y}) {n} final",
                           f"JOIN({y}) {rng.randint(1, 40)} final", f"C({y}) {rng.randint(100, 9000)} final",
                           f"COM({y}) {n} final; Ratsdok. {rng.randint(5000, 16000)}/{y % 100:02d}"])

    def council(self):
        rng = self.rng
        y = rng.randint(15, 25)
        n = rng.randint(5000, 16000)
        return rng.choice([f"Ratsdok. {n}/{y:02d}", f"(Ratsdokument {n}/{y:02d})", f"Ratsdok.-Nr. {n}/{y:02d}",
                           f"(ST {n}/{y:02d} INIT; ST {n}/{y:02d} ADD 1 REV 2)"])

    def eu_act(self):
        rng = self.rng
        y = rng.randint(2015, 2025)
        n = rng.randint(1, 2900)
        r = rng.random()
        if r < 0.45:
            return f"{rng.choice(['Verordnung (EU)', 'Verordnung (EU)', 'VO (EU)', 'Verordnung (EU, Euratom)'])} {y}/{n}"
        if r < 0.7:
            return f"{rng.choice(['Richtlinie (EU)', 'RL (EU)'])} {y}/{n}"
        if r < 0.8:
            return f"Richtlinie {rng.randint(1990, 2014)}/{rng.randint(1, 120)}/{rng.choice(['EG', 'EU', 'EWG'])}"
        if r < 0.92:
            return f"Verordnung (EG) Nr. {rng.randint(1, 2500)}/{rng.randint(1995, 2014)}"
        return f"Beschluss (GASP) {y}/{n} des Rates"

    def url(self):
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            wp, nr = self.old_bt()
            five = f"{nr:05d}"
            return f"https://dserver.bundes{HYPH}tag.de/btd/{wp}/{five[:3]}/{wp}{five}.pdf"
        if r < 0.35:
            y = rng.randint(2015, 2025)
            n = rng.randint(1, 2900)
            return f"https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:3{y}R{n:04d}"
        tpl = rng.choice(URL_SITES)
        u = tpl.format(w=rng.choice(URL_WORDS), n=rng.randint(10, 99999))
        if len(u) > 40 and rng.random() < 0.5:
            cut = rng.randint(20, len(u) - 5)
            u = u[:cut] + NOHYPH + u[cut:]
        wrapper = rng.random()
        if wrapper < 0.3:
            return f"({u})"
        if wrapper < 0.45:
            return f"abrufbar unter: {u}"
        return u

    def internal(self, nq):
        rng = self.rng
        q = rng.randint(1, max(1, nq))
        return rng.choice([f"(siehe auch Antwort zu Frage {q})", f"siehe dazu die Antwort zu Frage {q}",
                           f"auf die Antwort zu Frage {q} wird verwiesen",
                           f"siehe dazu die Antwort zu den Fragen {q} und {q + rng.randint(1, 3)}"])

    # kinds and their weights per document family (the DIP corpus: URLs about half,
    # EU acts a fifth, Bundestag Drucksachen a fifth, then internal, EU documents, BR)
    KINDS = {
        "bt": (["url", "eu_act", "bt", "bt_list", "internal", "com", "council", "br", "plpr", "adrs", "landtag"],
               [42, 18, 20, 4, 7, 2, 2, 2, 1, 1, 1]),
        "br": (["url", "eu_act", "bt", "bt_list", "com", "council", "br", "plpr", "landtag"],
               [40, 30, 8, 1, 6, 5, 8, 1, 1]),
    }

    def any(self, family, nq=0):
        kinds, weights = self.KINDS[family]
        k = self.rng.choices(kinds, weights)[0]
        if k == "internal":
            return self.internal(nq) if nq else self.url()
        return getattr(self, k)()


# ----------------------------------------------------------------------------
# Documents


class Writer:
    def __init__(self, rng, pool):
        self.rng = rng
        self.pool = pool
        self.npool = len(pool)

    def filler(self, k):
        rng = self.rng
        i = rng.randrange(self.npool - k) if self.npool > k else 0
        if rng.random() < 0.5:
            return self.pool[i:i + k]
        return rng.choices(self.pool, k=k)

    def ref_line(self, ref):
        """A few words of running text around a reference, wrapped so that the
        reference may be broken across lines."""
        rng = self.rng
        pre = [rng.choice(WORDS) for _ in range(rng.randint(2, 12))]
        post = [rng.choice(WORDS) for _ in range(rng.randint(1, 8))]
        post[-1] += "."
        return wrap(pre + ref.split(" ") + post, rng, rng.randint(58, 84), hyph_p=0.7)


class Generator:
    def __init__(self, n, seed, ref_density):
        self.n = n
        self.rng = random.Random(seed)
        self.pool = filler_pool(random.Random(seed * 7919 + 1))
        self.w = Writer(self.rng, self.pool)
        self.refs = Refs(self.rng)
        self.num = Numbering(n)
        self.gap_mean = 2000.0 / max(ref_density, 1e-6)
        self.next_ref = self.rng.expovariate(1 / self.gap_mean)
        self.pending = []   # (due_index, kind, payload)

    # (median bytes, sigma of the log) per document type, fitted to the DIP corpus
    SIZES = {"KA": (4600, 0.5), "AW": (8500, 1.05), "BRV": (6500, 1.45), "BRE": (5000, 1.0),
             "BRB": (800, 1.1), "BRL": (1200, 1.0), "Antrag": (7500, 0.8), "Unterrichtung": (3200, 1.7),
             "Gesetzentwurf": (22000, 1.0), "Beschlussempfehlung und Bericht": (10000, 0.8),
             "Wahlvorschlag": (650, 0.3), "Entschließungsantrag": (4500, 0.7), "Schriftliche Fragen": (28000, 0.8)}

    def target_size(self, kind):
        median, sigma = self.SIZES[kind]
        s = self.rng.lognormvariate(math.log(median), math.hypot(sigma, 0.5))
        return int(min(max(s, 200), 620000))

    def body(self, out, size, family, nq=0, numbered_items=False, lines=(2, 9)):
        """Paragraphs of filler with references at the corpus's density, until
        the document has `size` bytes."""
        rng = self.rng
        w = self.w
        have = sum(len(x) + 1 for x in out)
        item = 1
        while have < size:
            para = w.filler(rng.randint(*lines))
            plen = sum(len(x) + 1 for x in para) or 1
            self.next_ref -= plen
            while self.next_ref <= 0:
                self.next_ref += rng.expovariate(1 / self.gap_mean)
                refl = w.ref_line(self.refs.any(family, nq))
                at = rng.randint(0, len(para))
                para = para[:at] + refl + para[at:]
            if numbered_items and rng.random() < 0.3:
                para = [f"{item}. {para[0]}"] + para[1:]
                item += 1
            elif rng.random() < 0.02:
                para = [spaced(rng.choice(["Begründung", "Allgemeiner Teil", "Zu Artikel 1", "Stellungnahme"]))] + para
            out.extend(para)
            have += sum(len(x) + 1 for x in para)

    def authors(self):
        rng = self.rng
        names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(1, 12))]
        fr = rng.choice(FRAKTIONEN)
        return names, fr

    # -- Kleine Anfrage ------------------------------------------------------
    def kleine_anfrage(self):
        rng = self.rng
        wp, nr = self.num.bt()
        y, m, d = bt_date(rng, wp, nr, self.num.bt_per_wp)
        names, fr = self.authors()
        title = f"{rng.choice(TOPICS)} {rng.choice(PLACES)}".strip()
        size = self.target_size("KA")
        nq = max(3, min(60, size // 450))
        out = [f"Deutscher Bundestag Drucksache {wp}/{nr}", f"{wp}. Wahlperiode {dotted(y, m, d)}", "Kleine Anfrage"]
        out += wrap(["der", "Abgeordneten"] + ", ".join(names).split(" ") + ["und"] + fr.split(" "), rng, 78)
        out.append(title)
        self.body(out, size * 0.3, "bt")
        out.append("Wir fragen die Bundesregierung:")
        questions = []
        qsize = max(150, int(size * 0.65 / nq))
        for q in range(1, nq + 1):
            sub = rng.random() < 0.12
            lab = f"{q:2d}." if rng.random() < 0.9 else f"{q:2d}.\u2002"
            ql = self.question_lines(qsize)
            ql[0] = f"{lab} {ql[0]}" if not lab.endswith("\u2002") else f"{lab}{ql[0]}"
            if sub:
                for letter in "abc"[:rng.randint(2, 3)]:
                    sl = self.question_lines(qsize // 2)
                    ql.append(f"{letter}) {sl[0]}")
                    ql.extend(sl[1:])
            questions.append(ql)
            out.extend(ql)
        out.append(f"Berlin, den {long_date(y, m, d)}")
        out.append(LEADERS[fr])
        text = "\n".join(out) + "\n" + PRINT_FOOTER_BT
        self.refs.anfragen.append((wp, nr))
        meta = {"wp": wp, "nr": nr, "names": names, "fr": fr, "title": title, "questions": questions, "date": (y, m, d)}
        return f"btd-{wp}-{nr}.txt", "BT", f"{wp}/{nr}", "Kleine Anfrage", iso(y, m, d), text, meta

    def question_lines(self, size):
        rng = self.rng
        out = []
        self.body(out, size, "bt", lines=(1, 4))
        if out:
            out[-1] = out[-1].rstrip(" .") + "?"
        return out or ["Welche Erkenntnisse hat die Bundesregierung?"]

    # -- Antwort ---------------------------------------------------------------
    def antwort(self, ka):
        rng = self.rng
        wp, nr = self.num.bt()
        y, m, d = bt_date(rng, wp, nr, self.num.bt_per_wp)
        out = [f"Deutscher Bundestag Drucksache {wp}/{nr}", f"{wp}. Wahlperiode {dotted(y, m, d)}",
               "Antwort ", "der Bundesregierung "]
        names = ka["names"][:3]
        head = ["auf", "die", "Kleine", "Anfrage", "der", "Abgeordneten"] + ", ".join(names).split(" ")
        head += (["weiterer", "Abgeordneter"] if len(ka["names"]) > 3 else []) + ["und"] + ka["fr"].split(" ")
        out += wrap(head, rng, 78)
        out.append(f"– Drucksache {ka['wp']}/{ka['nr']} –")
        out.append(ka["title"])
        out.append(spaced("Vorbemerkung der Fragesteller"))
        size = self.target_size("AW")
        nq = len(ka["questions"])
        self.body(out, size * 0.15, "bt", nq)
        out.append(spaced("Vorbemerkung der Bundesregierung"))
        self.body(out, size * 0.25, "bt", nq)
        out.append(f"Die Antwort wurde namens der Bundesregierung mit Schreiben {rng.choice(MINISTRIES)}")
        out.append(f"vom {long_date(y, m, max(1, d - 2))} übermittelt.")
        out.append("Die Drucksache enthält zusätzlich – in kleinerer Schrifttype – den Fragetext.")
        per_answer = max(120, int(size * 0.55 / max(1, nq)))
        q = 0
        while q < nq:
            joint = rng.random() < 0.12 and q + 2 < nq
            group = [q, q + 1, q + 2] if joint else [q]
            for g in group:
                out.extend(ka["questions"][g])
            if joint:
                out.append(f"Die Fragen {q + 1} bis {q + 3} werden gemeinsam beantwortet.")
            elif rng.random() < 0.15:
                out.append(f"Zu Frage {q + 1}")
            ans = []
            self.body(ans, per_answer * len(group), "bt", nq)
            if rng.random() < 0.08:
                ans.insert(0, f"Es wird auf die Antwort zu Frage {rng.randint(1, nq)} verwiesen.")
            out.extend(ans)
            q += len(group)
        text = "\n".join(out) + "\n" + PRINT_FOOTER_BT
        self.refs.antworten.append((wp, nr, nq))
        return f"btd-{wp}-{nr}.txt", "BT", f"{wp}/{nr}", "Antwort", iso(y, m, d), text, None

    # -- other Bundestag documents ---------------------------------------------
    def bt_other(self):
        rng = self.rng
        wp, nr = self.num.bt()
        y, m, d = bt_date(rng, wp, nr, self.num.bt_per_wp)
        typ = rng.choices(["Antrag", "Unterrichtung", "Gesetzentwurf", "Beschlussempfehlung und Bericht",
                           "Wahlvorschlag", "Entschließungsantrag", "Schriftliche Fragen"],
                          weights=[25, 20, 17, 16, 8, 3, 2])[0]
        out = [f"Deutscher Bundestag Drucksache {wp}/{nr}", f"{wp}. Wahlperiode {dotted(y, m, d)}", typ]
        if typ == "Unterrichtung":
            out.append("durch die Bundesregierung")
        elif typ == "Gesetzentwurf":
            out.append("der Bundesregierung")
        else:
            _, fr = self.authors()
            out.append(fr[4:].capitalize() if fr.startswith("der ") else fr)
        out.append(f"{rng.choice(TOPICS)} {rng.choice(PLACES)}".strip())
        size = self.target_size(typ)
        if typ == "Gesetzentwurf" and self.refs.br_bases:
            n, yy = rng.choice(self.refs.br_bases)
            out.append(f"Stellungnahme des Bundesrates (Drucksache {n}/{yy:02d} (Beschluss))")
        if typ == "Schriftliche Fragen":
            k = 1
            while sum(len(x) + 1 for x in out) < size:
                out.append(f"{k}.\u2002Abgeordnete{'r' if rng.random() < 0.5 else ''} {rng.choice(FIRST)} {rng.choice(LAST)}")
                self.body(out, sum(len(x) + 1 for x in out) + 400, "bt")
                k += 1
        else:
            self.body(out, size, "bt", numbered_items=typ in ("Antrag", "Entschließungsantrag"))
        if rng.random() < 0.3:
            out.append(f"Deutscher Bundestag – {wp}. Wahlperiode – {rng.randint(2, 9)} – Drucksache {wp}/{nr}")
            self.body(out, sum(len(x) + 1 for x in out) + 300, "bt")
        text = "\n".join(out) + "\n" + PRINT_FOOTER_BT
        self.refs.bt_other.append((wp, nr))
        return f"btd-{wp}-{nr}.txt", "BT", f"{wp}/{nr}", typ, iso(y, m, d), text, None

    # -- Bundesrat -------------------------------------------------------------
    def br_doc(self, base, variant, meta):
        """variant: '' (the Vorlage), '1' / '2' (Empfehlungen / Landesantrag), 'B' (Beschluss)."""
        rng = self.rng
        n, yy = base
        y = 2000 + yy
        m, d = meta["md"]
        extra = {"": 0, "1": 18, "2": 20, "B": 30}[variant]
        d += extra
        m = min(12, m + d // 28)
        d = d % 28 + 1
        if variant == "":
            number, fname, kind, typ = f"{n}/{yy:02d}", f"brd-{n}-{yy:02d}.txt", "BRV", meta["typ"]
            head = f"Bundesrat Drucksache  {n}/{yy:02d}"
        elif variant == "B":
            number, fname, kind, typ = f"{n}/{yy:02d}(B)", f"brd-{n}-{yy:02d}-B.txt", "BRB", "Beschluss"
            head = f"Bundesrat Drucksache {n}/{yy:02d} (Beschluss)"
        else:
            number, fname = f"{n}/{variant}/{yy:02d}", f"brd-{n}-{variant}-{yy:02d}.txt"
            kind, typ = ("BRE", "Empfehlungen") if variant == "1" else ("BRL", "Antrag")
            head = f"Bundesrat Drucksache  {n}/{variant}/{yy:02d}"
        out = [head + " ", "   ", "  ", f"{dotted(y, m, d, short=True)} ", " "]
        out += PRINT_HEADER_BR.rstrip("\n").split("\n")
        if variant == "":
            out.append(typ)
            out.append(rng.choice(["der Bundesregierung", "des Landes Niedersachsen", "der Kommission", "des Freistaates Bayern"]))
        elif variant == "1":
            out += [spaced("Empfehlungen") + " ", "der Ausschüsse", rng.choice(["EU - AV - Fz - G - U", "In - R", "Wi - U - Vk"]) + " ",
                    f"zu Punkt {rng.randint(1, 80)} der {rng.randint(1000, 1070)}. Sitzung des Bundesrates am {long_date(y, m, d)}"]
        elif variant == "2":
            out += ["Antrag", "des Landes Nordrhein-Westfalen", f"zu Punkt {rng.randint(1, 80)} der {rng.randint(1000, 1070)}. Sitzung"]
        else:
            out += ["Beschluss", "des Bundesrates"]
        out += wrap(meta["title"].split(" "), rng, 66)
        if meta["eu"]:
            out.append(meta["eu"] + " ")
        size = self.target_size(kind)
        if variant == "1":
            out.append(f"Der federführende Ausschuss empfiehlt dem Bundesrat, zu der Vorlage (Drucksache {n}/{yy:02d}) wie folgt Stellung zu nehmen:")
        elif variant == "B":
            out.append(f"Der Bundesrat hat in seiner {rng.randint(1000, 1070)}. Sitzung am {long_date(y, m, d)} gemäß "
                       f"§§ 3 und 5 EUZBLG die aus der Anlage ersichtliche Stellungnahme beschlossen"
                       f" (vgl. BR-Drucksache {n}/1/{yy:02d}).")
        pages = 1
        start = len(out)
        self.body(out, size, "br", numbered_items=variant in ("1", "2", "B"))
        # page footers, self-references: "Drucksache 103/25- 3 -"
        step = 45
        i = start + step
        while i < len(out):
            pages += 1
            out.insert(i, f"Drucksache {number.replace('(B)', ' (Beschluss)') if variant == 'B' else number}- {pages} -")
            i += step + 1
        text = "\n".join(out) + "\n"
        if variant == "":
            self.refs.br_bases.append(base)
        return fname, "BR", number, typ, iso(y, m, d), text, None

    def br_family(self):
        rng = self.rng
        base = self.num.br()
        eu = ""
        typ = rng.choices(["Unterrichtung", "Gesetzentwurf", "Verordnung", "Gesetzesantrag", "Gesetzesbeschluss"],
                          weights=[35, 25, 15, 15, 10])[0]
        if typ == "Unterrichtung":
            eu = self.refs.com() + "; " + self.refs.council() if rng.random() < 0.8 else ""
        title = f"{rng.choice(['Entwurf eines Gesetzes zur', 'Verordnung zur', 'Mitteilung der Kommission zur', 'Vorschlag für eine Verordnung zur'])} {rng.choice(TOPICS)}"
        meta = {"typ": typ, "title": title, "eu": eu, "md": (rng.randint(1, 12), rng.randint(1, 27))}
        return base, meta

    # -- main loop -------------------------------------------------------------
    def documents(self):
        rng = self.rng
        import heapq
        i = 0
        seq = 0
        while i < self.n:
            if self.pending and self.pending[0][0] <= i:
                _, _, kind, payload = heapq.heappop(self.pending)
                if kind == "AW":
                    doc = self.antwort(payload)
                else:
                    base, meta, variant = payload
                    doc = self.br_doc(base, variant, meta)
            else:
                r = rng.random()
                if r < 0.43:
                    doc = self.kleine_anfrage()
                    meta = doc[6]
                    if rng.random() < 0.86:
                        seq += 1
                        heapq.heappush(self.pending, (i + rng.randint(3, 60), seq, "AW", meta))
                elif r < 0.61:
                    base, meta = self.br_family()
                    doc = self.br_doc(base, "", meta)
                    for variant, p, lo, hi in (("1", 0.75, 2, 30), ("2", 0.12, 3, 30), ("B", 0.85, 30, 80)):
                        if rng.random() < p:
                            seq += 1
                            heapq.heappush(self.pending, (i + rng.randint(lo, hi), seq, "BR", (base, meta, variant)))
                else:
                    doc = self.bt_other()
            i += 1
            yield doc


def write_corpus(out_dir, n, seed, per_dir, ref_density, quiet):
    gen = Generator(n, seed, ref_density)
    os.makedirs(out_dir, exist_ok=True)
    index = open(os.path.join(out_dir, "index.tsv"), "w", encoding="utf-8", newline="\n")
    index.write("file\therausgeber\tdokumentnummer\tdrucksachetyp\tdatum\tbytes\tsource_path\n")
    total = 0
    seen = set()
    for i, (fname, her, number, typ, date, text, _) in enumerate(gen.documents()):
        sub = f"d{i // per_dir:04d}"
        if i % per_dir == 0:
            os.makedirs(os.path.join(out_dir, sub), exist_ok=True)
        if fname in seen:   # cannot happen with the numbering above; kept as a guard
            fname = fname[:-4] + f"-{i}.txt"
        seen.add(fname)
        data = text.encode("utf-8")
        rel = f"{sub}/{fname}"
        with open(os.path.join(out_dir, rel), "wb") as f:
            f.write(data)
        total += len(data)
        src_nr = number.replace("/", "_")
        index.write(f"{rel}\t{her}\t{number}\t{typ}\t{date}\t{len(data)}\tgenerated/{typ}/{date} {src_nr}.txt\n")
        if not quiet and (i + 1) % 10000 == 0:
            print(f"gen_corpus: {i + 1}/{n} documents, {total / 1e6:.0f} MB", file=sys.stderr)
    index.close()
    if not quiet:
        print(f"gen_corpus: {n} documents, {total} bytes in {out_dir}", file=sys.stderr)


# ----------------------------------------------------------------------------
# Hostile inputs


def write_hostile(out_dir, size_mb, list_items, seed, quiet):
    rng = random.Random(seed)
    size = int(size_mb * 1_000_000)
    os.makedirs(out_dir, exist_ok=True)

    def put(name, data):
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)
        if not quiet:
            print(f"gen_corpus: {name}: {len(data)} bytes", file=sys.stderr)

    head = b"Deutscher Bundestag Drucksache 21/1\n21. Wahlperiode 01.01.2025\nAntwort\n"
    # 1. Drucksache 1/1/1/1/... on one line
    put("hostile-drucksache-run.txt", head + b"Drucksache " + b"1/" * ((size - len(head)) // 2) + b"1\n")
    # 2. digits and slashes, lines of 64 kB, every line starting with a keyword
    alphabet = b"0123456789/"
    parts = [head]
    have = len(head)
    while have < size:
        n = min(65536, size - have)
        line = b"Drucksache " + bytes(rng.choice(alphabet) for _ in range(1024)) * (n // 1024 + 1)
        line = line[:n] + b"\n"
        parts.append(line)
        have += len(line)
    put("hostile-digits-slashes.txt", b"".join(parts))
    # 3. one line of (((
    put("hostile-parens.txt", head + b"(" * (size - len(head)) + b"\n")
    # 4. a list of K items after one keyword
    if list_items is None:
        list_items = max(1000, size // 11)
    items = []
    for i in range(list_items - 1):
        wp = 1 + i % 21
        nr = 1 + i // 21
        items.append(f"{wp}/{nr}")
    last = f"{1 + (list_items - 1) % 21}/{1 + (list_items - 1) // 21}"
    body = "Siehe Drucksachen " + ", ".join(items) + " und " + last + ".\n"
    put("hostile-list.txt", head + body.encode())
    # 5. keywords without numbers
    kws = [b"Drucksache ", b"Bundestagsdrucksache ", b"BT-Drs. ", b"Drs. ", b"Verordnung (EU) ",
           b"Ratsdok. ", b"COM(", b"Antwort zu Frage ", b"Plenarprotokoll ", b"Bundes-\ndrucksache "]
    parts = [head]
    have = len(head)
    while have < size:
        k = rng.choice(kws)
        parts.append(k)
        have += len(k)
    put("hostile-keywords.txt", b"".join(parts) + b"\n")
    # 6. one URL of the whole size
    put("hostile-url.txt", head + b"siehe https://a.de/" + b"a" * (size - len(head) - 20) + b"\n")
    # 7. an endless locator list before a document
    parts = [head, b"Antwort zu Frage 1"]
    have = len(head) + 18
    i = 2
    while have < size:
        p = b", %d" % i
        parts.append(p)
        have += len(p)
        i += 1
    parts.append(b" auf Bundestagsdrucksache 19/5954.\n")
    put("hostile-locators.txt", b"".join(parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog="")
    ap.add_argument("out_dir")
    ap.add_argument("-n", "--docs", type=int, default=10000, help="number of documents (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--per-dir", type=int, default=1000, help="documents per subdirectory (default 1000)")
    ap.add_argument("--ref-density", type=float, default=1.0,
                    help="multiply the number of references per kB (default 1.0: the DIP corpus's)")
    ap.add_argument("--hostile", action="store_true", help="write the hostile inputs instead")
    ap.add_argument("--size-mb", type=float, default=5.0, help="hostile: size of each input in MB (default 5)")
    ap.add_argument("--list-items", type=int, default=None,
                    help="hostile: items of the Drucksachen list (default: as many as fill --size-mb)")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    if a.hostile:
        write_hostile(a.out_dir, a.size_mb, a.list_items, a.seed, a.quiet)
    else:
        if a.docs < 1 or a.per_dir < 1:
            ap.error("--docs and --per-dir must be at least 1")
        write_corpus(a.out_dir, a.docs, a.seed, a.per_dir, a.ref_density, a.quiet)


if __name__ == "__main__":
    main()
