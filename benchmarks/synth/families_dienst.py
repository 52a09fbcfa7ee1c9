"""Two invoice layout families of a temporary-staffing agency and of a building-cleaning company, designed
blind (session 17).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_dienst(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip`, `families_first` and `families_last` and returns a `TripDrawing` (truth
keys only for values printed). Both share one way of laying out a page whose look varies per seed: the
letterhead (logo left, centred, a coloured band, or right-aligned), the invoice details (label and value rows
at the right, a row of framed boxes with the label above the value, or label-above-value pairs in two
columns), the table head (filled, brand-coloured or ruled), the totals (a right-hand block, a framed box, or
a strip of labels above values across the page), fonts, number and date formats.

- `zeitarbeit_wochen`: a German temporary-staffing agency's (Personaldienstleister) invoice to an agency that
  hired its staff (Arbeitnehmerüberlassung), billed by calendar week: per employee and week the name and/or
  personnel number ("Pers.-Nr."), the job and pay group ("Lagerhelfer/in, EG 1"), the week ("KW 14/2024",
  "14. KW 2024", a date range, or both), the time sheet ("Stundennachweis Nr. ..."), then normal hours × the
  hourly rate, on some seeds surcharges (overtime either as a "Überstundenzuschlag 25 %" on the rate or as
  "Mehrarbeit 125 %" hours; night 25 %, Sunday 50 %, holiday 100 %) and on some travel allowances (per day
  or per km). Three table layouts: groups per employee with the weeks inside (employee subtotals with hours
  on some seeds), groups per week with the employees inside (weekly subtotals on some seeds), or one flat
  table with employee, week and kind of hours in columns. The head gives the billing period (weeks or
  dates), the customer number, the customer's cost centre ("Kostenstelle") and order number on some seeds,
  the place of work on some; the total hours on some seeds; "Nettobetrag", "zzgl. 19 % USt.",
  "Rechnungsbetrag" in their variants; a payment term; the AÜG permit ("Erlaubnis zur
  Arbeitnehmerüberlassung ... Bundesagentur für Arbeit ... erteilt am ...") in the footer or the closing text,
  the start of each assignment and the 18-month limit on some seeds; HRB, Geschäftsführer, USt-IdNr. (and
  Steuernummer on some seeds), bank in the footer; further pages when the weeks run long ("Übertrag" on some
  seeds). Truth: the usual keys, `kundennummer` and `bestellnummer` (the customer's order number) where
  printed; no `leistungsdatum` (weeks, not a single date).
- `gebaeudereinigung_monat`: a building-cleaning company's monthly invoice for a maintenance-cleaning
  contract (Unterhaltsreinigung) of an agency's offices: "Leistungszeitraum März 2024" or a date range, the
  object ("Objekt: Büroräume ..., 2. OG", "Objekt-Nr."), the contract ("Vertrag Nr. ... vom ..."), the
  monthly lump sum with its cleaning frequency, extra services that month (window or frame cleaning and
  carpet cleaning by m² × price, a special cleaning after an event on a given day by hours of staff, blinds
  per piece, a kitchen deep-clean lump sum), consumables (paper towels, soap, bin bags by the carton or a
  lump sum), on some seeds a credit for a cleaning that did not take place (negative); 19 % throughout (the
  customer is no cleaning business, so no § 13b reverse charge; a note says so on some seeds); payment by
  transfer within a term or by SEPA direct debit (the customer's masked IBAN, the debit date, "Gläubiger-ID"
  and "Mandatsreferenz"; the company's own IBAN then left out on some seeds); the seller a GmbH (HRB,
  Geschäftsführer, USt-IdNr., Steuernummer on some seeds) or a sole trader ("Inh.", Steuernummer only), a
  guild membership or master craftsman's business on some seeds. Truth: the usual keys, `kundennummer` where
  printed, no `ust_id` for the sole traders, no `iban` / `bic` where the company's account is not printed,
  no `leistungsdatum` (a month of service).

Both keep their dates, and the weeks or months they bill, out of the second half of 2020 (German VAT 16 %
then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_first import FirstSheet
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    Col,
    cells,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
    initials,
    label_rows,
    logo,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import MORE_BRANDS, PALE, RULE
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    InvoiceData,
    LineItem,
    VatLine,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import Printer

# The agencies that receive these invoices.
_AGENCIES = (
    "Werbeagentur Blickwinkel GmbH",
    "Eventagentur Hochform GmbH",
    "Pixelwerk Digitalagentur GmbH",
    "Lichtblick Kommunikation GmbH",
    "Kranich Messe- & Eventservice GmbH",
    "Kreativbüro Nordwind GmbH",
    "Sommer & Roth Markenkommunikation",
    "Agentur Hansen Promotion GmbH",
    "Fuchs & Partner Werbeagentur",
)
_LOWER_VAT_NEARBY = (dt.date(2020, 6, 1), dt.date(2021, 1, 31))


def ordinary(day: dt.date) -> dt.date:
    """`day` a year earlier when it or the month or weeks it bills fall in the second half of 2020."""
    first, last = _LOWER_VAT_NEARBY
    return day.replace(year=2019) if first <= day <= last else day


def hours(value: Decimal) -> str:
    """Hours as a time sheet prints them: 38,50."""
    return f"{value:.2f}".replace(".", ",")


def short_range(a: dt.date, b: dt.date) -> str:
    """01.04.–07.04.2024 (a year between them: 30.12.2024–05.01.2025)."""
    if a.year == b.year:
        return f"{a:%d.%m.}–{b:%d.%m.%Y}"
    return f"{a:%d.%m.%Y}–{b:%d.%m.%Y}"


@dataclass(frozen=True)
class Row:
    """One row of an item table: an item (its cells, grey notes under one column), a group heading or a
    sum."""

    kind: str  # "item", "group" or "sum"
    values: dict[str, str]
    item: LineItem | None = None
    notes: tuple[str, ...] = ()
    note_key: str = "desc"


class DienstSheet(FirstSheet):
    """A service company's invoice whose letterhead, details, table head and totals vary per seed."""

    FOOT = A4.height - 96
    TABLE_SIZE = 8.4

    def look(self) -> None:
        rng = self.rng
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("logo", "centre", "band", "right"))
        self.details = rng.choice(("rows", "boxes", "pairs"))
        self.head_row = rng.choice(("fill", "brand", "ruled"))
        self.total_style = rng.choice(("block", "box", "strip"))
        self.window_y = rng.choice((128.0, 138.0, 146.0))

    # -- the head

    def letterhead(self, tagline: str, contact: Sequence[str]) -> None:
        c, s, L, R = self.c, self.data.supplier, self.LEFT, self.RIGHT
        if self.head == "logo":
            logo(c, self.rng.choice(("square", "circle", "house")), L, 28, 38, self.brand, initials(s.name))
            c.fit_text(L + 48, 48, s.name, 14, 270, bold=True, colour=self.brand)
            c.fit_text(L + 48, 61, tagline, 7.5, 270, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 34 + 9.5 * i, line, 7.3, align="right", colour=GREY)
        elif self.head == "centre":
            mid = (L + R) / 2
            c.fit_text(mid, 46, s.name, 17, R - L, bold=True, align="center")
            c.fit_text(mid, 59, tagline, 8, R - L, align="center", colour=self.brand)
            c.fit_text(mid, 71, " · ".join(contact), 7.2, R - L, align="center", colour=GREY)
            c.line(L, 78, R, 78, width=0.8, colour=self.brand)
        elif self.head == "band":
            c.box(0, 18, c.width, 78, fill=self.brand, stroke=None)
            c.fit_text(L, 47, s.name, 16, 300, bold=True, colour=WHITE)
            c.fit_text(L, 61, tagline, 7.5, 300, colour=WHITE)
            for i, line in enumerate(contact):
                c.text(R, 32 + 9.5 * i, line, 7.3, align="right", colour=WHITE)
        else:
            c.fit_text(R, 44, s.name, 15, 330, bold=True, align="right", colour=self.brand)
            c.fit_text(R, 56, tagline, 7.5, 330, align="right", colour=GREY)
            c.fit_text(R, 68, " · ".join(contact), 7, 400, align="right", colour=GREY)
            c.line(L, 76, R, 76, width=0.4, colour=GREY)

    def details_block(self, rows: Sequence[tuple[str, str]], title: str) -> float:
        """The window address with the invoice details beside or below it, and the title; returns where the
        body starts."""
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        sender = f"{s.name} · {s.street} · {s.city_line}"
        y = self.window(L, self.window_y, [r.name, r.contact, r.street, r.city_line], 10, sender=sender)
        if self.details == "boxes":
            c.text(L, y + 20, title, 15, bold=True)
            return self.boxes(y + 32, rows) + 12
        if self.details == "rows":
            top = label_rows(
                c, rows, 328, R, self.window_y, 8.5, 12.5, value_align="right", label_colour=GREY
            )
        else:
            top = self.pairs(self.window_y - 6, rows)
        y = max(y, top) + 14
        c.text(L, y + 6, title, 15, bold=True)
        return y + 22

    def boxes(self, y: float, rows: Sequence[tuple[str, str]]) -> float:
        """Framed boxes across the page, the label small above the value, four to a line."""
        c, L, R = self.c, self.LEFT, self.RIGHT
        per = 4 if len(rows) > 3 else len(rows)
        width = (R - L) / per
        for i, (label, value) in enumerate(rows):
            x, top = L + (i % per) * width, y + (i // per) * 28
            c.box(x, top, x + width, top + 28, stroke=RULE, width=0.5)
            c.text(x + 4, top + 9, label, 6.8, colour=GREY)
            c.fit_text(x + 4, top + 22, value, 9, width - 8, bold=True)
        return y + 28 * ((len(rows) + per - 1) // per)

    def pairs(self, y: float, rows: Sequence[tuple[str, str]]) -> float:
        """Label-above-value pairs in two columns at the right."""
        c = self.c
        for i, (label, value) in enumerate(rows):
            x, top = 328 + (i % 2) * 118, y + (i // 2) * 23
            c.text(x, top, label, 6.8, colour=GREY)
            c.fit_text(x, top + 10, value, 9, 112, bold=i < 2)
        return y + 23 * ((len(rows) + 1) // 2)

    # -- the table

    def heading(self, y: float, cols: Sequence[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        head = {col.key: col.head for col in cols}
        if self.head_row == "fill":
            c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
            cells(c, cols, y + 11, head, 7.8, bold=True)
        elif self.head_row == "brand":
            c.box(L, y, R, y + 16, fill=self.brand, stroke=None)
            cells(c, cols, y + 11, head, 7.8, bold=True, colour=WHITE)
        else:
            c.line(L, y, R, y, width=0.8)
            cells(c, cols, y + 11, head, 7.8, bold=True)
            c.line(L, y + 16, R, y + 16, width=0.5)
        return y + 16

    def row_height(self, row: Row, cols: Sequence[Col]) -> float:
        size = self.TABLE_SIZE
        if row.kind == "group":
            return 17 + 10 * len(row.notes)
        if row.kind == "sum":
            return 16
        col = next(col for col in cols if col.key == row.note_key)
        desc = next(col for col in cols if col.key == "desc")
        lines = self.c.wrap(row.values.get("desc", ""), desc.width, size)
        notes = [part for note in row.notes for part in self.c.wrap(note, col.width, size - 1.2)]
        return 12 * max(len(lines), 1) + 9 * len(notes) + 4

    def draw_row(self, y: float, row: Row, cols: Sequence[Col]) -> float:
        c, size, L, R = self.c, self.TABLE_SIZE, self.LEFT, self.RIGHT
        if row.kind == "group":
            y += 15
            c.box(L, y - 10, R, y + 3 + 10 * len(row.notes), fill=PALE, stroke=None)
            c.fit_text(L + 3, y, row.values["desc"], size + 0.4, R - L - 6, bold=True)
            for note in row.notes:
                y += 10
                c.fit_text(L + 3, y, note, size - 0.8, R - L - 6, colour=GREY)
            return y + 2
        if row.kind == "sum":
            y += 13
            total = cols[-1]
            c.line(total.x0, y - 10, R, y - 10, width=0.4)
            c.fit_text(total.x0 - 8, y, row.values["desc"], size, total.x0 - L - 10, bold=True, align="right")
            c.text(total.anchor, y, row.values["total"], size, bold=True, align="right")
            return y + 3
        y += 12
        desc = next(col for col in cols if col.key == "desc")
        lines = c.wrap(row.values.get("desc", ""), desc.width, size)
        cells(c, cols, y, {k: v for k, v in row.values.items() if k != "desc"}, size)
        for j, line in enumerate(lines):
            c.text(desc.anchor, y + 12 * j, line, size)
        col = next(col for col in cols if col.key == row.note_key)
        below = y + 12 * (len(lines) - 1) if col.key == "desc" else y
        for note in row.notes:
            for part in c.wrap(note, col.width, size - 1.2):
                below += 9
                c.text(
                    col.anchor if col.align == "left" else col.x0 + 3, below, part, size - 1.2, colour=GREY
                )
        y = max(y + 12 * (len(lines) - 1), below) + 4
        c.line(L, y, R, y, width=0.25, colour=RULE)
        return y

    def table(self, y: float, cols: Sequence[Col], rows: Sequence[Row], carry: bool) -> float:
        """The rows under their column heads, onto further pages when they run long (with the running net sum
        carried over on `carry` seeds)."""
        y = self.heading(y, cols)
        running = Decimal(0)
        for n, row in enumerate(rows):
            keep = row.kind == "group" and n + 1 < len(rows)  # a group heading keeps its first row
            need = self.row_height(row, cols) + (self.row_height(rows[n + 1], cols) if keep else 0)
            if y + need > self.limit - 24:
                if carry:
                    self.carry(y, running)
                y = self.heading(self.next_page(), cols)
                if carry:
                    y = self.carry(y - 4, running)
            y = self.draw_row(y, row, cols)
            if row.item is not None:
                running += row.item.total
        return y

    def carry(self, y: float, running: Decimal) -> float:
        c, R = self.c, self.RIGHT
        c.text(R - 190, y + 14, "Übertrag", self.TABLE_SIZE + 0.4, bold=True)
        c.text(R - 3, y + 14, self.p.amount(running), self.TABLE_SIZE + 0.4, bold=True, align="right")
        return y + 20

    # -- totals and text

    def totals(self, y: float, rows: Sequence[tuple[str, Decimal, bool]]) -> float:
        """The totals (label, amount, the payable one); returns the baseline after them."""
        height = 44 if self.total_style == "strip" else 16 * len(rows) + 16
        if y + height > self.limit:
            y = self.next_page()
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        if self.total_style == "strip":
            width = (R - L) / len(rows)
            top = y + 10
            for i, (label, value, final) in enumerate(rows):
                x = L + i * width
                c.box(x, top, x + width, top + 32, fill=LIGHT if final else None, stroke=GREY, width=0.5)
                c.fit_text(x + width - 5, top + 11, label, 7.2, width - 10, align="right", colour=GREY)
                c.text(x + width - 5, top + 26, p.amount(value), 10, bold=final, align="right")
            return top + 44
        x = R - 245
        if self.total_style == "box":
            c.box(x - 8, y + 6, R + 4, y + 14 + 16 * len(rows), stroke=self.brand, width=0.8)
        y += 8
        for label, value, final in rows:
            y += 16
            if final:
                if self.total_style == "box":
                    c.box(x - 8, y - 12, R + 4, y + 6, fill=LIGHT, stroke=None)
                else:
                    c.line(x, y - 12, R, y - 12, width=0.8)
                    c.line(x, y + 4, R, y + 4, width=0.4)
                    c.line(x, y + 6, R, y + 6, width=0.4)
            c.fit_text(x, y, label, 9.3, 150, bold=final)
            c.text(R, y, p.amount(value), 9.3, bold=final, align="right")
        return y + 14

    def texts(self, y: float, texts: Sequence[tuple[str, bool]], size: float = 8.3) -> float:
        """Paragraphs after the totals, onto a new page when they do not fit."""
        width = self.RIGHT - self.LEFT
        height = sum(size * 1.35 * len(self.c.wrap(t, width, size)) + 4 for t, _ in texts) + 6
        if y + height > self.limit:
            y = self.next_page()
        y += 6
        for text, bold in texts:
            y = self.c.paragraph(self.LEFT, y + 4, text, width, size, bold=bold)
        return y


def _vat_rows(rng: random.Random, vat: VatLine, currency: str) -> list[tuple[str, Decimal, bool]]:
    net = rng.choice(("Nettobetrag", "Summe netto", "Rechnungsbetrag netto", "Zwischensumme netto"))
    tax = rng.choice(("zzgl. 19 % USt.", "19 % MwSt.", "Umsatzsteuer 19 %", "zzgl. MwSt. 19 %"))
    gross = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Bruttobetrag", "Zu zahlender Betrag"))
    if currency == "none":  # amounts without a sign: the currency stands by the total's label
        gross += rng.choice((" EUR", " in EUR", " (EUR)"))
    return [(net, vat.base, False), (tax, vat.amount, False), (gross, vat.base + vat.amount, True)]


# ---------------------------------------------------------------------------
# zeitarbeit_wochen

_STAFFERS = (
    "Personalservice Nord GmbH",
    "JobPartner Zeitarbeit GmbH",
    "TempoTeam Personaldienste GmbH & Co. KG",
    "ProWork Personal GmbH",
    "Kessler Personalmanagement GmbH",
    "Flexa Personaldienstleistungen GmbH",
    "MainPersonal GmbH",
    "AKTIV Personaldienste GmbH",
)
# Jobs: (job, pay group, least and most hourly rate charged).
_JOBS = (
    ("Lagerhelfer/in", "EG 1", 24, 29),
    ("Messe- und Eventhelfer/in", "EG 1", 25, 30),
    ("Promoter/in", "EG 2", 27, 33),
    ("Empfangskraft / Hostess", "EG 2", 28, 34),
    ("Bürokraft", "EG 3", 30, 36),
    ("Kraftfahrer/in Kl. C/CE", "EG 3", 31, 38),
    ("Sachbearbeiter/in Buchhaltung", "EG 4", 34, 42),
    ("Mediengestalter/in Digital und Print", "EG 5", 38, 48),
    ("Veranstaltungstechniker/in", "EG 5", 39, 49),
)
_FIRST = (
    "Jan",
    "Lena",
    "Murat",
    "Sophie",
    "Dennis",
    "Aylin",
    "Tobias",
    "Natalia",
    "Kevin",
    "Julia",
    "Piotr",
    "Mareike",
    "Sven",
    "Elif",
    "Marco",
)
_LAST = (
    "Müller",
    "Schröder",
    "Yıldız",
    "Krüger",
    "Wagner",
    "Nowak",
    "Becker",
    "Hoffmann",
    "Lange",
    "Öztürk",
    "Schmitt",
    "Petrov",
    "Brandt",
    "Weiß",
    "Kowalski",
)
_OFFICES = (
    "Regionaldirektion Nordrhein-Westfalen",
    "Regionaldirektion Niedersachsen-Bremen",
    "Regionaldirektion Bayern",
    "Regionaldirektion Hessen",
    "Agentur für Arbeit Düsseldorf",
    "Agentur für Arbeit Kiel",
    "Agentur für Arbeit Nürnberg",
)
_SITES = (
    "Messe Düsseldorf, Halle 6",
    "Lager Hafenstraße",
    "Büro des Kunden",
    "Eventlocation Kesselhaus",
    "Studio 3, Medienpark",
)


@dataclass(frozen=True)
class Worker:
    """A hired employee: name as printed, personnel number, job, pay group, rate, start of the assignment."""

    name: str
    number: str
    job: str
    group: str
    rate: Decimal
    start: dt.date


@dataclass(frozen=True)
class Week:
    """One employee's week: its Monday, the time sheet's number, the items and the hours worked."""

    worker: Worker
    monday: dt.date
    sheet: str
    items: tuple[LineItem, ...]
    worked: Decimal


class ZeitarbeitWochen(DienstSheet):
    """A staffing agency's invoice to an agency customer, by employee and calendar week."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        weeks = rng.choice((1, 1, 1, 2, 2, 3, 4))
        start = ordinary(data.date)
        monday = start - dt.timedelta(days=start.weekday())
        self.mondays = [monday + dt.timedelta(weeks=k) for k in range(weeks)]
        day = self.mondays[-1] + dt.timedelta(days=rng.randint(7, 12))
        name = rng.choice(_STAFFERS)
        iso = day.isocalendar()
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"ZA-{day.year}-{n:05d}",
                f"RE {day.year % 100}/{n:05d}",
                f"{day.year}{iso[1]:02d}{n % 10000:04d}",
                f"AÜ{rng.randint(100000, 999999)}",
                f"{rng.randint(3000000, 3999999)}",
            )
        )
        short = name.split()[0].lower()
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((7, 10, 14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (
                    f"D-{rng.randint(10000, 99999)}",
                    str(rng.randint(20000, 89999)),
                    f"KD{rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.75
            else "",
            order_no=rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"BE-{day.year}-{rng.randint(1, 999):03d}",
                    f"PO {rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.45
            else "",
            email=f"{rng.choice(('abrechnung', 'rechnung', 'buchhaltung'))}@{short}-personal.de",
            register=f"HRB {rng.randint(1000, 99999)}"
            if "KG" not in name
            else f"HRA {rng.randint(1000, 9999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "both" if data.tax_no and rng.random() < 0.3 else "vat"
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short", "de_long")),
        )
        self.layout = rng.choice(("worker", "week", "flat"))
        self.subtotals = rng.random() < 0.55
        self.sub_hours = rng.random() < 0.5
        self.weeks_as = rng.choice(("kw", "kw_year", "range", "both"))
        self.names_as = rng.choice(("last_first", "first_last", "number_only", "both"))
        self.surcharges = rng.random() < 0.6
        self.factor = rng.random() < 0.4  # overtime billed at 125 % instead of a 25 % surcharge
        self.travel = rng.choice(("", "", "day", "km"))
        self.normal = Decimal(rng.choice((35, 38, 40, 40)))
        self.carry_sums = rng.random() < 0.5
        self.cost_centre = (
            rng.choice(
                (str(rng.randint(1000, 9999)), f"KST {rng.randint(100, 990)}", f"{rng.randint(10, 99)}-Event")
            )
            if rng.random() < 0.5
            else ""
        )
        self.site = rng.choice(_SITES) if rng.random() < 0.4 else ""
        self.total_hours = rng.random() < 0.5
        self.permit_in_footer = rng.random() < 0.5
        self.permit_day = dt.date(rng.randint(2004, 2017), rng.randint(1, 12), rng.randint(1, 28))
        self.office = rng.choice(_OFFICES)
        self.show_start = rng.random() < 0.35
        self.tariff = "GVP/DGB" if day.year >= 2023 else rng.choice(("BAP/DGB", "iGZ/DGB"))

    # -- the weeks

    def workers(self) -> list[Worker]:
        rng = self.rng
        count = {1: rng.choice((1, 1, 2, 2, 3, 4)), 2: rng.choice((1, 1, 2, 3))}.get(
            len(self.mondays), rng.choice((1, 1, 2))
        )
        if rng.random() < 0.1 and len(self.mondays) == 1:
            count = rng.randint(5, 8)  # a big event: many helpers for one week
        out, used = [], set()
        for _ in range(count):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            while (first, last) in used:
                first, last = rng.choice(_FIRST), rng.choice(_LAST)
            used.add((first, last))
            job, group, lo, hi = rng.choice(_JOBS)
            rate = Decimal(rng.randint(lo * 4, hi * 4)) / 4 + Decimal(
                rng.choice(("0", "0.05", "0.10", "0.15"))
            )
            number = rng.choice((str(rng.randint(10000, 99999)), f"P-{rng.randint(1, 9999):05d}"))
            start = self.mondays[0] - dt.timedelta(days=rng.choice((0, 0, 7, 21, 56, 120, 300)))
            shown = {
                "last_first": f"{last}, {first}",
                "first_last": f"{first} {last}",
                "number_only": f"Pers.-Nr. {number}",
                "both": f"{last}, {first}",
            }[self.names_as]
            out.append(Worker(shown, number, job, group, rate, start))
        return out

    def week(self, worker: Worker, monday: dt.date) -> Week:
        rng = self.rng
        days = rng.choice((5, 5, 5, 4, 3))
        worked = sum(
            (Decimal(rng.choice((24, 28, 30, 32, 32, 34, 36, 40))) / 4 for _ in range(days)), Decimal(0)
        )
        items = []
        over = max(worked - self.normal, Decimal(0)) if self.surcharges else Decimal(0)
        basic = rng.choice(("Normalstunden", "Arbeitsstunden", "Std. regulär", "Stunden lt. Nachweis"))
        rate = worker.rate
        if over and self.factor:
            items.append(LineItem(basic, "", worked - over, "Std.", rate, 19))
            items.append(
                LineItem("Mehrarbeit 125 %", "", over, "Std.", round_cent(rate * Decimal("1.25")), 19)
            )
        else:
            items.append(LineItem(basic, "", worked, "Std.", rate, 19))
            if over:
                items.append(
                    LineItem(
                        "Überstundenzuschlag 25 %", "", over, "Std.", round_cent(rate * Decimal("0.25")), 19
                    )
                )
        if self.surcharges:
            for what, pct, chance, most in (
                ("Nachtzuschlag", 25, 0.3, 24),
                ("Sonntagszuschlag", 50, 0.2, 36),
                ("Feiertagszuschlag", 100, 0.08, 40),
            ):
                if rng.random() < chance:
                    some = Decimal(rng.randint(8, most)) / 4
                    items.append(
                        LineItem(f"{what} {pct} %", "", some, "Std.", round_cent(rate * pct / 100), 19)
                    )
        if self.travel == "day":
            price = Decimal(rng.choice(("6.00", "8.50", "9.00", "12.00", "15.00")))
            items.append(LineItem("Fahrtkostenpauschale", "", Decimal(days), "Tage", price, 19))
        elif self.travel == "km":
            km = rng.randint(12, 60) * 2 * days
            items.append(LineItem(f"Fahrgeld ({days} Tage)", "", Decimal(km), "km", Decimal("0.30"), 19))
        sheet = rng.choice(
            (
                f"{monday.isocalendar()[0]}-{rng.randint(1000, 9999)}",
                str(rng.randint(100000, 999999)),
                f"SN {rng.randint(10000, 99999)}",
            )
        )
        return Week(worker, monday, sheet, tuple(items), worked)

    def weeks(self) -> list[Week]:
        workers = self.workers()
        return [self.week(w, m) for w in workers for m in self.mondays]

    # -- how a week and an employee are written

    def kw(self, monday: dt.date) -> str:
        year, week, _ = monday.isocalendar()
        sunday = monday + dt.timedelta(days=6)
        return {
            "kw": f"KW {week:02d}/{year}",
            "kw_year": f"{week}. KW {year}",
            "range": short_range(monday, sunday),
            "both": f"KW {week} ({short_range(monday, sunday)})",
        }[self.weeks_as]

    def who(self, w: Worker) -> str:
        return f"{w.name} (Pers.-Nr. {w.number})" if self.names_as == "both" else w.name

    def period(self) -> str:
        first, last = self.mondays[0], self.mondays[-1]
        if self.weeks_as in ("range", "both") or len(self.mondays) > 1 and self.rng.random() < 0.3:
            return short_range(first, last + dt.timedelta(days=6))
        a, b = first.isocalendar(), last.isocalendar()
        if first == last:
            return f"KW {a[1]}/{a[0]}"
        return f"KW {a[1]}–{b[1]}/{b[0]}" if a[0] == b[0] else f"KW {a[1]}/{a[0]} – KW {b[1]}/{b[0]}"

    def item_cells(self, item: LineItem) -> dict[str, str]:
        p = self.p
        qty = hours(item.quantity) if item.unit == "Std." else quantity(item.quantity, p)
        return {
            "desc": item.description,
            "qty": qty,
            "unit": item.unit,
            "price": p.number(item.unit_price),
            "total": p.number(item.total),
        }

    def sum_row(self, label: str, weeks: Sequence[Week]) -> Row:
        total = sum((i.total for w in weeks for i in w.items), Decimal(0))
        worked = sum((w.worked for w in weeks), Decimal(0))
        text = f"{label} ({hours(worked)} Std.)" if self.sub_hours else label
        return Row("sum", {"desc": text, "total": self.p.number(total)})

    def rows(self, weeks: list[Week]) -> list[Row]:
        out: list[Row] = []
        if self.layout == "flat":
            for wk in weeks:
                w = wk.worker
                for k, item in enumerate(wk.items):
                    values = self.item_cells(item)
                    notes: tuple[str, ...] = ()
                    if k == 0:
                        values |= {"who": w.name, "when": self.kw(wk.monday)}
                        notes = (
                            (f"Nachweis {wk.sheet}",)
                            if self.names_as == "number_only"
                            else (f"Pers.-Nr. {w.number}", f"Nachweis {wk.sheet}")
                        )
                    out.append(Row("item", values, item, notes, "who"))
            return out
        by_worker = self.layout == "worker"
        keys = list(dict.fromkeys(wk.worker if by_worker else wk.monday for wk in weeks))
        for key in keys:
            inner = [wk for wk in weeks if (wk.worker if by_worker else wk.monday) == key]
            if by_worker:
                assert isinstance(key, Worker)
                head = f"{self.who(key)} – {key.job}, {key.group}"
                notes = [f"Einsatz ab {self.p.date(key.start)}"] if self.show_start else []
                out.append(Row("group", {"desc": head}, notes=tuple(notes)))
            else:
                assert isinstance(key, dt.date)
                year, week, _ = key.isocalendar()
                head = f"Kalenderwoche {week}/{year} ({short_range(key, key + dt.timedelta(days=6))})"
                out.append(Row("group", {"desc": head}))
            for wk in inner:
                first = (
                    f"{self.kw(wk.monday)} · Stundennachweis Nr. {wk.sheet}"
                    if by_worker
                    else f"{self.who(wk.worker)}, {wk.worker.job} ({wk.worker.group}) · "
                    f"Stundennachweis Nr. {wk.sheet}"
                )
                for k, item in enumerate(wk.items):
                    out.append(Row("item", self.item_cells(item), item, (first,) if k == 0 else ()))
            if self.subtotals and (len(inner) > 1 or not by_worker):
                label = f"Summe {key.name}" if isinstance(key, Worker) else f"Summe KW {key.isocalendar()[1]}"
                out.append(self.sum_row(label, inner))
        return out

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        rate = rng.choice(("Satz", "Std.-Satz", "Verrechnungssatz", "Preis/Std."))
        total = rng.choice(("Betrag", "Gesamt", "Netto"))
        if self.layout == "flat":
            return [
                ("who", "Mitarbeiter", 108, "left"),
                ("when", "Zeitraum" if self.weeks_as in ("range", "both") else "KW", 0, "left"),
                ("desc", "Leistungsart", 122, "left"),
                ("qty", "Menge", 40, "right"),
                ("price", rate, 54, "right"),
                ("total", total, 60, "right"),
            ]
        return [
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Leistungsart")), 0, "left"),
            ("qty", rng.choice(("Menge", "Anzahl", "Std./Menge")), 52, "right"),
            ("unit", "Einheit", 44, "left"),
            ("price", rate, 70, "right"),
            ("total", total, 72, "right"),
        ]

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Debitor")), d.customer_no))
        rows.append((rng.choice(("Abrechnungszeitraum", "Zeitraum", "Einsatzzeitraum")), self.period()))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestellnummer", "Ihre Auftrags-Nr.", "Bestell-Nr.")), d.order_no))
        if self.cost_centre:
            rows.append(("Kostenstelle", self.cost_centre))
        if self.site and self.details != "boxes":
            rows.append(("Einsatzort", self.site))
        return rows

    def permit(self) -> str:
        day = self.p.date(self.permit_day)
        return self.rng.choice(
            (
                f"Erlaubnis zur Arbeitnehmerüberlassung gem. § 1 AÜG, unbefristet erteilt von der "
                f"Bundesagentur für Arbeit, {self.office}, am {day}",
                f"Unbefristete Erlaubnis zur Arbeitnehmerüberlassung nach § 1 AÜG, erteilt am {day} "
                f"durch die Bundesagentur für Arbeit ({self.office})",
                f"Die Erlaubnis zur Arbeitnehmerüberlassung wurde uns am {day} von der Bundesagentur für "
                f"Arbeit, {self.office}, unbefristet erteilt.",
            )
        )

    def closing(self, y: float, vat: VatLine) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        days = (d.due_date - d.date).days
        texts.append(
            (
                rng.choice(
                    (
                        f"Zahlbar innerhalb von {days} Tagen ohne Abzug bis zum {p.date(d.due_date)}.",
                        f"Bitte überweisen Sie den Rechnungsbetrag bis {p.date(d.due_date)} unter Angabe der "
                        f"Rechnungsnummer auf unser Konto IBAN {self.iban}.",
                        f"Zahlungsziel: {days} Tage netto ({p.date(d.due_date)}).",
                    )
                ),
                True,
            )
        )
        texts.append(
            (
                rng.choice(
                    (
                        "Grundlage der Abrechnung sind die von Ihnen gegengezeichneten Stundennachweise.",
                        "Die Abrechnung erfolgt auf Basis der vom Entleiher unterschriebenen "
                        "Tätigkeitsnachweise.",
                        "Abgerechnet werden die bestätigten Stunden laut Stundennachweis; Zuschläge gemäß "
                        "Überlassungsvertrag.",
                    )
                ),
                False,
            )
        )
        texts.append(
            (
                f"Die Überlassung erfolgt auf Grundlage des Tarifwerks {self.tariff} in der jeweils gültigen "
                "Fassung."
                + (
                    " Die Überlassungshöchstdauer nach § 1 Abs. 1b AÜG beträgt 18 Monate."
                    if rng.random() < 0.5
                    else ""
                ),
                False,
            )
        )
        if not self.permit_in_footer:
            texts.append((self.permit(), False))
        if rng.random() < 0.3:
            texts.append(("Vielen Dank für die gute Zusammenarbeit!", False))
        return self.texts(y, texts)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email],
            [
                f"Sitz: {s.city}",
                f"Amtsgericht {s.city} {d.register}",
                f"Geschäftsführer: {d.ceo}",
                *self.tax_ids("USt-IdNr.", "Steuer-Nr."),
            ],
            [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)
        if self.permit_in_footer:
            c.fit_text(
                c.width / 2,
                self.FOOT + 66,
                self.permit(),
                6.5,
                self.RIGHT - self.LEFT,
                align="center",
                colour=GREY,
                min_size=5.2,
            )

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        weeks = self.weeks()
        items = [item for wk in weeks for item in wk.items]
        (vat,) = vat_breakdown(items)
        s = d.supplier
        self.letterhead(
            rng.choice(
                (
                    "Personaldienstleistungen · Arbeitnehmerüberlassung",
                    "Zeitarbeit · Personalvermittlung",
                    "Ihr Partner für flexible Personallösungen",
                    "Personal für Events, Logistik und Büro",
                )
            ),
            [s.street, s.city_line, f"Tel. {d.phone}", d.email],
        )
        title = rng.choice(
            ("Rechnung", "RECHNUNG", "Rechnung Arbeitnehmerüberlassung", f"Rechnung Nr. {d.number}")
        )
        y = self.details_block(self.head_rows(), title)
        if self.site and self.details == "boxes":
            self.c.text(self.LEFT, y + 4, f"Einsatzort: {self.site}", 9)
            y += 14
        if rng.random() < 0.6:
            intro = rng.choice(
                (
                    f"für die Überlassung von Mitarbeitern im Zeitraum {self.period()} berechnen wir Ihnen:",
                    "Für die im Abrechnungszeitraum überlassenen Mitarbeiter stellen wir wie folgt in "
                    "Rechnung:",
                    "Wir bedanken uns für Ihren Auftrag und berechnen Ihnen vereinbarungsgemäß:",
                )
            )
            y = self.c.paragraph(self.LEFT, y + 4, intro, self.RIGHT - self.LEFT, 9) + 2
        y = self.table(y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(weeks), self.carry_sums)
        if self.total_hours:
            worked = sum((wk.worked for wk in weeks), Decimal(0))
            if y + 30 > self.limit:
                y = self.next_page()
            label = rng.choice(("Gesamtstunden", "Summe Stunden", "Stunden gesamt"))
            self.c.text(
                self.LEFT, y + 16, f"{label}: {hours(worked)} Std. ({len(weeks)} Nachweise)", 8.8, bold=True
            )
            y += 18
        y = self.totals(y, _vat_rows(rng, vat, self.p.currency))
        y = self.closing(y, vat)
        assert y < self.limit + 6, "zeitarbeit_wochen: page overflow"
        pages = self.close_pages(rng.random() < 0.3)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
        )


# ---------------------------------------------------------------------------
# gebaeudereinigung_monat

_CLEANERS = (
    "Glanzwerk Gebäudereinigung GmbH",
    "Hanse Gebäudedienste GmbH",
    "Clean & Care Gebäudeservice GmbH",
    "Sauberland Facility Services GmbH",
    "Kristall Gebäudereinigung GmbH & Co. KG",
    "Rheinglanz Reinigungsdienste GmbH",
)
_SOLE_CLEANERS = (
    ("Gebäudereinigung Nowak", "Petra Nowak"),
    ("Blitzblank Reinigungsservice", "Marco Rossi"),
    ("Reinigungsservice Kaya", "Aylin Kaya"),
    ("Gebäudereinigung Hoffmann", "Jens Hoffmann"),
    ("Sauber & Schön Dienstleistungen", "Irina Wolf"),
)
_WOMEN = ("Petra Nowak", "Aylin Kaya", "Irina Wolf")
_FREQUENCIES = (
    "arbeitstäglich (Mo–Fr)",
    "3 × wöchentlich (Mo, Mi, Fr)",
    "2 × wöchentlich (Di, Do)",
    "1 × wöchentlich (Fr)",
    "5 × wöchentlich, abends ab 18 Uhr",
)
_OBJECT_STREETS = (
    "Speicherstraße",
    "Am Kreativquartier",
    "Hafenweg",
    "Medienallee",
    "Alte Weberei",
    "Lindenplatz",
)
_FLOORS = ("EG", "1. OG", "2. OG", "3. OG", "4. OG", "EG und 1. OG", "Dachgeschoss")
# Extra services priced by area or piece: (text, unit, least and most price, least and most quantity).
_BY_AREA = (
    ("Glasreinigung Fensterflächen innen und außen", "m²", 1.2, 2.4, 40, 260),
    ("Rahmenreinigung Fenster", "m²", 0.8, 1.6, 40, 200),
    ("Teppichreinigung (Sprühextraktion) Besprechungsräume", "m²", 2.5, 4.8, 20, 140),
    ("Grundreinigung Bodenbelag mit Neubeschichtung", "m²", 3.9, 7.5, 20, 90),
)
_BY_PIECE = (
    ("Reinigung Lamellenjalousien", "Stk.", 8.5, 16.0, 4, 24),
    ("Polstermöbelreinigung Stühle", "Stk.", 6.0, 12.0, 6, 30),
)
# Consumables: (text, unit, least and most price, quantities).
_CONSUMABLES = (
    ("Falthandtücher ZZ-Falz, 2-lagig, Karton à 3.000 Bl.", "Kart.", 22.0, 34.0, (2, 3, 4, 5, 6)),
    ("Toilettenpapier 3-lagig, Pack à 72 Rollen", "Pack", 29.0, 42.0, (1, 1, 2, 3)),
    ("Schaumseife, Kartusche 1 l", "Stk.", 4.5, 8.9, (4, 6, 6, 12)),
    ("Müllbeutel 120 l, Rolle à 25 Stk.", "Rolle", 3.2, 5.9, (4, 5, 10)),
    ("Spülmaschinentabs, Eimer à 150 Stk.", "Eimer", 24.0, 39.0, (1, 1, 2)),
)


class GebaeudereinigungMonat(DienstSheet):
    """A cleaning company's monthly invoice: contract lump sum, the month's extra services, consumables."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-serif", "liberation-serif", "dejavu-sans-condensed")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.sole = rng.random() < 0.35
        if self.sole:
            trade, owner = rng.choice(_SOLE_CLEANERS)
            name = rng.choice(
                (
                    f"{trade}, Inh. {owner}",
                    f"{trade} – Inhaberin {owner}" if owner in _WOMEN else f"{trade} – Inhaber {owner}",
                )
            )
        else:
            name, owner = rng.choice(_CLEANERS), ""
        self.owner = owner
        month = ordinary(data.date).replace(day=1)
        self.first = month
        self.last = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        in_month = rng.random() < 0.25  # billed at the end of the month rather than after it
        day = (
            self.last - dt.timedelta(days=rng.randint(0, 2))
            if in_month
            else self.last + dt.timedelta(days=rng.randint(1, 8))
        )
        n = rng.randint(1, 9999)
        number = rng.choice(
            (
                f"{day.year}-{n:04d}",
                f"R{day.year % 100}{day.month:02d}-{n:04d}",
                f"GR-{day.year}{day.month:02d}{n % 1000:03d}",
                f"{rng.randint(20000, 89999)}",
            )
        )
        word = name.split()[0].lower().replace("ä", "ae").replace(",", "").replace("&", "und")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((8, 10, 14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (
                    f"{rng.randint(1000, 9999)}",
                    f"K-{rng.randint(10000, 99999)}",
                    f"10{rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.7
            else "",
            order_no="",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('info', 'rechnung', 'buero'))}@{word}-reinigung.de",
            register=f"HRB {rng.randint(1000, 99999)}"
            if "KG" not in name
            else f"HRA {rng.randint(1000, 9999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "stnr" if self.sole else ("both" if rng.random() < 0.3 else "vat")
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted_short", "de_long")),
        )
        self.period_as = rng.choice(("month", "month", "range", "range_short"))
        self.object_no = rng.choice(
            (
                f"{rng.randint(1, 999):04d}",
                f"O-{rng.randint(1000, 9999)}",
                f"{rng.randint(10, 99)}-{rng.randint(1, 999):04d}",
            )
        )
        self.signed = self.first - dt.timedelta(days=rng.randint(45, 2400))
        self.contract = rng.choice(
            (
                f"UR-{self.signed.year}-{rng.randint(1, 299):03d}",
                f"{self.signed.year}/{rng.randint(1, 400)}",
                f"V{rng.randint(10000, 99999)}",
            )
        )
        self.floor = rng.choice(_FLOORS)
        self.premises = rng.choice(("Büroräume", "Büroräume", "Agenturräume", "Büro- und Studioflächen"))
        self.street = (
            f"{rng.choice(_OBJECT_STREETS)} {rng.randint(1, 90)}" if rng.random() < 0.35 else ""
        )  # another site of the customer than its postal address
        self.payment = rng.choice(("transfer", "transfer", "debit"))
        self.own_bank = self.payment == "transfer" or rng.random() < 0.5
        self.with_bic = rng.random() < 0.75
        self.table_style = rng.choice(("full", "full", "list"))
        self.no_13b = rng.random() < 0.35
        self.guild = rng.random() < 0.4

    # -- the items

    def lines(self) -> list[tuple[LineItem, tuple[str, ...]]]:
        rng, p = self.rng, self.p
        out: list[tuple[LineItem, tuple[str, ...]]] = []
        lump = Decimal(rng.randrange(38000, 260000, 50)) / 100
        freq = rng.choice(_FREQUENCIES)
        text = rng.choice(
            (
                f"Unterhaltsreinigung {self.month_word()} lt. Vertrag",
                "Unterhaltsreinigung gemäß Leistungsverzeichnis, monatliche Pauschale",
                f"Monatspauschale Unterhaltsreinigung {self.month_word()}",
            )
        )
        out.append((LineItem(text, "", Decimal(1), "Monat", lump, 19), (f"Reinigungsintervall: {freq}",)))
        for desc, unit, lo, hi, qlo, qhi in rng.sample(_BY_AREA + _BY_PIECE, rng.choice((0, 1, 1, 2, 3))):
            qty = (
                Decimal(rng.randint(qlo * 2, qhi * 2)) / 2 if unit == "m²" else Decimal(rng.randint(qlo, qhi))
            )
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            when = self.first + dt.timedelta(days=rng.randint(2, 24))
            note = (
                f"ausgeführt am {p.date(when)}"
                if rng.random() < 0.6
                else f"{quantity(qty, p)} {unit} × {p.amount(price)}"
            )
            out.append((LineItem(desc, "", qty, unit, price, 19), (note,)))
        if rng.random() < 0.4:
            staff = rng.choice((1, 2, 2, 3))
            each = Decimal(rng.randint(4, 14)) / 2
            when = self.first + dt.timedelta(days=rng.randint(1, 25))
            event = rng.choice(("Kundenveranstaltung", "Sommerfest", "Agenturparty", "Workshop-Tag", "Umzug"))
            out.append(
                (
                    LineItem(
                        f"Sonderreinigung nach {event}",
                        "",
                        each * staff,
                        "Std.",
                        Decimal(rng.choice(("29.50", "31.00", "32.50", "34.90", "36.00"))),
                        19,
                    ),
                    (f"am {p.date(when)}, {staff} Mitarbeiter × {quantity(each, p)} Std.",),
                )
            )
        if rng.random() < 0.2:
            out.append(
                (
                    LineItem(
                        "Grundreinigung Teeküche inkl. Kühlschrank und Geschirrspüler",
                        "",
                        Decimal(1),
                        "pausch.",
                        Decimal(rng.choice((89, 119, 145, 160))),
                        19,
                    ),
                    (),
                )
            )
        consumables = rng.choice(("items", "items", "lump", ""))
        if consumables == "items":
            for desc, unit, lo, hi, qtys in rng.sample(_CONSUMABLES, rng.randint(1, 3)):
                price = round_cent(Decimal(str(rng.uniform(lo, hi))))
                out.append((LineItem(desc, "", Decimal(rng.choice(qtys)), unit, price, 19), ()))
        elif consumables == "lump":
            price = round_cent(Decimal(str(rng.uniform(18, 95))))
            out.append(
                (
                    LineItem(
                        "Verbrauchsmaterial (Hygienepapier, Seife, Müllbeutel) lt. Aufstellung",
                        "",
                        Decimal(1),
                        "pausch.",
                        price,
                        19,
                    ),
                    (),
                )
            )
        if rng.random() < 0.15:
            missed = self.first + dt.timedelta(days=rng.randint(3, 26))
            cut = round_cent(lump / Decimal(rng.choice((13, 20, 21, 22))))
            out.append(
                (
                    LineItem(
                        f"Gutschrift: Reinigung am {p.date(missed)} entfallen",
                        "",
                        Decimal(1),
                        "pausch.",
                        -cut,
                        19,
                    ),
                    ("auf Wunsch des Kunden (Betriebsruhe)",),
                )
            )
        return out

    def month_word(self) -> str:
        return f"{MONTHS_DE[self.first.month - 1]} {self.first.year}"

    def period(self) -> str:
        if self.period_as == "month":
            return self.month_word()
        if self.period_as == "range":
            return f"{self.p.date(self.first)} – {self.p.date(self.last)}"
        return short_range(self.first, self.last)

    def rows(self, lines: list[tuple[LineItem, tuple[str, ...]]]) -> list[Row]:
        p = self.p
        out = []
        for n, (item, notes) in enumerate(lines, 1):
            values = {
                "pos": str(n),
                "desc": item.description,
                "qty": quantity(item.quantity, p),
                "unit": item.unit,
                "price": p.number(item.unit_price),
                "total": p.number(item.total) if self.table_style == "full" else p.amount(item.total),
            }
            if (
                self.table_style == "list"
                and item.unit not in ("Monat", "pausch.")
                and not any("×" in note for note in notes)
            ):
                notes = (*notes, f"{quantity(item.quantity, p)} {item.unit} à {p.amount(item.unit_price)}")
            out.append(Row("item", values, item, notes))
        return out

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        if self.table_style == "list":
            return [
                ("pos", "Pos.", 30, "left"),
                ("desc", rng.choice(("Leistung", "Leistungsbeschreibung")), 0, "left"),
                ("total", rng.choice(("Betrag", "Betrag netto")), 90, "right"),
            ]
        return [
            ("pos", "Pos.", 28, "left"),
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Beschreibung")), 0, "left"),
            ("qty", "Menge", 46, "right"),
            ("unit", rng.choice(("Einheit", "ME")), 40, "left"),
            ("price", rng.choice(("Einzelpreis", "EP €", "Preis")), 62, "right"),
            ("total", rng.choice(("Gesamt", "Gesamtpreis", "Betrag €")), 68, "right"),
        ]

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Beleg-Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Ihre Kd.-Nr.")), d.customer_no))
        rows.append((rng.choice(("Objekt-Nr.", "Objektnummer", "Obj.-Nr.")), self.object_no))
        if rng.random() < 0.5:
            rows.append(("Leistungszeitraum", self.period()))
        return rows

    def subject(self, y: float) -> float:
        c, d, p, rng, L = self.c, self.data, self.p, self.rng, self.LEFT
        r = d.customer
        lines = [
            f"Objekt: {self.premises} {r.name}, {self.street or r.street}, {self.floor}, {r.city_line}",
            rng.choice(
                ("Vertrag Nr. {n} vom {d}", "Reinigungsvertrag {n} vom {d}", "Grundlage: Vertrag {n} vom {d}")
            ).format(n=self.contract, d=p.date(self.signed)),
            f"Leistungszeitraum {self.period()}",
        ]
        if self.details == "rows" and rng.random() < 0.5:
            lines[0] += f" (Objekt-Nr. {self.object_no})"
        for line in lines:
            c.fit_text(L, y + 4, line, 9, self.RIGHT - L, bold=line.startswith("Leistungs"))
            y += 12.5
        return y + 4

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.payment == "debit":
            when = d.date + dt.timedelta(days=rng.choice((3, 5, 7, 10)))
            mandate = rng.choice(
                (
                    f"{d.customer_no or 'M'}-{self.object_no}",
                    f"MR-{self.signed.year}-{rng.randint(1, 9999):05d}",
                    f"GR{rng.randint(100000, 999999)}",
                )
            )
            texts.append(
                (
                    rng.choice(
                        (
                            f"Der Rechnungsbetrag von {p.amount(gross)} wird am {p.date(when)} per "
                            f"SEPA-Lastschrift von Ihrem Konto {masked_de(rng)} eingezogen.",
                            f"Wir ziehen den Betrag zum Fälligkeitstag {p.date(when)} von Ihrem Konto "
                            f"{masked_de(rng)} "
                            "ein (SEPA-Basislastschrift).",
                        )
                    ),
                    True,
                )
            )
            texts.append((f"Gläubiger-ID: {creditor_id(rng)} · Mandatsreferenz: {mandate}", False))
            texts.append(("Bitte sorgen Sie für ausreichende Deckung Ihres Kontos.", False))
        else:
            days = (d.due_date - d.date).days
            bank = (
                f" auf unser Konto bei der {self.bank_name()}, IBAN {self.iban}" if rng.random() < 0.5 else ""
            )
            texts.append(
                (
                    rng.choice(
                        (
                            f"Bitte überweisen Sie den Betrag bis zum {p.date(d.due_date)}{bank}.",
                            f"Zahlungsziel: {days} Tage rein netto, fällig am {p.date(d.due_date)}.",
                            f"Zahlbar innerhalb von {days} Tagen ohne Abzug{bank}.",
                        )
                    ),
                    True,
                )
            )
        if self.no_13b:
            texts.append(
                (
                    "Hinweis: Die Steuerschuld geht nicht nach § 13b UStG auf den Leistungsempfänger über, "
                    "da dieser "
                    "selbst keine Gebäudereinigungsleistungen erbringt.",
                    False,
                )
            )
        if rng.random() < 0.4:
            texts.append(
                (
                    "Reklamationen bitten wir innerhalb von 24 Stunden an unsere Objektleitung zu richten.",
                    False,
                )
            )
        return self.texts(y, texts)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = (
            [f"Inhaber{'in' if self.owner in _WOMEN else ''}: {self.owner}"]
            if self.sole
            else [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}"]
        )
        legal += self.tax_ids("USt-IdNr.", "Steuernummer")
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email], legal]
        if self.own_bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)
        if self.guild:
            text = self.rng.choice(
                (
                    "Meisterbetrieb des Gebäudereiniger-Handwerks · eingetragen in der Handwerksrolle",
                    "Mitglied der Landesinnung des Gebäudereiniger-Handwerks",
                )
            )
            c.fit_text(
                c.width / 2, self.FOOT + 66, text, 6.5, self.RIGHT - self.LEFT, align="center", colour=GREY
            )

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        lines = self.lines()
        items = [item for item, _ in lines]
        (vat,) = vat_breakdown(items)
        s = d.supplier
        self.letterhead(
            rng.choice(
                (
                    "Gebäudereinigung · Glasreinigung · Sonderreinigung",
                    "Ihr Partner für saubere Büros",
                    "Unterhaltsreinigung · Teppichpflege · Hausmeisterservice",
                    "Reinigung mit System",
                )
            ),
            [s.street, s.city_line, f"Tel. {d.phone}", d.email],
        )
        title = rng.choice(("Rechnung", "RECHNUNG", "Monatsrechnung", f"Rechnung Nr. {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        y = self.table(y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(lines), False)
        y = self.totals(y, _vat_rows(rng, vat, self.p.currency))
        y = self.closing(y, vat.base + vat.amount)
        assert y < self.limit + 6, "gebaeudereinigung_monat: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            customer_no=bool(d.customer_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

DIENST_FAMILIES: dict[str, type[TripSheet]] = {
    "zeitarbeit_wochen": ZeitarbeitWochen,
    "gebaeudereinigung_monat": GebaeudereinigungMonat,
}


def draw_dienst(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(DIENST_FAMILIES[name], name, seed)
