"""Handout PDFs: each handout page of a built site printed to A4 by headless Chromium.

Chromium is the engine behind a user's own "Save as PDF", so the PDF matches what
the print stylesheet gives them. Handout pages carry their PDF name and page limit
in data attributes (overrides/partials/kb-handout-actions.html).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

MARKER = re.compile(r'data-kb-handout-pdf="([^"]+)"\s+data-kb-max-pages="(\d+)"')
# Headless Chromium's flags, for every run of it: the handouts, the benchmark's weight and
# Lighthouse runs, and the browser tests (which add file access, tests/browser/browserkit.py).
# No sandbox: CI runs as root. Nothing fetched in the background, which would be a request
# leaving the site.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass
class Handout:
    page: Path      # the handout's HTML file
    pdf: Path       # where its PDF goes
    max_pages: int
    pages: int = 0
    seconds: float = 0.0

    @property
    def over_limit(self) -> bool:
        return self.pages > self.max_pages


def find(site: Path) -> list[Handout]:
    found = []
    for page in sorted(site.rglob("*.html")):
        match = MARKER.search(page.read_text(encoding="utf-8", errors="replace"))
        if match:
            found.append(Handout(page, page.parent / match.group(1), int(match.group(2))))
    return found


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(pdf).pages)


def render(site: Path, chromium: str) -> list[Handout]:
    """Render every handout of `site` to its PDF; returns them with page counts and times."""
    from playwright.sync_api import sync_playwright

    handouts = find(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(color_scheme="light")
        page = context.new_page()
        for handout in handouts:
            page.goto(handout.page.resolve().as_uri(), wait_until="load")
            start = time.perf_counter()
            page.pdf(path=str(handout.pdf), format="A4", print_background=True, prefer_css_page_size=True,
                     tagged=True, outline=True)
            handout.seconds = time.perf_counter() - start
            handout.pages = page_count(handout.pdf)
        browser.close()
    return handouts
