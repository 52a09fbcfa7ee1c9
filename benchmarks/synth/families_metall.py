"""Two invoice layout families of a German electrical wholesaler and of a French micro-entrepreneur, designed
blind (session 16).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_metall(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip`, `families_first` and `families_last` and returns a `TripDrawing` (truth
keys only for values printed):

- `elektro_grosshandel`: a German electrical wholesaler's invoice to an electrician: the articles grouped by
  delivery note ("Lieferschein 7012345 vom 04.03.2024", with the electrician's "Kommission: Baustelle Meyer"
  per note or in the head), each line with the wholesaler's article number (in a column or under the text),
  the EAN on some seeds, quantities with three decimals ("250,000 m", "12,000 Stk"), the list price per price
  unit ("PE 100", "Preis per 100 m"; cables and small parts per 100 or 1000), the discount per line ("Rabatt
  35 %"; none on net articles) and the net amount; cables carry a copper surcharge from the DEL quotation
  ("DEL-Notiz 812,45 EUR/100 kg", "Kupferbasis 150", the cable's "Cu-Zahl" in kg/km): under each cable as a
  sub-row, as its own position ("Metallzuschlag Cu zu Pos. 20"), in its own column, or summed into one line
  by copper weight; "Mindermengenzuschlag" on small orders, "Frachtpauschale" on some seeds (or "frei Haus ab
  250,00 EUR" as a note), a "Sofortbonus" deducted or a bonus-relevant turnover as a note on some seeds;
  totals "Warenwert", "Zuschläge" (or the surcharges row by row), "Nettowert", "MwSt 19 %", "Rechnungsbetrag",
  stacked, in a strip with the labels above the values, or in two columns; Skonto with its date and amount
  (on some seeds only on the goods: "skontofähiger Betrag"), or a SEPA direct debit; the wholesaler's own
  "Auftrags-Nr." and the customer's order on some seeds; two pages (with "Übertrag") when the notes run long.
  Truth: the usual keys (19 % only), `kundennummer` always, `bestellnummer` the electrician's order where
  printed (never the wholesaler's Auftrags-Nr.), `leistungsdatum` only for a single printed "Lieferdatum".
- `auto_entrepreneur_fr`: a French micro-entrepreneur's invoice (graphic designer, photographer, translator,
  web developer; the person's name, "EI" or "Entrepreneur individuel" from mid-2022, a trade name above it on
  some seeds) to a German agency ("Allemagne"): "Facture n° 2024-017", "Date : 04/03/2024", "4 mars 2024" or
  "Paris, le 4 mars 2024"; "TVA non applicable, art. 293 B du CGI" on every seed: no VAT charged, "Total HT"
  and "Net à payer" (netto = brutto), a "TVA 0,00 €" row on some seeds, a "Total TTC" equal to HT on some;
  a deposit deducted ("Acompte versé le ...") on some seeds; the quote ("Devis n° ... du ...") and a service
  date or period on some; SIRET (Luhn-valid) and APE code, "Dispensé d'immatriculation" or the RNE; the
  seller's intra-community VAT number on some seeds only; the German customer's VAT number on some seeds (a
  trap); IBAN FR.. with BIC; "Conditions de paiement : 30 jours", late-payment penalties and the "indemnité
  forfaitaire de 40 €"; in English on some seeds ("Invoice", "VAT not applicable, article 293 B of the French
  Tax Code", amounts "€1,234.56"). Truth: the usual keys; `ust_id` only where the seller's FR number is
  printed (never the customer's DE number), no `steuernummer`; `mwst` 0.0 only on the seeds that print a VAT
  amount (left out on the others, as in `hosting_export`), netto = brutto = the total before a deposit is
  deducted (as in `anzahlung`); `lieferant` the person's name; `kundennummer`, `bestellnummer` (the agency's
  PO) and `leistungsdatum` (a single service date) where printed.

The German family keeps its dates out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from stdnum import luhn

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
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    PALE,
    RULE,
    _digits,
    fr_address,
    fr_siren,
    fr_vat_id,
    iban_of,
)
from benchmarks.synth.invoice_gen import InvoiceData, LineItem, VatLine, _vat_id, round_cent, vat_breakdown
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import DateStyle, Printer

HUNDRED = Decimal(100)

# ---------------------------------------------------------------------------
# elektro_grosshandel

_WHOLESALERS = (
    "Elektro-Großhandel Brandt GmbH & Co. KG",
    "ELGRO Nord Elektrogroßhandel GmbH",
    "Voltmann Elektro-Großhandel KG",
    "Kabel + Licht Seifert GmbH",
    "EHV Elektrohandel Vogt GmbH",
    "Gebr. Hollmann Elektrogroßhandlung GmbH",
    "Rheinelektra Großhandel GmbH",
    "Kämper Elektro-Vertrieb GmbH & Co. KG",
)
_SLOGANS = (
    "Elektrogroßhandel · Licht · Kabel · Gebäudetechnik",
    "Ihr Partner für Elektro, Licht und Haustechnik",
    "Großhandel für Elektromaterial seit 1962",
    "Kabel · Installation · Beleuchtung · Photovoltaik",
)
_ELECTRICIANS = (
    "Elektro Meyer GmbH",
    "Elektrotechnik Yilmaz e.K.",
    "Haustechnik Bauer GmbH",
    "Elektro-Installation Schröder",
    "Licht & Strom Krause GmbH",
    "Elektro Wendt GmbH & Co. KG",
    "E-Technik Nowak",
    "Gebäudetechnik Albers GmbH",
)
_OWNERS = ("Meyer", "Schulte", "Krüger", "Hoffmann", "Lindner", "Wagner", "Becker", "Özdemir", "Franke")
_COMMISSIONS = (
    "Baustelle {owner}",
    "BV {owner}, {street}",
    "Neubau Kita Sonnenschein",
    "Sanierung Rathaus",
    "Lager",
    "Kundendienst",
    "EFH {owner}",
    "Umbau Praxis Dr. {owner}",
    "Objekt {street}",
)
_STREETS = (
    "Lindenweg 4",
    "Am Mühlbach 17",
    "Schulstraße 12",
    "Gartenstraße 3a",
    "Kirchplatz 8",
    "Eichenallee 21",
)
# Cables: (text, copper in kg/km, least and most list price per 100 m, metres).
Cable = tuple[str, float, float, float, tuple[str, ...]]
_CABLES: tuple[Cable, ...] = (
    ("NYM-J 3x1,5 mm² grau, Ring 100 m", 43.2, 62.0, 94.0, ("50", "100", "200", "300", "500")),
    ("NYM-J 5x1,5 mm² grau, Ring 100 m", 72.0, 98.0, 148.0, ("100", "200", "50")),
    ("NYM-J 3x2,5 mm² grau, Trommel", 72.0, 99.0, 152.0, ("100", "250", "150", "87.5")),
    ("NYM-J 5x2,5 mm² grau, Trommel", 120.0, 160.0, 235.0, ("50", "100", "75.5")),
    ("NYM-J 5x6 mm² grau, Schnittlänge", 288.0, 390.0, 540.0, ("25", "37.5", "42", "18.25")),
    ("NYY-J 5x10 mm² RE 0,6/1 kV, Schnittlänge", 480.0, 690.0, 960.0, ("20", "35", "12.5")),
    ("H07V-K 1x6 mm² grün-gelb, Ring 100 m", 57.6, 52.0, 82.0, ("100", "200")),
    ("H07V-U 1x2,5 mm² schwarz, Ring 100 m", 24.0, 21.0, 36.0, ("100", "300")),
    ("J-Y(St)Y 2x2x0,8 mm grau, Ring 100 m", 18.0, 34.0, 56.0, ("100", "200", "500")),
    ("NHXH-J 3x1,5 mm² FE180/E30, Schnittlänge", 43.2, 180.0, 265.0, ("50", "65", "120.5")),
    ("Steuerleitung PVC 4G1,5 mm², Schnittlänge", 57.6, 140.0, 210.0, ("25", "40", "62.5")),
    ("Datenkabel Cat.7 S/FTP 4x2xAWG23/1, Trommel 500 m", 38.0, 78.0, 129.0, ("500", "250", "305")),
    ("Erdkabel NYY-J 3x2,5 mm² RE, Schnittlänge", 72.0, 118.0, 170.0, ("30", "45", "60.25")),
)
# Other articles: (text, unit, price unit, least and most list price per price unit, quantities).
Article = tuple[str, str, int, float, float, tuple[str, ...]]
_ARTICLES: tuple[Article, ...] = (
    ("Schuko-Steckdose UP System 55 reinweiß", "Stk", 1, 4.2, 8.9, ("10", "20", "25", "50")),
    ("Rahmen 2-fach reinweiß glänzend", "Stk", 1, 2.1, 4.8, ("10", "15", "20")),
    ("Leitungsschutzschalter B16 1-polig 6 kA", "Stk", 1, 3.4, 7.9, ("6", "12", "24")),
    ("FI-Schutzschalter 40A/0,03A 4-polig Typ A", "Stk", 1, 42.0, 89.0, ("1", "2", "3")),
    ("Abzweigdose AP IP65 mit 5 Klemmen", "Stk", 1, 2.4, 5.6, ("10", "20", "30")),
    ("Geräte-Verbindungsdose 1555-04, tief", "Stk", 100, 46.0, 82.0, ("25", "50", "100")),
    ("Verbindungsklemme 221-413, 3-Leiter", "Stk", 100, 27.0, 46.0, ("50", "100", "200")),
    ("Verbindungsklemme 221-415, 5-Leiter", "Stk", 100, 36.0, 58.0, ("50", "100")),
    ("Aderendhülsen 1,5 mm² isoliert, rot", "Stk", 1000, 8.5, 16.0, ("500", "1000", "2000")),
    ("Kabelbinder 4,8x200 mm schwarz, UV-beständig", "Stk", 100, 3.1, 7.4, ("100", "200", "500")),
    ("Isolierrohr flexibel M20 grau, Ring 50 m", "m", 100, 18.0, 31.0, ("50", "100")),
    ("Installationskanal LF 40060 reinweiß, 2 m", "m", 100, 380.0, 560.0, ("20", "40", "16")),
    ("LED-Panel 62x62 cm 36 W 4000 K UGR<19", "Stk", 1, 29.0, 64.0, ("4", "6", "10", "12")),
    ("Bewegungsmelder AP 180° IP55 weiß", "Stk", 1, 19.0, 42.0, ("1", "2", "4")),
    ("Zählerschrank 2 ZP, 1100 mm, bestückt", "Stk", 1, 390.0, 720.0, ("1",)),
    ("Schraubdübel SX 6x30", "Stk", 100, 4.8, 9.5, ("100", "200")),
    ("Wallbox 11 kW mit Typ-2-Kabel 7,5 m", "Stk", 1, 540.0, 890.0, ("1",)),
    ("Rauchwarnmelder Q-zertifiziert, 10 Jahre Batterie", "Stk", 1, 14.0, 29.0, ("5", "10", "20")),
)
_SALES = ("Hr. Kowalski", "Fr. Demir", "Hr. Brinkmann", "Fr. Jansen", "Hr. Petersen", "Fr. Roth")


@dataclass(frozen=True)
class Delivered:
    """One delivered article line: list price per price unit, the discount, the copper of a cable."""

    text: str
    article: str
    ean: str
    qty: Decimal
    unit: str
    pe: int  # price unit: the price is per 1, 100 or 1000 units
    list_price: Decimal
    discount: int  # per cent, 0 on net articles
    cu: Decimal  # kg per km, 0 for articles without copper

    @property
    def net_price(self) -> Decimal:
        return round_cent(self.list_price * (100 - self.discount) / HUNDRED)

    @property
    def item(self) -> LineItem:
        return LineItem(self.text, self.article, self.qty, self.unit, self.net_price / self.pe, 19)


@dataclass(frozen=True)
class Note:
    """One delivery note: number, date, the electrician's commission, its lines."""

    number: str
    day: dt.date
    commission: str
    lines: tuple[Delivered, ...]


def de3(value: Decimal) -> str:
    """A quantity with three decimals, as wholesale ERP systems print it: 1.250,000."""
    return f"{value:,.3f}".translate(str.maketrans(",.", ".,"))


def de_num(value: Decimal, places: int = 2) -> str:
    return f"{value:,.{places}f}".translate(str.maketrans(",.", ".,"))


class ElektroGrosshandel(FirstSheet):
    """A German electrical wholesaler's invoice: delivery notes, list prices per PE, discounts, copper."""

    FONTS = ("liberation-sans", "dejavu-sans-condensed", "dejavu-sans", "liberation-serif")
    IDS = "vat"
    GROUPED = 0.6
    FOOT = A4.height - 80

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name = rng.choice(_WHOLESALERS)
        day = regular_day(data.date)
        number = rng.choice(
            (
                str(rng.randint(9 * 10**8, 10**9 - 1)),
                f"RE {rng.randint(10**6, 10**7 - 1)}",
                f"{day.year % 100}/{rng.randint(100000, 999999)}",
                f"R{day.year % 100}-{rng.randint(1, 999999):06d}",
            )
        )
        short = name.split()[0].lower().replace("-", "").replace("ß", "ss").replace(".", "")
        owner = rng.choice(_OWNERS)
        customer = dataclasses.replace(data.customer, name=rng.choice(_ELECTRICIANS))
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=30),
            customer=customer,
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (str(rng.randint(10000, 999999)), f"{rng.randint(1, 9)}{_digits(rng, 5)}")
            ),
            order_no=rng.choice(
                (f"{day.year}-{rng.randint(1, 480):03d}", f"B{_digits(rng, 5)}", _digits(rng, 4))
            )
            if rng.random() < 0.45
            else "",
            email=f"{rng.choice(('rechnung', 'buchhaltung', 'verkauf'))}@{short}.de",
            phone=f"{data.phone.split()[0]} {rng.randint(1000, 99999)}-0",
            register=f"HRA {rng.randint(1000, 9999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.p = Printer(
            "de", rng.choice(("code_after", "none", "sign_after")), rng.choice(("dotted", "dotted_short"))
        )
        self.ids = "both" if data.tax_no and rng.random() < 0.3 else "vat"
        self.owner = owner
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("band", "logo", "plain"))
        self.info_style = rng.choice(("box", "strip", "rows"))
        self.metal = rng.choice(("under", "own_line", "column", "summary"))
        self.totals_style = rng.choice(("stack", "stack", "strip", "split"))
        self.itemised = rng.random() < 0.5  # the surcharges row by row, else one "Zuschläge" row
        self.art_col = self.metal != "column" and rng.random() < 0.5
        self.pe_col = rng.random() < 0.6
        self.net_col = not self.art_col and rng.random() < 0.5
        self.with_ean = rng.random() < 0.5
        self.step = rng.choice((1, 10, 10))
        self.long = rng.random() < 0.25
        self.small = not self.long and rng.random() < 0.3
        self.del_price = round_cent(Decimal(str(rng.uniform(560, 990))))
        self.basis = Decimal(rng.choice((150, 150, 150, 100, 0)))
        self.del_word = rng.choice(("DEL-Notiz", "DEL-Notierung", "Cu-Notiz (DEL)", "Kupfernotierung DEL"))
        self.payment = rng.choice(("skonto", "skonto", "skonto_goods", "term", "debit"))
        self.freight = rng.random() < 0.55
        self.bonus = rng.choice(("", "", "deduct", "note", "year"))
        self.with_delivery_date = rng.random() < 0.6
        self.order_ref = f"{rng.randint(10, 99)}{_digits(rng, 6)}" if rng.random() < 0.6 else ""
        self.sales = rng.choice(_SALES)
        self.branch = rng.random() < 0.4
        self.fax = f"{self.data.phone[:-2]}-99"
        self.branch_city = rng.choice(("Kassel", "Bielefeld", "Würzburg", "Osnabrück", "Koblenz", "Ulm"))
        self.weee = f"DE {rng.randint(10**7, 10**8 - 1)}"
        self.partner = f"{name.split()[0]} Verwaltungs-GmbH, HRB {rng.randint(1000, 99999)}"
        self.discount_fmt = rng.choice(("{} %", "{},00", "-{} %"))
        self.notes = self.delivery_notes()
        self.split_top = 0.0

    # -- what was delivered

    def delivery_notes(self) -> list[Note]:
        rng, d = self.rng, self.data
        count = rng.randint(3, 4) if self.long else 1 if self.small else rng.choice((1, 1, 2, 2, 3))
        backs = sorted(rng.sample(range(1, 26), count), reverse=True)
        first = rng.randint(7000000, 7899999)
        street = rng.choice(_STREETS)
        one = rng.choice(_COMMISSIONS).format(owner=self.owner, street=street)
        notes = []
        for k, back in enumerate(backs):
            commission = (
                one
                if rng.random() < 0.5
                else rng.choice(_COMMISSIONS).format(owner=rng.choice(_OWNERS), street=rng.choice(_STREETS))
            )
            lines = self.article_lines(
                rng.randint(3, 5)
                if self.long
                else rng.randint(1, 2)
                if self.small
                else rng.randint(2, 3)
                if count > 1
                else rng.randint(3, 5)
            )
            notes.append(
                Note(
                    str(first + 37 * k + rng.randint(0, 30)),
                    d.date - dt.timedelta(days=back),
                    commission,
                    tuple(lines),
                )
            )
        if not any(line.cu for note in notes for line in note.lines):  # every invoice here has a cable on it
            cable = self.cable_line(rng.choice(_CABLES))
            notes[0] = dataclasses.replace(notes[0], lines=(cable, *notes[0].lines))
        return notes

    def article_lines(self, count: int) -> list[Delivered]:
        rng = self.rng
        cables = rng.sample(_CABLES, min(count, rng.randint(1, 3)))
        others = rng.sample(_ARTICLES, count - len(cables)) if count > len(cables) else []
        lines = [self.cable_line(cable) for cable in cables]
        for text, unit, pe, lo, hi, quantities in others:
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            off = rng.choice((0, 15, 20, 25, 30, 35, 40, 45)) if rng.random() < 0.85 else 0
            lines.append(
                Delivered(
                    text,
                    self.article_no(),
                    ean13(rng),
                    Decimal(rng.choice(quantities)),
                    unit,
                    pe,
                    price,
                    off,
                    Decimal(0),
                )
            )
        rng.shuffle(lines)
        return lines

    def cable_line(self, cable: Cable) -> Delivered:
        rng = self.rng
        text, cu, lo, hi, metres = cable
        price = round_cent(Decimal(str(rng.uniform(lo, hi))))
        off = rng.choice((25, 30, 35, 38, 40, 42, 45, 50))
        return Delivered(
            text,
            self.article_no(),
            ean13(self.rng),
            Decimal(rng.choice(metres)),
            "m",
            100,
            price,
            off,
            Decimal(str(cu)),
        )

    def article_no(self) -> str:
        rng = self.rng
        return rng.choice(
            (
                str(rng.randint(1000000, 9999999)),
                f"{rng.randint(100, 999)}.{rng.randint(100, 999)}.{rng.randint(10, 99)}",
            )
        )

    @property
    def one_commission(self) -> bool:
        return len({note.commission for note in self.notes}) == 1

    def surcharge(self, line: Delivered) -> Decimal:
        """The metal surcharge per 100 m of a cable: copper kg/km × (DEL − basis) / 1000, to the cent."""
        return round_cent(line.cu * (self.del_price - self.basis) / 1000)

    def surcharge_item(self, line: Delivered, pos: str) -> LineItem:
        text = f"Metallzuschlag Cu zu Pos. {pos}" if pos else "Metallzuschlag Cu"
        return LineItem(text, "", line.qty, line.unit, self.surcharge(line) / HUNDRED, 19)

    def copper_kg(self) -> Decimal:
        return sum((line.qty * line.cu / 1000 for n in self.notes for line in n.lines), Decimal(0)).quantize(
            Decimal("0.001")
        )

    def copper_item(self) -> LineItem:
        rate = (self.del_price - self.basis) / HUNDRED
        return LineItem("Metallzuschlag Kupfer", "", self.copper_kg(), "kg", rate, 19)

    # -- the page

    def header(self) -> None:
        c, d, s, L, R, rng = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT, self.rng
        slogan = rng.choice(_SLOGANS)
        contact = [s.street, s.city_line, f"Tel. {d.phone}", f"Fax {self.fax}", d.email]
        if self.head == "band":
            c.box(0, 20, c.width, 78, fill=self.brand, stroke=None)
            c.fit_text(L, 48, s.name, 16, 310, bold=True, colour=WHITE)
            c.fit_text(L, 63, slogan, 8, 310, colour=WHITE)
            for i, text in enumerate(contact):
                c.fit_text(R, 32 + 10 * i, text, 7.3, 160, align="right", colour=WHITE)
        elif self.head == "logo":
            logo(c, rng.choice(("square", "circle", "diamond")), L, 26, 42, self.brand, initials(s.name))
            c.fit_text(L + 52, 46, s.name, 14, 280, bold=True, colour=self.brand)
            c.fit_text(L + 52, 59, slogan, 7.8, 280, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 32 + 10 * i, text, 7.3, align="right", colour=GREY)
        else:
            c.fit_text(L, 46, s.name, 15, R - L, bold=True)
            c.text(L, 59, slogan, 8, colour=GREY)
            c.fit_text(L, 70, " · ".join(contact), 7.3, R - L, colour=GREY)
            c.line(L, 76, R, 76, width=1.4, colour=self.brand)
        if self.branch:
            c.text(
                R,
                92,
                f"Niederlassung {self.branch_city} · Abholung Mo–Fr 6:30–16:30 Uhr",
                7,
                align="right",
                colour=GREY,
            )

    def info_rows(self) -> list[tuple[str, str]]:
        rng, d, p = self.rng, self.data, self.p
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Beleg-Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum", "Belegdatum")), p.date(d.date)),
            (rng.choice(("Kunden-Nr.", "Kundennummer", "Kd.-Nr.")), d.customer_no),
        ]
        if self.order_ref:
            rows.append((rng.choice(("Auftrags-Nr.", "Unser Auftrag", "AB-Nr.")), self.order_ref))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestellung", "Ihre Bestell-Nr.", "Bestellnummer")), d.order_no))
        if len(self.notes) == 1 and self.with_delivery_date:
            rows.append((rng.choice(("Lieferdatum", "Liefer-/Leistungsdatum")), p.date(self.notes[0].day)))
        return rows

    def info(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        y = self.window(
            L,
            134,
            [r.name, r.contact, r.street, r.city_line],
            10,
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        rows = self.info_rows()
        if self.info_style == "box":
            top = 122.0
            c.box(338, top, R, top + 8 + 13 * len(rows), width=0.5, stroke=GREY)
            label_rows(c, rows, 344, R - 6, top + 13, 8.5, 13, value_align="right")
            y = max(y, top + 8 + 13 * len(rows))
        elif self.info_style == "rows":
            end = label_rows(c, rows, 340, 450, 134, 8.5, 12.5, label_colour=GREY, bold_values=True)
            y = max(y, end)
        else:
            top = max(y, 196.0) + 8
            width = (R - L) / len(rows)
            for i, (label, value) in enumerate(rows):
                c.box(
                    L + i * width,
                    top,
                    L + (i + 1) * width,
                    top + 27,
                    fill=PALE if i else LIGHT,
                    stroke=RULE,
                    width=0.5,
                )
                c.fit_text(L + i * width + 4, top + 9, label, 6.8, width - 8, colour=GREY)
                c.fit_text(L + i * width + 4, top + 21, value, 8.8, width - 8, bold=i == 0)
            y = top + 27
        y += 26
        c.text(L, y, rng.choice(("Rechnung", "RECHNUNG", "Rechnung / Lieferung")), 14, bold=True)
        if self.info_style != "strip" and rng.random() < 0.5:
            c.text(
                R,
                y,
                f"Ihr Ansprechpartner: {self.sales}, Tel. {d.phone[:-1]}{rng.randint(10, 49)}",
                7.5,
                align="right",
                colour=GREY,
            )
        y += 14
        if self.one_commission:
            c.text(L, y, f"Kommission: {self.notes[0].commission}", 9, bold=True)
            y += 12
        if self.metal != "summary" or rng.random() < 0.5:
            y = c.paragraph(L, y + 2, self.del_text(), R - L, 7.8) - 2
        return y

    def del_text(self) -> str:
        p = self.p
        when = p.date(self.notes[-1].day - dt.timedelta(days=1))
        basis = de_num(self.basis) if self.rng.random() < 0.5 else str(int(self.basis))
        return self.rng.choice(
            (
                f"Metallzuschläge auf Basis {self.del_word} vom {when}: {de_num(self.del_price)} EUR/100 kg, "
                f"Kupferbasis {basis} EUR/100 kg.",
                f"{self.del_word} {de_num(self.del_price)} EUR/100 kg (Stand {when}) · Kupferbasis {basis} · "
                "Berechnung: Cu-Zahl × (Notiz − Basis).",
            )
        )

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 26, "left")]
        if self.art_col:
            spec.append(("art", rng.choice(("Art.-Nr.", "Artikel", "Artikelnr.")), 54, "left"))
        spec += [
            ("desc", rng.choice(("Bezeichnung", "Artikelbezeichnung", "Text")), 0, "left"),
            ("qty", "Menge", 54, "right"),
            ("unit", rng.choice(("ME", "Einh.")), 26, "left"),
            ("price", rng.choice(("Listenpreis", "Preis", "Brutto-LP")), 52, "right"),
        ]
        if self.pe_col:
            spec.append(("pe", "PE", 26, "right"))
        spec.append(("off", rng.choice(("Rabatt", "Rab. %", "Rab.")), 36, "right"))
        if self.net_col:
            spec.append(("net", rng.choice(("Netto-EP", "Nettopreis")), 50, "right"))
        if self.metal == "column":
            spec.append(("mz", rng.choice(("MZ", "Cu-Zuschl.", "Metallz.")), 46, "right"))
        spec.append(("total", rng.choice(("Betrag", "Netto", "Gesamt EUR")), 58, "right"))
        return spec

    def heading(self, y: float, cols: list[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        c.line(L, y + 16, R, y + 16, width=0.6, colour=self.brand)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 7.8, bold=True)
        return y + 16

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.text(R - 200, y + 14, label, 8.8, bold=True)
        c.text(R, y + 14, de_num(running), 8.8, bold=True, align="right")
        return y + 22

    def grey_notes(self, line: Delivered) -> list[str]:
        notes = []
        if not self.art_col:
            notes.append(f"Art.-Nr. {line.article}" + (f" · EAN {line.ean}" if self.with_ean else ""))
        elif self.with_ean:
            notes.append(f"EAN {line.ean}")
        if not self.pe_col and line.pe > 1:
            notes.append(f"Preis per {line.pe} {line.unit}")
        if line.cu and self.metal in ("column", "summary"):
            notes.append(f"Cu-Zahl {de_num(line.cu, 1)} kg/km")
        return notes

    def table(self, y: float) -> tuple[float, list[LineItem]]:
        p, L, R = self.p, self.LEFT, self.RIGHT
        cols = columns(self.spec(), L, R)
        desc = next(col for col in cols if col.key == "desc")
        total = cols[-1]
        y = self.heading(y + 4, cols)
        items: list[LineItem] = []
        running = Decimal(0)
        count = 0
        for note in self.notes:
            if y + 60 > self.limit - 40:
                self.carry(y, running, "Übertrag")
                y = self.carry(self.heading(self.next_page(), cols), running, "Übertrag")
            y += 15
            head = f"Lieferschein {note.number} vom {p.date(note.day)}"
            if not self.one_commission:
                head += f" · Kommission: {note.commission}"
            self.c.fit_text(L + 3, y, head, 8.5, R - L - 6, bold=True, colour=self.brand)
            for line in note.lines:
                count += 1
                pos = str(count * self.step)
                notes = self.grey_notes(line)
                lines = self.c.wrap(line.text, desc.width, 8.3)
                mz = self.surcharge_item(line, pos) if line.cu and self.metal != "summary" else None
                extra = 12 if mz and self.metal in ("under", "own_line") else 0
                height = 12 * len(lines) + 8.5 * len(notes) + 8 + extra
                if y + height > self.limit - 40:
                    self.carry(y, running, "Übertrag")
                    y = self.carry(self.heading(self.next_page(), cols), running, "Übertrag")
                c = self.c
                y += 13
                values = {
                    "pos": pos,
                    "art": line.article,
                    "qty": de3(line.qty),
                    "unit": line.unit,
                    "price": p.number(line.list_price),
                    "pe": str(line.pe),
                    "off": self.discount_fmt.format(line.discount) if line.discount else "netto",
                    "net": p.number(line.net_price),
                    "total": p.number(line.item.total),
                }
                if mz and self.metal == "column":
                    values["mz"] = p.number(mz.total)
                cells(c, cols, y, values, 8.3)
                for j, text in enumerate(lines):
                    c.text(desc.anchor, y + 12 * j, text, 8.3)
                y += 12 * (len(lines) - 1)
                for text in notes:
                    y += 8.5
                    c.text(desc.anchor, y, text, 6.8, colour=GREY)
                items.append(line.item)
                running += line.item.total
                if mz:
                    items.append(mz)
                    running += mz.total
                    y = self.surcharge_row(y, line, mz, pos, cols, desc, total)
                y += 5
                c.line(L, y, R, y, width=0.3, colour=RULE)
        return y, items

    def surcharge_row(
        self, y: float, line: Delivered, mz: LineItem, pos: str, cols: list[Col], desc: Col, total: Col
    ) -> float:
        c, p = self.c, self.p
        per = self.surcharge(line)
        if self.metal == "under":
            y += 11
            text = (
                f"+ Cu-Zuschlag {de_num(line.cu, 1)} kg/km × ({de_num(self.del_price)} − "
                f"{de_num(self.basis)}) = {p.number(per)}/100 m"
            )
            c.fit_text(desc.anchor, y, text, 7.2, total.x0 - desc.anchor - 4, colour=GREY)
            c.text(total.anchor, y, p.number(mz.total), 7.6, align="right", colour=GREY)
        elif self.metal == "own_line":
            y += 12
            values = {
                "qty": de3(line.qty),
                "unit": line.unit,
                "price": p.number(per),
                "pe": "100",
                "total": p.number(mz.total),
            }
            if not self.pe_col:
                values["price"] = f"{p.number(per)}/100"
            cells(c, cols, y, values, 8.3)
            c.fit_text(desc.anchor, y, mz.description, 8.3, desc.width)
        return y

    def extras(self, goods: Decimal) -> list[tuple[str, LineItem]]:
        """Mindermengenzuschlag, Frachtpauschale and an instant bonus: (kind, item)."""
        rng = self.rng
        out: list[tuple[str, LineItem]] = []
        if self.metal == "summary":
            out.append(("metal", self.copper_item()))
        if goods < 150 or (self.small and rng.random() < 0.7):
            fee = Decimal(rng.choice(("7.50", "10.00", "12.50", "15.00")))
            out.append(("fee", LineItem("Mindermengenzuschlag", "", Decimal(1), "", fee, 19)))
        if self.freight:
            fee = Decimal(rng.choice(("9.90", "12.50", "14.80", "19.50", "24.00")))
            text = rng.choice(("Frachtpauschale", "Frachtpauschale Zustellung", "Versandkostenpauschale"))
            out.append(("fee", LineItem(text, "", Decimal(1), "", fee, 19)))
        if self.bonus == "deduct":
            pct = Decimal(rng.choice(("1.5", "2", "3")))
            cut = round_cent(goods * pct / HUNDRED)
            out.append(
                (
                    "bonus",
                    LineItem(f"Sofortbonus {de_num(pct, 1)} % auf Warenwert", "", Decimal(1), "", -cut, 19),
                )
            )
        return out

    def total_rows(
        self, goods: Decimal, metal: Decimal, extras: list[tuple[str, LineItem]], vat: VatLine
    ) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        metal += sum((item.total for kind, item in extras if kind == "metal"), Decimal(0))
        rows: list[tuple[str, Decimal, bool]] = [(rng.choice(("Warenwert", "Warenwert netto")), goods, False)]
        fees = [item for kind, item in extras if kind == "fee"]
        if self.itemised:
            rows.append((rng.choice(("Metallzuschläge", "Cu-Zuschlag", "Metallzuschlag")), metal, False))
            rows += [(item.description, item.total, False) for item in fees]
        else:
            rows.append(("Zuschläge", metal + sum((f.total for f in fees), Decimal(0)), False))
        rows += [(item.description, item.total, False) for kind, item in extras if kind == "bonus"]
        rows.append((rng.choice(("Nettowert", "Nettobetrag", "Summe netto")), vat.base, True))
        rows.append((rng.choice(("MwSt 19 %", "19 % MwSt.", "USt 19 %")), vat.amount, False))
        rows.append(
            (rng.choice(("Rechnungsbetrag", "Rechnungsbetrag EUR", "Endbetrag")), vat.base + vat.amount, True)
        )
        return rows

    def totals(self, y: float, rows: list[tuple[str, Decimal, bool]]) -> float:
        needed = 24 + (16 * len(rows) if self.totals_style != "strip" else 40)
        if y + needed > self.limit - 60:
            y = self.next_page()
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        if self.totals_style == "strip":
            y += 14
            width = (R - L) / len(rows)
            c.line(L, y, R, y, width=0.8)
            for i, (label, value, bold) in enumerate(rows):
                x = L + (i + 1) * width - 4
                c.fit_text(x, y + 11, label, 7.2, width - 6, align="right", colour=GREY)
                c.fit_text(
                    x, y + 25, p.amount(value), 8.8, width - 6, bold=bold or i == len(rows) - 1, align="right"
                )
            c.line(L, y + 31, R, y + 31, width=0.8)
            return y + 36
        x = R - 250
        if self.totals_style == "split":  # the payment terms beside the totals (see `closing`)
            x = L + 260
            self.split_top = y
        y += 8
        for label, value, bold in rows:
            y += 15
            if label == rows[-1][0]:
                c.box(x - 5, y - 11, R + 3, y + 5, fill=LIGHT, stroke=None)
                c.line(x - 5, y + 5, R + 3, y + 5, width=0.9)
            c.fit_text(x, y, label, 9, 170, bold=bold)
            c.text(R, y, p.amount(value), 9, bold=bold, align="right")
        return y + 8

    def payment_texts(self, goods: Decimal, gross: Decimal) -> list[tuple[str, bool]]:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        early = d.date + dt.timedelta(days=rng.choice((8, 10, 14)))
        if self.payment in ("skonto", "skonto_goods"):
            pct = rng.choice((2, 2, 3))
            base = gross if self.payment == "skonto" else round_cent(goods * Decimal("1.19"))
            cut = round_cent(base * pct / 100)
            if self.payment == "skonto":
                texts.append(
                    (
                        f"Bei Zahlung bis {p.date(early)} {pct} % Skonto = {p.amount(cut)}, Zahlbetrag "
                        f"{p.amount(gross - cut)}. Netto ohne Abzug bis {p.date(d.due_date)}.",
                        True,
                    )
                )
            else:
                texts.append(
                    (
                        f"Skontofähiger Betrag {p.amount(base)}: bei Zahlung bis {p.date(early)} {pct} % "
                        f"Skonto = {p.amount(cut)}, Zahlbetrag {p.amount(gross - cut)}; netto bis "
                        f"{p.date(d.due_date)}.",
                        True,
                    )
                )
                texts.append(("Auf Metallzuschläge, Fracht und Zuschläge wird kein Skonto gewährt.", False))
        elif self.payment == "term":
            texts.append((f"Zahlbar bis {p.date(d.due_date)} rein netto.", True))
        else:
            texts.append(
                (
                    f"Der Rechnungsbetrag wird am {p.date(early)} per SEPA-Lastschrift von Ihrem Konto "
                    f"{masked_de(rng)} eingezogen (Mandatsreferenz {d.customer_no}-01, Gläubiger-ID "
                    f"{creditor_id(rng)}).",
                    True,
                )
            )
        if self.bonus == "note":
            texts.append((f"Bonusrelevanter Umsatz dieser Rechnung: {p.amount(goods)}", False))
        elif self.bonus == "year":
            turnover = round_cent(goods * rng.randint(12, 60) + Decimal(rng.randint(100, 9999)))
            texts.append(
                (
                    f"Ihr bonusfähiger Umsatz {d.date.year} bis heute: {p.amount(turnover)} – ab "
                    f"{p.amount(Decimal(50000))} erhalten Sie 1,5 % Jahresbonus.",
                    False,
                )
            )
        if not self.freight:
            texts.append(
                (
                    "Lieferung frei Haus ab 250,00 EUR Warenwert, darunter Abholung oder Fracht nach "
                    "Vereinbarung.",
                    False,
                )
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
                        "Es gelten unsere Allgemeinen Verkaufs- und Lieferbedingungen; Eigentumsvorbehalt "
                        "gemäß Ziff. 8.",
                    )
                ),
                False,
            )
        )
        if self.metal == "summary":
            texts.append(
                (
                    f"Metallzuschlag: Cu-Gewicht {de3(self.copper_kg())} kg × ({de_num(self.del_price)} − "
                    f"{de_num(self.basis)}) EUR/100 kg.",
                    False,
                )
            )
        return texts

    def closing(self, y: float, goods: Decimal, gross: Decimal) -> float:
        L, R = self.LEFT, self.RIGHT
        texts = self.payment_texts(goods, gross)
        width = 240 if self.totals_style == "split" else R - L
        height = sum(11 * len(self.c.wrap(t, width, 8.2)) + 4 for t, _ in texts) + 10
        top = y + 6
        if self.totals_style == "split" and self.split_top + 36 + height <= self.limit:
            top = self.split_top + 10
            self.c.text(
                L, top + 14, self.rng.choice(("Zahlungsbedingungen", "Zahlung und Hinweise")), 8.5, bold=True
            )
            top += 26
        elif top + height > self.limit:
            top = self.next_page()
            width = R - L
        end = top
        for text, bold in texts:
            end = self.c.paragraph(L, end + 4, text, width, 8.2, bold=bold)
        return max(y, end)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Sitz {s.city}, Amtsgericht {s.city}", d.register, f"Geschäftsführer: {d.ceo}"]
        if "KG" in s.name:
            legal[2] = f"Pers. haft. Ges.: {self.partner}"
            legal.append(f"Geschäftsführer: {d.ceo}")
        ids = self.tax_ids("USt-IdNr.", "St.-Nr.")
        ids.append(f"WEEE-Reg.-Nr. {self.weee}")
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
            legal,
            ids,
            [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.6)

    def draw(self) -> TripDrawing:
        self.header()
        y, items = self.table(self.info())
        goods = sum((line.item.total for n in self.notes for line in n.lines), Decimal(0))
        metal = sum((item.total for item in items), Decimal(0)) - goods
        extras = self.extras(goods)
        items += [item for _, item in extras]
        (vat,) = vat_breakdown(items)
        rows = self.total_rows(goods, metal, extras, vat)
        y = self.totals(y, rows)
        y = self.closing(y, goods, vat.base + vat.amount)
        assert y < self.limit + 6, "elektro_grosshandel: page overflow"
        pages = self.close_pages(False)
        dated = len(self.notes) == 1 and self.with_delivery_date
        if dated:
            self.data = dataclasses.replace(self.data, service_date=self.notes[0].day)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=dated,
            customer_no=True,
            order_no=bool(self.data.order_no),
        )


# ---------------------------------------------------------------------------
# auto_entrepreneur_fr

_PEOPLE = (
    "Camille Rousseau",
    "Julien Marchetti",
    "Léa Fontaine",
    "Thomas Girard",
    "Sophie Lambert",
    "Nicolas Perrin",
    "Chloé Dubois",
    "Maxime Lefort",
    "Inès Benali",
    "Antoine Mercier",
)
# Trades: (French name, English name, APE code, trade names, items).
# Items: (French text, English text, unit fr, unit en, least and most price, quantities).
Service = tuple[str, str, str, str, float, float, tuple[str, ...]]
_TRADES: dict[str, tuple[str, str, str, tuple[str, ...], tuple[Service, ...]]] = {
    "design": (
        "Graphiste – Identité visuelle",
        "Graphic designer",
        "7410Z",
        ("Atelier Pixelle", "Studio Lumen"),
        (
            (
                "Création de logo (3 pistes, 2 allers-retours)",
                "Logo design (3 concepts, 2 revisions)",
                "forfait",
                "flat fee",
                450,
                1200,
                ("1",),
            ),
            (
                "Déclinaison de la charte graphique",
                "Brand guidelines",
                "forfait",
                "flat fee",
                300,
                900,
                ("1",),
            ),
            (
                "Mise en page brochure A4",
                "Brochure layout, A4",
                "page",
                "page",
                35,
                60,
                ("8", "12", "16", "24"),
            ),
            (
                "Bannières web, lot de 5 formats",
                "Web banners, set of 5 sizes",
                "lot",
                "set",
                150,
                350,
                ("1", "2"),
            ),
            (
                "Retouches supplémentaires",
                "Additional changes",
                "heure",
                "hour",
                40,
                60,
                ("1.5", "2", "3", "4.5"),
            ),
            (
                "Adaptation des visuels pour le salon",
                "Trade fair artwork adaptation",
                "forfait",
                "flat fee",
                180,
                480,
                ("1",),
            ),
        ),
    ),
    "photo": (
        "Photographie professionnelle",
        "Photographer",
        "7420Z",
        ("Lumière du Nord Photo", "Studio Objectif"),
        (
            (
                "Journée de prise de vue en studio (packshots)",
                "Studio shooting day (packshots)",
                "jour",
                "day",
                450,
                900,
                ("1", "2"),
            ),
            (
                "Demi-journée de reportage sur site",
                "Half-day on-site reportage",
                "demi-jour",
                "half day",
                280,
                480,
                ("1", "2"),
            ),
            (
                "Post-production et retouche",
                "Post-production and retouching",
                "image",
                "image",
                8,
                20,
                ("20", "35", "40", "60"),
            ),
            (
                "Cession de droits – web et print, Europe, 2 ans",
                "Usage rights – web and print, Europe, 2 years",
                "forfait",
                "flat fee",
                300,
                1500,
                ("1",),
            ),
            (
                "Frais de déplacement Paris – Hambourg",
                "Travel costs Paris – Hamburg",
                "forfait",
                "flat fee",
                150,
                450,
                ("1",),
            ),
        ),
    ),
    "translation": (
        "Traduction & interprétariat DE > FR",
        "Translator German > French",
        "7430Z",
        ("Traductions Lemoine", "Passerelle Traduction"),
        (
            (
                "Traduction allemand > français, site web",
                "Translation German > French, website",
                "mot",
                "word",
                0.09,
                0.16,
                ("1850", "2400", "4250", "6300", "9800"),
            ),
            (
                "Traduction du catalogue produits",
                "Translation of the product catalogue",
                "mot",
                "word",
                0.09,
                0.15,
                ("3200", "5100", "7400"),
            ),
            (
                "Relecture et révision bilingue",
                "Bilingual proofreading",
                "heure",
                "hour",
                35,
                55,
                ("1", "2", "2.5", "4"),
            ),
            (
                "Transcréation slogan et accroches",
                "Transcreation of claims and headlines",
                "forfait",
                "flat fee",
                150,
                400,
                ("1",),
            ),
            ("Mise en forme PAO", "DTP formatting", "page", "page", 3, 8, ("12", "20", "36")),
        ),
    ),
    "dev": (
        "Développement web freelance",
        "Freelance web developer",
        "6201Z",
        ("Lefort Web", "Code & Café"),
        (
            (
                "Développement front-end React",
                "Front-end development (React)",
                "jour",
                "day",
                380,
                650,
                ("2", "3", "5", "8", "12"),
            ),
            (
                "Intégration des maquettes Figma",
                "Integration of Figma mock-ups",
                "forfait",
                "flat fee",
                600,
                2400,
                ("1",),
            ),
            (
                "Maintenance WordPress mensuelle",
                "Monthly WordPress maintenance",
                "mois",
                "month",
                90,
                250,
                ("1", "3"),
            ),
            (
                "Réunion de cadrage (visio)",
                "Kick-off meeting (video call)",
                "heure",
                "hour",
                60,
                95,
                ("1", "1.5", "2"),
            ),
            (
                "Hébergement et nom de domaine (refacturation)",
                "Hosting and domain (re-invoiced)",
                "an",
                "year",
                60,
                180,
                ("1",),
            ),
        ),
    ),
}
_AGENCIES = (
    "Werbeagentur Nordlicht GmbH",
    "Kreativbüro Elbe GmbH",
    "Pixelhafen Digital GmbH",
    "Agentur Blauwerk GmbH & Co. KG",
    "Studio Fernweh Kommunikation GmbH",
    "Markenwerk München GmbH",
    "Fuchs & Frey Design GmbH",
)
_AGENCY_PLACES = (
    ("20095", "Hamburg"),
    ("10115", "Berlin"),
    ("80331", "München"),
    ("50667", "Köln"),
    ("60311", "Frankfurt am Main"),
    ("70173", "Stuttgart"),
    ("04109", "Leipzig"),
)
_AGENCY_STREETS = (
    "Schanzenstraße 27",
    "Torstraße 140",
    "Sendlinger Straße 7",
    "Ehrenstraße 43",
    "Hanauer Landstraße 161",
    "Königstraße 26",
    "Karl-Liebknecht-Straße 9",
)
_AGENCY_CONTACTS = (
    "z. Hd. Frau Jansen",
    "Attn. Mr Becker",
    "Buchhaltung",
    "c/o Projektleitung: Anna Roth",
    "",
)
_FR_BANKS_ME = (
    ("1695800001", "Qonto"),
    ("1741800001", "Shine"),
    ("3000400001", "BNP Paribas"),
    ("2004101005", "La Banque Postale"),
    ("1027800001", "Crédit Mutuel"),
    ("3000300001", "Société Générale"),
    ("1010700001", "BRED"),
    ("3005600001", "HSBC"),
)
_PROJECTS = {
    "design": (
        "Projet : identité visuelle et supports salon",
        "Project: visual identity and trade fair materials",
    ),
    "photo": ("Projet : catalogue produits printemps-été", "Project: spring/summer product catalogue"),
    "translation": ("Projet : site web et catalogue en français", "Project: French website and catalogue"),
    "dev": ("Projet : site vitrine et maintenance", "Project: company website and maintenance"),
}
_PLURALS = {
    "word": "words",
    "hour": "hours",
    "page": "pages",
    "day": "days",
    "image": "images",
    "month": "months",
}
_MENTIONS_FR = (
    "TVA non applicable, art. 293 B du CGI",
    "TVA non applicable – article 293 B du CGI",
    "TVA non applicable, article 293 B du Code général des impôts",
)
_MENTION_EN = "VAT not applicable, article 293 B of the French Tax Code (CGI)"
_EN = {
    "title": "INVOICE",
    "number": "Invoice No.",
    "date": "Invoice date",
    "due": "Due date",
    "service": "Date of service",
    "period": "Service period",
    "client_no": "Customer ref.",
    "po": "Your PO",
    "quote": "Quote",
    "bill_to": "Bill to",
    "from": "From",
    "desc": "Description",
    "qty": "Qty",
    "unit": "Unit",
    "price": "Unit price",
    "amount": "Amount",
    "ht": "Subtotal",
    "vat": "VAT (0 %)",
    "ttc": "Total",
    "due_amt": "Amount due",
    "deposit": "Deposit paid on",
}
_FR = {
    "title": "FACTURE",
    "number": "Facture n°",
    "date": "Date",
    "due": "Date d'échéance",
    "service": "Date de la prestation",
    "period": "Période",
    "client_no": "Réf. client",
    "po": "Votre référence",
    "quote": "Devis",
    "bill_to": "Facturé à",
    "from": "Émetteur",
    "desc": "Désignation",
    "qty": "Qté",
    "unit": "Unité",
    "price": "Prix unitaire",
    "amount": "Montant",
    "ht": "Total HT",
    "vat": "TVA",
    "ttc": "Total TTC",
    "due_amt": "Net à payer",
    "deposit": "Acompte versé le",
}


def fr_quantity(value: Decimal, english: bool) -> str:
    """4 250 (French) or 4,250 (English); 1,5 or 1.5."""
    if value == value.to_integral():
        text = f"{int(value):,}"
        return text if english else text.replace(",", " ")
    text = f"{value.normalize():f}"
    return text if english else text.replace(".", ",")


def mailbox(person: str) -> str:
    """camille.rousseau for Camille Rousseau, léa.fontaine as lea.fontaine."""
    plain = person.lower().translate(str.maketrans("éèëêïîç", "eeeeiic"))
    return ".".join(plain.split())


def siret_of(siren: str, rng: random.Random) -> str:
    """A SIRET: the SIREN, a four-digit establishment number and the Luhn digit over all fourteen."""
    nic = f"000{rng.randint(1, 3)}"
    return siren + nic + luhn.calc_check_digit(siren + nic)


class AutoEntrepreneurFr(FirstSheet):
    """A French micro-entrepreneur's invoice to a German agency: no VAT under art. 293 B du CGI."""

    FONTS = ("liberation-sans", "dejavu-sans", "liberation-serif", "dejavu-serif", "dejavu-sans-condensed")
    IDS = "vat"
    GROUPED = 0.75
    FOOT = A4.height - 66

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.trade = rng.choice(tuple(_TRADES))
        self.english = rng.random() < 0.3
        self.person = rng.choice(_PEOPLE)
        self.brand_name = rng.choice(_TRADES[self.trade][3]) if rng.random() < 0.35 else ""
        seller = fr_address(rng, (self.person,))
        plz, city = rng.choice(_AGENCY_PLACES)
        agency = dataclasses.replace(
            data.customer,
            name=rng.choice(_AGENCIES),
            street=rng.choice(_AGENCY_STREETS),
            plz=plz,
            city=city,
            contact=rng.choice(_AGENCY_CONTACTS),
        )
        day = data.date
        self.dates = (
            rng.choice(("fr_slash", "fr_slash", "fr_long", "place"))
            if not self.english
            else rng.choice(("en_long", "fr_slash", "en_us"))
        )
        if self.dates in ("fr_long", "place") and day.day == 1:  # "1er mars" is how that day is written
            day += dt.timedelta(days=1)
        self.siren = fr_siren(rng)
        self.siret = siret_of(self.siren, rng)
        n = rng.randint(1, 140)
        number = rng.choice(
            (
                f"{day.year}-{n:03d}",
                f"F{day.year}-{n:03d}",
                f"FAC-{day.year}-{day.month:02d}-{n:02d}",
                f"{day.year}/{n:03d}",
                f"CR-{day.year % 100}-{n:03d}",
            )
        )
        bank, self.bank_label = rng.choice(_FR_BANKS_ME)
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((30, 30, 15, 0))),
            customer_no=rng.choice(
                (
                    f"CLI-{rng.randint(1, 60):03d}",
                    f"C{rng.randint(100, 999)}",
                    agency.name.split()[0][:5].upper() + "01",
                )
            )
            if rng.random() < 0.35
            else "",
            order_no=rng.choice(
                (
                    f"PO-{day.year}-{rng.randint(10, 999):03d}",
                    f"45{_digits(rng, 8)}",
                    f"BE-{rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.4
            else "",
            supplier=seller.party,
            customer=agency,
            phone=f"0{rng.choice('67')} " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4)),
            email=f"{mailbox(self.person)}@{rng.choice(('gmail.com', 'orange.fr', 'proton.me', 'free.fr'))}",
            vat_id=fr_vat_id(self.siren),
            tax_no="",
            iban=iban_of(rng, "FR", (bank,), 11),
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        self.seller = seller
        if self.english:
            self.p = Printer("en", rng.choice(("sign_tight", "sign_tight", "sign_after")), self.print_dates())
        else:
            self.p = Printer(
                rng.choice(("de_space", "de_space", "plain_comma")),
                rng.choice(("sign_after", "sign_after", "code_after")),
                self.print_dates(),
            )
        self.words = _EN if self.english else _FR
        self.layout = rng.choice(("word", "app", "minimal"))
        self.brand = rng.choice(MORE_BRANDS)
        self.own_vat = rng.random() < 0.3
        self.vat_spaced = rng.random() < 0.4
        self.client_vat = _vat_id(rng) if rng.random() < 0.45 else ""
        self.vat_row = rng.random() < 0.45  # a "TVA 0,00 €" row
        self.ttc_row = rng.random() < 0.45
        self.deposit = rng.random() < 0.25
        self.quote = rng.random() < 0.4
        self.when = rng.choice(("date", "period", "none"))
        self.french_mention = self.english and rng.random() < 0.5
        self.ei = day >= dt.date(2022, 5, 15)
        self.ei_suffix = rng.random() < 0.5
        self.siret_spaced = rng.random() < 0.5
        self.rne = day.year >= 2023 and rng.random() < 0.5  # the single register (RNE) from 2023
        self.served = day - dt.timedelta(days=rng.randint(1, 12))

    def print_dates(self) -> DateStyle:
        return {"place": "fr_long"}.get(self.dates, self.dates)

    def date(self, day: dt.date) -> str:
        return self.p.date(day)

    def word(self, key: str) -> str:
        return self.words[key]

    # -- what was done

    def lines(self) -> list[LineItem]:
        rng = self.rng
        services = _TRADES[self.trade][4]
        picked = rng.sample(services, rng.choice((1, 2, 2, 3, 3, 4)))
        items = []
        for fr, en, unit_fr, unit_en, lo, hi, quantities in picked:
            step = Decimal("0.01") if hi < 1 else Decimal(5) if hi > 100 else Decimal(1)
            price = (Decimal(str(rng.uniform(lo, hi))) / step).quantize(Decimal(1)) * step
            qty = Decimal(rng.choice(quantities))
            unit = (_PLURALS.get(unit_en, unit_en) if qty > 1 else unit_en) if self.english else unit_fr
            items.append(LineItem(en if self.english else fr, "", qty, unit, round_cent(price), 0))
        return items

    # -- the page

    def seller_lines(self) -> list[str]:
        """The seller's name line (the person's name, "EI" from mid-2022), trade, address, phone, mail."""
        trade = _TRADES[self.trade]
        lines = [f"{self.person} EI" if self.ei and self.ei_suffix else self.person]
        if self.ei and not self.ei_suffix:
            lines.append("Entrepreneur individuel (EI)" if not self.english else "Sole trader (EI)")
        lines.append(trade[1] if self.english else trade[0])
        lines += [*self.seller.lines, "France" if self.english else ""]
        lines += [
            f"Tél. {self.data.phone}" if not self.english else f"Phone +33 {self.data.phone[1:]}",
            self.data.email,
        ]
        return [line for line in lines if line]

    def siret_text(self) -> str:
        s = self.siret
        return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}" if self.siret_spaced else s

    def vat_text(self) -> str:
        v = self.data.vat_id
        return f"{v[:2]} {v[2:4]} {v[4:7]} {v[7:10]} {v[10:]}" if self.vat_spaced else v

    def client_lines(self) -> list[str]:
        r = self.data.customer
        country = "Germany" if self.english else self.rng.choice(("Allemagne", "ALLEMAGNE"))
        lines = [r.name, r.contact, r.street, f"{r.plz} {r.city}", country]
        if self.client_vat:
            label = (
                "VAT ID" if self.english else self.rng.choice(("N° TVA", "TVA intracom. client", "USt-IdNr."))
            )
            lines.append(
                f"{label} : {self.client_vat}" if not self.english else f"{label}: {self.client_vat}"
            )
        return [line for line in lines if line]

    def info_rows(self) -> list[tuple[str, str]]:
        d, w = self.data, self.word
        rows = [(w("number"), d.number)]
        if self.dates != "place":
            rows.append((w("date"), self.date(d.date)))
        if self.when == "date":
            rows.append((w("service"), self.date(self.served)))
        elif self.when == "period":
            start = self.served - dt.timedelta(days=self.rng.randint(10, 40))
            joiner = ("from", "to") if self.english else ("du", "au")
            rows.append((w("period"), f"{joiner[0]} {self.date(start)} {joiner[1]} {self.date(self.served)}"))
        if d.due_date > d.date:
            rows.append((w("due"), self.date(d.due_date)))
        if d.customer_no:
            rows.append((w("client_no"), d.customer_no))
        if d.order_no:
            rows.append((w("po"), d.order_no))
        if self.english and self.p.currency == "sign_tight":
            rows.append(("Currency", "EUR"))
        return rows

    def place_line(self) -> str:
        return f"{self.data.supplier.city}, le {self.date(self.data.date)}"

    def header(self) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        top_name = self.brand_name or self.person
        if self.layout == "app":
            c.box(0, 0, c.width, 84, fill=self.brand, stroke=None)
            c.text(L, 44, self.word("title"), 24, bold=True, colour=WHITE)
            c.fit_text(L, 64, top_name, 11, 260, colour=WHITE)
            c.text(
                R,
                40,
                f"{self.word('number')} {self.data.number}",
                10.5,
                bold=True,
                align="right",
                colour=WHITE,
            )
            when = (
                self.place_line()
                if self.dates == "place"
                else f"{self.word('date')} : {self.date(self.data.date)}"
            )
            c.text(R, 56, when.replace(" :", ":") if self.english else when, 9, align="right", colour=WHITE)
            y = 112
            c.text(L, y, self.word("from").upper(), 7, bold=True, colour=GREY)
            c.text(310, y, self.word("bill_to").upper(), 7, bold=True, colour=GREY)
            ys = self.block(L, y + 14, self.seller_lines(), 9)
            yc = self.block(310, y + 14, self.client_lines(), 9)
            return max(ys, yc) + 8
        if self.layout == "minimal":
            c.fit_text(c.width / 2, 54, top_name, 17, R - L, bold=True, align="center")
            sub = self.seller_lines()[0 if self.brand_name else 1 :]
            c.fit_text(c.width / 2, 68, " · ".join(sub[:2]), 8.2, R - L, align="center", colour=GREY)
            c.fit_text(c.width / 2, 79, " · ".join(sub[2:]), 7.6, R - L, align="center", colour=GREY)
            c.line(L, 88, R, 88, width=0.5)
            yc = self.block(L, 122, self.client_lines(), 9.5)
            return yc + 4
        logo(c, self.rng.choice(("circle", "square")), L, 36, 30, self.brand, initials(top_name))
        c.fit_text(L + 40, 50, top_name, 14, 240, bold=True, colour=self.brand)
        ys = self.block(L, 84, self.seller_lines()[0 if self.brand_name else 1 :], 8.4)
        c.text(
            330,
            140,
            self.word("bill_to") + " :" if not self.english else self.word("bill_to") + ":",
            8,
            colour=GREY,
        )
        yc = self.block(330, 154, self.client_lines(), 9.5)
        return max(ys, yc) + 6

    def block(self, x: float, y: float, lines: list[str], size: float) -> float:
        for i, line in enumerate(lines):
            self.c.fit_text(x, y, line, size, 230, bold=i == 0 and size >= 9)
            y += size * 1.32
        return y

    def info(self, y: float) -> float:
        c, L, R, rng = self.c, self.LEFT, self.RIGHT, self.rng
        rows = self.info_rows()
        if self.layout == "app":
            y += 6
            width = (R - L) / len(rows)
            c.box(L, y, R, y + 30, fill=PALE, stroke=RULE, width=0.5)
            for i, (label, value) in enumerate(rows):
                c.fit_text(L + i * width + 5, y + 11, label, 7, width - 10, colour=GREY)
                c.fit_text(L + i * width + 5, y + 24, value, 9, width - 10, bold=i == 0)
            return y + 44
        if self.layout == "minimal":
            x = 340
            if self.dates == "place":
                c.text(R, 106, self.place_line(), 9, align="right")
            sep = ":" if self.english else " :"
            top = 122
            for label, value in rows:
                c.text(x, top, f"{label}{sep}", 8.6, colour=GREY)
                c.text(R, top, value, 8.6, bold=label == rows[0][0], align="right")
                top += 13
            y = max(y, top) + 10
            c.text(
                L,
                y,
                self.word("title").capitalize() if rng.random() < 0.5 else self.word("title"),
                16,
                bold=True,
            )
            return y + 14
        y += 14
        if self.dates == "place":
            c.text(R, y - 16, self.place_line(), 9.5, align="right")
        c.text(L, y + 8, self.word("title"), 20, bold=True, colour=self.brand)
        y = label_rows(c, rows, L, L + 120, y + 28, 9, 13, label_colour=GREY, bold_values=False)
        return y + 2

    def intro(self, y: float) -> float:
        rng, d = self.rng, self.data
        texts = []
        if self.quote:
            quoted = d.date - dt.timedelta(days=rng.randint(15, 60))
            number = f"D-{quoted.year}-{rng.randint(1, 60):03d}"
            texts.append(
                f"Quote {number} of {self.date(quoted)} accepted."
                if self.english
                else f"Selon devis n° {number} du {self.date(quoted)}, accepté le "
                f"{self.date(quoted + dt.timedelta(days=rng.randint(1, 9)))}."
            )
        if rng.random() < 0.5:
            texts.append(_PROJECTS[self.trade][self.english])
        for text in texts:
            y = self.c.paragraph(self.LEFT, y + 4, text, self.RIGHT - self.LEFT, 8.8) - 2
        return y + 4

    def table(self, y: float, items: list[LineItem]) -> float:
        c, p, L, R, w = self.c, self.p, self.LEFT, self.RIGHT, self.word
        cols = columns(
            [
                ("desc", w("desc"), 0, "left"),
                ("qty", w("qty"), 50, "right"),
                ("unit", w("unit"), 60, "left"),
                (
                    "price",
                    w("price") if self.english else self.rng.choice(("Prix unitaire", "PU", "Prix unit.")),
                    74,
                    "right",
                ),
                (
                    "amount",
                    w("amount") if self.english else self.rng.choice(("Montant", "Total", "Montant HT")),
                    80,
                    "right",
                ),
            ],
            L,
            R,
        )
        desc = cols[0]
        filled = self.layout == "app"
        c.box(L, y, R, y + 17, fill=self.brand if filled else LIGHT, stroke=None)
        cells(
            c,
            cols,
            y + 12,
            {col.key: col.head for col in cols},
            8.4,
            bold=True,
            colour=WHITE if filled else (0, 0, 0),
        )
        y += 17
        for item in items:
            lines = c.wrap(item.description, desc.width, 8.8)
            y += 14
            cells(
                c,
                cols,
                y,
                {
                    "qty": fr_quantity(item.quantity, self.english),
                    "unit": item.unit,
                    "price": p.amount(item.unit_price),
                    "amount": p.amount(item.total),
                },
                8.8,
            )
            for j, line in enumerate(lines):
                c.text(desc.anchor, y + 12 * j, line, 8.8)
            y += 12 * (len(lines) - 1) + 6
            c.line(L, y, R, y, width=0.3, colour=RULE)
        if self.layout == "word":
            c.line(L, y, R, y, width=0.8)
        return y

    def totals(self, y: float, gross: Decimal) -> float:
        c, p, R, w, rng = self.c, self.p, self.RIGHT, self.word, self.rng
        rows: list[tuple[str, str, bool]] = [(w("ht"), p.amount(gross), not self.ttc_row)]
        if self.vat_row:
            rows.append(
                (
                    w("vat") if self.english else rng.choice(("TVA", "TVA 0 %", "TVA (0 %)")),
                    p.amount(Decimal(0)),
                    False,
                )
            )
        if self.ttc_row:
            rows.append((w("ttc"), p.amount(gross), True))
        if self.deposit:
            paid = round_cent(gross * Decimal(rng.choice((30, 40, 50))) / HUNDRED)
            when = self.data.date - dt.timedelta(days=rng.randint(20, 50))
            rows.append((f"{w('deposit')} {self.date(when)}", p.amount(-paid), False))
            rows.append((w("due_amt"), p.amount(gross - paid), True))
        else:
            rows.append((w("due_amt"), p.amount(gross), True))
        x = R - 240
        y += 6
        for label, value, bold in rows:
            y += 16
            if bold and label == rows[-1][0]:
                c.box(x - 6, y - 12, R + 4, y + 5, fill=LIGHT if self.layout != "app" else PALE, stroke=None)
            c.fit_text(x, y, label, 9.5, 150, bold=bold)
            c.text(R, y, value, 9.5, bold=bold, align="right")
        y += 16
        mention = _MENTION_EN if self.english and not self.french_mention else rng.choice(_MENTIONS_FR)
        c.fit_text(R, y, mention, 8.5, R - self.LEFT, align="right", bold=True)
        return y + 4

    def payment_texts(self) -> list[tuple[str, bool]]:
        d, rng = self.data, self.rng
        days = (d.due_date - d.date).days
        if self.english:
            term = f"{days} days" if days else "on receipt"
            texts = [
                (
                    f"Payment terms: {term}"
                    + (f" (due {self.date(d.due_date)})" if days else "")
                    + " – payment by bank transfer.",
                    True,
                ),
                (
                    "Late payment penalties: three times the French legal interest rate. Fixed compensation "
                    "for recovery costs: €40 (art. L441-10 Code de commerce). No discount for early payment.",
                    False,
                ),
            ]
        else:
            term = f"{days} jours" if days else "à réception"
            texts = [
                (
                    f"Conditions de paiement : {term}"
                    + (f", soit le {self.date(d.due_date)}" if days else "")
                    + " – règlement par virement bancaire.",
                    True,
                ),
                (
                    rng.choice(
                        (
                            "Pénalités de retard : trois fois le taux d'intérêt légal. ",
                            "En cas de retard de paiement, pénalités au taux de 10 % par an. ",
                        )
                    )
                    + rng.choice(
                        (
                            "Indemnité forfaitaire pour frais de recouvrement : 40 €.",
                            "Indemnité forfaitaire de 40 € pour frais de recouvrement (art. L441-10 du "
                            "Code de commerce).",
                        )
                    )
                    + " Pas d'escompte pour paiement anticipé.",
                    False,
                ),
            ]
        return texts

    def bank(self, y: float) -> float:
        c, d, L = self.c, self.data, self.LEFT
        title = (
            "Bank details" if self.english else self.rng.choice(("Coordonnées bancaires", "RIB", "Règlement"))
        )
        rows = [
            ("Bank" if self.english else "Banque", self.bank_label),
            ("IBAN", self.iban),
            ("BIC", str(d.iban.bic)),
        ]
        rows.insert(0, ("Account holder" if self.english else "Titulaire", self.person))
        if self.layout == "app":
            c.box(L, y, L + 300, y + 16 + 12 * len(rows), fill=PALE, stroke=RULE, width=0.5)
        c.text(L + 6, y + 12, title, 8.5, bold=True)
        return label_rows(c, rows, L + 6, L + 90, y + 25, 8.4, 12) + 4

    def closing(self, y: float) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        y = self.bank(y + 10)
        for text, bold in self.payment_texts():
            y = c.paragraph(L, y + 4, text, R - L, 7.9, bold=bold)
        return y

    def footer(self) -> None:
        c, L, R = self.c, self.LEFT, self.RIGHT
        trade = _TRADES[self.trade]
        name = f"{self.person} EI" if self.ei else self.person
        status = "Micro-entreprise" if not self.english else "Micro-entrepreneur"
        lines = [
            f"{name} – {status} – {', '.join(self.seller.lines)}",
            f"SIRET {self.siret_text()} – APE {trade[2]}",
        ]
        if self.rne:
            lines[1] += " – Immatriculé au RNE" if not self.english else " – Registered with the RNE"
        else:
            lines[1] += (
                " – Dispensé d'immatriculation au RCS et au RM"
                if not self.english
                else " – Exempt from registration with the RCS and RM"
            )
        if self.own_vat:
            self.tax["ust_id"] = self.data.vat_id
            label = "VAT ID" if self.english else "N° TVA intracommunautaire"
            lines.append(
                f"{label} : {self.vat_text()}" if not self.english else f"{label}: {self.vat_text()}"
            )
        c.line(L, self.FOOT, R, self.FOOT, width=0.4, colour=GREY)
        for i, line in enumerate(lines):
            c.fit_text(
                c.width / 2,
                self.FOOT + 12 + 9.5 * i,
                line,
                7,
                R - L,
                align="center",
                colour=GREY,
                min_size=5.5,
            )

    def draw(self) -> TripDrawing:
        items = self.lines()
        (vat,) = vat_breakdown(items)
        y = self.info(self.header())
        y = self.intro(y)
        y = self.table(y, items)
        y = self.totals(y, vat.base)
        y = self.closing(y)
        assert y < self.limit + 6, "auto_entrepreneur_fr: page overflow"
        pages = self.close_pages(False)
        service = self.when == "date"
        if service:
            self.data = dataclasses.replace(self.data, service_date=self.served)
        return self.finish(
            items,
            "Facture" if not self.english else "Invoice",
            pages=pages,
            service_date=service,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
            vat_printed=self.vat_row,
        )


# ---------------------------------------------------------------------------
# Registry

METALL_FAMILIES: dict[str, type[TripSheet]] = {
    "elektro_grosshandel": ElektroGrosshandel,
    "auto_entrepreneur_fr": AutoEntrepreneurFr,
}


def draw_metall(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(METALL_FAMILIES[name], name, seed)
