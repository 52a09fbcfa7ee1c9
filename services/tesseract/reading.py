"""A Tesseract result as a PageResult: words grouped into lines and blocks, boxes relative to the image.

Shared by the first reading of a page (engine.py) and the readings of its crops (reread.py).
"""

from __future__ import annotations

from typing import Any

import tesserocr

from ocrmesh.v1 import ocr_pb2 as pb
from services.tesseract.glyphs import PixelBox
from services.tesseract.round_glyphs import shows_typeface
from services.tesseract.word_checks import checked_words, may_need_checking

# The resolution Tesseract is told, for pages and crops alike. tesserocr hands a PIL image over as
# a BMP, which PIL stamps with 96 dpi; that is what Tesseract always saw. Telling it the real
# resolution (300 dpi after preprocessing) changes its layout analysis and measured worse on the
# dataset's degraded scans (word recall 96.66 -> 96.35 %), so 96 is stated explicitly instead of
# depending on how tesserocr converts images.
TESSERACT_DPI = 96


def _box(bbox: tuple[int, int, int, int], width: int, height: int) -> pb.BoundingBox:
    x0, y0, x1, y1 = bbox
    return pb.BoundingBox(x0=x0 / width, y0=y0 / height, x1=x1 / width, y1=y1 / height)


def collect(api: tesserocr.PyTessBaseAPI, width: int, height: int) -> pb.PageResult:
    """Walk Tesseract's result word by word, grouping words into lines and blocks; the words that may hold
    a glyph read twice or a zero read as O (or the other way round) are checked against the ink
    (word_checks.py)."""
    RIL = tesserocr.RIL
    page = pb.PageResult()
    iterator = api.GetIterator()
    block = -1
    line: pb.TextLine | None = None
    suspects: list[tuple[pb.Word, PixelBox, int]] = []  # words to check (word_checks.py), with their line
    line_boxes: list[list[tuple[str, PixelBox]]] = []  # every line's words: a checked word's neighbours
    if iterator is not None:
        while True:
            if iterator.IsAtBeginningOf(RIL.BLOCK):
                block += 1
            if iterator.IsAtBeginningOf(RIL.TEXTLINE):
                line = page.lines.add(block=max(block, 0))
                line_boxes.append([])
                bbox = iterator.BoundingBox(RIL.TEXTLINE)
                if bbox:
                    line.box.CopyFrom(_box(bbox, width, height))
                line.confidence = iterator.Confidence(RIL.TEXTLINE) / 100.0
            try:
                text = iterator.GetUTF8Text(RIL.WORD)
            except RuntimeError:  # "No text returned": an empty word (seen on small crops)
                text = None
            if text and text.strip() and line is not None:
                conf = iterator.Confidence(RIL.WORD) / 100.0
                word = line.words.add(text=text.strip(), confidence=conf)
                bbox = iterator.BoundingBox(RIL.WORD)
                if bbox:
                    word.box.CopyFrom(_box(bbox, width, height))
                    line_boxes[-1].append((word.text, tuple(bbox)))  # type: ignore[arg-type]
                    if may_need_checking(word.text):
                        suspects.append((word, tuple(bbox), len(line_boxes) - 1))  # type: ignore[arg-type]
            if not iterator.Next(RIL.WORD):
                break
    if suspects:
        # Each suspect with the words of its line that may show the typeface (round_glyphs.py).
        neighbours = {
            bbox: [b for t, b in line_boxes[n] if b != bbox and shows_typeface(t)] for _, bbox, n in suspects
        }
        fixed = checked_words(api, width, height, neighbours)
        for word, bbox, _ in suspects:
            read, text = fixed.get(bbox, ("", ""))
            if read.strip() == word.text and text.strip():
                word.original_text, word.text = word.text, text.strip()  # what the decoder read is kept
    kept = [ln for ln in page.lines if ln.words]
    del page.lines[:]
    for ln in kept:
        ln.text = " ".join(w.text for w in ln.words)
        page.lines.append(ln)
    page.text = text_with_blocks(page.lines)
    page.confidence = char_weighted_confidence(page.lines)
    return page


def char_weighted_confidence(lines: Any) -> float:
    weights = [(w.confidence, len(w.text)) for ln in lines for w in ln.words]
    total = sum(n for _, n in weights)
    return sum(c * n for c, n in weights) / total if total else 0.0


def text_with_blocks(lines: Any) -> str:
    parts: list[str] = []
    previous_block = None
    for ln in lines:
        if previous_block is not None and ln.block != previous_block:
            parts.append("")
        parts.append(ln.text)
        previous_block = ln.block
    return "\n".join(parts)
