"""promise-absolute: absolute confidentiality promises outside the one statement, from docs/_data/promises.yaml."""
from __future__ import annotations

import shutil

import pytest

from checkerkit import ROOT, Project, finding_lines
from kb.checker import promises
from kb.syntax import prose

PHRASES = ROOT / "docs" / "_data" / "promises.yaml"
STATEMENT = ROOT / "docs" / "_snippets" / "confidentiality-statement.md"
HINT = ("(state the agreement and its limits only by including docs/_snippets/confidentiality-statement.md, "
        "or link to take-part/confidentiality.md)")


@pytest.fixture
def project(tmp_path) -> Project:
    """The clean fixture with the site's own phrase list."""
    project = Project(tmp_path)
    shutil.copy(PHRASES, project.path("docs/_data/promises.yaml"))
    return project


def finding(path: str, line: int, col: int, said: str) -> str:
    return f"{path}:{line}:{col}: error [promise-absolute] '{said}' promises confidentiality without its limits {HINT}"


def test_a_planted_promise_is_an_error_with_its_place_and_fix(project):
    line = project.append("docs/index.md", "\nWhat you say here stays in the group.\n") + 1
    expected = [finding("docs/index.md", line, 19, "stays in the group")]
    assert project.findings() == expected
    result = project.cli()
    assert finding_lines(result) == expected
    assert result.returncode == 1


@pytest.mark.parametrize("sentence, said", [
    ("Managers do not hear what you said.", "Managers do not hear"),
    ("You will never hear who said what.", "will never hear"),
    ("The facilitator keeps no written records about individuals.", "keeps no written records"),
    ("No notes are kept.", "No notes are kept"),
    ("Nothing you say is used for appraisal.", "Nothing you say is used"),
    ("What is said in the room stays there.", "said in the room stays there"),
    ("It will not be repeated on the ward.", "will not be repeated on the ward"),
    ("The group is completely confidential.", "completely confidential"),
])
def test_the_variants_the_clinical_review_found_are_caught(project, sentence, said):
    line = project.append("docs/index.md", f"\n{sentence}\n") + 1
    assert project.findings() == [finding("docs/index.md", line, sentence.index(said) + 1, said)]


def test_a_promise_broken_over_two_lines_is_found_where_it_starts(project):
    line = project.append("docs/index.md", "\nWhat happens here stays in\nthe group.\n") + 1
    assert project.findings() == [finding("docs/index.md", line, 19, "stays in the group")]


def test_one_promise_matched_by_two_phrases_is_reported_once(project):
    line = project.append("docs/index.md", "\nWhat is said in the group stays in the group.\n") + 1
    assert project.findings() == [finding("docs/index.md", line, 27, "stays in the group")]


def test_code_and_honest_wording_are_not_promises(project):
    project.append("docs/index.md", "\nDo not write `stays in the group` on a poster.\n\n"
                                    "A limit means it cannot stay in the room.\n\n"
                                    "If something said in the group stays with you, talk to someone.\n\n"
                                    "What is said is kept within the group by agreement, within limits.\n\n"
                                    "A manager who attends keeps the duties of a manager.\n")
    assert project.findings() == []


def test_front_matter_is_read_too(project):
    project.edit("docs/faq/index.md", "description: Frequently asked questions.",
                 "description: Why what you say stays in the group.")
    assert [f.split(" error")[0] for f in project.findings()] == ["docs/faq/index.md:3:31:"]


def test_the_statement_itself_never_trips_a_phrase():
    """The honest wording of the limits is not a promise: the list catches promises only."""
    phrases, problems = promises.load(PHRASES.parent.parent, "promises.yaml")
    assert problems == [] and len(phrases.patterns) >= 10
    assert promises.find(prose(STATEMENT.read_text(encoding="utf-8")), "statement", phrases) == []


def test_the_statement_is_exempt_and_other_snippets_are_not(project):
    project.write("docs/_snippets/confidentiality-statement.md", "Nothing here stays in the group by law.\n")
    project.write("docs/_snippets/other.md", "\nWhat you say stays in the group.\n")
    assert project.findings() == [finding("docs/_snippets/other.md", 2, 14, "stays in the group")]


def test_personal_data_in_a_snippet_is_found(project):
    project.write("docs/_snippets/contacts.md", "Ring Jo on 07700 900123.\n")
    assert [f.split(" '")[0] for f in project.findings()] == ["docs/_snippets/contacts.md:1:12: error [pii-phone]"]


@pytest.mark.parametrize("text, line, message", [
    ("phrases: [\n  'stays in\n", 3, "the phrase list is not valid YAML"),
    ("phrases: stays in the group\n", 1, "'phrases' must be a list of quoted phrases"),
    ("phrases:\n  - 'stays (in the group'\n", 2, "'stays (in the group' is not a valid pattern"),
])
def test_a_broken_phrase_list_is_an_error_that_names_its_line(project, text, line, message):
    project.write("docs/_data/promises.yaml", text)
    [problem] = project.findings()
    assert problem.startswith(f"docs/_data/promises.yaml:{line}:1: error [promises-invalid] {message}")
