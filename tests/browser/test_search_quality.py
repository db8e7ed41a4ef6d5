"""Search quality: queries clinicians would type, each with the page that must come up
in the first three results. Run in Chromium against the built site; tuned through titles,
headings, aliases and boosts, never by special-casing a query."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from concepts import CONCEPTS

pytestmark = pytest.mark.browser

QUERIES = [
    ('countertransference', 'glossary/countertransference.html'),
    ('counter-transference', 'glossary/countertransference.html'),
    ('counter transference', 'glossary/countertransference.html'),
    ('countertrans', 'glossary/countertransference.html'),
    ('re-enactment', 'glossary/re-enactment.html'),
    ('reenactment', 'glossary/re-enactment.html'),
    ('projective identification', 'glossary/projective-identification.html'),
    ('containment', 'glossary/containment.html'),
    ('container contained', 'glossary/containment.html'),
    ('PIE', 'glossary/psychologically-informed-environment.html'),
    ('PIPE', 'glossary/psychologically-informed-planned-environment.html'),
    ('baD', 'glossary/basic-assumption-dependency.html'),
    ('fight flight', 'glossary/basic-assumption-fight-flight.html'),
    ('RPG', 'glossary/reflective-practice-group.html'),
    ('schwartz rounds', 'glossary/schwartz-rounds.html'),
    ('balint', 'glossary/balint-group.html'),
    ('burnout', 'glossary/burnout.html'),
    ('burn-out', 'glossary/burnout.html'),
    ('vicarious trauma', 'glossary/vicarious-traumatisation.html'),
    ('moral injury', 'glossary/moral-injury.html'),
    ('is it confidential', 'faq/index.html'),
    ('first session', 'facilitate/first-session.html'),
    ('ground rules', 'glossary/ground-rules.html'),
    ('contracting checklist', 'handouts/contracting-checklist.html'),
    ('getting support', 'about/getting-support.html'),
    ('occupational health', 'about/getting-support.html'),
    ('silence', 'facilitate/hard-moments.html'),
    ('scapegoat', 'glossary/scapegoating.html'),
    ('supervision', 'glossary/clinical-supervision.html'),
    ('evidence', 'understand/evidence.html'),
    ('protected time', 'glossary/protected-time.html'),
    ('primary task', 'glossary/primary-task.html'),
    ('menzies', 'glossary/social-defences-against-anxiety.html'),
    ('the ailment', 'glossary/the-ailment.html'),
    ('handouts', 'handouts/index.html'),
    ('compassion fatigue', 'glossary/compassion-fatigue.html'),
    ('basic assumptions', 'glossary/basic-assumptions.html'),
    ('hate patients', 'glossary/hate-in-the-countertransference.html'),
    ('can my manager come to the group', 'faq/index.html'),
    ('do I have to speak', 'faq/index.html'),
    ('who sees the notes', 'faq/index.html'),
    ('what if I get upset', 'faq/index.html'),
    ('should I facilitate my own team', 'faq/index.html'),
    ('how many people in a group', 'faq/index.html'),
]


def top_three(page, base: str, query: str) -> list[str]:
    page.goto(base + "index.html")
    page.locator(".md-search__input").click()
    page.keyboard.type(query)  # Material ignores fill()
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    # Material searches on every keystroke, so results for a shorter prefix of the query
    # can still be on screen: read until two readings 250 ms apart agree.
    previous, current = None, read_top_three(page, base)
    for _ in range(20):
        if current == previous:
            break
        page.wait_for_timeout(250)
        previous, current = current, read_top_three(page, base)
    return current


def read_top_three(page, base: str) -> list[str]:
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
    pages = [urlsplit(h).path.split(urlsplit(base).path, 1)[-1] for h in hrefs]
    return list(dict.fromkeys(pages))[:3]  # the first three pages (a page can list several sections)


def test_there_are_at_least_thirty_queries_of_each_kind():
    assert len(QUERIES) >= 30
    assert any(" " in q and q.split()[0] in ("can", "do", "who", "what", "should", "how", "is") for q, _ in QUERIES)
    assert any("-" in q for q, _ in QUERIES) and any(q.isupper() for q, _ in QUERIES)


def test_each_query_finds_its_page_in_the_top_three(new_page, site_url):
    page = new_page()
    misses = {}
    for query, expected in QUERIES:
        found = top_three(page, site_url, query)
        if expected not in found:
            misses[query] = (expected, found)
    assert misses == {}


def test_every_inventory_concept_is_found_by_its_name(new_page, site_url):
    page = new_page()
    misses = {}
    for name, where in CONCEPTS.items():
        expected = f"glossary/{where.split('#')[0]}.html"
        found = top_three(page, site_url, name)
        if expected not in found:
            misses[name] = (expected, found)
    assert misses == {}
