"""Planted faults make the strict build fail with a clear message, never a traceback: every mistake listed, then
one stop.

Two builds serve every test: one of a copy of the project with a mistake planted in each
of several pages (the build goes on to the last page, so each is reported), and one with
a mistake in a glossary entry, which stops the build before any page is built.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import copy_project, mkdocs_build

PAGE_HEAD = "---\ntitle: Planted\ndescription: A page with a planted fault.\ntags: [everyone]\n" \
            "reviewed: 2026-11-26\nreview_due: 2027-11-26\n---\n# Planted\n\n"  # the body starts on line 10
PLANTED = {  # page: (its body, the front matter's change)
    "about/broken-link.md": ("See [nowhere](no-such-page.md).\n", None),
    "about/broken-anchor.md": ("See [support](getting-support.md#no-such-heading).\n", None),
    "about/unknown-term.md": ("First line.\n\nWe talk about [[countertransferance]] here.\n", None),
    "about/unknown-citation.md": ("A claim [@bion-1916].\n", None),
    "about/no-review-due.md": ("Text.\n", ("review_due: 2027-11-26\n", "")),
    "about/unknown-tag.md": ("Text.\n", ("tags: [everyone]", "tags: [participants]")),
    "take-part/two-mistakes.md": ("A claim [@bion-1916].\n",
                                  ("tags: [everyone]\n", "tags: [everyone]\nstatus: [new]\n")),
}
TAG_FINDING = ("docs/about/unknown-tag.md:4:1: error [tag-unknown] unknown audience tag 'participants' (did you mean "
               "'participant'?)")


class Build:
    def __init__(self, project: Path, result: subprocess.CompletedProcess):
        self.project, self.returncode = project, result.returncode
        self.stderr, self.output = result.stderr, result.stdout + result.stderr


def build(project: Path) -> Build:
    result = mkdocs_build(project, project / "site")
    assert "Traceback" not in result.stderr
    return Build(project, result)


@pytest.fixture(scope="module")
def pages_build(tmp_path_factory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("faults") / "project")
    for name, (body, change) in PLANTED.items():
        text = PAGE_HEAD.replace(*change) if change else PAGE_HEAD
        (project / "docs" / name).write_text(text + body, encoding="utf-8")
    return build(project)


@pytest.fixture(scope="module")
def glossary_build(tmp_path_factory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("glossary-fault") / "project")
    entry = project / "docs/glossary/containment.md"
    entry.write_text(entry.read_text().replace("related: [", "related: [holding-enviroment, "), encoding="utf-8")
    return build(project)


def test_a_broken_link_fails_the_build(pages_build):
    assert pages_build.returncode == 1
    assert "'about/broken-link.md' contains a link 'no-such-page.md', but the target 'about/no-such-page.md' is not " \
           "found among documentation files." in pages_build.stderr


def test_a_broken_anchor_fails_the_build(pages_build):
    assert pages_build.returncode == 1
    assert "Doc file 'about/broken-anchor.md' contains a link 'getting-support.md#no-such-heading', but the doc " \
           "'about/getting-support.md' does not contain an anchor '#no-such-heading'." in pages_build.stderr


def test_an_unknown_term_fails_with_file_line_and_nearest_names(pages_build):
    lines = [line for line in pages_build.stderr.splitlines() if "[term-unknown]" in line]
    assert lines == ["ERROR   -  docs/about/unknown-term.md:12:15: error [term-unknown] unknown glossary term "
                     "'[[countertransferance]]' (did you mean 'countertransference', 'counter-transference', "
                     "'counter transference'?)"]


def test_an_unknown_citation_fails_with_file_and_line(pages_build):
    assert "docs/about/unknown-citation.md:10:9: error [cite-unknown] unknown citation '[@bion-1916]' (did you mean " \
           "'bion-1967', 'bion-1963', 'bion-1962'?)" in pages_build.stderr


def test_a_page_without_review_dates_fails(pages_build):
    assert "docs/about/no-review-due.md:1:1: error [meta-missing] front matter has no 'review_due' date " \
           "(add 'review_due: YYYY-MM-DD')" in pages_build.stderr


def test_an_unknown_audience_tag_fails_the_build_and_the_check(pages_build):
    assert f"ERROR   -  {TAG_FINDING}" in pages_build.stderr.splitlines()
    checked = subprocess.run([sys.executable, "scripts/check.py", "site", "--docs", "docs"], cwd=pages_build.project,
                             capture_output=True, text=True)
    assert checked.returncode == 1 and TAG_FINDING in checked.stdout.splitlines()


def test_mistakes_in_many_pages_are_all_listed_by_one_build_that_stops_once(pages_build):
    ours = [line.split(" [")[0] for line in pages_build.stderr.splitlines() if line.startswith("ERROR   -  docs/")]
    assert ours == [
        "ERROR   -  docs/about/no-review-due.md:1:1: error",
        "ERROR   -  docs/about/unknown-citation.md:10:9: error",
        "ERROR   -  docs/about/unknown-tag.md:4:1: error",
        "ERROR   -  docs/about/unknown-term.md:12:15: error",
        "ERROR   -  docs/take-part/two-mistakes.md:5:1: error",
        "ERROR   -  docs/take-part/two-mistakes.md:11:9: error"]
    assert pages_build.output.count("Aborted") == 1
    assert "Aborted with 6 errors in the content, listed above." in pages_build.output


def test_a_glossary_mistake_fails_once_with_its_fix(glossary_build):
    assert glossary_build.returncode == 1
    assert "docs/glossary/containment.md:7:1: error [related-unknown] related term 'holding-enviroment' does not " \
           "exist (did you mean 'holding-environment', 'enabling-environments'?)" in glossary_build.stderr
    assert glossary_build.output.count("Aborted") == 1
