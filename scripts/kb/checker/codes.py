"""Every code a finding can carry: its severity, where it comes from and what it means.

`--list-codes` prints this table and the tests check that every code a rule can
emit is listed here, so the documentation cannot fall behind the rules.
"""
from __future__ import annotations

from collections import namedtuple


class Code(namedtuple("Code", "severity scope meaning")):
    """severity: 'error' or 'warning'; scope: 'sources', 'site' or 'external'; meaning: one line."""

    __slots__ = ()


def _e(scope: str, meaning: str) -> Code:
    return Code("error", scope, meaning)


def _w(scope: str, meaning: str) -> Code:
    return Code("warning", scope, meaning)


CODES: dict[str, Code] = {
    # --- front matter and files (kb.frontmatter, kb.schema, kb.dates) ---------------
    "file-encoding": _e("sources", "a source file is not valid UTF-8"),
    "yaml-unclosed": _e("sources", "front matter opened with '---' is never closed"),
    "yaml-invalid": _e("sources", "front matter or a data file is not valid YAML"),
    "meta-missing": _e("sources", "a required front-matter field is missing"),
    "meta-type": _e("sources", "a front-matter field has the wrong type (text, list)"),
    "meta-unknown": _e("sources", "an unknown front-matter field (often a misspelling)"),
    "date-invalid": _e("sources", "'reviewed' or 'review_due' is not a YYYY-MM-DD date"),
    "date-order": _e("sources", "'review_due' is not after 'reviewed'"),
    "review-overdue": _w("sources", "'review_due' is before today (or --today)"),
    # --- glossary entries (kb.glossary) --------------------------------------------------
    "slug-invalid": _e("sources", "a glossary file name is not lower-case words joined by hyphens"),
    "summary-long": _e("sources", "a glossary summary is longer than 35 words"),
    "summary-empty": _e("sources", "a glossary summary is empty"),
    "tag-unknown": _e("sources", "an audience tag is not one of participant, facilitator, manager, everyone"),
    "related-self": _e("sources", "a glossary entry lists itself as related"),
    "related-unknown": _e("sources", "a related term is not a glossary entry"),
    "related-few": _e("sources", "a glossary entry has fewer than two related terms"),
    "source-unknown": _e("sources", "a glossary source is not in the bibliography"),
    "source-none": _e("sources", "a glossary entry cites no source"),
    "alias-collision": _e("sources", "an alias is another term's name or slug"),
    "alias-duplicate": _e("sources", "an alias is used twice (compared ignoring case and dash style)"),
    "keyword-collision": _e("sources", "a glossary search keyword is also a term's name, slug or alias"),
    "term-orphan": _w("sources", "no page outside docs/glossary/ links to a glossary entry"),
    # --- bibliography (kb.bibliography) -------------------------------------------------
    "bib-shape": _e("sources", "the bibliography is not a list of entries under 'references:'"),
    "bib-missing": _e("sources", "a bibliography entry lacks its id, author, year or title"),
    "bib-duplicate": _e("sources", "two bibliography entries share an id"),
    "ref-uncited": _w("sources", "a bibliography entry is neither cited with [@id] nor a glossary source"),
    # --- authoring syntax and content rules ------------------------------------------
    "term-unknown": _e("sources", "[[name]] names no glossary term or alias"),
    "cite-unknown": _e("sources", "[@id] names no bibliography entry"),
    "example-unlabelled": _e("sources", "an 'example' admonition's title does not say it is fictional"),
    "faq-no-link": _e("sources", "an FAQ answer links to no page outside faq/"),
    "pii-email": _e("sources", "an e-mail address that is not on the allow-list"),
    "pii-phone": _e("sources", "a UK phone number that is not on the allow-list"),
    "pii-nhs-number": _e("sources", "a 10-digit number that passes the NHS-number check digit"),
    "allowlist-invalid": _e("sources", "docs/_data/allowlist.yaml is not in the documented format"),
    "promise-absolute": _e("sources", "an absolute confidentiality promise outside the one statement of its limits"),
    "promises-invalid": _e("sources", "docs/_data/promises.yaml is not in the documented format"),
    # --- an organisation's edition (kb.editions; check.py --edition) --------------------
    "edition-invalid": _e("sources", "the edition file's 'extra.edition' block or a contact's page is wrong"),
    "edition-clash": _e("sources", "a file in the edition's folder has the path of a product file"),
    # --- the built site ----------------------------------------------------------------
    "link-broken": _e("site", "an internal href, src, srcset or CSS url() points to no file"),
    "anchor-missing": _e("site", "a #fragment is not an id (or <a name>) on its target page"),
    "page-unreachable": _w("site", "no chain of links leads from the home page to a page (404.html exempt)"),
    "home-missing": _e("site", "the site has no index.html at its root"),
    "external-resource": _e("site", "a script, stylesheet, image, font, frame or media file is loaded from "
                                    "outside the site"),
    # --- --external --------------------------------------------------------------------
    "external-broken": _e("external", "an external link answers 4xx or 5xx, times out or cannot connect"),
    "external-redirect": _w("external", "an external link redirects; link to the final address"),
}


def table() -> str:
    """The codes as aligned text, one a line, for --list-codes."""
    width = max(map(len, CODES))
    return "\n".join(f"{code:<{width}}  {c.severity:<7}  {c.scope:<8}  {c.meaning}" for code, c in CODES.items())
