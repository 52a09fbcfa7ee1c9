"""Synthetic page results: lines placed by hand, words boxed by character count."""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb

CHAR_W = 0.008
LINE_H = 0.012


def line(text: str, x: float, y: float, conf: float = 1.0) -> pb.TextLine:
    """One line starting at (x, y), each word boxed, one space width between words."""
    words, pos = [], x
    for w in text.split():
        words.append(pb.Word(text=w, box=pb.BoundingBox(x0=pos, y0=y, x1=pos + len(w) * CHAR_W, y1=y + LINE_H),
                             confidence=conf))  # fmt: skip
        pos += (len(w) + 1) * CHAR_W
    return pb.TextLine(
        text=text, box=pb.BoundingBox(x0=x, y0=y, x1=pos - CHAR_W, y1=y + LINE_H), confidence=conf, words=words
    )


def page(*lines: pb.TextLine, number: int = 1, count: int = 1) -> pb.PageResult:
    result = pb.PageResult(page_number=number, page_count=count, lines=lines)
    result.text = "\n".join(ln.text for ln in lines)
    return result


def values(fields: pb.InvoiceFields) -> dict[str, str]:
    return {f.name: f.value for f in fields.fields}


def field(fields: pb.InvoiceFields, name: str) -> pb.Field:
    return next(f for f in fields.fields if f.name == name)
