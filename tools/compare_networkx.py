#!/usr/bin/python3
"""Checks citegraph's graph against networkx, an independent implementation.

Usage: tools/compare_networkx.py [--citegraph BIN] [--pairs N] [--seed S] PATH...

Builds the graph of PATH... with `citegraph graph --format json`, reads it with
networkx.node_link_graph, and compares with what citegraph itself computes:
  - node and edge counts, weakly connected components, cycles (`citegraph stats`);
  - every node's in-degree (`citegraph rank --by indegree`);
  - every node's PageRank, damping 0.85, within 1e-6 (`citegraph rank --by pagerank`);
  - shortest path lengths for N pairs of nodes, reachable and not (`citegraph path --pairs`).
Prints each comparison and exits 1 if any differs. Needs python3-networkx.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("compare_networkx: networkx is not installed (Debian: apt-get install python3-networkx)")
    sys.exit(77)


def read_node_link(data):
    """node_link_graph with the links under "links", in networkx 2.x and 3.x alike."""
    import inspect
    params = inspect.signature(nx.node_link_graph).parameters
    if "edges" in params:  # networkx >= 3.4
        return nx.node_link_graph(data, directed=True, multigraph=False, edges="links")
    return nx.node_link_graph(data, directed=True, multigraph=False)


def run(cg, *args):
    p = subprocess.run([cg, *args], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"compare_networkx: {' '.join(args[:2])} failed: {p.stderr.strip()}")
    return p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--citegraph", default=os.path.join(os.path.dirname(__file__), "..", "build", "citegraph"))
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    cg = a.citegraph
    failures = 0

    def report(name, ok, detail):
        nonlocal failures
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")

    data = json.loads(run(cg, "graph", "-q", "--format", "json", *a.paths))
    G = read_node_link(data)
    stats = json.loads(run(cg, "stats", "-q", "--format", "json", *a.paths))
    report("nodes", stats["nodes"] == G.number_of_nodes(),
           f"citegraph {stats['nodes']}, networkx {G.number_of_nodes()}")
    report("edges", stats["edges"] == G.number_of_edges(),
           f"citegraph {stats['edges']}, networkx {G.number_of_edges()}")
    wcc = nx.number_weakly_connected_components(G)
    report("weak components", stats["components"] == wcc, f"citegraph {stats['components']}, networkx {wcc}")
    scc_multi = [c for c in nx.strongly_connected_components(G) if len(c) > 1]
    in_multi = set().union(*scc_multi) if scc_multi else set()
    cycles = len(scc_multi) + sum(1 for v in G.nodes if G.has_edge(v, v) and v not in in_multi)
    report("cycles", stats["cycles"] == cycles, f"citegraph {stats['cycles']}, networkx {cycles}")

    deg = {r["id"]: r["score"] for r in json.loads(run(cg, "rank", "-q", "--by", "indegree", "--top", "0",
                                                         "--format", "json", *a.paths))["ranking"]}
    bad = [v for v in G.nodes if deg.get(v) != G.in_degree(v)]
    report("in-degrees", not bad, f"{G.number_of_nodes() - len(bad)} of {G.number_of_nodes()} nodes agree"
           + (f"; first differing: {bad[0]}" if bad else ""))

    pr_cg = {r["id"]: r["score"] for r in json.loads(run(cg, "rank", "-q", "--by", "pagerank", "--top", "0",
                                                           "--format", "json", *a.paths))["ranking"]}
    try:
        pr_nx = nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=10000)
    except ImportError:  # networkx without numpy/scipy: its pure Python power iteration
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        pr_nx = _pagerank_python(G, alpha=0.85, tol=1e-13, max_iter=10000)
    diff = max(abs(pr_cg[v] - pr_nx[v]) for v in G.nodes) if G.number_of_nodes() else 0.0
    report("PageRank", diff < 1e-6, f"largest difference {diff:.3g} over {G.number_of_nodes()} nodes")

    rng = random.Random(a.seed)
    nodes = sorted(G.nodes)
    sources = [v for v in nodes if G.out_degree(v) > 0]
    pairs = []
    for _ in range(a.pairs):
        s = rng.choice(sources)
        reach = sorted(nx.descendants(G, s))
        t = rng.choice(reach) if reach and rng.random() < 0.7 else rng.choice(nodes)
        pairs.append((s, t))
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for s, t in pairs:
            f.write(f"{s}\t{t}\n")
        name = f.name
    try:
        got = json.loads(run(cg, "path", "-q", "--pairs", name, "--format", "json", *a.paths))["paths"]
    finally:
        os.unlink(name)
    bad = []
    reachable = 0
    for (s, t), r in zip(pairs, got):
        try:
            want = nx.shortest_path_length(G, s, t)
            reachable += 1
        except nx.NetworkXNoPath:
            want = None
        if r["length"] != want:
            bad.append((s, t, r["length"], want))
    report("shortest paths", not bad and len(got) == len(pairs),
           f"{len(pairs) - len(bad)} of {len(pairs)} pairs agree ({reachable} reachable)"
           + (f"; first differing: {bad[0]}" if bad else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
