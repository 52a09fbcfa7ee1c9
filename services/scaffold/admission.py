"""Bounded admission: at most `max_in_flight` documents at once, `max_queue` waiting.

Beyond that a request is refused at once (RESOURCE_EXHAUSTED), so a client
can go elsewhere instead of waiting behind an unbounded queue.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class QueueFullError(Exception):
    pass


class Admission:
    def __init__(self, max_in_flight: int, max_queue: int) -> None:
        self.max_in_flight = max_in_flight
        self.max_queue = max_queue
        self._slots = asyncio.Semaphore(max_in_flight)
        self.in_flight = 0
        self.waiting = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[float]:
        """Hold a processing slot; yields the seconds spent waiting for it."""
        if self.in_flight >= self.max_in_flight and self.waiting >= self.max_queue:
            raise QueueFullError(
                f"the server is busy: {self.in_flight} documents in progress and {self.waiting} waiting; retry later"
            )
        loop = asyncio.get_running_loop()
        start = loop.time()
        self.waiting += 1
        self._idle.clear()
        try:
            await self._slots.acquire()
        finally:
            self.waiting -= 1
        self.in_flight += 1
        try:
            yield loop.time() - start
        finally:
            self.in_flight -= 1
            self._slots.release()
            if self.in_flight == 0 and self.waiting == 0:
                self._idle.set()

    async def wait_idle(self) -> None:
        await self._idle.wait()
