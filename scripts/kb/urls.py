"""Relative URLs, both ways: the one place the hooks and the checker resolve and write them.

Paths are relative to the root (of docs/ or of the built site), with no leading slash:
'glossary/containment.md', 'glossary/containment/' (a directory URL), '' (the root).
"""
from __future__ import annotations

import functools
from urllib.parse import unquote, urlsplit


@functools.lru_cache(maxsize=4096)  # the same links recur on page after page (the hooks test every link)
def is_external(href: str) -> bool:
    """True for links that leave the site (any scheme or a protocol-relative URL)."""
    return href.startswith("//") or bool(urlsplit(href).scheme)


@functools.lru_cache(maxsize=4096)  # every [[term]] and citation writes one; the pairs repeat
def relative(target: str, base: str) -> str:
    """The relative URL from the file `base` to `target`: 'glossary/a.md' from 'about/index.md'
    is '../glossary/a.md'.

    The rules of MkDocs' `mkdocs.utils.get_relative_url` (tests/unit/test_urls.py holds the
    two to the same answers), written here because importing mkdocs.utils brings in click
    and MkDocs' YAML loaders, which the checker otherwise never loads."""
    folder, _, name = base.rpartition("/")
    start = _parts(folder if "." in name else base)
    parts = _parts(target)
    common = 0
    for a, b in zip(start, parts):
        if a != b:
            break
        common += 1
    url = "/".join([".."] * (len(start) - common) + parts[common:]) or "."
    return url + "/" if target.endswith("/") else url


@functools.lru_cache(maxsize=1024)
def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


def resolve(href: str, base: str) -> tuple[str | None, str]:
    """(path, fragment) that a relative `href`, written in the file `base`, leads to.

    `base` is a file ('glossary/containment.html') or a directory URL ('glossary/containment/',
    '' for the root); an `href` starting with '/' is taken from the root. The path keeps a
    trailing '/' ('' for the root), and is None when the href climbs above the root.
    Percent-escapes are decoded in both."""
    if href.startswith("#"):  # within the page: every table of contents is full of these
        return base, unquote(href[1:])
    path, fragment = _resolve_in_folder(href, base[: base.rfind("/") + 1])
    return (base if path is _THIS_PAGE else path), fragment


_THIS_PAGE = object()  # an href with no path ('?q=1#s') leads to the page it is written in


# Cached: the answer depends only on the folder of the page, and the same links (to the
# glossary, the references, the guides) recur from page after page of a folder.
@functools.lru_cache(maxsize=4096)
def _resolve_in_folder(href: str, folder: str):
    split = urlsplit(href)
    fragment = unquote(split.fragment)
    if not split.path:
        return _THIS_PAGE, fragment
    folder = "" if split.path.startswith("/") else folder
    parts: list[str] = []
    for part in (folder + unquote(split.path)).split("/"):
        if part == "..":
            if not parts:
                return None, fragment
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    path = "/".join(parts)
    return (path + "/" if path and split.path.endswith("/") else path), fragment
