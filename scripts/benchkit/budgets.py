"""The budgets from the brief (architecture.md, "Budgets"), and each figure's verdict.

KB here is 1,000 bytes, the stricter reading.
"""
from __future__ import annotations

from dataclasses import dataclass

KB = 1000


@dataclass
class Row:
    figure: str
    measured: str
    budget: str
    within: bool | None  # None: not measured on this machine (the reason is in `measured`)

    @property
    def verdict(self) -> str:
        return {True: "within", False: "OVER", None: "not measured"}[self.within]


def _kb(n: int) -> str:
    return f"{n / KB:.1f} KB"


def rows(results: dict) -> list[Row]:
    out = []
    build = results["build"]
    ratio = build["ratio"]
    on, off = build["hooks_on"], build["hooks_off"]
    out.append(Row("strict build against the same build with the hooks off",
                   f"{ratio:.2f}x in CPU time, fastest runs ({on.get('cpu_min_s', on['median_s']):.2f} s / "
                   f"{off.get('cpu_min_s', off['median_s']):.2f} s); medians {build.get('ratio_median', ratio):.2f}x "
                   f"({on.get('cpu_median_s', on['median_s']):.2f} s / "
                   f"{off.get('cpu_median_s', off['median_s']):.2f} s)",
                   "at most 1.3x", ratio <= 1.3))
    html = results["weight"]["html"]
    out.append(Row("HTML per page, median", f"{_kb(html['median_bytes'])} (largest {_kb(html['largest_bytes'])}, "
                   f"{html['largest_page']})", "at most 20 KB raw", html["median_bytes"] <= 20 * KB))
    out.append(first_visit_row(results["weight"]["first_visit"]))
    index = results["weight"]["search_index"]
    out.append(Row("search index per page", f"{_kb(index['gzip_bytes_per_page'])} gzip "
                   f"({_kb(index['gzip_bytes'])} for {index['pages']} pages)",
                   "at most 1 KB gzip per page", index["gzip_bytes_per_page"] <= KB))
    out.append(first_search_row(results.get("first_search")))
    links = results["links"]
    finds = results["findings"]
    all_found = not finds["lychee_only"]
    out.append(Row("`make check` against `lychee --offline --include-fragments`",
                   f"{links['checker_vs_lychee']:.2f}x, fastest runs ({links['checker'].get('min_s', 0):.2f} s / "
                   f"{links['lychee'].get('min_s', 0):.2f} s); medians "
                   f"{links.get('checker_vs_lychee_median', links['checker_vs_lychee']):.2f}x "
                   f"({links['checker']['median_s']:.2f} s / {links['lychee']['median_s']:.2f} s); "
                   "planted faults found: checker "
                   f"{finds['checker_found']}/{finds['planted']}, lychee {finds['lychee_found']}/{finds['planted']}",
                   "at most 1.0x, and it finds everything lychee finds",
                   links["checker_vs_lychee"] <= 1.0 and all_found))
    handouts = results["handouts"]
    worst_pages = max(h["pages"] for h in handouts)
    slowest = max(h["seconds"] for h in handouts)
    out.append(Row("each handout", f"{len(handouts)} handouts, {worst_pages} page(s) at most, "
                   f"slowest {slowest:.2f} s", "one A4 page (two at most), rendered in under 1 s",
                   worst_pages <= 2 and slowest < 1.0))
    out.append(guide_pdfs_row(results.get("guide_pdfs")))
    lighthouse = results.get("lighthouse")
    if isinstance(lighthouse, dict) and "pages" in lighthouse:
        for label, page in lighthouse["pages"].items():
            ok = (page["performance"] >= 95 and page["accessibility"] == 100
                  and page["best-practices"] == 100 and page["seo"] == 100)
            out.append(Row(f"Lighthouse, {label} ({page['page'] or 'home'})",
                           f"performance {page['performance']}, accessibility {page['accessibility']}, "
                           f"best practices {page['best-practices']}, SEO {page['seo']}",
                           "performance at least 95; the others 100", ok))
    else:
        out.append(Row("Lighthouse (mobile, median of 3, nginx)", str(lighthouse), "performance at least 95; "
                       "the others 100", None))
    return out


def first_visit_row(first: dict) -> Row:
    """Everything the home page fetched before any interaction; OVER as well if that
    included anything for search, which should wait until the reader searches."""
    total = first["with_index"]
    early = first.get("search_before_interaction", [])
    search = f"search fetched before any interaction: {', '.join(early)}" if early else "nothing for search"
    return Row("first visit (home page), everything fetched before any interaction",
               f"{_kb(total['gzip_bytes'])} gzip in {total.get('requests', '?')} files; {search}",
               "at most 70 KB gzip", total["gzip_bytes"] <= 70 * KB and not early)


FIRST_SEARCH = "first search, from the first keystroke to the first result (index not loaded)"


def first_search_row(first: dict | str | None) -> Row:
    """Within when every query's median at full speed is at most 1 s and nothing for
    search was fetched before the search box was used; the slowed-CPU figure is shown."""
    if not isinstance(first, dict):
        return Row(FIRST_SEARCH, str(first or "not run"), "at most 1 s", None)
    queries = ", ".join(f"'{q}'" for q in first["full_speed"])
    early = first.get("search_before_interaction", [])
    measured = (f"{_medians(first['full_speed'])} (median of {first['runs']}: {queries}); "
                f"CPU slowed {first['cpu_slowdown']}x: {_medians(first['slowed'])}; {first.get('server', '')}")
    if early:
        measured += f"; search fetched before any interaction: {', '.join(early)}"
    worst = max(s["median_s"] for s in first["full_speed"].values())
    return Row(FIRST_SEARCH, measured, "at most 1 s", worst <= 1.0 and not early)


def _medians(series: dict) -> str:
    return ", ".join(f"{s['median_s']:.2f} s" for s in series.values())


def guide_pdfs_row(guides: dict | None) -> Row:
    """The slowest guide's print (two passes, for the contents' page numbers), and the whole set
    from the browser's start to the last PDF."""
    budget = "each at most 10 s, the set at most 30 s"
    if not guides or not guides.get("guides"):
        return Row("each guide PDF / the set", "no guide PDFs rendered", budget, None)
    slowest = max(guides["guides"], key=lambda g: g["seconds"])
    return Row("each guide PDF / the set",
               f"{len(guides['guides'])} guides, slowest {slowest['seconds']:.2f} s ({slowest['pdf']}, "
               f"{slowest['pages']} pages); the set {guides['set_seconds']:.2f} s", budget,
               slowest["seconds"] <= 10.0 and guides["set_seconds"] <= 30.0)
