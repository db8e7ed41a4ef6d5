"""The recommended nginx configuration, run for real: Debian's nginx on 127.0.0.1 serves
the site under /rp-groups/; Chromium loads pages and searches with no CSP violation.

`.ci/run` installs nginx, so this always runs in CI. On a machine without nginx the
test is reported as skipped, with the reason, never as passed.
"""
from __future__ import annotations

import gzip
import urllib.request
from urllib.parse import urlsplit

import pytest

from benchkit import nginxserver
from browserkit import Watch
from support import ROOT

pytestmark = pytest.mark.browser

DEPLOY = ROOT / "deploy" / "nginx"
PAGES = ["", "index.html", "glossary/countertransference.html", "glossary/index.html", "take-part/index.html",
         "handouts/confidentiality.html", "references.html"]
CSP_WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    try:
        with nginxserver.serve(built_site, DEPLOY, tmp_path_factory.mktemp("nginx")) as base:
            yield base
    except nginxserver.NginxUnavailable as exc:
        pytest.skip(str(exc))
    except nginxserver.NginxFailed as exc:
        pytest.fail(str(exc))


def fetch(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=5) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return response.headers, body


def test_pages_assets_and_search_work_under_a_sub_path_with_no_csp_violation(nginx, new_page):
    page = new_page()
    page.add_init_script(CSP_WATCH)
    watch = Watch(page, nginx)
    for path in PAGES:
        response = page.goto(nginx + path, wait_until="load")
        assert response.status == 200, path
        page.wait_for_timeout(100)
        assert page.evaluate("window.__csp") == [], path
    page.goto(nginx)
    page.locator(".md-search__input").click()
    page.keyboard.type("containment")
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    hrefs = [urlsplit(a.get_attribute("href")).path for a in page.locator(".md-search-result__item > a").all()]
    assert any(h.endswith("/rp-groups/glossary/containment.html") for h in hrefs)
    assert page.evaluate("window.__csp") == []
    assert watch.outside == [] and watch.errors == []
    assert not [e for e in watch.errors if "Content Security Policy" in e]


def test_security_headers_and_csp_are_sent(nginx):
    headers, _ = fetch(nginx)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in \
        csp.split("script-src")[1].split(";")[0]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Cache-Control"] == "no-cache"


def test_text_is_gzipped_and_hashed_assets_are_cached_for_a_year(nginx, built_site):
    headers, body = fetch(nginx + "index.html")
    assert headers["Content-Encoding"] == "gzip" and b"<html" in body
    bundle = next((built_site / "assets/javascripts").glob("bundle.*.min.js")).name
    headers, _ = fetch(nginx + f"assets/javascripts/{bundle}")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Security-Policy"]  # security headers on every location


def test_search_index_has_the_right_types(nginx):
    headers, body = fetch(nginx + "search/search_index.json")
    assert headers["Content-Type"].startswith("application/json")
    assert body.startswith(b"{")
    headers, _ = fetch(nginx + "search/search_index.js")
    assert headers["Content-Type"].startswith("application/javascript")


def test_missing_pages_get_the_sites_404_and_the_bare_path_redirects(nginx):
    request = urllib.request.Request(nginx + "no-such-page.html")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=5)
    assert error.value.code == 404
    assert b"md-content" in error.value.read()
    no_redirect = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                                   {"redirect_request": lambda *a, **k: None}))
    with pytest.raises(urllib.error.HTTPError) as error:
        no_redirect.open(nginx.rstrip("/"), timeout=5)
    assert error.value.code == 301 and error.value.headers["Location"].endswith("/rp-groups/")
