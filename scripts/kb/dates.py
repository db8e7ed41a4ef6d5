"""Review dates: both present, real dates, in the right order."""
from __future__ import annotations

import datetime as dt

from .frontmatter import Document
from .problems import Problem, error, warning

REVIEW_KEYS = ("reviewed", "review_due")


def as_date(value) -> dt.date | None:
    """A date from YAML (already a date) or from an ISO string; None if neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def check_review_dates(doc: Document, today: dt.date | None = None) -> list[Problem]:
    """Problems with `reviewed` and `review_due`; overdue only when `today` is given."""
    problems: list[Problem] = []
    dates = {}
    for key in REVIEW_KEYS:
        if key not in doc.meta:
            problems.append(error(doc.path, 1, "meta-missing", f"front matter has no '{key}' date",
                                  f"add '{key}: YYYY-MM-DD'"))
            continue
        value = as_date(doc.meta[key])
        if value is None:
            problems.append(error(doc.path, doc.line_of(key), "date-invalid",
                                  f"'{key}' is not a date: {doc.meta[key]!r}", "write it as YYYY-MM-DD, e.g. 2026-11-26"))
        dates[key] = value
    reviewed, due = dates.get("reviewed"), dates.get("review_due")
    if reviewed and due and due <= reviewed:
        problems.append(error(doc.path, doc.line_of("review_due"), "date-order",
                              f"'review_due' ({due}) is not after 'reviewed' ({reviewed})",
                              "set the next review after the last one, usually a year later"))
    if today and due and due < today:
        problems.append(warning(doc.path, doc.line_of("review_due"), "review-overdue",
                                f"the review was due on {due}", "review the page, then update both dates"))
    return problems


def display(value) -> str:
    """26 November 2026."""
    date = as_date(value)
    return f"{date.day} {date:%B %Y}" if date else ""
