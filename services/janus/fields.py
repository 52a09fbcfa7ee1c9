"""Invoice fields answered by Janus, checked before anyone sees them.

A VLM's answer is never trusted unchecked. Each answered value must
1. parse and pass its field's validator (dates: calendar + plausible year;
   amounts: German/English number formats; IBAN/BIC/USt-IdNr./Steuernummer:
   the checksums and formats of `services.invoice.validate`), and
2. be grounded: appear in the document's recognised text (fuzzy, so OCR
   spacing differences pass; a value the page does not show is an invention).
Accepted values fill fields the text extraction did not find (source
FIELD_SOURCE_VLM); where both found a field and disagree, the text's value
stays and a failed check says so. Rejected answers become failed checks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice import validate
from services.invoice.dates import find_dates, is_plausible, parse_date
from services.invoice.numbers import CURRENCY_CODES, currency_of, find_amounts, format_amount, parse_amount
from services.janus.prompts import FIELD_NAMES

DATE_FIELDS = ("datum", "leistungsdatum", "faelligkeit")
AMOUNT_FIELDS = ("betrag_netto", "mwst", "betrag_brutto")
# Partial-ratio score (0..100) a value needs against the page text to count as printed there.
GROUNDING_SCORE = 90.0


@dataclass(frozen=True)
class Checked:
    name: str
    raw: str
    value: str
    valid: bool | None  # None: no format check applies (grounding only)
    problem: str = ""


def parse_answer(text: str) -> dict[str, str]:
    """The JSON object in a model's answer (code fences and chatter around it tolerated)."""
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        return {}
    try:
        data = json.loads(text[start : end + 1])
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    answer: dict[str, str] = {}
    for name in FIELD_NAMES:
        value = data.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip() and value.strip().lower() not in ("null", "none", "n/a", "-"):
            answer[name] = value.strip()
    return answer


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def grounded(raw: str, page_text: str) -> bool:
    needle, haystack = _normalise(raw), _normalise(page_text)
    if not needle or not haystack:
        return False
    if needle in haystack or needle.replace(" ", "") in haystack.replace(" ", ""):
        return True
    return len(needle) >= 4 and fuzz.partial_ratio(needle, haystack) >= GROUNDING_SCORE


def check(name: str, raw: str, page_text: str) -> Checked:
    value, valid, problem = raw, None, ""
    if name in DATE_FIELDS:
        parsed = _date(raw)
        valid = parsed is not None and is_plausible(parsed)
        value = parsed.isoformat() if parsed else raw
        problem = "" if valid else "not a plausible date"
    elif name in AMOUNT_FIELDS:
        amount = parse_amount(raw)
        valid = amount is not None
        value = format_amount(amount) if amount is not None else raw
        problem = "" if valid else "not an amount"
    elif name == "waehrung":
        code = raw.upper() if raw.upper() in CURRENCY_CODES else currency_of(raw)
        valid = code is not None
        value = code or raw
        problem = "" if valid else "not a currency"
    elif name in validate.VALIDATORS:
        compact = {"iban": validate.compact_iban, "ust_id": validate.compact_vat}.get(name, str.strip)(raw)
        value = compact if name == "steuernummer" else compact.upper()
        valid = validate.VALIDATORS[name](value)
        problem = "" if valid else "fails its checksum or format"
    if not problem and name != "waehrung" and not (grounded(raw, page_text) or _value_printed(name, value, page_text)):
        problem = "not found in the document's text"
        valid = False if valid is not None else None
    return Checked(name, raw, value, valid, problem)


def _value_printed(name: str, value: str, page_text: str) -> bool:
    """Dates and amounts count as printed when the same value stands on the page in any format."""
    if name in DATE_FIELDS:
        return any(f.value.isoformat() == value for f in find_dates(page_text))
    if name in AMOUNT_FIELDS:
        return any(format_amount(abs(a.value)) == value.lstrip("-") for a in find_amounts(page_text))
    return False


def _date(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        return parse_date(raw)


def merge(fields: pb.InvoiceFields, answer: dict[str, str], page_text: str, confidence: float, page: int) -> None:
    """Merge checked VLM answers into `fields` (see the module docstring)."""
    existing = {f.name: f for f in fields.fields}
    accepted: dict[str, Checked] = {}
    for name, raw in answer.items():
        c = check(name, raw, page_text)
        if c.problem:
            fields.checks.add(name=f"vlm_{name}", passed=False, message=f"model answer {raw!r} rejected: {c.problem}")
            continue
        accepted[name] = c
    netto, mwst, brutto = (accepted.get(n) for n in AMOUNT_FIELDS)
    if netto and mwst and brutto:
        from decimal import Decimal

        r = validate.check_sum(Decimal(netto.value), Decimal(mwst.value), Decimal(brutto.value))
        if not r.passed:
            fields.checks.add(name="vlm_netto+mwst=brutto", passed=False, message=f"model amounts rejected: {r.message}")
            for n in AMOUNT_FIELDS:
                accepted.pop(n, None)
    for name, c in accepted.items():
        known = existing.get(name)
        if known is not None:
            agrees = known.value.replace(" ", "").lower() == c.value.replace(" ", "").lower()
            fields.checks.add(
                name=f"vlm_vs_text_{name}",
                passed=agrees,
                message=f"text {known.value!r}, model {c.value!r}" + ("" if agrees else "; the text's value is kept"),
            )
            continue
        field = fields.fields.add(
            name=name, value=c.value, raw=c.raw, confidence=confidence, page=page, source=pb.FIELD_SOURCE_VLM
        )
        if c.valid is not None:
            field.valid = c.valid
