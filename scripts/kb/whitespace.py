"""White space and repeated boilerplate taken out of the built HTML.

Material's templates indent every line of the sidebar and header; on a 40 KB page
about a quarter of the bytes were leading spaces. This removes:

- the white space at the start of each line, outside <pre> and <textarea>;
- outside the page's <article> (the theme's header, sidebars and footer), the line
  breaks between one tag and the next. There they separate blocks and flex items,
  where they render as nothing. Inside the article a line break between two inline
  elements is a space between words, so it stays;
- the xmlns attribute of the SVG icons Material writes into every page: the HTML
  parser puts <svg> in the SVG namespace without it.

mkdocs-minify-plugin does more, but parses and rewrites the whole document of every
page; this is a few regular expressions per page.

Most of the indentation comes from the templates, so it is taken out of them once, as the
theme's templates are loaded (`UnindentedTemplates`), rather than out of every page they
render: the per-page pass then finds little left to remove. (Jinja's own `lstrip_blocks`
strips only the white space before a `{% ... %}` tag, not before the HTML.)
"""
from __future__ import annotations

import re

import jinja2

# Kept as written: preformatted text. (Scripts need no keeping: the Content-Security-Policy
# allows no inline script, and the one inline block, Material's configuration, is JSON
# on one line.)
_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")
_SVG_WITH_NAMESPACE = '<svg xmlns="http://www.w3.org/2000/svg"'


def collapse(html: str) -> str:
    start = html.find("<article")
    end = html.find("</article>", start) if start >= 0 else -1
    if end < 0:
        return _tidy(html, in_article=False)
    end += len("</article>")
    return _tidy(html[:start], False) + _tidy(html[start:end], True) + _tidy(html[end:], False)


def _tidy(html: str, in_article: bool) -> str:
    if "<pre" not in html and "<textarea" not in html:  # most pages: no need to split
        return _squeeze(html, in_article)
    parts = _KEEP.split(html)
    # split() with two groups yields: text, kept block, tag name, text, kept block, tag name, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_squeeze(parts[i], in_article))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def _squeeze(text: str, in_article: bool) -> str:
    text = _INDENT.sub("\n", text)
    if not in_article:  # _INDENT left no two line breaks side by side: this is every break between tags
        text = text.replace(">\n<", "><")
    return text.replace(_SVG_WITH_NAMESPACE, "<svg")


_TEMPLATE_INDENT = re.compile(r"^[ \t]+", re.M)


class UnindentedTemplates(jinja2.BaseLoader):
    """The theme's loader, with the white space at the start of each line of an HTML
    template removed as it is loaded. The pages come out as `collapse` would leave them
    (it still runs on every page: content and includes can bring their own indentation)."""

    def __init__(self, loader: jinja2.BaseLoader):
        self.loader = loader

    def get_source(self, environment, template):
        source, filename, uptodate = self.loader.get_source(environment, template)
        if template.endswith(".html") and "<pre" not in source and "<textarea" not in source:
            source = _TEMPLATE_INDENT.sub("", source)
        return source, filename, uptodate

    def list_templates(self):
        return self.loader.list_templates()
