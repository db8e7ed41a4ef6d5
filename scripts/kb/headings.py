"""The permalink after each heading: named by aria-label, not title.

Python-Markdown's toc extension names the link with a title attribute, and with
content.tooltips Material builds a tooltip for every titled element in the content:
on a long guide, one per heading, which cost more start-up time than anything else
on the page. An aria-label names the link for assistive technology all the same.
"""
from __future__ import annotations

import re

_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*") title="([^"]*)"')


def label_permalinks(html: str) -> str:
    return _PERMALINK.sub(r'\1 aria-label="\2"', html)
