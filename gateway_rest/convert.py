"""The one place where pb messages meet the REST models.

pb -> models for results and status, models -> pb for the request options.
Nothing is re-derived: every value is the upstream's, only reshaped (enum
numbers to names, decimal strings to exact numbers, empty to absent).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper
from google.protobuf.timestamp_pb2 import Timestamp
from pydantic import ValidationError

from gateway_rest import models as m
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import ocr_pb2 as pb

_PREPROCESSING = {
    "none": pb.PREPROCESSING_NONE,
    "auto": pb.PREPROCESSING_UNSPECIFIED,
    "full": pb.PREPROCESSING_FULL,
}


def _enum_name(enum: EnumTypeWrapper, value: int, prefix: str) -> str:
    try:
        return enum.Name(value).removeprefix(prefix).lower()
    except ValueError:  # a value newer than our stubs
        return "unspecified"


def _conf(value: float) -> float:
    """float32 confidences without the float32 noise (0.93 instead of 0.9300000071525879)."""
    return round(float(value), 4)


def _or_none(value: str) -> str | None:
    return value or None


# ---------------------------------------------------------------- request


def to_pb_options(options: m.ProcessOptions) -> pb.ProcessOptions:
    message = pb.ProcessOptions(
        language=options.language or "",
        preprocessing=_PREPROCESSING[options.preprocessing],
        confidence_threshold=options.confidence_threshold,
        first_page=options.first_page,
        last_page=options.last_page,
        dpi=options.dpi,
    )
    if options.extract_fields is not None:
        message.extract_fields = options.extract_fields
    if options.correct_spelling is not None:
        message.correct_spelling = options.correct_spelling
    return message


# ---------------------------------------------------------------- result


def _box(box: pb.BoundingBox) -> m.BoundingBox:
    return m.BoundingBox(x0=box.x0, y0=box.y0, x1=box.x1, y1=box.y1)


def _page(page: pb.PageResult) -> m.Page:
    t = page.timings
    return m.Page(
        page_number=page.page_number,
        text=page.text,
        confidence=_conf(page.confidence),
        backend=page.backend,
        model_id=_or_none(page.model_id),
        kind=_enum_name(pb.PageKind, page.kind, "PAGE_KIND_"),  # type: ignore[arg-type]
        timings=m.Timings(
            queue_seconds=t.queue_seconds,
            preprocess_seconds=t.preprocess_seconds,
            recognition_seconds=t.recognition_seconds,
            total_seconds=t.total_seconds,
        ),
        low_confidence_words=page.low_confidence_words,
        layout_complexity=_layout(page.layout_complexity),  # type: ignore[arg-type]
        quality=_quality(page.quality) if page.HasField("quality") else None,
        markdown=page.markdown or None,
        blocks=[_block(b) for b in page.blocks],
    )


def _block(block: pb.Block) -> m.Block:
    return m.Block(
        kind=_enum_name(pb.BlockKind, block.kind, "BLOCK_KIND_"),  # type: ignore[arg-type]
        level=block.level or None,
        text=block.text,
        box=_box(block.box) if block.HasField("box") else None,
    )


def _quality(q: pb.PageQuality) -> m.PageQuality:
    return m.PageQuality(
        rotation_degrees=q.rotation_degrees,
        orientation_method=q.orientation_method,
        orientation_confidence=round(q.orientation_confidence, 3),
        skew_degrees=round(q.skew_degrees, 2),
        estimated_dpi=round(q.estimated_dpi, 1),
        capture=_enum_name(pb.CaptureKind, q.capture, "CAPTURE_KIND_"),  # type: ignore[arg-type]
        exif_orientation=q.exif_orientation,
        unreliable=q.unreliable,
        warnings=list(q.warnings),
        language=q.language or None,
    )


def _amount(field: pb.Field) -> Decimal | None:
    if field.name not in m.MONEY_FIELDS:
        return None
    try:
        amount = Decimal(field.value)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def _field(field: pb.Field) -> m.InvoiceField:
    return m.InvoiceField(
        name=field.name,
        value=field.value,
        amount=_amount(field),
        raw=field.raw,
        confidence=_conf(field.confidence),
        page=field.page or None,
        box=_box(field.box) if field.HasField("box") else None,
        source=_enum_name(pb.FieldSource, field.source, "FIELD_SOURCE_"),  # type: ignore[arg-type]
        valid=field.valid if field.HasField("valid") else None,
        issues=list(field.issues),
    )


def _validation(invoice: pb.InvoiceFields) -> m.Validation:
    return m.Validation(
        held=[c.name for c in invoice.checks if c.passed],
        failed=[c.name for c in invoice.checks if not c.passed],
        not_applicable=list(invoice.not_applicable),
        missing=list(invoice.missing),
        reasons=list(invoice.review_reasons),
    )


def structured_fields(invoice: pb.InvoiceFields) -> m.StructuredFields:
    """Field values by name (first occurrence wins), with `needs_review` and `validation`; a value that
    does not parse as its type (date, amount) is left out here and stays visible in `fields`."""
    values: dict[str, object] = {}
    for field in invoice.fields:
        if field.value and field.name not in values and field.name not in ("needs_review", "validation"):
            values[field.name] = field.value.split("\n") if field.name in m.LIST_FIELDS else field.value
    if invoice.line_items:
        values["positionen"] = [_position(item) for item in invoice.line_items]
    reviewed = invoice.needs_review or len(invoice.fields) or len(invoice.checks)
    extra = {"needs_review": invoice.needs_review, "validation": _validation(invoice)} if reviewed else {}
    while True:
        try:
            return m.StructuredFields.model_validate({**values, **extra})
        except ValidationError as exc:
            bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
            if not bad & values.keys():
                raise
            for name in bad:
                values.pop(name, None)


def _position(item: pb.LineItem) -> m.Position:
    def number(text: str) -> float | None:
        return float(text) if text else None

    return m.Position(
        pos=item.position or None,
        artikelnummer=item.article_number or None,
        beschreibung=item.description or None,
        menge=number(item.quantity),
        einheit=item.unit or None,
        einzelpreis=number(item.unit_price),
        gesamtpreis=number(item.amount),
        mwst_satz=number(item.vat_rate),
        page=item.page or None,
    )


def _tax(tax: pb.TaxBreakdown) -> m.TaxBreakdown | None:
    try:
        return m.TaxBreakdown.model_validate({"rate": tax.rate, "base": tax.base, "amount": tax.amount})
    except ValidationError:
        return None


def _layout(value: int) -> str:
    return _enum_name(pb.LayoutComplexity, value, "LAYOUT_COMPLEXITY_")


def _routing(routing: pb.Routing) -> m.Routing:
    return m.Routing(
        rule=routing.rule,
        reason=routing.reason,
        attempts=[
            m.RoutingAttempt(
                backend=a.backend,
                replica=a.replica,
                pages=list(a.pages),
                status=a.status,
                message=_or_none(a.message),
                seconds=a.seconds,
            )
            for a in routing.attempts
        ],
        pages=[
            m.PageFeatures(
                page_number=f.page_number,
                text_coverage=_conf(f.text_coverage),
                text_chars=f.text_chars,
                born_digital=f.born_digital,
                ruling_lines=f.ruling_lines,
                image_dpi=round(f.image_dpi, 1),
                sharpness=round(f.sharpness, 2),
                skew_degrees=round(f.skew_degrees, 2),
                layout_complexity=_layout(f.layout_complexity),  # type: ignore[arg-type]
            )
            for f in routing.pages
        ],
        has_einvoice=routing.has_einvoice,
        supplier_id=_or_none(routing.supplier_id),
        analysis_seconds=routing.analysis_seconds,
    )


def _einvoice(einvoice: pb.EInvoice, include_xml: bool) -> m.EInvoice:
    return m.EInvoice(
        filename=einvoice.filename, syntax=einvoice.syntax, xml=einvoice.xml if include_xml else None
    )


def to_process_result(
    pages: Sequence[pb.PageResult], document: pb.DocumentResult, *, include_xml: bool = False
) -> m.ProcessResult:
    meta = document.metadata
    invoice = document.fields
    has_einvoice = document.HasField("einvoice") and bool(document.einvoice.syntax or document.einvoice.xml)
    return m.ProcessResult(
        document_id=document.document_id,
        backend_used=",".join(meta.backends),
        processing_time=round(meta.processing_seconds, 4),
        text=m.Text(raw=document.text, structured=structured_fields(invoice)),
        confidence=_conf(document.confidence),
        metadata=m.DocumentMetadata(
            pages=meta.page_count,
            pages_processed=meta.pages_processed,
            language=meta.language,
            layout_complexity=_layout(meta.layout_complexity),  # type: ignore[arg-type]
            mime_type=_or_none(meta.mime_type),
            request_id=_or_none(meta.request_id),
        ),
        pages=[_page(p) for p in sorted(pages, key=lambda p: p.page_number)],
        routing=_routing(document.routing) if document.HasField("routing") else None,
        fields=[_field(f) for f in invoice.fields],
        tax=[t for t in (_tax(x) for x in invoice.tax) if t is not None],
        checks=[m.Check(name=c.name, passed=c.passed, message=c.message) for c in invoice.checks],
        supplier_id=_or_none(invoice.supplier_id),
        template_id=_or_none(invoice.template_id),
        template_fields=list(invoice.template_fields),
        einvoice_profile=_or_none(invoice.einvoice_profile),
        warnings=list(document.warnings),
        einvoice=_einvoice(document.einvoice, include_xml) if has_einvoice else None,
        document_type=_document_type(document.document_type) if document.HasField("document_type") else None,
    )


def _document_type(classification: pb.DocumentClassification) -> m.DocumentTypeResult:
    return m.DocumentTypeResult(
        type=classification.type,  # type: ignore[arg-type]
        confidence=_conf(classification.confidence),
        reason=classification.reason,
    )


# ---------------------------------------------------------------- status


def _latency(latency: pb.LatencyStats) -> m.Latency:
    return m.Latency(
        p50_seconds=latency.p50_seconds,
        p95_seconds=latency.p95_seconds,
        p99_seconds=latency.p99_seconds,
        ewma_seconds=latency.ewma_seconds,
        samples=latency.samples,
    )


def backend_health(
    name: str, status: pb.ModelStatus | None, describe: pb.DescribeResponse | None, error: str | None = None
) -> m.BackendHealth:
    """One backend entry from its `Status` (None when the call failed) and `Describe`."""
    if status is None:
        return m.BackendHealth(
            name=name,
            status="unknown",
            loaded=False,
            engine=_or_none(describe.engine) if describe else None,
            device=_or_none(describe.device) if describe else None,
            error=error,
        )
    state = _enum_name(pb.ModelState, status.state, "MODEL_STATE_")
    return m.BackendHealth(
        name=name,
        status=state,  # type: ignore[arg-type]
        loaded=status.state == pb.MODEL_STATE_READY,
        engine=_or_none(describe.engine) if describe else None,
        device=_or_none(describe.device) if describe else None,
        ram_bytes=status.ram_bytes,
        vram_bytes=status.vram_bytes,
        peak_ram_bytes=status.peak_ram_bytes,
        peak_vram_bytes=status.peak_vram_bytes,
        queue_depth=status.queue_depth,
        in_flight=status.in_flight,
        pages_served=status.pages_served,
        documents_served=status.documents_served,
        latency=_latency(status.latency),
        error=_or_none(status.error) or error,
    )


def backends_from_upstream(
    status: pb.StatusResponse | None,
    describe: pb.DescribeResponse | None,
    error: str | None = None,
) -> list[m.BackendHealth]:
    """Backend entries of the upstream.

    The router's `StatusResponse` lists every backend replica it watches; a
    backend reached directly is one entry named by `Describe().name`.
    """
    if status is not None and status.backends:
        entries = []
        for replica in status.backends:
            entry = backend_health(
                replica.name, replica.status if replica.HasField("status") else None, None, None
            )
            if not replica.HasField("status"):
                entry.status = "unknown"
            entry.address = replica.address
            entry.serving = replica.serving
            if not replica.serving:  # its last Status is stale: the router cannot use it now
                entry.status = "not_serving"
                entry.loaded = False
                entry.error = entry.error or "not serving: its health watch is down or NOT_SERVING"
            entry.seconds_per_page = replica.seconds_per_page
            entry.breaker = replica.breaker
            entries.append(entry)
        return entries
    name = (describe.name if describe else "") or (status.name if status else "") or "upstream"
    return [backend_health(name, status.status if status is not None else None, describe, error)]


# ---------------------------------------------------------------- batch jobs


def _when(stamp: Timestamp, present: bool) -> dt.datetime | None:
    return stamp.ToDatetime(tzinfo=dt.UTC) if present else None


def _job_progress(progress: jpb.JobProgress) -> m.JobProgress:
    return m.JobProgress(
        total=progress.total,
        processed=progress.processed,
        failed=progress.failed,
        completed=progress.completed,
        cached=progress.cached,
        cancelled=progress.cancelled,
        pages_done=progress.pages_done,
        pages_total=progress.pages_total,
    )


def document_status_name(status: int) -> str:
    """A batch document's state as REST names it (`queued`, `processing`, `completed`, ...)."""
    return _enum_name(jpb.DocumentStatus, status, "DOCUMENT_STATUS_")


def _job_document(document: jpb.JobDocument) -> m.JobDocument:
    return m.JobDocument(
        index=document.index,
        filename=document.filename,
        document_id=document.document_id,
        status=document_status_name(document.status),  # type: ignore[arg-type]
        page_count=document.page_count,
        pages_done=document.pages_done,
        attempts=document.attempts,
        cached=document.cached,
        error=m.DocumentError(code=document.error.code, message=document.error.message)
        if document.HasField("error") and document.error.code
        else None,
        result=to_process_result(document.pages, document.result) if document.HasField("result") else None,
    )


def to_job_view(job: jpb.Job) -> m.JobView:
    return m.JobView(
        job_id=job.job_id,
        total_documents=job.progress.total,
        status=_enum_name(jpb.JobStatus, job.status, "JOB_STATUS_"),  # type: ignore[arg-type]
        backend=job.backend or "auto",
        progress=_job_progress(job.progress),
        created_at=_when(job.created_at, job.HasField("created_at")),
        finished_at=_when(job.finished_at, job.HasField("finished_at")),
        estimated_completion=_when(job.estimated_completion, job.HasField("estimated_completion")),
        estimated_seconds_remaining=job.estimated_seconds_remaining or None,
        results=[_job_document(d) for d in job.documents],
    )


def to_batch_accepted(response: jpb.SubmitBatchResponse) -> m.BatchAccepted:
    job = response.job
    return m.BatchAccepted(
        job_id=job.job_id,
        total_documents=job.progress.total,
        status=_enum_name(jpb.JobStatus, job.status, "JOB_STATUS_"),  # type: ignore[arg-type]
        created=response.created,
        progress=_job_progress(job.progress),
        results=[_job_document(d) for d in job.documents],
        estimated_completion=_when(job.estimated_completion, job.HasField("estimated_completion")),
        estimated_seconds_remaining=job.estimated_seconds_remaining or None,
    )


def watch_event(event: jpb.WatchJobResponse) -> tuple[str, dict[str, object]]:
    """One WatchJob event as a server-sent event: (event name, JSON data)."""
    data: dict[str, object] = {
        "job_id": event.job_id,
        "status": _enum_name(jpb.JobStatus, event.status, "JOB_STATUS_"),
        "progress": _job_progress(event.progress).model_dump(),
        "estimated_seconds_remaining": event.estimated_seconds_remaining or None,
    }
    kind = event.WhichOneof("event")
    if kind == "page":
        data["page"] = {
            "document_index": event.page.document_index,
            "document_id": event.page.document_id,
            "page_number": event.page.page_number,
            "page_count": event.page.page_count,
        }
    elif kind == "document":
        data["document"] = _job_document(event.document).model_dump(mode="json", exclude={"result"})
    return kind or "progress", data
