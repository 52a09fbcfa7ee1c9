"""How an invoice prints amounts, dates and quantities: number, currency and date styles.

Shared by the layout families (`families`, `families_more`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from benchmarks.synth.invoice_gen import MONTHS_DE, MONTHS_EN

NumberStyle = Literal["de", "de_space", "en", "plain_comma", "plain_dot"]
CurrencyStyle = Literal["sign_after", "code_after", "sign_before", "sign_tight", "code_before", "none"]
DateStyle = Literal[
    "dotted",
    "dotted_short",
    "de_long",
    "iso",
    "en_long",
    "en_us",
    "fr_long",
    "fr_slash",
    "nl_long",
    "nl_dash",
]
MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def format_amount_number(value: Decimal, style: NumberStyle) -> str:
    """1.234,56 (de), 1 234,56 (de_space), 1,234.56 (en), 1234,56 (plain_comma), 1234.56 (plain_dot)."""
    sign = "-" if value < 0 else ""
    en = f"{abs(value):,.2f}"
    text = {
        "de": en.translate(str.maketrans(",.", ".,")),
        "de_space": en.replace(",", " ").replace(".", ","),
        "en": en,
        "plain_comma": f"{abs(value):.2f}".replace(".", ","),
        "plain_dot": f"{abs(value):.2f}",
    }[style]
    return sign + text


def format_day(day: dt.date, style: DateStyle) -> str:
    d, m, y = day.day, day.month, day.year
    return {
        "dotted": f"{d:02d}.{m:02d}.{y}",
        "dotted_short": f"{d:02d}.{m:02d}.{y % 100:02d}",
        "de_long": f"{d}. {MONTHS_DE[m - 1]} {y}",
        "iso": day.isoformat(),
        "en_long": f"{d} {MONTHS_EN[m - 1]} {y}",
        "en_us": f"{MONTHS_EN[m - 1]} {d}, {y}",
        "fr_long": f"{d} {MONTHS_FR[m - 1]} {y}",
        "fr_slash": f"{d:02d}/{m:02d}/{y}",
        "nl_long": f"{d} {MONTHS_NL[m - 1]} {y}",
        "nl_dash": f"{d:02d}-{m:02d}-{y}",
    }[style]


@dataclass(frozen=True)
class Printer:
    """How one invoice prints amounts and dates."""

    numbers: NumberStyle
    currency: CurrencyStyle
    dates: DateStyle

    def number(self, value: Decimal) -> str:
        return format_amount_number(value, self.numbers)

    def amount(self, value: Decimal) -> str:
        n = self.number(value)
        return {
            "sign_after": f"{n} €",
            "code_after": f"{n} EUR",
            "sign_before": f"€ {n}",
            "sign_tight": f"€{n}",
            "code_before": f"EUR {n}",
            "none": n,
        }[self.currency]

    def date(self, day: dt.date) -> str:
        return format_day(day, self.dates)

    def quantity(self, value: Decimal) -> str:
        if value == value.to_integral():
            return str(int(value))
        text = f"{value:.1f}"
        return text if self.numbers in ("en", "plain_dot") else text.replace(".", ",")
