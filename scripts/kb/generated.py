"""The pages the build generates in memory: the glossary A–Z and the references.

Both are written as Markdown (with front matter), so they go through the same
Markdown pipeline, theme and checks as every authored page. Their paths are defined
here, once.
"""
from __future__ import annotations

import html
import re
import unicodedata

from .bibliography import Reference
from .glossary import GLOSSARY_DIR, INDEX_NAME, Glossary, normalise

AZ_PAGE = f"{GLOSSARY_DIR}/{INDEX_NAME}"
REFERENCES_PAGE = "references.md"


def _front_matter(title: str, description: str, reviewed, review_due, extra: str = "") -> str:
    return (f"---\ntitle: {title}\ndescription: {description}\ntags: [everyone]\n"
            f"reviewed: {reviewed}\nreview_due: {review_due}\n{extra}---\n\n")


def _letter(name: str) -> str:
    first = unicodedata.normalize("NFKD", name.strip())[:1].upper()
    return first if first.isalpha() else "#"


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def glossary_index(glossary: Glossary, reviewed, review_due) -> str:
    """The A–Z: letter headings with jump links; terms with summaries; aliases as 'see'."""
    rows: list[tuple[str, str, str]] = []  # (sort key, letter, markdown)
    for term in glossary.sorted():
        rows.append((normalise(term.term), _letter(term.term),
                     f"[**{_escape(term.term)}**]({term.slug}.md)\n:   {_escape(term.summary)}\n"))
        shown = {_variant(term.term), _variant(term.slug)}
        for alias in term.aliases:
            if _variant(alias) in shown:
                continue  # a spelling or plural of a name already listed: search still finds it
            shown.add(_variant(alias))
            rows.append((normalise(alias), _letter(alias),
                         f"*{_escape(alias)}*: see [{_escape(term.term)}]({term.slug}.md)\n{{: .kb-az-alias }}\n"))
    rows.sort()
    letters = sorted({letter for _, letter, _ in rows}, key=lambda letter: (letter == "#", letter))
    out = [_front_matter("Glossary A–Z",
                         "Every term on this site in plain words, from A to Z, with other names it goes by.",
                         reviewed, review_due, "search:\n  boost: 2\n"),
           "# Glossary A–Z\n\n",
           f"Plain-language definitions of the {len(glossary)} ideas used on this site. "
           "Other names and spellings are listed too, pointing to the main entry.\n\n",
           '<nav class="kb-az-letters" aria-label="Jump to a letter" markdown>\n',
           " ".join(f"[{letter}](#{_anchor(letter)})" for letter in letters), "\n</nav>\n\n"]
    for letter in letters:
        out.append(f"## {letter} {{#{_anchor(letter)} data-search-exclude}}\n\n")
        out += [md + "\n" for _, row_letter, md in rows if row_letter == letter]
    return "".join(out)


def _variant(name: str) -> str:
    """Names that differ only by spacing, hyphens, case or a plural 's' share a key."""
    return re.sub(r"[\s\-\u2013\u2014]", "", normalise(name)).removesuffix("s")


def _anchor(letter: str) -> str:
    return "letter-" + ("other" if letter == "#" else letter.lower())


# --- references -----------------------------------------------------------------

def references_page(references: dict[str, Reference], reviewed, review_due) -> str:
    """The references, sorted by author and year; each entry a block of HTML (`Reference.html`)
    anchored by its id, so that citations link to it."""
    out = [_front_matter("References",
                         "Every work this site cites, in one author-year list, with links where they exist.",
                         reviewed, review_due),
           "# References\n\n",
           "The works cited on this site, sorted by author and year. Citations in the text, such as "
           "(Bion, 1961), link here. Only works whose details have been checked are listed; where a detail "
           "(such as page numbers) could not be checked, it is left out.\n\n"]
    for ref in sorted(references.values(), key=Reference.sort_key):
        out.append(f'<p class="kb-reference" id="{html.escape(ref.id)}">{ref.html}</p>\n\n')
    return "".join(out)
