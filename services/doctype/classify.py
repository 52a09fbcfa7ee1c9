"""A document's type from the whole document's evidence, weighed as config/doctypes.yaml says.

Every type collects points: its title (where on the document it stands: the top of page 1 and
the first title of the document count most), the phrases its documents use (each once), the
structure (a contract's `§` clauses) and an e-invoice's type code. The best type wins when it
has enough points; otherwise the document is `sonstiges`. The reason lists the evidence, so a
person can see why, and the lexicon is data: a new wording is a line in the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ocrmesh.v1 import ocr_pb2 as pb
from services.doctype.evidence import SONSTIGES, Lexicon, TypeEvidence, load_lexicon
from services.intake.pagetext import PAGE_SEPARATOR

_SECTION = re.compile(r"^\s*(?:§|Art\.|Artikel)\s*\d+[a-z]?\s+[A-ZÄÖÜ][^\n]{0,80}$", re.MULTILINE)
_TYPE_CODE = re.compile(r"<(?:\w+:)?(?:TypeCode|InvoiceTypeCode|CreditNoteTypeCode)[^>]*>\s*(\d{3})\s*<")
_QUOTE_CHARS = 40
# Words of a short business letter: with fewer, missing evidence says less about the type.
FULL_LETTER_WORDS = 60


@dataclass
class _Score:
    points: float = 0.0
    evidence: list[str] = field(default_factory=list)

    def add(self, points: float, evidence: str) -> None:
        self.points += points
        self.evidence.append(evidence)


def classify_document(text: str, einvoice: pb.EInvoice | None = None, lexicon: Lexicon | None = None) -> pb.DocumentClassification:
    """The type of the document whose pages' text is `text` (pages separated by form feeds)."""
    lexicon = lexicon or load_lexicon()
    if not text.strip() and not (einvoice and einvoice.xml):
        return pb.DocumentClassification(type=SONSTIGES, confidence=0.05, reason="no text was read from the document")
    scores = {t.name: _Score() for t in lexicon.types}
    _titles(text, lexicon, scores)
    for evidence in lexicon.types:
        for phrase in evidence.phrases:
            found = phrase.pattern.search(text)
            if found:
                scores[evidence.name].add(phrase.weight, f"„{_quote(found.group(0))}“")
    sections = len(_SECTION.findall(text))
    if sections >= lexicon.sections_min:
        scores[lexicon.sections_type].add(lexicon.sections_weight, f"{sections} clause headings (§/Artikel)")
    code = _TYPE_CODE.search(einvoice.xml) if einvoice is not None and einvoice.xml else None
    if code and code.group(1) in lexicon.einvoice_codes:
        scores[lexicon.einvoice_codes[code.group(1)]].add(lexicon.einvoice_weight, f"e-invoice type code {code.group(1)}")
    return _verdict(scores, lexicon, words=len(text.split()))


def _titles(text: str, lexicon: Lexicon, scores: dict[str, _Score]) -> None:
    """Each type's best title line: at the top of page 1, or elsewhere; the first title earns more."""
    # The first page's first non-empty lines (page 1's lines are the first lines of `text`).
    first_page_lines = text.split(PAGE_SEPARATOR, 1)[0].splitlines()
    top_indices = {i for i, line in enumerate(first_page_lines) if line.strip()}
    top_indices = set(sorted(top_indices)[: lexicon.top_lines])
    first_title_line: int | None = None
    best: dict[str, tuple[float, str]] = {}
    lines = text.splitlines()
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not _title_like(stripped, lines[number + 1] if number + 1 < len(lines) else "", lexicon):
            continue
        for evidence in lexicon.types:
            if not _is_title(evidence, stripped):
                continue
            at_top = number in top_indices
            points = lexicon.title_top if at_top else lexicon.title_elsewhere
            where = "at the top of page 1" if at_top else "as a heading"
            if first_title_line is None:
                first_title_line = number
            if number == first_title_line:
                points += lexicon.first_title
                where += ", the first title"
            if points > best.get(evidence.name, (0.0, ""))[0]:
                best[evidence.name] = (points, f"title „{_quote(stripped)}“ {where}")
    for name, (points, evidence_text) in best.items():
        scores[name].add(points, evidence_text)


def _title_like(line: str, next_line: str, lexicon: Lexicon) -> bool:
    """Short, and not a field's label ("Bestellung" over ": 2018-471331", "Lieferschein:")."""
    if not line or len(line.split()) > lexicon.title_max_words:
        return False
    return not (line.endswith(":") or next_line.lstrip().startswith(":"))


def _is_title(evidence: TypeEvidence, line: str) -> bool:
    return any(pattern.match(line) for pattern in evidence.titles)


def _verdict(scores: dict[str, _Score], lexicon: Lexicon, *, words: int) -> pb.DocumentClassification:
    ranked = sorted(scores.items(), key=lambda item: item[1].points, reverse=True)
    (name, best), (runner_name, runner) = ranked[0], ranked[1]
    if best.points < lexicon.min_score:
        found = "; ".join(f"{n}: {', '.join(s.evidence)}" for n, s in ranked if s.evidence)
        # Confident only about a document with enough text to have shown a type's evidence.
        evidence_room = min(1.0, words / FULL_LETTER_WORDS)
        return pb.DocumentClassification(
            type=SONSTIGES,
            confidence=round(
                evidence_room * min(0.9, 0.5 + (lexicon.min_score - best.points) / (2 * lexicon.min_score)), 3
            ),
            reason="no type has enough evidence" + (f" (weak: {found})" if found else ""),
        )
    share = best.points / (best.points + runner.points)
    strength = min(1.0, best.points / (2 * lexicon.min_score))
    reason = f"{name}: " + ", ".join(best.evidence)
    if runner.points:
        reason += f"; next best {runner_name} ({runner.points:g} vs {best.points:g} points)"
    return pb.DocumentClassification(type=name, confidence=round(share * strength, 3), reason=reason)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…"
