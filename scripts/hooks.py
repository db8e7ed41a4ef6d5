"""MkDocs hooks for the knowledge base: thin, every event delegates to `kb.build`.

Named in mkdocs.yml under `hooks:`; MkDocs 1.6 puts this file's folder on the
import path, so `import kb` finds the package beside it.
"""
from __future__ import annotations

from kb import editions
from kb.build import Build

_build: Build | None = None


def on_config(config):
    global _build
    _build = Build(config)
    return config


def on_files(files, *, config):
    return _build.add_generated(files)


def on_env(env, *, config, files):
    return _build.theme_env(env)


def on_page_markdown(markdown, *, page, config, files):
    return _build.page_markdown(markdown, page)


def on_page_content(html, *, page, config, files):
    return _build.page_content(html, page)


def on_page_context(context, *, page, config, nav):
    context["kb"] = _build.page_context(page)
    return context


def on_post_page(output, *, page, config):
    return _build.page_html(output)


def on_post_build(*, config):
    _build.post_build()


def on_serve(server, *, config, builder):
    editions.watch(server, config)  # an edition's local pages live outside docs/
    return server
