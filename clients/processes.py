"""Child processes: stopping them (a graceful signal to each, a shared deadline, then kill what is
left) and watching their peak memory."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping

import psutil


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


class PeakMemory:
    """Peak resident memory of named processes, sampled on a thread (`start`/`stop`, or `with`)."""

    def __init__(self, processes: Mapping[str, psutil.Process], interval: float = 0.02) -> None:
        self.processes = dict(processes)
        self.interval = interval
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakMemory:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="peak-rss", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        for name, process in self.processes.items():
            try:
                rss = process.memory_info().rss
            except psutil.Error:
                continue
            self.peaks[name] = max(self.peaks.get(name, 0), rss)

    def reset(self) -> None:
        self.peaks = {}
