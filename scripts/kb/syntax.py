"""The authoring syntax: `[[term]]`, `[[term|text]]`, `[@id]`, `[@id, p. 12]` and `[@id1; @id2]`.

Expanded into ordinary Markdown links before Markdown runs, so that MkDocs checks
and rewrites them like any other link. Python-Markdown has no hook that runs before
its block parser and still knows which text is code, so this module skips fenced
code and inline code spans itself, line by line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .generated import REFERENCES_PAGE
from .problems import Problem, did_you_mean, error
from .urls import relative

TERM = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")
CITE = re.compile(r"\[(@[^\[\]\n]*?)\](?!\()")
_TERM_OR_CITE = re.compile(f"{TERM.pattern}|{CITE.pattern}")  # one pass, so columns are the source's
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:.*?[^`])?\1(?!`)")
_BLANK = re.compile(r"[^\r\n]")


@dataclass
class Expansion:
    markdown: str
    terms: list[str] = field(default_factory=list)      # slugs linked with [[...]]
    citations: list[str] = field(default_factory=list)  # reference ids cited
    problems: list[Problem] = field(default_factory=list)


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
        if "`" not in line:
            yield number, line, False
            continue
        pos = 0
        for span in CODE_SPAN.finditer(line):
            yield number, line[pos:span.start()], False
            yield number, span.group(0), True
            pos = span.end()
        yield number, line[pos:], False


def prose(markdown: str) -> list[str]:
    """The lines of `markdown` with code blanked out, so columns still point into the source."""
    lines: list[str] = []
    for number, text, is_code in outside_code(markdown):
        if number > len(lines):
            lines.append("")
        lines[-1] += _BLANK.sub(" ", text) if is_code else text
    return [line.rstrip("\r\n") for line in lines]


_OPENERS = re.compile(r"[ \t*_(\"'\u201c\u2018\[]*$")
_BLOCK_START = re.compile(r"^[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+|#{1,6}[ \t]+|\|[ \t]*)?"  # a list item, heading, cell
                          r"(?:\*\*|__|\*|_)?[ \t]*[\"\u201c(]?$")


# A line after which the next line starts a new block: blank, a code fence, a heading,
# an admonition's first line, an attribute list, a table row or an HTML tag.
_BLOCK_BEFORE = re.compile(r"^[ \t>]*(?:$|`{3,}|~{3,}|#{1,6}[ \t]|!!!|\?\?\?|\{:.*\}[ \t]*$|<.*>[ \t]*$|.*\|[ \t]*$)")


def starts_sentence(before: str) -> bool:
    """Does a link placed after `before` (the Markdown before it) begin a sentence?

    True at the start of a paragraph, list item, heading, quote or table cell, and
    after a full stop, question or exclamation mark; so that an unlabelled [[term]]
    reads 'Containment is...' there and '...a form of containment' elsewhere."""
    line_start = before.rfind("\n") + 1
    line = before[line_start:]
    if _BLOCK_START.match(line):
        if line.strip(" \t*_\"\u201c("):
            return True  # a list item, heading, quote or table cell begins here
        previous = before[:max(line_start - 1, 0)]
        last = previous[previous.rfind("\n") + 1:]
        if _BLOCK_BEFORE.match(last):
            return True  # a new paragraph or block
        before = previous
    text = _OPENERS.sub("", before)
    return not text or text[-1] in ".!?|"


def expand(markdown: str, page_src: str, path: str, glossary, references, line_offset: int = 0) -> Expansion:
    """Expand the syntax in one page. `line_offset` maps body lines to file lines."""
    result = Expansion(markdown="")
    at = {"line": 0, "start": 0, "pieces": 0}  # the piece being expanded: file line, column, pieces before it
    out: list[str] = []

    def text_before(match: re.Match) -> str:
        """The Markdown before the match: its line up to it, after at most 400 characters
        before the line (from the pieces before it when the piece began on this line).
        Joined only for an unlabelled [[term]], the one link that needs it."""
        line_start = match.string.rfind("\n", 0, match.start()) + 1
        before = match.string[max(line_start - 400, 0):match.start()]
        if line_start == 0:
            pieces = at["pieces"]
            before = "".join(out[max(pieces - 40, 0):pieces])[-400:] + before
        return before

    def where(match: re.Match) -> tuple[int, int]:
        """The file line and column of a match in the piece being expanded."""
        newline = match.string.rfind("\n", 0, match.start())
        if newline < 0:
            return at["line"], at["start"] + match.start() + 1
        return at["line"] + match.string.count("\n", 0, match.start()), match.start() - newline

    def term_link(match: re.Match) -> str:
        name, label = match.group(1).strip(), match.group(2)
        term = glossary.lookup(name)
        if term is None:
            names = {n for t in glossary.terms.values() for n in (t.slug, *t.aliases)}
            hint = did_you_mean(name, names) or "see the Glossary A–Z for the names in use"
            line, col = where(match)
            result.problems.append(error(path, line, "term-unknown", f"unknown glossary term '[[{name}]]'",
                                         hint, col=col))
            return match.group(0)
        result.terms.append(term.slug)
        if label:
            text = label.strip()
        else:
            text = term.running_name
            if starts_sentence(text_before(match)):
                text = text[:1].upper() + text[1:]
        if term.src_uri == page_src:
            return text
        return f"[{text}]({relative(term.src_uri, page_src)})"

    def cite(match: re.Match) -> str:
        ids = [part.strip() for part in match.group(3).split(";")]
        links = []
        for ident in ids:
            key, _, locator = ident.lstrip("@").partition(",")  # [@foulkes-1964, p. 292]
            key, locator = key.strip(), " ".join(locator.split())
            ref = references.get(key)
            if not ident.startswith("@") or ref is None:
                hint = did_you_mean(key, set(references)) or "add the work to docs/_data/bibliography.yaml"
                line, col = where(match)
                result.problems.append(error(path, line, "cite-unknown", f"unknown citation '[{ident}]'",
                                             hint, col=col))
                continue
            result.citations.append(key)
            label = f"{ref.label()}, {locator}" if locator else ref.label()
            links.append(f"[{label}]({relative(REFERENCES_PAGE, page_src)}#{key})")
        return "(" + "; ".join(links) + ")" if len(links) == len(ids) else match.group(0)

    def replace(match: re.Match) -> str:
        return term_link(match) if match.group(1) is not None else cite(match)

    # A page with no code (almost every page) is expanded as one piece: splitting it into
    # lines to look for fences cost more than the expansion.
    no_code = "`" not in markdown and "~~~" not in markdown
    col_base, last_number = 0, 0
    for number, text, is_code in [(1, markdown, False)] if no_code else outside_code(markdown):
        if number != last_number:
            col_base, last_number = 0, number
        start, col_base = col_base, col_base + len(text)
        if is_code or ("[[" not in text and "[@" not in text):  # what every match begins with
            out.append(text)
            continue
        at["line"], at["start"], at["pieces"] = number + line_offset, start, len(out)
        out.append(_TERM_OR_CITE.sub(replace, text))
    result.markdown = "".join(out)
    return result
