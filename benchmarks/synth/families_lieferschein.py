"""Two invoice layout families of a building materials dealer's monthly collective invoice to a construction
company and of a sworn court interpreter billing a court or public prosecutor's office under the JVEG,
designed blind (session 19).

Like `families_bau` and `families_person`, they were written without reading the field extractor and without
running it, so that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and
dispatches to `draw_lieferschein(name, seed)`. The dealer draws on `HandelLook` of `families_handel` (a
`RemovalLook` of `families_umzug`: letterheads, detail blocks, table heads, totals and footers whose look
varies per seed), the interpreter on `RentalLook` of `families_getraenk` (the `DienstSheet` of
`families_dienst`: detail blocks, table heads, totals and paragraphs) with a letterhead and footer of a
person; both return a `TripDrawing` (truth keys only for values printed).

- `baustoff_sammelrechnung`: a building materials dealer's ("Baustoffhandel … GmbH & Co. KG" with its general
  partner, on some seeds a GmbH) monthly collective invoice ("Sammelrechnung", "Monatsrechnung") to a
  construction company ("Bauunternehmung … GmbH", "Hoch- und Tiefbau … GmbH & Co. KG") for the deliveries of
  one month. The positions grouped by delivery note: a heading per note ("Lieferschein 4711-23 vom
  03.04.2024, Baustelle: Neubau Kita Am Park", "Lieferschein-Nr. … · … · BV …", "LS … vom … – …"; shaded or
  ruled by seed), with the delivery address, the customer's cost centre (with two sites), the person who
  ordered or, for goods collected at the yard, the driver as grey notes on some seeds. In each group the
  articles: cement, mortar and screed by the sack, rebar by the tonne with three decimals ("1,248 t" × a price
  per tonne), rebar mats, pipes and formwork panels by the piece, bricks, sand-lime and aerated concrete
  blocks per pallet ("1 Pal. = 240 Stk."), gravel loose by the weighed tonne, insulation by m² (an article
  number column on some seeds, a VAT column on some); the pallets the goods came on charged as
  "Pfandpalette" (10,00 to 15,00 € each); the freight per delivery ("Fracht Anlieferung Baustelle",
  "Anlieferung mit Kran-Lkw inkl. Abladen", "Kipperfracht" for loose goods, a crane unloading on some; none
  for goods collected); pallets returned credited as negative lines ("Gutschrift Pfandpaletten lt.
  Rücknahmeschein R-… vom …"), with a delivery or as their own group, on some seeds. A subtotal per delivery
  note ("Summe Lieferschein …", "Zwischensumme LS …") on some seeds. One or two pages: a long month runs onto
  a second page with the running net carried over ("Übertrag", "Übertrag auf Seite 2" at the foot, "Übertrag
  von Seite 1" at the top). Head: invoice number ("Rechnungs-Nr.", "Sammelrechnung Nr.") and date, the
  customer number (always), the billing period ("Abrechnungszeitraum", "Lieferzeitraum": the month or its
  dates), with a single site the customer's cost centre or site reference ("Ihre Kostenstelle", "Ihr
  Zeichen", "Bauvorhaben-Nr.": "KST 2317", "BV 23-117"). Totals: net, 19 % VAT, gross, then the Skonto with
  its amount: as rows under the totals ("abzgl. 3 % Skonto bei Zahlung bis …" and "Zahlbetrag bei
  Skontoabzug") or as a sentence ("3 % Skonto bei Zahlung bis …: 45,67 €"), 2 or 3 %, on the gross or on
  the goods only ("skontofähiger Betrag … (ohne Fracht und Pfand)") on some seeds, net due in 30 days. Notes
  on some seeds: that material deliveries are no construction work and no Bauabzugsteuer (§ 48 EStG) is to
  be withheld, or that the dealer's own Freistellungsbescheinigung under § 48b EStG is on the customer's file
  (the certificate belongs to the one who supplies, so it is the dealer's, not the customer's), that the
  supplier stays liable for the VAT (no § 13b UStG); that the date of supply is each delivery note's date;
  the pallet return terms; the retention of title. Truth: the usual keys; `kundennummer`; no `bestellnummer`
  (the cost centre and site reference are the customer's bookkeeping, the delivery notes' numbers no order
  numbers); no `leistungsdatum` (a month of deliveries); `bic` where printed; `pages` one or two. Netto,
  mwst and brutto are the invoice's (the pallets returned deducted, the Skonto not: it is only offered).
- `dolmetscher_jveg`: a freelance court interpreter, a natural person ("Katarzyna Nowak-Becker"; a trading
  name such as "Sprachendienst Nowak" large above her name on some seeds), "öffentlich bestellte und
  allgemein beeidigte Dolmetscherin" (or "allgemein beeidigte Dolmetscherin und ermächtigte Übersetzerin",
  "öffentlich bestellte und allgemein vereidigte …", male forms for the men) "für die polnische Sprache"
  (Polish, Romanian, Russian, Turkish, Arabic, Bulgarian, Albanian, Spanish, Vietnamese, Persian, Serbian),
  billing a court or public prosecutor's office of her region (Amtsgericht as criminal court, investigating
  judge or family court; Landgericht; Staatsanwaltschaft; in her city or a town near it) under the JVEG. The
  document is titled "Rechnung", "Kostenrechnung", "Liquidation", "Antrag auf Vergütung nach dem JVEG" or
  "Vergütungsantrag gem. § 2 JVEG". Head: her own invoice number ("2024-031", "D-24/031", "031/2024") and
  date, on most seeds the court's case number ("Aktenzeichen", "Geschäftsnummer", "Ihr Az.": "23 Ls 512 Js
  1234/23", "42 Gs 1234/23", "5 F 212/23", "4 KLs 312 Js 45/23", "512 Js 1234/23"; else in the subject as
  "Az.: …"), the summons date ("Ladung vom", "Heranziehung vom"; else in the subject, or a telephone
  call-out for the investigating judge), the language on some seeds, and on some single-appointment seeds
  the appointment date under "Einsatzdatum" / "Leistungsdatum" / "Tag des Einsatzes". The subject names the
  case ("Strafsache gegen Marek K. wegen Diebstahls", "Ermittlungsverfahren gegen …", "Familiensache …") and
  each appointment with its times ("Dolmetschen Polnisch – Deutsch in der Hauptverhandlung am 12.03.2024,
  09:25–12:45 Uhr"); one appointment, two hearing days on some Landgericht seeds, a Sunday call-out of the
  investigating judge on some. The time is counted from leaving home to coming back, travel and waiting
  included (§ 8 Abs. 2 JVEG), the last started hour in full above 30 minutes and as a half hour below:
  printed as a time sheet per day ("Hinfahrt 07:45–08:50", "Wartezeit …", "Dolmetschen …", "Rückfahrt …",
  "gesamt 6:05 Std.", "abzurechnen gem. § 8 Abs. 2 JVEG: 6,5 Std.") above the table or as grey notes under
  the fee line. Items: the fee per hour (85 € under § 9 Abs. 5 JVEG from 2021; before, 70 € under § 9 Abs. 3
  JVEG, 75 € where called for simultaneous interpreting), a 20 % surcharge for a Sunday (§ 9 Abs. 6 JVEG,
  from 2021), the mileage with her own car (0,42 € per km from 2021, 0,30 € before, § 5 Abs. 2 JVEG; "2 ×
  38 km") or a public transport ticket in her city, parking on some seeds, a day allowance above 8 hours
  away (§ 6 JVEG); on some seeds a written translation by lines of 55 keystrokes (§ 11 JVEG: 1,80 / 1,95 /
  2,10 € from 2021, 1,55 / 1,75 / 1,85 / 2,05 € before; the keystrokes and lines as a note) with its copies
  at 0,50 € a page (§ 7 Abs. 2 JVEG) and postage on some. 19 % VAT ("19 % USt. (§ 12 JVEG)") or, for a
  small business on about a third of the seeds, none, with the § 19 UStG note (and a 0,00 VAT row on some
  of those). Payment to her IBAN (in the footer or in a sentence of the closing text), her Steuernummer
  and/or USt-IdNr. (the Steuernummer always for the small businesses), an assurance of the figures and her
  signature on some seeds. Truth: the usual keys; `lieferant` the person's name (a trading name is no legal
  name; her name stands on every seed); `leistungsdatum` the appointment date only where printed under its
  head label; no `kundennummer`, no `bestellnummer` (the court's case number is neither an invoice nor an
  order number); `mwst` 0.0 only where a 0,00 VAT row is printed, left out on the other small-business
  seeds; `bic` where printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % then); the interpreter's old and new
JVEG rates follow the appointment's date (the KostRÄG 2021 took effect on 1 January 2021).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_getraenk import RentalLook, price_between
from benchmarks.synth.families_handel import HandelLook, head_number, workday
from benchmarks.synth.families_more import GREY, WHITE, Col, columns, draw_sheet, footer_columns
from benchmarks.synth.families_objekt import calm
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line, data_for, other_street, tonnes
from benchmarks.synth.families_world import RULE
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

# ---------------------------------------------------------------------------
# baustoff_sammelrechnung

# Dealers: (name, a KG's general partner, domain).
_DEALERS = (
    ("Baustoffhandel Hüsken GmbH & Co. KG", "Hüsken Verwaltungs-GmbH", "huesken-baustoffe.de"),
    ("Bauzentrum Ostermann GmbH & Co. KG", "Ostermann Beteiligungs GmbH", "bauzentrum-ostermann.de"),
    ("Baustoffe Thiele GmbH & Co. KG", "Thiele Verwaltungsgesellschaft mbH", "thiele-baustoffe.de"),
    ("Gebr. Remmert Baustoffhandel GmbH & Co. KG", "Remmert Verwaltungs-GmbH", "remmert-bau.de"),
    ("Baustoff-Centrum Weidemann GmbH & Co. KG", "Weidemann Geschäftsführungs-GmbH", "bc-weidemann.de"),
    ("Kühne & Sohn Baustoffe GmbH & Co. KG", "Kühne Verwaltungs GmbH", "kuehne-baustoffe.de"),
    ("Baustoffhandel Nordheide GmbH", "", "baustoffe-nordheide.de"),
)
_DEALER_TAGLINES = (
    "Baustoffe · Fliesen · Holz · Werkzeug",
    "Hochbau · Tiefbau · Garten- und Landschaftsbau",
    "Ihr Baustoff-Fachhandel seit 1952",
    "Baustoffe für Profis – Lieferung direkt auf die Baustelle",
)
_BUILDERS = (
    "Bauunternehmung Krause GmbH",
    "Hoch- und Tiefbau Petersen GmbH & Co. KG",
    "Schlüter Bau GmbH",
    "Bauunternehmen Yılmaz GmbH",
    "Gebr. Hartmann Bau GmbH & Co. KG",
    "Rohbau Wenzel GmbH",
    "Brandt & Söhne Bauunternehmung GmbH",
    "Massivbau Nord GmbH",
)
_BUILDER_CONTACTS = (
    "Buchhaltung / Kreditoren",
    "z. Hd. Herrn Wenzel",
    "Rechnungsprüfung",
    "z. Hd. Frau Albers (Einkauf)",
    "",
)
_SITES = (
    "Neubau Kita Am Park",
    "Wohnanlage Lindenhof, Haus B",
    "Sanierung Grundschule Nord",
    "Neubau EFH Brandt",
    "Erweiterung Gewerbehalle Schmidt",
    "Neubau MFH Gartenstraße",
    "Umbau Feuerwache Süd",
    "Neubau Doppelhaus Birkenweg",
)
_ORDERERS = ("Polier Hr. Wagner", "Bauleiter Hr. Kowalski", "Hr. Demir (Kolonne 2)", "Fr. Sommer, Bauleitung")
_DRIVERS = ("Hr. Kaya", "Hr. Lindner", "Hr. Nowak", "Hr. Brandt")


@dataclass(frozen=True)
class Goods:
    """A catalog article: number, text, unit, price range, the quantities ordered and how it is charged
    ("sack", "t" rebar by the tonne, "pal" per pallet, "stk", "bulk" loose by the weighed tonne, "m2")."""

    art: str
    text: str
    unit: str
    lo: float
    hi: float
    counts: tuple[float, ...]
    kind: str


_GOODS = (
    Goods("100120", "Portlandzement CEM I 42,5 R, 25-kg-Sack", "Sack", 5.20, 7.90, (20, 40, 42, 60, 84),
          "sack"),
    Goods("100410", "Mauermörtel MG IIa, 40-kg-Sack", "Sack", 6.40, 8.90, (20, 30, 40, 48), "sack"),
    Goods("100560", "Estrichbeton CT-C20-F4, 40-kg-Sack", "Sack", 4.90, 6.80, (30, 48, 60), "sack"),
    Goods("200110", "Betonstahl BSt 500 S, Ø 10 mm, Stablänge 12 m", "t", 890, 1180, (0.25, 2.2), "t"),
    Goods("200112", "Betonstahl BSt 500 S, Ø 12 mm, Stablänge 12 m", "t", 880, 1160, (0.3, 2.8), "t"),
    Goods("200116", "Betonstahl BSt 500 S, Ø 16 mm, Stablänge 14 m", "t", 870, 1150, (0.4, 3.5), "t"),
    Goods("200510", "Betonstahlmatte Q188A, 6,00 × 2,30 m", "Stk.", 32, 58, (10, 15, 20, 30), "stk"),
    Goods("300210", "Kalksandstein KS L-R 2DF 11,5 cm, 1 Pal. = 240 Stk.", "Pal.", 150, 230, (2, 3, 4, 6),
          "pal"),
    Goods("300350", "Kalksandstein KS L-R 8DF 24 cm, 1 Pal. = 60 Stk.", "Pal.", 170, 260, (2, 3, 4, 5),
          "pal"),
    Goods("300520", "Hochlochziegel Plan-T10 36,5 cm, 1 Pal. = 40 Stk.", "Pal.", 240, 380, (2, 3, 4, 6),
          "pal"),
    Goods("300610", "Porenbeton-Planstein PP2-0,35, 30 cm, 1 Pal. = 40 Stk.", "Pal.", 190, 290, (2, 3, 4),
          "pal"),
    Goods("400110", "KG-Rohr DN 150 SN 4, Baulänge 5 m", "Stk.", 24, 42, (4, 6, 10), "stk"),
    Goods("400320", "Drainagerohr DN 100, 50-m-Ring", "Rolle", 38, 69, (1, 2), "stk"),
    Goods("500100", "Schalungsplatte 3-S gelb, 500 × 50 cm, 27 mm", "Stk.", 28, 45, (10, 20, 30), "stk"),
    Goods("600150", "Kies 0/16 gewaschen, lose", "t", 18, 32, (5.0, 24.0), "bulk"),
    Goods("600230", "Frostschutzkies 0/32, lose", "t", 14, 26, (8.0, 26.0), "bulk"),
    Goods("700120", "Perimeterdämmung XPS 300, 120 mm, 1250 × 600 mm", "m²", 18, 32, (15, 22.5, 30, 45),
          "m2"),
)  # fmt: skip
_SACKS_PER_PALLET = 40
_HOLIDAYS = ((1, 1), (5, 1), (10, 3), (12, 25), (12, 26))  # no deliveries on the national holidays
_FREIGHT = (
    ("Fracht Anlieferung Baustelle", 35, 95),
    ("Anlieferung mit Kran-Lkw inkl. Abladen", 65, 140),
    ("Frachtkosten Zustellung (Pauschale)", 40, 85),
)


@dataclass(frozen=True)
class Site:
    """A construction site: its name, street and the customer's cost centre or site reference."""

    name: str
    street: str
    ref: str
    label: str  # the reference's label in the head


@dataclass(frozen=True)
class Delivery:
    """A delivery note (or a pallet return slip): number, date, site, its lines, collected at the yard."""

    number: str
    day: dt.date
    site: int
    lines: tuple[Line, ...]
    pickup: bool = False
    returns: bool = False  # a return slip of its own, not a delivery


class BaustoffSammelrechnung(HandelLook):
    """A building materials dealer's monthly invoice: the month's delivery notes, pallets, freight, Skonto."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner, domain = rng.choice(_DEALERS)
        day = calm(data.date)
        self.last = day.replace(day=1) - dt.timedelta(days=1)
        self.first = self.last.replace(day=1)
        day = workday(self.last + dt.timedelta(days=rng.randint(1, 8)))
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("SR", "RE", "BS"))),
            f"{rng.choice(('rechnung', 'buchhaltung', 'info', 'verkauf'))}@{domain}",
            customer_no=rng.choice(
                (
                    f"{rng.randint(10000, 99999)}",
                    f"D-{rng.randint(1000, 9999)}",
                    f"{rng.randint(200000, 299999)}",
                )
            ),  # fmt: skip
        )
        s = data.supplier
        customer = dataclasses.replace(
            data.customer,
            name=rng.choice(_BUILDERS),
            contact=rng.choice(_BUILDER_CONTACTS),
            street=other_street(rng, s.street),
            plz=s.plz,
            city=s.city,
            region=s.region,
        )
        data = dataclasses.replace(data, customer=customer, due_date=day + dt.timedelta(days=30))
        super().__init__(rng, data)
        self.setup(owner)
        self.art_column = rng.random() < 0.45
        self.subtotals = rng.random() < 0.5
        self.sum_label = rng.choice(("Summe Lieferschein", "Zwischensumme LS"))
        self.group_style = rng.choice(("shaded", "ruled"))
        self.heading_style = rng.randrange(3)
        self.pallet_price = Decimal(rng.choice(("10.00", "12.00", "12.50", "15.00")))
        self.pallet_text = rng.choice(
            ("Pfandpalette (Europalette)", "Pfandpalette", "Palettenpfand Euro-Pal.")
        )
        self.skonto_pct = rng.choice((2, 2, 3, 3, 3))
        self.skonto_day = day + dt.timedelta(days=rng.choice((8, 10, 14)))
        self.skonto_rows = rng.random() < 0.5
        self.goods_only = rng.random() < 0.35  # Skonto on the goods, not on freight and pallets
        self.note = rng.choice(("bauabzug", "bauabzug", "freistellung", "", ""))
        self.no_13b = rng.random() < 0.3
        self.note_dates = rng.random() < 0.5
        self.period_label = rng.choice(("Abrechnungszeitraum", "Lieferzeitraum", "Zeitraum"))
        self.period_as_month = rng.random() < 0.4
        self.sites = self.draw_sites()
        self.deliveries = self.draw_deliveries()
        self.carried = 0

    # -- what was delivered

    def draw_sites(self) -> list[Site]:
        rng = self.rng
        out = []
        for name in rng.sample(_SITES, rng.choice((1, 1, 1, 2, 2))):
            ref, label = rng.choice(
                ((f"KST {rng.randint(1000, 9999)}", "Ihre Kostenstelle"),
                 (f"BV {self.first.year % 100}-{rng.randint(100, 299)}",
                  rng.choice(("Bauvorhaben-Nr.", "Ihr Zeichen"))),
                 (f"{rng.randint(2000, 2999)}/{rng.randint(1, 9)}",
                  rng.choice(("Kostenstelle", "Ihr Zeichen"))))
            )  # fmt: skip
            street = other_street(rng, self.data.customer.street)
            out.append(Site(name, f"{street}, {self.data.customer.city_line}", ref, label))
        return out

    def delivery_days(self, n: int) -> list[dt.date]:
        """`n` distinct working days of the month (no weekends, no national holidays)."""
        month = [self.first + dt.timedelta(days=k) for k in range((self.last - self.first).days + 1)]
        days = [x for x in month if x.weekday() < 5 and (x.month, x.day) not in _HOLIDAYS]
        return sorted(self.rng.sample(days, n))

    def note_numbers(self, n: int) -> list[str]:
        rng = self.rng
        start, yy = rng.randint(1200, 8800), self.first.year % 100
        style = rng.randrange(3)
        out = []
        for _ in range(n):
            start += rng.randint(3, 60)
            out.append((f"{start}-{yy}", f"{yy}{start:06d}", f"{start + 4000000}")[style])
        return out

    def goods_line(self, g: Goods) -> Line:
        rng = self.rng
        if g.kind in ("t", "bulk"):
            lo, hi = g.counts
            qty = Decimal(rng.randint(int(lo * 1000), int(hi * 1000))) / 1000
            price = price_between(rng, g.lo, g.hi, "5" if g.kind == "t" else "0.10")
        else:
            qty = Decimal(str(rng.choice(g.counts)))
            price = price_between(rng, g.lo, g.hi, "0.05" if g.kind == "sack" else "0.10")
        notes: tuple[str, ...] = ()
        if g.kind == "bulk":
            notes = (f"Wiegeschein Nr. {rng.randint(100000, 999999)}, netto {tonnes(qty)} t",)
        elif g.kind == "t" and rng.random() < 0.5:
            notes = (f"lt. Wiegung {tonnes(qty)} t, Preis je t",)
        return Line(LineItem(g.text, g.art, qty, g.unit, price, 19), notes)

    def pallets_of(self, lines: list[Line], picked: list[Goods]) -> int:
        count = 0
        for line, g in zip(lines, picked, strict=True):
            if g.kind == "pal":
                count += int(line.item.quantity)
            elif g.kind == "sack":
                count += -(-int(line.item.quantity) // _SACKS_PER_PALLET)
        return count

    def pallet_line(self, count: int) -> Line:
        return Line(LineItem(self.pallet_text, "990010", Decimal(count), "Stk.", self.pallet_price, 19))

    def return_line(self, count: int, slip: str, day: dt.date) -> Line:
        text = self.rng.choice(
            (
                f"Gutschrift Pfandpaletten lt. Rücknahmeschein {slip} vom {self.p.date(day)}",
                f"Rücknahme Pfandpaletten (Rücknahmeschein {slip})",
            )
        )
        return Line(LineItem(text, "990010", Decimal(-count), "Stk.", self.pallet_price, 19))

    def draw_deliveries(self) -> list[Delivery]:
        rng = self.rng
        days = self.delivery_days(rng.choice((2, 2, 3, 3, 3, 4, 4, 5, 6)))
        numbers = self.note_numbers(len(days))
        out: list[Delivery] = []
        charged = 0
        separate = rng.random() < 0.3  # the pallets returned on a slip of their own
        returned_with = rng.randrange(1, len(days)) if len(days) > 1 and rng.random() < 0.45 else -1
        for k, (day, number) in enumerate(zip(days, numbers, strict=True)):
            site = rng.randrange(len(self.sites))
            pickup = rng.random() < 0.15
            picked = rng.sample(_GOODS, rng.choice((1, 1, 2, 2, 3)))
            lines = [self.goods_line(g) for g in picked]
            pallets = self.pallets_of(lines, picked)
            if pallets:
                lines.append(self.pallet_line(pallets))
                charged += pallets
            if not pickup:
                if any(g.kind == "bulk" for g in picked):
                    text, lo, hi = "Kipperfracht (Schüttgut)", 55, 120
                else:
                    text, lo, hi = rng.choice(_FREIGHT)
                lines.append(
                    Line(LineItem(text, "900010", Decimal(1), "pausch.", price_between(rng, lo, hi, "1"), 19))
                )
                if rng.random() < 0.2 and not text.startswith("Anlieferung mit Kran"):
                    lines.append(
                        Line(LineItem("Kranentladung", "900020", Decimal(1), "pausch.",
                                      price_between(rng, 35, 80, "1"), 19))
                    )  # fmt: skip
            if k == returned_with and charged and not separate:
                slip = f"R-{rng.randint(1000, 9999)}"
                lines.append(self.return_line(rng.randint(1, charged), slip, day))
            out.append(Delivery(number, day, site, tuple(lines), pickup))
        if separate and charged and rng.random() < 0.7:
            day = workday(min(days[-1] + dt.timedelta(days=rng.randint(1, 5)), self.last))
            if day > self.last:
                day = days[-1]
            slip = f"R-{rng.randint(1000, 9999)}"
            line = self.return_line(rng.randint(1, charged), slip, day)
            out.append(Delivery(slip, day, 0, (line,), returns=True))
        return out

    # -- the page

    def qty_text(self, item: LineItem) -> str:
        if item.unit == "t":
            return tonnes(item.quantity)
        if item.unit == "m²":
            return self.p.number(item.quantity)
        return quantity(item.quantity, self.p)

    def group_row(self, d: Delivery) -> Row:
        p, rng = self.p, self.rng
        site = self.sites[d.site]
        if d.returns:
            return Row(
                "group", {"desc": f"Palettenrückgabe lt. Rücknahmeschein {d.number} vom {p.date(d.day)}"}
            )
        head = (
            f"Lieferschein {d.number} vom {p.date(d.day)}, Baustelle: {site.name}",
            f"Lieferschein-Nr. {d.number} · {p.date(d.day)} · BV {site.name}",
            f"LS {d.number} vom {p.date(d.day)} – {site.name}",
        )[self.heading_style]
        notes = []
        if d.pickup:
            notes.append(f"Abholung ab Lager, Fahrer: {rng.choice(_DRIVERS)}")
        elif rng.random() < 0.4:
            notes.append(f"Lieferanschrift: {site.street}")
        if len(self.sites) > 1:
            notes.append(f"{site.label}: {site.ref}")
        if rng.random() < 0.3:
            notes.append(f"Besteller: {rng.choice(_ORDERERS)}")
        return Row("group", {"desc": head}, notes=(" · ".join(notes),) if notes else ())

    def rows(self) -> list[Row]:
        out: list[Row] = []
        n = 0
        for d in self.deliveries:
            out.append(self.group_row(d))
            for line in d.lines:
                n += 1
                out.append(self.row(n, line))
            if self.subtotals:
                label = "Summe Rücknahmeschein" if d.returns else self.sum_label
                total = sum((x.item.total for x in d.lines), Decimal(0))
                out.append(Row("sum", {"desc": f"{label} {d.number}", "total": self.p.number(total)}))
        return out

    def draw_row(self, y: float, row: Row, cols: list[Col]) -> float:  # type: ignore[override]
        if row.kind != "group" or self.group_style == "shaded":
            return super().draw_row(y, row, cols)
        c, L, R, size = self.c, self.LEFT, self.RIGHT, self.TABLE_SIZE
        y += 15
        c.fit_text(L, y, row.values["desc"], size + 0.4, R - L, bold=True)
        c.line(L, y + 3, R, y + 3, width=0.5)
        for note in row.notes:
            y += 10
            c.fit_text(L, y, note, size - 0.8, R - L, colour=GREY)
        return y + 2

    def carry(self, y: float, running: Decimal) -> float:
        c, R, size = self.c, self.RIGHT, self.TABLE_SIZE + 0.4
        bottom = self.carried % 2 == 0
        self.carried += 1
        if bottom:
            label = ("Übertrag", f"Übertrag auf Seite {self.pages + 1}", "Zwischensumme / Übertrag")[
                self.carry_style
            ]
        else:
            label = ("Übertrag", f"Übertrag von Seite {self.pages - 1}", "Übertrag")[self.carry_style]
        c.text(R - 230, y + 14, label, size, bold=True)
        c.text(R - 3, y + 14, self.p.amount(running), size, bold=True, align="right")
        return y + 20

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Sammelrechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no),
            (self.period_label, self.period_text(short=True)),
        ]
        if len(self.sites) == 1:
            rows.append((self.sites[0].label, self.sites[0].ref))
        return rows

    def period_text(self, short: bool = False) -> str:
        p = self.p
        if self.period_as_month:
            return f"{MONTHS_DE[self.first.month - 1]} {self.first.year}"
        if short and p.dates == "de_long":
            return f"{self.first:%d.%m.%Y} – {self.last:%d.%m.%Y}"
        return f"{p.date(self.first)} – {p.date(self.last)}"

    def subject(self, y: float) -> float:
        c, rng, L = self.c, self.rng, self.LEFT
        month = f"{MONTHS_DE[self.first.month - 1]} {self.first.year}"
        lines = [
            (
                rng.choice(
                    (
                        f"Sammelrechnung für Ihre Lieferungen im {month}",
                        f"Monatsabrechnung {month} – Lieferungen lt. Lieferscheinen",
                        f"Sammelrechnung {month}",
                    )
                ),
                True,
            ),  # fmt: skip
        ]
        if len(self.sites) == 1:
            site = self.sites[0]
            lines.append((f"Baustelle: {site.name}, {site.street}", False))
        else:
            lines.append(("Baustellen: " + "; ".join(f"{s.name} ({s.ref})" for s in self.sites), False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 26, "left")]
        if self.art_column:
            spec.append(("art", rng.choice(("Art.-Nr.", "Artikel")), 46, "left"))
        spec += [
            ("desc", rng.choice(("Bezeichnung", "Artikelbezeichnung", "Text")), 0, "left"),
            ("qty", "Menge", 46, "right"),
            ("unit", rng.choice(("ME", "Einh.")), 32, "left"),
            ("price", rng.choice(("Preis/ME", "Einzelpreis", "EP")), 60, "right"),
        ]
        if self.vat_column:
            spec.append(("vat", "MwSt.", 32, "right"))
        spec.append(("total", rng.choice(("Betrag", "Gesamt", "Netto")), 64, "right"))
        return spec

    def skonto_of(self, items: list[LineItem], gross: Decimal) -> tuple[Decimal, Decimal]:
        """The base the Skonto is taken on and its amount."""
        if self.goods_only:
            goods = sum((x.total for x in items if not x.article.startswith("9")), Decimal(0))
            base = round_cent(goods * Decimal("1.19"))
        else:
            base = gross
        return base, round_cent(base * self.skonto_pct / 100)

    def skonto_sentence(self, base: Decimal, cut: Decimal) -> str:
        p = self.p
        on = (
            f" auf den skontofähigen Betrag von {self.amount_text(base)} (ohne Fracht und Pfand)"
            if self.goods_only
            else ""
        )
        return (
            f"{self.skonto_pct} % Skonto bei Zahlung bis {p.date(self.skonto_day)}{on}: "
            f"{self.amount_text(cut)}; "
            f"bis zum {p.date(self.data.due_date)} netto ohne Abzug."
        )

    def skonto_block(self, y: float, base: Decimal, cut: Decimal, gross: Decimal) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        rows = [
            (f"abzgl. {self.skonto_pct} % Skonto bei Zahlung bis {p.date(self.skonto_day)}", -cut, False),
            ("Zahlbetrag bei Skontoabzug", gross - cut, True),
        ]
        if y + 50 > self.limit:
            y = self.next_page()
            c = self.c
        if self.goods_only:
            y += 14
            c.fit_text(R - 330, y, f"skontofähiger Betrag (ohne Fracht und Pfand): {p.amount(base)}", 8.2,
                       330,
                       colour=GREY)  # fmt: skip
        for label, value, bold in rows:
            y += 14
            c.fit_text(R - 330, y, label, 8.8, 240, bold=bold)
            c.text(R, y, p.amount(value), 8.8, bold=bold, align="right")
        return y + 6

    def closing(self, y: float, base: Decimal, cut: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.skonto_rows:
            texts.append((f"Zahlbar bis zum {p.date(d.due_date)} ohne Abzug oder bis zum "
                          f"{p.date(self.skonto_day)} abzüglich {self.skonto_pct} % Skonto.",
                          True))  # fmt: skip
        else:
            texts.append((self.skonto_sentence(base, cut), True))
        keep = len(texts)
        if self.note == "bauabzug":
            texts.append(
                (
                    rng.choice(
                        (
                            "Hinweis zur Bauabzugsteuer: Es handelt sich ausschließlich um "
                            "Materiallieferungen. "
                            "Ein Steuerabzug nach § 48 EStG ist nicht vorzunehmen.",
                            "Materiallieferungen sind keine Bauleistungen im Sinne des § 48 Abs. 1 EStG; ein "
                            "Abzug der Bauabzugsteuer entfällt.",
                        )
                    ),
                    False,
                )
            )
        elif self.note == "freistellung":
            until = d.date.replace(year=d.date.year + 1, day=min(d.date.day, 28))
            texts.append(
                (
                    "Eine gültige Freistellungsbescheinigung nach § 48b EStG für unser Unternehmen (gültig "
                    f"bis {p.date(until)}) liegt Ihnen vor; ein Steuerabzug nach § 48 EStG ist nicht "
                    "vorzunehmen.",
                    False,
                )
            )
        if self.no_13b:
            texts.append(
                ("Reine Materiallieferung – keine Steuerschuldnerschaft des Leistungsempfängers nach "
                 "§ 13b UStG.",
                 False)
            )  # fmt: skip
        if self.note_dates:
            texts.append(
                ("Das Liefer- bzw. Leistungsdatum entspricht dem jeweiligen Lieferscheindatum.", False)
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Pfandpaletten werden bei Rückgabe in einwandfreiem Zustand zum berechneten Wert "
                        "gutgeschrieben.",
                        "Paletten nehmen wir innerhalb von 3 Monaten frachtfrei zurück; beschädigte Paletten "
                        "können nicht gutgeschrieben werden.",
                    )
                ),
                False,
            )
        )
        if rng.random() < 0.5:
            texts.append(("Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.", False))
        return self.short_texts(y, texts, keep)

    def doc_word(self) -> str:
        return "Sammelrechnung"

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.carry_style = rng.randrange(3)
        items = self.items = [x.item for dl in self.deliveries for x in dl.lines]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        self.letterhead(rng.choice(_DEALER_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(
            ("Sammelrechnung", "SAMMELRECHNUNG", f"Sammelrechnung Nr. {d.number}", "Monatsrechnung")
        )
        y = self.subject(self.details_block(self.head_rows(), title))
        spec = self.spec(False)
        cols = columns(spec, self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(), True)
        y = self.all_totals(y, vat)
        base, cut = self.skonto_of(items, gross)
        if self.skonto_rows:
            y = self.skonto_block(y, base, cut, gross)
        y = self.closing(y, base, cut)
        assert y < self.limit + 6, "baustoff_sammelrechnung: page overflow"
        return self.finish(
            items,
            "Sammelrechnung",
            pages=self.close_pages(rng.random() < 0.3),
            service_date=False,
            customer_no=True,
            order_no=False,
            bic_printed=self.with_bic,
        )

    def row(self, n: int, line: Line) -> Row:
        row = super().row(n, line)
        return dataclasses.replace(row, values=dict(row.values, qty=self.qty_text(line.item)))


# ---------------------------------------------------------------------------
# dolmetscher_jveg

_NEW_LAW = dt.date(2021, 1, 1)  # the KostRÄG 2021: new JVEG rates for summons from this day on


@dataclass(frozen=True)
class Language:
    """A language: its stem ("polnisch"), interpreters (women, men), defendants as courts abbreviate them."""

    stem: str
    women: tuple[str, ...]
    men: tuple[str, ...]
    parties: tuple[str, ...]

    @property
    def noun(self) -> str:
        return self.stem.capitalize()


_LANGUAGES = (
    Language("polnisch", ("Katarzyna Nowak-Becker", "Agnieszka Wróbel", "Joanna Schmidt-Kowalczyk"),
             ("Tomasz Lewandowski",), ("Marek K.", "Paweł W.", "Krzysztof Z.")),
    Language("rumänisch", ("Elena Popescu", "Mihaela Braun"), ("Andrei Ionescu",),
             ("Florin M.", "Gheorghe C.", "Adrian D.")),
    Language("russisch", ("Swetlana Neumann", "Irina Kowalenko", "Olga Hartmann"), ("Alexander Baranow",),
             ("Dmitrij S.", "Sergej P.", "Wladimir K.")),
    Language("türkisch", ("Ayşe Yıldız-Hoffmann", "Zeynep Arslan"), ("Mehmet Kaya",),
             ("Emre Y.", "Murat Ö.", "Hakan D.")),
    Language("arabisch", ("Rania Haddad", "Leila Mansour"), ("Samir El-Khoury", "Tarek Nasser"),
             ("Ahmad A.", "Mohammed H.", "Yousef K.")),
    Language("bulgarisch", ("Maria Dimitrova", "Desislava Petrova"), ("Stefan Iliev",),
             ("Georgi P.", "Iwan T.")),
    Language("albanisch", ("Drita Krasniqi",), ("Arben Hoxha",), ("Besnik M.", "Ardit L.")),
    Language("spanisch", ("Lucía Fernández Weber", "Carmen Ortega"), ("Javier Morales",),
             ("Diego R.", "Luis G.")),
    Language("vietnamesisch", ("Thi Lan Nguyen", "Mai Anh Tran"), (), ("Nguyen Van T.", "Tran Duc H.")),
    Language("persisch", ("Shirin Rahimi",), ("Reza Karimi",), ("Ali R.", "Hamid S.")),
    Language("serbisch", ("Jelena Marković", "Ivana Petrović"), ("Dragan Jovanović",),
             ("Nikola S.", "Milan B.")),
)  # fmt: skip
_TRADE_NAMES = (
    "Sprachendienst {last}",
    "Dolmetscher- und Übersetzungsbüro {last}",
    "Übersetzungsbüro {last}",
    "LinguaJur – Dolmetschen & Übersetzen",
    "Gerichtsdolmetscherdienst {last}",
)
_OFFENCES = (
    "Diebstahls",
    "gewerbsmäßigen Bandendiebstahls",
    "Betrugs",
    "gefährlicher Körperverletzung",
    "Fahrens ohne Fahrerlaubnis",
    "unerlaubten Handeltreibens mit Betäubungsmitteln",
    "Urkundenfälschung",
    "Vorenthaltens und Veruntreuens von Arbeitsentgelt",
    "Wohnungseinbruchdiebstahls",
    "Computerbetrugs",
)
# Per city of the interpreter, the court towns of her region: (town, postcode, seat of a Landgericht, the
# least and most kilometres one way).
_COURT_TOWNS: dict[str, tuple[tuple[str, str, bool, int, int], ...]] = {
    "Berlin": (("Berlin", "10559", True, 6, 22), ("Potsdam", "14467", True, 32, 45),
               ("Frankfurt (Oder)", "15230", True, 88, 102)),
    "München": (("München", "80335", True, 5, 22), ("Augsburg", "86150", True, 62, 74),
                ("Landshut", "84028", True, 68, 80)),
    "Köln": (("Köln", "50939", True, 5, 20), ("Bonn", "53111", True, 27, 35),
             ("Aachen", "52070", True, 68, 78)),
    "Hamburg": (("Hamburg", "20355", True, 5, 22), ("Lübeck", "23552", True, 64, 74),
                ("Lüneburg", "21335", True, 50, 60)),
    "Leipzig": (("Leipzig", "04107", True, 4, 18), ("Halle (Saale)", "06108", True, 36, 44),
                ("Dresden", "01097", True, 108, 120)),
    "Stuttgart": (("Stuttgart", "70173", True, 4, 20), ("Heilbronn", "74072", True, 50, 58),
                  ("Tübingen", "72070", True, 40, 48)),
    "Nürnberg": (("Nürnberg", "90429", True, 4, 18), ("Fürth", "90762", False, 8, 12),
                 ("Ansbach", "91522", True, 44, 54)),
    "Düsseldorf": (("Düsseldorf", "40227", True, 4, 18), ("Duisburg", "47051", True, 25, 32),
                   ("Wuppertal", "42103", True, 30, 38)),
    "Frankfurt am Main": (("Frankfurt am Main", "60313", True, 4, 18), ("Darmstadt", "64283", True, 30, 38),
                          ("Hanau", "63450", True, 22, 28)),
    "Hannover": (("Hannover", "30169", True, 4, 18), ("Hildesheim", "31134", True, 30, 38),
                 ("Celle", "29221", False, 40, 48)),
    "Erfurt": (("Erfurt", "99084", True, 4, 15), ("Gera", "07545", True, 85, 95),
               ("Mühlhausen", "99974", True, 55, 65)),
    "Kiel": (("Kiel", "24103", True, 4, 15), ("Lübeck", "23552", True, 80, 90),
             ("Flensburg", "24937", True, 85, 95)),
    "Bremen": (("Bremen", "28195", True, 4, 18), ("Verden (Aller)", "27283", True, 38, 45),
               ("Oldenburg", "26122", True, 45, 55)),
    "Mainz": (("Mainz", "55116", True, 4, 15), ("Bad Kreuznach", "55543", True, 42, 50),
              ("Wiesbaden", "65185", True, 12, 16)),
    "Saarbrücken": (("Saarbrücken", "66111", True, 4, 15), ("Saarlouis", "66740", False, 25, 30),
                    ("Zweibrücken", "66482", True, 35, 42)),
}  # fmt: skip
_COURT_NAMES = {
    ("Amtsgericht", "Berlin"): "Amtsgericht Tiergarten",
    ("Landgericht", "München"): "Landgericht München I",
    ("Staatsanwaltschaft", "München"): "Staatsanwaltschaft München I",
    ("Landgericht", "Nürnberg"): "Landgericht Nürnberg-Fürth",
    ("Staatsanwaltschaft", "Nürnberg"): "Staatsanwaltschaft Nürnberg-Fürth",
}
_COURT_STREETS = (
    "Gerichtsstraße",
    "Justizplatz",
    "Am Justizzentrum",
    "Schloßplatz",
    "Gerichtsplatz",
    "Lindenallee",
)
_PROSECUTORS = ("z. Hd. Frau Staatsanwältin Berger", "z. Hd. Herrn Oberstaatsanwalt Dr. Hein",
                "z. Hd. Herrn Staatsanwalt Krämer")  # fmt: skip
# Documents to translate: (text, into the foreign language, done before the appointment, proceedings, the
# least and most keystrokes).
_DOCUMENTS = (
    ("der Anklageschrift vom {d}", True, True, ("hv", "lg"), 6000, 32000),
    ("des Strafbefehls vom {d}", True, True, ("hv",), 3000, 9000),
    ("der Ladung nebst Belehrungen", True, True, ("hv", "lg", "f"), 1800, 5200),
    ("des Urteils vom {appt}", True, False, ("hv", "lg"), 9000, 42000),
    ("des Haftbefehls vom {appt}", True, False, ("gs",), 3000, 9500),
    ("des Beschlusses vom {appt}", True, False, ("f",), 3000, 12000),
    ("eines Schreibens des Angeklagten vom {d}", False, True, ("hv", "lg"), 1500, 6500),
    ("eines ärztlichen Attests vom {d}", False, True, ("hv", "lg", "sta", "f"), 1200, 4200),
    ("des Vernehmungsprotokolls vom {appt}", True, False, ("sta",), 5000, 20000),
)
_SMALL = (
    "Gemäß § 19 Abs. 1 UStG wird keine Umsatzsteuer erhoben.",
    "Umsatzsteuer wird nicht berechnet: {who} im Sinne von § 19 UStG (§ 12 Abs. 1 S. 2 Nr. 4 JVEG).",
    "Kein Ausweis der Umsatzsteuer, da ich als {who} gemäß § 19 UStG von der Umsatzsteuer befreit bin.",
)


def plain_ascii(word: str) -> str:
    """A name as a mail address part: lower case, accents dropped ("Wróbel" -> "wrobel")."""
    folded = unicodedata.normalize("NFKD", word.replace("ı", "i").replace("ł", "l").replace("ß", "ss"))
    return "".join(ch for ch in folded if ch.isascii() and ch.isalpha()).lower()


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def billed_hours(minutes: int) -> Decimal:
    """The hours § 8 Abs. 2 JVEG pays for `minutes`: the last started hour in full when more than 30 of its
    minutes were needed, else as half an hour."""
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return Decimal(hours)
    return Decimal(hours + 1) if rest > 30 else Decimal(hours) + Decimal("0.5")


def round5(minutes: float) -> int:
    return int(round(minutes / 5)) * 5


@dataclass(frozen=True)
class Appointment:
    """One appointment: its day, what it was, and (minutes after midnight) leaving home, arriving at court,
    the summons' time, the start and end of the interpreting, and coming home."""

    day: dt.date
    event: str
    phrase: str  # the event with its preposition: "in der Hauptverhandlung"
    depart: int
    arrive: int
    summoned: int
    start: int
    end: int
    back: int

    @property
    def minutes(self) -> int:
        return self.back - self.depart

    @property
    def hours(self) -> Decimal:
        return billed_hours(self.minutes)

    def parts(self) -> list[tuple[str, int, int]]:
        out = [("Hinfahrt", self.depart, self.arrive)]
        if self.start > self.arrive:
            late = "" if self.start <= self.summoned else f" (Ladung {clock(self.summoned)} Uhr)"
            out.append((f"Wartezeit{late}", self.arrive, self.start))
        out += [("Dolmetschen", self.start, self.end), ("Rückfahrt", self.end, self.back)]
        return out


class DolmetscherJveg(RentalLook):
    """A sworn interpreter's claim under the JVEG to a court or prosecutor's office: hours including travel
    and waiting, mileage, a translation by lines, 19 % VAT or none for a small business."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    IDS = "stnr"
    FOOT = A4.height - 90

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        lang = self.lang = rng.choice(_LANGUAGES)
        self.female = not lang.men or rng.random() < 0.75
        self.person = rng.choice(lang.women if self.female else lang.men)
        last = self.person.split()[-1].split("-")[0]
        self.trade = rng.choice(_TRADE_NAMES).format(last=last) if rng.random() < 0.3 else ""
        self.small = rng.random() < 0.33
        home = data.supplier
        town, plz, lg, lo, hi = self.court_town(rng, home.city)
        self.town, self.km = town, rng.randint(lo, hi)
        self.local = town == home.city
        self.by_car = not self.local or rng.random() < 0.65
        self.authority, self.kind = self.proceeding(rng, lg)
        seat = (
            town if self.authority == "Amtsgericht" else town.replace(" (Saale)", "").replace(" (Aller)", "")
        )
        self.court = _COURT_NAMES.get((self.authority, town), f"{self.authority} {seat}")
        first = workday(calm(data.date))
        if first.year < 2021 and rng.random() < 0.6:  # most claims under the rates of 2021
            year = rng.randint(2021, 2025)
            year += (
                year == 2021 and first.month < 3
            )  # summoned under the new law, not in the months around it
            first = workday(first.replace(year=year, day=min(first.day, 28)))
        self.sunday = self.kind == "gs" and first >= _NEW_LAW and rng.random() < 0.35
        if self.sunday:
            first += dt.timedelta(days=6 - first.weekday())
        days = [first]
        if (self.kind == "lg" and rng.random() < 0.4) or (self.kind == "hv" and rng.random() < 0.1):
            days.append(workday(first + dt.timedelta(days=rng.choice((2, 7, 7, 14)))))
        self.new = first >= _NEW_LAW
        self.simultaneous = not self.new and self.kind in ("hv", "lg") and rng.random() < 0.35
        self.appointments = [self.appointment(rng, x, k) for k, x in enumerate(days)]
        self.summons = first - dt.timedelta(
            days=rng.randint(1, 2) if self.kind == "gs" else rng.randint(8, 45)
        )
        self.by_phone = self.kind == "gs" and rng.random() < 0.6
        self.document = self.draw_document(rng)
        after = max([days[-1]] + ([self.document[3]] if self.document else []))
        day = workday(after + dt.timedelta(days=rng.randint(1, 18)))
        self.case, self.sta_case = self.case_numbers(rng, first)
        self.party = rng.choice(lang.parties)
        self.offence = rng.choice(_OFFENCES)
        n = rng.randint(1, 180)
        number = rng.choice(
            (f"{day.year}-{n:03d}", f"D-{day.year % 100}/{n:03d}", f"{n:03d}/{day.year}",
             f"RE {day.year}{n:04d}", f"{day.year % 100}{day.month:02d}-{n % 100:02d}")
        )  # fmt: skip
        contact = self.contact_line(rng)
        customer = dataclasses.replace(
            data.customer,
            name=self.court,
            contact=contact,
            street=f"{rng.choice(_COURT_STREETS)} {rng.randint(1, 40)}",
            plz=plz,
            city=town,
        )
        supplier = dataclasses.replace(home, name=self.person)
        self.head_date = (
            len(days) == 1 and not self.document and rng.random() < 0.6
        )  # the appointment under a label in the head
        given, family = plain_ascii(self.person.split()[0]), plain_ascii(last)
        mail = rng.choice(
            (f"{given}.{family}@{rng.choice(('web.de', 'gmx.de', 't-online.de', 'posteo.de'))}",
             f"{rng.choice(('kontakt', 'info', 'mail'))}@{family}-dolmetschen.de",
             f"{given[0]}.{family}@{rng.choice(('dolmetscher', 'uebersetzungen'))}-{family}.de")
        )  # fmt: skip
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=first if self.head_date else None,
            due_date=day + dt.timedelta(days=30),
            customer_no="",
            order_no="",
            supplier=supplier,
            customer=customer,
            phone=f"0{rng.choice(('151', '160', '170', '176'))} {rng.randint(1000000, 99999999)}",
            email=mail,
            tax_no=_steuernummer(rng, home.region),
            register="",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "stnr" if self.small else rng.choice(("stnr", "stnr", "vat", "both"))
        self.ids_printed: list[str] = []
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "de_long", "dotted_short")),
        )
        self.title, number_labels = rng.choice(
            (
                ("Rechnung", ("Rechnungs-Nr.", "Rechnungsnummer")),
                ("Kostenrechnung", ("Kostenrechnung Nr.", "Rechnungs-Nr.")),
                ("Liquidation", ("Liquidation Nr.", "Rechnungs-Nr.")),
                ("Antrag auf Vergütung nach dem JVEG", ("Rechnungs-Nr.", "Rechnungsnummer")),
                ("Vergütungsantrag gem. § 2 JVEG", ("Rechnungs-Nr.", "Meine Rechnungs-Nr.")),
            )
        )
        self.number_label = rng.choice(number_labels)
        self.case_in_head = rng.random() < 0.7
        self.summons_in_head = not self.by_phone and rng.random() < 0.5
        self.language_row = rng.random() < 0.3
        self.date_label = rng.choice(("Einsatzdatum", "Leistungsdatum", "Tag des Einsatzes"))
        self.sheet = rng.random() < 0.5  # the time sheet above the table, else as notes under the fee
        self.duration_style = rng.choice(("colon", "words"))
        self.intro = rng.random() < 0.5
        self.parking = self.by_car and rng.random() < 0.35
        self.zero_row = self.small and rng.random() < 0.3
        self.foot = rng.choice(("columns", "columns", "centred", "none"))
        self.with_bic = rng.random() < 0.75
        self.assure = rng.random() < 0.45
        self.signed = rng.random() < 0.6
        self.postage = bool(self.document) and rng.random() < 0.3

    # -- who, where and when

    @staticmethod
    def court_town(rng: random.Random, city: str) -> tuple[str, str, bool, int, int]:
        towns = _COURT_TOWNS[city]
        return towns[0] if rng.random() < 0.55 else rng.choice(towns[1:])

    @staticmethod
    def proceeding(rng: random.Random, lg: bool) -> tuple[str, str]:
        """The authority and the kind of proceeding: "hv" a criminal trial at the Amtsgericht, "gs" before the
        investigating judge, "f" the family court, "lg" a trial at the Landgericht, "sta" an examination at
        the prosecutor's office."""
        pick = rng.random()
        if lg and pick < 0.25:
            return "Landgericht", "lg"
        if lg and pick < 0.45:
            return "Staatsanwaltschaft", "sta"
        return "Amtsgericht", rng.choice(("hv", "hv", "hv", "gs", "gs", "f"))

    def event(self, rng: random.Random, k: int) -> tuple[str, str]:
        """What the appointment was, alone and with its preposition."""
        if self.kind == "gs":
            word = rng.choice(("Vorführung vor dem Ermittlungsrichter", "Haftbefehlsverkündung"))
            return word, f"bei der {word}"
        if self.kind == "f":
            word = rng.choice(("Anhörungstermin", "Erörterungstermin"))
            return word, f"im {word}"
        if self.kind == "sta":
            word = rng.choice(("Beschuldigtenvernehmung", "Zeugenvernehmung"))
            return word, f"bei der {word}"
        word = "Hauptverhandlung" if k == 0 else "Fortsetzung der Hauptverhandlung"
        return word, f"in der {word}"

    def appointment(self, rng: random.Random, day: dt.date, k: int) -> Appointment:
        lengths = {"hv": (45, 240), "lg": (120, 360), "gs": (30, 120), "f": (45, 120), "sta": (60, 210)}
        lo, hi = lengths[self.kind]
        summoned = 60 * rng.choice((8, 9, 9, 9, 10, 11, 13)) + rng.choice((0, 0, 30))
        if self.kind == "gs" and self.sunday:
            summoned = 60 * rng.choice((10, 11, 12))
        delay = rng.choice((0, 0, 5, 10, 15, 20, 25, 30, 45))
        start = summoned + delay
        end = start + 5 * rng.randint(lo // 5, hi // 5)
        way = round5(self.km * 60 / 55 + rng.randint(8, 15)) if self.by_car else round5(self.km * 3 + 15)
        arrive = summoned - rng.choice((0, 5, 10, 15))
        back = end + way + rng.choice((0, 5, 10))
        return Appointment(day, *self.event(rng, k), arrive - way, arrive, summoned, start, end, back)

    def draw_document(self, rng: random.Random) -> tuple[str, bool, int, dt.date] | None:
        """On some seeds a written translation: its text, whether into the foreign language, keystrokes, the
        day it was sent."""
        fitting = [x for x in _DOCUMENTS if self.kind in x[3]]
        if rng.random() >= 0.4 or not fitting:
            return None
        text, into, before, _, least, most = rng.choice(fitting)
        first, last = self.appointments[0].day, self.appointments[-1].day
        written = first - dt.timedelta(days=rng.randint(20, 70))
        text = text.format(d=self.p_date(written), appt=self.p_date(last))
        sent = (
            first - dt.timedelta(days=rng.randint(2, 12))
            if before
            else last + dt.timedelta(days=rng.randint(3, 12))
        )
        return text, into, rng.randint(least, most), sent

    @staticmethod
    def p_date(day: dt.date) -> str:
        return f"{day:%d.%m.%Y}"

    def case_numbers(self, rng: random.Random, first: dt.date) -> tuple[str, str]:
        yy = (first.year - rng.choice((0, 0, 1))) % 100
        dept, n = rng.randint(2, 48), rng.randint(12, 2999)
        sta = f"{rng.choice((110, 212, 312, 401, 512, 631, 702, 905))} Js {rng.randint(100, 9999)}/{yy}"
        if self.kind == "hv":
            return f"{dept} {rng.choice(('Ds', 'Ls', 'Cs'))} {sta}", ""
        if self.kind == "gs":
            return f"{dept} Gs {n}/{yy}", sta
        if self.kind == "f":
            return f"{dept} F {n}/{yy}", ""
        if self.kind == "lg":
            return f"{rng.randint(1, 12)} {rng.choice(('KLs', 'KLs', 'Ns'))} {sta}", ""
        return sta, ""

    def contact_line(self, rng: random.Random) -> str:
        if self.kind == "sta":
            return rng.choice((*_PROSECUTORS, f"Dezernat {rng.randint(10, 99)}"))
        if self.kind == "gs":
            return rng.choice(("– Ermittlungsrichter –", "Abteilung für Ermittlungssachen"))
        if self.kind == "f":
            return rng.choice(("– Familiengericht –", "Familiengericht, Geschäftsstelle"))
        if self.kind == "lg":
            return rng.choice(("Geschäftsstelle der Strafkammer", "– Strafkammer –", "Anweisungsstelle"))
        return rng.choice(
            ("– Strafabteilung –", "Geschäftsstelle Strafsachen", "Kostenbeamtin/Kostenbeamter")
        )

    def role(self) -> str:
        return "Dolmetscherin" if self.female else "Dolmetscher"

    def qualification(self) -> str:
        f, region = self.female, self.data.supplier.region
        adj = "e" if f else "er"
        who, translator = ("Dolmetscherin", "Übersetzerin") if f else ("Dolmetscher", "Übersetzer")
        if region == "Nordrhein-Westfalen" or region == "Berlin":
            text = f"Allgemein beeidigt{adj} {who} und ermächtigt{adj} {translator}"
        elif region == "Hamburg":
            text = f"Öffentlich bestellt{adj} und allgemein vereidigt{adj} {who} und {translator}"
        else:
            text = f"Öffentlich bestellt{adj} und allgemein beeidigt{adj} {who}"
        return f"{text} für die {self.lang.stem}e Sprache"

    # -- the lines

    def para_fee(self) -> str:
        return "§ 9 Abs. 5 JVEG" if self.new else "§ 9 Abs. 3 JVEG"

    def hour_rate(self) -> Decimal:
        return Decimal(85) if self.new else Decimal(75 if self.simultaneous else 70)

    def duration(self, minutes: int) -> str:
        h, m = divmod(minutes, 60)
        if self.duration_style == "colon":
            return f"{h}:{m:02d} Std."
        if not h:
            return f"{m} Min."
        return f"{h} Std. {m:02d} Min." if m else f"{h} Std."

    def fee_line(self, a: Appointment, vat: int) -> Line:
        p, rng = self.p, self.rng
        text = rng.choice(
            (
                f"Dolmetschen {a.event} am {p.date(a.day)} ({self.para_fee()})",
                f"Honorar {self.para_fee()}, {a.event} am {p.date(a.day)}, einschl. Reise- und Wartezeit",
                f"Dolmetschertätigkeit {a.event} {p.date(a.day)}",
            )
        )
        notes: tuple[str, ...] = ()
        if not self.sheet:
            steps = " · ".join(f"{name} {clock(x)}–{clock(y)}" for name, x, y in a.parts())
            notes = (
                steps,
                f"Zeitaufwand gesamt {self.duration(a.minutes)}, abgerechnet gem. § 8 Abs. 2 JVEG: "
                f"{quantity(a.hours, p)} Std.",
            )
        return Line(LineItem(text, "", a.hours, "Std.", self.hour_rate(), vat), notes)

    def travel_lines(self, vat: int) -> list[Line]:
        rng, n = self.rng, len(self.appointments)
        home, out = self.data.supplier.city, []
        if self.by_car:
            rate = Decimal("0.42") if self.new else Decimal("0.30")
            trips = f"{n} × " if n > 1 else ""
            route = (
                f"{home} – {self.town} und zurück" if not self.local else f"Wohnung – {self.court} und zurück"
            )
            out.append(
                Line(
                    LineItem("Fahrtkosten eigener Pkw (§ 5 Abs. 2 S. 1 Nr. 2 JVEG)", "",
                             Decimal(2 * self.km * n), "km", rate, vat),
                    (f"{route}: {trips}2 × {self.km} km",),
                )
            )  # fmt: skip
            if self.parking:
                out.append(
                    Line(LineItem("Parkentgelt lt. Beleg (§ 5 Abs. 2 JVEG)", "", Decimal(n), "Tag",
                                  price_between(rng, 2.5, 14, "0.50"), vat))
                )  # fmt: skip
        else:
            out.append(
                Line(LineItem("Fahrtkosten ÖPNV, Tageskarte lt. Beleg (§ 5 Abs. 1 JVEG)", "", Decimal(n),
                              "Stk.", price_between(rng, 5.8, 9.9, "0.10"), vat))
            )  # fmt: skip
        if any(a.minutes > 480 for a in self.appointments):
            days = sum(1 for a in self.appointments if a.minutes > 480)
            allowance = Decimal(14 if self.appointments[0].day.year >= 2020 else 12)
            out.append(
                Line(LineItem("Tagegeld § 6 Abs. 1 JVEG (Abwesenheit über 8 Std.)", "", Decimal(days), "Tag",
                              allowance, vat))
            )  # fmt: skip
        return out

    def translation_lines(self, vat: int) -> list[Line]:
        if not self.document:
            return []
        rng, p = self.rng, self.p
        text, into, chars, sent = self.document
        lines = -(-chars // 55)
        hard = rng.random() < 0.3
        raised = rng.random() < 0.5  # the text not given as an editable file
        prices = ("1.80", "1.95", "1.95", "2.10") if self.new else ("1.55", "1.75", "1.85", "2.05")
        price = Decimal(prices[2 * hard + raised])
        basis = "erhöhtes Honorar, Text nicht editierbar" if raised else "Grundhonorar"
        if hard:
            basis += ", besonders erschwert (Fachterminologie)"
        way = f"ins {self.lang.noun}e" if into else f"aus dem {self.lang.noun}en ins Deutsche"
        grouped = f"{chars:,}".replace(",", ".")
        out = [
            Line(
                LineItem(f"Übersetzung {text} {way} (§ 11 Abs. 1 JVEG)", "", Decimal(lines), "Zeilen", price,
                         vat),
                (f"{grouped} Anschläge ({'Zielsprache' if into else 'Ausgangssprache'}) : 55 = {lines} "
                 "Zeilen; "
                 f"{basis}", f"übersandt am {p.date(sent)}"),
            )
        ]  # fmt: skip
        pages = -(-chars // 1800) * rng.choice((1, 2))
        out.append(
            Line(LineItem("Kopien/Ausdrucke (§ 7 Abs. 2 JVEG)", "", Decimal(min(pages, 50)), "Seiten",
                          Decimal("0.50"), vat))
        )  # fmt: skip
        if self.postage:
            out.append(
                Line(LineItem("Porto lt. Beleg (§ 7 Abs. 1 JVEG)", "", Decimal(1), "pausch.",
                              Decimal(rng.choice(("1.60", "2.75", "3.95"))), vat))
            )  # fmt: skip
        return out

    def lines(self) -> list[Line]:
        vat = 0 if self.small else 19
        out = [self.fee_line(a, vat) for a in self.appointments]
        if self.sunday:
            a = self.appointments[0]
            out.append(
                Line(
                    LineItem("Zuschlag 20 % gem. § 9 Abs. 6 JVEG (Sonntag)", "", a.hours, "Std.",
                             self.hour_rate() / 5, vat),
                    (f"20 % von {self.amount_text(self.hour_rate())} je Stunde",),
                )
            )  # fmt: skip
        return out + self.translation_lines(vat) + self.travel_lines(vat)

    def amount_text(self, value: Decimal) -> str:
        text = self.p.number(value)
        return f"{text} EUR" if self.p.currency == "code_after" else f"{text} €"

    # -- the head

    def letterhead(self) -> None:  # type: ignore[override]
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        big = self.trade or self.person
        subs = ([self.person] if self.trade else []) + c.wrap(self.qualification(), 300, 7.8)
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "logo":
            c.fit_text(L, 48, big, 16, 300, bold=True, colour=self.brand)
            for i, line in enumerate(subs):
                c.fit_text(L, 61 + 9.5 * i, line, 7.8, 300, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 36 + 9.5 * i, line, 7.3, align="right", colour=GREY)
        elif self.head == "centre":
            mid = (L + R) / 2
            c.fit_text(mid, 44, big, 17, R - L, bold=True, align="center")
            line = " · ".join(([self.person] if self.trade else []) + [self.qualification()])
            c.fit_text(mid, 57, line, 8, R - L, align="center", colour=self.brand)
            c.fit_text(mid, 69, " · ".join(contact), 7.2, R - L, align="center", colour=GREY)
            c.line(L, 76, R, 76, width=0.8, colour=self.brand)
        elif self.head == "band":
            c.box(0, 18, c.width, 84, fill=self.brand, stroke=None)
            c.fit_text(L, 44, big, 16, 300, bold=True, colour=WHITE)
            for i, line in enumerate(subs):
                c.fit_text(L, 57 + 9 * i, line, 7.5, 300, colour=WHITE)
            for i, line in enumerate(contact):
                c.text(R, 34 + 9.5 * i, line, 7.3, align="right", colour=WHITE)
        else:
            c.fit_text(R, 44, big, 15, 330, bold=True, align="right", colour=self.brand)
            for i, line in enumerate(subs):
                c.fit_text(R, 56 + 9 * i, line, 7.5, 330, align="right", colour=GREY)
            c.fit_text(R, 60 + 9 * len(subs), " · ".join(contact), 7, 400, align="right", colour=GREY)
            c.line(L, 66 + 9 * len(subs), R, 66 + 9 * len(subs), width=0.4, colour=GREY)

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [(self.number_label, d.number), (rng.choice(("Datum", "Rechnungsdatum")), p.date(d.date))]
        if self.case_in_head:
            rows.append(
                (rng.choice(("Aktenzeichen", "Ihr Aktenzeichen", "Geschäftsnummer", "Ihr Az.")), self.case)
            )
        if self.summons_in_head:
            rows.append((rng.choice(("Ladung vom", "Heranziehung vom")), p.date(self.summons)))
        if self.language_row:
            rows.append(("Sprache", f"{self.lang.noun} – Deutsch"))
        if self.head_date:
            rows.append((self.date_label, p.date(self.appointments[0].day)))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        if self.kind == "f":
            matter = f"Familiensache {rng.choice(('wegen elterlicher Sorge', 'wegen Umgangsrecht'))}"
        elif self.kind in ("gs", "sta"):
            matter = f"Ermittlungsverfahren gegen {self.party} wegen {self.offence}"
        else:
            matter = f"Strafsache gegen {self.party} wegen {self.offence}"
        lines = [(matter, True)]
        refs = []
        if not self.case_in_head:
            refs.append(f"Az.: {self.case}")
        if self.sta_case:
            refs.append(f"StA-Az.: {self.sta_case}")
        if refs:
            lines.append((" · ".join(refs), False))
        for a in self.appointments:
            weekday = "Sonntag, " if self.sunday else ""
            lines.append(
                (
                    f"Dolmetschen {self.lang.noun} – Deutsch {a.phrase} am {weekday}{p.date(a.day)}, "
                    f"{clock(a.start)}–{clock(a.end)} Uhr",
                    False,
                )
            )
        if self.by_phone:
            lines.append((f"Telefonische Heranziehung am {p.date(self.summons)}", False))
        elif not self.summons_in_head:
            summons = p.date(self.summons)
            lines.append(
                (
                    rng.choice((f"Ihre Ladung vom {summons}", f"Heranziehung durch Ladung vom {summons}")),
                    False,
                )
            )
        if self.simultaneous:
            lines.append(("Herangezogen ausdrücklich zum Simultandolmetschen", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, R - L, bold=bold)
            y += 12.5
        if self.intro:
            text = rng.choice(
                (
                    f"für meine Tätigkeit als {self.role()} beantrage ich gemäß §§ 2, 8 ff. JVEG die "
                    "folgende Vergütung:",
                    "hiermit mache ich meinen Vergütungsanspruch nach dem JVEG wie folgt geltend:",
                    "für die o. g. Heranziehung berechne ich nach dem JVEG:",
                )
            )
            c.text(L, y + 10, "Sehr geehrte Damen und Herren,", 9)
            y = c.paragraph(L, y + 26, text, R - L, 9) - 8
        return y + 6

    def time_sheet(self, y: float) -> float:
        """The time per appointment, from leaving home to coming back, and the hours billed."""
        if not self.sheet:
            return y
        p, L = self.p, self.LEFT
        for a in self.appointments:
            need = 16 + 12 * (len(a.parts()) + 2)
            if y + need > self.limit - 60:
                y = self.next_page()
            c = self.c
            title = f"Zeitaufwand am {p.date(a.day)}" if len(self.appointments) > 1 else "Zeitaufstellung"
            c.text(L, y + 10, title, 8.8, bold=True)
            y += 14
            for name, x0, x1 in a.parts():
                y += 12
                c.text(L + 8, y, name, 8.2)
                c.text(L + 190, y, f"{clock(x0)}–{clock(x1)} Uhr", 8.2)
                c.text(L + 330, y, self.duration(x1 - x0), 8.2, align="right")
            c.line(L + 8, y + 4, L + 330, y + 4, width=0.4, colour=RULE)
            y += 14
            c.text(L + 8, y, "gesamt (einschl. Reise- und Wartezeit)", 8.2, bold=True)
            c.text(L + 330, y, self.duration(a.minutes), 8.2, bold=True, align="right")
            y += 12
            c.text(
                L + 8, y, f"abzurechnen gem. § 8 Abs. 2 JVEG: {quantity(a.hours, p)} Std.", 8.2, colour=GREY
            )
            y += 6
        return y + 8

    # -- table, totals, closing, footer

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        return [
            ("pos", "Pos.", 28, "left"),
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Vergütungsposition")), 0, "left"),
            ("qty", rng.choice(("Menge", "Anzahl")), 46, "right"),
            ("unit", "Einheit", 44, "left"),
            ("price", rng.choice(("Satz", "Einzelpreis", "Preis")), 58, "right"),
            ("total", rng.choice(("Betrag", "Gesamt")), 64, "right"),
        ]

    def row(self, n: int, line: Line) -> Row:
        p, item = self.p, line.item
        values = {
            "pos": str(n),
            "desc": item.description,
            "qty": quantity(item.quantity, p),
            "unit": item.unit,
            "price": p.number(item.unit_price),
            "total": p.number(item.total),
        }
        return Row("item", values, item, line.notes)

    def total_rows(self, vat: VatLine) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        final = rng.choice(("Gesamtbetrag", "Gesamtvergütung", "Rechnungsbetrag", "Zu zahlender Betrag"))
        if self.p.currency == "none":
            final += " EUR"
        if self.small:
            rows = []
            if self.zero_row or rng.random() < 0.5:
                rows.append((rng.choice(("Summe", "Zwischensumme")), vat.base, False))
            if self.zero_row:
                rows.append((rng.choice(("Umsatzsteuer 0 %", "USt. (§ 19 UStG)")), Decimal(0), False))
            return [*rows, (final, vat.base, True)]
        return [
            (rng.choice(("Summe netto", "Zwischensumme", "Vergütung netto", "Nettobetrag")), vat.base, False),
            (rng.choice(("zzgl. 19 % USt.", "19 % USt. (§ 12 JVEG)", "Umsatzsteuer 19 %",
                         "zzgl. 19 % MwSt.")),
             vat.amount, False),
            (final, vat.base + vat.amount, True),
        ]  # fmt: skip

    def id_lines(self) -> list[str]:
        """The person's tax numbers as printed (the same on every page); records the truth's."""
        if self.ids_printed:
            return self.ids_printed
        d, rng, lines = self.data, self.rng, self.ids_printed
        if self.ids in ("stnr", "both"):
            self.tax["steuernummer"] = d.tax_no
            lines.append(f"{rng.choice(('Steuernummer', 'St.-Nr.', 'Steuer-Nr.'))} {d.tax_no}")
        if self.ids in ("vat", "both"):
            self.tax["ust_id"] = d.vat_id
            lines.append(f"USt-IdNr. {d.vat_id_printed}")
        return lines

    def bank_lines(self) -> list[str]:
        lines = [self.bank_name(), f"IBAN {self.iban}"]
        if self.with_bic:
            lines.append(f"BIC {self.data.iban.bic}")
        return lines

    def small_text(self) -> str:
        who = "Kleinunternehmerin" if self.female else "Kleinunternehmer"
        return self.rng.choice(_SMALL).format(who=who)

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.small:
            texts.append((self.small_text(), True))
        if self.foot == "none":
            bic = f", BIC {d.iban.bic}" if self.with_bic else ""
            texts.append(
                (
                    f"Ich bitte, den Betrag von {self.amount_text(due)} unter Angabe des Aktenzeichens auf "
                    f"mein Konto bei der {self.bank_name()} zu überweisen: IBAN {self.iban}{bic}.",
                    False,
                )
            )
            texts.append((" · ".join(self.id_lines()), False))
        else:
            texts.append(
                (
                    rng.choice(
                        (
                            "Bitte überweisen Sie den Gesamtbetrag unter Angabe des Aktenzeichens auf das "
                            "unten genannte Konto.",
                            f"Ich bitte um Überweisung von {self.amount_text(due)} auf mein unten "
                            "angegebenes Konto.",
                            f"Zahlbar ohne Abzug bis zum {p.date(d.due_date)}.",
                        )
                    ),
                    False,
                )
            )
        keep = len(texts)
        if self.sunday:
            texts.append(
                ("Die Notwendigkeit des Einsatzes am Sonntag hat die heranziehende Stelle festgestellt "
                 "(§ 9 Abs. 6 JVEG).", False)
            )  # fmt: skip
        if self.assure:
            texts.append(
                ("Ich versichere die Richtigkeit der Angaben zu Zeitaufwand und Fahrtstrecke.", False)
            )
        if self.parking or not self.by_car or self.postage:
            texts.append(("Die Belege liegen bei.", False))
        y = self.short_texts(y, texts, keep)
        if self.signed and y + 44 < self.limit:
            c = self.c
            c.text(self.LEFT, y + 12, "Mit freundlichen Grüßen", 9)
            c.text(self.LEFT, y + 34, self.person, 9.5)
            c.text(self.LEFT, y + 44, self.role(), 7.5, colour=GREY)
            y += 46
        return y

    def footer(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        top = self.FOOT
        if self.foot == "columns":
            who = [self.trade or self.person, *([self.person] if self.trade else []), s.street, s.city_line]
            contact = [f"Tel. {d.phone}", d.email]
            footer_columns(c, [who, contact, self.bank_lines(), self.id_lines()], top, L, R, 6.6)
        elif self.foot == "centred":
            mid = (L + R) / 2
            c.line(L, top, R, top, width=0.4, colour=GREY)
            lines = [
                " · ".join([self.person, s.street, s.city_line, f"Tel. {d.phone}", d.email]),
                " · ".join(self.bank_lines()),
                " · ".join(self.id_lines()),
            ]
            for i, line in enumerate(lines):
                c.fit_text(mid, top + 11 + 9.5 * i, line, 7, R - L, align="center", colour=GREY)

    def doc_word(self) -> str:
        return "Rechnung" if self.title.startswith(("Antrag", "Vergütungsantrag")) else self.title

    def draw(self) -> TripDrawing:
        lines = self.lines()
        items = [x.item for x in lines]
        vat = vat_breakdown(items)
        self.letterhead()
        y = self.subject(self.details_block(self.head_rows(), self.title))
        y = self.time_sheet(y)
        cols = columns(self.spec(), self.LEFT, self.RIGHT)
        y = self.table(y, cols, [self.row(n, x) for n, x in enumerate(lines, 1)], False)
        rows = self.total_rows(vat[0])
        if self.total_style == "strip" and len(rows) < 2:
            self.total_style = "block"
        y = self.totals(y, rows)
        y = self.closing(y, rows[-1][1])
        assert y < self.limit + 6, "dolmetscher_jveg: page overflow"
        self.id_lines()  # recorded for the truth even where only the footer prints them
        return self.finish(
            items,
            self.title,
            pages=self.close_pages(False),
            service_date=self.head_date,
            customer_no=False,
            order_no=False,
            vat_printed=not self.small or self.zero_row,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

LIEFERSCHEIN_FAMILIES: dict[str, type[TripSheet]] = {
    "baustoff_sammelrechnung": BaustoffSammelrechnung,
    "dolmetscher_jveg": DolmetscherJveg,
}


def draw_lieferschein(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(LIEFERSCHEIN_FAMILIES[name], name, seed)
