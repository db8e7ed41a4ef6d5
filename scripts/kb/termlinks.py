"""Glossary links in rendered HTML: a class and the term's summary as a tooltip.

Links reach glossary pages in many ways (the `[[term]]` syntax, ordinary Markdown
links, raw HTML), so this works on the rendered page, not the Markdown. Only `<a>`
start tags are rewritten; the rest of the HTML is left byte for byte.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from . import urls

A_TAG = re.compile(r"<a\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
CLASS = "kb-term"


class _Attrs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs


_SIMPLE_TAG = re.compile(r'<a(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*="[^"<>&]*")*\s*>')
_SIMPLE_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')


def attributes(tag: str) -> list[tuple[str, str | None]]:
    """The tag's attributes. Python-Markdown writes `name="value"` with no entities in
    most links: those are read with a regular expression; anything else goes through
    HTMLParser, which reads attributes as a browser does, but is slow to start for every tag."""
    if _SIMPLE_TAG.fullmatch(tag):
        return _SIMPLE_ATTR.findall(tag)
    parser = _Attrs()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def render(attrs: list[tuple[str, str | None]]) -> str:
    parts = [name if value is None else f'{name}="{html.escape(value, quote=True)}"' for name, value in attrs]
    return "<a " + " ".join(parts) + ">"


def decorate(content: str, page_url: str, term_for_path, tooltips: bool = True) -> tuple[str, list[str]]:
    """Add the class to every link whose target is a glossary page, and the tooltip
    to the first link to each term (Material makes a tooltip for every titled element,
    and on a long guide the repeats cost more time than they help).

    `term_for_path(site_path)` returns the Term a site path belongs to, or None.
    Returns the new HTML and the slugs linked, in order of first appearance.
    """
    linked: list[str] = []

    def rewrite(match: re.Match) -> str:
        attrs = attributes(match.group(0))
        values = dict(attrs)
        href = values.get("href")
        if not href or urls.is_external(href) or href.startswith("#"):
            return match.group(0)
        path, _ = urls.resolve(href, page_url)
        term = term_for_path(path)
        if term is None:
            return match.group(0)
        first = term.slug not in linked
        if first:
            linked.append(term.slug)
        classes = (values.get("class") or "").split()
        if CLASS not in classes:
            classes.append(CLASS)
        new = [(k, v) for k, v in attrs if k not in ("class", "title")]
        new += [("class", " ".join(classes))] + ([("title", term.summary)] if tooltips and first else [])
        return render(new)

    return A_TAG.sub(rewrite, content), linked
