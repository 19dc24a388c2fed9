#!/usr/bin/python3
"""Measure the candidate JavaScript graph libraries for the explorer at 100,000 nodes.

Fetches each candidate with `npm pack NAME@VERSION` into a temporary directory, writes a
synthetic graph (seeded: N nodes with preset positions, M distinct directed edges), builds one
self-contained page per library that draws that graph without any layout work, opens it in
headless Chromium (Debian's chromium + chromedriver + python3-selenium) and reports, per library,
the median over the runs of:

  ready_ms   time from navigation start to the first presented frame that shows all nodes and
             edges (performance.now() in the second requestAnimationFrame after the library's
             first complete render);
  heap_mb    JS heap used at that moment (CDP Runtime.getHeapUsage), and after a forced garbage
             collection (what the page keeps).

Every run starts a fresh browser. A library that has not rendered within --timeout seconds
(120 by default) is reported as a timeout.

    /usr/bin/python3 tools/compare_explorer_libs.py [--nodes 100000] [--edges 300000] [--runs 3]
                     [--only sigma+graphology|cytoscape|sigma4+graphology]...

By default the two candidates of the issue are measured (sigma 2.4.0 with graphology 0.25.4, and
cytoscape 3.30.4); sigma4+graphology (sigma 4.0.4, the newest major, which again has a browser
build) only when named with --only.

Selenium is Debian's (python3-selenium), so run it with /usr/bin/python3. As root Chromium needs
--no-sandbox; headless WebGL runs on SwiftShader (--enable-unsafe-swiftshader).
"""

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time

CANDIDATES = {
    # name: (packages [(npm spec, file inside the package)], page builder)
    "sigma+graphology": [("graphology@0.25.4", "package/dist/graphology.umd.min.js"),
                         ("sigma@2.4.0", "package/build/sigma.min.js")],
    "cytoscape": [("cytoscape@3.30.4", "package/dist/cytoscape.min.js")],
    # not a candidate of the issue: sigma's newest major, measured for comparison (--only)
    "sigma4+graphology": [("graphology@0.25.4", "package/dist/graphology.umd.min.js"),
                          ("sigma@4.0.4", "package/dist/sigma.min.js")],
}
DEFAULT = ["sigma+graphology", "cytoscape"]

CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--enable-unsafe-swiftshader", "--use-angle=swiftshader",
                "--ignore-gpu-blocklist", "--window-size=1280,800",
                "--disable-extensions", "--no-first-run"]

# The page's common part: the graph as flat arrays in GRAPH, then the library-specific code.
# Each page sets window.__bench = {ready_ms, nodes, edges} or {error}.
SIGMA_APP = r"""
(function () {
  try {
    const G = JSON.parse(document.getElementById('g').textContent);
    const graph = new graphology.Graph({type: 'directed', multi: false, allowSelfLoops: false});
    const n = G.x.length;
    for (let i = 0; i < n; i++)
      graph.addNode(i, {x: G.x[i], y: G.y[i], size: 1.5, color: '#4a6fa5'});
    for (let j = 0; j < G.s.length; j++)
      graph.addEdge(G.s[j], G.t[j], {size: 0.5, color: '#c8c8c8'});
    const renderer = new Sigma(graph, document.getElementById('c'), {renderEdgeLabels: false});
    let first = true;
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__bench = {ready_ms: performance.now(), nodes: graph.order, edges: graph.size};
    }));
    // Sigma renders synchronously in its constructor; the second frame after it is presented.
    done();
    window.__renderer = renderer;
  } catch (e) { window.__bench = {error: String(e && e.stack || e)}; }
})();
"""

CYTOSCAPE_APP = r"""
(function () {
  try {
    const G = JSON.parse(document.getElementById('g').textContent);
    const n = G.x.length, els = new Array(n + G.s.length);
    for (let i = 0; i < n; i++)
      els[i] = {group: 'nodes', data: {id: 'n' + i}, position: {x: G.x[i], y: -G.y[i]}};
    for (let j = 0; j < G.s.length; j++)
      els[n + j] = {group: 'edges', data: {id: 'e' + j, source: 'n' + G.s[j], target: 'n' + G.t[j]}};
    let rendered = false;
    const cy = cytoscape({
      container: document.getElementById('c'), elements: els, layout: {name: 'preset'},
      style: [{selector: 'node', style: {width: 3, height: 3, 'background-color': '#4a6fa5'}},
              {selector: 'edge', style: {width: 0.5, 'line-color': '#c8c8c8'}}],
      textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1,
    });
    cy.one('render', () => {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        window.__bench = {ready_ms: performance.now(), nodes: cy.nodes().length, edges: cy.edges().length};
      }));
    });
    window.__cy = cy;
  } catch (e) { window.__bench = {error: String(e && e.stack || e)}; }
})();
"""

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>html,body{{margin:0;height:100%}}#c{{position:absolute;inset:0}}</style></head>
<body><div id="c"></div>
{scripts}
<script id="g" type="application/json">{graph}</script>
<script>{app}</script>
</body></html>
"""


def fetch(spec, member, workdir):
    """npm pack SPEC into workdir; return (the member's text, the tarball's integrity)."""
    out = subprocess.run(["npm", "pack", spec, "--json", "--pack-destination", workdir],
                         check=True, capture_output=True, text=True, cwd=workdir).stdout
    info = json.loads(out)[0]
    with tarfile.open(os.path.join(workdir, info["filename"])) as tar:
        text = tar.extractfile(member).read().decode("utf-8")
    return text, info["integrity"]


def synthetic_graph(nodes, edges, seed):
    """Nodes in 200 Gaussian clusters (so that the picture looks like a layout), M distinct
    edges, 80 % of them inside a cluster."""
    rnd = random.Random(seed)
    clusters = [(rnd.uniform(-1000, 1000), rnd.uniform(-1000, 1000)) for _ in range(200)]
    member = [rnd.randrange(len(clusters)) for _ in range(nodes)]
    by_cluster = [[] for _ in clusters]
    for i, c in enumerate(member):
        by_cluster[c].append(i)
    xs = [round(rnd.gauss(clusters[c][0], 40), 2) for c in member]
    ys = [round(rnd.gauss(clusters[c][1], 40), 2) for c in member]
    seen = set()
    src, tgt = [], []
    while len(src) < edges:
        s = rnd.randrange(nodes)
        if rnd.random() < 0.8:
            t = rnd.choice(by_cluster[member[s]])
        else:
            t = rnd.randrange(nodes)
        if s == t or (s, t) in seen:
            continue
        seen.add((s, t))
        src.append(s)
        tgt.append(t)
    return {"x": xs, "y": ys, "s": src, "t": tgt}


def descendants(pid):
    """The processes below pid (from /proc), parents before children."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def run_once(driver_factory, url, timeout):
    """Open url in a fresh browser; return dict with ready_ms, heap figures or timeout/error."""
    from selenium.common.exceptions import TimeoutException as ScriptTimeout
    driver = driver_factory()
    driver.set_script_timeout(10)
    timed_out = threading.Event()

    def kill():
        # the page blocks the browser: end chromedriver and the browser it started
        timed_out.set()
        try:
            pid = driver.service.process.pid
            for child in reversed(descendants(pid)):
                try:
                    os.kill(child, signal.SIGKILL)
                except OSError:
                    pass
            driver.service.process.kill()
        except Exception:
            pass

    watchdog = threading.Timer(timeout + 5, kill)
    watchdog.start()
    try:
        start = time.monotonic()
        driver.get(url)
        result = None
        while time.monotonic() - start < timeout:
            try:
                result = driver.execute_script("return window.__bench || null")
            except ScriptTimeout:
                continue  # the page's main thread is still busy
            except Exception:
                if timed_out.is_set():
                    break
                raise
            if result:
                break
            time.sleep(0.25)
        if not result:
            return {"timeout": True}
        if "error" in result:
            return {"error": result["error"]}
        if result["ready_ms"] > timeout * 1000:
            return {"timeout": True}
        heap = driver.execute_cdp_cmd("Runtime.getHeapUsage", {})
        driver.execute_cdp_cmd("HeapProfiler.enable", {})
        driver.execute_cdp_cmd("HeapProfiler.collectGarbage", {})
        heap_gc = driver.execute_cdp_cmd("Runtime.getHeapUsage", {})
        logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        result.update(heap_mb=heap["usedSize"] / 2**20, heap_gc_mb=heap_gc["usedSize"] / 2**20,
                      severe=[e["message"] for e in logs])
        return result
    finally:
        watchdog.cancel()
        try:
            driver.quit()
        except Exception:
            pass


def make_driver_factory(chromium, chromedriver):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    def factory():
        opts = webdriver.ChromeOptions()
        opts.binary_location = chromium
        for f in CHROME_FLAGS:
            opts.add_argument(f)
        opts.page_load_strategy = "none"
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        return webdriver.Chrome(service=Service(chromedriver), options=opts)
    return factory


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100000)
    ap.add_argument("--edges", type=int, default=300000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--only", action="append", choices=sorted(CANDIDATES),
                    help="measure only this library (repeatable)")
    ap.add_argument("--keep", metavar="DIR", help="keep the pages in DIR")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="cg-explorer-libs-")
    try:
        graph = synthetic_graph(args.nodes, args.edges, args.seed)
        graph_json = json.dumps(graph, separators=(",", ":"))
        factory = make_driver_factory(args.chromium, args.chromedriver)
        results = {}
        for name in args.only or DEFAULT:
            scripts, versions = [], []
            for spec, member in CANDIDATES[name]:
                text, integrity = fetch(spec, member, work)
                if "</script" in text.lower():
                    sys.exit(f"{spec}: {member} contains </script")
                scripts.append("<script>" + text + "</script>")
                versions.append(f"{spec} ({integrity[:19]}...)")
            app = SIGMA_APP if name.startswith("sigma") else CYTOSCAPE_APP
            page = PAGE.format(title=name, scripts="\n".join(scripts), graph=graph_json, app=app)
            path = os.path.join(args.keep or work, name.replace("+", "_") + ".html")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(page)
            runs = []
            for i in range(args.runs):
                r = run_once(factory, "file://" + path, args.timeout)
                print(f"{name} run {i + 1}: {r}", file=sys.stderr)
                runs.append(r)
            ok = [r for r in runs if "ready_ms" in r and not r.get("error")]
            entry = {"versions": versions, "page_bytes": len(page.encode()), "runs": runs}
            if len(ok) == len(runs):
                entry["ready_ms"] = statistics.median(r["ready_ms"] for r in ok)
                entry["heap_mb"] = statistics.median(r["heap_mb"] for r in ok)
                entry["heap_gc_mb"] = statistics.median(r["heap_gc_mb"] for r in ok)
                entry["drawn"] = (ok[0]["nodes"], ok[0]["edges"])
            else:
                entry["failed"] = "; ".join(
                    "timeout after %g s" % args.timeout if r.get("timeout") else r.get("error", "?")
                    for r in runs if r not in ok)
            results[name] = entry
        if args.json:
            print(json.dumps(results, indent=1))
        else:
            print(f"{args.nodes} nodes, {args.edges} edges, median of {args.runs} runs, "
                  f"headless Chromium ({' '.join(CHROME_FLAGS[:5])} ...)")
            print(f"{'library':18} {'ready (ms)':>11} {'heap (MB)':>10} {'after GC':>9} "
                  f"{'page (MB)':>10}  versions")
            for name, e in results.items():
                if "ready_ms" in e:
                    print(f"{name:18} {e['ready_ms']:11.0f} {e['heap_mb']:10.1f} "
                          f"{e['heap_gc_mb']:9.1f} {e['page_bytes'] / 1e6:10.1f}  "
                          f"{', '.join(e['versions'])}")
                else:
                    print(f"{name:18} {'FAILED':>11} {'':10} {'':9} {e['page_bytes'] / 1e6:10.1f}  "
                          f"{', '.join(e['versions'])}: {e['failed']}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
