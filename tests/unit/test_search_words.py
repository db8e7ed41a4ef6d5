"""What the search worker learns from the index: the site's common words and the names of its terms."""
from __future__ import annotations

import json
import re

import yaml

from kb import searchindex
from support import ROOT


def test_a_word_on_most_pages_is_common_and_a_rarer_one_is_not():
    docs = [{"location": f"p{i}.html", "title": "Group", "text": f"<p>the group and word{i}</p>"} for i in range(8)]
    docs += [{"location": "p0.html#s", "title": "Section", "text": "containment"},
             {"location": "q.html", "title": "Other", "text": "containment"},
             {"location": "r.html", "title": "Other", "text": "containment"}]
    common = searchindex.common_words(docs)
    assert "group" in common and "containment" not in common and "word1" not in common
    assert "p" not in common  # tags are not words


def test_names_are_compared_without_qualifier_case_or_hyphens():
    assert searchindex.bare_name("Frame (setting)") == "frame"
    assert searchindex.bare_name("Re-enactment") == "re enactment"


def test_the_index_carries_common_words_and_every_name_of_every_entry(tmp_path):
    index = tmp_path / "search_index.json"
    docs = [{"location": "glossary/cs.html", "title": "Clinical supervision", "text": "group"},
            {"location": "glossary/cs.html#x", "title": "X", "text": "group"},
            {"location": "other.html", "title": "Other", "text": "group"}]
    index.write_text(json.dumps({"config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}}}, "docs": docs}))
    searchindex.augment(index, lambda loc: ["clinical-supervision", "Clinical supervision", "supervision"]
                        if loc == "glossary/cs.html" else [])
    config = json.loads(index.read_text())["config"]
    assert config["kb_common_words"] == ["group"]
    assert config["kb_names"] == {"clinical supervision": "glossary/cs.html", "supervision": "glossary/cs.html"}


# --- a lighter index: the start of each text as written, then only the searchable words ---

SEPARATOR = r'[\s\-\u2013\u2014,:!=\[\]()"/]+|\.(?!\d)|&[lg]t;'  # the site's (mkdocs.yml)


def test_the_start_stays_as_written_and_the_rest_keeps_only_searchable_words():
    html = ("<p>Silence is common in a new group.</p>\n<p>It is not a failure: the group may be "
            "anxious about what can be said, and by whom.</p><ul>\n<li>Wait.</li></ul>")
    assert searchindex.compact_text(html, SEPARATOR) == (
        "<p>Silence is common in a new group.</p>"
        "<p hidden>failure group anxious wait</p>")


def test_a_long_first_paragraph_is_cut_at_a_word_and_the_rest_searchable():
    words = " ".join(f"word{i}" for i in range(60))
    compact = searchindex.compact_text(f"<p>{words}</p>", SEPARATOR)
    start, rest = compact.split("</p><p hidden>")
    assert start.startswith("<p>word0 word1") and len(start) <= searchindex.TEASER_CHARS + 3
    assert f"{start[3:]} {rest[:-4]}".split() == words.split()  # every word kept, in order


def test_an_empty_or_short_text_is_left_alone():
    assert searchindex.compact_text("", SEPARATOR) == ""
    assert searchindex.compact_text("<p>Containment</p>", SEPARATOR) == "<p>Containment</p>"


def test_the_stop_words_are_those_of_materials_search_worker():
    """Only words lunr never indexes may go: the list must be the worker's own."""
    import re
    from pathlib import Path

    import material

    worker = next((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    listed = re.search(r"stopWordFilter=\w+\.generateStopWordFilter\(\[(.*?)\]\)", worker.read_text(encoding="utf-8"))
    assert set(re.findall(r'"([^"]+)"', listed.group(1))) == searchindex.STOP_WORDS


def test_joined_words_find_hyphenated_words_wherever_they_are():
    text = "<p>counter-transference</p> and re-enactment, (anti-task) in-2-parts"
    assert searchindex.joined_words(text) == "antitask countertransference reenactment"


def test_joined_words_agree_with_the_plain_regular_expression():
    """joined_words finds its words from the hyphens; on any text it must find what
    HYPHENATED.finditer over the whole text finds."""
    import random

    def by_regex(text):
        return " ".join(sorted({re.sub(r"[-\u2010\u2011]", "", m.group(0)).lower()
                                for m in searchindex.HYPHENATED.finditer(text)}))

    rng = random.Random(17)
    alphabet = "ab-\u2010\u2011 1_é.<>"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert searchindex.joined_words(text) == by_regex(text), text


def test_the_sites_separator_splits_as_its_regular_expression_does():
    """mkdocs.yml's separator is applied with str.translate and str.split; on any text
    the words must be those the regular expression (with tags as separators) gives."""
    import random

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    separator = next(p["search"]["separator"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert separator == searchindex.SITE_SEPARATOR  # else the build takes the slower, general path
    splitter = re.compile(f"<[^>]*>|{separator}")
    rng = random.Random(29)
    alphabet = ["a", "b", "1", " ", "\n", "\u00a0", "-", "\u2013", "\u2014", ",", ":", "!", "=", "[", "]", "(", ")",
                '"', "/", ".", "&lt;", "&gt;", "&amp;", "<p>", "</em>", "<", ">", "'", "\u2019", "é"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert searchindex._words_of(separator)(text) == [w for w in splitter.split(text) if w], text


def test_a_long_first_block_gives_the_same_text_as_a_whole_one():
    """The teaser is made from as much of a long first block as it needs; the compact text
    must be what making the whole block plain would give."""
    item = "<li><p>Staff notice <strong>projection</strong> in the room, then think.</p></li>"
    for n in (1, 3, 8, 40):
        html = f"<ul>{item * n}</ul><p>After the list: containment.</p>"
        plain = " ".join(re.sub(r"<[^>]+>", " ", f"<ul>{item * n}</ul>").split())
        text = searchindex.compact_text(html, searchindex.SITE_SEPARATOR)
        first = re.match(r"<p>(.*?)</p>", text).group(1)
        assert plain.startswith(first) and len(first) <= searchindex.TEASER_CHARS
        hidden = plain[len(first):].lower().replace(".", " ").replace(",", " ").split()
        hidden += ["after", "list", "containment"]
        words = [w for w in hidden if w not in searchindex.STOP_WORDS]
        assert text == f"<p>{first}</p><p hidden>{' '.join(words)}</p>", n
