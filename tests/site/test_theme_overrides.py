"""overrides/main.html edits Material's own output with string replacements: were Material's
markup to change, each would silently do nothing. These tests see that each still lands.

(The copied partials are compared with Material's in tests/unit/test_theme_copies.py.)
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from pages import html_pages

SAMPLE = ["index.html", "glossary/containment.html", "facilitate/hard-moments-conflict.html",
          "handouts/confidentiality.html"]


def parse(site: Path, page: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / page).read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", SAMPLE)
def test_materials_bundle_is_deferred(built_site, page):
    """{% block scripts %}: `.min.js"></script>` becomes `.min.js" defer></script>`."""
    bundles = [s for s in parse(built_site, page).css("script[src]") if "/bundle." in "/" + s.attributes["src"]]
    assert len(bundles) == 1, "Material's bundle is on the page once"
    assert "defer" in bundles[0].attributes


def test_no_page_loads_a_blocking_script_from_materials_bundle_block(built_site):
    for page in html_pages(built_site):
        for script in parse(built_site, page).css("script[src]"):
            if script.attributes["src"].endswith(".min.js"):
                assert "defer" in script.attributes, (page, script.attributes["src"])


@pytest.mark.parametrize("page", SAMPLE)
def test_the_search_worker_is_the_projects_wrapper_around_materials(built_site, page):
    """{% block config %}: Material's worker path becomes kb-search-worker.js?material=<it>."""
    config = json.loads(parse(built_site, page).css_first("script#__config").text())
    worker, _, material = config["search"].partition("?material=")
    assert worker.endswith("assets/javascripts/kb-search-worker.js")
    assert material.startswith("workers/search.") and material.endswith(".min.js")
    scripts = (built_site / page).parent / worker.rsplit("assets/javascripts/", 1)[0] / "assets" / "javascripts"
    assert (scripts / "kb-search-worker.js").is_file() and (scripts / material).is_file()
    assert 'searchParams.get("material")' in (scripts / "kb-search-worker.js").read_text(encoding="utf-8")


def test_pages_are_british_english_and_search_stems_english(built_site):
    """theme.language en-custom: lang="en-GB" on the page, Material's English everywhere else."""
    tree = parse(built_site, "index.html")
    assert tree.css_first("html").attributes["lang"] == "en-GB"
    assert tree.css_first(".md-search__input").attributes["placeholder"] == "Search"
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
