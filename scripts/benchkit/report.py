"""The benchmark's output: a Markdown report (budget table, then the detail) and JSON."""
from __future__ import annotations

import json
from pathlib import Path

from .budgets import Row


def markdown(results: dict, rows: list[Row]) -> str:
    lines = ["| figure | measured | budget | verdict |", "|---|---|---|---|"]
    lines += [f"| {r.figure} | {r.measured} | {r.budget} | {r.verdict} |" for r in rows]
    build = results["build"]
    lines += ["", "| build | median (wall clock) | spread | CPU time: median, fastest | runs |",
              "|---|---|---|---|---|"]

    def cpu(s):
        return f"{s['cpu_median_s']:.2f} s, {s['cpu_min_s']:.2f} s" if "cpu_min_s" in s else "-"
    for name in ("hooks_on", "hooks_off"):
        s = build[name]
        lines.append(f"| {name.replace('_', ' ')} | {s['median_s']:.2f} s | {s['min_s']:.2f}-{s['max_s']:.2f} s "
                     f"| {cpu(s)} | {len(s['runs'])} |")
    for factor, s in results["scale"].items():
        lines.append(f"| {factor} the site ({s['pages']} pages) | {s['median_s']:.2f} s | "
                     f"{s['min_s']:.2f}-{s['max_s']:.2f} s | {cpu(s)} | {len(s['runs'])} |")
    links = results["links"]
    lines += ["", "| link check | median | spread | links checked |", "|---|---|---|---|"]
    for name in ("checker", "lychee", "linkchecker"):
        s = links[name]
        lines.append(f"| {name} | {s['median_s']:.2f} s | {s['min_s']:.2f}-{s['max_s']:.2f} s | {s['links']} |")
    lines += ["", "| handout | pages | render |", "|---|---|---|"]
    lines += [f"| {h['pdf']} | {h['pages']} | {h['seconds']:.2f} s |" for h in results["handouts"]]
    guides = results.get("guide_pdfs") or {}
    lines += [f"| {g['pdf']} (guide) | {g['pages']} | {g['seconds']:.2f} s |" for g in guides.get("guides", [])]
    lines += first_search(results.get("first_search"))
    machine = results["machine"]
    lines += ["", f"Measured {results['date']} on {machine['cpus']} cores ({machine['cpu']}), "
              f"Python {machine['python']}, {machine['system']}; command: `make bench`."]
    return "\n".join(lines) + "\n"


def first_search(first) -> list[str]:
    """Each query's times at full speed and with the CPU slowed, and when the index arrived and
    was built (the worker ready), all from the first keystroke."""
    if not isinstance(first, dict):
        return []
    lines = ["", f"| first search ({first['server']}) | CPU | median | spread | index arrived | worker ready |",
             "|---|---|---|---|---|---|"]
    for cpu, key in (("full speed", "full_speed"), (f"slowed {first['cpu_slowdown']}x", "slowed")):
        for query, s in first[key].items():
            lines.append(f"| {query} | {cpu} | {s['median_s']:.2f} s | {s['min_s']:.2f}-{s['max_s']:.2f} s | "
                         f"{_spread(s['index_arrived_s'])} | {_spread(s['worker_ready_s'])} |")
    lines += ["", f"Times from the first keystroke, typed {first['typing_delay_ms']} ms apart, {first['runs']} fresh "
              "visits each; the CPU slowdown reaches the page, not the search worker (Chromium throttles pages "
              "only)."]
    return lines


def _spread(seconds: list) -> str:
    known = [v for v in seconds if v is not None]
    return f"{min(known):.2f} to {max(known):.2f} s" if known else "-"


def write(results: dict, rows: list[Row], out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    data = {**results, "budgets": [{"figure": r.figure, "measured": r.measured, "budget": r.budget,
                                     "verdict": r.verdict} for r in rows]}
    json_path, md_path = out / "bench.json", out / "bench.md"
    json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(markdown(results, rows), encoding="utf-8")
    return json_path, md_path
