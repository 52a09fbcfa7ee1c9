"""The one comparison of invoice fields with their truth, for every benchmark and test.

Amounts as Decimal with two places, IBAN compact, supplier names with
whitespace normalised, everything else as printed (stripped). Used by the
live benchmark's scoring and by the field benchmarks in `benchmarks/`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from stdnum import iban as std_iban

AMOUNTS = ("betrag_netto", "mwst", "betrag_brutto")


def normalise(key: str, value: object) -> str:
    """The comparison form of a truth or extracted value."""
    text = str(value)
    if key in AMOUNTS:
        try:
            return f"{Decimal(text):.2f}"
        except InvalidOperation:
            return text
    if key == "iban":
        return std_iban.compact(text)
    if key == "lieferant":
        return " ".join(text.split())
    return text.strip()


def compare(truth: dict, got: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    """Per truth key: (expected, extracted or None), both in comparison form."""
    out: dict[str, tuple[str, str | None]] = {}
    for key, value in truth.items():
        if key == "pages":
            continue
        found = got.get(key)
        out[key] = (normalise(key, value), None if found is None else normalise(key, found))
    return out
