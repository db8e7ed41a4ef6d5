"""The pages the build generates in memory: the glossary A–Z and the references.

Both are written as Markdown (with front matter), so they go through the same
Markdown pipeline, theme and checks as every authored page.
"""
from __future__ import annotations

import re
import unicodedata

import markdown

from .bibliography import ET_AL, Reference
from .glossary import Glossary, normalise

AZ_PAGE = "glossary/index.md"
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
    letters = sorted({letter for _, letter, _ in rows}, key=lambda l: (l == "#", l))
    out = [_front_matter("Glossary A–Z",
                         "Every term on this site in plain words, from A to Z, with other names it goes by.",
                         reviewed, review_due, "search:\n  boost: 2\n"),
           "# Glossary A–Z\n\n",
           f"Plain-language definitions of the {len(glossary)} ideas used on this site. "
           "Other names and spellings are listed too, pointing to the main entry.\n\n",
           '<nav class="kb-az-letters" aria-label="Jump to a letter" markdown>\n',
           " ".join(f"[{l}](#{_anchor(l)})" for l in letters), "\n</nav>\n\n"]
    for letter in letters:
        out.append(f"## {letter} {{#{_anchor(letter)} data-search-exclude}}\n\n")
        out += [md + "\n" for _, l, md in rows if l == letter]
    return "".join(out)


def _variant(name: str) -> str:
    """Names that differ only by spacing, hyphens, case or a plural 's' share a key."""
    return re.sub(r"[\s\-\u2013\u2014]", "", normalise(name)).removesuffix("s")


def _anchor(letter: str) -> str:
    return "letter-" + ("other" if letter == "#" else letter.lower())


# --- references -----------------------------------------------------------------

def _initials(given: str) -> str:
    parts = re.split(r"[\s.]+", given.strip())
    return " ".join(f"{p[0]}." for p in parts if p)


def _person(p: dict) -> str:
    if p.get("literal"):
        return p["literal"]
    given = _initials(p.get("given", ""))
    return f"{p['family']}, {given}" if given else p["family"]


def _people(people: list[dict]) -> str:
    names = [_person(p) for p in people]
    if len(names) > 1 and names[-1] == ET_AL:
        return ", ".join(names[:-1]) + " " + ET_AL
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def format_reference(ref: Reference) -> str:
    """One entry, author-year: Name, I. (Year). Title. *Container*, vol(issue), pages. Links."""
    d = ref.data
    editors_only = not d.get("author") and d.get("editor")
    who = _people(ref.people) + (" (eds)" if editors_only and len(ref.people) > 1 else " (ed.)" if editors_only else "")
    title = _escape(str(d["title"]).strip().rstrip("."))
    kind = d.get("type", "")
    parts = [f"{who} ({ref.year})."]
    container = _escape(str(d.get("container-title", "")).strip())
    publisher = ": ".join(str(x) for x in (d.get("publisher-place"), d.get("publisher")) if x)
    if kind in ("book", "report") and not container:
        edition = f", {d['edition']} edn" if d.get("edition") else ""
        parts.append(f"*{title}*{edition}.")
    else:
        parts.append(f"{title}.")
    if container:
        if kind == "chapter":
            number = f"Chapter {d['chapter-number']} in " if d.get("chapter-number") else "In "
            parts.append(f"{number}*{container}*.")
        else:
            volume = str(d.get("volume", ""))
            volume += f"({d['issue']})" if d.get("issue") else ""
            bits = [f"*{container}*"] + [b for b in (volume, str(d.get("page", "")).replace("-", "–")) if b]
            parts.append(", ".join(bits) + ".")
    if publisher:
        parts.append(f"{_escape(publisher)}.")
    if d.get("DOI"):
        parts.append(f"<https://doi.org/{d['DOI']}>")
    elif d.get("URL"):
        parts.append(f"<{d['URL']}>")
    return " ".join(parts)


_CONVERTER: list = []           # one Markdown converter, made on first use
_REFERENCE_HTML: dict[str, str] = {}  # formatted Markdown -> HTML


def reference_html(ref: Reference) -> str:
    """The same entry as inline HTML, for a glossary page's "Sources".

    Every entry lists its sources on every build; `markdown.markdown()` builds a new
    converter on each call, which was the largest part of the hooks' time. Keyed by
    the formatted text, so a changed reference is converted afresh."""
    text = format_reference(ref)
    html = _REFERENCE_HTML.get(text)
    if html is None:
        if not _CONVERTER:
            _CONVERTER.append(markdown.Markdown())
        html = _CONVERTER[0].reset().convert(text).removeprefix("<p>").removesuffix("</p>")
        _REFERENCE_HTML[text] = html
    return html


_RENDERED_REFERENCE = re.compile(r'<p class="kb-reference" id="([^"]+)">(.*?)</p>', re.S)


def rendered_references(html: str) -> dict[str, str]:
    """id -> inline HTML of each entry in the rendered references page."""
    return {m.group(1): m.group(2) for m in _RENDERED_REFERENCE.finditer(html)}


def references_page(references: dict[str, Reference], reviewed, review_due) -> str:
    out = [_front_matter("References",
                         "Every work this site cites, in one author-year list, with links where they exist.",
                         reviewed, review_due),
           "# References\n\n",
           "The works cited on this site, sorted by author and year. Citations in the text, such as "
           "(Bion, 1961), link here. Only works whose details have been checked are listed; where a detail "
           "(such as page numbers) could not be checked, it is left out.\n\n"]
    for ref in sorted(references.values(), key=Reference.sort_key):
        out.append(f"{format_reference(ref)}\n{{: #{ref.id} .kb-reference }}\n\n")
    return "".join(out)
