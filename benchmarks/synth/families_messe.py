"""Two invoice layout families of a German trade-fair stand builder and of a commercial landlord, designed blind
(session 16).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_messe(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip`, `families_first` and `families_closing` and returns a `TripDrawing` (truth
keys only for values printed):

- `messebau_schluss`: a stand builder's final invoice ("Schlussrechnung", "SCHLUSSRECHNUNG", "Schlussrechnung
  Nr. ...", "Rechnung (Schlussrechnung)") for an exhibitor's stand at a named fair: the fair block ("Messe:
  BAU 2024, Halle B2, Stand 412", the grounds, "Aufbau 12.–14.01.2024", "Laufzeit 15.–20.01.2024", "Abbau
  20.–21.01.2024", the stand's size and kind "8 x 6 m = 48 m², Eckstand") as label rows, a grey box or lines;
  the positions in sections (stand construction as a system stand per m² or a built stand as a lump sum,
  flooring, design; rented furniture; graphics printing; electrical connection and lighting; cleaning,
  transport, storage, hostess hours, site management; a "Nachtrag" on some seeds) with grey notes under some
  (rental periods, delivery and pick-up dates), section subtotals ("Summe Standbau") on some seeds, numbered
  "1.1" / "1" / "10"; two pages with "Übertrag" when they run long; all 19 %. Then the deposits already
  invoiced and paid deducted, one or two of them: either under the totals ("Nettobetrag", "zzgl. 19 % USt",
  "Gesamtbetrag") as rows "abzgl. 1. Abschlagsrechnung Nr. AR-2024-0117 vom 20.11.2023" with their net, VAT
  and gross in a grey line and the gross deducted, down to "Verbleibender Restbetrag" / "Noch zu zahlen" /
  "Restforderung" / "Zahlbetrag", or in a table with columns Netto / USt 19 % / Brutto (the whole order's row,
  a row per deposit with negative values, the rest's row). The deposit invoices' numbers come from the same
  number range as the final invoice's on some seeds. References: "Kunden-Nr." on most seeds, the builder's
  "Auftrags-Nr." and "Projekt-Nr." (never the truth's order number), the customer's "Bestell-Nr." / "Ihre
  Bestellung" on some seeds, the offer it follows on some; the letter date as "München, 5. Februar 2024" on
  some seeds; payment of the rest within a term, with Skonto on the rest (its amount and the reduced payment)
  on some seeds; the footer of a GmbH & Co. KG (the KG's HRA, the general partner "Verwaltungs-GmbH" with its
  HRB, Geschäftsführer, USt-IdNr., on some seeds the Steuernummer, the bank). Truth: the usual keys; the
  amounts are the whole order's (netto = the sum of all positions, mwst = 19 % of it, brutto = netto + mwst,
  as printed in the totals or in the table's first row), not the rest after the deposits: the final invoice
  is for the whole stand and states its whole VAT, the deposits are payments on account (as in `anzahlung`,
  `handwerker_abschlag`, `catering_bewirtung`); `kundennummer` where printed, `bestellnummer` = the customer's
  order number where printed; `leistungsdatum` = the fair's last day, on the seeds that print it under a
  label ("Leistungsdatum", "Liefer-/Leistungsdatum", "Datum der Leistung"); the others print only the
  periods of building, running and striking, and have none.
- `dauerrechnung_miete`: a commercial landlord's standing invoice for a year of office rent ("Dauerrechnung für
  das Jahr 2024", "Dauerrechnung 2024", "Mietrechnung – Dauerrechnung Januar bis Dezember 2024"), "gilt als
  Rechnung im Sinne des § 14 UStG"; the rented object ("Mietobjekt: Bürofläche 2. OG, ca. 240 m²", its
  address: the tenant's), "Mietvertrag vom ...", the start of the lease on some seeds, "Leistungszeitraum
  01.01.2024 – 31.12.2024"; the monthly positions: net rent (area × price per m² or a lump sum), the service
  charges advance ("Nebenkostenvorauszahlung" / "Betriebskostenvorauszahlung"), a heating advance, parking
  spaces, a storage room or an advertising sign on some seeds, each at 19 % (the landlord opted for VAT:
  "Option zur Umsatzsteuer gem. § 9 UStG"), in a table with net / VAT / gross per line or with the net only and
  a totals block ("Summe netto monatlich", "zzgl. 19 % USt", "Monatlicher Zahlbetrag"); the twelve monthly due
  dates in a table ("fällig am" the 1st of each month, or the 3rd working day computed, "01.01.2024 ...
  01.12.2024"), with net / VAT / gross or the gross only, in one column or two, on page 1 or on a second page
  ("Anlage: Zahlungsplan 2024"), with a year's total row ("Summe 2024" / "Jahresbetrag 2024") on some seeds;
  paid by standing order ("Dauerauftrag") to the landlord's IBAN; the landlord a GmbH (or GmbH & Co. KG:
  HRB or HRA, Geschäftsführer, USt-IdNr. and/or Steuernummer) or a private person (Steuernummer only, the
  letter date as "Köln, 4. Dezember 2023" on some seeds, a property manager named "Verwaltung:" on some);
  traps: the tenant's number ("Mieter-Nr."), the object and contract numbers, the deposit held ("Kaution"),
  a service charge settlement's back payment, the last index adjustment, the year's totals. Truth: the usual
  keys; the amounts are the MONTHLY ones (what the document states as its invoice amount: the monthly net,
  VAT and gross of the positions' totals, printed there and in every row of the due-date table; the year's
  totals, twelve times these, are a trap where printed); `kundennummer` = the tenant's number where printed;
  no `leistungsdatum` (a year of monthly periods) and no `bestellnummer`; `ust_id` and/or `steuernummer` as
  printed; `bic` where printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % then); the fairs keep out of 2020 and
2021 (cancelled then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_first import FirstSheet
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    Col,
    cells,
    columns,
    draw_sheet,
    footer_columns,
    initials,
    label_rows,
    logo,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
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
from benchmarks.synth.pdfdraw import A4, Align, Canvas
from benchmarks.synth.printed import Printer, format_day

# ---------------------------------------------------------------------------
# Shared


def span(p: Printer, first: dt.date, last: dt.date) -> str:
    """A run of days as such documents print it: 12.–14.01.2024, 29.01.–02.02.2024, 12.–14.01.24."""
    if first == last:
        return p.date(last)
    short = p.dates == "dotted_short"
    year = f"{last.year % 100:02d}" if short else str(last.year)
    if first.year != last.year:
        return f"{p.date(first)}–{p.date(last)}"
    if first.month != last.month:
        return f"{first.day:02d}.{first.month:02d}.–{last.day:02d}.{last.month:02d}.{year}"
    return f"{first.day:02d}.–{last.day:02d}.{last.month:02d}.{year}"


def letter_date(city: str, day: dt.date) -> str:
    """The date line of a letter: "München, 5. Februar 2024"."""
    return f"{city}, {format_day(day, 'de_long')}"


def easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (h + m - 7 * ((a + 11 * h + 19 * m) // 433) + 90) // 25
    return dt.date(year, n, (h + m - 7 * ((a + 11 * h + 19 * m) // 433) + 33 * n + 19) % 32)


def holidays(year: int) -> set[dt.date]:
    """The public holidays observed in every German Land."""
    e = easter(year)
    moving = {e - dt.timedelta(days=2), e + dt.timedelta(days=1), e + dt.timedelta(days=39)}
    fixed = {dt.date(year, 1, 1), dt.date(year, 5, 1), dt.date(year, 10, 3), dt.date(year, 12, 25)}
    return moving | fixed | {e + dt.timedelta(days=50), dt.date(year, 12, 26)}


def working_day(first: dt.date, n: int) -> dt.date:
    """The `n`-th working day (Monday to Friday, not a public holiday) from `first` on."""
    day, off = first, holidays(first.year)
    while True:
        if day.weekday() < 5 and day not in off:
            n -= 1
            if n == 0:
                return day
        day += dt.timedelta(days=1)


def rows_at(
    c: Canvas,
    rows: Sequence[tuple[str, str, bool]],
    x: float,
    right: float,
    y: float,
    size: float,
    step: float,
) -> float:
    """Label / amount rows, the amounts right-aligned at `right`; returns the last baseline."""
    for label, value, bold in rows:
        y += step
        c.fit_text(x, y, label, size, right - x - c.text_width(value, size, bold) - 12, bold=bold)
        c.text(right, y, value, size, bold=bold, align="right")
    return y


def flow(sheet: FirstSheet, y: float, texts: Sequence[tuple[str, bool]], size: float = 8.5) -> float:
    """Paragraphs from baseline `y`, each on a new page when it does not fit; returns the last baseline."""
    width = sheet.RIGHT - sheet.LEFT
    for text, bold in texts:
        if y + (size + 2.5) * len(sheet.c.wrap(text, width, size, bold)) + 4 > sheet.limit:
            y = sheet.next_page()
        y = sheet.c.paragraph(sheet.LEFT, y + 4, text, width, size, bold=bold)
    return y


# ---------------------------------------------------------------------------
# messebau_schluss

_BUILDERS = (
    ("Messebau Krüger GmbH & Co. KG", "Krüger Verwaltungs-GmbH", "krueger-messebau"),
    ("expo concept Schneider GmbH & Co. KG", "Schneider Beteiligungs GmbH", "expoconcept"),
    ("Standwerk Rhein-Main GmbH & Co. KG", "Standwerk Verwaltungsgesellschaft mbH", "standwerk"),
    ("Hoffmann Ausstellungssysteme GmbH & Co. KG", "Hoffmann Verwaltungs-GmbH", "hoffmann-systeme"),
    ("Brandraum Messe- und Eventbau GmbH & Co. KG", "Brandraum Verwaltungs GmbH", "brandraum"),
    ("Lindemann Messedesign GmbH & Co. KG", "Lindemann Beteiligungsgesellschaft mbH", "lindemann-design"),
    ("Nordexpo Messebau GmbH & Co. KG", "Nordexpo Verwaltungs-GmbH", "nordexpo"),
    ("Weber & Voss Ausstellungsbau GmbH & Co. KG", "Weber & Voss Verwaltungs GmbH", "weber-voss"),
)
_TAGLINES = (
    "Messebau · Ausstellungsbau · Eventarchitektur",
    "Messestände · Systembau · Digitaldruck · Logistik",
    "Ihr Partner für Messeauftritte",
    "Design. Bau. Logistik. Alles aus einer Hand.",
)
_EXHIBITORS = (
    "Holzmanufaktur Reinhardt GmbH",
    "Aquatherm Pumpentechnik GmbH",
    "Feinkost Albers KG",
    "Brandt Werkzeugtechnik GmbH",
    "NordCell Batteriesysteme GmbH",
    "Agentur Blickfang GmbH",
    "Vogel Medizintechnik GmbH",
    "Sportgeräte Lindner e.K.",
    "Kommunikationsbüro Hellwig & Partner",
    "Solartec Dach + Fassade GmbH",
)
# Fairs: (name, grounds, halls, month, days).
_FAIRS: tuple[tuple[str, str, tuple[str, ...], int, int], ...] = (
    ("BAU", "Messe München", ("A1", "A4", "B2", "B5", "C3"), 1, 6),
    ("Internorga", "Hamburg Messe", ("A1", "A4", "B6", "B7"), 3, 5),
    ("Ambiente", "Messe Frankfurt", ("8.0", "11.0", "12.1", "3.1"), 2, 5),
    ("HANNOVER MESSE", "Messegelände Hannover", ("6", "9", "15", "27"), 4, 5),
    ("FIBO", "Koelnmesse", ("6", "7", "8", "10.2"), 4, 4),
    ("Intergastro", "Messe Stuttgart", ("1", "3", "5", "7"), 2, 5),
    ("BIOFACH", "NürnbergMesse", ("1", "4A", "7", "9"), 2, 4),
    ("dmexco", "Koelnmesse", ("6", "7", "8"), 9, 2),
    ("FachPack", "NürnbergMesse", ("4", "4A", "7A", "9"), 9, 3),
    ("MEDICA", "Messe Düsseldorf", ("3", "12", "13", "16"), 11, 4),
    ("boot", "Messe Düsseldorf", ("5", "10", "13", "17"), 1, 9),
    ("CMT", "Messe Stuttgart", ("4", "6", "8", "10"), 1, 9),
    ("SPS", "NürnbergMesse", ("3A", "4", "7", "10.1"), 11, 3),
    ("Leipziger Buchmesse", "Leipziger Messe", ("2", "3", "4"), 3, 4),
    ("EXPO REAL", "Messe München", ("A1", "B1", "C2"), 10, 3),
    ("IFA", "Messe Berlin", ("2.2", "4.1", "21", "26a"), 9, 6),
)
_KINDS = ("Reihenstand", "Eckstand", "Kopfstand", "Inselstand")
_SIZES = ((4, 3), (5, 4), (6, 4), (6, 5), (8, 5), (8, 6), (10, 6), (12, 8))
_SYSTEMS = ("Octanorm", "Syma", "Aluvision", "Messe-Systembau Maxima")
_MATERIALS = ("Holzbau lackiert", "Holzbau mit Furnieroberflächen", "Holz-/Metallbau mit Leuchtwänden")
# Rented furniture: (description, unit, least and most price, quantities).
Catalog = tuple[tuple[str, str, float, float, tuple[int, ...]], ...]
_FURNITURE: Catalog = (
    ("Stehtisch rund Ø 70 cm, Platte weiß", "Stk.", 24, 39, (2, 3, 4, 6)),
    ("Barhocker Chrom/Kunstleder, schwarz", "Stk.", 18, 32, (4, 6, 8, 12)),
    ("Infotheke 1,50 m mit abschließbarem Stauraum", "Stk.", 260, 480, (1, 2)),
    ("Prospektständer Acryl A4, 5 Fächer", "Stk.", 22, 38, (1, 2, 3)),
    ("Lounge-Sessel Leder, cognac", "Stk.", 55, 95, (2, 4)),
    ("Kühlschrank 140 l mit Glastür", "Stk.", 65, 110, (1, 2)),
    ("Kaffeevollautomat inkl. Wassertank und Endreinigung", "Stk.", 180, 340, (1,)),
    ("Garderobenständer mit 10 Bügeln", "Stk.", 14, 26, (1, 2)),
    ("Vitrine beleuchtet 50 x 50 x 200 cm", "Stk.", 140, 260, (1, 2, 3)),
    ('Monitor 65" 4K mit Bodenstele und Mediaplayer', "Stk.", 290, 520, (1, 2)),
    ("Besprechungstisch 80 x 80 cm mit 4 Stühlen", "Set", 75, 140, (1, 2, 3)),
)
_TECHNIK: Catalog = (
    ("Elektroinstallation Standverteilung mit {n} Steckdosen", "psch.", 160, 380, (1,)),
    ("LED-Strahler 15 W an Stromschiene", "Stk.", 9, 19, (8, 10, 12, 16, 20)),
    ("Internetanschluss WLAN für die Laufzeit", "psch.", 190, 480, (1,)),
    ("Wasseranschluss Zu- und Ablauf inkl. Installation", "psch.", 260, 640, (1,)),
)
_SECTIONS = {
    "stand": ("Standbau", "Standkonstruktion", "Standbau und Boden"),
    "furniture": ("Mietmobiliar", "Ausstattung / Mobiliar", "Möblierung (Miete)"),
    "graphics": ("Grafik und Druck", "Grafik", "Digitaldruck / Beschriftung"),
    "power": ("Elektro und Medientechnik", "Technik / Elektro", "Elektro"),
    "service": ("Logistik und Service", "Service, Transport, Lagerung", "Dienstleistungen"),
}


@dataclass(frozen=True)
class Fair:
    """The fair the stand stood at: name, grounds, hall and stand, the days of building, running and striking."""

    name: str
    grounds: str
    hall: str
    stand: str
    build: tuple[dt.date, dt.date]
    run: tuple[dt.date, dt.date]
    strike: tuple[dt.date, dt.date]
    width: int
    depth: int
    kind: str

    @property
    def area(self) -> int:
        return self.width * self.depth

    @property
    def days(self) -> int:
        return (self.run[1] - self.run[0]).days + 1


@dataclass(frozen=True)
class Post:
    """One position: its item, a grey note under it (or none), its section key."""

    item: LineItem
    note: str
    section: str


@dataclass(frozen=True)
class Deposit:
    """A deposit invoice already paid: number, date, day paid, net and VAT."""

    number: str
    day: dt.date
    paid: dt.date
    net: Decimal
    vat: Decimal

    @property
    def gross(self) -> Decimal:
        return self.net + self.vat


def fair_of(rng: random.Random, day: dt.date) -> Fair:
    """A fair in the year of `day` (2022 or 2023 instead of 2020 or 2021, when the fairs were cancelled)."""
    name, grounds, halls, month, days = rng.choice(_FAIRS)
    year = day.year + 2 if day.year in (2020, 2021) else day.year
    start = dt.date(year, month, rng.randint(6, 21))
    end = start + dt.timedelta(days=days - 1)
    build = (start - dt.timedelta(days=rng.randint(2, 4)), start - dt.timedelta(days=1))
    strike = (end, end + dt.timedelta(days=rng.choice((1, 1, 2))))
    hall = rng.choice(halls)
    stand = rng.choice(
        (
            str(rng.randint(101, 599)),
            f"{rng.choice('ABCDEFG')}{rng.randint(10, 79)}",
            f"{rng.choice('ABCDE')}-{rng.randint(1, 120):03d}",
        )
    )
    width, depth = rng.choice(_SIZES)
    kind = rng.choice(_KINDS[:3] if width * depth < 40 else _KINDS)
    return Fair(f"{name} {year}", grounds, hall, stand, build, (start, end), strike, width, depth, kind)


def price(rng: random.Random, lo: float, hi: float) -> Decimal:
    return round_cent(Decimal(str(rng.uniform(lo, hi))))


def german_area(value: Decimal) -> str:
    return quantity(value, Printer("de", "none", "dotted"))


class MessebauSchluss(FirstSheet):
    """A stand builder's final invoice for a stand at a fair, the paid deposit invoices deducted."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"
    FOOT = A4.height - 84

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, self.partner, web = rng.choice(_BUILDERS)
        self.fair = fair = fair_of(rng, regular_day(data.date))
        day = fair.strike[1] + dt.timedelta(days=rng.randint(5, 28))
        if day.weekday() > 4:  # a Saturday or Sunday moved to Monday
            day += dt.timedelta(days=7 - day.weekday())
        yy, n = day.year % 100, rng.randint(140, 2400)
        scheme = rng.choice(("SR-{y}-{n:04d}", "RE{yy}-{n:04d}", "{y}{n:05d}", "R {yy}/{n:04d}"))
        self.scheme, self.shared_range = scheme, rng.random() < 0.4
        self.deposit_scheme = rng.choice(("AR-{y}-{n:04d}", "AR{yy}-{n:03d}", "A-{n:05d}"))
        number = scheme.format(y=day.year, yy=yy, n=n)
        self.web = web
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=fair.run[1],
            due_date=day + dt.timedelta(days=rng.choice((10, 14, 14, 21, 30))),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer=dataclasses.replace(data.customer, name=rng.choice(_EXHIBITORS)),
            customer_no=rng.choice(
                (f"{rng.randint(10000, 69999)}", f"D{rng.randint(1000, 9999)}", f"K-{n % 900 + 100}")
            )
            if rng.random() < 0.75
            else "",
            order_no=rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"BE-{day.year}-{rng.randint(1, 299):03d}",
                    f"PO {rng.randint(10**5, 10**6 - 1)}",
                )
            )
            if rng.random() < 0.45
            else "",
            email=f"{rng.choice(('buchhaltung', 'rechnung', 'info'))}@{web}.de",
            register=f"HRA {rng.randint(1000, 29999)}",
        )
        super().__init__(rng, data)
        self.p = Printer(
            "de",
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short")),
        )
        self.ids = "both" if data.tax_no and rng.random() < 0.35 else "vat"
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("left", "band", "centre"))
        self.fair_style = rng.choice(("rows", "box", "lines"))
        self.deduction = rng.choice(("stack", "stack", "table"))
        self.with_service_date = rng.random() < 0.45
        self.letter_line = rng.random() < 0.3
        self.skonto = rng.random() < 0.3
        self.famab = rng.random() < 0.4
        self.partner_register = f"HRB {rng.randint(10000, 99999)}"
        self.order_no = f"AB-{yy}-{rng.randint(100, 999)}"
        self.project = rng.choice(
            (
                f"P{yy}-{fair.name.split()[0][:3].upper()}-{rng.randint(1, 99):03d}",
                f"{yy}{rng.randint(1000, 9999)}",
            )
        )
        self.offer = (
            f"A-{yy}-{rng.randint(100, 999)}",
            fair.build[0] - dt.timedelta(days=rng.randint(70, 160)),
        )
        self.with_offer = rng.random() < 0.4
        self.manager = rng.choice(("Fr. Dreyer", "Hr. Pohl", "Fr. Cakir", "Hr. Lange", "Fr. Sommer"))
        self.order_in_rows = False
        self.big = fair.area >= 60 or rng.random() < 0.3
        self.extra = 1.0 if self.big else 0.5
        self.sectioned = self.big or rng.random() < 0.4
        self.numbering = rng.choice(("dotted", "running", "tens") if self.sectioned else ("running", "tens"))
        self.subtotals = self.sectioned and rng.random() < 0.5

    def doc_word(self) -> str:
        return "Schlussrechnung"

    # -- the positions

    def positions(self) -> list[Post]:
        rng, fair = self.rng, self.fair
        posts = self.stand_posts()
        for desc, unit, lo, hi, counts in rng.sample(_FURNITURE, rng.randint(2, 5) if self.big else rng.randint(1, 3)):
            item = LineItem(desc, "", Decimal(rng.choice(counts)), unit, price(rng, lo, hi), 19)
            note = (
                f"Mietzeitraum {span(self.p, fair.build[1], fair.strike[0])}" if rng.random() < 0.25 else ""
            )
            posts.append(Post(item, note, "furniture"))
        posts += self.graphics_posts()
        posts += self.power_posts()
        posts += self.service_posts()
        return posts

    def stand_posts(self) -> list[Post]:
        rng, fair = self.rng, self.fair
        size = f"{fair.width} x {fair.depth} m ({fair.kind})"
        area = Decimal(fair.area)
        if rng.random() < 0.6:
            text = f"Systemstand {rng.choice(_SYSTEMS)} {size}, Miete inkl. Auf- und Abbau"
            stand = LineItem(text, "", area, "m²", price(rng, 68, 145), 19)
        else:
            text = f"Individualstand, {rng.choice(_MATERIALS)}, {size}, Herstellung, Montage und Demontage"
            stand = LineItem(text, "", Decimal(1), "psch.", round_cent(area * price(rng, 180, 320)), 19)
        where = f"Halle {fair.hall}, Stand {fair.stand}, {fair.area} m²"
        posts = [Post(stand, where if rng.random() < 0.5 else "", "stand")]
        colour = rng.choice(("anthrazit", "grau meliert", "blau", "schwarz", "sand"))
        floor = LineItem(
            f"Messeteppich Rips {colour}, inkl. Verlegung und Abdeckfolie",
            "",
            area,
            "m²",
            price(rng, 8.5, 16.5),
            19,
        )
        posts.append(Post(floor, "", "stand"))
        extras = (
            ("Systemdoppelboden 6 cm mit Auffahrrampe", area, "m²", 19, 34),
            ("Kabine 1,00 x 2,00 m mit abschließbarer Tür und Garderobe", Decimal(1), "Stk.", 240, 520),
            ("Standplanung, Entwurf und 3D-Visualisierung", Decimal(1), "psch.", 480, 1900),
        )
        for desc, qty, unit, lo, hi in extras:
            if rng.random() < (0.45 if self.big else 0.2):
                posts.append(Post(LineItem(desc, "", qty, unit, price(rng, lo, hi), 19), "", "stand"))
        return posts

    def graphics_posts(self) -> list[Post]:
        rng, fair = self.rng, self.fair
        wide = Decimal(fair.width) if fair.kind == "Reihenstand" else Decimal(fair.depth)
        choices = [
            LineItem(
                f"Digitaldruck auf Textil, Rückwand {german_area(wide)},00 x 2,50 m, mit Keder",
                "",
                wide * Decimal("2.5"),
                "m²",
                price(rng, 36, 62),
                19,
            ),
            LineItem(
                "Folienschrift / Logo auf Blende, zweifarbig",
                "",
                Decimal(1),
                "psch.",
                price(rng, 120, 420),
                19,
            ),
            LineItem(
                "Leuchtkasten 1,00 x 1,00 m, Stoffbespannung beidseitig",
                "",
                Decimal(1),
                "Stk.",
                price(rng, 390, 780),
                19,
            ),
            LineItem(
                "Thekenbranding Digitaldruck auf Forex 5 mm",
                "",
                Decimal(rng.choice((1, 2))),
                "Stk.",
                price(rng, 90, 220),
                19,
            ),
            LineItem(
                "Druckdaten-Check und Reinzeichnung",
                "",
                Decimal(rng.randint(2, 6)),
                "Std.",
                price(rng, 65, 95),
                19,
            ),
        ]
        picked = [choices[0]] + rng.sample(choices[1:], rng.randint(0, 2) if self.big else rng.randint(0, 1))
        return [Post(item, "", "graphics") for item in picked]

    def power_posts(self) -> list[Post]:
        rng, fair = self.rng, self.fair
        kw = rng.choice((3, 5, 6, 10))
        connection = LineItem(
            f"Elektroanschluss {kw} kW inkl. Verbrauch (Weiterberechnung {fair.grounds})",
            "",
            Decimal(1),
            "psch.",
            price(rng, 180, 690),
            19,
        )
        posts = [Post(connection, "", "power")]
        for desc, unit, lo, hi, counts in rng.sample(_TECHNIK, rng.randint(0, 2) if self.big else rng.choice((0, 0, 1))):
            text = desc.format(n=rng.choice((4, 6, 8)))
            posts.append(
                Post(
                    LineItem(text, "", Decimal(rng.choice(counts)), unit, price(rng, lo, hi), 19), "", "power"
                )
            )
        if rng.random() < 0.3:
            day = fair.build[0] - dt.timedelta(days=rng.randint(3, 20))
            text = f"Nachtrag N1 vom {self.p.date(day)}: zusätzliche Steckdosen und Verlängerungen"
            posts.append(Post(LineItem(text, "", Decimal(1), "psch.", price(rng, 85, 340), 19), "", "power"))
        return posts

    def service_posts(self) -> list[Post]:
        rng, fair, p = self.rng, self.fair, self.p
        home = self.data.supplier.city
        truck = rng.choice(("LKW 7,5 t mit Hebebühne", "LKW 12 t", "Sprinter mit Koffer"))
        posts = [
            Post(
                LineItem(
                    f"Transport {home} – {fair.grounds} – {home}, {truck}",
                    "",
                    Decimal(1),
                    "psch.",
                    price(rng, 420, 1450),
                    19,
                ),
                f"Anlieferung {p.date(fair.build[0])}, Abholung {p.date(fair.strike[1])}"
                if rng.random() < 0.5
                else "",
                "service",
            ),
            Post(
                LineItem(
                    "Standreinigung täglich vor Messebeginn",
                    "",
                    Decimal(fair.days),
                    "Tag",
                    price(rng, 32, 68),
                    19,
                ),
                "",
                "service",
            ),
        ]
        if rng.random() < 0.5 * self.extra:
            pallets = rng.randint(2, 8)
            text = f"Einlagerung Standelemente und Mobiliar, {pallets} Palettenplätze"
            months = Decimal(rng.choice((1, 2, 3)))
            posts.append(Post(LineItem(text, "", months, "Monat", price(rng, 60, 190), 19), "", "service"))
        if rng.random() < 0.4 * self.extra:
            empties = LineItem("Leergutlagerung während der Laufzeit", "", Decimal(1), "psch.", price(rng, 95, 260), 19)
            posts.append(Post(empties, "", "service"))
        if rng.random() < 0.5 * self.extra:
            persons = rng.choice((1, 1, 2))
            hours = Decimal(fair.days * 8 * persons)
            note = f"Einsatz {span(p, *fair.run)}, {persons} Person{'en' if persons > 1 else ''} à 8 Std./Tag"
            text = "Hostess / Standpersonal, deutsch-englisch"
            posts.append(Post(LineItem(text, "", hours, "Std.", price(rng, 29, 46), 19), note, "service"))
        if rng.random() < 0.4 * self.extra:
            days = Decimal(
                (fair.build[1] - fair.build[0]).days + 1 + (fair.strike[1] - fair.strike[0]).days + 1
            )
            text = "Projektleitung vor Ort während Auf- und Abbau"
            posts.append(Post(LineItem(text, "", days, "Tag", price(rng, 380, 640), 19), "", "service"))
        return posts

    def deposits(self, net: Decimal) -> list[Deposit]:
        """The deposit invoices, the oldest first: round shares of the order's net, paid a week or two later."""
        rng, fair = self.rng, self.fair
        count = 1 if net < 9000 or rng.random() < 0.5 else 2
        shares = (
            [Decimal(rng.choice((30, 40, 50)))]
            if count == 1
            else [Decimal(rng.choice((30, 40))), Decimal(30)]
        )
        step = Decimal(500 if net > 15000 else 100)
        days = [fair.build[0] - dt.timedelta(days=rng.randint(45, 100))]
        if count == 2:
            days.append(fair.build[0] - dt.timedelta(days=rng.randint(8, 25)))
        out = []
        base = rng.randint(20, 120)
        for k, (share, day) in enumerate(zip(shares, days, strict=True)):
            amount = max(step, (net * share / 100 / step).to_integral_value(rounding=ROUND_FLOOR) * step)
            number = self.deposit_number(day, base + k * rng.randint(40, 300))
            paid = day + dt.timedelta(days=rng.randint(5, 16))
            out.append(Deposit(number, day, paid, amount, round_cent(amount * 19 / 100)))
        return out

    def deposit_number(self, day: dt.date, n: int) -> str:
        scheme = self.scheme if self.shared_range else self.deposit_scheme
        return scheme.format(y=day.year, yy=day.year % 100, n=n)

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        tagline = self.rng.choice(_TAGLINES)
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email, f"www.{self.web}.de"]
        if self.head == "band":
            c.box(0, 18, c.width, 78, fill=self.brand, stroke=None)
            c.fit_text(L, 48, s.name, 16, 300, bold=True, colour=WHITE)
            c.fit_text(L, 62, tagline, 7.5, 300, colour=WHITE)
            for i, text in enumerate(contact):
                c.text(R, 32 + 9.5 * i, text, 7.2, align="right", colour=WHITE)
        elif self.head == "centre":
            c.fit_text(c.width / 2, 48, s.name, 17, R - L, bold=True, align="center", colour=self.brand)
            c.text(c.width / 2, 62, tagline, 8, align="center", colour=GREY)
            c.fit_text(c.width / 2, 74, " · ".join(contact), 7, R - L, align="center", colour=GREY)
            c.line(L, 80, R, 80, width=0.5, colour=self.brand)
        else:
            logo(c, self.rng.choice(("square", "circle", "diamond")), L, 28, 40, self.brand, initials(s.name))
            c.fit_text(L + 50, 50, s.name, 14, 290, bold=True, colour=self.brand)
            c.fit_text(L + 50, 63, tagline, 7.5, 290, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 34 + 9.5 * i, text, 7.2, align="right", colour=GREY)
        if self.famab:
            c.text(R, 90, "Mitglied im FAMAB Kommunikationsverband e. V.", 6.5, align="right", colour=GREY)

    def info(self) -> float:
        c, d, p, rng, R = self.c, self.data, self.p, self.rng, self.RIGHT
        s, r = d.supplier, d.customer
        y = self.window(
            self.LEFT,
            132,
            [r.name, r.contact, r.street, r.city_line],
            10,
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Schlussrechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        rows.append((rng.choice(("Auftrags-Nr.", "Unser Auftrag")), self.order_no))
        rows.append((rng.choice(("Projekt-Nr.", "Projekt")), self.project))
        if d.order_no and rng.random() < 0.6:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Bestell-Nr.", "Ihre Bestellung")), d.order_no))
            self.order_in_rows = True
        if self.with_service_date:
            label = rng.choice(("Leistungsdatum", "Liefer-/Leistungsdatum", "Datum der Leistung"))
            rows.append((label, p.date(self.fair.run[1])))
        if rng.random() < 0.5:
            rows.append((rng.choice(("Projektleitung", "Ansprechpartner")), self.manager))
        top = label_rows(c, rows, 340, R, 132, 8.5, 12.5, value_align="right", label_colour=GREY)
        y = max(y, top) + 10
        if self.letter_line:
            c.text(R, y, letter_date(s.city, d.date), 9, align="right")
            y += 8
        return y

    def title(self, y: float) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        text = rng.choice(
            (
                "Schlussrechnung",
                "SCHLUSSRECHNUNG",
                f"Schlussrechnung Nr. {d.number}",
                "Rechnung (Schlussrechnung)",
            )
        )
        c.text(L, y + 10, text, 15, bold=True, colour=self.brand if rng.random() < 0.4 else (0, 0, 0))
        y += 28
        refs = []
        if d.order_no and not self.order_in_rows:
            ordered = self.offer[1] + dt.timedelta(days=rng.randint(7, 40))
            refs.append(
                rng.choice(
                    (
                        "Ihre Bestellung Nr. {n} vom {d}",
                        "Bestell-Nr. {n} vom {d}",
                        "Ihre Bestellung {n} vom {d}",
                    )
                ).format(n=d.order_no, d=p.date(ordered))
            )
        if self.with_offer:
            refs.append(f"gemäß unserem Angebot Nr. {self.offer[0]} vom {p.date(self.offer[1])}")
        for ref in refs:
            c.fit_text(L, y, ref, 9, R - L)
            y += 12
        return self.fair_block(y + 2)

    def fair_block(self, y: float) -> float:
        c, p, f, L, R = self.c, self.p, self.fair, self.LEFT, self.RIGHT
        rng = self.rng
        stand = f"{f.width} x {f.depth} m = {f.area} m², {f.kind}"
        pairs = [
            ("Messe:", f"{f.name}, Halle {f.hall}, Stand {f.stand}"),
            ("Gelände:", f.grounds),
            ("Standgröße:", stand),
            ("Aufbau:", span(p, *f.build)),
            (rng.choice(("Laufzeit:", "Messelaufzeit:")), span(p, *f.run)),
            ("Abbau:", span(p, *f.strike)),
        ]
        if self.fair_style == "rows":
            label_rows(c, pairs[:1], L, L + 70, y + 4, 9, 12)
            label_rows(c, pairs[3:], L + 280, L + 360, y + 16, 9, 12)
            return max(y + 52, label_rows(c, pairs[1:3], L, L + 70, y + 16, 9, 12) + 4)
        if self.fair_style == "box":
            c.box(L, y - 4, R, y + 44, fill=PALE, stroke=RULE, width=0.5)
            half = (R - L) / 2
            for k, (label, value) in enumerate(pairs):
                x, row = L + 8 + half * (k // 3), y + 9 + 13 * (k % 3)
                c.text(x, row, label, 8.5, bold=True)
                c.fit_text(x + 70, row, value, 8.5, half - 84)
            return y + 58
        lines = [
            f"Messe: {f.name}, Halle {f.hall}, Stand {f.stand} ({f.grounds})",
            f"Aufbau {span(p, *f.build)} · Laufzeit {span(p, *f.run)} · Abbau {span(p, *f.strike)}",
            f"Standfläche {stand}",
        ]
        for line in lines:
            c.fit_text(L, y + 4, line, 9, R - L, bold=line.startswith("Messe"))
            y += 12
        return y + 6

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        return [
            ("pos", "Pos.", 34, "left"),
            ("desc", rng.choice(("Bezeichnung", "Leistung", "Beschreibung")), 0, "left"),
            ("qty", "Menge", 44, "right"),
            ("unit", "Einh.", 38, "left"),
            ("price", rng.choice(("EP €", "Einzelpreis", "E-Preis")), 62, "right"),
            ("total", rng.choice(("GP €", "Gesamt €", "Betrag EUR")), 70, "right"),
        ]

    def heading(self, y: float, cols: list[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 15, fill=self.brand, stroke=None)
        cells(c, cols, y + 10.5, {col.key: col.head for col in cols}, 8, bold=True, colour=WHITE)
        return y + 15

    def carried(self, y: float, running: Decimal, label: str) -> float:
        c = self.c
        c.text(self.RIGHT - 190, y + 13, label, 8.5, bold=True)
        c.text(self.RIGHT, y + 13, self.p.number(running), 8.5, bold=True, align="right")
        return y + 20

    def pos_label(self, section: int, k: int, n: int) -> str:
        if self.numbering == "dotted":
            return f"{section}.{k}"
        return str(n * 10) if self.numbering == "tens" else str(n)

    def table(self, y: float, posts: list[Post]) -> float:
        p, L, R = self.p, self.LEFT, self.RIGHT
        cols = columns(self.spec(), L, R)
        desc = next(col for col in cols if col.key == "desc")
        y = self.heading(y + 2, cols)
        names = {key: self.rng.choice(words) for key, words in _SECTIONS.items()}
        keys = list(dict.fromkeys(post.section for post in posts)) if self.sectioned else [""]
        running, n = Decimal(0), 0
        for s, key in enumerate(keys, 1):
            group = [post for post in posts if post.section == key or not key]
            title = f"{s}. {names[key]}" if key and self.numbering == "dotted" else names.get(key, "")
            for k, post in enumerate(group, 1):
                lines = self.c.wrap(post.item.description, desc.width, 8.3)
                notes = self.c.wrap(post.note, desc.width, 7.2) if post.note else []
                height = 11 * len(lines) + 9 * len(notes) + 5 + (15 if k == 1 and key else 0)
                if y + height + (16 if k == len(group) and self.subtotals else 0) > self.limit - 34:
                    self.carried(y, running, "Übertrag")
                    y = self.carried(self.heading(self.next_page(), cols), running, "Übertrag")
                if k == 1 and key:
                    y += 13
                    self.c.text(desc.anchor, y, title, 9, bold=True)
                n += 1
                y = self.row(y + 12, cols, self.pos_label(s, k, n), post, lines, notes)
                running += post.item.total
            if self.subtotals and key:
                total = sum((post.item.total for post in group), Decimal(0))
                y += 12
                self.c.text(cols[-1].x0 - 8, y, f"Summe {names[key]}", 8.5, align="right", colour=GREY)
                self.c.text(R - 3, y, p.number(total), 8.5, bold=True, align="right")
                y += 2
        return y

    def row(self, y: float, cols: list[Col], pos: str, post: Post, lines: list[str], notes: list[str]) -> float:
        """One position from baseline `y`: its cells, description lines and grey notes; returns its bottom."""
        c, p, item = self.c, self.p, post.item
        desc = next(col for col in cols if col.key == "desc")
        values = {
            "pos": pos,
            "qty": quantity(item.quantity, p),
            "unit": item.unit,
            "price": p.number(item.unit_price),
            "total": p.number(item.total),
        }
        cells(c, cols, y, values, 8.3)
        for j, line in enumerate(lines):
            c.text(desc.anchor, y + 11 * j, line, 8.3)
        y += 11 * (len(lines) - 1)
        for note in notes:
            y += 9
            c.text(desc.anchor, y, note, 7.2, colour=GREY)
        y += 3
        c.line(self.LEFT, y, self.RIGHT, y, width=0.3, colour=RULE)
        return y

    def room(self, y: float, height: float) -> float:
        return self.next_page() if y + height > self.limit else y

    def stack(self, y: float, vat: VatLine, deposits: list[Deposit]) -> tuple[float, Decimal]:
        p, rng, R = self.p, self.rng, self.RIGHT
        gross = vat.base + vat.amount
        y = self.room(y, 60 + 30 * len(deposits) + 30)
        c, x = self.c, R - 290
        rows = [
            (rng.choice(("Nettobetrag", "Summe netto", "Gesamtsumme netto")), p.amount(vat.base), False),
            (
                rng.choice(("zzgl. 19 % USt", "zzgl. 19 % MwSt.", "Umsatzsteuer 19 %")),
                p.amount(vat.amount),
                False,
            ),
            (
                rng.choice(("Gesamtbetrag", "Schlussrechnungsbetrag brutto", "Gesamtbetrag brutto")),
                p.amount(gross),
                True,
            ),
        ]
        y = rows_at(c, rows, x, R, y + 6, 9.5, 15)
        c.line(x, y + 4, R, y + 4, width=0.6)
        y += 6
        form = rng.choice(("dots", "brackets", "paid"))
        for k, dep in enumerate(deposits, 1):
            label = f"abzgl. {k}. Abschlagsrechnung Nr. {dep.number} vom {p.date(dep.day)}"
            if len(deposits) == 1 and rng.random() < 0.5:
                label = f"abzgl. Abschlagsrechnung Nr. {dep.number} vom {p.date(dep.day)}"
            y += 15
            c.fit_text(x - 100, y, label, 9, 300)
            c.text(R, y, p.amount(-dep.gross), 9, align="right")
            net, tax, total = p.number(dep.net), p.number(dep.vat), p.number(dep.gross)
            detail = {
                "dots": f"netto {net} · USt 19 % {tax} · brutto {total}",
                "brackets": f"(netto {net} zzgl. 19 % USt {tax})",
                "paid": f"bezahlt am {p.date(dep.paid)}: netto {net}, USt {tax}",
            }[form]
            y += 10
            c.fit_text(x - 92, y, detail, 7.5, 292, colour=GREY)
        rest = gross - sum((dep.gross for dep in deposits), Decimal(0))
        c.line(x, y + 5, R, y + 5, width=0.6)
        y += 20
        label = rng.choice(("Verbleibender Restbetrag", "Noch zu zahlen", "Restforderung", "Zahlbetrag"))
        c.box(x - 6, y - 12, R + 4, y + 5, fill=LIGHT, stroke=None)
        c.text(x, y, label, 10, bold=True)
        c.text(R, y, p.amount(rest), 10, bold=True, align="right")
        c.line(x - 6, y + 5, R + 4, y + 5, width=0.8)
        return y + 10, rest

    def matrix(self, y: float, vat: VatLine, deposits: list[Deposit]) -> tuple[float, Decimal]:
        p, rng, L, R = self.p, self.rng, self.LEFT, self.RIGHT
        y = self.room(y, 50 + 14 * len(deposits) + 30)
        c = self.c
        xs = (R - 190, R - 95, R)
        y += 10
        c.box(L, y, R, y + 15, fill=LIGHT, stroke=None)
        for head, x in zip(("Netto", "USt 19 %", "Brutto"), xs, strict=True):
            c.text(x - 3, y + 10.5, head, 8.5, bold=True, align="right")
        y += 15
        rest = (
            vat.base - sum((d.net for d in deposits), Decimal(0)),
            vat.amount - sum((d.vat for d in deposits), Decimal(0)),
        )
        whole = rng.choice(
            ("Gesamtleistung lt. Schlussrechnung", "Schlussrechnungsbetrag", "Auftragssumme gesamt")
        )
        rows: list[tuple[str, tuple[Decimal, Decimal], bool]] = [(whole, (vat.base, vat.amount), True)]
        for dep in deposits:
            rows.append(
                (f"./. Abschlagsrechnung Nr. {dep.number} vom {p.date(dep.day)}", (-dep.net, -dep.vat), False)
            )
        rows.append((rng.choice(("Restbetrag", "Noch zu zahlen", "Verbleibende Restforderung")), rest, True))
        for k, (label, (net, tax), bold) in enumerate(rows):
            y += 14
            if k == len(rows) - 1:
                c.line(L, y - 10, R, y - 10, width=0.6)
                y += 2
            c.fit_text(L + 3, y, label, 9, xs[0] - L - 80, bold=bold)
            for value, x in zip((net, tax, net + tax), xs, strict=True):
                c.text(x - 3, y, p.number(value), 9, bold=bold, align="right")
        c.line(L, y + 5, R, y + 5, width=0.8)
        return y + 10, rest[0] + rest[1]

    def closing(self, y: float, rest: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.skonto:
            until = d.date + dt.timedelta(days=rng.choice((7, 10)))
            cut = round_cent(rest * 2 / 100)
            texts.append(
                (
                    f"Bei Zahlung bis {p.date(until)} gewähren wir 2 % Skonto auf den Restbetrag ({p.amount(cut)}), "
                    f"Zahlbetrag dann {p.amount(rest - cut)}; sonst zahlbar bis {p.date(d.due_date)} ohne Abzug.",
                    True,
                )
            )
        else:
            texts.append(
                (
                    rng.choice(
                        (
                            f"Bitte überweisen Sie den Restbetrag von {p.amount(rest)} bis zum {p.date(d.due_date)} "
                            "auf unten stehendes Konto.",
                            f"Zahlbar bis {p.date(d.due_date)} ohne Abzug unter Angabe der Rechnungsnummer.",
                        )
                    ),
                    True,
                )
            )
        if rng.random() < 0.5:
            texts.append(
                (
                    "Die Abschlagszahlungen wurden mit ihrem Netto- und Steuerbetrag abgezogen (§ 14 Abs. 5 UStG).",
                    False,
                )
            )
        if rng.random() < 0.3:
            texts.append(
                (
                    "Mietgegenstände bleiben unser Eigentum. Für Beschädigungen an Mietmobiliar und Standelementen "
                    "haftet der Aussteller.",
                    False,
                )
            )
        texts.append((rng.choice(("Vielen Dank für Ihren Auftrag – wir freuen uns auf die nächste Messe!",
                                  "Wir bedanken uns für die gute Zusammenarbeit.")), False))  # fmt: skip
        return flow(self, y, texts)

    def footer(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        ids = self.tax_ids("USt-IdNr.", "Steuer-Nr.")
        bank = [self.bank_name()[:34], f"IBAN {self.iban}", f"BIC {d.iban.bic}"]
        if self.head != "centre":
            legal = [
                f"Sitz {s.city}",
                f"AG {s.city} {d.register}",
                "Persönlich haftende Gesellschafterin:",
                self.partner,
                f"AG {s.city} {self.partner_register}",
                f"Geschäftsführer: {d.ceo}",
            ]
            firm = [s.name, s.street, s.city_line, f"Tel. {d.phone}"]
            footer_columns(c, [firm, legal, ids, bank], self.FOOT, L, R, 6.4)
            return
        c.line(L, self.FOOT, R, self.FOOT, width=0.4, colour=GREY)
        lines = [
            f"{s.name} · {s.street} · {s.city_line} · Registergericht {s.city} {d.register}",
            f"Komplementärin: {self.partner}, {s.city}, {self.partner_register} · Geschäftsführer: {d.ceo}",
            " · ".join([*ids, *bank]),
        ]
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, self.FOOT + 12 + 10 * i, line, 7, R - L, align="center", min_size=5.5)

    def draw(self) -> TripDrawing:
        posts = self.positions()
        items = [post.item for post in posts]
        (vat,) = vat_breakdown(items)
        deposits = self.deposits(vat.base)
        self.header()
        y = self.table(self.title(self.info()), posts)
        if self.deduction == "stack":
            y, rest = self.stack(y, vat, deposits)
        else:
            y, rest = self.matrix(y, vat, deposits)
        y = self.closing(y + 6, rest)
        assert y < self.limit + 6, "messebau_schluss: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Schlussrechnung",
            pages=pages,
            service_date=self.with_service_date,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
        )


# ---------------------------------------------------------------------------
# dauerrechnung_miete

_FIRMS = (
    "Gewerbehof Südstadt GmbH",
    "Bürohaus am Kanal GmbH & Co. KG",
    "Grundstücksgesellschaft Parkallee mbH",
    "Hanse Büroflächen GmbH",
    "Objektgesellschaft Speicherstadt GmbH & Co. KG",
    "Immobilien Brandt & Partner GmbH",
    "Gewerbepark Nord GmbH",
)
_PERSONS = (
    "Dr. Christian Abendroth",
    "Margarete Schulte-Ebbing",
    "Dipl.-Kfm. Rolf Kettler",
    "Jutta Overbeck",
    "Hans-Georg Brandl",
    "Dr. Ines Wagenknecht",
)
_MANAGERS = (
    ("Hausverwaltung Petersen GmbH", "Frau Lüders"),
    ("Immobilienverwaltung Roth & Kuhn GmbH", "Herr Kuhn"),
    ("HV Schöller Verwaltungen e.K.", "Frau Schöller"),
)
_TENANTS = (
    "Werbeagentur Pixelwerk GmbH",
    "Designbüro Nordlicht",
    "Kommunikationsagentur Lautstark GmbH",
    "Studio Formfrei UG (haftungsbeschränkt)",
    "Agentur Kupferblau GmbH",
    "Content & Code Digitalagentur GmbH",
    "Büro für Gestaltung Hermes",
)
_FLOORS = ("EG", "EG links", "1. OG", "1. OG rechts", "2. OG", "3. OG", "4. OG", "DG", "2. OG, Hinterhaus")
_SPACES = ("Bürofläche", "Büro- und Atelierfläche", "Büroetage", "Gewerbefläche (Büro)")


@dataclass(frozen=True)
class Rent:
    """One monthly position: its item and how it is worked out ("240 m² × 12,50 €", "pauschal")."""

    item: LineItem
    basis: str


def rounded_to(value: Decimal, step: int) -> Decimal:
    return max(Decimal(step), (value / step).to_integral_value() * step)


class DauerrechnungMiete(FirstSheet):
    """A landlord's standing invoice for a year of office rent, the twelve due dates listed."""

    FONTS = ("liberation-sans", "dejavu-sans", "liberation-serif", "dejavu-serif", "dejavu-sans-condensed")
    IDS = "either"
    FOOT = A4.height - 78

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        year = data.date.year if data.date.year != 2020 else rng.choice((2019, 2022))
        if rng.random() < 0.6 and year - 1 != 2020:
            day = dt.date(year - 1, 12, rng.randint(1, 20))
        else:
            day = dt.date(year, 1, rng.randint(2, 12))
        if day.weekday() > 4:
            day += dt.timedelta(days=7 - day.weekday())
        self.year = year
        self.private = rng.random() < 0.45
        name = rng.choice(_PERSONS if self.private else _FIRMS)
        n = rng.randint(1, 480)
        number = rng.choice(
            (f"DR-{year}-{n:03d}", f"{year}/{n:04d}", f"MR{year % 100}-{n:04d}", f"D{year % 100}{n:05d}")
        )
        house = rng.randint(1000, 4999)
        self.unit = rng.randint(1, 24)
        tenant_no = rng.choice(
            (f"{house}-{self.unit:02d}-01", f"M-{rng.randint(10000, 99999)}", f"{rng.randint(20000, 49999)}")
        )
        short = name.split()[-1].lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=dt.date(year, 1, 1),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer=dataclasses.replace(data.customer, name=rng.choice(_TENANTS)),
            customer_no=tenant_no if rng.random() < 0.65 else "",
            order_no="",
            email=f"{'verwaltung' if not self.private else short}@{short if self.private else name.split()[0].lower()}-immo.de",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            register=f"HRA {rng.randint(1000, 29999)}" if "KG" in name else data.register,
        )
        super().__init__(rng, data)
        if self.private:
            self.ids = "stnr"
        self.p = Printer("de", rng.choice(("sign_after", "sign_after", "code_after", "none")), "dotted")
        self.brand = rng.choice(MORE_BRANDS)
        self.house = house
        self.manager = (
            _MANAGERS[rng.randrange(len(_MANAGERS))] if self.private and rng.random() < 0.35 else None
        )
        self.letter_line = self.private and rng.random() < 0.5
        self.area = rng.randrange(80, 425, 5)
        self.floor = rng.choice(_FLOORS)
        self.space = rng.choice(_SPACES)
        self.contract = dt.date(year - rng.randint(1, 9), rng.randint(1, 12), rng.randint(1, 28))
        self.full_lines = rng.random() < 0.5
        self.due_mode = rng.choice(("first", "werktag"))
        self.plan = rng.choice(("full", "gross", "pairs"))
        self.year_row = rng.random() < 0.5
        self.annex = rng.random() < 0.3
        self.bic = rng.random() < 0.8
        self.bank_line = rng.random() < 0.4
        self.contract_no = f"MV-{self.contract.year}-{rng.randint(1, 60):03d}" if rng.random() < 0.4 else ""

    def doc_word(self) -> str:
        return "Dauerrechnung"

    # -- the positions

    def rents(self) -> list[Rent]:
        rng, p, area = self.rng, self.p, Decimal(self.area)
        per_m2 = Decimal(rng.randrange(19, 49)) / 2
        if rng.random() < 0.6:
            rent = LineItem(f"Grundmiete {self.space} {self.floor}", "", area, "m²", per_m2, 19)
            basis = f"{self.area} m² × {p.number(per_m2)} €"
        else:
            rent = LineItem(
                f"Nettokaltmiete {self.space}", "", Decimal(1), "Monat", round_cent(area * per_m2), 19
            )
            basis = "pauschal"
        charges = rounded_to(area * Decimal(str(rng.uniform(2.2, 4.8))), 10)
        word = rng.choice(
            ("Nebenkostenvorauszahlung", "Betriebskostenvorauszahlung", "Vorauszahlung Betriebskosten")
        )
        out = [Rent(rent, basis), Rent(LineItem(word, "", Decimal(1), "Monat", charges, 19), "Vorauszahlung")]
        if rng.random() < 0.5:
            heat = rounded_to(area * Decimal(str(rng.uniform(0.9, 1.6))), 5)
            out.append(
                Rent(LineItem("Heizkostenvorauszahlung", "", Decimal(1), "Monat", heat, 19), "Vorauszahlung")
            )
        if rng.random() < 0.7:
            count = rng.randint(1, 4)
            each = Decimal(rng.randrange(45, 125, 5))
            first = rng.randint(1, 60)
            where = rng.choice(("Tiefgarage", "Außenstellplatz", "Carport"))
            names = f"Nr. {first}" if count == 1 else f"Nr. {first}–{first + count - 1}"
            text = f"Stellplatz {where} {names}" if count == 1 else f"Stellplätze {where} {names}"
            out.append(
                Rent(LineItem(text, "", Decimal(count), "Stk.", each, 19), f"{count} × {p.number(each)} €")
            )
        if rng.random() < 0.25:
            size = rng.randrange(8, 40)
            store = rounded_to(Decimal(size) * Decimal(str(rng.uniform(4.5, 8))), 5)
            out.append(
                Rent(LineItem(f"Lagerraum UG, ca. {size} m²", "", Decimal(1), "Monat", store, 19), "pauschal")
            )
        if rng.random() < 0.2:
            sign = Decimal(rng.randrange(15, 65, 5))
            out.append(
                Rent(
                    LineItem("Werbeanlage / Firmenschild am Eingang", "", Decimal(1), "Monat", sign, 19),
                    "pauschal",
                )
            )
        return out

    def months(self) -> list[tuple[dt.date, dt.date]]:
        """The twelve months: their first day and their due date."""
        firsts = [dt.date(self.year, m, 1) for m in range(1, 13)]
        return [(f, f if self.due_mode == "first" else working_day(f, 3)) for f in firsts]

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        if self.private:
            c.fit_text(L, 52, s.name, 14, 300, bold=True)
            c.text(L, 65, f"{s.street} · {s.city_line}", 8.5, colour=GREY)
            c.text(L, 76, f"Tel. {d.phone} · {d.email}", 8.5, colour=GREY)
            if self.manager:
                firm, person = self.manager
                c.fit_text(R, 52, f"Verwaltung: {firm}", 8, 230, align="right", colour=GREY)
                c.text(R, 63, f"Ansprechpartner: {person}", 8, align="right", colour=GREY)
            return
        if self.rng.random() < 0.5:
            logo(c, self.rng.choice(("house", "square")), L, 28, 42, self.brand, initials(s.name))
            c.fit_text(L + 52, 52, s.name, 14, 300, bold=True, colour=self.brand)
            c.text(L + 52, 65, "Vermietung · Verwaltung · Gewerbeimmobilien", 7.5, colour=GREY)
        else:
            c.fit_text(R, 50, s.name, 15, 330, bold=True, align="right", colour=self.brand)
            c.text(R, 63, "Gewerbeimmobilien", 8, align="right", colour=GREY)
        c.line(L, 84, R, 84, width=0.6, colour=self.brand)

    def info(self) -> float:
        c, d, p, rng, R = self.c, self.data, self.p, self.rng, self.RIGHT
        s, r = d.supplier, d.customer
        sender = f"{s.name} · {s.street} · {s.city_line}"
        if self.manager:
            sender = f"{s.name} · c/o {self.manager[0]} · {s.street} · {s.city_line}"
        y = self.window(self.LEFT, 132, [r.name, r.contact, r.street, r.city_line], 10, sender=sender)
        rows = [(rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Dauerrechnung Nr.")), d.number)]
        if not self.letter_line:
            rows.append((rng.choice(("Datum", "Rechnungsdatum")), p.date(d.date)))
        if d.customer_no:
            rows.append((rng.choice(("Mieter-Nr.", "Mieternummer", "Kunden-/Mieter-Nr.")), d.customer_no))
        if rng.random() < 0.6:
            rows.append(("Objekt-Nr.", rng.choice((str(self.house), f"{self.house}.{self.unit:02d}"))))
        if self.contract_no:
            rows.append(("Vertrags-Nr.", self.contract_no))
        if self.private and rng.random() < 0.5:
            rows.append(("Steuernummer", d.tax_no))
        top = label_rows(c, rows, 345, R, 132, 8.5, 12.5, value_align="right", label_colour=GREY)
        y = max(y, top) + 12
        if self.letter_line:
            c.text(R, y, letter_date(s.city, d.date), 9.5, align="right")
            y += 10
        return y

    def title(self, y: float) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        year = self.year
        text = rng.choice(
            (
                f"Dauerrechnung für das Jahr {year}",
                f"Dauerrechnung {year}",
                f"Mietrechnung – Dauerrechnung Januar bis Dezember {year}",
            )
        )
        c.fit_text(L, y + 12, text, 14, R - L, bold=True)
        y += 20
        if rng.random() < 0.6:
            c.fit_text(L, y + 4, "gilt als Rechnung im Sinne des § 14 UStG", 9, R - L, colour=GREY)
            y += 12
        r = d.customer
        pairs = [
            ("Mietobjekt:", f"{self.space} {self.floor}, ca. {self.area} m²"),
            ("Objektanschrift:", f"{r.street}, {r.city_line}"),
            (
                "Mietvertrag:",
                f"vom {p.date(self.contract)}"
                + (f" (Nr. {self.contract_no})" if self.contract_no and rng.random() < 0.5 else ""),
            ),
        ]
        if rng.random() < 0.4:
            start = (self.contract.replace(day=1) + dt.timedelta(days=62)).replace(day=1)
            pairs.append(("Mietbeginn:", p.date(start)))
        pairs.append(
            ("Leistungszeitraum:", f"{p.date(dt.date(year, 1, 1))} – {p.date(dt.date(year, 12, 31))}")
        )
        y = label_rows(c, pairs, L, L + 92, y + 12, 9, 12.5)
        intro = rng.choice(
            (
                f"Sehr geehrte Damen und Herren, für das oben genannte Mietobjekt berechnen wir Ihnen gemäß Mietvertrag "
                f"für das Kalenderjahr {year} folgende monatliche Beträge:",
                f"Gemäß Mietvertrag stellen wir Ihnen für die Zeit vom 01.01.{year} bis 31.12.{year} monatlich in "
                "Rechnung:",
            )
        )
        return c.paragraph(L, y + 6, intro, R - L, 9) + 2

    def positions(self, y: float, rents: list[Rent], vat: VatLine) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", "Bezeichnung", 0, "left"),
            ("basis", "Berechnung", 110, "left"),
        ]
        if self.full_lines:
            spec += [
                ("net", "Netto", 70, "right"),
                ("vat", "USt 19 %", 62, "right"),
                ("gross", "Brutto", 72, "right"),
            ]
        else:
            spec += [
                ("rate", "USt", 40, "right"),
                ("net", rng.choice(("monatlich netto", "Betrag netto")), 90, "right"),
            ]
        cols = columns(spec, L, R)
        c.line(L, y, R, y, width=0.8)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True)
        y += 15
        c.line(L, y, R, y, width=0.5)
        for rent in rents:
            item = rent.item
            tax = round_cent(item.total * 19 / 100)
            y += 14
            values = {"desc": item.description, "basis": rent.basis, "rate": "19 %", "net": p.number(item.total),
                      "vat": p.number(tax), "gross": p.number(item.total + tax)}  # fmt: skip
            cells(c, cols, y, values, 8.8)
        y += 6
        c.line(L, y, R, y, width=0.5)
        gross = vat.base + vat.amount
        if self.full_lines:
            y += 14
            label = rng.choice(("Summe monatlich", "Gesamt pro Monat", "Monatliche Zahlung"))
            values = {
                "desc": label,
                "net": p.number(vat.base),
                "vat": p.number(vat.amount),
                "gross": p.amount(gross),
            }
            cells(c, cols, y, values, 9, bold=True)
            c.line(L, y + 5, R, y + 5, width=0.8)
            return y + 12
        rows = [
            (
                rng.choice(("Summe netto monatlich", "Nettobetrag monatlich", "Summe netto")),
                p.amount(vat.base),
                False,
            ),
            (
                rng.choice(("zzgl. 19 % USt", "zzgl. 19 % Umsatzsteuer", "USt 19 %")),
                p.amount(vat.amount),
                False,
            ),
            (
                rng.choice(("Monatlicher Zahlbetrag", "monatlich zu zahlen", "Gesamtbetrag monatlich")),
                p.amount(gross),
                True,
            ),
        ]
        y = rows_at(c, rows, R - 250, R, y + 2, 9.5, 15)
        c.line(R - 250, y + 4, R, y + 4, width=0.6)
        return y + 10

    def plan_height(self) -> float:
        rows = 6 if self.plan == "pairs" else 12
        return 36 + 12 * rows + (16 if self.year_row else 0)

    def schedule(self, y: float, vat: VatLine) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        gross = vat.base + vat.amount
        heading = rng.choice(("Zahlungsplan", f"Fälligkeiten {self.year}", "Monatliche Fälligkeiten"))
        c.text(L, y + 10, heading, 10.5, bold=True)
        y += 16
        due_head = rng.choice(("fällig am", "Fälligkeit", "Zahlungstermin"))
        months = self.months()
        if self.plan == "full":
            spec: list[tuple[str, str, float, Align]] = [
                ("due", due_head, 90, "left"), ("period", "Zeitraum", 0, "left"), ("net", "Netto", 80, "right"),
                ("vat", "USt 19 %", 70, "right"), ("gross", "Brutto", 80, "right"),
            ]  # fmt: skip
            blocks = [(columns(spec, L, R), months)]
        else:
            spec = [
                ("due", due_head, 80, "left"),
                ("period", "Monat", 0, "left"),
                ("gross", "Betrag", 80, "right"),
            ]
            if self.plan == "pairs":
                mid = (L + R) / 2
                blocks = [(columns(spec, L, mid - 10), months[:6]), (columns(spec, mid + 10, R), months[6:])]
            else:
                blocks = [(columns(spec, L, L + 330), months)]
        bottom = y
        for cols, part in blocks:
            x0, x1 = cols[0].x0, cols[-1].x1
            c.box(x0, y, x1, y + 14, fill=LIGHT, stroke=None)
            cells(c, cols, y + 10, {col.key: col.head for col in cols}, 8.3, bold=True)
            row = y + 14
            for first, due in part:
                row += 12
                last = (
                    first.replace(month=first.month % 12 + 1)
                    if first.month < 12
                    else dt.date(first.year, 12, 31)
                )
                period = (
                    f"{MONTHS_DE[first.month - 1]} {first.year}"
                    if self.plan != "full" or self.due_mode == "werktag"
                    else span(p, first, last - dt.timedelta(days=1) if first.month < 12 else last)
                )
                values = {"due": p.date(due), "period": period, "net": p.number(vat.base),
                          "vat": p.number(vat.amount), "gross": p.number(gross)}  # fmt: skip
                cells(c, cols, row, values, 8.5)
            bottom = max(bottom, row)
        if self.year_row:
            label = rng.choice((f"Summe {self.year}", f"Jahresbetrag {self.year}", "Summe Jahr"))
            cols = blocks[-1][0]
            bottom += 5
            c.line(blocks[0][0][0].x0, bottom, cols[-1].x1, bottom, width=0.6)
            bottom += 12
            values = {
                "net": p.number(vat.base * 12),
                "vat": p.number(vat.amount * 12),
                "gross": p.number(gross * 12),
            }
            cells(c, cols, bottom, values, 8.5, bold=True)
            c.text(blocks[0][0][0].anchor, bottom, label, 8.5, bold=True)
        return bottom + 8

    def notes(self, gross: Decimal, rents: list[Rent]) -> list[tuple[str, bool]]:
        p, rng, year = self.p, self.rng, self.year
        when = (
            "zum 1. eines jeden Monats"
            if self.due_mode == "first"
            else "spätestens am 3. Werktag eines jeden Monats"
        )
        texts = [
            (
                f"Die Miete ist monatlich im Voraus {when} fällig. Bitte richten Sie hierfür einen Dauerauftrag über "
                f"{p.amount(gross)} ein.",
                True,
            ),
            (
                f"Diese Dauerrechnung gilt als Rechnung im Sinne des § 14 UStG für alle im Jahr {year} fälligen Zahlungen "
                "bzw. bis zur Erteilung einer neuen Rechnung. Zusammen mit dem jeweiligen Zahlungsbeleg berechtigt sie "
                "zum Vorsteuerabzug.",
                False,
            ),
            (
                rng.choice(
                    (
                        "Der Vermieter hat gemäß § 9 UStG auf die Steuerbefreiung nach § 4 Nr. 12 a UStG verzichtet "
                        "(Option zur Umsatzsteuer).",
                        "Die Vermietung erfolgt umsatzsteuerpflichtig: Option zur Umsatzsteuer gem. § 9 UStG.",
                    )
                ),
                False,
            ),
        ]
        if self.annex:
            texts.insert(1, ("Die einzelnen Fälligkeiten entnehmen Sie bitte dem beigefügten Zahlungsplan (Anlage).", False))
        if rng.random() < 0.3:
            deposit = rents[0].item.total * 3
            texts.append(
                (
                    f"Die Mietsicherheit (Kaution) über {p.amount(deposit)} liegt uns als Bankbürgschaft vor.",
                    False,
                )
            )
        if rng.random() < 0.3:
            back = price(rng, 120, 2400)
            texts.append(
                (
                    f"Die Betriebskostenabrechnung {year - 2} mit einer Nachzahlung von {p.amount(back)} erhalten Sie gesondert.",
                    False,
                )
            )
        if rng.random() < 0.25:
            moved = dt.date(year - rng.randint(1, 2), rng.choice((1, 4, 7, 10)), 1)
            section = rng.choice((4, 5, 6))
            texts.append(
                (
                    f"Die Miete wurde gemäß § {section} des Mietvertrags (Indexklausel) zuletzt zum {p.date(moved)} angepasst.",
                    False,
                )
            )
        return texts

    def bank_block(self, y: float) -> float:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        purpose = f"Miete {self.data.customer_no or self.house} {self.floor}"
        if self.bank_line:
            parts = [f"Bankverbindung: {self.bank_name()}", f"IBAN {self.iban}"]
            parts += [f"BIC {d.iban.bic}"] if self.bic else []
            c.fit_text(L, y + 13, " · ".join(parts), 9, R - L, bold=True)
            c.text(L, y + 25, f"Verwendungszweck: {purpose}", 9)
            return y + 34
        rows = [("Kontoinhaber:", d.supplier.name), ("Bank:", self.bank_name()), ("IBAN:", self.iban)]
        if self.bic:
            rows.append(("BIC:", str(d.iban.bic)))
        rows.append(("Verwendungszweck:", purpose))
        return label_rows(c, rows, L + 10, L + 110, y + 4, 9, 12, bold_values=True)

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        bank = [self.bank_name()[:34], f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.bic else [])
        if self.private:
            ids = self.tax_ids("USt-IdNr.", "Steuernummer")
            cols = [[s.name, s.street, s.city_line], [*ids, f"Finanzamt {s.city}"], bank]
        else:
            ids = self.tax_ids("USt-IdNr.", "Steuernummer")
            legal = [f"Sitz {s.city}", f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}"]
            cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}"], legal, ids, bank]
        footer_columns(self.c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.6)

    def room(self, y: float, height: float) -> float:
        return self.next_page() if y + height > self.limit else y

    def draw(self) -> TripDrawing:
        for _ in range(60):  # net, VAT and gross per line add up to the totals (no rounding cent astray)
            rents = self.rents()
            items = [rent.item for rent in rents]
            (vat,) = vat_breakdown(items)
            if sum(round_cent(i.total * 19 / 100) for i in items) == vat.amount:
                break
        else:
            raise AssertionError("dauerrechnung_miete: no positions whose VAT adds up")
        gross = vat.base + vat.amount
        self.header()
        y = self.positions(self.title(self.info()), rents, vat)
        if not self.annex:
            y = self.schedule(self.room(y + 4, self.plan_height()), vat)
        texts = self.notes(gross, rents)
        y = flow(self, y + 6, texts[:1])
        y = self.bank_block(self.room(y, 64))
        y = flow(self, y, texts[1:])
        if self.annex:
            y = self.next_page()
            self.c.text(
                self.LEFT,
                y,
                f"Anlage: Zahlungsplan {self.year} zur Dauerrechnung Nr. {self.data.number}",
                11,
                bold=True,
            )
            y = self.schedule(y + 8, vat)
        assert y < self.limit + 6, "dauerrechnung_miete: page overflow"
        pages = self.close_pages(self.annex)
        return self.finish(
            items,
            "Dauerrechnung",
            pages=pages,
            customer_no=bool(self.data.customer_no),
            bic_printed=self.bic,
        )


# ---------------------------------------------------------------------------
# Registry

MESSE_FAMILIES: dict[str, type[TripSheet]] = {
    "messebau_schluss": MessebauSchluss,
    "dauerrechnung_miete": DauerrechnungMiete,
}


def draw_messe(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(MESSE_FAMILIES[name], name, seed)
