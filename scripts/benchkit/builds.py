"""Build times: the strict build with and without the project's hooks, and at 1x, 2x
and 4x the site's size. Each build runs in a fresh process (benchkit.buildrun), so
the times include start-up and imports, as a maintainer's `mkdocs build` does."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from . import scale
from .stats import fastest_ratio, interleave, median_ratio, run_timed


class Builder:
    def __init__(self, python: str, project: Path, work: Path):
        self.python, self.project, self.work = python, project, work
        # Bytecode cached, as on a maintainer's machine: with PYTHONDONTWRITEBYTECODE set (some
        # CI images set it) the project's hooks were compiled from source in every build,
        # about 70 ms that the hooks-off build never pays (MkDocs' own bytecode is installed).
        self.env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                    "PYTHONPATH": str(project / "scripts"), "NO_MKDOCS_2_WARNING": "1"}

    def command(self, site: Path, hooks: bool = True, overrides: Path | None = None):
        argv = [self.python, "-m", "benchkit.buildrun", str(self.project / "mkdocs.yml"), str(site)]
        if not hooks:
            argv.append("--no-hooks")
        if overrides:
            argv += ["--overrides", str(overrides)]

        def run() -> float:
            if site.exists():
                shutil.rmtree(site)
            return run_timed(argv, env=self.env, cwd=self.project)[0]
        return run


def hooks_on_off(builder: Builder, runs: int) -> dict:
    samples = interleave({"hooks_on": builder.command(builder.work / "site-hooks-on"),
                          "hooks_off": builder.command(builder.work / "site-hooks-off", hooks=False)}, runs)
    out = {name: sample.as_dict() for name, sample in samples.items()}
    on, off = samples["hooks_on"], samples["hooks_off"]
    out["ratio"] = fastest_ratio(on, off)  # CPU time of the fastest runs (kb/benchkit/stats.py says why)
    out["ratio_median"] = median_ratio(on, off)
    out["wall_ratio"] = median_ratio(on, off, cpu=False)
    out["site"] = str(builder.work / "site-hooks-on")
    return out


def growth(builder: Builder, factors: tuple[int, ...], runs: int) -> dict:
    commands, sites = {}, {}
    for factor in factors:
        site = builder.work / f"site-{factor}x"
        overrides = None
        if factor > 1:
            settings = scale.scaled(builder.project / "docs", builder.project / "mkdocs.yml",
                                    builder.work / f"docs-{factor}x", factor)
            overrides = builder.work / f"overrides-{factor}x.json"
            overrides.write_text(json.dumps(settings), encoding="utf-8")
        commands[f"{factor}x"], sites[f"{factor}x"] = builder.command(site, overrides=overrides), site
    samples = interleave(commands, runs)
    base = samples[f"{factors[0]}x"].median
    return {name: {**sample.as_dict(), "pages": sum(1 for _ in sites[name].rglob("*.html")),
                   "vs_1x": round(sample.median / base, 2)} for name, sample in samples.items()}
