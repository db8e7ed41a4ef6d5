"""Relative URLs, both ways: resolving a link written in a page, and writing one between pages."""
from __future__ import annotations

import pytest
from mkdocs.utils import get_relative_url

from kb import urls


@pytest.mark.parametrize("href, base, expected", [
    ("../glossary/alpha.html", "guide/page.html", ("glossary/alpha.html", "")),
    ("glossary/alpha/#x", "", ("glossary/alpha/", "x")),
    ("../../glossary/alpha/", "guide/page/", ("glossary/alpha/", "")),
    ("#top", "guide/page.html", ("guide/page.html", "top")),
    ("", "guide/page.html", ("guide/page.html", "")),
    ("?q=1#s", "guide/page.html", ("guide/page.html", "s")),
    ("alpha.html#s%C3%A9", "glossary/beta.html", ("glossary/alpha.html", "sé")),
    ("my%20notes.md", "about/index.md", ("about/my notes.md", "")),
    ("./a/../b.html?x=1", "guide/page.html", ("guide/b.html", "")),
    ("../", "guide/page.html", ("", "")),
    ("/assets/site.css", "guide/deep/page.html", ("assets/site.css", "")),
    ("../../x.html", "guide/page.html", (None, "")),
    ("../../../x.html#y", "a/b/", (None, "y")),
])
def test_resolve(href, base, expected):
    assert urls.resolve(href, base) == expected


@pytest.mark.parametrize("target, base", [
    ("glossary/containment.md", "about/index.md"),
    ("glossary/containment.md", "glossary/transference.md"),
    ("references.md", "facilitate/deep/page.md"),
    ("references.md", "index.md"),
    ("index.md", "take-part/index.md"),
    ("take-part/", "glossary/a.md"),
    ("a/b/c.md", "a/b/d/e.md"),
    ("a/./b/../c.md", "x/y.md"),
    ("about/index.md", "about/index.md"),
    ("", "about/index.md"),
])
def test_relative_gives_what_mkdocs_gives(target, base):
    assert urls.relative(target, base) == get_relative_url(target, base)


@pytest.mark.parametrize("href, external", [
    ("https://example.org/", True), ("//cdn.example.org/x.js", True), ("mailto:a@b.c", True),
    ("tel:999", True), ("../a.html", False), ("#top", False), ("/assets/x.css", False),
])
def test_is_external(href, external):
    assert urls.is_external(href) is external
