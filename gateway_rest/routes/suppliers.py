"""`POST /api/v1/suppliers/learn`: a person confirmed (or corrected) a document's fields; the router learns its supplier.

The document is read once more through the router (with the caller's key), the corrections
replace what was read, and the router's SuppliersService writes the supplier and its template
(admin keys only: it changes how every later document of that supplier is read).
"""

from __future__ import annotations

import json
from typing import Annotated

import grpc
import structlog
from fastapi import APIRouter, File, Form, Request, UploadFile

from gateway_rest import errors
from gateway_rest import models as m
from gateway_rest.deps import ClientDep, RequestIdDep, SettingsDep
from gateway_rest.errors import ApiError
from gateway_rest.routes.process import FILE_SCHEMA, UPSTREAM_NAMES, check_type, read_upload, upload_request
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1 import suppliers_pb2 as spb
from ocrmesh.v1.suppliers_pb2_grpc import SuppliersServiceStub
from services.invoice.suppliers import apply_corrections

log = structlog.get_logger("ocrmesh.gateway")

router = APIRouter(prefix="/api/v1/suppliers", tags=["suppliers"])
CORRECTIONS_SCHEMA = {"type": "object", "additionalProperties": {"type": "string"}}
MAX_CORRECTIONS = 100
MAX_VALUE_CHARS = 2000


def parse_corrections(raw: str | None) -> dict[str, str]:
    if raw is None or not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        raise ApiError(422, "invalid_corrections", "corrections: a JSON object of field name -> value") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ApiError(422, "invalid_corrections", "corrections: a JSON object of field name -> value (strings)")
    if len(data) > MAX_CORRECTIONS or any(len(v) > MAX_VALUE_CHARS or not k.strip() for k, v in data.items()):
        raise ApiError(422, "invalid_corrections", f"corrections: at most {MAX_CORRECTIONS} named fields of {MAX_VALUE_CHARS} characters")
    return data


@router.post(
    "/learn",
    response_model=m.LearnedSupplier,
    responses=errors.responses(400, 413, 415, 422, *errors.UPSTREAM),
    summary="Learn a document's supplier and template from its confirmed fields",
)
async def learn_supplier(
    http: Request,
    file: Annotated[
        UploadFile, File(description="PDF or image of one document of the supplier", json_schema_extra=FILE_SCHEMA)
    ],
    client: ClientDep,
    settings: SettingsDep,
    request_id: RequestIdDep,
    corrections: Annotated[
        str | None,
        Form(
            description="JSON object field name -> corrected value, e.g. {\"betrag_brutto\": \"529.87\"}",
            json_schema_extra=CORRECTIONS_SCHEMA,
        ),
    ] = None,
    supplier_id: Annotated[str | None, Form(max_length=100, description="Registry id (default: from the name)")] = None,
) -> m.LearnedSupplier:
    fixes = parse_corrections(corrections)
    content = await read_upload(file, settings.max_upload_bytes)
    detected = check_type(content)
    request = upload_request(content, file, detected, m.Backend.AUTO, request_id, m.ProcessOptions())
    try:
        outcome = await client.process(request, timeout=settings.request_timeout)
    except grpc.aio.AioRpcError as exc:
        raise errors.upstream(exc, settings.retry_after_seconds, UPSTREAM_NAMES) from None
    if outcome.document is None:
        raise ApiError(502, "upstream_error", "the upstream ended the stream without a document result")
    fields = pb.InvoiceFields()
    fields.CopyFrom(outcome.document.fields)
    apply_corrections(fields, fixes)
    stub: SuppliersServiceStub = http.app.state.suppliers_stub
    try:
        learned = await stub.LearnSupplier(
            spb.LearnSupplierRequest(pages=outcome.pages, fields=fields, supplier_id=supplier_id or ""),
            timeout=settings.request_timeout,
        )
    except grpc.aio.AioRpcError as exc:
        names = {grpc.StatusCode.INVALID_ARGUMENT: "cannot_learn", grpc.StatusCode.UNIMPLEMENTED: "suppliers_unavailable"}
        raise errors.upstream(exc, settings.retry_after_seconds, names) from None
    log.info("supplier_learned", supplier_id=learned.supplier_id, fields=len(learned.learned_fields), corrected=len(fixes))
    return m.LearnedSupplier(
        supplier_id=learned.supplier_id,
        name=learned.name,
        learned_fields=list(learned.learned_fields),
        document_id=outcome.document.document_id,
    )
