"""On paper: handout PDFs within their page limits and complete on their own; every
page printed as a clean A4 document (running footer, nothing interactive, light colours)."""
from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import yaml
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from kb import handouts as kb_handouts
from kb import model
from support import ROOT

pytestmark = pytest.mark.browser

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
SITE_NAME, SITE_URL = CONFIG["site_name"], CONFIG["site_url"]
MODEL = model.load(ROOT / "docs", ROOT)
MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
SCREEN_ONLY = ["Skip to content", "Print this handout", "Download PDF", "Back to top", "Switch to the dark palette",
               "Type to start searching", "Previous", "Table of contents", "Educational material only"]


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(path).pages).split())


def handouts(site: Path):
    found = kb_handouts.find(site)
    assert len(found) >= 1
    return found


def test_every_handout_has_a_pdf_within_its_page_limit(built_site):
    for h in handouts(built_site):
        assert h.pdf.is_file(), h.pdf
        pages = len(PdfReader(h.pdf).pages)
        assert 1 <= pages <= h.max_pages <= 2, (h.pdf.name, pages, h.max_pages)


def test_every_handout_pdf_stands_on_its_own(built_site):
    for h in handouts(built_site):
        html = LexborHTMLParser(h.page.read_text(encoding="utf-8"))
        title = html.css_first("article h1").text().rstrip("¶").strip()
        reviewed = html.css_first(".kb-review-dates time").text().strip()
        address = SITE_URL + h.page.relative_to(built_site).as_posix()
        text = pdf_text(h.pdf)
        assert title in text, h.pdf.name
        assert f"Reviewed {reviewed}" in text and f"Page last reviewed: {reviewed}" in text
        assert SITE_NAME in text
        assert address in text.replace(" ", ""), (h.pdf.name, address)
        for a in html.css("article a.kb-term"):  # each term used is defined on the paper
            slug = Path(a.attributes["href"].split("#")[0]).stem
            summary = " ".join(MODEL.glossary.terms[slug].summary.split())
            assert summary in " ".join(text.split()), (h.pdf.name, summary)
        for words in SCREEN_ONLY:
            assert words not in text, (h.pdf.name, words)


def test_handout_pdfs_carry_title_and_language(built_site):
    for h in handouts(built_site):
        reader = PdfReader(h.pdf)
        title = LexborHTMLParser(h.page.read_text()).css_first("title").text().strip()
        assert reader.metadata.title == title and title.endswith(f" - {SITE_NAME}")
        assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_handout_pages_offer_print_and_pdf(built_site, new_page, site_url):
    page = new_page()
    h = handouts(built_site)[0]
    page.goto(site_url + h.page.relative_to(built_site).as_posix())
    assert page.get_by_role("button", name="Print this handout").is_visible()
    link = page.get_by_role("link", name=re.compile(r"Download PDF"))
    assert link.get_attribute("href") == h.pdf.name
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Print this handout").click()
    assert page.evaluate("window.__printed") == 1


def test_a_long_page_prints_with_page_numbers_and_no_screen_controls(built_site, new_page, tmp_path):
    page = new_page()
    page.goto((built_site / "glossary/countertransference.html").as_uri())
    pdf = tmp_path / "long.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
    reader = PdfReader(pdf)
    total = len(reader.pages)
    assert total >= 2
    for number, p in enumerate(reader.pages, start=1):
        text = " ".join((p.extract_text() or "").split())
        assert f"Page {number} of {total}" in text
        assert SITE_NAME in text
    text = pdf_text(pdf)
    for words in [*SCREEN_ONLY, "¶"]:
        assert words not in text, words


def test_external_links_print_their_address(built_site, new_page):
    page = new_page()
    page.goto((built_site / "references.html").as_uri())
    page.emulate_media(media="print")
    link = page.locator("article a[href^='https://doi.org/']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after


def test_the_dark_palette_prints_light(built_site, new_page):
    page = new_page(color_scheme="dark")
    page.goto((built_site / "take-part/index.html").as_uri())
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.emulate_media(media="print")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    color = page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).color")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == "rgb(255, 255, 255)"
    r, g, b = map(int, re.findall(r"\d+", color)[:3])
    assert max(r, g, b) < 80, color


def test_collapsed_details_and_tabs_print_open(site_url, new_page):
    """Content an author can write (a collapsed note, tabs) that no page may use yet: the
    build trims Material's style sheet to the classes in use, so the injected blocks get
    Material's whole sheet here, and the site's print rules on top."""
    page = new_page()
    page.route("**/assets/stylesheets/main.*.min.css", lambda route: route.fulfill(
        path=next(MATERIAL_CSS.glob("main.*.min.css")), content_type="text/css"))
    page.goto(site_url + "take-part/index.html")
    page.evaluate("""() => {
        const article = document.querySelector('article');
        article.insertAdjacentHTML('beforeend',
          '<details class="note"><summary>Closed</summary><p id="hidden-text">Inside details</p></details>' +
          '<div class="tabbed-set tabbed-alternate"><input checked id="t1" name="t" type="radio">' +
          '<input id="t2" name="t" type="radio"><div class="tabbed-labels"><label for="t1">One</label>' +
          '<label for="t2">Two</label></div><div class="tabbed-content">' +
          '<div class="tabbed-block"><p class="kb-tab-title">One</p><p id="tab-one">First tab</p></div>' +
          '<div class="tabbed-block"><p class="kb-tab-title">Two</p><p id="tab-two">Second tab</p></div></div></div>');
    }""")
    assert not page.locator("#hidden-text").is_visible()
    assert not page.locator("#tab-two").is_visible()
    page.emulate_media(media="print")
    assert page.locator("#hidden-text").is_visible()
    assert page.locator("#tab-one").is_visible() and page.locator("#tab-two").is_visible()
    assert page.locator(".tabbed-labels").is_hidden()
    assert page.locator(".kb-tab-title").nth(1).is_visible()


def test_nothing_interactive_is_printed(built_site, new_page):
    page = new_page()
    page.goto((built_site / "handouts/index.html").as_uri())
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".md-top", ".headerlink"]:
        for element in page.locator(selector).all():
            assert element.is_hidden(), selector
