"""`make bundle`'s zip, unpacked as on a shared drive, opens and searches over file://."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from browserkit import Watch
from support import ROOT

pytestmark = pytest.mark.browser


def test_the_bundle_unpacks_and_works_from_file(built_site, tmp_path, new_page):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/bundle.py"), str(built_site), "--out",
                             str(tmp_path / "dist"), "--version", "test"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    archive = tmp_path / "dist" / "rp-groups-site-test.zip"
    assert result.stdout.strip() == str(archive)
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert "rp-groups-site-test/index.html" in names and "rp-groups-site-test/README.txt" in names
        assert any(n.endswith(".pdf") for n in names)  # the handout PDFs travel too
        z.extractall(tmp_path / "drive")
    folder = tmp_path / "drive" / "rp-groups-site-test"
    page = new_page()
    watch = Watch(page, folder.as_uri() + "/")
    page.goto((folder / "glossary" / "index.html").as_uri())
    page.locator(".md-search__input").click()
    page.keyboard.type("transference")
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert page.locator(".md-search-result__item").count() >= 2
    assert watch.outside == [] and watch.errors == []


def test_bundle_refuses_a_missing_site(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/bundle.py"), str(tmp_path / "nothing")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == f"bundle: no built site at '{tmp_path / 'nothing'}'; run 'make build' first"
