"""An organisation's edition: its name, contacts, logo and local pages, kept apart from the product.

An edition is a MkDocs configuration file of the organisation's own that inherits the
product's `mkdocs.yml` (`INHERIT:`) and overrides what is local: `site_name`,
`site_url`, `extra.organisation`, `extra.support_contacts`, `theme.logo`,
`theme.favicon`, `theme.palette`. One block under `extra:` is read by the hooks:

    extra:
      edition:
        name: northmoor     # lower-case words joined by hyphens; the bundle's file name carries it
        pages: pages        # the folder of local pages and files, relative to the edition file
        nav:                # optional: the order of the local pages in the nav (the rest follow
          - at-northmoor/groups.md    #   in alphabetical order, an index.md first)

Every file in that folder (pages, images) is added to the site at its path inside the
folder, as the generated A–Z is added: `pages/at-northmoor/groups.md` becomes
`at-northmoor/groups.html`. Folders starting with '_' or '.' hold data, not pages (the
edition's own `_data/allowlist.yaml` for the personal-data rules). The Markdown pages
are listed under one nav section, "At <organisation>", appended to the nav, and are
built and checked like every other page. A local file whose path is also a product
file stops the build (`edition-clash`): an edition adds to the product, never replaces it.

A support contact may name a page (`page: at-northmoor/facilitators.md`): the contacts
block (overrides/partials/kb-local-contacts.html) then links to it by its title.

MkDocs resolves `docs_dir`, `theme.custom_dir` and `hooks` against the file it was given,
not the file it inherits, so an edition names those three relative to itself; the hooks
resolve the rest (the snippets' base path, the paths in findings) from the product's own
location, this file's.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import frontmatter
from .generated import AZ_PAGE, REFERENCES_PAGE
from .problems import Problem, error, shown_path

PRODUCT_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the product's mkdocs.yml
KEY = "edition"  # extra.edition
INDEX = "index.md"
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SETTINGS = ("name", "pages", "nav")
HINT = "see 'Publishing' in README.md for the edition block: extra: edition: {name: ..., pages: ...}"


@dataclass(frozen=True)
class Edition:
    name: str                  # 'northmoor'
    file: Path                 # the edition's configuration file
    label: str                 # how findings name that file
    pages: Path                # its folder of local pages and files
    organisation: str
    root: Path                 # paths in findings are relative to this
    order: tuple[str, ...] = ()  # local pages named first in the nav, in this order

    def label_of(self, path: Path) -> str:
        return shown_path(path, self.root)

    def files(self) -> list[tuple[str, Path]]:
        """(src_uri, path) of every local file, sorted; data folders ('_', '.') left out."""
        found = []
        for path in sorted(self.pages.rglob("*")):
            parts = path.relative_to(self.pages).parts
            if path.is_file() and not any(part[0] in "_." for part in parts):
                found.append(("/".join(parts), path))
        return found

    def nav_pages(self) -> list[str]:
        """The local pages in nav order: those named in `nav`, then an index, then the rest by path."""
        pages = [uri for uri, _ in self.files() if uri.endswith(".md")]
        rest = sorted((p for p in pages if p not in self.order), key=lambda p: (Path(p).name != INDEX, p))
        return [*self.order, *rest]

    @property
    def section(self) -> str:
        return f"At {self.organisation}"


# --- reading the settings ---------------------------------------------------------------

def from_settings(extra: Mapping, config_file: str | Path | None, root: Path) -> tuple[Edition | None, list[Problem]]:
    """The edition named by `extra.edition`, or None when there is none; mistakes in it are problems.

    `config_file` is the edition file (the one MkDocs was given); paths in problems are
    relative to `root`."""
    block = (extra or {}).get(KEY)
    if block is None or config_file is None:
        return None, []
    file = Path(config_file).resolve()
    label = shown_path(file, root)
    text = file.read_text(encoding="utf-8") if file.is_file() else ""

    def problem(key: str, message: str, hint: str = HINT) -> Problem:
        return error(label, _line_of(text, key), "edition-invalid", message, hint)

    if not isinstance(block, Mapping):
        return None, [problem(KEY, "'extra.edition' must be indented 'key: value' lines (name, pages)")]
    problems = [problem(str(key), f"unknown setting '{key}' in 'extra.edition'") for key in block
                if key not in _SETTINGS]
    name = block.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        problems.append(problem("name", f"the edition's name {name!r} is not lower-case words joined by hyphens",
                                "write e.g. 'name: northmoor'; the bundle's file name carries it"))
    pages = block.get("pages")
    folder = file.parent / pages if isinstance(pages, str) and pages.strip() else None
    if folder is None:
        problems.append(problem("pages", "'extra.edition' does not name the folder of local pages",
                                "write e.g. 'pages: pages', a folder beside the edition file"))
    elif not folder.is_dir():
        problems.append(problem("pages", f"the folder of local pages '{pages}' does not exist "
                                         f"(looked for {shown_path(folder.resolve(), root)})",
                                "create it, or correct 'pages:' (it is relative to the edition file)"))
    order = block.get("nav") or []
    if not isinstance(order, list) or not all(isinstance(p, str) for p in order):
        problems.append(problem("nav", "'nav' in 'extra.edition' must be a list of local pages",
                                "write e.g. 'nav: [at-northmoor/groups.md]'"))
        order = []
    organisation = extra.get("organisation")
    if not isinstance(organisation, str) or not organisation.strip():
        problems.append(problem("organisation", "an edition must set 'extra.organisation' (the nav section is "
                                                "named after it)", "write e.g. 'organisation: Northmoor NHS Trust'"))
    if problems:
        return None, problems
    edition = Edition(name, file, label, folder.resolve(), organisation.strip(), Path(root), tuple(order))
    known = {uri for uri, _ in edition.files()}
    problems = [problem("nav", f"'nav' in 'extra.edition' names '{p}', which is not a page in '{pages}'",
                        "write each page's path inside the folder of local pages") for p in order if p not in known]
    return (None if problems else edition), problems


def load_file(path: Path, root: Path) -> tuple[Edition | None, list[Problem]]:
    """Read an edition file as MkDocs does (its INHERIT merged in); raises OSError or ValueError
    (with a one-line message) when it cannot be read at all."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(path, "rb") as fd:
            data = yaml_load(fd)
    except ConfigurationError as exc:
        raise ValueError(str(exc).splitlines()[0]) from None
    if not isinstance(data, dict) or not isinstance(data.get("extra", {}), dict):
        raise ValueError(f"'{path}' is not a MkDocs configuration file")
    edition, problems = from_settings(data.get("extra") or {}, path, root)
    if edition is None and not problems:
        raise ValueError(f"'{path}' has no 'extra: edition:' block, so it names no local pages")
    return edition, problems


def _line_of(text: str, key: str) -> int:
    """The line of `key:` in the edition block (else of 'edition:', else 1)."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if re.match(rf"\s*{KEY}:", line)), None)
    if key != KEY and start is not None:
        for n in range(start + 1, len(lines)):
            if re.match(rf"\s*{re.escape(key)}:", lines[n]):
                return n + 1
    if key == "organisation":
        return next((n + 1 for n, line in enumerate(lines) if re.match(r"\s*extra:", line)), 1)
    return start + 1 if start is not None else 1


def clashes(edition: Edition, product: set[str]) -> list[Problem]:
    """edition-clash: a local file at the path of a product file."""
    return [error(edition.label_of(path), 1, "edition-clash",
                  f"the local {'page' if uri.endswith('.md') else 'file'} '{uri}' has the same path as a product "
                  "file; an edition adds pages, it cannot replace one",
                  f"move it into a folder of the edition's own, such as 'at-{edition.name}/'")
            for uri, path in edition.files() if uri in product]


def product_files(docs_dir: Path) -> set[str]:
    """The site paths of the product: every file under docs/ (data folders left out) and the generated pages."""
    found = {AZ_PAGE, REFERENCES_PAGE}
    for path in docs_dir.rglob("*"):
        parts = path.relative_to(docs_dir).parts
        if path.is_file() and not any(part[0] in "_." for part in parts):
            found.add("/".join(parts))
    return found


# --- the build (called from kb.build) ----------------------------------------------------

def root(config) -> Path:
    """Where the paths in findings start: the product's folder for an edition (its pages are
    shown as editions/<name>/pages/...), else the folder of the configuration file."""
    if config.extra.get(KEY) is not None:
        return PRODUCT_ROOT
    return Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()


def configure(config) -> tuple[Edition | None, list[Problem]]:
    """on_config: read the edition; append its nav section; anchor the snippets to the product."""
    edition, problems = from_settings(config.extra, config.config_file_path, PRODUCT_ROOT)
    if edition is None:
        return None, problems
    if config.nav is not None:
        config.nav.append({edition.section: edition.nav_pages()})
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets and snippets.get("base_path"):  # written relative to the product, where `make` runs
        base = snippets["base_path"]
        snippets["base_path"] = [str(PRODUCT_ROOT / p) if isinstance(p, str) else p
                                 for p in (base if isinstance(base, list) else [base])]
    return edition, problems


def add_files(edition: Edition | None, config, files) -> list[Problem]:
    """on_files: add the local files (after the product's and the generated ones), and point
    each support contact that names a page at that page. Returns the mistakes."""
    if edition is None:
        return []
    from mkdocs.structure.files import File

    problems = clashes(edition, set(files.src_uris))
    if problems:
        return problems
    for uri, _ in edition.files():
        files.append(File(uri, str(edition.pages), config.site_dir, config.use_directory_urls))
    return contact_pages(edition, config.extra, files)


def contact_pages(edition: Edition, extra: Mapping, files) -> list[Problem]:
    """Fill `url` and `link` (the page's title) on each support contact with a `page`."""
    problems = []
    text = edition.file.read_text(encoding="utf-8")
    for contact in extra.get("support_contacts") or []:
        if not isinstance(contact, dict) or not contact.get("page"):
            continue
        file = files.get_file_from_path(str(contact["page"]))
        if file is None or not file.src_uri.endswith(".md"):
            problems.append(error(edition.label, _line_of_value(text, str(contact["page"])), "edition-invalid",
                                  f"the support contact '{contact.get('service', '')}' names the page "
                                  f"'{contact['page']}', which is not a page of the site",
                                  "write the page's path as in the nav, e.g. 'at-northmoor/facilitators.md'"))
            continue
        meta = frontmatter.parse(file.content_string, file.src_uri).meta
        contact["url"] = file.url
        contact["link"] = str(meta.get("title") or file.src_uri)
    return problems


def _line_of_value(text: str, value: str) -> int:
    return next((n for n, line in enumerate(text.splitlines(), 1) if value in line and "page:" in line), 1)


def watch(server, config) -> None:
    """on_serve: rebuild when a local page or the product's mkdocs.yml changes."""
    edition, _ = from_settings(config.extra, config.config_file_path, PRODUCT_ROOT)
    if edition is not None:
        server.watch(str(edition.pages))
        server.watch(str(PRODUCT_ROOT / "mkdocs.yml"))


def bundle_name(path: Path) -> str:
    """The edition's name, for the bundle's file name."""
    edition, problems = load_file(path, Path.cwd())
    if edition is None:
        raise ValueError(problems[0].render())
    return edition.name
