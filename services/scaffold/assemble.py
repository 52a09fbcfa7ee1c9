"""Turn a stream of page results into the final DocumentResult.

Used by every backend and by the router, so a document's text, confidence and
invoice fields are computed one way wherever they are produced. The document
text is each page's text after the conservative clean-up of
``services.textfix.cleanup`` (ligatures, quotes, soft hyphens, hyphenation at
line ends, spaces); pages, lines and words keep what the engine returned.
The document's layout complexity is the summary's (the router's analysis)
or, when it gives none, the most complex page's (`pdftext` reports one per
page; UNSPECIFIED when any page has none).

The invoice fields come from a `FieldExtractor` the caller passes in
(`services.invoice.pipeline.build_invoice` in every server): the
scaffold sits below the invoice package and never imports it. An extractor
that fails (a bug) leaves the fields out with a warning and `needs_review`;
the document's pages and text are returned all the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from services.doctype.classify import classify_document
from services.intake.layout import document_layout_complexity
from services.intake.pagetext import PAGE_SEPARATOR
from services.textfix.cleanup import clean_text


class ExtractedFields(Protocol):
    """What a field extractor gives: the fields, and warnings a person should see about them."""

    fields: pb.InvoiceFields
    warnings: list[str]
    document_type: pb.DocumentClassification | None  # decided with the fields, or None


# What a document says when its field extraction failed (a bug): its pages and text stand, its fields do not.
FIELDS_FAILED = (
    "the invoice fields could not be extracted (an internal error, logged): the text is complete, the fields"
    " are left out"
)
log = structlog.get_logger("ocrmesh.assemble")


# Invoice fields over a document's pages (ordered), its e-invoice if any, and the known suppliers.
FieldExtractor = Callable[[Sequence[pb.PageResult], pb.EInvoice | None, Any], ExtractedFields]


@dataclass
class DocumentSummary:
    """What the assembler needs besides the pages."""

    document_id: str
    page_count: int
    mime_type: str
    request_id: str
    language: str
    processing_seconds: float
    extract_fields: bool = True
    einvoice: pb.EInvoice | None = None
    warnings: list[str] = field(default_factory=list)
    # UNSPECIFIED: the most complex of the pages' own `layout_complexity`.
    layout_complexity: int = pb.LAYOUT_COMPLEXITY_UNSPECIFIED
    # Known suppliers whose learned templates guide the field extraction (the router has them).
    # (a services.invoice SupplierRegistry, handed to the field extractor as it is).
    suppliers: Any = None


def document_confidence(pages: Sequence[pb.PageResult]) -> float:
    """Character-weighted mean page confidence (empty pages count once)."""
    weights = [max(1, len(p.text)) for p in pages]
    if not pages:
        return 1.0
    return sum(p.confidence * w for p, w in zip(pages, weights, strict=True)) / sum(weights)


def assemble_document(
    pages: Sequence[pb.PageResult], summary: DocumentSummary, fields: FieldExtractor
) -> pb.DocumentResult:
    ordered = sorted(pages, key=lambda p: p.page_number)
    backends: list[str] = []
    for page in ordered:
        if page.backend and page.backend not in backends:
            backends.append(page.backend)
    result = pb.DocumentResult(
        document_id=summary.document_id,
        text=PAGE_SEPARATOR.join(clean_text(p.text) for p in ordered),
        confidence=document_confidence(ordered),
        metadata=pb.DocumentMetadata(
            page_count=summary.page_count,
            language=summary.language,
            layout_complexity=summary.layout_complexity or document_layout_complexity(ordered),
            backends=backends,
            processing_seconds=summary.processing_seconds,
            mime_type=summary.mime_type,
            request_id=summary.request_id,
            pages_processed=len(ordered),
        ),
        warnings=summary.warnings,
    )
    if summary.einvoice is not None:
        result.einvoice.CopyFrom(summary.einvoice)
    if summary.extract_fields:
        try:
            outcome = fields(ordered, summary.einvoice, summary.suppliers)
        except Exception as exc:  # noqa: BLE001  # a bug in the fields must not lose the document's pages
            log.error("field_extraction_failed", error=type(exc).__name__, request_id=summary.request_id)
            result.warnings.append(FIELDS_FAILED)
            result.fields.needs_review = True
            result.fields.review_reasons.append(FIELDS_FAILED)
        else:
            result.fields.CopyFrom(outcome.fields)
            result.warnings.extend(w for w in outcome.warnings if w not in result.warnings)
            if outcome.document_type is not None:
                result.document_type.CopyFrom(outcome.document_type)
    if not result.HasField("document_type"):
        result.document_type.CopyFrom(classify_document(result.text, summary.einvoice))
    return result

