"""Validators for invoice identifiers and the arithmetic of the totals.

Checksums and formats come from python-stdnum and schwifty; this module only
adapts them to one signature: ``validator(value) -> bool`` on the compact value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz.distance import Levenshtein
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException
from stdnum import vatin
from stdnum.ch import uid
from stdnum.de import stnr
from stdnum.exceptions import ValidationError
from stdnum.util import clean

from services.invoice.numbers import CENT, format_amount

# VAT rates applied in Germany (standard, reduced, zero; 16/5 % in 2020).
GERMAN_RATES = (Decimal(19), Decimal(7), Decimal(0), Decimal(16), Decimal(5))


def compact_iban(value: str) -> str:
    """Spaces, dots and dashes removed, upper case."""
    return clean(value, " -.").upper().strip()


def is_valid_iban(value: str) -> bool:
    """ISO 13616 mod-97 checksum and the country's length and BBAN format (schwifty)."""
    try:
        IBAN(value)
    except SchwiftyException:
        return False
    return True


def is_valid_bic(value: str) -> bool:
    """ISO 9362 structure with a known country code (schwifty)."""
    try:
        BIC(value, allow_invalid=False)
    except SchwiftyException:
        return False
    return True


def compact_vat(value: str) -> str:
    """Spaces, dots and dashes removed, upper case (also for unknown countries)."""
    return clean(value, " -./").upper().strip()


def vat_problem(value: str) -> str | None:
    """Why ``value`` is no valid VAT id (None when it is one).

    EU ids (USt-IdNr., ATU..., FR.., NL..B.., BE0...) and other countries' with
    their check digits by python-stdnum (stdnum.vatin); a Swiss UID (CHE-123.456.789,
    with or without MWST/TVA/IVA) by stdnum.ch.uid.
    """
    compact = compact_vat(value)
    try:
        if compact.startswith("CHE"):
            uid.validate(re.sub(r"(MWST|TVA|IVA|TPV)$", "", compact))
        else:
            vatin.validate(compact)
    except ValidationError as exc:
        return f"{compact} is not a valid VAT id: {exc}"
    return None


def is_valid_vat(value: str) -> bool:
    """A VAT id with its country's check digits (see `vat_problem`)."""
    return vat_problem(value) is None


def is_valid_stnr(value: str) -> bool:
    """German Steuernummer in one of the regional formats or the 13-digit form."""
    return stnr.is_valid(value)


def bic_of_iban(value: str) -> str | None:
    """The BIC registered for the IBAN's bank code (schwifty's bank registry), if known."""
    try:
        bic = IBAN(value).bic
    except SchwiftyException:
        return None
    return str(bic) if bic else None


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions; rapidfuzz)."""
    return Levenshtein.distance(a, b)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "iban": is_valid_iban,
    "bic": is_valid_bic,
    "ust_id": is_valid_vat,
    "steuernummer": is_valid_stnr,
}


@dataclass(frozen=True)
class TaxLine:
    """VAT of one rate: rate in percent, taxable base, tax amount."""

    rate: Decimal
    base: Decimal
    amount: Decimal


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    message: str


def rate_matches(line: TaxLine, tolerance: Decimal = CENT) -> bool:
    """Whether amount = base × rate, allowing cent rounding."""
    expected = (line.base * line.rate / 100).quantize(CENT)
    return abs(expected - line.amount) <= tolerance


def check_sum(netto: Decimal, mwst: Decimal, brutto: Decimal) -> CheckResult:
    ok = netto + mwst == brutto
    msg = (
        f"netto {format_amount(netto)} + mwst {format_amount(mwst)} = brutto {format_amount(brutto)}"
        if ok
        else f"netto {format_amount(netto)} + mwst {format_amount(mwst)} = {format_amount(netto + mwst)},"
        f" but brutto is {format_amount(brutto)}"
    )
    return CheckResult("netto+mwst=brutto", ok, msg)


def check_tax_lines(lines: Iterable[TaxLine], mwst: Decimal | None) -> list[CheckResult]:
    """Each rate's amount is base × rate (± a cent); their sum is the VAT total."""
    lines = list(lines)
    results = []
    for line in lines:
        ok = rate_matches(line)
        results.append(
            CheckResult(
                f"mwst_rate_{line.rate.normalize():f}",
                ok,
                f"{line.rate.normalize():f} % of {format_amount(line.base)} is"
                f" {format_amount((line.base * line.rate / 100).quantize(CENT))}, printed {format_amount(line.amount)}",
            )
        )
    if lines and mwst is not None:
        total = sum((line.amount for line in lines), Decimal(0))
        # Rounding per rate: allow one cent per rate between the sum and the total.
        ok = abs(total - mwst) <= CENT * max(0, len(lines) - 1)
        results.append(
            CheckResult(
                "mwst=sum(rate×base)",
                ok,
                f"sum of VAT per rate {format_amount(total)}, VAT total {format_amount(mwst)}",
            )
        )
    return results
