"""Send a plan's runs to backends, fall back on failure, and merge pages in page order.

Runs go out concurrently (at most `max_parallel_runs` per document); pages
reach the client in page order, each exactly once, as soon as every earlier
page is there. A run that fails part-way keeps the pages it delivered, and
its remaining pages go to the next candidate: another replica of the same
backend, then the next backend of the run's chain.

- INVALID_ARGUMENT and OUT_OF_RANGE are never retried: the client gets them as they are.
- FAILED_PRECONDITION (a backend declining, e.g. pdftext for a scan) skips
  that backend's other replicas too; it does not count against its breaker.
- UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN and
  a stream that ends early count against the replica's circuit breaker.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import grpc
import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from router_service.endpoints import Mesh, Replica
from router_service.planner import Plan, Run
from router_service.vram import DeviceGroups, is_out_of_memory
from services.scaffold.errors import StatusError

log = structlog.get_logger("ocrmesh.router.dispatch")

C = grpc.StatusCode
# Passed to the client as is, never retried elsewhere.
NOT_RETRIED = frozenset({C.INVALID_ARGUMENT, C.OUT_OF_RANGE})
# The backend declines the pages: its other replicas would too.
DECLINED = frozenset({C.FAILED_PRECONDITION, C.UNIMPLEMENTED})
# Failures that count against a replica's circuit breaker.
SICK = frozenset(
    {C.UNAVAILABLE, C.DEADLINE_EXCEEDED, C.RESOURCE_EXHAUSTED, C.INTERNAL, C.UNKNOWN, C.ABORTED, C.DATA_LOSS}
)


class DispatchError(StatusError):
    """The request fails; carries the gRPC status for the client."""


@dataclass
class AttemptOutcome:
    code: grpc.StatusCode
    message: str = ""
    delivered: int = 0


@dataclass
class DispatchState:
    """What the runs of one request found besides the pages."""

    attempts: list[tuple[float, pb.RoutingAttempt]] = field(default_factory=list)
    einvoice: pb.EInvoice | None = None
    warnings: list[str] = field(default_factory=list)
    # What the router did besides calling backends (VRAM evictions), for the routing explanation.
    notes: list[str] = field(default_factory=list)
    # Backends' progress within pages (long-running engines), passed on to the client.
    progress: asyncio.Queue[pb.PageProgress] = field(default_factory=asyncio.Queue)
    # The DocumentResult of the one backend call that delivered every page of a one-run plan, made
    # while the replica had nothing else in flight (its fields extracted there); else None.
    whole_document: pb.DocumentResult | None = None
    whole_document_backend: str = ""  # its backend (the document lists none for an XML upload)

    def ordered_attempts(self) -> list[pb.RoutingAttempt]:
        return [a for _, a in sorted(self.attempts, key=lambda item: item[0])]


@dataclass
class AttemptObserver:
    """Hooks for metrics: called after every backend attempt and when a breaker opens."""

    attempt: Callable[[Replica, grpc.StatusCode, float], None] = lambda replica, code, seconds: None
    breaker_opened: Callable[[Replica], None] = lambda replica: None
    fallback: Callable[[Replica, grpc.StatusCode], None] = lambda replica, code: None


class Dispatcher:
    def __init__(
        self,
        mesh: Mesh,
        *,
        max_parallel_runs: int,
        default_timeout: float,
        observer: AttemptObserver | None = None,
        vram: DeviceGroups | None = None,
    ) -> None:
        self.mesh = mesh
        self.vram = vram
        self.max_parallel_runs = max_parallel_runs
        self.default_timeout = default_timeout
        self.observer = observer or AttemptObserver()

    def start(
        self,
        request: pb.ProcessRequest,
        plan: Plan,
        state: DispatchState,
        time_remaining: Callable[[], float | None],
        *,
        whole_document: bool,
    ) -> Dispatch:
        """Send `plan`'s runs to their backends now; read the pages with `Dispatch.pages()`.

        `whole_document`: the plan covers every requested page, so a backend call that delivers all
        of them may extract the fields and make the document (`DispatchState.whole_document`), when
        its replica has nothing else in flight.
        """
        return Dispatch(self, request, plan, state, time_remaining, whole_document=whole_document)


class Dispatch:
    """One plan's runs under way (started on creation, on the running event loop).

    `pages()` yields every planned page once, in page order, and cancels the
    runs still going (their backend calls with them) when it ends early.
    """

    def __init__(
        self,
        dispatcher: Dispatcher,
        request: pb.ProcessRequest,
        plan: Plan,
        state: DispatchState,
        time_remaining: Callable[[], float | None],
        *,
        whole_document: bool,
    ) -> None:
        loop = asyncio.get_running_loop()
        self.state = state
        self.started = time.perf_counter()
        # With `pages(stop_at_failure=True)`: the failure that ended the pages, and the pages left.
        self.failure: DispatchError | None = None
        self.undelivered: list[int] = []
        self._slots: dict[int, asyncio.Future[pb.PageResult]] = {
            number: loop.create_future() for run in plan.runs for number in run.pages
        }
        limit = asyncio.Semaphore(dispatcher.max_parallel_runs)
        call = _RunCall(dispatcher, request, state, time_remaining, self._slots, whole=whole_document)
        slots = self._slots

        async def run_task(run: Run) -> None:
            async with limit:
                try:
                    await call.run(run)
                except DispatchError as exc:
                    for number in run.pages:
                        if not slots[number].done():
                            slots[number].set_exception(exc)
                    if not run.pages:
                        raise

        self._tasks = [asyncio.create_task(run_task(run), name=f"run:{run.label}") for run in plan.runs]

    async def pages(self, *, stop_at_failure: bool = False) -> AsyncIterator[pb.PageResult | pb.PageProgress]:
        """Yield every planned page once, in page order (with the backends' progress within pages
        while waiting); raise DispatchError when the request fails.

        With `stop_at_failure`, a page no backend of its chain could deliver ends the pages instead
        (except INVALID_ARGUMENT, raised as always): `failure` and `undelivered` then say why and
        which pages are left, for the caller to plan anew.
        """
        slots, state = self._slots, self.state
        delivered: set[int] = set()
        # One read of the progress queue stays pending across pages (no new task per page waited for).
        getter: asyncio.Future[pb.PageProgress] | None = None
        try:
            for number in sorted(slots):
                while not slots[number].done():  # pass on progress while the next page is under way
                    if getter is None:
                        getter = asyncio.ensure_future(state.progress.get())
                    await asyncio.wait((slots[number], getter), return_when=asyncio.FIRST_COMPLETED)
                    if getter.done():
                        report, getter = getter.result(), None
                        if report.page_number not in delivered:  # late reports of finished pages are dropped
                            yield report
                try:
                    page = await slots[number]
                except DispatchError as exc:
                    if not stop_at_failure or exc.code in NOT_RETRIED:
                        raise
                    self.failure, self.undelivered = exc, [n for n in sorted(slots) if n >= number]
                    return
                delivered.add(number)
                yield page
            # Every page is in; let the runs finish reading their document events.
            await asyncio.gather(*self._tasks)
        finally:
            if getter is not None:
                getter.cancel()
            await self._close()

    async def _close(self) -> None:
        """Cancel the runs still going and wait for them."""
        for task in self._tasks:
            if not task.done():
                task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for future in self._slots.values():  # no "exception never retrieved" noise
            if future.done() and not future.cancelled():
                future.exception()


class _RunCall:
    """Carries one request's runs through their attempts."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        request: pb.ProcessRequest,
        state: DispatchState,
        time_remaining: Callable[[], float | None],
        slots: dict[int, asyncio.Future[pb.PageResult]],
        *,
        whole: bool,
    ) -> None:
        self.d = dispatcher
        self.request = request
        self.state = state
        self.time_remaining = time_remaining
        self.slots = slots
        # One run covers the document: a call of it that delivers every page makes the whole document.
        self.whole = whole

    def _timeout(self) -> float:
        remaining = self.time_remaining()
        if remaining is None:
            return self.d.default_timeout
        if remaining <= 0:
            raise DispatchError(C.DEADLINE_EXCEEDED, "the deadline passed before all pages were done")
        return remaining

    def _next_replica(self, run: Run, tried: set[Replica], declined: set[str], pages: int) -> Replica | None:
        for name in run.chain:
            if name in declined:
                continue
            replica = self.d.mesh.choose(name, pages, exclude=tried)
            if replica is not None:
                return replica
        return None

    async def run(self, run: Run) -> None:
        remaining = list(run.pages)
        tried: set[Replica] = set()
        declined: set[str] = set()
        failures: list[str] = []
        last: AttemptOutcome | None = None
        while True:
            replica = self._next_replica(run, tried, declined, len(remaining))
            if replica is None:
                break
            tried.add(replica)
            if last is not None:
                log.info(
                    "fallback",
                    pages=_span(remaining),
                    to_backend=replica.name,
                    to_replica=replica.address,
                    after=last.code.name,
                )
            await self._make_room(replica)
            outcome = await self._attempt(replica, remaining)
            remaining = remaining[outcome.delivered :]
            if remaining and await self._relieved_after_oom(replica, outcome):
                outcome = await self._attempt(replica, remaining)  # once; then the fallback order
                remaining = remaining[outcome.delivered :]
            if outcome.code is C.OK or (run.pages and not remaining):
                return
            if outcome.code in NOT_RETRIED:
                raise DispatchError(outcome.code, outcome.message)
            if outcome.code in DECLINED:
                declined.add(replica.name)
            self.d.observer.fallback(replica, outcome.code)
            failures.append(
                f"{replica.name}@{replica.address}: {outcome.code.name} {outcome.message}".strip()
            )
            last = outcome
        what = "the document" if not run.pages else _span(remaining)
        if last is None:
            raise DispatchError(
                C.UNAVAILABLE,
                f"no backend available for {what} (wanted {', '.join(run.chain)}; none healthy)",
            )
        code = last.code if last.code in (C.FAILED_PRECONDITION, C.DEADLINE_EXCEEDED) else C.UNAVAILABLE
        raise DispatchError(code, f"every backend failed for {what}: " + "; ".join(failures))

    async def _make_room(self, replica: Replica) -> None:
        if self.d.vram is None or not replica.gpu:
            return
        for name in await self.d.vram.prepare(replica):
            self.state.notes.append(
                f"unloaded {name} to make room for {replica.name} in {replica.config.device_group}"
            )

    async def _relieved_after_oom(self, replica: Replica, outcome: AttemptOutcome) -> bool:
        if self.d.vram is None or not replica.gpu or not is_out_of_memory(outcome.code, outcome.message):
            return False
        unloaded = await self.d.vram.relieve(replica)
        for name in unloaded:
            self.state.notes.append(f"unloaded {name} after {replica.name} ran out of memory; retried once")
        return bool(unloaded)

    async def _attempt(self, replica: Replica, pages: list[int]) -> AttemptOutcome:
        """One backend call for `pages` on `replica`: its pages go to their slots as they arrive."""
        # The fields are extracted once: by an idle backend that reads every page (the lower latency),
        # else here, over all pages (a busy backend would be the bottleneck; the router runs beside it).
        whole = self.whole and len(pages) == len(self.slots) and replica.pages_in_flight == 0
        backend_request = self._backend_request(pages, whole)
        timeout = self._timeout()
        wall_start, started = time.time(), time.perf_counter()
        outcome = AttemptOutcome(C.OK)
        replica.begin(len(pages))
        call = replica.stub.Process(backend_request, timeout=timeout)
        try:
            await self._read(call, replica, pages, whole, outcome, started)
        except grpc.aio.AioRpcError as exc:
            outcome.code, outcome.message = exc.code(), exc.details() or ""
        except BaseException:  # cancelled with the request: no verdict on the replica
            replica.end(len(pages) - outcome.delivered, failed=None)
            raise
        finally:
            call.cancel()
        seconds = time.perf_counter() - started
        # A result or a refusal (INVALID_ARGUMENT, FAILED_PRECONDITION): the backend answered, so it is alive.
        if replica.end(len(pages) - outcome.delivered, failed=outcome.code in SICK):
            log.warning(
                "circuit_open",
                backend=replica.name,
                replica=replica.address,
                failures=replica.breaker.consecutive_failures,
                cooldown_seconds=replica.breaker.cooldown,
            )
            self.d.observer.breaker_opened(replica)
        self._record(replica, pages, outcome, wall_start, seconds)
        return outcome

    def _backend_request(self, pages: list[int], whole: bool) -> pb.ProcessRequest:
        options = pb.ProcessOptions()
        options.CopyFrom(self.request.options)
        if not whole:
            options.extract_fields = False
        if pages:
            options.first_page, options.last_page = pages[0], pages[-1]
        return pb.ProcessRequest(
            document=self.request.document, request_id=self.request.request_id, options=options
        )

    async def _read(
        self,
        call: grpc.aio.UnaryStreamCall,  # type: ignore[type-arg]
        replica: Replica,
        pages: list[int],
        whole: bool,
        outcome: AttemptOutcome,
        started: float,
    ) -> None:
        """Read the backend's stream into the slots, the request's state and `outcome`."""
        got_document, last = False, started
        async for event in call:
            kind = event.WhichOneof("event")
            if kind == "page":
                expected = pages[outcome.delivered] if outcome.delivered < len(pages) else None
                if event.page.page_number != expected:
                    outcome.code = C.INTERNAL
                    outcome.message = f"backend sent page {event.page.page_number}, expected {expected}"
                    return
                now = time.perf_counter()
                replica.page_delivered(now - last)
                last = now
                outcome.delivered += 1
                self.slots[expected].set_result(event.page)
            elif kind == "document":
                got_document = True
                self._keep_document_facts(event.document)
                if whole and outcome.delivered == len(pages):
                    self.state.whole_document = event.document
                    self.state.whole_document_backend = replica.name
            elif kind == "progress":
                self.state.progress.put_nowait(event.progress)
        if outcome.delivered < len(pages) or not (pages or got_document):
            outcome.code = C.UNAVAILABLE
            outcome.message = f"the stream ended after {outcome.delivered} of {len(pages)} pages"

    def _record(
        self, replica: Replica, pages: list[int], outcome: AttemptOutcome, wall_start: float, seconds: float
    ) -> None:
        """The attempt in the routing explanation, the metrics and the log."""
        self.state.attempts.append(
            (
                wall_start,
                pb.RoutingAttempt(
                    backend=replica.name,
                    replica=replica.address,
                    pages=pages,
                    status=outcome.code.name,
                    message=outcome.message,
                    seconds=seconds,
                ),
            )
        )
        self.d.observer.attempt(replica, outcome.code, seconds)
        log.info(
            "backend_attempt",
            backend=replica.name,
            replica=replica.address,
            pages=_span(pages),
            code=outcome.code.name,
            delivered=outcome.delivered,
            seconds=round(seconds, 4),
        )

    def _keep_document_facts(self, document: pb.DocumentResult) -> None:
        if document.HasField("einvoice") and self.state.einvoice is None:
            self.state.einvoice = pb.EInvoice()
            self.state.einvoice.CopyFrom(document.einvoice)
        for warning in document.warnings:
            if warning not in self.state.warnings:
                self.state.warnings.append(warning)


def _span(pages: list[int]) -> str:
    """Pages as the logs name them: "3", "3-5", or "document" for none."""
    if not pages:
        return "document"
    return f"{pages[0]}-{pages[-1]}" if len(pages) > 1 else str(pages[0])
