"""Batch jobs over the router's JobsService: submit at once, watch live, fetch results, cancel.

- `POST /api/v1/ocr/batch` (multipart `files`, `backend`, `options`; header
  `Idempotency-Key`): 202 with `job_id`, `total_documents`, `status`,
  `estimated_completion`.
- `GET /api/v1/ocr/job/{job_id}`: status, progress, and `results`, each as
  `POST /api/v1/ocr/process` returns it (or the document's error).
- `GET /api/v1/ocr/job/{job_id}/documents/{index}?format=json|markdown|text|pdf`: one finished
  document, as `/process?format=` answers it (409 while it is not completed; `pdf` is 422: the
  jobs contract does not hand out the upload the searchable PDF is drawn on).
- `GET /api/v1/ocr/job/{job_id}/events`: server-sent events (`snapshot`,
  `page`, `document`; `error` if the upstream fails) until the job is final,
  each `event: NAME` + `data: JSON` (sse-starlette, `\n` line ends, a
  `: ping` comment every 15 s while nothing happens).
- `DELETE /api/v1/ocr/job/{job_id}`: cancel.
- `GET /api/v1/ocr/jobs`: the latest jobs.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

import grpc
import structlog
from fastapi import APIRouter, Depends, File, Form, Header, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from sse_starlette import EventSourceResponse, ServerSentEvent

from gateway_rest import convert, errors
from gateway_rest import models as m
from gateway_rest.deps import MetricsDep, RequestIdDep, SettingsDep
from gateway_rest.errors import ApiError, payload_too_large
from gateway_rest.outputs import FORMAT_CONTENT, render
from gateway_rest.routes.process import (
    FILE_SCHEMA,
    OPTIONS_SCHEMA,
    BackendForm,
    check_type,
    parse_options,
    read_upload,
)
from gateway_rest.settings import GatewaySettings
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import jobs_pb2_grpc as jpb_grpc
from ocrmesh.v1 import ocr_pb2 as pb

log = structlog.get_logger("ocrmesh.gateway")

router = APIRouter(prefix="/api/v1/ocr", tags=["batch"])
RPC_TIMEOUT = 30.0
SSE_PING_SECONDS = 15
SSE_SEP = "\n"
# Each server-sent event as OpenAPI 3.1 describes a stream's items.
SSE_EVENT_SCHEMA = {
    "type": "object",
    "required": ["event", "data"],
    "properties": {
        "event": {"type": "string", "enum": ["snapshot", "page", "document", "error"]},
        "data": {"type": "string", "contentMediaType": "application/json"},
    },
}  # the line end clients have parsed since the first version


def get_jobs_stub(request: Request) -> jpb_grpc.JobsServiceStub:
    return request.app.state.jobs_stub


JobsDep = Annotated[jpb_grpc.JobsServiceStub, Depends(get_jobs_stub)]


# The jobs routes' names for the upstream's answers (statuses from `errors.GRPC_TO_HTTP`).
UPSTREAM_NAMES = {
    grpc.StatusCode.NOT_FOUND: "job_not_found",
    grpc.StatusCode.ALREADY_EXISTS: "idempotency_conflict",
    grpc.StatusCode.UNIMPLEMENTED: "jobs_unavailable",
    grpc.StatusCode.INVALID_ARGUMENT: "unreadable_document",
}


def _job_error(exc: grpc.aio.AioRpcError, retry_after: int) -> ApiError:
    return errors.upstream(exc, retry_after, UPSTREAM_NAMES)


@router.post(
    "/batch",
    status_code=202,
    response_model=m.BatchAccepted,
    response_model_exclude_none=True,
    responses=errors.responses(400, 409, 413, 415, 422, *errors.UPSTREAM),
    summary="Submit a batch of documents",
)
async def submit_batch(
    files: Annotated[
        list[UploadFile],
        File(
            description="The documents (PDF, images, e-invoice XML), at least one",
            min_length=1,
            json_schema_extra={"items": FILE_SCHEMA},
        ),
    ],
    jobs: JobsDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    request_id: RequestIdDep,
    backend: BackendForm = m.Backend.AUTO,
    options: Annotated[
        str | None, Form(description="JSON options, as for /process", json_schema_extra=OPTIONS_SCHEMA)
    ] = None,
    allow_fallback: Annotated[bool, Form(), m.TRUE_OR_FALSE] = False,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> m.BatchAccepted:
    if not files:
        raise ApiError(422, "no_files", "send at least one file in the `files` field")
    parsed = parse_options(options)
    documents: list[pb.Document] = []
    total = 0
    for upload in files:
        content = await read_upload(upload, settings.max_upload_bytes)
        total += len(content)
        if total > settings.max_batch_bytes:
            raise payload_too_large(settings.max_batch_bytes)
        try:
            detected = check_type(content)
        except ApiError as exc:
            raise ApiError(exc.status_code, exc.code, f"{upload.filename}: {exc.message}") from None
        documents.append(pb.Document(content=content, filename=upload.filename or "", mime_type=detected))
    request = jpb.SubmitBatchRequest(
        documents=documents,
        backend=backend.value,
        options=convert.to_pb_options(parsed),
        idempotency_key=idempotency_key or "",
        priority=jpb.JOB_PRIORITY_BATCH,
        allow_fallback=allow_fallback,
    )
    try:
        response = await jobs.SubmitBatch(request, timeout=RPC_TIMEOUT)
    except grpc.aio.AioRpcError as exc:
        raise _job_error(exc, settings.retry_after_seconds) from None
    metrics.upload_bytes.observe(total)
    log.info("batch_submitted", job_id=response.job.job_id, documents=len(documents), bytes=total)
    return convert.to_batch_accepted(response)


@router.get(
    "/job/{job_id}",
    response_model=m.JobView,
    response_model_exclude_none=True,
    responses=errors.responses(404, 422, *errors.UPSTREAM),
    summary="A batch job",
)
async def get_job(
    job_id: str,
    jobs: JobsDep,
    settings: SettingsDep,
    results: Annotated[
        bool, Query(description="Include each finished document's result"), m.TRUE_OR_FALSE
    ] = True,
) -> m.JobView:
    try:
        response = await jobs.GetJob(
            jpb.GetJobRequest(job_id=job_id, include_results=results, include_pages=results),
            timeout=RPC_TIMEOUT,
        )
    except grpc.aio.AioRpcError as exc:
        raise _job_error(exc, settings.retry_after_seconds) from None
    return convert.to_job_view(response.job)


# Why a document is not there to fetch yet (or any more): (code, what its state means).
NOT_COMPLETED = {
    jpb.DOCUMENT_STATUS_QUEUED: ("document_not_finished", "is queued"),
    jpb.DOCUMENT_STATUS_PROCESSING: ("document_not_finished", "is being processed"),
    jpb.DOCUMENT_STATUS_FAILED: ("document_failed", "failed"),
    jpb.DOCUMENT_STATUS_CANCELLED: ("document_cancelled", "was cancelled"),
}


@router.get(
    "/job/{job_id}/documents/{index}",
    response_model=m.ProcessResult,
    response_model_exclude_none=True,
    responses={200: {"content": FORMAT_CONTENT}, **errors.responses(404, 409, 422, *errors.UPSTREAM)},
    summary="One document of a batch job as JSON, Markdown, text or a searchable PDF",
)
async def get_job_document(
    job_id: str,
    index: Annotated[int, Path(ge=0, le=m.INT32_MAX, description="The document's place in the batch, from 0")],
    jobs: JobsDep,
    settings: SettingsDep,
    output: Annotated[
        m.OutputFormat,
        Query(
            alias="format",
            description="json (default): the result as /process answers it; markdown: headings, tables, lists; "
            "text: plain text; pdf: the uploaded pages with an invisible text layer (422 `pdf_unavailable` once"
            " the job's retention has let the upload go)",
        ),
    ] = m.OutputFormat.JSON,
) -> m.ProcessResult | Response:
    try:
        response = await jobs.GetJob(
            jpb.GetJobRequest(job_id=job_id, include_results=True, include_pages=True), timeout=RPC_TIMEOUT
        )
    except grpc.aio.AioRpcError as exc:
        raise _job_error(exc, settings.retry_after_seconds) from None
    document = next((d for d in response.job.documents if d.index == index), None)
    if document is None:
        total = len(response.job.documents)
        raise ApiError(
            404, "document_not_found", f"job {job_id} has {total} documents (index 0 to {total - 1}), not {index}"
        )
    if document.status != jpb.DOCUMENT_STATUS_COMPLETED or not document.HasField("result"):
        code, state = NOT_COMPLETED.get(document.status, ("document_not_finished", "is not completed"))
        message = f"document {index} ({document.filename}) of job {job_id} {state}"
        if code == "document_not_finished":
            message += f" ({document.pages_done} of {document.page_count or '?'} pages done); ask again when it is completed"
        elif document.HasField("error") and document.error.code:
            message += f": {document.error.code}: {document.error.message}"
        raise ApiError(409, code, message, details={"status": convert.document_status_name(document.status)})
    result = convert.to_process_result(document.pages, document.result)
    if output is m.OutputFormat.JSON:
        return result
    content = await _uploaded(jobs, job_id, index, settings) if output is m.OutputFormat.PDF else b""
    return await render(output, content, document.pages, result, document.filename or "document")


async def _uploaded(jobs: jpb_grpc.JobsServiceStub, job_id: str, index: int, settings: GatewaySettings) -> bytes:
    """The document's file as uploaded (its searchable PDF is drawn on it), while the job is kept."""
    try:
        response = await jobs.GetJobDocument(
            jpb.GetJobDocumentRequest(job_id=job_id, index=index, include_content=True), timeout=RPC_TIMEOUT
        )
    except grpc.aio.AioRpcError as exc:
        if exc.code() is grpc.StatusCode.FAILED_PRECONDITION:
            raise ApiError(422, "pdf_unavailable", f"{exc.details()}; markdown, text and json still answer") from None
        raise _job_error(exc, settings.retry_after_seconds) from None
    return response.content


@router.delete(
    "/job/{job_id}",
    response_model=m.JobView,
    response_model_exclude_none=True,
    responses=errors.responses(404, 422, *errors.UPSTREAM),
    summary="Cancel a job",
)
async def cancel_job(job_id: str, jobs: JobsDep, settings: SettingsDep) -> m.JobView:
    try:
        response = await jobs.CancelJob(jpb.CancelJobRequest(job_id=job_id), timeout=RPC_TIMEOUT)
    except grpc.aio.AioRpcError as exc:
        raise _job_error(exc, settings.retry_after_seconds) from None
    return convert.to_job_view(response.job)


@router.get(
    "/jobs",
    response_model=m.JobList,
    response_model_exclude_none=True,
    responses=errors.responses(404, 422, *errors.UPSTREAM),
    summary="Recent jobs (a `page_token` this server did not issue is 404)",
)
async def list_jobs(
    jobs: JobsDep,
    settings: SettingsDep,
    page_size: Annotated[int, Query(ge=1, le=200), m.DIGITS] = 50,
    page_token: str = "",
) -> m.JobList:
    try:
        response = await jobs.ListJobs(
            jpb.ListJobsRequest(page_size=page_size, page_token=page_token), timeout=RPC_TIMEOUT
        )
    except grpc.aio.AioRpcError as exc:
        raise _job_error(exc, settings.retry_after_seconds) from None
    return m.JobList(
        jobs=[convert.to_job_view(j) for j in response.jobs], next_page_token=response.next_page_token or None
    )


@router.get(
    "/job/{job_id}/events",
    summary="Live progress as server-sent events",
    response_model=None,
    responses={
        200: {
            "description": "One `event:` (snapshot, page, document, error) + `data:` JSON per event",
            "content": {"text/event-stream": {"schema": SSE_EVENT_SCHEMA}},
        },
        **errors.responses(404, 422, *errors.UPSTREAM),
    },
)
async def job_events(job_id: str, jobs: JobsDep, settings: SettingsDep) -> EventSourceResponse | JSONResponse:
    call = jobs.WatchJob(jpb.WatchJobRequest(job_id=job_id))
    try:
        first = await call.read()  # NOT_FOUND surfaces here, before the stream is promised
    except grpc.aio.AioRpcError as exc:
        raise _job_error(exc, settings.retry_after_seconds) from None
    if first is grpc.aio.EOF:
        raise ApiError(502, "upstream_error", "the job stream ended at once")

    async def stream() -> AsyncIterator[ServerSentEvent]:
        try:
            event: Any = first
            while event is not grpc.aio.EOF:
                name, data = convert.watch_event(event)
                yield ServerSentEvent(data=json.dumps(data, ensure_ascii=False), event=name, sep=SSE_SEP)
                event = await call.read()
        except grpc.aio.AioRpcError as exc:
            payload = {"code": exc.code().name, "message": exc.details() or ""}
            yield ServerSentEvent(data=json.dumps(payload), event="error", sep=SSE_SEP)
        finally:
            call.cancel()

    return EventSourceResponse(
        stream(), sep=SSE_SEP, ping=SSE_PING_SECONDS, headers={"Cache-Control": "no-cache"}
    )
