"""An in-page list of a long page's sections, where the author asks for one.

A page writes `<!-- contents -->` (its ## sections) or `<!-- contents: 3 -->` (its ##
sections with their ### questions beneath, as the FAQ does) on a line of its own, and
the marker becomes a list of links. It works on the rendered HTML, where the toc
extension has already given every heading its final id, so a link can never point
at an anchor that differs from the heading's. Material's table of contents is in the
sidebar, which a phone hides behind the menu; this list is in the page itself.
"""
from __future__ import annotations

import re

MARKER = re.compile(r"<!--\s*contents(?::\s*([23]))?\s*-->")
HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _text(inner: str) -> str:
    return _TAG.sub("", _PERMALINK.sub("", inner)).strip()


def insert(html: str) -> str:
    """Replace the page's contents marker, if any, with the list of its sections."""
    marker = MARKER.search(html)
    if marker is None:
        return html
    depth = int(marker.group(1) or 2)
    items: list[str] = []
    in_section = False
    for match in HEADING.finditer(html, marker.end()):
        level, ident, text = int(match.group(1)), match.group(2), _text(match.group(3))
        if level > depth or (level == 3 and not in_section):
            continue
        in_section = in_section or level == 2
        link = f'<a href="#{ident}">{text}</a>'
        if level == 2 and depth == 3:
            items.append(f"</ul></li><li>{link}<ul>")
        else:
            items.append(f"<li>{link}</li>")
    if not items:
        return html[:marker.start()] + html[marker.end():]
    body = "".join(items)
    if depth == 3:  # each ## opens a nested list of its ### questions
        body = body.removeprefix("</ul></li>") + "</ul></li>"
        body = body.replace("<ul></ul>", "")
    # Out of the search index: the headings are indexed where they stand.
    nav = f'<nav class="kb-contents" aria-label="On this page" data-search-exclude><ul>{body}</ul></nav>'
    return html[:marker.start()] + nav + html[marker.end():]
