"""Search keywords: words that find a glossary entry without being names of its concept.

An alias is a true synonym (shown as "Also called", linkable, in the A–Z); a keyword is
searched and nothing else."""
from __future__ import annotations

import json

from kb import build, model, searchindex, syntax
from kbfixtures import entry


def with_keywords(term: str, keywords: str, **kwargs) -> str:
    return entry(term, **kwargs).replace("related:", f"keywords: {keywords}\nrelated:", 1)


def rendered(docs) -> list[str]:
    return [p.render() for p in model.load(docs.docs, docs.root).problems]


def test_keywords_are_loaded_apart_from_the_names(docs):
    docs.standard()
    docs.glossary("beta", with_keywords("Beta", "[MBI, disliking patients]", aliases="[B]"))
    m = model.load(docs.docs, docs.root)
    assert m.problems == []
    beta = m.glossary.terms["beta"]
    assert beta.keywords == ["MBI", "disliking patients"]
    assert "MBI" not in beta.names and beta.aliases == ["B"]


def test_a_keyword_does_not_link(docs):
    docs.standard()
    docs.glossary("beta", with_keywords("Beta", "[MBI]"))
    m = model.load(docs.docs, docs.root)
    result = syntax.expand("See [[MBI]] and [[B-e-t-a|x]] and [[beta]].", "index.md", "docs/index.md",
                           m.glossary, m.references)
    assert [p.code for p in result.problems] == ["term-unknown", "term-unknown"]
    assert result.terms == ["beta"]


def test_a_keyword_is_not_shown_as_another_name():
    term = type("T", (), {"summary": "S.", "aliases": ["B"], "keywords": ["MBI"]})()
    header = build.Build.entry_header(term)
    assert "B" in header and "MBI" not in header


def test_a_keyword_that_is_another_terms_name_is_an_error(docs):
    docs.standard()
    docs.glossary("beta", with_keywords("Beta", "[GAMMA]"))
    assert rendered(docs) == ["docs/glossary/beta.md:5:1: error [keyword-collision] keyword 'GAMMA' is a name of "
                              "'gamma' (remove it from 'keywords': names are already searched)"]


def test_a_keyword_that_is_an_alias_is_an_error(docs):
    docs.standard()
    docs.glossary("beta", with_keywords("Beta", "[first letter, B]", aliases="[B]"))
    assert sorted(rendered(docs)) == [
        "docs/glossary/beta.md:5:1: error [keyword-collision] keyword 'B' is one of its own names "
        "(remove it from 'keywords': names are already searched)",
        "docs/glossary/beta.md:5:1: error [keyword-collision] keyword 'first letter' is a name of 'alpha' "
        "(remove it from 'keywords': names are already searched)"]


def test_keywords_must_be_a_list(docs):
    docs.standard()
    docs.glossary("beta", with_keywords("Beta", "MBI"))
    assert [p.split(" (")[0] for p in rendered(docs)] == [
        "docs/glossary/beta.md:5:1: error [meta-type] 'keywords' should be a list, e.g. [a, b]"]


def test_keywords_go_to_their_own_search_field(tmp_path):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}}}, "docs": [
        {"location": "glossary/b.html", "title": "Burnout", "text": "t"},
        {"location": "glossary/b.html#x", "title": "X", "text": "t"},
        {"location": "other.html", "title": "Other", "text": "t"}]}))
    searchindex.augment(index, lambda loc: ["burnout", "Burnout"] if loc == "glossary/b.html" else [],
                        lambda loc: ["MBI", "burn-out syndrome"] if loc == "glossary/b.html" else [])
    data = json.loads(index.read_text())
    assert data["config"]["fields"]["kb_keywords"] == {"boost": searchindex.KEYWORD_BOOST}
    assert searchindex.KEYWORD_BOOST < searchindex.ALIAS_BOOST
    page, section, other = data["docs"]
    assert page["kb_keywords"] == "MBI burn-out syndrome burnout"
    assert "kb_keywords" not in section and "kb_keywords" not in other
    assert page["kb_aliases"].startswith("burnout Burnout")
