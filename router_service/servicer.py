"""OcrService as the router serves it: analyse, plan, dispatch, assemble.

Flow of one Process call: admission (bounded queue) -> one thread hop: open
and check the document (INVALID_ARGUMENT for anything unreadable, before any
backend sees it), the analysis the rules need (lazy: figures no rule asks for
are skipped), plan (rules, health) -> runs on backends with fallback, pages
streamed in page order -> the final DocumentResult, assembled here over all
pages with the scaffold's `assemble_document`, plus the routing explanation.
Pages whose layout the analysis skipped take the layout their backend
reported (pdftext measures every page), so the document's layout complexity
is the most complex of the measured and the reported pages'.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator

import grpc
import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1 import ocr_pb2_grpc as pb_grpc
from router_service.analysis import DocumentAnalysis, SupplierLookup, find_einvoice
from router_service.priors import PriorsStore
from router_service.vram import DeviceGroups
from router_service.dispatch import Dispatcher, DispatchState
from router_service.endpoints import Mesh
from router_service.metrics import RouterMetrics
from router_service.planner import BackendView, Plan, decide
from router_service.rules import RulesStore
from router_service.settings import RouterSettings
from services.intake.document import open_document
from services.intake.sniff import DocumentType
from services.intake.errors import IntakeError
from services.intake.layout import LAYOUT_TO_PROTO
from services.scaffold.admission import Admission, QueueFullError
from services.scaffold.assemble import DocumentSummary, assemble_document
from services.scaffold.options import OptionsError, page_indices, resolve_options
from services.scaffold.errors import StatusError

log = structlog.get_logger("ocrmesh.router")

ROUTER_NAME = "router"


class RouterServicer(pb_grpc.OcrServiceServicer):
    def __init__(
        self,
        settings: RouterSettings,
        mesh: Mesh,
        rules: RulesStore,
        metrics: RouterMetrics,
        admission: Admission,
        suppliers: SupplierLookup | None = None,
        priors: PriorsStore | None = None,
    ) -> None:
        self.settings = settings
        self.priors = priors
        self.mesh = mesh
        self.rules = rules
        self.metrics = metrics
        self.admission = admission
        self.suppliers = suppliers
        self.limits = settings.intake_limits()
        self.dispatcher = Dispatcher(
            mesh,
            max_parallel_runs=settings.max_parallel_runs,
            default_timeout=settings.default_timeout_seconds,
            observer=metrics.observer(),
            vram=DeviceGroups(mesh, settings.device_groups, settings.default_vram_budget_gb),
        )

    # ------------------------------------------------------------ Process

    async def Process(
        self, request: pb.ProcessRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.ProcessResponse]:
        request_id = request.request_id or uuid.uuid4().hex
        started = time.perf_counter()
        code, message = grpc.StatusCode.OK, ""
        with structlog.contextvars.bound_contextvars(request_id=request_id):
            log.info(
                "process_start",
                bytes=len(request.document.content),
                preference=request.backend or "auto",
                allow_fallback=request.allow_fallback,
            )
            try:
                async with self.admission.slot():
                    self._publish_queue()
                    async for event in self._process(request, request_id, started, context):
                        yield event
            except QueueFullError as exc:
                code, message = grpc.StatusCode.RESOURCE_EXHAUSTED, str(exc)
            except (IntakeError, OptionsError) as exc:
                code, message = grpc.StatusCode.INVALID_ARGUMENT, str(exc)
            except StatusError as exc:  # RoutingError, DispatchError
                code, message = exc.code, exc.message
            except asyncio.CancelledError:
                self._finish(grpc.StatusCode.CANCELLED, started)
                raise
            except Exception as exc:  # a router bug must not take the server down
                log.exception("process_failed")
                code, message = (
                    grpc.StatusCode.INTERNAL,
                    f"internal error in the router: {type(exc).__name__}",
                )
            finally:
                self._publish_queue()
            self._finish(code, started, message)
            if code is not grpc.StatusCode.OK:
                await context.abort(code, message)

    def _finish(self, code: grpc.StatusCode, started: float, message: str = "") -> None:
        seconds = time.perf_counter() - started
        self.metrics.observe_request(code.name, seconds)
        if code is grpc.StatusCode.OK:
            log.info("process_end", code=code.name, seconds=round(seconds, 4))
        else:
            log.info("process_end", code=code.name, seconds=round(seconds, 4), error=message)

    def _publish_queue(self) -> None:
        self.metrics.in_flight.labels(ROUTER_NAME).set(self.admission.in_flight)
        self.metrics.queue_depth.labels(ROUTER_NAME).set(self.admission.waiting)

    def backend_views(self) -> dict[str, BackendView]:
        return {
            name: BackendView(available=b.available, text_layer_only=b.text_layer_only, gpu=b.gpu)
            for name, b in self.mesh.backends.items()
        }

    async def analyse_and_plan(self, request: pb.ProcessRequest) -> tuple[DocumentAnalysis, Plan, str, str]:
        """Open, analyse and plan (no backend call); also the hook for measuring router overhead."""
        rules = self.rules.current()
        views = self.backend_views()  # health as of now, read on the event loop

        def open_and_decide() -> tuple[DocumentAnalysis, Plan, str, str]:  # one thread hop for all of it
            with open_document(request.document.content, self.limits) as document:
                analysis, plan = decide(
                    document,
                    page_indices(request.options, document.page_count),
                    rules,
                    views,
                    suppliers=self.suppliers,
                    explicit=request.backend,
                    allow_fallback=request.allow_fallback,
                    priors=self.priors,
                )
                analysis.warnings.extend(document.warnings)
                return analysis, plan, document.sha256, document.kind.value

        analysis, plan, sha256, kind = await asyncio.get_running_loop().run_in_executor(None, open_and_decide)
        self.metrics.analysis_seconds.observe(analysis.seconds)
        return analysis, plan, sha256, kind

    async def _process(
        self,
        request: pb.ProcessRequest,
        request_id: str,
        started: float,
        context: grpc.aio.ServicerContext,
    ) -> AsyncIterator[pb.ProcessResponse]:
        resolved = resolve_options(request.options, self.settings.default_dpi)
        if request.request_id != request_id:
            request = pb.ProcessRequest(
                document=request.document,
                backend=request.backend,
                request_id=request_id,
                options=request.options,
                allow_fallback=request.allow_fallback,
            )
        analysis, plan, document_id, mime_type = await self.analyse_and_plan(request)
        overhead = time.perf_counter() - started
        self.metrics.decisions.labels(plan.rule).inc()
        log.info(
            "routed",
            rule=plan.rule,
            runs=[f"{run.label} -> {run.chain[0]}" for run in plan.runs],
            analysis_seconds=round(analysis.seconds, 4),
        )
        state = DispatchState()
        pages: list[pb.PageResult] = []
        previous = time.perf_counter()
        async for page in self.dispatcher.pages(request, plan, state, context.time_remaining):
            if isinstance(page, pb.PageProgress):
                yield pb.ProcessResponse(progress=page)
                continue
            now = time.perf_counter()
            self.metrics.observe_page(now - previous)
            previous = now
            pages.append(page)
            yield pb.ProcessResponse(page=page)
        assembly_started = time.perf_counter()
        # Skipped layouts from the backends' results (the analysis is released; it only takes values).
        notes = [
            f"layout of page{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))} as {backend} measured it"
            for backend, numbers in analysis.adopt_reported_layouts(pages).items()
        ]
        einvoice = analysis.einvoice or state.einvoice
        if einvoice is None and analysis.has_einvoice and analysis.kind is DocumentType.PDF:
            # No backend returned the attached XML (e.g. every page went to OCR): read it here.
            einvoice = await asyncio.get_running_loop().run_in_executor(
                None, find_einvoice, request.document.content
            )
        summary = DocumentSummary(
            document_id=document_id,
            page_count=analysis.page_count,
            mime_type=mime_type,
            request_id=request_id,
            language=resolved.language,
            processing_seconds=time.perf_counter() - started,
            extract_fields=resolved.extract_fields,
            einvoice=einvoice,
            warnings=[*analysis.warnings, *state.warnings],
            layout_complexity=LAYOUT_TO_PROTO[analysis.layout],
        )
        result = await asyncio.get_running_loop().run_in_executor(None, assemble_document, pages, summary)
        attempts = state.ordered_attempts()
        if not pages:  # an XML document: the backend that read it
            result.metadata.backends.extend(a.backend for a in attempts if a.status == "OK")
        result.routing.CopyFrom(
            pb.Routing(
                pages=[p.to_proto() for p in analysis.pages],
                has_einvoice=analysis.has_einvoice,
                supplier_id=analysis.supplier_id,
                rule=plan.rule,
                reason="; ".join([plan.reason, *notes, *state.notes]),
                attempts=attempts,
                analysis_seconds=analysis.seconds,
            )
        )
        result.metadata.processing_seconds = time.perf_counter() - started
        self.metrics.overhead_seconds.observe(overhead + time.perf_counter() - assembly_started)
        yield pb.ProcessResponse(document=result)

    # ------------------------------------------------------------ model control

    async def Describe(
        self, request: pb.DescribeRequest, context: grpc.aio.ServicerContext
    ) -> pb.DescribeResponse:
        return pb.DescribeResponse(
            name=ROUTER_NAME,
            engine="ocrmesh-router",
            model_id="rules:" + ",".join(r.name for r in self.rules.rules.rules),
            device="",
            languages=["de", "en"],
            capabilities=pb.Capabilities(
                tables=True,
                layout=True,
                fields=True,
                max_pages=self.settings.max_pages,
                gpu=any(r.gpu for r in self.mesh.replicas()),
            ),
        )

    def aggregate_status(self) -> pb.ModelStatus:
        ram, _ = self.metrics.sample_memory(0)
        serving = [r for r in self.mesh.replicas() if r.serving]
        return pb.ModelStatus(
            state=pb.MODEL_STATE_READY if serving else pb.MODEL_STATE_UNLOADED,
            ram_bytes=ram,
            peak_ram_bytes=self.metrics.peak_ram,
            queue_depth=self.admission.waiting,
            in_flight=self.admission.in_flight,
            pages_served=self.metrics.pages_served,
            documents_served=self.metrics.documents_served,
            latency=self.metrics.latency.to_proto(),
            error="" if serving else "no backend is serving",
        )

    async def Status(self, request: pb.StatusRequest, context: grpc.aio.ServicerContext) -> pb.StatusResponse:
        return pb.StatusResponse(
            status=self.aggregate_status(),
            name=ROUTER_NAME,
            backends=[replica.to_proto() for replica in self.mesh.replicas()],
        )

    async def Load(self, request: pb.LoadRequest, context: grpc.aio.ServicerContext) -> pb.LoadResponse:
        # Model control across the mesh (VRAM coordination) is not the router's job yet.
        return pb.LoadResponse(status=self.aggregate_status())

    async def Unload(self, request: pb.UnloadRequest, context: grpc.aio.ServicerContext) -> pb.UnloadResponse:
        return pb.UnloadResponse(status=self.aggregate_status())
