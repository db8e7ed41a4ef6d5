"""Front matter of ordinary pages: title, description, tags and review dates."""
from __future__ import annotations

from . import dates
from .frontmatter import Document
from .problems import Problem, did_you_mean, error

REQUIRED = ("title", "description", "tags")
KNOWN = set(REQUIRED) | set(dates.REVIEW_KEYS) | {"hide", "search", "template", "status", "print_pages"}
MAX_PRINT_PAGES = 2


def check(doc: Document, today=None) -> list[Problem]:
    problems: list[Problem] = []
    for key in REQUIRED:
        value = doc.meta.get(key)
        if value in (None, "", []):
            problems.append(error(doc.path, 1, "meta-missing", f"front matter has no '{key}'",
                                  f"add '{key}:' (see docs/about/contributing.md)"))
        elif key == "tags" and not (isinstance(value, list) and all(isinstance(t, str) for t in value)):
            problems.append(error(doc.path, doc.line_of(key), "meta-type", "'tags' should be a list, e.g. [participant]",
                                  "write 'tags: [participant]'"))
        elif key != "tags" and not isinstance(value, str):
            problems.append(error(doc.path, doc.line_of(key), "meta-type", f"'{key}' should be text",
                                  f"write '{key}:' followed by plain text"))
    for key in doc.meta:
        if key not in KNOWN:
            problems.append(error(doc.path, doc.line_of(key), "meta-unknown", f"unknown front-matter field '{key}'",
                                  did_you_mean(str(key), KNOWN) or "remove it, or see docs/about/contributing.md"))
    if "print_pages" in doc.meta and doc.meta["print_pages"] not in range(1, MAX_PRINT_PAGES + 1):
        problems.append(error(doc.path, doc.line_of("print_pages"), "meta-type",
                              f"'print_pages' is {doc.meta['print_pages']!r}; a handout fits 1 or 2 A4 pages",
                              "write 'print_pages: 1' (or 2 at most)"))
    return problems + dates.check_review_dates(doc, today)
