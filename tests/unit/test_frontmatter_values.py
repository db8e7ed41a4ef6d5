"""Front matter and data files are read into the values PyYAML's safe loader makes (dates
left as text): kb.frontmatter builds strings, lists and plain mappings itself, for speed,
and hands everything else to the loader's constructor."""
from __future__ import annotations

import pytest

from kb import frontmatter
from support import ROOT


def by_constructor(source: str):
    loader = frontmatter._FastLoader(source)
    try:
        node = loader.get_single_node()
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def yaml_sources():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            yield path.name, text[4:text.index("\n---", 3) + 1]
    for path in sorted((ROOT / "docs").rglob("*.yaml")):
        yield path.name, path.read_text(encoding="utf-8")


def test_every_yaml_source_of_the_site_reads_as_the_safe_constructor_reads_it():
    sources = list(yaml_sources())
    assert len(sources) > 150
    for name, source in sources:
        assert frontmatter.compose_and_load(source)[1] == by_constructor(source), name


@pytest.mark.parametrize("source", [
    "a: 1\nb: yes\nc: null\nd: 1.5\n", "<<: {a: 1}\nb: 2\n", "a: &x [1, {b: c}]\nd: *x\n", "1: one\n",
    "a: !!str 5\n", "reviewed: 2026-13-01\n", "- a\n- {b: c}\n", "s: !!set {a, b}\n", "a: b\na: c\n", "''\n",
    "keywords: [one, two]\ntitle: 'Quoted: yes'\n",
])
def test_values_of_every_kind_match_the_safe_constructor(source):
    got = frontmatter.compose_and_load(source)[1]
    assert got == by_constructor(source) and type(got) is type(by_constructor(source))


def test_a_key_that_cannot_be_a_key_is_still_the_constructors_error():
    import yaml
    with pytest.raises(yaml.constructor.ConstructorError):
        frontmatter.compose_and_load("? [1, 2]\n: x\n")
