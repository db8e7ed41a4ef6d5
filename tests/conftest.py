"""Shared fixtures: the project's paths and one strict build of the real site."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"the strict build failed:\n{result.stderr[-4000:]}", pytrace=False)
    return site
