"""Line items as the contract's `LineItem`: the row's position, article number, description, unit
and VAT rate around the quantity × unit price = amount that `lineitems.read_row` found.

The arithmetic found the numbers; the rest of the row is read by its place: a small number first is
the position, a token with digits after it the article number, words the description, letters right
after the quantity the unit, "19 %" the VAT rate.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice import numbers
from services.invoice.lineitems import LineItem

_POSITION = re.compile(r"^\s*(\d{1,3})(?:\.|\s)\s*")
_ARTICLE = re.compile(r"^([A-Z0-9][A-Z0-9./-]*\d[A-Z0-9./-]*|\d[\d./-]{3,})\s+")
_UNIT = re.compile(r"^\s*([A-Za-zÄÖÜäöüß²³]{1,10}\.?)(?=\s|$)")
_RATE = re.compile(r"(?<![\d,.])(\d{1,2}(?:[.,]\d{1,2})?)\s*%")


def to_pb(item: LineItem) -> pb.LineItem:
    row = item.row.text
    start = max(0, row.find(item.span.text))
    prefix, span = row[:start], item.span.text
    position = _POSITION.match(prefix)
    rest = prefix[position.end() :] if position else prefix
    article = _ARTICLE.match(rest)
    description = (rest[article.end() :] if article else rest).strip(" -–|")
    rate = _RATE.search(span) or _RATE.search(row[start + len(span) :])
    return pb.LineItem(
        position=position.group(1) if position else "",
        article_number=article.group(1) if article else "",
        description=" ".join(description.split()),
        quantity=numbers.plain_number(item.quantity),
        unit=_unit_after_quantity(span, item),
        unit_price=numbers.format_amount(item.unit_price)
        if _cents(item.unit_price)
        else numbers.plain_number(item.unit_price),
        amount=numbers.format_amount(item.amount),
        vat_rate=_rate(rate.group(1)) if rate else "",
        page=item.row.page,
    )


def _unit_after_quantity(span: str, item: LineItem) -> str:
    for found in numbers.find_amounts(span):
        if found.value == item.quantity:
            unit = _UNIT.match(span[found.end :])
            if unit and unit.group(1).lower().rstrip(".") not in ("eur", "x"):
                return unit.group(1)
    return ""


def _cents(value: Decimal) -> bool:
    return value == value.quantize(numbers.CENT)


def _rate(printed: str) -> str:
    parsed = numbers.parse_number(printed)
    return numbers.plain_number(parsed[0]) if parsed else ""
