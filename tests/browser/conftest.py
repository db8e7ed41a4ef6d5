"""Browser fixtures: a real headless Chromium driven by Playwright.

`make test` finds or installs Chromium and passes its path in CHROMIUM. Run by hand,
the tests look for `chromium` on PATH; with no browser at all they fail with a
message saying what to install. They are never skipped.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from benchkit import staticserver
from browserkit import CHROMIUM_ARGS
from support import chromium_path


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served over http on 127.0.0.1 (a free port)."""
    with staticserver.serve(built_site) as base:
        yield base


@pytest.fixture
def new_page(browser):
    """A page in a fresh context; pass color_scheme='dark' or a viewport as needed."""
    contexts = []

    def make(color_scheme: str = "light", viewport=None):
        context = browser.new_context(color_scheme=color_scheme, viewport=viewport or {"width": 1280, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()

