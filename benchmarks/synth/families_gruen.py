"""Two invoice layout families of a landscaping company billing the grounds maintenance of a housing company's
properties and of a conference hotel billing a company's seminar, designed blind (session 19).

Like `families_bau`, `families_kueche` and `families_lieferschein`, they were written without reading the
field extractor and without running it, so that they measure layouts nobody has shaped to it; `families`
lists them as never-tuned and dispatches to `draw_gruen(name, seed)`. Both draw on `HandelLook` of
`families_handel` (a `RemovalLook` of `families_umzug`: letterheads, detail blocks, table heads, totals and
footers whose look varies per seed) and return a `TripDrawing` (truth keys only for values printed).

- `gartenbau_pflege`: a landscaping company's ("… Garten- und Landschaftsbau GmbH", "Garten- und
  Landschaftsbau … e.K." with its owner, a GmbH & Co. KG with its general partner) invoice to a housing
  cooperative ("Wohnungsbaugenossenschaft … eG", "Bauverein … eG") or a property company ("… Wohnbau GmbH",
  "… Immobilien GmbH & Co. KG") for the grounds maintenance of one to three of its properties, in one of three
  kinds: a month's care ("Grünflächenpflege Mai 2024", the work of the season's month: mowing, hedges in
  summer, leaves in autumn, beds, shrubs, watering, a playground check), a whole season summed ("Grünpflege
  Saison 2024", March to November, billed in December or January: "24 Mähgänge à 3.450 m²", two hedge cuts,
  a monthly flat rate of the contract on some seeds), or one job on one day (hedge and shrub cutting, autumn
  leaves, planting). Per property, as a shaded group heading where there are several ("Objekt 1: Wohnanlage
  Lindenhof, Am Lindenhof 2–8", "Wirtschaftseinheit 1042 – …", "Liegenschaft …", with its areas as a grey
  note on some seeds) or in the subject where there is one: lawn mowing by the m² per visit or per visit
  ("Pflegegang"), hedge cutting by the running metre ("lfm"), leaf clearing, shrub cutting and bed care in
  hours (workers × hours per worker as a note: "2 Mitarbeiter × 6,5 Std."), machine hours (ride-on mower,
  leaf blower, a tipper truck, a water tank trailer), green waste disposal by the m³ or by the weighed tonne
  ("lt. Wiegeschein Nr. …", three decimals), plants, seed and material (bark mulch, soil, fertiliser) with the
  planting hours. The work dates either in a date column (each mowing visit a line of its own) or listed in
  grey notes ("Mähgänge am 06.05., 21.05. und 29.05.2024", "am 14.10.2024"); position numbers "1, 2, 3" or
  "1.1, 1.2, 2.1"; a subtotal per property on some seeds with several ("Summe Objekt 1", "Zwischensumme
  Wohnanlage Lindenhof"). VAT 19 %, and on some seeds with planting the plants and seed delivered at 7 %
  (living plants, Anlage 2 UStG), then a VAT column in the table and the totals either with one VAT row per
  rate and "Umsatzsteuer gesamt" or with a table by rate (net, VAT, gross, a total row). Head: invoice number
  and date, the customer number on some seeds, the maintenance contract ("Pflegevertrag Nr. PV-2021-014",
  in the head or as "Grundlage: Pflegevertrag Nr. … vom …" in the subject), on some seeds the customer's order
  number ("Ihre Bestell-Nr.", "Ihre Auftrags-Nr.", "Bestellnummer") or, on others, a cost reference ("Ihre
  Kostenstelle", "Ihr Zeichen", "Sachkonto"), the period ("Leistungszeitraum") in the head or the subject;
  with one job its day under a label ("Ausführungsdatum", "Leistungsdatum", "Ausgeführt am") on most such
  seeds, else "ausgeführt am …" in the subject. Notes: payment (Skonto on some seeds), on some seeds that the
  work counts as garden care under § 2 Nr. 10 BetrKV (for the tenants' operating costs), that the time sheets
  were countersigned by the caretaker; the footer names the landscapers' association on some seeds. Long
  seeds run onto a second page. Truth: the usual keys; `kundennummer` where printed; `bestellnummer` the
  order number where printed under such a label (never the contract number, the cost reference, the object
  numbers or weighbridge tickets); `leistungsdatum` only for one job, its day under its label (a month or a
  season is a period); `bic` where printed; with plants at 7 % netto, mwst and brutto over both rates.
- `tagungshotel_seminar`: a conference hotel's ("Tagungshotel … GmbH", "Hotel … GmbH & Co. KG" with its
  general partner, "… Betriebs GmbH") invoice to a company (for the attention of its HR or sales department
  on some seeds) for a two- or three-day seminar ("Führungskräftetagung 2024", "Vertriebstagung 2024",
  "Strategieklausur der Geschäftsleitung"): the day-delegate package ("Tagungspauschale ganztägig", a half-day package on the last day on some
  seeds; meeting room, standard technology, coffee breaks, lunch and conference drinks as a grey note) per
  person and day at 19 %; the overnight stays in single rooms ("Übernachtung im Einzelzimmer", "…
  Einzelzimmer Komfort"; the rooms per night, fewer on the second night on some seeds) at 7 %, with breakfast either as its own line at 19 % ("Frühstücksbuffet"), the room
  price split into its room and breakfast parts ("Übernachtung inkl. Frühstück – Anteil Logis" at 7 %,
  "– Anteil Frühstück" at 19 %), or a "Business-Package" (breakfast, WLAN, parking) at 19 %; on some seeds
  an extra breakout room per day, extra technology (a second beamer, flipcharts, a video conference set),
  the dinner per person ("Abendessen 3-Gang-Menü", a barbecue buffet) with its drinks as a lump sum after the
  receipts, parking, an extra coffee break, all at 19 %. Three table layouts: by day (a date column, or a heading per
  day: "1. Tag – 11.03.2024"; each day's packages, extras, dinner and night), by kind with the persons × days or rooms × nights as grey notes,
  or in sections ("Tagung", "Übernachtung", "Gastronomie", "Technik und Sonstiges") with subtotals on some
  seeds; every line marked with its rate ("7 %", "19 %") or a code ("A", "B", explained in the VAT table
  and a note).
  Prices net (the totals: net, "zzgl. 7 % MwSt.", "zzgl. 19 % MwSt." or one VAT row, gross), or on some seeds
  gross ("Einzelpreis brutto", the total "inkl. MwSt."); always a VAT table by rate (7 % and 19 %: net, VAT,
  gross, a total row). On some seeds a deposit paid ("abzgl. Anzahlung vom …", a round gross sum) deducted
  down to "Restbetrag" / "Noch zu zahlen", before or after the VAT table. Head: invoice number and date (days
  after the event), the customer number on some seeds, the hotel's booking number ("Buchungs-Nr.",
  "Reservierungs-Nr.", "Vorgangs-Nr.") on some, the customer's order number ("Ihre Bestell-Nr.", "Ihre
  PO-Nummer", "Bestellnummer") on some, the event's dates and the participants on some (else in the
  subject); the subject names the event, its room, the dates ("Anreise … / Abreise …" or a range) and the
  participants' list ("lt. Teilnehmerliste vom …", a rooming list). A salutation on some seeds. The letterhead
  shows the hotel's name (the brand) on some seeds, the legal name then only in the sender line and footer.
  Truth: the usual keys; `lieferant` the legal name; `kundennummer` and `bestellnummer` where printed
  (never the booking number); no `leistungsdatum` (a period of days); `bic` where printed; netto, mwst and
  brutto the whole invoice's over both rates (as the VAT table's total row states them), not the rest to pay
  after the deposit.

Both keep their dates out of the second half of 2020 (German VAT 16 % and 5 % then); the hotel's events keep
out of July 2020 to December 2023 too, when restaurant food (and a hotel breakfast) bore 7 %.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row, short_range
from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_handel import HandelLook, head_number, workday
from benchmarks.synth.families_more import columns, draw_sheet
from benchmarks.synth.families_objekt import calm
from benchmarks.synth.families_recht import rate_summary
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line, data_for, tonnes
from benchmarks.synth.invoice_gen import MONTHS_DE, InvoiceData, LineItem, VatLine, round_cent, vat_breakdown
from benchmarks.synth.pdfdraw import Align

_ONE = Decimal(1)


def _dates_text(days: Sequence[dt.date], p_date: Callable[[dt.date], str]) -> str:
    """06.05., 21.05. und 29.05.2024: the days of one year, the last with its year."""
    if len(days) == 1:
        return p_date(days[0])
    head = [f"{d:%d.%m.}" for d in days[:-1]]
    return ", ".join(head) + " und " + p_date(days[-1])


def _workdays(first: dt.date, last: dt.date) -> list[dt.date]:
    return [
        first + dt.timedelta(days=k)
        for k in range((last - first).days + 1)
        if (first + dt.timedelta(days=k)).weekday() < 5
    ]


def _spread(rng: random.Random, first: dt.date, last: dt.date, n: int) -> list[dt.date]:
    """`n` distinct working days between `first` and `last`, in order, spread over the span."""
    days = _workdays(first, last)
    n = min(n, len(days))
    if n == 1:
        return [rng.choice(days)]
    step = len(days) / n
    return sorted({days[min(len(days) - 1, int(k * step + rng.random() * step))] for k in range(n)})


def _month_end(first: dt.date) -> dt.date:
    return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


class GruenLook(HandelLook):
    """`HandelLook` with totals over two VAT rates: one VAT row per rate and their sum, or one VAT row and a
    table by rate."""

    RATE_HEADS: tuple[tuple[str, str, str, str], ...] = (
        ("USt.-Satz", "Netto", "USt.", "Brutto"),
        ("Steuersatz", "Nettobetrag", "Steuerbetrag", "Bruttobetrag"),
        ("MwSt.", "Netto", "MwSt.-Betrag", "Brutto"),
    )

    def gross_label(self) -> str:
        label = self.rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Bruttobetrag", "Summe brutto"))
        return label + " EUR" if self.p.currency == "none" else label

    def rate_table(self, y: float, lines: list[VatLine], names: dict[int, str]) -> float:
        """The net, VAT and gross per rate with their total, at the right."""
        if y + 22 + 13 * (len(lines) + 1) > self.limit:
            y = self.next_page()
        total = self.rng.choice(("Summe", "Gesamt", "Gesamtsumme"))
        y = rate_summary(
            self.c, self.p, lines, self.rng.choice(self.RATE_HEADS), names, total, self.RIGHT - 300,
            self.RIGHT, y + 8, 8.2,
        )  # fmt: skip
        return y + 8

    def mixed_totals(self, y: float, lines: list[VatLine], split: str) -> float:
        """Totals over several rates: "rows" one VAT row per rate and their sum, "table" one VAT row and the
        table by rate under the totals."""
        rng, p = self.rng, self.p
        net = sum((v.base for v in lines), Decimal(0))
        tax = sum((v.amount for v in lines), Decimal(0))
        net_label = rng.choice(("Nettobetrag", "Summe netto", "Gesamt netto"))
        if split == "rows":
            rows = [(net_label, net, False)]
            for v in lines:
                rows.append((f"zzgl. {v.rate} % USt. auf {p.number(v.base)}", v.amount, False))
            rows.append((rng.choice(("Umsatzsteuer gesamt", "Summe USt.", "USt. gesamt")), tax, False))
            rows.append((self.gross_label(), net + tax, True))
            if self.total_style == "strip":
                self.total_style = "block"
            return self.totals(y, rows)
        rows = [
            (net_label, net, False),
            (rng.choice(("zzgl. Umsatzsteuer", "Umsatzsteuer", "zzgl. USt. (s. Aufstellung)")), tax, False),
            (self.gross_label(), net + tax, True),
        ]
        y = self.totals(y, rows)
        return self.rate_table(y, lines, {v.rate: f"{v.rate} %" for v in lines})


# ---------------------------------------------------------------------------
# gartenbau_pflege

# Landscapers: (name, an e.K.'s owner or a KG's general partner, domain).
_GARDENERS = (
    ("Grünform Garten- und Landschaftsbau GmbH", "", "gruenform-galabau.de"),
    ("Garten- und Landschaftsbau Petersen e.K.", "Hauke Petersen", "galabau-petersen.de"),
    ("Lindner GaLaBau GmbH", "", "lindner-galabau.de"),
    ("Garten- und Landschaftsbau Öztürk e.K.", "Serkan Öztürk", "oeztuerk-galabau.de"),
    ("Blattwerk Grünpflege GmbH & Co. KG", "Blattwerk Verwaltungs-GmbH", "blattwerk-gruenpflege.de"),
    ("Gartenbau Wilke e.K.", "Martina Wilke", "gartenbau-wilke.de"),
    ("Stadtgrün Garten- und Landschaftsbau GmbH", "", "stadtgruen-galabau.de"),
    ("Hoffmann & Sohn Garten- und Landschaftsbau GmbH", "", "hoffmann-galabau.de"),
)
_GARDEN_TAGLINES = (
    "Garten- und Landschaftsbau · Grünflächenpflege · Baumpflege",
    "Pflege von Außenanlagen für Wohnungswirtschaft und Gewerbe",
    "Grünpflege · Winterdienst · Pflanzungen",
    "Ihr Fachbetrieb für Garten- und Landschaftsbau",
)
_ASSOCIATIONS = (
    "Mitglied im Verband Garten-, Landschafts- und Sportplatzbau",
    "Fachbetrieb des Garten- und Landschaftsbaus · Mitglied im Landesverband GaLaBau",
    "Ausbildungsbetrieb · Mitglied im Fachverband Garten-, Landschafts- und Sportplatzbau",
)
# Customers: (name, kind); departments and contacts under the name.
_LANDLORDS = (
    "Wohnungsbaugenossenschaft Lindenhof eG",
    "Bauverein Eintracht eG",
    "Gemeinnützige Wohnungsgenossenschaft Nordstadt eG",
    "Wohnungsbaugesellschaft Rheinaue mbH",
    "Parkquartier Immobilien GmbH",
    "Hansa Wohnen GmbH & Co. KG",
    "Grundbesitz Albrecht Wohnbau GmbH",
)
_DEPARTMENTS = (
    "Technisches Bestandsmanagement",
    "Abteilung Technik / Außenanlagen",
    "z. Hd. Herrn Krämer, Objektbetreuung",
    "z. Hd. Frau Wendt, Hausbewirtschaftung",
    "Kreditorenbuchhaltung",
    "",
)


@dataclass(frozen=True)
class Estate:
    """A property the landscaper looks after: its name, address, object number and areas."""

    name: str
    street: str
    number: str
    lawn: int  # m²
    hedge: int  # running metres
    beds: int  # m² of planted beds
    playground: bool


_ESTATES = (
    ("Wohnanlage Lindenhof", "Am Lindenhof 2–8"),
    ("Wohnanlage Sonnenhang", "Sonnenhang 11–17"),
    ("Wohnpark Mühlenbach", "Mühlenweg 3–9"),
    ("Siedlung Am Rosengarten", "Rosengarten 1–21"),
    ("Wohnquartier Kastanienhof", "Kastanienallee 40–46"),
    ("Wohnhäuser Birkenstraße", "Birkenstraße 12–16"),
    ("Wohnanlage Am Stadtpark", "Parkstraße 25–31"),
    ("Seniorenwohnanlage Abendsonne", "Lerchenweg 4"),
    ("Reihenhaussiedlung Eichengrund", "Eichengrund 1–19"),
)
_MOWING = (
    "Rasenmähen inkl. Aufnahme und Entsorgung des Schnittguts",
    "Rasenpflege: Mähen, Kanten trimmen, Schnittgut aufnehmen",
    "Rasenschnitt Gebrauchsrasen inkl. Schnittgutentsorgung",
)
_HEDGES = ("Liguster", "Hainbuche", "Thuja", "Kirschlorbeer", "Eibe", "Feldahorn")
_LEAVES = (
    "Laubbeseitigung auf Rasen- und Pflanzflächen",
    "Laub aufnehmen und abfahren",
    "Herbstlaubbeseitigung Wege und Grünflächen",
)
_BEDS = (
    "Pflege der Pflanzflächen (Unkraut jäten, Hacken, Rückschnitt Stauden)",
    "Beetpflege / Unkrautbeseitigung in Strauch- und Staudenflächen",
)
_SHRUBS = ("Gehölzschnitt (Auslichtungsschnitt Ziersträucher)", "Strauchschnitt / Gehölzpflege")
_WATERING = ("Wässern der Neupflanzungen und Jungbäume", "Bewässerung Pflanzflächen bei Trockenheit")
_SPRING = "Frühjahrsreinigung der Außenanlagen (Laub, Unrat, Streugut)"
_PLAYGROUND = "Sichtkontrolle Spielplatz nach DIN EN 1176-7 inkl. Protokoll"
# Plants and seed (7 % on some seeds): (text, unit, least and most price, quantities).
_PLANTS = (
    ("Bodendecker Cotoneaster dammeri 'Skogholm', Co 2 l", "Stk.", 2.40, 4.20, (20, 30, 40, 60)),
    ("Lavendel Lavandula angustifolia 'Hidcote Blue', T 11", "Stk.", 2.20, 3.60, (15, 25, 40)),
    ("Stiefmütterchen (Wechselflor), T 9", "Stk.", 0.75, 1.30, (60, 120, 200)),
    ("Hainbuche Heckenpflanze 100–125 cm, mit Ballen", "Stk.", 7.50, 14.50, (10, 15, 25)),
    ("Blumenzwiebeln Tulpen/Narzissen, Mischung", "Stk.", 0.28, 0.55, (200, 300, 500)),
    ("Felsenbirne Amelanchier lamarckii, Solitär 150–175 cm", "Stk.", 59, 119, (1, 2, 3)),
)
_SEED = ("Rasensaat Sport- und Spielrasen RSM 3.1", "kg", 6.50, 11.00, (5, 10, 15, 25))
_MATERIAL = (
    ("Rindenmulch 10–40 mm, lose, eingebaut", "m³", 42, 68, (1.5, 2, 3, 4)),
    ("Pflanzerde / Kompost, lose", "m³", 38, 55, (1, 1.5, 2)),
    ("Rasendünger mit Langzeitwirkung", "kg", 2.80, 5.50, (10, 20, 25)),
)
_MACHINES = {
    "mower": ("Aufsitzmäher / Großflächenmäher", 24, 42),
    "blower": ("Laubbläser / Laubsauger", 6, 14),
    "truck": ("Pritschenwagen mit Kipper 3,5 t", 16, 32),
    "water": ("Wasserwagen 1.000 l mit Pumpe", 12, 25),
}
# Mowing visits per month (March to November).
_MOWS = {3: 1, 4: 2, 5: 4, 6: 4, 7: 3, 8: 3, 9: 3, 10: 2, 11: 1}
_PLANT_MONTHS = (3, 4, 5, 9, 10, 11)


def _clear_of_2020(day: dt.date) -> dt.date:
    """`day` a year earlier when it falls from May 2020 to January 2021 (German VAT 16 % from July 2020)."""
    return day.replace(year=2019) if dt.date(2020, 5, 1) <= day <= dt.date(2021, 1, 31) else day


class GartenbauPflege(GruenLook):
    """A landscaper's invoice for the grounds maintenance of a housing company's properties."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, owner, domain = rng.choice(_GARDENERS)
        base = calm(data.date)
        self.mode = rng.choices(("month", "season", "single"), (4, 3, 3))[0]
        self.dated = self.mode != "season" and rng.random() < 0.5  # a date column, else dates in notes
        self.flat = self.mode == "season" and rng.random() < 0.4  # a monthly flat rate of the contract
        self.planting = rng.random() < (0.3 if self.mode == "month" else 0.5)
        if self.mode == "month":
            months = _PLANT_MONTHS if self.planting else tuple(_MOWS)
            month = rng.choice(months)
            self.first = _clear_of_2020(dt.date(base.year, month, 1))
            self.last = _month_end(self.first)
            day = workday(self.last + dt.timedelta(days=rng.randint(1, 16)))
        elif self.mode == "season":
            year = base.year if base.year != 2020 else 2019
            self.first, self.last = dt.date(year, 3, 1), dt.date(year, 11, 30)
            day = workday(self.last + dt.timedelta(days=rng.randint(3, 40)))
        else:
            month = rng.choice(_PLANT_MONTHS if self.planting else (3, 6, 7, 9, 10, 11))
            first = _clear_of_2020(dt.date(base.year, month, 1))
            self.first = self.last = rng.choice(_workdays(first, _month_end(first)))
            day = workday(self.last + dt.timedelta(days=rng.randint(2, 14)))
        self.labelled = self.mode == "single" and rng.random() < 0.65
        kg = "KG" in name or name.endswith("e.K.")
        order = rng.random() < 0.35
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if kg else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("RE", "GP", "R"))),
            f"{rng.choice(('info', 'rechnung', 'buero', 'verwaltung'))}@{domain}",
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"K-{rng.randint(1000, 9999)}"))
            if rng.random() < 0.55
            else "",
            order_no=rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"B-{day.year}-{rng.randint(100, 9999):04d}",
                    f"{rng.randint(100000, 999999)}",
                )
            )
            if order
            else "",
            service_date=self.first if self.labelled else None,
        )
        customer = dataclasses.replace(
            data.customer, name=rng.choice(_LANDLORDS), contact=rng.choice(_DEPARTMENTS)
        )
        data = dataclasses.replace(data, customer=customer)
        super().__init__(rng, data)
        self.setup(owner)
        self.cost = (
            ""
            if order or rng.random() < 0.5
            else rng.choice(
                (
                    f"KST {rng.randint(1000, 9999)}",
                    f"WE {rng.randint(100, 999)}/Grün",
                    f"{rng.randint(4000, 4999)}-{rng.randint(10, 99)}",
                )
            )  # fmt: skip
        )
        self.cost_label = rng.choice(("Ihre Kostenstelle", "Ihr Zeichen", "Sachkonto"))
        self.order_label = rng.choice(("Ihre Bestell-Nr.", "Ihre Auftrags-Nr.", "Bestellnummer"))
        self.contract = rng.choice(
            (
                f"PV-{rng.randint(2015, 2023)}-{rng.randint(1, 99):03d}",
                f"{rng.randint(100, 999)}/{rng.randint(15, 23)}",
                f"GP {rng.randint(1000, 9999)}",
            )
        )
        self.signed = self.first.replace(day=1) - dt.timedelta(days=rng.randint(90, 1500))
        self.contract_in_head = rng.random() < 0.5
        self.period_in_head = rng.random() < 0.4
        count = (
            1
            if self.mode == "single"
            else rng.choices((1, 2, 3), (5, 3, 2 if self.mode == "month" else 0))[0]
        )
        self.head_word = rng.choice(("Objekt", "Liegenschaft", "Wirtschaftseinheit"))
        self.estates = self.draw_estates(count)
        self.reduced = self.planting and rng.random() < 0.6  # plants and seed at 7 %
        self.by_visit = rng.random() < 0.4  # mowing per visit, else per m²
        self.subtotals = count > 1 and rng.random() < 0.6
        self.sum_by_number = rng.random() < 0.5  # "Summe Objekt 1", else "Zwischensumme <name>"
        self.nested = count > 1 and rng.random() < 0.5  # position numbers 1.1, 1.2, 2.1
        self.area_note = rng.random() < 0.5
        self.split = rng.choice(("rows", "table"))
        self.m2_decimals = rng.random() < 0.4
        self.rate = price_between(rng, 38, 54, "0.50")
        self.m2_price = price_between(rng, 0.03, 0.08, "0.01")
        self.hedge_price = price_between(rng, 1.10, 3.90, "0.05")
        self.bed_price = price_between(rng, 0.12, 0.35, "0.01")
        self.mowing = rng.choice(_MOWING)
        self.day_label = rng.choice(("Ausführungsdatum", "Leistungsdatum", "Ausgeführt am"))
        self.ticket = rng.random() < 0.4
        self.skonto = self.skonto and rng.random() < 0.6

    def draw_estates(self, count: int) -> list[Estate]:
        rng = self.rng
        out = []
        for name, street in rng.sample(_ESTATES, count):
            shapes = (f"{rng.randint(1000, 1999)}", f"{rng.randint(10, 99)}.{rng.randint(10, 99)}", "")
            number = rng.choice(shapes[:2] if self.head_word == "Wirtschaftseinheit" else shapes)
            lawn = rng.randint(12, 190) * 50
            out.append(
                Estate(
                    name,
                    street,
                    number,
                    lawn,
                    rng.randint(4, 60) * 5,
                    rng.randint(6, 90) * 10,
                    rng.random() < 0.4,
                )  # fmt: skip
            )
        return out

    # -- the lines

    def hours_line(self, text: str, workers: int, hours: Decimal, day: dt.date | None, group: int) -> Line:
        """Hours of `workers` people, the split as a grey note (with the day where no date column)."""
        note = f"{workers} Mitarbeiter × {quantity(hours, self.p)} Std." if workers > 1 else ""
        if day and not self.dated:
            note = f"{note} am {self.p.date(day)}" if note else f"am {self.p.date(day)}"
        item = LineItem(text, "", hours * workers, "Std.", self.rate, 19)
        return Line(item, (note,) if note else (), group, day if self.dated else None)

    def machine_line(self, kind: str, hours: Decimal, day: dt.date | None, group: int) -> Line:
        text, lo, hi = _MACHINES[kind]
        price = self.machine_prices.setdefault(kind, price_between(self.rng, lo, hi, "0.50"))
        unit = self.rng.choice(("Std.", "Masch.-Std."))
        return Line(LineItem(text, "", hours, unit, price, 19), (), group, day if self.dated else None)

    def waste_line(self, volume: Decimal, day: dt.date | None, group: int) -> Line:
        rng, p = self.rng, self.p
        if self.ticket:
            weight = (volume * Decimal(rng.randint(180, 320)) / 1000).quantize(Decimal("0.001"))
            price = self.waste_prices.setdefault("t", price_between(rng, 65, 125, "0.50"))
            ticket = f"lt. Wiegeschein Nr. {rng.randint(100000, 999999)}"
            if day and not self.dated:
                ticket += f" vom {p.date(day)}"
            item = LineItem("Entsorgung Grünschnitt (Kompostierung)", "", weight, "t", price, 19)
            return Line(item, (ticket,), group, day if self.dated else None)
        price = self.waste_prices.setdefault("m³", price_between(rng, 18, 36, "0.50"))
        item = LineItem("Entsorgung Grünschnitt, lose (Kompostierung)", "", volume, "m³", price, 19)
        return Line(item, (), group, day if self.dated else None)

    def hedge_text(self, e: Estate, cuts: int = 1) -> str:
        plant = _HEDGES[len(e.name) % len(_HEDGES)]
        sides = "beidseitig und oben" if e.hedge > 120 else "beidseitig"
        text = f"Heckenschnitt {plant}, {sides}, inkl. Zusammenrechen"
        return text if cuts == 1 else f"{text} ({cuts} Schnitte: Juni und September)"

    def plant_lines(self, day: dt.date | None, group: int) -> list[Line]:
        """Plants (and seed on some seeds) with material and the planting hours."""
        rng = self.rng
        rate = 7 if self.reduced else 19
        out = []
        picks = rng.sample(_PLANTS, rng.choice((1, 1, 2)))
        if rng.random() < 0.35:
            picks.append(_SEED)
        for text, unit, lo, hi, counts in picks:
            qty = Decimal(rng.choice(counts))
            price = price_between(rng, lo, hi, "0.05" if hi > 2 else "0.01")
            out.append(
                Line(LineItem(text, "", qty, unit, price, rate), (), group, day if self.dated else None)
            )
        text, unit, lo, hi, counts = rng.choice(_MATERIAL)
        qty = Decimal(str(rng.choice(counts)))
        out.append(
            Line(
                LineItem(text, "", qty, unit, price_between(rng, lo, hi, "0.50"), 19),
                (),
                group,
                day if self.dated else None,
            )  # fmt: skip
        )
        hours = Decimal(rng.randint(4, 16)) / 2
        planting = (
            "Pflanzung und Einbau Rindenmulch"
            if text.startswith("Rindenmulch")
            else "Pflanzarbeiten inkl. Bodenvorbereitung und Angießen"
        )
        out.append(self.hours_line(planting, rng.choice((1, 2)), hours, day, group))
        return out

    def mowing_lines(self, e: Estate, visits: list[dt.date], group: int) -> list[Line]:
        rng, p = self.rng, self.p
        price = self.visit_price(e)
        if self.dated:
            unit_item = (
                LineItem(self.mowing, "", _ONE, "Pflegegang", price, 19)
                if self.by_visit
                else LineItem(self.mowing, "", Decimal(e.lawn), "m²", self.m2_price, 19)
            )
            return [Line(unit_item, (), group, day) for day in visits]
        n = len(visits)
        when = (
            f"{rng.choice(('Mähgänge am', 'Pflegegänge am', 'ausgeführt am'))} {_dates_text(visits, p.date)}"
        )
        if self.by_visit:
            return [Line(LineItem(self.mowing, "", Decimal(n), "Pflegegang", price, 19), (when,), group)]
        notes = (f"{n} × {self.area_text(e.lawn)} m²", when) if n > 1 else (when,)
        return [Line(LineItem(self.mowing, "", Decimal(n * e.lawn), "m²", self.m2_price, 19), notes, group)]

    def visit_price(self, e: Estate) -> Decimal:
        per_m2 = self.m2_price * Decimal("0.9")
        return max(Decimal(45), (Decimal(e.lawn) * per_m2).quantize(Decimal(1)))

    def area_text(self, value: int) -> str:
        return f"{value:,}".replace(",", "." if self.p.numbers == "de" else " ")

    def month_lines(self, e: Estate, group: int) -> list[Line]:
        """A month's work on one property, in the order of its days."""
        rng, month = self.rng, self.first.month
        visits = _spread(rng, self.first, self.last, max(1, _MOWS[month] - rng.choice((0, 0, 1))))
        work: list[tuple[dt.date, list[Line]]] = []
        mows = month in (4, 5, 6, 7, 8, 9, 10) or rng.random() < 0.5
        if mows:
            lines = self.mowing_lines(e, visits, group)
            if e.lawn > 3000 and rng.random() < 0.6:
                per = Decimal(max(1, e.lawn // 2500))
                if self.dated:
                    lines = [x for mow, d in zip(lines, visits, strict=True)
                             for x in (mow, self.machine_line("mower", per, d, group))]  # fmt: skip
                else:
                    lines.append(self.machine_line("mower", per * len(visits), None, group))
            work.append((visits[0], lines))
        green = Decimal(0)
        tasks = []
        if month in (6, 7, 9, 10) and rng.random() < 0.8:
            tasks.append("hedge")
        if month in (10, 11) or (month == 3 and rng.random() < 0.6):
            tasks.append("leaves")
        if month in (4, 5, 6, 7, 8, 9) and rng.random() < 0.6:
            tasks.append("beds")
        if month in (3, 10, 11) and rng.random() < 0.6:
            tasks.append("shrubs")
        if month in (6, 7, 8) and rng.random() < 0.35:
            tasks.append("water")
        if e.playground and rng.random() < 0.6:
            tasks.append("playground")
        if not tasks and not mows:
            tasks.append("shrubs")
        for task in tasks:
            day = rng.choice(visits)
            lines, volume = self.task_lines(task, e, day, group)
            green += volume
            work.append((day, lines))
        if self.planting and group == 0:
            work.append((visits[-1], self.plant_lines(visits[-1], group)))
        work.sort(key=lambda w: w[0])
        out = [x for _, lines in work for x in lines]
        if green:
            last = max(d for d, _ in work)
            if rng.random() < 0.5:
                out.append(self.machine_line("truck", Decimal(rng.randint(2, 8)) / 2, last, group))
            out.append(self.waste_line(green, last, group))
        return out

    def task_lines(self, task: str, e: Estate, day: dt.date | None, group: int) -> tuple[list[Line], Decimal]:
        """The lines of one task on one property (on `day`, None in a season) and the green waste it left."""
        rng = self.rng
        half = Decimal("0.5")
        if task == "hedge":
            item = LineItem(self.hedge_text(e), "", Decimal(e.hedge), "lfm", self.hedge_price, 19)
            note = f"am {self.p.date(day)}" if day and not self.dated else ""
            volume = (Decimal(e.hedge) / 25).quantize(half) + half
            return [Line(item, (note,) if note else (), group, day if self.dated else None)], volume
        if task == "leaves":
            text = _SPRING if day and day.month == 3 else rng.choice(_LEAVES)
            workers, hours = rng.choice((2, 2, 3)), Decimal(rng.randint(6, 16)) / 2
            lines = [self.hours_line(text, workers, hours, day, group)]
            if rng.random() < 0.6:
                lines.append(self.machine_line("blower", hours, day, group))
            return lines, (Decimal(workers) * hours / 3).quantize(half) + half
        if task == "beds":
            if rng.random() < 0.5:
                item = LineItem(rng.choice(_BEDS), "", Decimal(e.beds), "m²", self.bed_price, 19)
                note = f"am {self.p.date(day)}" if day and not self.dated else ""
                return [Line(item, (note,) if note else (), group, day if self.dated else None)], Decimal(0)
            workers, hours = rng.choice((1, 2)), Decimal(rng.randint(4, 12)) / 2
            return [self.hours_line(rng.choice(_BEDS), workers, hours, day, group)], Decimal(0)
        if task == "shrubs":
            workers, hours = rng.choice((2, 2, 3)), Decimal(rng.randint(5, 14)) / 2
            return [self.hours_line(rng.choice(_SHRUBS), workers, hours, day, group)], (
                Decimal(workers) * hours / 2
            ).quantize(half)
        if task == "water":
            hours = Decimal(rng.randint(2, 8)) / 2
            return [
                self.hours_line(rng.choice(_WATERING), 1, hours, day, group),
                self.machine_line("water", hours, day, group),
            ], Decimal(0)
        # the playground's visual check, per check
        price = price_between(rng, 25, 45, "0.50")
        note = f"am {self.p.date(day)}" if day and not self.dated else ""
        item = LineItem(_PLAYGROUND, "", _ONE, "Stk.", price, 19)
        return [Line(item, (note,) if note else (), group, day if self.dated else None)], Decimal(0)

    def season_lines(self, e: Estate, group: int) -> list[Line]:
        """A season's work on one property, summed."""
        rng = self.rng
        out: list[Line] = []
        if self.flat:
            monthly = max(Decimal(180), (Decimal(e.lawn) * self.m2_price * 3).quantize(Decimal(10)))
            text = f"Pflegepauschale lt. Pflegevertrag, Saison {self.last.year}"
            note = "Rasenpflege, Beetpflege, Heckenschnitt und Reinigung der Außenanlagen lt. Leistungsverzeichnis"
            out.append(Line(LineItem(text, "", Decimal(9), "Monate", monthly, 19), (note,), group))
        else:
            n = rng.randint(18, 28)
            if self.by_visit:
                item = LineItem(self.mowing, "", Decimal(n), "Pflegegang", self.visit_price(e), 19)
                out.append(Line(item, ("März bis November",), group))
            else:
                item = LineItem(self.mowing, "", Decimal(n * e.lawn), "m²", self.m2_price, 19)
                out.append(
                    Line(item, (f"{n} Mähgänge à {self.area_text(e.lawn)} m² (März bis November)",), group)
                )
            if e.lawn > 3000 and rng.random() < 0.6:
                out.append(self.machine_line("mower", Decimal(n * max(1, e.lawn // 2500)), None, group))
            item = LineItem(self.hedge_text(e, 2), "", Decimal(e.hedge * 2), "lfm", self.hedge_price, 19)
            out.append(Line(item, (), group))
            beds = LineItem(rng.choice(_BEDS), "", Decimal(e.beds * 8), "m²", self.bed_price, 19)
            out.append(Line(beds, (f"8 Pflegegänge à {self.area_text(e.beds)} m²",), group))
        workers, hours = rng.choice((2, 3)), Decimal(rng.randint(12, 40)) / 2
        leaves = self.hours_line(rng.choice(_LEAVES), workers, hours, None, group)
        out.append(
            dataclasses.replace(leaves, notes=(*leaves.notes, "Oktober/November, lt. Stundennachweis"))
        )
        if rng.random() < 0.6:
            out.append(self.machine_line("blower", hours, None, group))
        if e.playground:
            price = price_between(rng, 25, 45, "0.50")
            out.append(Line(LineItem(_PLAYGROUND, "", Decimal(9), "Stk.", price, 19), ("monatlich",), group))
        if self.planting and group == 0:
            out += self.plant_lines(None, group)
        volume = Decimal(rng.randint(8, 40)) / 2
        out.append(self.machine_line("truck", Decimal(rng.randint(6, 24)) / 2, None, group))
        out.append(self.waste_line(volume, None, group))
        return out

    def single_lines(self, e: Estate) -> list[Line]:
        """One job on one day."""
        rng, day = self.rng, self.first
        month = day.month
        choices = (
            ["shrubs"]
            + (["hedge"] if month in (6, 7, 9, 10, 11) else [])
            + (["leaves"] if month in (3, 10, 11) else [])
        )
        out: list[Line] = []
        green = Decimal(0)
        for task in rng.sample(choices, min(len(choices), rng.choice((1, 2, 2)))):
            lines, volume = self.task_lines(task, e, day, 0)
            out += lines
            green += volume
        if self.planting:
            out += self.plant_lines(day, 0)
        if green:
            out.append(self.machine_line("truck", Decimal(rng.randint(2, 6)) / 2, day, 0))
            out.append(self.waste_line(green, day, 0))
        return out

    def lines(self) -> list[Line]:
        self.machine_prices: dict[str, Decimal] = {}
        self.waste_prices: dict[str, Decimal] = {}
        if self.mode == "single":
            return self.single_lines(self.estates[0])
        out = []
        for k, e in enumerate(self.estates):
            out += self.month_lines(e, k) if self.mode == "month" else self.season_lines(e, k)
        return out

    # -- the page

    def qty_text(self, item: LineItem) -> str:
        if item.unit == "t":
            return tonnes(item.quantity)
        if item.unit in ("m²", "lfm") and item.quantity == item.quantity.to_integral():
            if self.m2_decimals:
                return self.p.number(item.quantity)
            return self.area_text(int(item.quantity))
        return quantity(item.quantity, self.p)

    def estate_head(self, k: int) -> Row:
        e, c = self.estates[k], self.data.customer
        if self.head_word == "Wirtschaftseinheit" and e.number:
            head = f"Wirtschaftseinheit {e.number} – {e.name}, {e.street}"
        elif self.head_word == "Objekt":
            head = f"Objekt {k + 1}: {e.name}, {e.street}, {c.city}"
        else:
            head = f"Liegenschaft {e.name}, {e.street}"
        notes: tuple[str, ...] = ()
        if self.area_note:
            parts = [
                f"Rasen {self.area_text(e.lawn)} m²",
                f"Hecken {e.hedge} lfm",
                f"Pflanzflächen {e.beds} m²",
            ]
            if e.number and self.head_word != "Wirtschaftseinheit":
                parts.insert(0, f"Objekt-Nr. {e.number}")
            notes = (" · ".join(parts),)
        return Row("group", {"desc": head}, notes=notes)

    def subtotal(self, lines: list[Line], k: int) -> Row:
        total = sum((x.item.total for x in lines if x.group == k), Decimal(0))
        label = (
            f"Summe {self.head_word} {k + 1}"
            if self.sum_by_number
            else f"Zwischensumme {self.estates[k].name}"
        )
        return Row("sum", {"desc": label, "total": self.p.number(total)})

    def rows(self, lines: list[Line]) -> list[Row]:
        grouped = len(self.estates) > 1
        out: list[Row] = []
        within = 0
        for n, line in enumerate(lines, 1):
            first = n == 1 or lines[n - 2].group != line.group
            if grouped and first:
                within = 0
                out.append(self.estate_head(line.group))
            within += 1
            row = self.row(n, line)
            if self.nested:
                row = dataclasses.replace(row, values=dict(row.values, pos=f"{line.group + 1}.{within}"))
            out.append(row)
            last = n == len(lines) or lines[n].group != line.group
            if self.subtotals and last:
                out.append(self.subtotal(lines, line.group))
        return out

    def period_text(self) -> str:
        p = self.p
        if self.mode == "season":
            return f"Saison {self.last.year} ({p.date(self.first)} – {p.date(self.last)})"
        return f"{p.date(self.first)} – {p.date(self.last)}"

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Debitor-Nr.")), d.customer_no))
        if self.contract_in_head:
            rows.append((rng.choice(("Pflegevertrag Nr.", "Vertrags-Nr.", "Pflegevertrag")), self.contract))
        if d.order_no:
            rows.append((self.order_label, d.order_no))
        elif self.cost:
            rows.append((self.cost_label, self.cost))
        if self.labelled:
            rows.append((self.day_label, p.date(self.first)))
        elif self.mode != "single" and self.period_in_head:
            period = (
                f"{MONTHS_DE[self.first.month - 1]} {self.first.year}"
                if self.mode == "month"
                else f"Saison {self.last.year}"
            )
            rows.append((rng.choice(("Leistungszeitraum", "Abrechnungszeitraum", "Zeitraum")), period))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        month = f"{MONTHS_DE[self.first.month - 1]} {self.first.year}"
        if self.mode == "month":
            title = rng.choice((f"Grünflächenpflege {month}", f"Pflegeleistungen Außenanlagen – {month}",
                                f"Abrechnung Grünpflege {month}"))  # fmt: skip
        elif self.mode == "season":
            title = rng.choice((f"Grünpflege Saison {self.last.year}",
                                f"Jahresabrechnung Grünflächenpflege {self.last.year}"))  # fmt: skip
        else:
            title = rng.choice(("Pflegearbeiten Außenanlagen", "Gehölz- und Grünpflege nach Auftrag",
                                "Zusatzleistungen Grünpflege"))  # fmt: skip
        lines = [(title, True)]
        c_city = self.data.customer.city_line
        if len(self.estates) == 1:
            e = self.estates[0]
            number = f" (Objekt-Nr. {e.number})" if e.number else ""
            lines.append((f"Objekt: {e.name}, {e.street}, {c_city}{number}", False))
        else:
            names = ", ".join(e.name for e in self.estates)
            lines.append((f"Objekte: {names}", False))
        if self.mode == "single" and not self.labelled:
            lines.append((f"Ausgeführt am {p.date(self.first)}", False))
        elif self.mode != "single" and not self.period_in_head:
            lines.append((f"Leistungszeitraum: {self.period_text()}", False))
        if not self.contract_in_head:
            lines.append((f"Grundlage: Pflegevertrag Nr. {self.contract} vom {p.date(self.signed)}", False))
        elif rng.random() < 0.5:
            billing = {
                "month": "Abrechnung monatlich nach Aufwand",
                "season": "Abrechnung nach Saisonende",
                "single": f"Zusatzauftrag vom {p.date(self.first - dt.timedelta(days=rng.randint(3, 20)))}",
            }[self.mode]
            lines.append((f"Pflegevertrag vom {p.date(self.signed)}, {billing}", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        return y + 4

    def all_totals(self, y: float, lines: list[VatLine]) -> float:
        if len(lines) == 1:
            return super().all_totals(y, lines)
        return self.mixed_totals(y, lines, self.split)

    def closing(self, y: float, due: Decimal) -> float:
        rng = self.rng
        texts: list[tuple[str, bool]] = [(self.pay_text(due), True)]
        if self.reduced:
            texts.append(
                (
                    "Pflanzen und Saatgut unterliegen dem ermäßigten Steuersatz von 7 % (Anlage 2 zum UStG).",
                    False,
                )
            )
        keep = len(texts)
        if rng.random() < 0.5:
            texts.append(
                (
                    rng.choice(
                        (
                            "Die Leistungen sind als Kosten der Gartenpflege nach § 2 Nr. 10 BetrKV umlagefähig.",
                            "Hinweis für Ihre Betriebskostenabrechnung: Gartenpflege gem. § 2 Nr. 10 BetrKV; "
                            "Neupflanzungen sind nicht umlagefähig.",
                        )
                    ),
                    False,
                )
            )
        if rng.random() < 0.5 and self.mode != "season":
            texts.append(
                (
                    "Die Stundennachweise wurden vom Hauswart vor Ort gegengezeichnet und liegen in Kopie bei.",
                    False,
                )
            )
        return self.short_texts(y, texts, keep)

    def footer(self) -> None:
        super().footer()
        if self.association:
            c, L, R = self.c, self.LEFT, self.RIGHT
            c.fit_text((L + R) / 2, self.FOOT + 76, self.association, 6.8, R - L, align="center", bold=True)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.association = rng.choice(_ASSOCIATIONS) if rng.random() < 0.5 else ""
        lines = self.lines()
        items = self.items = [x.item for x in lines]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        self.letterhead(rng.choice(_GARDEN_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        if len(vat) > 1:
            self.vat_column = True
        cols = columns(self.spec(self.dated), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(lines), rng.random() < 0.5)
        y = self.all_totals(y, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "gartenbau_pflege: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.25),
            service_date=self.labelled,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# tagungshotel_seminar

# Hotels: (legal name, a KG's general partner, the hotel's name, domain).
_HOTELS = (
    ("Tagungshotel Am Wald GmbH", "", "Tagungshotel Am Wald", "tagungshotel-amwald.de"),
    ("Seminarhotel Kloster Lindenau GmbH", "", "Seminarhotel Kloster Lindenau", "kloster-lindenau.de"),
    ("Hotel Haus Rheinblick GmbH & Co. KG", "Rheinblick Hotel-Verwaltungs GmbH", "Hotel Haus Rheinblick",
     "haus-rheinblick.de"),
    ("Landhotel Heidekrug GmbH & Co. KG", "Heidekrug Beteiligungs-GmbH", "Landhotel Heidekrug", "heidekrug-hotel.de"),
    ("Parkhotel Rosenau Betriebs GmbH", "", "Parkhotel Rosenau", "parkhotel-rosenau.de"),
    ("Tagungszentrum Schloss Ahrenfeld GmbH", "", "Schloss Ahrenfeld – Hotel & Tagungszentrum", "schloss-ahrenfeld.de"),
    ("Hotel Forsthaus Sonnenberg GmbH & Co. KG", "Forsthaus Sonnenberg Verwaltungs GmbH",
     "Hotel Forsthaus Sonnenberg", "forsthaus-sonnenberg.de"),
    ("Businesshotel am Messepark GmbH", "", "Businesshotel am Messepark", "messepark-hotel.de"),
)  # fmt: skip
_HOTEL_TAGLINES = (
    "Tagen · Wohnen · Genießen",
    "Ihr Tagungshotel im Grünen – 12 Tagungsräume, 96 Zimmer",
    "Seminar- und Tagungshotel · Restaurant · Wellness",
    "Tagungen, Seminare und Events mit Übernachtung",
)
# Companies: (name, department and contact, salutation).
_FIRMS = (
    "Brenner Maschinenbau GmbH",
    "Kessler Medizintechnik AG",
    "Vektor Software GmbH",
    "Fischer & Söhne Logistik GmbH & Co. KG",
    "Stadtwerke Auental GmbH",
    "Bergmann Pharma Vertrieb GmbH",
    "Nordlicht Versicherungsmakler GmbH",
    "Hellweg Elektrotechnik GmbH",
)
_FIRM_CONTACTS = (
    ("z. Hd. Frau Anja Richter, Personalentwicklung", "Sehr geehrte Frau Richter"),
    ("Abteilung Vertrieb, Herrn Jonas Krüger", "Sehr geehrter Herr Krüger"),
    ("Personalabteilung, Frau Meral Yıldız", "Sehr geehrte Frau Yıldız"),
    ("z. Hd. Herrn Dr. Stefan Holtkamp", "Sehr geehrter Herr Dr. Holtkamp"),
    ("Geschäftsleitung – Assistenz Frau Lena Vogt", "Sehr geehrte Frau Vogt"),
    ("", "Sehr geehrte Damen und Herren"),
)
_EVENTS = (
    "Führungskräftetagung {year}",
    "Vertriebstagung {year}",
    "Strategieklausur der Geschäftsleitung",
    "Teamworkshop IT-Service",
    "Einführungstage Auszubildende {year}",
    "Kick-off-Meeting Projekt „Nordstern“",
    "Schulung Qualitätsmanagement ISO 9001",
    "Klausurtagung Betriebsrat {year}",
)
_HALLS = (
    "Tagungsraum „Buche“",
    "Saal „Rheingold“",
    "Seminarraum 3",
    "Kaminzimmer",
    "Plenarsaal",
    "Raum „Lindenau“",
)
_BREAKOUTS = (
    "Gruppenraum „Eiche“ (Breakout)",
    "Gruppenraum 2 für Arbeitsgruppen",
    "Zusatzraum „Bibliothek“ (Breakout)",
    "Zusatzraum „Wintergarten“",
    "Gruppenraum „Ahorn“ (Breakout)",
)
_PACKAGE_NOTES = (
    "Tagungsraum, Standardtechnik (Beamer, Leinwand, 2 Flipcharts, Moderationskoffer), 2 Kaffeepausen, "
    "Mittagessen, Tagungsgetränke",
    "inkl. Raummiete, Technik, Kaffeepause vor- und nachmittags, Mittagsbuffet, Mineralwasser und Säfte im Raum",
    "Raum mit Tageslicht, Beamer, WLAN, Kaffee und Gebäck, 2-Gang-Mittagessen, Tagungsgetränke unbegrenzt",
)
# Extra technology: (text, least and most net price per day).
_TECH = (
    ("Zusatztechnik: 2. Beamer mit Leinwand", 45, 95),
    ("Flipchart zusätzlich inkl. Papier", 12, 25),
    ("Moderationskoffer zusätzlich", 15, 30),
    ('Videokonferenz-Set (Kamera, Raummikrofon, 75"-Display)', 120, 250),
    ("Pinnwand zusätzlich", 10, 20),
    ("Funkmikrofon und Beschallung", 45, 90),
)
_DINNERS = (
    ("Abendessen 3-Gang-Menü", 32, 52),
    ("Grillbuffet auf der Terrasse", 35, 49),
    ("Themenbuffet „Regional“", 34, 48),
    ("Kaminabend mit Fingerfood", 22, 35),
)
_SECTIONS = ("Tagung", "Übernachtung", "Gastronomie", "Technik und Sonstiges")


def _event_day(rng: random.Random, day: dt.date) -> dt.date:
    """`day` moved out of June 2020 to December 2023 (German VAT 16 % in 2020, restaurant food at 7 % until
    2023) into 2018, 2019, 2024 or 2025."""
    if dt.date(2020, 6, 1) <= day <= dt.date(2023, 12, 31):
        return day.replace(year=rng.choice((2018, 2019, 2024, 2025)))
    return day


@dataclass(frozen=True)
class Charge:
    """A table line of the hotel: its item, grey notes, section (0 to 3), the day in a date column."""

    item: LineItem
    notes: tuple[str, ...] = ()
    section: int = 0
    day: dt.date | None = None


class TagungshotelSeminar(GruenLook):
    """A conference hotel's invoice for a company's seminar: packages, rooms, breakfast, dinner, a deposit."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, partner, hotel, domain = rng.choice(_HOTELS)
        self.days = rng.choice((2, 2, 3))
        start = _event_day(rng, data.date)
        while start.weekday() > (3 if self.days == 2 else 2):
            start += dt.timedelta(days=1)
        self.start, self.end = start, start + dt.timedelta(days=self.days - 1)
        day = workday(self.end + dt.timedelta(days=rng.randint(1, 14)))
        kg = "KG" in name
        order = rng.random() < 0.4
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if kg else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("TR", "RE", "V"))),
            f"{rng.choice(('tagung', 'events', 'reservierung', 'buchhaltung'))}@{domain}",
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"D{rng.randint(100000, 999999)}"))
            if rng.random() < 0.5
            else "",
            order_no=rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"PO-{day.year}-{rng.randint(100, 9999)}",
                    f"BE{rng.randint(100000, 999999)}",
                )
            )
            if order
            else "",
        )
        contact, self.salutation = rng.choice(_FIRM_CONTACTS)
        customer = dataclasses.replace(data.customer, name=rng.choice(_FIRMS), contact=contact)
        data = dataclasses.replace(data, customer=customer)
        super().__init__(rng, data)
        self.setup(partner)
        self.hotel = hotel
        self.brand_head = rng.random() < 0.5
        self.skonto = False
        self.gross = rng.random() < 0.35  # prices printed gross
        self.layout = rng.choice(("by_day", "by_kind", "sections"))
        self.subtotals = self.layout == "sections" and rng.random() < 0.6
        self.day_heads = self.layout == "by_day" and rng.random() < 0.5  # day headings, else a date column
        self.codes = rng.random() < 0.35  # rates as A / B
        self.breakfast = rng.choice(("separate", "split", "package"))
        self.participants = rng.randint(8, 28)
        self.locals = rng.choice((0, 0, 1, 2, 3))
        self.half_last = rng.random() < 0.35
        self.event = rng.choice(_EVENTS).format(year=self.start.year)
        self.hall = rng.choice(_HALLS)
        self.booking = (
            rng.choice(
                (
                    f"{rng.randint(100000, 999999)}",
                    f"B-{self.start.year}-{rng.randint(1000, 9999)}",
                    f"RES{rng.randint(10000, 99999)}",
                )
            )  # fmt: skip
            if rng.random() < 0.65
            else ""
        )
        self.booked = self.start - dt.timedelta(days=rng.randint(20, 120))
        self.listed = self.start - dt.timedelta(days=rng.randint(2, 10))
        self.deposit = rng.random() < 0.45
        self.deposit_first = rng.random() < 0.5
        self.paid_on = self.booked + dt.timedelta(days=rng.randint(5, 14))
        self.period_in_head = rng.random() < 0.5
        self.people_in_head = rng.random() < 0.4
        self.greet = rng.random() < 0.4
        self.vat_column = True

    # -- prices

    def price(self, lo: float, hi: float, rate: int) -> Decimal:
        """A net price: whole euros where the invoice prints gross (so the gross prices are exact to the cent),
        else the net of a round gross price."""
        if self.gross:
            return price_between(self.rng, lo, hi, "1")
        gross = price_between(self.rng, lo * (1 + rate / 100), hi * (1 + rate / 100), "0.50")
        return round_cent(gross / (1 + Decimal(rate) / 100))

    def with_vat(self, value: Decimal, rate: int) -> Decimal:
        return round_cent(value * (100 + rate) / 100)

    # -- the lines

    def nights(self) -> list[tuple[dt.date, int]]:
        """The nights and the rooms taken each night (the trainer's room among them)."""
        rng = self.rng
        rooms = self.participants - self.locals + rng.choice((0, 1))
        out = []
        for k in range(self.days - 1):
            out.append((self.start + dt.timedelta(days=k), rooms))
            rooms -= rng.choice((0, 0, 1, 2))
        return out

    def charges(self) -> list[Charge]:
        rng = self.rng
        persons, days = self.participants, [self.start + dt.timedelta(days=k) for k in range(self.days)]
        full = self.price(52, 89, 19)
        half = self.price(39, 62, 19)
        package_note = rng.choice(_PACKAGE_NOTES)
        room_text = rng.choice(("Übernachtung im Einzelzimmer", "Übernachtung Einzelzimmer Komfort",
                                "Übernachtung im Einzelzimmer (Tagungskontingent)"))  # fmt: skip
        room = self.price(82, 139, 7)
        bf = self.price(14, 24, 19)
        business = self.price(19, 32, 19)
        summer = 5 <= self.start.month <= 9
        dinner_text, lo, hi = rng.choice([x for x in _DINNERS if summer or "Terrasse" not in x[0]])
        dinner = self.price(lo, hi, 19)
        dinners = [d for d in days[:-1] if rng.random() < 0.8] or days[:1]
        breakout = rng.random() < 0.45
        breakout_days = days if rng.random() < 0.5 else days[:1]
        breakout_name = rng.choice(_BREAKOUTS)
        breakout_price = self.price(120, 320, 19)
        tech = [(t, self.price(lo_, hi_, 19)) for t, lo_, hi_ in rng.sample(_TECH, rng.choice((0, 1, 1, 2)))]
        parking = rng.random() < 0.25
        parking_price = self.price(8, 15, 19)
        coffee = rng.random() < 0.25
        out: list[Charge] = []
        nights = dict(self.nights())
        for k, day in enumerate(days):
            last = k == len(days) - 1
            if last and self.half_last:
                text, price = "Tagungspauschale halbtägig (bis 13:00 Uhr, inkl. Mittagessen)", half
            else:
                text, price = "Tagungspauschale ganztägig", full
            out.append(
                Charge(LineItem(text, "", Decimal(persons), "Pers.", price, 19), (package_note,), 0, day)
            )
            if breakout and day in breakout_days:
                out.append(Charge(LineItem(breakout_name, "", _ONE, "Tag",
                                           breakout_price, 19), (), 0, day))  # fmt: skip
            for text, price in tech:
                out.append(Charge(LineItem(text, "", _ONE, "Tag", price, 19), (), 3, day))
            if coffee and k == 0:
                extra = self.price(6, 12, 19)
                out.append(Charge(LineItem("Kaffeepause zusätzlich (Nachmittag)", "", Decimal(persons), "Pers.",
                                           extra, 19), (), 2, day))  # fmt: skip
            if day in dinners:
                out.append(
                    Charge(LineItem(dinner_text, "", Decimal(persons), "Pers.", dinner, 19), (), 2, day)
                )
                drinks = self.price(persons * 9, persons * 22, 19)
                out.append(Charge(LineItem("Getränke zum Abendessen lt. Bonaufstellung", "", _ONE, "pausch.",
                                           drinks, 19), (), 2, day))  # fmt: skip
            if day in nights:
                out += self.night_charges(day, nights[day], room_text, room, bf, business)
            if parking and day in nights:
                cars = max(1, nights[day] // rng.choice((2, 3)))
                out.append(Charge(LineItem("Parkplatz Tiefgarage", "", Decimal(cars), "Stk.", parking_price, 19),
                                  (), 3, day))  # fmt: skip
        return out

    def night_charges(
        self, day: dt.date, rooms: int, text: str, room: Decimal, bf: Decimal, business: Decimal
    ) -> list[Charge]:
        n = Decimal(rooms)
        if self.breakfast == "split":
            return [
                Charge(
                    LineItem("Übernachtung inkl. Frühstück – Anteil Logis", "", n, "ÜN", room, 7), (), 1, day
                ),
                Charge(
                    LineItem("Übernachtung inkl. Frühstück – Anteil Frühstück", "", n, "ÜN", bf, 19),
                    (),
                    1,
                    day,
                ),
            ]
        out = [Charge(LineItem(text, "", n, "ÜN", room, 7), (), 1, day)]
        if self.breakfast == "separate":
            out.append(Charge(LineItem("Frühstücksbuffet", "", n, "Pers.", bf, 19), (), 1, day))
        else:
            note = ("Frühstück, WLAN, Parkplatz, Nutzung Fitnessbereich",)
            out.append(Charge(LineItem("Business-Package", "", n, "ÜN", business, 19), note, 1, day))
        return out

    def summed(self, charges: list[Charge]) -> list[Charge]:
        """The charges of every day summed per text and price, the persons × days or rooms × nights as notes."""
        p = self.p
        keys: list[tuple[str, Decimal, int]] = []
        by_key: dict[tuple[str, Decimal, int], list[Charge]] = {}
        for x in charges:
            key = (x.item.description, x.item.unit_price, x.item.rate)
            if key not in by_key:
                keys.append(key)
                by_key[key] = []
            by_key[key].append(x)
        out = []
        for key in keys:
            group = by_key[key]
            first = group[0]
            qty = sum((x.item.quantity for x in group), Decimal(0))
            notes = list(first.notes)
            if len(group) > 1:
                notes.insert(0, self.spread_note(group))
            elif first.day:
                notes.insert(0, f"am {p.date(first.day)}")
            out.append(Charge(dataclasses.replace(first.item, quantity=qty), tuple(notes), first.section))
        if self.layout == "sections":
            out.sort(key=lambda x: x.section)
        return out

    def spread_note(self, group: list[Charge]) -> str:
        """How a summed line's quantity came about: "16 Pers. × 3 Tage (11.03.–13.03.2024)"."""
        p, first = self.p, group[0]
        span = short_range(group[0].day, group[-1].day) if group[0].day and group[-1].day else ""
        counts = {x.item.quantity for x in group}
        unit, n = first.item.unit, len(group)
        if unit == "Tag":
            return f"{n} Tage ({span})"
        if len(counts) == 1 and unit in ("ÜN", "Pers."):
            what, span_word = ("Zimmer", "Nächte") if unit == "ÜN" else ("Pers.", "Tage")
            return f"{quantity(first.item.quantity, p)} {what} × {n} {span_word} ({span})"
        return f"{span}: " + " + ".join(quantity(x.item.quantity, p) for x in group)

    # -- the page

    def rate_mark(self, rate: int) -> str:
        if self.codes:
            return "A" if rate == 7 else "B"
        return f"{rate} %"

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = []
        if dated:
            spec.append(("day", "Datum", 50, "left"))
        else:
            spec.append(("pos", "Pos.", 26, "left"))
        suffix = " brutto" if self.gross else ""
        spec += [
            ("desc", rng.choice(("Leistung", "Bezeichnung", "Beschreibung")), 0, "left"),
            ("qty", rng.choice(("Anzahl", "Menge", "Anz.")), 40, "right"),
            ("unit", rng.choice(("Einheit", "ME")), 36, "left"),
            ("price", rng.choice(("Einzelpreis", "EP", "Preis")) + suffix, 70 if suffix else 60, "right"),
            ("vat", rng.choice(("MwSt.", "USt.", "St.")), 34, "right"),
            (
                "total",
                rng.choice(("Gesamt", "Betrag", "Gesamtpreis")) + suffix,
                76 if suffix else 64,
                "right",
            ),
        ]
        return spec

    def charge_row(self, n: int, x: Charge) -> Row:
        p, item = self.p, x.item
        price, total = item.unit_price, item.total
        if self.gross:
            price, total = self.with_vat(price, item.rate), self.with_vat(total, item.rate)
        values = {
            "pos": str(n),
            "day": f"{x.day:%d.%m.%y}" if x.day else "",
            "desc": item.description,
            "qty": quantity(item.quantity, p),
            "unit": item.unit,
            "price": p.number(price),
            "vat": self.rate_mark(item.rate),
            "total": p.number(total),
        }
        return Row("item", values, item, x.notes)

    def rows(self, charges: list[Charge]) -> list[Row]:
        p = self.p
        out: list[Row] = []
        for n, x in enumerate(charges, 1):
            if self.day_heads and (n == 1 or charges[n - 2].day != x.day):
                k = (x.day - self.start).days + 1 if x.day else 0
                out.append(Row("group", {"desc": f"{k}. Tag – {p.date(x.day)}" if x.day else ""}))
            if self.layout == "sections" and (n == 1 or charges[n - 2].section != x.section):
                out.append(Row("group", {"desc": _SECTIONS[x.section]}))
            out.append(self.charge_row(n, x))
            last = n == len(charges) or charges[n].section != x.section
            if self.subtotals and last:
                total = sum((self.shown_total(y) for y in charges if y.section == x.section), Decimal(0))
                out.append(Row("sum", {"desc": f"Summe {_SECTIONS[x.section]}", "total": p.number(total)}))
        return out

    def shown_total(self, x: Charge) -> Decimal:
        return self.with_vat(x.item.total, x.item.rate) if self.gross else x.item.total

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Debitoren-Nr.")), d.customer_no))
        if self.booking:
            rows.append((rng.choice(("Buchungs-Nr.", "Reservierungs-Nr.", "Vorgangs-Nr.")), self.booking))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre PO-Nummer", "Bestellnummer")), d.order_no))
        if self.period_in_head:
            rows.append(
                (rng.choice(("Veranstaltung", "Zeitraum", "Tagungsdatum")), short_range(self.start, self.end))
            )
        if self.people_in_head:
            rows.append(("Teilnehmer", f"{self.participants} Personen"))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        lines = [
            (
                rng.choice(
                    (
                        f"Ihre Veranstaltung „{self.event}“",
                        f"Tagung: {self.event}",
                        f"{self.event} – Tagungsrechnung",
                    )
                ),
                True,
            ),  # fmt: skip
        ]
        if not self.period_in_head:
            if rng.random() < 0.5:
                lines.append((f"Anreise: {p.date(self.start)} · Abreise: {p.date(self.end)}", False))
            else:
                lines.append((f"Veranstaltungszeitraum: {p.date(self.start)} – {p.date(self.end)}", False))
        people = "" if self.people_in_head else f"{self.participants} Teilnehmer "
        lines.append(
            (
                f"Tagungsraum: {self.hall} · {people}lt. Teilnehmerliste vom {p.date(self.listed)}",
                False,
            )
        )
        if not self.booking or rng.random() < 0.4:
            what = f" Nr. {self.booking}" if self.booking else ""
            lines.append((f"lt. Buchungsbestätigung{what} vom {p.date(self.booked)}", False))
        for text, bold in lines:
            c.fit_text(L, y + 4, text, 9.5 if bold else 8.8, self.RIGHT - L, bold=bold)
            y += 12.5
        if self.greet:
            text = (
                f"{self.salutation}, vielen Dank, dass Sie Ihre Veranstaltung in unserem Haus durchgeführt haben. "
                "Für unsere Leistungen erlauben wir uns zu berechnen:"
            )
            y = c.paragraph(L, y + 6, text, self.RIGHT - L, 8.6) + 2
        return y + 4

    def letterhead(self, tagline: str, contact: Sequence[str]) -> None:
        """The hotel's own name at the top on `brand_head` seeds (the legal name in the sender line and footer)."""
        if not self.brand_head:
            super().letterhead(tagline, contact)
            return
        legal = self.data
        self.data = dataclasses.replace(legal, supplier=dataclasses.replace(legal.supplier, name=self.hotel))
        super().letterhead(tagline, contact)
        self.data = legal

    def rate_names(self) -> dict[int, str]:
        if self.codes:
            return {7: "A = 7 %", 19: "B = 19 %"}
        return self.rng.choice(({7: "7 %", 19: "19 %"}, {7: "ermäßigt 7 %", 19: "Regelsatz 19 %"}))

    def hotel_totals(self, y: float, lines: list[VatLine]) -> float:
        rng = self.rng
        net = sum((v.base for v in lines), Decimal(0))
        tax = sum((v.amount for v in lines), Decimal(0))
        if self.gross:
            label = rng.choice(("Gesamtbetrag inkl. MwSt.", "Rechnungsbetrag (brutto)", "Gesamtsumme"))
            label += " EUR" if self.p.currency == "none" else ""
            return self.totals(y, [(label, net + tax, True)])
        split = rng.random() < 0.6
        rows = [(rng.choice(("Summe netto", "Nettobetrag", "Gesamt netto")), net, False)]
        if split:
            rows += [
                (f"zzgl. {v.rate} % MwSt.", v.amount, False) for v in sorted(lines, key=lambda v: v.rate)
            ]
            if self.total_style == "strip":
                self.total_style = "block"
        else:
            rows.append((rng.choice(("zzgl. MwSt.", "Mehrwertsteuer")), tax, False))
        rows.append((self.gross_label(), net + tax, True))
        return self.totals(y, rows)

    def vat_table(self, y: float, lines: list[VatLine]) -> float:
        c, rng = self.c, self.rng
        if y + 30 + 13 * (len(lines) + 1) > self.limit:
            y = self.next_page()
            c = self.c
        head = rng.choice(
            ("Aufstellung der Mehrwertsteuer", "Enthaltene Mehrwertsteuer", "MwSt.-Aufstellung")
        )
        if self.gross or rng.random() < 0.5:
            c.text(self.RIGHT - 300, y + 14, head, 8.4, bold=True)
            y += 8
        return self.rate_table(y, lines, self.rate_names())

    def deduction(self, y: float, gross: Decimal) -> tuple[float, Decimal]:
        p, rng = self.p, self.rng
        share = Decimal(rng.choice(("0.3", "0.4", "0.5")))
        paid = max(Decimal(100), (gross * share / 100).to_integral_value(rounding=ROUND_FLOOR) * 100)
        rest = gross - paid
        label = rng.choice((f"abzgl. Anzahlung vom {p.date(self.paid_on)}",
                            f"abzgl. Vorauszahlung vom {p.date(self.paid_on)}",
                            f"abzgl. geleistete Anzahlung ({p.date(self.paid_on)})"))  # fmt: skip
        rows = [
            (label, -paid, False),
            (rng.choice(("Restbetrag", "Noch zu zahlen", "Offener Betrag")), rest, True),
        ]
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

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        if self.deposit:
            pay = f"Bitte überweisen Sie den Restbetrag von {p.amount(due)} bis zum {p.date(d.due_date)}."
        else:
            pay = self.pay_text(due)
        texts: list[tuple[str, bool]] = [(pay, True)]
        if self.codes:
            texts.append(("A = 7 % MwSt. (Beherbergung), B = 19 % MwSt.", False))
        keep = len(texts)
        texts.append(
            (
                rng.choice(
                    (
                        "Die Übernachtungen je Teilnehmer entnehmen Sie bitte der beigefügten Zimmerliste "
                        "(Rooming List).",
                        "Die Teilnehmerliste mit den gebuchten Übernachtungen liegt dieser Rechnung bei.",
                    )
                ),
                False,
            )
        )
        if rng.random() < 0.5:
            texts.append(
                (
                    "Getränke auf den Zimmern und Minibar wurden von den Teilnehmern beim Check-out direkt beglichen.",
                    False,
                )
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Wir danken Ihnen für Ihren Besuch und freuen uns, Sie bald wieder bei uns begrüßen zu dürfen.",
                        "Vielen Dank für Ihr Vertrauen – wir freuen uns auf Ihre nächste Veranstaltung in unserem Haus.",
                    )
                ),
                False,
            )
        )
        return self.short_texts(y, texts, keep)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        charges = self.charges()
        items = self.items = [x.item for x in charges]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        shown = charges if self.layout == "by_day" else self.summed(charges)
        s = d.supplier
        web = f"www.{d.email.split('@')[1]}"
        self.letterhead(rng.choice(_HOTEL_TAGLINES), [s.street, s.city_line, f"Tel. {d.phone}", web])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}", "Tagungsrechnung"))
        y = self.subject(self.details_block(self.head_rows(), title))
        cols = columns(self.spec(self.layout == "by_day" and not self.day_heads), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(shown), False)
        y = self.hotel_totals(y, vat)
        due = gross
        if self.deposit and self.deposit_first:
            y, due = self.deduction(y, gross)
        y = self.vat_table(y, vat)
        if self.deposit and not self.deposit_first:
            y, due = self.deduction(y, gross)
        y = self.closing(y, due)
        assert y < self.limit + 6, "tagungshotel_seminar: page overflow"
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

GRUEN_FAMILIES: dict[str, type[TripSheet]] = {
    "gartenbau_pflege": GartenbauPflege,
    "tagungshotel_seminar": TagungshotelSeminar,
}


def draw_gruen(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(GRUEN_FAMILIES[name], name, seed)
