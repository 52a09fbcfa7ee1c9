"""Hostile inputs, built in code (no binaries in the repository), each with the answer it must get.

`catalogue(invoice)` lists every input as a `Hostile`: the multipart upload (file name, bytes, form
fields, headers) and what a clear answer is: the HTTP statuses allowed and a pattern the error
message (or, for an accepted document, the result's warnings) must match. Bombs are small on the
wire and huge once decoded; nothing here is larger than a few hundred KB except the over-limit upload.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial

import pymupdf
from PIL import Image

from tests import documents

MB = 1024 * 1024


@dataclass(frozen=True)
class Hostile:
    name: str
    # The bytes, or how to make them (bombs take a moment: made when the test runs, not at collection).
    content: bytes | Callable[[], bytes]
    filename: str = "rechnung.pdf"
    # HTTP statuses that are a clear answer to this input (4xx with the error body, or 200 with a result).
    statuses: frozenset[int] = frozenset({422})
    # Must match the error message (4xx) or, for 200, a warning of the result ("" = any result).
    pattern: str = ""
    form: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    # The answer must not contain these bytes (a file read through an XML external entity).
    leak: bytes = b""

    def data(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else _made(self.content)


@lru_cache(maxsize=8)
def _made(make: Callable[[], bytes]) -> bytes:
    return make()


# ---------------------------------------------------------------- raw PDFs


def raw_pdf(*objects: bytes, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF of `objects` (object n is objects[n-1], without the 'n 0 obj' frame) with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<</Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, trailer_extra, xref)
    )
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<</Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


TEXT = b"BT /F1 12 Tf 72 720 Td (Rechnung 4711) Tj ET"
FONT = b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>"


def one_page_pdf(
    page_extra: bytes = b"", media_box: bytes = b"[0 0 595 842]", content: bytes = TEXT
) -> bytes:
    """Catalog, pages, one page with `page_extra` in its dictionary, its content and a font."""
    return raw_pdf(
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        b"<</Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>> %s>>"
        % (media_box, page_extra),
        stream(content),
        FONT,
    )


def page_box(width: float, height: float) -> bytes:
    """The outsider's probe: a few hundred bytes declaring a `width` x `height` pt page."""
    return one_page_pdf(media_box=b"[0 0 %g %g]" % (width, height))


def many_pages(count: int) -> bytes:
    doc = pymupdf.open()
    for _ in range(count):
        doc.new_page(width=200, height=200)
    data = doc.tobytes(garbage=0, deflate=True)
    doc.close()
    return data


def lying_page_count(count: int) -> bytes:
    return raw_pdf(
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count %d>>" % count,
        b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R>>",
        stream(TEXT),
    )


def page_tree_cycle() -> bytes:
    return raw_pdf(
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count 2>>",
        b"<</Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2>>",
    )


def deep_page_tree(depth: int) -> bytes:
    objects = [b"<</Type /Catalog /Pages 2 0 R>>"]
    for level in range(depth):
        number = level + 2
        objects.append(b"<</Type /Pages /Kids [%d 0 R] /Count 1>>" % (number + 1))
    objects.append(b"<</Type /Page /MediaBox [0 0 595 842]>>")
    return raw_pdf(*objects)


def nested_arrays(depth: int) -> bytes:
    return one_page_pdf(page_extra=b"/Junk " + b"[" * depth + b"]" * depth)


def nested_dicts(depth: int) -> bytes:
    return one_page_pdf(page_extra=b"/Junk " + b"<</A " * depth + b"1" + b">>" * depth)


def deep_content_nesting(depth: int) -> bytes:
    return one_page_pdf(content=b"q " * depth + TEXT + b" Q" * depth)


def flate_content_bomb(inflated: int) -> bytes:
    """A page whose content stream is a few hundred KB compressed and `inflated` bytes of spaces inflated."""
    compressor = zlib.compressobj(9)
    chunk = b" " * MB
    data = b"".join(compressor.compress(chunk) for _ in range(inflated // MB)) + compressor.flush()
    return raw_pdf(
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R>>",
        b"<</Length %d /Filter /FlateDecode>>\nstream\n" % len(data) + data + b"\nendstream",
    )


def attached_xml_bomb(invoice: bytes, inflated: int) -> bytes:
    """The invoice with its e-invoice attachment replaced by `inflated` bytes of XML whitespace."""
    doc = pymupdf.open(stream=invoice, filetype="pdf")
    for name in doc.embfile_names():
        doc.embfile_del(name)
    doc.embfile_add("factur-x.xml", b"<?xml version='1.0'?>\n<a>" + b" " * inflated + b"</a>")
    data = doc.tobytes(deflate=True)
    doc.close()
    return data


def attached_xml(invoice: bytes, xml: bytes) -> bytes:
    doc = pymupdf.open(stream=invoice, filetype="pdf")
    for name in doc.embfile_names():
        doc.embfile_del(name)
    doc.embfile_add("factur-x.xml", xml)
    data = doc.tobytes(deflate=True)
    doc.close()
    return data


def huge_image_xobject(width: int, height: int) -> bytes:
    """A page drawing an image that declares `width` x `height` pixels (with a few bytes of data)."""
    return raw_pdf(
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
        b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources <</XObject <</Im0 5 0 R>>>>>>",
        stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        stream(
            zlib.compress(b"\x00" * 1024),
            b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
        ),
    )


def with_xref_garbage(pdf: bytes) -> bytes:
    start = pdf.rindex(b"startxref")
    return pdf[:start] + b"startxref\n999999\n%%EOF\n"


# ---------------------------------------------------------------- images


def png_dimension_lie(width: int, height: int) -> bytes:
    """A PNG whose header declares `width` x `height` with a tiny (wrong) image data chunk."""
    small = io.BytesIO()
    Image.new("L", (8, 8), 255).save(small, format="PNG")
    data = bytearray(small.getvalue())
    ihdr = 16  # signature (8) + length (4) + "IHDR" (4)
    data[ihdr : ihdr + 8] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    crc = zlib.crc32(bytes(data[12:29]))
    data[29:33] = crc.to_bytes(4, "big")
    return bytes(data)


def tiff_dimension_lie(width: int, height: int) -> bytes:
    tiff = io.BytesIO()
    Image.new("L", (8, 8), 255).save(tiff, format="TIFF")
    data = bytearray(tiff.getvalue())
    image = Image.open(io.BytesIO(bytes(data)))
    # Rewrite the ImageWidth (256) and ImageLength (257) entries of the first IFD.
    offset = int.from_bytes(data[4:8], "little")
    entries = int.from_bytes(data[offset : offset + 2], "little")
    for i in range(entries):
        entry = offset + 2 + 12 * i
        tag = int.from_bytes(data[entry : entry + 2], "little")
        if tag in (256, 257):
            data[entry + 2 : entry + 4] = (4).to_bytes(2, "little")  # LONG
            data[entry + 4 : entry + 8] = (1).to_bytes(4, "little")
            data[entry + 8 : entry + 12] = (width if tag == 256 else height).to_bytes(4, "little")
    image.close()
    return bytes(data)


def multi_frame_tiff(frames: int, size: tuple[int, int] = (64, 64)) -> bytes:
    out = io.BytesIO()
    first = Image.new("1", size, 1)
    first.save(
        out,
        format="TIFF",
        save_all=True,
        append_images=[Image.new("1", size, 1)] * (frames - 1),
        compression="group4",
    )
    return out.getvalue()


def jpeg_dimension_lie(width: int, height: int) -> bytes:
    small = io.BytesIO()
    Image.new("L", (8, 8), 255).save(small, format="JPEG")
    data = bytearray(small.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


def webp_dimension_lie(width: int, height: int) -> bytes:
    """A lossless WebP whose VP8L header declares `width` x `height` (at most 16384 each)."""
    out = io.BytesIO()
    Image.new("L", (8, 8), 255).save(out, format="WEBP", lossless=True)
    data = bytearray(out.getvalue())
    bits_at = data.index(b"VP8L") + 9  # chunk tag, chunk size, signature byte 0x2f
    bits = int.from_bytes(data[bits_at : bits_at + 4], "little")
    bits = (bits & ~((1 << 28) - 1)) | (width - 1) | ((height - 1) << 14)
    data[bits_at : bits_at + 4] = bits.to_bytes(4, "little")
    return bytes(data)


def zip_bomb(inflated: int) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("factur-x.xml", b"\0" * inflated)
    return out.getvalue()


# ---------------------------------------------------------------- XML

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']>\n<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">'
    b"&lol9;</rsm:CrossIndustryInvoice>"
)


def xxe(uri: str) -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "' + uri.encode() + b'">]>\n'
        b'<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">'
        b"&x;</rsm:CrossIndustryInvoice>"
    )


def external_dtd() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">\n'
        b'<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>'
    )


def deep_xml(depth: int) -> bytes:
    return b'<?xml version="1.0"?>\n<r:a xmlns:r="urn:x">' + b"<r:a>" * depth + b"</r:a>" * depth + b"</r:a>"


def quadratic_blowup() -> bytes:
    entity = b"A" * 50_000
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "'
        + entity
        + b'">]>\n<r:r xmlns:r="urn:x">'
        + b"&a;" * 5_000
        + b"</r:r>"
    )


# ---------------------------------------------------------------- the catalogue

BAD_PDF = frozenset({422})
REFUSED = frozenset({413, 415, 422})
ACCEPTED = frozenset({200})
CLEAR = frozenset({200, 422})


def catalogue(invoice: bytes) -> list[Hostile]:
    """Every hostile input, `invoice` (a born-digital ZUGFeRD invoice) as the base of the subtle ones."""
    h = Hostile
    return [
        # -------- page bombs
        h("mediabox 20000 pt", page_box(20000, 20000), pattern="too large.*megapixels"),
        h("mediabox 15000 pt", page_box(15000, 15000), pattern="too large.*megapixels"),
        h("mediabox 1e30 pt", page_box(1e30, 1e30), statuses=CLEAR),  # MuPDF clamps the box
        h("mediabox 200000 x 10 pt strip", page_box(200000, 10), statuses=CLEAR, pattern=""),
        h("mediabox inverted", one_page_pdf(media_box=b"[20000 20000 0 0]"), pattern="too large"),
        h("mediabox empty", one_page_pdf(media_box=b"[0 0 0 0]"), statuses=CLEAR),
        h("mediabox not numbers", one_page_pdf(media_box=b"[/a /b (c) <<>>]"), statuses=CLEAR),
        h("userunit 75000", one_page_pdf(page_extra=b"/UserUnit 75000"), statuses=CLEAR),
        h("rotate 45", one_page_pdf(page_extra=b"/Rotate 45"), statuses=CLEAR),
        h("rotate -270", one_page_pdf(page_extra=b"/Rotate -270"), statuses=CLEAR),
        h("rotate 2^40", one_page_pdf(page_extra=b"/Rotate 1099511627776"), statuses=CLEAR),
        h("rotate not a number", one_page_pdf(page_extra=b"/Rotate /Up"), statuses=CLEAR),
        h("501 pages", many_pages(501), pattern="501 pages, the limit is 500"),
        h("page count lie 10^9", lying_page_count(10**9), statuses=CLEAR),
        h("page tree cycle", page_tree_cycle(), pattern="no pages|damaged|cannot"),
        h("page tree 5000 deep", deep_page_tree(5000), statuses=CLEAR),
        h("arrays nested 100000 deep", nested_arrays(100_000), statuses=CLEAR),
        h("dicts nested 100000 deep", nested_dicts(100_000), statuses=CLEAR),
        h("content q nested 100000 deep", deep_content_nesting(100_000), statuses=CLEAR),
        # -------- decompression bombs
        h("flate content bomb 128 MB", partial(flate_content_bomb, 128 * MB), pattern="decompression bomb"),
        h(
            "flate e-invoice attachment bomb 128 MB",
            partial(attached_xml_bomb, invoice, 128 * MB),
            pattern="decompression bomb",
        ),
        h(
            "pdf image 100000 x 100000 px",
            huge_image_xobject(100_000, 100_000),
            pattern="image of 100000 x 100000",
        ),
        h("pdf image 2^31 px wide", huge_image_xobject(2**31 - 1, 2), pattern="embeds an image"),
        h("png 20000 x 20000", documents.huge_png, "bomb.png", pattern="too large"),
        h(
            "png header 1000000 x 1000000",
            png_dimension_lie(1_000_000, 1_000_000),
            "x.png",
            pattern="too large|damaged",
        ),
        h(
            "tiff header 100000 x 100000",
            tiff_dimension_lie(100_000, 100_000),
            "x.tif",
            pattern="too large|damaged",
        ),
        h(
            "jpeg header 65000 x 65000",
            jpeg_dimension_lie(65000, 65000),
            "x.jpg",
            pattern="too large|damaged",
        ),
        h(
            "webp header 16384 x 16384",
            webp_dimension_lie(16384, 16384),
            "x.webp",
            pattern="too large|damaged",
        ),
        h("tiff 501 frames", multi_frame_tiff(501), "x.tif", pattern="501 pages, the limit is 500"),
        h("zip bomb renamed .pdf", partial(zip_bomb, 64 * MB), "rechnung.pdf", frozenset({415}), "ZIP"),
        h("zip bomb as .xml", partial(zip_bomb, 64 * MB), "factur-x.xml", frozenset({415}), "ZIP"),
        # -------- XML
        h("xml billion laughs", BILLION_LAUGHS, "x.xml", REFUSED),
        h("xml quadratic blowup", quadratic_blowup(), "x.xml", REFUSED),
        h("xml external entity file", xxe("file:///etc/passwd"), "x.xml", REFUSED, leak=b"root:"),
        h("xml external entity http", xxe("http://127.0.0.1:9/secret"), "x.xml", REFUSED),
        h("xml external dtd", external_dtd(), "x.xml", REFUSED),
        h("xml nested 100000 deep", deep_xml(100_000), "x.xml", REFUSED),
        h("pdf with billion laughs attached", attached_xml(invoice, BILLION_LAUGHS), statuses=ACCEPTED),
        h(
            "pdf with xxe attached",
            attached_xml(invoice, xxe("file:///etc/passwd")),
            statuses=ACCEPTED,
            leak=b"root:",
        ),
        # -------- names and form fields
        h("path traversal name", invoice, "../../../../etc/passwd", ACCEPTED),
        h("windows path traversal name", invoice, "..\\..\\Windows\\System32\\drivers\\etc\\hosts", ACCEPTED),
        h("absolute path name", invoice, "/etc/shadow", ACCEPTED),
        h("name with NUL", invoice, "rechnung\x00.exe.pdf", frozenset({200, 400, 422})),
        h("name 10000 chars", invoice, "a" * 10_000 + ".pdf", frozenset({200, 400, 413, 422})),
        h("unicode name", invoice, "Rechnung_Müller_ß_€_😀_\u202eftp.pdf", ACCEPTED),
        h("name with CRLF", invoice, "a.pdf\r\nX-Injected: 1", frozenset({200, 400, 422})),
        h(
            "options 2 MB",
            invoice,
            form={"options": json.dumps({"language": "de" * MB})},
            statuses=frozenset({400, 413, 422}),
        ),
        h(
            "options nested 10000 deep",
            invoice,
            form={"options": "[" * 10_000 + "]" * 10_000},
            pattern="options",
        ),
        h("options not an object", invoice, form={"options": "[1, 2]"}, pattern="options"),
        h("last_page 2^63", invoice, form={"options": json.dumps({"last_page": 2**63})}, pattern="last_page"),
        h(
            "first_page 2^31",
            invoice,
            form={"options": json.dumps({"first_page": 2**31})},
            pattern="first_page",
        ),
        h("last_page -1", invoice, form={"options": json.dumps({"last_page": -1})}, pattern="last_page"),
        h(
            "first_page beyond document",
            invoice,
            form={"options": json.dumps({"first_page": 99})},
            pattern="beyond",
            statuses=frozenset({416}),
        ),
        h(
            "first after last",
            invoice,
            form={"options": json.dumps({"first_page": 2, "last_page": 1})},
            pattern="after",
        ),
        h("dpi 100000", invoice, form={"options": json.dumps({"dpi": 100_000})}, pattern="dpi"),
        h(
            "confidence NaN",
            invoice,
            form={"options": '{"confidence_threshold": NaN}'},
            pattern="confidence|JSON",
        ),
        h("backend 100 KB", invoice, form={"backend": "x" * 100_000}, statuses=frozenset({400, 413, 422})),
        h("backend path traversal", invoice, form={"backend": "../../etc/passwd"}, pattern="backend"),
        h("request id with CRLF", invoice, headers={"X-Request-ID": "a\tb" + "x" * 500}, statuses=ACCEPTED),
        # -------- malformed PDFs
        h("truncated pdf", documents.truncated_pdf(invoice), pattern="truncated|damaged"),
        h("wrong xref offset", with_xref_garbage(invoice), statuses=ACCEPTED),
        h("encrypted pdf", documents.encrypted_pdf(invoice), pattern="password"),
        h("empty file", b"", pattern="empty"),
        h("pdf header only", b"%PDF-1.7\n", pattern="damaged|no pages|truncated"),
        h(
            "pdf header then garbage",
            b"%PDF-1.7\n" + bytes(range(256)) * 64,
            pattern="damaged|no pages|truncated",
        ),
        h(
            "pdf without pages",
            raw_pdf(b"<</Type /Catalog /Pages 2 0 R>>", b"<</Type /Pages /Kids [] /Count 0>>"),
            pattern="no pages",
        ),
        h("broken content stream", one_page_pdf(content=b"BT (unclosed Tj ET [[[ <<"), statuses=CLEAR),
        h(
            "pdf with javascript",
            one_page_pdf(page_extra=b"/AA <</O <</S /JavaScript /JS (app.alert(1))>>>>"),
            statuses=CLEAR,
        ),
        # -------- wrong types
        h(
            "exe renamed .pdf",
            b"MZ\x90\x00" + b"\x00" * 4096,
            statuses=frozenset({415}),
            pattern="unsupported",
        ),
        h(
            "elf renamed .pdf",
            b"\x7fELF\x02\x01\x01" + b"\x00" * 4096,
            statuses=frozenset({415}),
            pattern="unsupported",
        ),
        h(
            "html renamed .pdf",
            b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
            statuses=REFUSED,
        ),
        h(
            "svg renamed .png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>Rechnung</text></svg>',
            "x.png",
            REFUSED,
        ),
        h("gif", b"GIF89a" + b"\x00" * 64, "x.gif", frozenset({415}), "GIF"),
        h(
            "plain text renamed .pdf",
            documents.text_named_pdf(),
            statuses=frozenset({415}),
            pattern="plain text",
        ),
        h("utf-16 text", "Rechnung Nr. 4711".encode("utf-16"), statuses=frozenset({415, 422})),
    ]
