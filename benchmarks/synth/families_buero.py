"""Two invoice layout families of a copier leasing and service company and of a German notary, designed blind
(session 18).

Like `families_getraenk`, they were written without reading the field extractor and without running it, so
that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_buero(name, seed)`. Both return a `TripDrawing` (truth keys only for values printed); the copier
invoice draws on `RentalLook` of `families_getraenk` (the letterheads, details, table heads and totals of
`families_dienst`, whose look varies per seed), the notary's on `FirstSheet` with a letterhead of its own.

- `kopierer_leasing`: a copier / printer dealer's monthly or quarterly contract invoice to an agency (it leases
  the devices out and services them): the contract ("Leasingvertrag", "Full-Service-Vertrag", "Miet- und
  Servicevertrag" Nr. ... vom ..., its term on some seeds), the leasing or rental rate for the contract period
  (months × monthly rate, per device or one line for the contract, billed in advance for the current period
  on most seeds, in arrears on the others), a service lump sum on some seeds, and the click charges of the
  past period from the meter readings: per device (model, "Seriennr."/"SN", location, the dealer's device
  number) and counter (S/W, Farbe) the readings old and new with their dates and how they were read
  (remote, reported, estimated), the pages printed, the included volume ("Freimenge", none on all-click
  contracts), the pages over it × the price per page with four decimals ("0,0089 €", on some seeds in cent,
  "0,89 ct"). Two layouts: a meter table (devices as group rows, columns Stand alt / Stand neu / Verbrauch /
  Freimenge / Mehrseiten / Preis je Seite / Betrag) under a short positions table, or one positions table
  whose click lines carry their readings as grey notes. Extras on some seeds: a shipping lump sum for toner,
  a fee for readings not reported, copy paper. Subtotals (Grundgebühren, Seitenpreise) on some seeds, then
  net, 19 % VAT and the total. Payment only by SEPA direct debit (the debit date, the customer's masked IBAN,
  the Mandatsreferenz, the Gläubiger-ID; "bitte nicht überweisen" on some seeds); the dealer's own account in
  the footer on most seeds. Many numbers that are no totals: readings, page counts, serial, contract, device
  and customer numbers, the service hotline, the next reading's date, the term's dates. The seller a GmbH or
  GmbH & Co. KG (register, managing director, USt-IdNr., the Steuernummer too on some seeds). Two pages when
  the devices run long. Truth: the usual keys, 19 % only; `kundennummer` where printed; `iban` / `bic` only
  where the dealer's account is printed (`bic` only with its BIC); no `leistungsdatum` (periods).
- `notar_kostenrechnung`: a German notary's fee invoice under the GNotKG ("Kostenberechnung gemäß § 19
  GNotKG", "Kostenberechnung", "Kostenrechnung", "Notarkostenrechnung"): the notary a person ("Dr. Katharina Vogel" with "Notarin", or
  "Rechtsanwalt und Notar" where lawyers are notaries too), the office ("Amtssitz"), the chamber; the matter
  (founding a GmbH, with the model protocol on some seeds; a commercial register filing for a change of
  managing director, seat or address, a procuration; a transfer of shares; a shareholders' resolution; the
  certification of a signature or of copies), the deed's date and number ("UVZ-Nr. 456/2024" from 2022,
  "UR-Nr." before), the invoice's number (Rechnungs-Nr., Kostenregister-Nr., KR-Nr.), the date (beside a
  label or as "Köln, den ..."), the Kostenschuldner. The fees with their KV-Nr. (21100, 21200, 22110, 22111,
  22114, 22200, 24102, 25100, 25102), their Geschäftswert (5.000,00 € ... 250.000,00 €; printed once above on
  some seeds) and rate (2,0 / 1,0 / 0,5 / 0,3 / 0,2) from Tabelle B (§ 34 GNotKG), with the minimum and
  maximum fees; the expenses (Dokumentenpauschale Nr. 32000 / 32001 / 32002 by pages or files, Post- und
  Telekommunikationspauschale Nr. 32005 at 20 % of the fees up to 20,00 €, a register retrieval Nr. 32011
  before August 2022); as a table (KV-Nr., Gegenstand, Geschäftswert, Satz, Betrag), as blocks with a grey
  detail line, or one line each; "Summe netto" / "Zwischensumme", "19 % Umsatzsteuer Nr. 32014", the total. On
  some seeds court fees the notary paid for the client (Nr. 32015, durchlaufende Posten, no VAT): after the
  VAT-bearing gross ("zzgl. durchlaufende Posten", then the amount to pay, and a VAT summary by rate: 19 % /
  0 % / Gesamt), or listed under their own heading before the "Summe netto" over all, with the VAT "auf" the
  taxed part. Then the fees' due date (§ 10 GNotKG), the bank, the notary's signature with the seal's "L.S.",
  the Rechtsbehelfsbelehrung (§ 127 GNotKG, the Landgericht), the Steuernummer and / or USt-IdNr. Truth: the
  usual keys; `lieferant` the notary's name as the letterhead prints it on its own line ("Dr. Michael
  Brandt": the office "Notar" stands on its own line there, before the name only in the sender line, the
  footer and the signature); `rechnungsnummer` the invoice's (Kostenregister) number, never the deed's
  UVZ-Nr.; `datum` the invoice's date, never the deed's; `iban` always (the fee account, in the closing text
  or the footer), `bic` where printed. The court fees passed on count as items at 0 % (as in
  `kanzlei_rvg`): `betrag_netto` = the fees and expenses plus those costs (the printed "Summe netto" over all,
  or the "Gesamt" row of the VAT summary), `mwst` = 19 % of the fees and expenses, `betrag_brutto` = netto +
  mwst = the amount to pay as printed. No `kundennummer`, `bestellnummer` or `leistungsdatum` (the deed's date
  is printed as such, not as a date of supply).

The copier invoices keep their billed periods out of the second half of 2020 (German VAT 16 %); the notary's
dates lie in 2021 to May 2025 (Tabelle B as in force then; no 16 %).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_first import FirstSheet, grouped_thousands
from benchmarks.synth.families_getraenk import RentalLook
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    Col,
    cells,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
    label_rows,
)
from benchmarks.synth.families_recht import Steps, amount_rows, rate_summary, rate_text, recent_day, table_fee
from benchmarks.synth.families_trip import TripDrawing, TripSheet
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
from benchmarks.synth.pdfdraw import A4, Align, Colour

# The agencies that receive these invoices.
_AGENCIES = (
    "Pixelwerk Digitalagentur GmbH",
    "Kreativbüro Nordwind GmbH",
    "Lichtblick Kommunikation GmbH",
    "Agentur Hansen Promotion GmbH",
    "Markenwerk Köster GmbH",
    "Studio Feldmann Design GmbH",
    "Blau & Gelb Werbeagentur GmbH",
    "Kontrast Medien GmbH",
)
_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"


def _chars(rng: random.Random, pattern: str) -> str:
    """A code after `pattern`: L a letter, D a digit, anything else itself."""
    return "".join(
        rng.choice(_LETTERS) if ch == "L" else str(rng.randint(0, 9)) if ch == "D" else ch for ch in pattern
    )


# ---------------------------------------------------------------------------
# kopierer_leasing

_DEALERS = (
    "Schröder Bürotechnik GmbH",
    "DocuPrint Systemhaus GmbH",
    "Kopiertechnik Weser GmbH & Co. KG",
    "BKS Bürokommunikation und Service GmbH",
    "OfficePrint Leasing & Service GmbH",
    "Lehmann Bürosysteme GmbH",
    "Printflow Dokumentenlösungen GmbH",
    "Rhein-Main Kopiersysteme GmbH & Co. KG",
)
# Devices: (model, prints colour, serial number pattern).
_DEVICES = (
    ("Konica Minolta bizhub C300i", True, "ALLDDDDDDDDDD"),
    ("Konica Minolta bizhub 450i", False, "ALLDDDDDDDDDD"),
    ("Canon imageRUNNER ADVANCE DX C3826i", True, "LLLDDDDD"),
    ("Canon imageRUNNER 2630i", False, "LLLDDDDD"),
    ("Kyocera TASKalfa 2554ci", True, "RDLDLDDDDD"),
    ("Kyocera ECOSYS M3655idn", False, "RDLDLDDDDD"),
    ("Ricoh IM C3000", True, "CDDDPDDDDDD"),
    ("Sharp MX-3061EU", True, "DDDDDDDD"),
    ("Xerox VersaLink C7025", True, "LLLDDDDDD"),
    ("Toshiba e-STUDIO 2525AC", True, "CLLDDDDDDD"),
    ("HP Color LaserJet Managed MFP E57540", True, "CNLLLDLDDD"),
    ("Brother MFC-L6900DW", False, "EDDDDLDDDDDD"),
)
_PLACES = (
    "Empfang EG",
    "1. OG, Flur",
    "2. OG, Kreativbereich",
    "Buchhaltung",
    "Besprechungsraum 3",
    "Studio / Produktion",
    "Poststelle",
    "Geschäftsführung",
)
_BW_PRICES = ("0.0065", "0.0079", "0.0089", "0.0095", "0.0110", "0.0120", "0.0135")
_COLOUR_PRICES = ("0.0490", "0.0550", "0.0590", "0.0650", "0.0690", "0.0790", "0.0890")
_READ_HOW = {
    "remote": ("Fernablesung", "automatisch übermittelt (e-Maintenance)", "Remote-Zählerauslesung"),
    "reported": ("Kundenmeldung", "per Portal gemeldet", "vom Kunden gemeldet"),
    "estimated": ("geschätzt", "Schätzung (keine Meldung erhalten)"),
}


def clear_of_2020(day: dt.date) -> dt.date:
    """`day` a year earlier when it, the month or quarter before it or the one it starts lie near the second
    half of 2020 (German VAT 16 % then)."""
    return day.replace(year=2019) if dt.date(2020, 5, 1) <= day <= dt.date(2021, 4, 30) else day


def period_of(first: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """The `months` months from the first day `first`: its first and last day."""
    year, month = divmod(first.month - 1 + months, 12)
    return first, dt.date(first.year + year, month + 1, 1) - dt.timedelta(days=1)


def months_back(first: dt.date, months: int) -> dt.date:
    year, month = divmod(first.month - 1 - months, 12)
    return dt.date(first.year + year, month + 1, 1)


@dataclass(frozen=True)
class Device:
    model: str
    colour: bool
    serial: str
    place: str
    number: str  # the dealer's device number


@dataclass(frozen=True)
class Meter:
    """One counter of a device over the billed period and what it costs."""

    device: Device
    colour: bool
    old: int
    new: int
    free: int
    price: Decimal

    @property
    def used(self) -> int:
        return self.new - self.old

    @property
    def over(self) -> int:
        return max(0, self.used - self.free)

    def item(self, text: str, unit: str) -> LineItem:
        return LineItem(text, "", Decimal(self.over), unit, self.price, 19)


class KopiererLeasing(RentalLook):
    """A copier dealer's contract invoice: the leasing rate, the click charges from the meter readings."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted", "dotted", "dotted_short")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.months = rng.choice((1, 3, 3))
        start = clear_of_2020(data.date).replace(day=1)
        if self.months == 3:
            start = start.replace(month=(start.month - 1) // 3 * 3 + 1)
        day = start + dt.timedelta(days=rng.randint(1, 6))
        self.advance = rng.random() < 0.7  # the rate for the current period, the pages of the one before
        click_first = months_back(start, self.months)
        self.clicks = period_of(click_first, self.months)
        self.lease = period_of(start if self.advance else click_first, self.months)
        name = rng.choice(_DEALERS)
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"{rng.randint(10**7, 10**8 - 1)}",
                f"RE{day.year % 100}{n:06d}",
                f"VR-{day.year}-{n:05d}",
                f"{day.year}{day.month:02d}-{n % 10000:04d}",
            )
        )
        word = name.split()[0].lower().replace("ö", "oe").replace("-", "")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((5, 7, 10, 14))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (
                    f"{rng.randint(10000, 99999)}",
                    f"KD{rng.randint(100000, 999999)}",
                    f"K-{rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.85
            else "",
            order_no="",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('abrechnung', 'service', 'info', 'vertrag'))}@{word}.de",
            register=f"HRA {rng.randint(1000, 9999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "both" if rng.random() < 0.35 else "vat"
        self.term = rng.choice((36, 48, 60, 60))
        self.signed = months_back(start, rng.randint(4, self.term - 4))
        self.contract = rng.choice(
            (
                f"V-{self.signed.year}-{rng.randint(1, 9999):05d}",
                f"LV {rng.randint(100000, 999999)}",
                f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}-01",
                f"MSV{rng.randint(10000, 99999)}",
            )
        )
        self.kind = rng.choice(
            (
                "Leasingvertrag",
                "Full-Service-Vertrag",
                "Miet- und Servicevertrag",
                "Leasing- und Servicevertrag",
            )
        )
        self.all_click = rng.random() < 0.3  # no included volume: every page is charged
        self.layout = rng.choice(("meters", "meters", "positions"))
        self.per_device = rng.random() < 0.4  # a rate per device, else one for the contract
        self.cent = rng.random() < 0.15  # prices per page in cent
        self.grouped_counts = rng.random() < 0.75  # readings as 131.210, else 131210
        self.read_how = rng.choice(("remote", "remote", "reported", "estimated"))
        self.read_day = self.clicks[1] + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
        self.own_bank = rng.random() < 0.75
        self.with_bic = rng.random() < 0.8
        self.subtotals = rng.random() < 0.4
        self.hotline = f"0800 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        self.month_names = self.months == 1 and rng.random() < 0.4  # "März 2024", else a date range
        self.bw_word = rng.choice(("S/W", "Schwarz/Weiß", "Mono"))
        self.devices = self.pick_devices()

    # -- the devices, the meters and the items

    def pick_devices(self) -> list[Device]:
        rng = self.rng
        count = rng.choice((1, 1, 2, 2, 3, 4))
        out = []
        for (model, colour, pattern), place in zip(
            rng.sample(_DEVICES, count), rng.sample(_PLACES, count), strict=True
        ):
            number = rng.choice((f"G{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}"))
            out.append(Device(model, colour, _chars(rng, pattern), place, number))
        return out

    def meters(self) -> list[Meter]:
        rng, months = self.rng, self.months
        out = []
        for device in self.devices:
            kinds = (False, True) if device.colour else (False,)
            for colour in kinds:
                per_month = rng.randint(150, 3200) if colour else rng.randint(400, 9000)
                free = (
                    0
                    if self.all_click
                    else rng.choice((250, 500, 1000) if colour else (1000, 2000, 2500, 5000))
                )
                old = rng.randint(3000, 160000) if colour else rng.randint(8000, 480000)
                used = per_month * months + rng.randint(-100, 100)
                price = Decimal(rng.choice(_COLOUR_PRICES if colour else _BW_PRICES))
                out.append(Meter(device, colour, old, old + max(used, 20), free * months, price))
        return out

    def count(self, n: int) -> str:
        return grouped_thousands(n) if self.grouped_counts else str(n)

    def page_price(self, price: Decimal) -> str:
        if self.cent:
            return f"{price * 100:.2f} ct".replace(".", ",")
        text = f"{price:.4f}".replace(".", ",")
        return f"{text} €" if self.p.currency == "sign_after" else text

    def range_text(self, period: tuple[dt.date, dt.date]) -> str:
        a, b = period
        if self.month_names:
            return f"{MONTHS_DE[a.month - 1]} {a.year}"
        return f"{self.p.date(a)} – {self.p.date(b)}"

    def lease_items(self) -> list[tuple[LineItem, tuple[str, ...]]]:
        rng = self.rng
        unit = "Monat" if self.months == 1 else "Monate"
        when = self.range_text(self.lease)
        note = f"Zeitraum {when}" + (" (im Voraus)" if self.advance and rng.random() < 0.5 else "")
        word = rng.choice(
            {
                "Leasingvertrag": ("Leasingrate", "Leasingrate monatlich"),
                "Full-Service-Vertrag": ("Grundgebühr Full-Service", "Monatliche Pauschale"),
                "Miet- und Servicevertrag": ("Mietrate", "Gerätemiete"),
                "Leasing- und Servicevertrag": ("Leasingrate", "Leasing- und Servicerate"),
            }[self.kind]
        )
        out = []
        if self.per_device:
            for device in self.devices:
                rate = Decimal(rng.randrange(2900, 26000, 10)) / 100
                text = f"{word} {device.model}"
                out.append(
                    (LineItem(text, "", Decimal(self.months), unit, rate, 19), (f"SN {device.serial}", note))
                )
        else:
            rate = Decimal(rng.randrange(6900, 48000, 50)) / 100
            text = f"{word} gem. {self.kind} {self.contract}"
            out.append((LineItem(text, "", Decimal(self.months), unit, rate, 19), (note,)))
        if rng.random() < 0.35:
            fee = Decimal(rng.randrange(900, 4900, 50)) / 100
            text = rng.choice(("Servicepauschale (Wartung, Ersatzteile)", "Service- und Wartungspauschale"))
            out.append((LineItem(text, "", Decimal(self.months), unit, fee, 19), (note,)))
        return out

    def extra_items(self) -> list[tuple[LineItem, tuple[str, ...]]]:
        rng = self.rng
        out: list[tuple[LineItem, tuple[str, ...]]] = []
        if rng.random() < 0.25:
            fee = Decimal(rng.choice(("4.90", "5.90", "7.50", "9.90")))
            shipped = rng.randint(1, 4)
            text = rng.choice(("Versandkostenpauschale Verbrauchsmaterial", "Versandpauschale Toner"))
            out.append((LineItem(text, "", Decimal(shipped), "Lfg.", fee, 19), ()))
        if self.read_how == "estimated" and rng.random() < 0.6:
            fee = Decimal(rng.choice(("5.00", "7.50", "10.00", "15.00")))
            text = "Bearbeitungsgebühr Zählerstandsschätzung"
            out.append(
                (
                    LineItem(text, "", Decimal(1), "pausch.", fee, 19),
                    ("Zählerstände nicht fristgerecht gemeldet",),
                )
            )
        if rng.random() < 0.2:
            price = Decimal(rng.randrange(1890, 2590, 10)) / 100
            text = "Kopierpapier A4 80 g/m², Karton à 5 x 500 Blatt"
            out.append((LineItem(text, "", Decimal(rng.choice((2, 4, 5, 10))), "Karton", price, 19), ()))
        return out

    # -- the rows

    def position_rows(self, lines: Sequence[tuple[LineItem, tuple[str, ...]]], start: int) -> list[Row]:
        p = self.p
        rows = []
        for n, (item, notes) in enumerate(lines, start):
            values = {
                "pos": str(n),
                "desc": item.description,
                "qty": self.count(int(item.quantity)) if item.unit == "Seiten" else str(int(item.quantity)),
                "unit": item.unit,
                "price": self.page_price(item.unit_price)
                if item.unit == "Seiten"
                else p.number(item.unit_price),
                "total": p.number(item.total),
            }
            rows.append(Row("item", values, item, notes))
        return rows

    def click_lines(self, meters: Sequence[Meter]) -> list[tuple[LineItem, tuple[str, ...]]]:
        """The click charges as positions with their readings as notes (the positions layout)."""
        p, old_day = self.p, self.clicks[0] - dt.timedelta(days=1)
        out = []
        for m in meters:
            text = f"{'Farbseiten' if m.colour else 'S/W-Seiten'} {m.device.model}"
            reading = (
                f"Zählerstand {p.date(old_day)}: {self.count(m.old)} · {p.date(self.read_day)}: "
                f"{self.count(m.new)} · Verbrauch {self.count(m.used)}"
            )
            if m.free:
                reading += f" · abzgl. Freimenge {self.count(m.free)}"
            notes = (f"SN {m.device.serial}, Standort {m.device.place}", reading)
            out.append((m.item(text, "Seiten"), notes))
        return out

    def meter_rows(self, meters: Sequence[Meter]) -> list[Row]:
        p, rng = self.p, self.rng
        old_day = self.clicks[0] - dt.timedelta(days=1)
        how = rng.choice(_READ_HOW[self.read_how])
        rows: list[Row] = []
        for device in self.devices:
            head = f"{device.model} · {rng.choice(('Seriennr.', 'SN', 'Serien-Nr.'))} {device.serial}"
            notes = (
                f"Standort: {device.place} · Geräte-Nr. {device.number}",
                f"Ablesung {p.date(old_day)} / {p.date(self.read_day)} ({how})",
            )
            rows.append(Row("group", {"desc": head}, None, notes))
            for m in meters:
                if m.device is not device:
                    continue
                item = m.item(f"{'Farbseiten' if m.colour else 'S/W-Seiten'} {device.model}", "Seiten")
                values = {
                    "desc": "Farbe" if m.colour else self.bw_word,
                    "old": self.count(m.old),
                    "new": self.count(m.new),
                    "used": self.count(m.used),
                    "free": self.count(m.free),
                    "over": self.count(m.over),
                    "price": self.page_price(m.price),
                    "total": p.number(item.total),
                }
                rows.append(Row("item", values, item))
        if self.subtotals or len(self.devices) > 1:
            total = sum((m.item("", "").total for m in meters), Decimal(0))
            rows.append(Row("sum", {"desc": "Summe Seitenpreise", "total": p.number(total)}))
        return rows

    def position_spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        return [
            ("pos", "Pos.", 28, "left"),
            ("desc", rng.choice(("Bezeichnung", "Leistung", "Beschreibung")), 0, "left"),
            ("qty", "Menge", 50, "right"),
            ("unit", rng.choice(("Einheit", "ME")), 44, "left"),
            ("price", rng.choice(("Einzelpreis", "Preis", "E-Preis")), 64, "right"),
            ("total", rng.choice(("Gesamt", "Betrag", "Gesamtpreis")), 66, "right"),
        ]

    def meter_spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", "Zählwerk", 0, "left"),
            ("old", rng.choice(("Stand alt", "Zählerstand alt", "Anfang")), 62, "right"),
            ("new", rng.choice(("Stand neu", "Zählerstand neu", "Ende")), 62, "right"),
            ("used", rng.choice(("Verbrauch", "Seiten", "Kopien")), 56, "right"),
        ]
        if not self.all_click:
            spec += [
                ("free", rng.choice(("Freimenge", "inklusive", "Inkl.-Vol.")), 54, "right"),
                ("over", rng.choice(("Mehrseiten", "berechnet", "Mehrmenge")), 56, "right"),
            ]
        spec += [
            (
                "price",
                "ct/Seite" if self.cent else rng.choice(("Preis/Seite", "Klickpreis", "Seitenpreis")),
                58,
                "right",
            ),
            ("total", rng.choice(("Betrag", "Betrag €", "Summe")), 62, "right"),
        ]
        return spec

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Ihre Kd.-Nr.")), d.customer_no))
        rows.append((rng.choice(("Vertragsnummer", "Vertrags-Nr.", "Vertrag")), self.contract))
        if rng.random() < 0.5:
            rows.append(("Abrechnungszeitraum", self.range_text(self.clicks)))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        lines = [f"{self.kind} Nr. {self.contract} vom {p.date(self.signed)}"]
        if rng.random() < 0.5:
            end = period_of(self.signed, self.term)[1]
            lines[0] += f", Laufzeit {self.term} Monate bis {p.date(end)}"
        if self.advance:
            lines.append(
                f"Grundgebühr {self.range_text(self.lease)} · Seitenabrechnung {self.range_text(self.clicks)}"
            )
        else:
            lines.append(f"Abrechnungszeitraum {self.range_text(self.clicks)}")
        for line in lines:
            c.fit_text(L, y + 4, line, 9, self.RIGHT - L, bold=line is lines[-1])
            y += 12.5
        return y + 4

    def section(self, y: float, text: str) -> float:
        if y + 90 > self.limit:
            y = self.next_page()
        self.c.text(self.LEFT, y + 18, text, 10, bold=True, colour=self.brand)
        return y + 24

    def total_rows(self, vat: VatLine, base: Decimal, pages: Decimal) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        rows: list[tuple[str, Decimal, bool]] = []
        if self.subtotals:
            word = (
                ("Summe Grundgebühren", "Summe Leasing/Service")
                if self.plain
                else ("Summe übrige Positionen",)
            )
            rows.append((rng.choice(word), base, False))
            rows.append((rng.choice(("Summe Seitenpreise", "Summe Mehrseiten")), pages, False))
        rows.append((rng.choice(("Summe netto", "Nettobetrag", "Zwischensumme netto")), vat.base, False))
        rows.append((rng.choice(("zzgl. 19 % USt.", "19 % MwSt.", "Umsatzsteuer 19 %")), vat.amount, False))
        gross = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Lastschriftbetrag", "Rechnungsbetrag brutto"))
        rows.append((gross, vat.base + vat.amount, True))
        return rows

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        mandate = rng.choice(
            (
                f"{self.contract.replace(' ', '')}-01",
                f"MD{rng.randint(10**6, 10**7 - 1)}",
                f"{d.customer_no or 'KD'}-{self.signed.year}",
            )
        )
        account = masked_de(rng)
        texts: list[tuple[str, bool]] = [
            (
                rng.choice(
                    (
                        (
                            f"Den Rechnungsbetrag von {p.amount(gross)} buchen wir am {p.date(d.due_date)} "
                            f"von Ihrem Konto {account} ab."
                        ),
                        (
                            f"Der Betrag wird per SEPA-Lastschrift zum {p.date(d.due_date)} von Ihrem Konto "
                            f"{account} eingezogen."
                        ),
                        f"Zahlung: SEPA-Firmenlastschrift, Einzug am {p.date(d.due_date)}, Konto {account}.",
                    )
                ),
                True,
            ),
            (f"Mandatsreferenz: {mandate} · Gläubiger-Identifikationsnummer: {creditor_id(rng)}", False),
        ]
        if rng.random() < 0.4:
            texts.append(("Bitte überweisen Sie den Betrag nicht, er wird von uns eingezogen.", False))
        following = period_of(self.clicks[1] + dt.timedelta(days=1), self.months)[1]
        texts.append(
            (
                rng.choice(
                    (
                        f"Nächste Zählerablesung: {p.date(following)}.",
                        "Die Zählerstände werden automatisch über die Fernwartung übermittelt.",
                    )
                    if self.read_how == "remote"
                    else (
                        f"Bitte melden Sie die Zählerstände zum {p.date(following)} über unser Kundenportal.",
                        f"Nächste Zählerstandsmeldung bitte zum {p.date(following)}.",
                    )
                ),
                False,
            )
        )
        texts.append(
            (
                (
                    f"Störungen und Tonerbestellungen: Service-Hotline {self.hotline} (Mo–Fr 8–17 Uhr), "
                    "bitte halten Sie die Seriennummer des Geräts bereit."
                ),
                False,
            )
        )
        return self.short_texts(y, texts, 2)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        fax = f"Fax {d.phone[:-2]}{int(d.phone[-2:]) % 90 + 10}"
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}", fax, d.email],
            [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}", *self.tax_ids()],
        ]
        if self.own_bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng, L, R = self.data, self.rng, self.LEFT, self.RIGHT
        s = d.supplier
        self.letterhead(
            rng.choice(
                (
                    "Kopierer · Drucker · Dokumentenmanagement",
                    "Bürotechnik – Leasing – Service",
                    "Ihr Partner für Druck- und Kopiersysteme",
                    "Managed Print Services",
                )
            ),
            [s.street, s.city_line, f"Tel. {d.phone}", d.email],
        )
        title = rng.choice(
            (
                "Rechnung",
                "RECHNUNG",
                "Vertragsabrechnung",
                "Quartalsrechnung" if self.months == 3 else "Monatsrechnung",
            )
        )
        y = self.subject(self.details_block(self.head_rows(), title))
        meters = self.meters()
        lease, extras = self.lease_items(), self.extra_items()
        self.plain = not extras
        clicks = self.click_lines(meters)
        spec = columns(self.position_spec(), L, R)
        if self.layout == "positions":
            y = self.table(y, spec, self.position_rows([*lease, *clicks, *extras], 1), True)
        else:
            y = self.table(y, spec, self.position_rows([*lease, *extras], 1), False)
            y = self.section(y, f"Seitenabrechnung {self.range_text(self.clicks)}")
            y = self.table(y, columns(self.meter_spec(), L, R), self.meter_rows(meters), False)
        items = [item for item, _ in [*lease, *extras, *clicks]]
        (vat,) = vat_breakdown(items)
        pages = sum((item.total for item, _ in clicks), Decimal(0))
        y = self.totals(y, self.total_rows(vat, vat.base - pages, pages))
        y = self.closing(y, vat.base + vat.amount)
        assert y < self.limit + 6, "kopierer_leasing: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(False),
            customer_no=bool(d.customer_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# notar_kostenrechnung

# Tabelle B of § 34 GNotKG (the notaries' fees): 15 euros up to 500 euros, then per started step.
_TABLE_B: Steps = (
    (2000, 500, 4),
    (10000, 1000, 6),
    (25000, 3000, 8),
    (50000, 5000, 10),
    (200000, 15000, 27),
    (500000, 30000, 50),
    (5000000, 50000, 80),
    (10**9, 200000, 130),
)
# Notaries: (first name, last name, female).
_NOTARIES = (
    ("Michael", "Brandt", False),
    ("Katharina", "Vogel", True),
    ("Stefan", "Lindner", False),
    ("Andrea", "Hoffmann-Kessler", True),
    ("Johannes", "Weidmann", False),
    ("Claudia", "Reuter", True),
    ("Matthias", "Engelhardt", False),
    ("Susanne", "Kröger", True),
    ("Florian", "Albers", False),
    ("Birgit", "Maurer", True),
)
_CHAMBERS = {
    "Berlin": "Notarkammer Berlin",
    "Bayern": "Landesnotarkammer Bayern",
    "Nordrhein-Westfalen": "Rheinische Notarkammer",
    "Hamburg": "Hamburgische Notarkammer",
    "Sachsen": "Notarkammer Sachsen",
    "Baden-Württemberg": "Notarkammer Baden-Württemberg",
    "Hessen": "Notarkammer Frankfurt am Main",
    "Niedersachsen": "Notarkammer Celle",
    "Thüringen": "Notarkammer Thüringen",
    "Schleswig-Holstein": "Schleswig-Holsteinische Notarkammer",
    "Bremen": "Notarkammer Bremen",
    "Rheinland-Pfalz": "Notarkammer Koblenz",
    "Saarland": "Saarländische Notarkammer",
}
# Where lawyers are notaries too (Anwaltsnotariat).
_LAWYER_NOTARIES = {"Berlin", "Bremen", "Hessen", "Niedersachsen", "Schleswig-Holstein"}
_CLERKS = ("Frau Schmitz", "Herr Kaya", "Frau Albrecht", "Frau Neumann", "Herr Wolff", "Frau Demir")
_OFFSHOOTS = (" Events GmbH", " Media GmbH", " Digital GmbH", " Verwaltungs GmbH", " Beteiligungs GmbH")
_TARGETS = (
    "Contentfabrik Weber GmbH",
    "Bildrausch Studios GmbH",
    "Klickwerk Online GmbH",
    "Tonspur Audio GmbH",
)
_KINDS = ("gruendung", "gruendung", "anmeldung", "anmeldung", "abtretung", "beschluss", "beglaubigung")


def notary_fee(value: int, rate: Decimal, least: int = 0, most: int = 0) -> Decimal:
    """The fee at `rate` of Tabelle B for the Geschäftswert `value`, within its least and most amounts."""
    fee = max(round_cent(table_fee(value, 15, _TABLE_B) * rate), Decimal(least))
    return min(fee, Decimal(most)) if most else fee


@dataclass(frozen=True)
class Charge:
    """One line of a notary's invoice: a fee (with its Geschäftswert and rate), an expense or a cost passed on."""

    kv: str
    item: LineItem
    value: int = 0  # the Geschäftswert of a fee; 0 for expenses
    rate: Decimal = Decimal(0)
    detail: str = ""  # how an expense was counted

    @property
    def passed(self) -> bool:
        return self.item.rate == 0


class NotarKostenrechnung(FirstSheet):
    """A notary's Kostenberechnung: fees by KV-Nr. with Geschäftswert and rate, expenses, VAT, costs passed on."""

    FONTS = ("liberation-serif", "liberation-serif", "dejavu-serif", "liberation-sans", "dejavu-sans")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted", "dotted", "dotted", "de_long")
    IDS = "either"
    GROUPED = 0.7
    FOOT = A4.height - 66

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        first, last, female = rng.choice(_NOTARIES)
        name = f"{'Dr. ' if rng.random() < 0.65 else ''}{first} {last}"
        region = data.supplier.region
        self.office = (
            ("Notarin" if female else "Notar")
            if region not in _LAWYER_NOTARIES
            else ("Rechtsanwältin und Notarin" if female else "Rechtsanwalt und Notar")
        )
        day = recent_day(rng, data.date)
        n = rng.randint(1, 2999)
        number = rng.choice(
            (f"{n}/{day.year}", f"{day.year}/{n:04d}", f"K{n:04d}/{day.year % 100}", f"R-{day.year}-{n:05d}")
        )
        slug = last.lower().replace("ö", "oe").replace("-", "")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no="",
            order_no="",
            tax_no=data.tax_no or _steuernummer(rng, region),
            email=f"{rng.choice(('info', 'kanzlei', 'notariat', 'kosten'))}@notar-{slug}.de",
        )
        super().__init__(rng, data)
        self.kind = rng.choice(_KINDS)
        self.deed = day - dt.timedelta(days=rng.randint(2, 45))
        self.uvz = f"{rng.randint(1, 2400)}/{self.deed.year}" + (
            rng.choice((" B", " M", "")) if rng.random() < 0.3 else ""
        )
        self.uvz_label = (
            rng.choice(("UVZ-Nr.", "UVZ-Nr.", "Urkundenverzeichnis-Nr."))
            if self.deed.year >= 2022
            else (rng.choice(("UR-Nr.", "Urkundenrolle Nr.")))
        )
        self.number_label = rng.choice(("Rechnungs-Nr.", "Kostenregister-Nr.", "KR-Nr.", "Rechnungsnummer"))
        self.head = rng.choice(("centre", "left", "right"))
        self.style = rng.choice(("table", "table", "blocks", "compact"))
        self.letter = rng.random() < 0.35  # the date as "Köln, den ...", the number in the title
        self.passing = rng.choice(("after", "after", "before"))
        self.bank_in_text = rng.random() < 0.5
        self.with_bic = rng.random() < 0.85
        self.brand: Colour = rng.choice(
            ((0.1, 0.15, 0.35), (0.2, 0.2, 0.2), (0.35, 0.1, 0.1), (0.0, 0.25, 0.3))
        )
        self.company = rng.choice(_AGENCIES[:4]).split()[0] + rng.choice(_OFFSHOOTS)

    # -- the charges

    def fee(self, kv: str, text: str, value: int, rate: str, least: int = 0, most: int = 0) -> Charge:
        amount = notary_fee(value, Decimal(rate), least, most)
        return Charge(kv, LineItem(text, kv, Decimal(1), "", amount, 19), value, Decimal(rate))

    def court_fee(self, what: str, amount: int) -> Charge:
        text = self.rng.choice(
            (
                f"Gerichtskosten Registergericht ({what}), verauslagt",
                f"Verauslagte Gerichtskosten Handelsregister ({what})",
            )
        )
        return Charge("32015", LineItem(text, "32015", Decimal(1), "", Decimal(amount), 0))

    def founding(self) -> tuple[str, list[Charge], list[Charge]]:
        rng = self.rng
        capital = rng.choice((25000, 25000, 30000, 50000, 100000))
        model = rng.random() < 0.3  # with the model protocol: no minimum value
        single = model or rng.random() < 0.4
        value = capital if model else max(capital, 30000)
        fees = [
            self.fee(
                "21200",
                "Beurkundungsverfahren (Gründung "
                + ("mit Musterprotokoll)" if model else "einer Einpersonen-GmbH)"),
                value,
                "1.0",
                60,
            )
            if single
            else self.fee("21100", "Beurkundungsverfahren (Gesellschaftsvertrag)", value, "2.0", 120),
            self.fee("22111", "Vollzugsgebühr (Gesellschafterliste)", value, "0.3")
            if single
            else self.fee("22110", "Vollzugsgebühr (Gesellschafterliste, Anforderungen)", value, "0.5"),
            self.fee("24102", "Entwurf der Handelsregisteranmeldung mit Beglaubigung", value, "0.5", 30),
            self.fee("22114", "Erzeugung strukturierter Daten (XML)", value, "0.3", 0, 250),
        ]
        if rng.random() < 0.35:
            fees.append(self.fee("22200", "Betreuungsgebühr (Einzahlungsbestätigung)", value, "0.5"))
        subject = f"Gründung der {self.company}" + (
            f" (Stammkapital {self.p.amount(Decimal(capital))})" if rng.random() < 0.5 else ""
        )
        return subject, fees, [self.court_fee("Ersteintragung", 100 if model else 150)]

    def filing(self) -> tuple[str, list[Charge], list[Charge]]:
        rng = self.rng
        what = rng.choice(
            (
                "Geschäftsführerwechsel",
                "Sitzverlegung",
                "Änderung der Geschäftsanschrift",
                "Erteilung einer Prokura",
            )
        )
        fees = [
            self.fee(
                "24102",
                rng.choice(
                    ("Entwurf der Handelsregisteranmeldung", "Registeranmeldung (Entwurf und Beglaubigung)")
                ),
                30000,
                "0.5",
                30,
            ),
            self.fee("22114", "XML-Strukturdaten für das Registergericht", 30000, "0.3", 0, 250),
        ]
        firm = self.data.customer.name
        register = f"HRB {rng.randint(1000, 99999)}"
        return (
            f"Handelsregisteranmeldung {firm} ({register}): {what}",
            fees,
            [self.court_fee("Eintragung", rng.choice((40, 60, 70)))],
        )

    def transfer(self) -> tuple[str, list[Charge], list[Charge]]:
        rng = self.rng
        price = rng.choice((25000, 40000, 60000, 120000, 250000, rng.randrange(20000, 250001, 2500)))
        fees = [
            self.fee(
                "21100",
                "Beurkundungsverfahren (Geschäftsanteilskauf- und Abtretungsvertrag)",
                price,
                "2.0",
                120,
            ),
            self.fee("22110", "Vollzugsgebühr (Gesellschafterliste, Zustimmungen)", price, "0.5"),
        ]
        if rng.random() < 0.6:
            fees.append(
                self.fee("22200", "Betreuungsgebühr (Überwachung der Kaufpreiszahlung)", price, "0.5")
            )
        if rng.random() < 0.6:
            fees.append(self.fee("22114", "Erzeugung strukturierter Daten (XML)", price, "0.3", 0, 250))
        return f"Erwerb von Geschäftsanteilen an der {rng.choice(_TARGETS)}", fees, []

    def resolution(self) -> tuple[str, list[Charge], list[Charge]]:
        rng = self.rng
        what = rng.choice(("Sitzverlegung", "Änderung der Firma", "Änderung des Unternehmensgegenstands"))
        fees = [
            self.fee("21100", "Beurkundung Gesellschafterbeschluss (Satzungsänderung)", 30000, "2.0", 120),
            self.fee("24102", "Entwurf der Handelsregisteranmeldung", 30000, "0.5", 30),
            self.fee("22114", "Erzeugung strukturierter Daten (XML)", 30000, "0.3", 0, 250),
        ]
        firm = self.data.customer.name
        return f"Gesellschafterbeschluss der {firm}: {what}", fees, [self.court_fee("Satzungsänderung", 70)]

    def certification(self) -> tuple[str, list[Charge], list[Charge]]:
        rng = self.rng
        what = rng.choice(
            ("Vollmacht", "Gesellschafterliste", "Zustimmungserklärung", "Handelsregistervollmacht")
        )
        value = rng.choice((5000, 10000, 25000, 30000, 60000))
        fees = [self.fee("25100", f"Beglaubigung einer Unterschrift ({what})", value, "0.2", 20, 70)]
        if rng.random() < 0.6:
            pages = rng.randint(3, 24)
            item = LineItem("Beglaubigung von Abschriften", "25102", Decimal(pages), "Seiten", Decimal(1), 19)
            if pages < 10:  # the least fee
                item = dataclasses.replace(item, quantity=Decimal(1), unit="", unit_price=Decimal(10))
            detail = f"{pages} Seiten à 1,00 €" + (", mindestens 10,00 €" if pages < 10 else "")
            fees.append(Charge("25102", item, 0, Decimal(0), detail))
        return f"Unterschriftsbeglaubigung ({what})", fees, []

    def expenses(self, fees: Sequence[Charge]) -> list[Charge]:
        rng = self.rng
        out = []
        if self.kind == "beglaubigung":
            if rng.random() < 0.5:
                pages = rng.randint(2, 12)
                item = LineItem("Dokumentenpauschale", "32000", Decimal(pages), "Seiten", Decimal("0.50"), 19)
                out.append(Charge("32000", item, detail=f"{pages} Seiten à 0,50 €"))
        else:
            pages = rng.randint(8, 90)
            item = LineItem("Dokumentenpauschale", "32001", Decimal(pages), "Seiten", Decimal("0.15"), 19)
            out.append(Charge("32001", item, detail=f"{pages} Seiten à 0,15 €"))
            if self.kind != "abtretung" and rng.random() < 0.6:
                files = rng.randint(1, 3)
                item = LineItem(
                    "Dokumentenpauschale (elektronische Dateien)",
                    "32002",
                    Decimal(files),
                    "Dateien",
                    Decimal("1.50"),
                    19,
                )
                out.append(
                    Charge("32002", item, detail=f"{files} {'Datei' if files == 1 else 'Dateien'} à 1,50 €")
                )
        if self.data.date < dt.date(2022, 8, 1) and self.kind != "beglaubigung" and rng.random() < 0.5:
            calls = rng.randint(1, 2)
            item = LineItem("Abruf aus dem Handelsregister", "32011", Decimal(calls), "", Decimal("4.50"), 19)
            out.append(Charge("32011", item, detail=f"{calls} × 4,50 €"))
        base = sum((c.item.total for c in fees), Decimal(0))
        post = min(round_cent(base / 5), Decimal(20))
        text = rng.choice(
            ("Post- und Telekommunikationspauschale", "Pauschale für Post- und Telekommunikationsentgelte")
        )
        out.append(
            Charge(
                "32005",
                LineItem(text, "32005", Decimal(1), "", post, 19),
                detail="20 % der Gebühren, höchstens 20,00 €",
            )
        )
        return out

    def charges(self) -> tuple[str, list[Charge], list[Charge], list[Charge]]:
        subject, fees, passed = {
            "gruendung": self.founding,
            "anmeldung": self.filing,
            "abtretung": self.transfer,
            "beschluss": self.resolution,
            "beglaubigung": self.certification,
        }[self.kind]()
        if self.rng.random() < 0.45:
            passed = []
        return subject, fees, self.expenses(fees), passed

    # -- the page

    def doc_word(self) -> str:
        return "Kostenberechnung"

    def room(self, y: float, need: float) -> float:
        """`y`, or the top of a new page when `need` points do not fit under it."""
        return self.next_page() if y + need > self.limit else y

    def letterhead(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        seat = f"Amtssitz {s.city}"
        if self.head == "centre":
            mid = (L + R) / 2
            c.fit_text(mid, 48, s.name, 18, R - L, bold=True, align="center", colour=self.brand)
            c.text(mid, 62, self.office, 10, align="center")
            c.fit_text(mid, 75, " · ".join([seat, *contact]), 7.3, R - L, align="center", colour=GREY)
            c.line(L, 83, R, 83, width=0.6, colour=self.brand)
        elif self.head == "left":
            c.fit_text(L, 50, s.name, 16, 300, bold=True, colour=self.brand)
            c.text(L, 64, self.office, 9.5)
            c.text(L, 76, seat, 7.5, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 40 + 10 * i, line, 7.5, align="right", colour=GREY)
        else:
            c.text(R, 38, self.office.upper(), 8, align="right", colour=GREY)
            c.fit_text(R, 56, s.name, 17, 330, bold=True, align="right", colour=self.brand)
            c.fit_text(R, 70, " · ".join([seat, *contact]), 7, 400, align="right", colour=GREY)
            c.line(L, 78, R, 78, width=0.4, colour=GREY)

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        sender = f"{self.office.split()[-1]} {s.name} · {s.street} · {s.city_line}"
        y = self.window(L, 132, [r.name, r.contact, r.street, r.city_line], 10, sender=sender)
        rows: list[tuple[str, str]] = []
        if not self.letter:
            rows += [(self.number_label, d.number), (rng.choice(("Datum", "Rechnungsdatum")), p.date(d.date))]
        rows.append((self.uvz_label, self.uvz))
        rows.append(
            (rng.choice(("Sachbearbeitung", "Bearbeiter/in", "Ihr Ansprechpartner")), rng.choice(_CLERKS))
        )
        if rng.random() < 0.4:
            rows.append(("Durchwahl", f"{d.phone[:-2]}{rng.randint(10, 49)}"))
        top = label_rows(c, rows, 340, R, 132, 8.5, 13, value_align="right", label_colour=GREY)
        y = max(y, top) + 10
        if self.letter:
            c.text(R, y, f"{s.city}, den {p.date(d.date)}", 9.5, align="right")
            y += 12
        return y

    def subject(self, y: float, matter: str) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        title = rng.choice(
            (
                "Kostenberechnung gemäß § 19 GNotKG",
                "Kostenberechnung",
                "Kostenrechnung",
                "Notarkostenrechnung",
            )
        )
        c.fit_text(L, y + 14, title, 14, R - L, bold=True)
        if self.letter:  # the number under the title
            y += 15
            c.text(L, y + 14, f"{self.number_label} {d.number}", 10.5, bold=True)
        y += 32
        done = "Beglaubigung" if self.kind == "beglaubigung" else rng.choice(("Urkunde", "Beurkundung"))
        lines = [
            f"{rng.choice(('Angelegenheit:', 'Betreff:', 'In der Sache'))} {matter}",
            f"{done} vom {p.date(self.deed)}, {self.uvz_label} {self.uvz}",
        ]
        if rng.random() < 0.4:
            lines.append(f"Kostenschuldner: {d.customer.name} (§ 29 Nr. 1 GNotKG)")
        for k, line in enumerate(lines):
            for part in c.wrap(line, R - L, 9.5, bold=k == 0):
                c.text(L, y, part, 9.5, bold=k == 0)
                y += 12.5
        if rng.random() < 0.5:
            intro = rng.choice(
                (
                    (
                        "Für meine Amtstätigkeit in obiger Angelegenheit berechne ich nach dem Gerichts- und "
                        "Notarkostengesetz (GNotKG):"
                    ),
                    "Für die notarielle Tätigkeit erlaube ich mir, folgende Kosten zu berechnen:",
                )
            )
            y = c.paragraph(L, y + 4, intro, R - L, 9) - 2
        return y + 4

    def value_text(self, value: int) -> str:
        return self.p.amount(Decimal(value))

    def one_value(self, fees: Sequence[Charge]) -> int:
        values = {f.value for f in fees if f.value}
        return values.pop() if len(values) == 1 and self.style != "table" and self.rng.random() < 0.5 else 0

    def line_parts(self, charge: Charge, shared: int) -> tuple[str, str]:
        """The text of a charge and its grey detail (blocks), or one line (compact, the detail empty)."""
        kv, item = charge.kv, charge.item
        if charge.value:
            rate = rate_text(charge.rate)
            how = (
                f"{rate}-Gebühr"
                if shared
                else f"Geschäftswert {self.value_text(charge.value)}, Gebührensatz {rate}"
            )
            if self.style == "compact":
                tail = f"{rate}-Gebühr" if shared else f"{rate}-Gebühr aus {self.value_text(charge.value)}"
                return f"Nr. {kv} KV – {item.description}, {tail}", ""
            return item.description, f"Nr. {kv} KV GNotKG · {how} (Tabelle B)"
        if charge.passed:
            if self.style == "compact":
                return f"Nr. 32015 KV – {item.description}", ""
            return item.description, "Nr. 32015 KV GNotKG · ohne Umsatzsteuer"
        if self.style == "compact":
            return f"Nr. {kv} KV – {item.description} ({charge.detail})", ""
        return item.description, f"Nr. {kv} KV GNotKG · {charge.detail}"

    def listing(self, y: float, groups: Sequence[tuple[str, Sequence[Charge]]], shared: int) -> float:
        """The charges as blocks or single lines under their group headings; returns the last baseline."""
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        if shared:
            c.text(
                L, y + 4, f"Geschäftswert: {self.value_text(shared)} (§§ 97, 105, 108 GNotKG)", 9.5, bold=True
            )
            y += 16
        for heading, charges in groups:
            y = self.room(y, 40)
            c = self.c
            if heading:
                y += 14
                c.text(L, y, heading, 9.5, bold=True, colour=self.brand)
                y += 1
            for charge in charges:
                text, detail = self.line_parts(charge, shared)
                y = self.room(y, 26)
                c = self.c
                y += 13
                c.fit_text(L + 6, y, text, 9.2, R - L - 100)
                c.text(R, y, p.amount(charge.item.total), 9.2, align="right")
                if detail:
                    y += 10
                    c.fit_text(L + 6, y, detail, 7.6, R - L - 100, colour=GREY)
            y += 4
        return y

    def table(self, y: float, groups: Sequence[tuple[str, Sequence[Charge]]]) -> float:
        """The charges in a table (KV-Nr., Gegenstand, Geschäftswert, Satz, Betrag); returns the last baseline."""
        rng, p, L, R = self.rng, self.p, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [
            ("kv", rng.choice(("KV-Nr.", "Nr. KV", "KV GNotKG")), 58, "left"),
            ("desc", rng.choice(("Gegenstand", "Bezeichnung", "Gebührentatbestand")), 0, "left"),
            ("value", "Geschäftswert", 84, "right"),
            ("rate", "Satz", 34, "right"),
            ("total", rng.choice(("Betrag", "Betrag €", "Gebühr")), 72, "right"),
        ]
        cols = columns(spec, L, R)
        y = self.table_head(self.room(y, 60), cols)
        desc = cols[1]
        for heading, charges in groups:
            if heading:
                y = self.room(y, 40)
                y += 14
                self.c.text(L + 3, y, heading, 8.8, bold=True, colour=self.brand)
            for charge in charges:
                if y + 30 > self.limit:
                    y = self.table_head(self.next_page(), cols)
                c = self.c
                y += 13
                values = {"kv": charge.kv, "total": p.number(charge.item.total)}
                if charge.value:
                    values |= {"value": p.number(Decimal(charge.value)), "rate": rate_text(charge.rate)}
                cells(c, cols, y, values, 8.8)
                c.fit_text(desc.anchor, y, charge.item.description, 8.8, desc.width)
                note = charge.detail or ("durchlaufender Posten, ohne USt" if charge.passed else "")
                if note:
                    y += 9.5
                    c.fit_text(desc.anchor, y, note, 7.4, desc.width, colour=GREY)
                y += 4
                c.line(L, y, R, y, width=0.25, colour=RULE)
        return y

    def table_head(self, y: float, cols: Sequence[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 15, fill=LIGHT, stroke=None)
        cells(c, cols, y + 10.5, {col.key: col.head for col in cols}, 8, bold=True)
        c.line(L, y + 15, R, y + 15, width=0.6, colour=self.brand)
        return y + 15

    def totals(
        self, y: float, fees: Sequence[Charge], expenses: Sequence[Charge], passed: Sequence[Charge]
    ) -> float:
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        lines = vat_breakdown([ch.item for ch in (*fees, *expenses, *passed)])
        taxed = next(v for v in lines if v.rate == 19)
        rows: list[tuple[str, str, bool]] = []
        if rng.random() < 0.5:
            rows.append(("Summe Gebühren", p.amount(sum((f.item.total for f in fees), Decimal(0))), False))
            rows.append(
                ("Summe Auslagen", p.amount(sum((e.item.total for e in expenses), Decimal(0))), False)
            )
        vat_label = rng.choice(
            (
                "19 % Umsatzsteuer (Nr. 32014 KV GNotKG)",
                "zzgl. 19 % USt. Nr. 32014 KV",
                "Umsatzsteuer 19 % (KV 32014)",
            )
        )
        net = sum((v.base for v in lines), Decimal(0))
        gross = net + taxed.amount
        final = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Zu zahlender Betrag", "Endbetrag"))
        if passed and self.passing == "before":
            rows.append((rng.choice(("Summe netto", "Gesamt netto")), p.amount(net), False))
            rows.append((f"19 % Umsatzsteuer auf {p.amount(taxed.base)}", p.amount(taxed.amount), False))
        else:
            rows.append(
                (
                    rng.choice(("Summe netto", "Zwischensumme", "Gebühren und Auslagen netto")),
                    p.amount(taxed.base),
                    False,
                )
            )
            rows.append((vat_label, p.amount(taxed.amount), False))
        if passed and self.passing == "after":
            rows.append(
                (
                    rng.choice(("Zwischensumme brutto", "Summe inkl. USt.")),
                    p.amount(taxed.base + taxed.amount),
                    False,
                )
            )
            rows.append(("zzgl. durchlaufende Posten (Nr. 32015 KV GNotKG, ohne USt.):", "", False))
            rows += [(f"  {ch.item.description}", p.amount(ch.item.total), False) for ch in passed]
        rows.append((final, p.amount(gross), True))
        y = self.room(y, 14 * len(rows) + (70 if passed and self.passing == "after" else 20))
        c = self.c
        x = R - 300
        y = amount_rows(c, rows[:-1], x, R, y + 4, 9.2, label_width=220)
        c.line(x, y + 5, R, y + 5, width=0.7)
        y = amount_rows(c, rows[-1:], x, R, y + 3, 10, label_width=220)
        c.line(x, y + 4, R, y + 4, width=0.4)
        c.line(x, y + 6, R, y + 6, width=0.4)
        if passed and self.passing == "after":
            heads = ("Aufteilung", "Netto", "USt.", "Brutto")
            names = {19: "steuerpflichtig 19 %", 0: "durchlaufende Posten 0 %"}
            y = rate_summary(c, p, lines, heads, names, "Gesamt", R - 330, R, y + 14, 8.3)
        return y + 8

    def closing(self, y: float, gross: Decimal) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        texts = [
            rng.choice(
                (
                    "Die Kosten sind mit Zugang dieser Kostenberechnung fällig (§ 10 GNotKG).",
                    f"Zahlbar sofort ohne Abzug, spätestens bis zum {p.date(d.due_date)}.",
                    f"Ich bitte um Ausgleich des Betrags von {p.amount(gross)} bis zum {p.date(d.due_date)}.",
                )
            )
        ]
        if self.bank_in_text:
            bic = f", BIC {d.iban.bic}" if self.with_bic else ""
            words = {"Rechnungs-Nr.": "Rechnungsnummer", "Kostenregister-Nr.": "Kostenregisternummer"}
            texts.append(
                f"Bitte überweisen Sie unter Angabe der {words.get(self.number_label, self.number_label)} "
                f"{d.number} auf mein Geschäftskonto bei der {self.bank_name()}, IBAN {self.iban}{bic}."
            )
        else:
            texts.append(f"Bitte geben Sie bei Zahlung die Nummer {d.number} an.")
        height = sum(11.5 * len(c.wrap(t, R - L, 9)) for t in texts) + 70
        y = self.room(y, height)
        c = self.c
        for text in texts:
            y = c.paragraph(L, y + 6, text, R - L, 9)
        return self.signature(y + 10)

    def signature(self, y: float) -> float:
        c, s, rng, L = self.c, self.data.supplier, self.rng, self.LEFT
        x = L if rng.random() < 0.6 else self.RIGHT - 190
        c.page.draw_circle((x + 150, y + 16), 17, color=GREY, width=0.6)
        c.text(x + 150, y + 19, "L.S.", 8, align="center", colour=GREY)
        c.line(x, y + 26, x + 125, y + 26, width=0.4, colour=GREY)
        name = f"({s.name})" if rng.random() < 0.5 else s.name
        c.text(x, y + 37, name, 9)
        c.text(x, y + 48, self.office.split()[-1], 9)
        return y + 52

    def remedy(self, y: float) -> float:
        c, s, L, R = self.c, self.data.supplier, self.LEFT, self.RIGHT
        place = "Nürnberg-Fürth" if s.city == "Nürnberg" else s.city
        text = (
            f"Rechtsbehelfsbelehrung: Gegen diese Kostenberechnung kann die Entscheidung des Landgerichts {place} "
            "beantragt werden (§ 127 GNotKG). Der Antrag ist schriftlich oder zur Niederschrift der Geschäftsstelle "
            f"beim Landgericht {place} zu stellen. Neue Anträge können nach Ablauf des Kalenderjahres, das auf das Jahr der "
            "Mitteilung der vollstreckbaren Ausfertigung folgt, nicht mehr gestellt werden."
        )
        height = 9.5 * len(c.wrap(text, R - L, 7)) + 10
        y = self.room(y, height)
        return self.c.paragraph(L, y + 8, text, R - L, 7)

    def footer(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        chamber = _CHAMBERS.get(s.region, "Notarkammer")
        lines = [
            f"{self.office.split()[-1]} {s.name} · Amtssitz {s.city} · {chamber}",
            " · ".join([*self.tax_ids("USt-IdNr.", "St.-Nr."), f"Tel. {d.phone}"]),
        ]
        if not self.bank_in_text:
            bic = [f"BIC {d.iban.bic}"] if self.with_bic else []
            lines.append(" · ".join([f"Geschäftskonto: {self.bank_name()}", f"IBAN {self.iban}", *bic]))
        c.line(L, self.FOOT, R, self.FOOT, width=0.4, colour=GREY)
        for i, line in enumerate(lines):
            c.fit_text(
                (L + R) / 2, self.FOOT + 11 + 9 * i, line, 7, R - L, align="center", colour=GREY, min_size=5.5
            )

    def draw(self) -> TripDrawing:
        matter, fees, expenses, passed = self.charges()
        self.letterhead()
        y = self.subject(self.info(), matter)
        before = passed and self.passing == "before"
        sections = self.style == "table" and self.rng.random() < 0.5 or self.style == "blocks" or before
        groups: list[tuple[str, Sequence[Charge]]] = [
            ("Gebühren" if sections else "", fees),
            ("Auslagen" if sections else "", expenses),
        ]
        if before:
            groups.append(("Verauslagte Kosten (durchlaufende Posten, ohne USt.)", passed))
        if self.style == "table":
            y = self.table(y, groups)
        else:
            y = self.listing(y, groups, self.one_value(fees))
        y = self.totals(y, fees, expenses, passed)
        items = [ch.item for ch in (*fees, *expenses, *passed)]
        gross = sum((v.base + v.amount for v in vat_breakdown(items)), Decimal(0))
        y = self.remedy(self.closing(y, gross))
        assert y < self.limit + 6, "notar_kostenrechnung: page overflow"
        return self.finish(
            items, "Kostenberechnung", pages=self.close_pages(False), bic_printed=self.with_bic
        )


# ---------------------------------------------------------------------------
# Registry

BUERO_FAMILIES: dict[str, type[TripSheet]] = {
    "kopierer_leasing": KopiererLeasing,
    "notar_kostenrechnung": NotarKostenrechnung,
}


def draw_buero(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(BUERO_FAMILIES[name], name, seed)
