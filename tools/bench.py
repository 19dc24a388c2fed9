#!/usr/bin/env python3
"""Benchmarks for citegraph: speed, memory and scaling, compared with ripgrep.

Usage:
  tools/bench.py [OPTIONS] corpus DIR           extract -j 1 / -j N, graph + rank + every export,
                                                check, start-up, and ripgrep over the same files
  tools/bench.py [OPTIONS] startup              start-up only (extract on a one-line file)
  tools/bench.py [OPTIONS] scaling DIR DIR...   extract over corpora of growing size (e.g. 10k, 100k,
                                                1M documents from tools/gen_corpus.py)
  tools/bench.py [OPTIONS] hostile DIR DIR      extract over each file of two hostile sets of different
                                                sizes (tools/gen_corpus.py --hostile --size-mb M)
  tools/bench.py [OPTIONS] graph-scale DIR|FILE.jsonl|FILE.cgpack
                                                graph build, PageRank, JSON and DOT export of a large
                                                graph (extracts DIR to JSON Lines and to packed
                                                output first, once, and reads both)
  tools/bench.py [OPTIONS] ratio DIR            citegraph extract against rg -o, paired: run
                                                alternately, the wall-time ratio taken per pair;
                                                with --baseline, a second citegraph in the same
                                                rounds (new, rg, baseline, rg), and new/baseline
  tools/bench.py [OPTIONS] check-cache DIR      check --cache DIR: a cold run, a re-run after one
                                                changed file (a line appended to the first file
                                                before each run, restored at the end), a re-run
                                                with nothing changed, and the run without a cache;
                                                the reports must be the same bytes

Options (before the mode):
  --citegraph BIN   the binary to measure (default: build/citegraph)
  --runs N          timed runs per command (default 5); the median is reported
  --warmup N        untimed runs first, to fill the page cache (default 1)
  --jobs N          the N of 'extract -j N' (default: number of CPUs)
  --rg PATH         ripgrep (default: rg on PATH)
  --baseline BIN    ratio only: another citegraph (an older build) measured in the same rounds
  --timeout S       kill a run after S seconds (default 600)
  --markdown FILE   write the report there (default: standard output)
  --json FILE       also write every measurement as JSON
  --workdir DIR     scratch space for outputs (default: a temporary directory)

Every command is run with its standard output sent to /dev/null (except where
the output is needed, e.g. the JSON Lines of graph-scale), with the wall time
taken around fork/exec and wait, and the peak resident set size of exactly
that child from os.wait4() (ru_maxrss). Speeds are input bytes (the files
citegraph reads: *.txt, not hidden) per second of median wall time.
"""
import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

# The reference keywords and numbers citegraph looks for, as one ripgrep
# pattern in its fast byte-oriented mode. It finds the same kinds of
# references on a line (not across line breaks, and without any resolution).
RG_PATTERN = (
    r"(?-u)(?:(?:Bundestags-?|Bundesrats-?|Landtags|Ausschuss|BT-|BR-|A-)?(?:[Dd]rucksachen?|Drs\.|Ds\.)"
    r"|Plenarprotokoll|PlPr\.|Ratsdok(?:ument|\.(?:-Nr\.)?)|ST"
    r"|Verordnung|Richtlinie|Beschluss|VO|RL)[ ]*(?:\([A-Z, ]+\) *)?(?:Nr\. *)?[0-9]+(?:[/(][0-9]+\)?)+"
    r"|(?:COM|KOM|SWD|SEC|SEK|JOIN|C)\([0-9]{4}\) *[0-9]+"
    r"|https?://[^ \t\n)]+|www\.[^ \t\n)]+"
    r"|Fragen? [0-9]+[a-z]?"
)


# ----------------------------------------------------------------------------
# Running and measuring


class Run:
    __slots__ = ("wall", "user", "sys", "maxrss_kb", "status", "timed_out")

    def __init__(self, wall, user, sys_, maxrss_kb, status, timed_out=False):
        self.wall = wall
        self.user = user
        self.sys = sys_
        self.maxrss_kb = maxrss_kb
        self.status = status
        self.timed_out = timed_out


def run_once(cmd, timeout, stdout_path=None):
    """Run cmd, return a Run with the wall time and the rusage of that child."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    fired = []

    def kill(p):
        fired.append(True)
        try:
            p.kill()
        except OSError:
            pass
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        timer = threading.Timer(timeout, kill, (p,))
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        timed_out = bool(fired)
        p.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from reaping again
    finally:
        if stdout_path:
            out.close()
    return Run(wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, os.waitstatus_to_exitcode(status), timed_out)


def self_hwm_kb():
    """This process's peak RSS. A child's ru_maxrss cannot be lower: Linux keeps
    the high-water mark of the memory the child had before exec (a copy of, or
    with vfork the very, memory of its parent), so smaller figures are reported
    as 'at most' this floor."""
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_exact(cmd):
    """Run cmd and wait with a blocking wait4 (for very short runs: start-up)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    pid, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, p.returncode)


class Spawner:
    """Runs the measured commands from a helper process forked at start-up,
    while this script is still small: a child's ru_maxrss includes the memory
    its parent had when it forked it, so the helper keeps that floor low
    however much this script later holds (file lists, results)."""

    def __init__(self):
        import multiprocessing
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=self.serve, args=(child,), daemon=True)
        self.proc.start()

    @staticmethod
    def serve(conn):
        while True:
            try:
                req = conn.recv()
            except EOFError:
                return
            if req is None:
                return
            kind, cmd, timeout, stdout_path = req
            r = run_once(cmd, timeout, stdout_path) if kind == "once" else run_exact(cmd)
            conn.send((r.wall, r.user, r.sys, r.maxrss_kb, r.status, r.timed_out, self_hwm_kb()))

    def run(self, kind, cmd, timeout=None, stdout_path=None):
        self.conn.send((kind, cmd, timeout, stdout_path))
        wall, user, sys_, rss, status, timed_out, floor = self.conn.recv()
        self.floor_kb = floor
        return Run(wall, user, sys_, rss, status, timed_out)

    def close(self):
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(5)


class Bench:
    def __init__(self, args, spawner):
        self.a = args
        self.sp = spawner
        self.results = []   # dicts, for --json and the tables
        self.notes = []
        self.load = []

    def loadavg(self):
        try:
            return open("/proc/loadavg").read().split()[0]
        except OSError:
            return "?"

    def measure(self, section, name, cmd, nbytes=None, ndocs=None, runs=None, warmup=None, stdout_path=None,
                extra=None, before=None):
        """before: called ahead of every run (warm-up runs too), untimed."""
        runs = self.a.runs if runs is None else runs
        warmup = self.a.warmup if warmup is None else warmup
        la0 = self.loadavg()
        print(f"bench: {section}: {name}: {' '.join(shlex.quote(c) for c in cmd)}", file=sys.stderr)
        for _ in range(warmup):
            if before:
                before()
            r = self.sp.run("once", cmd, self.a.timeout, stdout_path)
            if r.timed_out:
                break
        rs = []
        for _ in range(runs):
            if before:
                before()
            r = self.sp.run("once", cmd, self.a.timeout, stdout_path)
            rs.append(r)
            if r.timed_out:
                break
        walls = [r.wall for r in rs]
        res = {
            "section": section, "name": name, "cmd": cmd, "runs": len(rs),
            "wall_median": statistics.median(walls), "wall_min": min(walls), "wall_max": max(walls),
            "user_median": statistics.median(r.user for r in rs), "sys_median": statistics.median(r.sys for r in rs),
            "maxrss_mb": max(r.maxrss_kb for r in rs) / 1024.0,
            "rss_floor_mb": self.sp.floor_kb / 1024.0,
            "status": sorted({r.status for r in rs}), "timed_out": any(r.timed_out for r in rs),
            "bytes": nbytes, "docs": ndocs, "loadavg": f"{la0}→{self.loadavg()}",
        }
        if extra:
            res.update(extra)
        if nbytes:
            res["mb_per_s"] = nbytes / 1e6 / res["wall_median"]
        if ndocs:
            res["docs_per_s"] = ndocs / res["wall_median"]
        self.results.append(res)
        print(f"bench:   median {res['wall_median']:.3f} s, peak {res['maxrss_mb']:.1f} MB, "
              f"status {res['status']}", file=sys.stderr)
        return res

    # -- helpers -------------------------------------------------------------
    def cg(self, *args):
        return [self.a.citegraph, *args]

    def has_jobs(self):
        try:
            h = subprocess.run(self.cg("extract", "--help"), capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            return False
        return bool(re.search(r"(^|\s)(-j\b|--jobs\b)", h))

    def has_result_cache(self):
        try:
            h = subprocess.run(self.cg("check", "--help"), capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            return False
        # --cache FILE of --online caches fetched URLs; a result cache is a DIR
        return bool(re.search(r"--cache[ =]DIR", h)) or bool(re.search(r"--incremental", h))

    def workdir(self):
        if not hasattr(self, "_wd"):
            if self.a.workdir:
                os.makedirs(self.a.workdir, exist_ok=True)
                self._wd = self.a.workdir
            else:
                self._tmp = tempfile.TemporaryDirectory(prefix="citegraph-bench-")
                self._wd = self._tmp.name
        return self._wd


def corpus_files(path):
    """Files citegraph extract takes from a directory: *.txt, hidden entries skipped."""
    if os.path.isfile(path):
        return [path]
    out = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.endswith(".txt") and not f.startswith("."):
                out.append(os.path.join(root, f))
    return out


def corpus_size(path):
    files = corpus_files(path)
    return len(files), sum(os.path.getsize(f) for f in files)


def catalogs(path):
    """index.tsv files of a corpus: DIR/index.tsv, else those one or two levels down."""
    top = os.path.join(path, "index.tsv")
    if os.path.isfile(top):
        return [top]
    found = []
    for root, dirs, files in os.walk(path):
        depth = os.path.relpath(root, path).count(os.sep) + (0 if root == path else 1)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if depth < 2 else []
        if "index.tsv" in files and root != path:
            found.append(os.path.join(root, "index.tsv"))
    return sorted(found)


# ----------------------------------------------------------------------------
# Machine information


def machine_info(a):
    info = {}
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        info["cpu"] = platform.processor() or "?"
    info["cores"] = os.cpu_count()
    try:
        info["affinity"] = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    os_name = platform.system()
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    info["os"] = f"{os_name}, kernel {platform.release()}"

    def version(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
            return (r.stdout or r.stderr).strip().splitlines()[0]
        except (OSError, subprocess.SubprocessError, IndexError):
            return "not available"
    info["citegraph"] = version([a.citegraph, "version"])
    info["citegraph_path"] = a.citegraph
    info["rg"] = version([a.rg, "--version"]) if a.rg else "not available"
    info["python"] = platform.python_version()
    info["date"] = time.strftime("%Y-%m-%d %H:%M:%S %z")
    info["loadavg"] = open("/proc/loadavg").read().strip() if os.path.exists("/proc/loadavg") else "?"
    return info


# ----------------------------------------------------------------------------
# Modes


def mode_startup(b, tiny_runs=None):
    wd = b.workdir()
    tiny = os.path.join(wd, "tiny.txt")
    with open(tiny, "w") as f:
        f.write("Deutscher Bundestag Drucksache 21/2\nsiehe Drucksache 19/1.\n")
    n = tiny_runs or max(50, b.a.runs * 10)
    rows = []
    for name, cmd in (("extract on a one-line file", b.cg("extract", "-q", tiny)),
                      ("grammar --check (load + compile all patterns, check examples)", b.cg("grammar", "--check")),
                      ("version (process start only)", b.cg("version")),
                      ("/bin/true (cost of spawning from Python)", ["/bin/true"])):
        print(f"bench: startup: {name} ×{n}", file=sys.stderr)
        for _ in range(5):
            b.sp.run("exact", cmd)
        rs = [b.sp.run("exact", cmd) for _ in range(n)]
        walls = sorted(r.wall for r in rs)
        res = {"section": "startup", "name": name, "cmd": cmd, "runs": n,
               "wall_median": statistics.median(walls), "wall_min": walls[0],
               "wall_p90": walls[int(0.9 * (n - 1))], "wall_max": walls[-1],
               "user_median": statistics.median(r.user for r in rs),
               "sys_median": statistics.median(r.sys for r in rs),
               "maxrss_mb": max(r.maxrss_kb for r in rs) / 1024.0,
               "rss_floor_mb": b.sp.floor_kb / 1024.0,
               "status": sorted({r.status for r in rs}), "timed_out": False,
               "bytes": None, "docs": None, "loadavg": b.loadavg()}
        b.results.append(res)
        rows.append(res)
    return rows


def mode_corpus(b, path):
    a = b.a
    ndocs, nbytes = corpus_size(path)
    b.notes.append(f"Corpus `{path}`: {ndocs} files, {nbytes / 1e6:.1f} MB.")
    jobs = a.jobs or os.cpu_count() or 1
    sec = "corpus"
    b.measure(sec, "extract (1 thread)", b.cg("extract", "-q", path), nbytes, ndocs,
              extra={"kind": "extract"}) if not b.has_jobs() else \
        b.measure(sec, "extract -j 1", b.cg("extract", "-q", "-j", "1", path), nbytes, ndocs, extra={"kind": "extract"})
    if b.has_jobs():
        b.measure(sec, f"extract -j {jobs}", b.cg("extract", "-q", "-j", str(jobs), path), nbytes, ndocs,
                  extra={"kind": "extract_par"})
    else:
        b.notes.append("`citegraph extract --help` shows no `-j`: the parallel extraction was not measured.")
    dj = " (default -j)" if b.has_jobs() else ""
    b.measure(sec, "extract --format tsv" + dj, b.cg("extract", "-q", "--format", "tsv", path), nbytes, ndocs)
    if a.rg and shutil.which(a.rg):
        rg = [a.rg, "-o", "-a", "--no-ignore", "-g", "*.txt", "--no-filename", "--no-line-number", RG_PATTERN]
        b.measure(sec, "rg -o (all threads)", rg + [path], nbytes, ndocs, extra={"kind": "rg_par"})
        b.measure(sec, "rg -o -j 1", rg[:1] + ["-j", "1"] + rg[1:] + [path], nbytes, ndocs, extra={"kind": "rg_1"})
        b.measure(sec, "rg -c (count only, all threads)",
                  [a.rg, "-c", "-a", "--no-ignore", "-g", "*.txt", RG_PATTERN, path], nbytes, ndocs)
    else:
        b.notes.append("ripgrep not found: no comparison.")
    # the graph: every query extracts the documents and builds the graph
    wd = b.workdir()
    for fmt in ("json", "dot", "graphml"):
        b.measure(sec, f"graph --format {fmt}", b.cg("graph", "-q", "--format", fmt, path), nbytes, ndocs)
    b.measure(sec, "graph --format csv -o PREFIX",
              b.cg("graph", "-q", "--format", "csv", "-o", os.path.join(wd, "graph"), path), nbytes, ndocs)
    b.measure(sec, "rank (indegree)", b.cg("rank", "-q", path), nbytes, ndocs)
    b.measure(sec, "rank --by pagerank", b.cg("rank", "-q", "--by", "pagerank", path), nbytes, ndocs)
    b.measure(sec, "stats", b.cg("stats", "-q", path), nbytes, ndocs)
    # the same from JSON Lines extracted once: graph building without extraction
    jl = os.path.join(wd, "corpus.jsonl")
    b.measure(sec, "extract > corpus.jsonl" + dj, b.cg("extract", "-q", path), nbytes, ndocs, runs=1, warmup=0,
              stdout_path=jl)
    for fmt in ("json", "dot"):
        b.measure(sec, f"graph --format {fmt} corpus.jsonl", b.cg("graph", "-q", "--format", fmt, jl))
    b.measure(sec, "rank --by pagerank corpus.jsonl", b.cg("rank", "-q", "--by", "pagerank", jl))
    cats = catalogs(path)
    cmd = b.cg("check", "-q", "--fail-on", "never")
    for c in cats:
        cmd += ["--catalog", c]
    b.measure(sec, "check" + (" --catalog index.tsv" if cats else ""), cmd + [path], nbytes, ndocs)
    if b.has_result_cache():
        b.notes.append("check has a result cache option: `bench.py check-cache DIR` measures it.")
    else:
        b.notes.append("`citegraph check --help` shows no result cache (`--cache` there caches fetched URLs of "
                       "`--online`): the incremental check was not measured.")
    mode_startup(b)


def mode_scaling(b, paths):
    jobs = b.a.jobs or os.cpu_count() or 1
    par = b.has_jobs()
    for p in paths:
        ndocs, nbytes = corpus_size(p)
        b.measure("scaling", f"extract -j 1 {os.path.basename(p.rstrip('/'))}" if par else
                  f"extract {os.path.basename(p.rstrip('/'))}",
                  b.cg("extract", "-q", *(["-j", "1"] if par else []), p), nbytes, ndocs,
                  extra={"kind": "extract", "corpus": p})
        if par:
            b.measure("scaling", f"extract -j {jobs} {os.path.basename(p.rstrip('/'))}",
                      b.cg("extract", "-q", "-j", str(jobs), p), nbytes, ndocs,
                      extra={"kind": "extract_par", "corpus": p})
    if not par:
        b.notes.append("`citegraph extract --help` shows no `-j`: scaling measured single-threaded only.")


def mode_hostile(b, dirs):
    for d in dirs:
        for f in corpus_files(d):
            size = os.path.getsize(f)
            b.measure("hostile", f"{os.path.basename(f)} ({size / 1e6:.1f} MB)", b.cg("extract", "-q", f), size, 1,
                      extra={"file": os.path.basename(f), "set": d})


def count_refs(jsonl):
    refs = docs = 0
    with open(jsonl, "rb") as f:
        for line in f:
            if line.startswith(b'{"type":"reference"'):
                refs += 1
            elif line.startswith(b'{"type":"document"'):
                docs += 1
    return docs, refs


def mode_graph_scale(b, path):
    """The graph commands on extraction output: given a directory, it is extracted
    to JSON Lines and to packed output and both are read; given a .jsonl or
    .cgpack file, that file."""
    wd = b.workdir()
    inputs = []
    if path.endswith(".jsonl") or path.endswith(".cgpack"):
        inputs.append(path)
    else:
        ndocs, nbytes = corpus_size(path)
        par = b.has_jobs()
        jobs = b.a.jobs or os.cpu_count() or 1
        for fmt, name in (("jsonl", "refs.jsonl"), ("packed", "refs.cgpack")):
            out = os.path.join(wd, "graph-scale." + ("jsonl" if fmt == "jsonl" else "cgpack"))
            b.measure("graph-scale", f"extract -f {fmt} > {name}",
                      b.cg("extract", "-q", "-f", fmt, *(["-j", str(jobs)] if par else []), path),
                      nbytes, ndocs, runs=1, warmup=0, stdout_path=out)
            inputs.append(out)
    runs = max(1, min(b.a.runs, 3))
    for inp in inputs:
        size = os.path.getsize(inp)
        packed = inp.endswith(".cgpack")
        if packed:
            b.notes.append(f"graph-scale packed input: {size / 1e6:.0f} MB.")
            refs = None
        else:
            docs, refs = count_refs(inp)
            b.notes.append(f"graph-scale input: {refs} references from {docs} documents "
                           f"({size / 1e6:.0f} MB of JSON Lines).")
        tag = " (packed)" if packed else ""
        for name, cmd in (("graph --format json", b.cg("graph", "-q", "--format", "json", inp)),
                          ("graph --format dot", b.cg("graph", "-q", "--format", "dot", inp)),
                          ("rank --by pagerank", b.cg("rank", "-q", "--by", "pagerank", inp)),
                          ("stats", b.cg("stats", "-q", inp))):
            b.measure("graph-scale", name + tag, cmd, size, None, runs=runs, warmup=0,
                      extra={"refs": refs})


def mode_ratio(b, path):
    """extract against ripgrep, paired: A and B run alternately and the ratio is
    taken pair by pair, so that the machine's drift during the runs cancels."""
    a = b.a
    if not (a.rg and shutil.which(a.rg)):
        b.notes.append("ripgrep not found: no ratio.")
        return
    ndocs, nbytes = corpus_size(path)
    b.notes.append(f"Corpus `{path}`: {ndocs} files, {nbytes / 1e6:.1f} MB.")
    rg = [a.rg, "-o", "-a", "--no-ignore", "-g", "*.txt", "--no-filename", "--no-line-number", RG_PATTERN]
    pairs = [("citegraph extract (default -j) / rg -o (all threads)", b.cg("extract", "-q", path), rg + [path]),
             ("citegraph extract -j 1 / rg -o -j 1", b.cg("extract", "-q", "-j", "1", path),
              rg[:1] + ["-j", "1"] + rg[1:] + [path])]
    def said(name, ratios, walls_a, walls_b):
        ratios = sorted(ratios)
        b.notes.append(f"{name}: {statistics.median(ratios):.2f}x wall, median of {len(ratios)} pairs "
                       f"({ratios[0]:.2f}-{ratios[-1]:.2f}); medians {statistics.median(walls_a):.3f} s "
                       f"and {statistics.median(walls_b):.3f} s")

    for name, ca, cb in pairs:
        # the baseline's command: the same arguments to the other binary
        cc = [a.baseline] + ca[1:] if a.baseline else None
        for _ in range(max(0, a.warmup)):
            for cmd in (ca, cb, cc):
                if cmd:
                    run_once(cmd, a.timeout)
        ratios, walls_a, walls_b = [], [], []
        base_ratios, walls_c, walls_d, new_to_base = [], [], [], []
        for _ in range(max(1, a.runs)):
            ra, rb = run_once(ca, a.timeout), run_once(cb, a.timeout)
            walls_a.append(ra.wall)
            walls_b.append(rb.wall)
            ratios.append(ra.wall / rb.wall)
            if cc:
                rc, rd = run_once(cc, a.timeout), run_once(cb, a.timeout)
                walls_c.append(rc.wall)
                walls_d.append(rd.wall)
                base_ratios.append(rc.wall / rd.wall)
                new_to_base.append(ra.wall / rc.wall)
        said(name, ratios, walls_a, walls_b)
        if cc:
            said(name.replace("citegraph", "baseline", 1), base_ratios, walls_c, walls_d)
            said(name.split(" / ")[0] + " / the same with the baseline", new_to_base, walls_a, walls_c)


def mode_check_cache(b, path):
    """check --cache DIR on one corpus: cold, one file changed, nothing changed, no cache."""
    if not b.has_result_cache():
        b.notes.append("`citegraph check --help` shows no result cache: check-cache not measured.")
        return
    ndocs, nbytes = corpus_size(path)
    wd = b.workdir()
    cache = os.path.join(wd, "check-cache")
    cmd = b.cg("check", "-q", "--format", "json")
    for c in catalogs(path):
        cmd += ["--catalog", c]
    cached = cmd + ["--cache", cache, path]
    first = corpus_files(path)[0]
    original, st = open(first, "rb").read(), os.stat(first)
    outs = {k: os.path.join(wd, f"check-cache-{k}.json") for k in ("cold", "one", "none", "nocache")}
    sec = "check-cache"

    def empty_cache():
        shutil.rmtree(cache, ignore_errors=True)

    def change_one():
        with open(first, "ab") as f:
            f.write(b"Siehe Drucksache 21/4242.\n")

    b.notes.append(f"check-cache: {ndocs} files, {nbytes / 1e6:.1f} MB; the changed file is `{first}`.")
    try:
        cold = b.measure(sec, "cold (empty cache)", cached, nbytes, ndocs, runs=max(1, min(b.a.runs, 3)),
                         warmup=0, before=empty_cache, stdout_path=outs["cold"])
        one = b.measure(sec, "one file changed", cached, nbytes, ndocs, warmup=0, before=change_one,
                        stdout_path=outs["one"])
        b.measure(sec, "nothing changed", cached, nbytes, ndocs, stdout_path=outs["none"])
        b.measure(sec, "no cache", cmd + [path], nbytes, ndocs, runs=1, warmup=0, stdout_path=outs["nocache"])
    finally:
        with open(first, "wb") as f:
            f.write(original)
        os.utime(first, ns=(st.st_atime_ns, st.st_mtime_ns))
        shutil.rmtree(cache, ignore_errors=True)
    same = open(outs["one"], "rb").read() == open(outs["nocache"], "rb").read() == \
        open(outs["none"], "rb").read()
    b.notes.append(f"check-cache: one changed file took {100 * one['wall_median'] / cold['wall_median']:.1f}% "
                   f"of the cold run (medians); reports with and without the cache are "
                   f"{'the same bytes' if same else 'DIFFERENT'}.")


# ----------------------------------------------------------------------------
# Report


def fmt_rss(r):
    """Peak RSS, or 'at most' the floor below which ru_maxrss cannot go (see self_hwm_kb)."""
    if r["maxrss_mb"] <= r.get("rss_floor_mb", 0) * 1.02 + 0.5:
        return f"≤ {r['maxrss_mb']:.1f} MB"
    return f"{r['maxrss_mb']:.1f} MB"


def fmt_s(x):
    if x is None:
        return ""
    if x < 0.01:
        return f"{x * 1000:.2f} ms"
    if x < 1:
        return f"{x * 1000:.0f} ms"
    return f"{x:.2f} s"


def report(b, info, argv):
    out = []
    w = out.append
    w("# citegraph benchmark\n")
    w("| machine | |")
    w("| --- | --- |")
    w(f"| CPU | {info.get('cpu')} |")
    w(f"| cores | {info.get('cores')} (usable: {info.get('affinity', '?')}) |")
    w(f"| RAM | {info.get('ram_gb')} GB |")
    w(f"| OS | {info.get('os')} |")
    w(f"| citegraph | {info.get('citegraph')} (`{info.get('citegraph_path')}`) |")
    w(f"| ripgrep | {info.get('rg')} |")
    w(f"| Python | {info.get('python')} |")
    w(f"| date | {info.get('date')} |")
    w(f"| load average at start | {info.get('loadavg')} |")
    w("")
    w(f"Invocation: `{' '.join(shlex.quote(x) for x in argv)}`; runs per command: {b.a.runs} "
      f"(after {b.a.warmup} warm-up), median wall time; peak RSS is the largest `ru_maxrss` of the runs "
      f"(from `os.wait4`; `≤ X` means at most X: below the footprint of the Python process that spawns the "
      f"commands, which Linux counts in a child's `ru_maxrss`).\n")
    for n in b.notes:
        w(f"- {n}")
    if b.notes:
        w("")
    sections = []
    for r in b.results:
        if r["section"] not in sections:
            sections.append(r["section"])
    for s in sections:
        rows = [r for r in b.results if r["section"] == s]
        w(f"## {s}\n")
        if s == "startup":
            w("| what | median | min | p90 | user | sys | peak RSS | runs |")
            w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for r in rows:
                w(f"| {r['name']} | {fmt_s(r['wall_median'])} | {fmt_s(r['wall_min'])} | {fmt_s(r['wall_p90'])} | "
                  f"{fmt_s(r['user_median'])} | {fmt_s(r['sys_median'])} | {fmt_rss(r)} | {r['runs']} |")
        else:
            w("| what | median wall | min–max | user | sys | MB/s | docs/s | peak RSS | exit | load |")
            w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
            for r in rows:
                mbs = f"{r['mb_per_s']:.1f}" if r.get("mb_per_s") and r.get("docs") else ""
                if s == "hostile" and r.get("mb_per_s"):
                    mbs = f"{r['mb_per_s']:.2f}"
                dps = f"{r['docs_per_s']:.0f}" if r.get("docs_per_s") and r.get("docs", 0) > 1 else ""
                st = ",".join(str(x) for x in r["status"]) + (" TIMEOUT" if r["timed_out"] else "")
                w(f"| {r['name']} | {fmt_s(r['wall_median'])} | {fmt_s(r['wall_min'])}–{fmt_s(r['wall_max'])} | "
                  f"{fmt_s(r['user_median'])} | {fmt_s(r['sys_median'])} | {mbs} | {dps} | {fmt_rss(r)} | "
                  f"{st} | {r['loadavg']} |")
        w("")
        # derived figures
        if s == "corpus":
            by = {r.get("kind"): r for r in rows if r.get("kind")}
            if "extract" in by and "rg_1" in by:
                w(f"- citegraph extract (1 thread) / rg -o -j 1: "
                  f"{by['extract']['wall_median'] / by['rg_1']['wall_median']:.1f}×")
            if "extract_par" in by and "rg_par" in by:
                w(f"- citegraph extract -j N / rg -o (all threads): "
                  f"{by['extract_par']['wall_median'] / by['rg_par']['wall_median']:.1f}×")
            if "extract" in by and "rg_par" in by:
                w(f"- citegraph extract (1 thread) / rg -o (all threads): "
                  f"{by['extract']['wall_median'] / by['rg_par']['wall_median']:.1f}×")
            w("")
        if s == "scaling":
            for kind in ("extract", "extract_par"):
                ks = [r for r in rows if r.get("kind") == kind]
                if len(ks) > 1:
                    base = ks[0]
                    for r in ks[1:]:
                        w(f"- {kind.replace('_par', ' -j N')}: {r['docs'] / base['docs']:.1f}× documents "
                          f"({r['bytes'] / base['bytes']:.1f}× bytes) took {r['wall_median'] / base['wall_median']:.2f}× "
                          f"the time; peak RSS {base['maxrss_mb']:.0f} MB → {r['maxrss_mb']:.0f} MB")
            w("")
        if s == "hostile":
            sets = []
            for r in rows:
                if r["set"] not in sets:
                    sets.append(r["set"])
            if len(sets) >= 2:
                small = {r["file"]: r for r in rows if r["set"] == sets[0]}
                large = {r["file"]: r for r in rows if r["set"] == sets[1]}
                w("| input | size ratio | time ratio | verdict |")
                w("| --- | ---: | ---: | --- |")
                for f in small:
                    if f in large:
                        sr = large[f]["bytes"] / small[f]["bytes"]
                        tr = large[f]["wall_median"] / small[f]["wall_median"]
                        ok = "linear" if tr <= sr * 1.3 else "SUPERLINEAR"
                        if large[f]["timed_out"] or small[f]["timed_out"]:
                            ok = "TIMEOUT"
                        elif any(x != 0 for x in small[f]["status"] + large[f]["status"]):
                            ok += " (exit " + "/".join(str(x) for x in small[f]["status"] + large[f]["status"]) + \
                                ": the document was not processed, see stderr)"
                        w(f"| {f} | {sr:.2f} | {tr:.2f} | {ok} |")
                w("")
        if s == "graph-scale":
            parts = [r for r in rows if r["name"] in ("graph --format json", "graph --format dot", "rank --by pagerank")]
            if len(parts) == 3:
                tot = sum(r["wall_median"] for r in parts)
                peak = max(r["maxrss_mb"] for r in parts)
                w(f"- build + PageRank + JSON + DOT as three commands (each builds the graph): {fmt_s(tot)}, "
                  f"peak {peak:.0f} MB")
                w("")
    w("## Commands\n")
    w("```")
    for r in b.results:
        w(" ".join(shlex.quote(c) for c in r["cmd"]))
    w("```")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n\n", 1)[1], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--citegraph", default="build/citegraph")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--rg", default=shutil.which("rg"))
    ap.add_argument("--baseline")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--markdown")
    ap.add_argument("--json")
    ap.add_argument("--workdir")
    ap.add_argument("mode", choices=["corpus", "startup", "scaling", "hostile", "graph-scale", "check-cache", "ratio"])
    ap.add_argument("paths", nargs="*")
    a = ap.parse_args()
    if not os.path.exists(a.citegraph):
        ap.error(f"{a.citegraph}: no such binary (use --citegraph)")
    a.citegraph = os.path.abspath(a.citegraph)
    need = {"corpus": (1, 1), "startup": (0, 0), "scaling": (2, 99), "hostile": (2, 2), "graph-scale": (1, 1),
            "check-cache": (1, 1), "ratio": (1, 1)}[a.mode]
    if not need[0] <= len(a.paths) <= need[1]:
        ap.error(f"{a.mode}: wrong number of paths")
    for p in a.paths:
        if not os.path.exists(p):
            ap.error(f"{p}: not found")
    spawner = Spawner()
    b = Bench(a, spawner)
    info = machine_info(a)
    if a.mode == "corpus":
        mode_corpus(b, a.paths[0])
    elif a.mode == "startup":
        mode_startup(b)
    elif a.mode == "scaling":
        mode_scaling(b, a.paths)
    elif a.mode == "hostile":
        mode_hostile(b, a.paths)
    elif a.mode == "check-cache":
        mode_check_cache(b, a.paths[0])
    elif a.mode == "ratio":
        mode_ratio(b, a.paths[0])
    else:
        mode_graph_scale(b, a.paths[0])
    spawner.close()
    text = report(b, info, sys.argv)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"machine": info, "notes": b.notes, "results": b.results}, f, indent=1)


if __name__ == "__main__":
    main()
