"""`POST /api/v1/ocr/process?format=`: the document as Markdown, plain text or a searchable PDF.

Real backends (pdftext, tesseract) behind the gateway; the searchable PDF is checked against the
born-digital invoice it was scanned from: its words are found, where the scan shows them.
"""

from __future__ import annotations

import io
import re

import httpx
import numpy as np
import pymupdf
import pytest
from PIL import Image

from benchmarks.synth.producers import FIVE_READ_AS_SIX, scan_with_ocr_layer
from tests.gateway.conftest import DATASET, image_only_pdf
from tests.outputs.pdfa_check import pdfa_identification

PROCESS = "/api/v1/ocr/process"
INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
WORD_EDGES = ".,:;()"


def _words(pdf: bytes) -> list[tuple[str, pymupdf.Rect]]:
    with pymupdf.open(stream=pdf) as doc:
        page = doc[0]
        return [
            (w[4].strip(WORD_EDGES), pymupdf.Rect(w[:4]))
            for w in page.get_text("words")
            if w[4].strip(WORD_EDGES)
        ]


def _unique(words: list[tuple[str, pymupdf.Rect]]) -> dict[str, pymupdf.Rect]:
    seen: dict[str, list[pymupdf.Rect]] = {}
    for text, rect in words:
        seen.setdefault(text, []).append(rect)
    return {text: rects[0] for text, rects in seen.items() if len(rects) == 1 and len(text) >= 4}


def _offset(a: pymupdf.Rect, b: pymupdf.Rect) -> float:
    return max(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2))


def _render(pdf: bytes, dpi: int = 50) -> np.ndarray:
    with pymupdf.open(stream=pdf) as doc:
        pix = doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width).astype(int)


def _turned(pdf: bytes) -> bytes:
    """The scan as it comes out of a feeder upside down."""
    with pymupdf.open(stream=pdf) as doc, pymupdf.open() as out:
        page = doc[0]
        pix = page.get_pixmap(dpi=200)
        image = Image.open(io.BytesIO(pix.tobytes("png"))).rotate(180)
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        target = out.new_page(width=page.rect.width, height=page.rect.height)
        target.insert_image(target.rect, stream=buffer.getvalue())
        return out.tobytes()


async def _post(client: httpx.AsyncClient, content: bytes, name: str, **params: str) -> httpx.Response:
    return await client.post(PROCESS, files={"file": (name, content)}, params=params)


@pytest.mark.parametrize("upside_down", [False, True], ids=["upright", "upside-down"])
async def test_a_scan_as_pdf_keeps_its_page_image_and_finds_its_words_where_they_are(
    tesseract_gateway: httpx.AsyncClient, upside_down: bool
) -> None:
    scan = image_only_pdf(INVOICE, dpi=200)
    if upside_down:
        scan = _turned(scan)
    response = await _post(tesseract_gateway, scan, "scan.pdf", format="pdf")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert len(response.headers["x-document-id"]) == 64
    searchable = response.content
    # Looks exactly like the scan: the text is invisible, the page image the same; an archive copy.
    assert np.abs(_render(searchable) - _render(scan)).max() == 0
    assert pdfa_identification(searchable) == ("2", "B")
    with pymupdf.open(INVOICE) as doc:
        truth = [(w[4].strip(WORD_EDGES), pymupdf.Rect(w[:4])) for w in doc[0].get_text("words")]
    width, height = pymupdf.open(stream=scan)[0].rect.br
    if upside_down:  # where the words are on the page as delivered
        truth = [
            (t, pymupdf.Rect(width - r.x1, height - r.y1, width - r.x0, height - r.y0)) for t, r in truth
        ]
    found = {text for text, _ in _words(searchable)}
    expected = [text for text, _ in truth if text]
    assert sum(text in found for text in expected) / len(expected) >= 0.85
    placed = _unique(_words(searchable))
    truth_at = _unique(truth)
    common = sorted(set(placed) & set(truth_at))
    assert len(common) >= 20
    # The text layer's box spans the font's height, the scan's word its ink: compare the ends of the
    # word and the middle of its height.
    off = [_offset(placed[t], truth_at[t]) for t in common]
    assert sorted(off)[len(off) // 2] <= 1.5  # points: the median word sits on its image
    assert sum(o <= 3.0 for o in off) / len(off) >= 0.95


async def test_a_born_digital_pdf_keeps_its_own_text_layer(pdftext_gateway: httpx.AsyncClient) -> None:
    original = INVOICE.read_bytes()
    response = await _post(pdftext_gateway, original, INVOICE.name, format="pdf")
    assert response.status_code == 200, response.text
    assert [t for t, _ in _words(response.content)] == [t for t, _ in _words(original)]  # no second layer


async def test_a_scan_under_an_earlier_ocrs_text_gets_our_words_instead(
    tesseract_gateway: httpx.AsyncClient,
) -> None:
    """A scanner's "searchable PDF" made searchable again: the earlier reading (every 5 a 6) is taken off,
    so search and copy find each word once, as we read it; the page looks as delivered."""
    scan = scan_with_ocr_layer(INVOICE.read_bytes())
    response = await _post(tesseract_gateway, scan, "scan.pdf", format="pdf")
    assert response.status_code == 200, response.text
    searchable = response.content
    assert np.abs(_render(searchable) - _render(scan)).max() == 0
    assert pdfa_identification(searchable) == ("2", "B")  # the earlier OCR's fonts went with its words
    with pymupdf.open(INVOICE) as doc:
        truth = [w[4].strip(WORD_EDGES) for w in doc[0].get_text("words")]
    misread = {t.translate(FIVE_READ_AS_SIX) for t in truth if "5" in t} - set(truth)
    found = [text for text, _ in _words(searchable)]
    assert not set(found) & misread
    once = [t for t in set(truth) if truth.count(t) == 1 and len(t) >= 4 and t in found]
    assert len(once) >= 20 and all(found.count(t) == 1 for t in once)  # each word once, as our OCR read it
    assert "4000001123452" in found and "Kundenstraße" in found


def _stamped(scan: bytes, under: str) -> tuple[bytes, str]:
    """The scan with a visible stamp set right under the word `under` of the earlier OCR's words, and a
    link over that word; the stamp's text."""
    stamp = "Eingegangen am 07.12.2026"
    with pymupdf.open(stream=scan) as doc:
        page = doc[0]
        x0, _y0, x1, y1, *_ = next(w for w in page.get_text("words") if w[4] == under)
        page.insert_text((x0, y1 + 9), stamp, fontsize=8, color=(0.8, 0, 0))
        link = {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(x0, y1 - 9, x1, y1),
            "uri": "https://example.org",
        }
        page.insert_link(link)
        return doc.tobytes(), stamp


@pytest.mark.parametrize(
    ("under", "earlier_words_go"),
    [("Frankfurt", True), ("Kundenstraße", False)],
    ids=["stamp-below-an-address", "stamp-between-two-lines"],
)
async def test_a_stamp_and_a_link_on_a_scan_under_earlier_ocr_stay(
    tesseract_gateway: httpx.AsyncClient, under: str, earlier_words_go: bool
) -> None:
    """Visible text next to the earlier words (a scanner's stamp) and links survive their removal. A stamp
    set into the lines themselves cannot be kept apart from them: then the page stays as delivered, the
    earlier words with it (found twice, nothing of the page lost)."""
    scan, stamp = _stamped(scan_with_ocr_layer(INVOICE.read_bytes()), under)
    response = await _post(tesseract_gateway, scan, "scan.pdf", format="pdf")
    assert response.status_code == 200, response.text
    with pymupdf.open(stream=response.content) as doc:
        assert stamp in doc[0].get_text()
        assert [link["uri"] for link in doc[0].get_links()] == ["https://example.org"]
        found = [w[4] for w in doc[0].get_text("words")]
    assert "Kundenstraße" in found
    assert ("4000001123462" not in found) is earlier_words_go  # the earlier reading of 4000001123452


async def test_an_image_becomes_a_pdf_of_the_image(tesseract_gateway: httpx.AsyncClient) -> None:
    with pymupdf.open(INVOICE) as doc:
        png = doc[0].get_pixmap(dpi=150).tobytes("png")
    response = await _post(tesseract_gateway, png, "photo.png", format="pdf")
    assert response.status_code == 200, response.text
    with pymupdf.open(stream=response.content) as doc:
        assert doc.page_count == 1 and doc[0].get_images()
        assert "Rechnung" in doc[0].get_text() or "RECHNUNG" in doc[0].get_text().upper()
    assert pdfa_identification(response.content) == ("2", "B")


async def test_text_is_the_results_raw_text(pdftext_gateway: httpx.AsyncClient) -> None:
    original = INVOICE.read_bytes()
    as_json = (await _post(pdftext_gateway, original, INVOICE.name)).json()
    response = await _post(pdftext_gateway, original, INVOICE.name, format="text")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == as_json["text"]["raw"]


def _contract(pages: int = 1) -> bytes:
    lines = [
        "Gesellschaftsvertrag der Muster GmbH",
        "Abschnitt 1 Allgemeine Bestimmungen",
        "§ 1 Firma, Sitz",
        "(1) Die Firma der Gesellschaft lautet Muster GmbH.",
        "(2) Sitz der Gesellschaft ist Essen.",
        "§ 2 Gegenstand des Unternehmens",
        "Gegenstand ist die Beratung in Fragen der Datenverarbeitung.",
        "§ 5 Abs. 2 gilt entsprechend.",
        "Abschnitt 2 Gesellschafter",
        "§ 3 Stammkapital",
        "a) Das Stammkapital beträgt 25.000 Euro.",
    ]
    with pymupdf.open() as doc:
        for page_number in range(1, pages + 1):
            page = doc.new_page()
            if pages > 1:  # a running header and footer, as a long contract prints them
                page.insert_text(
                    (60, 30),
                    f"Gesellschaftsvertrag Muster GmbH – Seite {page_number} von {pages}",
                    fontsize=8,
                )
                page.insert_text((290, 820), f"- {page_number} -", fontsize=8)
            for number, line in enumerate(lines):
                page.insert_text((60, 80 + 28 * number), line, fontsize=11, fontname="helv")
        return doc.tobytes()


async def test_markdown_gives_the_contracts_headings_their_levels(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await _post(pdftext_gateway, _contract(), "vertrag.pdf", format="markdown")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/markdown")
    headings = re.findall(r"^(#+) (.+)$", response.text, flags=re.MULTILINE)
    assert headings == [
        ("##", "Abschnitt 1 Allgemeine Bestimmungen"),
        ("###", "§ 1 Firma, Sitz"),
        ("###", "§ 2 Gegenstand des Unternehmens"),
        ("##", "Abschnitt 2 Gesellschafter"),
        ("###", "§ 3 Stammkapital"),
    ]
    assert "- (1) Die Firma der Gesellschaft lautet Muster GmbH." in response.text
    assert "- a) Das Stammkapital beträgt 25.000 Euro." in response.text
    assert "\n§ 5 Abs. 2 gilt entsprechend." in response.text  # a citation, not a heading


async def test_the_format_can_come_as_a_form_field(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await pdftext_gateway.post(
        PROCESS, files={"file": ("vertrag.pdf", _contract())}, data={"format": "markdown"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")


async def test_an_unknown_format_is_422_naming_the_formats(pdftext_gateway: httpx.AsyncClient) -> None:
    response = await _post(pdftext_gateway, INVOICE.read_bytes(), INVOICE.name, format="docx")
    assert response.status_code == 422
    for name in ("json", "markdown", "text", "pdf"):
        assert name in response.text


async def test_each_streamed_page_carries_its_markdown_over_grpc(pdftext_server) -> None:  # type: ignore[no-untyped-def]
    from ocrmesh_client import build_request

    outcome = await pdftext_server.client.process(build_request(_contract()), timeout=120)
    (page,) = outcome.pages
    assert "### § 1 Firma, Sitz" in page.markdown and "## Abschnitt 2 Gesellschafter" in page.markdown


async def test_json_pages_carry_their_blocks_with_the_running_header_and_footer_apart(
    pdftext_gateway: httpx.AsyncClient,
) -> None:
    body = (await _post(pdftext_gateway, _contract(pages=2), "vertrag.pdf")).json()
    for page in body["pages"]:
        kinds = [(b["kind"], b.get("level")) for b in page["blocks"]]
        assert kinds[0] == ("page_header", None) and kinds[-1] == ("page_footer", None)
        assert ("heading", 2) in kinds and ("heading", 3) in kinds and ("list_item", None) in kinds
        headings = [b["text"] for b in page["blocks"] if b["kind"] == "heading"]
        assert headings[:2] == ["Abschnitt 1 Allgemeine Bestimmungen", "§ 1 Firma, Sitz"]
        footer = page["blocks"][-1]
        assert footer["text"] == f"- {page['page_number']} -" and footer["box"]["y0"] > 0.9
    markdown = (await _post(pdftext_gateway, _contract(pages=2), "vertrag.pdf", format="markdown")).text
    assert "Seite 1 von 2" not in markdown and "- 2 -" not in markdown  # page furniture is not the text
    assert markdown.count("### § 1 Firma, Sitz") == 2
