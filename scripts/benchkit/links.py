"""The project's checker against lychee and linkchecker on the same built site.

Timed interleaved (checker, lychee, linkchecker, checker, ...). The site sits at
`<root>/rp-groups/` so that lychee's `--root-dir` resolves the root-relative links
of the 404 page as a web server would. Then faults are planted in a copy of the
site, and each tool's findings are matched against them: the checker must find
everything lychee finds.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from .stats import fastest_ratio, interleave, median_ratio, run_timed

# (page, HTML planted before </article>, the token that identifies the finding)
FAULTS = [
    ("take-part/index.html", '<a href="bench-fault-1.html">a missing page</a>', "bench-fault-1"),
    ("take-part/index.html", '<a href="what-it-is.html#bench-fault-2">a missing anchor</a>', "bench-fault-2"),
    ("facilitate/index.html", '<img src="../assets/bench-fault-3.svg" alt="a missing image">', "bench-fault-3"),
    ("faq/index.html", '<a href="#bench-fault-4">a missing anchor on the same page</a>', "bench-fault-4"),
    ("glossary/containment.html", '<a href="../understand/index.html#bench-fault-5">a missing anchor</a>',
     "bench-fault-5"),
    ("index.html", '<a href="glossary/bench-fault-6.html">a missing glossary entry</a>', "bench-fault-6"),
]
LINKCHECKER_TOTAL = re.compile(r"(\d+) links? in (\d+) URLs? checked")


class Tools:
    """The three command lines, for one site."""

    def __init__(self, python: str, bin_dir: Path, project: Path, site: Path, root: Path):
        self.project, self.site, self.root = project, site, root
        self.checker = [python, str(project / "scripts" / "check.py"), str(site), "--format", "json"]
        self.lychee = [str(bin_dir / "lychee"), "--offline", "--include-fragments", "--no-progress",
                       "--format", "json", "--root-dir", str(root), str(site)]
        self.linkchecker = [str(bin_dir / "linkchecker"), "--no-status", "--no-warnings",
                            str(site / "index.html")]

    def for_site(self, site: Path, root: Path) -> Tools:
        python = self.checker[0]
        return Tools(python, Path(self.lychee[0]).parent, self.project, site, root)


def lychee_report(done) -> dict:
    return json.loads(done.stdout[done.stdout.index("{"):])


def compare_speed(tools: Tools, runs: int) -> dict:
    counts: dict[str, int] = {}

    def checker():
        seconds, done = run_timed(tools.checker, ok_codes=(0, 1), cwd=tools.project)
        counts["checker"] = json.loads(done.stdout)["summary"]["links"]
        return seconds

    def lychee():
        seconds, done = run_timed(tools.lychee, ok_codes=(0, 2))
        counts["lychee"] = lychee_report(done)["total"]
        return seconds

    def linkchecker():
        seconds, done = run_timed(tools.linkchecker, ok_codes=(0, 1))
        match = LINKCHECKER_TOTAL.search(done.stdout)
        counts["linkchecker"] = int(match.group(1)) if match else 0
        return seconds

    samples = interleave({"checker": checker, "lychee": lychee, "linkchecker": linkchecker}, runs)
    out = {name: {**sample.as_dict(), "links": counts[name]} for name, sample in samples.items()}
    # Wall-clock here: the checker and lychee both spread over the cores, so CPU time
    # would not say how long a maintainer waits.
    # Fastest runs compared, as for the build (benchkit/stats.py); the medians beside them.
    checker, lychee, linkchecker = samples["checker"], samples["lychee"], samples["linkchecker"]
    out["checker_vs_lychee"] = round(fastest_ratio(checker, lychee, cpu=False), 2)
    out["checker_vs_lychee_median"] = round(median_ratio(checker, lychee, cpu=False), 2)
    out["checker_vs_linkchecker"] = fastest_ratio(checker, linkchecker, cpu=False)
    return out


def compare_findings(tools: Tools, work: Path) -> dict:
    """Plant FAULTS in a copy of the site; which of them does each tool report?"""
    root = work / "faults-root"
    if root.exists():
        shutil.rmtree(root)
    site = root / tools.site.name
    shutil.copytree(tools.site, site)
    for page, html, _ in FAULTS:
        path = site / page
        text = path.read_text(encoding="utf-8")
        if "</article>" not in text:
            raise RuntimeError(f"bench: {page} has no </article> to plant a fault before")
        path.write_text(text.replace("</article>", f"<p>{html}</p></article>", 1), encoding="utf-8")
    planted = tools.for_site(site, root)

    _, done = run_timed(planted.checker, ok_codes=(0, 1), cwd=tools.project)
    checker_texts = [f"{f['path']} {f['message']}" for f in json.loads(done.stdout)["findings"]]
    _, done = run_timed(planted.lychee, ok_codes=(0, 2))
    lychee_texts = [f"{page} {e['url']}" for page, errors in lychee_report(done)["error_map"].items()
                    for e in errors]

    def found(texts: list[str]) -> list[str]:
        return [token for page, _, token in FAULTS
                if any(page in text and token in text for text in texts)]

    by_checker, by_lychee = found(checker_texts), found(lychee_texts)
    return {"planted": len(FAULTS), "checker_found": len(by_checker), "lychee_found": len(by_lychee),
            "lychee_only": sorted(set(by_lychee) - set(by_checker)),
            "checker_findings": len(checker_texts), "lychee_findings": len(lychee_texts)}

