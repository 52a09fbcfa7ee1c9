"""Whose is a block of the page: the seller's, another party's, or the payee's.

Headings such as "Verkäufer:" / "Käufer:" open a block that runs down the same
column until the next heading or a wide vertical gap. The seller's name and
address are read from the seller block, else from a letterhead sender line
("Lieferant GmbH · Straße 1 · 12345 Ort"), else from a line with a legal form
at the top or in the footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from services.invoice.labels import (
    ACCOUNT_HOLDER,
    ATTENTION,
    ID_LINE,
    LABEL_AND_VALUE,
    LEGAL_FORM,
    OTHER_HEADINGS,
    PAYEE_HEADINGS,
    SELLER_HEADINGS,
    STREET,
    ZIP_CITY,
)
from services.invoice.layout import DocumentLayout, PageLayout, Row, Span, Token

SELLER, OTHER, PAYEE = "seller", "other", "payee"
# A block ends at a vertical gap of this many line heights.
BLOCK_GAP = 2.5
# "Fürstenwall 39b", "Am Markt 3-5": a street whose name no STREET suffix catches.
_HOUSE_NUMBER_END = re.compile(r"^\D+\s\d{1,4}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)?$")
# OCR reads a middle dot as ":" or "-", or as two marks (":-", ":»").
_SENDER_SEPARATORS = re.compile(r"\s+[·•|∙»«*°+.:;\-–—]{1,2}\s+|\s*,\s+")
# Contact details that follow a name in the same row ("Müller GmbH   Tel. 0201 ...").
_CONTACT = re.compile(r"\s+(?:tel(?:efon)?\b|phone\b|fon\b|fax\b|e-?mail\b|www\.)", re.I)
# ... and a cell that starts with them is contact details, no name ("Tel. 0932 382334 · Fax · Am Güterbahnhof 54").
_CONTACT_START = re.compile(r"^\s*(?:tel(?:efon|\.)?|phone|fon|fax|e-?mail|www\.)(?:\b|:)", re.I)
# A labelled phone number ("Notruf 24 h: 0245 6987831", "Mobil: 0171 ..."): no name.
_LABELLED_NUMBER = re.compile(r":\s*[+(]?\d[\d\s/()-]{5,}")
# A line that starts with the seat or a branch ("Amtssitz München · Straße · PLZ Ort", "Niederlassung Köln · ...")
# gives an address, not a name.
_SEAT_START = re.compile(
    r"^\s*(?:amtssitz|sitz|hauptsitz|kanzleisitz|firmensitz|geschäftssitz|standort|niederlassung|zweigniederlassung"
    r"|filiale|zweigstelle|head office|registered office|siège|vestiging)\b",
    re.I,
)
# A place of delivery or work named before its address ("Lieferanschrift Muster Bau GmbH · 70173 Stuttgart",
# "Bauvorhaben Kita Am Park · ..."): the customer's or a site's, no sender.
_SITE_START = re.compile(
    r"^\s*(?:lieferanschrift|lieferadresse|lieferung\s+an|liefern\s+an|bauvorhaben|baustelle|objekt|leistungsort"
    r"|einsatzort|ship\s+to|deliver(?:y)?\s+to|site)\b",
    re.I,
)
# A sole trader's owner named under the business's name ("Inh. Petra Lindemann · Königsallee 73 · ..."): the
# business's name is the seller's, printed in another row.
_OWNER_START = re.compile(r"^\s*(?:inh\.|inhaber(?:in)?\b|prop\.|proprietor\b|owner\b)", re.I)
# A gap between words of this many line heights (in points: `PageLayout.across`) separates two cells of a row.
CELL_GAP = 1.4
# Another reading of the seller's name (`clearest_reading`): as similar (rapidfuzz ratio), as sure (its least
# sure word's confidence), and that much surer than the reading it replaces.
SAME_NAME_RATIO = 85.0
CLEAR_READING = 0.85
CLEARER_BY = 0.1


@dataclass(frozen=True)
class Block:
    party: str
    heading: Row
    rows: tuple[Row, ...]


def party_blocks(layout: DocumentLayout) -> list[Block]:
    """Blocks under a heading that says whose they are ("Lieferant:", "Rechnungsadresse", "Verkauft von"). A
    row of headings side by side ("Rechnungsadresse   Lieferadresse   Verkauft von") heads one block a column."""
    blocks: list[Block] = []
    for page in layout.pages:
        rows = page.rows
        i = 0
        while i < len(rows):
            row = rows[i]
            party = _heading_party(row)
            if party is not None:
                members = _members(rows[i + 1 :], row, page, None)
                blocks.append(Block(party, row, tuple(members)))
                i += 1 + len(members)
                continue
            columns = _columns(row, page)
            if 1 < len(columns) <= MAX_HEADING_COLUMNS:
                for k, column in enumerate(columns):
                    party = _heading_party(column)
                    if party is not None and not _BARE_FROM.match(column.text):
                        bounds = (column.x0 - page.across(CELL_GAP), _column_end(columns, k, page))
                        blocks.append(Block(party, column, tuple(_members(rows[i + 1 :], column, page, bounds))))
            i += 1
    return blocks


# A row of more columns is a table's head ("Sdg.-Nr. | Abholung | Von | Empf.-PLZ | ..."), no row of headings; in
# a row, "Von" or "From" without a colon is a column head too (a route's start).
MAX_HEADING_COLUMNS = 4
_BARE_FROM = re.compile(r"^\s*(?:von|from)\s*$", re.I)


def _heading_party(row: Row) -> str | None:
    if SELLER_HEADINGS.match(row.text):
        return SELLER
    if PAYEE_HEADINGS.match(row.text):
        return PAYEE
    return OTHER if OTHER_HEADINGS.match(row.text) else None


def _column_end(columns: list[Row], k: int, page: PageLayout) -> float:
    """Where the k-th heading's column ends: before the next heading, else at the page's edge."""
    return columns[k + 1].x0 - page.across(CELL_GAP) / 2 if k + 1 < len(columns) else 2.0


def _members(
    rows: Sequence[Row], heading: Row, page: PageLayout, bounds: tuple[float, float] | None
) -> list[Row]:
    """The rows under a heading, close below each other and starting where it starts; with `bounds` (x0, x1) the
    words of each row inside its column only."""
    members: list[Row] = []
    prev = heading
    for whole in rows:
        if bounds is None:
            r = whole
        else:
            tokens = [t for t in whole.tokens if bounds[0] <= t.x0 < bounds[1]]
            if not tokens:
                if whole.y0 - prev.y1 > BLOCK_GAP * page.line_height:
                    break
                continue
            r = Row(whole.page, whole.index, tokens)
        if r.y0 - prev.y1 > BLOCK_GAP * page.line_height or abs(r.x0 - heading.x0) > 0.05:
            break
        if any(_heading_party(c) is not None for c in _columns(r, page)):
            break  # the next heading (in a row of headings: one of them)
        members.append(r)
        prev = r
    return members


def party_of(blocks: list[Block], row: Row, tokens: Sequence[Token] = ()) -> str | None:
    """The party whose block holds the row (or, in a block of one column, the given tokens of the row)."""
    for b in blocks:
        if row is b.heading or row in b.rows:
            return b.party
        if tokens and any(t is m for r in b.rows for m in r.tokens for t in tokens):
            return b.party
    return None


@dataclass(frozen=True)
class SellerInfo:
    name: Span
    address: Span | None


def _join(rows: list[Row], sep: str = " ") -> Span:
    tokens = tuple(t for r in rows for t in r.tokens)
    return Span(sep.join(r.text for r in rows), tokens)


def _is_address(text: str) -> bool:
    return bool(STREET.search(text) or ZIP_CITY.search(text))


def _from_block(block: Block) -> SellerInfo | None:
    rows = [r for r in block.rows if not ID_LINE.search(r.text)]
    if not rows or _is_address(rows[0].text):
        return None
    name_rows = [rows[0]]
    if not LEGAL_FORM.search(rows[0].text):
        for r in rows[1:3]:
            if _is_address(r.text):
                break
            if LEGAL_FORM.search(r.text):
                name_rows = rows[: rows.index(r) + 1]
                break
    rest = rows[len(name_rows) :]
    address: list[Row] = []
    for r in rest:
        if _is_address(r.text):
            address.append(r)
            if ZIP_CITY.search(r.text):
                break
        elif address:
            break
    return SellerInfo(_join(name_rows), _join(address, ", ") if address else None)


# "Fürstenwall 39b 80331 München": street and town in one part (OCR lost the separator between them).
_STREET_AND_TOWN = re.compile(r"\d{1,4}\s?[a-zA-Z]?\s+(?:[A-Z]{1,2}[-\s])?\d{4,5}\s+\w")


def _from_sender_line(
    layout: DocumentLayout, footer: bool = False, blocks: Sequence[Block] = ()
) -> SellerInfo | None:
    """Name, street, town in one row: the sender line above the address, or the footer's company line; not a row
    of a block headed as another party's ("Auftraggeber" over "Nordlicht Media GmbH, Große Bäckerstraße 29, ...")."""
    if footer:
        rows = [r for p in _first_and_last(layout) for r in p.rows if r.y0 > 0.82]
    else:
        others = {id(r) for b in blocks if b.party == OTHER for r in b.rows}
        rows = [r for r in layout.pages[0].rows if r.y0 <= 0.4 and id(r) not in others]
    found: list[SellerInfo] = []
    for whole in rows:
        # A row can hold another column's text beside the sender line (a letterhead's slogan, "Voor 23:59
        # besteld, morgen in huis"): each column of the row is read apart.
        for row in _columns(whole, layout.page(whole.page)):
            info = _sender_in(row, whole, layout, footer)
            if info is None or (footer and _NOT_SELLER.search(info.name.text)):
                continue  # the footer's bank line ("Deutsche Bank AG · Unter den Linden 13 · 10117 Berlin")
            if not footer or _FOOTER_NAME.search(info.name.text):
                return info
            found.append(info)
    # A footer holds other lines of the same shape ("Assurance décennale : L'Auxiliaire, 50 cours …, 69006
    # Lyon"): the company's own has its legal form; without one, the first.
    return found[0] if found else None


def _sender_in(row: Row, whole: Row, layout: DocumentLayout, footer: bool) -> SellerInfo | None:
    """The name and address of a sender line standing in `row` (a column of the page's row `whole`)."""
    start = _sender_word_end(row.text)  # "Abs.: Muster GmbH · ...": the name after it
    parts = [p for p in _SENDER_SEPARATORS.split(row.text[start:]) if p]
    # Name, street, town; or two parts where the second holds street and town, or where a name stands before its
    # town alone: a company's ("Hanseatische Wach- und Schließgesellschaft mbH · 40212 Düsseldorf") or one the page
    # prints elsewhere too ("Pferdepraxis Dr. med. vet. Jan Brüggemann · 60311 Frankfurt am Main"); never a place
    # of delivery or work ("Lieferanschrift Muster Bau GmbH · 70173 Stuttgart").
    enough = len(parts) >= 3 or (
        len(parts) == 2
        and (_STREET_AND_TOWN.search(parts[1]) is not None
             or (ZIP_CITY.match(parts[1]) is not None and not _SITE_START.match(parts[0])
                 and (LEGAL_FORM.search(parts[0]) is not None or _printed_elsewhere(layout, whole, parts[0]))))
    )  # fmt: skip
    if not enough or not any(ZIP_CITY.search(p) for p in parts):
        return None
    if (_labels_an_address(row.text[start:]) and not LEGAL_FORM.search(parts[0])
            and not _printed_elsewhere(layout, whole, parts[0])):  # fmt: skip
        return None  # "Chantier : 48 rue de la République, 33800 Bordeaux"
    last, end = _name_parts(row.text[start:], parts)
    name_tokens = row.tokens_in(start, start + end)
    name = row.text[start : start + end].strip()
    if not name_tokens or _is_address(name) or _HOUSE_NUMBER_END.search(name) or _CONTACT_START.match(name):
        return None
    if _OWNER_START.match(name):
        return None  # "Inh. Jan Ott · ..." (also "Inhaber Thomas Maier e.K.")
    if (_SEAT_START.match(name) or _LABELLED_NUMBER.search(name)) and not LEGAL_FORM.search(name):
        return None  # "Amtssitz München · ...", "Notruf 24 h: 0245 6987831 · ..." (not "Filiale Gut GmbH")
    if LABEL_AND_VALUE.search(name):
        return None  # "Objekt 2158: Geschäftshaus, Am Kaiserkai 64, 99084 Erfurt": a label and its address
    if footer and re.search(r"\d|:", name):
        return None
    address = tuple(
        t for t, at in zip(row.tokens, row.starts, strict=True) if at >= start and t not in name_tokens
    )
    return SellerInfo(Span(name, tuple(name_tokens)), Span(", ".join(parts[last + 1 :]), address))


# Separator characters a name may hold itself ("Kabel + Licht", "Schmidt - Partner").
_INNER_MARKS = {"+", "-", "–"}


def _name_parts(text: str, parts: list[str]) -> tuple[int, int]:
    """The last of a sender line's parts that make the seller's name, and where it ends in `text`: the first
    part, or a later one with the legal form when the parts before it are words and the separators between them
    are other than the line's ("Kabel + Licht Seifert GmbH · Mühlenweg 101b · 20095 Hamburg": the name's "+"
    read as a separator; "Dr. Ines Wagenknecht · c/o Verwaltung e.K. · ..." are two names)."""
    separators = list(_SENDER_SEPARATORS.finditer(text))
    if len(separators) + 1 != len(parts):  # an empty part (a separator at the start, two in a row)
        return 0, len(parts[0])
    marks = [m.group().strip() for m in separators]
    if not LEGAL_FORM.search(parts[0]):
        for k in range(1, min(3, len(parts) - 1)):
            if re.search(r"\d", parts[k]) or _is_address(parts[k]) or _CONTACT_START.match(parts[k]):
                break
            if marks[k] in marks[:k] or not set(marks[:k]) <= _INNER_MARKS or _OWNER_START.match(parts[k]):
                break  # the line's own separator inside, a comma or bar, an owner's part ("- Inh. Jan Kurz e.K.")
            if parts[k].lstrip().lower().startswith("c/o"):
                break
            if LEGAL_FORM.search(parts[k]):
                return k, separators[k].start()
    return 0, separators[0].start() if separators else len(text)


def column_groups(row: Row, page: PageLayout) -> list[list[Token]]:
    """The row's tokens cut at column gaps (CELL_GAP), left to right."""
    column_gap = page.across(CELL_GAP)
    groups: list[list[Token]] = [[]]
    for t in row.tokens:
        if groups[-1] and t.x0 - groups[-1][-1].x1 > column_gap:
            groups.append([])
        groups[-1].append(t)
    return groups


def _columns(row: Row, page: PageLayout) -> list[Row]:
    """The row cut at column gaps: itself when it has none."""
    groups = column_groups(row, page)
    return [row] if len(groups) == 1 else [Row(row.page, row.index, g) for g in groups]


# The word a sender line may start with ("Abs.: Muster GmbH · Straße 1 · 12345 Ort"): not part of the name.
# "Von" and the like need their colon: "Von Essen GmbH" is a name.
_SENDER_WORD = re.compile(
    r"^\s*(?:Abs\.\s*:?|Abs\s*:|Absender\s*:?|(?:Von|From|Sender|Expéditeur|Exp\.|Afzender)\s*:)\s+", re.I
)


def _sender_word_end(text: str) -> int:
    """Where the text after a leading "Abs.:" / "Absender:" / "From:" starts (0 without one)."""
    found = _SENDER_WORD.match(text)
    return found.end() if found else 0


def _labels_an_address(text: str) -> bool:
    """A label and its address ("Chantier : 48 rue de la République, 33800 Bordeaux", "Code client : CL-0474
    44300 NANTES"): a colon after the first words, and other separators after it or none (a scan may read every
    middle dot of a sender line as a colon)."""
    separators = [m.group().strip() for m in _SENDER_SEPARATORS.finditer(text)]
    if not separators or ":" not in separators[0]:
        return False
    return len(separators) == 1 or not all(":" in sep for sep in separators)


def _printed_elsewhere(layout: DocumentLayout, row: Row, name: str) -> bool:
    """Another row of the first or last page starts with the name too (a seller's name heads the letterhead
    and the footer as well as the sender line; a label before an address does not)."""
    return any(
        other is not row and fuzz.ratio(name, other.text[: len(name)]) >= SAME_NAME_RATIO
        for page in _first_and_last(layout)
        for other in page.rows
    )


def _from_legal_form(layout: DocumentLayout, blocks: Sequence[Block] = ()) -> SellerInfo | None:
    """A name with a legal form at the top or in the footer; in a footer's sentence, the name it starts with
    ("Onde Bleue Internet SAS au capital de …", "Muster GmbH – Sitz Köln – HRB 1234"), not a bank's; never a
    name in a block headed as another party's ("Bill to", "Rechnungsadresse") or addressed for someone's
    attention ("z. Hd. Frau Özdemir")."""
    first = layout.pages[0]
    top = [r for r in first.rows if r.y1 < 0.2]
    footer = [r for p in _first_and_last(layout) for r in p.rows if r.y0 > 0.82]
    others = {id(t) for b in blocks if b.party == OTHER for r in b.rows for t in r.tokens}
    others |= _addressee_tokens(first)
    for row in top + footer:
        page = layout.page(row.page)
        cells = [c for c in _cells(row, page) if not any(id(t) in others for t in c.tokens)]
        for k, cell in enumerate(cells):
            m = LEGAL_FORM.search(cell.text)
            if m and _FORM_PART.match(cell.text):
                cell = _whole_name(cells, k)  # a large letterhead's word spaces cut it at every word
                if _FORM_PART.match(cell.text):  # still the legal form alone: its name is on the row above
                    wrapped = _wrapped_name(page, cell, others)
                    if wrapped is None:
                        continue  # a legal form alone names nobody
                    cell = wrapped
            if m and len(cell.text) < NAME_CHARS and not _is_address(cell.text):
                return SellerInfo(cell, None)
            found = _FOOTER_NAME.search(cell.text) if row.y0 > 0.82 else None
            name = _name_before(cell, found.end()) if found else None
            if name is not None:
                return SellerInfo(name, None)
    return None


# An attention line follows the addressee's name by this many rows at most ("Muster GmbH / Einkauf / z. Hd. ...").
ATTENTION_AFTER_NAME = 2


def _addressee_tokens(page: PageLayout) -> set[int]:
    """The tokens (ids) of the address blocks on the page that hold an attention line ("z. Hd. Frau Özdemir"):
    the column of that line and of the rows just above it starting where it starts, the addressee's name."""
    found: set[int] = set()
    rows = page.rows
    for i, row in enumerate(rows):
        for column in _columns(row, page):
            if not ATTENTION.match(column.text):
                continue
            block, prev = [column], column
            for above in reversed(rows[max(0, i - ATTENTION_AFTER_NAME) : i]):
                cell = next((c for c in _columns(above, page) if abs(c.x0 - column.x0) <= 0.05), None)
                if cell is None or prev.y0 - cell.y1 > BLOCK_GAP * page.line_height:
                    break
                block.append(cell)
                prev = cell
                if LEGAL_FORM.search(cell.text):
                    break  # the addressee's name; a row above it is the return address
            found.update(id(t) for r in block for t in r.tokens)
    return found


# A cell of a legal form's words alone ("GmbH", "& Co.", "KG"): the end of a name cut at wide word spaces.
_FORM_PART = re.compile(
    r"^(?:&|co\.?|kg|mbh|gmbh|ag|ohg|e\.\s?k\.|&\s*co\.?|co\.?\s*kg|gmbh\s*&\s*co\.?(?:\s*kg)?)$", re.I
)


# A name wrapped in a narrow column ("Studio Nordlicht" over "GmbH") continues on the next row this close below.
WRAP_GAP = 1.0  # line heights between the rows
WRAP_INDENT = 0.01  # page widths the two rows' starts may differ


def _wrapped_name(page: PageLayout, form: Span, others: set[int]) -> Span | None:
    """The name whose legal form `form` is the whole of a row's cell: with the cell of the row just above that
    starts where it starts (a name wrapped in a sidebar or narrow letterhead), not another party's (`others`:
    token ids); None when there is none."""
    above = [r for r in page.rows if r.y1 <= form.box[1] and form.box[1] - r.y1 <= WRAP_GAP * page.line_height]
    prev = max(above, key=lambda r: r.y1, default=None)
    for cell in _cells(prev, page) if prev is not None else ():
        if (
            abs(cell.box[0] - form.box[0]) <= WRAP_INDENT
            and _may_be_name(cell.text)
            and not LEGAL_FORM.search(cell.text)
            and not any(id(t) in others for t in cell.tokens)
        ):
            return Span(f"{cell.text} {form.text}", (*cell.tokens, *form.tokens))
    return None


def _may_be_name(text: str) -> bool:
    """Whether a cell may be (part of) a company's name: no address, label or number ("Tel. 0154 ...", "Datum:")."""
    return not (_is_address(text) or re.search(r"[\d:@]", text))


def _whole_name(cells: list[Span], k: int) -> Span:
    """The name whose legal form is cell `k`: with the cells before it back to the row's start or to an address,
    a label or a number, and the legal form's other parts after it ("GmbH", "& Co.", "KG")."""
    first = k
    while first > 0 and _may_be_name(cells[first - 1].text):
        first -= 1
    last = k
    while last + 1 < len(cells) and _FORM_PART.match(cells[last + 1].text):
        last += 1
    tokens = tuple(t for c in cells[first : last + 1] for t in c.tokens)
    return Span(" ".join(c.text for c in cells[first : last + 1]), tokens)


# A company name is shorter than this; after it, its sentence goes on with a separator or the capital and seat.
NAME_CHARS = 60
# What goes on after a footer's name: a separator (a middle dot read ":" between spaces), a seat, a capital.
_AFTER_NAME = re.compile(r"\s*(?:[–—\-·•|,;(]|au capital\b|mit Sitz\b|Sitz\b|registered\b)|\s+:\s", re.I)
# A footer sentence's legal form: German and English ones, and the French and Dutch ones in capitals only
# ("Termine n.V." is "nach Vereinbarung").
_FOOTER_NAME = re.compile(rf"{LEGAL_FORM.pattern}|(?<![\w])(?-i:SAS|SASU|EURL|N\.V\.)(?![\w])", re.I)
# Not the seller's name: a bank's (the footer's bank line), or one after a label ("Inhaber: …", "Bank: …").
_NOT_SELLER = re.compile(r"bank\b|sparkasse|volksbank|raiffeisen|:", re.I)


def _name_before(cell: Span, end: int) -> Span | None:
    """The cell's words up to character `end` (a legal form's end) when they are a name that its sentence goes
    on after, else None."""
    head = cell.text[:end]
    if len(head) >= NAME_CHARS or _is_address(head) or _NOT_SELLER.search(head):
        return None
    if not _AFTER_NAME.match(cell.text[end:]):
        return None
    tokens, length = [], -1
    for token in cell.tokens:
        if length >= end:
            break
        tokens.append(token)
        length += len(token.text) + 1
    return Span(" ".join(t.text for t in tokens), tuple(tokens)) if length == end else None


def _first_and_last(layout: DocumentLayout) -> tuple[PageLayout, ...]:
    """The pages a letterhead and a footer stand on: the first and the last (one page: once)."""
    return (layout.pages[0], layout.pages[-1]) if len(layout.pages) > 1 else (layout.pages[0],)


def _cells(row: Row, page: PageLayout) -> list[Span]:
    """The row cut at column gaps (CELL_GAP) and before contact details ("Tel.", "Phone", "E-Mail")."""
    cells = []
    for g in column_groups(row, page):
        text = " ".join(t.text for t in g)
        m = _CONTACT.search(text)
        if m:
            text = text[: m.start()]
            g = g[: len(text.split())]
        if g and text.strip():
            cells.append(Span(text, tuple(g)))
    return cells


# Where an account holder's name ends: the transfer's reference, the bank details, a separator.
_HOLDER_END = re.compile(
    r"\s+(?:o\.\s?v\.\s?v\.|onder\s+vermelding|stating|quoting|mentioning|en\s+indiquant|unter\s+Angabe|"
    r"IBAN|BIC|SWIFT|Bank\b|Banque\b)|\s*[·•|,;(]|\s+[–—-]\s|\.?\s*$",
    re.I,
)


_COMMA = re.compile(r",\s*")


def _from_account_holder(layout: DocumentLayout) -> SellerInfo | None:
    """The payee account's holder named with the bank details ("... over te maken op NL91 ... t.n.v. Sanne de
    Vries o.v.v. factuurnummer 2024-03", "Kontoinhaber: Petra Lindemann"): the seller whose letterhead names
    neither a legal form nor a sender line, as freelancers' invoices do."""
    for page in layout.pages:
        for i, row in enumerate(page.rows):
            after = page.rows[i + 1].text if i + 1 < len(page.rows) else ""
            m = ACCOUNT_HOLDER.search(f"{row.text} {after}")  # the label or the name wrapped to the next line
            if m is None or m.start() >= len(row.text):
                continue
            start = m.end()
            if start > len(row.text):
                row, start = page.rows[i + 1], start - len(row.text) - 1
            end = _HOLDER_END.search(row.text, start)
            stop = end.start() if end else start
            comma = _COMMA.match(row.text, stop)
            form = LEGAL_FORM.match(row.text, comma.end()) if comma else None
            if form:
                stop = form.end()  # "Tasklane, Inc."
            name = row.text[start:stop]
            if not (2 < len(name) < NAME_CHARS) or not name[0].isupper() or re.search(r"\d|:", name):
                continue
            return SellerInfo(Span(name, tuple(row.tokens_in(start, stop))), None)
    return None


def seller_info(layout: DocumentLayout, blocks: list[Block]) -> SellerInfo | None:
    info = next((found for block in blocks if block.party == SELLER and (found := _from_block(block))), None)
    info = (info or _from_sender_line(layout, blocks=blocks) or _from_sender_line(layout, footer=True)
            or _from_account_holder(layout) or _from_legal_form(layout, blocks))  # fmt: skip
    if info is not None:
        info = SellerInfo(_as_letterhead_names(layout, info.name), info.address)
    if info is None or not layout.pages[0].recognised:
        return info
    return SellerInfo(clearest_reading(layout, info.name), info.address)


# An office a person holds, printed before the name in a sender line or a footer ("Notarin Dr. Birgit Maurer",
# "Rechtsanwalt Jan Ott"): the letterhead names the person on a line of its own, the office above or below it.
_OFFICE = re.compile(
    r"^(?:Notar(?:in)?|Rechtsanw(?:alt|ältin)|Patentanw(?:alt|ältin)|Steuerberater(?:in)?|Wirtschaftsprüfer(?:in)?"
    r"|Avocat|Notaire|Advocaat|Notaris)\s+(?=\S)",
    re.I,
)


def _as_letterhead_names(layout: DocumentLayout, name: Span) -> Span:
    """`name` without the office before it, where the first page prints the name without it on a line of its
    own (a cell of a row, to the column gap); else `name` as it is."""
    office = _OFFICE.match(name.text)
    if office is None:
        return name
    bare = name.text[office.end() :]
    page = layout.pages[0]
    for row in page.rows:
        for cell in _cells(row, page):
            if cell.text != name.text and fuzz.ratio(cell.text, bare) >= SAME_NAME_RATIO:
                return cell
    return name


def clearest_reading(layout: DocumentLayout, name: Span) -> Span:
    """The seller's name as read where it was read best.

    A name is printed more than once: the letterhead, the small sender line above the address, the footer.
    Small print reads worse ("Schröter Elektrotechnik GmbH" in the sender line under a letterhead's
    "Schröder Elektrotechnik GmbH"). Among the cells of the first and last page that hold the same name,
    with as many words and a few characters' difference at most, the one the engine was surest of wins.
    """
    best, best_conf = name, name.confidence
    for page in _first_and_last(layout):
        for row in page.rows:
            for cell in _cells(row, page):
                if len(cell.tokens) != len(name.tokens) or cell.text == name.text:
                    continue
                conf = cell.confidence
                if (conf >= CLEAR_READING and conf > best_conf + CLEARER_BY
                        and fuzz.ratio(cell.text, name.text) >= SAME_NAME_RATIO):  # fmt: skip
                    best, best_conf = cell, conf
    return best
