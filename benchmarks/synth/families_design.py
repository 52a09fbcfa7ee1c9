"""Two invoice layout families of design-conscious senders, a creative agency and a B2B online shop, designed blind
(session 21).

Like `families_fuhrpark` and `families_gruen`, they were written without reading the field extractor and without
running it, so that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and
dispatches to `draw_design(name, seed)`. Both draw vector PDFs on a `DesignSheet` (a `TripSheet` of
`families_trip`: truth keys only for values printed) with the shared pieces of `families_more` (`columns`,
`cells`, `logo`, `qr_block`) and hand back a `TripDrawing`. Their look leans on colour: white text on dark or
saturated fills, light tints behind rows, small grey capitals as labels, thin grey secondary text.

- `agentur_farbig`: a German creative or web agency's ("Studio Nordlicht GmbH", "Pixelfabrik Design GmbH", a
  UG (haftungsbeschränkt)) invoice to a small business for a project. Its letterhead is either a coloured
  full-width band at the top with the agency's name in white bold, its tagline and (right) its address, phone
  and web in white, or a dark sidebar down the left edge with the name, the tagline and the contact data
  (address, phone, e-mail, web; the bank with IBAN and BIC on some seeds) in white, labelled in
  small capitals of the accent colour. Below: the window address with a grey sender line, the title
  ("Rechnung", or on the bilingual seeds "Invoice / Rechnung"), and a row of 3-4 meta cells between thin
  grey rules, each a label in small grey capitals ABOVE its value (on bilingual seeds the German label over
  the English one, "RECHNUNGSNR." over "INVOICE NO."): "RECHNUNGSNUMMER" or "RECHNUNGSNR.", "DATUM" or
  "RECHNUNGSDATUM", "KUNDENNR." on most seeds, "LEISTUNGSZEITRAUM" (a span of days, "04.03.2024 – 28.03.2024",
  or a month, "März 2024"), and on the seeds with an order number but no customer number "IHRE BESTELLNR.".
  The project as subject ("Projekt: Relaunch Website") with its project number in thin grey ("Projekt-Nr.
  P-24-031", never the order number) and on seeds with an order number that has no cell of its own a line
  "Ihre Bestellnummer: …". The item table's
  header row is WHITE bold capitals on a dark or saturated fill; the rows alternate with a light tint; the
  items are project phases (concept, workshop, screen design, front- and backend development, project
  management, copy, SEO), flat or in hours at the agency's hourly rate (by the half hour), and hosting or
  maintenance per month; a thin grey second line under some items ("inkl. 2 Korrekturschleifen", the hosting
  period). All at 19 %, net unit prices. The totals in a coloured box at the right: net and VAT on a light
  tint, the gross either in white bold on a dark fill or (other seeds) in dark bold on the tint. A payment
  line with the due date (a distractor date after the invoice date) and a greeting. Footer in 3 or 4 columns
  in 6.5-7 pt grey under a thin rule: address, contact, bank (name, IBAN, BIC), register court with HRB and
  managing director, tax ids. On some seeds labels and texts are German and English ("Netto / Net", "Gesamt /
  Total"); amounts and dates stay German (dotted, or "12. März 2024"). Truth: the usual keys; `datum` the
  date in the DATUM / RECHNUNGSDATUM cell; `kundennummer` where printed; `bestellnummer` the customer's order
  number where printed (in its cell or its line; never the project number); no `leistungsdatum` (the
  service is a period); `iban` and `bic` (always printed, in the footer and on some seeds in the sidebar);
  `ust_id` and/or `steuernummer` as printed; `lieferant` the agency's name as in its letterhead and footer.
- `onlineshop_b2b`: a German online shop's or marketplace seller's B2B invoice in a modern minimal style: a
  large wordmark of the shop's brand ("bohnenglück", "werkzeugwelt24") that is NOT its legal name ("Kaffee-
  rösterei Bohnenglück GmbH", printed in the grey sender line and the footer), a QR code (`qr_block`; at the
  top right or beside the payment note, captioned "Bestellung verfolgen" / "Rücksendung anmelden"),
  "Rechnung" in 24-28 pt regular (light) grey. A two-column head: left the billing address under
  "Rechnungsadresse" and a different shipping address under "Lieferadresse" (another street or town, a
  warehouse or a branch; stacked, or side by side on some seeds), right a key-value list with its values
  aligned right: Rechnungsnr., Rechnungsdatum, Bestellnr. (the shop's order number, "#100234" or
  "WEB-2024-018233"), Bestelldatum (a distractor, 1-6 days before the invoice date), Lieferdatum on some
  seeds (between order and invoice date), Kundennr. on most seeds, Zahlungsart (PayPal, Kreditkarte, Rechnung,
  Vorkasse). Items with the shop's article number (SKU) and a valid EAN-13 in grey under the name, quantity,
  unit price and line total, NET or GROSS: the table head says which ("Einzelpreis netto" / "Einzelpreis
  brutto", "Gesamt netto" / "Gesamt brutto"); a VAT rate column on mixed-rate seeds. Shipping is an item
  ("Versand DHL Paket" 4,95 €, gross or net as the table, a pallet by forwarder, or free at 0,00); a coupon line
  ("Gutschein SOMMER10" -10,00 €) on some seeds, at 19 %. Office, tool and tech shops sell at 19 %; coffee,
  book and delicatessen shops mix 7 % (beans, books, food) and 19 % (machines, gift boxes, wine) and print a
  VAT breakdown table by rate (MwSt.-Satz, Netto, MwSt., Brutto) with a "Summe" row (the only place the
  total VAT of two rates is printed). On gross seeds the shop derives the net:
  "Gesamtsumme (inkl. MwSt.)", "enthaltene MwSt. 19 %", "Summe netto"; on net seeds "Summe netto", "zzgl.
  MwSt.", "Gesamtbetrag". Paid seeds (PayPal, card, Vorkasse) print "Bereits bezahlt via PayPal am …" (the
  payment day, a further distractor date) and "Offener Betrag 0,00 €"; on "Rechnung" seeds a due date and the
  bank. Footer in 3 columns of 6.5 pt grey: legal name and address, contact and web, register court with HRB,
  managing director, USt-IdNr. (always) and Steuernummer (some seeds), and the bank (IBAN, BIC) only on the
  "Rechnung" and "Vorkasse" seeds. Truth: the usual keys; `datum` the Rechnungsdatum (never the order,
  delivery or payment day); `bestellnummer` the shop's order number as printed beside its label (without
  the "#" sign before it where it has one: session 21, as "Nr." is no part of a number); `kundennummer` where printed; `leistungsdatum` the Lieferdatum where printed;
  `iban` / `bic` only on the "Rechnung" and "Vorkasse" seeds; `betrag_netto` the sum of the net lines
  (shipping and coupon included; on gross seeds each line's net is its gross unit price divided out to four
  places, quantity times that rounded to the cent), `mwst` the VAT per rate rounded, `betrag_brutto` the
  invoice total before the payment is deducted (on gross seeds equal to the sum of the printed gross lines).

Both keep their dates out of the second half of 2020 (German VAT 16 % and 5 % then); each fits one page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_handel import workday
from benchmarks.synth.families_last import ean13
from benchmarks.synth.families_more import GREY, WHITE, cells, columns, draw_sheet, initials, logo, qr_block
from benchmarks.synth.families_objekt import calm
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import slug
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    InvoiceData,
    LineItem,
    VatLine,
    _party,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align, Colour

THIN: Colour = (0.55, 0.55, 0.55)  # thin secondary text
RULE: Colour = (0.82, 0.82, 0.82)


@dataclass(frozen=True)
class Palette:
    """A designed look: a dark colour, a saturated one white text still reads on, an accent and a light tint."""

    dark: Colour
    saturated: Colour
    accent: Colour
    tint: Colour


_PALETTES = (
    Palette((0.12, 0.15, 0.30), (0.86, 0.30, 0.20), (0.98, 0.55, 0.40), (0.97, 0.94, 0.93)),
    Palette((0.06, 0.27, 0.26), (0.0, 0.50, 0.45), (0.45, 0.85, 0.75), (0.92, 0.97, 0.96)),
    Palette((0.27, 0.09, 0.40), (0.72, 0.12, 0.48), (0.95, 0.55, 0.80), (0.97, 0.93, 0.97)),
    Palette((0.16, 0.16, 0.17), (0.20, 0.20, 0.22), (0.98, 0.78, 0.15), (0.96, 0.96, 0.94)),
    Palette((0.02, 0.20, 0.42), (0.0, 0.40, 0.75), (0.45, 0.75, 1.0), (0.93, 0.96, 0.99)),
)


class DesignSheet(TripSheet):
    """A sheet with a palette, labels in small grey capitals and a grey footer in columns."""

    FONTS = ("dejavu-sans", "liberation-sans", "dejavu-sans-condensed")
    FOOT = A4.height - 72  # the footer's rule

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        super().__init__(rng, data)
        self.look = rng.choice(_PALETTES)

    def caps(
        self,
        x: float,
        y: float,
        label: str,
        value: str,
        width: float,
        *,
        size: float = 9.5,
        align: Align = "left",
        bold: bool = False,
    ) -> None:
        """A label in small grey capitals with its baseline at `y` (a two-language label "A / B" in two lines,
        ending there), its value below it."""
        parts = label.split(" / ")
        for k, part in enumerate(parts):
            self.c.fit_text(x, y - 8 * (len(parts) - 1 - k), part.upper(), 6.5, width, colour=GREY, align=align,
                            min_size=5)  # fmt: skip
        self.c.fit_text(x, y + 13, value, size, width, bold=bold, align=align)

    def grey_footer(self, blocks: Sequence[Sequence[str]], left: float, size: float) -> None:
        """The footer: columns of thin grey text under a light rule."""
        c, right = self.c, self.RIGHT
        c.line(left, self.FOOT, right, self.FOOT, width=0.5, colour=RULE)
        width = (right - left) / len(blocks)
        for i, block in enumerate(blocks):
            for j, text in enumerate(block):
                c.fit_text(
                    left + i * width,
                    self.FOOT + 12 + j * size * 1.4,
                    text,
                    size,
                    width - 8,
                    colour=GREY,
                    min_size=5.5,
                )

    def register_court(self) -> str:
        return f"Amtsgericht {self.data.supplier.city} {self.data.register}"

    def money(self, value: Decimal) -> str:
        return self.p.amount(value)


def _with(rng: random.Random, data: InvoiceData, **changes: object) -> InvoiceData:
    """The data with `changes`, and a Steuernummer of the seller's region where it had none."""
    tax_no = data.tax_no or _steuernummer(rng, data.supplier.region)
    return dataclasses.replace(data, tax_no=tax_no, **changes)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# agentur_farbig

_AGENCIES = (
    ("Studio Nordlicht GmbH", "Design · Web · Kommunikation"),
    ("Pixelfabrik Design GmbH", "Digitale Produkte mit Haltung"),
    ("Kernel & Kontrast GmbH", "Webentwicklung und UX-Design"),
    ("Formsache Kommunikationsdesign GmbH", "Marken, die man sich merkt"),
    ("Hallo Welt Digitalagentur GmbH", "Websites · Shops · Kampagnen"),
    ("Blickfang Medien UG (haftungsbeschränkt)", "Corporate Design & Content"),
    ("Neonblau Creative Studio GmbH", "Brand · Motion · Web"),
    ("Gestaltwerk Süd GmbH", "Agentur für Gestaltung und digitale Medien"),
)
_CLIENTS = (
    "Bäckerei Sommer GmbH",
    "Weingut Hofmann KG",
    "Tischlerei Krüger GmbH",
    "Sanitätshaus Vogel GmbH",
    "Hotel Seeblick GmbH",
    "Kanzlei Adler & Partner mbB",
    "Fahrradhaus Petersen e.K.",
    "Yoga Loft Mitte GmbH",
    "Zahnarztpraxis Dr. Özkan",
    "Steuerbüro Lindqvist",
)
_PROJECTS = (
    ("Relaunch Website", "Website relaunch"),
    ("Corporate Design", "Corporate design"),
    ("Onlineshop Shopware 6", "Online shop"),
    ("Landingpage Frühjahrskampagne", "Campaign landing page"),
    ("Karriereseite", "Careers page"),
    ("App-Prototyp", "App prototype"),
)
# (German, English, unit, kind: flat / hours / months, lowest price, highest price, grey note)
_PHASES = (
    (
        "Konzeption & Informationsarchitektur",
        "Concept & information architecture",
        "pauschal",
        "flat",
        900,
        2400,
        "Sitemap, Wireframes, Nutzerführung",
    ),
    (
        "Workshop Zielgruppe & Markenkern",
        "Brand workshop",
        "pauschal",
        "flat",
        600,
        1500,
        "halbtägig, vor Ort",
    ),
    (
        "Screendesign Desktop & Mobile",
        "UI design desktop & mobile",
        "Std.",
        "hours",
        0,
        0,
        "inkl. 2 Korrekturschleifen",
    ),
    (
        "Frontend-Entwicklung (HTML/CSS/JS)",
        "Frontend development",
        "Std.",
        "hours",
        0,
        0,
        "lt. Stundennachweis (Anlage)",
    ),
    (
        "Backend-Entwicklung CMS",
        "Backend / CMS development",
        "Std.",
        "hours",
        0,
        0,
        "WordPress, Templates, Module",
    ),
    ("Projektmanagement & Abstimmung", "Project management", "Std.", "hours", 0, 0, ""),
    ("Texterstellung & Lektorat", "Copywriting & editing", "Std.", "hours", 0, 0, ""),
    (
        "Bildbearbeitung & Stockfotos (Lizenz)",
        "Image editing & stock licences",
        "pauschal",
        "flat",
        180,
        650,
        "",
    ),
    (
        "SEO-Grundoptimierung",
        "Basic SEO",
        "pauschal",
        "flat",
        350,
        900,
        "Meta-Daten, Sitemap, Search Console",
    ),
    ("Logo-Entwicklung (3 Entwürfe)", "Logo design (3 drafts)", "pauschal", "flat", 800, 2200, ""),
    ("Hosting Business-Paket", "Hosting business plan", "Monat", "months", 19, 59, "period"),
    ("Wartung & Updates (SLA Basic)", "Maintenance & updates", "Monat", "months", 49, 149, "period"),
)
_HOURS = tuple(Decimal(n) / 2 for n in range(4, 81))
_PEOPLE = ("Lena Hartmann", "Jonas Albrecht", "Mira Okafor", "Tim Brandl", "Sophie Reinhardt", "Can Aydın")


@dataclass(frozen=True)
class Phase:
    """One line of the agency's table: the item, its English name and its grey note."""

    item: LineItem
    english: str
    note: str


def _domain(name: str) -> str:
    """An agency's domain from its name without the legal form: "studio-nordlicht.de"."""
    words = [w for w in name.replace("&", " ").split() if w[0].isupper() and w not in ("GmbH", "UG")]
    return "-".join(slug(w) for w in words[:2]) + ".de"


class AgenturFarbig(DesignSheet):
    """A creative agency's invoice: band or sidebar letterhead, meta cells, white-on-dark table head."""

    DATES = ("dotted", "dotted", "de_long")
    CURRENCY = ("sign_after", "sign_after", "code_after")

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, tagline = rng.choice(_AGENCIES)
        day = workday(calm(data.date))
        self.months_back = rng.choice((0, 1))
        customer_no = rng.choice((f"{rng.randint(10000, 99999)}", f"K{rng.randint(1000, 9999)}",
                                  f"KD-{rng.randint(100, 999)}")) if rng.random() < 0.7 else ""  # fmt: skip
        order_no = rng.choice((f"45{rng.randint(10**7, 10**8 - 1)}", f"PO-{day.year}-{rng.randint(10, 999):03d}",
                               f"B-{rng.randint(1000, 9999)}")) if rng.random() < 0.5 else ""  # fmt: skip
        number = rng.choice((f"{day.year}-{rng.randint(1, 480):04d}", f"RE{day.year % 100}{rng.randint(100, 999)}",
                             f"R-{day.year}-{rng.randint(10, 299):03d}", f"{rng.randint(1000, 9999)}"))  # fmt: skip
        customer = dataclasses.replace(data.customer, name=rng.choice(_CLIENTS))
        data = _with(
            rng,
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((10, 14, 14, 30))),
            customer=customer,
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=customer_no,
            order_no=order_no,
            email=f"{rng.choice(('hallo', 'buchhaltung', 'studio', 'office'))}@{_domain(name)}",
            register=f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.tagline = tagline
        self.sidebar = rng.random() < 0.4
        self.bilingual = rng.random() < 0.35
        self.band_fill = rng.choice((self.look.dark, self.look.saturated))
        self.head_fill = rng.choice((self.look.dark, self.look.saturated))
        self.dark_total = rng.random() < 0.55
        self.four_footer = rng.random() < 0.6
        self.footer_size = rng.choice((6.5, 7.0))
        self.web = f"www.{_domain(name)}"
        self.person = rng.choice(_PEOPLE)
        self.project = rng.choice(_PROJECTS)
        self.project_no = f"P-{day.year % 100}-{rng.randint(1, 160):03d}"
        self.rate = price_between(rng, 85, 135, "5")
        self.first, self.last = self.period()
        self.month_only = rng.random() < 0.35 and self.first.day == 1
        self.date_label = rng.choice(("Datum", "Rechnungsdatum"))
        self.number_label = rng.choice(("Rechnungsnummer", "Rechnungsnr."))
        self.LEFT = 190.0 if self.sidebar else 56.0

    def period(self) -> tuple[dt.date, dt.date]:
        """The service period: the month before the invoice, or a span of days before it."""
        day = self.data.date
        if self.rng.random() < 0.5:
            last = day.replace(day=1) - dt.timedelta(days=1)
            return last.replace(day=1), last
        last = day - dt.timedelta(days=self.rng.randint(1, 9))
        return last - dt.timedelta(days=self.rng.randint(10, 45)), last

    def both(self, german: str, english: str) -> str:
        return f"{german} / {english}" if self.bilingual else german

    def phases(self) -> list[Phase]:
        rng = self.rng
        count = rng.randint(3, 6)
        chosen = rng.sample(_PHASES, count)
        phases = []
        for german, english, unit, kind, lo, hi, note in chosen:
            if kind == "hours":
                qty, price = rng.choice(_HOURS), self.rate
            elif kind == "months":
                qty, price = Decimal(rng.choice((1, 3, 6, 12))), price_between(rng, lo, hi, "1")
            else:
                qty, price = Decimal(1), price_between(rng, lo, hi, "10")
            if note == "period":
                start = self.data.date.replace(day=1)
                months = int(qty)
                end_month = (start.month - 1 + months) % 12 + 1
                end_year = start.year + (start.month - 1 + months) // 12
                end = dt.date(end_year, end_month, 1) - dt.timedelta(days=1)
                note = f"Zeitraum {self.p.date(start)} – {self.p.date(end)}"
            elif rng.random() < 0.4:
                note = ""
            if kind == "months" and int(qty) > 1:
                unit = "Monate"
            phases.append(Phase(LineItem(german, "", qty, unit, price, 19), english, note))
        return phases

    # -- letterhead

    def band(self) -> float:
        c, s, d = self.c, self.data.supplier, self.data
        height = self.rng.choice((84.0, 92.0, 100.0))
        c.box(0, 0, A4.width, height, fill=self.band_fill, stroke=None)
        x = self.LEFT
        if self.rng.random() < 0.5:
            mark = self.look.saturated if self.band_fill == self.look.dark else self.look.dark
            logo(
                c,
                self.rng.choice(("circle", "square", "diamond")),
                x,
                height / 2 - 24,
                36,
                mark,
                initials(s.name),
            )
            x += 46
        c.fit_text(x, height / 2 + 2, s.name, 19, 330 - x, bold=True, colour=WHITE)
        c.fit_text(x, height / 2 + 16, self.tagline, 8, 330 - x, colour=WHITE)
        for i, text in enumerate((s.street, s.city_line, f"Tel. {d.phone}", self.web)):
            c.text(self.RIGHT, height / 2 - 14 + i * 10, text, 7.5, align="right", colour=WHITE)
        return height + 36

    def side(self) -> float:
        c, s, d, look = self.c, self.data.supplier, self.data, self.look
        c.box(0, 0, 160, A4.height, fill=look.dark, stroke=None)
        y = 56.0
        for line in c.wrap(s.name, 122, 13, bold=True):
            c.text(22, y, line, 13, bold=True, colour=WHITE)
            y += 16
        for line in c.wrap(self.tagline, 122, 7.5):
            c.text(22, y, line, 7.5, colour=WHITE)
            y += 10
        blocks = [("Kontakt", [s.street, s.city_line, f"Tel. {d.phone}", d.email, self.web])]
        if self.rng.random() < 0.6:
            blocks.append(("Bankverbindung", [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"]))
        y += 30
        for label, lines in blocks:
            c.text(22, y, label.upper(), 6.5, bold=True, colour=look.accent)
            y += 12
            for line in lines:
                c.fit_text(22, y, line, 7.5, 124, colour=WHITE, min_size=5.5)
                y += 10.5
            y += 14
        return 70.0

    # -- blocks

    def window(self, y: float) -> float:
        c, s, r = self.c, self.data.supplier, self.data.customer
        c.fit_text(self.LEFT, y, f"{s.name} · {s.street} · {s.city_line}", 6.5, 260, colour=THIN, min_size=5)
        y += 16
        for line in (r.name, r.contact, r.street, r.city_line):
            if line:
                c.text(self.LEFT, y, line, 10)
                y += 13
        return y

    def meta(self, y: float) -> float:
        d = self.data
        period = (f"{MONTHS_DE[self.first.month - 1]} {self.first.year}" if self.month_only
                  else f"{self.p.date(self.first)} – {self.p.date(self.last)}")  # fmt: skip
        cells_ = [
            (self.both(self.number_label, "Invoice No."), d.number),
            (self.both(self.date_label, "Date"), self.p.date(d.date)),
        ]
        if d.customer_no:
            cells_.append((self.both("Kundennr.", "Client No."), d.customer_no))
        self.order_cell = bool(d.order_no) and not d.customer_no
        if self.order_cell:
            cells_.append((self.both("Ihre Bestellnr.", "PO No."), d.order_no))
        cells_.append((self.both("Leistungszeitraum", "Period"), period))
        c = self.c
        unit = (self.RIGHT - self.LEFT) / (len(cells_) + 0.6)  # the period's cell is wider
        c.line(
            self.LEFT,
            y - (20 if self.bilingual else 12),
            self.RIGHT,
            y - (20 if self.bilingual else 12),
            width=0.5,
            colour=RULE,
        )
        x = self.LEFT
        for i, (label, value) in enumerate(cells_):
            width = unit * (1.6 if i == len(cells_) - 1 else 1)
            if i:
                c.line(x - 6, y - 6, x - 6, y + 17, width=0.5, colour=RULE)
            self.caps(x, y, label, value, width - 12, bold=i == 0)
            x += width
        c.line(self.LEFT, y + 24, self.RIGHT, y + 24, width=0.5, colour=RULE)
        return y + 48

    def subject(self, y: float) -> float:
        c, d = self.c, self.data
        german, english = self.project
        subject = f"{self.both('Projekt', 'Project')}: {german}" + (f" ({english})" if self.bilingual else "")
        c.fit_text(self.LEFT, y, subject, 10.5, self.RIGHT - self.LEFT, bold=True)
        y += 13
        c.text(self.LEFT, y, f"Projekt-Nr. {self.project_no}", 7.5, colour=THIN)
        y += 13
        if d.order_no and not self.order_cell:
            c.text(self.LEFT, y, f"Ihre Bestellnummer: {d.order_no}", 8.5)
            y += 13
        greeting = "Guten Tag," if self.rng.random() < 0.5 else "Hallo zusammen,"
        y += 4
        c.text(self.LEFT, y, greeting, 9)
        y += 12
        text = (
            "vielen Dank für die gute Zusammenarbeit. Für unsere Leistungen im genannten Zeitraum stellen wir "
            "Ihnen Folgendes in Rechnung:"
        )
        if self.bilingual:
            text = "thank you for working with us – vielen Dank für die gute Zusammenarbeit. Wir berechnen:"
        return c.paragraph(self.LEFT, y, text, self.RIGHT - self.LEFT, 9) + 8

    def table(self, y: float, phases: list[Phase]) -> float:
        c, look = self.c, self.look
        narrow = self.sidebar  # the unit goes into the quantity's column
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 26, "left"),
            ("desc", self.both("Leistung", "Service"), 0, "left"),
            ("qty", self.both("Menge", "Qty"), 60 if narrow else 50, "right"),
            *([] if narrow else [("unit", "Einheit", 54, "left")]),
            ("price", self.both("Einzelpreis", "Rate"), 70 if narrow else 78, "right"),
            ("total", self.both("Gesamt", "Amount"), 72 if narrow else 80, "right"),
        ]
        cols = columns(spec, self.LEFT, self.RIGHT)
        c.box(self.LEFT, y, self.RIGHT, y + 20, fill=self.head_fill, stroke=None)
        cells(c, cols, y + 13.5, {col.key: col.head.upper() for col in cols}, 7, bold=True, colour=WHITE)
        y += 20
        for n, phase in enumerate(phases, 1):
            item = phase.item
            note = " · ".join(text for text in (phase.english if self.bilingual else "", phase.note) if text)
            height = 26.0 if note else 18.0
            if n % 2 == 0:
                c.box(self.LEFT, y, self.RIGHT, y + height, fill=look.tint, stroke=None)
            qty = self.p.quantity(item.quantity)
            row = {
                "pos": f"{n:02d}",
                "desc": item.description,
                "qty": f"{qty} {item.unit}" if narrow else qty,
                "unit": item.unit,
                "price": self.p.number(item.unit_price),
                "total": self.p.number(item.total),
            }
            cells(c, cols, y + 12.5, row, 8.5)
            if note:
                c.fit_text(cols[1].anchor, y + 21.5, note, 7, cols[1].width, colour=THIN, min_size=5)
            y += height
        c.line(self.LEFT, y, self.RIGHT, y, width=0.8, colour=self.head_fill)
        return y + 14

    def totals(self, y: float, vat: VatLine) -> float:
        c, look = self.c, self.look
        x0 = self.RIGHT - 230
        gross = vat.base + vat.amount
        rows = [
            (self.both("Nettobetrag", "Net"), self.money(vat.base)),
            (self.both(f"zzgl. {vat.rate} % USt.", f"VAT {vat.rate} %"), self.money(vat.amount)),
        ]
        c.box(x0, y, self.RIGHT, y + 16 * len(rows) + 10, fill=look.tint, stroke=None)
        yy = y + 16
        for label, value in rows:
            c.text(x0 + 10, yy, label, 8.5)
            c.text(self.RIGHT - 10, yy, value, 8.5, align="right")
            yy += 16
        top = y + 16 * len(rows) + 10
        label = self.both("Gesamtbetrag", "Total")
        if self.dark_total:
            c.box(x0, top, self.RIGHT, top + 26, fill=look.dark, stroke=None)
            c.text(x0 + 10, top + 17, label, 10, bold=True, colour=WHITE)
            c.text(self.RIGHT - 10, top + 17, self.money(gross), 11, bold=True, align="right", colour=WHITE)
        else:
            c.box(x0, top, self.RIGHT, top + 26, fill=look.tint, stroke=None)
            c.line(x0, top, self.RIGHT, top, width=1.2, colour=look.saturated)
            c.text(x0 + 10, top + 17, label, 10, bold=True, colour=look.dark)
            c.text(
                self.RIGHT - 10, top + 17, self.money(gross), 11, bold=True, align="right", colour=look.dark
            )
        return top + 46

    def payment(self, y: float) -> float:
        c, d = self.c, self.data
        text = (
            f"Bitte überweisen Sie den Gesamtbetrag bis zum {self.p.date(d.due_date)} unter Angabe der "
            f"Rechnungsnummer auf das unten genannte Konto."
        )
        if self.bilingual:
            text += f" Please pay within {(d.due_date - d.date).days} days."
        y = c.paragraph(self.LEFT, y, text, self.RIGHT - self.LEFT, 8.5)
        y += 10
        c.text(self.LEFT, y, "Beste Grüße" + (" / Best regards" if self.bilingual else ""), 8.5)
        c.text(self.LEFT, y + 13, self.person, 8.5, colour=THIN)
        return y + 26

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        address = [s.name, s.street, s.city_line]
        contact = [f"Tel. {d.phone}", d.email, self.web]
        bank = [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"]
        legal = [self.register_court(), f"Geschäftsführung: {d.ceo}", *self.tax_ids()]
        if self.four_footer and not self.sidebar:
            blocks = [address, contact, bank, legal]
        else:
            blocks = [address + contact[1:2], bank, legal]
        self.grey_footer(blocks, self.LEFT, self.footer_size)

    def draw(self) -> TripDrawing:
        top = self.side() if self.sidebar else self.band()
        y = self.window(top + 20)
        y = max(y + 26, 232.0)
        title = "Invoice / Rechnung" if self.bilingual else "Rechnung"
        self.c.text(self.LEFT, y, title, 22, bold=True, colour=self.look.dark)
        y = self.meta(y + (38 if self.bilingual else 30))
        y = self.subject(y)
        phases = self.phases()
        items = [phase.item for phase in phases]
        y = self.table(y, phases)
        (vat,) = vat_breakdown(items)
        y = self.totals(y, vat)
        y = self.payment(y)
        self.footer()
        assert y < self.FOOT - 4, "agentur_farbig: page overflow"
        d = self.data
        return self.finish(items, "Rechnung", customer_no=bool(d.customer_no), order_no=bool(d.order_no))


# ---------------------------------------------------------------------------
# onlineshop_b2b

# (legal name, wordmark, tagline, kind, domain)
_SHOPS = (
    (
        "Kaffeerösterei Bohnenglück GmbH",
        "bohnenglück",
        "Kaffee für Büro & Gastronomie",
        "coffee",
        "bohnenglueck.de",
    ),
    ("Werkzeugwelt24 GmbH", "werkzeugwelt24", "Profi-Werkzeug online", "tools", "werkzeugwelt24.de"),
    ("Büroprofi Kontor GmbH", "kontor.", "Bürobedarf für Unternehmen", "office", "kontor-shop.de"),
    (
        "Technikhaus Online GmbH",
        "TECHNIKHAUS",
        "IT & Elektronik für Geschäftskunden",
        "tech",
        "technikhaus.de",
    ),
    ("Seitenweise Fachbuchversand GmbH", "seitenweise", "Fachbücher & Medien", "books", "seitenweise.de"),
    (
        "Feinkost Lindner Versand GmbH",
        "lindner feinkost",
        "Präsente & Feinkost für Firmen",
        "food",
        "lindner-feinkost.de",
    ),
    (
        "Green Office Supplies GmbH",
        "greenoffice",
        "Nachhaltiger Büro- und Hygienebedarf",
        "office",
        "greenoffice.de",
    ),
    (
        "Lagerprofi Versandhandel GmbH",
        "lagerprofi",
        "Betriebs- und Lagerausstattung",
        "tools",
        "lagerprofi.de",
    ),
)
# (name, lowest and highest net price, rate, SKU prefix)
_GOODS: dict[str, tuple[tuple[str, float, float, int, str], ...]] = {
    "coffee": (
        ("Espresso Bohne Classico 1 kg", 14, 24, 7, "KB"),
        ("Caffè Crema Bio 1 kg", 16, 26, 7, "KB"),
        ("Entkalker Flüssig 1 l", 6, 12, 19, "ZB"),
        ("Milchkännchen Edelstahl 600 ml", 12, 25, 19, "ZB"),
        ("Siebträgermaschine Duo PRO", 780, 1450, 19, "MA"),
        ("Kaffeebecher To-go 300 ml (50 Stk.)", 6, 11, 19, "ZB"),
        ("Hot Chocolate Pulver 1 kg", 9, 16, 7, "KB"),
    ),
    "books": (
        ("Handbuch Umsatzsteuer 2024", 59, 129, 7, "978"),
        ("Praxiswissen Arbeitsrecht", 29, 69, 7, "978"),
        ("BGB Textausgabe", 9, 19, 7, "978"),
        ("Lesezeichen-Set Leder", 8, 18, 19, "AC"),
        ("Buchstütze Metall (2 Stk.)", 14, 29, 19, "AC"),
        ("Notizbuch A5 dotted", 7, 15, 19, "AC"),
    ),
    "food": (
        ("Präsentkorb „Genießer“", 35, 89, 7, "PK"),
        ("Olivenöl nativ extra 0,5 l", 9, 19, 7, "FE"),
        ("Pralinen-Box 250 g", 11, 22, 7, "FE"),
        ("Rotwein Spätburgunder 0,75 l", 9, 24, 19, "WE"),
        ("Geschenkverpackung Holzkiste", 6, 14, 19, "VP"),
        ("Pesto Genovese 190 g", 4, 8, 7, "FE"),
    ),
    "office": (
        ("Kopierpapier A4 80 g (Karton 5×500)", 18, 32, 19, "PA"),
        ("Ordner breit 8 cm blau", 2, 4, 19, "OR"),
        ("Gelschreiber schwarz (10 Stk.)", 8, 16, 19, "SC"),
        ("Haftnotizen 76×76 (12 Blöcke)", 9, 17, 19, "HN"),
        ("Toner schwarz kompatibel", 39, 89, 19, "TO"),
        ("Bürostuhl ErgoFlex", 189, 389, 19, "MB"),
        ("Handtuchpapier 2-lagig (20×160)", 19, 36, 19, "HY"),
    ),
    "tools": (
        ("Akku-Bohrschrauber 18 V Solo", 89, 189, 19, "WZ"),
        ("Bit-Set 32-tlg.", 12, 29, 19, "WZ"),
        ("Schwerlastregal 180×90×45", 69, 149, 19, "LA"),
        ("Arbeitshandschuhe Nitril Gr. 9 (12 Paar)", 14, 28, 19, "AS"),
        ("Kabeltrommel 25 m IP44", 39, 79, 19, "EL"),
        ("Stapelbox Gr. 3 blau", 2, 6, 19, "LA"),
        ("Zollstock Holz 2 m", 4, 9, 19, "WZ"),
    ),
    "tech": (
        ("USB-C Dockingstation 12-in-1", 89, 179, 19, "IT"),
        ('Monitor 27" WQHD IPS', 199, 349, 19, "IT"),
        ("Funktastatur + Maus Set", 29, 59, 19, "IT"),
        ("Netzwerkkabel Cat6 5 m", 3, 8, 19, "NW"),
        ("SSD 1 TB NVMe", 59, 119, 19, "IT"),
        ("Headset USB Stereo", 35, 89, 19, "IT"),
        ("Steckdosenleiste 6-fach", 9, 24, 19, "EL"),
    ),
}
_BUYERS = (
    "Architekturbüro Brandt GmbH",
    "Physiotherapie am Markt GbR",
    "Hausverwaltung Kessler GmbH",
    "Elektro Schubert GmbH & Co. KG",
    "Café Lindenblüte",
    "Steuerkanzlei Wagner & Roth",
    "Autohaus Berger GmbH",
    "Druckerei Stein OHG",
)
_SHIP_TO = ("Lager / Warenannahme", "Filiale", "z. Hd. Empfang", "Rampe 3", "Werkstatt", "")
_PAYMENTS = ("PayPal", "Kreditkarte", "Rechnung", "Vorkasse", "PayPal", "Rechnung")
_COUPONS = (("SOMMER10", 10), ("NEUKUNDE15", 15), ("WILLKOMMEN5", 5), ("B2B20", 20))


@dataclass(frozen=True)
class Article:
    """One line of the shop's table: the item (net unit price), its SKU and EAN, and the unit price printed."""

    item: LineItem
    sku: str
    ean: str
    shown: Decimal  # gross or net, as the table prints it

    @property
    def shown_total(self) -> Decimal:
        return round_cent(self.item.quantity * self.shown)


def _net_of(gross: Decimal, rate: int) -> Decimal:
    return (gross * 100 / (100 + rate)).quantize(Decimal("0.0001"))


def _adds_up(articles: Sequence[Article]) -> bool:
    """On a gross invoice: per rate, the printed gross lines sum to the net lines' sum plus its VAT."""
    for line in vat_breakdown([a.item for a in articles]):
        printed = sum((a.shown_total for a in articles if a.item.rate == line.rate), Decimal(0))
        if printed != line.base + line.amount:
            return False
    return True


class OnlineshopB2b(DesignSheet):
    """A B2B online shop's invoice: wordmark, QR code, billing and shipping address, key-value head."""

    DATES = ("dotted", "dotted", "dotted_short")
    CURRENCY = ("sign_after", "sign_after", "code_after")
    LEFT = 50.0

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, mark, tagline, kind, domain = rng.choice(_SHOPS)
        day = workday(calm(data.date))
        ordered = day - dt.timedelta(days=rng.randint(1, 6))
        shop_no = rng.choice(
            (
                f"#{rng.randint(100000, 399999)}",
                f"WEB-{ordered.year}-{rng.randint(1, 99999):06d}",
                f"#{rng.randint(10000, 99999)}",
                f"{rng.randint(3, 9)}0{rng.randint(10**6, 10**7 - 1)}",
            )
        )
        number = rng.choice(
            (
                f"RE{rng.randint(100000, 999999)}",
                f"{day.year}-{rng.randint(10000, 99999)}",
                f"R-{day.year % 100}{rng.randint(1000, 99999):05d}",
                f"INV-{rng.randint(10**5, 10**6 - 1)}",
            )
        )
        customer = dataclasses.replace(data.customer, name=rng.choice(_BUYERS))
        data = _with(
            rng,
            data,
            number=number,
            date=day,
            service_date=day - dt.timedelta(days=rng.randint(0, (day - ordered).days)),
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 30))),
            customer=customer,
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=f"{rng.randint(10000, 999999)}" if rng.random() < 0.7 else "",
            order_no=shop_no,
            email=f"{rng.choice(('service', 'rechnung', 'b2b', 'kontakt'))}@{domain}",
            register=f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.ids = rng.choice(("vat", "vat", "both"))
        self.mark, self.tagline, self.kind, self.domain = mark, tagline, kind, domain
        self.ordered = ordered
        self.payment = rng.choice(_PAYMENTS)
        later = dt.timedelta(days=rng.randint(1, 2) if self.payment == "Vorkasse" else 0)
        self.paid_on = min(ordered + later, day - dt.timedelta(days=1))  # before the invoice's day
        self.gross_prices = rng.random() < 0.4
        self.delivery_printed = rng.random() < 0.45
        self.mixed = kind in ("coffee", "books", "food")
        self.side_by_side = rng.random() < 0.4
        self.qr_top = rng.random() < 0.5
        self.title_size = rng.choice((24.0, 26.0, 28.0))
        self.coupon = rng.choice(_COUPONS) if rng.random() < 0.4 else None
        self.ship_to = self.shipping_address()

    @property
    def paid(self) -> bool:
        return self.payment != "Rechnung"

    @property
    def bank(self) -> bool:
        return self.payment in ("Rechnung", "Vorkasse")

    def shipping_address(self) -> list[str]:
        rng, r = self.rng, self.data.customer
        other = _party(rng, (r.name,), contact=False)
        while other.street == r.street:
            other = _party(rng, (r.name,), contact=False)
        attention = rng.choice(_SHIP_TO)
        return [line for line in (r.name, attention, other.street, other.city_line) if line]

    # -- the lines

    def article(self, name: str, lo: float, hi: float, rate: int, prefix: str, qty: Decimal) -> Article:
        rng = self.rng
        sku = (
            f"{prefix}-{rng.randint(10000, 99999)}"
            if prefix != "978"
            else f"978-3-{rng.randint(10**5, 10**6 - 1)}"
        )
        if self.gross_prices:
            gross = price_between(rng, lo * (1 + rate / 100), hi * (1 + rate / 100), "1") + Decimal(
                rng.choice(("0.99", "0.95", "0.49", "0.90"))
            )
            item = LineItem(name, sku, qty, "Stk.", _net_of(gross, rate), rate)
            return Article(item, sku, ean13(rng), gross)
        net = price_between(rng, lo, hi, "0.01")
        return Article(LineItem(name, sku, qty, "Stk.", net, rate), sku, ean13(rng), net)

    def goods(self) -> list[Article]:
        rng = self.rng
        catalog = _GOODS[self.kind]
        while True:
            picked = rng.sample(catalog, rng.randint(2, 5))
            if not self.mixed or {entry[3] for entry in picked} == {7, 19}:
                break
        return [self.article(n, lo, hi, rate, prefix, Decimal(rng.choice((1, 1, 2, 3, 4, 5, 6, 10, 12))))
                for n, lo, hi, rate, prefix in picked]  # fmt: skip

    def extras(self, goods: Sequence[Article]) -> list[Article]:
        """Shipping, and the coupon on some seeds: both at 19 %."""
        rng = self.rng
        heavy = sum(a.shown_total for a in goods) > 600 and self.kind in ("tools", "office")
        if heavy and rng.random() < 0.5:
            ship, price = "Versand Spedition (Palette)", Decimal(rng.choice(("59.00", "69.00", "89.00")))
        elif rng.random() < 0.3:
            ship, price = (
                rng.choice(("Versand DHL – versandkostenfrei", "Versandkostenfrei")),
                Decimal("0.00"),
            )
        else:
            ship, price = rng.choice(("Versand DHL Paket", "Versand DHL", "Versand DPD")), Decimal("4.95")
        prices = [(ship, price)]
        if self.coupon:
            code, off = self.coupon
            prices.append((f"Gutschein {code}", Decimal(-off)))
        # the price printed: gross on gross seeds (the net divided out), else net
        return [Article(LineItem(text, "", Decimal(1), "", _net_of(shown, 19) if self.gross_prices else shown, 19),
                        "", "", shown) for text, shown in prices]  # fmt: skip

    def articles(self) -> list[Article]:
        for _ in range(400):
            goods = self.goods()
            lines = goods + self.extras(goods)
            bases = {v.rate: v.base for v in vat_breakdown([a.item for a in lines])}
            if all(base > 0 for base in bases.values()) and (not self.gross_prices or _adds_up(lines)):
                return lines
        raise AssertionError("onlineshop_b2b: no gross lines adding up")

    # -- blocks

    def wordmark(self) -> None:
        c, look = self.c, self.look
        w = c.text(self.LEFT, 62, self.mark, 28, bold=True, colour=look.dark)
        c.box(self.LEFT + w + 3, 56, self.LEFT + w + 9, 62, fill=look.saturated, stroke=None)
        c.text(self.LEFT, 76, self.tagline, 7.5, colour=THIN)
        if self.qr_top:
            qr_block(c, self.rng, self.RIGHT - 58, 28, 58)
            c.text(self.RIGHT - 29, 98, "Bestellung verfolgen", 6.5, align="center", colour=GREY)

    def head(self) -> float:
        c, d, s = self.c, self.data, self.data.supplier
        c.fit_text(
            self.LEFT, 124, f"{s.name} · {s.street} · {s.city_line}", 6.5, 260, colour=THIN, min_size=5
        )
        c.text(self.LEFT, 160, "Rechnung", self.title_size, colour=(0.3, 0.3, 0.3))
        y0 = 190.0
        bill = [
            line
            for line in (d.customer.name, d.customer.contact, d.customer.street, d.customer.city_line)
            if line
        ]
        if self.side_by_side:
            left_end = self.address_block(self.LEFT, y0, "Rechnungsadresse", bill, 128)
            left_end = max(
                left_end, self.address_block(self.LEFT + 138, y0, "Lieferadresse", self.ship_to, 128)
            )
        else:
            left_end = self.address_block(self.LEFT, y0, "Rechnungsadresse", bill, 250)
            left_end = self.address_block(self.LEFT, left_end + 6, "Lieferadresse", self.ship_to, 250)
        rows = [
            ("Rechnungsnr.", d.number),
            ("Rechnungsdatum", self.p.date(d.date)),
            (self.rng.choice(("Bestellnr.", "Bestellnummer")), d.order_no),
            ("Bestelldatum", self.p.date(self.ordered)),
        ]
        if self.delivery_printed and d.service_date:
            rows.append(("Lieferdatum", self.p.date(d.service_date)))
        if d.customer_no:
            rows.append(("Kundennr.", d.customer_no))
        rows.append(("Zahlungsart", self.payment))
        x_label = self.RIGHT - 190
        y = y0
        for label, value in rows:
            c.text(x_label, y, label, 8.5, colour=GREY)
            c.text(self.RIGHT, y, value, 8.5, align="right", bold=label.startswith("Rechnungsnr"))
            y += 14.5
        return max(left_end, y) + 18

    def address_block(self, x: float, y: float, label: str, lines: Sequence[str], width: float) -> float:
        c = self.c
        c.text(x, y, label.upper(), 6.5, colour=GREY)
        y += 12
        for line in lines:
            c.fit_text(x, y, line, 8.5, width, min_size=6)
            y += 11.5
        return y

    def table(self, y: float, lines: list[Article]) -> float:
        c = self.c
        kind = "brutto" if self.gross_prices else "netto"
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", "Artikel", 0, "left"),
            ("qty", "Menge", 44, "right"),
            *([("rate", "MwSt.", 40, "right")] if self.mixed else []),
            ("price", f"Einzelpreis {kind}", 86, "right"),
            ("total", f"Gesamt {kind}", 80, "right"),
        ]
        cols = columns(spec, self.LEFT, self.RIGHT)
        cells(c, cols, y, {col.key: col.head for col in cols}, 7.5, colour=GREY)
        y += 6
        c.line(self.LEFT, y, self.RIGHT, y, width=0.8, colour=self.look.dark)
        for a in lines:
            item = a.item
            row = {
                "desc": item.description,
                "qty": self.p.quantity(item.quantity) if a.sku else "1",
                "rate": f"{item.rate} %",
                "price": self.p.number(a.shown),
                "total": self.p.number(a.shown_total),
            }
            cells(c, cols, y + 13, row, 8.5)
            height = 19.0
            if a.sku:
                ean = f"Art.-Nr. {a.sku} · EAN {a.ean}"
                c.fit_text(cols[0].anchor, y + 23, ean, 6.5, cols[0].width, colour=THIN, min_size=5.5)
                height = 28.0
            y += height
            c.line(self.LEFT, y, self.RIGHT, y, width=0.4, colour=RULE)
        return y + 16

    def vat_table(self, y: float, vat_lines: list[VatLine]) -> float:
        c = self.c
        cols = columns([("rate", "MwSt.-Satz", 54, "left"), ("net", "Netto", 62, "right"),
                        ("vat", "MwSt.", 54, "right"), ("gross", "Brutto", 62, "right")], self.LEFT,
                       self.LEFT + 232)  # fmt: skip
        cells(c, cols, y, {col.key: col.head for col in cols}, 7, colour=GREY)
        c.line(self.LEFT, y + 4, self.LEFT + 232, y + 4, width=0.4, colour=RULE)
        y += 15
        for v in vat_lines:
            cells(c, cols, y, {"rate": f"{v.rate} %", "net": self.p.number(v.base), "vat": self.p.number(v.amount),
                               "gross": self.p.number(v.base + v.amount)}, 7.5)  # fmt: skip
            y += 12
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        c.line(self.LEFT, y - 8, self.LEFT + 232, y - 8, width=0.4, colour=RULE)
        cells(c, cols, y + 1, {"rate": "Summe", "net": self.p.number(net), "vat": self.p.number(vat),
                               "gross": self.p.number(net + vat)}, 7.5, bold=True)  # fmt: skip
        return y + 13

    def totals(self, y: float, vat_lines: list[VatLine]) -> float:
        c = self.c
        net = sum((v.base for v in vat_lines), Decimal(0))
        gross = net + sum((v.amount for v in vat_lines), Decimal(0))
        x_label = self.RIGHT - 220
        rows: list[tuple[str, str, bool]] = []
        if self.gross_prices:
            rows.append(("Gesamtsumme (inkl. MwSt.)", self.money(gross), True))
            rows += [(f"enthaltene MwSt. {v.rate} %", self.money(v.amount), False) for v in vat_lines]
            rows.append(("Summe netto", self.money(net), False))
        else:
            rows.append(("Summe netto", self.money(net), False))
            rows += [(f"zzgl. MwSt. {v.rate} %", self.money(v.amount), False) for v in vat_lines]
            rows.append(("Gesamtbetrag", self.money(gross), True))
        if self.paid:
            how = {"PayPal": "via PayPal", "Kreditkarte": "per Kreditkarte", "Vorkasse": "per Vorkasse"}[
                self.payment
            ]
            rows.append((f"Bereits bezahlt {how} am {self.p.date(self.paid_on)}", self.money(-gross), False))
            rows.append(("Offener Betrag", self.money(Decimal("0.00")), True))
        end = self.vat_table(y, vat_lines) if self.mixed else y
        for label, value, bold in rows:
            if bold:
                c.line(x_label, y - 10, self.RIGHT, y - 10, width=0.5, colour=RULE)
            c.fit_text(x_label, y, label, 8.5, 150, bold=bold, min_size=6)
            c.text(self.RIGHT, y, value, 9.5 if bold else 8.5, align="right", bold=bold)
            y += 16 if bold else 13.5
        return max(y, end) + 10

    def notes(self, y: float) -> float:
        c, d = self.c, self.data
        if self.payment == "Rechnung":
            text = (
                f"Zahlbar bis {self.p.date(d.due_date)} ohne Abzug. Bitte geben Sie bei der Überweisung die "
                f"Rechnungsnummer {d.number} an."
            )
        elif self.payment == "Vorkasse":
            text = "Ihre Zahlung per Vorkasse ist bei uns eingegangen – vielen Dank!"
        else:
            text = (
                f"Der Rechnungsbetrag wurde bei Ihrer Bestellung per {self.payment} beglichen. Vielen Dank!"
            )
        width = self.RIGHT - self.LEFT - (80 if not self.qr_top else 0)
        y0 = y
        y = c.paragraph(self.LEFT, y, text, width, 8.5)
        if self.bank and self.payment == "Rechnung":
            y = c.paragraph(self.LEFT, y, f"Bankverbindung: {self.bank_name()} · IBAN {self.iban} · BIC "
                            f"{d.iban.bic}", width, 8.5)  # fmt: skip
        y = c.paragraph(self.LEFT, y + 4, "Es gelten unsere AGB für Geschäftskunden. Ware bleibt bis zur "
                        "vollständigen Bezahlung unser Eigentum.", width, 7, leading=1.4)  # fmt: skip
        if not self.qr_top:
            qr_block(c, self.rng, self.RIGHT - 56, y0 - 8, 56)
            c.text(self.RIGHT - 28, y0 + 58, "Rücksendung anmelden", 6, align="center", colour=GREY)
            y = max(y, y0 + 64)
        return y

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        first = [s.name, s.street, s.city_line, f"{self.domain} · {d.email}"]
        second = [self.register_court(), f"Geschäftsführer: {d.ceo}", *self.tax_ids()]
        blocks = [first, second]
        if self.bank:
            blocks.append([self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"])
        else:
            blocks.append([f"Tel. {d.phone}", "Mo–Fr 8–17 Uhr", f"www.{self.domain}"])
        self.grey_footer(blocks, self.LEFT, 6.5)

    def draw(self) -> TripDrawing:
        self.wordmark()
        y = self.head()
        lines = self.articles()
        items = [a.item for a in lines]
        y = self.table(y, lines)
        vat_lines = vat_breakdown(items)
        y = self.totals(y, vat_lines)
        y = self.notes(y + 4)
        self.footer()
        assert y < self.FOOT - 4, "onlineshop_b2b: page overflow"
        d = self.data
        return self.finish(
            items,
            "Rechnung",
            service_date=self.delivery_printed,
            customer_no=bool(d.customer_no),
            order_no=True,
            bank=self.bank,
        )


# ---------------------------------------------------------------------------
# Registry

DESIGN_FAMILIES: dict[str, type[TripSheet]] = {
    "agentur_farbig": AgenturFarbig,
    "onlineshop_b2b": OnlineshopB2b,
}


def draw_design(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(DESIGN_FAMILIES[name], name, seed)
