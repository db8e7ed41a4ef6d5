"""Shared fixtures: one strict build of the real site, as published (helpers: support.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, chromium_path, mkdocs_build

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ carries the `browser` marker, so that `make test-fast`
    (-m "not browser") leaves the whole layer out: a module without it stops the run."""
    unmarked = sorted({item.nodeid.split("::")[0] for item in items
                       if BROWSER_TESTS in item.path.parents and item.get_closest_marker("browser") is None})
    if unmarked:
        raise pytest.UsageError("add `pytestmark = pytest.mark.browser` to " + ", ".join(unmarked))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site as `make build` publishes it: a strict build, then the handout PDFs."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"the strict build failed:\n{result.stderr[-4000:]}", pytrace=False)
    rendered = subprocess.run([sys.executable, str(ROOT / "scripts/handouts.py"), str(site),
                               "--chromium", chromium_path()], capture_output=True, text=True)
    if rendered.returncode != 0:
        pytest.fail(f"rendering the handouts failed:\n{rendered.stdout}{rendered.stderr}", pytrace=False)
    return site
