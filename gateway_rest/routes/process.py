"""`POST /api/v1/ocr/process`: one document through the upstream OcrService."""

from __future__ import annotations

from typing import Annotated, Any

import grpc
import structlog
from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import ValidationError

from gateway_rest import convert, errors
from gateway_rest import models as m
from gateway_rest.deps import ClientDep, MetricsDep, RequestIdDep, SettingsDep
from gateway_rest.disconnect import unless_disconnected
from gateway_rest.errors import ApiError, payload_too_large
from gateway_rest.outputs import FORMAT_CONTENT, render
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from services.intake.errors import IntakeError, UnsupportedTypeError
from services.intake.sniff import sniff

log = structlog.get_logger("ocrmesh.gateway")

router = APIRouter(prefix="/api/v1/ocr", tags=["ocr"])

READ_CHUNK = 1024 * 1024

# The process route's names for the upstream's refusals (statuses from `errors.GRPC_TO_HTTP`).
UPSTREAM_NAMES = {
    grpc.StatusCode.INVALID_ARGUMENT: "unreadable_document",
    grpc.StatusCode.FAILED_PRECONDITION: "backend_declined",
    grpc.StatusCode.NOT_FOUND: "backend_not_found",
}
# The `options` part as OpenAPI sees it: a JSON object (sent as text or as an application/json part).
OPTIONS_SCHEMA: dict[str, Any] = {"anyOf": [m.ProcessOptions.model_json_schema()]}
# A file part as OpenAPI sees it: binary, never empty (an empty file is refused as unreadable).
FILE_SCHEMA: dict[str, Any] = {"type": "string", "format": "binary", "minLength": 1}
# The `backend` part of /process and /batch.
BackendForm = Annotated[m.Backend, Form(description="Backend preference; `auto` lets the router choose")]


def parse_options(raw: str | None) -> m.ProcessOptions:
    if raw is None or not raw.strip():
        return m.ProcessOptions()
    try:
        return m.ProcessOptions.model_validate_json(raw)
    except ValidationError as exc:
        reasons = "; ".join(
            f"{'.'.join(str(x) for x in e['loc']) or 'options'}: {e['msg']}" for e in exc.errors()
        )
        raise ApiError(422, "invalid_options", f"invalid options: {reasons}") from None


async def read_upload(file: UploadFile, limit: int) -> bytes:
    """The upload's bytes, read in chunks and never more than `limit` + one chunk."""
    buffer = bytearray()
    while chunk := await file.read(READ_CHUNK):
        buffer += chunk
        if len(buffer) > limit:
            raise payload_too_large(limit)
    return bytes(buffer)


def upload_request(
    content: bytes,
    file: UploadFile,
    detected: str,
    backend: m.Backend,
    request_id: str,
    options: m.ProcessOptions,
    *,
    allow_fallback: bool = False,
) -> pb.ProcessRequest:
    """The gRPC request for an uploaded document, as `/process` sends it (`/compare` and `/suppliers/learn` too)."""
    return build_request(
        content,
        filename=file.filename or "",
        mime_type=detected,
        backend=backend.value,
        request_id=request_id,
        options=convert.to_pb_options(options),
        allow_fallback=allow_fallback,
    )


def check_type(content: bytes) -> str:
    try:
        return sniff(content).value
    except UnsupportedTypeError as exc:
        raise ApiError(415, "unsupported_media_type", str(exc)) from None
    except IntakeError as exc:
        raise ApiError(422, "unreadable_document", str(exc)) from None


@router.post(
    "/process",
    response_model=m.ProcessResult,
    response_model_exclude_none=True,
    responses={200: {"content": FORMAT_CONTENT}, **errors.responses(400, 404, 413, 415, 416, 422, *errors.UPSTREAM)},
    summary="Process one document",
)
async def process_document(
    http: Request,
    file: Annotated[
        UploadFile,
        File(
            description="PDF, image (PNG, JPEG, TIFF, WebP) or e-invoice XML", json_schema_extra=FILE_SCHEMA
        ),
    ],
    client: ClientDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    request_id: RequestIdDep,
    backend: BackendForm = m.Backend.AUTO,
    options: Annotated[
        str | None,
        Form(
            description="JSON object with any of: language, extract_fields, preprocessing (none|auto|full), "
            "confidence_threshold, first_page, last_page, dpi, correct_spelling",
            examples=[{"language": "de", "preprocessing": "auto", "first_page": 1, "last_page": 2}],
            json_schema_extra=OPTIONS_SCHEMA,
        ),
    ] = None,
    allow_fallback: Annotated[
        bool,
        Form(
            description="With an explicit backend: let the router fall back to others when it is unavailable"
        ),
        m.TRUE_OR_FALSE,
    ] = False,
    include_xml: Annotated[
        bool, Query(description="Include the e-invoice XML in the answer"), m.TRUE_OR_FALSE
    ] = False,
    format_query: Annotated[
        m.OutputFormat | None,
        Query(
            alias="format",
            description="json (default): the result; markdown: headings, tables, lists; text: plain text; "
            "pdf: the pages as delivered with an invisible text layer (searchable)",
        ),
    ] = None,
    format_form: Annotated[m.OutputFormat | None, Form(alias="format", description="As the query's `format`")] = None,
) -> m.ProcessResult | Response:
    parsed = parse_options(options)
    content = await read_upload(file, settings.max_upload_bytes)
    detected = check_type(content)
    metrics.upload_bytes.observe(len(content))
    request = upload_request(content, file, detected, backend, request_id, parsed, allow_fallback=allow_fallback)
    log.info("process_start", bytes=len(content), mime_type=detected, backend=backend.value)
    try:
        outcome = await unless_disconnected(http, client.process(request, timeout=settings.request_timeout))
    except grpc.aio.AioRpcError as exc:
        metrics.upstream_errors.labels(exc.code().name).inc()
        log.info("process_upstream_error", code=exc.code().name)
        raise errors.upstream(exc, settings.retry_after_seconds, UPSTREAM_NAMES) from None
    if outcome.document is None:
        metrics.upstream_errors.labels("NO_RESULT").inc()
        raise ApiError(502, "upstream_error", "the upstream ended the stream without a document result")
    result = convert.to_process_result(outcome.pages, outcome.document, include_xml=include_xml)
    metrics.documents.labels(result.backend_used or "none").inc()
    output = format_query or format_form or m.OutputFormat.JSON
    log.info("process_end", backend_used=result.backend_used, pages=len(result.pages), format=output.value)
    if output is m.OutputFormat.JSON:
        return result
    return await render(output, content, outcome.pages, result, file.filename or "document")
