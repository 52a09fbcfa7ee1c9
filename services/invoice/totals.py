"""Amount evidence from arithmetic: the page's amounts that add up, VAT per rate across rows.

Labels can be unreadable, misread or of a layout never seen; the arithmetic of an
invoice is the same everywhere. This module finds, among the amounts printed on
the pages (those of discount, payment and prepayment lines left out):

- triples netto + mwst = brutto whose mwst is netto × a VAT rate, or the total of
  two such of different rates (the largest, lowest on the page first): candidates
  when no label says which amount is which;
- VAT lines per rate whose base and tax are printed in different rows
  ("Netto 19 % 100,00" ... "MwSt 19 % 19,00"): their sums are netto and mwst of
  a mixed-rate invoice.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from services.invoice import numbers
from services.invoice.layout import DocumentLayout, Row, Span
from services.invoice.validate import TaxLine, rate_matches

# VAT rates of the EU and Switzerland, standard and reduced, in percent.
VAT_RATES = tuple(
    Decimal(r)
    for r in ("19", "7", "16", "5", "20", "21", "10", "6", "9", "5.5", "25", "22", "8.1", "2.6", "3.8", "13", "12",
              "24", "23", "17", "15", "14", "8", "2.1", "4", "3", "18", "27", "7.7", "2.5", "3.7")
)  # fmt: skip
_RATES_FLOAT = tuple(float(r) / 100 for r in VAT_RATES)
# Amounts looked at for triples: the last ones of the document (totals close an invoice).
MAX_AMOUNTS = 80
_RATE = re.compile(r"(?<![\d,.])(\d{1,2}(?:[.,]\d{1,2})?)\s*%")


def rates_in(text: str) -> set[Decimal]:
    """The percentages printed in ``text`` ("19 %", "7,5%")."""
    return {Decimal(m.group(1).replace(",", ".")) for m in _RATE.finditer(text)}


@dataclass(frozen=True)
class PageAmount:
    """An amount printed on a page, with its span and its position in reading order."""

    value: Decimal
    span: Span
    row: Row
    order: int


def page_amounts(layout: DocumentLayout, excluded: Collection[int]) -> list[PageAmount]:
    """Two-decimal amounts of all rows, in reading order, except those whose tokens are ``excluded`` (ids)."""
    out: list[PageAmount] = []
    for row in layout.rows:
        for a in numbers.find_amounts(row.text):
            if a.decimals != 2:
                continue
            tokens = tuple(row.tokens_in(a.start, a.end))
            if not tokens or any(id(t) in excluded for t in tokens):
                continue
            out.append(PageAmount(a.value, Span(row.text[a.start : a.end], tokens), row, len(out)))
    return out


def rate_of(netto: Decimal, mwst: Decimal) -> Decimal | None:
    """The VAT rate (of VAT_RATES) that makes mwst = netto × rate, to the cent, if any."""
    if netto == 0:
        return None
    n, t = float(netto), float(mwst)
    for rate, r in zip(VAT_RATES, _RATES_FLOAT, strict=True):
        # A float pre-check (a cent and a half) before the exact one.
        if abs(n * r - t) <= 0.015 and rate_matches(TaxLine(rate, netto, mwst)):
            return rate
    return None


@dataclass(frozen=True)
class Triple:
    netto: PageAmount
    mwst: PageAmount
    brutto: PageAmount
    rates: tuple[Decimal, ...]  # one rate; two for a total of two rates (`_two_rate_totals`)

    @property
    def rates_text(self) -> str:
        return " and ".join(f"{r.normalize():f} %" for r in self.rates)


def consistent_triples(amounts: list[PageAmount], limit: int = 3) -> list[Triple]:
    """Triples netto + mwst = brutto with mwst = netto × a VAT rate, or the total of two such (a VAT table of
    two rates whose "Summe" row is the invoice's total), the largest brutto lowest on the page first.

    Amounts of one row that are a VAT line's base and tax count too; brutto must
    follow netto and mwst in reading order or share a row with them (summary lines).
    """
    tail = [(int(a.value * 100), a) for a in amounts[-MAX_AMOUNTS:] if a.value > 0]
    by_cents: dict[int, list[PageAmount]] = {}
    for cents, a in tail:
        by_cents.setdefault(cents, []).append(a)
    sums: list[tuple[PageAmount, PageAmount, PageAmount]] = []  # netto + mwst = brutto, any ratio
    for (nc, n), (tc, t) in itertools.permutations(tail, 2):
        if tc >= nc or nc + tc not in by_cents:
            continue
        sums += [
            (n, t, b)
            for b in by_cents[nc + tc]
            if b.order >= max(n.order, t.order) or b.row in (n.row, t.row)
        ]
    found: list[Triple] = []
    no_single_rate: list[tuple[PageAmount, PageAmount, PageAmount]] = []
    for n, t, b in sums:
        rate = rate_of(n.value, t.value)
        if rate is None:
            no_single_rate.append((n, t, b))
        else:
            found.append(Triple(n, t, b, (rate,)))
    found += _two_rate_totals(no_single_rate, found)
    found.sort(key=lambda x: (-x.brutto.value, -x.brutto.order))
    unique: list[Triple] = []
    for x in found:
        if all(
            (x.netto.value, x.mwst.value, x.brutto.value) != (u.netto.value, u.mwst.value, u.brutto.value)
            for u in unique
        ):
            unique.append(x)
    return unique[:limit]


def _two_rate_totals(
    sums: list[tuple[PageAmount, PageAmount, PageAmount]], singles: list[Triple]
) -> list[Triple]:
    """Of the sums netto + mwst = brutto of no single rate (`sums`), those that are one printed rate's
    triple plus another rate's: what is left after taking the printed triple away is netto × a second
    rate, to the cent
    ("Summe 1.198,98 176,11 1.375,09" over "7 % 430,84 30,16 461,00", leaving 768,14 at 19 %: the
    19 % row's tax may even be unread). Two different rates: a total less a deducted prepayment of
    the same rate is no such total."""
    out: list[Triple] = []
    for n, t, b in sums:
        for single in singles:
            (rate,) = single.rates
            rest_n, rest_t = n.value - single.netto.value, t.value - single.mwst.value
            if rest_n <= 0 or rest_t <= 0:
                continue
            other = rate_of(rest_n, rest_t)
            if other is not None and other != rate:
                out.append(Triple(n, t, b, tuple(sorted((rate, other), reverse=True))))
                break
    return out


@dataclass(frozen=True)
class RateLine:
    """VAT of one rate read from two rows (base in one, tax in another)."""

    line: TaxLine
    base: PageAmount
    tax: PageAmount


def split_rate_lines(amounts: list[PageAmount]) -> list[RateLine]:
    """Per rate printed in rows with one amount: a base row and a tax row whose amounts agree with the rate.

    Rows stating one rate and one amount ("Netto 7 % 50,00", "USt. 7 % 3,50") are
    grouped by rate; a pair with tax = base × rate is that rate's VAT line.
    """
    by_row: dict[int, list[PageAmount]] = {}
    for a in amounts:
        by_row.setdefault(id(a.row), []).append(a)
    groups: dict[Decimal, list[PageAmount]] = {}
    for row_amounts in by_row.values():
        if len(row_amounts) != 1:
            continue
        a = row_amounts[0]
        rates = rates_in(a.row.text)
        if len(rates) == 1:
            groups.setdefault(rates.pop(), []).append(a)
    lines: list[RateLine] = []
    for rate, group in groups.items():
        for base, tax in itertools.permutations(group, 2):
            if (
                base.value != 0
                and abs(base.value) > abs(tax.value)
                and rate_matches(TaxLine(rate, base.value, tax.value))
            ):
                lines.append(RateLine(TaxLine(rate, base.value, tax.value), base, tax))
                break
    return sorted(lines, key=lambda r: -r.line.rate)
