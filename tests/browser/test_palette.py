"""The light/dark switch (docs/assets/javascripts/kb-palette.js): it switches, remembers,
follows the system when nothing is stored, and costs a page nothing on load."""
from __future__ import annotations

import pytest

from browserkit import SCHEMES

pytestmark = pytest.mark.browser

# Every change to <body>'s attributes and every <meta> added once the page is parsed
# (readyState "interactive" comes before the deferred scripts run).
RECORD = """
window.kbChanges = [];
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  new MutationObserver(records => {
    for (const r of records) {
      if (r.type === "attributes" && r.target === document.body)
        kbChanges.push(r.attributeName + "=" + document.body.getAttribute(r.attributeName));
      for (const node of r.addedNodes || [])
        if (node.nodeName === "META" && node.name) kbChanges.push("meta " + node.name);
    }
  }).observe(document, {subtree: true, childList: true, attributes: true});
});
"""


def visible_switch(page):
    return page.locator("form[data-kb-palette] label:not([hidden])")


def switch_says(page) -> str:
    """What the visible switch offers. Material's tooltips take a label's title away; the
    option before it carries the same words as its aria-label."""
    return visible_switch(page).evaluate("label => label.previousElementSibling.getAttribute('aria-label')")


def scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_the_switch_turns_the_page_dark_and_back_and_is_remembered(new_page, site_url):
    page = new_page()
    page.goto(site_url + "glossary/containment.html")
    assert visible_switch(page).count() == 1
    assert switch_says(page) == "Switch to the dark palette"

    visible_switch(page).click()
    assert scheme(page) == SCHEMES["dark"]
    assert switch_says(page) == "Switch to the light palette"
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    assert page.locator("meta[name=color-scheme]").get_attribute("content") == "dark"
    dark_header = page.locator("meta[name=theme-color]").get_attribute("content")

    page.goto(site_url + "index.html")  # another page: the choice is kept
    assert scheme(page) == SCHEMES["dark"]
    visible_switch(page).click()
    assert scheme(page) == SCHEMES["light"]
    page.wait_for_function("() => document.querySelector('meta[name=theme-color]').content !== ''")
    light_header = page.locator("meta[name=theme-color]").get_attribute("content")
    assert light_header.startswith("#") and len(light_header) == 7 and light_header != dark_header


def test_enter_on_the_switch_changes_the_palette(new_page, site_url):
    page = new_page()
    page.goto(site_url + "index.html")
    page.locator("form[data-kb-palette] input").first.focus()
    page.keyboard.press("Enter")
    assert scheme(page) == SCHEMES["dark"]
    page.keyboard.press("Enter")
    assert scheme(page) == SCHEMES["light"]


def test_loading_a_page_in_the_light_palette_leaves_body_alone(new_page, site_url):
    """Material's own component marked <body> as switching and wrote a color-scheme <meta> on
    every load: each restyled the whole page (about 270 ms on a throttled phone)."""
    page = new_page(color_scheme="light")
    page.add_init_script(RECORD)
    page.goto(site_url + "facilitate/hard-moments-conflict.html", wait_until="load")
    page.wait_for_function("() => document.querySelector('meta[name=theme-color]').content !== ''")
    # data-md-color-media is Material's record of the option; no style rule reads it.
    changes = [c for c in page.evaluate("kbChanges") if not c.startswith("data-md-color-media=")]
    assert changes == ["meta theme-color"]
    assert visible_switch(page).count() == 1


def test_a_browser_preferring_dark_gets_dark_without_a_stored_choice(new_page, site_url):
    page = new_page(color_scheme="dark")
    page.goto(site_url + "index.html")
    assert scheme(page) == SCHEMES["dark"]
    assert switch_says(page) == "Switch to the light palette"
