"""Stop a child server when the process that started it goes away.

`ocrmesh up` starts each server with a pipe as its standard input and sets
OCRMESH_EXIT_WITH_PARENT=1. When the parent ends, however it ends (Ctrl-C,
kill -9, a closed terminal), the pipe closes and the child stops gracefully:
no orphan servers. Works the same on Windows and Linux (no fork tricks).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

ENV_FLAG = "OCRMESH_EXIT_WITH_PARENT"


def watch_parent(on_parent_gone: Callable[[], None]) -> bool:
    """Call `on_parent_gone` (from a thread) when stdin closes. Returns whether watching."""
    if os.environ.get(ENV_FLAG) != "1" or sys.stdin is None:
        return False

    def wait_for_eof() -> None:
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        on_parent_gone()

    threading.Thread(target=wait_for_eof, name="parent-watch", daemon=True).start()
    return True
