"""Invoice fields from page results: find labels, read values, validate, choose.

Every candidate value keeps its words (page, box, OCR confidence). Checksummed
identifiers are validated and, when OCR confused characters, repaired only to a
variant that validates; amounts are chosen so that netto + mwst = brutto where
the page allows it. Failed checks stay visible in ``issues``, ``valid`` and
``checks``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice import (
    dates,
    identifiers,
    lexicon,
    lineitems,
    numbers,
    positions,
    templates,
    totals,
    validate,
)
from services.invoice.labels import BUYER_PREFIX, LABEL_AND_VALUE
from services.invoice.layout import (
    A4_TALL,
    DocumentLayout,
    LabelHit,
    PageLayout,
    Row,
    Span,
    Token,
    above,
    below,
    column_total,
    find_labels,
    left_of,
    next_row_start,
    right_of,
)
from services.invoice.ocr_digits import confusion
from services.invoice.parties import OTHER, PAYEE, SELLER, column_groups, party_blocks, party_of, seller_info
from services.invoice.repair import TO_DIGIT
from services.invoice.review import COMPUTED_TOTAL, DIGIT_REPAIR, NO_LABEL, NO_VAT_REPLACED, review
from services.invoice.terms import due_days

if TYPE_CHECKING:
    from services.invoice.suppliers import SupplierProfile

ID_FIELDS = ("rechnungsnummer", "kundennummer", "bestellnummer")
DATE_FIELDS = ("datum", "leistungsdatum", "faelligkeit")
AMOUNT_FIELDS = ("betrag_netto", "mwst", "betrag_brutto")
CHECKED_IDS = ("iban", "bic", "ust_id", "steuernummer")
FIELD_ORDER = (
    "rechnungsnummer", "datum", "leistungsdatum", "faelligkeit", "zahlungsbedingungen", "betrag_netto", "mwst",
    "betrag_brutto", "waehrung", "ust_id", "steuernummer", "iban", "bic", "lieferant", "lieferant_adresse",
    "kundennummer", "bestellnummer",
)  # fmt: skip
# No VAT exceeds this share of netto (percent): the highest VAT rate.
MAX_VAT_RATE = max(totals.VAT_RATES)
# VAT readings looked at as the amounts per rate of a total VAT (the best of them, by score).
MAX_RATE_PARTS = 12
# Bonus for the amount triple that adds up, and for a VAT that is a VAT rate of netto.
SUM_BONUS = 2.0
RATE_BONUS = 0.3
# Netto and mwst both the sums of a mixed-rate VAT table's bases and taxes: two confirmations.
MIXED_RATES_BONUS = 2 * RATE_BONUS
# Position scores of a value relative to its label (right of it: 0.2, below: 0.0, next row: -0.1);
# a column head's value in the table's total row beats the first row under the head.
ABOVE_SCORE = -0.15
LEFT_SCORE = -0.3
COLUMN_SCORE = 0.1
# Scores of amounts found by arithmetic alone: completing a labelled pair, or a triple of the page.
COMPLETION_SCORE = 0.3
TRIPLE_SCORE = 0.2
RATE_LINES_SCORE = 0.5
# Cost of a total read below a deduction (prepayment, payment) when another total is above it.
AFTER_DEDUCTION_PENALTY = 1.0
# Cost of reading an amount with the opposite sign (less than SUM_BONUS).
SIGN_PENALTY = 1.2
# Cost of an amount repaired from an OCR digit confusion (less than SUM_BONUS: only a sum that holds takes it).
MISREAD_PENALTY = 0.8
# Score of mwst computed as brutto − netto (_vat_from_sum): only the sum and its evidence carry it.
VAT_FROM_SUM_SCORE = 0.0
# Bonus for a netto that the line items add up to (with the invoice's allowances and charges), and the
# score of a printed amount found as that sum alone (no label read for it).
LINE_ITEMS_BONUS = 1.0
LINE_ITEMS_SCORE = 0.3
# Score of netto computed as the items' sum when no amount printed is that sum (a misread total): only a
# triple that adds up with it can take it.
LINE_ITEMS_COMPUTED_SCORE = 0.0
# A word of punctuation or OCR specks only (":", "©", "=", "|", "»").
_NOISE_TOKEN = re.compile(r"^[^\w€$£¥₣]+$")
# Letters of any alphabet count ("Ü-2025-0835", "AÜ532062"); "[^\W_]" is a letter or digit.
_ID_TOKEN = re.compile(r"^[#:]?([^\W_][\w./\-]*[^\W_]|\d)[.,;:]?$")
_ALNUM = re.compile(r"^[A-Za-z0-9]+$")
CURRENCY_CODE_RE = re.compile(rf"\b({'|'.join(numbers.CURRENCY_CODES)})\b")
BIC_SHAPE = re.compile(r"^[A-Za-z]{4}[A-Za-z0-9]{2}[A-Za-z0-9]{2}(?:[A-Za-z0-9]{3})?$")
# Bonus for a checksummed value that passes its check (smaller than the party bonuses).
VALID_BONUS = 0.5
TERMS_RE = re.compile(
    r"\b(?:zahlbar|zahlungsziel|skonto|tage[n]?|sofort|ohne\s+abzug|netto\s+kasse|lastschrift|days|payable|due)\b",
    re.IGNORECASE,
)
TERMS_START = re.compile(
    r"^(?:zahlbar|zahlungsziel|zahlung\s+innerhalb|payable|payment\s+due|bitte\s+zahlen)\b", re.IGNORECASE
)


@dataclass
class Candidate:
    """One possible value of a field."""

    name: str
    value: str
    raw: str
    span: Span
    score: float
    source: int = pb.FIELD_SOURCE_TEXT
    valid: bool | None = None
    issues: list[str] = field(default_factory=list)
    amount: Decimal | None = None

    @property
    def confidence(self) -> float:
        factor = {True: 1.0, None: 0.9, False: 0.5}[self.valid]
        return round(
            max(0.0, min(1.0, self.span.confidence * factor * (0.6 + 0.4 * min(1.0, self.score)))), 3
        )

    def to_pb(self) -> pb.Field:
        f = pb.Field(
            name=self.name,
            value=self.value,
            raw=self.raw,
            confidence=self.confidence,
            page=self.span.page,
            box=self.span.to_pb_box(),
            source=self.source,
            issues=self.issues,
        )
        if self.valid is not None:
            f.valid = self.valid
        return f


# ---------------------------------------------------------------- value readers


def _sub_span(span: Span, start: int, end: int) -> Span:
    """The part of ``span`` covering characters [start, end) of its text."""
    tokens, pos = [], 0
    for t in span.tokens:
        if pos < end and pos + len(t.text) > start:
            tokens.append(t)
        pos += len(t.text) + 1
    return Span(span.text[start:end], tuple(tokens) or span.tokens[:1])


# An identifier's letter prefix that OCR split off after its hyphen ("RE- 2023-61164").
_SPLIT_PREFIX = re.compile(r"^[#:]?([^\W\d_]{1,5}-)$")
# The widest word space between a prefix and its number, in the words' heights: a space is 0.3-0.5 heights in
# proportional print, a monospaced font's full character cell (0.85) and on a scan, whose word boxes shrink to
# the ink, 1.0 ("RG 18-871662"); a column gap is at least two character cells.
PREFIX_GAP = 1.2
# The widest gap between an identifier's groups, in the words' heights: an IBAN's groups may stand apart wide, 1.3
# on a scan ("DE12  1234  4321"); a footer's next column starts many heights further.
ID_GROUP_GAP = 2.5
# A prefix printed apart from its number, at word spacing ("R 26315", "INV 72809195"): part of the number.
_SPACED_PREFIX = re.compile(r"^[A-Z]{1,5}$")


def read_id(span: Span) -> tuple[str, Span] | None:
    found = dates.find_dates(span.text)
    if found and found[0].start == 0 and span.tokens and found[0].end > len(span.tokens[0].text):
        return None  # "Ihre Bestellung vom 20. Juni 2025": a date's day is no number ("15.03.2024-7" may be one)
    for i, t in enumerate(span.tokens[:3]):
        if t.text.lower().rstrip(".:") in {"nr", "no", "nummer", "number"}:
            continue
        pre = _SPLIT_PREFIX.match(t.text)
        if pre and i + 1 < len(span.tokens):
            nxt = span.tokens[i + 1]
            m = _ID_TOKEN.match(nxt.text)
            # Only at word spacing: a column gap means the next word is something else.
            if m and m.group(1)[0].isdigit() and _word_spaced(t, nxt):
                return pre.group(1) + m.group(1), Span(f"{t.text} {nxt.text}", (t, nxt))
        m = _ID_TOKEN.match(t.text)
        if m and re.search(r"\d", m.group(1)) and not dates.parse_date(m.group(1)):
            return m.group(1), Span(t.text, (t,))
        if _SPACED_PREFIX.match(t.text) and t.text not in numbers.CURRENCY_CODES and i + 1 < len(span.tokens):
            nxt = span.tokens[i + 1]
            m = _ID_TOKEN.match(nxt.text)
            if m and m.group(1)[0].isdigit() and not dates.parse_date(m.group(1)) and _word_spaced(t, nxt):
                return f"{t.text} {m.group(1)}", Span(f"{t.text} {nxt.text}", (t, nxt))
        if i == 0 and t.text not in {"#"}:
            break
    return None


def _word_spaced(left: Token, right: Token) -> bool:
    """Two words at word spacing, not a column gap apart: the gap under `PREFIX_GAP` of their height (boxes are
    page-normalised: the width's unit is taken as an A4 page's, 1/1.41 of the height's)."""
    return right.x0 - left.x1 < PREFIX_GAP * max(left.height, right.height) * A4_TALL


def read_date(span: Span, month_first: bool = False) -> tuple[date, Span] | None:
    found = dates.find_dates(span.text, month_first)
    if not found:
        return None
    f = found[0]
    return f.value, _sub_span(span, f.start, f.end)


# "19 % auf 3.492,72": the amount after "auf" (a ``rate_base`` word of the lexicon) is the base the rate
# applies to, not the tax. What may stand between the word and the amount: a currency.
_CURRENCY_TAIL = re.compile(r"\s*(?:€|EUR)?\s*$", re.IGNORECASE)


def _after_base_word(text: str, base_word: re.Pattern[str]) -> bool:
    """Whether ``text`` ends with a word that names a VAT base ("auf", "sur"), a currency allowed after it."""
    words = _CURRENCY_TAIL.sub("", text).rsplit(None, 1)
    return bool(words) and base_word.fullmatch(words[-1]) is not None


# A currency code glued to the number ("EUR1.234,56", "12,00EUR"): blanked, so that offsets stay.
_GLUED_CODE = re.compile(
    rf"\b(?:{'|'.join(numbers.CURRENCY_CODES)})(?=[-\d])|(?<=\d)(?:{'|'.join(numbers.CURRENCY_CODES)})\b"
)


def read_amount(span: Span, base_word: re.Pattern[str] | None = None) -> tuple[Decimal, Span] | None:
    """The span's last two-decimal amount; with ``base_word`` (a VAT amount is read), not one after it."""
    text = _GLUED_CODE.sub(lambda m: " " * len(m.group(0)), span.text)
    amounts = [a for a in numbers.find_amounts(text) if a.decimals == 2]
    if base_word is not None:
        amounts = [a for a in amounts if not _after_base_word(text[: a.start], base_word)]
    if not amounts:
        return None
    a = amounts[-1]
    return a.value, _sub_span(span, a.start, a.end)


# OCR forms of amounts: a currency sign glued on and misread ("12,50C"), a thousands group split
# off by a space ("1 234,56"), the thousands mark repeated as decimal mark ("1.234.56"), a space after
# the decimal comma ("34850, 24").
_GLUED_SIGN = re.compile(r"(?<=\d[.,]\d\d)[€CE](?=\s|$)")
_SPLIT_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}) (\d{3}[.,]\d{2})(?![\d.,])")
_SAME_MARKS = re.compile(r"(?<![\d.,])(\d{1,3}(?:([.,])\d{3})+)\2(\d{2})(?![\d.,])")
# A space after the decimal mark ("34850, 24", "1.234, 56"): OCR put a gap between the mark and the cents.
_SPACED_CENTS = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(,) (\d{2})(?![\d.,])")
# Score given up by an amount read from an OCR form (the sum check must confirm it).
OCR_FORM_PENALTY = 0.6
# "1 234,56" at word spacing is the French and Swiss thousands separator: read as one amount first (a bonus).
SPACE_GROUP_PENALTY = -0.1
# The widest space inside a number's thousands groups, in heights of its digits (in points).
GROUP_GAP = 0.7


def read_amount_variants(span: Span, tall: float = 1.0) -> list[tuple[Decimal, Span, str, float]]:
    """Amounts that OCR and national forms of the span's last amount can mean, each with the reason and penalty.

    ``tall``: the page's height over its width (`PageLayout.tall`), to compare a gap across with a height.
    """
    text = _GLUED_SIGN.sub(" ", span.text)
    out: list[tuple[Decimal, Span, str, float]] = []
    for m in _SPLIT_THOUSANDS.finditer(text):
        got = numbers.parse_number(m.group(1) + m.group(2))
        if got:
            sub = _sub_span(span, m.start(), m.end())
            toks = sub.tokens
            tight = len(toks) == 2 and toks[1].x0 - toks[0].x1 < GROUP_GAP * tall * max(
                toks[0].height, toks[1].height
            )
            out.append((got[0], sub, f"read {m.group(0)!r} as one amount (space inside the number)",
                        SPACE_GROUP_PENALTY if tight else OCR_FORM_PENALTY))  # fmt: skip
    for m in _SAME_MARKS.finditer(text):
        digits = m.group(1).replace(m.group(2), "") + "." + m.group(3)
        out.append((Decimal(digits), _sub_span(span, m.start(), m.end()),
                    f"read {m.group(0)!r} with its last mark as the decimal mark", OCR_FORM_PENALTY))  # fmt: skip
    for m in _SPACED_CENTS.finditer(text):
        got = numbers.parse_number(f"{m.group(1)},{m.group(3)}")
        if got:
            out.append((got[0], _sub_span(span, m.start(), m.end()),
                        f"read {m.group(0)!r} as one amount (space after the decimal mark)", OCR_FORM_PENALTY))  # fmt: skip
    if text != span.text:
        amounts = [a for a in numbers.find_amounts(text) if a.decimals == 2]
        if amounts:
            a = amounts[-1]
            out.append(
                (
                    a.value,
                    _sub_span(span, a.start, a.end),
                    "currency sign glued to the amount",
                    OCR_FORM_PENALTY,
                )
            )
    if out:
        # Only the right-most form counts, as for plain amounts.
        last = max(o[1].tokens[-1].x0 if o[1].tokens else 0.0 for o in out)
        out = [o for o in out if (o[1].tokens[-1].x0 if o[1].tokens else 0.0) >= last]
    return out


# What OCR makes of a label's colon standing apart ("USt-IdNr. 2 DE...", "Rechnungswährung 2 GBP").
_COLON_GHOSTS = frozenset("2iIl1|!=:;.,")


def _misread_currency(word: str) -> str | None:
    """A currency code with one character misread behind a currency label ("BUR" for "EUR"): the one known
    code a substitution away, None for any other word or when two codes are that close."""
    word = word.strip(":;.,()")
    if not re.fullmatch(r"[A-Z]{3}", word):
        return None
    near = [c for c in numbers.CURRENCY_CODES if sum(a != b for a, b in zip(word, c, strict=True)) == 1]
    return near[0] if len(near) == 1 else None


# The label's colon with a speck OCR read as a character before it ("USt. -Id.-Nr. 3: DE123456789").
_SPECK_COLON = re.compile(r"^[^\s:]:$")


def _colon_ghost(token: Token) -> bool:
    return len(token.text) == 1 and token.text in _COLON_GHOSTS


# A speck OCR read between two characters of an identifier ("IE1768678)J"): kept, for its check to drop it.
_INNER_SPECK = re.compile(r"(?<=[A-Za-z0-9])[()\[\]'`](?=[A-Za-z0-9])")


def read_compact(span: Span, max_len: int) -> tuple[str, Span] | None:
    """Leading alphanumeric groups ("DE12 1234 ...") joined, up to ``max_len`` characters."""
    parts: list[str] = []
    used = []
    remark = False  # inside a bracketed remark before the value ("SWIFT (international wires): PNCCUS33")
    for k, t in enumerate(span.tokens):
        if not parts and (remark or t.text.startswith("(")):
            remark = not t.text.rstrip(":").endswith(")")
            continue
        text = t.text.strip(",;.()-–·:|")
        if not parts and (
            text.lower() in {"no", "nr", "id", "nummer", "number"} or _NOISE_TOKEN.match(t.text)
        ):
            continue  # the rest of a label ("VAT Reg. No.:"), or a speck or colon OCR read apart (". DE...")
        nxt = span.tokens[k + 1].text if k + 1 < len(span.tokens) else ""
        if not parts and (_colon_ghost(t) or _SPECK_COLON.match(t.text)) and re.match(r"[A-Z]{2}\d", nxt):
            continue  # a colon OCR read as a character, or a speck before it ("USt-IdNr. 2 DE..", ".. 3: DE..")
        if not _ALNUM.match(_INNER_SPECK.sub("", text)) or len("".join(parts) + text) > max_len:
            break
        if parts and len(text) > 4 and len(parts[0]) <= 4:
            break
        if used and t.x0 - used[-1].x1 > ID_GROUP_GAP * max(t.height, used[-1].height) * A4_TALL:
            break  # a column gap: the next column's words ("USt-IdNr. DE 408 758 897    GLS Gemeinschaftsbank")
        parts.append(text)
        used.append(t)
        if len(parts[0]) > 4:
            break
    if not parts:
        return None
    return "".join(parts), Span(" ".join(t.text for t in used), tuple(used))


def read_stnr(span: Span) -> tuple[str, Span] | None:
    found = identifiers.leading_stnr(span.text)
    if found is None:
        return None
    return span.text[found[0] : found[1]], _sub_span(span, *found)


# ---------------------------------------------------------------- candidates


@dataclass
class _Context:
    layout: DocumentLayout
    hits: list[LabelHit]
    blocks: list
    lex: lexicon.Lexicon
    cands: dict[str, list[Candidate]] = field(default_factory=dict)

    @cached_property
    def excluded(self) -> dict[str, set[int]]:
        """Tokens (ids) that are values of negative labels: "amounts" (Skonto, bereits bezahlt...)
        and "dates" (Bestelldatum...), never taken for the totals or the invoice date."""
        out: dict[str, set[int]] = {"amounts": set(), "dates": set(), "references": set()}
        for hit in self.hits:
            kind = {
                lexicon.NEG_AMOUNT: "amounts", lexicon.NEG_DATE: "dates", lexicon.NEG_REFERENCE: "references"
            }.get(hit.field)  # fmt: skip
            if kind:
                span = right_of(self.layout, hit, self.near(hit))
                out[kind].update(id(t) for t in span.tokens) if span else None
        return out

    @cached_property
    def _by_row(self) -> dict[tuple[int, int], list[LabelHit]]:
        out: dict[tuple[int, int], list[LabelHit]] = {}
        for h in self.hits:
            out.setdefault((h.row.page, h.row.index), []).append(h)
        return out

    def hits_of(self, row: Row) -> list[LabelHit]:
        """The label hits of the row."""
        return self._by_row.get((row.page, row.index), [])

    def near(self, hit: LabelHit) -> list[LabelHit]:
        """The label hits of the hit's row and the rows next to it: the stops of a value search in its row."""
        page, i = hit.row.page, hit.row.index
        return [h for j in (i - 1, i, i + 1) for h in self._by_row.get((page, j), ())]

    @cached_property
    def _row_by_token(self) -> dict[int, Row]:
        return {id(t): row for row in self.layout.rows for t in row.tokens}

    def row_of(self, span: Span) -> Row | None:
        """The layout row of the span's first word that stands in one."""
        return next((self._row_by_token[id(t)] for t in span.tokens if id(t) in self._row_by_token), None)

    def is_excluded(self, kind: str, span: Span) -> bool:
        return any(id(t) in self.excluded[kind] for t in span.tokens)

    @cached_property
    def corrects_another(self) -> bool:
        """The document is a credit note or correction naming the invoice it corrects: a credit note's number
        label ("Gutschriftsnummer", "Korrektur-Nr.") or title row ("Rechnungskorrektur") beside a label naming
        the invoice ("Ursprungsrechnung", "zu Rechnung") or an invoice's number label. A "Bezug" line or an
        "Original invoice" stamp on an ordinary invoice is none."""
        numbers = [h.row.text[h.start :] for h in self.hits if h.field == "rechnungsnummer"]
        titles = [r.text for r in self.layout.rows if len(r.tokens) <= TITLE_WORDS]
        credit = any(_CREDIT_LABEL.match(t) for t in numbers) or any(_CREDIT_TITLE.match(t) for t in titles)
        names_invoice = any(h.field == lexicon.NEG_REFERENCE for h in self.hits) or any(
            _INVOICE_LABEL.match(t) for t in numbers
        )
        return credit and names_invoice

    def refers_elsewhere(self, span: Span) -> bool:
        """The span is that of another document: the value of a label naming it, or after such a label in the
        same clause of its row ("Bezug: Rechnung Nr. 4711 vom 14.08.2023", "Storno zu Rechnung R19087467"): no
        column gap and no full label of the document's own ("Rechnungsnummer:", "Datum:") between them."""
        if self.is_excluded("references", span):
            return True
        row = self.row_of(span)
        if row is None or not span.tokens:
            return False
        start = span.tokens[0].x0
        hits = self.hits_of(row)
        gap = self.layout.page(row.page).across(REFERENCE_GAP)
        for ref in (h for h in hits if h.field == lexicon.NEG_REFERENCE and h.tokens[-1].x1 <= start):
            between = [t for t in row.tokens if ref.tokens[-1].x1 <= t.x0 and t.x1 <= start]
            edges = [ref.tokens[-1], *between, span.tokens[0]]
            if any(b.x0 - a.x1 > gap for a, b in zip(edges, edges[1:], strict=False)):
                continue  # another column of the row
            if any(h.strength >= OWN_LABEL_STRENGTH and h.field in ("rechnungsnummer", "datum")
                   and h.tokens[-1].x1 <= start
                   and any(ref.tokens[-1].x1 <= t.x0 and t.x1 <= h.tokens[0].x0 for t in between)
                   for h in hits):  # fmt: skip
                continue  # "Bezug: Auftrag 5566 Rechnungsnummer: R-2026-0815" (not "Bezug: Rechnung Nr. 4711")
            return True
        return False

    def in_deduction(self, span: Span) -> bool:
        """The span stands in a deduction's clause on a row that holds the deducted amount after it: the
        number or date of a deposit invoice or payment ("abzgl. 1. Abschlagsrechnung Nr. AR-2024-0117 vom
        20.11.2023  -2.618,00 €"), not the invoice's. A title row ("3. Abschlagsrechnung Nr. 12 vom
        05.03.2024") holds no amount; a column gap ends the clause."""
        row = self.row_of(span)
        first = next((i for i, t in enumerate(row.tokens) if t is span.tokens[0]), None) if row else None
        if row is None or first is None:
            return False
        if not any(a.decimals == 2 for t in row.tokens[first + 1 :] for a in numbers.find_amounts(t.text)):
            return False
        gap = self.layout.page(row.page).across(REFERENCE_GAP)
        clause = first
        while clause > 0 and row.tokens[clause].x0 - row.tokens[clause - 1].x1 <= gap:
            clause -= 1
        return bool(self.lex.marker("deduction").search(row.text[row.starts[clause] : row.starts[first]]))

    @cached_property
    def printed_rates(self) -> frozenset[Decimal]:
        """Every percentage the pages print (VAT rates among them)."""
        return frozenset(rate for r in self.layout.rows for rate in totals.rates_in(r.text))

    @cached_property
    def month_first(self) -> bool:
        """Whether slash dates of this document are month first (see dates.slash_order_month_first)."""
        return dates.slash_order_month_first(self.layout.full_text())

    def add(self, c: Candidate) -> None:
        self.cands.setdefault(c.name, []).append(c)

    @cached_property
    def label_starts(self) -> Counter[int]:
        """How many label hits start at each token (by id)."""
        return Counter(id(h.tokens[0]) for h in self.hits if h.tokens)

    def starts_other_label(self, span: Span, hit: LabelHit) -> bool:
        """Whether `span` starts with a label other than `hit`'s."""
        key = id(span.tokens[0])
        own = bool(hit.tokens) and id(hit.tokens[0]) == key
        return self.label_starts[key] - own > 0


# A definite article before a label: the label's word in a sentence ("Das Leistungsdatum entspricht dem
# Rechnungsdatum.", "Bitte geben Sie die Rechnungsnummer an"), whose value, if any, follows it.
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:der|die|das|dem|den|des|the|le|la|les|du|de\s+la|het)\s+$", re.IGNORECASE)


def _value_spans(ctx: _Context, hit: LabelHit) -> list[tuple[Span, float]]:
    spans = []
    right = right_of(ctx.layout, hit, ctx.near(hit))
    if right:
        spans.append((right, 0.2))
    if _ARTICLE_BEFORE.search(hit.row.text[: hit.start]):
        return spans  # in running text: no value above, below or left of the word
    # A row below that starts with another label holds that label's value ("Summe MwSt." / "Gesamtbetrag 6.533,32").
    down = below(ctx.layout, hit)
    if down and not ctx.starts_other_label(down, hit):
        spans.append((down, 0.0))
    cont = next_row_start(ctx.layout, hit)
    if cont and not ctx.starts_other_label(cont, hit):
        spans.append((cont, -0.1))
    up = above(ctx.layout, hit)
    if up and not ctx.starts_other_label(up, hit):
        spans.append((up, ABOVE_SCORE))
    if hit.field in AMOUNT_FIELDS:
        left = left_of(ctx.layout, hit, ctx.near(hit))
        if left:
            spans.append((left, LEFT_SCORE))
        if not (right and read_amount(right)):
            column = column_total(ctx.layout, hit, ctx.lex.marker("total_row"))
            if column:
                spans.append((column, COLUMN_SCORE))
    return spans


def _party_bonus(
    ctx: _Context, hit_row, name: str, hit: LabelHit | None = None, tokens: Sequence[Token] = ()
) -> float:
    """What the block holding the label (`hit`) or the value (`tokens`) says of whose the identifier is."""
    party = party_of(ctx.blocks, hit_row, hit.tokens if hit is not None else tokens)
    bonus = {SELLER: 1.0, OTHER: -2.0, PAYEE: 0.5 if name in ("iban", "bic") else -1.0, None: 0.0}[party]
    if hit is not None and BUYER_PREFIX.search(hit.row.text[: hit.start]):
        bonus -= 2.0
    if party is None and hit_row.y0 > 0.8:
        bonus += 0.3  # footers carry the seller's identifiers
    return bonus


def _the_buyers(ctx: _Context, row: Row, hit: LabelHit | None = None, tokens: Sequence[Token] = ()) -> bool:
    """Whether an identifier is the buyer's: in a block headed as the customer's ("Rechnungsadresse", "Bill to")
    or labelled as theirs ("Ihre USt-IdNr.", "Your VAT No."). Never the seller's, whatever else is found."""
    if hit is not None and BUYER_PREFIX.search(hit.row.text[: hit.start]):
        return True
    return party_of(ctx.blocks, row, hit.tokens if hit is not None else tokens) == OTHER


def _checked(name: str, raw: str, span: Span, score: float, source: int) -> Candidate:
    got = identifiers.check_identifier(name, raw)
    score += VALID_BONUS if got.valid else 0.0
    return Candidate(name, got.value, span.text or raw, span, score, source, got.valid, list(got.issues))


# On a document naming another it corrects (`_Context.corrects_another`), labels of an invoice's number and date
# ("Rechnungsdatum", "Invoice No.") may be the corrected invoice's: below the document's own generic ones
# ("Datum", "Belegnummer") and its credit note labels ("Gutschriftsdatum", "Korrektur-Nr.").
_INVOICE_LABEL = re.compile(r"(?:rechnung(?!skorrektur)|invoice|facture|factuur)", re.IGNORECASE)
CORRECTED_INVOICE_PENALTY = 0.5
# A reference to another document ends at a gap this many line heights wide (the next column of the row), or at
# a label of the document's own number or date at least this strong ("Rechnungsnummer:", "Datum:"; not the
# "Rechnung Nr." or "vom" of the reference itself).
REFERENCE_GAP = 1.4
OWN_LABEL_STRENGTH = 0.7
# A row of at most this many words may be a title ("Rechnungskorrektur", "Gutschrift Nr. 4711").
TITLE_WORDS = 4
_CREDIT_TITLE = re.compile(
    r"^\s*(?:gutschrift|rechnungskorrektur|korrekturrechnung|stornorechnung|storno|credit\s*note|avoir|creditnota)\b",
    re.IGNORECASE,
)
_CREDIT_LABEL = re.compile(
    r"(?:gutschrift|rechnungskorrektur|korrektur|storno|credit\s*note|avoir|n°\s*d'avoir|creditnota)", re.IGNORECASE
)

# "vom" / "dated" after another document's name: the date of a contract, an offer, an order ("Mietvertrag: vom
# 04.06.2016", "Ihre Bestellung vom 03.05.2024"), not the invoice's.
_OF_WORDS = frozenset({"vom", "dated"})
OTHER_DOCUMENT_PENALTY = 0.3
_OTHER_DOCUMENT = re.compile(
    r"vertrag|angebot|auftrag|bestellung|lieferschein|lieferung|schreiben|anfrage|nachricht|urkund|beglaubigung"
    r"|order|offer|quot"
    r"|contract|agreement|inquiry|enquiry|commande|devis|contrat|demande|bestelling|offerte|overeenkomst|aanvraag"
    # The customer's own: whatever "Ihre ... vom" names ("Ihre Anfrage vom", "Ihr Zeichen vom") is not this invoice.
    r"|(?<!\w)(?:ihr|ihre|ihrem|ihren|ihrer|your|votre|vos|uw)(?!\w)",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r"\s[·|•;]\s|\s{3,}")


def _of_another_document(hit: LabelHit) -> bool:
    """The hit is "vom" / "dated" after a document other than the invoice, the nearest one named before it in its
    row: "Mietvertrag: vom", "Rechnung gemäß Bestellung vom" (not "Gutschrift Nr. 471102 vom")."""
    if hit.row.text[hit.start : hit.end].strip(" :").lower() not in _OF_WORDS:
        return False
    before = _CLAUSE_BREAK.split(hit.row.text[: hit.start])[-1]  # its clause ("Ihr Ansprechpartner: Meier · Rg.-Nr. 4711 vom")
    last_other = max((m.end() for m in _OTHER_DOCUMENT.finditer(before)), default=-1)
    last_invoice = max((m.end() for r in (_INVOICE_LABEL, _CREDIT_LABEL) for m in r.finditer(before)), default=-1)
    return last_other > last_invoice


# A label the seller marks as its own ("Unser Auftrag", "Our order ref.", "Notre commande", "Onze referentie").
_OURS = re.compile(r"(?<!\w)(?:unser|unsere|unserer|our|notre|nos|onze|ons)\s*$", re.IGNORECASE)


def _label_words(ctx: _Context, row: Row) -> int:
    """How many words of the row are words of a label found in it."""
    return len({id(t) for h in ctx.hits_of(row) for t in h.tokens})


def _after_card_payment(ctx: _Context, hit: LabelHit) -> bool:
    """A card payment's word stands before the label in its cell ("Terminal-ID 65923036 · Beleg-Nr. 1982"); one
    after it or in another column ("Rechnung Nr. 2024-117 · bezahlt per EC-Karte") says nothing of the label."""
    page = ctx.layout.page(hit.row.page)
    cell = next((g for g in column_groups(hit.row, page) if any(t in g for t in hit.tokens)), [])
    before = [t.text for t in cell if t.x1 <= hit.tokens[0].x0] if hit.tokens else []
    return bool(before) and ctx.lex.marker("card_payment").search(" ".join(before)) is not None


def _from_hit(ctx: _Context, hit: LabelHit) -> None:
    name = hit.field
    if name in (lexicon.NEG_AMOUNT, lexicon.NEG_DATE, lexicon.NEG_REFERENCE):
        return
    if name in AMOUNT_FIELDS and _inside_no_vat_statement(ctx, hit):
        return  # "Die Umsatzsteuer wird nicht gesondert ausgewiesen": no label of an amount
    if name == "bestellnummer" and _OURS.search(hit.row.text[: hit.start]):
        return  # "Unser Auftrag AB-19-723": the seller's own order confirmation, not the customer's order
    if name == "rechnungsnummer" and _after_card_payment(ctx, hit):
        return  # "Terminal-ID 65923036 · Beleg-Nr. 1982 · Visa": the card slip's number
    source = pb.FIELD_SOURCE_TEMPLATE if hit.strength > 1.0 else pb.FIELD_SOURCE_TEXT
    row_has_number = any(h.row is hit.row and h.field == "rechnungsnummer" for h in ctx.near(hit))
    page = ctx.layout.page(hit.row.page)
    # Titles are printed large; labels inside running sentences are weaker. A label is large when its row is: on
    # a scan one word's box can be taller than its letters ("Date:" in bold beside a date of normal size). A long
    # row that is mostly labels is a table's or an info strip's head, no sentence.
    large = 1.3 * page.line_height
    heights = sorted(t.height for t in hit.row.tokens)
    emphasis = 0.2 if min(t.height for t in hit.tokens) > large and heights[len(heights) // 2] > large else 0.0
    if len(hit.row.tokens) > 8 and 2 * _label_words(ctx, hit.row) < len(hit.row.tokens):
        emphasis -= 0.2
    for span, where in _value_spans(ctx, hit):
        if (name in AMOUNT_FIELDS and ctx.is_excluded("amounts", span)) or (
            name == "datum" and ctx.is_excluded("dates", span)
        ):
            continue
        if name in ("rechnungsnummer", "datum") and ctx.refers_elsewhere(span):
            continue  # the number or date of the invoice a credit note corrects
        score = hit.strength + where + (emphasis if name in ID_FIELDS or name in DATE_FIELDS else 0.0)
        if name in ("rechnungsnummer", "datum") and ctx.corrects_another:
            score -= CORRECTED_INVOICE_PENALTY if _INVOICE_LABEL.match(hit.row.text[hit.start :]) else 0.0
        if name in ID_FIELDS:
            got = read_id(span)
            if got and name == "rechnungsnummer" and ctx.in_deduction(got[1]):
                continue
            if got:
                page_bonus = 0.2 if hit.row.page == 1 else 0.0
                c = Candidate(
                    name, got[0], got[1].text, got[1], score + page_bonus - hit.row.y0 * 0.1, source
                )
                if len(got[1].tokens) > 1:
                    c.issues.append(f"read {got[1].text!r} as one identifier (space after its hyphen)")
                ctx.add(c)
        elif name in DATE_FIELDS:
            got = read_date(span, ctx.month_first)
            if got and name == "datum" and ctx.in_deduction(got[1]):
                continue
            if got:
                bonus = 0.4 if name == "datum" and row_has_number else 0.0
                if name == "datum" and _of_another_document(hit):
                    bonus -= OTHER_DOCUMENT_PENALTY
                c = Candidate(
                    name, got[0].isoformat(), got[1].text, got[1], score + bonus - hit.row.page * 0.01, source
                )
                c.valid = dates.is_plausible(got[0])
                if not c.valid:
                    c.issues.append(f"implausible date {got[0].isoformat()}")
                ctx.add(c)
        elif name in AMOUNT_FIELDS:
            got = read_amount(span, ctx.lex.marker("rate_base") if name == "mwst" else None)
            later = 0.05 * hit.row.page + 0.05 * hit.row.y0
            if got:
                c = Candidate(name, numbers.format_amount(got[0]), got[1].text, got[1], score + later, source)
                c.amount = got[0]
                ctx.add(c)
            tall = ctx.layout.page(span.page).tall if span.tokens else 1.0
            for value, sub, reason, penalty in read_amount_variants(span, tall):
                if got and value == got[0]:
                    continue
                c = Candidate(name, numbers.format_amount(value), sub.text, sub,
                              score + later - penalty, source, issues=[reason])  # fmt: skip
                c.amount = value
                ctx.add(c)
        elif name == "waehrung":
            # The first word with a letter or sign: OCR turns a colon or a dot into "©", "=", "|" or "2".
            tok = next((t for t in span.tokens if not _NOISE_TOKEN.match(t.text) and not _colon_ghost(t)), None)
            code = numbers.currency_of(tok.text) if tok is not None else None
            if tok is not None and code:
                ctx.add(Candidate(name, code, tok.text, Span(tok.text, (tok,)), score, source))
            elif tok is not None and (misread := _misread_currency(tok.text)):
                issue = f"currency read {tok.text!r}: {misread}, the one currency code a character away"
                ctx.add(Candidate(name, misread, tok.text, Span(tok.text, (tok,)), score - MISREAD_PENALTY, source,
                                  issues=[issue]))  # fmt: skip
        elif name == "zahlungsbedingungen":
            if where >= 0 and TERMS_RE.search(span.text):
                ctx.add(Candidate(name, span.text, span.text, span, score, source))
        elif name in ("iban", "ust_id", "bic"):
            got = read_compact(span, {"iban": 34, "ust_id": 14, "bic": 11}[name])
            shape_ok = got is not None and (
                (name == "iban" and re.match(r"^[A-Z]{2}", got[0]) is not None)
                or (name == "bic" and BIC_SHAPE.match(got[0]) is not None and got[0].isupper())
                or (name == "ust_id" and identifiers.vat_shaped(got[0]))
            )
            if got and shape_ok and len(got[0]) >= 8 and not _the_buyers(ctx, hit.row, hit):
                bonus = _party_bonus(ctx, hit.row, name, hit)
                ctx.add(_checked(name, got[0], got[1], score + bonus, source))
        elif name == "steuernummer":
            got = read_stnr(span)
            if got and not _the_buyers(ctx, hit.row, hit):
                bonus = _party_bonus(ctx, hit.row, name, hit)
                ctx.add(_checked(name, got[0], got[1], score + bonus, source))


def _scan_patterns(ctx: _Context) -> None:
    """Identifiers printed without a label we know (footer lines, running text)."""
    for row in ctx.layout.rows:
        ibans = []
        for m in identifiers.find_ibans(row.text):
            ibans.append((m.start, m.end))
            c = _scanned(ctx, row, "iban", m.start, m.end, m.compact)
            if c is not None and (c.valid or identifiers.iban_shaped(m.compact)):  # a failing IBAN is reported
                ctx.add(c)
        for m in identifiers.find_stnrs(row.text):
            if (c := _scanned(ctx, row, "steuernummer", m.start, m.end, m.compact)) is not None:
                ctx.add(c)
        others = ibans + [(m.start(), m.end()) for m in identifiers.CREDITOR_ID_RE.finditer(row.text)]
        for m in identifiers.find_vat_ids(row.text):
            if any(m.start < end and start < m.end for start, end in others):
                continue  # an IBAN's or a SEPA creditor id's first characters, their checksum holding by chance
            if (c := _scanned(ctx, row, "ust_id", m.start, m.end, m.compact)) is not None:
                ctx.add(c)


# An IBAN wrapped in running text: its start ends a row ("... auf unser Konto bei der X Bank, IBAN DE47"), its
# groups start the next ("1203 0000 8374 1714 71, BIC ..."), at most WRAP_GAP line heights below.
_IBAN_TAIL = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4})*)\s*$")
_IBAN_HEAD = re.compile(r"^\s*([A-Z0-9]{1,4}(?: [A-Z0-9]{1,4})*)")
WRAP_GAP = 1.5


def _scan_wrapped_ibans(ctx: _Context) -> None:
    """IBANs broken over two rows of running text; taken only when their checksum holds joined."""
    for page in ctx.layout.pages:
        for row, after in zip(page.rows, page.rows[1:], strict=False):
            tail = _IBAN_TAIL.search(row.text)
            if tail is None or after.y0 - row.y1 > WRAP_GAP * page.line_height:
                continue
            head = _IBAN_HEAD.match(after.text)
            if head is None or ctx.lex.marker("buyer_account").search(f"{row.text} {after.text}"):
                continue  # no IBAN's groups, or the buyer's account a direct debit draws on
            joined = f"{tail.group(1)} {head.group(1)}"
            for m in identifiers.find_ibans(joined):
                if m.start != 0 or m.end <= len(tail.group(1)) + 1:
                    continue  # it must run from the row's end into the next row
                got = identifiers.check_identifier("iban", m.compact)
                rest = m.end - len(tail.group(1)) - 1
                tokens = (*row.tokens_in(tail.start(1), len(row.text)),
                          *after.tokens_in(head.start(1), head.start(1) + rest))  # fmt: skip
                if not got.valid or _the_buyers(ctx, row, None, tokens):
                    continue
                span = Span(joined[: m.end], tokens)
                c = _checked("iban", m.compact, span, 0.3 + _party_bonus(ctx, row, "iban", None, tokens),
                             pb.FIELD_SOURCE_TEXT)  # fmt: skip
                c.issues.append("read across a line break")
                ctx.add(c)


def _scanned(ctx: _Context, row: Row, name: str, start: int, end: int, compact: str) -> Candidate | None:
    """An identifier found in the row's text at [start, end), checked, scored by whose block holds it; None in
    the buyer's block."""
    span = Span(row.text[start:end], tuple(row.tokens_in(start, end)))
    if _the_buyers(ctx, row, None, span.tokens):
        return None
    score = 0.3 + _party_bonus(ctx, row, name, None, span.tokens)
    return _checked(name, compact, span, score, pb.FIELD_SOURCE_TEXT)


# A document title followed by its number in one row, as running headers of later pages print it
# ("Rechnung INV-24098 - 2019-08-08", "Invoice 2020-69887 · 15 January 2020").
TITLE_NUMBER_RE = re.compile(
    r"(?<![\w-])(?:rechnung|invoice|gutschrift)\s+(?!\S*\d{1,2}\.\d{1,2}\.)"
    r"([A-Za-z]{0,5}[-/]?\d[\w./-]*[A-Za-z0-9])(?=\s+(?:[-–—·|,]|vom|from|dated)(?:\s|$)|\s*$)",
    re.IGNORECASE,
)


def _drop_buyer_ibans(ctx: _Context) -> None:
    """IBANs printed with a direct debit ("wird von Ihrem Konto DE.. abgebucht", "SEPA-Lastschrift",
    "Mandatsreferenz") or labelled as the buyer's ("Käufer-IBAN") are the buyer's account: never the payee
    IBAN to pay to. Their row and the row right before it (a sentence wrapped onto the IBAN's row, at most a
    line's height above) are read for the lexicon's ``buyer_account`` marker."""
    cands = ctx.cands.get("iban")
    if not cands:
        return
    marker = ctx.lex.marker("buyer_account")
    by_index = {(row.page, row.index): row for row in ctx.layout.rows}

    def debit(c: Candidate) -> bool:
        row = ctx.row_of(c.span)
        if row is None:
            return False
        prev = by_index.get((row.page, row.index - 1))
        if prev is not None and row.y0 - prev.y1 > row.y1 - row.y0:
            prev = None  # not the line before in the same paragraph
        return any(r is not None and marker.search(r.text) for r in (row, prev))

    ctx.cands["iban"] = [c for c in cands if not debit(c)]


def _drop_truncated_ibans(ctx: _Context) -> None:
    """An IBAN read short behind its label (the number wrapped to the next row, read there only in part)
    that fails its check while a valid IBAN read elsewhere starts with it: the short read goes."""
    cands = ctx.cands.get("iban", [])
    valid = [c.value for c in cands if c.valid]
    ctx.cands["iban"] = [
        c for c in cands if c.valid or not any(v.startswith(c.value) and len(v) > len(c.value) for v in valid)
    ]


def _digit_form(value: str) -> str:
    """An identifier with the letters OCR reads for digits taken as those digits, after its country code."""
    return value[:2] + "".join(TO_DIGIT.get(c, c)[0] for c in value[2:])


def _drop_misread_copies(ctx: _Context) -> None:
    """An IBAN or VAT id read with a letter where a digit belongs ("DEI23456789") that is another reading's
    value ("DE123456789", printed again elsewhere) with that digit: a misread copy of the same identifier,
    which goes, whether or not the other passes its check (sample ids fail theirs)."""
    for name in ("iban", "ust_id"):
        cands = ctx.cands.get(name, [])
        digits = {c.value: sum(ch.isdigit() for ch in c.value[2:]) for c in cands}
        forms: dict[str, int] = {}
        for value, n in digits.items():
            forms[_digit_form(value)] = max(forms.get(_digit_form(value), 0), n)
        ctx.cands[name] = [c for c in cands if digits[c.value] >= forms[_digit_form(c.value)]]


# A number of one or two digits counts ("Abschlagsrechnung Nr. 5": the fifth progress invoice of a contract); it
# numbers the invoice only where no longer number is labelled as the invoice's.
_COUNT = re.compile(r"\d{1,2}")
COUNT_PENALTY = 0.5


def _penalise_counts(ctx: _Context) -> None:
    """Invoice number candidates that count progress invoices (one or two digits in a row naming a deduction's
    document: "Abschlagsrechnung Nr. 5", "3. Teilrechnung Nr. 3"), where a candidate of three or more characters
    is found too. A short number of any other invoice ("Invoice No. 7", "Gutschrift Nr. 15") is its number."""
    cands = ctx.cands.get("rechnungsnummer", [])
    if not any(len(c.value) >= 3 for c in cands):
        return
    progress = ctx.lex.marker("deduction")
    for c in cands:
        row = ctx.row_of(c.span)
        if _COUNT.fullmatch(c.value) and row is not None and progress.search(row.text):
            c.score -= COUNT_PENALTY
            c.issues.append("one or two digits: a count (the n-th progress invoice), not the invoice's number")


# A table of earlier invoices or payments (its heading holds a deduction's word and no amount: "Aufstellung
# bisheriger Abschlagsrechnungen"), or of payments to come (a payment schedule's word: "Monatliche Fälligkeiten");
# its rows run down to its total row within this many rows, each within PAYMENT_TABLE_GAP line heights of the one
# above.
PAYMENT_TABLE_ROWS = 16
PAYMENT_TABLE_GAP = 2.5
PAYMENT_TABLE_FIELDS = ("rechnungsnummer", "datum", *AMOUNT_FIELDS)


def _table_under(page: PageLayout, i: int, total_row: re.Pattern[str]) -> list[Row]:
    """The rows under heading row `i` down to a total row ("Summe", "Summe Jahr"), or none without one close."""
    members, prev = [], page.rows[i]
    for row in page.rows[i + 1 : i + 1 + PAYMENT_TABLE_ROWS]:
        if row.y0 - prev.y1 > PAYMENT_TABLE_GAP * page.line_height:
            return []
        members.append(row)
        prev = row
        if total_row.match(row.text):
            return members
    return []


def _payment_table_rows(ctx: _Context) -> dict[int, tuple[str, tuple[str, ...], bool]]:
    """Rows (ids) of payment tables, with their heading's text, the fields none of their values is, and whether the
    row is a payment schedule's total row: in a table
    of earlier invoices or payments, every row's number, date and amounts are the earlier documents'; in a payment
    schedule, every row's date is a payment's, and its total row sums the payments (every other row holds one
    payment, which may be what the invoice asks for: a standing invoice's monthly rent)."""
    deduction, schedule = ctx.lex.marker("deduction"), ctx.lex.marker("payment_schedule")
    total_row = ctx.lex.marker("total_row")
    found: dict[int, tuple[str, tuple[str, ...], bool]] = {}
    for page in ctx.layout.pages:
        for i, heading in enumerate(page.rows):
            earlier, coming = deduction.search(heading.text), schedule.search(heading.text)
            if not (earlier or coming) or numbers.find_amounts(heading.text) or LABEL_AND_VALUE.search(heading.text):
                continue  # not a heading: no such word, an amount, or a label and its value ("Zahlungsart: Vorauszahlung")
            members = _table_under(page, i, total_row)
            for row in members:
                fields = PAYMENT_TABLE_FIELDS if earlier or row is members[-1] else ("datum",)
                found[id(row)] = (heading.text, fields, not earlier and row is members[-1])
    return found


def _penalise_payment_tables(ctx: _Context, lines: _LineItems) -> None:
    """Numbers, dates and totals read in a table of payments (`_payment_table_rows`): the earlier documents', the
    payments' and their sums, never this invoice's own; except a payment schedule's total row whose net the line
    items add up to, or whose net or gross is printed outside the plan (an annual fee paid in instalments: the
    plan's sum is the invoice's)."""
    rows = _payment_table_rows(ctx)
    if not rows:
        return
    plan_totals = [row for row in ctx.layout.rows if id(row) in rows and rows[id(row)][2]]
    if plan_totals:  # the document's amounts read only where a plan's total row is to be judged
        outside = {a.value for r in ctx.layout.rows if id(r) not in rows for a in numbers.find_amounts(r.text)}
        for row in plan_totals:
            sums = [a.value for a in numbers.find_amounts(row.text) if a.decimals == 2]
            if any(lines.holds(v) or v in outside for v in sums):
                del rows[id(row)]  # the items' sum, or an amount printed outside the plan: the invoice's total row
    for name in PAYMENT_TABLE_FIELDS:
        for c in ctx.cands.get(name, []):
            row = ctx.row_of(c.span)
            heading, fields, _ = rows.get(id(row), ("", (), False)) if row is not None else ("", (), False)
            if name in fields:
                c.score -= AFTER_DEDUCTION_PENALTY
                c.issues.append(f"in a table of payments ({heading[:40]!r})")


ITEM_DATE_PENALTY = 0.5


def _penalise_item_dates(ctx: _Context, lines: _LineItems) -> None:
    """A date in a line item's row (under a "Datum" column head of the items table: the day a service was done)
    dates the item, not the invoice."""
    item_rows = {id(item.row) for item in lines.items}
    for c in ctx.cands.get("datum", []):
        row = ctx.row_of(c.span)
        if row is not None and id(row) in item_rows:
            c.score -= ITEM_DATE_PENALTY
            c.issues.append("a line item's date")


# Characters OCR reads for one another in a number, and which of the two it was: a slash is rarely invented, a
# zero before a digit starts the digit run ("RE019230" read "REO19230"), an "O" elsewhere stays a letter.
_SLASH_READS = frozenset({"1", "l", "I", "|"})


# A page counter ("Seite 1/2"), never another reading of an invoice number.
_PAGE_COUNTER = re.compile(r"\d{1,3}\s?/\s?\d{1,3}")
# Shorter numbers are not reconciled (too many other short numbers on a page).
MIN_RECONCILED = 4


def _resolve(ours: str, theirs: str, before: str, after: str) -> str | None:
    """The character two readings of a number disagree on (`before`, `after`: its neighbours), or None when the two
    are not a known confusion."""
    pair = {ours, theirs}
    if "/" in pair and (pair - {"/"}) <= _SLASH_READS:
        return "/"
    if pair == {"O", "0"}:
        return "0" if before.isdigit() or after.isdigit() else "O"
    return None


def _reconciled_number(layout: DocumentLayout, chosen: Candidate) -> Candidate:
    """The invoice number as the scan prints it elsewhere too ("R 20241168" in the head, "R 2024/168" in page 2's
    running header): where another reading of the same length differs only by known confusions (`_resolve`),
    each of those characters is decided by what it is confused with, not by which reading is surer."""
    value, count = chosen.value, max(1, len(chosen.span.tokens))
    if len(value) < MIN_RECONCILED:
        return chosen
    best = value
    for page in layout.pages:
        for row in page.rows:
            words = [t.text for t in row.tokens]
            for i in range(len(words) - count + 1):
                other = " ".join(words[i : i + count]).rstrip(".,;:")
                if len(other) != len(value) or other == value or _PAGE_COUNTER.fullmatch(other):
                    continue
                merged = []
                for k, (ours, theirs) in enumerate(zip(best, other, strict=True)):
                    if ours == theirs:
                        merged.append(ours)
                        continue
                    decided = _resolve(ours, theirs, value[k - 1] if k else "", value[k + 1] if k + 1 < len(value) else "")
                    if decided is None:
                        break
                    merged.append(decided)
                else:
                    best = "".join(merged)
    if best == value:
        return chosen
    issue = f"read {value!r} as {best!r}: the number is printed again with the other character"
    return replace(chosen, value=best, issues=[*chosen.issues, issue])


def _scan_title_numbers(ctx: _Context) -> None:
    """Invoice numbers printed right after the document title (weaker than any labelled one)."""
    for row in ctx.layout.rows:
        for m in TITLE_NUMBER_RE.finditer(row.text):
            value = m.group(1)
            if sum(ch.isdigit() for ch in value) < 3 or dates.parse_date(value):
                continue
            span = Span(value, tuple(row.tokens_in(m.start(1), m.end(1))))
            if ctx.refers_elsewhere(span):
                continue
            c = Candidate("rechnungsnummer", value, value, span, 0.5 - 0.01 * row.page)
            c.issues.append("no number label found; number read after the document title")
            ctx.add(c)


# A document's title ("Rechnung", "Rechnung / Arbeitsnachweis", "Einsatzbericht und Rechnung") and its bare "Nr."
# after it in its row, in the row's only other column, or starting the row under it: the number is the titled
# document's. "Rechnung zu Lieferschein Nr. 8899", "Zahlungsart: Rechnung" or "Auftrag Nr." beside a title are not.
_TITLE = re.compile(
    r"^\s*(?:[^\W\d_][\w-]*\s+(?:und|and)\s+)?(?:rechnung|invoice|gutschrift|facture|factuur)"
    r"(?:\s*/\s*[^\W\d_][\w-]*)?\s*",
    re.IGNORECASE,
)
_NR_START = re.compile(r"^\s*(?:nr|no|n°)\.?:?\s+(?=\S)", re.IGNORECASE)


def _scan_title_nr(ctx: _Context) -> None:
    """Invoice numbers behind the bare "Nr." of the document's title (as weak as a title's number)."""
    for page in ctx.layout.pages:
        for title, under in zip(page.rows, [*page.rows[1:], None], strict=True):
            tokens = _title_nr_tokens(title, under, page)
            got = read_id(Span(" ".join(t.text for t in tokens), tokens)) if tokens else None
            if got is None or ctx.refers_elsewhere(got[1]) or ctx.in_deduction(got[1]):
                continue
            c = Candidate("rechnungsnummer", got[0], got[1].text, got[1], 0.5 - 0.01 * title.page)
            c.issues.append("no number label found; number read behind \"Nr.\" of the document title")
            ctx.add(c)


def _title_nr_tokens(title: Row, under: Row | None, page: PageLayout) -> tuple[Token, ...]:
    """The words after the title's "Nr." (see `_TITLE`), or none when `title` is no title row of that shape."""
    cells = [" ".join(t.text for t in g) for g in column_groups(title, page)]
    head = _TITLE.match(cells[0])
    if head is None or len(cells) > 2:
        return ()
    rest = cells[0][head.end() :] if len(cells) == 1 else cells[1]  # after the title, in its cell or the next
    if len(cells) == 2 and head.end() < len(cells[0]):
        return ()  # more words after the title in its own cell
    if rest:
        nr = _NR_START.match(rest)
        return tuple(title.tokens_in(len(title.text) - len(rest) + nr.end(), len(title.text))) if nr else ()
    if (under is None or under.y0 - title.y1 > page.line_height
            or abs(under.tokens[0].x0 - title.tokens[0].x0) > page.across(1.0)):  # fmt: skip
        return ()  # the row under it: close below, starting where the title starts
    nr = _NR_START.match(under.text)
    return tuple(under.tokens_in(nr.end(), len(under.text))) if nr else ()


def _scan_terms(ctx: _Context) -> None:
    """Payment terms printed as a sentence ("Zahlbar innerhalb 30 Tagen ...") without a label."""
    for row in ctx.layout.rows:
        m = TERMS_START.search(row.text)
        if m:
            span = Span(row.text, tuple(row.tokens))
            ctx.add(Candidate("zahlungsbedingungen", row.text, row.text, span, 0.6))
            return


# How far (characters) a currency sign or code may stand from its amount: "€ 12,50", "12,50 EUR".
_CURRENCY_REACH = 5


# A currency sign glued to a bare whole number or to one letter: OCR's reading of "%" or "§" ("7£" or "Z£" for
# "7%", "$4" for "§4").
_SIGN_ON_INTEGER = re.compile(
    r"(?<![\d.,])\d{1,3}[€$£¥₣](?![\d.,])|(?<![\d.,])[€$£¥₣]\d{1,3}(?![\d.,])|(?<![\w.,])[^\W\d_][€$£¥₣](?![\w.,])"
)


def _money_currency(text: str) -> str | None:
    """The currency printed beside a money amount (two decimals) of ``text``: a sign beside a bare number
    or elsewhere in the row is no evidence ("nach $4 UStG" is a misread "§ 4", "7£" a misread "7%")."""
    if numbers.currency_of(text) is None:
        return None
    text = _SIGN_ON_INTEGER.sub(lambda m: " " * len(m.group(0)), text)
    for a in numbers.find_amounts(text):
        if a.decimals == 2:
            code = numbers.currency_of(text[max(0, a.start - _CURRENCY_REACH) : a.end + _CURRENCY_REACH])
            if code:
                return code
    return None


def _currency_fallback(ctx: _Context) -> None:
    """Currency from the signs of rows with money amounts, else from a currency code stated elsewhere
    ("Alle Beträge in EUR")."""
    if ctx.cands.get("waehrung"):
        return
    counts: dict[str, int] = {}
    for row in ctx.layout.rows:
        code = _money_currency(row.text)
        if code:
            counts[code] = counts.get(code, 0) + 1
    issue = "currency inferred from the amounts' currency signs"
    with_amounts = True
    if not counts:
        # Codes and the euro and pound signs ("GP €", "Betrag EUR"): a lone "$" in OCR output is more often a
        # misread "S" or "€" than dollars.
        for row in ctx.layout.rows:
            for m in CURRENCY_CODE_RE.finditer(row.text):
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
            for sign, code in (("€", "EUR"), ("£", "GBP")):
                if sign in row.text:
                    counts[code] = counts.get(code, 0) + row.text.count(sign)
        issue = "currency inferred from a currency code printed outside the amounts (column head or note)"
        with_amounts = False
    if counts:
        code = max(counts, key=lambda k: counts[k])
        row = next(
            r for r in ctx.layout.rows
            if (_money_currency(r.text) if with_amounts else numbers.currency_of(r.text)) == code
        )  # fmt: skip
        c = Candidate("waehrung", code, code, Span(row.text, tuple(row.tokens)), 0.5)
        c.issues.append(issue)
        ctx.add(c)


def _due_date_from_terms(chosen: dict[str, Candidate]) -> None:
    """The due date from the invoice date and the payment terms' days, when no due date is printed."""
    datum, terms = chosen.get("datum"), chosen.get("zahlungsbedingungen")
    if "faelligkeit" in chosen or datum is None or terms is None:
        return
    days = due_days(terms.value)
    if days is None:
        return
    due = date.fromisoformat(datum.value) + timedelta(days=days)
    c = Candidate("faelligkeit", due.isoformat(), terms.raw, terms.span, 0.5, pb.FIELD_SOURCE_COMPUTED)
    c.issues.append(f"computed: invoice date {datum.value} + {days} days of the payment terms")
    chosen["faelligkeit"] = c


# A letter's date line: a place and the date, alone in the row ("Köln, 4. Dezember 2023", "Frankfurt am Main,
# den 14.12.2018", "Paris, le 3 mars 2024").
_LETTER_DATE_RE = re.compile(
    r"^\s*[A-ZÄÖÜ][\w.äöüß/-]*(?:\s+(?:[A-ZÄÖÜ][\w.äöüß/-]*|am|an\s+der|im|ob\s+der|bei|sur|en)){0,4},"
    r"\s*(?:(?:den|am|le|the)\s+)?(?P<date>.+?)\s*$"
)
LETTER_DATE_SCORE = 0.65


def _letter_date(ctx: _Context) -> None:
    """The date of a letter's date line on the first page, as strong as a "Datum" label beside its value."""
    if not ctx.layout.pages:
        return
    for row in ctx.layout.pages[0].rows:
        m = _LETTER_DATE_RE.match(row.text)
        if not m:
            continue
        found = dates.find_dates(m.group("date"), ctx.month_first)
        if len(found) != 1 or found[0].end - found[0].start != len(m.group("date")):
            continue
        start = m.start("date") + found[0].start
        span = Span(m.group("date"), tuple(row.tokens_in(start, m.end("date"))))
        c = Candidate("datum", found[0].value.isoformat(), span.text, span, LETTER_DATE_SCORE,
                      valid=dates.is_plausible(found[0].value))  # fmt: skip
        c.issues.append("the date of the letter's place and date line")
        ctx.add(c)
        return


def _fallback_date(ctx: _Context) -> None:
    if ctx.cands.get("datum") or not ctx.layout.pages:
        return
    # Dates read as another date field's value (Lieferdatum, fällig am) are not the invoice date.
    taken = {id(t) for n in DATE_FIELDS if n != "datum" for c in ctx.cands.get(n, []) for t in c.span.tokens}
    taken |= ctx.excluded["dates"]
    # A period ("Leistungszeitraum 01.11.2026 - 30.11.2026") is read as its first date: its end is not the invoice date.
    for hit in ctx.hits:
        if (
            hit.field in DATE_FIELDS
            and hit.field != "datum"
            and (span := right_of(ctx.layout, hit, ctx.near(hit)))
        ):
            taken.update(id(t) for t in span.tokens)
    for row in ctx.layout.pages[0].rows:
        found = [f for f in dates.find_dates(row.text, ctx.month_first)
                 if not any(id(t) in taken for t in row.tokens_in(f.start, f.end))]  # fmt: skip
        if found:
            f = found[0]
            span = Span(row.text[f.start : f.end], tuple(row.tokens_in(f.start, f.end)))
            c = Candidate(
                "datum", f.value.isoformat(), span.text, span, 0.2, valid=dates.is_plausible(f.value)
            )
            c.issues.append("no date label found; first date on the first page taken")
            ctx.add(c)
            return


# ---------------------------------------------------------------- choice


def _best(cands: list[Candidate]) -> Candidate | None:
    if not cands:
        return None
    return max(cands, key=lambda c: (c.score, c.valid is not False))


def _sign_flipped(c: Candidate) -> Candidate:
    """``c`` with the opposite sign: OCR drops minus signs (a "-" wrapped above the number, or faint)."""
    assert c.amount is not None
    flipped = Candidate(c.name, numbers.format_amount(-c.amount), c.raw, c.span, c.score - SIGN_PENALTY, c.source,
                        c.valid, [*c.issues, f"sign of {c.raw!r} taken from netto + mwst = brutto"])  # fmt: skip
    flipped.amount = -c.amount
    return flipped


@functools.lru_cache(maxsize=4096)
def _has_rate(netto: Decimal, mwst: Decimal) -> bool:
    return totals.rate_of(abs(netto), abs(mwst)) is not None


@dataclass
class _LineItems:
    """The line items read (services.invoice.lineitems) and the invoice's allowances and charges."""

    items: list[lineitems.LineItem]
    adjustments: list[lineitems.Adjustment]
    _held: dict[Decimal, bool] = field(default_factory=dict)

    @classmethod
    def read(cls, layout: DocumentLayout, lex: lexicon.Lexicon) -> _LineItems:
        items = lineitems.read_line_items(layout)
        return cls(items, lineitems.read_adjustments(layout, lex.marker("allowance_charge"), items))

    @property
    def total(self) -> Decimal | None:
        return lineitems.items_sum(self.items)

    def check(self, netto: Decimal | None) -> validate.CheckResult | None:
        return lineitems.check_line_items(self.items, netto, self.adjustments)

    def holds(self, netto: Decimal | None) -> bool:
        """Whether the items are evidence for ``netto`` (lineitems.supports_netto; weighed in the amount choice)."""
        if netto is None or not self.items:
            return False
        if netto not in self._held:
            self._held[netto] = lineitems.supports_netto(self.items, netto, self.adjustments)
        return self._held[netto]


@dataclass(frozen=True)
class _RateTable:
    """The page's VAT lines per rate that state their base (`_tax_line_rows` without a netto to lean on), and
    their sums (made once: `_best_triple` asks for every triple it weighs)."""

    rows: list[tuple[validate.TaxLine, Row]]
    lines: list[validate.TaxLine] = field(init=False)
    base_sum: Decimal = field(init=False)
    tax_sum: Decimal = field(init=False)
    # Two rates or more, a VAT amount among them: the invoice's VAT is their sum, not one of them.
    mixed: bool = field(init=False)

    def __post_init__(self) -> None:
        lines = [line for line, _ in self.rows]
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "base_sum", sum((t.base for t in lines), Decimal(0)))
        object.__setattr__(self, "tax_sum", sum((t.amount for t in lines), Decimal(0)))
        object.__setattr__(self, "mixed", len(lines) >= 2 and any(t.amount for t in lines))

    def sums_to(self, netto: Decimal, mwst: Decimal) -> bool:
        return netto == self.base_sum and mwst == self.tax_sum


def _vat_line_sums(
    rows: Sequence[Row], rates: Sequence[Decimal], base: Decimal, tax: Decimal
) -> list[Candidate]:
    """Netto and mwst as the sums of VAT lines' bases and taxes (`rows`, at these `rates`), for callers that
    found a brutto read to be their total: the lines confirm them whatever labels were read beside them."""
    span = Span(" / ".join(r.text for r in rows), tuple(t for r in rows for t in r.tokens))
    named = ", ".join(f"{r.normalize():f} %" for r in rates)
    made = []
    for name, value, what in (("betrag_netto", base, "bases"), ("mwst", tax, "tax")):
        confirms = "netto + mwst = brutto confirms it"
        issue = f"{name} taken as the sum of the VAT lines' {what} ({named}): {confirms}"
        c = Candidate(name, numbers.format_amount(value), span.text, span, RATE_LINES_SCORE, issues=[issue])
        c.amount = value
        made.append(c)
    return made


def _rate_table_candidates(ctx: _Context, rates: _RateTable) -> None:
    """A mixed-rate VAT table's sums as netto and mwst, where a brutto read is their total."""
    total = rates.base_sum + rates.tax_sum
    if rates.mixed and any(c.amount == total for c in ctx.cands.get("betrag_brutto", ())):
        rows = [row for _, row in rates.rows]
        for c in _vat_line_sums(rows, [t.rate for t in rates.lines], rates.base_sum, rates.tax_sum):
            ctx.add(c)


def _line_item_candidates(ctx: _Context, lines: _LineItems) -> None:
    """The printed amount that the line items sum to, as a netto candidate when no netto candidate has it;
    else (no allowances or charges named) that sum computed, for a netto misread on a scan."""
    total = lines.total
    if total is None or any(c.amount == total for c in ctx.cands.get("betrag_netto", [])):
        return
    # Not an item's own amount: on a scan one item read of several "sums" to that item.
    item_rows = {id(i.row) for i in lines.items}
    printed = [
        a for a in totals.page_amounts(ctx.layout, ctx.excluded["amounts"])
        if a.value == total and id(a.row) not in item_rows
    ]  # fmt: skip
    n = len(lines.items)
    what = f"the sum of {n} line item{'s' if n != 1 else ''}"
    if printed:
        issue = f"{NO_LABEL} for it: netto found as {what}"
        ctx.add(_amount_candidate("betrag_netto", printed[-1], LINE_ITEMS_SCORE, issue))
        return
    if lines.adjustments:
        return  # the items' sum is a subtotal here, not netto
    tokens = tuple(t for i in lines.items for t in i.span.tokens)
    span = Span(" + ".join(i.span.text for i in lines.items), tokens)
    issue = f"{NO_LABEL} for it: netto computed as {what}, no amount printed as that sum was read"
    c = Candidate("betrag_netto", numbers.format_amount(total), span.text, span, LINE_ITEMS_COMPUTED_SCORE,
                  pb.FIELD_SOURCE_COMPUTED, issues=[issue])  # fmt: skip
    c.amount = total
    ctx.add(c)


def _choose_amounts(
    cands: dict[str, list[Candidate]], lines: _LineItems | None = None, rates: _RateTable | None = None
) -> dict[str, Candidate]:
    """The netto/mwst/brutto triple with the best scores, preferring one that adds up.

    A candidate's opposite sign is an option too, at a cost that only the sum check outweighs.
    A netto that the line items add up to gets a bonus (less than the sum's); so do a netto and mwst of
    a VAT rate, or, where the page prints a mixed-rate VAT table, the table's sums (one rate's line of
    such a table is not the invoice's totals).
    """
    options: dict[str, list[Candidate | None]] = {}
    for n in AMOUNT_FIELDS:
        top = sorted(cands.get(n, []), key=lambda c: -c.score)[:6]
        options[n] = [*top, *(_sign_flipped(c) for c in top if c.amount)] or [None]
    for n, extra in _summing_candidates(cands, options).items():
        options[n] = [o for o in options[n] if o is not None] + extra
    best = _best_triple(options, lines, rates)
    if best is None:
        # Every netto/mwst pairing had VAT >= netto (a netto misread small): leave a field out, never all.
        best = _best_triple({n: o if o == [None] else [*o, None] for n, o in options.items()}, lines, rates)
    return best[1] if best else {}


def _summing_candidates(
    cands: dict[str, list[Candidate]], options: dict[str, list[Candidate | None]]
) -> dict[str, list[Candidate]]:
    """Candidates below the best six of their field (or their opposite sign) that make a triple
    netto + mwst = brutto: a consistent triple is weighed whatever the rank of its label readings
    ("Steuerbetrag 1,12" among a VAT table's many per-line amounts)."""
    pools = {}
    for n in AMOUNT_FIELDS:
        own = [c for c in cands.get(n, []) if c.amount is not None]
        pools[n] = [*own, *(_sign_flipped(c) for c in own if c.amount)]
    by_mwst: dict[Decimal, list[Candidate]] = {}
    for c in pools["mwst"]:
        by_mwst.setdefault(c.amount, []).append(c)  # type: ignore[arg-type]
    found: dict[str, dict[int, Candidate]] = {n: {} for n in AMOUNT_FIELDS}
    for netto, brutto in itertools.product(pools["betrag_netto"], pools["betrag_brutto"]):
        for mwst in by_mwst.get(brutto.amount - netto.amount, ()):  # type: ignore[operator]
            if abs(mwst.amount) < abs(netto.amount):  # type: ignore[arg-type]
                for n, c in zip(AMOUNT_FIELDS, (netto, mwst, brutto), strict=True):
                    found[n].setdefault(id(c), c)
    out: dict[str, list[Candidate]] = {}
    for n, cs in found.items():
        # The best reading of each value is enough (a value read in many places adds nothing).
        best: dict[str, Candidate] = {}
        for c in cs.values():
            if c.value not in best or c.score > best[c.value].score:
                best[c.value] = c
        taken = {o.value for o in options[n] if o is not None}
        extra = [c for v, c in best.items() if v not in taken]
        if extra:
            out[n] = extra
    return out


def _best_triple(
    options: dict[str, list[Candidate | None]], lines: _LineItems | None, rates: _RateTable | None = None
) -> tuple[float, dict[str, Candidate]] | None:
    mixed = rates is not None and rates.mixed
    best: tuple[float, dict[str, Candidate]] | None = None
    for netto, mwst, brutto in itertools.product(*(options[n] for n in AMOUNT_FIELDS)):
        if netto and mwst and not _vat_fits(netto.amount, mwst.amount):  # type: ignore[arg-type]
            continue
        chosen = {n: c for n, c in zip(AMOUNT_FIELDS, (netto, mwst, brutto), strict=True) if c is not None}
        score = sum(c.score for c in chosen.values())
        summed = netto and mwst and brutto and netto.amount + mwst.amount == brutto.amount
        if summed and not _one_reading(netto, brutto):  # type: ignore[arg-type]
            score += SUM_BONUS
        if netto and mwst and mixed:
            if rates.sums_to(netto.amount, mwst.amount):  # type: ignore[union-attr, arg-type]
                score += MIXED_RATES_BONUS
        elif netto and mwst and _has_rate(netto.amount, mwst.amount):
            score += RATE_BONUS
        if netto and lines is not None and lines.holds(netto.amount):
            score += LINE_ITEMS_BONUS
        if best is None or score > best[0]:
            best = (score, chosen)
    return best


def _one_reading(netto: Candidate, brutto: Candidate) -> bool:
    """Netto and brutto taken from the same printed amount: "x + 0 = x" then holds by itself and checks nothing
    (a section's subtotal beside a 0 % VAT line is no invoice total)."""
    return bool(netto.span.tokens) and netto.span.tokens == brutto.span.tokens


def _vat_fits(netto: Decimal, mwst: Decimal) -> bool:
    """VAT of netto's sign (a credit note's are both negative) and at most the highest VAT rate of it: a VAT
    line's base (27 % of netto and more) or a sign flipped to make a sum hold is no VAT of that netto."""
    if netto is None:
        return True
    if not netto:
        return not mwst  # no VAT on nothing
    return netto * mwst >= 0 and abs(mwst) <= abs(netto) * MAX_VAT_RATE / 100 + numbers.CENT


def _adds_up(chosen: dict[str, Candidate]) -> bool:
    netto, mwst, brutto = (chosen.get(n) for n in AMOUNT_FIELDS)
    return bool(netto and mwst and brutto and netto.amount + mwst.amount == brutto.amount)


def _penalise_after_deductions(ctx: _Context, lines: _LineItems) -> None:
    """A total printed below a deduction (prepayment, payment, earlier invoice) is what remains to pay,
    not the invoice total, when another, larger total is printed above the deduction. A line item ("Discount
    (ANNUAL20, 20% off) 1 -$ 259.00") is part of the invoice, no deduction from its total; so is a row whose
    total below is larger than every one above ("Betriebskostenvorauszahlung 920,00" among a rent's items)."""
    item_rows = {id(item.row) for item in lines.items}
    for d in (h for h in ctx.hits if h.field == lexicon.NEG_AMOUNT and id(h.row) not in item_rows):
        if _taxed_after(ctx, d.row):
            continue  # net amounts deducted before VAT: what follows is this invoice's own amount
        reason = f"printed below a deduction ({d.row.text[d.start : d.end]!r}): the amount left to pay"
        _penalise_smaller_totals(ctx.cands.get("betrag_brutto", []), d.row, below=True, reason=reason)


def _taxed_after(ctx: _Context, row: Row) -> bool:
    """Below `row` stand a netto, a VAT and a brutto that add up at a VAT rate ("abzüglich bisheriger
    Abschlagsrechnungen (netto)", then "Nettobetrag dieser Rechnung", "zzgl. Umsatzsteuer 19 %", "Zahlbetrag"):
    the deduction was made before VAT, and the amounts below it are this invoice's."""
    key = (row.page, row.y0)
    deducted = {abs(a.value) for a in numbers.find_amounts(row.text) if a.decimals == 2}
    page = ctx.layout.page(row.page)
    if not deducted and row.index + 1 < len(page.rows):  # "abzüglich geleistete Anzahlung" over its breakdown
        deducted = {abs(a.value) for a in numbers.find_amounts(page.rows[row.index + 1].text) if a.decimals == 2}

    def below(name: str) -> set[Decimal]:
        return {c.amount for c in ctx.cands.get(name, []) if c.amount is not None and (c.span.page, c.span.box[1]) > key}

    nettos, vats, bruttos = below("betrag_netto"), below("mwst"), below("betrag_brutto")
    # The deducted document's own breakdown ("abzgl. Anzahlung -5.950,00 (netto 5.000,00, USt 950,00)") is none.
    return any(n + v in bruttos and v and _has_rate(n, v) and not {n, n + v} & deducted for n in nettos for v in vats)


def _penalise_before_pass_through(ctx: _Context, lines: _LineItems) -> None:
    """A total printed above amounts passed on without VAT (court fees a notary advanced: "zzgl. durchlaufende
    Posten", "Verauslagte Gerichtskosten") is a subtotal when a larger one of its field is printed below them:
    the invoice total holds what is passed on, as it holds every item (the mirror of a deduction)."""
    item_rows = {id(item.row) for item in lines.items}
    marker = ctx.lex.marker("pass_through")
    rows = [r for r in ctx.layout.rows if id(r) not in item_rows and marker.search(r.text)
            and any(a.decimals == 2 for a in numbers.find_amounts(r.text))]  # fmt: skip  # an amount passed on
    for name in ("betrag_netto", "betrag_brutto"):
        for row in rows:
            reason = f"printed above amounts passed on ({row.text[:40]!r}): a subtotal"
            _penalise_smaller_totals(ctx.cands.get(name, []), row, below=False, reason=reason)


def _penalise_smaller_totals(cands: list[Candidate], row: Row, *, below: bool, reason: str) -> None:
    """Scores down the candidates on one side of `row` (below it, or above it) that are smaller than the largest
    candidate on the other side: a rest to pay after a deduction, a subtotal before amounts passed on."""
    key = (row.page, row.y0)
    before = [c for c in cands if (c.span.page, c.span.box[1]) < key and c.amount is not None]
    after = [c for c in cands if (c.span.page, c.span.box[1]) > key and c.amount is not None]
    scored, other = (after, before) if below else (before, after)
    if not other:
        return
    largest = max(c.amount for c in other)
    for c in scored:
        if c.amount < largest:
            c.score -= AFTER_DEDUCTION_PENALTY
            c.issues.append(reason)


def _amount_candidate(name: str, a: totals.PageAmount, score: float, issue: str) -> Candidate:
    c = Candidate(name, numbers.format_amount(a.value), a.span.text, a.span, score, issues=[issue])
    c.amount = a.value
    return c


def _misread_candidates(
    top: dict[str, list[Candidate]], amounts: list[totals.PageAmount], lines: _LineItems | None
) -> list[Candidate]:
    """Amounts read with an OCR digit confusion ("31,62" for "37,62"), repaired where the invoice's
    arithmetic says so: of a labelled triple that does not add up, the one amount whose reading is an
    OCR form (services.invoice.ocr_digits) of the value the other two give.

    When several could be the misread one (a wrong cent makes all three one digit off), the repair
    must leave a triple with more evidence (mwst a VAT rate of netto, the line items summing to netto)
    and change a value printed only once (one read the same in two places is no misreading). Two
    digits replaced need that evidence too. The repaired reading stays visible in the issues.
    """
    printed = Counter(a.value for a in amounts)
    out: list[Candidate] = []
    seen: set[tuple[str, Decimal]] = set()
    for netto, mwst, brutto in itertools.product(*(top[n] for n in AMOUNT_FIELDS)):
        n, t, b = netto.amount, mwst.amount, brutto.amount
        if n is None or t is None or b is None or n + t == b:
            continue
        fixes = []
        for name, c, value in (("betrag_netto", netto, b - t), ("mwst", mwst, b - n), ("betrag_brutto", brutto, n + t)):  # fmt: skip
            conf = confusion(c.amount, value)  # type: ignore[arg-type]
            if conf is None:
                continue
            fixed_n, fixed_t = (value if name == "betrag_netto" else n), (value if name == "mwst" else t)
            if not _vat_fits(fixed_n, fixed_t):
                continue
            evidence = _has_rate(fixed_n, fixed_t) or bool(lines is not None and lines.holds(fixed_n))
            if conf[2] > 1 and not evidence:
                continue
            fixes.append((name, c, value, conf, evidence))
        if len(fixes) > 1:
            fixes = [f for f in fixes if f[4] and printed[f[1].amount] <= 1]
        if len(fixes) != 1:
            continue
        name, c, value, (was, meant, times), _ = fixes[0]
        if (name, value) in seen:
            continue
        seen.add((name, value))
        issue = (f"read {c.raw!r} with an {DIGIT_REPAIR} {was}→{meant}" + (f" ({times}×)" if times > 1 else "")
                 + f": {numbers.format_amount(value)} from netto + mwst = brutto")  # fmt: skip
        out.append(_amount_of(name, value, c.raw, c.span, c.score - MISREAD_PENALTY, c.source, [*c.issues, issue]))
    return out


def _vat_differences(top: dict[str, list[Candidate]]) -> Iterator[tuple[Candidate, Candidate, Decimal]]:
    """(netto, brutto, brutto − netto) of the labelled totals where the difference can be their VAT
    (non-zero, of netto's sign, at most the highest VAT rate of it)."""
    for n, b in itertools.product(top["betrag_netto"], top["betrag_brutto"]):
        if n.amount is None or b.amount is None or not n.amount:
            continue
        value = b.amount - n.amount
        if value and _vat_fits(n.amount, value):
            yield n, b, value


def _vat_from_rate_amounts(
    ctx: _Context, top: dict[str, list[Candidate]], printed: Collection[Decimal]
) -> list[Candidate]:
    """mwst as the sum of VAT amounts read per rate ("Steuerbetrag -0,92 / -0,20"), where no amount printed
    is brutto − netto of labelled totals but two or three VAT readings on separate rows add up to it to
    the cent: a mixed-rate invoice whose total VAT is misread ("-1,12" read "4,12").
    Without it, a VAT per rate pairs with a printed netto "repaired" to fit (a wrong value that adds up).
    On recognised pages only (a text layer's broken sum is the invoice's own, reported as printed); computed,
    so flagged for review (review.COMPUTED_TOTAL).
    """
    if not any(p.recognised for p in ctx.layout.pages):
        return []
    parts: dict[tuple[Decimal, tuple[int, int]], Candidate] = {}
    for c in ctx.cands.get("mwst", []):
        row = ctx.row_of(c.span)
        if c.amount and row is not None:
            parts.setdefault((c.amount, (row.page, row.index)), c)  # one reading per printed place
    out: list[Candidate] = []
    seen: set[Decimal] = set()
    for n, b, value in _vat_differences(top):
        if value in printed or value in seen:
            continue
        same_sign = [
            (row, c)
            for (amount, row), c in parts.items()
            if amount * value > 0 and abs(amount) < abs(value)
        ]
        same_sign = sorted(same_sign, key=lambda rc: -rc[1].score)[:MAX_RATE_PARTS]
        for size in (2, 3):
            group = next(
                (g for g in itertools.combinations(same_sign, size)
                 if sum(c.amount for _, c in g) == value  # type: ignore[misc]
                 and len({row for row, _ in g}) == size),
                None,
            )  # fmt: skip
            if group is None:
                continue
            seen.add(value)
            tokens = tuple(t for _, c in group for t in c.span.tokens)
            span = Span(" + ".join(c.span.text for _, c in group), tokens)
            issue = (f"mwst {COMPUTED_TOTAL}: the sum of the VAT amounts per rate ({span.text}) is "
                     f"brutto {b.raw} − netto {n.raw}, no total VAT reading fits")  # fmt: skip
            out.append(
                _amount_of("mwst", value, span.text, span, RATE_LINES_SCORE, pb.FIELD_SOURCE_COMPUTED, [issue])
            )
            break
    return out


def _amount_of(
    name: str, value: Decimal, raw: str, span: Span, score: float, source: int, issues: list[str]
) -> Candidate:
    c = Candidate(name, numbers.format_amount(value), raw, span, score, source, issues=issues)
    c.amount = value
    return c


def _vat_from_sum(
    ctx: _Context, top: dict[str, list[Candidate]], printed: Collection[Decimal]
) -> list[Candidate]:
    """mwst as brutto − netto of labelled totals, where no amount printed is that difference: the VAT
    amount was misread beyond a digit confusion ("341.,62" or "31,02" for "37,62", "56,817" for "56,87").

    Only with evidence that the difference is the VAT: it is netto × a VAT rate to the cent, or, on a
    mixed-rate invoice, it lies between its printed rates of netto and the page shows a reading of it
    within two edits. Computed, never certain: review flags it (review.COMPUTED_TOTAL).
    """
    if not any(p.recognised for p in ctx.layout.pages):
        return []  # a text layer is what was printed: a sum it breaks is the invoice's, reported
    rates = sorted(r for r in ctx.printed_rates if r in totals.VAT_RATES)
    totals_read = {abs(c.amount) for n in ("betrag_netto", "betrag_brutto") for c in top[n] if c.amount is not None}
    out: list[Candidate] = []
    seen: set[Decimal] = set()
    for n, b, value in _vat_differences(top):
        if value in printed or value in seen:
            continue
        near = _near_reading(ctx.layout, value, totals_read)
        share = abs(value) / abs(n.amount) * 100
        if _stated_rate(ctx, n.amount, value):
            why = f"{totals.rate_of(abs(n.amount), abs(value)).normalize():f} % of netto"  # type: ignore[union-attr]
        elif len(rates) >= 2 and rates[0] < share < rates[-1] and near:
            why = f"between the printed rates {rates[0].normalize():f} % and {rates[-1].normalize():f} % of netto"
        else:
            continue
        seen.add(value)
        span = near or b.span
        issue = (f"mwst {COMPUTED_TOTAL}: {numbers.format_amount(value)} = brutto {b.raw} − netto {n.raw} ({why})"
                 + (f", printed reading {near.text!r}" if near else ", no reading of it adds up"))  # fmt: skip
        raw = near.text if near else ""
        out.append(_amount_of("mwst", value, raw, span, VAT_FROM_SUM_SCORE, pb.FIELD_SOURCE_COMPUTED, [issue]))
    return out


def _brutto_from_sum(
    ctx: _Context, top: dict[str, list[Candidate]], printed: Collection[Decimal]
) -> list[Candidate]:
    """brutto as netto + mwst of labelled readings, where no amount printed is that sum: the total was misread
    beyond a digit confusion ("3.929,36 €" for "65.929,36 €", a digit group lost).

    Only when netto and mwst confirm each other (mwst is a VAT rate of netto, or the sums of the page's VAT
    lines per rate) and the page shows a reading of the sum within two edits. Computed, flagged for review.
    """
    if not any(p.recognised for p in ctx.layout.pages):
        return []  # a text layer is what was printed: a sum it breaks is the invoice's, reported
    lines = _tax_lines(ctx.layout, None)
    # The sums of the VAT lines per rate (bases, taxes), when there are several rates.
    line_sums = (
        (sum((x.base for x in lines), Decimal(0)), sum((x.amount for x in lines), Decimal(0)))
        if len(lines) >= 2
        else None
    )
    # The reading must be the labelled total's (its misreading), not any amount that happens to be near.
    labelled = {id(tok) for c in top["betrag_brutto"] for tok in c.span.tokens}
    out: list[Candidate] = []
    seen: set[Decimal] = set()
    for n, t in itertools.product(top["betrag_netto"], top["mwst"]):
        if n.amount is None or t.amount is None or not n.amount or t.amount * n.amount < 0:
            continue
        value = n.amount + t.amount
        if value in printed or value in seen or abs(t.amount) >= abs(n.amount):
            continue
        per_rate = line_sums == (n.amount, t.amount)
        if not (_stated_rate(ctx, n.amount, t.amount) or per_rate):
            continue
        near = _near_reading(ctx.layout, value, {abs(n.amount), abs(t.amount)})
        if near is None or not any(id(tok) in labelled for tok in near.tokens):
            continue
        seen.add(value)
        issue = (f"brutto {COMPUTED_TOTAL}: {numbers.format_amount(value)} = netto {n.raw} + mwst {t.raw}"
                 f" ({'the VAT lines per rate' if per_rate else 'a VAT rate of netto'} confirm them),"
                 f" printed reading {near.text!r}")  # fmt: skip
        out.append(
            _amount_of("betrag_brutto", value, near.text, near, VAT_FROM_SUM_SCORE, pb.FIELD_SOURCE_COMPUTED, [issue])
        )
    return out


# VAT rates of the user's documents (Germany), taken without being printed; any other rate must be printed.
HOME_RATES = frozenset({Decimal(19), Decimal(7)})


def _stated_rate(ctx: _Context, netto: Decimal, mwst: Decimal) -> bool:
    """Whether mwst is netto × a German rate, or × a rate printed on the page (a 2.6 % that the
    amounts happen to make is no evidence on an invoice that never states it)."""
    rate = totals.rate_of(abs(netto), abs(mwst))
    return rate is not None and (rate in HOME_RATES or rate in ctx.printed_rates)


def _near_reading(layout: DocumentLayout, value: Decimal, others: Collection[Decimal]) -> Span | None:
    """The word of a recognised page closest to ``value`` as printed (1.234,56), one or two OCR edits away,
    that is none of the ``others`` (the totals it was computed from: "529,87" is two edits from "56,87")."""
    targets = numbers.printed_forms(value)
    best: tuple[int, Span] | None = None
    for row in (r for p in layout.pages if p.recognised for r in p.rows):
        # A word, or two that OCR split apart ("1, 12").
        for k in range(len(row.tokens)):
            for words in (row.tokens[k : k + 1], row.tokens[k : k + 2]):
                word = "".join(w.text for w in words).strip(":;=€()-")
                if len(word) < 4 or word in targets or not any(ch.isdigit() for ch in word):
                    continue
                if any(abs(a.value) in others for a in numbers.find_amounts(word)):
                    continue
                distance = min(validate.edit_distance(word, f) for f in targets)
                if distance <= 2 and (best is None or distance <= best[0]):
                    best = (distance, Span(" ".join(w.text for w in words), tuple(words)))
    return best[1] if best else None


def _arithmetic_candidates(ctx: _Context, items: _LineItems | None = None) -> None:
    """Amounts that arithmetic finds where labels did not give a triple that adds up.

    A labelled pair completed by the amount printed on the page that makes
    netto + mwst = brutto; the page's consistent triples (mwst a VAT rate of netto),
    when labels gave at most one of the three or the triple contains a labelled
    value; per-rate VAT lines split over rows, summed (mixed rates); and a labelled amount
    misread by OCR, repaired where the sum says so (_misread_candidates).
    """
    amounts = totals.page_amounts(ctx.layout, ctx.excluded["amounts"])
    if not amounts:
        return
    printed: dict[Decimal, totals.PageAmount] = {a.value: a for a in amounts}
    top = {n: sorted(ctx.cands.get(n, []), key=lambda c: -c.score)[:6] for n in AMOUNT_FIELDS}
    netto, mwst, brutto = (top[n] for n in AMOUNT_FIELDS)
    added: list[Candidate] = []
    for n, b in itertools.product(netto, brutto):
        if (a := printed.get(b.amount - n.amount)) is not None:
            added.append(
                _amount_candidate(
                    "mwst", a, COMPLETION_SCORE, f"mwst found as brutto {b.raw} − netto {n.raw}"
                )
            )
    for n, t in itertools.product(netto, mwst):
        if (a := printed.get(n.amount + t.amount)) is not None:
            added.append(
                _amount_candidate(
                    "betrag_brutto", a, COMPLETION_SCORE, f"brutto found as netto {n.raw} + mwst {t.raw}"
                )
            )
    for t, b in itertools.product(mwst, brutto):
        if (a := printed.get(b.amount - t.amount)) is not None:
            added.append(
                _amount_candidate(
                    "betrag_netto", a, COMPLETION_SCORE, f"netto found as brutto {b.raw} − mwst {t.raw}"
                )
            )
    labelled = {c.amount for cs in top.values() for c in cs}
    few_labels = sum(1 for cs in top.values() if cs) <= 1
    # VAT lines that state their base ("7 % auf 2.221,48") give netto and mwst, not the page's triples.
    bases = _rate_bases(ctx.layout, ctx.lex.marker("rate_base"))
    triples = [] if bases else totals.consistent_triples(amounts)
    base_sum = sum((b for b, _, _ in bases.values()), Decimal(0))
    tax_sum = sum((t for _, t, _ in bases.values()), Decimal(0))
    if bases and any(b.amount == base_sum + tax_sum for b in brutto):
        # Their sums, confirmed by a brutto read, beat totals misread or split apart ("2 377,11").
        added += _vat_line_sums([r for _, _, r in bases.values()], list(bases), base_sum, tax_sum)
    for x in triples:
        values = {x.netto.value, x.mwst.value, x.brutto.value}
        if few_labels or values & labelled:
            issue = (f"{NO_LABEL} for it: {x.netto.span.text} + {x.mwst.span.text} = {x.brutto.span.text}"
                     f" with {x.rates_text} VAT, the largest such sum on the page")  # fmt: skip
            for name, a in zip(AMOUNT_FIELDS, (x.netto, x.mwst, x.brutto), strict=True):
                added.append(_amount_candidate(name, a, TRIPLE_SCORE, issue))
    lines = totals.split_rate_lines(amounts)
    if len(lines) >= 2:
        for name, attr, what in (("betrag_netto", "base", "bases"), ("mwst", "tax", "tax amounts")):
            parts = [getattr(r, attr) for r in lines]
            value = sum((p.value for p in parts), Decimal(0))
            span = Span(
                " + ".join(p.span.text for p in parts), tuple(t for p in parts for t in p.span.tokens)
            )
            c = Candidate(name, numbers.format_amount(value), span.text, span, RATE_LINES_SCORE,
                          issues=[f"sum of the VAT lines' {what} per rate ({', '.join(f'{r.line.rate.normalize():f} %' for r in lines)})"])  # fmt: skip
            c.amount = value
            added.append(c)
    added += _vat_from_rate_amounts(ctx, top, printed)
    added += _misread_candidates(top, amounts, items)
    added += _vat_from_sum(ctx, top, printed)
    added += _brutto_from_sum(ctx, top, printed)
    for c in added:
        ctx.add(c)


def _states_no_vat(ctx: _Context) -> bool:
    """The invoice says it charges no VAT (reverse charge, exempt, small business) and labels no VAT amount
    other than 0,00."""
    if any(c.amount for c in ctx.cands.get("mwst", ())):
        return False
    return any(ctx.lex.marker("zero_vat").search(r.text) for r in ctx.layout.rows)


# A row of more words than this is running text (a sentence), not a label and its value.
SENTENCE_WORDS = 8


def _inside_no_vat_statement(ctx: _Context, hit: LabelHit) -> bool:
    """The label is a word of a statement that the invoice charges no VAT ("von der Umsatzsteuer befreit"), or
    a VAT label in a sentence making one (a long row: "Differenzbesteuerung nach § 25a UStG. Die Umsatzsteuer
    wird nicht", the statement's end on the next row; a total's label in such a row still labels it)."""
    found = list(ctx.lex.marker("zero_vat").finditer(hit.row.text))
    return any(m.start() <= hit.start and hit.end <= m.end() for m in found) or (
        hit.field == "mwst" and bool(found) and len(hit.row.tokens) > SENTENCE_WORDS
    )


def _beside_a_rate(layout: DocumentLayout, c: Candidate) -> bool:
    """The amount is printed in a row that names a VAT rate ("zzgl. 19 % 190,00"): VAT, whatever netto is
    (a tax-free item in netto makes it no rate of all of netto)."""
    mine = {id(t) for t in c.span.tokens}
    return any(
        any(id(t) in mine for t in row.tokens) and any(rate > 0 for rate in totals.rates_in(row.text))
        for row in layout.rows
    )


def _zero_vat(
    layout: DocumentLayout,
    chosen: dict[str, Candidate],
    rates: _RateTable,
    items: Sequence[lineitems.LineItem],
    printed: frozenset[Decimal],
) -> None:
    """An invoice stating no VAT (`_states_no_vat`): mwst 0 and netto = brutto, the better read of the two
    giving both. A VAT found by arithmetic alone stays only when it is a VAT rate of netto or the sums of a
    mixed-rate VAT table (the document's "steuerfrei" was about a line, not the invoice); a difference of
    two amounts that is neither is not VAT, nor is a line item's amount (two items that add up to the total,
    "650,00 + 130,00 = 780,00", are no netto and VAT at 20 %)."""
    netto, mwst, brutto = (chosen.get(n) for n in AMOUNT_FIELDS)
    item_tokens = {id(t) for item in items for t in item.span.tokens}
    if mwst is not None and mwst.amount and not any(id(t) in item_tokens for t in mwst.span.tokens):
        rate = totals.rate_of(abs(netto.amount), abs(mwst.amount)) if netto is not None and netto.amount else None  # type: ignore[arg-type]
        # A rate of netto counts when the page prints it ("20 %"): an exempt invoice's two amounts that happen to
        # make 20 % ("650,00 + 130,00 = 780,00") print none.
        if _beside_a_rate(layout, mwst) or (netto is not None and netto.amount is not None and (
                (rate is not None and rate in printed)
                or (rates.mixed and rates.sums_to(netto.amount, mwst.amount)))):  # type: ignore[arg-type]  # fmt: skip
            return
    read = [c for c in (brutto, netto) if c is not None]
    if not read:
        return
    known = max(read, key=lambda c: c.score)  # brutto first on a tie
    note = "no VAT: the invoice states a VAT exemption or reverse charge"
    for name in AMOUNT_FIELDS:
        value = Decimal(0) if name == "mwst" else known.amount
        current = chosen.get(name)
        if current is not None and current.amount == value:
            continue
        issue = f"{note}; {name} computed" + (f" ({NO_VAT_REPLACED} {current.raw})" if current is not None else "")
        amount = numbers.format_amount(value)  # type: ignore[arg-type]
        c = Candidate(name, amount, known.raw, known.span, 0.5, pb.FIELD_SOURCE_COMPUTED, issues=[issue])
        c.amount = value
        chosen[name] = c


def _tax_lines(
    layout: DocumentLayout, netto: Decimal | None, items: Sequence[lineitems.LineItem] = ()
) -> list[validate.TaxLine]:
    """VAT per rate: rows with a rate and a base and amount that agree with it (`_tax_line_rows`)."""
    return [line for line, _ in _tax_line_rows(layout, netto, items)]


def _tax_line_rows(
    layout: DocumentLayout, netto: Decimal | None, items: Sequence[lineitems.LineItem] = ()
) -> list[tuple[validate.TaxLine, Row]]:
    """VAT per rate, each with its row: rows with a rate and a base and amount that agree with it.

    A row with a rate and only the tax amount ("zzgl. 19 % MwSt 37,62") counts
    when the amount is the rate of the net total (single-rate invoices); a lone
    0,00 ("Tax 0% 0.00" beside "Tax 20% 101.31") does not. Amounts
    grouped by spaces ("USt. 19 % auf 29 679,80 5 639,16") are read whole too.
    Line item rows are no VAT lines ("5 Gerüst 20 qm 7,03 140,60": 5 % of 140,60
    is 7,03 by chance).
    """
    lines: dict[Decimal, tuple[validate.TaxLine, Row]] = {}
    item_rows = {id(i.row) for i in items}
    for row in layout.rows:
        if id(row) in item_rows:
            continue
        amounts = [a.value for a in numbers.find_amounts_grouped(row.text) if a.decimals == 2]
        if len(amounts) == 1 and netto is not None and amounts[0]:
            amounts = [netto, amounts[0]]  # (a 0 % line's lone 0,00 says nothing of its base)
        if len(amounts) < 2:
            continue
        rates = totals.rates_in(row.text)
        rates |= {Decimal(t.text) for t in row.tokens if t.text in {"0", "5", "7", "16", "19"}}
        for rate in sorted(rates, reverse=True):
            for base, amount in itertools.permutations(amounts, 2):
                if base == 0 and rate:
                    continue
                line = validate.TaxLine(rate, base, amount)
                if abs(base) > abs(amount) and validate.rate_matches(line) and rate not in lines:
                    lines[rate] = (line, row)
                    break
    return sorted(lines.values(), key=lambda pair: -pair[0].rate)


def _bic_from_iban(ctx: _Context, chosen: dict[str, Candidate]) -> None:
    """A BIC read with OCR errors, corrected to the BIC registered for the (checksum-valid) IBAN's bank.

    Only when the printed BIC is within two edits of the registered one: the IBAN's
    checksum confirms the bank code, the register gives that bank's BIC. Reported in issues.
    """
    iban = chosen.get("iban")
    if iban is None or not iban.valid:
        return
    registered = validate.bic_of_iban(iban.value)
    if not registered:
        return
    forms = {registered, registered[:8], registered[:8] + "XXX"}
    current = chosen.get("bic")
    if current is not None and current.value in forms:
        return
    if current is None and not any(h.field == "bic" for h in ctx.hits):
        _derived_bic(chosen, iban)
        return
    reads: list[tuple[str, Span, float]] = [(current.value, current.span, current.score)] if current else []
    for hit in ctx.hits:
        if hit.field == "bic":
            span = right_of(ctx.layout, hit, ctx.hits)
            if span and span.tokens:
                tok = span.tokens[0]
                reads.append((tok.text.strip(",;.()").upper(), Span(tok.text, (tok,)), hit.strength))
    for raw, span, score in reads:
        # Printed as 8 characters or as 11 (with the branch code).
        target = (
            registered[:8]
            if len(raw) <= 9
            else registered
            if len(registered) == 11
            else registered[:8] + "XXX"
        )
        if raw != target and validate.edit_distance(raw, target) <= 2:
            issue = f"BIC read as {raw!r} corrected to {target}, the BIC registered for the IBAN's bank code"
            chosen["bic"] = Candidate(
                "bic", target, span.text, span, score, pb.FIELD_SOURCE_TEXT, True, [issue]
            )
            return


def _derived_bic(chosen: dict[str, Candidate], iban: Candidate) -> None:
    """No BIC printed: the one registered for a German or Austrian IBAN's bank code, marked computed."""
    bic = identifiers.derived_bic(iban.value)
    if bic:
        issue = identifiers.derived_bic_issue(iban.value, bic)
        chosen["bic"] = Candidate("bic", bic, "", iban.span, 0.4, pb.FIELD_SOURCE_COMPUTED, True, [issue])


# ---------------------------------------------------------------- supplier template

# Bonus for a candidate standing where the supplier's template learned its field (amounts less:
# the sum check, not the place, decides between amounts of one column).
TEMPLATE_BONUS = 1.5
TEMPLATE_AMOUNT_BONUS = 0.8
# Score of the value read at the learned place when no candidate stood there.
TEMPLATE_SCORE = 1.8


def _template_candidates(ctx: _Context, supplier: SupplierProfile | None) -> None:
    """A learned template's guidance (services.invoice.templates): a bonus for candidates at a field's
    learned place, else the value standing there read as a candidate of its own."""
    if supplier is None:
        return
    for name, template in supplier.template.items():
        placed = [c for c in ctx.cands.get(name, []) if templates.near(c.span, name, template)]
        for c in placed:
            c.score += TEMPLATE_AMOUNT_BONUS if name in AMOUNT_FIELDS else TEMPLATE_BONUS
            c.source = pb.FIELD_SOURCE_TEMPLATE
        span = None if placed else templates.region(ctx.layout, name, template)
        c = _read_at_template(name, span) if span is not None else None
        if c is not None:
            c.issues.append(f"read at the place {supplier.id}'s template learned for {name}")
            ctx.add(c)


def _read_at_template(name: str, span: Span) -> Candidate | None:
    source = pb.FIELD_SOURCE_TEMPLATE
    if name in ID_FIELDS:
        got = read_id(span)
        return Candidate(name, got[0], got[1].text, got[1], TEMPLATE_SCORE, source) if got else None
    if name in DATE_FIELDS:
        day = read_date(span)
        if day is None:
            return None
        return Candidate(name, day[0].isoformat(), day[1].text, day[1], TEMPLATE_SCORE, source,
                         dates.is_plausible(day[0]))  # fmt: skip
    return None


# ---------------------------------------------------------------- entry point


# Strength of a supplier profile's own labels (above every lexicon label).
SUPPLIER_STRENGTH = 1.2


def _lexicon(supplier: SupplierProfile | None) -> lexicon.Lexicon:
    base = lexicon.load()
    if supplier is None or not supplier.labels:
        return base
    return base.with_labels(supplier.labels, SUPPLIER_STRENGTH)


def extract_fields(
    pages: Sequence[pb.PageResult], supplier: SupplierProfile | None = None
) -> pb.InvoiceFields:
    """Invoice fields read from the pages' text and geometry (see module docstring)."""
    layout = DocumentLayout.build(pages)
    result = pb.InvoiceFields()
    if not layout.rows:
        review(result)
        return result
    hits = find_labels(layout, _lexicon(supplier).match_row)
    lex = _lexicon(supplier)
    ctx = _Context(layout, hits, party_blocks(layout), lex)
    for hit in hits:
        _from_hit(ctx, hit)
    _scan_patterns(ctx)
    _scan_wrapped_ibans(ctx)
    _scan_title_numbers(ctx)
    _scan_title_nr(ctx)
    _scan_terms(ctx)
    _currency_fallback(ctx)
    _letter_date(ctx)
    _fallback_date(ctx)
    _template_candidates(ctx, supplier)
    _drop_buyer_ibans(ctx)
    _drop_truncated_ibans(ctx)
    _drop_misread_copies(ctx)
    _penalise_counts(ctx)
    lines = _LineItems.read(layout, lex)
    _line_item_candidates(ctx, lines)
    _penalise_item_dates(ctx, lines)
    _penalise_payment_tables(ctx, lines)

    chosen: dict[str, Candidate] = {}
    for name, cands in ctx.cands.items():
        if name not in AMOUNT_FIELDS:
            best = _best(cands)
            if best:
                chosen[name] = best
    if "rechnungsnummer" in chosen and layout.pages[0].recognised:
        chosen["rechnungsnummer"] = _reconciled_number(layout, chosen["rechnungsnummer"])
    _penalise_after_deductions(ctx, lines)
    _penalise_before_pass_through(ctx, lines)
    rates = _RateTable(_tax_line_rows(layout, None, lines.items))
    _rate_table_candidates(ctx, rates)
    # Before arithmetic adds VAT candidates of its own; a VAT table with VAT in it says otherwise.
    no_vat = _states_no_vat(ctx) and not any(t.amount for t in rates.lines)
    amounts = _choose_amounts(ctx.cands, lines, rates)
    if not _adds_up(amounts):
        _arithmetic_candidates(ctx, lines)
        amounts = _choose_amounts(ctx.cands, lines, rates)
    chosen.update(amounts)
    if no_vat:
        _zero_vat(layout, chosen, rates, lines.items, ctx.printed_rates)

    _bic_from_iban(ctx, chosen)
    _due_date_from_terms(chosen)

    seller = seller_info(layout, ctx.blocks)
    if seller:
        chosen["lieferant"] = Candidate("lieferant", seller.name.text, seller.name.text, seller.name, 0.8)
        if seller.address:
            chosen["lieferant_adresse"] = Candidate(
                "lieferant_adresse", seller.address.text, seller.address.text, seller.address, 0.8
            )
    elif supplier is not None:
        span = Span(supplier.name, ())
        chosen["lieferant"] = Candidate("lieferant", supplier.name, "", span, 1.0, pb.FIELD_SOURCE_TEMPLATE)
    if supplier is not None:
        result.supplier_id = supplier.id
        guided = [n for n in FIELD_ORDER if n in chosen and chosen[n].source == pb.FIELD_SOURCE_TEMPLATE]
        if guided:
            result.template_id = supplier.id
            result.template_fields.extend(guided)

    _totals_from_rate_bases(layout, chosen, lex.marker("rate_base"))
    netto = chosen.get("betrag_netto")
    tax = _tax_lines(layout, netto.amount if netto else None, lines.items)
    _mwst_from_tax_lines(chosen, tax)
    checks = _checks(chosen, tax)
    items_check = lines.check(netto.amount if netto else None)
    if items_check is None:
        result.not_applicable.append(lineitems.CHECK_NAME)
    else:
        checks.append(pb.Check(name=items_check.name, passed=items_check.passed, message=items_check.message))
    for name in FIELD_ORDER:
        if name in chosen:
            result.fields.append(chosen[name].to_pb())
    for t in tax:
        result.tax.append(
            pb.TaxBreakdown(rate=numbers.format_amount(t.rate), base=numbers.format_amount(t.base),
                            amount=numbers.format_amount(t.amount))
        )  # fmt: skip
    result.checks.extend(checks)
    result.line_items.extend(positions.to_pb(item) for item in lines.items)
    review(result)
    return result


_RATE_PCT = re.compile(r"(?<![\d,.])(\d{1,2}(?:[.,]\d{1,2})?)\s*%\s*")


def _rate_bases(
    layout: DocumentLayout, base_word: re.Pattern[str]
) -> dict[Decimal, tuple[Decimal, Decimal, Row]]:
    """Per rate, the base stated as "19 % auf 3.492,72" ("20 % sur 1 548,95": the lexicon's ``rate_base``
    words) and the tax: printed after it when it is base × rate (± a cent), else base × rate rounded to
    the cent. A base grouped by a space is read whole when the tax printed after it confirms that."""
    out: dict[Decimal, tuple[Decimal, Decimal, Row]] = {}
    for row in layout.rows:
        m = next((m for m in _RATE_PCT.finditer(row.text) if base_word.match(row.text, m.end())), None)
        if not m:
            continue
        rate = Decimal(m.group(1).replace(",", "."))
        tail = row.text[m.end() :]
        amounts = [a.value for a in numbers.find_amounts(tail) if a.decimals == 2]
        if not amounts or rate in out:
            continue
        grouped = sorted(
            (a for a in numbers.find_amounts_grouped(tail) if a.decimals == 2), key=lambda a: a.start
        )
        base = amounts[0]
        tax = (base * rate / 100).quantize(numbers.CENT)
        for first in (grouped[0].value, amounts[0]) if grouped else (amounts[0],):
            if len(amounts) > 1 and validate.rate_matches(validate.TaxLine(rate, first, amounts[-1])):
                base, tax = first, amounts[-1]
                break
        out[rate] = (base, tax, row)
    return out


def _totals_from_rate_bases(
    layout: DocumentLayout, chosen: dict[str, Candidate], base_word: re.Pattern[str]
) -> None:
    """Netto and VAT total from the VAT lines' bases ("19 % auf 3.492,72"), when the totals read do not add up.

    Only when brutto, read, confirms them: sum of bases + sum of taxes = brutto.
    Each value taken is reported in its issues (with what was read instead).
    """
    netto, mwst, brutto = (chosen.get(n) for n in AMOUNT_FIELDS)
    if brutto is None or brutto.amount is None:
        return
    if netto is not None and mwst is not None and netto.amount + mwst.amount == brutto.amount:
        return
    lines = _rate_bases(layout, base_word)
    if not lines:
        return
    base_sum = sum((b for b, _, _ in lines.values()), Decimal(0))
    tax_sum = sum((t for _, t, _ in lines.values()), Decimal(0))
    if base_sum + tax_sum != brutto.amount or base_sum <= 0:
        return
    rows = [r for _, _, r in lines.values()]
    span = Span(" / ".join(r.text for r in rows), tuple(t for r in rows for t in r.tokens))
    for name, value, what in (("betrag_netto", base_sum, "sum of the VAT lines' bases"),
                              ("mwst", tax_sum, "sum of the VAT lines' tax")):  # fmt: skip
        old = chosen.get(name)
        if old is not None and old.amount == value:
            continue
        was = f" (read {old.raw!r})" if old is not None else " (no total read)"
        c = Candidate(name, numbers.format_amount(value), span.text, span, 0.5, pb.FIELD_SOURCE_TEXT,
                      issues=[f"{name} taken as the {what}{was}: netto + mwst = brutto confirms it"])  # fmt: skip
        c.amount = value
        chosen[name] = c


def _mwst_from_tax_lines(chosen: dict[str, Candidate], tax: list[validate.TaxLine]) -> None:
    """The VAT total as the sum of the per-rate lines, when the total read does not add up and that sum does.

    Each rate line already passed amount = base × rate; netto + their sum = brutto
    confirms it. The replaced reading stays visible in the issues.
    """
    netto, mwst, brutto = (chosen.get(n) for n in AMOUNT_FIELDS)
    if not tax or netto is None or brutto is None:
        return
    total = sum((t.amount for t in tax), Decimal(0))
    if netto.amount + total != brutto.amount or (mwst is not None and mwst.amount == total):
        return
    if mwst is not None and netto.amount + mwst.amount == brutto.amount:
        return
    was = f" (read {mwst.raw!r})" if mwst is not None else ""
    span = mwst.span if mwst is not None else netto.span
    c = Candidate("mwst", numbers.format_amount(total), mwst.raw if mwst else "", span, 0.5, pb.FIELD_SOURCE_TEXT,
                  issues=[f"VAT total taken from the VAT lines per rate{was}: their sum adds up to brutto"])  # fmt: skip
    c.amount = total
    chosen["mwst"] = c


def _checks(chosen: dict[str, Candidate], tax: list[validate.TaxLine]) -> list[pb.Check]:
    checks: list[pb.Check] = []
    for name, check in (("iban", "iban_checksum"), ("bic", "bic_format"), ("ust_id", "ust_id_check_digits"),
                        ("steuernummer", "steuernummer_format")):  # fmt: skip
        c = chosen.get(name)
        if c is not None:
            msg = "; ".join(c.issues) or f"{name} passes its check"
            checks.append(pb.Check(name=check, passed=bool(c.valid), message=msg))
    for name in DATE_FIELDS:
        c = chosen.get(name)
        if c is not None and c.valid is not None:
            checks.append(pb.Check(name=f"{name}_plausible", passed=c.valid, message=f"{name} {c.value}"))
    netto, mwst, brutto = (chosen.get(n) for n in AMOUNT_FIELDS)
    if netto and mwst and brutto:
        r = validate.check_sum(netto.amount, mwst.amount, brutto.amount)
        checks.append(pb.Check(name=r.name, passed=r.passed, message=r.message))
        for c in (netto, mwst, brutto):
            c.valid = r.passed
            if not r.passed:
                c.issues.append(r.message)
    for r in validate.check_tax_lines(tax, mwst.amount if mwst else None):
        checks.append(pb.Check(name=r.name, passed=r.passed, message=r.message))
        if mwst and r.name == "mwst=sum(rate×base)" and not r.passed:
            mwst.valid = False
            mwst.issues.append(r.message)
    return checks
