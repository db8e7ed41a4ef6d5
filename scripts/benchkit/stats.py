"""Timing runs: several commands interleaved, so that a slow spell on a shared
machine lands on every variant alike, and their median and spread.

Two commands are compared by their fastest runs (`fastest_ratio`): another process on
the machine can only ever add time to a run, never take it away, so the fastest of
several runs is the nearest to a command's own cost (the advice of Python's `timeit`).
On the bench machine the medians of five runs of the same build differed by up to a
fifth from one series to the next; the fastest runs by a few per cent. The ratio of
the medians is reported beside it."""
from __future__ import annotations

import resource
import statistics
import subprocess
import time
from dataclasses import dataclass, field


@dataclass
class Sample:
    """Wall-clock seconds of repeated runs of one command, and the CPU seconds it used.

    On a shared machine wall-clock time swings with the neighbours (the same build took
    from 4.0 to 5.2 s in one series); CPU time, user and system, counts only the
    command's own work, so ratios between commands are taken from it."""
    name: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds) if self.cpu_seconds else self.median

    @property
    def cpu_fastest(self) -> float:
        return min(self.cpu_seconds) if self.cpu_seconds else min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.seconds), max(self.seconds)

    def as_dict(self) -> dict:
        low, high = self.spread
        out = {"median_s": round(self.median, 3), "min_s": round(low, 3), "max_s": round(high, 3),
               "runs": [round(s, 3) for s in self.seconds]}
        if self.cpu_seconds:
            out["cpu_median_s"] = round(self.cpu_median, 3)
            out["cpu_min_s"] = round(self.cpu_fastest, 3)
        return out


def fastest_ratio(a: Sample, b: Sample, cpu: bool = True) -> float:
    """a's fastest run over b's: CPU time, or wall clock with `cpu=False`."""
    return round(a.cpu_fastest / b.cpu_fastest if cpu else min(a.seconds) / min(b.seconds), 3)


def median_ratio(a: Sample, b: Sample, cpu: bool = True) -> float:
    return round(a.cpu_median / b.cpu_median if cpu else a.median / b.median, 3)


class CommandFailed(RuntimeError):
    """A measured command exited non-zero: its figures would mean nothing."""


class Timed(float):
    """Wall-clock seconds, carrying the CPU seconds of the same run in `.cpu`."""
    cpu: float = 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(argv: list[str], ok_codes=(0,), env=None, cwd=None) -> tuple[Timed, subprocess.CompletedProcess]:
    cpu_start, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd)
    seconds = Timed(time.perf_counter() - start)
    seconds.cpu = _children_cpu() - cpu_start
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
                samples[name].seconds.append(float(seconds))
                if isinstance(seconds, Timed):
                    samples[name].cpu_seconds.append(seconds.cpu)
    return samples
