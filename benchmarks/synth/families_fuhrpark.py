"""Two invoice layout families of a truck and van workshop billing a logistics company for one vehicle and of
a corporate fitness network billing a company for its employees' memberships, designed blind (session 19).

Like `families_bau`, `families_person`, `families_kueche` and `families_lieferschein`, they were written
without reading the field extractor and without running it, so that they measure layouts nobody has shaped to
it; `families` lists them as never-tuned and dispatches to `draw_fuhrpark(name, seed)`. Both draw on
`RemovalLook` of `families_umzug` (itself an `ObjektLook`: letterheads, detail blocks, table heads, totals,
footers and payment texts whose look varies per seed), the workshop's through `HandelLook` of
`families_handel` (a part number column on some seeds), and return a `TripDrawing` (truth keys only for values
printed).

- `lkw_werkstatt`: a truck and van workshop's ("Nutzfahrzeug-Service … GmbH", "Kfz-Meisterbetrieb … e.K." with
  its owner, a GmbH & Co. KG with its general partner) invoice to a logistics company (a haulier, a courier
  service, a freight forwarder; "Fuhrparkleitung" or "z. Hd. Fuhrparkmanagement" on some seeds) for the repair
  or inspection of one vehicle: a heavy truck (a tractor unit, a box truck; Mercedes-Benz, MAN, Scania, Volvo,
  DAF, Iveco) or a van (Sprinter, Crafter, Transit, Daily, Master, Ducato). The vehicle block: the number
  plate ("HH-LX 482"), maker, model and body, the FIN with 17 characters (no I, O, Q), the first registration
  ("EZ 14.03.2019" or "03/2019"), the odometer ("km-Stand 412.538"), on some seeds the customer's fleet number
  ("Fzg.-Nr. 27"); as a framed box of label-above-value cells, as rows of the head or as lines of the subject.
  The jobs: a service by the maker's schedule with the oil change (litres of oil, filters by part number) on
  most seeds, one or two repairs of which at least one uses an exchange part (a brake caliper, a starter, an
  alternator, an AdBlue dosing module, an air compressor), a tachograph check (§ 57b StVZO, trucks) on some;
  labour per job in AW ("Arbeitswerte", 1 AW = 5 or 6 minutes, the rule and the hourly rate printed in the
  subject, in a note after the totals, or as a grey note under each labour line: "29 AW à 5 Min. = 2 Std.
  25 Min.") or in hours (by the tenth), at the labour rate of the seed; parts with their part numbers in the
  maker's style ("A 960 420 05 20", "81.50803.0104", "2N0 615 301 A"), in an article column or before the
  text. For each exchange part the old-part deposit ("Altteilpfand Bremssattel (Austauschteil)") is charged
  (every seed has one); on some seeds the returned old part's credit follows each as a negative line
  ("Altteilgutschrift … – Altteil zurückgegeben"). The disposal of used oil (by the litre or flat) and of
  filters and old parts, small material on some seeds (flat or a percentage of the labour). On about half the
  seeds the main inspection (HU / HU+AU) or the safety check (SP) of § 29 StVZO: the SP (trucks over 7,5 t)
  done by the workshop itself at 19 %, or the workshop's presentation fee at 19 % ("Vorführung zur HU/AU")
  with the testing body's fee either billed at 19 % ("Hauptuntersuchung inkl. AU durch DEKRA (im Haus)") or,
  on most of those seeds, passed on without VAT ("HU-Gebühr (durchlaufender Posten)", with the test report and
  the body as a note, as `aufzug_wartung` passes on the ZÜS fee): in the table with "0 %" and a net over all
  with "19 % USt. auf …", or only under the 19 % total ("zzgl. HU-Gebühr (durchlaufender Posten)" or "(ohne
  USt.)", a summary by rate and a note). The lines grouped by job under headings (numbered on some seeds), or
  in sections (labour, parts, other); subtotals per job or section on some seeds. Head: invoice number and
  date, the customer number on most seeds, the workshop's order number ("Auftrag Nr.", "Werkstattauftrag",
  "Auftrags-Nr."), the customer's order number ("Ihre Bestell-Nr.") on some seeds, the day of the work under a
  label ("Leistungsdatum", "Reparaturdatum", "Ausgeführt am", "Fertigstellung") when it took one day, else the
  day of acceptance and of completion in the subject ("Annahme am …, Fertigstellung am …"). Everything at 19 %
  but the fee passed on. Payment by transfer (Skonto on some seeds, not on the fee passed on), or on some
  seeds paid on collection: "Betrag erhalten – EC-Karte" (a row with the gross under the totals, "Offener
  Betrag 0,00" on some). Notes: the warranty on the work, the old parts, the next inspection. Truth: the usual
  keys; `kundennummer` where printed; `bestellnummer` the customer's order number where printed under its
  label (never the workshop's order number, the FIN, the plate, the fleet number or the part numbers);
  `leistungsdatum` the single day of the work where printed under its label (none for two days); `bic` where
  printed. With the fee passed on, `betrag_netto` = the 19 % items plus the fee, `mwst` = 19 % of the taxed
  part, `betrag_brutto` = the invoice's total; with the old part's credit, the credit is an item (negative) of
  the net.
- `firmenfitness_abo`: a corporate fitness network's ("… Firmenfitness GmbH") monthly invoice to a company for
  its employees' memberships (for the attention of the HR department on some seeds). Per tier the company
  offers (one to three of Silver, Gold, Platinum, each at its monthly fee) the number of active members × the
  company's share per member: the company pays a fixed subsidy (10 € more per higher tier, the whole fee where
  that is less), a percentage of the fee or (on a few seeds) the whole fee; the tier's wording ("Firmenfitness
  Gold – Firmenanteil", "Mitgliedschaft Gold (Arbeitgeberanteil)", …) the same on all its lines; the employee
  share, collected by payroll, is never billed; on some seeds it is printed as information: in columns of the
  table ("Monatsbeitrag", "Eigenanteil MA" beside "Firmenanteil"), as a note under each tier's line, and/or as
  a paragraph after the totals ("Nachrichtlich … Eigenanteile Ihrer Mitarbeitenden … 1.305,00 € …, nicht
  Bestandteil dieser Rechnung"; with a 50 % subsidy it may equal the net: the employees pay as much as the
  company; never printed where they pay nothing). New and cancelled members of the month: counted in the
  subject ("Aktive Mitglieder zum 01.03.2024: 45 · Zugänge: 3 · Abgänge: 1", the members the sum of the tiers'
  lines) and on some seeds named in a paragraph ("Zugänge zum 01.03.2024: Lena Krüger (Gold), …"); a mid-month
  joiner billed pro rata by days ("Gold anteilig ab 15.03.2024 (17/31 Tage)", or, billed in advance,
  "Nachberechnung … anteilig" for the month before) on some seeds; a credit for a member's special
  cancellation as a negative line on some seeds billed in advance. A one-off onboarding fee on some seeds
  ("Einmalige Einrichtungsgebühr Firmenzugang …" or an activation fee per new member). All at 19 %. Head:
  invoice number and date, the customer number on most seeds, the contract number ("Vertrags-Nr.",
  "Rahmenvertrag"), the billing month on some seeds; the subject names the month, the period
  ("Abrechnungszeitraum 01.03.2024 – 31.03.2024", billed in advance at the start of the month or in arrears
  after it) and the framework contract with its date. Payment by SEPA direct debit on most seeds (the debit
  date, the creditor id "DE…ZZZ…" with valid check digits and the mandate reference, the customer's IBAN
  masked or in full: an account of the customer, NOT the seller's) or by transfer; on some direct-debit seeds
  the seller's own bank account is printed nowhere. Notes: the deadline for changes of members, the notice
  period, the tax hint on the employer's subsidy (§ 8 EStG) on some seeds. Truth: the usual keys; `iban` /
  `bic` the seller's own account where printed (never the customer's), left out where only the customer's is
  printed; `bic` where printed; `kundennummer` where printed (the contract number and the mandate reference
  are none); no `bestellnummer`, no `leistungsdatum` (a month). The employee shares' amounts are no truth
  values.

Both keep their dates out of the second half of 2020 (German VAT 16 % then), the vehicle's first registration
and the fitness contract's date too.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_handel import HandelLook, head_number, workday
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import GREY, columns, creditor_id, draw_sheet, footer_columns
from benchmarks.synth.families_objekt import calm, fax_of
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line, RemovalLook, data_for
from benchmarks.synth.families_world import RULE
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    VatLine,
    _bank_account,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import Align


def not_in_2020(day: dt.date) -> dt.date:
    """`day`, or a year earlier when it falls in the second half of 2020 (German VAT 16 % then)."""
    return day.replace(year=2019) if dt.date(2020, 7, 1) <= day <= dt.date(2020, 12, 31) else day


# ---------------------------------------------------------------------------
# lkw_werkstatt

# Workshops: (name, an e.K.'s owner or a KG's general partner, domain).
_WORKSHOPS = (
    ("Nutzfahrzeug-Service Brandt GmbH", "", "nfz-brandt.de"),
    ("Kfz-Meisterbetrieb Yılmaz e.K.", "Kemal Yılmaz", "kfz-yilmaz.de"),
    ("Truck & Van Service Nord GmbH", "", "truckvan-nord.de"),
    ("Nutzfahrzeuge Hansen GmbH & Co. KG", "Hansen Verwaltungs-GmbH", "nfz-hansen.de"),
    ("Kfz-Meisterbetrieb Kühn e.K.", "Stefan Kühn", "kuehn-kfz.de"),
    ("NFZ-Werkstatt Rhein-Main GmbH", "", "nfz-rheinmain.de"),
    ("Lkw-Service Petersen GmbH", "", "lkw-petersen.de"),
)
_WORKSHOP_TAGLINES = (
    "Lkw · Transporter · Anhänger – Wartung und Reparatur",
    "Meisterbetrieb der Kfz-Innung · Nutzfahrzeug-Service",
    "Werkstatt für Nutzfahrzeuge · SP-anerkannt · Fahrtenschreiber § 57b",
    "Reparatur aller Fabrikate · HU/AU im Haus · Pannendienst 24 h",
)
_HAULIERS = (
    "Elbe Logistik GmbH",
    "Spedition Krause GmbH & Co. KG",
    "CityExpress Kurierdienst GmbH",
    "Nordland Transporte GmbH",
    "Möller Logistik & Lagerhaus GmbH",
    "Transporte Aydın GmbH",
    "Rhein-Neckar Frachtdienst GmbH",
    "Kühlexpress Baltic GmbH",
)
_FLEET_CONTACTS = (
    "Fuhrparkleitung",
    "z. Hd. Fuhrparkmanagement",
    "Fuhrpark / Herr Dominik Reuter",
    "Abt. Fuhrpark, Frau Jana Wolff",
    "",
    "",
)
_PLATE_CODES = ("HH", "B", "HB", "H", "K", "D", "DO", "DU", "F", "S", "M", "N", "L", "DD", "KI", "OS", "BI")
_VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q


@dataclass(frozen=True)
class Model:
    """A vehicle model: maker, model, body, the FIN's start, the maker's part number style, truck or van."""

    maker: str
    model: str
    body: str
    wmi: str
    parts: str
    truck: bool


_MODELS = (
    Model("Mercedes-Benz", "Actros 1845 LS", "Sattelzugmaschine", "WDB9634031", "mb", True),
    Model("Mercedes-Benz", "Atego 1224 L", "Lkw Koffer 12 t mit Ladebordwand", "WDB9670521", "mb", True),
    Model("MAN", "TGX 18.510 4x2 BLS", "Sattelzugmaschine", "WMA06XZZ", "man", True),
    Model("MAN", "TGL 8.190 4x2 BL", "Lkw Pritsche/Plane 7,49 t", "WMA03SZZ", "man", True),
    Model("Scania", "R 450 A4x2NA", "Sattelzugmaschine", "YS2R4X20", "scania", True),
    Model("Volvo", "FH 500 4x2T", "Sattelzugmaschine", "YV2RT40A", "volvo", True),
    Model("DAF", "XF 480 FT", "Sattelzugmaschine", "XLRTEH43", "daf", True),
    Model("Iveco", "Eurocargo ML120E25", "Lkw Koffer 12 t", "ZCFA1LG0", "iveco", True),
    Model("Mercedes-Benz", "Sprinter 316 CDI", "Kastenwagen 3,5 t", "WDB9066331", "mb", False),
    Model("Volkswagen", "Crafter 35 Kasten 2.0 TDI", "Kastenwagen 3,5 t", "WV1ZZZSY", "vw", False),
    Model("Ford", "Transit 350 L3H2", "Kastenwagen 3,5 t", "WF0XXXTT", "ford", False),
    Model("Iveco", "Daily 35S16", "Kastenwagen 3,5 t", "ZCFC135A", "iveco", False),
    Model("Renault", "Master 2.3 dCi L3H2", "Kastenwagen 3,5 t", "VF1MA000", "renault", False),
    Model("Fiat", "Ducato 35 L4H2 2.3 MultiJet", "Kastenwagen 3,5 t", "ZFA25000", "fiat", False),
)


def part_number(rng: random.Random, style: str) -> str:
    """A part number in the maker's style: "A 960 420 05 20", "81.50803.0104", "2N0 615 301 A"."""

    def d(n: int) -> str:
        return "".join(str(rng.randint(0, 9)) for _ in range(n))

    return {
        "mb": lambda: f"A {rng.randint(0, 9)}{d(2)} {d(3)} {d(2)} {d(2)}",
        "man": lambda: f"{rng.choice(('81', '51', '85'))}.{d(5)}.{d(4)}",
        "scania": lambda: f"{rng.randint(1, 2)}{d(6)}",
        "volvo": lambda: f"2{d(7)}",
        "daf": lambda: f"{rng.randint(1, 2)}{d(6)}",
        "iveco": lambda: f"5{d(9)}",
        "vw": lambda: (
            f"{rng.choice(('2N0', '7C0', '2E0', '03L'))} {d(3)} {d(3)} {rng.choice(('A', 'B', 'C', 'D'))}"
        ),
        "ford": lambda: f"{rng.randint(1, 2)}{d(6)}",
        "renault": lambda: f"{rng.choice(('77', '82', '93'))}{d(8)}",
        "fiat": lambda: f"{rng.choice(('13', '51', '55'))}{d(8)}",
    }[style]()


@dataclass(frozen=True)
class Part:
    """A part of a job: text, price range (truck, van), quantities, unit."""

    text: str
    truck: tuple[float, float]
    van: tuple[float, float]
    counts: tuple[int, ...] = (1,)
    unit: str = "Stk."


@dataclass(frozen=True)
class Exchange:
    """An exchange part ("Austauschteil"): its text, price range and old-part deposit (truck, van)."""

    text: str
    short: str
    truck: tuple[float, float]
    van: tuple[float, float]
    deposit_truck: tuple[float, float]
    deposit_van: tuple[float, float]


@dataclass(frozen=True)
class Job:
    """A job of the order: its heading, the labour text, AW range (truck, van), parts, an exchange part."""

    key: str
    title: str
    labour: str
    aw_truck: tuple[int, int]
    aw_van: tuple[int, int]
    parts: tuple[Part, ...] = ()
    exchange: Exchange | None = None
    trucks: bool = True
    vans: bool = True


_FILTERS = (
    Part("Ölfiltereinsatz", (38, 89), (14, 32)),
    Part("Luftfiltereinsatz", (78, 189), (24, 59)),
    Part("Kraftstofffilter mit Wasserabscheider", (45, 119), (29, 69)),
)
_CABIN_FILTER = Part("Innenraumfilter (Pollenfilter)", (29, 64), (19, 45))
_ADBLUE_FILTER = Part("AdBlue-Filtereinsatz", (24, 69), (19, 39))
_SERVICE = Job(
    "wartung",
    "Wartung nach Herstellervorgabe",
    "Wartung lt. Wartungsplan inkl. Ölwechsel Motor",
    (36, 84),
    (18, 40),
)
_REPAIRS = (
    Job(
        "bremse",
        "Bremse Vorderachse instand setzen",
        "Bremsscheiben und -beläge VA erneuern, Bremssattel li. ersetzen",
        (42, 90),
        (24, 48),
        (
            Part("Bremsscheibe Vorderachse", (189, 420), (69, 159), (2,)),
            Part("Bremsbelagsatz Vorderachse", (149, 329), (59, 139)),
            Part("Verschleißanzeiger Bremsbelag", (12, 36), (9, 24), (1, 2)),
        ),
        Exchange(
            "Bremssattel links VA (Austauschteil)",
            "Bremssattel",
            (420, 890),
            (160, 390),
            (120, 250),
            (60, 120),
        ),  # fmt: skip
    ),
    Job(
        "anlasser",
        "Starter defekt – Austausch",
        "Starter aus- und einbauen, Funktionsprüfung",
        (14, 32),
        (10, 24),
        (Part("Befestigungssatz Starter", (12, 29), (8, 19)),),
        Exchange(
            "Starter 24 V / 7,0 kW (Austauschteil)", "Starter", (390, 790), (220, 420), (80, 180), (50, 100)
        ),  # fmt: skip
    ),
    Job(
        "generator",
        "Ladekontrolle leuchtet – Generator erneuern",
        "Generator aus- und einbauen, Keilrippenriemen erneuern, Ladespannung geprüft",
        (18, 36),
        (12, 26),
        (Part("Keilrippenriemen", (39, 89), (24, 49)),),
        Exchange(
            "Generator (Lichtmaschine, Austauschteil)",
            "Generator",
            (480, 960),
            (260, 520),
            (90, 190),
            (60, 120),
        ),  # fmt: skip
    ),
    Job(
        "adblue",
        "Motorkontrollleuchte – AdBlue-System",
        "Fehlerspeicher ausgelesen, AdBlue-Dosiermodul erneuern, System entlüftet",
        (20, 44),
        (16, 32),
        (Part("AdBlue (Harnstofflösung)", (0.6, 0.9), (0.7, 1.2), (10, 20), "l"),),
        Exchange(
            "AdBlue-Dosiermodul (Austauschteil)", "Dosiermodul", (390, 890), (340, 720), (100, 200), (80, 160)
        ),  # fmt: skip
    ),
    Job(
        "kompressor",
        "Druckluftanlage – Kompressor undicht",
        "Druckluftkompressor aus- und einbauen, Anlage auf Dichtheit geprüft",
        (40, 80),
        (0, 0),
        (Part("Dichtungssatz Kompressor", (29, 69), (0, 0)), Part("Lufttrocknerpatrone", (59, 129), (0, 0))),
        Exchange(
            "Luftpresser 2-Zylinder (Austauschteil)", "Luftpresser", (890, 1690), (0, 0), (150, 350), (0, 0)
        ),  # fmt: skip
        vans=False,
    ),
    Job(
        "kupplung",
        "Kupplung rutscht",
        "Kupplung komplett erneuern, Getriebe aus- und eingebaut",
        (0, 0),
        (60, 110),
        (
            Part("Kupplungssatz (Druckplatte, Scheibe, Ausrücklager)", (0, 0), (290, 560)),
            Part("Getriebeöl 75W-80", (0, 0), (14, 24), (2, 3), "l"),
        ),
        trucks=False,
    ),
    Job(
        "licht",
        "Beleuchtung",
        "Scheinwerfer links erneuern und einstellen",
        (6, 14),
        (6, 12),
        (
            Part("Hauptscheinwerfer links", (290, 640), (180, 420)),
            Part("Glühlampe H7", (6, 14), (5, 12), (2,)),
        ),
    ),
)
_TACHO = ("Prüfung Kontrollgerät (Fahrtenschreiber) nach § 57b StVZO inkl. Plombierung", (89, 169))
_BODIES = ("DEKRA", "TÜV Nord", "TÜV Süd", "GTÜ", "KÜS", "TÜV Rheinland")
_DAY_LABELS = ("Leistungsdatum", "Reparaturdatum", "Ausgeführt am", "Fertigstellung")
_SECTIONS = ("Arbeitslohn", "Ersatzteile und Material", "Sonstiges und Fremdleistungen")


@dataclass(frozen=True)
class Vehicle:
    model: Model
    plate: str
    vin: str
    first: dt.date
    km: int
    fleet: str


class LkwWerkstatt(HandelLook):
    """A truck and van workshop's invoice for one vehicle: jobs in AW or hours, parts, deposit, HU fee."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner, domain = rng.choice(_WORKSHOPS)
        self.done = workday(calm(data.date))
        self.two_days = rng.random() < 0.35
        self.taken = self.done - dt.timedelta(days=rng.choice((1, 1, 2, 3)))
        if self.taken.weekday() > 4:
            self.taken -= dt.timedelta(days=self.taken.weekday() - 4)
        day = workday(self.done + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3, 5))))
        kg = "KG" in name or name.endswith("e.K.")
        order_no = (
            rng.choice(
                (
                    f"BE-{day.year}-{rng.randint(1, 9999):04d}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"FP/{rng.randint(100, 999)}/{day.year % 100}",
                )
            )
            if rng.random() < 0.4
            else ""
        )
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if kg else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("RE", "WR", "R"))),
            f"{rng.choice(('werkstatt', 'rechnung', 'info', 'service'))}@{domain}",
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"K-{rng.randint(1000, 9999)}"))
            if rng.random() < 0.75
            else "",
            order_no=order_no,
            service_date=None if self.two_days else self.done,
        )
        customer = dataclasses.replace(
            data.customer, name=rng.choice(_HAULIERS), contact=rng.choice(_FLEET_CONTACTS)
        )
        data = dataclasses.replace(data, customer=customer)
        super().__init__(rng, data)
        self.setup(owner)
        self.vehicle = self.draw_vehicle()
        self.truck = self.vehicle.model.truck
        self.order = rng.choice(
            (
                f"{rng.randint(10000, 99999)}",
                f"WA-{day.year % 100}-{rng.randint(1000, 9999)}",
                f"A{rng.randint(100000, 999999)}",
            )
        )
        self.order_label = rng.choice(("Auftrag Nr.", "Werkstattauftrag", "Auftrags-Nr."))
        self.mode = rng.choice(("aw5", "aw6", "hours"))
        if self.truck:
            self.hourly = price_between(rng, 118, 168, "1")
        else:
            self.hourly = price_between(rng, 96, 142, "1")
        per = {"aw5": 12, "aw6": 10, "hours": 1}[self.mode]
        # the AW price to the cent; the hourly rate it makes (138,00 € / 12 = 11,50 €)
        self.aw_price = round_cent(self.hourly / per)
        self.hourly = self.aw_price * per
        self.aw_note = rng.choice(("subject", "table", "notes")) if self.mode != "hours" else ""
        self.art_column = rng.random() < 0.5
        self.layout = rng.choice(("jobs", "jobs", "sections"))
        self.subtotals = rng.random() < 0.4
        self.vehicle_as = rng.choice(("box", "head", "lines"))
        self.hu = rng.random() < 0.55
        heavy = self.truck and "7,49" not in self.vehicle.model.body  # the SP is for trucks over 7,5 t only
        kinds = (
            ("passed", "passed", "taxed", "sp", "sp") if heavy else ("passed", "passed", "passed", "taxed")
        )
        self.hu_as = rng.choice(kinds) if self.hu else ""
        # the next test's month (the sticker's): a truck's HU a year on, its SP half a year, a van's HU two
        days = 183 if self.hu_as == "sp" else 366 if self.truck else 731
        self.next_test = self.done.replace(day=1) + dt.timedelta(days=days)
        if dt.date(2020, 7, 1) <= self.next_test <= dt.date(2020, 12, 31):  # no month of the 16 % VAT
            self.hu, self.hu_as = False, ""
        self.credit = rng.random() < 0.45
        self.ec = rng.random() < 0.3
        if self.ec:
            self.skonto = False
        self.material = rng.choice(("flat", "percent", "")) if rng.random() < 0.5 else ""
        self.day_label = rng.choice(_DAY_LABELS)
        self.body = rng.choice(_BODIES)
        self.passed_label = rng.choice(
            ("zzgl. HU-Gebühr (durchlaufender Posten)", "zzgl. HU-Gebühr (ohne USt.)")
        )
        self.tacho = self.truck and rng.random() < 0.25

    # -- the vehicle

    def draw_vehicle(self) -> Vehicle:
        rng = self.rng
        model = rng.choice(_MODELS)
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        mark = "".join(rng.choice(letters) for _ in range(rng.choice((1, 2, 2))))
        plate = f"{rng.choice(_PLATE_CODES)}-{mark} {rng.randint(1, 9999)}"
        fill = "".join(rng.choice(_VIN_CHARS) for _ in range(11 - len(model.wmi)))
        vin = model.wmi + fill + "".join(str(rng.randint(0, 9)) for _ in range(6))
        first = not_in_2020(self.done - dt.timedelta(days=rng.randint(300, 4000)))
        km = rng.randint(60000, 980000) if model.truck else rng.randint(15000, 340000)
        fleets = (
            f"{rng.randint(1, 140)}",
            f"L-{rng.randint(100, 399)}",
            f"{rng.randint(1, 9)}{rng.randint(10, 99)}",
        )
        fleet = rng.choice(fleets) if rng.random() < 0.35 else ""
        return Vehicle(model, plate, vin, first, km, fleet)

    def km_text(self) -> str:
        return f"{self.vehicle.km:,}".replace(",", ".") + " km"

    def first_text(self) -> str:
        first = self.vehicle.first
        return f"{first:%m/%Y}" if self.rng.random() < 0.4 else self.p.date(first)

    def vehicle_pairs(self) -> list[tuple[str, str]]:
        v, rng = self.vehicle, self.rng
        pairs = [
            (rng.choice(("Kennzeichen", "Amtl. Kennzeichen", "Kennz.")), v.plate),
            ("Fahrzeug", f"{v.model.maker} {v.model.model}"),
            (rng.choice(("FIN", "Fahrgestell-Nr.", "FIN/VIN")), v.vin),
            (rng.choice(("Erstzulassung", "EZ")), self.first_text()),
            (rng.choice(("km-Stand", "Kilometerstand", "Laufleistung")), self.km_text()),
        ]
        if v.fleet:
            pairs.append((rng.choice(("Fzg.-Nr.", "Ihre Fahrzeug-Nr.")), v.fleet))
        return pairs

    # -- the lines

    def prices(self, part: Part | Exchange, which: str = "") -> tuple[float, float]:
        if isinstance(part, Exchange) and which == "deposit":
            return part.deposit_truck if self.truck else part.deposit_van
        return part.truck if self.truck else part.van

    def labour_line(self, text: str, aw_range: tuple[int, int], group: int) -> Line:
        rng, lo_hi = self.rng, aw_range
        aw = rng.randint(*lo_hi)
        notes: tuple[str, ...] = ()
        if self.mode == "hours":
            hours = Decimal(max(2, round(aw * 5 / 6))) / 10  # by the tenth of an hour
            item = LineItem(text, "", hours, "Std.", self.aw_price, 19)
        else:
            minutes = 5 if self.mode == "aw5" else 6
            item = LineItem(text, "", Decimal(aw), "AW", self.aw_price, 19)
            if self.aw_note == "notes":
                notes = (
                    f"{aw} AW à {minutes} Min. = {aw * minutes // 60} Std. {aw * minutes % 60:02d} Min.",
                )
        return Line(item, notes, group)

    def part_line(self, text: str, qty: Decimal, unit: str, price: Decimal, group: int) -> Line:
        number = part_number(self.rng, self.vehicle.model.parts)
        if unit == "l":  # oil and fluids from the workshop's stock
            number = f"{self.rng.choice(('OEL', 'BS', 'FL'))}-{self.rng.randint(1000, 9999)}"
        if not self.art_column:
            text = f"{number} {text}"
        return Line(LineItem(text, number, qty, unit, price, 19), group=group)

    def price(self, lo_hi: tuple[float, float], step: str = "0.01") -> Decimal:
        lo, hi = lo_hi
        return price_between(self.rng, lo, hi, step)

    def job_lines(self, job: Job, group: int) -> list[Line]:
        rng = self.rng
        aw = job.aw_truck if self.truck else job.aw_van
        out = [self.labour_line(job.labour, aw, group)]
        for part in job.parts:
            qty = Decimal(rng.choice(part.counts))
            out.append(self.part_line(part.text, qty, part.unit, self.price(self.prices(part)), group))
        if job.exchange is not None:
            x = job.exchange
            out.append(self.part_line(x.text, Decimal(1), "Stk.", self.price(self.prices(x)), group))
            deposit = self.price(self.prices(x, "deposit"), "10")
            text = rng.choice((f"Altteilpfand {x.short} (Austauschteil)", f"Altteilpfand {x.short}"))
            out.append(Line(LineItem(text, "", Decimal(1), "Stk.", deposit, 19), group=group))
            if self.credit:
                text = rng.choice(
                    (
                        f"Altteilgutschrift {x.short} – Altteil zurückgegeben",
                        f"Gutschrift Altteilpfand {x.short} (Rückgabe Altteil)",
                    )
                )
                out.append(Line(LineItem(text, "", Decimal(1), "Stk.", -deposit, 19), group=group))
        return out

    def service_lines(self, group: int) -> list[Line]:
        rng = self.rng
        plan = rng.choice(("Service M", "Service L", "Wartungsumfang 2", "Inspektion B", "Ölservice"))
        text = f"{_SERVICE.labour} ({plan})"
        out = [self.labour_line(text, _SERVICE.aw_truck if self.truck else _SERVICE.aw_van, group)]
        self.oil = Decimal(rng.randint(28, 44)) if self.truck else Decimal(rng.randint(70, 95)) / 10
        oil_text = rng.choice(
            ("Motoröl 10W-40 (MB 228.51)", "Motoröl 10W-40 Low SAPS", "Motoröl 5W-30 Longlife")
        )
        if not self.truck:
            oil_text = rng.choice(("Motoröl 5W-30 (VW 507 00)", "Motoröl 5W-30 Longlife", "Motoröl 0W-30 C3"))
        lo_hi = (6.5, 9.9) if self.truck else (11.5, 19.9)
        out.append(self.part_line(oil_text, self.oil, "l", self.price(lo_hi, "0.10"), group))
        parts = list(_FILTERS) + ([_ADBLUE_FILTER] if self.truck else [_CABIN_FILTER])
        for part in parts[: rng.choice((2, 2, 3, 4))]:
            out.append(self.part_line(part.text, Decimal(1), "Stk.", self.price(self.prices(part)), group))
        return out

    def hu_lines(self, group: int) -> list[Line]:
        rng, p = self.rng, self.p
        kind = "HU/AU" if not self.truck else rng.choice(("HU", "HU/AU"))
        next_hu = f"{self.next_test:%m/%Y}"
        report = f"Prüfbericht Nr. {rng.randint(10**7, 10**8 - 1)}, Prüfplakette {next_hu}"
        if self.hu_as == "sp":
            text = "Sicherheitsprüfung (SP) nach § 29 StVZO, Anlage VIIIa"
            note = f"SP-Protokoll Nr. {rng.randint(100000, 999999)}, nächste SP {next_hu}"
            return [
                Line(
                    LineItem(text, "", Decimal(1), "pausch.", self.price((79, 159), "1"), 19), (note,), group
                )
            ]
        show = LineItem(
            f"Vorführung zur {kind} (Vorführpauschale)",
            "",
            Decimal(1),
            "pausch.",
            self.price((29, 79), "1"),
            19,
        )
        if self.hu_as == "taxed":
            text = f"Hauptuntersuchung {'inkl. AU ' if kind == 'HU/AU' else ''}durch {self.body} (im Haus)"
            fee = LineItem(
                text,
                "",
                Decimal(1),
                "pausch.",
                self.price((149, 249) if self.truck else (119, 159), "0.10"),
                19,
            )
            return [Line(show, group=group), Line(fee, (report,), group)]
        fee = LineItem(
            "HU-Gebühr (durchlaufender Posten)", "", Decimal(1), "pausch.",
            self.price((139, 229) if self.truck else (109, 149), "0.10"), 0,
        )  # fmt: skip
        self.hu_fee_note = (
            f"{kind} nach § 29 StVZO am {p.date(self.done)} durch {self.body}, {report}; verauslagt im Namen "
            "und für Rechnung des Halters"
        )
        return [Line(show, group=group), Line(fee, (self.hu_fee_note,), group)]

    def other_lines(self, group: int, labour: Decimal) -> list[Line]:
        rng = self.rng
        out = []
        if self.oil_change:
            if rng.random() < 0.5:
                price = Decimal(rng.choice(("0.30", "0.35", "0.45", "0.50", "0.60")))
                out.append(Line(LineItem("Altölentsorgung", "", self.oil, "l", price, 19), group=group))
                text = "Entsorgung Ölfilter und ölhaltige Betriebsstoffe"
            else:
                text = "Entsorgung Altöl, Filter und Betriebsstoffe (Umweltpauschale)"
        else:
            text = rng.choice(
                ("Entsorgungspauschale Altteile und Betriebsstoffe", "Altteil- und Sondermüllentsorgung")
            )
        out.append(
            Line(LineItem(text, "", Decimal(1), "pausch.", self.price((6.9, 29.9), "0.10"), 19), group=group)
        )
        if self.material == "flat":
            text = "Kleinmaterial / Werkstattbedarf (Reiniger, Kabelbinder, Schrauben)"
            out.append(
                Line(
                    LineItem(text, "", Decimal(1), "pausch.", self.price((9.5, 39.5), "0.50"), 19),
                    group=group,
                )
            )
        elif self.material == "percent":
            pct = rng.choice((2, 3, 4, 5))
            text = f"Kleinmaterial {pct} % vom Arbeitslohn ({self.p.number(labour)})"
            value = round_cent(labour * pct / 100)
            out.append(Line(LineItem(text, "", Decimal(1), "", value, 19), group=group))
        return out

    def lines(self) -> list[Line]:
        rng = self.rng
        self.oil_change = rng.random() < 0.65
        fits = [j for j in _REPAIRS if (j.trucks if self.truck else j.vans)]
        with_x = [j for j in fits if j.exchange is not None]
        repairs = [rng.choice(with_x)]
        if rng.random() < 0.3:
            repairs.append(rng.choice([j for j in fits if j not in repairs]))
        rng.shuffle(repairs)
        self.jobs: list[str] = []
        out: list[Line] = []
        group = 0
        if self.oil_change:
            out += self.service_lines(group)
            self.jobs.append(_SERVICE.title)
            group += 1
        for job in repairs:
            out += self.job_lines(job, group)
            self.jobs.append(job.title)
            group += 1
        if self.tacho:
            text, lo_hi = _TACHO
            out.append(
                Line(LineItem(text, "", Decimal(1), "pausch.", self.price(lo_hi, "1"), 19), group=group)
            )
            self.jobs.append("Fahrtenschreiber")
            group += 1
        if self.hu:
            out += self.hu_lines(group)
            self.jobs.append({"sp": "Sicherheitsprüfung (SP)"}.get(self.hu_as, "Hauptuntersuchung"))
            group += 1
        labour = sum((x.item.total for x in out if x.item.unit in ("AW", "Std.")), Decimal(0))
        out += self.other_lines(group, labour)
        self.jobs.append("Entsorgung und Material")
        return out

    # -- the page

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:
        spec = super().spec(dated)
        if self.art_column:
            spec.insert(1, ("art", self.rng.choice(("Teile-Nr.", "Art.-Nr.", "Teilenummer")), 68, "left"))
        return spec

    def section_of(self, line: Line) -> int:
        item = line.item
        if item.unit in ("AW", "Std."):
            return 0
        if item.rate == 0 or item.unit in ("pausch.", "") or "ntsorgung" in item.description:
            return 2
        return 1

    def rows(self, lines: list[Line]) -> list[Row]:
        p = self.p
        out: list[Row] = []
        if self.layout == "sections":
            ordered = sorted(lines, key=self.section_of)  # stable: the jobs' order within a section
            keys = [self.section_of(x) for x in ordered]
            heads = _SECTIONS
        else:
            ordered = lines
            keys = [x.group for x in lines]
            heads = tuple(
                f"{rng_pos}. {title}" if self.numbered_jobs else title
                for rng_pos, title in enumerate(self.jobs, 1)
            )
        for n, line in enumerate(ordered, 1):
            if n == 1 or keys[n - 2] != keys[n - 1]:
                out.append(Row("group", {"desc": heads[keys[n - 1]]}))
            out.append(self.row(n, line))
            last = n == len(ordered) or keys[n] != keys[n - 1]
            if self.subtotals and last:
                total = sum(
                    (x.item.total for x, k in zip(ordered, keys, strict=True) if k == keys[n - 1]), Decimal(0)
                )
                out.append(Row("sum", {"desc": f"Summe {heads[keys[n - 1]]}", "total": p.number(total)}))
        return out

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Kd.-Nr.")), d.customer_no))
        rows.append((self.order_label, self.order))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre Bestellnummer")), d.order_no))
        if not self.two_days:
            rows.append((self.day_label, p.date(self.done)))
        if self.vehicle_as == "head":
            rows += self.vehicle_pairs()
        return rows

    def vehicle_box(self, y: float) -> float:
        """The vehicle's data as framed cells, label small above value, three to a line."""
        c, L, R = self.c, self.LEFT, self.RIGHT
        pairs = self.vehicle_pairs()
        c.text(L, y + 6, self.rng.choice(("Fahrzeugdaten", "Fahrzeug", "Ihr Fahrzeug")), 8.5, bold=True)
        y += 10
        per = 3
        width = (R - L) / per
        for i, (label, value) in enumerate(pairs):
            x, top = L + (i % per) * width, y + (i // per) * 26
            c.box(x, top, x + width, top + 26, stroke=RULE, width=0.5)
            c.text(x + 4, top + 9, label, 6.8, colour=GREY)
            c.fit_text(x + 4, top + 21, value, 9, width - 8, bold=i == 0)
        return y + 26 * ((len(pairs) + per - 1) // per) + 8

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        v = self.vehicle
        head = rng.choice(
            (
                f"Reparatur und Wartung {v.plate}",
                f"{self.order_label} {self.order} – {v.model.maker} {v.model.model}",
                "Werkstattleistungen an Ihrem Fahrzeug",
            )
        )
        lines = [(head, True)]
        if self.vehicle_as == "lines":
            extra = f" · Fzg.-Nr. {v.fleet}" if v.fleet else ""
            car = f"{v.model.maker} {v.model.model}, {v.model.body}"
            lines.append((f"Fahrzeug: {car} · Kennzeichen {v.plate}{extra}", False))
            lines.append((f"FIN {v.vin} · EZ {self.first_text()} · km-Stand {self.km_text()}", False))
        if self.two_days:
            lines.append((f"Annahme am {p.date(self.taken)}, Fertigstellung am {p.date(self.done)}", False))
        if self.aw_note == "subject":
            minutes = 5 if self.mode == "aw5" else 6
            lines.append(
                (f"Abrechnung nach Arbeitswerten: 1 AW = {minutes} Minuten, Stundenverrechnungssatz "
                 f"{self.amount_text(self.hourly)}", False)
            )  # fmt: skip
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        y += 4
        if self.vehicle_as == "box":
            y = self.vehicle_box(y)
        return y

    def total_rows(self, lines: list[VatLine]) -> list[tuple[str, Decimal, bool]]:
        rows = super().total_rows(lines)
        return [
            (
                (self.passed_label if label.startswith("zzgl. verauslagte") else label),
                v,
                f,
            )
            for label, v, f in rows
        ]

    def passed_texts(self, items: Sequence[LineItem]) -> list[tuple[str, bool]]:
        passed = [item for item in items if item.rate == 0]
        if not passed or self.passing != "after":
            return []
        return [
            (
                f"Die HU-Gebühr ({self.amount_text(passed[0].total)}) geben wir als durchlaufenden Posten "
                f"ohne Umsatzsteuer weiter: {self.hu_fee_note}.",
                False,
            )
        ]

    def received(self, y: float, gross: Decimal) -> float:
        """Paid on collection by card: the amount received under the totals."""
        p, rng, R = self.p, self.rng, self.RIGHT
        rows = [
            (
                rng.choice(("Betrag erhalten – EC-Karte", "Betrag dankend erhalten – EC-Karte (girocard)")),
                gross,
                False,
            )
        ]
        if rng.random() < 0.5:
            rows.append(("Offener Betrag", Decimal(0), True))
        if y + 18 * len(rows) + 10 > self.limit:
            y = self.next_page()
        c = self.c
        for text, value, final in rows:
            y += 15
            c.fit_text(R - 300, y, text, 8.8, 215, bold=final)
            c.text(R, y, p.amount(value), 8.8, bold=final, align="right")
        return y + 8

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        if self.ec:
            when = p.date(max(self.done, d.date))
            pay = f"Der Rechnungsbetrag wurde bei Abholung des Fahrzeugs am {when} per EC-Karte bezahlt."
        elif self.skonto:  # no discount on the fee passed on
            pay = self.skonto_text(due - sum((x.total for x in self.items if x.rate == 0), Decimal(0)))
        else:
            pay = self.pay_text(due)
        texts: list[tuple[str, bool]] = [(pay, True)]
        if self.aw_note == "table":
            minutes = 5 if self.mode == "aw5" else 6
            rate = self.amount_text(self.hourly)
            texts.append(
                (f"Arbeitswerte (AW): 1 AW = {minutes} Minuten; Stundenverrechnungssatz {rate} netto.", False)
            )
        texts += self.passed_texts(self.items)
        keep = len(texts)
        texts.append(
            (
                rng.choice(
                    (
                        "Auf unsere Arbeitsleistung gewähren wir 12 Monate Gewährleistung, auf "
                        "Austauschteile gelten die Bedingungen des Herstellers.",
                        "Es gelten unsere Allgemeinen Geschäftsbedingungen für die Ausführung von Arbeiten "
                        "an Kraftfahrzeugen, Anhängern und Aggregaten.",
                    )
                ),
                False,
            )
        )
        texts.append(
            (
                rng.choice(
                    (
                        "Die ausgebauten Altteile wurden gemäß Kreislaufwirtschaftsgesetz entsorgt bzw. an "
                        "den Hersteller zurückgegeben.",
                        f"Nächster Service fällig bei {self.next_km()} oder spätestens in 12 Monaten.",
                    )
                ),
                False,
            )
        )
        if rng.random() < 0.4:
            texts.append(("Vielen Dank für Ihren Auftrag und allzeit gute Fahrt!", False))
        return self.short_texts(y, texts, keep)

    def next_km(self) -> str:
        step = 100000 if self.truck else 30000
        return f"{(self.vehicle.km // step + 1) * step:,}".replace(",", ".") + " km"

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.numbered_jobs = rng.random() < 0.5
        lines = self.lines()
        shown = [x for x in lines if x.item.rate or self.passing == "before"]
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        self.letterhead(rng.choice(_WORKSHOP_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", "Werkstattrechnung", f"Rechnung Nr. {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        if not any(x.item.rate == 0 for x in shown):
            self.vat_column = False
        cols = columns(self.spec(False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(shown), rng.random() < 0.4)
        y = self.all_totals(y, vat)
        if self.ec:
            y = self.received(y, gross)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "lkw_werkstatt: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.2),
            service_date=not self.two_days,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# firmenfitness_abo

# Corporate fitness networks: (name, domain).
_NETWORKS = (
    ("Hansevita Firmenfitness GmbH", "hansevita.de"),
    ("MoveMore Corporate Fitness GmbH", "movemore-corporate.de"),
    ("FitWerk Business GmbH", "fitwerk-business.de"),
    ("Aktiv+ Firmenfitness GmbH", "aktivplus-firmenfitness.de"),
    ("VitalPass Netzwerk GmbH", "vitalpass.de"),
    ("Sportnetz Deutschland Firmenfitness GmbH", "sportnetz-firmenfitness.de"),
)
_NETWORK_TAGLINES = (
    "Firmenfitness · Über 5.000 Partnerstudios bundesweit",
    "Betriebliche Gesundheitsförderung mit einem Mitgliedsausweis",
    "Fitness, Schwimmen, Yoga & mehr – für Ihre Mitarbeitenden",
    "Ihr Partner für Corporate Fitness",
)
_EMPLOYERS = (
    "Schneider Maschinenbau GmbH",
    "Brandt Software & Consulting GmbH",
    "Nordwerk Logistik AG",
    "Stadtwerke Lindenau GmbH",
    "Kanzlei Berger & Partner mbB",
    "Lehmann Elektrotechnik GmbH & Co. KG",
    "Apotheken-Verbund Rhein eG",
    "Weber Medizintechnik GmbH",
)
_HR_CONTACTS = (
    "Personalabteilung",
    "z. Hd. HR / Benefits, Frau Nina Albers",
    "Personalwesen, Herr Tobias Kranz",
    "z. Hd. Frau Sabine Hoffmann, Personal",
    "",
)
_TIERS = (("Silver", 27, 39), ("Gold", 45, 69), ("Platinum", 84, 119))
_FIRST_NAMES = ("Lena", "Murat", "Sophie", "Dennis", "Aylin", "Tobias", "Natalia", "Kevin", "Julia", "Piotr",
                "Mareike", "Sven", "Elif", "Marco", "Jana", "Felix")  # fmt: skip
_LAST_NAMES = ("Krüger", "Öztürk", "Becker", "Wagner", "Nowak", "Schröder", "Lange", "Weiß", "Hoffmann",
               "Yıldız", "Brandt", "Kowalski", "Schmitt", "Petrov", "Sommer", "Kühn")  # fmt: skip
_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember")  # fmt: skip


@dataclass(frozen=True)
class Tier:
    """A membership tier the company offers: its name, the monthly fee, the company's share, the members."""

    name: str
    fee: Decimal
    share: Decimal
    members: int
    joined: tuple[str, ...]
    left: tuple[str, ...]

    @property
    def own(self) -> Decimal:
        return self.fee - self.share


class FirmenfitnessAbo(RemovalLook):
    """A corporate fitness network's monthly invoice: members per tier × the company's share, the employees'
    shares as information, joiners and leavers, an onboarding fee, SEPA direct debit."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, domain = rng.choice(_NETWORKS)
        self.ahead = rng.random() < 0.6
        day = calm(data.date)
        if self.ahead:  # billed at the start of the month it covers
            self.first = day.replace(day=1)
            day = workday(self.first + dt.timedelta(days=rng.randint(0, 4)))
        else:  # after the month it covers
            self.first = (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            day = workday(day.replace(day=rng.randint(1, 6)))
        self.days = calendar.monthrange(self.first.year, self.first.month)[1]
        self.last = self.first.replace(day=self.days)
        numbers = (
            f"{rng.randint(100000, 199999)}",
            f"FK-{rng.randint(1000, 9999)}",
            f"D{rng.randint(10000, 99999)}",
        )
        customer_no = rng.choice(numbers) if rng.random() < 0.75 else ""
        data = data_for(
            rng,
            data,
            name,
            f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("FF", "RE", "MB"))),
            f"{rng.choice(('firmenkunden', 'rechnung', 'service', 'b2b'))}@{domain}",
            customer_no=customer_no,
        )
        customer = dataclasses.replace(
            data.customer, name=rng.choice(_EMPLOYERS), contact=rng.choice(_HR_CONTACTS)
        )
        data = dataclasses.replace(data, customer=customer)
        super().__init__(rng, data)
        self.setup("")
        self.onboarding = rng.choice(("setup", "activation")) if rng.random() < 0.35 else ""
        if self.onboarding == "setup":  # a new contract: its first month
            self.signed = self.first - dt.timedelta(days=rng.randint(10, 40))
        else:
            self.signed = self.first - dt.timedelta(days=rng.randint(120, 1800))
        self.signed = not_in_2020(self.signed)
        year = self.signed.year
        self.contract = rng.choice(
            (
                f"FF-{year}-{rng.randint(1, 9999):04d}",
                f"V-{rng.randint(10000, 99999)}",
                f"RV {year}/{rng.randint(10, 999)}",
            )
        )
        self.mandate = f"{self.contract.replace(' ', '-')}-{rng.randint(1, 9):02d}"
        self.share_mode = rng.choice(("fixed", "fixed", "percent", "percent", "full"))
        self.share_as = rng.choice(("columns", "notes", "plain"))
        self.info = self.share_mode != "full" and (self.share_as == "plain" or rng.random() < 0.5)
        self.tiers = self.draw_tiers()
        self.info = self.info and any(
            t.own for t in self.tiers
        )  # no shares to tell of where the company pays all
        self.names = rng.random() < 0.5
        self.prorata = rng.random() < 0.35
        self.special = self.ahead and rng.random() < 0.35  # billed in advance: a cancellation credited
        self.debit = rng.random() < 0.7
        self.full_iban = self.debit and rng.random() < 0.45
        if self.debit:
            self.skonto = False
        self.own_bank = not self.debit or rng.random() < 0.6
        self.customer_iban = _bank_account(rng)
        while self.customer_iban.compact == data.iban.compact:
            self.customer_iban = _bank_account(rng)
        self.period_in_head = rng.random() < 0.5
        self.tax_hint = rng.random() < 0.4
        self.creditor = creditor_id(rng)
        self.unit = rng.choice(("Mitgl.", "MA", "Pers."))
        self.wording = rng.randrange(3)

    def draw_tiers(self) -> list[Tier]:
        rng = self.rng
        count = rng.choice((1, 1, 2, 2, 3))
        picked = sorted(rng.sample(range(3), count))
        fixed = Decimal(rng.choice((20, 25, 30, 35, 40)))
        pct = rng.choice((40, 50, 60, 70, 75))
        out = []
        people = [f"{a} {b}" for a in _FIRST_NAMES for b in _LAST_NAMES]
        rng.shuffle(people)
        for k in picked:
            name, lo, hi = _TIERS[k]
            fee = price_between(rng, lo, hi, "1") - Decimal(rng.choice(("0", "0", "0.10", "0.01")))
            if self.share_mode == "full":
                share = fee
            elif self.share_mode == "fixed":
                share = min(fee, fixed + Decimal(10 * k))
            else:
                share = round_cent(fee * pct / 100)
            members = rng.randint(2, 48)
            joined = tuple(people.pop() for _ in range(rng.choice((0, 0, 1, 1, 2, 3))))
            left = tuple(people.pop() for _ in range(rng.choice((0, 0, 0, 1, 2))))
            out.append(Tier(name, fee, share, members, joined, left))
        if not any(t.joined for t in out):
            t = out[0]
            out[0] = dataclasses.replace(t, joined=(people.pop(),))
        return out

    # -- the lines

    def month_text(self, first: dt.date | None = None) -> str:
        first = first or self.first
        return f"{_MONTHS[first.month - 1]} {first.year}"

    def tier_text(self, t: Tier) -> str:
        if self.share_mode == "full":
            words = (
                f"Firmenfitness {t.name}",
                f"Mitgliedschaft {t.name}",
                f"Tarif {t.name} je aktivem Mitglied",
            )
        else:
            words = (
                f"Firmenfitness {t.name} – Firmenanteil",
                f"Mitgliedschaft {t.name} (Arbeitgeberanteil)",
                f"Tarif {t.name} – Firmenzuschuss je aktivem Mitglied",
            )
        return words[self.wording]

    def tier_notes(self, t: Tier) -> tuple[str, ...]:
        if self.share_as != "notes" or self.share_mode == "full":
            return ()
        return (
            f"Monatsbeitrag {self.amount_text(t.fee)} je Mitglied, davon Eigenanteil Mitarbeitende "
            f"{self.amount_text(t.own)} (Einbehalt über die Entgeltabrechnung)",
        )

    def lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        out = [
            Line(
                LineItem(self.tier_text(t), "", Decimal(t.members), self.unit, t.share, 19),
                self.tier_notes(t),
            )
            for t in self.tiers
        ]
        if self.prorata:
            t = rng.choice(self.tiers)
            if self.ahead:  # a joiner of the month before, billed afterwards
                month = (self.first - dt.timedelta(days=1)).replace(day=1)
            else:
                month = self.first
            days_in = calendar.monthrange(month.year, month.month)[1]
            start = month.replace(day=rng.choice((10, 15, 16, 20)))
            days = days_in - start.day + 1
            price = round_cent(t.share * days / days_in)
            n = rng.choice((1, 1, 2))
            end = month.replace(day=days_in)
            share = f"({days}/{days_in} Tage)"
            if self.ahead:
                text = f"Nachberechnung {t.name} anteilig {p.date(start)} – {p.date(end)} {share}"
            else:
                text = f"{t.name} anteilig ab {p.date(start)} {share}"
            out.append(Line(LineItem(text, "", Decimal(n), self.unit, price, 19)))
        if self.special:
            t = rng.choice(self.tiers)
            why = rng.choice(("Umzug", "Elternzeit", "Langzeiterkrankung"))
            text = f"Gutschrift Sonderkündigung {t.name} ({why}) für {self.month_text()}"
            out.append(Line(LineItem(text, "", Decimal(1), self.unit, -t.share, 19)))
        if self.onboarding == "setup":
            text = (
                "Einmalige Einrichtungsgebühr Firmenzugang (Firmenportal, Onboarding-Webinar, Infomaterial)"
            )
            fee = price_between(rng, 149, 590, "10") - Decimal(rng.choice(("0", "1")))
            out.append(Line(LineItem(text, "", Decimal(1), "pausch.", fee, 19)))
        elif self.onboarding == "activation":
            new = sum(len(t.joined) for t in self.tiers)
            price = Decimal(rng.choice(("9.90", "14.90", "19.00", "25.00")))
            text = "Aktivierungsgebühr je Neuanmeldung (einmalig)"
            out.append(Line(LineItem(text, "", Decimal(new), self.unit, price, 19)))
        return out

    # -- the page

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 26, "left"),
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Tarif / Leistung")), 0, "left"),
            ("qty", rng.choice(("Anzahl", "Mitglieder", "Menge")), 50, "right"),
        ]
        if self.share_as == "columns" and self.share_mode != "full":
            spec += [
                ("fee", rng.choice(("Monatsbeitrag", "Beitrag")), 62, "right"),
                ("own", rng.choice(("Eigenanteil MA", "Anteil MA")), 62, "right"),
                ("price", rng.choice(("Firmenanteil", "Anteil AG")), 62, "right"),
            ]
        else:
            spec += [
                ("unit", "Einheit", 38, "left"),
                ("price", rng.choice(("Einzelpreis", "Preis je Mitglied", "EP")), 66, "right"),
            ]
        if self.vat_column:
            spec.append(("vat", "USt.", 30, "right"))
        spec.append(("total", rng.choice(("Gesamt", "Betrag", "Gesamtpreis")), 66, "right"))
        return spec

    def rows(self, lines: list[Line]) -> list[Row]:
        """The rows; the tiers' lines (the first ones) with their fee and employee share where columns print
        them."""
        out = []
        for n, line in enumerate(lines, 1):
            row = self.row(n, line)
            if n <= len(self.tiers):
                t = self.tiers[n - 1]
                row = dataclasses.replace(
                    row, values=dict(row.values, fee=self.p.number(t.fee), own=self.p.number(t.own))
                )
            out.append(row)
        return out

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Firmenkunden-Nr.")), d.customer_no))
        rows.append((rng.choice(("Vertrags-Nr.", "Vertragsnummer", "Rahmenvertrag")), self.contract))
        if self.period_in_head:
            rows.append(
                rng.choice((("Abrechnungsmonat", self.month_text()), ("Zeitraum", f"{self.first:%m/%Y}")))
            )
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        month = self.month_text()
        members = sum(t.members for t in self.tiers)
        joined = sum(len(t.joined) for t in self.tiers)
        left = sum(len(t.left) for t in self.tiers)
        heads = (
            f"Firmenfitness – Monatsabrechnung {month}",
            f"Ihre Firmenfitness-Rechnung {month}",
            f"Mitgliedsbeiträge Firmenfitness {month}",
        )
        period = (
            f"{p.date(self.first)} – {p.date(self.last)} ({'im Voraus' if self.ahead else 'nachträglich'})"
        )
        counted = f"{members} · Zugänge: {joined} · Abgänge: {left}"
        lines = [
            (rng.choice(heads), True),
            (f"{rng.choice(('Abrechnungszeitraum', 'Leistungszeitraum'))} {period}", False),
            (f"Rahmenvertrag Nr. {self.contract} vom {p.date(self.signed)}", False),
            (f"Aktive Mitglieder zum {p.date(self.first)}: {counted}", False),
        ]
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def customer_iban_text(self) -> str:
        if self.full_iban:
            return self.customer_iban.formatted if self.rng.random() < 0.6 else self.customer_iban.compact
        return masked_de(self.rng)

    def debit_texts(self, due: Decimal) -> list[tuple[str, bool]]:
        d, p, rng = self.data, self.p, self.rng
        when = workday(d.date + dt.timedelta(days=rng.choice((3, 5, 7, 10))))
        iban = self.customer_iban_text()
        bank = self.customer_iban.bank_short_name if self.full_iban else ""
        at = f" bei der {bank}" if bank and rng.random() < 0.5 else ""
        return [
            (
                rng.choice(
                    (
                        f"Der Rechnungsbetrag von {p.amount(due)} wird am {p.date(when)} per "
                        f"SEPA-Firmenlastschrift von Ihrem Konto{at} IBAN {iban} eingezogen.",
                        f"Wir buchen den Betrag von {p.amount(due)} zum {p.date(when)} von Ihrem Konto "
                        f"{iban}{at} ab (SEPA-Lastschrift). Bitte sorgen Sie für ausreichende Deckung.",
                    )
                ),
                True,
            ),
            (f"Gläubiger-ID: {self.creditor} · Mandatsreferenz: {self.mandate}", False),
        ]

    def info_text(self) -> str:
        p = self.p
        total = sum((t.own * t.members for t in self.tiers), Decimal(0))
        members = sum(t.members for t in self.tiers)
        return self.rng.choice(
            (
                f"Nachrichtlich (nicht Bestandteil dieser Rechnung): Eigenanteile Ihrer Mitarbeitenden für "
                f"{self.month_text()} gesamt {p.amount(total)} ({members} Mitglieder), Einbehalt über Ihre "
                "Entgeltabrechnung.",
                f"Hinweis: Die Eigenanteile der Mitarbeitenden von insgesamt {p.amount(total)} behalten "
                "Sie über die Gehaltsabrechnung ein; sie sind in dieser Rechnung nicht enthalten.",
            )
        )

    def movement_texts(self) -> list[tuple[str, bool]]:
        p = self.p
        joined = [f"{name} ({t.name})" for t in self.tiers for name in t.joined]
        left = [f"{name} ({t.name})" for t in self.tiers for name in t.left]
        out = []
        if joined:
            out.append((f"Zugänge zum {p.date(self.first)}: {', '.join(joined)}.", False))
        if left:
            before = self.first - dt.timedelta(days=1)
            out.append((f"Abgänge zum {p.date(before)}: {', '.join(left)} (nicht mehr berechnet).", False))
        return out

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        if self.debit:
            texts = self.debit_texts(due)
        elif rng.random() < 0.5:
            texts = [(self.pay_text(due), True)]
        else:
            texts = [
                (
                    f"Bitte überweisen Sie {p.amount(due)} bis zum {p.date(d.due_date)} auf unser Konto IBAN "
                    f"{self.iban} unter Angabe der Rechnungsnummer {d.number}.",
                    True,
                )
            ]
        if self.info:
            texts.append((self.info_text(), False))
        keep = len(texts)
        if self.names:
            texts += self.movement_texts()
        texts.append(
            (
                rng.choice(
                    (
                        "Änderungen im Mitgliederbestand melden Sie bitte bis zum 20. des Vormonats über das "
                        "Firmenportal.",
                        "Mitgliedschaften einzelner Mitarbeitender sind mit einer Frist von einem Monat zum "
                        "Monatsende kündbar.",
                    )
                ),
                False,
            )
        )
        if self.tax_hint:
            texts.append(
                (
                    "Steuerlicher Hinweis: Ob der Arbeitgeberzuschuss als Sachbezug steuerfrei bleibt (§ 8 "
                    "Abs. 2 Satz 11 EStG) oder als betriebliche Gesundheitsförderung (§ 3 Nr. 34 EStG) gilt, "
                    "prüfen Sie bitte mit Ihrer Lohnbuchhaltung.",
                    False,
                )
            )
        return self.short_texts(y, texts, keep)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}"]
        legal += self.tax_ids("USt-IdNr.", "St.-Nr.")
        contact = [s.name, s.street, s.city_line, f"Tel. {d.phone}"]
        if self.fax:
            contact.append(f"Fax {fax_of(d.phone)}")
        contact.append(d.email)
        if self.own_bank:
            third = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            if self.debit:
                third.append(f"Gläubiger-ID {self.creditor}")
        else:
            third = [f"Gläubiger-ID {self.creditor}", "Firmenkundenservice Mo–Fr 8–18 Uhr"]
        footer_columns(c, [contact, legal, third], self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        lines = self.lines()
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = vat[0].base + vat[0].amount
        s = d.supplier
        self.letterhead(rng.choice(_NETWORK_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}", "Monatsrechnung"))
        y = self.subject(self.details_block(self.head_rows(), title))
        cols = columns(self.spec(False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(lines), False)
        y = self.all_totals(y, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "firmenfitness_abo: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.2),
            service_date=False,
            customer_no=bool(d.customer_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

FUHRPARK_FAMILIES: dict[str, type[TripSheet]] = {
    "lkw_werkstatt": LkwWerkstatt,
    "firmenfitness_abo": FirmenfitnessAbo,
}


def draw_fuhrpark(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(FUHRPARK_FAMILIES[name], name, seed)
