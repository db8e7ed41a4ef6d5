"""What the search index leaves out, marked with Material's `data-search-exclude`.

The index is loaded on every first visit, so it holds what people search for:
explanations and guidance. Left out: the fictional examples (illustrations, read in
place; their storylines made poor matches), the model answers folded away in the
pathway, a glossary entry's "Also called" line (its names are indexed in their own
field, see searchindex.py), the body of each handout (a one-page copy of a guide:
its title and introduction are kept, so searches still find it) and a glossary entry's
"Where the idea comes from" (the history of the idea: who, when, later developments,
the longest part of most entries and not what a reader at work searches for; the
originators' names are in the entry's keywords where people search by them).
(The A–Z's rows and the reference list's entries never reach the index: the build puts
them in after search has read the page, kb/build.py `insert_listings`.)
"""
from __future__ import annotations

import re

MARK = ' data-search-exclude="1"'
_ALWAYS = re.compile(r'<(div class="admonition example"|details class="question"|p class="kb-aliases")')
_HANDOUT_SECTION = re.compile(r"<h2(?=[\s>])")
_ORIGINS = re.compile(r'<h2 (?=id="where-the-idea-comes-from")')


def exclude(html: str, handout: bool = False, entry: bool = False) -> str:
    html = _ALWAYS.sub(lambda m: f"<{m.group(1)}{MARK}", html)
    if entry:
        html = _ORIGINS.sub("<h2" + MARK + " ", html)
    if handout:
        html = _HANDOUT_SECTION.sub("<h2" + MARK, html)
    return html
