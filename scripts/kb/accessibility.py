"""What assistive technology needs from the rendered page, beyond what Material gives.

- The permalink after each heading is named by `aria-label`, not `title`: Python-Markdown's
  toc extension names it with a title, and with `content.tooltips` Material builds a
  tooltip for every titled element in the content (on a long guide, one per heading).
  The aria-label names the link for assistive technology all the same.
- Only sections (h1, h2) carry a permalink. Sub-headings repeat from section to section
  ("What to try" under each of the 29 hard moments), their links were 116 of that page's
  1,400 elements and a tab stop each for keyboard users, and a section's link serves.
- Task-list boxes are drawn, not used (pymdownx.tasklist disables them): they are hidden
  from assistive technology, which would otherwise meet an unlabelled form control in
  every checklist; the item's text is read as usual.
"""
from __future__ import annotations

import re

_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*") title="([^"]*)"')
_SUBHEADING_PERMALINK = re.compile(
    r'(<h[3-6]\b[^>]*>(?:(?!</h[3-6]>).)*?)<a class="headerlink"[^>]*>[^<]*</a>(?=</h[3-6]>)', re.S)
_TASK_CHECKBOX = re.compile(r'(<label class="task-list-control">\s*<input )(type="checkbox")')


def label_permalinks(html: str) -> str:
    return _PERMALINK.sub(r'\1 aria-label="\2"', _SUBHEADING_PERMALINK.sub(r"\1", html))


def hide_task_checkboxes(html: str) -> str:
    return _TASK_CHECKBOX.sub(r'\1aria-hidden="true" tabindex="-1" \2', html)
