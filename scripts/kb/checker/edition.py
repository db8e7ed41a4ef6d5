"""Rules on an organisation's edition (`check.py --edition FILE`): its local pages and its settings.

The local pages are checked by the same per-file rules as the pages under docs/
(`sources.check_file`: front matter, review dates, [[term]] and [@id], fictional
examples, personal data, absolute promises), against the product's glossary and
bibliography, and their findings name the file in the edition's folder. The edition
file is checked too: its settings (edition-invalid) and its text, which holds the
support contacts, for personal data and absolute promises. The personal-data
allow-list is the product's with the edition's own (`<pages>/_data/allowlist.yaml`)
added. A local file at the path of a product file is edition-clash, as in the build.

The rules across files (orphan terms, uncited works) stay the product's: they are
judged on docs/ alone, so an edition never changes what the product's check says.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import editions, model, syntax
from ..problems import Problem
from . import CheckError, personaldata, promises, sources


def check(edition_file: Path, docs_dir: Path, root: Path, today: dt.date) -> list[Problem]:
    """Every rule on the edition; paths in findings are relative to `root`."""
    try:
        edition, problems = editions.load_file(edition_file, root)
    except (OSError, ValueError) as exc:
        raise CheckError(f"the edition file '{edition_file}' cannot be read: {exc}") from None
    if edition is None:
        return problems
    docs_dir = docs_dir.resolve()
    allow, _ = personaldata.load_allowlist(docs_dir, "")  # its own mistakes are the sources' findings
    own, found = personaldata.load_allowlist(edition.pages, edition.label_of(edition.pages / personaldata.ALLOWLIST))
    problems += found
    allow = personaldata.AllowList(**{k: getattr(allow, k) | getattr(own, k) for k in personaldata.KEYS})
    phrases, _ = promises.load(docs_dir, "")
    problems += editions.clashes(edition, editions.product_files(docs_dir))
    content = model.load(docs_dir, root)
    clashing = {p.path for p in problems if p.code == "edition-clash"}
    for uri, path in edition.files():
        if uri.endswith(".md") and edition.label_of(path) not in clashing:
            problems += sources.check_file(path, edition.pages, root, content, today, allow, phrases, False).problems
    try:
        lines = syntax.prose(edition.file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise CheckError(f"the edition file '{edition_file}' is not valid UTF-8 ({exc.reason})") from None
    problems += personaldata.find(lines, edition.label, allow)
    problems += promises.find(lines, edition.label, phrases)
    return problems
