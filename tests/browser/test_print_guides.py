"""Each guide prints whole: one print page per guide (kb/guides.py) and a PDF of it
(kb/guidepdf.py) with a cover, contents and page numbers, bookmarks and a tag tree."""
from __future__ import annotations

import posixpath
import re

import pytest
import yaml
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from browserkit import run_axe
from kb import guides
from support import ROOT

pytestmark = pytest.mark.browser

NAV = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
GUIDES = guides.from_nav(NAV)
IDS = [g.folder for g in GUIDES]


def test_every_guide_section_has_a_print_page():
    assert [g.title for g in GUIDES] == list(guides.SECTIONS)


@pytest.mark.parametrize("guide", GUIDES, ids=IDS)
def test_the_print_page_holds_every_page_in_nav_order_and_its_landing_page_links_it(built_site, guide):
    tree = LexborHTMLParser((built_site / guide.folder / "print.html").read_text(encoding="utf-8"))
    parts = [node.attributes["id"] for node in tree.css("article section.kb-print-part")]
    assert parts == [posixpath.basename(p)[:-3] for p in guide.pages]
    landing = LexborHTMLParser((built_site / guide.folder / "index.html").read_text(encoding="utf-8"))
    hrefs = [a.attributes.get("href") for a in landing.css(".kb-print-guide a")]
    assert hrefs == ["print.html", guide.pdf_name]
    assert tree.css_first('meta[name="description"]') is not None


@pytest.mark.parametrize("guide", GUIDES, ids=IDS)
def test_links_within_the_guide_stay_within_the_page(built_site, guide):
    html = (built_site / guide.folder / "print.html").read_text(encoding="utf-8")
    article = LexborHTMLParser(html).css_first("article")
    siblings = {posixpath.basename(p)[:-3] + ".html" for p in guide.pages}
    ids = {n.attributes["id"] for n in article.css("[id]")}
    for a in article.css("a[href]"):
        href = a.attributes["href"]
        assert href.split("#")[0] not in siblings, f"{href} should point within the page"
        if href.startswith("#"):
            assert href[1:] in ids, f"{href} is not an id on the page"


@pytest.mark.parametrize("guide", GUIDES, ids=IDS)
def test_the_print_page_passes_axe(new_page, site_url, guide):
    page = new_page()
    page.goto(site_url + f"{guide.folder}/print.html")
    assert run_axe(page) == []


def pdf_of(built_site, guide) -> PdfReader:
    return PdfReader(built_site / guide.folder / guide.pdf_name)


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    out = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((" ".join(item.title.split()), reader.get_destination_page_number(item) + 1))
    walk(reader.outline)
    return out


@pytest.mark.parametrize("guide", GUIDES, ids=IDS)
def test_the_pdf_has_page_n_of_n_a_tag_tree_and_a_bookmark_for_every_page(built_site, guide):
    reader = pdf_of(built_site, guide)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text(), f"page {number} lacks its page number"
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    titles = {title for title, _ in outline(reader)}
    tree = LexborHTMLParser((built_site / guide.folder / "print.html").read_text(encoding="utf-8"))
    for part in tree.css("section.kb-print-part"):
        heading = part.css_first("h2")
        assert " ".join(heading.text().split()) in titles


@pytest.mark.parametrize("guide", GUIDES, ids=IDS)
def test_the_contents_page_numbers_are_where_each_heading_lands(built_site, guide):
    reader = pdf_of(built_site, guide)
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    lines = [line for page in reader.pages[1:5] for line in page.extract_text().splitlines()]
    entries = [re.match(r"(.+?) …page (\d+)$", line.strip()) for line in lines]
    entries = [(m.group(1), int(m.group(2))) for m in entries if m]
    assert len(entries) >= len(guide.pages)
    for title, number in entries:
        assert " ".join(title.split()) in texts[number - 1], f"{title!r} is not on page {number}"


@pytest.mark.parametrize("guide", GUIDES, ids=IDS)
def test_no_link_in_the_pdf_leaves_it_for_a_page_of_the_same_guide(built_site, guide):
    reader = pdf_of(built_site, guide)
    siblings = {f"{guide.folder}/{posixpath.basename(p)[:-3]}.html" for p in guide.pages}
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            uri = str(action.get("/URI", ""))
            assert not any(uri.split("#")[0].endswith(s) for s in siblings), uri
