"""The knowledge base's own Python package: what the build (scripts/hooks.py) and the
checker (scripts/check.py) use, and nothing else (the benchmark is scripts/benchkit/).

The content model: `problems` (what an author did wrong, and where), `frontmatter`
(YAML with line numbers), `schema` (the front-matter tables), `dates` (review dates),
`glossary` and `bibliography` (entries and works), `model` (loads them once).

The build: `build` (what the hooks do, for one build), `syntax` (`[[term]]` and `[@id]`),
`urls` (relative URLs, both ways, for the hooks and the checker), `termlinks` (tooltips
on glossary links), `generated` (the A–Z and references pages), `contents` (in-page
lists of sections), `accessibility`, `printing` (running text, tab labels),
`searchscope` and `searchindex` (what search indexes), `whitespace` (template
indentation removed), `guides` (each guide as one print page) and `editions` (an
organisation's edition).

The PDFs (scripts/handouts.py, part of `make build`): `handouts` and `guidepdf`.

The subpackage `checker` is the site checker, built on the same modules.
"""
