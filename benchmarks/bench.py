"""Time-to-ready and call time of the workbook, against bare Pyodide (run by `make bench`).

Builds the site into a temporary folder, adds benchmarks/baseline/ as <site>/_bench/,
serves both from one local server and measures in headless Chromium, over N runs:

- navigation to engine-ready on a worksheet page, cold (a new browser context, empty
  cache) and warm (the same context, second visit), with service workers blocked, so
  "warm" is the browser's HTTP cache alone;
- warm with the site's service worker (its precache, sitebuild/offline.py): a new context
  visits once, waits until the worker controls the page (everything precached), closes
  the tab and opens the worksheet again (see sw_times);
- the same for the baseline page (the same Pyodide files, `import sys`, no site, no engine);
- the two ways of installing the engine wheel, on bare pages (lock: loadPyodide with
  packages=["workbook"] from pyodide-lock.json; unpack: fetch in parallel + unpackArchive);
- one engine call: the postMessage round trip, timed in the page (median of 20 calls);
- bytes before ready: what the server sent from a cold visit's navigation until the page
  heard "ready", for the worksheet and for the baseline (the server compresses as GitHub
  Pages does: tests/browser/server.py, GZIP_TYPES); and for the worksheet, the bytes until
  the tone check's model, fetched after "ready", is installed too (the whole first visit);
- on a phone: cold visits with Chromium's network and CPU throttled as Lighthouse's mobile
  preset throttles them (PHONE), to engine ready and to the first draft (asked for as soon
  as the form is there, as a person types while Python loads), and the baseline to ready.

    python benchmarks/bench.py [--runs 5] [--calls 20] [--phone-runs 3] [--write]   (--write updates README.md)
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.server import CHROMIUM_FLAGS, chromium_path, serve  # noqa: E402

WORKSHEET = "workbook/reply/"
TIMEOUT = 120_000
PHONE_TIMEOUT = 300_000

# Lighthouse's mobile preset as DevTools throttling applies it ("slow 4G": 150 ms round trip,
# 1.6 Mbit/s down, 750 kbit/s up, with its own factors 3.75 on latency and 0.9 on throughput;
# lighthouse-core/config/constants.js, throttling.mobileSlow4G), and a CPU 4× slower.
PHONE = {"latency": 150 * 3.75, "download_kbps": 1.6 * 1024 * 0.9, "upload_kbps": 750 * 0.9, "cpu": 4}
CGROUP_PERIOD_US = 100_000


def build(dest: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"build failed:\n{done.stderr}")
    shutil.copytree(ROOT / "benchmarks" / "baseline", dest / "_bench")
    # Bare Pyodide loads its whole standard library; the site ships only the traced part.
    shutil.copyfile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip", dest / "_bench" / "python_stdlib.zip")


def time_to_ready(page, url: str, ready: str, mark: str) -> float:
    """Milliseconds from the start of navigation to the page's ready mark."""
    page.goto(url)
    page.wait_for_selector(ready, timeout=TIMEOUT)
    return page.evaluate(f"performance.getEntriesByName({mark!r})[0].startTime")


def sent_before_ready(page, transfers: list, mark: str) -> int:
    """Bytes of the responses whose headers went before the page's ready mark (both clocks are
    this machine's): the tone model, asked for after "ready", arrives too fast here to leave out
    by when the count is read."""
    ready = page.evaluate(f"(performance.timeOrigin + performance.getEntriesByName({mark!r})[0].startTime) / 1000")
    return sum(size for _, _, size, at in transfers if at <= ready)


TONE_MODEL_INSTALLED = '[data-status][data-tone-model="installed"]'


def site_ready(page, base):
    return time_to_ready(page, base + WORKSHEET, '[data-status][data-state="ready"]', "workbook:engine-ready")


def bare_url(context, base, mode: str) -> str:
    """The baseline page, on the same Pyodide folder as the site's worker (named in engine.json)."""
    pyodide = "../assets/engine/" + context.request.get(base + "assets/engine/engine.json").json()["pyodide_url"]
    return f"{base}_bench/index.html?mode={mode}&pyodide={pyodide}"


def bare_ready(page, base, mode):
    return time_to_ready(page, bare_url(page.context, base, mode), 'body[data-state="ready"]', "baseline:ready")


def call_times(page, calls: int) -> list[float]:
    form = page.locator('form[data-worksheet="reply"]')
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    form.get_by_label("Recruiter's name").fill("Priya")
    for i in range(1, calls + 1):
        page.get_by_role("button", name="Draft my reply").click()
        page.wait_for_selector(f'form[data-worksheet="reply"][data-ran="{i}"]', timeout=TIMEOUT)
    return page.evaluate("performance.getEntriesByName('workbook:run').map(e => e.duration)")


CONTROLLED = "() => navigator.serviceWorker.controller !== null"


def sw_times(browser, base) -> tuple[float, float]:
    """(first visit with the service worker installing, return visit served by it), in ms.

    The return visit is a new tab in the same browser profile after the first tab closed:
    what a person gets coming back to a worksheet. The profile is on disk, as a person's
    is: an in-memory (incognito) HTTP cache keeps no file as large as Pyodide's runtime, so
    the precache could not reuse what the page had just downloaded. Service workers need
    https or localhost; this runs on 127.0.0.1."""
    profile = tempfile.mkdtemp(prefix="bench-profile-")
    context = browser.browser_type.launch_persistent_context(
        profile, executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
    page = context.new_page()
    first = site_ready(page, base)
    page.wait_for_function(CONTROLLED, timeout=TIMEOUT)  # activated = precache complete
    page.close()
    page = context.new_page()
    warm = site_ready(page, base)
    assert page.evaluate(CONTROLLED), "the return visit was not served by the service worker"
    context.close()
    shutil.rmtree(profile, ignore_errors=True)
    return first, warm


@contextlib.contextmanager
def slow_chromium():
    """A Chromium whose processes share 1/PHONE["cpu"] of one core, through a Linux cgroup's CPU
    quota: a slower CPU that, unlike DevTools' CPU throttling, reaches the worker where Python
    starts (Chromium answers Emulation.setCPUThrottlingRate on a worker's session with
    "Operation is only supported for pages, not workers"). Yields the path of a launcher that
    puts Chromium in the group, or None where no group can be made (not root, no cpu
    controller): the phone rows then slow the page's main thread only."""
    unified = Path("/sys/fs/cgroup/cgroup.controllers").exists()
    group = Path("/sys/fs/cgroup") / ("" if unified else "cpu") / f"workbook-bench-phone-{os.getpid()}"
    quota = CGROUP_PERIOD_US // PHONE["cpu"]
    try:
        group.mkdir()
        if unified:
            (group / "cpu.max").write_text(f"{quota} {CGROUP_PERIOD_US}")
        else:
            (group / "cpu.cfs_period_us").write_text(str(CGROUP_PERIOD_US))
            (group / "cpu.cfs_quota_us").write_text(str(quota))
    except OSError:
        with contextlib.suppress(OSError):
            group.rmdir()
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="bench-phone-") as tmp:
        launcher = Path(tmp) / "chromium"
        launcher.write_text(f'#!/bin/sh\necho $$ > "{group / "cgroup.procs"}"\nexec "{chromium_path()}" "$@"\n')
        launcher.chmod(0o755)
        try:
            yield str(launcher)
        finally:
            with contextlib.suppress(OSError):
                group.rmdir()  # empty once the browser has closed


def throttle_like_a_phone(context, page, cpu_in_page: bool) -> None:
    """PHONE's network limits (they reach the worker's downloads too) and, when the browser
    is not in a slow cgroup (cpu_in_page), DevTools' CPU throttling of the page."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": PHONE["latency"],
        "downloadThroughput": PHONE["download_kbps"] * 1024 / 8, "uploadThroughput": PHONE["upload_kbps"] * 1024 / 8})
    if cpu_in_page:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu"]})


def phone_times(browser, base, cpu_in_page: bool) -> dict[str, float]:
    """Cold visits on a throttled phone: the worksheet to ready and to its first draft, and
    the baseline to ready (ms from the start of navigation)."""
    times = {}
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    throttle_like_a_phone(context, page, cpu_in_page)
    page.goto(base + WORKSHEET, wait_until="domcontentloaded", timeout=PHONE_TIMEOUT)
    form = page.locator('form[data-worksheet="reply"]')
    form.get_by_label("Company", exact=True).fill("Northwind Books")
    page.get_by_role("button", name="Draft my reply").click()
    page.wait_for_selector('form[data-worksheet="reply"][data-ran="1"]', timeout=PHONE_TIMEOUT)
    times["phone_draft"] = page.evaluate("performance.now()")
    times["phone_site"] = page.evaluate("performance.getEntriesByName('workbook:engine-ready')[0].startTime")
    context.close()
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    throttle_like_a_phone(context, page, cpu_in_page)
    page.goto(bare_url(context, base, "sys"), timeout=PHONE_TIMEOUT)
    page.wait_for_selector('body[data-state="ready"]', timeout=PHONE_TIMEOUT)
    times["phone_base"] = page.evaluate("performance.getEntriesByName('baseline:ready')[0].startTime")
    context.close()
    return times


def measure(base: str, runs: int, calls: int, phone_runs: int, transfers: list) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    keys = ("site_cold", "site_warm", "base_cold", "base_warm", "lock_cold", "unpack_cold", "call",
            "sw_first", "sw_warm", "site_bytes", "base_bytes", "site_all_bytes", "model_after_ready",
            "phone_site", "phone_draft", "phone_base")
    results: dict[str, list[float]] = {k: [] for k in keys}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        results["chromium"] = browser.version
        with slow_chromium() as launcher:
            phone = p.chromium.launch(executable_path=launcher or chromium_path(), args=CHROMIUM_FLAGS)
            results["phone_cpu"] = "cgroup" if launcher else "page"
            for run in range(phone_runs):
                for key, value in phone_times(phone, base, cpu_in_page=launcher is None).items():
                    results[key].append(value)
                print(f"phone run {run + 1}/{phone_runs}: worksheet ready {results['phone_site'][-1]:.0f} ms, "
                      f"first draft {results['phone_draft'][-1]:.0f} ms, "
                      f"bare Pyodide ready {results['phone_base'][-1]:.0f} ms", file=sys.stderr)
            phone.close()
        for run in range(runs):
            # Interleaved, so every variant sees the same machine noise.
            for key, visit in (("site", site_ready), ("base", lambda pg, b: bare_ready(pg, b, "sys"))):
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                transfers.clear()
                results[f"{key}_cold"].append(visit(page, base))
                mark = "workbook:engine-ready" if key == "site" else "baseline:ready"
                results[f"{key}_bytes"].append(sent_before_ready(page, transfers, mark))
                if key == "site":
                    page.wait_for_selector(TONE_MODEL_INSTALLED, timeout=TIMEOUT)
                    results["site_all_bytes"].append(sum(size for _, _, size, _ in transfers))
                    results["model_after_ready"].append(page.evaluate(
                        "['workbook:tone-model', 'workbook:engine-ready']"
                        ".map(name => performance.getEntriesByName(name)[0].startTime).reduce((a, b) => a - b)"))
                results[f"{key}_warm"].append(visit(page, base))
                if key == "site":
                    results["call"].extend(call_times(page, calls))
                context.close()
            for mode in ("lock", "unpack"):
                context = browser.new_context(service_workers="block")
                results[f"{mode}_cold"].append(bare_ready(context.new_page(), base, mode))
                context.close()
            first, warm = sw_times(browser, base)
            results["sw_first"].append(first)
            results["sw_warm"].append(warm)
            print(f"run {run + 1}/{runs}: site cold {results['site_cold'][-1]:.0f} ms, "
                  f"baseline cold {results['base_cold'][-1]:.0f} ms, "
                  f"service worker warm {warm:.0f} ms", file=sys.stderr)
        browser.close()
    return results


def table(results) -> str:
    med = {k: statistics.median(v) for k, v in results.items() if isinstance(v, list) and v}   # --phone-runs 0: none
    rows = [
        ("Worksheet page, navigation to engine ready, cold", med["site_cold"], med["base_cold"]),
        ("Worksheet page, navigation to engine ready, warm", med["site_warm"], med["base_warm"]),
        ("Baseline page (bare Pyodide, `import sys`), cold", med["base_cold"], med["base_cold"]),
        ("Baseline page (bare Pyodide, `import sys`), warm", med["base_warm"], med["base_warm"]),
        ("Worksheet page, warm, from the service worker's precache (return visit)", med["sw_warm"], med["base_warm"]),
        ("Worksheet page, cold, while the service worker precaches the site", med["sw_first"], med["base_cold"]),
        ("Bare page + wheel via pyodide-lock.json (`packages`), cold", med["lock_cold"], med["base_cold"]),
        ("Bare page + wheel fetched in parallel + unpackArchive, cold", med["unpack_cold"], med["base_cold"]),
    ]
    lines = ["| Measure (median) | ms | vs baseline |", "|---|---:|---:|"]
    lines += [f"| {name} | {value:.0f} | {value / base:.2f}× |" for name, value, base in rows]
    lines.append(f"| One engine call (reply), postMessage round trip | {med['call']:.1f} | |")
    lines.append(f"| Worksheet page, cold: engine ready to the tone model installed (the care model comes beside it) "
                 f"| {med['model_after_ready']:.0f} | |")
    if med.get("phone_site"):
        cpu = ("CPU: the browser in a quarter of one core" if results.get("phone_cpu") == "cgroup"
               else "4× CPU on the page, not the worker")
        lines += [
            f"| Phone (slow 4G; {cpu}), worksheet, navigation to engine ready, "
            f"cold | {med['phone_site']:.0f} | "
            f"{med['phone_site'] / med['phone_base']:.2f}× |",
            f"| Phone, worksheet, navigation to the first draft (asked for at once), cold | {med['phone_draft']:.0f} | "
            f"{med['phone_draft'] / med['phone_base']:.2f}× |",
            f"| Phone, baseline page (bare Pyodide), navigation to ready, cold | {med['phone_base']:.0f} | 1.00× |",
        ]
    lines += ["", "| Bytes before ready (as served, gzip where GitHub Pages would) | KB | vs baseline |",
              "|---|---:|---:|",
              f"| Worksheet page, cold | {med['site_bytes'] / 1000:.0f} | "
              f"{med['site_bytes'] / med['base_bytes']:.3f}× |",
              f"| Baseline page (bare Pyodide), cold | {med['base_bytes'] / 1000:.0f} | 1.00× |",
              f"| Worksheet page, cold, with the checks' models (fetched after ready) | "
              f"{med['site_all_bytes'] / 1000:.0f} | {med['site_all_bytes'] / med['base_bytes']:.3f}× |"]
    lines.append("")
    lines.append(f"Return visit with the service worker / cold: {med['sw_warm'] / med['site_cold']:.2f}× "
                 "(aim: at most 0.50×).")
    return "\n".join(lines)


def machine(chromium: str) -> str:
    os_name = "unknown OS"
    with open("/etc/os-release") as f:
        for line in f:
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip().strip('"')
    return (f"{os.cpu_count()} cores, {os_name}, {platform.machine()}, "
            f"Chromium {chromium}, Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--phone-runs", type=int, default=3, help="throttled cold visits (each takes about a minute)")
    parser.add_argument("--write", action="store_true", help="record the figures in benchmarks/README.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        transfers: list = []
        with serve(site, compress=True, transfers=transfers) as base:
            results = measure(base, args.runs, args.calls, args.phone_runs, transfers)
    text = table(results)
    when = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    about = (f"{when}; {machine(results['chromium'])}; {args.runs} runs, {args.calls} calls per run, "
             f"{args.phone_runs} phone runs")
    print(f"\n{about}\n\n{text}")
    if args.write:
        readme = ROOT / "benchmarks" / "README.md"
        start, end = "<!-- figures -->", "<!-- /figures -->"
        old = readme.read_text(encoding="utf-8")
        head, rest = old.split(start, 1)
        readme.write_text(f"{head}{start}\n{about}\n\n{text}\n{end}{rest.split(end, 1)[1]}", encoding="utf-8")
        print(f"\nwritten to {readme.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
