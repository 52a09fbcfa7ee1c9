"""Routing decisions from real analysis of made documents (no servers: the planner's input is a health view)."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
import pytest
from PIL import Image, ImageFilter

from ocrmesh.v1 import ocr_pb2 as pb
from router_service.analysis import DocumentAnalysis, SupplierLookup, analyse
from router_service.planner import BackendView, Plan, RoutingRequest, decide, make_plan
from router_service.presumption import combine, confirm, presume
from router_service.rules import DEFAULT_RULES, RoutingRules, parse_rules
from services.intake.document import open_document
from tests.router.conftest import INVOICE, mixed_pdf, scan_of

UP = BackendView(available=True, text_layer_only=False)
GPU = BackendView(available=True, text_layer_only=False, gpu=True)
DOWN_GPU = BackendView(available=False, text_layer_only=False, gpu=True)
PDFTEXT = BackendView(available=True, text_layer_only=True)
VIEWS = {"deepseek": GPU, "gotocr": GPU, "surya": UP, "tesseract": UP, "pdftext": PDFTEXT}
SKIPPED = "coverage, text blocks, ruling lines and layout skipped (no rule needed them)"
# Born-digital pages with tables go to surya: a rule that needs the layout before the text-layer rule.
LAYOUT_RULES = parse_rules(
    """
version: 1
rules:
  - {name: born_digital_tables, when: {born_digital: true, tables: true}, backends: [surya]}
  - {name: text_layer, when: {born_digital: true}, backends: [pdftext]}
  - {name: default, backends: [tesseract]}
"""
)
SUPPLIER_RULES = parse_rules(
    """
version: 1
rules:
  - {name: known_supplier, when: {known_supplier: true}, backends: [gotocr]}
  - {name: default, backends: [pdftext]}
"""
)


def poor_scan() -> bytes:
    """A page scanned at 100 dpi, 4 degrees askew and blurred, as an image-only PDF."""
    page = pymupdf.open(INVOICE)[0]
    pix = page.get_pixmap(dpi=100, colorspace=pymupdf.csGRAY)
    image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    image = image.rotate(4, fillcolor=255).filter(ImageFilter.GaussianBlur(1.5))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    out = pymupdf.open()
    new = out.new_page(width=page.rect.width, height=page.rect.height)
    new.insert_image(new.rect, stream=buffer.getvalue())
    return out.tobytes()


def analysed(content: bytes):  # type: ignore[no-untyped-def]
    with open_document(content) as document:
        return analyse(document, range(document.page_count), DEFAULT_RULES.thresholds)


def decided(
    content: bytes, rules: RoutingRules = DEFAULT_RULES, suppliers: SupplierLookup | None = None
) -> tuple[DocumentAnalysis, Plan]:
    """The router's way: lazy analysis, planned while the document is open."""
    with open_document(content) as document:
        return decide(document, range(document.page_count), RoutingRequest(rules, VIEWS), suppliers=suppliers)


def test_poor_scan_is_complex_and_goes_to_deepseek_then_cpu_engines() -> None:
    content = poor_scan()
    analysed(content)  # the first call imports the e-invoice reader
    analysis = analysed(content)
    page = analysis.pages[0]
    assert not page.born_digital and page.poor_scan and page.layout == "complex"
    assert 95 <= page.image_dpi <= 105 and 3.0 <= page.skew_degrees <= 5.0
    assert analysis.seconds > 0  # measured (the analysis's cost: benchmarks/bench_router.py)

    views = {"deepseek": GPU, "gotocr": GPU, "surya": UP, "tesseract": UP, "pdftext": PDFTEXT}
    plan = make_plan(analysis, DEFAULT_RULES, views)
    assert plan.rule == "complex_layout" and plan.runs[0].chain[0] == "deepseek"
    assert "poor scan" in plan.reason and "skew" in plan.reason

    no_gpu = {**views, "deepseek": DOWN_GPU, "gotocr": DOWN_GPU}
    plan = make_plan(analysis, DEFAULT_RULES, no_gpu)
    assert plan.runs[0].chain == ("surya", "tesseract")  # pdftext is never offered a scan
    assert "deepseek not healthy" in plan.reason

    plan = make_plan(analysis, DEFAULT_RULES, {"tesseract": UP, "pdftext": PDFTEXT})
    assert plan.runs[0].chain == ("tesseract",) and "gotocr not configured" in plan.reason


def test_clean_scan_is_simple_and_goes_to_gotocr() -> None:
    analysis = analysed(scan_of(INVOICE, [0], dpi=200))
    assert analysis.pages[0].layout == "simple" and not analysis.pages[0].poor_scan
    plan = make_plan(analysis, DEFAULT_RULES, {"deepseek": GPU, "gotocr": GPU, "tesseract": UP})
    assert plan.rule == "simple_layout" and plan.runs[0].chain[0] == "gotocr"


def test_born_digital_pages_are_routed_on_the_text_layer_and_the_reason_names_what_was_skipped() -> None:
    analysis, plan = decided(INVOICE.read_bytes(), suppliers=SupplierLookup())
    assert plan.rule == "einvoice" and plan.runs[0].chain[0] == "pdftext"
    for page in analysis.pages:
        assert page.born_digital and page.text_chars > 100
        # Not measured: no rule before `einvoice` looks at the layout; the fields say "not analysed".
        assert not page.layout_measured and page.ruling_lines == 0 and page.layout == "unknown"
        assert page.to_proto().layout_complexity == pb.LAYOUT_COMPLEXITY_UNSPECIFIED
    assert "text layer 817 chars; " + SKIPPED in plan.reason
    assert "text layer 543 chars; " + SKIPPED in plan.reason
    assert not analysis.supplier_checked and "supplier lookup skipped (no rule needed it)" in plan.reason


def test_a_rule_that_needs_the_layout_measures_it_as_the_full_analysis_does() -> None:
    content = INVOICE.read_bytes()
    analysis, plan = decided(content, LAYOUT_RULES)
    assert plan.rule == "born_digital_tables" and plan.runs[0].chain[0] == "surya"
    assert analysis.pages == analysed(content).pages  # the same figures as measured up front
    assert all(p.layout_measured and p.tables and p.ruling_lines >= 8 for p in analysis.pages)
    assert "ruling lines" in plan.reason and "skipped" not in plan.reason


def test_a_scanned_page_still_gets_its_full_image_analysis() -> None:
    content = poor_scan()
    analysis, plan = decided(content)
    page = analysis.pages[0]
    assert page.layout_measured and page.poor_scan and page.layout == "complex"
    assert page.sharpness > 0 and 95 <= page.image_dpi <= 105 and 3.0 <= page.skew_degrees <= 5.0
    assert analysis.pages == analysed(content).pages
    assert plan.rule == "complex_layout" and "sharpness" in plan.reason and "skipped" not in plan.reason


def test_mixed_document_measures_the_scan_and_skips_the_born_digital_layout() -> None:
    analysis, plan = decided(mixed_pdf(INVOICE))
    assert [p.layout_measured for p in analysis.pages] == [False, True, False]
    assert [run.chain[0] for run in plan.runs] == ["pdftext", "gotocr", "pdftext"]
    assert SKIPPED in plan.reason and "scanned" in plan.reason


def test_skipped_layouts_are_taken_from_the_backends_results() -> None:
    analysis, _ = decided(mixed_pdf(INVOICE))
    scan = analysis.pages[1].layout
    assert analysis.layout == "unknown"  # the born-digital pages' layout was skipped
    reported = [
        pb.PageResult(page_number=1, backend="pdftext", layout_complexity=pb.LAYOUT_COMPLEXITY_MEDIUM),
        # A page measured here keeps the router's figures, whatever its backend says.
        pb.PageResult(page_number=2, backend="tesseract", layout_complexity=pb.LAYOUT_COMPLEXITY_SIMPLE),
        pb.PageResult(page_number=3, backend="pdftext"),  # reports none (e.g. OCR after a decline)
    ]
    assert analysis.adopt_reported_layouts(reported) == {"pdftext": [1]}
    assert analysis.layout == "unknown"  # page 3 is still unknown: it could be the complex one

    reported[2].layout_complexity = pb.LAYOUT_COMPLEXITY_SIMPLE
    assert analysis.adopt_reported_layouts(reported) == {"pdftext": [1, 3]}
    assert [p.layout for p in analysis.pages] == ["medium", scan, "simple"]
    assert [p.layout_reported_by for p in analysis.pages] == ["pdftext", "", "pdftext"]
    assert analysis.pages[0].to_proto().layout_complexity == pb.LAYOUT_COMPLEXITY_MEDIUM
    assert (
        analysis.pages[0].ruling_lines == 0 and not analysis.pages[0].layout_measured
    )  # still not measured here
    ranks = ["simple", "medium", "complex"]
    assert analysis.layout == max("medium", scan, key=ranks.index)


def test_supplier_lookup_runs_only_when_a_rule_asks_for_it(tmp_path: Path) -> None:
    (tmp_path / "lieferant.yaml").write_text(
        "id: lieferant-gmbh\nname: Lieferant GmbH\nvat_id: DE123456789\n", encoding="utf-8"
    )
    suppliers = SupplierLookup(tmp_path)
    analysis, plan = decided(INVOICE.read_bytes(), SUPPLIER_RULES, suppliers)
    assert analysis.supplier_id == "lieferant-gmbh" and plan.rule == "known_supplier"
    assert "known supplier lieferant-gmbh" in plan.reason

    analysis, plan = decided(INVOICE.read_bytes(), DEFAULT_RULES, suppliers)
    assert analysis.supplier_id == "" and "supplier lookup skipped" in plan.reason


def test_pending_figures_cannot_be_measured_once_the_document_is_released() -> None:
    with open_document(INVOICE.read_bytes()) as document:
        analysis = analyse(document, range(1), DEFAULT_RULES.thresholds, lazy=True)
        analysis.release()
    with pytest.raises(RuntimeError, match="released"):
        analysis.require_layout(analysis.pages[0])


# ---------------------------------------------------------------- presumption (born digital, read unread)


def presumed(content: bytes, rules: RoutingRules = DEFAULT_RULES, views=VIEWS, **planning):  # type: ignore[no-untyped-def]
    with open_document(content) as document:
        return presume(document, range(document.page_count), RoutingRequest(rules, views, **planning))


def test_a_pdf_whose_pages_all_use_fonts_is_presumed_born_digital_and_sent_to_pdftext_only() -> None:
    presumption = presumed(INVOICE.read_bytes())
    assert presumption is not None
    (run,) = presumption.plan.runs
    # The chain is cut to text-layer backends: a page pdftext declines is analysed before any OCR.
    assert run.pages == [1, 2] and run.chain == ("pdftext",) and run.rule == "einvoice"
    assert all(
        p.born_digital and not p.layout_measured and p.text_chars == 0 for p in presumption.analysis.pages
    )
    assert presumption.analysis.has_einvoice


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (lambda: scan_of(INVOICE, [0]), "a page without fonts is not presumed"),
        (lambda: mixed_pdf(INVOICE), "one page without fonts is enough"),
    ],
)
def test_no_presumption_for_pages_without_fonts(content, why) -> None:  # type: ignore[no-untyped-def]
    assert presumed(content()) is None, why


def test_no_presumption_when_a_rule_needs_figures_the_presumption_lacks() -> None:
    assert presumed(INVOICE.read_bytes(), LAYOUT_RULES) is None  # born-digital tables need the layout
    assert presumed(INVOICE.read_bytes(), SUPPLIER_RULES) is None  # the supplier needs the text


def test_no_presumption_when_the_plan_starts_on_an_ocr_engine_or_pdftext_is_down() -> None:
    assert presumed(INVOICE.read_bytes(), explicit="tesseract") is None
    assert presumed(INVOICE.read_bytes(), views={**VIEWS, "pdftext": BackendView(False, True)}) is None
    assert presumed(INVOICE.read_bytes(), explicit="pdftext") is not None


def test_confirmed_pages_take_their_figures_from_the_backends_reading() -> None:
    presumption = presumed(INVOICE.read_bytes())
    planning = RoutingRequest(DEFAULT_RULES, VIEWS)
    results = [pb.PageResult(page_number=1, backend="pdftext", text="Rechnung Nr. 4711 über 119,00 EUR")]
    confirmed = confirm(presumption, results, planning)
    assert confirmed is not None
    analysis, plan = confirmed
    assert [p.number for p in analysis.pages] == [1] and analysis.pages[0].text_chars == 28
    assert [(r.pages, r.chain) for r in plan.runs] == [([1], ("pdftext",))]
    assert "text layer 28 chars (as pdftext read it)" in plan.reason
    assert confirm(presumed(INVOICE.read_bytes()), [], planning) is None


def test_combine_joins_the_confirmed_pages_and_the_pages_planned_after_them() -> None:
    planning = RoutingRequest(DEFAULT_RULES, VIEWS)
    content = mixed_pdf(INVOICE)
    first = confirm(
        presumed(INVOICE.read_bytes()),
        [pb.PageResult(page_number=1, backend="pdftext", text="x" * 40)],
        planning,
    )
    with open_document(content) as document:
        rest = decide(document, range(1, 3), RoutingRequest(DEFAULT_RULES, VIEWS))
    analysis, plan = combine(first, rest)
    assert [p.number for p in analysis.pages] == [1, 2, 3]
    assert [p.born_digital for p in analysis.pages] == [True, False, True]
    assert [(r.pages, r.chain[0]) for r in plan.runs] == [([1], "pdftext"), ([2], "gotocr"), ([3], "pdftext")]
    assert plan.rule == "einvoice+simple_layout+text_layer"
    assert (
        plan.reason.startswith("embedded e-invoice XML found")
        and plan.reason.count("embedded e-invoice") == 1
    )
    assert set(plan.page_rules) == {1, 2, 3}


def test_pages_planned_after_a_decline_count_the_whole_request(tmp_path: Path) -> None:
    # Pages 2-3 of a request whose page 1 pdftext read: the batch flag counts all requested pages, and
    # the supplier is found in page 1's text although the scanned page 2 has none.
    (tmp_path / "lieferant.yaml").write_text(
        "id: lieferant-gmbh\nname: Lieferant GmbH\nvat_id: DE123456789\n", encoding="utf-8"
    )
    rules = parse_rules(
        """
version: 1
thresholds: {batch_pages: 3}
rules:
  - {name: batch, when: {batch: true, born_digital: false}, backends: [surya]}
  - {name: known_supplier, when: {known_supplier: true, born_digital: false}, backends: [gotocr]}
  - {name: text_layer, when: {born_digital: true}, backends: [pdftext]}
  - {name: default, backends: [tesseract]}
"""
    )
    with open_document(mixed_pdf(INVOICE)) as document:
        alone, plan_alone = decide(
            document, range(1, 3), RoutingRequest(rules, VIEWS), suppliers=SupplierLookup(tmp_path)
        )
        whole, plan_whole = decide(
            document,
            range(1, 3),
            RoutingRequest(rules, VIEWS),
            suppliers=SupplierLookup(tmp_path),
            requested_pages=3,
        )
        found, plan_found = decide(
            document,
            range(1, 2),
            RoutingRequest(rules, VIEWS),
            suppliers=SupplierLookup(tmp_path),
            requested_pages=1,
            other_texts=["Lieferant GmbH, USt-IdNr. DE123456789"],
        )
    assert not alone.batch and plan_alone.page_rules[2] != "batch"
    assert whole.batch and plan_whole.page_rules[2] == "batch"
    assert found.supplier_id == "lieferant-gmbh" and plan_found.page_rules[2] == "known_supplier"


def test_text_whose_font_is_missing_from_the_resources_is_analysed_not_presumed() -> None:
    # MuPDF still reads such text (with a substitute font), so the page is born digital; the
    # presumption, which looks only at the resources, leaves it to the analysis.
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((72, 72), "Rechnung Nr. 4711 über 119,00 EUR vom 01.02.2025", fontsize=11)
    kind, value = pdf.xref_get_key(page.xref, "Resources")
    assert kind == "xref"
    pdf.update_object(int(value.split()[0]), "<< /Font << /helv 9999 0 R >> >>")
    content = pdf.tobytes()
    assert presumed(content) is None
    analysis, plan = decided(content)
    assert analysis.pages[0].born_digital and [r.chain[0] for r in plan.runs] == ["pdftext"]


# ---------------------------------------------------------------- routing by document type (#18)

TYPE_RULES = parse_rules(
    """
version: 1
rules:
  - {name: contracts, when: {document_type: [vertrag], born_digital: true}, backends: [surya, pdftext]}
  - {name: text_layer, when: {born_digital: true}, backends: [pdftext]}
  - {name: default, backends: [tesseract]}
"""
)


def contract_pdf() -> bytes:
    from tests.doctype.test_classify import TEXTS

    with pymupdf.open() as doc:
        doc.new_page().insert_textbox(pymupdf.Rect(50, 50, 550, 800), TEXTS["vertrag"], fontsize=10)
        return doc.tobytes()


def test_a_rule_can_route_by_the_document_type_its_text_layer_tells() -> None:
    analysis, plan = decided(contract_pdf(), TYPE_RULES)
    assert plan.rule == "contracts" and plan.runs[0].chain[0] == "surya"
    assert analysis.document_type == "vertrag"
    analysis, plan = decided(INVOICE.read_bytes(), TYPE_RULES)
    assert plan.rule == "text_layer" and analysis.document_type == "rechnung"


def test_a_scans_type_is_not_known_before_ocr_so_a_type_rule_never_takes_it() -> None:
    with pymupdf.open(stream=contract_pdf()) as source:
        scan = source[0].get_pixmap(dpi=150).tobytes("png")
    analysis, plan = decided(scan, TYPE_RULES)
    assert plan.rule == "default" and analysis.document_type in (None, "")
    assert presumed(contract_pdf(), TYPE_RULES) is None  # the type needs the text the presumption never reads


def test_an_unknown_type_in_the_rules_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown document types.*vertrag"):
        parse_rules("version: 1\nrules:\n  - {name: x, when: {document_type: [invoice]}, backends: [pdftext]}\n  - {name: d, backends: [pdftext]}\n")
