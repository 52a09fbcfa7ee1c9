"""One benchmark run: every document to every backend, measured, then scored.

Cold and warm apart: before a backend's first document its Status is read
(state, load time); an unloaded model is loaded with `Load` and the call's
wall time is the load time. Then one untimed warm-up request (first page of
the first document; its time is reported as `first_request_seconds`), then
the documents. Per-page figures are the page results' engine timings of those
warm requests only. RAM/VRAM: the backends' `Status` (`peak_ram_bytes`,
`peak_vram_bytes`) sampled every `sample_seconds` during the run.

Everything runs on the caller's event loop (the router's, or the CLI's);
document inspection and scoring, which are CPU work, go to the default
executor one at a time. Concurrency is bounded twice: `concurrency` documents
in flight over the run, `per_backend_concurrency` per backend, so live traffic
keeps most of every backend's capacity.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

import grpc
import structlog

from bench_service.aggregate import aggregate
from bench_service.classes import DocumentFacts, DocumentInspector, classify
from bench_service.datasets import BenchDocument
from bench_service.model import ColdStart, DocumentReport, Progress, RunRecord, utcnow
from bench_service.scoring import RawOutcome, score_document
from bench_service.settings import BenchSettings
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import AsyncOcrClient, build_request
from ocrmesh_client.auth import KeySource
from ocrmesh_client.tls import TlsFiles
from services.intake.pagetext import PAGE_SEPARATOR

log = structlog.get_logger("ocrmesh.bench")

STATUS_TIMEOUT = 5.0
LOAD_TIMEOUT = 900.0


@dataclass
class RunEvent:
    """Something happened in a run: a phase began, or one document finished on one backend."""

    kind: str  # "phase" | "document_done"
    progress: Progress
    document: str = ""
    backend: str = ""
    message: str = ""


EventSink = Callable[[RunEvent], None]


@dataclass
class _Memory:
    ram: int = 0
    vram: int = 0


@dataclass(frozen=True)
class BackendAccess:
    """How a run reaches one backend directly: the key it sends ('' none) and TLS (None: plaintext)."""

    key: KeySource = ""
    tls: TlsFiles | None = None


class BenchmarkRunner:
    def __init__(
        self,
        settings: BenchSettings,
        *,
        inspect: DocumentInspector,
        api_key: str | None = None,
        backend_access: dict[str, BackendAccess] | None = None,
    ) -> None:
        self.settings = settings
        # None: the caller's key (OCRMESH_API_KEY or the local admin key); the router passes its own.
        self.api_key = api_key
        # Backends reached with their own key and TLS (the router's endpoint config); others get `api_key`.
        self.backend_access = backend_access or {}
        self.inspect = inspect

    def _backend_client(self, name: str) -> AsyncOcrClient:
        access = self.backend_access.get(name)
        if access is None:
            return AsyncOcrClient(self.settings.backends[name], api_key=self.api_key)
        return AsyncOcrClient(self.settings.backends[name], api_key=access.key, tls=access.tls)

    async def run(
        self,
        record: RunRecord,
        documents: list[BenchDocument],
        *,
        dpi: int = 0,
        on_event: EventSink | None = None,
    ) -> RunRecord:
        """Measure and score; fills `record` in place (also on failure) and returns it."""
        s = self.settings
        emit = on_event or (lambda _e: None)
        backends = list(record.backends)
        record.status = "running"
        record.started_at = utcnow()
        record.document_count = len(documents)
        record.progress = Progress(total=len(documents) * len(backends), phase="preparing")
        emit(RunEvent("phase", record.progress.model_copy(), message="preparing"))
        loop = asyncio.get_running_loop()
        facts: list[DocumentFacts] = []
        for doc in documents:  # one at a time: CPU work, kept off the event loop
            facts.append(await loop.run_in_executor(None, self.inspect, doc.content))

        control = {name: self._backend_client(name) for name in backends if name in s.backends}
        router = AsyncOcrClient(record.router_address, api_key=self.api_key) if record.routing == "router" else None
        memory = {name: _Memory() for name in backends}
        raws: list[dict[str, RawOutcome]] = [{} for _ in documents]
        colds: dict[str, ColdStart] = {}
        limit_all = asyncio.Semaphore(s.concurrency)
        sampler = asyncio.create_task(self._sample(control, memory))
        try:
            record.progress.phase = "measuring"

            async def one_backend(name: str) -> None:
                client = router or control[name]
                colds[name] = await self._cold_start(name, control.get(name), client, documents, record, dpi, emit)
                limit_one = asyncio.Semaphore(s.per_backend_concurrency)

                async def one_document(k: int) -> None:
                    async with limit_all, limit_one:
                        raw = await self._process(client, name, documents[k], record.routing, dpi)
                    raws[k][name] = raw
                    record.progress.done += 1
                    record.progress.failed += 0 if raw.ok else 1
                    emit(RunEvent("document_done", record.progress.model_copy(), documents[k].name, name, raw.status))

                await asyncio.gather(*(one_document(k) for k in range(len(documents))))

            await asyncio.gather(*(one_backend(name) for name in backends))
        finally:
            sampler.cancel()
            await asyncio.gather(sampler, return_exceptions=True)
            await self._sample_once(control, memory)
            for client in [*control.values(), *([router] if router else [])]:
                await client.close()

        record.progress.phase = "scoring"
        emit(RunEvent("phase", record.progress.model_copy(), message="scoring"))
        reports = await loop.run_in_executor(None, self._score, documents, facts, raws, backends)
        record.documents = reports
        record.summaries, record.classes = aggregate(reports, backends)
        for summary in record.summaries:
            summary.address = record.router_address if record.routing == "router" else s.backends.get(summary.backend, "")
            summary.cold = colds.get(summary.backend, ColdStart())
            summary.ram_usage = memory[summary.backend].ram
            summary.vram_usage = memory[summary.backend].vram
        record.progress.phase = "done"
        record.status = "completed"
        record.finished_at = utcnow()
        return record

    # ------------------------------------------------------------ phases

    async def _cold_start(
        self,
        name: str,
        control: AsyncOcrClient | None,
        client: AsyncOcrClient,
        documents: list[BenchDocument],
        record: RunRecord,
        dpi: int,
        emit: EventSink,
    ) -> ColdStart:
        cold = ColdStart()
        emit(RunEvent("phase", record.progress.model_copy(), backend=name, message=f"cold start {name}"))
        if control is not None:
            try:
                status = (await control.status(timeout=STATUS_TIMEOUT)).status
                cold.state_before = pb.ModelState.Name(status.state).removeprefix("MODEL_STATE_").lower()  # type: ignore[assignment]
                if status.state != pb.MODEL_STATE_READY:
                    started = time.perf_counter()
                    await control.load(timeout=LOAD_TIMEOUT)
                    cold.load_seconds = time.perf_counter() - started
                    cold.loaded_by_run = True
                else:
                    cold.load_seconds = status.load_seconds
            except grpc.aio.AioRpcError as exc:
                log.warning("bench_cold_start_failed", backend=name, code=exc.code().name, message=exc.details())
        if self.settings.warmup and documents:
            started = time.perf_counter()
            options = pb.ProcessOptions(first_page=1, last_page=1, dpi=dpi, extract_fields=False)
            request = build_request(
                documents[0].content, filename=_filename(documents[0].name), options=options,
                backend=name if record.routing == "router" else "",
            )
            try:
                await client.process(request, timeout=self.settings.request_timeout_seconds)
                cold.first_request_seconds = time.perf_counter() - started
            except grpc.aio.AioRpcError:
                cold.first_request_seconds = 0.0  # e.g. pdftext declining a scan: nothing to warm up
        return cold

    async def _process(
        self, client: AsyncOcrClient, name: str, doc: BenchDocument, routing: str, dpi: int
    ) -> RawOutcome:
        raw = RawOutcome(backend=name)
        request = build_request(
            doc.content,
            filename=_filename(doc.name),
            backend=name if routing == "router" else "",
            options=pb.ProcessOptions(dpi=dpi),
            allow_fallback=False,
        )
        pages: list[pb.PageResult] = []
        document: pb.DocumentResult | None = None
        started = time.perf_counter()
        try:
            async for event in client.stream(request, timeout=self.settings.request_timeout_seconds):
                kind = event.WhichOneof("event")
                if kind == "page":
                    pages.append(event.page)
                elif kind == "document":
                    document = event.document
        except grpc.aio.AioRpcError as exc:
            raw.status, raw.message = exc.code().name, exc.details() or ""
            raw.seconds = time.perf_counter() - started
            return raw
        raw.seconds = time.perf_counter() - started
        raw.page_seconds = [p.timings.total_seconds for p in pages]
        raw.page_confidences = [p.confidence for p in pages]
        raw.born_digital_pages = sum(1 for p in pages if p.kind == pb.PAGE_KIND_BORN_DIGITAL)
        raw.table_pages = {p.page_number for p in pages if len(p.tables)}
        used = {p.backend for p in pages if p.backend} - {name}
        if routing == "router" and used:
            raw.message = f"the router used {', '.join(sorted(used))}"
        if document is not None:
            raw.text = document.text
            raw.fields = {f.name: f.value for f in document.fields.fields}
            raw.confidence = document.confidence
            raw.supplier_id = document.fields.supplier_id
        else:
            raw.text = PAGE_SEPARATOR.join(p.text for p in pages)
            raw.confidence = sum(raw.page_confidences) / len(pages) if pages else 0.0
        return raw

    def _score(
        self,
        documents: list[BenchDocument],
        facts: list[DocumentFacts],
        raws: list[dict[str, RawOutcome]],
        backends: list[str],
    ) -> list[DocumentReport]:
        reports = []
        for doc, fact, by_backend in zip(documents, facts, raws, strict=True):
            ordered = [by_backend[name] for name in backends if name in by_backend]
            report = DocumentReport(
                name=doc.name,
                page_count=fact.page_count or max((len(r.page_seconds) for r in ordered), default=0),
                size_bytes=len(doc.content),
                has_field_truth=bool(doc.truth_fields),
            )
            reference = doc.truth_text if doc.truth_text is not None else fact.text_layer
            score_document(report, ordered, reference, doc.truth_fields)
            if reference is not None:
                report.reference = "truth_text" if doc.truth_text is not None else "text_layer"
            report.classes = classify(fact, ordered, doc.truth_fields, self.settings.degraded_confidence)
            reports.append(report)
        return reports

    # ------------------------------------------------------------ memory

    async def _sample(self, control: dict[str, AsyncOcrClient], memory: dict[str, _Memory]) -> None:
        while True:
            await self._sample_once(control, memory)
            await asyncio.sleep(self.settings.sample_seconds)

    async def _sample_once(self, control: dict[str, AsyncOcrClient], memory: dict[str, _Memory]) -> None:
        async def one(name: str, client: AsyncOcrClient) -> None:
            try:
                status = (await client.status(timeout=STATUS_TIMEOUT)).status
            except grpc.aio.AioRpcError:
                return
            m = memory[name]
            m.ram = max(m.ram, status.peak_ram_bytes, status.ram_bytes)
            m.vram = max(m.vram, status.peak_vram_bytes, status.vram_bytes)

        await asyncio.gather(*(one(name, client) for name, client in control.items()))


def _filename(name: str) -> str:
    return name.rsplit("/", 1)[-1]
