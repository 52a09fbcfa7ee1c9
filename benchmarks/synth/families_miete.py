"""Two invoice layout families of a photo studio renting out its studio for a shoot day and of a freelance
developer elsewhere in the EU billing in English, designed blind (session 18).

Like `families_handel`, they were written without reading the field extractor and without running it, so
that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_miete(name, seed)`. Both draw on `HandelLook` of `families_handel` (itself a `RemovalLook`: letterheads,
detail blocks, table heads, totals and footers whose look varies per seed) and return a `TripDrawing` (truth
keys only for values printed).

- `fotostudio_mietstudio`: a photo and video studio's ("Studio … GmbH", "Fotostudio … e.K.") invoice to an
  agency for a shoot day: the studio hire per day or half day ("Studiomiete Studio 2 (180 m², Hohlkehle)"),
  equipment rented per day (flash heads, LED panels, backdrops, a tethering station), a studio assistant's
  hours, a catering flat rate on most seeds, overtime after 18:00 per hour on some seeds (the shoot running
  late). Head: invoice number and date, the customer number on some seeds, the agency's job number ("Ihre
  Job-Nr.", "Job-Nr. Agentur"), the shoot day under a label ("Produktionstag", "Shooting-Datum",
  "Leistungsdatum") on most seeds, else only in the subject line; the subject names the production
  ("Produktion: Frühjahrskampagne 2024") and the shoot's times ("09:00–19:30 Uhr"). On some seeds a deposit
  paid at booking ("abzgl. Anzahlung bei Buchung vom …") deducted under the total down to "Restbetrag" /
  "Zahlbetrag"; the cancellation terms ("Stornierung bis 7 Tage vor dem Termin kostenfrei …") below.
  Everything at 19 %. Truth: the usual keys; `kundennummer` where printed; `leistungsdatum` the shoot day
  where printed under its label; no `bestellnummer` (the agency's job number is its internal job, not an
  order number); with a deposit, netto, mwst and brutto are the whole invoice's (as in `umzug_buero`), not
  the rest to pay; `bic` where printed.
- `it_freelancer_en`: a freelance developer in Poland, Spain, Portugal or Czechia (the person's name, a
  business name beside it on some seeds) invoicing a German agency in English, in EUR, without VAT under
  reverse charge ("VAT reverse charge, Art. 196 Directive 2006/112/EC", "Reverse charge – VAT to be
  accounted for by the recipient"): hours per project or per milestone ("Milestone 2: checkout API"), a
  fixed-price milestone on some seeds, the month of work as a period; the freelancer's own VAT id (PL…,
  ES…, PT…, CZ…) and the agency's German one ("Customer VAT ID"); "Net 14" or "Payment terms: 14 days net";
  the invoice date in English ("4 March 2024", "March 4, 2024") or ISO ("2024-03-04"), amounts in English
  (1,234.50) or in the freelancer's local form (1 234,50 / 1.234,50); an IBAN of the freelancer's country
  with BIC; the customer's PO number on some seeds. Totals "Subtotal", "VAT 0 %" with 0.00 on some seeds
  (else no VAT line), "Total due". Truth, as `freelancer_reverse_charge`: the usual keys; `ust_id` the
  freelancer's own (never the customer's); `mwst` 0.0 only where a VAT line is printed, left out on the
  others; netto = brutto; `bestellnummer` the PO where printed; `lieferant` the person's name as printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import unicodedata
from decimal import Decimal

from stdnum.eu import vat as eu_vat

from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_extra import valid_id
from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_handel import HandelLook, head_number, workday
from benchmarks.synth.families_more import columns, draw_sheet, footer_columns
from benchmarks.synth.families_objekt import calm
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line, data_for, slug
from benchmarks.synth.families_world import _digits, iban_of
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    _vat_id,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import Align
from benchmarks.synth.printed import Printer

# ---------------------------------------------------------------------------
# fotostudio_mietstudio

_STUDIOS = (
    ("Studio Lichtblick GmbH", ""),
    ("Fotostudio Brandt e.K.", "Jonas Brandt"),
    ("Halle 7 Mietstudios GmbH & Co. KG", "Halle 7 Verwaltungs GmbH"),
    ("Tageslichtstudio Weiß e.K.", "Miriam Weiß"),
    ("Studiowerk Rhein-Ruhr GmbH", ""),
    ("Blende 8 Fotostudios GmbH", ""),
)
_STUDIO_TAGLINES = (
    "Mietstudios für Foto · Video · Content",
    "Tageslichtstudio · Hohlkehle · Equipmentverleih",
    "Studios, Licht und Technik für Ihre Produktion",
)
_ROOMS = ("Studio 1 (120 m², Hohlkehle 6 × 4 m)", "Studio 2 (180 m², Tageslicht)", "Studio A (90 m², Blackbox)",
          "Loft-Studio (150 m², Tageslicht, Küchenset)")  # fmt: skip
_GEAR = (
    ("Blitzkopf Broncolor Siros 800 inkl. Lichtformer", 35, 65, (2, 3, 4)),
    ("LED-Flächenleuchte Aputure Nova P300c", 45, 80, (1, 2)),
    ("Hintergrundkarton 2,72 m, Farbe nach Wahl", 25, 45, (1, 2)),
    ("Tethering-Station mit kalibriertem Monitor", 60, 95, (1,)),
    ("Windmaschine", 20, 35, (1,)),
    ("Dauerlicht-Set Arri Fresnel 650 W", 30, 55, (1, 2, 3)),
)
_PRODUCTIONS = ("Frühjahrskampagne", "Herbstkollektion", "Produktkatalog", "Employer Branding", "Lookbook",
                "Social-Media-Content Q2", "Imagefilm")  # fmt: skip
_LATE = 18


class FotostudioMietstudio(HandelLook):
    """A photo studio's invoice for a shoot day: studio, equipment, assistant, catering, overtime."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner = rng.choice(_STUDIOS)
        self.shoot = workday(calm(data.date))
        day = self.shoot + dt.timedelta(days=rng.randint(1, 12))
        self.labelled = rng.random() < 0.7
        kg = "KG" in name or name.endswith("e.K.")
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if kg else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("ST", "RE", "R"))),
            f"{rng.choice(('booking', 'studio', 'info'))}@{slug(name)}-studio.de",
            customer_no=f"{rng.randint(10000, 99999)}" if rng.random() < 0.5 else "",
            service_date=self.shoot,
        )
        super().__init__(rng, data)
        self.setup(owner)
        self.half = rng.random() < 0.3
        self.start = rng.choice((7, 8, 9, 10)) if not self.half else rng.choice((8, 13))
        self.end_h = self.start + 5 if self.half else rng.choice((17, 18, 18, 19, 20, 21))
        self.end_m = rng.choice((0, 30)) if self.end_h > _LATE else 0
        self.job = rng.choice((f"J{rng.randint(10000, 99999)}", f"{day.year}-{rng.randint(100, 999)}",
                               f"JOB-{rng.randint(1000, 9999)}"))  # fmt: skip
        self.production = f"{rng.choice(_PRODUCTIONS)} {self.shoot.year}"
        self.deposit = rng.random() < 0.4
        self.booked = self.shoot - dt.timedelta(days=rng.randint(10, 45))
        self.catering = rng.random() < 0.75
        self.day_label = rng.choice(("Produktionstag", "Shooting-Datum", "Leistungsdatum", "Aufnahmetag"))

    def overtime(self) -> Decimal:
        if self.end_h < _LATE or (self.end_h == _LATE and not self.end_m):
            return Decimal(0)
        return Decimal(self.end_h - _LATE) + Decimal(self.end_m) / 60

    def times(self) -> str:
        return f"{self.start:02d}:00–{self.end_h:02d}:{self.end_m:02d} Uhr"

    def lines(self) -> list[Line]:
        rng = self.rng
        unit, qty = ("halber Tag", Decimal(1)) if self.half else ("Tag", Decimal(1))
        rate = price_between(rng, 380, 890, "10")
        if self.half:
            rate = round_cent(rate * Decimal("0.6"))
        room = rng.choice(_ROOMS)
        hire = "Studiomiete halber Tag (5 Std.)" if self.half else "Studiomiete Tagesbuchung (10 Std.)"
        out = [Line(LineItem(f"{hire}, {room}", "", qty, unit, rate, 19), (f"Shooting {self.times()}",))]
        for text, lo, hi, counts in rng.sample(_GEAR, rng.randint(2, 4)):
            n = Decimal(rng.choice(counts))
            price = price_between(rng, lo, hi, "5")
            label = f"{text}, je Tag" if n == 1 else f"{text}, {int(n)} Stk. je Tag"
            out.append(Line(LineItem(label, "", n, "Stk." if n > 1 else "Tag", price, 19)))
        hours = Decimal(self.end_h - self.start) + Decimal(self.end_m) / 60
        out.append(
            Line(
                LineItem("Studioassistenz", "", hours, "Std.", price_between(rng, 28, 45, "1"), 19),
                (f"{self.times()} inkl. Auf- und Abbau",),
            )
        )
        if self.catering:
            persons = rng.randint(4, 14)
            out.append(
                Line(
                    LineItem(f"Catering-Pauschale ({persons} Personen)", "", Decimal(1), "pausch.",
                             Decimal(persons) * price_between(rng, 14, 26, "1"), 19)  # fmt: skip
                )
            )
        extra = self.overtime()
        if extra:
            out.append(
                Line(
                    LineItem("Überstunden Studio nach 18:00 Uhr", "", extra, "Std.",
                             price_between(rng, 60, 120, "5"), 19),  # fmt: skip
                    (f"Ende der Produktion {self.end_h:02d}:{self.end_m:02d} Uhr",),
                )
            )
        return out

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        rows.append((rng.choice(("Ihre Job-Nr.", "Job-Nr. Agentur", "Ihre Job-Nummer")), self.job))
        if self.labelled:
            rows.append((self.day_label, p.date(self.shoot)))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        lines = [(f"Produktion: {self.production}", True)]
        shoot = f"Shooting am {p.date(self.shoot)}" if not self.labelled else rng.choice(("Shooting", "Studiozeit"))
        lines.append((f"{shoot}, {self.times()}", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def paid_at_booking(self, y: float, gross: Decimal) -> tuple[float, Decimal]:
        """The booking deposit deducted under the totals; the baseline after it and what is left to pay."""
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        paid = max(Decimal(100), round_cent(gross * Decimal(rng.choice(("0.3", "0.5")))) // 50 * 50)
        rest = gross - paid
        label = rng.choice((f"abzgl. Anzahlung bei Buchung vom {p.date(self.booked)}",
                            f"abzgl. Anzahlung (Buchungsbestätigung vom {p.date(self.booked)})"))  # fmt: skip
        if y + 40 > self.limit:
            y = self.next_page()
        for text, value, final in ((label, -paid, False), (rng.choice(("Restbetrag", "Zahlbetrag")), rest, True)):
            y += 15
            c.fit_text(R - 320, y, text, 8.8, 230, bold=final)
            c.text(R, y, p.amount(value), 9.2 if final else 8.8, bold=final, align="right")
        return y + 8, rest

    def closing(self, y: float, due: Decimal) -> float:
        rng = self.rng
        texts: list[tuple[str, bool]] = [(self.pay_text(due), True)]
        keep = len(texts)
        texts.append(
            (
                rng.choice(
                    (
                        "Stornierung bis 7 Tage vor dem Termin kostenfrei, danach 50 %, ab 48 Stunden vorher "
                        "100 % der Studiomiete.",
                        "Stornobedingungen: bis 14 Tage vorher kostenfrei, bis 3 Tage vorher 50 %, danach 80 % "
                        "des Auftragswertes.",
                    )
                ),
                False,
            )
        )
        if rng.random() < 0.5:
            texts.append(("Für mitgebrachtes Equipment und Requisiten übernehmen wir keine Haftung.", False))
        return self.short_texts(y, texts, keep)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        lines = self.lines()
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        self.letterhead(rng.choice(_STUDIO_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        y = self.subject(self.details_block(self.head_rows(), rng.choice(("Rechnung", "RECHNUNG"))))
        self.vat_column = False
        cols = columns(self.spec(False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, [self.row(n, x) for n, x in enumerate(lines, 1)], False)
        y = self.all_totals(y, vat)
        due = gross
        if self.deposit:
            y, due = self.paid_at_booking(y, gross)
        y = self.closing(y, due)
        assert y < self.limit + 6, "fotostudio_mietstudio: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(False),
            service_date=self.labelled,
            customer_no=bool(d.customer_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# it_freelancer_en

# Per country: (English name, people, places (postcode, city), streets, banks (code, digits), VAT id shape,
# its amount style).
_FREELANCE: dict[str, tuple[str, tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...],
                            tuple[str, ...], int, str]] = {
    "PL": ("Poland", ("Marta Kowalska", "Piotr Nowak", "Tomasz Wiśniewski", "Agnieszka Zielińska"),
           (("00-950", "Warszawa"), ("30-001", "Kraków"), ("50-001", "Wrocław"), ("80-001", "Gdańsk")),
           ("ul. Marszałkowska", "ul. Długa", "ul. Piotrkowska", "al. Jana Pawła II"),
           ("11602202", "10202892", "12401037", "10901014"), 16, "de_space"),
    "ES": ("Spain", ("Lucía García Fernández", "Javier Martín López", "Carmen Ruiz Sánchez"),
           (("28004", "Madrid"), ("08002", "Barcelona"), ("46001", "Valencia"), ("41001", "Sevilla")),
           ("Calle Mayor", "Carrer de Girona", "Calle de Alcalá", "Avenida de la Constitución"),
           ("21000418", "00491500", "01822370", "00810200"), 10, "de"),
    "PT": ("Portugal", ("João Ferreira", "Ana Sousa Costa", "Miguel Rodrigues"),
           (("1100-148", "Lisboa"), ("4000-322", "Porto"), ("3000-143", "Coimbra")),
           ("Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina"),
           ("00350651", "00330000", "00070000", "00180003"), 11, "de_space"),
    "CZ": ("Czech Republic", ("Jan Novák", "Petra Svobodová", "Martin Dvořák", "Lucie Černá"),
           (("110 00", "Praha 1"), ("602 00", "Brno"), ("301 00", "Plzeň")),
           ("Vinohradská", "Národní", "Masarykova", "Husova"),
           ("0800", "0100", "0300", "2010"), 10, "de_space"),
}  # fmt: skip
_BUSINESS = ("Software Development", "Web Engineering", "IT Consulting", "Digital Solutions")
_PROJECTS = ("Relaunch corporate website", "Shop frontend (React)", "Headless CMS migration",
             "Booking app backend", "Campaign landing pages", "Newsletter integration")  # fmt: skip
_MILESTONES = ("Milestone 1: concept and setup", "Milestone 2: checkout API", "Milestone 3: CMS templates",
               "Milestone 4: API integration", "Sprint 5: bug fixing and QA")  # fmt: skip
_REVERSE = (
    "VAT reverse charge, Art. 196 Directive 2006/112/EC.",
    "Reverse charge – VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).",
    "Place of supply: Germany (customer's country). VAT reverse charge, Art. 196 Directive 2006/112/EC.",
)


def own_vat_id(rng: random.Random, country: str) -> str:
    """A valid VAT number of a sole trader in `country`, as printed."""
    shapes = {
        "PL": lambda: f"PL{_digits(rng, 10)}",
        "ES": lambda: f"ES{_digits(rng, 8)}{rng.choice('ABCDEFGHJKLMNPQRSTVWXYZ')}",
        "PT": lambda: f"PT{rng.choice('12')}{_digits(rng, 8)}",
        "CZ": lambda: f"CZ{_digits(rng, 8)}",
    }
    return valid_id(rng, shapes[country], eu_vat.is_valid)


def ascii_of(word: str) -> str:
    """A name as a mail address part: lower case, accents dropped ("Černá" -> "cerna")."""
    folded = unicodedata.normalize("NFKD", word.replace("ł", "l").replace("Ł", "L"))
    return "".join(ch for ch in folded if ch.isascii()).lower()


class ItFreelancerEn(HandelLook):
    """A freelance developer abroad in the EU: hours per project or milestone, reverse charge, in English."""

    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.country = rng.choice(tuple(_FREELANCE))
        land, people, places, streets, banks, digits, numbers = _FREELANCE[self.country]
        person = rng.choice(people)
        plz, city = rng.choice(places)
        self.month_end = calm(data.date).replace(day=1) - dt.timedelta(days=1)
        day = self.month_end + dt.timedelta(days=rng.randint(1, 6))
        supplier = Party(person, f"{rng.choice(streets)} {rng.randint(1, 90)}", plz, city, land)
        iban = iban_of(rng, self.country, banks, digits)
        po = f"PO-{day.year}-{rng.randint(10, 999):03d}" if rng.random() < 0.35 else ""
        data = data_for(rng, data, person, "", day, rng.choice(
            (f"{day.year}/{rng.randint(1, 60):03d}", f"INV-{day.year}-{rng.randint(1, 99):02d}",
             f"FV/{rng.randint(1, 40)}/{day.month:02d}/{day.year}", f"{day.year % 100}{rng.randint(1, 99):03d}")
        ), f"{ascii_of(person.split()[0])}@{ascii_of(person.split()[-1])}.dev", customer_no="", order_no=po)  # fmt: skip
        data = dataclasses.replace(
            data, supplier=supplier, iban=iban, vat_id=own_vat_id(rng, self.country), vat_id_spaced=False,
            due_date=day + dt.timedelta(days=14), tax_no="",
        )  # fmt: skip
        super().__init__(rng, data)
        self.setup("")
        self.ids = "vat"
        self.ek = False
        self.land = land
        self.business = f"{person.split()[-1]} {rng.choice(_BUSINESS)}" if rng.random() < 0.4 else ""
        self.p = Printer(
            rng.choice(("en", "en", numbers)),
            rng.choice(("sign_before", "code_after", "code_before", "sign_after")),
            rng.choice(("en_long", "en_long", "en_us", "iso")),
        )
        self.vat_line = rng.random() < 0.5
        self.customer_vat = _vat_id(rng)
        self.by_milestone = rng.random() < 0.5
        self.rate = price_between(rng, 45, 95, "5")

    def lines(self) -> list[Line]:
        rng = self.rng
        out = []
        names = _MILESTONES if self.by_milestone else _PROJECTS
        for text in sorted(rng.sample(names, rng.randint(1, 3)), key=names.index):
            if self.by_milestone and rng.random() < 0.3:
                fee = price_between(rng, 1200, 4800, "100")
                out.append(Line(LineItem(f"{text} (fixed price)", "", Decimal(1), "flat", fee, 0)))
                continue
            hours = Decimal(rng.randint(8, 120)) + Decimal(rng.choice((0, 0, 5))) / 10
            out.append(Line(LineItem(text, "", hours, "h", self.rate, 0), ("see attached timesheet",)
                            if rng.random() < 0.3 else ()))  # fmt: skip
        return out

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        return [
            ("pos", "#", 22, "left"),
            ("desc", rng.choice(("Description", "Service", "Project / milestone")), 0, "left"),
            ("qty", rng.choice(("Qty", "Hours", "Quantity")), 44, "right"),
            ("unit", "Unit", 32, "left"),
            ("price", rng.choice(("Rate", "Unit price", "Price")), 62, "right"),
            ("total", rng.choice(("Amount", "Total", "Line total")), 70, "right"),
        ]

    def qty_text(self, item: LineItem) -> str:
        return self.p.quantity(item.quantity)

    def row(self, n: int, line: Line) -> Row:
        row = super().row(n, line)
        return dataclasses.replace(row, values=dict(row.values, price=self.p.number(line.item.unit_price)))

    def total_rows(self, lines: list[VatLine]) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        net = sum((v.base for v in lines), Decimal(0))
        final = rng.choice(("Total due", "Total", "Amount due", "Total (EUR)"))
        rows = [(rng.choice(("Subtotal", "Net amount", "Total net")), net, False)]
        if self.vat_line:
            rows.append((rng.choice(("VAT 0 %", "VAT (0%)", "VAT 0% – reverse charge")), Decimal(0), False))
        return rows + [(final, net, True)]

    def all_totals(self, y: float, lines: list[VatLine]) -> float:
        return self.totals(y, self.total_rows(lines))

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Invoice no.", "Invoice number", "Invoice #")), d.number),
            (rng.choice(("Invoice date", "Date", "Date of issue")), p.date(d.date)),
        ]
        if d.order_no:
            rows.append((rng.choice(("Your PO", "PO number", "Purchase order")), d.order_no))
        rows.append((rng.choice(("Due date", "Payment due")), p.date(d.due_date)))
        return rows

    def subject(self, y: float) -> float:
        c, p, L = self.c, self.p, self.LEFT
        first = self.month_end.replace(day=1)
        lines = [
            (f"Service period: {p.date(first)} – {p.date(self.month_end)}", True),
            (f"Customer VAT ID: {self.customer_vat}", False),
        ]
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def closing(self, y: float, due: Decimal) -> float:
        rng = self.rng
        terms = rng.choice(("Payment terms: Net 14.", "Net 14 – please pay within 14 days of the invoice date.",
                            "Payment terms: 14 days net, by bank transfer to the account below."))  # fmt: skip
        texts = [
            (rng.choice(_REVERSE), True),
            (terms, True),
            (f"Bank: {self.bank_name()} · IBAN {self.iban} · BIC {self.data.iban.bic}", False),
        ]
        if rng.random() < 0.5:
            texts.append(("Thank you for the great collaboration!", False))
        return self.short_texts(y, texts, 3)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        who = [self.business or s.name, s.street, f"{s.city_line}, {self.land}"]
        ids = self.tax_ids("VAT ID", "Tax no.")
        contact = [d.email, f"Tel. +{ {'PL': 48, 'ES': 34, 'PT': 351, 'CZ': 420}[self.country]} "
                   f"{self.rng.randint(500000000, 799999999)}"]  # fmt: skip
        footer_columns(c, [who, ids, contact], self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        lines = self.lines()
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        s = d.supplier
        tagline = self.business or rng.choice(("Freelance software developer", "Full-stack developer"))
        self.letterhead(tagline, [s.street, f"{s.city_line}, {self.land}", d.email])
        title = rng.choice(("Invoice", "INVOICE", f"Invoice {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        cols = columns(self.spec(False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, [self.row(n, x) for n, x in enumerate(lines, 1)], False)
        y = self.all_totals(y, vat)
        y = self.closing(y, Decimal(0))
        assert y < self.limit + 6, "it_freelancer_en: page overflow"
        return self.finish(
            items,
            "Invoice",
            pages=self.close_pages(False),
            service_date=False,
            customer_no=False,
            order_no=bool(d.order_no),
            vat_printed=self.vat_line,
        )


# ---------------------------------------------------------------------------
# Registry

MIETE_FAMILIES: dict[str, type[TripSheet]] = {
    "fotostudio_mietstudio": FotostudioMietstudio,
    "it_freelancer_en": ItFreelancerEn,
}


def draw_miete(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(MIETE_FAMILIES[name], name, seed)
