"""Work done at the same time in forked children: the sources beside the site, pages beside pages.

multiprocessing would do this too, but its import and start-up cost more than the
work it would share out here (a check takes a fraction of a second); os.fork and a
pipe per child cost about a millisecond. Where there is no fork (Windows), or when
asked not to, the work is simply done in this process.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
from pathlib import Path

from . import CheckError

CAN_FORK = hasattr(os, "fork")


class Now:
    """Work done here and now: the same interface as `Child`."""

    def __init__(self, work):
        self.value = work()

    def result(self):
        return self.value

    def cancel(self) -> None:
        pass


class Child:
    """`work()` running in a forked child; `result()` waits for it and raises what it raised."""

    def __init__(self, work):
        reader, writer = os.pipe()
        gc.freeze()  # in the child, the collector would touch every inherited object, copying them all
        self.pid = os.fork()
        if self.pid:
            gc.unfreeze()  # the parent collects as before
        else:
            try:
                os.close(reader)
                self._send(writer, work)
            finally:
                os._exit(0)  # never return into the parent's code, never run its clean-up
        os.close(writer)
        self.reader = os.fdopen(reader, "rb")
        self.done = False

    @staticmethod
    def _send(writer: int, work) -> None:
        try:
            payload = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # raised again in the parent
            payload = pickle.dumps((False, _portable(exc)))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)

    def result(self):
        with self.reader:
            data = self.reader.read()
        os.waitpid(self.pid, 0)
        self.done = True
        if not data:
            raise CheckError("a process helping with the check ended without an answer")
        ok, value = pickle.loads(data)
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        if self.done:
            return  # reaped already: its process id may belong to another process by now
        self.done = True
        self.reader.close()
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def useful_jobs() -> int:
    """Processes worth running at once: this one, and one more for each idle core.

    A helper pays only on an idle core. On a busy machine it adds the cost of forking and
    of sending its share back, and the check takes longer than in one process (measured
    on two cores: about 0.35 s with a helper when idle, but 1.1 s alone against 1.3 s with
    one at a load of 10)."""
    busy = busy_cores()
    if busy is None:
        return cores()
    return max(1, min(cores(), round(cores() - busy) + 1))


def _read_loadavg() -> str:
    with open("/proc/loadavg", encoding="ascii") as handle:
        return handle.read()


def busy_cores() -> float | None:
    """How many cores other processes are using now, or None if the system cannot say.

    Linux counts the tasks running at this instant in /proc/loadavg ('2/345': two,
    this process among them). The 1-minute load average lags: for a minute after a
    build it still counted busy cores, so the checker ran alone on an idle machine
    (0.65 s instead of 0.37 s). Elsewhere that average is all there is."""
    try:
        return max(0, int(_read_loadavg().split()[3].split("/")[0]) - 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def start(work, in_child: bool):
    """Start `work()`, in a forked child if asked and possible; `.result()` gives what it returns."""
    return Child(work) if in_child and CAN_FORK else Now(work)


def map_in_chunks(function, items: list, workers: int) -> list:
    """`function(chunk)` for `workers` interleaved chunks of `items` (one done here), results in item order.

    `function` takes a list and returns a list of the same length."""
    workers = max(1, min(workers, len(items))) if CAN_FORK else 1
    chunks = [items[n::workers] for n in range(workers)]
    children = [start(lambda chunk=chunk: function(chunk), True) for chunk in chunks[1:]]
    try:
        results = [function(chunks[0])] + [child.result() for child in children]
    except BaseException:
        for child in children:
            child.cancel()
        raise
    ordered: list = [None] * len(items)
    for n, result in enumerate(results):
        ordered[n::workers] = result
    return ordered


def _portable(exc: BaseException) -> BaseException:
    """The exception itself if it survives pickling, else one that says the same."""
    if isinstance(exc, CheckError):
        return exc
    tb = exc.__traceback__
    while tb and tb.tb_next:
        tb = tb.tb_next
    where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}" if tb else ""
    return RuntimeError(f"{type(exc).__name__}{where}: {exc}")
