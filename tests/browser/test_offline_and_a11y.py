"""In a real Chromium: no request leaves the site, no console errors, search works
over file://, axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation, tooltips show."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browserkit import AXE_JS, COLOUR_RULES, Watch, describe, run_axe
from pages import html_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def visit_all(new_page, base: str, pages: list[str]) -> dict[str, list[str]]:
    page = new_page()
    watch = Watch(page, base)
    problems = {}
    for name in pages:
        watch.requests.clear()
        watch.errors.clear()
        page.goto(base + name, wait_until="load")
        page.wait_for_timeout(150)  # let Material's scripts and the search worker start
        found = [f"request outside the site: {u}" for u in watch.outside] + \
                [f"console error: {e}" for e in watch.errors]
        if found:
            problems[name] = found
    return problems


def test_every_page_over_http_stays_inside_the_site_without_errors(new_page, site_url, built_site):
    assert visit_all(new_page, site_url, html_pages(built_site)) == {}


def test_every_page_over_file_stays_inside_the_site_without_errors(new_page, built_site):
    assert visit_all(new_page, built_site.as_uri() + "/", html_pages(built_site)) == {}


def search(page, query: str) -> list[str]:
    page.locator(".md-search__input").click()
    page.keyboard.type(query)  # Material ignores fill()
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    page.wait_for_timeout(500)  # results for a shorter prefix of the query may still be showing
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
    return [urlsplit(h).path for h in hrefs]  # results carry ?h=<query> for highlighting


def test_search_works_over_file(new_page, built_site):
    page = new_page()
    watch = Watch(page, built_site.as_uri() + "/")
    page.goto(built_site.as_uri() + "/index.html")
    results = search(page, "containment")
    assert any(href.endswith("glossary/containment.html") for href in results)
    page.goto(built_site.as_uri() + "/about/index.html")
    results = search(page, "what if I get upset")  # a question: the project's search worker drops stop words
    assert results[0].endswith("faq/index.html")
    assert watch.outside == [] and watch.errors == []


@pytest.mark.parametrize("query", ["countertransference", "counter-transference", "counter transference"])
def test_hyphenated_words_are_found_whole_and_split(new_page, site_url, query):
    page = new_page()
    page.goto(site_url)
    results = search(page, query)
    assert any(r.endswith("glossary/countertransference.html") for r in results[:3]), results[:3]


# Every page, in both palettes, at desktop and at phone width. A palette changes only
# colours, and a viewport only layout, so the light desktop pass runs every rule, the
# dark passes run the colour rules, and the light phone pass the rest: together every
# rule meets every page in every combination where its result could differ, in a third
# of the time of four full passes (the colour-contrast rule is most of axe's cost).
AXE_PASSES = {
    "light-desktop": ("light", None, {}),
    "dark-desktop": ("dark", None, {"only": COLOUR_RULES}),
    "light-phone": ("light", PHONE, {"skip": COLOUR_RULES}),
    "dark-phone": ("dark", PHONE, {"only": COLOUR_RULES}),
}


@pytest.mark.parametrize("combination", list(AXE_PASSES))
def test_axe_finds_no_wcag_violations(new_page, site_url, built_site, combination):
    scheme, viewport, rules = AXE_PASSES[combination]
    page = new_page(color_scheme=scheme, viewport=viewport)
    page.context.add_init_script(path=str(AXE_JS))
    failures = {}
    for name in html_pages(built_site):
        page.goto(site_url + name, wait_until="load")
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        violations = run_axe(page, **rules)
        if violations:
            failures[name] = describe(violations)
    assert failures == {}


def test_glossary_tooltip_appears_on_hover_and_on_keyboard_focus(new_page, site_url):
    page = new_page()
    page.goto(site_url + "take-part/index.html")
    link = page.locator("article a.kb-term").first
    summary = link.get_attribute("title")
    tooltip = page.locator(".md-tooltip2--active")

    link.hover()
    tooltip.wait_for(state="visible")
    assert " ".join(tooltip.inner_text().split()) == " ".join(summary.split())

    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden")
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    tooltip.wait_for(state="visible")
    assert " ".join(tooltip.inner_text().split()) == " ".join(summary.split())
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert described and page.locator(f"#{described}").inner_text().strip().startswith(summary[:20])
