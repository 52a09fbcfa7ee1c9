"""Reading a page's hard parts again, on crops (after the first reading with layout analysis).

- `recover_unread_ink`: print that layout analysis lost, or merged across a
  two-column head, is found as unread ink on Tesseract's binarised page
  (services/tesseract/ink.py) and read region by region.
- `reread_low_confidence`: the remaining low-confidence words are read on
  their own crops.

Both read crops with one reader (`_read_crop`, single-block segmentation) and
put what they accept into the page with one splice (`_apply`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import tesserocr
from PIL import Image

from ocrmesh.v1 import ocr_pb2 as pb
from services.tesseract.ink import (
    JOIN_X,
    Region,
    cover_mask,
    covered_share,
    rule_mask,
    share_under,
    unread_regions,
)
from services.tesseract.reading import TESSERACT_DPI, char_weighted_confidence, collect, text_with_blocks

PixelBox = tuple[int, int, int, int]


# Words below this confidence are read again on their own crop (see reread_low_confidence).
REREAD_BELOW = 0.6
# A word of digits (an invoice number, an IBAN, a VAT id, an amount) is read again below this higher
# confidence: no dictionary repairs a digit afterwards, and one misread digit is a wrong field.
REREAD_DIGITS_BELOW = 0.8
DIGITS_MIN = 4
# ... with a budget of their own beside the other words' (REREAD_MAX_WORDS): a degraded page has more
# weak words than that, and an IBAN's groups would wait behind them.
REREAD_MAX_DIGIT_WORDS = 16
REREAD_MAX_WORDS = 12
# A crop's reading replaces the word only with at least this mean confidence.
REREAD_ACCEPT = 0.75
# On a line of merged rows, only words read with at least this confidence are trusted (_page_words).
COVERED_FROM = 0.6
# Signs of a line made of two columns' rows (see _page_words), in text heights: a word this far
# off the line's row (with weak words on the line), a line this tall.
OFF_ROW = 0.5
TALL_LINE = 2.0
# An untrusted word with this share of its ink under trusted words is an echo of them.
ECHO_SHARE = 0.8
# A region's reading must lie over at least this share of the region's ink.
REGION_READ_SHARE = 0.6
# Margins (text heights) of the crops a region is read on: the second only when the first is doubtful.
CROP_PADS = (0.3, 0.8)
RECOVER_MAX_REGIONS = 12
# The crops read again cover at most this share of the page (bounds the extra time).
RECOVER_MAX_SHARE = 0.3
# A recovered word needs this confidence, a region's words this mean confidence.
RECOVER_WORD_MIN = 0.5
RECOVER_ACCEPT = 0.75


@dataclass
class _Splice:
    """Lines read again on a crop, where they go, and the first-pass words they replace."""

    after: int  # index in page.lines of the line they follow; -1: before the first line
    lines: list[pb.TextLine]
    replaced: set[tuple[int, int]] = field(default_factory=set)  # (line, word) indices in page.lines


@contextmanager
def _single_block(api: tesserocr.PyTessBaseAPI, psm: int) -> Iterator[None]:
    """Crops are read as one uniform block of text (psm 6); the page mode is restored afterwards."""
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    try:
        yield
    finally:
        api.SetPageSegMode(psm)


def _read_crop(
    api: tesserocr.PyTessBaseAPI,
    image: Image.Image,
    box: PixelBox,
    blank: np.ndarray | None = None,
) -> list[pb.TextLine]:
    """Recognise `box` of `image` on its own, pixels of `blank` (the crop's shape) painted white; page coordinates."""
    x0, y0, x1, y1 = box
    crop = image.crop(box)
    if blank is not None and blank.any():
        pixels = np.array(crop)
        pixels[blank] = 255
        crop = Image.fromarray(pixels)
    api.SetImage(crop)
    api.SetSourceResolution(TESSERACT_DPI)
    api.Recognize()
    lines = list(collect(api, x1 - x0, y1 - y0).lines)
    width, height = image.width, image.height
    for ln in lines:
        for w in ln.words:
            b = w.box
            w.box.CopyFrom(pb.BoundingBox(
                x0=(x0 + b.x0 * (x1 - x0)) / width, y0=(y0 + b.y0 * (y1 - y0)) / height,
                x1=(x0 + b.x1 * (x1 - x0)) / width, y1=(y0 + b.y1 * (y1 - y0)) / height))
        _fit_box(ln)
    return lines


def _apply(page: pb.PageResult, splices: Sequence[_Splice]) -> None:
    """Drop the replaced words, put the new lines in, recompute text and confidence."""
    if not splices:
        return
    replaced = {key for s in splices for key in s.replaced}
    for li, ln in enumerate(page.lines):
        if any(key[0] == li for key in replaced):
            _set_words(ln, [w for wi, w in enumerate(ln.words) if (li, wi) not in replaced])
    inserts: dict[int, list[pb.TextLine]] = {}
    for s in splices:
        for new in s.lines:
            # A new line on the row of a line that lost words here joins it, in place of those words.
            target = _same_row(page, new, {li for li, _ in s.replaced})
            if target is None:
                inserts.setdefault(s.after, []).append(new)
            else:
                _join(target, new)
    lines = list(inserts.get(-1, []))
    for li, ln in enumerate(page.lines):
        if ln.words:
            lines.append(ln)
        lines.extend(inserts.get(li, []))
    del page.lines[:]
    page.lines.extend(lines)
    page.text = text_with_blocks(page.lines)
    page.confidence = char_weighted_confidence(page.lines)


def _same_row(page: pb.PageResult, new: pb.TextLine, candidates: set[int]) -> pb.TextLine | None:
    """The line among `candidates` whose remaining words (their middle row) share a row with `new`, if any."""
    best, best_overlap = None, 0.0
    for li in sorted(candidates):
        ln = page.lines[li]
        if not ln.words:
            continue
        y0, y1 = _median([w.box.y0 for w in ln.words]), _median([w.box.y1 for w in ln.words])
        overlap = (min(y1, new.box.y1) - max(y0, new.box.y0)) / max(1e-9, min(y1 - y0, new.box.y1 - new.box.y0))
        if overlap >= 0.5 and overlap > best_overlap:
            best, best_overlap = ln, overlap
    return best


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _join(line: pb.TextLine, new: pb.TextLine) -> None:
    """`new`'s words into `line`, left to right."""
    words = sorted([*line.words, *new.words], key=lambda w: w.box.x0)
    _set_words(line, words)
    line.confidence = sum(w.confidence for w in words) / len(words)
    _fit_box(line)


def _set_words(line: pb.TextLine, words: Sequence[pb.Word]) -> None:
    """`line` holding `words` (in this order), its text their join."""
    words = list(words)  # `words` may be drawn from line.words itself
    del line.words[:]
    line.words.extend(words)
    line.text = " ".join(w.text for w in words)


def _fit_box(line: pb.TextLine) -> None:
    """`line`'s box: the union of its words' boxes."""
    ws = line.words
    line.box.CopyFrom(pb.BoundingBox(
        x0=min(w.box.x0 for w in ws), y0=min(w.box.y0 for w in ws),
        x1=max(w.box.x1 for w in ws), y1=max(w.box.y1 for w in ws)))  # fmt: skip


def _pixels(box: pb.BoundingBox, image: Image.Image, pad: int = 0) -> PixelBox:
    return (
        max(0, int(box.x0 * image.width) - pad), max(0, int(box.y0 * image.height) - pad),
        min(image.width, int(box.x1 * image.width) + pad), min(image.height, int(box.y1 * image.height) + pad),
    )  # fmt: skip


def reread_low_confidence(
    api: tesserocr.PyTessBaseAPI, image: Image.Image, page: pb.PageResult, psm: int
) -> None:
    """Second pass over low-confidence words: each one's box read again as a block (psm 6).

    Page layout analysis sometimes merges two stacked short lines of a side
    column ("Rechnungsnr.: B-56686" over "Datum: 05.08.2023") with the lines of
    the next column into one text line; the LSTM then reads one tall garbage
    word. Read on its own, the crop gives its real lines. A word of digits read
    unsurely (an IBAN group, a VAT id) is often read right on its own crop. A
    crop's words replace the word only when their mean confidence is higher.
    """
    numbers: list[tuple[float, int, int]] = []  # (confidence, line, word): words of digits
    others: list[tuple[float, int, int]] = []
    for li, ln in enumerate(page.lines):
        for wi, w in enumerate(ln.words):
            conf, text = w.confidence, w.text
            if conf < REREAD_DIGITS_BELOW and _digits(text) >= DIGITS_MIN:
                numbers.append((conf, li, wi))
            elif (conf < REREAD_BELOW and len(text) > 1) or (conf < 0.35 and text.isalnum()):
                others.append((conf, li, wi))
    suspects = sorted(numbers)[:REREAD_MAX_DIGIT_WORDS] + sorted(others)[:REREAD_MAX_WORDS]
    splices: list[_Splice] = []
    with _single_block(api, psm):
        for conf, li, wi in suspects:
            box = _pixels(page.lines[li].words[wi].box, image, pad=6)
            if box[2] - box[0] < 8 or box[3] - box[1] < 8:
                continue
            lines = _read_crop(api, image, box)
            words = [w for ln in lines for w in ln.words]
            if not words or sum(w.confidence for w in words) / len(words) <= max(conf, REREAD_ACCEPT):
                continue
            if _guesses_round_glyphs_again(page.lines[li].words[wi], words):
                continue
            for ln in lines:
                ln.block = page.lines[li].block
            splices.append(_Splice(li, lines, {(li, wi)}))
    _apply(page, splices)


def _guesses_round_glyphs_again(word: pb.Word, crop_words: Sequence[pb.Word]) -> bool:
    """Whether the crop's reading only undoes the zeros and Os the ink check read on the page: the word's
    `original_text` (what the decoder read, `reading.collect`) differs from its text in zeros and Os
    alone, and the crop differs from its text only there (round_glyphs.py read those with the word's line
    in sight; on its crop alone the decoder only guesses them again)."""
    read, checked = word.original_text, word.text
    if not read or len(read) != len(checked) or len(crop_words) != 1:
        return False
    decided = {k for k, (a, b) in enumerate(zip(read, checked, strict=True)) if a != b}
    if not decided or any({read[k], checked[k]} != {"0", "O"} for k in decided):
        return False  # not (only) the round-glyph check's change: a ghost dropped, or another check
    again = crop_words[0].text
    if len(again) != len(checked) or again == checked:
        return False
    return all(
        a == b or (k in decided and a == read[k]) for k, (a, b) in enumerate(zip(again, checked, strict=True))
    )


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def recover_unread_ink(
    api: tesserocr.PyTessBaseAPI, image: Image.Image, binary: np.ndarray, page: pb.PageResult, psm: int
) -> None:
    """Read again, region by region, the print that the first pass lost or garbled.

    Layout analysis can drop a small text block (typically the "Rechnungsnr. /
    Datum" box beside the address) or merge its lines with the neighbouring
    column's into one text line read as garbage (services/tesseract/ink.py).
    Ink outside the trusted words (_page_words) is grouped into regions, at
    most RECOVER_MAX_REGIONS covering RECOVER_MAX_SHARE of the page; each is
    read on its own crop (psm 6; _read_region), and its reading replaces the
    words it covers when it is confident, and more confident than the weak
    ones among them. Untrusted words left on ink that trusted or new words
    have read are echoes of a merged line and go.
    """
    h = _text_height(page, image)
    if not h:  # nothing read with confidence: no measure of the print, and likely no print
        return
    words = _page_words(page, image, h)
    rules = rule_mask(binary, h)
    text = binary & ~rules
    mask = cover_mask(binary.shape, [w.box for w in words if w.trusted], h)
    regions = _within_budget(unread_regions(binary, mask, rules, h), image)
    next_block = max((ln.block for ln in page.lines), default=-1) + 1
    splices: list[_Splice] = []
    with _single_block(api, psm):
        for region in sorted(regions, key=lambda r: (r.box[1], r.box[0])):
            found = _read_region(api, image, text, rules, region.box, words, h)
            if found is None:
                continue
            lines, under = found
            for ln in lines:
                ln.block = next_block
            next_block += 1
            after = max(w.line for w in under) if under else _line_above(page, region.box, image)
            splices.append(_Splice(after, lines, {(w.line, w.index) for w in under}))
            # What this region's reading replaced is gone; its new words cover their ink from now on.
            words = [w for w in words if w not in under] + [
                _Word(-1, -1, nw.confidence, _pixels(nw.box, image), True) for ln in lines for nw in ln.words
            ]
    splices.append(_Splice(-1, [], _echoes(text, words, h)))
    _apply(page, splices)


def _echoes(text: np.ndarray, words: list[_Word], h: float) -> set[tuple[int, int]]:
    """The untrusted first-pass words whose ink (`text`: ink less rules) trusted words have read."""
    mask = cover_mask(text.shape, [w.box for w in words if w.trusted], h)
    return {(w.line, w.index) for w in words
            if not w.trusted and w.line >= 0 and covered_share(text, mask, w.box) >= ECHO_SHARE}  # fmt: skip


def _read_region(
    api: tesserocr.PyTessBaseAPI,
    image: Image.Image,
    text: np.ndarray,
    rules: np.ndarray,
    region: PixelBox,
    words: list[_Word],
    h: float,
) -> tuple[list[pb.TextLine], list[_Word]] | None:
    """Read `region` with the trusted words right beside it on its rows; None unless the reading is better.

    The neighbours are read again with it because first-pass word boxes are
    approximate: a glyph left over between two words belongs to one of them.
    The reading must account for most of the region's ink (`text`: ink less
    rules); it replaces the old words most of whose ink it covers. Returns the
    new lines and the words they replace.
    """
    beside = [w for w in words if w.trusted and w.line >= 0 and _beside(w.box, region, h)]
    core = _union([region, *(w.box for w in beside)])
    lines = _keep_confident(_look_twice(api, image, rules, core, [w for w in words if w.trusted and w not in beside], h))
    lines, kept = _settle_neighbours(lines, beside, region, image)
    new_boxes = [_pixels(w.box, image) for ln in lines for w in ln.words]
    if not new_boxes or share_under(text, region, new_boxes, h) < REGION_READ_SHARE:
        return None
    candidates = [w for w in beside if w not in kept]
    candidates += [w for w in words if not w.trusted and w.line >= 0 and _overlap(w.box, core)]
    replaced = [w for w in candidates if share_under(text, w.box, new_boxes, h) >= 0.5]
    if not _better(lines, [w.confidence for w in replaced if w.confidence < COVERED_FROM]):
        return None
    return lines, replaced


def _settle_neighbours(
    lines: list[pb.TextLine], beside: list[_Word], region: PixelBox, image: Image.Image
) -> tuple[list[pb.TextLine], list[_Word]]:
    """Which trusted neighbours the crop's reading replaces; the others stay, their new readings go.

    A new word reaching into the region shows its neighbour was a fragment
    ("164." of "164.760,72"): replaced. A neighbour read again on its own is
    replaced only when the new reading is more confident than it was.
    """
    kept: list[_Word] = []
    dropped: set[tuple[int, int]] = set()
    new_words = [((li, wi), nw.confidence, _pixels(nw.box, image))
                 for li, ln in enumerate(lines) for wi, nw in enumerate(ln.words)]  # fmt: skip
    for old in beside:
        over = [(key, conf, b) for key, conf, b in new_words if _overlap(b, old.box)]
        if any(_overlap(b, region) for _, _, b in over):
            continue
        if not over or sum(conf for _, conf, _ in over) / len(over) <= old.confidence:
            kept.append(old)
            dropped.update(key for key, _, _ in over)
    return (_without(lines, dropped) if dropped else lines), kept


def _without(lines: list[pb.TextLine], dropped: set[tuple[int, int]]) -> list[pb.TextLine]:
    """`lines` less the (line, word) positions in `dropped`; lines left empty go."""
    out = []
    for li, ln in enumerate(lines):
        words = [w for wi, w in enumerate(ln.words) if (li, wi) not in dropped]
        if words:
            _set_words(ln, words)
            out.append(ln)
    return out


def _look_twice(
    api: tesserocr.PyTessBaseAPI, image: Image.Image, rules: np.ndarray, core: PixelBox, others: list[_Word], h: float
) -> list[pb.TextLine]:
    """The crop around `core` read, with `others` and the ruling lines painted out.

    A reading with a doubtful word is taken a second time on a wider crop
    (the LSTM's reading of degraded print varies with the framing); the more
    confident of the two is kept.
    """
    best: list[pb.TextLine] = []
    best_mean = -1.0
    for pad in CROP_PADS:
        box = _grow(core, round(pad * h), image)
        blank = cover_mask((box[3] - box[1], box[2] - box[0]), [_shift(w.box, box) for w in others
                           if _overlap(w.box, box)], h) | rules[box[1] : box[3], box[0] : box[2]]  # fmt: skip
        lines = _read_crop(api, image, box, blank)
        confidences = [w.confidence for ln in lines for w in ln.words]
        mean = sum(confidences) / len(confidences) if confidences else 0.0
        if mean > best_mean:
            best, best_mean = lines, mean
        if confidences and min(confidences) >= RECOVER_ACCEPT:
            break
    return best


def _beside(box: PixelBox, region: PixelBox, h: float) -> bool:
    """`box` is on one of `region`'s rows and at most JOIN_X text heights away from it."""
    rows = min(box[3], region[3]) - max(box[1], region[1])
    gap = max(box[0] - region[2], region[0] - box[2])
    return rows >= 0.5 * (box[3] - box[1]) and gap <= JOIN_X * h


def _union(boxes: Sequence[PixelBox]) -> PixelBox:
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _shift(box: PixelBox, origin: PixelBox) -> PixelBox:
    return box[0] - origin[0], box[1] - origin[1], box[2] - origin[0], box[3] - origin[1]


@dataclass(frozen=True)
class _Word:
    line: int
    index: int
    confidence: float
    box: PixelBox
    # Read with confidence on its line's row; ink under untrusted words counts as unread.
    trusted: bool


def _page_words(page: pb.PageResult, image: Image.Image, h: float) -> list[_Word]:
    """Every word of the page, trusted unless its line shows rows of two columns merged.

    Signs of a merged line: it is more than two text heights tall, or some of
    its words sit half a text height or more off its row (the middle of its
    confident words) and some are read with low confidence (an offset line
    read well is left alone). On such a line only the confident words on the
    row are trusted; the rest is unreliable however confident Tesseract is.
    Weak words on an ordinary line are left to reread_low_confidence.
    """
    out = []
    for li, ln in enumerate(page.lines):
        middles = [(w.box.y0 + w.box.y1) / 2 * image.height for w in ln.words]
        sure = sorted(m for m, w in zip(middles, ln.words, strict=True) if w.confidence >= COVERED_FROM)
        row = sure[len(sure) // 2] if sure else sorted(middles)[len(middles) // 2]
        on_row = [abs(m - row) < OFF_ROW * h for m in middles]
        tall = (max(w.box.y1 for w in ln.words) - min(w.box.y0 for w in ln.words)) * image.height > TALL_LINE * h
        merged = tall or (not all(on_row) and any(w.confidence < COVERED_FROM for w in ln.words))
        for wi, w in enumerate(ln.words):
            trusted = not merged or (w.confidence >= COVERED_FROM and on_row[wi])
            out.append(_Word(li, wi, w.confidence, _pixels(w.box, image), trusted))
    return out


def _text_height(page: pb.PageResult, image: Image.Image) -> float:
    """Median height in pixels of the words read with confidence (0 without any)."""
    heights = sorted(
        (w.box.y1 - w.box.y0) * image.height
        for ln in page.lines for w in ln.words
        if w.confidence >= COVERED_FROM and len(w.text) > 1 and any(c.isalnum() for c in w.text)
    )  # fmt: skip
    return heights[len(heights) // 2] if heights else 0.0


def _within_budget(regions: list[Region], image: Image.Image) -> list[Region]:
    """The largest regions first, at most RECOVER_MAX_REGIONS and RECOVER_MAX_SHARE of the page."""
    budget = RECOVER_MAX_SHARE * image.width * image.height
    chosen: list[Region] = []
    for region in regions[:RECOVER_MAX_REGIONS]:
        x0, y0, x1, y1 = region.box
        budget -= (x1 - x0) * (y1 - y0)
        if budget < 0:
            break
        chosen.append(region)
    return chosen


def _grow(box: PixelBox, pad: int, image: Image.Image) -> PixelBox:
    x0, y0, x1, y1 = box
    return max(0, x0 - pad), max(0, y0 - pad), min(image.width, x1 + pad), min(image.height, y1 + pad)


def _overlap(a: PixelBox, b: PixelBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside_share(a: PixelBox, b: PixelBox) -> float:
    """Share of box `a`'s area that lies inside box `b`."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return max(0, w) * max(0, h) / area


def _keep_confident(lines: list[pb.TextLine]) -> list[pb.TextLine]:
    """The crop's lines with only words of at least RECOVER_WORD_MIN that hold a letter or digit."""
    kept = []
    for ln in lines:
        words = [w for w in ln.words if w.confidence >= RECOVER_WORD_MIN and any(c.isalnum() for c in w.text)]
        if words:
            _set_words(ln, words)
            ln.confidence = sum(w.confidence for w in words) / len(words)
            kept.append(ln)
    return kept


def _better(lines: list[pb.TextLine], weak: Sequence[float]) -> bool:
    """A recovered reading: confident, with some substance, and more confident than the weak words it replaces."""
    words = [w for ln in lines for w in ln.words]
    if sum(c.isalnum() for w in words for c in w.text) < 2:
        return False
    mean = sum(w.confidence for w in words) / len(words)
    return mean >= RECOVER_ACCEPT and (not weak or mean > sum(weak) / len(weak))


def _line_above(page: pb.PageResult, box: PixelBox, image: Image.Image) -> int:
    """Index of the line after which a region read anew goes: the nearest line above it in its column."""
    top, left, right = box[1] / image.height, box[0] / image.width, box[2] / image.width
    above = [(ln.box.y0, li, ln.box.x0 < right and left < ln.box.x1) for li, ln in enumerate(page.lines)
             if ln.box.y0 <= top]  # fmt: skip
    in_column = [(y, li) for y, li, overlaps in above if overlaps]
    candidates = in_column or [(y, li) for y, li, _ in above]
    return max(candidates)[1] if candidates else -1
