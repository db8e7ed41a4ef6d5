#!/usr/bin/env python3
"""Check the sources and the built site: links, anchors, assets, glossary, citations, content rules.

    python scripts/check.py [SITE_DIR] [--format text|json] [--strict] [--today YYYY-MM-DD]
                            [--external] [--list-codes] [--docs DOCS_DIR | --site-only] [--jobs on|off]
                            [--edition FILE]

Exit status: 0 clean, 1 findings (errors; warnings too with --strict), 2 the check
could not run (a usage mistake, a missing site, a file that is not HTML, or a bug in
the checker, which prints its traceback).
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()  # the summary's time counts the imports too

import argparse
import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from kb.checker import CheckError, codes, report, run  # scripts/ is on the path when run as a script

ROOT = Path(__file__).resolve().parent.parent  # the project: the folder holding mkdocs.yml


class Parser(argparse.ArgumentParser):
    def error(self, message: str):
        """One line, no usage block: `check.py: error: ...`."""
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(prog="check.py", description="Check the sources and the built site.")
    parser.add_argument("site", nargs="?", default="site", metavar="SITE_DIR", help="the built site (default: site)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--today", type=_date, help="the date for review-overdue (default: today), YYYY-MM-DD")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", metavar="DOCS_DIR",
                        help="the Markdown sources (default: docs/ beside mkdocs.yml)")
    parser.add_argument("--site-only", action="store_true", help="check the built site alone, not the sources")
    parser.add_argument("--edition", type=Path, metavar="FILE",
                        help="an organisation's edition file: check its local pages and settings too")
    parser.add_argument("--list-codes", action="store_true", help="list every finding code and exit")
    parser.add_argument("--jobs", type=_jobs, default=True, metavar="on|off",
                        help="on (the default): check the sources in a second process, beside the site; "
                             "off: one process. A number is still accepted: 1 means off, any other on")
    network = parser.add_argument_group("external links (never checked unless --external is given)")
    network.add_argument("--external", action="store_true", help="check external links over the network")
    network.add_argument("--timeout", type=_positive, default=10.0, metavar="SECONDS", help="per request (default 10)")
    network.add_argument("--retries", type=int, choices=range(6), default=2, metavar="N",
                         help="extra tries after a 5xx answer or a timeout, 0-5 (default 2)")
    network.add_argument("--per-host", type=int, choices=range(1, 9), default=2, metavar="N",
                         help="requests at once to one host, 1-8 (default 2)")
    network.add_argument("--cache", type=Path, default=ROOT / ".check-cache.json", metavar="FILE",
                         help="where answers are remembered (default .check-cache.json in the project)")
    network.add_argument("--cache-age", type=float, default=24.0, metavar="HOURS",
                         help="ask again after this many hours; 0 ignores the cache (default 24)")
    return parser.parse_args(argv)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from None


def _jobs(text: str) -> bool:
    if text.lower() in ("on", "off"):
        return text.lower() == "on"
    if text.isdigit():  # the old form, --jobs N
        return int(text) != 1
    raise argparse.ArgumentTypeError(f"'{text}' is neither on nor off")


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive number of seconds")
    return value


def main(argv: list[str] | None = None) -> int:
    """The command: its exit status. A bug in the checker prints its traceback and gives 2."""
    try:
        return check(parse_args(argv))
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # and nothing to flush at exit
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:
        traceback.print_exc()
        print("check.py: internal error: the traceback above is a bug in the checker; please report it",
              file=sys.stderr)
        return 2


def check(args: argparse.Namespace) -> int:
    if args.list_codes:
        print(codes.table())
        return 0
    options = run.Options(site=Path(args.site), site_label=args.site.rstrip("/\\") or args.site,
                          docs=None if args.site_only else args.docs, today=args.today,
                          external=_external_settings(args) if args.external else None, fork=args.jobs,
                          edition=args.edition)
    try:
        result = run.run(options)
    except CheckError as exc:  # the check cannot run: one line, and what to do about it
        print(f"check.py: error: {exc}", file=sys.stderr)
        return 2
    result.summary.seconds = round(time.perf_counter() - STARTED, 3)
    report.REPORTS[args.format](sys.stdout).write(result.findings, result.summary)
    return result.status(args.strict)


def _external_settings(args: argparse.Namespace):
    from kb.checker.external import Settings
    return Settings(timeout=args.timeout, retries=args.retries, per_host=args.per_host,
                    cache=args.cache, cache_hours=args.cache_age)


if __name__ == "__main__":
    sys.exit(main())
