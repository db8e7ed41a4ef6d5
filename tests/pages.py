"""The built pages, listed once for the site and browser tests."""
from __future__ import annotations

from pathlib import Path

# Material writes a 404 page that is not part of the content.
NOT_CONTENT = {"404.html"}


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).as_posix() not in NOT_CONTENT
                  and not p.relative_to(site).as_posix().startswith("assets/"))
