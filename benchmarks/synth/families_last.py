"""Two invoice layout families of a digital agency and of a builder's merchant, designed blind (session 14,
fourth set).

Like `families_late`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_last(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world` and `families_trip` and returns a `TripDrawing` (truth keys only for values printed):

- `agentur_retainer`: a German digital or creative agency's monthly invoice to a client: the invoice number in
  one of several shapes ("2024-0815", "AG/24/117", "RE-24-0042"), the date, a job or project number, the
  client's PO reference and on some seeds a customer number, the service month; a subject line; the monthly
  retainer ("Betreuungspauschale"); hours by role in a table (Rolle, Stunden, Stundensatz, Betrag: Konzeption,
  Design, Entwicklung, Projektmanagement, ...); a "Zwischensumme" of the agency's fees; third-party costs passed
  on ("Fremdkosten": stock photos, media budget, licences) with a handling fee in per cent of them on most
  seeds; "Netto", "zzgl. 19 % USt.", "Gesamtbetrag"; payment terms, with Skonto on some seeds ("Bei Zahlung
  innerhalb von 8 Tagen 2 % Skonto = 12,34 €"); the agency's details (address, contacts, bank, USt-IdNr.,
  Handelsregister) in a right-hand sidebar on some seeds and in footer columns on the others. Truth: the usual
  keys with `bestellnummer` (the PO reference) and `kundennummer` where printed; every line at 19 %.
- `baumarkt_b2b`: a builder's merchant's (Baumarkt / Baustoffhandel) invoice to a business customer: customer
  number, invoice number and date; the articles in blocks by delivery note ("Lieferschein 4711 vom
  03.05.2024"), each with its EAN or article number, quantity and unit (Stk, m, m², kg, Sack), list price, a
  discount in per cent on some rows and the amount; on about a third of the seeds two or three pages, the table
  carried over with "Übertrag"; "Warenwert", a freight line, the pallet deposit ("Palettenpfand"), "Summe
  netto", "MwSt. 19 %", "Rechnungsbetrag"; payment by SEPA direct debit from the customer's account on some
  seeds (its IBAN masked, the creditor id and mandate reference printed), by transfer with Skonto or net on the
  others; the merchant's bank in the footer (left out on some direct-debit seeds). The deposit bears 19 % VAT on
  most seeds (part of the supply); on the others it is printed "ohne MwSt." and counts as a net amount at 0 %:
  it is part of "Summe netto", which then prints the taxed part beside the VAT ("MwSt. 19 % auf ..."). Truth:
  the usual keys with `kundennummer`; `iban` / `bic` only the merchant's own account, and only when printed
  (never the customer's masked one); `pages` the page count.

Both keep their dates out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from stdnum import ean

from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    _renamed,
    cells,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
    grid_lines,
    initials,
    label_rows,
    logo,
    month_before,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
from benchmarks.synth.families_world import MORE_BRANDS, PALE, RULE, Discounted, _domain, discounted
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    InvoiceData,
    LineItem,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align

# ---------------------------------------------------------------------------
# agentur_retainer

_AGENCIES = ("Pixelwerk Digitalagentur GmbH", "Blaupause Kommunikation GmbH", "Studio Nordlicht Design GmbH",
             "Kreativkontor Lindemann GmbH", "Markenschmiede Böttcher & Partner GmbH", "Hafenblick Digital GmbH & Co. KG",
             "Fünfgrad Werbeagentur GmbH")  # fmt: skip
_AGENCY_LINES = ("Digitalagentur für Marke & Kommunikation", "Strategie · Design · Technologie",
                 "Agentur für digitale Markenführung", "Design & Development")  # fmt: skip
# Roles: (names to choose from, least and most hourly rate).
_ROLES = ((("Konzeption", "Strategie & Konzeption"), 110, 145), (("Design", "Screendesign", "UX/UI-Design"), 90, 125),
          (("Entwicklung", "Frontend-Entwicklung", "Backend-Entwicklung"), 100, 135),
          (("Projektmanagement", "Projektleitung"), 85, 110), (("Text & Redaktion", "Content-Erstellung"), 75, 95),
          (("Social-Media-Betreuung", "Community Management"), 70, 90))  # fmt: skip
_RETAINERS = (("Monatliche Betreuungspauschale (Retainer)", "Retainer-Pauschale", "Monatspauschale laut Rahmenvertrag",
               "Betreuungspauschale Social Media"), (1200, 1800, 2400, 3200, 4500, 6000))  # fmt: skip
# Third-party costs passed on: (text, least and most net amount).
_THIRD_PARTY = (("Bildlizenzen Adobe Stock ({n} Motive)", 40.0, 260.0), ("Mediabudget Meta Ads lt. Abrechnung", 300.0, 2500.0),
                ("Mediabudget Google Ads lt. Abrechnung", 250.0, 3000.0), ("Schriftlizenz Webfont (Desktop + Web)", 60.0, 420.0),
                ("Plugin-Lizenz WordPress, 12 Monate", 49.0, 199.0), ("Druckkosten Flyer DIN lang, 5.000 Stk.", 180.0, 640.0),
                ("Hosting Kampagnen-Landingpage", 19.0, 89.0), ("Fotoshooting Produktbilder (Fremdleistung)", 450.0, 1400.0))  # fmt: skip
_SUBJECTS = ("Retainer {month}", "Betreuung Website und Social Media, {month}", "Rahmenvertrag Markenkommunikation - {month}",
             "Projekt {job}: Relaunch Website", "Kampagnenbetreuung {month}")  # fmt: skip
_CONTACTS = ("Lena Hartmann", "Jonas Becker", "Miriam Öztürk", "Felix Brandt", "Sophie Krämer")


def agency_number(rng: random.Random, day: dt.date) -> str:
    n, yy = rng.randint(1, 999), day.year % 100
    return rng.choice((f"{day.year}-{rng.randint(1, 9999):04d}", f"AG/{yy}/{n:03d}", f"RE-{yy}-{rng.randint(1, 9999):04d}",
                       f"{yy}{day.month:02d}-{n:03d}", f"R{day.year}{n:04d}"))  # fmt: skip


def hours_text(hours: Decimal) -> str:
    return f"{hours:.2f}".replace(".", ",")


class AgenturRetainer(TripSheet):
    """An agency's monthly invoice: retainer, hours by role, third-party costs with a handling fee."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted", "dotted", "de_long")
    IDS = "vat"
    GROUPED = 0.7
    FOOT = A4.height - 74

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        data = _renamed(rng, data, _AGENCIES, rng.choice(("buchhaltung", "rechnung", "finance")))
        day = regular_day(data.date)
        self.domain = _domain(data.supplier.name, "de")
        customer_no = (
            f"{rng.choice(('K', 'KD-', ''))}{rng.randint(1000, 99999)}" if rng.random() < 0.4 else ""
        )
        order_no = rng.choice((f"45{rng.randint(10**7, 10**8 - 1)}", f"PO-{day.year}-{rng.randint(1, 9999):04d}",
                               f"BE{rng.randint(100000, 999999)}"))  # fmt: skip
        data = dataclasses.replace(
            data, number=agency_number(rng, day), date=day, service_date=None, customer_no=customer_no,
            order_no=order_no, due_date=day + dt.timedelta(days=rng.choice((14, 14, 30))),
            email=f"{rng.choice(('buchhaltung', 'hallo', 'office'))}@{self.domain}",
        )  # fmt: skip
        super().__init__(rng, data)
        if data.tax_no and rng.random() < 0.3:
            self.ids = "both"
        self.brand = rng.choice(MORE_BRANDS)
        self.sidebar = rng.random() < 0.5
        self.head = rng.choice(("wordmark", "logo", "bar"))
        self.table_style = rng.choice(("lines", "shaded", "grid"))
        self.numbered = rng.random() < 0.5  # "1. Betreuungspauschale", "2. ..."
        self.skonto = (rng.choice((7, 8, 10, 14)), rng.choice((2, 2, 3))) if rng.random() < 0.45 else None
        self.with_bic = rng.random() < 0.75
        self.job = rng.choice((f"{day.year % 100}-{rng.randint(100, 999)}-{rng.randint(1, 12):02d}",
                               f"P-{day.year}-{rng.randint(1, 250):03d}", f"JOB {rng.randint(1000, 9999)}"))  # fmt: skip
        first, last = month_before(day)
        self.month = f"{MONTHS_DE[first.month - 1]} {first.year}"
        self.period = (first, last)
        self.contact = rng.choice(_CONTACTS)
        self.right = self.RIGHT - 150 if self.sidebar else self.RIGHT  # the right edge of the main column

    # -- what is charged

    def charges(self) -> tuple[LineItem, list[tuple[str, LineItem]], list[LineItem], LineItem | None]:
        """The retainer, the roles' hours, the third-party costs and the handling fee on them (net, 19 %)."""
        rng = self.rng
        retainer = LineItem(
            rng.choice(_RETAINERS[0]), "", Decimal(1), "pauschal", Decimal(rng.choice(_RETAINERS[1])), 19
        )
        roles = []
        for names, lo, hi in sorted(rng.sample(_ROLES, rng.randint(2, 4)), key=_ROLES.index):
            hours = Decimal(rng.randint(2, 64)) / rng.choice((2, 4))
            rate = Decimal(rng.randrange(lo, hi + 1, 5))
            name = rng.choice(names)
            roles.append((name, LineItem(name, "", hours, "Std.", rate, 19)))
        costs = []
        for text, lo, hi in rng.sample(_THIRD_PARTY, rng.choice((0, 1, 1, 2, 2, 3))):
            amount = round_cent(Decimal(str(rng.uniform(lo, hi))))
            costs.append(
                LineItem(text.replace("{n}", str(rng.randint(2, 12))), "", Decimal(1), "", amount, 19)
            )
        fee = None
        if costs and rng.random() < 0.8:
            pct = rng.choice((10, 10, 15, 5))
            base = sum((item.total for item in costs), Decimal(0))
            fee = LineItem(
                rng.choice(("Handling Fee {} %", "Handlingpauschale {} % auf Fremdkosten", "Agenturprovision {} %")).format(pct),
                "", Decimal(1), "", round_cent(base * pct / 100), 19,
            )  # fmt: skip
        return retainer, roles, costs, fee

    # -- the page

    def header(self) -> None:
        c, s, L = self.c, self.data.supplier, self.LEFT
        line = self.rng.choice(_AGENCY_LINES)
        short = s.name.split(" GmbH")[0]
        width = self.right - L - 10 if self.sidebar else 290.0
        if self.head == "wordmark":
            c.fit_text(L, 62, short.lower(), 24, width, bold=True, colour=self.brand)
            c.text(L, 76, line, 8, colour=GREY)
        elif self.head == "logo":
            logo(c, self.rng.choice(("circle", "square", "diamond")), L, 34, 42, self.brand, initials(short))
            c.fit_text(L + 52, 56, short, 16, width - 52, bold=True)
            c.text(L + 52, 70, line, 8, colour=GREY)
        else:
            c.box(0, 0, 36, 96, fill=self.brand, stroke=None)
            c.fit_text(L, 58, short.upper(), 17, width, bold=True)
            c.text(L, 72, line, 8, colour=self.brand)
        if not self.sidebar:
            d = self.data
            for i, text in enumerate((s.street, s.city_line, f"Tel. {d.phone}", f"www.{self.domain}")):
                c.text(self.RIGHT, 40 + 10 * i, text, 7.5, align="right", colour=GREY)

    def sidebar_block(self) -> None:
        """The agency's details down the right-hand side, label over value."""
        c, d, s, R = self.c, self.data, self.data.supplier, self.RIGHT
        x, width = R - 128, 128.0
        c.line(x - 10, 40, x - 10, self.FOOT + 40, width=0.4, colour=RULE)
        groups: list[tuple[str, list[str]]] = [
            ("", [s.name, s.street, s.city_line]),
            ("Kontakt", [f"Tel. {d.phone}", d.email, f"www.{self.domain}"]),
            ("Ihre Ansprechpartnerin" if self.contact.split()[0] in ("Lena", "Miriam", "Sophie") else "Ihr Ansprechpartner",
             [self.contact]),
            ("Bankverbindung", [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])),
            ("Steuern", self.tax_ids("USt-IdNr.", "St.-Nr.")),
            ("Handelsregister", [f"Amtsgericht {s.city}", d.register]),
            ("Geschäftsführung", [d.ceo]),
        ]  # fmt: skip
        y = 48.0
        for head, lines in groups:
            if head:
                c.text(x, y, head, 7, bold=True, colour=self.brand)
                y += 9.5
            for i, line in enumerate(lines):
                c.fit_text(x, y, line, 7.5, width, bold=not head and i == 0, min_size=5.5)
                y += 9.5
            y += 7

    def info_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [(rng.choice(("Rechnungsnummer", "Rechnung Nr.", "Rechnungs-Nr.")), d.number),
                (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date))]  # fmt: skip
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.")), d.customer_no))
        rows.append((rng.choice(("Job-Nr.", "Projekt-Nr.", "Projektnummer")), self.job))
        rows.append(
            (rng.choice(("Ihre Bestellnummer", "PO-Nummer", "Ihre Referenz (PO)", "Bestell-Nr.")), d.order_no)
        )
        if rng.random() < 0.5:
            rows.append(("Leistungszeitraum", f"{p.date(self.period[0])} - {p.date(self.period[1])}"))
        else:
            rows.append(("Leistungsmonat", self.month))
        return rows

    def info(self) -> float:
        c, L = self.c, self.LEFT
        r = self.data.customer
        y = 126.0
        sender = f"{self.data.supplier.name} · {self.data.supplier.street} · {self.data.supplier.city_line}"
        c.fit_text(L, y, sender, 6.5, 240, colour=GREY, min_size=5.0)
        y += 16
        for line in (r.name, r.contact, r.street, r.city_line):
            if line:
                c.text(L, y, line, 10)
                y += 13
        rows = self.info_rows()
        if self.sidebar:  # below the address, in the main column
            top = y + 14
            for i, (label, value) in enumerate(rows):
                c.text(L, top + 12 * i, f"{label}:", 8.5, colour=GREY)
                c.fit_text(L + 120, top + 12 * i, value, 8.5, self.right - L - 120, bold=i == 0)
            return top + 12 * len(rows)
        x = 340.0
        for i, (label, value) in enumerate(rows):
            c.text(x, 132 + 12.5 * i, label, 8.5, colour=GREY)
            c.fit_text(self.RIGHT, 132 + 12.5 * i, value, 8.5, 110, bold=i == 0, align="right")
        return max(y, 132 + 12.5 * len(rows))

    def heading(self, y: float, no: int, text: str) -> float:
        y += 18
        label = f"{no}. {text}" if self.numbered else text
        self.c.text(
            self.LEFT,
            y,
            label,
            9.5,
            bold=True,
            colour=self.brand if self.table_style != "grid" else (0, 0, 0),
        )
        return y + 6

    def amount_row(
        self, y: float, text: str, value: Decimal, *, bold: bool = False, size: float = 9
    ) -> float:
        y += 13
        self.c.fit_text(self.LEFT + 4, y, text, size, self.right - self.LEFT - 100, bold=bold)
        self.c.text(self.right - 3, y, self.p.number(value), size, align="right", bold=bold)
        return y

    def table(self, y: float, roles: list[tuple[str, LineItem]]) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.right
        spec: list[tuple[str, str, float, Align]] = [
            ("role", rng.choice(("Rolle", "Leistung / Rolle", "Tätigkeit")), 0, "left"),
            ("hours", rng.choice(("Stunden", "Std.", "Aufwand (h)")), 58, "right"),
            ("rate", rng.choice(("Stundensatz", "Satz €/h", "€ / Std.")), 70, "right"),
            ("amount", rng.choice(("Betrag", "Betrag €", "Summe")), 76, "right"),
        ]  # fmt: skip
        cols = columns(spec, L, R)
        top = y
        if self.table_style == "shaded":
            c.box(L, y, R, y + 16, fill=self.brand, stroke=None)
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True, colour=WHITE)
        else:
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True)
            c.line(L, y + 16, R, y + 16, width=0.7)
        y += 16
        for i, (name, item) in enumerate(roles):
            if self.table_style == "shaded" and i % 2:
                c.box(L, y, R, y + 15, fill=PALE, stroke=None)
            values = {"role": name, "hours": hours_text(item.quantity), "rate": p.number(item.unit_price),
                      "amount": p.number(item.total)}  # fmt: skip
            cells(c, cols, y + 11, values, 8.5)
            y += 15
            if self.table_style == "lines":
                c.line(L, y, R, y, width=0.25, colour=RULE)
        if self.table_style == "grid":
            c.box(L, top, R, y, width=0.4)
            grid_lines(c, cols, top, y)
        return y

    def totals(self, y: float, net: Decimal, vat: Decimal) -> float:
        c, p, rng, R = self.c, self.p, self.rng, self.right
        x = R - 210
        rows = [(rng.choice(("Netto", "Nettobetrag", "Summe netto")), net, False),
                (rng.choice(("zzgl. 19 % USt.", "zzgl. 19 % MwSt.", "Umsatzsteuer 19 %")), vat, False),
                (rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Gesamtsumme brutto")), net + vat, True)]  # fmt: skip
        y += 10
        c.line(x, y, R, y, width=0.6)
        for label, value, bold in rows:
            y += 14
            if bold:
                c.box(x - 4, y - 11, R + 2, y + 5, fill=LIGHT, stroke=None)
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R - 2, y, p.amount(value), 9.5, bold=bold, align="right")
        return y + 6

    def closing(self, y: float, gross: Decimal) -> float:
        c, d, p, rng, L = self.c, self.data, self.p, self.rng, self.LEFT
        width = self.right - L
        texts = [rng.choice((f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} ohne Abzug unter "
                             f"Angabe der Rechnungsnummer {d.number}.",
                             f"Zahlbar innerhalb von {(d.due_date - d.date).days} Tagen ohne Abzug.",
                             f"Zahlungsziel: {p.date(d.due_date)}, netto ohne Abzug."))]  # fmt: skip
        if self.skonto:
            days, pct = self.skonto
            amount = p.amount(round_cent(gross * pct / 100))
            texts.append(rng.choice((f"Bei Zahlung innerhalb von {days} Tagen {pct} % Skonto = {amount}.",
                                     f"Bei Zahlung innerhalb von {days} Tagen gewähren wir {pct} % Skonto ({amount}).")))  # fmt: skip
        if rng.random() < 0.6:
            texts.append(rng.choice(("Vielen Dank für die gute Zusammenarbeit!",
                                     "Wir bedanken uns für Ihren Auftrag und freuen uns auf die weitere Zusammenarbeit.",
                                     "Die Einzelnachweise der Fremdkosten erhalten Sie auf Wunsch gern in Kopie.")))  # fmt: skip
        y += 10
        for text in texts:
            y = c.paragraph(L, y + 4, text, width, 8.5)
        if not self.sidebar and rng.random() < 0.5:
            y += 8
            c.text(L, y, "Mit freundlichen Grüßen", 9)
            c.text(L, y + 13, self.contact, 9)
            y += 13
        return y

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        cols = (
            [s.name, s.street, s.city_line, d.email],
            [f"Geschäftsführung: {d.ceo}", f"Amtsgericht {s.city}", d.register],
            self.tax_ids(self.rng.choice(("USt-IdNr.", "USt-ID")), "Steuernummer"),
            bank,
        )
        footer_columns(self.c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        c, d, rng, L = self.c, self.data, self.rng, self.LEFT
        retainer, roles, costs, fee = self.charges()
        items = [retainer, *(item for _, item in roles), *costs, *([fee] if fee else [])]
        (vat,) = vat_breakdown(items)
        self.header()
        if self.sidebar:
            self.sidebar_block()
        y = self.info()
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        y = max(y, 220.0) + 24
        c.fit_text(L, y, title, 15, self.right - L, bold=True)
        subject = rng.choice(_SUBJECTS).format(month=self.month, job=self.job)
        c.fit_text(L, y + 15, subject, 9.5, self.right - L, colour=GREY)
        y += 15
        if rng.random() < 0.5:
            intro = (f"Sehr geehrte Damen und Herren, für unsere Leistungen im {self.month} erlauben wir uns "
                     "vereinbarungsgemäß wie folgt zu berechnen:")  # fmt: skip
            y = c.paragraph(L, y + 18, intro, self.right - L, 9) - 9
        y = self.heading(y, 1, rng.choice(("Betreuungspauschale", "Retainer", "Pauschale Leistungen")))
        y = self.amount_row(y, f"{retainer.description}, {self.month}", retainer.total)
        y = self.heading(y, 2, rng.choice(("Leistungen nach Aufwand", "Zusätzlicher Aufwand nach Stunden",
                                            "Stundenaufstellung")))  # fmt: skip
        y = self.table(y + 4, roles)
        fees = retainer.total + sum((item.total for _, item in roles), Decimal(0))
        y = self.amount_row(
            y + 2, rng.choice(("Zwischensumme", "Zwischensumme Agenturleistungen")), fees, bold=True
        )
        if costs:
            y = self.heading(
                y,
                3,
                rng.choice(
                    ("Fremdkosten", "Fremdkosten (Weiterberechnung)", "Weiterberechnete Fremdleistungen")
                ),
            )
            for item in costs:
                y = self.amount_row(y, item.description, item.total)
            if fee:
                y = self.amount_row(y, fee.description, fee.total)
            third = sum((item.total for item in costs), Decimal(0)) + (fee.total if fee else Decimal(0))
            y = self.amount_row(y, rng.choice(("Summe Fremdkosten", "Fremdkosten gesamt")), third, bold=True)
        y = self.totals(y, vat.base, vat.amount)
        y = self.closing(y, vat.base + vat.amount)
        if not self.sidebar:
            self.footer()
        assert y < self.FOOT - 4, "agentur_retainer: page overflow"
        return self.finish(
            items, "Rechnung", customer_no=bool(d.customer_no), order_no=True, bic_printed=self.with_bic
        )


# ---------------------------------------------------------------------------
# baumarkt_b2b

_MERCHANTS = ("Baustoffe Hagemann GmbH & Co. KG", "Holz- und Baustoffhandel Brandt GmbH", "Baumarkt Gerdes Profi-Center GmbH",
              "Baustoffzentrum Keßler KG", "Bauwelt Rühle GmbH", "Baucenter Nordheide Jürgensen GmbH & Co. KG")  # fmt: skip
_MERCHANT_LINES = ("Baustoffe · Holz · Fliesen · Werkzeug", "Ihr Partner für Bau und Garten", "Baustoffhandel & Profi-Baumarkt",
                   "Hochbau · Tiefbau · Innenausbau")  # fmt: skip
# Articles: (text, unit, least and most list price, quantities).
_ARTICLES: tuple[tuple[str, str, float, float, tuple[float, ...]], ...] = (
    ("Zement CEM II/A-LL 32,5 R, 25 kg", "Sack", 4.2, 6.9, (10, 20, 40, 60)),
    ("Estrichbeton CT-C20-F4, 40 kg", "Sack", 4.3, 6.5, (10, 24, 36)),
    ("Fliesenkleber flexibel C2TE, 25 kg", "Sack", 11.0, 19.0, (4, 6, 10, 12)),
    ("Kalksandstein KS 2DF 240x115x113", "Stk", 0.55, 0.9, (200, 400, 480)),
    ("Porenbetonstein PP2 625x250x240", "Stk", 4.5, 6.8, (40, 80, 120)),
    ("Betonstahlmatte Q188A 6,00 x 2,30 m", "Stk", 45.0, 70.0, (4, 6, 10)),
    ("Dachlatte 30x50 mm, imprägniert", "m", 0.79, 1.4, (100, 200, 400, 62.5)),
    ("KVH Fichte 60x120 mm, NSi", "m", 6.5, 9.8, (24, 48, 60, 37.5)),
    ("Gipskartonplatte GKB 12,5 mm", "m²", 2.6, 4.2, (30, 60, 90, 45.5)),
    ("Mineralwolle Klemmfilz WLG 035, 140 mm", "m²", 6.9, 11.5, (20, 40, 60, 32.5)),
    ("Pflasterstein grau 20x10x8 cm", "m²", 14.0, 22.0, (12, 24, 36, 18.5)),
    ("Bindedraht verzinkt 1,4 mm", "kg", 3.2, 5.9, (5, 10, 25)),
    ("Quarzsand 0-2 mm, lose", "kg", 0.08, 0.15, (500, 1000, 1500)),
    ("Splitt 2-5 mm, gewaschen", "kg", 0.06, 0.12, (750, 1000, 2000)),
    ("OSB/3-Platte 18 mm, 2500x1250 mm", "Stk", 24.0, 39.0, (10, 20, 30)),
    ("KG-Rohr DN 110, 2 m", "Stk", 7.9, 12.9, (5, 10, 15)),
    ("PE-Baufolie 0,2 mm, 4 x 25 m", "Stk", 29.0, 49.0, (1, 2, 3)),
    ("Bauschaum B2, 750 ml", "Stk", 5.9, 9.9, (6, 12, 24)),
    ("Randstein Beton 100x25x8 cm", "Stk", 3.9, 6.9, (20, 40, 50)),
    ("Spanplattenschrauben 5x60, 500 Stk.", "Stk", 14.9, 24.9, (2, 3, 5)),
)
_FREIGHT = (
    "Frachtpauschale Anlieferung",
    "Anlieferung LKW mit Kran",
    "Fracht / Zustellung Baustelle",
    "Kranentladung",
)
_PALLETS = ("Europalette (Pfand)", "Palettenpfand Europalette", "Pfand Einwegpalette", "Pfand Gitterbox")
_SITES = ("Neubau EFH {}", "BV Sanierung {}", "Baustelle {}", "Objekt {}")


@dataclass(frozen=True)
class Block:
    """One delivery note: its number and date, where it went, its article lines."""

    number: str
    day: dt.date
    site: str
    lines: tuple[tuple[str, Discounted], ...]  # article number or EAN, the line


def ean13(rng: random.Random) -> str:
    body = f"40{rng.randint(10**9, 10**10 - 1)}"
    return body + ean.calc_check_digit(body)


def masked_de(rng: random.Random) -> str:
    """A German customer's IBAN as a direct-debit notice shows it: all but the last digits hidden."""
    kk, tail = rng.randint(10, 99), f"{rng.randint(0, 9999):04d}"
    return rng.choice((f"DE{kk} **** **** **** **{tail[:2]} {tail[2:]}", f"DE{kk}XXXXXXXXXXXXXX{tail}"))


class BaumarktB2b(TripSheet):
    """A builder's merchant's invoice: articles by delivery note, discounts, freight, pallet deposit."""

    FONTS = ("liberation-sans", "dejavu-sans-condensed", "dejavu-sans", "liberation-serif", "liberation-mono")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "code_after", "code_before")
    DATES = ("dotted", "dotted", "dotted_short")
    IDS = "either"
    GROUPED = 0.5
    FOOT = A4.height - 74
    TOP = 96.0  # the table's top on a following page

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        data = _renamed(rng, data, _MERCHANTS, rng.choice(("rechnung", "debitoren", "buchhaltung")))
        day = regular_day(data.date)
        number = rng.choice((str(rng.randint(10**7, 10**8 - 1)), f"RG{day.year % 100}-{rng.randint(1, 999999):06d}",
                             f"{rng.randint(10, 99)}/{rng.randint(100000, 999999)}", f"V{rng.randint(10**6, 10**7 - 1)}"))  # fmt: skip
        customer_no = rng.choice((str(rng.randint(10000, 999999)), f"D{rng.randint(10000, 99999)}"))
        data = dataclasses.replace(data, number=number, date=day, service_date=None, customer_no=customer_no,
                                   order_no="", due_date=day + dt.timedelta(days=rng.choice((10, 14, 30))))  # fmt: skip
        super().__init__(rng, data)
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("band", "logo", "plain"))
        self.info_style = rng.choice(("box", "strip"))
        self.ean_under = rng.random() < 0.35  # the EAN in grey under the text, not in a column
        self.shaded = rng.random() < 0.5
        self.pfand_vat = rng.random() < 0.6
        self.debit = rng.random() < 0.45
        self.bank = not self.debit or rng.random() < 0.7
        self.with_bic = rng.random() < 0.8
        self.long = rng.random() < 0.35  # enough lines for two or three pages
        self.row = 22.0 if self.ean_under else 13.5
        self.note = rng.choice(("Lieferschein {no} vom {day}", "Lieferschein-Nr. {no} vom {day}", "LS {no} v. {day}",
                                "Lieferung lt. Lieferschein {no} vom {day}"))  # fmt: skip
        self.off_format = rng.choice(("{} %", "{},0", "-{} %"))

    # -- what was delivered

    def blocks(self) -> list[Block]:
        rng, d = self.rng, self.data
        count = rng.randint(3, 5) if self.long else rng.randint(1, 2)
        days = sorted(rng.sample(range(1, 28), count), reverse=True)
        street = d.customer.street
        blocks = []
        first_note = rng.randint(10**5, 10**7)
        for k, back in enumerate(days):
            lines = []
            for text, unit, lo, hi, quantities in rng.sample(
                _ARTICLES, rng.randint(6, 10) if self.long else rng.randint(2, 6)
            ):
                qty = Decimal(str(rng.choice(quantities)))
                price = round_cent(Decimal(str(rng.uniform(lo, hi))))
                off = rng.choice((0, 0, 0, 5, 8, 10, 15)) if rng.random() < 0.6 else 0
                article = (
                    ean13(rng) if rng.random() < 0.6 else f"{rng.randint(100, 999)}{rng.randint(1000, 9999)}"
                )
                lines.append((article, discounted(LineItem(text, article, qty, unit, price, 19), off)))
            site = rng.choice(_SITES).format(street) if rng.random() < 0.5 else ""
            blocks.append(
                Block(
                    str(first_note + k * rng.randint(3, 400)),
                    d.date - dt.timedelta(days=back),
                    site,
                    tuple(lines),
                )
            )
        return blocks

    def extras(self) -> tuple[LineItem | None, LineItem | None]:
        rng = self.rng
        freight = None
        if rng.random() < 0.8:
            freight = LineItem(
                rng.choice(_FREIGHT), "", Decimal(1), "", Decimal(rng.choice((35, 45, 59, 79, 95, 120))), 19
            )
        pfand = None
        if rng.random() < 0.75:
            qty = Decimal(rng.randint(1, 6))
            price = Decimal(rng.choice(("12.00", "15.00", "9.50", "18.00")))
            pfand = LineItem(rng.choice(_PALLETS), "", qty, "Stk", price, 19 if self.pfand_vat else 0)
        return freight, pfand

    # -- pages

    def block_height(self) -> float:
        return 20.0

    def paginate(self, blocks: list[Block]) -> list[list[tuple[int, int]]]:
        """The rows of each page: (block, -1) for a block's head, (block, line) for an article line."""
        first_top, limit = 300.0, self.FOOT - 34
        pages: list[list[tuple[int, int]]] = [[]]
        y = first_top
        for b, block in enumerate(blocks):
            if y + self.block_height() + self.row > limit:
                pages.append([])
                y = self.TOP + 34
            pages[-1].append((b, -1))
            y += self.block_height()
            for n in range(len(block.lines)):
                if y + self.row > limit:
                    pages.append([])
                    y = self.TOP + 34
                pages[-1].append((b, n))
                y += self.row
        if (
            y + self.closing_height() > self.FOOT - 6
        ):  # the totals on a page of their own, after the carry-over
            pages.append([])
        return pages

    def closing_height(self) -> float:
        return 9 * 14 + 110

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        line = self.rng.choice(_MERCHANT_LINES)
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "band":
            c.box(0, 22, c.width, 72, fill=self.brand, stroke=None)
            c.fit_text(L, 48, s.name, 16, 300, bold=True, colour=WHITE)
            c.fit_text(L, 62, line, 8, 300, colour=WHITE)
            for i, text in enumerate(contact):
                c.fit_text(R, 34 + 10 * i, text, 7.5, 170, align="right", colour=WHITE)
        elif self.head == "logo":
            logo(c, self.rng.choice(("house", "square")), L, 28, 44, self.brand, initials(s.name))
            c.fit_text(L + 54, 50, s.name, 14, 270, bold=True, colour=self.brand)
            c.text(L + 54, 63, line, 8, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 36 + 10 * i, text, 7.5, align="right", colour=GREY)
        else:
            c.fit_text(R, 48, s.name, 15, 330, bold=True, align="right")
            c.text(R, 61, line, 8, align="right", colour=GREY)
            c.text(L, 48, " · ".join(contact[:2]), 7.5, colour=GREY)
            c.text(L, 58, " · ".join(contact[2:]), 7.5, colour=GREY)
            c.line(L, 68, R, 68, width=1.5, colour=self.brand)

    def info(self, pages: int) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        y = self.address(128)
        rows = [(rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Beleg-Nr.")), d.number),
                (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
                (rng.choice(("Kunden-Nr.", "Kundennummer", "Debitor")), d.customer_no)]  # fmt: skip
        if rng.random() < 0.5:
            rows.append(("Filiale", f"{rng.randint(1, 60):03d} {d.supplier.city}"))
        if pages > 1:
            rows.append(("Seite", f"1 von {pages}"))
        if self.info_style == "box":
            x0 = 340.0
            c.box(x0, 118, R, 124 + 13 * len(rows), width=0.5, stroke=GREY)
            label_rows(c, rows, x0 + 6, R - 6, 131, 8.5, 13, value_align="right")
            return max(y, 124 + 13 * len(rows))
        top = max(y, 200.0) + 6
        width = (R - L) / len(rows)
        for i, (label, value) in enumerate(rows):
            c.box(
                L + i * width,
                top,
                L + (i + 1) * width,
                top + 26,
                fill=PALE if i else LIGHT,
                stroke=RULE,
                width=0.5,
            )
            c.text(L + i * width + 5, top + 9, label, 7, colour=GREY)
            c.fit_text(L + i * width + 5, top + 21, value, 9, width - 10, bold=i == 0)
        return top + 26

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = []
        if not self.ean_under:
            spec.append(("art", rng.choice(("Art.-Nr./EAN", "Artikel", "EAN / Art.-Nr.")), 74, "left"))
        spec += [("desc", rng.choice(("Bezeichnung", "Artikelbezeichnung", "Text")), 0, "left"),
                 ("qty", "Menge", 46, "right"), ("unit", rng.choice(("ME", "Einh.")), 34, "left"),
                 ("price", rng.choice(("Einzelpreis", "Preis/ME", "EP")), 58, "right"),
                 ("off", rng.choice(("Rabatt", "Rab. %", "Nachlass")), 42, "right"),
                 ("amount", rng.choice(("Betrag", "Gesamt", "Betrag EUR")), 64, "right")]  # fmt: skip
        return spec

    def table_head(self, y: float) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        if self.shaded:
            c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        else:
            c.line(L, y, R, y, width=0.7)
            c.line(L, y + 16, R, y + 16, width=0.7)
        cells(c, self.cols, y + 11, {col.key: col.head for col in self.cols}, 8, bold=True)
        return y + 16

    def block_head(self, y: float, block: Block) -> float:
        c, p = self.c, self.p
        text = self.note.format(no=block.number, day=p.date(block.day))
        if block.site:
            text = f"{text} · {block.site}"
        c.fit_text(self.LEFT + 3, y + 14, text, 8.5, self.RIGHT - self.LEFT - 6, bold=True)
        return y + self.block_height()

    def line(self, y: float, article: str, row: Discounted) -> float:
        c, p = self.c, self.p
        item = row.item
        values = {"art": article, "desc": item.description, "qty": p.quantity(item.quantity), "unit": item.unit,
                  "price": p.number(row.price), "amount": p.number(item.total)}  # fmt: skip
        if row.discount:
            values["off"] = self.off_format.format(row.discount)
        cells(c, self.cols, y + 10, values, 8)
        if self.ean_under:
            desc = next(col for col in self.cols if col.key == "desc")
            c.text(
                desc.anchor,
                y + 19,
                f"{'EAN' if len(article) == 13 else 'Art.-Nr.'} {article}",
                6.5,
                colour=GREY,
            )
        y += self.row
        c.line(self.LEFT, y, self.RIGHT, y, width=0.2, colour=RULE)
        return y

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, total = self.c, self.cols[-1]
        c.line(total.x0 - 170, y + 2, self.RIGHT, y + 2, width=0.6)
        c.text(total.x0 - 6, y + 14, label, 8.5, bold=True, align="right")
        c.text(total.anchor, y + 14, self.p.number(running), 8.5, bold=True, align="right")
        return y + 20

    def follow_head(self, page: int, pages: int) -> float:
        c, d, p = self.c, self.data, self.p
        c.text(self.LEFT, 46, d.supplier.name, 8.5, bold=True)
        c.text(
            self.RIGHT,
            46,
            f"Rechnung {d.number} vom {p.date(d.date)} · Kunden-Nr. {d.customer_no}",
            8,
            align="right",
        )
        c.text(self.RIGHT, 58, f"Seite {page} von {pages}", 8, align="right")
        c.line(self.LEFT, 64, self.RIGHT, 64, width=0.5)
        return self.TOP

    def totals(self, y: float, goods: Decimal, freight: LineItem | None, pfand: LineItem | None,
               vat_lines: list) -> float:  # fmt: skip
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        x = R - 270
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = next(v for v in vat_lines if v.rate == 19)
        rows: list[tuple[str, str, bool]] = [
            (rng.choice(("Warenwert", "Warenwert netto", "Summe Waren")), p.number(goods), False)
        ]
        if freight:
            rows.append((freight.description, p.number(freight.total), False))
        if pfand:
            free = " (ohne MwSt.)" if pfand.rate == 0 else ""
            rows.append((f"{pfand.description} {p.quantity(pfand.quantity)} x {p.number(pfand.unit_price)}{free}",
                         p.number(pfand.total), False))  # fmt: skip
        rows.append((rng.choice(("Summe netto", "Nettobetrag", "Gesamt netto")), p.amount(net), True))
        if vat.base != net:
            rows.append((f"MwSt. 19 % auf {p.number(vat.base)}", p.amount(vat.amount), False))
        else:
            rows.append(
                (rng.choice(("MwSt. 19 %", "zzgl. MwSt. 19 %", "USt. 19 %")), p.amount(vat.amount), False)
            )
        rows.append(
            (
                rng.choice(("Rechnungsbetrag", "Rechnungsbetrag", "Endbetrag")),
                p.amount(net + vat.amount),
                True,
            )
        )
        y += 8
        for i, (label, value, bold) in enumerate(rows):
            y += 14
            if i == len(rows) - 1:
                c.box(x - 4, y - 11, R + 2, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9, 190, bold=bold)
            c.text(R, y, value, 9, bold=bold, align="right")
        return y + 6

    def closing(self, y: float, gross: Decimal) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        if self.debit:
            mandate = f"{d.customer_no}-{rng.randint(1, 9):02d}"
            texts = [rng.choice(("Zahlung per Lastschrift", "Zahlungsart: SEPA-Lastschrift")) + ": "
                     + f"Der Rechnungsbetrag von {p.amount(gross)} wird am {p.date(d.due_date)} von Ihrem Konto "
                     f"IBAN {masked_de(rng)} eingezogen.",
                     f"Gläubiger-ID {creditor_id(rng)} · Mandatsreferenz {mandate}"]  # fmt: skip
        else:
            days = rng.choice((8, 10))
            texts = [rng.choice((f"Zahlbar bis {p.date(d.due_date)} ohne Abzug.",
                                 f"Zahlbar innerhalb von {days} Tagen mit 2 % Skonto, innerhalb von 30 Tagen netto.",
                                 "Zahlbar sofort nach Erhalt ohne Abzug."))]  # fmt: skip
        texts.append(rng.choice(("Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
                                 "Pfandpaletten werden bei Rückgabe in einwandfreiem Zustand gutgeschrieben.",
                                 "Es gelten unsere Allgemeinen Verkaufs- und Lieferbedingungen.")))  # fmt: skip
        y += 8
        for text in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8.5)
        return y

    def footer(self, page: int, pages: int) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        if pages > 1:
            c.text(self.RIGHT, self.FOOT - 6, f"Seite {page} von {pages}", 7.5, align="right", colour=GREY)
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}"],
                [f"Sitz {s.city}, Amtsgericht {s.city}", d.register, f"Geschäftsführer: {d.ceo}"],
                self.tax_ids("USt-IdNr.", "St.-Nr.")]  # fmt: skip
        if self.bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        rng, L = self.rng, self.LEFT
        blocks = self.blocks()
        freight, pfand = self.extras()
        layout = self.paginate(blocks)
        pages = len(layout)
        self.cols = columns(self.spec(), L, self.RIGHT)
        self.header()
        y = self.info(pages)
        title = rng.choice(("Rechnung", "Sammelrechnung", "RECHNUNG"))
        self.c.text(L, max(y, 214.0) + 26, title, 14, bold=True)
        y = self.table_head(max(y, 214.0) + 40)
        assert y <= 300.0, "baumarkt_b2b: the table starts below the first page's planned top"
        running = Decimal(0)
        for n, rows in enumerate(layout):
            if n:
                self.carry(
                    y, running, rng.choice(("Übertrag", "Übertrag auf Folgeseite")) if n == 1 else "Übertrag"
                )
                self.footer(n, pages)
                self.c = self.new_page()
                y = self.carry(
                    self.table_head(self.follow_head(n + 1, pages)), running, f"Übertrag von Seite {n}"
                )
            for b, k in rows:
                if k < 0:
                    y = self.block_head(y, blocks[b])
                else:
                    article, row = blocks[b].lines[k]
                    y = self.line(y, article, row)
                    running += row.item.total
        items = [row.item for block in blocks for _, row in block.lines]
        items += [extra for extra in (freight, pfand) if extra]
        y = self.totals(y, running, freight, pfand, vat_breakdown(items))
        y = self.closing(y, sum((v.base + v.amount for v in vat_breakdown(items)), Decimal(0)))
        self.footer(pages, pages)
        assert y < self.FOOT - 4, "baumarkt_b2b: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            customer_no=True,
            bank=self.bank,
            bic_printed=self.bank and self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

LAST_FAMILIES: dict[str, type[TripSheet]] = {
    "agentur_retainer": AgenturRetainer,
    "baumarkt_b2b": BaumarktB2b,
}


def draw_last(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(LAST_FAMILIES[name], name, seed)
