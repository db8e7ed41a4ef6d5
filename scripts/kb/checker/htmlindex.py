"""One pass over one HTML page (or stylesheet): its ids, and every URL it links to or loads.

selectolax's lexbor parser finds elements and attributes the way a browser does
(comments, scripts and broken markup included) but gives no source positions. A
position is only needed for a finding, so it is worked out then, once per file:
each attribute is found in the raw text by scanning forward from the previous
match (the start tag by name, then the attribute by name and value), which keeps
the scan linear and the line:col exact.
"""
from __future__ import annotations

import functools
import html
import re
from collections import namedtuple

from selectolax.lexbor import LexborHTMLParser

# Kinds of reference: a link a reader follows, a file the browser fetches, and a URL
# that is only named (canonical, alternate, next): checked inside the site, never a load.
LINK, LOAD, META = "link", "load", "meta"

LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon",
                "manifest", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "prerender"}
SRC_LOADS = {"script", "img", "iframe", "frame", "embed", "source", "audio", "video", "track", "input"}
SVG_LOADS = {"image", "use", "feimage"}
URL_HOLDERS = "[href],[src],[srcset],[style],[data],[poster],[xlink\\:href],style"
NAMED = "a[name]"  # a fragment finds an id, or the name of an <a>

CSS_URL = re.compile(r"""/\*.*?\*/"""                                         # a comment: skipped
                     r"""|url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s"']*))\s*\)"""  # url("..."), url('...'), url(...)
                     r"""|@import\s+(?:"([^"]*)"|'([^']*)')""",                   # @import "..."
                     re.IGNORECASE | re.DOTALL)
_TAG_BODY = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_MAX_TRIES = 50  # start tags of one name tried before settling for an approximate position


class Ref(namedtuple("Ref", "url kind source element tag attr value offset")):
    """One URL in a file, and what is needed to find it in the raw text later.

    url      the URL as written (entities decoded)
    kind     LINK, LOAD or META
    source   where it was written, for messages: '<a href>', 'CSS url()'
    element  ordinal of its element in the page; the URLs of one element share it
    tag      the element's name; '' in a stylesheet, 'style' for a <style> block
    attr     the attribute holding it; '' in a stylesheet or a <style> block
    value    the attribute's whole value, to recognise it in the raw text
    offset   where the URL starts in that value (in a stylesheet: in the file)
    """

    __slots__ = ()


class FileIndex:
    """The ids and URLs of one page or stylesheet, with positions worked out on demand."""

    __slots__ = ("_positions", "canonical", "ids", "refs", "text")

    def __init__(self, ids: set[str], refs: list[Ref], canonical: str, text: str):
        self.ids, self.refs, self.canonical, self.text = ids, refs, canonical, text
        self._positions: list[tuple[int, int]] | None = None

    def position(self, number: int) -> tuple[int, int]:
        """1-based (line, column) of the first character of the `number`-th URL."""
        if self._positions is None:
            self._positions = _positions(self.text, self.refs)
        return self._positions[number]


# --- pages --------------------------------------------------------------------------

def index_html(text: str) -> FileIndex:
    """The ids (and <a name>s) of one page and every URL in it."""
    tree = LexborHTMLParser(text)
    ids = {node.attrs.get("id") for node in tree.css("[id]")} | {node.attrs.get("name") for node in tree.css(NAMED)}
    ids.discard(None)
    ids.discard("")
    refs: list[Ref] = []
    canonical = ""
    seen: set[int] = set()
    for element, node in enumerate(tree.css(URL_HOLDERS)):
        if node.mem_id in seen:  # lexbor repeats a node that matches two parts of the selector
            continue
        seen.add(node.mem_id)
        tag, attrs = node.tag, node.attributes
        if tag == "a" and "href" in attrs and "style" not in attrs and "xlink:href" not in attrs:
            href = attrs["href"] or ""  # most URLs on a page: the short way
            refs.append(Ref(href, LINK, "<a href>", element, "a", "href", href, 0))
            continue
        if tag == "style":
            refs += [Ref(url, LOAD, "<style> url()", element, "style", "", "", at) for url, at in css_urls(node.text())]
            continue
        if tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            canonical = canonical or (attrs.get("href") or "").strip()
        for name, kind in _urls_of(tag, attrs):
            refs += _refs_in(attrs[name] or "", kind, element, tag, name)
    return FileIndex(ids, refs, canonical, text)


def _urls_of(tag: str, attrs: dict) -> list[tuple[str, str]]:
    """(attribute, kind) for each attribute of this element that holds a URL."""
    found = []
    if "href" in attrs:
        if tag in ("a", "area"):
            found.append(("href", LINK))
        elif tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            found.append(("href", LOAD if rels & LOADING_RELS else META))
        elif tag in SVG_LOADS:
            found.append(("href", LOAD))
    if "xlink:href" in attrs and tag in SVG_LOADS | {"a"}:
        found.append(("xlink:href", LINK if tag == "a" else LOAD))
    if "src" in attrs and tag in SRC_LOADS:
        found.append(("src", LOAD))
    if "srcset" in attrs and tag in ("img", "source"):
        found.append(("srcset", LOAD))
    if "poster" in attrs and tag == "video":
        found.append(("poster", LOAD))
    if "data" in attrs and tag == "object":
        found.append(("data", LOAD))
    if "style" in attrs:
        found.append(("style", LOAD))
    return found


def _refs_in(value: str, kind: str, element: int, tag: str, name: str) -> list[Ref]:
    if name == "srcset":
        pieces, source = srcset_urls(value), f"<{tag} srcset>"
    elif name == "style":
        pieces, source = css_urls(value), f"<{tag} style> url()"
    else:
        pieces, source = [(value, 0)], f"<{tag} {name}>"
    return [Ref(url, kind, source, element, tag, name, value, at) for url, at in pieces]


# --- stylesheets and attribute values ------------------------------------------------

def index_css(text: str) -> FileIndex:
    """Every url() and @import in a stylesheet."""
    refs = [Ref(url, LOAD, "CSS url()", -1, "", "", "", at) for url, at in css_urls(text)]
    return FileIndex(set(), refs, "", text)


def css_urls(css: str) -> list[tuple[str, int]]:
    """(url, offset of its first character) for each url() and @import; comments skipped."""
    if "url(" not in css and "@import" not in css and "URL(" not in css:
        return []
    found = []
    for match in CSS_URL.finditer(css):
        for group in range(1, 6):
            if match.group(group) is not None:
                found.append((match.group(group).strip(), match.start(group)))
                break
    return found


def srcset_urls(srcset: str) -> list[tuple[str, int]]:
    """(url, offset) for each image candidate: 'a.png 1x, b.png 2x' (the HTML spec's parsing, simplified)."""
    found, pos, size = [], 0, len(srcset)
    while pos < size:
        while pos < size and (srcset[pos].isspace() or srcset[pos] == ","):
            pos += 1
        start = pos
        while pos < size and not srcset[pos].isspace():
            pos += 1
        url = srcset[start:pos].rstrip(",")
        if url:
            found.append((url, start))
        if srcset[start:pos].endswith(","):
            continue
        while pos < size and srcset[pos] != ",":
            pos += 1
    return found


# --- positions in the raw text ----------------------------------------------------------

def _positions(text: str, refs: list[Ref]) -> list[tuple[int, int]]:
    """(line, column) of every ref, found by scanning the raw text forward once."""
    lines = _Lines(text)
    found: list[tuple[int, int]] = []
    cursor, element, offsets = 0, None, {}
    for number, ref in enumerate(refs):
        if ref.element < 0:  # a stylesheet: the offset is already in the file
            found.append(lines.position(ref.offset))
            continue
        if ref.element != element:
            element = ref.element
            cursor, offsets = _find_element(text, cursor, ref, _same_element(refs, number))
        found.append(lines.position(offsets.get(ref.attr, cursor) + ref.offset))
    return found


def _same_element(refs: list[Ref], first: int) -> dict[str, str]:
    """attribute -> value for the refs of one element (they are consecutive)."""
    values, number = {}, first
    while number < len(refs) and refs[number].element == refs[first].element:
        values[refs[number].attr] = refs[number].value
        number += 1
    return values


def _find_element(text: str, cursor: int, first: Ref, values: dict[str, str]) -> tuple[int, dict[str, int]]:
    """(new cursor, attribute -> offset of its value) for the element `first` belongs to."""
    if first.tag == "style" and not first.attr:
        match = _STYLE_BLOCK.search(text, cursor)
        return (match.end(), {"": match.start(1)}) if match else (cursor, {})
    pattern = _tag_pattern(first.tag)
    pos = cursor
    for _ in range(_MAX_TRIES):
        match = pattern.search(text, pos)
        if not match:
            break
        body = _TAG_BODY.match(text, match.end())
        end = body.end() if body else match.end()
        offsets = _matching_attributes(text, match.end(), end, values)
        if offsets is not None:
            return end, offsets
        pos = match.end()
    return cursor, {}


@functools.cache
def _tag_pattern(tag: str) -> re.Pattern:
    return re.compile(rf"<{re.escape(tag)}(?=[\s/>])", re.IGNORECASE)


def _matching_attributes(text: str, start: int, end: int, values: dict[str, str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for match in _ATTR.finditer(text, start, end):
        name = match.group(1).lower()
        if name not in values or name in found:
            continue
        group = next((g for g in (2, 3, 4) if match.group(g) is not None), None)
        if group is None or not _same(match.group(group), values[name]):
            return None
        found[name] = match.start(group)
    return found if len(found) == len(values) else None


def _same(raw: str, value: str) -> bool:
    return raw == value or html.unescape(raw.replace("\r\n", "\n")) == value


class _Lines:
    """Offsets to (line, column), counting forward from the last answer."""

    def __init__(self, text: str):
        self.text, self.offset, self.line = text, 0, 1

    def position(self, offset: int) -> tuple[int, int]:
        if offset < self.offset:
            self.offset, self.line = 0, 1
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1
