"""Money amounts as printed on German and English invoices, parsed into Decimal.

Accepted forms: 1.234,56  1,234.56  1234,56  1234.56  1 234,56  1'234.56, with an
optional sign (-12,00, 12,00-, −12,00, (12,00)) and currency (€ 12,00, 12,00 EUR).
A single separator followed by exactly three digits ("1.234") is a thousands
separator; otherwise the last separator is the decimal mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₣": "CHF"}
CURRENCY_CODES = ("EUR", "USD", "GBP", "CHF", "JPY", "PLN", "CZK", "DKK", "SEK", "NOK", "HUF")
CENT = Decimal("0.01")

# Spaces typesetters put between digit groups: no-break, figure, punctuation, thin, hair, narrow no-break.
GROUP_SPACES = "\u00a0\u2007\u2008\u2009\u200a\u202f"
_NUM = rf"\d{{1,3}}(?:[.,'{GROUP_SPACES}]\d{{3}})+(?:[.,]\d{{1,4}})?|\d+(?:[.,]\d{{1,4}})?"
AMOUNT_RE = re.compile(
    rf"(?<![\w.,/-])(?P<pre>[-−–]\s?)?(?P<open>\()?(?P<num>{_NUM})(?P<close>\))?(?P<post>-(?!\d))?(?![\w]|[.,]\d|/)"
)  # a comma after it ends a clause ("373,15, zahlbar ..."; OCR reads a speck as one): only a digit after it continues


@dataclass(frozen=True)
class Amount:
    """An amount found in a text: its value, decimals printed and character span."""

    value: Decimal
    decimals: int
    start: int
    end: int


def parse_number(num: str) -> tuple[Decimal, int] | None:
    """Value and number of decimals of a bare number such as "1.234,56"."""
    s = re.sub(f"['{GROUP_SPACES}]", "", num)
    if not s or not s[0].isdigit():
        return None
    seps = [c for c in s if c in ".,"]
    decimals = 0
    if not seps:
        digits = s
    else:
        last = max(s.rfind("."), s.rfind(","))
        tail = s[last + 1 :]
        mark = s[last]
        single_kind = len(set(seps)) == 1
        if single_kind and (len(seps) > 1 or len(tail) == 3) and len(tail) == 3 and _grouped(s, mark):
            digits = s.replace(mark, "")  # 1.234 or 1.234.567: thousands only
        else:
            head = s[:last]
            if any(c == mark for c in head):
                return None  # 1,234,56: decimal mark used twice
            if head and not _grouped(head, "," if mark == "." else ".") and re.search(r"[.,]", head):
                return None
            digits = head.replace(".", "").replace(",", "") + "." + tail
            decimals = len(tail)
    try:
        return Decimal(digits), decimals
    except InvalidOperation:
        return None


def _grouped(s: str, mark: str) -> bool:
    parts = s.split(mark)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def find_amounts(text: str) -> list[Amount]:
    """All numbers in ``text`` that can be amounts (percentages excluded)."""
    found: list[Amount] = []
    for m in AMOUNT_RE.finditer(text):
        after = text[m.end() :].lstrip()
        if after.startswith("%"):
            continue
        parsed = parse_number(m.group("num"))
        if parsed is None:
            continue
        value, decimals = parsed
        negative = bool(m.group("pre") or m.group("post") or (m.group("open") and m.group("close")))
        found.append(Amount(-value if negative else value, decimals, m.start(), m.end()))
    return found


# "1 234,56": a thousands group after a plain space (the French form, or a gap OCR put in).
_SPACE_GROUP = re.compile(r"(?<![\d.,])(\d{1,3}) (\d{3}[.,]\d{2})(?![\d.,])")


def find_amounts_grouped(text: str) -> list[Amount]:
    """``find_amounts`` plus "1 234,56" read as one amount too (the parts stay: arithmetic decides)."""
    found = find_amounts(text)
    for m in _SPACE_GROUP.finditer(text):
        parsed = parse_number(m.group(1) + m.group(2))
        if parsed is not None:
            found.append(Amount(parsed[0], parsed[1], m.start(), m.end()))
    return found


def parse_amount(text: str) -> Decimal | None:
    """The single amount in ``text`` ("EUR 1.234,56", "-12,00 €"), or None."""
    cleaned = text.strip()
    for sym in CURRENCY_SYMBOLS:
        cleaned = cleaned.replace(sym, " ")
    cleaned = re.sub(rf"\b(?:{'|'.join(CURRENCY_CODES)})\b", " ", cleaned, flags=re.I).strip()
    amounts = find_amounts(cleaned)
    if len(amounts) != 1 or cleaned[: amounts[0].start].strip() or cleaned[amounts[0].end :].strip():
        return None
    return amounts[0].value


def plain_number(value: Decimal) -> str:
    """A quantity or rate as written plainly: "20", "9.9", "2.5" (no trailing zeros, no exponent)."""
    return format(value.normalize(), "f")


def format_amount(value: Decimal) -> str:
    """Two-decimal string as the contract wants it ("1234.56", "-12.00")."""
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def printed_forms(value: Decimal) -> tuple[str, ...]:
    """How an amount is printed: 1.234,56, 1234,56, 1,234.56 and 1234.56 (the sign left out)."""
    plain = format_amount(abs(value))
    whole, cents = plain.split(".")
    grouped = f"{int(whole):,}"
    return (f"{grouped.replace(',', '.')},{cents}", f"{whole},{cents}", f"{grouped}.{cents}", plain)


def currency_of(text: str) -> str | None:
    """ISO 4217 code named or symbolised in ``text`` ("€" → EUR)."""
    m = re.search(rf"\b({'|'.join(CURRENCY_CODES)})\b", text)
    if m:
        return m.group(1)
    for sym, code in CURRENCY_SYMBOLS.items():
        if sym in text:
            return code
    return None
