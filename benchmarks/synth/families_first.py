"""Four invoice layout families of a German tax adviser, an Austrian company, a British supplier and a German
online retailer's credit note, designed blind (session 15).

Like `families_last`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_first(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world` and `families_trip` and returns a `TripDrawing` (truth keys only for values printed):

- `steuerberater_stbvv`: a German tax adviser's invoice under the StBVV ("Gebührenrechnung",
  "Honorarrechnung", "Rechnung" and "Berechnung gemäß § 9 StBVV"): the practice (a sole practitioner, a
  "Steuerkanzlei", a partnership mbB or a Steuerberatungsgesellschaft mbH) with its Berufsbezeichnung,
  Mandanten-Nr., Rechnungs-Nr., Datum, the subject (the tax year or the months booked); the fees of four kinds
  of mandate (a private return; a trader's EÜR and returns; a GmbH's annual accounts and returns; a month or
  quarter of bookkeeping, VAT pre-returns and payroll), each fee with its § of the StBVV, the table (A, B, C),
  the Gegenstandswert, the rate in tenths or twentieths ("3,5/10", "7/20") and the amount, time fees per
  half hour (§ 13) and payroll per employee and month (§ 34); in a table on some seeds, in numbered blocks on
  the others (two pages when they run long, with "Übertrag"); the "Auslagenpauschale § 16 StBVV" (20 % of a
  matter's fees, at most 20 € each, one row or one per block), a "Dokumentenpauschale § 17 StBVV" on some
  seeds; net, "19 % Umsatzsteuer (§ 15 StBVV)", total; payment by transfer or direct debit; a signature on
  some seeds; a footer with the adviser's Steuernummer (the USt-IdNr. too on some seeds), the bank and the
  chamber ("Zuständige Kammer: Steuerberaterkammer ..."). Truth: the usual keys, `steuernummer` always,
  `ust_id` where printed, `kundennummer` = the Mandanten-Nr.; dates from 2021 on (the 2020 tables); all 19 %.
- `rechnung_at`: an Austrian company's invoice (IT services, catering, a bookshop, a joinery or a seminar
  hotel): "UID-Nr. ATU...", 20 % USt and for catering, books and rooms a 10 % part (mixed rates), Austrian
  addresses ("Mariahilfer Straße 45/3/12, 1060 Wien"), the customer's UID on some seeds, dates "04.12.2026" or
  "4. Dezember 2026" ("Jänner" for January on most long-dated seeds; January is drawn more often than the
  others), "Leistungsdatum" / "Lieferdatum" / "Leistungszeitraum", amounts "€ 1.234,56", "1.234,56 €" or
  "EUR 1.234,56", "Summe netto", "zzgl. 20 % USt." or "20 % Ust." or a VAT table by rate, "Gesamtsumme" /
  "Rechnungsbetrag", "Zahlbar bis ...", the bank (Austrian IBAN, BIC on most seeds), "Firmenbuch FN 123456 a,
  Handelsgericht Wien" (the Landesgericht elsewhere); on some seeds a "Sammelrechnung" of a month's deliveries
  (a date per row, the month as "Leistungszeitraum"), on two pages when long (carried over with "Übertrag").
  Truth: the usual keys (`ust_id` the ATU number, `iban` AT...), `kundennummer`, `leistungsdatum` when one
  date is printed, `bestellnummer` when the customer's order is printed. Dates keep out of July 2020 to
  December 2021 (Austria's 5 % for food then) and out of the second half of 2020 in any case.
- `uk_invoice`: a British supplier's VAT invoice in GBP ("£1,234.56" or "£ 1,234.56", "GBP" printed): "Invoice
  No.", dates "4th December 2026", "4 December 2026" or "04/12/2026", "Tax point" (the invoice date, or in
  one "Invoice date / tax point"), "Account No.", "Your order", a table with VAT rate per line (20 %, some
  lines zero-rated at 0 %: leaflets, books, food), "Subtotal", "VAT @ 20%", "Total", "Amount due"; a VAT
  summary by rate on some seeds; bank details with sort code and account number, on some seeds the IBAN GB...
  and BIC too; "Registered in England and Wales No. 01234567" (Scotland "SC123456" on some seeds), the VAT
  number "GB 123 4567 89", "GB123456789" or "GB 123 456 789"; a remittance slip to tear off on some seeds; on
  some seeds a second page of terms and conditions. Truth: `waehrung` GBP, `ust_id` the VAT number compact,
  `iban` / `bic` only when the IBAN is printed, `kundennummer` and `bestellnummer` when printed. The index
  records the dates as "en_long" (the ordinal ones too) or "fr_slash" (day first with slashes), the numbers
  as "en".
- `gutschrift_versand`: a German online retailer's credit note for returned items: "Gutschrift",
  "Rechnungskorrektur", "Stornorechnung" by seed, its own number ("GS-2026-00412") and date, "zu Rechnung
  RE-2026-10233 vom 12.11.2026" (the original invoice's number and date, never the truth's), order and
  customer number, the return's number on some seeds; returned articles (size, colour, article number) with
  gross prices; a refund of the shipping costs on some seeds; 19 % and for books and coffee 7 % (mixed on some
  seeds); amounts printed negative ("-12,99 €") on some seeds and positive under a "Gutschriftsbetrag" /
  "Erstattungsbetrag" on the others; net, VAT per rate (and its sum when two), gross; "wird Ihrem Konto /
  Ihrer Zahlungsart erstattet" (the customer's IBAN masked on some seeds); the retailer's USt-IdNr., HRB,
  bank in the footer. Truth: the amounts with the sign they are printed with (nets worked back from the gross
  prices per rate): negative where printed negative (as in `gutschrift` and `credit_note_en`), positive where
  printed positive under a "Gutschriftsbetrag", as the credit note's own e-invoice (type 381) states them
  (changed by the lead from "always negative" before any extraction change), `rechnungsnummer` / `datum` the credit note's own, `kundennummer`,
  `bestellnummer`, `ust_id` (and `steuernummer` where printed), `iban` / `bic` of the retailer.

All four keep their dates out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from stdnum.at import uid as at_uid

from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    cells,
    columns,
    draw_sheet,
    footer_columns,
    grid_lines,
    initials,
    label_rows,
    logo,
    month_before,
    qr_block,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    PALE,
    RULE,
    WorldPrinter,
    _digits,
    gb_vat_id,
    iban_of,
    nets_of_gross,
)
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    MONTHS_EN,
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align, Canvas

# ---------------------------------------------------------------------------
# Shared: pages that flow, dates as these countries print them


class FirstSheet(TripSheet):
    """A sheet whose content may flow onto further pages; every page gets the footer and a page number."""

    FOOT = A4.height - 80  # the footer's top
    TOP = 100.0  # where a following page's content starts

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        super().__init__(rng, data)
        self.pages = 1

    @property
    def limit(self) -> float:
        """The lowest baseline of content above the footer."""
        return self.FOOT - 14

    def next_page(self) -> float:
        self.c = self.new_page()  # (pages made earlier can no longer be drawn on through their canvases)
        self.pages += 1
        return self.follow_head()

    def follow_head(self) -> float:
        """The head of a following page; returns where its content starts."""
        c, d = self.c, self.data
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"{self.doc_word()} {d.number} vom {self.p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP

    def doc_word(self) -> str:
        return "Rechnung"

    def page_label(self, page: int, pages: int) -> str:
        return f"Seite {page} von {pages}"

    def footer(self) -> None:
        raise NotImplementedError

    def close_pages(self, numbered: bool) -> int:
        """The footer on every page, and "Seite n von N" when there are several (or `numbered`)."""
        pages = self.pages
        for n in range(1, pages + 1):
            self.c = canvas = Canvas(self.doc[n - 1], self.font)
            self.footer()
            if pages > 1 or numbered:
                canvas.text(
                    self.RIGHT, self.FOOT - 5, self.page_label(n, pages), 7.5, align="right", colour=GREY
                )
        return pages


def years_from(rng: random.Random, day: dt.date, first: int, last: int) -> dt.date:
    """`day` moved into the years `first` to `last` when it falls before (28 February for a 29th)."""
    if day.year >= first:
        return day
    year = rng.randint(first, last)
    return day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)


def grouped_thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


# ---------------------------------------------------------------------------
# steuerberater_stbvv

# Tabelle A (Beratungstabelle) and B (Abschlusstabelle): (Gegenstandswert up to, full fee 10/10 in euros).
_TABLE_A = (
    (8000, 485),
    (9000, 528),
    (10000, 571),
    (13000, 618),
    (16000, 665),
    (19000, 712),
    (22000, 759),
    (25000, 806),
    (30000, 892),
    (35000, 977),
    (40000, 1061),
    (45000, 1146),
    (50000, 1230),
    (65000, 1320),
    (80000, 1411),
    (95000, 1502),
    (110000, 1593),
    (125000, 1683),
    (140000, 1773),
    (155000, 1864),
    (170000, 1954),
    (185000, 2045),
    (200000, 2136),
    (230000, 2275),
    (260000, 2414),
    (290000, 2552),
    (320000, 2697),
    (350000, 2760),
    (380000, 2821),
    (410000, 2882),
    (440000, 2939),
    (470000, 2995),
    (500000, 3051),
)
_TABLE_A_LOW = (
    (300, 29),
    (600, 53),
    (900, 76),
    (1200, 100),
    (1500, 123),
    (2000, 157),
    (2500, 189),
    (3000, 222),
    (3500, 255),
    (4000, 288),
    (4500, 321),
    (5000, 354),
    (6000, 398),
    (7000, 441),
)
_TABLE_B = (
    (17500, 166),
    (20000, 178),
    (22500, 191),
    (25000, 201),
    (37500, 215),
    (50000, 263),
    (62500, 303),
    (75000, 338),
    (87500, 353),
    (100000, 369),
    (125000, 423),
    (150000, 471),
    (175000, 512),
    (200000, 548),
    (225000, 582),
    (250000, 613),
    (300000, 641),
    (350000, 696),
    (400000, 746),
    (450000, 791),
    (500000, 832),
    (625000, 871),
    (750000, 968),
    (875000, 1050),
    (1000000, 1126),
    (1250000, 1194),
    (1500000, 1324),
    (1750000, 1438),
    (2000000, 1542),
    (2250000, 1635),
    (2500000, 1718),
    (3000000, 1797),
    (3500000, 1951),
    (4000000, 2089),
)
# Tabelle C (Buchführungstabelle), as this family prints it.
_TABLE_C = (
    (15000, 68),
    (17500, 75),
    (20000, 83),
    (22500, 88),
    (25000, 95),
    (30000, 102),
    (35000, 110),
    (40000, 115),
    (45000, 122),
    (50000, 130),
    (62500, 137),
    (75000, 149),
    (87500, 164),
    (100000, 178),
    (125000, 197),
    (150000, 212),
    (200000, 246),
    (250000, 273),
    (300000, 297),
    (350000, 327),
    (400000, 350),
    (450000, 376),
    (500000, 400),
    (600000, 442),
    (700000, 484),
    (800000, 524),
    (900000, 562),
    (1000000, 598),
)
_TABLES = {"A": _TABLE_A_LOW + _TABLE_A, "B": _TABLE_B, "C": _TABLE_C}

# Advisers: (first name, last name, female).
_ADVISERS = (
    ("Markus", "Hellwig", False),
    ("Anja", "Lorenz", True),
    ("Thomas", "Reuter", False),
    ("Claudia", "Brenner", True),
    ("Stefan", "Kuhlmann", False),
    ("Birgit", "Sauer", True),
    ("Jens", "Ohlendorf", False),
    ("Katrin", "Weßel", True),
    ("Frank", "Dörfler", False),
    ("Sabine", "Großmann", True),
)
_DEGREES = {
    False: ("Dipl.-Kfm.", "Dipl.-Finanzwirt (FH)", "Dr.", "", "Dipl.-Betriebswirt (FH)"),
    True: ("Dipl.-Kffr.", "Dipl.-Finanzwirtin (FH)", "Dr.", "", "Dipl.-Betriebswirtin (FH)"),
}
_CHAMBERS = {
    "Berlin": "Berlin",
    "München": "München",
    "Köln": "Köln",
    "Hamburg": "Hamburg",
    "Leipzig": "Sachsen",
    "Stuttgart": "Stuttgart",
    "Nürnberg": "Nürnberg",
    "Düsseldorf": "Düsseldorf",
    "Frankfurt am Main": "Hessen",
    "Hannover": "Niedersachsen",
    "Erfurt": "Thüringen",
    "Kiel": "Schleswig-Holstein",
    "Bremen": "Bremen",
    "Mainz": "Rheinland-Pfalz",
    "Saarbrücken": "des Saarlandes",
}
_PRIVATE_CLIENTS = (
    ("Herrn", "Michael Sommer"),
    ("Frau", "Julia Krämer"),
    ("Herrn", "Dr. Oliver Brandt"),
    ("Frau", "Dr. Ines Hartwig"),
    ("Eheleute", "Petra und Frank Wolff"),
    ("Herrn", "Yusuf Demir"),
    ("Frau", "Renate Schüler"),
    ("Eheleute", "Anna und Lukas Berger"),
)
_TRADERS = (
    "Malerbetrieb Frank Wolff",
    "Physiotherapie am Markt Inh. Lea Vogt",
    "Elektro Bauer e.K.",
    "Café Lindenblüte Inh. Nina Roth",
    "Fotostudio Lichtblick Jan Peters",
    "Friseursalon Haarmonie",
    "Ingenieurbüro Sven Köster",
)
_COMPANIES = (
    "Hofmann Metallbau GmbH",
    "Weber IT-Services GmbH",
    "Bäckerei Kornfeld GmbH",
    "Nordstern Immobilienverwaltung GmbH",
    "Grünwerk Gartenbau GmbH",
    "Medizintechnik Albers GmbH",
    "Krause & Lehmann Haustechnik GmbH",
)

# Work charged by the time (§ 13), by mandate.
_TIMED = {
    "privat": (
        "Prüfung des Einkommensteuerbescheids {year}",
        "Telefonische Beratung Riester-Förderung",
        "Schriftverkehr mit dem Finanzamt",
    ),
    "gewerbe": (
        "Prüfung des Gewerbesteuerbescheids {year}",
        "Besprechung der Gewinnermittlung {year}",
        "Schriftverkehr mit dem Finanzamt",
    ),
    "gmbh": (
        "Prüfung des Körperschaftsteuerbescheids {year}",
        "Erstellung und Übermittlung der E-Bilanz {year}",
        "Besprechung des Jahresabschlusses mit der Geschäftsführung",
    ),
}


@dataclass(frozen=True)
class Position:
    """One fee of the StBVV: what was done, under which rule, and how its amount came about."""

    text: str
    rule: str  # "§ 24 Abs. 1 Nr. 1 StBVV"
    item: LineItem
    value: int | None = None  # the Gegenstandswert
    rate: str = ""  # "4/10", "3,5/10", "7/20"
    full: int | None = None  # the full fee of the table at the value
    table: str = ""  # "A", "B", "C"
    note: str = ""  # how the value was found, or the time or units charged

    @property
    def expenses(self) -> Decimal:
        """The § 16 flat rate of this matter: 20 % of its fee, at most 20 euros."""
        return min(round_cent(self.item.total * Decimal("0.2")), Decimal(20))


def stbvv_fee(table: str, value: int) -> int:
    """The full fee (10/10) of `table` at the Gegenstandswert `value`."""
    return next((fee for bound, fee in _TABLES[table] if value <= bound), _TABLES[table][-1][1])


def tenths(numerator: Decimal, denominator: int) -> str:
    return f"{numerator.normalize():f}".replace(".", ",") + f"/{denominator}"


class SteuerberaterStbvv(FirstSheet):
    """A tax adviser's invoice: fees under the StBVV with their rules, values and rates, § 16 expenses."""

    FONTS = ("liberation-serif", "dejavu-serif", "liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted", "dotted", "de_long")
    IDS = "stnr"
    GROUPED = 0.7
    FOOT = A4.height - 84

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        first, last, female = rng.choice(_ADVISERS)
        self.form = rng.choice(("kanzlei", "person", "partner", "gmbh"))
        self.title = "Steuerberaterin" if female else "Steuerberater"
        degree = rng.choice(_DEGREES[female])
        self.person = " ".join(part for part in (degree, first, last) if part)
        name = {
            "kanzlei": f"Steuerkanzlei {last}",
            "person": f"{first} {last}",
            "partner": f"{last} & Partner Steuerberater mbB",
            "gmbh": f"{last} Steuerberatungsgesellschaft mbH",
        }[self.form]
        supplier = dataclasses.replace(data.supplier, name=name)
        day = years_from(rng, regular_day(data.date), 2021, 2025)
        self.mandate = rng.choice(("privat", "gewerbe", "gmbh", "monat"))
        n = rng.randint(1, 999)
        number = rng.choice(
            (
                f"{day.year}/{n:04d}",
                f"R-{day.year % 100}-{n:04d}",
                f"{day.year % 100}-{n:05d}",
                f"RE {day.year}-{n:04d}",
                f"{rng.randint(10000, 99999)}",
            )
        )
        client = rng.randint(1000, 99999)
        client_no = rng.choice(
            (str(client), f"{client:05d}", f"M-{client}", f"{rng.randint(10, 99)}/{client}")
        )
        self.domain = last.lower().replace("ß", "ss").replace("ö", "oe").replace("ü", "ue") + "-stb.de"
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            customer_no=client_no,
            order_no="",
            due_date=day + dt.timedelta(days=rng.choice((7, 14, 14, 30))),
            supplier=supplier,
            tax_no=data.tax_no or _steuernummer(rng, supplier.region),
            register=f"PR {rng.randint(100, 2999)}"
            if self.form == "partner"
            else f"HRB {rng.randint(1000, 99999)}",
            email=f"{rng.choice(('kanzlei', 'info', 'mail'))}@{self.domain}",
        )
        super().__init__(rng, data)
        if rng.random() < 0.35:
            self.ids = "both"
        self.brand = rng.choice(((0.1, 0.2, 0.4), (0.25, 0.25, 0.25), (0.0, 0.3, 0.35), (0.35, 0.1, 0.15)))
        self.head = rng.choice(("centred", "left", "right"))
        self.style = rng.choice(("table", "blocks"))
        self.info_style = rng.choice(("rows", "line"))
        self.debit = rng.random() < 0.25
        self.with_bic = rng.random() < 0.8
        self.signed = rng.random() < 0.5
        self.female = female

    # -- the fees

    def positions(self) -> list[Position]:
        rng, day = self.rng, self.data.date
        year = day.year - 1
        if self.mandate == "monat":
            return self.monthly()
        kinds = {
            "privat": ["est"]
            + (["vuv"] if rng.random() < 0.5 else [])
            + (["zeit"] if rng.random() < 0.4 else []),
            "gewerbe": ["euer", "est"]
            + rng.sample(["gewst", "ust"], rng.randint(0, 2))
            + (["zeit"] if rng.random() < 0.3 else []),
            "gmbh": ["ja", "kst"]
            + rng.sample(["gewst", "ust"], rng.randint(1, 2))
            + (["zeit"] if rng.random() < 0.35 else []),
        }[self.mandate]
        return [self.position(kind, year) for kind in kinds]

    def valued(
        self,
        text: str,
        rule: str,
        table: str,
        value: int,
        rate: tuple[int, int, int],
        note: str = "",
        *,
        halves: bool = True,
    ) -> Position:
        """A fee of `table` at `value` and a rate between lo/den and hi/den (halves on some seeds)."""
        rng = self.rng
        lo, hi, den = rate
        num = (
            Decimal(rng.randint(lo * 2, hi * 2)) / 2
            if halves and rng.random() < 0.4
            else Decimal(rng.randint(lo, hi))
        )
        full = stbvv_fee(table, value)
        amount = round_cent(Decimal(full) * num / den)
        item = LineItem(text, "", Decimal(1), "", amount, 19)
        return Position(text, rule, item, value, tenths(num, den), full, table, note)

    def timed(self, text: str, rule: str) -> Position:
        rng = self.rng
        halves = rng.randint(1, 8)
        price = Decimal(rng.randrange(30, 80, 5))
        item = LineItem(text, "", Decimal(halves), "", price, 19)
        return Position(text, rule, item, note=f"Zeitgebühr, {halves} x 30 Min. à {self.p.amount(price)}")

    def position(self, kind: str, year: int) -> Position:
        rng = self.rng
        income = rng.randrange(14000, 240000, 1) if kind in ("est", "vuv") else 0
        if kind == "est":
            return self.valued(
                f"Einkommensteuererklärung {year}",
                "§ 24 Abs. 1 Nr. 1 StBVV",
                "A",
                max(income, 8000),
                (1, 6, 10),
                "Summe der positiven Einkünfte",
            )
        if kind == "vuv":
            street = (
                rng.choice(("Lindenstraße", "Am Mühlbach", "Parkallee", "Gartenweg"))
                + f" {rng.randint(1, 60)}"
            )
            rents = rng.randint(6000, 48000)
            return self.valued(
                f"Ermittlung der Einkünfte aus Vermietung und Verpachtung {year}, Objekt {street}",
                "§ 27 Abs. 1 StBVV",
                "A",
                max(rents, 8000),
                (1, 12, 20),
                "Mieteinnahmen",
                halves=False,
            )
        if kind == "euer":
            value = max(rng.randint(40000, 600000), 17500)
            return self.valued(
                f"Einnahmenüberschussrechnung {year}",
                "§ 25 Abs. 1 StBVV",
                "B",
                value,
                (5, 20, 10),
                "Betriebseinnahmen",
            )
        if kind == "gewst":
            value = max(rng.randint(5000, 160000), 8000)
            return self.valued(
                f"Gewerbesteuererklärung {year}",
                "§ 24 Abs. 1 Nr. 5 StBVV",
                "A",
                value,
                (1, 6, 10),
                "Gewerbeertrag vor Freibetrag",
            )
        if kind == "ust":
            sales = rng.randint(80000, 900000)
            value = max(sales // 10, 8000)
            return self.valued(
                f"Umsatzsteuererklärung {year}",
                "§ 24 Abs. 1 Nr. 8 StBVV",
                "A",
                value,
                (1, 8, 10),
                f"10 % der Umsätze von {grouped_thousands(sales)} €",
            )
        if kind == "kst":
            value = max(rng.randint(10000, 400000), 16000)
            return self.valued(
                f"Körperschaftsteuererklärung {year}",
                "§ 24 Abs. 1 Nr. 3 StBVV",
                "A",
                value,
                (2, 8, 10),
                "Einkommen vor Verlustabzug",
            )
        if kind == "ja":
            balance = rng.randrange(150000, 2500000, 500)
            output = rng.randrange(300000, 4000000, 500)
            value = (balance + output) // 2
            note = (
                f"Mittel aus Bilanzsumme {grouped_thousands(balance)} € und Betriebsleistung "
                f"{grouped_thousands(output)} €"
            )
            return self.valued(
                f"Aufstellung des Jahresabschlusses zum 31.12.{year}",
                "§ 35 Abs. 1 Nr. 1a StBVV",
                "B",
                value,
                (10, 40, 10),
                note,
                halves=False,
            )
        text = rng.choice(_TIMED[self.mandate]).format(year=year)
        return self.timed(text, "§ 28 i. V. m. § 13 StBVV" if text.startswith("Prüfung") else "§ 13 StBVV")

    def monthly(self) -> list[Position]:
        rng, day = self.rng, self.data.date
        first, _ = month_before(day)
        months = [first]
        if rng.random() < 0.45:  # a quarter
            for _ in range(2):
                months.insert(0, month_before(months[0])[0])
        sales = rng.randrange(100000, 1000000, 1000)
        book = Decimal(rng.randint(3, 10))
        pre = Decimal(rng.randint(1, 6))
        staff = rng.randint(1, 24) if rng.random() < 0.7 else 0
        per_head = Decimal(rng.choice((8, 10, 12, 14.5, 15, 18, 22, 25)))
        out: list[Position] = []
        for month in months:
            name = f"{MONTHS_DE[month.month - 1]} {month.year}"
            full = stbvv_fee("C", sales)
            amount = round_cent(full * book / 10)
            text = f"Finanzbuchhaltung {name}"
            out.append(
                Position(
                    text,
                    "§ 33 Abs. 1 StBVV",
                    LineItem(text, "", Decimal(1), "", amount, 19),
                    sales,
                    tenths(book, 10),
                    full,
                    "C",
                    "Jahresumsatz",
                )
            )
            value = max(round(sales / 12 / 10), 650)
            full = stbvv_fee("A", value)
            text = f"Umsatzsteuer-Voranmeldung {name}"
            out.append(
                Position(
                    text,
                    "§ 24 Abs. 1 Nr. 7 StBVV",
                    LineItem(text, "", Decimal(1), "", round_cent(full * pre / 10), 19),
                    value,
                    tenths(pre, 10),
                    full,
                    "A",
                    "10 % der Umsätze des Monats",
                )
            )
            if staff:
                text = f"Lohnabrechnungen {name}"
                note = f"{staff} Arbeitnehmer à {self.p.amount(per_head)}"
                out.append(
                    Position(
                        text,
                        "§ 34 Abs. 2 StBVV",
                        LineItem(text, "", Decimal(staff), "", per_head, 19),
                        note=note,
                    )
                )
        return out

    def expenses(self, positions: list[Position]) -> list[tuple[str, LineItem]]:
        rng = self.rng
        out = []
        if self.style == "table":
            amount = sum((p.expenses for p in positions), Decimal(0))
            text = rng.choice(
                (
                    "Auslagenpauschale § 16 StBVV",
                    "Post- und Telekommunikationspauschale § 16 StBVV",
                    "Auslagen gem. § 16 StBVV (20 %, max. 20,00 € je Angelegenheit)",
                )
            )
            out.append((text, LineItem(text, "", Decimal(1), "", amount, 19)))
        if rng.random() < 0.4:
            sheets = rng.randint(6, 90)
            amount = min(sheets, 50) * Decimal("0.50") + max(sheets - 50, 0) * Decimal("0.15")
            text = f"Dokumentenpauschale § 17 StBVV ({sheets} Seiten)"
            out.append((text, LineItem(text, "", Decimal(1), "", amount, 19)))
        return out

    # -- the page

    def header(self) -> float:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        name = s.name
        sub = (
            self.title
            if self.form in ("person", "kanzlei")
            else "Steuerberatung · Buchführung · Jahresabschluss"
        )
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "centred":
            c.fit_text(
                c.width / 2,
                56,
                name.upper() if self.form == "person" else name,
                17,
                R - L,
                bold=True,
                align="center",
                colour=self.brand,
            )
            c.text(c.width / 2, 70, sub, 9, align="center", colour=GREY)
            c.fit_text(c.width / 2, 84, " · ".join(contact), 7.5, R - L, align="center", colour=GREY)
            c.line(L, 92, R, 92, width=0.8, colour=self.brand)
            c.line(L, 94.5, R, 94.5, width=0.3, colour=self.brand)
        elif self.head == "left":
            logo(c, "square", L, 36, 34, self.brand, initials(s.name.replace("Steuerkanzlei ", "")))
            c.fit_text(L + 44, 52, name, 15, 270, bold=True, colour=self.brand)
            c.text(L + 44, 65, sub, 8.5, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 42 + 10 * i, line, 7.5, align="right", colour=GREY)
        else:
            c.fit_text(R, 54, name, 16, 330, bold=True, align="right", colour=self.brand)
            c.text(R, 67, sub, 8.5, align="right", colour=GREY)
            c.text(R, 80, f"{s.street} · {s.city_line}", 7.5, align="right", colour=GREY)
        return 100.0

    def window_lines(self) -> list[str]:
        rng, r = self.rng, self.data.customer
        if self.mandate == "privat":
            salutation, name = rng.choice(_PRIVATE_CLIENTS)
            return [salutation, name, r.street, r.city_line]
        names = _COMPANIES if self.mandate == "gmbh" else _TRADERS
        if self.mandate == "monat":
            names = _COMPANIES + _TRADERS
        lines = [rng.choice(names)]
        if rng.random() < 0.4:
            lines.append(rng.choice(("z. Hd. Geschäftsführung", "Buchhaltung", "z. Hd. Frau Albers")))
        return [*lines, r.street, r.city_line]

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        s = d.supplier
        c.fit_text(L, 132, f"{s.name} · {s.street} · {s.city_line}", 6.5, 250, colour=GREY, min_size=5.5)
        y = 148.0
        for line in self.window_lines():
            c.text(L, y, line, 10)
            y += 13
        rows = [
            (rng.choice(("Mandanten-Nr.", "Mandantennummer", "Mandant")), d.customer_no),
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Datum", "Rechnungsdatum")), p.date(d.date)),
        ]
        if rng.random() < 0.4:
            rows.append(
                (
                    "Bearbeiter",
                    rng.choice(("Frau Kessler", "Herr Yilmaz", "Frau Brandl", self.person.split()[-1])),
                )
            )
        if self.info_style == "rows":
            if rng.random() < 0.5:
                rows = [rows[1], rows[2], rows[0], *rows[3:]]
            return max(y, label_rows(c, rows, 350, R, 148, 9, 14, value_align="right", label_colour=GREY))
        top = max(y, 206.0) + 8
        width = (R - L) / len(rows)
        c.line(L, top - 11, R, top - 11, width=0.4, colour=RULE)
        for i, (label, value) in enumerate(rows):
            c.fit_text(L + i * width, top, f"{label}: {value}", 8.5, width - 8, bold=i == 1)
        c.line(L, top + 5, R, top + 5, width=0.4, colour=RULE)
        return top + 5

    def subject(self, y: float, positions: list[Position]) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        title = rng.choice(("Rechnung", "Gebührenrechnung", "Honorarrechnung", "RECHNUNG"))
        y = max(y, 222.0) + 24
        c.text(L, y, title, 14, bold=True)
        if rng.random() < 0.6:
            c.text(
                R,
                y,
                rng.choice(("Berechnung gemäß § 9 StBVV", "Vergütungsberechnung nach § 9 StBVV")),
                8,
                align="right",
                colour=GREY,
            )
        year = d.date.year - 1
        if self.mandate == "monat":
            months = sorted(
                {p.text.split(" ", 1)[1] for p in positions if p.text.startswith("Finanzbuchhaltung")},
                key=lambda m: (m.split()[1], MONTHS_DE.index(m.split()[0])),
            )
            span = months[0] if len(months) == 1 else f"{months[0]} bis {months[-1]}"
            what = f"Laufende Buchhaltung {span}"
        else:
            what = {
                "privat": f"Einkommensteuer {year}",
                "gewerbe": f"Gewinnermittlung und Steuererklärungen {year}",
                "gmbh": f"Jahresabschluss und Steuererklärungen {year}",
            }[self.mandate]
        y += 16
        c.fit_text(L, y, f"{rng.choice(('Betreff:', 'Leistung:', 'Auftrag:'))} {what}", 9.5, R - L, bold=True)
        if rng.random() < 0.5:
            intro = rng.choice(
                (
                    "Für meine Tätigkeit erlaube ich mir, Ihnen gemäß der Steuerberatervergütungsverordnung "
                    "(StBVV) zu berechnen:",
                    "Sehr geehrte Damen und Herren, für unsere Tätigkeit berechnen wir Ihnen nach der "
                    "Steuerberatervergütungsverordnung (StBVV):",
                )
            )
            if self.form in ("partner", "gmbh"):
                intro = intro.replace("meine", "unsere").replace("erlaube ich mir", "erlauben wir uns")
            y = c.paragraph(L, y + 16, intro, R - L, 9) - 6
        return y + 8

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.line(R - 200, y + 3, R, y + 3, width=0.5)
        c.text(R - 200, y + 15, label, 9, bold=True)
        c.text(R, y + 15, self.p.amount(running), 9, bold=True, align="right")
        return y + 22

    def table(self, y: float, positions: list[Position], expenses: list[tuple[str, LineItem]]) -> float:
        p, rng, L, R = self.p, self.rng, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Nr.", 24, "left"),
            ("desc", rng.choice(("Tätigkeit", "Gegenstand", "Leistung")), 0, "left"),
            ("rule", rng.choice(("Vorschrift", "StBVV", "Rechtsgrundlage")), 104, "left"),
            ("value", rng.choice(("Gegenstandswert", "Gegenst.-Wert", "Wert €")), 78, "right"),
            ("rate", rng.choice(("Satz", "Zehntel", "Satz/10")), 44, "right"),
            ("amount", rng.choice(("Betrag", "Betrag €", "Honorar")), 66, "right"),
        ]
        cols = columns(spec, L, R)
        desc = cols[1]
        head = {col.key: col.head for col in cols}

        def heading(y: float) -> float:
            c = self.c
            c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
            cells(c, cols, y + 11, head, 8, bold=True)
            return y + 16

        y = heading(y)
        running = Decimal(0)
        rows: list[tuple[str, str, LineItem, Position | None]] = [
            (str(n), pos.text, pos.item, pos) for n, pos in enumerate(positions, 1)
        ] + [("", text, item, None) for text, item in expenses]
        for n, text, item, pos in rows:
            span = desc.width if pos else desc.width + cols[2].width + cols[3].width + cols[4].width + 18
            lines = self.c.wrap(text, span, 8.5)
            note = pos.note if pos else ""
            height = 12 * len(lines) + (10 if note else 0) + 5
            if y + height > self.limit - 24:
                self.carry(y, running, "Übertrag")
                y = self.carry(heading(self.next_page()), running, "Übertrag")
            values = {"pos": n, "amount": p.number(item.total)}
            if pos:
                values["desc"] = lines[0]
                values["rule"] = pos.rule.removesuffix(" StBVV")
                if pos.value is not None:
                    values["value"] = p.number(Decimal(pos.value))
                    values["rate"] = pos.rate
            cells(self.c, cols, y + 11, values, 8.5)
            for k, line in enumerate(lines[0 if pos is None else 1 :], 0 if pos is None else 1):
                self.c.text(desc.anchor, y + 11 + 12 * k, line, 8.5)
            if note:
                self.c.fit_text(desc.anchor, y + 9 + 12 * len(lines), note, 7, desc.width + 104, colour=GREY)
            y += height
            self.c.line(L, y, R, y, width=0.25, colour=RULE)
            running += item.total
        return y

    def blocks(self, y: float, positions: list[Position], expenses: list[tuple[str, LineItem]]) -> float:
        p, L, R = self.p, self.LEFT, self.RIGHT
        running = Decimal(0)
        x = L + 18
        for n, pos in enumerate(positions, 1):
            lines = [pos.rule + (f", Tabelle {pos.table}" if pos.table else "")]
            if pos.value is not None:
                lines.append(
                    f"Gegenstandswert {p.amount(Decimal(pos.value))}, {pos.rate} aus "
                    f"{p.amount(Decimal(pos.full or 0))}"
                )
                if pos.note:
                    lines.append(f"({pos.note})")
            elif pos.note:
                lines.append(pos.note)
            height = 14 + 11 * len(lines) + 13 + 8
            if y + height > self.limit - 24:
                self.carry(y, running, "Übertrag")
                y = self.carry(self.next_page(), running, "Übertrag")
            c = self.c
            y += 14
            c.text(L, y, f"{n}.", 9.5, bold=True)
            c.fit_text(x, y, pos.text, 9.5, R - x - 80, bold=True)
            for line in lines:
                y += 11
                c.fit_text(x, y, line, 8, R - x - 90, colour=GREY if line.startswith("(") else (0, 0, 0))
            c.text(R, y, p.number(pos.item.total), 9, align="right")
            y += 13
            c.text(x, y, "Auslagenpauschale § 16 StBVV", 8)
            c.text(R, y, p.number(pos.expenses), 9, align="right")
            running += pos.item.total + pos.expenses
            y += 8
        for text, item in expenses:
            if y + 16 > self.limit - 24:
                self.carry(y, running, "Übertrag")
                y = self.carry(self.next_page(), running, "Übertrag")
            y += 14
            self.c.fit_text(x, y, text, 8.5, R - x - 90)
            self.c.text(R, y, p.number(item.total), 9, align="right")
            running += item.total
        return y + 4

    def totals(self, y: float, vat: VatLine) -> float:
        p, rng, R = self.p, self.rng, self.RIGHT
        if y + 70 > self.limit:
            y = self.next_page()
        c = self.c
        x = R - 250
        rows = [
            (rng.choice(("Summe Gebühren und Auslagen", "Zwischensumme", "Nettobetrag")), vat.base, False),
            (
                rng.choice(
                    ("19 % Umsatzsteuer (§ 15 StBVV)", "zzgl. 19 % Umsatzsteuer", "Umsatzsteuer 19 %")
                ),
                vat.amount,
                False,
            ),
            (
                rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Zu zahlender Betrag")),
                vat.base + vat.amount,
                True,
            ),
        ]
        c.line(x, y + 4, R, y + 4, width=0.6)
        for label, value, bold in rows:
            y += 15
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        c.line(x, y + 4, R, y + 4, width=0.6)
        c.line(x, y + 6, R, y + 6, width=0.6)
        return y + 6

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng, L, R = self.data, self.p, self.rng, self.LEFT, self.RIGHT
        if self.debit:
            texts = [
                f"Der Rechnungsbetrag wird vereinbarungsgemäß am {p.date(d.due_date)} per SEPA-Lastschrift "
                "von Ihrem Konto eingezogen."
            ]
        else:
            texts = [
                rng.choice(
                    (
                        f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} auf das "
                        "unten "
                        "genannte Konto.",
                        f"Der Rechnungsbetrag ist zahlbar innerhalb von {(d.due_date - d.date).days} Tagen "
                        "ohne Abzug.",
                        f"Zahlbar ohne Abzug bis {p.date(d.due_date)} unter Angabe der Rechnungsnummer.",
                    )
                )
            ]
        if rng.random() < 0.5:
            texts.append("Die Vergütung ist nach der Steuerberatervergütungsverordnung (StBVV) berechnet.")
        need = 14 * len(texts) + (52 if self.signed else 0) + 10
        if y + need > self.limit:
            y = self.next_page()
        c = self.c
        y += 8
        for text in texts:
            y = c.paragraph(L, y + 6, text, R - L, 8.5)
        if self.signed:
            y += 10
            c.text(L, y, "Mit freundlichen Grüßen", 9)
            c.line(L, y + 26, L + 150, y + 26, width=0.4, colour=GREY)
            c.text(L, y + 37, f"{self.person}, {self.title}", 8.5)
            y += 37
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        chamber = f"Steuerberaterkammer {_CHAMBERS.get(s.city, s.region)}"
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        legal: list[str] = []
        if self.form == "gmbh":
            legal = [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {self.person}"]
        elif self.form == "partner":
            legal = [f"Partnerschaftsregister AG {s.city} {d.register}"]
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email],
            self.tax_ids("USt-IdNr.", "Steuernummer") + legal,
            bank,
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)
        note = (
            f"Berufsbezeichnung {self.title} (verliehen in der Bundesrepublik Deutschland) · "
            "Zuständige Kammer: "
            f"{chamber}, Körperschaft des öffentlichen Rechts"
        )
        c.fit_text(
            c.width / 2,
            A4.height - 16,
            note,
            6.2,
            self.RIGHT - self.LEFT,
            align="center",
            colour=GREY,
            min_size=5.0,
        )

    def draw(self) -> TripDrawing:
        positions = self.positions()
        expenses = self.expenses(positions)
        items = [pos.item for pos in positions] + [item for _, item in expenses]
        if self.style == "blocks":
            for pos in positions:
                items.append(
                    LineItem(
                        f"Auslagenpauschale § 16 StBVV, {pos.text}", "", Decimal(1), "", pos.expenses, 19
                    )
                )
        (vat,) = vat_breakdown(items)
        self.header()
        y = self.subject(self.info(), positions)
        if self.style == "table":
            y = self.table(y, positions, expenses)
        else:
            y = self.blocks(y, positions, expenses)
        y = self.totals(y, vat)
        y = self.closing(y, vat.base + vat.amount)
        assert y < self.limit + 6, "steuerberater_stbvv: page overflow"
        pages = self.close_pages(False)
        return self.finish(items, "Rechnung", pages=pages, customer_no=True, bic_printed=self.with_bic)


# ---------------------------------------------------------------------------
# rechnung_at

# Austrian places: (postcode, town, register court, phone area code).
_AT_PLACES = (
    ("1010", "Wien", "Handelsgericht Wien", "1"),
    ("1030", "Wien", "Handelsgericht Wien", "1"),
    ("1060", "Wien", "Handelsgericht Wien", "1"),
    ("1100", "Wien", "Handelsgericht Wien", "1"),
    ("1210", "Wien", "Handelsgericht Wien", "1"),
    ("8010", "Graz", "Landesgericht für ZRS Graz", "316"),
    ("4020", "Linz", "Landesgericht Linz", "732"),
    ("5020", "Salzburg", "Landesgericht Salzburg", "662"),
    ("6020", "Innsbruck", "Landesgericht Innsbruck", "512"),
    ("9020", "Klagenfurt am Wörthersee", "Landesgericht Klagenfurt", "463"),
    ("3100", "St. Pölten", "Landesgericht St. Pölten", "2742"),
    ("4600", "Wels", "Landesgericht Wels", "7242"),
    ("6850", "Dornbirn", "Landesgericht Feldkirch", "5572"),
    ("9500", "Villach", "Landesgericht Klagenfurt", "4242"),
    ("2700", "Wiener Neustadt", "Landesgericht Wiener Neustadt", "2622"),
)
_AT_STREETS = (
    "Mariahilfer Straße",
    "Landstraßer Hauptstraße",
    "Favoritenstraße",
    "Wiedner Hauptstraße",
    "Herrengasse",
    "Annenstraße",
    "Landstraße",
    "Linzer Gasse",
    "Maria-Theresien-Straße",
    "Bahnhofstraße",
    "Hauptplatz",
    "Industriestraße",
    "Gewerbepark",
    "Wiener Straße",
    "Schulgasse",
    "Kirchengasse",
)
_AT_CUSTOMERS = (
    "Autohaus Berger GmbH",
    "Ordination Dr. Maria Leitner",
    "Stadtgemeinde Mödling",
    "Wohnbaugenossenschaft Heimat eGen",
    "Haslinger & Partner Steuerberatung OG",
    "Architekturbüro DI Hannes Moser",
    "Sportunion Wels",
    "Rechtsanwaltskanzlei Mag. Felix Auer",
    "Hofer Landtechnik GmbH",
    "Gasthof Zum Goldenen Hirschen",
)
_AT_CONTACTS = ("z. H. Frau Mag. Huber", "z. H. Herrn Ing. Wallner", "Buchhaltung", "z. H. Frau Steiner", "")
_AT_BANKS = {
    "20111": "Erste Bank",
    "12000": "UniCredit Bank Austria",
    "32000": "Raiffeisenlandesbank NÖ-Wien",
    "34000": "Raiffeisenlandesbank OÖ",
    "14000": "BAWAG P.S.K.",
    "15000": "Oberbank",
    "20815": "Steiermärkische Sparkasse",
    "57000": "Hypo Tirol Bank",
    "43000": "Volksbank Wien",
    "38000": "Raiffeisen-Landesbank Steiermark",
    "35000": "Raiffeisenverband Salzburg",
}
MONTHS_AT = ("Jänner", *MONTHS_DE[1:])
_FN_LETTERS = "abdfghikmpstvwxyz"
# Trades: (names, taglines, articles as (text, unit, least and most net price, quantities, VAT rate)).
Article = tuple[str, str, float, float, tuple[float, ...], int]
_AT_TRADES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[Article, ...]]] = {
    "it": (("Donau Data IT-Services GmbH", "Alpenbyte EDV-Dienstleistungen GmbH", "Netzwerkstatt Huber e.U.",
            "Bits & Berge IT-Lösungen OG"),
           ("IT-Betreuung für KMU", "Netzwerk · Server · Support", "Ihr EDV-Partner"),
           (("Techniker-Stunde vor Ort", "Std.", 85, 120, (1, 1.5, 2, 3, 4, 6, 7.5), 20),
            ("Fernwartung (Remote-Support)", "Std.", 75, 98, (0.5, 1, 1.5, 2), 20),
            ("Anfahrtspauschale", "pauschal", 35, 65, (1, 2), 20),
            ("Notebook Lenovo ThinkPad E16, 16 GB RAM, 512 GB SSD", "Stk.", 899, 1299, (1, 2, 3), 20),
            ("Microsoft 365 Business Standard, Jahreslizenz", "Lizenz", 140, 160, (1, 3, 5, 10), 20),
            ("Netzwerk-Switch 24 Port PoE", "Stk.", 229, 459, (1, 2), 20),
            ("Einrichtung Arbeitsplatz inkl. Datenübernahme", "pauschal", 120, 240, (1, 2, 3), 20),
            ("Monitor 27 Zoll, USB-C", "Stk.", 269, 429, (1, 2, 4), 20),
            ("Wartungsvertrag Server, monatlich", "Monat", 89, 249, (1, 3), 20),
            ("Firewall-Appliance inkl. Konfiguration", "Stk.", 690, 1490, (1,), 20),
            ("Patchkabel Cat6, 2 m", "Stk.", 4, 9, (5, 10, 20), 20),
            ("USV 1500 VA", "Stk.", 280, 520, (1, 2), 20))),
    "catering": (("Genussmanufaktur Catering GmbH", "Heuriger & Catering Stöger KG",
                  "Buffetkultur Wimmer GmbH"),
                 ("Catering · Events · Feiern", "Wiener Küche für Ihr Fest", "Partyservice seit 1987"),
                 (("Fingerfood-Buffet pro Person", "Pers.", 18, 34, (20, 25, 40, 60, 80), 10),
                  ("Wiener Schnitzel mit Erdäpfelsalat", "Port.", 14, 19, (15, 20, 30), 10),
                  ("Mehlspeisenbuffet pro Person", "Pers.", 6, 10, (20, 30, 50), 10),
                  ("Vegetarische Gemüselasagne", "Port.", 11, 15, (10, 15, 20), 10),
                  ("Getränkepauschale pro Person", "Pers.", 12, 22, (20, 25, 40, 60), 20),
                  ("Kaffee, Tee und Säfte pro Person", "Pers.", 4, 7, (20, 30, 50), 20),
                  ("Servicepersonal", "Std.", 32, 42, (8, 12, 16, 24), 20),
                  ("Geschirr- und Gläsermiete", "pauschal", 80, 190, (1,), 20),
                  ("Zustellung und Abholung", "pauschal", 45, 95, (1,), 20))),
    "books": (("Buchhandlung Thalhammer GmbH", "Fachbuchhandlung Brandstätter KG",
               "Leseinsel Buch & Papier GmbH"),
              ("Bücher · Papier · Geschenke", "Ihre Fachbuchhandlung", "Lesen macht glücklich"),
              (("Fachbuch Österreichisches Steuerrecht, aktuelle Auflage", "Stk.", 49, 98, (1, 2, 5), 10),
               ("Kodex Arbeitsrecht", "Stk.", 24, 39, (1, 2, 10), 10),
               ("Jahresabonnement Fachzeitschrift Recht & Steuern", "Abo", 180, 260, (1,), 10),
               ("Kinderbuch Die kleine Eule", "Stk.", 11, 16, (1, 3, 12), 10),
               ("Bildband Wachau", "Stk.", 29, 45, (1, 2), 10),
               ("Geschenkverpackung", "Stk.", 2, 4, (1, 2, 5), 20),
               ("Notizbuch Leinen A5", "Stk.", 9, 16, (2, 5, 10), 20),
               ("E-Book-Reader", "Stk.", 99, 179, (1, 2), 20),
               ("Füllfeder mit Gravur", "Stk.", 39, 89, (1, 2), 20))),
    "joinery": (("Tischlerei Gruber GmbH", "Holzwerkstatt Pichler e.U.", "Möbeltischlerei Eder GmbH & Co KG"),
                ("Möbel nach Maß", "Tischlerei seit 1962", "Innenausbau · Küchen · Türen"),
                (("Einbauschrank Eiche massiv lt. Angebot", "pauschal", 2400, 6800, (1,), 20),
                 ("Montage", "Std.", 58, 78, (4, 6, 8, 12, 16), 20),
                 ("Arbeitsplatte Buche 40 mm", "lfm", 89, 149, (1.5, 2.4, 3, 4.2), 20),
                 ("Beschläge und Kleinmaterial", "pauschal", 45, 180, (1,), 20),
                 ("Anfahrt und Zustellung", "pauschal", 60, 120, (1,), 20),
                 ("Altmöbelentsorgung", "pauschal", 80, 160, (1,), 20),
                 ("Innentür Weißlack inkl. Zarge", "Stk.", 390, 640, (1, 2, 4), 20))),
    "hotel": (("Seminarhotel Wienerwald GmbH", "Hotel Alpenblick Betriebs GmbH", "Landhotel Kogler GmbH"),
              ("Tagen und Wohnen im Grünen", "Ihr Seminarhotel", "Hotel · Seminar · Genuss"),
              (("Nächtigung im Einzelzimmer inkl. Frühstück", "Nächte", 89, 149, (4, 8, 12, 20), 10),
               ("Nächtigung im Doppelzimmer inkl. Frühstück", "Nächte", 119, 189, (2, 4, 6), 10),
               ("Mittagsmenü Seminarpaket", "Pers.", 18, 29, (8, 12, 20, 30), 10),
               ("Seminarraummiete ganztägig", "Tag", 250, 690, (1, 2, 3), 20),
               ("Seminartechnik (Beamer, Flipchart, Moderationskoffer)", "Tag", 45, 90, (1, 2, 3), 20),
               ("Getränke lt. Konsumation", "pauschal", 60, 420, (1,), 20),
               ("Kaffeepause vormittags und nachmittags", "Pers.", 9, 15, (8, 12, 20, 30), 10))),
}  # fmt: skip


def at_uid_number(rng: random.Random) -> str:
    """An Austrian VAT number: ATU, seven digits and the check digit."""
    digits = _digits(rng, 7)
    number = f"ATU{digits}{at_uid.calc_check_digit('U' + digits)}"
    assert at_uid.is_valid(number), number
    return number


def at_day(rng: random.Random, day: dt.date) -> dt.date:
    """The invoice day: January more often than the others; out of July 2020 to December 2021."""
    if rng.random() < 0.25:
        day = day.replace(month=1)
    if dt.date(2020, 7, 1) <= day <= dt.date(2021, 12, 31):
        day = day.replace(year=rng.choice((2019, 2022, 2023)))
    return day


@dataclass(frozen=True)
class AtPrinter(WorldPrinter):
    """Dates as Austria writes them: "4. Jänner 2026" when `jaenner`."""

    jaenner: bool = False

    def date(self, day: dt.date) -> str:
        if self.dates == "de_long" and self.jaenner:
            return f"{day.day}. {MONTHS_AT[day.month - 1]} {day.year}"
        return super().date(day)


class RechnungAt(FirstSheet):
    """An Austrian company's invoice: UID ATU..., 20 % (and 10 %) USt, Firmenbuch, Austrian IBAN."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    NUMBERS = ("de",)
    CURRENCY = ("sign_before",)
    DATES = ("dotted",)
    IDS = "vat"
    GROUPED = 0.7
    FOOT = A4.height - 78

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.trade = rng.choice(tuple(_AT_TRADES))
        names, taglines, self.catalog = _AT_TRADES[self.trade]
        self.tagline = rng.choice(taglines)
        plz, town, self.court, area = rng.choice(_AT_PLACES)
        supplier = Party(rng.choice(names), self.at_street(rng), plz, town, "AT")
        cplz, ctown, _, _ = rng.choice(_AT_PLACES)
        customer = Party(
            rng.choice(_AT_CUSTOMERS), self.at_street(rng), cplz, ctown, "AT", rng.choice(_AT_CONTACTS)
        )
        day = at_day(rng, regular_day(data.date))
        n = rng.randint(1, 9999)
        number = rng.choice(
            (
                f"AR-{day.year}-{n:05d}",
                f"{day.year}-{n:04d}",
                f"RE {day.year % 100}/{n:04d}",
                f"R{day.year}/{n}",
                str(rng.randint(200000, 299999)),
            )
        )
        self.domain = (
            supplier.name.split()[0].lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue") + ".at"
        )
        bank = rng.choice(tuple(_AT_BANKS))
        self.terms = rng.choice((14, 14, 30, 8))
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            due_date=day + dt.timedelta(days=self.terms),
            supplier=supplier,
            customer=customer,
            customer_no=rng.choice(
                (
                    str(rng.randint(10000, 99999)),
                    f"K{rng.randint(1000, 9999)}",
                    f"{rng.randint(200000, 209999)}",
                )
            ),
            order_no=rng.choice(
                (
                    f"BE-{rng.randint(1000, 9999)}",
                    f"{rng.randint(4500000000, 4599999999)}",
                    f"Bestellung vom {day.day - 1 if day.day > 1 else 1}.{day.month}.",
                )
            ),
            service_date=None,
            phone=f"+43 {area} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=f"{rng.choice(('office', 'rechnung', 'buchhaltung'))}@{self.domain}",
            vat_id=at_uid_number(rng),
            tax_no="",
            iban=iban_of(rng, "AT", (bank,), 11),
            vat_id_spaced=False,
            register=f"FN {rng.randint(100000, 599999)}{rng.choice((' ', ''))}{rng.choice(_FN_LETTERS)}",
        )
        super().__init__(rng, data)
        dates = rng.choice(("dotted", "dotted", "de_long"))
        self.p = AtPrinter(
            "de",
            rng.choice(("sign_before", "sign_after", "code_before")),
            dates,
            sign="€",
            code="EUR",
            jaenner=rng.random() < 0.8,
        )
        self.bank_label = _AT_BANKS[bank]
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("logo", "centred", "band"))
        self.boxed = rng.random() < 0.5
        self.total_style = rng.choice(("lines", "table"))
        self.bank_in_text = rng.random() < 0.4
        self.with_bic = rng.random() < 0.85
        self.qr = rng.random() < 0.3
        self.long = rng.random() < 0.25  # a collective invoice of a month's deliveries, on two pages on some
        self.articles = rng.random() < 0.4 and not self.long
        self.customer_uid = at_uid_number(rng) if rng.random() < 0.4 else ""
        self.ordered = rng.random() < 0.35 and not data.order_no.startswith("Bestellung")
        self.with_customer_no = rng.random() < 0.85
        self.service = "period" if self.long else rng.choice(("date", "date", "period", "same", "none"))
        self.uid_label = rng.choice(("UID-Nr.", "UID", "USt-IdNr."))
        short_court = self.court.replace("Handelsgericht", "HG").replace("Landesgericht für ZRS", "LG f. ZRS")
        self.court_printed = short_court.replace("Landesgericht", "LG") if rng.random() < 0.5 else self.court
        self.bank_in_footer = not self.bank_in_text or rng.random() < 0.5
        self.service_day = day - dt.timedelta(days=rng.randint(0, 12))

    @staticmethod
    def at_street(rng: random.Random) -> str:
        number = rng.randint(1, 140)
        return f"{rng.choice(_AT_STREETS)} " + rng.choice(
            (
                f"{number}",
                f"{number}/{rng.randint(1, 9)}/{rng.randint(1, 24)}",
                f"{number}/{rng.randint(1, 4)}",
                f"{number}a",
            )
        )

    def doc_word(self) -> str:
        return "Rechnung"

    def follow_head(self) -> float:
        c, d, p = self.c, self.data, self.p
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"Rechnung {d.number} vom {p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return 72.0

    # -- what is charged

    def items(self) -> list[tuple[str, dt.date | None, LineItem]]:
        """(article number, delivery day on a collective invoice, item) rows; both rates of a mixed trade."""
        rng = self.rng
        rates = {rate for *_, rate in self.catalog}
        count = rng.randint(3, 6) if self.long else rng.randint(2, 7)
        for _ in range(100):
            chosen = rng.sample(self.catalog, min(count, len(self.catalog)))
            if {entry[-1] for entry in chosen} == rates:
                break
        priced = [
            (
                f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                entry,
                round_cent(Decimal(str(rng.uniform(entry[2], entry[3])))),
            )
            for entry in chosen
        ]
        if not self.long:
            return [
                (article, None, LineItem(text, article, Decimal(str(rng.choice(qty))), unit, price, rate))
                for article, (text, unit, _, _, qty, rate), price in priced
            ]
        first, last = month_before(self.data.date)
        days = sorted(
            first + dt.timedelta(days=rng.randint(0, (last - first).days)) for _ in range(rng.randint(16, 36))
        )
        rows = []
        for n, day in enumerate(days):
            article, (text, unit, _, _, qty, rate), price = (
                priced[n] if n < len(priced) else rng.choice(priced)
            )
            rows.append(
                (article, day, LineItem(text, article, Decimal(str(rng.choice(qty))), unit, price, rate))
            )
        return sorted(rows, key=lambda row: row[1] or first)

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email, f"www.{self.domain}"]
        short = s.name.split(" GmbH")[0].split(" KG")[0].split(" OG")[0].split(" e.U.")[0]
        if self.head == "logo":
            logo(c, self.rng.choice(("circle", "square", "diamond")), L, 32, 40, self.brand, initials(short))
            c.fit_text(L + 50, 52, s.name, 15, 260, bold=True, colour=self.brand)
            c.text(L + 50, 65, self.tagline, 8, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 38 + 10 * i, line, 7.5, align="right", colour=GREY)
        elif self.head == "centred":
            c.fit_text(
                c.width / 2, 52, short.upper(), 20, R - L, bold=True, align="center", colour=self.brand
            )
            c.text(c.width / 2, 66, self.tagline, 8.5, align="center", colour=GREY)
            c.fit_text(c.width / 2, 80, " | ".join(contact), 7.5, R - L, align="center", colour=GREY)
        else:
            c.box(0, 20, c.width, 72, fill=self.brand, stroke=None)
            c.fit_text(L, 46, s.name, 16, 290, bold=True, colour=WHITE)
            c.text(L, 60, self.tagline, 8, colour=WHITE)
            for i, line in enumerate(contact[:4]):
                c.fit_text(R, 34 + 10 * i, line, 7.5, 190, align="right", colour=WHITE)

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        c.fit_text(L, 124, f"Abs.: {s.name}, {s.street}, {s.city_line}", 6.5, 250, colour=GREY, min_size=5.5)
        y = 140.0
        for line in (r.name, r.contact, r.street, r.city_line):
            if line:
                c.text(L, y, line, 10)
                y += 13
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if self.with_customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Ihre Kundennr.")), d.customer_no))
        if self.service == "date":
            rows.append(
                (
                    rng.choice(("Leistungsdatum", "Lieferdatum", "Liefer-/Leistungsdatum")),
                    p.date(self.service_day),
                )
            )
        elif self.service == "period":
            first, last = month_before(d.date)
            rows.append(("Leistungszeitraum", f"{first:%d.%m.%Y} - {last:%d.%m.%Y}"))
        if self.ordered:
            rows.append((rng.choice(("Ihre Bestellung", "Bestell-Nr.", "Ihre Bestellnummer")), d.order_no))
        if self.customer_uid:
            rows.append((rng.choice(("Ihre UID-Nr.", "UID-Nr. Kunde")), self.customer_uid))
        if rng.random() < 0.4:
            rows.append(
                ("Sachbearbeiter/in", rng.choice(("Mag. Eva Hofer", "Ing. Lukas Bauer", "Sandra Koller")))
            )
        x, top = 340.0, 132.0
        if self.boxed:
            c.box(x - 8, top - 12, R, top - 5 + 13 * len(rows), stroke=RULE, width=0.6)
        label_rows(
            c, rows, x, R - (6 if self.boxed else 0), top, 8.5, 13, value_align="right", label_colour=GREY
        )
        return max(y, top + 13 * len(rows))

    def title(self, y: float) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        y = max(y, 214.0) + 26
        word = "Sammelrechnung" if self.long else "Rechnung"
        c.text(L, y, rng.choice((word, word.upper(), f"{word} Nr. {d.number}")), 15, bold=True)
        if self.service == "same":
            c.text(R, y, "Liefer-/Leistungsdatum entspricht Rechnungsdatum", 7.5, align="right", colour=GREY)
        if rng.random() < 0.55:
            intro = rng.choice(
                (
                    "Sehr geehrte Damen und Herren, wir erlauben uns, Ihnen folgende Leistungen zu "
                    "verrechnen:",
                    "Vielen Dank für Ihren Auftrag! Wir verrechnen Ihnen wie folgt:",
                    "Für die erbrachten Lieferungen und Leistungen stellen wir Ihnen in Rechnung:",
                )
            )
            y = c.paragraph(L, y + 18, intro, R - L, 9) - 4
        return y + 8

    def spec(self, mixed: bool) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 28, "left")]
        if self.long:
            spec.append(("day", rng.choice(("Datum", "Lieferung", "Lieferdatum")), 56, "left"))
        if self.articles:
            spec.append(("art", rng.choice(("Art.-Nr.", "Artikel")), 54, "left"))
        spec += [
            ("desc", rng.choice(("Bezeichnung", "Beschreibung", "Leistung")), 0, "left"),
            ("qty", "Menge", 40, "right"),
            ("unit", rng.choice(("Einh.", "ME")), 46, "left"),
            ("price", rng.choice(("Einzelpreis", "EP netto", "Preis/Einh.")), 66, "right"),
        ]
        if mixed or rng.random() < 0.3:
            spec.append(("rate", rng.choice(("USt.", "USt %", "MwSt.")), 38, "right"))
        spec.append(("total", rng.choice(("Gesamt", "Betrag", "Gesamtpreis")), 70, "right"))
        return spec

    def table(self, y: float, rows: list[tuple[str, dt.date | None, LineItem]], mixed: bool) -> float:
        p, L, R = self.p, self.LEFT, self.RIGHT
        cols = columns(self.spec(mixed), L, R)
        head = {col.key: col.head for col in cols}
        shaded = self.head != "centred"

        def heading(y: float) -> float:
            c = self.c
            if shaded:
                c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
            else:
                c.line(L, y, R, y, width=0.8)
                c.line(L, y + 16, R, y + 16, width=0.8)
            cells(c, cols, y + 11, head, 8.5, bold=True)
            return y + 16

        y = heading(y)
        running = Decimal(0)
        desc = next(col for col in cols if col.key == "desc")
        for n, (article, day, item) in enumerate(rows, 1):
            lines = self.c.wrap(item.description, desc.width, 8.5)
            height = 15 + 10 * (len(lines) - 1)
            if y + height > self.limit - 28:
                self.carry(y, running, "Übertrag")
                y = self.carry(heading(self.next_page()), running, "Übertrag")
            values = {
                "pos": str(n),
                "art": article,
                "desc": lines[0],
                "qty": p.quantity(item.quantity),
                "unit": item.unit,
                "price": p.number(item.unit_price),
                "rate": f"{item.rate} %",
                "total": p.number(item.total),
                "day": f"{day:%d.%m.%Y}" if day else "",
            }
            cells(self.c, cols, y + 11, values, 8.5)
            for k, line in enumerate(lines[1:], 1):
                self.c.text(desc.anchor, y + 11 + 10 * k, line, 8.5)
            y += height
            self.c.line(L, y, R, y, width=0.25, colour=RULE)
            running += item.total
        return y

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.text(R - 90, y + 13, label, 8.5, bold=True, align="right")
        c.text(R, y + 13, self.p.amount(running), 8.5, bold=True, align="right")
        return y + 20

    def totals(self, y: float, vat_lines: list[VatLine]) -> float:
        p, rng, R = self.p, self.rng, self.RIGHT
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        need = 22 + 15 * (len(vat_lines) + 3)
        if y + need > self.limit:
            y = self.next_page()
        c = self.c
        y += 6
        if self.total_style == "table":
            spec: list[tuple[str, str, float, Align]] = [
                ("rate", "USt-Satz", 70, "left"),
                ("net", "Netto", 86, "right"),
                ("vat", "USt", 76, "right"),
                ("gross", "Brutto", 86, "right"),
            ]
            cols = columns(spec, R - 318, R)
            c.line(R - 318, y + 14, R, y + 14, width=0.5)
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True)
            y += 14
            for v in vat_lines:
                y += 14
                cells(
                    c,
                    cols,
                    y,
                    {
                        "rate": f"{v.rate} %",
                        "net": p.number(v.base),
                        "vat": p.number(v.amount),
                        "gross": p.number(v.base + v.amount),
                    },
                    8.5,
                )
            c.line(R - 318, y + 4, R, y + 4, width=0.5)
            y += 16
            cells(
                c,
                cols,
                y,
                {"rate": "Summe", "net": p.number(net), "vat": p.number(vat), "gross": p.number(net + vat)},
                8.5,
                bold=True,
            )
            y += 20
            label = rng.choice(("Rechnungsbetrag", "Gesamtsumme", "Zu bezahlen"))
            c.box(R - 318, y - 12, R, y + 5, fill=LIGHT, stroke=None)
            c.text(R - 312, y, label, 10, bold=True)
            c.text(R - 4, y, p.amount(net + vat), 10, bold=True, align="right")
            return y + 6
        x = R - 240
        rows: list[tuple[str, Decimal, bool]] = [
            (rng.choice(("Summe netto", "Nettobetrag", "Zwischensumme exkl. USt.")), net, False)
        ]
        form = rng.choice(("zzgl. {r} % USt.", "{r} % Ust.", "USt. {r} %", "zzgl. {r} % MwSt."))
        on = len(vat_lines) > 1 or rng.random() < 0.3
        for v in vat_lines:
            label = form.format(r=v.rate) + (f" von {p.number(v.base)}" if on else "")
            rows.append((label, v.amount, False))
        if len(vat_lines) > 1:
            rows.append((rng.choice(("Summe USt.", "USt. gesamt")), vat, False))
        rows.append(
            (rng.choice(("Gesamtsumme", "Rechnungsbetrag", "Gesamtbetrag inkl. USt.")), net + vat, True)
        )
        for label, value, bold in rows:
            y += 15
            if bold:
                c.line(x, y - 11, R, y - 11, width=0.7)
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        c.line(x, y + 4, R, y + 4, width=0.7)
        c.line(x, y + 6, R, y + 6, width=0.7)
        return y + 6

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng, L, R = self.data, self.p, self.rng, self.LEFT, self.RIGHT
        texts = [
            rng.choice(
                (
                    f"Zahlbar bis {p.date(d.due_date)} ohne Abzug.",
                    f"Zahlbar innerhalb von {self.terms} Tagen ab Rechnungsdatum ohne Abzug.",
                    f"Zahlungsbedingungen: {min(self.terms, 8)} Tage 2 % Skonto, 30 Tage netto. "
                    f"Zahlbar bis {p.date(d.due_date)}.",
                )
            )
        ]
        if self.bank_in_text:
            bank = f"Bankverbindung: {self.bank_label}, IBAN {self.iban}"
            texts.append(bank + (f", BIC {d.iban.bic}" if self.with_bic else ""))
        texts.append(
            rng.choice(
                (
                    "Bei Zahlungsverzug verrechnen wir Verzugszinsen in Höhe von 9,2 Prozentpunkten über "
                    "dem Basiszinssatz (§ 456 UGB).",
                    "Es gelten unsere Allgemeinen Geschäftsbedingungen.",
                    "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
                )
            )
        )
        if rng.random() < 0.5:
            texts.append(
                rng.choice(
                    (
                        "Wir danken für Ihren Auftrag!",
                        "Vielen Dank für Ihr Vertrauen.",
                        "Mit freundlichen Grüßen",
                    )
                )
            )
        need = 16 * len(texts) + (70 if self.qr else 10)
        if y + need > self.limit:
            y = self.next_page()
        c = self.c
        width = R - L - (90 if self.qr else 0)
        top = y + 10
        y = top
        for text in texts:
            y = c.paragraph(L, y + 4, text, width, 8.5)
        if self.qr:
            qr_block(c, rng, R - 68, top, 64, modules=29)
            c.text(R - 36, top + 74, "Zahlen mit Code", 6.5, align="center", colour=GREY)
            y = max(y, top + 76)
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        uid_line = f"{self.uid_label} {d.vat_id}"
        self.tax["ust_id"] = d.vat_id
        bank = [self.bank_label, f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email],
            [f"Sitz: {s.city}", f"Firmenbuch: {d.register}", self.court_printed, uid_line],
        ]
        if self.bank_in_footer:
            cols.append(bank)
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 7)

    def draw(self) -> TripDrawing:
        d = self.data
        rows = self.items()
        items = [item for *_, item in rows]
        vat_lines = vat_breakdown(items)
        self.header()
        y = self.title(self.info())
        y = self.table(y, rows, len(vat_lines) > 1)
        y = self.totals(y, vat_lines)
        y = self.closing(y, sum((v.base + v.amount for v in vat_lines), Decimal(0)))
        assert y < self.limit + 6, "rechnung_at: page overflow"
        pages = self.close_pages(self.rng.random() < 0.3)
        if self.service == "date":
            self.data = d = dataclasses.replace(d, service_date=self.service_day)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.service == "date",
            customer_no=self.with_customer_no,
            order_no=self.ordered,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# uk_invoice

# UK places: (town, postcode, Scotland).
_UK_PLACES = (
    ("Bristol", "BS3 4QT", False),
    ("Leeds", "LS11 5RT", False),
    ("Manchester", "M4 6DE", False),
    ("Norwich", "NR3 1HG", False),
    ("Exeter", "EX2 8PB", False),
    ("Reading", "RG1 8DB", False),
    ("Sheffield", "S1 2HE", False),
    ("Glasgow", "G2 5UB", True),
    ("Edinburgh", "EH6 6QU", True),
    ("Cardiff", "CF10 1EP", False),
    ("Nottingham", "NG1 5FW", False),
    ("York", "YO1 7HB", False),
)
_UK_STREETS = (
    "Unit 7, Mill Lane Industrial Estate",
    "14 Castle Street",
    "Suite 3, Kings Court",
    "27 Station Road",
    "Brunel House, 9 Canal Wharf",
    "101 Victoria Street",
    "2 Riverside Way",
    "48 High Street",
    "Unit 12, Westgate Trading Estate",
)
_UK_CUSTOMERS = (
    "Hartley & Sons Ltd",
    "Brightwater Cafe Ltd",
    "Northgate Dental Practice",
    "Oakfield Primary School",
    "Calder Valley Lettings",
    "St Mary's Parish Council",
    "The Old Bakery Tearooms",
    "Ashworth Property Management Ltd",
    "Greenfield Veterinary Surgery",
)
_UK_CONTACTS = ("FAO Accounts Payable", "Attn: Mrs J. Patel", "FAO Mr D. Hughes", "Accounts Department", "")
_UK_BANKS = {
    "NWBK601613": "NatWest",
    "BARC200000": "Barclays Bank",
    "LOYD309634": "Lloyds Bank",
    "HBUK400515": "HSBC UK",
    "SRLG608371": "Starling Bank",
    "RBOS165000": "Royal Bank of Scotland",
    "BUKB202015": "Barclays Bank UK",
}
# Trades: (names, taglines, goods as (text, unit, least and most net price, quantities, VAT rate)); leaflets,
# books, and food for the catering trade are zero-rated, the rest standard-rated.
_UK_TRADES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[Article, ...]]] = {
    "print": (("Kestrel Print & Design Ltd", "Blackfriars Press Ltd", "Inkwell Print Solutions Ltd"),
              ("Litho & digital printing", "Design · Print · Finishing"),
              (("A5 leaflets, 170gsm gloss, double-sided", "1000", 38, 95, (1, 2, 5, 10), 0),
               ("A4 brochure, 12 pages, saddle-stitched", "100", 120, 260, (1, 2, 5), 0),
               ("Business cards, 400gsm matt laminated", "250", 24, 48, (1, 2, 4), 20),
               ("A2 posters, 200gsm silk", "each", 3.5, 9, (10, 25, 50), 20),
               ("Pull-up banner 850 x 2000mm with stand", "each", 69, 129, (1, 2), 20),
               ("Artwork and typesetting", "hrs", 35, 65, (1, 1.5, 2, 3, 4), 20),
               ("Delivery, next working day", "each", 9.5, 24, (1,), 20))),
    "catering": (("Harbour Catering Supplies Ltd", "Pennine Foodservice Ltd", "Thistle Wholesale Foods Ltd"),
                 ("Foodservice & catering supplies", "Wholesale to the trade"),
                 (("Tea bags, catering pack of 1100", "case", 18, 32, (1, 2, 4), 0),
                  ("Coffee beans, espresso blend 1kg", "bag", 14, 24, (2, 4, 6, 10), 0),
                  ("Plain flour 16kg", "sack", 11, 19, (1, 2, 3), 0),
                  ("Mature cheddar block 5kg", "each", 28, 44, (1, 2), 0),
                  ("Still water 24 x 500ml", "case", 4.5, 8, (2, 5, 10), 20),
                  ("Crisps, assorted 48 x 25g", "case", 11, 17, (1, 2, 3), 20),
                  ("Blue centrefeed roll, 6 pack", "pack", 12, 19, (1, 2, 4), 20),
                  ("Takeaway cups 12oz, 1000", "case", 38, 62, (1, 2), 20),
                  ("Washing-up liquid 5L", "each", 6, 11, (1, 2, 4), 20))),
    "it": (("Brightline IT Services Ltd", "Northern Byte Systems Ltd", "Clearpath Networks Ltd"),
           ("Managed IT for small business", "Support · Cloud · Security"),
           (("Managed IT support, monthly per user", "user", 28, 45, (5, 8, 12, 20), 20),
            ("Microsoft 365 Business Premium, monthly", "licence", 16, 22, (5, 8, 12, 20), 20),
            ("On-site engineer", "hrs", 65, 95, (1, 2, 3.5, 6), 20),
            ("Laptop Dell Latitude 5540, 16GB", "each", 780, 1100, (1, 2, 3), 20),
            ("Backup and disaster recovery, monthly", "each", 45, 120, (1,), 20),
            ("Firewall licence renewal, 12 months", "each", 180, 420, (1,), 20))),
    "office": (("Cavendish Office Supplies Ltd", "Wolds Stationery & Books Ltd"),
               ("Office supplies · Furniture · Books", "Everything for the office"),
               (("Copier paper A4 80gsm, box of 5 reams", "box", 18, 29, (2, 5, 10), 20),
                ("Training manual: Health & Safety at Work (printed)", "each", 12, 24, (5, 10, 20), 0),
                ("Children's picture books, assorted", "each", 4.5, 8, (10, 20, 30), 0),
                ("Lever arch files, pack of 10", "pack", 14, 22, (1, 2, 5), 20),
                ("Ergonomic office chair, black mesh", "each", 149, 289, (1, 2, 4), 20),
                ("Toner cartridge, black, high yield", "each", 64, 129, (1, 2, 3), 20),
                ("Dictionary of Accounting (hardback)", "each", 18, 35, (1, 2, 5), 0))),
}  # fmt: skip
_TERMS = (
    "Title to the goods remains with the Company until payment in full has been received.",
    "Payment is due within the period stated on the invoice. The Company reserves the right to charge "
    "interest on late "
    "payments under the Late Payment of Commercial Debts (Interest) Act 1998.",
    "Any shortages or damage must be reported in writing within 3 working days of delivery.",
    "Goods may only be returned with the Company's prior written agreement and in their original packaging.",
    "Quotations are valid for 30 days. Prices exclude VAT, which is charged at the rate applicable at the "
    "tax point.",
    "The Company's liability is limited to the invoice value of the goods or services concerned.",
    "These terms are governed by the laws of England and Wales.",
    "Services are provided with reasonable skill and care. Any complaint must be raised within 14 days.",
)


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@dataclass(frozen=True)
class UkPrinter(WorldPrinter):
    """British dates: "4th December 2026" when `ordinal`, else "4 December 2026" or "04/12/2026"."""

    ordinal: bool = False

    def date(self, day: dt.date) -> str:
        if self.dates == "en_long" and self.ordinal:
            return f"{ordinal(day.day)} {MONTHS_EN[day.month - 1]} {day.year}"
        return super().date(day)


class UkInvoice(FirstSheet):
    """A British supplier's VAT invoice in GBP: sort code and account, zero-rated lines, company number."""

    FONTS = ("liberation-sans", "dejavu-sans", "helvetica", "liberation-serif", "dejavu-sans-condensed")
    NUMBERS = ("en",)
    CURRENCY = ("sign_tight",)
    DATES = ("en_long",)
    IDS = "vat"
    GROUPED = 0.75
    FOOT = A4.height - 64

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.trade = rng.choice(tuple(_UK_TRADES))
        names, taglines, self.catalog = _UK_TRADES[self.trade]
        self.tagline = rng.choice(taglines)
        town, postcode, self.scotland = rng.choice(_UK_PLACES)
        supplier = Party(rng.choice(names), rng.choice(_UK_STREETS), postcode, town, "GB")
        ctown, cpost, _ = rng.choice(_UK_PLACES)
        street = rng.choice(_UK_STREETS)
        while street == supplier.street:
            street = rng.choice(_UK_STREETS)
        customer = Party(rng.choice(_UK_CUSTOMERS), street, cpost, ctown, "GB", rng.choice(_UK_CONTACTS))
        day = regular_day(data.date)
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"INV-{n:06d}",
                str(rng.randint(10000, 99999)),
                f"SI-{n:05d}",
                f"INV{n:05d}",
                f"{day.year}/{n % 10000:04d}",
            )
        )
        self.terms = rng.choice((14, 30, 30, 60))
        bank = rng.choice(tuple(_UK_BANKS))
        self.domain = supplier.name.split()[0].lower() + ".co.uk"
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=self.terms),
            supplier=supplier,
            customer=customer,
            customer_no=rng.choice(
                (
                    f"{customer.name[:3].upper().replace(' ', '')}{rng.randint(1, 999):03d}",
                    str(rng.randint(1000, 99999)),
                    f"C{rng.randint(10000, 99999)}",
                )
            ),
            order_no=rng.choice(
                (
                    f"PO{rng.randint(10000, 99999)}",
                    f"{rng.randint(100000, 999999)}",
                    f"PO-{rng.randint(1000, 9999)}/{day.year % 100}",
                )
            ),
            phone=f"0{rng.randint(113, 1632)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            email=f"{rng.choice(('accounts', 'invoices', 'sales'))}@{self.domain}",
            vat_id=gb_vat_id(rng),
            tax_no="",
            iban=iban_of(rng, "GB", (bank,), 8),
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        self.p = UkPrinter(
            "en",
            rng.choice(("sign_tight", "sign_tight", "sign_before")),
            rng.choice(("en_long", "en_long", "fr_slash")),
            sign="£",
            code="GBP",
            ordinal=rng.random() < 0.6,
        )
        self.bank_label = _UK_BANKS[bank]
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("left", "right", "band"))
        self.with_iban = rng.random() < 0.45
        self.with_customer_no = rng.random() < 0.8
        self.with_order = rng.random() < 0.5
        self.tax_point = rng.choice(("row", "row", "combined"))
        self.codes = rng.random() < 0.35  # S / Z in the VAT column
        self.summary = rng.random() < 0.4
        self.remittance = rng.random() < 0.3
        self.terms_page = rng.random() < 0.3
        self.code_at = rng.choice(("total", "header", "note"))
        company = (
            f"SC{rng.randint(100000, 799999)}" if self.scotland else f"{rng.randint(1000000, 15999999):08d}"
        )
        self.company = company
        vat = data.vat_id
        self.vat_printed = rng.choice(
            (vat, f"{vat[:2]} {vat[2:5]} {vat[5:9]} {vat[9:]}", f"{vat[:2]} {vat[2:5]} {vat[5:8]} {vat[8:]}")
        )
        self.vat_label = rng.choice(("VAT Reg No.", "VAT Registration No.", "VAT No.", "VAT Reg. No:"))

    def doc_word(self) -> str:
        return "Invoice"

    def page_label(self, page: int, pages: int) -> str:
        return f"Page {page} of {pages}"

    # -- what is sold

    def lines(self) -> list[LineItem]:
        rng = self.rng
        rates = {entry[-1] for entry in self.catalog}
        want_zero = 0 in rates and rng.random() < 0.75
        for _ in range(100):
            chosen = rng.sample(self.catalog, rng.randint(2, min(6, len(self.catalog))))
            zero = any(entry[-1] == 0 for entry in chosen)
            if zero == want_zero and any(entry[-1] == 20 for entry in chosen):
                break
        return [
            LineItem(
                text,
                "",
                Decimal(str(rng.choice(qty))),
                unit,
                round_cent(Decimal(str(rng.uniform(lo, hi)))),
                rate,
            )
            for text, unit, lo, hi, qty, rate in chosen
        ]

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        title = self.rng.choice(("INVOICE", "Tax Invoice", "VAT INVOICE", "Invoice"))
        address = [
            s.street,
            f"{s.city.upper() if self.rng.random() < 0.5 else s.city} {s.plz}",
            d.phone,
            d.email,
        ]
        if self.head == "left":
            c.fit_text(L, 52, s.name, 16, 300, bold=True, colour=self.brand)
            c.text(L, 64, self.tagline, 8, colour=GREY)
            for i, line in enumerate(address):
                c.text(L, 78 + 9.5 * i, line, 7.5, colour=GREY)
            c.text(R, 56, title, 22, bold=True, align="right")
        elif self.head == "right":
            c.text(L, 58, title, 24, bold=True, colour=self.brand)
            c.fit_text(R, 48, s.name, 13, 260, bold=True, align="right")
            for i, line in enumerate(address):
                c.text(R, 60 + 9.5 * i, line, 7.5, align="right", colour=GREY)
        else:
            c.box(0, 24, c.width, 64, fill=self.brand, stroke=None)
            c.fit_text(L, 50, s.name, 16, 300, bold=True, colour=WHITE)
            c.text(R, 52, title, 18, bold=True, align="right", colour=WHITE)
            c.fit_text(L, 80, " | ".join(address), 7.5, R - L, colour=GREY)

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        y = 136.0
        c.text(L, y - 14, rng.choice(("Invoice to:", "Bill to:", "To:")), 8, bold=True, colour=GREY)
        r = d.customer
        for line in (r.name, r.contact, r.street, r.city, r.plz):
            if line:
                c.text(L, y, line, 9.5)
                y += 12.5
        rows = [(rng.choice(("Invoice No.", "Invoice number", "Invoice no:")), d.number)]
        if self.tax_point == "combined":
            rows.append(("Invoice date / tax point", p.date(d.date)))
        else:
            rows += [
                (rng.choice(("Invoice date", "Date", "Date of issue")), p.date(d.date)),
                (rng.choice(("Tax point", "Tax point date", "Tax date")), p.date(d.date)),
            ]
        if self.with_customer_no:
            rows.append((rng.choice(("Account No.", "Customer A/C", "Account ref.")), d.customer_no))
        if self.with_order:
            rows.append((rng.choice(("Your order no.", "Your ref.", "Customer PO")), d.order_no))
        rows.append((rng.choice(("Due date", "Payment due")), p.date(d.due_date)))
        if self.code_at == "header":
            rows.append(("Currency", "GBP"))
        x = 330.0
        top = 122.0
        for i, (label, value) in enumerate(rows):
            c.text(x, top + 13 * i, label, 8.5, bold=True)
            c.fit_text(R, top + 13 * i, value, 8.5, 110, align="right")
        return max(y, top + 13 * len(rows))

    def table(self, y: float, items: list[LineItem]) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        money = " (GBP)" if self.code_at == "header" and rng.random() < 0.5 else ""
        spec: list[tuple[str, str, float, Align]] = [
            ("qty", rng.choice(("Qty", "Quantity")), 48, "right"),
            ("unit", "Unit", 40, "left"),
            ("desc", "Description", 0, "left"),
            ("price", rng.choice(("Unit price", "Price", "Rate")), 66, "right"),
            ("rate", "VAT" if self.codes else rng.choice(("VAT %", "VAT rate")), 46, "center"),
            ("net", rng.choice(("Net", "Amount", "Net amount")) + money, 78, "right"),
        ]
        cols = columns(spec, L, R)
        style = rng.choice(("band", "ruled", "grid"))
        top = y
        if style == "band":
            c.box(L, y, R, y + 17, fill=self.brand, stroke=None)
            cells(c, cols, y + 12, {col.key: col.head for col in cols}, 8.5, bold=True, colour=WHITE)
        else:
            c.line(L, y, R, y, width=0.8)
            cells(c, cols, y + 12, {col.key: col.head for col in cols}, 8.5, bold=True)
            c.line(L, y + 17, R, y + 17, width=0.8)
        y += 17
        for item in items:
            rate = ("S" if item.rate else "Z") if self.codes else f"{item.rate}%"
            values = {
                "qty": p.quantity(item.quantity),
                "unit": item.unit,
                "desc": item.description,
                "price": p.number(item.unit_price),
                "rate": rate,
                "net": p.number(item.total),
            }
            cells(c, cols, y + 12, values, 8.5)
            y += 17
            if style != "grid":
                c.line(L, y, R, y, width=0.25, colour=RULE)
        if style == "grid":
            c.box(L, top, R, y, width=0.5)
            grid_lines(c, cols, top, y)
        if self.codes:
            y += 11
            c.text(L, y, "VAT codes: S = standard rate 20%, Z = zero rated", 7, colour=GREY)
        return y

    def totals(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        gross = net + vat
        top = y
        x = R - 230
        rows: list[tuple[str, Decimal, bool]] = [
            (rng.choice(("Subtotal", "Net total", "Total net", "Goods total")), net, False)
        ]
        form = rng.choice(("VAT @ {r}%", "VAT {r}%", "VAT at {r}%"))
        zero_row = rng.random() < 0.5
        for v in vat_lines:
            if v.rate or zero_row:
                rows.append((form.format(r=v.rate), v.amount, False))
        if len([v for v in vat_lines if v.rate or zero_row]) > 1:
            rows.append(("Total VAT", vat, False))
        total = rng.choice(("Total", "Invoice total", "TOTAL"))
        rows.append((f"{total} GBP" if self.code_at == "total" else total, gross, True))
        if rng.random() < 0.5:
            rows.append((rng.choice(("Amount due", "Balance due")), gross, True))
        y += 6
        for label, value, bold in rows:
            y += 15
            if bold:
                c.box(
                    x - 6, y - 11, R + 3, y + 5, fill=LIGHT if label.startswith(total) else PALE, stroke=None
                )
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        if self.summary:  # the VAT analysis beside the totals
            sy = top + 21
            c.text(L, sy, "VAT summary", 8.5, bold=True)
            for i, head in enumerate(("Rate", "Net", "VAT")):
                c.text(
                    L + 60 + 70 * i if i else L, sy + 13, head, 8, bold=True, align="right" if i else "left"
                )
            for v in vat_lines:
                sy += 12
                c.text(L, sy + 13, f"{v.rate}%" + (" (Z)" if self.codes and not v.rate else ""), 8)
                c.text(L + 130, sy + 13, p.number(v.base), 8, align="right")
                c.text(L + 200, sy + 13, p.number(v.amount), 8, align="right")
        return y + 8

    def payment(self, y: float) -> float:
        c, d, p, rng, L = self.c, self.data, self.p, self.rng, self.LEFT
        code = str(d.iban.branch_code)
        sort_code = f"{code[:2]}-{code[2:4]}-{code[4:]}"
        terms = rng.choice(
            (
                f"Payment terms: {self.terms} days from date of invoice.",
                f"Please pay by {p.date(d.due_date)}.",
                f"Terms: strictly {self.terms} days net.",
            )
        )
        lines = [
            rng.choice(("Please pay by BACS to:", "Bank details for payment:", "Payment by bank transfer:")),
            f"Bank: {self.bank_label}",
            f"Account name: {d.supplier.name}",
            f"Sort code: {sort_code}",
            f"Account number: {d.iban.account_code}",
        ]
        if self.with_iban:
            lines += [f"IBAN: {self.iban}", f"BIC: {d.iban.bic}"]
        y += 14
        c.text(L, y, terms, 8.5, bold=True)
        y += 4
        for line in lines:
            y += 11
            c.text(L, y, line, 8.5, bold=line.endswith(":"))
        y += 13
        c.text(
            L,
            y,
            rng.choice(
                (
                    f"Please quote invoice number {d.number} as your payment reference.",
                    "Please use the invoice number as your reference.",
                )
            ),
            8,
        )
        if self.code_at == "note":
            y += 11
            c.text(L, y, "All amounts are shown in GBP.", 8)
        return y

    def remit(self, y: float, gross: Decimal) -> float:
        """The remittance slip at the foot of the page, to tear off."""
        c, d, p, L, R = self.c, self.data, self.p, self.LEFT, self.RIGHT
        top = max(y + 20, self.FOOT - 92)
        c.line(L - 20, top, R + 20, top, width=0.4, dashed=True)
        c.text(L, top + 14, "REMITTANCE ADVICE", 9, bold=True)
        c.text(R, top + 14, "Please return with your payment", 7.5, align="right", colour=GREY)
        rows = [("Invoice No.", d.number), ("Date", p.date(d.date)), ("Amount due", p.amount(gross))]
        if self.with_customer_no:
            rows.insert(1, ("Account No.", d.customer_no))
        width = (R - L) / len(rows)
        for i, (label, value) in enumerate(rows):
            c.text(L + i * width, top + 32, label, 7.5, colour=GREY)
            c.fit_text(L + i * width, top + 44, value, 9, width - 8, bold=True)
        c.text(
            L,
            top + 62,
            f"To: {d.supplier.name}, {d.supplier.street}, {d.supplier.city} {d.supplier.plz}",
            7.5,
        )
        return top + 62

    def footer(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        self.tax["ust_id"] = d.vat_id
        where = "Scotland" if self.scotland else "England and Wales"
        lines = [
            f"{s.name} · Registered in {where} No. {self.company} · "
            f"Registered office: {s.street}, {s.city} {s.plz}",
            f"{self.vat_label} {self.vat_printed} · {d.phone} · www.{self.domain}",
        ]
        c.line(L, self.FOOT, R, self.FOOT, width=0.4, colour=GREY)
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, self.FOOT + 12 + 10 * i, line, 7, R - L, align="center", colour=GREY)

    def conditions(self) -> None:
        c, rng, L, R = self.c, self.rng, self.LEFT, self.RIGHT
        y = self.follow_head() + 8
        c.text(
            L, y, rng.choice(("Terms and Conditions of Sale", "Standard Terms and Conditions")), 13, bold=True
        )
        y += 8
        for n, text in enumerate(_TERMS, 1):
            y = c.paragraph(L, y + 14, f"{n}. {text}", R - L, 8.5) - 4

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"Invoice {d.number}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return 80.0

    def draw(self) -> TripDrawing:
        items = self.lines()
        vat_lines = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat_lines), Decimal(0))
        self.header()
        y = max(self.info(), 214.0) + 16
        y = self.table(y, items)
        y = self.totals(y, vat_lines)
        y = self.payment(y)
        if self.remittance and y + 86 < self.FOOT - 4:  # the slip where there is room for it
            y = self.remit(y, gross)
        assert y < self.FOOT - 4, "uk_invoice: page overflow"
        if self.terms_page:
            self.next_page()
            self.conditions()
        pages = self.close_pages(self.rng.random() < 0.4)
        return self.finish(
            items,
            "Invoice",
            pages=pages,
            customer_no=self.with_customer_no,
            order_no=self.with_order,
            currency="GBP",
            bank=self.with_iban,
        )


# ---------------------------------------------------------------------------
# gutschrift_versand

# Retailers: (name, tagline, catalog keys).
_RETAILERS = (
    ("Modehafen Online GmbH", "Mode für jeden Tag", ("fashion",)),
    ("Technikkiste Versand GmbH", "Zubehör für Ihre Technik", ("tech",)),
    ("Kaufhaus Lindner Online GmbH & Co. KG", "Ihr Online-Kaufhaus", ("fashion", "home", "books", "coffee")),
    ("Bücherbrise GmbH", "Bücher und schöne Dinge", ("books", "home")),
    ("Kaffeekontor Hansen GmbH", "Röstfrisch seit 1954", ("coffee", "home")),
    ("Gartenglück Versand GmbH", "Alles für Garten und Balkon", ("garden",)),
)
# Articles: (text, variants, least and most gross price in whole euros, VAT rate).
_ARTICLES_DE: dict[str, tuple[tuple[str, tuple[str, ...], int, int, int], ...]] = {
    "fashion": (("Damen Strickpullover Alva", ("Gr. M, Salbei", "Gr. S, Creme", "Gr. L, Navy"), 39, 69, 19),
                ("Herren Chino Slim Fit", ("W32/L32, Beige", "W34/L34, Oliv"), 45, 79, 19),
                ("Sneaker Low Canvas", ("Gr. 42, Weiß", "Gr. 38, Schwarz"), 49, 89, 19),
                ("Regenjacke wasserdicht", ("Gr. M, Gelb", "Gr. XL, Dunkelblau"), 79, 149, 19),
                ("Kinder Jogginghose 2er-Pack", ("Gr. 122/128", "Gr. 134/140"), 19, 29, 19)),
    "tech": (("USB-C Ladegerät 65 W", ("Weiß", "Schwarz"), 29, 49, 19),
             ("Bluetooth-Kopfhörer In-Ear", ("Schwarz", "Mint"), 39, 129, 19),
             ("HDMI-Kabel 2.1, 2 m", ("",), 12, 24, 19), ("Powerbank 20.000 mAh", ("Grau",), 29, 59, 19),
             ("Smartwatch Armband Silikon", ("22 mm, Schwarz", "20 mm, Rosé"), 12, 25, 19)),
    "home": (("Duftkerze im Glas", ("Lavendel", "Zeder"), 12, 24, 19),
             ("Thermobecher 450 ml", ("Edelstahl",), 19, 29, 19),
             ("Kaffeemühle elektrisch", ("",), 29, 59, 19),
             ("Geschirrtuch Leinen 3er-Set", ("Natur",), 15, 25, 19)),
    "books": (("Kochbuch Vegetarisch für jeden Tag", ("Hardcover",), 22, 32, 7),
              ("Kinderbuch Die kleine Eule", ("Pappbilderbuch",), 9, 15, 7),
              ("Reiseführer Ostseeküste", ("Taschenbuch",), 14, 20, 7),
              ("Roman Das Haus am Deich", ("Taschenbuch", "Hardcover"), 12, 24, 7)),
    "coffee": (("Kaffee ganze Bohne 1 kg", ("Hausmischung", "Espresso"), 16, 26, 7),
               ("Espresso gemahlen 500 g", ("",), 8, 13, 7), ("Tee-Probierset 6 Sorten", ("",), 12, 19, 7)),
    "garden": (("Hochbeet Lärche 120 x 60 cm", ("",), 89, 159, 19),
               ("Gartenschere Bypass", ("",), 19, 39, 19),
               ("Solarleuchte 4er-Set", ("Warmweiß",), 24, 39, 19),
               ("Pflanzkübel Terrakotta 40 cm", ("",), 29, 49, 19)),
}  # fmt: skip
_BUYERS = (
    ("Frau", "Lea Hoffmann"),
    ("Herrn", "Tobias Brandt"),
    ("Frau", "Dr. Anke Sievers"),
    ("Herrn", "Ali Kaya"),
    ("Frau", "Marie Schubert"),
    ("Herrn", "Jonas Weber"),
    ("Frau", "Sophie Lange"),
)
_WORDS = {
    "Gutschrift": ("GS", "Gutschrift-Nr.", "Gutschriftsnummer", "Gutschriftsdatum"),
    "Rechnungskorrektur": ("RK", "Korrektur-Nr.", "Belegnummer", "Datum der Korrektur"),
    "Stornorechnung": ("ST", "Storno-Nr.", "Stornorechnungs-Nr.", "Stornodatum"),
}


@dataclass(frozen=True)
class Returned:
    """One returned article: its item (net, negative, for the truth) and its gross price as printed."""

    article: str
    variant: str
    item: LineItem
    price: Decimal  # gross unit price, positive
    total: Decimal  # gross line total, positive


def credit_day(rng: random.Random, day: dt.date) -> tuple[dt.date, dt.date]:
    """The original invoice's day and the credit note's, a few days to weeks later; both outside the second
    half of 2020 (German VAT 16 % and 5 % then)."""
    original = regular_day(day)
    credit = original + dt.timedelta(days=rng.randint(5, 40))
    if dt.date(2020, 7, 1) <= credit <= dt.date(2020, 12, 31):
        original, credit = original - dt.timedelta(days=200), credit - dt.timedelta(days=200)
    return original, credit


def masked_iban(rng: random.Random) -> str:
    tail = f"{rng.randint(0, 9999):04d}"
    return rng.choice(
        (
            f"DE** **** **** **** **{tail[:2]} {tail[2:]}",
            f"DE{rng.randint(10, 99)} XXXX XXXX XXXX XX{tail[:2]} {tail[2:]}",
        )
    )


class GutschriftVersand(FirstSheet):
    """An online retailer's credit note for returned articles: its own number and date, the original's."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted", "dotted", "de_long")
    IDS = "vat"
    GROUPED = 0.7
    FOOT = A4.height - 76

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.retailer, self.tagline, self.kinds = rng.choice(_RETAILERS)
        self.word = rng.choice(tuple(_WORDS))
        prefix, *_ = _WORDS[self.word]
        self.original_day, day = credit_day(rng, data.date)
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"{prefix}-{day.year}-{n:05d}",
                f"{prefix}{day.year % 100}{n:05d}",
                f"{prefix}-{rng.randint(100000, 999999)}",
            )
        )
        m = rng.randint(1000, 99999)
        self.original = rng.choice(
            (
                f"RE-{self.original_day.year}-{m:05d}",
                f"R{self.original_day.year % 100}{m:06d}",
                f"{rng.randint(10**7, 10**8 - 1)}",
            )
        )
        order_no = rng.choice(
            (
                f"B-{self.original_day.year}-{rng.randint(100000, 999999)}",
                str(rng.randint(10**7, 10**8 - 1)),
                f"ORD-{rng.randint(10**6, 10**7 - 1)}",
            )
        )
        self.domain = self.retailer.split()[0].lower().replace("ü", "ue").replace("ö", "oe") + ".de"
        supplier = dataclasses.replace(data.supplier, name=self.retailer)
        salutation, buyer = rng.choice(_BUYERS)
        self.salutation = salutation
        customer = dataclasses.replace(data.customer, name=buyer, contact="")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day,
            supplier=supplier,
            customer=customer,
            customer_no=rng.choice((str(rng.randint(10**6, 10**7 - 1)), f"K{rng.randint(100000, 999999)}")),
            order_no=order_no,
            email=f"{rng.choice(('service', 'kundenservice', 'retoure'))}@{self.domain}",
            phone=rng.choice(("040", "030", "089", "0221")) + f" {rng.randint(100000, 9999999)}",
        )
        super().__init__(rng, data)
        if data.tax_no and rng.random() < 0.25:
            self.ids = "both"
        self.brand = rng.choice(MORE_BRANDS)
        self.minus = rng.random() < 0.5  # amounts printed negative; else positive under "Gutschriftsbetrag"
        self.head = rng.choice(("wordmark", "logo"))
        self.ref_style = rng.choice(("line", "line", "rows"))
        self.gross_first = rng.random() < 0.5
        self.with_customer_no = rng.random() < 0.8
        self.return_no = f"R{rng.randint(10**6, 10**7 - 1)}" if rng.random() < 0.5 else ""
        self.refund = rng.choice(("method", "method", "account", "offset"))
        self.method = rng.choice(
            ("PayPal", "Kreditkarte", "Klarna Rechnung", "Amazon Pay", "Sofortüberweisung")
        )
        self.with_bic = rng.random() < 0.8
        self.vat_label = rng.choice(("USt-IdNr.", "USt-ID:"))

    def doc_word(self) -> str:
        return self.word

    # -- what comes back

    def returned(self) -> tuple[list[Returned], Returned | None]:
        rng = self.rng
        catalog = [entry for kind in self.kinds for entry in _ARTICLES_DE[kind]]
        for _ in range(300):
            picked = rng.sample(catalog, rng.randint(1, min(4, len(catalog))))
            rows = []
            for text, variants, lo, hi, rate in picked:
                qty = Decimal(rng.choice((1, 1, 1, 2)))
                price = Decimal(rng.randint(lo, hi)) - Decimal(rng.choice(("0.01", "0.05", "0.10", "0")))
                rows.append((text, rng.choice(variants), qty, price, rate))
            rates = {rate for *_, rate in rows}
            shipping = None
            if len(rates) == 1 and rng.random() < 0.4:
                shipping = (
                    "Versandkosten",
                    "",
                    Decimal(1),
                    Decimal(rng.choice(("4.95", "3.95", "5.90", "6.95"))),
                    rates.pop(),
                )
            lines = rows + ([shipping] if shipping else [])
            nets = nets_of_gross([(qty * price, rate) for _, _, qty, price, rate in lines])
            if nets is None:
                continue
            out = []
            for (text, variant, qty, price, rate), net in zip(lines, nets, strict=True):
                article = "" if text == "Versandkosten" else str(rng.randint(10**6, 10**7 - 1))
                item = LineItem(
                    text if not variant else f"{text}, {variant}", article, qty, "Stk.", -net / qty, rate
                )
                assert item.total == -net
                out.append(Returned(article, variant, item, price, qty * price))
            return (out[:-1], out[-1]) if shipping else (out, None)
        raise AssertionError("gutschrift_versand: no return whose cents add up")

    def money(self, value: Decimal) -> str:
        """A credit amount (given positive) as this seed prints it."""
        return self.p.amount(-value if self.minus else value)

    def number(self, value: Decimal) -> str:
        return self.p.number(-value if self.minus else value)

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        contact = [f"Kundenservice: {d.phone}", d.email, f"www.{self.domain}"]
        if self.head == "wordmark":
            c.fit_text(L, 60, self.domain, 24, 300, bold=True, colour=self.brand)
            c.text(L, 74, self.tagline, 8.5, colour=GREY)
        else:
            logo(c, self.rng.choice(("circle", "square")), L, 32, 40, self.brand, initials(s.name))
            c.fit_text(L + 50, 54, s.name, 14, 250, bold=True)
            c.text(L + 50, 67, self.tagline, 8, colour=GREY)
        for i, line in enumerate(contact):
            c.text(R, 42 + 10 * i, line, 7.5, align="right", colour=GREY)

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        c.fit_text(L, 124, f"{s.name} · {s.street} · {s.city_line}", 6.5, 250, colour=GREY, min_size=5.5)
        y = 140.0
        for line in (self.salutation, r.name, r.street, r.city_line):
            c.text(L, y, line, 10)
            y += 13
        _, label_a, label_b, date_label = _WORDS[self.word]
        rows = [
            (rng.choice((label_a, label_b)), d.number),
            (rng.choice((date_label, "Datum")), p.date(d.date)),
        ]
        if self.ref_style == "rows":
            rows += [
                (rng.choice(("Rechnungsnummer", "Zu Rechnung", "Ursprungsrechnung")), self.original),
                (rng.choice(("Rechnungsdatum", "vom")), p.date(self.original_day)),
            ]
        if self.with_customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.")), d.customer_no))
        rows.append((rng.choice(("Bestellnummer", "Bestell-Nr.", "Auftragsnummer")), d.order_no))
        if self.return_no:
            rows.append((rng.choice(("Retourennummer", "Rücksendung")), self.return_no))
        return max(y, label_rows(c, rows, 340, R, 132, 8.5, 13.5, value_align="right", label_colour=GREY))

    def title(self, y: float) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        y = max(y, 214.0) + 26
        title = self.word if rng.random() < 0.6 else f"{self.word} {self.data.number}"
        c.text(L, y, title.upper() if rng.random() < 0.25 else title, 15, bold=True)
        ref = rng.choice(
            (
                f"zu Rechnung {self.original} vom {p.date(self.original_day)}",
                f"Bezug: Rechnung Nr. {self.original} vom {p.date(self.original_day)}",
                f"Korrektur der Rechnung {self.original} vom {p.date(self.original_day)}",
            )
        )
        if self.word == "Stornorechnung":
            ref = f"Storno zu Rechnung {self.original} vom {p.date(self.original_day)}"
        if self.ref_style == "line":
            y += 15
            c.text(L, y, ref, 9.5, bold=True)
        salutation = "Sehr geehrte Frau" if self.salutation == "Frau" else "Sehr geehrter Herr"
        last = self.data.customer.name.split()[-1]
        intro = rng.choice(
            (
                f"{salutation} {last}, wir haben Ihre Rücksendung erhalten und schreiben Ihnen die "
                "folgenden Artikel gut:",
                f"{salutation} {last}, vielen Dank für Ihre Rücksendung. Folgende Positionen aus Ihrer "
                "Bestellung erstatten wir Ihnen:",
                "hiermit korrigieren wir Ihre Rechnung um die zurückgesandten Artikel:",
            )
        )
        return c.paragraph(L, y + 20, intro, R - L, 9) + 2

    def table(self, y: float, rows: list[Returned], shipping: Returned | None) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 28, "left"),
            ("art", rng.choice(("Art.-Nr.", "Artikelnr.")), 62, "left"),
            ("desc", rng.choice(("Artikel", "Bezeichnung")), 0, "left"),
            ("qty", "Menge", 40, "right"),
            ("price", rng.choice(("Einzelpreis", "Preis")), 66, "right"),
            ("rate", "MwSt.", 40, "right"),
            ("total", rng.choice(("Gesamt", "Betrag", "Summe")), 70, "right"),
        ]
        cols = columns(spec, L, R)
        desc = cols[2]
        band = rng.random() < 0.5
        if band:
            c.box(L, y, R, y + 17, fill=self.brand, stroke=None)
        else:
            c.box(L, y, R, y + 17, fill=LIGHT, stroke=None)
        cells(
            c,
            cols,
            y + 12,
            {col.key: col.head for col in cols},
            8.5,
            bold=True,
            colour=WHITE if band else (0, 0, 0),
        )
        y += 17
        for n, row in enumerate(rows, 1):
            item = row.item
            y += 14
            cells(
                c,
                cols,
                y,
                {
                    "pos": str(n),
                    "art": row.article,
                    "desc": item.description.split(", ")[0],
                    "qty": p.quantity(item.quantity),
                    "price": self.number(row.price),
                    "rate": f"{item.rate} %",
                    "total": self.number(row.total),
                },
                8.5,
            )
            if row.variant:
                y += 10
                c.fit_text(desc.anchor, y, row.variant, 7.5, desc.width, colour=GREY)
            y += 6
            c.line(L, y, R, y, width=0.25, colour=RULE)
        if shipping:
            y += 14
            cells(
                c,
                cols,
                y,
                {
                    "desc": rng.choice(("Erstattung Versandkosten", "Versandkosten")),
                    "rate": f"{shipping.item.rate} %",
                    "total": self.number(shipping.total),
                },
                8.5,
            )
            y += 6
            c.line(L, y, R, y, width=0.25, colour=RULE)
        return y

    def totals(self, y: float, vat_lines: list[VatLine]) -> float:
        c, rng, R = self.c, self.rng, self.RIGHT
        net = -sum((v.base for v in vat_lines), Decimal(0))
        vat = -sum((v.amount for v in vat_lines), Decimal(0))
        gross = net + vat
        big = (
            rng.choice(("Gutschriftsbetrag", "Erstattungsbetrag", "Gesamtbetrag"))
            if not self.minus
            else rng.choice(("Gesamtbetrag", "Summe", "Rechnungsbetrag (Korrektur)"))
        )
        vat_rows: list[tuple[str, Decimal, bool]] = []
        word = rng.choice(("MwSt.", "USt."))
        for v in vat_lines:
            label = f"{'enthaltene ' if self.gross_first else 'zzgl. '}{word} {v.rate} %"
            if len(vat_lines) > 1:
                label += f" auf {self.number(-v.base)}"
            vat_rows.append((label, -v.amount, False))
        if len(vat_lines) > 1:
            vat_rows.append((f"{word} gesamt", vat, False))
        net_row = (rng.choice(("Nettobetrag", "Summe netto", "Gesamt netto")), net, False)
        if self.gross_first:
            rows = [(f"{big} (brutto)" if rng.random() < 0.5 else big, gross, True), net_row, *vat_rows]
        else:
            rows = [net_row, *vat_rows, (big, gross, True)]
        x = R - 250
        y += 8
        for label, value, bold in rows:
            y += 15
            if bold:
                c.box(x - 6, y - 11, R + 3, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9.5, 170, bold=bold)
            c.text(R, y, self.money(value), 9.5, bold=bold, align="right")
        return y + 6

    def closing(self, y: float, gross: Decimal) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        amount = p.amount(gross)
        if self.refund == "method":
            text = rng.choice(
                (
                    f"Der Betrag von {amount} wird Ihrer Zahlungsart ({self.method}) in den nächsten Tagen "
                    "erstattet.",
                    f"Die Erstattung von {amount} erfolgt über Ihre ursprüngliche Zahlungsart {self.method}.",
                )
            )
        elif self.refund == "account":
            text = (
                f"Der Betrag von {amount} wird Ihrem Konto IBAN {masked_iban(rng)} innerhalb von 5 Werktagen "
                "gutgeschrieben."
            )
        else:
            text = f"Der Betrag von {amount} wird mit Ihrer offenen Rechnung {self.original} verrechnet."
        texts = [text]
        if rng.random() < 0.6:
            texts.append(
                rng.choice(
                    (
                        "Bitte beachten Sie: Diese Gutschrift ist kein Zahlungsaufforderung; Sie müssen "
                        "nichts weiter tun.",
                        "Vielen Dank für Ihren Einkauf. Wir hoffen, Sie bald wieder bei uns begrüßen zu "
                        "dürfen.",
                        f"Fragen zu Ihrer Rücksendung? Unser Kundenservice erreicht Sie unter {d.email}.",
                    )
                )
            )
        y += 10
        for text in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8.5)
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
            [f"Geschäftsführer: {d.ceo}", f"Amtsgericht {s.city}", d.register],
            self.tax_ids(self.vat_label, "Steuernummer"),
            bank,
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        rows, shipping = self.returned()
        items = [row.item for row in rows] + ([shipping.item] if shipping else [])
        vat_lines = vat_breakdown(items)
        gross = -sum((v.base + v.amount for v in vat_lines), Decimal(0))
        assert gross == sum((row.total for row in rows), Decimal(0)) + (shipping.total if shipping else 0)
        self.header()
        y = self.title(self.info())
        y = self.table(y + 4, rows, shipping)
        y = self.totals(y, vat_lines)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "gutschrift_versand: page overflow"
        pages = self.close_pages(False)
        if not self.minus:  # printed positive: the truth as printed
            items = [dataclasses.replace(item, unit_price=-item.unit_price) for item in items]
        return self.finish(
            items,
            self.word,
            pages=pages,
            customer_no=self.with_customer_no,
            order_no=True,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

FIRST_FAMILIES: dict[str, type[TripSheet]] = {
    "steuerberater_stbvv": SteuerberaterStbvv,
    "rechnung_at": RechnungAt,
    "uk_invoice": UkInvoice,
    "gutschrift_versand": GutschriftVersand,
}


def draw_first(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(FIRST_FAMILIES[name], name, seed)
