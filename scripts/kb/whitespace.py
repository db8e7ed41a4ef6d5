"""Indentation taken out of the built HTML.

Material's templates indent every line of the sidebar and header; on a 40 KB page
about a quarter of the bytes were leading spaces. This removes the white space at
the start of each line, outside <pre>, <textarea> and <script>, and nothing else:
a run of white space renders as one space either way, so the page looks the same.
mkdocs-minify-plugin does more, but parses and rewrites the whole document of every
page; this is one regular expression per page.
"""
from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")


def collapse(html: str) -> str:
    parts = _KEEP.split(html)
    # split() with two groups yields: text, kept block, tag name, text, kept block, tag name, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
