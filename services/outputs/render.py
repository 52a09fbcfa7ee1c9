"""A processed document in the form asked for: Markdown, plain text or a searchable PDF (bytes).

The one place the REST facade (`?format=`) and the CLI (`ocrmesh process --format`) turn a
document's content and its pages into a document to keep.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import open_document
from services.intake.errors import IntakeError
from services.intake.limits import IntakeLimits
from services.outputs.markdown import document_markdown
from services.outputs.searchable_pdf import searchable_pdf

FORMATS = ("markdown", "text", "pdf")
# Each output's file suffix.
SUFFIXES = {"markdown": "md", "text": "txt", "pdf": "pdf"}


class NoPagesError(IntakeError):
    """A searchable PDF was asked of a document without pages (an e-invoice XML)."""


def render_document(output: str, content: bytes, pages: Sequence[pb.PageResult], text: str) -> bytes:
    """`output` (one of FORMATS) of the document `content` read as `pages` with the full `text`.

    Blocking for `pdf` (PyMuPDF); an unreadable document raises IntakeError.
    """
    if output == "text":
        return text.encode("utf-8")
    if output == "markdown":
        return document_markdown(pages).encode("utf-8")
    if output != "pdf":
        raise ValueError(f"unknown output {output!r}; one of {', '.join(FORMATS)}")
    # The content was checked once already: read it again without a size limit of its own.
    with open_document(content, IntakeLimits(max_bytes=len(content) + 1)) as document:
        if document.pdf is None and document.page_count == 0:
            raise NoPagesError("an e-invoice XML has no pages to make a PDF of")
        return searchable_pdf(document, pages)
