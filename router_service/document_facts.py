"""A benchmark document as the router sees it: the facts behind the benchmark's document classes.

The benchmark service (`bench_service`, a layer below the router) classifies
its documents by the router's own analysis; the router hands this function to
the benchmark it hosts (`attach_benchmark(..., inspect=inspect_document)`),
as does the `ocrmesh bench` command.
"""

from __future__ import annotations

from functools import lru_cache

from bench_service.classes import DocumentFacts
from router_service.analysis import SupplierLookup, analyse
from router_service.rules import Thresholds
from services.intake.document import PYMUPDF_LOCK, open_document
from services.intake.limits import IntakeLimits
from services.intake.pagetext import PAGE_SEPARATOR
from services.intake.sniff import DocumentType
from services.pdftext.textlayer import read_page


def inspect_document(content: bytes) -> DocumentFacts:
    """Blocking: open the document once, run the router's analysis, read the text layer."""
    facts = DocumentFacts()
    try:
        document = open_document(content, IntakeLimits(max_bytes=len(content) + 1))
    except Exception as exc:  # an unreadable document is the backends' to report
        facts.error = str(exc)
        return facts
    with document:
        facts.page_count = document.page_count
        if document.kind is DocumentType.XML:
            facts.born_digital = True
            return facts
        analysis = analyse(document, range(document.page_count), Thresholds(), _suppliers())
        facts.supplier_id = analysis.supplier_id
        facts.born_digital = bool(analysis.pages) and all(p.born_digital for p in analysis.pages)
        facts.poor_scan = any(p.poor_scan for p in analysis.pages if not p.born_digital)
        facts.table_pages = {p.number for p in analysis.pages if p.tables}
        if facts.born_digital and document.pdf is not None:
            texts = []
            with PYMUPDF_LOCK:
                for index in range(document.page_count):
                    page = read_page(document.pdf, index)
                    texts.append(page.text if page is not None else "")
            facts.text_layer = PAGE_SEPARATOR.join(texts)
    return facts


@lru_cache(maxsize=1)
def _suppliers() -> SupplierLookup:
    """The supplier registry of config/suppliers, read once."""
    return SupplierLookup()
