"""Planted faults make the strict build fail with a clear message, never a traceback."""
from __future__ import annotations

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
    lines = [l for l in result.stderr.splitlines() if "[term-unknown]" in l]
    assert lines == ["ERROR   -  docs/about/planted.md:12:15: error [term-unknown] unknown glossary term "
                     "'[[countertransferance]]' (did you mean 'countertransference', 'counter-transference', "
                     "'counter transference'?)"]


def test_an_unknown_citation_fails_with_file_and_line(project):
    plant(project, "A claim [@bion-1916].\n")
    result = build(project)
    assert result.returncode == 1
    assert "docs/about/planted.md:10:9: error [cite-unknown] unknown citation '[@bion-1916]' (did you mean " \
           "'bion-1962', 'bion-1961'" in result.stderr


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
