"""A bug in the field extraction does not lose a document: its pages and text come back, the fields are left
out with a warning and `needs_review`."""

from __future__ import annotations

from services.scaffold.assemble import FIELDS_FAILED, DocumentSummary, assemble_document
from tests.invoice.synth import line, page


def _failing_extractor(pages, einvoice, suppliers):  # noqa: ANN001, ANN202
    raise KeyError("januarı")  # as a month name OCR read with a dotless i once ended the extraction


def test_a_failing_field_extraction_keeps_the_pages_and_says_so() -> None:
    pages = [page(line("Rechnung Nr. 4711", 0.1, 0.1), line("Gesamtbetrag 119,00 €", 0.1, 0.2))]
    summary = DocumentSummary("doc-1", 1, "application/pdf", "req-1", "de", 0.1)
    result = assemble_document(pages, summary, _failing_extractor)
    assert "Rechnung Nr. 4711" in result.text
    assert FIELDS_FAILED in result.warnings
    assert result.fields.needs_review and list(result.fields.fields) == []
    assert result.document_type.type == "rechnung"  # classified from the text all the same
