"""Headless Chromium for the explorer's browser tests: start it offline, open a
page, wait for it, collect its console and its network requests, and a small
framework of named checks.

Used by explorer_test.py; Debian's chromium, chromium-driver and
python3-selenium (run with /usr/bin/python3).
"""

import json
import os
import shutil
import sys
import time
import traceback
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

# WebGL in software (SwiftShader): the page draws with sigma.js. --no-sandbox
# because CI runs as root; /dev/shm is small in containers.
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
    "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist",
    "--no-first-run", "--no-default-browser-check", "--disable-extensions",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--lang=de-DE",
]


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


def find_chromedriver():
    p = shutil.which("chromedriver")
    if p:
        return p
    for c in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"):
        if os.access(c, os.X_OK):
            return c
    return None


class Browser:
    """One headless Chromium, network off, window 1400 x 900."""

    def __init__(self, chromium=None, chromedriver=None, width=1400, height=900):
        chromium = chromium or find_chromium()
        chromedriver = chromedriver or find_chromedriver()
        if not chromium or not chromedriver:
            raise SystemExit("cg_browser: chromium and chromedriver are needed "
                             "(apt-get install chromium chromium-driver python3-selenium)")
        o = webdriver.ChromeOptions()
        o.binary_location = chromium
        for a in CHROMIUM_FLAGS + [f"--window-size={width},{height}"]:
            o.add_argument(a)
        o.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        o.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
        self.driver = webdriver.Chrome(service=Service(chromedriver), options=o)
        self.driver.set_script_timeout(120)
        self.driver.set_page_load_timeout(300)
        self.version = self.driver.capabilities.get("browserVersion", "?")
        self._offline()

    def _offline(self):
        d = self.driver
        d.execute_cdp_cmd("Network.enable", {})
        d.execute_cdp_cmd("Network.emulateNetworkConditions",
                          {"offline": True, "latency": 0, "downloadThroughput": -1,
                           "uploadThroughput": -1})

    def quit(self):
        try:
            self.driver.quit()
        except WebDriverException:
            pass

    def drain_logs(self):
        """(console entries, request URLs) since the last call."""
        console = self.driver.get_log("browser")
        requests = []
        for e in self.driver.get_log("performance"):
            m = json.loads(e["message"])["message"]
            if m.get("method") == "Network.requestWillBeSent":
                requests.append(m["params"]["request"]["url"])
            elif m.get("method") == "Network.webSocketCreated":
                requests.append(m["params"]["url"])
        return console, requests

    def open(self, path, fragment="", timeout=120):
        """Open the file (after about:blank, so that a new fragment reloads),
        wait until body.dataset.ready is "1" or "error". Returns the load
        state: {"ready", "error", "seconds", "url"}."""
        d = self.driver
        d.get("about:blank")
        self.drain_logs()
        self._offline()
        url = "file://" + urllib.parse.quote(os.path.abspath(path))
        if fragment:
            url += "#" + fragment.lstrip("#")
        t0 = time.monotonic()
        d.get(url)
        state = None
        while time.monotonic() - t0 < timeout:
            state = d.execute_script(
                "var b=document.body; var e=document.getElementById('cg-error');"
                "return {ready: b ? (b.dataset.ready || '') : '',"
                " api: !!(window.cgExplorer && window.cgExplorer.ready === true),"
                " error: e ? e.textContent : null};")
            if state["ready"] in ("1", "error"):
                break
            time.sleep(0.05)
        state = state or {"ready": "", "api": False, "error": None}
        state["seconds"] = time.monotonic() - t0
        state["url"] = url
        return state

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)


def page_requests_ok(urls, page_url):
    """The requests other than the page's own file (with any fragment),
    data: and blob: URLs."""
    base = page_url.split("#")[0]
    bad = []
    for u in urls:
        if u.split("#")[0] == base or u.startswith("data:") or u.startswith("blob:") \
                or u == "about:blank":
            continue
        bad.append(u)
    return bad


def console_problems(entries):
    """Console entries that fail a test: every SEVERE, and WARNINGs the page's
    own scripts wrote (console-api). Returns (failing, other warnings)."""
    bad, other = [], []
    for e in entries:
        lvl, src = e.get("level"), e.get("source")
        if lvl == "SEVERE" or (lvl == "WARNING" and src == "console-api"):
            bad.append(f"{lvl} [{src}] {e.get('message')}")
        elif lvl == "WARNING":
            other.append(f"{lvl} [{src}] {e.get('message')}")
    return bad, other


class Checks:
    """Named checks; a failing one says what was expected and what was found,
    the run goes on, and the exit status says whether any failed."""

    def __init__(self, verbose=False):
        self.results = []  # (name, ok, message)
        self.verbose = verbose
        self.t0 = time.monotonic()

    def check(self, name, ok, message=""):
        ok = bool(ok)
        self.results.append((name, ok, message))
        stamp = f"[{time.monotonic() - self.t0:6.1f}s] " if self.verbose else ""
        if ok:
            print(f"{stamp}PASS  {name}", flush=True)
        else:
            print(f"{stamp}FAIL  {name}: {message}", flush=True)
        return ok

    def equal(self, name, got, want, what=""):
        if got == want:
            return self.check(name, True)
        return self.check(name, False, f"{what + ': ' if what else ''}expected {short(want)}, "
                                       f"got {short(got)}{diff_hint(got, want)}")

    def group(self, name):
        """with checks.group("name"): ... an exception inside fails the check
        `name` with the error, and the run goes on."""
        return _Group(self, name)

    def failed(self):
        return [r for r in self.results if not r[1]]

    def summary(self):
        f = self.failed()
        print(f"\n{len(self.results) - len(f)} of {len(self.results)} checks passed", flush=True)
        for name, _, msg in f:
            print(f"  FAILED {name}: {msg}", flush=True)
        return 1 if f or not self.results else 0


class _Group:
    def __init__(self, checks, name):
        self.checks, self.name = checks, name

    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        if typ is None:
            return False
        if typ in (KeyboardInterrupt, SystemExit):
            return False
        msg = "".join(traceback.format_exception_only(typ, val)).strip()
        if self.checks.verbose:
            traceback.print_exception(typ, val, tb, file=sys.stdout)
        self.checks.check(self.name, False, f"stopped by an error: {msg[:2000]}")
        return True


def short(v, n=600):
    s = json.dumps(v, ensure_ascii=False, default=str) if not isinstance(v, str) else repr(v)
    return s if len(s) <= n else s[:n] + f"... ({len(s)} chars)"


def diff_hint(got, want):
    try:
        if isinstance(got, (list, set, tuple)) and isinstance(want, (list, set, tuple)):
            g, w = list(got), list(want)
            missing = [x for x in w if x not in g]
            extra = [x for x in g if x not in w]
            parts = []
            if missing:
                parts.append(f"missing {short(missing, 300)}")
            if extra:
                parts.append(f"unexpected {short(extra, 300)}")
            if not missing and not extra and g != w:
                parts.append("same elements, other order or multiplicity")
            return " (" + "; ".join(parts) + ")" if parts else ""
    except TypeError:
        pass
    return ""
