"""The bibliography: one CSL-YAML file (`docs/_data/bibliography.yaml`).

CSL-YAML is what Zotero exports and Pandoc reads. We format it ourselves in one
author-year style because citeproc-py needs CSL style files and an XML stack for
what is, here, a few dozen lines of formatting.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .frontmatter import load_data
from .problems import Problem, error, shown_path

BIBLIOGRAPHY = "_data/bibliography.yaml"
# A person written `- literal: et al.` stands for co-authors whose names are not verified.
ET_AL = "et al."
_ID = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")


@dataclass(eq=False)
class Reference:
    id: str
    data: dict
    line: int

    @property
    def people(self) -> list[dict]:
        return self.data.get("author") or self.data.get("editor") or []

    @property
    def year(self) -> str:
        parts = (self.data.get("issued") or {}).get("date-parts") or [[""]]
        return str(parts[0][0]) if parts and parts[0] else ""

    def label(self) -> str:
        """'Heimann, 1950', 'Miller and Rice, 1967', 'Maben et al., 2018'."""
        names = [p.get("family") or p.get("literal", "") for p in self.people]
        if len(names) > 1 and names[-1] == ET_AL:
            return f"{names[0]} et al., {self.year}"
        if len(names) == 1:
            who = names[0]
        elif len(names) == 2:
            who = f"{names[0]} and {names[1]}"
        else:
            who = f"{names[0]} et al."
        return f"{who}, {self.year}"

    def sort_key(self) -> tuple:
        names = tuple((p.get("family") or p.get("literal", "")).lower() for p in self.people)
        return names, self.year, str(self.data.get("title", "")).lower()

    @functools.cached_property
    def title_html(self) -> str:
        """The title as the full entry shows it: in italics for a book or report (with its
        edition), plain for an article or chapter. A glossary entry's sources show this
        beside the author and year; the full entry is on the references page."""
        d = self.data
        title = _text(str(d["title"]).strip().rstrip("."))
        if d.get("type") in ("book", "report") and not str(d.get("container-title", "")).strip():
            edition = f", {_text(str(d['edition']))} edn" if d.get("edition") else ""
            return f"<em>{title}</em>{edition}"
        return title

    @functools.cached_property
    def html(self) -> str:
        """The entry in the site's author-year style, as inline HTML, made once: for the
        references page and for each glossary entry that lists the work among its sources.

        Name, I. (Year). Title. <em>Container</em>, volume(issue), pages. Publisher. Link."""
        d = self.data
        editors = not d.get("author") and d.get("editor")
        who = _people(self.people) + (" (eds)" if editors and len(self.people) > 1 else " (ed.)" if editors else "")
        container = _text(str(d.get("container-title", "")).strip())
        parts = [f"{_text(who)} ({_text(self.year)}).", f"{self.title_html}."]
        if container and d.get("type") == "chapter":
            number = f"Chapter {_text(str(d['chapter-number']))} in " if d.get("chapter-number") else "In "
            parts.append(f"{number}<em>{container}</em>.")
        elif container:
            volume = str(d.get("volume", "")) + (f"({d['issue']})" if d.get("issue") else "")
            pages = str(d.get("page", "")).replace("-", "\u2013")
            parts.append(", ".join([f"<em>{container}</em>"] + [_text(b) for b in (volume, pages) if b]) + ".")
        publisher = ": ".join(str(x) for x in (d.get("publisher-place"), d.get("publisher")) if x)
        if publisher:
            parts.append(f"{_text(publisher)}.")
        link = f"https://doi.org/{d['DOI']}" if d.get("DOI") else d.get("URL")
        if link:
            parts.append(f'<a href="{html.escape(link)}">{_text(link)}</a>')
        return " ".join(parts)


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s.]+", given.strip()) if part)


def _person(person: dict) -> str:
    if person.get("literal"):
        return person["literal"]
    given = _initials(person.get("given", ""))
    return f"{person['family']}, {given}" if given else person["family"]


def _people(people: list[dict]) -> str:
    names = [_person(p) for p in people]
    if len(names) > 1 and names[-1] == ET_AL:
        return ", ".join(names[:-1]) + " " + ET_AL
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def load(docs_dir: Path, rel_root: Path) -> tuple[dict[str, Reference], list[Problem]]:
    path = docs_dir / BIBLIOGRAPHY
    rel = shown_path(path, rel_root)
    if not path.is_file():
        return {}, []
    hint = "check the indentation; quote titles that contain ':'"
    root, data, problems = load_data(path, rel, "the bibliography", hint)
    if problems:
        return {}, problems
    items, nodes = _entries(data, root)
    if items is None:
        return {}, [error(rel, 1, "bib-shape", "the bibliography must be a list under 'references:'",
                          "start the file with 'references:' and list one '- id: ...' per work")]
    refs: dict[str, Reference] = {}
    for item, node in zip(items, nodes):
        line = node.start_mark.line + 1
        problems += _check(item, rel, line)
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            if item["id"] in refs:
                problems.append(error(rel, line, "bib-duplicate", f"the id '{item['id']}' is used twice",
                                      "give each work its own id"))
            refs.setdefault(item["id"], Reference(item["id"], item, line))
    return refs, problems


def _entries(data, root):
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        node = next(v for k, v in root.value if k.value == "references")
        return data["references"], node.value
    if isinstance(data, list):
        return data, root.value
    return None, None


def _check(item, rel: str, line: int) -> list[Problem]:
    if not isinstance(item, dict):
        return [error(rel, line, "bib-shape", "each bibliography entry must be a set of 'key: value' fields",
                      "start each entry with '- id: ...'")]
    ident = item.get("id")
    name = f"'{ident}'" if ident else "an entry"
    problems = []
    if not isinstance(ident, str) or not _ID.match(ident):
        problems.append(error(rel, line, "bib-missing", f"{name} has no valid 'id'",
                              "add 'id: familyname-year' in lower case"))
    people = item.get("author") or item.get("editor")
    if not isinstance(people, list) or not people or not all(
            isinstance(p, dict) and (p.get("family") or p.get("literal")) for p in people):
        problems.append(error(rel, line, "bib-missing", f"{name} has no author or editor with a family name",
                              "add 'author:' (or 'editor:') with '- family: ...' and 'given: ...'"))
    issued = item.get("issued")
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]
            and str(parts[0][0]).isdigit()):
        problems.append(error(rel, line, "bib-missing", f"{name} has no year",
                              "add 'issued: {date-parts: [[YYYY]]}'"))
    if not isinstance(item.get("title"), str) or not item["title"].strip():
        problems.append(error(rel, line, "bib-missing", f"{name} has no title", "add 'title: ...'"))
    return problems
