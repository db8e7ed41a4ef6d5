"""Browser-test helpers: Chromium's launch flags, request and console watching, axe-core."""
from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--allow-file-access-from-files"]

class Watch:
    """Every request a page makes and every console error it logs."""

    def __init__(self, page, allowed_prefix: str):
        self.allowed = allowed_prefix
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    @property
    def outside(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith(self.allowed) or u.startswith("data:")
                                                  or u.startswith("blob:") or u == "about:blank")]


# Rules whose outcome depends on colour, the only thing a palette changes.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


# Known limitation, stated in the accessibility statement: at desktop width Material
# scrolls the long sidebar so that the current page is in view, and axe counts the
# links scrolled half out of its box as undersized targets. They are full size once
# scrolled to. target-size is therefore checked everywhere but inside that scroll box.
SIDEBAR_SCROLL = ".md-sidebar--primary .md-sidebar__scrollwrap"


def run_axe(page, only: list[str] | None = None, skip: list[str] | None = None) -> list[dict]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page (or `only` some, less `skip`)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    if only:
        options["runOnly"] = {"type": "rule", "values": only}
    disabled = set(skip or [])
    checks_targets = "target-size" not in disabled and (not only or "target-size" in only)
    options["rules"] = {rule: {"enabled": False} for rule in disabled | {"target-size"}}
    violations = page.evaluate("options => axe.run(document, options)", options)["violations"]
    if checks_targets:
        violations += page.evaluate(
            """([exclude]) => axe.run({exclude: [[exclude]]},
                 {runOnly: {type: 'rule', values: ['target-size']}, resultTypes: ['violations']})""",
            [SIDEBAR_SCROLL])["violations"]
    return violations


def describe(violations: list[dict]) -> str:
    return "; ".join(f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
                     for v in violations)

