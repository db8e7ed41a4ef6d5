"""The Material partials copied into overrides/ still match the installed Material, but for
their documented changes: a Material upgrade, or an edit to a copy, fails here first.

The edits overrides/main.html makes to Material's own output (`defer` on the bundle, the
project's search worker) are checked on the built pages, in tests/site/test_theme_overrides.py.
"""
from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import material
import pytest
import yaml

from support import ROOT

# The Material version the copies below were taken from. On an upgrade, compare each copy
# with the new version's file, carry the documented changes over, then change this.
MATERIAL_VERSION = "9.8.1"

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
SCRIPTS = ROOT / "docs" / "assets" / "javascripts"
LEADING_COMMENT = re.compile(r"^\s*\{#-.*?-#\}\s*", re.S)
COMMENT = re.compile(r"\n *\{#-.*?-#\}", re.S)
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def material_file(name: str) -> str:
    return LEADING_COMMENT.sub("", (MATERIAL / name).read_text(encoding="utf-8"))


def copy(name: str) -> str:
    return (OVERRIDES / name).read_text(encoding="utf-8")


def test_the_installed_and_pinned_material_is_the_one_the_copies_come_from():
    assert importlib.metadata.version("mkdocs-material") == MATERIAL_VERSION
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"mkdocs-material=={MATERIAL_VERSION}" in pins


@pytest.mark.parametrize("path", [
    OVERRIDES / "partials/search.html", OVERRIDES / "partials/palette.html",
    OVERRIDES / "partials/javascripts/base.html",
    OVERRIDES / "partials/javascripts/content.html", OVERRIDES / "partials/javascripts/palette.html",
    SCRIPTS / "kb-md-base.js", SCRIPTS / "kb-md-content.js", SCRIPTS / "kb-md-palette.js",
])
def test_each_copy_names_the_version_it_was_copied_from(path):
    assert re.search(rf"Material (for MkDocs )?{re.escape(MATERIAL_VERSION)}\b", path.read_text(encoding="utf-8"))


def test_the_search_dialog_is_materials_with_a_name_and_a_way_out():
    """partials/search.html: the dialog gains aria-label; a kb-search-none block joins the results.
    Comments in the copy explain the changes; they are not part of Material's file."""
    ours = COMMENT.sub("", LEADING_COMMENT.sub("", copy("partials/search.html")))
    name = ' aria-label="{{ lang.t(\'search\') }}"'
    assert ours.count('role="dialog"' + name) == 1
    way_out = re.compile(r'\n *<div class="kb-search-none".*?</div>', re.S)
    assert len(way_out.findall(ours)) == 1
    restored = way_out.sub("", ours.replace('role="dialog"' + name, 'role="dialog"'))
    assert restored == material_file("partials/search.html")


def test_the_palette_switch_is_materials_handed_to_the_projects_script():
    """partials/palette.html: one attribute changed, so Material's bundle leaves the switch
    to kb-palette.js (which says why)."""
    ours = LEADING_COMMENT.sub("", copy("partials/palette.html"))
    assert ours.count("data-kb-palette") == 1
    assert ours.replace("data-kb-palette", 'data-md-component="palette"') == material_file("partials/palette.html")
    assert "kb-palette.js" in copy("main.html")


@pytest.mark.parametrize("partial, script", [("base.html", "kb-md-base.js"), ("content.html", "kb-md-content.js"),
                                             ("palette.html", "kb-md-palette.js")])
def test_each_inline_script_is_moved_to_a_file_unchanged(partial, script):
    """partials/javascripts/*.html: Material's inline script, in a file the page loads
    (a Content-Security-Policy of script-src 'self' forbids inline scripts)."""
    ours = copy(f"partials/javascripts/{partial}")
    assert "<script>" not in ours
    assert f"{{{{ 'assets/javascripts/{script}' | url }}}}" in ours
    code = (SCRIPTS / script).read_text(encoding="utf-8")
    original = material_file(f"partials/javascripts/{partial}")
    inline = INLINE_SCRIPT.findall(original)
    if partial == "content.html":
        # The first script serves content.tabs.link, which the site does not enable.
        assert '{% if "content.tabs.link" in features %}' in original and len(inline) == 2
        assert "content.tabs.link" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        inline = inline[1:]
    if partial == "base.html":
        # The scope differs with the page's depth: it travels in a data attribute.
        assert 'data-md-scope="{{ config.extra.scope | d(base_url) }}"' in ours
        scope = '"{{ config.extra.scope | d(base_url) }}"'
        inline = [inline[0].replace(scope, "document.currentScript.dataset.mdScope")]
    assert len(inline) == 1 and inline[0] in code
    assert not INLINE_SCRIPT.sub("", original).replace('{% if "content.tabs.link" in features %}', "") \
        .replace("{% endif %}", "").strip(), "Material's partial holds nothing but its scripts"


def test_the_language_is_materials_english_with_british_lang_only():
    """partials/languages/en-custom.html: Material's documented custom translation."""
    theme = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["theme"]
    assert theme["language"] == "en-custom"
    ours = LEADING_COMMENT.sub("", copy("partials/languages/en-custom.html"))
    assert ours.startswith('{% import "partials/languages/en.html" as fallback %}')
    assert re.findall(r'^\s*"([^"]+)":', ours, re.M) == ["language"]
    assert '"language": "en-GB"' in ours
    assert '"search.config.lang": "en"' in material_file("partials/languages/en.html")
    assert not (OVERRIDES / "partials/languages/en.html").exists(), "a full copy of Material's English is back"
