"""Extra search fields, added to Material's search index after it is written.

Lunr can split a word at a hyphen or keep it whole, not both, and Material's
search has no setting for aliases. Material's worker indexes every field named in
the index's `config.fields`, and shows only title and text, so two hidden fields
solve both: `kb_joined` holds the joined form of each hyphenated word
("counter-transference" -> "countertransference"), and `kb_aliases` holds a
glossary term's names, boosted so that the term's own page comes first, and
`kb_keywords` an entry's search-only keywords (not names of the concept), boosted less.

Then each document's text is made lighter (`compact_text`): what a result shows is
kept as written (the start of the text, `TEASER_CHARS`), and the rest keeps only the
words a search can match: lunr's English stop words, which Material's worker drops
from what it indexes, go, with the markup and punctuation. Material's worker scores
with b=0 (no length normalisation), so every page scores as before for every query;
kb-search-worker.js shows the start of the text in a result, not the rest.
"""
from __future__ import annotations

import collections
import functools
import itertools
import json
import re
from pathlib import Path

HYPHENATED = re.compile(r"\b[A-Za-z]+(?:[-\u2010\u2011][A-Za-z]+)+\b")
JOINED_FIELD, ALIAS_FIELD, KEYWORD_FIELD = "kb_joined", "kb_aliases", "kb_keywords"
ALIAS_BOOST = 300
KEYWORD_BOOST = 30  # found by them, but a page that is about the word still ranks higher


_HYPHENS = re.compile(r"[-\u2010\u2011]")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def joined_words(text: str) -> str:
    """The joined form of each hyphenated word in `text`, sorted, without repeats.

    The same matches as `HYPHENATED.finditer(text)`, found from the hyphens: a page's text
    has a few hundred hyphens in tens of thousands of characters, and a regular expression
    that starts at every letter was one of the build's slower steps. Each hyphen that ends
    a run of letters is tried from the start of that run, left to right, and a hyphen
    inside the last match is skipped, as finditer would."""
    words: set[str] = set()
    done = 0  # where the last match ended
    for hyphen in _HYPHENS.finditer(text):
        at = hyphen.start()
        if at < done:
            continue
        start = at
        while start > done and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        if start == at:
            continue
        match = HYPHENATED.match(text, start)
        if match:
            words.add(_HYPHENS.sub("", match.group(0)).lower())
            done = match.end()
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


# lunr 2.3.9's English stop words: Material's worker keeps lunr's stopWordFilter in its
# pipeline (config "pipeline"), so none of these is ever indexed or searched for.
# tests/unit/test_search_words.py compares the list with the one in Material's worker.
STOP_WORDS = frozenset("""
a able about across after all almost also am among an and any are as at be because been but by
can cannot could dear did do does either else ever every for from get got had has have he her
hers him his how however i if in into is it its just least let like likely may me might most
must my neither no nor not of off often on only or other our own rather said say says she
should since so some than that the their them then there these they this tis to too twas us
wants was we were what when where which while who whom why will with would yet you your
""".split())  # noqa: SIM905 (the list as lunr prints it, easier to compare)
TEASER_CHARS = 200  # about two lines of a search result
MATERIAL_SEPARATOR = r"[\s\-]+"  # Material's search separator when mkdocs.yml sets none
_TAG = re.compile(r"<(/?)[a-z][a-z0-9]*\b[^>]*?(/?)>")


def _first_block_end(html: str) -> int:
    """Where the first top-level element of the text ends (Material's worker shows a
    result's text block by block, and splits the blocks by the same nesting)."""
    depth = 0
    for tag in _TAG.finditer(html):
        closing, self_closing = tag.group(1), tag.group(2)
        if closing:
            depth -= 1
            if depth <= 0:
                return tag.end()
        elif not self_closing:
            depth += 1
    return len(html)


def _plain(html: str) -> str:
    return " ".join(_TAG.sub(" ", html).split())  # str.split() and re's \s agree on white space


def compact_text(html: str, separator: str | re.Pattern) -> str:
    """The start of the text as written (a paragraph, plain, up to TEASER_CHARS), then,
    in a hidden paragraph, every word of the rest that a search can match, in order and
    in lower case."""
    return _compacted(html, _words_of(separator))[0]


def _compacted(html: str, words_of) -> tuple[str, str, list[str]]:
    """(the compact text, its start as shown, the hidden words); `words_of(text)` splits text."""
    if not html.strip():
        return html, "", []
    end = _first_block_end(html)
    first, rest = _teaser(html[:end])
    rest += html[end:]
    # In lower case: lunr folds case before it indexes a word, and this paragraph is never shown.
    words = list(itertools.filterfalse(STOP_WORDS.__contains__, words_of(rest.lower())))
    return f"<p>{first}</p>" + (f"<p hidden>{' '.join(words)}</p>" if words else ""), first, words


TEASER_SCAN = 4 * TEASER_CHARS  # HTML read for a teaser before looking for more (tags take room)


def _teaser(block: str) -> tuple[str, str]:
    """(the first block as plain text, cut at a word before TEASER_CHARS; what follows the
    cut, as text or HTML). A first block can be a whole list or table, tens of thousands of
    characters: only as much of it is made plain as the teaser needs, ending after a tag,
    which is a word's end in plain text and to the word splitter alike."""
    scan = TEASER_SCAN
    while True:
        tag = _TAG.search(block, scan)
        if tag is None or tag.end() >= len(block):
            first, left = _plain(block), ""
            break
        first = _plain(block[:tag.end()])  # the start of _plain(block), as no tag spans the cut
        if len(first) > TEASER_CHARS:
            left = " " + block[tag.end():]
            break
        scan *= 2
    if len(first) <= TEASER_CHARS:
        return first, left
    cut = first.rfind(" ", 0, TEASER_CHARS)
    cut = cut if cut > 0 else TEASER_CHARS
    return first[:cut], f"{first[cut:]}{left} "


# The separator mkdocs.yml sets: its words are found with str.translate and str.split,
# several times faster than a regular expression tried at every character (the index's
# slowest step). Any other separator takes the regular expression; a unit test checks
# that both split alike.
SITE_SEPARATOR = r'[\s\-\u2013\u2014,:!=\[\]()"/]+|\.(?!\d)|&[lg]t;'
_SEPARATOR_CHARACTERS = str.maketrans(dict.fromkeys('-\u2013\u2014,:!=[]()"/', " "))
_POINT = re.compile(r"\.(?!\d)")
_ANY_TAG = re.compile(r"<[^>]+>")
_TAG_OR_EMPTY = re.compile(r"<[^>]*>")


def _site_words(text: str) -> list[str]:
    text = _TAG_OR_EMPTY.sub(" ", text).translate(_SEPARATOR_CHARACTERS)
    if "&" in text:
        text = text.replace("&lt;", " ").replace("&gt;", " ")
    if "." in text:
        text = _POINT.sub(" ", text)
    return text.split()  # str.split() and re's \s agree on what white space is


@functools.lru_cache(maxsize=4)
def _words_of(separator: str | re.Pattern):
    """A function that splits text into words at a tag or at the search's own separator."""
    pattern = separator.pattern if isinstance(separator, re.Pattern) else separator
    if pattern == SITE_SEPARATOR:
        return _site_words
    splitter = re.compile(f"<[^>]*>|{pattern}")
    return lambda text: [w for w in splitter.split(text) if w]


_LONGER_WORD = re.compile(r"[a-z]{3,}")
COMMON_SHARE = 0.7  # a word on this share of the pages tells a search nothing


def common_words(docs: list[dict]) -> list[str]:
    """Words on most pages of this site ("group", "reflective", "practice", "work"): a query
    that includes them ("someone got upset in the group") is answered by its other words,
    or every page with "group" in its title comes first. The search worker drops them
    from a query (kb-search-worker.js), as it drops English stop words."""
    pages: dict[str, set[str]] = {}
    for doc in docs:
        pages.setdefault(_page(doc), set()).update(_longer_words(f"{doc.get('title', '')} {doc.get('text', '')}"))
    return _on_most(pages)


def _page(doc: dict) -> str:
    return doc["location"].split("#")[0]


def _longer_words(text: str) -> list[str]:
    return _LONGER_WORD.findall(_ANY_TAG.sub(" ", text).lower())


def _on_most(pages: dict[str, set[str]]) -> list[str]:
    counts = collections.Counter(itertools.chain.from_iterable(pages.values()))
    return sorted(w for w, c in counts.items() if pages and c / len(pages) >= COMMON_SHARE)


def augment(index_path: Path, aliases_for_location, keywords_for_location=lambda location: []) -> None:
    """Rewrite the index in place. `aliases_for_location(location)` returns names or [];
    `keywords_for_location(location)` a glossary entry's search-only keywords or []."""
    data = json.loads(index_path.read_text(encoding="utf-8"))
    label_kinds(data["docs"])
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
    words_of = _words_of(data["config"].get("separator", MATERIAL_SEPARATOR))
    # The common words are those of the lighter text (common_words(docs) after this loop),
    # gathered as it is made: the hidden words, already split and in lower case, are put
    # together once per page, not scanned again on every section.
    shown: dict[str, set[str]] = {}
    hidden: dict[str, set[str]] = {}
    for doc in data["docs"]:
        doc["text"], first, words = _compacted(doc.get("text", ""), words_of)
        shown.setdefault(_page(doc), set()).update(_longer_words(f"{doc.get('title', '')} {first}"))
        hidden.setdefault(_page(doc), set()).update(words)
    data["config"]["kb_common_words"] = _on_most(
        {page: words | set(_LONGER_WORD.findall(" ".join(hidden[page]))) for page, words in shown.items()})
    index_path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
