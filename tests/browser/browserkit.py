"""Browser-test helpers: Chromium's launch flags, request and console watching, the palettes,
search, axe-core."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python

from kb import handouts

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The handouts' flags, and file:// pages may read their neighbours (search over file://).
CHROMIUM_ARGS = [*handouts.CHROMIUM_ARGS, "--allow-file-access-from-files"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCHEMES = {"light": "default", "dark": "slate"}  # Material's name for each palette


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
        return [u for u in self.requests if not (u.startswith((self.allowed, "data:", "blob:")) or u == "about:blank")]


def set_palette(page, palette: str) -> None:
    """Switch the open page to the light or dark palette as Material's palette script does:
    the palette's data-md-color-* attributes on <body>, its option checked. The page is not
    reloaded, so one visit serves both palettes; colour transitions are turned off on it.
    (That a browser preferring dark gets the dark palette on load is a test of its own.)"""
    page.evaluate("""scheme => {
      if (!document.getElementById("kb-test-instant")) {  // axe must see the end colours, not a transition's
        const style = document.head.appendChild(document.createElement("style"));
        style.id = "kb-test-instant";
        style.textContent = "*, *::before, *::after { transition: none !important; }";
      }
      const option = document.querySelector(`input[name="__palette"][data-md-color-scheme="${scheme}"]`);
      for (const key of ["scheme", "primary", "accent"])
        document.body.setAttribute("data-md-color-" + key, option.getAttribute("data-md-color-" + key));
      option.checked = true;
    }""", SCHEMES[palette])


def set_viewport(page, viewport: dict) -> None:
    """Resize the open page, then let two frames pass: Material watches sizes (a code block
    that now scrolls becomes focusable, for one) and updates the page in the next frame."""
    if page.viewport_size != viewport:
        page.set_viewport_size(viewport)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def search(page, query: str) -> list[str]:
    """The results' addresses (paths, no query string) when `query` is searched on the open page.

    Material searches when a key is released: typed letter by letter, a query is searched
    at every prefix, and the results of a shorter one can still be on screen when the test
    reads them. So the box is emptied (the results go), the query goes in whole, and one
    key is released: one search, and the first results shown are its own."""
    page.locator(".md-search__input").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function(SEARCH_STATE, arg="cleared", timeout=10000)
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function(SEARCH_STATE, arg="answered", timeout=10000)
    return [urlsplit(a.get_attribute("href")).path for a in page.locator(".md-search-result__item > a").all()]


# Whether search shows no results and asks for a query ("cleared"), or has answered one: a
# result is listed, or Material says that nothing matched ("answered").
SEARCH_STATE = """state => {
  const say = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta").textContent.trim();
  const listed = document.querySelector(".md-search-result__item") !== null;
  if (state === "cleared") return !listed && meta === say["search.result.placeholder"];
  return listed || meta === say["search.result.none"];
}"""


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

