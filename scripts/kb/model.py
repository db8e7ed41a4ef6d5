"""The content model, loaded and checked once: glossary entries and bibliography."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import bibliography, glossary
from .problems import Problem


@dataclass
class Model:
    docs_dir: Path
    glossary: glossary.Glossary
    references: dict[str, bibliography.Reference]
    problems: list[Problem] = field(default_factory=list)

    def review_span(self):
        """(latest 'reviewed', earliest 'review_due') over all entries, for generated pages."""
        terms = list(self.glossary.terms.values())
        if not terms:
            return None, None
        return max(t.reviewed for t in terms), min(t.review_due for t in terms)


def load(docs_dir: Path, root: Path | None = None) -> Model:
    """Load everything under `docs_dir`; paths in problems are relative to `root`."""
    docs_dir = Path(docs_dir).resolve()
    root = Path(root).resolve() if root else docs_dir.parent
    refs, problems = bibliography.load(docs_dir, root)
    terms, found = glossary.load(docs_dir, root)
    problems += found
    slugs = {p.stem for p in glossary.entry_paths(docs_dir)}
    problems += glossary.check_links(terms, set(refs), slugs)
    return Model(docs_dir=docs_dir, glossary=glossary.Glossary(terms), references=refs,
                 problems=sorted(problems))
