"""The checker reads page front matter through the same schema as glossary entries."""
from __future__ import annotations

from checkerkit import Project, finding_lines


def test_an_unknown_audience_tag_on_a_page_is_a_finding(tmp_path):
    project = Project(tmp_path)
    project.edit("docs/index.md", "tags: [everyone]", "tags: [participants]")
    expected = ["docs/index.md:4:1: error [tag-unknown] unknown audience tag 'participants' (did you mean "
                "'participant'?)"]
    assert project.findings() == expected
    result = project.cli()
    assert (finding_lines(result), result.returncode) == (expected, 1)


def test_every_front_matter_mistake_in_a_page_is_listed(tmp_path):
    project = Project(tmp_path)
    project.edit("docs/index.md", "title: Home\n", "title: [Home]\n")
    project.edit("docs/index.md", "review_due: 2027-11-26\n", "review_due: 2027-11-26\nprint_page: 1\n")
    assert project.findings() == [
        "docs/index.md:2:1: error [meta-type] 'title' should be text (write 'title:' followed by plain text)",
        "docs/index.md:7:1: error [meta-unknown] unknown front-matter field 'print_page' (did you mean "
        "'print_pages'?)"]
