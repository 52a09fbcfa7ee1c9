"""Dates as printed on invoices, normalised to datetime.date.

Accepted: 05.03.2018, 5.3.18, 05.03.18, 5. März 2018, 05. Mär. 2018, 5 März 2018,
2018-03-05, March 5, 2018, 5 March 2018, Mar 5, 2018, 05-Mar-2018, 5 mars 2018,
1er mars 2018, 5 maart 2018 (month names with their accents lost or misread by OCR:
"4 aoüt 2017", "3 d&cembre 2018"), and 05/03/2018: day first unless the month comes
first (``month_first``: the document's other slash dates or its language say so,
see ``slash_order``). A slash date whose first number is above 12 is day first,
whose second is above 12 month first, whatever the document says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "januar": 1, "jan": 1, "jänner": 1, "january": 1,
    "februar": 2, "feb": 2, "february": 2,
    "märz": 3, "mär": 3, "maerz": 3, "mrz": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "dez": 12, "december": 12, "dec": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "mars": 3, "avril": 4,
    "avr": 4, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "augustus": 8,
}  # fmt: skip


def _fold(name: str) -> str:
    """A month name without its accents and umlauts, lower case ("Août" -> "aout", "März" -> "marz")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


# OCR reads a vowel's accent as another accent or loses it ("aoüt", "fevrier"), and "é" as "&" ("d&cembre"):
# month names match with any accent on their vowels, and are looked up folded.
_VOWEL_FORMS = {"a": "aàâäá", "e": "eéèêë&", "i": "iîïí", "o": "oôöó", "u": "uûüùú"}
_FOLDED_MONTHS = {_fold(k): v for k, v in _MONTHS.items()}


def _month_pattern(folded: str) -> str:
    return "".join(f"[{_VOWEL_FORMS[c]}]" if c in _VOWEL_FORMS else re.escape(c) for c in folded)


_MONTH_ALT = "|".join(_month_pattern(k) for k in sorted(_FOLDED_MONTHS, key=len, reverse=True))

_PATTERNS = [
    # 05.03.2018, 5.3.18, 05/03/2018, 05-03-2018
    (
        "dmy",
        re.compile(r"(?<![\d.])(?P<d>\d{1,2})(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d])"),
    ),
    # 2018-03-05 (not 2018/03/05 or 2018.03.05: German invoice and order numbers are printed so)
    ("ymd", re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")),
    # 5. März 2018, 05. Mär. 2018, 5 March 2018, 1er mars 2018, 05-Mar-2018
    (
        "dMy",
        re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s*-?(?P<mn>{_MONTH_ALT})\.?(?:\s+|-)(?P<y>\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
    ),
    # March 5, 2018 / Mar. 5 2018
    (
        "Mdy",
        re.compile(
            rf"(?<![\w])(?P<mn>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
    ),
]

# Dates on invoices outside this range are implausible.
MIN_YEAR = 1990
MAX_YEAR = 2100


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text and its character span."""

    value: date
    start: int
    end: int


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if len(y) == 2 else n


def _month_number(name: str) -> int:
    """The month a name matched by _MONTH_ALT stands for. Case-insensitive matching takes letters that fold
    to none of ours ("januarı" with a dotless ı, as OCR reads an i): those are found by the pattern."""
    folded = _fold(name.replace("&", "e"))
    if folded in _FOLDED_MONTHS:
        return _FOLDED_MONTHS[folded]
    return next(v for k, v in _FOLDED_MONTHS.items() if re.fullmatch(_month_pattern(k), name, re.IGNORECASE))


def _day_month(m: re.Match[str], month_first: bool) -> tuple[int, int]:
    groups = m.groupdict()
    if groups.get("mn"):
        return int(m.group("d")), _month_number(m.group("mn"))
    d, mo = int(m.group("d")), int(m.group("m"))
    if groups.get("sep") == "/" and (d <= 12 < mo or (month_first and mo <= 12)):
        return mo, d  # 12/24/2026, or 12/04/2026 on a month-first document
    return d, mo


def find_dates(text: str, month_first: bool = False) -> list[FoundDate]:
    """All valid calendar dates in ``text``, left to right, without overlaps (see module docstring)."""
    found: list[FoundDate] = []
    for _, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            day, month = _day_month(m, month_first)
            try:
                value = date(_year(m.group("y")), month, day)
            except ValueError:
                continue
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            found.append(FoundDate(value, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


_SLASH = re.compile(r"(?<![\d.])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?!\d)")
# Dollars and words of US English documents (US month-first customs).
_DOLLARS = re.compile(r"\$|\bUSD\b")
_US_HINTS = re.compile(r"\b(?:invoice|amount\s+due|balance\s+due|subtotal|sales\s+tax)\b", re.IGNORECASE)
# Signs of day-first dates: euros, pounds, European words, Australian tax terms. "VAT" is none: a US vendor
# names its European customer's VAT id and the reverse charge; British invoices print pounds.
_EU_HINTS = re.compile(
    r"€|£|\b(?:EUR|GBP|GST|ABN)\b|\b(?:rechnung|facture|factuur|mwst|ust|tva|btw)\b", re.IGNORECASE
)


def slash_order_month_first(text: str) -> bool:
    """Whether the document's slash dates are month first (12/04/2026 = 4 December).

    An unambiguous slash date decides (a number above 12 shows which is the day);
    else dollars and US terms without euros, pounds or European terms say month first.
    """
    for m in _SLASH.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            return False
        if second > 12 >= first:
            return True
    return bool(_DOLLARS.search(text) and _US_HINTS.search(text)) and not _EU_HINTS.search(text)


def parse_date(text: str) -> date | None:
    """The date ``text`` consists of, or None."""
    found = find_dates(text.strip())
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].value
    return None


def is_plausible(value: date, today: date | None = None) -> bool:
    """An invoice date between 1990 and two years from today."""
    today = today or date.today()
    return MIN_YEAR <= value.year and value <= date(min(today.year + 2, MAX_YEAR), 12, 31)
