"""Lighthouse (mobile, the default form factor) on pages served by the recommended
nginx configuration: the median of three runs for each category.

Lighthouse is an npm package, pinned in bench-tools/package-lock.json and installed
there by `make bench` with `npm ci`; it drives the same Chromium as the tests.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

from kb.handouts import CHROMIUM_ARGS

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


def scores(lighthouse: Path, url: str, chromium: str) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": chromium}
    done = subprocess.run(["node", str(lighthouse), url, "--output=json", "--output-path=stdout", "--quiet",
                           f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
                          capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip().splitlines()[-1:]}")
    report = json.loads(done.stdout)
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def median_scores(lighthouse: Path, base: str, pages: dict[str, str], chromium: str, runs: int = 3) -> dict:
    """{label: {category: median score, 'runs': [...]}} for each page."""
    out = {}
    for label, path in pages.items():
        results = [scores(lighthouse, base + path, chromium) for _ in range(runs)]
        out[label] = {"page": path, **{c: int(statistics.median(r[c] for r in results)) for c in CATEGORIES},
                      "runs": results}
    return out
