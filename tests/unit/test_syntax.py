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
    ("See [[alpha]].", "See [Alpha](../glossary/alpha.md)."),
    ("See [[ALPHA]].", "See [Alpha](../glossary/alpha.md)."),
    ("See [[First Letter]].", "See [Alpha](../glossary/alpha.md)."),
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
    assert expand(kb, "[[beta]]", page="glossary/alpha.md").markdown == "[Beta](beta.md)"
    assert expand(kb, "[@heimann-1950]", page="index.md").markdown == "([Heimann, 1950](references.md#heimann-1950))"


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
