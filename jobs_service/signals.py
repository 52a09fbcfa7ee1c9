"""In-process wake-ups: the runner tells watchers of a job that something changed.

Watchers also poll the store, so events of runners in other processes (a
shared PostgreSQL) arrive too, only a poll interval later.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager


class JobSignals:
    def __init__(self) -> None:
        self._listeners: dict[str, set[asyncio.Event]] = defaultdict(set)

    def notify(self, job_id: str) -> None:
        for event in self._listeners.get(job_id, ()):
            event.set()

    @contextmanager
    def listen(self, job_id: str) -> Iterator[asyncio.Event]:
        event = asyncio.Event()
        self._listeners[job_id].add(event)
        try:
            yield event
        finally:
            listeners = self._listeners.get(job_id)
            if listeners is not None:
                listeners.discard(event)
                if not listeners:
                    del self._listeners[job_id]
