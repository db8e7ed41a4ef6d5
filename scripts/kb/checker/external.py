"""External hyperlinks, checked over the network: only with --external, never by default.

Concurrent (a thread pool) but polite (at most `per_host` requests at once to any one
host), with a timeout per request, a bounded number of retries with backoff for
5xx answers and timeouts, redirects reported, and a cache file with an age limit so
that a second run asks nothing it already knows. The standard library's urllib
does the requests: it honours the usual proxy settings, and the project takes on
no dependency for an optional check.
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..problems import Problem, error, warning

USER_AGENT = "kb-site-checker/1 (+https://www.mkdocs.org; link check)"
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5


@dataclass
class Outcome:
    url: str
    status: int | None = None  # the final HTTP status; None when there was no answer
    final_url: str = ""        # where the redirects led, '' if there were none
    first_redirect: int = 0    # the first redirect's status (301, 302...)
    error: str = ""            # why there was no answer: 'timed out after 5 s'
    checked_at: float = 0.0
    cached: bool = False

    @property
    def broken(self) -> bool:
        return self.status is None or self.status >= 400

    @property
    def lasting(self) -> bool:
        """Worth caching: an answer that will not change by asking again in a minute."""
        return self.status is not None and self.status < 500


@dataclass
class Settings:
    timeout: float = 10.0    # seconds per request
    retries: int = 2         # extra tries after a 5xx answer or a timeout
    backoff: float = 0.5     # seconds before the first retry, doubled each time
    per_host: int = 2        # requests at once to one host
    workers: int = 16        # requests at once in all
    cache: Path | None = None
    cache_hours: float = 24.0


# --- checking ----------------------------------------------------------------------------

def check(links: dict[str, list], settings: Settings, site) -> tuple[list[Problem], dict[str, int], list[dict]]:
    """Findings for every external link that is broken or redirected, a count of outcomes, and
    every URL with its outcome and how often it is linked (for the JSON report).

    `links` maps each URL to the places (`site.Place`) it is written in the built `site`."""
    cache = Cache(settings.cache, settings.cache_hours)
    outcomes = {url: cache.get(url) for url in links}
    todo = [url for url, outcome in outcomes.items() if outcome is None]
    limits = HostLimits(settings.per_host)
    with ThreadPoolExecutor(max_workers=max(1, min(settings.workers, len(todo) or 1))) as pool:
        for outcome in pool.map(lambda url: limits.run(url, lambda: fetch(url, settings)), todo):
            outcomes[outcome.url] = outcome
            cache.put(outcome)
    cache.save()
    problems = [p for url, places in links.items() for place in places
                for p in _findings(outcomes[url], site, place)]
    listing = [{"url": url, "status": o.status, "final_url": o.final_url, "error": o.error, "cached": o.cached,
                "uses": len(links[url])} for url, o in sorted(outcomes.items())]
    return problems, _tally(outcomes.values()), listing


def _findings(outcome: Outcome, site, place) -> list[Problem]:
    url = place.ref.url
    if outcome.broken:
        why = outcome.error or f"answered {outcome.status}"
        if outcome.final_url:
            why += f" after redirecting to '{outcome.final_url}'"
        return [site.finding(error, place.path, place.number, "external-broken", f"'{url}' {why}",
                             "fix or remove the link, or link to an archived copy")]
    if outcome.final_url:
        return [site.finding(warning, place.path, place.number, "external-redirect",
                             f"'{url}' redirects ({outcome.first_redirect}) to '{outcome.final_url}'",
                             "link to the final address")]
    return []


def _tally(outcomes) -> dict[str, int]:
    tally = {"ok": 0, "redirected": 0, "broken": 0, "from cache": 0}
    for outcome in outcomes:
        tally["broken" if outcome.broken else "redirected" if outcome.final_url else "ok"] += 1
        tally["from cache"] += outcome.cached
    return {k: v for k, v in tally.items() if v}


def fetch(url: str, settings: Settings) -> Outcome:
    """Ask once, and again (with backoff) after a 5xx answer or a timeout."""
    tries = 1
    outcome = _follow(url, settings.timeout)
    while _transient(outcome) and tries <= settings.retries:
        time.sleep(settings.backoff * 2 ** (tries - 1))
        outcome, tries = _follow(url, settings.timeout), tries + 1
    outcome.checked_at = time.time()
    if _transient(outcome) and tries > 1:
        outcome.error = f"{outcome.error or f'answered {outcome.status}'} ({tries} tries)"
    return outcome


def _transient(outcome: Outcome) -> bool:
    return (outcome.status or 0) >= 500 or outcome.error.startswith("timed out")


def _follow(url: str, timeout: float) -> Outcome:
    """One try: HEAD (GET if the server refuses HEAD), following redirects ourselves to report them."""
    outcome, current = Outcome(url), url
    for _ in range(MAX_REDIRECTS + 1):
        status, location, why = _request(current, "HEAD", timeout)
        if status is not None and status >= 400:
            status, location, why = _request(current, "GET", timeout)
        if status in REDIRECTS and location:
            outcome.first_redirect = outcome.first_redirect or status
            current = urljoin(current, location)
            outcome.final_url = current
            continue
        outcome.status, outcome.error = status, why
        return outcome
    outcome.error = f"more than {MAX_REDIRECTS} redirects"
    return outcome


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # urllib then raises HTTPError with the 3xx status and its Location


_OPENER = urllib.request.build_opener(_NoRedirects)


def _request(url: str, method: str, timeout: float) -> tuple[int | None, str, str]:
    """(status, Location header, why there was no answer)."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, "", ""
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "") if exc.headers else "", ""
    except TimeoutError:
        return None, "", f"timed out after {timeout:g} s"
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            return None, "", f"timed out after {timeout:g} s"
        return None, "", f"could not connect ({_reason(exc.reason)})"
    except (OSError, ValueError, http.client.HTTPException) as exc:
        return None, "", f"could not connect ({_reason(exc)})"


def _reason(reason) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


class HostLimits:
    """At most `limit` requests at once to one host."""

    def __init__(self, limit: int):
        self.limit = max(1, limit)
        self.lock = threading.Lock()
        self.hosts: dict[str, threading.Semaphore] = {}

    def run(self, url: str, work):
        host = urlsplit(url).netloc.lower()
        with self.lock:
            semaphore = self.hosts.setdefault(host, threading.Semaphore(self.limit))
        with semaphore:
            return work()


# --- the cache -------------------------------------------------------------------------------

class Cache:
    """Outcomes by URL in a JSON file; entries older than `hours` are asked again."""

    def __init__(self, path: Path | None, hours: float):
        self.path, self.max_age = path, hours * 3600
        self.entries: dict[str, dict] = {}
        if path and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self.entries = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self.entries = {}  # a damaged cache is only a slower run

    def get(self, url: str) -> Outcome | None:
        entry = self.entries.get(url)
        if not isinstance(entry, dict) or time.time() - entry.get("checked_at", 0) > self.max_age:
            return None
        try:
            return Outcome(**{**entry, "url": url, "cached": True})
        except TypeError:
            return None

    def put(self, outcome: Outcome) -> None:
        if outcome.lasting:
            self.entries[outcome.url] = {k: v for k, v in asdict(outcome).items() if k not in ("url", "cached")}

    def save(self) -> None:
        if not self.path:
            return
        fresh = {url: e for url, e in self.entries.items()
                 if isinstance(e, dict) and time.time() - e.get("checked_at", 0) <= self.max_age}
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            temporary.write_text(json.dumps(fresh, indent=1, sort_keys=True), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only checkout still gets its answers, only not remembered
