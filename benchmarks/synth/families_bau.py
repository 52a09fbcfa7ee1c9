"""Two invoice layout families of an architect's office billing a progress invoice under the HOAI and of a
lift company billing the quarterly maintenance of a managed property's lifts, designed blind (session 19).

Like `families_miete`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_bau(name, seed)`. Both draw on `RemovalLook` of `families_umzug` (itself an `ObjektLook`: letterheads,
detail blocks, table heads, totals, footers and payment texts whose look varies per seed) and return a
`TripDrawing` (truth keys only for values printed).

- `architekt_hoai_abschlag`: an architect's office (an "Architekturbüro … e.K." with its owner, a
  partnership "… Architekten PartGmbB" with its partners and Partnerschaftsregister number "PR 1234", or a
  GmbH) issuing the n-th progress invoice (the 2nd to the 6th: "3. Abschlagsrechnung", "Abschlagsrechnung
  Nr. 3") for the design of a building to its owner, a company ("Wohnbau … GmbH & Co. KG", "Projekt-
  gesellschaft … mbH", an eG, an AG). Head: invoice number and date, the office's own project number
  ("Projekt-Nr.", "Unser Projekt"), the owner's order number ("Ihre Bestell-Nr.") on some seeds, the status
  date ("Leistungsstand") in the head or in the subject ("Abrechnung nach Leistungsstand zum …"). The subject
  names the project ("Bauvorhaben: Neubau Kindertagesstätte (4 Gruppen)"), its site ("Baustelle: …") and the
  architect's contract with its date and the commissioned service phases ("Leistungsphasen 1–8 gem. § 34
  HOAI 2021", "LPh 5 bis 8"; HOAI 2013 for contracts signed before 2021). The fee calculation, as label rows
  or framed boxes: the chargeable costs ("Anrechenbare Kosten (KG 300 + 400) lt. Kostenberechnung vom …"),
  the fee zone ("III (durchschnittliche Planungsanforderungen)"), the rate ("Basishonorarsatz", "Mittelsatz",
  "Viertelsatz", "oberer Honorarsatz"; under the HOAI 2013 "Mindestsatz" … "Höchstsatz"), the base fee from
  the fee table of § 35 HOAI (the module's table is a smooth stand-in for the printed one, not its values), a
  conversion surcharge ("Umbauzuschlag 20 %" to 33 %) on most conversion projects, the fee for 100 % of the
  basic services. A table of the commissioned service phases: number, name, the phase's share of the fee
  ("2 %", "7 %" … "32 %"), its fee at 100 % on some seeds, the share done so far ("100 %", "65 %"; the phases
  not begun with "0 %" and "–" on some seeds, left out on others) and the fee earned, then "Summe
  Grundleistungen erbracht"; special services ("Besondere Leistungen": a lump sum partly done, or hours ×
  rate) on some seeds. Under it the ancillary costs as a percentage of the fees ("Nebenkosten pauschal 5 %
  (§ 14 HOAI) auf …") on most seeds (else a note that they follow itemised with the final invoice), the fee
  earned so far ("Honorar bisher gesamt netto", "Summe Honorar zum … netto"), and the earlier progress
  invoices deducted: each as a row "abzgl. 2. Abschlagsrechnung Nr. AR-2023-041 vom 12.04.2023" with its
  net (negative), or a table of them ("Aufstellung bisheriger Abschlagsrechnungen": number, date, net, 19 %
  VAT, gross, sums) and one row "abzüglich bisheriger Abschlagsrechnungen (netto)". The totals: this
  invoice's net ("Betrag 3. Abschlagsrechnung netto", "Nettobetrag dieser Rechnung"), 19 % VAT and gross
  ("Zahlbetrag", "Rechnungsbetrag brutto"). Notes: the payment term; that the invoice is a progress payment
  set off in the final invoice (§ 15 HOAI, § 632a BGB); a PartGmbB's professional liability insurance (§ 8
  Abs. 4 PartGG) on the seeds it fits. The footer names the chamber of architects. Long seeds run onto a
  second page. Truth: `rechnungsnummer` and `datum` are this invoice's (the earlier invoices' numbers and
  dates stand on the page too); `betrag_netto`, `mwst` and `betrag_brutto` are the amount of THIS invoice,
  what is due now: the fee earned so far minus the earlier invoices' nets, its 19 % VAT and their sum, not
  the cumulative fee. Its items are the phases' fees earned (the share done × the phase's fee), the special
  services, the ancillary costs and each earlier invoice as a negative item at 19 %, so that they add up to
  that net. `bestellnummer` the owner's order number where printed; no `kundennummer` (none printed), no
  `leistungsdatum` (the status date is no date of supply, the work goes on); `ust_id` / `steuernummer` as
  printed; `bic` where printed.
- `aufzug_wartung`: a lift company's ("… Aufzugstechnik GmbH", a GmbH & Co. KG with its general partner)
  quarterly invoice to a property management company ("Hausverwaltung … GmbH") for the maintenance of one to
  three lifts of a property under a maintenance contract ("Wartungsvertrag Nr. WV-2019-0345 vom …"). The
  subject: "Aufzugswartung 2. Quartal 2024", the property ("Objekt: WEG Lindenallee 12–14, …", another
  address than the customer's), the service period ("Leistungszeitraum 01.04.2024 – 30.06.2024", billed in
  advance at the start of the quarter or in arrears after it), the contract, on some seeds the customer's
  reference ("Ihr Zeichen: WEG 548/MK"). Per lift its kind, load and stops ("Personenaufzug, Seilantrieb,
  630 kg / 8 Personen, 6 Haltestellen"), maker, year, location and factory number ("Fabrik-Nr."), either as
  a group heading ("Anlage 1: …", "Baujahr") or as grey notes ("Bj."); the maintenance ("Vollwartung",
  "Teilwartung", "Wartung nach Herstellervorgaben") as 3 months × a monthly rate or one quarterly lump sum,
  the emergency call service ("Notrufaufschaltung 24/7 inkl. GSM-Einheit") on most seeds, a remote
  monitoring on some. On some seeds a repair call-out ("Störungsbeseitigung am …: Schachttürkontakt
  erneuert", in the quarter or, billed in advance, in the one before): a call-out flat rate, fitter's hours ×
  rate, parts with their article numbers (hydraulic oil by the litre), a 50 % surcharge outside working hours
  on some; a date column on some of those seeds. On some seeds the inspection by the approved body (ZÜS:
  TÜV, DEKRA; "Hauptprüfung" / "Zwischenprüfung gem. § 16 BetrSichV") with the fitter attending at 19 % and
  the body's fee passed on at cost at 0 %: in the table ("Prüfgebühr ZÜS (durchlaufender Posten, ohne
  USt.)") with a net over all and "19 % USt. auf …", or only under the 19 % total ("Zwischensumme brutto",
  "zzgl. Prüfgebühr ZÜS (ohne USt.)", a summary by rate and a note). Head: invoice number and date, the
  customer number on some seeds, the contract number, the management company's order number ("Ihre
  Bestell-Nr.", "Ihre Auftrags-Nr.") on some seeds. Payment by transfer (Skonto on some), or by SEPA direct
  debit on some seeds (the customer's masked IBAN, the debit date, "Gläubiger-ID: DE…ZZZ…" with valid check
  digits, which is no VAT id, and "Mandatsreferenz: …"). Truth: the usual keys; `kundennummer` where
  printed; `bestellnummer` the order number where printed under its label (never the contract number, the
  factory numbers or "Ihr Zeichen"); no `leistungsdatum` (a period); with the ZÜS fee passed on,
  `betrag_netto` = the 19 % items plus the fee (as `umzug_buero` counts fees passed on), `mwst` = 19 % of
  the taxed part, `betrag_brutto` = the invoice's total; `bic` where printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % then), the architect's earlier invoices
too, whose VAT some seeds print.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_handel import head_number, workday
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import LIGHT, columns, creditor_id, draw_sheet, footer_columns
from benchmarks.synth.families_objekt import calm, fax_of
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line, RemovalLook, data_for, other_street
from benchmarks.synth.invoice_gen import InvoiceData, LineItem, VatLine, round_cent, vat_breakdown
from benchmarks.synth.pdfdraw import Align

# The window without the VAT change of 2020 (16 % from July to December; invoices of May or of January may
# still bill work of those months).
_SHY_FROM = dt.date(2020, 6, 1)
_SHY_TO = dt.date(2021, 1, 31)


def _chamber(region: str) -> str:
    """The chamber of architects of a German state."""
    return {
        "Bayern": "Bayerische Architektenkammer",
        "Hamburg": "Hamburgische Architektenkammer",
        "Hessen": "Architekten- und Stadtplanerkammer Hessen",
        "Schleswig-Holstein": "Architekten- und Ingenieurkammer Schleswig-Holstein",
        "Bremen": "Architektenkammer der Freien Hansestadt Bremen",
        "Saarland": "Architektenkammer des Saarlandes",
    }.get(region, f"Architektenkammer {region}")


# ---------------------------------------------------------------------------
# architekt_hoai_abschlag


@dataclass(frozen=True)
class Office:
    """An architect's office: name, legal form ("ek", "part", "gmbh"), owner or partners, domain."""

    name: str
    form: str
    people: str
    domain: str


_OFFICES = (
    Office(
        "Architekturbüro Katrin Vogel e.K.",
        "ek",
        "Dipl.-Ing. Katrin Vogel, Architektin",
        "vogel-architektur.de",
    ),
    Office(
        "Architekturbüro Martin Seidel e.K.",
        "ek",
        "Dipl.-Ing. (FH) Martin Seidel, Architekt",
        "seidel-architekt.de",
    ),
    Office(
        "Architekturbüro Yasemin Aydın e.K.", "ek", "M.A. Yasemin Aydın, Architektin", "aydin-architektur.de"
    ),
    Office("Berger Lindner Architekten PartGmbB", "part", "Anna Berger, Thomas Lindner", "berger-lindner.de"),
    Office(
        "Hofmann + Krause Architekten PartGmbB",
        "part",
        "Dr.-Ing. Jens Hofmann, Lea Krause",
        "hofmann-krause.de",
    ),
    Office(
        "Stein Weber Kowalski Architekten PartGmbB",
        "part",
        "Ulrich Stein, Miriam Weber, Piotr Kowalski",
        "swk-architekten.de",
    ),
    Office("Planwerk Architekten GmbH", "gmbh", "", "planwerk-architekten.de"),
    Office("Raumfabrik Architektur GmbH", "gmbh", "", "raumfabrik-architektur.de"),
    Office("Kessler Architekten und Ingenieure GmbH", "gmbh", "", "kessler-ai.de"),
)
_ARCH_TAGLINES = (
    "Architektur · Innenarchitektur · Projektsteuerung",
    "Freie Architekten",
    "Hochbau · Umbau · Sanierung · Energieberatung",
    "Architektur und Generalplanung",
)
_INSURERS = ("VHV Allgemeine Versicherung AG", "R+V Allgemeine Versicherung AG", "HDI Versicherung AG")
_BUILDERS = (
    "Wohnbau Rheinblick GmbH & Co. KG",
    "Projektgesellschaft Hafenquartier mbH",
    "Lindenhof Grundbesitz GmbH",
    "Gewerbepark Nord Projekt GmbH",
    "Baugenossenschaft Freie Scholle eG",
    "Brückner Immobilien AG",
    "Autohaus Schwarz GmbH",
    "Kita Sonnenschein gGmbH",
)
_BUILDER_CONTACTS = (
    "z. Hd. Herrn Frank Lüders",
    "Projektleitung: Frau Sandra Kühn",
    "z. Hd. Herrn Dipl.-Ing. Murat Öztürk",
    "Bauherrenvertretung, Frau Dr. Ines Hahn",
    "",
)


@dataclass(frozen=True)
class Project:
    """A building project: its text, whether a conversion (Umbauzuschlag), chargeable costs' range, zones."""

    text: str
    conversion: bool
    lo: int
    hi: int
    zones: tuple[str, ...]


_PROJECTS = (
    Project(
        "Neubau Mehrfamilienhaus mit {n} Wohneinheiten und Tiefgarage",
        False,
        1_800_000,
        6_500_000,
        ("III", "IV"),
    ),
    Project("Neubau Bürogebäude mit Tiefgarage", False, 2_500_000, 8_000_000, ("III", "IV")),
    Project("Neubau Kindertagesstätte (4 Gruppen)", False, 1_200_000, 2_800_000, ("III", "IV")),
    Project("Umbau und energetische Sanierung Verwaltungsgebäude", True, 800_000, 3_500_000, ("III", "IV")),
    Project("Erweiterung Produktionshalle mit Sozialtrakt", False, 900_000, 3_200_000, ("II", "III")),
    Project("Aufstockung Wohn- und Geschäftshaus um zwei Geschosse", True, 600_000, 2_200_000, ("III", "IV")),
    Project("Neubau Autohaus mit Werkstatt und Ausstellungshalle", False, 1_500_000, 4_000_000, ("III",)),
    Project("Umbau Bestandsgebäude zu Praxis- und Büroflächen", True, 400_000, 1_400_000, ("III",)),
)
# The service phases of the Leistungsbild Gebäude und Innenräume (§ 34 Abs. 3 HOAI 2013 / 2021): number, name,
# share of the fee in per cent.
_PHASES = (
    (1, "Grundlagenermittlung", 2),
    (2, "Vorplanung", 7),
    (3, "Entwurfsplanung", 15),
    (4, "Genehmigungsplanung", 3),
    (5, "Ausführungsplanung", 25),
    (6, "Vorbereitung der Vergabe", 10),
    (7, "Mitwirkung bei der Vergabe", 4),
    (8, "Objektüberwachung – Bauüberwachung und Dokumentation", 32),
    (9, "Objektbetreuung", 2),
)
_SCOPES = ((1, 8), (1, 8), (1, 8), (1, 9), (1, 5), (5, 8))
_ZONE_WORDS = {
    "II": "geringe Planungsanforderungen",
    "III": "durchschnittliche Planungsanforderungen",
    "IV": "hohe Planungsanforderungen",
}
# The zone's fee relative to zone III's, and how far its upper rate lies above its base rate.
_ZONE_FACTORS = {"II": (Decimal("0.84"), Decimal("0.19")), "III": (Decimal(1), Decimal("0.247")),
                 "IV": (Decimal("1.247"), Decimal("0.124"))}  # fmt: skip
# Rates: (HOAI 2021 word, HOAI 2013 word, share of the span between the base and the upper rate).
_RATES = (
    ("Basishonorarsatz", "Mindestsatz", Decimal(0)),
    ("Basishonorarsatz", "Mindestsatz", Decimal(0)),
    ("Mittelsatz", "Mittelsatz", Decimal("0.5")),
    ("Viertelsatz", "Viertelsatz", Decimal("0.25")),
    ("oberer Honorarsatz", "Höchstsatz", Decimal(1)),
)
_SPECIAL = (
    ("Bestandsaufnahme und Aufmaß des Bestands (Besondere Leistung, pauschal)", "lump", 2400, 9600),
    ("Mitwirkung bei der Beantragung von Fördermitteln (BEG/KfW), Zeithonorar", "hours", 85, 120),
    ("Ausschreibung in zusätzlichen Vergabeeinheiten (Besondere Leistung, pauschal)", "lump", 1800, 4800),
    ("Zusätzliche Bauherrenbesprechungen und Variantenuntersuchungen, Zeithonorar", "hours", 80, 115),
)


def table_fee(cost: Decimal, zone: str, share: Decimal) -> Decimal:
    """The base fee for 100 % of the basic services of a building with chargeable costs `cost` in `zone` at
    the rate `share` of the span between the base and the upper rate: a smooth stand-in for the fee table of
    § 35 HOAI (about 4.339 euros at 25.000 euros in zone III, rising with the costs to the power of 0.853)."""
    factor, span = _ZONE_FACTORS[zone]
    base = Decimal(4339) * Decimal(str(round(float(cost / 25000) ** 0.853, 6))) * factor
    return round_cent(base * (1 + span * share))


def shy_of_2020(day: dt.date, first: dt.date) -> int:
    """The days to move a run of invoices from `first` to `day` so that none falls in the VAT window of
    2020."""
    return 730 if first <= _SHY_TO and day >= _SHY_FROM else 0


@dataclass(frozen=True)
class Earlier:
    """An earlier progress invoice: its ordinal, number, date and net."""

    k: int
    number: str
    day: dt.date
    net: Decimal

    @property
    def vat(self) -> Decimal:
        return round_cent(self.net * Decimal("0.19"))


@dataclass(frozen=True)
class Phase:
    """A commissioned service phase: number, name, share of the fee, its fee at 100 %, the share done."""

    n: int
    name: str
    pct: int
    fee: Decimal
    done: int

    @property
    def item(self) -> LineItem:
        return LineItem(f"LPh {self.n} {self.name}", "", Decimal(self.done) / 100, "%", self.fee, 19)


class ArchitektHoaiAbschlag(RemovalLook):
    """An architect's n-th progress invoice under the HOAI: fee calculation, phases done, earlier invoices."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        office = self.office = rng.choice(_OFFICES)
        self.project = rng.choice(_PROJECTS)
        self.scope = rng.choice(_SCOPES)
        phases = [ph for ph in _PHASES if self.scope[0] <= ph[0] <= self.scope[1]]
        self.complete = rng.randint(1, len(phases) - 1)
        self.nth = max(2, min(6, self.complete + rng.choice((-1, 0, 0, 1))))
        gaps = [rng.randint(45, 150) for _ in range(self.nth - 1)]
        day = workday(data.date)
        day = workday(day + dt.timedelta(days=shy_of_2020(day, day - dt.timedelta(days=sum(gaps)))))
        days = [day]
        for gap in gaps:
            days.insert(0, workday(days[0] - dt.timedelta(days=gap)))
        self.signed = days[0] - dt.timedelta(days=rng.randint(90, 500))
        self.hoai = 2021 if self.signed >= dt.date(2021, 1, 1) else 2013
        self.status = day.replace(day=1) - dt.timedelta(days=1) if rng.random() < 0.6 else day
        self.per_year = rng.uniform(0.25, 1.1)  # invoices a day: the serials of the yearly numbering
        self.numbering = rng.choice(("AR-{y}-{s:03d}", "{yy}{s:04d}", "R {y}/{s:03d}", "{project}-AR{k:02d}"))
        self.project_no = rng.choice(
            (
                f"{self.signed.year}-{rng.randint(1, 60):03d}",
                f"P {self.signed.year % 100}{rng.randint(10, 99)}",
                f"{self.signed.year % 100}.{rng.randint(1, 80):03d}",
            )
        )
        register = {"ek": f"HRA {rng.randint(1000, 29999)}", "part": f"PR {rng.randint(100, 2999)}"}.get(
            office.form, f"HRB {rng.randint(1000, 99999)}"
        )
        order_no = (
            rng.choice((f"45{rng.randint(10**7, 10**8 - 1)}", f"BE-{day.year}-{rng.randint(1, 999):04d}"))
            if rng.random() < 0.3
            else ""
        )
        data = data_for(
            rng,
            data,
            office.name,
            register,
            day,
            self.invoice_number(day, self.nth),
            f"{rng.choice(('info', 'buero', 'rechnung', 'mail'))}@{office.domain}",
            customer_no="",
            order_no=order_no,
        )
        customer = dataclasses.replace(
            data.customer, name=rng.choice(_BUILDERS), contact=rng.choice(_BUILDER_CONTACTS)
        )
        data = dataclasses.replace(
            data, customer=customer, due_date=day + dt.timedelta(days=rng.choice((14, 14, 21, 30)))
        )
        super().__init__(rng, data)
        self.setup(office.people if office.form == "ek" else "")
        self.ek = office.form == "ek"
        self.ids = (
            rng.choice(("vat", "both", "stnr")) if office.form != "gmbh" else rng.choice(("vat", "both"))
        )
        self.site = f"{other_street(rng, customer.street)}, {customer.city_line}"
        self.units = rng.randint(8, 36)
        self.cost = price_between(rng, self.project.lo, self.project.hi, "0.01")
        self.zone = rng.choice(self.project.zones)
        self.rate = rng.choice(_RATES)
        self.base_fee = table_fee(self.cost, self.zone, self.rate[2])
        self.conversion = (
            Decimal(rng.choice((20, 20, 25, 30, 33)))
            if self.project.conversion and rng.random() < 0.85
            else None
        )
        self.full_fee = self.base_fee + (
            round_cent(self.base_fee * self.conversion / 100) if self.conversion else 0
        )
        self.phases = self.draw_phases(phases)
        self.fee_column = rng.random() < 0.5
        self.show_open = rng.random() < 0.6  # phases not yet begun shown with 0 %
        self.fee_as = rng.choice(("rows", "rows", "boxes"))
        self.deduct_as = rng.choice(("lines", "lines", "table"))
        self.ancillary = Decimal(rng.choice((3, 4, 5, 5, 6))) if rng.random() < 0.8 else None
        self.special = rng.sample(_SPECIAL, rng.choice((1, 1, 2))) if rng.random() < 0.35 else []
        self.status_in_head = rng.random() < 0.5
        self.days = days

    def doc_word(self) -> str:
        return f"{self.nth}. Abschlagsrechnung"

    def invoice_number(self, day: dt.date, k: int) -> str:
        serial = max(1, int(day.timetuple().tm_yday * self.per_year) + k % 3)
        return self.numbering.format(
            y=day.year, yy=f"{day.year % 100:02d}", s=serial, project=self.project_no.replace(" ", ""), k=k
        )

    def draw_phases(self, phases: list[tuple[int, str, int]]) -> list[Phase]:
        rng = self.rng
        done = [100] * self.complete + [0] * (len(phases) - self.complete)
        done[self.complete] = rng.randint(2, 18) * 5
        nxt = self.complete + 1
        if nxt < len(phases) and phases[self.complete][0] in (5, 6, 7) and rng.random() < 0.5:
            done[nxt] = rng.randint(1, max(1, done[self.complete] // 10)) * 5
        return [
            Phase(n, name, pct, round_cent(self.full_fee * pct / 100), share)
            for (n, name, pct), share in zip(phases, done, strict=True)
        ]

    # -- the amounts

    def special_lines(self) -> list[tuple[LineItem, str]]:
        rng, p = self.rng, self.p
        out = []
        for text, kind, lo, hi in self.special:
            if kind == "lump":
                price = price_between(rng, lo, hi, "50")
                share = rng.choice((50, 60, 75, 100, 100))
                item = LineItem(text, "", Decimal(share) / 100, "%", price, 19)
                note = f"Pauschale {self.amount_text(price)}, erbracht {share} %"
            else:
                hours = Decimal(rng.randint(12, 48)) / 2
                price = price_between(rng, lo, hi, "5")
                item = LineItem(text, "", hours, "Std.", price, 19)
                note = f"{quantity(hours, p)} Std. × {self.amount_text(price)} lt. Stundennachweis"
            out.append((item, note))
        return out

    def earlier(self, cumulative: Decimal) -> list[Earlier]:
        """The earlier progress invoices: nets that leave 10 to 45 % of the fee earned to this invoice."""
        rng = self.rng
        top = Decimal(str(round(rng.uniform(0.55, 0.9), 3)))
        weights = [Decimal(str(round(rng.uniform(0.5, 1.5), 3))) for _ in self.days[:-1]]
        # the earlier invoices billed in round hundreds, where that leaves this invoice its share
        whole = rng.random() < 0.4 and cumulative * (1 - top) > 100 * len(weights)
        out, before, total = [], Decimal(0), sum(weights, Decimal(0))
        for k, (day, w) in enumerate(zip(self.days[:-1], weights, strict=True), 1):
            before_next = before + w
            net = round_cent(cumulative * top * before_next / total) - round_cent(
                cumulative * top * before / total
            )
            if whole:
                net = max(Decimal(100), (net / 100).to_integral_value(rounding=ROUND_FLOOR) * 100)
            out.append(Earlier(k, self.invoice_number(day, k), day, net))
            before = before_next
        return out

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Projekt-Nr.", "Projektnummer", "Unser Projekt")), self.project_no),
        ]
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre Bestellnummer", "Bestell-Nr.")), d.order_no))
        if self.status_in_head:
            rows.append(("Leistungsstand", p.date(self.status)))
        return rows

    def project_text(self) -> str:
        return self.project.text.format(n=self.units)

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        first, last = self.scope
        phases = f"Leistungsphasen {first}–{last}" if rng.random() < 0.6 else f"LPh {first} bis {last}"
        lines = [
            (f"{rng.choice(('Bauvorhaben', 'BV', 'Projekt'))}: {self.project_text()}", True),
            (f"{rng.choice(('Baustelle', 'Grundstück', 'Lage'))}: {self.site}", False),
            (
                f"{rng.choice(('Architektenvertrag', 'Architektenvertrag (Objektplanung Gebäude)'))} vom "
                f"{p.date(self.signed)} · {phases} gem. § 34 HOAI {self.hoai}",
                False,
            ),
        ]
        if not self.status_in_head:
            lines.append((f"Abrechnung nach Leistungsstand zum {p.date(self.status)}", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def fee_rows(self, short: bool) -> list[tuple[str, str]]:
        """The fee calculation as label and value rows (`short`: labels and values for boxes)."""
        p, rng = self.p, self.rng
        calculated = self.scope[0] > 3 or any(ph.n == 3 and ph.done == 100 for ph in self.phases)
        basis = "Kostenberechnung" if calculated else "Kostenschätzung"
        when = self.signed + dt.timedelta(days=rng.randint(60, 200))
        rate = self.rate[0] if self.hoai == 2021 else self.rate[1]
        zone = self.zone if short else f"{self.zone} ({_ZONE_WORDS[self.zone]})"
        costs = f"Anrechenbare Kosten (KG 300 + 400) lt. {basis} vom {p.date(when)}"
        table = f"Grundhonorar lt. Honorartafel § 35 Abs. 1 HOAI {self.hoai} (interpoliert)"
        rows = [
            ("Anrechenbare Kosten" if short else costs, p.amount(self.cost)),
            ("Honorarzone", zone),
            ("Honorarsatz", rate),
            ("Grundhonorar § 35 HOAI" if short else table, p.amount(self.base_fee)),
        ]
        if self.conversion:
            extra = self.full_fee - self.base_fee
            label = f"Umbauzuschlag {self.conversion} %"
            rows.append((label if short else f"zzgl. {label} (§ 36 Abs. 1 HOAI)", p.amount(extra)))
        label = rng.choice(("Honorar 100 % der Grundleistungen", "Gesamthonorar Grundleistungen (100 %)"))
        rows.append(("Honorar 100 %" if short else label, p.amount(self.full_fee)))
        return rows

    def fee_block(self, y: float) -> float:
        """The fee calculation: label rows with their values at the right, or framed boxes."""
        rng, L, R = self.rng, self.LEFT, self.RIGHT
        rows = self.fee_rows(self.fee_as == "boxes")
        title = rng.choice(("Honorarermittlung", "Honorargrundlagen", "Ermittlung des Honorars"))
        if y + 30 + 13 * len(rows) > self.limit:
            y = self.next_page()
        c = self.c
        c.text(L, y + 8, title, 9.5, bold=True, colour=self.brand)
        y += 12
        if self.fee_as == "boxes":
            return self.boxes(y, rows) + 10
        for label, value in rows:
            y += 12.5
            last = label == rows[-1][0]
            if last:
                c.line(R - 190, y - 9.5, R, y - 9.5, width=0.5)
            c.fit_text(L, y, label, 8.6, R - L - 200, bold=last)
            c.fit_text(R, y, value, 8.6, 190, bold=last, align="right")
        return y + 10

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", rng.choice(("LPh", "Nr.", "Phase")), 34, "left"),
            ("desc", rng.choice(("Leistungsphase", "Leistung", "Grundleistungen nach § 34 HOAI")), 0, "left"),
            ("pct", rng.choice(("Bewertung", "Anteil", "v. H.")), 54, "right"),
        ]
        if self.fee_column:
            spec.append(("fee", rng.choice(("Honorar 100 %", "Honorar LPh")), 74, "right"))
        spec += [
            ("done", rng.choice(("erbracht", "Stand", "Leistungsstand")), 62, "right"),
            ("total", rng.choice(("Honorar erbracht", "Betrag", "Honoraranteil")), 78, "right"),
        ]
        return spec

    def rows(self, specials: list[tuple[LineItem, str]]) -> list[Row]:
        p = self.p
        out: list[Row] = []
        for ph in self.phases:
            if not ph.done and not self.show_open:
                continue
            item = ph.item if ph.done else None
            values = {
                "pos": str(ph.n),
                "desc": ph.name,
                "pct": f"{ph.pct} %",
                "fee": p.number(ph.fee),
                "done": f"{ph.done} %",
                "total": p.number(ph.item.total) if ph.done else "–",
            }
            out.append(Row("item", values, item))
        earned = sum((ph.item.total for ph in self.phases), Decimal(0))
        out.append(Row("sum", {"desc": "Summe Grundleistungen erbracht", "total": p.number(earned)}))
        if specials:
            out.append(Row("group", {"desc": "Besondere Leistungen"}))
            for item, note in specials:
                done = f"{int(item.quantity * 100)} %" if item.unit == "%" else ""
                values = {"desc": item.description, "done": done, "total": p.number(item.total)}
                out.append(Row("item", values, item, (note,)))
        return out

    def ancillary_item(self, fees: Decimal) -> LineItem | None:
        if self.ancillary is None:
            return None
        text = self.rng.choice(
            (
                f"Nebenkosten pauschal {self.ancillary} % (§ 14 HOAI)",
                f"Nebenkostenpauschale {self.ancillary} % des Honorars",
            )
        )
        return LineItem(text, "", self.ancillary / 100, "%", fees, 19)

    def amount_rows(self, y: float, rows: list[tuple[str, Decimal, bool]]) -> float:
        """Label and amount rows at the right (a rule above the bold ones); onto a new page when they do not
        fit."""
        p, R = self.p, self.RIGHT
        if y + 14 * len(rows) + 10 > self.limit:
            y = self.next_page()
        c = self.c
        x = R - 340
        for label, value, bold in rows:
            y += 14
            if bold:
                c.line(x, y - 10, R, y - 10, width=0.5)
            c.fit_text(x, y, label, 8.6, 250, bold=bold)
            c.text(R, y, p.amount(value), 8.6, bold=bold, align="right")
        return y + 4

    def earlier_table(self, y: float, earlier: list[Earlier]) -> float:
        """The earlier progress invoices with net, VAT and gross and their sums."""
        p, L, R = self.p, self.LEFT, self.RIGHT
        if y + 40 + 13 * len(earlier) > self.limit:
            y = self.next_page()
        c = self.c
        c.text(L, y + 12, "Aufstellung bisheriger Abschlagsrechnungen", 8.8, bold=True)
        y += 18
        spec: list[tuple[str, str, float, Align]] = [
            ("k", "Abschlag", 62, "left"),
            ("no", "Rechnungs-Nr.", 0, "left"),
            ("day", "vom", 70, "left"),
            ("net", "netto", 80, "right"),
            ("vat", "USt. 19 %", 72, "right"),
            ("gross", "brutto", 80, "right"),
        ]
        cols = columns(spec, L + 40, R)
        c.box(L + 40, y, R, y + 13, fill=LIGHT, stroke=None)
        for col in cols:
            c.text(col.anchor, y + 9.5, col.head, 7.6, bold=True, align=col.align)
        y += 13
        sums = [Decimal(0), Decimal(0)]
        for e in earlier:
            y += 12
            values = {"k": f"{e.k}.", "no": e.number, "day": p.date(e.day), "net": p.number(e.net),
                      "vat": p.number(e.vat), "gross": p.number(e.net + e.vat)}  # fmt: skip
            for col in cols:
                c.fit_text(col.anchor, y, values[col.key], 8, col.width, align=col.align)
            sums[0] += e.net
            sums[1] += e.vat
        y += 13
        c.line(L + 40, y - 10, R, y - 10, width=0.5)
        values = {"k": "Summe", "net": p.number(sums[0]), "vat": p.number(sums[1]),
                  "gross": p.number(sums[0] + sums[1])}  # fmt: skip
        for col in cols:
            if col.key in values:
                c.text(col.anchor, y, values[col.key], 8, bold=True, align=col.align)
        return y + 6

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        days = (d.due_date - d.date).days
        pay = rng.choice(
            (
                f"Bitte überweisen Sie den Betrag von {p.amount(due)} bis zum {p.date(d.due_date)} unter "
                f"Angabe der Rechnungs- und Projektnummer.",
                f"Zahlbar innerhalb von {days} Tagen nach Zugang der Rechnung ohne Abzug.",
                f"Wir bitten um Ausgleich bis zum {p.date(d.due_date)} auf das unten genannte Konto.",
            )
        )
        texts: list[tuple[str, bool]] = [(pay, True)]
        if self.ancillary is None:
            texts.append(
                ("Nebenkosten werden mit der Schlussrechnung nach Einzelnachweis abgerechnet.", False)
            )
        keep = len(texts)
        texts.append(
            (
                rng.choice(
                    (
                        f"Abschlagszahlung gemäß § 15 Abs. 2 HOAI {self.hoai} i. V. m. § 632a BGB für die "
                        "nachgewiesenen Leistungen. Die Abschlagsrechnungen werden mit der Schlussrechnung "
                        "verrechnet.",
                        "Diese Abschlagsrechnung ist keine Schlussrechnung; die Abrechnung des "
                        "Gesamthonorars erfolgt nach Abnahme der Leistungen mit der Schlussrechnung.",
                    )
                ),
                False,
            )
        )
        if self.office.form == "part":
            texts.append(
                (
                    "Die Partnerschaft unterhält eine Berufshaftpflichtversicherung gemäß § 8 Abs. 4 PartGG "
                    f"bei der {rng.choice(_INSURERS)}.",
                    False,
                )
            )
        if rng.random() < 0.4:
            texts.append(
                ("Den Leistungsstand entnehmen Sie bitte dem beigefügten Projektstatusbericht.", False)
            )
        return self.short_texts(y, texts, keep)

    def footer(self) -> None:
        c, d, s, o = self.c, self.data, self.data.supplier, self.office
        if o.form == "ek":
            legal = [f"Inhaber/in: {o.people}", f"Amtsgericht {s.city} {d.register}"]
        elif o.form == "part":
            legal = [f"Partner: {o.people}", f"Partnerschaftsregister AG {s.city} {d.register}"]
        else:
            legal = [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}"]
        chamber = _chamber(s.region)
        legal.append(f"Mitglied der {chamber}" if len(chamber) < 32 else chamber)
        legal += self.tax_ids("USt-IdNr.", "Steuernummer")
        contact = [s.name, s.street, s.city_line, f"Tel. {d.phone}"]
        if self.fax:
            contact.append(f"Fax {fax_of(d.phone)}")
        contact.append(d.email)
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        footer_columns(c, [contact, legal, bank], self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, p, rng = self.data, self.p, self.rng
        specials = self.special_lines()
        fees = [ph.item for ph in self.phases if ph.done] + [item for item, _ in specials]
        fee_sum = sum((item.total for item in fees), Decimal(0))
        extra = self.ancillary_item(fee_sum)
        earned = fee_sum + (extra.total if extra else 0)
        earlier = self.earlier(earned)
        deducted = [
            LineItem(f"abzgl. {e.k}. Abschlagsrechnung Nr. {e.number}", "", Decimal(1), "", -e.net, 19)
            for e in earlier
        ]
        items = self.items = fees + ([extra] if extra else []) + deducted
        vat = vat_breakdown(items)
        net = vat[0].base
        s = d.supplier
        self.letterhead(rng.choice(_ARCH_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(
            (
                f"{self.nth}. Abschlagsrechnung",
                f"Abschlagsrechnung Nr. {self.nth}",
                f"{self.nth}. ABSCHLAGSRECHNUNG",
            )
        )
        y = self.subject(self.details_block(self.head_rows(), title))
        y = self.fee_block(y)
        cols = columns(self.spec(False), self.LEFT, self.RIGHT)
        y = self.table(y + 4, cols, self.rows(specials), False)
        rows: list[tuple[str, Decimal, bool]] = []
        if extra:
            rows.append((f"{extra.description} auf {p.number(fee_sum)}", extra.total, False))
        rows.append(
            (
                rng.choice(
                    (
                        "Honorar bisher gesamt netto",
                        "Honorar lt. Leistungsstand netto",
                        f"Summe Honorar zum {p.date(self.status)} netto",
                    )
                ),
                earned,
                True,
            )  # fmt: skip
        )
        if self.deduct_as == "table":
            y = self.amount_rows(y, rows)
            y = self.earlier_table(y + 6, earlier)
            label = "abzüglich bisheriger Abschlagsrechnungen (netto)"
            y = self.amount_rows(y, [(label, -sum((e.net for e in earlier), Decimal(0)), False)])
        else:
            word = rng.choice(("abzgl.", "abzüglich", "./."))
            for e in earlier:
                rows.append(
                    (f"{word} {e.k}. Abschlagsrechnung Nr. {e.number} vom {p.date(e.day)}", -e.net, False)
                )
            y = self.amount_rows(y, rows)
        net_label = rng.choice(
            (
                f"Betrag {self.nth}. Abschlagsrechnung netto",
                "Rechnungsbetrag netto",
                "Nettobetrag dieser Rechnung",
            )
        )
        gross_label = rng.choice(("Rechnungsbetrag brutto", "Zahlbetrag", "Zu zahlender Betrag"))
        if p.currency == "none":
            gross_label += " EUR"
        vat_label = rng.choice(("zzgl. 19 % USt.", "zzgl. Umsatzsteuer 19 %", "19 % MwSt."))
        gross = net + vat[0].amount
        y = self.totals(
            y, [(net_label, net, False), (vat_label, vat[0].amount, False), (gross_label, gross, True)]
        )
        y = self.closing(y, gross)
        assert y < self.limit + 6, "architekt_hoai_abschlag: page overflow"
        return self.finish(
            items,
            "Abschlagsrechnung",
            pages=self.close_pages(rng.random() < 0.3),
            service_date=False,
            customer_no=False,
            order_no=bool(d.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# aufzug_wartung

_LIFT_FIRMS = (
    ("Aufzugsdienst Nord GmbH", "", "aufzugsdienst-nord.de"),
    ("Liftservice Rhein-Main GmbH & Co. KG", "Liftservice Verwaltungs-GmbH", "liftservice-rheinmain.de"),
    ("Kröger Aufzugstechnik GmbH", "", "kroeger-aufzuege.de"),
    ("Vertikal Aufzugservice GmbH", "", "vertikal-aufzug.de"),
    ("Aufzüge Hartmann GmbH & Co. KG", "Hartmann Beteiligungs-GmbH", "hartmann-aufzuege.de"),
    ("Süd-Lift Aufzug- und Fördertechnik GmbH", "", "sued-lift.de"),
)
_LIFT_TAGLINES = (
    "Wartung · Reparatur · Modernisierung · Notruf 24/7",
    "Herstellerunabhängiger Aufzugsservice",
    "Aufzugstechnik – Service rund um die Uhr",
    "Aufzüge · Fahrtreppen · Treppenlifte",
)
_MANAGERS = (
    "Hausverwaltung Brenner GmbH",
    "Immobilienverwaltung Sommer & Partner GmbH",
    "WEG- und Mietverwaltung Kaiser GmbH",
    "Hausverwaltung am Dom GmbH",
    "Lindemann Immobilienmanagement GmbH",
    "Petersen Grundstücksverwaltung GmbH & Co. KG",
)
_MANAGER_CONTACTS = (
    "z. Hd. Frau Beate Rösler",
    "Objektbetreuung: Herr Timo Schulz",
    "Technik / Frau Ayşe Kaya",
    "",
)
# Lifts: (kind, load, least and most stops).
_LIFT_KINDS = (
    ("Personenaufzug, Seilantrieb (maschinenraumlos)", "630 kg / 8 Personen", 4, 8),
    ("Personenaufzug, Seilantrieb", "450 kg / 6 Personen", 3, 7),
    ("Personenaufzug, hydraulisch", "630 kg / 8 Personen", 2, 4),
    ("Personenaufzug (Durchlader), Seilantrieb", "1.000 kg / 13 Personen", 4, 8),
    ("Lasten- und Personenaufzug, hydraulisch", "1.600 kg / 21 Personen", 2, 4),
    ("Kleingüteraufzug", "100 kg", 2, 3),
)
_MAKERS = ("Schindler", "OTIS", "KONE", "TK Elevator", "Schmitt + Sohn", "Haushahn", "Kleemann")
_PLACES = ("Haus A", "Haus B", "Treppenhaus links", "Treppenhaus rechts", "Hausnr. {a}", "Hausnr. {b}",
           "Hinterhaus", "Tiefgarage – EG")  # fmt: skip
# Repairs: (what was found and done, parts (text, article number, least and most price)).
_REPAIRS = (
    ("Aufzug steht im 3. OG, Schachttürkontakt defekt – Türkontakt erneuert",
     (("Schachttürkontakt mit Kontaktbrücke", "TK-2140", 38, 89),)),
    ("Kabinentür schließt nicht vollständig – Türantrieb justiert, Zahnriemen erneuert",
     (("Zahnriemen Türantrieb", "ZR-880", 45, 110), ("Türschwert-Rollen (Satz)", "TR-310", 28, 64))),
    ("Notruf ohne Verbindung – Akku des Notrufmoduls getauscht",
     (("Akku 12 V 2,3 Ah für Notrufmodul", "AK-1223", 24, 49),)),
    ("Fahrkorb hält nicht bündig – Bündigschalter und Magnetschalter erneuert",
     (("Magnetschalter Schachtinformation", "MS-5520", 55, 135),)),
    ("Personenbefreiung nach Stromausfall, Steuerung quittiert und Probefahrt",
     ()),
    ("Hydraulik: Ölleckage am Zylinderkopf – Dichtungssatz erneuert, Öl nachgefüllt",
     (("Dichtungssatz Zylinderkopf", "DS-4410", 85, 190), ("Hydrauliköl HLP 46", "OEL-46", 6, 9))),
)  # fmt: skip
_BODIES = (
    "TÜV SÜD Industrie Service GmbH",
    "TÜV Rheinland Industrie Service GmbH",
    "DEKRA Testing and Certification GmbH",
    "TÜV NORD Systems GmbH & Co. KG",
)


@dataclass(frozen=True)
class Lift:
    """One lift of the property: kind, load, stops, maker, year, place, factory number, the monthly rate."""

    kind: str
    load: str
    stops: int
    maker: str
    year: int
    place: str
    factory: str
    monthly: Decimal

    def text(self) -> str:
        return f"{self.kind}, {self.load}, {self.stops} Haltestellen"


def quarter_span(day: dt.date, ahead: bool) -> tuple[int, dt.date, dt.date]:
    """The quarter `day` falls in (billed in advance) or the one before it (in arrears): its number, first and
    last day."""
    first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if not ahead:
        first = (first - dt.timedelta(days=1)).replace(day=1)
        first = first.replace(month=3 * ((first.month - 1) // 3) + 1)
    last = (first.replace(day=28) + dt.timedelta(days=70)).replace(day=1) - dt.timedelta(days=1)
    return (first.month + 2) // 3, first, last


class AufzugWartung(RemovalLook):
    """A lift company's quarterly maintenance invoice: lifts, emergency calls, a repair, the ZÜS fee."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, partner, domain = rng.choice(_LIFT_FIRMS)
        self.ahead = rng.random() < 0.5
        day = calm(data.date)
        if self.ahead:
            day = day.replace(day=rng.randint(1, 12), month=3 * ((day.month - 1) // 3) + 1)
        else:
            day = day.replace(day=rng.randint(2, 20), month=3 * ((day.month - 1) // 3) + 1)
        day = workday(day)
        self.quarter, self.q_start, self.q_end = quarter_span(day, self.ahead)
        customer_no = (
            rng.choice((f"{rng.randint(10000, 99999)}", f"KD-{rng.randint(1000, 9999)}"))
            if rng.random() < 0.6
            else ""
        )
        self.reference = rng.choice(("order", "order", "sign", ""))
        order_no = ""
        if self.reference == "order":
            order_no = rng.choice(
                (
                    f"HV-{day.year}-{rng.randint(10, 999):03d}",
                    f"{rng.randint(2000000, 2999999)}",
                    f"B {rng.randint(1000, 9999)}",
                )
            )
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("WA", "RE", "SR"))),
            f"{rng.choice(('service', 'rechnung', 'info', 'buchhaltung'))}@{domain}",
            customer_no=customer_no,
            order_no=order_no,
        )
        customer = dataclasses.replace(
            data.customer, name=rng.choice(_MANAGERS), contact=rng.choice(_MANAGER_CONTACTS)
        )
        data = dataclasses.replace(data, customer=customer)
        super().__init__(rng, data)
        self.setup(partner)
        self.sign = (
            f"{rng.choice(('WEG', 'Obj.', 'HV'))} {rng.randint(100, 999)}/{rng.choice(('AZ', 'TE', 'MK'))}"
        )
        self.contract = rng.choice(
            (
                f"WV-{rng.randint(2012, 2019)}-{rng.randint(1, 999):04d}",
                f"{rng.randint(40000, 49999)}",
                f"W {rng.randint(1000, 9999)}/{rng.randint(10, 99)}",
            )  # fmt: skip
        )
        self.signed = dt.date(rng.randint(2012, 2019), rng.randint(1, 12), rng.randint(1, 28))
        self.full = rng.random() < 0.5
        street = other_street(rng, customer.street)
        a = int(street.split()[-1])
        self.object = f"{rng.choice(('WEG ', 'Wohnanlage ', 'Geschäftshaus ', ''))}{street}"
        if rng.random() < 0.4:
            self.object += f"–{a + 2}"
        self.object += f", {customer.city_line}"
        self.lifts = self.draw_lifts(a)
        self.by_month = rng.random() < 0.6
        self.grouped = len(self.lifts) > 1 and rng.random() < 0.6
        self.notruf = price_between(rng, 12, 35, "0.50") if rng.random() < 0.75 else None
        self.notruf_text = rng.choice(
            (
                "Notrufaufschaltung 24/7 inkl. GSM-Einheit",
                "Notrufbereitschaft und -weiterleitung",
                "Notrufdienst 24 h",
            )
        )
        self.monitor = price_between(rng, 5, 15, "0.50") if rng.random() < 0.25 else None
        self.repair = rng.random() < 0.45
        self.repair_day = workday(self.q_start - dt.timedelta(days=rng.randint(10, 70)))
        if not self.ahead:
            self.repair_day = workday(self.q_start + dt.timedelta(days=rng.randint(5, 75)))
        self.after_hours = rng.random() < 0.3
        self.dated = self.repair and rng.random() < 0.5
        self.zues = rng.random() < 0.4
        self.zues_day = workday(
            min(self.repair_day + dt.timedelta(days=rng.randint(3, 20)), day - dt.timedelta(days=5))
        )
        self.body = rng.choice(_BODIES)
        self.debit = rng.random() < 0.4
        if self.debit:
            self.skonto = False
        self.mandate = (
            f"{self.contract}-{rng.randint(1, 9)}"
            if rng.random() < 0.6
            else f"MR{rng.randint(100000, 999999)}"
        )

    def draw_lifts(self, a: int) -> list[Lift]:
        rng = self.rng
        out = []
        places = rng.sample(_PLACES, 3)
        for k in range(rng.choice((1, 1, 1, 2, 2, 3))):
            kind, load, lo, hi = rng.choice(_LIFT_KINDS)
            factory = rng.choice(
                (
                    f"{rng.randint(1000000, 9999999)}",
                    f"{rng.randint(10000, 99999)}/{rng.randint(1985, 2019)}",
                    f"F{rng.randint(100000, 999999)}",
                )  # fmt: skip
            )
            lo_rate, hi_rate = (110, 260) if self.full else (55, 140)
            if kind.startswith("Klein"):
                lo_rate, hi_rate = lo_rate // 2, hi_rate // 2
            out.append(
                Lift(
                    kind,
                    load,
                    rng.randint(lo, hi),
                    rng.choice(_MAKERS),
                    rng.randint(1978, 2019),
                    places[k].format(a=a, b=a + 2),
                    factory,
                    price_between(rng, lo_rate, hi_rate, "0.50"),
                )  # fmt: skip
            )
        return out

    # -- the lines

    def lift_lines(self, k: int, lift: Lift) -> list[Line]:
        p, rng = self.p, self.rng
        word = "Vollwartung" if self.full else rng.choice(("Wartung nach Herstellervorgaben", "Teilwartung"))
        where = f"{lift.maker}, Bj. {lift.year}, {lift.place}, Fabrik-Nr. {lift.factory}"
        notes = [] if self.grouped else [f"Anlage {k + 1}: {lift.text()}, {where}"]
        period = f"{self.quarter}. Quartal {self.q_end.year}"
        if self.by_month:
            item = LineItem(
                f"{word} gem. Wartungsvertrag, {period}", "", Decimal(3), "Monate", lift.monthly, 19
            )
            notes.append(
                f"{p.date(self.q_start)} – {p.date(self.q_end)}, 3 × {self.amount_text(lift.monthly)}"
            )
        else:
            item = LineItem(
                f"{word} {period} (Quartalspauschale)", "", Decimal(1), "Quartal", lift.monthly * 3, 19
            )
        out = [Line(item, tuple(notes), group=k)]
        if self.notruf is not None:
            out.append(Line(LineItem(self.notruf_text, "", Decimal(3), "Monate", self.notruf, 19), group=k))
        if self.monitor is not None:
            out.append(
                Line(
                    LineItem("Fernüberwachung / Ferndiagnose", "", Decimal(3), "Monate", self.monitor, 19),
                    group=k,
                )
            )
        return out

    def repair_lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        what, parts = rng.choice(_REPAIRS)
        g, day = len(self.lifts), self.repair_day
        head = self.repair_head = f"Störungsbeseitigung am {p.date(day)}: {what}"
        out = [
            Line(
                LineItem(
                    "Anfahrtspauschale Störungseinsatz",
                    "",
                    Decimal(1),
                    "pausch.",
                    price_between(rng, 38, 79, "0.50"),
                    19,
                ),
                () if self.grouped or self.dated else (head,),
                group=g,
                day=day,
            )
        ]
        hours = Decimal(rng.randint(1, 8)) / 2
        rate = price_between(rng, 72, 98, "0.50")
        work = LineItem("Monteurstunden", "", hours, "Std.", rate, 19)
        out.append(Line(work, group=g, day=day))
        for text, art, lo, hi in parts:
            oil = "öl" in text.lower()
            n = Decimal(rng.randint(5, 20)) if oil else Decimal(rng.choice((1, 1, 2)) if hi < 100 else 1)
            unit = "l" if oil else "Stk."
            out.append(
                Line(
                    LineItem(
                        f"{text} (Art.-Nr. {art})", art, n, unit, price_between(rng, lo, hi, "0.10"), 19
                    ),
                    group=g,
                    day=day,
                )
            )
        if self.after_hours:
            on = work.total
            out.append(
                Line(
                    LineItem(
                        f"Zuschlag außerhalb der Arbeitszeit 50 % auf {p.number(on)}",
                        "",
                        Decimal(1),
                        "",
                        round_cent(on / 2),
                        19,
                    ),
                    group=g,
                    day=day,
                )  # fmt: skip
            )
        return out

    def zues_lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        g = len(self.lifts) + 1
        kind = rng.choice(("Hauptprüfung", "Zwischenprüfung"))
        lift = self.lifts[0]
        attend = LineItem(
            f"Prüfbegleitung durch Monteur ({kind} ZÜS)", "", Decimal(rng.choice(("1", "1.5", "2"))), "Std.",
            price_between(rng, 72, 98, "0.50"), 19,
        )  # fmt: skip
        fee = LineItem(
            "Prüfgebühr ZÜS (durchlaufender Posten, ohne USt.)", "", Decimal(1), "pausch.",
            price_between(rng, 145, 390, "0.10"), 0,
        )  # fmt: skip
        note = (
            f"{kind} gem. § 16 BetrSichV am {p.date(self.zues_day)} durch {self.body}, "
            f"Fabrik-Nr. {lift.factory}, Prüfbericht Nr. {rng.randint(10**7, 10**8 - 1)}; verauslagt im "
            "Namen und für Rechnung des Betreibers"
        )
        return [Line(attend, group=g, day=self.zues_day), Line(fee, (note,), group=g, day=self.zues_day)]

    def lines(self) -> list[Line]:
        out: list[Line] = []
        for k, lift in enumerate(self.lifts):
            out += self.lift_lines(k, lift)
        if self.repair:
            out += self.repair_lines()
        if self.zues:
            out += self.zues_lines()
        return out

    # -- the page

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        rows.append((rng.choice(("Vertrags-Nr.", "Wartungsvertrag", "Vertragsnummer")), self.contract))
        if d.order_no:
            rows.append(
                (rng.choice(("Ihre Bestell-Nr.", "Ihre Auftrags-Nr.", "Ihre Bestellnummer")), d.order_no)
            )
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        word = rng.choice(("Aufzugswartung", "Wartung Aufzugsanlage", "Wartungsrechnung"))
        if len(self.lifts) > 1:
            word = rng.choice(("Aufzugswartung", "Wartung Aufzugsanlagen", "Wartungsrechnung"))
        lines = [
            (f"{word} {self.quarter}. Quartal {self.q_end.year}", True),
            (f"Objekt: {self.object}", False),
            (f"Leistungszeitraum {p.date(self.q_start)} – {p.date(self.q_end)}", False),
            (f"Wartungsvertrag Nr. {self.contract} vom {p.date(self.signed)}", False),
        ]
        if self.reference == "sign":
            lines.append((f"Ihr Zeichen: {self.sign}", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def group_head(self, group: int) -> Row:
        if group < len(self.lifts):
            lift = self.lifts[group]
            note = f"{lift.maker}, Baujahr {lift.year} · {lift.place} · Fabrik-Nr. {lift.factory}"
            return Row("group", {"desc": f"Anlage {group + 1}: {lift.text()}"}, notes=(note,))
        if group == len(self.lifts) and self.repair:
            return Row("group", {"desc": self.repair_head})
        return Row("group", {"desc": f"Prüfung durch die ZÜS am {self.p.date(self.zues_day)}"})

    def rows(self, lines: list[Line]) -> list[Row]:
        out: list[Row] = []
        for n, line in enumerate(lines, 1):
            first = n == 1 or lines[n - 2].group != line.group
            if first and (self.grouped or (self.dated and line.group >= len(self.lifts))):
                out.append(self.group_head(line.group))
            row = self.row(n, line)
            if line.day is None or not self.dated:
                row = dataclasses.replace(row, values=dict(row.values, day=""))
            out.append(row)
        return out

    def total_rows(self, lines: list[VatLine]) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        taxed = next(v for v in lines if v.rate == 19)
        passed = sum((v.base for v in lines if v.rate == 0), Decimal(0))
        gross = rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Summe brutto"))
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
            rows.append(("zzgl. Prüfgebühr ZÜS (ohne USt.)", passed, False))
        rows.append((gross, taxed.base + passed + taxed.amount, True))
        return rows

    def passed_texts(self, items: list[LineItem]) -> list[tuple[str, bool]]:
        passed = [item for item in items if item.rate == 0]
        if not passed or self.passing != "after":
            return []
        return [
            (
                f"Die Prüfgebühr der ZÜS ({self.body}, {self.amount_text(passed[0].total)}) für die "
                f"Prüfung am {self.p.date(self.zues_day)} geben wir als durchlaufenden Posten ohne "
                "Umsatzsteuer weiter.",
                False,
            )
        ]

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.debit:
            when = d.date + dt.timedelta(days=rng.choice((5, 7, 10)))
            texts.append(
                (
                    f"Den Rechnungsbetrag von {p.amount(due)} ziehen wir am {p.date(when)} per "
                    f"SEPA-Lastschrift von Ihrem Konto {masked_de(rng)} ein.",
                    True,
                )
            )
            texts.append((f"Gläubiger-ID: {creditor_id(rng)} · Mandatsreferenz: {self.mandate}", False))
        else:
            texts.append((self.pay_text(due), True))
        texts += self.passed_texts(self.items)
        keep = len(texts)
        texts.append(
            (
                rng.choice(
                    (
                        f"Abrechnung gemäß Wartungsvertrag Nr. {self.contract}, vierteljährlich "
                        f"{'im Voraus' if self.ahead else 'nachträglich'}.",
                        f"Die Wartung wird {'im Voraus' if self.ahead else 'nachträglich'} je Quartal "
                        "berechnet; Preisanpassung gemäß § 6 des Wartungsvertrags.",
                    )
                ),
                False,
            )
        )
        if rng.random() < 0.5:
            texts.append(
                (
                    f"Störungen melden Sie bitte rund um die Uhr an unsere Notrufzentrale: Tel. {d.phone}.",
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
        self.letterhead(rng.choice(_LIFT_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}", "Wartungsrechnung"))
        y = self.subject(self.details_block(self.head_rows(), title))
        if not any(x.item.rate == 0 for x in shown):
            self.vat_column = False
        cols = columns(self.spec(self.dated), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(shown), rng.random() < 0.4)
        y = self.all_totals(y, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "aufzug_wartung: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.25),
            service_date=False,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

BAU_FAMILIES: dict[str, type[TripSheet]] = {
    "architekt_hoai_abschlag": ArchitektHoaiAbschlag,
    "aufzug_wartung": AufzugWartung,
}


def draw_bau(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(BAU_FAMILIES[name], name, seed)
