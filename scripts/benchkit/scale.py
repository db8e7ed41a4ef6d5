"""Synthetic copies of the content, to see how the build's cost grows with size.

A site at `factor` times its size holds the real docs plus `factor - 1` copies of
every page under `copy-N/`, each copy in the nav as one more section, so that the
sidebar grows as it would with real pages. Copied glossary entries become ordinary
pages (the glossary is `docs/glossary/` alone, and two entries may not share a
name); links to the pages the hooks generate point back at the originals.
"""
from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import yaml

from kb.frontmatter import parse
from kb.generated import AZ_PAGE, REFERENCES_PAGE

GENERATED = {AZ_PAGE, REFERENCES_PAGE}
# Not copied: data and snippets are not pages (included from docs/ wherever a page is),
# nor the scripts and styles every copy shares.
SKIP = ("_data/", "_snippets/", "assets/javascripts/", "assets/stylesheets/", "assets/vendor/")
LINK = re.compile(r"\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name` and `!ENV` tags; the nav never needs them."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_nav(config: Path) -> list:
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)["nav"]


def scaled(docs: Path, config: Path, dest: Path, factor: int) -> dict:
    """Write the scaled docs to `dest`; returns the configuration overrides for it."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(docs, dest)
    original = read_nav(config)
    nav = list(original)
    sources = [p for p in sorted(docs.rglob("*")) if p.is_file()
               and not p.relative_to(docs).as_posix().startswith(SKIP)]
    for number in range(2, factor + 1):
        prefix = f"copy-{number}"
        for source in sources:
            rel = source.relative_to(docs).as_posix()
            target = dest / prefix / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix != ".md":
                shutil.copyfile(source, target)
                continue
            text = source.read_text(encoding="utf-8")
            if rel.startswith("glossary/"):
                text = _entry_as_page(text, source)
            target.write_text(_point_generated_home(text, rel, prefix), encoding="utf-8")
        nav.append({f"Copy {number}": _prefixed(original, prefix)})
    return {"docs_dir": str(dest), "nav": nav,
            "not_in_nav": "/glossary/*.md\n/*/print.md\n"
                          + "".join(f"/copy-{n}/glossary/*.md\n" for n in range(2, factor + 1))}


def _entry_as_page(text: str, source: Path) -> str:
    """A glossary entry's front matter turned into an ordinary page's."""
    document = parse(text, str(source))
    meta = document.meta
    page = {"title": f"{meta['term']} (copy)", "description": meta["summary"], "tags": meta["tags"],
            "reviewed": meta["reviewed"], "review_due": meta["review_due"]}
    body = document.body
    if not body.lstrip().startswith("# "):
        body = f"# {page['title']}\n\n{body}"
    return "---\n" + yaml.safe_dump(page, sort_keys=False, allow_unicode=True) + "---\n" + body


def _point_generated_home(text: str, rel: str, prefix: str) -> str:
    """Links to the A–Z or the references go to the originals, one level further up."""
    folder = posixpath.dirname(rel)

    def fix(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))
        if target not in GENERATED:
            return match.group(0)
        new = posixpath.relpath(target, posixpath.join(prefix, folder))
        return f"]({new}{match.group(2) or ''})"

    return LINK.sub(fix, text)


def _prefixed(items, prefix: str):
    """The nav with every page under `prefix`, generated pages left out."""
    out = []
    for item in items:
        if isinstance(item, str):
            if item not in GENERATED:
                out.append(f"{prefix}/{item}")
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    if value not in GENERATED:
                        out.append({title: f"{prefix}/{value}"})
                else:
                    children = _prefixed(value, prefix)
                    if children:
                        out.append({title: children})
    return out
