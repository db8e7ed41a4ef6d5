"""The glossary a specialist would sign: enough entries, every origin cited, aliases
that are names and keywords that are only searched."""
from __future__ import annotations

import json
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from kb import model
from support import ROOT

DOCS = ROOT / "docs"
GLOSSARY = model.load(DOCS, ROOT).glossary
ORIGINS = re.compile(r"^## Where the idea comes from\s*$(.*?)(?=^## |\Z)", re.M | re.S)


def test_there_are_at_least_110_entries():
    assert len(GLOSSARY) >= 110


@pytest.mark.parametrize("slug", sorted(GLOSSARY.terms))
def test_every_entry_says_where_the_idea_comes_from_and_cites_it(slug):
    body = GLOSSARY.terms[slug].doc.body
    section = ORIGINS.search(body)
    assert section, f"{slug} has no 'Where the idea comes from' section"
    assert "[@" in section.group(1), f"{slug}'s origins cite no work"


def test_keywords_are_searched_but_never_shown_or_listed(built_site):
    with_keywords = [t for t in GLOSSARY.terms.values() if t.keywords]
    assert len(with_keywords) >= 10
    az = LexborHTMLParser((built_site / "glossary" / "index.html").read_text(encoding="utf-8")).css_first("article")
    az_text = az.text()
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    for term in with_keywords:
        page = (built_site / "glossary" / f"{term.slug}.html").read_text(encoding="utf-8")
        shown = LexborHTMLParser(page).css_first(".kb-aliases")
        for keyword in term.keywords:
            assert shown is None or keyword not in shown.text().split(": ", 1)[-1].split(", "), (term.slug, keyword)
            assert f"{keyword} → " not in az_text and f"{keyword} (see" not in az_text, (term.slug, keyword)
        assert all(k in docs[f"glossary/{term.slug}.html"]["kb_keywords"] for k in term.keywords)


def test_the_a_to_z_lists_aliases_as_other_names(built_site):
    az = LexborHTMLParser((built_site / "glossary" / "index.html").read_text(encoding="utf-8")).css_first("article")
    links = {a.text().strip() for a in az.css("a")}
    assert {"burned out", "burnt out"} <= set(GLOSSARY.terms["burnout"].aliases)
    assert "burned out: see Burnout" in " ".join(az.text().split())
    assert "Burnout" in links


def test_a_pages_search_keywords_reach_the_index_and_are_shown_nowhere(built_site):
    from kb import frontmatter
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    pages = [p for p in DOCS.rglob("*.md") if "glossary" not in p.parts and not any(x.startswith("_") for x in p.parts)]
    with_keywords = 0
    for path in pages:
        keywords = frontmatter.read(path, str(path)).meta.get("keywords") or []
        if not keywords:
            continue
        with_keywords += 1
        location = path.relative_to(DOCS).with_suffix(".html").as_posix()
        assert all(k in docs[location]["kb_keywords"] for k in keywords), location
        html = (built_site / location).read_text(encoding="utf-8")
        assert f'content="{keywords[0]}' not in html
    assert with_keywords >= 1
