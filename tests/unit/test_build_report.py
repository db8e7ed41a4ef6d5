"""The build logs each author mistake on one line and stops once, with a count."""
from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import Abort

from kb import build
from kb.problems import error, warning


def test_each_problem_is_one_log_line_at_its_level_and_only_errors_count(caplog):
    problems = [error("docs/b.md", 3, "term-unknown", "unknown glossary term '[[x]]'", "see the A–Z", col=5),
                warning("docs/a.md", 6, "review-overdue", "the review was due on 2026-01-01"),
                error("docs/a.md", 4, "tag-unknown", "unknown audience tag 'staff'")]
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.kb"):
        assert build.report(problems) == 2
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("ERROR", "docs/a.md:4:1: error [tag-unknown] unknown audience tag 'staff'"),
        ("WARNING", "docs/a.md:6:1: warning [review-overdue] the review was due on 2026-01-01"),
        ("ERROR", "docs/b.md:3:5: error [term-unknown] unknown glossary term '[[x]]' (see the A–Z)")]


def test_stop_aborts_with_the_count_and_only_when_there_are_errors():
    build.stop(0)
    with pytest.raises(Abort, match=r"^Aborted with 1 error in the content, listed above\.$"):
        build.stop(1)
    with pytest.raises(Abort, match=r"^Aborted with 3 errors in the content, listed above\.$"):
        build.stop(3)
