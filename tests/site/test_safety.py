"""What staff rely on is written once and reaches every page that needs it: the
confidentiality statement, the urgent numbers, and the steps when someone is at risk."""
from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import ROOT, hard_moment_pages

DOCS = ROOT / "docs"
STATEMENT_PAGES = ["take-part/index.html", "take-part/confidentiality.html", "faq/index.html",
                   "handouts/confidentiality.html", "facilitate/contracting.html", "glossary/confidentiality.html"]
RISK_PAGE = "facilitate/someone-at-risk.html"
URGENT = ["tel:999", "tel:111", "tel:116123"]


def parse(site: Path, page: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / page).read_text(encoding="utf-8"))


def words(node) -> str:
    return " ".join(node.text().split())


def test_the_statement_is_written_once_and_included_where_it_belongs(built_site):
    texts = {}
    for page in STATEMENT_PAGES:
        statements = parse(built_site, page).css("article .kb-statement")
        assert len(statements) == 1, f"{page} should include the confidentiality statement once"
        texts[page] = words(statements[0])
    assert len(set(texts.values())) == 1, "every page shows the statement in the same words"
    statement = next(iter(texts.values()))
    for part in ["an agreement the members make, not a guarantee", "safeguarding", "fit to practise",
                 "NMC", "GMC", "HCPC", "keeps the duties of a manager", "legally privileged",
                 "register of who came", "appraisal, supervision, sickness management or compliance figures"]:
        assert part in statement, f"the statement should say {part!r}"


def test_the_statement_has_one_source_and_no_page_copies_it(built_site):
    """Only docs/_snippets/ holds its sentences: a page that pasted them would drift."""
    source = (DOCS / "_snippets" / "confidentiality-statement.md").read_text(encoding="utf-8")
    sentence = "is an agreement the members make, not"
    assert sentence in source
    copies = [p for p in DOCS.rglob("*.md") if "_snippets" not in p.parts and sentence in p.read_text(encoding="utf-8")]
    assert copies == []


def test_the_urgent_numbers_can_be_tapped_to_call(built_site):
    for page in ["index.html", "about/getting-support.html", "take-part/when-it-stirs-things-up.html",
                 RISK_PAGE, "handouts/someone-at-risk.html", "handouts/getting-support.html"]:
        hrefs = {a.attributes.get("href") for a in parse(built_site, page).css("article .kb-urgent a")}
        assert set(URGENT) <= hrefs, f"{page} should carry {URGENT} as tel: links, has {sorted(hrefs)}"


def test_getting_support_is_one_tap_from_every_page(built_site):
    for page in ["index.html", "glossary/countertransference.html", "faq/index.html", "handouts/confidentiality.html"]:
        links = parse(built_site, page).css(".md-banner a.kb-support-link")
        assert links and links[0].attributes["href"].endswith("about/getting-support.html"), page


def sections(tree, level: str = "h2"):
    """(heading text, the nodes up to the next heading of the same level) in the article."""
    article = tree.css_first("article")
    current, out = None, []
    for node in article.iter(include_text=False):
        if node.tag == level:
            current = (words(node).rstrip("¶").strip(), [])
            out.append(current)
        elif current is not None:
            current[1].append(node)
    return out


def test_every_hard_moment_links_the_risk_page(built_site):
    moments = [m for page in hard_moment_pages() for m in sections(parse(built_site, page))]
    assert len(moments) >= 29
    for title, nodes in moments:
        hrefs = [a.attributes.get("href", "") for n in nodes for a in ([n] if n.tag == "a" else n.css("a"))]
        if title.lower().startswith(("where to go next", "on this page")):
            continue
        assert any(h.split("#")[0].endswith("someone-at-risk.html") for h in hrefs), \
            f"the hard moment {title!r} should link the risk page"


@pytest.mark.parametrize("page", ["facilitate/endings.html", "take-part/when-it-stirs-things-up.html",
                                  "handouts/difficult-moments.html"])
def test_pages_about_distress_link_help(built_site, page):
    hrefs = [a.attributes.get("href", "") for a in parse(built_site, page).css("article a")]
    assert any(h.split("#")[0].endswith(("someone-at-risk.html", "getting-support.html")) for h in hrefs), page


def test_the_risk_page_gives_the_steps_in_order_and_the_numbers_on_the_page(built_site):
    tree = parse(built_site, RISK_PAGE)
    text = words(tree.css_first("article")).lower()
    for words_ in ["suicid", "alone", "nurse in charge", "record", "before you say more", "freedom to speak up",
                   "union"]:
        assert words_ in text, f"the risk page should cover {words_!r}"
    handout = words(parse(built_site, "handouts/someone-at-risk.html").css_first("article")).lower()
    assert "suicid" in handout and "nurse in charge" in handout
