"""The checker's rules on a built site: one planted fault per rule, exact finding and exit status."""
from __future__ import annotations

import pytest

from checkerkit import Project, finding_lines, page


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)


def assert_finds(project: Project, expected: str, status: int = 1, *args: str) -> None:
    """The runner returns exactly `expected`; the CLI prints it and exits with `status`."""
    assert project.findings() == [expected]
    result = project.cli(*args)
    assert finding_lines(result) == [expected]
    assert result.returncode == status, result.stderr


def test_the_clean_fixture_has_no_finding(project):
    assert project.findings() == []
    result = project.cli()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("0 errors, 0 warnings in 7 pages, 42 links, 1 external (")
    assert result.stderr == ""


BROKEN = [
    # (file, text planted in place of the original, expected finding)
    ("site/guide.html", ('href="faq/"', 'href="faqs/"'),
     "site/guide.html:8:18: error [link-broken] 'faqs/' (<a href>) points to faqs/, which is not in the site"),
    ("site/index.html", ('<img src="assets/img.png"', '<img src="assets/imgs.png"'),
     "site/index.html:25:11: error [link-broken] 'assets/imgs.png' (<img src>) points to assets/imgs.png, which is "
     "not in the site (did you mean 'assets/img.png', 'assets/img@2x.png'?)"),
    ("site/index.html", ("assets/img@2x.png 2x", "assets/img@3x.png 2x"),
     "site/index.html:25:54: error [link-broken] 'assets/img@3x.png' (<img srcset>) points to assets/img@3x.png, "
     "which is not in the site (did you mean 'assets/img@2x.png', 'assets/img.png'?)"),
    ("site/index.html", ("url(assets/img.png)", "url(assets/image.png)"),
     "site/index.html:26:35: error [link-broken] 'assets/image.png' (<div style> url()) points to assets/image.png, "
     "which is not in the site (did you mean 'assets/img.png'?)"),
    ("site/index.html", ('url("assets/img.png")', 'url("assets/hero.png")'),
     "site/index.html:12:33: error [link-broken] 'assets/hero.png' (<style> url()) points to assets/hero.png, "
     "which is not in the site"),
    ("site/index.html", ('<script src="assets/app.js">', '<script src="assets/main.js">'),
     "site/index.html:11:14: error [link-broken] 'assets/main.js' (<script src>) points to assets/main.js, which is "
     "not in the site"),
    ("site/index.html", ('href="assets/favicon.png"', 'href="assets/favicon.ico"'),
     "site/index.html:7:24: error [link-broken] 'assets/favicon.ico' (<link href>) points to assets/favicon.ico, "
     "which is not in the site"),
    ("site/assets/site.css", ("fonts/fixture.woff2", "fonts/missing.woff2"),
     "site/assets/site.css:4:13: error [link-broken] 'fonts/missing.woff2' (CSS url()) points to "
     "assets/fonts/missing.woff2, which is not in the site"),
    ("site/assets/site.css", ("url(../assets/img.png)", "url(../../img.png)"),
     "site/assets/site.css:7:25: error [link-broken] '../../img.png' (CSS url()) points outside the site "
     "(link relative to this page, within the site)"),
    ("site/404.html", ('href="/kb/index.html"', 'href="/kb/home.html"'),
     "site/404.html:7:13: error [link-broken] '/kb/home.html' (<a href>) points to home.html, which is not in the "
     "site"),
    ("site/404.html", ('href="/kb/assets/site.css"', 'href="/assets/site.css"'),
     "site/404.html:4:30: error [link-broken] '/assets/site.css' (<link href>) points outside the site "
     "(link relative to this page, within the site)"),
    ("site/index.html", ("https://example.org/kb/guide.html", "https://example.org/kb/guides.html"),
     "site/index.html:20:12: error [link-broken] 'https://example.org/kb/guides.html' (<a href>) points to "
     "guides.html, which is not in the site (did you mean 'guide.html'?)"),
]


@pytest.mark.parametrize("file, change, expected", BROKEN, ids=[b[2].split(" ")[0] for b in BROKEN])
def test_a_broken_link_is_found_where_it_is_written(project, file, change, expected):
    project.edit(file, *change)
    assert_finds(project, expected)


ANCHORS = [
    ("site/guide.html", ("index.html#intro", "index.html#intro-text"),
     "site/guide.html:7:18: error [anchor-missing] '#intro-text' is not an id on index.html (linked as "
     "'index.html#intro-text') (did you mean 'intro'?)"),
    ("site/index.html", ('href="#intro"', 'href="#intr"'),
     "site/index.html:24:32: error [anchor-missing] '#intr' is not an id on index.html (linked as '#intr') "
     "(did you mean 'intro'?)"),
    ("site/faq/index.html", ("../guide.html#guide", "../guide.html#the-guide"),
     "site/faq/index.html:7:17: error [anchor-missing] '#the-guide' is not an id on guide.html (linked as "
     "'../guide.html#the-guide') (did you mean 'guide'?)"),
    ("site/guide.html", ("glossary/alpha.html#definition", "glossary/alpha.html#zzz"),
     "site/guide.html:7:59: error [anchor-missing] '#zzz' is not an id on glossary/alpha.html (linked as "
     "'glossary/alpha.html#zzz') (link to a heading's id (see the ¶ link beside it))"),
]


@pytest.mark.parametrize("file, change, expected", ANCHORS, ids=[a[2].split(" ")[0] for a in ANCHORS])
def test_a_missing_anchor_is_found_with_the_nearest_ids(project, file, change, expected):
    project.edit(file, *change)
    assert_finds(project, expected)


@pytest.mark.parametrize("fragment", ["top", "TOP", ":~:text=Home", "old-anchor", ""])
def test_fragments_a_browser_accepts_are_not_findings(project, fragment):
    project.edit("site/guide.html", 'href="#old-anchor"', f'href="#{fragment}"')
    assert project.findings() == []


def test_root_relative_and_absolute_links_to_the_home_page_and_its_anchors(project):
    project.edit("site/404.html", '<a href="/kb/">Home again</a>',
                 '<a href="/kb/">Home again</a> <a href="/kb/#intro">i</a> <a href="/kb/#nope">n</a>'
                 ' <a href="https://example.org/kb/#intro">a</a> <a href="https://example.org/kb/index.html#nope">b</a>')
    assert [f.split(" [")[1].split("]")[0] + " " + f.split("'")[1] for f in project.findings()] == [
        "anchor-missing #nope", "anchor-missing #nope"]


def test_an_unreachable_page_is_a_warning_and_fails_only_with_strict(project):
    project.write("site/about/orphan.html", page("<p>No one links here.</p>"))
    expected = ("site/about/orphan.html:1:1: warning [page-unreachable] no chain of links from the home page reaches "
                "this page (link to it from a page that is reachable, or add it to 'nav' in mkdocs.yml)")
    assert_finds(project, expected, 0)
    assert project.cli("--strict").returncode == 1


def test_a_link_in_a_page_no_one_reaches_does_not_make_its_target_reachable(project):
    project.write("site/orphan.html", page('<a href="guide.html">guide</a> <a href="secret.html">secret</a>'))
    project.write("site/secret.html", page("Only the orphan links here."))
    assert [f.split(":")[0] for f in project.findings()] == ["site/orphan.html", "site/secret.html"]


def test_a_site_without_a_home_page(project):
    project.path("site/index.html").unlink()
    expected = ("site:1:1: error [home-missing] the site has no index.html at its root (build the site from a docs "
                "folder with index.md (or README.md))")
    assert expected in project.findings()
    result = project.cli()
    assert expected in finding_lines(result) and result.returncode == 1


EXTERNAL_LOADS = [
    ('<script src="https://cdn.example.com/x.js"></script>', "<script src>", 1),
    ('<link rel="stylesheet" href="https://cdn.example.com/x.css">', "<link href>", 2),
    ('<link rel="preconnect" href="https://fonts.example.com">', "<link href>", 2),
    ('<img src="//images.example.com/x.png" alt="">', "<img src>", 1),
    ('<img src="x.png" srcset="https://images.example.com/x2.png 2x" alt="">', "<img srcset>", 1),
    ('<iframe src="https://video.example.com/embed/1"></iframe>', "<iframe src>", 1),
    ('<video poster="https://images.example.com/p.png"></video>', "<video poster>", 1),
    ('<object data="https://files.example.com/x.pdf"></object>', "<object data>", 1),
    ('<p style="background: url(https://images.example.com/bg.png)">x</p>', "<p style> url()", 1),
    ("<style>@import 'https://fonts.example.com/css';</style>", "<style> url()", 1),
]


@pytest.mark.parametrize("html, source, line", EXTERNAL_LOADS, ids=[e[1] for e in EXTERNAL_LOADS])
def test_a_resource_loaded_from_outside_the_site_is_an_error(project, html, source, line):
    head = f"\n{html}" if line == 2 else ""
    body = "" if head else html
    project.write("site/loads.html", page(body, head=head))
    project.edit("site/index.html", '<a href="guide.html">', '<a href="loads.html">x</a><a href="guide.html">')
    found = [f for f in project.findings() if "external-resource" in f]
    assert len(found) == 1
    expected_line = 4 if head else 5
    assert found[0].startswith(f"site/loads.html:{expected_line}:")
    assert f"({source}) is loaded from outside the site (keep a copy under docs/assets/ and link to it " \
           f"relatively)" in found[0]


def test_a_font_loaded_from_outside_by_a_stylesheet_is_an_error(project):
    project.edit("site/assets/site.css", 'url("fonts/fixture.woff2")', 'url("https://fonts.example.com/f.woff2")')
    assert_finds(project, "site/assets/site.css:4:13: error [external-resource] 'https://fonts.example.com/f.woff2' "
                          "(CSS url()) is loaded from outside the site (keep a copy under docs/assets/ and link to "
                          "it relatively)")


@pytest.mark.parametrize("html", [
    '<link rel="canonical" href="https://elsewhere.example.com/">',
    '<link rel="alternate" hreflang="fr" href="https://example.fr/">',
    '<a href="https://example.com/">a link</a>',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    '<a href="mailto:a@example.org">mail</a> <a href="javascript:void(0)">js</a>',
])
def test_links_and_named_urls_are_not_loads(project, html):
    project.edit("site/guide.html", "<h1 id=\"guide\">Guide</h1>", f'<h1 id="guide">Guide</h1>{html}')
    assert project.findings() == []


def test_directory_urls_resolve_to_their_index(tmp_path):
    """A site built with use_directory_urls: links end in '/', pages are folder/index.html."""
    project = Project(tmp_path)
    for path in ["guide.html", "faq/index.html", "glossary/index.html", "glossary/alpha.html", "references.html"]:
        project.path(f"site/{path}").unlink()
    project.write("site/index.html", page('<a href="guide/">Guide</a> <a href="faq/#q1">Q1</a> <a href="faq">FAQ</a>',
                                          head='<link rel="canonical" href="https://example.org/kb/">'))
    project.write("site/guide/index.html", page('<h1 id="g">G</h1><a href="../">Home</a> <a href="../faq/#q2">Q2</a>'))
    project.write("site/faq/index.html",
                  page('<h2 id="q1">1</h2><a href="../guide/#g">G</a> <a href="../guide/#x">x</a>'))
    project.edit("site/404.html", 'href="/kb/index.html"', 'href="/kb/guide/"')
    assert project.findings(docs=False) == [
        "site/faq/index.html:5:56: error [anchor-missing] '#x' is not an id on guide/index.html (linked as "
        "'../guide/#x') (link to a heading's id (see the ¶ link beside it))",
        "site/guide/index.html:5:50: error [anchor-missing] '#q2' is not an id on faq/index.html (linked as "
        "'../faq/#q2') (link to a heading's id (see the ¶ link beside it))",
    ]


def test_links_in_comments_and_scripts_are_not_links(project):
    project.edit("site/index.html", "<!-- <a href=\"commented-out.html\">",
                 "<!-- <img src=\"gone.png\"> <a href=\"commented-out.html\">")
    assert project.findings() == []


def test_entities_and_attribute_order_do_not_confuse_positions(project):
    project.write("site/odd.html", page("<p>x</p>\n<a\n  title='a &amp; b' HREF=nowhere.html?a=1&amp;b=2#c>odd</a>"))
    project.edit("site/index.html", '<a href="guide.html">', '<a href="odd.html">o</a><a href="guide.html">')
    assert project.findings() == [
        "site/odd.html:7:26: error [link-broken] 'nowhere.html?a=1&b=2#c' (<a href>) points to nowhere.html, which is "
        "not in the site"]


def test_many_pages_repeating_one_broken_link_give_one_finding_each(project):
    for n in range(3):
        project.write(f"site/p{n}.html", page('<a href="index.html">home</a>\n<a href="gone.html">gone</a>'))
        project.edit("site/index.html", '<a href="guide.html">', f'<a href="p{n}.html">p</a><a href="guide.html">')
    assert [f.split(" ")[0] for f in project.findings()] == ["site/p0.html:6:10:", "site/p1.html:6:10:",
                                                             "site/p2.html:6:10:"]
