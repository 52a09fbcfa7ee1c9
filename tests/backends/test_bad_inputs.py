"""Bad input gets INVALID_ARGUMENT with a message; the server keeps serving."""

from __future__ import annotations

import asyncio
import re

import grpc
import pytest

from ocrmesh_client import build_request
from tests import documents
from tests.backends.gated import GatedEngine
from tests.conftest import PATIENCE, eventually


def _bad_inputs(pdf: bytes) -> list[tuple[str, bytes, str, str]]:
    return [
        ("empty", b"", "x.pdf", "empty"),
        ("truncated", documents.truncated_pdf(pdf), "x.pdf", "truncated|damaged"),
        ("encrypted", documents.encrypted_pdf(pdf), "x.pdf", "password"),
        ("bomb", documents.huge_png(), "x.png", "too large"),
        (
            "text named .pdf",
            documents.text_named_pdf(),
            "rechnung.pdf",
            "unsupported document type.*plain text",
        ),
    ]


async def test_bad_inputs_are_refused_and_server_keeps_serving(each_backend, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    server = each_backend
    for name, content, filename, pattern in _bad_inputs(einfach_pdf):
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await server.client.process(build_request(content, filename=filename), timeout=30)
        assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT, name
        assert err.value.details(), name
        assert re.search(pattern, err.value.details()), (name, err.value.details())
    outcome = await server.client.process(
        build_request(einfach_pdf, filename="good.pdf", options=_one_page()), timeout=60
    )
    assert outcome.document is not None and len(outcome.pages) == 1


def _one_page():  # type: ignore[no-untyped-def]
    from ocrmesh.v1 import ocr_pb2 as pb

    return pb.ProcessOptions(first_page=1, last_page=1, extract_fields=False)


async def test_bad_options_are_invalid_argument(pdftext_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    from ocrmesh.v1 import ocr_pb2 as pb

    for options, pattern in [
        (pb.ProcessOptions(dpi=5000), "dpi"),
        (pb.ProcessOptions(first_page=3, last_page=2), "after last_page"),
        (pb.ProcessOptions(confidence_threshold=2.0), "confidence_threshold"),
    ]:
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await pdftext_server.client.process(build_request(einfach_pdf, options=options), timeout=PATIENCE)
        assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert pattern in err.value.details()
    with pytest.raises(grpc.aio.AioRpcError) as err:  # well-formed, but past the document's end
        options = pb.ProcessOptions(first_page=7)
        await pdftext_server.client.process(build_request(einfach_pdf, options=options), timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.OUT_OF_RANGE
    assert "beyond the document's 2 pages" in err.value.details()


async def test_full_queue_answers_resource_exhausted(start_server, einfach_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    engine = GatedEngine()
    engine.load_gate.set()
    server = await start_server(engine, max_in_flight=1, max_queue=1)
    request = build_request(einfach_pdf, options=_one_page())
    first = asyncio.create_task(server.client.process(request, timeout=120))
    assert await asyncio.to_thread(engine.page_started.wait, PATIENCE)
    second = asyncio.create_task(server.client.process(request, timeout=120))  # waits in the queue
    assert await eventually(lambda: server.server.admission.waiting == 1), "the second call never queued"
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await server.client.process(request, timeout=PATIENCE)
    assert err.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "busy" in err.value.details()
    engine.page_gate.set()
    assert (await first).document is not None
    assert (await second).document is not None


# ---------------------------------------------------------------- pages that are not worth reading (issue 15)


async def _pages(server, content: bytes, filename: str, **options: int):  # type: ignore[no-untyped-def]
    from ocrmesh.v1 import ocr_pb2 as pb

    request = build_request(
        content, filename=filename, options=pb.ProcessOptions(extract_fields=False, **options)
    )
    outcome = await server.client.process(request, timeout=300)
    return sorted(outcome.pages, key=lambda p: p.page_number)


async def test_poor_pages_get_a_result_with_a_warning(tesseract_server) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    cases = [
        ("blank", Image.new("L", (1654, 2339), 255), "blank"),
        ("black", Image.new("L", (1654, 2339), 0), "black"),
        ("1x1", Image.new("RGB", (1, 1), (255, 255, 255)), "blank|no text"),
    ]
    for name, image, pattern in cases:
        pages = await _pages(tesseract_server, documents.image_bytes(image, "PNG"), f"{name}.png")
        assert len(pages) == 1, name
        quality = pages[0].quality
        assert quality.unreliable, name
        assert any(re.search(pattern, w) for w in quality.warnings), (name, list(quality.warnings))


async def test_a_bomb_header_is_refused_before_decoding(each_backend) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await each_backend.client.process(
            build_request(documents.png_claiming(30000, 30000), filename="x.png"), timeout=30
        )
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "too large" in err.value.details() and "30000 x 30000" in err.value.details()


async def test_a_fax_of_500_pages_is_opened_and_one_of_501_refused(tesseract_server) -> None:  # type: ignore[no-untyped-def]
    pages = await _pages(
        tesseract_server, documents.fax_frames_tiff(500), "fax.tif", first_page=499, last_page=500
    )
    assert [p.page_number for p in pages] == [499, 500]
    assert all(p.page_count == 500 and p.quality.unreliable for p in pages)
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await tesseract_server.client.process(
            build_request(documents.fax_frames_tiff(501), filename="fax.tif"), timeout=60
        )
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "501 pages" in err.value.details()


@pytest.mark.parametrize("orientation", [6, 99])
async def test_a_jpeg_whose_exif_orientation_lies_is_still_read(
    tesseract_server, einfach_pdf: bytes, orientation: int
) -> None:  # type: ignore[no-untyped-def]
    """EXIF says "turn 90 degrees" (6) for an upright picture, or holds no valid value (99): the text
    decides, and the invoice number is read."""
    from PIL import Image

    from benchmarks.synth.degrade import render_page_image

    exif = Image.Exif()
    exif[0x0112] = orientation
    photo = render_page_image(einfach_pdf, 0, 200)
    pages = await _pages(
        tesseract_server, documents.image_bytes(photo, "JPEG", exif=exif.tobytes()), "lying.jpg"
    )
    assert "471102" in pages[0].text
    quality = pages[0].quality
    if orientation == 6:
        assert quality.exif_orientation == 6 and quality.rotation_degrees == 270
    else:
        assert quality.exif_orientation == 0 and quality.rotation_degrees == 0
