"""Assertions on the real site, built once with --strict."""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import yaml
from selectolax.lexbor import LexborHTMLParser

from kb import build, model, searchindex, urls
from pages import html_pages

ROOT = Path(__file__).resolve().parents[2]
MODEL = model.load(ROOT / "docs", ROOT)


def parse(site: Path, page: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / page).read_text(encoding="utf-8"))


def test_the_site_has_the_expected_pages(built_site):
    pages = html_pages(built_site)
    for page in ["index.html", "take-part/index.html", "facilitate/index.html", "managers/index.html",
                 "about/index.html", "about/accessibility.html", "about/getting-support.html",
                 "about/reviews.html", "about/contributing.html", "glossary/index.html", "references.html"]:
        assert page in pages
    assert len([p for p in pages if p.startswith("glossary/")]) == len(MODEL.glossary) + 1


def test_every_page_has_title_description_review_dates_and_language(built_site):
    missing = []
    for page in html_pages(built_site):
        tree = parse(built_site, page)
        title = tree.css_first("title")
        description = tree.css_first('meta[name="description"]')
        dates = tree.css_first(".kb-review-dates")
        text = dates.text() if dates else ""
        if not (title and title.text().strip() and description and description.attributes.get("content", "").strip()
                and "Page last reviewed:" in text and "Next review due:" in text
                and tree.css_first("html").attributes.get("lang") == "en-GB"):
            missing.append(page)
    assert missing == []


RESOURCE_SELECTORS = {"script": "src", "img": "src", "iframe": "src", "frame": "src", "source": "src",
                      "audio": "src", "video": "src", "embed": "src", "object": "data", "track": "src"}
LOADING_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload",
                "manifest", "apple-touch-icon"}


def outside_resources(site: Path, page: str) -> list[str]:
    tree = parse(site, page)
    found = []
    for tag, attr in RESOURCE_SELECTORS.items():
        for node in tree.css(f"{tag}[{attr}]"):
            if urls.is_external(node.attributes[attr]):
                found.append(node.attributes[attr])
    for node in tree.css("[srcset]"):
        found += [c.split()[0] for c in node.attributes["srcset"].split(",") if urls.is_external(c.strip().split()[0])]
    for node in tree.css("link[href]"):
        if LOADING_RELS & set((node.attributes.get("rel") or "").split()) and urls.is_external(node.attributes["href"]):
            found.append(node.attributes["href"])
    for node in tree.css("style"):
        found += [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", node.text()) if urls.is_external(u)]
    for node in tree.css("[style]"):
        found += [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", node.attributes["style"]) if urls.is_external(u)]
    return found


def test_no_page_loads_anything_from_outside_the_site(built_site):
    leaks = {page: outside_resources(built_site, page) for page in html_pages(built_site)}
    assert {page: found for page, found in leaks.items() if found} == {}


def test_no_stylesheet_loads_anything_from_outside_the_site(built_site):
    leaks = {}
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        found = [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) if urls.is_external(u)
                 and not u.startswith("data:")]
        found += re.findall(r"@import\s+(?:url\()?['\"]?(https?:[^'\")]+)", text)
        if found:
            leaks[css.relative_to(built_site).as_posix()] = found
    assert leaks == {}


def test_polyfill_is_vendored_with_its_licence_and_loaded_on_file_urls_only(built_site):
    tree = parse(built_site, "index.html")
    scripts = [n.attributes["src"] for n in tree.css("script[src]")]
    assert not any("shim.js" in s or "unpkg" in s for s in scripts)  # not over http
    base = (built_site / "assets/javascripts/kb-md-base.js").read_text()
    assert 'location.protocol==="file:"' in base and "assets/vendor/iframe-worker/shim.js" in base
    assert (built_site / "assets/vendor/iframe-worker/shim.js").is_file()
    assert (built_site / "assets/vendor/iframe-worker/LICENSE").read_text().startswith("MIT") or \
        "Permission is hereby granted" in (built_site / "assets/vendor/iframe-worker/LICENSE").read_text()


def test_bibliography_data_is_not_published(built_site):
    assert not (built_site / "_data").exists()
    assert not list(built_site.rglob("*.yaml"))


# --- glossary and citations -----------------------------------------------------

def test_the_first_link_to_each_term_carries_its_summary_and_repeats_do_not(built_site):
    tree = parse(built_site, "facilitate/hard-moments-conflict.html")
    for aside in tree.css(".kb-terms-used"):
        aside.decompose()  # a list of the terms, by design without tooltips
    links = tree.css("article a.kb-term")
    assert links, "the guide links to glossary terms"
    seen = set()
    for a in links:
        slug = Path(urlsplit(a.attributes["href"]).path).stem
        if slug in seen:
            assert "title" not in a.attributes, slug
        else:
            assert a.attributes.get("title") == MODEL.glossary.terms[slug].summary, slug
        seen.add(slug)
    assert len(seen) < len(links), "the page links some term twice"


def test_every_link_to_a_glossary_entry_is_decorated(built_site):
    undecorated = []
    for page in html_pages(built_site):
        tree = parse(built_site, page)
        for a in tree.css(".md-content a[href]"):
            href = a.attributes["href"]
            if urls.is_external(href) or href.startswith("#"):
                continue
            path, _ = urls.resolve(href, page)
            if path.startswith("glossary/") and path != "glossary/index.html" and \
                    "kb-term" not in (a.attributes.get("class") or "").split():
                undecorated.append((page, href))
    assert undecorated == []


def test_glossary_pages_show_aliases_related_sources_and_backlinks(built_site):
    tree = parse(built_site, "glossary/countertransference.html")
    term = MODEL.glossary.terms["countertransference"]
    assert tree.css_first(".kb-summary").text().strip() == term.summary
    aliases = tree.css_first(".kb-aliases").text()
    assert all(a in aliases for a in term.aliases)
    related = [Path(a.attributes["href"]).stem for a in tree.css(".kb-related a")]
    assert related == term.related
    assert len(tree.css(".kb-sources li")) == len(term.sources)
    mentioned = [a.attributes["href"] for a in tree.css(".kb-mentioned a")]
    assert "../take-part/index.html" in mentioned


def inside(node, classes: set[str]) -> bool:
    """True when an ancestor of `node` carries one of `classes`."""
    node = node.parent
    while node is not None:
        if classes & set((node.attributes.get("class") or "").split()):
            return True
        node = node.parent
    return False


def test_backlinks_list_exactly_the_pages_that_link_to_a_term(built_site):
    linking: dict[str, set[str]] = {}
    for page in html_pages(built_site):
        if page == "glossary/index.html" or page.endswith("/print.html"):
            continue  # the A–Z links every term; a guide's print page copies its pages' links
        tree = parse(built_site, page)
        for a in tree.css(".md-content article > a.kb-term, .md-typeset a.kb-term"):
            if inside(a, {"kb-related", "kb-terms-used", "kb-mentioned"}):
                continue  # generated lists, not the page's own links
            path, _ = urls.resolve(a.attributes["href"], page)
            if path != page:
                linking.setdefault(path, set()).add(page)
    for slug in MODEL.glossary.terms:
        page = f"glossary/{slug}.html"
        tree = parse(built_site, page)
        shown = {urls.resolve(a.attributes["href"], page)[0] for a in tree.css(".kb-mentioned a")}
        assert shown == linking.get(page, set()), slug


def test_a_to_z_lists_every_term_with_its_summary(built_site):
    tree = parse(built_site, "glossary/index.html")
    wrong = {}
    for slug, term in MODEL.glossary.terms.items():
        link = tree.css_first(f'dl dt a[href="{slug}.html"]')
        definition = link.parent.next if link else None
        while definition is not None and definition.tag == "-text":
            definition = definition.next
        shown = " ".join(definition.text().split()) if definition is not None and definition.tag == "dd" else None
        if shown != " ".join(term.summary.split()):
            wrong[slug] = shown
    assert wrong == {}
    entry_links = tree.css("article dl dt a, article p.kb-az-alias a")  # glossary links, no tooltip
    assert entry_links and all(a.attributes.get("class") == "kb-term" and "title" not in a.attributes
                               for a in entry_links)
    letters = [a.attributes["href"] for a in tree.css(".kb-az-letters a")]
    for href in letters:
        assert tree.css_first(href), f"letter anchor {href} missing"


def test_every_alias_is_findable_on_the_term_page_and_resolves_in_the_model(built_site):
    for slug, term in MODEL.glossary.terms.items():
        text = parse(built_site, f"glossary/{slug}.html").css_first("article").text()
        for alias in term.aliases:
            assert alias in text, (slug, alias)
            assert MODEL.glossary.lookup(alias) is term


def test_references_have_one_anchor_per_id_and_citations_resolve(built_site):
    refs = parse(built_site, "references.html")
    ids = [n.attributes["id"] for n in refs.css("p.kb-reference")]
    assert sorted(ids) == sorted(MODEL.references)
    assert len(ids) == len(set(ids))
    for page in html_pages(built_site):
        for a in parse(built_site, page).css('a[href*="references.html#"]'):
            assert urlsplit(a.attributes["href"]).fragment in ids, (page, a.attributes["href"])


def test_glossary_entries_are_kept_out_of_the_sidebar(built_site):
    nav = parse(built_site, "index.html").css_first(".md-sidebar--primary")
    hrefs = [a.attributes["href"] for a in nav.css("a[href]")]
    assert any(h.endswith("glossary/index.html") for h in hrefs)
    assert not any(re.search(r"glossary/(?!index)[a-z-]+\.html", h) for h in hrefs)


def test_search_index_boosts_glossary_pages_and_indexes_aliases(built_site):
    data = json.loads((built_site / "search/search_index.json").read_text())
    assert data["config"]["fields"]["kb_aliases"]["boost"] > data["config"]["fields"]["text"]["boost"]
    docs = {d["location"]: d for d in data["docs"]}
    ct = docs["glossary/countertransference.html"]
    assert ct["boost"] == build.SEARCH_BOOST_GLOSSARY > 1
    assert "counter-transference" in ct["kb_aliases"] and "countertransference" in ct["kb_aliases"]
    assert "\\u2013" in data["config"]["separator"] or "\u2013" in data["config"]["separator"]
    assert (built_site / "search/search_index.js").read_text().startswith("var __index = ")
    assert json.loads((built_site / "search/search_index.js").read_text()[len("var __index = "):]) == data


def test_the_common_words_gathered_while_compacting_are_those_of_the_compact_text(built_site):
    """augment gathers the common words as it makes each text lighter; they must be what
    searchindex.common_words finds in the finished index."""
    data = json.loads((built_site / "search/search_index.json").read_text())
    assert data["config"]["kb_common_words"] == searchindex.common_words(data["docs"])
    assert "group" in data["config"]["kb_common_words"]


def test_search_index_leaves_out_audience_tags_and_the_a_to_z_list(built_site):
    data = json.loads((built_site / "search/search_index.json").read_text())
    assert "tags" not in data["config"]["fields"] and not any("tags" in d for d in data["docs"])
    az = [d["location"] for d in data["docs"] if d["location"].startswith("glossary/index.html")]
    assert az == ["glossary/index.html"]  # its title and introduction, not the letters' lists


def test_search_index_holds_guidance_not_examples_model_answers_or_handout_bodies(built_site):
    data = json.loads((built_site / "search/search_index.json").read_text())
    text = " ".join(d["text"] for d in data["docs"])
    assert "<p>Fictional composite example</p>" not in text and "Also called:" not in text
    handout = [d for d in data["docs"] if d["location"].startswith("handouts/confidentiality.html")]
    assert [d["location"] for d in handout] == ["handouts/confidentiality.html"]
    assert [d["location"] for d in data["docs"] if d["location"].startswith("references.html")] == \
        ["references.html"]
    # The reference list's entries and the A–Z's rows are put in after search has read the page.
    docs = {d["location"]: d["text"].lower() for d in data["docs"]}
    assert "heimann" not in docs["references.html"] and "counter-transference" not in docs["references.html"]
    assert MODEL.glossary.terms["containment"].summary.lower()[:40] not in docs["glossary/index.html"]
    assert "data-search-exclude" not in (built_site / "glossary/containment.html").read_text()


def test_pages_carry_no_template_indentation_and_handout_script_only_on_handouts(built_site):
    for page in ("index.html", "glossary/containment.html", "facilitate/hard-moments-conflict.html"):
        html = (built_site / page).read_text()
        assert not re.search(r"\n[ \t]+<(?!/?(pre|code))", html), page
        assert "handout.js" not in html
    assert "assets/javascripts/handout.js" in (built_site / "handouts/confidentiality.html").read_text()


def test_related_terms_show_the_summary_once_not_again_as_a_tooltip(built_site):
    related = parse(built_site, "glossary/containment.html").css_first("dl.kb-related")
    assert related.css("dd") and not related.css("dt a[title]")


def test_getting_support_shows_the_configured_contacts(built_site):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    tree = parse(built_site, "about/getting-support.html")
    box = tree.css_first(".kb-local-contacts")
    for contact in config["extra"]["support_contacts"]:
        assert contact["service"] in box.text()
        assert " ".join(contact["contact"].split()) in " ".join(box.text().split())


# --- structure that assistive technology relies on ---------------------------------

def test_headings_are_in_order_on_every_page(built_site):
    skipped = {}
    for page in html_pages(built_site):
        levels = [int(h.tag[1]) for h in parse(built_site, page).css("article h1, article h2, article h3, "
                                                                      "article h4, article h5, article h6")]
        if not levels or levels[0] != 1 or levels.count(1) != 1:
            skipped[page] = f"expected exactly one h1 first, got {levels[:5]}"
            continue
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        if jumps:
            skipped[page] = f"heading level jumps {jumps[:3]}"
    assert skipped == {}


def test_every_image_has_a_text_alternative(built_site):
    missing = []
    for page in html_pages(built_site):
        for img in parse(built_site, page).css("article img"):
            if not (img.attributes.get("alt") or "").strip():
                missing.append((page, img.attributes.get("src")))
    assert missing == []


def test_every_svg_diagram_has_a_title_and_a_description(built_site):
    ns = "{http://www.w3.org/2000/svg}"
    diagrams = sorted((built_site / "assets" / "diagrams").glob("*.svg"))
    assert len(diagrams) >= 4, "the diagrams are published under assets/diagrams/"
    for svg in diagrams:
        root = ElementTree.parse(svg).getroot()
        title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
        assert title is not None and title.text.strip(), svg.name
        assert desc is not None and len(desc.text.split()) >= 10, svg.name
        assert root.get("role") == "img", svg.name
        labelled = (root.get("aria-labelledby") or "").split()
        assert title.get("id") in labelled and desc.get("id") in labelled, svg.name
        text = svg.read_text(encoding="utf-8")
        assert "<script" not in text and "http://" not in text.replace("http://www.w3.org", ""), svg.name
