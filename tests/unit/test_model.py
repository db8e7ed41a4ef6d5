"""The content model: loading, and one test per mistake an author can make."""
from __future__ import annotations

import pytest

from kb import model
from kbfixtures import entry


def rendered(docs) -> list[str]:
    return [p.render() for p in model.load(docs.docs, docs.root).problems]


def test_clean_content_loads_without_problems(docs):
    m = model.load(docs.standard().docs, docs.root)
    assert m.problems == []
    assert sorted(m.glossary.terms) == ["alpha", "beta", "gamma"]
    assert m.glossary.lookup("FIRST LETTER").slug == "alpha"
    assert m.glossary.lookup("alpha").term == "Alpha"
    assert m.references["miller-1967"].label() == "Miller and Rice, 1967"


def test_missing_field(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta").replace("summary: A plain sentence.\n", ""))
    assert rendered(docs) == ["docs/glossary/beta.md:1:1: error [meta-missing] front matter has no 'summary' (add "
                              "'summary:' (see docs/about/contributing.md))"]


def test_mistyped_field(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", aliases="one alias"))
    assert rendered(docs) == ["docs/glossary/beta.md:4:1: error [meta-type] 'aliases' should be a list, e.g. [a, b] "
                              "(write 'aliases: [a, b]')"]


def test_a_blank_field_is_missing_not_a_python_type(docs):
    """Entries once said "should be a list of words, e.g. [a, b], not NoneType": pages and entries now
    share one schema, and its messages name no Python type."""
    docs.standard()
    docs.glossary("beta", entry("Beta", aliases=""))
    assert rendered(docs) == ["docs/glossary/beta.md:4:1: error [meta-missing] front matter has no 'aliases' (add "
                              "'aliases:' (see docs/about/contributing.md))"]


def test_an_unknown_tag_is_reported_and_the_term_is_kept(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", tags="[participants]"))
    m = model.load(docs.docs, docs.root)
    assert [p.render() for p in m.problems] == ["docs/glossary/beta.md:7:1: error [tag-unknown] unknown audience tag "
                                                "'participants' (did you mean 'participant'?)"]
    assert "beta" in m.glossary.terms


def test_misspelt_field_name(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", body="") .replace("tags:", "tag:"))
    problems = rendered(docs)
    assert problems[0] == ("docs/glossary/beta.md:1:1: error [meta-missing] front matter has no 'tags' (add 'tags:' "
                           "(see docs/about/contributing.md))")
    assert problems[1] == ("docs/glossary/beta.md:7:1: error [meta-unknown] unknown front-matter field 'tag' "
                           "(did you mean 'tags'?)")


def test_summary_too_long(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", summary=" ".join(["word"] * 40)))
    assert rendered(docs) == ["docs/glossary/beta.md:3:1: error [summary-long] the summary has 40 words; the limit "
                              "is 35 (shorten it to one plain sentence of about 30 words)"]


def test_unknown_related_term_suggests_the_nearest(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", related="[alpah, gamma]"))
    assert rendered(docs) == ["docs/glossary/beta.md:5:1: error [related-unknown] related term 'alpah' does not "
                              "exist (did you mean 'alpha'?)"]


def test_term_related_to_itself(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", related="[beta, alpha, gamma]"))
    assert rendered(docs) == ["docs/glossary/beta.md:5:1: error [related-self] 'beta' lists itself as a related "
                              "term (remove it from 'related')"]


def test_unknown_source_id(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", sources="[heiman-1950]"))
    assert rendered(docs) == ["docs/glossary/beta.md:6:1: error [source-unknown] source 'heiman-1950' is not in "
                              "the bibliography (did you mean 'heimann-1950'?)"]


def test_duplicate_alias_across_terms(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", aliases="[First Letter]"))
    assert rendered(docs) == ["docs/glossary/beta.md:4:1: error [alias-duplicate] alias 'First Letter' is also an "
                              "alias of 'alpha' (give each alias to one term only)"]


def test_alias_colliding_with_another_terms_name(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", aliases="[GAMMA]"))
    assert rendered(docs) == ["docs/glossary/beta.md:4:1: error [alias-collision] alias 'GAMMA' is the name of "
                              "another term, 'gamma' (remove the alias, or link to that term instead)"]


def test_malformed_yaml(docs):
    docs.standard()
    docs.glossary("beta", entry("Beta", summary="a: b: c"))
    assert rendered(docs) == ["docs/glossary/beta.md:3:1: error [yaml-invalid] the front matter is not valid YAML: "
                              "mapping values are not allowed here (check the indentation and quote values that "
                              "contain ':' or '#')"]


@pytest.mark.parametrize("reviewed, due, expected", [
    ("2026-13-01", "2027-11-26", "docs/glossary/beta.md:8:1: error [date-invalid] 'reviewed' is not a date: "
                                 "'2026-13-01' (write it as YYYY-MM-DD, e.g. 2026-11-26)"),
    ("2026-11-26", "soon", "docs/glossary/beta.md:9:1: error [date-invalid] 'review_due' is not a date: 'soon' "
                           "(write it as YYYY-MM-DD, e.g. 2026-11-26)"),
    ("2026-11-26", "2025-01-01", "docs/glossary/beta.md:9:1: error [date-order] 'review_due' (2025-01-01) is not "
                                 "after 'reviewed' (2026-11-26) (set the next review after the last one, usually a "
                                 "year later)"),
])
def test_malformed_dates(docs, reviewed, due, expected):
    docs.standard()
    docs.glossary("beta", entry("Beta", reviewed=reviewed, due=due))
    assert rendered(docs) == [expected]


@pytest.mark.parametrize("removed, message", [
    ("    author:\n      - family: Heimann\n        given: Paula\n",
     "'heimann-1950' has no author or editor with a family name (add 'author:' (or 'editor:') with '- family: ...' "
     "and 'given: ...')"),
    ("    issued:\n      date-parts: [[1950]]\n", "'heimann-1950' has no year (add 'issued: {date-parts: [[YYYY]]}')"),
    ("    title: On counter-transference\n", "'heimann-1950' has no title (add 'title: ...')"),
])
def test_bibliography_entry_without_required_fields(docs, removed, message):
    docs.standard()
    bib = docs.docs / "_data" / "bibliography.yaml"
    bib.write_text(bib.read_text().replace(removed, ""))
    assert rendered(docs) == [f"docs/_data/bibliography.yaml:2:1: error [bib-missing] {message}"]


def test_bibliography_accepts_editors_instead_of_authors(docs):
    docs.standard()
    bib = docs.docs / "_data" / "bibliography.yaml"
    bib.write_text(bib.read_text().replace("    author:\n      - family: Heimann",
                                           "    editor:\n      - family: Heimann"))
    assert rendered(docs) == []


def test_malformed_bibliography_yaml(docs):
    docs.standard()
    (docs.docs / "_data" / "bibliography.yaml").write_text("references:\n  - id: x\n   title: y\n")
    assert rendered(docs)[0].startswith("docs/_data/bibliography.yaml:3:1: error [yaml-invalid] the bibliography is "
                                        "not valid YAML")


def test_an_undecodable_bibliography_is_one_problem(docs):
    docs.standard()
    (docs.docs / "_data" / "bibliography.yaml").write_bytes(b"references:\n  - id: caf\xe9\n")
    assert rendered(docs)[0] == ("docs/_data/bibliography.yaml:1:1: error [file-encoding] the file is not valid UTF-8 "
                                 "(invalid continuation byte) (save the file as UTF-8)")
