"""Per-backend and per-class summaries of scored documents.

Times, accuracy, fields and confidence are over the documents a backend
processed successfully; failures are counted by gRPC code beside them (a
backend that declines a scan has no accuracy on scans, and an error count).
Accuracy is the mean over documents of their character accuracy.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from bench_service.model import CLASSES, BackendSummary, ClassSummary, DocumentReport, FieldScore, Outcome

FIELD_ORDER = (
    "rechnungsnummer", "datum", "leistungsdatum", "faelligkeit", "betrag_netto", "mwst", "betrag_brutto",
    "waehrung", "ust_id", "steuernummer", "iban", "bic", "lieferant", "kundennummer", "bestellnummer",
)  # fmt: skip


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def field_scores(outcomes: list[Outcome]) -> list[FieldScore]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for o in outcomes:
        for f in o.fields:
            total[f.name] += 1
            right[f.name] += f.match
    names = sorted(total, key=lambda k: (FIELD_ORDER.index(k) if k in FIELD_ORDER else len(FIELD_ORDER), k))
    return [FieldScore(name=n, right=right[n], total=total[n], accuracy=right[n] / total[n]) for n in names]


def _overall(fields: list[FieldScore]) -> float | None:
    total = sum(f.total for f in fields)
    return sum(f.right for f in fields) / total if total else None


def summarise_backend(backend: str, documents: list[DocumentReport]) -> BackendSummary:
    outcomes = [o for d in documents if (o := d.outcome(backend)) is not None]
    ok = [o for o in outcomes if o.ok]
    page_seconds = [s for o in ok for s in o.page_seconds]
    accuracies = [o.accuracy for o in ok if o.accuracy is not None]
    agreements = [o.agreement for o in ok if o.agreement is not None]
    fields = field_scores(ok)
    errors = Counter(o.status for o in outcomes if not o.ok)
    return BackendSummary(
        backend=backend,
        documents=len(outcomes),
        succeeded=len(ok),
        pages=sum(o.pages for o in ok),
        avg_time=_mean([o.seconds for o in ok]) or 0.0,
        p50_seconds_per_page=percentile(page_seconds, 50),
        p95_seconds_per_page=percentile(page_seconds, 95),
        accuracy=_mean(accuracies),  # type: ignore[arg-type]
        accuracy_documents=len(accuracies),
        fields=fields,
        field_accuracy=_overall(fields),
        agreement=_mean(agreements),  # type: ignore[arg-type]
        mean_confidence=_mean([o.confidence for o in ok]) or 0.0,
        errors=dict(sorted(errors.items())),
        error_count=sum(errors.values()),
        wins=sum(1 for d in documents if d.winner == backend),
    )


def summarise_class(document_class: str, backend: str, documents: list[DocumentReport]) -> ClassSummary:
    s = summarise_backend(backend, documents)
    return ClassSummary(
        document_class=document_class,
        backend=backend,
        documents=s.documents,
        succeeded=s.succeeded,
        pages=s.pages,
        accuracy=s.accuracy,
        accuracy_documents=s.accuracy_documents,
        field_accuracy=s.field_accuracy,
        seconds_per_page=s.p50_seconds_per_page,
        wins=s.wins,
    )


def aggregate(documents: list[DocumentReport], backends: list[str]) -> tuple[list[BackendSummary], list[ClassSummary]]:
    summaries = [summarise_backend(b, documents) for b in backends]
    by_class: dict[str, list[DocumentReport]] = defaultdict(list)
    for d in documents:
        for c in d.classes:
            by_class[c].append(d)
    order = [c for c in CLASSES if c in by_class] + sorted(set(by_class) - set(CLASSES))
    classes = [summarise_class(c, b, by_class[c]) for c in order for b in backends]
    return summaries, classes
