"""Crawl the served site from its home page, as a visitor's browser would: follow every link
inside the site, load every page, and record every request.

Proves that no request goes anywhere but the local server (no CDN, font, analytics or
favicon service), that every page of the sitemap is reachable by links, and that no link
inside the site is broken: every target answers below 400 and every #fragment exists on
its target page. Links to other sites (the resources page) are listed, never followed.
"""
from __future__ import annotations

import urllib.request
from urllib.parse import urldefrag
from xml.etree import ElementTree

LINKS = """() => [...document.querySelectorAll("a[href]")].map(a => a.href)"""
IDS = """() => [...document.querySelectorAll("[id], a[name]")].map(e => e.id || e.getAttribute("name"))"""


def sitemap(site_url: str) -> set[str]:
    with urllib.request.urlopen(site_url + "sitemap.xml") as response:
        tree = ElementTree.fromstring(response.read())
    return {loc.text.strip() for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}


def test_crawl_every_page_stays_local_and_no_link_is_broken(open_context, site_url):
    context, recorder = open_context()
    bad_responses: list[str] = []
    context.on("response", lambda r: bad_responses.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page = context.new_page()

    queue, seen = [site_url], {site_url}
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []  # (from page, target page, fragment)
    external: set[str] = set()
    broken: list[str] = []
    while queue:
        url = queue.pop(0)
        response = page.goto(url)
        if response is None or response.status >= 400:
            broken.append(f"{url}: HTTP {response.status if response else 'no response'}")
            continue
        if "html" not in (response.headers.get("content-type") or ""):
            continue  # a file the site links to (a download): it answered, that is enough
        ids[url] = set(page.evaluate(IDS))
        for href in page.evaluate(LINKS):
            target, fragment = urldefrag(href)
            if not target.startswith(site_url):
                if target.startswith(("http:", "https:")):
                    external.add(target)
                continue
            if fragment:
                fragments.append((url, target, fragment))
            if target not in seen:
                seen.add(target)
                queue.append(target)

    for source, target, fragment in fragments:
        if target in ids and fragment not in ids[target]:
            broken.append(f"{source} links to {target}#{fragment}: no such id there")

    assert not broken, "broken links inside the site:\n" + "\n".join(broken)
    assert not bad_responses, "requests answered with an error:\n" + "\n".join(bad_responses)
    missing = sitemap(site_url) - set(ids)
    assert not missing, f"pages no link leads to: {sorted(missing)}"
    assert len(ids) >= 20
    assert recorder.foreign() == [], "requests left the local origin"
    assert all(not u.startswith(site_url) for u in external)
