"""Which lines of a page are headings, and at what level: German legal and contract structure.

Rules, not a model: a line is a heading when it starts like one (`Teil 2`, `Abschnitt 3`,
`§ 5 Kündigung`, `Artikel 3`, `1.2 Haftung`) and reads like a title (short, not a sentence that
merely begins with a citation such as "§ 5 Abs. 2 gilt entsprechend.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Level 1 holds the document's own parts, 2 their sections, 3 the paragraphs (§, Artikel).
_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^(?:Teil|Buch)\s+(?:\d+|[IVXLC]+)\b")),
    (2, re.compile(r"^(?:Abschnitt|Kapitel|Titel|Unterabschnitt)\s+(?:\d+|[IVXLC]+)\b")),
    (3, re.compile(r"^(?:§§?|Art\.|Artikel)\s*\d+[a-z]?\b")),
)
# "1.2 Haftung", "3.1.4 Fristen": dotted numbers give the level (1.2 -> 4, 1.2.3 -> 5).
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+[A-ZÄÖÜ]")
# A citation continuing into a sentence: "§ 5 Abs. 2", "Art. 3 Satz 1", "§ 5 BGB".
_CITATION = re.compile(
    r"^(?:§§?|Art\.|Artikel)\s*\d+[a-z]?\s+(?:Abs\.|Absatz|Satz|S\.|Nr\.|Ziff\.|[A-Z]{2,}\b)"
)
MAX_HEADING_CHARS = 90
# How a heading can start: every other line is body text without trying the patterns.
_MAYBE_HEADING = re.compile(r"(?:Teil|Buch|Abschnitt|Kapitel|Titel|Unterabschnitt|§|Art|\d{1,2}\.\d)")
_LIST_ITEM = re.compile(r"^(?:\(\d{1,2}[a-z]?\)|[a-z]\)|\d{1,2}\.(?!\d)|[-•–])\s+\S")
# The first characters a heading (_MAYBE_HEADING) or a list item (_LIST_ITEM) can start with: a line
# starting otherwise ("Rechnung", "Summe", "Die Parteien") is body text, no pattern tried.
MAY_START_STRUCTURE = frozenset("TBAKU§(-•–0123456789abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Heading:
    level: int  # 1 (a part) to 6
    text: str


def heading_of(line: str) -> Heading | None:
    """The heading this line is, or None for body text."""
    if not _MAYBE_HEADING.match(line.lstrip()):
        return None  # most lines
    text = " ".join(line.split())
    if len(text) > MAX_HEADING_CHARS or _CITATION.match(text):
        return None
    if text.endswith((".", ",", ";")) and len(text.split()) > 6:
        return None  # a sentence, not a title
    for level, pattern in _PATTERNS:
        if pattern.match(text):
            return Heading(level, text)
    dotted = _DOTTED.match(text)
    if dotted and not re.search(r"\d,\d{2}\b", text):  # an amount makes it a line item, not a title
        return Heading(min(6, 2 + dotted.group(1).count(".") + 1), text)
    return None


def list_item(line: str) -> bool:
    """Numbered clauses and items: `(1)`, `a)`, `1.`, `-`, `•`."""
    return bool(_LIST_ITEM.match(line.strip()))
