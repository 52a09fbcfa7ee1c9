"""Document classes, the keys of the router's priors.

Kept simple and computed the way the router sees a document: the router's own
cheap analysis (`router_service.analysis.analyse` with its default
thresholds, run by the `DocumentInspector` the host passes in) gives text
layer, ruling lines and poor-scan flags per page; the backends' page results
and the truth add the rest.

- born-digital: every page has a usable text layer (or the document is an
  e-invoice XML).
- degraded-scan: not born digital, and the router calls a page a poor scan
  (low resolution, blurred, skewed), or the best OCR backend's mean page
  confidence is below `degraded_confidence` (default 0.90).
- clean-scan: any other scan.
- table-heavy (in addition): at least half the pages have a table (ruling
  lines by the router's measure, or a backend returned tables for the page).
- known-supplier (in addition): the supplier registry (config/suppliers)
  recognises the document, a backend returned a supplier id, or the truth
  names one (`supplier_id`).

A document has exactly one of the first three and any of the last two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bench_service.model import BORN_DIGITAL, CLEAN_SCAN, DEGRADED_SCAN, KNOWN_SUPPLIER, TABLE_HEAVY
from bench_service.scoring import RawOutcome

TABLE_SHARE = 0.5


@dataclass
class DocumentFacts:
    """What the document itself says, before any backend saw it."""

    page_count: int = 0
    born_digital: bool = False
    table_pages: set[int] = field(default_factory=set)  # 1-based
    poor_scan: bool = False
    supplier_id: str = ""
    text_layer: str | None = None  # the reference text of a born-digital PDF
    error: str = ""


# The router's view of a document (`router_service.document_facts.inspect_document`), given to the
# benchmark by whoever hosts it: the benchmark sits below the router and never imports it.
DocumentInspector = Callable[[bytes], DocumentFacts]


def classify(
    facts: DocumentFacts,
    raws: list[RawOutcome],
    truth_fields: dict[str, object] | None,
    degraded_confidence: float,
) -> list[str]:
    ok = [r for r in raws if r.ok]
    if facts.born_digital:
        classes = [BORN_DIGITAL]
    else:
        ocr = [r for r in ok if r.page_confidences and r.born_digital_pages == 0]
        best = max((sum(r.page_confidences) / len(r.page_confidences) for r in ocr), default=None)
        poor = facts.poor_scan or (best is not None and best < degraded_confidence)
        classes = [DEGRADED_SCAN if poor else CLEAN_SCAN]
    pages = max(1, facts.page_count)
    table_pages = set(facts.table_pages)
    for r in ok:
        table_pages |= r.table_pages
    if len(table_pages) / pages >= TABLE_SHARE:
        classes.append(TABLE_HEAVY)
    supplier = facts.supplier_id or next((r.supplier_id for r in ok if r.supplier_id), "")
    if supplier or (truth_fields and truth_fields.get("supplier_id")):
        classes.append(KNOWN_SUPPLIER)
    return classes
