"""Two invoice layout families of a painter and decorator and of a business travel agency (or a rail
operator's online ticket), designed blind (session 18).

Like `families_getraenk`, they were written without reading the field extractor and without running it, so
that they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_reise(name, seed)`. Both draw on `RentalLook` of `families_getraenk` (the letterheads, detail blocks,
table heads, totals and paragraphs of `DienstSheet`, whose look varies per seed) and return a `TripDrawing`
(truth keys only for values printed).

- `maler_lohnanteil`: a painter's and decorator's (Maler- und Lackierermeister) invoice for renovating an
  agency's offices. The seller a sole trader ("Malermeister Jens Hoffmann", owner and Steuernummer, a
  USt-IdNr. on some seeds), an "e.K." (owner, HRA) or a GmbH (HRB, Geschäftsführer); the Handwerkskammer
  registration ("Eingetragen in die Handwerksrolle der Handwerkskammer ... unter Nr. ...", "Betriebs-Nr.") in
  a footer column or on a line under the footer, the guild on some seeds; phone, fax or mobile. The head:
  invoice number and date, the customer number and the customer's order number on some seeds, the offer
  ("Angebot Nr. A-2024-031 vom 12.02.2024", in the head or as "Grundlage: unser Angebot ...") and the order's
  date on some. The site (Baustelle, Objekt, Bauvorhaben, Leistungsort: the agency's new or other office, its
  street beside or below the invoice address, or the same address with a floor) and the work. Small jobs (one
  room, one day) print a single "Leistungsdatum" / "Ausführungsdatum" / "Ausgeführt am"; larger ones the
  execution period ("Ausführungszeitraum", "Leistungszeitraum", "Ausführung vom ... bis ...") and no single
  date. Items in three layouts: sections "Arbeitslohn" (hours × rate of journeyman, master, apprentice or
  helper, the work as notes under the heading) / "Material" / "Sonstiges"; groups per room with its labour and
  material lines; or one flat table with a column marking each line "Lohn" / "Material" / "Sonst." (or L / M /
  S with a legend). Hours by the half hour; an Anfahrt (per day or a lump sum) and a disposal lump sum on some
  seeds; group sums on some. 19 % throughout. The labour share for § 35a EStG: "Im Rechnungsbetrag sind
  Lohnkosten in Höhe von ... enthalten" (net; net plus VAT = gross; gross only; with the material costs beside
  it; "inkl. Anfahrt" where the travel counts), or as a row "davon Lohnkosten ..." under the gross in the
  totals. Totals net, "zzgl. 19 % MwSt.", gross, with the labour / material subtotals before them on some
  seeds. Payment within a term, with a Skonto offer on some seeds ("Bei Zahlung innerhalb von 10 Tagen 2 %
  Skonto = 23,45 €", the amount then payable on some); the § 14b UStG retention note on some seeds. Truth: the
  usual keys; `steuernummer` and/or `ust_id` as printed (sole traders often only the Steuernummer);
  `leistungsdatum` the single date of the small jobs; `kundennummer` and `bestellnummer` (the customer's order
  number, never the offer's) where printed.
- `bahn_reisebuero`: a business travel agency's invoice for rail tickets, a hotel and its fees (most seeds),
  or a rail operator's invoice for an online ticket (the others). Prices printed gross as travel invoices do
  (one column "Betrag" with the rate beside it; or net, rate, VAT and gross per line); rail tickets at 7 %
  (long distance: dates from 2020 on, none in the second half of 2020), the seat reservation ("Sitzplatz-
  reservierung", on some agency seeds, on every operator seed) and the agency's service and booking fees at
  19 %. The hotel, decided per seed: an agency that books the room in its own name and resells it bills it
  at 7 % (with breakfast as its own 19 % line on some seeds, only when breakfast bore 19 %); one that pays
  the hotel in the customer's name and for its account passes it through without VAT at 0 % ("durchlaufender
  Posten", the hotel's own bill going to the traveller). The net of every line is worked out from its gross
  the way a seller pricing with VAT does (per rate the gross sum divided by 1 + rate; `nets_of_gross`).
  Tickets per leg ("Hinfahrt", "Rückfahrt") or for the return journey, fare and class ("Flexpreis 2.
  Klasse"), the route ("Köln Hbf → Berlin Hbf", "von ... nach ..."), date, times and train as notes, the
  passenger(s) in the head or the notes; BahnCard 25 / 50 / Business discounts as their own negative lines
  or in the ticket's text, the BahnCard's number in the head of some operator seeds. The head: invoice number
  and date, the booking's order number beside it ("Auftragsnummer" six letters and digits, "Vorgangsnummer",
  "Buchungsnummer"), the booking date, the customer number, the agent, the cost centre and the customer's
  order number on some seeds. Totals: a table by rate with a sum row (net, VAT, gross), rows per rate with
  the sums, or the gross with "enthaltene MwSt." lines and the net and VAT sums; "bereits bezahlt" and a zero
  balance on some card seeds. Payment by card ("Der Betrag wurde von Ihrer Kreditkarte abgebucht", the card
  masked; no bank account printed on some seeds) or PayPal (operator), or by transfer by a due date (the
  agency's account). The agency's IATA agent number on some seeds; HRB, Geschäftsführer or Vorstand,
  USt-IdNr. Truth: the usual keys; `iban` / `bic` only where the seller's account is printed;
  `kundennummer` and `bestellnummer` (the customer's order number, never the booking's order number) where
  printed; no `leistungsdatum` (travel on several days, the hotel over nights).

Both keep their dates out of the second half of 2020 (German VAT 16 % and 5 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import string
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_getraenk import RentalLook, price_between
from benchmarks.synth.families_more import GREY, columns, draw_sheet, footer_columns
from benchmarks.synth.families_recht import rate_summary
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import nets_of_gross
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    VatLine,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import Printer

# The agencies that receive these invoices.
_AGENCIES = (
    "Werbeagentur Lichtwerk GmbH",
    "Studio Neuland Kommunikation GmbH",
    "Agentur Feldmann & Kurz",
    "Markenhaus Ostwind GmbH",
    "Brandlabor Digital GmbH",
    "Köhler Mediendesign GmbH",
    "Agentur Morgenrot GmbH",
    "Papier & Pixel Werbeagentur",
)
_NEAR_SIXTEEN = (dt.date(2020, 5, 1), dt.date(2021, 1, 31))  # German VAT 16 % / 5 % (second half of 2020)
_OFFICE_STREETS = (
    "Hafenstraße",
    "Am Mediapark",
    "Speicherstraße",
    "Lindenallee",
    "Gutenbergstraße",
    "Kaistraße",
    "Schanzenweg",
    "Werkstattstraße",
)


def workdays_after(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day (Monday to Friday) after `day`."""
    while count:
        day += dt.timedelta(days=1)
        count -= day.weekday() < 5
    return day


def span(p: Printer, first: dt.date, last: dt.date, style: str) -> str:
    """A period as painters and travel agents print it."""
    if style == "bis":
        return f"vom {p.date(first)} bis {p.date(last)}"
    if style == "short" and first.year == last.year and p.dates == "dotted":
        return f"{first:%d.%m.}–{p.date(last)}"
    return f"{p.date(first)} – {p.date(last)}"


class ReiseSheet(RentalLook):
    """A `RentalLook` whose closing paragraphs are shortened, as a letter is, to end on their page."""

    def closing_texts(self, y: float, texts: list[tuple[str, bool]], keep: int) -> float:
        return self.short_texts(y, texts, keep, 8.2)


# ---------------------------------------------------------------------------
# maler_lohnanteil

# The painters: (name, owner, domain); the GmbHs have no owner.
_SOLE = (
    ("Malermeister Jens Hoffmann", "Jens Hoffmann", "maler-hoffmann.de"),
    ("Malerbetrieb Uwe Kersting", "Uwe Kersting", "malerbetrieb-kersting.de"),
    ("Malerwerkstatt Sandra Brück", "Sandra Brück", "malerwerkstatt-brueck.de"),
    ("Malermeister Dirk Albrecht", "Dirk Albrecht", "maler-albrecht.de"),
    ("Farbgestaltung Tim Özkan", "Tim Özkan", "farbgestaltung-oezkan.de"),
)
_EK = (
    ("Malerbetrieb Schuster e.K.", "Frank Schuster", "maler-schuster.de"),
    ("Farbe & Raum Lehmann e.K.", "Kai Lehmann", "farbeundraum-lehmann.de"),
    ("Malermeister Brandt e.K.", "Oliver Brandt", "malermeister-brandt.de"),
    ("Malerfachbetrieb Wiegand e.K.", "Petra Wiegand", "maler-wiegand.de"),
)
_GMBH = (
    ("Farbwerk Malerei GmbH", "", "farbwerk-malerei.de"),
    ("Brinkhoff Maler- und Lackierbetrieb GmbH", "", "brinkhoff-maler.de"),
    ("Malerwerkstätten Rhein-Ruhr GmbH", "", "malerwerkstaetten-rr.de"),
    ("Pinselstrich Raumgestaltung GmbH", "", "pinselstrich.de"),
    ("Maler Jansen & Söhne GmbH", "", "maler-jansen.de"),
)
# The Handwerkskammer of each supplier city of invoice_gen.
_CHAMBERS = {
    "Berlin": "Berlin",
    "München": "für München und Oberbayern",
    "Köln": "zu Köln",
    "Hamburg": "Hamburg",
    "Leipzig": "zu Leipzig",
    "Stuttgart": "Region Stuttgart",
    "Nürnberg": "für Mittelfranken",
    "Düsseldorf": "Düsseldorf",
    "Frankfurt am Main": "Frankfurt-Rhein-Main",
    "Hannover": "Hannover",
    "Erfurt": "Erfurt",
    "Kiel": "Lübeck",
    "Bremen": "Bremen",
    "Mainz": "Rheinhessen",
    "Saarbrücken": "des Saarlandes",
}
_ROOMS = (
    "Empfang / Foyer",
    "Büro Geschäftsführung",
    "Großraumbüro 2. OG",
    "Besprechungsraum",
    "Flur und Treppenhaus",
    "Teeküche",
    "Büro 2.04",
    "Kreativraum",
    "Archiv",
    "Konferenzraum 1",
)
_WORKS = (
    "Wände und Decke 2x mit Dispersionsfarbe weiß streichen",
    "Raufaser tapezieren und 2x weiß streichen",
    "Risse spachteln, schleifen, grundieren und 2x streichen",
    "Glasfasergewebe kleben und 2x beschichten",
    "Akzentwand im Farbton {colour} streichen",
    "Türen und Zargen anschleifen und weiß lackieren",
    "Heizkörper und Rohre reinigen, schleifen und lackieren",
    "Altanstrich abwaschen, Decke 2x streichen",
)
_COLOURS = ("RAL 7035 Lichtgrau", "NCS S 2010-G30Y", "Salbeigrün", "Anthrazit matt", "Petrol", "Ocker hell")
# Labour: the role's wordings and the least and most hourly rate (net).
_ROLES: dict[str, tuple[tuple[str, ...], int, int]] = {
    "geselle": (
        ("Malergeselle", "Arbeitslohn Geselle", "Gesellenstunden", "Lohn Maler- und Lackierergeselle"),
        48,
        62,
    ),
    "meister": (("Malermeister", "Meisterstunden", "Arbeitslohn Meister", "Lohn Meister"), 58, 74),
    "azubi": (
        ("Auszubildender", "Azubi-Stunden", "Arbeitslohn Auszubildende/r", "Lohn Auszubildender"),
        24,
        34,
    ),
    "helfer": (("Helfer", "Hilfskraft", "Arbeitslohn Helfer", "Lohn Hilfskraft"), 36, 44),
}
# Materials: (text, unit, least and most price, most units).
_MATERIALS = (
    ("Dispersionsfarbe weiß, Innenfarbe matt, 12,5 l", "Eimer", 48.0, 89.0, 6),
    ("Tiefgrund lösemittelfrei, 10 l", "Kan.", 24.0, 42.0, 2),
    ("Acryllack seidenmatt weiß, 2,5 l", "Dose", 38.0, 62.0, 3),
    ("Raufasertapete Nr. 52, 25 m", "Rolle", 6.9, 11.5, 20),
    ("Tapetenkleister Spezial, 500 g", "Pak.", 7.5, 12.9, 4),
    ("Malervlies 150 g/m², 25 m²", "Rolle", 39.0, 68.0, 2),
    ("Abdeckvlies mit Folie, 25 m²", "Rolle", 12.0, 29.0, 3),
    ("Malerkrepp 50 mm x 50 m", "Rolle", 3.9, 6.9, 10),
    ("Acryl-Dichtstoff weiß, 310 ml", "Kart.", 3.5, 6.5, 8),
    ("Fertigspachtel, 5 kg", "Eimer", 14.0, 26.0, 3),
    ("Abtönen nach Farbkarte, Vollton", "l", 2.5, 6.0, 20),
    ("Kleinmaterial (Schleifpapier, Abdeckmaterial)", "pausch.", 18.0, 65.0, 1),
)
_DISPOSAL = ("Entsorgung Farbreste und Altmaterial", "Entsorgung Tapetenreste", "Entsorgungspauschale")


@dataclass(frozen=True)
class Work:
    """One printed line of the painter's table: its kind (lohn, material, sonst), its item and its room."""

    kind: str
    item: LineItem
    room: str = ""


class MalerLohnanteil(ReiseSheet):
    """A painter's invoice for an office renovation: labour, material, travel, the labour share (§ 35a
    EStG)."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-serif", "liberation-serif", "dejavu-sans-condensed")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.form = rng.choice(("sole", "sole", "ek", "gmbh"))
        name, self.owner, domain = rng.choice({"sole": _SOLE, "ek": _EK, "gmbh": _GMBH}[self.form])
        self.small = rng.random() < 0.35
        start = data.date
        if _NEAR_SIXTEEN[0] <= start <= _NEAR_SIXTEEN[1]:  # the work, and the invoice after it, bear 19 %
            start = start.replace(year=2019)
        while start.weekday() > 4:
            start += dt.timedelta(days=1)
        self.start = start
        s, r = data.supplier, data.customer
        if rng.random() < 0.8:  # a painter of the agency's town
            r = dataclasses.replace(r, plz=s.plz, city=s.city, region=s.region)
        data = dataclasses.replace(
            data,
            service_date=None,
            customer=dataclasses.replace(r, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(s, name=name),
            customer_no=rng.choice(
                (f"{rng.randint(1000, 9999)}", f"K-{rng.randint(100, 999)}", f"{rng.randint(10000, 99999)}")
            )
            if rng.random() < 0.55
            else "",
            order_no=rng.choice(
                (
                    f"BE-{start.year}-{rng.randint(1, 299):03d}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"PO {rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.3
            else "",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('info', 'buero', 'kontakt', 'rechnung'))}@{domain}",
            register=f"HRA {rng.randint(1000, 29999)}" if self.form == "ek" else data.register,
        )
        super().__init__(rng, data)
        self.look()
        self.ids = {
            "sole": rng.choice(("stnr", "stnr", "both")),
            "ek": rng.choice(("vat", "both")),
            "gmbh": rng.choice(("vat", "vat", "both")),
        }[self.form]
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short", "de_long")),
        )
        self.layout = rng.choice(("sections", "rooms", "marked"))
        self.hour_unit = "h" if self.layout == "marked" and rng.random() < 0.4 else "Std."
        self.letters = rng.random() < 0.5  # the marked layout's L / M / S with a legend
        self.group_sums = rng.random() < 0.5
        self.role_texts = {role: rng.choice(texts) for role, (texts, _, _) in _ROLES.items()}
        self.anfahrt = rng.choice(("", "day", "day", "lump"))
        self.disposal = rng.random() < 0.3
        self.travel_counts = rng.random() < 0.5  # the Anfahrt counted into the labour share
        self.lohn_as = rng.choice(("net", "both", "gross", "with_material", "totals"))
        self.skonto = rng.random() < 0.45
        self.skonto_pay = rng.random() < 0.5
        self.sums_in_totals = rng.random() < 0.4
        self.offer_in_head = rng.random() < 0.5
        self.order_day_shown = rng.random() < 0.4
        self.site_as = rng.choice(("other", "other", "same"))
        self.single_label = rng.choice(("Leistungsdatum", "Ausführungsdatum", "Ausgeführt am"))
        self.period_label = rng.choice(("Ausführungszeitraum", "Leistungszeitraum", "Ausführung"))
        self.period_style = rng.choice(("dash", "bis", "short"))
        self.hwk_in = rng.choice(("column", "line"))
        self.guild = rng.random() < 0.35
        self.contact_as = rng.choice(("fax", "mobile", "both", "phone"))
        self.retention = rng.random() < 0.3
        self.intro = rng.random() < 0.5
        self.prices: dict[str, Decimal] = {}

    # -- the job

    def rooms(self) -> list[tuple[str, str, Decimal]]:
        """(room, work, journeyman's hours) of the job."""
        rng = self.rng
        count = 1 if self.small else rng.choice((2, 2, 3, 3, 4))
        out = []
        for room in rng.sample(_ROOMS, count):
            work = rng.choice(_WORKS).format(colour=rng.choice(_COLOURS))
            hours = Decimal(rng.randint(8, 18) if self.small else rng.randint(12, 64)) / 2
            out.append((room, work, hours))
        return out

    def crew(self) -> list[str]:
        """The roles beside the journeyman (apprentice or helper, master)."""
        rng = self.rng
        crew = ["geselle"]
        if rng.random() < 0.5:
            crew.append(rng.choice(("azubi", "helfer")))
        if not self.small and rng.random() < 0.35:
            crew.append("meister")
        return crew

    def labour(self, role: str, hours: Decimal, rate: Decimal, text: str = "") -> Work:
        unit = self.hour_unit
        return Work("lohn", LineItem(text or self.role_texts[role], "", hours, unit, rate, 19))

    def materials(self, count: int) -> list[Work]:
        rng = self.rng
        out = []
        for text, unit, lo, hi, most in rng.sample(_MATERIALS, count):
            qty = Decimal(rng.randint(1, most)) if unit != "l" else Decimal(rng.randint(4, most))
            price = self.prices.setdefault(text, price_between(rng, lo, hi, "0.10"))  # one price per invoice
            out.append(Work("material", LineItem(text, "", qty, unit, price, 19)))
        return out

    def works(self) -> tuple[list[Work], list[tuple[str, str]], int]:
        """The lines in the order of the layout, the (room, work) descriptions and the days on site."""
        rng = self.rng
        rooms, crew = self.rooms(), self.crew()
        rates = {role: Decimal(rng.randint(lo * 2, hi * 2)) / 2 for role, (_, lo, hi) in _ROLES.items()}
        share = {role: Decimal(rng.choice((5, 6, 8, 10))) / 10 for role in crew}
        share["geselle"], share["meister"] = Decimal(1), Decimal(rng.choice((1, 2, 3))) / 10
        total = sum((h for _, _, h in rooms), Decimal(0))
        days = 1 if self.small else max(2, int((total / 8).to_integral_value(rounding=ROUND_CEILING)))
        lines: list[Work] = []
        if self.layout == "sections":
            for role in crew:
                hours = max(round(total * share[role] * 2) / Decimal(2), Decimal(2))
                lines.append(self.labour(role, hours, rates[role]))
            lines += self.materials(rng.randint(2, 5) if not self.small else rng.randint(2, 3))
        else:
            for room, work, hours in rooms:
                text = self.role_texts["geselle"] if self.layout == "rooms" else f"{room}: {work}"
                item = self.labour("geselle", hours, rates["geselle"], text)
                lines.append(dataclasses.replace(item, room=room))
                for role in crew[1:]:
                    if role == "meister":
                        continue
                    extra = max(round(hours * share[role] * 2) / Decimal(2), Decimal(1))
                    lines.append(dataclasses.replace(self.labour(role, extra, rates[role]), room=room))
                lines += [dataclasses.replace(m, room=room) for m in self.materials(rng.randint(1, 2))]
            if "meister" in crew:
                hours = Decimal(rng.randint(2, 8))
                text = self.role_texts["meister"] + " (Bauleitung, Abnahme)"
                lines.append(self.labour("meister", hours, rates["meister"], text))
        lines += self.sonstiges(days)
        return lines, [(room, work) for room, work, _ in rooms], days

    def sonstiges(self, days: int) -> list[Work]:
        rng = self.rng
        out = []
        if self.anfahrt == "day":
            price = price_between(rng, 15, 35, "0.50")
            text = rng.choice(("Anfahrtspauschale je Arbeitstag", "Anfahrt", "Fahrtkosten je Anfahrt"))
            out.append(
                Work("sonst", LineItem(text, "", Decimal(days), "Tag" if days == 1 else "Tage", price, 19))
            )
        elif self.anfahrt == "lump":
            price = price_between(rng, 25, 65, "1")
            text = rng.choice(("Anfahrt pauschal", "Fahrtkostenpauschale", "An- und Abfahrt"))
            out.append(Work("sonst", LineItem(text, "", Decimal(1), "pausch.", price, 19)))
        if self.disposal:
            price = price_between(rng, 15, 45, "0.50")
            out.append(Work("sonst", LineItem(rng.choice(_DISPOSAL), "", Decimal(1), "pausch.", price, 19)))
        return out

    def labour_net(self, lines: list[Work]) -> Decimal:
        travel = [w for w in lines if w.kind == "sonst" and "Entsorgung" not in w.item.description]
        labour = sum((w.item.total for w in lines if w.kind == "lohn"), Decimal(0))
        return labour + (sum((w.item.total for w in travel), Decimal(0)) if self.travel_counts else 0)

    # -- the table

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 28, "left"),
            (
                "desc",
                rng.choice(("Bezeichnung", "Leistung", "Beschreibung", "Leistungsbeschreibung")),
                0,
                "left",
            ),
        ]
        if self.layout == "marked":
            spec.append(("kind", "Art", 26 if self.letters else 50, "left"))
        spec += [
            ("qty", rng.choice(("Menge", "Anzahl", "Mge.")), 40, "right"),
            ("unit", rng.choice(("Einheit", "Einh.", "ME")), 40, "left"),
            ("price", rng.choice(("Einzelpreis", "EP €", "Preis/Einh.")), 60, "right"),
            ("total", rng.choice(("Gesamt", "Betrag €", "Gesamtpreis")), 66, "right"),
        ]
        return spec

    def kind_text(self, kind: str) -> str:
        if self.letters:
            return {"lohn": "L", "material": "M", "sonst": "S"}[kind]
        return {"lohn": "Lohn", "material": "Material", "sonst": "Sonst."}[kind]

    def row(self, n: int, line: Work) -> Row:
        p, item = self.p, line.item
        values = {
            "pos": str(n),
            "desc": item.description,
            "kind": self.kind_text(line.kind),
            "qty": quantity(item.quantity, p),
            "unit": item.unit,
            "price": p.number(item.unit_price),
            "total": p.number(item.total),
        }
        return Row("item", values, item)

    def sum_row(self, label: str, lines: Sequence[Work]) -> Row:
        total = sum((w.item.total for w in lines), Decimal(0))
        return Row("sum", {"desc": label, "total": self.p.number(total)})

    def rows(self, lines: list[Work], works: list[tuple[str, str]]) -> list[Row]:
        rng = self.rng
        if self.layout == "marked":
            return [self.row(n, w) for n, w in enumerate(lines, 1)]
        out: list[Row] = []
        n = 0
        if self.layout == "sections":
            heads = {
                "lohn": rng.choice(("Arbeitslohn", "Lohnkosten", "Arbeitsleistung")),
                "material": rng.choice(("Material", "Materialkosten", "Material und Zubehör")),
                "sonst": rng.choice(("Sonstiges", "Nebenkosten", "Anfahrt / Entsorgung")),
            }
            for kind in ("lohn", "material", "sonst"):
                inner = [w for w in lines if w.kind == kind]
                if not inner:
                    continue
                notes = tuple(f"{room}: {work}" for room, work in works) if kind == "lohn" else ()
                out.append(Row("group", {"desc": heads[kind]}, notes=notes))
                for w in inner:
                    n += 1
                    out.append(self.row(n, w))
                if self.group_sums and len(inner) > 1:
                    out.append(self.sum_row(f"Summe {heads[kind]}", inner))
            return out
        described = dict(works)
        for room in [*described, ""]:
            inner = [w for w in lines if w.room == room and (room or w.kind != "sonst")]
            if not inner:
                continue
            out.append(Row("group", {"desc": f"{room}: {described[room]}" if room else "Bauleitung"}))
            for w in inner:
                n += 1
                out.append(self.row(n, w))
            if self.group_sums and room and len(inner) > 1:
                out.append(self.sum_row(f"Summe {room}", inner))
        rest = [w for w in lines if w.kind == "sonst"]
        if rest:
            out.append(Row("group", {"desc": rng.choice(("Sonstiges", "Nebenkosten"))}))
            for w in rest:
                n += 1
                out.append(self.row(n, w))
        return out

    # -- the head

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Kd.-Nr.")), d.customer_no))
        if self.offer_in_head:
            rows.append(
                (
                    rng.choice(("Angebot", "Angebots-Nr.", "Unser Angebot")),
                    f"{self.offer} vom {p.date(self.offer_day)}",
                )
            )
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre Bestellnummer", "Ihr Zeichen")), d.order_no))
        if self.small and rng.random() < 0.6:
            assert d.service_date is not None
            rows.append((self.single_label, p.date(d.service_date)))
            self.single_in_head = True
        return rows

    def site(self) -> tuple[str, list[str]]:
        """The site's label and lines (its name, street and town)."""
        r, rng = self.data.customer, self.rng
        label = rng.choice(("Baustelle", "Objekt", "Bauvorhaben", "Leistungsort", "Objektanschrift"))
        floor = rng.choice(("2. OG", "3. OG", "EG links", "1. OG rechts", "Dachgeschoss"))
        if self.site_as == "same":
            return label, [f"Ihre Büroräume, {floor}", r.street, r.city_line]
        street = f"{rng.choice(_OFFICE_STREETS)} {rng.randint(1, 99)}"
        return label, [f"Büroetage {floor}" if rng.random() < 0.5 else "Neue Büroräume", street, r.city_line]

    def site_block(self, label: str, lines: list[str]) -> None:
        """The site beside the invoice address, at the right."""
        c, y = self.c, self.window_y
        c.text(328, y, f"{label}:", 7.5, bold=True, colour=GREY)
        for line in lines:
            y += 11.5
            c.fit_text(328, y, line, 9, self.RIGHT - 328)

    def subject(self, y: float, site: tuple[str, list[str]] | None) -> float:
        d, p, rng, c = self.data, self.p, self.rng, self.c
        lines: list[tuple[str, bool]] = [
            (
                rng.choice(
                    (
                        "Malerarbeiten",
                        "Renovierung Büroräume",
                        "Maler- und Tapezierarbeiten",
                        "Renovierungsarbeiten in Ihren Büroräumen",
                    )
                ),
                True,
            ),
        ]
        if site:
            label, parts = site
            lines.append((f"{label}: {', '.join(parts)}", False))
        if self.small:
            if not self.single_in_head:
                assert d.service_date is not None
                lines.append((f"{self.single_label}: {p.date(d.service_date)}", False))
        else:
            text = span(p, self.start, self.last, self.period_style)
            lines.append(
                (
                    f"{self.period_label}: {text}"
                    if self.period_style != "bis"
                    else f"{self.period_label} {text}",
                    False,
                )
            )
        if not self.offer_in_head:
            text = rng.choice(("Grundlage: unser Angebot Nr. {o} vom {d}", "gemäß Angebot {o} vom {d}"))
            lines.append((text.format(o=self.offer, d=p.date(self.offer_day)), False))
        if self.order_day_shown:
            lines.append((f"Ihr Auftrag vom {p.date(self.order_day)}", False))
        for text, bold in lines:
            c.fit_text(self.LEFT, y + 4, text, 9 if bold else 8.6, self.RIGHT - self.LEFT, bold=bold)
            y += 12
        if self.intro:
            text = rng.choice(
                (
                    (
                        "Sehr geehrte Damen und Herren, für die in Ihrem Auftrag ausgeführten Arbeiten "
                        "erlauben wir uns wie folgt zu berechnen:"
                    ),
                    "Für die ausgeführten Arbeiten berechnen wir Ihnen:",
                )
            )
            y = c.paragraph(self.LEFT, y + 6, text, self.RIGHT - self.LEFT, 8.6) - 4
        return y + 2

    # -- totals and text

    def total_rows(self, lines: list[Work], vat: VatLine, labour: Decimal) -> list[tuple[str, Decimal, bool]]:
        rng, gross = self.rng, vat.base + vat.amount
        rows: list[tuple[str, Decimal, bool]] = []
        if self.sums_in_totals:
            for kind, label in (
                ("lohn", "Summe Lohn"),
                ("material", "Summe Material"),
                ("sonst", "Sonstiges"),
            ):
                value = sum((w.item.total for w in lines if w.kind == kind), Decimal(0))
                if value:
                    rows.append((label, value, False))
        rows += [
            (
                rng.choice(("Nettobetrag", "Summe netto", "Rechnungsbetrag netto", "Zwischensumme")),
                vat.base,
                False,
            ),
            (
                rng.choice(("zzgl. 19 % MwSt.", "19 % MwSt.", "zzgl. 19 % USt.", "Umsatzsteuer 19 %")),
                vat.amount,
                False,
            ),
            (
                rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Bruttobetrag", "Endbetrag"))
                + (" EUR" if self.p.currency == "none" else ""),
                gross,
                True,
            ),
        ]
        if self.lohn_as == "totals":
            travel = " inkl. Anfahrt" if self.travel_counts and self.anfahrt else ""
            if rng.random() < 0.5:
                rows.append((f"davon Lohnkosten{travel} netto", labour, False))
            else:
                rows.append(
                    (
                        f"darin enthaltene Lohnkosten{travel} brutto",
                        labour + round_cent(labour * Decimal("0.19")),
                        False,
                    )
                )
        return rows

    def lohn_text(self, labour: Decimal, material: Decimal) -> str:
        p, rng = self.p, self.rng
        tax = round_cent(labour * Decimal("0.19"))
        travel = " (inkl. Anfahrt)" if self.travel_counts and self.anfahrt else ""
        if self.lohn_as == "net":
            return rng.choice(
                (
                    (
                        f"Im Rechnungsbetrag sind Lohnkosten{travel} in Höhe von {p.amount(labour)} netto "
                        "enthalten."
                    ),
                    (
                        f"Im Rechnungsbetrag sind Arbeitskosten im Sinne von § 35a EStG{travel} in Höhe von "
                        f"{p.amount(labour)} (netto) enthalten."
                    ),
                )
            )
        if self.lohn_as == "both":
            return (
                f"Im Rechnungsbetrag sind Lohnkosten{travel} in Höhe von {p.amount(labour)} zzgl. "
                f"{p.amount(tax)} MwSt. = {p.amount(labour + tax)} enthalten (§ 35a EStG)."
            )
        if self.lohn_as == "gross":
            return rng.choice(
                (
                    f"Lohnanteil gemäß § 35a EStG{travel}: {p.amount(labour + tax)} inkl. 19 % MwSt.",
                    (
                        f"Der Anteil der Arbeitskosten{travel} am Rechnungsbetrag beträgt "
                        f"{p.amount(labour + tax)} (brutto)."
                    ),
                )
            )
        return (
            f"Im Rechnungsbetrag sind enthalten: Lohnkosten{travel} {p.amount(labour)}, Materialkosten "
            f"{p.amount(material)} (jeweils netto)."
        )

    def payment(self, gross: Decimal) -> str:
        d, p, rng = self.data, self.p, self.rng
        days = (d.due_date - d.date).days
        if not self.skonto:
            return rng.choice(
                (
                    f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                    (
                        f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} ohne Abzug "
                        "auf unser Konto."
                    ),
                    f"Zahlungsziel: {p.date(d.due_date)}, rein netto.",
                )
            )
        pct, within = rng.choice((2, 2, 3)), rng.choice((7, 10, 10, 14))
        cut = round_cent(gross * pct / 100)
        text = rng.choice(
            (
                f"Bei Zahlung innerhalb von {within} Tagen {pct} % Skonto = {p.amount(cut)}",
                f"Bei Zahlung innerhalb von {within} Tagen gewähren wir {pct} % Skonto ({p.amount(cut)})",
                f"Zahlbar innerhalb von {within} Tagen mit {pct} % Skonto = {p.amount(cut)}",
            )
        )
        if self.skonto_pay:
            text += f", Zahlbetrag dann {p.amount(gross - cut)}"
        return text + f"; innerhalb von {days if days > within else 30} Tagen netto."

    def closing(self, y: float, gross: Decimal, labour: Decimal, material: Decimal) -> float:
        rng = self.rng
        texts: list[tuple[str, bool]] = [(self.payment(gross), True)]
        if self.lohn_as != "totals":
            texts.append((self.lohn_text(labour, material), False))
        keep = len(texts)
        if self.layout == "marked" and self.letters:
            texts.append(("L = Lohn, M = Material, S = Sonstiges", False))
            keep += 1
        if self.retention:
            texts.append(
                (
                    (
                        "Hinweis: Privatpersonen sind verpflichtet, diese Rechnung zwei Jahre lang "
                        "aufzubewahren (§ 14b UStG)."
                    ),
                    False,
                )
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Vielen Dank für Ihren Auftrag!",
                        "Wir bedanken uns für den Auftrag und stehen Ihnen gerne wieder zur Verfügung.",
                        "Die Gewährleistung richtet sich nach den gesetzlichen Bestimmungen (BGB).",
                    )
                ),
                False,
            )
        )
        return self.closing_texts(y, texts, keep)

    def contact(self) -> list[str]:
        d, s, rng = self.data, self.data.supplier, self.rng
        out = [s.street, s.city_line]
        if self.contact_as != "mobile":
            out.append(f"Tel. {d.phone}")
        if self.contact_as in ("fax", "both"):
            out.append(f"Fax {d.phone[:-2]}{rng.randint(10, 99)}")
        if self.contact_as in ("mobile", "both"):
            out.append(f"Mobil 01{rng.choice((51, 60, 70, 72, 76))} {rng.randint(1000000, 9999999)}")
        return [*out, d.email]

    def hwk(self) -> list[str]:
        """The Handwerkskammer registration: one line under the footer, or two in its legal column."""
        city = self.data.supplier.city
        chamber = f"Handwerkskammer {_CHAMBERS.get(city, city)}"
        if self.hwk_in == "column":
            return [
                chamber,
                self.rng.choice((f"Betriebs-Nr. {self.hwk_no}", f"Handwerksrolle Nr. {self.hwk_no}")),
            ]
        return [
            self.rng.choice(
                (
                    f"Eingetragen in die Handwerksrolle der {chamber} unter Nr. {self.hwk_no}",
                    f"{chamber} · Betriebs-Nr. {self.hwk_no}",
                    f"Mitglied der {chamber}, Betriebsnummer {self.hwk_no}",
                )
            )
        ]

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        if self.form == "gmbh":
            legal = [f"Geschäftsführer: {d.ceo}", f"Amtsgericht {s.city} {d.register}"]
        elif self.form == "ek":
            legal = [f"Inhaber: {self.owner}", f"Amtsgericht {s.city} {d.register}"]
        else:
            legal = [f"Inhaber: {self.owner}", "Maler- und Lackierermeister"]
        legal += self.tax_ids("USt-IdNr.", "Steuernummer")
        if self.hwk_in == "column":
            legal += self.hwk_text
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email],
            legal,
            [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.7)
        bottom = A4.height - 22
        if self.hwk_in == "line":
            text = self.hwk_text[0] + (
                f" · Mitglied der Maler- und Lackiererinnung {s.city}" if self.guild else ""
            )
            c.fit_text(c.width / 2, bottom, text, 6.7, self.RIGHT - self.LEFT, align="center", colour=GREY)
        elif self.guild:
            c.fit_text(
                c.width / 2,
                bottom,
                f"Innungsbetrieb der Maler- und Lackiererinnung {s.city}",
                6.7,
                self.RIGHT - self.LEFT,
                align="center",
                colour=GREY,
            )

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.single_in_head = False
        lines, works, days = self.works()
        self.last = workdays_after(self.start, days - 1)
        day = self.last + dt.timedelta(days=rng.randint(1, 9))
        n = rng.randint(1, 999)
        number = rng.choice(
            (
                f"{day.year}-{n:04d}",
                f"R {day.year % 100}/{n:04d}",
                f"RE-{rng.randint(1000, 4999)}",
                f"{n}/{day.year}",
                f"MR-{day.year % 100}-{n:03d}",
            )
        )
        self.offer_day = self.start - dt.timedelta(days=rng.randint(12, 45))
        self.order_day = self.offer_day + dt.timedelta(days=rng.randint(2, 9))
        self.offer = rng.choice(
            (
                f"A-{self.offer_day.year}-{rng.randint(1, 199):03d}",
                f"AN {rng.randint(1000, 4999)}",
                f"{rng.randint(100, 999)}/{self.offer_day.year % 100}",
            )
        )
        self.hwk_no = rng.choice(
            (str(rng.randint(10000, 99999)), f"{rng.randint(100, 999)} {rng.randint(100, 999)}")
        )
        self.hwk_text = self.hwk()
        self.data = d = dataclasses.replace(
            d,
            number=number,
            date=day,
            service_date=self.start if self.small else None,
            due_date=day + dt.timedelta(days=rng.choice((8, 10, 14, 14, 30))),
        )
        items = [w.item for w in lines]
        (vat,) = vat_breakdown(items)
        gross = vat.base + vat.amount
        labour = self.labour_net(lines)
        material = sum((w.item.total for w in lines if w.kind == "material"), Decimal(0))
        tagline = rng.choice(
            (
                "Maler- und Lackiererarbeiten · Tapezierarbeiten · Bodenbeläge",
                "Meisterbetrieb seit 1987",
                "Innenraumgestaltung · Fassaden · Lackierarbeiten",
                "Ihr Malermeister für Wohnung, Büro und Gewerbe",
            )
        )
        self.letterhead(tagline, self.contact())
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        site = self.site()
        y = self.details_block(self.head_rows(), title)
        if self.details in ("boxes", "under") and rng.random() < 0.7:
            self.site_block(*site)
            shown: tuple[str, list[str]] | None = None
        else:
            shown = site
        y = self.subject(y, shown)
        y = self.table(
            y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(lines, works), rng.random() < 0.5
        )
        rows = self.total_rows(lines, vat, labour)
        if self.total_style == "strip" and len(rows) > 4:
            self.total_style = "block"
        y = self.totals(y, rows)
        y = self.closing(y, gross, labour, material)
        assert y < self.limit + 6, "maler_lohnanteil: page overflow"
        pages = self.close_pages(rng.random() < 0.3)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.small,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
        )


# ---------------------------------------------------------------------------
# bahn_reisebuero

# The sellers: (name, domain, owner of a sole trader).
_TRAVEL_AGENCIES = (
    ("FirmenReisen Rhein GmbH", "firmenreisen-rhein.de", ""),
    ("Reisebüro am Ring GmbH", "reisebuero-am-ring.de", ""),
    ("BTC Business Travel Center GmbH", "btc-travel.de", ""),
    ("Geschäftsreisen Lindner e.K.", "lindner-reisen.de", "Marion Lindner"),
    ("TravelPartner Nord GmbH", "travelpartner-nord.de", ""),
    ("Reisewelt Business Service GmbH", "reisewelt-business.de", ""),
)
_OPERATORS = (
    ("RheinExpress Fernverkehr GmbH", "rheinexpress.de", ""),
    ("Mitteldeutsche Fernbahn AG", "mitteldeutsche-fernbahn.de", ""),
    ("Hanse-Fernbahn GmbH", "hanse-fernbahn.de", ""),
    ("Alpen-Nordsee-Express AG", "anx-bahn.de", ""),
)
_STATIONS = {
    "Berlin": "Berlin Hbf",
    "München": "München Hbf",
    "Köln": "Köln Hbf",
    "Hamburg": "Hamburg Hbf",
    "Leipzig": "Leipzig Hbf",
    "Stuttgart": "Stuttgart Hbf",
    "Nürnberg": "Nürnberg Hbf",
    "Düsseldorf": "Düsseldorf Hbf",
    "Frankfurt am Main": "Frankfurt(Main)Hbf",
    "Hannover": "Hannover Hbf",
    "Erfurt": "Erfurt Hbf",
    "Kiel": "Kiel Hbf",
    "Bremen": "Bremen Hbf",
    "Mainz": "Mainz Hbf",
    "Saarbrücken": "Saarbrücken Hbf",
}
_HOTELS = (
    "Hotel Lindenhof",
    "Parkhotel Europa",
    "Business Inn Zentrum",
    "Hotel am Hauptbahnhof",
    "Hotel Residenz am Markt",
    "Stadthotel Kranich",
)
_TRAVELLERS = (
    "Herr Jonas Weber",
    "Frau Lea Hartmann",
    "Herr Malte Krüger",
    "Frau Aylin Demir",
    "Herr Sebastian Vogt",
    "Frau Julia Neumann",
    "Herr Can Öztürk",
    "Frau Svenja Lorenz",
)
_AGENTS = ("Frau Bauer", "Herr Schulz", "Frau Petersen", "Herr Wolff", "Frau Kaya")
_WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
_LOWER_RAIL_VAT = dt.date(2020, 1, 1)  # long-distance rail at 7 % from then on
_FOOD_AT_SEVEN = (dt.date(2020, 7, 1), dt.date(2023, 12, 31))  # hotel breakfast at 7 % then


def rail_day(rng: random.Random, day: dt.date) -> dt.date:
    """A booking `day` moved to 2021–2025 when long-distance rail did not bear 7 % or VAT was 16 % / 5 % (the
    journey up to five weeks later included)."""
    if day < _LOWER_RAIL_VAT or _NEAR_SIXTEEN[0] <= day <= _NEAR_SIXTEEN[1]:
        year = rng.randint(2021, 2025)
        return day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)
    return day


@dataclass(frozen=True)
class Charge:
    """One printed line: its group, text, count and gross price each, rate, notes under it, printed date."""

    group: str  # bahn, hotel, service
    text: str
    count: int
    price: Decimal
    rate: int
    notes: tuple[str, ...] = ()
    when: str = ""

    @property
    def gross(self) -> Decimal:
        return round_cent(self.count * self.price)


@dataclass(frozen=True)
class Leg:
    """One direction of the journey: its label, day, stations, times and train."""

    label: str
    day: dt.date
    origin: str
    destination: str
    leaves: str
    arrives: str
    train: str


class BahnReisebuero(ReiseSheet):
    """A travel agency's invoice for rail tickets, a hotel and fees, or a rail operator's online ticket."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.operator = rng.random() < 0.3
        name, domain, self.owner = rng.choice(_OPERATORS if self.operator else _TRAVEL_AGENCIES)
        booked = rail_day(rng, data.date)
        self.booked = booked
        day = booked if self.operator or rng.random() < 0.6 else booked + dt.timedelta(days=rng.randint(1, 4))
        n = rng.randint(1, 999999)
        number = rng.choice(
            (f"{rng.randint(10**11, 10**12 - 1)}", f"FV{day.year}{n:07d}")
            if self.operator
            else (
                f"RB-{day.year}-{n:06d}",
                f"{day.year % 100}{n:06d}",
                f"R{rng.randint(100000, 999999)}",
                f"{n:06d}/{day.year % 100}",
            )
        )
        city = data.customer.city
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((7, 10, 14))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (
                    f"FK-{rng.randint(10000, 99999)}",
                    f"{rng.randint(100000, 999999)}",
                    f"K{rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < (0.3 if self.operator else 0.7)
            else "",
            order_no=rng.choice(
                (f"BE-{day.year}-{rng.randint(1, 499):03d}", f"45{rng.randint(10**7, 10**8 - 1)}")
            )
            if not self.operator and rng.random() < 0.25
            else "",
            email=f"{rng.choice(('service', 'rechnung', 'buchung'))}@{domain}",
            register=f"HRA {rng.randint(1000, 9999)}" if name.endswith("e.K.") else data.register,
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "both" if rng.random() < 0.2 else "vat"
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "sign_before")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short")),
        )
        self.origin = _STATIONS.get(city, "Köln Hbf")
        self.destination = rng.choice([s for s in _STATIONS.values() if s != self.origin])
        self.persons = rng.choice((1, 1, 1, 2))
        self.travellers = rng.sample(_TRAVELLERS, self.persons)
        self.round_trip = rng.random() < 0.85
        self.fare = rng.choice(("Flexpreis", "Flexpreis", "Sparpreis", "Super Sparpreis"))
        self.klasse = rng.choice((1, 2, 2))
        self.card = rng.choice(("", "", "BahnCard 25", "BahnCard 25", "BahnCard 50", "BahnCard Business 25"))
        self.discount_line = rng.random() < 0.5
        self.per_leg = not self.round_trip or rng.random() < 0.6
        self.seats = self.operator or rng.random() < 0.6
        self.hotel = not self.operator and self.round_trip and rng.random() < 0.8
        self.hotel_vat = rng.random() < 0.5  # 7 %; else passed through at 0 %
        self.net_cols = not self.operator and rng.random() < 0.35
        self.date_col = rng.random() < 0.5
        self.sum_style = rng.choice(("table", "rows", "contained"))
        self.payment = (
            rng.choice(("card", "card", "paypal"))
            if self.operator
            else rng.choice(("card", "invoice", "invoice"))
        )
        self.own_bank = self.payment == "invoice" or rng.random() < (0.3 if self.operator else 0.5)
        self.paid_rows = self.payment != "invoice" and rng.random() < 0.5
        self.route_as = rng.choice(("arrow", "dash", "words"))
        self.iata = not self.operator and rng.random() < 0.5
        self.booking_label = (
            "Auftragsnummer"
            if self.operator
            else rng.choice(("Auftragsnummer", "Vorgangsnummer", "Buchungsnummer", "Vorgangs-Nr."))
        )
        self.booking_no = (
            "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6))
            if self.operator or rng.random() < 0.5
            else f"{rng.randint(100000, 999999)}"
        )
        self.card_no = " ".join(f"{rng.randint(0, 9999):04d}" for _ in range(4)) if self.card else ""
        self.cost_centre = f"KST {rng.randint(100, 999)}" if not self.operator and rng.random() < 0.3 else ""
        self.agent = rng.choice(_AGENTS) if not self.operator and rng.random() < 0.5 else ""
        self.city_ticket = self.fare == "Flexpreis" or bool(self.card)

    # -- the journey

    def legs(self) -> list[Leg]:
        rng = self.rng
        out_day = self.booked + dt.timedelta(days=rng.randint(2, 30))
        days = [out_day]
        if self.round_trip:
            days.append(out_day + dt.timedelta(days=rng.randint(1, 3)))
        legs = []
        stations = [(self.origin, self.destination), (self.destination, self.origin)]
        for k, day in enumerate(days):
            start = rng.randint(5 * 12, 19 * 12) * 5
            length = rng.randint(150, 330)
            stop = start + length
            kind = rng.choice(("ICE", "ICE", "IC"))
            train = f"{kind} {rng.randint(500, 1999) if kind == 'ICE' else rng.randint(2000, 2399)}"
            legs.append(
                Leg(
                    "Hinfahrt" if k == 0 else "Rückfahrt",
                    day,
                    *stations[k],
                    f"{start // 60:02d}:{start % 60:02d}",
                    f"{stop // 60 % 24:02d}:{stop % 60:02d}",
                    train,
                )
            )
        return legs

    def route(self, a: str, b: str) -> str:
        return {"arrow": f"{a} → {b}", "dash": f"{a} – {b}", "words": f"von {a} nach {b}"}[self.route_as]

    def leg_note(self, leg: Leg) -> str:
        wd = _WEEKDAYS[leg.day.weekday()]
        return (
            f"{leg.label}: {wd}, {self.p.date(leg.day)}, {leg.origin} ab {leg.leaves} – "
            f"{leg.destination} an {leg.arrives}, {leg.train}"
        )

    def base_price(self) -> Decimal:
        rng = self.rng
        if self.fare == "Flexpreis":
            euros = rng.randint(99, 165)
        elif self.fare == "Sparpreis":
            euros = rng.randint(29, 79)
        else:
            euros = rng.randint(17, 49)
        if self.klasse == 1:
            euros = euros * rng.choice((15, 16, 17)) // 10
        return Decimal(euros) + Decimal(rng.choice(("0.90", "0.99", "0.90")))

    def discount_pct(self) -> int:
        if not self.card:
            return 0
        return 50 if "50" in self.card and self.fare == "Flexpreis" else 25

    def tickets(self, legs: list[Leg]) -> list[Charge]:
        rng, p = self.rng, self.p
        pct = self.discount_pct()
        klasse = f"{self.klasse}. Klasse"
        card = f" ({self.card})" if self.card and not self.discount_line else ""
        out: list[Charge] = []
        parts = [[leg] for leg in legs] if self.per_leg else [legs]
        for group in parts:
            price = sum((self.base_price() for _ in group), Decimal(0))
            cut = round_cent(price * pct / 100)
            if len(group) == 1:
                what = self.route(group[0].origin, group[0].destination)
                label = f"{group[0].label}: " if self.round_trip else ""
            else:
                what = self.route(self.origin, self.destination) + " und zurück"
                label = "Hin- und Rückfahrt: "
            notes = [self.leg_note(leg) for leg in group]
            if self.fare != "Flexpreis":
                notes.append("Zugbindung: gültig nur in den gebuchten Zügen")
            elif self.city_ticket and rng.random() < 0.5:
                notes.append("inkl. City-Ticket am Start- und Zielort")
            if self.persons > 1 and rng.random() < 0.5:
                notes.append("Reisende: " + ", ".join(self.travellers))
            text = f"{label}{self.fare} {klasse}{card}, {what}"
            unit = price if self.discount_line else price - cut
            out.append(Charge("bahn", text, self.persons, unit, 7, tuple(notes), p.date(group[0].day)))
            if pct and self.discount_line:
                out.append(
                    Charge(
                        "bahn", f"{self.card}-Rabatt {pct} %", self.persons, -cut, 7, (), p.date(group[0].day)
                    )
                )
        return out

    def seat_lines(self, legs: list[Leg]) -> list[Charge]:
        rng, p = self.rng, self.p
        price = Decimal(
            rng.choice(("4.90", "5.20", "5.50")) if self.klasse == 2 else rng.choice(("6.50", "6.90"))
        )
        notes = tuple(
            f"{leg.label} {leg.train}: Wagen {rng.randint(1, 14)}, Platz {rng.randint(11, 118)}"
            for leg in legs
        )
        text = f"Sitzplatzreservierung {self.klasse}. Klasse" + (
            ", Hin- und Rückfahrt" if len(legs) > 1 else ""
        )
        return [Charge("bahn", text, self.persons * len(legs), price, 19, notes, p.date(legs[0].day))]

    def hotel_lines(self, legs: list[Leg]) -> list[Charge]:
        rng, p = self.rng, self.p
        arrive, leave = legs[0].day, legs[-1].day
        nights = (leave - arrive).days
        town = self.destination.replace(" Hbf", "").replace("(Main)Hbf", " am Main")
        hotel = f"{rng.choice(_HOTELS)} {town}"
        price = Decimal(rng.randint(79, 189)) + Decimal(rng.choice(("0", "0.50", "0.90")))
        room = "Einzelzimmer" if self.persons == 1 else f"{self.persons} Einzelzimmer"
        breakfast = (
            self.hotel_vat and not _FOOD_AT_SEVEN[0] <= leave <= _FOOD_AT_SEVEN[1] and rng.random() < 0.5
        )
        board = (
            "ohne Frühstück"
            if self.hotel_vat and not breakfast
            else "inkl. Frühstück"
            if not self.hotel_vat
            else ""
        )
        nights_text = f"{nights} {'Nacht' if nights == 1 else 'Nächte'}"
        stay = f"Anreise {p.date(arrive)}, Abreise {p.date(leave)}, {nights_text}"
        notes = [stay, ", ".join(x for x in (room, board) if x)]
        if self.hotel_vat:
            text = f"Übernachtung {hotel}"
        else:
            text = rng.choice(
                (
                    f"Hotelkosten {hotel} (durchlaufender Posten)",
                    f"Übernachtung {hotel}, verauslagt in Ihrem Namen und für Ihre Rechnung",
                )
            )
            notes.append("Die Rechnung des Hotels erhalten Sie direkt vom Hotel.")
        out = [
            Charge(
                "hotel",
                text,
                nights * self.persons,
                price,
                7 if self.hotel_vat else 0,
                tuple(notes),
                p.date(arrive),
            )
        ]
        if breakfast:
            bf = Decimal(rng.randint(29, 48)) / 2
            out.append(
                Charge(
                    "hotel",
                    "Frühstück",
                    nights * self.persons,
                    bf,
                    19,
                    (),
                    p.date(arrive + dt.timedelta(days=1)),
                )
            )
        return out

    def fee_lines(self, tickets: int) -> list[Charge]:
        rng = self.rng
        nets = (Decimal("8.00"), Decimal("10.00"), Decimal("12.50"), Decimal("15.00"))
        net = rng.choice(nets)
        out = [
            Charge(
                "service",
                rng.choice(("Servicegebühr Bahnbuchung", "Serviceentgelt Bahnticket", "Buchungsgebühr Bahn")),
                tickets,
                round_cent(net * Decimal("1.19")),
                19,
            )
        ]
        if self.hotel:
            net = rng.choice(nets)
            out.append(
                Charge(
                    "service",
                    rng.choice(("Buchungsgebühr Hotel", "Serviceentgelt Hotelreservierung")),
                    1,
                    round_cent(net * Decimal("1.19")),
                    19,
                )
            )
        return out

    def charges(self) -> tuple[list[Charge], list[Decimal]]:
        """The printed lines and their nets (worked out from their gross per rate)."""
        for _ in range(200):
            legs = self.legs()
            lines = self.tickets(legs)
            if self.seats:
                lines += self.seat_lines(legs)
            if self.hotel:
                lines += self.hotel_lines(legs)
            if not self.operator:
                lines += self.fee_lines(self.persons)
            nets = nets_of_gross([(c.gross, c.rate) for c in lines])
            if nets is not None:
                return lines, nets
        raise AssertionError("bahn_reisebuero: no booking whose cents add up")

    # -- the table

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 26, "left"),
            ("desc", rng.choice(("Leistung", "Beschreibung", "Reiseleistung", "Bezeichnung")), 0, "left"),
        ]
        if self.date_col:
            spec.append(("when", rng.choice(("Datum", "Reisedatum", "Termin")), 56, "left"))
        spec.append(("qty", rng.choice(("Anz.", "Menge")), 38, "right"))
        if self.net_cols:
            spec += [
                ("net", "Netto", 56, "right"),
                ("vat", "USt", 32, "right"),
                ("tax", "USt-Betrag", 52, "right"),
                ("total", "Brutto", 60, "right"),
            ]
        else:
            spec += [
                ("vat", rng.choice(("MwSt.", "USt.", "MwSt-Satz")), 44, "right"),
                ("total", rng.choice(("Betrag", "Preis €", "Gesamt", "Betrag brutto")), 64, "right"),
            ]
        return spec

    def rows(self, lines: list[Charge], nets: list[Decimal], items: list[LineItem]) -> list[Row]:
        rng, p = self.rng, self.p
        heads = {
            "bahn": rng.choice(("Bahnfahrt", "Bahn", "Bahnreise", "Fahrkarten")),
            "hotel": rng.choice(("Hotel", "Übernachtung", "Hotelbuchung")),
            "service": rng.choice(("Servicegebühren", "Serviceentgelte", "Gebühren")),
        }
        grouped = not self.operator and rng.random() < 0.7
        out: list[Row] = []
        group = ""
        for n, (line, net, item) in enumerate(zip(lines, nets, items, strict=True), 1):
            if grouped and line.group != group:
                group = line.group
                out.append(Row("group", {"desc": heads[group]}))
            values = {
                "pos": str(n),
                "desc": line.text,
                "when": line.when if line.group != "service" else "",
                "qty": str(line.count),
                "vat": f"{line.rate} %",
                "total": p.number(line.gross),
            }
            if self.net_cols:
                values |= {"net": p.number(net), "tax": p.number(line.gross - net)}
            out.append(Row("item", values, item, line.notes))
        return out

    # -- the head

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        number = (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number)
        booking = (self.booking_label, self.booking_no)
        rows = [booking, number] if self.operator and rng.random() < 0.6 else [number, booking]
        rows.append((rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)))
        if self.operator or rng.random() < 0.5:
            rows.append((rng.choice(("Buchungsdatum", "Gebucht am")), p.date(self.booked)))
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Firmenkunden-Nr.")), d.customer_no))
        if not self.traveller_below:
            rows.append(("Reisende" if self.persons > 1 else "Reisender", ", ".join(self.travellers)))
        if self.card_no and self.operator:
            rows.append(("BahnCard-Nr.", self.card_no))
        if self.agent:
            rows.append((rng.choice(("Sachbearbeiter/in", "Ihr Ansprechpartner", "Bearbeiter")), self.agent))
        if self.cost_centre:
            rows.append(("Kostenstelle", self.cost_centre))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre Bestellnummer", "Ihre Referenz")), d.order_no))
        return rows

    def subject(self, y: float) -> float:
        c, rng = self.c, self.rng
        lines: list[tuple[str, bool]] = []
        if self.operator:
            lines.append(
                (
                    rng.choice(
                        (
                            "Ihre Online-Buchung",
                            "Rechnung zu Ihrer Online-Buchung",
                            f"Ihre Buchung vom {self.p.date(self.booked)}",
                        )
                    ),
                    True,
                )
            )
        else:
            trip = self.route(self.origin, self.destination) + (" und zurück" if self.round_trip else "")
            lines.append((rng.choice(("Geschäftsreise", "Dienstreise", "Reise")) + f" {trip}", True))
        if self.traveller_below:
            lines.append(
                (("Reisende: " if self.persons > 1 else "Reisender: ") + ", ".join(self.travellers), False)
            )
        for text, bold in lines:
            c.fit_text(self.LEFT, y + 4, text, 9 if bold else 8.6, self.RIGHT - self.LEFT, bold=bold)
            y += 12
        return y + 2

    # -- the totals

    def vat_name(self, rate: int) -> str:
        return {
            0: self.rng.choice(("0 % (durchl. Posten)", "ohne MwSt.", "nicht steuerbar")),
            7: "7 %",
            19: "19 %",
        }[rate]

    def draw_totals(self, y: float, lines: list[VatLine], gross: Decimal) -> float:
        rng, p = self.rng, self.p
        net = sum((v.base for v in lines), Decimal(0))
        vat = sum((v.amount for v in lines), Decimal(0))
        gross_label = rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Summe", "Gesamtpreis"))
        paid = (
            [
                (rng.choice(("bereits bezahlt", "Zahlung per Karte", "abzgl. Zahlung")), -gross, False),
                (rng.choice(("offener Betrag", "Restbetrag", "Saldo")), Decimal(0), True),
            ]
            if self.paid_rows
            else []
        )
        if self.sum_style == "rows":
            rows: list[tuple[str, Decimal, bool]] = []
            for v in lines:
                rows.append((f"Netto {self.vat_name(v.rate)}" if v.rate else self.vat_name(0), v.base, False))
            rows.append((rng.choice(("Summe netto", "Nettobetrag")), net, False))
            rows += [(f"MwSt. {v.rate} %", v.amount, False) for v in lines if v.rate]
            rows.append((rng.choice(("Summe MwSt.", "MwSt. gesamt")), vat, False))
            rows.append((gross_label, gross, True))
            self.total_style = "block" if self.total_style == "strip" else self.total_style
            return self.totals(y, rows + paid)
        if y + 110 > self.limit:
            y = self.next_page()
        if self.sum_style == "table":
            y = (
                self.totals(y, [(gross_label, gross, True), *paid])
                if self.total_style != "strip"
                else self.pay_box(y + 20, gross_label, gross)
            )
            heads = rng.choice(
                (("MwSt-Satz", "Netto", "MwSt", "Brutto"), ("USt-Satz", "Nettobetrag", "USt", "Bruttobetrag"))
            )
            names = {v.rate: self.vat_name(v.rate) for v in lines}
            return (
                rate_summary(
                    self.c, p, lines, heads, names, "Summe", self.RIGHT - 300, self.RIGHT, y + 8, 8.3
                )
                + 6
            )
        self.total_style = "block" if self.total_style == "strip" else self.total_style
        y = self.totals(y, [(gross_label, gross, True), *paid])
        texts = [
            f"enthaltene MwSt. {v.rate} % auf {p.amount(v.base)}: {p.amount(v.amount)}"
            for v in lines
            if v.rate
        ]
        texts += [f"{self.vat_name(0)}: {p.amount(v.base)}" for v in lines if not v.rate]
        texts.append(f"Nettobetrag gesamt {p.amount(net)} · MwSt. gesamt {p.amount(vat)}")
        for text in texts:
            y += 11
            self.c.text(self.RIGHT, y, text, 8.2, align="right")
        return y + 4

    # -- text and footer

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.payment == "card":
            brand = rng.choice(("VISA", "Mastercard", "American Express"))
            masked = (
                f"{brand} **** {rng.randint(0, 9999):04d}"
                if rng.random() < 0.5
                else f"{brand} XXXX XXXX XXXX {rng.randint(0, 9999):04d}"
            )
            texts.append(
                (
                    rng.choice(
                        (
                            f"Der Betrag wurde von Ihrer Kreditkarte ({masked}) abgebucht.",
                            (
                                f"Zahlungsart: Kreditkarte {masked}. Der Betrag wurde von Ihrer Kreditkarte "
                                "abgebucht."
                            ),
                            (
                                f"Der Betrag von {p.amount(gross)} wurde am {p.date(self.booked)} von Ihrer "
                                "Kreditkarte abgebucht."
                            ),
                        )
                    ),
                    True,
                )
            )
        elif self.payment == "paypal":
            texts.append(
                (
                    (
                        f"Zahlungsart: PayPal. Der Betrag von {p.amount(gross)} wurde am "
                        f"{p.date(self.booked)} bezahlt."
                    ),
                    True,
                )
            )
        else:
            texts.append(
                (
                    rng.choice(
                        (
                            (
                                f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} "
                                "unter Angabe der Rechnungsnummer."
                            ),
                            f"Zahlbar bis {p.date(d.due_date)} ohne Abzug auf das unten genannte Konto.",
                        )
                    ),
                    True,
                )
            )
        keep = 1
        if self.hotel and not self.hotel_vat:
            texts.append(
                (
                    (
                        "Die Hotelkosten sind durchlaufende Posten: wir haben sie in Ihrem Namen und für "
                        "Ihre Rechnung verauslagt; sie unterliegen bei uns nicht der Umsatzsteuer."
                    ),
                    False,
                )
            )
            keep += 1
        if self.operator:
            texts.append(
                (
                    rng.choice(
                        (
                            (
                                "Dieses Dokument ist keine Fahrkarte. Ihre Fahrkarte finden Sie in Ihrem "
                                "Kundenkonto und in der App."
                            ),
                            "Bitte beachten Sie: Die Rechnung gilt nicht als Fahrausweis.",
                        )
                    ),
                    False,
                )
            )
        else:
            texts.append(
                (
                    rng.choice(
                        (
                            "Es gelten die Beförderungsbedingungen der Verkehrsunternehmen und unsere AGB.",
                            "Gute Reise! Stornierungen und Umbuchungen sind kostenpflichtig.",
                            "Wir vermitteln Fahrkarten im Namen und für Rechnung der Verkehrsunternehmen.",
                        )
                    ),
                    False,
                )
            )
        return self.closing_texts(y, texts, keep)

    def contact(self) -> list[str]:
        d, s = self.data, self.data.supplier
        if self.operator:
            return [s.street, s.city_line, f"Kundenservice {d.phone}", d.email]
        return [s.street, s.city_line, f"Tel. {d.phone}", d.email]

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        if self.operator:
            legal = [
                f"Sitz: {s.city}",
                f"Registergericht: Amtsgericht {s.city} {d.register}",
                f"{'Vorstand' if s.name.endswith('AG') else 'Geschäftsführung'}: {d.ceo}",
            ]
        elif s.name.endswith("e.K."):
            legal = [f"Inhaber: {self.owner}", f"Amtsgericht {s.city} {d.register}"]
        else:
            legal = [f"Geschäftsführer: {d.ceo}", f"Amtsgericht {s.city} {d.register}"]
        legal += self.tax_ids("USt-IdNr.", "Steuernummer")
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email], legal]
        extra = [f"IATA-Agentur-Nr. {self.iata_no}"] if self.iata else []
        if self.own_bank:
            cols.append([self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}", *extra])
        elif extra or self.web_column:
            cols.append([*extra, f"www.{d.email.split('@')[1]}", "Mo–Fr 8–18 Uhr"])
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.7)

    def draw(self) -> TripDrawing:
        rng = self.rng
        self.traveller_below = rng.random() < 0.4
        self.iata_no = f"{rng.randint(10, 99)}-2 {rng.randint(1000, 9999)} {rng.randint(0, 9)}"
        self.web_column = rng.random() < 0.5
        lines, nets = self.charges()
        items = [
            LineItem(ch.text, "", Decimal(1), "", net, ch.rate) for ch, net in zip(lines, nets, strict=True)
        ]
        vat_lines = vat_breakdown(items)
        gross = sum((ch.gross for ch in lines), Decimal(0))
        assert gross == sum((v.base + v.amount for v in vat_lines), Decimal(0))
        tagline = (
            rng.choice(("Fernverkehr · Online-Ticket", "Ihre Bahn im Fernverkehr", "Fahrkarten online"))
            if self.operator
            else rng.choice(
                (
                    "Geschäftsreisen · Bahn · Hotel · Flug",
                    "Ihr Partner für Firmenreisen",
                    "Business Travel Management",
                    "DB-Agentur · Hotelreservierung",
                )
            )
        )
        self.letterhead(tagline, self.contact())
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung {self.data.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        y = self.table(y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(lines, nets, items), False)
        y = self.draw_totals(y, vat_lines, gross)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "bahn_reisebuero: page overflow"
        pages = self.close_pages(rng.random() < 0.3)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
            bank=self.own_bank,
        )


# ---------------------------------------------------------------------------
# Registry

REISE_FAMILIES: dict[str, type[TripSheet]] = {
    "maler_lohnanteil": MalerLohnanteil,
    "bahn_reisebuero": BahnReisebuero,
}


def draw_reise(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(REISE_FAMILIES[name], name, seed)
