"""Turn the stated terms of an e-invoice into the contract's InvoiceFields.

Values are normalised (ISO dates, two-decimal amounts, compact ids), never
corrected: an IBAN with a wrong checksum stays as stated and is reported
invalid. Consistency checks (totals, VAT breakdown, checksums) are reported as
`Check`s.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice import validate
from services.invoice.einvoice_read import StatedDate, StatedInvoice, StatedLine
from services.invoice.einvoice_xml import profile_name
from services.invoice.identifiers import INVALID_CONFIDENCE, IdCheck, check_identifier
from services.invoice.numbers import plain_number

CENT = Decimal("0.01")

# UNTDID 1001 document types allowed by EN 16931 for invoices and credit notes,
# with names for the common ones.
INVOICE_TYPES = {
    "71", "80", "82", "84", "102", "130", "202", "203", "204", "211", "218", "219", "295", "325", "326",
    "331", "380", "382", "383", "384", "385", "386", "387", "388", "389", "390", "393", "394", "395",
    "456", "457", "527", "553", "575", "623", "633", "751", "780", "817", "870", "875", "876", "877",
    "935",
}  # fmt: skip
CREDIT_NOTE_TYPES = {"81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"}
TYPE_NAMES = {
    "326": "partial invoice (Teilrechnung)",
    "380": "commercial invoice (Rechnung)",
    "381": "credit note (Gutschrift / Rechnungskorrektur)",
    "384": "corrected invoice (Rechnungskorrektur)",
    "386": "prepayment invoice (Vorauszahlungsrechnung)",
    "387": "hire invoice (Mietrechnung)",
    "389": "self-billed invoice (Gutschrift nach UStG)",
    "575": "insurer's invoice (Versicherungsrechnung)",
    "751": "invoice information for accounting purposes",
    "875": "partial construction invoice (Abschlagsrechnung)",
    "876": "partial final construction invoice (Teilschlussrechnung)",
    "877": "final construction invoice (Schlussrechnung)",
}


class _Builder:
    """Collects fields and checks for one invoice."""

    def __init__(self) -> None:
        self.out = pb.InvoiceFields()

    def add(
        self, name: str, value: str, raw: str, valid: bool | None = None, issues: Iterable[str] = ()
    ) -> pb.Field:
        entry = pb.Field(
            name=name,
            value=value,
            raw=raw,
            confidence=1.0,
            source=pb.FIELD_SOURCE_EINVOICE_XML,
            issues=list(issues),
        )
        if valid is not None:
            entry.valid = valid
        self.out.fields.append(entry)
        return entry

    def check(self, name: str, passed: bool, message: str) -> None:
        self.out.checks.append(pb.Check(name=name, passed=passed, message=message))

    def text(self, name: str, raw: str | None) -> None:
        if raw is not None and raw.strip():
            self.add(name, raw.strip(), raw)

    def date(self, name: str, stated: StatedDate | None, issues: Iterable[str] = ()) -> None:
        if stated is not None:
            value, problem = normalise_date(stated)
            all_issues = [*issues, problem] if problem else list(issues)
            self.add(name, value, stated.text, valid=problem is None, issues=all_issues)

    def amount(self, name: str, raw: str | None) -> Decimal | None:
        if raw is None:
            return None
        number, value, problem = normalise_amount(raw)
        self.add(name, value, raw, valid=False if problem else None, issues=filter(None, [problem]))
        return number


# xsd:date may carry a time zone ("2016-04-04+01:00", "2016-04-04Z"): the calendar day is before it.
_XSD_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$")


def normalise_date(stated: StatedDate) -> tuple[str, str | None]:
    """ISO date and a problem (None if fine). CII format 102 is YYYYMMDD; UBL dates are ISO (xsd:date) already.

    A CII date written as YYYY-MM-DD under format 102 (older writers) is read as the day it states.
    """
    text = stated.text.strip()
    iso = _XSD_DATE.match(text)
    try:
        if stated.format == "102" and not iso:
            return dt.datetime.strptime(text, "%Y%m%d").date().isoformat(), None
        if stated.format in ("ISO", "102") and iso:
            return dt.date.fromisoformat(iso.group(1)).isoformat(), None
    except ValueError:
        return text, f"{text!r} is not a valid date in format {stated.format}"
    if stated.format == "ISO":
        return text, f"{text!r} is not a valid date in format ISO"
    return text, f"date format {stated.format} is not a calendar day (102 = YYYYMMDD); kept as stated"


def normalise_amount(raw: str) -> tuple[Decimal | None, str, str | None]:
    """The amount as Decimal, its decimal string with at least two decimals, and a problem (or None)."""
    text = raw.strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, text, f"{text!r} is not a decimal number"
    if not number.is_finite():
        return None, text, f"{text!r} is not a decimal number"
    if number == number.quantize(CENT):
        return number, format(number.quantize(CENT), "f"), None
    # More than two decimals are stated: keep them, never round silently.
    return number, format(number.normalize(), "f"), f"{text} has more than two decimals; kept as stated"


def _money(number: Decimal) -> str:
    return format(number.quantize(CENT), "f") if number == number.quantize(CENT) else format(number, "f")


def _rate(raw: str | None) -> str:
    if raw is None:
        return ""
    number, _, problem = normalise_amount(raw)
    return raw.strip() if number is None or problem else format(number.quantize(CENT), "f")


def build_fields(inv: StatedInvoice) -> pb.InvoiceFields:
    """The InvoiceFields of the stated invoice, with validations and consistency checks."""
    b = _Builder()
    b.out.einvoice_profile = profile_name(inv.guideline, inv.flavor)

    b.text("rechnungsnummer", inv.number)
    b.date("datum", inv.issue_date)
    _service_date(b, inv)
    if inv.due_dates:
        first, *rest = (normalise_date(d)[0] for d in inv.due_dates)
        further = sorted(set(rest) - {first})
        b.date(
            "faelligkeit",
            inv.due_dates[0],
            issues=[f"further due dates stated: {', '.join(further)}"] if further else [],
        )
    if inv.payment_terms:
        raw = "\n".join(inv.payment_terms)
        b.add("zahlungsbedingungen", "\n".join(t.strip() for t in inv.payment_terms), raw)

    currency = (inv.currency or "").strip().upper()
    netto = b.amount("betrag_netto", inv.tax_basis_total)
    # BT-110 is the tax total in the invoice currency; a second TaxTotalAmount in
    # another currency is BT-111 (VAT in accounting currency) and not ours.
    in_currency = [t for t in inv.tax_totals if t.currency.strip().upper() in ("", currency)]
    mwst = b.amount("mwst", in_currency[0].text) if in_currency else _mwst_from_breakdown(b, inv)
    brutto = b.amount("betrag_brutto", inv.grand_total)
    if currency:
        b.add("waehrung", currency, inv.currency or "")

    _seller(b, inv)
    b.text("kundennummer", inv.buyer_id)
    if inv.order_refs:
        b.text("bestellnummer", inv.order_refs[0])

    _tax_breakdown(b, inv, mwst)
    _totals_check(b, netto, mwst, brutto)
    _document_type_check(b, inv)
    b.out.line_items.extend(_line_item(line) for line in inv.lines)
    return b.out


# UN/ECE Recommendation 20 unit codes as a German invoice prints them; others stay as the code.
UNIT_NAMES = {"C62": "Stk", "H87": "Stk", "XPP": "Stk", "HUR": "Std.", "DAY": "Tag", "MON": "Monat",
              "KGM": "kg", "MTR": "m", "MTK": "m²", "LTR": "l", "LS": "pauschal", "E48": "Einheit"}  # fmt: skip


def _line_item(line: StatedLine) -> pb.LineItem:
    def number(raw: str | None, money: bool = False) -> str:
        value = normalise_amount(raw)[0] if raw else None
        if value is None:
            return ""
        return _money(value) if money else plain_number(value)

    unit = (line.unit_code or "").strip()
    return pb.LineItem(
        position=(line.line_id or "").strip(),
        article_number=(line.article or "").strip(),
        description=" ".join((line.name or "").split()),
        quantity=number(line.quantity),
        unit=UNIT_NAMES.get(unit, unit),
        unit_price=number(line.net_price, money=True),
        amount=number(line.amount, money=True),
        vat_rate=number(line.rate),
    )


def _mwst_from_breakdown(b: _Builder, inv: StatedInvoice) -> Decimal | None:
    """No VAT total (BT-110) stated: the sum of the VAT breakdown's amounts (BT-117), marked computed."""
    amounts = [normalise_amount(t.amount)[0] for t in inv.taxes if t.amount is not None]
    if not amounts or any(a is None for a in amounts):
        return None
    total = sum((a for a in amounts if a is not None), Decimal(0))
    entry = b.add(
        "mwst", _money(total), "", issues=["no VAT total (BT-110) stated; the sum of the VAT breakdown"]
    )
    entry.source = pb.FIELD_SOURCE_COMPUTED
    return total


def _service_date(b: _Builder, inv: StatedInvoice) -> None:
    """leistungsdatum: the delivery date (BT-72), else the billing period (BT-73/74) as ISO interval."""
    if inv.delivery_date is not None:
        b.date("leistungsdatum", inv.delivery_date)
        return
    start, end = inv.period_start, inv.period_end
    if start is not None and end is not None:
        (v1, p1), (v2, p2) = normalise_date(start), normalise_date(end)
        problems = [p for p in (p1, p2) if p]
        b.add("leistungsdatum", f"{v1}/{v2}", f"{start.text}/{end.text}", valid=not problems, issues=problems)
    elif start is not None:
        b.date("leistungsdatum", start, issues=["only the start of the billing period is stated"])
    elif end is not None:
        b.date("leistungsdatum", end, issues=["only the end of the billing period is stated"])


def _seller(b: _Builder, inv: StatedInvoice) -> None:
    b.text("lieferant", inv.seller_name)
    parts = [s.strip() for s in inv.seller_street if s.strip()]
    town = " ".join(s.strip() for s in (inv.seller_postcode, inv.seller_city) if s and s.strip())
    if town:
        parts.append(town)
    if inv.seller_country and inv.seller_country.strip():
        parts.append(inv.seller_country.strip())
    if parts:
        stated = [*inv.seller_street, inv.seller_postcode, inv.seller_city, inv.seller_country]
        raw = "\n".join(s for s in stated if s)
        b.add("lieferant_adresse", ", ".join(parts), raw)

    vat_ids, tax_numbers = _tax_registrations(inv)
    if vat_ids:
        first = check_identifier("ust_id", vat_ids[0], repair_ocr=False)
        others = sorted(
            {check_identifier("ust_id", v, repair_ocr=False).value for v in vat_ids[1:]} - {first.value}
        )
        issues = list(first.issues)
        if others:
            issues.append(f"further VAT ids stated: {', '.join(others)}")
        _checked(b, first, vat_ids[0], issues)
        ok = f"the VAT id {first.value} is well-formed and its check digits agree"
        b.check("ust_id_checksum", first.valid, first.issues[0] if first.issues else ok)

    if tax_numbers:
        raw = tax_numbers[0]
        country = (inv.seller_country or "DE").strip().upper()
        if country == "DE":
            _checked(b, check_identifier("steuernummer", raw, repair_ocr=False), raw)
        else:
            b.add("steuernummer", raw.strip(), raw)

    if inv.ibans:
        raw = inv.ibans[0]
        iban = check_identifier("iban", raw, repair_ocr=False)
        _checked(b, iban, raw)
        ok = f"the IBAN {iban.value} is valid (length and checksum)"
        b.check("iban_checksum", iban.valid, iban.issues[0] if iban.issues else ok)

    if inv.bics:
        raw = inv.bics[0]
        _checked(b, check_identifier("bic", raw, repair_ocr=False), raw)


def _checked(b: _Builder, got: IdCheck, raw: str, issues: Iterable[str] | None = None) -> None:
    entry = b.add(got.name, got.value, raw, valid=got.valid, issues=got.issues if issues is None else issues)
    if not got.valid:
        entry.confidence = INVALID_CONFIDENCE  # stated, but failing its check: not certain


def _tax_registrations(inv: StatedInvoice) -> tuple[list[str], list[str]]:
    """Seller VAT ids (BT-31) and tax numbers (BT-32), each by its shape when the scheme says otherwise.

    Older invoicing programs state the USt-IdNr. under scheme FC (or without a scheme) and the
    Steuernummer under VA: an id that is a valid VAT id and none under VA counts as the VAT id,
    a slashed number under VA as the Steuernummer.
    """
    vat_ids = [v for v in inv.seller_vat_ids if not _STNR_SHAPE.match(v.strip())]
    tax_numbers = [*inv.seller_tax_numbers, *(v for v in inv.seller_vat_ids if _STNR_SHAPE.match(v.strip()))]
    if not vat_ids:
        vat_ids = [v for v in tax_numbers if validate.is_valid_vat(v)]
    tax_numbers = [v for v in tax_numbers if v not in vat_ids]
    return vat_ids, tax_numbers


_STNR_SHAPE = re.compile(r"^\d{2,5}/\d{3,4}/\d{4,5}$")


def _tax_breakdown(b: _Builder, inv: StatedInvoice, mwst: Decimal | None) -> None:
    amounts: list[Decimal] = []
    for tax in inv.taxes:
        base = normalise_amount(tax.base) if tax.base is not None else (None, "", None)
        amount = normalise_amount(tax.amount) if tax.amount is not None else (None, "", None)
        b.out.tax.append(pb.TaxBreakdown(rate=_rate(tax.rate), base=base[1], amount=amount[1]))
        if amount[0] is not None:
            amounts.append(amount[0])
    if mwst is None or not inv.taxes:
        return
    if len(amounts) != len(inv.taxes):
        b.check("tax_breakdown=mwst", False, "a VAT breakdown entry states no readable tax amount")
        return
    total = sum(amounts, Decimal(0))
    parts = ", ".join(f"{t.rate or t.category} %: {t.amount}" for t in b.out.tax)
    if total == mwst:
        message = f"the VAT per rate ({parts}) adds up to {_money(total)}, the VAT total"
        b.check("tax_breakdown=mwst", True, message)
    else:
        b.check(
            "tax_breakdown=mwst",
            False,
            f"the VAT per rate ({parts}) adds up to {_money(total)}, but the VAT total is {_money(mwst)}",
        )


def _totals_check(b: _Builder, netto: Decimal | None, mwst: Decimal | None, brutto: Decimal | None) -> None:
    if netto is None or mwst is None or brutto is None:
        return
    total = netto + mwst
    sum_text = f"net {_money(netto)} + VAT {_money(mwst)} = {_money(total)}"
    if total == brutto:
        b.check("netto+mwst=brutto", True, f"{sum_text}, the stated total")
    else:
        b.check("netto+mwst=brutto", False, f"{sum_text}, but the stated total is {_money(brutto)}")


def _document_type_check(b: _Builder, inv: StatedInvoice) -> None:
    code = (inv.type_code or "").strip()
    name = TYPE_NAMES.get(code, "")
    if code in CREDIT_NOTE_TYPES:
        b.check(
            "document_type",
            True,
            f"document type {code}, {name or 'a credit note'}: the amounts as stated are credited "
            "to the buyer, not owed by them",
        )
    elif code in INVOICE_TYPES:
        b.check("document_type", True, f"document type {code}" + (f", {name}" if name else ", an invoice"))
    elif code:
        message = f"document type {code} is not an invoice or credit note type of EN 16931"
        b.check("document_type", False, message)
    else:
        b.check("document_type", False, "the XML states no document type (BT-3)")
