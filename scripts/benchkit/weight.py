"""What the site weighs: HTML per page, a first visit, the search index.

Sizes are of the files as built, and gzip sizes as the recommended nginx
configuration serves them (deploy/nginx: level 6, text types, 512 bytes and up).
"""
from __future__ import annotations

import gzip
import re
import statistics
from pathlib import Path
from urllib.parse import unquote, urlparse

from kb.handouts import CHROMIUM_ARGS

from . import staticserver

GZIP_LEVEL = 6
GZIP_MIN_LENGTH = 512
IDLE_PAUSE_MS = 1000  # after the network is idle, so that late fetches are counted
GZIP_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml"}
SEARCH_INDEX = "search/search_index.json"
# Search: the index and the worker that reads it (Material's, and the project's wrapper
# around it). Material would fetch them as soon as a page loads; the site holds them back
# until the reader shows they want to search (docs/assets/javascripts/kb-search-lazy.js).
SEARCH_FILES = re.compile(r"^(search/search_index\.json"
                          r"|assets/javascripts/(kb-search-worker\.js|workers/search\.[0-9a-f]+\.min\.js))$")


def gzip_size(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix not in GZIP_SUFFIXES or len(data) < GZIP_MIN_LENGTH:
        return len(data)
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def html_per_page(site: Path) -> dict:
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in html_pages(site)}
    largest = max(sizes, key=sizes.get)
    return {"pages": len(sizes), "median_bytes": int(statistics.median(sizes.values())),
            "largest_bytes": sizes[largest], "largest_page": largest}


def search_index(site: Path) -> dict:
    index = site / SEARCH_INDEX
    pages = len(html_pages(site))
    raw, packed = index.stat().st_size, gzip_size(index)
    return {"raw_bytes": raw, "gzip_bytes": packed, "pages": pages,
            "gzip_bytes_per_page": round(packed / pages)}


def first_visit(site: Path, chromium: str, page: str = "index.html") -> dict:
    """Load one page in a fresh Chromium profile over http, wait until it is idle, and sum
    what it fetched from the site before any interaction.

    `with_index` counts everything fetched; `without_index` leaves out the search files;
    `search_before_interaction` lists those fetched (none, since search loads lazily)."""
    from playwright.sync_api import sync_playwright  # the browser, only for this figure

    fetched: list[str] = []
    with staticserver.serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.on("requestfinished", lambda r: fetched.append(r.url))
        tab.goto(base + page, wait_until="networkidle")
        tab.wait_for_timeout(IDLE_PAUSE_MS)
        browser.close()
    files = sorted({site / unquote(urlparse(u).path).lstrip("/") for u in fetched if u.startswith(base)})
    files = [f for f in files if f.is_file()]
    search = [f for f in files if SEARCH_FILES.match(f.relative_to(site).as_posix())]
    return {"page": page, "files": [f.relative_to(site).as_posix() for f in files],
            "with_index": _totals(files), "without_index": _totals([f for f in files if f not in search]),
            "search_before_interaction": [f.relative_to(site).as_posix() for f in search]}


def _totals(files: list[Path]) -> dict:
    return {"raw_bytes": sum(f.stat().st_size for f in files), "gzip_bytes": sum(gzip_size(f) for f in files),
            "requests": len(files)}
