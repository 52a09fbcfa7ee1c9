"""Two invoice layout families of a kitchen studio billing a fitted kitchen and of a property manager billing
a condominium owners' association for its management fee, designed blind (session 19).

Like `families_bau` and `families_person`, they were written without reading the field extractor and without
running it, so that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and
dispatches to `draw_kueche(name, seed)`. Both draw on `RemovalLook` of `families_umzug` (itself an
`ObjektLook`: letterheads, detail blocks, table heads, totals, footers and payment texts whose look varies
per seed), the kitchen studio's through `HandelLook` of `families_handel` (an article number column on some
seeds), and return a `TripDrawing` (truth keys only for values printed).

- `kuechen_montage`: a kitchen studio's ("Küchenstudio … e.K." with its owner, "… GmbH", a GmbH & Co. KG with
  its general partner) invoice to a business customer for a fitted kitchen: a dental practice's staff kitchen
  ("Personalküche"), an office's tea kitchen, or a flat of a holiday-flat company (then the flat's address as
  the place of installation, another than the billing address). A full kitchen, or on some seeds a small one
  (a few modules, an under-counter fridge, one day of fitting). The kitchen programme of a manufacturer
  ("Nobilia Touch 340 · Front Lack weiß matt · Korpus Weiß · Stangengriff Edelstahl 160 mm"); the cabinets
  by module with the manufacturer's type codes ("UA60-2 Auszugsunterschrank 2 Auszüge, B 60 cm", "SPUG60",
  "AH60-195"; in an article column on some seeds, before the text on the others), each with its price, or on
  some seeds listed without prices under one package price ("Küchenmöbel … lt. Planung …, bestehend aus:");
  plinth and cornice by the running metre; a discount on the furniture on some seeds ("abzgl. Projektrabatt
  8 % auf Küchenmöbel", a negative line). The worktop cut to size (laminate or solid oak by the running
  metre, quartz composite by the m²; "Zuschnitt 3.850 × 635 mm"), its cut-outs, the wall profile, a glass
  splashback on some seeds. The appliances with brand and model number (Bosch, Siemens, NEFF, Miele, AEG,
  Liebherr, BORA, berbel; the sink and tap of Blanco, Franke, Schock, Grohe, hansgrohe), the model number in
  the article column, in the text or as a note. Delivery ("Lieferung frei Verwendungsstelle"), the
  installation by two fitters (one line "2 Monteure" with the hours per day as a note, or a fitter's and a
  helper's line at two rates), connecting the appliances on some seeds, the removal and disposal of the old
  kitchen (fitters' hours and m³ or a lump sum) on most. Sections with headings (furniture, worktop,
  appliances, delivery and installation) and subtotals on some seeds. Everything at 19 %. Head: invoice
  number and date, the customer number on some seeds, the studio's order confirmation ("AB-Nr." and
  "AB-Datum" in the head, or its number in the head and "lt. Auftragsbestätigung Nr. AB-2024-0312 vom …" in
  the subject, or only the latter), the installation day under a label ("Liefer-/Montagedatum",
  "Montagetermin", "Leistungsdatum", "Montage am") when it took one day, else the delivery and the two
  installation days in the subject ("Lieferung am …, Montage am … und …"); the job ("Kommission: …"), the
  place of installation and the programme in the subject. On most seeds the deposit paid with the order
  deducted at the end ("Anzahlung lt. Auftragsbestätigung Nr. … vom …", a round gross sum): either as a gross
  deduction under the totals down to "Restzahlung" / "Restbetrag" / "Noch zu zahlen", or with its own net
  and VAT rows ("abzgl. Anzahlung … netto", "abzgl. 19 % MwSt. auf die Anzahlung"), or in a table Netto /
  USt. 19 % / Brutto instead of the totals block (the whole order's row, the deposit's row with negative
  values, the rest's row); the title is "Schlussrechnung" on some of those seeds. Notes: the payment of the
  rest (or of the whole, Skonto on some seeds without deposit); the labour share for § 35a EStG on some seeds
  ("Im Rechnungsbetrag enthaltene Lohnkosten: 1.428,00 € (inkl. 19 % MwSt.)", or as net plus VAT; the
  studio's template prints it for every customer); the acceptance of the installed kitchen, the retention of
  title, the appliances' manufacturers' guarantee. Most seeds run onto a second page (the totals alone on it
  on some). Truth: the usual keys; `kundennummer` where printed; `leistungsdatum` the installation day where
  a single one is printed under its label (none for two days); no `bestellnummer` (the order confirmation
  number is the studio's own, the type codes and model numbers are articles); `bic` where printed. With a
  deposit deducted, netto, mwst and brutto are the whole invoice's (the sum of all items, its 19 % VAT and
  their sum: the gross total before the deduction, or the table's first row), not the rest to pay: as in
  `anzahlung`, `umzug_buero`, `bueromoebel_lieferung` and `messebau_schluss`, the final invoice states the
  whole delivery and its whole VAT, the deposit is a payment on account. The § 35a labour amount and the
  deposit's net, VAT and gross are no truth values.
- `hausverwaltung_weg`: a property manager's ("Hausverwaltung … GmbH", "Immobilienverwaltung … GmbH", a GmbH
  & Co. KG) quarterly invoice to a condominium owners' association for its management fee. The customer is
  the WEG ("WEG Lindenstraße 12–14", "Wohnungseigentümergemeinschaft …", "Eigentümergemeinschaft …") at the
  property's address (for the attention of its advisory board on some seeds), or on some seeds "vertreten
  durch" / "c/o" the manager itself at the manager's own address (the seller's name and address then stand
  in the address window too). The fee: the units per month × the months ("Verwaltervergütung 24
  Wohneinheiten à 28,50 €" × 3 Monate, "Verwaltervergütung je Wohneinheit (28,50 € × 3 Monate)" × 24 WE, or
  as text "Verwaltervergütung 24 Einheiten × 28,50 € × 3 Monate" in a table with only an amount column);
  commercial units at a higher rate on some seeds, garages / parking spaces at a lower one on most; special
  fees on some seeds: an extraordinary owners' meeting ("Sonderhonorar außerordentliche
  Eigentümerversammlung am …"), handling an insurance claim (hours × rate, or a percentage of the claim),
  copies and postage (a flat rate or by the piece). All at 19 %, no Skonto. Head: invoice number and date,
  the object number ("Objekt-Nr."), a customer or debtor number ("Kunden-Nr.", "Debitor-Nr.") on some seeds,
  the quarter ("2. Quartal 2024", "Q2/2024") on some seeds; the subject names the fee and the quarter, the
  object with its number, the period ("01.04.2024 – 30.06.2024", billed in advance or in arrears) and the
  contract ("Verwaltervertrag vom …", the appointment "bis 31.12.…"); a salutation and an introducing
  sentence on some seeds. Payment: on about half the seeds the manager draws the amount from the WEG's
  account ("… vom Hausgeldkonto der WEG (IBAN …, bank) entnommen", "Belastung Hausgeldkonto …": an account of
  the customer, NOT the seller's), on the others by transfer to the manager's account (in the footer, in the
  payment sentence on some); on about half the withdrawal seeds the manager's own bank account is printed
  nowhere. Footer: address, register, managing director, USt-IdNr. and/or Steuernummer, the bank where
  printed (else the office hours), on some seeds the permit under § 34c GewO and the certified manager (§ 26a
  WEG). Truth: the usual keys; `iban` / `bic` the manager's own account where printed (never the WEG's), left
  out where only the WEG's account is printed; `bic` where printed; `kundennummer` the customer or debtor
  number where printed (the object number is no customer number); no `bestellnummer`, no `leistungsdatum` (a
  quarter).

Both keep their dates out of the second half of 2020 (German VAT 16 % then), the kitchen's order
confirmation and the meetings and claims of the manager's quarter too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from benchmarks.synth.families_bau import quarter_span
from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_handel import HandelLook, head_number, workday
from benchmarks.synth.families_more import GREY, LIGHT, columns, draw_sheet, footer_columns
from benchmarks.synth.families_objekt import calm, fax_of
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line, RemovalLook, data_for
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    VatLine,
    _bank_account,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import Align

_VAT = Decimal("1.19")

# ---------------------------------------------------------------------------
# kuechen_montage

# Kitchen studios: (name, an e.K.'s owner or a KG's general partner, domain).
_STUDIOS = (
    ("Küchenstudio Berger e.K.", "Thomas Berger", "kuechenstudio-berger.de"),
    ("Küchenstudio am Markt Yılmaz e.K.", "Murat Yılmaz", "kuechen-yilmaz.de"),
    ("Die Küchenplaner Hansen e.K.", "Ole Hansen", "kuechenplaner-hansen.de"),
    ("Küchenwerk Rhein GmbH", "", "kuechenwerk-rhein.de"),
    ("Küchenatelier Weber GmbH", "", "kuechenatelier-weber.de"),
    ("Küchen & Wohnen Albrecht GmbH", "", "albrecht-kuechen.de"),
    ("Küchenhaus Schneider GmbH & Co. KG", "Schneider Verwaltungs-GmbH", "kuechenhaus-schneider.de"),
)
_STUDIO_TAGLINES = (
    "Einbauküchen · Planung · Montage",
    "Ihr Küchenfachhändler seit 1987",
    "Küchenplanung – Elektrogeräte – Montageservice",
    "Küchen nach Maß · Mitglied im Küchen-Einkaufsverband",
)


@dataclass(frozen=True)
class Client:
    """A business customer of the studio: name, kind ("praxis", "buero", "ferien"), the kitchen's room."""

    name: str
    kind: str
    room: str


_CLIENTS = (
    Client("Zahnarztpraxis Dr. Katharina Lenz", "praxis", "Personalküche der Praxis"),
    Client("Zahnärzte am Rathausplatz Dr. Brandt & Kollegen", "praxis", "Sozialraum / Personalküche"),
    Client("Kieferorthopädie Dr. Sommer MVZ GmbH", "praxis", "Personalküche, 1. OG"),
    Client("Steuerberatung Albrecht & Partner mbB", "buero", "Teeküche, 3. OG"),
    Client("Ingenieurbüro Falk GmbH", "buero", "Mitarbeiterküche"),
    Client("Versicherungsmakler Nowak & Roth GmbH", "buero", "Teeküche Besprechungsbereich"),
    Client("Ostseeperle Ferienwohnungen GmbH", "ferien", "Ferienwohnung {n} „{flat}“"),
    Client("Alpenblick Ferienapartments GmbH & Co. KG", "ferien", "Apartment {n} „{flat}“"),
    Client("Nordsee Feriendomizil GmbH", "ferien", "Ferienwohnung {n} „{flat}“"),
)
_FLAT_PLACES = (
    ("Strandallee", "23669", "Timmendorfer Strand"),
    ("Seestraße", "83727", "Schliersee"),
    ("Dünenweg", "25980", "Sylt"),
    ("Am Kurpark", "18609", "Ostseebad Binz"),
    ("Deichstraße", "26548", "Norderney"),
)
_FLAT_NAMES = ("Möwennest", "Seeblick", "Strandkorb", "Bergblick", "Dünenglück", "Leuchtturm")

# Kitchen programmes: (manufacturer, line, fronts).
_PROGRAMS = (
    ("Nobilia", "Touch 340", ("Lack weiß matt", "Alpinweiß supermatt")),
    ("Nobilia", "Easytouch 961", ("Steingrau", "Seidengrau")),
    ("Nolte", "Lux", ("Lack Hochglanz Magnolia", "Lack Hochglanz Weiß")),
    ("Häcker", "Systemat AV 6000", ("Eiche Sierra Nachbildung", "Lack Kaschmir")),
    ("Schüller", "Biella", ("Kaschmir matt", "Lack Sand")),
    ("Bauformat", "Burger 4010", ("Arktisgrau", "Weiß matt")),
    ("Ballerina", "Tec 8", ("Anthrazit supermatt", "Kristallweiß")),
    ("Pronorm", "Y-Line", ("Sandgrau", "Lack Polarweiß")),
)
_CARCASES = ("Weiß", "Arktisgrau", "Eiche Sierra Nachbildung", "Lava schwarz")
_HANDLES = (
    "Stangengriff Edelstahl 160 mm",
    "Griffleiste schwarz matt",
    "grifflos (Griffmulde)",
    "Bügelgriff Edelstahl-Optik 128 mm",
)


@dataclass(frozen=True)
class Module:
    """A cabinet or fitting from the manufacturer's catalogue: type code, text, price range, unit."""

    code: str
    text: str
    lo: float
    hi: float
    unit: str = "Stk."


_SINK = Module("SPUG60", "Spülenunterschrank 1 Tür, B 60 cm", 190, 320)
_DISHWASHER_FRONT = Module("GS60", "Geschirrspüler-Front vollintegriert, B 60 cm", 95, 170)
_BASES = (
    Module("UA60-2", "Auszugsunterschrank 2 Auszüge, B 60 cm", 420, 690),
    Module("UA80-3", "Auszugsunterschrank 3 Auszüge, B 80 cm", 540, 860),
    Module("U45", "Unterschrank 1 Tür, 1 Einlegeboden, B 45 cm", 170, 290),
    Module("UE110", "Eckunterschrank mit Karussell-Einsatz, B 110 cm", 380, 620),
    Module("UAK60", "Kochfeldunterschrank mit Innenauszug, B 60 cm", 450, 720),
    Module("U30", "Unterschrank 1 Tür, B 30 cm", 150, 260),
)
_WALLS = (
    Module("H60-72", "Hängeschrank 1 Tür, B 60 cm, H 72 cm", 160, 280),
    Module("H40-72", "Hängeschrank 1 Tür, B 40 cm, H 72 cm", 140, 240),
    Module("HK90-36", "Klappenhängeschrank, B 90 cm, H 36 cm", 260, 430),
    Module("HG60-72", "Glashängeschrank Rahmentür, B 60 cm, H 72 cm", 240, 390),
)
_HOOD_WALL = Module("HD60", "Dunstabzugshängeschrank für Flachschirmhaube, B 60 cm", 150, 260)
_OVEN_TALL = Module("AH60-195", "Hochschrank für Einbaugeräte (Backofen/Mikrowelle), B 60 cm", 620, 980)
_OVEN_BASE = Module("HU60", "Herdumbauschrank für Einbaubackofen, B 60 cm", 210, 340)
_FRIDGE_TALL = Module("KH60-195", "Hochschrank für Einbau-Kühlgerät, Nische 178 cm, B 60 cm", 590, 940)
_TRIMS = (
    Module("PB15", "Passblende Unterschrank, B 15 cm", 39, 89),
    Module("HSV30", "Apothekerhochschrank mit Vorratsauszug, B 30 cm", 690, 1090),
    Module("LED-3", "LED-Unterbauleuchten 3er-Set mit Trafo und Schalter", 110, 220),
)
_PLINTH = Module("SO10", "Sockelblende H 10 cm, passend zur Front", 29, 59, "lfm")
_CORNICE = Module("KL4", "Kranzleiste / Lichtblende 4 cm", 24, 49, "lfm")

# Appliances: each kind's text, and the models (kind, brand and series, model number, price range).
_KIND_TEXTS = {
    "spuele": "Einbauspüle",
    "armatur": "Spültischarmatur",
    "geschirrspueler": "Geschirrspüler vollintegrierbar 60 cm",
    "backofen": "Einbau-Backofen",
    "kochfeld": "Induktionskochfeld 60 cm",
    "bora": "Kochfeld mit integriertem Dunstabzug",
    "kuehl": "Einbau-Kühlschrank 178 cm",
    "kuehl_unter": "Unterbau-Kühlschrank 82 cm",
    "haube": "Flachschirmhaube 60 cm",
    "mikro": "Einbau-Mikrowelle",
}
_MODELS = (
    ("spuele", "Blanco SUBLINE 500-U Silgranit", "526003", 289, 419),
    ("spuele", "Franke Maris MRG 610-58", "114.0198.498", 249, 369),
    ("spuele", "Schock Mono D-100", "MOND100AGRA", 229, 339),
    ("armatur", "Grohe Minta", "32321002", 159, 239),
    ("armatur", "hansgrohe Talis M54", "72800000", 179, 269),
    ("armatur", "Blanco Linus-S", "516690", 199, 289),
    ("geschirrspueler", "Bosch Serie 4", "SMV4HVX00E", 549, 749),
    ("geschirrspueler", "Siemens iQ300", "SN63HX02AE", 599, 799),
    ("geschirrspueler", "Miele", "G 7160 SCVi", 1099, 1399),
    ("geschirrspueler", "NEFF N 50", "S155HVX00E", 599, 799),
    ("backofen", "Siemens iQ500", "HB578ABS0", 599, 849),
    ("backofen", "Bosch Serie 6", "HBG578BB3", 649, 899),
    ("backofen", "NEFF N 70 Slide&Hide", "B57CR22N0", 849, 1149),
    ("backofen", "AEG", "BPE535160M", 549, 749),
    ("kochfeld", "NEFF N 70", "T36FB41X0", 599, 849),
    ("kochfeld", "Bosch Serie 6", "PIE631FB1E", 449, 649),
    ("kochfeld", "Siemens iQ700", "EX675LYC1E", 899, 1199),
    ("bora", "BORA Pure", "PURSU", 2290, 2790),
    ("kuehl", "Liebherr", "IRBe 5120 Plus", 999, 1349),
    ("kuehl", "Bosch Serie 4", "KIR81AFE0", 749, 949),
    ("kuehl", "AEG", "SKE818E1DC", 699, 899),
    ("kuehl", "Siemens iQ500", "KI86NADD0", 1049, 1349),
    ("kuehl_unter", "Liebherr", "UIK 1510 Comfort", 599, 799),
    ("kuehl_unter", "Bosch Serie 6", "KUR21ADE0", 629, 829),
    ("haube", "berbel", "BEH 60 FL", 649, 899),
    ("haube", "Bosch Serie 4", "DFS067A51", 349, 499),
    ("haube", "NEFF N 50", "D46ED52X1", 399, 549),
    ("mikro", "Siemens iQ700", "BF634LGS1", 449, 599),
    ("mikro", "Bosch Serie 8", "BFL634GB1", 499, 649),
)
_TOPS = (
    ("Schichtstoff-Arbeitsplatte {decor}, 38 mm, Kante ABS", "lfm", 79, 189),
    ("Massivholz-Arbeitsplatte Eiche geölt, 40 mm", "lfm", 229, 389),
    ("Quarzkomposit-Arbeitsplatte {stone}, 20 mm, Kanten poliert", "m²", 389, 690),
)
_DECORS = ("Beton grau", "Eiche Sierra", "Marmor Carrara", "Schiefer anthrazit", "Weiß matt")
_STONES = ("Silestone Calacatta Gold", "Caesarstone Fresh Concrete", "Compac Absolute Blanc")
_SECTIONS = ("Küchenmöbel", "Arbeitsplatte", "Elektrogeräte und Spüle", "Lieferung und Montage")
_FITTERS = ("Herr Kaya", "Herr Schmitz", "Herr Wagner", "Herr Nowak", "Herr Böhm", "Herr Lindner")
_DAY_LABELS = ("Liefer-/Montagedatum", "Montagetermin", "Leistungsdatum", "Montage am")


def short_name(name: str) -> str:
    """A customer's name without its legal form: "Ingenieurbüro Falk GmbH" -> "Ingenieurbüro Falk"."""
    for form in (" GmbH & Co. KG", " MVZ GmbH", " GmbH", " mbB"):
        if name.endswith(form):
            return name[: -len(form)]
    return name


def line_of(
    text: str, qty: Decimal, unit: str, price: Decimal, group: int, notes: tuple[str, ...] = ()
) -> Line:
    """A table line at 19 % without an article number."""
    return Line(LineItem(text, "", qty, unit, price, 19), notes, group)


def hours_text(value: Decimal) -> str:
    """Hours with one decimal: 7,5."""
    return f"{value:.1f}".replace(".", ",")


class KuechenMontage(HandelLook):
    """A kitchen studio's invoice for a fitted kitchen: modules, worktop, appliances, fitting, deposit."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner, domain = rng.choice(_STUDIOS)
        self.client = rng.choice(_CLIENTS)
        # a small kitchen (a pantry, a tea kitchen: a few modules, under-counter appliances) or a full one
        self.small = rng.random() < {"ferien": 0.6, "buero": 0.5}.get(self.client.kind, 0.3)
        self.two_days = not self.small and rng.random() < 0.4
        self.delivered = workday(calm(data.date))
        self.fitted = self.delivered
        self.second = workday(self.delivered + dt.timedelta(days=1))
        day = workday((self.second if self.two_days else self.fitted) + dt.timedelta(days=rng.randint(1, 12)))
        self.confirmed = self.delivered - dt.timedelta(days=rng.randint(35, 85))
        kg = "KG" in name or name.endswith("e.K.")
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if kg else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("RE", "KR", "R"))),
            f"{rng.choice(('info', 'rechnung', 'buchhaltung', 'kontakt'))}@{domain}",
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"K-{rng.randint(1000, 9999)}"))
            if rng.random() < 0.5
            else "",
            service_date=None if self.two_days else self.fitted,
        )
        customer = dataclasses.replace(data.customer, name=self.client.name)
        data = dataclasses.replace(data, customer=customer)
        super().__init__(rng, data)
        self.setup(owner)
        self.site = self.draw_site()
        self.program = rng.choice(_PROGRAMS)
        self.front = rng.choice(self.program[2])
        self.carcase = rng.choice(_CARCASES)
        self.handle = rng.choice(_HANDLES)
        self.ab = rng.choice(
            (
                f"AB-{self.confirmed.year}-{rng.randint(100, 999):04d}",
                f"{self.confirmed.year % 100}{rng.randint(1000, 9999)}",
                f"A {rng.randint(10000, 49999)}",
            )
        )
        self.ab_in_head = rng.random() < 0.6
        self.ab_rows = rng.random() < 0.5  # AB number and date as two rows (else the number alone)
        self.plan = f"P-{rng.randint(1000, 9999)}" if rng.random() < 0.4 else ""
        self.job = rng.choice((self.room, f"{short_name(self.client.name)} – {self.room}"))
        self.art_column = rng.random() < 0.5
        self.package = rng.random() < 0.3  # the modules listed without prices under one package price
        self.sections = rng.random() < 0.5
        self.subtotals = self.sections and rng.random() < 0.6
        self.discount = rng.choice((5, 8, 10, 12, 15)) if rng.random() < 0.35 else 0
        self.fitting = rng.choice(("team", "team", "pair"))
        self.connect = rng.random() < 0.6
        self.old = rng.random() < 0.65
        self.old_as = rng.choice(("volume", "flat"))
        self.labour_note = rng.choice(("gross", "net", "")) if rng.random() < 0.6 else ""
        self.deposit = rng.random() < 0.7
        self.deposit_as = rng.choice(("gross", "gross", "split", "table"))
        if self.deposit:
            self.skonto = False
        self.day_label = rng.choice(_DAY_LABELS)
        self.fitters = rng.sample(_FITTERS, 2)

    # -- the choices

    @property
    def room(self) -> str:
        return self.site[0]

    def draw_site(self) -> tuple[str, str]:
        """The kitchen's room and the address it was installed at."""
        rng, c = self.rng, self.data.customer
        if self.client.kind != "ferien":
            return self.client.room, f"{c.street}, {c.city_line}"
        street, plz, city = rng.choice(_FLAT_PLACES)
        room = self.client.room.format(n=rng.randint(1, 12), flat=rng.choice(_FLAT_NAMES))
        return room, f"{street} {rng.randint(1, 60)}, {plz} {city}"

    def modules(self) -> list[tuple[Module, int]]:
        """The cabinets and fittings of this kitchen with their counts, as the plan lists them."""
        rng, kinds = self.rng, self.kinds
        out: list[tuple[Module, int]] = [(_SINK, 1)]
        if "geschirrspueler" in kinds:
            out.append((_DISHWASHER_FRONT, 1))
        if self.small:
            out.append(
                (_BASES[4] if "kochfeld" in kinds else rng.choice((_BASES[0], _BASES[2], _BASES[5])), 1)
            )
            out.append((rng.choice(_WALLS), rng.choice((1, 2))))
            return out
        for m in rng.sample(_BASES, rng.choice((1, 2, 2, 3))):
            out.append((m, 1))
        if "backofen" in kinds:
            out.append((_OVEN_TALL if self.tall_oven else _OVEN_BASE, 1))
        if "kuehl" in kinds:
            out.append((_FRIDGE_TALL, 1))
        for m in rng.sample(_WALLS, rng.choice((1, 2, 2, 3))):
            out.append((m, rng.choice((1, 1, 2, 3))))
        if "haube" in kinds:
            out.append((_HOOD_WALL, 1))
        for m in rng.sample(_TRIMS, rng.choice((0, 0, 1, 2))):
            out.append((m, 1 if m.code != "PB15" else rng.choice((1, 2))))
        return out

    def draw_kinds(self) -> list[str]:
        rng = self.rng
        if self.small:
            kinds = ["spuele", "armatur"] + (["geschirrspueler"] if rng.random() < 0.8 else [])
            return kinds + ["kuehl_unter"] + [k for k in ("kochfeld", "mikro") if rng.random() < 0.4]
        kinds = ["spuele", "armatur", "geschirrspueler"]
        if self.client.kind == "ferien" or rng.random() < 0.6:
            if rng.random() < 0.15:
                kinds.append("bora")
            else:
                kinds += ["kochfeld", "haube"] if rng.random() < 0.75 else ["kochfeld"]
            kinds.append("backofen")
        kinds.append("kuehl" if rng.random() < 0.6 else "kuehl_unter")
        if rng.random() < 0.35:
            kinds.append("mikro")
        return kinds

    # -- the lines

    def module_item(self, m: Module, count: int, length: Decimal) -> LineItem:
        rng = self.rng
        qty = length if m.unit == "lfm" else Decimal(count)
        return LineItem(m.text, m.code, qty, m.unit, price_between(rng, m.lo, m.hi, "1"), 19)

    def furniture_lines(self, length: Decimal) -> list[Line]:
        rng = self.rng
        maker, line, _ = self.program
        picked = self.modules()
        items = [self.module_item(m, n, length) for m, n in picked]
        items.append(self.module_item(_PLINTH, 1, length))
        if not self.small and rng.random() < 0.4:
            items.append(self.module_item(_CORNICE, 1, round_cent(length * Decimal("0.6"))))
        self.listed = items
        if self.package:
            total = sum((x.total for x in items), Decimal(0))
            price = (total / 10).quantize(Decimal(1)) * 10
            plan = f" Nr. {self.plan}" if self.plan else ""
            text = f"Küchenmöbel {maker} {line} lt. Planung{plan}, bestehend aus:"
            return [Line(LineItem(text, "", Decimal(1), "pausch.", price, 19), group=0)]
        out = []
        for k, item in enumerate(items):
            notes = (f"{maker} {line} · Front {self.front} · Korpus {self.carcase}",) if k == 0 else ()
            if not self.art_column:
                item = dataclasses.replace(item, description=f"{item.article} {item.description}")
            out.append(Line(item, notes, group=0))
        if self.discount:
            base = sum((x.item.total for x in out), Decimal(0))
            cut = round_cent(base * self.discount / 100)
            text = rng.choice(
                (
                    f"abzgl. Projektrabatt {self.discount} % auf Küchenmöbel",
                    f"Sonderrabatt {self.discount} % auf die Küchenmöbel ({self.amount_text(base)})",
                )
            )
            out.append(Line(LineItem(text, "", Decimal(1), "", -cut, 19), group=0))
        return out

    def top_lines(self, length: Decimal) -> list[Line]:
        rng, p = self.rng, self.p
        text, unit, lo, hi = rng.choice(_TOPS)
        text = text.format(decor=rng.choice(_DECORS), stone=rng.choice(_STONES))
        depth = rng.choice((600, 635, 650))
        cut = f"Zuschnitt {int(length * 1000):,} × {depth} mm".replace(",", ".")
        if unit == "m²":
            qty = round_cent(length * Decimal(depth) / 1000)
            note = f"{cut} = {p.number(qty)} m², nach Aufmaß vom {p.date(self.confirmed)}"
        else:
            qty = length
            note = f"{cut}, Stoßverbindung mit Verbindungsbeschlag" if length > 3 else cut
        out = [line_of(text, qty, unit, price_between(rng, lo, hi, "1"), 1, (note,))]
        cuts = [("Ausschnitt Spüle (Unterbau) inkl. Versiegelung", 65, 240)]
        if "bora" in self.kinds or "kochfeld" in self.kinds:
            hob = "Ausschnitt Kochfeld flächenbündig" if unit == "m²" else "Ausschnitt Kochfeld"
            cuts.append((hob, 45, 190))
        if not self.small and rng.random() < 0.4:
            cuts.append(("Bohrung Armatur", 15, 45))
        for desc, lo_, hi_ in cuts:
            out.append(line_of(desc, Decimal(1), "Stk.", price_between(rng, lo_, hi_, "1"), 1))
        profile = round_cent(length + Decimal(rng.choice(("0", "0.6", "0.65"))))
        out.append(
            line_of("Wandabschlussprofil, passend zur Arbeitsplatte", profile, "lfm",
                    price_between(rng, 18, 39, "1"), 1)
        )  # fmt: skip
        if not self.small and rng.random() < 0.3:
            glass = f"Nischenrückwand Glas ESG 6 mm, {rng.choice(('weiß', 'grau', 'anthrazit'))}"
            area = round_cent(length * Decimal("0.55"))
            note = ("H 550 mm, nach Aufmaß, inkl. Montage",)
            out.append(line_of(glass, area, "m²", price_between(rng, 189, 349, "1"), 1, note))
        return out

    def appliance_lines(self) -> list[Line]:
        rng = self.rng
        out = []
        for kind in self.kinds:
            text = _KIND_TEXTS[kind]
            _, brand, model, lo, hi = rng.choice([m for m in _MODELS if m[0] == kind])
            price = price_between(rng, lo, hi, "1") - Decimal(rng.choice(("0", "0.10", "0.01")))
            if self.art_column:
                item = LineItem(f"{text}, {brand}", model, Decimal(1), "Stk.", price, 19)
                notes: tuple[str, ...] = ()
            elif rng.random() < 0.5:
                item = LineItem(f"{text}, {brand} {model}", "", Decimal(1), "Stk.", price, 19)
                notes = ()
            else:
                item = LineItem(f"{text}, {brand}", "", Decimal(1), "Stk.", price, 19)
                notes = (f"Modell {model}",)
            out.append(Line(item, notes, group=2))
        if self.guarantee:  # on the dearest appliance
            k = max(range(len(out)), key=lambda i: out[i].item.unit_price)
            note = "inkl. 5 Jahre Herstellergarantie (Registrierung durch den Kunden)"
            out[k] = dataclasses.replace(out[k], notes=(*out[k].notes, note))
        return out

    def fitting_hours(self) -> list[tuple[dt.date, Decimal]]:
        """The hours each of the two fitters worked, per installation day."""
        rng = self.rng
        first = Decimal(rng.randint(6, 12) if self.small else rng.randint(12, 18)) / 2
        if not self.two_days:
            return [(self.fitted, first)]
        return [(self.fitted, first), (self.second, Decimal(rng.randint(6, 14)) / 2)]

    def service_lines(self) -> list[Line]:
        rng, p, one = self.rng, self.p, Decimal(1)
        floor = rng.choice(("EG", "1. OG", "2. OG ohne Aufzug", "3. OG mit Aufzug"))
        text = rng.choice(("Lieferung frei Verwendungsstelle", f"Anlieferung und Vertragen bis {floor}"))
        note = (f"Anlieferung am {p.date(self.delivered)}",) if self.two_days else ()
        out = [line_of(text, one, "pausch.", price_between(rng, 95, 290, "5"), 3, note)]
        days = self.fitting_hours()
        per_fitter = sum((h for _, h in days), Decimal(0))
        rate = price_between(rng, 52, 72, "0.50")
        when = " · ".join(f"{p.date(d)}: 2 × {hours_text(h)} Std." for d, h in days)
        labour: list[Line] = []
        if self.fitting == "team":
            text = rng.choice(("Küchenmontage durch 2 Monteure", "Montage der Küche (2 Monteure)"))
            notes = (when, f"Monteure: {self.fitters[0]}, {self.fitters[1]}")
            labour.append(line_of(text, per_fitter * 2, "Std.", rate, 3, notes[: rng.choice((1, 2))]))
        else:
            helper = rate - price_between(rng, 8, 16, "0.50")
            labour.append(
                line_of("Montage Küchenmonteur", per_fitter, "Std.", rate, 3, (when.replace("2 × ", ""),))
            )
            labour.append(line_of("Montage Montagehelfer", per_fitter, "Std.", helper, 3))
        if self.connect and self.small:
            text = "Anschluss der Elektrogeräte und der Spüle (Wasser/Abwasser)"
            labour.append(line_of(text, one, "pausch.", price_between(rng, 79, 169, "1"), 3))
        elif self.connect:
            text = "Elektroanschluss Kochfeld und Backofen (Festanschluss 400 V)"
            if "backofen" not in self.kinds:
                text = "Elektroanschluss der Einbaugeräte"
            labour.append(line_of(text, one, "pausch.", price_between(rng, 89, 189, "1"), 3))
            text = "Wasser- und Abwasseranschluss Spüle und Geschirrspüler"
            labour.append(line_of(text, one, "pausch.", price_between(rng, 69, 149, "1"), 3))
        if self.old and not self.small:
            hours = Decimal(rng.randint(3, 8)) / 2
            notes = (f"2 × {hours_text(hours)} Std.",)
            labour.append(line_of("Demontage der Altküche (2 Monteure)", hours * 2, "Std.", rate, 3, notes))
        self.labour = sum((x.item.total for x in labour), Decimal(0))
        out += labour
        if self.old and self.small:
            text = "Demontage und Entsorgung der alten Küchenzeile, pauschal"
            out.append(line_of(text, one, "pausch.", price_between(rng, 120, 280, "10"), 3))
        elif self.old and self.old_as == "volume":
            m3 = Decimal(rng.randint(4, 12)) / 2
            text = "Entsorgung Altküche und Elektroaltgeräte"
            out.append(line_of(text, m3, "m³", price_between(rng, 45, 85, "1"), 3))
        elif self.old:
            text = "Entsorgung der Altküche inkl. Elektroaltgeräte, pauschal"
            out.append(line_of(text, one, "pausch.", price_between(rng, 150, 350, "10"), 3))
        return out

    def lines(self) -> list[Line]:
        rng = self.rng
        self.kinds = self.draw_kinds()
        self.tall_oven = rng.random() < 0.6
        self.guarantee = rng.random() < 0.3
        length = Decimal(rng.randint(36, 56) if self.small else rng.randint(56, 116)) * Decimal("0.05")
        return (
            self.furniture_lines(length)
            + self.top_lines(length)
            + self.appliance_lines()
            + self.service_lines()
        )

    # -- the page

    def qty_text(self, item: LineItem) -> str:
        if item.unit in ("lfm", "m²", "m³"):
            return self.p.number(item.quantity)
        return quantity(item.quantity, self.p)

    def module_rows(self) -> list[Row]:
        """The modules of the package, without prices, under its line."""
        out = []
        for item in self.listed:
            qty = self.qty_text(item)
            desc = f"– {item.description}" if self.art_column else f"– {item.article} {item.description}"
            out.append(Row("item", {"art": item.article, "desc": desc, "qty": qty, "unit": item.unit}))
        return out

    def rows(self, lines: list[Line]) -> list[Row]:
        p = self.p
        out: list[Row] = []
        for n, line in enumerate(lines, 1):
            first = n == 1 or lines[n - 2].group != line.group
            if self.sections and first:
                out.append(Row("group", {"desc": _SECTIONS[line.group]}))
            out.append(self.row(n, line))
            if self.package and n == 1:
                notes = (f"Front {self.front} · Korpus {self.carcase} · {self.handle}",)
                out[-1] = dataclasses.replace(out[-1], notes=notes)
                out += self.module_rows()
            last = n == len(lines) or lines[n].group != line.group
            if self.subtotals and last:
                total = sum((x.item.total for x in lines if x.group == line.group), Decimal(0))
                out.append(Row("sum", {"desc": f"Summe {_SECTIONS[line.group]}", "total": p.number(total)}))
        return out

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Ihre Kd.-Nr.")), d.customer_no))
        if self.ab_in_head:
            if self.ab_rows:
                rows += [("AB-Nr.", self.ab), ("AB-Datum", p.date(self.confirmed))]
            else:
                rows.append((rng.choice(("Auftragsbest.", "AB-Nr.", "Auftrag")), self.ab))
        if not self.two_days:
            rows.append((self.day_label, p.date(self.fitted)))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        maker, line, _ = self.program
        lines = [
            (
                rng.choice(
                    (
                        "Lieferung und Montage einer Einbauküche",
                        "Einbauküche – Lieferung und Montage",
                        f"Kommission: {self.job}",
                    )
                ),
                True,
            ),
            (
                f"{rng.choice(('Montageort', 'Lieferanschrift', 'Aufstellort'))}: {self.room}, "
                f"{self.site[1]}",
                False,
            ),
            (f"Programm: {maker} {line} · Front {self.front} · Korpus {self.carcase} · {self.handle}", False),
        ]
        if self.two_days:
            days = (
                f"Lieferung am {p.date(self.delivered)}, Montage am {p.date(self.fitted)} und "
                f"{p.date(self.second)}"
            )
            lines.append((days, False))
        if not self.ab_in_head or not self.ab_rows:
            plan = f", Planung Nr. {self.plan}" if self.plan and not self.package else ""
            lines.append((f"lt. Auftragsbestätigung Nr. {self.ab} vom {p.date(self.confirmed)}{plan}", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def deposit_parts(self, gross: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """The deposit paid with the order: a round gross sum (30 to 50 % of the gross), its net and VAT."""
        share = Decimal(self.rng.choice(("0.3", "0.4", "0.5")))
        step = 500 if gross > 6000 else 100
        paid = max(Decimal(step), (gross * share / step).to_integral_value(rounding=ROUND_FLOOR) * step)
        net = round_cent(paid / _VAT)
        return paid, net, paid - net

    def deposit_label(self, short: bool) -> str:
        p, rng = self.p, self.rng
        if short:
            return f"abzgl. Anzahlung (AB {self.ab} vom {p.date(self.confirmed)})"
        return rng.choice(
            (
                f"abzgl. Anzahlung lt. Auftragsbestätigung Nr. {self.ab} vom {p.date(self.confirmed)}",
                f"abzgl. geleistete Anzahlung vom {p.date(self.confirmed)} (AB {self.ab})",
            )
        )

    def deduction(self, y: float, gross: Decimal) -> tuple[float, Decimal]:
        """The deposit deducted under the totals, gross or with its net and VAT; the baseline after it and the
        rest to pay."""
        p, rng = self.p, self.rng
        paid, net, tax = self.deposit_parts(gross)
        label = self.deposit_label(False)
        if self.deposit_as == "gross":
            rows = [(label, -paid, False)]
        else:
            rows = [
                (f"{label}, netto", -net, False),
                ("abzgl. 19 % MwSt. auf die Anzahlung", -tax, False),
            ]
        rest = gross - paid
        rows.append((rng.choice(("Restzahlung", "Restbetrag", "Noch zu zahlen")), rest, True))
        if y + 16 * len(rows) + 10 > self.limit:
            y = self.next_page()
        c, R = self.c, self.RIGHT
        for text, value, final in rows:
            y += 15
            if final:
                c.line(R - 330, y - 11, R, y - 11, width=0.6)
            c.fit_text(R - 330, y, text, 8.8, 245, bold=final)
            c.text(R, y, p.amount(value), 9.3 if final else 8.8, bold=final, align="right")
        return y + 8, rest

    def deposit_table(self, y: float, vat: VatLine) -> tuple[float, Decimal]:
        """The whole order, the deposit and the rest as rows of a table Netto / USt. / Brutto, instead of the
        totals block; the baseline after it and the rest to pay."""
        p, rng, L, R = self.p, self.rng, self.LEFT, self.RIGHT
        gross = vat.base + vat.amount
        paid, net, tax = self.deposit_parts(gross)
        unit = " EUR"  # the cells print numbers alone
        rows = [
            (rng.choice(("Gesamtbetrag Lieferung und Montage", "Auftragssumme gesamt", "Gesamtbetrag")),
             vat.base, vat.amount, gross, False),
            (self.deposit_label(True), -net, -tax, -paid, False),
            (rng.choice(("Restzahlung", "Restbetrag")), vat.base - net, vat.amount - tax, gross - paid, True),
        ]  # fmt: skip
        if y + 16 * 5 + 10 > self.limit:
            y = self.next_page()
        c = self.c
        spec: list[tuple[str, str, float, Align]] = [
            ("label", "", 0, "left"),
            ("net", f"Netto{unit}", 84, "right"),
            ("vat", f"USt. 19 %{unit}", 80, "right"),
            ("gross", f"Brutto{unit}", 88, "right"),
        ]
        cols = columns(spec, L + 40, R)
        y += 12
        c.box(L + 40, y, R, y + 15, fill=LIGHT, stroke=None)
        for col in cols:
            c.text(col.anchor, y + 10.5, col.head, 7.8, bold=True, align=col.align)
        y += 15
        for label, a, b, g, final in rows:
            y += 15
            if final:
                c.line(L + 40, y - 11, R, y - 11, width=0.6)
            values = {"label": label, "net": p.number(a), "vat": p.number(b), "gross": p.number(g)}
            for col in cols:
                c.fit_text(col.anchor, y, values[col.key], 8.6, col.width, bold=final, align=col.align)
        return y + 10, gross - paid

    def labour_text(self) -> str:
        p, labour = self.p, self.labour
        tax = round_cent(labour * Decimal("0.19"))
        if self.labour_note == "gross":
            return self.rng.choice(
                (
                    f"Im Rechnungsbetrag enthaltene Lohnkosten: {p.amount(labour + tax)} (inkl. 19 % MwSt.).",
                    f"Lohnkostenanteil gemäß § 35a EStG: {p.amount(labour + tax)} inkl. MwSt.",
                )
            )
        return (
            f"Im Rechnungsbetrag enthaltene Lohnkosten (§ 35a EStG): {p.amount(labour)} netto zzgl. "
            f"{p.amount(tax)} MwSt."
        )

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        if self.deposit:
            pay = rng.choice(
                (
                    f"Bitte überweisen Sie die Restzahlung von {p.amount(due)} bis zum {p.date(d.due_date)} "
                    "ohne Abzug.",
                    f"Der Restbetrag ist zahlbar innerhalb von {(d.due_date - d.date).days} Tagen nach "
                    "Erhalt "
                    "der Rechnung ohne Abzug.",
                )
            )
        else:
            pay = self.pay_text(due)
        texts: list[tuple[str, bool]] = [(pay, True)]
        if self.labour_note:
            texts.append((self.labour_text(), False))
        keep = len(texts)
        last = self.second if self.two_days else self.fitted
        texts.append(
            (
                rng.choice(
                    (
                        f"Die Küche wurde am {p.date(last)} vollständig montiert und ohne Beanstandungen "
                        "abgenommen (Abnahmeprotokoll).",
                        "Die Montage wurde mit dem Abnahmeprotokoll ohne Mängel bestätigt.",
                    )
                ),
                False,
            )
        )
        texts.append(("Die gelieferte Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.", False))
        if rng.random() < 0.5:
            texts.append(
                (
                    "Für die Elektrogeräte gelten die Garantiebedingungen der Hersteller; bitte bewahren Sie "
                    "diese Rechnung als Garantienachweis auf.",
                    False,
                )
            )
        return self.short_texts(y, texts, keep)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        lines = self.lines()
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = vat[0].base + vat[0].amount
        s = d.supplier
        self.letterhead(rng.choice(_STUDIO_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        if self.deposit and rng.random() < 0.4:
            title = "Schlussrechnung"
        y = self.subject(self.details_block(self.head_rows(), title))
        self.vat_column = False
        cols = columns(self.spec_with_art(self.art_column, False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(lines), rng.random() < 0.5)
        due = gross
        if self.deposit and self.deposit_as == "table":
            y, due = self.deposit_table(y, vat[0])
        else:
            y = self.all_totals(y, vat)
            if self.deposit:
                y, due = self.deduction(y, gross)
        y = self.closing(y, due)
        assert y < self.limit + 6, "kuechen_montage: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.25),
            service_date=not self.two_days,
            customer_no=bool(d.customer_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# hausverwaltung_weg

# Property managers: (name, a KG's general partner, domain).
_MANAGERS = (
    ("Rheinische Hausverwaltung Kolb GmbH", "", "hv-kolb.de"),
    ("Immobilienverwaltung Falk GmbH", "", "falk-verwaltung.de"),
    ("Nordstern WEG-Verwaltung GmbH", "", "nordstern-verwaltung.de"),
    ("Hausverwaltung Schröder & Partner GmbH", "", "schroeder-hausverwaltung.de"),
    ("Quartier Immobilienverwaltung GmbH & Co. KG", "Quartier Verwaltungs-GmbH", "quartier-hv.de"),
    ("Hausverwaltung Demir GmbH", "", "hausverwaltung-demir.de"),
    ("Lorenz Haus- und Grundstücksverwaltung GmbH", "", "lorenz-verwaltung.de"),
)
_MANAGER_TAGLINES = (
    "WEG-Verwaltung · Mietverwaltung · Sondereigentumsverwaltung",
    "Ihre Hausverwaltung vor Ort",
    "Immobilienverwaltung mit Herz und Verstand",
    "Verwaltung von Wohnungseigentum seit 1992",
)
_WEG_STREETS = ("Lindenstraße", "Kastanienallee", "Am Stadtgarten", "Rosenweg", "Parkstraße", "Goethestraße",
                "Brunnenstraße", "Am Weinberg")  # fmt: skip
_BOARD = (
    "z. Hd. Verwaltungsbeirat Herrn Dieter Sommer",
    "z. Hd. des Verwaltungsbeirats, Frau Ilse Brückner",
    "Verwaltungsbeirat: Herr Cem Aksoy",
    "",
)
# Units of a property: (plural, singular, abbreviation).
_RESIDENTIAL = (("Wohneinheiten", "Wohneinheit", "WE"), ("Einheiten", "Einheit", "WE"))
_COMMERCIAL = ("Gewerbeeinheiten", "Gewerbeeinheit", "GE")
_PARKING = (
    ("Tiefgaragenstellplätze", "TG-Stellplatz", "TG"),
    ("Garagen", "Garage", "Gar."),
    ("Stellplätze", "Stellplatz", "Stpl."),
)
_DAMAGES = ("Leitungswasserschaden", "Sturmschaden Dach", "Glasbruch Treppenhaus", "Rohrbruch Keller")
_OPENING = (
    "Geschäftszeiten: Mo–Do 9–16 Uhr, Fr 9–12 Uhr",
    "Sprechzeiten: Di und Do 9–12 Uhr sowie nach Vereinbarung",
)


class HausverwaltungWeg(RemovalLook):
    """A property manager's quarterly fee invoice to a WEG: units × rate × months, special fees."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, partner, domain = rng.choice(_MANAGERS)
        self.ahead = rng.random() < 0.6
        day = calm(data.date)
        first_month = 3 * ((day.month - 1) // 3) + 1
        day = workday(
            day.replace(month=first_month, day=rng.randint(1, 10) if self.ahead else rng.randint(3, 20))
        )
        self.quarter, self.q_start, self.q_end = quarter_span(day, self.ahead)
        numbers = (
            f"{rng.randint(10000, 99999)}",
            f"D{rng.randint(1000, 9999)}",
            f"20{rng.randint(100, 999)}",
        )
        customer_no = rng.choice(numbers) if rng.random() < 0.4 else ""
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("VH", "HV", "RE"))),
            f"{rng.choice(('info', 'verwaltung', 'buchhaltung', 'weg'))}@{domain}",
            customer_no=customer_no,
        )
        s = data.supplier
        street = rng.choice([x for x in _WEG_STREETS if not s.street.startswith(x)])
        a = rng.randint(1, 60)
        self.numbers = rng.choice((f"{a}", f"{a}–{a + 2}", f"{a}a–{a}c", f"{a}–{a + 4}"))
        self.weg_street = f"{street} {self.numbers}"
        self.weg_place = f"{self.weg_street}, {s.city_line}"
        self.weg_word = rng.choice(("WEG", "Wohnungseigentümergemeinschaft", "Eigentümergemeinschaft"))
        self.represented = rng.random() < 0.35
        if self.represented:
            customer = dataclasses.replace(
                data.customer,
                name=f"{self.weg_word} {self.weg_place}",
                contact=rng.choice(
                    (f"vertreten durch die {name}", f"c/o {name}", f"vertr. d. d. Verwalter {name}")
                ),
                street=s.street,
                plz=s.plz,
                city=s.city,
            )
        else:
            customer = dataclasses.replace(
                data.customer,
                name=f"{self.weg_word} {self.weg_street}",
                contact=rng.choice(_BOARD),
                street=f"{street} {a}",
                plz=s.plz,
                city=s.city,
            )
        data = dataclasses.replace(data, customer=customer)
        super().__init__(rng, data)
        self.setup(partner)
        self.object_no = rng.choice(
            (f"{rng.randint(100, 999):04d}", f"WEG-{rng.randint(100, 999)}", f"O-{rng.randint(1000, 4999)}")
        )
        self.signed = self.q_start - dt.timedelta(days=rng.randint(200, 1700))
        self.appointed_until = dt.date(self.signed.year + rng.choice((3, 5)), 12, 31)
        while self.appointed_until < self.q_end:
            self.appointed_until = self.appointed_until.replace(year=self.appointed_until.year + 3)
        if dt.date(2020, 7, 1) <= self.signed <= dt.date(2020, 12, 31):  # no date of the 16 % months
            self.signed -= dt.timedelta(days=200)
        if self.appointed_until.year == 2020:
            self.appointed_until = dt.date(2021, 12, 31)
        self.section = rng.randint(4, 9)  # the contract's section on the fee and its withdrawal
        self.units = rng.randint(6, 60)
        self.unit_rate = price_between(rng, 22, 38, "0.50")
        self.commercial = rng.randint(1, 3) if rng.random() < 0.3 else 0
        self.commercial_rate = self.unit_rate + price_between(rng, 6, 14, "0.50")
        self.parking = rng.randint(max(2, self.units // 3), self.units + 4) if rng.random() < 0.75 else 0
        self.parking_words = rng.choice(_PARKING)
        self.parking_rate = price_between(rng, 2.5, 6, "0.50")
        self.fee_as = rng.choice(("months", "units", "list"))
        self.meeting = rng.random() < 0.4
        self.claim = rng.random() < 0.35
        self.copies = rng.random() < 0.5
        self.withdraw = rng.random() < 0.5
        self.own_bank = not self.withdraw or rng.random() < 0.5
        self.skonto = False  # a manager grants its own community no discount
        self.weg_iban = _bank_account(rng)
        while self.weg_iban.compact == data.iban.compact:
            self.weg_iban = _bank_account(rng)
        self.period_in_head = rng.random() < 0.5
        self.letter = rng.random() < 0.4
        self.permit = rng.random() < 0.5

    # -- the lines

    def fee_line(self, words: tuple[str, str, str], count: int, rate: Decimal) -> Line:
        """The fee for `count` units of a kind (`words`: plural, singular, abbreviation) at `rate` per unit
        and         month over the quarter."""
        plural, singular, short = words
        amount = self.amount_text(rate)
        months = Decimal(3)
        if self.fee_as == "months":
            text = f"Verwaltervergütung {count} {plural} à {amount}"
            item = LineItem(text, "", months, "Monate", rate * count, 19)
        elif self.fee_as == "units":
            text = f"Verwaltervergütung je {singular} ({amount} × 3 Monate)"
            item = LineItem(text, "", Decimal(count), short, rate * months, 19)
        else:
            text = f"Verwaltervergütung {count} {plural} × {amount} × 3 Monate"
            item = LineItem(text, "", Decimal(count) * months, "", rate, 19)
        return Line(item)

    def special_day(self) -> dt.date:
        """A day of the quarter billed (in arrears) or of the one before it (in advance)."""
        rng = self.rng
        if self.ahead:
            return workday(self.q_start - dt.timedelta(days=rng.randint(12, 80)))
        return workday(self.q_start + dt.timedelta(days=rng.randint(5, 75)))

    def lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        out = [self.fee_line(rng.choice(_RESIDENTIAL), self.units, self.unit_rate)]
        if self.commercial:
            out.append(self.fee_line(_COMMERCIAL, self.commercial, self.commercial_rate))
        if self.parking:
            out.append(self.fee_line(self.parking_words, self.parking, self.parking_rate))
        if self.meeting:
            day = self.special_day()
            fee = price_between(rng, 250, 650, "10")
            text = f"Sonderhonorar außerordentliche Eigentümerversammlung am {p.date(day)}"
            notes = (f"gem. § {self.section} Abs. 3 Verwaltervertrag, Einladung, Durchführung und Protokoll",)
            out.append(Line(LineItem(text, "", Decimal(1), "pausch.", fee, 19), notes))
        if self.claim:
            day = self.special_day()
            what = rng.choice(_DAMAGES)
            where = (
                f"WE {rng.randint(1, self.units)}" if "Dach" not in what and "Treppenhaus" not in what else ""
            )
            ref = f"Schaden-Nr. {day.year}-{rng.randint(1000, 9999)}"
            what = f"{what} {where}" if where else what
            text = f"Sonderhonorar Bearbeitung Versicherungsschaden: {what} vom {p.date(day)}"
            if rng.random() < 0.5:
                hours = Decimal(rng.randint(4, 14)) / 2
                rate = price_between(rng, 55, 85, "5")
                item = LineItem(text, "", hours, "Std.", rate, 19)
                note = f"{ref}, Abwicklung mit der Gebäudeversicherung lt. Zeitnachweis"
            else:
                claim = price_between(rng, 2800, 24000, "0.01")
                pct = rng.choice((2, 3))
                item = LineItem(text, "", Decimal(1), "pausch.", round_cent(claim * pct / 100), 19)
                note = f"{ref}, {pct} % der regulierten Schadenssumme von {self.amount_text(claim)}"
            out.append(Line(item, (note,)))
        if self.copies:
            owners = self.units + self.commercial
            if rng.random() < 0.5:
                flat = price_between(rng, 15, 45, "0.50")
                out.append(
                    Line(LineItem("Auslagenpauschale Kopien und Porto", "", Decimal(1), "Quartal", flat, 19))
                )
            else:
                pages = owners * rng.choice((6, 8, 12, 18))
                stamp = Decimal("0.85") if self.q_start.year >= 2022 else Decimal("0.80")
                note = (f"Einladungen und Protokolle an {owners} Eigentümer",)
                out.append(Line(LineItem("Kopien", "", Decimal(pages), "Stk.", Decimal("0.25"), 19), note))
                out.append(Line(LineItem("Porto Standardbrief", "", Decimal(owners), "Stk.", stamp, 19)))
        return out

    # -- the page

    def window(
        self, x: float, y: float, lines: Sequence[str], size: float = 10.0, *, sender: str = ""
    ) -> float:
        """The address block, a line too wide for the window wrapped (a WEG's name runs long)."""
        c = self.c
        if sender:
            c.fit_text(x, y, sender, 6.5, 250, colour=GREY, min_size=5.5)
            y += 15
        for line in lines:
            for part in c.wrap(line, 255, size) if line else ():
                c.text(x, y, part, size)
                y += size * 1.3
        return y

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:
        if self.fee_as != "list":
            return super().spec(dated)
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 30, "left"),
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Berechnung")), 0, "left"),
        ]
        if self.vat_column:
            spec.append(("vat", "USt.", 36, "right"))
        spec.append(("total", rng.choice(("Betrag", "Betrag netto", "Gesamt")), 80, "right"))
        return spec

    def period_text(self) -> str:
        p = self.p
        return f"{p.date(self.q_start)} – {p.date(self.q_end)}"

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Objekt-Nr.", "Objektnummer", "Objekt")), self.object_no),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Debitor-Nr.", "Debitorennummer")), d.customer_no))
        if self.period_in_head:
            rows.append(
                rng.choice(
                    (
                        ("Zeitraum", f"{self.quarter}. Quartal {self.q_end.year}"),
                        ("Abrechnungszeitraum", f"Q{self.quarter}/{self.q_end.year}"),
                    )
                )
            )
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        q = f"{self.quarter}. Quartal {self.q_end.year}"
        head = rng.choice(
            (f"Verwaltervergütung {q}", f"Verwalterhonorar {q}", f"Rechnung Verwaltervergütung {q}")
        )
        lines = [
            (head, True),
            (f"Objekt: {self.weg_word} {self.weg_place} (Objekt-Nr. {self.object_no})", False),
            (f"{rng.choice(('Leistungszeitraum', 'Abrechnungszeitraum'))}: {self.period_text()}"
             f" ({'im Voraus' if self.ahead else 'nachträglich'})", False),
            (f"Grundlage: Verwaltervertrag vom {p.date(self.signed)}, Bestellung zum Verwalter bis "
             f"{p.date(self.appointed_until)}", False),
        ]  # fmt: skip
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        if self.letter:
            y += 4
            intro = (
                "Sehr geehrte Damen und Herren, für unsere Tätigkeit als Verwalter Ihrer Gemeinschaft "
                "berechnen "
                f"wir gemäß Verwaltervertrag für das {q} wie folgt:"
            )
            y = c.paragraph(L, y + 4, intro, self.RIGHT - L, 8.8) - 4
        return y + 4

    def weg_iban_text(self) -> str:
        return self.weg_iban.formatted if self.rng.random() < 0.6 else self.weg_iban.compact

    def withdrawal_text(self, due: Decimal) -> str:
        d, p, rng = self.data, self.p, self.rng
        bank = (
            self.weg_iban.bank_name if len(self.weg_iban.bank_name) <= 40 else self.weg_iban.bank_short_name
        )
        iban = self.weg_iban_text()
        when = workday(d.date + dt.timedelta(days=rng.randint(0, 5)))
        return rng.choice(
            (
                f"Der Rechnungsbetrag von {p.amount(due)} wird gemäß § {self.section} des Verwaltervertrags "
                "am "
                f"{p.date(when)} vom Hausgeldkonto der WEG (IBAN {iban}, {bank}) entnommen.",
                "Die Vergütung entnehmen wir vereinbarungsgemäß dem Hausgeldkonto der "
                "Eigentümergemeinschaft "
                f"bei der {bank}, IBAN {iban}. Eine Zahlung ist nicht erforderlich.",
                f"Belastung Hausgeldkonto der {self.weg_word} {self.weg_street}: IBAN {iban} · {bank} · "
                f"Buchung am {p.date(when)}",
            )
        )

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        if self.withdraw:
            texts: list[tuple[str, bool]] = [(self.withdrawal_text(due), True)]
        elif rng.random() < 0.5:
            texts = [(self.pay_text(due), True)]
        else:
            texts = [
                (
                    f"Bitte überweisen Sie den Betrag von {p.amount(due)} bis zum {p.date(d.due_date)} auf "
                    "unser "
                    f"Konto IBAN {self.iban} unter Angabe der Objekt-Nr. {self.object_no}.",
                    True,
                )
            ]
        keep = len(texts)
        texts.append(
            (
                rng.choice(
                    (
                        f"Die Verwaltervergütung ist gemäß § {self.section} des Verwaltervertrags "
                        f"vierteljährlich {'im Voraus' if self.ahead else 'nachträglich'} fällig und im "
                        f"Wirtschaftsplan {self.q_end.year} berücksichtigt.",
                        "Die Verwaltervergütung wird in der Jahresabrechnung unter den Verwaltungskosten "
                        "ausgewiesen und nach dem vereinbarten Schlüssel auf die Eigentümer verteilt.",
                    )
                ),
                False,
            )
        )
        if self.letter:
            texts.append(("Mit freundlichen Grüßen", False))
        return self.short_texts(y, texts, keep)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Amtsgericht {s.city} {d.register}"]
        if self.owner:
            legal.append(f"phG: {self.owner}")
        legal.append(f"Geschäftsführer: {d.ceo}")
        legal += self.tax_ids("USt-IdNr.", "St.-Nr.")
        contact = [s.name, s.street, s.city_line, f"Tel. {d.phone}"]
        if self.fax:
            contact.append(f"Fax {fax_of(d.phone)}")
        contact.append(d.email)
        if self.own_bank:
            third = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        else:
            third = list(self.opening)
        footer_columns(c, [contact, legal, third], self.FOOT, self.LEFT, self.RIGHT, 6.8)
        if self.permit:
            L, R = self.LEFT, self.RIGHT
            text = (
                f"Erlaubnis nach § 34c GewO erteilt durch die Stadt {s.city} · Zertifizierter Verwalter nach "
                "§ 26a WEG"
            )
            c.fit_text((L + R) / 2, self.FOOT + 76, text, 6.8, R - L, align="center", bold=True)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.opening = (rng.choice(_OPENING), "Termine nach Vereinbarung")
        lines = self.lines()
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = vat[0].base + vat[0].amount
        s = d.supplier
        self.letterhead(rng.choice(_MANAGER_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        cols = columns(self.spec(False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, [self.row(n, x) for n, x in enumerate(lines, 1)], False)
        y = self.all_totals(y, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "hausverwaltung_weg: page overflow"
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

KUECHE_FAMILIES: dict[str, type[TripSheet]] = {
    "kuechen_montage": KuechenMontage,
    "hausverwaltung_weg": HausverwaltungWeg,
}


def draw_kueche(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(KUECHE_FAMILIES[name], name, seed)
