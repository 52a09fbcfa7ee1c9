"""`POST /api/v1/ocr/preview`: one page of a document as a PNG picture, turned upright (the console).

The gateway renders it itself, so it first asks the router to admit it (`AdmitPreview`: the router
is where keys are checked; the key needs the 'process' scope and the preview counts against its
rate like a document); rendering runs off the event loop.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Literal

import grpc
from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response

from gateway_rest import errors
from gateway_rest.deps import ClientDep, SettingsDep
from gateway_rest.errors import ApiError
from gateway_rest.models import DIGITS, INT32_MAX
from gateway_rest.routes.process import FILE_SCHEMA, check_type, read_upload
from services.intake.errors import IntakeError
from services.intake.limits import IntakeLimits
from services.outputs.preview import NoSuchPageError, page_preview_png

router = APIRouter(prefix="/api/v1/ocr", tags=["ocr"])


@router.post(
    "/preview",
    response_class=Response,
    responses={
        200: {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}},
        **errors.responses(400, 413, 415, 416, 422, *errors.UPSTREAM),
    },
    summary="One page as a PNG picture, turned upright as the result's boxes are",
)
async def preview_page(
    file: Annotated[
        UploadFile,
        File(description="PDF or image (PNG, JPEG, TIFF, WebP)", json_schema_extra=FILE_SCHEMA),
    ],
    client: ClientDep,
    settings: SettingsDep,
    page: Annotated[int, Form(ge=1, le=INT32_MAX, description="Page number, from 1"), DIGITS] = 1,
    rotation: Annotated[
        Literal["0", "90", "180", "270"],
        Form(description="Turn clockwise by this much (a page's `quality.rotation_degrees`)"),
    ] = "0",
) -> Response:
    try:  # the router checks the key's 'process' scope and counts the preview against its rate
        await client.admit_preview(timeout=settings.health_rpc_timeout * 5)
    except grpc.aio.AioRpcError as exc:
        raise errors.upstream(exc, settings.retry_after_seconds) from None
    content = await read_upload(file, settings.max_upload_bytes)
    check_type(content)
    limits = IntakeLimits(max_bytes=settings.max_upload_bytes)
    try:
        png = await asyncio.to_thread(page_preview_png, content, page, int(rotation), limits)
    except NoSuchPageError as exc:
        raise ApiError(416, "pages_out_of_range", str(exc)) from None
    except IntakeError as exc:
        raise ApiError(422, "unreadable_document", str(exc)) from None
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})
