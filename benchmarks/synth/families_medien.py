"""Two invoice layout families of a German publisher's advertising sales and of a German caterer or
restaurant, designed blind (session 16).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_medien(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip`, `families_first` and `families_closing` and returns a `TripDrawing` (truth
keys only for values printed):

- `anzeigen_verlag`: a German publisher's advertising invoice ("Anzeigenrechnung", "Rechnung", "Rechnung
  Anzeigen") of a regional paper (ads priced by the millimetre: "2-spaltig × 90 mm = 180 mm", "mm-Preis 1,85",
  an edition such as "Gesamtausgabe", a rubric such as "Stellenmarkt"), of a city or regional magazine or of a
  trade journal (flat format prices: "1/4 Seite 4c", "U4 (Rückseite) 4c", "Ausgabe 03/2024" / "Heft 4/2024",
  "ET 15.03.2024"); one issue or a campaign of up to ten issues (weekly "KW 11/2024", daily "Ausgabe vom ...",
  monthly), an online banner by the thousand impressions ("TKP") or a newsletter slot on some campaign seeds,
  a placement surcharge on some; the placements in a table (ET, title and edition, format, mm, mm-Preis,
  amount) or in numbered blocks; the publisher's letterhead as the paper's masthead (the paper's title large,
  the publisher small under it), a logo or a coloured band; the invoice number as "Rechnungs-Nr.", "Rechnung
  Nr." or "Beleg-Nr.", in label rows on the right or in a row of boxes under the address; the publisher's
  "Auftrags-Nr." / "Unser Auftrag" (its own order number, not the truth's), "Kunden-Nr.", the media consultant
  with phone and fax numbers; on agency seeds the invoice goes to an advertising agency, names the advertiser
  ("Werbungtreibender: ...") and on most of them the agency's "Schaltauftrag" number; totals: the list price
  ("Summe Anzeigen", "Grundpreis", "Bruttopreis" as the trade calls a list price before discounts),
  "Mengenrabatt" / "Malstaffel" / "Abschlussrabatt" on some seeds, "Zwischensumme" / "Kundennetto",
  "AE-Provision 15 %" deducted on agency seeds, technical costs ("Satz- und Gestaltungskosten", not
  commissionable) after it on some seeds, "Netto" / "Agenturnetto", "zzgl. 19 % USt.", "Rechnungsbetrag" /
  "Endbetrag"; in a right-hand column, a framed box or a two-column summary; payment within 14 days, with
  Skonto (its amount and the reduced payment) on some seeds; the proof copies ("Belegexemplar"), the price
  list in force ("Preisliste Nr. 52, gültig ab 01.01.2024"), the footer of a GmbH & Co. KG (the KG's HRA, the
  "Komplementärin" with its own HRB, Geschäftsführer, USt-IdNr., on some seeds the Steuernummer, bank); two
  pages with "Übertrag" when a campaign runs long. Truth: the usual keys, `kundennummer`, `bestellnummer` (the
  agency's Schaltauftrag number, where printed), `leistungsdatum` = the "Erscheinungstermin" on the seeds with
  one single issue (the date of supply of an ad is the day it appears; campaigns print several and have none);
  the net is after discounts and AE commission (what the VAT is charged on); all 19 %.
- `catering_bewirtung`: a German caterer's or restaurant's invoice for an event: "Veranstaltung am 12.04.2024"
  (or "Lieferung am" when the food is only delivered), "Anlass", the number of guests, the venue, the offer it
  follows ("gemäß unserem Angebot Nr. ... vom ...") on some seeds; food per person or per platter, drinks (a
  flat rate per guest or by consumption), service staff by the hour, rentals (Geschirr, Stehtische,
  Tischwäsche, Chafing Dishes), delivery or the restaurant's room hire; the rates as the law had them on the
  service date: food served with service at 7 % only from 2021 to 2023 (the seeds keep out of the second half
  of 2020 and its 16 % / 5 %), at 19 % before July 2020 and from 2024, food only delivered (no staff, no
  rentals: a supply of goods) at 7 % on any date (its delivery fee too), drinks, staff, rentals and room
  hire always 19 %; the VAT rate per line in a column ("7 %" / "19 %", or codes "1" / "2" or "A" / "B" with a
  legend); in sections ("Speisen", "Getränke", ...) on some seeds; net prices plus VAT per rate ("zzgl. 7 %
  MwSt. auf ...") on most caterer seeds, gross prices with the VAT they hold ("darin enthaltene MwSt. 7 %: ...
  / 19 %: ...", as lines or as a table by rate with a totals row) on most restaurant seeds; a deposit paid
  before the event ("abzgl. Anzahlung vom ...") and the "Restbetrag" / "Noch zu zahlen" on some seeds, or paid
  on the evening ("bezahlt EC-Karte am ...", "Offener Betrag 0,00 €") at some restaurants; a "Bewirtungsbeleg"
  form (the tax office's details of a business meal: day, place, guests, occasion, signature) under some
  restaurant invoices; the business run by a GmbH (HRB, Geschäftsführer, USt-IdNr., the Steuernummer too on
  some seeds), by an "e.K." (Inhaber, HRA, Steuernummer and on some seeds the USt-IdNr.) or by a sole trader
  (Inhaber, Steuernummer only, no USt-IdNr.). Truth: the usual keys, `leistungsdatum` = the event (or
  delivery) date, `kundennummer` where printed, `ust_id` and/or `steuernummer` as printed. The gross
  (`betrag_brutto`) is the invoice's full total, before a deposit is deducted (as in `anzahlung`,
  `handwerker_abschlag`, `kfz_haendler`): the invoice is for the whole event and states its whole VAT, the
  deposit is a payment on account and the "Restbetrag" only what is still to be paid. On gross-priced seeds
  the net per rate is worked back from the gross as a till does it (`nets_of_gross`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_first import FirstSheet
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
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import MORE_BRANDS, PALE, RULE, nets_of_gross
from benchmarks.synth.invoice_gen import (
    _CITIES,
    MONTHS_DE,
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align, Canvas
from benchmarks.synth.printed import Printer

# ---------------------------------------------------------------------------
# Shared

_H2_2020 = (dt.date(2020, 7, 1), dt.date(2020, 12, 31))


def clear_of_2020(days: list[dt.date]) -> list[dt.date]:
    """The dates, all a year earlier when one of them falls in the second half of 2020 (German VAT 16 % and
    5 % then); they span less than half a year, so that the shifted ones keep out of it too."""
    if any(_H2_2020[0] <= day <= _H2_2020[1] for day in days):
        days = [day - dt.timedelta(days=365) for day in days]
    assert not any(_H2_2020[0] <= day <= _H2_2020[1] for day in days), days
    return days


def day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def located(rng: random.Random, party: Party, city: str) -> Party:
    """`party` moved to `city` (one of invoice_gen's cities, so that a Steuernummer of its Land fits)."""
    plz, name, region = next(entry for entry in _CITIES if entry[1] == city)
    return dataclasses.replace(party, plz=plz, city=name, region=region)


def summary_rows(
    c: Canvas,
    rows: list[tuple[str, str, bool]],
    x: float,
    right: float,
    y: float,
    size: float,
    *,
    shade: int | None = None,
    step: float = 15,
) -> float:
    """Label / amount rows from baseline `y`, the row `shade` (an index) shaded; returns the last baseline."""
    for k, (label, value, bold) in enumerate(rows):
        y += step
        if shade is not None and k == shade % len(rows):
            c.box(x - 6, y - size - 2.5, right + 4, y + 4.5, fill=LIGHT, stroke=None)
        c.fit_text(x, y, label, size, right - x - c.text_width(value, size, bold) - 10, bold=bold)
        c.text(right, y, value, size, bold=bold, align="right")
    return y


# ---------------------------------------------------------------------------
# anzeigen_verlag

# Publishers: (name, general partner, kind, city, titles). Kinds: zeitung (a regional paper, priced by the
# mm), magazin (a city or regional magazine) and fach (a trade journal), both priced by format.
_PUBLISHERS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    (
        "Rheinischer Wochenspiegel Verlag GmbH & Co. KG",
        "Wochenspiegel Verwaltungs-GmbH",
        "zeitung",
        "Köln",
        ("Wochenspiegel Rhein-Erft", "Kölner Wochenspiegel"),
    ),
    (
        "Mittelhessen Medien GmbH & Co. KG",
        "Mittelhessen Medien Verwaltungs-GmbH",
        "zeitung",
        "Frankfurt am Main",
        ("Oberhessischer Kreisanzeiger", "Wetterauer Tagblatt"),
    ),
    (
        "Verlagshaus Weser-Ems GmbH & Co. KG",
        "Weser-Ems Beteiligungs-GmbH",
        "zeitung",
        "Bremen",
        ("Weser-Kurier am Sonntag", "Bremer Stadtbote"),
    ),
    (
        "Leinetal Zeitungsverlag GmbH & Co. KG",
        "Leinetal Verlagsverwaltung GmbH",
        "zeitung",
        "Hannover",
        ("Leinetal-Rundschau", "Hannoversches Wochenblatt"),
    ),
    (
        "Stadtmagazin Verlag Schröder GmbH & Co. KG",
        "Schröder Verwaltungs GmbH",
        "magazin",
        "Stuttgart",
        ("KULT Stadtmagazin", "Szene Südwest"),
    ),
    (
        "Isartal Medien GmbH & Co. KG",
        "Isartal Medien Verwaltungs-GmbH",
        "magazin",
        "München",
        ("Oberland Leben", "Bergzeit Magazin"),
    ),
    (
        "Fachverlag Hoffmann GmbH & Co. KG",
        "Hoffmann Verlagsverwaltung GmbH",
        "fach",
        "Nürnberg",
        ("Haustechnik Aktuell", "Werkstatt & Praxis"),
    ),
    (
        "Lindner B2B Medien GmbH & Co. KG",
        "Lindner Medien Verwaltungs-GmbH",
        "fach",
        "Hamburg",
        ("LogistikPraxis", "Einkauf & Beschaffung heute"),
    ),
)
_RUBRICS = (
    "Geschäftsanzeigen",
    "Stellenmarkt",
    "Immobilienmarkt",
    "Veranstaltungen",
    "Automarkt",
    "Gastronomie & Genuss",
    "Bekanntmachungen",
)
_EDITIONS = ("Gesamtausgabe", "Ausgabe Nord", "Ausgabe Süd", "Lokalausgabe Stadt", "Kombi Nord + Süd")
# Formats of the magazines and journals: (format, least and most price).
_FORMATS: tuple[tuple[str, int, int], ...] = (
    ("1/1 Seite 4c", 2400, 5200),
    ("1/2 Seite quer 4c", 1350, 2900),
    ("1/2 Seite hoch 4c", 1350, 2900),
    ("1/3 Seite hoch 4c", 950, 2100),
    ("1/4 Seite 4c", 690, 1550),
    ("1/4 Seite Eckfeld 4c", 690, 1550),
    ("1/8 Seite 4c", 360, 820),
    ("U2 (2. Umschlagseite) 4c", 2900, 5900),
    ("U4 (Rückseite) 4c", 3400, 6900),
    ("Advertorial 1/1 Seite", 2200, 4600),
)
_MOTIFS = (
    "Azubi-Kampagne",
    "Frühjahrsaktion",
    "Tag der offenen Tür",
    "Stellenanzeige Elektroniker (m/w/d)",
    "Jubiläum 50 Jahre",
    "Neueröffnung",
    "Image",
    "Sommerschlussverkauf",
    "Stellenanzeige Buchhaltung (m/w/d)",
    "Hausmesse",
    "Herbstaktion",
)
_AGENCIES = (
    "Werbeagentur Kreativkontor GmbH",
    "Pixelwerk Kommunikation GmbH",
    "Mediaplan Nord GmbH & Co. KG",
    "Agentur Sichtweise",
    "Brandlabor Werbeagentur GmbH",
    "Hanse Media Services GmbH",
)
_ADVERTISERS = (
    "Autohaus Seidel GmbH",
    "Stadtwerke Musterstadt GmbH",
    "Möbelhaus Krämer KG",
    "Sparkasse Oberland",
    "Bäckerei Wagner GmbH",
    "Elektro Hahn GmbH & Co. KG",
    "Zahnarztpraxis Dr. Lindner",
    "Maschinenbau Vogt GmbH",
    "Modehaus Brenninkmeyer",
    "Gartencenter Grünwerk GmbH",
)
_CONTACTS = ("z. Hd. Frau Albers, Mediaplanung", "z. Hd. Herrn Kaya", "Buchhaltung", "Mediaabteilung", "")
_CONSULTANTS = (
    "Frau Sabine Kroll",
    "Herr Markus Esser",
    "Frau Jana Wirtz",
    "Herr Dirk Oltmanns",
    "Frau Derya Aksoy",
    "Herr Felix Brandt",
)
_TECHNICAL = ("Satz- und Gestaltungskosten", "Anzeigengestaltung", "Technische Kosten", "Datenaufbereitung")


@dataclass(frozen=True)
class Placement:
    """One ad (or an online run) on the invoice: its item, the issue it appeared in and what the row says."""

    item: LineItem
    issue: str  # "Ausgabe 03/2024", "KW 11/2024", "Ausgabe vom 15.03.2024", or a run "01.03.–31.03.2024"
    when: dt.date | None  # its Erscheinungstermin (None for an online run and a surcharge)
    title: str  # the paper and its edition, or what the row is
    fmt: str  # "2-spaltig × 90 mm", "1/4 Seite 4c"
    notes: tuple[str, ...]


def discount_rate(count: int) -> int:
    """The "Malstaffel" of a price list: the discount for a number of insertions."""
    return 3 if count < 4 else 5 if count < 6 else 10 if count < 10 else 15


class AnzeigenVerlag(FirstSheet):
    """A German publisher's advertising invoice: placements per issue, discounts, AE commission, 19 %."""

    FONTS = ("liberation-serif", "liberation-sans", "dejavu-sans", "dejavu-serif", "dejavu-sans-condensed")
    IDS = "vat"
    GROUPED = 0.6
    FOOT = A4.height - 86

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, partner, kind, city, titles = rng.choice(_PUBLISHERS)
        self.kind, self.partner, self.paper = kind, partner, rng.choice(titles)
        count = (
            1
            if rng.random() < 0.4
            else rng.choice((2, 3, 4, 5, 6, 8, 10) if kind == "zeitung" else (2, 3, 4, 6))
        )
        self.daily = kind == "zeitung" and rng.random() < 0.4
        self.week_word = rng.choice(("KW", "Nr."))
        dates = clear_of_2020(self.schedule(rng, data.date, count))
        self.days, day = dates[:-1], dates[-1]
        self.agency = rng.random() < 0.45
        self.advertiser = rng.choice(_ADVERTISERS)
        supplier = located(rng, dataclasses.replace(data.supplier, name=name), city)
        customer = dataclasses.replace(
            data.customer,
            name=rng.choice(_AGENCIES) if self.agency else self.advertiser,
            contact=rng.choice(_CONTACTS),
        )
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"{day.year}{n:06d}",
                f"AR-{day.year}-{n:05d}",
                f"9{rng.randint(10**7, 10**8 - 1)}",
                f"R{day.year % 100:02d}/{n:05d}",
                f"{rng.randint(10**6, 10**7 - 1)}",
            )
        )
        order = rng.choice(
            (
                f"SA-{day.year}-{rng.randint(1, 999):04d}",
                f"MA{rng.randint(10**5, 10**6 - 1)}",
                f"{day.year % 100}-{rng.randint(100, 999)}/{rng.randint(1, 9)}",
            )
        )
        short = "".join(ch for ch in name.split()[0].lower() if ch.isalpha())
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
            short = short.replace(a, b)
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=self.days[0] if count == 1 else None,
            due_date=day + dt.timedelta(days=14),
            supplier=supplier,
            customer=customer,
            customer_no=rng.choice(
                (
                    f"{rng.randint(100000, 999999)}",
                    f"K{rng.randint(10000, 99999)}",
                    f"{rng.randint(10, 99)}-{rng.randint(10000, 99999)}",
                )
            ),
            order_no=order if self.agency and rng.random() < 0.7 else "",
            email=f"anzeigen@{short}-medien.de",
            tax_no=data.tax_no and _steuernummer(rng, supplier.region),
            register=f"HRA {rng.randint(1000, 29999)}",
        )
        super().__init__(rng, data)
        self.p = Printer(
            "de",
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short", "de_long")),
        )
        self.ids = "both" if data.tax_no and rng.random() < 0.3 else "vat"
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("masthead", "logo", "band"))
        self.info_style = rng.choice(("rows", "rows", "boxes"))
        self.blocks = rng.random() < 0.4
        self.totals_style = rng.choice(("column", "column", "boxed", "split"))
        self.footer_style = rng.choice(("columns", "centered"))
        self.skonto = rng.random() < 0.35
        self.fax = rng.random() < 0.6
        self.partner_register = f"HRB {rng.randint(1000, 99999)}"
        self.own_order = rng.choice(
            (
                f"A{rng.randint(10**6, 10**7 - 1)}",
                f"{rng.randint(10**5, 10**6 - 1)}",
                f"AU-{day.year % 100}-{rng.randint(1000, 9999)}",
            )
        )
        self.consultant = rng.choice(_CONSULTANTS)
        self.phone_ext = f"{data.phone}-{rng.randint(100, 499)}"
        self.price_list = rng.randint(38, 68)
        self.ordered = self.days[0] - dt.timedelta(days=rng.randint(5, 40))

    def schedule(self, rng: random.Random, invoice_day: dt.date, count: int) -> list[dt.date]:
        """The issues' ET dates (oldest first) and the invoice date last: billed soon after the last issue."""
        last = invoice_day - dt.timedelta(days=rng.randint(0, 8))
        if self.kind == "zeitung":
            step = rng.choice((1, 2, 3)) if self.daily else 7
            days = [last - dt.timedelta(days=step * k) for k in reversed(range(count))]
        else:
            gap = rng.choice((1, 1, 2)) if count < 4 else 1
            days = []
            for k in reversed(range(count)):
                month = last.month - 1 - gap * k
                year, month = last.year + month // 12, month % 12 + 1
                days.append(dt.date(year, month, min(last.day, 28)))
        return [*days, invoice_day]

    # -- the placements and the money

    def issue_label(self, day: dt.date) -> str:
        if self.kind == "zeitung":
            if self.daily:
                return f"Ausgabe vom {self.p.date(day)}"
            return f"{self.week_word} {day.isocalendar()[1]}/{day.isocalendar()[0]}"
        return f"{'Heft' if self.kind == 'fach' else 'Ausgabe'} {day.month:02d}/{day.year}"

    def placements(self) -> list[Placement]:
        rng = self.rng
        out: list[Placement] = []
        edition = rng.choice(_EDITIONS)
        rubric = rng.choice(_RUBRICS)
        colour = rng.choice(("4c", "4c", "s/w"))
        cols, height = rng.randint(1, 5), rng.randrange(30, 230, 5)
        mm_price = round_cent(Decimal(str(rng.uniform(0.85, 4.9))))
        fmt, lo, hi = rng.choice(_FORMATS)
        flat = Decimal(rng.randrange(lo, hi, 5))
        motif = rng.choice(_MOTIFS)
        for k, day in enumerate(self.days):
            if rng.random() < 0.25:  # another motif or size now and then in a campaign
                motif = rng.choice(_MOTIFS)
            notes = [f"Motiv: {motif}" if rng.random() < 0.7 else f"Motiv-Nr. {k + 1}: {motif}"]
            if self.kind == "zeitung":
                mm = cols * height
                shape = rng.choice(("{c}-spaltig × {h} mm", "{c} Sp. × {h} mm")).format(c=cols, h=height)
                item = LineItem(f"{self.paper}, {rubric}", "", Decimal(mm), "mm", mm_price, 19)
                notes.insert(0, f"Rubrik: {rubric}, {colour}")
                out.append(
                    Placement(
                        item, self.issue_label(day), day, f"{self.paper} – {edition}", shape, tuple(notes)
                    )
                )
            else:
                item = LineItem(f"{self.paper}, {fmt}", "", Decimal(1), "Anz.", flat, 19)
                out.append(Placement(item, self.issue_label(day), day, self.paper, fmt, tuple(notes)))
        if len(self.days) > 1 and rng.random() < 0.3:
            out.append(self.online(self.days[0], self.days[-1]))
        if rng.random() < 0.2:
            first = out[0]
            pct = rng.choice((10, 15, 20, 25))
            where = rng.choice(
                ("rechte Seite, vorne", "Seite 3", "Titelseite unten", "erste Seite im Ressort")
            )
            item = LineItem(
                f"Platzierungszuschlag {pct} %",
                "",
                Decimal(1),
                "",
                round_cent(first.item.total * pct / 100),
                19,
            )
            out.insert(1, Placement(item, "", None, f"Platzierungszuschlag {pct} % ({where})", "", ()))
        return out

    def online(self, start: dt.date, end: dt.date) -> Placement:
        rng, p = self.rng, self.p
        period = f"{p.date(start)} – {p.date(end)}"
        if rng.random() < 0.6:
            thousand = Decimal(rng.choice((10, 15, 20, 25, 40, 50, 80)))
            tkp = Decimal(rng.randrange(18, 39))
            item = LineItem("Online-Banner Medium Rectangle", "", thousand, "Tsd. AI", tkp, 19)
            return Placement(
                item,
                period,
                None,
                "Online-Banner Medium Rectangle (300 × 250)",
                "TKP",
                (f"{int(thousand)}.000 AI à TKP {p.number(tkp)}", f"Laufzeit {period}"),
            )
        price = Decimal(rng.randrange(290, 690, 10))
        item = LineItem("Newsletter-Anzeige", "", Decimal(1), "Anz.", price, 19)
        return Placement(
            item, period, None, f"Newsletter-Anzeige {self.paper}", "Text/Bild", (f"Versand {period}",)
        )

    def money(self, placements: list[Placement]) -> tuple[list[LineItem], list[tuple[str, Decimal, bool]]]:
        """The items of the truth and the rows of the totals: list price, discount, AE, technical costs."""
        rng, count = self.rng, len(self.days)
        items = [q.item for q in placements]
        ads = sum((i.total for i in items), Decimal(0))
        rows: list[tuple[str, Decimal, bool]] = []
        discount = Decimal(0)
        if count >= 3 and rng.random() < 0.65:
            pct = discount_rate(count)
            label = rng.choice(
                (
                    f"abzgl. Malstaffel {pct} %",
                    f"Malrabatt {pct} % ({count} Anzeigen)",
                    f"abzgl. {pct} % Malstaffel",
                )
            )
        elif rng.random() < 0.45:
            pct = rng.choice((5, 10, 10, 15, 20))
            label = rng.choice(
                (
                    f"abzgl. Mengenrabatt {pct} %",
                    f"Mengenstaffel {pct} %",
                    f"Abschlussrabatt {pct} % lt. Jahresvereinbarung",
                    f"Rabatt {pct} %",
                )
            )
        else:
            pct, label = 0, ""
        if pct:
            discount = -round_cent(ads * pct / 100)
            items.append(LineItem(label, "", Decimal(1), "", discount, 19))
            rows.append((label, discount, False))
        customer_net = ads + discount
        if self.agency:
            if pct:
                rows.append(
                    (rng.choice(("Zwischensumme", "Kundennetto", "Netto nach Rabatt")), customer_net, False)
                )
            ae = -round_cent(customer_net * 15 / 100)
            label = rng.choice(
                (
                    "abzgl. 15 % AE-Provision",
                    "AE-Provision 15 %",
                    "abzgl. AE 15 %",
                    "Mittlervergütung (AE) 15 %",
                )
            )
            items.append(LineItem(label, "", Decimal(1), "", ae, 19))
            rows.append((label, ae, False))
        if rng.random() < 0.3:
            text = rng.choice(_TECHNICAL)
            if self.agency:
                text += rng.choice((" (nicht AE-fähig)", " (nicht provisionsfähig)"))
            tech = Decimal(rng.randrange(35, 240, 5))
            items.append(LineItem(text, "", Decimal(1), "", tech, 19))
            rows.append((text, tech, False))
        if rows:
            first = rng.choice(("Summe Anzeigen", "Grundpreis", "Anzeigenpreis gesamt"))
            if pct or self.agency:
                first = rng.choice((first, "Bruttopreis", "Summe brutto (Listenpreis)"))
            rows.insert(0, (first, ads, False))
        return items, rows

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        contact = [s.street, s.city_line, f"Tel. {d.phone}-0"]
        if self.fax:
            contact.append(f"Fax {d.phone}-99")
        contact.append(d.email)
        if self.head == "masthead":
            c.fit_text(c.width / 2, 52, self.paper, 25, R - L, bold=True, align="center", colour=self.brand)
            c.line(L, 60, R, 60, width=1.2, colour=self.brand)
            c.line(L, 63, R, 63, width=0.4, colour=self.brand)
            c.fit_text(c.width / 2, 75, f"Anzeigenverkauf · {s.name}", 8, R - L, align="center", colour=GREY)
            c.fit_text(c.width / 2, 86, " · ".join(contact), 7, R - L, align="center", colour=GREY)
        elif self.head == "logo":
            logo(c, self.rng.choice(("square", "circle")), L, 28, 38, self.brand, initials(self.paper))
            c.fit_text(L + 48, 46, s.name, 12.5, 280, bold=True, colour=self.brand)
            c.fit_text(L + 48, 58, f"{self.paper} · Anzeigen / Mediaberatung", 7.5, 280, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 34 + 9.5 * i, text, 7.3, align="right", colour=GREY)
        else:
            c.box(0, 20, c.width, 76, fill=self.brand, stroke=None)
            c.fit_text(L, 47, self.paper, 19, 300, bold=True, colour=WHITE)
            c.fit_text(L, 63, s.name, 8, 300, colour=WHITE)
            for i, text in enumerate(contact):
                c.text(R, 33 + 9.5 * i, text, 7.3, align="right", colour=WHITE)

    def info_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        number = rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.", "Beleg-Nr."))
        rows = [
            (number, d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no),
            (rng.choice(("Auftrags-Nr.", "Auftragsnummer", "Unser Auftrag")), self.own_order),
        ]
        if d.service_date and rng.random() < 0.5:
            rows.append(
                (rng.choice(("Erscheinungstermin", "Erscheinungsdatum", "ET")), p.date(d.service_date))
            )
        return rows

    def info(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        y = self.window(
            L,
            134,
            [r.name, r.contact, r.street, r.city_line],
            10,
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        rows = self.info_rows()
        contact = [("Mediaberatung", self.consultant), ("Telefon", self.phone_ext)]
        if self.fax and rng.random() < 0.5:
            contact.append(("Telefax", f"{d.phone}-99"))
        if self.info_style == "rows":
            top = label_rows(
                c, rows + contact, 345, R, 134, 8.5, 12.5, value_align="right", label_colour=GREY
            )
            y = max(y, top) + 10
        else:
            label_rows(c, contact, 345, R, 134, 8, 12, value_align="right", label_colour=GREY)
            y = max(y, 170.0) + 12
            width = (R - L) / len(rows)
            c.box(L, y, R, y + 30, fill=PALE, stroke=RULE, width=0.5)
            for k, (label, value) in enumerate(rows):
                x = L + k * width
                if k:
                    c.line(x, y, x, y + 30, width=0.5, colour=RULE)
                c.fit_text(x + 5, y + 11, label, 7, width - 10, colour=GREY)
                c.fit_text(x + 5, y + 24, value, 9, width - 10, bold=True)
            y += 44
        title = rng.choice(
            ("Anzeigenrechnung", "RECHNUNG", "Rechnung Anzeigen", f"Anzeigenrechnung Nr. {d.number}")
        )
        c.text(L, y + 10, title, 14, bold=True)
        y += 28
        for ref in self.references():
            c.fit_text(L, y, ref, 9, R - L)
            y += 12
        return y

    def references(self) -> list[str]:
        d, p, rng = self.data, self.p, self.rng
        refs = []
        if self.agency:
            refs.append(f"{rng.choice(('Werbungtreibender', 'Kunde', 'Werbekunde'))}: {self.advertiser}")
        if d.order_no:
            refs.append(
                rng.choice(
                    (
                        "Ihr Schaltauftrag Nr. {n} vom {d}",
                        "Ihr Auftrag {n} vom {d}",
                        "Ihre Auftrags-Nr.: {n} vom {d}",
                    )
                ).format(n=d.order_no, d=p.date(self.ordered))
            )
        elif rng.random() < 0.4:
            refs.append(f"Ihr Auftrag vom {p.date(self.ordered)}")
        if d.service_date and rng.random() < 0.6:
            refs.append(
                rng.choice(("Erscheinungstermin: {d}", "Erschienen am {d} in {t}", "ET {d} – {t}")).format(
                    d=p.date(d.service_date), t=self.paper
                )
            )
        elif len(self.days) > 1 and rng.random() < 0.5:
            first, last = self.days[0], self.days[-1]
            refs.append(
                f"Leistungszeitraum: {MONTHS_DE[first.month - 1]} {first.year} – "
                f"{MONTHS_DE[last.month - 1]} {last.year} ({len(self.days)} Erscheinungen)"
            )
        return refs

    def room(self, y: float, height: float) -> float:
        """`y`, or the top of a new page when `height` does not fit below it."""
        return self.next_page() if y + height > self.limit else y

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.line(R - 220, y + 4, R, y + 4, width=0.4, colour=GREY)
        c.text(R - 220, y + 16, label, 9, bold=True)
        c.text(R, y + 16, self.p.amount(running), 9, bold=True, align="right")
        return y + 24

    def table_cols(self) -> list[Col]:
        rng, zeitung = self.rng, self.kind == "zeitung"
        money_head = "Betrag" if self.p.currency != "none" else "Betrag EUR"
        return columns(
            [
                ("et", rng.choice(("ET", "Erscheinung", "Ausgabe")), 72, "left"),
                ("desc", rng.choice(("Titel / Ausgabe", "Objekt", "Werbeträger")), 0, "left"),
                ("fmt", "Format", 96, "left"),
                ("qty", "mm" if zeitung else "Anz.", 36, "right"),
                ("price", "mm-Preis" if zeitung else "Preis", 52, "right"),
                ("total", money_head, 66, "right"),
            ],
            self.LEFT,
            self.RIGHT,
        )

    def table_head(self, y: float, cols: list[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8, bold=True)
        return y + 16

    def table(self, y: float, placements: list[Placement]) -> float:
        p = self.p
        cols = self.table_cols()
        desc = cols[1]
        y = self.table_head(y + 4, cols)
        running = Decimal(0)
        for q in placements:
            lines = self.c.wrap(q.title, desc.width, 8.5)
            notes = [sub for note in q.notes for sub in self.c.wrap(note, desc.width, 7.2)]
            height = 12 * len(lines) + 9 * (len(notes) + 1) + 8
            if y + height > self.limit - 40:
                self.carry(y, running, "Übertrag")
                y = self.carry(self.table_head(self.next_page(), cols), running, "Übertrag")
            c, item = self.c, q.item
            y += 13
            values = {
                "et": p.date(q.when) if q.when else "",
                "fmt": q.fmt,
                "qty": quantity(item.quantity, p) if q.fmt else "",
                "price": p.number(item.unit_price) if q.fmt else "",
                "total": p.number(item.total),
            }
            cells(c, cols, y, values, 8.5)
            for j, line in enumerate(lines):
                c.text(desc.anchor, y + 12 * j, line, 8.5)
            y += 12 * (len(lines) - 1)
            if q.when and not self.daily:
                notes.insert(0, q.issue)
            for note in notes:
                y += 9
                c.text(desc.anchor, y, note, 7.2, colour=GREY)
            y += 5
            c.line(self.LEFT, y, self.RIGHT, y, width=0.3, colour=RULE)
            running += item.total
        return y

    def block_text(self, n: int, q: Placement) -> tuple[str, list[str]]:
        p, item = self.p, q.item
        if not q.fmt:
            return q.title, []
        lines = []
        if q.when:
            lines.append(
                f"{q.issue}, ET {p.date(q.when)}" if not self.daily else f"Erscheinungstag {p.date(q.when)}"
            )
        else:
            lines.append(q.notes[-1])
        if q.item.unit == "mm":
            lines.append(f"Format: {q.fmt} = {int(item.quantity)} mm × {p.number(item.unit_price)} mm-Preis")
        elif q.item.unit == "Tsd. AI":
            lines.append(q.notes[0])
        else:
            lines.append(f"Format: {q.fmt}, {list_price(p, item.unit_price)}")
        lines += [note for note in q.notes if note.startswith(("Motiv", "Rubrik"))]
        return f"{n}. {q.title}", lines

    def block_list(self, y: float, placements: list[Placement]) -> float:
        L, R = self.LEFT, self.RIGHT
        y += 6
        self.c.line(L, y, R, y, width=0.8)
        running = Decimal(0)
        n = 0
        for q in placements:
            n += bool(q.fmt)
            head, lines = self.block_text(n, q)
            height = 14 + 11 * len(lines) + 6
            if y + height > self.limit - 40:
                self.carry(y, running, "Übertrag")
                y = self.carry(self.next_page(), running, "Übertrag")
            c = self.c
            y += 14
            c.fit_text(L, y, head, 9, R - L - 90, bold=bool(q.fmt))
            c.text(R, y, self.p.amount(q.item.total), 9, align="right")
            for line in lines:
                y += 11
                c.fit_text(
                    L + 14,
                    y,
                    line,
                    8,
                    R - L - 110,
                    colour=GREY if line.startswith(("Motiv", "Rubrik")) else (0, 0, 0),
                )
            y += 6
            c.line(L, y, R, y, width=0.3, colour=RULE)
            running += q.item.total
        return y

    def totals(
        self, y: float, running: Decimal, rows: list[tuple[str, Decimal, bool]], vat: VatLine
    ) -> tuple[float, Decimal]:
        p, rng, L, R = self.p, self.rng, self.LEFT, self.RIGHT
        gross = vat.base + vat.amount
        net_label = rng.choice(("Nettobetrag", "Netto", "Summe netto", "Rechnungsbetrag netto"))
        if self.agency and rng.random() < 0.5:
            net_label = "Agenturnetto"
        end = [
            (net_label, p.amount(vat.base), True),
            (
                rng.choice(("zzgl. 19 % USt.", "zzgl. 19 % MwSt.", "Umsatzsteuer 19 %", "19 % MwSt.")),
                p.amount(vat.amount),
                False,
            ),
            (
                rng.choice(("Rechnungsbetrag", "Endbetrag", "Gesamtbetrag", "Rechnungsbetrag brutto")),
                p.amount(gross),
                True,
            ),
        ]
        first = [(label, p.amount(value), bold) for label, value, bold in rows]
        split = self.totals_style == "split" and len(first) >= 2
        height = 16 * (max(len(first), 3) if split else len(first) + 3) + 30
        if y + height > self.limit:  # the totals go over: the placements' sum carried to the next page
            self.carry(y, running, "Übertrag")
            y = self.carry(self.next_page(), running, "Übertrag")
        c = self.c
        if split:
            left = summary_rows(c, first, L, L + 240, y + 6, 8.8, step=14)
            c.line(R - 235, y + 4, R - 235, y + 10 + 14 * 3, width=0.4, colour=RULE)
            right = summary_rows(c, end, R - 220, R, y + 6, 9.5, shade=2, step=14)
            return max(left, right) + 12, gross
        rows_ = first + end
        if self.totals_style == "boxed":
            c.box(R - 270, y + 6, R + 6, y + 14 + 15 * len(rows_), stroke=GREY, width=0.6)
        y = summary_rows(c, rows_, R - 260, R, y + 6, 9.2, shade=len(rows_) - 1)
        return y + 14, gross

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.skonto:
            pct = rng.choice((2, 2, 3))
            until = d.date + dt.timedelta(days=rng.choice((7, 8, 10)))
            cut = round_cent(gross * pct / 100)
            texts.append(
                (
                    f"Zahlbar innerhalb von 14 Tagen bis {p.date(d.due_date)} ohne Abzug oder "
                    f"bis {p.date(until)} "
                    f"mit {pct} % Skonto ({p.amount(cut)}): Zahlbetrag {p.amount(gross - cut)}.",
                    True,
                )
            )
        else:
            texts.append(
                (
                    rng.choice(
                        (
                            "Zahlbar innerhalb von 14 Tagen nach Rechnungsdatum ohne Abzug.",
                            f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} "
                            "ohne Abzug.",
                            f"Zahlungsziel: 14 Tage netto ({p.date(d.due_date)}).",
                        )
                    ),
                    True,
                )
            )
        texts.append((f"Bitte geben Sie bei Zahlung die Rechnungsnummer {d.number} an.", False))
        if d.service_date and rng.random() < 0.5:
            texts.append(("Das Leistungsdatum entspricht dem Erscheinungstermin.", False))
        texts.append(
            (
                rng.choice(
                    (
                        "Belegexemplare gehen Ihnen gesondert per Post zu.",
                        f"Belegexemplar: {rng.choice((1, 2, 3))} Expl. anbei.",
                        "Ihren Beleg finden Sie als E-Paper-PDF im Kundenportal.",
                        "Belege erhalten Sie digital (PDF) per E-Mail.",
                    )
                ),
                False,
            )
        )
        valid = dt.date(self.days[0].year, 1, 1)
        texts.append(
            (
                f"Es gelten unsere AGB für Anzeigen und Beilagen sowie die Preisliste Nr. {self.price_list}, "
                f"gültig ab {p.date(valid)}. Reklamationen bitte innerhalb von 4 Wochen nach Erscheinen.",
                False,
            )
        )
        if self.agency and rng.random() < 0.6:
            texts.append(
                (
                    "Die AE-Provision wird nur Werbeagenturen gewährt, die im Auftrag und für Rechnung "
                    "ihrer Kunden buchen.",
                    False,
                )
            )
        if self.p.currency == "none":
            texts.append(("Alle Beträge in EUR.", False))
        width = self.RIGHT - self.LEFT
        y = self.room(y, sum(11 * len(self.c.wrap(t, width, 8.2)) + 4 for t, _ in texts) + 8)
        for text, bold in texts:
            y = self.c.paragraph(self.LEFT, y + 4, text, width, 8.2, bold=bold)
        return y

    def footer(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        ids = self.tax_ids("USt-IdNr.", "St.-Nr.")
        bank = [
            d.iban.bank_short_name if len(self.bank_name()) > 34 else self.bank_name(),
            f"IBAN {self.iban}",
            f"BIC {d.iban.bic}",
        ]
        if self.footer_style == "columns":
            cols = [
                [
                    s.name.removesuffix(" GmbH & Co. KG"),
                    "GmbH & Co. KG",
                    s.street,
                    s.city_line,
                    f"Sitz {s.city}",
                    f"AG {s.city} {d.register}",
                ],
                ["Komplementärin:", self.partner, f"AG {s.city} {self.partner_register}", f"GF: {d.ceo}"],
                ids,
                bank,
            ]
            footer_columns(c, cols, self.FOOT, L, R, 6.4)
            return
        c.line(L, self.FOOT, R, self.FOOT, width=0.4, colour=GREY)
        lines = [
            f"{s.name} · Sitz {s.city} · Amtsgericht {s.city} {d.register}",
            f"Persönlich haftende Gesellschafterin (Komplementärin): {self.partner}, Sitz {s.city}, "
            f"Amtsgericht {s.city} {self.partner_register} · Geschäftsführer: {d.ceo}",
            " · ".join(ids),
            " · ".join(bank),
        ]
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, self.FOOT + 12 + 9.5 * i, line, 6.8, R - L, align="center", min_size=5.5)

    def draw(self) -> TripDrawing:
        placements = self.placements()
        items, rows = self.money(placements)
        (vat,) = vat_breakdown(items)
        self.header()
        y = self.info()
        y = self.block_list(y, placements) if self.blocks else self.table(y, placements)
        ads = sum((q.item.total for q in placements), Decimal(0))
        y, gross = self.totals(y, ads, rows, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "anzeigen_verlag: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=True,
            customer_no=True,
            order_no=bool(self.data.order_no),
        )


def list_price(p: Printer, price: Decimal) -> str:
    return f"Preis lt. Preisliste {p.amount(price)}"


# ---------------------------------------------------------------------------
# catering_bewirtung

_RESTAURANTS = (
    "Restaurant Alte Mühle",
    "Gasthaus Zur Linde",
    "Landgasthof Hirsch",
    "Brauhaus am Markt",
    "Trattoria Da Enzo",
    "Ratskeller am Rathausplatz",
    "Wirtshaus Zum Goldenen Anker",
)
_CATERERS = (
    "Partyservice Brückner",
    "Catering-Manufaktur Schmitt",
    "Feinkost & Catering Kaya",
    "Tafelfreuden Event-Catering",
    "Genusswerk Catering",
    "Kochwerk Eventcatering",
)
_OWNERS = (
    "Thomas Maier",
    "Enzo Russo",
    "Ayşe Kaya",
    "Sandra Brückner",
    "Michael Schmitt",
    "Petra Lindemann",
    "Georgios Papadakis",
    "Jan-Hendrik Wolters",
)
_HOSTS = (
    "Werbeagentur Kreativkontor GmbH",
    "Pixelwerk Kommunikation GmbH",
    "Steuerkanzlei Berger & Partner mbB",
    "Maschinenbau Vogt GmbH",
    "Autohaus Seidel GmbH",
    "Ingenieurbüro Hahn",
    "Architekturbüro Neumann",
    "Spedition Krüger GmbH & Co. KG",
)
_HOST_CONTACTS = ("z. Hd. Frau Albers", "z. Hd. Herrn Demir", "Geschäftsleitung", "Buchhaltung", "")
# Dishes: (description, unit, least and most price, served to every guest).
_MAINS = (
    ("Buffet „Mediterran“ (Antipasti, zwei Hauptgänge, Beilagen)", "Pers.", 24, 42),
    ("Fingerfood-Buffet, 8 Teile pro Person", "Pers.", 16, 28),
    ("3-Gang-Menü nach Absprache", "Pers.", 32, 58),
    ("BBQ-Buffet mit Salaten und Beilagen", "Pers.", 22, 36),
    ("Brunch-Buffet", "Pers.", 19, 29),
    ("Tagungspauschale Verpflegung (Mittagsbuffet)", "Pers.", 18, 27),
    ("Festliches Buffet „Heimat“ (Braten, Knödel, Gemüse)", "Pers.", 26, 44),
)
_SIDES = (
    ("Dessertvariation im Glas", "Pers.", 4.5, 7.5),
    ("Kuchenbuffet, 2 Stück pro Person", "Pers.", 4.9, 7.9),
    ("Mitternachtssuppe (Gulaschsuppe)", "Pers.", 3.9, 6.9),
    ("Käseplatte mit Trauben und Brot", "Pers.", 5.5, 8.9),
)
_EXTRA_DISHES = (
    ("Antipasti-Platte für 10 Personen", "Platte", 45, 79),
    ("Canapés, gemischt", "Stück", 1.9, 3.4),
    ("Vegetarisches Hauptgericht", "Pers.", 14, 24),
    ("Kinderteller", "Pers.", 7.5, 11.5),
)
_FLAT_DRINKS = (
    ("Getränkepauschale 4 Std. (Softdrinks, Bier, Wein, Wasser)", "Pers.", 18, 32),
    ("Sektempfang, 0,1 l", "Pers.", 3.9, 6.5),
    ("Kaffee- und Teestation", "Pers.", 2.5, 4.5),
)
_COUNTED_DRINKS = (
    ("Mineralwasser 0,75 l", "Fl.", 4.2, 6.9),
    ("Apfelsaftschorle 1,0 l", "Fl.", 4.5, 7.5),
    ("Grauburgunder QbA trocken 0,75 l", "Fl.", 19, 32),
    ("Pils vom Fass 0,4 l", "Glas", 3.9, 4.9),
    ("Fassbier 30 l", "Fass", 120, 190),
    ("Kaffee / Espresso", "Tasse", 2.4, 3.6),
    ("Prosecco 0,75 l", "Fl.", 18, 29),
)
_STAFF = (("Servicekraft", 29, 39), ("Koch vor Ort", 38, 49), ("Barkeeper", 32, 42), ("Spülkraft", 24, 30))
_RENTALS = (
    ("Geschirr, Besteck und Gläser", "Gedeck", 2.5, 4.9),
    ("Stehtisch inkl. Husse", "Stk.", 9, 15),
    ("Tischwäsche (Tischdecke 130 × 130)", "Stk.", 6, 9),
    ("Chafing Dish inkl. Brennpaste", "Stk.", 9, 14),
    ("Bierzeltgarnitur (Tisch + 2 Bänke)", "Stk.", 12, 18),
)
_HOUSE_EXTRAS = (
    ("Raummiete Saal", "pausch.", 150, 450),
    ("Tischdekoration / Blumenschmuck", "pausch.", 40, 160),
    ("Korkgeld (mitgebrachter Wein)", "Fl.", 10, 15),
    ("Servicepauschale nach 24 Uhr", "Std.", 45, 80),
)
_SEASONAL = {
    1: ("Neujahrsempfang",),
    6: ("Sommerfest", "Grillfest"),
    7: ("Sommerfest", "Grillfest"),
    8: ("Sommerfest", "Grillfest"),
    11: ("Weihnachtsfeier", "Jahresabschlussfeier"),
    12: ("Weihnachtsfeier", "Jahresabschlussfeier"),
}
_OCCASIONS = (
    "Firmenjubiläum (25 Jahre)",
    "Kundenveranstaltung",
    "Mitarbeiterversammlung",
    "Workshop mit Verpflegung",
    "Produktpräsentation",
    "Abschiedsfeier",
    "Richtfest",
    "Geburtstagsfeier (60.)",
    "Geschäftsessen",
)
_CODES = {"num": {7: "1", 19: "2"}, "abc": {19: "A", 7: "B"}}


@dataclass(frozen=True)
class Row:
    """One line of the event invoice as printed: quantity × unit price (net or gross as the seed prices)."""

    section: str
    text: str
    qty: Decimal
    unit: str
    price: Decimal
    rate: int
    note: str = ""

    @property
    def total(self) -> Decimal:
        return round_cent(self.qty * self.price)


def event_day(rng: random.Random, mode: str) -> dt.date:
    """The service date: food served at 7 % only 2021-2023 ("reduced"), at 19 % before July 2020 and from 2024
    ("full"), food only delivered ("delivery") at 7 % on any date; never near the second half of 2020."""
    if mode == "reduced":
        return day_between(rng, dt.date(2021, 3, 1), dt.date(2023, 12, 22))
    early = day_between(rng, dt.date(2016, 3, 1), dt.date(2020, 6, 5))
    late = day_between(rng, dt.date(2024, 1, 8), dt.date(2025, 12, 10))
    if mode == "full":
        return early if rng.random() < 0.4 else late
    middle = day_between(rng, dt.date(2021, 3, 1), dt.date(2023, 12, 22))
    return rng.choice((early, middle, late))


class CateringBewirtung(FirstSheet):
    """A caterer's or restaurant's event invoice: food at 7 % or 19 % by date; drinks, staff, rentals 19 %."""

    FONTS = ("liberation-sans", "dejavu-sans", "liberation-serif", "dejavu-serif", "dejavu-sans-condensed")
    IDS = "vat"
    GROUPED = 0.6
    FOOT = A4.height - 80

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.house = rng.random() < 0.4  # a restaurant's event in its own rooms, else a caterer's
        self.mode = (
            rng.choice(("reduced", "reduced", "full"))
            if self.house
            else rng.choice(("reduced", "reduced", "full", "delivery"))
        )
        self.food_rate = 19 if self.mode == "full" else 7
        self.form = rng.choice(("gmbh", "ek", "ek", "sole", "sole"))
        self.owner = rng.choice(_OWNERS)
        trade = rng.choice(_RESTAURANTS if self.house else _CATERERS)
        name = {"gmbh": f"{trade} GmbH", "ek": f"{trade} e.K.", "sole": trade}[self.form]
        event = event_day(rng, self.mode)
        day = event + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3)) if self.house else rng.randint(1, 12))
        self.event = event
        self.guests = rng.choice((12, 18, 24, 25, 30, 35, 40, 45, 50, 60, 80, 120))
        self.occasion = rng.choice(_SEASONAL.get(event.month, ()) + _OCCASIONS)
        self.gross_priced = rng.random() < (0.75 if self.house else 0.25)
        supplier = dataclasses.replace(data.supplier, name=name)
        n = rng.randint(1, 9999)
        number = rng.choice(
            (
                f"{day.year}-{n:04d}",
                f"R-{day.year % 100}-{n:04d}",
                f"RE{day.year}{n:04d}",
                f"{rng.randint(1000, 29999)}",
                f"{day.month:02d}{day.year % 100}/{n % 1000:03d}",
            )
        )
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=event,
            due_date=day + dt.timedelta(days=rng.choice((7, 10, 14, 14))),
            supplier=supplier,
            customer=dataclasses.replace(
                data.customer, name=rng.choice(_HOSTS), contact=rng.choice(_HOST_CONTACTS)
            ),
            customer_no=f"{rng.randint(1000, 99999)}" if not self.house and rng.random() < 0.5 else "",
            order_no="",
            email=f"{rng.choice(('info', 'rechnung', 'kontakt'))}@{self.domain(trade)}",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            register=f"HRB {rng.randint(1000, 99999)}"
            if self.form == "gmbh"
            else f"HRA {rng.randint(100, 9999)}",
        )
        super().__init__(rng, data)
        self.ids = {
            "gmbh": rng.choice(("vat", "vat", "both")),
            "ek": rng.choice(("stnr", "both")),
            "sole": "stnr",
        }[self.form]
        self.p = Printer(
            "de",
            rng.choice(("sign_after", "sign_after", "sign_after", "code_after", "sign_before")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short", "de_long")),
        )
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("centered", "logo", "right"))
        self.codes = rng.choice(("pct", "pct", "num", "abc"))
        self.with_pos = rng.random() < 0.5
        self.sectioned = rng.random() < 0.45
        self.vat_table = rng.random() < 0.5
        self.with_bic = rng.random() < 0.8
        self.payment = rng.choice(("transfer", "transfer", "paid")) if self.house else "transfer"
        self.deposit_day = event - dt.timedelta(days=rng.randint(10, 60))
        self.deposit = self.payment == "transfer" and rng.random() < 0.4
        self.offer = (
            (
                f"{event.year % 100}-{rng.randint(100, 999)}",
                self.deposit_day - dt.timedelta(days=rng.randint(3, 30)),
            )
            if rng.random() < 0.5
            else None
        )
        self.receipt = self.house and rng.random() < 0.35
        self.venue = self.where(rng)

    @staticmethod
    def domain(trade: str) -> str:
        word = "".join(ch for ch in trade.lower().replace(" ", "-") if ch.isalnum() or ch == "-")
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("--", "-")):
            word = word.replace(a, b)
        return f"{word}.de"

    def where(self, rng: random.Random) -> str:
        if self.house:
            return rng.choice(
                (
                    "in unserem Hause, großer Saal",
                    "Nebenzimmer „Zunftstube“",
                    "Wintergarten",
                    "Gewölbekeller",
                    "Terrasse und Gastraum",
                )
            )
        r = self.data.customer
        return rng.choice(
            (
                f"bei Ihnen, {r.street}, {r.city_line}",
                f"Ihre Räume, {r.street}",
                "Eventlocation Alte Werkhalle, Hafenstraße 12",
                "Bürgerhaus, Saal 2",
            )
        )

    # -- the lines

    def rows(self) -> list[Row]:
        rng, guests = self.rng, Decimal(self.guests)
        rows: list[Row] = []

        def price(lo: float, hi: float) -> Decimal:
            value = Decimal(str(rng.uniform(lo, hi))) * (Decimal("1.12") if self.gross_priced else 1)
            step = Decimal("0.5") if self.gross_priced or rng.random() < 0.6 else Decimal("0.1")
            return (value / step).to_integral_value() * step

        food = self.food_rate
        text, unit, lo, hi = rng.choice(_MAINS)
        rows.append(Row("Speisen", text, guests, unit, price(lo, hi), food))
        for text, unit, lo, hi in rng.sample(_SIDES, rng.choice((0, 1, 1, 2))):
            rows.append(Row("Speisen", text, guests, unit, price(lo, hi), food))
        extras = rng.choice((1, 2) if self.mode == "delivery" else (0, 0, 1, 2))  # a delivery: platters
        for text, unit, lo, hi in rng.sample(_EXTRA_DISHES, extras):
            qty = {"Platte": rng.randint(2, 6), "Stück": self.guests * rng.choice((2, 3))}.get(
                unit, rng.randint(2, max(3, self.guests // 5))
            )
            rows.append(Row("Speisen", text, Decimal(qty), unit, price(lo, hi), food))
        rows += self.drinks(price)
        if self.mode == "delivery":
            if rng.random() < 0.6:
                rows.append(
                    Row(
                        "Logistik & Sonstiges",
                        "Lieferpauschale",
                        Decimal(1),
                        "pausch.",
                        price(25, 65),
                        7,
                        "Lieferung ohne Service",
                    )
                )
            return rows
        rows += self.service(price)
        return rows

    def drinks(self, price) -> list[Row]:
        rng = self.rng
        rows = []
        if self.mode == "delivery" and rng.random() < 0.5:
            return rows
        if not self.house and self.mode != "delivery" and rng.random() < 0.55:  # a package served
            for text, unit, lo, hi in rng.sample(_FLAT_DRINKS, rng.choice((1, 1, 2))):
                rows.append(Row("Getränke", text, Decimal(self.guests), unit, price(lo, hi), 19))
            return rows
        for text, unit, lo, hi in rng.sample(_COUNTED_DRINKS, rng.randint(2, 5)):
            qty = {"Fass": rng.randint(1, 3), "Glas": self.guests * rng.randint(1, 4)}.get(
                unit, max(1, self.guests * rng.randint(2, 12) // 10)
            )
            rows.append(Row("Getränke", text, Decimal(qty), unit, price(lo, hi), 19))
        return rows

    def service(self, price) -> list[Row]:
        rng = self.rng
        rows = []
        if self.house:
            for text, unit, lo, hi in rng.sample(_HOUSE_EXTRAS, rng.choice((0, 1, 1, 2))):
                qty = {"Fl.": rng.randint(2, 8), "Std.": rng.randint(1, 3)}.get(unit, 1)
                rows.append(Row("Logistik & Sonstiges", text, Decimal(qty), unit, price(lo, hi), 19))
            return rows
        hours = Decimal(rng.randrange(8, 19)) / 2
        for text, lo, hi in [_STAFF[0], *rng.sample(_STAFF[1:], rng.choice((0, 1, 1, 2)))]:
            people = max(1, self.guests // rng.choice((15, 20, 25))) if text == "Servicekraft" else 1
            note = (
                f"{people} {'Kräfte' if people > 1 else 'Kraft'} × {quantity(hours, self.p)} Std."
                if people > 1
                else ""
            )
            rows.append(Row("Personal & Service", text, people * hours, "Std.", price(lo, hi), 19, note))
        for text, unit, lo, hi in rng.sample(_RENTALS, rng.randint(1, 3)):
            qty = self.guests if unit == "Gedeck" else rng.randint(3, 12)
            rows.append(Row("Mietartikel", text, Decimal(qty), unit, price(lo, hi), 19))
        if rng.random() < 0.6:
            rows.append(
                Row(
                    "Logistik & Sonstiges",
                    "Anlieferung und Abholung",
                    Decimal(1),
                    "pausch.",
                    price(35, 120),
                    19,
                )
            )
        else:
            km = rng.randint(8, 60) * 2
            rows.append(
                Row(
                    "Logistik & Sonstiges",
                    f"Fahrtkosten ({km // 2} km, hin und zurück)",
                    Decimal(km),
                    "km",
                    Decimal(rng.choice(("0.70", "0.80", "0.90", "1.00"))),
                    19,
                )
            )
        return rows

    def items(self, rows: list[Row]) -> list[LineItem] | None:
        """The truth's items: the rows themselves when priced net; when priced gross, each row's net worked
        back per rate (None when the gross cents do not allow it)."""
        if not self.gross_priced:
            return [LineItem(r.text, "", r.qty, r.unit, r.price, r.rate) for r in rows]
        nets = nets_of_gross([(r.total, r.rate) for r in rows])
        if nets is None:
            return None
        return [
            LineItem(r.text, "", Decimal(1), r.unit, net, r.rate) for r, net in zip(rows, nets, strict=True)
        ]

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        trade = s.name.removesuffix(" GmbH").removesuffix(" e.K.")
        owner = f"Inh. {self.owner}" if self.form != "gmbh" else ""
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "centered":
            c.fit_text(c.width / 2, 50, s.name, 22, R - L, bold=True, align="center", colour=self.brand)
            line = " · ".join(x for x in (owner, s.street, s.city_line, f"Tel. {d.phone}") if x)
            c.fit_text(c.width / 2, 64, line, 8, R - L, align="center", colour=GREY)
            c.line(c.width / 2 - 60, 72, c.width / 2 + 60, 72, width=0.6, colour=self.brand)
        elif self.head == "logo":
            logo(c, self.rng.choice(("circle", "house", "diamond")), L, 28, 40, self.brand, initials(trade))
            c.fit_text(L + 50, 48, s.name, 15, 280, bold=True, colour=self.brand)
            c.fit_text(
                L + 50,
                61,
                owner or ("Catering · Partyservice" if not self.house else "Restaurant"),
                8,
                280,
                colour=GREY,
            )
            for i, text in enumerate(contact):
                c.text(R, 36 + 10 * i, text, 7.5, align="right", colour=GREY)
        else:
            c.fit_text(R, 48, s.name, 17, 330, bold=True, align="right", colour=self.brand)
            if owner:
                c.text(R, 60, owner, 8, align="right", colour=GREY)
            c.fit_text(R, 72, " · ".join(contact), 7.2, 400, align="right", colour=GREY)

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        y = self.window(
            L,
            136,
            [r.name, r.contact, r.street, r.city_line],
            10,
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnung Nr.", "Re.-Nr.", "Rechnungs-Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        self.event_in_rows = rng.random() < 0.4
        if self.event_in_rows:
            rows.append((self.event_label(), p.date(self.event)))
        top = label_rows(c, rows, 350, R, 136, 9, 13, value_align="right", label_colour=GREY)
        y = max(y, top) + 10
        title = rng.choice(
            ("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}", f"Rechnung – {self.occasion}")
        )
        c.fit_text(L, y + 10, title, 15, R - L, bold=True)
        return self.event_block(y + 22)

    def event_label(self) -> str:
        if self.mode == "delivery":
            return self.rng.choice(("Lieferung am", "Liefertermin", "Lieferdatum"))
        return self.rng.choice(
            ("Veranstaltung am", "Leistungsdatum", "Datum der Veranstaltung", "Veranstaltungsdatum")
        )

    def event_block(self, y: float) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        facts = [
            ("Anlass", self.occasion),
            (rng.choice(("Personen", "Gäste", "Teilnehmer")), str(self.guests)),
        ]
        if not self.event_in_rows:
            facts.insert(0, (self.event_label(), p.date(self.event)))
        facts.append(("Lieferadresse" if self.mode == "delivery" else "Ort", self.venue))
        if rng.random() < 0.5:  # in a shaded box, two facts a line
            lines = (len(facts) + 1) // 2
            c.box(L, y - 2, R, y + 6 + 13 * lines, fill=PALE, stroke=RULE, width=0.5)
            half = (R - L) / 2
            for k, (label, value) in enumerate(facts):
                x, yy = L + 8 + half * (k % 2), y + 10 + 13 * (k // 2)
                w = c.text(x, yy, f"{label}:", 8.5, colour=GREY)
                c.fit_text(x + w + 4, yy, value, 8.5, half - w - 20, bold=k == 0)
            y += 14 + 13 * lines
        else:
            y = label_rows(c, facts, L, L + 128, y + 6, 9, 12.5) - 4
        if self.offer:
            y += 12
            c.text(L, y, f"gemäß unserem Angebot Nr. {self.offer[0]} vom {p.date(self.offer[1])}", 8.5)
        return y + 6

    def code(self, rate: int) -> str:
        return f"{rate} %" if self.codes == "pct" else _CODES[self.codes][rate]

    def table_cols(self) -> list[Col]:
        rng = self.rng
        gross = self.gross_priced
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 28, "left")] if self.with_pos else []
        spec += [
            ("desc", rng.choice(("Bezeichnung", "Leistung", "Artikel")), 0, "left"),
            ("qty", "Menge", 40, "right"),
            ("unit", "Einheit", 42, "left"),
            (
                "price",
                rng.choice(("EP brutto", "Einzelpreis"))
                if gross
                else rng.choice(("EP netto", "Einzelpreis")),
                62,
                "right",
            ),
            ("vat", "MwSt." if self.codes == "pct" else "St.", 36, "right"),
            ("total", "Gesamt" if not gross else rng.choice(("Gesamt", "Gesamt brutto")), 66, "right"),
        ]
        return columns(spec, self.LEFT, self.RIGHT)

    def heading(self, y: float, cols: list[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.line(L, y, R, y, width=0.8)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.2, bold=True)
        c.line(L, y + 16, R, y + 16, width=0.5)
        return y + 16

    def table(self, y: float, rows: list[Row]) -> float:
        p, L = self.p, self.LEFT
        cols = self.table_cols()
        desc = next(col for col in cols if col.key == "desc")
        y = self.heading(y + 4, cols)
        section = ""
        for n, row in enumerate(rows, 1):
            lines = self.c.wrap(row.text, desc.width, 8.7)
            head = self.sectioned and row.section != section
            height = 12.5 * len(lines) + (9 if row.note else 0) + (18 if head else 0) + 6
            if y + height > self.limit - 30:
                y = self.heading(self.next_page(), cols)
            c = self.c
            if head:
                y += 16
                c.text(L + 3, y, row.section, 9, bold=True, colour=self.brand)
                section = row.section
            y += 13
            cells(
                c,
                cols,
                y,
                {
                    "pos": str(n),
                    "qty": quantity(row.qty, p),
                    "unit": row.unit,
                    "price": p.number(row.price),
                    "vat": self.code(row.rate),
                    "total": p.number(row.total),
                },
                8.7,
            )
            for j, line in enumerate(lines):
                c.text(desc.anchor, y + 12.5 * j, line, 8.7)
            y += 12.5 * (len(lines) - 1)
            if row.note:
                y += 9
                c.text(desc.anchor, y, row.note, 7.3, colour=GREY)
            y += 4
            c.line(L, y, self.RIGHT, y, width=0.3, colour=RULE)
        if self.codes != "pct":
            legend = ", ".join(
                f"{self.code(rate)} = {rate} % MwSt." for rate in sorted({r.rate for r in rows})
            )
            y += 11
            self.c.text(L, y, legend, 7.5, colour=GREY)
        return y

    def totals(self, y: float, vat_lines: list[VatLine]) -> tuple[float, Decimal]:
        p, rng = self.p, self.rng
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        gross = net + vat
        two = len(vat_lines) > 1
        rows: list[tuple[str, str, bool]] = []
        if self.gross_priced:
            rows.append(
                (
                    rng.choice(("Gesamtbetrag (inkl. MwSt.)", "Rechnungsbetrag", "Summe brutto")),
                    p.amount(gross),
                    True,
                )
            )
            shade = 0
            if not self.vat_table:
                for v in sorted(vat_lines, key=lambda v: v.rate):
                    rows.append((f"darin enthaltene MwSt. {v.rate} %", p.amount(v.amount), False))
                if two:
                    rows.append(("Summe MwSt.", p.amount(vat), False))
                rows.append((rng.choice(("Nettobetrag", "Summe netto", "Nettowert")), p.amount(net), False))
        else:
            rows.append(
                (rng.choice(("Summe netto", "Nettobetrag", "Zwischensumme netto")), p.amount(net), False)
            )
            for v in sorted(vat_lines, key=lambda v: v.rate):
                label = rng.choice(
                    ("zzgl. {r} % MwSt. auf {b}", "zzgl. {r} % USt. (auf {b})", "zzgl. MwSt. {r} % auf {b}")
                )
                rows.append((label.format(r=v.rate, b=p.amount(v.base)), p.amount(v.amount), False))
            if two:
                rows.append((rng.choice(("MwSt. gesamt", "Summe MwSt.")), p.amount(vat), False))
            rows.append(
                (
                    rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Endbetrag", "Gesamtsumme brutto")),
                    p.amount(gross),
                    True,
                )
            )
            shade = len(rows) - 1
        rows += self.settlement(gross)
        height = (
            15 * len(rows) + (16 * (len(vat_lines) + 2) if self.gross_priced and self.vat_table else 0) + 24
        )
        y = self.room(y, height)
        y = summary_rows(self.c, rows, self.RIGHT - 250, self.RIGHT, y + 6, 9.2, shade=shade)
        if self.gross_priced and self.vat_table:
            y = self.vat_summary(y + 8, vat_lines)
        return y + 10, gross

    def settlement(self, gross: Decimal) -> list[tuple[str, str, bool]]:
        p, rng = self.p, self.rng
        if self.deposit:
            share = Decimal(str(rng.uniform(0.2, 0.5)))
            paid = max(Decimal(100), (gross * share / 50).to_integral_value() * 50)
            if paid >= gross:
                paid = round_cent(gross / 2)
            return [
                (
                    rng.choice(
                        ("abzgl. Anzahlung vom {d}", "abzgl. Anzahlung ({d})", "Anzahlung erhalten am {d}")
                    ).format(d=p.date(self.deposit_day)),
                    p.amount(-paid),
                    False,
                ),
                (
                    rng.choice(("Restbetrag", "Noch zu zahlen", "Zahlbetrag", "Offener Betrag")),
                    p.amount(gross - paid),
                    True,
                ),
            ]
        if self.payment == "paid":
            return [
                (
                    f"bezahlt {rng.choice(('EC-Karte', 'girocard', 'bar'))} am {p.date(self.data.date)}",
                    p.amount(-gross),
                    False,
                ),
                ("Offener Betrag", p.amount(Decimal(0)), False),
            ]
        return []

    def vat_summary(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        cols = columns(
            [
                ("rate", "MwSt.-Satz", 0, "left"),
                ("net", "Netto", 78, "right"),
                ("vat", "MwSt.", 70, "right"),
                ("gross", "Brutto", 78, "right"),
            ],
            R - 300,
            R,
        )
        c.box(R - 300, y, R, y + 14, fill=LIGHT, stroke=None)
        cells(c, cols, y + 10, {col.key: col.head for col in cols}, 8, bold=True)
        y += 14
        lines = [(f"{v.rate} %", v.base, v.amount) for v in sorted(vat_lines, key=lambda v: v.rate)]
        if len(lines) > 1:
            lines.append(
                (
                    "Summe",
                    sum((v.base for v in vat_lines), Decimal(0)),
                    sum((v.amount for v in vat_lines), Decimal(0)),
                )
            )
        for k, (rate, base, amount) in enumerate(lines):
            y += 13
            values = {
                "rate": rate,
                "net": p.number(base),
                "vat": p.number(amount),
                "gross": p.number(base + amount),
            }
            cells(c, cols, y, values, 8.3, bold=rate == "Summe")
        c.line(R - 300, y + 4, R, y + 4, width=0.4, colour=GREY)
        return y + 4

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.payment == "paid":
            texts.append(("Der Rechnungsbetrag wurde bereits beglichen. Vielen Dank!", True))
        else:
            what = "den Restbetrag" if self.deposit else "den Rechnungsbetrag"
            days = (d.due_date - d.date).days
            texts.append(
                (
                    rng.choice(
                        (
                            f"Bitte überweisen Sie {what} bis zum {p.date(d.due_date)} auf unser unten "
                            "genanntes Konto.",
                            f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                            f"Bitte begleichen Sie {what} innerhalb von {days} Tagen unter Angabe der "
                            "Rechnungsnummer.",
                        )
                    ),
                    True,
                )
            )
        if self.mode == "reduced" and rng.random() < 0.4:
            texts.append(
                (
                    "Speisen mit dem ermäßigten Steuersatz von 7 % (§ 12 Abs. 2 Nr. 15 UStG, befristet bis "
                    "31.12.2023), Getränke mit 19 %.",
                    False,
                )
            )
        if self.mode == "delivery" and rng.random() < 0.5:
            texts.append(
                ("Reine Speisenlieferung ohne Service: Speisen 7 % MwSt., Getränke 19 % MwSt.", False)
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Vielen Dank für Ihren Auftrag – wir freuen uns auf Ihre nächste Feier!",
                        "Herzlichen Dank, dass wir Ihre Veranstaltung ausrichten durften.",
                        "Wir bedanken uns für Ihren Besuch und Ihr Vertrauen."
                        if self.house
                        else "Wir bedanken uns für Ihr Vertrauen und empfehlen uns für künftige Anlässe.",
                    )
                ),
                False,
            )
        )
        width = self.RIGHT - self.LEFT
        y = self.room(y, sum(11 * len(self.c.wrap(t, width, 8.3)) + 4 for t, _ in texts) + 8)
        for text, bold in texts:
            y = self.c.paragraph(self.LEFT, y + 4, text, width, 8.3, bold=bold)
        return y

    def bewirtung(self, y: float) -> float:
        """The tax office's form for a business meal, to fill in by hand (when it fits on the page)."""
        c, p, L, R, s = self.c, self.p, self.LEFT, self.RIGHT, self.data.supplier
        if y + 118 > self.limit:
            return y
        y += 10
        c.box(L, y, R, y + 108, stroke=GREY, width=0.6)
        c.text(
            L + 8,
            y + 13,
            "Angaben zum Nachweis der Höhe und der betrieblichen Veranlassung von "
            "Bewirtungsaufwendungen (§ 4 Abs. 5 Nr. 2 EStG)",
            7.6,
            bold=True,
        )
        facts = [
            ("Tag der Bewirtung:", p.date(self.event)),
            ("Ort der Bewirtung:", f"{s.name}, {s.city}"),
            ("Bewirtete Person(en):", ""),
            ("Anlass der Bewirtung:", ""),
            ("Höhe der Aufwendungen:", "lt. Rechnung"),
        ]
        for k, (label, value) in enumerate(facts):
            yy = y + 28 + 13 * k
            c.text(L + 8, yy, label, 8)
            if value:
                c.text(L + 120, yy, value, 8)
            else:
                c.line(L + 120, yy + 2, R - 10, yy + 2, width=0.4, colour=GREY, dashed=True)
        c.line(L + 8, y + 98, L + 200, y + 98, width=0.4)
        c.line(R - 200, y + 98, R - 8, y + 98, width=0.4)
        c.text(L + 8, y + 105, "Ort, Datum", 6.5, colour=GREY)
        c.text(R - 200, y + 105, "Unterschrift des Bewirtenden", 6.5, colour=GREY)
        return y + 108

    def room(self, y: float, height: float) -> float:
        return self.next_page() if y + height > self.limit else y

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        first = [s.name] + ([f"Inh. {self.owner}"] if self.form != "gmbh" else []) + [s.street, s.city_line]
        legal = self.tax_ids("USt-IdNr.", rng_label(self.rng))
        if self.form == "gmbh":
            legal = [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}", *legal]
        elif self.form == "ek":
            legal = [f"Amtsgericht {s.city} {d.register}", *legal]
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        first.append(f"Tel. {d.phone}")
        footer_columns(self.c, [first, legal, bank], self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        for _ in range(100):
            rows = self.rows()
            items = self.items(rows)
            if items is not None:
                break
        else:
            raise AssertionError("catering_bewirtung: no gross prices that split into net and VAT")
        vat_lines = vat_breakdown(items)
        self.header()
        y = self.table(self.info(), rows)
        y, gross = self.totals(y, vat_lines)
        y = self.closing(y, gross)
        if self.receipt:
            y = self.bewirtung(y)
        assert y < self.limit + 6, "catering_bewirtung: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=True,
            customer_no=bool(self.data.customer_no),
            bic_printed=self.with_bic,
        )


def rng_label(rng: random.Random) -> str:
    return rng.choice(("Steuernummer", "St.-Nr.", "Steuer-Nr."))


# ---------------------------------------------------------------------------
# Registry

MEDIEN_FAMILIES: dict[str, type[TripSheet]] = {
    "anzeigen_verlag": AnzeigenVerlag,
    "catering_bewirtung": CateringBewirtung,
}


def draw_medien(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(MEDIEN_FAMILIES[name], name, seed)
