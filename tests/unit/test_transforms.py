"""Glossary-link decoration, generated pages, references and search fields."""
from __future__ import annotations

import json

import pytest

from kb import generated, model, searchindex, termlinks


@pytest.fixture
def kb(docs):
    return model.load(docs.standard().docs, docs.root)


def term_lookup(kb):
    by_url = {f"glossary/{slug}.html": t for slug, t in kb.glossary.terms.items()}
    return by_url.get


def test_decorate_adds_class_and_tooltip_to_every_glossary_link(kb):
    html = ('<p><a href="../glossary/alpha.html">A</a> <a class="x" href="../glossary/beta.html#s" title="old">B</a>'
            ' <a href="../other.html">O</a> <a href="https://example.org/glossary/alpha.html">E</a>'
            ' <a class="headerlink" href="#h">¶</a></p>')
    out, linked = termlinks.decorate(html, "guide/page.html", term_lookup(kb))
    assert linked == ["alpha", "beta"]
    assert '<a href="../glossary/alpha.html" class="kb-term" title="A plain sentence.">A</a>' in out
    assert '<a href="../glossary/beta.html#s" class="x kb-term" title="A plain sentence.">B</a>' in out
    assert '<a href="../other.html">O</a>' in out
    assert '<a href="https://example.org/glossary/alpha.html">E</a>' in out
    assert '<a class="headerlink" href="#h">¶</a>' in out


def test_decorate_handles_raw_html_attribute_order_and_quotes(kb):
    out, linked = termlinks.decorate("<a data-x='1>2' HREF='alpha.html'>x</a>", "glossary/beta.html", term_lookup(kb))
    assert linked == ["alpha"]
    assert out == '<a data-x="1&gt;2" href="alpha.html" class="kb-term" title="A plain sentence.">x</a>'


def test_glossary_index_lists_letters_and_their_headings(kb):
    text = generated.glossary_index(kb.glossary, "2026-11-26", "2027-11-26")
    assert "title: Glossary A–Z" in text and "reviewed: 2026-11-26" in text
    assert "[A](#letter-a) [B](#letter-b) [F](#letter-f) [G](#letter-g)" in text
    assert text.endswith("## A {#letter-a data-search-exclude}\n\n## B {#letter-b data-search-exclude}\n\n"
                         "## F {#letter-f data-search-exclude}\n\n## G {#letter-g data-search-exclude}\n\n")


HEADINGS = '<h2 id="letter-a">A<a class="headerlink" href="#letter-a">¶</a></h2>\n<h2 id="letter-f">F</h2>'


def test_az_rows_go_under_their_letters(kb):
    out = generated.insert_az_rows(HEADINGS, kb.glossary)
    assert out == ('<h2 id="letter-a">A<a class="headerlink" href="#letter-a">¶</a></h2>\n<dl>\n'
                   '<dt><a href="alpha.html"><strong>Alpha</strong></a></dt>\n<dd>A plain sentence.</dd>\n</dl>\n'
                   '<h2 id="letter-f">F</h2>\n'
                   '<p class="kb-az-alias"><em>first letter</em>: see <a href="alpha.html">Alpha</a></p>')


def test_az_rows_share_a_list_until_an_alias_and_are_escaped(docs):
    docs.standard()
    docs.glossary("alpha", docs.glossary_text("Alpha", summary="Safe & <sound>", aliases="[Also A*B_C]"))
    docs.glossary("apex", docs.glossary_text("Apex"))
    docs.glossary("azure", docs.glossary_text("Azure"))
    glossary = model.load(docs.docs, docs.root).glossary
    out = generated.insert_az_rows(HEADINGS, glossary)
    assert "<dd>Safe &amp; &lt;sound&gt;</dd>" in out and "<em>Also A*B_C</em>" in out
    assert out.count("<dl>") == out.count("</dl>") == 2  # Alpha | the alias | Apex, Azure
    assert out.index("Also A*B_C") < out.index("Apex") < out.index("Azure")
    assert '<a href="alpha/">' in generated.insert_az_rows(HEADINGS, glossary, directory_urls=True)


def test_glossary_index_lists_one_variant_of_each_alias(docs):
    docs.standard()
    docs.glossary("alpha", docs.glossary_text("Alpha", aliases="[first letter, first-letter, First letters, ALPHAS]"))
    glossary = model.load(docs.docs, docs.root).glossary
    assert generated.insert_az_rows(HEADINGS, glossary).count('see <a href="alpha.html">Alpha</a>') == 1


def test_references_page_is_sorted_anchored_and_formatted(kb):
    page = generated.references_page(kb.references, "2026-11-26", "2027-11-26")
    assert page.startswith("---\ntitle: References\n") and page.endswith("it is left out.\n\n")
    text = generated.insert_references("<h1>References</h1>", kb.references) + "\n"
    assert text.startswith("<h1>References</h1>\n<p class=")
    heimann = text.index('<p class="kb-reference" id="heimann-1950">')
    miller = text.index('<p class="kb-reference" id="miller-1967">')
    assert heimann < miller
    assert ('<p class="kb-reference" id="heimann-1950">Heimann, P. (1950). On counter-transference. '
            "<em>International Journal of Psycho-Analysis</em>, 31, 81–84.</p>\n") in text
    assert ('<p class="kb-reference" id="miller-1967">Miller, E. J. and Rice, A. K. (1967). '
            "<em>Systems of Organization</em>. London: Tavistock.</p>\n") in text


def test_reference_links_doi_and_editors():
    ref = model.bibliography.Reference("x-2020", {
        "type": "book", "editor": [{"family": "Kurtz", "given": "Andrew"}], "issued": {"date-parts": [[2020]]},
        "title": "How to run groups", "publisher": "Routledge", "DOI": "10.4324/9781351112994"}, 1)
    assert ref.html == ('Kurtz, A. (ed.) (2020). <em>How to run groups</em>. Routledge. '
                        '<a href="https://doi.org/10.4324/9781351112994">https://doi.org/10.4324/9781351112994</a>')


def test_reference_text_is_escaped_once_for_html():
    ref = model.bibliography.Reference("x-2021", {
        "type": "chapter", "author": [{"family": "Smith & Sons"}], "issued": {"date-parts": [[2021]]},
        "title": "Groups <and> *teams*", "container-title": "R&D", "chapter-number": 3,
        "URL": "https://example.org/a?b=1&c=2"}, 1)
    assert ref.html == ('Smith &amp; Sons (2021). Groups &lt;and&gt; *teams*. Chapter 3 in <em>R&amp;D</em>. '
                        '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>')


def test_search_fields_join_hyphenated_words_and_add_aliases(tmp_path):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}}}, "docs": [
        {"location": "glossary/ct.html", "title": "Countertransference", "text": "also counter-transference"},
        {"location": "glossary/ct.html#x", "title": "X", "text": "a re-enactment"},
        {"location": "other.html", "title": "Other", "text": "nothing"}]}))
    names = {"glossary/ct.html": ["Countertransference", "counter-transference"]}
    searchindex.augment(index, lambda location: names.get(location, []))
    data = json.loads(index.read_text())
    assert data["config"]["fields"]["kb_joined"] == {"boost": 1}
    assert data["config"]["fields"]["kb_aliases"]["boost"] == searchindex.ALIAS_BOOST
    page, section, other = data["docs"]
    assert page["kb_joined"] == "countertransference"
    assert page["kb_aliases"] == "Countertransference counter-transference countertransference"
    assert section["kb_joined"] == "reenactment" and "kb_aliases" not in section
    assert "kb_joined" not in other


def test_unverified_co_authors_are_written_et_al():
    ref = model.bibliography.Reference("d-2018", {
        "type": "article-journal", "author": [{"family": "Dreison"}, {"literal": "et al."}],
        "issued": {"date-parts": [[2018]]}, "title": "Job burnout", "container-title": "J", "volume": 23}, 1)
    assert ref.label() == "Dreison et al., 2018"
    assert ref.html.startswith("Dreison et al. (2018). Job burnout. <em>J</em>, 23.")
