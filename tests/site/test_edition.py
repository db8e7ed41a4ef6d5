"""The example edition (editions/example/, a fictional organisation) built strictly: its name, contacts,
logo and local pages in the site, the handouts' footers and the bundle; mistakes in a local page and clashes
with the product stop the build with their own path; without an edition the site is the product's."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from pages import html_pages
from support import ROOT, chromium_path, copy_project, mkdocs_build

EDITION = ROOT / "editions" / "example" / "mkdocs.yml"
SETTINGS = yaml.safe_load(EDITION.read_text(encoding="utf-8"))
NAME = SETTINGS["site_name"]                    # Reflective Practice Groups at Northmoor
ORGANISATION = SETTINGS["extra"]["organisation"]  # Northmoor Community Health NHS Trust
LOCAL = ["at-northmoor/groups.html", "at-northmoor/asking-for-a-group.html", "at-northmoor/facilitators.html"]
PLANTED = ("---\ntitle: Planted\ndescription: A local page with a planted fault.\ntags: [everyone]\n"
           "reviewed: 2026-11-26\nreview_due: 2027-11-26\n---\n# Planted\n\n")  # the body starts on line 10


@pytest.fixture(scope="module")
def edition_site(tmp_path_factory) -> Path:
    """The example edition as `make build EDITION=editions/example/mkdocs.yml` publishes it, PDFs included."""
    site = tmp_path_factory.mktemp("edition") / "site"
    result = mkdocs_build(ROOT, site, "--config-file", str(EDITION))
    if result.returncode != 0:
        pytest.fail(f"the strict build of the example edition failed:\n{result.stderr[-4000:]}", pytrace=False)
    rendered = subprocess.run([sys.executable, str(ROOT / "scripts/handouts.py"), str(site),
                               "--chromium", chromium_path()], capture_output=True, text=True)
    if rendered.returncode != 0:
        pytest.fail(f"rendering the edition's handouts failed:\n{rendered.stdout}{rendered.stderr}", pytrace=False)
    return site


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def site_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_the_edition_names_the_site_and_shows_its_logo(edition_site):
    home = read(edition_site, "index.html")
    assert f"<title>Reflective practice groups - {NAME}</title>" in home
    assert home.count('<img src="assets/northmoor/logo.svg" alt="logo">') == 2  # header and drawer
    assert '<link rel="icon" href="assets/northmoor/logo.svg">' in home
    assert '<link rel="canonical" href="https://intranet.northmoor.example/rp-groups/index.html">' in home
    assert (edition_site / "assets/northmoor/logo.svg").read_text().startswith("<svg")
    assert '<link rel="stylesheet" href="assets/northmoor/colours.css">' in home


def test_the_local_pages_are_built_and_listed_under_the_organisation(edition_site):
    assert set(LOCAL) <= set(html_pages(edition_site))
    page = read(edition_site, "at-northmoor/groups.html")
    assert f"At {ORGANISATION}" in page
    for href, title in [("groups.html", "Where and when groups meet"),
                        ("asking-for-a-group.html", "Asking for a group for your team"),
                        ("facilitators.html", "Facilitators and the safeguarding route")]:
        assert f'<a href="{href}" class="md-nav__link' in page and title in page
    assert page.index("groups.html") < page.index("asking-for-a-group.html") < page.index("facilitators.html")
    # Local pages are ordinary pages: [[term]], [@id] and the review dates work in them.
    assert 'href="../glossary/clinical-supervision.html" class="kb-term"' in page
    assert '(<a href="../references.html#polnay-2023">Polnay et al., 2023</a>)' in page
    assert '<time datetime="2026-12-01">1 December 2026</time>' in page
    assert 'href="at-northmoor/groups.html"' in read(edition_site, "index.html")  # the section, from home


def test_the_contacts_are_the_organisations_and_link_to_its_pages(edition_site):
    page = read(edition_site, "about/getting-support.html")
    assert f'<h2 id="kb-local-contacts">Contacts at {ORGANISATION}</h2>' in page
    for contact in SETTINGS["extra"]["support_contacts"]:
        assert f"<dt>{contact['service']}</dt>" in page and contact["contact"] in page
    assert ('See <a href="../at-northmoor/facilitators.html">Facilitators and the safeguarding route</a>.'
            in page)
    assert "your organisation" not in page.split('id="kb-local-contacts"')[1].split("</section>")[0]


def test_the_handouts_carry_the_editions_name_and_contacts(edition_site):
    page = read(edition_site, "handouts/getting-support.html")
    footer = f'@bottom-left {{ content: "{NAME} \u00b7 https://intranet.northmoor.example/rp-groups/handouts/'
    assert footer in page
    text = " ".join(PdfReader(edition_site / "handouts/getting-support.pdf").pages[0].extract_text().split())
    assert f"{NAME} \u00b7 https://intranet.northmoor.example/rp-groups/handouts/getting-support.html" in text
    assert f"Contacts at {ORGANISATION}" in text and "rp-groups@example.org" in text
    assert len(PdfReader(edition_site / "handouts/getting-support.pdf").pages) == 1  # still one page


def test_the_bundle_carries_the_editions_name_and_files(edition_site, tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/bundle.py"), str(edition_site), "--out",
                             str(tmp_path), "--version", "test", "--edition", str(EDITION)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    archive = tmp_path / "rp-groups-site-northmoor-test.zip"
    assert result.stdout.strip() == str(archive)
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        folder = "rp-groups-site-northmoor-test/"
        assert {folder + p for p in [*LOCAL, "assets/northmoor/logo.svg", "handouts/getting-support.pdf"]} <= names
        assert NAME in z.read(folder + "index.html").decode()


def test_the_checker_finds_nothing_in_the_example_edition(edition_site):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check.py"), str(edition_site), "--edition",
                             str(EDITION.relative_to(ROOT))], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    ours = [line for line in result.stdout.splitlines() if "editions/" in line or "at-northmoor" in line]
    assert ours == []


def test_an_edition_adds_its_files_and_takes_none_away(edition_site, built_site):
    product = {f for f in site_files(built_site) if not f.endswith(".pdf")}
    edition = {f for f in site_files(edition_site) if not f.endswith(".pdf")}
    assert product <= edition
    assert edition - product == {*LOCAL, "assets/northmoor/logo.svg", "assets/northmoor/colours.css"}


def test_without_an_edition_the_site_is_the_products(built_site, tmp_path):
    """An edition file that only inherits (kept outside the product, as an organisation may keep it) builds
    the same files and the same home page as the product's own mkdocs.yml."""
    plain = tmp_path / "elsewhere" / "mkdocs.yml"
    plain.parent.mkdir()
    plain.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\nhooks:\n"
                     f"  - {ROOT / 'scripts/hooks.py'}\ntheme:\n  custom_dir: {ROOT / 'overrides'}\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, "--config-file", str(plain))
    assert result.returncode == 0, result.stderr[-3000:]
    assert site_files(site) == {f for f in site_files(built_site) if not f.endswith(".pdf")}
    assert read(site, "index.html") == read(built_site, "index.html")
    assert read(site, "about/getting-support.html") == read(built_site, "about/getting-support.html")
    assert "At " not in read(built_site, "index.html").split('md-nav--primary')[1].split("</nav>")[0]


# --- mistakes --------------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def build_edition(project: Path) -> subprocess.CompletedProcess:
    result = mkdocs_build(project, project / "site", "--config-file", "editions/example/mkdocs.yml")
    assert "Traceback" not in result.stderr
    return result


def test_a_mistake_in_a_local_page_is_reported_with_its_own_path(project, edition_site):
    page = project / "editions/example/pages/at-northmoor/planted.md"
    page.write_text(PLANTED + "See [[countertransferance]].\n", encoding="utf-8")
    expected = ("editions/example/pages/at-northmoor/planted.md:10:5: error [term-unknown] unknown glossary term "
                "'[[countertransferance]]' (did you mean 'countertransference', 'counter-transference', "
                "'counter transference'?)")
    result = build_edition(project)
    assert result.returncode == 1
    assert f"ERROR   -  {expected}" in result.stderr.splitlines()
    assert "Aborted with 1 error in the content, listed above." in result.stdout + result.stderr
    checked = subprocess.run([sys.executable, str(project / "scripts/check.py"), str(edition_site), "--edition",
                              "editions/example/mkdocs.yml"], cwd=project, capture_output=True, text=True,
                             timeout=300)
    assert expected in checked.stdout.splitlines()
    assert checked.returncode == 1


def test_a_local_page_cannot_replace_a_product_page(project):
    clash = project / "editions/example/pages/about/getting-support.md"
    clash.parent.mkdir()
    clash.write_text(PLANTED + "Our own support page.\n", encoding="utf-8")
    result = build_edition(project)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == ["ERROR   -  editions/example/pages/about/getting-support.md:1:1: error [edition-clash] the "
                      "local page 'about/getting-support.md' has the same path as a product file; an edition adds "
                      "pages, it cannot replace one (move it into a folder of the edition's own, such as "
                      "'at-northmoor/')"]
    assert (result.stdout + result.stderr).count("Aborted") == 1
    assert "Aborted with 1 error in the content, listed above." in result.stdout + result.stderr


def test_a_mistake_in_the_edition_block_stops_the_build_at_its_line(project):
    edition = project / "editions/example/mkdocs.yml"
    edition.write_text(edition.read_text().replace("    pages: pages\n", "    pages: local-pages\n"))
    result = build_edition(project)
    assert result.returncode == 1
    line = next(n for n, text in enumerate(edition.read_text().splitlines(), 1) if "pages: local-pages" in text)
    assert (f"ERROR   -  editions/example/mkdocs.yml:{line}:1: error [edition-invalid] the folder of local pages "
            "'local-pages' does not exist (looked for editions/example/local-pages)") in result.stderr
