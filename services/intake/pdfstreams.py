"""Bombs inside a PDF, found before MuPDF inflates or decodes anything.

A few hundred bytes of PDF can declare a page or an image of billions of
pixels, or a FlateDecode stream that inflates to gigabytes. `check_pdf`
reads the page boxes and the stream dictionaries (cheap) and inflates each
compressed non-image stream in bounded chunks, stopping as soon as it passes
the limit, so no bomb is ever held in memory. The caller holds PYMUPDF_LOCK.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable

import pymupdf

from services.intake.cancel import check_cancelled
from services.intake.errors import IntakeError
from services.intake.limits import MB, IntakeLimits

_CHUNK = 1024 * 1024
# DEFLATE inflates at most about 1032:1, so a smaller stream cannot pass the limit: not inflated.
DEFLATE_MAX_RATIO = 1032
_NUMBER = r"\s*(\d+)"


def check_page_box(index: int, rect: pymupdf.Rect, limits: IntakeLimits) -> None:
    """Refuse a page that would exceed the pixel limit even at the lowest resolution we render."""
    w_in, h_in = rect.width / 72.0, rect.height / 72.0
    pixels = w_in * h_in * limits.min_dpi * limits.min_dpi
    if pixels > limits.max_page_pixels:
        raise IntakeError(
            f"page {index + 1} is too large: {rect.width:.0f} x {rect.height:.0f} pt "
            f"({w_in * 2.54:.0f} x {h_in * 2.54:.0f} cm) would be {pixels / 1e6:.0f} megapixels even at "
            f"{limits.min_dpi} dpi; the limit is {limits.max_page_pixels / 1e6:.0f} megapixels per page"
        )


def _key_int(pdf: pymupdf.Document, xref: int, key: str) -> int:
    kind, value = pdf.xref_get_key(xref, key)
    if kind == "int":
        return int(value)
    if kind == "xref":  # an indirect number: "12 0 R"
        match = re.match(_NUMBER, value)
        if match:
            inner = pdf.xref_object(int(match.group(1)), compressed=True).strip()
            return int(inner) if inner.isdigit() else 0
    return 0


def _inflated_size(raw: bytes, limit: int) -> int:
    """Bytes `raw` (zlib data) inflates to, counting no further than just past `limit`."""
    inflater = zlib.decompressobj()
    total = 0
    data = raw
    try:
        while data and total <= limit:
            check_cancelled()
            total += len(inflater.decompress(data, _CHUNK))
            data = inflater.unconsumed_tail
    except zlib.error:
        return total  # damaged data: MuPDF reads what inflates, no more
    return total


def check_streams(pdf: pymupdf.Document, limits: IntakeLimits) -> None:
    """Refuse images whose declared size exceeds the pixel limit and streams that inflate beyond the byte limit."""
    for xref in range(1, pdf.xref_length()):
        check_cancelled()
        try:
            if not pdf.xref_is_stream(xref):
                continue
            subtype = pdf.xref_get_key(xref, "Subtype")[1]
            filters = pdf.xref_get_key(xref, "Filter")[1]
        except Exception:  # a damaged object: MuPDF skips it when reading as well
            continue
        if subtype == "/Image":
            width, height = _key_int(pdf, xref, "Width"), _key_int(pdf, xref, "Height")
            if width * height > limits.max_page_pixels:
                raise IntakeError(
                    f"the PDF embeds an image of {width} x {height} pixels; "
                    f"the limit is {limits.max_page_pixels / 1e6:.0f} megapixels"
                )
            continue
        if "FlateDecode" not in filters and "/Fl" not in filters:
            continue
        if 0 < _key_int(pdf, xref, "Length") * DEFLATE_MAX_RATIO <= limits.max_stream_bytes:
            continue
        try:
            raw = pdf.xref_stream_raw(xref)
        except Exception:
            continue
        if raw and _inflated_size(raw, limits.max_stream_bytes) > limits.max_stream_bytes:
            raise IntakeError(
                f"the PDF holds a compressed stream (object {xref}) that inflates to more than "
                f"{limits.max_stream_bytes / MB:.0f} MB (a decompression bomb)"
            )


class CheckedDigests:
    """Documents (by SHA-256 and limits) whose streams passed, so a process opening the same document
    again (the router analyses, then plans declined pages, then reads the e-invoice) checks it once."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._passed: OrderedDict[tuple[str, int, int], None] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, digest: str, limits: IntakeLimits, check: Callable[[], None]) -> None:
        key = (digest, limits.max_stream_bytes, limits.max_page_pixels)
        with self._lock:
            if key in self._passed:
                self._passed.move_to_end(key)
                return
        check()
        with self._lock:
            self._passed[key] = None
            while len(self._passed) > self.size:
                self._passed.popitem(last=False)


streams_checked = CheckedDigests()
