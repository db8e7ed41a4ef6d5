"""The site checker: the sources under docs/ and the built site, checked together.

One module per concern: `codes` (every finding's code, severity and meaning),
`sources` (rules on the Markdown and its data, reusing the content model),
`personaldata` (e-mail addresses, phone numbers and NHS numbers, with the
allow-list), `promises` (absolute confidentiality promises), `edition` (an
organisation's edition), `htmlindex` (one pass over one HTML page or stylesheet: ids
and URLs with their line and column), `site` (rules on the built site), `external`
(checking external links over the network), `report` (text and JSON output),
`parallel` (the sources checked beside the site) and `run` (puts them together;
`scripts/check.py` is its command line).

Rules are pure functions returning `kb.problems.Problem` records.
"""
from __future__ import annotations


class CheckError(Exception):
    """The check cannot run at all (exit status 2): a missing directory, a file that is not HTML."""
