"""Every concept in the inventory has a place on the site, found by its name in the
glossary's names (and so in the A–Z) and on the page or anchor it lives at."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from concepts import CONCEPTS
from kb import model
from support import ROOT

MODEL = model.load(ROOT / "docs", ROOT)


def test_the_glossary_has_at_least_eighty_entries():
    assert len(MODEL.glossary) >= 80


def test_every_concept_name_resolves_to_its_entry():
    """By a name of its entry (linkable, in the A–Z) or, for one idea of an entry that
    pairs two ("Depressive position"), by the entry's search keywords."""
    wrong = {}
    for name, where in CONCEPTS.items():
        slug = where.split("#")[0]
        term = MODEL.glossary.lookup(name)
        keyworded = name.lower() in {k.lower() for k in MODEL.glossary.terms[slug].keywords}
        if (term is None or term.slug != slug) and not keyworded:
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
