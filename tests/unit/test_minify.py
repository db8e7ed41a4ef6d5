"""The built site's style sheets and scripts made smaller (kb/minify.py): the project's own
minified, Material's palette sheet cut to the site's palettes, Material's main sheet cut to
the classes the site uses. That pages still look the same: tests/browser/test_styles_kept.py."""
from __future__ import annotations

from kb import minify

PALETTE = ("@media screen{[data-md-color-scheme=slate]{--a:1}}"
           "[data-md-color-primary=red]{--b:2}[data-md-color-primary=custom]{--c:3}"
           "[data-md-color-accent=red],[data-md-color-accent=custom]{--d:4}"
           "@media screen and (max-width:10em){[data-md-color-primary=red] .md-nav{--e:5}}")


def test_the_palette_keeps_the_schemes_and_the_sites_colours_only():
    used = {("primary", "custom"), ("accent", "custom")}
    assert minify.unused_colours_removed(PALETTE, used) == (
        "@media screen{[data-md-color-scheme=slate]{--a:1}}"
        "[data-md-color-primary=custom]{--c:3}[data-md-color-accent=custom]{--d:4}")


def test_a_rule_goes_only_when_a_class_it_needs_is_used_nowhere():
    css = (".md-tabs{a:1}.md-header,.md-tabs__link{b:2}.md-header .md-source{c:3}"
           ".md-nav:not(.md-nav--lifted){d:4}.md-tag--warning{e:5}@media print{.md-post{f:6}}"
           "@font-face{font-family:x}@charset \"UTF-8\";html{g:7}")
    kept = minify.unused_classes_removed(css, used={"md-header", "md-nav"}, prefixes=("md-tag--",))
    assert kept == (".md-header{b:2}.md-nav:not(.md-nav--lifted){d:4}.md-tag--warning{e:5}"
                    "@font-face{font-family:x}@charset \"UTF-8\";html{g:7}")


def test_selector_lists_split_at_top_level_commas_only():
    assert minify._split_selectors(":is(.a,.b) .c,.d") == [":is(.a,.b) .c", ".d"]
    assert minify._split_selectors('[data-x="a,b"] .c,.d') == ['[data-x="a,b"] .c', ".d"]
    assert minify._split_selectors(".a .b,.c>.d") == [".a .b", ".c>.d"]
    assert minify._split_selectors(":not(.a,:is(.b,.c)),.d,") == [":not(.a,:is(.b,.c))", ".d", ""]
    assert minify._split_selectors(".a),.b,(.c") == [".a),.b,(.c"]  # unbalanced: never split


def test_classes_come_from_the_pages_and_the_scripts(tmp_path):
    (tmp_path / "assets/javascripts/workers").mkdir(parents=True)
    (tmp_path / "assets/javascripts/lunr").mkdir()
    (tmp_path / "assets/javascripts/bundle.js").write_text('x("div",{class:"md-tooltip2"});`md-tag--${k}`')
    (tmp_path / "assets/javascripts/lunr/wordcut.js").write_text('"md-version"')  # not a page's script
    (tmp_path / "404.html").write_text('<div class="md-content md-grid">')
    collector = minify.ClassCollector()
    collector.add_page('<p class="kb-summary">x</p><a class="kb-term headerlink">')
    used, prefixes = minify.used_classes(tmp_path, collector.classes)
    assert {"kb-summary", "kb-term", "headerlink", "md-content", "md-grid", "md-tooltip2"} <= used
    assert "md-version" not in used and prefixes == ("md-tag--",)


def test_the_projects_own_scripts_and_styles_lose_comments_and_spaces(tmp_path):
    scripts, styles = tmp_path / "assets/javascripts", tmp_path / "assets/stylesheets"
    scripts.mkdir(parents=True)
    styles.mkdir()
    (scripts / "kb-x.js").write_text("// why\nvar  a = 1;  // more\n")
    (scripts / "bundle.abc.min.js").write_text("// Material's: left alone\n")
    (styles / "site.css").write_text("/* note */\n.a {\n  color: red;\n}\n")
    minify.own_assets(tmp_path)
    assert (scripts / "kb-x.js").read_text() == "var a=1;"
    assert (scripts / "bundle.abc.min.js").read_text() == "// Material's: left alone\n"
    assert (styles / "site.css").read_text() == ".a{color:red}"


def test_template_prefixes_agree_with_the_plain_regular_expression():
    """template_prefixes finds its prefixes from each `${`; on any text it must find what
    _TEMPLATE_PREFIX.findall over the whole text finds."""
    import random

    rng = random.Random(23)
    alphabet = "ab_Z9-é.${} x"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert minify.template_prefixes(text) == minify._TEMPLATE_PREFIX.findall(text), text
    assert minify.template_prefixes("a`md-tag--${k}` `9-x_${y}`${z}") == ["md-tag--", "x_"]
