"""Render every handout, and every guide's print page, of a built site to an A4 PDF beside its page.

    python scripts/handouts.py [SITE_DIR] [--chromium PATH]

Prints each PDF's page count and rendering time; exits 1 if a handout runs over its
page limit, 2 if the site or the browser cannot be used.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb import guidepdf, handouts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", help="the built site (default: site)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium"),
                        help="the Chromium executable (default: $CHROMIUM, else chromium on PATH)")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not site.is_dir():
        print(f"handouts: no built site at '{site}'; run 'make build' first", file=sys.stderr)
        return 2
    if not args.chromium:
        print("handouts: no Chromium found; run 'make chromium' or set CHROMIUM=/path/to/chromium", file=sys.stderr)
        return 2
    try:
        rendered = handouts.render(site, args.chromium)
        guides = guidepdf.render(site, args.chromium, handouts.CHROMIUM_ARGS)
    except Exception as exc:  # the browser failed to start or to print: one line, no traceback
        print(f"handouts: Chromium could not render the handouts: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    for g in guides:
        print(f"{g.pdf.relative_to(site).as_posix()}: {g.pages} pages, {g.seconds:.2f} s")
    over = [h for h in rendered if h.over_limit]
    for h in rendered:
        limit = f"limit {h.max_pages}"
        flag = "  OVER THE LIMIT" if h.over_limit else ""
        print(f"{h.pdf.relative_to(site).as_posix()}: {h.pages} page{'s' * (h.pages != 1)} ({limit}), "
              f"{h.seconds:.2f} s{flag}")
    print(f"{len(rendered)} handouts, {len(over)} over their page limit", flush=True)
    if over:
        for h in over:
            print(f"handouts: {h.pdf.relative_to(site).as_posix()} has {h.pages} pages, more than its limit of "
                  f"{h.max_pages}; shorten the page or set 'print_pages' (at most 2)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
