#!/usr/bin/python3
"""Checks `citegraph mainpath` against an independent main path analysis in networkx.

Usage: tools/mainpath_nx.py [--citegraph BIN] [--expect FILE] [--brute-force N] PATH...

Builds the graph of PATH... with `citegraph graph --format json`, and computes from the
papers' definitions, in Python with networkx and exact integers, without citegraph's code:

  the network  citation edges (every relation but part_of), a question standing for its
               document, read as flow from cited to citing; every strongly connected
               component shrunk into one unit (networkx.condensation), self-citations left
               out (Batagelj 2003);
  the weights  SPC, SPLC, SPNP of every arc (Hummon & Doreian 1989; Batagelj 2003), by
               counting paths over a topological order, and, on networks of at most N arcs
               (--brute-force, default 400), also by listing every path with
               networkx.all_simple_paths and counting the ones through each arc;
  the paths    global (the source-sink path of the largest sum; of equal ones the first in
               unit order), forward, backward and key-route (Liu & Lu 2012), ties to the
               unit first in node order (the graph's node order: ids sorted byte-wise),
               a unit named by its member first in that order.

Then runs `citegraph mainpath --format json` for each weight and method (key-route with
--top 0, so that every arc is a key arc and its weight is printed) and compares: the
network's numbers, every arc's weight, the normaliser, the paths, the cycles.

--expect FILE: a JSON file of published values ({"spc"|"splc"|"spnp": {"CITED CITING":
value}}, and "paths" by method) that both implementations must give.

Prints each comparison and exits 1 if any differs, 77 without networkx.
"""
import argparse
import json
import os
import gzip
import shutil
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("mainpath_nx: networkx is not installed (Debian: apt-get install python3-networkx)")
    sys.exit(77)

WEIGHTS = ("spc", "splc", "spnp")
METHODS = ("global", "forward", "backward", "key-route")


def run(cg, *args):
    p = subprocess.run([cg, *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"mainpath_nx: citegraph {' '.join(args[:3])} failed ({p.returncode}): {p.stderr.strip()}")
    return p.stdout


class Network:
    """The flow network of a citegraph graph JSON, cycles shrunk."""

    def __init__(self, data):
        nodes = data["nodes"]
        self.order = {n["id"]: i for i, n in enumerate(nodes)}  # the graph's node order
        parent = {n["id"]: n.get("parent") for n in nodes}

        def doc(v):
            return parent[v] if parent.get(v) else v

        flow = nx.DiGraph()
        self.self_citing = set()
        for link in data["links"]:
            if link["relation"] == "part_of":
                continue
            cited, citing = doc(link["target"]), doc(link["source"])
            if cited == citing:
                self.self_citing.add(cited)
            else:
                flow.add_edge(cited, citing)
        cond = nx.condensation(flow)
        key = self.order.__getitem__
        self.members = {}  # unit name (its first member) -> sorted members
        name = {}
        for c, attrs in cond.nodes(data=True):
            m = sorted(attrs["members"], key=key)
            name[c] = m[0]
            self.members[m[0]] = m
        self.dag = nx.DiGraph()
        self.dag.add_nodes_from(self.members)
        self.dag.add_edges_from((name[a], name[b]) for a, b in cond.edges())
        self.cycles = sorted((m for m in self.members.values() if len(m) > 1), key=lambda m: key(m[0]))
        self.key = lambda u: key(u)
        self.sources = [u for u in self.dag if self.dag.in_degree(u) == 0]
        self.sinks = [u for u in self.dag if self.dag.out_degree(u) == 0]

    def weights_dp(self):
        """SPC, SPLC, SPNP of every arc, and their normalisers, as exact integers."""
        topo = list(nx.topological_sort(self.dag))
        n_src, n_any = {}, {}
        for u in topo:
            preds = list(self.dag.predecessors(u))
            n_src[u] = 1 if not preds else sum(n_src[p] for p in preds)
            n_any[u] = 1 + sum(n_any[p] for p in preds)
        to_snk, to_any = {}, {}
        for u in reversed(topo):
            succ = list(self.dag.successors(u))
            to_snk[u] = 1 if not succ else sum(to_snk[s] for s in succ)
            to_any[u] = 1 + sum(to_any[s] for s in succ)
        w = {
            "spc": {(a, b): n_src[a] * to_snk[b] for a, b in self.dag.edges},
            "splc": {(a, b): n_any[a] * to_snk[b] for a, b in self.dag.edges},
            "spnp": {(a, b): n_any[a] * to_any[b] for a, b in self.dag.edges},
        }
        total = {
            "spc": sum(to_snk[s] for s in self.sources),
            "splc": sum(to_snk.values()),
            "spnp": sum(to_any.values()),
        }
        return w, total

    def weights_brute(self):
        """The same by listing paths: SPC over source-sink paths, SPLC over paths from any
        unit to a sink, SPNP over paths between any two units (Hummon & Doreian 1989)."""
        w = {k: {e: 0 for e in self.dag.edges} for k in WEIGHTS}
        total = {k: 0 for k in WEIGHTS}
        sinks, sources = set(self.sinks), set(self.sources)
        for a in self.dag:
            total["spnp"] += 1  # the path of a unit alone
            if a in sinks:
                total["splc"] += 1
                total["spc"] += a in sources
            for b in self.dag:
                if a == b:
                    continue
                for path in nx.all_simple_paths(self.dag, a, b):
                    arcs = list(zip(path, path[1:]))
                    total["spnp"] += 1
                    for e in arcs:
                        w["spnp"][e] += 1
                    if b in sinks:
                        total["splc"] += 1
                        for e in arcs:
                            w["splc"][e] += 1
                        if a in sources:
                            total["spc"] += 1
                            for e in arcs:
                                w["spc"][e] += 1
        return w, total

    def _first(self, arcs, w):
        """The heaviest of arcs; of equal ones the first in (tail, head) unit order."""
        return min(arcs, key=lambda e: (-w[e], self.key(e[0]), self.key(e[1])), default=None)

    def _walk(self, u, w, back):
        out = []
        while True:
            arcs = list(self.dag.in_edges(u)) if back else list(self.dag.out_edges(u))
            e = self._first(arcs, w)
            if e is None:
                return out
            u = e[0] if back else e[1]
            out.append(u)

    def through(self, e, w):
        return list(reversed(self._walk(e[0], w, True))) + [e[0], e[1]] + self._walk(e[1], w, False)

    def paths(self, method, w, top=0):
        if not self.dag.number_of_edges():
            return []
        if method == "global":
            return [self.global_path(w)]
        if method == "forward":
            e = self._first([e for e in self.dag.edges if e[0] in set(self.sources)], w)
            return [self.through(e, w)]
        if method == "backward":
            e = self._first([e for e in self.dag.edges if e[1] in set(self.sinks)], w)
            return [self.through(e, w)]
        ranked = sorted(self.dag.edges, key=lambda e: (-w[e], self.key(e[0]), self.key(e[1])))
        return [self.through(e, w) for e in ranked[: top or len(ranked)]]

    def global_path(self, w):
        """Of the source-sink paths of the largest sum, the first in unit order: the
        heaviest sum on to a sink from every unit, then from the best source on, at each
        step the first successor that keeps it."""
        best = {}
        for u in reversed(list(nx.topological_sort(self.dag))):
            best[u] = max((w[(u, s)] + best[s] for s in self.dag.successors(u)), default=0)
        u = min(self.sources, key=lambda s: (-best[s], self.key(s)))
        path = [u]
        while self.dag.out_degree(u):
            u = min((s for s in self.dag.successors(u) if w[(u, s)] + best[s] == best[u]), key=self.key)
            path.append(u)
        return path

    def global_brute(self, w):
        """The same by listing every source-sink path."""
        found = []
        for s in self.sources:
            for t in self.sinks:
                if s == t:
                    continue
                for p in nx.all_simple_paths(self.dag, s, t):
                    found.append((-sum(w[e] for e in zip(p, p[1:])), [self.key(u) for u in p], p))
        return min(found)[2] if found else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--citegraph", default=os.path.join(os.path.dirname(__file__), "..", "build", "citegraph"))
    ap.add_argument("--expect", help="published values to assert (JSON)")
    ap.add_argument("--brute-force", type=int, default=400, metavar="N")
    a = ap.parse_args()
    cg = a.citegraph
    failures = 0
    # a gzipped fixture (tests/mainpath) is read as the JSON Lines it holds
    tmp = tempfile.TemporaryDirectory()
    paths = []
    for i, p in enumerate(a.paths):
        if p.endswith(".jsonl.gz"):
            plain = os.path.join(tmp.name, f"{i}-{os.path.basename(p)[:-3]}")
            with gzip.open(p, "rb") as src, open(plain, "wb") as dst:
                shutil.copyfileobj(src, dst)
            p = plain
        paths.append(p)
    a.paths = paths

    def report(name, ok, detail):
        nonlocal failures
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")

    data = json.loads(run(cg, "graph", "-q", "--format", "json", *a.paths))
    net = Network(data)
    w, total = net.weights_dp()
    arcs = net.dag.number_of_edges()
    print(f"network: {net.dag.number_of_nodes()} units, {arcs} arcs, {len(net.sources)} sources, "
          f"{len(net.sinks)} sinks, {len(net.cycles)} cycles")
    if arcs <= a.brute_force:
        wb, tb = net.weights_brute()
        for k in WEIGHTS:
            report(f"{k} by listing paths", wb[k] == w[k] and tb[k] == total[k],
                   f"{arcs} arcs, total {total[k]}")
        for k in WEIGHTS:
            report(f"global path by listing paths ({k})", net.global_brute(w[k]) == net.global_path(w[k]),
                   " -> ".join(net.global_path(w[k])) if arcs < 30 else f"{len(net.global_path(w[k]))} units")

    expect = json.load(open(a.expect)) if a.expect else {}
    for k in WEIGHTS:
        for pair, value in expect.get(k, {}).items():
            cited, citing = pair.split("  ")
            report(f"published {k} {cited} -> {citing}", w[k].get((cited, citing)) == value,
                   f"expected {value}, networkx {w[k].get((cited, citing))}")

    for k in WEIGHTS:
        for m in METHODS:
            args = ["mainpath", "-q", "--format", "json", "--weight", k, "--method", m]
            if m == "key-route":
                args += ["--top", "0"]
            out = json.loads(run(cg, *args, *a.paths))
            name = f"{k} {m}"
            net_cg = out["network"]
            report(f"{name}: network", (net_cg["units"], net_cg["arcs"], net_cg["sources"], net_cg["sinks"])
                   == (net.dag.number_of_nodes(), arcs, len(net.sources), len(net.sinks)),
                   f"citegraph {net_cg['units']} units {net_cg['arcs']} arcs, networkx "
                   f"{net.dag.number_of_nodes()} units {arcs} arcs")
            report(f"{name}: normaliser", net_cg["total"] == total[k], f"citegraph {net_cg['total']}, networkx {total[k]}")
            mine = net.paths(m, w[k])
            theirs = [[n["id"] for n in p["nodes"]] for p in out["paths"]]
            report(f"{name}: paths", theirs == mine,
                   f"{len(mine)} path(s)" + ("" if theirs == mine else
                                             f"; first differing: citegraph {next((t for t, x in zip(theirs, mine) if t != x), theirs)}"
                                             f" networkx {next((x for t, x in zip(theirs, mine) if t != x), mine)}"))
            bad = [(x["cited"], x["citing"], x["weight"]) for p in out["paths"] for x in p["arcs"]
                   if w[k].get((x["cited"], x["citing"])) != x["weight"]]
            report(f"{name}: weights on the paths", not bad, "all agree" if not bad else f"first differing: {bad[0]}")
            if m == "key-route":
                keyed = {}
                for p in out["paths"]:
                    x = p["arcs"][p["key_arc"]]
                    keyed[(x["cited"], x["citing"])] = x["weight"]
                report(f"{name}: every arc's weight", keyed == w[k],
                       f"{len(keyed)} of {arcs} arcs as key arcs, weights equal: {keyed == w[k]}")
                for pair, value in expect.get(k, {}).items():
                    cited, citing = pair.split("  ")
                    report(f"published {k} {cited} -> {citing} (citegraph)", keyed.get((cited, citing)) == value,
                           f"expected {value}, citegraph {keyed.get((cited, citing))}")
            cyc = [list(c) for c in out["cycles"]]
            report(f"{name}: cycles", cyc == net.cycles and sorted(out["self_citing"], key=net.key)
                   == sorted(net.self_citing, key=net.key), f"{len(cyc)} cycles, {len(out['self_citing'])} self-citations")
            for pm, published in expect.get("paths", {}).get(k, {}).items():
                if pm == m:
                    report(f"published {k} {m} path", theirs[:1] == [published] and mine[:1] == [published],
                           " -> ".join(published))
    print(f"{'FAILED' if failures else 'passed'}: {failures} comparison(s) differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
