"""Lighthouse audit of the built site (run by `make audit`, not by `make test`).

Builds the site as the Pages workflow does (SITE_URL set, here to the local server, under
the sub-path /graceful-rejections/), serves it from 127.0.0.1, and runs Lighthouse 12.2.3
(npm, pinned in package-lock.json; newer releases want Node 22) with its default mobile
profile (Moto G Power emulation, simulated slow 4G, 4x CPU slowdown) on the home page, a
strategy page and the reply worksheet. Prints the four category scores per page and checks
them against the targets:

    accessibility, best practices, SEO: 100 on every page
    performance: 100 on guide pages, at least 95 on worksheet pages

The server sends gzip for text files when the browser asks for it and keeps connections
open (HTTP/1.1 keep-alive), as GitHub Pages does (gzip, HTTP/2), so the simulated load times
reflect the published site. One thing it leaves out: the published site is https, whose
handshake adds one round trip (150 ms in the mobile profile) to the first request.

Lighthouse's score moves from run to run with the machine's load (its simulation scales the
measured CPU time by 4), so each page is audited --runs times (default 5) and the run
with the median performance score is the one reported, as Lighthouse's own documentation
advises; the spread of performance scores is printed beside it.

    python benchmarks/lighthouse.py [--write] [--keep DIR] [--runs N]
        --write   update the Lighthouse table in benchmarks/README.md (with the date)
        --keep    also keep the JSON reports in DIR
Exit status 1 if a median score misses its target (the table is still written).
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import server  # noqa: E402
from tests.browser.server import CHROMIUM_FLAGS, chromium_path, serve  # noqa: E402

PREFIX = "/graceful-rejections/"
PAGES = [  # (label, path, kind)
    ("Home", "", "guide"),
    ("Strategy: Reply with grace", "strategies/reply-professionally/", "guide"),
    ("Worksheet: Reply to the rejection", "workbook/reply/", "worksheet"),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"guide": {"performance": 100}, "worksheet": {"performance": 95}}
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
README = Path(__file__).resolve().parent / "README.md"
START, END = "<!-- lighthouse -->", "<!-- /lighthouse -->"
GZIP_TYPES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".zip")


class _GzipHandler(server._Handler):
    """The tests' static handler, plus gzip for compressible files and persistent
    connections (as GitHub Pages does)."""

    protocol_version = "HTTP/1.1"  # every response carries Content-Length, so keep-alive works

    def send_head(self):
        path = self.translate_path(self.path.split("?", 1)[0])
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the trailing slash
            path = os.path.join(path, "index.html")
        wants = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not (wants and path.endswith(GZIP_TYPES) and os.path.isfile(path)):
            return super().send_head()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def build(dest: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    if done.returncode:
        sys.exit(f"mkdocs build failed:\n{done.stderr}")


def audit(url: str, report: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    done = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
        cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode or not report.exists():
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    # What cost points, for the report: every scored audit below 1 in the four categories.
    misses = []
    for c in CATEGORIES:
        for ref in data["categories"][c]["auditRefs"]:
            a = data["audits"][ref["id"]]
            if ref["weight"] and a.get("score") is not None and a["score"] < 1:
                misses.append(f"{c}: {a['id']} ({a['score']:.2f}) {a.get('displayValue', '')}".rstrip())
    scores["_misses"] = misses
    scores["_metrics"] = {m: round(data["audits"][m]["numericValue"])
                          for m in ("first-contentful-paint", "total-blocking-time")}
    return scores


def median_run(url: str, reports: Path, name: str, runs: int) -> dict:
    """Audit `runs` times; return the run with the median performance score, plus the
    spread of all runs' performance scores (in "_spread")."""
    results = [audit(url, reports / f"lighthouse-{name}-{i + 1}.json") for i in range(runs)]
    ordered = sorted(results, key=lambda s: (s["performance"], -s["_metrics"]["total-blocking-time"]))
    median = ordered[(len(ordered) - 1) // 2]
    median["_spread"] = sorted(s["performance"] for s in results)
    median["_median_metrics"] = {m: round(statistics.median(s["_metrics"][m] for s in results))
                                 for m in median["_metrics"]}
    return median


def chromium_version() -> str:
    try:
        out = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True, timeout=30).stdout
        return (re.sub(r"^\D*", "", out.strip()).split() or ["?"])[0]
    except OSError:
        return "?"


def table(results: list[tuple[str, str, dict]], stamp: str) -> str:
    runs = len(results[0][2]["_spread"])
    head = (f"{stamp}; Lighthouse 12.2.3, mobile profile (simulated throttling), Node {_node()}, "
            f"Chromium {chromium_version()}; {os.cpu_count()} cores; site served locally with gzip "
            f"and keep-alive; the median of {runs} runs per page\n\n"
            "| Page | Performance | Accessibility | Best practices | SEO | Performance, every run "
            "| FCP (median) | TBT (median) |\n|---|---:|---:|---:|---:|---|---:|---:|\n")
    rows = "".join(
        f"| {label} | " + " | ".join(str(s[c]) for c in CATEGORIES)
        + f" | {', '.join(map(str, s['_spread']))} | {s['_median_metrics']['first-contentful-paint']} ms"
        + f" | {s['_median_metrics']['total-blocking-time']} ms |\n"
        for label, _, s in results)
    return head + rows


def _node() -> str:
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip().lstrip("v")
    except OSError:
        return "?"


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    block = f"{START}\n{text}{END}"
    if START in readme and END in readme:
        readme = readme[:readme.index(START)] + block + readme[readme.index(END) + len(END):]
    else:
        readme = readme.rstrip("\n") + "\n\n## Lighthouse\n\n" + block + "\n"
    README.write_text(readme, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="update the table in benchmarks/README.md")
    parser.add_argument("--keep", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument("--runs", type=int, default=5, help="audits per page; the median is reported")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("run `npm ci` first: lighthouse comes from node_modules")

    server._Handler = _GzipHandler  # serve() below uses it
    results: list[tuple[str, str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        site, reports = Path(tmp) / "site", Path(args.keep or tmp)
        reports.mkdir(parents=True, exist_ok=True)
        with serve(site, PREFIX) as url:
            build(site, url)
            for label, path, kind in PAGES:
                name = path.strip("/").replace("/", "-") or "home"
                scores = median_run(url + path, reports, name, args.runs)
                results.append((label, kind, scores))
                print(f"{label:40} " + "  ".join(f"{c} {scores[c]:3d}" for c in CATEGORIES)
                      + f"   (performance over {args.runs} runs: {scores['_spread']}; median FCP "
                      f"{scores['_median_metrics']['first-contentful-paint']} ms, TBT "
                      f"{scores['_median_metrics']['total-blocking-time']} ms)", flush=True)
                for miss in scores["_misses"]:
                    print(f"    {miss}")

    failed = []
    for label, kind, scores in results:
        for c in CATEGORIES:
            target = TARGETS[kind].get(c, 100)
            if scores[c] < target:
                failed.append(f"{label}: {c} {scores[c]} < {target}")
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    if args.write:
        write_readme(table(results, stamp))
        print(f"wrote the table to {README.relative_to(ROOT)}")
    if failed:
        print("below target:\n  " + "\n  ".join(failed))
        return 1
    print("every page meets its target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
