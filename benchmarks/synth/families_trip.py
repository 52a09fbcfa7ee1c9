"""Four invoice layout families of a hotel, a shop's till, a freight forwarder and a Swiss software vendor,
designed blind (session 14, second set).

Like `families_more` and `families_world`, they were written without reading the field extractor and without
running it, so that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and
dispatches to `draw_trip(name, seed)`. Each family draws its page(s) with the shared pieces of `families_more`
and `families_world` and returns a `TripDrawing`: a `WorldDrawing` that may print an IBAN without a BIC (the
truth then has no `bic`). Truth keys only for values printed on the page:

- `hotel_rechnung`: a German hotel's bill at checkout, in a city or resort that levies a local tax on stays
  (City Tax, Kulturförderabgabe, Beherbergungssteuer as a percentage of the room price; Kurtaxe, Kurabgabe,
  Tourismusbeitrag per guest and night; Kultur- und Tourismustaxe per room and night): guest, room number,
  arrival and departure, persons, a folio of dated postings with gross prices (Übernachtung at 7 % each night,
  breakfast per person and parking at 19 %, some extras such as the minibar or a late check-out), the local
  tax without VAT, payments booked on the folio (an "Anzahlung" before arrival on some seeds, "Zahlung
  EC-Karte", Visa, cash ...) so that it ends "Saldo 0,00 EUR", and a VAT summary table by rate (Netto / MwSt.
  / Brutto per rate, the local tax in a 0 % row, and totals). Three folio styles: amounts with payments
  negative, charge and payment columns ("Belastung" / "Zahlung"), or one amount column. The invoice is dated
  at departure on most seeds, a few days after it (sent by post) on some. Truth: number, date (the invoice
  date as printed beside its label; on most seeds the same day as the departure), amounts, EUR, the hotel's
  `ust_id` and/or `steuernummer` as printed, IBAN, BIC, supplier. The gross includes the local tax, which
  bears no VAT: the truth counts it as a net amount at 0 % (so netto + mwst = brutto holds, and the printed
  table's totals row shows exactly these netto, MwSt. and brutto).
- `kassenbon`: a shop's till receipt (supermarket, bakery, drugstore, DIY store or filling station) on a PDF
  page 80 mm wide and as long as the receipt, in a monospace font laid out in 40 to 48 character columns or in
  a condensed font on the same grid: shop header with "Steuer-Nr." and/or "UID Nr.", items with tax codes A/B
  (A = 19 % on most seeds, A = 7 % on some, as some chains print them), quantity and weight lines, deposit,
  returned empties and discounts, "SUMME EUR", "Geg. EC-Karte" or cash with change, a tax table by code (a
  table with a totals row, or a block per rate with "Summe Netto" / "Summe MwSt"), the card terminal's
  customer slip on some seeds, the TSE block (transaction number, signature counter, start and end, serial
  number, signature; a QR code on some seeds), Bon-Nr., date and time at the top or the bottom. Shops price
  with VAT: the net per rate is worked back from the gross. Truth: `rechnungsnummer` = the Bon-Nr., the date,
  amounts, EUR, `steuernummer` and/or `ust_id` as printed, supplier (the shop's legal name); no IBAN or BIC.
- `spedition_fracht`: a freight forwarder's collective freight invoice for a service period
  ("Leistungszeitraum"): a shipment table (3 to 25 shipments; columns and headings vary per seed among
  Sendungsnr., date, from / to postcode or place, consignee, pallets, weight in kg, loading metres, freight
  amount; a grey second line per shipment with its reference on some seeds); on long seeds the table, or only
  the totals, run onto a second page (its head repeating the number and date, "Übertrag" on some), then "Summe
  Frachten", a diesel surcharge in per cent of the freight ("Dieselzuschlag 12,5 %"), a toll line (per cent,
  per shipment or flat), extra services on some seeds, an insurance premium without VAT (§ 4 Nr. 10 UStG) on
  some seeds, "Nettobetrag", 19 % USt, the total, "Zahlbar innerhalb 30 Tagen" and the ADSp clause. Truth: the
  usual keys with `kundennummer`; the insurance premium, like the hotel's local tax, is a net amount at 0 %.
- `lizenz_ch`: a Swiss software vendor's annual licence invoice to a Swiss customer (Swiss spelling, no "ß";
  the address window on the right on most seeds): amounts in CHF with apostrophes ("CHF 12'345.50"), licences
  per user, maintenance as a percentage of the licence, modules, hosting, training and a discount line, "Total
  exkl. MWST", "MWST 8,1 %" (written "8.1 %" on some seeds; dates from 2024 on, when the rate is 8.1 %),
  "Total inkl. MWST", "Zahlbar bis" or "Zahlbar innert 20 Tagen", the vendor's UID "CHE-123.456.789 MWST", the
  bank line with the CH IBAN (compact) and on most seeds its BIC; on most seeds a Swiss QR-bill at the bottom
  (Empfangsschein and Zahlteil with a QR square and the Swiss cross, "Konto / Zahlbar an" with the IBAN in
  groups of four, "Referenz" (an RF creditor reference) on some seeds, "Währung" / "Betrag" with the amount as
  the QR-bill prints it ("12 345.50")). Truth: `waehrung` CHF, `ust_id` = the Swiss VAT number as printed, compact
  ("CHE123456789MWST", python-stdnum's `ch.vat.compact`: the MWST suffix makes the UID a VAT number; changed
  from the bare UID after the first measurement, as a convention of the truth, not of the extractor), `iban` = the CH IBAN compact, `bic` only when
  printed, `kundennummer`, `bestellnummer` when a customer reference is printed. The Swiss VAT rate 8.1 is a
  `Decimal` in the items and VAT lines (the others' rates are whole numbers). The index records the Swiss
  amounts as number format "en" (the English form with apostrophes for commas).

All four keep their dates out of the second half of 2020 (when Germany charged 16 % and 5 %); the hotel keeps
out of July 2020 to December 2023 too (breakfast bore 7 % then), the till receipt dates from April 2021 on
(the TSE).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import random
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import pymupdf
from stdnum import iso11649
from stdnum.ch import uid
from stdnum.ch import vat as ch_vat
from stdnum.iso7064 import mod_97_10

from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    Col,
    _renamed,
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
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    PALE,
    RULE,
    Address,
    WorldDrawing,
    WorldPrinter,
    WorldSheet,
    _digits,
    _domain,
    bank_name,
    iban_of,
    nets_of_gross,
)
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    _party,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, BLACK, Align, Canvas

MM = 72 / 25.4  # points per millimetre


# ---------------------------------------------------------------------------
# What a family hands back


@dataclass(frozen=True)
class TripDrawing(WorldDrawing):
    """A drawing that may print an IBAN without its BIC."""

    bic_printed: bool = True

    def truth(self) -> dict:
        truth = super().truth()
        if not self.bic_printed:
            truth.pop("bic", None)
        return truth


class TripSheet(WorldSheet):
    """A sheet that hands back a `TripDrawing`."""

    def finish(
        self,
        items: list[LineItem],
        title: str,
        *,
        pages: int = 1,
        service_date: bool = False,
        customer_no: bool = False,
        order_no: bool = False,
        currency: str = "EUR",
        bank: bool = True,
        vat_printed: bool = True,
        bic_printed: bool = True,
    ) -> TripDrawing:
        drawing = super().finish(
            items,
            title,
            pages=pages,
            service_date=service_date,
            customer_no=customer_no,
            order_no=order_no,
            currency=currency,
            bank=bank,
            vat_printed=vat_printed,
        )
        fields = {f.name: getattr(drawing, f.name) for f in dataclasses.fields(drawing)}
        return TripDrawing(**fields, bic_printed=bic_printed)


def regular_day(day: dt.date) -> dt.date:
    """`day`, a year earlier when it falls in the second half of 2020 (German VAT 16 % and 5 % then)."""
    return day.replace(year=2019) if dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31) else day


def percent(value: Decimal) -> str:
    """A rate as a German invoice prints it: 7, 12,5."""
    return f"{value.normalize():f}".replace(".", ",")


# ---------------------------------------------------------------------------
# hotel_rechnung


@dataclass(frozen=True)
class Resort:
    """Where a hotel stands and the local tax on stays it collects: per guest and night, per room and night, or
    a percentage of the room price (in euros or per cent, as printed)."""

    plz: str
    city: str
    region: str
    labels: tuple[str, ...]
    kind: Literal["guest", "room", "percent"]
    rates: tuple[str, ...]
    court: str = ""  # the register court, when not the city's own

    @property
    def register_court(self) -> str:
        return self.court or self.city


_RESORTS = (
    Resort("10117", "Berlin", "Berlin", ("City Tax", "Übernachtungsteuer"), "percent", ("5",)),
    Resort("20354", "Hamburg", "Hamburg", ("Kultur- und Tourismustaxe",), "room", ("2.00", "3.00", "4.00")),
    Resort("50667", "Köln", "Nordrhein-Westfalen", ("Kulturförderabgabe",), "percent", ("5",)),
    Resort("01067", "Dresden", "Sachsen", ("Beherbergungssteuer",), "percent", ("6",)),
    Resort("99084", "Erfurt", "Thüringen", ("Kulturförderabgabe",), "percent", ("5",)),
    Resort("28195", "Bremen", "Bremen", ("Tourismusabgabe",), "guest", ("1.00", "2.00", "3.00")),
    Resort("60311", "Frankfurt am Main", "Hessen", ("Tourismusbeitrag",), "guest", ("2.00",)),
    Resort("76530", "Baden-Baden", "Baden-Württemberg", ("Kurtaxe",), "guest", ("3.50", "4.00", "4.50"), "Mannheim"),
    Resort("82467", "Garmisch-Partenkirchen", "Bayern", ("Kurbeitrag",), "guest", ("2.80", "3.00", "3.50"), "München"),
    Resort("25980", "Sylt", "Schleswig-Holstein", ("Kurabgabe",), "guest", ("3.50", "4.00", "4.50"), "Flensburg"),
    Resort("18609", "Ostseebad Binz", "Mecklenburg-Vorpommern", ("Kurabgabe",), "guest", ("2.60", "3.40"), "Stralsund"),
    Resort("26548", "Norderney", "Niedersachsen", ("Kurbeitrag", "Gästebeitrag"), "guest", ("3.00", "4.20"), "Aurich"),
)  # fmt: skip
_HOTELS = ("Hotel am Stadtpark", "Parkhotel Lindenhof", "Hotel Zur Post", "Hotel Goldener Löwe", "Hotel Kaiserhof",
           "Hotel Residenz am Markt", "Ringhotel Sonnenhof", "Hotel Garni Mühlenblick", "Hotel Fürstenhof")  # fmt: skip
_HOTEL_FORMS = ("GmbH", "Betriebs GmbH", "GmbH & Co. KG", "Hotelbetriebsgesellschaft mbH")
_GUESTS = ("Herr Thomas Weber", "Frau Anna Schmidt", "Herr Dr. Jens Köhler", "Frau Petra Lindner", "Herr Murat Demir",
           "Frau Dr. Julia Brandt", "Herr Sebastian Krüger", "Frau Sabine Vogt", "Herr Lukas Hoffmann")  # fmt: skip
_ROOMS = ("Einzelzimmer", "Doppelzimmer", "Doppelzimmer Komfort", "Superior Doppelzimmer", "Junior Suite",
          "Doppelzimmer zur Einzelnutzung", "Familienzimmer")  # fmt: skip
_STAY_WORDS = ("Übernachtung", "Logis", "Übernachtung {room}", "Zimmer {no} - {room}")
_BREAKFAST = ("Frühstück", "Frühstücksbuffet", "Frühstück pro Person")
_PARKING = ("Parkgebühr", "Tiefgarage", "Parkhaus", "Hotelparkplatz")
# Extras: (text, least and most gross price, VAT rate).
_EXTRAS: tuple[tuple[str, float, float, int], ...] = (
    ("Minibar", 3.5, 19.5, 19), ("Hotelbar Getränke", 6.0, 38.0, 19), ("Sauna / Wellness", 10.0, 25.0, 19),
    ("Wäscheservice", 8.0, 24.0, 19), ("Late Check-out", 20.0, 40.0, 7), ("Haustier pro Aufenthalt", 10.0, 25.0, 19),
)  # fmt: skip
_PAYMENTS = ("Zahlung EC-Karte", "EC-Karte / girocard", "Zahlung Visa", "Zahlung Mastercard", "Zahlung bar",
             "American Express")  # fmt: skip
_DEPOSITS = ("Anzahlung", "Anzahlung Kreditkarte", "Vorauszahlung per Überweisung")
_VAT_HEADS = (("MwSt.-Satz", "Netto", "MwSt.", "Brutto"), ("USt %", "Nettobetrag", "USt-Betrag", "Bruttobetrag"),
              ("Steuersatz", "Netto", "Steuer", "Brutto"))  # fmt: skip


@dataclass(frozen=True)
class Posting:
    """One dated line of the folio: a charge at a VAT rate (gross prices) or a payment (rate None)."""

    day: dt.date
    text: str
    quantity: Decimal
    price: Decimal
    rate: int | None

    @property
    def amount(self) -> Decimal:
        return round_cent(self.quantity * self.price)


def hotel_day(rng: random.Random, day: dt.date) -> dt.date:
    """A departure `day`, moved out of July 2020 to December 2023 (and the first days of 2024, with nights in
    2023), when hotel breakfast bore 7 % (the family prints 19 %)."""
    if dt.date(2020, 7, 1) <= day <= dt.date(2024, 1, 6):
        return day.replace(year=rng.choice((2018, 2019, 2024, 2025)))
    return day


class HotelRechnung(TripSheet):
    """A German hotel's bill at checkout: a folio of nights, extras and payments, and a VAT table by rate."""

    FONTS = ("liberation-sans", "dejavu-sans", "liberation-serif", "dejavu-serif", "dejavu-sans-condensed")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "code_after")
    DATES = ("dotted", "dotted", "dotted_short")
    IDS = "either"
    GROUPED = 0.6
    FOOT = A4.height - 72

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.resort = resort = rng.choice(_RESORTS)
        self.brand_name = rng.choice(_HOTELS)
        legal = f"{self.brand_name} {rng.choice(_HOTEL_FORMS)}"
        supplier = dataclasses.replace(
            _party(rng, (legal,), False), plz=resort.plz, city=resort.city, region=resort.region
        )
        self.nights = rng.choice((1, 1, 2, 2, 3, 3, 4, 5))
        self.departure = hotel_day(rng, data.date)
        self.arrival = self.departure - dt.timedelta(days=self.nights)
        day = self.departure + dt.timedelta(days=rng.choice((0, 0, 0, 0, 1, 2, 4)))
        year = day.year
        number = rng.choice((str(rng.randint(100000, 999999)), f"{year}{rng.randint(1, 99999):05d}",
                             f"R-{rng.randint(10000, 99999)}", f"{rng.randint(1, 9)}{rng.randint(1000, 9999)}/{year % 100}"))  # fmt: skip
        self.domain = _domain("hotel-" + self.brand_name.split(" ", 1)[-1].replace(" ", "-"), "de")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day,
            customer_no="",
            order_no="",
            supplier=supplier,
            tax_no=_steuernummer(rng, resort.region) if data.tax_no else "",
            email=rng.choice(("rezeption", "info", "reservierung")) + f"@{self.domain}",
        )
        super().__init__(rng, data)
        self.guests = rng.choice((1, 1, 2, 2, 2, 3)) if self.nights < 5 else rng.choice((1, 2))
        self.room = rng.choice(_ROOMS[:1] if self.guests == 1 and rng.random() < 0.4 else _ROOMS[1:])
        self.room_no = str(rng.choice((rng.randint(101, 128), rng.randint(201, 230), rng.randint(301, 342),
                                       rng.randint(401, 418))))  # fmt: skip
        self.guest = rng.choice(_GUESTS)
        self.company = rng.random() < 0.4  # billed to the guest's employer
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("centred", "left", "band"))
        self.style = rng.choice(("signed", "split", "compact"))
        self.tax_label = rng.choice(resort.labels)
        self.per_night_tax = rng.random() < 0.5
        self.short_folio = rng.random() < 0.6  # folio dates as 12.03.24
        self.size = 8.5 if self.style != "compact" else 9.0

    # -- the stay

    def postings(self) -> list[Posting]:
        """The folio's charges (gross) and payments, in the order of their dates."""
        rng = self.rng
        for _ in range(200):
            charges = self.charges()
            nets = nets_of_gross([(c.amount, c.rate or 0) for c in charges])
            if nets is not None:
                break
        else:
            raise AssertionError("hotel_rechnung: no folio whose cents add up")
        self.nets = nets
        gross = sum((c.amount for c in charges), Decimal(0))
        deposits = []
        if rng.random() < 0.45:
            booked = self.arrival - dt.timedelta(days=rng.randint(5, 60))
            deposit = charges[0].amount if rng.random() < 0.5 else Decimal(int(gross * Decimal("0.3")))
            deposits.append(Posting(booked, rng.choice(_DEPOSITS), Decimal(1), -deposit, None))
        rest = gross + sum((p.amount for p in deposits), Decimal(0))
        return [*deposits, *charges, Posting(self.departure, rng.choice(_PAYMENTS), Decimal(1), -rest, None)]

    def charges(self) -> list[Posting]:
        rng, resort = self.rng, self.resort
        price = Decimal(rng.randint(69, 219)) + Decimal(rng.choice(("0", "0", "0.50", "0.90")))
        weekend = Decimal(rng.choice((0, 0, -10, 10, 20)))
        breakfast = Decimal(rng.randint(25, 49)) / 2 if rng.random() < 0.85 else None
        parking = Decimal(rng.choice((8, 10, 12, 15, 18, 19, 22, 25))) if rng.random() < 0.6 else None
        if breakfast is None and parking is None:
            breakfast = Decimal(rng.randint(25, 49)) / 2
        stay = rng.choice(_STAY_WORDS).format(room=self.room, no=self.room_no)
        bf_text, park_text = rng.choice(_BREAKFAST), rng.choice(_PARKING)
        tax_rate = Decimal(rng.choice(resort.rates))
        if resort.city == "Berlin" and self.arrival.year >= 2025:  # Berlin's tax on stays is 7.5 % from 2025
            tax_rate = Decimal("7.5")
        charges: list[Posting] = []
        for k in range(self.nights):
            night = self.arrival + dt.timedelta(days=k)
            rate = price + (weekend if night.weekday() in (4, 5) else 0)
            charges.append(Posting(night, stay, Decimal(1), rate, 7))
            if breakfast is not None:
                charges.append(
                    Posting(night + dt.timedelta(days=1), bf_text, Decimal(self.guests), breakfast, 19)
                )
            if parking is not None:
                charges.append(Posting(night, park_text, Decimal(1), parking, 19))
            if resort.kind != "percent" and self.per_night_tax:
                qty = Decimal(self.guests if resort.kind == "guest" else 1)
                charges.append(Posting(night, self.tax_label, qty, tax_rate, 0))
        for text, lo, hi, vat in rng.sample(_EXTRAS, rng.choice((0, 0, 1, 1, 2))):
            gross = round_cent(Decimal(str(rng.uniform(lo, hi))))
            when = (
                self.departure
                if text == "Late Check-out"
                else self.arrival + dt.timedelta(days=rng.randint(0, self.nights - 1))
            )
            charges.append(Posting(when, text, Decimal(1), gross, vat))
        rooms = sum((c.amount for c in charges if c.rate == 7 and c.text == stay), Decimal(0))
        if resort.kind == "percent":
            text = f"{self.tax_label} {percent(tax_rate)} % auf {self.p.number(rooms)}"
            charges.append(Posting(self.departure, text, Decimal(1), round_cent(rooms * tax_rate / 100), 0))
        elif not self.per_night_tax:
            qty = self.guests * self.nights if resort.kind == "guest" else self.nights
            what = (
                f"{self.guests} Pers. x {self.nights} N."
                if resort.kind == "guest"
                else f"{self.nights} Nächte"
            )
            text = self.tax_label if self.style == "compact" else f"{self.tax_label} {what}"
            charges.append(Posting(self.departure, text, Decimal(qty), tax_rate, 0))
        order = {c: i for i, c in enumerate(charges)}
        return sorted(charges, key=lambda c: (c.day, order[c]))

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        name = self.brand_name
        lines = (f"{s.street} · {s.city_line}", f"Tel. {d.phone} · {d.email} · www.{self.domain}")
        if self.head == "centred":
            logo(c, self.rng.choice(("circle", "diamond", "house")), c.width / 2 - 19, 26, 38, self.brand,
                 initials(name))  # fmt: skip
            c.fit_text(c.width / 2, 82, name, 17, R - L, bold=True, align="center", colour=self.brand)
            for i, line in enumerate(lines):
                c.fit_text(c.width / 2, 95 + 9 * i, line, 7.5, R - L, align="center", colour=GREY)
        elif self.head == "left":
            logo(c, self.rng.choice(("square", "circle")), L, 30, 40, self.brand, initials(name))
            c.fit_text(L + 50, 50, name, 16, 270, bold=True)
            c.text(L + 50, 63, self.resort.city, 8.5, colour=GREY)
            for i, line in enumerate(
                (s.street, s.city_line, f"Tel. {d.phone}", d.email, f"www.{self.domain}")
            ):
                c.text(R, 38 + 10 * i, line, 7.5, align="right", colour=GREY)
        else:
            c.box(0, 24, c.width, 70, fill=self.brand, stroke=None)
            c.fit_text(L, 54, name, 18, 250, bold=True, colour=WHITE)
            for i, line in enumerate((lines[0], f"Tel. {d.phone}", d.email)):
                c.fit_text(R, 40 + 10 * i, line, 7.5, 215, align="right", colour=WHITE)

    def window_address(self, y: float, size: float = 9.5) -> float:
        """The sender line and the address of the guest or of the company paying; returns the baseline after."""
        c, d, s, L = self.c, self.data, self.data.supplier, self.LEFT
        c.fit_text(L, y, f"{s.name} · {s.street} · {s.city_line}", 6.5, 250, colour=GREY)
        y += 15
        if self.company:
            r = d.customer
            lines = [r.name, r.contact or "Reisekostenstelle", r.street, r.city_line]
        else:
            home = _party(self.rng, (self.guest,), False)
            lines = [self.guest, home.street, home.city_line]
        for line in lines:
            c.text(L, y, line, size)
            y += size * 1.3
        return y

    def info(self) -> float:
        c, d, p, rng, R = self.c, self.data, self.p, self.rng, self.RIGHT
        rows = [
            (rng.choice(("Rechnung Nr.", "Rechnungsnummer", "Rechnungs-Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Zimmer", "Zimmer-Nr.", "Zimmer Nr.")), self.room_no),
            (rng.choice(("Anreise", "Ankunft")), p.date(self.arrival)),
            ("Abreise", p.date(self.departure)),
            (rng.choice(("Gast", "Gastname")), self.guest.removeprefix("Herr ").removeprefix("Frau ")),
            (rng.choice(("Personen", "Pers.", "Anzahl Gäste")), str(self.guests)),
        ]
        if rng.random() < 0.6:
            rows.append((rng.choice(("Reservierungsnr.", "Buchungs-Nr.", "Res.-Nr.")),
                         str(rng.randint(10**6, 10**7 - 1))))  # fmt: skip
        if rng.random() < 0.5:
            rows.append(
                (
                    rng.choice(("Kassierer", "Bearbeiter", "Mitarbeiter")),
                    rng.choice(("AS", "MK", "Lena", "Tom", "FO3")),
                )
            )
        rows.append(("Seite", "1 von 1"))
        top = 122.0
        if rng.random() < 0.5:
            c.box(340, top - 12, R, top - 5 + 12.5 * len(rows), stroke=RULE, width=0.6)
        return label_rows(c, rows, 348, R - 6, top, 8.5, 12.5, value_align="right", label_colour=GREY)

    def folio(self, y: float, postings: list[Posting]) -> float:
        c, p, L, R, size = self.c, self.p, self.LEFT, self.RIGHT, self.size
        spec: list[tuple[str, str, float, Align]] = [("date", "Datum", 58, "left")]
        if self.style == "signed":
            spec += [("text", "Beschreibung", 0, "left"), ("qty", "Anz.", 34, "right"),
                     ("price", "Einzelpreis", 68, "right"), ("amount", "Betrag", 72, "right")]  # fmt: skip
        elif self.style == "split":
            spec += [("text", "Text", 0, "left"), ("debit", "Belastung", 78, "right"),
                     ("credit", "Zahlung", 78, "right")]  # fmt: skip
        else:
            spec += [("text", "Leistung", 0, "left"), ("amount", "Betrag EUR", 86, "right")]
        cols = columns(spec, L, R)
        c.box(L, y, R, y + 16, fill=LIGHT if self.head != "band" else PALE, stroke=None)
        cells(c, cols, y + 11.5, {col.key: col.head for col in cols}, 8.5, bold=True)
        y += 16
        step = 13.0 if len(postings) <= 16 else 11.0
        for post in postings:
            y += step
            values = {"date": f"{post.day:%d.%m.%y}" if self.short_folio else p.date(post.day)}
            text = post.text
            if self.style == "compact" and post.quantity != 1:
                text = f"{p.quantity(post.quantity)} x {text} à {p.number(post.price)}"
            values["text"] = text
            if self.style == "signed":
                if post.quantity != 1 or post.rate is not None:
                    values["qty"] = p.quantity(post.quantity)
                    values["price"] = p.number(post.price)
                values["amount"] = p.number(post.amount)
            elif self.style == "split":
                values["debit" if post.rate is not None else "credit"] = p.number(abs(post.amount))
            else:
                values["amount"] = p.number(post.amount)
            cells(c, cols, y, values, size)
        c.line(L, y + 5, R, y + 5, width=0.6)
        return y + 5

    def balance(self, y: float, gross: Decimal) -> float:
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        x = R - 250
        rows: list[tuple[str, str, bool]]
        if self.style == "split":
            y += 14
            c.text(x, y, "Summe", 9, bold=True)
            c.text(R - 81, y, p.number(gross), 9, bold=True, align="right")  # under the two amount columns
            c.text(R - 3, y, p.number(gross), 9, bold=True, align="right")
            rows = []
        else:
            rows = [(rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Summe Leistungen")), p.amount(gross), True),
                    (rng.choice(("Zahlungen", "abzgl. Zahlungen", "Summe Zahlungen")), p.amount(-gross), False)]  # fmt: skip
        rows.append((rng.choice(("Saldo", "Offener Saldo", "Restbetrag")), p.amount(Decimal(0)), True))
        for label, value, bold in rows:
            y += 14
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R - 6, y, value, 9.5, bold=bold, align="right")
        c.line(x, y + 4, R, y + 4, width=0.5)
        c.line(x, y + 6, R, y + 6, width=0.5)
        return y + 6

    def vat_table(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        heads = rng.choice(_VAT_HEADS)
        spec: list[tuple[str, str, float, Align]] = [("rate", heads[0], 118, "left"), ("net", heads[1], 78, "right"),
                                                     ("vat", heads[2], 70, "right"), ("gross", heads[3], 78, "right")]  # fmt: skip
        right = L + sum(w for _, _, w, _ in spec)
        cols = columns(spec, L, right)
        top = y
        c.box(L, y, right, y + 15, fill=LIGHT, stroke=None)
        cells(c, cols, y + 10.5, {col.key: col.head for col in cols}, 8, bold=True)
        y += 15
        zero = rng.choice(("0 %", "0 % (nicht steuerbar)", "ohne MwSt.", "steuerfrei"))
        taxed = [v for v in vat_lines if v.rate]
        if rng.random() < 0.5:
            taxed.reverse()
        for v in [*taxed, *(v for v in vat_lines if not v.rate)]:
            y += 13
            label = f"{v.rate} %" if v.rate else zero
            cells(c, cols, y, {"rate": label, "net": p.number(v.base), "vat": p.number(v.amount),
                               "gross": p.number(v.base + v.amount)}, 8.5)  # fmt: skip
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        c.line(L, y + 5, right, y + 5, width=0.5)
        y += 18
        cells(c, cols, y, {"rate": rng.choice(("Summe", "Gesamt", "Total")), "net": p.number(net),
                           "vat": p.number(vat), "gross": p.number(net + vat)}, 8.5, bold=True)  # fmt: skip
        if rng.random() < 0.5:
            c.box(L, top, right, y + 5, stroke=RULE, width=0.6)
        return y + 5

    def closing(self, y: float) -> float:
        c, L, R, rng = self.c, self.LEFT, self.RIGHT, self.rng
        texts = [
            f"Die {self.tax_label} ist nicht umsatzsteuerbar; wir erheben sie im Auftrag der Stadt {self.resort.city}."
            if self.resort.kind == "percent"
            else f"{self.tax_label}: wird im Auftrag der Gemeinde {self.resort.city} erhoben, ohne Umsatzsteuer.",
            rng.choice(
                (
                    "Vielen Dank für Ihren Aufenthalt. Wir wünschen Ihnen eine gute Heimreise!",
                    "Wir danken für Ihren Besuch und freuen uns, Sie bald wieder bei uns begrüßen zu dürfen.",
                    "Leistungszeitraum = Aufenthaltszeitraum. Vielen Dank für Ihren Besuch!",
                )
            ),  # fmt: skip
        ]
        for text in texts:
            y = c.paragraph(L, y + 2, text, R - L, 8.5)
        return y

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        cols = (
            [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
            [
                f"Geschäftsführer: {d.ceo}",
                f"Amtsgericht {self.resort.register_court} {d.register}",
                *self.tax_ids("USt-IdNr.", "Steuernummer"),
            ],  # fmt: skip
            [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
        )
        footer_columns(self.c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        c, L = self.c, self.LEFT
        postings = self.postings()
        charges = [post for post in postings if post.rate is not None]
        items = [LineItem(post.text, "", Decimal(1), "", net, post.rate or 0)
                 for post, net in zip(charges, self.nets, strict=True)]  # fmt: skip
        vat_lines = vat_breakdown(items)
        gross = sum((post.amount for post in charges), Decimal(0))
        assert gross == sum((v.base + v.amount for v in vat_lines), Decimal(0))
        self.header()
        self.window_address(124)
        y = self.info()
        title = self.rng.choice(("Rechnung", "Hotelrechnung", f"Rechnung Nr. {self.data.number}", "RECHNUNG"))
        y = max(y, 222.0) + 20
        c.text(L, y, title, 14, bold=True)
        y = self.folio(y + 10, postings)
        y = self.balance(y, gross)
        y = self.vat_table(y + 14, vat_lines)
        y = self.closing(y + 12)
        self.footer()
        assert y < self.FOOT - 4, "hotel_rechnung: page overflow"
        return self.finish(items, "Rechnung")


# ---------------------------------------------------------------------------
# kassenbon

Shop = Literal["supermarkt", "baeckerei", "drogerie", "baumarkt", "tankstelle"]
# Per kind of shop: (name printed large, legal name), and its goods as (name, least and most gross price, VAT
# rate, "" for pieces, "kg" sold by weight, "l" fuel, "pfand" a drink with a deposit).
_SHOPS: dict[Shop, tuple[tuple[str, str], ...]] = {
    "supermarkt": (("FRISCHMARKT", "Frischmarkt Köhler oHG"), ("NAHKAUF", "Nahkauf Grünewald e.K."),
                   ("SUPERFRISCH", "Superfrisch Jäger KG"), ("MARKT AM MÜHLENWEG", "Mühlenmarkt Schäfer GmbH")),
    "baeckerei": (("Bäckerei Größel", "Bäckerei Größel GmbH"), ("Backstube Süßholz", "Backstube Süßholz e.K."),
                  ("Brötchen-Börse", "Brötchen-Börse Köhler KG")),
    "drogerie": (("DROGERIE WEISS", "Drogerie Weiß GmbH"), ("Drogeriemarkt Bräuer", "Drogeriemarkt Bräuer e.K.")),
    "baumarkt": (("BAUHOF HÖRMANN", "Bauhof Hörmann GmbH & Co. KG"), ("Baucenter Jürgens", "Jürgens Baucenter KG")),
    "tankstelle": (("TANKSTELLE ZÖLLNER", "Tankstelle Zöllner e.K."), ("AUTOHOF GRÜNEWALD", "Autohof Grünewald GmbH")),
}  # fmt: skip
_GOODS: dict[Shop, tuple[tuple[str, float, float, int, str], ...]] = {
    "supermarkt": (
        ("BANANEN", 1.49, 2.29, 7, "kg"), ("TOMATEN RISPEN", 2.49, 3.99, 7, "kg"), ("ÄPFEL BRAEBURN", 1.99, 3.49, 7, "kg"),
        ("VOLLMILCH 3,5% 1L", 0.99, 1.29, 7, ""), ("BUTTER 250G", 1.79, 2.99, 7, ""), ("GOUDA JUNG SCHEIBEN", 1.49, 2.49, 7, ""),
        ("VOLLKORNBROT 500G", 1.29, 2.49, 7, ""), ("SPAGHETTI 500G", 0.89, 1.79, 7, ""), ("EIER FREILAND 10ER", 2.49, 3.49, 7, ""),
        ("JOGHURT NATUR 500G", 0.79, 1.49, 7, ""), ("KAFFEE CREMA 1KG", 9.99, 15.99, 7, ""), ("TIEFKÜHLPIZZA", 2.29, 3.99, 7, ""),
        ("MINERALWASSER 1,5L", 0.19, 0.69, 19, "pfand"), ("APFELSCHORLE 1L", 0.89, 1.49, 19, "pfand"),
        ("COLA 1,25L", 1.19, 1.99, 19, "pfand"), ("SPÜLMITTEL 500ML", 0.95, 2.25, 19, ""),
        ("TOILETTENPAPIER 8ER", 2.95, 4.95, 19, ""), ("KÜCHENROLLE 4ER", 2.49, 3.99, 19, ""),
        ("BATTERIEN AA 4ER", 2.99, 5.99, 19, ""),
    ),
    "baeckerei": (
        ("Brötchen", 0.35, 0.60, 7, ""), ("Laugenbrezel", 0.80, 1.30, 7, ""), ("Roggenmischbrot 1000g", 3.20, 4.90, 7, ""),
        ("Croissant", 1.10, 1.80, 7, ""), ("Streuselkuchen", 1.90, 2.90, 7, ""), ("Käsebrötchen belegt", 2.50, 3.90, 7, ""),
        ("Kaffee to go", 2.20, 3.40, 19, ""), ("Cappuccino to go", 2.80, 3.90, 19, ""), ("Orangensaft 0,3l", 2.20, 3.20, 19, ""),
        ("Schoko-Croissant", 1.40, 2.10, 7, ""),
    ),
    "drogerie": (
        ("Duschgel 250ml", 0.95, 3.95, 19, ""), ("Zahnpasta 75ml", 0.85, 3.45, 19, ""), ("Shampoo 300ml", 1.25, 4.95, 19, ""),
        ("Windeln Gr. 4", 5.95, 12.95, 19, ""), ("Taschentücher 10x10", 0.99, 1.95, 19, ""),
        ("Waschmittel 20 WL", 3.95, 7.95, 19, ""), ("Bio Haferflocken 500g", 0.99, 1.79, 7, ""),
        ("Babybrei Gläschen", 0.95, 1.65, 7, ""), ("Nussmix 200g", 1.95, 3.45, 7, ""), ("Kräutertee 20 Btl.", 1.25, 2.45, 7, ""),
        ("Wattepads 80 St.", 0.95, 1.75, 19, ""), ("Deo Spray 150ml", 1.45, 3.95, 19, ""),
    ),
    "baumarkt": (
        ("Schrauben 4x40 200St", 3.99, 8.99, 19, ""), ("Dübel 8mm 50St", 2.49, 4.99, 19, ""),
        ("Wandfarbe weiß 10l", 24.99, 59.99, 19, ""), ("Malerkrepp 30mm", 2.49, 4.99, 19, ""),
        ("Akku-Bohrschrauber 18V", 59.99, 129.0, 19, ""), ("Blumenerde 40l", 3.99, 9.99, 19, ""),
        ("Geranie 12er Topf", 1.99, 3.49, 7, ""), ("Tomatenpflanze", 1.49, 2.99, 7, ""),
        ("Kabelbinder 100St", 2.99, 5.99, 19, ""), ("Silikon sanitär weiß", 5.99, 9.99, 19, ""),
        ("Holzleim 250g", 3.49, 5.99, 19, ""),
    ),
    "tankstelle": (
        ("Kaffee groß", 2.49, 3.99, 19, ""), ("Schokoriegel", 0.99, 1.79, 7, ""), ("Baguette belegt", 3.49, 5.49, 7, ""),
        ("Scheibenreiniger 5l", 5.99, 9.99, 19, ""), ("Autowäsche Premium", 9.99, 16.99, 19, ""),
        ("Tageszeitung", 1.80, 2.90, 7, ""), ("Mineralwasser 0,5l", 1.29, 2.19, 19, "pfand"),
    ),
}  # fmt: skip
_FUELS = ("Super E10", "Super E5", "Diesel", "Super Plus")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


@dataclass(frozen=True)
class Sale:
    """One line of the receipt: what it says, its gross amount and VAT rate, and a detail line under it."""

    text: str
    amount: Decimal
    rate: int
    detail: str = ""


@dataclass(frozen=True)
class Row:
    """One row the till prints: text cells at character columns, a rule, a blank line, a QR code or bars."""

    kind: Literal["text", "rule", "gap", "qr", "bars"]
    cells: tuple[tuple[int, str, Align], ...] = ()
    big: bool = False
    bold: bool = False
    char: str = "-"


class Kassenbon(TripSheet):
    """A till receipt on an 80 mm wide page as long as the receipt."""

    FONTS = ("liberation-mono", "liberation-mono", "dejavu-sans-condensed")
    NUMBERS = ("de",)
    CURRENCY = ("code_after",)
    DATES = ("dotted", "dotted", "dotted_short")
    IDS = "stnr"
    WIDTH = 80 * MM
    PRINT = 72 * MM  # the printable width
    MARGIN = 18.0  # above and below the print

    def new_page(self) -> Canvas:
        """A page 80 mm wide; `draw` cuts it to the receipt's length."""
        return Canvas(self.doc.new_page(width=self.WIDTH, height=A4.height), self.font)

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.shop: Shop = rng.choice(
            ("supermarkt", "supermarkt", "baeckerei", "drogerie", "baumarkt", "tankstelle")
        )
        self.banner, legal = rng.choice(_SHOPS[self.shop])
        data = _renamed(rng, data, (legal,), "info")
        day = data.date  # from April 2021 on, when every till signs with a TSE
        if day < dt.date(2021, 4, 1):
            day = day.replace(year=rng.choice((2022, 2023, 2024)), day=min(day.day, 28))
        n = rng.choice((rng.randint(1, 9999), rng.randint(1, 99999), rng.randint(1, 999999)))
        number = rng.choice((str(n), f"{n:04d}", f"{n:06d}"))
        data = dataclasses.replace(
            data, number=number, date=day, service_date=None, customer_no="", order_no=""
        )
        super().__init__(rng, data)
        choices = ("stnr", "stnr", "both", "vat") if data.tax_no else ("vat",)
        self.ids = rng.choice(choices)
        self.n = rng.choice((40, 42, 42, 48))
        self.mono = self.font.name.endswith("mono")
        cw = self.PRINT / self.n
        self.size = cw / 0.6 if self.mono else min(8.4, max(7.2, cw * 1.55))
        self.x0 = (self.WIDTH - self.PRINT) / 2
        self.codes = rng.choice(({19: "A", 7: "B"}, {19: "A", 7: "B"}, {7: "A", 19: "B"}, {19: "1", 7: "2"}))
        self.time = dt.time(rng.randint(7, 20), rng.randint(0, 59), rng.randint(0, 59))
        self.card = rng.random() < 0.7
        self.store = rng.randint(100, 9999)
        self.till = rng.randint(1, 12)
        self.cashier = rng.choice(
            (str(rng.randint(100, 999)), rng.choice(("Sandra", "Mehmet", "Jana", "Kasse")))
        )
        self.number_top = rng.random() < 0.4

    # -- what was bought

    def sales(self) -> list[Sale]:
        rng, p = self.rng, self.p
        goods = _GOODS[self.shop]
        count = {"supermarkt": rng.randint(4, 25), "baeckerei": rng.randint(2, 7), "drogerie": rng.randint(2, 12),
                 "baumarkt": rng.randint(2, 10), "tankstelle": rng.randint(0, 3)}[self.shop]  # fmt: skip
        sales: list[Sale] = []
        if self.shop == "tankstelle":
            litres = Decimal(rng.randint(1500, 6500)) / 100
            price = Decimal(rng.randint(1459, 1999)) / 1000
            fuel = rng.choice(_FUELS)
            detail = (
                f"Säule {rng.randint(1, 8)}  {p.number(litres)} l x {f'{price:.3f}'.replace('.', ',')} EUR/l"
            )
            sales.append(Sale(fuel.upper(), round_cent(litres * price), 19, detail))
        picks = rng.sample(goods, min(count, len(goods))) + [
            rng.choice(goods) for _ in range(count - len(goods))
        ]
        for name, lo, hi, rate, unit in picks:
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            if unit == "kg":
                kg = Decimal(rng.randint(180, 2400)) / 1000
                detail = f"{f'{kg:.3f}'.replace('.', ',')} kg x {p.number(price)} EUR/kg"
                sales.append(Sale(name, round_cent(kg * price), rate, detail))
                continue
            qty = (
                rng.choice((1, 1, 1, 1, 2, 3, 6))
                if self.shop != "baeckerei" or rate == 19
                else rng.choice((1, 2, 4, 6))
            )
            detail = f"{qty} Stk x {p.number(price)}" if qty > 1 else ""
            sales.append(Sale(name, price * qty, rate, detail))
            if unit == "pfand":
                deposit = Decimal("0.25") * qty
                sales.append(Sale(rng.choice(("PFAND", "Pfand Einweg", "PFAND 0,25")), deposit, rate))
            if rng.random() < 0.1 and price * qty > 1:
                off = round_cent(price * qty * Decimal(rng.choice((10, 20, 30))) / 100)
                sales.append(Sale(rng.choice(("RABATT", "Aktion", "Rabatt Coupon")), -off, rate))
        if self.shop == "supermarkt" and rng.random() < 0.3:
            full = sum((s.amount for s in sales if s.rate == 19), Decimal(0))
            empties = Decimal("0.25") * rng.randint(2, 12)
            if empties < full:
                sales.append(Sale(rng.choice(("LEERGUT", "Leergutbon")), -empties, 19,
                                  f"Bon {rng.randint(1000, 9999)}"))  # fmt: skip
        return sales

    # -- the rows

    def text(self, *cells_: tuple[int, str, Align], big: bool = False, bold: bool = False) -> Row:
        return Row("text", tuple(cells_), big, bold)

    def centred(self, text: str, *, big: bool = False, bold: bool = False) -> list[Row]:
        width = int(self.n / 1.4) if big else self.n
        return [
            self.text((width // 2, line, "center"), big=big, bold=bold) for line in textwrap.wrap(text, width)
        ]

    def pair(self, label: str, value: str, *, bold: bool = False, big: bool = False) -> Row:
        right = int(self.n / 1.4) if big else self.n
        return self.text((0, label, "left"), (right, value, "right"), bold=bold, big=big)

    def header(self) -> list[Row]:
        d, s, rng = self.data, self.data.supplier, self.rng
        rows = self.centred(self.banner, big=True, bold=True)
        if self.banner.lower() != s.name.lower():
            rows += self.centred(s.name)
        rows += self.centred(s.street) + self.centred(s.city_line)
        rows += self.centred(f"Tel.: {d.phone}")
        if rng.random() < 0.4:
            rows += self.centred(rng.choice(("Mo-Sa 7:00-22:00 Uhr", "Öffnungszeiten Mo-Fr 6-18, Sa 6-13 Uhr",
                                             "Wir sind 24 Stunden für Sie da")))  # fmt: skip
        for line in self.tax_ids(rng.choice(("UID Nr.:", "USt-IdNr.:", "USt-ID:")),
                                 rng.choice(("Steuer-Nr.:", "St.-Nr.:", "Steuernummer:"))):  # fmt: skip
            rows += self.centred(line)
        rows.append(Row("gap"))
        if self.number_top:
            rows += self.stamp()
            rows.append(Row("gap"))
        return rows

    def stamp(self) -> list[Row]:
        """Bon number, date and time, store, till and cashier."""
        d, p, rng, n = self.data, self.p, self.rng, self.n
        when = f"{p.date(d.date)} {self.time:%H:%M}"
        label = rng.choice(("Bon-Nr.", "Bon-Nr.:", "Beleg-Nr.", "Bon"))
        if rng.random() < 0.5:
            return [self.text((0, when, "left"), (n, f"{label} {d.number}", "right")),
                    self.text((0, f"Markt:{self.store} Kasse:{self.till} Bed.:{self.cashier}", "left"))]  # fmt: skip
        return [self.pair("Datum:", when), self.pair(label, d.number),
                self.pair("Kasse / Bediener:", f"{self.till} / {self.cashier}")]  # fmt: skip

    def items(self, sales: list[Sale]) -> list[Row]:
        p, n = self.p, self.n
        rows = [self.text((n, "EUR", "right"))] if self.rng.random() < 0.6 else []
        for sale in sales:
            rows.append(self.text((0, sale.text, "left"), (n - 2, p.number(sale.amount), "right"),
                                  (n - 1, self.codes[sale.rate], "left")))  # fmt: skip
            if sale.detail:
                rows.append(self.text((2, sale.detail, "left")))
        return rows

    def total(self, gross: Decimal) -> list[Row]:
        p, rng, n = self.p, self.rng, self.n
        label = rng.choice(("SUMME", "SUMME", "Summe", "ZU ZAHLEN"))
        rows = [Row("rule", char="-")]
        big = int(n / 1.4)
        rows.append(self.text((0, label, "left"), (big - 12, "EUR", "left"), (big, p.number(gross), "right"),
                              big=True, bold=True))  # fmt: skip
        rows.append(Row("rule", char="="))
        if self.card:
            label = rng.choice(("Geg. EC-Karte", "Gegeben EC-Karte", "Geg. girocard", "Kartenzahlung"))
            rows.append(self.text((0, label, "left"), (n - 12, "EUR", "left"), (n, p.number(gross), "right")))
        else:
            given = next(Decimal(v) for v in (5, 10, 20, 50, 100, 200, 500, 1000) if v >= gross)
            rows.append(
                self.text((0, "Gegeben BAR", "left"), (n - 12, "EUR", "left"), (n, p.number(given), "right"))
            )
            rows.append(self.text((0, "Rückgeld BAR", "left"), (n - 12, "EUR", "left"),
                                  (n, p.number(given - gross), "right")))  # fmt: skip
        return rows

    def tax_table(self, vat_lines: list[VatLine]) -> list[Row]:
        p, rng, n = self.p, self.rng, self.n
        word = rng.choice(("MwSt", "USt", "Steuer"))
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        ordered = sorted(vat_lines, key=lambda v: self.codes[v.rate])
        rows = [Row("gap")]
        if rng.random() < 0.6:
            rows.append(self.text((0, f"{word} %", "left"), (n - 20, "Netto", "right"), (n - 10, word, "right"),
                                  (n, "Brutto", "right")))  # fmt: skip
            for v in ordered:
                rows.append(self.text((0, f"{self.codes[v.rate]} {v.rate},0%", "left"), (n - 20, p.number(v.base), "right"),
                                      (n - 10, p.number(v.amount), "right"), (n, p.number(v.base + v.amount), "right")))  # fmt: skip
            if len(vat_lines) > 1 or rng.random() < 0.5:
                rows.append(self.text((0, rng.choice(("Summe", "Gesamt")), "left"), (n - 20, p.number(net), "right"),
                                      (n - 10, p.number(vat), "right"), (n, p.number(net + vat), "right")))  # fmt: skip
            return rows
        for v in ordered:
            rows.append(self.text((0, f"{word} {self.codes[v.rate]} {v.rate} %", "left")))
            for label, value in (("Netto", v.base), (word, v.amount), ("Brutto", v.base + v.amount)):
                rows.append(self.text((4, label, "left"), (n - 10, p.number(value), "right")))
        if len(vat_lines) > 1:
            rows.append(self.pair("Summe Netto", p.number(net)))
            rows.append(self.pair(f"Summe {word}", p.number(vat)))
        return rows

    def slip(self, gross: Decimal) -> list[Row]:
        """The card terminal's customer slip."""
        d, p, rng, n = self.data, self.p, self.rng, self.n
        scheme = rng.choice(("girocard", "girocard kontaktlos", "Visa Debit", "Mastercard", "V PAY"))
        return [
            Row("gap"), *self.centred("** Kundenbeleg **", bold=True),
            self.pair("Terminal-ID", str(rng.randint(52000000, 69999999))),
            self.text((0, f"TA-Nr. {rng.randint(1, 999999):06d}", "left"), (n, f"BNr. {rng.randint(1, 9999):04d}", "right")),
            self.pair("Kartenzahlung", scheme),
            self.pair(f"Nr. ############{rng.randint(1000, 9999)}", f"{rng.randint(1, 9):04d}"),
            self.pair(f"Datum {p.date(d.date)}", f"{self.time:%H:%M} Uhr"),
            self.pair("Betrag EUR", p.number(gross), bold=True),
            *self.centred(rng.choice(("Zahlung erfolgt", "Autorisierung erfolgt", "Zahlung erfolgt - Bitte Beleg aufbewahren"))),
        ]  # fmt: skip

    def tse(self) -> list[Row]:
        """The TSE block the KassenSichV asks for."""
        d, rng, n = self.data, self.rng, self.n
        start = dt.datetime.combine(d.date, self.time) - dt.timedelta(seconds=rng.randint(20, 300))
        end = dt.datetime.combine(d.date, self.time) - dt.timedelta(seconds=rng.randint(0, 3))
        iso = rng.random() < 0.6
        stamp = (lambda t: f"{t:%Y-%m-%dT%H:%M:%S}.000Z") if iso else (lambda t: f"{t:%d.%m.%Y %H:%M:%S}")
        serial = "".join(rng.choice("0123456789abcdef") for _ in range(64))
        signature = base64.b64encode(bytes(rng.randint(0, 255) for _ in range(rng.choice((64, 96))))).decode()
        prefix = rng.choice(("TSE-", ""))
        rows = [Row("gap")]
        if not prefix:
            rows.append(self.text((0, rng.choice(("TSE-Daten:", "KassenSichV / TSE", "Technische Sicherheitseinrichtung")), "left"),
                                  bold=True))  # fmt: skip
        rows += [
            self.pair(f"{prefix}Transaktionsnummer:" if rng.random() < 0.5 else f"{prefix}Transaktion:",
                      str(rng.randint(1000, 999999))),
            self.pair(f"{prefix}Signaturzähler:", str(rng.randint(1000, 2999999))),
            self.pair(f"{prefix}Start:", stamp(start)),
            self.pair(f"{prefix}Ende:" if rng.random() < 0.5 else f"{prefix}Stop:", stamp(end)),
            self.text((0, f"{prefix}Seriennummer:", "left")),
            *(self.text((0, part, "left")) for part in textwrap.wrap(serial, n)),
            self.text((0, f"{prefix}Signatur:", "left")),
            *(self.text((0, part, "left")) for part in textwrap.wrap(signature, n)),
        ]  # fmt: skip
        if rng.random() < 0.5:
            rows.append(self.pair(f"{prefix}Zeitformat:", "utcTime" if iso else "unixTime"))
            rows.append(
                self.pair(
                    f"{prefix}Hashalgorithmus:", rng.choice(("ecdsa-plain-SHA256", "ecdsa-plain-SHA384"))
                )
            )
        if rng.random() < 0.35:
            rows.append(Row("qr"))
        return rows

    def farewell(self) -> list[Row]:
        rng = self.rng
        rows = [Row("gap")]
        if not self.number_top:
            rows += self.stamp()
        rows.append(Row("rule", char=rng.choice(("*", "-", "="))))
        rows += self.centred(rng.choice(("Vielen Dank für Ihren Einkauf!", "Danke für Ihren Besuch!",
                                         "Vielen Dank und auf Wiedersehen")), bold=True)  # fmt: skip
        if rng.random() < 0.6:
            rows += self.centred(rng.choice(("Umtausch nur mit Kassenbon innerhalb von 14 Tagen.",
                                             "Bitte bewahren Sie den Bon für Umtausch und Garantie auf.",
                                             "Sie haben heute 12 Punkte gesammelt.")))  # fmt: skip
        if rng.random() < 0.3:
            rows.append(Row("bars"))
        return rows

    # -- printing

    def height(self, row: Row) -> float:
        line = self.size * 1.32
        return {"text": line * (1.45 if row.big else 1.0), "rule": line, "gap": line * 0.6, "qr": 84.0,
                "bars": 44.0}[row.kind]  # fmt: skip

    def mono_line(self, row: Row, width: int) -> str:
        """A row as the printer's characters: each cell placed at its column, the rest spaces."""
        chars = [" "] * width
        for col, text, align in row.cells:
            start = {"left": col, "right": col - len(text), "center": col - len(text) // 2}[align]
            for i, ch in enumerate(text):
                if 0 <= start + i < width:
                    chars[start + i] = ch
        return "".join(chars).rstrip()

    def print_row(self, y: float, row: Row) -> None:
        c, x0 = self.c, self.x0
        size = self.size * (1.4 if row.big else 1.0)
        if row.kind == "text" and self.mono:
            width = int(self.n / 1.4) if row.big else self.n
            c.text(x0, y, self.mono_line(row, width), size, bold=row.bold)
        elif row.kind == "text":
            cw = self.PRINT / (int(self.n / 1.4) if row.big else self.n)
            for col, text, align in row.cells:
                c.text(x0 + col * cw, y, text, size, bold=row.bold, align=align)
        elif row.kind == "rule":
            count = int(self.PRINT / c.text_width(row.char, size))
            c.text(x0, y, row.char * count, size)
        elif row.kind == "qr":
            qr_block(c, self.rng, c.width / 2 - 36, y - self.size, 72, modules=29)
        elif row.kind == "bars":
            x, top = x0 + 20, y - self.size
            while x < self.WIDTH - x0 - 24:
                w = self.rng.choice((0.8, 0.8, 1.6, 2.4))
                c.box(x, top, x + w, top + 28, fill=BLACK, stroke=None)
                x += w + self.rng.choice((0.8, 1.6, 2.4))
            c.text(c.width / 2, top + 38, f"{self.data.number}", 7, align="center")

    def draw(self) -> TripDrawing:
        for _ in range(200):
            sales = self.sales()
            nets = nets_of_gross([(s.amount, s.rate) for s in sales])
            if nets is not None:
                break
        else:
            raise AssertionError("kassenbon: no receipt whose cents add up")
        items = [
            LineItem(s.text, "", Decimal(1), "", net, s.rate) for s, net in zip(sales, nets, strict=True)
        ]
        vat_lines = vat_breakdown(items)
        gross = sum((s.amount for s in sales), Decimal(0))
        assert gross == sum((v.base + v.amount for v in vat_lines), Decimal(0))
        rows = self.header() + self.items(sales) + self.total(gross) + self.tax_table(vat_lines)
        if self.card and self.rng.random() < 0.6:
            rows += self.slip(gross)
        rows += self.tse() + self.farewell()
        length = self.MARGIN * 2 + sum(self.height(row) for row in rows)
        self.c.page.set_mediabox(pymupdf.Rect(0, 0, self.WIDTH, length))
        y = self.MARGIN
        for row in rows:
            step = self.height(row)
            if row.kind in ("text", "rule"):
                self.print_row(y + step * 0.78, row)
            else:
                self.print_row(y + self.size, row)
            y += step
        return self.finish(items, "Kassenbon", bank=False)


# ---------------------------------------------------------------------------
# spedition_fracht

_FORWARDERS = ("Spedition Köhler GmbH & Co. KG", "Güterverkehr Jürgens GmbH", "Müller Transporte und Logistik GmbH",
               "Spedition Weißenfels KG", "Nordfracht Logistik GmbH", "Bräuer Spedition e.K.",
               "Hansetrans Stückgut GmbH")  # fmt: skip
_PLACES = (("20095", "Hamburg"), ("28195", "Bremen"), ("30159", "Hannover"), ("44135", "Dortmund"), ("45127", "Essen"),
           ("50667", "Köln"), ("60311", "Frankfurt"), ("68159", "Mannheim"), ("70173", "Stuttgart"), ("80331", "München"),
           ("90402", "Nürnberg"), ("04109", "Leipzig"), ("01067", "Dresden"), ("10115", "Berlin"), ("24103", "Kiel"),
           ("33602", "Bielefeld"), ("34117", "Kassel"), ("36037", "Fulda"), ("49074", "Osnabrück"), ("55116", "Mainz"),
           ("66111", "Saarbrücken"), ("76133", "Karlsruhe"), ("86150", "Augsburg"), ("93047", "Regensburg"),
           ("97070", "Würzburg"), ("99084", "Erfurt"), ("39104", "Magdeburg"), ("18055", "Rostock"),
           ("87435", "Kempten"), ("26122", "Oldenburg"))  # fmt: skip
_CONSIGNEES = ("Baumarkt Süd GmbH", "Autohaus Grünewald", "Möbel Köhler KG", "Elektro Jäger", "Getränke Weiß",
               "Bäckerei Größel", "Hörmann Stahlbau", "Zöllner Gebäudetechnik", "Kaufhaus Schäfer OHG",
               "Büchner Verlag GmbH", "Praxis Dr. Jäger", "Gärtnerei Jürgens KG", "Dürr Büroservice")  # fmt: skip
# Columns of the shipment table: key, headings to choose from, width (places: by how they are printed;
# 0: takes the rest), alignment.
_FREIGHT_COLUMNS: tuple[tuple[str, tuple[str, ...], float, Align], ...] = (
    ("pos", ("Pos.", "Nr."), 24, "left"),
    ("no", ("Sendungsnr.", "Sendungs-Nr.", "Sdg.-Nr.", "Auftrags-Nr."), 70, "left"),
    ("date", ("Datum", "Ladedatum", "Abholung", "Versanddatum"), 56, "left"),
    ("from", ("Von", "Versand-PLZ", "Ladestelle", "Abgang"), -1, "left"),
    ("to", ("Nach", "Empf.-PLZ", "Entladestelle", "Bestimmung"), -1, "left"),
    ("consignee", ("Empfänger",), 0, "left"),
    ("pallets", ("Pal.", "Paletten", "EUR-Pal.", "Stellpl."), 46, "right"),
    ("weight", ("Gewicht kg", "kg", "Gew. kg", "frachtpfl. kg"), 62, "right"),
    ("ldm", ("LDM", "Lademeter"), 54, "right"),
    ("freight", ("Fracht €", "Fracht EUR", "Frachtbetrag", "Betrag"), 62, "right"),
)
_EXTRA_SERVICES: tuple[tuple[str, str, float, float], ...] = (
    ("Avisgebühr", "Sdg.", 5.5, 9.5), ("Hebebühnenzuschlag", "Sdg.", 12.0, 25.0), ("Standgeld", "Std.", 35.0, 55.0),
    ("Palettentausch", "Pal.", 1.5, 3.0), ("Gefahrgutzuschlag (ADR)", "Sdg.", 15.0, 30.0),
)  # fmt: skip


@dataclass(frozen=True)
class Shipment:
    """One shipment of the freight invoice."""

    number: str
    day: dt.date
    origin: tuple[str, str]
    destination: tuple[str, str]
    consignee: str
    reference: str
    pallets: int
    weight: int
    freight: Decimal

    @property
    def metres(self) -> Decimal:
        return Decimal(self.pallets) * Decimal("0.4")


class SpeditionFracht(TripSheet):
    """A freight forwarder's collective invoice: shipments, surcharges, insurance without VAT."""

    FONTS = ("liberation-sans", "dejavu-sans-condensed", "dejavu-sans", "liberation-serif")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "code_after", "code_before")
    DATES = ("dotted",)
    IDS = "either"
    GROUPED = 0.5
    FOOT = A4.height - 74

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        data = _renamed(rng, data, _FORWARDERS, rng.choice(("buchhaltung", "faktura", "rechnung")))
        day = regular_day(data.date)
        number = rng.choice((f"FR{day.year % 100:02d}-{rng.randint(1, 99999):05d}", str(rng.randint(10**7, 10**8 - 1)),
                             f"{day.year}/{rng.randint(1, 9999):04d}", f"SR-{rng.randint(100000, 999999)}"))  # fmt: skip
        customer_no = rng.choice((str(rng.randint(10000, 99999)), f"D{rng.randint(100000, 999999)}"))
        data = dataclasses.replace(data, number=number, date=day, service_date=None, due_date=day + dt.timedelta(days=30),
                                   customer_no=customer_no, order_no="")  # fmt: skip
        super().__init__(rng, data)
        self.brand = rng.choice(MORE_BRANDS)
        if rng.random() < 0.35:  # a week or half a month, else the month before the invoice
            self.end = day - dt.timedelta(days=rng.randint(1, 4))
            self.start = self.end - dt.timedelta(days=rng.choice((6, 13, 14)))
        else:
            self.start, self.end = month_before(day)
        self.count = rng.choice((rng.randint(3, 8), rng.randint(6, 14), rng.randint(12, 25)))
        self.place_style = rng.choice(("plz", "de_plz", "plz_city"))
        self.cols = columns(self.spec(), self.LEFT, self.RIGHT)
        self.size = 8.0 if len(self.cols) >= 8 else 8.5
        self.title = rng.choice(
            ("Rechnung", "Frachtrechnung", "Sammelrechnung Frachten", "Rechnung Stückgutversand")
        )
        self.carry = rng.random() < 0.5
        self.letter = rng.choice(("left", "right", "band"))
        self.grid = rng.random() < 0.35
        self.detail = rng.random() < 0.35  # a grey second line per shipment: reference, and consignee
        self.step = 23.0 if self.detail else 13.0

    def spec(self) -> list[tuple[str, str, float, Align]]:
        """The table's columns: the required ones and some optional ones, one taking the rest of the width (the
        consignee's, else the destination's); optional ones dropped while the rest would be too narrow."""
        rng = self.rng
        optional = [key for key in ("pos", "consignee", "pallets", "ldm", "date") if rng.random() < 0.55]
        keys = {"no", "from", "to", "weight", "freight", *optional}
        place = {"plz": 46.0, "de_plz": 54.0, "plz_city": 100.0}[self.place_style]
        flex = "consignee" if "consignee" in keys else "to" if self.place_style == "plz_city" else "no"

        def widths() -> dict[str, float]:
            return {key: 0 if key == flex else place if width < 0 else width
                    for key, _, width, _ in _FREIGHT_COLUMNS if key in keys}  # fmt: skip

        for key in ("ldm", "pos", "from", "date", "pallets"):
            if sum(widths().values()) <= self.RIGHT - self.LEFT - 100:
                break
            if key != flex:
                keys.discard(key)
        return [(key, rng.choice(heads), widths()[key], align) for key, heads, _, align in _FREIGHT_COLUMNS
                if key in keys]  # fmt: skip

    # -- the shipments and charges

    def shipments(self) -> list[Shipment]:
        rng = self.rng
        home = (self.data.customer.plz, self.data.customer.city)
        style = rng.choice(("digits", "prefixed", "dashed"))
        days = (self.end - self.start).days
        shipments = []
        numbers: set[str] = set()
        while len(shipments) < self.count:
            number = {"digits": str(rng.randint(10**8, 10**9 - 1)), "prefixed": f"SND{rng.randint(10**6, 10**7 - 1)}",
                      "dashed": f"{self.start.year % 100:02d}-{rng.randint(10000, 99999)}"}[style]  # fmt: skip
            if number in numbers:
                continue
            numbers.add(number)
            weight = rng.randint(60, 2400)
            pallets = max(1, -(-weight // rng.randint(280, 700)))
            freight = round_cent(
                Decimal(str(rng.uniform(24, 45) + weight * rng.uniform(0.035, 0.11) + pallets * 8))
            )
            origin = home if rng.random() < 0.8 else rng.choice(_PLACES)
            destination = rng.choice([p for p in _PLACES if p[0] != origin[0]])
            day = self.start + dt.timedelta(days=rng.randint(0, days))
            reference = rng.choice(
                (f"LS {rng.randint(10**5, 10**6 - 1)}", f"Best. {rng.randint(1000, 9999)}/{day.year % 100}")
            )
            consignee = rng.choice(_CONSIGNEES)
            shipments.append(
                Shipment(number, day, origin, destination, consignee, reference, pallets, weight, freight)
            )
        return sorted(shipments, key=lambda s: (s.day, s.number))

    def charges(self, shipments: list[Shipment]) -> list[tuple[str, LineItem]]:
        """(label, item) rows after the table: surcharges and extras at 19 %, insurance at 0 %."""
        rng, p = self.rng, self.p
        freight = sum((s.freight for s in shipments), Decimal(0))
        rows: list[tuple[str, LineItem]] = []
        diesel = Decimal(rng.choice(("8.5", "9.8", "11.2", "12.5", "14", "15.5", "17.3")))
        label = rng.choice(("Dieselzuschlag", "Dieselfloater", "Treibstoffzuschlag"))
        rows.append((f"{label} {percent(diesel)} % auf {p.number(freight)}",
                     LineItem(label, "", Decimal(1), "", round_cent(freight * diesel / 100), 19)))  # fmt: skip
        toll = rng.choice(("percent", "shipment", "flat"))
        if toll == "percent":
            pct = Decimal(rng.choice(("4.6", "5.8", "6.8", "7.9")))
            rows.append(
                (
                    f"Mautzuschlag {percent(pct)} %",
                    LineItem("Maut", "", Decimal(1), "", round_cent(freight * pct / 100), 19),
                )
            )
        elif toll == "shipment":
            each = round_cent(Decimal(str(rng.uniform(2.5, 9.5))))
            rows.append((f"Maut (BFStrMG) {len(shipments)} Sdg. x {p.number(each)}",
                         LineItem("Maut", "", Decimal(len(shipments)), "", each, 19)))  # fmt: skip
        else:
            rows.append(("Mautkosten lt. Nachweis", LineItem("Maut", "", Decimal(1), "",
                                                                   round_cent(freight * Decimal(str(rng.uniform(0.04, 0.09)))), 19)))  # fmt: skip
        for name, unit, lo, hi in rng.sample(_EXTRA_SERVICES, rng.choice((0, 0, 1, 2))):
            qty = rng.randint(1, max(1, len(shipments) // 2)) if unit != "Std." else rng.randint(1, 4)
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            rows.append(
                (
                    f"{name} {qty} {unit} x {p.number(price)}",
                    LineItem(name, "", Decimal(qty), unit, price, 19),
                )
            )
        if rng.random() < 0.45:
            value = Decimal(rng.randint(20, 400) * 500)
            premium = max(Decimal(10), round_cent(value * Decimal(rng.choice(("0.8", "0.9", "1.2"))) / 1000))
            label = rng.choice(("Speditionsversicherung", "Transportversicherung", "Warenversicherung"))
            rows.append(
                (
                    f"{label}, Warenwert {p.number(value)} (USt-frei)*",
                    LineItem(label, "", Decimal(1), "", premium, 0),
                )
            )
        return rows

    # -- the pages

    def letterhead(self, page: int, pages: int) -> float:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        tagline = self.rng.choice(("Stückgut · Teil- und Komplettladungen · Lagerlogistik",
                                   "Nationale und internationale Transporte", "Spedition · Logistik · Lagerung"))  # fmt: skip
        if page > 1:
            c.text(L, 44, s.name, 9, bold=True)
            c.text(R, 44, f"{self.title} {d.number} vom {self.p.date(d.date)} · Seite {page} von {pages}", 8,
                   align="right")  # fmt: skip
            c.line(L, 50, R, 50, width=0.6)
            return 70.0
        if self.letter == "band":
            c.box(0, 26, c.width, 66, fill=self.brand, stroke=None)
            c.fit_text(L, 50, s.name, 15, 330, bold=True, colour=WHITE)
            c.fit_text(L, 61, tagline, 7.5, 330, colour=WHITE)
        elif self.letter == "left":
            logo(c, "square", L, 30, 38, self.brand, initials(s.name))
            c.fit_text(L + 48, 48, s.name, 14, 300, bold=True)
            c.text(L + 48, 60, tagline, 7.5, colour=GREY)
        else:
            logo(c, "square", R - 38, 30, 38, self.brand, initials(s.name))
            c.fit_text(R - 46, 48, s.name, 14, 320, bold=True, align="right")
            c.text(R - 46, 60, tagline, 7.5, colour=GREY, align="right")
        self.address(120, 9.5)
        rows = [
            (self.rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            ("Rechnungsdatum", self.p.date(d.date)),
            (self.rng.choice(("Kunden-Nr.", "Kundennummer", "Debitor")), d.customer_no),
            ("Seite", f"1 von {pages}"),
        ]
        label_rows(c, rows, 350, R, 128, 8.5, 13, value_align="right", label_colour=GREY)
        c.text(L, 232, self.title, 14, bold=True)
        period = f"{self.p.date(self.start)} - {self.p.date(self.end)}"
        c.text(L, 247, f"{self.rng.choice(('Leistungszeitraum', 'Leistungszeitraum:'))} {period}", 9)
        text = self.rng.choice(("Für die im Leistungszeitraum durchgeführten Transporte berechnen wir Ihnen:",
                                "Sehr geehrte Damen und Herren, wir berechnen Ihnen folgende Sendungen:"))  # fmt: skip
        c.text(L, 262, text, 9)
        return 272.0

    def place(self, place: tuple[str, str]) -> str:
        plz, city = place
        return {"plz": plz, "de_plz": f"D-{plz}", "plz_city": f"{plz} {city}"}[self.place_style]

    def table_head(self, y: float) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=BLACK if self.grid else None, width=0.5)
        cells(c, self.cols, y + 11, {col.key: col.head for col in self.cols}, self.size, bold=True)
        return y + 16

    def row(self, y: float, n: int, s: Shipment) -> float:
        p = self.p
        values = {"pos": str(n), "no": s.number, "date": f"{s.day:%d.%m.%y}", "from": self.place(s.origin),
                  "to": self.place(s.destination), "consignee": s.consignee, "pallets": str(s.pallets),
                  "weight": f"{s.weight:,}".replace(",", "."), "ldm": p.number(s.metres)[:-1],
                  "freight": p.number(s.freight)}  # fmt: skip
        cells(self.c, self.cols, y + 9.5, values, self.size)
        if self.detail:
            keys = {col.key for col in self.cols}
            note = f"Ref. {s.reference}" + (
                "" if "consignee" in keys else f" · Empfänger: {s.consignee}, {s.destination[1]}"
            )
            first = next(col for col in self.cols if col.key == "no")
            self.c.fit_text(first.anchor, y + 19.5, note, 7.5, self.RIGHT - first.anchor - 80, colour=GREY)
        y += self.step
        if not self.grid:
            self.c.line(self.LEFT, y, self.RIGHT, y, width=0.25, colour=RULE)
        return y

    def carry_line(self, y: float, running: Decimal, label: str) -> float:
        c, total = self.c, self.cols[-1]
        c.text(total.x0 - 6, y + 11, label, self.size, bold=True, align="right")
        c.text(total.anchor, y + 11, self.p.number(running), self.size, bold=True, align="right")
        return y + 16

    def plan(self, shipments: list[Shipment], closing: float) -> list[list[int]]:
        bottom = self.FOOT - 30
        pages: list[list[int]] = [[]]
        y = 272.0 + 16
        for i in range(len(shipments)):
            if y + self.step > bottom:
                pages.append([])
                y = 70.0 + 16 + 16
            pages[-1].append(i)
            y += self.step
        if y + closing > bottom:
            pages.append([])
        return pages

    def totals(
        self, y: float, freight: Decimal, charges: list[tuple[str, LineItem]], vat_lines: list[VatLine]
    ) -> float:
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        x = R - 330
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        taxed = next(v for v in vat_lines if v.rate == 19)
        rows: list[tuple[str, Decimal, bool]] = [
            (rng.choice(("Summe Frachten", "Frachtsumme", "Summe Frachtkosten")), freight, True)
        ]
        rows += [(label, item.total, False) for label, item in charges]
        y += 6
        for label, value, bold in rows:
            y += 13
            c.fit_text(x, y, label, 8.5, 255, bold=bold)
            c.text(R, y, p.number(value), 8.5, bold=bold, align="right")
        c.line(x, y + 5, R, y + 5, width=0.5)
        final: list[tuple[str, Decimal, bool]] = [
            (rng.choice(("Nettobetrag", "Summe netto", "Gesamt netto")), net, False)
        ]
        if len(vat_lines) > 1 and rng.random() < 0.6:
            final.append(("davon umsatzsteuerfrei", net - taxed.base, False))
        final.append(
            (f"zzgl. 19 % USt auf {p.number(taxed.base)}" if rng.random() < 0.5 else "USt 19 %", vat, False)
        )
        final.append((rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Endbetrag")), net + vat, True))
        y += 4
        for label, value, bold in final:
            y += 14
            if bold:
                c.box(x - 4, y - 11, R + 4, y + 5, fill=LIGHT, stroke=None)
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        return y + 8

    def closing(self, y: float, insured: bool) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        terms = rng.choice(("Zahlbar innerhalb 30 Tagen ohne Abzug.", "Zahlbar innerhalb 30 Tagen netto.",
                            f"Zahlbar innerhalb 30 Tagen ohne Abzug bis zum {p.date(d.due_date)}."))  # fmt: skip
        texts = (
            ["* Versicherungsleistungen sind nach § 4 Nr. 10 UStG von der Umsatzsteuer befreit."]
            if insured
            else []
        )
        texts += [terms + " Bitte geben Sie bei Zahlung die Rechnungsnummer an.",
                 "Wir arbeiten ausschließlich auf Grundlage der Allgemeinen Deutschen Spediteurbedingungen 2017 "
                 "(ADSp 2017)."]  # fmt: skip
        for text in texts:
            y = c.paragraph(L, y + 3, text, R - L, 8.5)
        return y

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        cols = (
            [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
            [f"Geschäftsführer: {d.ceo}", f"Amtsgericht {s.city}", d.register, d.email],
            self.tax_ids("USt-IdNr.", "St.-Nr."),
            [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
        )
        footer_columns(self.c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        shipments = self.shipments()
        freight = sum((s.freight for s in shipments), Decimal(0))
        charges = self.charges(shipments)
        items = [LineItem(s.number, "", Decimal(1), "", s.freight, 19) for s in shipments] + [
            i for _, i in charges
        ]
        vat_lines = vat_breakdown(items)
        closing = 6 + 13 * (len(charges) + 1) + 4 + 14 * 4 + 8 + 72
        plan = self.plan(shipments, closing)
        running = Decimal(0)
        for page, indices in enumerate(plan, 1):
            if page > 1:
                self.c = self.new_page()
            y = self.letterhead(page, len(plan))
            if page > 1 and self.carry and running:
                y = self.carry_line(y, running, "Übertrag")
            top = y
            if indices:
                y = self.table_head(y)
            for i in indices:
                y = self.row(y, i + 1, shipments[i])
                running += shipments[i].freight
            if self.grid and indices:
                self.c.box(self.LEFT, top, self.RIGHT, y, width=0.5)
                grid_lines(self.c, self.cols, top, y)
            if page < len(plan):
                if self.carry:
                    self.carry_line(y, running, "Übertrag")
                self.c.text(self.RIGHT, self.FOOT - 10, "Fortsetzung auf der nächsten Seite", 7.5, align="right",
                            colour=GREY)  # fmt: skip
            else:
                y = self.closing(self.totals(y, freight, charges, vat_lines) + 6, len(vat_lines) > 1)
                assert y < self.FOOT - 4, "spedition_fracht: page overflow"
            self.footer()
        return self.finish(items, self.title, pages=len(plan), customer_no=True)


# ---------------------------------------------------------------------------
# lizenz_ch

_VENDORS = ("Alpsoft AG", "Gipfelwerk Software AG", "Limmat Informatik GmbH", "Seeland Systems AG",
            "Bergkristall Software GmbH", "Rheinfall Data AG")  # fmt: skip
_CH_CUSTOMERS = ("Treuhand Meier & Partner AG", "Garage Huber AG", "Schreinerei Brunner GmbH", "Architekturbüro Keller GmbH",
                 "Zahnarztpraxis Dr. Frei", "Gemeindeverwaltung Wädenswil", "Bäckerei Sutter AG", "Spitex Zürichsee",
                 "Kellerei Gerber AG")  # fmt: skip
_CH_CONTACTS = (
    "z.H. Herr Beat Keller",
    "z.H. Frau Regula Widmer",
    "Buchhaltung",
    "z.H. Herr Urs Baumann",
    "",
)
_CH_PLACES = (("6300", "Zug"), ("8005", "Zürich"), ("3011", "Bern"), ("4051", "Basel"), ("6003", "Luzern"),
              ("9000", "St. Gallen"), ("8400", "Winterthur"), ("5400", "Baden"), ("8820", "Wädenswil"), ("6340", "Baar"),
              ("3600", "Thun"), ("8200", "Schaffhausen"))  # fmt: skip
_CH_STREETS = ("Bahnhofstrasse", "Industriestrasse", "Baarerstrasse", "Hardturmstrasse", "Zugerstrasse", "Seestrasse",
               "Dorfstrasse", "Technoparkstrasse", "Poststrasse", "Hauptstrasse", "Gewerbestrasse")  # fmt: skip
_CH_BANKS = ("00230", "00700", "09000", "80808", "00767", "00778", "00781", "06300")
_PRODUCTS = ("ProjectDesk", "KontoPilot", "TimeTrack Pro", "DocuVault", "LagerMeister", "CRM Matterhorn")
_EDITIONS = ("Business", "Enterprise", "Professional", "Standard")
_MODULES = ("Modul Zeiterfassung", "Modul Lohnbuchhaltung", "Schnittstelle SAP", "Mobile App", "Modul Reporting",
            "Archivierung GeBüV")  # fmt: skip
CH_RATE = Decimal("8.1")


def ch_address(rng: random.Random, names: Sequence[str], contact: str = "") -> Address:
    plz, city = rng.choice(_CH_PLACES)
    street = f"{rng.choice(_CH_STREETS)} {rng.randint(1, 180)}"
    party = Party(rng.choice(names), street, plz, city, "CH", contact)
    return Address(party, tuple(line for line in (contact, street, f"{plz} {city}") if line))


def ch_uid(rng: random.Random) -> str:
    """A Swiss company's UID, compact: CHE and nine digits, the last a check digit."""
    while True:
        digits = _digits(rng, 8)
        number = f"CHE{digits}{uid.calc_check_digit(digits)}"
        if uid.is_valid(number):
            return number


def rf_reference(rng: random.Random) -> str:
    """An ISO 11649 creditor reference (RF, two check digits, up to 21 characters), in groups of four."""
    body = str(rng.randint(10**7, 10**12))
    return iso11649.format(f"RF{mod_97_10.calc_check_digits(body + 'RF')}{body}")


@dataclass(frozen=True)
class SwissPrinter(WorldPrinter):
    """Swiss amounts: apostrophes between thousands, a point before the cents (CHF 1'234.50)."""

    def number(self, value: Decimal) -> str:
        return super().number(value).replace(",", "'")


def qr_amount(value: Decimal) -> str:
    """An amount as the Swiss QR-bill prints it: spaces between thousands, a point before the cents."""
    return f"{value:,.2f}".replace(",", " ")


class LizenzCh(TripSheet):
    """A Swiss software vendor's annual licence invoice in CHF, with a QR-bill on most seeds."""

    FONTS = ("liberation-sans", "helvetica", "dejavu-sans")
    NUMBERS = ("en",)
    CURRENCY = ("code_before",)
    DATES = ("dotted",)
    IDS = "vat"
    GROUPED = 0.0  # the bank line prints the IBAN compact; the QR-bill in groups of four
    QR_TOP = A4.height - 105 * MM

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        vendor = ch_address(rng, _VENDORS)
        customer = ch_address(rng, _CH_CUSTOMERS, rng.choice(_CH_CONTACTS))
        while customer.party.city == vendor.party.city and customer.party.street == vendor.party.street:
            customer = ch_address(rng, _CH_CUSTOMERS)
        day = dt.date(2024, 1, 8) + dt.timedelta(days=rng.randint(0, 3 * 365 - 20))
        self.domain = _domain(vendor.party.name, "ch")
        number = rng.choice((f"RE-{day.year}-{rng.randint(1, 9999):05d}", f"R{day.year % 100}{rng.randint(1000, 9999)}",
                             f"{day.year}-{rng.randint(1000, 9999)}", f"F-{rng.randint(10000, 99999)}"))  # fmt: skip
        self.terms = rng.choice((10, 20, 30, 30, 30))
        order_no = f"PO-{rng.randint(10000, 99999)}" if rng.random() < 0.4 else ""
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=self.terms),
            customer_no=str(rng.randint(10000, 99999))
            if rng.random() < 0.8
            else f"K-{rng.randint(1000, 9999)}",
            order_no=order_no,
            supplier=vendor.party,
            customer=customer.party,
            phone=f"+41 {rng.choice((41, 44, 31, 61, 71, 52))} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=f"{rng.choice(('buchhaltung', 'billing', 'info'))}@{self.domain}",
            vat_id=ch_uid(rng),
            tax_no="",
            iban=iban_of(rng, "CH", _CH_BANKS, 12),
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        self.p = SwissPrinter("en", "code_before", "dotted", sign="CHF", code="CHF")
        self.vendor, self.customer = vendor, customer
        self.brand = rng.choice(MORE_BRANDS)
        self.window_right = rng.random() < 0.75
        self.qr_bill = rng.random() < 0.75
        self.with_bic = rng.random() < 0.65
        self.reference = rf_reference(rng) if rng.random() < 0.5 else ""
        self.rate_text = rng.choice(("MWST 8,1 %", "MWST 8,1 %", "MWST 8.1 %", "MWST 8.1%"))
        start = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1) if rng.random() < 0.7 else day
        self.start = start
        self.end = start.replace(year=start.year + 1) - dt.timedelta(days=1)
        self.ruled = rng.random() < 0.5

    @property
    def uid_printed(self) -> str:
        return f"{uid.format(self.data.vat_id)} MWST"

    def positions(self) -> list[tuple[LineItem, str]]:
        """(item, line under it) rows: licences, maintenance, modules, hosting, training, a discount."""
        rng, p = self.rng, self.p
        product, edition = rng.choice(_PRODUCTS), rng.choice(_EDITIONS)
        period = f"{p.date(self.start)} - {p.date(self.end)}"
        users = rng.choice((1, 3, 5, 10, 12, 15, 20, 25, 40, 50))
        per_user = Decimal(rng.choice((180, 240, 295, 360, 420, 480, 590)))
        rows: list[tuple[LineItem, str]] = []
        if users == 1 or rng.random() < 0.3:
            licence = LineItem(f"Jahreslizenz {product} {edition} (Server)", "", Decimal(1), "Jahr",
                               Decimal(rng.randint(12, 90) * 100), CH_RATE)  # fmt: skip
        else:
            licence = LineItem(
                f"Jahreslizenz {product} {edition}", "", Decimal(users), "Benutzer", per_user, CH_RATE
            )
        rows.append((licence, f"Lizenzperiode {period}"))
        if rng.random() < 0.75:
            share = rng.choice((15, 18, 20, 22))
            rows.append((LineItem(f"Wartung und Support ({share} % der Lizenzgebühr)", "", Decimal(1), "Jahr",
                                  round_cent(licence.total * share / 100), CH_RATE), f"Supportperiode {period}"))  # fmt: skip
        for module in rng.sample(_MODULES, rng.choice((0, 1, 1, 2))):
            qty = Decimal(users if licence.unit == "Benutzer" and rng.random() < 0.5 else 1)
            rows.append((LineItem(module, "", qty, "Benutzer" if qty > 1 else "Jahr",
                                  Decimal(rng.choice((45, 60, 90, 120, 250, 480, 900))), CH_RATE), ""))  # fmt: skip
        if rng.random() < 0.35:
            rows.append((LineItem("Hosting im Rechenzentrum Schweiz", "", Decimal(12), "Monate",
                                  Decimal(rng.choice((49, 89, 149, 290))), CH_RATE), "inkl. tägliche Datensicherung"))  # fmt: skip
        if rng.random() < 0.25:
            hours = Decimal(rng.choice((2, 4, 8)))
            rows.append((LineItem("Schulung (remote)", "", hours, "Std.", Decimal(rng.choice((160, 180, 195))), CH_RATE),
                         "nach Vereinbarung"))  # fmt: skip
        if rng.random() < 0.25:
            off = rng.choice((5, 10, 15))
            base = sum((item.total for item, _ in rows), Decimal(0))
            rows.append((LineItem(f"Rabatt Mehrjahresvertrag {off} %", "", Decimal(1), "", -round_cent(base * off / 100),
                                  CH_RATE), ""))  # fmt: skip
        return rows

    # -- the page

    def letterhead(self) -> float:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        s = self.vendor
        logo(
            c, self.rng.choice(("square", "circle", "diamond")), L, 34, 36, self.brand, initials(s.party.name)
        )
        c.fit_text(L + 46, 52, s.party.name, 15, 260, bold=True, colour=self.brand)
        c.text(L + 46, 64, self.rng.choice(("Software für KMU", "Business Software aus der Schweiz",
                                            "Softwarelösungen seit 1998")), 8, colour=GREY)  # fmt: skip
        for i, line in enumerate([*s.lines, d.phone, d.email, f"www.{self.domain}"]):
            c.text(R, 40 + 10 * i, line, 7.5, align="right", colour=GREY)
        return 100.0

    def addresses(self) -> float:
        c, L = self.c, self.LEFT
        x = 330.0 if self.window_right else L
        s = self.vendor.party
        c.fit_text(x, 128, f"{s.name}, {s.street}, {s.city_line}", 6.5, 210, colour=GREY)
        y = 145.0
        for line in self.customer.block:
            c.text(x, y, line, 10)
            y += 13
        return y

    def info(self, y: float) -> float:
        c, d, p, rng = self.c, self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnung Nr.", "Rechnungs-Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no),
        ]
        if d.order_no:
            rows.append((rng.choice(("Ihre Referenz", "Ihre Bestellung")), d.order_no))
        rows.append(("Zahlbar bis", p.date(d.due_date)))
        x = self.LEFT if self.window_right else 330.0
        top = 145.0 if not self.window_right else max(y, 205.0) + 10
        if self.window_right:
            width = (self.RIGHT - self.LEFT) / len(rows)
            for i, (label, value) in enumerate(rows):
                c.fit_text(self.LEFT + i * width, top, label, 7.5, width - 8, colour=GREY)
                c.fit_text(self.LEFT + i * width, top + 12, value, 9, width - 8, bold=i == 0)
            return top + 20
        return max(
            label_rows(c, rows, x, self.RIGHT, top, 8.5, 13, value_align="right", label_colour=GREY), y
        )

    def table(self, y: float, rows: list[tuple[LineItem, str]]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 28, "left"), ("desc", "Beschreibung", 0, "left"), ("qty", "Menge", 44, "right"),
            ("unit", "Einheit", 56, "left"), ("price", "Preis CHF", 66, "right"), ("total", "Betrag CHF", 72, "right"),
        ]  # fmt: skip
        cols = columns(spec, L, R)
        desc: Col = cols[1]
        if self.ruled:
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True)
            c.line(L, y + 16, R, y + 16, width=0.8)
        else:
            c.box(L, y, R, y + 16, fill=self.brand, stroke=None)
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True, colour=WHITE)
        y += 16
        for n, (item, note) in enumerate(rows, 1):
            y += 13
            cells(c, cols, y, {"pos": str(n), "desc": item.description, "qty": p.quantity(item.quantity),
                               "unit": item.unit, "price": p.number(item.unit_price), "total": p.number(item.total)}, 8.5)  # fmt: skip
            if note:
                y += 10.5
                c.fit_text(desc.anchor, y, note, 7.5, desc.width, colour=GREY)
            y += 4
            c.line(L, y, R, y, width=0.25, colour=RULE)
        return y

    def totals(self, y: float, vat: VatLine) -> float:
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        gross = vat.base + vat.amount
        on = f" auf {p.amount(vat.base)}" if rng.random() < 0.4 else ""
        rows = [(rng.choice(("Total exkl. MWST", "Zwischentotal", "Total netto")), vat.base, False),
                (f"{self.rate_text}{on}", vat.amount, False),
                (rng.choice(("Total inkl. MWST", "Rechnungsbetrag", "Total CHF")), gross, True)]  # fmt: skip
        x = R - 250
        for label, value, bold in rows:
            y += 14
            if bold:
                c.line(x, y - 10, R, y - 10, width=0.6)
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        c.line(x, y + 4, R, y + 4, width=0.6)
        return y + 6

    def payment(self, y: float) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        due = rng.choice(
            (f"Zahlbar bis {p.date(d.due_date)} netto.", f"Zahlbar innert {self.terms} Tagen netto.")
        )
        texts = [
            due + (" Bitte verwenden Sie für die Zahlung den QR-Einzahlungsschein." if self.qr_bill else "")
        ]
        bank = f"Bankverbindung: {bank_name(d.iban)}, IBAN {self.iban}"
        texts.append(bank + (f", BIC {d.iban.bic}" if self.with_bic else ""))
        self.tax["ust_id"] = ch_vat.compact(self.uid_printed)
        texts.append(f"{rng.choice(('MWST-Nr.', 'UID', 'Unternehmens-Nr.'))} {self.uid_printed}")
        for text in texts:
            y = c.paragraph(L, y + 3, text, R - L, 8.5)
        return y

    def footer(self) -> None:
        c, s, L, R = self.c, self.vendor.party, self.LEFT, self.RIGHT
        top = A4.height - 52
        c.line(L, top, R, top, width=0.4, colour=GREY)
        line = f"{s.name} · {s.street} · {s.city_line} · {self.data.email} · www.{self.domain} · {self.uid_printed}"
        c.fit_text(c.width / 2, top + 12, line, 7, R - L, align="center", colour=GREY)

    def bill(self, gross: Decimal) -> None:
        """The Swiss QR-bill: receipt (62 mm) and payment part, 105 mm high, at the foot of the page."""
        c, d = self.c, self.data
        top, left, split = self.QR_TOP, 5 * MM, 62 * MM
        c.text(c.width / 2, top - 4, "Vor der Einzahlung abzutrennen", 6.5, align="center", colour=GREY)
        c.line(0, top, c.width, top, width=0.4, dashed=True)
        c.line(split, top, split, A4.height, width=0.4, dashed=True)
        s, r = self.vendor.party, self.customer.party
        payee = [d.iban.formatted, s.name, s.street, s.city_line]
        payer = [r.name, r.street, r.city_line]

        def block(
            x: float, y: float, head: str, lines: Sequence[str], hs: float, vs: float, width: float
        ) -> float:
            c.text(x, y, head, hs, bold=True)
            y += vs + 1
            for line in lines:
                c.fit_text(x, y, line, vs, width, min_size=5.5)
                y += vs + 1
            return y + vs * 0.6

        # the receipt
        c.text(left, top + 5 * MM + 11, "Empfangsschein", 11, bold=True)
        y = block(left, top + 12 * MM + 6, "Konto / Zahlbar an", payee, 6, 8, split - 2 * left)
        if self.reference:
            y = block(left, y, "Referenz", [self.reference], 6, 8, split - 2 * left)
        block(left, y, "Zahlbar durch", payer, 6, 8, split - 2 * left)
        amounts = top + 68 * MM
        c.text(left, amounts, "Währung", 6, bold=True)
        c.text(left + 14 * MM, amounts, "Betrag", 6, bold=True)
        c.text(left, amounts + 10, "CHF", 8)
        c.text(left + 14 * MM, amounts + 10, qr_amount(gross), 8)
        c.text(split - left, amounts + 24 * MM - 8, "Annahmestelle", 6, bold=True, align="right")
        # the payment part
        x = split + left
        c.text(x, top + 5 * MM + 11, "Zahlteil", 11, bold=True)
        size = 46 * MM
        qr_top = top + 17 * MM
        qr_block(c, self.rng, x, qr_top, size, modules=37)
        mid, cross = x + size / 2, 7 * MM
        c.box(mid - cross / 2 - 1.5, qr_top + size / 2 - cross / 2 - 1.5, mid + cross / 2 + 1.5,
              qr_top + size / 2 + cross / 2 + 1.5, fill=WHITE, stroke=None)  # fmt: skip
        c.box(mid - cross / 2, qr_top + size / 2 - cross / 2, mid + cross / 2, qr_top + size / 2 + cross / 2,
              fill=BLACK, stroke=None)  # fmt: skip
        arm, bar = cross * 0.62, cross * 0.2
        cy = qr_top + size / 2
        c.box(mid - bar / 2, cy - arm / 2, mid + bar / 2, cy + arm / 2, fill=WHITE, stroke=None)
        c.box(mid - arm / 2, cy - bar / 2, mid + arm / 2, cy + bar / 2, fill=WHITE, stroke=None)
        c.text(x, amounts, "Währung", 8, bold=True)
        c.text(x + 14 * MM, amounts, "Betrag", 8, bold=True)
        c.text(x, amounts + 12, "CHF", 10)
        c.text(x + 14 * MM, amounts + 12, qr_amount(gross), 10)
        info_x = split + 56 * MM
        width = c.width - info_x - left
        y = block(info_x, top + 5 * MM + 8, "Konto / Zahlbar an", payee, 8, 10, width)
        if self.reference:
            y = block(info_x, y, "Referenz", [self.reference], 8, 10, width)
        more = f"Rechnung {d.number}" + (f", Kunden-Nr. {d.customer_no}" if self.rng.random() < 0.5 else "")
        y = block(info_x, y, "Zusätzliche Informationen", [more], 8, 10, width)
        block(info_x, y, "Zahlbar durch", payer, 8, 10, width)

    def draw(self) -> TripDrawing:
        c, d, L = self.c, self.data, self.LEFT
        rows = self.positions()
        if self.qr_bill:  # the QR-bill leaves room for five
            rows = rows[:4] + rows[-1:] if len(rows) > 5 else rows
        items = [item for item, _ in rows]
        (vat,) = vat_breakdown(items)
        gross = vat.base + vat.amount
        self.letterhead()
        y = self.addresses()
        y = self.info(y)
        year = self.start.year
        title = self.rng.choice((f"Rechnung {d.number}", "Rechnung", f"Lizenzrechnung {year}",
                                 f"Jahresrechnung {year}/{(year + 1) % 100:02d}"))  # fmt: skip
        y = max(y, 222.0) + 22
        c.text(L, y, title, 14, bold=True)
        y = self.table(y + 10, rows)
        y = self.payment(self.totals(y, vat) + 10)
        if self.qr_bill:
            self.bill(gross)
            assert y < self.QR_TOP - 12, "lizenz_ch: page overflow"
        else:
            self.footer()
            assert y < A4.height - 56, "lizenz_ch: page overflow"
        return self.finish(
            items,
            "Rechnung",
            customer_no=True,
            order_no=bool(d.order_no),
            currency="CHF",
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

TRIP_FAMILIES: dict[str, type[TripSheet]] = {
    "hotel_rechnung": HotelRechnung,
    "kassenbon": Kassenbon,
    "spedition_fracht": SpeditionFracht,
    "lizenz_ch": LizenzCh,
}


def draw_trip(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(TRIP_FAMILIES[name], name, seed)
