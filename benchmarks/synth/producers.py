"""One born-digital PDF as other programs write it: the same page, another producer's habits.

- `redrawn`: each page drawn on a new page without the e-invoice attachment; `rotate` stores it
  turned and shows it upright by /Rotate (some office suites and printers to PDF), `overprint`
  draws it a second time a fraction of a point to the right (simulated bold, shadows).
- `scan_with_ocr_layer`: each page as a page image with its words laid under it as invisible text
  (render mode 3), as a scanner's "searchable PDF", OCRmyPDF or Acrobat make it; `misreads` is the
  earlier OCR's reading of each word.
"""

from __future__ import annotations

import pymupdf

# An earlier OCR's misreads: every 5 read as 6, so a field taken from its layer is visibly wrong.
FIVE_READ_AS_SIX = str.maketrans("5", "6")
NO_MISREADS = str.maketrans("", "")


def redrawn(pdf: bytes, *, rotate: int = 0, overprint: float = 0.0) -> bytes:
    """Each page of `pdf` drawn on a new page (no embedded e-invoice) that shows it upright.

    rotate: the new page is stored turned by -`rotate` degrees and shown upright by /Rotate `rotate`.
    overprint: every page drawn a second time, this many points to the right (simulated bold).
    """
    with pymupdf.open(stream=pdf, filetype="pdf") as source, pymupdf.open() as out:
        for index, page in enumerate(source):
            width, height = page.rect.width, page.rect.height
            if rotate in (90, 270):
                width, height = height, width
            new = out.new_page(width=width, height=height)
            new.show_pdf_page(new.rect, source, index, rotate=rotate)
            if overprint:
                new.show_pdf_page(new.rect + (overprint, 0, overprint, 0), source, index, rotate=rotate)
            new.set_rotation(rotate)
        return out.tobytes()


def scan_with_ocr_layer(
    pdf: bytes, *, dpi: int = 200, visible_text: bool = False, misreads: dict[int, str] = FIVE_READ_AS_SIX
) -> bytes:
    """Each page of `pdf` as a greyscale page image with its words under it as invisible text, each
    word as the earlier OCR read it (`misreads`, a `str.translate` table).

    visible_text: the words drawn visibly instead (a designed page on a full-page background image).
    """
    with pymupdf.open(stream=pdf, filetype="pdf") as source, pymupdf.open() as out:
        for page in source:
            target = out.new_page(width=page.rect.width, height=page.rect.height)
            image = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
            target.insert_image(target.rect, stream=image.tobytes("png"))
            for x0, _y0, _x1, y1, text, *_ in page.get_text("words"):
                reading = text.translate(misreads)
                target.insert_text((x0, y1 - 2), reading, fontsize=9, render_mode=0 if visible_text else 3)
        return out.tobytes(deflate=True)
