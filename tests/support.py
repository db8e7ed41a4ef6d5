"""Helpers shared by the test layers: the project's paths, builds, the browser's path."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# The hard moments are on several pages, listed by their hub (facilitate/hard-moments.md);
# each moment page is named hard-moments-<kind>.md.
HARD_MOMENTS_HUB = "facilitate/hard-moments.html"


def hard_moment_pages() -> list[str]:
    """The built paths of the hard moments' pages, in the order the navigation lists them."""
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    found: list[str] = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif value.startswith("facilitate/hard-moments-"):
                found.append(value[:-3] + ".html")
    walk(nav)
    return found


SKIP_COPY = {".git", ".venv", "site", ".pytest_cache", ".hypothesis", "__pycache__", "build", "dist"}


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of `project` into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
                          cwd=project, capture_output=True, text=True, env=env)


def copy_project(dest: Path) -> Path:
    """A copy of the project (sources only) to plant faults in."""
    shutil.copytree(ROOT, dest, ignore=lambda d, names: [n for n in names if n in SKIP_COPY])
    return dest


def chromium_path() -> str:
    """The browser `make test` found or installed (CHROMIUM), else chromium on PATH."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("no Chromium for the browser tests and handout PDFs: run the tests with `make test` (which "
                    "finds or installs one), or set CHROMIUM=/path/to/chromium", pytrace=False)
    return path
