"""What the search worker learns from the index: the site's common words and the names of its terms."""
from __future__ import annotations

import json

from kb import searchindex


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
