"""--external against a server on 127.0.0.1: 200, 301 to 200, 404, 500, too slow, refused; the cache; politeness.

Nothing here waits for a timeout but the timeout test, which gives up after 50 ms on an
address that answers after half a second; elsewhere the timeout is generous and never
reached, and the backoff between retries is 10 ms."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from checkerkit import Project, finding_lines, page
from kb.checker.external import Settings

TIMEOUT = 10.0  # never reached: every address but /slow answers at once, even on a loaded machine
SHORT_TIMEOUT = 0.05  # for /slow alone


class Handler(BaseHTTPRequestHandler):
    """/ok 200, /moved 301 to /ok, /missing 404, /error 500, /slow answers too late, /get-only refuses HEAD."""

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def answer(self, head: bool) -> None:
        server = self.server
        with server.lock:
            server.seen[self.path] += 1
            server.active += 1
            server.most_at_once = max(server.most_at_once, server.active)
        try:
            self.respond(head)
        finally:
            with server.lock:
                server.active -= 1

    def respond(self, head: bool) -> None:
        path = self.path
        if path == "/slow":
            time.sleep(SHORT_TIMEOUT * 10)
        if path.startswith("/busy/"):
            time.sleep(0.1)
        status = {"/ok": 200, "/slow": 200, "/moved": 301, "/missing": 404, "/error": 500}.get(path, 200)
        if path == "/get-only" and head:
            status = 405
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.seen, httpd.lock, httpd.active, httpd.most_at_once = Counter(), threading.Lock(), 0, 0
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def project(tmp_path, server) -> Project:
    project = Project(tmp_path)
    base = f"http://127.0.0.1:{server.server_port}"
    links = [f"{base}/ok", f"{base}/moved", f"{base}/missing", f"{base}/error",
             f"http://127.0.0.1:{closed_port()}/refused", f"{base}/get-only", f"{base}/ok#a-fragment"]
    project.write("site/links.html", page("\n".join(f'<a href="{url}">link</a>' for url in links)))
    project.edit("site/index.html", '<a href="guide.html">', '<a href="links.html">l</a><a href="guide.html">')
    project.edit("site/index.html", "https://www.example.com/elsewhere#part", f"{base}/ok#part")  # stay off the network
    project.base, project.links = base, links
    return project


def settings(tmp_path, **changes) -> Settings:
    return Settings(**{"timeout": TIMEOUT, "retries": 1, "backoff": 0.01, "cache": tmp_path / "cache.json",
                       **changes})


def test_each_kind_of_answer_gives_its_finding(project, server, tmp_path):
    found = [p.render() for p in project.run(docs=False, external=settings(tmp_path)).findings]
    base, refused = project.base, project.links[4]
    assert found == [
        f"site/links.html:6:10: warning [external-redirect] '{base}/moved' redirects (301) to '{base}/ok' "
        "(link to the final address)",
        f"site/links.html:7:10: error [external-broken] '{base}/missing' answered 404 (fix or remove the link, or "
        "link to an archived copy)",
        f"site/links.html:8:10: error [external-broken] '{base}/error' answered 500 (2 tries) (fix or remove the "
        "link, or link to an archived copy)",
        f"site/links.html:9:10: error [external-broken] '{refused}' could not connect (Connection refused) (fix or "
        "remove the link, or link to an archived copy)",
    ]
    assert server.seen["/error"] == 4  # HEAD and GET, tried twice
    assert server.seen["/get-only"] == 2  # HEAD refused, then GET
    assert server.seen["/ok"] == 2  # once for /ok, once after /moved: fragments do not make another URL


def test_the_second_run_answers_from_the_cache(project, server, tmp_path):
    project.run(docs=False, external=settings(tmp_path))
    before = Counter(server.seen)
    result = project.run(docs=False, external=settings(tmp_path))
    for path in ["/ok", "/moved", "/missing", "/get-only"]:
        assert server.seen[path] == before[path], path
    assert server.seen["/error"] > before["/error"]  # a 5xx answer may be better next time: never cached
    assert result.summary.external_checked["from cache"] == 4
    cache = json.loads((tmp_path / "cache.json").read_text())
    assert set(cache) == {f"{project.base}/{p}" for p in ["ok", "moved", "missing", "get-only"]}


def test_old_cache_entries_are_asked_again(project, server, tmp_path):
    project.run(docs=False, external=settings(tmp_path))
    cache_file = tmp_path / "cache.json"
    cache = json.loads(cache_file.read_text())
    cache[f"{project.base}/ok"]["checked_at"] -= 2 * 3600
    cache_file.write_text(json.dumps(cache))
    before = server.seen["/ok"]
    project.run(docs=False, external=settings(tmp_path, cache_hours=1))
    assert server.seen["/ok"] == before + 1


def test_a_damaged_cache_is_only_a_slower_run(project, server, tmp_path):
    (tmp_path / "cache.json").write_text("{not json")
    result = project.run(docs=False, external=settings(tmp_path))
    assert len(result.findings) == 4


def test_no_more_than_two_requests_at_once_to_one_host(tmp_path, server):
    project = Project(tmp_path)
    base = f"http://127.0.0.1:{server.server_port}"
    project.write("site/busy.html", page("\n".join(f'<a href="{base}/busy/{n}">b</a>' for n in range(8))))
    project.edit("site/index.html", "https://www.example.com/elsewhere#part", f"{base}/busy/0")
    project.edit("site/index.html", '<a href="guide.html">', '<a href="busy.html">l</a><a href="guide.html">')
    project.run(docs=False, external=settings(tmp_path, per_host=2, workers=8))
    assert 1 <= server.most_at_once <= 2
    assert sum(n for path, n in server.seen.items() if path.startswith("/busy/")) == 8


def test_the_cli_checks_external_links_only_when_asked(project, server, tmp_path):
    result = project.cli(docs=None)
    assert sum(server.seen.values()) == 0
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].startswith("0 errors, 0 warnings in 8 pages, 50 links, 8 external (")
    cache = tmp_path / "cli-cache.json"
    result = project.cli("--external", "--timeout", str(TIMEOUT), "--retries", "0", "--cache", str(cache),
                         docs=None)
    assert result.returncode == 1
    assert [line.split(" ")[1:3] for line in finding_lines(result)] == [
        ["warning", "[external-redirect]"]] + [["error", "[external-broken]"]] * 3
    assert "8 external (2 ok, 1 redirected, 3 broken)" in result.stdout.splitlines()[-1]
    assert cache.is_file()
    listed = json.loads(project.cli("--external", "--timeout", str(TIMEOUT), "--retries", "0", "--cache", str(cache),
                                    "--format", "json", docs=None).stdout)["summary"]["external_urls"]
    by_url = {entry["url"]: entry for entry in listed}
    assert by_url[f"{project.base}/ok"] == {"url": f"{project.base}/ok", "status": 200, "final_url": "", "error": "",
                                            "cached": True, "uses": 3}
    assert by_url[f"{project.base}/moved"]["final_url"] == f"{project.base}/ok"


def test_an_address_that_answers_too_late_times_out_and_is_tried_again(tmp_path, server):
    project = Project(tmp_path)
    slow = f"http://127.0.0.1:{server.server_port}/slow"
    project.edit("site/index.html", "https://www.example.com/elsewhere#part", slow)
    started = time.perf_counter()
    found = [p.render() for p in project.run(docs=False, external=settings(tmp_path, timeout=SHORT_TIMEOUT)).findings]
    assert found == [f"site/index.html:27:23: error [external-broken] '{slow}' timed out "
                     "after 0.05 s (2 tries) (fix or remove the link, or link to an archived copy)"]
    assert server.seen["/slow"] == 2  # HEAD, and HEAD again after the backoff: a timeout is worth a retry
    assert time.perf_counter() - started < 2
