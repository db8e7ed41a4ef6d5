"""Search loads when it is wanted: no index and no worker before the reader shows an
intent to search, then Material's search answers as before (docs/assets/javascripts/kb-search-lazy.js)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SEARCH_REQUESTS = ("search_index.json", "kb-search-worker.js", "workers/search.")


def search_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if any(part in u for part in SEARCH_REQUESTS)]


@pytest.mark.parametrize("page_path", ["index.html", "glossary/countertransference.html",
                                       "facilitate/hard-moments-conflict.html"])
def test_nothing_for_search_is_fetched_before_intent(new_page, site_url, page_path):
    page = new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(site_url + page_path, wait_until="load")
    page.wait_for_timeout(1500)
    page.mouse.wheel(0, 600)  # reading, scrolling and clicking elsewhere are not intent
    page.locator("article p").first.click()
    page.wait_for_timeout(500)
    assert search_requests(urls) == []


@pytest.mark.parametrize("intent", ["focus", "slash", "s-key", "icon"])
def test_each_sign_of_intent_starts_search_and_the_first_query_is_answered(new_page, site_url, intent):
    page = new_page(viewport={"width": 390, "height": 844} if intent == "icon" else None)
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(site_url + "index.html", wait_until="load")
    page.wait_for_timeout(300)
    if intent == "focus":
        page.locator(".md-search__input").click()
    elif intent == "slash":
        page.keyboard.press("/")
    elif intent == "s-key":
        page.keyboard.press("s")
    else:
        page.locator("label.md-header__button[for=__search]").click()
    page.keyboard.type("burnout")
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    found = page.locator(".md-search-result__item > a").first.get_attribute("href")
    assert "glossary/burnout.html" in found
    assert any("search_index.json" in u for u in urls) and any("kb-search-worker.js" in u for u in urls)
