"""Six more invoice layout families, modelled on real producers' invoices, designed blind (session 13).

They were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and
dispatches to `draw_more(name, seed)`. Each family draws its own page(s) with the shared
drawing layer and printers and returns a `Drawing`, from which `Drawing.truth()` makes the
truth in the format of the other families (keys only for values printed on the page):

- `telekom_rechnung`: a telecom bill: overview box first, the amount in a shaded box, many
  account numbers (customer, booking and contract account), a billing period, a masked
  customer IBAN for the direct debit, a creditor id, a four-column 6.5 pt footer.
- `saas_en`: an English software-as-a-service invoice of a German GmbH ("€1,234.56"),
  "Date of issue", "Amount due", subscription periods under the items, the customer's VAT id.
- `zwei_seiten`: two pages, the item table carried over the page break with "Übertrag" sums,
  a small header on page 2, totals and a GiroCode-like QR block on page 2 only.
- `grosshandel_tabelle`: a wholesale invoice in a full grid with discount rows, freight, tax
  codes (A/B) in the table, a VAT table by rate and a framed "Zu zahlender Betrag".
- `handwerker_abschlag`: a craftsman's final invoice with titled positions and title sums,
  earlier partial invoices deducted (net / VAT / gross), labour costs under § 35a EStG; as in
  the `anzahlung` family, the truth's gross is the invoice total before the deductions.
- `energie_abschlag`: a utility's annual electricity or gas bill: account numbers in a right-hand box,
  a meter-reading table (for gas, cubic metres converted to kWh), work and base prices over the billing
  year (split at a price change), electricity or energy tax, 19 % VAT, then the monthly instalments paid
  deducted ("12 x 85,00 €") to a "Nachzahlung" or "Guthaben", and the new instalment; as in `anzahlung`,
  the truth's gross is the bill's total before the instalments are deducted.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Literal, Protocol, TypeVar

import pymupdf

from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    MONTHS_EN,
    InvoiceData,
    LineItem,
    VatLine,
    _invoice_data,
    _items,
    _party,
    _short,
    _vat_id,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, BLACK, FAMILIES, Align, Canvas, Colour, finish
from benchmarks.synth.printed import CurrencyStyle, DateStyle, NumberStyle, Printer

GREY: Colour = (0.4, 0.4, 0.4)
LIGHT: Colour = (0.92, 0.92, 0.92)
WHITE: Colour = (1.0, 1.0, 1.0)
BRANDS: tuple[Colour, ...] = ((0.85, 0.0, 0.45), (0.0, 0.36, 0.62), (0.1, 0.42, 0.3), (0.75, 0.2, 0.1))
TaxIds = Literal["both", "vat", "stnr", "either"]


# ---------------------------------------------------------------------------
# What a family hands back


def _money(value: Decimal) -> float:
    return float(round_cent(value))


@dataclass(frozen=True)
class Drawing:
    """One drawn invoice: the data it printed, the PDF, its items and VAT lines, and what it printed how."""

    data: InvoiceData
    pdf: bytes
    items: list[LineItem]
    vat_lines: list[VatLine]
    printer: Printer
    tax: dict[str, str]  # ust_id / steuernummer, when printed
    iban: str  # as printed
    pages: int = 1
    service_date: bool = True  # data.service_date printed (when set)
    customer_no: bool = True  # data.customer_no printed (when set)
    order_no: bool = False  # data.order_no printed (when set)

    def truth(self) -> dict:
        d = self.data
        net = sum((v.base for v in self.vat_lines), Decimal(0))
        vat = sum((v.amount for v in self.vat_lines), Decimal(0))
        truth: dict = {
            "rechnungsnummer": d.number,
            "datum": d.date.isoformat(),
            "betrag_netto": _money(net),
            "mwst": _money(vat),
            "betrag_brutto": _money(net + vat),
            "waehrung": "EUR",
            **self.tax,
            "iban": self.iban,
            "bic": str(d.iban.bic),
            "lieferant": d.supplier.name,
            "pages": self.pages,
        }
        if d.service_date and self.service_date:
            truth["leistungsdatum"] = d.service_date.isoformat()
        if d.customer_no and self.customer_no:
            truth["kundennummer"] = d.customer_no
        if d.order_no and self.order_no:
            # The number without the sign before it: "#369013" is order number 369013, as "Nr. 369013" is.
            truth["bestellnummer"] = d.order_no.removeprefix("#")
        return truth


# ---------------------------------------------------------------------------
# Shared pieces: columns, rows, logos, QR blocks, footers, items


@dataclass(frozen=True)
class Col:
    """One table column: its key, heading, edges and alignment."""

    key: str
    head: str
    x0: float
    x1: float
    align: Align

    @property
    def anchor(self) -> float:
        return {"left": self.x0 + 3, "right": self.x1 - 3, "center": (self.x0 + self.x1) / 2}[self.align]

    @property
    def width(self) -> float:
        return self.x1 - self.x0 - 6


def columns(spec: Sequence[tuple[str, str, float, Align]], left: float, right: float) -> list[Col]:
    """Columns from (key, heading, width, align), left to right; the one of width 0 takes the rest."""
    rest = right - left - sum(width for _, _, width, _ in spec)
    cols, x = [], left
    for key, head, width, align in spec:
        w = width or rest
        cols.append(Col(key, head, x, x + w, align))
        x += w
    return cols


def cells(
    c: Canvas,
    cols: Sequence[Col],
    y: float,
    values: dict[str, str],
    size: float,
    *,
    bold: bool = False,
    colour: Colour = BLACK,
) -> None:
    """The values of one row (keys missing from `values` stay empty), each fitted into its column."""
    for col in cols:
        if values.get(col.key):
            c.fit_text(
                col.anchor, y, values[col.key], size, col.width, bold=bold, align=col.align, colour=colour
            )


def grid_lines(c: Canvas, cols: Sequence[Col], y0: float, y1: float, width: float = 0.4) -> None:
    """The vertical lines of a gridded table between y0 and y1."""
    for x in sorted({col.x0 for col in cols} | {cols[-1].x1}):
        c.line(x, y0, x, y1, width=width)


def label_rows(
    c: Canvas,
    rows: Sequence[tuple[str, str]],
    x_label: float,
    x_value: float,
    y: float,
    size: float,
    step: float,
    *,
    value_align: Align = "left",
    label_colour: Colour = BLACK,
    bold_values: bool = False,
) -> float:
    """Label and value pairs in two columns; returns the baseline after the last row."""
    for label, value in rows:
        c.text(x_label, y, label, size, colour=label_colour)
        c.text(x_value, y, value, size, align=value_align, bold=bold_values)
        y += step
    return y


def logo(c: Canvas, shape: str, x: float, y: float, size: float, colour: Colour, letters: str) -> None:
    """A filled logo shape (square, circle, diamond or house) with its top left at (x, y), letters inside."""
    page = c.page
    if shape == "circle":
        page.draw_circle((x + size / 2, y + size / 2), size / 2, color=None, fill=colour)
    elif shape == "diamond":
        h = size / 2
        points = [(x + h, y), (x + size, y + h), (x + h, y + size), (x, y + h)]
        page.draw_polyline(points, color=None, fill=colour, closePath=True)
    elif shape == "house":
        points = [(x, y + size * 0.45), (x + size / 2, y), (x + size, y + size * 0.45), (x + size, y + size),
                  (x, y + size)]  # fmt: skip
        page.draw_polyline(points, color=None, fill=colour, closePath=True)
    else:
        c.box(x, y, x + size, y + size, fill=colour, stroke=None)
    baseline = y + size * (0.78 if shape == "house" else 0.66)
    c.text(x + size / 2, baseline, letters, size * 0.42, bold=True, align="center", colour=WHITE)


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split()[:2] if w[0].isalpha()).upper() or name[0]


def qr_block(c: Canvas, rng: random.Random, x: float, y: float, size: float, modules: int = 25) -> None:
    """A QR-code-like square: three finder patterns and seeded dark modules."""
    m = size / modules

    def dark(i: int, j: int) -> None:
        c.box(x + i * m, y + j * m, x + (i + 1) * m, y + (j + 1) * m, fill=BLACK, stroke=None)

    finders = ((0, 0), (modules - 7, 0), (0, modules - 7))
    for fx, fy in finders:
        c.box(x + fx * m, y + fy * m, x + (fx + 7) * m, y + (fy + 7) * m, fill=BLACK, stroke=None)
        c.box(x + (fx + 1) * m, y + (fy + 1) * m, x + (fx + 6) * m, y + (fy + 6) * m, fill=WHITE, stroke=None)
        c.box(x + (fx + 2) * m, y + (fy + 2) * m, x + (fx + 5) * m, y + (fy + 5) * m, fill=BLACK, stroke=None)
    for i in range(modules):
        for j in range(modules):
            in_finder = any(fx - 1 <= i <= fx + 7 and fy - 1 <= j <= fy + 7 for fx, fy in finders)
            if not in_finder and rng.random() < 0.5:
                dark(i, j)


def footer_columns(
    c: Canvas, columns_: Sequence[Sequence[str]], top: float, left: float, right: float, size: float
) -> None:
    """Footer text in equal columns below a thin rule at `top`."""
    c.line(left, top, right, top, width=0.4, colour=GREY)
    width = (right - left) / len(columns_)
    for i, lines in enumerate(columns_):
        for j, line in enumerate(lines):
            c.fit_text(left + i * width, top + 10 + j * size * 1.35, line, size, width - 6, min_size=5.5)


def pick_items(
    rng: random.Random,
    catalog: Sequence[tuple[str, str, float, float, Sequence[float]]],
    rate: int,
    count: int,
    *,
    article: Callable[[random.Random], str] = lambda rng: "",
) -> list[LineItem]:
    """`count` distinct catalog entries (description, unit, least price, most price, quantities) at `rate`."""
    items = []
    for desc, unit, lo, hi, quantities in rng.sample(list(catalog), count):
        qty = Decimal(str(rng.choice(quantities)))
        price = round_cent(Decimal(str(rng.uniform(lo, hi))))
        items.append(LineItem(desc, article(rng), qty, unit, price, rate))
    return items


def month_before(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last day of the month before `day`."""
    last = day.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


def creditor_id(rng: random.Random) -> str:
    """A German SEPA creditor identifier (DEkkZZZ0nnnnnnnnnn) with valid ISO 7064 check digits."""
    national = "0" + "".join(str(rng.randint(0, 9)) for _ in range(10))
    digits = "".join(str(int(ch, 36)) for ch in national + "DE00")
    return f"DE{98 - int(digits) % 97:02d}ZZZ{national}"


_Q1: tuple[float, ...] = (1,)
_FEW: tuple[float, ...] = (1, 2, 3, 4, 5, 6, 8, 10, 12, 20)
_HOURS: tuple[float, ...] = tuple(n / 2 for n in range(4, 61))


# ---------------------------------------------------------------------------
# The sheet a family draws on


class Sheet:
    """The document of one invoice: pages, font, printer, and the identifiers it prints."""

    LEFT = 56.0
    RIGHT = A4.width - 50.0
    FONTS: tuple[str, ...] = ("dejavu-sans", "liberation-sans")
    NUMBERS: tuple[NumberStyle, ...] = ("de",)
    CURRENCY: tuple[CurrencyStyle, ...] = ("sign_after",)
    DATES: tuple[DateStyle, ...] = ("dotted",)
    IDS: TaxIds = "either"
    GROUPED = 0.6  # how often the IBAN is printed in groups of four

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.rng, self.data = rng, data
        self.font = FAMILIES[rng.choice(self.FONTS)]
        self.p = Printer(rng.choice(self.NUMBERS), rng.choice(self.CURRENCY), rng.choice(self.DATES))
        self.grouped = rng.random() < self.GROUPED
        ids = rng.choice(("both", "vat", "stnr")) if self.IDS == "either" else self.IDS
        self.ids = "both" if ids == "stnr" and not data.tax_no else ids
        self.tax: dict[str, str] = {}
        self.doc = pymupdf.open()
        self.c = self.new_page()

    def new_page(self) -> Canvas:
        return Canvas(self.doc.new_page(width=A4.width, height=A4.height), self.font)

    @property
    def iban(self) -> str:
        return self.data.iban_printed_as(self.grouped)

    def bank_name(self) -> str:
        iban = self.data.iban
        return iban.bank_name if len(iban.bank_name) <= 40 else iban.bank_short_name

    def tax_ids(self, vat_label: str = "USt-IdNr.", tax_label: str = "Steuernummer") -> list[str]:
        """The supplier's identifiers as printed lines; records them for the truth."""
        d, ids = self.data, self.ids
        lines = []
        if ids in ("both", "vat"):
            self.tax["ust_id"] = d.vat_id
            lines.append(f"{vat_label} {d.vat_id_printed}")
        if ids in ("both", "stnr") and d.tax_no:
            self.tax["steuernummer"] = d.tax_no
            lines.append(f"{tax_label} {d.tax_no}")
        return lines

    def address(self, y: float, size: float = 10.0, *, sender_line: bool = True, country: str = "") -> float:
        """The window address from baseline `y`; returns the baseline after it."""
        c, s, r = self.c, self.data.supplier, self.data.customer
        if sender_line:
            c.text(self.LEFT, y, f"{s.name} · {s.street} · {s.city_line}", 6.5, colour=GREY)
            y += 16
        for line in (r.name, r.contact, r.street, r.city_line, country):
            if line:
                c.text(self.LEFT, y, line, size)
                y += size * 1.3
        return y

    def draw(self) -> Drawing:
        raise NotImplementedError

    def finish(
        self,
        items: list[LineItem],
        title: str,
        *,
        pages: int = 1,
        service_date: bool = True,
        customer_no: bool = True,
        order_no: bool = False,
    ) -> Drawing:
        """Serialise the document; the flags say which optional truth values the invoice printed."""
        d = self.data
        pdf = finish(self.doc, title=f"{title} {d.number}", author=d.supplier.name)
        vat_lines = vat_breakdown(items)
        return Drawing(
            d, pdf, items, vat_lines, self.p, self.tax, self.iban, pages, service_date, customer_no, order_no
        )


def _renamed(rng: random.Random, data: InvoiceData, names: Sequence[str], mail: str) -> InvoiceData:
    """The data with a supplier of the family's trade (same address, so the Steuernummer still fits)."""
    name = rng.choice(names)
    supplier = dataclasses.replace(data.supplier, name=name)
    return dataclasses.replace(data, supplier=supplier, email=f"{mail}@{_short(name)}.de")


# ---------------------------------------------------------------------------
# telekom_rechnung

_TELCOS = (
    "Glasfaser Nordhöhe GmbH", "NetzWelle Kommunikation GmbH", "Überland Telekommunikation AG",
    "Breitband Rhein-Main Süd GmbH", "KabelKöpfe Medien GmbH", "Stadtnetz Mühlhausen GmbH",
)  # fmt: skip
_TARIFFS = ("FestnetzFlat L", "Glasfaser 500", "Internet Komfort 250", "Business Connect M", "Kombi XL")
# Per section of the bill: (description, unit, least price, most price, quantities).
_TELCO_ITEMS: dict[str, tuple[tuple[str, str, float, float, Sequence[float]], ...]] = {
    "Monatliche Beträge": (
        ("Grundpreis {tariff}", "Monat", 19.95, 59.95, _Q1),
        ("Miete Router Heimnetz Pro", "Monat", 4.95, 6.95, _Q1),
        ("Option TV Plus HD", "Monat", 5.0, 15.0, _Q1),
        ("Mobilfunk-Zusatzkarte", "Monat", 4.95, 9.95, _Q1),
        ("Feste IP-Adresse", "Monat", 5.0, 10.0, _Q1),
    ),
    "Verbindungen": (
        ("Verbindungen in dt. Mobilfunknetze", "Min.", 0.09, 0.19, tuple(range(5, 240))),
        ("Verbindungen ins Ausland", "Min.", 0.12, 0.99, tuple(range(3, 90))),
        ("Servicerufnummern (0180)", "Min.", 0.14, 0.42, tuple(range(2, 60))),
    ),
    "Einmalige Beträge": (
        ("Bereitstellungspreis Anschluss", "einmalig", 29.95, 69.95, _Q1),
        ("Versand Hardware", "einmalig", 4.95, 9.95, _Q1),
    ),
    "Gutschriften": (
        ("Kombi-Vorteil", "Monat", -10.0, -2.0, _Q1),
        ("Gutschrift Störung vom {outage}", "einmalig", -15.0, -2.0, _Q1),
    ),
}


class Telekom(Sheet):
    FONTS = ("liberation-sans", "dejavu-sans-condensed", "dejavu-sans")
    CURRENCY = ("sign_after", "code_after")
    DATES = ("dotted",)
    IDS = "vat"
    GROUPED = 1.0

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        data = _renamed(rng, data, _TELCOS, "rechnung")
        data = dataclasses.replace(
            data, number=str(rng.randint(10**11, 10**12 - 1)), customer_no=str(rng.randint(10**9, 10**10 - 1))
        )
        super().__init__(rng, data)
        self.brand = rng.choice(BRANDS)
        self.start, self.end = month_before(data.date)

    def sections(self) -> dict[str, list[LineItem]]:
        rng, tariff = self.rng, self.rng.choice(_TARIFFS)
        outage = self.p.date(self.start + dt.timedelta(days=rng.randint(0, 20)))
        counts = {"Monatliche Beträge": rng.randint(0, 2), "Verbindungen": rng.randint(0, 2),
                  "Einmalige Beträge": rng.choice((0, 0, 1)), "Gutschriften": rng.choice((0, 1))}  # fmt: skip
        sections = {}
        for name, count in counts.items():
            catalog = _TELCO_ITEMS[name]
            if name == "Monatliche Beträge":  # the base price always comes, and outweighs any credit
                items = pick_items(rng, catalog[:1], 19, 1) + pick_items(rng, catalog[1:], 19, count)
            else:
                items = pick_items(rng, catalog, 19, count)
            if items:
                sections[name] = [
                    dataclasses.replace(i, description=i.description.format(tariff=tariff, outage=outage))
                    for i in items
                ]
        return sections

    def header(self) -> None:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        logo(c, "square", L, 36, 38, self.brand, initials(d.supplier.name))
        c.fit_text(L + 48, 54, d.supplier.name, 12, 260, bold=True)
        c.text(L + 48, 66, "Internet · Telefon · TV", 7.5, colour=GREY)
        for i, line in enumerate((f"Kundenservice {d.phone}", d.email, f"www.{_short(d.supplier.name)}.de")):
            c.text(R, 48 + 10 * i, line, 7.5, align="right", colour=GREY)

    def info(self) -> None:
        d, x = self.data, 360.0
        rows = [
            ("Datum", self.p.date(d.date)),
            ("Kundennummer", d.customer_no),
            ("Rechnungsnummer", d.number),
            ("Buchungskonto", str(self.rng.randint(10**9, 10**10 - 1))),
        ]
        if self.rng.random() < 0.6:
            rows.append(("Vertragskonto", f"{self.rng.randint(10**11, 10**12 - 1)}"))
        rows.append(("Seite", "1 von 1"))
        label_rows(self.c, rows, x, self.RIGHT, 140, 8.5, 13, value_align="right", label_colour=GREY)

    def amount_box(self, gross: Decimal, y: float) -> None:
        c, R = self.c, self.RIGHT
        c.box(360, y, R, y + 50, fill=(0.93, 0.93, 0.96), stroke=self.brand, width=1.0)
        c.text(368, y + 14, "Rechnungsbetrag", 9, bold=True)
        c.text(R - 8, y + 33, self.p.amount(gross), 16, bold=True, align="right")
        c.text(368, y + 45, f"fällig am {self.p.date(self.data.due_date)}", 7.5, colour=GREY)

    def bar(self, y: float, title: str, *, note: str = "") -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 16, fill=self.brand, stroke=None)
        c.text(L + 6, y + 11.5, title, 9.5, bold=True, colour=WHITE)
        if note:
            c.text(R - 6, y + 11.5, note, 7.5, align="right", colour=WHITE)
        return y + 30

    def overview(self, y: float, sections: dict[str, list[LineItem]], vat: VatLine) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        top = y
        y = self.bar(y, "Ihre Rechnung im Überblick", note="Beträge in Euro")
        for name, items in sections.items():
            c.text(L + 8, y, name, 9)
            c.text(R - 8, y, p.number(sum((i.total for i in items), Decimal(0))), 9, align="right")
            y += 13
        c.line(L + 8, y - 8, R - 8, y - 8, width=0.4)
        for label, value in (("Summe netto", vat.base), (f"zzgl. {vat.rate} % USt", vat.amount)):
            y += 3
            c.text(L + 8, y, label, 9)
            c.text(R - 8, y, p.number(value), 9, align="right")
            y += 13
        c.box(L + 4, y - 10, R - 4, y + 6, fill=LIGHT, stroke=None)
        c.text(L + 8, y + 2, "Rechnungsbetrag brutto", 9.5, bold=True)
        c.text(R - 8, y + 2, p.amount(vat.base + vat.amount), 9.5, bold=True, align="right")
        c.box(L, top, R, y + 10, stroke=self.brand, width=0.8)
        return y + 26

    def details(self, y: float, sections: dict[str, list[LineItem]]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        y = self.bar(y, "Beträge im Einzelnen", note="netto in Euro")
        period = f"{self.start:%d.%m.} - {self.end:%d.%m.%Y}"
        for name, items in sections.items():
            c.text(L + 8, y, name, 9, bold=True)
            y += 13
            for item in items:
                c.fit_text(L + 16, y, item.description, 8.5, 250)
                if item.unit == "Min.":
                    note = f"{p.quantity(item.quantity)} Min. à {p.number(item.unit_price)}"
                else:
                    note = period if item.unit == "Monat" else ""
                c.text(330, y, note, 8, colour=GREY)
                c.text(R - 8, y, p.number(item.total), 8.5, align="right")
                y += 12
            y += 4
        return y

    def payment(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        if rng.random() < 0.6:
            masked = (
                f"DE{rng.randint(10, 99)} **** **** **** **{rng.randint(10, 99)} {rng.randint(1000, 9999)}"
            )
            texts = [
                f"Den Rechnungsbetrag von {p.amount(gross)} buchen wir frühestens am {p.date(d.due_date)} "
                "von Ihrem Konto ab:",
                f"IBAN {masked} · Gläubiger-ID {creditor_id(rng)} · Mandatsreferenz "
                f"{d.customer_no}-{rng.randint(1, 9)}",
            ]
        else:
            texts = [
                f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} unter Angabe Ihrer "
                "Kundennummer auf das unten genannte Konto."
            ]
        texts.append("Ihre Rechnung finden Sie auch online im Kundencenter.")
        for text in texts:
            y = self.c.paragraph(self.LEFT, y, text, self.RIGHT - self.LEFT, 8.5) + 2
        return y

    def footer(self) -> float:
        d, s = self.data, self.data.supplier
        top = A4.height - 70
        cols = (
            [s.name, s.street, s.city_line, f"Sitz der Gesellschaft: {s.city}"],
            [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführung: {d.ceo}", *self.tax_ids()],
            ["Bankverbindung", self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
            ["Kundenservice", d.phone, d.email],
        )
        footer_columns(self.c, cols, top, self.LEFT, self.RIGHT, self.rng.choice((6.5, 7.0)))
        return top

    def draw(self) -> Drawing:
        sections = self.sections()
        items = [i for group in sections.values() for i in group]
        (vat,) = vat_breakdown(items)
        gross = vat.base + vat.amount
        self.header()
        self.address(130, 9.5)
        self.info()
        c, month = self.c, f"{MONTHS_DE[self.start.month - 1]} {self.start.year}"
        c.text(self.LEFT, 258, f"Ihre Rechnung für {month}", 14, bold=True)
        c.text(self.LEFT, 274, f"Abrechnungszeitraum {self.p.date(self.start)} - {self.p.date(self.end)}", 9)
        self.amount_box(gross, 240)
        y = c.paragraph(self.LEFT, 306, "Guten Tag, hier ist Ihre aktuelle Rechnung.", 300, 9.5) + 6
        y = self.overview(y, sections, vat)
        y = self.details(y, sections)
        y = self.payment(y + 4, gross)
        assert y < self.footer() - 4, "telekom_rechnung: page overflow"
        return self.finish(items, "Rechnung", service_date=False)


# ---------------------------------------------------------------------------
# saas_en

_SAAS = (
    "Wolkenwerk Software GmbH", "Datenfluss Cloud GmbH", "Kontorlösungen Digital GmbH",
    "Schreibtisch Systems GmbH", "Lötkolben Labs GmbH", "Brückenschlag Software GmbH",
)  # fmt: skip
_SAAS_ITEMS: tuple[tuple[str, str, float, float, Sequence[float]], ...] = (
    ("{plan} plan (per seat)", "seat", 8, 49, tuple(range(1, 61))),
    ("Additional storage, 100 GB", "unit", 4, 12, tuple(range(1, 11))),
    ("Premium support", "month", 99, 499, _Q1),
    ("API requests above quota (per 10,000)", "unit", 0.5, 2.5, tuple(range(3, 400))),
    ("Onboarding workshop (remote)", "session", 350, 1200, _Q1),
    ("SSO / SAML add-on", "month", 49, 199, _Q1),
)


class SaasEn(Sheet):
    FONTS = ("liberation-sans", "dejavu-sans")
    NUMBERS = ("en",)
    CURRENCY = ("sign_tight",)
    DATES = ("en_us", "en_long")
    IDS = "vat"
    GROUPED = 0.8

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        data = _renamed(rng, data, _SAAS, "billing")
        n = rng.randint(1, 99999)
        number = rng.choice(
            (f"INV-{data.date.year}-{n:06d}", f"{rng.randint(0x10000000, 0xFFFFFFFF):X}-{n % 1000:04d}")
        )
        super().__init__(rng, dataclasses.replace(data, number=number))
        self.brand = rng.choice(BRANDS)

    def short_date(self, day: dt.date) -> str:
        return f"{MONTHS_EN[day.month - 1][:3]} {day.day}, {day.year}"

    def period(self) -> str:
        start = self.data.date
        month = start.month % 12 + 1
        year = start.year + (start.month == 12)
        end = dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1])) - dt.timedelta(days=1)
        return f"{self.short_date(start)} – {self.short_date(end)}"

    def head(self) -> float:
        c, d, L, R, p = self.c, self.data, self.LEFT, self.RIGHT, self.p
        c.text(L, 72, "Invoice", 22, bold=True)
        logo(c, "circle", R - 36, 44, 36, self.brand, initials(d.supplier.name)[:1])
        rows = [
            ("Invoice number", d.number),
            ("Date of issue", p.date(d.date)),
            ("Date due", p.date(d.due_date)),
        ]
        return label_rows(c, rows, L, L + 100, 104, 9, 13, bold_values=True)

    def parties(self, y: float) -> float:
        c, d, s, r, L = self.c, self.data, self.data.supplier, self.data.customer, self.LEFT
        left = [s.name, s.street, s.city_line, "Germany", d.email, d.phone]
        right = ["Bill to", r.name, r.contact, r.street, r.city_line, "Germany"]
        if self.rng.random() < 0.5:
            right.append(f"VAT ID {_vat_id(self.rng)}")  # the customer's
        for x, lines in ((L, left), (L + 200, right)):
            yy = y
            for i, line in enumerate(line for line in lines if line):
                c.fit_text(x, yy, line, 9, 190, bold=i == 0 and x == L or line == "Bill to")
                yy += 12
        return y + 12 * max(len(left), len(right))

    def table(self, y: float, items: list[LineItem]) -> float:
        c, p = self.c, self.p
        spec = [("desc", "Description", 0, "left"), ("qty", "Qty", 50, "right"),
                ("price", "Unit price", 80, "right"), ("rate", "Tax", 45, "right"),
                ("total", "Amount", 85, "right")]  # fmt: skip
        cols = columns(spec, self.LEFT - 3, self.RIGHT + 3)
        cells(c, cols, y, {col.key: col.head for col in cols}, 8.5, colour=GREY)
        c.line(self.LEFT, y + 5, self.RIGHT, y + 5, width=0.6)
        y += 20
        period = self.period()
        for item in items:
            values = {"desc": item.description, "qty": p.quantity(item.quantity),
                      "price": p.amount(item.unit_price), "rate": f"{item.rate}%", "total": p.amount(item.total)}  # fmt: skip
            cells(c, cols, y, values, 9.5)
            if item.unit in ("seat", "month"):
                y += 11
                c.text(self.LEFT, y, period, 8, colour=GREY)
            y += 9
            c.line(self.LEFT, y, self.RIGHT, y, width=0.3, colour=(0.8, 0.8, 0.8))
            y += 13
        return y

    def totals(self, y: float, vat: VatLine) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        x = R - 250
        gross = vat.base + vat.amount
        rows = [
            ("Subtotal", vat.base, False),
            ("Total excluding tax", vat.base, False),
            (f"VAT - Germany ({vat.rate}% on {p.amount(vat.base)})", vat.amount, False),
            ("Total", gross, False),
            ("Amount due", gross, True),
        ]
        for label, value, bold in rows:
            c.line(x, y - 11, R, y - 11, width=0.3, colour=(0.8, 0.8, 0.8))
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
            y += 18
        return y

    def footer(self, gross: Decimal) -> float:
        c, d, s, p, L, R = self.c, self.data, self.data.supplier, self.p, self.LEFT, self.RIGHT
        top = A4.height - 92
        c.line(L, top, R, top, width=0.4, colour=GREY)
        lines = [
            f"{s.name} · {s.street} · {s.city_line} · Germany",
            f"Managing director: {d.ceo} · Register court: Amtsgericht {s.city}, {d.register}",
            " · ".join(self.tax_ids("VAT ID", "Tax number")),
            f"Bank transfer: {self.bank_name()} · IBAN {self.iban} · BIC {d.iban.bic}",
        ]
        for i, line in enumerate(lines):
            c.fit_text(L, top + 12 + 9.5 * i, line, 7, R - L, colour=GREY)
        c.text(
            L, A4.height - 34, f"{d.number} · {p.amount(gross)} due {p.date(d.due_date)}", 7.5, colour=GREY
        )
        c.text(R, A4.height - 34, "Page 1 of 1", 7.5, align="right", colour=GREY)
        return top

    def draw(self) -> Drawing:
        rng, c, p = self.rng, self.c, self.p
        plan = rng.choice(("Team", "Business", "Growth", "Pro"))
        items = pick_items(rng, _SAAS_ITEMS, 19, rng.randint(1, 4))
        items = [dataclasses.replace(i, description=i.description.format(plan=plan)) for i in items]
        (vat,) = vat_breakdown(items)
        gross = vat.base + vat.amount
        y = self.parties(self.head() + 26)
        y += 22
        c.text(self.LEFT, y, f"{p.amount(gross)} due {p.date(self.data.due_date)}", 15, bold=True)
        link = f"https://pay.{_short(self.data.supplier.name)}.de/i/{rng.randint(10**9, 10**10 - 1)}"
        c.text(self.LEFT, y + 16, f"Pay online: {link}", 8.5, colour=(0.1, 0.3, 0.8))
        y = self.table(y + 48, items)
        y = self.totals(y + 10, vat)
        note = "All amounts in EUR. Thank you for your business! Questions? Write to us at " + self.data.email
        y = c.paragraph(self.LEFT, y + 8, note, self.RIGHT - self.LEFT, 8.5)
        assert y < self.footer(gross) - 4, "saas_en: page overflow"
        return self.finish(items, "Invoice", service_date=False, customer_no=False)


# ---------------------------------------------------------------------------
# zwei_seiten


class ZweiSeiten(Sheet):
    FONTS = ("dejavu-serif", "liberation-serif", "liberation-sans")
    NUMBERS = ("de",)
    CURRENCY = ("code_after", "sign_after")
    DATES = ("de_long", "dotted")
    ROW = 14.5
    FOOT = A4.height - 86
    SPEC: tuple[tuple[str, str, float, Align], ...] = (
        ("pos", "Pos.", 28, "left"), ("art", "Art.-Nr.", 58, "left"), ("desc", "Bezeichnung", 0, "left"),
        ("qty", "Menge", 40, "right"), ("unit", "ME", 38, "left"), ("price", "Einzelpreis", 66, "right"),
        ("rate", "USt", 34, "right"), ("total", "Gesamtpreis", 72, "right"),
    )  # fmt: skip

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        super().__init__(rng, data)
        self.cols = columns(self.SPEC, self.LEFT, self.RIGHT)
        self.size = 8.5

    def letterhead(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        logo(c, "diamond", L, 34, 40, (0.25, 0.25, 0.3), initials(s.name))
        c.fit_text(L + 50, 58, s.name, 15, 280, bold=True)
        c.line(L + 50, 65, L + 330, 65, width=1.2, colour=(0.25, 0.25, 0.3))
        for i, line in enumerate((s.street, s.city_line, f"Tel. {d.phone}", d.email)):
            c.text(R, 42 + 10 * i, line, 7.5, align="right")

    def info(self) -> None:
        d, p, c = self.data, self.p, self.c
        rows = [("Rechnungs-Nr.", d.number), ("Rechnungsdatum", p.date(d.date))]
        if d.customer_no:
            rows.append(("Kunden-Nr.", d.customer_no))
        if d.service_date:
            rows.append(("Lieferdatum", p.date(d.service_date)))
        rows.append(("Seite", "1 von 2"))
        c.box(350, 128, self.RIGHT, 134 + 13 * len(rows), width=0.5)
        label_rows(c, rows, 356, self.RIGHT - 6, 141, 8.5, 13, value_align="right")

    def table_head(self, y: float) -> float:
        self.c.box(self.LEFT, y, self.RIGHT, y + 16, fill=LIGHT, stroke=None)
        cells(self.c, self.cols, y + 11, {col.key: col.head for col in self.cols}, self.size, bold=True)
        return y + 16

    def carry(self, y: float, running: Decimal, *, bottom: bool) -> float:
        c, total = self.c, self.cols[-1]
        c.line(total.x0 - 160, y, self.RIGHT, y, width=0.8)
        label = "Übertrag" if bottom else "Übertrag von Seite 1"
        c.text(total.x0 - 6, y + 11, label, self.size, bold=True, align="right")
        c.text(total.anchor, y + 11, self.p.number(running), self.size, bold=True, align="right")
        if bottom:
            c.line(total.x0 - 160, y + 15, self.RIGHT, y + 15, width=0.8)
        return y + 18

    def rows(self, y: float, items: list[LineItem], first: int) -> float:
        c, p = self.c, self.p
        for n, item in enumerate(items, first):
            values = {"pos": str(n), "art": item.article, "desc": item.description,
                      "qty": p.quantity(item.quantity), "unit": item.unit, "price": p.number(item.unit_price),
                      "rate": f"{item.rate} %", "total": p.number(item.total)}  # fmt: skip
            cells(c, self.cols, y + self.ROW - 4, values, self.size)
            y += self.ROW
            c.line(self.LEFT, y, self.RIGHT, y, width=0.3, colour=(0.75, 0.75, 0.75))
        return y

    def footer(self, page_no: int) -> None:
        d, s, c = self.data, self.data.supplier, self.c
        c.text(self.RIGHT, self.FOOT - 6, f"Seite {page_no} von 2", 7.5, align="right")
        cols = (
            [s.name, s.street, s.city_line, f"Geschäftsführer: {d.ceo}"],
            [f"Amtsgericht {s.city}, {d.register}", *self.tax_ids()],
            [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
        )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 7)

    def page_two(self, running: Decimal) -> float:
        d, p = self.data, self.p
        self.c = c = self.new_page()
        c.text(self.LEFT, 46, d.supplier.name, 8, bold=True)
        c.text(
            self.RIGHT, 46, f"Rechnung Nr. {d.number} vom {p.date(d.date)} · Seite 2 von 2", 8, align="right"
        )
        c.line(self.LEFT, 52, self.RIGHT, 52, width=0.5)
        return self.carry(self.table_head(70), running, bottom=False)

    def totals(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        net = sum((v.base for v in vat_lines), Decimal(0))
        rows = [("Warenwert netto", net, False)]
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        rows += [(f"zzgl. USt {v.rate} % auf {p.number(v.base)}", v.amount, False) for v in vat_lines]
        if len(vat_lines) > 1:
            rows.append(("Umsatzsteuer gesamt", vat, False))
        rows.append(("Rechnungsbetrag", net + vat, True))
        y += 8
        for label, value, bold in rows:
            y += 14
            if bold:
                c.line(R - 240, y - 10, R, y - 10, width=0.6)
            c.text(R - 240, y, label, 9, bold=bold)
            c.text(R, y, p.amount(value), 9, bold=bold, align="right")
        c.line(R - 240, y + 4, R, y + 4, width=0.6)
        c.line(R - 240, y + 6, R, y + 6, width=0.6)
        return y + 22

    def closing(self, y: float) -> float:
        c, d, p = self.c, self.data, self.p
        text = (
            f"Bitte überweisen Sie den Rechnungsbetrag ohne Abzug bis zum {p.date(d.due_date)} unter Angabe der "
            "Rechnungsnummer. Bequem bezahlen: scannen Sie den GiroCode mit Ihrer Banking-App."
        )
        end = c.paragraph(self.LEFT, y + 10, text, 330, 9)
        qr_block(c, self.rng, self.RIGHT - 70, y, 70)
        c.text(self.RIGHT - 35, y + 80, "GiroCode", 7, align="center", colour=GREY)
        return max(end, y + 84)

    def draw(self) -> Drawing:
        rng, c = self.rng, self.c
        self.letterhead()
        self.address(128)
        self.info()
        c.text(self.LEFT, 248, "Rechnung", 16, bold=True)
        intro = "Sehr geehrte Damen und Herren, wir danken für Ihren Auftrag und berechnen Ihnen wie folgt:"
        y = self.table_head(c.paragraph(self.LEFT, 270, intro, self.RIGHT - self.LEFT, 9.5) + 2)
        first_page = int((self.FOOT - 40 - y) // self.ROW)
        count = first_page + rng.randint(3, 8)
        items = _items(rng, "de", count, rng.choice(((19, 7), (19,))), True)
        y = self.rows(y, items[:first_page], 1)
        running = sum((i.total for i in items[:first_page]), Decimal(0))
        self.carry(y + 4, running, bottom=True)
        self.footer(1)
        y = self.rows(self.page_two(running), items[first_page:], first_page + 1)
        y = self.closing(self.totals(y, vat_breakdown(items)) + 6)
        self.footer(2)
        assert y < self.FOOT - 20, "zwei_seiten: page overflow"
        return self.finish(items, "Rechnung", pages=2)


# ---------------------------------------------------------------------------
# grosshandel_tabelle

_WHOLESALERS = (
    "Gastro-Großhandel Köhler GmbH", "Großmarkt Nordfriesland Jürgensen KG", "Frischedienst Süd Bäuerle GmbH",
    "Hotel- und Gaststättenbedarf Rühl e.K.", "Großhandel Weißenfels & Co. KG",
)  # fmt: skip
_WHOLESALE_ITEMS: dict[int, tuple[tuple[str, str, float, float, Sequence[float]], ...]] = {
    7: (
        ("Weizenmehl Type 405, 25 kg", "Sack", 12, 19, _FEW),
        ("Tomaten geschält, Dose 2,5 kg", "Dose", 3, 5, _FEW),
        ("Sonnenblumenöl, Kanister 10 l", "Kan.", 18, 32, _FEW),
        ("Kaffee Crema ganze Bohne, 1 kg", "Pkg.", 11, 19, _FEW),
        ("Basmati-Reis, 5 kg", "Sack", 9, 16, _FEW),
        ("Zucker fein, 10 kg", "Sack", 9, 13, _FEW),
        ("Eier Bodenhaltung Gr. M, 180 St.", "Kt.", 28, 45, _FEW),
        ("H-Milch 3,5 %, 12 x 1 l", "Kt.", 10, 16, _FEW),
    ),
    19: (
        ("Mineralwasser medium, Kiste 12 x 0,7 l", "Kiste", 5, 8, _FEW),
        ("Servietten 3-lagig 40 x 40 cm, 1000 St.", "Kt.", 19, 35, _FEW),
        ("Spülmaschinenreiniger, Kanister 10 l", "Kan.", 24, 48, _FEW),
        ("Alufolie 30 cm x 150 m", "Rolle", 9, 16, _FEW),
        ("Einweghandschuhe Nitril Gr. L, 100 St.", "Box", 4, 9, _FEW),
        ("Orangensaft 100 %, 6 x 1 l", "Kiste", 8, 14, _FEW),
        ("Müllbeutel 120 l, 250 St.", "Kt.", 18, 30, _FEW),
    ),
}
_FREIGHT: tuple[tuple[str, str, float, float, Sequence[float]], ...] = (
    ("Versandkosten", "pausch.", 9.9, 49, _Q1),
    ("Fracht- und Verpackungskosten", "pausch.", 12, 59, _Q1),
)
_CODES = {19: "A", 7: "B"}


class GrosshandelTabelle(Sheet):
    FONTS = ("dejavu-sans-condensed", "liberation-sans")
    NUMBERS = ("plain_comma", "de")
    CURRENCY = ("code_after",)
    DATES = ("dotted_short", "dotted")
    IDS = "both"
    GROUPED = 0.3
    SPEC: tuple[tuple[str, str, float, Align], ...] = (
        ("pos", "Pos", 26, "center"), ("art", "Art.-Nr.", 52, "left"), ("desc", "Artikelbezeichnung", 0, "left"),
        ("qty", "Menge", 40, "right"), ("unit", "VE", 40, "left"), ("price", "Preis/VE", 58, "right"),
        ("total", "Betrag", 64, "right"), ("code", "USt", 28, "center"),
    )  # fmt: skip

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        data = _renamed(rng, data, _WHOLESALERS, "buchhaltung")
        if not data.customer_no:
            data = dataclasses.replace(data, customer_no=str(rng.randint(10000, 99999)))
        super().__init__(rng, data)
        self.cols = columns(self.SPEC, self.LEFT, self.RIGHT)
        self.colour = rng.choice(BRANDS[1:])

    def items(self) -> list[tuple[str, LineItem]]:
        """(position, item) rows: goods at both rates, a discount row under some, freight last."""
        rng = self.rng
        goods = [
            i
            for rate, count in ((7, rng.randint(2, 6)), (19, rng.randint(2, 5)))
            for i in pick_items(
                rng, _WHOLESALE_ITEMS[rate], rate, count, article=lambda r: str(r.randint(100000, 999999))
            )
        ]
        rng.shuffle(goods)
        rows: list[tuple[str, LineItem]] = []
        for n, item in enumerate(goods, 1):
            rows.append((str(n), item))
            if rng.random() < 0.4:
                pct = rng.choice((3, 5, 10))
                off = round_cent(item.total * pct / 100)
                rows.append(("", LineItem(f"Rabatt {pct} %", "", Decimal(1), "", -off, item.rate)))
        freight = pick_items(rng, _FREIGHT, 19, 1)[0]
        rows.append((str(len(goods) + 1), freight))
        return rows

    def head(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        c.box(0, 28, c.width, 64, fill=self.colour, stroke=None)
        c.fit_text(L, 52, s.name, 15, 330, bold=True, colour=WHITE)
        c.text(R, 50, "Großhandel für Gastronomie und Gewerbe", 8, align="right", colour=WHITE)
        c.text(L, 78, f"{s.street} · {s.city_line} · Tel. {d.phone} · {d.email}", 7.5, colour=GREY)

    def info(self) -> None:
        c, d, p = self.c, self.data, self.p
        fields = [
            ("Rechnung Nr.", d.number),
            ("Datum", p.date(d.date)),
            ("Kunden-Nr.", d.customer_no),
            ("Lieferschein-Nr.", f"LS{self.rng.randint(100000, 999999)}"),
            ("Ihre Bestellung", d.order_no or self.rng.choice(("telefonisch", "per E-Mail"))),
            ("Lieferdatum", p.date(d.service_date) if d.service_date else "wie Rechnungsdatum"),
        ]
        x0, y0, w, h = 330.0, 112.0, (self.RIGHT - 330) / 2, 26.0
        for i, (label, value) in enumerate(fields):
            x, y = x0 + (i % 2) * w, y0 + (i // 2) * h
            c.box(x, y, x + w, y + h, width=0.5)
            c.text(x + 4, y + 9, label, 6.5, colour=GREY)
            c.fit_text(x + 4, y + 21, value, 9.5, w - 8, bold=i < 2)

    def table(self, y: float, rows: list[tuple[str, LineItem]]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        top = y
        c.box(L, y, R, y + 16, fill=LIGHT, width=0.5)
        cells(c, self.cols, y + 11, {col.key: col.head for col in self.cols}, 8, bold=True)
        y += 16
        for pos, item in rows:
            if pos:
                values = {"pos": pos, "art": item.article, "desc": item.description,
                          "qty": p.quantity(item.quantity), "unit": item.unit, "price": p.number(item.unit_price),
                          "total": p.number(item.total), "code": _CODES[item.rate]}  # fmt: skip
                cells(c, self.cols, y + 11, values, 8.5)
            else:
                values = {
                    "desc": f"   {item.description}",
                    "total": p.number(item.total),
                    "code": _CODES[item.rate],
                }
                cells(c, self.cols, y + 11, values, 8, colour=GREY)
            y += 15
            c.line(L, y, R, y, width=0.4)
        c.box(L, top, R, y, width=0.6)
        grid_lines(c, self.cols, top, y)
        return y

    def vat_table(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p = self.c, self.p
        spec = [("code", "Kz.", 28, "center"), ("rate", "USt-Satz", 52, "right"), ("net", "Netto", 70, "right"),
                ("vat", "USt", 62, "right"), ("gross", "Brutto", 72, "right")]  # fmt: skip
        cols = columns(spec, self.LEFT, self.LEFT + 284)
        top = y
        c.box(self.LEFT, y, cols[-1].x1, y + 15, fill=LIGHT, width=0.5)
        cells(c, cols, y + 10.5, {col.key: col.head for col in cols}, 8, bold=True)
        y += 15
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        rows = [({"code": _CODES[v.rate], "rate": f"{v.rate} %", "net": p.number(v.base), "vat": p.number(v.amount),
                  "gross": p.number(v.base + v.amount)}, False) for v in vat_lines]  # fmt: skip
        rows.append(
            (
                {"rate": "Summe", "net": p.number(net), "vat": p.number(vat), "gross": p.number(net + vat)},
                True,
            )
        )
        for values, bold in rows:
            cells(c, cols, y + 10.5, values, 8.5, bold=bold)
            y += 15
            c.line(self.LEFT, y, cols[-1].x1, y, width=0.4)
        c.box(self.LEFT, top, cols[-1].x1, y, width=0.6)
        grid_lines(c, cols, top, y)
        return y

    def due_box(self, y: float, gross: Decimal) -> None:
        c, R = self.c, self.RIGHT
        c.box(R - 190, y, R, y + 40, stroke=BLACK, fill=(0.96, 0.96, 0.9), width=1.2)
        c.text(R - 182, y + 14, "Zu zahlender Betrag", 9, bold=True)
        c.text(R - 8, y + 32, self.p.amount(gross), 13, bold=True, align="right")

    def footer(self) -> float:
        d, s = self.data, self.data.supplier
        top = A4.height - 74
        cols = (
            [s.name, s.street, s.city_line, f"Geschäftsführer: {d.ceo}"],
            [f"Registergericht {s.city} {d.register}", *self.tax_ids()],
            [f"Bank: {self.bank_name()}", f"IBAN: {self.iban}", f"BIC: {d.iban.bic}"],
        )
        footer_columns(self.c, cols, top, self.LEFT, self.RIGHT, 7)
        return top

    def draw(self) -> Drawing:
        c, d, p = self.c, self.data, self.p
        rows = self.items()
        items = [item for _, item in rows]
        vat_lines = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat_lines), Decimal(0))
        self.head()
        self.address(118, 9.5)
        self.info()
        c.text(self.LEFT, 216, "RECHNUNG", 14, bold=True)
        c.text(self.RIGHT, 216, "Seite 1/1", 8, align="right")
        y = self.table(226, rows)
        c.text(self.LEFT, y + 12, "USt-Kennzeichen: A = 19 %, B = 7 %", 7, colour=GREY)
        self.due_box(y + 22, gross)
        y = self.vat_table(y + 22, vat_lines)
        terms = (
            f"Zahlbar bis {p.date(d.due_date)} ohne Abzug. Die Ware bleibt bis zur vollständigen Bezahlung unser "
            "Eigentum. Es gelten unsere Allgemeinen Geschäftsbedingungen."
        )
        y = c.paragraph(self.LEFT, y + 18, terms, self.RIGHT - self.LEFT, 8.5)
        assert y < self.footer() - 4, "grosshandel_tabelle: page overflow"
        return self.finish(items, "Rechnung", order_no=True)


# ---------------------------------------------------------------------------
# handwerker_abschlag

_CRAFTSMEN = (
    "Sanitär & Heizung Brückner GmbH", "Heizungsbau Öztürk e.K.", "Haustechnik Schäfer GmbH & Co. KG",
    "Wärme & Wasser Görres GmbH", "Installateurmeister Jürgen Köhler",
)  # fmt: skip
# Titles of the bill of quantities, each with its positions (the first position of a title always comes).
_WORKS: tuple[tuple[str, tuple[tuple[str, str, float, float, Sequence[float]], ...]], ...] = (
    ("Demontage und Vorarbeiten", (
        ("Baustelleneinrichtung, An- und Abtransport", "psch", 90, 250, _Q1),
        ("Altanlage demontieren und fachgerecht entsorgen", "psch", 180, 650, _Q1),
        ("Boden abdecken, Schutzfolie verlegen", "m²", 2.5, 6, tuple(range(10, 60))),
    )),
    ("Installation", (
        ("Gas-Brennwerttherme liefern und montieren", "Stk", 2800, 5200, _Q1),
        ("Kupferrohr 15 mm verlegen inkl. Formteile", "m", 18, 34, tuple(range(6, 40))),
        ("Heizkörper Typ 22, 600 x 1000 mm, tauschen", "Stk", 240, 420, (1, 2, 3, 4, 5, 6)),
        ("Monteurstunden Geselle", "Std", 58, 72, _HOURS),
        ("Helferstunden", "Std", 42, 52, _HOURS),
    )),
    ("Inbetriebnahme", (
        ("Inbetriebnahme und Einweisung des Betreibers", "psch", 120, 280, _Q1),
        ("Dichtheitsprüfung mit Protokoll", "psch", 80, 160, _Q1),
        ("Anfahrtspauschale", "Anf.", 25, 45, (1, 2, 3, 4, 5, 6)),
    )),
)  # fmt: skip
_LABOUR_UNITS = ("Std", "Anf.")


class HandwerkerAbschlag(Sheet):
    FONTS = ("liberation-serif", "dejavu-sans", "liberation-sans")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after",)
    DATES = ("dotted",)
    IDS = "stnr"
    SPEC: tuple[tuple[str, str, float, Align], ...] = (
        ("pos", "Pos.", 46, "left"), ("desc", "Leistung", 0, "left"), ("qty", "Menge", 46, "right"),
        ("unit", "ME", 34, "left"), ("price", "EP €", 66, "right"), ("total", "GP €", 74, "right"),
    )  # fmt: skip

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        data = _renamed(rng, data, _CRAFTSMEN, "info")
        if not data.service_date:
            data = dataclasses.replace(data, service_date=data.date - dt.timedelta(days=rng.randint(2, 20)))
        super().__init__(rng, data)
        self.cols = columns(self.SPEC, self.LEFT, self.RIGHT)
        self.brand = rng.choice(BRANDS)
        self.number_in_title = rng.random() < 0.5

    def works(self) -> list[tuple[str, list[LineItem]]]:
        rng, titled = self.rng, []
        for (title, catalog), most in zip(_WORKS, (2, 4, 2), strict=True):
            extra = pick_items(rng, catalog[1:], 19, rng.randint(1, most))
            titled.append((title, pick_items(rng, catalog[:1], 19, 1) + extra))
        return titled

    def head(self) -> float:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        c.fit_text(L, 58, s.name, 17, 360, bold=True)
        c.text(L, 72, "Meisterbetrieb · Heizung · Sanitär · Solar · Kundendienst", 8.5, colour=self.brand)
        logo(c, "house", R - 52, 30, 52, self.brand, initials(s.name))
        c.text(L, 94, f"{s.street} · {s.city_line} · Tel. {d.phone} · {d.email}", 8)
        c.line(L, 99, R, 99, width=0.6, colour=self.brand)
        return 140

    def info(self) -> None:
        d, p = self.data, self.p
        rows = [] if self.number_in_title else [("Rechnungs-Nr.:", d.number)]
        rows.append(("Datum:", p.date(d.date)))
        if d.customer_no:
            rows.append(("Kunden-Nr.:", d.customer_no))
        y = 150.0
        for label, value in rows:
            self.c.text(450, y, label, 9, align="right")
            self.c.text(456, y, value, 9)
            y += 13

    def subject(self, y: float) -> float:
        c, d, p, rng = self.c, self.data, self.p, self.rng
        title = f"Schlussrechnung Nr. {d.number}" if self.number_in_title else "Schlussrechnung"
        c.text(self.LEFT, y, title, 14, bold=True)
        site = _party(rng, (d.customer.name,), False)
        offer = d.date - dt.timedelta(days=rng.randint(60, 120))
        rows = [
            ("Bauvorhaben:", f"Heizungserneuerung, {site.street}, {site.city_line}"),
            ("Auftrag:", f"unser Angebot Nr. A-{rng.randint(1000, 9999)} vom {p.date(offer)}"),
            ("Fertigstellung/Abnahme:", p.date(d.service_date) if d.service_date else ""),
        ]
        return label_rows(c, rows, self.LEFT, self.LEFT + 118, y + 18, 9, 12)

    def table(self, y: float, works: list[tuple[str, list[LineItem]]]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        c.line(L, y, R, y, width=0.8)
        cells(c, self.cols, y + 11, {col.key: col.head for col in self.cols}, 8.5, bold=True)
        y += 15
        c.line(L, y, R, y, width=0.8)
        for t, (title, items) in enumerate(works, 1):
            y += 14
            c.text(L + 3, y, f"{t:02d}", 9, bold=True)
            c.text(self.cols[1].anchor, y, title, 9, bold=True)
            for n, item in enumerate(items, 1):
                y += 13
                values = {"pos": f"{t:02d}.{n * 10:03d}", "desc": item.description,
                          "qty": p.quantity(item.quantity), "unit": item.unit, "price": p.number(item.unit_price),
                          "total": p.number(item.total)}  # fmt: skip
                cells(c, self.cols, y, values, 8.5)
            y += 14
            subtotal = sum((i.total for i in items), Decimal(0))
            c.text(self.cols[-1].x0 - 6, y, f"Summe Titel {t:02d} {title}", 8.5, align="right", colour=GREY)
            c.text(self.cols[-1].anchor, y, p.number(subtotal), 8.5, align="right", colour=GREY)
            c.line(self.cols[-1].x0 + 10, y - 9, R, y - 9, width=0.3)
        return y + 6

    def deductions(self, net: Decimal) -> list[tuple[str, dt.date, Decimal]]:
        """Earlier partial invoices: number, date, net (round hundreds), the oldest first."""
        rng, d = self.rng, self.data
        count = 1 if net < 6000 else rng.choice((1, 2))
        share = Decimal(rng.randint(30, 70)) / 100 / count
        step = Decimal(100)
        base = ((net * share) / step).to_integral_value(rounding=ROUND_FLOOR) * step
        start = rng.randint(1, 60)
        prefix = rng.choice(("AR-", "A", ""))
        return [
            (f"{prefix}{d.date.year}-{start + k * rng.randint(3, 9):03d}",
             d.date - dt.timedelta(days=30 * (count - k) + rng.randint(0, 9)), max(base, step))
            for k in range(count)
        ]  # fmt: skip

    def totals(self, y: float, vat: VatLine) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        gross = vat.base + vat.amount
        rows = [("Summe netto", vat.base, False), (f"zzgl. {vat.rate} % MwSt.", vat.amount, False),
                ("Gesamtbetrag brutto", gross, True)]  # fmt: skip
        for label, value, bold in rows:
            y += 14
            c.text(R - 260, y, label, 9.5, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        c.line(R - 260, y + 4, R, y + 4, width=0.6)
        return y + 8

    def deducted(self, y: float, vat: VatLine) -> tuple[float, Decimal]:
        """The deduction table (net, VAT, gross per partial invoice); returns the baseline and what is left."""
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        xs = (R - 150, R - 78, R)
        y += 18
        c.text(L, y, "abzüglich Abschlagsrechnungen:", 9, bold=True)
        for head, x in zip(("netto", "USt", "brutto"), xs, strict=True):
            c.text(x, y, head, 7.5, align="right", colour=GREY)
        paid = Decimal(0)
        for k, (number, day, net) in enumerate(self.deductions(vat.base), 1):
            tax = round_cent(net * vat.rate / 100)
            paid += net + tax
            y += 13
            c.fit_text(L, y, f"{k}. Abschlagsrechnung Nr. {number} vom {p.date(day)}", 9, xs[0] - L - 62)
            for value, x in zip((-net, -tax, -(net + tax)), xs, strict=True):
                c.text(x, y, p.number(value), 9, align="right")
        rest = vat.base + vat.amount - paid
        c.line(R - 260, y + 5, R, y + 5, width=0.6)
        y += 18
        c.text(R - 260, y, "Noch zu zahlen", 10.5, bold=True)
        c.text(R, y, p.amount(rest), 10.5, bold=True, align="right")
        c.line(R - 260, y + 4, R, y + 4, width=0.6)
        c.line(R - 260, y + 6, R, y + 6, width=0.6)
        return y + 8, rest

    def closing(self, y: float, labour: Decimal, rest: Decimal) -> float:
        c, p, d, width = self.c, self.p, self.data, self.RIGHT - self.LEFT
        texts = []
        if labour and self.rng.random() < 0.7:
            texts.append(
                f"Im Rechnungsbetrag enthaltene Arbeitskosten nach § 35a EStG: {p.amount(labour)} netto."
            )
        texts.append(
            f"Bitte überweisen Sie den Restbetrag von {p.amount(rest)} bis zum {p.date(d.due_date)}."
        )
        texts.append(
            "Die Gewährleistungsfrist beginnt mit dem Tag der Abnahme. Vielen Dank für Ihren Auftrag!"
        )
        for text in texts:
            y = c.paragraph(self.LEFT, y + 4, text, width, 9)
        return y

    def footer(self) -> float:
        c, d, s = self.c, self.data, self.data.supplier
        top = A4.height - 60
        c.line(self.LEFT, top, self.RIGHT, top, width=0.4, colour=GREY)
        lines = (
            f"{s.name} · Inhaber/Geschäftsführer: {d.ceo} · {s.street} · {s.city_line}",
            " · ".join(self.tax_ids("USt-IdNr.:", "St.-Nr.:")),
            f"{self.bank_name()} · IBAN {self.iban} · BIC {d.iban.bic}",
        )
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, top + 11 + 9.5 * i, line, 7, self.RIGHT - self.LEFT, align="center")
        return top

    def draw(self) -> Drawing:
        works = self.works()
        items = [i for _, group in works for i in group]
        (vat,) = vat_breakdown(items)
        y = self.head()
        self.address(y)
        self.info()
        y = self.subject(252)
        intro = (
            "nach Fertigstellung und Abnahme der Arbeiten berechnen wir Ihnen unsere Leistungen wie folgt:"
        )
        y = self.c.paragraph(
            self.LEFT, y + 6, "Sehr geehrte Damen und Herren, " + intro, self.RIGHT - self.LEFT, 9
        )
        y = self.totals(self.table(y, works), vat)
        y, rest = self.deducted(y, vat)
        labour = sum((i.total for i in items if i.unit in _LABOUR_UNITS), Decimal(0))
        y = self.closing(y + 10, labour, rest)
        assert y < self.footer() - 4, "handwerker_abschlag: page overflow"
        return self.finish(items, "Schlussrechnung")


# ---------------------------------------------------------------------------
# energie_abschlag

_UTILITIES = (
    "Überlandwerk Süd Energie AG", "NordStrom Energievertrieb GmbH", "Energieversorgung Rhön-Grabfeld GmbH",
    "Gemeindewerke Öhringen GmbH", "EnergieDienst Mittelweser GmbH",
)  # fmt: skip
# Per energy: (title word, tariffs, work price ct/kWh range, base price €/month range, tax name, tax ct/kWh).
_ENERGIES: dict[str, tuple[str, tuple[str, ...], tuple[float, float], tuple[float, float], str, str]] = {
    "strom": ("Strom", ("Strom Basis", "Ökostrom Natur 24", "Strom Fix 12", "Grundversorgung Strom"),
              (24.0, 42.0), (8.5, 17.9), "Stromsteuer", "2.05"),
    "gas": ("Gas", ("Erdgas Klassik", "Gas Fix 24", "Grundversorgung Gas", "Ökogas Komfort"),
            (6.5, 14.5), (9.0, 19.9), "Energiesteuer", "0.55"),
}  # fmt: skip


def _grouped(value: int) -> str:
    """A whole number with German thousands dots: 13.374."""
    return f"{value:,}".replace(",", ".")


def _decimal(value: Decimal, places: int) -> str:
    """A decimal with a comma and `places` places: 0,9641."""
    return f"{value:.{places}f}".replace(".", ",")


class EnergieAbschlag(Sheet):
    """A utility's annual bill: meter readings, prices per period, energy tax, instalments deducted."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted",)
    IDS = "both"
    GROUPED = 1.0
    SPEC: tuple[tuple[str, str, float, Align], ...] = (
        ("desc", "Preisbestandteil", 0, "left"), ("period", "Zeitraum", 124, "left"),
        ("qty", "Menge", 70, "right"), ("price", "Preis", 84, "right"), ("total", "Betrag netto", 72, "right"),
    )  # fmt: skip
    METER: tuple[tuple[str, str, float, Align], ...] = (
        ("meter", "Zählernummer", 0, "left"), ("from", "Ablesung alt", 70, "center"),
        ("old", "Stand alt", 56, "right"), ("to", "Ablesung neu", 74, "center"),
        ("new", "Stand neu", 58, "right"), ("how", "Ablesegrund", 86, "left"),
        ("use", "Verbrauch", 64, "right"),
    )  # fmt: skip

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        city = data.supplier.city
        data = _renamed(
            rng, data, (*_UTILITIES, f"Stadtwerke {city} GmbH", f"Energie {city} AG"), "kundenservice"
        )
        self.year = data.date.year - 1  # the bill covers the previous calendar year
        self.kind = rng.choice(("strom", "gas"))
        if self.kind == "gas" and self.year in (2022, 2023):  # gas bore 7 % VAT then; this family prints 19 %
            self.kind = "strom"
        day = dt.date(self.year, 12, 31) + dt.timedelta(days=rng.randint(8, 45))
        data = dataclasses.replace(
            data,
            number=str(rng.randint(10**11, 10**12 - 1)),
            date=day,
            due_date=day + dt.timedelta(days=14),
            customer_no=str(rng.randint(10**9, 10**10 - 1)),
        )
        super().__init__(rng, data)
        self.brand = rng.choice(BRANDS)
        self.account = f"{rng.choice((2, 3, 8))}{rng.randint(10**10, 10**11 - 1)}"
        self.debit = rng.random() < 0.6
        self.start, self.end = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)

    # -- what was used and what it costs

    def consumption(self) -> tuple[int, dict[str, str], str]:
        """kWh used, the meter table row, and for gas the conversion from cubic metres to kWh."""
        rng, p = self.rng, self.p
        meter = (
            rng.choice(("1ESY", "1EMH", "1ITF", "1LGZ"))
            if self.kind == "strom"
            else rng.choice(("7ELS", "8ITR"))
        )
        meter += f"{rng.randint(10**9, 10**10 - 1)}"
        reading_day = self.end - dt.timedelta(days=rng.randint(0, 3))
        row = {"meter": meter, "from": p.date(self.start - dt.timedelta(days=rng.randint(0, 3))),
               "to": p.date(reading_day),
               "how": rng.choice(("Kundenablesung", "Ablesung Netzbetreiber", "Fernablesung"))}  # fmt: skip
        if self.kind == "strom":
            kwh = rng.randint(1200, 6500)
            read = kwh
            note = ""
        else:
            read = rng.randint(600, 2600)
            z = Decimal(rng.randint(9400, 9800)) / 10000
            hs = Decimal(rng.randint(10800, 11600)) / 1000
            kwh = int((read * z * hs).to_integral_value())
            note = (f"Umrechnung: {_grouped(read)} m³ x Zustandszahl {_decimal(z, 4)} x Brennwert "
                    f"{_decimal(hs, 3)} kWh/m³ = {_grouped(kwh)} kWh")  # fmt: skip
        old = rng.randint(1000, 90000)
        unit = "kWh" if self.kind == "strom" else "m³"
        row.update(old=_grouped(old), new=_grouped(old + read), use=f"{_grouped(read)} {unit}")
        return kwh, row, note

    def prices(self, kwh: int) -> list[tuple[str, LineItem]]:
        """(period as printed, item) rows: work and base price, split at a price change, then the energy tax."""
        rng, p = self.rng, self.p
        _, _, (lo, hi), (base_lo, base_hi), tax_name, tax_ct = _ENERGIES[self.kind]
        work = Decimal(str(round(rng.uniform(lo, hi), 2)))
        base = round_cent(Decimal(str(rng.uniform(base_lo, base_hi))))
        spans = [(self.start, self.end, work, base)]
        if rng.random() < 0.35:  # a price change at the start of a month
            cut = dt.date(self.year, rng.randint(4, 10), 1)
            factor = Decimal(rng.choice((88, 92, 95, 105, 108, 112))) / 100
            spans = [(self.start, cut - dt.timedelta(days=1), work, base),
                     (cut, self.end, round_cent(work * factor), round_cent(base * factor))]  # fmt: skip
        days = (self.end - self.start).days + 1
        rows, left = [], kwh
        for k, (start, end, ct, month_price) in enumerate(spans):
            share = left if k == len(spans) - 1 else round(kwh * ((end - start).days + 1) / days)
            left -= share
            period = f"{p.date(start)} - {p.date(end)}"
            months = end.month - start.month + 1
            rows.append((period, LineItem("Arbeitspreis", "", Decimal(share), "kWh", ct / 100, 19)))
            rows.append((period, LineItem("Grundpreis", "", Decimal(months), "Monat", month_price, 19)))
        rows.sort(key=lambda row: row[1].description != "Arbeitspreis")
        if rng.random() < 0.5:
            fee = round_cent(Decimal(str(rng.uniform(18, 32))))
            rows.append((f"{p.date(self.start)} - {p.date(self.end)}",
                         LineItem("Entgelt Messstellenbetrieb", "", Decimal(1), "Jahr", fee, 19)))  # fmt: skip
        rows.append(("", LineItem(tax_name, "", Decimal(kwh), "kWh", Decimal(tax_ct) / 100, 19)))
        return rows

    def price_cells(self, period: str, item: LineItem) -> dict[str, str]:
        p = self.p
        if item.unit == "kWh":
            qty, price = f"{_grouped(int(item.quantity))} kWh", f"{p.number(item.unit_price * 100)} ct/kWh"
        elif item.unit == "Monat":
            months = int(item.quantity)
            qty, price = f"{months} Monat{'e' if months > 1 else ''}", f"{p.number(item.unit_price)} €/Monat"
        else:
            qty, price = "1 Jahr", f"{p.number(item.unit_price)} €/Jahr"
        return {"desc": item.description, "period": period, "qty": qty, "price": price,
                "total": p.number(item.total)}  # fmt: skip

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        logo(c, "circle", L, 34, 40, self.brand, initials(s.name))
        c.fit_text(L + 50, 52, s.name, 13, 270, bold=True, colour=self.brand)
        c.text(L + 50, 65, "Strom · Erdgas · Wärme · Wasser", 8, colour=GREY)
        for i, line in enumerate((s.street, s.city_line, f"Service {d.phone}", d.email)):
            c.text(R, 42 + 10 * i, line, 7.5, align="right", colour=GREY)

    def info(self) -> None:
        c, d, R = self.c, self.data, self.RIGHT
        rows = [
            ("Kundennummer", d.customer_no),
            ("Vertragskonto", self.account),
            ("Rechnungsnummer", d.number),
            ("Rechnungsdatum", self.p.date(d.date)),
        ]
        c.box(345, 118, R, 126 + 14 * len(rows), width=0.6, stroke=self.brand)
        label_rows(c, rows, 352, R - 7, 132, 8.5, 14, value_align="right", label_colour=GREY)

    def heading(self, y: float, title: str) -> float:
        c = self.c
        c.text(self.LEFT, y, title, 10.5, bold=True, colour=self.brand)
        c.line(self.LEFT, y + 4, self.RIGHT, y + 4, width=0.8, colour=self.brand)
        return y + 16

    def meter_table(self, y: float, row: dict[str, str], note: str) -> float:
        c = self.c
        cols = columns(self.METER, self.LEFT, self.RIGHT)
        cells(c, cols, y, {col.key: col.head for col in cols}, 7.5, colour=GREY)
        y += 14
        cells(c, cols, y, row, 8.5)
        if note:
            y += 13
            c.text(self.LEFT + 3, y, note, 8, colour=GREY)
        return y + 8

    def price_table(self, y: float, rows: list[tuple[str, LineItem]]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        cols = columns(self.SPEC, L, R)
        c.box(L, y - 10, R, y + 4, fill=LIGHT, stroke=None)
        cells(c, cols, y, {col.key: col.head for col in cols}, 8, bold=True)
        y += 4
        for period, item in rows:
            y += 14
            cells(c, cols, y, self.price_cells(period, item), 8.5)
        c.line(L, y + 5, R, y + 5, width=0.4)
        return y + 5

    def totals(self, y: float, vat: VatLine) -> tuple[float, Decimal]:
        """The totals, the instalments paid deducted; returns the baseline and the balance (+ to pay)."""
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        gross = vat.base + vat.amount
        count = rng.choice((12, 12, 12, 11))
        instalment = Decimal(max(5, int(gross / count * Decimal(rng.uniform(0.85, 1.15))) // 5 * 5))
        paid = instalment * count
        if paid == gross:
            paid += count
            instalment += 1
        rest = gross - paid
        x = R - 290
        rows = [
            (rng.choice(("Summe netto", "Nettobetrag")), p.amount(vat.base), False),
            (f"zzgl. {vat.rate} % Umsatzsteuer", p.amount(vat.amount), False),
            (rng.choice(("Rechnungsbetrag brutto", "Gesamtbetrag")), p.amount(gross), True),
            (f"abzüglich geleisteter Abschläge {count} x {p.amount(instalment)}", p.amount(-paid), False),
        ]
        for k, (label, value, bold) in enumerate(rows):
            y += 14
            if bold:
                c.line(x, y - 10, R, y - 10, width=0.5)
            c.fit_text(x, y, label, 9, 210, bold=bold)
            c.text(R, y, value, 9, bold=bold, align="right")
        y += 18
        c.box(x - 4, y - 12, R + 4, y + 5, fill=LIGHT, stroke=None)
        c.text(x, y, "Nachzahlung" if rest > 0 else "Guthaben", 10.5, bold=True)
        c.text(R, y, p.amount(abs(rest)), 10.5, bold=True, align="right")
        return y + 8, rest

    def settlement(self, y: float, rest: Decimal) -> float:
        c, d, p = self.c, self.data, self.p
        if rest > 0 and self.debit:
            text = (f"Den Nachzahlungsbetrag von {p.amount(rest)} buchen wir frühestens am {p.date(d.due_date)} "
                    "von Ihrem Konto ab (SEPA-Lastschrift).")  # fmt: skip
        elif rest > 0:
            text = (f"Bitte überweisen Sie den Nachzahlungsbetrag von {p.amount(rest)} bis zum {p.date(d.due_date)} "
                    f"unter Angabe Ihrer Vertragskontonummer {self.account}.")  # fmt: skip
        else:
            text = (f"Ihr Guthaben von {p.amount(-rest)} erstatten wir Ihnen in den nächsten Tagen auf Ihr "
                    "Bankkonto.")  # fmt: skip
        return c.paragraph(self.LEFT, y, text, self.RIGHT - self.LEFT, 9)

    def new_instalment(self, y: float, gross: Decimal) -> float:
        c, d, p, L, R = self.c, self.data, self.p, self.LEFT, self.RIGHT
        start = (d.date.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        amount = (gross / 12).to_integral_value(rounding=ROUND_CEILING)  # whole euros, rounded up
        c.box(L, y, R, y + 44, stroke=self.brand, width=1.0)
        c.text(L + 10, y + 17, f"Ihr neuer Abschlag ab {p.date(start)}: {p.amount(amount)}", 11, bold=True)
        how = "per Lastschrift von Ihrem Konto" if self.debit else "per Überweisung"
        c.fit_text(L + 10, y + 33, f"Fällig jeweils zum 15. des Monats, {how}. Den Abschlag können Sie im "
                   "Kundenportal anpassen.", 8, R - L - 20, colour=GREY)  # fmt: skip
        return y + 44

    def footer(self) -> float:
        d, s = self.data, self.data.supplier
        top = A4.height - 66
        bank = [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"]
        if self.debit:
            bank.append(f"Gläubiger-ID {creditor_id(self.rng)}")
        cols = (
            [s.name, s.street, s.city_line, f"Sitz: {s.city}"],
            [
                "Registergericht:",
                f"Amtsgericht {s.city}, {d.register}",
                f"Geschäftsführung: {d.ceo}",
                *self.tax_ids(),
            ],  # fmt: skip
            bank,
        )
        footer_columns(self.c, cols, top, self.LEFT, self.RIGHT, 7)
        return top

    def draw(self) -> Drawing:
        c, p, d, L = self.c, self.p, self.data, self.LEFT
        word, tariffs, *_ = _ENERGIES[self.kind]
        kwh, meter_row, note = self.consumption()
        rows = self.prices(kwh)
        items = [item for _, item in rows]
        (vat,) = vat_breakdown(items)
        self.header()
        self.address(124, 9.5)
        self.info()
        c.text(L, 236, f"Jahresabrechnung {word} {self.year}", 15, bold=True)
        r = d.customer
        lines = [f"Abrechnungszeitraum {p.date(self.start)} - {p.date(self.end)}",
                 f"Lieferstelle: {r.street}, {r.city_line} · Tarif: {self.rng.choice(tariffs)}"]  # fmt: skip
        for i, line in enumerate(lines):
            c.fit_text(L, 252 + 12 * i, line, 9, self.RIGHT - L)
        y = 252 + 12 * len(lines)
        y = self.meter_table(self.heading(y + 10, "Ihr Verbrauch"), meter_row, note)
        y = self.price_table(self.heading(y + 14, "Ihre Kosten") + 4, rows)
        y, rest = self.totals(y, vat)
        y = self.settlement(y + 16, rest)
        y = self.new_instalment(y + 4, vat.base + vat.amount)
        assert y < self.footer() - 4, "energie_abschlag: page overflow"
        return self.finish(items, f"Jahresabrechnung {word}", service_date=False)


# ---------------------------------------------------------------------------
# Registry

MORE_FAMILIES: dict[str, type[Sheet]] = {
    "telekom_rechnung": Telekom,
    "saas_en": SaasEn,
    "zwei_seiten": ZweiSeiten,
    "grosshandel_tabelle": GrosshandelTabelle,
    "handwerker_abschlag": HandwerkerAbschlag,
    "energie_abschlag": EnergieAbschlag,
}
_LANG = {"saas_en": "en"}


D = TypeVar("D", bound=Drawing, covariant=True)


class _Draws(Protocol[D]):
    def draw(self) -> D: ...


def draw_sheet(
    sheet: Callable[[random.Random, InvoiceData], _Draws[D]], name: str, seed: int, lang: str = "de"
) -> D:
    """One invoice of the family `name`, drawn by its `sheet` class, deterministic for `seed`: the one seeding
    of every module's families (this one's, `families_world`, `_trip`, `_late`, `_last`)."""
    rng = random.Random(f"{name}-{seed}")
    return sheet(rng, _invoice_data(rng, lang)).draw()


def draw_more(name: str, seed: int) -> Drawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(MORE_FAMILIES[name], name, seed, _LANG.get(name, "de"))
