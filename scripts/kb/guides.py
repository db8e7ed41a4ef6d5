"""Each guide as one printable page: the pages of one navigation section, in order.

A reader who wants the whole facilitator guide on paper should not print eleven pages
one by one. mkdocs-print-site-plugin (2.9) was weighed first and does not serve: it
makes one print page for the whole site, not one per guide; it writes an inline
<script> and <style> into that page, which the site's Content-Security-Policy forbids;
and it adds its script to every page. So the build makes a page per guide
(`<folder>/print.md`, generated, never written into docs/) and, once every page has
been converted, fills it with the section's pages: ids made unique, headings one level
down under the guide's title, links between pages of the guide turned into links
within the page, and links to the rest of the site carrying their full address for
paper. `scripts/handouts.py` then prints it to a PDF with a contents list, page
numbers and bookmarks (kb.handouts).
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from . import dates, frontmatter

# The navigation sections printed as guides, in the order the site lists them.
SECTIONS = ("Taking part", "Facilitating", "New-facilitator pathway", "Managers and sponsors",
            "Understanding RP groups")
PRINT_NAME = "print.md"
PDF_MARKER = "data-kb-guide-pdf"

# `id="` after a non-word character, as `\bid="` says; written to begin with a letter, which the
# regex engine can search for quickly (a leading \b is tested at every position: 7x slower).
_ID = re.compile(r'i(?<!\wi)d="([^"]+)"')
_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")')
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_PART_HEADINGS = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Guide:
    title: str         # the nav section's title
    folder: str        # 'facilitate'
    pages: list[str]   # its pages' src_uris, in nav order

    @property
    def src_uri(self) -> str:
        return f"{self.folder}/{PRINT_NAME}"

    @property
    def landing(self) -> str:
        return f"{self.folder}/index.md"

    @property
    def pdf_name(self) -> str:
        return f"{self.folder}-guide.pdf"


def from_nav(nav: list) -> list[Guide]:
    """The guides, read from the `nav:` of mkdocs.yml: each section in SECTIONS whose
    pages share one folder."""
    guides = []
    for item in nav or []:
        if not isinstance(item, dict):
            continue
        (title, entries), = item.items()
        if title not in SECTIONS or not isinstance(entries, list):
            continue
        pages = [next(iter(e.values())) if isinstance(e, dict) else e for e in entries]
        pages = [p for p in pages if isinstance(p, str)]
        folder = posixpath.dirname(pages[0]) if pages else ""
        if folder and all(posixpath.dirname(p) == folder for p in pages):
            guides.append(Guide(title, folder, pages))
    return guides


def source(guide: Guide, docs_dir) -> str:
    """The generated page's Markdown: front matter (the guide's review span) and a marker."""
    reviewed, due = [], []
    for src in guide.pages:
        if not (docs_dir / src).is_file():
            continue  # MkDocs reports a nav entry with no file
        doc = frontmatter.read(docs_dir / src, src)
        reviewed.append(dates.as_date(doc.meta.get("reviewed")))
        due.append(dates.as_date(doc.meta.get("review_due")))
    last = max((d for d in reviewed if d), default=None)
    next_due = min((d for d in due if d), default=None)
    lines = ["---", f'title: "{guide.title}: the whole guide"',
             f'description: "Every page of the {guide.title} guide on one page, to print or save as a PDF."',
             "tags: [everyone]"]
    lines += [f"reviewed: {last.isoformat()}"] if last else []
    lines += [f"review_due: {next_due.isoformat()}"] if next_due else []
    lines += ["search:", "  exclude: true", "hide: [navigation, toc]", "---",
              f"# {guide.title}: the whole guide", "", "<!-- kb:guide -->", ""]
    return "\n".join(lines)


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", _PERMALINK.sub("", fragment))).strip()


def part(content: str, stem: str, siblings: set[str], page_address: str, is_entry) -> str:
    """One page of the guide, made ready to sit beside the others on one page."""
    content = _PERMALINK.sub("", content)
    content = _ID.sub(lambda m: f'id="{stem}--{m.group(1)}"', content)
    content = _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", content)

    def link(match: re.Match) -> str:
        href = match.group(2)
        target, _, fragment = href.partition("#")
        if not target:
            new = f"#{stem}--{fragment}" if fragment else f"#{stem}"
        elif "/" not in target and target.endswith(".html") and target[:-5] in siblings:
            other = target[:-5]
            new = f"#{other}--{fragment}" if fragment else f"#{other}"
        else:
            address = "" if target.startswith(("http:", "https:", "mailto:", "tel:", "sms:")) or is_entry(target) \
                else f' data-kb-address="{html.escape(urljoin(page_address, href), quote=True)}"'
            return f"{match.group(1)}{href}{match.group(3)}{address}"
        return f"{match.group(1)}{new}{match.group(3)}"

    content = _HREF.sub(link, content)
    return f'<section class="kb-print-part" id="{stem}">\n{content}\n</section>'


def contents(parts: list[str]) -> str:
    """The contents list: each page of the guide and its sections, with a place for the
    page number that the PDF renderer fills in (kb.handouts)."""
    items = []
    for part_html in parts:
        entries = [(int(level), ident, _text(inner)) for level, ident, inner in _PART_HEADINGS.findall(part_html)]
        if not entries:
            continue
        _, ident, text = entries[0]
        sub = "".join(f'<li><a href="#{i}">{html.escape(t)}</a><span class="kb-print-page" data-target="{i}">'
                      f"</span></li>" for lvl, i, t in entries[1:] if lvl == 3)
        items.append(f'<li><a href="#{ident}">{html.escape(text)}</a><span class="kb-print-page" '
                     f'data-target="{ident}"></span>' + (f"<ul>{sub}</ul>" if sub else "") + "</li>")
    return ('<nav class="kb-print-contents" aria-labelledby="kb-print-contents"><h2 id="kb-print-contents">Contents'
            f"</h2><ol>{''.join(items)}</ol></nav>")


def cover(guide: Guide, organisation: str, reviewed: str, address: str) -> str:
    return (f'<div class="kb-print-cover"><p class="kb-print-cover__kind">A guide to reflective practice groups'
            f"</p><p class=\"kb-print-cover__org\">{html.escape(organisation)}</p>"
            f'<p class="kb-print-cover__reviewed">Last reviewed {html.escape(reviewed)}</p>'
            f'<p class="kb-print-cover__address">{html.escape(address)}</p></div>')


def combine(guide: Guide, own: str, contents_by_src: dict[str, str], page_address: str, is_entry,
            organisation: str, reviewed: str) -> str:
    """The print page's content: its title (the heading of `own`, the page's converted
    placeholder, whose id the table of contents already links), a cover, the contents
    list and every page of the guide."""
    siblings = {posixpath.basename(src)[:-3] for src in guide.pages}
    parts = [part(contents_by_src[src], posixpath.basename(src)[:-3], siblings, page_address, is_entry)
             for src in guide.pages if src in contents_by_src]
    heading = re.search(r"<h1\b.*?</h1>", own, re.S)
    title = heading.group(0) if heading else f"<h1>{html.escape(guide.title)}: the whole guide</h1>"
    actions = (f'<p class="kb-screen-only kb-print-actions">Print this page, or open the '
               f'<a href="{guide.pdf_name}" {PDF_MARKER}="{guide.pdf_name}">PDF of the whole guide</a> '
               "(A4, with a contents list and page numbers).</p>")
    return "\n".join([title, actions, cover(guide, organisation, reviewed, page_address), contents(parts), *parts])
