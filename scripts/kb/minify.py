"""The style sheets and scripts every first visit fetches, made smaller in the built site.

Two jobs, after the build, on files in the site (docs/ keeps the readable sources):

- The project's own scripts and style sheet (docs/assets: kb-*.js, handout.js,
  site.css) are minified with rjsmin and rcssmin, which only take out comments and
  white space. mkdocs-minify-plugin would do the same for these files, but it also
  parses and rewrites the HTML of every page, which the build's time budget cannot
  afford (kb/whitespace.py does the part of that worth having).
- Material's palette style sheet defines every named colour Material offers (red,
  pink, ... white) for both the primary and the accent colour; the site uses its
  own colours ("custom", defined in site.css). The rules that only ever apply to
  colours no palette in mkdocs.yml names are dropped: about 60% of the file.

- Material's main style sheet styles every component Material has (tabs, blog posts,
  annotations, the version selector, code copy buttons...). A rule whose selector
  needs a class that no built page and no script of the site contains can match
  nothing, so it is dropped: about a quarter of the file. A class counts as used if
  it is in any page's HTML or anywhere in a script (Material's bundle and workers
  name the classes they add); classes inside :not(), :is(), :where() and :has() never
  make a rule go. tests/browser/test_styles_kept.py checks that pages look the same
  with Material's whole style sheet.

Material's scripts are left as they are.
"""
from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

OWN_SCRIPTS = ("assets/javascripts/kb-*.js", "assets/javascripts/handout.js")
OWN_STYLES = ("assets/stylesheets/site.css",)
PALETTE_CSS = "assets/stylesheets/palette.*.min.css"

MAIN_CSS = "assets/stylesheets/main.*.min.css"

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")  # an innermost rule: selectors { declarations }
_EMPTY_AT_RULE = re.compile(r"@(?:media|supports|container)[^{}]*\{\s*\}")
_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_TEMPLATE_PREFIX = re.compile(r"([A-Za-z_][\w-]*)\$\{")  # `md-tag--${kind}`: any class it can make
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_SELECTOR_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_OPTIONAL_PART = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
_COLOUR = re.compile(r"\[data-md-color-(primary|accent)=([a-z-]+)\]")


def own_assets(site: Path) -> None:
    for pattern in OWN_SCRIPTS:
        for path in site.glob(pattern):
            _rewrite(path, rjsmin.jsmin)
    for pattern in OWN_STYLES:
        for path in site.glob(pattern):
            _rewrite(path, rcssmin.cssmin)


def palette_css(site: Path, palettes: list[dict]) -> None:
    """Drop the palette rules for colours no palette in mkdocs.yml uses."""
    used = {(kind, str(p.get(kind) or "indigo").replace(" ", "-")) for p in palettes for kind in ("primary", "accent")}
    for path in site.glob(PALETTE_CSS):
        _rewrite(path, lambda css: unused_colours_removed(css, used))


def unused_colours_removed(css: str, used: set[tuple[str, str]]) -> str:
    return _rules_kept(css, lambda selector: all(match in used for match in _COLOUR.findall(selector)))


# The scripts a page can run: Material's bundle and search worker, the project's own.
# (Not assets/javascripts/lunr/: word lists for other languages, and large.)
SCRIPTS = ("assets/javascripts/*.js", "assets/javascripts/workers/*.js")


class ClassCollector:
    """The classes in the pages' HTML, gathered as each page is written (the build has
    the HTML in hand then; reading every page back afterwards cost a quarter of a second)."""

    def __init__(self):
        self.classes: set[str] = set()

    def add_page(self, html: str) -> None:
        self.classes.update(" ".join(_CLASS_ATTRIBUTE.findall(html)).split())


def material_css(site: Path, page_classes: set[str]) -> None:
    """Drop the rules of Material's main style sheet that need a class the site never uses.
    `page_classes`: the classes of every page written (ClassCollector); the pages MkDocs
    writes without the page hooks (404.html) are read here."""
    used, prefixes = used_classes(site, page_classes)
    for path in site.glob(MAIN_CSS):
        _rewrite(path, lambda css: unused_classes_removed(css, used, prefixes))


def used_classes(site: Path, page_classes: set[str]) -> tuple[set[str], tuple[str, ...]]:
    """The classes of the written pages, of 404.html (written without the page hooks) and
    every word of the pages' scripts; and the prefixes of classes the scripts build."""
    collector = ClassCollector()
    for page in site.glob("404.html"):
        collector.add_page(page.read_text(encoding="utf-8"))
    used = set(page_classes) | collector.classes
    prefixes: set[str] = set()
    for pattern in SCRIPTS:
        for script in site.glob(pattern):
            code = script.read_text(encoding="utf-8", errors="replace")
            used.update(_WORD.findall(code))
            prefixes.update(template_prefixes(code))
    return used, tuple(sorted(prefixes))


def template_prefixes(code: str) -> list[str]:
    """`_TEMPLATE_PREFIX.findall(code)`, found from each `${`: tried at every letter of
    Material's bundle, the regular expression was the slowest step of this module."""
    found, done = [], 0
    at = code.find("${")
    while at >= 0:
        start = at
        while start > done and _WORD_OR_HYPHEN.match(code, start - 1):
            start -= 1
        match = _TEMPLATE_PREFIX.search(code, start, at + 2)
        if match:
            found.append(match.group(1))
        done = at + 2
        at = code.find("${", done)
    return found


def unused_classes_removed(css: str, used: set[str], prefixes: tuple[str, ...] = ()) -> str:
    def needed(name: str) -> bool:
        return name in used or name.startswith(prefixes)

    def keep(selector: str) -> bool:
        return all(needed(name) for name in _SELECTOR_CLASS.findall(_OPTIONAL_PART.sub("", selector)))

    return _rules_kept(css, keep)


def _rules_kept(css: str, keep) -> str:
    """The style sheet with each rule's selectors filtered by keep(selector); a rule left
    with none goes, and so does an @media or @supports block left empty."""
    def rule(m: re.Match) -> str:
        if m.group(1).lstrip().startswith("@"):  # @font-face, @page: no selectors to judge
            return m.group(0)
        selectors = [s for s in _split_selectors(m.group(1)) if keep(s)]
        return f"{','.join(selectors)}{{{m.group(2)}}}" if selectors else ""

    css = _RULE.sub(rule, css)
    while True:
        emptied = _EMPTY_AT_RULE.sub("", css)
        if emptied == css:
            return css
        css = emptied


def _split_selectors(text: str) -> list[str]:
    """A selector list split on its top-level commas (not those inside :is(...) and the like)."""
    if "(" not in text and "[" not in text:
        return text.split(",")  # nothing to be inside of: most of Material's rules
    parts, pending, depth = [], [], 0
    for piece in text.split(","):  # a comma splits where the brackets before it are all closed
        pending.append(piece)
        depth += piece.count("(") + piece.count("[") - piece.count(")") - piece.count("]")
        if depth == 0:
            parts.append(",".join(pending))
            pending = []
    if pending:
        parts.append(",".join(pending))
    return parts


def _rewrite(path: Path, transform) -> None:
    text = path.read_text(encoding="utf-8")
    smaller = transform(text)
    if smaller != text:
        path.write_text(smaller, encoding="utf-8")
