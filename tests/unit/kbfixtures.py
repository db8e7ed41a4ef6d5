"""Fixture content for unit tests: a small docs folder with glossary entries and a bibliography."""
from __future__ import annotations

import textwrap
from pathlib import Path

BIB = """\
references:
  - id: heimann-1950
    type: article-journal
    author:
      - family: Heimann
        given: Paula
    issued:
      date-parts: [[1950]]
    title: On counter-transference
    container-title: International Journal of Psycho-Analysis
    volume: 31
    page: 81-84
  - id: miller-1967
    type: book
    author:
      - family: Miller
        given: Eric J.
      - family: Rice
        given: A. K.
    issued:
      date-parts: [[1967]]
    title: Systems of Organization
    publisher: Tavistock
    publisher-place: London
"""


def entry(term: str, summary: str = "A plain sentence.", aliases="[]", related=None,
          sources="[heimann-1950]", tags="[participant]", reviewed="2026-11-26", due="2027-11-26",
          body: str = "Some text.\n") -> str:
    if related is None:
        others = [n for n in ("alpha", "beta", "gamma") if n != term.lower()]
        related = "[" + ", ".join(others[:2]) + "]"
    return textwrap.dedent(f"""\
        ---
        term: {term}
        summary: {summary}
        aliases: {aliases}
        related: {related}
        sources: {sources}
        tags: {tags}
        reviewed: {reviewed}
        review_due: {due}
        ---
        """) + body


class Docs:
    """Write fixture files under tmp_path/docs; paths in problems are relative to tmp_path."""

    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        (self.docs / "glossary").mkdir(parents=True)
        (self.docs / "_data").mkdir()
        (self.docs / "_data" / "bibliography.yaml").write_text(BIB, encoding="utf-8")

    def glossary(self, slug: str, text: str) -> Path:
        path = self.docs / "glossary" / f"{slug}.md"
        path.write_text(text, encoding="utf-8")
        return path

    @staticmethod
    def glossary_text(term: str, **fields) -> str:
        return entry(term, **fields)

    def standard(self) -> Docs:
        self.glossary("alpha", entry("Alpha", aliases="[first letter]"))
        self.glossary("beta", entry("Beta"))
        self.glossary("gamma", entry("Gamma", sources="[miller-1967]"))
        return self


