"""The command line: output contract, JSON, exit statuses, one-line errors, the codes table."""
from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checkerkit import ROOT, SCRIPT, Project, finding_lines
from kb.checker import codes

SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings? in [\d,]+ pages?, [\d,]+ links?, [\d,]+ external \(\d+\.\d\d s\)$")


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)


def plant_two_faults(project: Project) -> None:
    project.edit("site/guide.html", 'href="faq/"', 'href="faqs/"')
    project.edit("docs/index.md", " and [[gamma]]", "")


def test_findings_are_sorted_by_path_then_line_and_end_with_a_summary(project):
    plant_two_faults(project)
    project.edit("site/guide.html", 'index.html#intro', 'index.html#intro-text')
    result = project.cli()
    lines = result.stdout.splitlines()
    assert [line.split(" ")[0] for line in lines[:-1]] == ["docs/glossary/gamma.md:2:1:", "site/guide.html:7:18:",
                                                           "site/guide.html:8:18:"]
    assert SUMMARY.match(lines[-1]), lines[-1]
    assert lines[-1].startswith("2 errors, 1 warning in 7 pages, 42 links, 1 external (")
    assert result.returncode == 1


def test_json_output_has_the_same_findings_and_a_summary(project):
    plant_two_faults(project)
    result = project.cli("--format", "json")
    data = json.loads(result.stdout)
    assert data["findings"] == [
        {"path": "docs/glossary/gamma.md", "line": 2, "col": 1, "severity": "warning", "code": "term-orphan",
         "message": "no page outside the glossary links to 'gamma'",
         "hint": "link to it with [[gamma]] where the idea comes up, so readers find it"},
        {"path": "site/guide.html", "line": 8, "col": 18, "severity": "error", "code": "link-broken",
         "message": "'faqs/' (<a href>) points to faqs/, which is not in the site", "hint": ""},
    ]
    summary = data["summary"]
    assert {k: summary[k] for k in ("errors", "warnings", "pages", "links", "external_links")} == {
        "errors": 1, "warnings": 1, "pages": 7, "links": 42, "external_links": 1}
    assert summary["seconds"] >= 0 and summary["external_checked"] == {}
    assert result.returncode == 1


def test_json_findings_match_the_text_findings(project):
    plant_two_faults(project)
    text = finding_lines(project.cli())
    data = json.loads(project.cli("--format", "json").stdout)["findings"]
    rendered = [f"{f['path']}:{f['line']}:{f['col']}: {f['severity']} [{f['code']}] {f['message']}"
                + (f" ({f['hint']})" if f["hint"] else "") for f in data]
    assert rendered == text


def test_runner_and_cli_agree_and_strict_counts_warnings(project):
    project.edit("docs/index.md", " and [[gamma]]", "")
    result = project.run()
    assert result.status() == 0 and result.status(strict=True) == 1
    assert [p.code for p in result.findings] == ["term-orphan"]
    assert (result.summary.pages, result.summary.links) == (7, 42)
    assert project.cli().returncode == 0
    assert project.cli("--strict").returncode == 1


def test_site_only_skips_the_sources(project):
    project.edit("docs/index.md", " and [[gamma]]", "")
    result = project.cli(docs=None)
    assert result.returncode == 0 and finding_lines(result) == []


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def assert_one_line_error(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"check.py: error: {message}\n"
    assert "Traceback" not in result.stderr


def test_a_missing_site_directory(tmp_path):
    assert_one_line_error(run_cli(tmp_path, "nowhere", "--site-only"),
                          "the site directory 'nowhere' does not exist (build it with 'make build', or name the "
                          "directory to check)")


def test_a_file_named_as_the_site_directory(tmp_path):
    (tmp_path / "site").write_text("not a folder")
    assert_one_line_error(run_cli(tmp_path, "site", "--site-only"),
                          "the site directory 'site' is not a directory (build it with 'make build', or name the "
                          "directory to check)")


def test_a_missing_docs_directory(project):
    assert_one_line_error(project.cli(docs="nowhere"),
                          "the docs directory 'nowhere' does not exist (name it with --docs, or check the built site "
                          "alone with --site-only)")


def test_a_binary_file_named_as_html(project):
    project.path("site/image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert_one_line_error(project.cli(), "site/image.html is not an HTML file (it holds binary data); rename it or "
                                         "remove it from the site")


def test_undecodable_bytes_name_file_line_and_column(project):
    project.path("site/latin1.html").write_bytes(b"<!doctype html>\n<p>Caf\xe9</p>\n")
    assert_one_line_error(project.cli(), "site/latin1.html:2:7: byte 0xe9 is not valid UTF-8; save the file as UTF-8")


def test_undecodable_bytes_in_a_stylesheet(project):
    project.path("site/assets/site.css").write_bytes(b"/* \xff */\n")
    assert_one_line_error(project.cli(), "site/assets/site.css:1:4: byte 0xff is not valid UTF-8; save the file as "
                                         "UTF-8")


def test_a_site_given_with_a_trailing_slash_or_absolute_path(project):
    project.edit("site/guide.html", 'href="faq/"', 'href="faqs/"')
    assert finding_lines(project.cli(site="site/"))[0].startswith("site/guide.html:8:18:")
    absolute = str(project.root / "site")
    assert finding_lines(project.cli(site=absolute))[0].startswith(f"{absolute}/guide.html:8:18:")


@pytest.mark.parametrize("args, message", [
    (["--today", "2026-13-01"], "argument --today: '2026-13-01' is not a date; write YYYY-MM-DD (see --help)"),
    (["--format", "xml"], "argument --format: invalid choice: 'xml' (choose from 'text', 'json') (see --help)"),
    (["--frobnicate"], "unrecognized arguments: --frobnicate (see --help)"),
    (["--external", "--timeout", "0"], "argument --timeout: '0' is not a positive number of seconds (see --help)"),
])
def test_usage_mistakes_are_one_line(tmp_path, args, message):
    assert_one_line_error(run_cli(tmp_path, "site", *args), message)


def check_script():
    """scripts/check.py as a module, to call its main() here."""
    spec = importlib.util.spec_from_file_location("check_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("value, fork", [("on", True), ("off", False), ("OFF", False), ("1", False), ("0", True),
                                         ("4", True)])
def test_jobs_is_on_or_off_and_old_numbers_still_work(value, fork):
    assert check_script().parse_args(["site", "--jobs", value]).jobs is fork


def test_jobs_is_documented_and_checked(tmp_path):
    assert_one_line_error(run_cli(tmp_path, "site", "--jobs", "many"),
                          "argument --jobs: 'many' is neither on nor off (see --help)")
    assert "--jobs on|off" in run_cli(tmp_path, "--help").stdout


@pytest.mark.parametrize("where", ["site", "sources"])
def test_a_bug_in_the_checker_prints_its_traceback_and_exits_2(project, monkeypatch, capsys, where):
    check = check_script()

    def planted_bug(*args):
        raise KeyError("planted")
    monkeypatch.setattr(importlib.import_module(f"kb.checker.{where}"), "check", planted_bug)
    monkeypatch.chdir(project.root)
    assert check.main(["site", "--docs", "docs", "--today", "2026-12-01"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback (most recent call last):" in err and "KeyError: 'planted'" in err
    assert 'raise KeyError("planted")' in err  # the line of the bug, in the forked child too
    assert err.endswith("check.py: internal error: the traceback above is a bug in the checker; please report it\n")


def test_list_codes_documents_every_code(tmp_path):
    result = run_cli(tmp_path, "--list-codes")
    assert result.returncode == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(codes.CODES)
    assert re.search(r"^anchor-missing +error +site +a #fragment is not an id \(or <a name>\) on its target page$",
                     result.stdout, re.MULTILINE)


def emitted_codes() -> set[str]:
    """Every code a rule passes to error(), warning() or site.finding(), read from the source."""
    found = set()
    for path in (ROOT / "scripts" / "kb").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            position = {"error": 2, "warning": 2, "finding": 3}.get(name)
            if position is not None and len(node.args) > position and isinstance(node.args[position], ast.Constant):
                found.add(node.args[position].value)
    return found


def test_every_code_a_rule_emits_is_documented_and_every_documented_code_is_emitted():
    emitted = emitted_codes()
    assert emitted - set(codes.CODES) == set()
    assert set(codes.CODES) - emitted == set()


def test_the_readme_lists_every_code():
    section = (ROOT / "README.md").read_text()
    for code, meta in codes.CODES.items():
        assert f"| `{code}` | {meta.severity} |" in section, code
