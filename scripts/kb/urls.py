"""Resolving links between built pages: one place, used by the hooks and the checker."""
from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit


def is_external(href: str) -> bool:
    """True for links that leave the site (any scheme or a protocol-relative URL)."""
    parts = urlsplit(href)
    return bool(parts.scheme) or href.startswith("//")


def resolve(href: str, page_url: str) -> tuple[str, str]:
    """(site path, fragment) for a relative `href` on the page at `page_url`.

    `page_url` is the page's URL relative to the site root ('' for the home page,
    'glossary/containment/' or 'glossary/containment.html'). The returned path is
    relative to the site root with no leading slash ('' for the root).
    """
    parts = urlsplit(href)
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    if not parts.path:
        return page_url, unquote(parts.fragment)
    joined = posixpath.normpath(posixpath.join("/" + base, unquote(parts.path)))
    path = joined.lstrip("/")
    if parts.path.endswith("/") and path:
        path += "/"
    return ("" if path == "." else path), unquote(parts.fragment)


def same_page(path_a: str, path_b: str) -> bool:
    """Directory URLs and their index.html are the same page."""
    def norm(p: str) -> str:
        p = p.lstrip("/")
        if p.endswith("index.html"):
            p = p[: -len("index.html")]
        return p.rstrip("/")
    return norm(path_a) == norm(path_b)
