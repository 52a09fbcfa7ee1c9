"""Benchmark results as routing priors.

The live benchmark (bench_service) writes `latest-priors.json`: per backend,
seconds per page and character accuracy per document class. The router
re-reads it when it changes and uses it twice:

- latency: a replica that has no live figures yet (no page routed, no latency
  in its Status) starts from the measured seconds per page;
- choice: for a scanned page, among the OCR backends the rules allow, one
  whose measured accuracy on the page's class beats the rules' first choice by
  `ACCURACY_MARGIN` is put first; at equal accuracy (within the margin) one at
  least `SPEED_FACTOR` times faster is. Only figures from at least
  `MIN_SAMPLES` documents count. The routing reason quotes the figures used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import structlog

from bench_service.model import BORN_DIGITAL, CLEAN_SCAN, DEGRADED_SCAN, TABLE_HEAVY
from bench_service.priors import EMPTY, Priors, PriorsError, load_priors
from router_service.analysis import PageAnalysis

log = structlog.get_logger("ocrmesh.router.priors")

ACCURACY_MARGIN = 0.02
SPEED_FACTOR = 2.0
MIN_SAMPLES = 3


@dataclass(frozen=True)
class Measured:
    backend: str
    accuracy: float
    seconds_per_page: float | None
    samples: int
    document_class: str

    def describe(self) -> str:
        speed = f" at {self.seconds_per_page:.2f} s/page" if self.seconds_per_page else ""
        return f"{self.backend} {self.accuracy:.1%}{speed}"


def page_classes(page: PageAnalysis) -> list[str]:
    """The benchmark classes of a page, most specific first."""
    if page.born_digital:
        return [BORN_DIGITAL]
    scan = DEGRADED_SCAN if page.poor_scan else CLEAN_SCAN
    return [TABLE_HEAVY, scan] if page.tables else [scan]


class PriorsStore:
    """The latest priors, re-read when the file changes; an unreadable file keeps the old ones."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.priors: Priors = EMPTY
        self._stamp: tuple[float, int] | None = None
        self.reload()

    def reload(self) -> bool:
        if self.path is None:
            return False
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return False
        stamp = (stat.st_mtime, stat.st_size)
        if stamp == self._stamp:
            return False
        try:
            self.priors = load_priors(self.path)
        except (OSError, PriorsError) as exc:
            log.error("priors_invalid", path=str(self.path), error=str(exc))
            return False
        self._stamp = stamp
        log.info("priors_loaded", path=str(self.path), backends=sorted(self.priors.backends))
        return True

    def measured(self, backend: str, classes: list[str]) -> Measured | None:
        prior = self.priors.backend(backend)
        if prior is None:
            return None
        for document_class in classes:
            figures = prior.classes.get(document_class)
            if figures is not None and figures.accuracy is not None and figures.samples >= MIN_SAMPLES:
                return Measured(
                    backend, figures.accuracy, figures.seconds_per_page or prior.seconds_per_page,
                    figures.samples, document_class,
                )
        return None

    def reorder(self, chain: list[str], page: PageAnalysis, ocr: set[str]) -> tuple[list[str], str]:
        """Put the measurably best OCR backend first; returns the chain and the explanation ('' if unchanged)."""
        if page.born_digital or not chain or chain[0] not in ocr:
            return chain, ""
        classes = page_classes(page)
        first = self.measured(chain[0], classes)
        if first is None:
            return chain, ""
        contenders = [m for name in chain[1:] if name in ocr and (m := self.measured(name, classes)) is not None]
        better = [m for m in contenders if m.accuracy >= first.accuracy + ACCURACY_MARGIN]
        if better:
            best = max(better, key=lambda m: (m.accuracy, -(m.seconds_per_page or float("inf"))))
            why = "more accurate"
        else:
            faster = [
                m for m in contenders
                if m.accuracy > first.accuracy - ACCURACY_MARGIN
                and m.seconds_per_page and first.seconds_per_page
                and m.seconds_per_page * SPEED_FACTOR <= first.seconds_per_page
            ]
            if not faster:
                return chain, ""
            best = min(faster, key=lambda m: m.seconds_per_page or float("inf"))
            why = "as accurate and faster"
        reordered = [best.backend, *[name for name in chain if name != best.backend]]
        run = self.priors.backend(best.backend)
        source = f"benchmark {run.run_id}" if run else "benchmark"
        note = (
            f"priors ({source}, {best.document_class}): {best.describe()} is {why} than "
            f"{first.describe()} -> {best.backend}"
        )
        return reordered, note

    def seconds_per_page(self, backend: str) -> float | None:
        return self.priors.seconds_per_page(backend)
