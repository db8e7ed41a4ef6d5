"""Timing runs: several commands interleaved, so that a slow spell on a shared
machine lands on every variant alike, and their median and spread."""
from __future__ import annotations

import statistics
import subprocess
import time
from dataclasses import dataclass, field


@dataclass
class Sample:
    """Wall-clock seconds of repeated runs of one command."""
    name: str
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.seconds), max(self.seconds)

    def as_dict(self) -> dict:
        low, high = self.spread
        return {"median_s": round(self.median, 3), "min_s": round(low, 3), "max_s": round(high, 3),
                "runs": [round(s, 3) for s in self.seconds]}


class CommandFailed(RuntimeError):
    """A measured command exited non-zero: its figures would mean nothing."""


def run_timed(argv: list[str], ok_codes=(0,), env=None, cwd=None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd)
    seconds = time.perf_counter() - start
    if done.returncode not in ok_codes:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise CommandFailed(f"{argv[0]} exited {done.returncode}: {' / '.join(tail)}")
    return seconds, done


def interleave(commands: dict[str, callable], runs: int, warmup: int = 1) -> dict[str, Sample]:
    """Run each callable (returning seconds) `runs` times in turn: a, b, a, b, ...

    The first `warmup` rounds fill the OS file cache and Python's byte-code caches
    and are not counted."""
    samples = {name: Sample(name) for name in commands}
    for round_number in range(warmup + runs):
        for name, command in commands.items():
            seconds = command()
            if round_number >= warmup:
                samples[name].seconds.append(seconds)
    return samples
