"""Payment terms → days until the invoice is due.

"Zahlungsziel 14 Tage", "zahlbar innerhalb von 30 Tagen netto", "8 Tage 2 %
Skonto, 30 Tage netto", "Payment terms: 30 days net", "zahlbar sofort ohne
Abzug". With a cash discount the due date is the net term (the longest
period, or the one marked netto / ohne Abzug / net); "sofort" is due on the
invoice date. Terms that give a date ("zahlbar bis 05.09.2016") are read as
the due date itself by the label rules, not here. Periods in working days or
counted from delivery or receipt give no date (the invoice does not say when
those were).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_DAYS = re.compile(r"(?<![\d,.])(\d{1,3})\s*(?:Kalender|Werk|Bank)?(?:tage[n]?|tg\.?|days?)\b", re.I)
_CLAUSE_END = re.compile(r"[,;.\n]")
AFTER_CHARS = 25
_NET = re.compile(r"\b(?:netto|rein\s+netto|ohne\s+(?:jeden\s+)?abzug|net)\b", re.I)
_DISCOUNT = re.compile(r"%|skonto|discount", re.I)
_IMMEDIATELY = re.compile(r"\b(?:sofort|umgehend|immediately|upon\s+receipt|on\s+receipt)\b", re.I)
# Periods counted from something other than the invoice date (delivery, receipt of goods or of the invoice).
_OTHER_START = re.compile(
    r"\b(?:ab|nach|from|after|of)\s+(?:\w+\s+){0,2}?(?:lieferung|leistung|erhalt|eingang|rechnungseingang|"
    r"rechnungserhalt|wareneingang|zugang|receipt|delivery)", re.I
)
# Working days ("Werktage") are not calendar days: no date can be computed from them without a calendar.
_WORKING_DAYS = re.compile(r"\d\s*werktage", re.I)
MAX_DAYS = 180


def due_days(terms: str) -> int | None:
    """Calendar days from the invoice date to the due date that ``terms`` state, or None."""
    if _WORKING_DAYS.search(terms) or _OTHER_START.search(terms):
        return None
    matches = list(_DAYS.finditer(terms))
    periods = []
    for k, m in enumerate(matches):
        # What qualifies a period follows it, up to the end of its clause or the next period.
        end = min(m.end() + AFTER_CHARS, matches[k + 1].start() if k + 1 < len(matches) else len(terms))
        after = _CLAUSE_END.split(terms[m.end() : end], maxsplit=1)[0]
        if 0 < int(m.group(1)) <= MAX_DAYS:
            periods.append((int(m.group(1)), after))
    if periods:
        net = [n for n, after in periods if _NET.search(after)]
        if net:
            return max(net)
        plain = [n for n, after in periods if not _DISCOUNT.search(after)]
        return max(plain) if plain else None  # a discount period alone is not the due date
    if _IMMEDIATELY.search(terms):
        return 0
    return None


def due_date(invoice_date: date, terms: str) -> date | None:
    days = due_days(terms)
    return None if days is None else invoice_date + timedelta(days=days)
