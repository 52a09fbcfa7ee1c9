"""Two invoice layout families of a parcel carrier and of a translation agency, designed blind (session 17).

Like `families_dienst`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_versand(name, seed)`. Both draw on `DienstSheet` of `families_dienst` (its letterheads, detail blocks,
table heads, totals and paragraphs, whose look varies per seed) with the shared pieces of `families_more`,
`families_world`, `families_first` and `families_recht`, and return a `TripDrawing` (truth keys only for
values printed).

- `paketdienst_monat`: a parcel and courier company's monthly invoice to an agency that sends samples and print
  products. Page 1: the carrier's letterhead (a large GmbH or AG), the window address, the details
  ("Rechnungsnummer", "Rechnungsdatum", "Kundennummer", an "Abrechnungsnummer" and / or a "Vertragsnummer" (or
  "EKP-Nr.") on most seeds, "Abrechnungszeitraum 01.03.2024 - 31.03.2024" in one of several forms), an intro
  with the number of shipments and, on some seeds, their total weight, and a summary table: shipments by
  product (national parcel, express, EU, non-EU, returns; each with its count, on some seeds its weight and
  VAT rate), the per-shipment surcharges by kind ("Sperrgut", "Adresskorrektur", "Samstagszustellung",
  "Privatzustellung", "Höherversicherung": count × fee), the "Energiezuschlag 14,5 % auf 1.234,56 €" on the
  freight and a "Mautzuschlag" per shipment on most seeds. Then the totals: 19 % on everything on most
  seeds; on about two fifths non-EU shipments exempt as exports ("steuerfreie Ausfuhr", § 4 Nr. 3 a UStG) at
  0 %, with a breakdown per rate as rows or as a table by rate. Payment by SEPA direct debit (the debit date,
  the customer's masked IBAN, "Gläubiger-ID", "Mandatsreferenz") or by transfer (a due date). A long footer:
  Vorstand and Aufsichtsrat (AG) or Geschäftsführung (GmbH), Sitz and HRB, USt-IdNr., and one to three bank
  accounts (the first is the one the transfer text names). Pages 2 to 4: the shipment list ("Einzelaufstellung",
  "Sendungsübersicht") with date, tracking number (12 to 20 digits, grouped on some seeds), product, the
  recipient's country and postcode, weight (kg or a weight class), price, surcharges and amount; each page
  ends with its subtotal ("Summe Seite 2", "Übertrag") carried to the next, the list with the sum of all rows
  (freight and surcharges, not the invoice total). Truth: the usual keys, `kundennummer` always; no
  `bestellnummer`, no `leistungsdatum` (a month of shipments); `iban` / `bic` the first account where the
  footer prints any (not on some direct-debit seeds), `bic` only where printed.
- `uebersetzung_normzeilen`: a translation agency's invoice: per job the language pair ("DE > EN",
  "Deutsch-Französisch", "DE→IT"), the text ("Website-Texte Relaunch") and either "Normzeilen (55 Anschläge)" or
  words × a price per line or word (prices to three decimals on some seeds), the characters counted on some
  seeds ("18.342 Anschläge inkl. Leerzeichen"), a minimum charge for small jobs, an express surcharge of 25 to
  50 % on a job, certified translations ("beglaubigte Übersetzung") at a fee per page with a certification fee
  per document, proofreading ("Lektorat") by the hour, a project-management lump sum, DTP on some seeds. The
  agency is German at 19 % on most seeds (a GmbH, an e.K. with its owner, or a freelance translator printed by
  name, Steuernummer only; a fifth of the freelancers are Kleinunternehmer under § 19 UStG without VAT), or an
  Austrian GmbH invoicing the German agency under reverse charge (0 %, "Übergang der Steuerschuld auf den
  Leistungsempfänger", the customer's German VAT id printed, the agency's UID ATU..., "FN 123456 a" and its
  court, an Austrian IBAN). References: "Ihr Zeichen", the customer's order or project number ("Ihre
  Bestell-Nr.", "Ihre Projekt-Nr.", "PO-Nummer"), "Ihre Bestellung vom ..." / "Auftrag vom ...", the agency's
  own job number ("Unsere Auftrags-Nr."), a single delivery date ("Lieferdatum", "geliefert am",
  "Liefertermin") or per-job delivery dates; Skonto on some seeds. Truth: the usual keys; `lieferant` the
  name as printed (the person for freelancers); `ust_id` (German or Austrian) where printed, `steuernummer`
  for freelancers; `mwst` 0.0 on reverse-charge and Kleinunternehmer seeds that print a VAT row, left out on
  those that print none; `bestellnummer` the customer's order or project number (never "Ihr Zeichen" or the
  agency's own job number); `leistungsdatum` the single delivery date where printed; `kundennummer` where
  printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % then).
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
from benchmarks.synth.families_first import _AT_BANKS, _AT_PLACES, _FN_LETTERS, AtPrinter, at_uid_number
from benchmarks.synth.families_karte import _AGENCIES
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import (
    GREY,
    Col,
    cells,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
)
from benchmarks.synth.families_recht import rate_summary
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import PALE, RULE, iban_of
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    _bank_account,
    _steuernummer,
    _vat_id,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import Printer


def grouped_int(n: int) -> str:
    """2350 as German print groups it: 2.350."""
    return f"{n:,}".replace(",", ".")


def unit_price(value: Decimal, p: Printer) -> str:
    """A price per line or word: two decimals, three where the third is not zero (0,145)."""
    if value == round_cent(value):
        return p.number(value)
    text = f"{value:.3f}"
    return text if p.numbers == "en" else text.replace(".", ",")


def unit_amount(value: Decimal, p: Printer) -> str:
    """A price per line or word with the invoice's currency: 1,45 €, € 0,145."""
    return p.amount(Decimal(1)).replace(p.number(Decimal(1)), unit_price(value, p))


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last day of `day`'s month."""
    first = day.replace(day=1)
    return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


# ---------------------------------------------------------------------------
# paketdienst_monat

# Carriers: (name, e-mail domain, tagline).
_CARRIERS = (
    ("Paketblitz Deutschland GmbH", "paketblitz.de", "Paket · Express · International"),
    ("Nordstern Paketdienst AG", "nordstern-paket.de", "Ihr Paket. Unser Versprechen."),
    ("EuroParcel Services Deutschland GmbH", "europarcel.de", "Parcel & Express Services"),
    ("Hermelin Logistik AG", "hermelin-logistik.de", "Wir bewegen Ihr Geschäft"),
    ("TransKurier Express GmbH", "transkurier.de", "Kurier · Express · Paket"),
    ("Greenbox Paketlogistik GmbH", "greenbox-paket.de", "Klimaneutral zugestellt"),
    ("SwiftLine Parcel AG", "swiftline.de", "Business Parcel Solutions"),
)
_BOARD = ("Dr. Stefan Aurich", "Katrin Meyer-Oltmanns", "Ralf Dittmer", "Anja Süßmuth", "Dr. Henning Brockhaus",
          "Olaf Grünberg", "Miriam Castellano", "Thomas Kühnel")  # fmt: skip
# Seats: (postcode, town, register court).
_SEATS = (("50829", "Köln", "Amtsgericht Köln"), ("22113", "Hamburg", "Amtsgericht Hamburg"),
          ("53113", "Bonn", "Amtsgericht Bonn"), ("41460", "Neuss", "Amtsgericht Neuss"),
          ("63741", "Aschaffenburg", "Amtsgericht Aschaffenburg"),
          ("60549", "Frankfurt am Main", "Amtsgericht Frankfurt am Main"))  # fmt: skip
# Products: key, printed names, first-class price range, price step per weight class, VAT on export seeds.
_PRODUCTS = (
    (
        "national",
        ("Paket national", "Paket Deutschland", "Standardpaket DE", "Business-Paket"),
        3.9,
        5.2,
        0.9,
    ),
    ("express", ("Express 12:00", "Express national", "Overnight Express"), 11.0, 16.5, 2.5),
    ("eu", ("Paket EU", "International EU", "Europa-Paket"), 8.9, 13.9, 2.2),
    ("welt", ("Paket Welt (Nicht-EU)", "International Non-EU", "Weltpaket Export"), 17.0, 27.0, 5.5),
    ("retoure", ("Retoure", "Retourenlabel", "Rücksendung national"), 3.9, 5.9, 0.6),
)
_CLASSES = (Decimal(2), Decimal(5), Decimal(10), Decimal(20), Decimal("31.5"))
_EU = (("AT", 4), ("NL", 0), ("FR", 5), ("IT", 5), ("ES", 5), ("PL", 1), ("BE", 4), ("DK", 4), ("CZ", 2))
_WORLD = (("CH", 4), ("GB", 3), ("US", 5), ("NO", 4), ("JP", 6))
# Per-shipment surcharges: (name, least and most fee, chance per shipment, the products it applies to).
_EXTRAS = (
    ("Sperrgut", 18.0, 32.0, 0.04, ("national", "eu", "welt", "express")),
    ("Adresskorrektur", 1.5, 3.5, 0.05, ("national", "express", "eu")),
    ("Samstagszustellung", 5.0, 9.9, 0.25, ("express",)),
    ("Privatzustellung", 0.3, 0.9, 0.1, ("national",)),
    ("Höherversicherung", 3.0, 7.5, 0.03, ("national", "eu", "welt")),
)
_ENERGY = (
    Decimal("14.5"),
    Decimal("11.25"),
    Decimal("16"),
    Decimal("9.75"),
    Decimal("12.5"),
    Decimal("14.5"),
)


@dataclass(frozen=True)
class Parcel:
    """One shipment: day, tracking number, product, destination, weight, the freight and its surcharges."""

    day: dt.date
    tracking: str
    kind: str
    dest: str
    weight: Decimal
    freight: LineItem
    extras: tuple[LineItem, ...]

    @property
    def total(self) -> Decimal:
        return self.freight.total + sum((e.total for e in self.extras), Decimal(0))


class PaketdienstMonat(DienstSheet):
    """A parcel carrier's monthly invoice: a summary on page 1, the shipment list on the pages after it."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"
    TOP = 76.0

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, domain, self.tagline = rng.choice(_CARRIERS)
        self.ag = name.endswith("AG")
        plz, seat, self.court = rng.choice(_SEATS)
        first, last = month_of(ordinary(data.date).replace(day=1) - dt.timedelta(days=1))
        self.first, self.last = first, last
        day = last + dt.timedelta(days=rng.randint(2, 9))
        number = rng.choice(
            (
                str(rng.randint(10**9, 10**10 - 1)),
                f"{day.year}{rng.randint(10**6, 10**7 - 1)}",
                f"R{rng.randint(10**7, 10**8 - 1)}",
                f"{day.year % 100}-{rng.randint(100000, 999999)}",
            )
        )
        supplier = dataclasses.replace(data.supplier, name=name, plz=plz, city=seat)
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((7, 10, 14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=supplier,
            customer_no=rng.choice(
                (
                    str(rng.randint(10**9, 10**10 - 1)),
                    f"{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                    f"KD{rng.randint(100000, 999999)}",
                )
            ),  # fmt: skip
            order_no="",
            phone=rng.choice(("0800", "0180 6", "069", "040", "0221")) + f" {rng.randint(100000, 9999999)}",
            email=f"{rng.choice(('rechnung', 'billing', 'kundenservice', 'debitoren'))}@{domain}",
            register=f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "code_after", "none", "sign_after")),
            rng.choice(("dotted", "dotted", "dotted_short", "de_long")),
        )
        self.names = {key: rng.choice(names) for key, names, *_ in _PRODUCTS}
        self.tariff = {
            key: [
                round_cent(Decimal(str(rng.uniform(lo, hi))) + Decimal(str(step)) * Decimal(k))
                for k in range(len(_CLASSES))
            ]
            for key, _, lo, hi, step in _PRODUCTS
        }
        self.fees = {name: round_cent(Decimal(str(rng.uniform(lo, hi)))) for name, lo, hi, *_ in _EXTRAS}
        self.export = rng.random() < 0.4
        self.energy = rng.choice(_ENERGY)
        self.toll = (
            Decimal(rng.choice(("0.12", "0.15", "0.19", "0.21", "0.25"))) if rng.random() < 0.7 else None
        )
        self.track_len = rng.choice((12, 14, 14, 16, 18, 20, 20))
        self.track_prefix = "".join(str(rng.randint(0, 9)) for _ in range(rng.randint(2, 5)))
        self.spaced_tracking = rng.random() < 0.3
        self.weight_style = rng.choice(("kg", "kg", "class"))
        self.show_weight = rng.random() < 0.6
        self.list_rows = rng.choice((30, 50, 80, 110, 130))
        self.payment = rng.choice(("debit", "debit", "transfer"))
        self.banks = [data.iban] + [_bank_account(rng) for _ in range(rng.choice((0, 0, 1, 1, 2)))]
        self.bank_printed = self.payment == "transfer" or rng.random() < 0.7
        self.with_bic = rng.random() < 0.85
        self.accounts = {
            "abrechnung": f"{rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
            if rng.random() < 0.6
            else "",
            "vertrag": rng.choice(
                (f"V-{rng.randint(100000, 999999)}", f"{rng.randint(5000000, 5999999)}/{first.year % 100}",
                 f"{rng.randint(10**9, 10**10 - 1)}")
            )
            if rng.random() < 0.6
            else "",
        }  # fmt: skip
        self.ekp = rng.random() < 0.3
        self.period_as = rng.choice(("dash", "bis", "month", "range_label"))
        self.rate_table = rng.random() < 0.5
        self.rate_column = self.export and rng.random() < 0.6
        self.board = rng.sample(_BOARD, 4)
        self.stripes = rng.random() < 0.5
        self.FOOT = (
            A4.height - (96 + 9 * max(0, len(self.banks) - 1)) if self.bank_printed else A4.height - 90
        )

    # -- the shipments

    def tracking(self) -> str:
        rng = self.rng
        digits = self.track_prefix + "".join(
            str(rng.randint(0, 9)) for _ in range(self.track_len - len(self.track_prefix))
        )
        return (
            " ".join(digits[i : i + 4] for i in range(0, len(digits), 4)) if self.spaced_tracking else digits
        )

    def destination(self, kind: str) -> str:
        rng = self.rng
        if kind in ("national", "express", "retoure"):
            plz = f"{rng.randint(1067, 99998):05d}"
            return f"DE {plz}" if kind != "retoure" else f"DE {plz} (Abs.)"
        country, style = rng.choice(_EU if kind == "eu" else _WORLD)
        n = rng.randint(1000, 99999)
        code = {
            0: f"{n % 9000 + 1000} {rng.choice('ABCDEGHJKL')}{rng.choice('ABCDEGHJKL')}",
            1: f"{n % 90 + 10:02d}-{n % 900 + 100}",
            2: f"{n % 900 + 100} {n % 90 + 10:02d}",
            3: f"{rng.choice(('SW1A', 'EC2V', 'M1', 'B3', 'LS1'))} {rng.randint(1, 9)}{rng.choice('ABDEFGH')}"
            f"{rng.choice('JLNPQRST')}",
            4: f"{n % 9000 + 1000}",
            5: f"{n % 90000 + 10000:05d}",
            6: f"{n % 900 + 100}-{n % 9000 + 1000:04d}",
        }[style]
        return f"{country} {code}"

    def parcel(self, day: dt.date, kind: str) -> Parcel:
        rng = self.rng
        band = rng.choices(((0.2, 5.0), (5.0, 15.0), (15.0, 31.5)), (70, 25, 5))[0]
        weight = Decimal(str(round(rng.uniform(*band), 1)))
        klass = next(k for k, top in enumerate(_CLASSES) if weight <= top)
        rate = 0 if kind == "welt" else 19
        freight = LineItem(self.names[kind], "", Decimal(1), "Sdg.", self.tariff[kind][klass], rate)
        extras = []
        for name, _, _, chance, kinds in _EXTRAS:
            big = name != "Sperrgut" or weight > 10
            if kind in kinds and big and rng.random() < chance:
                extras.append(LineItem(name, "", Decimal(1), "Sdg.", self.fees[name], 19))
        return Parcel(day, self.tracking(), kind, self.destination(kind), weight, freight, tuple(extras))

    def parcels(self) -> list[Parcel]:
        rng = self.rng
        count = rng.randint(self.list_rows - 15, self.list_rows + 10)
        weights = {"national": 60, "express": 8, "eu": 12, "welt": 7 if self.export else 0, "retoure": 8}
        kinds = [k for k, w in weights.items() if w]
        span = (self.last - self.first).days
        out = []
        for _ in range(count):
            kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
            day = self.first + dt.timedelta(days=rng.randint(0, span))
            if day.weekday() == 6:
                day -= dt.timedelta(days=1)
            out.append(self.parcel(day, kind))
        if self.export and not any(p.kind == "welt" for p in out):
            out.append(self.parcel(self.last - dt.timedelta(days=2), "welt"))
        return sorted(out, key=lambda p: (p.day, p.tracking))

    def surcharges(self, parcels: Sequence[Parcel]) -> list[LineItem]:
        freight = sum((p.freight.total for p in parcels), Decimal(0))
        pct = str(self.energy).replace(".", ",")
        out = [
            LineItem(
                f"Energiezuschlag {pct} %", "", Decimal(1), "", round_cent(freight * self.energy / 100), 19
            )
        ]
        if self.toll is not None:
            out.append(LineItem("Mautzuschlag", "", Decimal(len(parcels)), "Sdg.", self.toll, 19))
        return out

    # -- page 1

    def period(self) -> str:
        p, a, b = self.p, self.first, self.last
        return {
            "dash": f"{p.date(a)} - {p.date(b)}",
            "bis": f"{p.date(a)} bis {p.date(b)}",
            "month": f"{MONTHS_DE[a.month - 1]} {a.year}",
            "range_label": f"{a:%d.%m.}–{b:%d.%m.%Y}",
        }[self.period_as]

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum", "Belegdatum")), p.date(d.date)),
            (rng.choice(("Kundennummer", "Kunden-Nr.", "Ihre Kundennummer")), d.customer_no),
        ]
        if self.accounts["abrechnung"]:
            rows.append(("EKP-Nr." if self.ekp else "Abrechnungsnummer", self.accounts["abrechnung"]))
        if self.accounts["vertrag"]:
            rows.append(
                (rng.choice(("Vertragsnummer", "Vertrags-Nr.", "Rahmenvertrag")), self.accounts["vertrag"])
            )
        label = "Leistungszeitraum" if self.period_as == "range_label" else "Abrechnungszeitraum"
        rows.append((label, self.period()))
        return rows

    def intro(self, y: float, parcels: Sequence[Parcel]) -> float:
        rng, p = self.rng, self.p
        weight = sum((x.weight for x in parcels), Decimal(0))
        text = rng.choice(
            (
                f"Sehr geehrte Damen und Herren, für die im Abrechnungszeitraum {self.period()} beförderten "
                f"{len(parcels)} Sendungen berechnen wir Ihnen:",
                f"Für Ihre Sendungen im Zeitraum {self.period()} stellen wir Ihnen folgende Leistungen in "
                f"Rechnung (Anzahl Sendungen: {len(parcels)}).",
                f"Abrechnung Ihrer Versandaufträge {self.period()} – {len(parcels)} Sendungen. Die "
                "Einzelaufstellung finden Sie in der Anlage.",
            )
        )
        if self.show_weight and self.weight_style == "kg":
            text += f" Gesamtgewicht: {p.quantity(weight)} kg."
        return self.c.paragraph(self.LEFT, y + 4, text, self.RIGHT - self.LEFT, 9) + 2

    def summary(self, parcels: Sequence[Parcel], surcharges: Sequence[LineItem]) -> list[Row]:
        p = self.p
        rows = [Row("group", {"desc": self.rng.choice(("Sendungen", "Versandleistungen", "Beförderung"))})]
        for key, *_ in _PRODUCTS:
            some = [x for x in parcels if x.kind == key]
            if not some:
                continue
            amount = sum((x.freight.total for x in some), Decimal(0))
            values = {
                "desc": self.names[key],
                "count": str(len(some)),
                "weight": p.quantity(sum((x.weight for x in some), Decimal(0))),
                "rate": "0 %" if key == "welt" else "19 %",
                "total": p.number(amount),
            }
            if key == "welt":
                values["desc"] += " – steuerfreie Ausfuhr"
            rows.append(Row("item", values))

        freight = sum((x.freight.total for x in parcels), Decimal(0))
        rows.append(Row("group", {"desc": self.rng.choice(("Zuschläge", "Zuschläge und Nebenleistungen"))}))
        for name, *_ in _EXTRAS:
            n = sum(1 for x in parcels for e in x.extras if e.description == name)
            if n:
                values = {"desc": f"{name} ({n} × {p.amount(self.fees[name])})", "count": str(n),
                          "rate": "19 %", "total": p.number(self.fees[name] * n)}  # fmt: skip
                rows.append(Row("item", values))
        for item in surcharges:
            if item.unit == "Sdg.":
                desc = f"{item.description} ({quantity(item.quantity, p)} Sdg. × {unit_price(item.unit_price, p)})"
                count = quantity(item.quantity, p)
            else:
                desc, count = f"{item.description} auf {p.amount(freight)}", ""
            rows.append(
                Row("item", {"desc": desc, "count": count, "rate": "19 %", "total": p.number(item.total)})
            )
        return rows

    def summary_spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", rng.choice(("Produkt / Leistung", "Leistung", "Bezeichnung")), 0, "left"),
            ("count", rng.choice(("Anzahl", "Sendungen", "Menge")), 58, "right"),
        ]
        if self.show_weight and self.weight_style == "kg":
            spec.append(("weight", "Gewicht kg", 64, "right"))
        if self.rate_column:
            spec.append(("rate", "USt", 40, "right"))
        spec.append(("total", rng.choice(("Betrag €", "Netto EUR", "Betrag netto")), 80, "right"))
        return spec

    def total_rows(self, lines: Sequence[VatLine]) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        net = sum((v.base for v in lines), Decimal(0))
        gross = net + sum((v.amount for v in lines), Decimal(0))
        final = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Zu zahlender Betrag", "Endbetrag"))
        if self.p.currency == "none":
            final += " EUR"
        if len(lines) == 1:
            (v,) = lines
            return [
                (rng.choice(("Nettobetrag", "Summe netto", "Rechnungsbetrag netto")), v.base, False),
                (rng.choice(("zzgl. 19 % USt.", "Umsatzsteuer 19 %", "MwSt. 19 %")), v.amount, False),
                (final, gross, True),
            ]
        taxed, free = lines
        return [
            ("Netto steuerpflichtig (19 %)", taxed.base, False),
            ("Netto steuerfrei (0 %)", free.base, False),
            (self.rng.choice(("Summe netto", "Nettobetrag gesamt")), taxed.base + free.base, False),
            (rng.choice(("Umsatzsteuer 19 %", "zzgl. 19 % USt.")), taxed.amount, False),
            (final, gross, True),
        ]

    def mixed_totals(self, y: float, lines: Sequence[VatLine]) -> float:
        """A table by rate, then the payable total."""
        c, p = self.c, self.p
        if y + 100 > self.limit:
            y = self.next_page()
        heads = ("USt-Satz", "Netto", "USt", "Brutto")
        names = {19: "19 %", 0: "0 % (steuerfreie Ausfuhr)"}
        y = rate_summary(c, p, lines, heads, names, "Summe", self.RIGHT - 300, self.RIGHT, y + 10, 8.3)
        gross = sum((v.base + v.amount for v in lines), Decimal(0))
        y += 20
        c.box(self.RIGHT - 303, y - 12, self.RIGHT + 3, y + 5, fill=PALE, stroke=self.brand, width=0.6)
        c.text(self.RIGHT - 298, y, self.rng.choice(("Rechnungsbetrag", "Zahlbetrag")), 9.5, bold=True)
        c.text(self.RIGHT - 2, y, p.amount(gross), 9.5, bold=True, align="right")
        return y + 12

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.export:
            texts.append(
                (
                    rng.choice(
                        (
                            "Die Beförderung der Sendungen in Drittländer ist als steuerfreie Ausfuhr nach § 4 "
                            "Nr. 3 a UStG steuerfrei.",
                            "Steuerfreie Ausfuhr: grenzüberschreitende Güterbeförderung in das Drittlandsgebiet "
                            "(§ 4 Nr. 3 a UStG).",
                        )
                    ),
                    False,
                )
            )
        if self.payment == "debit":
            when = d.date + dt.timedelta(days=rng.choice((5, 7, 10, 12)))
            mandate = rng.choice(
                (f"{d.customer_no.replace(' ', '')}-001", f"MR{rng.randint(10**7, 10**8 - 1)}",
                 f"SEPA-{first_word(d.supplier.name).upper()}-{rng.randint(10000, 99999)}")
            )  # fmt: skip
            texts.append(
                (
                    rng.choice(
                        (
                            f"Der Rechnungsbetrag von {p.amount(gross)} wird am {p.date(when)} per SEPA-Lastschrift "
                            f"von Ihrem Konto {masked_de(rng)} eingezogen.",
                            f"Wir buchen den Betrag zum {p.date(when)} von Ihrem Konto {masked_de(rng)} ab "
                            "(SEPA-Firmenlastschrift).",
                            f"Fälligkeit / Lastschrifteinzug: {p.date(when)} – Konto {masked_de(rng)}",
                        )
                    ),
                    True,
                )
            )
            texts.append((f"Gläubiger-ID {creditor_id(rng)} · Mandatsreferenz {mandate}", False))
        else:
            bank = (
                f" auf unser Konto bei der {self.bank_name()}, IBAN {self.iban}"
                if len(self.banks) > 1
                else ""
            )
            texts.append(
                (
                    rng.choice(
                        (
                            f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)}{bank} unter "
                            "Angabe der Rechnungs- und Kundennummer.",
                            f"Zahlbar ohne Abzug bis {p.date(d.due_date)}{bank}.",
                        )
                    ),
                    True,
                )
            )
        if rng.random() < 0.5 and y < self.limit - 150:
            texts.append(
                (
                    "Es gelten unsere Allgemeinen Geschäftsbedingungen sowie die Preisliste in der zum "
                    "Versandzeitpunkt gültigen Fassung. Reklamationen innerhalb von 30 Tagen.",
                    False,
                )
            )
        return self.texts(y, texts, 8)

    # -- the shipment list

    def list_spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        return [
            ("day", "Datum", 44, "left"),
            ("tracking", rng.choice(("Sendungsnummer", "Paketnummer", "Sendungs-Nr.")), 100, "left"),
            ("product", "Produkt", 0, "left"),
            ("dest", rng.choice(("Empf.-Land/PLZ", "Ziel", "Empfänger PLZ")), 72, "left"),
            ("weight", "Gewicht" if self.weight_style == "kg" else "Gew.-Kl.", 44, "right"),
            ("price", "Preis", 44, "right"),
            ("extra", "Zuschläge", 52, "right"),
            ("total", "Betrag", 50, "right"),
        ]

    def parcel_cells(self, x: Parcel) -> dict[str, str]:
        p = self.p
        extra = sum((e.total for e in x.extras), Decimal(0))
        klass = next(top for top in _CLASSES if x.weight <= top)
        return {
            "day": f"{x.day:%d.%m.%y}" if self.p.dates != "dotted" else f"{x.day:%d.%m.}",
            "tracking": x.tracking,
            "product": self.names[x.kind],
            "dest": x.dest,
            "weight": f"{p.quantity(x.weight)} kg"
            if self.weight_style == "kg"
            else f"bis {quantity(klass, p)} kg",
            "price": p.number(x.freight.total),
            "extra": p.number(extra) if extra else "",
            "total": p.number(x.total),
        }

    def list_page(self, n: int) -> float:
        c, d = self.c, self.data
        y = self.TOP + 14
        title = self.rng.choice(("Einzelaufstellung", "Sendungsübersicht", "Anlage: Sendungsliste"))
        if n == 0:
            c.text(self.LEFT, y, f"{title} zur Rechnung {d.number}", 11, bold=True)
            c.text(self.RIGHT, y, f"Kunden-Nr. {d.customer_no}", 8, align="right", colour=GREY)
            y += 12
            c.text(self.LEFT, y, f"Zeitraum {self.period()}", 8.5, colour=GREY)
        return y + 8

    def shipment_list(self, parcels: Sequence[Parcel]) -> None:
        c_cols = columns(self.list_spec(), self.LEFT, self.RIGHT)
        y = self.heading(self.list_page(0), c_cols)
        size, step = 7.2, 10.6
        running, page_no = Decimal(0), 2
        carry_word = self.rng.choice(("Übertrag", "Zwischensumme"))
        for k, x in enumerate(parcels):
            if y + step > self.limit - 20:
                self.page_sum(y, running, f"Summe Seite {page_no}", c_cols)
                self.next_page()
                page_no += 1
                y = self.heading(self.list_page(1), c_cols)
                y = self.carry_row(y, running, f"{carry_word} von Seite {page_no - 1}", c_cols)
            y += step
            if self.stripes and k % 2:
                self.c.box(self.LEFT, y - 7.8, self.RIGHT, y + 2.8, fill=PALE, stroke=None)
            cells(self.c, c_cols, y, self.parcel_cells(x), size)
            if x.extras:
                extra = " · ".join(f"+ {e.description} {self.p.number(e.total)}" for e in x.extras)
                y += step - 3.5

                self.c.text(c_cols[2].anchor, y, extra, size - 1, colour=GREY)
            running += x.total
        y = self.page_sum(y, running, self.rng.choice(("Summe Einzelaufstellung", "Summe Sendungen")), c_cols)
        self.c.text(self.LEFT, y + 14, f"Anzahl Sendungen: {len(parcels)}", 8, bold=True)

    def page_sum(self, y: float, running: Decimal, label: str, cols: Sequence[Col]) -> float:
        c, total = self.c, cols[-1]
        c.line(self.LEFT, y + 4, self.RIGHT, y + 4, width=0.5)
        c.text(total.x0 - 60, y + 14, label, 8, bold=True, align="right")
        c.text(total.anchor, y + 14, self.p.number(running), 8, bold=True, align="right")
        return y + 16

    def carry_row(self, y: float, running: Decimal, label: str, cols: Sequence[Col]) -> float:
        c, total = self.c, cols[-1]
        y += 11
        c.text(total.x0 - 60, y, label, 7.6, bold=True, align="right")
        c.text(total.anchor, y, self.p.number(running), 7.6, bold=True, align="right")
        c.line(self.LEFT, y + 3, self.RIGHT, y + 3, width=0.3, colour=RULE)
        return y + 3

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 46, d.supplier.name, 9, bold=True, colour=self.brand)
        c.text(self.RIGHT, 46, f"Rechnung {d.number} · Kunden-Nr. {d.customer_no}", 8, align="right")
        c.line(self.LEFT, 54, self.RIGHT, 54, width=0.5, colour=GREY)
        return self.TOP

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        if self.ag:
            board = [
                f"Vorstand: {self.board[0]} (Vorsitz),",
                f"{self.board[1]}, {self.board[2]}",
                "Aufsichtsratsvorsitzender:",
                self.board[3],
            ]
        else:
            board = [
                "Geschäftsführung:",
                f"{self.board[0]}, {self.board[1]}",
                "Vorsitzender des Aufsichtsrats:",
                self.board[3],
            ]
        cols = [
            [s.name, s.street, s.city_line, f"Kundenservice {d.phone}", d.email],
            [f"Sitz der Gesellschaft: {s.city}", f"Registergericht: {self.court} {d.register}",
             *self.tax_ids("USt-IdNr.", "St.-Nr.")],
            board,
        ]  # fmt: skip
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.5)
        if not self.bank_printed:
            return
        y = self.FOOT + 56
        for k, iban in enumerate(self.banks):
            name = iban.bank_name if len(iban.bank_name) <= 40 else iban.bank_short_name
            text = f"{name} · IBAN {iban.formatted if self.grouped else iban.compact}"
            if self.with_bic:
                text += f" · BIC {iban.bic}"
            if k == 0 and len(self.banks) > 1:
                text = "Bankverbindungen: " + text
            c.fit_text(c.width / 2, y + 9 * k, text, 6.8, self.RIGHT - self.LEFT, align="center", colour=GREY)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        parcels = self.parcels()
        surcharges = self.surcharges(parcels)
        items = [i for x in parcels for i in (x.freight, *x.extras)] + surcharges
        lines = vat_breakdown(items)
        s = d.supplier
        self.letterhead(self.tagline, [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", "Monatsrechnung", "Sammelrechnung Paketversand"))
        y = self.intro(self.details_block(self.head_rows(), title), parcels)
        cols = columns(self.summary_spec(), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.summary(parcels, surcharges), False)
        gross = sum((v.base + v.amount for v in lines), Decimal(0))
        if len(lines) > 1 and self.rate_table:
            y = self.mixed_totals(y, lines)
        else:
            y = self.totals(y, self.total_rows(lines))
        y = self.closing(y, gross)
        assert self.pages == 1, "paketdienst_monat: the summary runs over page 1"
        self.next_page()
        self.shipment_list(parcels)
        pages = self.close_pages(True)
        assert 2 <= pages <= 4, pages
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            customer_no=True,
            bank=self.bank_printed,
            bic_printed=self.with_bic,
        )


def first_word(name: str) -> str:
    return name.split()[0].replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")


# ---------------------------------------------------------------------------
# uebersetzung_normzeilen

_DE_AGENCIES = (
    "Lingua Franca Fachübersetzungen GmbH",
    "Wortwerk Übersetzungsdienst GmbH",
    "Translingua Sprachendienste GmbH",
    "Babelfisch Übersetzungen GmbH",
    "Textbrücke Language Services GmbH",
)
_EK = (
    ("Übersetzungsbüro Sommerfeld e.K.", "Claudia Sommerfeld"),
    ("Fachübersetzungen Albrecht e.K.", "Jens Albrecht"),
    ("Sprachservice Demir e.K.", "Selin Demir"),
)
# Freelancers: (name, qualification printed under it).
_FREELANCERS = (
    ("Katrin Wegener", "Diplom-Übersetzerin für Englisch und Spanisch"),
    ("Marta Nowicka", "M.A. Fachübersetzen · Polnisch, Englisch, Deutsch"),
    ("Paul Lefèvre", "Staatlich geprüfter Übersetzer für Französisch"),
    ("Elena Rossi", "Übersetzungen Italienisch – Deutsch · Mitglied im BDÜ"),
    ("Sarah O'Connor", "Öffentlich bestellte und allgemein beeidigte Übersetzerin für Englisch"),
    ("Tomás Herrera", "Übersetzer und Lektor Spanisch · Deutsch · Englisch"),
)
_AT_NAMES = (
    "Sprachwerk Übersetzungen GmbH",
    "Donau Translations GmbH",
    "Lingua Austria Fachübersetzungs GmbH",
    "Alpentext Sprachdienstleistungen GmbH",
)
_TAGLINES = ("Fachübersetzungen · Lektorat · Dolmetschen", "Übersetzungen in über 40 Sprachen",
             "Marketing- und Fachübersetzungen", "Language Services for Agencies")  # fmt: skip
_LANGS = (("EN", "Englisch"), ("FR", "Französisch"), ("IT", "Italienisch"), ("ES", "Spanisch"),
          ("NL", "Niederländisch"), ("PL", "Polnisch"), ("DA", "Dänisch"))  # fmt: skip
_TEXTS = ("Website-Texte Relaunch", "Pressemitteilung Produktlaunch", "Imagebroschüre (24 Seiten)", "Messe-Flyer",
          "Newsletter Frühjahrskampagne", "Produktkatalog Kapitel 3–5", "Social-Media-Posts Kampagne",
          "AGB und Datenschutzerklärung", "Pitch-Präsentation", "Untertitel Imagefilm (SRT-Datei)",
          "Verpackungstexte", "Case Study Kundenprojekt")  # fmt: skip
_DOCUMENTS = (
    "Handelsregisterauszug",
    "Gesellschaftsvertrag",
    "Vollmacht",
    "Gewerbeanmeldung",
    "Arbeitszeugnis",
)
_EXTRA_WORK = (
    ("Lektorat durch zweite/n Muttersprachler/in", "Std.", 45, 80),
    ("Korrekturlesen nach Satz (PDF-Korrektur)", "Std.", 42, 70),
    ("DTP / Layoutanpassung InDesign", "Std.", 55, 85),
)


@dataclass(frozen=True)
class Job:
    """A row of the invoice: its item, its grey notes, and whether it is a translation (for its position)."""

    item: LineItem
    notes: tuple[str, ...] = ()


class UebersetzungNormzeilen(DienstSheet):
    """A translation agency's invoice: jobs by lines or words, surcharges, certified pages, proofreading."""

    FONTS = (
        "liberation-serif",
        "dejavu-sans",
        "liberation-sans",
        "dejavu-serif",
        "dejavu-sans-condensed",
    )
    FOOT = A4.height - 92

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.kind = rng.choice(("gmbh", "gmbh", "ek", "freelance", "freelance", "at"))
        self.small = self.kind == "freelance" and rng.random() < 0.3  # Kleinunternehmer, § 19 UStG
        day = ordinary(data.date)
        n = rng.randint(1, 999)
        number = rng.choice(
            (f"{day.year}-{n:03d}", f"RE{day.year % 100}{day.month:02d}{n:03d}", f"Ü-{day.year}-{n:04d}",
             f"{rng.randint(10000, 99999)}", f"{n}/{day.year}")
        )  # fmt: skip
        customer = dataclasses.replace(data.customer, name=rng.choice(_AGENCIES))
        changes: dict = {}
        self.owner, self.qualification, self.court = "", rng.choice(_TAGLINES), ""
        if self.kind == "gmbh":
            name = rng.choice(_DE_AGENCIES)
        elif self.kind == "ek":
            name, self.owner = rng.choice(_EK)
            changes["register"] = f"HRA {rng.randint(1000, 99999)}"
        elif self.kind == "freelance":
            name, self.qualification = rng.choice(_FREELANCERS)
            changes["tax_no"] = data.tax_no or _steuernummer(rng, data.supplier.region)
        else:
            name = rng.choice(_AT_NAMES)
            plz, town, self.court, area = rng.choice(_AT_PLACES)
            bank = rng.choice(tuple(_AT_BANKS))
            self.at_bank = _AT_BANKS[bank]

            street = f"{rng.choice(('Mariahilfer Straße', 'Neubaugasse', 'Linzer Gasse', 'Herrengasse'))} "
            changes |= {
                "supplier": Party(name, street + str(rng.randint(1, 90)), plz, town, "AT"),
                "phone": f"+43 {area} {rng.randint(100000, 9999999)}",
                "vat_id": at_uid_number(rng),
                "tax_no": "",
                "iban": iban_of(rng, "AT", (bank,), 11),
                "vat_id_spaced": False,
                "register": f"FN {rng.randint(100000, 599999)}{rng.choice((' ', ''))}{rng.choice(_FN_LETTERS)}",
            }
        domain = first_word(name).lower().replace("'", "") + (".at" if self.kind == "at" else ".de")
        if self.kind == "freelance":
            domain = name.split()[-1].lower().replace("'", "").replace("è", "e") + "-uebersetzungen.de"
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 30, 10))),
            customer=customer,
            supplier=changes.pop("supplier", dataclasses.replace(data.supplier, name=name)),
            customer_no=rng.choice((f"K{rng.randint(1000, 9999)}", str(rng.randint(10000, 29999)), f"D-{n:04d}"))
            if rng.random() < 0.6
            else "",
            order_no=rng.choice(
                (f"PO-{rng.randint(10000, 99999)}", f"P{day.year % 100}-{rng.randint(100, 999)}",
                 f"{rng.randint(4500000000, 4599999999)}", f"BE-{day.year}-{rng.randint(1, 400):03d}")
            )
            if rng.random() < 0.55
            else "",
            email=f"{rng.choice(('rechnung', 'office', 'info', 'projekte'))}@{domain}",
            **changes,
        )  # fmt: skip
        super().__init__(rng, data)
        self.look()
        self.ids = {"gmbh": rng.choice(("vat", "vat", "both")), "ek": rng.choice(("vat", "both")),
                    "freelance": "stnr", "at": "vat"}[self.kind]  # fmt: skip
        if self.ids == "both" and not data.tax_no:
            self.ids = "vat"
        dates = rng.choice(("dotted", "dotted", "dotted_short", "de_long"))
        currency = rng.choice(("sign_after", "sign_after", "code_after", "none"))
        if self.kind == "at":
            self.p = AtPrinter(
                "de", rng.choice(("sign_before", "sign_after", "code_before")), dates, jaenner=True
            )
        else:
            self.p = Printer(rng.choice(("de", "de", "de_space")), currency, dates)
        self.rate = 0 if self.small or self.kind == "at" else 19
        self.unit = rng.choice(("nz", "nz", "words"))
        self.pair_style = rng.choice(("arrow", "words", "unicode", "slash"))
        self.third_decimal = rng.random() < 0.4
        self.show_chars = rng.random() < 0.5
        self.whole_lines = rng.random() < 0.3
        self.minimum = Decimal(rng.choice((35, 45, 50, 60, 75)))
        self.delivered = day - dt.timedelta(days=rng.randint(0, 9))
        self.ordered = self.delivered - dt.timedelta(days=rng.randint(2, 20))
        self.delivery_as = rng.choice(("head", "head", "jobs", "", ""))
        self.reference = rng.random() < 0.4
        self.own_job = f"A-{day.year % 100}{rng.randint(1000, 9999)}" if rng.random() < 0.4 else ""
        self.order_day = rng.random() < 0.5
        self.place_date = rng.random() < 0.25
        self.customer_vat = _vat_id(rng)
        self.vat_row = self.rate == 19 or rng.random() < 0.5
        self.skonto = rng.random() < 0.25 and not self.small
        self.table_style = rng.choice(("full", "full", "list"))
        self.with_bic = self.kind == "at" or rng.random() < 0.75

    # -- the jobs

    def lines_text(self, qty: Decimal) -> str:
        """Normzeilen as printed: whole (934) or to two decimals (735,29; 866,60)."""
        return str(int(qty)) if self.whole_lines else f"{qty:.2f}".replace(".", ",")

    def pair(self) -> str:

        rng = self.rng
        code, word = rng.choice(_LANGS)
        src, src_word = ("DE", "Deutsch") if rng.random() < 0.8 else ("EN", "Englisch")
        if code == src:
            code, word = "DE", "Deutsch"
        return {
            "arrow": f"{src} > {code}",
            "words": f"{src_word}-{word}",
            "unicode": f"{src}→{code}",
            "slash": f"{src_word}/{word}",
        }[self.pair_style]

    def translation(self, pos: int, job_day: dt.date | None) -> list[Job]:
        rng, p = self.rng, self.p
        pair, text = self.pair(), rng.choice(_TEXTS)
        small = rng.random() < 0.2  # a short text: on many seeds below the minimum charge

        notes: list[str] = []
        if self.unit == "nz":
            chars = rng.randint(600, 2400) if small else rng.randint(2400, 60000)
            lines = Decimal(chars) / 55
            qty = Decimal(-(-chars // 55)) if self.whole_lines else round_cent(lines)
            price = Decimal(rng.randrange(95, 225, 5)) / 100
            unit, word = "NZ", "Normzeilen"
            desc = f"Übersetzung {pair}: {text}"
            if self.show_chars:
                notes.append(f"{grouped_int(chars)} Anschläge inkl. Leerzeichen = {self.lines_text(qty)} Normzeilen "
                             "à 55 Anschläge")  # fmt: skip
        else:
            qty = Decimal(rng.randint(60, 320) if small else rng.randint(320, 9000))
            price = Decimal(rng.randrange(90, 245, 5 if self.third_decimal else 10)) / 1000
            unit, word = "Wörter", "Wörter"
            desc = f"Übersetzung {pair} – {text}"
        total = round_cent(qty * price)
        counted = self.lines_text(qty) if unit == "NZ" else grouped_int(int(qty))
        if job_day is not None:
            notes.append(f"geliefert am {p.date(job_day)}")
        if total < self.minimum:
            item = LineItem(
                f"{desc} (Mindestauftragswert)", "", Decimal(1), "pausch.", self.minimum, self.rate
            )
            notes.insert(0, f"{counted} {word} – berechnet wird der Mindestpreis")
            total = self.minimum
        else:
            item = LineItem(desc, "", qty, unit, price, self.rate)
            if self.table_style == "list":
                notes.insert(0, f"{counted} {word} × {unit_amount(price, p)}")

        jobs = [Job(item, tuple(notes))]
        if rng.random() < 0.3:
            pct = rng.choice((25, 30, 50, 50))
            fee = round_cent(total * pct / 100)
            what = rng.choice(("Expresszuschlag", "Eilzuschlag"))
            jobs.append(Job(LineItem(f"{what} {pct} % auf Pos. {pos}", "", Decimal(1), "pausch.", fee, self.rate),
                            (rng.choice(("Lieferung innerhalb von 24 Stunden", "Lieferung am Folgetag")),)))  # fmt: skip
        return jobs

    def certified(self) -> list[Job]:
        rng = self.rng
        doc, pages = rng.choice(_DOCUMENTS), rng.randint(1, 6)
        per_page = Decimal(rng.randrange(2400, 4800, 50)) / 100
        docs = rng.choice((1, 1, 2))
        out = [
            Job(LineItem(f"Beglaubigte Übersetzung {doc} {self.pair()}", "", Decimal(pages), "Seite(n)",
                         per_page, self.rate), (rng.choice(("je angefangene Normseite", "Preis je Seite")),)),
            Job(LineItem("Beglaubigungsgebühr", "", Decimal(docs), "Dok.",
                         Decimal(rng.choice((5, 8, 10, 12, 15))), self.rate)),
        ]  # fmt: skip
        if rng.random() < 0.5:
            out.append(Job(LineItem("Versand Original per Einschreiben", "", Decimal(1), "pausch.",
                                    Decimal(rng.choice(("3.95", "4.50", "5.90"))), self.rate)))  # fmt: skip
        return out

    def jobs(self) -> list[Job]:
        rng = self.rng
        count = rng.choice((1, 1, 2, 2, 3, 4))
        per_job = self.delivery_as == "jobs" and count > 1
        out: list[Job] = []
        for k in range(count):
            day = self.delivered - dt.timedelta(days=rng.randint(0, 6)) if per_job else None
            out += self.translation(len(out) + 1, day)
        if rng.random() < 0.3:
            out += self.certified()
        for desc, unit, lo, hi in _EXTRA_WORK:
            if rng.random() < 0.3:
                hours = Decimal(rng.randint(2, 20)) / 4
                price = Decimal(rng.randrange(lo * 2, hi * 2 + 1, 5)) / 2
                out.append(Job(LineItem(desc, "", hours, unit, price, self.rate)))
        if rng.random() < 0.35:
            lump = Decimal(rng.randrange(2500, 15000, 500)) / 100
            out.append(Job(LineItem(rng.choice(("Projektmanagement (pauschal)", "Projektmanagement und "
                                                "Terminologieabstimmung", "Dateiaufbereitung / PM-Pauschale")),
                                    "", Decimal(1), "pausch.", lump, self.rate)))  # fmt: skip
        if self.delivery_as == "jobs" and not per_job:
            self.delivery_as = ""
        return out

    def rows(self, jobs: Sequence[Job]) -> list[Row]:
        p = self.p
        out = []
        for n, job in enumerate(jobs, 1):
            item = job.item
            qty = {"Wörter": grouped_int(int(item.quantity)), "NZ": self.lines_text(item.quantity)}.get(
                item.unit, quantity(item.quantity, p)
            )
            values = {
                "pos": str(n),
                "desc": item.description,
                "qty": qty,
                "unit": item.unit,
                "price": unit_price(item.unit_price, p),
                "total": p.number(item.total) if self.table_style == "full" else p.amount(item.total),
            }
            notes = job.notes
            counted = item.unit != "pausch." and not any("×" in note for note in notes)
            if self.table_style == "list" and counted:
                notes = (f"{values['qty']} {item.unit} × {unit_amount(item.unit_price, p)}", *notes)
            out.append(Row("item", values, item, notes))
        return out

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        if self.table_style == "list":
            return [
                ("pos", "Pos.", 30, "left"),
                ("desc", rng.choice(("Leistung", "Beschreibung")), 0, "left"),
                ("total", rng.choice(("Betrag", "Netto", "Summe")), 84, "right"),
            ]
        return [
            ("pos", rng.choice(("Pos.", "Nr.")), 26, "left"),
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Auftrag / Leistung")), 0, "left"),
            ("qty", rng.choice(("Menge", "Umfang", "Anzahl")), 52, "right"),
            ("unit", "Einheit", 44, "left"),
            ("price", rng.choice(("Preis", "EP", "Einzelpreis")), 52, "right"),
            ("total", rng.choice(("Gesamt", "Betrag", "Summe")), 66, "right"),
        ]

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [(rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number)]
        if not self.place_date:
            rows.append((rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)))
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Ihre Kd.-Nr.")), d.customer_no))
        if self.reference:
            rows.append(
                ("Ihr Zeichen", rng.choice(("MK/ab", "ts-pr", "Frau Lange", "LW/24", "Marketing/JS")))
            )
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre Projekt-Nr.", "PO-Nummer", "Ihre Auftrags-Nr.")),
                         d.order_no))  # fmt: skip
        if self.order_day:
            rows.append(
                (rng.choice(("Ihre Bestellung vom", "Auftrag vom", "Ihre Anfrage vom")), p.date(self.ordered))
            )
        if self.own_job:
            rows.append((rng.choice(("Unsere Auftrags-Nr.", "Unser Projekt", "Job-Nr.")), self.own_job))
        if self.delivery_as == "head":
            rows.append((rng.choice(("Lieferdatum", "Liefertermin", "geliefert am", "Leistungsdatum")),
                         p.date(self.delivered)))  # fmt: skip
        if self.kind == "at" and self.rng.random() < 0.5:
            self.uid_in_rows = True
            rows.append(("Ihre UID-Nr.", self.customer_vat))
        return rows

    uid_in_rows = False

    def subject(self, y: float) -> float:
        c, L = self.c, self.LEFT

        if self.kind == "at" and not self.uid_in_rows:
            c.text(L, y + 2, f"UID-Nr. des Leistungsempfängers: {self.customer_vat}", 8.5, colour=GREY)
            y += 12
        text = self.rng.choice(
            (
                "vielen Dank für Ihren Auftrag. Für die erbrachten Übersetzungsleistungen berechnen wir:",
                "für die folgenden Leistungen erlaube ich mir, Ihnen in Rechnung zu stellen:",
                "wie vereinbart berechnen wir Ihnen folgende Leistungen:",
                "",
            )
        )
        if self.kind == "freelance":
            text = text.replace("berechnen wir", "berechne ich")
        if text:
            y = self.c.paragraph(L, y + 6, "Sehr geehrte Damen und Herren, " + text, self.RIGHT - L, 9) + 2
        return y

    def total_rows(self, vat: VatLine) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        gross = vat.base + vat.amount
        final = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Endbetrag", "Zu zahlen"))
        if self.p.currency == "none":
            final += rng.choice((" EUR", " in EUR"))
        net = (rng.choice(("Nettobetrag", "Summe netto", "Zwischensumme")), vat.base, False)
        if self.rate == 19:
            tax = rng.choice(("zzgl. 19 % USt.", "19 % Umsatzsteuer", "MwSt. 19 %"))
            return [net, (tax, vat.amount, False), (final, gross, True)]
        if not self.vat_row:
            return [net, (final, gross, True)] if rng.random() < 0.5 else [(final, gross, True)]
        tax = "USt. 0 % (Reverse Charge)" if self.kind == "at" else "Umsatzsteuer 0 %"
        return [net, (tax, vat.amount, False), (final, gross, True)]

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.kind == "at":
            texts.append(
                (
                    rng.choice(
                        (
                            "Übergang der Steuerschuld auf den Leistungsempfänger (Reverse Charge). Die "
                            "Umsatzsteuer ist vom Leistungsempfänger zu entrichten.",
                            "Reverse Charge – Übergang der Steuerschuld gemäß Art. 196 MwSt-Systemrichtlinie; "
                            f"UID des Leistungsempfängers: {self.customer_vat}.",
                        )
                    ),
                    True,
                )
            )
        elif self.small:
            texts.append(
                (
                    rng.choice(
                        (
                            "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
                            "Als Kleinunternehmerin/Kleinunternehmer im Sinne von § 19 Abs. 1 UStG berechne ich "
                            "keine Umsatzsteuer.",
                        )
                    ),
                    True,
                )
            )
        days = (d.due_date - d.date).days
        account = f" auf das Konto IBAN {self.iban}" + (f", BIC {d.iban.bic}" if self.with_bic else "")
        texts.append(
            (
                rng.choice(
                    (
                        f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)}{account}.",
                        f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                        f"Zahlungsziel: {days} Tage ({p.date(d.due_date)}).",
                    )
                ),
                False,
            )
        )
        if self.skonto:
            pct = rng.choice((2, 3))
            cut = round_cent(gross * pct / 100)
            until = d.date + dt.timedelta(days=rng.choice((7, 8, 10)))
            we = "gewähre ich" if self.kind == "freelance" else "gewähren wir"
            texts.append((f"Bei Zahlung bis {p.date(until)} {we} {pct} % Skonto ({p.amount(cut)}); "
                          f"Zahlbetrag dann {p.amount(gross - cut)}.", False))  # fmt: skip
        if rng.random() < 0.4:
            texts.append(("Die Nutzungsrechte an der Übersetzung gehen mit vollständiger Bezahlung auf Sie über.",
                          False))  # fmt: skip
        return self.texts(y, texts)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        if self.kind == "at":
            court = self.court.replace("Handelsgericht", "HG") if self.rng.random() < 0.5 else self.court
            legal = [f"Firmenbuch: {d.register}", f"Firmenbuchgericht: {court}", f"Geschäftsführung: {d.ceo}",
                     *self.tax_ids("UID-Nr.")]  # fmt: skip
        elif self.kind == "gmbh":
            legal = [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführerin: {d.ceo}",
                     *self.tax_ids("USt-IdNr.", "St.-Nr.")]  # fmt: skip
        elif self.kind == "ek":
            legal = [f"Inhaberin: {self.owner}" if self.owner in ("Claudia Sommerfeld", "Selin Demir")
                     else f"Inhaber: {self.owner}", f"Amtsgericht {s.city} {d.register}",
                     *self.tax_ids("USt-IdNr.", "Steuernummer")]  # fmt: skip
        else:
            legal = [*self.tax_ids("USt-IdNr.", "Steuernummer"), "Finanzamt " + s.city]
        bank = [self.at_bank if self.kind == "at" else self.bank_name(), f"IBAN {self.iban}"]
        if self.with_bic:
            bank.append(f"BIC {d.iban.bic}")
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email], legal, bank]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        jobs = self.jobs()
        items = [job.item for job in jobs]
        (vat,) = vat_breakdown(items)
        if self.delivery_as != "head":
            self.data = d = dataclasses.replace(d, service_date=None)
        else:
            self.data = d = dataclasses.replace(d, service_date=self.delivered)
        s = d.supplier
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        self.letterhead(self.qualification if self.kind == "freelance" else rng.choice(_TAGLINES), contact)
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}", "Honorarrechnung"
                            if self.kind == "freelance" else "Rechnung"))  # fmt: skip
        if self.place_date:
            where = f"{s.city}, {self.p.date(d.date)}"
            self.c.text(self.RIGHT, self.window_y - 22, where, 9.5, align="right")
        y = self.subject(self.details_block(self.head_rows(), title))

        y = self.table(y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(jobs), False)
        y = self.totals(y, self.total_rows(vat))
        y = self.closing(y, vat.base + vat.amount)
        assert y < self.limit + 6, "uebersetzung_normzeilen: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.delivery_as == "head",
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            vat_printed=self.vat_row,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

VERSAND_FAMILIES: dict[str, type[TripSheet]] = {
    "paketdienst_monat": PaketdienstMonat,
    "uebersetzung_normzeilen": UebersetzungNormzeilen,
}


def draw_versand(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(VERSAND_FAMILIES[name], name, seed)
