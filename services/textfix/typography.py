"""The section sign on recognised German pages: `§` read as `8`, `$` or `&` is put back where the context
says it is a section reference (issue 15).

Tesseract's German model reads `§` as `8` (a heading "§ 5 Geschäftsführung" comes back as
"8 5 Geschäftsführung") or `$` ("gilt $ 3 Abs. 2"). A token ``8``/``$`` (``88``/``$$`` for
``§§``) followed by a section number (digits and an optional letter, never an amount such as
``500,00``) becomes ``§`` when one of these holds:

- **citation**: after the number comes ``Abs.``/``Absatz``/``Satz``/``Nr.``/``ff.`` or a law's
  abbreviation (``BGB``, ``HGB``, ``GmbHG``, ... any capitalised word ending in ``G``);
  for ``§§`` also ``und``/``bis``/``,`` and another number;
- **reference**: before it stands ``gemäß``, ``nach``, ``vgl.``, ``i.V.m.``, ``gilt`` ... and after the
  number no unit or quantity word (``8 5 Stück`` is eight times five pieces);
- **heading**: it starts the line, the rest of the line is capitalised words without digits
  (a title) or nothing, and the page is a statute or contract: another section sign on it, a
  citation or reference fix, two or more such headings, or words such as ``Vertrag``/``Gesetz``;
- **dollar**: ``$`` before a section number, on a German page that does not name dollars.

``&`` (read for ``§`` less often, and a word of its own in names) counts for the heading rule only.

Numbers that really start with 8 stay: amounts (``8 500,00``), quantities (``8 Stück``),
postcodes (``80331``), dates (``8.5.2024``) are single tokens or fail the number test. Each
change is logged with the token, its replacement and the rule, never the text around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from services.textfix.pages import update_line_texts
from services.textfix.spelling import is_name_line

log = structlog.get_logger(__name__)

_SINGLE = {"8": "§", "$": "§", "&": "§", "§": "§"}
# Read for "§" more rarely and a word of its own elsewhere ("Müller & 2 Söhne"): a heading's only.
_HEADING_ONLY = frozenset({"&"})
_DOUBLE = {"88": "§§", "$$": "§§", "8$": "§§", "$8": "§§", "§§": "§§"}
_NUMBER = re.compile(r"^\d{1,4}[a-z]?[.,;:)]?$")
_CITATION = re.compile(
    r"^(?:Abs\.?|Absatz|Satz|S\.|Nr\.?|Ziff\.?|lit\.?|Alt\.?|Hs\.?|Halbsatz|ff?\.|"
    r"BGB|HGB|ZPO|StGB|StPO|AO|GG|VwVfG|InsO|DSGVO|BDSG|UWG|VOB/?[AB]?|[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*G)[.,;:)]?$"
)
_REFERENCE_BEFORE = frozenset(
    {
        "gemäß",
        "gem.",
        "nach",
        "vgl.",
        "i.V.m.",
        "iVm",
        "iVm.",
        "gilt",
        "gelten",
        "siehe",
        "laut",
        "lt.",
        "des",
        "im",
    }
)
_JOIN = frozenset({"und", "bis", "oder", ",", "-", "–"})
_UNITS = re.compile(
    r"^(?:Stück|Stk\.?|St\.|Uhr|kg|g|t|l|m|cm|mm|km|m²|m2|qm|h|Std\.?|Stunden?|min|Min\.?|Tage?n?|Wochen?|"
    r"Monate?n?|Jahre?n?|Prozent|%|€|EUR|Euro|x|mal|Pal\.?|Paletten?|Pkt\.?|Seiten?)[.,;:]?$",
    re.IGNORECASE,
)
_STATUTE_WORDS = re.compile(
    r"\b(?:Gesetz\w*|Vertrag\w*|Vereinbarung\w*|Satzung\w*|Verordnung\w*|Paragraph\w*|Gesellschafts\w*|"
    r"Bedingungen|AGB|Abs\.|Absatz)\b"
)
_DOLLAR_NAMED = re.compile(r"\b(?:USD|US-?\$|Dollar)\b", re.IGNORECASE)
_TITLE_WORD = re.compile(
    r"^[\"„(]?[A-ZÄÖÜ][^\d]*$|^(?:und|der|die|das|des|von|für|zur|zum|im|in|mit|am|an|auf|bei|aus|nach|über|vor)$"
)


@dataclass(frozen=True)
class _Candidate:
    line: int
    word: int
    replacement: str
    rule: str


def _replacement(token: str) -> str | None:
    return _SINGLE.get(token) or _DOUBLE.get(token)


def _rule(words: list[str], k: int, dollars_named: bool) -> str | None:
    """Why `words[k]` is a section sign, or None."""
    token = words[k]
    after = words[k + 2] if k + 2 < len(words) else ""
    if token in _HEADING_ONLY:  # not a company name wrapped onto its line ("& 2 Söhne GmbH")
        return None if is_name_line(" ".join(words)) else _heading(words, k)
    if _CITATION.match(after):
        return "citation"
    if token in _DOUBLE and after in _JOIN:
        return "citation"
    before = words[k - 1] if k > 0 else ""
    if before in _REFERENCE_BEFORE and not _UNITS.match(after):
        return "reference"
    if token.startswith("$") and not dollars_named and not _UNITS.match(after):
        return "dollar"
    return _heading(words, k)


def _heading(words: list[str], k: int) -> str | None:
    title = words[2:]
    if k == 0 and _NUMBER.match(words[1]) and all(_TITLE_WORD.match(w) for w in title):
        return "heading" if not title or not _UNITS.match(title[0]) else None
    return None


def restore_section_signs(page: pb.PageResult) -> int:
    """Put `§` back in the words, lines and text of a recognised German page; returns the words changed."""
    dollars_named = bool(_DOLLAR_NAMED.search(page.text))
    candidates: list[_Candidate] = []
    for i, line in enumerate(page.lines):
        texts = [w.text for w in line.words]
        for k, token in enumerate(texts[:-1]):
            replacement = _replacement(token)
            if replacement is None or token == replacement or not _NUMBER.match(texts[k + 1]):
                continue
            rule = _rule(texts, k, dollars_named)
            if rule is not None:
                candidates.append(_Candidate(i, k, replacement, rule))
    headings = [c for c in candidates if c.rule == "heading"]
    statute = (
        len(headings) >= 2
        or len(candidates) > len(headings)
        or "§" in page.text
        or bool(_STATUTE_WORDS.search(page.text))
    )
    if not statute:
        candidates = [c for c in candidates if c.rule != "heading"]
    if not candidates:
        return 0
    originals = [(line.text, " ".join(w.text for w in line.words)) for line in page.lines]
    for c in candidates:
        word = page.lines[c.line].words[c.word]
        log.info("section_sign_restored", token=word.text, replacement=c.replacement, rule=c.rule)
        if not word.original_text:
            word.original_text = word.text
        word.text = c.replacement
    update_line_texts(page, originals)
    return len(candidates)
