"""The benchmark's own logic: timing rounds, budgets, the synthetic copies, the report."""
from __future__ import annotations

import json

import pytest
import yaml

from benchkit import budgets, report, scale, stats, weight
from support import ROOT


def test_runs_are_interleaved_and_the_warm_up_is_not_counted():
    calls = []
    ticks = iter(range(1, 100))

    def command(name):
        def run():
            calls.append(name)
            return float(next(ticks))
        return run

    samples = stats.interleave({"a": command("a"), "b": command("b")}, runs=3, warmup=1)
    assert calls == ["a", "b"] * 4
    assert samples["a"].seconds == [3.0, 5.0, 7.0]
    assert samples["b"].median == 6.0 and samples["b"].spread == (4.0, 8.0)


def test_a_run_records_the_cpu_time_of_the_command_beside_the_wall_clock():
    busy, _ = stats.run_timed(["python3", "-c", "sum(range(3_000_000))"])
    idle, _ = stats.run_timed(["sleep", "0.3"])
    assert busy.cpu > 0.02 and busy.cpu <= float(busy) + 0.05
    assert float(idle) >= 0.3 and idle.cpu < 0.1


def test_a_failing_command_stops_the_benchmark_with_its_message():
    with pytest.raises(stats.CommandFailed, match=r"exited 3: boom"):
        stats.run_timed(["sh", "-c", "echo boom >&2; exit 3"])


def results(**changes):
    base = {
        "build": {"ratio": 1.2, "hooks_on": {"median_s": 6.0, "cpu_median_s": 5.9},
                  "hooks_off": {"median_s": 5.0, "cpu_median_s": 4.9}},
        "weight": {"html": {"median_bytes": 19_000, "largest_bytes": 50_000, "largest_page": "x.html"},
                   "first_visit": {"without_index": {"gzip_bytes": 60_000}, "with_index": {"gzip_bytes": 200_000}},
                   "search_index": {"gzip_bytes_per_page": 900, "gzip_bytes": 135_000, "pages": 150}},
        "links": {"checker_vs_lychee": 0.8, "checker": {"median_s": 0.4}, "lychee": {"median_s": 0.5}},
        "findings": {"lychee_only": [], "checker_found": 6, "lychee_found": 6, "planted": 6},
        "handouts": [{"pdf": "a.pdf", "pages": 1, "seconds": 0.2}],
        "lighthouse": {"pages": {"home page": {"page": "", "performance": 97, "accessibility": 100,
                                               "best-practices": 100, "seo": 100}}},
    }
    for path, value in changes.items():
        target = base
        *keys, last = path.split(".")
        for key in keys:
            target = target[key]
        target[last] = value
    return base


def verdicts(data):
    return [row.verdict for row in budgets.rows(data)]


def test_every_budget_is_within_when_every_figure_is():
    assert verdicts(results()) == ["within"] * 7


@pytest.mark.parametrize("change, row", [
    ({"build.ratio": 1.31}, 0),
    ({"weight.html.median_bytes": 20_001}, 1),
    ({"weight.first_visit.without_index.gzip_bytes": 70_001}, 2),
    ({"weight.search_index.gzip_bytes_per_page": 1001}, 3),
    ({"links.checker_vs_lychee": 1.01}, 4),
    ({"findings.lychee_only": ["bench-fault-2"]}, 4),
    ({"handouts": [{"pdf": "a.pdf", "pages": 3, "seconds": 0.2}]}, 5),
    ({"handouts": [{"pdf": "a.pdf", "pages": 1, "seconds": 1.0}]}, 5),
    ({"lighthouse.pages.home page.performance": 94}, 6),
    ({"lighthouse.pages.home page.seo": 99}, 6),
])
def test_a_figure_past_its_budget_is_marked_over(change, row):
    found = verdicts(results(**change))
    assert found[row] == "OVER" and found.count("OVER") == 1


def test_lighthouse_that_could_not_run_is_not_measured_never_within():
    assert verdicts(results(lighthouse="nginx is not installed here"))[6] == "not measured"


def test_the_report_puts_each_figure_beside_its_budget(tmp_path):
    data = results()
    data.update(scale={"1x": {"pages": 150, "median_s": 5, "min_s": 5, "max_s": 5, "runs": [5]}},
                date="2026-11-27", machine={"cpus": 2, "cpu": "cpu", "python": "3.11", "system": "Linux"})
    for name in ("hooks_on", "hooks_off"):
        data["build"][name].update(min_s=1, max_s=2, runs=[1])
    data["links"].update({name: {"median_s": 1, "min_s": 1, "max_s": 1, "links": 10}
                          for name in ("checker", "lychee", "linkchecker")})
    json_path, md_path = report.write(data, budgets.rows(data), tmp_path)
    table = md_path.read_text()
    assert "| HTML per page, median | 19.0 KB (largest 50.0 KB, x.html) | at most 20 KB raw | within |" in table
    assert "command: `make bench`" in table
    assert json.loads(json_path.read_text())["budgets"][0]["verdict"] == "within"


def test_gzip_sizes_follow_the_nginx_settings(tmp_path):
    small, page, image = tmp_path / "a.css", tmp_path / "b.html", tmp_path / "c.png"
    small.write_text("x" * 100)
    page.write_text("<p>hello</p>" * 500)
    image.write_bytes(b"\x89PNG" + b"0" * 2000)
    assert weight.gzip_size(small) == 100          # under gzip_min_length: sent as it is
    assert weight.gzip_size(page) < 200            # compressed
    assert weight.gzip_size(image) == 2004         # not a gzip type


def test_scaled_copies_point_generated_pages_home_and_join_the_nav(tmp_path):
    overrides = scale.scaled(ROOT / "docs", ROOT / "mkdocs.yml", tmp_path / "docs", 3)
    copy = tmp_path / "docs" / "copy-3"
    assert (copy / "take-part" / "index.md").read_text() == (ROOT / "docs/take-part/index.md").read_text()
    learn = (copy / "learn" / "index.md").read_text()
    assert "](../../glossary/index.md" in learn and "](../glossary/index.md" not in learn
    entry = (copy / "glossary" / "containment.md").read_text()
    meta = yaml.safe_load(entry.split("---\n")[1])
    assert meta["title"] == "Containment (copy)" and set(meta) == {"title", "description", "tags", "reviewed",
                                                                   "review_due"}
    titles = [next(iter(item)) for item in overrides["nav"] if isinstance(item, dict)]
    assert titles[-2:] == ["Copy 2", "Copy 3"]
    flat = json.dumps(overrides["nav"])
    assert "copy-2/glossary/index.md" not in flat and "copy-3/references.md" not in flat
    assert "/copy-3/glossary/*.md" in overrides["not_in_nav"]
    assert not (copy / "_data").exists() and not (copy / "_snippets").exists()


@pytest.mark.parametrize("path, search", [
    ("search/search_index.json", True),
    ("assets/javascripts/kb-search-worker.js", True),
    ("assets/javascripts/workers/search.a7633da7.min.js", True),
    ("assets/javascripts/bundle.a5f9d56c.min.js", False),
    ("index.html", False),
])
def test_first_visit_without_search_leaves_out_the_index_and_its_worker_only(path, search):
    assert bool(weight.SEARCH_FILES.match(path)) is search
