"""Digits OCR confuses in amounts, for readings that an invoice's arithmetic contradicts.

Tesseract misreads digits of some fonts as others of a similar shape ("37,62" read "31,62",
"76,67" read "16,61"). A misread amount cannot be told from a printed one by its look; only
arithmetic can say it is wrong (netto + mwst = brutto) and what it should be. This module only
answers whether a reading can be an OCR form of the value arithmetic gives: same printed shape,
digits replaced by their look-alikes, one confusion throughout (OCR misreads one glyph the same
way; "283" for "238" is a transposition, a typing error, not an OCR confusion).
"""

from __future__ import annotations

from decimal import Decimal

from services.invoice.numbers import format_amount

# Pairs of digits Tesseract reads one for the other (either way).
CONFUSED_PAIRS = frozenset(
    frozenset(p) for p in ("17", "14", "38", "56", "68", "08", "06", "09", "89", "35", "27")
)
# More replaced digits than this are not a misreading but another number.
MAX_REPLACED = 2


def confusion(read: Decimal, value: Decimal) -> tuple[str, str, int] | None:
    """(digit read, digit meant, how many) when ``read`` is ``value`` with one OCR digit confusion,
    at most MAX_REPLACED times; None for equal amounts or any other difference."""
    a, b = format_amount(read), format_amount(value)
    if len(a) != len(b) or a == b:
        return None
    pairs = {(x, y) for x, y in zip(a, b, strict=True) if x != y}
    replaced = sum(x != y for x, y in zip(a, b, strict=True))
    if len(pairs) != 1 or replaced > MAX_REPLACED:
        return None
    x, y = next(iter(pairs))
    if not (x.isdigit() and y.isdigit()) or frozenset((x, y)) not in CONFUSED_PAIRS:
        return None
    return x, y, replaced
