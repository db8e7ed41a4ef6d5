"""The authoring syntax: `[[term]]`, `[[term|text]]`, `[@id]` and `[@id1; @id2]`.

Expanded into ordinary Markdown links before Markdown runs, so that MkDocs checks
and rewrites them like any other link. Python-Markdown has no hook that runs before
its block parser and still knows which text is code, so this module skips fenced
code and inline code spans itself, line by line.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from .problems import Problem, did_you_mean, error

TERM = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")
CITE = re.compile(r"\[(@[^\[\]\n]*?)\](?!\()")
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:.*?[^`])?\1(?!`)")
REFERENCES_PAGE = "references.md"


@dataclass
class Expansion:
    markdown: str
    terms: list[str] = field(default_factory=list)      # slugs linked with [[...]]
    citations: list[str] = field(default_factory=list)  # reference ids cited
    problems: list[Problem] = field(default_factory=list)


def relative(target: str, page_src: str) -> str:
    """The Markdown link from `page_src` to `target` (both docs-relative)."""
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


def outside_code(markdown: str):
    """Yield (line number, text, is_code) pieces; code is yielded unchanged."""
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(keepends=True), start=1):
        match = FENCE.match(line)
        if fence:
            yield number, line, True
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line[match.end():].strip():
                fence = None
            continue
        if match:
            fence = match.group(1)
            yield number, line, True
            continue
        pos = 0
        for span in CODE_SPAN.finditer(line):
            yield number, line[pos:span.start()], False
            yield number, span.group(0), True
            pos = span.end()
        yield number, line[pos:], False


def expand(markdown: str, page_src: str, path: str, glossary, references, line_offset: int = 0) -> Expansion:
    """Expand the syntax in one page. `line_offset` maps body lines to file lines."""
    result = Expansion(markdown="")
    names = sorted({n for t in glossary.terms.values() for n in (t.slug, *t.aliases)})
    out = []
    for number, text, is_code in outside_code(markdown):
        if is_code:
            out.append(text)
            continue
        line = number + line_offset

        def term_link(match: re.Match) -> str:
            name, label = match.group(1).strip(), match.group(2)
            term = glossary.lookup(name)
            if term is None:
                hint = did_you_mean(name, names) or "see the Glossary A–Z for the names in use"
                result.problems.append(error(path, line, "term-unknown", f"unknown glossary term '[[{name}]]'",
                                             hint, col=match.start() + 1))
                return match.group(0)
            result.terms.append(term.slug)
            if term.src_uri == page_src:
                return label.strip() if label else term.term
            text = (label or term.term).strip()
            return f"[{text}]({relative(term.src_uri, page_src)})"

        def cite(match: re.Match) -> str:
            ids = [part.strip() for part in match.group(1).split(";")]
            links = []
            for ident in ids:
                key = ident.lstrip("@").strip()
                ref = references.get(key)
                if not ident.startswith("@") or ref is None:
                    hint = did_you_mean(key, set(references)) or "add the work to docs/_data/bibliography.yaml"
                    result.problems.append(error(path, line, "cite-unknown", f"unknown citation '[{ident}]'",
                                                 hint, col=match.start() + 1))
                    continue
                result.citations.append(key)
                links.append(f"[{ref.label()}]({relative(REFERENCES_PAGE, page_src)}#{key})")
            return "(" + "; ".join(links) + ")" if len(links) == len(ids) else match.group(0)

        text = TERM.sub(term_link, text)
        text = CITE.sub(cite, text)
        out.append(text)
    result.markdown = "".join(out)
    return result
