#!/usr/bin/python3
"""Measure explorer pages (citegraph graph --format html) in headless Chromium.

Usage:
  /usr/bin/python3 tools/bench_explorer.py [--runs 5] [--query TEXT --expect ID]
                   [--screenshot PNG [--select ID]] [--markdown FILE] [--json FILE] FILE.html...

Each page is opened N times (--runs, default 5), each time in a fresh headless
Chromium (WebGL in software, SwiftShader; network off; window 1400 x 900), and
the median and range over the runs are reported of:

  ready        time from navigation start to performance.mark("cg-ready"), which
               the page makes once it has parsed its data, built its graph and
               rendered the first frame: in the fresh browser (its first page),
               and again after reopening the page in that browser (Chromium and
               its GPU process running already, as when an analyst opens a page);
  search       time from a search (the text set in #cg-search, an input event,
               Enter) until #cg-panel-id shows the document ("panel"), and until
               the next frame is drawn too ("+ frame", the graph redrawn with the
               selection): search + select + panel. The query is --query, by
               default the number of the most cited document (its id when it has
               no number), which also gives the longest citation lists;
  heap         the JS heap in use at cg-ready (CDP Runtime.getHeapUsage), and
               after a forced garbage collection (what the page keeps);

and, once per page, the file's size, the size of its data (<script id="cg-data">),
the rest (libraries, style, script), and bytes per node and per edge: the data's
"nodes" array divided by the nodes, its "edges" array by the edges.

The report is a Markdown table (standard output, or --markdown FILE) with the
machine it ran on (nproc, CPU model, memory, Chromium version) and the command
line. --screenshot PNG: afterwards, the first page at 1400 x 900 with --select ID
selected (by the URL fragment), so that its panel shows its citations; above
400 kB it is reduced to 256 colours with pngquant, when that is installed.

Needs Debian's chromium, chromium-driver and python3-selenium (hence
/usr/bin/python3).
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# as the browser tests (tests/browser/cg_browser.py)
FLAGS = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--enable-unsafe-swiftshader",
         "--use-angle=swiftshader", "--ignore-gpu-blocklist", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1400,900"]


def which(names, extra=()):
    for n in names:
        for d in os.environ.get("PATH", "").split(os.pathsep) + list(extra):
            p = os.path.join(d, n)
            if os.access(p, os.X_OK):
                return p
    return None


def start(chromium, chromedriver):
    o = webdriver.ChromeOptions()
    o.binary_location = chromium
    for f in FLAGS:
        o.add_argument(f)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(chromedriver), options=o)
    d.set_script_timeout(600)
    d.set_page_load_timeout(600)
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd("Network.emulateNetworkConditions",
                      {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    return d


def file_url(path, fragment=""):
    u = "file://" + urllib.parse.quote(os.path.abspath(path))
    return u + ("#" + fragment if fragment else "")


def wait_ready(d, timeout):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        st = d.execute_script("return document.body ? (document.body.dataset.ready || '') : '';")
        if st in ("1", "error"):
            return st
        time.sleep(0.02)
    return "timeout"


def page_data(path):
    """The page's DATA (parsed) and the byte counts of its parts."""
    with open(path, "rb") as f:
        raw = f.read()
    m = re.search(rb'<script id="cg-data" type="application/json">(.*?)</script>', raw, re.S)
    if not m:
        raise SystemExit(f"bench_explorer: {path}: no <script id=\"cg-data\">")
    text = m.group(1)
    data = json.loads(text)
    sizes = {"file": len(raw), "data": len(text), "rest": len(raw) - len(text)}
    # the arrays as written: from '"nodes":[' to the next top-level key
    for key, nxt in (("nodes", b'"edge_fields"'), ("edges", None)):
        i = text.find(b'"' + key.encode() + b'":[')
        if i >= 0:
            j = text.find(nxt, i) if nxt else text.rfind(b"]")
            sizes[key] = (j - i) if j > i else None
        else:
            sizes[key] = None
        if not sizes[key]:
            sizes[key] = len(json.dumps(data.get(key, []), ensure_ascii=False,
                                        separators=(",", ":")).encode())
    return data, sizes


def default_query(data):
    """The most cited node: (query text, expected id)."""
    nf = data["node_fields"]
    rows = data["nodes"]
    if not rows:
        return None, None
    best = max(range(len(rows)), key=lambda i: (rows[i][nf.index("indegree")], -i))
    r = rows[best]
    kind = data["tables"]["kind"][r[nf.index("kind")]] if r[nf.index("kind")] >= 0 else ""
    num = r[nf.index("number")]
    q = num if kind == "bt_drucksache" and num else r[nf.index("id")]
    return q, r[nf.index("id")]


SEARCH_JS = """
var q = arguments[0], want = arguments[1], done = arguments[arguments.length - 1];
var box = document.getElementById('cg-search');
var t0 = performance.now();
box.focus();
box.value = q;
box.dispatchEvent(new Event('input', {bubbles: true}));
['keydown', 'keypress', 'keyup'].forEach(function (type) {
  box.dispatchEvent(new KeyboardEvent(type, {key: 'Enter', code: 'Enter', keyCode: 13, which: 13,
                                              bubbles: true, cancelable: true}));
});
function poll() {
  var el = document.getElementById('cg-panel-id');
  if (el && el.textContent.trim() === want) {
    var tPanel = performance.now() - t0;
    requestAnimationFrame(function () { done([tPanel, performance.now() - t0]); });
  } else if (performance.now() - t0 > 60000) {
    done(null);
  } else {
    requestAnimationFrame(poll);
  }
}
poll();
"""


def run_once(chromium, chromedriver, path, query, want, timeout):
    d = start(chromium, chromedriver)
    try:
        d.get("about:blank")
        d.get(file_url(path))
        st = wait_ready(d, timeout)
        if st != "1":
            err = d.execute_script("var e=document.getElementById('cg-error'); return e ? e.textContent : '';")
            logs = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
            raise RuntimeError(f"{path}: not ready ({st}): {err} {logs[:3]}")
        ready = d.execute_script("var m = performance.getEntriesByName('cg-ready');"
                                 "return m.length ? m[0].startTime : null;")
        # the page's own breakdown, when it gives one (not part of the contract)
        parts = d.execute_script("var t = window.cgExplorer && window.cgExplorer.timings;"
                                 "return t && typeof t === 'object' ? t : null;")
        heap = d.execute_cdp_cmd("Runtime.getHeapUsage", {})["usedSize"]
        d.execute_cdp_cmd("HeapProfiler.collectGarbage", {})
        heap_gc = d.execute_cdp_cmd("Runtime.getHeapUsage", {})["usedSize"]
        search = panel = None
        if query:
            got = d.execute_async_script(SEARCH_JS, query, want)
            if not got:
                raise RuntimeError(f"{path}: searching {query!r} did not show {want} in #cg-panel-id")
            panel, search = got
        # again in the same browser: what opening it costs when Chromium runs already
        d.get("about:blank")
        d.get(file_url(path))
        if wait_ready(d, timeout) != "1":
            raise RuntimeError(f"{path}: not ready the second time")
        warm = d.execute_script("var m = performance.getEntriesByName('cg-ready');"
                                "return m.length ? m[0].startTime : null;")
        parts_warm = d.execute_script("var t = window.cgExplorer && window.cgExplorer.timings;"
                                      "return t && typeof t === 'object' ? t : null;")
        return {"ready_ms": ready, "warm_ms": warm, "search_ms": search, "panel_ms": panel,
                "heap_mb": heap / 1e6,
                "heap_gc_mb": heap_gc / 1e6, "parts": parts, "parts_warm": parts_warm}
    finally:
        d.quit()


def screenshot(chromium, chromedriver, path, select, out, timeout):
    d = start(chromium, chromedriver)
    try:
        frag = "sel=" + urllib.parse.quote(select, safe="-_.!~*'()") if select else ""
        d.get("about:blank")
        d.get(file_url(path, frag))
        if wait_ready(d, timeout) != "1":
            raise RuntimeError(f"{path}: not ready for the screenshot")
        if select:
            t0 = time.monotonic()
            while time.monotonic() - t0 < 30:
                pid = d.execute_script("var e=document.getElementById('cg-panel-id');"
                                       "return e ? e.textContent.trim() : '';")
                if pid == select:
                    break
                time.sleep(0.1)
            else:
                print(f"bench_explorer: warning: {select} not shown in the panel", file=sys.stderr)
        d.execute_async_script("var done = arguments[0];"
                               "requestAnimationFrame(function(){requestAnimationFrame(function(){done();});});")
        time.sleep(1.0)
        png = d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        import base64
        with open(out, "wb") as f:
            f.write(base64.b64decode(png))
        size = os.path.getsize(out)
        # a README image: to 256 colours with pngquant (when installed) once it passes 400 kB
        pq = which(["pngquant"])
        if size > 400_000 and pq:
            subprocess.run([pq, "--quality=65-95", "--speed", "1", "--strip", "--force",
                            "--output", out, out], check=False)
            print(f"bench_explorer: screenshot {size / 1000:.0f} kB, "
                  f"{os.path.getsize(out) / 1000:.0f} kB after pngquant", file=sys.stderr)
        elif size > 400_000:
            print("bench_explorer: the screenshot passes 400 kB; apt-get install pngquant makes it "
                  "smaller", file=sys.stderr)
        return os.path.getsize(out)
    finally:
        d.quit()


def machine(chromium):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        ver = subprocess.run([chromium, "--version"], capture_output=True, text=True,
                             timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        ver = "?"
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "chromium": ver,
            "kernel": platform.release()}


def fmt_ms(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return "–"
    med = statistics.median(xs)

    def one(v):
        return f"{v / 1000:.2f} s" if v >= 1000 else f"{v:.0f} ms"
    return f"{one(med)} ({one(min(xs))}–{one(max(xs))})" if len(xs) > 1 else one(med)


def fmt_mb(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return "–"
    return f"{statistics.median(xs):.0f} MB ({min(xs):.0f}–{max(xs):.0f})" if len(xs) > 1 else f"{xs[0]:.0f} MB"


def human(n):
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("pages", nargs="+", metavar="FILE.html")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--query", help="the search text (default: the number of the most cited document)")
    ap.add_argument("--expect", help="the id the search must select (with --query)")
    ap.add_argument("--screenshot", metavar="PNG")
    ap.add_argument("--select", metavar="ID", help="the id selected in the screenshot")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--markdown", metavar="FILE")
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("--chromium")
    ap.add_argument("--chromedriver")
    a = ap.parse_args()
    if a.query and not a.expect:
        ap.error("--query needs --expect ID")
    chromium = a.chromium or which(["chromium", "chromium-browser", "google-chrome"])
    chromedriver = a.chromedriver or which(["chromedriver"], ["/usr/lib/chromium"])
    if not chromium or not chromedriver:
        sys.exit("bench_explorer: needs chromium and chromedriver "
                 "(apt-get install chromium chromium-driver python3-selenium)")

    results = []
    for path in a.pages:
        data, sizes = page_data(path)
        q, want = (a.query, a.expect) if a.query else default_query(data)
        n, m = data["counts"]["nodes"], data["counts"]["edges"]
        runs = []
        for i in range(a.runs):
            r = run_once(chromium, chromedriver, path, q, want, a.timeout)
            print(f"bench_explorer: {os.path.basename(path)} run {i + 1}: ready {r['ready_ms']:.0f} ms "
                  f"(reopened {r['warm_ms']:.0f} ms), "
                  f"search {r['panel_ms']:.0f} ms (+ frame {r['search_ms']:.0f} ms), heap {r['heap_mb']:.0f} MB "
                  f"({r['heap_gc_mb']:.0f} MB after GC)", file=sys.stderr, flush=True)
            runs.append(r)
        results.append({"page": path, "nodes": n, "edges": m, "layout": data.get("layout"),
                        "sizes": sizes, "query": q, "expect": want, "runs": runs})

    mach = machine(chromium)
    out = []
    out.append(f"Machine: {mach['nproc']} cores ({mach['cpu']}), {mach['memory']}, Linux {mach['kernel']}, "
               f"{mach['chromium']}, headless (--headless=new), WebGL on SwiftShader; "
               f"{a.runs} runs per page, each in a fresh browser; median (range).")
    out.append("")
    out.append("| page | nodes | edges | layout | ready, fresh browser | ready, reopened | "
               "search + select + panel | + frame | JS heap at ready | after GC |")
    out.append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        rs = r["runs"]
        out.append(f"| {os.path.basename(r['page'])} | {r['nodes']:,} | {r['edges']:,} | {r['layout']} | "
                   f"{fmt_ms([x['ready_ms'] for x in rs])} | {fmt_ms([x['warm_ms'] for x in rs])} | "
                   f"{fmt_ms([x['panel_ms'] for x in rs])} | {fmt_ms([x['search_ms'] for x in rs])} | "
                   f"{fmt_mb([x['heap_mb'] for x in rs])} | {fmt_mb([x['heap_gc_mb'] for x in rs])} |")
    out.append("")
    out.append("| page | file | data | libraries, style, script | bytes per node (nodes array) | "
               "bytes per edge (edges array) | bytes per (node + edge), whole file |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        s, n, m = r["sizes"], r["nodes"], r["edges"]
        out.append(f"| {os.path.basename(r['page'])} | {human(s['file'])} | {human(s['data'])} | "
                   f"{human(s['rest'])} | {s['nodes'] / n if n else 0:.0f} | {s['edges'] / m if m else 0:.0f} | "
                   f"{s['file'] / (n + m) if n + m else 0:.0f} |")
    out.append("")
    keys = ["script_start_ms", "parse_ms", "build_ms", "first_render_ms"]
    if any(x.get("parts") and all(k in x["parts"] for k in keys) for r in results for x in r["runs"]):
        out.append("Where the time to cg-ready goes (median; the page's cgExplorer.timings): until its "
                   "script starts (HTML, style, libraries), parsing the data, building the graph, "
                   "the first frame drawn, and the rest (to the frame on the screen).")
        out.append("")
        out.append("| page | browser | script starts | parse data | build graph | first render | rest |")
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for r in results:
            for part, label, total in (("parts", "fresh", "ready_ms"), ("parts_warm", "reopened", "warm_ms")):
                xs = [x for x in r["runs"] if x.get(part) and all(k in x[part] for k in keys)]
                if not xs:
                    continue
                med = {k: statistics.median(x[part][k] for x in xs) for k in keys}
                rest = statistics.median(x[total] - sum(x[part][k] for k in keys) for x in xs)
                out.append(f"| {os.path.basename(r['page'])} | {label} | " +
                           " | ".join(f"{med[k]:.0f} ms" for k in keys) + f" | {rest:.0f} ms |")
        out.append("")
    out.append("Search queries: " + "; ".join(f"{os.path.basename(r['page'])}: `{r['query']}` → {r['expect']}"
                                             for r in results))
    out.append("")
    out.append("Command: `" + " ".join(["/usr/bin/python3", "tools/bench_explorer.py"] + sys.argv[1:]) + "`")
    report = "\n".join(out) + "\n"

    if a.screenshot:
        size = screenshot(chromium, chromedriver, a.pages[0], a.select, a.screenshot, a.timeout)
        print(f"bench_explorer: screenshot {a.screenshot}: {size / 1000:.0f} kB", file=sys.stderr)

    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(report)
    sys.stdout.write(report)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"machine": mach, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
