"""In a real Chromium: no request leaves the site, no console errors, search works
over file://, axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation, tooltips show.

Every page is visited once over http and once over file://, in one pass (the `visits`
fixture) that records what each check needs; the tests then assert one check each.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from browserkit import (
    AXE_JS,
    COLOUR_RULES,
    DESKTOP,
    PHONE,
    SCHEMES,
    Watch,
    describe,
    run_axe,
    search,
    set_palette,
    set_viewport,
)
from pages import html_pages

pytestmark = pytest.mark.browser

# Every page in both palettes, at desktop and at phone width. A palette changes only
# colours, and a viewport only layout, so the light desktop pass runs every rule, the
# dark ones the colour rules, and the light phone pass the rest: together every rule
# meets every page in every combination where its result could differ (the
# colour-contrast rule is most of axe's cost).
AXE_PASSES = {  # name: (palette, viewport, which rules)
    "light-desktop": ("light", DESKTOP, {}),
    "dark-desktop": ("dark", DESKTOP, {"only": COLOUR_RULES}),
    "dark-phone": ("dark", PHONE, {"only": COLOUR_RULES}),
    "light-phone": ("light", PHONE, {"skip": COLOUR_RULES}),
}


@dataclass
class Visit:
    """What one page did and what axe found on it."""

    outside: dict[str, list[str]] = field(default_factory=dict)  # over http, over file: requests leaving the site
    errors: dict[str, list[str]] = field(default_factory=dict)   # over http, over file: console errors
    palettes: dict[str, str] = field(default_factory=dict)       # axe pass: Material's palette on the page
    violations: dict[str, str] = field(default_factory=dict)     # axe pass: violations described, '' for none


@pytest.fixture(scope="module")
def visits(browser, site_url, built_site) -> dict[str, Visit]:
    """Every page, visited once over http (requests, console errors, the four axe passes,
    palettes switched in place) and once over file:// (requests, console errors)."""
    over_http = browser.new_context(viewport=DESKTOP, color_scheme="light")
    over_http.add_init_script(path=str(AXE_JS))
    over_file = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page, offline = over_http.new_page(), over_file.new_page()
    watches = {"http": Watch(page, site_url), "file": Watch(offline, built_site.as_uri() + "/")}
    found: dict[str, Visit] = {}
    for name in html_pages(built_site):
        for watch in watches.values():
            watch.requests.clear()
            watch.errors.clear()
        # file:// first: its scripts go on running while axe works on the http page.
        offline.goto(f"{built_site.as_uri()}/{name}", wait_until="load")
        page.goto(site_url + name, wait_until="load")
        visit = found[name] = Visit()
        for combination, (palette, viewport, rules) in AXE_PASSES.items():
            set_palette(page, palette)
            set_viewport(page, viewport)
            visit.palettes[combination] = page.locator("body").get_attribute("data-md-color-scheme")
            visit.violations[combination] = describe(run_axe(page, **rules))
        set_viewport(page, DESKTOP)
        for how, watch in watches.items():
            visit.outside[how], visit.errors[how] = list(watch.outside), list(watch.errors)
    over_http.close()
    over_file.close()
    return found


@pytest.mark.parametrize("how", ["http", "file"])
def test_every_page_stays_inside_the_site(visits, how):
    assert {name: v.outside[how] for name, v in visits.items() if v.outside[how]} == {}


@pytest.mark.parametrize("how", ["http", "file"])
def test_every_page_loads_without_console_errors(visits, how):
    assert {name: v.errors[how] for name, v in visits.items() if v.errors[how]} == {}


@pytest.mark.parametrize("combination", list(AXE_PASSES))
def test_axe_finds_no_wcag_violations(visits, combination):
    scheme = SCHEMES[AXE_PASSES[combination][0]]
    assert {name for name, v in visits.items() if v.palettes[combination] != scheme} == set()
    assert {name: v.violations[combination] for name, v in visits.items() if v.violations[combination]} == {}


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize("path", ["index.html", "glossary/containment.html"])
def test_the_palette_follows_the_browsers_preference(new_page, site_url, palette, path):
    page = new_page(color_scheme=palette)
    page.goto(site_url + path)
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[palette]


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
