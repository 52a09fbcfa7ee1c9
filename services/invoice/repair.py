"""Careful repair of OCR character confusions in checksummed identifiers.

Only characters of the wrong kind for their position (a letter where the
identifier's format wants a digit, or the reverse) are tried, with the usual
OCR confusions (O/0, l/1, I/1, S/5, B/8, Z/2, G/6). A candidate is accepted only
when it passes the field's validator and no other candidate does; the change is
reported ("repaired OCR confusion O→0"), never made silently, and a value that
nothing repairs is left unchanged.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

TO_DIGIT: dict[str, str] = {
    "O": "0", "o": "0", "Q": "0", "D": "0", "U": "0",
    "l": "1", "I": "1", "i": "1", "|": "1", "L": "1", "!": "1",
    "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6", "b": "6", "g": "9", "q": "9", "T": "7",
}  # fmt: skip
TO_LETTER: dict[str, str] = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"}
# More suspicious positions than this are not tried (2**8 candidates at most).
MAX_POSITIONS = 8


@dataclass(frozen=True)
class Repair:
    """The outcome of a repair attempt."""

    value: str
    valid: bool
    changes: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def issues(self) -> list[str]:
        counts = Counter(self.changes)
        return [
            f"repaired OCR confusion {a}→{b}" + (f" ({n}×)" if n > 1 else "") for (a, b), n in counts.items()
        ]


def mask_for(kind: str, value: str) -> str:
    """Expected character kind per position: 'A' letter, '9' digit, '?' either."""
    n = len(value)
    if kind == "iban":
        body = value[4:]
        digits = sum(c.isdigit() or c in TO_DIGIT for c in body)
        rest = "9" if body and digits / len(body) >= 0.75 else "?"
        return ("AA99" + rest * n)[:n]
    if kind == "ust_id":
        return ("AA" + "9" * n)[:n] if value[:2].upper() not in {"FR", "NL", "ES", "IE", "AT", "CY", "GB"} else ("AA" + "?" * n)[:n]
    if kind == "bic":
        return ("AAAAAA" + "?" * n)[:n]
    if kind == "steuernummer":
        return "".join("?" if c in "/ " else "9" for c in value)
    return "?" * n


def repair(value: str, validator: Callable[[str], bool], kind: str = "") -> Repair:
    """``value`` if it validates, else the single confusion variant that does."""
    if validator(value):
        return Repair(value, True)
    mask = mask_for(kind, value)
    swaps: dict[int, str] = {}
    for i, (c, want) in enumerate(zip(value, mask, strict=True)):
        if want == "9" and not c.isdigit() and c in TO_DIGIT:
            swaps[i] = TO_DIGIT[c]
        elif want == "A" and c.isdigit() and c in TO_LETTER:
            swaps[i] = TO_LETTER[c]
    if not swaps or len(swaps) > MAX_POSITIONS:
        return Repair(value, False)
    winners: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    positions = sorted(swaps)
    # Fewest substitutions first: stop at the first size that gives a valid value.
    for k in range(1, len(positions) + 1):
        for subset in itertools.combinations(positions, k):
            chars = list(value)
            for i in subset:
                chars[i] = swaps[i]
            candidate = "".join(chars)
            if validator(candidate):
                winners.append((candidate, tuple((value[i], swaps[i]) for i in subset)))
        if winners:
            break
    if len(winners) == 1:
        candidate, changes = winners[0]
        return Repair(candidate, True, changes)
    return Repair(value, False)
