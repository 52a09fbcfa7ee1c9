"""Supplier templates: where a known supplier prints each field, learned from one confirmed document.

`learn_layout(pages, values)` finds each confirmed value on the pages (in any
printed form: "1.234,56" for 1234.56, "05.03.2024" for 2024-03-05, an IBAN in
groups) and records its box (page-normalised) and the words printed before it
on its row, or above it, as its label. On the supplier's next documents the
extraction gives a bonus to candidates found at the learned place and, where it
found none there, reads the value standing at that place (`region`).
Positions are compared loosely: header fields stand where they stood, totals
move down with the number of line items, so the column counts and the row may drift.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice import dates, numbers
from services.invoice.layout import DocumentLayout, Row, Span

# Fields whose place is learned (the party's name and address are found by the party blocks).
LEARNABLE = (
    "rechnungsnummer", "datum", "leistungsdatum", "faelligkeit", "betrag_netto", "mwst", "betrag_brutto",
    "kundennummer", "bestellnummer", "ust_id", "steuernummer", "iban", "bic",
)  # fmt: skip
AMOUNTS = ("betrag_netto", "mwst", "betrag_brutto")
DATES = ("datum", "leistungsdatum", "faelligkeit")
# Fields that stand at the same height on every document of a layout (the header);
# the others may move down with the line items.
FIXED_ROW = ("rechnungsnummer", "datum", "leistungsdatum", "kundennummer", "bestellnummer")
# How far a value may stand from its learned box, page-normalised.
X_SLACK = 0.03
Y_SLACK_FIXED = 0.015
# A label above its value stands within this many line heights.
LABEL_ABOVE_LINES = 2.5
MAX_LABEL_WORDS = 4
# Words further left than this many line heights (in points: `PageLayout.across`) belong to another column.
LABEL_GAP_LINES = 1.05


class FieldTemplate(BaseModel):
    """Where one field stood on the learned document."""

    page: int = 1
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of the value, page-normalised
    label: str = ""  # the words before or above the value ("" when it stands alone)


@dataclass(frozen=True)
class Located:
    """A confirmed value found on the page, with its label."""

    span: Span
    label: str


def learn_layout(pages: Sequence[pb.PageResult], values: Mapping[str, str]) -> dict[str, FieldTemplate]:
    """Each learnable field's place on the pages where its confirmed value is printed."""
    layout = DocumentLayout.build(pages)
    learned: dict[str, FieldTemplate] = {}
    for name, value in values.items():
        if name not in LEARNABLE or not value:
            continue
        found = locate(layout, name, value)
        if found is not None:
            box = tuple(round(v, 4) for v in found.span.box)
            learned[name] = FieldTemplate(page=found.span.page, box=box, label=found.label)  # type: ignore[arg-type]
    return learned


def locate(layout: DocumentLayout, name: str, value: str) -> Located | None:
    """Where ``value`` of field ``name`` is printed: a labelled occurrence before an unlabelled one."""
    best: Located | None = None
    for row, start, end in _occurrences(layout, name, value):
        span = Span(row.text[start:end], tuple(row.tokens_in(start, end)))
        if not span.tokens:
            continue
        label = _label_before(layout, row, span) or _label_above(layout, row, span)
        if label:
            return Located(span, label)
        best = best or Located(span, "")
    return best


def _occurrences(layout: DocumentLayout, name: str, value: str) -> Iterator[tuple[Row, int, int]]:
    for row in layout.rows:
        if name in AMOUNTS:
            for a in numbers.find_amounts(row.text):
                if a.decimals == 2 and numbers.format_amount(abs(a.value)) == value.lstrip("-"):
                    yield row, a.start, a.end
        elif name in DATES:
            for f in dates.find_dates(row.text):
                if f.value.isoformat() == value:
                    yield row, f.start, f.end
        else:
            yield from ((row, s, e) for s, e in _compact_matches(row, value))


def _compact_matches(row: Row, value: str) -> Iterator[tuple[int, int]]:
    """Runs of whole words whose characters, separators left out, are ``value``'s."""
    want = _compact(value)
    if not want:
        return
    tokens = row.tokens
    for i in range(len(tokens)):
        got = ""
        for j in range(i, len(tokens)):
            got += _compact(tokens[j].text)
            if got == want:
                yield row.starts[i], row.starts[j] + len(tokens[j].text)
                break
            if not want.startswith(got):
                break


def _compact(text: str) -> str:
    return re.sub(r"[\s.:,;/\-#]", "", text).upper()


def _label_before(layout: DocumentLayout, row: Row, span: Span) -> str:
    """The words just left of the value on its row, up to a column gap."""
    gap = layout.page(row.page).across(LABEL_GAP_LINES)
    words: list[str] = []
    right = span.tokens[0].x0
    for t in reversed([t for t in row.tokens if t.x1 <= span.tokens[0].x0 + 1e-9]):
        if right - t.x1 > gap or len(words) == MAX_LABEL_WORDS:
            break
        words.insert(0, t.text)
        right = t.x0
    return " ".join(words).strip(" :#")


def _label_above(layout: DocumentLayout, row: Row, span: Span) -> str:
    page = layout.page(row.page)
    x0, y0, x1, _ = span.box
    above = [r for r in page.rows if r.y1 <= y0 and y0 - r.y1 <= LABEL_ABOVE_LINES * page.line_height]
    for r in sorted(above, key=lambda r: -r.y1):
        words = [t.text for t in r.tokens if t.x0 < x1 + X_SLACK and t.x1 > x0 - X_SLACK]
        if words:
            return " ".join(words[-MAX_LABEL_WORDS:]).strip(" :#")
    return ""


# ---------------------------------------------------------------- use on the next documents


def near(span: Span, name: str, template: FieldTemplate) -> bool:
    """Whether ``span`` stands where the template learned the field (its column; for header fields its row)."""
    if not span.tokens or span.page != template.page:
        return False
    x0, y0, x1, y1 = span.box
    t0, u0, t1, u1 = template.box
    in_column = x0 < t1 + X_SLACK and x1 > t0 - X_SLACK
    if name not in FIXED_ROW:
        return in_column and y0 >= u0 - Y_SLACK_FIXED  # totals move down, never up, with more line items
    return in_column and abs((y0 + y1) / 2 - (u0 + u1) / 2) <= Y_SLACK_FIXED


def region(layout: DocumentLayout, name: str, template: FieldTemplate) -> Span | None:
    """The words standing at the learned place of a header field (None for fields that move, or none there)."""
    if name not in FIXED_ROW:
        return None
    for row in layout.rows:
        if row.page != template.page:
            continue
        tokens = tuple(t for t in row.tokens if near(Span(t.text, (t,)), name, template))
        if tokens:
            return Span(" ".join(t.text for t in tokens), tokens)
    return None
