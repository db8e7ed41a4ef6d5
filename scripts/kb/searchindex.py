"""Extra search fields, added to Material's search index after it is written.

Lunr can split a word at a hyphen or keep it whole, not both, and Material's
search has no setting for aliases. Material's worker indexes every field named in
the index's `config.fields`, and shows only title and text, so two hidden fields
solve both: `kb_joined` holds the joined form of each hyphenated word
("counter-transference" -> "countertransference"), and `kb_aliases` holds a
glossary term's names, boosted so that the term's own page comes first, and
`kb_keywords` an entry's search-only keywords (not names of the concept), boosted less.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HYPHENATED = re.compile(r"\b[A-Za-z]+(?:[-\u2010\u2011][A-Za-z]+)+\b")
JOINED_FIELD, ALIAS_FIELD, KEYWORD_FIELD = "kb_joined", "kb_aliases", "kb_keywords"
ALIAS_BOOST = 300
KEYWORD_BOOST = 30  # found by them, but a page that is about the word still ranks higher


def joined_words(text: str) -> str:
    words = {re.sub(r"[-\u2010\u2011]", "", m.group(0)).lower() for m in HYPHENATED.finditer(text)}
    return " ".join(sorted(words))


def kind_of(location: str) -> str:
    """What a result is, in the words a reader would use."""
    if location.startswith("glossary/") and not location.startswith("glossary/index."):
        return "glossary"
    if location.startswith("handouts/") and not location.startswith("handouts/index."):
        return "handout"
    return "guide"


def label_kinds(docs: list[dict]) -> None:
    """Pages that share a title ("Confidentiality and its limits": the guide, the glossary
    entry, the handout) say in the result which kind each is."""
    pages = [doc for doc in docs if "#" not in doc["location"]]
    titles = [doc.get("title", "").lower() for doc in pages]
    for doc, title in zip(pages, titles):
        if titles.count(title) > 1:
            doc["title"] = f"{doc['title']} ({kind_of(doc['location'])})"


def bare_name(name: str) -> str:
    """A name as the search worker compares it: no qualifier in brackets, lower case,
    hyphens as spaces ("Frame (setting)" -> "frame"; "Re-enactment" -> "re enactment")."""
    name = re.sub(r"\s*\([^)]*\)", "", name).lower()
    return " ".join(re.sub(r"[-\u2010\u2011]", " ", name).split())


COMMON_SHARE = 0.7  # a word on this share of the pages tells a search nothing


def common_words(docs: list[dict]) -> list[str]:
    """Words on most pages of this site ("group", "reflective", "practice", "work"): a query
    that includes them ("someone got upset in the group") is answered by its other words,
    or every page with "group" in its title comes first. The search worker drops them
    from a query (kb-search-worker.js), as it drops English stop words."""
    pages: dict[str, set[str]] = {}
    for doc in docs:
        text = re.sub(r"<[^>]+>", " ", f"{doc.get('title', '')} {doc.get('text', '')}").lower()
        pages.setdefault(doc["location"].split("#")[0], set()).update(re.findall(r"[a-z]{3,}", text))
    counts: dict[str, int] = {}
    for words in pages.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return sorted(w for w, c in counts.items() if pages and c / len(pages) >= COMMON_SHARE)


def augment(index_path: Path, aliases_for_location, keywords_for_location=lambda location: []) -> None:
    """Rewrite the index in place. `aliases_for_location(location)` returns names or [];
    `keywords_for_location(location)` a glossary entry's search-only keywords or []."""
    data = json.loads(index_path.read_text(encoding="utf-8"))
    label_kinds(data["docs"])
    data["config"]["kb_common_words"] = common_words(data["docs"])
    # A search for a term's name or alias puts its entry first (kb-search-worker.js).
    data["config"]["kb_names"] = {bare_name(name): doc["location"] for doc in data["docs"] if "#" not in doc["location"]
                                  for name in aliases_for_location(doc["location"])}
    data["config"]["fields"][JOINED_FIELD] = {"boost": 1}
    data["config"]["fields"][ALIAS_FIELD] = {"boost": ALIAS_BOOST}
    data["config"]["fields"][KEYWORD_FIELD] = {"boost": KEYWORD_BOOST}
    data["config"]["fields"].pop("tags", None)
    for doc in data["docs"]:
        doc.pop("tags", None)  # the audiences, boosted a million-fold by Material: they swamped real matches
        joined = joined_words(f"{doc.get('title', '')} {doc.get('text', '')}")
        if joined:
            doc[JOINED_FIELD] = joined
        if "#" not in doc["location"]:
            names = aliases_for_location(doc["location"])
            if names:
                doc[ALIAS_FIELD] = " ".join(names) + " " + joined_words(" ".join(names))
            keywords = keywords_for_location(doc["location"])
            if keywords:
                doc[KEYWORD_FIELD] = " ".join(keywords) + " " + joined_words(" ".join(keywords))
    index_path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
