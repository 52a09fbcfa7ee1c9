"""Two invoice layout families of an emergency locksmith or glazier called out at night and of a trade
publisher billing journal subscriptions, designed blind (session 18).

Like `families_kanzlei`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_notdienst(name, seed)`. Both draw on `RentalLook` of `families_getraenk` (the letterheads, details,
table heads and totals of `families_dienst`) and return a `TripDrawing` (truth keys only for values printed).

- `schluesseldienst_notdienst`: an emergency locksmith's ("Schlüsseldienst", "Aufsperrdienst") or glazier's
  ("Glaserei mit Glasnotdienst") invoice to an agency after a call-out in the evening, at night or on a
  weekend: a door opening (non-destructive at a flat price, or the cylinder drilled out and replaced), a lock
  cylinder changed after a break-in, or an emergency glazing (a boarded-up window, the broken glass removed,
  the new pane measured for a later invoice). The lines: a call-out fee ("Anfahrtspauschale", "Anfahrt
  Zone 1"), the working time in 15-minute units ("3 × 15 Min." or the unit "AE" or "15 Min."), a night /
  weekend surcharge as a percentage of the working time (and call-out on some seeds, its base printed in
  the line) or as a flat amount, the material (a Profilzylinder with maker, series, length and article
  number, extra keys, boarding in m², small material), all at 19 %. The job: the time the call came in
  (the day before, when it came before midnight and the technician arrived after it), arrival and the end of
  the work, the address of the job ("Einsatzort"), the technician ("Monteur" / "Techniker"), a police case
  number after a break-in on some glazier seeds. Either a letter (window address, details at the right or
  in boxes, the table, totals) or a compact form on an A5-sized area at the top of the sheet (a frame,
  boxes with the job's times, a gridded table, tick boxes for the way of payment, signature lines). Paid on
  site on most seeds ("Betrag dankend erhalten", "Bezahlt per EC-Karte" with terminal and receipt numbers,
  cash with the amount given and the change: trap amounts); the company's account then left out on some
  seeds; otherwise "zahlbar sofort" or within 7 / 14 days by transfer. Truth: the usual keys; `lieferant` the
  company as printed; `leistungsdatum` the day of the job under "Leistungsdatum", "Einsatzdatum" or
  "Einsatztag" (the day the technician arrived); `kundennummer` where a customer number is printed (some
  letter seeds); no `bestellnummer` (the job number is the company's own); `iban` / `bic` only where the
  company's account is printed.
- `fachzeitschrift_abo`: a trade publisher's (a GmbH & Co. KG most often, or a GmbH) yearly subscription
  invoice for one or two journals: the invoice number, the customer number and the subscription number
  ("Abo-Nr.") in the head, the subscription period ("Bezugszeitraum 01.01.2025 – 31.12.2025", or a year
  from a month on some seeds), the journal's ISSN (with its check digit) and the issues a year. The print
  edition at 7 % with its shipping ("Versandkosten Inland") at 7 % too: shipping is an ancillary service of
  the delivery of the printed journal and shares its rate (UStAE 3.10), so it is never split off at 19 %; the
  e-paper / online archive access at 7 % (included in the price and printed as "inklusive" on some seeds;
  a paid digital upgrade on others; digital-only subscriptions without shipping), a database or online
  service ("Online-Datenbank", "Webinar-Flatrate") at 19 % on some seeds (then two rates), a second copy at a
  reduced price or a student / trainee discount (a negative line at 7 %) on some seeds. Totals per rate
  ("Nettobetrag 7 %", "zzgl. 7 % USt", ...) or a summary by rate; the cancellation note ("Das Abonnement
  verlängert sich um ein weiteres Jahr, wenn es nicht bis 6 Wochen vor Ablauf gekündigt wird"), payment by
  SEPA direct debit (masked IBAN, mandate reference, creditor ID) or by transfer within 14 / 30 days quoting
  the subscription number; the footer with the KG's HRA and its general partner with its HRB, the managing
  directors, the USt-IdNr., the bank. Truth: the usual keys, `kundennummer` (never the Abo-Nr.) and
  `bestellnummer` (the agency's order number, on some seeds) where printed; no `leistungsdatum` (a period);
  `iban` / `bic` where the publisher's account is printed.

Both date their invoices from March 2021 to May 2025: no job or subscription period falls in the second half
of 2020 (German VAT 16 % / 5 %), and e-papers were taxed at 7 % then (since 18 December 2019).
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
from benchmarks.synth.families_getraenk import RentalLook, price_between
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    cells,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
    grid_lines,
    initials,
    logo,
)
from benchmarks.synth.families_recht import rate_summary, recent_day
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import RULE
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
    "Pixelwerk Werbeagentur GmbH",
    "Agentur Zeitsprung GmbH",
    "Studio Feldmann Design GmbH",
    "Kontor 21 Kreativagentur GmbH",
    "Brandmeister Kommunikation GmbH",
    "Nordlicht Media Group GmbH",
    "Werbeagentur Leuchtfeuer GmbH",
    "Blau & Gelb Werbeagentur GmbH",
)


def first_day(rng: random.Random, data: InvoiceData) -> dt.date:
    """The invoice's day from March 2021 to May 2025."""
    day = recent_day(rng, data.date)
    return day + dt.timedelta(days=60) if day < dt.date(2021, 3, 1) else day


def clock(t: dt.datetime) -> str:
    return f"{t:%H:%M}"


# ---------------------------------------------------------------------------
# schluesseldienst_notdienst

# Companies: (name, trade: "lock" or "glass", tagline).
_LOCKSMITHS = (
    ("Schlüsseldienst Yilmaz e.K.", "lock", "24h Schlüsselnotdienst · Türöffnungen · Sicherheitstechnik"),
    ("Aufsperrdienst Brandl GmbH", "lock", "Türöffnung · Schließanlagen · Einbruchschutz"),
    ("Sicherheitstechnik Kowalczyk GmbH", "lock", "Schlüsseldienst · Tresore · Schließanlagen"),
    ("Schloss & Schlüssel Hartmann e.K.", "lock", "Ihr Schlüsseldienst vor Ort – Tag und Nacht"),
    ("Glaserei Becker GmbH", "glass", "Glaserei · Glasnotdienst · Fenster und Türen"),
    ("Glas-Notdienst Lindner e.K.", "glass", "Notverglasung rund um die Uhr · Glasreparatur"),
    ("Glas und Sicherheit Reuter GmbH & Co. KG", "glass", "Glaserei · Einbruchschutz · Schlüsseldienst"),
)
_TECHNICIANS = ("M. Schäfer", "D. Nowak", "S. Arslan", "K. Vogt", "T. Krause", "A. Petrović", "J. Albers")
# Cylinders: (text, article number, least and most price).
_CYLINDERS = (
    ("ABUS Profil-Doppelzylinder EC550 NP, {a}/{b} mm, inkl. 3 Schlüssel", "EC550-{a}{b}", 39, 69),
    ("BKS Profilzylinder Serie 88, {a}/{b} mm, Not- und Gefahrenfunktion", "8800-{a}-{b}", 79, 129),
    ("DOM ix Twido Doppelzylinder {a}/{b} mm, Sicherungskarte, 5 Schlüssel", "611TW-{a}{b}", 119, 189),
    ("EVVA ICS Profilzylinder {a}/{b} mm, Bohr- und Ziehschutz", "ICS-DZ{a}{b}", 139, 219),
    ("CES Profilzylinder 810 {a}/{b} mm, Sicherungskarte", "810-{a}/{b}", 59, 99),
)
_WORDS_LOCK = {
    "callout": "Anfahrtspauschale|Anfahrt Zone 1 (Stadtgebiet)|Anfahrt und Rückfahrt|Einsatzpauschale",
    "work": "Arbeitszeit|Arbeitslohn Monteur|Montagezeit",
    "job": "Auftrags-Nr.|Einsatz-Nr.|Auftrag",
    "service_day": "Leistungsdatum|Einsatzdatum|Einsatztag",
    "called": "Auftrag erteilt|Anruf|Auftragseingang",
    "arrived": "Ankunft|Ankunft vor Ort|Eintreffen",
    "done": "Arbeitsende|Fertigstellung|Ende",
    "tech": "Monteur|Techniker|Ausgeführt von",
    "site": "Einsatzort|Leistungsort|Objekt",
}


@dataclass(frozen=True)
class Callout:
    """The job's times: the call, the arrival, the end of the work, and the surcharge's kind."""

    called: dt.datetime
    arrived: dt.datetime
    done: dt.datetime
    kind: str  # "night", "evening", "weekend"


def call_times(rng: random.Random, day: dt.date) -> Callout:
    """A call in the evening, at night (often just before midnight, the arrival after it) or on a weekend."""
    kind = rng.choice(("night", "night", "evening", "weekend"))
    if kind == "weekend":
        day += dt.timedelta(days=(5 - day.weekday()) % 7 + rng.choice((0, 1)))
        start = dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)))
    elif kind == "evening":
        day += dt.timedelta(days=1) if day.weekday() >= 5 else dt.timedelta(0)
        day += dt.timedelta(days=1) if day.weekday() >= 5 else dt.timedelta(0)
        start = dt.datetime.combine(day, dt.time(rng.randint(18, 21), rng.randint(0, 59)))
    else:
        hour = rng.choice((22, 23, 23, 0, 1, 2, 4))
        start = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)))
    arrived = start + dt.timedelta(minutes=rng.randint(18, 55))
    return Callout(start, arrived, arrived, kind)


class SchluesseldienstNotdienst(RentalLook):
    """An emergency locksmith's or glazier's invoice after a call-out: a letter or a compact A5 form."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "either"
    A5_WIDTH = 420.0  # points: an A5 sheet's width
    A5_HEIGHT = 595.0

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, self.trade, self.tagline = rng.choice(_LOCKSMITHS)
        day = first_day(rng, data)
        self.times = call_times(rng, day)
        self.job_day = self.times.arrived.date()
        late = rng.random() < 0.45  # written in the office a few days later, else on site
        date = self.job_day + dt.timedelta(days=rng.randint(1, 6) if late else 0)
        self.payment = rng.choice(("card", "card", "cash", "transfer")) if not late else "transfer"
        if not late and rng.random() < 0.3:
            self.payment = "transfer"
        n = rng.randint(1, 9999)
        number = rng.choice((f"{date.year}-{n:04d}", f"R{date.year % 100}{n:04d}", f"{n:05d}", f"ND-{n:04d}"))
        self.form = rng.random() < 0.4
        word = name.split()[1 if name.startswith(("Glas-", "Glas ", "Schloss")) else 0].lower()
        word = word.replace("ü", "ue").replace("ä", "ae").replace("&", "").replace("-", "") or "notdienst"
        data = dataclasses.replace(
            data,
            number=number,
            date=date,
            service_date=self.job_day,
            due_date=date + dt.timedelta(days=rng.choice((0, 7, 14))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=f"{rng.randint(10000, 99999)}" if not self.form and rng.random() < 0.3 else "",
            order_no="",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('info', 'kontakt', 'buero'))}@{word}-notdienst.de",
            register=f"HRA {rng.randint(1000, 19999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.p = Printer(
            rng.choice(("de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted_short")),
        )
        self.w = {key: rng.choice(value.split("|")) for key, value in _WORDS_LOCK.items()}
        self.tech = rng.choice(_TECHNICIANS)
        self.job = f"{rng.choice(('A', 'E', 'ND'))}-{rng.randint(10000, 99999)}"
        self.own_bank = self.payment == "transfer" or rng.random() < 0.5
        self.with_bic = rng.random() < 0.75
        self.on_site = self.data.customer.street
        if rng.random() < 0.4:
            self.on_site = f"{rng.choice(('Lager', 'Studio', 'Büro 2. OG', 'Hinterhof'))}, {self.on_site}"
        self.police = f"{day.year}/{rng.randint(100000, 999999)}" if rng.random() < 0.5 else ""
        self.left = 36.0 if rng.random() < 0.6 else (self.c.width - self.A5_WIDTH) / 2

    # -- the charges

    def work_units(self, units: int) -> LineItem:
        rng = self.rng
        price = price_between(rng, 17, 32, "0.5")
        style = rng.choice(("units", "ae", "quarter"))
        start, end = self.times.arrived, self.times.arrived + dt.timedelta(minutes=15 * units)
        span = f"{clock(start)}–{clock(end)} Uhr"
        if style == "units":
            return LineItem(
                f"{self.w['work']} {span} ({units} × 15 Min.)", "", Decimal(units), "15 Min.", price, 19
            )
        if style == "ae":
            return LineItem(
                f"{self.w['work']} {span}, je angef. 15 Min.", "", Decimal(units), "AE", price, 19
            )
        return LineItem(f"{self.w['work']} {span}", "", Decimal(units) / 4, "Std.", price * 4, 19)

    def surcharge(self, base: list[LineItem]) -> LineItem:
        rng, p = self.rng, self.p
        word = {
            "night": rng.choice(("Nachtzuschlag (22–6 Uhr)", "Nachtzuschlag", "Notdienstzuschlag Nacht")),
            "evening": rng.choice(("Notdienstzuschlag (ab 18 Uhr)", "Zuschlag außerhalb der Geschäftszeit")),
            "weekend": rng.choice(("Wochenendzuschlag", "Samstagszuschlag"))
            if self.times.called.weekday() == 5
            else rng.choice(("Wochenendzuschlag", "Sonn- und Feiertagszuschlag")),
        }[self.times.kind]
        if rng.random() < 0.4:
            return LineItem(
                f"{word} pauschal", "", Decimal(1), "pausch.", price_between(rng, 40, 120, "5"), 19
            )
        pct = rng.choice((50, 50, 100)) if self.times.kind != "evening" else rng.choice((25, 50))
        on = sum((i.total for i in base), Decimal(0))
        what = "Anfahrt und Arbeitszeit" if len(base) > 1 else "Arbeitszeit"
        text = f"{word} {pct} % auf {what} ({p.amount(on)})"
        return LineItem(text, "", Decimal(1), "", round_cent(on * pct / 100), 19)

    def cylinder(self) -> LineItem:
        rng = self.rng
        text, art, lo, hi = rng.choice(_CYLINDERS)
        a = rng.choice((30, 30, 35, 40))
        b = rng.choice((30, 35, 40, 45, 50))
        return LineItem(
            text.format(a=a, b=b),
            art.format(a=a, b=b),
            Decimal(1),
            "Stk.",
            price_between(rng, lo, hi, "0.5"),
            19,
        )

    def items(self) -> list[LineItem]:
        rng = self.rng
        callout = LineItem(
            self.w["callout"], "", Decimal(1), "pausch.", price_between(rng, 35, 89, "0.5"), 19
        )
        out = [callout]
        extra: list[LineItem] = []
        if self.trade == "lock":
            job = rng.choice(("open", "drill", "change"))
            if job == "open":
                text = rng.choice(
                    (
                        "Türöffnung zerstörungsfrei (Tür zugefallen)",
                        "Öffnung Wohnungs-/Bürotür, zerstörungsfrei",
                    )
                )
                out.append(LineItem(text, "", Decimal(1), "pausch.", price_between(rng, 69, 149, "1"), 19))
                units = rng.randint(1, 2)
            else:
                units = rng.randint(2, 6)
                if job == "drill":
                    extra.append(
                        LineItem(
                            "Zylinder aufgebohrt, Bohrerverschleiß",
                            "",
                            Decimal(1),
                            "pausch.",
                            price_between(rng, 9, 25, "0.5"),
                            19,
                        )
                    )
                extra.append(self.cylinder())
        else:
            units = rng.randint(3, 8)
            area = Decimal(rng.randint(40, 320)) / 100
            board = rng.choice(("OSB-Platte 18 mm", "Siebdruckplatte 12 mm", "Spanplatte 19 mm"))
            extra.append(
                LineItem(
                    f"Notverglasung: {board}, zugeschnitten und verschraubt",
                    "",
                    area,
                    "m²",
                    price_between(rng, 28, 65, "0.5"),
                    19,
                )
            )
            extra.append(
                LineItem(
                    "Glasscherben entfernt und entsorgt",
                    "",
                    Decimal(1),
                    "pausch.",
                    price_between(rng, 15, 45, "1"),
                    19,
                )
            )
            if rng.random() < 0.5:
                extra.append(
                    LineItem(
                        "Aufmaß für Ersatzverglasung",
                        "",
                        Decimal(1),
                        "pausch.",
                        price_between(rng, 19, 39, "1"),
                        19,
                    )
                )
            if rng.random() < 0.35:
                extra.append(self.cylinder())
        work = self.work_units(units)
        out.append(work)
        self.times = dataclasses.replace(
            self.times, done=self.times.arrived + dt.timedelta(minutes=15 * units)
        )
        base = [callout, work] if rng.random() < 0.4 else [work]
        out.append(self.surcharge(base))
        out += extra
        if any(i.article for i in extra) and rng.random() < 0.5:
            keys = rng.randint(1, 4)
            out.append(
                LineItem(
                    "Zusätzlicher Schlüssel zum Zylinder",
                    "",
                    Decimal(keys),
                    "Stk.",
                    price_between(rng, 6, 18, "0.5"),
                    19,
                )
            )
        if rng.random() < 0.3:
            out.append(
                LineItem("Kleinmaterial", "", Decimal(1), "pausch.", price_between(rng, 4, 15, "0.5"), 19)
            )
        return out

    # -- the job and the payment

    def call_rows(self) -> list[tuple[str, str]]:
        t, w, p = self.times, self.w, self.p
        called = clock(t.called) + " Uhr"
        if t.called.date() != t.arrived.date():
            called = f"{p.date(t.called.date())}, {called}"
        rows = [
            (w["service_day"], p.date(self.job_day)),
            (w["called"], called),
            (w["arrived"], clock(t.arrived) + " Uhr"),
            (w["done"], clock(t.done) + " Uhr"),
            (w["site"], f"{self.on_site}, {self.data.customer.city_line}"),
            (w["tech"], self.tech),
        ]
        if self.trade == "glass" and self.police:
            rows.append(("Polizei-Vorgangs-Nr.", self.police))
        return rows

    def paid_texts(self, gross: Decimal) -> list[str]:
        d, p, rng = self.data, self.p, self.rng
        if self.payment == "card":
            receipt = (
                f"Terminal-ID {rng.randint(52000000, 69999999)} · Beleg-Nr. {rng.randint(1, 9999):04d} · "
                f"{rng.choice(('girocard', 'Visa', 'Mastercard'))}"
            )
            head = rng.choice(
                ("Bezahlt per EC-Karte", "Betrag per Kartenzahlung erhalten", "Bezahlt mit Karte")
            )
            return [f"{head} am {p.date(self.job_day)} um {clock(self.times.done)} Uhr.", receipt]
        if self.payment == "cash":
            given = (gross / 50).to_integral_value(rounding="ROUND_CEILING") * 50
            change = given - gross
            text = rng.choice(
                (
                    "Betrag dankend erhalten.",
                    "Betrag in bar dankend erhalten.",
                    "Bar bezahlt – Betrag dankend erhalten.",
                )
            )
            if change and rng.random() < 0.7:
                return [text, f"Gegeben {p.amount(given)} · Rückgeld {p.amount(change)}"]
            return [text]
        days = (d.due_date - d.date).days
        if days == 0:
            return ["Zahlbar sofort ohne Abzug."]
        return [
            rng.choice(
                (
                    f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                    f"Bitte überweisen Sie den Betrag bis zum {p.date(d.due_date)}.",
                )
            )
        ]

    def bank_line(self) -> str:
        d = self.data
        return f"{self.bank_name()} · IBAN {self.iban}" + (f" · BIC {d.iban.bic}" if self.with_bic else "")

    # -- the letter

    def letter(self, items: list[LineItem], vat: VatLine) -> None:
        d, p, rng = self.data, self.p, self.rng
        contact = [f"Notruf 24 h: {d.phone}", d.supplier.street, d.supplier.city_line, d.email]
        self.letterhead(self.tagline, contact)
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            ("Datum", p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        rows.append((self.w["job"], self.job))
        y = self.details_block(rows, rng.choice(("Rechnung", "RECHNUNG", "Rechnung Notdiensteinsatz")))
        y = self.job_block(y + 4)
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 26, "left"),
            ("desc", rng.choice(("Bezeichnung", "Leistung / Material", "Beschreibung")), 0, "left"),
            ("qty", "Menge", 44, "right"),
            ("unit", "Einh.", 44, "left"),
            ("price", rng.choice(("Einzelpreis", "EP")), 62, "right"),
            ("total", rng.choice(("Gesamt", "Betrag")), 66, "right"),
        ]
        y = self.table(y, columns(spec, self.LEFT, self.RIGHT), self.rows(items), False)
        y = self.totals(y, self.total_rows(vat))
        texts = [(t, k == 0) for k, t in enumerate(self.paid_texts(vat.base + vat.amount))]
        texts.append(
            (
                rng.choice(
                    (
                        "Vielen Dank für Ihren Auftrag. Die Arbeiten wurden ordnungsgemäß ausgeführt "
                        "und abgenommen.",
                        "Arbeiten ausgeführt und vom Auftraggeber abgenommen. Vielen Dank für Ihr Vertrauen!",
                    )
                ),
                False,
            )
        )
        y = self.short_texts(y, texts, len(texts) - 1)
        assert y < self.limit + 6, "schluesseldienst_notdienst: page overflow"

    def job_block(self, y: float) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        rows = self.call_rows()
        c.text(L, y + 8, "Einsatzdaten", 9, bold=True, colour=self.brand)
        half = (R - L) / 2
        top = y + 21
        for i, (label, value) in enumerate(rows):
            x, row_y = L + (i % 2) * half, top + (i // 2) * 11.5
            c.text(x, row_y, f"{label}:", 8.2, colour=GREY)
            c.fit_text(x + 96, row_y, value, 8.4, half - 102)
        return top + 11.5 * ((len(rows) + 1) // 2) + 4

    def rows(self, items: list[LineItem]) -> list[Row]:
        p, out = self.p, []
        for n, item in enumerate(items, 1):
            notes = (f"Art.-Nr. {item.article}",) if item.article else ()
            values = {
                "pos": str(n),
                "desc": item.description,
                "qty": quantity(item.quantity, p),
                "unit": item.unit,
                "price": p.number(item.unit_price),
                "total": p.number(item.total),
            }
            out.append(Row("item", values, item, notes))
        return out

    def total_rows(self, vat: VatLine) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        gross = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Endbetrag", "Summe brutto"))
        if self.p.currency == "none":
            gross += " EUR"
        return [
            (rng.choice(("Nettobetrag", "Summe netto", "Zwischensumme")), vat.base, False),
            (rng.choice(("zzgl. 19 % MwSt.", "19 % USt.", "MwSt. 19 %")), vat.amount, False),
            (gross, vat.base + vat.amount, True),
        ]

    # -- the compact form

    def form_page(self, items: list[LineItem], vat: VatLine) -> None:
        c, d, p, rng = self.c, self.data, self.p, self.rng
        x0, x1 = self.left, self.left + self.A5_WIDTH
        L, R = x0 + 16, x1 - 16
        c.box(x0, 14, x1, 14 + self.A5_HEIGHT, stroke=RULE, width=0.5)
        s = d.supplier
        logo(c, rng.choice(("square", "circle", "house")), L, 26, 30, self.brand, initials(s.name))
        c.fit_text(L + 38, 40, s.name, 11.5, R - L - 38, bold=True, colour=self.brand)
        c.fit_text(L + 38, 51, self.tagline, 6.8, R - L - 38, colour=GREY)
        c.fit_text(L + 38, 61, f"{s.street} · {s.city_line} · Tel. {d.phone}", 6.8, R - L - 38, colour=GREY)
        title = rng.choice(("Rechnung / Arbeitsnachweis", "Einsatzbericht und Rechnung", "Rechnung"))
        c.text(L, 84, title, 11, bold=True)
        c.text(R, 84, f"Nr. {d.number}", 10, bold=True, align="right")
        y = 92.0
        boxes = [("Rechnungsdatum", p.date(d.date)), *self.call_rows()[:4]]
        y = self.form_boxes(y, boxes, L, R, 3)
        r = d.customer
        y = self.form_boxes(y, [("Auftraggeber", f"{r.name}, {r.street}, {r.city_line}")], L, R, 1)
        rest = self.call_rows()[4:]
        y = self.form_boxes(y, rest, L, R, len(rest))
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", "Leistung / Material", 0, "left"),
            ("qty", "Menge", 36, "right"),
            ("price", "Preis", 50, "right"),
            ("total", "Betrag", 56, "right"),
        ]
        cols = columns(spec, L, R)
        top = y + 8
        c.box(L, top, R, top + 13, fill=LIGHT, stroke=None)
        cells(c, cols, top + 9.5, {col.key: col.head for col in cols}, 7, bold=True)
        y = top + 13
        for item in items:
            text = f"{item.description} (Art.-Nr. {item.article})" if item.article else item.description
            lines = c.wrap(text, cols[0].width - 4, 7)
            qty = f"{quantity(item.quantity, p)} {item.unit}".strip()
            cells(
                c,
                cols,
                y + 9,
                {"qty": qty, "price": p.number(item.unit_price), "total": p.number(item.total)},
                7,
            )
            for k, line in enumerate(lines):
                c.text(cols[0].anchor, y + 9 + 9 * k, line, 7)
            y += 9 * len(lines) + 4
            c.line(L, y, R, y, width=0.3, colour=RULE)
        grid_lines(c, cols, top, y, 0.3)
        c.box(L, top, R, y, stroke=GREY, width=0.5)
        rows = self.total_rows(vat)
        for label, value, final in rows:
            y += 12
            c.text(R - 150, y, label, 7.8, bold=final)
            c.text(R, y, p.amount(value), 7.8, bold=final, align="right")
        y = self.form_payment(y + 16, L, R, vat.base + vat.amount)
        assert y < 14 + self.A5_HEIGHT - 50, "schluesseldienst_notdienst: form overflow"

    def form_boxes(self, y: float, rows: Sequence[tuple[str, str]], L: float, R: float, per: int) -> float:
        c = self.c
        width = (R - L) / per
        for i, (label, value) in enumerate(rows):
            x, top = L + (i % per) * width, y + (i // per) * 24
            c.box(x, top, x + width, top + 24, stroke=GREY, width=0.4)
            c.text(x + 3, top + 8, label, 5.8, colour=GREY)
            c.fit_text(x + 3, top + 19, value, 8, width - 6, min_size=5.5)
        return y + 24 * ((len(rows) + per - 1) // per)

    def form_payment(self, y: float, L: float, R: float, gross: Decimal) -> float:
        c = self.c
        x = L
        for key, word in (("cash", "Bar"), ("card", "EC-/Kreditkarte"), ("transfer", "Überweisung")):
            c.box(x, y - 7, x + 7, y, width=0.5)
            if key == self.payment:
                c.line(x + 1, y - 6, x + 6, y - 1, width=0.8)
                c.line(x + 1, y - 1, x + 6, y - 6, width=0.8)
            x += c.text(x + 10, y, word, 7.5) + 24
        for k, text in enumerate(self.paid_texts(gross)):
            y = c.paragraph(L, y + 12, text, R - L, 7.5, bold=k == 0) - 7.5 * 1.35
        y += 34
        for k, who in enumerate(("Unterschrift Auftraggeber", f"Unterschrift Monteur ({self.tech})")):
            x = L + k * (R - L) / 2
            c.line(x, y, x + (R - L) / 2 - 14, y, width=0.4)
            c.text(x, y + 8, who, 6, colour=GREY)
        return y + 8

    def form_footer(self) -> None:
        c, d = self.c, self.data
        L, R = self.left + 16, self.left + self.A5_WIDTH - 16
        bottom = 14 + self.A5_HEIGHT
        lines = [" · ".join([d.supplier.name, f"Inh./GF {d.ceo}", *self.tax_ids("USt-IdNr.", "St.-Nr.")])]
        if self.own_bank:
            lines.append(self.bank_line())
        c.line(L, bottom - 12 - 8.5 * len(lines), R, bottom - 12 - 8.5 * len(lines), width=0.3, colour=GREY)
        for k, line in enumerate(lines):
            c.fit_text(
                (L + R) / 2,
                bottom - 14 - 8.5 * (len(lines) - 1 - k),
                line,
                6.3,
                R - L,
                align="center",
                colour=GREY,
                min_size=5,
            )

    def footer(self) -> None:
        if self.form:
            self.form_footer()
            return
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Amtsgericht {s.city} {d.register}" if not s.name.endswith("e.K.") else f"Inhaber: {d.ceo}"]
        if not s.name.endswith("e.K."):
            legal.append(f"Geschäftsführer: {d.ceo}")
        legal += self.tax_ids("USt-IdNr.", "Steuernummer")
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email], legal]
        if self.own_bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        items = self.items()
        (vat,) = vat_breakdown(items)
        if self.form:
            self.form_page(items, vat)
        else:
            self.letter(items, vat)
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=True,
            customer_no=bool(self.data.customer_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# fachzeitschrift_abo


@dataclass(frozen=True)
class Journal:
    """A trade journal: title, ISSN body (seven digits), issues a year, least and most yearly print price,
    the 19 % online service sold with it."""

    title: str
    issn: str
    issues: int
    lo: int
    hi: int
    online: str


_JOURNALS = (
    Journal(
        "Designpraxis – Magazin für Gestaltung", "1437218", 10, 119, 189, "Online-Datenbank Designwettbewerbe"
    ),
    Journal("Kommunikationsmanager", "1861934", 4, 89, 148, "Webinar-Flatrate Kommunikation"),
    Journal("Druck & Medien Praxis", "0341295", 12, 159, 259, "Online-Kalkulator Druckpreise (Lizenz)"),
    Journal("Markenartikel heute", "0172533", 10, 139, 229, "Marken-Datenbank Premium"),
    Journal("PR-Fachjournal", "1612670", 6, 98, 168, "Journalisten-Datenbank (Jahreslizenz)"),
    Journal("Werbewirtschaft aktuell", "0933715", 24, 198, 349, "Mediadaten-Datenbank Online"),
    Journal("Online-Marketing Report", "2193648", 12, 129, 219, "Tool-Zugang SEO-Monitor"),
)
_PUBLISHERS = (
    ("Fachverlag Hansen GmbH & Co. KG", "Hansen Verlagsverwaltung GmbH"),
    ("Steinbach Fachmedien GmbH & Co. KG", "Steinbach Verwaltungs-GmbH"),
    ("Medienfachverlag Rheinland GmbH & Co. KG", "MFV Beteiligungs GmbH"),
    ("Verlag für Marketing und Kommunikation GmbH", ""),
    ("Lindenberg Fachverlage GmbH & Co. KG", "Lindenberg Management GmbH"),
    ("Kessel & Roth Verlag GmbH", ""),
)


def issn(body: str) -> str:
    """An ISSN with its check digit (weights 8 to 2, modulo 11, 10 printed as X)."""
    check = -sum(int(ch) * (8 - k) for k, ch in enumerate(body)) % 11
    return f"{body[:4]}-{body[4:]}{'X' if check == 10 else check}"


@dataclass(frozen=True)
class Charge:
    """One line of the subscription invoice and its grey note."""

    item: LineItem
    note: str = ""


class FachzeitschriftAbo(RentalLook):
    """A trade publisher's subscription invoice: print at 7 % with shipping, e-paper, online services at
    19 %."""

    FONTS = ("liberation-serif", "dejavu-serif", "liberation-sans", "dejavu-sans")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, self.partner = rng.choice(_PUBLISHERS)
        day = first_day(rng, data)
        if day < dt.date(2021, 6, 1):  # no invoice dated in 2020 for the year 2021
            day += dt.timedelta(days=365)
        self.start = dt.date(day.year + (day.month >= 11), 1, 1)
        if rng.random() < 0.3:  # a year from the month after the order
            self.start = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        self.end = self.start.replace(year=self.start.year + 1) - dt.timedelta(days=1)
        if day > self.start:
            day = self.start - dt.timedelta(days=rng.randint(3, 40))
        n = rng.randint(1, 999999)
        number = rng.choice((f"{day.year}{n:06d}", f"RE-{n:06d}", f"9{n:07d}", f"A{day.year % 100}-{n:06d}"))
        word = name.split()[1 if name.startswith("Verlag") else 0].lower()
        word = word.replace("ü", "ue").replace("&", "")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice((f"{rng.randint(100000, 999999)}", f"KD{rng.randint(1000000, 9999999)}"))
            if rng.random() < 0.85
            else "",
            order_no=rng.choice((f"PO-{rng.randint(1000, 9999)}", f"B-{day.year}-{rng.randint(1, 999):03d}"))
            if rng.random() < 0.25
            else "",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('abo', 'leserservice', 'vertrieb'))}@{word}-verlag.de",
            register=f"HRA {rng.randint(1000, 19999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
        )
        self.reader = rng.choice(
            ("z. Hd. Frau Jansen", "Herrn Tobias Brenner", "Frau Dr. Aylin Kaya", "Bibliothek / Empfang")
        )
        data = dataclasses.replace(
            data, customer=dataclasses.replace(data.customer, contact=data.customer.contact or self.reader)
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "both" if rng.random() < 0.3 else "vat"
        self.p = Printer(
            rng.choice(("de", "de", "de_space")),
            rng.choice(("sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "de_long")),
        )
        self.journals = rng.sample(_JOURNALS, 2 if rng.random() < 0.25 else 1)
        self.abo = [f"{rng.choice(('', 'A', 'AB'))}{rng.randint(1000000, 9999999)}" for _ in self.journals]
        self.digital_only = rng.random() < 0.2
        self.debit = rng.random() < 0.45
        self.own_bank = not self.debit or rng.random() < 0.6
        self.with_bic = rng.random() < 0.8
        self.by_rate = rng.choice(("rows", "summary"))

    def span(self) -> str:
        return f"{self.p.date(self.start)} – {self.p.date(self.end)}"

    # -- the charges

    def charges(self) -> list[Charge]:
        rng, p = self.rng, self.p
        out: list[Charge] = []
        for journal, abo in zip(self.journals, self.abo, strict=True):
            price = price_between(rng, journal.lo, journal.hi, "1") - Decimal("0.10") * rng.choice((0, 0, 1))
            note = f"ISSN {issn(journal.issn)} · {journal.issues} Ausgaben · Abo-Nr. {abo}"
            if self.digital_only:
                text = f"{journal.title} – E-Paper-Abonnement inkl. Online-Archiv"
                out.append(
                    Charge(
                        LineItem(text, "", Decimal(1), "Jahr", round_cent(price * Decimal("0.8")), 7), note
                    )
                )
                continue
            edition = rng.choice(("Print-Abonnement", "Jahresabonnement Print", "Abonnement Printausgabe"))
            out.append(
                Charge(LineItem(f"{journal.title} – {edition}", "", Decimal(1), "Jahr", price, 7), note)
            )
            if rng.random() < 0.3:
                out.append(
                    Charge(
                        LineItem(
                            "Zweitexemplar (Print, ermäßigt)",
                            "",
                            Decimal(1),
                            "Jahr",
                            round_cent(price / 2),
                            7,
                        ),
                        f"Lieferung an {self.reader}",
                    )
                )
            if rng.random() < 0.2:
                pct = rng.choice((30, 40, 50))
                out.append(
                    Charge(
                        LineItem(
                            f"Rabatt Azubi/Studierende {pct} % (Nachweis liegt vor)",
                            "",
                            Decimal(1),
                            "",
                            -round_cent(price * pct / 100),
                            7,
                        )
                    )
                )
            copies = 2 if len(out) > 1 and "Zweitexemplar" in out[-1].item.description else 1
            ship = price_between(rng, 1, 3, "0.05") * journal.issues
            text = rng.choice(("Versandkosten Inland", "Porto und Versand", "Versandkostenanteil Inland"))
            out.append(
                Charge(
                    LineItem(
                        text,
                        "",
                        Decimal(copies * journal.issues),
                        "Ausg.",
                        round_cent(ship / journal.issues),
                        7,
                    ),
                    f"{journal.issues} Ausgaben à {p.amount(round_cent(ship / journal.issues))}",
                )
            )
            if rng.random() < 0.4:
                out.append(
                    Charge(
                        LineItem(
                            "Digital-Upgrade: E-Paper und Online-Archiv",
                            "",
                            Decimal(1),
                            "Jahr",
                            price_between(rng, 19, 49, "1"),
                            7,
                        )
                    )
                )
            else:
                out.append(
                    Charge(
                        LineItem(
                            "E-Paper und Online-Archiv (im Abonnement enthalten)",
                            "",
                            Decimal(1),
                            "Jahr",
                            Decimal(0),
                            7,
                        ),
                        "inklusive",
                    )
                )
        if rng.random() < 0.45:
            journal = self.journals[0]
            out.append(
                Charge(
                    LineItem(journal.online, "", Decimal(1), "Jahr", price_between(rng, 49, 390, "1"), 19),
                    "Einzelplatzlizenz, Zugang für 1 Nutzer",
                )
            )
        return out

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Ihre Kundennummer")), d.customer_no))
        rows.append((rng.choice(("Abo-Nr.", "Abonnement-Nr.", "Bezieher-Nr.")), self.abo[0]))
        if rng.random() < 0.3:
            rng.shuffle(rows)
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestellung", "Ihre Bestell-Nr.")), d.order_no))
        rows.append(("Bezugszeitraum", self.span()))
        return rows

    def rows(self, charges: list[Charge]) -> list[Row]:
        p, out = self.p, []
        for n, ch in enumerate(charges, 1):
            item = ch.item
            total = p.number(item.total) if item.unit_price or ch.note != "inklusive" else "inklusive"
            values = {
                "pos": str(n),
                "desc": item.description,
                "qty": quantity(item.quantity, p),
                "price": p.number(item.unit_price),
                "tax": f"{item.rate} %",
                "total": total,
            }
            notes = (ch.note,) if ch.note and ch.note != "inklusive" else ()
            out.append(Row("item", values, item, notes))
        return out

    def totals_by_rate(self, y: float, lines: list[VatLine]) -> float:
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        net = sum((v.base for v in lines), Decimal(0))
        gross = net + sum((v.amount for v in lines), Decimal(0))
        label = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Zu zahlender Betrag"))
        if p.currency == "none":
            label += " EUR"
        if self.by_rate == "summary" or len(lines) == 1 and rng.random() < 0.5:
            heads = ("USt-Satz", "Netto", "USt", "Brutto")
            names = {7: "7 % (Zeitschriften)", 19: "19 % (Online-Dienste)"}
            y = rate_summary(c, p, lines, heads, names, "Summe", R - 300, R, y + 14, 8.2)
            return self.totals(y, [(label, gross, True)])
        rows: list[tuple[str, Decimal, bool]] = [(rng.choice(("Nettobetrag", "Summe netto")), net, False)]
        for v in lines:
            rows.append((f"zzgl. {v.rate} % USt auf {p.number(v.base)}", v.amount, False))
        if len(lines) > 1:
            rows.append((rng.choice(("Umsatzsteuer gesamt", "Summe USt")), gross - net, False))
        rows.append((label, gross, True))
        if self.total_style == "strip" and len(rows) > 4:
            self.total_style = "block"
        return self.totals(y, rows)

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.debit:
            texts.append(
                (
                    f"Den Rechnungsbetrag von {p.amount(gross)} buchen wir am {p.date(d.due_date)} per "
                    f"SEPA-Lastschrift von Ihrem Konto {masked_de(rng)} ab.",
                    True,
                )
            )
            texts.append(
                (
                    f"Mandatsreferenz: {self.abo[0]}-{rng.randint(1, 9)} · Gläubiger-ID: {creditor_id(rng)}",
                    False,
                )
            )
        else:
            days = (d.due_date - d.date).days
            texts.append(
                (
                    rng.choice(
                        (
                            f"Bitte überweisen Sie den Rechnungsbetrag innerhalb von {days} Tagen "
                            f"unter Angabe Ihrer Abo-Nr. {self.abo[0]}.",
                            f"Zahlbar bis {p.date(d.due_date)} ohne Abzug. Bitte geben Sie bei Zahlung "
                            "Rechnungs- und Abo-Nummer an.",
                        )
                    ),
                    True,
                )
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Das Abonnement verlängert sich um ein weiteres Jahr, wenn es nicht bis 6 Wochen vor "
                        "Ablauf des Bezugszeitraums in Textform gekündigt wird.",
                        "Kündigung jeweils bis 6 Wochen vor Ablauf des Bezugszeitraums; sonst "
                        "verlängert sich das Abonnement um ein Jahr.",
                    )
                ),
                False,
            )
        )
        keep = len(texts)
        if rng.random() < 0.5:
            texts.append(
                (
                    "Ihre Zugangsdaten zum E-Paper und zum Online-Archiv erhalten Sie per E-Mail. "
                    "Adressänderungen bitte an unseren Leserservice.",
                    False,
                )
            )
        if rng.random() < 0.4:
            texts.append((f"Leserservice: Tel. {d.phone} · {d.email}", False))
        return self.short_texts(y, texts, keep)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Amtsgericht {s.city} {d.register}"]
        if self.partner:
            legal.append(f"phG: {self.partner}")
            legal.append(f"AG {s.city} HRB {int(d.register.split()[1]) * 3 % 90000 + 10000}")
        legal += [f"Geschäftsführung: {d.ceo}", *self.tax_ids("USt-IdNr.", "Steuernummer")]
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email], legal]
        if self.own_bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        charges = self.charges()
        items = [ch.item for ch in charges]
        lines = vat_breakdown(items)
        s = d.supplier
        self.letterhead(
            rng.choice(
                (
                    "Fachinformation für Marketing und Medien",
                    "Fachzeitschriften · Online · Events",
                    "Leserservice Abonnements",
                )
            ),
            [s.street, s.city_line, f"Tel. {d.phone}", d.email],
        )
        y = self.details_block(
            self.head_rows(), rng.choice(("Rechnung", "Abonnementrechnung", "Rechnung Abonnement"))
        )
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 26, "left"),
            ("desc", rng.choice(("Titel / Leistung", "Bezeichnung", "Artikel")), 0, "left"),
            ("qty", "Menge", 40, "right"),
            ("price", rng.choice(("Einzelpreis", "Preis")), 60, "right"),
            ("tax", "USt", 34, "right"),
            ("total", rng.choice(("Betrag", "Gesamt")), 64, "right"),
        ]
        y = self.table(y, columns(spec, self.LEFT, self.RIGHT), self.rows(charges), False)
        y = self.totals_by_rate(y, lines)
        y = self.closing(y, sum((v.base + v.amount for v in lines), Decimal(0)))
        assert y < self.limit + 6, "fachzeitschrift_abo: page overflow"
        pages = self.close_pages(rng.random() < 0.3)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

NOTDIENST_FAMILIES: dict[str, type[TripSheet]] = {
    "schluesseldienst_notdienst": SchluesseldienstNotdienst,
    "fachzeitschrift_abo": FachzeitschriftAbo,
}


def draw_notdienst(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(NOTDIENST_FAMILIES[name], name, seed)
