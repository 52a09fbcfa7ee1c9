"""Two invoice layout families of a beverage wholesaler and of an event technology rental company, designed
blind (session 17).

Like `families_dienst`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_getraenk(name, seed)`. Both draw on `DienstSheet` of `families_dienst` (its letterheads, detail blocks,
table heads, totals and paragraphs, whose look varies per seed), add detail blocks and totals of their own,
and return a `TripDrawing` (truth keys only for values printed).

- `getraenke_pfand`: a beverage wholesaler's delivery invoice to an agency's office: water, juices, soft
  drinks, milk and coffee beans, on some seeds beer, a keg, sparkling wine and a tap for the office party.
  Article numbers ("Art.-Nr." column or before the text), the pack ("Kasten 12 x 1,0 l PET", "Tray 24 x 0,25 l
  Dose", "Fass 30 l") in its own column or in the text, quantities in crates, bottles or bags, unit prices and
  a VAT column printed as "19 %" / "7 %", as codes "1" / "2" or "A" / "B" with a legend under the table. VAT
  is mixed on most seeds: milk, coffee beans, tea, biscuits and ice at 7 %, everything else (oat drink too) at
  19 %. Deposits carry their drink's rate: "Pfand Kasten" 1,50 and "Pfand Flasche 0,15" / "0,08", "Einwegpfand
  0,25", "Pfand Fass 30 l" 30,00, either one line per crate and per bottle, or one combined line per crate
  ("Pfand 12 x 0,15 + 1,50", 3,30), each after its drink or summed by kind and rate after the goods.
  Returned empties ("Leergut-Rücknahme") are negative lines at the rates of their drinks. A delivery fee or a
  small-order surcharge on some seeds. The head: invoice number and date, customer number, the delivery note
  ("Lieferschein-Nr." with its own number), the tour and/or the driver, the delivery date ("Lieferdatum",
  "Liefertag", "geliefert am") on most seeds, the customer's order number ("Kunden-Bestellnr.", "Ihre
  Bestellnummer") and its date on some. Totals: subtotals of goods, deposit and empties on most seeds, then
  the net, VAT per rate and gross as rows, as a table by rate with a payable box, or in two columns. Payment
  by SEPA direct debit (debit date, the customer's masked IBAN, Mandatsreferenz, Gläubiger-ID) or by transfer
  within a term, with Skonto on goods but not on deposits on some seeds. The seller a GmbH & Co. KG (HRA, its
  general partner "Verwaltungs-GmbH" with its HRB and managing director) or a family business "e.K." (owner,
  HRA); USt-IdNr. (the Steuernummer too on some seeds), bank, phone and fax. Truth: the usual keys;
  `leistungsdatum` the delivery date where printed under such a label; `kundennummer` always; `bestellnummer`
  the customer's order number where printed (never the delivery note's number).
- `veranstaltungstechnik_miete`: an event technology rental company's invoice for an agency's event (summer
  party, product launch, gala, conference): the event's name and venue, the rental period ("Mietzeitraum
  14.06.–16.06.2024" in several forms) and the event day(s), the offer ("Angebot Nr. AN-2024-0456 vom
  02.05.2024"), on some seeds the company's order confirmation and the customer's order number. Rental items
  grouped by department (sound, light, video, stage, power and cables) with quantity, day rate and a day
  factor for the period ("Faktor 1,5": in its own column, in a note under the item, or once in the head with
  the period's prices), LED walls by m²; group subtotals on some seeds. Crew hours (sound and light
  technicians, video operator, stagehands: persons × hours) with a night surcharge on some seeds, the project
  manager's lump sum, transport as a lump sum or km × rate; a discount on the rental material ("Rabatt 10 %
  auf Mietmaterial", its base printed on some seeds) in the table or in the totals; a damage waiver /
  insurance as a percent of the rental; 19 % throughout. A deposit ("Kaution") on some seeds: deducted after
  the gross ("abzgl. Kaution vom ...", a remaining amount to pay), refunded separately, or only mentioned.
  The seller a GmbH (HRB, Geschäftsführer, USt-IdNr., Steuernummer on some seeds); two pages with "Übertrag"
  when the positions run long. Truth: the usual keys (the gross before any deposit is deducted);
  `leistungsdatum` the event day on seeds that print a single "Leistungsdatum" / "Leistungstag";
  `kundennummer` and `bestellnummer` (the customer's order number, never the offer's or the confirmation's)
  where printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % and 5 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import DienstSheet, Row, ordinary
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
)
from benchmarks.synth.families_recht import rate_summary
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import PALE, RULE
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    VatLine,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import Align
from benchmarks.synth.printed import Printer

# The agencies that receive these invoices.
_AGENCIES = (
    "Werbeagentur Blickwinkel GmbH",
    "Eventagentur Hochform GmbH",
    "Pixelwerk Digitalagentur GmbH",
    "Lichtblick Kommunikation GmbH",
    "Kreativbüro Nordwind GmbH",
    "Sommer & Roth Markenkommunikation",
    "Agentur Hansen Promotion GmbH",
    "Fuchs & Partner Werbeagentur",
    "Kontrast Live Marketing GmbH",
)
_MANAGERS = ("Klaus Brinkmann", "Heike Albers", "Thomas Wegener", "Sandra Kühn", "Ralf Dietrich", "Anja Voss")


def price_between(rng: random.Random, lo: float, hi: float, step: str = "0.01") -> Decimal:
    """A price between `lo` and `hi` on a grid of `step` (0,50 for day rates, 0,01 for goods)."""
    unit = Decimal(step)
    n = rng.randint(int(Decimal(str(lo)) / unit), int(Decimal(str(hi)) / unit))
    return n * unit


class RentalLook(DienstSheet):
    """A `DienstSheet` with one more way of printing the details: label and value rows in two columns under
    the address, across the page."""

    def look(self) -> None:
        super().look()
        if self.rng.random() < 0.25:
            self.details = "under"

    def details_block(self, rows: Sequence[tuple[str, str]], title: str) -> float:
        if self.details != "under":
            return super().details_block(rows, title)
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        sender = f"{s.name} · {s.street} · {s.city_line}"
        y = self.window(L, self.window_y, [r.name, r.contact, r.street, r.city_line], 10, sender=sender)
        y += 18
        c.text(L, y, title, 14, bold=True, colour=self.brand)
        y += 8
        c.line(L, y, R, y, width=0.5, colour=RULE)
        half = (R - L) / 2
        top = y + 13
        for i, (label, value) in enumerate(rows):
            x, row_y = L + (i % 2) * half, top + (i // 2) * 12.0
            c.text(x, row_y, f"{label}:", 8.5, colour=GREY)
            c.fit_text(x + 104, row_y, value, 8.8, half - 110, bold=i < 2)
        y = top + 12 * ((len(rows) + 1) // 2) - 4
        c.line(L, y, R, y, width=0.5, colour=RULE)
        return y + 10

    def short_texts(self, y: float, texts: list[tuple[str, bool]], keep: int, size: float = 8.3) -> float:
        """The paragraphs, leaving out those after the first `keep` when all of them would not fit the page
        (as a letter is shortened to end on its page); onto a new page when even those do not fit."""
        width = self.RIGHT - self.LEFT

        def height(texts: list[tuple[str, bool]]) -> float:
            return sum(size * 1.35 * len(self.c.wrap(t, width, size, bold)) + 4 for t, bold in texts) + 6

        while len(texts) > keep and y + height(texts) > self.limit:
            texts = texts[:-1]
        if y + height(texts) > self.limit:
            y = self.next_page()
        return self.texts(y, texts, size)

    def pay_box(self, y: float, label: str, value: Decimal) -> float:
        """A shaded box at the right with the payable amount."""
        c, R = self.c, self.RIGHT
        c.box(R - 253, y - 12, R + 3, y + 5, fill=PALE, stroke=self.brand, width=0.6)
        c.text(R - 248, y, label, 9.5, bold=True)
        c.text(R - 2, y, self.p.amount(value), 9.5, bold=True, align="right")
        return y + 12


# ---------------------------------------------------------------------------
# getraenke_pfand

_WHOLESALERS_KG = (
    ("Getränkeland Schulte GmbH & Co. KG", "Schulte Verwaltungs-GmbH"),
    ("Quellfrisch Getränkevertrieb GmbH & Co. KG", "Quellfrisch Beteiligungs GmbH"),
    ("Durstlöscher Getränkelogistik GmbH & Co. KG", "Durstlöscher Verwaltungs GmbH"),
    ("Getränke-Fachgroßhandel Menke GmbH & Co. KG", "Menke Verwaltungsgesellschaft mbH"),
)
_WHOLESALERS_EK = (
    ("Getränke Brinkmann e.K.", "Klaus Brinkmann"),
    ("Getränkehandel Albers e.K.", "Heike Albers"),
    ("Getränke-Service Kaiser e.K.", "Michael Kaiser"),
    ("Getränkevertrieb Wegener e.K.", "Thomas Wegener"),
)
_DRIVERS = ("M. Kowalski", "S. Demir", "J. Brandt", "A. Nowak", "T. Lange", "R. Yilmaz")


@dataclass(frozen=True)
class Drink:
    """A catalog article: text, pack, unit, price range, VAT rate, deposit (crate, bottles, per bottle)."""

    art: int
    text: str
    pack: str
    unit: str
    lo: float
    hi: float
    rate: int
    crate: bool = False
    bottles: int = 0
    bottle: str = ""  # deposit per bottle: 0.15, 0.08, 0.25 (one-way), 30.00 (keg)
    most: int = 6


_OFFICE = (
    Drink(
        1012, "Mineralwasser Classic", "Kasten 12 x 0,7 l Glas", "Ka.", 5.49, 7.99, 19, True, 12, "0.15", 10
    ),
    Drink(1014, "Mineralwasser Medium", "Kasten 12 x 1,0 l PET", "Ka.", 5.29, 7.49, 19, True, 12, "0.15", 10),
    Drink(1019, "Mineralwasser Still", "Kasten 12 x 0,75 l Glas", "Ka.", 6.99, 9.49, 19, True, 12, "0.15", 8),
    Drink(
        1031, "Mineralwasser still", "Pack 6 x 1,5 l PET Einweg", "Pk.", 2.49, 3.99, 19, False, 6, "0.25", 8
    ),
    Drink(2104, "Apfelsaft naturtrüb", "Kasten 6 x 1,0 l Glas", "Ka.", 7.99, 10.99, 19, True, 6, "0.15", 4),
    Drink(
        2110,
        "Orangensaft 100 % Direktsaft",
        "Kasten 6 x 1,0 l Glas",
        "Ka.",
        9.49,
        12.99,
        19,
        True,
        6,
        "0.15",
        3,
    ),
    Drink(2203, "Apfelschorle", "Kasten 12 x 1,0 l PET", "Ka.", 7.49, 9.99, 19, True, 12, "0.15", 5),
    Drink(3001, "Cola", "Kasten 12 x 1,0 l PET", "Ka.", 9.49, 12.49, 19, True, 12, "0.15", 4),
    Drink(3004, "Cola Zero", "Kasten 24 x 0,33 l Glas", "Ka.", 12.99, 16.99, 19, True, 24, "0.08", 3),
    Drink(3120, "Zitronenlimonade", "Kasten 20 x 0,5 l Glas", "Ka.", 12.49, 15.99, 19, True, 20, "0.08", 3),
    Drink(3215, "Mate-Eistee", "Kasten 20 x 0,5 l Glas", "Ka.", 17.99, 22.99, 19, True, 20, "0.08", 3),
    Drink(3310, "Energy Drink", "Tray 24 x 0,25 l Dose", "Tray", 19.99, 27.99, 19, False, 24, "0.25", 2),
)
_REDUCED = (
    Drink(5001, "Frischmilch 3,5 % Fett", "Kasten 6 x 1,0 l Glas", "Ka.", 7.49, 9.49, 7, True, 6, "0.15", 3),
    Drink(5012, "H-Milch 1,5 % Fett", "Karton 12 x 1,0 l", "Kt.", 11.99, 15.99, 7, most=4),
    Drink(6010, "Kaffee Crema, ganze Bohne", "Beutel 1 kg", "Btl.", 14.99, 24.99, 7, most=6),
    Drink(6015, "Espresso, ganze Bohne", "Beutel 1 kg", "Btl.", 16.99, 27.99, 7, most=4),
    Drink(6120, "Tee-Sortiment", "Box 6 x 25 Beutel", "Box", 8.99, 14.99, 7, most=3),
    Drink(7004, "Butterkekse", "Karton 12 x 200 g", "Kt.", 14.99, 21.99, 7, most=2),
)
_OAT = Drink(5120, "Haferdrink Barista", "Karton 12 x 1,0 l", "Kt.", 17.99, 26.99, 19, most=2)
_PARTY = (
    Drink(4010, "Pils", "Kasten 20 x 0,5 l Glas", "Ka.", 13.99, 17.99, 19, True, 20, "0.08", 6),
    Drink(4022, "Helles", "Kasten 20 x 0,5 l Glas", "Ka.", 14.49, 18.49, 19, True, 20, "0.08", 5),
    Drink(4030, "Radler", "Kasten 24 x 0,33 l Glas", "Ka.", 13.49, 17.49, 19, True, 24, "0.08", 3),
    Drink(4055, "Weizen alkoholfrei", "Kasten 20 x 0,5 l Glas", "Ka.", 14.99, 18.99, 19, True, 20, "0.08", 3),
    Drink(4090, "Pils vom Fass", "Fass 30 l", "Fass", 79.0, 119.0, 19, False, 1, "30.00", 2),
    Drink(8010, "Sekt trocken", "Karton 6 x 0,75 l", "Kt.", 29.94, 47.94, 19, most=3),
    Drink(8044, "Weißwein trocken", "Karton 6 x 0,75 l", "Kt.", 35.94, 59.94, 19, most=2),
    Drink(9501, "Eiswürfel", "Beutel 2 kg", "Btl.", 1.99, 3.49, 7, most=10),
)
_TAP = ("Leihgebühr Zapfanlage 1-leitig inkl. CO2", "pausch.", 25.0, 45.0)
# Deposits: (kind, per-bottle label variants).
_BOTTLE = {
    "0.15": ("Pfand Flasche 0,15", "Pfand Mehrwegflasche 0,15", "Flaschenpfand 0,15"),
    "0.08": ("Pfand Flasche 0,08", "Pfand Bierflasche 0,08", "Flaschenpfand 0,08"),
    "0.25": ("Einwegpfand 0,25", "Pfand Einweg (DPG) 0,25", "Einwegpfand DPG"),
    "30.00": ("Pfand Fass 30 l", "Fasspfand 30 l", "Pfand KEG 30 l"),
}
_CRATE = ("Pfand Kasten", "Kastenpfand", "Pfand Kasten leer")
_CRATE_PRICE = Decimal("1.50")


@dataclass(frozen=True)
class Line:
    """One printed item line: its kind (goods, deposit, empties, fee), item, article number and pack."""

    kind: str
    item: LineItem
    art: str = ""
    pack: str = ""
    note: str = ""


class GetraenkePfand(RentalLook):
    """A beverage wholesaler's delivery invoice with deposits and returned empties at their drinks' rates."""

    FONTS = ("liberation-sans", "dejavu-sans-condensed", "dejavu-sans", "liberation-mono", "liberation-serif")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.kg = rng.random() < 0.55
        if self.kg:
            name, self.partner = rng.choice(_WHOLESALERS_KG)
            self.owner = ""
        else:
            name, self.owner = rng.choice(_WHOLESALERS_EK)
            self.partner = ""
        delivered = ordinary(data.date)
        self.when = rng.choice(("same", "same", "later", "week_end"))
        day = {
            "same": delivered,
            "later": delivered + dt.timedelta(days=rng.randint(1, 3)),
            "week_end": delivered + dt.timedelta(days=(4 - delivered.weekday()) % 7),
        }[self.when]
        n = rng.randint(1, 999999)
        number = rng.choice(
            (
                f"RG {day.year % 100}-{n:06d}",
                f"{rng.randint(2000000, 2999999)}",
                f"R-{day.year}-{n:06d}",
                f"{day.year % 100}{n:06d}",
                f"VR{n:06d}",
            )
        )
        self.note_no = rng.choice(
            (
                f"LS {rng.randint(4000000, 4999999)}",
                f"{rng.randint(100000, 999999)}",
                f"LS-{day.year}-{rng.randint(1, 99999):05d}",
                f"L{rng.randint(10000000, 99999999)}",
            )
        )
        short = name.split()[1 if name.startswith("Getränke") and " " in name else 0].lower()
        short = short.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").strip(",.-")
        ordered = rng.random() < 0.4
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=delivered,
            due_date=day + dt.timedelta(days=rng.choice((7, 10, 14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (
                    f"{rng.randint(10000, 99999)}",
                    f"D{rng.randint(100000, 999999)}",
                    f"KD-{rng.randint(1000, 9999)}",
                )
            ),
            order_no=rng.choice(
                (
                    f"BE-{delivered.year}-{rng.randint(1, 999):03d}",
                    f"{rng.randint(1000, 9999)}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"Büro/{rng.randint(10, 99)}",
                )
            )
            if ordered
            else "",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('info', 'bestellung', 'rechnung', 'buchhaltung'))}@{short}-getraenke.de",
            register=f"HRA {rng.randint(1000, 29999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "both" if rng.random() < 0.3 else "vat"
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short", "de_long")),
        )
        self.delivery_shown = rng.random() < 0.8
        self.delivery_label = rng.choice(("Lieferdatum", "Lieferdatum", "Liefertag", "geliefert am"))
        self.ordered_on = delivered - dt.timedelta(days=rng.randint(1, 6))
        self.order_day_shown = rng.random() < 0.5
        self.tour = rng.choice(
            (
                f"Tour {rng.randint(1, 24):02d}",
                f"Tour {rng.randint(100, 399)}",
                f"{rng.randint(1, 9)}-{rng.randint(10, 60)}",
            )
        )
        self.driver = rng.choice(_DRIVERS)
        self.tour_as = rng.choice(("tour", "driver", "both"))
        self.party = rng.random() < 0.4
        self.reduced = rng.random() < 0.85
        self.deposit_style = rng.choice(("split", "split", "combined"))
        self.deposit_place = rng.choice(("inline", "end"))
        self.empties = rng.random() < 0.75
        self.fee = rng.choice(("", "", "delivery", "floor", "small"))
        self.vat_as = rng.choice(("percent", "percent", "code", "letter"))
        self.pack_column = rng.random() < 0.55
        self.art_column = rng.random() < 0.75
        self.summary = rng.random() < 0.65
        self.sum_style = rng.choice(("rows", "rows", "table", "table", "split"))
        self.payment = rng.choice(("debit", "debit", "transfer"))
        self.skonto = self.payment == "transfer" and rng.random() < 0.5
        self.own_bank = self.payment == "transfer" or rng.random() < 0.7
        self.with_bic = rng.random() < 0.8
        self.fax = rng.random() < 0.6
        self.note_in_table = rng.random() < 0.35

    # -- the lines

    def drinks(self) -> list[Drink]:
        rng = self.rng
        chosen = rng.sample(_OFFICE, rng.randint(2, 3 if self.party else 4))
        if self.reduced:
            chosen += rng.sample(_REDUCED, rng.randint(1, 2))
        if rng.random() < 0.25:
            chosen.append(_OAT)
        if self.party:
            chosen += rng.sample(_PARTY, rng.randint(2, 3))
        most = 5 if self.deposit_place == "inline" else 7
        if len(chosen) > most:  # the first water or soft drink stays: every delivery brings crates
            chosen = chosen[:1] + rng.sample(chosen[1:], most - 1)
        return chosen

    def art(self, number: int) -> str:
        return {0: f"{number}", 1: f"{number:05d}", 2: f"{number}-0{self.rng.randint(1, 9)}"}[self.art_scheme]

    def deposits(self, drink: Drink, count: Decimal, kind: str) -> list[Line]:
        """The deposit lines of `count` units of `drink` (negative counts: empties returned)."""
        p = self.p
        if not drink.bottle:
            return []
        bottle = Decimal(drink.bottle)
        back = kind == "empties"
        prefix = "Leergut-Rücknahme " if back else ""
        lines: list[Line] = []
        if drink.bottle == "30.00":
            label = (prefix + "Fass 30 l") if back else self.bottle_labels["30.00"]
            return [Line(kind, LineItem(label, "", count, "Fass", bottle, drink.rate), "P30")]
        if self.deposit_style == "combined" and drink.crate:
            price = _CRATE_PRICE + bottle * drink.bottles
            text = f"{drink.bottles} x {p.number(bottle)} + {p.number(_CRATE_PRICE)}"
            label = f"{prefix}{text}" if back else f"Pfand {text}"
            return [Line(kind, LineItem(label, "", count, "Ka.", price, drink.rate), f"P{int(price * 100)}")]
        if drink.crate:
            label = f"{prefix}Kasten" if back else self.crate_label
            lines.append(Line(kind, LineItem(label, "", count, "Ka.", _CRATE_PRICE, drink.rate), "P150"))
        label = self.bottle_labels[drink.bottle]
        if back:
            label = f"Leergut Flasche {p.number(bottle)}"
        unit = "Fl." if drink.bottle != "0.25" or "Dose" not in drink.pack else "Dose"
        lines.append(
            Line(
                kind,
                LineItem(label, "", count * drink.bottles, unit, bottle, drink.rate),
                f"P{int(bottle * 100):03d}",
            )
        )
        return lines

    def lines(self) -> tuple[list[Line], list[Line], list[Line]]:
        """Goods (with their deposits inline on some seeds), deposits summed at the end, empties and fees."""
        rng = self.rng
        self.art_scheme = rng.randint(0, 2)
        self.crate_label = rng.choice(_CRATE)
        self.bottle_labels = {k: rng.choice(v) for k, v in _BOTTLE.items()}
        goods: list[Line] = []
        deposits: list[Line] = []
        delivered: list[tuple[Drink, int]] = []
        for drink in self.drinks():
            count = rng.randint(1, drink.most)
            delivered.append((drink, count))
            price = price_between(rng, drink.lo, drink.hi)
            if drink.text.startswith("Kaffee") or drink.text.startswith("Espresso"):
                price = price_between(rng, drink.lo, drink.hi, "0.10") - Decimal("0.01")
            text = drink.text if self.pack_column else f"{drink.text}, {drink.pack}"
            item = LineItem(text, "", Decimal(count), drink.unit, price, drink.rate)
            goods.append(Line("goods", item, self.art(drink.art), drink.pack))
            own = self.deposits(drink, Decimal(count), "deposit")
            if self.deposit_place == "inline":
                goods += own
            else:
                deposits += own
        if self.party and rng.random() < 0.6:
            text, unit, lo, hi = _TAP
            goods.append(
                Line(
                    "goods",
                    LineItem(text, "", Decimal(1), unit, price_between(rng, lo, hi, "0.50"), 19),
                    "9900",
                )
            )
        deposits = self.summed(deposits)
        empties: list[Line] = []
        if self.empties:
            kinds = [(d, n) for d, n in delivered if d.bottle and d.bottle != "0.25"]
            for drink, n in rng.sample(kinds, min(len(kinds), rng.randint(1, 3))):
                back = Decimal(-rng.randint(1, n + 2)) if drink.bottle != "30.00" else Decimal(-1)
                empties += self.deposits(drink, back, "empties")
            empties = self.summed(empties)
        fees: list[Line] = []
        if self.fee:
            text = {
                "delivery": rng.choice(
                    ("Anlieferung frei Verwendungsstelle", "Zustellpauschale", "Lieferpauschale")
                ),
                "floor": rng.choice(("Etagenzustellung ohne Aufzug", "Zustellung ins 3. OG (Treppe)")),
                "small": "Mindermengenzuschlag",
            }[self.fee]
            price = price_between(rng, 4.5, 19.5, "0.50")
            fees.append(Line("fee", LineItem(text, "", Decimal(1), "pausch.", price, 19), "9990"))
        return goods, deposits, self.positive(goods + deposits, empties) + fees

    @staticmethod
    def summed(lines: list[Line]) -> list[Line]:
        """Lines of the same text and rate summed (the deposits of several drinks in one line)."""
        out: dict[tuple[str, int, Decimal], Line] = {}
        for line in lines:
            key = (line.item.description, line.item.rate, line.item.unit_price)
            if key in out:
                old = out[key]
                item = dataclasses.replace(old.item, quantity=old.item.quantity + line.item.quantity)
                out[key] = dataclasses.replace(old, item=item)
            else:
                out[key] = line
        return list(out.values())

    @staticmethod
    def positive(charged: list[Line], empties: list[Line]) -> list[Line]:
        """The empties, fewer where a rate's net would not stay well above zero."""
        kept = list(empties)
        while kept:
            bases = vat_breakdown([x.item for x in charged + kept])
            if all(v.base > 5 for v in bases):
                break
            kept.pop()
        return kept

    # -- the table

    def vat_mark(self, rate: int) -> str:
        if self.vat_as == "percent":
            return f"{rate} %"
        return {"code": {19: "1", 7: "2"}, "letter": {19: "A", 7: "B"}}[self.vat_as][rate]

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = []
        if self.art_column:
            spec.append(("art", rng.choice(("Art.-Nr.", "Artikel", "ArtNr")), 50, "left"))
        spec.append(
            ("desc", rng.choice(("Bezeichnung", "Artikelbezeichnung", "Artikel / Gebinde")), 0, "left")
        )
        if self.pack_column:
            spec.append(("pack", rng.choice(("Gebinde", "Verpackung")), 104, "left"))
        spec += [
            ("qty", rng.choice(("Menge", "Anz.", "Mge.")), 44, "right"),
            ("unit", "ME", 30, "left"),
            ("price", rng.choice(("E-Preis", "Einzelpreis", "Preis €")), 54, "right"),
            ("vat", rng.choice(("MwSt", "USt", "St.")), 34, "right"),
            ("total", rng.choice(("Betrag", "Gesamt", "Betrag €")), 62, "right"),
        ]
        return spec

    def row(self, line: Line) -> Row:
        item, p = line.item, self.p
        desc = item.description if self.art_column or not line.art else f"{line.art} {item.description}"
        values = {
            "art": line.art,
            "desc": desc,
            "pack": line.pack,
            "qty": quantity(item.quantity, p),
            "unit": item.unit,
            "price": p.number(item.unit_price),
            "vat": self.vat_mark(item.rate),
            "total": p.number(item.total),
        }
        return Row("item", values, item, (line.note,) if line.note else ())

    def rows(self, goods: list[Line], deposits: list[Line], rest: list[Line]) -> list[Row]:
        rng = self.rng
        out: list[Row] = []
        if self.note_in_table:
            when = f" vom {self.p.date(self.data.service_date)}" if self.delivery_shown else ""
            out.append(Row("group", {"desc": f"Lieferschein-Nr. {self.note_no}{when}"}))
        out += [self.row(line) for line in goods]
        if deposits:
            out.append(
                Row("group", {"desc": rng.choice(("Pfand", "Pfand / Leihgebinde", "Pfandberechnung"))})
            )
            out += [self.row(line) for line in deposits]
        empties = [line for line in rest if line.kind == "empties"]
        if empties:
            out.append(
                Row("group", {"desc": rng.choice(("Leergut-Rücknahme", "Leergutgutschrift", "Leergut"))})
            )
            out += [self.row(line) for line in empties]
        out += [self.row(line) for line in rest if line.kind == "fee"]
        return out

    # -- the head

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        assert d.service_date is not None
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.", "Beleg-Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum", "Belegdatum")), p.date(d.date)),
            (rng.choice(("Kunden-Nr.", "Kundennummer", "Kd.-Nr.")), d.customer_no),
        ]
        if not self.note_in_table:
            rows.append((rng.choice(("Lieferschein-Nr.", "Lieferschein", "LS-Nr.")), self.note_no))
        if self.delivery_shown:
            rows.append((self.delivery_label, p.date(d.service_date)))
        if self.tour_as in ("tour", "both"):
            rows.append(("Tour", self.tour.replace("Tour ", "")))
        if self.tour_as in ("driver", "both"):
            rows.append((rng.choice(("Fahrer", "Fahrer/in")), self.driver))
        if d.order_no:
            rows.append(
                (rng.choice(("Kunden-Bestellnr.", "Ihre Bestellnummer", "Ihre Bestell-Nr.")), d.order_no)
            )
            if self.order_day_shown:
                rows.append(("Bestellt am", p.date(self.ordered_on)))
        return rows

    # -- the totals

    def sums(self, goods: list[Line], deposits: list[Line], rest: list[Line]) -> list[tuple[str, Decimal]]:
        rng = self.rng
        everything = goods + deposits + rest
        ware = sum((x.item.total for x in everything if x.kind == "goods"), Decimal(0))
        pfand = sum((x.item.total for x in everything if x.kind == "deposit"), Decimal(0))
        leer = sum((x.item.total for x in everything if x.kind == "empties"), Decimal(0))
        fee = sum((x.item.total for x in everything if x.kind == "fee"), Decimal(0))
        out = [(rng.choice(("Warenwert", "Summe Ware", "Warenwert netto")), ware)]
        if pfand:
            out.append((rng.choice(("Pfand", "Summe Pfand", "Pfand netto")), pfand))
        if leer:
            out.append((rng.choice(("Leergut", "Leergutgutschrift", "Summe Leergut")), leer))
        if fee:
            out.append((rng.choice(("Nebenkosten", "Lieferkosten", "Zuschläge")), fee))
        return out

    def vat_label(self, v: VatLine, with_base: bool) -> str:
        base = f" auf {self.p.number(v.base)}" if with_base else ""
        return self.rng.choice(("MwSt. {r} %{b}", "zzgl. {r} % USt.{b}", "USt {r} %{b}")).format(
            r=v.rate, b=base
        )

    def vat_sum_label(self) -> str:
        return self.rng.choice(("Summe MwSt.", "MwSt. gesamt", "USt gesamt"))

    def gross_label(self) -> str:
        label = self.rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Endbetrag", "Zu zahlen"))
        return label + (" EUR" if self.p.currency == "none" else "")

    def draw_totals(self, y: float, lines: list[VatLine], sums: list[tuple[str, Decimal]]) -> float:
        rng, p = self.rng, self.p
        net = sum((v.base for v in lines), Decimal(0))
        gross = net + sum((v.amount for v in lines), Decimal(0))
        net_label = rng.choice(("Nettobetrag", "Summe netto", "Netto gesamt"))
        if self.sum_style == "table":
            if y + 120 > self.limit:
                y = self.next_page()
            if self.summary:
                text = "   ".join(f"{label}: {p.amount(value)}" for label, value in sums)
                self.c.fit_text(self.LEFT, y + 16, text, 8.5, self.RIGHT - self.LEFT)
                y += 10
            heads = (
                ("MwSt-Satz", "Netto", "MwSt", "Brutto")
                if rng.random() < 0.5
                else ("USt %", "Warenwert", "USt-Betrag", "Summe")
            )
            names = {
                r: f"{self.vat_mark(r)} = {r} %" if self.vat_as != "percent" else f"{r} %" for r in (19, 7)
            }
            y = rate_summary(
                self.c, p, lines, heads, names, "Summe", self.RIGHT - 300, self.RIGHT, y + 12, 8.3
            )
            return self.pay_box(y + 20, self.gross_label(), gross)
        if self.sum_style == "split":
            return self.split_totals(y, lines, sums, net_label, gross)
        rows: list[tuple[str, Decimal, bool]] = []
        if self.summary:
            rows += [(label, value, False) for label, value in sums]
        rows.append((net_label, net, False))
        with_base = len(lines) > 1 and rng.random() < 0.6
        rows += [(self.vat_label(v, with_base), v.amount, False) for v in lines]
        if len(lines) > 1:
            rows.append((self.vat_sum_label(), sum((v.amount for v in lines), Decimal(0)), False))
        rows.append((self.gross_label(), gross, True))
        if self.total_style == "strip" and len(rows) > 5:
            self.total_style = "block"
        return self.totals(y, rows)

    def split_totals(
        self, y: float, lines: list[VatLine], sums: list[tuple[str, Decimal]], net_label: str, gross: Decimal
    ) -> float:
        """The subtotals at the left, net, VAT and gross at the right, side by side."""
        right = [(net_label, sum((v.base for v in lines), Decimal(0)))]
        right += [(self.vat_label(v, False), v.amount) for v in lines]
        if len(lines) > 1:
            right.append((self.vat_sum_label(), sum((v.amount for v in lines), Decimal(0))))
        height = 16 * max(len(sums), len(right) + 1) + 30
        if y + height > self.limit:
            y = self.next_page()
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        y += 12
        c.line(L, y, R, y, width=0.6, colour=self.brand)
        top = y + 14
        for k, (label, value) in enumerate(sums):
            c.text(L, top + 14 * k, label, 8.8, colour=GREY)
            c.text(L + 200, top + 14 * k, p.amount(value), 8.8, align="right")
        for k, (label, value) in enumerate(right):
            c.text(R - 230, top + 14 * k, label, 8.8)
            c.text(R, top + 14 * k, p.amount(value), 8.8, align="right")
        last = top + 14 * len(right) + 4
        c.box(R - 234, last - 11, R + 3, last + 5, fill=LIGHT, stroke=None)
        c.text(R - 230, last, self.gross_label(), 9.5, bold=True)
        c.text(R, last, p.amount(gross), 9.5, bold=True, align="right")
        return max(last, top + 14 * len(sums)) + 10

    # -- text and footer

    def closing(self, y: float, gross: Decimal, goods_gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.vat_as != "percent":
            mark = {19: self.vat_mark(19), 7: self.vat_mark(7)}
            texts.append((f"MwSt-Kennzeichen: {mark[19]} = 19 %, {mark[7]} = 7 %", False))
        if self.payment == "debit":
            when = d.date + dt.timedelta(days=rng.choice((3, 5, 7, 10)))
            mandate = rng.choice(
                (
                    f"{d.customer_no}-01",
                    f"MRF{rng.randint(10**6, 10**7 - 1)}",
                    f"LS-{d.customer_no}-{rng.randint(1, 9)}",
                )
            )
            texts.append(
                (
                    rng.choice(
                        (
                            f"Der Rechnungsbetrag wird am {p.date(when)} per SEPA-Lastschrift von "
                            f"Ihrem Konto {masked_de(rng)} eingezogen.",
                            f"Wir ziehen {p.amount(gross)} zum {p.date(when)} von Ihrem Konto "
                            f"{masked_de(rng)} ein (SEPA-Basislastschrift).",
                        )
                    ),
                    True,
                )
            )
            texts.append((f"Mandatsreferenz: {mandate} · Gläubiger-ID: {creditor_id(rng)}", False))
        else:
            days = (d.due_date - d.date).days
            if self.skonto:
                pct = rng.choice((2, 2, 3))
                cut = round_cent(goods_gross * pct / 100)
                skonto_day = d.date + dt.timedelta(days=rng.choice((5, 7, 8)))
                texts.append(
                    (
                        f"Zahlbar bis {p.date(skonto_day)} abzüglich {pct} % Skonto auf den Warenwert "
                        f"({p.amount(cut)}, nicht auf Pfand und Leergut), bis {p.date(d.due_date)} netto.",
                        True,
                    )
                )
            else:
                texts.append(
                    (
                        rng.choice(
                            (
                                f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                                f"Bitte überweisen Sie den Betrag bis zum {p.date(d.due_date)} unter "
                                "Angabe der Rechnungsnummer.",
                            )
                        ),
                        True,
                    )
                )
        needed = len(texts)
        texts.append(
            (
                rng.choice(
                    (
                        "Leergut wird nur in sortenreinen, vollständigen Kästen zurückgenommen. Das Pfand "
                        "wird bei Rückgabe gutgeschrieben.",
                        "Pfand ist nicht skontierbar. Fehlendes Leergut berechnen wir zum Pfandwert.",
                        "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
                    )
                ),
                False,
            )
        )
        if rng.random() < 0.4:
            texts.append(
                ("Bestellannahme Mo–Fr 7:00–16:00 Uhr · Ihre nächste Lieferung: gleiche Tour", False)
            )
        return self.short_texts(y, texts, needed, 8)

    def contact(self) -> list[str]:
        d, s = self.data, self.data.supplier
        fax = d.phone[:-2] + str(self.rng.randint(10, 99)) if self.fax else ""
        return [s.street, s.city_line, f"Tel. {d.phone}"] + ([f"Fax {fax}"] if fax else []) + [d.email]

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        if self.kg:
            legal = [
                f"Sitz {s.city} · Amtsgericht {s.city} {d.register}",
                "Persönlich haftende Gesellschafterin:",
                self.partner,
                f"Amtsgericht {s.city} HRB {self.partner_register}",
                f"Geschäftsführer: {d.ceo}",
            ]
        else:
            legal = [f"Inhaber: {self.owner}", f"Amtsgericht {s.city} {d.register}"]
        legal += self.tax_ids("USt-IdNr.", "St.-Nr.")
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}"], legal]
        if self.own_bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.6)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.partner_register = rng.randint(1000, 29999)
        goods, deposits, rest = self.lines()
        everything = goods + deposits + rest
        items = [x.item for x in everything]
        lines = vat_breakdown(items)
        tagline = rng.choice(
            (
                "Getränkefachgroßhandel · Heimdienst · Festservice",
                "Getränke für Büro, Gastronomie und Feste",
                "Ihr Getränkelieferant seit 1962",
                "Getränke-Heimdienst und Bürobelieferung",
            )
        )
        self.letterhead(tagline, self.contact())
        title = rng.choice(("Rechnung", "RECHNUNG", "Rechnung / Lieferschein", "Lieferrechnung"))
        y = self.details_block(self.head_rows(), title)
        y = self.table(
            y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(goods, deposits, rest), False
        )
        y = self.draw_totals(y, lines, self.sums(goods, deposits, rest))
        goods_gross = sum(
            (x.item.total * (100 + x.item.rate) / 100 for x in everything if x.kind == "goods"), Decimal(0)
        )
        gross = sum((v.base + v.amount for v in lines), Decimal(0))
        y = self.closing(y, gross, goods_gross)
        assert y < self.limit + 6, "getraenke_pfand: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.delivery_shown,
            customer_no=True,
            order_no=bool(d.order_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# veranstaltungstechnik_miete

_RENTERS = (
    "Soundwerk Veranstaltungstechnik GmbH",
    "LichtKraft Eventtechnik GmbH",
    "Bühnenfabrik Rental GmbH",
    "Nordstage Veranstaltungstechnik GmbH",
    "AV-Rent Mitte GmbH",
    "Pulsar Event Services GmbH",
    "Tonwerk & Licht Vermietung GmbH",
)
_EVENTS = (
    "Produktlaunch „Nova X“",
    "Kundenevent „Future Lab“",
    "Jubiläumsgala 25 Jahre {c}",
    "Mitarbeiterkonferenz {y}",
    "Händlertagung {y}",
)
_SEASON = {
    6: "Sommerfest {c} {y}",
    7: "Sommerfest {c} {y}",
    8: "Sommerfest {c} {y}",
    11: "Weihnachtsfeier {c}",
    12: "Weihnachtsfeier {c} {y}",
}
_VENUES = (
    ("Alte Gießerei, Halle 2", "Gießereistraße 8", "50825 Köln"),
    ("Kesselhaus am Hafen", "Hafenweg 21", "20457 Hamburg"),
    ("Eventlocation Zeche Nord", "Schachtstraße 3", "45139 Essen"),
    ("Orangerie im Schlosspark", "Schlossallee 1", "70176 Stuttgart"),
    ("Lokschuppen Ost", "Am Güterbahnhof 12", "04317 Leipzig"),
    ("Alte Feuerwache", "Wachstraße 5", "60313 Frankfurt am Main"),
    ("Studio 7 Medienpark", "Medienallee 7", "80993 München"),
)
# Rental items by department: (text, unit, least and most day rate, quantities).
_GEAR: dict[str, tuple[tuple[str, str, float, float, tuple[int, ...]], ...]] = {
    "Beschallung": (
        ("Line-Array-System (8 Tops, 4 Subwoofer) inkl. Rigging", "Set", 450, 900, (1,)),
        ('Aktivlautsprecher 12"/1" Fullrange', "Stk.", 35, 60, (2, 4, 6)),
        ('Subwoofer 18" aktiv', "Stk.", 45, 80, (2, 4)),
        ("Digitalmischpult 32 Kanäle inkl. Stagebox", "Stk.", 180, 320, (1,)),
        ("Funkmikrofon Handsender", "Stk.", 25, 40, (2, 4, 6)),
        ("Headset-Funkstrecke", "Stk.", 35, 55, (2, 3, 4)),
        ("Monitorlautsprecher Bühne", "Stk.", 30, 45, (2, 4)),
    ),
    "Licht": (
        ("Moving Head Spot 300 W", "Stk.", 45, 75, (4, 6, 8, 12)),
        ("Moving Head Wash LED", "Stk.", 40, 65, (4, 6, 8)),
        ("LED-PAR 18 x 10 W RGBW", "Stk.", 8, 14, (8, 12, 16, 24)),
        ("Lichtsteuerpult inkl. Programmierung", "Stk.", 120, 220, (1,)),
        ("Hazer inkl. Fluid", "Stk.", 45, 70, (1, 2)),
        ("Traverse 3-Punkt 2 m", "Stk.", 8, 12, (6, 8, 10, 16)),
    ),
    "Video": (
        ("LED-Wand 3,9 mm Pixelpitch", "m²", 45, 85, (8, 12, 18, 24)),
        ("Beamer 10.000 ANSI-Lumen", "Stk.", 220, 380, (1, 2)),
        ("Leinwand 4,00 x 2,25 m inkl. Rahmen", "Stk.", 70, 120, (1, 2)),
        ("Medienserver / Videomischer", "Stk.", 150, 260, (1,)),
        ('Confidence-Monitor 55"', "Stk.", 40, 70, (1, 2)),
    ),
    "Bühne": (
        ("Bühnenpodest 2 x 1 m inkl. Füße", "Stk.", 12, 18, (6, 8, 12, 16, 24)),
        ("Bühnentreppe mit Handlauf", "Stk.", 15, 25, (1, 2)),
        ("Bühnenmolton schwarz", "lfm", 4, 8, (10, 16, 24)),
        ("Rednerpult mit Mikrofon", "Stk.", 40, 80, (1,)),
    ),
    "Strom & Kabel": (
        ("Stromverteiler 63 A CEE", "Stk.", 35, 60, (1, 2)),
        ("Kabel- und Verteilerpaket", "pausch.", 60, 150, (1,)),
        ("Multicore 24/8, 50 m", "Stk.", 30, 55, (1,)),
    ),
}
_CREW = (
    ("Tontechniker/in", 48, 65),
    ("Lichttechniker/in", 48, 65),
    ("Video-Operator", 52, 70),
    ("Veranstaltungstechniker/in", 45, 60),
    ("Stagehand", 28, 36),
    ("Rigger", 52, 68),
)
_FACTORS = {1: Decimal("1.0"), 2: Decimal("1.5"), 3: Decimal("2.0"), 4: Decimal("2.5"), 5: Decimal("3.0")}


@dataclass(frozen=True)
class Position:
    """One printed position: its group, item, how many pieces, the day rate and the factor (when rented)."""

    group: str
    item: LineItem
    pieces: Decimal = Decimal(0)
    rate: Decimal = Decimal(0)
    factor: Decimal = Decimal(0)
    note: str = ""

    @property
    def rental(self) -> bool:
        return self.factor > 0


def factor_text(value: Decimal) -> str:
    return f"{value:.1f}".replace(".", ",")


class VeranstaltungstechnikMiete(RentalLook):
    """An event technology rental company's invoice: material × day rate × factor, crew, transport."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name = rng.choice(_RENTERS)
        event_day = ordinary(data.date)
        self.event_days = rng.choice((1, 1, 1, 2, 2, 3))
        self.event_first = event_day
        self.event_last = event_day + dt.timedelta(days=self.event_days - 1)
        self.start = event_day - dt.timedelta(days=rng.choice((0, 1, 1)))
        self.end = self.event_last + dt.timedelta(days=rng.choice((0, 0, 1)))
        self.days = min((self.end - self.start).days + 1, 5)
        self.end = self.start + dt.timedelta(days=self.days - 1)
        day = self.end + dt.timedelta(days=rng.randint(2, 20))
        self.offer_day = self.start - dt.timedelta(days=rng.randint(14, 90))
        n = rng.randint(1, 9999)
        number = rng.choice(
            (
                f"VR-{day.year}-{n:04d}",
                f"{day.year % 100}{rng.randint(10000, 99999)}",
                f"RE{day.year}{n:04d}",
                f"R {rng.randint(10000, 99999)}",
            )
        )
        self.offer = rng.choice(
            (
                f"AN-{self.offer_day.year}-{rng.randint(100, 999):04d}",
                f"A{rng.randint(10000, 99999)}",
                f"{self.offer_day.year % 100}-{rng.randint(100, 999)}",
            )
        )
        self.confirmation = f"AB-{rng.randint(10000, 99999)}" if rng.random() < 0.35 else ""
        single = self.event_days == 1
        self.leistung = single and rng.random() < 0.6
        word = name.split()[0].lower().replace("-", "").replace("ü", "ue")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=event_day,
            due_date=day + dt.timedelta(days=rng.choice((7, 10, 14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"K{rng.randint(1000, 9999)}"))
            if rng.random() < 0.6
            else "",
            order_no=rng.choice(
                (
                    f"PO-{rng.randint(10000, 99999)}",
                    f"{event_day.year}-EV-{rng.randint(10, 99)}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                )
            )
            if rng.random() < 0.4
            else "",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('buchhaltung', 'rechnung', 'dispo', 'info'))}@{word}.de",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "both" if rng.random() < 0.35 else "vat"
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted_short", "de_long")),
        )
        self.event = rng.choice((*_EVENTS, _SEASON.get(event_day.month, _EVENTS[0]))).format(
            c=data.customer.name.split()[0], y=event_day.year
        )
        self.venue = rng.choice(_VENUES)
        self.factor_as = rng.choice(("column", "note", "head"))
        self.range_as = rng.choice(("short", "long", "words"))
        self.group_sums = rng.random() < 0.4
        self.discount = rng.choice((0, 5, 10, 10, 15)) if rng.random() < 0.65 else 0
        self.discount_in = rng.choice(("table", "totals"))
        self.discount_base_shown = rng.random() < 0.6
        self.insurance = rng.choice((0, 6, 7, 8, 10)) if rng.random() < 0.6 else 0
        self.night = rng.random() < 0.45
        self.transport = rng.choice(("lump", "km"))
        self.kaution = rng.choice(("", "", "netted", "refund", "info"))
        self.kaution_paid = self.offer_day + dt.timedelta(days=rng.randint(3, 12))
        self.carry_sums = rng.random() < 0.6
        self.big = rng.random() < 0.25  # many departments and pieces: two pages on most such seeds

    # -- dates as printed

    def span(self, a: dt.date, b: dt.date) -> str:
        p = self.p
        if a == b:
            return p.date(a)
        if self.range_as == "short" and p.dates == "dotted":
            return f"{a:%d.%m.}–{b:%d.%m.%Y}"
        if self.range_as == "words":
            names = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
            return f"{names[a.weekday()]}, {p.date(a)} bis {names[b.weekday()]}, {p.date(b)}"
        return f"{p.date(a)} – {p.date(b)}"

    # -- the positions

    def rental(self) -> list[Position]:
        rng = self.rng
        depts = list(_GEAR)
        count = rng.randint(4, 5) if self.big else 2
        most = 4 if self.big else 2 + (count == 2 and rng.random() < 0.3)
        picked = set(rng.sample(depts, count))
        chosen = [d for d in depts if d in picked]
        out: list[Position] = []
        factor = _FACTORS[self.days]
        for dept in chosen:
            gear = _GEAR[dept]
            for text, unit, lo, hi, qtys in rng.sample(
                gear, min(len(gear), rng.randint(2 if self.big else 1, most))
            ):
                pieces = Decimal(rng.choice(qtys))
                rate = price_between(rng, lo, hi, "0.50")
                own = factor
                note = ""
                if dept == "Video" and self.days > 1 and rng.random() < 0.3:
                    own = Decimal("1.0")
                    note = "nur Veranstaltungstag"
                price = rate * own
                item = LineItem(text, "", pieces, unit, price, 19)
                out.append(Position(dept, item, pieces, rate, own, note))
        return out

    def crew(self) -> list[Position]:
        rng, p = self.rng, self.p
        out: list[Position] = []
        for role, lo, hi in rng.sample(_CREW, rng.randint(2, 4) if self.big else rng.choice((1, 1, 2))):
            people = (
                rng.choice((1, 1, 2, 2, 3, 4)) if role in ("Stagehand", "Veranstaltungstechniker/in") else 1
            )
            each = Decimal(rng.choice((6, 8, 10, 10, 12, 14)))
            rate = price_between(rng, lo, hi, "0.50")
            note = f"{people} Pers. × {quantity(each, p)} Std., Auf- und Abbau" if people > 1 else ""
            item = LineItem(role, "", people * each, "Std.", rate, 19)
            out.append(Position("Personal", item, note=note))
            if self.night and rng.random() < 0.7 and not any("Nacht" in x.item.description for x in out):
                hours = Decimal(rng.choice((2, 3, 4))) * people
                item = LineItem(
                    f"Nachtzuschlag 25 % {role} (22–6 Uhr)", "", hours, "Std.", round_cent(rate / 4), 19
                )
                out.append(Position("Personal", item))
        if rng.random() < (0.6 if self.big else 0.3):
            price = price_between(rng, 250, 650, "10")
            out.append(
                Position(
                    "Personal",
                    LineItem("Projektleitung / technische Leitung", "", Decimal(1), "pausch.", price, 19),
                )
            )
        return out

    def logistics(self) -> list[Position]:
        rng = self.rng
        if self.transport == "lump":
            truck = rng.choice(("3,5 t", "7,5 t", "12 t"))
            item = LineItem(
                f"Transport Hin- und Rückfahrt, LKW {truck}",
                "",
                Decimal(1),
                "pausch.",
                price_between(rng, 180, 590, "10"),
                19,
            )
            return [Position("Logistik", item)]
        km = rng.randint(15, 140)
        rate = Decimal(rng.choice(("1.20", "1.45", "1.60", "1.85")))
        item = LineItem(
            f"Fahrtkosten LKW 2 × 2 × {km} km (An- und Abfahrt Auf-/Abbau)",
            "",
            Decimal(4 * km),
            "km",
            rate,
            19,
        )
        return [Position("Logistik", item)]

    def extras(self, rental: Decimal) -> tuple[Position | None, Position | None]:
        """The discount on the rental and the insurance on it (on the rental after the discount)."""
        p = self.p
        discount = None
        after = rental
        if self.discount:
            cut = round_cent(rental * self.discount / 100)
            after = rental - cut
            base = f" ({self.discount} % von {p.amount(rental)})" if self.discount_base_shown else ""
            text = f"Rabatt {self.discount} % auf Mietmaterial" + (
                base if self.discount_in == "table" else ""
            )
            discount = Position("Rabatt", LineItem(text, "", Decimal(1), "pausch.", -cut, 19))
        insurance = None
        if self.insurance:
            text = self.rng.choice(
                (
                    "Haftungsreduzierung (Bruch/Diebstahl)",
                    "Mietausfall- und Bruchversicherung",
                    "Versicherung Mietmaterial",
                )
            )
            text += f" {self.insurance} % von {p.amount(after)}"
            insurance = Position(
                "Versicherung",
                LineItem(text, "", Decimal(1), "pausch.", round_cent(after * self.insurance / 100), 19),
            )
        return discount, insurance

    # -- the table

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 28, "left"),
            ("desc", rng.choice(("Bezeichnung", "Artikel / Leistung", "Beschreibung")), 0, "left"),
            ("qty", rng.choice(("Menge", "Anz.")), 40, "right"),
            ("unit", "Einh.", 36, "left"),
        ]
        if self.factor_as == "column":
            spec += [
                ("rate", rng.choice(("Tagesmiete", "Tagespreis", "EP/Tag")), 58, "right"),
                ("factor", "Faktor", 40, "right"),
            ]
        else:
            head = "Einzelpreis" if self.factor_as == "note" else rng.choice(("Mietpreis", "Preis Zeitraum"))
            spec.append(("rate", head, 66, "right"))
        spec.append(("total", rng.choice(("Gesamt €", "Betrag", "Gesamtpreis")), 70, "right"))
        return spec

    def row(self, n: int, pos: Position) -> Row:
        p, item = self.p, pos.item
        values = {
            "pos": str(n),
            "desc": item.description,
            "qty": quantity(item.quantity, p),
            "unit": item.unit,
            "total": p.number(item.total),
        }
        notes = [pos.note] if pos.note else []
        if pos.rental and self.factor_as == "column":
            values |= {"rate": p.number(pos.rate), "factor": factor_text(pos.factor)}
        elif pos.rental and self.factor_as == "note":
            values["rate"] = p.number(item.unit_price)
            notes.append(f"Tagesmiete {p.number(pos.rate)} × Faktor {factor_text(pos.factor)}")
        else:
            values["rate"] = p.number(item.unit_price)
        return Row("item", values, item, tuple(notes))

    def rows(self, positions: list[Position]) -> list[Row]:
        rng, p = self.rng, self.p
        out: list[Row] = []
        groups = list(dict.fromkeys(pos.group for pos in positions))
        n = 0
        for group in groups:
            inner = [pos for pos in positions if pos.group == group]
            if group in ("Rabatt", "Versicherung") and not any(
                r.values["desc"].startswith("Zwischen") for r in out
            ):
                rental = sum((pos.item.total for pos in positions if pos.rental), Decimal(0))
                label = rng.choice(("Zwischensumme Mietmaterial", "Zwischensumme Miete"))
                out.append(Row("sum", {"desc": label, "total": p.number(rental)}))
            if group not in ("Rabatt", "Versicherung"):
                heading = {
                    "Personal": rng.choice(("Personal", "Personal / Technikerstunden")),
                    "Logistik": rng.choice(("Logistik", "Transport")),
                }.get(group, group)
                out.append(Row("group", {"desc": heading}))
            for pos in inner:
                n += 1
                out.append(self.row(n, pos))
            if self.group_sums and len(inner) > 1 and group not in ("Rabatt", "Versicherung"):
                total = sum((pos.item.total for pos in inner), Decimal(0))
                out.append(Row("sum", {"desc": f"Summe {group}", "total": p.number(total)}))
        return out

    # -- the head

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.")), d.customer_no))
        if rng.random() < 0.5:
            rows.append(("Angebot", f"{self.offer} vom {p.date(self.offer_day)}"))
            self.offer_in_head = True
        if self.confirmation:
            rows.append(("Auftragsbestätigung", self.confirmation))
        if d.order_no:
            rows.append(
                (rng.choice(("Ihre Bestell-Nr.", "Ihre Auftragsnummer", "Ihre PO-Nummer")), d.order_no)
            )
        if self.leistung:
            assert d.service_date is not None
            rows.append((rng.choice(("Leistungsdatum", "Leistungstag")), p.date(d.service_date)))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        name, street, town = self.venue
        lines = [
            (f"Veranstaltung: {self.event}", True),
            (
                rng.choice((f"Location: {name}, {street}, {town}", f"Veranstaltungsort: {name}, {town}")),
                False,
            ),
        ]
        if not self.leistung:
            lines.append(
                (
                    (
                        ("Veranstaltungstag: " if self.event_days == 1 else "Veranstaltungstage: ")
                        + self.span(self.event_first, self.event_last)
                    ),
                    False,
                )
            )
        period = f"Mietzeitraum: {self.span(self.start, self.end)}"
        if self.factor_as == "head" or rng.random() < 0.4:
            days = f"{self.days} {'Tag' if self.days == 1 else 'Tage'}"
            period += f" ({days}, Faktor {factor_text(_FACTORS[self.days])})"
        lines.append((period, False))
        if not self.offer_in_head:
            lines.append(
                (
                    rng.choice(
                        ("gemäß unserem Angebot Nr. {o} vom {d}", "Grundlage: Angebot {o} vom {d}")
                    ).format(o=self.offer, d=p.date(self.offer_day)),
                    False,
                )
            )
        if self.kaution == "info":
            lines.append(
                (f"Kaution: {p.amount(self.kaution_sum)} (eingegangen am {p.date(self.kaution_paid)})", False)
            )
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 8.8, self.RIGHT - L, bold=bold)
            y += 11.5
        return y + 2

    # -- totals and text

    def total_rows(self, positions: list[Position], vat: VatLine) -> list[tuple[str, Decimal, bool]]:
        rng, p = self.rng, self.p
        gross = vat.base + vat.amount
        rows: list[tuple[str, Decimal, bool]] = []
        if self.discount and self.discount_in == "totals":
            rental = sum((x.item.total for x in positions if x.rental), Decimal(0))
            discount = next(x for x in positions if x.group == "Rabatt")
            rows += [
                (rng.choice(("Summe Mietmaterial", "Mietmaterial gesamt")), rental, False),
                (
                    f"abzgl. {self.discount} % Rabatt"
                    + (f" auf {p.number(rental)}" if self.discount_base_shown else ""),
                    discount.item.total,
                    False,
                ),
            ]
        rows += [
            (rng.choice(("Nettobetrag", "Summe netto", "Gesamt netto")), vat.base, False),
            (rng.choice(("zzgl. 19 % MwSt.", "19 % USt.", "Umsatzsteuer 19 %")), vat.amount, False),
        ]
        gross_label = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Bruttobetrag"))
        if self.p.currency == "none":
            gross_label += " EUR"
        rows.append((gross_label, gross, True))
        if self.kaution == "netted":
            rows += [
                (f"abzgl. Kaution vom {p.date(self.kaution_paid)}", -self.kaution_sum, False),
                (rng.choice(("Restbetrag", "Zahlbetrag", "Noch zu zahlen")), gross - self.kaution_sum, True),
            ]
        return rows

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        days = (d.due_date - d.date).days
        payable = gross - self.kaution_sum if self.kaution == "netted" else gross
        texts: list[tuple[str, bool]] = [
            (
                rng.choice(
                    (
                        f"Bitte überweisen Sie {p.amount(payable)} bis zum {p.date(d.due_date)} auf unser "
                        "Konto.",
                        f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                        f"Zahlungsziel: {p.date(d.due_date)}, rein netto.",
                    )
                ),
                True,
            )
        ]
        if self.kaution == "refund":
            texts.append(
                (
                    f"Die am {p.date(self.kaution_paid)} geleistete Kaution von {p.amount(self.kaution_sum)} "
                    "erstatten wir nach Rückgabe und Prüfung des Mietmaterials separat auf Ihr Konto.",
                    False,
                )
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Es gelten unsere Allgemeinen Vermietbedingungen. Verlust und Beschädigung von "
                        "Mietmaterial werden gesondert berechnet.",
                        "Mietmaterial bleibt unser Eigentum. Fehlteile stellen wir nach Rückgabeprüfung in "
                        "Rechnung.",
                        "Wir danken für den Auftrag und wünschen weiterhin viel Erfolg mit Ihren "
                        "Veranstaltungen!",
                    )
                ),
                False,
            )
        )
        return self.short_texts(y, texts, 2 if self.kaution == "refund" else 1)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email],
            [
                f"Sitz: {s.city}",
                f"Amtsgericht {s.city} {d.register}",
                f"Geschäftsführer: {d.ceo}",
                *self.tax_ids("USt-IdNr.", "Steuernummer"),
            ],
            [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.offer_in_head = False
        rental = self.rental()
        rent_sum = sum((x.item.total for x in rental), Decimal(0))
        discount, insurance = self.extras(rent_sum)
        positions = rental + ([discount] if discount and self.discount_in == "table" else [])
        positions += ([insurance] if insurance else []) + self.crew() + self.logistics()
        items = [x.item for x in positions] + (
            [discount.item] if discount and self.discount_in == "totals" else []
        )
        (vat,) = vat_breakdown(items)
        gross = vat.base + vat.amount
        step = Decimal(rng.choice((250, 500)))
        self.kaution_sum = max(gross * Decimal(rng.choice(("0.1", "0.2", "0.3"))) // step, Decimal(1)) * step
        if self.kaution == "netted" and self.kaution_sum >= gross:
            self.kaution = "refund"
        s = d.supplier
        self.letterhead(
            rng.choice(
                (
                    "Ton · Licht · Video · Bühne",
                    "Veranstaltungstechnik · Vermietung · Full Service",
                    "Eventtechnik für Messen, Galas und Konzerte",
                    "Rental & Production Services",
                )
            ),
            [s.street, s.city_line, f"Tel. {d.phone}", d.email],
        )
        title = rng.choice(
            ("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}", "Rechnung Veranstaltungstechnik")
        )
        y = self.subject(self.details_block(self.head_rows(), title))
        y = self.table(y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(positions), self.carry_sums)
        rows = self.total_rows(
            positions + ([discount] if discount and self.discount_in == "totals" else []), vat
        )
        if self.total_style == "strip" and len(rows) > 4:
            self.total_style = "block"
        y = self.totals(y, rows)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "veranstaltungstechnik_miete: page overflow"
        pages = self.close_pages(rng.random() < 0.3)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.leistung,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
        )


# ---------------------------------------------------------------------------
# Registry

GETRAENK_FAMILIES: dict[str, type[TripSheet]] = {
    "getraenke_pfand": GetraenkePfand,
    "veranstaltungstechnik_miete": VeranstaltungstechnikMiete,
}


def draw_getraenk(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(GETRAENK_FAMILIES[name], name, seed)
