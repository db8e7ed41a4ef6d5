"""The benchmark's own logic: timing rounds, budgets, the synthetic copies, the report."""
from __future__ import annotations

import json

import pytest
import yaml

from benchkit import budgets, firstsearch, report, scale, stats, weight
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


def test_two_commands_are_compared_by_their_fastest_runs_and_their_medians():
    on = stats.Sample("on", seconds=[5.0, 9.0, 5.2], cpu_seconds=[4.0, 7.5, 4.1])  # one run slowed by a neighbour
    off = stats.Sample("off", seconds=[4.0, 4.1, 6.0], cpu_seconds=[3.2, 3.3, 5.0])
    assert stats.fastest_ratio(on, off) == 1.25 and stats.median_ratio(on, off) == round(4.1 / 3.3, 3)
    assert stats.fastest_ratio(on, off, cpu=False) == 1.25
    assert stats.median_ratio(on, off, cpu=False) == round(5.2 / 4.1, 3)
    assert on.as_dict()["cpu_min_s"] == 4.0 and on.as_dict()["cpu_median_s"] == 4.1


def test_a_run_records_the_cpu_time_of_the_command_beside_the_wall_clock():
    busy, _ = stats.run_timed(["python3", "-c", "sum(range(3_000_000))"])
    idle, _ = stats.run_timed(["sleep", "0.3"])
    assert busy.cpu > 0.02 and busy.cpu <= float(busy) + 0.05
    assert float(idle) >= 0.3 and idle.cpu < 0.1


def test_a_failing_command_stops_the_benchmark_with_its_message():
    with pytest.raises(stats.CommandFailed, match=r"exited 3: boom"):
        stats.run_timed(["sh", "-c", "echo boom >&2; exit 3"])


def series(median):
    """A first-search series of five runs around `median` seconds."""
    runs = [median - 0.1, median, median, median + 0.05, median + 0.2]
    return {"median_s": median, "min_s": min(runs), "max_s": max(runs), "runs": runs,
            "index_arrived_s": [0.1] * 5, "worker_ready_s": [median - 0.1] * 5, "search_before_interaction": []}


def results(**changes):
    base = {
        "build": {"ratio": 1.2, "ratio_median": 1.25,
                  "hooks_on": {"median_s": 6.0, "cpu_median_s": 5.9, "cpu_min_s": 5.6},
                  "hooks_off": {"median_s": 5.0, "cpu_median_s": 4.9, "cpu_min_s": 4.7}},
        "weight": {"html": {"median_bytes": 19_000, "largest_bytes": 50_000, "largest_page": "x.html"},
                   "first_visit": {"without_index": {"gzip_bytes": 60_000},
                                   "with_index": {"gzip_bytes": 60_000, "requests": 12},
                                   "search_before_interaction": []},
                   "search_index": {"gzip_bytes_per_page": 900, "gzip_bytes": 135_000, "pages": 150}},
        "links": {"checker_vs_lychee": 0.8, "checker_vs_lychee_median": 0.85,
                  "checker": {"median_s": 0.4, "min_s": 0.36},
                  "lychee": {"median_s": 0.5, "min_s": 0.45}},
        "findings": {"lychee_only": [], "checker_found": 6, "lychee_found": 6, "planted": 6},
        "first_search": {"server": "nginx", "runs": 5, "typing_delay_ms": 120, "cpu_slowdown": 4,
                         "full_speed": {"burnout": series(0.6), "someone cried": series(0.7)},
                         "slowed": {"burnout": series(1.4), "someone cried": series(1.6)},
                         "search_before_interaction": []},
        "handouts": [{"pdf": "a.pdf", "pages": 1, "seconds": 0.2}],
        "guide_pdfs": {"set_seconds": 12.0, "guides": [{"pdf": "facilitate/facilitate-guide.pdf", "pages": 78,
                                                        "seconds": 3.1},
                                                       {"pdf": "learn/learn-guide.pdf", "pages": 44, "seconds": 1.5}]},
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
    assert verdicts(results()) == ["within"] * 9


@pytest.mark.parametrize("change, row", [
    ({"build.ratio": 1.31}, 0),
    ({"weight.html.median_bytes": 20_001}, 1),
    ({"weight.first_visit.with_index.gzip_bytes": 70_001}, 2),
    ({"weight.first_visit.search_before_interaction": ["search/search_index.json"]}, 2),
    ({"weight.search_index.gzip_bytes_per_page": 1001}, 3),
    ({"first_search.full_speed.someone cried": series(1.01)}, 4),
    ({"first_search.search_before_interaction": ["http://127.0.0.1/search/search_index.json"]}, 4),
    ({"links.checker_vs_lychee": 1.01}, 5),
    ({"findings.lychee_only": ["bench-fault-2"]}, 5),
    ({"handouts": [{"pdf": "a.pdf", "pages": 3, "seconds": 0.2}]}, 6),
    ({"handouts": [{"pdf": "a.pdf", "pages": 1, "seconds": 1.0}]}, 6),
    ({"guide_pdfs.guides": [{"pdf": "a-guide.pdf", "pages": 90, "seconds": 10.01}]}, 7),
    ({"guide_pdfs.set_seconds": 30.01}, 7),
    ({"lighthouse.pages.home page.performance": 94}, 8),
    ({"lighthouse.pages.home page.seo": 99}, 8),
])
def test_a_figure_past_its_budget_is_marked_over(change, row):
    found = verdicts(results(**change))
    assert found[row] == "OVER" and found.count("OVER") == 1


def test_lighthouse_that_could_not_run_is_not_measured_never_within():
    assert verdicts(results(lighthouse="nginx is not installed here"))[8] == "not measured"


def budget_row(data, figure_starts):
    return next(r for r in budgets.rows(data) if r.figure.startswith(figure_starts))


def test_the_first_visit_counts_everything_fetched_and_names_search_fetched_early():
    within = budget_row(results(), "first visit")
    assert within.figure == "first visit (home page), everything fetched before any interaction"
    assert within.measured == "60.0 KB gzip in 12 files; nothing for search" and within.within is True
    early = budget_row(results(**{"weight.first_visit.search_before_interaction": ["search/search_index.json"]}),
                "first visit")
    assert early.measured.endswith("search fetched before any interaction: search/search_index.json")
    assert early.within is False


def test_the_first_search_is_judged_at_full_speed_and_shows_the_slowed_figure():
    within = budget_row(results(), "first search")
    assert within.figure == "first search, from the first keystroke to the first result (index not loaded)"
    assert within.budget == "at most 1 s" and within.within is True
    assert within.measured == ("0.60 s, 0.70 s (median of 5: 'burnout', 'someone cried'); "
                               "CPU slowed 4x: 1.40 s, 1.60 s; nginx")
    assert budget_row(results(**{"first_search.full_speed.burnout": series(1.0)}), "first search").within is True
    assert budget_row(results(**{"first_search.slowed.burnout": series(5.0)}), "first search").within is True
    over = budget_row(results(**{"first_search.full_speed.burnout": series(1.2)}), "first search")
    assert over.within is False and over.measured.startswith("1.20 s, 0.70 s")


def test_a_first_search_that_could_not_run_is_not_measured():
    missing = budget_row(results(first_search="could not measure: nginx did not start"), "first search")
    assert missing.within is None and missing.measured == "could not measure: nginx did not start"


def test_the_guide_pdfs_show_the_slowest_guide_and_the_whole_set():
    within = budget_row(results(), "each guide PDF")
    assert within.measured == ("2 guides, slowest 3.10 s (facilitate/facilitate-guide.pdf, 78 pages); "
                               "the set 12.00 s")
    assert within.budget == "each at most 10 s, the set at most 30 s" and within.within is True
    assert budget_row(results(guide_pdfs={"set_seconds": 0, "guides": []}), "each guide PDF").within is None


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
    assert "| facilitate/facilitate-guide.pdf (guide) | 78 | 3.10 s |" in table
    assert "| someone cried | slowed 4x | 1.60 s | 1.50-1.80 s | 0.10 to 0.10 s | 1.50 to 1.50 s |" in table
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


def test_only_the_index_and_the_search_workers_count_as_search_requests():
    urls = ["http://127.0.0.1:8000/rp-groups/index.html",
            "http://127.0.0.1:8000/rp-groups/search/search_index.json",
            "http://127.0.0.1:8000/rp-groups/assets/javascripts/kb-search-lazy.js",
            "http://127.0.0.1:8000/rp-groups/assets/javascripts/kb-search-worker.js?material=workers/search.a7.min.js",
            "http://127.0.0.1:8000/rp-groups/assets/javascripts/workers/search.a7633da7.min.js"]
    assert firstsearch.search_requests(urls) == [urls[1], urls[3], urls[4]]
