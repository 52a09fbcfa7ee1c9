"""OcrService as the router serves it: analyse, plan, dispatch, assemble.

Flow of one Process call: admission (bounded queue) -> one thread hop: open
and check the document (INVALID_ARGUMENT for anything unreadable, before any
backend sees it), then either
- a PDF whose pages all use fonts and whose presumed plan is one text-layer
  run (`presumption.py`): that run goes out at once, the backend's reading
  confirms each page, and pages it declines are analysed and planned then; or
- the analysis the rules need (lazy: figures no rule asks for are skipped)
  and the plan (rules, health);
-> runs on backends with fallback, pages streamed in page order -> the final
DocumentResult plus the routing explanation: the one from the backend call
that delivered every page of a one-run plan (its fields extracted there), or
else assembled here over all pages with the scaffold's `assemble_document`.
Pages whose layout the analysis skipped take the layout their backend
reported (pdftext measures every page), so the document's layout complexity
is the most complex of the measured and the reported pages'.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import grpc
import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1 import ocr_pb2_grpc as pb_grpc
from router_service.analysis import DocumentAnalysis, SupplierLookup, find_einvoice
from router_service.priors import PriorsStore
from router_service.vram import DeviceGroups
from router_service.dispatch import Dispatch, Dispatcher, DispatchState
from router_service.endpoints import Mesh
from router_service.metrics import RouterMetrics
from router_service.planner import BackendView, Plan, Planning, decide, pages_label
from router_service.presumption import Presumption, combine, confirm, presume
from router_service.rules import RulesStore
from router_service.settings import RouterSettings
from services.intake.document import LoadedDocument, open_document
from services.intake.sniff import DocumentType
from services.intake.errors import IntakeError
from services.intake.layout import LAYOUT_TO_PROTO
from services.invoice.pipeline import build_invoice_fields
from services.scaffold.admission import Admission, QueueFullError
from services.scaffold.assemble import DocumentSummary, assemble_document
from services.scaffold.options import OptionsError, page_indices, resolve_options
from services.scaffold.errors import StatusError

log = structlog.get_logger("ocrmesh.router")

ROUTER_NAME = "router"


@dataclass
class _Opened:
    """The checked document's facts, and either its analysis and plan or the presumption about it."""

    document_id: str
    mime_type: str
    analysis: DocumentAnalysis | None = None
    plan: Plan | None = None
    presumption: Presumption | None = None


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

    def planning(self, request: pb.ProcessRequest) -> Planning:
        """The rules in force and the backends' health as of now (read on the event loop)."""
        return Planning(
            rules=self.rules.current(),
            backends=self.backend_views(),
            explicit=request.backend,
            allow_fallback=request.allow_fallback,
            priors=self.priors,
        )

    async def analyse_and_plan(self, request: pb.ProcessRequest) -> tuple[DocumentAnalysis, Plan, str, str]:
        """Open, analyse and plan every requested page (no presumption, no backend call): the hook
        for measuring what the analysis costs."""
        planning = self.planning(request)

        def open_and_decide() -> tuple[DocumentAnalysis, Plan, str, str]:
            with open_document(request.document.content, self.limits) as document:
                indices = page_indices(request.options, document.page_count)
                analysis, plan = self._decide(document, indices, planning)
                return analysis, plan, document.sha256, document.kind.value

        return await asyncio.get_running_loop().run_in_executor(None, open_and_decide)

    def _open(self, request: pb.ProcessRequest, planning: Planning) -> _Opened:
        """Check and open the document; presume its plan, or analyse and plan it (blocking)."""
        with open_document(request.document.content, self.limits) as document:
            opened = _Opened(document_id=document.sha256, mime_type=document.kind.value)
            indices = page_indices(request.options, document.page_count)
            opened.presumption = presume(document, indices, planning)
            if opened.presumption is None:
                opened.analysis, opened.plan = self._decide(document, indices, planning)
        return opened

    def _plan_pages(
        self, request: pb.ProcessRequest, numbers: list[int], read: list[pb.PageResult], planning: Planning
    ) -> tuple[DocumentAnalysis, Plan]:
        """Analyse and plan pages `numbers` (1-based, consecutive): those a text-layer backend declined
        after reading the request's pages `read` (they count for the batch flag and the supplier)."""
        with open_document(request.document.content, self.limits) as document:
            return self._decide(
                document,
                range(numbers[0] - 1, numbers[-1]),
                planning,
                requested_pages=len(numbers) + len(read),
                other_texts=[page.text for page in read],
            )

    def _decide(
        self,
        document: LoadedDocument,
        indices: range,
        planning: Planning,
        *,
        requested_pages: int | None = None,
        other_texts: Sequence[str] = (),
    ) -> tuple[DocumentAnalysis, Plan]:
        analysis, plan = decide(
            document,
            indices,
            planning,
            suppliers=self.suppliers,
            requested_pages=requested_pages,
            other_texts=other_texts,
        )
        analysis.warnings.extend(document.warnings)
        return analysis, plan

    def _log_routed(self, analysis: DocumentAnalysis, plan: Plan, *, presumed: bool = False) -> None:
        log.info(
            "routed",
            rule=plan.rule,
            runs=[f"{run.label} -> {run.chain[0]}" for run in plan.runs],
            analysis_seconds=round(analysis.seconds, 4),
            presumed_born_digital=presumed,
        )

    async def _stream(
        self, dispatch: Dispatch, pages: list[pb.PageResult], *, stop_at_failure: bool = False
    ) -> AsyncIterator[pb.ProcessResponse]:
        """The dispatch's pages (collected in `pages`) and progress, as responses to the client."""
        previous = time.perf_counter()
        async for event in dispatch.pages(stop_at_failure=stop_at_failure):
            if isinstance(event, pb.PageProgress):
                yield pb.ProcessResponse(progress=event)
                continue
            now = time.perf_counter()
            self.metrics.observe_page(now - previous)
            previous = now
            pages.append(event)
            yield pb.ProcessResponse(page=event)

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
        loop = asyncio.get_running_loop()
        planning = self.planning(request)
        opened = await loop.run_in_executor(None, self._open, request, planning)
        document_id, mime_type = opened.document_id, opened.mime_type
        state = DispatchState()
        pages: list[pb.PageResult] = []
        if opened.presumption is None:
            assert opened.analysis is not None and opened.plan is not None
            analysis, plan = opened.analysis, opened.plan
            self._log_routed(analysis, plan)
            dispatch = self.dispatcher.start(
                request, plan, state, context.time_remaining, whole_document=len(plan.runs) == 1
            )
            async for response in self._stream(dispatch, pages):
                yield response
        else:
            presumption = opened.presumption
            self._log_routed(presumption.analysis, presumption.plan, presumed=True)
            dispatch = self.dispatcher.start(
                request, presumption.plan, state, context.time_remaining, whole_document=True
            )
            async for response in self._stream(dispatch, pages, stop_at_failure=True):
                yield response
            confirmed = confirm(presumption, pages, planning)
            if not dispatch.undelivered:
                assert confirmed is not None
                analysis, plan = confirmed
                self.metrics.presumptions.labels("confirmed").inc()
            else:  # the text-layer backend declined (or failed) a page: analyse and plan from there on
                self.metrics.presumptions.labels("declined").inc()
                assert dispatch.failure is not None
                undelivered = dispatch.undelivered
                state.notes.append(
                    f"page {undelivered[0]} not read as born digital ({dispatch.failure.code.name}): "
                    f"{pages_label(undelivered)} analysed and planned then"
                )
                rest = await loop.run_in_executor(
                    None, self._plan_pages, request, undelivered, list(pages), planning
                )
                self._log_routed(*rest)
                rest_dispatch = self.dispatcher.start(
                    request, rest[1], state, context.time_remaining, whole_document=False
                )
                async for response in self._stream(rest_dispatch, pages):
                    yield response
                analysis, plan = combine(confirmed, rest)
        overhead = dispatch.started - started  # until the first backend call went out
        self.metrics.analysis_seconds.observe(analysis.seconds)
        self.metrics.decisions.labels(plan.rule).inc()
        assembly_started = time.perf_counter()
        # Skipped layouts from the backends' results (the analysis is released; it only takes values).
        notes = [
            f"layout of page{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))} as {backend} measured it"
            for backend, numbers in analysis.adopt_reported_layouts(pages).items()
        ]
        result = whole_document(state, analysis, resolved.extract_fields)
        if result is not None:  # one backend call made the whole document: no second field extraction
            notes.append(f"fields extracted by {state.whole_document_backend}, which read every page in one call")
        else:
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
            result = await asyncio.get_running_loop().run_in_executor(
                None, assemble_document, pages, summary, build_invoice_fields
            )
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


def whole_document(state: DispatchState, analysis: DocumentAnalysis, extract_fields: bool) -> pb.DocumentResult | None:
    """The backend's own DocumentResult when one call of it delivered every page, adjusted by the analysis.

    That call assembled the same pages with the same `assemble_document` (fields included, as the
    request asked), so the router keeps its result rather than extracting the fields again. Not when
    the document has an e-invoice attachment the backend did not read (an OCR engine): then the
    router assembles, with the XML. Adds the analysis's warnings and, when the router measured it,
    its layout complexity.
    """
    document = state.whole_document
    if document is None or (analysis.has_einvoice and not document.HasField("einvoice")):
        return None
    if extract_fields != document.HasField("fields"):
        return None  # a backend that ignored the option: assemble here, as asked
    for warning in [*analysis.warnings, *state.warnings]:
        if warning not in document.warnings:
            document.warnings.append(warning)
    if analysis.layout != "unknown":
        document.metadata.layout_complexity = LAYOUT_TO_PROTO[analysis.layout]
    return document
