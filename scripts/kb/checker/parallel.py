"""The sources checked in a forked child while this process checks the built site.

The two halves share nothing, so side by side the check takes as long as the longer
of them, not their sum. A fork and a pipe cost about a millisecond; multiprocessing
would cost more to import and start than the work it shares out. Where there is no
fork (Windows), or with `--jobs off`, the work is done in this process instead.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Iterator
from typing import TypeVar

from . import CheckError

CAN_FORK = hasattr(os, "fork")
T = TypeVar("T")


class ChildTraceback(Exception):
    """The traceback of an exception raised in the child: shown as the cause of the one raised here."""

    def __str__(self) -> str:
        return "raised in the forked child:\n" + self.args[0].rstrip()


@contextlib.contextmanager
def beside(work: Callable[[], T], fork: bool = True) -> Iterator[Callable[[], T]]:
    """Run `work()` in a forked child while the body of the `with` runs.

    Yields a function that waits for the child and returns what `work()` returned, or
    raises what it raised. Without a fork, that function runs `work()` when called. If
    the body raises, the child is stopped."""
    if not (fork and CAN_FORK):
        yield work
        return
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(reader)
        _answer(writer, work)
    os.close(writer)
    waited = False

    def result() -> T:
        nonlocal waited
        with os.fdopen(reader, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        waited = True
        if not data:
            raise CheckError("the process checking the sources ended without an answer")
        ok, value, child_traceback = pickle.loads(data)
        if ok:
            return value
        if not isinstance(value, CheckError):  # a bug: show where it happened, in the child
            value.__cause__ = ChildTraceback(child_traceback)
        raise value

    try:
        yield result
    finally:
        if not waited:  # the body raised before asking for the result
            for step in (lambda: os.close(reader), lambda: os.kill(pid, signal.SIGTERM), lambda: os.waitpid(pid, 0)):
                with contextlib.suppress(OSError):
                    step()


def _answer(writer: int, work: Callable[[], object]) -> None:
    """In the child: send back `work()`'s result or exception, then end the process."""
    try:
        try:
            answer = (True, work(), "")
        except BaseException as exc:
            answer = (False, exc, traceback.format_exc())
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an exception that cannot be pickled: send what it said
            data = pickle.dumps((False, RuntimeError(f"{type(answer[1]).__name__}: {answer[1]}"), answer[2]))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
    finally:
        # A forked child must never return into the parent's code (its caller, pytest,
        # atexit handlers): it ends here, whatever happened.
        os._exit(0)
