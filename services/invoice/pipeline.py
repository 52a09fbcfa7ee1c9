"""The one entry point for invoice fields: e-invoice XML first, else the text.

With an e-invoice, its XML is the record (exact values, FIELD_SOURCE_EINVOICE_XML)
and the printed text is extracted only to cross-check it; the cross-check
results go to ``checks``. Without one, the text extraction is the result.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.extract import extract_fields
from services.invoice.review import review
from services.invoice.suppliers import SupplierRegistry


def build_invoice_fields(
    pages: Sequence[pb.PageResult],
    einvoice: pb.EInvoice | None = None,
    suppliers: SupplierRegistry | None = None,
) -> pb.InvoiceFields:
    """Invoice fields of a document from its pages and, if present, its e-invoice XML."""
    supplier = suppliers.match(pages) if suppliers is not None and pages else None
    text_fields = extract_fields(pages, supplier) if pages else pb.InvoiceFields()
    if einvoice is None or not einvoice.xml:
        return text_fields
    # Imported here: the XML module is optional for text-only deployments.
    from services.invoice.einvoice import cross_check, parse_einvoice

    result = pb.InvoiceFields()
    result.CopyFrom(parse_einvoice(einvoice.xml.encode("utf-8")))
    if pages:
        result.checks.extend(cross_check(result, text_fields))
    if not result.supplier_id and text_fields.supplier_id:
        result.supplier_id = text_fields.supplier_id
    review(result)
    return result
