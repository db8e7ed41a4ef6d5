"""The first search of a visit: from the first keystroke in the search box to the first
result on screen, with the search index not yet loaded.

Search loads lazily (docs/assets/javascripts/kb-search-lazy.js): nothing for search is
fetched until the reader shows they want to search. So each run opens the home page in a
fresh browser context (nothing cached), lets it settle, notes anything for search
fetched so far (the budget fails if there is any), then clicks the search box and at
once types a query at a person's pace. The click asks for the index; at the first
keystroke it is still on its way (with the CPU slowed it may just have arrived) and the
worker has not yet built it. The times are taken inside the page (performance.now()):
the first keydown in the box, and the animation frame that paints the first
`.md-search-result__item`, whichever prefix of the query it answers.

A second series runs with the page's CPU slowed 4x (DevTools' CPU throttling), for a
slow ward PC. Chromium throttles the page's main thread only (it answers "Operation is
only supported for pages, not workers" for a worker), so Material's search worker,
which builds the index, runs at full speed there: that figure is a lower bound.
"""
from __future__ import annotations

import re
import statistics

from kb.handouts import CHROMIUM_ARGS

QUERIES = ("countertransference", "someone cried in the group")
RUNS = 5
CPU_SLOWDOWN = 4
TYPING_DELAY_MS = 120  # between keystrokes: a brisk typist
SEARCH_REQUEST = re.compile(r"search/search_index\.json|kb-search-worker\.js|javascripts/workers/search\.")
TIMEOUT_MS = 20_000

# Installed before the page's own scripts: the first keydown in the search box, the search
# worker's "ready" message (SearchMessageType.READY, 1: the index is built), and the frame
# in which the first result is painted, all on the page's clock.
WATCH_JS = r"""(() => {
  const at = window.__kbFirstSearch = {key: null, ready: null, shown: null};
  const RealWorker = window.Worker;
  window.Worker = function (url, options) {
    const worker = new RealWorker(url, options);
    if (/kb-search-worker\.js/.test(String(url))) {
      worker.addEventListener("message", event => {
        if (at.ready === null && event.data && event.data.type === 1) at.ready = performance.now();
      });
    }
    return worker;
  };
  document.addEventListener("keydown", event => {
    if (at.key === null && event.target.matches && event.target.matches(".md-search__input"))
      at.key = performance.now();
  }, true);
  let seen = false;
  new MutationObserver(() => {
    if (seen || at.key === null || !document.querySelector(".md-search-result__item")) return;
    seen = true;
    requestAnimationFrame(() => { at.shown = performance.now(); });
  }).observe(document, {childList: true, subtree: true});
})()"""
# When the index response ended, on the same clock (null if it has not).
INDEX_END_JS = r"""() => {
  const entry = performance.getEntriesByType("resource").find(e => /search_index\.json/.test(e.name));
  return entry && entry.responseEnd ? entry.responseEnd : null;
}"""


def search_requests(urls: list[str]) -> list[str]:
    """The requests among `urls` that belong to search: the index and the worker."""
    return [u for u in urls if SEARCH_REQUEST.search(u)]


def one_search(browser, base: str, query: str, slowdown: int = 1) -> dict:
    """One fresh visit to the home page and one query typed; seconds from the first key to the first result."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    try:
        page = context.new_page()
        if slowdown > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.add_init_script(WATCH_JS)
        page.goto(base, wait_until="networkidle")
        page.wait_for_timeout(500)  # the reader looks at the page before searching
        early = search_requests(urls)
        page.locator(".md-search__input").click()
        page.keyboard.type(query, delay=TYPING_DELAY_MS)
        try:
            page.wait_for_function("window.__kbFirstSearch.shown !== null", timeout=TIMEOUT_MS)
        except PlaywrightTimeout:
            raise RuntimeError(f"search showed no result for {query!r} within {TIMEOUT_MS // 1000} s") from None
        at = page.evaluate("window.__kbFirstSearch")
        index_end = page.evaluate(INDEX_END_JS)
        return {"seconds": _since(at["key"], at["shown"]), "index_arrived_s": _since(at["key"], index_end),
                "worker_ready_s": _since(at["key"], at["ready"]), "search_before_interaction": early}
    finally:
        context.close()


def _since(start_ms: float, moment_ms: float | None) -> float | None:
    return None if moment_ms is None else round((moment_ms - start_ms) / 1000, 3)


def series(browser, base: str, query: str, runs: int, slowdown: int = 1) -> dict:
    done = [one_search(browser, base, query, slowdown) for _ in range(runs)]
    seconds = [d["seconds"] for d in done]
    return {"median_s": round(statistics.median(seconds), 3), "min_s": min(seconds), "max_s": max(seconds),
            "runs": seconds, **{key: [d[key] for d in done] for key in ("index_arrived_s", "worker_ready_s")},
            "search_before_interaction": sorted({u for d in done for u in d["search_before_interaction"]})}


def measure(base: str, chromium: str, queries=QUERIES, runs: int = RUNS, slowdown: int = CPU_SLOWDOWN) -> dict:
    """Each query, `runs` fresh visits at full speed and as many with the CPU slowed `slowdown` times.

    `base` is the home page's address. Besides the figure, each run records when the index
    response ended (`index_arrived_s`; above zero, it was not loaded when typing began) and
    when the worker had built it (`worker_ready_s`), both counted from the first keystroke."""
    from playwright.sync_api import sync_playwright  # the browser, only for this figure

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            full = {q: series(browser, base, q, runs) for q in queries}
            slowed = {q: series(browser, base, q, runs, slowdown) for q in queries}
        finally:
            browser.close()
    early = sorted({u for s in [*full.values(), *slowed.values()] for u in s["search_before_interaction"]})
    return {"runs": runs, "typing_delay_ms": TYPING_DELAY_MS, "cpu_slowdown": slowdown,
            "full_speed": full, "slowed": slowed, "search_before_interaction": early}
