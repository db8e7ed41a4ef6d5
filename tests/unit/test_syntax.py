"""The authoring syntax: [[term]], [[term|text]], [@id], [@id1; @id2]; code left alone."""
from __future__ import annotations

import pytest

from kb import model, syntax


@pytest.fixture
def kb(docs):
    return model.load(docs.standard().docs, docs.root)


def expand(kb, text, page="guide/page.md"):
    return syntax.expand(text, page, "docs/" + page, kb.glossary, kb.references)


@pytest.mark.parametrize("source, expected", [
    ("See [[alpha]].", "See [alpha](../glossary/alpha.md)."),
    ("See [[ALPHA]].", "See [alpha](../glossary/alpha.md)."),
    ("See [[First Letter]].", "See [alpha](../glossary/alpha.md)."),
    ("[[alpha]] comes first.", "[Alpha](../glossary/alpha.md) comes first."),
    ("One. [[alpha]] two.", "One. [Alpha](../glossary/alpha.md) two."),
    ("- [[alpha]]", "- [Alpha](../glossary/alpha.md)"),
    ("A line\n[[alpha]] goes on.", "A line\n[alpha](../glossary/alpha.md) goes on."),
    ("See [[alpha|the first]].", "See [the first](../glossary/alpha.md)."),
    ("As shown [@heimann-1950].", "As shown ([Heimann, 1950](../references.md#heimann-1950))."),
    ("Both [@heimann-1950; @miller-1967].",
     "Both ([Heimann, 1950](../references.md#heimann-1950); [Miller and Rice, 1967](../references.md#miller-1967))."),
    ("A [link](x.md) and [@user](y.md) are not citations.", "A [link](x.md) and [@user](y.md) are not citations."),
])
def test_expansion(kb, source, expected):
    result = expand(kb, source)
    assert result.problems == []
    assert result.markdown == expected


def test_links_are_relative_to_the_page(kb):
    assert expand(kb, "[[beta]]", page="index.md").markdown == "[Beta](glossary/beta.md)"
    assert expand(kb, "See [[beta]]", page="glossary/alpha.md").markdown == "See [beta](beta.md)"
    assert expand(kb, "[@heimann-1950]", page="index.md").markdown == "([Heimann, 1950](references.md#heimann-1950))"


def test_a_citation_can_name_a_page(kb):
    result = expand(kb, "[@heimann-1950, p. 81; @miller-1967, pp. 3-4]", page="index.md")
    assert result.markdown == ("([Heimann, 1950, p. 81](references.md#heimann-1950); "
                               "[Miller and Rice, 1967, pp. 3-4](references.md#miller-1967))")
    assert result.citations == ["heimann-1950", "miller-1967"] and result.problems == []


def test_a_term_on_its_own_page_is_not_linked(kb):
    assert expand(kb, "[[alpha]] is", page="glossary/alpha.md").markdown == "Alpha is"


def test_records_terms_and_citations(kb):
    result = expand(kb, "[[alpha]] [[beta|b]] [@heimann-1950; @miller-1967]")
    assert result.terms == ["alpha", "beta"]
    assert result.citations == ["heimann-1950", "miller-1967"]


@pytest.mark.parametrize("source", [
    "Use `[[alpha]]` to link.",
    "Use ``[[alpha]] and [@heimann-1950]`` here.",
    "```\n[[alpha]] [@nobody]\n```\n",
    "~~~~markdown\n[[unknown]]\n~~~~\n",
    "    ```\n    [[unknown]]\n    ```\n",
])
def test_code_is_left_alone(kb, source):
    result = expand(kb, source)
    assert result.problems == []
    assert result.markdown == source


def test_text_after_a_fence_is_expanded_again(kb):
    result = expand(kb, "```\n[[x]]\n```\n[[alpha]]\n")
    assert result.markdown == "```\n[[x]]\n```\n[Alpha](../glossary/alpha.md)\n"


def test_unknown_term_names_file_line_and_nearest_names(kb):
    result = expand(kb, "Intro\n\nThen [[alpah]] here.")
    assert [p.render() for p in result.problems] == [
        "docs/guide/page.md:3:6: error [term-unknown] unknown glossary term '[[alpah]]' (did you mean 'alpha'?)"]


def test_unknown_citation_names_file_line_and_nearest_ids(kb):
    result = syntax.expand("One\n[@heiman-1950]", "p.md", "docs/p.md", kb.glossary, kb.references, line_offset=6)
    assert [p.render() for p in result.problems] == [
        "docs/p.md:8:1: error [cite-unknown] unknown citation '[@heiman-1950]' (did you mean 'heimann-1950'?)"]


@pytest.mark.parametrize("before, starts", [
    ("", True), ("See ", False), ("Done. ", True), ("Why? ", True), ("- ", True), ("1. ", True),
    ("## ", True), ("> ", True), ("| a | ", True), ("**", True), ("- **", True), ("Hello **", False),
    ("(see ", False), ("Intro: ", False), ("text\n", False), ("text.\n", True), ("para\n\n", True),
])
def test_where_a_sentence_starts(before, starts):
    assert syntax.starts_sentence(before) is starts


def running(term, body=""):
    from kb.frontmatter import Document
    from kb.glossary import Term
    return Term("x", term, "s", [], [], [], [], None, None, doc=Document("x.md", body=body)).running_name


@pytest.mark.parametrize("term, body, name", [
    ("Containment", "Containment is. We use containment.", "containment"),
    ("Frame (setting)", "", "frame"),
    ("Case consultation (consultation to teams)", "", "case consultation"),
    ("Psychologically informed environment (PIE)", "", "psychologically informed environment"),
    ("PIE", "", "PIE"),
    ("Schwartz Rounds", "", "Schwartz Rounds"),
    ("Balint group", "In a Balint group, doctors talk.", "Balint group"),
    ("Burnout", "the Maslach Burnout Inventory", "burnout"),
])
def test_the_name_in_running_text(term, body, name):
    assert running(term, body) == name


def test_a_page_without_code_is_expanded_as_the_line_by_line_path_would(kb):
    """Pages with no code are expanded in one piece; the same page with a code span
    somewhere goes line by line. Both give the same links, capitals and positions."""
    body = ("Intro [[alpha]].\n\n[[alpha]] starts a paragraph.\n- [[beta]] in a list\n"
            "Then [[alpah]] and [@heiman-1950] here.\n")
    plain = syntax.expand(body, "guide/page.md", "docs/guide/page.md", kb.glossary, kb.references, line_offset=4)
    coded = syntax.expand(body + "`code`\n", "guide/page.md", "docs/guide/page.md", kb.glossary, kb.references,
                          line_offset=4)
    assert plain.markdown + "`code`\n" == coded.markdown
    assert "\n[Alpha](../glossary/alpha.md) starts" in plain.markdown
    assert [p.render() for p in plain.problems] == [p.render() for p in coded.problems] == [
        "docs/guide/page.md:9:6: error [term-unknown] unknown glossary term '[[alpah]]' (did you mean 'alpha'?)",
        "docs/guide/page.md:9:20: error [cite-unknown] unknown citation '[@heiman-1950]' "
        "(did you mean 'heimann-1950'?)"]
