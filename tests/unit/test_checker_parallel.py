"""The sources checked in a forked child: the same findings as one process, errors carried back."""
from __future__ import annotations

import os
import time

import pytest

from checkerkit import Project, page
from kb.checker import CheckError, parallel

pytestmark = pytest.mark.skipif(not parallel.CAN_FORK, reason="needs os.fork")


def test_the_work_runs_in_another_process_beside_the_body():
    with parallel.beside(os.getpid) as child_pid:
        here = os.getpid()
        assert child_pid() != here


def test_without_a_fork_the_work_runs_here_when_asked():
    calls = []
    with parallel.beside(lambda: calls.append(os.getpid()) or "done", fork=False) as result:
        assert calls == []
        assert result() == "done"
    assert calls == [os.getpid()]


def test_a_check_error_in_the_child_is_raised_here_as_it_was():
    def fail():
        raise CheckError("site/three.html is not an HTML file")
    with pytest.raises(CheckError, match=r"three\.html") as raised, parallel.beside(fail) as result:
        result()
    assert raised.value.__cause__ is None  # a usage or content error: its one line is enough


def test_a_bug_in_the_child_carries_its_traceback():
    def broken():
        return {}["missing"]
    with pytest.raises(KeyError) as raised, parallel.beside(broken) as result:
        result()
    cause = str(raised.value.__cause__)
    assert isinstance(raised.value.__cause__, parallel.ChildTraceback)
    assert "Traceback (most recent call last)" in cause and 'return {}["missing"]' in cause


def test_an_exception_that_cannot_be_pickled_still_says_what_it_was():
    class Local(Exception):  # defined in a function: pickle cannot find it again
        pass

    def broken():
        raise Local("no way back")
    with pytest.raises(RuntimeError, match=r"Local: no way back"), parallel.beside(broken) as result:
        result()


def test_when_the_body_fails_the_child_is_stopped(tmp_path):
    def wait_for_ever():
        (tmp_path / "pid").write_text(str(os.getpid()))
        os.pause()
    with pytest.raises(ValueError), parallel.beside(wait_for_ever):
        while not (tmp_path / "pid").exists():
            time.sleep(0.01)
        raise ValueError("the site could not be read")
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # stopped and reaped: no child left behind


def test_forked_and_single_process_runs_find_the_same(tmp_path):
    project = Project(tmp_path)
    project.edit("site/guide.html", 'href="faq/"', 'href="faqs/"')
    project.edit("site/faq/index.html", "../guide.html#guide", "../guide.html#the-guide")
    project.write("site/orphan.html", page("<p>Alone.</p>"))
    project.edit("docs/index.md", " and [[gamma]]", " and [[gama]]")
    project.append("docs/faq/index.md", "\n### Is it free?\n\nYes. Ring 020 7946 0958.\n")
    one = project.run(fork=False)
    forked = project.run(fork=True)
    assert [p.render() for p in forked.findings] == [p.render() for p in one.findings]
    assert sorted(p.code for p in one.findings) == ["anchor-missing", "faq-no-link", "link-broken", "page-unreachable",
                                                     "pii-phone", "term-orphan", "term-unknown"]
    assert forked.summary.links == one.summary.links
