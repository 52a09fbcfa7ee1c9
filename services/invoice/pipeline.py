"""The one entry point for invoice fields: e-invoice XML first, else the text.

With an e-invoice, its XML is the record (exact values, FIELD_SOURCE_EINVOICE_XML)
and the printed text is extracted to cross-check it (the results go to
``checks``) and to fill the fields the XML does not state (a BASIC profile
without bank details, a BIC not given): those keep their text source and say so.
An XML that cannot be read is a warning, and the fields come from the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from services.doctype.classify import classify_document
from services.intake.pagetext import PAGE_SEPARATOR
from services.invoice.extract import extract_fields
from services.invoice.review import review
from services.invoice.suppliers import SupplierRegistry
from services.invoice.typed_fields import type_fields

log = structlog.get_logger("ocrmesh.invoice")

# Without these the XML was not read, whatever it parsed to.
ESSENTIAL = ("rechnungsnummer", "betrag_brutto")
# Amounts a credit note states as credited (given positive, whatever sign the page prints).
CREDIT_AMOUNTS = ("betrag_netto", "mwst", "betrag_brutto")


@dataclass
class InvoiceOutcome:
    """The invoice fields of a document (with its type's fields), the warnings a person should see
    about them, and the document's type."""

    fields: pb.InvoiceFields
    warnings: list[str] = field(default_factory=list)
    document_type: pb.DocumentClassification | None = None


def build_invoice_fields(
    pages: Sequence[pb.PageResult],
    einvoice: pb.EInvoice | None = None,
    suppliers: SupplierRegistry | None = None,
) -> pb.InvoiceFields:
    """Invoice fields of a document from its pages and, if present, its e-invoice XML."""
    return build_invoice(pages, einvoice, suppliers).fields


def build_invoice(
    pages: Sequence[pb.PageResult],
    einvoice: pb.EInvoice | None = None,
    suppliers: SupplierRegistry | None = None,
) -> InvoiceOutcome:
    """Invoice fields and warnings of a document from its pages and, if present, its e-invoice XML;
    then its type and the fields the type adds (a reminder's level, a contract's parties)."""
    text = PAGE_SEPARATOR.join(page.text for page in pages)
    document_type = classify_document(text, einvoice)  # first: a supplier's template is per type
    outcome = _invoice_fields(pages, einvoice, suppliers, document_type.type)
    outcome.document_type = document_type
    _add_type_fields(outcome.fields, type_fields(text, outcome.document_type.type, outcome.fields))
    if outcome.document_type.type == "gutschrift":
        _credit_amounts_positive(outcome.fields)
    return outcome


def _add_type_fields(fields: pb.InvoiceFields, typed: Sequence[pb.Field]) -> None:
    """The type's fields join the invoice fields; its own `datum` label (Bestelldatum) replaces a guess."""
    existing = {f.name: f for f in fields.fields}
    for f in typed:
        if f.name in existing:
            existing[f.name].CopyFrom(f)
        else:
            fields.fields.add().CopyFrom(f)


def _credit_amounts_positive(fields: pb.InvoiceFields) -> None:
    """A credit note's amounts as positive numbers: the type says it is a credit (issue 18)."""
    for f in fields.fields:
        if f.name in CREDIT_AMOUNTS and f.value.startswith("-"):
            f.value = f.value[1:]
            f.issues.append("printed negative; given as a positive amount of a credit note")


def _invoice_fields(
    pages: Sequence[pb.PageResult],
    einvoice: pb.EInvoice | None,
    suppliers: SupplierRegistry | None,
    document_type: str = "rechnung",
) -> InvoiceOutcome:
    supplier = suppliers.match(pages) if suppliers is not None and pages else None
    if supplier is not None:
        supplier = supplier.for_type(document_type)
    text_fields = extract_fields(pages, supplier) if pages else pb.InvoiceFields()
    if einvoice is None or not einvoice.xml:
        return InvoiceOutcome(text_fields)
    # Imported here: the XML module is optional for text-only deployments.
    from services.invoice.einvoice import EInvoiceError, cross_check, parse_einvoice

    name = einvoice.filename or "the e-invoice XML"
    try:
        xml_fields = parse_einvoice(einvoice.xml)
    except EInvoiceError as exc:
        log.warning("einvoice_unreadable", attachment=einvoice.filename, error=str(exc))
        return InvoiceOutcome(text_fields, [f"{name} could not be read ({exc}); fields taken from the page"])
    stated = {f.name for f in xml_fields.fields if f.value}
    missing = [n for n in ESSENTIAL if n not in stated]
    if missing:
        log.warning("einvoice_unreadable", attachment=einvoice.filename, missing=missing)
        what = (
            f"{name} ({xml_fields.einvoice_profile or einvoice.syntax}) states no {' and no '.join(missing)}"
        )
        if pages:
            return InvoiceOutcome(
                text_fields, [f"{what}: not read as the record; fields taken from the page"]
            )
        # A standalone XML has no page: what it does state is all there is.
        return InvoiceOutcome(xml_fields, [f"{what}; the fields it states are returned"])
    result = pb.InvoiceFields()
    result.CopyFrom(xml_fields)
    if pages:
        result.checks.extend(cross_check(result, text_fields))
        _place_from_text(result, text_fields)
        _fill_from_text(result, text_fields)
        if not result.line_items:  # an XML without lines read (ZUGFeRD 1.0): the printed rows
            result.line_items.extend(text_fields.line_items)
    if not result.supplier_id and text_fields.supplier_id:
        result.supplier_id = text_fields.supplier_id
    review(result)
    return InvoiceOutcome(result)


def _place_from_text(result: pb.InvoiceFields, text_fields: pb.InvoiceFields) -> None:
    """Where an XML value is printed: the page and box of the printed value its cross-check found equal."""
    agreed = {c.name.removeprefix("xml_vs_text:") for c in result.checks if c.passed and c.name.startswith("xml_vs_text:")}
    printed = {}
    for f in text_fields.fields:
        if f.page and f.HasField("box") and f.source != pb.FIELD_SOURCE_COMPUTED:
            printed.setdefault(f.name, f)
    for f in result.fields:
        where = printed.get(f.name)
        if f.name in agreed and where is not None and not f.HasField("box"):
            f.page = where.page
            f.box.CopyFrom(where.box)


def _fill_from_text(result: pb.InvoiceFields, text_fields: pb.InvoiceFields) -> None:
    """Fields the XML does not state, taken from the printed page (source and an issue say so)."""
    stated = {f.name for f in result.fields}
    for f in text_fields.fields:
        if f.name in stated or not f.value:
            continue
        added = result.fields.add()
        added.CopyFrom(f)
        added.issues.append("not stated in the e-invoice XML; read from the printed page")


def has_template(suppliers: SupplierRegistry | None, pages: Sequence[pb.PageResult]) -> bool:
    """Whether the pages' supplier is known with a learned template (its fields are then extracted with it)."""
    if suppliers is None or not pages:
        return False
    profile = suppliers.match(pages)
    return profile is not None and bool(profile.template or profile.type_templates or profile.labels)
