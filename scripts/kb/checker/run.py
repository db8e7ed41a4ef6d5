"""The runner: the source rules, the site rules and (if asked) the external links, in one result.

The sources and the built site are independent: the sources are checked in a forked
child while this process checks the site (`parallel.beside`). Each half imports its
own modules once the child is forked (YAML and the content model for the sources, the
HTML parser for the site), so that the two halves import side by side too.
"""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import NamedTuple

from ..problems import Problem
from . import CheckError, parallel
from .report import Summary


class Options(NamedTuple):
    """What to check, and how."""

    site: Path = Path("site")  # the built site
    site_label: str = "site"   # how site paths are shown: 'site/faq/index.html'
    docs: Path | None = None   # the Markdown sources; None checks the built site only
    root: Path | None = None   # source findings are shown relative to this (default: the current directory)
    today: dt.date | None = None  # the date for review-overdue (default: today)
    external: object = None    # an external.Settings to check external links; None never uses the network
    fork: bool = True          # check the sources in a forked child, beside the site
    edition: Path | None = None  # an edition file: its local pages and settings are checked with the sources


class Result(NamedTuple):
    """The findings, sorted, and the summary."""

    findings: list[Problem]
    summary: Summary

    def status(self, strict: bool = False) -> int:
        """0 clean, 1 findings: errors, or warnings too when `strict`."""
        severities = {p.severity for p in self.findings}
        return 1 if "error" in severities or (strict and severities) else 0


def run(options: Options) -> Result:
    """Check everything; raises `CheckError` when the check cannot run at all."""
    start = time.perf_counter()
    _check_directories(options)
    with parallel.beside(lambda: _check_sources(options), fork=options.fork) as source_findings:
        built, findings, links, checked, listing = _check_site(options)
        findings += source_findings()
    summary = Summary(pages=len(built.pages), links=built.link_count, external_links=sum(map(len, links.values())),
                      seconds=round(time.perf_counter() - start, 3), external_checked=checked, external_urls=listing)
    return Result(sorted(set(findings)), summary)


def _check_site(options: Options):
    from . import site  # after the fork: see the module's docstring
    built = site.load(options.site, options.site_label)
    findings = site.check(built)
    links = site.external_links(built)
    checked, listing = {}, []
    if options.external is not None:
        from . import external  # urllib and its TLS stack: only with --external
        found, checked, listing = external.check(links, options.external, built)
        findings += found
    return built, findings, links, checked, listing


def _check_directories(options: Options) -> None:
    if options.docs is not None and not options.docs.is_dir():
        raise CheckError(f"the docs directory '{options.docs}' does not exist (name it with --docs, "
                         "or check the built site alone with --site-only)")
    if not options.site.is_dir():
        what = "is not a directory" if options.site.exists() else "does not exist"
        raise CheckError(f"the site directory '{options.site_label}' {what} (build it with 'make build', "
                         "or name the directory to check)")


def _check_sources(options: Options) -> list[Problem]:
    if options.docs is None:
        return []
    from . import sources  # after the fork: see the module's docstring
    root = (options.root or Path.cwd()).resolve()
    findings = sources.check(options.docs, root, options.today or dt.date.today())
    if options.edition is not None:
        from . import edition
        findings += edition.check(options.edition, options.docs, root, options.today or dt.date.today())
    return findings
