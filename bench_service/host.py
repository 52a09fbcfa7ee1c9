"""The benchmark host: runs in the background of a serving process, one at a time.

    host = attach_benchmark(server, BenchSettings(), inspect=...)   # before server.start()
    await host.start()                                 # after it
    ...
    await host.stop()                                  # before server.stop()

A run is an asyncio task on the server's event loop; its documents go out
with bounded concurrency (see runner), so the server keeps serving. Runs are
persisted when they start and when they end; a run that was still going when
the process stopped is marked cancelled at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import grpc
import structlog

from bench_service.classes import DocumentInspector
from bench_service.datasets import BenchDocument, DatasetError, Datasets, UnknownNameError
from bench_service.model import Progress, Routing, RunRecord, utcnow
from bench_service.runner import BackendAccess, BenchmarkRunner, RunEvent
from bench_service.settings import BenchSettings
from bench_service.store import RunStore, UnknownRunError, new_run_id
from services.scaffold.admission import QueueFullError as AdmissionFull

log = structlog.get_logger("ocrmesh.bench")


class QueueFullError(AdmissionFull):
    """Too many runs waiting (RESOURCE_EXHAUSTED, as the scaffold's admission)."""


@dataclass
class RunRequest:
    """What to benchmark (validated by `BenchmarkHost.start_run`)."""

    dataset: str = ""
    documents: list[str] = field(default_factory=list)
    uploads: list[BenchDocument] = field(default_factory=list)
    backends: list[str] = field(default_factory=list)
    routing: Routing | None = None
    limit: int = 0
    label: str = ""
    dpi: int = 0
    command: str = ""
    owner: str = ""


@dataclass
class Snapshot:
    """A WatchRun event that carries the whole run."""

    record: RunRecord


WatchEvent = RunEvent | Snapshot


@dataclass
class _Active:
    record: RunRecord
    task: asyncio.Task[None] | None = None
    watchers: list[asyncio.Queue[WatchEvent | None]] = field(default_factory=list)

    def publish(self, event: WatchEvent | None) -> None:
        for queue in self.watchers:
            queue.put_nowait(event)


def machine_line() -> str:
    from bench_service.sections import machine_line as line

    return line()


def resolve_request(settings: BenchSettings, request: RunRequest) -> tuple[list[BenchDocument], list[str], Routing]:
    """Blocking: check names, load the documents. Raises DatasetError (INVALID_ARGUMENT, NOT_FOUND)."""
    routing = request.routing or settings.default_routing()
    if routing == "router" and not settings.router_address:
        raise DatasetError("routing through the router needs a configured router address")
    backends = list(dict.fromkeys(request.backends)) or list(settings.backends)
    if not backends:
        raise DatasetError("no backends to benchmark")
    unknown = [b for b in backends if b not in settings.backends]
    if routing == "direct" and unknown:
        raise UnknownNameError(f"unknown backends {unknown}; known: {', '.join(settings.backends)}")
    if request.limit < 0 or request.dpi < 0:
        raise DatasetError("limit and dpi must not be negative")
    documents: list[BenchDocument] = []
    if request.dataset:
        documents += Datasets(settings.datasets_root).load(request.dataset, request.documents, 0)
    elif request.documents:
        raise DatasetError("document names need a dataset")
    documents += request.uploads
    if request.limit:
        documents = documents[: request.limit]
    if not documents:
        raise DatasetError("nothing to benchmark: no documents")
    if len(documents) > settings.max_documents:
        raise DatasetError(f"{len(documents)} documents; the limit is {settings.max_documents}")
    size = sum(len(d.content) for d in request.uploads)
    if size > settings.max_upload_mb * 2**20:
        raise DatasetError(f"uploads of {size / 2**20:.0f} MiB; the limit is {settings.max_upload_mb:.0f} MiB")
    names = [d.name for d in documents]
    if len(set(names)) != len(names):
        raise DatasetError("document names must be unique within a run")
    return documents, backends, routing


class BenchmarkHost:
    def __init__(
        self,
        settings: BenchSettings,
        *,
        inspect: DocumentInspector,
        api_key: str | None = None,
        backend_access: dict[str, BackendAccess] | None = None,
    ) -> None:
        self.settings = settings
        self.store = RunStore(settings.data_dir)
        self.runner = BenchmarkRunner(settings, inspect=inspect, api_key=api_key, backend_access=backend_access)
        self._active: dict[str, _Active] = {}
        self._one_at_a_time = asyncio.Lock()
        self._waiting = 0
        self._started = False

    async def start(self) -> None:
        """Mark runs that an earlier process left unfinished as cancelled."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._close_interrupted)
        self._started = True
        log.info("bench_host_started", data_dir=str(self.settings.data_dir))

    def _close_interrupted(self) -> None:
        for run_id in self.store.run_ids():
            try:
                record = self.store.load(run_id)
            except (UnknownRunError, ValueError):
                continue
            if not record.final:
                record.status = "cancelled"
                record.error = "interrupted: the server stopped during the run"
                record.finished_at = record.finished_at or utcnow()
                self.store.finish(record)

    async def stop(self) -> None:
        """Cancel runs in progress (they are saved as cancelled) and wait for them."""
        tasks = [a.task for a in self._active.values() if a.task is not None and not a.task.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._started = False

    # ------------------------------------------------------------ runs

    async def start_run(self, request: RunRequest) -> RunRecord:
        if self._waiting >= self.settings.max_queued_runs + 1:
            raise QueueFullError(f"{self._waiting} runs are waiting; try again later")
        loop = asyncio.get_running_loop()
        documents, backends, routing = await loop.run_in_executor(None, resolve_request, self.settings, request)
        record = RunRecord(
            run_id=new_run_id(),
            label=request.label,
            dataset=request.dataset,
            backends=backends,
            routing=routing,
            router_address=self.settings.router_address if routing == "router" else "",
            command=request.command,
            owner=request.owner,
            machine=machine_line(),
            document_count=len(documents),
            progress=Progress(total=len(documents) * len(backends), phase="queued"),
        )
        await loop.run_in_executor(None, self.store.save, record)
        active = _Active(record)
        self._active[record.run_id] = active
        self._waiting += 1
        active.task = asyncio.create_task(self._execute(active, documents, request.dpi), name=f"bench-{record.run_id}")
        log.info("bench_run_queued", run_id=record.run_id, documents=len(documents), backends=backends, routing=routing)
        return record

    async def _execute(self, active: _Active, documents: list[BenchDocument], dpi: int) -> None:
        record = active.record
        loop = asyncio.get_running_loop()
        acquired = False
        try:
            async with self._one_at_a_time:
                acquired = True
                self._waiting -= 1
                await loop.run_in_executor(None, self.store.save, record.model_copy(update={"status": "running"}))
                await self.runner.run(record, documents, dpi=dpi, on_event=active.publish)
        except asyncio.CancelledError:
            record.status, record.error = "cancelled", "stopped: the server is shutting down"
        except Exception as exc:  # the run fails, the server goes on
            log.exception("bench_run_failed", run_id=record.run_id)
            record.status, record.error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            if not acquired:
                self._waiting -= 1
            record.finished_at = record.finished_at or utcnow()
            with contextlib.suppress(Exception):
                await asyncio.shield(loop.run_in_executor(None, self._finish, record))
            active.publish(Snapshot(record.listing()))
            active.publish(None)
            self._active.pop(record.run_id, None)
            log.info("bench_run_finished", run_id=record.run_id, status=record.status)

    def _finish(self, record: RunRecord) -> None:
        self.store.finish(record)
        self.store.prune(self.settings.keep_runs)

    def get(self, run_id: str, include_documents: bool = True) -> RunRecord:
        active = self._active.get(run_id)
        record = active.record if active is not None else self.store.load(run_id)
        return record if include_documents else record.listing()

    def list(self, limit: int = 50) -> list[RunRecord]:
        limit = limit or 50
        stored = {r.run_id: r for r in self.store.list(limit)}
        for run_id, active in self._active.items():
            stored[run_id] = active.record.listing()
        return sorted(stored.values(), key=lambda r: r.run_id, reverse=True)[:limit]

    async def watch(self, run_id: str) -> AsyncIterator[WatchEvent]:
        """A snapshot, the run's events, a final snapshot. Raises UnknownRunError."""
        active = self._active.get(run_id)
        if active is None:
            record = self.store.load(run_id)
            yield Snapshot(record.listing())
            return
        queue: asyncio.Queue[WatchEvent | None] = asyncio.Queue()
        active.watchers.append(queue)
        try:
            yield Snapshot(active.record.listing())
            while (event := await queue.get()) is not None:
                yield event
        finally:
            active.watchers.remove(queue)

    def report(self, run_id: str, fmt: str) -> tuple[bytes, str, str]:
        from bench_service.report import render

        record = self.get(run_id)
        return render(record, fmt)


def attach_benchmark(
    server: grpc.aio.Server,
    settings: BenchSettings | None = None,
    *,
    inspect: DocumentInspector,
    api_key: str | None = None,
    backend_access: dict[str, BackendAccess] | None = None,
) -> BenchmarkHost:
    """Add BenchmarkService to a grpc.aio server (the router's); start/stop the returned host with it.

    `inspect` gives a document's facts as the router sees them (the router passes its own);
    `api_key`: what the runs present to the router (its internal token when hosted there);
    `backend_access`: the key and TLS each backend is reached with directly (the router's endpoint config).
    """
    from bench_service.servicer import BenchmarkServicer
    from ocrmesh.v1 import benchmark_pb2_grpc

    host = BenchmarkHost(settings or BenchSettings(), inspect=inspect, api_key=api_key, backend_access=backend_access)
    benchmark_pb2_grpc.add_BenchmarkServiceServicer_to_server(BenchmarkServicer(host), server)
    return host
