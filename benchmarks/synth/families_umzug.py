"""Two invoice layout families of a removal company moving an agency's office and of a waste disposal company
placing containers at an agency's renovation site, designed blind (session 18).

Like `families_getraenk`, they were written without reading the field extractor and without running it, so
that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_umzug(name, seed)`. Both draw on `ObjektLook` of `families_objekt` (the `RentalLook` / `DienstSheet`
letterheads, detail blocks, table heads, totals and paragraphs whose look varies per seed) and return a
`TripDrawing` (truth keys only for values printed).

- `umzug_buero`: a removal company's ("… Umzüge GmbH", "Möbelspedition … e.K.", a GmbH & Co. KG) invoice for
  moving an agency's office. Priced either at a fixed price ("Büroumzug zum Festpreis lt. Angebot Nr. … vom
  …", one line with what it includes as grey notes, extra work beyond the offer on some seeds) or by the
  hour (movers × hours × hourly rate, a foreman on some seeds, the 7,5 t truck per hour or per day, the
  kilometres × a rate per km; the working times as a note). Extras on some seeds: a furniture lift
  ("Möbellift" / "Außenaufzug", per hour or as a lump sum), disassembly and assembly of the furniture (per
  workstation, by the hour of two fitters, or a lump sum), packing material (Umzugskartons, Bücherkartons,
  Archivkartons × price, Packpapier, Luftpolsterfolie), disposal of old furniture by m³, a carrying or floor
  surcharge. The no-parking zone ("Halteverbotszone") at one or both addresses: the mover's service of
  applying for it and putting up the signs is charged at 19 %; the municipal fee for the permit is either
  included in that price ("inkl. behördlicher Gebühren") or passed on as a "durchlaufender Posten" without
  VAT, as the notary passes on court fees in `families_buero`: it counts as an item at 0 %, either listed
  under the 19 % total ("zzgl. verauslagte Gebühren (ohne USt.)", then the amount to pay and a summary by
  rate 19 % / 0 % / Gesamt) or in the table with its own "0 %" and a net over all with "19 % USt. auf …".
  The head: invoice number and date, customer number on most seeds, the moving day under a label
  ("Umzugstag", "Umzugsdatum", "Leistungsdatum", "Ausführung am") or two moving days, the offer's number on
  some seeds; the two addresses ("Auszugsadresse" / "Einzugsadresse", "Beladestelle" / "Entladestelle",
  "Von" / "Nach") with floor and lift, the volume (m³) and the distance (km); the truck ("Lkw 7,5 t mit
  Koffer und Ladebordwand"). The liability note under § 451e HGB (620,00 € je m³ Laderaum), a transport
  insurance to a sum on some seeds. On some seeds a deposit ("Anzahlung", received in cash on the moving day,
  by transfer, or invoiced) deducted after the total down to a "Restbetrag"; Skonto on some. Truth: the
  usual keys; `kundennummer` where printed; `leistungsdatum` the moving day where a single one is printed
  under its label; `bic` where printed. With the municipal fee passed on, `betrag_netto` = the items at 19 %
  plus the fee (the printed net over all, or the "Gesamt" row of the summary), `mwst` = 19 % of the taxed
  part, `betrag_brutto` = the amount of the invoice. With a deposit, netto, mwst and brutto are the whole
  invoice's ("Gesamtbetrag" before the deduction, as in `bueromoebel_lieferung`), not the rest to pay.
- `container_entsorgung`: a waste disposal company's ("Containerdienst", "Entsorgungsfachbetrieb"; a GmbH, a
  GmbH & Co. KG or an e.K.) invoice for containers at an agency's renovation site ("BV Umbau …", the
  "Baustelle" with its address): per container (an "Absetzcontainer" or "Abrollcontainer" of 5 to 36 m³, its
  number) the placement and pick-up ("Stellung" / "Abholung", as one line or two, on some seeds an exchange
  "Containerwechsel" with a second weighing), the rent per day beyond the free days ("Standmiete ab dem 8.
  Tag", days × daily rate), the disposal by weight (tonnes with three decimals × price per tonne, "2,340 t ×
  189,00 €/t") of the waste type with its AVV code ("Bau- und Abbruchabfälle, gemischt, AVV 17 09 04"),
  with the weighbridge ticket ("Wiegeschein-Nr. 123456 vom …", on some seeds with the gross and tare weights),
  a toll or transport surcharge (per trip, per container, or a percentage of the transport charges).
  Several containers at different sites on some seeds (grouped by site with subtotals, or one table whose
  lines name their container); a date column on some seeds. On some seeds the municipal fee for placing a
  container on the street ("Sondernutzungserlaubnis") passed on without VAT, as in `umzug_buero`. Head:
  invoice number and date, customer number, the company's own order number ("Auftrags-Nr.") on some seeds and
  the customer's order number ("Ihre Bestell-Nr.") on others, the service period. Notes: the disposal
  facility, the Entsorgungsfachbetrieb certificate, the carrier number (Beförderernummer), Skonto on some
  seeds. Truth: the usual keys; `kundennummer` where printed; `bestellnummer` the customer's order number
  where printed under such a label (never the company's Auftrags-Nr., the tickets' or the containers'
  numbers); no `leistungsdatum` (periods); `bic` where printed; the passed-on fee counts as above.

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
from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_more import columns, draw_sheet, footer_columns
from benchmarks.synth.families_objekt import ObjektLook, calm, fax_of
from benchmarks.synth.families_recht import rate_summary
from benchmarks.synth.families_trip import TripDrawing, TripSheet
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
    "Agentur Feuerwerk Kommunikation GmbH",
    "Brandhaus Digital GmbH",
    "Seitenwechsel Werbeagentur GmbH",
    "Studio Klarsicht GmbH",
    "Wortwerk Content & PR GmbH",
    "Pixelpark Nord GmbH & Co. KG",
    "Konzeptlabor Berger GmbH",
    "Agentur Hellmann & Roth",
)
_STREETS = (
    "Hafenstraße",
    "Lindenallee",
    "Am Güterbahnhof",
    "Gewerbering",
    "Kaiserstraße",
    "Alte Spinnerei",
    "Bahnhofsplatz",
    "Ludwigstraße",
    "Am Mühlenteich",
    "Schillerstraße",
)


def slug(name: str) -> str:
    """The first word of a company's name as a domain part: "Umzüge" -> "umzuege"."""
    word = name.split()[0].lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ı", "i"), ("-", "")):
        word = word.replace(a, b)
    return word


def other_street(rng: random.Random, avoid: str) -> str:
    """A street and number of the same city, other than `avoid`."""
    street = rng.choice([s for s in _STREETS if not avoid.startswith(s)])
    return f"{street} {rng.randint(1, 120)}"


def data_for(
    rng: random.Random,
    data: InvoiceData,
    name: str,
    register: str,
    day: dt.date,
    number: str,
    email: str,
    *,
    customer_no: str,
    order_no: str = "",
    service_date: dt.date | None = None,
) -> InvoiceData:
    """The invoice's data with this module's seller, agency, number, dates and identifiers."""
    return dataclasses.replace(
        data,
        number=number,
        date=day,
        service_date=service_date,
        due_date=day + dt.timedelta(days=rng.choice((7, 10, 14, 14, 30))),
        customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
        supplier=dataclasses.replace(data.supplier, name=name),
        customer_no=customer_no,
        order_no=order_no,
        tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
        email=email,
        register=register,
    )


def tonnes(value: Decimal) -> str:
    """A weight in tonnes with three decimals: 2,340."""
    return f"{value:.3f}".replace(".", ",")


@dataclass(frozen=True)
class Line:
    """A table line: its item, grey notes, the group it belongs to, the date printed in a date column."""

    item: LineItem
    notes: tuple[str, ...] = ()
    group: int = 0
    day: dt.date | None = None


class RemovalLook(ObjektLook):
    """What both families share: a seller that may be an e.K., costs passed on without VAT, the footer."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    IDS = "vat"

    def setup(self, owner: str) -> None:
        """The look and the choices both families make the same way (after `super().__init__`)."""
        rng = self.rng
        self.owner = owner  # an e.K.'s owner, a KG's general partner, else ""
        self.ek = self.data.supplier.name.endswith("e.K.")
        self.look()
        self.ids = (
            rng.choice(("vat", "both", "stnr")) if self.ek else ("both" if rng.random() < 0.3 else "vat")
        )
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short", "de_long")),
        )
        self.passing = rng.choice(("after", "after", "before"))
        self.vat_column = rng.random() < 0.5
        self.skonto = rng.random() < 0.3
        self.with_bic = rng.random() < 0.8
        self.fax = rng.random() < 0.5

    def amount_text(self, value: Decimal) -> str:
        """A price inside a text: always with its currency."""
        text = self.p.number(value)
        return f"{text} €" if self.p.currency != "code_after" else f"{text} EUR"

    # -- the totals

    def total_rows(self, lines: list[VatLine]) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        taxed = next(v for v in lines if v.rate == 19)
        passed = sum((v.base for v in lines if v.rate == 0), Decimal(0))
        gross = rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Bruttobetrag", "Summe brutto"))
        if self.p.currency == "none":
            gross += " EUR"
        vat = rng.choice(("zzgl. 19 % MwSt.", "19 % MwSt.", "Umsatzsteuer 19 %", "USt 19 %"))
        if passed and self.passing == "before":
            return [
                (rng.choice(("Summe netto", "Nettobetrag gesamt")), taxed.base + passed, False),
                (f"19 % USt. auf {self.p.number(taxed.base)}", taxed.amount, False),
                (gross, taxed.base + passed + taxed.amount, True),
            ]
        rows = [
            (rng.choice(("Nettobetrag", "Summe netto", "Gesamt netto")), taxed.base, False),
            (vat, taxed.amount, False),
        ]
        if passed:
            rows.append(("Zwischensumme brutto", taxed.base + taxed.amount, False))
            rows.append(("zzgl. verauslagte Gebühren (ohne USt.)", passed, False))
        rows.append((gross, taxed.base + passed + taxed.amount, True))
        return rows

    def all_totals(self, y: float, lines: list[VatLine]) -> float:
        """The totals, and under them a summary by rate where fees were passed on after the VAT."""
        rows = self.total_rows(lines)
        if self.total_style == "strip" and len(rows) > 4:
            self.total_style = "block"
        y = self.totals(y, rows)
        if len(lines) > 1 and self.passing == "after":
            if y + 70 > self.limit:
                y = self.next_page()
            heads = ("Aufteilung", "Netto", "USt.", "Brutto")
            names = {19: "steuerpflichtig 19 %", 0: "durchlaufende Posten 0 %"}
            y = rate_summary(
                self.c, self.p, lines, heads, names, "Gesamt", self.RIGHT - 330, self.RIGHT, y, 8
            )
            y += 6
        return y

    def passed_texts(self, items: Sequence[LineItem]) -> list[tuple[str, bool]]:
        """Where fees passed on stand only under the totals: what they were."""
        passed = [item for item in items if item.rate == 0]
        if not passed or self.passing != "after":
            return []
        what = "; ".join(
            f"{item.description}, {quantity(item.quantity, self.p)} × {self.amount_text(item.unit_price)}"
            for item in passed
        )
        return [(f"Verauslagte Gebühren ohne Umsatzsteuer (durchlaufende Posten): {what}.", False)]

    def skonto_text(self, due: Decimal) -> str:
        d, p, rng = self.data, self.p, self.rng
        until = d.date + dt.timedelta(days=rng.choice((7, 8, 10)))
        cut = round_cent(due * Decimal("0.02"))
        return (
            f"Bei Zahlung bis zum {p.date(until)} gewähren wir 2 % Skonto ({p.amount(cut)}), danach zahlbar "
            f"bis zum {p.date(d.due_date)} ohne Abzug."
        )

    def pay_text(self, due: Decimal) -> str:
        d, p, rng = self.data, self.p, self.rng
        if self.skonto:
            return self.skonto_text(due)
        days = (d.due_date - d.date).days
        return rng.choice(
            (
                f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                f"Bitte überweisen Sie {p.amount(due)} bis zum {p.date(d.due_date)} unter Angabe der "
                f"Rechnungsnummer {d.number}.",
                f"Zahlungsziel: {p.date(d.due_date)}, netto ohne Abzug.",
            )
        )

    # -- the footer

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        if self.ek:
            legal = [f"Inhaber: {self.owner}", f"Amtsgericht {s.city} {d.register}"]
        else:
            legal = [f"Amtsgericht {s.city} {d.register}"]
            if self.owner:
                legal.append(f"phG: {self.owner}")
            legal.append(f"Geschäftsführer: {d.ceo}")
        legal += self.tax_ids("USt-IdNr.", "St.-Nr.")
        contact = [s.name, s.street, s.city_line, f"Tel. {d.phone}"]
        if self.fax:
            contact.append(f"Fax {fax_of(d.phone)}")
        contact.append(d.email)
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        footer_columns(c, [contact, legal, bank], self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 26, "left")]
        if dated:
            spec.append(("day", "Datum", 50, "left"))
        spec += [
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Beschreibung")), 0, "left"),
            ("qty", rng.choice(("Menge", "Anzahl")), 44, "right"),
            ("unit", rng.choice(("Einheit", "ME")), 38, "left"),
            ("price", rng.choice(("Einzelpreis", "EP", "Preis")), 62, "right"),
        ]
        if self.vat_column:
            spec.append(("vat", "USt.", 30, "right"))
        spec.append(("total", rng.choice(("Gesamt", "Betrag", "Gesamtpreis")), 66, "right"))
        return spec

    def qty_text(self, item: LineItem) -> str:
        if item.unit == "t":
            return tonnes(item.quantity)
        return quantity(item.quantity, self.p)

    def row(self, n: int, line: Line) -> Row:
        p, item = self.p, line.item
        values = {
            "pos": str(n),
            "day": f"{line.day:%d.%m.%y}" if line.day else "",  # short in the narrow column
            "desc": item.description,
            "qty": self.qty_text(item),
            "unit": item.unit,
            "price": p.number(item.unit_price),
            "vat": f"{item.rate} %",
            "total": p.number(item.total),
        }
        return Row("item", values, item, line.notes)


# ---------------------------------------------------------------------------
# umzug_buero

# Removal companies: (name, an e.K.'s owner or a KG's general partner).
_MOVERS = (
    ("Hansa Umzüge GmbH", ""),
    ("Möbelspedition Kruse e.K.", "Jens Kruse"),
    ("Umzüge Petersen GmbH & Co. KG", "Petersen Verwaltungs-GmbH"),
    ("Blitzblank Umzüge GmbH", ""),
    ("Schmidt & Söhne Umzugslogistik GmbH", ""),
    ("Umzugsservice Yıldırım e.K.", "Mehmet Yıldırım"),
    ("Rhein-Ruhr Firmenumzüge GmbH", ""),
    ("Spedition Wendt Umzüge GmbH & Co. KG", "Wendt Beteiligungs GmbH"),
)
_TAGLINES = (
    "Privat- und Firmenumzüge · Möbellift · Einlagerung",
    "Ihr Partner für Büro- und Firmenumzüge",
    "Umzüge · Montagen · Haushaltsauflösungen",
    "Mitglied im Bundesverband Möbelspedition und Logistik (AMÖ)",
)
_FLOORS = ("EG", "1. OG", "2. OG", "3. OG", "4. OG", "5. OG", "Souterrain")
_ADDRESS_LABELS = (
    ("Auszugsadresse", "Einzugsadresse"),
    ("Beladestelle", "Entladestelle"),
    ("Von", "Nach"),
    ("Auszug", "Einzug"),
)
_DAY_LABELS = ("Umzugstag", "Umzugsdatum", "Leistungsdatum", "Ausführung am")
_BOXES = (
    ("Umzugskartons (Kauf)", "1.90", "2.90"),
    ("Bücherkartons (Kauf)", "1.50", "2.20"),
    ("Archivkartons", "2.40", "3.60"),
    ("Kleiderboxen (Miete)", "6.00", "9.50"),
)


class UmzugBuero(RemovalLook):
    """A removal company's invoice for an office move: fixed price or hours, lift, no-parking zone, boxes."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner = rng.choice(_MOVERS)
        self.moved = calm(data.date)
        self.two_days = rng.random() < 0.2
        self.first_day = self.moved - dt.timedelta(days=1 if self.two_days else 0)
        day = self.moved + dt.timedelta(days=rng.choice((0, 1, 2, 3, 5, 7, 10)))
        self.offered = self.first_day - dt.timedelta(days=rng.randint(10, 45))
        n = rng.randint(1, 99999)
        number = rng.choice(
            (f"RE-{day.year}-{n:05d}", f"{day.year % 100}{n:05d}", f"U{n:06d}", f"{day.year}/{n % 10000:04d}")
        )
        word = slug(name)
        ek = name.endswith("e.K.")
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if "KG" in name or ek else f"HRB {rng.randint(1000, 99999)}",
            day,
            number,
            f"{rng.choice(('info', 'buero', 'rechnung', 'dispo'))}@{word}-umzuege.de",
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"K-{rng.randint(1000, 9999)}"))
            if rng.random() < 0.7
            else "",
            service_date=None if self.two_days else self.moved,
        )
        super().__init__(rng, data)
        self.setup(owner)
        self.fixed = rng.random() < 0.5
        self.offer = rng.choice(
            (
                f"A-{self.offered.year % 100}-{rng.randint(1, 999):04d}",
                f"{rng.randint(2000, 9999)}",
                f"ANG{n:05d}",
            )
        )
        self.labels = rng.choice(_ADDRESS_LABELS)
        self.day_label = rng.choice(_DAY_LABELS)
        self.movers = rng.choice((3, 3, 4, 4, 5, 6))
        self.hours = Decimal(rng.randint(10, 20)) / 2
        self.km = rng.randint(4, 45)
        self.volume = rng.randint(18, 85)
        self.zones = rng.choice((0, 1, 2, 2, 2))
        self.fee_passed = rng.random() < 0.7
        self.deposit = rng.random() < 0.35
        self.deposit_as = rng.choice(("cash", "transfer", "invoice"))
        self.insured = rng.random() < 0.4
        self.floors = rng.sample(_FLOORS, 2)
        r = data.customer
        self.from_street = other_street(rng, r.street)

    # -- the lines

    def team_lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        rate = price_between(rng, 34, 49, "0.50")
        start = rng.choice(("07:00", "07:30", "08:00"))
        note = f"Einsatz am {p.date(self.moved)} ab {start} Uhr, {quantity(self.hours, p)} Std. je Person"
        out = []
        if rng.random() < 0.5:
            text = f"Umzugsteam: {self.movers} Möbelpacker × {quantity(self.hours, p)} Std."
            out.append(Line(LineItem(text, "", self.movers * self.hours, "Std.", rate, 19), (note,)))
        else:
            helpers = self.movers - 1
            text = f"Möbelpacker ({helpers} Personen)"
            out.append(Line(LineItem(text, "", helpers * self.hours, "Std.", rate, 19), (note,)))
            lead = rate + price_between(rng, 5, 12, "0.50")
            out.append(Line(LineItem("Vorarbeiter / Teamleitung", "", self.hours, "Std.", lead, 19)))
        truck = "Lkw 7,5 t mit Koffer und Ladebordwand"
        if rng.random() < 0.6:
            out.append(Line(LineItem(truck, "", self.hours, "Std.", price_between(rng, 25, 45, "0.50"), 19)))
        else:
            out.append(
                Line(
                    LineItem(
                        f"{truck}, Tagespauschale",
                        "",
                        Decimal(1),
                        "Tag",
                        price_between(rng, 159, 289, "1"),
                        19,
                    )
                )
            )
        km = rng.choice(("0.95", "1.10", "1.20", "1.45"))
        out.append(
            Line(
                LineItem("Fahrtkosten (An- und Abfahrt)", "", Decimal(self.km * 2), "km", Decimal(km), 19),
                (f"{self.km} km je Strecke ab Betriebshof",),
            )
        )
        return out

    def fixed_lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        price = price_between(rng, 1400, 5800, "10")
        text = rng.choice(
            (
                f"Büroumzug zum Festpreis lt. Angebot Nr. {self.offer} vom {p.date(self.offered)}",
                f"Festpreis Firmenumzug gemäß unserem Angebot {self.offer} vom {p.date(self.offered)}",
            )
        )
        notes = (
            f"inkl. {self.movers} Möbelpacker, Lkw 7,5 t, Be- und Entladen, Transport ({self.km} km)",
            f"Umzugsgut ca. {self.volume} m³",
        )
        out = [Line(LineItem(text, "", Decimal(1), "pausch.", price, 19), notes)]
        if rng.random() < 0.4:
            extra = Decimal(rng.randint(2, 8))
            rate = price_between(rng, 36, 48, "0.50")
            out.append(
                Line(
                    LineItem(
                        "Mehraufwand lt. Arbeitsnachweis (nicht im Angebot enthalten)",
                        "",
                        extra,
                        "Std.",
                        rate,
                        19,
                    ),
                    (f"Arbeitsnachweis vom {p.date(self.moved)}, gegengezeichnet",),
                )
            )
        return out

    def lift_lines(self) -> list[Line]:
        rng = self.rng
        if rng.random() < 0.4:
            return []
        text = rng.choice(("Möbellift inkl. Bedienung", "Außenaufzug / Möbellift mit Bediener"))
        if rng.random() < 0.5:
            hours = Decimal(rng.randint(2, 6))
            return [Line(LineItem(text, "", hours, "Std.", price_between(rng, 65, 110, "5"), 19))]
        return [Line(LineItem(text, "", Decimal(1), "pausch.", price_between(rng, 180, 420, "10"), 19))]

    def zone_lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        if not self.zones:
            return []
        city = self.data.customer.city
        where = "Aus- und Einzug" if self.zones == 2 else rng.choice(("Auszug", "Einzug"))
        days = rng.choice((3, 4, 5))
        note = f"{where}, je 15 m, Aufstellung {days} Tage vor dem Umzugstag, mit Protokoll"
        if not self.fee_passed:
            text = "Halteverbotszone inkl. behördlicher Genehmigung und Gebühren"
            price = price_between(rng, 129, 219, "1")
            return [Line(LineItem(text, "", Decimal(self.zones), "Stk.", price, 19), (note,))]
        service = price_between(rng, 69, 149, "1")
        fee = Decimal(rng.choice(("25.00", "30.50", "35.00", "38.50", "42.00", "56.00", "71.50")))
        ref = f"{rng.randint(30, 69)}/{rng.randint(100, 999)}-{self.moved.year}"
        out = [
            Line(
                LineItem(
                    "Einrichtung Halteverbotszone (Antrag, Beschilderung)",
                    "",
                    Decimal(self.zones),
                    "Stk.",
                    service,
                    19,
                ),
                (note,),
            ),
            Line(
                LineItem(
                    f"Verwaltungsgebühr Straßenverkehrsbehörde {city}",
                    "",
                    Decimal(self.zones),
                    "Stk.",
                    fee,
                    0,
                ),
                (
                    f"verauslagt, durchlaufender Posten ohne USt., Bescheid Az. {ref} ({p.date(self.offered)})",
                ),
            ),
        ]
        return out

    def extra_lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        out = []
        if rng.random() < 0.6:
            mode = rng.choice(("places", "hours", "lump"))
            text = "Demontage und Montage der Büromöbel"
            if mode == "places":
                places = rng.randint(6, 24)
                item = LineItem(
                    f"{text} je Arbeitsplatz", "", Decimal(places), "AP", price_between(rng, 18, 45, "1"), 19
                )
                out.append(Line(item, (f"{places} Arbeitsplätze (Schreibtisch, Rollcontainer, Monitorarm)",)))
            elif mode == "hours":
                each = Decimal(rng.randint(4, 12)) / 2
                item = LineItem(text, "", each * 2, "Std.", price_between(rng, 42, 58, "0.50"), 19)
                out.append(Line(item, (f"2 Monteure × {quantity(each, p)} Std.",)))
            else:
                item = LineItem(
                    f"{text} (pauschal)", "", Decimal(1), "pausch.", price_between(rng, 240, 890, "10"), 19
                )
                out.append(Line(item))
        if rng.random() < 0.8:
            for text, lo, hi in rng.sample(_BOXES, rng.choice((1, 1, 2))):
                count = rng.choice((20, 30, 40, 50, 60, 80, 100, 120))
                out.append(
                    Line(
                        LineItem(
                            text,
                            "",
                            Decimal(count),
                            "Stk.",
                            price_between(rng, float(lo), float(hi), "0.10"),
                            19,
                        )
                    )
                )
            if rng.random() < 0.5:
                text = rng.choice(
                    ("Packpapier und Luftpolsterfolie", "Verpackungsmaterial (Folie, Klebeband)")
                )
                out.append(
                    Line(LineItem(text, "", Decimal(1), "pausch.", price_between(rng, 19, 69, "1"), 19))
                )
        if rng.random() < 0.25:
            m3 = Decimal(rng.randint(2, 10))
            out.append(
                Line(LineItem("Entsorgung Altmöbel", "", m3, "m³", price_between(rng, 45, 80, "1"), 19))
            )
        if rng.random() < 0.2:
            text = rng.choice(
                ("Trageweg über 20 m (Zuschlag)", f"Etagenzuschlag {self.floors[0]} ohne Aufzug")
            )
            out.append(Line(LineItem(text, "", Decimal(1), "pausch.", price_between(rng, 40, 140, "5"), 19)))
        return out

    # -- the page

    def day_text(self) -> str:
        p = self.p
        if self.two_days:
            return f"{p.date(self.first_day)} und {p.date(self.moved)}"
        return p.date(self.moved)

    def head_rows(self) -> list[tuple[str, str]]:
        d, rng = self.data, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), self.p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Ihre Kd.-Nr.")), d.customer_no))
        rows.append(("Umzugstage" if self.two_days else self.day_label, self.day_text()))
        if self.fixed and rng.random() < 0.5:
            rows.append(("Angebot Nr.", self.offer))
        return rows

    def subject(self, y: float) -> float:
        c, d, rng, L = self.c, self.data, self.rng, self.LEFT
        r = d.customer
        lift = rng.choice(("mit Aufzug", "ohne Aufzug", "Lastenaufzug vorhanden"))
        head = rng.choice(("Büroumzug", "Firmenumzug", "Umzug Ihrer Geschäftsräume"))
        lines = [
            (f"{head} am {self.day_text()}", True),
            (f"{self.labels[0]}: {self.from_street}, {r.city_line} ({self.floors[0]}, {lift})", False),
            (f"{self.labels[1]}: {r.street}, {r.city_line} ({self.floors[1]})", False),
        ]
        if rng.random() < 0.6:
            lines.append(
                (f"Fahrzeug: Lkw 7,5 t · Umzugsvolumen ca. {self.volume} m³ · Entfernung {self.km} km", False)
            )
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def deduction(self, y: float, gross: Decimal) -> tuple[float, Decimal]:
        """The deposit deducted under the totals; returns the baseline after it and the rest to pay."""
        p, rng = self.p, self.rng
        paid = max(Decimal(200), round_cent(gross * Decimal(rng.choice(("0.2", "0.3", "0.5"))) // 50 * 50))
        when = self.first_day - dt.timedelta(days=rng.randint(3, 14))
        label = {
            "cash": f"abzgl. Anzahlung (bar erhalten am {p.date(self.first_day)})",
            "transfer": f"abzgl. Anzahlung vom {p.date(when)}",
            "invoice": f"abzgl. Anzahlung lt. Rechnung Nr. A{rng.randint(1000, 9999)} vom {p.date(when)}",
        }[self.deposit_as]
        rest = gross - paid
        rows = [
            (label, -paid, False),
            (rng.choice(("Restbetrag", "Noch zu zahlen", "Zahlbetrag")), rest, True),
        ]
        if y + 40 > self.limit:
            y = self.next_page()
        c, R = self.c, self.RIGHT
        for text, value, final in rows:
            y += 15
            if final:
                c.line(R - 320, y - 11, R, y - 11, width=0.6)
            c.fit_text(R - 320, y, text, 8.8, 230, bold=final)
            c.text(R, y, p.amount(value), 9.2 if final else 8.8, bold=final, align="right")
        return y + 8, rest

    def closing(self, y: float, due: Decimal) -> float:
        p, rng = self.p, self.rng
        texts: list[tuple[str, bool]] = [(self.pay_text(due), True), *self.passed_texts(self.items)]
        liability = (
            "Die Haftung richtet sich nach §§ 451d–451g HGB und ist gemäß § 451e HGB auf 620,00 € je Kubikmeter "
            "Laderaum, der zur Erfüllung des Vertrages benötigt wird, begrenzt."
        )
        texts.append((liability, False))
        if self.insured:
            total = Decimal(rng.choice((25000, 50000, 75000, 100000)))
            texts.append(
                (
                    f"Transportversicherung zum Zeitwert bis {p.amount(total)} über die Spedition abgeschlossen "
                    "(im Preis enthalten).",
                    False,
                )
            )
        texts.append(
            (
                "Schäden sind spätestens am Tag nach der Ablieferung schriftlich anzuzeigen (§ 451f HGB).",
                False,
            )
        )
        keep = len(texts) - 1
        if rng.random() < 0.5:
            texts.append(("Vielen Dank für Ihren Auftrag und einen guten Start in den neuen Räumen!", False))
        return self.short_texts(y, texts, keep)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        body = self.fixed_lines() if self.fixed else self.team_lines()
        lines = body + self.lift_lines() + self.zone_lines() + self.extra_lines()
        shown = [x for x in lines if x.item.rate or self.passing == "before"]
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        self.letterhead(rng.choice(_TAGLINES), contact)
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        if self.deposit and rng.random() < 0.5:
            title = "Schlussrechnung"
        y = self.subject(self.details_block(self.head_rows(), title))
        if not any(x.item.rate == 0 for x in shown):
            self.vat_column = False
        cols = columns(self.spec(False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, [self.row(n, x) for n, x in enumerate(shown, 1)], rng.random() < 0.5)
        y = self.all_totals(y, vat)
        due = gross
        if self.deposit:
            y, due = self.deduction(y, gross)
        y = self.closing(y, due)
        assert y < self.limit + 6, "umzug_buero: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.25),
            service_date=not self.two_days,
            customer_no=bool(d.customer_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# container_entsorgung

_DISPOSERS = (
    ("Containerdienst Wessel GmbH", ""),
    ("Entsorgung Lorenz GmbH & Co. KG", "Lorenz Verwaltungs-GmbH"),
    ("Rhein-Container Entsorgungsfachbetrieb GmbH", ""),
    ("Kramer Recycling & Containerdienst e.K.", "Thomas Kramer"),
    ("Nordbau Entsorgung GmbH", ""),
    ("Becker Umweltdienste GmbH & Co. KG", "Becker Beteiligungs GmbH"),
    ("Mulden-Express Schäfer e.K.", "Andrea Schäfer"),
)
# Waste types: (text, AVV code, price per tonne low / high, tonnes per m³ low / high, largest container).
_WASTES = (
    ("Bau- und Abbruchabfälle, gemischt", "17 09 04", 159, 259, 0.20, 0.40, 36),
    ("Holz (Altholz A I–A III)", "17 02 01", 79, 149, 0.12, 0.25, 36),
    ("Gemischte Siedlungsabfälle / Gewerbeabfall", "20 03 01", 179, 279, 0.12, 0.25, 36),
    ("Gipsabfälle (Gipskartonplatten)", "17 08 02", 139, 219, 0.35, 0.70, 10),
    ("Bauschutt (Beton, Ziegel, Fliesen)", "17 01 07", 24, 59, 0.90, 1.30, 7),
    ("Sperrmüll (Teppichboden, Möbel)", "20 03 07", 189, 289, 0.10, 0.22, 36),
    ("Dämmmaterial (Mineralwolle)", "17 06 04", 289, 449, 0.04, 0.10, 10),
)
_SIZES = (5, 7, 7, 10, 10, 20, 36)
_PLANTS = (
    "Recyclingzentrum Nord",
    "Sortieranlage Am Hafen",
    "Baustoff-Recycling Ost",
    "Entsorgungszentrum West, Anlagen-Nr. E-{n}",
)


@dataclass(frozen=True)
class Fill:
    """One container load weighed: its weighbridge ticket, day, net, tare and the waste."""

    ticket: str
    day: dt.date
    net: Decimal
    tare: Decimal


@dataclass(frozen=True)
class Container:
    """A container at a site: kind, size, number, the waste, placed and picked-up days, the loads."""

    kind: str
    size: int
    number: str
    site: str
    waste: tuple[str, str, int, int, float, float, int]
    placed: dt.date
    picked: dt.date
    fills: tuple[Fill, ...]
    price: Decimal

    @property
    def name(self) -> str:
        return f"{self.kind} {self.size} m³"


class ContainerEntsorgung(RemovalLook):
    """A waste disposal company's invoice: containers placed and picked up, rent, disposal by the tonne."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner = rng.choice(_DISPOSERS)
        start = calm(data.date)
        self.count = rng.choice((1, 1, 1, 2, 2, 3))
        self.sites_n = 1 if self.count == 1 or rng.random() < 0.4 else self.count
        n = rng.randint(1, 99999)
        self.start = start
        word = slug(name)
        ek = name.endswith("e.K.")
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if "KG" in name or ek else f"HRB {rng.randint(1000, 99999)}",
            start,  # replaced below, once the containers are drawn
            rng.choice(
                (
                    f"{start.year % 100}-{n:05d}",
                    f"CR{n:06d}",
                    f"{rng.randint(100000, 999999)}",
                    f"RG {start.year}/{n:05d}",
                )
            ),
            f"{rng.choice(('dispo', 'info', 'rechnung'))}@{word}-entsorgung.de",
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"KD-{rng.randint(1000, 99999)}")),
            order_no=rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"BV-{start.year}-{rng.randint(1, 99):02d}",
                    f"{rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.4
            else "",
        )
        super().__init__(rng, data)
        self.setup(owner)
        self.free_days = rng.choice((7, 7, 10, 14))
        self.daily = price_between(rng, 2.5, 6.5, "0.50")
        self.split_trips = rng.random() < 0.5  # placement and pick-up as two lines
        self.toll = rng.choice(("trip", "container", "percent"))
        self.toll_pct = rng.choice((4, 5, 6, 8))
        self.gross_tare = rng.random() < 0.5
        self.dated = rng.random() < 0.35
        self.by_container = rng.random() < 0.6  # group headings per container at a single site
        self.job = f"{rng.randint(20000, 99999)}" if rng.random() < 0.6 else ""
        self.permit = rng.random() < 0.25
        self.streets = rng.sample(_STREETS, 3)
        self.project = rng.choice(
            ("BV Umbau Agenturräume", "Renovierung Büroetage", "BV Sanierung", "Umbau Studio")
        )
        self.containers = self.draw_containers()
        last = max(x.picked for x in self.containers)
        day = last + dt.timedelta(days=rng.choice((1, 2, 3, 5, 7)))
        self.data = dataclasses.replace(
            self.data, date=day, due_date=day + dt.timedelta(days=rng.choice((14, 14, 30)))
        )
        self.period = (min(x.placed for x in self.containers), last)

    def site_text(self, k: int) -> str:
        r = self.data.customer
        return f"{self.streets[k]} {10 + 7 * k}, {r.city_line}"

    def draw_containers(self) -> list[Container]:
        rng = self.rng
        out = []
        ticket = rng.randint(100000, 899999)
        for k in range(self.count):
            waste = rng.choice(_WASTES)
            size = rng.choice([s for s in _SIZES if s <= waste[6]])
            kind = "Abrollcontainer" if size >= 20 else rng.choice(("Absetzcontainer", "Absetzmulde"))
            placed = self.start + dt.timedelta(days=rng.randint(0, 6))
            picked = placed + dt.timedelta(days=rng.randint(2, 26))
            loads = 2 if rng.random() < 0.2 else 1
            fills = []
            for j in range(loads):
                ticket += rng.randint(3, 400)
                day = picked if j == loads - 1 else placed + (picked - placed) // 2
                dense = rng.uniform(waste[4], waste[5]) * rng.uniform(0.6, 1.0)
                net = Decimal(max(0.18, size * dense)).quantize(Decimal("0.001"))
                tare = Decimal(rng.uniform(7.2, 9.8) if size < 20 else rng.uniform(12.5, 15.8)).quantize(
                    Decimal("0.001")
                )
                fills.append(Fill(str(ticket), day, net, tare))
            price = Decimal(rng.randint(waste[2], waste[3])) + Decimal(rng.choice(("0", "0", "0.50", "0.90")))
            number = rng.choice(
                (
                    f"AC-{rng.randint(100, 999)}",
                    f"{rng.randint(1000, 9999)}",
                    f"RC {rng.randint(10, 99)}-{rng.randint(100, 999)}",
                )
            )
            site = self.site_text(k if self.sites_n > 1 else 0)
            out.append(Container(kind, size, number, site, waste, placed, picked, tuple(fills), price))
        return out

    # -- the lines

    def transport(self, x: Container) -> list[Line]:
        rng, p = self.rng, self.p
        trip = price_between(rng, 69, 129, "1") if x.size < 20 else price_between(rng, 109, 189, "1")
        out = []
        if self.split_trips:
            out.append(Line(LineItem(f"Stellung {x.name}", "", Decimal(1), "Stk.", trip, 19), day=x.placed))
            out.append(Line(LineItem(f"Abholung {x.name}", "", Decimal(1), "Stk.", trip, 19), day=x.picked))
        else:
            notes = (f"gestellt am {p.date(x.placed)}, abgeholt am {p.date(x.picked)}",)
            out.append(
                Line(
                    LineItem(f"Stellung und Abholung {x.name}", "", Decimal(1), "pausch.", trip * 2, 19),
                    notes,
                    day=x.placed,
                )
            )
        if len(x.fills) > 1:
            out.append(
                Line(
                    LineItem(
                        "Containerwechsel (voll gegen leer)", "", Decimal(len(x.fills) - 1), "Stk.", trip, 19
                    ),
                    day=x.fills[0].day,
                )
            )
        return out

    def rent(self, x: Container) -> list[Line]:
        p = self.p
        days = (x.picked - x.placed).days
        over = days - self.free_days
        if over <= 0:
            return []
        text = self.rng.choice(
            (
                f"Standmiete ab dem {self.free_days + 1}. Tag",
                f"Containermiete ({self.free_days} Tage mietfrei)",
            )
        )
        note = f"Standzeit {p.date(x.placed)} – {p.date(x.picked)}: {days} Tage, davon {over} berechnet"
        return [Line(LineItem(text, "", Decimal(over), "Tage", self.daily, 19), (note,))]

    def disposal(self, x: Container) -> list[Line]:
        p = self.p
        text, code = x.waste[0], x.waste[1]
        out = []
        for f in x.fills:
            note = f"Wiegeschein-Nr. {f.ticket} vom {p.date(f.day)}"
            if self.gross_tare:
                note += f" · brutto {tonnes(f.net + f.tare)} t / tara {tonnes(f.tare)} t"
            item = LineItem(f"Entsorgung {text}, AVV {code}", "", f.net, "t", x.price, 19)
            out.append(Line(item, (note,), day=f.day))
        return out

    def tolls(self, x: Container, transport: list[Line]) -> list[Line]:
        rng = self.rng
        trips = 2 + len(x.fills) - 1
        if self.toll == "trip":
            price = price_between(rng, 4.5, 12.5, "0.50")
            return [Line(LineItem("Mautpauschale je Fahrt", "", Decimal(trips), "Fahrten", price, 19))]
        if self.toll == "container":
            price = price_between(rng, 9.5, 24.5, "0.50")
            return [Line(LineItem("Maut- und Transportzuschlag", "", Decimal(1), "pausch.", price, 19))]
        base = sum((line.item.total for line in transport), Decimal(0))
        amount = round_cent(base * self.toll_pct / 100)
        text = f"Energie- und Transportzuschlag {self.toll_pct} % auf {self.p.number(base)}"
        return [Line(LineItem(text, "", Decimal(1), "pausch.", amount, 19))]

    def lines(self) -> list[Line]:
        out: list[Line] = []
        for k, x in enumerate(self.containers):
            transport = self.transport(x)
            group = k if self.sites_n > 1 or self.by_container else 0
            for line in transport + self.rent(x) + self.disposal(x) + self.tolls(x, transport):
                out.append(dataclasses.replace(line, group=group))
        if self.permit:
            rng = self.rng
            fee = Decimal(rng.choice(("28.00", "35.00", "45.50", "60.00")))
            city = self.data.customer.city
            text = f"Sondernutzungserlaubnis Stadt {city} (Stellplatz öffentlicher Verkehrsraum)"
            note = "Gebühr verauslagt, durchlaufender Posten ohne USt."
            out.append(Line(LineItem(text, "", Decimal(1), "pausch.", fee, 0), (note,), group=out[-1].group))
        return out

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no),
        ]
        if self.job:
            rows.append((rng.choice(("Auftrags-Nr.", "Unser Auftrag")), self.job))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre Bestellnummer", "Bestellnummer")), d.order_no))
        rows.append(("Leistungszeitraum", f"{p.date(self.period[0])} – {p.date(self.period[1])}"))
        return rows

    def subject(self, y: float) -> float:
        c, rng, L = self.c, self.rng, self.LEFT
        lines = [
            (
                rng.choice(
                    ("Containerdienst und Entsorgung", "Abrechnung Container", "Entsorgungsleistungen")
                ),
                True,
            )
        ]
        if self.sites_n == 1:
            label = rng.choice(("Baustelle", "Leistungsort", "Baustelle / Stellplatz"))
            lines.append((f"{label}: {self.project}, {self.site_text(0)}", False))
        else:
            lines.append((f"{self.project} – {self.sites_n} Stellplätze", False))
        if rng.random() < 0.5:
            plant = rng.choice(_PLANTS).format(n=rng.randint(100, 999))
            lines.append((f"Entsorgungsanlage: {plant}", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def group_head(self, k: int) -> Row:
        x = self.containers[k]
        where = f"Baustelle {x.site}" if self.sites_n > 1 else f"Container {k + 1}"
        head = f"{where}: {x.name}, Behälter-Nr. {x.number}"
        return Row("group", {"desc": head})

    def rows(self, lines: list[Line]) -> list[Row]:
        out: list[Row] = []
        grouped = self.sites_n > 1 or self.by_container
        for n, line in enumerate(lines, 1):
            if grouped and (n == 1 or lines[n - 2].group != line.group):
                if n > 1 and self.sites_n > 1:
                    out.append(self.subtotal(lines, lines[n - 2].group))
                out.append(self.group_head(line.group))
            out.append(self.row(n, line))
        if grouped and self.sites_n > 1:
            out.append(self.subtotal(lines, lines[-1].group))
        return out

    def subtotal(self, lines: list[Line], group: int) -> Row:
        total = sum((x.item.total for x in lines if x.group == group), Decimal(0))
        return Row("sum", {"desc": f"Summe Baustelle {group + 1}", "total": self.p.number(total)})

    def closing(self, y: float, due: Decimal) -> float:
        rng = self.rng
        texts: list[tuple[str, bool]] = [(self.pay_text(due), True), *self.passed_texts(self.items)]
        keep = len(texts) + 1
        texts.append(
            (
                f"Die Abfälle wurden ordnungsgemäß verwertet bzw. beseitigt. Beförderernummer "
                f"{rng.choice('ABCDEFGHKLMN')}{rng.randint(10000000, 99999999)}; zertifizierter "
                "Entsorgungsfachbetrieb nach § 56 KrWG.",
                False,
            )
        )
        texts.append(
            (
                "Für Fehlwürfe (z. B. Gips, Dämmstoffe, Sonderabfälle im Mischcontainer) berechnen wir die "
                "Nachsortierung nach Aufwand. Die Wiegescheine liegen dieser Rechnung bei.",
                False,
            )
        )
        return self.short_texts(y, texts, keep)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        lines = self.lines()
        shown = [x for x in lines if x.item.rate or self.passing == "before"]
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        tagline = rng.choice(
            (
                "Containerdienst · Entsorgung · Recycling",
                "Zertifizierter Entsorgungsfachbetrieb",
                "Absetz- und Abrollcontainer von 5 bis 36 m³",
            )
        )
        self.letterhead(tagline, contact)
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        if not any(x.item.rate == 0 for x in shown):
            self.vat_column = False
        cols = columns(self.spec(self.dated), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(shown), rng.random() < 0.5)
        y = self.all_totals(y, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "container_entsorgung: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.25),
            customer_no=True,
            order_no=bool(d.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

UMZUG_FAMILIES: dict[str, type[TripSheet]] = {
    "umzug_buero": UmzugBuero,
    "container_entsorgung": ContainerEntsorgung,
}


def draw_umzug(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(UMZUG_FAMILIES[name], name, seed)
