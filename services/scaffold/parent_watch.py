"""Stop a child server when the process that started it goes away.

`ocrmesh up` starts each server with a pipe as its standard input and sets
OCRMESH_EXIT_WITH_PARENT=1. When the parent ends, however it ends (Ctrl-C,
kill -9, a closed terminal), the pipe closes and the child stops gracefully:
no orphan servers. Works the same on Windows and Linux (no fork tricks).

The watch thread reads the raw file descriptor (`os.read`), never
`sys.stdin.buffer`: a daemon thread blocked inside the buffered reader holds
its lock, and the interpreter, closing stdin at exit, then aborts with
"Fatal Python error: _enter_buffered_busy". Once the server has stopped by
itself (a signal), `ParentWatch.close()` keeps the thread from calling back
into a finished event loop; the thread itself stays blocked in the read and
dies with the process, touching nothing Python shuts down.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

ENV_FLAG = "OCRMESH_EXIT_WITH_PARENT"


class ParentWatch:
    """Calls `on_parent_gone` once, from a thread, when standard input reaches its end."""

    def __init__(self, on_parent_gone: Callable[[], None]) -> None:
        self._on_parent_gone = on_parent_gone
        self._closed = threading.Event()
        self.active = False

    def start(self) -> ParentWatch:
        if os.environ.get(ENV_FLAG) != "1" or sys.stdin is None:
            return self
        try:
            fd = sys.stdin.fileno()
        except (OSError, ValueError):  # no real stdin (embedded, replaced by a test)
            return self
        threading.Thread(target=self._wait_for_eof, args=(fd,), name="parent-watch", daemon=True).start()
        self.active = True
        return self

    def close(self) -> None:
        """No callback after this (the server is stopping on its own)."""
        self._closed.set()

    def _wait_for_eof(self, fd: int) -> None:
        try:
            while os.read(fd, 4096):
                pass
        except OSError:
            pass
        if not self._closed.is_set():
            try:
                self._on_parent_gone()
            except RuntimeError:  # the event loop closed in between: the server is stopping anyway
                pass


def watch_parent(on_parent_gone: Callable[[], None]) -> ParentWatch:
    """Start watching (when started by `ocrmesh up`); `.active` tells whether it watches."""
    return ParentWatch(on_parent_gone).start()
