"""E-invoices first: read the XML of ZUGFeRD 1.x/2.x, Factur-X and XRechnung (CII and UBL).

Since 2025 German businesses must accept e-invoices, and the XML states every
booking field exactly, so it beats any OCR. This module is the public entry:

- `find_embedded_einvoice(pdf)`: the invoice XML attached to a PDF (ZUGFeRD /
  Factur-X hybrid invoices), from its embedded files or PDF/A-3 associated files;
  `lookup_embedded_einvoice(pdf)` the same with warnings for attachments that
  look like e-invoices but cannot be read (never silence).
- `detect_einvoice_xml(content)`: a standalone XML upload (XRechnung), or None.
- `parse_einvoice(xml)`: the InvoiceFields exactly as the XML states them.
- `cross_check(xml_fields, text_fields)`: XML against what the printed page says.

The work is split over `einvoice_xml` (safe parsing, syntax and profile),
`einvoice_read` (business terms per syntax), `einvoice_fields`
(normalisation, validation, checks) and `einvoice_compare` (cross check).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import pymupdf
import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import PYMUPDF_LOCK
from services.invoice.einvoice_compare import cross_check
from services.invoice.einvoice_fields import build_fields
from services.invoice.einvoice_read import read_invoice
from services.invoice.einvoice_xml import MAX_XML_BYTES, EInvoiceError, NotAnInvoice, ParsedXml, parse_xml

__all__ = [
    "EInvoiceError",
    "EmbeddedLookup",
    "cross_check",
    "detect_einvoice_xml",
    "find_embedded_einvoice",
    "lookup_embedded_einvoice",
    "parse_einvoice",
]

log = structlog.get_logger("ocrmesh.einvoice")

# Attachment names the standards prescribe, tried first (compared case-insensitively):
# Factur-X / ZUGFeRD 2.1+, ZUGFeRD 2.0, ZUGFeRD 1.0 ("ZUGFeRD-invoice.xml"), XRechnung in a PDF.
KNOWN_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml")
# Attachments under other names are looked into up to this size.
MAX_SNIFF_BYTES = 5 * 1024 * 1024
_REFERENCE = re.compile(r"(\d+)\s+\d+\s+R")


def parse_einvoice(xml: bytes | str) -> pb.InvoiceFields:
    """The invoice's fields exactly as the XML states them (source EINVOICE_XML, confidence 1.0).

    Raises EInvoiceError for malformed XML, a DTD, or a document that is not an invoice.
    """
    return build_fields(read_invoice(parse_xml(xml)))


def detect_einvoice_xml(content: bytes) -> pb.EInvoice | None:
    """The e-invoice in a standalone XML upload; None if the bytes are not an e-invoice."""
    try:
        parsed = parse_xml(content)
    except EInvoiceError as exc:
        log.debug("xml upload is not an e-invoice", reason=str(exc))
        return None
    return _einvoice("", parsed)


@dataclass(frozen=True)
class EmbeddedLookup:
    """The e-invoice found in a PDF (or None) and the warnings about attachments that failed."""

    einvoice: pb.EInvoice | None
    warnings: list[str]


def find_embedded_einvoice(pdf: pymupdf.Document) -> pb.EInvoice | None:
    """The e-invoice XML embedded in `pdf`, or None (see `lookup_embedded_einvoice`)."""
    return lookup_embedded_einvoice(pdf).einvoice


def lookup_embedded_einvoice(pdf: pymupdf.Document) -> EmbeddedLookup:
    """The e-invoice XML embedded in `pdf`, with warnings about the attachments that failed.

    Looks at the embedded files (the names the standards prescribe first, then
    any other *.xml, then any attachment whose content is XML) and at the PDF/A-3
    associated files (/AF) of the catalog, and takes the first whose root is a
    CII or UBL invoice. An attachment under a standard's name, or an *.xml one
    that is broken, gives a warning when no e-invoice is found: the fields then
    come from the page, and the response says why.
    """
    problems: list[str] = []
    for attachment in _attachments(pdf):
        content = attachment.read(pdf)
        if content is None:
            if attachment.rank < 2:
                problems.append(f"the attachment {attachment.filename!r} cannot be read")
            continue
        if attachment.rank == 2 and not content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            continue  # not XML at all (an image, a spreadsheet)
        try:
            parsed = parse_xml(content)
        except EInvoiceError as exc:
            log.info("attachment is not an e-invoice", attachment=attachment.filename, reason=str(exc))
            if attachment.rank == 0 or not isinstance(exc, NotAnInvoice):
                problems.append(f"the attachment {attachment.filename!r} is not a readable e-invoice: {exc}")
            continue
        return EmbeddedLookup(
            _einvoice(attachment.filename, parsed), [f"{attachment.filename}: {n}" for n in parsed.notes]
        )
    warnings = [f"e-invoice XML not read, fields taken from the page: {p}" for p in problems]
    return EmbeddedLookup(None, warnings)


def _einvoice(filename: str, parsed: ParsedXml) -> pb.EInvoice:
    return pb.EInvoice(filename=filename, syntax=parsed.flavor.syntax, xml=parsed.text)


# ---------------------------------------------------------------- PDF attachments


@dataclass(frozen=True)
class _Attachment:
    """An embedded file: by name-tree entry (`name`) or by stream xref (associated files)."""

    filename: str
    name: str | None = None
    stream_xref: int = 0
    size: int = -1  # the declared uncompressed size, -1 when not stated
    rank: int = 1  # 0: a name a standard prescribes, 1: another *.xml, 2: any other name

    def read(self, pdf: pymupdf.Document) -> bytes | None:
        if self.size > MAX_XML_BYTES:
            log.info("attachment too large for an e-invoice", attachment=self.filename, size=self.size)
            return None
        with PYMUPDF_LOCK:
            try:
                if self.name is not None:
                    return pdf.embfile_get(self.name)
                return pdf.xref_stream(self.stream_xref)
            except (RuntimeError, ValueError) as exc:  # MuPDF reports broken streams this way
                log.info("attachment cannot be read", attachment=self.filename, error=str(exc))
                return None


def _attachments(pdf: pymupdf.Document) -> list[_Attachment]:
    """XML attachments in the order to try them: known names, other *.xml, then /AF-only files."""
    found: list[_Attachment] = []
    with PYMUPDF_LOCK:
        if not pdf.is_pdf:
            return []
        for name in pdf.embfile_names():
            info = pdf.embfile_info(name)
            filename = info.get("ufilename") or info.get("filename") or name
            found.append(_Attachment(filename=filename, name=name, size=int(info.get("size", -1) or -1)))
        names_seen = {a.filename.lower() for a in found} | {(a.name or "").lower() for a in found}
        for filename, stream_xref in _associated_files(pdf):
            if filename.lower() not in names_seen:
                found.append(_Attachment(filename=filename, stream_xref=stream_xref))

    def rank(a: _Attachment) -> int:
        names = {a.filename.lower(), (a.name or "").lower()}
        if names & set(KNOWN_NAMES):
            return 0
        return 1 if any(n.endswith(".xml") for n in names) else 2

    ranked = [dataclasses.replace(a, rank=rank(a)) for a in found]
    # Any other attachment is sniffed too (older programs wrote "invoice" or "ZUGFeRD" without .xml),
    # unless stated to be too large for one.
    return sorted((a for a in ranked if a.rank < 2 or a.size <= MAX_SNIFF_BYTES), key=lambda a: a.rank)


def _associated_files(pdf: pymupdf.Document) -> list[tuple[str, int]]:
    """(filename, stream xref) of the catalog's PDF/A-3 associated files. Caller holds the lock."""
    catalog = pdf.pdf_catalog()
    kind, value = pdf.xref_get_key(catalog, "AF")
    if kind == "xref":
        value = pdf.xref_object(int(value.split()[0]), compressed=True)
    elif kind != "array":
        return []
    files = []
    for match in _REFERENCE.finditer(value):
        spec = int(match.group(1))
        filename = ""
        for key in ("UF", "F"):
            key_kind, key_value = pdf.xref_get_key(spec, key)
            if key_kind == "string" and key_value:
                filename = key_value
                break
        for key in ("EF/UF", "EF/F"):
            key_kind, key_value = pdf.xref_get_key(spec, key)
            if key_kind == "xref":
                files.append((filename, int(key_value.split()[0])))
                break
    return files
