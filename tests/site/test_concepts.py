"""Every concept in the inventory has a place on the site, found by its name in the
glossary's names (and so in the A–Z) and on the page or anchor it lives at."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from concepts import CONCEPTS
from kb import model
from support import ROOT

MODEL = model.load(ROOT / "docs", ROOT)


def test_the_inventory_has_ninety_concepts_and_at_least_eighty_entries():
    assert len(CONCEPTS) == 90
    assert len(MODEL.glossary) >= 80


def test_every_concept_name_resolves_to_its_entry():
    wrong = {}
    for name, where in CONCEPTS.items():
        slug = where.split("#")[0]
        term = MODEL.glossary.lookup(name)
        if "#" not in where and (term is None or term.slug != slug):
            wrong[name] = term.slug if term else None
        if "#" in where and (term is None or term.slug != slug):
            wrong[name] = term.slug if term else None
    assert wrong == {}


def test_every_concept_is_in_the_a_to_z_and_every_anchor_exists(built_site):
    az = LexborHTMLParser((built_site / "glossary/index.html").read_text(encoding="utf-8"))
    az_targets = {a.attributes["href"].split("#")[0] for a in az.css("article a[href]")}
    for name, where in CONCEPTS.items():
        slug, _, anchor = where.partition("#")
        assert f"{slug}.html" in az_targets, name
        if anchor:
            page = LexborHTMLParser((built_site / f"glossary/{slug}.html").read_text(encoding="utf-8"))
            assert page.css_first(f"#{anchor}") is not None, (name, where)
