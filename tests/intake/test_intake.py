"""Document intake: types by magic bytes, limits, and damaged files."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from services.intake.document import open_document
from services.intake.errors import IntakeError, UnsupportedTypeError
from services.intake.limits import IntakeLimits
from services.intake.sniff import DocumentType, sniff
from tests import documents


def _image_bytes(fmt: str, size: tuple[int, int] = (64, 32), frames: int = 1) -> bytes:
    buffer = io.BytesIO()
    images = [Image.new("L", size, 255 - 40 * i) for i in range(frames)]
    images[0].save(buffer, format=fmt, save_all=frames > 1, append_images=images[1:])
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("fmt", "kind"),
    [("PNG", DocumentType.PNG), ("JPEG", DocumentType.JPEG), ("TIFF", DocumentType.TIFF), ("WEBP", DocumentType.WEBP)],
)
def test_image_types_are_detected_from_content(fmt: str, kind: DocumentType) -> None:
    assert sniff(_image_bytes(fmt)) is kind


def test_pdf_and_xml_detected(einfach_pdf: bytes) -> None:
    assert sniff(einfach_pdf) is DocumentType.PDF
    assert sniff(b'<?xml version="1.0"?><rsm:CrossIndustryInvoice xmlns:rsm="x"/>') is DocumentType.XML


def test_name_does_not_matter_text_is_refused() -> None:
    with pytest.raises(UnsupportedTypeError, match="plain text"):
        sniff(documents.text_named_pdf())


def test_empty_is_refused() -> None:
    with pytest.raises(IntakeError, match="empty"):
        open_document(b"")


def test_multipage_tiff_has_all_pages() -> None:
    with open_document(_image_bytes("TIFF", frames=3)) as doc:
        assert doc.page_count == 3
        assert [doc.render(i).getpixel((0, 0)) for i in range(3)] == [255, 215, 175]


def test_pdf_pages_render_at_requested_dpi(einfach_pdf: bytes) -> None:
    with open_document(einfach_pdf) as doc:
        assert doc.page_count == 2
        assert doc.render(0, 100).size == (827, 1169)  # A4 (595 x 842 pt) at 100 dpi
        with pytest.raises(IntakeError, match="page 3 does not exist"):
            doc.render(2)


def test_truncated_pdf_refused(einfach_pdf: bytes) -> None:
    with pytest.raises(IntakeError, match="truncated|damaged"):
        open_document(documents.truncated_pdf(einfach_pdf))


def test_encrypted_pdf_refused(einfach_pdf: bytes) -> None:
    with pytest.raises(IntakeError, match="password"):
        open_document(documents.encrypted_pdf(einfach_pdf))


def test_decompression_bomb_refused_before_decoding() -> None:
    with pytest.raises(IntakeError, match="too large: 20000 x 20000"):
        open_document(documents.huge_png())


def test_too_many_bytes_and_pages(einfach_pdf: bytes) -> None:
    with pytest.raises(IntakeError, match="too large"):
        open_document(einfach_pdf, IntakeLimits(max_bytes=1000))
    with pytest.raises(IntakeError, match="limit is 1"):
        open_document(einfach_pdf, IntakeLimits(max_pages=1))


def test_truncated_png_refused() -> None:
    png = _image_bytes("PNG", size=(400, 400))
    with pytest.raises(IntakeError, match="damaged|truncated"):
        open_document(png[: len(png) // 2])


def test_huge_pdf_page_renders_within_pixel_limit() -> None:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page(width=2880, height=2880)  # 40 x 40 inches: rendered at a lower dpi
    data = doc.tobytes()
    with open_document(data, IntakeLimits(max_page_pixels=4_000_000)) as loaded:
        image = loaded.render(0, 300)
        assert image.width * image.height <= 4_000_000


def test_pdf_page_too_large_even_at_min_dpi_is_refused_at_open() -> None:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page(width=595, height=842)
    doc.new_page(width=14400, height=14400)  # 200 x 200 inches: would need < 50 dpi
    data = doc.tobytes()
    with pytest.raises(IntakeError, match=r"page 2 is too large: 14400 x 14400 pt .* even at 50 dpi"):
        open_document(data, IntakeLimits(max_page_pixels=4_000_000))


def test_decompression_bombs_in_a_pdf_are_refused_at_open() -> None:
    from tests.security.hostile import MB, flate_content_bomb, huge_image_xobject

    limits = IntakeLimits(max_stream_bytes=8 * MB)
    with pytest.raises(IntakeError, match="inflates to more than 8 MB"):
        open_document(flate_content_bomb(16 * MB), limits)
    with pytest.raises(IntakeError, match="embeds an image of 100000 x 100000 pixels"):
        open_document(huge_image_xobject(100_000, 100_000))
    open_document(flate_content_bomb(4 * MB), limits).close()  # within the limit: opens
