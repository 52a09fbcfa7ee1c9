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
from services.intake.document import open_document
from services.intake.errors import IntakeError
from services.intake.limits import IntakeLimits
from services.outputs.markdown import document_markdown
from services.outputs.searchable_pdf import searchable_pdf

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
    if output is m.OutputFormat.TEXT:
        body: bytes = result.text.raw.encode("utf-8")
    elif output is m.OutputFormat.MARKDOWN:
        body = document_markdown(pages).encode("utf-8")
    else:
        body = await asyncio.to_thread(_searchable, content, pages)
    stem = PurePath(filename).stem or "document"
    suffix = {m.OutputFormat.MARKDOWN: "md", m.OutputFormat.TEXT: "txt", m.OutputFormat.PDF: "pdf"}[output]
    return Response(
        body,
        media_type=MEDIA_TYPES[output],
        headers={
            "Content-Disposition": f'inline; filename="{_ascii(stem)}.{suffix}"',
            "X-Document-Id": result.document_id,
            "X-Backend-Used": result.backend_used,
        },
    )


def _searchable(content: bytes, pages: Sequence[pb.PageResult]) -> bytes:
    try:
        with open_document(content, IntakeLimits(max_bytes=len(content) + 1)) as document:
            if document.pdf is None and document.page_count == 0:
                raise ApiError(422, "unsupported_format", "an e-invoice XML has no pages to make a PDF of")
            return searchable_pdf(document, pages)
    except IntakeError as exc:  # it was read once already; a second reading failing is the document's fault
        raise ApiError(422, "unreadable_document", str(exc)) from None


def _ascii(text: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() or c in "-_." else "_" for c in text)[:100]
