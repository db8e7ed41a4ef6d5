"""Rules on the sources under docs/: the content model, the authoring syntax and the content rules.

Everything is read and parsed once, by the modules the build uses: `kb.model` for
the glossary and bibliography (and their problems), `kb.frontmatter` and
`kb.schema` for pages, `kb.syntax` for [[term]] and [@id]. The rules here add
what only a whole-site view can see (orphan terms, uncited works) and the content
rules (fictional examples, FAQ links, personal data).
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .. import dates, frontmatter, glossary, model, schema, syntax, urls
from ..bibliography import BIBLIOGRAPHY
from ..frontmatter import Document
from ..generated import REFERENCES_PAGE
from ..problems import Problem, error, shown_path, warning
from . import personaldata, promises

FAQ_DIR = "faq/"
SNIPPETS = "_snippets"  # text included into pages (pymdownx.snippets)
EXAMPLE = re.compile(r"^[ \t>]*(?:!!!|\?\?\?\+?)[ \t]+example\b(?P<rest>.*)$", re.IGNORECASE)
TITLE = re.compile(r'"(.*)"')
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")                                # [text](target "title")
REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.MULTILINE)  # [label]: target
REF_USE = re.compile(r"\[([^\]]+)\](?:\[([^\]]*)\])?(?![(:])")                    # [text][label], [label]
HTML_HREF = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
PAGE_SUFFIXES = (".md", "/", ".html")  # a link to one of these is a link to a page, not an image or a file


@dataclass
class Source:
    """One Markdown file, parsed once, with its [[term]] and [@id] expansion."""

    src_uri: str               # relative to docs/: 'about/index.md'
    doc: Document
    expansion: syntax.Expansion
    is_entry: bool             # a glossary entry (docs/glossary/<slug>.md)

    @cached_property
    def prose(self) -> list[str]:
        """The body's lines with code blanked out (the first is line `doc.body_start` of the file)."""
        return syntax.prose(self.doc.body)

    @cached_property
    def definitions(self) -> dict[str, str]:
        """Reference-style link definitions: label (lower case) -> target."""
        return {m.group(1).strip().lower(): m.group(2) for m in REF_DEF.finditer("\n".join(self.prose))}

    @cached_property
    def links(self) -> list[tuple[str, str]]:
        """(docs-relative path, fragment) for every relative link written in the body.

        [[term]] and [@id] links are not here: `expansion` lists those."""
        return links_in("\n".join(self.prose), self.src_uri, self.definitions)

    @property
    def front_matter_lines(self) -> list[str]:
        return self.doc.text.splitlines()[: self.doc.body_start - 1]


# --- reading ------------------------------------------------------------------------------

@dataclass
class FileReport:
    """One file's own findings, and the terms and works it refers to (for the rules across files)."""

    src_uri: str
    terms: set[str]             # glossary slugs it links to, with [[term]] or a link
    citations: set[str]         # bibliography ids it cites, with [@id] or a link to the references page
    problems: list[Problem]

    @property
    def in_glossary(self) -> bool:
        return self.src_uri.startswith(glossary.GLOSSARY_DIR + "/")


def check(docs_dir: Path, root: Path, today: dt.date) -> list[Problem]:
    """Every rule on the sources; paths in findings are relative to `root`."""
    docs_dir = docs_dir.resolve()
    content = model.load(docs_dir, root)
    allow, problems = personaldata.load_allowlist(docs_dir, shown_path(docs_dir / personaldata.ALLOWLIST, root))
    phrases, phrase_problems = promises.load(docs_dir, shown_path(docs_dir / promises.PROMISES, root))
    problems += phrase_problems
    problems += content.problems + overdue_entries(content, today)
    entries = set(glossary.entry_paths(docs_dir))
    reports = [check_file(path, docs_dir, root, content, today, allow, phrases, path in entries)
               for path in markdown_files(docs_dir)]
    problems += [p for r in reports for p in r.problems]
    problems += snippet_problems(docs_dir, root, allow, phrases)
    problems += orphan_terms(content, reports)
    problems += uncited_references(content, reports, shown_path(docs_dir / BIBLIOGRAPHY, root))
    return problems


def markdown_files(docs_dir: Path) -> list[Path]:
    """Every Markdown file under docs/ (folders starting with '_' or '.' hold data, not pages)."""
    return [path for path in sorted(docs_dir.rglob("*.md"))
            if not any(part[0] in "_." for part in path.relative_to(docs_dir).parts[:-1])]


def read_source(path: Path, docs_dir: Path, root: Path, content: model.Model, is_entry: bool) -> Source:
    """One file, parsed once (a loaded glossary entry is the model's), its syntax expanded."""
    src_uri = path.relative_to(docs_dir).as_posix()
    term = content.glossary.terms.get(path.stem) if is_entry else None
    doc = term.doc if term else frontmatter.read(path, shown_path(path, root))
    expansion = syntax.Expansion(markdown="")  # broken front matter: its finding says so
    if not doc.problems:
        expansion = syntax.expand(doc.body, src_uri, doc.path, content.glossary, content.references,
                                  doc.body_start - 1)
    return Source(src_uri, doc, expansion, is_entry)


def check_file(path: Path, docs_dir: Path, root: Path, content: model.Model, today: dt.date,
               allow: personaldata.AllowList, phrases: promises.PromiseList, is_entry: bool) -> FileReport:
    """Every rule on one file, and what it links to and cites for the rules across files."""
    source = read_source(path, docs_dir, root, content, is_entry)
    problems = [] if is_entry else list(source.doc.problems or schema.validate(source.doc, schema.PAGE, today)[1])
    problems += source.expansion.problems
    problems += unlabelled_examples(source)
    problems += faq_answers_without_links(source, content.glossary)
    problems += personaldata.find(source.front_matter_lines + source.prose, source.doc.path, allow)
    problems += promises.find(source.front_matter_lines + source.prose, source.doc.path, phrases)
    terms = set(source.expansion.terms) | _glossary_slugs(source.links)
    citations = set(source.expansion.citations)
    citations.update(fragment for target, fragment in source.links if target == REFERENCES_PAGE and fragment)
    return FileReport(source.src_uri, terms, citations, problems)


def snippet_problems(docs_dir: Path, root: Path, allow: personaldata.AllowList,
                     phrases: promises.PromiseList) -> list[Problem]:
    """Personal data and absolute promises in docs/_snippets/: text that lands in many pages.

    The confidentiality statement is the one place the limits are stated, so it is exempt
    from promise-absolute."""
    problems = []
    for path in sorted((docs_dir / SNIPPETS).glob("*.md")):
        if path.name == "README.md":
            continue
        rel = shown_path(path, root)
        try:
            lines = syntax.prose(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            problems.append(error(rel, 1, "file-encoding", f"the file is not valid UTF-8 ({exc.reason})",
                                  "save it as UTF-8"))
            continue
        problems += personaldata.find(lines, rel, allow)
        if path.relative_to(docs_dir).as_posix() != promises.STATEMENT:
            problems += promises.find(lines, rel, phrases)
    return problems


# --- glossary and bibliography, across all files --------------------------------------------

def orphan_terms(content: model.Model, reports: list[FileReport]) -> list[Problem]:
    """term-orphan: glossary entries no page outside docs/glossary/ links to."""
    linked = {slug for r in reports if not r.in_glossary for slug in r.terms}
    return [warning(t.doc.path, t.doc.line_of("term"), "term-orphan",
                    f"no page outside the glossary links to '{t.slug}'",
                    f"link to it with [[{t.slug}]] where the idea comes up, so readers find it")
            for slug, t in sorted(content.glossary.terms.items()) if slug not in linked]


def uncited_references(content: model.Model, reports: list[FileReport], bib_path: str) -> list[Problem]:
    """ref-uncited: works neither cited with [@id], linked, nor a glossary entry's source."""
    cited = {s for t in content.glossary.terms.values() for s in t.sources} | {c for r in reports for c in r.citations}
    return [warning(bib_path, ref.line, "ref-uncited", f"'{ref.id}' is cited nowhere",
                    f"cite it with [@{ref.id}], list it in a glossary entry's 'sources', or remove it")
            for ref_id, ref in sorted(content.references.items()) if ref_id not in cited]


def overdue_entries(content: model.Model, today: dt.date) -> list[Problem]:
    """review-overdue for glossary entries (pages get theirs from kb.schema)."""
    return [p for t in content.glossary.terms.values() for p in dates.overdue(t.doc, t.review_due, today)]


def links_in(text: str, src_uri: str, definitions: dict[str, str]) -> list[tuple[str, str]]:
    """(docs-relative path, fragment) for the inline, reference-style and HTML links in `text`."""
    hrefs = [m.group(1) for m in MD_LINK.finditer(text)]
    if "][" in text or definitions:
        uses = ((m.group(2) or m.group(1)).strip().lower() for m in REF_USE.finditer(text))
        hrefs += [definitions[label] for label in uses if label in definitions]
    if "href" in text.lower():
        hrefs += [m.group(1) for m in HTML_HREF.finditer(text)]
    found = []
    for href in hrefs:
        if not urls.is_external(href):
            path, fragment = urls.resolve(href, src_uri)
            if path is not None:
                found.append((path, fragment))
    return found


def _glossary_slugs(targets: list[tuple[str, str]]) -> set[str]:
    prefix = glossary.GLOSSARY_DIR + "/"
    return {posixpath.basename(path)[:-3] for path, _ in targets
            if path.startswith(prefix) and path.endswith(".md") and path.count("/") == 1}


# --- content rules, page by page -------------------------------------------------------------

def unlabelled_examples(source: Source) -> list[Problem]:
    """example-unlabelled: every `!!! example` / `??? example` says in its title that it is fictional."""
    problems = []
    for number, line in enumerate(source.prose, start=source.doc.body_start):
        match = EXAMPLE.match(line)
        if not match:
            continue
        title = TITLE.search(match.group("rest"))
        if title and "fictional" in title.group(1).lower():
            continue
        col = len(line) - len(line.lstrip(" \t>")) + 1
        said = f"its title is '{title.group(1)}'" if title else "it has no title"
        problems.append(error(source.doc.path, number, "example-unlabelled",
                              f"a clinical example must be labelled fictional, but {said}",
                              'write it as !!! example "Fictional composite example"', col=col))
    return problems


def faq_answers_without_links(source: Source, terms: glossary.Glossary) -> list[Problem]:
    """faq-no-link: each ## or ### question in docs/faq/ links to a page outside faq/."""
    if not source.src_uri.startswith(FAQ_DIR):
        return []
    problems = []
    for start, question, body in _sections(source.prose):
        if not any(line.strip() for line in body):
            continue  # a heading that only groups the questions below it
        if not _links_outward(body, source, terms):
            problems.append(error(source.doc.path, start + source.doc.body_start - 1, "faq-no-link",
                                  f"the answer to '{question}' links to no page outside faq/",
                                  "link to the page that answers it in full, or to a glossary term with [[term]]"))
    return problems


def _sections(lines: list[str]):
    """(line number in the body, heading text, body lines) for each ## and ### section."""
    open_section = None
    for number, line in enumerate(lines, start=1):
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) <= 3:
            if open_section:
                yield open_section
            open_section = (number, heading.group(2), []) if len(heading.group(1)) >= 2 else None
        elif open_section:
            open_section[2].append(line)
    if open_section:
        yield open_section


def _links_outward(body: list[str], source: Source, terms: glossary.Glossary) -> bool:
    text = "\n".join(body)
    if any(terms.lookup(m.group(1)) for m in syntax.TERM.finditer(text)):
        return True
    return any(path.endswith(PAGE_SUFFIXES) and not path.startswith(FAQ_DIR) and path != source.src_uri
               for path, _ in links_in(text, source.src_uri, source.definitions))
