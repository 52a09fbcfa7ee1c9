"""Two invoice layout families of a promotional products supplier and of a window cleaning company, designed
blind (session 18).

Like `families_umzug`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_handel(name, seed)`. Both draw on `RemovalLook` of `families_umzug` (itself an `ObjektLook`:
letterheads, detail blocks, table heads, totals, footer and payment texts whose look varies per seed) and
return a `TripDrawing` (truth keys only for values printed). All their items are at 19 %.

- `werbemittel_druck`: a promotional products supplier's ("… Werbeartikel GmbH", "Werbemittel … e.K.", a GmbH
  & Co. KG) invoice for articles printed with the agency's client's logo: per article (pens, mugs, T-shirts,
  cotton bags, bottles, lanyards) a line with the article number (in its own column on some seeds, else in the
  grey notes), colour, the print method and colours ("Tampondruck 1-farbig", "Siebdruck 2-farbig", the print
  area) and the quantity × a price per piece with four decimals ("0,4850"); the quantity tiers of the article
  ("Staffel: ab 250 Stk. 0,5120 € · ab 500 Stk. 0,4850 € …") as a note on some seeds; the printing either
  included in the price or as its own line per piece. One-off setup costs ("Klischee je Farbe" for pad print,
  "Siebkosten je Farbe" for screen print, "Druckvorlage / Datenaufbereitung"), or a repeat order without them;
  a sample line ("Muster vorab per Express", "Andruckmuster") on most seeds, the freight ("Fracht und
  Verpackung", "Versandkosten DPD (3 Pakete)"); on some seeds a "Mindermengenzuschlag" (small orders) and a
  partial delivery ("Teillieferung", the rest to follow in a calendar week, the invoiced quantity the
  delivered one). Head: invoice number and date, customer number, the customer's order reference ("Ihre
  Bestellung", "Ihre Bestell-Nr.", or only a text "Ihr Zeichen: …" on some seeds), the order date on some, the
  supplier's order confirmation number ("AB-Nr.") on some, the delivery note number ("Lieferschein-Nr.") and
  the delivery date under a label ("Lieferdatum", "Liefertag", "Versanddatum") or only "Lieferschein … vom …"
  in the subject. Truth: the usual keys; `kundennummer`; `bestellnummer` the customer's order number where
  printed under its label (never the AB-Nr., the delivery note's or the article numbers); `leistungsdatum` the
  delivery date where printed under its label; `bic` where printed.
- `reinigung_fensterputz`: a window cleaning company's ("Glas- und Gebäudereinigung … e.K.", "… Glasreinigung
  GmbH") quarterly invoice for an agency's office: the window areas ("Glasflächen innen und außen", m² with
  two decimals × a price per m², the floors' areas as a note on some seeds), the frames ("Rahmenreinigung", by
  m² or per window, each time or once in the quarter), a lift ("Hubsteiger 20 m Arbeitshöhe", per day or per
  hour) on some seeds, a call-out flat rate on some, and a one-off "Sonderreinigung" on some seeds (hours of
  two cleaners, or a lump sum). The lines either per execution date (grouped under "Reinigung am …" or with a
  date column) or summed over the quarter ("3 Reinigungen à 412,35 m²"). Head: invoice number and date,
  customer number on most seeds, the contract number ("Vertrags-Nr."), the object's address, the quarter as a
  period; the execution dates ("Ausführungstermine: …") or, with one cleaning in the quarter, the date under a
  label ("Ausführungsdatum", "Leistungsdatum", "Reinigung am"). Notes: the contract's date and billing
  ("vierteljährlich nachträglich"), a SEPA direct debit with a masked account and creditor id on some seeds,
  Skonto on some, the next cleaning; the footer says "Meisterbetrieb" and the guild membership. Truth: the
  usual keys; `kundennummer` where printed; `leistungsdatum` only with one cleaning (its date, under its
  label); no `bestellnummer` (the contract number is not one); `bic` where printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_more import columns, draw_sheet
from benchmarks.synth.families_objekt import calm
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line, RemovalLook, data_for, slug
from benchmarks.synth.invoice_gen import InvoiceData, LineItem, round_cent, vat_breakdown
from benchmarks.synth.pdfdraw import Align

_WEEKDAYS = (0, 1, 2, 3, 4)


def workday(day: dt.date) -> dt.date:
    """`day`, or the Monday after it when it falls on a weekend."""
    while day.weekday() not in _WEEKDAYS:
        day += dt.timedelta(days=1)
    return day


def head_number(rng: random.Random, day: dt.date, prefix: str) -> str:
    n = rng.randint(1, 99999)
    return rng.choice(
        (
            f"{prefix}-{day.year}-{n:05d}",
            f"{day.year % 100}{n:05d}",
            f"{prefix}{n:06d}",
            f"{day.year}/{n % 10000:04d}",
            f"{rng.randint(100000, 999999)}",
        )
    )


class HandelLook(RemovalLook):
    """`RemovalLook` with an article number column on some seeds, prices per piece with four decimals and
    areas in m² with two."""

    def spec_with_art(self, art: bool, dated: bool) -> list[tuple[str, str, float, Align]]:
        spec = self.spec(dated)
        if art:
            spec.insert(1, ("art", self.rng.choice(("Art.-Nr.", "Artikel", "Art.Nr.")), 52, "left"))
        return spec

    def price_text(self, value: Decimal) -> str:
        if value == round_cent(value):
            return self.p.number(value)
        return f"{value:.4f}".replace(".", ",")

    def qty_text(self, item: LineItem) -> str:
        if item.unit == "m²":
            return self.p.number(item.quantity)
        if item.quantity >= 1000 and item.quantity == item.quantity.to_integral():
            return f"{int(item.quantity):,}".replace(",", "." if self.p.numbers == "de" else " ")
        return quantity(item.quantity, self.p)

    def row(self, n: int, line: Line) -> Row:
        row = super().row(n, line)
        values = dict(row.values, price=self.price_text(line.item.unit_price), art=line.item.article)
        return dataclasses.replace(row, values=values)


# ---------------------------------------------------------------------------
# werbemittel_druck

_PROMOTERS = (
    ("Promo-Druck Hansen GmbH", ""),
    ("Werbemittel Schubert e.K.", "Karin Schubert"),
    ("LogoPrint Merchandising GmbH & Co. KG", "LogoPrint Verwaltungs-GmbH"),
    ("Streuartikel Meyer e.K.", "Frank Meyer"),
    ("Nordlicht Werbeartikel GmbH", ""),
    ("Werbetechnik & Präsente Albrecht GmbH", ""),
    ("Brandfactory Werbemittel GmbH & Co. KG", "Brandfactory Beteiligungs GmbH"),
)
_PROMO_TAGLINES = (
    "Werbeartikel · Textildruck · Give-aways",
    "Ihr Partner für bedruckte Werbemittel",
    "Siebdruck · Tampondruck · Lasergravur · Stick",
    "Werbeartikel mit Ihrem Logo – seit 1994",
)


@dataclass(frozen=True)
class Article:
    """A catalog article: number, text, colours, print methods, area, price range per piece at 100."""

    art: str
    text: str
    colours: tuple[str, ...]
    methods: tuple[str, ...]
    area: str
    lo: float
    hi: float
    unit: str = "Stk."


_ARTICLES = (
    Article("10-4711", "Kugelschreiber „Clic“ Kunststoff", ("blau", "schwarz", "weiß/rot", "grün"),
            ("Tampondruck",), "40 × 8 mm", 0.34, 0.62),
    Article("10-5820", "Metall-Kugelschreiber „Slim“", ("silber", "anthrazit", "dunkelblau"),
            ("Tampondruck",), "35 × 6 mm", 0.95, 1.69),
    Article("22-1003", "Keramiktasse „Classic“ 300 ml", ("weiß", "schwarz", "rot"),
            ("Siebdruck", "Tampondruck"), "70 × 60 mm", 2.15, 3.45),
    Article("31-0150", "T-Shirt Baumwolle 150 g/m², Unisex", ("weiß", "navy", "schwarz", "grau meliert"),
            ("Siebdruck",), "Brust links 100 × 80 mm", 3.20, 5.90),
    Article("35-2040", "Baumwolltasche lange Henkel, 38 × 42 cm", ("natur", "schwarz", "royalblau"),
            ("Siebdruck",), "250 × 250 mm", 0.89, 1.79),
    Article("40-0600", "Trinkflasche Aluminium 600 ml", ("silber", "weiß", "blau"),
            ("Siebdruck", "Tampondruck"), "60 × 40 mm", 2.90, 4.80),
    Article("51-2000", "Lanyard 20 mm mit Karabiner", ("schwarz", "blau", "rot"),
            ("Siebdruck",), "Endlosdruck 15 × 150 mm", 0.49, 0.99),
    Article("60-0110", "Einkaufswagenchip am Schlüsselring", ("blau", "gelb", "rot", "weiß"),
            ("Tampondruck",), "Ø 18 mm", 0.35, 0.69),
)  # fmt: skip
_TIERS = (100, 250, 500, 1000, 2500)
_TIER_FACTORS = (Decimal("1.00"), Decimal("0.93"), Decimal("0.87"), Decimal("0.82"), Decimal("0.78"))


@dataclass(frozen=True)
class Ordered:
    """An article as ordered: method, colours, the ordered and delivered quantity, the tier prices."""

    article: Article
    colour: str
    method: str
    inks: int
    ordered: int
    delivered: int
    prices: tuple[Decimal, ...]
    repeat: bool

    @property
    def tier(self) -> int:
        return max(i for i, t in enumerate(_TIERS) if t <= self.ordered)

    @property
    def price(self) -> Decimal:
        return self.prices[self.tier]

    @property
    def print_text(self) -> str:
        return f"{self.method} {self.inks}-farbig"


class WerbemittelDruck(HandelLook):
    """A promotional products supplier's invoice: printed articles at prices per piece, setup, freight."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner = rng.choice(_PROMOTERS)
        self.shipped = workday(calm(data.date))
        day = self.shipped + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3, 6)))
        self.ordered_on = self.shipped - dt.timedelta(days=rng.randint(8, 30))
        ek = name.endswith("e.K.")
        customer_order = rng.random() < 0.75
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if "KG" in name or ek else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("RE", "WR", "R"))),
            f"{rng.choice(('info', 'auftrag', 'buchhaltung', 'service'))}@{slug(name)}-werbemittel.de",
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"D-{rng.randint(1000, 99999)}")),
            order_no=rng.choice(
                (
                    f"PO-{self.ordered_on.year}-{rng.randint(1, 999):04d}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"B{rng.randint(10000, 99999)}",
                )
            )
            if customer_order
            else "",
            service_date=self.shipped,
        )
        super().__init__(rng, data)
        self.setup(owner)
        self.art_column = rng.random() < 0.5
        self.print_line = rng.random() < 0.4  # the printing as its own line per piece
        self.tier_note = rng.random() < 0.5
        self.small = rng.random() < 0.25  # a small order with a Mindermengenzuschlag
        self.partial = rng.random() < 0.25
        self.sample = rng.random() < 0.75
        self.date_in_head = rng.random() < 0.65
        self.order_text = (
            ""
            if customer_order
            else rng.choice(("Messe Frühjahr", "Kundenevent Juni", "Jubiläum 25 Jahre", "Mitarbeiter-Kit"))
        )
        self.note_no = rng.choice(
            (
                f"LS {rng.randint(400000, 499999)}",
                f"{rng.randint(7000000, 7999999)}",
                f"L-{rng.randint(10000, 99999)}",
            )
        )
        self.ab = f"AB {rng.randint(20000, 29999)}" if rng.random() < 0.5 else ""
        self.goods = self.draw_goods()
        self.delivery_label = rng.choice(("Lieferdatum", "Liefertag", "Versanddatum"))

    def draw_goods(self) -> list[Ordered]:
        rng = self.rng
        out = []
        for k, a in enumerate(rng.sample(_ARTICLES, rng.choice((1, 1, 2, 2, 3)))):
            base = price_between(rng, a.lo, a.hi, "0.0005")
            prices = tuple((base * f).quantize(Decimal("0.0005")) for f in _TIER_FACTORS)
            ordered = (
                rng.choice((100, 150, 200)) if self.small else rng.choice((250, 300, 500, 500, 1000, 2500))
            )
            delivered = ordered
            if self.partial and k == 0 and ordered >= 250:
                delivered = ordered // rng.choice((2, 2, 5)) * rng.choice((1, 1, 2))
            method = rng.choice(a.methods)
            inks = rng.choice((1, 1, 2)) if method == "Tampondruck" else rng.choice((1, 2, 2, 3))
            out.append(
                Ordered(
                    a, rng.choice(a.colours), method, inks, ordered, delivered, prices, rng.random() < 0.2
                )
            )
        return out

    # -- the lines

    def tier_text(self, x: Ordered) -> str:
        shown = list(zip(_TIERS, x.prices, strict=True))[max(0, x.tier - 1) : x.tier + 2]
        return "Staffel: " + " · ".join(f"ab {self.qty_int(t)} Stk. {self.price_text(p)} €" for t, p in shown)

    def qty_int(self, value: int) -> str:
        return self.qty_text(LineItem("", "", Decimal(value), "Stk.", Decimal(0), 19))

    def article_lines(self, x: Ordered) -> list[Line]:
        rng, a = self.rng, x.article
        notes = [] if self.art_column else [f"Art.-Nr. {a.art}"]
        if self.print_line:
            text = f"{a.text}, Farbe {x.colour}"
            notes.append(f"Druckfläche {a.area}, Logo lt. Freigabe")
        else:
            text = f"{a.text}, Farbe {x.colour}, inkl. {x.print_text}"
            notes.append(f"Druckfläche {a.area}, Logo lt. Freigabe vom {self.p.date(self.ordered_on)}")
        if self.tier_note:
            notes.append(self.tier_text(x))
        if x.delivered < x.ordered:
            rest = x.ordered - x.delivered
            notes.append(
                f"Teillieferung: {self.qty_int(x.delivered)} von {self.qty_int(x.ordered)} Stk., "
                f"Restmenge {self.qty_int(rest)} Stk. folgt"
            )
        price = x.price
        out = [Line(LineItem(text, a.art, Decimal(x.delivered), a.unit, price, 19), tuple(notes))]
        if self.print_line:
            cost = price_between(rng, 0.06, 0.28, "0.0005") * x.inks
            item = LineItem(
                f"Druckkosten {x.print_text}, je Stück", "", Decimal(x.delivered), "Stk.", cost, 19
            )
            out.append(Line(item))
        return out

    def setup_lines(self, x: Ordered) -> list[Line]:
        rng = self.rng
        if x.repeat:
            return []
        if x.method == "Tampondruck":
            text, price = "Klischee je Farbe (einmalig)", price_between(rng, 18, 35, "0.50")
        else:
            text, price = "Siebkosten je Farbe (einmalig)", price_between(rng, 25, 48, "0.50")
        note = f"für {x.article.text.split(',')[0]}, {x.print_text}"
        return [
            Line(
                LineItem(text, "", Decimal(x.inks), "Farbe" if x.inks == 1 else "Farben", price, 19), (note,)
            )
        ]

    def extra_lines(self) -> list[Line]:
        rng = self.rng
        out = []
        if rng.random() < 0.6 and not all(x.repeat for x in self.goods):
            text = rng.choice(("Druckvorlage / Datenaufbereitung", "Satz und Erstellung der Druckvorlage"))
            out.append(
                Line(LineItem(text, "", Decimal(1), "pausch.", price_between(rng, 15, 45, "0.50"), 19))
            )
        if self.sample:
            text = rng.choice(
                ("Muster vorab per Express", "Andruckmuster (Freigabemuster)", "Muster bedruckt")
            )
            out.append(Line(LineItem(text, "", Decimal(1), "Stk.", price_between(rng, 9.5, 39, "0.50"), 19)))
        if self.small:
            text = rng.choice(("Mindermengenzuschlag", "Mindermengenzuschlag (Auftragswert unter 250,00 €)"))
            out.append(Line(LineItem(text, "", Decimal(1), "pausch.", price_between(rng, 15, 40, "1"), 19)))
        parcels = rng.randint(1, 6)
        text = rng.choice(
            (
                "Fracht und Verpackung",
                f"Versandkosten DPD ({parcels} {'Paket' if parcels == 1 else 'Pakete'})",
                "Frachtkostenanteil",
                f"Versand per Spedition, {parcels} Karton{'s' if parcels > 1 else ''}",
            )
        )
        out.append(Line(LineItem(text, "", Decimal(1), "pausch.", price_between(rng, 6.9, 49, "0.10"), 19)))
        return out

    def lines(self) -> list[Line]:
        out: list[Line] = []
        for x in self.goods:
            out += self.article_lines(x)
        for x in self.goods:
            out += self.setup_lines(x)
        return out + self.extra_lines()

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Kunden-Nr.", "Kundennummer", "Ihre Kd.-Nr.")), d.customer_no),
        ]
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestellung", "Ihre Bestell-Nr.", "Bestell-Nr.")), d.order_no))
            if rng.random() < 0.5:
                rows.append(("Bestelldatum", p.date(self.ordered_on)))
        if self.ab:
            rows.append(("Auftragsbestätigung", self.ab))
        if self.date_in_head:
            rows.append(("Lieferschein-Nr.", self.note_no))
            rows.append((self.delivery_label, p.date(self.shipped)))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        lines = [
            (
                rng.choice(
                    (
                        "Werbeartikel mit Logodruck",
                        "Ihre Bestellung bedruckter Werbeartikel",
                        "Lieferung Werbemittel",
                    )
                ),
                True,
            )
        ]
        if self.order_text:
            lines.append(
                (f"Ihr Zeichen: {self.order_text} · Bestellung vom {p.date(self.ordered_on)}", False)
            )
        if not self.date_in_head:
            lines.append((f"Lieferschein {self.note_no} vom {p.date(self.shipped)}", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def closing(self, y: float, due: Decimal) -> float:
        rng = self.rng
        texts: list[tuple[str, bool]] = [(self.pay_text(due), True)]
        if any(x.delivered < x.ordered for x in self.goods):
            week = (self.shipped + dt.timedelta(days=rng.randint(7, 21))).isocalendar()[1]
            texts.append(
                (
                    f"Teillieferung: Die Restmenge liefern wir voraussichtlich in KW {week} ohne "
                    "erneute Versandkosten nach.",
                    False,
                )
            )
        keep = len(texts)
        texts.append(
            (
                "Farbabweichungen zum Pantone-Wert sowie Mehr- oder Minderlieferungen bis 5 % der bestellten "
                "Menge sind drucktechnisch bedingt und vorbehalten. Die Ware bleibt bis zur vollständigen "
                "Bezahlung unser Eigentum.",
                False,
            )
        )
        if any(x.repeat for x in self.goods):
            texts.append(
                ("Wiederholungsauftrag: Klischee bzw. Sieb vorhanden, keine Einrichtekosten.", False)
            )
        return self.short_texts(y, texts, keep)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        lines = self.lines()
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        self.letterhead(rng.choice(_PROMO_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        self.vat_column = False
        cols = columns(self.spec_with_art(self.art_column, False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, [self.row(n, x) for n, x in enumerate(lines, 1)], rng.random() < 0.5)
        y = self.all_totals(y, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "werbemittel_druck: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.25),
            service_date=self.date_in_head,
            customer_no=True,
            order_no=bool(d.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# reinigung_fensterputz

_CLEANERS = (
    ("Glas- und Gebäudereinigung Krause e.K.", "Dirk Krause"),
    ("Glasklar Gebäudeservice GmbH", ""),
    ("Fensterputz Weber e.K.", "Sabine Weber"),
    ("Blickfrei Glasreinigung GmbH", ""),
    ("Gebäudereinigung Nowak GmbH & Co. KG", "Nowak Verwaltungs-GmbH"),
    ("Glas- und Gebäudereinigung Özdemir e.K.", "Ali Özdemir"),
    ("Hanseatische Glasreinigung GmbH", ""),
)
_CLEAN_TAGLINES = (
    "Glasreinigung · Unterhaltsreinigung · Fassadenreinigung",
    "Ihr Meisterbetrieb für Glas- und Gebäudereinigung",
    "Fenster · Rahmen · Wintergärten · Glasfassaden",
)
_GUILDS = (
    "Meisterbetrieb · Mitglied der Gebäudereiniger-Innung {city}",
    "Meisterbetrieb des Gebäudereiniger-Handwerks · Innungsmitglied",
    "Meisterbetrieb – Mitglied der Landesinnung des Gebäudereiniger-Handwerks",
)
_FLOOR_NAMES = ("EG", "1. OG", "2. OG", "3. OG", "4. OG")


def quarter_of(day: dt.date) -> tuple[int, dt.date, dt.date]:
    """The quarter before the one `day` falls in: its number, first and last day."""
    first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    last = first - dt.timedelta(days=1)
    start = dt.date(last.year, last.month - 2, 1)
    return (last.month // 3, start, last)


class ReinigungFensterputz(HandelLook):
    """A window cleaning company's quarterly invoice: window areas by the m², frames, a lift, extra jobs."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner = rng.choice(_CLEANERS)
        self.quarter, self.q_start, self.q_end = quarter_of(calm(data.date))
        day = self.q_end + dt.timedelta(days=rng.randint(2, 14))
        self.visits = rng.choice((1, 1, 2, 3, 3))
        span = (self.q_end - self.q_start).days
        picks = sorted(rng.sample(range(3, span - 3), self.visits))
        self.dates = [workday(self.q_start + dt.timedelta(days=k)) for k in picks]
        if len(set(self.dates)) < len(self.dates):
            self.dates = sorted(set(self.dates))
            self.visits = len(self.dates)
        ek = name.endswith("e.K.")
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if "KG" in name or ek else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("GR", "RE", "Q"))),
            f"{rng.choice(('info', 'buero', 'rechnung'))}@{slug(name)}-glasreinigung.de",
            customer_no=rng.choice((f"{rng.randint(1000, 9999)}", f"K{rng.randint(10000, 99999)}"))
            if rng.random() < 0.7
            else "",
            service_date=self.dates[0] if self.visits == 1 else None,
        )
        super().__init__(rng, data)
        self.setup(owner)
        self.contract = rng.choice(
            (
                f"RV-{rng.randint(100, 999)}",
                f"{rng.randint(2015, 2019)}-{rng.randint(10, 99)}",
                f"V {rng.randint(1000, 9999)}",
            )
        )
        self.signed = self.q_start - dt.timedelta(days=rng.randint(120, 2400))
        self.area = price_between(rng, 140, 720, "0.05")
        self.m2_price = price_between(rng, 0.85, 2.40, "0.05")
        self.layout = rng.choice(("groups", "dated", "summed"))
        if self.visits == 1:
            self.layout = rng.choice(("dated", "summed"))
        self.frames = rng.choice(("each", "once", "none"))
        self.frames_by = rng.choice(("m²", "Stk."))
        self.windows = rng.randint(24, 96)
        self.frame_price = (
            price_between(rng, 0.45, 0.95, "0.05")
            if self.frames_by == "m²"
            else price_between(rng, 2.5, 6, "0.10")
        )
        self.lift = rng.random() < 0.45
        self.lift_by = rng.choice(("Tag", "Std."))
        self.callout = price_between(rng, 15, 35, "0.50") if rng.random() < 0.3 else None
        self.special = rng.random() < 0.35
        self.debit = rng.random() < 0.3
        if self.debit:
            self.skonto = False
        self.floor_note = rng.random() < 0.5
        self.street = rng.choice(
            ("Speicherstraße", "Medienallee", "Am Kaiserkai", "Gutenbergring", "Hafenweg")
        )
        self.object = f"{self.street} {rng.randint(1, 80)}, {data.customer.city_line}"
        self.date_label = rng.choice(("Ausführungsdatum", "Leistungsdatum", "Reinigung am"))
        self.glass = rng.choice(
            (
                "Glasflächen innen und außen",
                "Fensterreinigung innen/außen",
                "Glasreinigung Fenster beidseitig",
            )
        )

    # -- the lines

    def floors(self) -> str:
        rng = self.rng
        n = rng.randint(2, 4)
        parts = [Decimal(rng.randint(20, 80)) for _ in range(n)]
        total = sum(parts, Decimal(0))
        shares = [round_cent(self.area * x / total) for x in parts[:-1]]
        shares.append(self.area - sum(shares, Decimal(0)))
        return " · ".join(f"{f} {self.p.number(a)} m²" for f, a in zip(_FLOOR_NAMES, shares, strict=False))

    def visit_lines(self, day: dt.date, first: bool) -> list[Line]:
        notes = (self.floors(),) if self.floor_note and first else ()
        out = [Line(LineItem(self.glass, "", self.area, "m²", self.m2_price, 19), notes, day=day)]
        if self.frames == "each" or (self.frames == "once" and first):
            out.append(self.frame_line(day))
        if self.callout is not None:
            out.append(
                Line(LineItem("Anfahrtspauschale", "", Decimal(1), "pausch.", self.callout, 19), day=day)
            )
        if self.lift and first:
            out.append(self.lift_line(day))
        return out

    def frame_line(self, day: dt.date | None, times: int = 1) -> Line:
        text = "Rahmenreinigung (Rahmen, Falze, Fensterbänke)"
        if self.frames == "once":
            text += f" – einmal im {self.quarter}. Quartal"
        qty = self.area if self.frames_by == "m²" else Decimal(self.windows)
        unit = "m²" if self.frames_by == "m²" else "Fenster"
        return Line(LineItem(text, "", qty * times, unit, self.frame_price, 19), day=day)

    def lift_line(self, day: dt.date | None) -> Line:
        rng = self.rng
        text = rng.choice(
            ("Hubsteiger 20 m Arbeitshöhe inkl. An- und Abfahrt", "Arbeitsbühne / Hubsteiger 18 m")
        )
        if self.lift_by == "Tag":
            item = LineItem(text, "", Decimal(1), "Tag", price_between(rng, 240, 420, "5"), 19)
        else:
            item = LineItem(
                text, "", Decimal(rng.randint(3, 8)), "Std.", price_between(rng, 55, 95, "2.50"), 19
            )
        return Line(item, ("für die Glasflächen ab 2. OG (außen)",), day=day)

    def summed_lines(self) -> list[Line]:
        p, n = self.p, self.visits
        text = f"{self.glass}, {n} Reinigung{'en' if n > 1 else ''} à {p.number(self.area)} m²"
        notes = [f"ausgeführt am {', '.join(p.date(x) for x in self.dates)}"] if n > 1 else []
        if self.floor_note:
            notes.append(self.floors())
        out = [Line(LineItem(text, "", self.area * n, "m²", self.m2_price, 19), tuple(notes))]
        if self.frames != "none":
            out.append(self.frame_line(None, n if self.frames == "each" else 1))
        if self.callout is not None:
            out.append(
                Line(LineItem("Anfahrtspauschale je Einsatz", "", Decimal(n), "Einsätze", self.callout, 19))
            )
        if self.lift:
            out.append(self.lift_line(None))
        return out

    def special_line(self) -> Line:
        rng, p = self.rng, self.p
        day = workday(self.dates[-1] - dt.timedelta(days=rng.randint(5, 20)))
        day = max(day, self.q_start)
        what = rng.choice(
            (
                "Sonderreinigung: Entfernung Baustellenverschmutzung Glasfassade",
                "Sonderreinigung Glasdach Innenhof",
                "Sonderreinigung: Entfernung alter Klebefolien / Beschriftung Schaufenster",
            )
        )
        note = (
            f"einmalig am {p.date(day)}, lt. Auftrag vom {p.date(day - dt.timedelta(days=rng.randint(2, 9)))}"
        )
        if rng.random() < 0.5:
            hours = Decimal(rng.randint(4, 12)) / 2
            rate = price_between(rng, 32, 44, "0.50")
            return Line(
                LineItem(what, "", hours * 2, "Std.", rate, 19),
                (f"2 Reinigungskräfte × {quantity(hours, p)} Std., {note}",),
                day=day,
            )
        return Line(
            LineItem(what, "", Decimal(1), "pausch.", price_between(rng, 120, 480, "10"), 19),
            (note,),
            day=day,
        )

    def lines(self) -> list[Line]:
        if self.layout == "summed":
            out = self.summed_lines()
        else:
            out = []
            for k, day in enumerate(self.dates):
                out += [dataclasses.replace(x, group=k) for x in self.visit_lines(day, k == 0)]
        if self.special:
            out.append(dataclasses.replace(self.special_line(), group=len(self.dates)))
        return out

    # -- the page

    def dates_text(self) -> str:
        p = self.p
        days = [p.date(x) for x in self.dates]
        return days[0] if len(days) == 1 else ", ".join(days[:-1]) + " und " + days[-1]

    def period_text(self) -> str:
        p = self.p
        return f"{self.quarter}. Quartal {self.q_end.year} ({p.date(self.q_start)} – {p.date(self.q_end)})"

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        rows.append((rng.choice(("Vertrags-Nr.", "Vertragsnummer", "Rahmenvertrag")), self.contract))
        if self.visits == 1:
            rows.append((self.date_label, p.date(self.dates[0])))
        return rows

    def subject(self, y: float) -> float:
        c, rng, L = self.c, self.rng, self.LEFT
        lines = [
            (
                rng.choice(
                    ("Glasreinigung", "Fenster- und Rahmenreinigung", "Quartalsabrechnung Glasreinigung")
                )
                + f" {self.quarter}. Quartal {self.q_end.year}",
                True,
            ),
            (f"Objekt: {self.object}", False),
            (f"Leistungszeitraum: {self.period_text()}", False),
        ]
        if self.visits > 1:
            lines.append(
                (f"{rng.choice(('Ausführungstermine', 'Reinigungstermine'))}: {self.dates_text()}", False)
            )
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def rows(self, lines: list[Line]) -> list[Row]:
        out: list[Row] = []
        for n, line in enumerate(lines, 1):
            if self.layout == "groups" and (n == 1 or lines[n - 2].group != line.group):
                head = (
                    f"Reinigung am {self.p.date(line.day)}"
                    if line.group < len(self.dates) and line.day
                    else "Zusätzliche Leistungen"
                )
                out.append(Row("group", {"desc": head}))
            out.append(self.row(n, line))
        return out

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.debit:
            masked = f"DE{rng.randint(10, 99)} **** **** **** **{rng.randint(10, 99)} {rng.randint(10, 99)}"
            cid = f"DE{rng.randint(10, 99)}ZZZ0000{rng.randint(1000000, 9999999)}"
            when = d.date + dt.timedelta(days=rng.choice((5, 7, 10)))
            texts.append(
                (
                    f"Der Rechnungsbetrag wird am {p.date(when)} per SEPA-Lastschrift von Ihrem Konto "
                    f"{masked} eingezogen. Gläubiger-ID {cid}, Mandatsreferenz {self.contract}.",
                    True,
                )
            )
        else:
            texts.append((self.pay_text(due), True))
        keep = len(texts)
        texts.append(
            (
                f"Grundlage: Reinigungsvertrag Nr. {self.contract} vom {p.date(self.signed)}, Abrechnung "
                "vierteljährlich nachträglich.",
                False,
            )
        )
        if rng.random() < 0.5:
            nxt = self.q_end + dt.timedelta(days=rng.randint(10, 40))
            texts.append(
                (
                    f"Die nächste Glasreinigung ist für KW {nxt.isocalendar()[1]} geplant; wir melden uns "
                    "vorab zur Terminabstimmung.",
                    False,
                )
            )
        return self.short_texts(y, texts, keep)

    def footer(self) -> None:
        super().footer()
        c, L, R = self.c, self.LEFT, self.RIGHT
        text = self.guild.format(city=self.data.supplier.city)
        c.fit_text((L + R) / 2, self.FOOT + 76, text, 6.8, R - L, align="center", bold=True)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.guild = rng.choice(_GUILDS)
        lines = self.lines()
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        self.letterhead(rng.choice(_CLEAN_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        self.vat_column = False
        cols = columns(self.spec(self.layout == "dated"), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(lines), rng.random() < 0.5)
        y = self.all_totals(y, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "reinigung_fensterputz: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.25),
            service_date=self.visits == 1,
            customer_no=bool(d.customer_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

HANDEL_FAMILIES: dict[str, type[TripSheet]] = {
    "werbemittel_druck": WerbemittelDruck,
    "reinigung_fensterputz": ReinigungFensterputz,
}


def draw_handel(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(HANDEL_FAMILIES[name], name, seed)
