"""Glossary entries: `docs/glossary/<slug>.md`, read as terms, and the rules only the glossary has.

Their front matter is checked against `kb.schema.ENTRY`, as pages are against `PAGE`.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .frontmatter import Document, read
from .problems import Problem, did_you_mean, error, shown_path

GLOSSARY_DIR = "glossary"
INDEX_NAME = "index.md"
SUMMARY_MAX_WORDS = 35  # "at most about 30 words": 30 is the aim, 35 the hard stop
_QUALIFIER = re.compile(r"\s*\([^()]*\)$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Term:
    slug: str
    term: str
    summary: str
    aliases: list[str]
    related: list[str]
    sources: list[str]
    tags: list[str]
    reviewed: dt.date | None
    review_due: dt.date | None
    doc: Document = field(repr=False)
    # Words a reader may search with that are not names of the concept (an instrument's
    # acronym, a related scheme, a lay phrase): searched, never shown or linked.
    keywords: list[str] = field(default_factory=list)

    @property
    def src_uri(self) -> str:
        return f"{GLOSSARY_DIR}/{self.slug}.md"

    @functools.cached_property
    def running_name(self) -> str:
        """The name as it reads mid-sentence: 'Frame (setting)' -> 'frame'.

        The qualifier in brackets goes and the first letter is lowered, unless the
        name is a proper name: an abbreviation ('PIE'), capitals further on ('Schwartz
        Rounds'), or a name the entry itself capitalises mid-sentence ('a Balint group')."""
        name = _QUALIFIER.sub("", self.term)
        words = name.split()
        proper = (any(c.isupper() for c in words[0][1:]) or any(w[:1].isupper() for w in words[1:])
                  or self._capitalised_mid_sentence(name))
        return name if proper else name[:1].lower() + name[1:]

    def _capitalised_mid_sentence(self, name: str) -> bool:
        """Does the entry write `name`, as spelt, mid-sentence (after a lower-case letter, comma or semicolon)?"""
        if " " + name not in self.doc.body:
            return False  # most entries: no need to compile the pattern, which costs more than the search
        return re.search(rf"[a-z,;] {re.escape(name)}\b(?! [A-Z])", self.doc.body) is not None

    @property
    def names(self) -> list[str]:
        """Every name the term answers to: slug, display name, aliases."""
        return [self.slug, self.term, *self.aliases]


def normalise(name: str) -> str:
    """The key a name is looked up by: case, dashes and spacing folded."""
    name = name.replace("\u2013", "-").replace("\u2014", "-").replace("\u2011", "-")
    return " ".join(name.lower().split())  # split(): runs of white space, as the regex \s+


class Glossary:
    """All terms, and every name they can be looked up by."""

    def __init__(self, terms: list[Term]):
        self.terms = {t.slug: t for t in terms}
        self.by_name: dict[str, Term] = {}
        for t in terms:
            for name in t.names:
                self.by_name.setdefault(normalise(name), t)

    def lookup(self, name: str) -> Term | None:
        return self.by_name.get(normalise(name))

    def sorted(self) -> list[Term]:
        return sorted(self.terms.values(), key=lambda t: normalise(t.term))

    def __len__(self) -> int:
        return len(self.terms)


def entry_paths(docs_dir: Path) -> list[Path]:
    folder = docs_dir / GLOSSARY_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if p.name != INDEX_NAME)


def load(docs_dir: Path, rel_root: Path) -> tuple[list[Term], list[Problem]]:
    """Read and check every entry on its own; cross-entry rules come in `check_links`."""
    terms, problems = [], []
    for path in entry_paths(docs_dir):
        rel = shown_path(path, rel_root)
        doc = read(path, rel)
        problems += doc.problems
        if doc.problems:
            continue
        term, found = _term_from(doc, path.stem)
        problems += found
        if term:
            terms.append(term)
    return terms, problems


def _term_from(doc: Document, slug: str) -> tuple[Term | None, list[Problem]]:
    """The entry as a term, checked against `schema.ENTRY`, then the glossary's own rules.

    No term when a field it is made of is missing or mistyped."""
    meta, problems = schema.validate(doc, schema.ENTRY)
    if not _SLUG.match(slug):
        problems.append(error(doc.path, 1, "slug-invalid", f"'{slug}' is not a valid glossary file name",
                              "use lower-case words joined by hyphens, e.g. holding-environment.md"))
    if "summary" in meta:
        problems += _summary_problems(doc, meta["summary"])
    if not all(key in meta for key in ("term", "summary", "aliases", "related", "sources", "tags")):
        return None, problems
    term = Term(slug=slug, term=meta["term"].strip(), summary=" ".join(meta["summary"].split()),
                aliases=[a.strip() for a in meta["aliases"]], related=list(meta["related"]),
                sources=list(meta["sources"]), tags=list(meta["tags"]),
                reviewed=meta.get("reviewed"), review_due=meta.get("review_due"), doc=doc,
                keywords=[k.strip() for k in meta.get("keywords", [])])
    return term, problems


def _summary_problems(doc: Document, summary: str) -> list[Problem]:
    words = len(summary.split())
    if words > SUMMARY_MAX_WORDS:
        return [error(doc.path, doc.line_of("summary"), "summary-long",
                      f"the summary has {words} words; the limit is {SUMMARY_MAX_WORDS}",
                      "shorten it to one plain sentence of about 30 words")]
    if not summary.strip():
        return [error(doc.path, doc.line_of("summary"), "summary-empty", "the summary is empty",
                      "write one plain sentence defining the term")]
    return []


def check_links(terms: list[Term], reference_ids: set[str], slugs: set[str]) -> list[Problem]:
    """Rules across entries: related terms, sources, and unique names.

    `slugs` names every entry file, loaded or not, so that one broken entry does
    not make every link to it an error too.
    """
    problems: list[Problem] = []
    owner: dict[str, Term] = {}
    for t in terms:
        for name in [t.term, t.slug]:
            owner.setdefault(normalise(name), t)
    for t in terms:
        line = t.doc.line_of("related")
        for slug in t.related:
            if slug == t.slug:
                problems.append(error(t.doc.path, line, "related-self", f"'{t.slug}' lists itself as a related term",
                                      "remove it from 'related'"))
            elif slug not in slugs:
                problems.append(error(t.doc.path, line, "related-unknown", f"related term '{slug}' does not exist",
                                      did_you_mean(slug, slugs) or "use the file name (slug) of an existing entry"))
        if len(set(t.related) - {t.slug}) < 2:
            problems.append(error(t.doc.path, line, "related-few", f"'{t.slug}' has fewer than two related terms",
                                  "list at least two related entries by slug"))
        for source in t.sources:
            if source not in reference_ids:
                problems.append(error(t.doc.path, t.doc.line_of("sources"), "source-unknown",
                                      f"source '{source}' is not in the bibliography",
                                      did_you_mean(source, reference_ids)
                                      or "add the work to docs/_data/bibliography.yaml"))
        if not t.sources:
            problems.append(error(t.doc.path, t.doc.line_of("sources"), "source-none", f"'{t.slug}' cites no source",
                                  "list at least one bibliography id under 'sources'"))
    seen: dict[str, Term] = {}
    for t in terms:
        for alias in t.aliases:
            key = normalise(alias)
            other = owner.get(key)
            if other is not None and other is not t:
                problems.append(error(t.doc.path, t.doc.line_of("aliases"), "alias-collision",
                                      f"alias '{alias}' is the name of another term, '{other.slug}'",
                                      "remove the alias, or link to that term instead"))
            elif key in seen and seen[key] is not t:
                problems.append(error(t.doc.path, t.doc.line_of("aliases"), "alias-duplicate",
                                      f"alias '{alias}' is also an alias of '{seen[key].slug}'",
                                      "give each alias to one term only"))
            elif key in seen:
                problems.append(error(t.doc.path, t.doc.line_of("aliases"), "alias-duplicate",
                                      f"alias '{alias}' is listed twice "
                                      "(names are compared ignoring case and dash style)",
                                      "remove the repeat"))
            seen.setdefault(key, t)
    problems += _keyword_collisions(terms)
    return problems


def _keyword_collisions(terms: list[Term]) -> list[Problem]:
    """keyword-collision: a search keyword that is also a name (slug, term or alias) of any
    entry. A name links and shows as "Also called"; a keyword must not, or the two lists blur."""
    names = {normalise(name): t for t in terms for name in t.names}
    problems = []
    for t in terms:
        for keyword in t.keywords:
            other = names.get(normalise(keyword))
            if other is None:
                continue
            whose = "one of its own names" if other is t else f"a name of '{other.slug}'"
            problems.append(error(t.doc.path, t.doc.line_of("keywords"), "keyword-collision",
                                  f"keyword '{keyword}' is {whose}",
                                  "remove it from 'keywords': names are already searched"))
    return problems
