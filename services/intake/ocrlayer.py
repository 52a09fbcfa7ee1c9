"""A scan with another program's OCR under it: invisible text over a page-sized image.

Scanners' "searchable PDF", OCRmyPDF and Acrobat lay their OCR's reading under the page image
as invisible text (render mode 3). That text is an unmeasured OCR's, not the document's
characters: the page is a scan and is read again by OCR (`services.pdftext.textlayer`,
`router_service.analysis`), and a searchable PDF replaces the earlier words with ours
(`services.outputs.searchable_pdf`). The caller holds PYMUPDF_LOCK.
"""

from __future__ import annotations

import pymupdf

# The page's images hold as many pixels as this share of the page scanned at MIN_SCAN_DPI (one image,
# or strips; A4 needs 0.77 million pixels, a till receipt of 80 x 150 mm 0.15 million)...
MIN_SCAN_DPI = 100
MIN_SCAN_FILL = 0.8
# ...and when at least this share of the page's characters is invisible, that text is an OCR layer.
MIN_INVISIBLE_SHARE = 0.9
# PyMuPDF's texttrace type of text drawn in render mode 3 (neither filled nor stroked).
_INVISIBLE = 3


def is_invisible(span: dict) -> bool:
    """Whether a texttrace span is drawn invisibly (render mode 3 or fully transparent)."""
    return bool(span["type"] == _INVISIBLE or span["opacity"] == 0)


def earlier_ocr_layer(page: pymupdf.Page) -> bool:
    """Whether the page is a scan with another program's OCR under it: images with the pixels of a
    scanned page, and (nearly) all of its text invisible. Costs a look at the page's resources, and a
    text trace only on pages whose images could be a scan."""
    if not _images_of_a_scan(page):
        return False
    spans = page.get_texttrace()
    chars = sum(len(span["chars"]) for span in spans)
    hidden = sum(len(span["chars"]) for span in spans if is_invisible(span))
    return chars > 0 and hidden >= MIN_INVISIBLE_SHARE * chars


def _images_of_a_scan(page: pymupdf.Page) -> bool:
    pixels = sum(image[2] * image[3] for image in page.get_images(full=True))
    square_inches = abs(page.rect) / 72**2
    return pixels >= MIN_SCAN_FILL * square_inches * MIN_SCAN_DPI**2
