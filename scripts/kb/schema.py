"""Front matter declared once: one field table for pages, one for glossary entries.

Each table says what a field is called, what type it holds, whether it is required
and which values it may take, in the spirit of MkDocs' `config_options` and Material's
blog `PostConfig`; `validate` reads a document against a table and is the only place
that reports meta-missing, meta-type, meta-unknown, tag-unknown and the date-* problems,
so that pages and glossary entries cannot drift apart.

MkDocs' own `config_options` (on which `PostConfig` is built) are not used directly:
they validate a plain mapping and report "key: message" with no position, while a
finding here must name the file, the line and the column, carry the checker's codes
and offer a fix.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass

from . import dates
from .frontmatter import Document
from .problems import Problem, did_you_mean, error

AUDIENCES = ("participant", "facilitator", "manager", "everyone")
CONTRIBUTING = "see docs/about/contributing.md"


@dataclass(frozen=True)
class Kind:
    """A type of value, and how to tell an author what to write instead."""

    should: str                     # "'{name}' should be <should>"
    write: str                      # the fix, with {name} and {example}
    accepts: Callable[[object], bool]


TEXT = Kind("text", "'{name}:' followed by plain text", lambda v: isinstance(v, str))
LIST = Kind("a list, e.g. [{example}]", "'{name}: [{example}]'",
            lambda v: isinstance(v, list) and all(isinstance(item, str) for item in v))
MAPPING = Kind("indented 'key: value' lines", "'{name}:' with indented 'key: value' lines below it",
               lambda v: isinstance(v, dict))
NUMBER = Kind("a whole number", "'{name}: {example}'", lambda v: isinstance(v, int) and not isinstance(v, bool))
DATE = Kind("a date", "it as YYYY-MM-DD, e.g. 2026-11-26", lambda v: dates.as_date(v) is not None)  # date-*, not meta-*


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    allowed: Collection | None = None  # the values it may take (each item, for a list)
    blank: bool = False                # may it be '' or []? Otherwise a blank value counts as missing
    example: str = "a, b"


PAGE = (
    Field("title", TEXT, required=True),
    Field("description", TEXT, required=True),
    Field("tags", LIST, required=True, allowed=AUDIENCES, example="participant"),
    Field("reviewed", DATE, required=True),
    Field("review_due", DATE, required=True),
    Field("hide", LIST, example="navigation, toc"),        # Material hides these parts of the page
    Field("search", MAPPING),                              # Material: boost, exclude
    Field("template", TEXT),
    Field("status", TEXT),
    Field("print_pages", NUMBER, allowed=(1, 2), example="1"),  # a handout's length in A4 pages
    Field("keywords", LIST, blank=True),  # search only: words people use for what the page answers
)

ENTRY = (
    Field("term", TEXT, required=True),
    Field("summary", TEXT, required=True, blank=True),     # an empty one is summary-empty (kb.glossary)
    Field("aliases", LIST, required=True, blank=True),     # true synonyms: shown, linkable, in the A–Z
    Field("keywords", LIST, blank=True),                   # search only: acronyms of instruments, lay words
    Field("related", LIST, required=True, blank=True),     # too few is related-few (kb.glossary)
    Field("sources", LIST, required=True, blank=True),     # none is source-none (kb.glossary)
    Field("tags", LIST, required=True, allowed=AUDIENCES, example="participant"),
    Field("reviewed", DATE, required=True),
    Field("review_due", DATE, required=True),
    Field("search", MAPPING),
    Field("hide", LIST, example="navigation, toc"),
)


def validate(doc: Document, fields: tuple[Field, ...], today: dt.date | None = None) -> tuple[dict, list[Problem]]:
    """(the fields whose type is right, the problems) for `doc`'s front matter.

    Dates come back as `datetime.date`. A value outside `allowed` is reported but kept,
    so that one wrong tag does not hide a whole glossary entry. With `today`, a review
    that fell due before it is a warning.
    """
    table = {f.name: f for f in fields}
    problems = [_unknown(doc, str(key), table) for key in doc.meta if key not in table]
    values = {}
    for f in fields:
        value = doc.meta.get(f.name)
        if value is None or (_is_blank(value) and not f.blank):
            if f.required:
                problems.append(_missing(doc, f))
        elif not f.kind.accepts(value):
            problems.append(_mistyped(doc, f, value))
        else:
            values[f.name] = dates.as_date(value) if f.kind is DATE else value
            items = value if isinstance(value, list) else [value]
            problems += [_not_allowed(doc, f, item) for item in items if f.allowed and item not in f.allowed]
    problems += _review_dates(doc, values, today)
    return values, problems


def _is_blank(value) -> bool:
    return value == [] or (isinstance(value, str) and not value.strip())


def _unknown(doc: Document, key: str, table: dict[str, Field]) -> Problem:
    return error(doc.path, doc.line_of(key), "meta-unknown", f"unknown front-matter field '{key}'",
                 did_you_mean(key, set(table)) or f"remove it, or {CONTRIBUTING}")


def _missing(doc: Document, f: Field) -> Problem:
    if f.kind is DATE:
        return error(doc.path, doc.line_of(f.name), "meta-missing", f"front matter has no '{f.name}' date",
                     f"add '{f.name}: YYYY-MM-DD'")
    return error(doc.path, doc.line_of(f.name), "meta-missing", f"front matter has no '{f.name}'",
                 f"add '{f.name}:' ({CONTRIBUTING})")


def _mistyped(doc: Document, f: Field, value) -> Problem:
    if f.kind is DATE:
        return error(doc.path, doc.line_of(f.name), "date-invalid", f"'{f.name}' is not a date: {value!r}",
                     f"write {DATE.write}")
    should, write = f.kind.should.format(example=f.example), f.kind.write.format(name=f.name, example=f.example)
    return error(doc.path, doc.line_of(f.name), "meta-type", f"'{f.name}' should be {should}", f"write {write}")


def _not_allowed(doc: Document, f: Field, value) -> Problem:
    """tag-unknown for a tag (the only list with allowed values); meta-type for a single value."""
    choices = ", ".join(sorted(map(str, f.allowed)))
    if f.name == "tags":
        return error(doc.path, doc.line_of(f.name), "tag-unknown", f"unknown audience tag '{value}'",
                     did_you_mean(str(value), set(f.allowed)) or f"use one of {choices}")
    return error(doc.path, doc.line_of(f.name), "meta-type", f"'{f.name}' is {value!r}; it should be one of {choices}",
                 f"write '{f.name}: {f.example}'")


def _review_dates(doc: Document, values: dict, today: dt.date | None) -> list[Problem]:
    """date-order across the two review dates; review-overdue when `today` is given."""
    reviewed, due = values.get("reviewed"), values.get("review_due")
    problems = dates.overdue(doc, due, today)
    if reviewed and due and due <= reviewed:
        problems.append(error(doc.path, doc.line_of("review_due"), "date-order",
                              f"'review_due' ({due}) is not after 'reviewed' ({reviewed})",
                              "set the next review after the last one, usually a year later"))
    return problems
