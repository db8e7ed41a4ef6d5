"""Review dates: read from front matter, shown to readers, and when a review is overdue.

Their presence, form and order are checked with the rest of the front matter
(`kb.schema`).
"""
from __future__ import annotations

import datetime as dt
import functools

from .frontmatter import Document
from .problems import Problem, warning


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


def overdue(doc: Document, due: dt.date | None, today: dt.date | None) -> list[Problem]:
    """review-overdue: the review fell due before `today` (never without a `today`)."""
    if today and due and due < today:
        return [warning(doc.path, doc.line_of("review_due"), "review-overdue", f"the review was due on {due}",
                        "review the page, then update both dates")]
    return []


@functools.lru_cache(maxsize=64)  # every page shows two dates, and a site has a few dozen
def display(value) -> str:
    """26 November 2026."""
    date = as_date(value)
    return f"{date.day} {date:%B %Y}" if date else ""
