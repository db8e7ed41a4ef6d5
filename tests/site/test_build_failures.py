"""Planted faults make the strict build fail with a clear message, never a traceback: every mistake listed, then
one stop."""
from __future__ import annotations

import subprocess
import sys

import pytest

from support import copy_project, mkdocs_build

PAGE_HEAD = "---\ntitle: Planted\ndescription: A page with a planted fault.\ntags: [everyone]\n" \
            "reviewed: 2026-11-26\nreview_due: 2027-11-26\n---\n# Planted\n\n"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def plant(project, body: str, name: str = "about/planted.md"):
    (project / "docs" / name).write_text(PAGE_HEAD + body, encoding="utf-8")


def build(project):
    result = mkdocs_build(project, project / "site")
    assert "Traceback" not in result.stderr
    return result


def test_a_broken_link_fails_the_build(project):
    plant(project, "See [nowhere](no-such-page.md).\n")
    result = build(project)
    assert result.returncode == 1
    assert "'about/planted.md' contains a link 'no-such-page.md', but the target 'about/no-such-page.md' is not " \
           "found among documentation files." in result.stderr


def test_a_broken_anchor_fails_the_build(project):
    plant(project, "See [support](getting-support.md#no-such-heading).\n")
    result = build(project)
    assert result.returncode == 1
    assert "no-such-heading" in result.stderr and "but the doc 'about/getting-support.md' does not contain an anchor" \
        in result.stderr


def test_an_unknown_term_fails_with_file_line_and_nearest_names(project):
    plant(project, "First line.\n\nWe talk about [[countertransferance]] here.\n")
    result = build(project)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "[term-unknown]" in line]
    assert lines == ["ERROR   -  docs/about/planted.md:12:15: error [term-unknown] unknown glossary term "
                     "'[[countertransferance]]' (did you mean 'countertransference', 'counter-transference', "
                     "'counter transference'?)"]


def test_an_unknown_citation_fails_with_file_and_line(project):
    plant(project, "A claim [@bion-1916].\n")
    result = build(project)
    assert result.returncode == 1
    assert "docs/about/planted.md:10:9: error [cite-unknown] unknown citation '[@bion-1916]' (did you mean " \
           "'bion-1967', 'bion-1963', 'bion-1962'?)" in result.stderr


def test_a_glossary_mistake_fails_once_with_its_fix(project):
    entry = project / "docs/glossary/containment.md"
    entry.write_text(entry.read_text().replace("related: [", "related: [holding-enviroment, "), encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "docs/glossary/containment.md:7:1: error [related-unknown] related term 'holding-enviroment' does not " \
           "exist (did you mean 'holding-environment', 'enabling-environments'?)" in result.stderr


def test_a_page_without_review_dates_fails(project):
    plant(project, "Text.\n")
    page = project / "docs/about/planted.md"
    page.write_text(page.read_text().replace("review_due: 2027-11-26\n", ""), encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "docs/about/planted.md:1:1: error [meta-missing] front matter has no 'review_due' date " \
           "(add 'review_due: YYYY-MM-DD')" in result.stderr


def test_an_unknown_audience_tag_fails_the_build_and_the_check(project):
    plant(project, "Text.\n")
    page = project / "docs/about/planted.md"
    page.write_text(page.read_text().replace("tags: [everyone]", "tags: [participants]"), encoding="utf-8")
    finding = ("docs/about/planted.md:4:1: error [tag-unknown] unknown audience tag 'participants' (did you mean "
               "'participant'?)")
    result = build(project)
    assert result.returncode == 1
    assert f"ERROR   -  {finding}" in result.stderr.splitlines()
    checked = subprocess.run([sys.executable, "scripts/check.py", "site", "--docs", "docs"], cwd=project,
                             capture_output=True, text=True)
    assert checked.returncode == 1 and finding in checked.stdout.splitlines()


def test_mistakes_in_two_pages_are_all_listed_by_one_build_that_stops_once(project):
    plant(project, "We talk about [[countertransferance]] here.\n")
    plant(project, "A claim [@bion-1916].\n", "take-part/planted.md")
    page = project / "docs/take-part/planted.md"
    page.write_text(page.read_text().replace("tags: [everyone]\n", "tags: [everyone]\nstatus: [new]\n"),
                    encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    ours = [line for line in result.stderr.splitlines() if "/planted.md:" in line]
    assert [line.split(" [")[0] for line in ours] == [
        "ERROR   -  docs/about/planted.md:10:15: error",
        "ERROR   -  docs/take-part/planted.md:5:1: error",
        "ERROR   -  docs/take-part/planted.md:11:9: error"]
    output = result.stdout + result.stderr
    assert output.count("Aborted") == 1 and "Aborted with 3 errors in the content, listed above." in output
