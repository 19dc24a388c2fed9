#!/usr/bin/python3
"""Browser tests of the explorer (`citegraph graph --format html`).

Usage:
  tests/browser/explorer_test.py --citegraph BIN [--source-dir DIR] [--group G]...
                                 [--workdir DIR] [--keep] [-v]

Writes pages of data/sample with the given citegraph into a temporary
directory (run from the source directory, so the files are named
data/sample/...), opens them in headless Chromium (WebGL in software, network
off) and checks them against what the same citegraph answers in JSON:
`graph --format json`, `cites`, `cited-by`, `path`, `graph --around`. Every
check is named and printed as PASS or FAIL with what was expected and what
was found; the exit status is 1 when one failed.

Groups (default: all):
  sample     the page of the whole sample: loading, counts, search, the panel,
             filters, neighbourhood, path, the URL fragment, legend, node size
  variants   pages with --around 21/1958 --depth 1, --questions, --layout time
  escaping   a fixture whose title and a quoted line hold </script>, <!-- and
             markup: nothing of it runs, the panel shows it as text

Needs Debian's chromium, chromium-driver and python3-selenium.
"""

import argparse
import collections
import datetime
import filecmp
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cg_browser  # noqa: E402
from cg_browser import Checks  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

SAMPLE = "data/sample"
ANSWER = "21/1958"                 # the Antwort the README's examples use
ANSWER_ID = "BT-Drs. 21/1958"
ESCAPE_FIXTURE = "tests/browser/fixtures/escape"
ESCAPE_ID = "BT-Drs. 21/99901"
# three documents of the sample as one page of DIP's answer (tools/text_to_dip.py)
DIP_FIXTURE = "tests/browser/fixtures/dip/page-0001.json"


def enc(s):
    """encodeURIComponent"""
    return urllib.parse.quote(s, safe="-_.!~*'()")


def fold(s):
    """Case and umlauts folded as the page's search folds them."""
    s = s.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    return s


def quote_ok(got, line):
    """The quote shown for a position: the line of the file, trimmed; a line of
    more than 300 bytes cut after at most 300 bytes, with an ellipsis."""
    if not got:
        return False
    if line is None or got == line:  # (no file to compare with: a DIP record)
        return True
    if len(line.encode()) > 300 and got.endswith("…"):
        head = got[:-1].rstrip()
        return line.startswith(head) and len(head.encode()) <= 300 and len(head) > 0
    return False


class Corpus:
    """What citegraph says about the input, in JSON: the truth the page is
    checked against."""

    def __init__(self, t, args):
        self.t = t
        self.j = t.run_json(["graph", "--format", "json"] + args)
        self.nodes = self.j["nodes"]
        self.links = self.j["links"]
        self.ids = [n["id"] for n in self.nodes]
        self.index = {n: i for i, n in enumerate(self.ids)}
        self.node = {n["id"]: n for n in self.nodes}
        self.adj = collections.defaultdict(list)
        for e in sorted(self.links, key=lambda e: (self.index[e["source"]], self.index[e["target"]])):
            self.adj[self.index[e["source"]]].append(self.index[e["target"]])

    def bfs(self, a):
        """Shortest paths from a, following edges forwards, neighbours in
        ascending index, the first discovery wins: parents, distances and the
        number of shortest paths to each node."""
        parent, dist, ways = {a: None}, {a: 0}, {a: 1}
        queue = collections.deque([a])
        while queue:
            u = queue.popleft()
            for v in self.adj[u]:
                if v not in dist:
                    dist[v], parent[v], ways[v] = dist[u] + 1, u, ways[u]
                    queue.append(v)
                elif dist[v] == dist[u] + 1:
                    ways[v] += ways[u]
        return parent, dist, ways

    def path(self, a, b):
        parent, dist, _ = self.bfs(self.index[a])
        if self.index[b] not in dist:
            return None
        p, v = [], self.index[b]
        while v is not None:
            p.append(self.ids[v])
            v = parent[v]
        return p[::-1]


class Tester:
    def __init__(self, args):
        self.a = args
        self.src = os.path.abspath(args.source_dir)
        self.citegraph = os.path.abspath(args.citegraph)
        self.work = args.workdir
        self.c = Checks(verbose=args.verbose)
        self.b = None
        self.page_url = None
        self.label = None

    # ---- citegraph ----

    def run(self, argv):
        p = subprocess.run([self.citegraph] + argv, cwd=self.src, capture_output=True, timeout=300)
        if p.returncode != 0:
            raise RuntimeError(f"citegraph {' '.join(argv)}: exit status {p.returncode}: "
                               f"{p.stderr.decode(errors='replace')[:2000]}")
        return p.stdout

    def run_json(self, argv):
        return json.loads(self.run(argv + ["--format", "json"] if "--format" not in argv else argv))

    def page(self, name, args):
        """Writes the page of `citegraph graph --format html ARGS`, returns its path."""
        out = os.path.join(self.work, name + ".html")
        self.run(["graph", "--format", "html", "-q", "-o", out] + args)
        return out

    # ---- the browser ----

    def browser(self):
        if self.b is None:
            t0 = time.monotonic()
            self.b = cg_browser.Browser(self.a.chromium, self.a.chromedriver)
            print(f"# Chromium {self.b.version} started in {time.monotonic() - t0:.1f} s", flush=True)
        return self.b

    def visit(self, label, path, fragment=""):
        """Opens the page; checks that it got ready (fails the check `label:
        loads` otherwise and returns False)."""
        self.leave()
        b = self.browser()
        st = b.open(path, fragment)
        self.page_url, self.label = st["url"], label
        ok = st["ready"] == "1" and st["api"]
        msg = ""
        if not ok:
            msg = (f"body.dataset.ready={st['ready']!r}, cgExplorer.ready={st['api']}, "
                   f"#cg-error={st['error']!r} after {st['seconds']:.1f} s")
            console, _ = b.drain_logs()
            msg += "; console: " + "; ".join(f"{e['level']} {e['message']}" for e in console[:10])
        self.c.check(f"{label}: loads (cgExplorer.ready, body[data-ready=1])", ok, msg)
        return ok

    def leave(self):
        """The console and network checks of the page open since visit()."""
        if self.b is None or self.label is None:
            return
        label, self.label = self.label, None
        console, requests = self.b.drain_logs()
        bad, other = cg_browser.console_problems(console)
        for o in other:
            print(f"#   {label}: console (not failing): {o}", flush=True)
        self.c.check(f"{label}: no console errors (SEVERE) or warnings of the page's script",
                     not bad, "; ".join(bad)[:3000])
        foreign = cg_browser.page_requests_ok(requests, self.page_url)
        self.c.check(f"{label}: no request but the page's own file", not foreign,
                     f"requests made: {foreign[:20]}")

    def js(self, script, *args):
        return self.b.js(script, *args)

    def api(self, expr):
        return self.js("return window.cgExplorer." + expr + ";")

    def wait_for(self, fn, want, timeout=10.0):
        t0 = time.monotonic()
        got = fn()
        while got != want and time.monotonic() - t0 < timeout:
            time.sleep(0.05)
            got = fn()
        return got

    def selected(self):
        return self.api("selected()")

    def search(self, text, shift=False, want=None):
        """Types TEXT into #cg-search and presses Enter (Shift+Enter); waits
        until selected() == want when given. Returns selected()."""
        d = self.b.driver
        box = d.find_element(By.ID, "cg-search")
        box.click()
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)
        box.send_keys(text)
        if shift:
            ActionChains(d).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
        else:
            box.send_keys(Keys.ENTER)
        if want is not None:
            return self.wait_for(self.selected, want)
        time.sleep(0.3)
        return self.selected()

    def results(self):
        return self.js("return Array.from(document.querySelectorAll('#cg-search-results li[data-id]'))"
                       ".map(function(li){return li.dataset.id;});")

    def visible(self, ids):
        return self.js("return arguments[0].map(function(id){return !!window.cgExplorer.isVisible(id);});",
                       ids)

    def set_checkbox(self, css, checked):
        d = self.b.driver
        els = d.find_elements(By.CSS_SELECTOR, css)
        if not els:
            raise AssertionError(f"no element {css}")
        el = els[0]
        if el.is_selected() != checked:
            if el.is_displayed() and el.is_enabled():
                try:
                    el.click()
                except Exception:
                    pass
            if el.is_selected() != checked:  # hidden or covered: as a script would
                self.js("arguments[0].checked = arguments[1];"
                        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", el, checked)
        time.sleep(0.05)

    def set_value(self, css, value):
        el = self.b.driver.find_element(By.CSS_SELECTOR, css)
        self.js("arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", el, value)
        time.sleep(0.05)

    def panel_list(self, list_id):
        return self.js("""
            return Array.from(document.querySelectorAll('#' + arguments[0] + ' li.cg-citation')).map(function(li){
              var loc = li.querySelector('.cg-locator');
              return {id: li.dataset.id, locator: loc ? loc.textContent : null,
                      where: Array.from(li.querySelectorAll('.cg-where')).map(function(e){return e.textContent.trim();}),
                      quote: Array.from(li.querySelectorAll('.cg-quote')).map(function(e){return e.textContent;})};
            });""", list_id)

    def path_list(self):
        return self.js("return Array.from(document.querySelectorAll('ol#cg-path-list li[data-id]'))"
                       ".map(function(li){return li.dataset.id;});")

    def hash_state(self):
        h = self.js("return location.hash;") or ""
        parts = dict(p.split("=", 1) if "=" in p else (p, "") for p in h.lstrip("#").split("&") if p)
        sel = [urllib.parse.unquote(s) for s in parts.get("sel", "").split(",") if s]
        return h, sel, parts

    def file_line(self, file, line, record=None):
        """The line of a corpus file, or of the text of its DIP record
        `record` (from 1, over the file's pages in order), trimmed (what
        .cg-quote must show)."""
        with open(os.path.join(self.src, file), encoding="utf-8", errors="replace", newline="") as f:
            text = f.read()
        if record:
            records, dec, at = [], json.JSONDecoder(), 0
            while at < len(text):
                while at < len(text) and text[at].isspace():
                    at += 1
                if at == len(text):
                    break
                page, at = dec.raw_decode(text, at)
                records += page.get("documents", []) if isinstance(page, dict) else []
            if not 0 < record <= len(records):
                return None
            text = records[record - 1].get("text") or ""
        lines = re.split(r"\r\n|\n|\r", text)
        return lines[line - 1].strip(" \t\r\n\f\v") if 0 < line <= len(lines) else None

    # ---- static checks of the file ----

    def static_checks(self, label, path, corpus):
        c = self.c
        with open(path, encoding="utf-8") as f:
            text = f.read()

        class P(html.parser.HTMLParser):
            def __init__(self):
                super().__init__()
                self.bad, self.scripts, self.data = [], 0, None
                self._in_data = False

            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                if tag == "link":
                    self.bad.append(f"<link {attrs}>")
                for k in ("src", "href", "srcset", "action", "poster", "data"):
                    if k in a and not (a[k] or "").startswith("#") and tag != "object":
                        self.bad.append(f"<{tag} {k}={a[k]!r}>")
                if tag == "script":
                    self.scripts += 1
                    self._in_data = a.get("id") == "cg-data"

            def handle_data(self, data):
                if self._in_data:
                    self.data = (self.data or "") + data

            def handle_endtag(self, tag):
                if tag == "script":
                    self._in_data = False

        p = P()
        p.feed(text)
        c.check(f"{label}: no <link>, no src/href but #fragments in the HTML", not p.bad, str(p.bad[:10]))
        data = None
        try:
            data = json.loads(p.data)
        except (TypeError, ValueError) as e:
            c.check(f"{label}: DATA parses", False, f"<script id=cg-data>: {e}")
            return None
        c.check(f"{label}: DATA has no raw '<'", "<" not in p.data, "a '<' inside the data script")
        c.equal(f"{label}: DATA schema", data.get("schema"), "citegraph-explorer/1")
        c.equal(f"{label}: DATA counts = JSON export", data.get("counts"),
                {"nodes": corpus.j["graph"]["nodes"], "edges": corpus.j["graph"]["links"]})
        nf = data.get("node_fields", [])
        ef = data.get("edge_fields", [])
        ids = [n[nf.index("id")] for n in data.get("nodes", [])] if "id" in nf else None
        c.equal(f"{label}: DATA node ids, in order = JSON export", ids, corpus.ids)
        if ids and "source" in ef:
            pairs = [(ids[e[ef.index("source")]], ids[e[ef.index("target")]]) for e in data["edges"]]
            want = sorted(((e["source"], e["target"]) for e in corpus.links),
                          key=lambda st: (corpus.index[st[0]], corpus.index[st[1]]))
            c.equal(f"{label}: DATA edges, in (source, target) order = JSON export", pairs, want)
        return data

    # ---- the groups ----

    def check_counts(self, label, corpus):
        c = self.c
        with c.group(f"{label}: counts"):
            n, m = corpus.j["graph"]["nodes"], corpus.j["graph"]["links"]
            got = self.js("var x = window.cgExplorer; return [x.nodeCount(), x.edgeCount(), "
                          "x.visibleNodeCount(), x.visibleEdgeCount()];")
            c.equal(f"{label}: nodeCount() = JSON export's graph.nodes", got[0], n)
            c.equal(f"{label}: edgeCount() = JSON export's graph.links", got[1], m)
            c.equal(f"{label}: visibleNodeCount() without a filter = graph.nodes", got[2], n)
            c.equal(f"{label}: visibleEdgeCount() without a filter = graph.links", got[3], m)
            vis = self.visible(corpus.ids)
            c.check(f"{label}: isVisible(id) for every node without a filter", all(vis),
                    f"hidden: {[i for i, v in zip(corpus.ids, vis) if not v][:20]}")

    def group_sample(self):
        c = self.c
        corpus = Corpus(self, [SAMPLE])
        page = self.page("sample", [SAMPLE])
        with c.group("sample: static"):
            data = self.static_checks("sample", page, corpus)
            again = self.page("sample-again", [SAMPLE])
            c.check("sample: the same input gives the same bytes", filecmp.cmp(page, again, shallow=False),
                    f"{page} and {again} differ")
            if data:
                c.equal("sample: DATA layout is force by default", data.get("layout"), "force")
        if not self.visit("sample", page):
            self.leave()
            return

        with c.group("sample: page basics"):
            marks = self.js("return performance.getEntriesByName('cg-ready').length;")
            c.check("sample: performance.mark('cg-ready') made", marks >= 1, f"{marks} marks")
            title = self.js("return document.title;")
            c.check("sample: document.title says the DATA title",
                    data is not None and data.get("title", "\0") in title,
                    f"document.title {title!r}, DATA title {data and data.get('title')!r}")
            legend = self.js("var e=document.getElementById('cg-legend'); return e ? e.textContent.trim() : null;")
            c.check("sample: #cg-legend is there and says something", bool(legend), f"#cg-legend: {legend!r}")
            opts = self.js("var s=document.getElementById('cg-size-by'); return s ? "
                           "Array.from(s.options).map(function(o){return o.value;}) : null;")
            c.check("sample: select#cg-size-by offers indegree and pagerank",
                    opts is not None and {"indegree", "pagerank"} <= set(opts), f"options {opts}")
            nb = self.js("var s=document.getElementById('cg-neighbourhood'); return s ? "
                         "Array.from(s.options).map(function(o){return o.value;}) : null;")
            c.check("sample: select#cg-neighbourhood offers 0, 1, 2",
                    nb is not None and {"0", "1", "2"} <= set(nb), f"options {nb}")

        self.check_counts("sample", corpus)

        # search and panel
        with c.group("sample: search 21/1958"):
            got = self.search(ANSWER, want=[ANSWER_ID])
            c.equal(f"sample: search {ANSWER!r} + Enter selects {ANSWER_ID}", got, [ANSWER_ID])
            pid = self.js("var e=document.getElementById('cg-panel-id'); return e ? e.textContent.trim() : null;")
            c.equal("sample: #cg-panel-id shows it", pid, ANSWER_ID)
            self.check_panel_lists("sample", ANSWER_ID, corpus)
            url = corpus.node[ANSWER_ID]["url"]
            link = self.js("var a=document.getElementById('cg-panel-link'); return a ? "
                           "{href: a.getAttribute('href'), target: a.getAttribute('target')} : null;")
            c.equal("sample: a#cg-panel-link goes to the official source, in a new tab", link,
                    {"href": url, "target": "_blank"})

        # the node most cited in the sample: its cited-by list
        with c.group("sample: panel of the most cited document"):
            indeg = collections.Counter(e["target"] for e in corpus.links)
            top = sorted(indeg.items(), key=lambda kv: (-kv[1], corpus.index[kv[0]]))[0][0]
            got = self.search(top, want=[top])
            c.equal(f"sample: search {top!r} selects it", got, [top])
            self.check_panel_lists("sample", top, corpus)

        with c.group("sample: a node without url has no link"):
            nourl = [n["id"] for n in corpus.nodes if not n["url"] and n["kind"] != "document"]
            if nourl:
                got = self.search(nourl[0], want=[nourl[0]])
                c.equal(f"sample: search {nourl[0]!r} selects it", got, [nourl[0]])
                link = self.js("var a=document.getElementById('cg-panel-link');"
                               "if (!a) return null; var r=a.getBoundingClientRect();"
                               "return {href: a.getAttribute('href'), shown: !a.hidden && r.width > 0 && r.height > 0 &&"
                               " getComputedStyle(a).display != 'none' && getComputedStyle(a).visibility != 'hidden'};")
                c.check(f"sample: no a#cg-panel-link shown for {nourl[0]} (it has no url)",
                        link is None or not link["shown"] or not link["href"], f"link {link}")

        self.check_spellings("sample", corpus)
        self.check_title_search("sample", corpus)

        with c.group("sample: clicking a search result or a citation selects"):
            self.search(ANSWER, want=[ANSWER_ID])
            li = self.b.driver.find_elements(By.CSS_SELECTOR, "#cg-cites li.cg-citation")
            if li:
                target = li[0].get_attribute("data-id")
                self.b.driver.execute_script("arguments[0].scrollIntoView();", li[0])
                li[0].click()
                got = self.wait_for(lambda: self.selected()[-1:], [target])
                c.equal("sample: clicking a #cg-cites entry selects its node", got, [target])
            else:
                c.check("sample: clicking a #cg-cites entry selects its node", False, "no #cg-cites entry")
            d = self.b.driver
            box = d.find_element(By.ID, "cg-search")
            box.click()
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.DELETE)
            box.send_keys("BT-Drs. 21/1633")
            res = self.wait_for(lambda: "BT-Drs. 21/1633" in self.results(), True, 5)
            c.check("sample: typing lists matches in #cg-search-results li[data-id]", res,
                    f"results {self.results()}")
            if res:
                el = d.find_element(By.CSS_SELECTOR, '#cg-search-results li[data-id="BT-Drs. 21/1633"]')
                el.click()
                got = self.wait_for(lambda: self.selected()[-1:], ["BT-Drs. 21/1633"])
                c.equal("sample: clicking a search result selects it", got, ["BT-Drs. 21/1633"])
            # The list closes 150 ms after the box loses the focus, so that a click on a result
            # still lands; with the focus back within that time it stays open (it once closed a
            # moment later, under the typing hand, and a click on a result missed). Typed first,
            # then blur and focus in one script, then no key: the timer alone decides.
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.DELETE)
            box.send_keys("BT-Drs. 21/1633")
            self.wait_for(lambda: "BT-Drs. 21/1633" in self.results(), True, 5)
            self.js("var b=document.getElementById('cg-search'); b.blur(); b.focus();")
            time.sleep(0.4)
            shown = self.js("var l=document.getElementById('cg-search-results');"
                            "return !l.hidden && l.getBoundingClientRect().height > 0;")
            c.check("sample: blur and focus again within 150 ms: the results stay shown",
                    shown and "BT-Drs. 21/1633" in self.results(), f"shown {shown}, results {self.results()}")

        self.leave()
        self.check_filters("sample", page, corpus)
        self.check_neighbourhood("sample", page, corpus)
        self.check_path("sample", page, corpus)
        self.leave()

    def check_panel_lists(self, label, node_id, corpus, paths=(SAMPLE,)):
        c = self.c
        for cmd, key, list_id, other in (("cites", "cites", "cg-cites", "target"),
                                         ("cited-by", "cited_by", "cg-cited-by", "source")):
            want = self.run_json([cmd, node_id, "--format", "json"] + list(paths))[key]
            got = self.wait_for(lambda: len(self.panel_list(list_id)), len(want), 5)
            got = self.panel_list(list_id)
            name = f"{label}: #{list_id} of {node_id}"
            c.equal(f"{name} lists exactly what `citegraph {cmd}` lists",
                    sorted(g["id"] for g in got), sorted(e[other] for e in want))
            by_id = {}
            for g in got:
                by_id.setdefault(g["id"], g)
            bad_where, bad_quote, bad_loc = [], [], []
            for e in want:
                g = by_id.get(e[other])
                if not g:
                    continue
                where = [(f"{p['file']}#{p['record']}" if p.get("record") else p["file"]) +
                         f":{p['line']}:{p['col']}" for p in e["positions"]]
                if g["where"] != where:
                    bad_where.append(f"{e[other]}: expected {where}, got {g['where']}")
                quotes = [self.file_line(p["file"], p["line"], p.get("record")) for p in e["positions"]]
                got_q = [q.strip() for q in g["quote"]]
                if len(got_q) != len(quotes) or any(not quote_ok(gq, wq) for gq, wq in zip(got_q, quotes)):
                    bad_quote.append(f"{e[other]}: expected {quotes}, got {g['quote']}")
                for loc in e["locators"]:
                    if loc not in (g["locator"] or ""):
                        bad_loc.append(f"{e[other]}: locator {loc!r} not in {g['locator']!r}")
            c.check(f"{name}: .cg-where is FILE:LINE:COL of every position", not bad_where,
                    "; ".join(bad_where)[:3000])
            c.check(f"{name}: .cg-quote is the line of the file, for every position", not bad_quote,
                    "; ".join(bad_quote)[:3000])
            c.check(f"{name}: .cg-locator holds the locators", not bad_loc, "; ".join(bad_loc)[:3000])

    def check_spellings(self, label, corpus):
        c = self.c
        n = corpus.node
        cases = [(s, ANSWER_ID) for s in ("21/1958", "BT-Drs. 21/1958", "Drs. 21/1958", "Drucksache 21/1958",
                                          "BT-Drucksache 21/1958", "Bundestagsdrucksache 21/1958",
                                          "btdrs 21/1958", "bt-drs. 21/1958")]
        extra = [("BR-Drs. 103/25(B)", "BR-Drs. 103/25(B)"),
                 ("Bundesrat-Drucksache 103/25", "BR-Drs. 103/25"),
                 ("PlPr 21/13", "BT-PlPr. 21/13"), ("Plenarprotokoll 21/13", "BT-PlPr. 21/13"),
                 ("VO (EU) 2021/821", "CELEX:32021R0821"), ("32021R0821", "CELEX:32021R0821"),
                 ("COM(2020) 72", "COM(2020) 72"), ("ST 12545/18", "ST 12545/18")]
        cases += [(s, i) for s, i in extra if i in n]
        # the canonical id and the label of one node of every kind
        data = self.js("return JSON.parse(document.getElementById('cg-data').textContent);")
        nf = data["node_fields"]
        kinds = data["tables"]["kind"]
        seen = set()
        for row in data["nodes"]:
            k = kinds[row[nf.index("kind")]] if row[nf.index("kind")] >= 0 else None
            if k in seen or k in ("question", "url"):
                continue
            seen.add(k)
            cases.append((row[nf.index("id")], row[nf.index("id")]))
            if row[nf.index("label")] and row[nf.index("label")] != row[nf.index("id")]:
                cases.append((row[nf.index("label")], row[nf.index("id")]))
        done = set()
        for text, want in cases:
            if (text, want) in done:
                continue
            done.add((text, want))
            with c.group(f"{label}: search {text!r} selects {want}"):
                got = self.search(text, want=[want])
                c.equal(f"{label}: search {text!r} selects {want}", got, [want],
                        f"results listed: {self.results()[:8]}")

    def check_title_search(self, label, corpus):
        """Words of a title (two of them, one spelt with 'ae' for 'ä' when
        there is one, in other case) find the one document with that title."""
        c = self.c
        titled = [n for n in corpus.nodes if n["title"]]
        words_re = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")
        best = None
        for n in titled:
            words = sorted(set(words_re.findall(n["title"])), key=lambda w: (-len(w), w))
            for w1 in words[:6]:
                for w2 in words[:6]:
                    if w1 >= w2:
                        continue
                    hits = [m["id"] for m in titled if fold(w1) in fold(m["title"]) and fold(w2) in fold(m["title"])]
                    if hits == [n["id"]]:
                        umlaut = any(ch in w1 + w2 for ch in "äöüÄÖÜ")
                        key = (not umlaut, corpus.index[n["id"]])
                        if best is None or key < best[0]:
                            best = (key, n["id"], w1, w2)
        if not best:
            c.check(f"{label}: title-word search", False, "no title with two words that only it has")
            return
        _, want, w1, w2 = best
        query = f"{fold(w1).upper()} {w2.lower()}" if any(ch in w1 for ch in "äöüÄÖÜß") else \
            f"{w1.upper()} {fold(w2)}"
        with c.group(f"{label}: title words {query!r} select {want}"):
            got = self.search(query, want=[want])
            c.equal(f"{label}: title words {query!r} select {want} (title {corpus.node[want]['title']!r})",
                    got, [want], f"results listed: {self.results()[:8]}")
            c.check(f"{label}: title words {query!r} list {want} in #cg-search-results",
                    want in self.results(), f"results {self.results()[:8]}")

    def check_filters(self, label, page, corpus):
        c = self.c
        nodes = corpus.nodes

        def expect(hidden_pred, rel_off=()):
            vis = [not hidden_pred(n) for n in nodes]
            vis_id = {n["id"] for n, v in zip(nodes, vis) if v}
            edges = sum(1 for e in corpus.links
                        if e["source"] in vis_id and e["target"] in vis_id and e["relation"] not in rel_off)
            return vis, edges

        def compare(name, vis, edges):
            # (waits a little for a page that applies filters after a pause in typing)
            got = self.wait_for(lambda: self.visible(corpus.ids), vis, 5)
            wrong = [f"{i} ({'shown' if g else 'hidden'})" for i, g, w in zip(corpus.ids, got, vis) if g != w]
            c.check(f"{name}: isVisible right for every node", not wrong,
                    f"{len(wrong)} wrong: {wrong[:15]}")
            cnt = self.js("return [window.cgExplorer.visibleNodeCount(), window.cgExplorer.visibleEdgeCount()];")
            c.equal(f"{name}: visibleNodeCount", cnt[0], sum(vis))
            c.equal(f"{name}: visibleEdgeCount", cnt[1], edges)

        if not self.visit(f"{label} filters", page):
            return
        groups = {
            "issuer": lambda n: n["issuer"] or "",
            "wahlperiode": lambda n: str(n["wahlperiode"] or 0),
            "type": lambda n: n["type"] or "",
            "kind": lambda n: n["kind"],
            "corpus": lambda n: "in" if n["in_corpus"] else "out",
        }
        for g, key in groups.items():
            with c.group(f"{label} filter {g}"):
                offered = self.js("return Array.from(document.querySelectorAll("
                                  "'input[type=checkbox][data-filter=\"' + arguments[0] + '\"]'))"
                                  ".map(function(e){return [e.value, e.checked];});", g)
                have = {key(n) for n in nodes}
                if g == "issuer":
                    have.discard("")
                c.check(f"{label} filter {g}: a checkbox for every value in the graph, all checked",
                        have <= {v for v, _ in offered} and all(ch for _, ch in offered),
                        f"values in the graph {sorted(have)}, offered {offered}")
                for v, _ in offered:
                    if v not in have and not (g == "issuer" and v == ""):
                        continue
                    sel = f'input[type=checkbox][data-filter="{g}"][value="{v}"]'
                    self.set_checkbox(sel, False)
                    vis, edges = expect(lambda n: key(n) == v)
                    compare(f"{label} filter {g}={v!r} off", vis, edges)
                    self.set_checkbox(sel, True)
                    vis, edges = expect(lambda n: False)
                    compare(f"{label} filter {g}={v!r} on again", vis, edges)

        with c.group(f"{label} filter relation answers"):
            sel = 'input[type=checkbox][data-filter="relation"][value="answers"]'
            self.set_checkbox(sel, False)
            vis, edges = expect(lambda n: False, rel_off=("answers",))
            c.check(f"{label} filter relation: the sample has answers edges",
                    any(e["relation"] == "answers" for e in corpus.links), "none")
            compare(f"{label} filter relation=answers off", vis, edges)
            self.set_checkbox(sel, True)

        with c.group(f"{label} filter author"):
            names = collections.Counter(a["name"] for n in nodes for a in n.get("urheber", []))
            # "Linke" (Fraktion Die Linke) when the graph has it, else the last
            # word of the most frequent name: some documents have it, not all
            word = "Linke" if any("Linke" in x for x in names) else \
                sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0].split()[-1]
            box = self.b.driver.find_element(By.ID, "cg-filter-author")
            box.click()
            box.send_keys(word.lower())
            vis, edges = expect(lambda n: not any(fold(word) in fold(a["name"]) for a in n.get("urheber", [])))
            compare(f"{label} filter author {word.lower()!r}", vis, edges)
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.DELETE)
            vis, edges = expect(lambda n: False)
            compare(f"{label} filter author emptied", vis, edges)

        with c.group(f"{label} filter dates"):
            dates = sorted({n["date"] for n in nodes if n["date"]})
            day = datetime.timedelta(days=1)
            d_from = datetime.date.fromisoformat(dates[len(dates) // 4]) + day
            d_to = datetime.date.fromisoformat(dates[(3 * len(dates)) // 4]) - day
            while d_from.isoformat() in dates:
                d_from += day
            while d_to.isoformat() in dates:
                d_to -= day
            f, t = d_from.isoformat(), d_to.isoformat()
            self.set_value("input#cg-date-from", f)
            self.set_value("input#cg-date-to", t)
            vis, edges = expect(lambda n: n["date"] is not None and not (f <= n["date"] <= t))
            c.check(f"{label} filter dates: the range {f}..{t} leaves some dated nodes on both sides",
                    any(n["date"] and n["date"] < f for n in nodes) and any(n["date"] and n["date"] > t for n in nodes),
                    "it does not")
            compare(f"{label} filter dates {f}..{t} (undated shown)", vis, edges)
            self.set_checkbox("input#cg-date-undated", False)
            vis, edges = expect(lambda n: n["date"] is None or not (f <= n["date"] <= t))
            compare(f"{label} filter dates {f}..{t}, undated unchecked", vis, edges)
            self.set_value("input#cg-date-from", "")
            self.set_value("input#cg-date-to", "")
            vis, edges = expect(lambda n: n["date"] is None)
            compare(f"{label} filter no date range, undated unchecked", vis, edges)
            self.set_checkbox("input#cg-date-undated", True)
            vis, edges = expect(lambda n: False)
            compare(f"{label} filter dates cleared", vis, edges)

    def check_neighbourhood(self, label, page, corpus):
        c = self.c
        if not self.visit(f"{label} neighbourhood", page):
            return
        for depth in ("1", "2"):
            with c.group(f"{label} neighbourhood {depth} of {ANSWER_ID}"):
                around = self.run_json(["graph", "--around", ANSWER, "--depth", depth, "--format", "json", SAMPLE])
                want = {n["id"] for n in around["nodes"]}
                self.search(ANSWER, want=[ANSWER_ID])
                Select(self.b.driver.find_element(By.ID, "cg-neighbourhood")).select_by_value(depth)
                time.sleep(0.2)
                got = {i for i, v in zip(corpus.ids, self.visible(corpus.ids)) if v}
                c.equal(f"{label} neighbourhood {depth}: the visible nodes are those of "
                        f"`graph --around {ANSWER} --depth {depth}`", sorted(got), sorted(want))
                cnt = self.js("return [window.cgExplorer.visibleNodeCount(), window.cgExplorer.visibleEdgeCount()];")
                c.equal(f"{label} neighbourhood {depth}: visible counts = that graph's nodes and links", cnt,
                        [around["graph"]["nodes"], around["graph"]["links"]])
                h, sel, parts = self.hash_state()
                c.check(f"{label} neighbourhood {depth}: the URL fragment says sel={ANSWER_ID} and nb={depth}",
                        sel == [ANSWER_ID] and parts.get("nb") == depth, f"location.hash {h!r}")
        with c.group(f"{label} neighbourhood off"):
            Select(self.b.driver.find_element(By.ID, "cg-neighbourhood")).select_by_value("0")
            time.sleep(0.2)
            cnt = self.js("return window.cgExplorer.visibleNodeCount();")
            c.equal(f"{label} neighbourhood 0: everything visible again", cnt, len(corpus.ids))

        frag = f"sel={enc(ANSWER_ID)}&nb=1"
        if self.visit(f"{label} fragment #{frag}", page, frag):
            with c.group(f"{label} fragment #{frag} restores"):
                around = self.run_json(["graph", "--around", ANSWER, "--depth", "1", "--format", "json", SAMPLE])
                c.equal(f"{label} fragment #{frag}: selected()", self.selected(), [ANSWER_ID])
                pid = self.js("var e=document.getElementById('cg-panel-id'); return e ? e.textContent.trim() : null;")
                c.equal(f"{label} fragment #{frag}: #cg-panel-id", pid, ANSWER_ID)
                val = self.js("return document.getElementById('cg-neighbourhood').value;")
                c.equal(f"{label} fragment #{frag}: select#cg-neighbourhood", val, "1")
                c.equal(f"{label} fragment #{frag}: visibleNodeCount", self.api("visibleNodeCount()"),
                        around["graph"]["nodes"])

    def check_path(self, label, page, corpus):
        c = self.c
        # the pair: from a document of the corpus to any node, a path of length
        # >= 2, preferably with several shortest paths (so that the tie-break is
        # tested), then the longest, then the first in id order
        cands = []
        docs = [i for i, n in enumerate(corpus.nodes) if n["in_corpus"]]
        reach = {}
        for a in range(len(corpus.ids)):
            parent, dist, ways = corpus.bfs(a)
            reach[a] = dist
            if a not in docs:
                continue
            for b, d in dist.items():
                if d >= 2:
                    cands.append((-(ways[b] > 1), -d, a, b))
        c.check(f"{label} path: the sample has two documents with a path of length >= 2", cands, "none")
        if not cands:
            return
        cands.sort()
        ties, _, a, b = cands[0]
        A, B = corpus.ids[a], corpus.ids[b]
        want = [n["id"] for n in self.run_json(["path", A, B, "--format", "json", SAMPLE])["path"]]
        print(f"# path pair: {A} -> {B}, length {len(want) - 1}, "
              f"{'several shortest paths' if ties else 'one shortest path'}", flush=True)
        c.check(f"{label} path: `citegraph path {A} {B}` has length >= 2", len(want) >= 3, f"path {want}")
        c.equal(f"{label} path: `citegraph path` is the breadth-first path of the JSON export "
                f"(neighbours by ascending index, first discovery wins)", want, corpus.path(A, B))
        if not self.visit(f"{label} path", page):
            return
        with c.group(f"{label} path {A} -> {B}"):
            got = self.search(A, want=[A])
            c.equal(f"{label} path: search {A!r} + Enter selects it", got, [A])
            got = self.search(B, shift=True, want=[A, B])
            c.equal(f"{label} path: search {B!r} + Shift+Enter adds it", got, [A, B])
            self.b.driver.find_element(By.ID, "cg-path").click()
            got = self.wait_for(self.path_list, want, 5)
            c.equal(f"{label} path: ol#cg-path-list li[data-id] = `citegraph path {A} {B}`", got, want)
            c.equal(f"{label} path: pathIds() = `citegraph path {A} {B}`", self.api("pathIds()"), want)
            h, sel, parts = self.hash_state()
            c.check(f"{label} path: the URL fragment says sel={A},{B} and path=1",
                    sel == [A, B] and parts.get("path") == "1", f"location.hash {h!r}")
        frag = h.lstrip("#") if h else f"sel={enc(A)},{enc(B)}&path=1"
        if self.visit(f"{label} path fragment", page, frag):
            with c.group(f"{label} path fragment #{frag} restores"):
                c.equal(f"{label} path fragment #{frag}: selected()", self.selected(), [A, B])
                got = self.wait_for(self.path_list, want, 5)
                c.equal(f"{label} path fragment #{frag}: ol#cg-path-list", got, want)
                c.equal(f"{label} path fragment #{frag}: pathIds()", self.api("pathIds()"), want)

        # reverse: selected B then A, no path B -> A: the path A -> B is shown
        if a not in reach[b]:
            if self.visit(f"{label} path reversed", page):
                with c.group(f"{label} path {B} then {A} (no path that way)"):
                    self.search(B, want=[B])
                    self.search(A, shift=True, want=[B, A])
                    self.b.driver.find_element(By.ID, "cg-path").click()
                    got = self.wait_for(self.path_list, want, 5)
                    c.equal(f"{label} path {B} then {A}: the reverse direction is shown, "
                            f"= `citegraph path {A} {B}`", got, want)

        # no path either way
        pair = None
        for x in docs:
            for y in docs:
                if x < y and y not in reach[x] and x not in reach[y]:
                    pair = (corpus.ids[x], corpus.ids[y])
                    break
            if pair:
                break
        c.check(f"{label} path: the sample has two documents without a path", pair, "none")
        if pair and self.visit(f"{label} no path", page):
            X, Y = pair
            with c.group(f"{label} no path {X} / {Y}"):
                self.search(X, want=[X])
                got = self.search(Y, shift=True, want=[X, Y])
                c.equal(f"{label} no path: both selected", got, [X, Y])
                self.b.driver.find_element(By.ID, "cg-path").click()
                time.sleep(0.5)
                c.equal(f"{label} no path {X} / {Y}: ol#cg-path-list has no li", self.path_list(), [])
                c.equal(f"{label} no path {X} / {Y}: pathIds() is []", self.api("pathIds()"), [])
                text = self.js("var e=document.getElementById('cg-path-list'); return e ? e.textContent : null;")
                c.check(f"{label} no path {X} / {Y}: #cg-path-list says 'no path'",
                        text is not None and "no path" in text.lower(), f"#cg-path-list text {text!r}")

    def group_variants(self):
        c = self.c
        variants = [("around", ["--around", ANSWER, "--depth", "1", SAMPLE]),
                    ("questions", ["--questions", SAMPLE]),
                    ("time", ["--layout", "time", SAMPLE]),
                    ("dip", [DIP_FIXTURE])]
        for name, args in variants:
            page = None
            with c.group(f"{name}: page written"):
                corpus = Corpus(self, [a for a in args if a not in ("--layout", "time")])
                page = self.page(name, args)
                data = self.static_checks(name, page, corpus)
                if data:
                    c.equal(f"{name}: DATA layout", data.get("layout"), "time" if name == "time" else "force")
            if page is None or not self.visit(name, page):
                continue
            self.check_counts(name, corpus)
            if name == "time":
                with c.group("time: x grows with the date"):
                    self.check_time_layout(corpus)
            if name == "dip":
                # positions in a DIP record: FILE#RECORD:LINE:COL, the record's line quoted
                with c.group("dip: panel of 21/1958 read from a DIP page"):
                    self.search(ANSWER, want=[ANSWER_ID])
                    self.check_panel_lists("dip", ANSWER_ID, corpus, paths=(DIP_FIXTURE,))
            self.leave()

    def check_time_layout(self, corpus):
        c = self.c
        data = self.js("return JSON.parse(document.getElementById('cg-data').textContent);")
        c.equal("time: DATA layout", data.get("layout"), "time")
        ax = data.get("time_axis")
        c.check("time: DATA time_axis has from, to, x_from, x_to",
                isinstance(ax, dict) and {"from", "to", "x_from", "x_to"} <= set(ax), f"time_axis {ax}")
        nf = data["node_fields"]
        rows = [(r[nf.index("id")], r[nf.index("date")], r[nf.index("x")]) for r in data["nodes"]]
        dated = sorted((d, x, i) for i, d, x in rows if d)
        bad = []
        for (d1, x1, i1), (d2, x2, i2) in zip(dated, dated[1:]):
            if (d2 > d1 and not x2 > x1) or (d2 == d1 and abs(x2 - x1) > 1e-6 * max(1.0, abs(x1))):
                bad.append(f"{i1} ({d1}, x={x1}) / {i2} ({d2}, x={x2})")
        c.check("time: every dated node's x grows with its date", dated and not bad,
                f"{len(bad)} pairs out of order: {bad[:10]}" if bad else "no dated node")
        if isinstance(ax, dict) and {"from", "to", "x_from", "x_to"} <= set(ax):
            d0 = datetime.date.fromisoformat(ax["from"])
            span = (datetime.date.fromisoformat(ax["to"]) - d0).days or 1
            off = []
            for d, x, i in dated:
                want = ax["x_from"] + ((datetime.date.fromisoformat(d) - d0).days / span) * (ax["x_to"] - ax["x_from"])
                if abs(x - want) > 1e-3 * abs(ax["x_to"] - ax["x_from"]):
                    off.append(f"{i} ({d}): x={x}, linear {want:.3f}")
            c.check("time: x is linear in the date (from at x_from, to at x_to)", not off, "; ".join(off[:10]))
            und = [(i, x) for i, d, x in rows if not d and not x < ax["x_from"]]
            c.check("time: undated nodes stand left of x_from", not und, f"{und[:10]}")
            c.equal("time: time_axis spans the dates", [ax["from"], ax["to"]], [dated[0][0], dated[-1][0]])
        legend = self.js("var e=document.getElementById('cg-legend'); return e ? e.textContent : '';")
        c.check("time: #cg-legend is there", bool(legend.strip()), f"{legend!r}")

    def group_escaping(self):
        c = self.c
        args = [ESCAPE_FIXTURE, SAMPLE]
        page = None
        with c.group("escaping: page written"):
            corpus = Corpus(self, args)
            page = self.page("escaping", args)
            self.static_checks("escaping", page, corpus)
        if page is None:
            return
        title = corpus.node.get(ESCAPE_ID, {}).get("title")
        c.check("escaping: the fixture's title holds </script>, <!-- and markup",
                title and "</script><script>window.pwned=1</script>" in title and "<!--" in title, f"title {title!r}")
        if not self.visit("escaping", page):
            self.leave()
            return
        with c.group("escaping: nothing of the data runs"):
            pw = self.js("return [typeof window.pwned, typeof window.pwned2, typeof window.pwned3];")
            c.equal("escaping: window.pwned, pwned2, pwned3 are undefined", pw, ["undefined"] * 3)
            self.check_counts("escaping", corpus)
        with c.group("escaping: the panel shows the title as text"):
            got = self.search("21/99901", want=[ESCAPE_ID])
            c.equal("escaping: search 21/99901 selects the fixture", got, [ESCAPE_ID])
            panel = self.js("var p=document.getElementById('cg-panel'); return p ? p.textContent : '';")
            c.check("escaping: #cg-panel shows the title literally", title in panel,
                    f"title {title!r} not in the panel's text {panel[:800]!r}")
            imgs = self.js("return document.querySelectorAll('#cg-panel img, #cg-panel script, #cg-panel b').length;")
            c.equal("escaping: no element made of the title or the quote", imgs, 0)
            self.check_panel_lists("escaping", ESCAPE_ID, corpus, args)
            # an <img onerror> would fire once its load failed: give it the time
            self.js("return 0;")
            time.sleep(1.0)
            pw = self.js("return [typeof window.pwned, typeof window.pwned2, typeof window.pwned3];")
            c.equal("escaping: still nothing ran after showing the panel", pw, ["undefined"] * 3)
        self.leave()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--citegraph", required=True)
    ap.add_argument("--source-dir", default=os.path.dirname(os.path.dirname(here)))
    ap.add_argument("--group", action="append", choices=["sample", "variants", "escaping"])
    ap.add_argument("--workdir")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    ap.add_argument("--chromium")
    ap.add_argument("--chromedriver")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    groups = a.group or ["sample", "variants", "escaping"]
    made = a.workdir is None
    a.workdir = os.path.abspath(a.workdir or tempfile.mkdtemp(prefix="cg-browser-"))
    os.makedirs(a.workdir, exist_ok=True)
    t = Tester(a)
    t0 = time.monotonic()
    try:
        for g in groups:
            print(f"## {g}", flush=True)
            with t.c.group(f"{g}: runs"):
                getattr(t, "group_" + g)()
                t.leave()
    finally:
        if t.b:
            t.b.quit()
        if made and not a.keep:
            shutil.rmtree(a.workdir, ignore_errors=True)
        elif a.keep:
            print(f"# pages kept in {a.workdir}")
    print(f"# {time.monotonic() - t0:.1f} s", flush=True)
    return t.c.summary()


if __name__ == "__main__":
    sys.exit(main())
