"""Each guide's print page (kb.guides) printed to one A4 PDF by headless Chromium.

A contents list needs the page each section lands on, and Chromium has no CSS
`target-counter()`. So each guide is printed twice: the first PDF's bookmarks (Chromium
makes one per heading, `outline`) say where each heading landed; those page numbers
are written into the contents list, whose length does not change, and the guide is
printed again. The PDF is tagged (`tagged`), so that a screen reader can follow it.
"""
from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .guides import PDF_MARKER

MARKER = re.compile(PDF_MARKER + r'="([^"]+)"')
PDF_OPTIONS = {"format": "A4", "print_background": True, "prefer_css_page_size": True, "tagged": True,
               "outline": True}


@dataclass
class GuidePdf:
    page: Path      # the guide's print page
    pdf: Path       # where its PDF goes
    pages: int = 0
    seconds: float = 0.0


def find(site: Path) -> list[GuidePdf]:
    found = []
    for page in sorted(site.rglob("print.html")):
        match = MARKER.search(page.read_text(encoding="utf-8", errors="replace"))
        if match:
            found.append(GuidePdf(page, page.parent / match.group(1)))
    return found


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00b6", "").split()).casefold()


def bookmarks(pdf: bytes) -> list[tuple[str, int]]:
    """(title, 1-based page) for every bookmark, in document order."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    out: list[tuple[str, int]] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return out


def page_numbers(targets: list[tuple[str, str]], marks: list[tuple[str, int]]) -> dict[str, int]:
    """Each contents entry's page: its heading's bookmark, matched in document order."""
    numbers, at = {}, 0
    for ident, text in targets:
        for j in range(at, len(marks)):
            if _normal(marks[j][0]) == _normal(text):
                numbers[ident], at = marks[j][1], j + 1
                break
    return numbers


TARGETS_JS = """() => [...document.querySelectorAll('.kb-print-page[data-target]')].map(span => {
  const heading = document.getElementById(span.dataset.target);
  return [span.dataset.target, heading ? heading.textContent : ''];
})"""
FILL_JS = """numbers => { for (const span of document.querySelectorAll('.kb-print-page[data-target]')) {
  const n = numbers[span.dataset.target]; span.textContent = n ? String(n) : ''; } }"""


def render(site: Path, chromium: str, launch_args: list[str]) -> list[GuidePdf]:
    """Print every guide of `site` to its PDF; returns them with page counts and times."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    guides = find(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=launch_args)
        page = browser.new_context(color_scheme="light").new_page()
        for guide in guides:
            page.goto(guide.page.resolve().as_uri(), wait_until="load")
            start = time.perf_counter()
            first = page.pdf(**PDF_OPTIONS)
            numbers = page_numbers(page.evaluate(TARGETS_JS), bookmarks(first))
            page.evaluate(FILL_JS, numbers)
            page.pdf(path=str(guide.pdf), **PDF_OPTIONS)
            guide.seconds = time.perf_counter() - start
            guide.pages = len(PdfReader(guide.pdf).pages)
        browser.close()
    return guides
