"""`/process?format=markdown|text|pdf`: the result as a document (services/outputs renders it)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from fastapi.responses import Response

from gateway_rest import models as m
from gateway_rest.errors import ApiError
from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.errors import IntakeError
from services.outputs.render import SUFFIXES, NoPagesError, render_document

# Each output's media type.
MEDIA_TYPES = {
    m.OutputFormat.MARKDOWN: "text/markdown; charset=utf-8",
    m.OutputFormat.TEXT: "text/plain; charset=utf-8",
    m.OutputFormat.PDF: "application/pdf",
}
# The 200 answer's other media types, for the OpenAPI document.
FORMAT_CONTENT: dict[str, Any] = {
    "text/markdown": {"schema": {"type": "string"}},
    "text/plain": {"schema": {"type": "string"}},
    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
}


async def render(
    output: m.OutputFormat,
    content: bytes,
    pages: Sequence[pb.PageResult],
    result: m.ProcessResult,
    filename: str,
) -> Response:
    try:
        body = await asyncio.to_thread(render_document, output.value, content, pages, result.text.raw)
    except NoPagesError as exc:
        raise ApiError(422, "unsupported_format", str(exc)) from None
    except IntakeError as exc:  # it was read once already; a second reading failing is the document's fault
        raise ApiError(422, "unreadable_document", str(exc)) from None
    media_type, suffix = MEDIA_TYPES[output], SUFFIXES[output.value]
    stem = PurePath(filename).stem or "document"
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'inline; filename="{_ascii(stem)}.{suffix}"',
            "X-Document-Id": result.document_id,
            "X-Backend-Used": result.backend_used,
        },
    )


def _ascii(text: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() or c in "-_." else "_" for c in text)[:100]
