"""Careful repair of OCR character confusions in checksummed identifiers.

Only characters of the wrong kind for their position (a letter where the
identifier's format wants a digit, or the reverse) are tried, with the usual
OCR confusions (O/0, l/1, I/1, S/5, B/8, Z/2, G/6, A/4). An IBAN's positions come from
its country's BBAN format (schwifty's registry: "8!n10!n" means 18 digits). A
candidate is accepted only when it passes the field's validator and no other
candidate with as few changes does; the change is reported ("repaired OCR
confusion O→0"), never made silently. A value that several repairs would make
valid (ambiguous) is left unchanged; one that no repair makes valid gets only
the repairs its format leaves no choice in, and stays invalid.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from schwifty import registry
from schwifty.exceptions import SchwiftyException

# The readings a misread character may stand for; where OCR confuses it with two
# (Z with 2 and 7, B with 8 and 3), both are tried and must not both validate.
TO_DIGIT: dict[str, str] = {
    "O": "0", "o": "0", "Q": "0", "D": "0", "U": "0",
    "l": "1", "I": "1", "i": "1", "|": "1", "L": "1", "!": "1",
    "S": "5", "s": "5", "B": "83", "Z": "27", "z": "27", "G": "6", "b": "6", "g": "9", "q": "9", "T": "7",
    "A": "4",  # a fax's 4 at 98 dpi rows: its open top closes
}  # fmt: skip
TO_LETTER: dict[str, str] = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"}
# VAT ids whose letters and digits sit at fixed places (EU VIES formats), with their country code:
# NL123456789B01, ATU12345678, CY12345678L, FR + two letters or digits + nine digits ('K': a French key
# character, a digit or a letter but never O or I, which are read for 0 and 1), IE1234567T or IE1234567WA (the
# old form IE1A23456T keeps its second character either kind). One mask per length.
_VAT_MASKS: dict[str, tuple[str, ...]] = {
    "NL": ("AA999999999A99",), "AT": ("AAA99999999",), "CY": ("AA99999999A",), "FR": ("AAKK999999999",),
    "IE": ("AA9?99999A", "AA9999999AA"),
}  # fmt: skip
_NOT_IN_KEY = frozenset("OoIil|")
# More suspicious positions than this are not tried (2**8 variants at most).
MAX_POSITIONS = 8


@dataclass(frozen=True)
class Repair:
    """The outcome of a repair attempt."""

    value: str
    valid: bool
    changes: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # Several equally small repairs validate: none is taken (these are the variants).
    ambiguous: tuple[str, ...] = ()

    @property
    def issues(self) -> list[str]:
        counts = Counter(self.changes)
        out = [
            (f"repaired OCR confusion {a}→{b}" if b else f"dropped {a!r}: a character OCR read twice, or a speck")
            + (f" ({n}×)" if n > 1 else "")
            for (a, b), n in counts.items()
        ]
        if self.ambiguous:
            out.append(
                f"{len(self.ambiguous)} different repairs of OCR confusions pass the check"
                f" ({', '.join(self.ambiguous[:4])}): ambiguous, left as read"
            )
        return out


# An IBAN's BBAN format in schwifty's notation: groups of length, "!" for fixed, and the kind.
_BBAN_GROUP = re.compile(r"(\d+)(!?)([nace])")
_KIND_MASK = {"n": "9", "a": "A", "c": "?", "e": "?"}


def _iban_mask(value: str) -> str | None:
    """The IBAN's mask from its country's BBAN format, None for an unknown country."""
    try:
        spec = registry.get_iban_spec(value[:2].upper())
    except SchwiftyException:
        return None
    body = "".join(_KIND_MASK[kind] * int(n) for n, _, kind in _BBAN_GROUP.findall(spec.bban_spec))
    return ("AA99" + body + "?" * len(value))[: len(value)]


def mask_for(kind: str, value: str) -> str:
    """Expected character kind per position: 'A' letter, '9' digit, '?' either, 'K' either but O and I."""
    n = len(value)
    if kind == "iban":
        mask = _iban_mask(value)
        if mask is not None:
            return mask
        body = value[4:]
        digits = sum(c.isdigit() or c in TO_DIGIT for c in body)
        rest = "9" if body and digits / len(body) >= 0.75 else "?"
        return ("AA99" + rest * n)[:n]
    if kind == "ust_id" and value[:3].upper() == "CHE":
        return ("AAA" + "9" * 9 + "A" * n)[:n]  # CHE-123.456.789 MWST
    if kind == "ust_id":
        fixed = next((m for m in _VAT_MASKS.get(value[:2].upper(), ()) if len(m) == n), None)
        if fixed is not None:
            return fixed
        return (
            ("AA" + "9" * n)[:n]
            if value[:2].upper() not in {"FR", "NL", "ES", "IE", "AT", "CY", "GB"}
            else ("AA" + "?" * n)[:n]
        )
    if kind == "bic":
        return ("AAAAAA" + "?" * n)[:n]
    if kind == "steuernummer":
        return "".join("?" if c in "/ " else "9" for c in value)
    return "?" * n


def repair(value: str, validator: Callable[[str], bool], kind: str = "") -> Repair:
    """``value`` if it validates, else the single confusion variant that does.

    Every character of the wrong kind for its position must change (a letter
    where the format wants a digit never validates), so the variants are the
    readings of all of them together; more than one valid variant is ambiguous.
    """
    if validator(value):
        return Repair(value, True)
    mask = mask_for(kind, value)
    swaps: dict[int, str] = {}
    for i, (c, want) in enumerate(zip(value, mask, strict=True)):
        if want == "9" and not c.isdigit() and c in TO_DIGIT:
            swaps[i] = TO_DIGIT[c]
        elif want == "A" and c.isdigit() and c in TO_LETTER:
            swaps[i] = TO_LETTER[c]
        elif want == "K" and c in _NOT_IN_KEY:
            swaps[i] = TO_DIGIT[c]
    if not swaps or len(swaps) > MAX_POSITIONS:
        return Repair(value, False)
    positions = sorted(swaps)
    winners: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for reading in itertools.product(*(swaps[i] for i in positions)):
        chars = list(value)
        for i, c in zip(positions, reading, strict=True):
            chars[i] = c
        candidate = "".join(chars)
        if validator(candidate):
            winners.append((candidate, tuple((value[i], c) for i, c in zip(positions, reading, strict=True))))
    if len(winners) == 1:
        candidate, changes = winners[0]
        return Repair(candidate, True, changes)
    if not winners and all(len(swaps[i]) == 1 for i in positions):
        # Nothing validates (a sample id "DE123456789" read "DEI23456789"), but each wrong-kind character
        # has one reading: the identifier as printed, still failing its check and reported so.
        chars = list(value)
        for i in positions:
            chars[i] = swaps[i]
        return Repair("".join(chars), False, tuple((value[i], swaps[i]) for i in positions))
    return Repair(value, False, ambiguous=tuple(sorted(w for w, _ in winners)))
