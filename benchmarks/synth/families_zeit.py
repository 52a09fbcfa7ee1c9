"""Two invoice layout families of a consultant billing a timesheet and of a wholesaler printing in landscape,
designed blind (session 16).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_zeit(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip`, `families_first` and `families_last` and returns a `TripDrawing` (truth
keys only for values printed):

- `beratung_stunden`: an IT or management consultant's invoice for a month (or a sprint) of work, in German on
  most seeds and in English on some: the consultant a sole trader ("Dipl.-Inf. Martin Keller", on some seeds
  under a business name such as "Keller IT-Beratung"; Steuernummer and/or USt-IdNr.) or a GmbH (HRB,
  Geschäftsführer, USt-IdNr.); "Rechnungsnummer", "Rechnungsdatum", the project number, the customer's
  purchase order ("Bestellnummer", "PO-Nr.", "Ihre Bestellung") and customer number on some seeds, "Ihr
  Ansprechpartner", a framework contract on some seeds; "Leistungszeitraum 01.03.2024 – 31.03.2024" (a period,
  never a single date of supply). The timesheet has one row per working day ("Mo 04.03.2024", "04.03.2024" or
  "2024-03-04"), the activity, on-site or remote on some seeds, the hours ("7,5 h" or "7:30") and, when days
  are billed, the person-days: either the timesheet is the item table itself (each day with its rate and
  amount, carried over to a second page with "Übertrag" when long), or the invoice bills one line per role
  (hours or person-days × rate) and prints the timesheet below the totals or as a second page ("Anlage:
  Tätigkeitsnachweis"). Travel expenses on most seeds ("Reisekosten lt. Beleg", "Fahrtkosten PKW 412 km × 0,30
  €", hotel nights net) at 19 %, or on some seeds passed through without VAT; "Zwischensumme Honorar",
  "Zwischensumme Auslagen", "Nettobetrag", "USt 19 %" ("USt 19 % auf ..." when expenses bear none),
  "Gesamtbetrag"; payment within 14 or 30 days; on some seeds the PO budget already billed (an amount) or the
  hours quota used. Truth: the usual keys; `kundennummer` and `bestellnummer` where printed; no
  `leistungsdatum`; expenses passed through count as net amounts at 0 % (part of "Nettobetrag", as the pallet
  deposit of `baumarkt_b2b`).
- `rechnung_quer`: a wholesaler's (drinks and food, garden, pet or stationery and books) invoice on a
  LANDSCAPE A4 page (842 × 595 points): the head as a row of boxes across the page ("Rechnung Nr." | "Datum" |
  "Kunden-Nr." | "Lieferschein" | "Ihre Bestellung" and "Lieferdatum" on some seeds | "Seite"), the customer's
  address, a delivery address and the customer's own USt-IdNr. on some seeds, a wide item table (Pos,
  Art.-Nr., EAN on most seeds, Bezeichnung, Menge, ME, Einzelpreis, Rabatt %, Netto, USt-Kz.) with codes A/B
  (or 1/2) keyed to 19 % / 7 % in a legend ("A = 19 %, B = 7 %"), the totals as a horizontal strip at the
  bottom: one row of labels ("Warenwert | Rabatt | (Fracht) | (Netto A | Netto B) | Netto | MwSt A | MwSt B |
  Endbetrag") above one row of values (MwSt B "0,00" on the seeds with 19 % goods only); Skonto terms ("2 %
  Skonto bis 14.03.2024 = 1.234,56") or a net term or a direct debit; two pages on some seeds (carried over
  with "Übertrag", "Seite 1 von 2" in the head box). Truth: the usual keys, `kundennummer`, `bestellnummer`
  and `leistungsdatum` (the single "Lieferdatum") where printed; `pages` as printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % and 5 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

import pymupdf

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_first import FirstSheet
from benchmarks.synth.families_last import ean13, masked_de
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
    month_before,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
from benchmarks.synth.families_world import MORE_BRANDS, PALE, RULE, Discounted, discounted
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    VatLine,
    _short,
    _steuernummer,
    _vat_id,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align, Canvas
from benchmarks.synth.printed import Printer

# ---------------------------------------------------------------------------
# beratung_stunden

_CONSULTANTS = (
    ("Martin", "Keller"),
    ("Sandra", "Vogel"),
    ("Tobias", "Brenner"),
    ("Julia", "Hofmeister"),
    ("Andreas", "Lindqvist"),
    ("Nadine", "Özdemir"),
    ("Christian", "Roth"),
    ("Melanie", "Faber"),
    ("Jörg", "Wiesner"),
)
_DEGREES = ("Dipl.-Inf.", "Dipl.-Wirtsch.-Inf.", "Dr.", "Dipl.-Kfm.", "M.Sc.", "Dipl.-Ing.", "")
_TRADE_NAMES = ("{last} IT-Beratung", "{last} Consulting", "IT-Consulting {last}", "Projektberatung {last}")
_GMBHS = (
    "{last} Consulting GmbH",
    "{last} & Partner Unternehmensberatung GmbH",
    "Nordwind Management Consulting GmbH",
    "Q-Logic IT-Consulting GmbH",
    "Kontur Projektberatung GmbH",
    "Datenfluss Beratungsgesellschaft mbH",
)
_CLIENTS = (
    ("Stadtwerke Nordheim GmbH", "Abt. Einkauf"),
    ("Helmsdorf Versicherung AG", "Kreditorenbuchhaltung"),
    ("Lindner Maschinenbau GmbH & Co. KG", "z. Hd. Frau Dr. Lehmann"),
    ("Biotech Rheinland AG", "Rechnungseingang"),
    ("Verlagsgruppe Sommer GmbH", "z. Hd. Herrn Kaya"),
    ("LogiTrans Spedition GmbH", "IT-Leitung"),
    ("Medicum Klinikverbund gGmbH", "Abt. Finanzen"),
    ("Brauerei Hofbräu Kessler GmbH", ""),
)
# Roles: (German, English, least and most hourly rate).
_ROLES = (
    ("IT-Beratung", "IT consulting", 95, 140),
    ("Projektleitung", "Project management", 110, 160),
    ("Softwareentwicklung", "Software development", 85, 125),
    ("Architekturberatung", "Architecture consulting", 120, 170),
    ("Prozessberatung", "Process consulting", 100, 150),
    ("Interim-Management", "Interim management", 130, 180),
    ("Datenanalyse und Reporting", "Data analysis and reporting", 90, 130),
)
_TASKS = (
    ("Anforderungsanalyse mit dem Fachbereich", "Requirements analysis with the business unit"),
    ("Workshop Zielbild", "Target picture workshop"),
    ("Konzeption Schnittstellen", "Interface design"),
    ("Implementierung", "Implementation"),
    ("Code-Review und Tests", "Code review and testing"),
    ("Jour fixe und Projektsteuerung", "Jour fixe and project steering"),
    ("Dokumentation", "Documentation"),
    ("Vorbereitung Lenkungsausschuss", "Steering committee preparation"),
    ("Prozessaufnahme vor Ort", "Process mapping on site"),
    ("Abstimmung mit Dienstleister", "Alignment with vendor"),
    ("Datenmigration Testlauf", "Data migration test run"),
    ("Schulung Key-User", "Key user training"),
)
_WEEKDAYS = {
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_CITIES_RAIL = (
    "Hamburg",
    "Frankfurt (Main)",
    "München",
    "Köln",
    "Berlin",
    "Stuttgart",
    "Düsseldorf",
    "Leipzig",
)
# Words of the two languages: (German choices, English choices).
_BW: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "number": (("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr."), ("Invoice No.", "Invoice number")),
    "date": (("Rechnungsdatum", "Datum"), ("Invoice date", "Date")),
    "customer": (("Kundennummer", "Kunden-Nr."), ("Customer No.", "Client ID")),
    "project": (("Projekt-Nr.", "Projekt", "Projektnummer"), ("Project No.", "Project")),
    "order": (
        ("Bestellnummer", "Bestell-Nr.", "Ihre Bestellung", "PO-Nr."),
        ("PO number", "Purchase order", "PO"),
    ),
    "contact": (("Ihr Ansprechpartner", "Ansprechpartner"), ("Your contact", "Contact")),
    "period": (("Leistungszeitraum",), ("Service period", "Period of service")),
    "contract": (("Rahmenvertrag", "Vertrag"), ("Framework agreement", "Contract")),
    "title": (("Rechnung", "RECHNUNG", "Honorarrechnung"), ("Invoice", "INVOICE")),
    "fees": (("Zwischensumme Honorar", "Summe Honorar", "Honorar netto"), ("Subtotal fees", "Fees subtotal")),
    "expenses": (
        ("Zwischensumme Auslagen", "Summe Auslagen", "Reisekosten netto"),
        ("Subtotal expenses", "Expenses subtotal"),
    ),
    "net": (("Nettobetrag", "Summe netto", "Rechnungsbetrag netto"), ("Net amount", "Total net")),
    "vat": (("USt 19 %", "zzgl. 19 % USt", "Umsatzsteuer 19 %"), ("VAT 19 %", "plus VAT 19 %")),
    "gross": (("Gesamtbetrag", "Rechnungsbetrag", "Gesamtbetrag brutto"), ("Total amount", "Invoice total")),
    "timesheet": (
        ("Tätigkeitsnachweis", "Stundennachweis", "Leistungsnachweis"),
        ("Timesheet", "Time sheet"),
    ),
    "annex": (
        ("Anlage: Tätigkeitsnachweis", "Anlage: Stundennachweis"),
        ("Annex: timesheet", "Attachment: timesheet"),
    ),
    "day_col": (("Datum", "Tag"), ("Date", "Day")),
    "task": (("Tätigkeit", "Beschreibung der Tätigkeit"), ("Activity", "Description")),
    "hours": (("Stunden", "Std."), ("Hours", "Hrs")),
    "place": (("Ort", "Einsatzort"), ("Location", "Place")),
    "rate": (("Satz", "Stundensatz"), ("Rate", "Hourly rate")),
    "amount": (("Betrag", "Betrag EUR"), ("Amount", "Amount EUR")),
    "pos": (("Pos.",), ("Item",)),
    "desc": (("Leistung", "Bezeichnung"), ("Description", "Service")),
    "qty": (("Menge",), ("Qty", "Quantity")),
    "unit": (("Einheit",), ("Unit",)),
    "price": (("Einzelpreis", "Satz netto"), ("Unit price", "Rate")),
    "total": (("Gesamt", "Betrag netto"), ("Amount", "Total")),
    "sum": (("Summe", "Summe Stunden"), ("Total", "Total hours")),
    "travel": (("Reisekosten und Auslagen", "Auslagen", "Reisekosten"), ("Travel expenses", "Expenses")),
}


@dataclass(frozen=True)
class Workday:
    """One row of the timesheet: the day, what was done, the hours, the role billed, on site or remote."""

    day: dt.date
    task: int
    hours: Decimal
    role: int
    onsite: bool


class BeratungStunden(FirstSheet):
    """A consultant's invoice over a timesheet: fees by the hour or day, travel expenses, subtotals."""

    FONTS = ("liberation-sans", "dejavu-sans", "liberation-serif", "dejavu-sans-condensed")
    IDS = "vat"
    GROUPED = 0.6
    FOOT = A4.height - 74

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.lang = "en" if rng.random() < 0.25 else "de"
        self.gmbh = rng.random() < 0.45
        first, last = rng.choice(_CONSULTANTS)
        self.person = f"{first} {last}"
        degree = rng.choice(_DEGREES)
        self.titled = f"{degree} {self.person}" if degree else self.person
        if self.gmbh:
            name = rng.choice(_GMBHS).format(last=last)
            self.trade_name = ""
        else:
            name = self.person
            self.trade_name = rng.choice(_TRADE_NAMES).format(last=last) if rng.random() < 0.45 else ""
        day = regular_day(data.date)
        self.start, self.end = month_before(day)
        if self.start <= dt.date(2020, 12, 31) and self.end >= dt.date(2020, 7, 1):
            day = day.replace(year=2019)
            self.start, self.end = month_before(day)
        if rng.random() < 0.25:  # a sprint of two or three weeks
            self.start = self.start + dt.timedelta(days=rng.randint(0, 8))
            self.end = min(self.end, self.start + dt.timedelta(days=rng.choice((13, 20))))
        day = self.end + dt.timedelta(days=rng.randint(1, 9))
        n = rng.randint(1, 240)
        initials_ = (first[0] + last[0]).upper()
        number = rng.choice(
            (
                f"{day.year}-{n:03d}",
                f"RE{day.year}{n:03d}",
                f"{initials_}-{day.year}-{n:02d}",
                f"{day.year % 100}{day.month:02d}-{n:02d}",
                f"R-{day.year}-{n:04d}",
            )
        )
        client, attention = rng.choice(_CLIENTS)
        customer = dataclasses.replace(data.customer, name=client, contact=attention)
        supplier = dataclasses.replace(data.supplier, name=name)
        domain = last.lower().replace("ö", "oe").replace("ü", "ue").replace("ä", "ae")
        order = rng.choice(
            (
                f"45{rng.randint(10**7, 10**8 - 1)}",
                f"PO-{day.year}-{rng.randint(10, 9999):04d}",
                f"BE{rng.randint(100000, 999999)}",
            )
        )
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 30, 10))),
            supplier=supplier,
            customer=customer,
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"K-{rng.randint(100, 999)}"))
            if rng.random() < 0.4
            else "",
            order_no=order if rng.random() < 0.6 else "",
            email=f"{first.lower().replace('ö', 'oe').replace('ü', 'ue')}@{domain}-consulting.de",
            phone=rng.choice(("+49 ", "0")) + f"{rng.randint(151, 179)} {rng.randint(1000000, 9999999)}",
            tax_no=data.tax_no or _steuernummer(rng, supplier.region),
        )
        super().__init__(rng, data)
        english = self.lang == "en"
        self.p = Printer(
            rng.choice(("en", "de")) if english else "de",
            rng.choice(("sign_after", "code_after", "code_before"))
            if english
            else rng.choice(("sign_after", "code_after")),
            rng.choice(("fr_slash", "en_long", "iso"))
            if english
            else rng.choice(("dotted", "dotted", "de_long")),
        )
        self.ids = rng.choice(("vat", "both")) if self.gmbh else rng.choice(("stnr", "vat", "both"))
        self.brand = rng.choice(MORE_BRANDS)
        self.joiner = rng.choice((" – ", " - ", " bis " if self.lang == "de" else " to "))
        self.head = rng.choice(("left", "centred", "right"))
        self.mode = rng.choice(("rows", "rows", "summary", "summary", "annex"))
        self.daily = self.mode != "rows" and rng.random() < 0.35
        self.day_style = rng.choice(("weekday", "weekday", "plain", "iso"))
        self.clock = rng.random() < 0.4  # hours as 7:30
        self.with_place = rng.random() < 0.4
        self.passed = rng.random() < 0.25  # expenses passed through without VAT
        self.bank_in_body = rng.random() < 0.35
        self.with_bic = rng.random() < 0.85
        self.project = rng.choice(
            (
                f"P-{day.year % 100}{rng.randint(100, 999)}",
                f"PRJ-{rng.randint(1000, 9999)}",
                f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
            )
        )
        self.contract = (
            f"RV-{day.year - rng.randint(0, 2)}-{rng.randint(1, 40):02d}" if rng.random() < 0.35 else ""
        )
        self.contact = (
            self.person
            if not self.gmbh or rng.random() < 0.6
            else rng.choice(("Jana Fuchs", "Dr. Ralf Steiner", "Aylin Koç", "Marc Hübner"))
        )
        self.roles = rng.sample(range(len(_ROLES)), rng.choice((1, 1, 1, 2)))
        self.rates = {r: Decimal(rng.randrange(_ROLES[r][2], _ROLES[r][3] + 1, 5)) for r in self.roles}
        if self.daily:
            self.rates = {r: rate * 8 - Decimal(rng.choice((0, 0, 40, 80))) for r, rate in self.rates.items()}
        self.quota = Decimal(rng.choice((80, 120, 160, 200, 240))) if rng.random() < 0.3 else None
        self.budget = Decimal(rng.choice((24000, 36000, 48000, 60000, 85000))) if rng.random() < 0.3 else None

    def say(self, key: str) -> str:
        de, en = _BW[key]
        return self.rng.choice(en if self.lang == "en" else de)

    # -- the work

    def workdays(self) -> list[Workday]:
        rng = self.rng
        days = [
            self.start + dt.timedelta(days=k)
            for k in range((self.end - self.start).days + 1)
            if (self.start + dt.timedelta(days=k)).weekday() < 5
        ]
        share = rng.choice((0.4, 0.6, 0.8, 1.0)) if self.mode != "rows" else rng.choice((0.35, 0.5, 0.7))
        onsite_weeks = {w for w in {d.isocalendar()[1] for d in days} if rng.random() < 0.45}
        rows = []
        for day in days:
            if rng.random() > share:
                continue
            hours = Decimal(rng.choice((4, 6, 7.5, 8, 8, 8, 8.5, 9, 6.5, 5.25, 7.75)))
            if self.daily:
                hours = Decimal(rng.choice((4, 8, 8, 8, 8.5)))
            onsite = day.isocalendar()[1] in onsite_weeks and day.weekday() < 4
            rows.append(Workday(day, rng.randrange(len(_TASKS)), hours, rng.choice(self.roles), onsite))
        if not rows:
            rows.append(Workday(days[0], 3, Decimal(8), self.roles[0], False))
        return rows

    def days_of(self, w: Workday) -> Decimal:
        return Decimal(1) if w.hours >= 6 else Decimal("0.5")

    def fee_items(self, rows: list[Workday]) -> list[LineItem]:
        if self.mode == "rows":
            unit = "h"
            return [
                LineItem(_TASKS[w.task][self.lang == "en"], "", w.hours, unit, self.rates[w.role], 19)
                for w in rows
            ]
        items = []
        for r in self.roles:
            mine = [w for w in rows if w.role == r]
            if not mine:
                continue
            qty = sum((self.days_of(w) if self.daily else w.hours for w in mine), Decimal(0))
            name = _ROLES[r][self.lang == "en"]
            unit = (
                ("PT" if self.lang == "de" else "days")
                if self.daily
                else ("Std." if self.lang == "de" else "hrs")
            )
            items.append(LineItem(name, "", qty, unit, self.rates[r], 19))
        return items

    def expense_items(self, rows: list[Workday]) -> list[LineItem]:
        rng, en = self.rng, self.lang == "en"
        onsite = [w for w in rows if w.onsite]
        if not onsite or rng.random() < 0.15:
            return []
        rate = 0 if self.passed else 19
        weeks = len({w.day.isocalendar()[1] for w in onsite})
        items = []
        if rng.random() < 0.55:
            a, b = rng.sample(_CITIES_RAIL, 2)
            price = round_cent(Decimal(str(rng.uniform(79, 259))))
            text = (
                f"Bahnfahrt {a} – {b} und zurück, lt. Beleg"
                if not en
                else f"Train {a} – {b} return, per receipt"
            )
            items.append(LineItem(text, "", Decimal(weeks), "Fahrt" if not en else "trip", price, rate))
        else:
            km = rng.randint(40, 380) * 2 * weeks
            text = f"Fahrtkosten PKW {km} km × 0,30 €" if not en else f"Mileage {km} km × €0.30"
            items.append(LineItem(text, "", Decimal(km), "km", Decimal("0.30"), rate))
        nights = max(0, len(onsite) - weeks)
        if nights and rng.random() < 0.8:
            price = round_cent(Decimal(str(rng.uniform(79, 149))))
            net = " (netto)" if rate else ""
            text = (
                f"Hotelübernachtung{'en' if nights > 1 else ''} lt. Beleg{net}"
                if not en
                else "Hotel per receipt"
            )
            items.append(LineItem(text, "", Decimal(nights), "Nacht" if not en else "nights", price, rate))
        if rng.random() < 0.25:
            text = "Reisekosten lt. Beleg (ÖPNV, Taxi)" if not en else "Local transport per receipt (taxi)"
            items.append(
                LineItem(text, "", Decimal(1), "pausch.", round_cent(Decimal(str(rng.uniform(8, 64)))), rate)
            )
        return items

    # -- wording of rows

    def row_day(self, day: dt.date) -> str:
        if self.day_style == "iso":
            return day.isoformat()
        if self.lang == "en":
            plain = f"{day:%d/%m/%Y}"
        else:
            plain = f"{day:%d.%m.%Y}"
        return f"{_WEEKDAYS[self.lang][day.weekday()]} {plain}" if self.day_style == "weekday" else plain

    def hours(self, value: Decimal) -> str:
        if self.clock:
            minutes = int(value * 60)
            return f"{minutes // 60}:{minutes % 60:02d}"
        return f"{quantity(value, self.p)} h"

    def period(self) -> str:
        p = self.p
        return f"{p.date(self.start)}{self.joiner}{p.date(self.end)}"

    # -- the page

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, d.supplier.name if self.gmbh else self.titled, 9, bold=True)
        word, of = ("Invoice", "of") if self.lang == "en" else ("Rechnung", "vom")
        c.text(self.RIGHT, 50, f"{word} {d.number} {of} {self.p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP

    def page_label(self, page: int, pages: int) -> str:
        return f"Page {page} of {pages}" if self.lang == "en" else f"Seite {page} von {pages}"

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        role = _ROLES[self.roles[0]][self.lang == "en"]
        if self.gmbh:
            title, sub = s.name, rng_tag(self.rng, self.lang)
        elif self.trade_name:
            title, sub = self.trade_name, f"{'Inh.' if self.lang == 'de' else 'Owner:'} {self.titled}"
        else:
            title, sub = self.titled, role
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "left":
            c.fit_text(L, 56, title, 19, 320, bold=True, colour=self.brand)
            c.text(L, 70, sub, 9, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 40 + 10 * i, text, 7.5, align="right", colour=GREY)
        elif self.head == "centred":
            c.fit_text(c.width / 2, 54, title, 17, R - L, bold=True, align="center")
            c.text(c.width / 2, 68, sub, 9, align="center", colour=self.brand)
            c.fit_text(c.width / 2, 81, " · ".join(contact), 7.5, R - L, align="center", colour=GREY)
            c.line(L, 89, R, 89, width=0.6, colour=self.brand)
        else:
            logo(c, self.rng.choice(("circle", "square")), R - 38, 30, 38, self.brand, initials(title))
            c.fit_text(R - 48, 50, title, 15, 300, bold=True, align="right")
            c.text(R - 48, 63, sub, 8.5, align="right", colour=GREY)
            c.fit_text(R - 48, 75, " · ".join(contact[:2]), 7.5, 300, align="right", colour=GREY)

    def info(self) -> float:
        c, d, p, L, R = self.c, self.data, self.p, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        sender = self.person if not self.gmbh else s.name
        y = self.window(
            L,
            136,
            [r.name, r.contact, r.street, r.city_line],
            10,
            sender=f"{sender} · {s.street} · {s.city_line}",
        )
        rows = [(self.say("number"), d.number), (self.say("date"), p.date(d.date))]
        if d.customer_no:
            rows.append((self.say("customer"), d.customer_no))
        rows.append((self.say("project"), self.project))
        if d.order_no:
            rows.append((self.say("order"), d.order_no))
        if self.contract:
            rows.append((self.say("contract"), self.contract))
        rows.append((self.say("contact"), self.contact))
        x = 330 if self.rng.random() < 0.5 else 345
        top = label_rows(c, rows, x, R, 136, 8.5, 13, value_align="right", label_colour=GREY)
        return max(y, top)

    def title(self, y: float) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        y = max(y, 224.0) + 16
        word = self.say("title")
        c.text(L, y, word if rng.random() < 0.6 else f"{word} {d.number}", 15, bold=True)
        y += 16
        c.text(L, y, f"{self.say('period')}: {self.period()}", 9.5, bold=rng.random() < 0.5)
        if rng.random() < 0.55:
            role = _ROLES[self.roles[0]][self.lang == "en"]
            text = (
                f"Sehr geehrte Damen und Herren, für die im o. g. Zeitraum erbrachten Leistungen ({role}) im "
                f"Projekt {self.project} berechne ich wie vereinbart:"
                if self.lang == "de"
                else f"For the services ({role.lower()}) rendered in the period above in project "
                f"{self.project} we invoice as agreed:"
            )
            if self.gmbh and self.lang == "de":
                text = text.replace("berechne ich", "berechnen wir")
            y = c.paragraph(L, y + 16, text, R - L, 9) - 6
        return y + 8

    def heading(self, y: float, cols: list[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8, bold=True)
        return y + 16

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.line(R - 230, y + 3, R, y + 3, width=0.5)
        c.text(R - 230, y + 14, label, 8.8, bold=True)
        c.text(R - 3, y + 14, self.p.number(running), 8.8, bold=True, align="right")
        return y + 20

    def day_table(self, y: float, rows: list[Workday], items: list[LineItem]) -> float:
        """The timesheet as the item table: a day per row with its hours, rate and amount."""
        p = self.p
        spec: list[tuple[str, str, float, Align]] = [
            ("day", self.say("day_col"), 92 if self.day_style == "weekday" else 72, "left"),
            ("task", self.say("task"), 0, "left"),
        ]
        if self.with_place:
            spec.append(("place", self.say("place"), 54, "left"))
        spec += [
            ("hours", self.say("hours"), 50, "right"),
            ("rate", self.say("rate"), 58, "right"),
            ("amount", self.say("amount"), 70, "right"),
        ]
        cols = columns(spec, self.LEFT, self.RIGHT)
        y = self.heading(y, cols)
        running = Decimal(0)
        over = "Übertrag" if self.lang == "de" else "Carried forward"
        for w, item in zip(rows, items, strict=True):
            if y + 13 > self.limit - 26:
                self.carry(y, running, over)
                y = self.carry(self.heading(self.next_page(), cols), running, over)
            y += 13
            place = ("vor Ort" if self.lang == "de" else "on site") if w.onsite else "remote"
            cells(
                self.c,
                cols,
                y,
                {
                    "day": self.row_day(w.day),
                    "task": item.description,
                    "place": place,
                    "hours": self.hours(w.hours),
                    "rate": p.number(item.unit_price),
                    "amount": p.number(item.total),
                },
                8.3,
            )
            self.c.line(self.LEFT, y + 4, self.RIGHT, y + 4, width=0.2, colour=RULE)
            running += item.total
        return y + 6

    def item_table(self, y: float, items: list[LineItem], first: int = 1) -> float:
        p = self.p
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", self.say("pos"), 32, "left"),
            ("desc", self.say("desc"), 0, "left"),
            ("qty", self.say("qty"), 56, "right"),
            ("unit", self.say("unit"), 44, "left"),
            ("price", self.say("price"), 66, "right"),
            ("total", self.say("total"), 74, "right"),
        ]
        cols = columns(spec, self.LEFT, self.RIGHT)
        y = self.heading(y, cols)
        for n, item in enumerate(items, first):
            y += 14
            qty = quantity(item.quantity, p)
            cells(
                self.c,
                cols,
                y,
                {
                    "pos": str(n),
                    "desc": item.description,
                    "qty": qty,
                    "unit": item.unit,
                    "price": p.number(item.unit_price),
                    "total": p.number(item.total),
                },
                8.6,
            )
            self.c.line(self.LEFT, y + 4, self.RIGHT, y + 4, width=0.2, colour=RULE)
        return y + 6

    def expenses(self, y: float, items: list[LineItem], first: int) -> float:
        if not items:
            return y
        if y + 40 + 14 * len(items) > self.limit:
            y = self.next_page()
        head = self.say("travel")
        if self.passed:
            head += " (ohne USt., durchlaufende Posten)" if self.lang == "de" else " (no VAT, passed through)"
        self.c.text(self.LEFT, y + 14, head, 9.5, bold=True)
        return self.item_table(y + 20, items, first)

    def totals(self, y: float, fees: Decimal, spent: Decimal, vat: VatLine) -> float:
        p, R = self.p, self.RIGHT
        rows: list[tuple[str, Decimal, bool]] = []
        net = fees + spent
        if spent:
            rows += [(self.say("fees"), fees, False), (self.say("expenses"), spent, False)]
        rows.append((self.say("net"), net, True))
        label = self.say("vat")
        if vat.base != net:
            on = "auf" if self.lang == "de" else "on"
            label = f"{'USt 19 %' if self.lang == 'de' else 'VAT 19 %'} {on} {p.number(vat.base)}"
        rows.append((label, vat.amount, False))
        rows.append((self.say("gross"), net + vat.amount, True))
        if y + 16 * len(rows) + 20 > self.limit:
            y = self.next_page()
        c, x = self.c, R - 270
        y += 6
        for label, value, bold in rows:
            y += 15
            if bold and label == rows[-1][0]:
                c.box(x - 6, y - 11, R + 3, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9.3, 180, bold=bold)
            c.text(R, y, p.amount(value), 9.3, bold=bold, align="right")
        return y + 8

    def closing(self, y: float, net: Decimal, gross: Decimal, rows: list[Workday]) -> float:
        d, p, rng, en = self.data, self.p, self.rng, self.lang == "en"
        days = (d.due_date - d.date).days
        texts = [
            rng.choice(
                (
                    f"Zahlbar innerhalb von {days} Tagen ohne Abzug bis zum {p.date(d.due_date)}.",
                    f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} unter Angabe der "
                    "Rechnungsnummer.",
                )
                if not en
                else (
                    f"Payment due within {days} days ({p.date(d.due_date)}) without deduction.",
                    f"Please transfer the total by {p.date(d.due_date)} quoting the invoice number.",
                )
            )
        ]
        if self.quota is not None:
            used = sum((w.hours for w in rows), Decimal(0))
            quota = max(self.quota, used + 8)
            texts.append(
                f"Stundenkontingent {quantity(quota, p)} Std., davon in diesem Zeitraum "
                f"{quantity(used, p)} Std."
                if not en
                else f"Hours quota {quantity(quota, p)} h, of which {quantity(used, p)} h in this period."
            )
        if self.budget is not None and d.order_no:
            budget = max(self.budget, (net * 3 / 1000).to_integral_value() * 1000)
            billed = round_cent(net * Decimal(rng.choice(("1", "2", "2.4", "3"))))
            texts.append(
                f"Bestellwert lt. Bestellung {d.order_no}: {p.amount(budget)} netto, bisher abgerechnet "
                f"(inkl. dieser Rechnung): {p.amount(billed)} netto."
                if not en
                else f"PO {d.order_no} value {p.amount(budget)} net, billed to date incl. this invoice "
                f"{p.amount(billed)} net."
            )
        if self.mode == "annex":
            texts.append(self.say("annex"))
        if self.bank_in_body:
            bic = f", BIC {d.iban.bic}" if self.with_bic else ""
            texts.append(
                f"Bankverbindung: {self.bank_name()}, IBAN {self.iban}{bic}"
                if not en
                else f"Bank details: {self.bank_name()}, IBAN {self.iban}{bic}"
            )
        height = sum(11 * len(self.c.wrap(t, self.RIGHT - self.LEFT, 8.6)) + 4 for t in texts) + 40
        if y + height > self.limit:
            y = self.next_page()
        c = self.c
        y += 6
        for text in texts:
            y = c.paragraph(self.LEFT, y + 4, text, self.RIGHT - self.LEFT, 8.6)
        y += 8
        c.text(self.LEFT, y + 4, "Mit freundlichen Grüßen" if not en else "Kind regards", 9)
        c.text(self.LEFT, y + 26, self.titled, 9.5)
        return y + 26

    def timesheet(self, y: float, rows: list[Workday], own_page: bool) -> float:
        """The timesheet below the invoice or as its annex: days, activities, hours (and person-days)."""
        if own_page or y + 60 + 12 * len(rows) > self.limit:
            y = self.next_page()
            self.c.text(self.LEFT, y, self.say("annex"), 13, bold=True)
            y += 16
        else:
            y += 20
            self.c.text(self.LEFT, y, self.say("timesheet"), 11, bold=True)
            y += 6
        c, p = self.c, self.p
        c.text(
            self.LEFT,
            y + 8,
            f"{self.say('period')}: {self.period()} · {self.say('project')} {self.project} · {self.person}",
            8.5,
            colour=GREY,
        )
        spec: list[tuple[str, str, float, Align]] = [
            ("day", self.say("day_col"), 96, "left"),
            ("task", self.say("task"), 0, "left"),
        ]
        if self.with_place:
            spec.append(("place", self.say("place"), 60, "left"))
        spec.append(("hours", self.say("hours"), 60, "right"))
        if self.daily:
            spec.append(("pt", "PT" if self.lang == "de" else "Days", 48, "right"))
        cols = columns(spec, self.LEFT, self.RIGHT)
        y = self.heading(y + 14, cols)
        for w in rows:
            y += 12
            place = ("vor Ort" if self.lang == "de" else "on site") if w.onsite else "remote"
            cells(
                c,
                cols,
                y,
                {
                    "day": self.row_day(w.day),
                    "task": _TASKS[w.task][self.lang == "en"],
                    "place": place,
                    "hours": self.hours(w.hours),
                    "pt": quantity(self.days_of(w), p),
                },
                8.2,
            )
        c.line(self.LEFT, y + 5, self.RIGHT, y + 5, width=0.6)
        y += 17
        total = sum((w.hours for w in rows), Decimal(0))
        values = {"task": self.say("sum"), "hours": self.hours(total)}
        if self.daily:
            values["pt"] = quantity(sum((self.days_of(w) for w in rows), Decimal(0)), p)
        cells(c, cols, y, values, 8.6, bold=True)
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        en = self.lang == "en"
        who = [s.name if self.gmbh else self.titled, s.street, s.city_line, d.email]
        if self.gmbh:
            legal = [
                f"Amtsgericht {s.city} {d.register}",
                f"{'Managing director' if en else 'Geschäftsführer'}: {self.person}",
                *self.tax_ids("USt-IdNr." if not en else "VAT ID", "St.-Nr."),
            ]
        else:
            legal = [
                f"Tel. {d.phone}",
                *self.tax_ids("USt-IdNr." if not en else "VAT ID", "Steuernummer" if not en else "Tax No."),
            ]
        cols = [who, legal]
        if not self.bank_in_body:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        rows = self.workdays()
        fees = self.fee_items(rows)
        spent = self.expense_items(rows)
        items = fees + spent
        vat_lines = vat_breakdown(items)
        vat = next(v for v in vat_lines if v.rate == 19)
        fee_sum = sum((i.total for i in fees), Decimal(0))
        spent_sum = sum((i.total for i in spent), Decimal(0))
        self.header()
        y = self.title(self.info())
        if self.mode == "rows":
            y = self.day_table(y, rows, fees)
        else:
            y = self.item_table(y, fees)
        y = self.expenses(y, spent, len(fees) + 1 if self.mode != "rows" else 1)
        y = self.totals(y, fee_sum, spent_sum, vat)
        y = self.closing(y, fee_sum + spent_sum, fee_sum + spent_sum + vat.amount, rows)
        if self.mode != "rows":
            y = self.timesheet(y, rows, self.mode == "annex")
        assert y < self.limit + 6, "beratung_stunden: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Invoice" if self.lang == "en" else "Rechnung",
            pages=pages,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
            bic_printed=self.with_bic,
        )


def rng_tag(rng: random.Random, lang: str) -> str:
    """A consulting firm's line under its name."""
    if lang == "en":
        return rng.choice(("IT & management consulting", "Consulting · Projects · Interim management"))
    return rng.choice(
        (
            "IT- und Managementberatung",
            "Beratung · Projekte · Interim-Management",
            "Unternehmensberatung für den Mittelstand",
        )
    )


# ---------------------------------------------------------------------------
# rechnung_quer

QUER = pymupdf.paper_rect("a4-l")  # 842 x 595 points
# Trades: (names, line under the name, articles: (text, unit, least and most price, VAT rate, quantities)).
Article = tuple[str, str, float, float, int, tuple[int, ...]]
_QUER_TRADES: dict[str, tuple[tuple[str, ...], str, tuple[Article, ...]]] = {
    "food": (
        (
            "Getränke- und Lebensmittelgroßhandel Albers GmbH & Co. KG",
            "Gastro-Vertrieb Sommer GmbH",
            "C+C Großmarkt Weserland GmbH",
        ),
        "Getränke · Lebensmittel · Gastronomiebedarf",
        (
            ("Mineralwasser medium 12 x 0,7 l Glas", "Kiste", 4.9, 7.5, 19, (5, 10, 20, 30)),
            ("Apfelschorle 24 x 0,33 l", "Kiste", 9.9, 14.9, 19, (3, 5, 10)),
            ("Cola 24 x 0,33 l Dose", "Tray", 11.5, 16.9, 19, (2, 4, 6)),
            ("Kaffee Crema ganze Bohne 1 kg", "Btl.", 12.9, 19.9, 7, (2, 4, 6, 10)),
            ("Vollmilch 3,5 % 12 x 1 l", "Kt.", 11.0, 15.5, 7, (2, 3, 5)),
            ("Spaghetti No. 5, 5 kg", "Sack", 6.9, 10.9, 7, (2, 4)),
            ("Sonnenblumenöl 10 l Kanister", "Kan.", 17.0, 28.0, 7, (1, 2, 3)),
            ("Tomaten geschält 3 x 2,55 kg", "Kt.", 7.5, 11.0, 7, (2, 4, 6)),
            ("Gouda jung am Stück ca. 3 kg", "kg", 7.9, 10.9, 7, (3, 6, 9)),
            ("Spülmaschinentabs 150 St.", "Eimer", 24.0, 39.0, 19, (1, 2)),
            ("Servietten 33 x 33 cm 3-lagig 1000 St.", "Kt.", 14.0, 24.0, 19, (1, 2, 3)),
            ("Müllbeutel 120 l 250 St.", "Kt.", 18.0, 29.0, 19, (1, 2)),
        ),
    ),
    "garden": (
        (
            "Gartenbau-Großhandel Grünewald GmbH",
            "Baumschule & Gartencenter-Großhandel Lüders KG",
            "Pflanzen-Großmarkt Niederrhein GmbH",
        ),
        "Pflanzen · Saatgut · Gartenbedarf für Handel und Landschaftsbau",
        (
            ("Buxus sempervirens 20-25 cm, Topf 2 l", "Stk", 3.2, 5.9, 7, (20, 40, 60)),
            ("Hortensie Bauernhortensie Topf 5 l", "Stk", 6.9, 11.5, 7, (10, 12, 24)),
            ("Lavendel Hidcote Topf P9", "Stk", 1.1, 1.9, 7, (36, 72, 108)),
            ("Rasensaat Sport & Spiel 10 kg", "Sack", 39.0, 64.0, 7, (1, 2, 4)),
            ("Blumenerde torfreduziert 70 l", "Sack", 4.9, 7.9, 19, (20, 40, 60)),
            ("Rindenmulch 0-40 mm 60 l", "Sack", 3.5, 5.5, 19, (20, 30, 50)),
            ("Pflanzschale Terrakotta 40 cm", "Stk", 8.9, 14.9, 19, (4, 6, 12)),
            ("Gartenschlauch 1/2 Zoll 50 m", "Rolle", 29.0, 49.0, 19, (1, 2, 3)),
            ("Organischer Volldünger 25 kg", "Sack", 24.0, 39.0, 19, (1, 2, 4)),
            ("Blumenzwiebeln Tulpe Mix 100 St.", "Pack", 14.0, 22.0, 7, (2, 4, 6)),
        ),
    ),
    "pets": (
        (
            "Zoofachgroßhandel Brandes GmbH",
            "Heimtierbedarf-Großhandel Kranz & Söhne KG",
            "PetTrade Nord GmbH",
        ),
        "Heimtiernahrung · Zubehör · Aquaristik",
        (
            ("Hundetrockenfutter Adult Lamm & Reis 12,5 kg", "Sack", 28.0, 46.0, 7, (2, 4, 6)),
            ("Katzennassfutter Geflügel 12 x 400 g", "Kt.", 11.0, 17.5, 7, (3, 5, 10)),
            ("Vogelfutter Wellensittich 1 kg", "Pack", 1.9, 3.4, 7, (10, 20)),
            ("Kaninchenheu 2,5 kg", "Pack", 3.9, 6.9, 7, (6, 12)),
            ("Katzenstreu klumpend 20 l", "Sack", 6.5, 10.5, 19, (5, 10, 20)),
            ("Hundeleine Nylon 2 m, rot", "Stk", 4.5, 8.9, 19, (3, 6, 12)),
            ("Kratzbaum Classic 120 cm", "Stk", 39.0, 69.0, 19, (1, 2)),
            ("Aquarium-Filter Innen 600 l/h", "Stk", 18.0, 29.0, 19, (2, 3)),
            ("Kauknochen Rind 10 St.", "Pack", 4.2, 7.9, 7, (6, 12, 24)),
        ),
    ),
    "paper": (
        (
            "Papier- und Buchgroßhandel Hartkopf GmbH",
            "Bürobedarf Großhandel Sievers GmbH & Co. KG",
            "Libra Buch- und Medienvertrieb GmbH",
        ),
        "Bürobedarf · Schreibwaren · Bücher",
        (
            ("Kopierpapier A4 80 g/m², 5 x 500 Blatt", "Kt.", 17.5, 26.0, 19, (5, 10, 20)),
            ("Ordner A4 80 mm, blau", "Stk", 1.6, 2.9, 19, (20, 50)),
            ("Kugelschreiber Druckmechanik blau, 50 St.", "Pack", 9.0, 16.0, 19, (1, 2, 4)),
            ("Toner schwarz HP 59A kompatibel", "Stk", 39.0, 69.0, 19, (1, 2, 3)),
            ("Duden – Die deutsche Rechtschreibung, 29. Aufl.", "Stk", 21.0, 26.0, 7, (2, 3, 5)),
            ("Taschenkalender 2025 A6, Wochenplan", "Stk", 3.9, 6.9, 7, (10, 25)),
            ("Kinderbuch Bilderbuch Bauernhof", "Stk", 8.9, 12.9, 7, (3, 5, 10)),
            ("Atlas Deutschland Straßenkarte 1:200.000", "Stk", 14.9, 19.9, 7, (2, 4)),
            ("Haftnotizen 76 x 76 mm gelb, 12 Blöcke", "Pack", 6.9, 11.9, 19, (2, 5, 10)),
            ("Briefumschläge DL ohne Fenster, 1000 St.", "Kt.", 14.0, 22.0, 19, (1, 2, 3)),
        ),
    ),
}
_REPS = ("12 / Hr. Kaiser", "07 / Fr. Brandt", "31 / Hr. Yilmaz", "04 / Fr. Nowak", "Innendienst")


@dataclass(frozen=True)
class QuerLine:
    """One table row: article number, EAN (or none), the discounted line and its tax code."""

    article: str
    ean: str
    line: Discounted


class RechnungQuer(FirstSheet):
    """A wholesaler's invoice on a landscape page: head boxes, a wide table, the totals in a strip."""

    FONTS = ("liberation-sans", "dejavu-sans-condensed", "dejavu-sans", "liberation-mono")
    NUMBERS = ("de", "de", "de", "plain_comma")
    CURRENCY = ("none",)
    DATES = ("dotted", "dotted", "dotted_short")
    IDS = "either"
    GROUPED = 0.5
    LEFT = 36.0
    RIGHT = QUER.width - 36.0
    FOOT = QUER.height - 54
    TOP = 96.0
    ROW = 14.0

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.trade = rng.choice(tuple(_QUER_TRADES))
        names, self.tagline, self.catalog = _QUER_TRADES[self.trade]
        name = rng.choice(names)
        day = regular_day(data.date)
        number = rng.choice(
            (
                str(rng.randint(10**6, 10**7 - 1)),
                f"RG{day.year % 100}/{rng.randint(1, 99999):05d}",
                f"{day.year}{rng.randint(100000, 999999)}",
                f"VR-{rng.randint(100000, 999999)}",
            )
        )
        order = rng.choice(
            (
                f"{rng.randint(1000, 99999)}",
                f"B-{day.year % 100}-{rng.randint(100, 999)}",
                f"EK{rng.randint(10000, 99999)}",
            )
        )
        short = _short(name.replace("C+C", "cc").replace("-", " "))
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=day - dt.timedelta(days=rng.randint(0, 6)),
            due_date=day + dt.timedelta(days=rng.choice((30, 30, 14, 21))),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (str(rng.randint(10000, 999999)), f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}")
            ),
            order_no=order,
            email=f"{rng.choice(('rechnung', 'buchhaltung', 'info'))}@{short}.de",
            register=f"HRA {rng.randint(1000, 9999)}" if name.endswith("KG") else data.register,
        )
        super().__init__(rng, data)
        self.brand = rng.choice(MORE_BRANDS)
        self.codes = rng.choice((("A", "B"), ("A", "B"), ("1", "2")))
        self.with_ean = rng.random() < 0.75
        self.with_order = rng.random() < 0.55
        self.with_delivery = rng.random() < 0.45
        self.with_rep = rng.random() < 0.4
        self.their_vat = rng.random() < 0.3
        self.ship_to = rng.random() < 0.35
        self.bases = rng.random() < 0.4  # "Netto A" / "Netto B" in the strip
        self.freight = (
            Decimal(rng.choice(("9.90", "14.90", "19.50", "29.00", "45.00"))) if rng.random() < 0.45 else None
        )
        self.only_a = rng.random() < 0.15
        self.long = rng.random() < 0.3
        self.payment = rng.choice(("skonto", "skonto", "skonto", "net", "debit"))
        self.strip_style = rng.choice(("grid", "lines", "shaded"))
        self.with_bic = rng.random() < 0.85
        self.words = (
            rng.choice(("Rechnung Nr.", "Rechnungs-Nr.", "Beleg-Nr.")),
            rng.choice(("Datum", "Rechnungsdatum", "Belegdatum")),
            rng.choice(("Kunden-Nr.", "Kd.-Nr.", "Debitor")),
            rng.choice(("Lieferschein", "Lieferschein-Nr.", "LS-Nr.")),
            rng.choice(("Ihre Bestellung", "Ihre Bestell-Nr.", "Auftrag")),
            rng.choice(("Lieferdatum", "Liefertag")),
            "von" if rng.random() < 0.6 else "",
        )
        self.slip = (
            str(rng.randint(10**7, 10**8 - 1)) if rng.random() < 0.6 else f"LS-{rng.randint(100000, 999999)}"
        )

    def new_page(self) -> Canvas:
        return Canvas(self.doc.new_page(width=QUER.width, height=QUER.height), self.font)

    # -- the goods

    def lines(self) -> list[QuerLine]:
        rng = self.rng
        catalog = [a for a in self.catalog if a[4] == 19] if self.only_a else list(self.catalog)
        count = rng.randint(16, 30) if self.long else rng.randint(4, 11)
        picks = rng.sample(catalog, min(count, len(catalog)))
        picks += rng.choices(catalog, k=count - len(picks))
        style = rng.random() < 0.5
        known: dict[str, tuple[str, str, Decimal, int]] = {}  # an article repeated keeps its number and price
        out = []
        for text, unit, lo, hi, rate, quantities in picks:
            if text not in known:
                known[text] = (
                    f"{rng.randint(100000, 999999)}"
                    if style
                    else f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                    ean13(rng),
                    round_cent(Decimal(str(rng.uniform(lo, hi)))),
                    rng.choice((0, 0, 0, 3, 5, 10, 12)) if rng.random() < 0.6 else 0,
                )
            article, code, price, off = known[text]
            item = LineItem(text, article, Decimal(rng.choice(quantities)), unit, price, rate)
            out.append(QuerLine(article, code, discounted(item, off)))
        if not self.only_a and not any(q.line.item.rate == 7 for q in out):
            first = next(a for a in self.catalog if a[4] == 7)
            item = LineItem(
                first[0], out[0].article, Decimal(first[5][0]), first[1], Decimal(str(first[2])), 7
            )
            out[0] = QuerLine(out[0].article, out[0].ean, discounted(item, 0))
        rng.shuffle(out)
        return out

    def paginate(self, count: int, first_top: float) -> list[int]:
        """How many table rows each page holds; the last page keeps room for the strip and the terms."""
        room = 150.0
        pages, y, on_page = [], first_top, 0
        for _ in range(count):
            if y + self.ROW > self.limit - 22:
                pages.append(on_page)
                y, on_page = self.TOP + 18 + 20, 0
            y += self.ROW
            on_page += 1
        if y + room > self.limit:
            pages.append(on_page)
            on_page = 0
        pages.append(on_page)
        return pages

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        contact = (f"{s.street} · {s.city_line}", f"Tel. {d.phone} · Fax {d.phone[:-2]}99 · {d.email}")
        if self.rng.random() < 0.5:
            c.box(0, 22, c.width, 62, fill=self.brand, stroke=None)
            c.fit_text(L, 46, s.name, 16, 440, bold=True, colour=WHITE)
            c.fit_text(L, 57, self.tagline, 7.5, 440, colour=WHITE)
            for i, line in enumerate(contact):
                c.fit_text(R, 40 + 10 * i, line, 7.2, 290, align="right", colour=WHITE, min_size=5)
        else:
            logo(c, self.rng.choice(("square", "circle", "diamond")), L, 22, 34, self.brand, initials(s.name))
            c.fit_text(L + 42, 40, s.name, 15, 420, bold=True, colour=self.brand)
            c.fit_text(L + 42, 52, self.tagline, 7.5, 420, colour=GREY)
            for i, line in enumerate(contact):
                c.fit_text(R, 36 + 10 * i, line, 7.2, 290, align="right", colour=GREY, min_size=5)
            c.line(L, 62, R, 62, width=1.2, colour=self.brand)

    def addresses(self) -> float:
        c, d, rng, L = self.c, self.data, self.rng, self.LEFT
        s, r = d.supplier, d.customer
        y = self.window(
            L,
            82,
            [r.name, r.contact, r.street, r.city_line],
            9.5,
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        x = 320.0
        right = 82.0
        if self.ship_to:
            c.text(x, right, "Lieferanschrift:", 7.5, colour=GREY)
            lines = [
                r.name,
                rng.choice(("Lager / Warenannahme Tor 3", "Filiale Bahnhofstraße", "Küche, Hintereingang")),
                r.city_line,
            ]
            for i, line in enumerate(lines):
                c.fit_text(x, right + 12 + 11 * i, line, 8.5, 220)
            x += 240
        rows = [
            ("Ihr Ansprechpartner", rng.choice(("Fr. Klein", "Hr. Behrens", "Fr. Demir", "Hr. Otto"))),
            ("Durchwahl", f"{d.phone}-{rng.randint(10, 59)}"),
        ]
        if self.their_vat:
            rows.append(("Ihre USt-IdNr.", _vat_id(rng)))
        if self.with_rep:
            rows.append(("Vertreter", rng.choice(_REPS)))
        label_rows(
            c, rows, max(x, 560.0), self.RIGHT, right + 4, 7.8, 11.5, value_align="right", label_colour=GREY
        )
        return max(y, 150.0)

    def boxes(self, y: float, pages: int, page: int = 1) -> float:
        """The head as a row of boxes across the page: a small label above each value."""
        c, d, p, L, R = self.c, self.data, self.p, self.LEFT, self.RIGHT
        words = self.words
        fields = [
            (words[0], d.number),
            (words[1], p.date(d.date)),
            (words[2], d.customer_no),
            (words[3], self.slip),
        ]
        if self.with_order:
            fields.append((words[4], d.order_no))
        if self.with_delivery and d.service_date:
            fields.append((words[5], p.date(d.service_date)))
        fields.append(("Seite", f"{page} von {pages}" if words[6] else f"{page}/{pages}"))
        width = (R - L) / len(fields)
        for i, (label, value) in enumerate(fields):
            x = L + i * width
            c.box(x, y, x + width, y + 28, width=0.6, fill=PALE if i % 2 else None)
            c.text(x + 5, y + 9, label, 6.8, colour=GREY)
            c.fit_text(x + 5, y + 22, value, 10, width - 10, bold=i < 2)
        return y + 28

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos", 30, "left"),
            ("art", rng.choice(("Art.-Nr.", "Artikel-Nr.", "Artikel")), 64, "left"),
        ]
        if self.with_ean:
            spec.append(("ean", "EAN", 86, "left"))
        spec += [
            ("desc", rng.choice(("Bezeichnung", "Artikelbezeichnung", "Artikeltext")), 0, "left"),
            ("qty", "Menge", 48, "right"),
            ("unit", "ME", 40, "left"),
            ("price", rng.choice(("Einzelpreis", "EP netto", "Preis/ME")), 68, "right"),
            ("off", rng.choice(("Rabatt %", "Rab. %", "Rabatt")), 52, "right"),
            ("total", rng.choice(("Netto", "Gesamt netto", "Betrag")), 78, "right"),
            ("code", rng.choice(("USt-Kz.", "USt", "MwSt-Kz")), 48, "center"),
        ]
        return spec

    def table_head(self, y: float) -> float:
        c = self.c
        c.box(self.LEFT, y, self.RIGHT, y + 18, fill=LIGHT, width=0.5)
        cells(c, self.cols, y + 12, {col.key: col.head for col in self.cols}, 8, bold=True)
        return y + 18

    def row(self, y: float, n: int, q: QuerLine) -> float:
        p, item = self.p, q.line.item
        off = f"{q.line.discount},0" if q.line.discount else ""
        code = self.codes[0] if item.rate == 19 else self.codes[1]
        cells(
            self.c,
            self.cols,
            y + 10,
            {
                "pos": str(n),
                "art": q.article,
                "ean": q.ean,
                "desc": item.description,
                "qty": quantity(item.quantity, p),
                "unit": item.unit,
                "price": p.number(q.line.price),
                "off": off,
                "total": p.number(item.total),
                "code": code,
            },
            8.2,
        )
        self.c.line(self.LEFT, y + self.ROW, self.RIGHT, y + self.ROW, width=0.2, colour=RULE)
        return y + self.ROW

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, total = self.c, next(col for col in self.cols if col.key == "total")
        c.text(total.x0 - 8, y + 12, label, 8.5, bold=True, align="right")
        c.text(total.anchor, y + 12, self.p.number(running), 8.5, bold=True, align="right")
        return y + 18

    def follow_head(self) -> float:
        c, d, p = self.c, self.data, self.p
        c.text(self.LEFT, 44, d.supplier.name, 9, bold=True)
        c.text(
            self.RIGHT,
            44,
            f"Rechnung Nr. {d.number} vom {p.date(d.date)} · Kunden-Nr. {d.customer_no}",
            8.5,
            align="right",
        )
        c.line(self.LEFT, 52, self.RIGHT, 52, width=0.5, colour=GREY)
        return self.TOP

    def strip(self, y: float, lines: list[QuerLine], vat_lines: list[VatLine]) -> float:
        """The totals as one row of labels above one row of values, across the page."""
        p, rng, L, R = self.p, self.rng, self.LEFT, self.RIGHT
        goods = sum((round_cent(q.line.item.quantity * q.line.price) for q in lines), Decimal(0))
        net_goods = sum((q.line.item.total for q in lines), Decimal(0))
        by_rate = {v.rate: v for v in vat_lines}
        a, b = (
            by_rate.get(19, VatLine(19, Decimal(0), Decimal(0))),
            by_rate.get(7, VatLine(7, Decimal(0), Decimal(0))),
        )
        net = a.base + b.base
        ca, cb = self.codes
        cut = goods - net_goods
        fields = [
            (rng.choice(("Warenwert", "Positionswert", "Summe Positionen")), p.number(goods)),
            (
                rng.choice(("Rabatt", "./. Rabatt", "Rabatte")),
                p.number(-cut) if rng.random() < 0.5 else p.number(cut),
            ),
        ]
        if self.freight is not None:
            fields.append((rng.choice(("Fracht", "Versandkosten", "Frachtkosten")), p.number(self.freight)))
        if self.bases:
            fields += [(f"Netto {ca}", p.number(a.base)), (f"Netto {cb}", p.number(b.base))]
        fields.append((rng.choice(("Netto", "Nettowert", "Summe netto")), p.number(net)))
        vat_word = rng.choice(("MwSt", "MwSt.", "USt"))
        fields += [
            (f"{vat_word} {ca} 19 %", p.number(a.amount)),
            (f"{vat_word} {cb} 7 %", p.number(b.amount)),
        ]
        if a.amount and b.amount:
            fields.append(
                (rng.choice(("MwSt gesamt", "Summe MwSt", "Steuer")), p.number(a.amount + b.amount))
            )
        fields.append(
            (
                rng.choice(("Endbetrag EUR", "Rechnungsbetrag EUR", "Zu zahlen EUR")),
                p.number(net + a.amount + b.amount),
            )
        )
        width = (R - L) / len(fields)
        style = self.strip_style
        c = self.c
        if style == "shaded":
            c.box(L, y, R, y + 15, fill=LIGHT, stroke=None)
        for i, (label, value) in enumerate(fields):
            x0, x1 = L + i * width, L + (i + 1) * width
            last = i == len(fields) - 1
            if style == "grid":
                c.box(x0, y, x1, y + 34, width=0.6)
                c.line(x0, y + 15, x1, y + 15, width=0.4)
            if last:
                c.box(x0, y + 15, x1, y + 34, fill=PALE if style != "grid" else LIGHT, stroke=None)
            c.fit_text(
                x1 - 5, y + 11, label, 7.6, width - 10, align="right", colour=GREY if not last else (0, 0, 0)
            )
            c.fit_text(x1 - 5, y + 28, value, 9.5, width - 10, align="right", bold=last)
        if style == "lines":
            c.line(L, y + 15, R, y + 15, width=0.5)
            c.line(L, y + 34, R, y + 34, width=1.0)
        return y + 34

    def terms(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts = []
        if self.payment == "skonto":
            pct = rng.choice((2, 2, 3))
            days = rng.choice((8, 10, 14))
            until = d.date + dt.timedelta(days=days)
            cut = round_cent(gross * pct / 100)
            texts.append(
                rng.choice(
                    (
                        f"Zahlungsbedingungen: {pct} % Skonto bis {p.date(until)} = {p.number(gross - cut)} "
                        f"EUR, netto bis {p.date(d.due_date)} = {p.number(gross)} EUR",
                        f"{pct} % Skonto bis {p.date(until)} = {p.number(gross - cut)} · Skontobetrag "
                        f"{p.number(cut)} · "
                        f"ohne Abzug bis {p.date(d.due_date)}",
                        f"Zahlbar innerhalb {days} Tagen mit {pct} % Skonto ({p.number(cut)} EUR), innerhalb "
                        f"{(d.due_date - d.date).days} Tagen netto.",
                    )
                )
            )
        elif self.payment == "net":
            texts.append(f"Zahlbar bis {p.date(d.due_date)} ohne Abzug.")
        else:
            texts.append(
                f"Der Betrag wird am {p.date(d.due_date)} per SEPA-Lastschrift von Ihrem Konto "
                f"{masked_de(rng)} "
                f"eingezogen. Gläubiger-ID {creditor_id(rng)}, Mandatsreferenz {d.customer_no}-01."
            )
        texts.append(
            rng.choice(
                (
                    "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
                    "Es gelten unsere Allgemeinen Verkaufs- und Lieferbedingungen.",
                    "Reklamationen bitte innerhalb von 8 Tagen nach Erhalt der Ware.",
                )
            )
        )
        c = self.c
        for k, text in enumerate(texts):
            y = c.paragraph(self.LEFT, y + 4, text, self.RIGHT - self.LEFT, 8.3, bold=k == 0)
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        cols = [
            [s.name, s.street, s.city_line],
            [f"Tel. {d.phone}", d.email, f"www.{d.email.split('@')[1]}"],
            [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}"],
            self.tax_ids("USt-IdNr.", "St.-Nr."),
            [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else []),
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        lines = self.lines()
        items = [q.line.item for q in lines]
        if self.freight is not None:
            items.append(LineItem("Fracht", "", Decimal(1), "", self.freight, 19))
        vat_lines = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat_lines), Decimal(0))
        self.cols = columns(self.spec(), self.LEFT, self.RIGHT)
        self.header()
        y = self.addresses()
        title = self.rng.choice(("RECHNUNG", "Rechnung", "Rechnung / Lieferschein"))
        self.c.text(self.LEFT, y + 8, title, 13, bold=True)
        top = y + 14
        layout = self.paginate(len(lines), top + 28 + 8 + 18)
        pages = len(layout)
        y = self.table_head(self.boxes(top, pages) + 8)
        running, n = Decimal(0), 0
        for k, count in enumerate(layout):
            if k:
                self.carry(y, running, "Übertrag")
                self.next_page()
                y = self.carry(
                    self.table_head(self.boxes(self.follow_head() - 36, pages, k + 1) + 6),
                    running,
                    "Übertrag von Seite " + str(k),
                )
            for q in lines[n : n + count]:
                n += 1
                y = self.row(y, n, q)
                running += q.line.item.total
        ca, cb = self.codes
        self.c.text(self.LEFT, y + 12, f"USt-Kennzeichen: {ca} = 19 %, {cb} = 7 %", 7.5, colour=GREY)
        y = self.strip(y + 20, lines, vat_lines)
        y = self.terms(y + 6, gross)
        assert y < self.limit + 6, "rechnung_quer: page overflow"
        assert self.pages == pages, "rechnung_quer: pages not as planned"
        self.close_pages(False)
        if not self.with_delivery:
            self.data = dataclasses.replace(self.data, service_date=None)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.with_delivery,
            customer_no=True,
            order_no=self.with_order,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

ZEIT_FAMILIES: dict[str, type[TripSheet]] = {
    "beratung_stunden": BeratungStunden,
    "rechnung_quer": RechnungQuer,
}


def draw_zeit(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(ZEIT_FAMILIES[name], name, seed)
