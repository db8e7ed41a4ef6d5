"""The build drops the rules of Material's style sheets that no page can use (kb/minify.py).
Every element, and its ::before and ::after, must have the same computed style with the
trimmed sheets as with Material's own, on every kind of page and in the states scripts
add (search results, a definition open, the phone menu, the dark palette, print)."""
from __future__ import annotations

from pathlib import Path

import material
import pytest

from browserkit import DESKTOP, PHONE, search, set_palette

pytestmark = pytest.mark.browser

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

# Each element's computed style, and its pseudo-elements', as one number per element.
DIGESTS = """() => {
  function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
  }
  function describe(style) {  // sorted: the order of custom properties follows the sheets
    const pairs = [];
    for (let i = 0; i < style.length; i++) pairs.push(style[i] + ":" + style.getPropertyValue(style[i]));
    return pairs.sort().join(";");
  }
  function name(el) {
    const cls = typeof el.className === "string" ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
    return el.tagName.toLowerCase() + cls.map(c => "." + c).join("");
  }
  // One element of each kind (its tag and classes, and its parent's): the rules that
  // apply depend on these, and a page repeats kinds many times over.
  const seen = new Set(), out = [];
  for (const el of document.querySelectorAll("*")) {
    const kind = (el.parentElement ? name(el.parentElement) + " > " : "") + name(el);
    if (seen.has(kind)) continue;
    seen.add(kind);
    const styles = [null, "::before", "::after"].map(p => describe(getComputedStyle(el, p))).join("|");
    out.push(kind + " " + hash(styles));
  }
  return out;
}"""

PAGES = ["index.html", "glossary/projection.html", "glossary/index.html", "facilitate/hard-moments-conflict.html",
         "faq/index.html", "handouts/confidentiality.html", "learn/step-2-the-ideas.html", "references.html",
         "understand/the-group.html", "about/getting-support.html", "facilitate/print.html"]


def material_sheets(route):
    """Serve Material's own main and palette style sheets in place of the built ones."""
    name = Path(route.request.url.split("?")[0]).name
    route.fulfill(path=MATERIAL_CSS / name, content_type="text/css")


def digests(browser, url: str, viewport: dict, original: bool, prepare=None, scheme: str = "light",
            media: str = "screen") -> list[str]:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    try:
        page = context.new_page()
        if original:
            page.route("**/assets/stylesheets/main.*.min.css", material_sheets)
            page.route("**/assets/stylesheets/palette.*.min.css", material_sheets)
        page.emulate_media(media=media)
        page.goto(url, wait_until="load")
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; "
                                   "animation: none !important; }")
        if prepare:
            prepare(page)
        return page.evaluate(DIGESTS)
    finally:
        context.close()


def assert_same(browser, url, viewport, **kwargs):
    trimmed = digests(browser, url, viewport, original=False, **kwargs)
    whole = digests(browser, url, viewport, original=True, **kwargs)
    assert len(trimmed) == len(whole)
    changed = [(a, b) for a, b in zip(trimmed, whole) if a != b]
    assert changed == [], f"{len(changed)} elements styled differently, first: {changed[:3]}"


def test_the_trimmed_style_sheets_are_smaller(built_site):
    for pattern in ("main.*.min.css", "palette.*.min.css"):
        built = next((built_site / "assets/stylesheets").glob(pattern))
        assert built.stat().st_size < 0.8 * (MATERIAL_CSS / built.name).stat().st_size


@pytest.mark.parametrize("path", PAGES)
def test_pages_look_the_same_with_materials_whole_style_sheets(browser, site_url, path):
    assert_same(browser, site_url + path, DESKTOP)


@pytest.mark.parametrize("path", ["index.html", "glossary/projection.html", "handouts/confidentiality.html"])
def test_the_dark_palette_and_print_look_the_same(browser, site_url, path):
    assert_same(browser, site_url + path, DESKTOP, scheme="dark",
                prepare=lambda page: set_palette(page, "dark"))
    assert_same(browser, site_url + path, DESKTOP, media="print")


def test_search_results_a_definition_and_the_phone_menu_look_the_same(browser, site_url):
    def with_results(page):
        search(page, "containment")

    def with_definition(page):
        page.locator("article a.kb-term").first.hover()
        page.locator(".md-tooltip2--active").wait_for(state="visible")

    def with_menu(page):
        page.locator(".md-header label[for=__drawer]").click()

    assert_same(browser, site_url + "index.html", DESKTOP, prepare=with_results)
    assert_same(browser, site_url + "take-part/index.html", DESKTOP, prepare=with_definition)
    assert_same(browser, site_url + "facilitate/hard-moments-conflict.html", PHONE, prepare=with_menu)
