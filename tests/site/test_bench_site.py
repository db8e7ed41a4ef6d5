"""The benchmark's instruments on the real site: the builds it compares really are what
they claim, and the link-check comparison sees the faults it plants."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from benchkit import links, scale
from support import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}


def buildrun(site, *extra):
    return subprocess.run([sys.executable, "-m", "benchkit.buildrun", str(ROOT / "mkdocs.yml"), str(site), *extra],
                          capture_output=True, text=True, env=ENV, cwd=ROOT)


def test_the_build_without_hooks_leaves_the_authoring_syntax_unexpanded(tmp_path):
    result = buildrun(tmp_path / "site", "--no-hooks")
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "site" / "glossary" / "containment.html").read_text()
    assert "[[projective-identification]]" in page and 'class="kb-term"' not in page


def test_a_site_at_twice_the_size_builds_strictly(tmp_path):
    overrides = tmp_path / "overrides.json"
    overrides.write_text(json.dumps(scale.scaled(ROOT / "docs", ROOT / "mkdocs.yml", tmp_path / "docs", 2)))
    result = buildrun(tmp_path / "site", "--overrides", str(overrides))
    assert result.returncode == 0, result.stderr[-2000:]
    pages = sum(1 for _ in (tmp_path / "site").rglob("*.html"))
    copies = sum(1 for _ in (tmp_path / "site" / "copy-2").rglob("*.html"))
    assert copies >= 140 and pages >= 2 * copies


def test_the_checker_finds_every_fault_lychee_finds(built_site, tmp_path):
    root = tmp_path / "root"
    shutil.copytree(built_site, root / "rp-groups")
    tools = links.Tools(sys.executable, Path(sys.executable).parent, ROOT, root / "rp-groups", root)
    found = links.compare_findings(tools, tmp_path)
    assert found["lychee_found"] == found["planted"] == len(links.FAULTS)
    assert found["checker_found"] == found["planted"] and found["lychee_only"] == []
