"""Rules on the built site: links, assets, anchors, reachability, nothing loaded from outside.

Works on any MkDocs build, with or without directory URLs: every file is read once,
each page and stylesheet is indexed once (`htmlindex`), every URL is resolved once,
and the rules below are pure functions over that. Relative URLs are resolved by
`kb.urls`, as the hooks resolve them.
"""
from __future__ import annotations

import difflib
import functools
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from .. import urls
from ..problems import Problem, did_you_mean, error, warning
from . import CheckError
from .htmlindex import LINK, LOAD, META, FileIndex, Ref, index_css, index_html

HOME = "index.html"
EXEMPT_FROM_REACH = {"404.html"}  # served for any missing URL, never linked
HTML_SUFFIXES = (".html", ".htm")
SAFE_SCHEMES = {"data", "blob", "about", "javascript"}  # loads that never leave the browser
WEB_SCHEMES = {"http", "https"}
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # RFC 3986: what makes a URL absolute

# Where a URL leads.
INTERNAL, EXTERNAL, OTHER, OUTSIDE = "internal", "external", "other", "outside"


class Target(NamedTuple):
    """Where a URL leads."""

    where: str          # INTERNAL; EXTERNAL (http, https); OTHER (mailto:, data:...); OUTSIDE (above the root)
    path: str = ""      # for INTERNAL: the file that serves it, '' if there is none
    fragment: str = ""  # the part after '#', decoded
    named: str = ""     # the site path the URL names, for messages


@dataclass
class Site:
    """The built site, read once: every file's name and the index of each page and stylesheet."""

    root: Path
    label: str  # the directory as given on the command line: findings say 'site/faq/index.html'
    files: set[str] = field(default_factory=set)
    pages: dict[str, FileIndex] = field(default_factory=dict)
    stylesheets: dict[str, FileIndex] = field(default_factory=dict)
    site_url: str = ""  # from the home page's canonical link: 'https://host/base/'
    targets: dict[str, list[Target]] = field(default_factory=dict)  # per file, one per ref

    @property
    def base_path(self) -> str:
        return urlsplit(self.site_url).path or "/"

    @property
    def link_count(self) -> int:
        return sum(len(t) for t in self.targets.values())

    def display(self, path: str) -> str:
        return f"{self.label}/{path}"

    def index(self, path: str) -> FileIndex:
        return self.pages.get(path) or self.stylesheets[path]

    def resolved(self, path: str):
        """(number, ref, target) for every URL in the page or stylesheet `path`."""
        return zip(range(len(self.targets[path])), self.index(path).refs, self.targets[path])

    def finding(self, make, path: str, number: int, code: str, message: str, hint: str = "") -> Problem:
        """A finding at the `number`-th URL of `path` (its position is worked out only now)."""
        line, col = self.index(path).position(number)
        return make(self.display(path), line, code, message, hint, col=col)


# --- reading the site ----------------------------------------------------------------

def load(root: Path, label: str) -> Site:
    """Read and index every page and stylesheet under `root`; CheckError if that cannot be done."""
    if not root.exists():
        raise CheckError(f"the site directory '{label}' does not exist (build it with 'make build', "
                         "or name the directory to check)")
    if not root.is_dir():
        raise CheckError(f"'{label}' is not a directory (name the built site's directory)")
    site = Site(root=root, label=label)
    site.files = _all_files(root)
    for path in sorted(f for f in site.files if f.endswith(HTML_SUFFIXES)):
        site.pages[path] = _index_page(site, path)
    for path in sorted(f for f in site.files if f.endswith(".css")):
        site.stylesheets[path] = index_css(_read_text(root, path, site.display(path), html=False))
    site.site_url = _site_url(site)
    resolved: dict[tuple[str, str], Target] = {}
    for path in [*site.pages, *site.stylesheets]:
        folder = posixpath.dirname(path)
        site.targets[path] = [_resolve_once(site, ref.url, path, folder, resolved) for ref in site.index(path).refs]
    return site


def _index_page(site: Site, path: str) -> FileIndex:
    return index_html(_read_text(site.root, path, site.display(path), html=True))


def _all_files(root: Path) -> set[str]:
    found = set()
    try:
        for folder, _, names in os.walk(root, onerror=_raise):
            rel = os.path.relpath(folder, root).replace(os.sep, "/")
            prefix = "" if rel == "." else rel + "/"
            found.update(prefix + name for name in names)
    except OSError as exc:
        raise CheckError(f"cannot read the site directory: {exc.strerror}: {exc.filename}") from None
    return found


def _raise(exc: OSError) -> None:
    raise exc


def _read_text(root: Path, path: str, shown: str, html: bool) -> str:
    try:
        data = (root / path).read_bytes()
    except OSError as exc:
        raise CheckError(f"cannot read {shown}: {exc.strerror}") from None
    if html and b"\0" in data[:8192]:
        raise CheckError(f"{shown} is not an HTML file (it holds binary data); rename it or remove it from the site")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CheckError(f"{shown}:{line}:{col}: byte 0x{data[exc.start]:02x} is not valid UTF-8; "
                         "save the file as UTF-8") from None


def _site_url(site: Site) -> str:
    """The site's published address, from the home page's canonical link ('' without site_url)."""
    home = site.pages.get(HOME)
    canonical = home.canonical if home else ""
    if urlsplit(canonical).scheme in WEB_SCHEMES and canonical.endswith(("/", "/" + HOME)):
        return canonical[: canonical.rfind("/") + 1]
    return ""


# --- resolving URLs ----------------------------------------------------------------------

def _resolve_once(site: Site, url: str, path: str, folder: str, resolved: dict) -> Target:
    # A URL with a path resolves the same from every file in one folder (the sidebar
    # repeats hundreds of them on every page); one without ('#x', '?q', '') depends on
    # the file itself.
    bare = url.strip()
    key = (bare, path if not bare or bare[0] in "#?" else folder)
    target = resolved.get(key)
    if target is None:
        target = resolved[key] = resolve(site, url, path)
    return target


def resolve(site: Site, url: str, base: str) -> Target:
    """Where `url`, written in the file `base`, leads."""
    url = url.strip()
    if not url.startswith("/") and not SCHEME.match(url):
        return _relative(site, url, base)  # most URLs: no scheme, not from the root
    if site.site_url and url.startswith(site.site_url):
        return _relative(site, url[len(site.site_url):], "")  # an absolute link into the site itself
    try:
        scheme = urlsplit(url).scheme
    except ValueError:
        return Target(INTERNAL, named=url)
    if scheme or url.startswith("//"):
        return Target(EXTERNAL if scheme in WEB_SCHEMES or not scheme else OTHER)
    if not url.startswith(site.base_path):
        return Target(OUTSIDE, named=url)
    return _relative(site, url[len(site.base_path):], "")  # root-relative, as on MkDocs' 404 page


def _relative(site: Site, url: str, base: str) -> Target:
    path, fragment = urls.resolve(url, base)
    if path is None:
        return Target(OUTSIDE, named=url)
    return Target(INTERNAL, _served_by(site, path), fragment, path)


def _served_by(site: Site, path: str) -> str:
    """The file a site path is served from ('' if none): a directory URL serves its index.html."""
    if path == "" or path.endswith("/"):
        return path + HOME if path + HOME in site.files else ""
    if path in site.files:
        return path
    return f"{path}/{HOME}" if f"{path}/{HOME}" in site.files else ""


# --- the rules -----------------------------------------------------------------------------

def check(site: Site) -> list[Problem]:
    """Every rule on the built site."""
    return broken_links(site) + external_resources(site) + unreachable_pages(site)


def broken_links(site: Site) -> list[Problem]:
    """link-broken and anchor-missing, for pages and stylesheets."""
    problems: list[Problem] = []
    near_files = functools.cache(lambda named: _near_files(site, named))
    near_ids = functools.cache(lambda page, fragment: did_you_mean(fragment, site.pages[page].ids))
    for path in site.targets:
        for number, ref, target in site.resolved(path):
            if target.where == OUTSIDE:
                problems.append(site.finding(error, path, number, "link-broken",
                                             f"'{ref.url}' ({ref.source}) points outside the site",
                                             "link relative to this page, within the site"))
            elif target.where == INTERNAL and not target.path and ref.url.strip():
                problems.append(site.finding(error, path, number, "link-broken",
                                             f"'{ref.url}' ({ref.source}) points to {target.named or '/'}, "
                                             "which is not in the site", near_files(target.named)))
            elif _fragment_missing(site, path, target):
                hint = near_ids(target.path, target.fragment)
                problems.append(site.finding(error, path, number, "anchor-missing",
                                             f"'#{target.fragment}' is not an id on {target.path} "
                                             f"(linked as '{ref.url}')",
                                             hint or "link to a heading's id (see the ¶ link beside it)"))
    return problems


def _fragment_missing(site: Site, base: str, target: Target) -> bool:
    # Fragments are checked on links from pages to pages. The HTML spec scrolls '#top'
    # to the top without an id, and ':~:' starts a text fragment.
    fragment = target.fragment
    if not fragment or base not in site.pages or target.path not in site.pages:
        return False
    return fragment not in site.pages[target.path].ids and fragment.lower() != "top" and not fragment.startswith(":~:")


def _near_files(site: Site, path: str) -> str:
    """Files named like `path` (same type, a similar name): in the same folder first, then anywhere."""
    path = path.rstrip("/")
    folder, name = posixpath.split(path)
    stem, suffix = posixpath.splitext(name)
    suffix = suffix or ".html"
    by_stem: dict[str, list[str]] = {}
    for f in sorted(site.files):
        if f.endswith(suffix):
            by_stem.setdefault(posixpath.basename(f)[: -len(suffix)], []).append(f)
    near = difflib.get_close_matches(stem, sorted(by_stem), n=3, cutoff=0.6)
    files = [f for n in near for f in by_stem[n]]
    files = [f for f in files if posixpath.dirname(f) == folder] or files
    return "did you mean " + ", ".join(f"'{f}'" for f in files[:3]) + "?" if files else ""


def external_resources(site: Site) -> list[Problem]:
    """external-resource: anything the browser fetches from outside the site."""
    return [site.finding(error, path, number, "external-resource",
                         f"'{ref.url}' ({ref.source}) is loaded from outside the site",
                         "keep a copy under docs/assets/ and link to it relatively")
            for path in site.targets for number, ref, target in site.resolved(path)
            if ref.kind == LOAD and _leaves_site(ref, target)]


def _leaves_site(ref: Ref, target: Target) -> bool:
    if target.where == EXTERNAL:
        return True
    return target.where == OTHER and urlsplit(ref.url.strip()).scheme not in SAFE_SCHEMES


def unreachable_pages(site: Site) -> list[Problem]:
    """page-unreachable: pages no chain of links reaches from the home page."""
    if not site.pages:
        return []
    if HOME not in site.pages:
        return [error(site.label, 1, "home-missing", f"the site has no {HOME} at its root",
                      "build the site from a docs folder with index.md (or README.md)")]
    reached, queue = {HOME}, [HOME]
    while queue:
        for _, ref, target in site.resolved(queue.pop()):
            if ref.kind != META and target.path in site.pages and target.path not in reached:
                reached.add(target.path)
                queue.append(target.path)
    return [warning(site.display(path), 1, "page-unreachable", "no chain of links from the home page reaches this page",
                    "link to it from a page that is reachable, or add it to 'nav' in mkdocs.yml")
            for path in sorted(site.pages) if path not in reached and path not in EXEMPT_FROM_REACH]


# --- external hyperlinks ------------------------------------------------------------------

class Place(NamedTuple):
    """Where an external link is written, for a finding."""

    path: str    # the page
    number: int  # the URL's number in the page
    ref: Ref


def external_links(site: Site) -> dict[str, list[Place]]:
    """Every http(s) hyperlink (<a href>) that leaves the site: URL without fragment -> its places."""
    found: dict[str, list[Place]] = {}
    for path in site.pages:
        for number, ref, target in site.resolved(path):
            if ref.kind == LINK and target.where == EXTERNAL:
                url = ref.url.strip().split("#", 1)[0]
                found.setdefault("https:" + url if url.startswith("//") else url, []).append(Place(path, number, ref))
    return found
