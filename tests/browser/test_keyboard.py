"""Keyboard use: the skip link, visible focus on every control, the search dialog."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {tag: e.tagName, text: (e.innerText || e.getAttribute('aria-label') || e.title || '').trim().slice(0, 40),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
          shadow: s.boxShadow !== 'none', underline: s.textDecorationLine.includes('underline'),
          width: r.width, height: r.height};
}"""


def test_the_skip_link_moves_focus_to_the_content(new_page, site_url):
    page = new_page()
    page.goto(site_url + "take-part/index.html")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent.trim()")
    assert skip == "Skip to content"
    assert page.locator(".md-skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#taking-part-in-a-group"
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link, Tab moves within the content"


@pytest.mark.parametrize("path", ["index.html", "glossary/containment.html", "handouts/confidentiality.html"])
def test_every_control_is_reachable_and_visibly_focused(new_page, site_url, path):
    page = new_page()
    page.goto(site_url + path)
    seen, invisible = [], []
    for _ in range(120):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        if state is None:
            break
        key = (state["tag"], state["text"])
        if seen and key == seen[0]:
            break  # wrapped round
        seen.append(key)
        if state["width"] > 0 and not (state["outline"] or state["shadow"]):
            invisible.append(key)
    assert len(seen) >= 10
    assert invisible == []
    texts = [t for _, t in seen]
    assert "Skip to content" in texts
    assert any(tag == "INPUT" for tag, _ in seen), "the search box is reachable"


def test_the_search_dialog_opens_is_usable_and_closes_by_keyboard(new_page, site_url):
    page = new_page()
    page.goto(site_url + "index.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == "Search"
    page.keyboard.type("containment")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.md-search-result')")
    page.keyboard.press("Escape")
    page.wait_for_timeout(200)
    assert not page.evaluate("document.querySelector('#__search').checked")
    page.goto(site_url + "about/index.html")
    page.keyboard.press("/")
    page.keyboard.type("containment")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.tagName") == "A"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "glossary/containment.html" in page.url
