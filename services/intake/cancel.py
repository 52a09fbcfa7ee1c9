"""Stop blocking work on a thread when the caller that waits for it goes away.

Opening a document, checking its frames and analysing its pages run on a
thread pool, where an asyncio cancellation (the client disconnected, its
deadline passed) cannot reach. `run_blocking` runs a function on a thread
with a stop event in a context variable and sets the event when the awaiting
task is cancelled; the loops of that work call `check_cancelled()` between
pages and frames, which raises `WorkCancelled` once the event is set, so a
500-frame TIFF stops within one frame of its client leaving.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from functools import partial
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_STOP: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar("ocrmesh_stop", default=None)


class WorkCancelled(Exception):
    """The caller waiting for this work is gone; nobody will read its result."""


def check_cancelled() -> None:
    """Raise WorkCancelled when the work running on this thread was cancelled (no-op outside run_blocking)."""
    stop = _STOP.get()
    if stop is not None and stop.is_set():
        raise WorkCancelled("the caller cancelled or went away")


async def run_blocking(
    fn: Callable[P, T], *args: P.args, executor: Executor | None = None, **kwargs: P.kwargs
) -> T:
    """`fn(*args, **kwargs)` on `executor` (the loop's default); cancelling the await stops it at its next check."""
    stop = threading.Event()
    context = contextvars.copy_context()
    context.run(_STOP.set, stop)
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(executor, partial(context.run, fn, *args, **kwargs))
    except asyncio.CancelledError:
        stop.set()
        raise
