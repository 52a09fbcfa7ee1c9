"""Routing decisions from real analysis of made documents (no servers: the planner's input is a health view)."""

from __future__ import annotations

import io

import pymupdf
from PIL import Image, ImageFilter

from router_service.analysis import analyse
from router_service.planner import BackendView, make_plan
from router_service.rules import DEFAULT_RULES
from services.intake.document import open_document
from tests.router.conftest import INVOICE, scan_of

UP = BackendView(available=True, text_layer_only=False)
GPU = BackendView(available=True, text_layer_only=False, gpu=True)
DOWN_GPU = BackendView(available=False, text_layer_only=False, gpu=True)
PDFTEXT = BackendView(available=True, text_layer_only=True)


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


def test_poor_scan_is_complex_and_goes_to_deepseek_then_cpu_engines() -> None:
    content = poor_scan()
    analysed(content)  # the first call imports the e-invoice reader
    analysis = analysed(content)
    page = analysis.pages[0]
    assert not page.born_digital and page.poor_scan and page.layout == "complex"
    assert 95 <= page.image_dpi <= 105 and 3.0 <= page.skew_degrees <= 5.0
    assert analysis.seconds < 0.05 * 2  # cheap, with margin for a busy machine

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
