"""Detect a document's type from its first bytes, never from its name."""

from __future__ import annotations

from enum import StrEnum

from services.intake.errors import IntakeError, UnsupportedTypeError


class DocumentType(StrEnum):
    PDF = "application/pdf"
    PNG = "image/png"
    JPEG = "image/jpeg"
    TIFF = "image/tiff"
    WEBP = "image/webp"
    XML = "application/xml"

    @property
    def is_image(self) -> bool:
        return self in (DocumentType.PNG, DocumentType.JPEG, DocumentType.TIFF, DocumentType.WEBP)


SUPPORTED = "PDF, PNG, JPEG, TIFF, WebP or e-invoice XML"
_XML_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _looks_like_xml(head: bytes) -> bool:
    for bom in _XML_BOMS:
        if head.startswith(bom):
            if bom != b"\xef\xbb\xbf":  # UTF-16: looked at as the text it encodes
                head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
            else:
                head = head[len(bom) :]
            break
    stripped = head.lstrip()
    return stripped.startswith(b"<?xml") or (stripped.startswith(b"<") and b":" in stripped[:200])


def _describe_unknown(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP archive (or an Office document)"
    if head.startswith(b"GIF8"):
        return "a GIF image"
    if head.startswith(b"BM"):
        return "a BMP image"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "unrecognised binary data"
    return "plain text"


def sniff(content: bytes) -> DocumentType:
    """Return the document type of `content` or raise IntakeError saying what it is."""
    if not content:
        raise IntakeError("the document is empty (0 bytes)")
    head = content[:1024]
    # PDF: the header may be preceded by junk within the first 1024 bytes.
    if b"%PDF-" in head:
        return DocumentType.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return DocumentType.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return DocumentType.JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return DocumentType.TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return DocumentType.WEBP
    if _looks_like_xml(head):
        return DocumentType.XML
    raise UnsupportedTypeError(f"unsupported document type: the content is {_describe_unknown(head)}; send {SUPPORTED}")
