"""Line items of an invoice: rows where quantity × unit price = line amount, and their sum against netto.

A line item is recognised by its arithmetic, not by column heads: a row whose
right-most amount (two decimals) is the product of two numbers printed before it,
a quantity and a unit price in either order, to the cent ("3  Std.  61,04  183,12",
"9,9000  20 Stk  19 %  198,00"). Position
numbers, article numbers and VAT rates in between do not matter. A thousands
group split off by a space ("1 116,23", the French form; or an OCR gap) is read
both ways and the product decides. The items' sum is evidence for netto: an
invoice's net total is the sum of its lines plus the allowances and charges on
the whole invoice; amounts printed in rows that name one (lexicon marker
``allowance_charge``: Zuschläge, Abschläge, Rabatt, Versandkosten...) may close
the difference, one or two of them. Otherwise the check fails and says so.

Where no row shows quantity × price = amount the check is not applicable: no
line items is never a failure.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from services.invoice import numbers
from services.invoice.layout import DocumentLayout, Row, Span
from services.invoice.validate import CheckResult

CHECK_NAME = "line_items=netto"
CENT = numbers.CENT
# A quantity has at most three decimals; a unit price at least two (up to four: 0,1234 €/kWh).
MAX_QTY_DECIMALS = 3


@dataclass(frozen=True)
class LineItem:
    """One invoice line: quantity × unit price = amount, as printed in ``row``."""

    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    row: Row
    span: Span


def _product_matches(qty: Decimal, price: Decimal, amount: Decimal) -> bool:
    """quantity × price = amount to the cent (a unit price with more decimals rounds either way)."""
    return abs(qty * price - amount) <= CENT


def read_row(row: Row) -> LineItem | None:
    """The line item of ``row``, if its right-most amount is quantity × unit price of two numbers before it."""
    nums = numbers.find_amounts_grouped(row.text)
    if len(nums) < 3:
        return None
    last_end = max(n.end for n in nums)
    # The longest reading first ("4 636,76" before "636,76"), then the numbers nearest to the amount.
    ends = sorted(
        (n for n in nums if n.end == last_end and n.decimals == 2 and n.value != 0), key=lambda n: n.start
    )
    for amount in ends:
        before = sorted((n for n in nums if n.end <= amount.start), key=lambda n: (-n.end, n.start))
        # Quantity and price in either order ("Menge Einzelpreis"
        # or "Nettopreis Menge"), the price with at least two decimals.
        for i, second in enumerate(before):
            for first in (n for n in before[i + 1 :] if n.end <= second.start):
                pair = (first, second) if second.decimals >= 2 else (second, first)
                qty, price = pair
                if price.decimals < 2 or qty.decimals > MAX_QTY_DECIMALS or qty.value == 0:
                    continue
                if _product_matches(qty.value, price.value, amount.value):
                    start = min(qty.start, price.start)
                    span = Span(row.text[start : amount.end], tuple(row.tokens_in(start, amount.end)))
                    return LineItem(qty.value, price.value, amount.value, row, span)
    return None


def read_line_items(layout: DocumentLayout) -> list[LineItem]:
    """Every row of the document that reads as a line item, in reading order."""
    return [item for row in layout.rows if (item := read_row(row)) is not None]


@dataclass(frozen=True)
class Adjustment:
    """An allowance or charge on the whole invoice: the last amount of a row that names one."""

    amount: Decimal
    row: Row


def read_adjustments(
    layout: DocumentLayout, marker: re.Pattern[str], items: list[LineItem]
) -> list[Adjustment]:
    """Amounts of rows that name an allowance or charge (``marker``) and are not line items."""
    item_rows = {id(i.row) for i in items}
    out = []
    for row in layout.rows:
        if id(row) in item_rows or not marker.search(row.text):
            continue
        amounts = [a for a in numbers.find_amounts(row.text) if a.decimals == 2]
        if amounts and amounts[-1].value != 0:
            out.append(Adjustment(amounts[-1].value, row))
    return out


def _closing(diff: Decimal, adjustments: list[Adjustment]) -> tuple[Adjustment, ...] | None:
    """One or two adjustments that sum to ``diff`` (a single one also with its sign turned: unsigned discounts)."""
    for a in adjustments:
        if a.amount == diff or -a.amount == diff:
            return (a,)
    for a, b in itertools.combinations(adjustments, 2):
        if a.amount + b.amount == diff:
            return (a, b)
    return None


def supports_netto(items: list[LineItem], netto: Decimal, adjustments: list[Adjustment]) -> bool:
    """Whether the items are evidence for ``netto``: their sum is netto, or, where the invoice names
    allowances or charges, their sum and one or two of those are (then the plain sum is the items' subtotal)."""
    total = items_sum(items)
    if total is None:
        return False
    if not adjustments:
        return total == netto
    return total != netto and _closing(netto - total, adjustments) is not None


def items_sum(items: list[LineItem]) -> Decimal | None:
    return sum((i.amount for i in items), Decimal(0)) if items else None


def check_line_items(
    items: list[LineItem], netto: Decimal | None, adjustments: list[Adjustment] | None = None
) -> CheckResult | None:
    """Whether the line items (with the invoice's allowances and charges) add up to netto; None when not
    applicable (no items, or no netto)."""
    total = items_sum(items)
    if total is None or netto is None:
        return None
    n = len(items)
    what = f"{n} line item{'s' if n != 1 else ''} (quantity × unit price = amount) sum to {numbers.format_amount(total)}"
    if total == netto:
        return CheckResult(CHECK_NAME, True, f"{what} = netto")
    closing = _closing(netto - total, adjustments or [])
    if closing is not None:
        rows = "; ".join(repr(a.row.text) for a in closing)
        return CheckResult(
            CHECK_NAME,
            True,
            f"{what}; with the allowances/charges {rows}: netto {numbers.format_amount(netto)}",
        )
    return CheckResult(
        CHECK_NAME,
        False,
        f"{what}, netto is {numbers.format_amount(netto)} (difference {numbers.format_amount(netto - total)}:"
        " a discount, charge or line not read?)",
    )
