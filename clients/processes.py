"""Stopping child processes: a graceful signal to each, a shared deadline, then kill what is left."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterable


def request_stop(proc: subprocess.Popen) -> None:
    """Ask ``proc`` to stop gracefully (SIGTERM; CTRL_BREAK on Windows, where the child has its own group)."""
    if proc.poll() is not None:
        return
    try:
        if sys.platform == "win32":
            proc.send_signal(signal.CTRL_BREAK_EVENT)  # type: ignore[attr-defined]
        else:
            proc.send_signal(signal.SIGTERM)
    except OSError:
        pass  # gone in between


def stop_processes(procs: Iterable[subprocess.Popen], timeout: float = 15.0) -> None:
    """Stop every process in the given order: all are asked at once, then each has until one deadline."""
    procs = list(procs)
    for proc in procs:
        request_stop(proc)
    deadline = time.monotonic() + timeout
    for proc in procs:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
