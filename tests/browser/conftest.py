"""Browser fixtures: a real headless Chromium driven by Playwright.

`make test` finds or installs Chromium and passes its path in CHROMIUM. Run by hand,
the tests look for `chromium` on PATH; with no browser at all they fail with a
message saying what to install. They are never skipped.
"""
from __future__ import annotations

import functools
import http.server
import threading

import pytest
from playwright.sync_api import sync_playwright

from browserkit import CHROMIUM_ARGS
from support import chromium_path

@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served over http on 127.0.0.1 (a free port)."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


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

