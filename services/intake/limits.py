"""Limits that protect a server from hostile or broken input.

Every limit is checked when a document is opened (`open_document`), before
any page is rendered or read: a page's pixels from its page box, the page or
frame count, the pixels of every image frame and of every image a PDF
embeds, and the bytes every compressed PDF stream inflates to.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
# Room for the protobuf / multipart framing around a document of `max_bytes`.
MESSAGE_FRAMING_BYTES = 1 * MB


@dataclass(frozen=True)
class IntakeLimits:
    max_bytes: int = 50 * MB
    # Pages of a PDF, frames of an image.
    max_pages: int = 500
    # Pixels of one decoded page image (a 20000x20000 PNG is 400 MP). A PDF page that would exceed it
    # even at `min_dpi` (its page box is absurd) is refused; otherwise rendering is clamped to it.
    max_page_pixels: int = 100_000_000
    default_dpi: int = 300
    min_dpi: int = 50
    max_dpi: int = 600
    # Bytes one compressed PDF stream that is not an image (page content, font, embedded file such as
    # the e-invoice XML) may inflate to; images are bounded by their declared size instead.
    max_stream_bytes: int = 64 * MB

    @property
    def max_message_bytes(self) -> int:
        """The largest gRPC message a server accepts: one document of `max_bytes` and its framing."""
        return self.max_bytes + MESSAGE_FRAMING_BYTES
