"""Apply the spelling correction to a recognised page: words, their lines, and the page text."""

from __future__ import annotations

from functools import cache

from ocrmesh.v1 import ocr_pb2 as pb
from services.textfix.dictionary import lexicon
from services.textfix.spelling import SpellingCorrector, is_name_line

GERMAN = frozenset({"de", "deu", "de+en", "deu+eng"})


@cache
def german_corrector() -> SpellingCorrector | None:
    """The corrector over the installed German dictionary, built once per process; None when there is none."""
    german = lexicon("de_DE")
    return None if german is None else SpellingCorrector(german, lexicon("en_US"))


def correct_page_spelling(page: pb.PageResult, language: str) -> int:
    """Correct the words of a recognised German page in place; returns how many words changed.

    Born-digital pages are left alone (their text is what the document says),
    as are pages in other languages and pages without word-level results.
    A line's text is rebuilt from its words when it was their plain join;
    the page text gets each changed line in its place.
    """
    if page.kind != pb.PAGE_KIND_SCANNED or language.lower() not in GERMAN:
        return 0
    corrector = german_corrector()
    if corrector is None:
        return 0
    changed = 0
    originals = [(line.text, " ".join(w.text for w in line.words)) for line in page.lines]
    previous = ""
    hyphenated: list[pb.BoundingBox] = []  # boxes of the words so far that end in a hyphen
    for line in page.lines:
        before = line.text
        names_possible = is_name_line(before)
        for k, word in enumerate(line.words):
            continues_word = (k == 0 and previous.endswith("-")) or any(
                _below(word.box, b) for b in hyphenated
            )
            fixed = corrector.correct(
                word.text, word.confidence, names_possible=names_possible, continues_word=continues_word
            )
            if fixed is not None:
                word.original_text, word.text = word.original_text or word.text, fixed  # the first reading
                changed += 1
        previous = before or previous
        hyphenated += [w.box for w in line.words if w.text.endswith("-") and w.text[:-1].isalpha()]
    if changed:
        update_line_texts(page, originals)
    return changed


def update_line_texts(page: pb.PageResult, originals: list[tuple[str, str]]) -> None:
    """After words of `page` changed: a line whose text was its words' plain join gets the new join,
    and the page text gets each changed line in its place.

    `originals` holds, per line, its text and its words' join before the change.
    """
    cursor = 0
    text = page.text
    for line, (before, joined) in zip(page.lines, originals, strict=True):
        if not before:
            continue
        at = text.find(before, cursor)
        now = " ".join(w.text for w in line.words)
        if now != joined and before == joined:
            line.text = now
            if at >= 0:
                text = text[:at] + line.text + text[at + len(before) :]
        if at >= 0:
            cursor = at + len(line.text)
    page.text = text


def _below(box: pb.BoundingBox, above: pb.BoundingBox) -> bool:
    """``box`` stands just under ``above``, overlapping it across: the two halves of a hyphenated
    word in one table column ("Positions-" / "betrag"), whatever line order the engine chose."""
    height = above.y1 - above.y0
    if box.x1 <= box.x0 or height <= 0:
        return False
    return above.y0 < box.y0 <= above.y1 + 2 * height and box.x0 < above.x1 and above.x0 < box.x1
