"""The knowledge base's own Python package.

One module per concern: `problems` (what an author did wrong, and where),
`frontmatter` (YAML with line numbers), `glossary` and `bibliography` (the content
model), `schema` (front matter of ordinary pages), `syntax` (the `[[term]]` and
`[@id]` authoring syntax), `urls` (resolving links between built pages, shared by
the hooks and the checker), `termlinks` (tooltips on glossary links),
`generated` (the A–Z and references pages), `searchindex` (extra search fields)
and `model` (loads everything once). The subpackage `checker` is the site checker
(`scripts/check.py`), built on the same modules.
"""
