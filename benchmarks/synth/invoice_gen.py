"""Synthetic German invoices in many layouts, with ground truth.

`generate_invoice(seed)` makes one born-digital invoice PDF and its truth in the
format of `datasets/zugferd-awv/*.truth.json` (plus `leistungsdatum`,
`kundennummer`, `bestellnummer` when printed). Every truth value is printed on
the page in some form (amounts and dates in the invoice's own number and date
format). Layouts, label wordings, fonts and formats vary with the seed so that
field extraction meets layouts it was not tuned for.

CLI: `python -m benchmarks.synth.invoice_gen --out DIR -n 50 [--seed S] [--scanned]`
writes `X.pdf`, `X.truth.json` (and `X.scan.pdf`) per invoice and `index.jsonl`;
with `--per-family N`, N invoices of every layout family of `benchmarks.synth.families`
(their split in the index).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Literal

import pymupdf
from schwifty import IBAN
from stdnum.de import stnr, vat

from benchmarks.synth.pdfdraw import A4, FAMILIES, Canvas, finish

CENT = Decimal("0.01")
MONTHS_DE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# ---------------------------------------------------------------------------
# Formats


def round_cent(value: Decimal) -> Decimal:
    """Commercial rounding to the cent (half up), as German invoicing does."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_number(value: Decimal, lang: Literal["de", "en"], decimals: int = 2) -> str:
    """1.234,56 (de) or 1,234.56 (en)."""
    text = f"{value:,.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


DateFormat = Literal["dotted", "long", "iso", "en_long", "en_us"]


def format_date(day: dt.date, fmt: DateFormat) -> str:
    if fmt == "dotted":
        return day.strftime("%d.%m.%Y")
    if fmt == "long":
        return f"{day.day}. {MONTHS_DE[day.month - 1]} {day.year}"
    if fmt == "iso":
        return day.isoformat()
    if fmt == "en_long":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


MoneyFormat = Literal["suffix", "prefix", "plain", "en"]


@dataclass(frozen=True)
class Money:
    """How amounts are printed: `fmt`, and whether the font can print the euro sign."""

    fmt: MoneyFormat
    euro_sign: bool

    @property
    def lang(self) -> Literal["de", "en"]:
        return "en" if self.fmt == "en" else "de"

    def number(self, value: Decimal) -> str:
        return format_number(value, self.lang)

    def amount(self, value: Decimal) -> str:
        """An amount with its currency, as printed in the totals."""
        n = self.number(value)
        if self.fmt == "suffix":
            return f"{n} €" if self.euro_sign else f"{n} EUR"
        if self.fmt == "plain":
            return n
        return f"EUR {n}"

    @property
    def column_suffix(self) -> str:
        return "€" if self.euro_sign and self.fmt == "suffix" else "EUR"


# ---------------------------------------------------------------------------
# Layouts and wordings


@dataclass(frozen=True)
class Layout:
    """The visual structure of one invoice family."""

    name: str
    lang: Literal["de", "en"]
    families: tuple[str, ...]
    letterhead: Literal["left", "right", "center", "band"]
    info: Literal["table_right", "stacked_row", "inline", "table_left"]
    table: Literal["ruled", "grid", "shaded", "dashed"]
    totals: Literal["right", "boxed", "wide"]
    footer: Literal["three_cols", "centered", "bank_box"]
    money: tuple[MoneyFormat, ...]
    dates: tuple[DateFormat, ...]
    art_no: bool
    rate_column: bool
    size: float


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "klassik",
        "de",
        ("dejavu-sans", "liberation-sans"),
        "left",
        "table_right",
        "ruled",
        "right",
        "three_cols",
        ("suffix",),
        ("dotted", "long"),
        False,
        True,
        10,
    ),
    Layout(
        "modern",
        "de",
        ("liberation-sans", "dejavu-sans-condensed"),
        "band",
        "stacked_row",
        "shaded",
        "boxed",
        "centered",
        ("prefix", "suffix"),
        ("long", "dotted"),
        True,
        False,
        10,
    ),
    Layout(
        "kanzlei",
        "de",
        ("liberation-serif", "dejavu-serif", "times"),
        "center",
        "inline",
        "ruled",
        "wide",
        "bank_box",
        ("suffix",),
        ("long", "dotted"),
        False,
        False,
        10.5,
    ),
    Layout(
        "english",
        "en",
        ("liberation-sans", "helvetica", "dejavu-sans"),
        "left",
        "table_left",
        "grid",
        "right",
        "three_cols",
        ("en",),
        ("iso", "en_long", "en_us"),
        False,
        True,
        10,
    ),
    Layout(
        "beleg",
        "de",
        ("liberation-mono",),
        "left",
        "table_right",
        "dashed",
        "right",
        "centered",
        ("plain",),
        ("iso", "dotted"),
        True,
        True,
        9.5,
    ),
    Layout(
        "handwerk",
        "de",
        ("dejavu-sans-condensed", "helvetica", "liberation-serif"),
        "right",
        "table_right",
        "grid",
        "boxed",
        "three_cols",
        ("prefix", "suffix"),
        ("dotted", "iso"),
        False,
        True,
        10,
    ),
)
LAYOUT_NAMES = tuple(layout.name for layout in LAYOUTS)

_WORDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "title": ("Rechnung", "RECHNUNG", "Rechnung"),
        "number": ("Rechnungsnr.", "Rechnung Nr.", "Beleg-Nr.", "Rechnungsnummer"),
        "date": ("Rechnungsdatum", "Datum", "Belegdatum"),
        "service_date": ("Leistungsdatum", "Lieferdatum"),
        "customer": ("Kundennr.", "Kunden-Nr.", "Kundennummer"),
        "order": ("Bestellnr.", "Ihre Bestellung", "Auftragsnr."),
        "net": ("Netto", "Zwischensumme", "Summe netto", "Nettobetrag"),
        "vat": ("MwSt.", "USt.", "Umsatzsteuer"),
        "total": ("Gesamtbetrag", "Rechnungsbetrag", "Zahlbetrag", "Summe brutto"),
        "vat_id": ("USt-IdNr.", "USt-ID", "Umsatzsteuer-ID"),
        "tax_no": ("Steuernummer", "St.-Nr.", "Steuer-Nr."),
    },
    "en": {
        "title": ("Invoice", "INVOICE", "Tax Invoice"),
        "number": ("Invoice No.", "Invoice number", "Invoice #"),
        "date": ("Invoice date", "Date"),
        "service_date": ("Date of supply", "Delivery date"),
        "customer": ("Customer No.", "Customer ID"),
        "order": ("PO number", "Your order"),
        "net": ("Net total", "Subtotal", "Net amount"),
        "vat": ("VAT",),
        "total": ("Total due", "Total", "Amount due"),
        "vat_id": ("VAT ID", "VAT Reg. No."),
        "tax_no": ("Tax No.", "Tax number"),
    },
}

_FIXED: dict[str, dict[str, str]] = {
    "de": {
        "pos": "Pos.",
        "art": "Art.-Nr.",
        "desc": "Bezeichnung",
        "qty": "Menge",
        "unit": "Einheit",
        "price": "Einzelpreis",
        "rate": "USt.",
        "line_total": "Gesamt",
        "carried": "Übertrag",
        "brought": "Übertrag",
        "page": "Seite {n} von {m}",
        "vat_sum": "Summe {vat}",
        "on": "auf",
        "phone": "Tel.",
        "bank": "Bankverbindung",
        "intro": "Sehr geehrte Damen und Herren, für unsere "
        "Leistungen erlauben wir uns, Ihnen Folgendes in Rechnung zu stellen:",
        "due": "Zahlbar bis zum {due} ohne Abzug.",
        "thanks": "Vielen Dank für Ihren Auftrag!",
        "transfer": "Bitte überweisen Sie den Rechnungsbetrag unter Angabe der Rechnungsnummer auf folgendes "
        "Konto:",
        "amounts_in": "Alle Beträge in EUR",
        "ceo": "Geschäftsführer",
        "court": "Amtsgericht",
    },
    "en": {
        "pos": "No.",
        "art": "Item",
        "desc": "Description",
        "qty": "Qty",
        "unit": "Unit",
        "price": "Unit price",
        "rate": "VAT",
        "line_total": "Amount",
        "carried": "Carried forward",
        "brought": "Brought forward",
        "page": "Page {n} of {m}",
        "vat_sum": "Total {vat}",
        "on": "on",
        "phone": "Phone",
        "bank": "Bank details",
        "intro": "Dear Sir or Madam, we hereby invoice you for the following:",
        "due": "Payment due by {due} without deduction.",
        "thanks": "Thank you for your business!",
        "transfer": "Please transfer the amount due, quoting the invoice number, to:",
        "amounts_in": "All amounts in EUR",
        "ceo": "Managing director",
        "court": "Register court",
    },
}


@dataclass(frozen=True)
class Labels:
    title: str
    number: str
    date: str
    service_date: str
    customer: str
    order: str
    net: str
    vat: str
    total: str
    vat_id: str
    tax_no: str
    fixed: dict[str, str]

    @classmethod
    def choose(cls, rng: random.Random, lang: Literal["de", "en"]) -> Labels:
        words = {key: rng.choice(options) for key, options in _WORDINGS[lang].items()}
        return cls(fixed=_FIXED[lang], **words)


# ---------------------------------------------------------------------------
# Parties, identifiers, items

_SUPPLIERS = (
    "Müller & Söhne GmbH",
    "Bäckerei Größel",
    "Öko-Übersetzungen Schäfer",
    "Gärtnerei Jürgens KG",
    "Hörmann Stahlbau GmbH & Co. KG",
    "Weiß & Löffler Steuerberatung",
    "Dürr Büroservice GmbH",
    "Konditorei Süßholz e.K.",
    "Kühne Logistik AG",
    "Schröder Elektrotechnik GmbH",
    "Glückauf Maschinenbau GmbH",
    "Brötchen-Börse Köhler",
    "Fleischerei Grünewald",
    "Höfer & Bräuer Ingenieure",
    "Zöllner Gebäudereinigung",
)
_CUSTOMERS = (
    "Stadtwerke Lüneburg GmbH",
    "Praxis Dr. med. Jäger",
    "Kaufhaus Schäfer OHG",
    "Gasthof Zur Mühle",
    "Büchner Verlag GmbH",
    "Rösch Immobilien",
    "Ärztehaus am Münsterplatz",
    "Förderverein Grundschule Süd",
    "Hüttenwerke Krüger AG",
    "Café Fröhlich",
)
_CONTACTS = ("z. Hd. Frau Böhm", "z. Hd. Herrn Göbel", "Einkauf", "Buchhaltung", "z. Hd. Frau Özdemir")
_STREETS = (
    "Schönhauser Straße",
    "Königsallee",
    "Große Bäckerstraße",
    "Mühlenweg",
    "Am Güterbahnhof",
    "Lübecker Straße",
    "Jägerstraße",
    "Fürstenwall",
    "Ölmühlenweg",
    "Übersee-Allee",
    "Hauptstraße",
    "Grüner Weg",
    "Märkische Allee",
)
# (PLZ, city, Bundesland) -- the Bundesland decides the Steuernummer format.
_CITIES = (
    ("10437", "Berlin", "Berlin"),
    ("80331", "München", "Bayern"),
    ("50667", "Köln", "Nordrhein-Westfalen"),
    ("20095", "Hamburg", "Hamburg"),
    ("04109", "Leipzig", "Sachsen"),
    ("70173", "Stuttgart", "Baden-Württemberg"),
    ("90402", "Nürnberg", "Bayern"),
    ("40212", "Düsseldorf", "Nordrhein-Westfalen"),
    ("60311", "Frankfurt am Main", "Hessen"),
    ("30159", "Hannover", "Niedersachsen"),
    ("99084", "Erfurt", "Thüringen"),
    ("24103", "Kiel", "Schleswig-Holstein"),
    ("28195", "Bremen", "Bremen"),
    ("55116", "Mainz", "Rheinland-Pfalz"),
    ("66111", "Saarbrücken", "Saarland"),
)
# Bank codes whose national account checksum schwifty can verify.
_BANK_CODES = (
    "76050101",
    "86055592",
    "50050201",
    "10070000",
    "37040044",
    "70150000",
    "20050550",
    "12030000",
    "43060967",
    "30050110",
    "25050180",
    "60050101",
    "50010517",
)

# (description, unit, min price, max price, hourly)
_ITEMS: dict[str, dict[int, tuple[tuple[str, str, float, float, bool], ...]]] = {
    "de": {
        19: (
            ("Beratungsleistung", "Std.", 85, 180, True),
            ("Übersetzung Deutsch-Englisch", "Seite", 25, 60, False),
            ("Wartung Heizungsanlage", "pauschal", 120, 480, False),
            ("Büromaterial, diverse", "Stk.", 2, 40, False),
            ("Druckerpatronen Schwarz", "Stk.", 18, 95, False),
            ("Montage vor Ort", "Std.", 55, 95, True),
            ("Softwarelizenz Jahresabo", "Stk.", 150, 2400, False),
            ("Versandkosten", "pauschal", 4.9, 39, False),
            ("Fliesenarbeiten Bad", "qm", 38, 120, False),
            ("Stahlträger HEB 200", "lfm", 45, 160, False),
            ("Reinigung Büroräume", "Std.", 24, 45, True),
            ("Schulung Arbeitssicherheit", "Tag", 450, 1800, False),
            ("Fahrtkosten", "km", 0.3, 0.6, False),
            ("Gerüststellung Fassade", "qm", 6, 18, False),
        ),
        7: (
            ("Bio-Äpfel, Kiste 10 kg", "Kiste", 14, 32, False),
            ("Vollkornbrötchen", "Stk.", 0.45, 1.2, False),
            ("Fachbuch Steuerrecht kompakt", "Stk.", 29, 129, False),
            ("Kaffeebohnen, 1 kg", "Pkg.", 12, 28, False),
            ("Speiseöl, 5 Liter", "Kan.", 9, 24, False),
            ("Käseplatte für 10 Personen", "Stk.", 35, 90, False),
            ("Zeitschriften-Abonnement", "Jahr", 60, 240, False),
            ("Blumenstrauß Saison", "Stk.", 18, 65, False),
            ("Hotelübernachtung", "Nacht", 69, 189, False),
            ("Süßwaren-Sortiment", "Karton", 22, 75, False),
        ),
    },
    "en": {
        19: (
            ("Consulting services", "h", 85, 180, True),
            ("Translation German-English", "page", 25, 60, False),
            ("Maintenance heating system", "flat", 120, 480, False),
            ("Office supplies", "pcs", 2, 40, False),
            ("Software licence, annual", "pcs", 150, 2400, False),
            ("Shipping", "flat", 4.9, 39, False),
            ("Installation on site", "h", 55, 95, True),
            ("Training course", "day", 450, 1800, False),
        ),
        7: (
            ("Organic apples, box 10 kg", "box", 14, 32, False),
            ("Reference book Tax Law", "pcs", 29, 129, False),
            ("Coffee beans, 1 kg", "pack", 12, 28, False),
            ("Hotel accommodation", "night", 69, 189, False),
            ("Catering platter", "pcs", 35, 90, False),
        ),
    },
}


@dataclass(frozen=True)
class LineItem:
    description: str
    article: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    rate: int

    @property
    def total(self) -> Decimal:
        return round_cent(self.quantity * self.unit_price)


@dataclass(frozen=True)
class VatLine:
    rate: int
    base: Decimal
    amount: Decimal


def vat_breakdown(items: list[LineItem]) -> list[VatLine]:
    """Net per rate, VAT per rate rounded half up to the cent; highest rate first."""
    lines = []
    for rate in sorted({item.rate for item in items}, reverse=True):
        base = sum((item.total for item in items if item.rate == rate), Decimal(0))
        lines.append(VatLine(rate, base, round_cent(base * rate / 100)))
    return lines


def _vat_id(rng: random.Random) -> str:
    digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    for check in "0123456789":
        if vat.is_valid(f"DE{digits}{check}"):
            return f"DE{digits}{check}"
    raise AssertionError("no check digit")  # ISO 7064 Mod 11,10 always has one


# Regional Steuernummer formats (F: Finanzamt, B: district, U: serial, P: check digit), as in stdnum.de.stnr.
_STNR_FORMATS = {
    "Baden-Württemberg": "FFBBBUUUUP",
    "Bayern": "FFFBBBUUUUP",
    "Berlin": "FFBBBUUUUP",
    "Brandenburg": "0FFBBBUUUUP",
    "Bremen": "FFBBBUUUUP",
    "Hamburg": "FFBBBUUUUP",
    "Hessen": "0FFBBBUUUUP",
    "Mecklenburg-Vorpommern": "0FFBBBUUUUP",
    "Niedersachsen": "FFBBBUUUUP",
    "Nordrhein-Westfalen": "FFFBBBBUUUP",
    "Rheinland-Pfalz": "FFBBBUUUUP",
    "Saarland": "0FFBBBUUUUP",
    "Sachsen": "2FFBBBUUUUP",
    "Sachsen-Anhalt": "1FFBBBUUUUP",
    "Schleswig-Holstein": "FFBBBUUUUP",
    "Thüringen": "1FFBBBUUUUP",
}


def _steuernummer(rng: random.Random, region: str) -> str:
    """A regional Steuernummer in the usual printed grouping, e.g. 201/113/40209 or 133/8150/8159."""
    fmt = _STNR_FORMATS[region]
    digits = "".join(ch if ch.isdigit() else str(rng.randint(0, 9)) for ch in fmt)
    cut_b, cut_u = fmt.index("B"), fmt.index("U")
    printed = f"{digits[:cut_b]}/{digits[cut_b:cut_u]}/{digits[cut_u:]}"
    assert stnr.is_valid(printed, region), printed
    return printed


def _bank_account(rng: random.Random) -> IBAN:
    """A German IBAN whose national account checksum is valid too."""
    while True:
        bank_code = rng.choice(_BANK_CODES)
        for _ in range(300):
            account = str(rng.randint(10**6, 10**10 - 1))
            iban = IBAN.generate("DE", bank_code=bank_code, account_code=account)
            try:
                IBAN(str(iban), validate_bban=True)
            except ValueError:
                continue
            return iban


def _short(name: str) -> str:
    word = name.split()[0].lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("&", ""), (",", ""), (".", "")):
        word = word.replace(a, b)
    return word.strip("-") or "firma"


@dataclass(frozen=True)
class Party:
    name: str
    street: str
    plz: str
    city: str
    region: str
    contact: str = ""

    @property
    def city_line(self) -> str:
        return f"{self.plz} {self.city}"


def _party(rng: random.Random, names: tuple[str, ...], contact: bool) -> Party:
    plz, city, region = rng.choice(_CITIES)
    street = f"{rng.choice(_STREETS)} {rng.randint(1, 140)}{rng.choice(['', '', '', 'a', 'b'])}"
    return Party(rng.choice(names), street, plz, city, region, rng.choice(_CONTACTS) if contact else "")


def _invoice_number(rng: random.Random, day: dt.date) -> str:
    n = rng.randint(1, 99999)
    return rng.choice(
        (
            f"RE-{day.year}-{n:05d}",
            f"{day.year}-{n:04d}",
            f"R{day.year % 100:02d}/{n:04d}",
            f"INV-{n + 10000}",
            f"{rng.randint(100000, 999999)}",
            f"B-{n:05d}",
            f"{day.year}{day.month:02d}{n % 1000:03d}",
        )
    )


def _items(rng: random.Random, lang: str, count: int, rates: tuple[int, ...], art_no: bool) -> list[LineItem]:
    chosen = [rates[i] if i < len(rates) else rng.choice(rates) for i in range(count)]
    rng.shuffle(chosen)
    items = []
    for rate in chosen:
        desc, unit, lo, hi, hourly = rng.choice(_ITEMS[lang][rate])
        if hourly:
            qty = Decimal(rng.randint(1, 60)) / 2
        elif unit in ("pauschal", "flat"):
            qty = Decimal(1)
        elif unit == "km":
            qty = Decimal(rng.randint(12, 480))
        else:
            qty = Decimal(rng.choice((1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 25, 40)))
        price = round_cent(Decimal(str(rng.uniform(lo, hi))))
        article = f"{rng.choice('ABKMSZ')}-{rng.randint(1000, 99999)}" if art_no else ""
        items.append(LineItem(desc, article, qty, unit, price, rate))
    return items


# ---------------------------------------------------------------------------
# The invoice


@dataclass(frozen=True)
class InvoiceData:
    """Everything an invoice says, before it is laid out."""

    number: str
    date: dt.date
    service_date: dt.date | None
    due_date: dt.date
    customer_no: str
    order_no: str
    supplier: Party
    customer: Party
    phone: str
    email: str
    vat_id: str
    tax_no: str
    iban: IBAN
    iban_grouped: bool
    vat_id_spaced: bool
    ceo: str
    register: str
    rates: tuple[int, ...]

    @property
    def iban_printed(self) -> str:
        return self.iban_printed_as(self.iban_grouped)

    def iban_printed_as(self, grouped: bool) -> str:
        """The IBAN in groups of four or compact."""
        return self.iban.formatted if grouped else self.iban.compact

    @property
    def vat_id_printed(self) -> str:
        v = self.vat_id
        return f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}" if self.vat_id_spaced else v


@dataclass(frozen=True)
class SyntheticInvoice:
    """A generated invoice: the PDF, its truth (zugferd-awv format) and how it was made."""

    seed: int
    layout: str
    pdf: bytes
    truth: dict
    items: tuple[LineItem, ...] = field(default=())
    vat_lines: tuple[VatLine, ...] = field(default=())
    date_format: str = "dotted"
    money_format: str = "suffix"


def _invoice_data(rng: random.Random, lang: str) -> InvoiceData:
    day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    supplier = _party(rng, _SUPPLIERS, contact=False)
    customer = _party(rng, _CUSTOMERS, contact=rng.random() < 0.6)
    while customer.city == supplier.city and customer.street == supplier.street:
        customer = _party(rng, _CUSTOMERS, contact=True)
    mode = rng.random()
    rates = (19, 7) if mode < 0.6 else (19,) if mode < 0.9 else (7,)
    domain = _short(supplier.name)
    return InvoiceData(
        number=_invoice_number(rng, day),
        date=day,
        service_date=day - dt.timedelta(days=rng.randint(0, 21)) if rng.random() < 0.6 else None,
        due_date=day + dt.timedelta(days=rng.choice((7, 10, 14, 14, 30))),
        customer_no=rng.choice((f"K-{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}"))
        if rng.random() < 0.7
        else "",
        order_no=rng.choice(
            (f"PO-45{rng.randint(10**7, 10**8 - 1)}", f"B{day.year}-{rng.randint(1, 999):03d}")
        )
        if rng.random() < 0.5
        else "",
        supplier=supplier,
        customer=customer,
        phone=f"0{rng.randint(30, 991)} {rng.randint(100000, 9999999)}",
        email=f"{'invoice' if lang == 'en' else 'rechnung'}@{domain}.de",
        vat_id=_vat_id(rng),
        tax_no=_steuernummer(rng, supplier.region) if rng.random() < 0.7 else "",
        iban=_bank_account(rng),
        iban_grouped=rng.random() < 0.6,
        vat_id_spaced=rng.random() < 0.15,
        ceo=rng.choice(
            ("Jörg Müller", "Hans-Peter Weiß", "Sabine Köhler", "Ümit Yilmaz", "Dr. Käthe Brünig")
        ),
        register=f"HRB {rng.randint(1000, 99999)}",
        rates=rates,
    )


class _Renderer:
    """Lays out one invoice in one layout, page by page."""

    LEFT = 56.0
    RIGHT = A4.width - 50.0
    FOLLOW_TOP = 100.0

    def __init__(self, rng: random.Random, layout: Layout, data: InvoiceData) -> None:
        self.rng = rng
        self.layout = layout
        self.data = data
        self.family = FAMILIES[rng.choice(layout.families)]
        self.labels = Labels.choose(rng, layout.lang)
        self.fixed = self.labels.fixed
        self.date_fmt: DateFormat = rng.choice(layout.dates)
        euro = self.family.regular.endswith(".ttf")  # base-14 fonts here have no euro sign
        self.money = Money(rng.choice(layout.money), euro)
        self.size = layout.size
        self.row_h = self.size * 1.6
        self.doc = pymupdf.open()
        self.page_count = 1

    # -- helpers ------------------------------------------------------------
    def date(self, day: dt.date) -> str:
        return format_date(day, self.date_fmt)

    def new_canvas(self) -> Canvas:
        page = self.doc.new_page(width=A4.width, height=A4.height)
        return Canvas(page, self.family)

    def info_fields(self) -> list[tuple[str, str]]:
        d, lab = self.data, self.labels
        rows = [(lab.number, d.number), (lab.date, self.date(d.date))]
        if d.service_date:
            rows.append((lab.service_date, self.date(d.service_date)))
        if d.customer_no:
            rows.append((lab.customer, d.customer_no))
        if d.order_no:
            rows.append((lab.order, d.order_no))
        return rows

    def tax_lines(self) -> list[str]:
        d = self.data
        lines = [f"{self.labels.vat_id}: {d.vat_id_printed}"]
        if d.tax_no:
            lines.append(f"{self.labels.tax_no}: {d.tax_no}")
        return lines

    def bank_lines(self) -> list[str]:
        d = self.data
        bank = d.iban.bank_name if len(d.iban.bank_name) <= 40 else d.iban.bank_short_name
        return [bank, f"IBAN: {d.iban_printed}", f"BIC: {d.iban.bic}"]

    # -- page 1 header ------------------------------------------------------
    def letterhead(self, c: Canvas) -> float:
        d, s = self.data, self.data.supplier
        style = self.layout.letterhead
        contact = f"{self.fixed['phone']} {d.phone} · {d.email}"
        if style == "left":
            c.fit_text(self.LEFT, 62, s.name, 17, 300, bold=True)
            c.text(self.LEFT, 78, f"{s.street} · {s.city_line}", 9)
            c.text(self.RIGHT, 62, f"{self.fixed['phone']} {d.phone}", 8.5, align="right")
            c.text(self.RIGHT, 74, d.email, 8.5, align="right")
            return 100
        if style == "right":
            c.text(self.RIGHT, 60, s.name, 16, bold=True, align="right")
            c.text(self.RIGHT, 76, s.street, 9, align="right")
            c.text(self.RIGHT, 88, s.city_line, 9, align="right")
            c.text(self.RIGHT, 100, contact, 8.5, align="right")
            return 112
        if style == "center":
            mid = c.width / 2
            c.text(mid, 58, s.name, 18, bold=True, align="center")
            c.text(mid, 75, f"{s.street} · {s.city_line} · {contact}", 8.5, align="center")
            c.line(self.LEFT, 84, self.RIGHT, 84, width=0.8)
            return 100
        # band
        c.box(0, 0, c.width, 92, fill=(0.88, 0.9, 0.93), stroke=None)
        c.text(self.LEFT, 50, s.name, 18, bold=True, colour=(0.1, 0.15, 0.3))
        c.text(self.RIGHT, 40, s.street, 9, align="right")
        c.text(self.RIGHT, 52, s.city_line, 9, align="right")
        c.text(self.RIGHT, 64, contact, 8.5, align="right")
        return 110

    def address(self, c: Canvas, top: float) -> float:
        s, r = self.data.supplier, self.data.customer
        y = max(top, 140)
        c.text(self.LEFT, y, f"{s.name} · {s.street} · {s.city_line}", 7)
        c.line(
            self.LEFT,
            y + 3,
            self.LEFT + c.text_width(f"{s.name} · {s.street} · {s.city_line}", 7),
            y + 3,
            width=0.3,
        )
        y += 18
        for line in (r.name, r.contact, r.street, r.city_line):
            if line:
                c.text(self.LEFT, y, line, self.size + 0.5)
                y += (self.size + 0.5) * 1.3
        return y

    def header_page1(self, c: Canvas) -> float:
        """Letterhead, address, title and info block; returns the y where the item table starts."""
        top = self.letterhead(c)
        style = self.layout.info
        fields = self.info_fields()
        size = self.size
        if style == "table_right":
            y_addr = self.address(c, top)
            x_label = c.width - 245
            y = 150.0
            for label, value in fields:
                c.text(x_label, y, f"{label}:" if self.layout.name != "beleg" else label, size)
                c.text(self.RIGHT, y, value, size, bold=label == self.labels.number, align="right")
                y += size * 1.5
            y = max(y, y_addr) + 22
            c.text(self.LEFT, y, self.labels.title, 15, bold=True)
            if self.layout.name == "beleg":
                c.text(self.RIGHT, y, self.fixed["amounts_in"], size - 1, align="right")
            return y + 14
        if style == "table_left":
            y = self.address(c, top) + 24
            c.text(self.LEFT, y, self.labels.title, 16, bold=True)
            y += 22
            for label, value in fields:
                c.text(self.LEFT, y, label, size)
                c.text(self.LEFT + 110, y, value, size, bold=label == self.labels.number)
                y += size * 1.5
            return y + 6
        if style == "stacked_row":
            y = self.address(c, top) + 28
            c.text(self.LEFT, y, self.labels.title, 16, bold=True)
            y += 26
            width = (self.RIGHT - self.LEFT) / max(len(fields), 4)
            for i, (label, value) in enumerate(fields):
                x = self.LEFT + i * width
                c.text(x, y, label, 7.5, colour=(0.35, 0.35, 0.35))
                c.fit_text(x, y + 13, value, size, width - 8, bold=True)
            return y + 26
        # inline: a title line with number and date, the rest in one wrapped line
        y = self.address(c, top) + 30
        number, date, *rest = fields
        c.text(self.LEFT, y, f"{self.labels.title} {number[1]}", 15, bold=True)
        c.text(self.RIGHT, y, f"{self.data.supplier.city}, {date[1]}", size, align="right")
        y += 18
        c.text(
            self.LEFT,
            y,
            f"({number[0]} {number[1]}, {date[0]} {date[1]})",
            size - 1.5,
            colour=(0.3, 0.3, 0.3),
        )
        if rest:
            y += size * 1.5
            y = (
                c.paragraph(
                    self.LEFT,
                    y,
                    "   ".join(f"{label}: {value}" for label, value in rest),
                    self.RIGHT - self.LEFT,
                    size,
                )
                - size * 1.35
            )
        y += size * 2
        return c.paragraph(self.LEFT, y, self.fixed["intro"], self.RIGHT - self.LEFT, size) - size * 0.5

    def header_follow(self, c: Canvas) -> float:
        lab = self.labels
        c.text(self.LEFT, 56, self.data.supplier.name, 10, bold=True)
        c.text(
            self.RIGHT, 56, f"{lab.title} {self.data.number} · {self.date(self.data.date)}", 9, align="right"
        )
        c.line(self.LEFT, 64, self.RIGHT, 64, width=0.5)
        return self.FOLLOW_TOP

    # -- footer -------------------------------------------------------------
    def footer_top(self) -> float:
        return A4.height - {"three_cols": 80, "centered": 62, "bank_box": 50}[self.layout.footer]

    def footer(self, c: Canvas) -> None:
        d, s = self.data, self.data.supplier
        top = self.footer_top()
        style = self.layout.footer
        fs = 7.5
        c.line(self.LEFT, top, self.RIGHT, top, width=0.4, colour=(0.4, 0.4, 0.4))
        if style == "three_cols":
            width = (self.RIGHT - self.LEFT) / 3
            cols = (
                [s.name, s.street, s.city_line, f"{self.fixed['ceo']}: {d.ceo}"],
                [f"{self.fixed['phone']} {d.phone}", d.email, *self.tax_lines()],
                [self.fixed["bank"] + ":", *self.bank_lines()],
            )
            for i, lines in enumerate(cols):
                y = top + 12
                for line in lines:
                    c.fit_text(self.LEFT + i * width, y, line, fs, width - 6)
                    y += fs * 1.35
            return
        mid = c.width / 2
        lines = [
            f"{s.name} · {s.street} · {s.city_line} · {self.fixed['court']} {s.city} {d.register}",
            " · ".join(self.tax_lines()) + f" · {self.fixed['ceo']}: {d.ceo}",
        ]
        if style == "centered":
            lines.append(" · ".join(self.bank_lines()))
        y = top + 12
        for line in lines:
            c.fit_text(mid, y, line, fs, self.RIGHT - self.LEFT, align="center")
            y += fs * 1.4

    # -- items --------------------------------------------------------------
    def columns(self) -> tuple[list[tuple[str, str, float, str]], float]:
        """Item table columns as (key, header, x, align), x the left edge for left-aligned and the right
        edge for right-aligned text; and the width available to the description."""
        f, lay = self.fixed, self.layout
        x = self.LEFT + 30
        cols: list[tuple[str, str, float, str]] = [("pos", f["pos"], self.LEFT + 4, "left")]
        if lay.art_no:
            cols.append(("art", f["art"], x, "left"))
            x += 58
        cols.append(("desc", f["desc"], x, "left"))
        right = self.RIGHT - 4
        tail = [("total", f"{f['line_total']} {self.money.column_suffix}", right, "right")]
        right -= 74
        if lay.rate_column:
            tail.append(("rate", f["rate"], right, "right"))
            right -= 38
        tail.append(("price", f["price"], right, "right"))
        right -= 72
        if lay.art_no:  # quantity and unit in one column
            tail.append(("qty", f["qty"], right, "right"))
            right -= 62
        else:
            tail.append(("unit", f["unit"], right - 40, "left"))
            tail.append(("qty", f["qty"], right - 44, "right"))
            right -= 80
        return cols + tail[::-1], right - x

    def table_head(self, c: Canvas, y: float) -> float:
        style = self.layout.table
        h = self.row_h * 1.3
        if style == "shaded":
            c.box(self.LEFT, y, self.RIGHT, y + h, fill=(0.82, 0.85, 0.9), stroke=None)
        elif style == "grid":
            c.box(self.LEFT, y, self.RIGHT, y + h, fill=(0.93, 0.93, 0.93), width=0.5)
        base = y + h - self.size * 0.55
        for _key, head, x, align in self.columns()[0]:
            c.text(x, base, head, self.size - 0.5, bold=True, align=align)
        if style in ("ruled", "dashed"):
            c.line(self.LEFT, y + h, self.RIGHT, y + h, width=0.8, dashed=style == "dashed")
        return y + h

    def row(self, c: Canvas, y: float, cells: dict[str, str], index: int, bold: bool = False) -> float:
        style = self.layout.table
        if style == "shaded" and index % 2:
            c.box(self.LEFT, y, self.RIGHT, y + self.row_h, fill=(0.95, 0.96, 0.98), stroke=None)
        base = y + self.row_h - self.size * 0.5
        cols, desc_width = self.columns()
        for key, _head, x, align in cols:
            text = cells.get(key, "")
            if text:
                width = desc_width if key == "desc" else 200
                c.fit_text(x, base, text, self.size, width, bold=bold, align=align)
        if style == "grid":
            c.box(self.LEFT, y, self.RIGHT, y + self.row_h, width=0.4)
        return y + self.row_h

    def item_cells(self, pos: int, item: LineItem) -> dict[str, str]:
        lang = self.money.lang
        qty = format_number(item.quantity, lang, 0 if item.quantity == item.quantity.to_integral() else 1)
        if self.layout.art_no:
            qty = f"{qty} {item.unit}"
        return {
            "pos": str(pos),
            "art": item.article,
            "desc": item.description,
            "qty": qty,
            "unit": item.unit,
            "price": self.money.number(item.unit_price),
            "rate": f"{item.rate} %",
            "total": self.money.number(item.total),
        }

    def carry_row(self, c: Canvas, y: float, key: str, running: Decimal) -> float:
        return self.row(c, y, {"desc": self.fixed[key], "total": self.money.number(running)}, 0, bold=True)

    # -- totals -------------------------------------------------------------
    def totals_rows(
        self, vat_lines: list[VatLine], net: Decimal, vat_total: Decimal, gross: Decimal
    ) -> list[tuple[str, str, bool]]:
        lab, m = self.labels, self.money
        rows = [(lab.net, m.amount(net), False)]
        show_base = len(vat_lines) > 1 or self.layout.totals == "wide"
        for line in vat_lines:
            label = f"{lab.vat} {line.rate} %"
            if show_base:
                label += f" {self.fixed['on']} {m.number(line.base)}"
            rows.append((label, m.amount(line.amount), False))
        if len(vat_lines) > 1:
            rows.append((self.fixed["vat_sum"].format(vat=lab.vat), m.amount(vat_total), False))
        rows.append((lab.total, m.amount(gross), True))
        return rows

    def totals_height(self, n_rates: int) -> float:
        rows = 2 + n_rates + (1 if n_rates > 1 else 0)
        h = rows * self.size * 1.6 + 24 + self.size * 3.2
        if self.layout.footer == "bank_box":
            h += self.size * 1.4 * 5 + 22
        return h

    def totals(self, c: Canvas, y: float, rows: list[tuple[str, str, bool]]) -> float:
        style = self.layout.totals
        step = self.size * 1.6
        y += 10
        x_label = self.LEFT if style == "wide" else self.RIGHT - 250
        if style == "boxed":
            c.box(x_label - 8, y, self.RIGHT, y + step * len(rows) + 6, width=0.7)
            c.box(
                x_label - 8,
                y + step * (len(rows) - 1) + 2,
                self.RIGHT,
                y + step * len(rows) + 6,
                fill=(0.9, 0.9, 0.9),
                stroke=None,
            )
        for label, value, bold in rows:
            y += step
            if bold and style != "boxed":
                c.line(x_label, y - step + 4, self.RIGHT, y - step + 4, width=0.7)
            c.text(x_label, y, label, self.size, bold=bold)
            c.text(self.RIGHT - 4, y, value, self.size, bold=bold, align="right")
        if style != "boxed":
            c.line(x_label, y + 4, self.RIGHT, y + 4, width=0.7)
            c.line(x_label, y + 6, self.RIGHT, y + 6, width=0.7)
        return y + 14

    def closing(self, c: Canvas, y: float) -> None:
        size = self.size
        y += size * 1.4
        c.text(self.LEFT, y, self.fixed["due"].format(due=self.date(self.data.due_date)), size)
        y += size * 1.6
        if self.layout.footer == "bank_box":
            step = size * 1.4
            lines = [*c.wrap(self.fixed["transfer"], self.RIGHT - self.LEFT - 16, size), *self.bank_lines()]
            c.box(self.LEFT, y - size - 2, self.RIGHT, y - size + len(lines) * step + 4, width=0.5)
            for i, line in enumerate(lines):
                c.fit_text(self.LEFT + 8, y + i * step, line, size, self.RIGHT - self.LEFT - 16)
            y += len(lines) * step + size * 1.2
        c.text(self.LEFT, y, self.fixed["thanks"], size)

    def page_number(self, c: Canvas, n: int) -> None:
        if self.page_count > 1 or self.layout.name in ("kanzlei", "english"):
            text = self.fixed["page"].format(n=n, m=self.page_count)
            c.text(self.RIGHT, self.footer_top() - 8, text, 8, align="right")

    # -- the document -------------------------------------------------------
    def render(self, pages: int) -> tuple[bytes, list[LineItem], list[VatLine]]:
        """Lay out an invoice with exactly `pages` pages; returns the PDF, its items and VAT lines."""
        self.page_count = pages
        first = self.new_canvas()
        top1 = self.header_page1(first)
        head_h = self.row_h * 1.3
        bottom = self.footer_top() - 18
        totals_h = self.totals_height(len(self.data.rates))
        cap_first = int((bottom - top1 - head_h) // self.row_h)
        cap_follow = int((bottom - self.FOLLOW_TOP - head_h) // self.row_h)
        cap_first_last = int((bottom - top1 - head_h - totals_h) // self.row_h)
        cap_follow_last = int((bottom - self.FOLLOW_TOP - head_h - totals_h) // self.row_h)
        if pages == 1:
            counts = [
                self.rng.randint(
                    max(1, len(self.data.rates)), max(len(self.data.rates), min(cap_first_last, 14))
                )
            ]
        else:
            counts = [cap_first - 1] + [cap_follow - 2] * (pages - 2)
            counts.append(self.rng.randint(1, max(1, cap_follow_last - 1)))
        assert min(cap_first_last, cap_follow_last - 1) >= max(1, len(self.data.rates)), "layout too tall"
        items = _items(self.rng, self.layout.lang, sum(counts), self.data.rates, self.layout.art_no)
        vat_lines = vat_breakdown(items)
        net = sum((line.base for line in vat_lines), Decimal(0))
        vat_total = sum((line.amount for line in vat_lines), Decimal(0))

        running = Decimal(0)
        pos = 0
        for page_no, count in enumerate(counts, start=1):
            c = first if page_no == 1 else self.new_canvas()
            y = top1 if page_no == 1 else self.header_follow(c)
            y = self.table_head(c, y)
            if page_no > 1:
                y = self.carry_row(c, y, "brought", running)
            for item in items[pos : pos + count]:
                pos += 1
                running += item.total
                y = self.row(c, y, self.item_cells(pos, item), pos)
            if page_no < pages:
                y = self.carry_row(c, y, "carried", running)
            elif self.layout.table in ("ruled", "dashed", "shaded"):
                c.line(self.LEFT, y + 2, self.RIGHT, y + 2, width=0.6, dashed=self.layout.table == "dashed")
            if page_no == pages:
                y = self.totals(c, y, self.totals_rows(vat_lines, net, vat_total, net + vat_total))
                self.closing(c, y)
            self.page_number(c, page_no)
            self.footer(c)
        assert pos == len(items) and running == net
        assert self.doc.page_count == pages
        return (
            finish(self.doc, title=f"{self.labels.title} {self.data.number}", author=self.data.supplier.name),
            items,
            vat_lines,
        )


def _money_value(value: Decimal) -> float:
    return float(round_cent(value))


def generate_invoice(seed: int, *, pages: int | None = None, layout: str | None = None) -> SyntheticInvoice:
    """One synthetic invoice, deterministic for `seed`; `pages` (1-5) defaults to a seeded choice, `layout`
    (one of LAYOUT_NAMES) to a seeded one."""
    if pages is not None and not 1 <= pages <= 5:
        raise ValueError("pages must be between 1 and 5")
    if layout is not None and layout not in LAYOUT_NAMES:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUT_NAMES)}")
    rng = random.Random(seed)
    drawn = rng.choice(LAYOUTS)  # drawn even when forced, so the seed's other choices stay the same
    lay = drawn if layout is None else LAYOUTS[LAYOUT_NAMES.index(layout)]
    n_pages = rng.choices((1, 2, 3, 4, 5), weights=(55, 25, 12, 5, 3))[0]
    if pages is not None:
        n_pages = pages
    data = _invoice_data(rng, lay.lang)
    renderer = _Renderer(rng, lay, data)
    pdf, items, vat_lines = renderer.render(n_pages)
    net = sum((line.base for line in vat_lines), Decimal(0))
    vat_total = sum((line.amount for line in vat_lines), Decimal(0))
    truth: dict = {
        "rechnungsnummer": data.number,
        "datum": data.date.isoformat(),
        "betrag_netto": _money_value(net),
        "mwst": _money_value(vat_total),
        "betrag_brutto": _money_value(net + vat_total),
        "waehrung": "EUR",
        "ust_id": data.vat_id,
    }
    if data.tax_no:
        truth["steuernummer"] = data.tax_no
    truth |= {
        "iban": data.iban_printed,
        "bic": str(data.iban.bic),
        "lieferant": data.supplier.name,
        "pages": n_pages,
    }
    if data.service_date:
        truth["leistungsdatum"] = data.service_date.isoformat()
    if data.customer_no:
        truth["kundennummer"] = data.customer_no
    if data.order_no:
        truth["bestellnummer"] = data.order_no
    return SyntheticInvoice(
        seed=seed,
        layout=lay.name,
        pdf=pdf,
        truth=truth,
        items=tuple(items),
        vat_lines=tuple(vat_lines),
        date_format=renderer.date_fmt,
        money_format=renderer.money.fmt,
    )


def distinct_seeds(salt: str, n: int) -> list[int]:
    """`n` distinct invoice seeds, fixed for `salt`."""
    rng = random.Random(salt)
    seeds: list[int] = []
    while len(seeds) < n:
        s = rng.randrange(2**31)
        if s not in seeds:
            seeds.append(s)
    return seeds


def corpus_seeds(n: int, seed: int) -> list[int]:
    """The invoice seeds of a corpus: distinct, derived from the corpus seed."""
    return distinct_seeds(f"ocrmesh-corpus-{seed}", n)


def generate_corpus(n: int, seed: int) -> Iterator[SyntheticInvoice]:
    """`n` invoices, deterministic for `seed`."""
    for invoice_seed in corpus_seeds(n, seed):
        yield generate_invoice(invoice_seed)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synth.invoice_gen", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("-n", type=int, default=50, help="number of invoices")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--scanned", action="store_true", help="also write degraded scans as X.scan.pdf")
    parser.add_argument(
        "--per-family",
        type=int,
        default=0,
        help="instead: this many invoices of every layout family (benchmarks.synth.families), -n and --seed unused",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.scanned:
        from benchmarks.synth.degrade import render_scanned_pdf
    split_of = None
    invoices: Iterator[SyntheticInvoice] = generate_corpus(args.n, args.seed)
    if args.per_family:
        from benchmarks.synth import families  # imports this module

        split_of = families.split_of
        invoices = (
            families.generate_family(name, seed)
            for name in families.FAMILY_NAMES
            for seed in families.family_seeds(name, args.per_family)
        )
    count = 0
    with open(args.out / "index.jsonl", "w", encoding="utf-8") as index:
        for inv in invoices:
            count += 1
            stem = f"{inv.layout}-{inv.seed:010d}" if split_of else f"synth-{inv.seed:010d}"
            (args.out / f"{stem}.pdf").write_bytes(inv.pdf)
            (args.out / f"{stem}.truth.json").write_text(
                json.dumps(inv.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            if args.scanned:
                (args.out / f"{stem}.scan.pdf").write_bytes(render_scanned_pdf(inv.pdf, seed=inv.seed))
            index.write(
                json.dumps(
                    {
                        "file": stem,
                        "seed": inv.seed,
                        "layout": inv.layout,
                        "pages": inv.truth["pages"],
                        "date_format": inv.date_format,
                        "money_format": inv.money_format,
                    }
                    | ({"split": split_of(inv.layout)} if split_of else {})
                )
                + "\n"
            )
    print(f"wrote {count} invoices to {args.out}")


if __name__ == "__main__":
    main()
