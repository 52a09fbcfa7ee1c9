"""Compare the e-invoice XML with the fields read from the printed page.

The XML is what gets booked; the printed page is what a person sees. When they
disagree, somebody must look: every field present in both becomes a Check named
"xml_vs_text:<field>".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from rapidfuzz import fuzz

from ocrmesh.v1 import ocr_pb2 as pb

LABELS = {
    "rechnungsnummer": "invoice number",
    "datum": "invoice date",
    "leistungsdatum": "delivery date",
    "faelligkeit": "due date",
    "zahlungsbedingungen": "payment terms",
    "betrag_netto": "net amount",
    "mwst": "VAT amount",
    "betrag_brutto": "total",
    "waehrung": "currency",
    "ust_id": "VAT id",
    "steuernummer": "tax number",
    "iban": "IBAN",
    "bic": "BIC",
    "lieferant": "supplier name",
    "lieferant_adresse": "supplier address",
    "kundennummer": "customer number",
    "bestellnummer": "order number",
}
AMOUNTS = {"betrag_netto", "mwst", "betrag_brutto"}
# Free text is laid out differently on paper (line breaks, abbreviations), so it
# agrees when it is nearly the same; everything else must be equal once normalised.
FREE_TEXT = {"lieferant", "lieferant_adresse", "zahlungsbedingungen"}
FREE_TEXT_MIN_SCORE = 90.0


def _compact(value: str) -> str:
    return re.sub(r"\s+", "", value).upper()


def _words(value: str) -> str:
    return " ".join(value.split()).casefold()


def _amount(value: str) -> Decimal | None:
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _steuernummer(value: str) -> str:
    return re.sub(r"\D", "", value)


_EXACT: dict[str, Callable[[str], object]] = {
    "rechnungsnummer": _compact,
    "ust_id": _compact,
    "iban": _compact,
    "bic": _compact,
    "waehrung": _compact,
    "kundennummer": _compact,
    "bestellnummer": _compact,
    "steuernummer": _steuernummer,
}


def _first(fields: pb.InvoiceFields) -> dict[str, pb.Field]:
    """The first value of every field as read (computed values, such as a due date from the terms, are not printed)."""
    out: dict[str, pb.Field] = {}
    for entry in fields.fields:
        if entry.value.strip() and entry.name not in out and entry.source != pb.FIELD_SOURCE_COMPUTED:
            out[entry.name] = entry
    return out


def _agree(name: str, xml_value: str, text_value: str) -> tuple[bool, str]:
    """Whether the values agree, and a note on how they were compared."""
    if name in AMOUNTS:
        a, b = _amount(xml_value), _amount(text_value)
        return (a is not None and a == b), ""
    if name in FREE_TEXT:
        # Payment terms often run over several lines, of which the text reader may
        # take only the first: printed words that all stand in the XML agree.
        ratio = fuzz.token_set_ratio if name == "zahlungsbedingungen" else fuzz.token_sort_ratio
        score = ratio(_words(xml_value), _words(text_value))
        return score >= FREE_TEXT_MIN_SCORE, f" (similarity {score:.0f} %)"
    normalise = _EXACT.get(name, _words)
    return normalise(xml_value) == normalise(text_value), ""


def cross_check(xml_fields: pb.InvoiceFields, text_fields: pb.InvoiceFields) -> list[pb.Check]:
    """One Check "xml_vs_text:<field>" for every field present in both; disagreements fail."""
    xml, text = _first(xml_fields), _first(text_fields)
    checks = []
    for name, xml_field in xml.items():
        text_field = text.get(name)
        if text_field is None:
            continue
        label = LABELS.get(name, name)
        printed = (text_field.raw or text_field.value).strip()
        stated = xml_field.value
        passed, how = _agree(name, stated, text_field.value)
        if passed:
            message = f"the printed {label} {printed} agrees with the XML {label} {stated}{how}"
        else:
            message = f"the printed {label} {printed} differs from the XML {label} {stated}{how}"
        checks.append(pb.Check(name=f"xml_vs_text:{name}", passed=passed, message=message))
    return checks
