"""Absolute confidentiality promises in the sources (code promise-absolute).

The site states confidentiality and its limits once, in
`docs/_snippets/confidentiality-statement.md`, and includes that statement wherever it
belongs. A page that promises more on its own ("what you say stays in the group",
"managers will never hear") contradicts it the first time a limit is reached. This is
what a Vale "existence" rule does for a style guide, kept inside the checker so that it
reports in the same format and reads the same blanked-code lines as the other rules.

The phrases are data, kept in `docs/_data/promises.yaml` (format in its header).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import frontmatter
from ..problems import Problem, error

PROMISES = "_data/promises.yaml"
STATEMENT = "_snippets/confidentiality-statement.md"  # the one place the limits are stated
HINT = ("state the agreement and its limits only by including docs/" + STATEMENT
        + ", or link to take-part/confidentiality.md")


@dataclass
class PromiseList:
    patterns: list[tuple[str, re.Pattern]] = field(default_factory=list)  # (phrase as written, compiled)


# A phrase right after "not", "cannot" or "n't" is not a promise: "it cannot stay in the
# room" says the opposite. Nor is a phrase inside a longer word.
NEGATIONS = ("not ", "n't ")
_WORD = re.compile(r"\w")
_OUTSIDE_ESCAPES = re.compile(r"(\\.)|([^\\]+)")  # an escape such as \S keeps its case


def compile_phrase(phrase: str) -> re.Pattern:
    """A phrase as written in the data file -> a pattern on lower-case text, ending at a word's end.

    A space matches any white space, so a phrase broken over two lines of Markdown is
    still found; the rest is a Python regular expression (for variants: `stays?`,
    `(hear|know)`). `find` checks the start: a word's start, not after a negation.
    The pattern itself starts with the phrase, so that the regular-expression engine can
    skip ahead to the places where its first letter occurs."""
    lowered = _OUTSIDE_ESCAPES.sub(lambda m: m.group(1) or m.group(2).lower(), phrase.strip())
    return re.compile(re.sub(r" +", r"\\s+", lowered) + r"(?!\w)")


def load(docs_dir: Path, rel: str) -> tuple[PromiseList, list[Problem]]:
    """The phrases, or none if there is no file; mistakes in the file are findings."""
    path = docs_dir / PROMISES
    if not path.is_file():
        return PromiseList(), []
    hint = "write a mapping with one list, 'phrases:', of quoted phrases (see the comment at the top of the file)"
    _, data, problems = frontmatter.load_data(path, rel, "the phrase list", hint, code="promises-invalid")
    if problems:
        return PromiseList(), problems
    phrases = data.get("phrases") if isinstance(data, dict) else None
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        return PromiseList(), [error(rel, 1, "promises-invalid", "'phrases' must be a list of quoted phrases", hint)]
    promises, problems = PromiseList(), []
    lines = path.read_text(encoding="utf-8").splitlines()
    for phrase in phrases:
        try:
            promises.patterns.append((phrase, compile_phrase(phrase)))
        except re.error as exc:
            line = next((n for n, text in enumerate(lines, 1) if phrase in text), 1)
            problems.append(error(rel, line, "promises-invalid", f"'{phrase}' is not a valid pattern ({exc})", hint))
    return promises, problems


def find(lines: list[str], path: str, promises: PromiseList) -> list[Problem]:
    """A finding for each absolute promise in `lines` (a file's lines, code already blanked)."""
    text = "\n".join(lines)
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is two characters: keep offsets exact
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found: dict[int, Problem] = {}
    spans: list[tuple[int, int]] = []
    for _, pattern in promises.patterns:
        for start, end in _matches(pattern, lower):
            if any(s < end and start < e for s, e in spans):
                continue  # two phrases, one promise ("said in the group stays in the group"): report it once
            spans.append((start, end))
            line = text.count("\n", 0, start) + 1
            col = start - (text.rfind("\n", 0, start) + 1) + 1
            said = " ".join(text[start:end].split())
            found[start] = error(path, line, "promise-absolute",
                                 f"'{said}' promises confidentiality without its limits", HINT, col=col)
    return [found[start] for start in sorted(found)]


def _matches(pattern: re.Pattern, text: str):
    """(start, end) of each match that starts a word and follows no negation, left to right."""
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if (start and _WORD.match(text, start - 1)) or text.endswith(NEGATIONS, 0, start):
            pos = start + 1
            continue
        yield match.span()
        pos = max(match.end(), start + 1)
