"""`POST /api/v1/ocr/compare`: one document through two or more backends, side by side.

Each backend is asked as `POST /api/v1/ocr/process` with that `backend` would ask it (no
fallback: the answer is that backend's own), all at once; a backend that fails or declines
gives its error in its entry, the others still answer.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

import grpc
import structlog
from fastapi import APIRouter, File, Form, Request, UploadFile

from gateway_rest import comparison, convert, errors
from gateway_rest import models as m
from gateway_rest.deps import ClientDep, RequestIdDep, SettingsDep
from gateway_rest.disconnect import unless_disconnected
from gateway_rest.errors import ApiError
from gateway_rest.routes.process import (
    FILE_SCHEMA,
    OPTIONS_SCHEMA,
    UPSTREAM_NAMES,
    check_type,
    parse_options,
    read_upload,
    upload_request,
)
from ocrmesh_client import AsyncOcrClient

log = structlog.get_logger("ocrmesh.gateway")

router = APIRouter(prefix="/api/v1/ocr", tags=["ocr"])
MAX_BACKENDS = 5


def parse_backends(text: str) -> list[m.Backend]:
    names = list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    known = {b.value for b in m.Backend}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ApiError(422, "invalid_backends", f"unknown backends {unknown}; known: {sorted(known)}")
    if not 2 <= len(names) <= MAX_BACKENDS:
        raise ApiError(422, "invalid_backends", f"name 2 to {MAX_BACKENDS} different backends, comma-separated")
    return [m.Backend(n) for n in names]


@router.post(
    "/compare",
    response_model=m.CompareResult,
    response_model_exclude_none=True,
    responses=errors.responses(400, 413, 415, 422, *errors.UPSTREAM),
    summary="Process one document with several backends and show where they differ",
)
async def compare_document(
    http: Request,
    file: Annotated[
        UploadFile,
        File(description="PDF, image (PNG, JPEG, TIFF, WebP) or e-invoice XML", json_schema_extra=FILE_SCHEMA),
    ],
    backends: Annotated[
        str,
        Form(
            description=f"2 to {MAX_BACKENDS} backends, comma-separated, e.g. `pdftext,tesseract`",
            pattern=r"^\s*[a-z]+\s*(,\s*[a-z]+\s*)+$",
        ),
    ],
    client: ClientDep,
    settings: SettingsDep,
    request_id: RequestIdDep,
    options: Annotated[
        str | None,
        Form(description="As for `POST /api/v1/ocr/process`", json_schema_extra=OPTIONS_SCHEMA),
    ] = None,
) -> m.CompareResult:
    chosen = parse_backends(backends)
    parsed = parse_options(options)
    content = await read_upload(file, settings.max_upload_bytes)
    detected = check_type(content)
    log.info("compare_start", bytes=len(content), mime_type=detected, backends=[b.value for b in chosen])

    async def one(backend: m.Backend) -> tuple[m.CompareEntry, ApiError | None]:
        request = upload_request(content, file, detected, backend, request_id, parsed)
        return await _ask(client, request, backend.value, settings.request_timeout, settings.retry_after_seconds, request_id)

    answers = await unless_disconnected(http, asyncio.gather(*(one(b) for b in chosen)))
    _refuse_if_all_refused([error for _, error in answers])
    entries = [entry for entry, _ in answers]
    document_id = next((e.result.document_id for e in entries if e.result is not None), "")
    return m.CompareResult(
        document_id=document_id,
        entries=entries,
        fields=comparison.compare_fields(entries),
        text=comparison.compare_texts(entries),
    )


async def _ask(
    client: AsyncOcrClient, request: object, backend: str, timeout: float, retry_after: int, request_id: str
) -> tuple[m.CompareEntry, ApiError | None]:
    try:
        outcome = await client.process(request, timeout=timeout)  # type: ignore[arg-type]
    except grpc.aio.AioRpcError as exc:
        error = errors.upstream(exc, retry_after, UPSTREAM_NAMES)
        log.info("compare_backend_error", backend=backend, code=exc.code().name)
        return m.CompareEntry(backend=backend, error=_detail(error, request_id)), error
    if outcome.document is None:
        error = ApiError(502, "upstream_error", "the upstream ended the stream without a document result")
        return m.CompareEntry(backend=backend, error=_detail(error, request_id)), error
    return m.CompareEntry(backend=backend, result=convert.to_process_result(outcome.pages, outcome.document)), None


def _detail(error: ApiError, request_id: str) -> m.ErrorDetail:
    return m.ErrorDetail(
        code=error.code, message=error.message, details={**error.details, "status": error.status_code}, request_id=request_id
    )


def _refuse_if_all_refused(refusals: list[ApiError | None]) -> None:
    """A key the router refuses (401/403/429) is the request's error, not each backend's."""
    if any(r is None for r in refusals):
        return
    statuses = {r.status_code for r in refusals if r is not None}
    if len(statuses) == 1 and statuses & {401, 403, 429}:
        first = refusals[0]
        assert first is not None
        raise first
