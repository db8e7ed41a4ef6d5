"""The front-matter schema: one valid page, one valid entry, then every code `schema.validate` reports."""
from __future__ import annotations

import datetime as dt

import pytest

from kb import frontmatter, schema

# Lines: title 2, description 3, tags 4, reviewed 5, review_due 6; a field added at the end is on line 7.
PAGE = ("title: Confidentiality\ndescription: What stays in the room.\ntags: [participant]\n"
        "reviewed: 2026-11-26\nreview_due: 2027-11-26\n")
# Lines: term 2, summary 3, aliases 4, related 5, sources 6, tags 7, reviewed 8, review_due 9.
ENTRY = ("term: Containment\nsummary: Holding feelings so they can be thought about.\naliases: []\n"
         "related: [alpha, beta]\nsources: [bion-1962]\ntags: [facilitator]\n"
         "reviewed: 2026-11-26\nreview_due: 2027-11-26\n")


def validate(meta: str, fields=schema.PAGE, today: dt.date | None = None):
    doc = frontmatter.parse(f"---\n{meta}---\n# Body\n", "docs/x.md")
    assert doc.problems == []
    values, problems = schema.validate(doc, fields, today)
    return values, [p.render() for p in sorted(problems)]


def test_a_valid_page_has_no_problem_and_its_dates_are_dates():
    values, problems = validate(PAGE + "hide: [toc]\nsearch:\n  boost: 2\ntemplate: support.html\nprint_pages: 2\n")
    assert problems == []
    assert values["tags"] == ["participant"] and values["search"] == {"boost": 2} and values["print_pages"] == 2
    assert values["reviewed"] == dt.date(2026, 11, 26) and values["review_due"] == dt.date(2027, 11, 26)


def test_a_valid_entry_has_no_problem_and_may_have_empty_lists():
    values, problems = validate(ENTRY.replace("related: [alpha, beta]", "related: []"), schema.ENTRY)
    assert problems == []
    assert values["aliases"] == [] and values["related"] == []


@pytest.mark.parametrize("old, new, expected", [
    ("title: Confidentiality\n", "",
     "docs/x.md:1:1: error [meta-missing] front matter has no 'title' (add 'title:' (see docs/about/contributing.md))"),
    ("title: Confidentiality", "title: ' '",
     "docs/x.md:2:1: error [meta-missing] front matter has no 'title' (add 'title:' (see docs/about/contributing.md))"),
    ("tags: [participant]", "tags: []",
     "docs/x.md:4:1: error [meta-missing] front matter has no 'tags' (add 'tags:' (see docs/about/contributing.md))"),
    ("review_due: 2027-11-26\n", "",
     "docs/x.md:1:1: error [meta-missing] front matter has no 'review_due' date (add 'review_due: YYYY-MM-DD')"),
    ("title: Confidentiality", "title: [a, b]",
     "docs/x.md:2:1: error [meta-type] 'title' should be text (write 'title:' followed by plain text)"),
    ("tags: [participant]", "tags: participant",
     "docs/x.md:4:1: error [meta-type] 'tags' should be a list, e.g. [participant] (write 'tags: [participant]')"),
    ("tags: [participant]", "tags: [1]",
     "docs/x.md:4:1: error [meta-type] 'tags' should be a list, e.g. [participant] (write 'tags: [participant]')"),
    ("", "search: 2\n",
     "docs/x.md:7:1: error [meta-type] 'search' should be indented 'key: value' lines (write 'search:' with "
     "indented 'key: value' lines below it)"),
    ("", "print_pages: two\n",
     "docs/x.md:7:1: error [meta-type] 'print_pages' should be a whole number (write 'print_pages: 1')"),
    ("", "print_pages: 3\n",
     "docs/x.md:7:1: error [meta-type] 'print_pages' is 3; it should be one of 1, 2 (write 'print_pages: 1')"),
    ("", "descripton: x\n",
     "docs/x.md:7:1: error [meta-unknown] unknown front-matter field 'descripton' (did you mean 'description'?)"),
    ("", "colour: red\n",
     "docs/x.md:7:1: error [meta-unknown] unknown front-matter field 'colour' (remove it, or see "
     "docs/about/contributing.md)"),
    ("tags: [participant]", "tags: [participants]",
     "docs/x.md:4:1: error [tag-unknown] unknown audience tag 'participants' (did you mean 'participant'?)"),
    ("tags: [participant]", "tags: [everyone, staff]",
     "docs/x.md:4:1: error [tag-unknown] unknown audience tag 'staff' (use one of everyone, facilitator, manager, "
     "participant)"),
    ("reviewed: 2026-11-26", "reviewed: 2026-13-01",
     "docs/x.md:5:1: error [date-invalid] 'reviewed' is not a date: '2026-13-01' (write it as YYYY-MM-DD, e.g. "
     "2026-11-26)"),
    ("review_due: 2027-11-26", "review_due: 2026-11-26",
     "docs/x.md:6:1: error [date-order] 'review_due' (2026-11-26) is not after 'reviewed' (2026-11-26) (set the next "
     "review after the last one, usually a year later)"),
])
def test_each_mistake_in_a_page(old, new, expected):
    meta = PAGE.replace(old, new) if old else PAGE + new
    assert validate(meta)[1] == [expected]


@pytest.mark.parametrize("old, new, expected", [
    ("term: Containment", "term: ''",
     "docs/x.md:2:1: error [meta-missing] front matter has no 'term' (add 'term:' (see docs/about/contributing.md))"),
    ("aliases: []", "aliases:",
     "docs/x.md:4:1: error [meta-missing] front matter has no 'aliases' (add 'aliases:' (see "
     "docs/about/contributing.md))"),
    ("summary: Holding feelings so they can be thought about.", "summary: [a]",
     "docs/x.md:3:1: error [meta-type] 'summary' should be text (write 'summary:' followed by plain text)"),
    ("sources: [bion-1962]", "sources: bion-1962",
     "docs/x.md:6:1: error [meta-type] 'sources' should be a list, e.g. [a, b] (write 'sources: [a, b]')"),
    ("tags: [facilitator]", "tags: [facilitators]",
     "docs/x.md:7:1: error [tag-unknown] unknown audience tag 'facilitators' (did you mean 'facilitator'?)"),
    ("tags: [facilitator]", "tag: [facilitator]",
     "docs/x.md:1:1: error [meta-missing] front matter has no 'tags' (add 'tags:' (see docs/about/contributing.md))"),
])
def test_each_mistake_in_an_entry(old, new, expected):
    problems = validate(ENTRY.replace(old, new), schema.ENTRY)[1]
    assert problems[0] == expected
    assert problems[1:] in ([], ["docs/x.md:7:1: error [meta-unknown] unknown front-matter field 'tag' (did you mean "
                                 "'tags'?)"])


def test_a_review_due_before_today_is_a_warning_only_when_today_is_given():
    assert validate(PAGE)[1] == []
    assert validate(PAGE, today=dt.date(2028, 1, 1))[1] == [
        "docs/x.md:6:1: warning [review-overdue] the review was due on 2027-11-26 (review the page, then update both "
        "dates)"]


def test_a_wrong_value_is_reported_but_a_type_error_drops_the_field():
    values, _ = validate(PAGE.replace("[participant]", "[participants]").replace("title: Confidentiality",
                                                                                "title: [a]"))
    assert values["tags"] == ["participants"] and "title" not in values


@pytest.mark.parametrize("data, code, expected", [
    (b"\xff\xfe", "yaml-invalid", "docs/_data/x.yaml:1:1: error [file-encoding] the file is not valid UTF-8 "
                                  "(invalid start byte) (save the file as UTF-8)"),
    (b"a: [1\nb: 2\n", "yaml-invalid", "docs/_data/x.yaml:2:1: error [yaml-invalid] the list is not valid YAML: "
                                       "expected ',' or ']', but got ':' (check it)"),
    (b"a: 1\n b: 2\n", "allowlist-invalid", "docs/_data/x.yaml:2:1: error [allowlist-invalid] the list is not valid "
                                            "YAML: mapping values are not allowed here (check it)"),
])
def test_data_files_turn_encoding_and_yaml_errors_into_one_problem(tmp_path, data, code, expected):
    (tmp_path / "x.yaml").write_bytes(data)
    node, loaded, problems = frontmatter.load_data(tmp_path / "x.yaml", "docs/_data/x.yaml", "the list", "check it",
                                                   code=code)
    assert (node, loaded, [p.render() for p in problems]) == (None, None, [expected])


def test_front_matter_yaml_errors_count_lines_from_the_file():
    doc = frontmatter.parse("---\ntitle: a: b\n---\n", "docs/x.md")
    assert [p.render() for p in doc.problems] == [
        "docs/x.md:2:1: error [yaml-invalid] the front matter is not valid YAML: mapping values are not allowed here "
        "(check the indentation and quote values that contain ':' or '#')"]
