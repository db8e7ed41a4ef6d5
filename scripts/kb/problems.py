"""Problems an author can cause, reported with the file, the line and the fix."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where it is, how bad it is, what is wrong and how to fix it.

    The same record serves the build (which stops on errors) and the checker
    (which prints every finding); `path` is relative to the project root.
    """

    path: str
    line: int
    col: int
    severity: str  # "error" or "warning"
    code: str
    message: str
    hint: str = ""

    def render(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity} [{self.code}] {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


def shown_path(path: Path, root: Path) -> str:
    """How a finding names a file: relative to the project `root` when it is inside it."""
    path = Path(path)
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def error(path: str, line: int, code: str, message: str, hint: str = "", col: int = 1) -> Problem:
    return Problem(path, max(line, 1), max(col, 1), "error", code, message, hint)


def warning(path: str, line: int, code: str, message: str, hint: str = "", col: int = 1) -> Problem:
    return Problem(path, max(line, 1), max(col, 1), "warning", code, message, hint)


def did_you_mean(name: str, known: list[str] | set[str], n: int = 3) -> str:
    """A 'did you mean' hint for a near miss, or '' when nothing is close."""
    import difflib  # here, not at the top: only a mistake needs it, and the checker's start-up counts

    matches = difflib.get_close_matches(name.lower(), sorted(known), n=n, cutoff=0.6)
    if not matches:
        return ""
    return "did you mean " + ", ".join(f"'{m}'" for m in matches) + "?"
