#!/usr/bin/env python3
"""The benchmark: build time, growth, link checking, weight, handouts and guide PDFs, first search, Lighthouse.

    python scripts/bench.py [--runs N] [--scale-runs N] [--out DIR] [--chromium PATH]
                            [--no-lighthouse] [--fail-over-budget]

Prints the budget table (Markdown) and writes bench.json and bench.md to DIR
(default bench-results/). Exits 0 when it has measured (over-budget figures are
marked OVER in the table), 1 with --fail-over-budget if a figure is over, 2 if it
could not run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit import budgets, builds, firstsearch, lighthouse, links, nginxserver, report, staticserver, weight
from benchkit.stats import CommandFailed
from kb import guidepdf, handouts

DEPLOY = ROOT / "deploy" / "nginx"
LIGHTHOUSE = ROOT / "bench-tools" / "node_modules" / "lighthouse" / "cli" / "index.js"


def lighthouse_pages(site: Path) -> dict[str, str]:
    """The pages Lighthouse scores: the home page, a glossary entry, and the hard moments
    guide, the longest guide, split over a hub and a page per kind of moment once one page
    of it was too slow for a phone. Its heaviest page (the largest HTML) is the one scored,
    chosen afresh each run, so that the figure stays the slowest page of that guide."""
    pages = (site / "facilitate").glob("hard-moments*.html")
    heaviest = max(pages, key=lambda p: p.stat().st_size).relative_to(site).as_posix()
    return {"home page": "", "a glossary page": "glossary/countertransference.html",
            "the hard moments guide (its heaviest page)": heaviest}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5,
                        help="timed runs of each build, check and first search (default 5)")
    parser.add_argument("--scale-runs", type=int, default=3, help="timed runs at each size (default 3)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results", help="where bench.json and bench.md go")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium"))
    parser.add_argument("--no-lighthouse", action="store_true", help="leave out the Lighthouse runs")
    parser.add_argument("--fail-over-budget", action="store_true", help="exit 1 if any figure is over its budget")
    args = parser.parse_args(argv)
    if not args.chromium:
        print("bench: no Chromium found; run 'make chromium' or set CHROMIUM=/path/to/chromium", file=sys.stderr)
        return 2
    python = sys.executable
    bin_dir = Path(python).parent
    for tool in ("lychee", "linkchecker"):
        if not (bin_dir / tool).exists():
            print(f"bench: {tool} is not installed in {bin_dir}; run 'make bench' (it installs "
                  f"requirements-test.txt)", file=sys.stderr)
            return 2

    results: dict = {"date": dt.date.today().isoformat(), "machine": machine()}
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        work = Path(tmp)
        work.chmod(0o755)  # linkchecker run as root drops to 'nobody', who must be able to read the site
        try:
            step("builds with and without the hooks")
            builder = builds.Builder(python, ROOT, work)
            results["build"] = builds.hooks_on_off(builder, args.runs)
            step("builds at 1x, 2x and 4x the size")
            results["scale"] = builds.growth(builder, (1, 2, 4), args.scale_runs)

            root = work / "root"
            site = root / nginxserver.SUB_PATH
            root.mkdir()
            shutil.move(results["build"].pop("site"), site)
            step("handouts and guide PDFs")
            rendered = handouts.render(site, args.chromium)
            results["handouts"] = [{"pdf": h.pdf.relative_to(site).as_posix(), "pages": h.pages,
                                    "max_pages": h.max_pages, "seconds": round(h.seconds, 3)} for h in rendered]
            results["guide_pdfs"] = render_guides(site, args.chromium)
            step("weight")
            results["weight"] = {"html": weight.html_per_page(site), "search_index": weight.search_index(site),
                                 "first_visit": weight.first_visit(site, args.chromium)}
            step("first search")
            results["first_search"] = run_first_search(site, args.chromium, args.runs)
            step("link checkers")
            tools = links.Tools(python, bin_dir, ROOT, site, root)
            results["links"] = links.compare_speed(tools, args.runs)
            results["findings"] = links.compare_findings(tools, work)
            step("Lighthouse")
            results["lighthouse"] = run_lighthouse(site, args)
        except (CommandFailed, RuntimeError) as exc:
            print(f"bench: {exc}", file=sys.stderr)
            return 2
    rows = budgets.rows(results)
    json_path, md_path = report.write(results, rows, args.out)
    print(report.markdown(results, rows))
    print(f"bench: wrote {json_path} and {md_path}", file=sys.stderr)
    return 1 if args.fail_over_budget and any(r.within is False for r in rows) else 0


def run_lighthouse(site: Path, args) -> dict | str:
    if args.no_lighthouse:
        return "left out (--no-lighthouse)"
    if not LIGHTHOUSE.exists():
        return "Lighthouse is not installed (make bench installs it into bench-tools/)"
    try:
        with nginxserver.serve(site, DEPLOY) as base:
            return {"server": "nginx, deploy/nginx/rp-groups.conf",
                    "pages": lighthouse.median_scores(LIGHTHOUSE, base, lighthouse_pages(site), args.chromium)}
    except nginxserver.NginxUnavailable as exc:
        return str(exc)


def render_guides(site: Path, chromium: str) -> dict:
    """Every guide's PDF: each one's print time (kb.guidepdf), and the whole set's, browser start included."""
    start = time.perf_counter()
    guides = guidepdf.render(site, chromium, handouts.CHROMIUM_ARGS)
    return {"set_seconds": round(time.perf_counter() - start, 3),
            "guides": [{"pdf": g.pdf.relative_to(site).as_posix(), "pages": g.pages, "seconds": round(g.seconds, 3)}
                       for g in guides]}


def run_first_search(site: Path, chromium: str, runs: int) -> dict | str:
    """The first search, served by the recommended nginx configuration, or by Python's
    server where nginx is not installed (the result says which)."""
    if nginxserver.available():
        server, label = nginxserver.serve(site, DEPLOY), "nginx, deploy/nginx/rp-groups.conf"
    else:
        server, label = staticserver.serve(site), "Python's http.server (nginx is not installed here)"
    try:
        with server as base:
            return {"server": label, **firstsearch.measure(base, chromium, runs=runs)}
    except RuntimeError as exc:  # nginx would not start, or search never answered
        return f"could not measure: {exc}"


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def step(name: str) -> None:
    print(f"bench: {name}...", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
