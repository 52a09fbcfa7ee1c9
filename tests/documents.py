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


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels (a decompression bomb's header)."""
    import struct
    import zlib

    data = bytearray(huge_png(8, 8))
    ihdr = 8  # the IHDR chunk follows the signature: length, type, then width and height
    data[ihdr + 8 : ihdr + 16] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr + 4 : ihdr + 4 + 4 + 13])) & 0xFFFFFFFF
    data[ihdr + 8 + 13 : ihdr + 8 + 13 + 4] = struct.pack(">I", crc)
    return bytes(data)


def image_bytes(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def fax_frames_tiff(frames: int, size: tuple[int, int] = (1728, 2200)) -> bytes:
    """A multi-page G4 TIFF of `frames` blank fax pages."""
    blank = Image.new("1", size, 1)
    return image_bytes(
        blank,
        "TIFF",
        compression="group4",
        dpi=(204, 196),
        save_all=True,
        append_images=[blank] * (frames - 1),
    )
