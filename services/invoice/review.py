"""Whether a person should look at an invoice's fields, and which checks concern which fields.

``needs_review`` is set when a check on the chosen values failed, a required field
is missing, a field's value failed its own check (a date that is none, a malformed BIC) without a
check saying so, the amounts could not be checked against each other, they were found
by arithmetic alone (no label read), or a printed amount's digits were corrected by the sum, or a total was
computed from the other two. A wrong value is worse than a flagged one.
A failed line-item sum (``line_items=netto``) flags only when netto + mwst = brutto
did not hold as well; a check that could not be made (``not_applicable``) never flags.
Comparisons of an e-invoice's XML with its printed text (``xml_vs_text:*``) are
reported but do not flag: the XML is the record.
"""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb

REQUIRED = ("rechnungsnummer", "datum", "betrag_brutto")
AMOUNTS = ("betrag_netto", "mwst", "betrag_brutto")
_CHECK_FIELDS = {
    "netto+mwst=brutto": AMOUNTS,
    "mwst=sum(rate×base)": ("mwst",),
    "iban_checksum": ("iban",),
    "bic_format": ("bic",),
    "ust_id_check_digits": ("ust_id",),
    "steuernummer_format": ("steuernummer",),
    "line_items=netto": ("betrag_netto",),
}
# Checks whose failure flags only when netto + mwst = brutto did not hold: line items can be read
# incompletely (a line without quantity × price, a discount not named), the amount triple is the record.
_FLAG_UNLESS_SUMMED = ("line_items=netto",)
_NOT_FLAGGING = ("xml_vs_text:",)
# An issue of an amount that no label gave (services/invoice/extract.py, _arithmetic_candidates).
NO_LABEL = "no label read"
# An issue of an amount whose printed digits the sum corrected (extract.py, _misread_candidates): the sum
# confirms it, a person should still see it.
DIGIT_REPAIR = "OCR digit confusion"
# An issue of a total computed from the other two because no reading of it added up (extract.py,
# _vat_from_sum, _brutto_from_sum): arithmetic and VAT rates confirm it, nobody read it.
COMPUTED_TOTAL = "computed from the other totals"
# An issue of an amount the no-VAT rule (extract.py, _zero_vat: the invoice states it charges no VAT) put in place
# of the value read: a person should confirm the invoice charges none.
NO_VAT_REPLACED = "in place of the value read,"


def fields_of_check(name: str) -> tuple[str, ...]:
    if name in _CHECK_FIELDS:
        return _CHECK_FIELDS[name]
    if name.startswith("mwst_rate_"):
        return ("mwst",)
    if name.endswith("_plausible"):
        return (name.removesuffix("_plausible"),)
    if ":" in name:
        return (name.split(":", 1)[1],)
    return ()


def review(result: pb.InvoiceFields) -> None:
    """Set ``needs_review``, ``review_reasons``, ``missing`` and each check's ``fields`` on ``result``."""
    found = {f.name: f for f in result.fields if f.value}
    reasons: list[str] = []
    missing = [n for n in REQUIRED if n not in found]
    if missing:
        reasons.append(f"required field(s) not found: {', '.join(missing)}")
    summed_ok = any(c.name == "netto+mwst=brutto" and c.passed for c in result.checks)
    for check in result.checks:
        if not check.fields:
            check.fields.extend(fields_of_check(check.name))
        if check.passed or check.name.startswith(_NOT_FLAGGING):
            continue
        if check.name in _FLAG_UNLESS_SUMMED and summed_ok:
            continue
        reasons.append(f"check {check.name} failed: {check.message}")
    checked = {name for c in result.checks if not c.passed for name in c.fields}
    invalid = [n for n, f in found.items() if f.HasField("valid") and not f.valid and n not in checked]
    if invalid:
        reasons.append(f"{', '.join(invalid)} failing {'its' if len(invalid) == 1 else 'their'} own check")
    absent = [n for n in AMOUNTS if n not in found]
    summed = any(c.name == "netto+mwst=brutto" for c in result.checks)
    if not summed and len(absent) < len(AMOUNTS):
        reasons.append(f"netto + mwst = brutto not checked: {', '.join(absent)} not found")
    guessed = [n for n in AMOUNTS if n in found and any(NO_LABEL in i for i in found[n].issues)]
    if guessed:
        reasons.append(f"{', '.join(guessed)} found by arithmetic alone (no label read)")
    repaired = [n for n in AMOUNTS if n in found and any(DIGIT_REPAIR in i for i in found[n].issues)]
    if repaired:
        reasons.append(
            f"{', '.join(repaired)} read with an OCR digit confusion, corrected by netto + mwst = brutto"
        )
    replaced = [n for n in AMOUNTS if n in found and any(NO_VAT_REPLACED in i for i in found[n].issues)]
    if replaced:
        reasons.append(f"{', '.join(replaced)} set by the invoice's no-VAT statement in place of the value read")
    computed = [n for n in AMOUNTS if n in found and any(COMPUTED_TOTAL in i for i in found[n].issues)]
    if computed:
        reasons.append(f"{', '.join(computed)} {COMPUTED_TOTAL} (netto + mwst = brutto): its printed value was not readable")
    del result.review_reasons[:]
    del result.missing[:]
    result.review_reasons.extend(reasons)
    result.missing.extend(missing)
    result.needs_review = bool(reasons)
