"""Property-based tests: random HTML, Markdown and front matter never crash the checker.

Each example ends in findings or a clean result, never an exception; every finding
carries a documented code and a position inside its file.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkerkit import Project
from kb.checker import codes, htmlindex

EXAMPLES = int(os.environ.get("CHECKER_EXAMPLES", "60"))  # CHECKER_EXAMPLES=1000 for a longer search
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Any character a file can hold, except NUL (a NUL makes a file "not HTML": exit 2, tested elsewhere).
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")

HTML_TOKENS = ['<a href="', '<a href=', "<a name=", '<img src="', ' srcset="', ', ', ' 2x',
               '<link rel="stylesheet" href="',
               '<link rel="canonical" href="', '<script src="', "</script>", "<script>", "<style>", "</style>",
               "url(", ")", "@import '", ' style="', ' id="', '"', "'", ">", "<", "/>", "<!--", "-->", "#", "../", "/",
               "index.html", "guide.html", "https://", "//cdn.example.com/", "mailto:", "&amp;", "&#", ";", "\n",
               " ", "=", "<svg><use href=\"#", "<iframe src=", "<object data=", "<video poster=", "?", "%", "%E9",
               "<template>", "</template>", "<base href=\"/x/\">", "\r\n", "[", "::", "\\"]
MARKDOWN_TOKENS = ["[[", "]]", "|", "[@", "]", "(", ")", "](", "[", "@", ";", "alpha", "ALPHA", "heimann-1950",
                   "```", "~~~", "`", "    ", "\n", "\n\n", "# ", "## ", "### ", "!!! example", "??? example",
                   '"Fictional"', '"Case"', "tel:", "+44 ", "020 7946 0958", "943 476 5919", "116 123",
                   "a@b.org", "x@nhs.net", "<a href=\"", "../index.md", "faq/", "#", "- ", "> ", "\t", "é", "{#id}",
                   "[x]: ", "glossary/gamma.md", "references.md#miller-1967"]
YAML_TOKENS = ["title: ", "description: ", "tags: ", "reviewed: ", "review_due: ", "term: ", "aliases: ",
               "related: ", "sources: ", "summary: ", "2026-11-26", "2026-13-01", "2027-11-26", "[", "]", "{", "}",
               ", ", ": ", "- ", "\n", "  ", "'", '"', "#", "&a ", "*a", "!!python/object:os.system", "!!binary",
               "~", "null", "[everyone]", "[alpha, beta]", "[heimann-1950]", "|\n  ", ">-\n  ", "? ", "---", "..."]


def texts(tokens: list[str]):
    return st.lists(st.one_of(st.sampled_from(tokens), st.text(CHARS, max_size=8)), max_size=40).map("".join)


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)


def assert_well_formed(project: Project, findings) -> None:
    for finding in findings:
        assert finding.code in codes.CODES, finding
        assert finding.severity == codes.CODES[finding.code].severity, finding
        assert finding.line >= 1 and finding.col >= 1, finding
        target = project.root / finding.path
        if target.is_file():
            lines = target.read_text(encoding="utf-8", errors="replace").splitlines() or [""]
            assert finding.line <= len(lines) + 1, finding


@SETTINGS
@given(html=texts(HTML_TOKENS))
def test_random_html_ends_in_findings_or_a_clean_result(project, html):
    project.write("site/random.html", html)
    result = project.run(docs=False)
    assert_well_formed(project, result.findings)


@SETTINGS
@given(html=texts(HTML_TOKENS))
def test_every_url_in_random_html_gets_a_position_inside_the_page(html):
    index = htmlindex.index_html(html)
    lines = html.count("\n") + 1
    for number in range(len(index.refs)):
        line, col = index.position(number)
        assert 1 <= line <= lines and col >= 1


@SETTINGS
@given(css=texts(["url(", ")", '"', "'", "/*", "*/", "@import ", "data:", "https://x/", "a.png", "\n", " "]))
def test_random_css_never_crashes(project, css):
    project.write("site/assets/site.css", css)
    assert_well_formed(project, project.run(docs=False).findings)


@SETTINGS
@given(body=texts(MARKDOWN_TOKENS))
def test_random_markdown_ends_in_findings_or_a_clean_result(project, body):
    head = "---\ntitle: R\ndescription: Random.\ntags: [everyone]\nreviewed: 2026-11-26\nreview_due: 2027-11-26\n---\n"
    project.write("docs/faq/random.md", head + body)
    project.write("docs/glossary/random-term.md", project.path("docs/glossary/gamma.md").read_text() + body)
    assert_well_formed(project, project.run().findings)


@SETTINGS
@given(front=texts(YAML_TOKENS), closed=st.booleans())
def test_random_front_matter_ends_in_findings_or_a_clean_result(project, front, closed):
    text = "---\n" + front + ("\n---\n# Body\n" if closed else "")
    project.write("docs/random.md", text)
    project.write("docs/glossary/random-term.md", text)
    assert_well_formed(project, project.run().findings)


@SETTINGS
@given(allow=texts([*YAML_TOKENS, "phones: ", "emails: ", "email_domains: ", "nhs_numbers: ", "999", "1"]))
def test_a_random_allow_list_never_crashes(project, allow):
    project.write("docs/_data/allowlist.yaml", allow)
    assert_well_formed(project, project.run().findings)
