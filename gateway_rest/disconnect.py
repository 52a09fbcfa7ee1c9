"""Stop upstream work when the HTTP client goes away.

Starlette keeps running a route after its client disconnected, so a 500-page
document would be processed for nobody. `unless_disconnected` races the work
against the ASGI `http.disconnect` message (the request body is already read,
so the next message is the disconnect) and cancels the work, and with it the
upstream gRPC call, when the client leaves first.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from typing import TypeVar

import structlog
from fastapi import Request

from gateway_rest.errors import ApiError

log = structlog.get_logger("ocrmesh.gateway")

T = TypeVar("T")
# nginx's code for "the client closed the request": the answer reaches nobody, the log says why.
CLIENT_CLOSED_REQUEST = 499


async def _disconnected(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def unless_disconnected(request: Request, work: Awaitable[T]) -> T:
    """`work`'s result; cancels it and raises ApiError(499) if the client disconnects first."""
    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(_disconnected(request))
    try:
        await asyncio.wait((task, watcher), return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        log.info("client_disconnected", cancelled="upstream call")
        raise ApiError(CLIENT_CLOSED_REQUEST, "client_closed_request", "the client closed the connection")
    finally:
        for pending in (task, watcher):
            pending.cancel()
