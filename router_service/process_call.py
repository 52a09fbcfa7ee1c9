"""One Process call through the router, one object: open, dispatch, confirm, finish.

`ProcessCall.run` reads as the request's life:

1. `open`: one thread hop opens and checks the document (INVALID_ARGUMENT for anything
   unreadable, before any backend sees it), then either presumes its plan (a PDF whose
   pages all use fonts and whose presumed plan is one text-layer run, `presumption.py`)
   or `decide`s it: the analysis the rules need (lazy: figures no rule asks for are
   skipped) and the plan (rules, backend health, `planner.py`).
2. `dispatch`: the plan's runs go to backends with fallback (`dispatch.py`); pages
   stream to the client in page order.
3. `confirm` (a presumed plan only): the text-layer backend's reading confirms each
   page; pages it declined are analysed, planned and dispatched then.
4. `finish`: the final DocumentResult plus the routing explanation: the one from the
   backend call that delivered every page of a one-run plan (its fields extracted
   there), or else assembled here over all pages with the scaffold's
   `assemble_document`. Pages whose layout the analysis skipped take the layout
   their backend reported (pdftext measures every page), so the document's layout
   complexity is the most complex of the measured and the reported pages'.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from router_service.analysis import DocumentAnalysis, find_einvoice
from router_service.dispatch import Dispatch, DispatchState
from router_service.planner import Plan, pages_label
from router_service.presumption import Presumption, combine, confirm, presume
from services.intake.cancel import run_blocking
from services.intake.document import open_document
from services.intake.layout import LAYOUT_TO_PROTO
from services.intake.sniff import DocumentType
from services.invoice.pipeline import build_invoice, has_template
from services.scaffold.assemble import DocumentSummary, assemble_document
from services.scaffold.options import page_indices, resolve_options

if TYPE_CHECKING:
    from router_service.servicer import RouterServicer
    from services.invoice.suppliers import SupplierRegistry

log = structlog.get_logger("ocrmesh.router")


class ProcessCall:
    """One request's state through its phases: the document's facts, its analysis and plan (or the
    presumption about it), what the dispatches found, and the pages delivered so far."""

    def __init__(
        self,
        router: RouterServicer,
        request: pb.ProcessRequest,
        request_id: str,
        started: float,
        time_remaining: Callable[[], float | None],
    ) -> None:
        self.router = router
        self.options = resolve_options(request.options, router.settings.default_dpi)
        if request.request_id != request_id:
            request = pb.ProcessRequest(
                document=request.document,
                backend=request.backend,
                request_id=request_id,
                options=request.options,
                allow_fallback=request.allow_fallback,
            )
        self.request = request
        self.request_id = request_id
        self.started = started
        self.time_remaining = time_remaining
        self.routing = router.routing_request(request)
        self.state = DispatchState()
        self.pages: list[pb.PageResult] = []
        self.document_id = self.mime_type = ""
        self.presumption: Presumption | None = None
        self.analysis: DocumentAnalysis | None = None
        self.plan: Plan | None = None
        self.dispatched: Dispatch | None = None  # the latest dispatch
        self.first_call_at = 0.0  # when the first backend call went out

    async def run(self) -> AsyncIterator[pb.ProcessResponse]:
        await self.open()
        if self.presumption is None:
            assert self.analysis is not None and self.plan is not None
            async for response in self.dispatch(
                self.analysis, self.plan, whole_document=len(self.plan.runs) == 1
            ):
                yield response
        else:
            presumed = self.presumption
            async for response in self.dispatch(
                presumed.analysis, presumed.plan, whole_document=True, stop_at_failure=True, presumed=True
            ):
                yield response
            async for response in self.confirm():
                yield response
        yield pb.ProcessResponse(document=await self.finish())

    # ------------------------------------------------------------ phases

    async def open(self) -> None:
        """Check and open the document; presume its plan, or analyse and plan it (on a thread)."""
        await run_blocking(self._open)

    def _open(self) -> None:
        with open_document(self.request.document.content, self.router.limits) as document:
            self.document_id, self.mime_type = document.sha256, document.kind.value
            indices = page_indices(self.request.options, document.page_count)
            self.presumption = presume(document, indices, self.routing)
            if self.presumption is None:
                self.analysis, self.plan = self.router.decide(document, indices, self.routing)

    async def dispatch(
        self,
        analysis: DocumentAnalysis,
        plan: Plan,
        *,
        whole_document: bool,
        stop_at_failure: bool = False,
        presumed: bool = False,
    ) -> AsyncIterator[pb.ProcessResponse]:
        """Send `plan`'s runs to their backends; stream their pages (kept in `pages`) and progress."""
        _log_routed(analysis, plan, presumed=presumed)
        dispatch = self.router.dispatcher.start(
            self.request, plan, self.state, self.time_remaining, whole_document=whole_document
        )
        self.dispatched = dispatch
        self.first_call_at = self.first_call_at or dispatch.started
        previous = time.perf_counter()
        async for event in dispatch.pages(stop_at_failure=stop_at_failure):
            if isinstance(event, pb.PageProgress):
                yield pb.ProcessResponse(progress=event)
                continue
            now = time.perf_counter()
            self.router.metrics.observe_page(now - previous)
            previous = now
            self.pages.append(event)
            yield pb.ProcessResponse(page=event)

    async def confirm(self) -> AsyncIterator[pb.ProcessResponse]:
        """After a presumed dispatch: its pages confirm the presumption; pages the text-layer backend
        declined (or failed) are analysed, planned and dispatched from there on."""
        assert self.presumption is not None and self.dispatched is not None
        metrics, presumed = self.router.metrics, self.dispatched
        confirmed = confirm(self.presumption, self.pages, self.routing)
        if not presumed.undelivered:
            assert confirmed is not None
            self.analysis, self.plan = confirmed
            metrics.presumptions.labels("confirmed").inc()
            return
        metrics.presumptions.labels("declined").inc()
        assert presumed.failure is not None
        undelivered = presumed.undelivered
        self.state.notes.append(
            f"page {undelivered[0]} not read as born digital ({presumed.failure.code.name}): "
            f"{pages_label(undelivered)} analysed and planned then"
        )
        rest = await run_blocking(self._decide_rest, undelivered)
        async for response in self.dispatch(*rest, whole_document=False):
            yield response
        self.analysis, self.plan = combine(confirmed, rest)

    def _decide_rest(self, numbers: list[int]) -> tuple[DocumentAnalysis, Plan]:
        """Analyse and plan pages `numbers` (1-based, consecutive) after the text-layer backend read the
        pages before them (those count for the batch flag and the supplier)."""
        read = list(self.pages)
        with open_document(self.request.document.content, self.router.limits) as document:
            return self.router.decide(
                document,
                range(numbers[0] - 1, numbers[-1]),
                self.routing,
                requested_pages=len(numbers) + len(read),
                other_texts=[page.text for page in read],
            )

    async def finish(self) -> pb.DocumentResult:
        """The document: the whole-document backend call's, or assembled here; with the routing."""
        analysis, plan, metrics = self.analysis, self.plan, self.router.metrics
        assert analysis is not None and plan is not None
        metrics.analysis_seconds.observe(analysis.seconds)
        metrics.decisions.labels(plan.rule).inc()
        assembly_started = time.perf_counter()
        # Skipped layouts from the backends' results (the analysis is released; it only takes values).
        notes = [
            f"layout of page{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))} as {backend} measured it"
            for backend, numbers in analysis.adopt_reported_layouts(self.pages).items()
        ]
        result = whole_document(self.state, analysis, self.options.extract_fields)
        if result is not None and await self._template_applies():
            result = None  # a learned supplier template guides the fields: extract them here, with it
        if result is not None:  # one backend call made the whole document: no second field extraction
            notes.append(
                f"fields extracted by {self.state.whole_document_backend}, which read every page in one call"
            )
        else:
            result = await self._assemble(analysis)
        self._explain(result, analysis, plan, notes)
        result.metadata.processing_seconds = time.perf_counter() - self.started
        metrics.overhead_seconds.observe(
            self.first_call_at - self.started + time.perf_counter() - assembly_started
        )
        return result

    def _suppliers(self) -> SupplierRegistry | None:
        return self.router.suppliers.registry if self.router.suppliers is not None else None

    async def _template_applies(self) -> bool:
        """Whether the pages' supplier has a learned template (then the fields are extracted here, with it)."""
        suppliers = self._suppliers()
        if not self.options.extract_fields or suppliers is None:
            return False
        return await asyncio.get_running_loop().run_in_executor(None, has_template, suppliers, self.pages)

    async def _assemble(self, analysis: DocumentAnalysis) -> pb.DocumentResult:
        loop = asyncio.get_running_loop()
        einvoice = analysis.einvoice or self.state.einvoice
        einvoice_warnings: list[str] = []
        if einvoice is None and analysis.has_einvoice and analysis.kind is DocumentType.PDF:
            # No backend returned the attached XML (e.g. every page went to OCR): read it here.
            einvoice, einvoice_warnings = await loop.run_in_executor(
                None, find_einvoice, self.request.document.content
            )
        summary = DocumentSummary(
            document_id=self.document_id,
            page_count=analysis.page_count,
            mime_type=self.mime_type,
            request_id=self.request_id,
            language=self.options.language,
            processing_seconds=time.perf_counter() - self.started,
            extract_fields=self.options.extract_fields,
            einvoice=einvoice,
            warnings=list(dict.fromkeys([*analysis.warnings, *self.state.warnings, *einvoice_warnings])),
            layout_complexity=LAYOUT_TO_PROTO[analysis.layout],
            suppliers=self._suppliers(),
        )
        return await loop.run_in_executor(None, assemble_document, self.pages, summary, build_invoice)

    def _explain(
        self, result: pb.DocumentResult, analysis: DocumentAnalysis, plan: Plan, notes: list[str]
    ) -> None:
        """The routing explanation: page figures, rule, reason, every backend attempt."""
        attempts = self.state.ordered_attempts()
        if not self.pages:  # an XML document: the backend that read it
            result.metadata.backends.extend(a.backend for a in attempts if a.status == "OK")
        result.routing.CopyFrom(
            pb.Routing(
                pages=[p.to_proto() for p in analysis.pages],
                has_einvoice=analysis.has_einvoice,
                supplier_id=analysis.supplier_id,
                rule=plan.rule,
                reason="; ".join([plan.reason, *notes, *self.state.notes]),
                attempts=attempts,
                analysis_seconds=analysis.seconds,
            )
        )


def _log_routed(analysis: DocumentAnalysis, plan: Plan, *, presumed: bool = False) -> None:
    log.info(
        "routed",
        rule=plan.rule,
        runs=[f"{run.label} -> {run.chain[0]}" for run in plan.runs],
        analysis_seconds=round(analysis.seconds, 4),
        presumed_born_digital=presumed,
    )


def whole_document(
    state: DispatchState, analysis: DocumentAnalysis, extract_fields: bool
) -> pb.DocumentResult | None:
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
