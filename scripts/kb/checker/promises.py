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


def compile_phrase(phrase: str) -> re.Pattern:
    """A phrase as written in the data file -> a case-insensitive pattern on whole words.

    A space matches any white space, so a phrase broken over two lines of Markdown is
    still found; the rest is a Python regular expression (for variants: `stays?`,
    `(hear|know)`). A phrase right after "not", "cannot" or "n't" is not a promise."""
    body = re.sub(r" +", r"\\s+", phrase.strip())
    # "it cannot stay in the room" says the opposite of a promise
    return re.compile(rf"(?<!\w)(?<!not )(?<!cannot )(?<!n't ){body}(?!\w)", re.IGNORECASE)


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
    found: dict[int, Problem] = {}
    spans: list[tuple[int, int]] = []
    for phrase, pattern in promises.patterns:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in spans):
                continue  # two phrases, one promise ("said in the group stays in the group"): report it once
            spans.append(match.span())
            line = text.count("\n", 0, match.start()) + 1
            col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            said = " ".join(match.group(0).split())
            found[match.start()] = error(path, line, "promise-absolute",
                                         f"'{said}' promises confidentiality without its limits", HINT, col=col)
    return [found[start] for start in sorted(found)]
