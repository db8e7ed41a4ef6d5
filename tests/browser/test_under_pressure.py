"""A site for people under pressure: definitions on touch, help one tap away, the FAQ's
questions at the top, a term's own entry first in search, a way out when nothing matches."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browserkit import run_axe
from kb import frontmatter
from support import ROOT, hard_moment_pages
from test_search_quality import top_three

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    """A phone: small viewport, touch, no hover."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_a_tap_on_a_glossary_link_shows_its_definition_without_leaving(phone, site_url):
    phone.goto(site_url + "take-part/index.html")
    link = phone.locator("article a.kb-term").first
    summary, href = link.get_attribute("title"), link.get_attribute("href")
    link.tap()
    box = phone.locator(".kb-definition")
    box.wait_for(state="visible")
    assert urlsplit(phone.url).path.endswith("take-part/index.html"), "the first tap must not navigate"
    assert " ".join(summary.split()) in " ".join(box.inner_text().split())
    assert box.locator("a").get_attribute("href") == link.evaluate("a => a.href")
    assert link.get_attribute("aria-expanded") == "true"
    assert float(box.evaluate("b => parseFloat(getComputedStyle(b).fontSize)")) >= 14
    link.tap()  # the second tap follows the link
    phone.wait_for_url("**/" + href.split("/")[-1])


def test_a_later_link_to_the_same_term_shows_the_same_definition(phone, site_url):
    """Only the first link to a term carries its summary; later ones borrow it."""
    phone.goto(site_url + "understand/countertransference-as-information.html")
    links = phone.locator("article a.kb-term")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    repeat = next(i for i, h in enumerate(hrefs) if h in hrefs[:i])
    first = hrefs.index(hrefs[repeat])
    summary = links.nth(first).get_attribute("title")
    assert links.nth(repeat).get_attribute("title") is None
    links.nth(repeat).tap()
    assert " ".join(summary.split()) in " ".join(phone.locator(".kb-definition").inner_text().split())


def test_the_close_button_and_a_tap_elsewhere_close_the_definition(phone, site_url):
    phone.goto(site_url + "take-part/index.html")
    phone.locator("article a.kb-term").first.tap()
    phone.locator(".kb-definition__close").tap()
    assert phone.locator(".kb-definition").count() == 0
    phone.locator("article a.kb-term").first.tap()
    phone.locator("article h1").tap()
    assert phone.locator(".kb-definition").count() == 0


def test_a_mouse_click_still_follows_a_glossary_link(new_page, site_url):
    page = new_page()
    page.goto(site_url + "take-part/index.html")
    href = page.locator("article a.kb-term").first.get_attribute("href")
    page.locator("article a.kb-term").first.click()
    page.wait_for_url("**/" + href.split("/")[-1])


@pytest.mark.parametrize("start", ["index.html", "glossary/countertransference.html"])
def test_getting_support_is_one_tap_away_on_a_phone(phone, site_url, start):
    phone.goto(site_url + start)
    link = phone.locator("a.kb-support-link")
    assert link.is_visible()
    link.tap()
    phone.wait_for_url("**/about/getting-support.html")
    for number in ["tel:999", "tel:111", "tel:116123"]:
        assert phone.locator(f"article a[href='{number}']").first.is_visible()


def test_glossary_links_look_different_from_other_links(new_page, site_url):
    page = new_page()
    page.goto(site_url + "take-part/index.html")
    style = page.locator("article a.kb-term").first.evaluate(
        "a => getComputedStyle(a).textDecorationStyle + ' ' + getComputedStyle(a).textDecorationLine")
    assert style == "dotted underline"


def test_the_faq_lists_every_question_at_the_top_and_each_link_lands_on_its_answer(new_page, site_url):
    page = new_page(viewport=PHONE)
    page.goto(site_url + "faq/index.html")
    questions = page.locator("article h3").evaluate_all("hs => hs.map(h => h.id)")
    listed = page.locator("article .kb-contents a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(questions) >= 50
    assert set(questions) <= {h.lstrip("#") for h in listed}
    nav_top = page.locator("article .kb-contents").bounding_box()["y"]
    first_answer = page.locator("article h3").first.bounding_box()["y"]
    assert nav_top < first_answer, "the list comes before the answers"


@pytest.mark.parametrize("moments_page", hard_moment_pages())
def test_each_hard_moments_page_has_an_in_page_list(new_page, site_url, moments_page):
    page = new_page()
    page.goto(site_url + moments_page)
    sections = page.locator("article h2").evaluate_all(
        "hs => hs.filter(h => !h.closest('.kb-terms-used')).map(h => h.id)")
    listed = page.locator("article .kb-contents a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(sections) >= 3
    assert [h.lstrip("#") for h in listed] == sections


def test_an_old_link_to_a_hard_moment_lands_on_its_name_in_the_hub(new_page, site_url):
    """Bookmarks made when the moments were on one page (hard-moments.html#silence)."""
    page = new_page(viewport=PHONE)
    page.goto(site_url + "facilitate/hard-moments.html#a-member-who-seems-drunk-or-unfit")
    target = page.locator("#a-member-who-seems-drunk-or-unfit")
    assert "drunk" in target.inner_text()
    box = target.bounding_box()
    assert 0 <= box["y"] < PHONE["height"], "the browser scrolled to the moment's name"
    target.click()
    page.wait_for_url("**/facilitate/hard-moments-distress.html#a-member-who-seems-drunk-or-unfit")
    assert page.locator("h2#a-member-who-seems-drunk-or-unfit").is_visible()


def test_a_search_with_no_results_offers_a_way_out(new_page, site_url):
    page = new_page()
    page.goto(site_url + "index.html")
    page.locator(".md-search__input").click()
    page.keyboard.type("zqxjv")
    way_out = page.locator(".kb-search-none")
    way_out.wait_for(state="visible")
    hrefs = way_out.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert [h.split("/")[-2:] for h in hrefs] == [["about", "getting-support.html"], ["glossary", "index.html"],
                                                 ["faq", "index.html"]]
    page.keyboard.press("Control+A")
    page.keyboard.type("burnout")
    way_out.wait_for(state="hidden")


def sample_of_entries(n: int = 30) -> list[str]:
    entries = sorted(p.stem for p in (ROOT / "docs" / "glossary").glob("*.md") if p.name != "index.md")
    step = max(1, len(entries) // n)
    return entries[::step][:n]


def test_searching_a_terms_name_finds_its_entry_first(new_page, site_url):
    page = new_page()
    misses = {}
    for slug in sample_of_entries():
        doc = frontmatter.read(ROOT / "docs" / "glossary" / f"{slug}.md", slug)
        name = re.sub(r"\s*\(.*?\)", "", str(doc.meta["term"]))
        found = top_three(page, site_url, name)
        if not found or found[0] != f"glossary/{slug}.html":
            misses[name] = found
    assert misses == {}


def test_same_titled_results_say_which_kind_each_is(new_page, site_url):
    """The guide and the glossary entry share a title; the results tell them apart."""
    page = new_page()
    page.goto(site_url + "index.html")
    page.locator(".md-search__input").click()
    page.keyboard.type("confidentiality")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(1000)
    titles = page.locator(".md-search-result__item > a h1").all_inner_texts()
    assert "Confidentiality and its limits (glossary)" in titles
    assert "Confidentiality and its limits (guide)" in titles
    assert len(titles) == len(set(titles)), titles


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_definition_on_touch_is_accessible_in_both_palettes(browser, site_url, scheme):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "take-part/index.html")
    page.locator("article a.kb-term").first.tap()
    page.locator(".kb-definition").wait_for()
    violations = run_axe(page)
    context.close()
    assert violations == [], [v["id"] for v in violations]
