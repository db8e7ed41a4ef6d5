"""The site checker on the real site: clean as built, and it finds what MkDocs' own validation misses."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import ROOT, copy_project, mkdocs_build

SCRIPT = ROOT / "scripts" / "check.py"


def check(site: Path | str, docs: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), str(site), "--docs", str(docs), *args],
                          cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_real_site_and_its_sources_have_no_finding(built_site):
    result = check(built_site, ROOT / "docs", ROOT)
    findings = result.stdout.splitlines()[:-1]
    assert findings == [], "\n".join(findings)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 errors, 0 warnings in ")


def position_of(page: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of the first character after `needle` in a built page."""
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + len(needle) + 1
    raise AssertionError(f"{needle!r} is not in {page}")


def test_what_the_strict_build_misses_the_checker_finds(tmp_path):
    """A broken link in raw HTML, one a hook adds to a generated page, and a broken anchor.

    The strict build passes (MkDocs validates Markdown links, not raw HTML or what hooks
    add); the checker reports all three, each where it is in the built HTML."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + '\n<p class="planted"><a href="no-such-page.html">raw</a> and '
                      '<a href="getting-support.html#no-such-heading">anchor</a></p>\n', encoding="utf-8")
    generated = project / "scripts" / "kb" / "generated.py"  # a hook bug: the A–Z page gains a dead link
    source = generated.read_text(encoding="utf-8")
    nav = "'<nav class=\"kb-az-letters\""
    assert nav in source
    dead_link = "'<p class=\"planted\"><a href=\"../no-such-letter.html\">dead</a></p>\\n\\n"
    generated.write_text(source.replace(nav, dead_link + nav[1:], 1), encoding="utf-8")
    site = project / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr[-3000:]

    result = check("site", project / "docs", project, "--site-only")
    raw = position_of(site / "about/index.html", '<p class="planted"><a href="')
    anchor = position_of(site / "about/index.html", '</a> and <a href="')
    dead = position_of(site / "glossary/index.html", '<p class="planted"><a href="')
    planted = [

        f"site/about/index.html:{raw[0]}:{raw[1]}: error [link-broken] 'no-such-page.html' (<a href>) points to "
        "about/no-such-page.html, which is not in the site",
        f"site/about/index.html:{anchor[0]}:{anchor[1]}: error [anchor-missing] '#no-such-heading' is not an id on "
        "about/getting-support.html (linked as 'getting-support.html#no-such-heading') (link to a heading's id (see "
        "the ¶ link beside it))",
        f"site/glossary/index.html:{dead[0]}:{dead[1]}: error [link-broken] '../no-such-letter.html' (<a href>) "
        "points to no-such-letter.html, which is not in the site",
    ]
    findings = result.stdout.splitlines()[:-1]
    assert [f for f in findings if f in planted] == planted, "\n".join(findings)
    assert result.returncode == 1
