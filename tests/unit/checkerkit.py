"""Helpers for the checker's tests: a copy of the clean fixture project, and two ways to run the checker.

The fixture (tests/unit/fixtures/checker/clean) is a small docs/ tree and a
hand-written built site that give no finding; each test copies it, plants one
fault and asserts the exact finding, through the CLI and through the runner. The
built site is kept as `built/` (`.gitignore` ignores every folder named `site`) and
copied as `site/`.
"""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from kb.checker import run

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check.py"
CLEAN = Path(__file__).resolve().parent / "fixtures" / "checker" / "clean"
TODAY = "2026-12-01"


class Project:
    """A copy of the clean fixture under tmp_path: `docs/` and `site/`."""

    def __init__(self, tmp_path: Path):
        self.root = tmp_path / "project"
        shutil.copytree(CLEAN, self.root)
        (self.root / "built").rename(self.root / "site")

    def path(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, text: str) -> Path:
        path = self.path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def append(self, rel: str, text: str) -> int:
        """Add `text` at the end of a file; the line number its first line gets."""
        path = self.path(rel)
        before = path.read_text(encoding="utf-8")
        path.write_text(before + text, encoding="utf-8")
        return before.count("\n") + 1

    def edit(self, rel: str, old: str, new: str) -> None:
        text = self.path(rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {rel}"
        self.path(rel).write_text(text.replace(old, new, 1), encoding="utf-8")

    def cli(self, *args: str, site: str = "site", docs: str | None = "docs") -> subprocess.CompletedProcess:
        """`python scripts/check.py site --docs docs --today TODAY ...`, run in the project."""
        command = [sys.executable, str(SCRIPT), site, "--today", TODAY, *args]
        command += ["--docs", docs] if docs else ["--site-only"]
        return subprocess.run(command, cwd=self.root, capture_output=True, text=True, timeout=120)

    def run(self, docs: bool = True, **options) -> run.Result:
        """The runner, called directly, with the same paths as the CLI."""
        return run.run(run.Options(site=self.root / "site", site_label="site", root=self.root,
                                   docs=self.root / "docs" if docs else None,
                                   today=dt.date.fromisoformat(TODAY), **options))

    def findings(self, **options) -> list[str]:
        return [p.render() for p in self.run(**options).findings]


def finding_lines(result: subprocess.CompletedProcess) -> list[str]:
    """The findings the CLI printed: every line but the summary."""
    return result.stdout.splitlines()[:-1]


def page(body: str, head: str = "") -> str:
    """A minimal page; `body` starts on line 5."""
    return (f'<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>T</title>{head}</head>\n'
            f"<body>\n{body}\n</body>\n</html>\n")
