"""Documents the tests build themselves: bad inputs and page images."""

from __future__ import annotations

import io

import pymupdf
from PIL import Image


def truncated_pdf(pdf: bytes) -> bytes:
    return pdf[: len(pdf) // 2]


def encrypted_pdf(pdf: bytes, password: str = "geheim") -> bytes:
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    out = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "-owner")
    doc.close()
    return out


def huge_png(width: int = 20000, height: int = 20000) -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (width, height), 1).save(buffer, format="PNG")
    return buffer.getvalue()


def text_named_pdf() -> bytes:
    return "Sehr geehrte Damen und Herren,\nanbei die Rechnung.\n".encode()


def image_only_pdf(pdf: bytes, dpi: int = 200, pages: list[int] | None = None) -> bytes:
    """Each page rendered and put back as an image: a scan without text layer."""
    src = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    for index in pages if pages is not None else range(src.page_count):
        page = src[index]
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=pix.tobytes("png"))
    data = out.tobytes(deflate=True)
    out.close()
    src.close()
    return data


def png_page(pdf: bytes, index: int = 0, dpi: int = 300) -> bytes:
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    data = doc[index].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("png")
    doc.close()
    return data


def numbered_pdf(pages: int) -> bytes:
    """A born-digital PDF whose page N says 'Seite N von M' in large print."""
    doc = pymupdf.open()
    for n in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 120), f"Seite {n} von {pages}", fontsize=28, fontname="helv")
        page.insert_text((72, 180), "Lieferschein für die Bürogeräte", fontsize=16, fontname="helv")
    data = doc.tobytes()
    doc.close()
    return data
