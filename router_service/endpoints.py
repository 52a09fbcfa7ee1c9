"""The backends the router knows: replicas, their health, latency and circuit breakers.

Each replica keeps one `grpc.health.v1` Watch stream open (service
`ocrmesh.v1.OcrService`); the server pushes every status change, so a backend
that turns NOT_SERVING or drops its connection is out of the choice at once.
A broken stream reconnects with exponential backoff.

Choice among the replicas of one backend: least expected completion time,
(pages in flight through this router + pages of the new run) x seconds per
page / weight. Seconds per page start from the backend's `Status` latency
figures (EWMA), then follow what the router observes (EWMA of wall time per
page streamed).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

import grpc
import structlog
from grpc_health.v1 import health_pb2, health_pb2_grpc

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1 import ocr_pb2_grpc as pb_grpc
from ocrmesh_client.auth import FileKey, aio_channel
from router_service.settings import EndpointConfig, RouterSettings
from services.scaffold.lifecycle import OCR_SERVICE_NAME
from services.scaffold.server import MAX_SEND_BYTES

log = structlog.get_logger("ocrmesh.router.endpoints")

SERVING = health_pb2.HealthCheckResponse.SERVING
# Channel reconnects quickly, so a restarted backend is back within seconds.
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", MAX_SEND_BYTES),
    ("grpc.max_send_message_length", MAX_SEND_BYTES),
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.min_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 2000),
]
LATENCY_ALPHA = 0.3


class BreakerState(Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Open after `failures` consecutive failures; after `cooldown` seconds let one trial call through."""

    def __init__(self, failures: int, cooldown: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.threshold = failures
        self.cooldown = cooldown
        self._clock = clock
        self.state = BreakerState.CLOSED
        self.consecutive_failures = 0
        self._opened_at = 0.0
        self._trial_running = False

    def allows(self) -> bool:
        """Whether a call may go out now (a half-open breaker admits one trial at a time)."""
        if self.state is BreakerState.OPEN and self._clock() - self._opened_at >= self.cooldown:
            self.state = BreakerState.HALF_OPEN
            self._trial_running = False
        if self.state is BreakerState.CLOSED:
            return True
        return self.state is BreakerState.HALF_OPEN and not self._trial_running

    def started(self) -> None:
        if self.state is BreakerState.HALF_OPEN:
            self._trial_running = True

    def released(self) -> None:
        """A call ended without a verdict (cancelled by the client)."""
        self._trial_running = False

    def succeeded(self) -> None:
        self.state = BreakerState.CLOSED
        self.consecutive_failures = 0
        self._trial_running = False

    def failed(self) -> bool:
        """Record a failure; True when this opened the breaker."""
        self.consecutive_failures += 1
        self._trial_running = False
        if self.state is BreakerState.HALF_OPEN or (
            self.state is BreakerState.CLOSED and self.consecutive_failures >= self.threshold
        ):
            self.state = BreakerState.OPEN
            self._opened_at = self._clock()
            return True
        return False


class Replica:
    """One backend server at one address."""

    def __init__(self, config: EndpointConfig, settings: RouterSettings) -> None:
        self.config = config
        self.name = config.name
        self.address = config.address
        self.weight = config.weight
        self.settings = settings
        # Every call carries the replica's key (`authorization: Bearer KEY`) when one is configured.
        key = FileKey(config.api_key_file) if config.api_key_file else ""
        self.channel = aio_channel(config.address, key=key, tls=config.tls, options=CHANNEL_OPTIONS)
        self.stub = pb_grpc.OcrServiceStub(self.channel)
        self._health = health_pb2_grpc.HealthStub(self.channel)
        self.serving = False
        self.seconds_per_page = config.seconds_per_page
        self._latency_observed = False
        self.pages_in_flight = 0
        self.breaker = CircuitBreaker(settings.breaker_failures, settings.breaker_cooldown_seconds)
        self.text_layer_only = config.text_layer_only
        self.gpu = config.gpu
        self.on_change: Callable[[], None] = lambda: None
        self.last_status: pb.ModelStatus | None = None
        self._latency_from_status = False
        self._tasks: list[asyncio.Task[None]] = []
        self._status_tasks: set[asyncio.Task[pb.StatusResponse | None]] = set()

    def __repr__(self) -> str:
        return (
            f"Replica({self.name}@{self.address}, serving={self.serving}, breaker={self.breaker.state.value})"
        )

    @property
    def available(self) -> bool:
        return self.serving and self.breaker.allows()

    def expected_seconds(self, pages: int) -> float:
        return (self.pages_in_flight + max(1, pages)) * self.seconds_per_page / self.weight

    def seed_latency(self, seconds_per_page: float) -> None:
        """A benchmark's figure, used until live figures (routed pages, the backend's Status) exist."""
        if not self._latency_observed and not self._latency_from_status and seconds_per_page > 0:
            self.seconds_per_page = seconds_per_page

    def begin(self, pages: int) -> None:
        """A call for `pages` pages goes out to this replica (a half-open breaker's one trial)."""
        self.breaker.started()
        self.pages_in_flight += pages

    def page_delivered(self, seconds: float) -> None:
        """One page of a call came back, `seconds` after the previous one (or the call's start)."""
        self.observe_page(seconds)
        self.pages_in_flight -= 1

    def end(self, undelivered: int, *, failed: bool | None) -> bool:
        """A call ended with `undelivered` of its pages not returned. `failed`: True for a failure that
        counts against the circuit breaker, False for an answer (a result or a refusal: the backend is
        alive), None for no verdict (cancelled). True when this opened the breaker."""
        self.pages_in_flight -= undelivered
        if failed is None:
            self.breaker.released()
            return False
        if failed:
            return self.breaker.failed()
        self.breaker.succeeded()
        return False

    def observe_page(self, seconds: float) -> None:
        if not self._latency_observed:
            self.seconds_per_page = seconds
            self._latency_observed = True
        else:
            self.seconds_per_page = LATENCY_ALPHA * seconds + (1 - LATENCY_ALPHA) * self.seconds_per_page

    def to_proto(self) -> pb.BackendStatus:
        """This replica as the router reports it in `Status`."""
        return pb.BackendStatus(
            name=self.name,
            address=self.address,
            serving=self.serving,
            status=self.last_status,
            seconds_per_page=self.seconds_per_page,
            breaker=self.breaker.state.value,
            device_group=self.config.device_group,
            pages_in_flight=self.pages_in_flight,
        )

    def _set_serving(self, serving: bool, why: str) -> None:
        if serving != self.serving:
            self.serving = serving
            log.info("backend_health", backend=self.name, replica=self.address, serving=serving, why=why)
            self.on_change()

    # ------------------------------------------------------------ background tasks

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._watch_health(), name=f"health:{self.name}@{self.address}"),
            asyncio.create_task(self._poll_status(), name=f"status:{self.name}@{self.address}"),
        ]

    async def close(self) -> None:
        tasks = [*self._tasks, *self._status_tasks]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self.channel.close()

    async def _watch_health(self) -> None:
        backoff = self.settings.health_backoff_min_seconds
        request = health_pb2.HealthCheckRequest(service=OCR_SERVICE_NAME)
        while True:
            # wait_for_ready: a backend that is down is waited for by the channel (its reconnect backoff is
            # capped at 2 s), instead of failing at once and sleeping ever longer here.
            call = self._health.Watch(request, wait_for_ready=True)
            try:
                async for response in call:
                    backoff = self.settings.health_backoff_min_seconds
                    serving = response.status == SERVING
                    self._set_serving(
                        serving, health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
                    )
                    if serving and not self._latency_observed:
                        task = asyncio.create_task(self.refresh_status())
                        self._status_tasks.add(task)
                        task.add_done_callback(self._status_tasks.discard)
                why = "health stream ended"
            except grpc.aio.AioRpcError as exc:
                why = f"health stream broke: {exc.code().name}"
            finally:
                call.cancel()
            self._set_serving(False, why)
            await asyncio.sleep(backoff * random.uniform(0.8, 1.2))
            backoff = min(self.settings.health_backoff_max_seconds, backoff * 2)

    async def _poll_status(self) -> None:
        while True:
            await asyncio.sleep(self.settings.status_poll_seconds)
            if self.serving:
                await self.refresh_status()

    async def refresh_status(self, timeout: float = 2.0) -> pb.StatusResponse | None:
        """Fetch the backend's status; seeds seconds per page from its latency figures (until the router has its own)."""
        try:
            status = await self.stub.Status(pb.StatusRequest(), timeout=timeout)
        except grpc.aio.AioRpcError:
            return None
        self.last_status = status.status
        latency = status.status.latency
        if latency.samples and not self._latency_observed:
            self.seconds_per_page = latency.ewma_seconds or latency.p50_seconds or self.seconds_per_page
            self._latency_from_status = True
        return status


@dataclass(frozen=True)
class Backend:
    """All replicas of one backend name."""

    name: str
    replicas: tuple[Replica, ...]

    @property
    def available(self) -> bool:
        return any(r.available for r in self.replicas)

    @property
    def serving(self) -> bool:
        return any(r.serving for r in self.replicas)

    @property
    def text_layer_only(self) -> bool:
        return self.replicas[0].text_layer_only

    @property
    def gpu(self) -> bool:
        return self.replicas[0].gpu


class Mesh:
    """Every configured backend, by name, with their replicas."""

    def __init__(self, settings: RouterSettings) -> None:
        grouped: dict[str, list[Replica]] = {}
        for endpoint in settings.backends:
            grouped.setdefault(endpoint.name, []).append(Replica(endpoint, settings))
        self.backends = {name: Backend(name, tuple(replicas)) for name, replicas in grouped.items()}
        self._listeners: list[Callable[[], None]] = []
        for replica in self.replicas():
            replica.on_change = self._changed

    def replicas(self) -> Iterable[Replica]:
        for backend in self.backends.values():
            yield from backend.replicas

    def add_listener(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()

    def start(self) -> None:
        for replica in self.replicas():
            replica.start()

    async def close(self) -> None:
        await asyncio.gather(*(r.close() for r in self.replicas()))

    @property
    def any_serving(self) -> bool:
        return any(r.serving for r in self.replicas())

    def is_available(self, name: str) -> bool:
        backend = self.backends.get(name)
        return backend is not None and backend.available

    def choose(
        self, name: str, pages: int, exclude: set[Replica] | frozenset[Replica] = frozenset()
    ) -> Replica | None:
        """The available replica of `name` with the least expected completion time (random among equals)."""
        backend = self.backends.get(name)
        if backend is None:
            return None
        candidates = [r for r in backend.replicas if r not in exclude and r.available]
        if not candidates:
            return None
        random.shuffle(candidates)
        return min(candidates, key=lambda r: r.expected_seconds(pages))

    async def wait_until_settled(self, timeout: float = 5.0) -> None:
        """Wait until every replica's health is known to be SERVING, or the timeout passes (start-up, tests)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not all(r.serving for r in self.replicas()):
            await asyncio.sleep(0.05)
