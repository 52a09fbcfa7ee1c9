"""Accuracy of one document's outcomes: characters, fields, agreement, winner.

- Text is compared in one normal form: Unicode NFC, every run of white space
  (line breaks, form feeds between pages) as one space. Character accuracy is
  1 - CER, CER = Levenshtein distance / reference length (rapidfuzz), floored
  at 0. Reading order counts: an engine that reads two columns in another
  order than the reference loses accuracy for it.
- Fields: the comparison of `bench_service.fields` (amounts as Decimal,
  IBAN compact, supplier name with white space normalised, the rest as
  printed), the one comparison in the repo (the field benchmarks use it too).
- Without a reference text: agreement, the mean pairwise 1 - CER of a
  backend's text with every other successful backend's text. It says the
  engines read the same, not that they read right.
- Winner: best accuracy (agreement without reference), ties (within 0.0005)
  go to the fastest; failed outcomes never win.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from bench_service.fields import compare as compare_fields
from bench_service.model import DocumentReport, FieldResult, Outcome

TIE = 0.0005


@dataclass
class RawOutcome:
    """One document on one backend as measured, before scoring (texts are not persisted)."""

    backend: str
    status: str = "OK"
    message: str = ""
    seconds: float = 0.0
    page_seconds: list[float] = field(default_factory=list)
    page_confidences: list[float] = field(default_factory=list)
    born_digital_pages: int = 0
    table_pages: set[int] = field(default_factory=set)  # pages (1-based) the backend found tables on
    text: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    confidence: float = 0.0
    supplier_id: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "OK"


def normalise_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def char_accuracy(reference: str, hypothesis: str) -> float:
    """1 - CER of `hypothesis` against `reference`, both normalised; 0..1."""
    ref, hyp = normalise_text(reference), normalise_text(hypothesis)
    if not ref:
        return 1.0 if not hyp else 0.0
    return max(0.0, 1.0 - Levenshtein.distance(ref, hyp) / len(ref))


def similarity(a: str, b: str) -> float:
    """Symmetric 1 - normalised edit distance, for agreement."""
    return Levenshtein.normalized_similarity(normalise_text(a), normalise_text(b))


def field_results(truth: dict[str, object], got: dict[str, str]) -> list[FieldResult]:
    return [FieldResult(name=k, match=want == have) for k, (want, have) in compare_fields(truth, got).items()]


def score_document(
    report: DocumentReport,
    raws: list[RawOutcome],
    reference_text: str | None,
    truth_fields: dict[str, object] | None,
) -> None:
    """Fill `report.outcomes`, `reference` and `winner` from the raw outcomes."""
    outcomes: list[Outcome] = []
    for raw in raws:
        outcome = Outcome(
            backend=raw.backend,
            status=raw.status,
            message=raw.message,
            seconds=raw.seconds,
            pages=len(raw.page_seconds),
            page_seconds=raw.page_seconds,
            confidence=raw.confidence,
            supplier_id=raw.supplier_id,
        )
        if raw.ok:
            if reference_text is not None:
                outcome.accuracy = char_accuracy(reference_text, raw.text)
            if truth_fields:
                outcome.fields = field_results(truth_fields, raw.fields)
                if outcome.fields:
                    outcome.field_accuracy = sum(f.match for f in outcome.fields) / len(outcome.fields)
        outcomes.append(outcome)
    ok = [(raw, o) for raw, o in zip(raws, outcomes, strict=True) if raw.ok]
    if reference_text is None:
        if len(ok) >= 2:
            report.reference = "agreement"
            pair: dict[tuple[int, int], float] = {
                (i, j): similarity(ok[i][0].text, ok[j][0].text) for i, j in combinations(range(len(ok)), 2)
            }
            for i, (_raw, outcome) in enumerate(ok):
                scores = [s for (a, b), s in pair.items() if i in (a, b)]
                outcome.agreement = sum(scores) / len(scores)
        else:
            report.reference = "none"
    report.outcomes = outcomes
    report.winner = pick_winner(outcomes)


def _merit(outcome: Outcome) -> float | None:
    if outcome.accuracy is not None:
        return outcome.accuracy
    return outcome.agreement


def pick_winner(outcomes: list[Outcome]) -> str:
    candidates = [o for o in outcomes if o.ok and _merit(o) is not None]
    if not candidates:
        return ""
    best = max(_merit(o) for o in candidates)  # type: ignore[type-var]
    tied = [o for o in candidates if best - _merit(o) <= TIE]  # type: ignore[operator]
    return min(tied, key=lambda o: o.seconds).backend
