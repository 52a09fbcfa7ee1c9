"""Drop clients that send their request too slowly (slowloris).

uvicorn times out idle keep-alive connections but not a request whose
headers or body trickle in: 2000 connections each sending a header byte now
and then would hold the gateway's sockets for ever. `timed_h11_protocol`
makes uvicorn's h11 protocol close a connection whose request headers are
not complete `header_timeout` seconds after their first byte (or after the
connection opened), or whose body pauses longer than `body_idle_timeout`
seconds. While the application works on a request nothing is timed here:
the upstream deadline (`request_timeout`) covers that.
"""

from __future__ import annotations

import asyncio

import h11
import structlog
from uvicorn.protocols.http.h11_impl import H11Protocol

log = structlog.get_logger("ocrmesh.gateway")


class TimedH11Protocol(H11Protocol):
    header_timeout: float = 10.0
    body_idle_timeout: float = 30.0
    _read_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.header_timeout, "request headers")

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        state = self.conn.their_state
        if state is h11.IDLE:  # still reading a request's headers: one deadline for all of them
            if self._read_timer is None:
                self._arm(self.header_timeout, "request headers")
        elif state is h11.SEND_BODY:  # the body: a deadline for each pause
            self._arm(self.body_idle_timeout, "request body")
        else:
            self._disarm()

    def on_response_complete(self) -> None:
        self._disarm()  # the keep-alive timeout takes over until the next request's first byte
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self, seconds: float, what: str) -> None:
        self._disarm()
        self._read_timer = self.loop.call_later(seconds, self._too_slow, what, seconds)

    def _disarm(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _too_slow(self, what: str, seconds: float) -> None:
        self._read_timer = None
        if not self.transport.is_closing():
            log.info("slow_client_dropped", waiting_for=what, seconds=seconds, client=str(self.client))
            self.transport.close()


def timed_h11_protocol(header_timeout: float, body_idle_timeout: float) -> type[TimedH11Protocol]:
    """The protocol class to pass to `uvicorn.Config(http=...)` with these timeouts."""
    return type(
        "TimedH11Protocol",
        (TimedH11Protocol,),
        {"header_timeout": header_timeout, "body_idle_timeout": body_idle_timeout},
    )
