"""The runner: the source rules, the site rules and (if asked) the external links, in one result.

The sources and the built site are independent, so with two or more `jobs` the
sources are checked in a forked child while this process checks the site: the run
takes the longer of the two, not their sum; further jobs share out the pages (and,
from four, the Markdown files). Imports are deferred to where they are needed,
because start-up is a good part of a check's time: YAML is only ever loaded by the
process that reads the sources.
"""
from __future__ import annotations

import datetime as dt
import time
from collections import namedtuple
from pathlib import Path

from . import CheckError, parallel

# No dataclasses, kb.problems or reporters at import: the sources are forked off first,
# and each process then imports what it needs at the same time as the other.


class Options(namedtuple("Options", "site site_label docs root today external jobs",
                         defaults=("site", None, None, None, None, 1))):
    """What to check, and how.

    site        the built site
    site_label  how site paths are shown: 'site/faq/index.html'
    docs        the Markdown sources; None checks the built site only
    root        source findings are shown relative to this (default: the current directory)
    today       the date for review-overdue (default: today)
    external    an external.Settings to check external links; None never uses the network
    jobs        processes to use; 1 does everything here (see parallel.cores)
    """

    __slots__ = ()


class Result:
    """The findings, sorted, and the summary."""

    def __init__(self, findings: list, summary):
        self.findings, self.summary = findings, summary

    def status(self, strict: bool = False) -> int:
        """0 clean, 1 findings: errors, or warnings too when `strict`."""
        severities = {p.severity for p in self.findings}
        return 1 if "error" in severities or (strict and severities) else 0


def run(options: Options) -> Result:
    """Check everything; raises `CheckError` when the check cannot run at all."""
    start = time.perf_counter()
    _check_directories(options)
    sources = parallel.start(lambda: _check_sources(options), in_child=options.jobs >= 2)
    try:
        site, findings, links, checked, listing = _check_site(options)
    except BaseException:
        sources.cancel()
        raise
    findings += sources.result()
    from .report import Summary
    summary = Summary(pages=len(site.pages), links=site.link_count, external_links=sum(map(len, links.values())),
                      seconds=round(time.perf_counter() - start, 3), external_checked=checked, external_urls=listing)
    return Result(sorted(set(findings)), summary)


def _check_site(options: Options):
    from . import site as built_site  # the HTML parser, only in the process that reads the site

    site = built_site.load(options.site, options.site_label, workers=options.jobs - _source_jobs(options.jobs))
    findings = built_site.check(site)
    links = built_site.external_links(site)
    checked, listing = {}, []
    if options.external is not None:
        from . import external  # urllib and its TLS stack, only when asked
        found, checked, listing = external.check(links, options.external, site)
        findings += found
    return site, findings, links, checked, listing


def _check_directories(options: Options) -> None:
    if options.docs is not None and not options.docs.is_dir():
        raise CheckError(f"the docs directory '{options.docs}' does not exist (name it with --docs, "
                         "or check the built site alone with --site-only)")
    if not options.site.is_dir():
        what = "is not a directory" if options.site.exists() else "does not exist"
        raise CheckError(f"the site directory '{options.site_label}' {what} (build it with 'make build', "
                         "or name the directory to check)")


def _source_jobs(jobs: int) -> int:
    """Of `jobs` processes, how many check the sources (the rest check the site)."""
    return 2 if jobs >= 4 else 1 if jobs >= 2 else 0


def _check_sources(options: Options) -> list:
    if options.docs is None:
        return []
    from . import sources
    root = (options.root or Path.cwd()).resolve()
    return sources.check(options.docs, root, options.today or dt.date.today(), workers=_source_jobs(options.jobs))
