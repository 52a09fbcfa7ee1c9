"""Born-digital PDFs go to their text-layer backend without the router reading their text first.

Most documents are born-digital PDFs, and for those the rules send every page
to `pdftext`. Telling a text layer from a scan takes MuPDF's text extraction,
which loads every embedded font (about 2 ms an invoice), and `pdftext` does
the very same check on every page it reads (`services.pdftext.textlayer`):
it returns a page only when its text layer is usable, and declines the first
one that is not with FAILED_PRECONDITION.

So when every requested page of a PDF uses fonts (a cheap look at the page
resources), the router presumes them born digital: `presume` plans that
presumed analysis with the real rules and backend health. When the result is
one run starting on a text-layer backend, the run goes out at once with its
chain cut to the text-layer backends, and the backend's reading confirms the
presumption page by page (`confirm`: text-layer characters as the backend
read them, then the same rules planned again for the explanation). A page
the backend declines (a scan with a stamped-on page number, a garbled text
layer) and every page after it are analysed and planned as usual by the
servicer, and `combine` joins both parts.

Never presumed: anything whose plan depends on a figure the presumption does
not have (a rule's layout, tables or supplier condition for born-digital
pages raises `FigureUnavailable`), a plan that starts on an OCR engine,
images and XML documents.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ocrmesh.v1 import ocr_pb2 as pb
from router_service.analysis import (
    DocumentAnalysis,
    FigureUnavailable,
    PageAnalysis,
    has_einvoice_attachment,
)
from router_service.planner import EINVOICE_NOTE, Plan, RoutingError, RoutingRequest, Run, joined_rule
from services.intake.document import PYMUPDF_LOCK, LoadedDocument
from services.intake.sniff import DocumentType
from services.pdftext.textlayer import visible_chars


@dataclass
class Presumption:
    """Every requested page presumed born digital, and the one run that plan gives them."""

    analysis: DocumentAnalysis
    plan: Plan  # one run, its chain cut to text-layer backends


def presume(document: LoadedDocument, indices: range, planning: RoutingRequest) -> Presumption | None:
    """The presumption for an open PDF, or None when its pages cannot be presumed born digital.

    Blocking (PyMuPDF; run it on a thread). Reads page resources and attachment names only.
    """
    if document.kind is not DocumentType.PDF or document.pdf is None or not indices:
        return None
    started = time.perf_counter()
    pdf = document.pdf
    with PYMUPDF_LOCK:
        try:
            if not all(pdf[index].get_fonts() for index in indices):
                return None
        except Exception:  # damaged resources: MuPDF raises plain RuntimeError/ValueError
            return None  # the full analysis reads the page and says what is wrong with it
    analysis = DocumentAnalysis(
        kind=document.kind,
        page_count=document.page_count,
        pages=[PageAnalysis(number=index + 1, born_digital=True, layout_measured=False) for index in indices],
        has_einvoice=has_einvoice_attachment(pdf),
        supplier_checked=False,  # no text here: a rule asking for the supplier makes the presumption fail
        batch=len(indices) >= planning.rules.thresholds.batch_pages,
        warnings=list(document.warnings),
    )
    try:
        plan = planning.plan(analysis)
    except (FigureUnavailable, RoutingError):
        return None
    if len(plan.runs) != 1:
        return None
    run = plan.runs[0]
    chain = tuple(name for name in run.chain if planning.backends[name].text_layer_only)
    if not chain or chain[0] != run.chain[0]:
        return None
    plan.runs = [Run(pages=run.pages, chain=chain, rule=run.rule)]
    analysis.seconds = time.perf_counter() - started
    return Presumption(analysis, plan)


def confirm(
    presumption: Presumption, delivered: list[pb.PageResult], planning: RoutingRequest
) -> tuple[DocumentAnalysis, Plan] | None:
    """The analysis and plan of the pages the text-layer backend delivered (None if it delivered none).

    Each delivered page is born digital (the backend read a usable text layer); its text-layer
    characters are counted in the backend's reading. Planned again with the same rules and health,
    it gets the presumed run (its reason now with the figures); should it not, the presumed plan,
    cut to the delivered pages, stays: it is what ran.
    """
    results = {page.page_number: page for page in delivered}
    if not results:
        return None
    analysis = presumption.analysis
    analysis.pages = [page for page in analysis.pages if page.number in results]
    for page in analysis.pages:
        result = results[page.number]
        page.text_chars = visible_chars(result.text)[0]
        page.text_read_by = result.backend
    presumed = presumption.plan.runs[0]
    kept = Run(pages=[page.number for page in analysis.pages], chain=presumed.chain, rule=presumed.rule)
    try:
        plan = planning.plan(analysis)
    except (FigureUnavailable, RoutingError):
        plan = None
    if plan is None or [(r.pages, r.chain[0]) for r in plan.runs] != [(kept.pages, kept.chain[0])]:
        plan = Plan(runs=[kept], rule=kept.rule, reason=presumption.plan.reason)
    plan.runs = [kept]
    return analysis, plan


def combine(
    first: tuple[DocumentAnalysis, Plan] | None, rest: tuple[DocumentAnalysis, Plan]
) -> tuple[DocumentAnalysis, Plan]:
    """One analysis and plan of the confirmed pages (`first`) and the pages planned after them."""
    if first is None:
        return rest
    (head, head_plan), (tail, tail_plan) = first, rest
    tail.pages = [*head.pages, *tail.pages]
    tail.seconds += head.seconds
    tail.has_einvoice = tail.has_einvoice or head.has_einvoice
    for warning in head.warnings:
        if warning not in tail.warnings:
            tail.warnings.append(warning)
    runs = [*head_plan.runs, *tail_plan.runs]
    plan = Plan(
        runs=runs,
        rule=joined_rule(runs),
        reason=f"{head_plan.reason}; then {tail_plan.reason.removeprefix(EINVOICE_NOTE)}",
        page_rules={**head_plan.page_rules, **tail_plan.page_rules},
    )
    return tail, plan
