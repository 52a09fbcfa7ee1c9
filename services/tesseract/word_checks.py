"""The checks of single characters against the page's ink, for the words that may need them.

`reading.collect` hands over the words a cheap look at their text flagged (`may_need_checking`),
each with the words of its line that may show the typeface (`round_glyphs.shows_typeface`); their
symbols are walked once and each word goes through the checks in turn: a glyph read twice is one
character again (`ghosts.py`), then a round glyph is a zero or an O by its width (`round_glyphs.py`).
"""

from __future__ import annotations

import structlog
import tesserocr

from services.tesseract.ghosts import has_suspect_pair, without_ghosts
from services.tesseract.glyphs import PixelBox, page_ink, word_symbols
from services.tesseract.round_glyphs import may_hold_round_glyph, read_round_glyphs

log = structlog.get_logger(__name__)


def may_need_checking(text: str) -> bool:
    return has_suspect_pair(text) or may_hold_round_glyph(text)


def checked_words(
    api: tesserocr.PyTessBaseAPI, width: int, height: int, suspects: dict[PixelBox, list[PixelBox]]
) -> dict[PixelBox, tuple[str, str]]:
    """Of the words of `api`'s current result (`width` x `height` pixels) whose pixel boxes are the keys of
    `suspects` (each with the boxes of its line's words that show the typeface), the ones a check changed,
    by box: (the word as its symbols read, the word as checked). The caller changes a word only where its
    text is the first (a word the walk saw otherwise, or two words of one box, are left alone)."""
    words = word_symbols(api, set(suspects).union(*suspects.values()))
    if not any(box in words for box in suspects):
        return {}
    ink = page_ink(api, width, height)
    if ink is None:
        return {}
    changed: dict[PixelBox, tuple[str, str]] = {}
    for box, neighbours in suspects.items():
        symbols = words.get(box)
        if not symbols:
            continue
        line = [(words[b], b) for b in neighbours if words.get(b)]
        checked = read_round_glyphs(without_ghosts(symbols, box, ink), box, ink, line)
        if checked != symbols:
            read, now = "".join(s.text for s in symbols), "".join(s.text for s in checked)
            changed[box] = (read, now)
            log.info("word_checked_against_ink", dropped=len(symbols) - len(checked), changed=read != now)
    return changed
