"""Two invoice layout families of a private doctor or dentist and of a car rental company, designed blind
(session 14, third set).

Like `families_trip`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_late(name, seed)`. Each family draws its page with the shared pieces of `families_more`,
`families_world` and `families_trip` and returns a `TripDrawing` (truth keys only for values printed):

- `arzt_goae`: a German private doctor's or dentist's invoice ("Privatliquidation", "Rechnung nach GOZ"):
  the practice's letterhead (centred, left or stamp-like on the right), the invoice recipient in the window
  (the insured person; the patient is a child of theirs on some seeds, printed with the birth date and
  "Versicherte(r)"), Rechnungsnummer and Rechnungsdatum (beside the address, or in a strip below it), the
  diagnosis (ICD-10) and on some seeds the treatment period; a table of treatments on one to four days
  before the invoice date (date on every row or only on a day's first; GOÄ-Ziffer or GOZ-Nr., the tooth for
  a dentist, description, count on some seeds, factor (Steigerungssatz 1,0 to 3,5, printed "2,3" or "2,30")
  and amount, worked out from the points and the point value, 5,82873 Cent (GOÄ) or 5,62421 Cent (GOZ));
  a grey "Begründung" under a factor above the usual one; material costs ("Auslagen gem. § 10 GOÄ",
  "Material- und Laborkosten gem. § 9 GOZ") on some seeds, in the table or in a block of their own; an
  honorarium sum on some seeds, "USt. 0,00 €" on some seeds (none on most), "Rechnungsbetrag" (or
  "Gesamtbetrag", "Zu zahlender Betrag"), the VAT exemption under § 4 Nr. 14 UStG, "zahlbar innerhalb von
  30 Tagen", the doctor's Steuernummer and IBAN/BIC (footer columns, centred footer lines or a bank block).
  Truth: the services bear no VAT: netto = brutto = the invoice total, one VAT line at 0 %; `mwst` 0.0 only
  on the seeds that print a VAT amount, left out where none is printed; `steuernummer` (no USt-IdNr.),
  `iban`, `bic`, `rechnungsnummer`, `datum` (the invoice date, after every treatment date), supplier (the
  practice as named in its letterhead).
- `autovermietung`: a car rental company's invoice after the car's return, in German, English or with both
  ("Rechnungsnummer / Invoice no."): the invoice number and the rental agreement number (and a reservation
  or customer number on some seeds), pick-up and return branch and time, vehicle, car group, plate, mileage
  out and in and km driven, fuel level (boxes side by side or label rows); a charges table (days x daily rate,
  a one-way fee when returned elsewhere, fuel refill in litres, extra driver, CDW / theft protection per day,
  child seat, winter tyres, an airport fee, excess mileage, special cleaning, a discount in per cent of the
  time charge on most seeds), net amounts; "Nettobetrag" / "Net amount", "MwSt. 19 %" / "VAT 19 %", the
  total, "Bereits belastet: Kreditkarte **** 1234" / "Charged to card" with the total negative, balance 0,00;
  a footer with the company's USt-IdNr. (and its Steuernummer on some seeds), register and IBAN (BIC on most
  seeds). Truth: the usual keys; `rechnungsnummer` the invoice number (not the rental agreement's), `datum`
  the invoice date (on most seeds a day or more after the return, never before), `kundennummer` when printed.
  Dates stay out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import pymupdf

from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    cells,
    columns,
    draw_sheet,
    footer_columns,
    grid_lines,
    initials,
    label_rows,
    logo,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import MORE_BRANDS, PALE, RULE, _domain
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    _party,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import Printer

# ---------------------------------------------------------------------------
# arzt_goae

GOAE_POINT = Decimal("0.0582873")  # euros per point, GOÄ
GOZ_POINT = Decimal("0.0562421")  # euros per point, GOZ
Kind = Literal["p", "t", "l"]  # personal, technical (sections A, E, O), laboratory (M): their factor ranges


@dataclass(frozen=True)
class Tariff:
    """One number of the fee schedule: its points and which point value prices it."""

    number: str
    text: str
    points: int
    kind: Kind = "p"
    goae: bool = True  # priced at the GOÄ point value (a dentist bills some GOÄ numbers, printed "Ä...")
    tooth: bool = False  # a dentist prints the tooth it was done on


_GOAE_FIRST = (
    Tariff("1", "Beratung, auch mittels Fernsprecher", 80), Tariff("3", "Eingehende Beratung, mind. 10 Minuten", 150),
)  # fmt: skip
_GOAE = (
    Tariff("5", "Symptombezogene Untersuchung", 80),
    Tariff("7", "Vollständige körperliche Untersuchung mind. eines Organsystems", 160),
    Tariff("8", "Untersuchung zur Erhebung des Ganzkörperstatus", 260),
    Tariff("34", "Erörterung einer nachhaltig lebensverändernden Erkrankung", 300),
    Tariff("75", "Ausführlicher schriftlicher Krankheits- und Befundbericht", 130),
    Tariff("70", "Kurze Bescheinigung oder kurzes Zeugnis", 40),
    Tariff("250", "Blutentnahme mittels Spritze oder Kanüle aus der Vene", 40),
    Tariff("252", "Injektion, subkutan, submukös, intrakutan oder intramuskulär", 40),
    Tariff("253", "Injektion, intravenös", 70),
    Tariff("375", "Schutzimpfung (intramuskulär, subkutan)", 80),
    Tariff("410", "Ultraschalluntersuchung eines Organs", 200),
    Tariff("420", "Ultraschalluntersuchung, je weiteres Organ", 80),
    Tariff("651", "Elektrokardiographische Untersuchung in Ruhe", 253),
    Tariff("530", "Kalt- oder Heißpackung(en) oder heiße Rolle", 35, "t"),
    Tariff("5135", "Brustorgane-Übersicht, in einer Ebene", 280, "t"),
    Tariff("3511", "Untersuchung eines Körpermaterials mit vorgefertigten Reagenzträgern", 50, "l"),
    Tariff("3550", "Blutbild und Blutbildbestandteile", 60, "l"),
    Tariff("3560", "Glukose", 40, "l"),
    Tariff("3561", "Glykiertes Hämoglobin (HbA1c)", 250, "l"),
    Tariff("3585.H1", "Kreatinin", 40, "l"),
)
_GOZ_FIRST = (Tariff("0010", "Eingehende Untersuchung", 100, goae=False), Tariff("Ä1", "Beratung", 80))
_GOZ = (
    Tariff("Ä5000", "Röntgen Zähne, je Projektion", 50, "t"),
    Tariff("Ä5004", "Panoramaschichtaufnahme der Kiefer", 400, "t"),
    Tariff("0070", "Vitalitätsprüfung eines Zahnes", 50, goae=False, tooth=True),
    Tariff("0090", "Intraorale Infiltrationsanästhesie", 60, goae=False, tooth=True),
    Tariff("0100", "Intraorale Leitungsanästhesie", 70, goae=False, tooth=True),
    Tariff("1000", "Mundhygienestatus und eingehende Unterweisung", 200, goae=False),
    Tariff("1040", "Professionelle Zahnreinigung, je Zahn", 28, goae=False),
    Tariff("2060", "Kompositfüllung einflächig, Adhäsivtechnik", 738, goae=False, tooth=True),
    Tariff("2080", "Kompositfüllung zweiflächig, Adhäsivtechnik", 764, goae=False, tooth=True),
    Tariff("2100", "Kompositfüllung dreiflächig, Adhäsivtechnik", 1005, goae=False, tooth=True),
    Tariff("2030", "Besondere Maßnahmen beim Präparieren oder Füllen", 65, goae=False, tooth=True),
    Tariff("4050", "Entfernung harter und weicher Zahnbeläge, einwurzeliger Zahn", 10, goae=False),
    Tariff("4055", "Entfernung harter und weicher Zahnbeläge, mehrwurzeliger Zahn", 13, goae=False),
)
# Factors to choose from (most often the usual one), the usual one, per kind.
_FACTORS: dict[Kind, tuple[str, ...]] = {
    "p": ("2.3", "2.3", "2.3", "2.3", "2.3", "1.0", "1.8", "2.8", "3.5"),
    "t": ("1.8", "1.8", "1.8", "1.0", "2.5"),
    "l": ("1.15", "1.15", "1.15", "1.0", "1.3"),
}
_USUAL: dict[Kind, Decimal] = {"p": Decimal("2.3"), "t": Decimal("1.8"), "l": Decimal("1.15")}
_REASONS = ("erhöhter Zeitaufwand wegen Mehrfacherkrankung", "überdurchschnittlicher Schwierigkeitsgrad",
            "erschwerte Untersuchungsbedingungen bei eingeschränkter Mitarbeit", "besonders zeitaufwändige Anamnese")  # fmt: skip
_DENTAL_REASONS = ("erschwerte Zugänglichkeit bei eingeschränkter Mundöffnung", "tief subgingivale Karies, erhöhter Zeitaufwand",
                   "starke Blutungsneigung, erhöhter Zeitaufwand")  # fmt: skip
_COSTS = (("Impfstoff Boostrix (Tdap), 1 Fertigspritze", 32.0, 41.0), ("Impfstoff Influvac Tetra", 14.0, 19.5),
          ("Verbandmaterial", 3.2, 12.5), ("Versandkosten Laborprobe", 2.4, 4.8), ("Lokalanästhetikum", 1.9, 4.6))  # fmt: skip
_DENTAL_COSTS = (("Anästhetikum, je Zylinderampulle", 0.9, 1.8), ("Abformmaterial", 12.0, 35.0),
                 ("Fremdlaborkosten lt. Beleg", 80.0, 260.0), ("Einmal-Polierset PZR", 3.5, 8.9))  # fmt: skip
_DIAGNOSES = ("J06.9 Akute Infektion der oberen Atemwege", "M54.5 Kreuzschmerz", "I10.90 Essentielle Hypertonie",
              "E11.9 Diabetes mellitus Typ 2", "R10.4 Sonstige Bauchschmerzen", "Z00.0 Allgemeine Untersuchung",
              "M25.56 Gelenkschmerz, Knie", "Z23.8 Impfung gegen Tetanus-Diphtherie-Pertussis")  # fmt: skip
_DENTAL_DIAGNOSES = ("K02.1 Karies des Dentins", "K05.1 Chronische Gingivitis", "K03.6 Zahnbeläge",
                     "K04.0 Pulpitis")  # fmt: skip
# Doctors: (name, a woman).
_DOCTORS = (("Dr. med. Sabine Hoffmann", True), ("Dr. med. Jens Köhler", False), ("Dr. med. Aylin Demir", True),
            ("Dr. med. Stefan Brückner", False), ("Dr. med. Käthe Lindner", True))  # fmt: skip
_SPECIALTIES = (
    "Allgemeinmedizin",
    "Innere Medizin",
    "Orthopädie und Unfallchirurgie",
    "Allgemeinmedizin · Naturheilverfahren",
)
_DENTISTS = ("Dr. med. dent. Julia Brandt", "Dr. med. dent. Murat Yıldız", "Zahnärztin Petra Vogt",
             "Dr. med. dent. Lukas Grünewald")  # fmt: skip
_PATIENTS = ("Thomas Weber", "Anna Schmidt", "Petra Lindner", "Sebastian Krüger", "Sabine Vogt", "Lukas Hoffmann",
             "Jürgen Böhm", "Monika Schäfer")  # fmt: skip
_MEN = ("Thomas", "Sebastian", "Lukas", "Jürgen")
_CHILDREN = ("Lena", "Paul", "Mia", "Jonas", "Emilia")


@dataclass(frozen=True)
class Treatment:
    """One row of the treatment table: a fee number done on a day, how often, at which factor."""

    day: dt.date
    tariff: Tariff
    count: int
    factor: Decimal
    tooth: str = ""
    reason: str = ""  # printed under the row when the factor is above the usual one

    @property
    def single(self) -> Decimal:
        point = GOAE_POINT if self.tariff.goae else GOZ_POINT
        return round_cent(self.tariff.points * point * self.factor)

    @property
    def amount(self) -> Decimal:
        return self.single * self.count


def factor_text(factor: Decimal, two_places: bool) -> str:
    """A factor as the invoice prints it: 2,3 or 2,30; 1,15 either way."""
    text = f"{factor:.2f}"
    if not two_places and text.endswith("0"):
        text = text[:-1]
    return text.replace(".", ",")


class ArztGoae(TripSheet):
    """A private doctor's or dentist's invoice under the GOÄ or GOZ: no VAT, a table of treatments."""

    FONTS = ("liberation-serif", "dejavu-serif", "liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted", "dotted", "dotted_short")
    IDS = "stnr"
    GROUPED = 0.6
    FOOT = A4.height - 70

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.dentist = rng.random() < 0.4
        name, woman = rng.choice(_DOCTORS)
        if self.dentist:
            name = rng.choice(_DENTISTS)
        self.specialty = f"Fach{'ärztin' if woman else 'arzt'} für {rng.choice(_SPECIALTIES)}"
        forms = ("{}", "Praxis {}", "Privatpraxis {}") if not self.dentist else ("{}", "Zahnarztpraxis {}")
        if name.startswith("Zahnärztin"):
            forms = ("{}",)
        practice = rng.choice(forms).format(name)
        supplier = _party(rng, (practice,), False)
        self.doctor = name
        self.domain = _domain("praxis-" + name.split()[-1], "de")
        year = data.date.year
        n = rng.randint(1, 99999)
        number = rng.choice((f"{year}-{n:05d}", f"PR{year % 100}{n:05d}", f"{rng.randint(100000, 999999)}",
                             f"R {n}", f"{year % 100}/{n:04d}"))  # fmt: skip
        data = dataclasses.replace(
            data,
            number=number,
            service_date=None,
            customer_no="",
            order_no="",
            supplier=supplier,
            tax_no=_steuernummer(rng, supplier.region),
            email=f"{rng.choice(('praxis', 'info', 'abrechnung'))}@{self.domain}",
        )
        super().__init__(rng, data)
        self.insured = rng.choice(_PATIENTS)
        self.child = rng.choice(_CHILDREN) if rng.random() < 0.3 else ""
        born = data.date - dt.timedelta(
            days=rng.randint(3 * 365, 14 * 365) if self.child else rng.randint(22 * 365, 80 * 365)
        )
        self.born = born
        self.salutation = "Herrn" if self.insured.split()[0] in _MEN else "Frau"
        self.one_line = rng.random() < 0.5  # "Herrn Thomas Weber" on one line
        self.head = rng.choice(("centred", "left", "stamp"))
        self.info_style = rng.choice(("right", "right", "strip"))
        self.table_style = rng.choice(("lines", "shaded", "grid"))
        self.group_dates = rng.random() < 0.5  # the date only on a day's first row
        self.counted = self.dentist or rng.random() < 0.5  # a count column
        self.two_places = rng.random() < 0.4
        self.costs_style = rng.choice(("none", "none", "inline", "block"))
        self.vat_line = rng.random() < 0.3
        self.foot = rng.choice(("columns", "lines", "bank_block"))
        self.period = rng.random() < 0.5
        self.intro = rng.random() < 0.6  # a sentence naming the fee schedule above the table
        self.brand = rng.choice(((0.1, 0.3, 0.5), (0.0, 0.4, 0.4), (0.25, 0.25, 0.25), (0.35, 0.2, 0.45)))

    # -- what was done

    def treatments(self) -> list[Treatment]:
        rng, d = self.rng, self.data
        first, others = (_GOZ_FIRST, _GOZ) if self.dentist else (_GOAE_FIRST, _GOAE)
        visits = rng.choice((1, 1, 2, 2, 3, 4))
        days = sorted(rng.sample(range(2, 60), visits), reverse=True)
        rows: list[Treatment] = []
        for k, back in enumerate(days):
            day = d.date - dt.timedelta(days=back)
            tariffs = [rng.choice(first)] if k == 0 or rng.random() < 0.5 else []
            tariffs += rng.sample(others, rng.randint(1, 4 if k == 0 else 3))
            order = {t: i for i, t in enumerate((*first, *others))}
            for tariff in sorted(tariffs, key=lambda t: order[t]):
                factor = Decimal(rng.choice(_FACTORS[tariff.kind]))
                if not tariff.goae:  # the GOZ has no technical or laboratory factors
                    factor = Decimal(rng.choice(_FACTORS["p"]))
                reasons = _DENTAL_REASONS if self.dentist else _REASONS
                reason = rng.choice(reasons) if factor > _USUAL[tariff.kind if tariff.goae else "p"] else ""
                count = 1
                if tariff.number in ("1040", "4050", "4055"):
                    count = rng.randint(8, 28)
                elif tariff.number in ("Ä5000", "0090", "420", "3511"):
                    count = rng.randint(2, 4)
                tooth = ""
                if tariff.tooth:
                    tooth = str(rng.choice((1, 2, 3, 4)) * 10 + rng.randint(1, 8))
                rows.append(Treatment(day, tariff, count, factor, tooth, reason))
        return rows

    def costs(self) -> list[LineItem]:
        rng = self.rng
        if self.costs_style == "none":
            return []
        catalog = _DENTAL_COSTS if self.dentist else _COSTS
        rows = []
        for text, lo, hi in rng.sample(catalog, rng.randint(1, 3)):
            qty = Decimal(rng.randint(2, 4)) if text.startswith("Anästhetikum") else Decimal(1)
            rows.append(LineItem(text, "", qty, "", round_cent(Decimal(str(rng.uniform(lo, hi)))), 0))
        return rows

    # -- the page

    def letterhead(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        rng = self.rng
        what = rng.choice(("Zahnheilkunde · Prophylaxe · Ästhetische Zahnmedizin", "Zahnärztliche Privatpraxis")) \
            if self.dentist else self.specialty  # fmt: skip
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "centred":
            c.fit_text(c.width / 2, 52, s.name, 16, R - L, bold=True, align="center", colour=self.brand)
            c.text(c.width / 2, 66, what, 9, align="center")
            c.fit_text(c.width / 2, 79, " · ".join(contact), 7.5, R - L, align="center", colour=GREY)
            c.line(L, 86, R, 86, width=0.5, colour=self.brand)
        elif self.head == "left":
            c.fit_text(L, 50, s.name, 15, 300, bold=True, colour=self.brand)
            c.text(L, 64, what, 9, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 40 + 10 * i, line, 7.5, align="right", colour=GREY)
        else:  # a stamp on the right
            c.fit_text(R, 44, s.name, 12, 240, bold=True, align="right")
            c.fit_text(R, 56, what, 8.5, 240, align="right")
            for i, line in enumerate(contact):
                c.text(R, 68 + 9.5 * i, line, 7.5, align="right", colour=GREY)

    def window(self) -> float:
        c, s, L = self.c, self.data.supplier, self.LEFT
        c.fit_text(L, 140, f"{s.name} · {s.street} · {s.city_line}", 6.5, 250, colour=GREY)
        r = self.data.customer
        y = 156.0
        names = [f"{self.salutation} {self.insured}"] if self.one_line else [self.salutation, self.insured]
        for line in (*names, r.street, r.city_line):
            c.text(L, y, line, 10)
            y += 13
        return y

    def info(self, y: float) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        rows = [(rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.", "Rg.-Nr.")), d.number),
                (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date))]  # fmt: skip
        if rng.random() < 0.4:
            rows.append((rng.choice(("Patienten-Nr.", "Pat.-Nr.")), str(rng.randint(1000, 99999))))
        if self.info_style == "right":
            colon = rng.choice(("", ":"))
            rows = [(f"{label}{colon}", value) for label, value in rows]
            return max(y, label_rows(c, rows, 350, R, 156, 9, 13, value_align="right", label_colour=GREY))
        top = max(y, 210.0) + 8
        width = (R - L) / len(rows)
        c.box(L, top, R, top + 28, fill=PALE, stroke=RULE, width=0.5)
        for i, (label, value) in enumerate(rows):
            c.text(L + 6 + i * width, top + 10, label, 7.5, colour=GREY)
            c.text(L + 6 + i * width, top + 22, value, 9.5, bold=i == 0)
        return top + 28

    def patient(self, y: float, rows: list[Treatment]) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        title = rng.choice(("Rechnung nach GOZ", "Liquidation", "Rechnung")) if self.dentist else \
            rng.choice(("Privatliquidation", "Privatrechnung", "Rechnung", "Liquidation"))  # fmt: skip
        y = max(y, 226.0) + 22
        c.text(L, y, title, 14, bold=True)
        surname = self.insured.split()[-1]
        lines = []
        if self.child:
            lines.append(("Patient(in)", f"{self.child} {surname}, geb. {p.date(self.born)}"))
            lines.append((rng.choice(("Versicherte(r)", "Versicherter / Rechnungsempfänger")), self.insured))
        else:
            lines.append((rng.choice(("Patient(in)", "Patient", "Behandelte Person")),
                          f"{self.insured}, geb. {p.date(self.born)}"))  # fmt: skip
        if self.period:
            days = [r.day for r in rows]
            lines.append(("Behandlungszeitraum", f"{p.date(min(days))} - {p.date(max(days))}"))
        lines.append(("Diagnose", rng.choice(_DENTAL_DIAGNOSES if self.dentist else _DIAGNOSES)))
        y += 6
        for label, value in lines:
            y += 12.5
            c.text(L, y, f"{label}:", 9, colour=GREY)
            c.fit_text(L + 150, y, value, 9, self.RIGHT - L - 150)
        if self.intro:
            schedule = (
                "der Gebührenordnung für Zahnärzte (GOZ)"
                if self.dentist
                else "der Gebührenordnung für Ärzte (GOÄ)"
            )
            text = rng.choice((f"Für meine Leistungen erlaube ich mir, gemäß {schedule} zu berechnen:",
                               f"Für die ärztliche Behandlung berechne ich nach {schedule}:"))  # fmt: skip
            if self.dentist:
                text = text.replace("ärztliche", "zahnärztliche")
            y = c.paragraph(L, y + 18, text, self.RIGHT - L, 9) - 9
        return y + 14

    def table(self, y: float, rows: list[Treatment], costs: list[LineItem]) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        number_head = ("GOZ-Nr.", "Geb.-Nr.", "Nr.") if self.dentist else ("GOÄ-Nr.", "Ziffer", "GOÄ")
        if not self.intro:  # the fee schedule named in the table's head
            number_head = number_head[:1]
        spec: list[tuple[str, str, float, Align]] = [("date", "Datum", 56, "left")]
        if self.dentist:
            spec.append(("tooth", rng.choice(("Zahn", "Reg.")), 38, "left"))
        spec += [("no", rng.choice(number_head), 46, "left"), ("text", rng.choice(("Leistung", "Leistungsbeschreibung", "Bezeichnung")), 0, "left")]  # fmt: skip
        if self.counted:
            spec.append(("count", rng.choice(("Anz.", "Anzahl", "Menge")), 38, "right"))
        spec += [("factor", rng.choice(("Faktor", "Steig.-Satz", "Fakt.")), 50, "right"),
                 ("amount", rng.choice(("Betrag", "Betrag €", "EUR", "Betrag in €")), 64, "right")]  # fmt: skip
        cols = columns(spec, L, R)
        text_col = next(col for col in cols if col.key == "text")
        top = y
        if self.table_style == "shaded":
            c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True)
        y += 16
        c.line(L, y, R, y, width=0.6 if self.table_style != "grid" else 0.4)
        last_day = None
        for row in rows:
            y += 12.5
            values = {"no": row.tariff.number, "text": row.tariff.text, "tooth": row.tooth,
                      "factor": factor_text(row.factor, self.two_places), "amount": p.number(row.amount)}  # fmt: skip
            if row.day != last_day or not self.group_dates:
                values["date"] = f"{row.day:%d.%m.%y}" if p.dates == "dotted_short" else p.date(row.day)
            last_day = row.day
            if self.counted:
                values["count"] = str(row.count)
            elif row.count > 1:
                values["text"] = f"{row.count} x {row.tariff.text}"
            cells(c, cols, y, values, 8.5)
            if row.reason:
                y += 10
                c.fit_text(
                    text_col.anchor,
                    y,
                    f"Begründung: {row.reason}",
                    7.5,
                    R - text_col.anchor - 70,
                    colour=GREY,
                )
            y += 2.5
            if self.table_style == "lines":
                c.line(L, y + 1, R, y + 1, width=0.25, colour=RULE)
        if costs and self.costs_style == "inline":
            y += 14
            head = "Material- und Laborkosten gem. § 9 GOZ" if self.dentist else "Auslagen gem. § 10 GOÄ"
            c.text(text_col.anchor, y, head, 8.5, bold=True)
            for item in costs:
                y += 12.5
                text = (
                    item.description
                    if item.quantity == 1
                    else f"{p.quantity(item.quantity)} x {item.description}"
                )
                cells(c, cols, y, {"text": text, "amount": p.number(item.total)}, 8.5)
            y += 2.5
        if self.table_style == "grid":
            c.box(L, top, R, y + 3, width=0.4)
            grid_lines(c, cols, top, y + 3)
        else:
            c.line(L, y + 3, R, y + 3, width=0.6)
        return y + 3

    def totals(self, y: float, fees: Decimal, costs: list[LineItem]) -> float:
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        cost_sum = sum((item.total for item in costs), Decimal(0))
        x = R - 250
        if costs and self.costs_style == "block":
            y += 16
            head = "Material- und Laborkosten gem. § 9 GOZ" if self.dentist else "Auslagen gem. § 10 GOÄ"
            c.text(x, y, head, 8.5, bold=True)
            for item in costs:
                y += 12
                text = (
                    item.description
                    if item.quantity == 1
                    else f"{p.quantity(item.quantity)} x {item.description}"
                )
                c.fit_text(x, y, text, 8.5, 180)
                c.text(R, y, p.number(item.total), 8.5, align="right")
            c.line(x, y + 4, R, y + 4, width=0.25, colour=RULE)
        rows: list[tuple[str, Decimal, bool]] = []
        if costs or rng.random() < 0.5:
            rows.append((rng.choice(("Summe Honorar", "Zwischensumme", "Summe der Leistungen")), fees, False))
        if costs:
            rows.append((rng.choice(("Summe Auslagen", "Auslagen gesamt")) if not self.dentist else "Summe Material/Labor",
                         cost_sum, False))  # fmt: skip
        if self.vat_line:
            rows.append(
                (
                    rng.choice(("USt.", "MwSt. 0 %", "Umsatzsteuer 0 %", "USt. (steuerfrei)")),
                    Decimal(0),
                    False,
                )
            )
        rows.append((rng.choice(("Rechnungsbetrag", "Rechnungsbetrag", "Rechnungsbetrag", "Gesamtbetrag",
                                 "Zu zahlender Betrag")), fees + cost_sum, True))  # fmt: skip
        y += 6
        for label, value, bold in rows:
            y += 14
            if bold:
                c.line(x, y - 10.5, R, y - 10.5, width=0.6)
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        c.line(x, y + 4, R, y + 4, width=0.6)
        if rng.random() < 0.5:
            c.line(x, y + 6, R, y + 6, width=0.6)
        return y + 6

    def closing(self, y: float, gross: Decimal) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        kind = "Zahnärztliche" if self.dentist else "Ärztliche"
        texts = [
            rng.choice((f"{kind} Heilbehandlungen sind gemäß § 4 Nr. 14 UStG von der Umsatzsteuer befreit.",
                        "Umsatzsteuerfrei gem. § 4 Nr. 14a UStG.",
                        "Die berechneten Leistungen sind nach § 4 Nr. 14 UStG umsatzsteuerfrei.")),
            rng.choice(("Bitte überweisen Sie den Rechnungsbetrag innerhalb von 30 Tagen nach Erhalt der Rechnung "
                        "unter Angabe der Rechnungsnummer.",
                        f"Der Betrag von {p.amount(gross)} ist zahlbar innerhalb von 30 Tagen ohne Abzug.",
                        "Der Rechnungsbetrag ist zahlbar innerhalb von 30 Tagen nach Zugang dieser Rechnung.")),
        ]  # fmt: skip
        if rng.random() < 0.5:
            texts.append(rng.choice(("Diese Rechnung können Sie bei Ihrer privaten Krankenversicherung und ggf. Ihrer "
                                     "Beihilfestelle einreichen.",
                                     "Bitte reichen Sie eine Kopie dieser Rechnung bei Ihrer Krankenversicherung ein.")))  # fmt: skip
        y += 8
        for text in texts:
            y = c.paragraph(L, y + 3, text, R - L, 8.5)
        if self.foot == "bank_block":
            y += 8
            rows = [("Bankverbindung", self.bank_name()), ("IBAN", self.iban), ("BIC", str(d.iban.bic))]
            y = label_rows(c, rows, L, L + 90, y, 8.5, 11.5)
        if rng.random() < 0.5:
            y += 10
            c.text(
                L, y, rng.choice(("Mit freundlichen Grüßen", "Mit besten Wünschen für Ihre Gesundheit")), 9
            )
            y += 13
            c.text(L, y, self.doctor, 9)
        return y

    def footer(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        rng = self.rng
        tax = self.tax_ids(tax_label=rng.choice(("Steuernummer", "Steuer-Nr.", "St.-Nr.")))
        chamber = f"Zuständige Kammer: {'Zahnärztekammer' if self.dentist else 'Ärztekammer'} {s.region}"
        bank = [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"]
        if self.foot == "columns":
            cols = (
                [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
                ["Bankverbindung", *bank],
                [*tax, chamber],
            )
            footer_columns(c, cols, self.FOOT, L, R, 6.8)
            return
        c.line(L, self.FOOT, R, self.FOOT, width=0.4, colour=GREY)
        lines = [f"{s.name} · {s.street} · {s.city_line} · Tel. {d.phone}", " · ".join((*tax, chamber))]
        if self.foot == "lines":
            lines.insert(1, " · ".join(bank))
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, self.FOOT + 12 + 10 * i, line, 7.2, R - L, align="center", colour=GREY)

    def page(self, rows: list[Treatment], costs: list[LineItem]) -> float:
        """Draw the page on a fresh document; returns the baseline after the closing text."""
        self.doc.close()
        self.doc, self.tax = pymupdf.open(), {}
        self.c = self.new_page()
        fees = sum((r.amount for r in rows), Decimal(0))
        self.letterhead()
        y = self.info(self.window())
        y = self.patient(y, rows)
        y = self.table(y, rows, costs)
        y = self.totals(y, fees, costs)
        y = self.closing(y, fees + sum((item.total for item in costs), Decimal(0)))
        self.footer()
        return y

    def draw(self) -> TripDrawing:
        rows = self.treatments()
        costs = self.costs()
        while self.page(rows, costs) >= self.FOOT - 4:  # too long for the page: the last treatments left out
            assert len(rows) > 3, "arzt_goae: page overflow"
            rows = rows[:-1]
        items = [
            LineItem(r.tariff.text, r.tariff.number, Decimal(r.count), "", r.single, 0) for r in rows
        ] + costs
        return self.finish(
            items, "Rechnung", service_date=False, customer_no=False, vat_printed=self.vat_line
        )


# ---------------------------------------------------------------------------
# autovermietung

_RENTERS = ("Drivewell Autovermietung GmbH", "Fahrfix Mietwagen GmbH", "Nordlicht Car Rental GmbH",
            "Alpenland Autovermietung GmbH & Co. KG", "Stadtflitzer Vermietung GmbH", "Rheintal Mobility GmbH")  # fmt: skip
_TAGLINES = ("Autovermietung · Transporter · LKW", "Mobil in ganz Deutschland", "Car & Van Rental",
             "Ihr Partner für Mietwagen")  # fmt: skip
# Branches: (name, licence plate district, airport).
_BRANCHES = (("Frankfurt Flughafen (FRA), Terminal 1", "F", True), ("München Hauptbahnhof", "M", False),
             ("Hamburg Flughafen (HAM)", "HH", True), ("Berlin Ostbahnhof", "B", False),
             ("Köln/Bonn Flughafen (CGN)", "K", True), ("Leipzig Hbf, Parkhaus Ost", "L", False),
             ("Stuttgart Flughafen (STR)", "S", True), ("Düsseldorf Innenstadt, Königsallee", "D", False),
             ("Hannover Messe/Laatzen", "H", False), ("Nürnberg Flughafen (NUE)", "N", True))  # fmt: skip
# Vehicles: (model, ACRISS car group, least and most daily net rate).
_CARS = (("VW Polo 1.0 TSI oder ähnlich", "EDMR", 29, 49), ("VW Golf 1.5 eTSI oder ähnlich", "CDMR", 35, 59),
         ("Skoda Octavia Combi oder ähnlich", "IWMR", 45, 69), ("BMW 320d Touring oder ähnlich", "SWAR", 69, 109),
         ("Mercedes-Benz C 200 oder ähnlich", "PDAR", 79, 129), ("VW Tiguan oder ähnlich", "IFAR", 59, 89),
         ("Ford Transit Custom Kastenwagen", "FKMR", 79, 119), ("Tesla Model 3 oder ähnlich", "PDAE", 75, 115))  # fmt: skip
_CARDS = ("VISA", "Mastercard", "American Express")
_PRIVATE = ("Thomas Weber", "Anna Schmidt", "Dr. Jens Köhler", "Murat Demir", "Julia Brandt", "Sabine Vogt")

Lang = Literal["de", "en", "bi"]
# Labels: (German choices, English choices).
_SAY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "number": (("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr."), ("Invoice no.", "Invoice number", "Invoice No.")),
    "date": (("Rechnungsdatum", "Datum"), ("Invoice date", "Date of invoice")),
    "agreement": (("Mietvertrag-Nr.", "Mietvertragsnummer", "Vertrags-Nr."), ("Rental agreement", "Rental agreement no.", "RA number")),
    "reservation": (("Reservierungs-Nr.", "Buchungsnummer"), ("Reservation no.", "Booking reference")),
    "customer": (("Kundennummer", "Kunden-Nr."), ("Customer no.", "Account no.")),
    "title": (("Rechnung",), ("Invoice", "INVOICE")),
    "pickup": (("Anmietung", "Abholung", "Übernahme"), ("Pick-up", "Check-out")),
    "return": (("Rückgabe",), ("Return", "Check-in")),
    "vehicle": (("Fahrzeug", "Fahrzeugtyp"), ("Vehicle", "Car")),
    "group": (("Fahrzeuggruppe", "Gruppe"), ("Car group", "Vehicle class")),
    "plate": (("Kennzeichen", "Amtl. Kennzeichen"), ("Licence plate", "Registration")),
    "km_out": (("km Abholung", "km-Stand Anmietung"), ("Mileage out", "Odometer out")),
    "km_in": (("km Rückgabe", "km-Stand Rückgabe"), ("Mileage in", "Odometer in")),
    "driven": (("Gefahrene km", "Gefahrene Kilometer"), ("Km driven", "Distance driven")),
    "fuel": (("Tankinhalt", "Tankstand"), ("Fuel level", "Fuel")),
    "desc": (("Beschreibung", "Leistung", "Position"), ("Description", "Item")),
    "qty": (("Menge", "Anz."), ("Qty", "Quantity")),
    "unit": (("Einheit",), ("Unit",)),
    "price": (("Einzelpreis", "Preis"), ("Unit price", "Rate")),
    "amount": (("Betrag", "Gesamt", "Netto"), ("Amount", "Total")),
    "net": (("Nettobetrag", "Summe netto", "Netto"), ("Net amount", "Subtotal", "Net total")),
    "vat": (("MwSt. 19 %", "USt. 19 %", "zzgl. 19 % MwSt."), ("VAT 19 %", "VAT 19%", "plus VAT 19 %")),
    "total": (("Gesamtbetrag", "Rechnungsbetrag", "Bruttobetrag"), ("Total", "Total amount", "Invoice total")),
    "charged": (("Bereits belastet: Kreditkarte", "Belastet auf Kreditkarte", "Bezahlt mit Kreditkarte"),
                ("Charged to card", "Paid by credit card", "Charged to credit card")),
    "balance": (("Restbetrag", "Offener Betrag", "Saldo"), ("Balance", "Balance due", "Amount due")),
    "time": (("Zeitmiete", "Miete", "Mietpreis"), ("Time charge", "Rental")),
    "oneway": (("Einwegmiete", "Einweggebühr"), ("One-way fee", "Drop-off charge")),
    "refuel": (("Betankung", "Tankauffüllung", "Kraftstoff nachgetankt"), ("Fuel refill", "Refuelling service")),
    "driver": (("Zusatzfahrer",), ("Additional driver",)),
    "cdw": (("Haftungsreduzierung (CDW)", "Haftungsreduzierung SB 500 EUR"), ("Collision damage waiver (CDW)", "Loss damage waiver (LDW)")),
    "tp": (("Diebstahlschutz (TP)",), ("Theft protection (TP)",)),
    "seat": (("Kindersitz",), ("Child seat",)),
    "winter": (("Winterreifen",), ("Winter tyres",)),
    "airport": (("Flughafenzuschlag", "Stationsgebühr Flughafen"), ("Airport fee", "Premium location surcharge")),
    "km": (("Mehrkilometer",), ("Excess mileage",)),
    "cleaning": (("Sonderreinigung",), ("Special cleaning",)),
    "discount": (("Rabatt {} % auf Zeitmiete", "Firmenrabatt {} %", "Online-Rabatt {} %"),
                 ("Discount {} % on time charge", "Corporate discount {} %")),
    "days": (("Tage",), ("days",)),
    "flat": (("pausch.", "Stk."), ("flat", "each")),
}  # fmt: skip


class Autovermietung(TripSheet):
    """A car rental company's invoice after the return: rental details, charges, VAT, paid by card."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"
    GROUPED = 0.5
    FOOT = A4.height - 74

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name = rng.choice(_RENTERS)
        supplier = dataclasses.replace(data.supplier, name=name)
        day = data.date
        if dt.date(2020, 6, 1) <= day <= dt.date(2021, 1, 31):  # rentals and invoices out of 16 % VAT
            day = day.replace(year=2019)
        self.domain = _domain(name, "de")
        number = rng.choice((f"{rng.randint(10**9, 10**10 - 1)}", f"RE{day.year % 100}{rng.randint(1, 9999999):07d}",
                             f"{day.year}-{rng.randint(1, 999999):06d}", f"INV {rng.randint(10**7, 10**8 - 1)}"))  # fmt: skip
        self.agreement = rng.choice((f"{rng.randint(10**8, 10**9 - 1)}", f"MV-{rng.randint(10**6, 10**7 - 1)}",
                                     f"RA{rng.randint(10**7, 10**8 - 1)}"))  # fmt: skip
        business = rng.random() < 0.55
        customer = data.customer if business else _party(rng, (rng.choice(_PRIVATE),), False)
        customer_no = f"{rng.randint(10**6, 10**7 - 1)}" if rng.random() < 0.4 else ""
        data = dataclasses.replace(
            data, number=number, date=day, service_date=None, customer_no=customer_no, order_no="",
            supplier=supplier, customer=customer, email=f"{rng.choice(('rechnung', 'service', 'billing'))}@{self.domain}",
        )  # fmt: skip
        super().__init__(rng, data)
        if data.tax_no and rng.random() < 0.35:
            self.ids = "both"
        self.lang: Lang = rng.choice(("de", "de", "en", "bi"))
        if self.lang == "en":
            self.p = Printer(rng.choice(("en", "en", "de")), rng.choice(("code_before", "sign_before", "code_after")),
                             rng.choice(("dotted", "iso", "en_long", "fr_slash")))  # fmt: skip
        else:
            self.p = Printer(
                "de", rng.choice(("sign_after", "code_after")), rng.choice(("dotted", "dotted_short"))
            )
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("band", "logo", "plain"))
        self.details = rng.choice(("boxes", "rows"))
        self.shaded = rng.random() < 0.5
        self.with_bic = rng.random() < 0.8
        self.reservation = (
            f"{rng.choice(('', 'B', 'R'))}{rng.randint(10**7, 10**8 - 1)}" if rng.random() < 0.5 else ""
        )
        # the rental
        self.out_branch = rng.choice(_BRANCHES)
        self.in_branch = rng.choice(_BRANCHES) if rng.random() < 0.3 else self.out_branch
        self.days = rng.choice((1, 2, 3, 3, 4, 5, 7, 10, 14))
        back = day - dt.timedelta(days=rng.choice((0, 1, 1, 2, 3)))
        self.returned = dt.datetime.combine(
            back, dt.time(rng.randint(7, 20), rng.choice((0, 5, 15, 20, 30, 40, 45, 55)))
        )
        out_time = self.returned + dt.timedelta(minutes=rng.randint(-29, 180))
        self.picked = dt.datetime.combine(back - dt.timedelta(days=self.days), out_time.time())
        self.car, self.group, lo, hi = rng.choice(_CARS)
        if self.lang == "en":
            self.car = self.car.replace(" oder ähnlich", " or similar")
        self.rate = Decimal(rng.randint(lo, hi)) + Decimal(rng.choice(("0", "0.90", "0.50", "0.99")))
        self.km_out = rng.randint(3000, 95000)
        self.allowance = rng.choice((0, 0, 300 * self.days, 1500))  # 0: unlimited
        self.driven = rng.randint(40, 420) * self.days if self.days < 7 else rng.randint(60, 250) * self.days
        self.plate = f"{self.out_branch[1]}-{rng.choice('ABCDEFGHKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHKLMNPRSTVWXZ')} {rng.randint(10, 9999)}"
        self.fuel_in = rng.choice(("8/8", "8/8", "7/8", "6/8", "5/8", "4/8", "3/8"))
        self.card = f"{rng.choice(_CARDS)} **** {rng.randint(0, 9999):04d}"

    def say(self, key: str) -> str:
        de, en = _SAY[key]
        if self.lang == "de":
            return self.rng.choice(de)
        if self.lang == "en":
            return self.rng.choice(en)
        return f"{self.rng.choice(de)} / {self.rng.choice(en)}"

    def km(self, value: int) -> str:
        return f"{value:,}".replace(",", "." if self.p.numbers != "en" else ",")

    def when(self, at: dt.datetime) -> str:
        suffix = " Uhr" if self.lang == "de" and self.rng.random() < 0.5 else ""
        return f"{self.p.date(at.date())} {at:%H:%M}{suffix}"

    # -- what is charged

    def charges(self) -> list[LineItem]:
        """The charged items, net, each described as printed; a discount last (a negative price, no quantity)."""
        rng, days = self.rng, Decimal(self.days)
        day_unit = self.say("days") if self.lang != "bi" else "Tage/days"
        flat = self.say("flat") if self.lang != "bi" else ""

        def charge(key: str, qty: Decimal, unit: str, price: Decimal | int | str) -> LineItem:
            return LineItem(self.say(key), "", qty, unit, Decimal(price), 19)

        time = charge("time", days, day_unit, self.rate)
        rows = [dataclasses.replace(time, description=f"{time.description} {self.group}")]
        if self.in_branch != self.out_branch:
            rows.append(charge("oneway", Decimal(1), flat, rng.choice((49, 79, 99, 129, 149))))
        for key, lo, hi, chance in (("cdw", 9, 29, 0.6), ("tp", 4, 9, 0.25), ("driver", 6, 12, 0.3), ("seat", 5, 10, 0.15),
                                    ("winter", 2, 4, 0.15)):  # fmt: skip
            if rng.random() < chance:
                rows.append(
                    charge(
                        key,
                        days,
                        day_unit,
                        Decimal(rng.randint(lo, hi)) + Decimal(rng.choice(("0", "0.90", "0.50"))),
                    )
                )
        if self.out_branch[2] and rng.random() < 0.7:
            rows.append(charge("airport", Decimal(1), flat, rng.randint(19, 39)))
        if self.fuel_in != "8/8":
            litres = Decimal(rng.randint(40, 90) * (8 - int(self.fuel_in[0]))) / 10
            rows.append(charge("refuel", litres, "l", Decimal(rng.randint(219, 299)) / 100))
        if self.allowance and self.driven > self.allowance:
            extra = Decimal(self.driven - self.allowance)
            rows.append(charge("km", extra, "km", rng.choice(("0.25", "0.29", "0.35", "0.39"))))
        if rng.random() < 0.1:
            rows.append(charge("cleaning", Decimal(1), flat, rng.choice((45, 69, 89, 119))))
        if rng.random() < 0.75:
            off = rng.choice((5, 10, 10, 15, 20))
            discount = charge("discount", Decimal(1), "", -round_cent(time.total * off / 100))
            rows.append(
                dataclasses.replace(discount, description=discount.description.replace("{}", str(off)))
            )
        return rows

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        tagline = self.rng.choice(_TAGLINES)
        contact = [s.street, s.city_line, f"Tel. {d.phone}", f"www.{self.domain}"]
        if self.head == "band":
            c.box(0, 24, c.width, 70, fill=self.brand, stroke=None)
            c.fit_text(L, 50, s.name, 17, 300, bold=True, colour=WHITE)
            c.fit_text(L, 62, tagline, 8, 300, colour=WHITE)
            for i, line in enumerate(contact[:4]):
                c.fit_text(R, 36 + 9.5 * i, line, 7.5, 180, align="right", colour=WHITE)
        elif self.head == "logo":
            logo(c, self.rng.choice(("square", "circle", "diamond")), L, 30, 40, self.brand, initials(s.name))
            c.fit_text(L + 50, 50, s.name, 15, 280, bold=True, colour=self.brand)
            c.text(L + 50, 63, tagline, 8, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 38 + 10 * i, line, 7.5, align="right", colour=GREY)
        else:
            c.fit_text(R, 48, s.name, 16, 320, bold=True, align="right", colour=self.brand)
            c.text(R, 61, tagline, 8, align="right", colour=GREY)
            c.line(L, 70, R, 70, width=1.2, colour=self.brand)

    def window(self) -> float:
        c, s, r, L = self.c, self.data.supplier, self.data.customer, self.LEFT
        c.fit_text(L, 124, f"{s.name} · {s.street} · {s.city_line}", 6.5, 250, colour=GREY)
        y = 140.0
        for line in (r.name, r.contact, r.street, r.city_line):
            if line:
                c.text(L, y, line, 10)
                y += 13
        return y

    def info(self) -> float:
        c, d, p, R = self.c, self.data, self.p, self.RIGHT
        rows = [
            (self.say("number"), d.number),
            (self.say("date"), p.date(d.date)),
            (self.say("agreement"), self.agreement),
        ]
        if self.reservation:
            rows.append((self.say("reservation"), self.reservation))
        if d.customer_no:
            rows.append((self.say("customer"), d.customer_no))
        x = 320.0 if self.lang == "bi" else 345.0
        for i, (label, value) in enumerate(rows):
            y = 132 + 13 * i
            c.fit_text(x, y, label, 8.5, R - x - 90, colour=GREY)
            c.text(R, y, value, 8.5, align="right", bold=i == 0)
        return 132 + 13 * len(rows)

    def rental(self, y: float) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        driven = self.driven
        if self.details == "boxes":
            mid = (L + R) / 2
            for x0, x1, key, branch, at, km, fuel in (
                (L, mid - 6, "pickup", self.out_branch[0], self.picked, self.km_out, "8/8"),
                (mid + 6, R, "return", self.in_branch[0], self.returned, self.km_out + driven, self.fuel_in),
            ):
                c.box(x0, y, x1, y + 62, fill=PALE, stroke=RULE, width=0.5)
                c.text(x0 + 6, y + 13, self.say(key), 9, bold=True, colour=self.brand)
                c.fit_text(x0 + 6, y + 26, branch, 8.5, x1 - x0 - 12)
                c.text(x0 + 6, y + 38, self.when(at), 8.5)
                c.fit_text(x0 + 6, y + 50, f"{self.say('km_out' if key == 'pickup' else 'km_in')}: {self.km(km)}  ·  "
                           f"{self.say('fuel')}: {fuel}", 8, x1 - x0 - 12, colour=GREY)  # fmt: skip
            y += 62 + 14
            line = (f"{self.say('vehicle')}: {self.car}  ·  {self.say('group')}: {self.group}  ·  "
                    f"{self.say('plate')}: {self.plate}  ·  {self.say('driven')}: {self.km(driven)}")  # fmt: skip
            if c.text_width(line, 8.5) <= R - L:
                c.text(L, y, line, 8.5)
                return y + 6
            first, second = line.split("  ·  ")[:2], line.split("  ·  ")[2:]
            c.fit_text(L, y, "  ·  ".join(first), 8.5, R - L)
            c.fit_text(L, y + 12, "  ·  ".join(second), 8.5, R - L)
            return y + 18
        left = [(self.say("pickup"), f"{self.when(self.picked)}, {self.out_branch[0]}"),
                (self.say("return"), f"{self.when(self.returned)}, {self.in_branch[0]}"),
                (self.say("vehicle"), f"{self.car} ({self.group})"), (self.say("plate"), self.plate)]  # fmt: skip
        right = [(self.say("km_out"), self.km(self.km_out)), (self.say("km_in"), self.km(self.km_out + driven)),
                 (self.say("driven"), self.km(driven)), (self.say("fuel"), self.fuel_in)]  # fmt: skip
        top = y + 10
        for i, ((a, b), (e, f)) in enumerate(zip(left, right, strict=True)):
            yy = top + 12 * i
            c.fit_text(L, yy, a, 8.5, 88, colour=GREY)
            c.fit_text(L + 92, yy, b, 8.5, 250)
            c.fit_text(L + 352, yy, e, 8.5, 90, colour=GREY)
            c.text(R, yy, f, 8.5, align="right")
        y = top + 12 * 3 + 6
        c.line(L, y, R, y, width=0.4, colour=RULE)
        return y

    def table(self, y: float, rows: list[LineItem]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        wide = 66 if self.lang == "bi" else 58
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", self.say("desc"), 0, "left"), ("qty", self.say("qty"), 52, "right"), ("unit", self.say("unit"), 54, "left"),
            ("price", self.say("price"), wide + 8, "right"), ("amount", self.say("amount"), wide + 10, "right"),
        ]  # fmt: skip
        cols = columns(spec, L, R)
        if self.shaded:
            c.box(L, y, R, y + 16, fill=self.brand, stroke=None)
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True, colour=WHITE)
        else:
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True)
            c.line(L, y + 16, R, y + 16, width=0.8)
        y += 16
        for item in rows:
            y += 13.5
            qty = item.quantity
            if item.unit == "km":
                quantity = self.km(int(qty))
            elif item.unit == "l":
                quantity = f"{qty:.1f}".replace(".", "," if p.numbers != "en" else ".")
            else:
                quantity = p.quantity(qty)
            values = {"desc": item.description, "amount": p.number(item.total)}
            if item.unit_price > 0:  # a discount prints its amount only
                values |= {"qty": quantity, "unit": item.unit, "price": p.number(item.unit_price)}
            cells(c, cols, y, values, 8.5)
            y += 4
            c.line(L, y, R, y, width=0.25, colour=RULE)
        return y

    def totals(self, y: float, net: Decimal, vat: Decimal) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        gross = net + vat
        x = R - (290 if self.lang == "bi" else 240)
        rows = [(self.say("net"), p.amount(net), False), (self.say("vat"), p.amount(vat), False),
                (self.say("total"), p.amount(gross), True), (f"{self.say('charged')} {self.card}", p.amount(-gross), False),
                (self.say("balance"), p.amount(Decimal(0)), True)]  # fmt: skip
        y += 6
        for i, (label, value, bold) in enumerate(rows):
            y += 14
            if i == 2:
                c.box(x - 4, y - 11, R + 4, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9, R - x - 80, bold=bold)
            c.text(R, y, value, 9, bold=bold, align="right")
        return y + 6

    def closing(self, y: float) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        texts = {
            "de": ("Der Rechnungsbetrag wurde Ihrer Kreditkarte belastet. Vielen Dank, dass Sie bei uns gemietet haben.",
                   "Der Betrag wird Ihrer bei Anmietung hinterlegten Kreditkarte belastet. Gute Fahrt!"),
            "en": ("The total has been charged to your credit card. Thank you for renting with us.",
                   "This amount was charged to the card provided at pick-up. Thank you for choosing us."),
            "bi": ("Der Rechnungsbetrag wurde Ihrer Kreditkarte belastet. / The total has been charged to your credit card.",),
        }[self.lang]  # fmt: skip
        return c.paragraph(L, y + 14, self.rng.choice(texts), R - L, 8.5)

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        en = self.lang == "en"
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        cols = (
            [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
            [f"{'Managing director' if en else 'Geschäftsführer'}: {d.ceo}", f"Amtsgericht {s.city}", d.register, d.email],
            self.tax_ids("VAT ID" if en else self.rng.choice(("USt-IdNr.", "USt-ID")), "Tax no." if en else "St.-Nr."),
            bank,
        )  # fmt: skip
        footer_columns(self.c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        c, d, L = self.c, self.data, self.LEFT
        items = self.charges()
        (vat,) = vat_breakdown(items)
        self.header()
        y = max(self.window(), self.info())
        title = self.say("title")
        if self.rng.random() < 0.4:
            title = f"{title} {d.number}"
        y = max(y, 214.0) + 20
        c.text(L, y, title, 14, bold=True)
        y = self.rental(y + 8)
        y = self.table(y + 14, items)
        y = self.totals(y, vat.base, vat.amount)
        y = self.closing(y)
        self.footer()
        assert y < self.FOOT - 4, "autovermietung: page overflow"
        return self.finish(
            items, "Rechnung", service_date=False, customer_no=bool(d.customer_no), bic_printed=self.with_bic
        )


# ---------------------------------------------------------------------------
# Registry

LATE_FAMILIES: dict[str, type[TripSheet]] = {
    "arzt_goae": ArztGoae,
    "autovermietung": Autovermietung,
}


def draw_late(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(LATE_FAMILIES[name], name, seed)
