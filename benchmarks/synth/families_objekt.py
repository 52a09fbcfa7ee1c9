"""Two invoice layout families of a security company guarding an agency's building or event and of an office
furniture dealer, designed blind (session 18).

Like `families_getraenk`, they were written without reading the field extractor and without running it, so
that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_objekt(name, seed)`. Both draw on `RentalLook` of `families_getraenk` (the `DienstSheet` of
`families_dienst`: letterheads, detail blocks, table heads, totals and paragraphs whose look varies per seed)
and return a `TripDrawing` (truth keys only for values printed).

- `sicherheitsdienst_objekt`: a security company's (Sicherheitsdienst, Wach- und Schließgesellschaft; a GmbH
  or a GmbH & Co. KG) monthly invoice to an agency, either for guarding its office building ("Objektschutz":
  reception / gate service on working days, night watch every night, weekend and holiday guarding, in five
  combinations) or for guarding an event of the agency (security staff per shift, an "Einsatzleitung"). The
  hours are counted per shift type: "Tagdienst", "Nachtdienst" and "Sonn-/Feiertag" (hours × hourly rate;
  the night rate differs from the day rate on some seeds); the surcharges are their own lines with their
  percentages: "Nachtzuschlag 25 %" on the night hours (22–6 Uhr, fewer than the night shift's hours),
  "Sonntagszuschlag 50 %" on Sunday hours, "Feiertagszuschlag 100 %" on public holidays, either as hours ×
  the surcharge per hour or as a percentage of a base amount printed in the row; a "Revierkontrolle"
  (patrol) at a flat fee per visit × the number of visits, on some seeds an alarm response with its date and
  time, key holding and alarm connection to the control centre as a monthly lump sum, radios and a vehicle
  lump sum for events. The head: invoice number and date, customer number on most seeds, the object number,
  the billing month ("Abrechnungsmonat März 2024") or period, the customer's order number on some seeds
  ("Ihre Bestell-Nr."), the contract ("Bewachungsvertrag Nr. ... vom ..."), the object's name and address,
  the agreed rates and surcharges in a line on some seeds (more percentages and amounts); the event's name,
  venue and day(s), with a single "Leistungsdatum" / "Einsatztag" on some one-day seeds. Group headings and
  subtotals in the table on some seeds; the total hours on some; a list of the shifts (date, weekday, shift
  type, times, hours, night hours) on an appendix page ("Anlage: Einsatznachweis") for the month or inline
  under the table for events, on some seeds. 19 % throughout; "Zahlbar innerhalb von 14 Tagen" in several
  wordings. Footer: address with phone and fax, HRB or HRA (with the general partner for a KG), managing
  director, USt-IdNr. (Steuernummer too on some seeds), bank; under it the permit under § 34a GewO (the
  authority, the day, a file number), and on some seeds the register of guards ("Bewacherregister"), the
  DIN 77200 certificate or the BDSW membership. Truth: the usual keys; `kundennummer` and `bestellnummer`
  (the customer's order number, never the contract's or the object's number) where printed; `leistungsdatum`
  only for a one-day event printing it under such a label; `bic` where printed; `pages` 2 with the appendix
  or when an event's shift list and totals run onto a second page.
- `bueromoebel_lieferung`: an office furniture dealer's invoice (a GmbH, a GmbH & Co. KG or an e.K.) for
  desks, chairs, cabinets and accessories delivered to and assembled in an agency's office: article numbers
  (in their own column or before the text, in three formats), colour and variant lines under each item
  ("Platte: Eiche Natur · Gestell: Weiß RAL 9016"), quantity, list unit price, a discount in per cent per
  line (by quantity, one project discount on every article, or mixed; printed "10 %", "10,0" or "-10 %") and
  the net after the discount; then delivery and assembly ("Lieferung frei Verwendungsstelle", assembly hours
  of two fitters or a lump sum, a floor surcharge, packaging or old furniture disposal) without discount.
  One delivery (its "Lieferschein-Nr." and a labelled delivery date) or two partial deliveries with two
  delivery note numbers and dates (as group headings in the table or listed in the head). The customer's
  order ("Ihre Bestellung Nr. 4500123456 vom 05.02.2024" in the subject or "Ihre Bestell-Nr." in the head;
  on some seeds an order without a number), the dealer's order confirmation ("Auftragsbestätigung Nr. ...
  vom ...") and a delivery address other than the billing address on some seeds. Totals: the goods and the
  services as subtotals on some seeds, "Nettobetrag", "19 % MwSt.", "Gesamtbetrag"; on some seeds an advance
  already invoiced ("Rechnung Nr. ... vom ...", the document then titled "Schlussrechnung" on some seeds) is
  deducted after the total, either gross with the
  VAT it held in a note or as its net and its VAT in two rows, to a "Restbetrag" / "Zahlbetrag"; Skonto on
  some seeds; a warranty note (statutory 24 months, a manufacturer's guarantee of 3 or 5 years on frames,
  mechanisms or electric drives) and the retention of title; two pages when the items run long. Truth: the
  usual keys (`ust_id` and/or `steuernummer` as printed: an e.K. prints only its Steuernummer on some seeds).
  With an advance deducted, netto, mwst and brutto are the invoice's own VAT breakdown of the
  whole delivery and brutto its "Gesamtbetrag" before the deduction, not the remaining amount to pay: this is
  what a German bookkeeper enters for a final invoice after an advance invoice (the whole delivery is booked
  with its full input VAT, and the advance, already booked with its own VAT from the advance invoice, is
  cleared from the prepayments account, its VAT reversed), and it is what the `anzahlung` family records.
  `leistungsdatum` the delivery date of a single delivery (printed under "Lieferdatum", "Liefer- und
  Montagedatum" or "Leistungsdatum"), none for two partial deliveries; `bestellnummer` the customer's order
  number where printed (never the order confirmation's, the delivery notes' or the advance invoice's);
  `kundennummer` where printed; `bic` where printed.

Both keep their dates, the months and the advances out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row, hours, ordinary
from benchmarks.synth.families_getraenk import RentalLook, price_between
from benchmarks.synth.families_more import GREY, columns, draw_sheet, footer_columns
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import RULE, discounted
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    InvoiceData,
    LineItem,
    VatLine,
    _steuernummer,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import Align
from benchmarks.synth.printed import Printer

# The agencies that receive these invoices.
_CLIENTS = (
    "Werbeagentur Leuchtfeuer GmbH",
    "Brandmeister Kommunikation GmbH",
    "Agentur Kiebitz & Konsorten GmbH",
    "Nordlicht Media Group GmbH",
    "Stadtkind Eventmarketing GmbH",
    "Kontor 21 Kreativagentur GmbH",
    "Weitblick Digital GmbH & Co. KG",
    "Agentur Sander & Vogel",
)
_WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
# Public holidays on fixed days in every German state.
_HOLIDAYS = {(1, 1), (5, 1), (10, 3), (12, 25), (12, 26)}


def holiday(day: dt.date) -> bool:
    return (day.month, day.day) in _HOLIDAYS


def month_days(first: dt.date) -> list[dt.date]:
    last = (first + dt.timedelta(days=32)).replace(day=1)
    return [first + dt.timedelta(days=k) for k in range((last - first).days)]


def fax_of(phone: str) -> str:
    """A fax number beside the phone: the same exchange, another extension."""
    return phone[:-1] + str((int(phone[-1]) + 5) % 10)


def percent_text(value: int, style: str) -> str:
    """A discount as the column prints it: 10 %, 10,0 or -10 %."""
    return {"pct": f"{value} %", "dec": f"{value},0", "minus": f"-{value} %"}[style]


class ObjektLook(RentalLook):
    """A `RentalLook` whose sender line above the window leaves out the street when the name is long."""

    def window(
        self, x: float, y: float, lines: Sequence[str], size: float = 10.0, *, sender: str = ""
    ) -> float:
        s = self.data.supplier
        if sender and self.c.text_width(sender, 5.5) > 250:
            sender = f"{s.name} · {s.city_line}"
        return super().window(x, y, lines, size, sender=sender)


# ---------------------------------------------------------------------------
# sicherheitsdienst_objekt

# Security companies and, for a GmbH & Co. KG, its general partner.
_GUARDS = (
    ("Nordwacht Sicherheitsdienst GmbH", ""),
    ("Hanseatische Wach- und Schließgesellschaft mbH", ""),
    ("Argus Objektschutz GmbH", ""),
    ("Wach- und Schließgesellschaft Brandt GmbH & Co. KG", "Brandt Verwaltungs-GmbH"),
    ("SecuVita Sicherheitsdienste GmbH & Co. KG", "SecuVita Beteiligungs GmbH"),
    ("Rhein-Main Sicherheit & Service GmbH", ""),
    ("Falkenauge Security GmbH", ""),
    ("Wachdienst Stolze GmbH & Co. KG", "Stolze Verwaltungsgesellschaft mbH"),
)
_AUTHORITIES = ("Ordnungsamt der Stadt {city}", "Gewerbeamt {city}", "Stadt {city}, Fachbereich Ordnung")
_PREMISES = (
    "Agenturgebäude",
    "Bürogebäude",
    "Büro- und Studiogebäude",
    "Bürokomplex Haus B",
    "Geschäftshaus",
)
_OBJECT_STREETS = (
    "Speicherstraße",
    "Am Kaiserkai",
    "Medienallee",
    "Alte Weberei",
    "Gutenbergring",
    "Hafenweg",
)
_EVENTS = ("Sommerfest", "Produktlaunch", "Jubiläumsfeier", "Kundenevent", "Weihnachtsfeier", "Galaabend")
_VENUES = (
    "Alte Lokhalle",
    "Kesselhaus am Hafen",
    "Speicher 7",
    "Glashalle Ost",
    "Festscheune Gut Lindenhof",
    "Zeche Feldmark, Halle 2",
)
# Shifts of an object: (start, end, hours, night hours between 22 and 6 o'clock).
_DAY_SHIFTS = (
    ("07:00", "19:00", 12, 0),
    ("06:30", "18:30", 12, 0),
    ("07:30", "18:30", 11, 0),
    ("08:00", "18:00", 10, 0),
)
_NIGHT_SHIFTS = (
    ("20:00", "06:00", 10, 8),
    ("19:00", "07:00", 12, 8),
    ("22:00", "06:00", 8, 8),
    ("18:00", "06:00", 12, 8),
)
_WEEKEND_SHIFTS = (("08:00", "20:00", 12, 0), ("20:00", "08:00", 12, 8))
_PLANS = ("empfang", "nacht", "empfang+nacht", "wochenende", "empfang+wochenende")
_LIST_HEADS: tuple[tuple[str, float, Align], ...] = (
    ("Datum", 0, "left"),
    ("Dienst", 50, "left"),
    ("Zeit", 108, "left"),
    ("Std.", 188, "right"),
    ("Nacht", 222, "right"),
)
_KIND_WORDS = {"tag": "Tagdienst", "nacht": "Nachtdienst", "sonn": "Sonn-/Feiertag"}


@dataclass(frozen=True)
class Shift:
    """One shift: its day, type (tag, nacht, sonn), times, hours and night hours per guard, and guards."""

    day: dt.date
    kind: str
    start: str
    end: str
    hours: int
    night: int
    staff: int = 1

    @property
    def total(self) -> Decimal:
        return Decimal(self.hours * self.staff)

    @property
    def night_total(self) -> Decimal:
        return Decimal(self.night * self.staff)


@dataclass(frozen=True)
class Charge:
    """A table line: its item, the notes under it, the group it belongs to, and cells printed instead of the
    item's quantity and price (a surcharge as a percentage of a base amount)."""

    item: LineItem
    notes: tuple[str, ...] = ()
    group: str = "dienst"
    qty: str = ""
    price: str = ""


class SicherheitsdienstObjekt(ObjektLook):
    """A security company's monthly invoice: hours per shift type, surcharges in per cent, patrols."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.event = rng.random() < 0.3
        name, self.partner = rng.choice(_GUARDS)
        self.first = ordinary(data.date).replace(day=1)
        self.last = month_days(self.first)[-1]
        self.event_days: list[dt.date] = []
        if self.event:
            start = self.first + dt.timedelta(days=rng.randint(0, 24))
            self.event_days = [start + dt.timedelta(days=k) for k in range(rng.choice((1, 1, 1, 2)))]
            day = self.event_days[-1] + dt.timedelta(days=rng.randint(2, 12))
        else:
            day = self.last + dt.timedelta(days=rng.randint(1, 8))
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"WS-{day.year}-{n:05d}",
                f"{day.year % 100}{day.month:02d}{n % 10000:04d}",
                f"RE {day.year}/{n:05d}",
                f"{rng.randint(300000, 399999)}",
                f"SD{day.year}{n:05d}",
            )
        )
        word = name.split()[0].lower().replace("ä", "ae").replace("-", "")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=self.event_days[0] if len(self.event_days) == 1 else None,
            due_date=day + dt.timedelta(days=14),
            customer=dataclasses.replace(data.customer, name=rng.choice(_CLIENTS)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (
                    f"{rng.randint(10000, 99999)}",
                    f"KD-{rng.randint(1000, 9999)}",
                    f"D{rng.randint(100000, 999999)}",
                )
            )
            if rng.random() < 0.8
            else "",
            order_no=rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"BE-{day.year}-{rng.randint(1, 999):03d}",
                    f"PO {rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < (0.55 if self.event else 0.25)
            else "",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('abrechnung', 'rechnung', 'info'))}@{word}-sicherheit.de",
            register=f"HRA {rng.randint(1000, 19999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "both" if rng.random() < 0.35 else "vat"
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short", "de_long")),
        )
        self.plan = rng.choice(_PLANS)
        self.rate = price_between(rng, 22.4 if self.event else 21.0, 32.0 if self.event else 29.8, "0.20")
        self.night_rate = self.rate + Decimal(rng.choice(("0", "0", "0", "1.00", "1.60", "2.00")))
        self.surcharge_as = rng.choice(("hours", "hours", "base"))
        self.groups = rng.random() < 0.4
        self.list_as = rng.choice(("", "", "list")) if not self.event else rng.choice(("", "list"))
        self.rates_line = rng.random() < 0.45
        self.total_hours = rng.random() < 0.45
        self.with_bic = rng.random() < 0.8
        self.day_label = rng.choice(("Leistungsdatum", "Leistungsdatum", "Einsatztag"))
        self.day_shown = bool(data.service_date) and rng.random() < 0.6
        self.extras = rng.sample(("register", "din", "bdsw"), rng.choice((0, 1, 1, 2)))
        self.permit_day = dt.date(rng.randint(1998, 2016), rng.randint(1, 12), rng.randint(1, 28))
        self.file_no = rng.choice(
            (
                f"32.{rng.randint(1, 9)}-34a-{rng.randint(10, 999)}",
                f"II/{rng.randint(100, 999)}-34a/{rng.randint(90, 99)}",
            )
        )
        self.object_no = rng.choice(
            (
                f"{rng.randint(100, 9999):04d}",
                f"OBJ-{rng.randint(1000, 9999)}",
                f"{rng.randint(10, 99)}/{rng.randint(100, 999)}",
            )
        )
        self.signed = self.first - dt.timedelta(days=rng.randint(60, 2600))
        self.contract = rng.choice(
            (
                f"BV-{self.signed.year}-{rng.randint(1, 199):03d}",
                f"{rng.randint(1000, 9999)}/{self.signed.year % 100}",
            )
        )

    # -- the shifts

    def shifts(self) -> list[Shift]:
        return self.event_shifts() if self.event else self.object_shifts()

    def object_shifts(self) -> list[Shift]:
        rng = self.rng
        day_shift, night_shift = rng.choice(_DAY_SHIFTS), rng.choice(_NIGHT_SHIFTS)
        out: list[Shift] = []
        for day in month_days(self.first):
            free = day.weekday() == 6 or holiday(day)
            kind = "sonn" if free else "nacht"
            if "empfang" in self.plan and day.weekday() < 5 and not holiday(day):
                out.append(Shift(day, "tag", *day_shift))
            if "nacht" in self.plan:
                out.append(Shift(day, kind, *night_shift))
            if "wochenende" in self.plan and (day.weekday() >= 5 or holiday(day)):
                (a, b, h, n), (a2, b2, h2, n2) = _WEEKEND_SHIFTS
                out.append(Shift(day, "sonn" if free else "tag", a, b, h, n))
                out.append(Shift(day, kind, a2, b2, h2, n2))
        return out

    def event_shifts(self) -> list[Shift]:
        rng = self.rng
        staff = rng.choice((2, 3, 4, 4, 6, 8))
        start = rng.choice((("12:00", "22:00", 10), ("14:00", "22:00", 8), ("16:00", "22:00", 6)))
        late = rng.choice((("22:00", "02:00", 4, 4), ("22:00", "01:00", 3, 3), ("22:00", "04:00", 6, 6)))
        out = []
        for day in self.event_days:
            free = day.weekday() == 6 or holiday(day)
            out.append(Shift(day, "sonn" if free else "tag", start[0], start[1], start[2], 0, staff))
            out.append(Shift(day, "sonn" if free else "nacht", *late, max(2, staff - rng.choice((0, 1, 2)))))
        return out

    # -- the charges

    def surcharge(self, text: str, pct: int, base_hours: Decimal, note: str) -> Charge:
        p = self.p
        per_hour = self.rate * pct / 100
        if self.surcharge_as == "hours":
            item = LineItem(text, "", base_hours, "Std.", per_hour, 19)
            return Charge(item, (note,), "zuschlag")
        base = base_hours * self.rate
        item = LineItem(text, "", Decimal(1), "", base * pct / 100, 19)
        notes = (f"{hours(base_hours)} Std. × {p.amount(self.rate)} = {p.amount(base)}", note)
        return Charge(item, notes, "zuschlag", f"{pct} %", p.number(base))

    def shift_charges(self, shifts: list[Shift]) -> list[Charge]:
        rng, p = self.rng, self.p
        out: list[Charge] = []
        for kind in ("tag", "nacht", "sonn"):
            mine = [s for s in shifts if s.kind == kind]
            if not mine:
                continue
            total = sum((s.total for s in mine), Decimal(0))
            rate = self.night_rate if kind == "nacht" else self.rate
            word = _KIND_WORDS[kind]
            if self.event:
                text = {
                    "tag": "Sicherheitsdienst Tagdienst",
                    "nacht": "Sicherheitsdienst Nachtdienst",
                    "sonn": "Sicherheitsdienst Sonn-/Feiertag",
                }[kind]
                notes = tuple(
                    f"{s.staff} MA × {hours(Decimal(s.hours))} Std. am {_WEEKDAYS[s.day.weekday()]} "
                    f"{p.date(s.day)} ({s.start}–{s.end} Uhr)"
                    for s in mine
                )
            else:
                text = rng.choice((word, f"Objektschutz {word}", f"Bewachung {word}"))
                times = sorted({f"{s.start}–{s.end} Uhr" for s in mine})
                notes = (f"{len(mine)} Dienste, {', '.join(times)}",)
            if kind == "nacht" and self.night_rate != self.rate:
                notes = (*notes, "Nachtstundensatz lt. Vertrag")
            out.append(Charge(LineItem(text, "", total, "Std.", rate, 19), notes))
        night = sum((s.night_total for s in shifts), Decimal(0))
        if night:
            out.append(
                self.surcharge(
                    rng.choice(("Nachtzuschlag 25 %", "Zuschlag Nachtarbeit 25 %", "Nachtzuschlag (25 %)")),
                    25,
                    night,
                    rng.choice(("für Stunden zwischen 22:00 und 06:00 Uhr", "Nachtstunden 22–6 Uhr")),
                )
            )
        sunday = sum((s.total for s in shifts if s.kind == "sonn" and s.day.weekday() == 6), Decimal(0))
        if sunday:
            dates = ", ".join(
                sorted({f"{s.day:%d.%m.}" for s in shifts if s.kind == "sonn" and s.day.weekday() == 6})
            )
            out.append(self.surcharge("Sonntagszuschlag 50 %", 50, sunday, f"Sonntage: {dates}"))
        feast = sum((s.total for s in shifts if s.kind == "sonn" and holiday(s.day)), Decimal(0))
        if feast:
            dates = ", ".join(sorted({p.date(s.day) for s in shifts if s.kind == "sonn" and holiday(s.day)}))
            out.append(self.surcharge("Feiertagszuschlag 100 %", 100, feast, f"Feiertag: {dates}"))
        return out

    def patrols(self) -> list[Charge]:
        rng, p = self.rng, self.p
        out: list[Charge] = []
        fee = price_between(rng, 8.5, 19.5, "0.50")
        if self.event:
            count = rng.randint(2, 5)
            note = f"Veranstaltungsgelände in der Aufbaunacht vor dem {p.date(self.event_days[0])}"
        elif self.plan in ("nacht", "empfang+nacht"):
            if rng.random() < 0.45:
                return out
            count = len(month_days(self.first))
            note = "Außengelände und Tiefgarage, 1 × nächtlich"
        else:
            rounds = rng.choice((1, 2, 2, 3))
            nights = [d for d in month_days(self.first) if "wochenende" not in self.plan or d.weekday() < 5]
            count = rounds * len([d for d in nights if not holiday(d)])
            note = (
                f"{rounds} × nächtlich" + (" Mo–Fr" if "wochenende" in self.plan else "") + ", inkl. Wachbuch"
            )
        text = rng.choice(("Revierkontrolle", "Revierkontrollen", "Revierdienst (Kontrollgang)"))
        out.append(
            Charge(
                LineItem(text, "", Decimal(count), "Kontr.", fee, 19), (note, f"à {p.amount(fee)}"), "revier"
            )
        )
        return out

    def event_extras(self, shifts: list[Shift]) -> list[Charge]:
        rng = self.rng
        lead = self.rate + price_between(rng, 4.0, 8.0, "0.20")
        span = Decimal(sum(s.hours for s in shifts) + rng.choice((1, 2)))
        note = "inkl. Einsatzplanung und Briefing"
        out = [Charge(LineItem("Einsatzleitung", "", span, "Std.", lead, 19), (note,), "sonst")]
        if rng.random() < 0.6:
            radios = Decimal(rng.randint(3, 10) * len(self.event_days))
            price = Decimal(rng.choice(("6.50", "8.00", "9.50")))
            text = "Funkgeräte mit Headset, Miete je Veranstaltungstag"
            out.append(Charge(LineItem(text, "", radios, "Stk.", price, 19), (), "sonst"))
        if rng.random() < 0.5:
            price = price_between(rng, 45, 140, "5")
            text = "Fahrzeug- und Anfahrtspauschale"
            out.append(Charge(LineItem(text, "", Decimal(1), "pausch.", price, 19), (), "sonst"))
        return out

    def object_extras(self) -> list[Charge]:
        rng, p = self.rng, self.p
        out: list[Charge] = []
        if rng.random() < 0.45:
            text = rng.choice(
                (
                    "Schlüsselverwahrung und Alarmaufschaltung NSL",
                    "Aufschaltung Notruf- und Serviceleitstelle",
                )
            )
            price = price_between(rng, 35, 95, "0.50")
            out.append(Charge(LineItem(text, "", Decimal(1), "Monat", price, 19), (), "sonst"))
        if rng.random() < 0.35:
            for _ in range(rng.choice((1, 1, 2))):
                when = self.first + dt.timedelta(days=rng.randint(0, 27))
                clock = f"{rng.randint(0, 5):02d}:{rng.randint(0, 59):02d}"
                price = price_between(rng, 45, 95, "0.50")
                text = "Alarmverfolgung / Interventionseinsatz"
                note = f"am {p.date(when)} um {clock} Uhr, Auslösung Einbruchmeldeanlage, kein Schaden"
                out.append(Charge(LineItem(text, "", Decimal(1), "Einsatz", price, 19), (note,), "sonst"))
        return out

    # -- the table

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        return [
            ("pos", "Pos.", 28, "left"),
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Leistungsart")), 0, "left"),
            ("qty", rng.choice(("Menge", "Anzahl", "Std./Anz.")), 52, "right"),
            ("unit", rng.choice(("Einheit", "ME")), 40, "left"),
            ("price", rng.choice(("Satz", "Einzelpreis", "Preis €", "Std.-Satz")), 64, "right"),
            ("total", rng.choice(("Betrag", "Gesamt", "Betrag €")), 72, "right"),
        ]

    def rows(self, charges: list[Charge]) -> list[Row]:
        p = self.p
        out: list[Row] = []
        titles = {
            "dienst": "Bewachungsleistungen",
            "zuschlag": "Zuschläge",
            "revier": "Revierdienst",
            "sonst": "Sonstige Leistungen",
        }
        for n, ch in enumerate(charges, 1):
            if self.groups and (n == 1 or charges[n - 2].group != ch.group):
                out.append(Row("group", {"desc": titles[ch.group]}))
            item = ch.item
            values = {
                "pos": str(n),
                "desc": item.description,
                "qty": ch.qty
                or (hours(item.quantity) if item.unit == "Std." else quantity(item.quantity, p)),
                "unit": item.unit,
                "price": ch.price or p.number(item.unit_price),
                "total": p.number(item.total),
            }
            out.append(Row("item", values, item, ch.notes))
            last = n == len(charges) or charges[n].group != ch.group
            if self.groups and last and ch.group in ("dienst", "zuschlag"):
                total = sum((c.item.total for c in charges if c.group == ch.group), Decimal(0))
                out.append(Row("sum", {"desc": f"Summe {titles[ch.group]}", "total": p.number(total)}))
        return out

    # -- the page

    def month_word(self) -> str:
        return f"{MONTHS_DE[self.first.month - 1]} {self.first.year}"

    def period(self) -> str:
        if self.event:
            days = self.event_days
            return (
                self.p.date(days[0])
                if len(days) == 1
                else f"{self.p.date(days[0])} – {self.p.date(days[-1])}"
            )
        return (
            self.month_word()
            if self.rng.random() < 0.6
            else f"{self.p.date(self.first)} – {self.p.date(self.last)}"
        )

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Debitor")), d.customer_no))
        rows.append((rng.choice(("Objekt-Nr.", "Objektnummer", "Obj.-Nr.")), self.object_no))
        if self.event:
            if self.day_shown:
                assert d.service_date is not None
                rows.append((self.day_label, p.date(d.service_date)))
        else:
            rows.append((rng.choice(("Abrechnungsmonat", "Leistungszeitraum", "Zeitraum")), self.period()))
        if d.order_no:
            rows.append(
                (rng.choice(("Ihre Bestell-Nr.", "Ihre Bestellnummer", "Ihr Auftrag Nr.")), d.order_no)
            )
        return rows

    def subject(self, y: float) -> float:
        c, d, p, rng, L = self.c, self.data, self.p, self.rng, self.LEFT
        r = d.customer
        if self.event:
            venue = rng.choice(_VENUES)
            event = f"{rng.choice(_EVENTS)} der {r.name}"
            days = ", ".join(f"{_WEEKDAYS[x.weekday()]} {p.date(x)}" for x in self.event_days)
            lines = [
                f"Veranstaltungsschutz: {event}",
                (
                    f"Veranstaltungsort: {venue}, {rng.choice(_OBJECT_STREETS)} {rng.randint(1, 60)}, "
                    f"{r.city_line}"
                ),
                f"Einsatz: {days}",
            ]
        else:
            street = f"{rng.choice(_OBJECT_STREETS)} {rng.randint(1, 90)}" if rng.random() < 0.4 else r.street
            lines = [
                f"Objekt {self.object_no}: {rng.choice(_PREMISES)}, {street}, {r.city_line}",
                rng.choice(
                    (
                        "Bewachungsvertrag Nr. {n} vom {d}",
                        "Grundlage: Bewachungsvertrag {n} vom {d}",
                        "Vertrag {n} vom {d}",
                    )
                ).format(n=self.contract, d=p.date(self.signed)),
                f"Abrechnungsmonat: {self.month_word()}",
            ]
        if self.rates_line:
            night = f" · Nacht {p.amount(self.night_rate)}" if self.night_rate != self.rate else ""
            lines.append(
                f"Stundensätze lt. Vertrag: Grundstundensatz {p.amount(self.rate)}{night} · Zuschläge: "
                "Nacht 25 %, Sonntag 50 %, Feiertag 100 %"
            )
        for k, line in enumerate(lines):
            c.fit_text(
                L, y + 4, line, 9, self.RIGHT - L, bold=k == 0, colour=GREY if k == 3 else (0.0, 0.0, 0.0)
            )
            y += 12.5
        return y + 4

    def total_rows(self, vat: VatLine) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        gross = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Bruttobetrag", "Zu zahlender Betrag"))
        if self.p.currency == "none":
            gross += rng.choice((" EUR", " in EUR"))
        return [
            (rng.choice(("Nettobetrag", "Summe netto", "Zwischensumme netto")), vat.base, False),
            (rng.choice(("zzgl. 19 % USt.", "19 % MwSt.", "Umsatzsteuer 19 %")), vat.amount, False),
            (gross, vat.base + vat.amount, True),
        ]

    def closing(self, y: float, shifts: list[Shift]) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = [
            (
                rng.choice(
                    (
                        f"Zahlbar innerhalb von 14 Tagen ohne Abzug bis zum {p.date(d.due_date)}.",
                        (
                            "Der Rechnungsbetrag ist innerhalb von 14 Tagen nach Rechnungsdatum ohne Abzug "
                            "fällig."
                        ),
                        (
                            f"Bitte überweisen Sie den Betrag innerhalb von 14 Tagen auf unser Konto IBAN "
                            f"{self.iban}."
                        ),
                    )
                ),
                True,
            )
        ]
        if self.total_hours:
            worked = sum((s.total for s in shifts), Decimal(0))
            night = sum((s.night_total for s in shifts), Decimal(0))
            of_night = f", davon Nachtstunden (22–6 Uhr): {hours(night)} Std." if night else "."
            texts.append((f"Geleistete Stunden gesamt: {hours(worked)} Std.{of_night}", False))
        texts.append(
            (
                rng.choice(
                    (
                        (
                            "Grundlage der Abrechnung sind die Wachbücher und Dienstnachweise, die Ihnen auf "
                            "Wunsch vorgelegt werden."
                        ),
                        "Die Dienstzeiten wurden elektronisch über unser Wächterkontrollsystem erfasst.",
                        "Abgerechnet nach den vertraglich vereinbarten Stundenverrechnungssätzen.",
                    )
                ),
                False,
            )
        )
        if self.list_as and not self.event:
            texts.append(("Anlage: Einsatznachweis " + self.month_word(), False))
        return self.short_texts(y, texts, 1)

    def inline_list(self, y: float, shifts: list[Shift]) -> float:
        if y + 16 + 12 * len(shifts) > self.limit - 60:
            y = self.next_page()
        c, p, L = self.c, self.p, self.LEFT
        c.text(L, y + 16, "Einsatzzeiten", 8.8, bold=True)
        y += 16
        for s in shifts:
            y += 11.5
            c.text(L + 6, y, f"{_WEEKDAYS[s.day.weekday()]} {p.date(s.day)}", 8.3)
            c.text(L + 110, y, f"{s.start}–{s.end} Uhr", 8.3)
            c.text(L + 200, y, f"{s.staff} MA", 8.3)
            c.text(L + 290, y, f"{hours(s.total)} Std.", 8.3, align="right")
        return y + 4

    def appendix(self, shifts: list[Shift]) -> None:
        """The shifts of the month on a page of their own, in two halves side by side."""
        y = self.next_page()
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.text(
            L,
            y,
            f"Anlage zur Rechnung {self.data.number}: Einsatznachweis {self.month_word()}",
            12,
            bold=True,
        )
        c.text(L, y + 14, f"Objekt {self.object_no}", 8.5, colour=GREY)
        top = y + 36
        half = (R - L) / 2
        rows = (len(shifts) + 1) // 2
        for col in range(2):
            x = L + col * half
            c.line(x, top - 10, x + 226, top - 10, width=0.5, colour=RULE)
            for head, dx, align in _LIST_HEADS:
                c.text(x + dx, top, head, 7.5, bold=True, align=align)
        for i, s in enumerate(shifts):
            col, row = divmod(i, rows)
            x, yy = L + col * half, top + 12 + 10.5 * row
            c.text(x, yy, f"{_WEEKDAYS[s.day.weekday()]} {s.day:%d.%m.}", 7.5)
            c.text(x + 50, yy, _KIND_WORDS[s.kind].replace("Sonn-/Feiertag", "So/Ft"), 7.5)
            c.text(x + 108, yy, f"{s.start}–{s.end}", 7.5)
            c.text(x + 188, yy, hours(Decimal(s.hours)), 7.5, align="right")
            c.text(x + 222, yy, hours(Decimal(s.night)) if s.night else "–", 7.5, align="right")
        end = top + 12 + 10.5 * rows + 8
        worked = sum((s.total for s in shifts), Decimal(0))
        c.line(L, end - 6, R, end - 6, width=0.5, colour=RULE)
        c.text(L, end + 6, f"{len(shifts)} Dienste, {hours(worked)} Std.", 8.5, bold=True)
        c.text(
            L, end + 20, "Die Originale der Wachbücher liegen bei uns zur Einsicht bereit.", 8, colour=GREY
        )

    def permit(self) -> str:
        s, p = self.data.supplier, self.p
        authority = self.rng.choice(_AUTHORITIES).format(city=s.city)
        parts = [
            (
                f"Erlaubnis nach § 34a GewO erteilt durch {authority} am {p.date(self.permit_day)}, "
                f"Az. {self.file_no}"
            )
        ]
        if "register" in self.extras:
            parts.append(f"Bewacherregister-Nr. {self.rng.randint(1000000, 9999999)}")
        if "din" in self.extras:
            parts.append("zertifiziert nach DIN 77200")
        if "bdsw" in self.extras:
            parts.append("Mitglied im BDSW")
        return " · ".join(parts)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Sitz: {s.city}", f"Amtsgericht {s.city} {d.register}"]
        if self.partner:
            legal.append(f"Komplementärin: {self.partner}")
        legal += [f"Geschäftsführer: {d.ceo}", *self.tax_ids("USt-IdNr.", "Steuernummer")]
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}", f"Fax {fax_of(d.phone)}", d.email],
            legal,
            [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else []),
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.6)
        c.fit_text(
            c.width / 2,
            self.FOOT + 70,
            self.permit_text,
            6.4,
            self.RIGHT - self.LEFT,
            align="center",
            colour=GREY,
            min_size=5.2,
        )

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        shifts = self.shifts()
        extras = self.event_extras(shifts) if self.event else self.object_extras()
        charges = self.shift_charges(shifts) + self.patrols() + extras
        items = [ch.item for ch in charges]
        (vat,) = vat_breakdown(items)
        self.permit_text = self.permit()
        s = d.supplier
        self.letterhead(
            rng.choice(
                (
                    "Objektschutz · Revierdienst · Veranstaltungsschutz",
                    "Sicherheit für Ihr Unternehmen – seit 1987",
                    "Bewachung · Empfangsdienst · Alarmverfolgung",
                    "Ihr Partner für Sicherheit und Service",
                )
            ),
            [s.street, s.city_line, f"Tel. {d.phone}", d.email],
        )
        title = rng.choice(
            ("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}", "Rechnung Bewachungsleistungen")
        )
        y = self.subject(self.details_block(self.head_rows(), title))
        y = self.table(y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(charges), rng.random() < 0.5)
        if self.event and self.list_as:
            y = self.inline_list(y, shifts)
        y = self.totals(y, self.total_rows(vat))
        y = self.closing(y, shifts)
        assert y < self.limit + 6, "sicherheitsdienst_objekt: page overflow"
        if self.list_as and not self.event:
            self.appendix(shifts)
        pages = self.close_pages(rng.random() < 0.3)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.day_shown,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# bueromoebel_lieferung

_DEALERS = (
    ("Büromöbel Krause GmbH", ""),
    ("Hansen Office Interior GmbH", ""),
    ("Arbeitswelten Vogt GmbH", ""),
    ("ObjektRaum Büroeinrichtungen GmbH & Co. KG", "ObjektRaum Verwaltungs-GmbH"),
    ("Büro & Raum Einrichtungshaus GmbH & Co. KG", "Büro & Raum Beteiligungs GmbH"),
    ("Büroeinrichtung Lindner e.K.", "Frank Lindner"),
    ("Office Concept Behrens e.K.", "Maren Behrens"),
)
_PLATES = ("Eiche Natur", "Weiß", "Lichtgrau", "Buche", "Nussbaum", "Anthrazit")
_FRAMES = ("Weiß RAL 9016", "Silber RAL 9006", "Schwarz RAL 9005", "Alu gebürstet")
_FABRICS = (
    "Stoff Anthrazit",
    "Stoff Blau meliert",
    "Stoff Schwarz",
    "Netz Schwarz",
    "Kunstleder Cognac",
    "Stoff Petrol",
)
_BODIES = ("Weiß", "Lichtgrau", "Graphit", "Eiche Natur")
Variants = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Furniture:
    """A catalog article: its code, text, variant choices (label, values), list price range, most ordered."""

    code: str
    text: str
    variants: Variants
    lo: int
    hi: int
    most: int


_FURNITURE = (
    Furniture(
        "ST",
        "Schreibtisch elektrisch höhenverstellbar 160 x 80 cm",
        (("Platte", _PLATES), ("Gestell", _FRAMES)),
        590,
        1290,
        8,
    ),
    Furniture(
        "ST",
        "Schreibtisch 180 x 80 cm, C-Fuß-Gestell",
        (("Platte", _PLATES), ("Gestell", _FRAMES)),
        329,
        690,
        8,
    ),
    Furniture(
        "DS",
        "Bürodrehstuhl mit Synchronmechanik und Lordosenstütze",
        (
            ("Bezug", _FABRICS),
            ("Armlehnen", ("2D", "3D", "4D")),
            ("Rollen", ("hart für Teppich", "weich für Hartboden")),
        ),
        289,
        749,
        12,
    ),
    Furniture(
        "KS",
        "Konferenzstuhl Freischwinger, stapelbar",
        (("Bezug", _FABRICS), ("Gestell", ("verchromt", "Schwarz pulverbeschichtet"))),
        119,
        289,
        16,
    ),
    Furniture(
        "RC",
        "Rollcontainer mit 3 Schubladen und Zentralverschluss",
        (("Korpus", _BODIES), ("Front", _BODIES)),
        189,
        399,
        8,
    ),
    Furniture(
        "AS",
        "Aktenschrank 5 OH, 80 cm breit, mit Flügeltüren",
        (("Korpus", _BODIES), ("Türen", _BODIES)),
        359,
        789,
        4,
    ),
    Furniture(
        "SS", "Schiebetürenschrank 3 OH, 120 cm breit", (("Korpus", _BODIES), ("Türen", _BODIES)), 429, 899, 4
    ),
    Furniture(
        "SB", "Sideboard 160 cm, 4 Fächer, grifflos", (("Korpus", _BODIES), ("Front", _PLATES)), 390, 860, 3
    ),
    Furniture("BT", "Besprechungstisch rund Ø 120 cm", (("Platte", _PLATES), ("Fuß", _FRAMES)), 349, 790, 2),
    Furniture(
        "AW",
        "Akustik-Stellwand 160 x 140 cm, Stoffbespannung",
        (("Stoff", ("Grau", "Petrol", "Grün", "Anthrazit")),),
        219,
        489,
        8,
    ),
    Furniture(
        "MA",
        "Monitor-Tragarm für 2 Bildschirme, Gasfeder",
        (("Farbe", ("Silber", "Schwarz", "Weiß")),),
        89,
        239,
        12,
    ),
    Furniture("GA", "Garderobenständer mit 6 Haken", (("Farbe", ("Schwarz", "Weiß", "Chrom")),), 59, 149, 4),
    Furniture("LS", "Lounge-Sessel mit Armlehnen", (("Bezug", _FABRICS),), 449, 1190, 4),
    Furniture("KK", "Kabelkanal horizontal, 140 cm, zur Untertischmontage", (), 39, 89, 8),
)
_WARRANTIES = (
    (
        "Gewährleistung nach den gesetzlichen Bestimmungen (24 Monate ab Lieferdatum); 5 Jahre "
        "Herstellergarantie auf Gestelle und Stuhlmechaniken."
    ),
    (
        "Auf alle gelieferten Möbel gewähren wir 2 Jahre Gewährleistung, auf die elektrischen Antriebe der "
        "Steh-Sitz-Tische 3 Jahre Herstellergarantie."
    ),
    (
        "Garantie: 5 Jahre auf Möbelkorpusse und Gestelle, ausgenommen Verschleißteile (Rollen, Polster, "
        "Bezüge). Es gilt die gesetzliche Gewährleistung."
    ),
)


def calm(day: dt.date) -> dt.date:
    """`day` a year earlier when it, its delivery, order or advance may fall in the second half of 2020."""
    return day.replace(year=2019) if dt.date(2020, 5, 1) <= day <= dt.date(2021, 3, 31) else day


@dataclass(frozen=True)
class Placed:
    """A table line: its item, the article number, list price and discount printed, notes, delivery (1, 2)."""

    item: LineItem
    art: str
    price: Decimal
    discount: int
    notes: tuple[str, ...]
    delivery: int
    goods: bool = True


class BueromoebelLieferung(ObjektLook):
    """An office furniture dealer's invoice: articles with variants and discounts, delivery and assembly."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "helvetica")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, self.partner = rng.choice(_DEALERS)
        self.ek = name.endswith("e.K.")
        day = calm(data.date)
        self.delivered = day - dt.timedelta(days=rng.choice((0, 1, 2, 3, 5, 7)))
        self.two = rng.random() < 0.35
        self.first_delivery = self.delivered - dt.timedelta(days=rng.randint(4, 16))
        self.ordered = (self.first_delivery if self.two else self.delivered) - dt.timedelta(
            days=rng.randint(14, 50)
        )
        self.confirmed = self.ordered + dt.timedelta(days=rng.randint(1, 5))
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"RE{day.year}-{n:05d}",
                f"{day.year % 100}{n:05d}",
                f"R-{n:06d}",
                f"{day.year}/{n:04d}",
                f"VR {n + 100000}",
            )
        )
        word = name.split()[0].lower().replace("ö", "oe").replace("ü", "ue")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None if self.two else self.delivered,
            due_date=day + dt.timedelta(days=rng.choice((10, 14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_CLIENTS)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (
                    f"{rng.randint(10000, 99999)}",
                    f"K{rng.randint(100000, 999999)}",
                    f"D-{rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.8
            else "",
            order_no=rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"B-{self.ordered.year}-{rng.randint(1, 999):03d}",
                    f"PO {self.ordered.year % 100}/{rng.randint(100, 999)}",
                    f"{rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.6
            else "",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('info', 'rechnung', 'buchhaltung', 'service'))}@{word}-bueromoebel.de",
            register=f"HRA {rng.randint(1000, 29999)}"
            if "KG" in name or self.ek
            else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = (
            rng.choice(("vat", "both", "stnr")) if self.ek else ("both" if rng.random() < 0.3 else "vat")
        )
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short", "de_long")),
        )
        self.art_as = rng.choice(("code", "dotted", "digits"))
        self.art_column = rng.random() < 0.7
        self.discount_mode = rng.choice(("staffel", "projekt", "mixed"))
        self.project_discount = rng.choice((8, 10, 12, 15, 20, 25))
        self.discount_as = rng.choice(("pct", "pct", "dec", "minus"))
        self.variants_as = rng.choice(("joined", "lines"))
        self.montage = rng.choice(("hours", "hours", "lump"))
        self.two_as = rng.choice(("groups", "groups", "head"))
        self.order_in = rng.choice(("subject", "subject", "head"))
        self.order_word = rng.random() < 0.35  # an order without a number: "Ihre Bestellung vom ..."
        self.delivery_label = rng.choice(
            ("Lieferdatum", "Lieferdatum", "Liefer- und Montagedatum", "Leistungsdatum")
        )
        self.note_no = self.delivery_notes(rng)
        self.confirmation = rng.choice(
            (f"AB-{self.confirmed.year}-{rng.randint(1, 9999):04d}", f"A{rng.randint(100000, 999999)}")
        )
        self.confirmation_shown = rng.random() < 0.55
        self.job_no = f"{rng.randint(20000, 89999)}" if rng.random() < 0.4 else ""
        self.summary = rng.random() < 0.5
        self.advance = rng.random() < 0.4
        self.advance_as = rng.choice(("gross", "split"))
        self.advance_day = self.confirmed + dt.timedelta(days=rng.randint(0, 6))
        self.advance_no = rng.choice(
            (f"AR-{self.advance_day.year}-{rng.randint(1, 999):04d}", f"{rng.randint(10000, 99999)}-A")
        )
        self.skonto = rng.random() < 0.3
        self.with_bic = rng.random() < 0.8
        self.fax = rng.random() < 0.5
        self.contact = (
            rng.choice(("Herr Brückner", "Frau Aydın", "Herr Kolbe", "Frau Meißner"))
            if rng.random() < 0.35
            else ""
        )
        self.site = rng.random() < 0.35
        self.floor = rng.choice(("2. OG", "3. OG", "4. OG", "EG", "1. OG"))

    @staticmethod
    def delivery_notes(rng: random.Random) -> list[str]:
        """Two delivery note numbers of one format, the second some notes after the first."""
        form, lo, hi = rng.choice(
            (("LS {}", 100000, 899999), ("L{}", 1000000, 8999999), ("LS-{}", 10000, 89999))
        )
        first = rng.randint(lo, hi)
        return [form.format(first), form.format(first + rng.randint(3, 400))]

    # -- the lines

    def art(self, f: Furniture, pick: tuple[str, ...]) -> str:
        rng = self.rng
        if self.art_as == "code":
            tail = "".join(v[:2].upper() for v in pick[:1]).replace(" ", "") or "00"
            return f"{f.code}-{rng.randint(1000, 9999)}-{tail}"
        if self.art_as == "dotted":
            return f"{rng.randint(100, 999)}.{rng.randint(100, 999)}.{rng.randint(10, 99)}"
        return str(rng.randint(1000000, 9999999))

    def discount(self, qty: int) -> int:
        if self.discount_mode == "projekt":
            return self.project_discount
        if self.discount_mode == "staffel":
            return 15 if qty >= 10 else 10 if qty >= 5 else 5 if qty >= 3 else 0
        return self.rng.choice((0, 0, 5, 10, 15, 20, 30))

    def goods(self) -> list[Placed]:
        rng = self.rng
        count = rng.choice((3, 4, 5, 5, 6, 7, 8)) if rng.random() < 0.9 else rng.randint(10, 13)
        chosen = rng.sample(_FURNITURE, count)
        out = []
        for k, f in enumerate(chosen):
            pick = tuple(rng.choice(values) for _, values in f.variants)
            qty = rng.randint(1, f.most)
            price = Decimal(rng.randint(f.lo, f.hi)) + Decimal(rng.choice(("0", "0", "0.90", "0.50")))
            off = self.discount(qty)
            item = discounted(LineItem(f.text, "", Decimal(qty), "Stk.", price, 19), off).item
            labels = [f"{label}: {value}" for (label, _), value in zip(f.variants, pick, strict=True)]
            notes = (" · ".join(labels),) if self.variants_as == "joined" and labels else tuple(labels)
            part = 1 if not self.two or k < max(1, count // 2) else 2
            out.append(Placed(item, self.art(f, pick), price, off, notes, part))
        return out

    def services(self) -> list[Placed]:
        rng, p = self.rng, self.p
        last = 2 if self.two else 1
        out = []

        def add(text: str, qty: Decimal, unit: str, price: Decimal, notes: tuple[str, ...] = ()) -> None:
            out.append(Placed(LineItem(text, "", qty, unit, price, 19), "", price, 0, notes, last, False))

        if rng.random() < 0.85:
            text = rng.choice(
                ("Lieferung frei Verwendungsstelle", "Fracht- und Verpackungskosten", "Anlieferung")
            )
            add(text, Decimal(1), "pausch.", price_between(rng, 49, 189, "1"))
        if self.montage == "hours":
            fitters, each = rng.choice((1, 2, 2, 3)), Decimal(rng.randint(4, 16)) / 2
            rate = price_between(rng, 48, 68, "0.50")
            who = f"{fitters} Monteur{'e' if fitters > 1 else ''}"
            note = f"{who} × {quantity(each, p)} Std. am {p.date(self.delivered)}"
            add("Montage und Aufbau", each * fitters, "Std.", rate, (note,))
        else:
            add(
                "Montagepauschale Aufbau und Ausrichtung",
                Decimal(1),
                "pausch.",
                price_between(rng, 120, 690, "5"),
            )
        if rng.random() < 0.3:
            add(
                f"Etagenzuschlag {self.floor}, kein Aufzug",
                Decimal(1),
                "pausch.",
                price_between(rng, 35, 120, "5"),
            )
        if rng.random() < 0.35:
            if rng.random() < 0.5:
                add("Entsorgung Verpackungsmaterial", Decimal(1), "pausch.", price_between(rng, 25, 65, "1"))
            else:
                add(
                    "Abholung und Entsorgung Altmöbel",
                    Decimal(rng.randint(2, 8)),
                    "m³",
                    price_between(rng, 45, 75, "1"),
                )
        return out

    # -- the table

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 26, "left")]
        if self.art_column:
            spec.append(("art", "Art.-Nr.", 72, "left"))
        spec += [
            ("desc", rng.choice(("Bezeichnung", "Artikel", "Beschreibung")), 0, "left"),
            ("qty", rng.choice(("Menge", "Anz.")), 34, "right"),
            ("unit", rng.choice(("ME", "Einh.")), 36, "left"),
            ("price", rng.choice(("Einzelpreis", "EP", "Preis/Stk.")), 60, "right"),
            ("disc", rng.choice(("Rabatt", "Rabatt %", "Rab.")), 44, "right"),
            ("total", rng.choice(("Gesamt netto", "Betrag", "Netto")), 66, "right"),
        ]
        return spec

    def row(self, n: int, x: Placed) -> Row:
        p = self.p
        desc = x.item.description if self.art_column or not x.art else f"{x.art} {x.item.description}"
        values = {
            "pos": str(n),
            "art": x.art,
            "desc": desc,
            "qty": quantity(x.item.quantity, p),
            "unit": x.item.unit,
            "price": p.number(x.price),
            "disc": percent_text(x.discount, self.discount_as) if x.discount else "",
            "total": p.number(x.item.total),
        }
        return Row("item", values, x.item, x.notes)

    def rows(self, placed: list[Placed]) -> list[Row]:
        p = self.p
        out: list[Row] = []
        for n, x in enumerate(placed, 1):
            if self.two and self.two_as == "groups" and (n == 1 or placed[n - 2].delivery != x.delivery):
                day = self.first_delivery if x.delivery == 1 else self.delivered
                note = self.note_no[x.delivery - 1]
                head = f"Teillieferung {x.delivery}: Lieferschein {note} vom {p.date(day)}"
                out.append(Row("group", {"desc": head}))
            out.append(self.row(n, x))
        return out

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Ihre Kd.-Nr.")), d.customer_no))
        if self.job_no:
            rows.append((rng.choice(("Auftrags-Nr.", "Unser Auftrag")), self.job_no))
        if not self.two:
            rows.append((rng.choice(("Lieferschein-Nr.", "Lieferschein")), self.note_no[0]))
            rows.append((self.delivery_label, p.date(self.delivered)))
        elif self.two_as == "head":
            rows.append(("Lieferscheine", f"{self.note_no[0]}, {self.note_no[1]}"))
            rows.append(("Lieferungen", f"{p.date(self.first_delivery)} / {p.date(self.delivered)}"))
        if d.order_no and self.order_in == "head" and not self.order_word:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre Bestellnummer", "Bestell-Nr.")), d.order_no))
        if self.contact:
            rows.append(("Ansprechpartner", self.contact))
        return rows

    def subject(self, y: float) -> float:
        c, d, p, rng, L = self.c, self.data, self.p, self.rng, self.LEFT
        r = d.customer
        lines = [
            rng.choice(
                (
                    "Lieferung und Montage von Büromöbeln",
                    "Büroeinrichtung – Lieferung und Montage",
                    f"Ihre neue Büroeinrichtung, {r.city}",
                )
            )
        ]
        if d.order_no and not self.order_word and self.order_in == "subject":
            lines.append(
                rng.choice(
                    (
                        "Ihre Bestellung Nr. {n} vom {d}",
                        "Ihre Bestellung {n} vom {d}",
                        "Bezug: Ihre Bestellung Nr. {n} vom {d}",
                    )
                ).format(n=d.order_no, d=p.date(self.ordered))
            )
        elif self.order_word or not d.order_no:
            lines.append(
                rng.choice(("Ihre Bestellung vom {d}", "Ihre Bestellung per E-Mail vom {d}")).format(
                    d=p.date(self.ordered)
                )
            )
        if self.confirmation_shown:
            lines.append(f"Unsere Auftragsbestätigung Nr. {self.confirmation} vom {p.date(self.confirmed)}")
        if self.site:
            street = f"{rng.choice(_OBJECT_STREETS)} {rng.randint(1, 90)}"
            lines.append(f"Lieferanschrift: {r.name}, {street}, {self.floor}, {r.city_line}")
        for k, line in enumerate(lines):
            c.fit_text(L, y + 4, line, 9.5 if k == 0 else 8.8, self.RIGHT - L, bold=k == 0)
            y += 12.5
        return y + 4

    def total_rows(self, placed: list[Placed], vat: VatLine) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        rows: list[tuple[str, Decimal, bool]] = []
        ware = sum((x.item.total for x in placed if x.goods), Decimal(0))
        if self.summary and ware != vat.base:
            rows.append((rng.choice(("Warenwert netto", "Summe Ware", "Möbel netto")), ware, False))
            rows.append(
                (
                    rng.choice(("Lieferung und Montage", "Dienstleistungen", "Nebenleistungen")),
                    vat.base - ware,
                    False,
                )
            )
        gross = rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Bruttobetrag", "Summe brutto"))
        if self.p.currency == "none":
            gross += " EUR"
        rows += [
            (rng.choice(("Nettobetrag", "Summe netto", "Gesamt netto")), vat.base, False),
            (
                rng.choice(("zzgl. 19 % MwSt.", "19 % MwSt.", "Umsatzsteuer 19 %", "USt 19 %")),
                vat.amount,
                False,
            ),
            (gross, vat.base + vat.amount, True),
        ]
        return rows

    def advance_part(self, gross: Decimal) -> Decimal:
        """The advance's net: 30, 40 or 50 % of the net, in whole hundreds (at least 100)."""
        share = Decimal(self.rng.choice(("0.3", "0.4", "0.5")))
        return max(Decimal(100), (gross / Decimal("1.19") * share // 100) * 100)

    def deduction(self, y: float, gross: Decimal) -> tuple[float, Decimal]:
        """The advance deducted under the total; returns the baseline after it and the amount due."""
        net, tax = self.advance_net, self.advance_net * Decimal("0.19")
        due = gross - net - tax
        p, rng = self.p, self.rng
        ref = f"Rechnung Nr. {self.advance_no} vom {p.date(self.advance_day)}"
        if self.advance_as == "gross":
            rows = [(f"abzgl. Anzahlung lt. {ref}", -(net + tax), False)]
        else:
            rows = [
                (f"abzgl. Anzahlung netto ({ref})", -net, False),
                ("abzgl. 19 % USt. auf die Anzahlung", -tax, False),
            ]
        rows.append((rng.choice(("Restbetrag", "Zahlbetrag", "Noch zu zahlen")), due, True))
        if y + 16 * len(rows) + 10 > self.limit:
            y = self.next_page()
        c, R = self.c, self.RIGHT
        for label, value, final in rows:
            y += 15
            if final:
                c.line(R - 330, y - 11, R, y - 11, width=0.6)
            c.fit_text(R - 330, y, label, 8.8, 240, bold=final)
            c.text(R, y, p.amount(value), 8.8 if not final else 9.3, bold=final, align="right")
        return y + 8, due

    def closing(self, y: float, gross: Decimal, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        days = (d.due_date - d.date).days
        texts: list[tuple[str, bool]] = []
        if self.skonto:
            until = d.date + dt.timedelta(days=rng.choice((7, 8, 10)))
            cut = (due * Decimal("0.02")).quantize(Decimal("0.01"))
            texts.append(
                (
                    (
                        f"Bei Zahlung bis zum {p.date(until)} gewähren wir 2 % Skonto ({p.amount(cut)}), danach "
                        f"zahlbar bis {p.date(d.due_date)} ohne Abzug."
                    ),
                    True,
                )
            )
        else:
            texts.append(
                (
                    rng.choice(
                        (
                            f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                            f"Bitte überweisen Sie {p.amount(due)} bis zum {p.date(d.due_date)}.",
                        )
                    ),
                    True,
                )
            )
        if self.advance and self.advance_as == "gross":
            net, tax = self.advance_net, self.advance_net * Decimal("0.19")
            texts.append(
                (f"In der Anzahlung enthalten: {p.amount(net)} netto zzgl. 19 % USt. {p.amount(tax)}.", False)
            )
        texts.append((rng.choice(_WARRANTIES), False))
        texts.append(("Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.", False))
        keep = len(texts)
        if rng.random() < 0.4:
            texts.append(
                (
                    "Vielen Dank für Ihren Auftrag! Wir wünschen Ihnen viel Freude mit Ihren neuen Möbeln.",
                    False,
                )
            )
        return self.short_texts(y, texts, keep)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        if self.ek:
            legal = [
                f"Inhaber{'in' if self.partner.startswith('Maren') else ''}: {self.partner}",
                f"Amtsgericht {s.city} {d.register}",
            ]
        else:
            legal = [f"Amtsgericht {s.city} {d.register}"]
            if self.partner:
                legal.append(f"phG: {self.partner}")
            legal.append(f"Geschäftsführer: {d.ceo}")
        legal += self.tax_ids("USt-IdNr.", "St.-Nr.")
        contact = [s.name, s.street, s.city_line, f"Tel. {d.phone}"]
        if self.fax:
            contact.append(f"Fax {fax_of(d.phone)}")
        contact.append(d.email)
        cols = [
            contact,
            legal,
            [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else []),
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        placed = self.goods() + self.services()
        items = [x.item for x in placed]
        (vat,) = vat_breakdown(items)
        gross = vat.base + vat.amount
        s = d.supplier
        self.letterhead(
            rng.choice(
                (
                    "Büromöbel · Objekteinrichtung · Akustik",
                    "Ergonomische Arbeitsplätze für Büro und Agentur",
                    "Planung · Lieferung · Montage",
                    "Ihr Fachhändler für Büroeinrichtung",
                )
            ),
            [s.street, s.city_line, f"Tel. {d.phone}", d.email],
        )
        title = rng.choice(
            (
                "Rechnung",
                "RECHNUNG",
                f"Rechnung Nr. {d.number}",
                "Schlussrechnung" if self.advance else "Rechnung",
            )
        )
        y = self.subject(self.details_block(self.head_rows(), title))
        y = self.table(y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(placed), rng.random() < 0.5)
        rows = self.total_rows(placed, vat)
        if self.total_style == "strip" and len(rows) > 4:
            self.total_style = "block"
        y = self.totals(y, rows)
        due = gross
        self.advance_net = self.advance_part(gross)
        if self.advance:
            y, due = self.deduction(y, gross)
        y = self.closing(y, gross, due)
        assert y < self.limit + 6, "bueromoebel_lieferung: page overflow"
        pages = self.close_pages(rng.random() < 0.25)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=not self.two,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no) and not self.order_word,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

OBJEKT_FAMILIES: dict[str, type[TripSheet]] = {
    "sicherheitsdienst_objekt": SicherheitsdienstObjekt,
    "bueromoebel_lieferung": BueromoebelLieferung,
}


def draw_objekt(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(OBJEKT_FAMILIES[name], name, seed)
