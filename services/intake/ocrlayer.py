"""A scan with another program's OCR under it: invisible text over a page-sized image.

Scanners' "searchable PDF", OCRmyPDF and Acrobat lay their OCR's reading under the page image
as invisible text (render mode 3). That text is an unmeasured OCR's, not the document's
characters: the page is a scan and is read again by OCR (`services.pdftext.textlayer`,
`router_service.analysis`), and a searchable PDF replaces the earlier words with ours
(`services.outputs.searchable_pdf`). The caller holds PYMUPDF_LOCK.
"""

from __future__ import annotations

import pymupdf

# An image of at least this many pixels can be a scanned page (A4 at 100 dpi is 0.97 million)...
MIN_SCAN_PIXELS = 900_000
# ...and when at least this share of the page's characters is invisible, that text is an OCR layer.
MIN_INVISIBLE_SHARE = 0.9
# PyMuPDF's texttrace type of text drawn in render mode 3 (neither filled nor stroked).
_INVISIBLE = 3


def _invisible(span: dict) -> bool:
    return bool(span["type"] == _INVISIBLE or span["opacity"] == 0)


def invisible_text_spans(page: pymupdf.Page) -> list[dict]:
    """The page's invisible text spans (PyMuPDF texttrace; `bbox` in unrotated page coordinates)."""
    return [span for span in page.get_texttrace() if _invisible(span)]


def earlier_ocr_layer(page: pymupdf.Page) -> bool:
    """Whether the page is a scan with another program's OCR under it: a page-sized image, and
    (nearly) all of its text invisible. Costs a look at the page's resources, and a text trace
    only on pages that hold a large image."""
    if not any(image[2] * image[3] >= MIN_SCAN_PIXELS for image in page.get_images(full=True)):
        return False
    spans = page.get_texttrace()
    chars = sum(len(span["chars"]) for span in spans)
    hidden = sum(len(span["chars"]) for span in spans if _invisible(span))
    return chars > 0 and hidden >= MIN_INVISIBLE_SHARE * chars
