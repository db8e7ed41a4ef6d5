"""Front matter read with line numbers, so that every mistake can name its line.

MkDocs' own `get_data` returns values without positions; we compose the YAML node
tree once to learn the line of each key, then construct the values from that tree
with the safe constructor (libyaml's parser when PyYAML has it, as the checker reads
every page, and the pure-Python parser is several times slower). The YAML data files
(bibliography, allow-list) are read here too, so that an undecodable file or broken
YAML is reported the same way wherever it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Problem, error

_FENCE = re.compile(r"^-{3}[ \t]*$")
_CLOSE = re.compile(r"^(-{3}|\.{3})[ \t]*$")


class _Loader(yaml.SafeLoader):
    """The safe loader, with dates left as text so that `2026-13-01` is a finding, not a crash."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same, with libyaml's parser where PyYAML was built with it."""


_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def compose_and_load(source: str):
    """(node tree, data) from one parse. On a mistake, the pure-Python parser raises the
    error, so that messages do not depend on how PyYAML was built."""
    loader = _FastLoader(source)
    try:
        node = loader.get_single_node()
        return node, (_data(node, loader) if node is not None else None)
    except yaml.YAMLError:
        yaml.compose(source, Loader=_Loader)
        yaml.load(source, Loader=_Loader)
        raise
    finally:
        loader.dispose()


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"


def _data(node: yaml.Node, loader):
    """The value of a composed node, as the loader's safe constructor makes it. Strings,
    lists and plain mappings, nearly every node of this site's YAML, are made here: the
    constructor's generic path cost more than the parse itself (the build reads every
    glossary entry and page, the checker every source). Anything else (numbers, booleans,
    merge keys, keys that are not strings) goes to the constructor."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_data(item, loader) for item in node.value]
    if node.tag == _MAP and isinstance(node, yaml.MappingNode) and \
            all(key.tag == _STR and isinstance(key, yaml.ScalarNode) for key, _ in node.value):
        return {key.value: _data(value, loader) for key, value in node.value}
    return loader.construct_object(node, deep=True)


@dataclass
class Document:
    """A Markdown source split into its front matter and its body."""

    path: str
    meta: dict = field(default_factory=dict)
    key_lines: dict = field(default_factory=dict)
    body: str = ""
    body_start: int = 1  # line number (1-based) of the body's first line
    problems: list[Problem] = field(default_factory=list)
    text: str = ""  # the whole file as read, front matter included (the checker scans it)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def parse(text: str, path: str) -> Document:
    """Split `text` into front matter and body; YAML errors become problems."""
    doc = Document(path=path, body=text, text=text)
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return doc
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i].rstrip("\r\n"))), None)
    if end is None:
        doc.problems.append(error(path, 1, "yaml-unclosed", "the front matter opened with '---' is never closed",
                                  "add a line '---' after the last front-matter field"))
        return doc
    source = "".join(lines[1:end])
    doc.body = "".join(lines[end + 1:])
    doc.body_start = end + 2
    try:
        node, data = compose_and_load(source)
    except yaml.YAMLError as exc:
        hint = "check the indentation and quote values that contain ':' or '#'"
        doc.problems.append(problem_from(exc, path, "the front matter", hint, first_line=2))
        return doc
    if data is None:
        return doc
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        doc.problems.append(error(path, 2, "yaml-invalid", "the front matter must be a list of 'key: value' lines",
                                  "write one 'key: value' per line between the two '---' lines"))
        return doc
    doc.meta = data
    for key_node, _ in node.value:
        doc.key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return doc


def read(path, rel: str) -> Document:
    """Read a file as UTF-8 and parse it; unreadable files become problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return Document(path=rel, problems=[problem_from(exc, rel, "the file", "")])
    return parse(text, rel)


def load_data(path, rel: str, what: str, hint: str, code: str = "yaml-invalid"):
    """(node tree, data, problems) for a YAML data file such as the bibliography."""
    try:
        return *compose_and_load(path.read_text(encoding="utf-8")), []
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        return None, None, [problem_from(exc, rel, what, hint, code=code)]


def problem_from(exc: Exception, path: str, what: str, hint: str, first_line: int = 1,
                 code: str = "yaml-invalid") -> Problem:
    """The finding for a file that is not UTF-8 or for YAML that does not parse, at the line
    the parser stopped on; `first_line` is the file line the YAML starts on."""
    if isinstance(exc, UnicodeDecodeError):
        return error(path, 1, "file-encoding", f"the file is not valid UTF-8 ({exc.reason})", "save the file as UTF-8")
    mark = getattr(exc, "problem_mark", None)
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return error(path, mark.line + first_line if mark else 1, code, f"{what} is not valid YAML: {reason}", hint)
