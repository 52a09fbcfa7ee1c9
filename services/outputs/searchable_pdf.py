"""A searchable PDF: the pages as they were delivered, with the words read from them as invisible text.

Born-digital pages keep their own text layer; scanned pages (and images, each frame a page) get
each recognised word written in render mode 3 (invisible) over its place on the page image, so
selecting, searching and copying find the words where the eye sees them. The engines report word
boxes on the upright page (`PageQuality.rotation_degrees`: how far the delivered page was turned
clockwise); the text goes back onto the page as it was delivered. Where the pages allow it, the
file is PDF/A-2b (`pdfa`).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence

import pymupdf
import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import LoadedDocument
from services.intake.mupdf_lock import holds_pymupdf_lock
from services.intake.ocrlayer import is_invisible
from services.intake.pageprep import page_dpi
from services.outputs.pdfa import CREATOR, PRODUCER, declare_pdfa, declares_pdfa, pdfa_obstacles

log = structlog.get_logger(__name__)

# A word is drawn as wide as its box: its font size may grow or shrink this much from its box height.
MIN_STRETCH, MAX_STRETCH = 0.5, 2.0
# The share of the font size a line's ink spans (capitals down to descenders); OCR boxes are ink.
INK_HEIGHT_EM = 0.8
_NO_GLYPH = frozenset({"Cc", "Cf", "Co", "Cn", "Cs"})
_FONT = "helv"  # MuPDF's built-in sans; TextWriter keeps any character it is given (€, „“, ß)


@holds_pymupdf_lock
def searchable_pdf(document: LoadedDocument, pages: Sequence[pb.PageResult]) -> bytes:
    """The PDF (blocking: PyMuPDF and Pillow; run it on a thread)."""
    results = {page.page_number: page for page in pages}
    out = pymupdf.open()
    try:
        if document.pdf is not None:
            out.insert_pdf(document.pdf)
        else:
            for index in range(document.page_count):
                _image_page(out, document, index)
        ocr_pages = {
            number: result
            for number, result in results.items()
            if 1 <= number <= out.page_count and result.kind != pb.PAGE_KIND_BORN_DIGITAL
        }
        # Only a delivered PDF can bring an earlier OCR's words (pages made here from images hold none).
        delivered = document.pdf
        touched = (
            [_remove_invisible_text(out, n - 1, delivered) for n in ocr_pages]
            if delivered is not None
            else []
        )
        if any(touched):
            out = _collected(out)  # the earlier OCR's fonts and the redaction marks gone with its words
        # The delivered pages, before our words join them (ours are known: an embedded font, invisible).
        obstacles = pdfa_obstacles(out, fonts_trusted=document.pdf is None or declares_pdfa(document.pdf))
        font = pymupdf.Font(_FONT)
        for number, result in ocr_pages.items():
            _write_words(out[number - 1], result, font)
        if obstacles:  # pages delivered with what PDF/A forbids: a plain PDF, the pages untouched
            log.info("searchable_pdf.not_pdfa", obstacles=obstacles)
            out.set_metadata({"producer": PRODUCER, "creator": CREATOR})
        else:
            declare_pdfa(out)
        return out.tobytes(garbage=3, deflate=True)
    finally:
        out.close()


def _image_page(out: pymupdf.Document, document: LoadedDocument, index: int) -> None:
    """Frame `index` of an image as a page of its size (its stated dpi, else its short edge as A4)."""
    image = document.render(index)
    dpi = page_dpi(image, document.capture(index), None)  # as every OCR engine sees the page
    page = out.new_page(width=image.width * 72 / dpi, height=image.height * 72 / dpi)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    page.insert_image(page.rect, stream=buffer.getvalue())


def _remove_invisible_text(out: pymupdf.Document, index: int, delivered: pymupdf.Document) -> bool:
    """An earlier OCR's invisible words taken off a scanned page before ours go on, so that search
    and copy find each word once; whether the page was touched.

    Images, drawings and links stay. MuPDF removes every glyph whose box a redaction touches: on a
    page with visible text too (a scanner's stamp, a page number) only the middle band of each hidden
    span is redacted, and should any visible character still go, the page is put back as delivered,
    the earlier words kept (found twice, but nothing of the page lost)."""
    page = out[index]
    trace = page.get_texttrace()
    hidden = [span for span in trace if is_invisible(span)]
    if not hidden:
        return False
    visible = _visible_chars(trace)
    # texttrace boxes and redaction rectangles alike in unrotated page coordinates
    boxes = [pymupdf.Rect(span["bbox"]) for span in hidden]
    if visible:
        marks = [pymupdf.Rect(b.x0, b.y0 + 0.4 * b.height, b.x1, b.y1 - 0.4 * b.height) for b in boxes]
    else:
        marks = [_union(boxes)]  # one mark: a scan's whole layer at once
    links = page.get_links()
    for mark in marks:
        page.add_redact_annot(mark, fill=False)
    page.apply_redactions(
        images=pymupdf.PDF_REDACT_IMAGE_NONE,
        graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )
    for link in links:
        page.insert_link(link)
    if visible and _visible_chars(page.get_texttrace()) != visible:
        log.warning("searchable_pdf.earlier_ocr_kept", page=index + 1, reason="visible text too close")
        out.delete_page(index)
        out.insert_pdf(delivered, from_page=index, to_page=index, start_at=index)
    return True


def _visible_chars(trace: list[dict]) -> list[int]:
    return [char[0] for span in trace if not is_invisible(span) for char in span["chars"]]


def _union(boxes: list[pymupdf.Rect]) -> pymupdf.Rect:
    union = pymupdf.Rect(boxes[0])
    for box in boxes[1:]:
        union |= box
    return union


def _collected(out: pymupdf.Document) -> pymupdf.Document:
    """`out` without its unreferenced objects (closed; the copy is the caller's to close)."""
    copy = pymupdf.open(stream=out.tobytes(garbage=3), filetype="pdf")
    out.close()
    return copy


def _write_words(page: pymupdf.Page, result: pb.PageResult, font: pymupdf.Font) -> None:
    """The words, invisible, on an upright sheet of their own, laid over the page turned back."""
    turned = result.quality.rotation_degrees % 360 if result.HasField("quality") else 0
    width, height = page.rect.width, page.rect.height  # as displayed
    upright_w, upright_h = (height, width) if turned in (90, 270) else (width, height)
    writer = pymupdf.TextWriter(pymupdf.Rect(0, 0, upright_w, upright_h))
    for line in result.lines:
        box = line.box if line.HasField("box") else None
        for word in line.words:
            _append_word(writer, font, word, box or word.box, upright_w, upright_h)
    if writer.text_rect.is_empty:
        return
    sheet = pymupdf.open()
    try:
        writer.write_text(sheet.new_page(width=upright_w, height=upright_h), render_mode=3)
        # show_pdf_page turns counter-clockwise: back by what the engine turned clockwise.
        page.show_pdf_page(page.rect, sheet, 0, rotate=turned, keep_proportion=False)
    finally:
        sheet.close()


def _append_word(
    writer: pymupdf.TextWriter, font: pymupdf.Font, word: pb.Word, line: pb.BoundingBox, w: float, h: float
) -> None:
    """The word as wide as its box, as high as its line (a word's own box is only its ink: "nur"
    is lower than "Haftung"), centred on the line: a line's words share one baseline."""
    # Control, private-use and unassigned characters have no glyph in any font (PDF/A 6.2.11.8: no .notdef).
    text = "".join(c for c in word.text.strip() if unicodedata.category(c) not in _NO_GLYPH)
    if not text or not word.HasField("box"):
        return
    x0, x1 = word.box.x0 * w, word.box.x1 * w
    y0, y1 = min(line.y0, word.box.y0) * h, max(line.y1, word.box.y1) * h
    if x1 <= x0 or y1 <= y0:
        return
    size = (y1 - y0) / INK_HEIGHT_EM
    length = font.text_length(text, fontsize=size)
    if length > 0:  # the width decides (selection and search go by it), within reason for the height
        size *= max(MIN_STRETCH, min(MAX_STRETCH, (x1 - x0) / length))
    baseline = (y0 + y1) / 2 + (font.ascender + font.descender) / 2 * size
    writer.append((x0, baseline), text, font=font, fontsize=size)
