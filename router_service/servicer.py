"""OcrService as the router serves it: admission, one `ProcessCall` per request, model control.

`Process` admits the request (bounded queue, RESOURCE_EXHAUSTED beyond it),
lets a `ProcessCall` (`process_call.py`) carry it through open, dispatch,
confirm and finish, and maps what fails to one gRPC status. `Describe` and
`Status` report the mesh as the router sees it.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Sequence

import grpc
import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1 import ocr_pb2_grpc as pb_grpc
from router_service.analysis import DocumentAnalysis, SupplierLookup
from router_service.dispatch import Dispatcher
from router_service.endpoints import Mesh
from router_service.metrics import RouterMetrics
from router_service.planner import BackendView, Plan, RoutingRequest, decide
from router_service.priors import PriorsStore
from router_service.process_call import ProcessCall
from router_service.rules import RulesStore
from router_service.settings import RouterSettings
from router_service.vram import DeviceGroups
from services.auth.caller import caller_response
from services.intake.cancel import run_blocking
from services.intake.document import LoadedDocument, open_document
from services.scaffold.admission import Admission
from services.scaffold.options import page_indices
from services.scaffold.status import status_of

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
                    call = ProcessCall(self, request, request_id, started, context.time_remaining)
                    async for event in call.run():
                        yield event
            except asyncio.CancelledError:
                self._record_end(grpc.StatusCode.CANCELLED, started)
                raise
            except Exception as exc:  # every failure becomes a status; a router bug must not take the server down
                status = status_of(exc, where="the router")
                if status.internal:
                    log.exception("process_failed")
                code, message = status.code, status.message
            finally:
                self._publish_queue()
            self._record_end(code, started, message)
            if code is not grpc.StatusCode.OK:
                await context.abort(code, message)

    def _record_end(self, code: grpc.StatusCode, started: float, message: str = "") -> None:
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

    def routing_request(self, request: pb.ProcessRequest) -> RoutingRequest:
        """The rules in force and the backends' health as of now (read on the event loop), with the
        client's preference."""
        return RoutingRequest(
            rules=self.rules.current(),
            backends=self.backend_views(),
            explicit=request.backend,
            allow_fallback=request.allow_fallback,
            priors=self.priors,
        )

    async def analyse_and_plan(self, request: pb.ProcessRequest) -> tuple[DocumentAnalysis, Plan, str, str]:
        """Open, analyse and plan every requested page (no presumption, no backend call): the hook
        for measuring what the analysis costs."""
        routing = self.routing_request(request)

        def open_and_decide() -> tuple[DocumentAnalysis, Plan, str, str]:
            with open_document(request.document.content, self.limits) as document:
                indices = page_indices(request.options, document.page_count)
                analysis, plan = self.decide(document, indices, routing)
                return analysis, plan, document.sha256, document.kind.value

        return await run_blocking(open_and_decide)

    def decide(
        self,
        document: LoadedDocument,
        indices: range,
        routing: RoutingRequest,
        *,
        requested_pages: int | None = None,
        other_texts: Sequence[str] = (),
    ) -> tuple[DocumentAnalysis, Plan]:
        """Analyse and plan pages `indices` of the open `document` (blocking: `planner.decide`)."""
        analysis, plan = decide(
            document,
            indices,
            routing,
            suppliers=self.suppliers,
            requested_pages=requested_pages,
            other_texts=other_texts,
        )
        analysis.warnings.extend(document.warnings)
        return analysis, plan

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

    async def GetCaller(
        self, request: pb.GetCallerRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetCallerResponse:
        return caller_response()

    async def AdmitPreview(
        self, request: pb.AdmitPreviewRequest, context: grpc.aio.ServicerContext
    ) -> pb.AdmitPreviewResponse:
        return pb.AdmitPreviewResponse()  # the auth interceptor checked the scope and counted the rate
