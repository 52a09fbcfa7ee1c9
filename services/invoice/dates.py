"""Dates as printed on invoices, normalised to datetime.date.

Accepted: 05.03.2018, 5.3.18, 05.03.18, 5. März 2018, 05. Mär. 2018, 5 März 2018,
2018-03-05, March 5, 2018, 5 March 2018, Mar 5, 2018, 05/03/2018 (day first).
"""

from __future__ import annotations

import re
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
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

_PATTERNS = [
    # 05.03.2018, 5.3.18, 05/03/2018, 05-03-2018
    ("dmy", re.compile(r"(?<![\d.])(?P<d>\d{1,2})([./-])(?P<m>\d{1,2})\2(?P<y>\d{4}|\d{2})(?![\d])")),
    # 2018-03-05
    ("ymd", re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")),
    # 5. März 2018, 05. Mär. 2018, 5 March 2018
    ("dMy", re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s*(?P<mn>{_MONTH_ALT})\.?\s+(?P<y>\d{{4}})(?!\d)", re.I)),
    # March 5, 2018 / Mar. 5 2018
    ("Mdy", re.compile(rf"(?<![\w])(?P<mn>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)", re.I)),
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


def find_dates(text: str) -> list[FoundDate]:
    """All valid calendar dates in ``text``, left to right, without overlaps."""
    found: list[FoundDate] = []
    for _, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            month = _MONTHS[m.group("mn").lower()] if "mn" in m.groupdict() and m.group("mn") else int(m.group("m"))
            try:
                value = date(_year(m.group("y")), month, int(m.group("d")))
            except ValueError:
                continue
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            found.append(FoundDate(value, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


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
