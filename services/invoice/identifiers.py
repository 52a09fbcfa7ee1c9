"""Checksummed identifiers of an invoice: find, compact, check, repair, derive.

One place for IBAN, BIC, USt-IdNr. / foreign VAT ids and the German Steuernummer,
used by the text extraction and the e-invoice reader alike:

- `check_identifier(name, raw)`: the compact value, whether it passes its check
  (schwifty, python-stdnum) and what was done; read from a page, OCR confusions
  are repaired only where exactly one repair validates (`services.invoice.repair`).
- `find_ibans(text)`: IBANs printed with any spacing ("DE89 3704 0044 ...",
  "DE 89 37040044 0532013000") and OCR confusions.
- `derived_bic(iban)`: the BIC registered for a German or Austrian IBAN's bank code.
- `failed_identifiers(fields)`: the identifier fields that failed their check, so the
  caller sets ``needs_review``: a value that fails its checksum is never certain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from schwifty import registry
from schwifty.exceptions import SchwiftyException

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice import validate
from services.invoice.repair import TO_DIGIT, TO_LETTER, Repair, mask_for, repair

CHECKED = ("iban", "bic", "ust_id", "steuernummer")
CHECK_TEXT = {
    "iban": "IBAN checksum or length",
    "bic": "BIC format",
    "ust_id": "VAT id check digits",
    "steuernummer": "Steuernummer format",
}
# Countries whose bank code names one bank, so its registered BIC may stand in for a missing one.
BIC_FROM_BANK_CODE = ("DE", "AT")
# A misread letter of a bank code is repaired only in a country with at most this many registered codes (NL: 86):
# among GB's 2,379, a broken IBAN found a registered neighbour passing mod 97 in about 1 of 100 (review, session 15).
MAX_BANK_CODES = 200
# Confidence factor of a value that fails its check (the text path scales its own confidence too).
INVALID_CONFIDENCE = 0.5

_CONFUSABLE = re.escape("".join(TO_DIGIT))
# Country code, check digits (maybe misread), then at least 11 more characters with single spaces, or a
# speck a scan put between two of them read as "." or ",".
IBAN_RE = re.compile(rf"(?<![A-Za-z0-9])[A-Z]{{2}} ?[0-9{_CONFUSABLE}]{{2}}(?:[ .,]?[A-Za-z0-9]){{11,32}}")
_IBAN_GAPS = frozenset(" .,")
# A VAT id as printed: country code (CHE for Swiss UIDs), then digits and letters with single
# separators ("DE 136 695 976", "BE 0403.019.261", "CHE-116.281.710 MWST", "NL004495445B01").
# The country code may come apart in a scan ("D E136695976"), its first digit be read as a letter ("BEO547039121"):
# its check digits still decide.
VAT_RUN_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:CHE|ATU|[A-Z] ?[A-Z])[ .\-]?[0-9OIl][0-9A-Z]*(?:[ .\-]?[0-9A-Z]+){0,5}"
)
# A SEPA creditor identifier ("Gläubiger-ID DE98ZZZ09999999999"): country, check digits, a business code (mostly
# "ZZZ"), the national id. Its first characters may pass a VAT id's checksum once "ZZZ" is read as digits.
CREDITOR_ID_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2} ?\d{2} ?(?=[A-Z0-9]{0,2}[A-Z])[A-Z0-9]{3} ?\d{6,}")
# Lengths of VAT ids with their country code, longest first (a run of text is cut to them).
VAT_LENGTHS: dict[str, tuple[int, ...]] = {
    "DE": (11,), "AT": (11,), "FR": (13,), "NL": (14,), "BE": (12, 11), "LU": (10,), "IT": (13,),
    "ES": (11,), "PT": (11,), "PL": (12,), "CZ": (12, 11, 10), "DK": (10,), "SE": (14,), "FI": (10,),
    "IE": (11, 10), "GB": (14, 11), "EL": (11,), "CHE": (16, 12),
}  # fmt: skip
DEFAULT_VAT_LENGTHS = tuple(range(14, 7, -1))
# A Steuernummer as printed after its label (12/345/67890, 123/456/78901, 2893081508152, 12 345 67890),
# OCR confusions included; at least six real digits.
STNR_PRINTED = re.compile(rf"\s*([0-9{_CONFUSABLE}][0-9{_CONFUSABLE}/ ]{{8,16}}[0-9{_CONFUSABLE}])")
MIN_STNR_DIGITS = 6


@dataclass(frozen=True)
class IdCheck:
    """The outcome of checking one identifier."""

    name: str
    value: str
    valid: bool
    issues: tuple[str, ...] = ()
    ambiguous: bool = False


@dataclass(frozen=True)
class IdMatch:
    """An identifier found in text: [start, end) in the text and its characters without separators."""

    start: int
    end: int
    compact: str


def compact(name: str, raw: str) -> str:
    """The value without its printed separators (a Steuernummer keeps its slashes)."""
    if name == "iban":
        return re.sub(r"[\s.,\-]", "", raw)
    if name in ("ust_id", "bic"):
        return validate.compact_vat(raw)
    if "/" in raw:
        # Printed with slashes (12/345/67890): a space inside is a gap OCR put in ("2 01/113/40209").
        return re.sub(r"\s+", "", raw)
    return raw.strip()


def check_identifier(name: str, raw: str, repair_ocr: bool = True) -> IdCheck:
    """``raw`` compacted and checked; with ``repair_ocr``, OCR confusions repaired where unambiguous.

    An e-invoice's values are never repaired (``repair_ocr=False``): they are stated, not read.
    """
    value = compact(name, raw)
    validator = validate.VALIDATORS[name]
    if not repair_ocr:
        valid = validator(value)
        if not valid and name in ("ust_id", "bic"):
            # Failing its check: as stated, only spaces, dots and hyphens dropped; a slash stays, so a tax
            # number stated as a VAT id ("DE/12/345/67890") is not made into an id nobody wrote.
            value = re.sub(r"[\s.\-]", "", raw)
        value = value if name == "steuernummer" else value.upper()
        issues = () if valid else (_failed(name, value),)
        return IdCheck(name, value, valid, issues)
    # Repaired before upper-casing: a lower-case "l" or "o" is a confusion of its own.
    fixed = repair(value, lambda v: validator(v.upper()), name)
    if not fixed.valid and name == "iban":
        fixed = _without_ghost(value, lambda v: validator(v.upper())) or _bank_code_misread(fixed) or fixed
    if not fixed.valid and name == "ust_id":
        fixed = _without_specks(value, lambda v: validator(v.upper())) or fixed
    value = fixed.value if name == "steuernummer" else fixed.value.upper()
    issues = list(fixed.issues)
    if not fixed.valid:
        issues.append(_failed(name, value))
    return IdCheck(name, value, fixed.valid, tuple(issues), bool(fixed.ambiguous))


def _without_ghost(value: str, validator: Callable[[str], bool]) -> Repair | None:
    """An IBAN one character too long for its country with a character read twice as two look-alikes
    ("DE0O21..." for "DE021..."): the one reading without one of them (and its other confusions repaired)
    that passes the checksum, the dropped character reported. None when no such reading or several."""
    try:
        length = registry.get_iban_spec(value[:2].upper()).iban_length
    except SchwiftyException:
        return None
    if len(value) != length + 1:
        return None
    readings: dict[str, Repair] = {}
    for i in range(2, len(value) - 1):
        a, b = value[i], value[i + 1]
        if a != b and TO_DIGIT.get(a, a)[:1] == TO_DIGIT.get(b, b)[:1]:
            for drop in sorted((i, i + 1), key=lambda k: value[k].isdigit()):  # the letter first
                got = repair(value[:drop] + value[drop + 1 :], validator, "iban")
                if got.valid:
                    changes = (*got.changes, (value[drop], ""))
                    readings.setdefault(got.value, Repair(got.value, True, changes))
    return next(iter(readings.values())) if len(readings) == 1 else None


# Specks OCR reads inside an identifier from dust or a letter's serif ("IE1768678)J"): never part of one.
_SPECKS = re.compile(r"[()\[\]{}'`‘’\"*]")


def _without_specks(value: str, validator: Callable[[str], bool]) -> Repair | None:
    """A VAT id read with a speck inside ("IE1768678)J"): without it (its other confusions repaired), when that
    passes the check; the dropped specks reported."""
    clean = _SPECKS.sub("", value)
    if clean == value or len(clean) < 4:
        return None
    got = repair(clean, validator, "ust_id")
    if not got.valid:
        return None
    dropped = tuple((c, "") for c in value if _SPECKS.match(c))
    return Repair(got.value, True, (*got.changes, *dropped))


def _bank_code_misread(read: Repair) -> Repair | None:
    """An IBAN whose bank code, letters, has one of them misread as another letter (NL "BUNQ" read "BUNG"):
    the one bank code registered for its country (schwifty's registry) one letter away with which the
    checksum holds; its other repairs kept. None when no such code, or several."""
    value = read.value.upper()
    try:
        spec = registry.get_iban_spec(value[:2])
    except SchwiftyException:
        return None
    where = spec.positions.get(registry.Component.BANK_CODE)
    if where is None or where.end <= where.start or len(value) != spec.iban_length:
        return None
    start, end = 4 + where.start, 4 + where.end
    code = value[start:end]
    if not code.isalpha():
        return None  # digits: a misread digit is a confusion `repair` knows
    registered = {bank.bank_code for bank in registry.get_banks_by_country(value[:2])}
    if code in registered or len(registered) > MAX_BANK_CODES:
        return None  # a large register (GB: 2,379) has a neighbour passing the checksum by chance too often
    readings = []
    for other in registered:
        if len(other) == len(code) and sum(a != b for a, b in zip(other, code, strict=True)) == 1:
            candidate = value[:start] + other + value[end:]
            if validate.is_valid_iban(candidate):
                changed = next((a, b) for a, b in zip(code, other, strict=True) if a != b)
                readings.append(Repair(candidate, True, (*read.changes, changed)))
    return readings[0] if len(readings) == 1 else None


def _failed(name: str, value: str) -> str:
    if name == "ust_id":
        problem = validate.vat_problem(value)
        if problem:
            return problem
    return f"{name} {value} fails its check ({CHECK_TEXT[name]})"


def find_ibans(text: str) -> list[IdMatch]:
    """IBAN-shaped runs of ``text``, cut to their country's IBAN length where it is known."""
    out = []
    for m in IBAN_RE.finditer(text):
        chars = [(i, c) for i, c in enumerate(m.group(0)) if c not in _IBAN_GAPS]
        try:
            length = registry.get_iban_spec(m.group(0)[:2]).iban_length
        except SchwiftyException:
            length = len(chars)
        if len(chars) < length:
            continue  # too short for its country: not an IBAN (or missing characters)
        # One too many with a character read twice ("DEO04 1007 ..."): check_identifier drops it.
        longer = "".join(c for _, c in chars[: length + 1])
        if len(chars) > length and _without_ghost(longer, lambda v: validate.is_valid_iban(v.upper())):
            length += 1
        chars = chars[:length]
        end = m.start() + chars[-1][0] + 1
        out.append(IdMatch(m.start(), end, "".join(c for _, c in chars)))
    return out


def find_vat_ids(text: str) -> list[IdMatch]:
    """VAT ids printed with any separators whose check digits hold (after unambiguous OCR repair).

    The printed run may go on with other words: the longest prefix (whole characters) that
    validates is taken.
    """
    out = []
    for m in VAT_RUN_RE.finditer(text):
        chars = [(i, c) for i, c in enumerate(m.group(0)) if c not in " .-"]
        prefix = "CHE" if m.group(0).startswith("CHE") else chars[0][1] + chars[1][1]
        lengths = VAT_LENGTHS.get(prefix, DEFAULT_VAT_LENGTHS)
        for n in (n for n in lengths if n <= len(chars)):
            fixed = repair("".join(c for _, c in chars[:n]), validate.is_valid_vat, "ust_id")
            if fixed.valid:
                out.append(IdMatch(m.start(), m.start() + chars[n - 1][0] + 1, fixed.value.upper()))
                break
    return out


# A Steuernummer printed in a state's slashed form (12/345/67890, 123/4567/8901), no label needed.
STNR_SLASHED = re.compile(r"(?<![\w/.,-])(\d{2,3}/\d{3,4}/\d{4,5})(?![\w/]|[.,]\d)")


def find_stnrs(text: str) -> list[IdMatch]:
    """Slashed Steuernummern of ``text`` whose form a German state uses (python-stdnum); dates
    ("12/04/2026") and invoice numbers ("R23/15831") are not of that form."""
    return [
        IdMatch(m.start(1), m.end(1), m.group(1))
        for m in STNR_SLASHED.finditer(text)
        if validate.is_valid_stnr(m.group(1))
    ]


def leading_stnr(text: str) -> tuple[int, int] | None:
    """[start, end) of the Steuernummer that ``text`` starts with (after its label), OCR confusions
    included; words without a digit after it (the next label, "Sitz") are not part of it."""
    m = STNR_PRINTED.match(text)
    if not m:
        return None
    value = m.group(1)
    while " " in value and not any(c.isdigit() for c in value.rsplit(" ", 1)[1]):
        value = value.rsplit(" ", 1)[0].rstrip()
    if sum(c.isdigit() for c in value) < MIN_STNR_DIGITS:
        return None
    return m.start(1), m.start(1) + len(value)


def vat_shaped(compact_vat: str) -> bool:
    """A country code and mostly digits (OCR may turn a few into letters): "VANDENBERG" is a name, not a VAT id."""
    body = compact_vat[2:]
    return re.match(r"^[A-Z]{2}", compact_vat.upper()) is not None and sum(c.isdigit() for c in body) * 2 >= len(body) > 0


def iban_shaped(compact_iban: str) -> bool:
    """Whether every character fits its country's IBAN format, read with OCR confusions.

    An IBAN that fails its checksum is reported, not dropped; this tells one from ordinary
    text that happens to follow a country code ("DE 12 Artikel ...").
    """
    try:
        length = registry.get_iban_spec(compact_iban[:2].upper()).iban_length
    except SchwiftyException:
        return False
    if len(compact_iban) != length:
        return False
    fits = {"9": lambda c: c.isdigit() or c in TO_DIGIT, "A": lambda c: c.isalpha() or c in TO_LETTER}
    mask = mask_for("iban", compact_iban)
    return all(fits.get(want, str.isalnum)(c) for c, want in zip(compact_iban, mask, strict=True))


def derived_bic(iban: str) -> str | None:
    """The BIC registered for a valid German or Austrian IBAN's bank code (schwifty), if known."""
    if iban[:2].upper() not in BIC_FROM_BANK_CODE or not validate.is_valid_iban(iban):
        return None
    return validate.bic_of_iban(iban)


def derived_bic_issue(iban: str, bic: str) -> str:
    return f"no BIC printed; {bic} computed: the BIC registered for the bank code of IBAN {iban}"


def failed_identifiers(fields: pb.InvoiceFields) -> list[str]:
    """One message per identifier field that failed its check (for ``needs_review``)."""
    out = []
    for f in fields.fields:
        if f.name in CHECKED and f.HasField("valid") and not f.valid:
            reasons = [i for i in f.issues if "valid" in i or "fails" in i or "ambiguous" in i]
            out.append("; ".join(reasons) or f"{f.name} {f.value} fails its check ({CHECK_TEXT[f.name]})")
    return out
