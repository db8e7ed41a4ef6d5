"""Forked helpers: the same findings as one process, results in order, errors carried back."""
from __future__ import annotations

import os

import pytest

from checkerkit import Project, page
from kb.checker import CheckError, parallel, site, sources

pytestmark = pytest.mark.skipif(not parallel.CAN_FORK, reason="needs os.fork")


@pytest.mark.parametrize("workers", [1, 2, 3, 7])
def test_chunks_come_back_in_item_order(workers):
    items = list(range(10))
    assert parallel.map_in_chunks(lambda chunk: [(n, os.getpid()) for n in chunk], items, workers)[5][0] == 5
    assert [n for n, _ in parallel.map_in_chunks(lambda chunk: [(n, 0) for n in chunk], items, workers)] == items


def test_the_work_is_shared_among_processes():
    pids = {pid for _, pid in parallel.map_in_chunks(lambda chunk: [(n, os.getpid()) for n in chunk], list(range(6)), 3)}
    assert len(pids) == 3 and os.getpid() in pids


def fail_on_three(chunk):
    if 3 in chunk:
        raise CheckError("site/three.html is not an HTML file")
    return chunk


def test_a_check_error_in_a_helper_is_raised_here():
    with pytest.raises(CheckError, match="three.html"):
        parallel.map_in_chunks(fail_on_three, list(range(6)), 3)


def test_any_other_error_in_a_helper_says_what_and_where():
    def broken(chunk):
        if 1 in chunk:
            return {}["missing"]
        return chunk
    with pytest.raises(RuntimeError, match=r"KeyError at test_checker_parallel.py:\d+: 'missing'"):
        parallel.map_in_chunks(broken, [0, 1], 2)


@pytest.mark.parametrize("running, jobs", [(1, 4), (2, 4), (3, 3), (4, 2), (5, 1), (13, 1)])
def test_helpers_only_for_cores_idle_now(monkeypatch, running, jobs):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(parallel, "_read_loadavg", lambda: f"9.00 9.00 9.00 {running}/300 4242\n")
    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0))  # lagging: never consulted
    assert parallel.useful_jobs() == jobs


@pytest.mark.parametrize("load, jobs", [(0.0, 4), (0.6, 4), (1.6, 3), (3.4, 2), (3.6, 1), (12.0, 1)])
def test_without_proc_the_load_average_decides(monkeypatch, load, jobs):
    def missing():
        raise OSError("no /proc here")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(parallel, "_read_loadavg", missing)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0))
    assert parallel.useful_jobs() == jobs


def test_parallel_and_sequential_runs_find_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "PAGES_PER_WORKER", 1)
    monkeypatch.setattr(sources, "FILES_PER_WORKER", 1)
    project = Project(tmp_path)
    project.edit("site/guide.html", 'href="faq/"', 'href="faqs/"')
    project.edit("site/faq/index.html", "../guide.html#guide", "../guide.html#the-guide")
    project.write("site/orphan.html", page("<p>Alone.</p>"))
    project.edit("docs/index.md", " and [[gamma]]", " and [[gama]]")
    project.append("docs/faq/index.md", "\n### Is it free?\n\nYes. Ring 020 7946 0958.\n")
    one = project.run(jobs=1)
    many = project.run(jobs=4)
    assert [p.render() for p in many.findings] == [p.render() for p in one.findings]
    assert sorted(p.code for p in one.findings) == ["anchor-missing", "faq-no-link", "link-broken", "page-unreachable",
                                                     "pii-phone", "term-orphan", "term-unknown"]
    assert many.summary.links == one.summary.links
