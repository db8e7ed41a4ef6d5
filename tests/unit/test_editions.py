"""An organisation's edition (kb.editions): its settings, its local files and their nav order, clashes with
the product, and the checker's rules on it (check.py --edition)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checkerkit import ROOT, Project, finding_lines
from kb import editions

PAGE = ("---\ntitle: {title}\ndescription: A local page.\ntags: [everyone]\nreviewed: 2026-11-26\n"
        "review_due: 2027-11-26\n---\n# {title}\n\n")  # the body starts on line 10
EDITION = """\
site_name: Groups at Eastfold
extra:
  organisation: Eastfold Health (fictional)
  edition:
    name: eastfold
    pages: pages
{nav}"""
HINT = "(see 'Publishing' in README.md for the edition block: extra: edition: {name: ..., pages: ...})"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edition_folder(base: Path, nav: str = "", pages=("at-eastfold/rooms.md", "at-eastfold/index.md",
                                                     "at-eastfold/asking.md")) -> Path:
    """An edition file `base/edition.yml` with local pages under `base/pages/`."""
    for uri in pages:
        write(base / "pages" / uri, PAGE.format(title=Path(uri).stem))
    return write(base / "edition.yml", EDITION.format(nav=nav))


def load(path: Path, root: Path):
    return editions.load_file(path, root)


# --- settings --------------------------------------------------------------------------------

def test_no_edition_block_means_no_edition():
    assert editions.from_settings({"organisation": "x"}, "mkdocs.yml", ROOT) == (None, [])


def test_the_settings_name_the_folder_and_the_organisation(tmp_path):
    edition, problems = load(edition_folder(tmp_path), tmp_path)
    assert problems == []
    assert (edition.name, edition.label, edition.pages) == ("eastfold", "edition.yml", tmp_path / "pages")
    assert edition.section == "At Eastfold Health (fictional)"


def test_inherited_settings_are_merged_as_mkdocs_merges_them(tmp_path):
    write(tmp_path / "product.yml", "site_name: Product\nextra:\n  organisation: Northfold Health\n")
    (tmp_path / "pages").mkdir()
    file = write(tmp_path / "edition.yml", "INHERIT: product.yml\nextra:\n  edition:\n    name: north\n"
                                           "    pages: pages\n")
    edition, problems = load(file, tmp_path)
    assert problems == [] and edition.organisation == "Northfold Health"


@pytest.mark.parametrize("block, line, message", [
    ("    name: East Fold\n    pages: pages\n", 5,
     "the edition's name 'East Fold' is not lower-case words joined by hyphens (write e.g. 'name: northmoor'; "
     "the bundle's file name carries it)"),
    ("    name: eastfold\n    pages: local\n", 6,
     "the folder of local pages 'local' does not exist (looked for local) (create it, or correct 'pages:' "
     "(it is relative to the edition file))"),
    ("    name: eastfold\n", 4,
     "'extra.edition' does not name the folder of local pages (write e.g. 'pages: pages', a folder beside the "
     "edition file)"),
    ("    name: eastfold\n    pages: pages\n    colour: teal\n", 7,
     f"unknown setting 'colour' in 'extra.edition' {HINT}"),
    ("    name: eastfold\n    pages: pages\n    nav: [at-eastfold/nowhere.md]\n", 7,
     "'nav' in 'extra.edition' names 'at-eastfold/nowhere.md', which is not a page in 'pages' (write each "
     "page's path inside the folder of local pages)"),
])
def test_a_mistake_in_the_settings_is_one_line_at_its_place(tmp_path, block, line, message):
    (tmp_path / "pages").mkdir()
    file = write(tmp_path / "edition.yml", "site_name: x\nextra:\n  organisation: Eastfold\n  edition:\n" + block)
    edition, problems = load(file, tmp_path)
    assert edition is None
    assert [p.render() for p in problems] == [f"edition.yml:{line}:1: error [edition-invalid] {message}"]


def test_an_edition_needs_an_organisation(tmp_path):
    (tmp_path / "pages").mkdir()
    file = write(tmp_path / "edition.yml", "extra:\n  edition: {name: eastfold, pages: pages}\n")
    assert [p.render() for p in load(file, tmp_path)[1]] == [
        "edition.yml:1:1: error [edition-invalid] an edition must set 'extra.organisation' (the nav section is "
        "named after it) (write e.g. 'organisation: Northmoor NHS Trust')"]


def test_a_file_that_is_not_an_edition_cannot_be_read(tmp_path):
    with pytest.raises(ValueError, match="has no 'extra: edition:' block"):
        load(write(tmp_path / "mkdocs.yml", "site_name: x\n"), tmp_path)
    with pytest.raises(ValueError, match=r"Inherited config file 'nowhere\.yml' does not exist"):
        load(write(tmp_path / "e.yml", "INHERIT: nowhere.yml\n"), tmp_path)


# --- local files -------------------------------------------------------------------------------

def test_every_local_file_is_added_but_data_folders(tmp_path):
    file = edition_folder(tmp_path)
    write(tmp_path / "pages/assets/eastfold/logo.svg", "<svg/>")
    write(tmp_path / "pages/_data/allowlist.yaml", "phones: []\n")
    write(tmp_path / "pages/.notes.md", "draft")
    edition, _ = load(file, tmp_path)
    assert [uri for uri, _ in edition.files()] == ["assets/eastfold/logo.svg", "at-eastfold/asking.md",
                                                   "at-eastfold/index.md", "at-eastfold/rooms.md"]


def test_nav_order_is_the_named_pages_then_an_index_then_the_rest():
    edition = editions.Edition("e", Path("e.yml"), "e.yml", ROOT / "editions/example/pages", "Org", ROOT)
    assert edition.nav_pages() == ["at-northmoor/asking-for-a-group.md", "at-northmoor/facilitators.md",
                                   "at-northmoor/groups.md"]
    named = editions.Edition("e", Path("e.yml"), "e.yml", edition.pages, "Org", ROOT, ("at-northmoor/groups.md",))
    assert named.nav_pages() == ["at-northmoor/groups.md", "at-northmoor/asking-for-a-group.md",
                                 "at-northmoor/facilitators.md"]


def test_an_index_page_comes_first(tmp_path):
    edition, _ = load(edition_folder(tmp_path), tmp_path)
    assert edition.nav_pages() == ["at-eastfold/index.md", "at-eastfold/asking.md", "at-eastfold/rooms.md"]


def test_a_local_file_at_a_product_path_is_a_clash(tmp_path):
    edition, _ = load(edition_folder(tmp_path, pages=("about/getting-support.md", "at-eastfold/rooms.md")), tmp_path)
    problems = editions.clashes(edition, editions.product_files(ROOT / "docs"))
    assert [p.render() for p in problems] == [
        "pages/about/getting-support.md:1:1: error [edition-clash] the local page 'about/getting-support.md' has "
        "the same path as a product file; an edition adds pages, it cannot replace one (move it into a folder of "
        "the edition's own, such as 'at-eastfold/')"]


def test_generated_product_pages_count_as_product_files():
    assert {"glossary/index.md", "references.md", "index.md"} <= editions.product_files(ROOT / "docs")
    assert not any(uri.startswith("_") for uri in editions.product_files(ROOT / "docs"))


# --- the checker ---------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Project:
    """The checker's clean fixture with an edition beside it: edition/mkdocs.yml and edition/pages/."""
    project = Project(tmp_path)
    project.write("edition/mkdocs.yml", EDITION.format(nav="") + "  support_contacts:\n"
                  "    - service: Wellbeing\n      contact: E-mail wellbeing@example.org.\n")
    project.write("edition/pages/at-eastfold/rooms.md",
                  PAGE.format(title="Rooms") + "Groups meet in the quiet room. See [[alpha]] [@miller-1967].\n")
    return project


def test_a_clean_edition_gives_no_finding(project):
    result = project.cli("--edition", "edition/mkdocs.yml")
    assert finding_lines(result) == [] and result.returncode == 0


def test_a_local_page_with_mistakes_is_reported_with_its_own_path(project):
    project.write("edition/pages/at-eastfold/rooms.md", PAGE.format(title="Rooms").replace("everyone", "everybody")
                  + "See [[alpah]] or call 01632 960 001.\n")
    result = project.cli("--edition", "edition/mkdocs.yml")
    assert finding_lines(result) == [
        "edition/pages/at-eastfold/rooms.md:4:1: error [tag-unknown] unknown audience tag 'everybody' (did you "
        "mean 'everyone'?)",
        "edition/pages/at-eastfold/rooms.md:10:5: error [term-unknown] unknown glossary term '[[alpah]]' (did you "
        "mean 'alpha'?)",
        "edition/pages/at-eastfold/rooms.md:10:23: error [pii-phone] '01632 960 001' looks like a phone number "
        "(remove it; if it is a public service's address or number, add it to docs/_data/allowlist.yaml)",
    ]
    assert result.returncode == 1
    assert project.cli().returncode == 0  # without --edition, the product alone


def test_the_edition_file_and_its_pages_obey_the_personal_data_and_promise_rules(project):
    shutil.copy(ROOT / "docs/_data/promises.yaml", project.path("docs/_data/promises.yaml"))
    project.edit("edition/mkdocs.yml", "wellbeing@example.org", "jo.bloggs@nhs.net")
    project.append("edition/pages/at-eastfold/rooms.md", "What you say here stays in the group.\n")
    lines = finding_lines(project.cli("--edition", "edition/mkdocs.yml"))
    assert [line.split(" (")[0] for line in lines] == [
        "edition/mkdocs.yml:9:23: error [pii-email] 'jo.bloggs@nhs.net' looks like an e-mail address",
        "edition/pages/at-eastfold/rooms.md:11:19: error [promise-absolute] 'stays in the group' promises "
        "confidentiality without its limits",
    ]


def test_the_editions_own_allow_list_adds_to_the_products(project):
    project.append("edition/pages/at-eastfold/rooms.md", "Switchboard: 01632 960 001.\n")
    project.write("edition/pages/_data/allowlist.yaml", 'phones: ["01632 960 001"]\n')
    assert finding_lines(project.cli("--edition", "edition/mkdocs.yml")) == []


def test_the_checker_reports_a_clash_and_a_broken_edition_file(project):
    project.write("edition/pages/index.md", PAGE.format(title="Home"))
    assert finding_lines(project.cli("--edition", "edition/mkdocs.yml")) == [
        "edition/pages/index.md:1:1: error [edition-clash] the local page 'index.md' has the same path as a "
        "product file; an edition adds pages, it cannot replace one (move it into a folder of the edition's own, "
        "such as 'at-eastfold/')"]
    result = project.cli("--edition", "edition/nowhere.yml")
    assert result.returncode == 2
    assert result.stderr.startswith("check.py: error: the edition file 'edition/nowhere.yml' cannot be read: ")


# --- the bundle ------------------------------------------------------------------------------------

def test_the_bundle_name_carries_the_edition_and_the_version(tmp_path):
    site = tmp_path / "site"
    write(site / "index.html", "<!doctype html><title>x</title>")
    command = [sys.executable, str(ROOT / "scripts/bundle.py"), str(site), "--out", str(tmp_path / "dist"),
               "--version", "2026-12-01-abc1234", "--edition", str(ROOT / "editions/example/mkdocs.yml")]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    archive = tmp_path / "dist" / "rp-groups-site-northmoor-2026-12-01-abc1234.zip"
    assert result.stdout.strip() == str(archive)
    with zipfile.ZipFile(archive) as z:
        assert "rp-groups-site-northmoor-2026-12-01-abc1234/index.html" in z.namelist()
