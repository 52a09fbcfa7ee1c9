"""The OcrService implementation every backend shares.

Flow of one Process call: admission (bounded queue) -> the model held ->
intake (type check, limits, open) on a thread -> pages on the worker pool,
`workers` pages at a time, streamed in page order as they finish -> the
document result. Cancellation or a deadline cancels the pages not started.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator
from concurrent.futures import Executor
from functools import partial

import grpc
import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1 import ocr_pb2_grpc as pb_grpc
from services.auth.caller import caller_response
from services.intake.cancel import run_blocking
from services.intake.document import LoadedDocument, open_document
from services.intake.sniff import DocumentType
from services.scaffold.admission import Admission
from services.scaffold.assemble import DocumentSummary, FieldExtractor, assemble_document
from services.scaffold.engine import Engine, EngineError, PageOptions
from services.scaffold.finish import finish_page
from services.scaffold.lifecycle import ModelLifecycle, ModelUnavailableError
from services.scaffold.metrics import ServerMetrics
from services.scaffold.options import page_indices, resolve_options
from services.scaffold.settings import ServerSettings
from services.scaffold.status import abort, status_of

log = structlog.get_logger("ocrmesh.server")


class OcrServicer(pb_grpc.OcrServiceServicer):
    def __init__(
        self,
        engine: Engine,
        settings: ServerSettings,
        lifecycle: ModelLifecycle,
        metrics: ServerMetrics,
        admission: Admission,
        page_pool: Executor,
        fields: FieldExtractor,
    ) -> None:
        self.engine = engine
        self.fields = fields
        self.settings = settings
        self.lifecycle = lifecycle
        self.metrics = metrics
        self.admission = admission
        self.page_pool = page_pool
        self.limits = settings.intake_limits()

    # ------------------------------------------------------------ Process

    async def Process(
        self, request: pb.ProcessRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.ProcessResponse]:
        request_id = request.request_id or uuid.uuid4().hex
        started = time.perf_counter()
        code, message = grpc.StatusCode.OK, ""
        with structlog.contextvars.bound_contextvars(request_id=request_id, backend=self.engine.info.name):
            log.info("process_start", bytes=len(request.document.content))
            try:
                async with self.admission.slot() as queued_seconds:
                    self._publish_queue()
                    async with self.lifecycle.using():
                        async for event in self._process(request, request_id, queued_seconds, started, context):
                            yield event
            except asyncio.CancelledError:
                code = grpc.StatusCode.CANCELLED
                self._finish(code, started)
                raise
            except Exception as exc:  # every failure becomes a status; an engine bug must not take the server down
                status = status_of(exc, where=f"backend {self.engine.info.name}")
                if status.internal:
                    log.exception("process_failed")
                code, message = status.code, status.message
            finally:
                self._publish_queue()
            self._finish(code, started)
            if code is not grpc.StatusCode.OK:
                await context.abort(code, message)

    def _finish(self, code: grpc.StatusCode, started: float) -> None:
        seconds = time.perf_counter() - started
        self.metrics.observe_request(code.name, seconds)
        self.metrics.sample_memory(self.engine.vram_bytes())
        log.info("process_end", code=code.name, seconds=round(seconds, 4))

    def _publish_queue(self) -> None:
        self.metrics.in_flight.labels(self.engine.info.name).set(self.admission.in_flight)
        self.metrics.queue_depth.labels(self.engine.info.name).set(self.admission.waiting)

    async def _process(
        self,
        request: pb.ProcessRequest,
        request_id: str,
        queued_seconds: float,
        started: float,
        context: grpc.aio.ServicerContext,
    ) -> AsyncIterator[pb.ProcessResponse]:
        resolved = resolve_options(request.options, self.settings.default_dpi)
        loop = asyncio.get_running_loop()
        document = await run_blocking(open_document, request.document.content, self.limits)
        progress: asyncio.Queue[pb.PageProgress] = asyncio.Queue()
        cancelled = threading.Event()
        page_options = self._page_control(resolved.page_options, context, progress, cancelled)
        try:
            info = self.engine.info
            if document.kind not in info.accepts:
                hint = "send it to pdftext" if document.kind is DocumentType.XML else "send a PDF or an image"
                raise EngineError(
                    grpc.StatusCode.FAILED_PRECONDITION,
                    f"backend {info.name} does not process {document.kind.name} documents; {hint}",
                )
            extras = await loop.run_in_executor(None, self.engine.inspect_document, document)
            indices = page_indices(request.options, document.page_count)
            pages: list[pb.PageResult] = []
            async for page in self._pages(document, indices, page_options, queued_seconds, context, progress):
                if isinstance(page, pb.PageProgress):
                    yield pb.ProcessResponse(progress=page)
                    continue
                pages.append(page)
                yield pb.ProcessResponse(page=page)
            summary = DocumentSummary(
                document_id=document.sha256,
                page_count=document.page_count,
                mime_type=document.kind.value,
                request_id=request_id,
                language=resolved.language,
                processing_seconds=time.perf_counter() - started,
                extract_fields=resolved.extract_fields,
                einvoice=extras.einvoice,
                warnings=[*document.warnings, *extras.warnings],
            )
            result = await loop.run_in_executor(None, assemble_document, pages, summary, self.fields)
            if resolved.extract_fields:
                await loop.run_in_executor(self.page_pool, self.engine.refine_document, document, result, page_options)
            result.metadata.processing_seconds = time.perf_counter() - started
            yield pb.ProcessResponse(document=result)
        finally:
            cancelled.set()  # tells engines still working for this request to stop
            document.close()

    def _page_control(
        self,
        options: PageOptions,
        context: grpc.aio.ServicerContext,
        progress: asyncio.Queue[pb.PageProgress],
        cancelled: threading.Event,
    ) -> PageOptions:
        """The request's cancel event, deadline and progress reporter, for engines that honour them."""
        loop = asyncio.get_running_loop()
        remaining = context.time_remaining()

        def report(index: int, fraction: float) -> None:
            loop.call_soon_threadsafe(progress.put_nowait, pb.PageProgress(page_number=index + 1, fraction=fraction))

        return dataclasses.replace(
            options,
            cancelled=cancelled,
            deadline=None if remaining is None else time.monotonic() + remaining,
            progress=report,
        )

    async def _pages(
        self,
        document: LoadedDocument,
        indices: range,
        options: PageOptions,
        queued_seconds: float,
        context: grpc.aio.ServicerContext,
        progress: asyncio.Queue[pb.PageProgress],
    ) -> AsyncIterator[pb.PageResult | pb.PageProgress]:
        """Run pages on the pool, `workers` at a time, and yield them in order (with progress while waiting)."""
        loop = asyncio.get_running_loop()
        window = self.settings.workers
        pending: deque[asyncio.Future[pb.PageResult]] = deque()
        submitted: list[concurrent.futures.Future[pb.PageResult]] = []
        upcoming = iter(indices)
        finished: set[int] = set()
        try:
            while True:
                while len(pending) < window:
                    index = next(upcoming, None)
                    if index is None:
                        break
                    job = partial(self._page_job, document, index, options, time.perf_counter(), queued_seconds)
                    work = self.page_pool.submit(job)
                    submitted.append(work)
                    pending.append(asyncio.wrap_future(work, loop=loop))
                if not pending:
                    return
                remaining = context.time_remaining()
                if remaining is not None and remaining <= 0:
                    raise EngineError(grpc.StatusCode.DEADLINE_EXCEEDED, "the deadline passed before all pages were done")
                while not pending[0].done():
                    getter = asyncio.ensure_future(progress.get())
                    try:
                        await asyncio.wait((pending[0], getter), return_when=asyncio.FIRST_COMPLETED)
                    finally:
                        if not getter.done():
                            getter.cancel()
                    report = getter.result() if getter.done() and not getter.cancelled() else None
                    if report is not None and report.page_number not in finished:
                        yield report  # late reports of finished pages are dropped
                page = await pending.popleft()
                finished.add(page.page_number)
                self.metrics.observe_page(page.timings.total_seconds)
                yield page
        finally:
            for future in pending:
                future.cancel()
            # Pages already running on a worker cannot be cancelled: tell engines that
            # listen to stop, and wait for them, so the model (held by the caller until
            # this returns) is never unloaded under a running page.
            running = [w for w in submitted if not w.done() and not w.cancel()]
            if running:
                if options.cancelled is not None:
                    options.cancelled.set()
                await asyncio.wait([asyncio.wrap_future(w, loop=loop) for w in running])

    def _page_job(
        self, document: LoadedDocument, index: int, options: PageOptions, submitted: float, queued_seconds: float
    ) -> pb.PageResult:
        begin = time.perf_counter()
        page = self.engine.process_page(document, index, options)
        finish_page(page, options)
        info = self.engine.info
        page.page_number = index + 1
        page.page_count = document.page_count
        page.backend = info.name
        if not page.model_id:
            page.model_id = info.model_id or info.engine
        page.timings.queue_seconds = queued_seconds + (begin - submitted)
        page.timings.total_seconds = time.perf_counter() - begin
        if options.confidence_threshold > 0:
            page.low_confidence_words = sum(
                1 for line in page.lines for w in line.words if w.confidence < options.confidence_threshold
            )
        return page

    # ------------------------------------------------------------ model control

    async def Describe(self, request: pb.DescribeRequest, context: grpc.aio.ServicerContext) -> pb.DescribeResponse:
        return self.engine.info.to_proto()

    def _status(self) -> pb.ModelStatus:
        ram, vram = self.metrics.sample_memory(self.engine.vram_bytes())
        return pb.ModelStatus(
            state=self.lifecycle.state,
            ram_bytes=ram,
            vram_bytes=vram,
            peak_ram_bytes=self.metrics.peak_ram,
            peak_vram_bytes=self.metrics.peak_vram,
            queue_depth=self.admission.waiting,
            in_flight=self.admission.in_flight,
            pages_served=self.metrics.pages_served,
            documents_served=self.metrics.documents_served,
            latency=self.metrics.latency.to_proto(),
            load_seconds=self.lifecycle.load_seconds,
            error=self.lifecycle.error,
        )

    async def Load(self, request: pb.LoadRequest, context: grpc.aio.ServicerContext) -> pb.LoadResponse:
        try:
            await self.lifecycle.load()
        except ModelUnavailableError as exc:
            await abort(context, exc)
        return pb.LoadResponse(status=self._status())

    async def Unload(self, request: pb.UnloadRequest, context: grpc.aio.ServicerContext) -> pb.UnloadResponse:
        await self.lifecycle.unload()
        return pb.UnloadResponse(status=self._status())

    async def GetCaller(
        self, request: pb.GetCallerRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetCallerResponse:
        return caller_response()

    async def AdmitPreview(
        self, request: pb.AdmitPreviewRequest, context: grpc.aio.ServicerContext
    ) -> pb.AdmitPreviewResponse:
        return pb.AdmitPreviewResponse()  # the auth interceptor checked the scope and counted the rate

    async def Status(self, request: pb.StatusRequest, context: grpc.aio.ServicerContext) -> pb.StatusResponse:
        return pb.StatusResponse(status=self._status(), name=self.engine.info.name)
