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


def glossary_index(glossary: Glossary, reviewed, review_due) -> str:
    """The A–Z's Markdown: the title, the letters with jump links, a heading for each
    letter. Its rows go in under the headings once Markdown has run (`insert_az_rows`)."""
    letters = sorted({letter for _, letter, _, _ in _az_rows(glossary, False)},
                     key=lambda letter: (letter == "#", letter))
    out = [_front_matter("Glossary A–Z",
                         "Every term on this site in plain words, from A to Z, with other names it goes by.",
                         reviewed, review_due, "search:\n  boost: 2\n"),
           "# Glossary A–Z\n\n",
           f"Plain-language definitions of the {len(glossary)} ideas used on this site. "
           "Other names and spellings are listed too, pointing to the main entry.\n\n",
           '<nav class="kb-az-letters" aria-label="Jump to a letter" markdown>\n',
           " ".join(f"[{letter}](#{_anchor(letter)})" for letter in letters), "\n</nav>\n\n"]
    out += [f"## {letter} {{#{_anchor(letter)} data-search-exclude}}\n\n" for letter in letters]
    return "".join(out)


def insert_az_rows(content: str, glossary: Glossary, directory_urls: bool = False, finish=lambda rows: rows) -> str:
    """The A–Z's HTML with each letter's rows under its heading: terms with their summaries
    in a definition list, an alias as a paragraph of class kb-az-alias ('x: see Term').

    The rows are HTML written here, not Markdown: the A–Z is the site's longest list (every
    term and alias, about 250 rows of links), and Python-Markdown took a tenth of the hooks'
    share of the build to convert it, as Markdown or as raw HTML. The HTML is what Markdown
    wrote for the same rows; the hrefs are the entries' addresses, since MkDocs rewrites
    only links written in Markdown. `finish(html)` is applied to each letter's rows (the
    build gives the links their glossary class)."""
    blocks: dict[str, list[str]] = {}
    in_list: dict[str, bool] = {}  # consecutive terms share one <dl>; an alias row ends it
    for _, letter, is_alias, row in _az_rows(glossary, directory_urls):
        out = blocks.setdefault(letter, [])
        if in_list.get(letter, False) == is_alias:
            out.append("</dl>\n" if is_alias else "<dl>\n")
            in_list[letter] = not is_alias
        out.append(row)
    for letter, out in blocks.items():
        heading = content.find(f'id="{_anchor(letter)}"')
        end = content.find("</h2>", heading) if heading >= 0 else -1
        if end < 0:
            continue  # no heading for the letter: glossary_index wrote this page's headings
        end += len("</h2>")
        rows = finish("".join(out) + ("</dl>" if in_list.get(letter) else ""))
        content = f"{content[:end]}\n{rows.rstrip()}{content[end:]}"
    return content


def _az_rows(glossary: Glossary, directory_urls: bool) -> list[tuple[str, str, bool, str]]:
    """(sort key, letter, is an alias, html) for each row of the A–Z, sorted."""
    rows = []
    for term in glossary.sorted():
        href = _entry_href(term.slug, directory_urls)
        rows.append((normalise(term.term), _letter(term.term), False,
                     f'<dt><a href="{href}"><strong>{_text(term.term)}</strong></a></dt>\n'
                     f"<dd>{_text(term.summary)}</dd>\n"))
        shown = {_variant(term.term), _variant(term.slug)}
        for alias in term.aliases:
            if _variant(alias) in shown:
                continue  # a spelling or plural of a name already listed: search still finds it
            shown.add(_variant(alias))
            rows.append((normalise(alias), _letter(alias), True,
                         f'<p class="kb-az-alias"><em>{_text(alias)}</em>: see '
                         f'<a href="{href}">{_text(term.term)}</a></p>\n'))
    rows.sort()
    return rows


def _entry_href(slug: str, directory_urls: bool) -> str:
    """An entry's address from the A–Z (glossary/index.md), as MkDocs would write it."""
    return f"{slug}/" if directory_urls else f"{slug}.html"


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _variant(name: str) -> str:
    """Names that differ only by spacing, hyphens, case or a plural 's' share a key."""
    return re.sub(r"[\s\-\u2013\u2014]", "", normalise(name)).removesuffix("s")


def _anchor(letter: str) -> str:
    return "letter-" + ("other" if letter == "#" else letter.lower())


# --- references -----------------------------------------------------------------

def references_page(references: dict[str, Reference], reviewed, review_due) -> str:
    """The references page's Markdown: title and introduction. The entries go in once
    Markdown has run (`insert_references`)."""
    return "".join([_front_matter("References",
                                  "Every work this site cites, in one author-year list, with links where they exist.",
                                  reviewed, review_due),
                    "# References\n\n",
                    "The works cited on this site, sorted by author and year. Citations in the text, such as "
                    "(Bion, 1961), link here. Only works whose details have been checked are listed; where a "
                    "detail (such as page numbers) could not be checked, it is left out.\n\n"])


def insert_references(content: str, references: dict[str, Reference]) -> str:
    """The page's HTML with the references after it, sorted by author and year; each a
    paragraph of HTML (`Reference.html`) anchored by its id, so that citations link to it.
    Written as HTML after Markdown, as the A–Z's rows are: Python-Markdown read raw HTML
    blocks slowly, and there is nothing in them for it to convert."""
    entries = [f'<p class="kb-reference" id="{html.escape(ref.id)}">{ref.html}</p>'
               for ref in sorted(references.values(), key=Reference.sort_key)]
    return "\n".join([content, *entries]) if entries else content
