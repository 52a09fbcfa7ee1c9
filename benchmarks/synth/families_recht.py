"""Two invoice layout families of a German law firm billing under the RVG and of a German training provider
billing seminars, designed blind (session 16).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_recht(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip` and `families_first` and returns a `TripDrawing` (truth keys only for values
printed):

- `kanzlei_rvg`: a German law firm's invoice to a small agency, its client ("Kostennote", "Rechnung",
  "Vergütungsrechnung", "Kostenrechnung"), as § 10 RVG wants it: the matter ("In Sachen Pixelwerk GmbH ./.
  Schmidt Druck GmbH", "wegen Forderung aus Rechnung Nr. 2023-117"), the firm's file number ("Az.: 123/24",
  "Unser Zeichen: 0123/24 KS"), the court and its file number for a lawsuit ("Landgericht Köln, Az. 3 O
  123/24"), the "Gegenstandswert: 25.000,00 €"; the fees of the RVG table (Anlage 2 zu § 13 RVG, as in force
  from 2021 to May 2025) with their rate and number of the VV RVG ("1,3 Geschäftsgebühr Nr. 2300 VV RVG", "1,3
  Verfahrensgebühr Nr. 3100", "1,2 Terminsgebühr Nr. 3104", "1,5 Einigungsgebühr Nr. 1000" or "1,0 ... Nr.
  1000, 1003"), in a lawsuit after out-of-court work on some seeds half the earlier Geschäftsgebühr deducted
  ("abzgl. 0,65 Geschäftsgebühr gem. Vorbem. 3 Abs. 4 VV RVG", a negative line); or, under a fee agreement (§
  3a RVG), hours by date and activity at an hourly rate; the expenses of the VV RVG ("Post- und
  Telekommunikationspauschale Nr. 7002 VV RVG 20,00", "Dokumentenpauschale Nr. 7000 (n Seiten)", travel "Nr.
  7003" km x 0,42 €, "Nr. 7005" absence money, "Nr. 7006" parking); as lines of text with the amount on the
  right or as a table (Gebühr, Nr. VV RVG, Satz, Betrag); "Zwischensumme netto", "19 % Umsatzsteuer Nr. 7008
  VV RVG", the total ("Gesamtbetrag", "Summe", "zu zahlender Betrag", ...). On some seeds costs the firm paid
  for the client and passes on without VAT ("Gerichtskosten (verauslagt)", "Aktenversendungspauschale 12,00",
  "Auskunft Einwohnermeldeamt", "Gerichtsvollzieherkosten", durchlaufende Posten): either after the taxed
  gross ("zzgl. durchlaufende Posten") with a VAT summary by rate under the totals ("19 %" / "0 %" /
  "Gesamt"), or in the list under their own heading with "Nettobetrag" over both and the VAT "auf" the taxed
  part. A payment on account deducted on some seeds ("abzgl. Vorschuss vom ...", then "Restbetrag" / "noch
  zu zahlen"), a legal-expenses insurer's claim number on some ("Schaden-Nr."), a signature (the lawyer's
  name and title). The firm: a "Partnerschaft mbB" (Partnerschaftsregister), a Rechtsanwaltsgesellschaft mbH
  (HRB, Geschäftsführer) or a sole lawyer; its lawyers in a right-hand sidebar on some seeds; its USt-IdNr.
  and / or Steuernummer, the "Rechtsanwaltskammer" and the professional rules in the footer, its fee account
  ("Geschäftskonto") and on about half the seeds its client trust account ("Anderkonto", for client money).
  Truth: the usual keys; `iban` / `bic` the account the invoice asks to be paid to (the Geschäftskonto, never
  the Anderkonto; `bic` only where printed); `kundennummer` the "Mandanten-Nr." where printed;
  `leistungsdatum` a single printed "Leistungsdatum" (some seeds print a "Leistungszeitraum" instead, which
  is no truth). Costs passed on without VAT count as items at 0 %: `betrag_netto` is the fees and expenses
  plus those costs (the printed "Nettobetrag" or the "Gesamt" row of the VAT summary), `mwst` the 19 % VAT of
  the fees and expenses, `betrag_brutto` = netto + mwst = the invoice's total before a payment on account is
  deducted (as in `anzahlung`).
- `seminar_schulung`: a German training provider's invoice for seminars booked by the agency for its staff,
  in German or (on some seeds) English: "Rechnung" / "Teilnehmerrechnung" / "Invoice", "Rechnungs-Nr.",
  "Rechnungsdatum", "Kunden-Nr." on most seeds, the provider's "Buchungs-Nr." / "Booking No." and the
  seminar's number ("Seminar-Nr. S24-117"), the booking date, the customer's order number on some seeds; per
  seminar (two seminars on some seeds) its title, its dates ("Seminar vom 12.–14.03.2024", "12. bis 14. März
  2024", "12–14 March 2024", a single day on some), the venue (a seminar centre, a conference hotel or "Live-
  Online"), the participants ("Teilnehmer: Frau Lena Hoffmann, Herr Tim Schulz"); the positions: the course
  fee per participant (one line for all or one per participant), an early-bird discount ("Frühbucherrabatt 10
  %", with its booking deadline on some seeds), a discount from the second participant, the
  "Tagungspauschale" per participant and day (catering), "Seminarunterlagen", a hotel night (7 %) and an exam
  fee on some seeds; the course fee (its discounts and exam fee) exempt from VAT on some seeds
  ("umsatzsteuerfrei gem. § 4 Nr. 21 a) bb) UStG", 0 %) with catering and materials at 19 %, fully taxed
  on the others; totals as rows ("Summe netto", "davon umsatzsteuerfrei", "zzgl. 19 % USt auf ...",
  "Rechnungsbetrag") or as a table by rate; payment before the seminar, the cancellation terms. The provider an "Akademie GmbH"
  (Handelsregister, Geschäftsführer, USt-IdNr. and on some seeds the Steuernummer) or a registered association
  ("e.V.", "Vereinsregister VR 1234", Vorstand, Steuernummer only). Truth: the usual keys; per rate, exempt
  items at 0 % (part of `betrag_netto`, no VAT); `kundennummer`, `bestellnummer` (the customer's order number)
  where printed; `leistungsdatum` the seminar's date when a single one-day seminar is billed.

Both keep their dates in 2021 to May 2025 (the RVG table of those years; no German VAT of 16 % / 5 %).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_first import FirstSheet, years_from
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    Col,
    cells,
    columns,
    draw_sheet,
    footer_columns,
    initials,
    label_rows,
    logo,
)
from benchmarks.synth.families_trip import TripDrawing
from benchmarks.synth.families_world import MORE_BRANDS, RULE
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    MONTHS_EN,
    InvoiceData,
    LineItem,
    VatLine,
    _bank_account,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align, Canvas, Colour
from benchmarks.synth.printed import Printer

# ---------------------------------------------------------------------------
# Shared


def recent_day(rng: random.Random, day: dt.date) -> dt.date:
    """`day` moved into January 2021 to May 2025 (the RVG table of those years; no VAT of 16 % / 5 %)."""
    day = years_from(rng, day, 2021, 2025)
    return day.replace(year=2024) if day >= dt.date(2025, 6, 1) else day


def amount_rows(
    c: Canvas,
    rows: Sequence[tuple[str, str, bool]],
    x: float,
    right: float,
    y: float,
    size: float,
    *,
    step: float = 14.0,
    label_width: float = 230,
) -> float:
    """Label and amount rows (bold where asked), the amounts right-aligned at `right`; returns the last
    baseline."""
    for label, value, bold in rows:
        y += step
        c.fit_text(x, y, label, size, label_width, bold=bold)
        c.text(right, y, value, size, bold=bold, align="right")
    return y


def rate_summary(
    c: Canvas,
    p: Printer,
    lines: Sequence[VatLine],
    heads: tuple[str, str, str, str],
    names: dict[int, str],
    total: str,
    x: float,
    right: float,
    y: float,
    size: float,
) -> float:
    """A table of the net, VAT and gross per rate with a total row; returns its last baseline."""
    xs = (x, right - 150, right - 75, right)
    aligns: tuple[Align, ...] = ("left", "right", "right", "right")
    c.box(x - 3, y, right + 3, y + 13, fill=LIGHT, stroke=None)
    for head, at, align in zip(heads, xs, aligns, strict=True):
        c.text(at, y + 9.5, head, size - 0.5, bold=True, align=align)
    y += 13
    rows = [
        (names.get(v.rate, f"{v.rate} %"), v.base, v.amount) for v in sorted(lines, key=lambda v: -v.rate)
    ]
    net = sum((v.base for v in lines), Decimal(0))
    vat = sum((v.amount for v in lines), Decimal(0))
    for k, (label, base, tax) in enumerate([*rows, (total, net, vat)]):
        last = k == len(rows)
        y += size * 1.45
        if last:
            c.line(x - 3, y - size - 1.5, right + 3, y - size - 1.5, width=0.5)
        values = (label, p.number(base), p.number(tax), p.number(base + tax))
        for value, at, align in zip(values, xs, aligns, strict=True):
            c.fit_text(at, y, value, size, 150 if align == "left" else 72, bold=last, align=align)
    return y


# ---------------------------------------------------------------------------
# kanzlei_rvg

# The steps of the fee tables after their first value: (up to, step, added per started step).
Steps = tuple[tuple[int, int, int], ...]
# Anlage 2 zu § 13 Abs. 1 RVG, from 1 January 2021 to 31 May 2025: 49 euros up to 500 euros.
_RVG: Steps = (
    (2000, 500, 39),
    (10000, 1000, 56),
    (25000, 3000, 52),
    (50000, 5000, 81),
    (200000, 15000, 94),
    (500000, 30000, 132),
    (10**9, 50000, 165),
)
# Anlage 2 zu § 34 GKG, from 2021: 38 euros up to 500 euros.
_GKG: Steps = (
    (2000, 500, 20),
    (10000, 1000, 21),
    (25000, 3000, 29),
    (50000, 5000, 38),
    (200000, 15000, 132),
    (500000, 30000, 198),
    (10**9, 50000, 198),
)


def table_fee(value: int, first: int, steps: Steps) -> Decimal:
    """The full fee (1,0) of a fee table at the value `value`."""
    fee, bound = first, 500
    for top, step, added in steps:
        while bound < value and bound < top:
            bound += step
            fee += added
    return Decimal(fee)


def rvg_fee(value: int) -> Decimal:
    return table_fee(value, 49, _RVG)


def gkg_fee(value: int) -> Decimal:
    return table_fee(value, 38, _GKG)


def rate_text(rate: Decimal) -> str:
    return f"{rate:.1f}".replace(".", ",") if rate * 10 % 1 == 0 else f"{rate:.2f}".replace(".", ",")


# Lawyers: (first name, last name, female).
_LAWYERS = (
    ("Jan", "Kessler", False),
    ("Maria", "Seidel", True),
    ("Thomas", "Hartmann", False),
    ("Julia", "Brandt", True),
    ("Oliver", "Wendt", False),
    ("Nadine", "Albrecht", True),
    ("Christian", "Vogel", False),
    ("Sandra", "Pohl", True),
    ("Martin", "Engel", False),
    ("Katharina", "Roth", True),
    ("Felix", "Baumann", False),
    ("Elif", "Kaya", True),
    ("Henrik", "Lüders", False),
    ("Anne", "Voß", True),
)
_FIELDS = (
    "Arbeitsrecht",
    "Urheber- und Medienrecht",
    "Handels- und Gesellschaftsrecht",
    "gewerblichen Rechtsschutz",
    "IT-Recht",
    "Miet- und Wohnungseigentumsrecht",
    "Vertragsrecht",
)
# The bar association of each city of `invoice_gen` (by the Oberlandesgericht district).
_BARS = {
    "Berlin": "Berlin",
    "München": "München",
    "Köln": "Köln",
    "Hamburg": "Hamburg",
    "Leipzig": "Sachsen",
    "Stuttgart": "Stuttgart",
    "Nürnberg": "Nürnberg",
    "Düsseldorf": "Düsseldorf",
    "Frankfurt am Main": "Frankfurt",
    "Hannover": "Celle",
    "Erfurt": "Thüringen",
    "Kiel": "Schleswig-Holstein",
    "Bremen": "Bremen",
    "Mainz": "Koblenz",
    "Saarbrücken": "des Saarlandes",
}
_AGENCIES = (
    "Pixelwerk Werbeagentur GmbH",
    "Studio Nordlicht Kommunikation GmbH",
    "Hansen & Frey Designagentur GmbH",
    "Blaupause Kreativagentur UG (haftungsbeschränkt)",
    "Kernel Digital GmbH",
    "Agentur Zeitsprung GmbH",
    "Lindgrün Markenberatung GmbH",
    "Formfabrik Werbung OHG",
)
_OPPONENTS = (
    "Schmidt Druck GmbH",
    "Medienhaus Weststadt GmbH",
    "Herrn Thomas Krause",
    "Bergmann Immobilien GmbH & Co. KG",
    "Frau Sabine Lorenz",
    "Nordwind Event GmbH",
    "Fotoagentur Bildreich GmbH",
    "Herrn Dennis Wolf",
)
_EMPLOYEES = ("Herrn Kevin Albers", "Frau Laura Schenk", "Herrn Marcel Ott", "Frau Jana Reimann")
_INSURERS = (
    "ARAG SE",
    "Roland Rechtsschutz-Versicherungs-AG",
    "ADVOCARD Rechtsschutzversicherung AG",
    "D.A.S. Rechtsschutz Leistungs-GmbH",
    "Auxilia Rechtsschutz-Versicherungs-AG",
)
# Hourly work under a fee agreement.
_ADVICE = (
    "Prüfung des Rahmenvertrags mit {o}",
    "Besprechung mit der Geschäftsführung",
    "Entwurf Agenturvertrag / AGB",
    "Prüfung Nutzungsrechte und Lizenzbedingungen",
    "Telefonat und E-Mail-Korrespondenz",
    "Überarbeitung Datenschutzerklärung und AV-Vertrag",
    "Stellungnahme zur Abmahnung",
    "Prüfung Arbeitsvertragsmuster",
)


@dataclass(frozen=True)
class Fee:
    """One line of the fee note: what it is, its VV RVG number, its rate and value, and its item."""

    name: str  # "Verfahrensgebühr"
    rule: str  # "3100" (the number in the VV RVG) or "" for costs passed on
    item: LineItem
    rate: Decimal | None = None
    note: str = ""  # "(62 Seiten)", "(2 x 38 km à 0,42 €)", the date of hourly work

    @property
    def passed(self) -> bool:
        return self.item.rate == 0


class KanzleiRvg(FirstSheet):
    """A law firm's fee note under the RVG: fees by the table at the value in dispute, expenses, VAT Nr. 7008,
    costs passed on without VAT, a payment on account, the fee account and the trust account."""

    FONTS = (
        "liberation-serif",
        "liberation-serif",
        "dejavu-serif",
        "liberation-sans",
        "dejavu-sans",
    )  # with €
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted", "dotted", "dotted", "de_long")
    IDS = "either"
    GROUPED = 0.65
    FOOT = A4.height - 92

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.form = rng.choice(("partner", "partner", "sole", "sole", "gmbh"))
        count = {"partner": rng.randint(2, 4), "sole": 1, "gmbh": rng.randint(2, 3)}[self.form]
        self.lawyers = rng.sample(_LAWYERS, count)
        self.degrees = [rng.choice(("Dr. ", "", "", "")) for _ in self.lawyers]
        self.fields = [rng.choice(_FIELDS) if rng.random() < 0.6 else "" for _ in self.lawyers]
        first, last, _ = self.lawyers[0]
        partner = self.lawyers[-1][1]
        name = {
            "partner": rng.choice(
                (
                    f"{last} {partner} Rechtsanwälte PartG mbB",
                    f"{last} & Partner Rechtsanwälte mbB",
                    f"{last} {partner} & Kollegen Rechtsanwälte Partnerschaft mbB",
                    f"{last} & {partner} Rechtsanwälte Partnerschaftsgesellschaft mbB",
                )
            ),
            "sole": rng.choice((f"{self.degrees[0]}{first} {last}", f"Rechtsanwaltskanzlei {first} {last}")),
            "gmbh": f"{last} {partner} Rechtsanwaltsgesellschaft mbH",
        }[self.form]
        day = recent_day(rng, data.date)
        n = rng.randint(1, 1999)
        number = rng.choice(
            (
                f"{day.year}/{n:04d}",
                f"RE-{day.year % 100}-{n:04d}",
                f"{day.year % 100}{n:04d}",
                f"R {n}/{day.year}",
                f"{day.year}-{n:05d}",
            )
        )
        self.file_no = rng.choice(
            (
                f"{rng.randint(1, 999)}/{day.year % 100}",
                f"{rng.randint(1, 2999):04d}/{day.year % 100} "
                + "".join(w[0] for w in (first, last)).upper(),
                f"{day.year % 100}/{rng.randint(1, 999):05d}",
            )
        )
        supplier = dataclasses.replace(data.supplier, name=name)
        slug = last.lower().replace("ü", "ue").replace("ö", "oe").replace("ß", "ss")
        domain = slug + rng.choice(("-recht.de", "-rechtsanwaelte.de", "-kanzlei.de", ".legal"))
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=day - dt.timedelta(days=rng.randint(0, 20)) if rng.random() < 0.25 else None,
            due_date=day + dt.timedelta(days=rng.choice((7, 14, 14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=supplier,
            customer_no=f"{rng.randint(10000, 99999)}"
            if rng.random() < 0.5
            else f"M-{rng.randint(1000, 9999)}",
            order_no="",
            tax_no=data.tax_no or _steuernummer(rng, supplier.region),
            email=f"{rng.choice(('kanzlei', 'info', 'buchhaltung', slug[:6]))}@{domain}",
            register=f"PR {rng.randint(100, 2999)}"
            if self.form == "partner"
            else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.brand: Colour = rng.choice(
            ((0.1, 0.2, 0.4), (0.2, 0.2, 0.2), (0.45, 0.1, 0.15), (0.0, 0.3, 0.3))
        )
        self.head = rng.choice(("centred", "left", "sidebar", "sidebar"))
        self.body_r = self.RIGHT - 128 if self.head == "sidebar" else self.RIGHT
        self.style = rng.choice(("lines", "lines", "table"))
        self.kind = rng.choice(
            ("aussergerichtlich", "aussergerichtlich", "gericht", "gericht", "arbeit", "stunden")
        )
        if self.kind == "stunden":  # hours on several days: no single date of service
            self.data = dataclasses.replace(self.data, service_date=None)
        self.client_no = rng.random() < 0.45
        self.period = self.data.service_date is None and rng.random() < 0.3
        self.trust = rng.random() < 0.5  # an Anderkonto printed too
        self.trust_iban = _bank_account(rng)
        self.with_bic = rng.random() < 0.85
        self.iban_in_text = rng.random() < 0.5
        self.insurer = rng.choice(_INSURERS) if rng.random() < 0.2 else ""
        self.value = self.dispute_value()
        self.opponent = rng.choice(_EMPLOYEES if self.kind == "arbeit" else _OPPONENTS)
        self.signer = 0 if self.form == "sole" else rng.randrange(len(self.lawyers))
        self.advanced = rng.random() < 0.3  # a payment on account deducted

    # -- the matter

    def dispute_value(self) -> int:
        rng = self.rng
        if self.kind == "arbeit":
            return 3 * rng.randrange(2800, 6500, 50)  # three months' pay
        return rng.choice(
            (
                rng.randrange(1500, 10000, 50),
                rng.randrange(10000, 60000, 250),
                rng.choice((5000, 12000, 25000, 40000, 100000)),
            )
        )

    def title_of(self, k: int) -> str:
        female = self.lawyers[k][2]
        return "Rechtsanwältin" if female else "Rechtsanwalt"

    def person(self, k: int) -> str:
        first, last, _ = self.lawyers[k]
        return f"{self.degrees[k]}{first} {last}"

    def specialist(self, k: int) -> str:
        if not self.fields[k]:
            return ""
        return f"{'Fachanwältin' if self.lawyers[k][2] else 'Fachanwalt'} für {self.fields[k]}"

    def matter(self) -> tuple[str, str]:
        """The matter's subject ("wegen ...") and the court with its file number ("" out of court)."""
        rng, day, city = self.rng, self.data.date, self.data.supplier.city
        year = day.year % 100
        if self.kind == "arbeit":
            return (
                "wegen Kündigungsschutzklage",
                f"Arbeitsgericht {city}, Az. {rng.randint(1, 40)} Ca {rng.randint(100, 3999)}/{year}",
            )
        what = rng.choice(
            (
                f"wegen Forderung aus Rechnung Nr. {day.year - 1}-{rng.randint(10, 999)}",
                "wegen Urheberrechtsverletzung (Bildrechte)",
                "wegen Schadensersatz aus Agenturvertrag",
                "wegen Gewerbemietvertrag Büroräume",
                "wegen Abmahnung vom " + self.p.date(day - dt.timedelta(days=rng.randint(40, 200))),
            )
        )
        if self.kind != "gericht":
            return what, ""
        court = "Amtsgericht" if self.value <= 5000 else "Landgericht"
        sign = "C" if court == "Amtsgericht" else "O"
        return what, f"{court} {city}, Az. {rng.randint(1, 45)} {sign} {rng.randint(10, 2999)}/{year}"

    # -- the fees and expenses

    def valued(self, name: str, rule: str, rate: str) -> Fee:
        r = Decimal(rate)
        amount = round_cent(rvg_fee(self.value) * r)
        return Fee(name, rule, LineItem(name, "", Decimal(1), "", amount, 19), r)

    def fees(self) -> list[Fee]:
        rng = self.rng
        if self.kind == "stunden":
            return self.hours()
        if self.kind == "aussergerichtlich":
            out = [self.valued("Geschäftsgebühr", "2300", rng.choice(("1.3", "1.3", "1.3", "1.5", "1.8")))]
            if rng.random() < 0.35:
                out.append(self.valued("Einigungsgebühr", "1000", "1.5"))
            return out
        out = [self.valued("Verfahrensgebühr", "3100", "1.3")]
        if (
            self.kind == "gericht" and rng.random() < 0.4
        ):  # half the Geschäftsgebühr billed before, at most 0,75
            earlier = Decimal(rng.choice(("1.3", "1.3", "1.5", "1.8")))
            share = min(earlier / 2, Decimal("0.75"))
            amount = round_cent(rvg_fee(self.value) * share)
            name = f"abzgl. {rate_text(share)} Geschäftsgebühr gem. Vorbem. 3 Abs. 4 VV RVG"
            out.append(Fee(name, "", LineItem(name, "", Decimal(1), "", -amount, 19), share))
        if rng.random() < 0.85:
            out.append(self.valued("Terminsgebühr", "3104", "1.2"))
        if rng.random() < (0.6 if self.kind == "arbeit" else 0.3):
            out.append(self.valued("Einigungsgebühr", "1000, 1003", "1.0"))
        return out

    def hours(self) -> list[Fee]:
        rng, day = self.rng, self.data.date
        price = Decimal(rng.randrange(180, 360, 10))
        when = sorted(day - dt.timedelta(days=rng.randint(3, 60)) for _ in range(rng.randint(2, 6)))
        out = []
        for d in when:
            text = rng.choice(_ADVICE).format(
                o=rng.choice(_OPPONENTS).removeprefix("Herrn ").removeprefix("Frau ")
            )
            qty = Decimal(rng.randint(1, 16)) / 4
            out.append(Fee(text, "", LineItem(text, "", qty, "Std.", price, 19), note=self.p.date(d)))
        return out

    def expenses(self, fees: list[Fee]) -> list[Fee]:
        rng = self.rng
        out = []
        base = sum((f.item.total for f in fees), Decimal(0))
        if self.kind != "stunden" or rng.random() < 0.6:
            flat = min(round_cent(base * Decimal("0.2")), Decimal(20))
            name = rng.choice(
                (
                    "Post- und Telekommunikationspauschale",
                    "Pauschale für Post und Telekommunikation",
                    "Auslagenpauschale Post/Telekommunikation",
                )
            )
            out.append(Fee(name, "7002", LineItem(name, "", Decimal(1), "", flat, 19)))
        if rng.random() < 0.3:
            pages = rng.randint(8, 140)
            amount = min(pages, 50) * Decimal("0.5") + max(pages - 50, 0) * Decimal("0.15")
            out.append(
                Fee(
                    "Dokumentenpauschale",
                    "7000 Nr. 1",
                    LineItem("Dokumentenpauschale", "", Decimal(1), "", amount, 19),
                    note=f"({pages} Seiten)",
                )
            )
        if self.kind in ("gericht", "arbeit") and rng.random() < 0.45:
            km = rng.randint(12, 140)
            per = Decimal("0.42")
            out.append(
                Fee(
                    "Fahrtkosten Pkw",
                    "7003",
                    LineItem("Fahrtkosten Pkw", "", Decimal(2 * km), "km", per, 19),
                    note=f"(2 x {km} km à {self.p.number(per)} €)",
                )
            )
            hours, money = rng.choice((("bis 4 Std.", 30), ("4 bis 8 Std.", 50)))
            name = "Tage- und Abwesenheitsgeld"
            out.append(
                Fee(name, "7005", LineItem(name, "", Decimal(1), "", Decimal(money), 19), note=f"({hours})")
            )
            if rng.random() < 0.5:
                park = Decimal(rng.choice(("4.50", "6.00", "8.50", "12.00")))
                out.append(
                    Fee("Parkgebühren", "7006", LineItem("Parkgebühren", "", Decimal(1), "", park, 19))
                )
        return out

    def passed_on(self) -> list[Fee]:
        """Costs paid for the client and passed on without VAT (durchlaufende Posten)."""
        rng = self.rng
        chance = {"gericht": 0.7, "arbeit": 0.2, "aussergerichtlich": 0.3, "stunden": 0.25}[self.kind]
        if rng.random() >= chance:
            return []
        out = []
        options: list[tuple[str, Decimal]] = [
            ("Aktenversendungspauschale", Decimal(12)),
            ("Auskunft Einwohnermeldeamt", Decimal(rng.choice((10, 12, 15)))),
            ("Handelsregisterauszug", Decimal("4.50")),
        ]
        if self.kind == "gericht":
            court = rng.choice(
                (
                    "Gerichtskosten (verauslagt)",
                    "Gerichtskostenvorschuss (verauslagt)",
                    "verauslagte Gerichtskosten",
                )
            )
            out.append((court, 3 * gkg_fee(self.value)))
            options.append(("Gerichtsvollzieherkosten", Decimal(rng.randrange(2500, 9000, 10)) / 100))
        picked = out + rng.sample(options, rng.randint(0 if out else 1, 2 if not out else 1))
        return [Fee(name, "", LineItem(name, "", Decimal(1), "", amount, 0)) for name, amount in picked]

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        sole = self.form == "sole"
        sub = self.title_of(0) if sole else "Rechtsanwälte" + (" · Fachanwälte" if any(self.fields) else "")
        if sole and self.specialist(0):
            sub += " · " + self.specialist(0)
        contact = [
            s.street,
            s.city_line,
            f"Tel. {d.phone}",
            f"Fax {d.phone[:-2]}{self.rng.randint(10, 99)}",
            d.email,
        ]
        if self.head == "centred":
            mid = c.width / 2
            c.fit_text(mid, 52, s.name, 17, R - L, bold=True, align="center", colour=self.brand)
            c.text(mid, 66, sub, 8.5, align="center", colour=GREY)
            c.fit_text(mid, 78, " · ".join(contact), 7.5, R - L, align="center", colour=GREY)
            c.line(L, 86, R, 86, width=0.8, colour=self.brand)
            return
        if self.head == "left":
            c.fit_text(L, 52, s.name, 16, 320, bold=True, colour=self.brand)
            c.text(L, 66, sub, 8.5, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 40 + 10 * i, line, 7.5, align="right", colour=GREY)
            return
        logo(c, "square", L, 34, 30, self.brand, initials(s.name.replace("Rechtsanwaltskanzlei ", "")))
        c.fit_text(L + 40, 50, s.name, 14, 340, bold=True, colour=self.brand)
        c.text(L + 40, 62, sub, 8, colour=GREY)
        self.sidebar(contact)

    def sidebar(self, contact: list[str]) -> None:
        c, x = self.c, self.RIGHT - 112
        y = 140.0
        for k in range(len(self.lawyers)):
            c.fit_text(x, y, self.person(k), 7.8, 110, bold=True)
            y += 9.5
            for line in c.wrap(self.title_of(k), 110, 6.8) + c.wrap(self.specialist(k), 110, 6.8):
                c.text(x, y, line, 6.8, colour=GREY)
                y += 8.5
            y += 6
        y += 6
        for line in contact:
            c.fit_text(x, y, line, 7, 110, colour=GREY, min_size=5)
            y += 9
        c.line(x - 8, 128, x - 8, y, width=0.4, colour=RULE)

    def info(self) -> float:
        c, d, p, rng, L = self.c, self.data, self.p, self.rng, self.LEFT
        s = d.supplier
        c.fit_text(L, 126, f"{s.name} · {s.street} · {s.city_line}", 6.5, 250, colour=GREY, min_size=5.5)
        y = 142.0
        for line in (
            d.customer.name,
            rng.choice(("z. Hd. der Geschäftsführung", "Geschäftsführung", "")),
            d.customer.street,
            d.customer.city_line,
        ):
            if line:
                c.text(L, y, line, 10)
                y += 13
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Datum", "Rechnungsdatum")), p.date(d.date)),
            (rng.choice(("Unser Zeichen", "Az.", "Unser Az.", "Aktenzeichen")), self.file_no),
        ]
        if self.client_no:
            rows.insert(
                rng.randint(0, 3),
                (rng.choice(("Mandanten-Nr.", "Mandantennummer", "Mandant")), d.customer_no),
            )
        if d.service_date:
            rows.append(("Leistungsdatum", p.date(d.service_date)))
        elif self.period:
            start = d.date - dt.timedelta(days=rng.randint(40, 200))
            end = d.date - dt.timedelta(days=2)
            rows.append(("Leistungszeitraum", f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"))
        if self.head == "sidebar":  # the rows under the address
            width = max(c.text_width(label, 9) for label, _ in rows) + 14
            return label_rows(c, rows, L, L + width, y + 14, 9, 13, label_colour=GREY) - 4
        return max(
            y, label_rows(c, rows, 340, self.RIGHT, 142, 9, 13, value_align="right", label_colour=GREY)
        )

    def subject(self, y: float) -> float:
        c, d, rng, L = self.c, self.data, self.rng, self.LEFT
        width = self.body_r - L
        title = rng.choice(("Kostennote", "Rechnung", "Vergütungsrechnung", "Kostenrechnung", "RECHNUNG"))
        y = max(y, 214.0) + 20
        c.text(L, y, f"{title} Nr. {d.number}" if rng.random() < 0.3 else title, 13.5, bold=True)
        what, court = self.matter()
        parties = f"In Sachen {d.customer.name} ./. {self.opponent}"
        if self.kind == "arbeit":
            employee = self.opponent.removeprefix("Herrn ").removeprefix("Frau ")
            parties = f"In Sachen {employee} ./. {d.customer.name}"
        if self.kind == "stunden":
            agreed = self.p.date(d.date - dt.timedelta(days=rng.randint(60, 400)))
            lines = [f"Beratung {d.customer.name}", f"Abrechnung gemäß Vergütungsvereinbarung vom {agreed}"]
        else:
            lines = [parties, what] + ([court] if court else [])
        if self.insurer:
            lines.append(
                f"Rechtsschutzversicherung: {self.insurer}, Schaden-Nr. {rng.randint(10, 99)}-"
                f"{rng.randint(100000, 999999)}"
            )
        y += 4
        for k, line in enumerate(lines):
            y += 12.5
            c.fit_text(L, y, line, 9.5, width, bold=k == 0)
        if self.kind != "stunden":
            y += 17
            value = self.p.amount(Decimal(self.value))
            law = "§ 42 Abs. 2 GKG" if self.kind == "arbeit" else "§ 48 GKG"
            extra = rng.choice(
                (
                    "",
                    "",
                    f" (§ 23 Abs. 1 RVG i. V. m. {law})",
                    " (festgesetzt durch Beschluss vom "
                    + self.p.date(d.date - dt.timedelta(days=rng.randint(10, 60)))
                    + ")",
                )
            )
            if self.kind == "aussergerichtlich" and extra.startswith(" (fest"):
                extra = ""
            c.fit_text(L, y, f"Gegenstandswert: {value}{extra}", 9.5, width, bold=True)
        if rng.random() < 0.5:
            intro = rng.choice(
                (
                    "Für meine Tätigkeit in der oben genannten Angelegenheit berechne ich gemäß § 10 RVG:",
                    (
                        "Für unsere Tätigkeit erlauben wir uns, Ihnen nach dem "
                        "Rechtsanwaltsvergütungsgesetz (RVG) wie folgt zu berechnen:"
                    ),
                    "Sehr geehrte Damen und Herren, für unsere Tätigkeit rechnen wir wie folgt ab:",
                )
            )
            if self.form != "sole":
                intro = intro.replace("meine", "unsere").replace("berechne ich", "berechnen wir")
            y = c.paragraph(L, y + 18, intro, width, 9) - 8
        return y + 10

    def fee_text(self, fee: Fee) -> str:
        """The line of a fee as the text style prints it."""
        if fee.item.unit == "Std.":
            hours, price = quantity(fee.item.quantity, self.p), self.p.amount(fee.item.unit_price)
            return f"{fee.note} {fee.name}, {hours} Std. à {price}"
        if fee.name.startswith("abzgl."):
            return fee.name
        head = f"{rate_text(fee.rate)} {fee.name}" if fee.rate is not None else fee.name
        rule = f"Nr. {fee.rule} VV RVG" if fee.rule else ""
        if fee.rule in ("2300", "3100") and self.rng.random() < 0.5:
            rule = f"§§ 13, 14 RVG, {rule}" if fee.rule == "2300" else f"§§ 2, 13 RVG, {rule}"
        return " ".join(part for part in (head, rule, fee.note) if part)

    def need(self, y: float, height: float) -> float:
        return self.next_page() if y + height > self.limit else y

    def text_lines(self, y: float, fees: list[Fee], passed: list[Fee]) -> float:
        L, R, p = self.LEFT, self.body_r, self.p
        for fee in fees:
            lines = self.c.wrap(self.fee_text(fee), R - L - 72, 9.3)
            y = self.need(y, 13 * len(lines) + 4)
            for k, line in enumerate(lines):
                y += 13
                self.c.text(L, y, line, 9.3)
            self.c.text(R, y, p.number(fee.item.total), 9.3, align="right")
        if passed:
            y = self.need(y, 30 + 13 * len(passed))
            y += 20
            self.c.text(L, y, self.passed_head(), 9.3, bold=True)
            for fee in passed:
                y += 13
                self.c.text(L + 10, y, fee.name, 9.3)
                self.c.text(R, y, p.number(fee.item.total), 9.3, align="right")
        return y + 4

    def passed_head(self) -> str:
        return self.rng.choice(
            (
                "Durchlaufende Posten (nicht umsatzsteuerbar):",
                "Verauslagte Kosten (ohne USt.):",
                "Durchlaufende Posten gem. § 10 Abs. 1 S. 6 UStG:",
            )
        )

    def table(self, y: float, fees: list[Fee], passed: list[Fee]) -> float:
        rng, p, L, R = self.rng, self.p, self.LEFT, self.body_r
        hourly = self.kind == "stunden"
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Nr.", 22, "left"),
            (
                "desc",
                rng.choice(("Gebühren und Auslagen", "Gebührentatbestand", "Leistung"))
                if not hourly
                else "Tätigkeit",
                0,
                "left",
            ),
            ("rule", "VV RVG", 62, "left") if not hourly else ("rule", "Datum", 62, "left"),
            ("rate", "Satz", 34, "right") if not hourly else ("rate", "Std.", 34, "right"),
            ("amount", rng.choice(("Betrag", "Betrag €", "EUR")), 68, "right"),
        ]
        cols = columns(spec, L, R)
        desc = cols[1]

        def heading(y: float) -> float:
            self.c.box(L, y, R, y + 15, fill=LIGHT, stroke=None)
            cells(self.c, cols, y + 10.5, {col.key: col.head for col in cols}, 8, bold=True)
            return y + 15

        y = heading(y)
        rows: list[tuple[str, Fee]] = [(str(n), fee) for n, fee in enumerate(fees, 1)]
        for n, fee in rows + [("", fee) for fee in passed]:
            text = fee.name + (f" {fee.note}" if fee.note and not hourly else "")
            lines = self.c.wrap(text, desc.width, 8.5)
            height = 11 * len(lines) + 5
            if y + height > self.limit - 10:
                y = heading(self.next_page())
            values = {"pos": n, "amount": p.number(fee.item.total), "desc": lines[0]}
            if hourly and fee.note:
                values |= {"rule": fee.note, "rate": quantity(fee.item.quantity, p)}
            elif fee.rule:
                values |= {"rule": f"Nr. {fee.rule}"}
            if fee.rate is not None and not hourly:
                values["rate"] = rate_text(fee.rate)
            if fee.passed:
                values["rule"] = "durchl. Posten" if rng.random() < 0.5 else "ohne USt."
            cells(self.c, cols, y + 11, values, 8.5)
            for k, line in enumerate(lines[1:], 1):
                self.c.text(desc.anchor, y + 11 + 11 * k, line, 8.5)
            y += height
            self.c.line(L, y, R, y, width=0.25, colour=RULE)
        return y + 2

    def totals(self, y: float, lines: list[VatLine], passed: list[Fee], after: bool) -> tuple[float, Decimal]:
        """The totals; returns the last baseline and the amount the invoice asks for."""
        rng, p, R = self.rng, self.p, self.body_r
        taxed = next(v for v in lines if v.rate == 19)
        net = sum((v.base for v in lines), Decimal(0))
        gross = net + taxed.amount
        spent = net - taxed.base
        vat_label = rng.choice(
            (
                "19 % Umsatzsteuer Nr. 7008 VV RVG",
                "Umsatzsteuer 19 % Nr. 7008 VV RVG",
                "zzgl. 19 % USt. gem. Nr. 7008 VV RVG",
            )
        )
        rows: list[tuple[str, str, bool]] = []
        if not passed or after:
            rows.append(
                (
                    rng.choice(
                        ("Zwischensumme netto", "Summe netto", "Nettobetrag", "Summe Gebühren und Auslagen")
                    ),
                    p.amount(taxed.base),
                    False,
                )
            )
            rows.append((vat_label, p.amount(taxed.amount), False))
            if passed:
                rows.append(
                    (
                        rng.choice(("Zwischensumme brutto", "Summe inkl. USt.")),
                        p.amount(taxed.base + taxed.amount),
                        False,
                    )
                )
                rows += [(f"zzgl. {fee.name}", p.amount(fee.item.total), False) for fee in passed]
        else:
            if rng.random() < 0.6:
                rows.append(("Summe Gebühren und Auslagen", p.amount(taxed.base), False))
                rows.append(("Summe durchlaufende Posten", p.amount(spent), False))
            rows.append(
                (rng.choice(("Nettobetrag", "Summe netto", "Gesamtbetrag netto")), p.amount(net), False)
            )
            rows.append((f"{vat_label} auf {p.number(taxed.base)}", p.amount(taxed.amount), False))
        paid = self.advance(gross)
        total = (
            rng.choice(("Gesamtbetrag", "Summe", "Rechnungsbetrag", "Endbetrag"))
            if paid
            else rng.choice(("Gesamtbetrag", "Summe", "zu zahlender Betrag", "Rechnungsbetrag"))
        )
        rows.append((total, p.amount(gross), True))
        if paid:
            when = self.data.date - dt.timedelta(days=rng.randint(30, 150))
            rows.append(
                (
                    rng.choice(
                        (
                            f"abzgl. Vorschuss vom {p.date(when)}",
                            f"abzüglich gezahlter Vorschuss ({p.date(when)})",
                            f"./. Vorschusszahlung vom {p.date(when)}",
                        )
                    ),
                    p.amount(-paid),
                    False,
                )
            )
            rows.append(
                (
                    rng.choice(("Restbetrag", "noch zu zahlen", "zu zahlender Betrag", "offener Betrag")),
                    p.amount(gross - paid),
                    True,
                )
            )
        height = 15 * len(rows) + (4 * 14 + 30 if passed and after else 0) + 10
        y = self.need(y, height)
        c, x = self.c, R - (300 if self.head != "sidebar" else 290)
        c.line(x, y + 4, R, y + 4, width=0.6)
        y = amount_rows(c, rows, x, R, y, 9.3, step=15, label_width=R - x - 80)
        c.line(x, y + 4, R, y + 4, width=0.6)
        if passed and after:
            y = rate_summary(
                c,
                p,
                lines,
                ("USt-Satz", "Netto", "USt", "Brutto"),
                {0: "0 % *"},
                rng.choice(("Gesamt", "Summe")),
                self.LEFT,
                R,
                y + 16,
                8.3,
            )
            y += 11
            c.text(
                self.LEFT,
                y,
                "* durchlaufende Posten (§ 10 Abs. 1 Satz 6 UStG), nicht umsatzsteuerbar",
                7,
                colour=GREY,
            )
        return y, gross - paid

    def advance(self, gross: Decimal) -> Decimal:
        rng = self.rng
        if self.kind == "stunden" or not self.advanced:
            return Decimal(0)
        share = Decimal(rng.randint(25, 75)) / 100
        paid = (gross * share / 50).to_integral_value() * 50
        return paid if Decimal(100) <= paid < gross else Decimal(0)

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng, L, R = self.data, self.p, self.rng, self.LEFT, self.body_r
        bank = (
            f"auf unser Geschäftskonto bei der {self.bank_name()}, IBAN {self.iban}"
            if self.iban_in_text
            else "auf das unten genannte Geschäftskonto"
        )
        texts = [
            rng.choice(
                (
                    f"Bitte überweisen Sie den Betrag von {p.amount(due)} bis zum {p.date(d.due_date)} {{}}.",
                    (
                        f"Die Vergütung ist gemäß § 8 RVG fällig. Bitte zahlen Sie {p.amount(due)} innerhalb "
                        f"von {(d.due_date - d.date).days} Tagen {{}}."
                    ),
                )
            ).format(bank)
            + " Bitte geben Sie dabei die Rechnungsnummer an."
        ]
        if self.trust and rng.random() < 0.5:
            texts.append(
                "Bitte beachten Sie: Das Anderkonto dient ausschließlich der Verwaltung von Fremdgeldern."
            )
        if self.insurer:
            texts.append(f"Eine Kopie dieser Rechnung haben wir der {self.insurer} zur Erstattung übersandt.")
        need = sum(12 * len(self.c.wrap(t, R - L, 8.8)) + 6 for t in texts) + 72
        y = self.need(y, need)
        c = self.c
        y += 10
        for text in texts:
            y = c.paragraph(L, y + 6, text, R - L, 8.8)
        y += 12
        c.text(L, y, "Mit freundlichen Grüßen", 9)
        k = self.signer
        c.line(L, y + 26, L + 160, y + 26, width=0.4, colour=GREY)
        c.text(L, y + 37, self.person(k), 8.8)
        c.text(L, y + 47, self.title_of(k), 8.2, colour=GREY)
        return y + 47

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        bar = f"Rechtsanwaltskammer {_BARS.get(s.city, s.region)}"
        fee_bank = ["Geschäftskonto:", self.bank_name(), f"IBAN {self.iban}"] + (
            [f"BIC {d.iban.bic}"] if self.with_bic else []
        )
        legal = {
            "partner": [f"Partnerschaftsregister AG {s.city} {d.register}"],
            "gmbh": [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {self.person(0)}"],
            "sole": [],
        }[self.form]
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email],
            [*self.tax_ids("USt-IdNr.", "Steuernummer"), *legal, bar],
            fee_bank,
        ]
        if self.trust:
            t = self.trust_iban
            name = t.bank_name if len(t.bank_name) <= 40 else t.bank_short_name
            cols.append(
                [
                    self.rng.choice(("Anderkonto:", "Anderkonto (Fremdgeld):")),
                    name,
                    f"IBAN {t.formatted if self.grouped else t.compact}",
                    f"BIC {t.bic}",
                ]
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)
        note = (
            "Berufsbezeichnung Rechtsanwalt/Rechtsanwältin, verliehen in der Bundesrepublik Deutschland. "
            f"Zuständige Kammer: {bar}. Berufsrechtliche Regelungen (BRAO, BORA, FAO, RVG) unter www.brak.de."
        )
        lines = c.wrap(note, self.RIGHT - self.LEFT, 6)
        for k, line in enumerate(lines):
            y = A4.height - 14 - 8 * (len(lines) - 1 - k)
            c.text(c.width / 2, y, line, 6, align="center", colour=GREY)

    def draw(self) -> TripDrawing:
        rng = self.rng
        fees = self.fees()
        fees += self.expenses(fees)
        passed = self.passed_on()
        after = bool(passed) and rng.random() < 0.55
        items = [f.item for f in fees + passed]
        lines = vat_breakdown(items)
        self.header()
        y = self.subject(self.info())
        shown = passed if not after else []
        y = self.table(y, fees, shown) if self.style == "table" else self.text_lines(y, fees, shown)
        y, due = self.totals(y, lines, passed, after)
        y = self.closing(y, due)
        assert y < self.limit + 6, "kanzlei_rvg: page overflow"
        pages = self.close_pages(rng.random() < 0.3)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=True,
            customer_no=self.client_no,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# seminar_schulung

_ACADEMIES = (
    "Akademie Nordlicht GmbH",
    "Management-Akademie Taunus GmbH",
    "Digital Skills Akademie GmbH",
    "Kommunikationsakademie Elbe GmbH",
    "Fachakademie Marketing & Vertrieb GmbH",
    "Brenner Seminare Akademie GmbH",
)
_ASSOCIATIONS = (
    "Bildungswerk der Kreativwirtschaft e.V.",
    "Forum Weiterbildung Rhein-Ruhr e.V.",
    "Deutsche Gesellschaft für Projektpraxis e.V.",
    "Verband der Werbe- und Medienagenturen Süd e.V.",
    "Kreativnetzwerk Hanse e.V.",
)
# Seminars: (German title, English title, days, least and most fee per participant).
_SEMINARS: tuple[tuple[str, str, int, int, int], ...] = (
    ("Agiles Projektmanagement mit Scrum", "Agile Project Management with Scrum", 3, 1290, 1790),
    ("Social-Media-Marketing kompakt", "Social Media Marketing Essentials", 1, 390, 690),
    (
        "Suchmaschinenoptimierung (SEO) für Fortgeschrittene",
        "Advanced Search Engine Optimisation",
        2,
        790,
        1190,
    ),
    ("Souverän führen: Führungskräftetraining", "Leadership Training for New Managers", 2, 1090, 1490),
    ("Datenschutz in der Agentur (DSGVO)", "Data Protection for Agencies (GDPR)", 1, 390, 590),
    ("Präsentieren und Moderieren", "Presenting and Facilitating", 2, 790, 1090),
    ("Adobe InDesign Grundlagen", "Adobe InDesign Fundamentals", 3, 990, 1390),
    ("Barrierefreies Webdesign nach BFSG", "Accessible Web Design", 1, 450, 690),
    ("Texten für Web und Social Media", "Copywriting for Web and Social Media", 2, 690, 990),
    ("Urheberrecht und Bildrechte für Kreative", "Copyright and Image Rights for Creatives", 1, 350, 540),
    (
        "Zertifikatslehrgang Online-Marketing-Manager",
        "Online Marketing Manager Certificate Course",
        5,
        2190,
        2990,
    ),
)
_PEOPLE = (
    ("Lena", "Hoffmann", True),
    ("Tim", "Schulz", False),
    ("Aylin", "Demir", True),
    ("Jonas", "Weber", False),
    ("Sophie", "Krüger", True),
    ("Marco", "Richter", False),
    ("Nele", "Peters", True),
    ("Daniel", "Schröder", False),
)
_VENUES = (
    "Seminarzentrum {city}",
    "Tagungshotel am Stadtpark, {city}",
    "{name}, Schulungsraum 2",
    "Hotel Seeblick, Tagungsbereich, {city}",
    "Live-Online (Zoom)",
    "Live-Online (MS Teams)",
)
_BOARD = ("Prof. Dr. Ulrike Hahn", "Dr. Peter Lindemann", "Karin Mertens", "Andreas Wolters")

_WORDS: dict[str, dict[str, str]] = {
    "de": {
        "number": "Rechnungs-Nr.|Rechnungsnummer|Rechnung Nr.",
        "date": "Rechnungsdatum|Datum",
        "customer": "Kunden-Nr.|Kundennummer",
        "booking": "Buchungs-Nr.|Buchungsnummer|Anmelde-Nr.",
        "booked": "Anmeldung vom|Buchung vom",
        "order": "Ihre Bestellnummer|Ihre Bestellung|Bestell-Nr.",
        "title": "Rechnung|RECHNUNG|Teilnehmerrechnung|Rechnung Seminargebühren",
        "seminar": "Seminar",
        "seminar_no": "Seminar-Nr.|Veranstaltungs-Nr.",
        "when": "Termin|Seminartermin|Datum",
        "venue": "Ort|Veranstaltungsort",
        "who": "Teilnehmer|Teilnehmende",
        "fee": "Teilnahmegebühr|Seminargebühr",
        "catering": "Tagungspauschale (Mittagessen, Pausengetränke)|Tagungspauschale|Verpflegungspauschale",
        "papers": "Seminarunterlagen|Seminarunterlagen und Arbeitsmaterial",
        "night": "Übernachtung im Tagungshotel",
        "exam": "Prüfungs- und Zertifikatsgebühr",
        "early": "Frühbucherrabatt",
        "second": "Rabatt ab dem 2. Teilnehmer",
        "net": "Summe netto|Nettobetrag|Zwischensumme",
        "exempt_sum": "davon umsatzsteuerfrei",
        "vat": "zzgl. {rate} % USt auf {base}|{rate} % MwSt. auf {base}",
        "vat_sum": "Summe USt|USt gesamt",
        "total": "Rechnungsbetrag|Gesamtbetrag|Zu zahlen",
        "pos": "Pos.",
        "desc": "Beschreibung|Leistung",
        "qty": "Anzahl|Menge",
        "price": "Einzelpreis|Preis",
        "rate": "USt.|MwSt.",
        "amount": "Betrag|Gesamt",
        "per_day": "TN-Tage",
        "person": "TN",
        "exempt_rate": "frei",
        "exempt_note": "Die Seminarleistung ist gemäß § 4 Nr. 21 a) bb) UStG von der Umsatzsteuer befreit; "
        "die Bescheinigung der zuständigen Landesbehörde liegt vor.",
        "pay": "Bitte überweisen Sie den Rechnungsbetrag bis zum {due} unter Angabe der {ref} auf das unten "
        "genannte Konto.|Zahlbar ohne Abzug bis zum {due}. Bitte geben Sie die {ref} an.",
        "storno": "Bei Stornierung bis 28 Tage vor Seminarbeginn fallen keine Kosten an, danach "
        "berechnen wir 50 % der Teilnahmegebühr. Eine Vertretung ist jederzeit kostenfrei möglich.",
        "certificate": "Die Teilnahmebescheinigung erhalten Sie am letzten Seminartag.",
        "deadline": "Anmeldung bis",
        "table_heads": "Steuersatz;Netto;USt;Brutto",
        "sum": "Summe",
        "exempt_head": "0 % (steuerfrei)",
        "ceo": "Geschäftsführer",
        "board": "Vorstand",
        "intro": "Vielen Dank für Ihre Anmeldung. Wir berechnen Ihnen folgende Leistungen:",
    },
    "en": {
        "number": "Invoice No.|Invoice number",
        "date": "Invoice date|Date",
        "customer": "Customer No.|Customer ID",
        "booking": "Booking No.|Booking reference",
        "booked": "Booked on|Registration date",
        "order": "Your PO number|Purchase order",
        "title": "Invoice|INVOICE",
        "seminar": "Seminar",
        "seminar_no": "Course ID|Seminar No.",
        "when": "Date|Dates",
        "venue": "Venue|Location",
        "who": "Participants|Attendees",
        "fee": "Course fee|Seminar fee",
        "catering": "Conference package (lunch, coffee breaks)|Catering package",
        "papers": "Course materials|Seminar documents",
        "night": "Hotel accommodation",
        "exam": "Examination and certificate fee",
        "early": "Early bird discount",
        "second": "Discount from 2nd participant",
        "net": "Net total|Subtotal",
        "exempt_sum": "thereof VAT-exempt",
        "vat": "VAT {rate} % on {base}|plus {rate} % VAT on {base}",
        "vat_sum": "Total VAT",
        "total": "Total amount|Invoice total|Amount due",
        "pos": "No.",
        "desc": "Description",
        "qty": "Qty",
        "price": "Unit price",
        "rate": "VAT",
        "amount": "Amount",
        "per_day": "days",
        "person": "pers.",
        "exempt_rate": "exempt",
        "exempt_note": "The course fee is exempt from VAT under Section 4 No. 21 (a) (bb) of the German VAT "
        "Act (UStG).",
        "pay": "Please transfer the invoice total by {due}, quoting the {ref}.|Payment due by {due} without "
        "deduction; please quote the {ref}.",
        "storno": "Cancellations up to 28 days before the start of the seminar are free of charge; after "
        "that we charge 50 % of the course fee. A substitute participant may attend at no extra cost.",
        "certificate": "Certificates of attendance are handed out on the last day of the seminar.",
        "deadline": "booked by",
        "table_heads": "VAT rate;Net;VAT;Gross",
        "sum": "Total",
        "exempt_head": "0 % (exempt)",
        "ceo": "Managing Director",
        "board": "Board",
        "intro": "Thank you for your registration. We invoice you for the following:",
    },
}


@dataclass(frozen=True)
class Seminar:
    title: str
    code: str
    start: dt.date
    days: int
    venue: str
    people: tuple[str, ...]

    @property
    def online(self) -> bool:
        return self.venue.startswith("Live-Online")


class SeminarSchulung(FirstSheet):
    """A training provider's invoice: seminars with their dates and participants, the course fee (exempt on
    some seeds), discounts, catering and materials at 19 %."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")  # with €
    GROUPED = 0.6
    FOOT = A4.height - 84

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.lang = "en" if rng.random() < 0.25 else "de"
        self.ev = rng.random() < 0.4
        name = rng.choice(_ASSOCIATIONS if self.ev else _ACADEMIES)
        day = recent_day(rng, data.date)
        n = rng.randint(1, 9999)
        number = rng.choice(
            (
                f"R{day.year}-{n:05d}",
                f"{day.year % 100}{n:05d}",
                f"RE-{n:05d}",
                f"SEM-{day.year}-{n:04d}",
                f"{day.year}/{n:04d}",
            )
        )
        generic = ("akademie", "deutsche", "forum", "verband", "bildungswerk", "management-akademie")
        word = next(w for w in name.lower().split() if w not in generic and len(w) > 3)
        word = word.replace("ü", "ue").replace("&", "").strip(":-")
        supplier = dataclasses.replace(data.supplier, name=name)
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 21, 30))),
            supplier=supplier,
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            customer_no=f"{rng.randint(10000, 99999)}"
            if rng.random() < 0.6
            else f"KD-{rng.randint(1000, 9999)}",
            order_no=rng.choice(
                (
                    f"PO-{rng.randint(1000, 9999)}",
                    f"B{day.year % 100}-{rng.randint(100, 999)}",
                    f"{rng.randint(4500000, 4599999)}",
                )
            ),
            tax_no=data.tax_no or _steuernummer(rng, supplier.region),
            email=f"{rng.choice(('seminare', 'buchhaltung', 'info', 'anmeldung'))}@{word}"
            f"{'' if 'akademie' in word else '-ev' if self.ev else '-akademie'}.de",
            register=f"VR {rng.randint(100, 9999)}" if self.ev else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        en = self.lang == "en"
        self.p = Printer(
            rng.choice(("en", "de")) if en else rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_before", "code_before", "sign_after"))
            if en
            else rng.choice(("sign_after", "code_after")),
            rng.choice(("en_long", "dotted", "iso")) if en else rng.choice(("dotted", "dotted", "de_long")),
        )
        self.ids = "stnr" if self.ev else rng.choice(("vat", "vat", "both"))
        self.words = {key: rng.choice(value.split("|")) for key, value in _WORDS[self.lang].items()}
        self.exempt = rng.random() < (0.7 if self.ev else 0.35)
        self.brand: Colour = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("logo", "band", "centred"))
        self.info_style = rng.choice(("rows", "rows", "boxes"))
        self.sums = rng.choice(("rows", "rows", "table"))
        self.per_person = rng.random() < 0.4
        self.with_customer = rng.random() < 0.75
        self.with_order = rng.random() < 0.25
        self.with_bic = rng.random() < 0.8
        self.booking = f"{rng.choice(('B', 'BU', 'A'))}-{rng.randint(100000, 999999)}"
        self.booked = day - dt.timedelta(days=rng.randint(1, 40))
        self.seminars = self.choose_seminars()

    # -- the seminars and their positions

    def choose_seminars(self) -> list[Seminar]:
        rng, d = self.rng, self.data
        count = 2 if rng.random() < 0.2 else 1
        people = rng.sample(_PEOPLE, rng.choice((1, 1, 2, 2, 3)) + count - 1)
        out = []
        for k, (de, en, days, _, _) in enumerate(rng.sample(_SEMINARS, count)):
            # invoiced after the booking, before the seminar on most seeds
            start = d.date + dt.timedelta(
                days=rng.randint(10, 70) if rng.random() < 0.75 else -rng.randint(3, 20)
            )
            if start < dt.date(2021, 1, 4):  # no seminar in 2020 (its VAT of 16 % / 5 %)
                start = d.date + dt.timedelta(days=14)
            if (start.month, start.day) >= (12, 20) or (start.month, start.day) <= (1, 3):
                start += dt.timedelta(days=16)  # no seminars over Christmas
            if start.weekday() + days > 5:  # seminars run on working days: the next Monday
                start += dt.timedelta(days=7 - start.weekday())
            venue = rng.choice(_VENUES).format(city=d.supplier.city, name=d.supplier.name.split()[0])
            who = people if count == 1 else people[k : k + len(people) - 1]
            code = f"{rng.choice(('S', 'SEM', 'V'))}{start.year % 100}-{rng.randint(10, 999):03d}"
            out.append(
                Seminar(
                    en if self.lang == "en" else de,
                    code,
                    start,
                    days,
                    venue,
                    tuple(self.named(f, l, w) for f, l, w in who),
                )
            )
        return out

    def named(self, first: str, last: str, female: bool) -> str:
        if self.lang == "en":
            return f"{'Ms' if female else 'Mr'} {first} {last}"
        return f"{'Frau' if female else 'Herr'} {first} {last}"

    def span(self, s: Seminar) -> str:
        """The seminar's dates as the invoice prints them: 12.–14.03.2024, 12. bis 14. März 2024, ..."""
        end = s.start + dt.timedelta(days=s.days - 1)
        p, a, b = self.p, s.start, end
        if s.days == 1:
            return p.date(a)
        if self.lang == "en":
            if a.month == b.month and p.dates == "en_long":
                return f"{a.day}–{b.day} {MONTHS_EN[a.month - 1]} {a.year}"
            return f"{p.date(a)} – {p.date(b)}"
        if p.dates == "de_long" and a.month == b.month:
            return f"{a.day}. bis {b.day}. {MONTHS_DE[a.month - 1]} {a.year}"
        if a.month == b.month and self.rng.random() < 0.6:
            return f"{a.day:02d}.–{p.date(b)}"
        return f"{p.date(a)} – {p.date(b)}"

    def positions(self) -> list[tuple[Seminar | None, LineItem]]:
        rng, w, en = self.rng, self.words, self.lang == "en"
        out: list[tuple[Seminar | None, LineItem]] = []
        fee_rate = 0 if self.exempt else 19
        for s in self.seminars:
            _, _, _, lo, hi = next(t for t in _SEMINARS if s.title in t[:2])
            price = Decimal(rng.randrange(lo, hi + 1, 10))
            n = len(s.people)
            if self.per_person and n > 1:
                for person in s.people:
                    out.append(
                        (s, LineItem(f"{w['fee']} – {person}", "", Decimal(1), w["person"], price, fee_rate))
                    )
            else:
                out.append(
                    (s, LineItem(f"{w['fee']} {s.title}", "", Decimal(n), w["person"], price, fee_rate))
                )
            if rng.random() < 0.3:
                pct = rng.choice((10, 10, 15))
                text = f"{w['early']} {pct} %"
                if rng.random() < 0.5:
                    text += (
                        f" ({w['deadline']} {self.p.date(s.start - dt.timedelta(days=rng.randint(60, 120)))})"
                    )
                out.append(
                    (s, LineItem(text, "", Decimal(1), "", -round_cent(price * n * pct / 100), fee_rate))
                )
            if n > 1 and rng.random() < 0.5:
                pct = rng.choice((10, 15, 20))
                cut = round_cent(price * pct / 100)
                out.append(
                    (s, LineItem(f"{w['second']} {pct} %", "", Decimal(n - 1), w["person"], -cut, fee_rate))
                )
            if not s.online and rng.random() < 0.85:
                per_day = Decimal(rng.randrange(35, 80, 1))
                out.append((s, LineItem(w["catering"], "", Decimal(n * s.days), w["per_day"], per_day, 19)))
            if s.online or rng.random() < 0.55 or not any(item.rate == 19 for _, item in out):
                text = w["papers"] + (
                    " (Versand)" if s.online and not en else " (shipping)" if s.online else ""
                )
                out.append(
                    (s, LineItem(text, "", Decimal(n), w["person"], Decimal(rng.randrange(25, 120, 5)), 19))
                )
            if not s.online and s.days > 1 and rng.random() < 0.25:
                nights = Decimal(n * (s.days - 1))
                unit = "nights" if en else "Nächte"
                out.append((s, LineItem(w["night"], "", nights, unit, Decimal(rng.randrange(89, 149, 1)), 7)))
            if rng.random() < 0.15:
                out.append(
                    (
                        s,
                        LineItem(
                            w["exam"],
                            "",
                            Decimal(n),
                            w["person"],
                            Decimal(rng.randrange(150, 350, 10)),
                            fee_rate,
                        ),
                    )
                )
        return out

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        line = self.rng.choice(
            (
                "Seminare · Trainings · Lehrgänge",
                "Weiterbildung für die Kreativwirtschaft",
                "Training & Coaching",
                "Ihr Partner für berufliche Weiterbildung",
            )
        )
        if self.lang == "en":
            line = self.rng.choice(("Seminars · Training · Certificates", "Professional training since 1998"))
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "band":
            c.box(0, 24, c.width, 76, fill=self.brand, stroke=None)
            c.fit_text(L, 52, s.name, 16, 330, bold=True, colour=WHITE)
            c.text(L, 66, line, 8, colour=WHITE)
            for i, text in enumerate(contact):
                c.text(R, 38 + 10 * i, text, 7.5, align="right", colour=WHITE)
        elif self.head == "logo":
            logo(c, self.rng.choice(("circle", "square", "diamond")), L, 30, 38, self.brand, initials(s.name))
            c.fit_text(L + 48, 50, s.name, 15, 300, bold=True, colour=self.brand)
            c.text(L + 48, 63, line, 8, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 38 + 10 * i, text, 7.5, align="right", colour=GREY)
        else:
            mid = c.width / 2
            c.fit_text(mid, 50, s.name, 17, R - L, bold=True, align="center", colour=self.brand)
            c.text(mid, 63, line, 8.5, align="center", colour=GREY)
            c.fit_text(mid, 75, " · ".join(contact), 7.5, R - L, align="center", colour=GREY)
            c.line(L, 83, R, 83, width=0.6, colour=self.brand)

    def head_rows(self) -> list[tuple[str, str]]:
        d, w, p = self.data, self.words, self.p
        rows = [(w["number"], d.number), (w["date"], p.date(d.date))]
        if self.with_customer:
            rows.append((w["customer"], d.customer_no))
        rows.append((w["booking"], self.booking))
        if self.rng.random() < 0.5:
            rows.append((w["booked"], p.date(self.booked)))
        if self.with_order:
            rows.append((w["order"], d.order_no))
        return rows

    def info(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        s = d.supplier
        c.fit_text(L, 128, f"{s.name} · {s.street} · {s.city_line}", 6.5, 250, colour=GREY, min_size=5.5)
        y = 144.0
        contact = rng.choice(
            (
                "z. Hd. Frau Böhm",
                "Personalabteilung",
                "Buchhaltung",
                "",
                "Attn. HR" if self.lang == "en" else "Personalentwicklung",
            )
        )
        for line in (d.customer.name, contact, d.customer.street, d.customer.city_line):
            if line:
                c.text(L, y, line, 10)
                y += 13
        rows = self.head_rows()
        if self.info_style == "rows":
            return max(y, label_rows(c, rows, 345, R, 144, 9, 13, value_align="right", label_colour=GREY))
        top = max(y, 200.0) + 10
        width = (R - L) / len(rows)
        for i, (label, value) in enumerate(rows):
            x = L + i * width
            c.box(x, top, x + width - 4, top + 28, stroke=RULE, width=0.5)
            c.fit_text(x + 4, top + 10, label, 7, width - 12, colour=GREY)
            c.fit_text(x + 4, top + 22, value, 9, width - 12, bold=i == 0)
        return top + 28

    def seminar_block(self, y: float, s: Seminar) -> float:
        c, w, L, R = self.c, self.words, self.LEFT, self.RIGHT
        rows = [
            (w["seminar"], f"{s.title} ({w['seminar_no']} {s.code})" if self.rng.random() < 0.5 else s.title),
            (w["when"], self.span(s)),
            (w["venue"], s.venue),
            (w["who"], ", ".join(s.people)),
        ]
        if self.rng.random() < 0.5 and self.lang == "de" and s.days > 1:
            rows[1] = ("", f"Seminar vom {self.span(s)}".replace(" – ", " bis "))
        y = self.need(y, 14 * len(rows) + 10)
        for label, value in rows:
            y += 12.5
            bold = label == w["seminar"]
            if label:
                c.text(L, y, f"{label}:", 9, bold=bold)
            c.fit_text(L + 95 if label else L, y, value, 9, R - L - 95, bold=bold)
        return y + 6

    def page_label(self, page: int, pages: int) -> str:
        return f"Page {page} of {pages}" if self.lang == "en" else f"Seite {page} von {pages}"

    def follow_head(self) -> float:
        c, d, w = self.c, self.data, self.words
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"{w['number']} {d.number} · {self.p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP

    def need(self, y: float, height: float) -> float:
        return self.next_page() if y + height > self.limit else y

    def table(self, y: float, positions: list[tuple[Seminar | None, LineItem]]) -> float:
        p, w, L, R = self.p, self.words, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", w["pos"], 28, "left"),
            ("desc", w["desc"], 0, "left"),
            ("qty", w["qty"], 62, "right"),
            ("price", w["price"], 70, "right"),
            ("rate", w["rate"], 44, "right"),
            ("amount", w["amount"], 72, "right"),
        ]
        cols = columns(spec, L, R)
        y = self.table_head(y + 4, cols)
        current: Seminar | None = None
        for n, (s, item) in enumerate(positions, 1):
            if s is not current and s is not None:
                current = s
                y = self.seminar_block(y + 2, s) if len(self.seminars) > 1 else y
            lines = self.c.wrap(item.description, cols[1].width, 8.8)
            if y + 12 * len(lines) + 6 > self.limit:
                y = self.table_head(self.next_page(), cols)
            values = {
                "pos": str(n),
                "desc": lines[0],
                "qty": f"{quantity(item.quantity, p)} {item.unit}".strip(),
                "price": p.number(item.unit_price),
                "rate": w["exempt_rate"] if item.rate == 0 else f"{item.rate} %",
                "amount": p.number(item.total),
            }
            cells(self.c, cols, y + 12, values, 8.8)
            for k, line in enumerate(lines[1:], 1):
                self.c.text(cols[1].anchor, y + 12 + 11 * k, line, 8.8)
            y += 11 * len(lines) + 6
            self.c.line(L, y, R, y, width=0.25, colour=RULE)
        return y

    def table_head(self, y: float, cols: list[Col]) -> float:
        c = self.c
        c.box(
            self.LEFT, y, self.RIGHT, y + 16, fill=LIGHT if self.head != "band" else self.brand, stroke=None
        )
        cells(
            c,
            cols,
            y + 11,
            {col.key: col.head for col in cols},
            8.3,
            bold=True,
            colour=WHITE if self.head == "band" else (0, 0, 0),
        )
        return y + 16

    def totals(self, y: float, lines: list[VatLine]) -> float:
        p, w, R = self.p, self.words, self.RIGHT
        net = sum((v.base for v in lines), Decimal(0))
        vat = sum((v.amount for v in lines), Decimal(0))
        y = self.need(y, 16 * (len(lines) + 3) + 20)
        c = self.c
        if self.sums == "table":
            names = {0: w["exempt_head"]}
            y = rate_summary(
                c, p, lines, tuple(w["table_heads"].split(";")), names, w["sum"], R - 330, R, y + 12, 8.6
            )
            y += 18
            c.box(R - 230, y - 12, R + 3, y + 5, fill=LIGHT, stroke=None)
            c.text(R - 225, y, w["total"], 10, bold=True)
            c.text(R, y, p.amount(net + vat), 10, bold=True, align="right")
            return y + 6
        rows: list[tuple[str, str, bool]] = [(w["net"], p.amount(net), False)]
        for v in sorted(lines, key=lambda v: (v.rate > 0, -v.rate)):  # the exempt part first
            if v.rate == 0:
                rows.append((f"{w['exempt_sum']} (§ 4 Nr. 21 UStG)", p.amount(v.base), False))
            else:
                rows.append((w["vat"].format(rate=v.rate, base=p.number(v.base)), p.amount(v.amount), False))
        if sum(v.rate > 0 for v in lines) > 1:
            rows.append((w["vat_sum"], p.amount(vat), False))
        rows.append((w["total"], p.amount(net + vat), True))
        x = R - 280
        c.line(x, y + 6, R, y + 6, width=0.5)
        y = amount_rows(c, rows, x, R, y + 2, 9.2, step=15, label_width=190)
        c.line(x, y + 4, R, y + 4, width=0.5)
        c.line(x, y + 6, R, y + 6, width=0.5)
        return y + 6

    def closing(self, y: float) -> float:
        d, p, w, rng, L, R = self.data, self.p, self.words, self.rng, self.LEFT, self.RIGHT
        first = min(s.start for s in self.seminars)
        due = (
            min(d.due_date, first - dt.timedelta(days=7))
            if first - d.date > dt.timedelta(days=21)
            else d.due_date
        )
        ref = rng.choice((w["number"], w["booking"]))
        ref = {
            "Rechnungs-Nr.": "Rechnungsnummer",
            "Rechnung Nr.": "Rechnungsnummer",
            "Buchungs-Nr.": "Buchungsnummer",
            "Anmelde-Nr.": "Anmeldenummer",
            "Invoice No.": "invoice number",
            "Booking No.": "booking number",
        }.get(ref, ref if self.lang == "de" else ref.lower())
        texts = []
        if self.exempt:
            texts.append(w["exempt_note"])
        texts.append(rng.choice(w["pay"].split("|")).format(due=p.date(due), ref=ref))
        if rng.random() < 0.6:
            texts.append(w["storno"])
        if rng.random() < 0.5:
            texts.append(w["certificate"])
        y = self.need(y, sum(12 * len(self.c.wrap(t, R - L, 8.6)) + 6 for t in texts) + 12)
        y += 8
        for text in texts:
            y = self.c.paragraph(L, y + 5, text, R - L, 8.6)
        return y

    def footer(self) -> None:
        c, d, s, w = self.c, self.data, self.data.supplier, self.words
        if self.ev:
            legal = [
                f"Amtsgericht {s.city}",
                f"Vereinsregister {d.register}",
                f"{w['board']}: {self.rng.choice(_BOARD)}",
            ]
        else:
            legal = [f"Amtsgericht {s.city} {d.register}", f"{w['ceo']}: {d.ceo}"]
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
            [*legal, *self.tax_ids("USt-IdNr.", "Steuernummer")],
            [("Bankverbindung" if self.lang == "de" else "Bank details") + ":", *bank],
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 7)

    def draw(self) -> TripDrawing:
        positions = self.positions()
        items = [item for _, item in positions]
        lines = vat_breakdown(items)
        self.header()
        y = self.info()
        w = self.words
        y = max(y, 214.0) + 22
        self.c.text(self.LEFT, y, w["title"], 14, bold=True)
        if self.rng.random() < 0.5:
            y = self.c.paragraph(self.LEFT, y + 16, w["intro"], self.RIGHT - self.LEFT, 9) - 6
        if len(self.seminars) == 1:
            y = self.seminar_block(y + 4, self.seminars[0])
        y = self.table(y + 2, positions)
        y = self.totals(y, lines)
        y = self.closing(y)
        assert y < self.limit + 6, "seminar_schulung: page overflow"
        pages = self.close_pages(self.rng.random() < 0.3)
        if len(self.seminars) == 1 and self.seminars[0].days == 1:  # one day of service
            self.data = dataclasses.replace(self.data, service_date=self.seminars[0].start)
        return self.finish(
            items,
            w["title"],
            pages=pages,
            service_date=True,
            customer_no=self.with_customer,
            order_no=self.with_order,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

RECHT_FAMILIES: dict[str, type[FirstSheet]] = {
    "kanzlei_rvg": KanzleiRvg,
    "seminar_schulung": SeminarSchulung,
}


def draw_recht(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(RECHT_FAMILIES[name], name, seed)
