"""Two invoice layout families of supplier invoices as a small German office files them: stamped "received"
and booked, or stamped "paid" and kept as a copy, designed blind (session 21).

Like `families_fuhrpark` and `families_gruen`, they were written without reading the field extractor and
without running it, so that they measure layouts nobody has shaped to it; `families` lists them as
never-tuned and dispatches to `draw_stempel(name, seed)`. Both draw the supplier's invoice itself with
`HandelLook` of `families_handel` (a `RemovalLook` of `families_umzug`: letterheads, detail blocks, table
heads, totals and footers whose look varies per seed; an article column on some seeds) on one A4 page, and
then what the office put on it, as vector drawing over (the watermark: under) the printed text: rotated
rubber stamps in red, blue, violet or green ink (a rectangle, a rounded or double frame, or an oval; opaque
or partly transparent) and notes in a "handwritten" italic face in a ballpoint's blue or black. Every stamp
is placed where its upright box covers at most 30 % of the box of any printed truth value (the invoice
number and date, the delivery date and customer number where printed, net, VAT and gross, IBAN, BIC, VAT
id, Steuernummer, the seller's name), so that no truth value is ever hidden; it may overlap any other text.
Both return a `TripDrawing` (truth keys only for values printed).

- `eingangsstempel`: a supplier's invoice as received in the customer's office (a small agency): an office
  supplies dealer (7 % for coffee, tea, milk and biscuits on some seeds), an IT service company (hours on
  site, remote support, hardware, licences; all 19 %) or a print shop (flyers, business cards, roll-ups; a
  brochure or anniversary book with ISBN at 7 % on some seeds); the seller a GmbH, a GmbH & Co. KG or an
  e.K. with its owner. The invoice: invoice number and date, the customer number on some seeds, the
  delivery or service date under its label on some ("Lieferdatum", "Leistungsdatum", "Einsatz am", …), a
  delivery note's number on some, 1 to 8 items, net, VAT per rate (with two rates "… auf <base>" and a VAT
  total), the gross; the payment terms (Skonto on some seeds); the footer with the seller's USt-IdNr.
  (always), Steuernummer (some seeds), IBAN and BIC. On it: a "received" stamp ("EINGEGANGEN", "Eingang",
  "ERHALTEN"; the receiving company's name above on some seeds) with the day it came in, two to nine days
  after the invoice date, in a date stamp's forms ("12. MRZ 2024", "12.03.24", "12 MAR 2024",
  "12.03.2024"); on most seeds a line "Erl.:", "Kst.:", "Bearb.:" or "Vermerk:" with a handwritten note on
  it ("Kst 4711", "gebucht 14.3.", "sachl. richtig MK", "Kto 4930 / JS"); placed at the top right, over the
  window address, or half over the reference block. On some seeds a "Kontierungsstempel" as well: a grid
  "Konto | Kostenstelle | Betrag | Datum | Zeichen" filled in by hand (the expense account, one or two cost
  centres, the amount: the gross, or the gross split in two by cost centre or by VAT rate; the booking day,
  initials), beside the totals or above the footer.
- `bezahlt_kopie`: an invoice as filed after payment: a craftsman's (an electrician, a plumber, a painter:
  hours, material, call-out; 19 %), a caterer's (food delivered at 7 %; drinks, dishes and delivery at
  19 %) or a hardware shop's (19 %). The invoice as above (customer number, delivery or service date on
  some seeds; BIC on most), its payment terms with Skonto on some seeds ("Bei Zahlung bis 12.04.2024 2 %
  Skonto = 12,34 €, …" and other wordings; the Skonto is never deducted in the totals), and on a few
  craftsmen's seeds (none with Skonto, gross at least 500 €) a prepayment deducted after the gross: "abzgl.
  Anzahlung vom 05.02.2024  -500,00 €", then "Restbetrag" / "Noch zu zahlen" / "Zahlbetrag". On it: a
  large "BEZAHLT" stamp ("BEZAHLT" over the day, "Bezahlt am 03.04.2024 / Überweisung", "BEZAHLT / am
  03. APR 2024 / per Bank", or "BEZAHLT" with the day written by hand on a "Datum:" line), rotated 6 to 22
  degrees, in red, blue or green, over the lower half of the page or beside the totals; the day of payment
  four to thirty days after the invoice date. On some seeds a light grey diagonal watermark "KOPIE",
  "DUPLIKAT" or "Zweitschrift" across the page behind the text; on some a translucent yellow highlighter
  stroke over the gross in the totals or over the invoice number; on some Skonto seeds a handwritten note by
  the stamp with the amount transferred after the Skonto ("abzgl. 2 % Skonto, überw. 1.209,12").

Truth (both): `rechnungsnummer`; `datum` the invoice date printed under its label (never the stamp's
received or paid day, the handwritten booking day, the due or Skonto day or the prepayment's day, all of
them other days than the invoice and the delivery date); `leistungsdatum` the delivery or service date
where printed under its label; `kundennummer` where printed; `betrag_netto`, `mwst`, `betrag_brutto` the
invoice's over all its rates (with two rates `mwst` is the printed VAT total). With a prepayment, as in the
`anzahlung` family and `handwerker_abschlag`, `betrag_brutto` stays the invoice's gross total printed
under its gross label ("Gesamtbetrag", "Rechnungsbetrag", …) before the deduction, never the rest to pay,
and netto and mwst are the whole invoice's. Never the Skonto amount, the amount transferred or a
Kontierung amount. `ust_id` always, `steuernummer` where printed; `iban` as printed in the footer, `bic`
where printed (always for `eingangsstempel`); `lieferant` the seller's name; no `bestellnummer`.

Both keep their dates out of the second half of 2020 (German VAT 16 % and 5 % then).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import pymupdf

from benchmarks.synth.families_handel import HandelLook, head_number, workday
from benchmarks.synth.families_more import columns, draw_sheet, pick_items
from benchmarks.synth.families_objekt import calm
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line, data_for
from benchmarks.synth.invoice_gen import InvoiceData, LineItem, VatLine, round_cent, vat_breakdown
from benchmarks.synth.pdfdraw import A4, LIBERATION, Colour, _metrics

# ---------------------------------------------------------------------------
# Stamps and handwriting

INKS: dict[str, Colour] = {
    "rot": (0.8, 0.1, 0.14),
    "blau": (0.1, 0.22, 0.68),
    "violett": (0.42, 0.18, 0.6),
    "gruen": (0.06, 0.48, 0.2),
}
PENS: tuple[Colour, ...] = ((0.07, 0.15, 0.55), (0.12, 0.12, 0.16), (0.0, 0.25, 0.62))
HANDS = (LIBERATION + "LiberationSerif-Italic.ttf", LIBERATION + "LiberationSans-Italic.ttf", "tiit")
STAMP_FACES = ("hebo", LIBERATION + "LiberationSans-Bold.ttf", "tibo")
DATE_FACES = ("cobo", "hebo", LIBERATION + "LiberationMono-Bold.ttf")
_MONTHS_DE = ("JAN", "FEB", "MRZ", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ")
_MONTHS_EN = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
MOST_COVERED = 0.3  # the largest share of a truth value's box a stamp's upright box may cover
MARGIN = 16.0
Morph = tuple[pymupdf.Point, pymupdf.Matrix]


def stamp_date(day: dt.date, style: str) -> str:
    """A day as a date stamp prints it: 12. MRZ 2024, 12 MAR 2024, 12.03.24, 12.03.2024."""
    return {
        "de_abbr": f"{day.day:02d}. {_MONTHS_DE[day.month - 1]} {day.year}",
        "en_abbr": f"{day.day:02d} {_MONTHS_EN[day.month - 1]} {day.year}",
        "short": f"{day:%d.%m.%y}",
        "dotted": f"{day:%d.%m.%Y}",
    }[style]


def hand_date(day: dt.date, year: bool) -> str:
    """A day as written by hand: 14.3. or 14.3.24."""
    return f"{day.day}.{day.month}." + (f"{day.year % 100:02d}" if year else "")


def hand_amount(value: Decimal, dotted: bool) -> str:
    """An amount as written by hand: 1.234,56 or 1234,56."""
    text = f"{value:,.2f}" if dotted else f"{value:.2f}"
    return text.translate(str.maketrans(",.", ".,"))


def width_of(text: str, face: str, size: float) -> float:
    return _metrics(face).text_length(text, fontsize=size)


def font_args(face: str) -> dict[str, str]:
    """insert_text's font arguments for a base-14 name or a TrueType file."""
    if face.endswith(".ttf"):
        return {"fontname": "S" + face.rsplit("/", 1)[-1][:-4].replace("-", ""), "fontfile": face}
    return {"fontname": face}


def write(
    page: pymupdf.Page,
    at: tuple[float, float],
    text: str,
    face: str,
    size: float,
    colour: Colour,
    morph: Morph,
    opacity: float = 1.0,
) -> None:
    page.insert_text(at, text, fontsize=size, color=colour, morph=morph, fill_opacity=opacity, **font_args(face))


def turned_box(w: float, h: float, angle: float) -> pymupdf.Rect:
    """The upright box, centred on (0, 0), around a w × h rectangle turned by `angle` degrees."""
    a = math.radians(angle)
    hw = abs(w / 2 * math.cos(a)) + abs(h / 2 * math.sin(a))
    hh = abs(w / 2 * math.sin(a)) + abs(h / 2 * math.cos(a))
    return pymupdf.Rect(-hw, -hh, hw, hh)


def moved(box: pymupdf.Rect, centre: pymupdf.Point) -> pymupdf.Rect:
    return box + (centre.x, centre.y, centre.x, centre.y)


def covered(stamp: pymupdf.Rect, value: pymupdf.Rect) -> float:
    """The share of `value`'s box under `stamp`."""
    cut = pymupdf.Rect(stamp) & value
    if cut.is_empty or value.is_empty:
        return 0.0
    return cut.get_area() / value.get_area()


def place(
    rng: random.Random,
    box: pymupdf.Rect,
    region: tuple[float, float, float, float],
    guarded: Sequence[pymupdf.Rect],
    taken: Sequence[pymupdf.Rect],
    free: Sequence[pymupdf.Rect] | None = None,
) -> pymupdf.Point:
    """A centre in `region` (the least and most x and y of the centre) for a thing whose upright `box` is
    centred on (0, 0): on the page, over no `taken` box and over at most `MOST_COVERED` of any `guarded` one;
    else the nearest such centre on a grid over the page. Given `free` (the words' boxes), over none of them
    where such a place is found."""
    x0, y0, x1, y1 = region
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    grid = [(float(x), float(y)) for x in range(30, int(A4.width) - 29, 8) for y in range(30, int(A4.height), 8)]
    grid.sort(key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)
    tries = [(rng.uniform(x0, max(x0, x1)), rng.uniform(y0, max(y0, y1))) for _ in range(24)]
    for avoid in ([*taken, *free], taken) if free is not None else (taken,):

        def fits(x: float, y: float, avoid: Sequence[pymupdf.Rect] = avoid) -> bool:
            r = moved(box, pymupdf.Point(x, y))
            if r.x0 < MARGIN or r.y0 < MARGIN or r.x1 > A4.width - MARGIN or r.y1 > A4.height - MARGIN:
                return False
            if any(not (r & t).is_empty for t in avoid):
                return False
            return all(covered(r, g) <= MOST_COVERED for g in guarded)

        for x, y in tries + grid:
            if fits(x, y):
                return pymupdf.Point(x, y)
    raise AssertionError("stempel: no room for a stamp")


@dataclass(frozen=True)
class StampLine:
    """A line of a stamp in the stamp's ink, and a note written by hand after it (in `Stamp.pen`)."""

    text: str
    size: float
    face: str
    note: str = ""
    note_size: float = 10.0


@dataclass(frozen=True)
class Stamp:
    """A rubber stamp: lines in one ink inside a frame, turned by `angle` degrees, notes by hand on it."""

    lines: tuple[StampLine, ...]
    ink: Colour
    shape: str  # "rect", "round", "double", "oval"
    angle: float
    opacity: float
    hand: str
    pen: Colour
    pad: float = 6.0
    spacing: float = 1.28

    def line_width(self, line: StampLine) -> float:
        w = width_of(line.text, line.face, line.size)
        if line.note:
            w += 10 + width_of(line.note, self.hand, line.note_size)
        return w

    def inner(self) -> tuple[float, float]:
        w = max(self.line_width(line) for line in self.lines) + 2 * self.pad
        h = sum(line.size * self.spacing for line in self.lines) + 2 * self.pad - 0.28 * self.lines[-1].size
        return w, h

    def size(self) -> tuple[float, float]:
        w, h = self.inner()
        return (w * 1.2 + 10, h * 1.35 + 8) if self.shape == "oval" else (w, h)

    def box(self) -> pymupdf.Rect:
        """The upright box around the turned frame with its line and a little ink, centred on (0, 0)."""
        w, h = self.size()
        return turned_box(w + 6, h + 6, self.angle)

    def draw(self, page: pymupdf.Page, centre: pymupdf.Point, rng: random.Random) -> None:
        w, h = self.size()
        morph = (centre, pymupdf.Matrix(self.angle))
        frame = pymupdf.Rect(centre.x - w / 2, centre.y - h / 2, centre.x + w / 2, centre.y + h / 2)
        ink = {"color": self.ink, "stroke_opacity": self.opacity, "morph": morph}
        if self.shape == "oval":
            page.draw_oval(frame, width=1.6, **ink)
            page.draw_oval(frame + (3, 3, -3, -3), width=0.6, **ink)
        else:
            page.draw_rect(frame, width=1.8, radius=0.18 if self.shape == "round" else None, **ink)
            if self.shape == "double":
                page.draw_rect(frame + (2.6, 2.6, -2.6, -2.6), width=0.6, **ink)
        y = centre.y - self.inner()[1] / 2 + self.pad
        for line in self.lines:
            y += line.size * 0.8
            x = centre.x - self.line_width(line) / 2
            write(page, (x, y), line.text, line.face, line.size, self.ink, morph, self.opacity)
            if line.note:
                nx = x + width_of(line.text, line.face, line.size) + 7
                nw = width_of(line.note, self.hand, line.note_size)
                page.draw_line((nx - 3, y + 1.5), (nx + nw + 2, y + 1.5), width=0.5, dashes="[1 1.5] 0", **ink)
                turn = pymupdf.Matrix(self.angle + rng.uniform(-4, 3))
                write(page, (nx, y - 1), line.note, self.hand, line.note_size, self.pen, (centre, turn), 0.92)
            y += line.size * (self.spacing - 0.8)


# ---------------------------------------------------------------------------
# Trades

Ware = tuple[str, str, float, float, tuple[float, ...]]  # text, unit, least and most price, quantities
_HOURS: tuple[float, ...] = (0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6)


@dataclass(frozen=True)
class Trade:
    """A supplier's trade: sellers (name, an e.K.'s owner or a KG's general partner, domain), taglines, wares
    at 19 % and at 7 %, how often the 7 % wares come, the date's labels, the number's prefix, the customer's
    expense account for it (SKR 03), whether it prints article numbers, whether it takes prepayments."""

    sellers: tuple[tuple[str, str, str], ...]
    taglines: tuple[str, ...]
    wares: tuple[Ware, ...]
    reduced: tuple[Ware, ...] = ()
    reduced_share: float = 0.0
    day_labels: tuple[str, ...] = ("Lieferdatum", "Liefertag")
    prefix: str = "RE"
    account: str = "4930"
    articles: bool = False
    prepaid: bool = False


_OFFICE = Trade(
    (
        ("Bürobedarf Krämer e.K.", "Jürgen Krämer", "buero-kraemer.de"),
        ("Papier & Büro Schneider GmbH", "", "pb-schneider.de"),
        ("OfficeLine Bürowelt GmbH", "", "officeline-buerowelt.de"),
        ("Schreibwaren Lindner e.K.", "Petra Lindner", "lindner-schreibwaren.de"),
        ("Büroversand Nord GmbH & Co. KG", "Büroversand Verwaltungs-GmbH", "bueroversand-nord.de"),
    ),
    ("Bürobedarf · Büromöbel · Kaffeeservice", "Alles fürs Büro – Lieferung am nächsten Werktag",
     "Papier · Toner · Ordnung im Büro"),  # fmt: skip
    (
        ("Kopierpapier A4, 80 g/m², 500 Blatt", "Pck.", 3.9, 6.5, (5, 10, 20, 25)),
        ("Ordner A4, 8 cm Rücken, blau", "Stk.", 2.2, 4.8, (10, 20, 25)),
        ("Druckerpatrone schwarz XL", "Stk.", 24, 59, (1, 2, 3, 4)),
        ("Toner-Kartusche magenta", "Stk.", 49, 129, (1, 2)),
        ("Haftnotizen 76 x 76 mm, 12er-Pack", "Pck.", 6.5, 14.9, (2, 3, 5, 10)),
        ("Kugelschreiber mit Druckmechanik, blau", "Stk.", 0.45, 1.9, (20, 50, 100)),
        ("Briefumschläge DIN lang, haftklebend, 1.000 Stück", "Ktn.", 18, 39, (1, 2, 3)),
        ("Bürodrehstuhl mit Synchronmechanik", "Stk.", 189, 449, (1, 2)),
        ("Schreibtischleuchte LED, dimmbar", "Stk.", 29, 89, (1, 2, 4)),
        ("Whiteboard 120 x 90 cm, magnethaftend", "Stk.", 79, 189, (1,)),
        ("Mineralwasser Medium, Kasten 12 x 0,7 l", "Ka.", 5.5, 8.9, (2, 4, 6)),
    ),
    (
        ("Kaffee Crema, ganze Bohne, 1 kg", "Btl.", 13.9, 24.9, (2, 3, 4, 6)),
        ("Tee-Sortiment, 6 x 25 Beutel", "Box", 8.9, 14.9, (1, 2, 3)),
        ("H-Milch 1,5 % Fett, 12 x 1 l", "Ktn.", 11.9, 15.9, (1, 2, 3)),
        ("Butterkekse, 12 x 200 g", "Ktn.", 14.9, 21.9, (1, 2)),
    ),
    0.5,
    prefix="BB",
    articles=True,
)
_IT = Trade(
    (
        ("IT-Service Brandl e.K.", "Markus Brandl", "it-brandl.de"),
        ("NetzWerk Systemhaus GmbH", "", "netzwerk-systemhaus.de"),
        ("Computerhilfe Yıldırım e.K.", "Emre Yıldırım", "computerhilfe-yildirim.de"),
        ("DataCare IT-Dienstleistungen GmbH", "", "datacare-it.de"),
    ),
    ("IT-Betreuung für kleine Unternehmen", "Netzwerke · Server · Arbeitsplätze · Support",
     "Ihr IT-Partner vor Ort"),  # fmt: skip
    (
        ("Vor-Ort-Service Techniker", "Std.", 85, 125, _HOURS),
        ("Fernwartung (Remote-Support)", "Std.", 75, 110, (0.5, 1, 1.5, 2)),
        ("Anfahrtspauschale Stadtgebiet", "pausch.", 25, 65, (1,)),
        ("Einrichtung Arbeitsplatz-PC inkl. Datenübernahme", "Stk.", 89, 189, (1, 2, 3)),
        ('Notebook 14", i5, 16 GB RAM, 512 GB SSD', "Stk.", 749, 1189, (1, 2)),
        ('Monitor 27" WQHD, höhenverstellbar', "Stk.", 189, 349, (1, 2, 3)),
        ("Microsoft 365 Business Standard, Jahreslizenz", "Lizenz", 135, 165, (1, 2, 3, 5)),
        ("Firewall-Wartung, Monatspauschale", "Monat", 39, 89, (1, 3)),
        ("Netzwerkkabel Cat. 6, 5 m", "Stk.", 3.9, 8.9, (4, 5, 10)),
        ("Datensicherung prüfen und NAS-Update", "pausch.", 49, 129, (1,)),
    ),
    day_labels=("Leistungsdatum", "Einsatz am", "Leistungstag"),
    prefix="IT",
    account="4806",
)
_PRINT = Trade(
    (
        ("Druckerei Hoffmann GmbH & Co. KG", "Hoffmann Verwaltungs-GmbH", "druckerei-hoffmann.de"),
        ("Copyshop & Digitaldruck Weber e.K.", "Anja Weber", "digitaldruck-weber.de"),
        ("Druckhaus am Markt GmbH", "", "druckhaus-am-markt.de"),
        ("Offsetdruck Kaiser GmbH", "", "offset-kaiser.de"),
    ),
    ("Offset · Digitaldruck · Weiterverarbeitung", "Druck und Gestaltung seit 1987",
     "Flyer · Broschüren · Geschäftsausstattung"),  # fmt: skip
    (
        ("Visitenkarten 85 x 55 mm, 4/4-farbig, 350 g, je 250 Stück", "Satz", 19, 49, (1, 2, 3, 4)),
        ("Flyer DIN lang, 135 g Bilderdruck, 4/4-farbig", "Tsd.", 39, 95, (1, 2, 3, 5)),
        ("Briefpapier DIN A4, 90 g, 4/0-farbig", "Tsd.", 69, 149, (1, 2)),
        ("Roll-up-Display 85 x 200 cm inkl. Tasche", "Stk.", 89, 189, (1, 2)),
        ("Plakate DIN A1, 4/0-farbig, 170 g", "Stk.", 6.9, 18.9, (10, 20, 25)),
        ("Satz und Gestaltung nach Vorlage", "Std.", 55, 85, (0.5, 1, 1.5, 2, 3)),
        ("Datencheck und PDF-Proof", "pausch.", 15, 35, (1,)),
        ("Versand per Paketdienst", "pausch.", 6.9, 19.9, (1,)),
    ),
    (
        ("Festschrift 25 Jahre, 64 Seiten, Klebebindung, mit ISBN", "Stk.", 4.9, 12.9, (100, 150, 200)),
        ("Broschüre Firmenchronik, 48 Seiten, geheftet, mit ISBN", "Stk.", 2.9, 8.9, (100, 150, 250)),
    ),
    0.3,
    prefix="DR",
    account="4610",
)
_ELECTRIC = Trade(
    (
        ("Elektro Schäfer GmbH", "", "elektro-schaefer.de"),
        ("Elektrotechnik Kaya e.K.", "Mehmet Kaya", "elektro-kaya.de"),
        ("Licht & Strom Brandt GmbH & Co. KG", "Brandt Elektro Verwaltungs-GmbH", "lichtundstrom-brandt.de"),
    ),
    ("Elektroinstallation · E-Check · Beleuchtung", "Ihr Elektromeister im Viertel"),
    (
        ("Arbeitszeit Elektromeister", "Std.", 62, 89, _HOURS),
        ("Arbeitszeit Elektrogeselle", "Std.", 52, 72, _HOURS),
        ("Steckdose UP 2-fach, reinweiß, inkl. Montage", "Stk.", 14, 32, (2, 4, 6, 8)),
        ("FI/LS-Schalter B16, 30 mA", "Stk.", 49, 89, (1, 2)),
        ("Mantelleitung NYM-J 3 x 1,5 mm²", "m", 0.9, 1.9, (25, 50)),
        ("E-Check nach DGUV V3, je Gerät", "Stk.", 4.5, 8.9, (20, 35, 50)),
        ("LED-Panel 62 x 62 cm inkl. Montage", "Stk.", 69, 139, (2, 4, 6)),
        ("Anfahrt", "pausch.", 25, 55, (1,)),
        ("Kleinmaterial", "pausch.", 9, 35, (1,)),
    ),
    day_labels=("Leistungsdatum", "Ausführungsdatum", "Ausgeführt am"),
    prefix="ER",
    prepaid=True,
)
_PLUMBER = Trade(
    (
        ("Sanitär- und Heizungsbau Vogt GmbH", "", "vogt-shk.de"),
        ("Haustechnik Lorenz e.K.", "Frank Lorenz", "haustechnik-lorenz.de"),
        ("Bad & Wärme Petersen GmbH", "", "bad-waerme-petersen.de"),
    ),
    ("Sanitär · Heizung · Klima · Kundendienst", "Meisterbetrieb der SHK-Innung"),
    (
        ("Monteurstunde", "Std.", 58, 82, _HOURS),
        ("Helferstunde", "Std.", 42, 58, _HOURS),
        ("Wartung Gastherme inkl. Abgasmessung", "pausch.", 129, 219, (1,)),
        ("Waschtischarmatur Einhebelmischer", "Stk.", 89, 219, (1, 2)),
        ("Eckventil 1/2 Zoll, verchromt", "Stk.", 8, 19, (1, 2, 4)),
        ("Spülkasten-Reparaturset", "Stk.", 24, 49, (1, 2)),
        ("Heizkörperthermostat, Austausch", "Stk.", 19, 45, (2, 4, 6)),
        ("Anfahrtspauschale", "pausch.", 29, 59, (1,)),
        ("Dichtungs- und Kleinmaterial", "pausch.", 8, 29, (1,)),
    ),
    day_labels=("Leistungsdatum", "Ausführungsdatum", "Ausgeführt am"),
    prefix="SH",
    prepaid=True,
)
_PAINTER = Trade(
    (
        ("Malerbetrieb Hartmann e.K.", "Uwe Hartmann", "maler-hartmann.de"),
        ("Malerwerkstätten Jansen GmbH", "", "maler-jansen.de"),
        ("Farbe & Raum Okonkwo GmbH", "", "farbeundraum.de"),
    ),
    ("Malerarbeiten · Tapezieren · Bodenbeläge", "Meisterbetrieb für Raumgestaltung"),
    (
        ("Wandflächen streichen, Dispersion weiß, 2-fach", "m²", 6.5, 11.9, (45, 80, 120, 160)),
        ("Decken streichen, Dispersion weiß", "m²", 7.5, 12.9, (25, 40, 60)),
        ("Abdeck- und Schutzarbeiten", "pausch.", 60, 180, (1,)),
        ("Spachtelarbeiten Q2", "m²", 4.5, 9.8, (10, 20, 35)),
        ("Türzargen schleifen und lackieren", "Stk.", 45, 85, (1, 2, 3, 4)),
        ("Arbeitszeit Malergeselle", "Std.", 48, 62, _HOURS),
        ("Material Farbe und Grundierung", "pausch.", 45, 160, (1,)),
    ),
    day_labels=("Leistungsdatum", "Fertigstellung", "Ausgeführt am"),
    prefix="MA",
    prepaid=True,
)
_CATERING = Trade(
    (
        ("Partyservice Lehmann e.K.", "Sabine Lehmann", "partyservice-lehmann.de"),
        ("Catering & Events Bachmann GmbH", "", "bachmann-catering.de"),
        ("Feinkost Rossi Catering GmbH", "", "rossi-catering.de"),
    ),
    ("Catering · Fingerfood · Buffets für Büro und Feier", "Frisch gekocht – pünktlich geliefert"),
    (
        ("Kaffee und Tee, Thermoskanne 1,5 l", "Kanne", 9.5, 16.5, (2, 3, 4, 6)),
        ("Softgetränke 0,33 l", "Fl.", 1.8, 2.9, (12, 24, 36)),
        ("Mineralwasser 0,75 l", "Fl.", 2.4, 3.9, (6, 12, 18)),
        ("Leihgeschirr und Besteck", "Gedeck", 1.5, 3.5, (12, 20, 30)),
        ("Lieferung und Abholung", "pausch.", 25, 65, (1,)),
    ),
    (
        ("Fingerfood-Platte gemischt, 30 Stück", "Platte", 39, 79, (2, 3, 4)),
        ("Belegte Brötchenhälften, gemischt", "Stk.", 1.9, 3.4, (20, 30, 40)),
        ("Antipasti-Platte", "Platte", 29, 59, (1, 2, 3)),
        ("Mittagsbuffet Business, je Person", "Pers.", 16.5, 29.5, (12, 15, 20, 25)),
        ("Obstkorb saisonal", "Stk.", 24, 45, (1, 2)),
        ("Kuchenauswahl, 12 Stück", "Blech", 22, 39, (1, 2)),
    ),
    1.0,
    day_labels=("Lieferdatum", "Liefertag", "Veranstaltung am"),
    prefix="CA",
    account="4650",
)
_HARDWARE = Trade(
    (
        ("Eisenwaren Köhler e.K.", "Dieter Köhler", "eisenwaren-koehler.de"),
        ("Werkzeug & Beschlag Neumann GmbH & Co. KG", "Neumann Verwaltungs-GmbH", "neumann-beschlag.de"),
        ("Schrauben-Schulz GmbH", "", "schrauben-schulz.de"),
    ),
    ("Eisenwaren · Werkzeug · Beschläge · Schlüsseldienst", "Fachhandel für Handwerk und Gewerbe"),
    (
        ("Akku-Bohrschrauber 18 V, 2 Akkus", "Stk.", 129, 289, (1, 2)),
        ("Spax-Schrauben 4 x 40, 500 Stück", "Pck.", 9.9, 19.9, (1, 2, 4)),
        ("Dübel 8 mm, 100 Stück", "Pck.", 4.9, 11.9, (1, 2, 3)),
        ("Türschließer mit Gleitschiene", "Stk.", 79, 169, (1, 2)),
        ("Profilzylinder 30/35 mit 5 Schlüsseln", "Stk.", 24, 59, (1, 2, 4)),
        ("Arbeitshandschuhe Nitril, 12 Paar", "Pck.", 14.9, 29.9, (1, 2)),
        ("Stehleiter Aluminium, 7 Stufen", "Stk.", 119, 229, (1,)),
        ("Silikon sanitär weiß, 310 ml", "Kart.", 4.5, 8.9, (2, 4, 6)),
        ("Sicherheitsschlüssel nachfertigen", "Stk.", 6.5, 16.9, (2, 3, 5)),
    ),
    prefix="EW",
    articles=True,
    account="4985",
)
_INITIALS = ("MK", "JS", "AB", "TW", "Ha", "SL", "Kr", "PB", "ES")
_COST_CENTRES = ("4711", "100", "200", "310", "1200", "Vertrieb", "Verw.", "Projekt 24")


# ---------------------------------------------------------------------------
# The invoice both families print


def gross_of(vat: Sequence[VatLine]) -> Decimal:
    return sum((v.base + v.amount for v in vat), Decimal(0))


class StempelSheet(HandelLook):
    """A supplier's invoice of one of the family's trades, on one page, for stamps to be put on."""

    TRADES: tuple[Trade, ...] = ()

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        trade = self.trade = rng.choice(self.TRADES)
        name, owner, domain = rng.choice(trade.sellers)
        day = workday(calm(data.date))
        delivered = day - dt.timedelta(days=rng.choice((1, 1, 2, 3, 5, 7, 9)))
        kg = "KG" in name or name.endswith("e.K.")
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if kg else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, trade.prefix),
            f"{rng.choice(('rechnung', 'info', 'buchhaltung', 'service'))}@{domain}",
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"KD-{rng.randint(1000, 9999)}"))
            if rng.random() < 0.6
            else "",
            service_date=delivered if rng.random() < 0.5 else None,
        )
        super().__init__(rng, data)
        self.setup(owner)
        self.ids = "both" if rng.random() < 0.4 else "vat"
        self.reduced = bool(trade.reduced) and rng.random() < trade.reduced_share
        if self.reduced and rng.random() < 0.8:
            self.vat_column = True
        self.art_column = trade.articles and rng.random() < 0.6
        self.day_label = rng.choice(trade.day_labels)
        self.note_no = (
            rng.choice((f"LS {rng.randint(100000, 999999)}", f"L-{day.year}-{rng.randint(1, 9999):04d}"))
            if rng.random() < 0.3
            else ""
        )
        self.prepaid = Decimal(0)
        self.prepaid_on = delivered - dt.timedelta(days=rng.randint(12, 40))
        self.wants_prepayment = trade.prepaid and rng.random() < 0.45
        if self.wants_prepayment:
            self.skonto = False
        self.skonto_days = rng.choice((7, 8, 10, 14))
        self.bank_line = rng.random() < 0.35
        self.totals_y = (0.0, 0.0)

    # -- the lines

    def lines(self) -> list[Line]:
        rng, t = self.rng, self.trade
        count = rng.randint(2 if self.reduced else 1, 8)
        low = min(rng.randint(1, 3), count - 1, len(t.reduced)) if self.reduced else 0

        def article(rng: random.Random) -> str:
            return f"{rng.randint(100000, 999999)}" if t.articles else ""

        items = pick_items(rng, t.wares, 19, min(count - low, len(t.wares)), article=article)
        items += pick_items(rng, t.reduced, 7, low, article=article)
        if rng.random() < 0.5:
            rng.shuffle(items)
        return [Line(item) for item in items]

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.", "Beleg-Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Ihre Kd.-Nr.")), d.customer_no))
        if d.service_date:
            rows.append((self.day_label, p.date(d.service_date)))
        if self.note_no:
            rows.append((rng.choice(("Lieferschein-Nr.", "Lieferschein")), self.note_no))
        return rows

    # -- the totals and terms

    def total_rows(self, lines: list[VatLine]) -> list[tuple[str, Decimal, bool]]:
        rng, p = self.rng, self.p
        net = sum((v.base for v in lines), Decimal(0))
        vat = sum((v.amount for v in lines), Decimal(0))
        gross = net + vat
        label = rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Bruttobetrag", "Summe brutto", "Endbetrag"))
        if p.currency == "none":
            label += " EUR"
        rows = [(rng.choice(("Nettobetrag", "Summe netto", "Gesamt netto")), net, False)]
        word = rng.choice(("zzgl. {} % MwSt.", "{} % USt.", "Umsatzsteuer {} %"))
        for v in sorted(lines, key=lambda v: v.rate):
            text = word.format(v.rate) + (f" auf {p.number(v.base)}" if len(lines) > 1 else "")
            rows.append((text, v.amount, False))
        if len(lines) > 1:
            rows.append((rng.choice(("Summe MwSt.", "Umsatzsteuer gesamt", "MwSt. gesamt")), vat, False))
        rows.append((label, gross, True))
        if self.wants_prepayment and gross >= 500:
            self.prepaid = Decimal(rng.choice([n for n in (250, 300, 400, 500, 750, 1000) if n <= gross * 6 / 10]))
            rows.append((f"abzgl. Anzahlung vom {p.date(self.prepaid_on)}", -self.prepaid, False))
            rows.append((rng.choice(("Restbetrag", "Noch zu zahlen", "Zahlbetrag")), gross - self.prepaid, True))
        return rows

    def skonto_text(self, due: Decimal) -> str:
        d, p, rng = self.data, self.p, self.rng
        days = min(self.skonto_days, (d.due_date - d.date).days - 3)  # a day before the due date
        until = d.date + dt.timedelta(days=days)
        cut = round_cent(due * Decimal("0.02"))
        return rng.choice(
            (
                f"Bei Zahlung bis {p.date(until)} 2 % Skonto = {p.amount(cut)}, ohne Abzug zahlbar bis "
                f"{p.date(d.due_date)}.",
                f"Zahlbar bis zum {p.date(d.due_date)} ohne Abzug oder bis zum {p.date(until)} abzüglich 2 % "
                f"Skonto ({p.amount(cut)}), also {p.amount(due - cut)}.",
                f"Bei Zahlung innerhalb von {days} Tagen gewähren wir 2 % Skonto "
                f"({p.amount(cut)}); Zahlungsziel {p.date(d.due_date)}.",
            )
        )

    def closing_texts(self, gross: Decimal) -> list[tuple[str, bool]]:
        d, p, rng = self.data, self.p, self.rng
        if self.prepaid:
            text = (
                f"Die Anzahlung vom {p.date(self.prepaid_on)} haben wir verrechnet. Bitte überweisen Sie den "
                f"Restbetrag von {p.amount(gross - self.prepaid)} bis zum {p.date(d.due_date)}."
            )
        else:
            text = self.pay_text(gross)
        texts = [(text, True)]
        if self.bank_line:
            bic = f", BIC {d.iban.bic}" if self.with_bic else ""
            texts.append((f"Bankverbindung: {self.bank_name()}, IBAN {self.iban}{bic}", False))
        thanks = (
            "Vielen Dank für Ihren Auftrag!",
            "Wir danken für Ihren Auftrag und freuen uns auf die weitere Zusammenarbeit.",
            "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
        )
        texts.append((rng.choice(thanks), False))
        return texts

    # -- the page

    def body(self) -> tuple[list[LineItem], list[VatLine]]:
        """The supplier's invoice on one page, with its footer."""
        d, rng = self.data, self.rng
        lines = self.lines()
        items = [x.item for x in lines]
        vat = vat_breakdown(items)
        s = d.supplier
        self.letterhead(rng.choice(self.trade.taglines), [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        y = self.details_block(self.head_rows(), title)
        if rng.random() < 0.4:
            intro = rng.choice(
                (
                    "Wir berechnen Ihnen folgende Lieferungen und Leistungen:",
                    "Sehr geehrte Damen und Herren, vielen Dank für Ihren Auftrag. Wir berechnen Ihnen:",
                )
            )
            y = self.c.paragraph(self.LEFT, y + 2, intro, self.RIGHT - self.LEFT, 8.8) - 2
        cols = columns(self.spec_with_art(self.art_column, False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, [self.row(n, x) for n, x in enumerate(lines, 1)], False)
        rows = self.total_rows(vat)
        if self.total_style == "strip" and len(rows) > 4:
            self.total_style = "block"
        top = y
        y = self.totals(y, rows)
        self.totals_y = (top, y)
        self.texts(y, self.closing_texts(gross_of(vat)))
        assert self.pages == 1, "stempel: page overflow"
        self.close_pages(rng.random() < 0.2)
        return items, vat

    def guarded(self, page: pymupdf.Page, vat: list[VatLine]) -> list[pymupdf.Rect]:
        """The boxes of the truth values printed on the page: no stamp may cover much of any."""
        d, p = self.data, self.p
        net = sum((v.base for v in vat), Decimal(0))
        values = [d.number, p.date(d.date), p.number(net), p.number(gross_of(vat) - net), p.number(gross_of(vat)),
                  self.iban, d.supplier.name, d.vat_id_printed]  # fmt: skip
        if d.service_date:
            values.append(p.date(d.service_date))
        if d.customer_no:
            values.append(d.customer_no)
        if self.with_bic:
            values.append(str(d.iban.bic))
        if "steuernummer" in self.tax:
            values.append(self.tax["steuernummer"])
        return [r for value in values for r in page.search_for(value)]

    def stamp_of(self, lines: Sequence[StampLine], inks: Sequence[str], angles: tuple[float, float]) -> Stamp:
        rng = self.rng
        return Stamp(
            tuple(lines),
            INKS[rng.choice(inks)],
            rng.choice(("rect", "rect", "round", "double", "oval")),
            rng.uniform(*angles) * rng.choice((-1, 1)),
            rng.choice((1.0, 1.0, 0.85, 0.7)),
            rng.choice(HANDS),
            rng.choice(PENS),
        )

    def finish_page(self, items: list[LineItem]) -> TripDrawing:
        d = self.data
        return self.finish(
            items,
            "Rechnung",
            pages=self.pages,
            service_date=bool(d.service_date),
            customer_no=bool(d.customer_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# eingangsstempel


class Eingangsstempel(StempelSheet):
    """A supplier's invoice as received: a received stamp with a booking note, a Kontierung grid."""

    TRADES = (_OFFICE, _IT, _PRINT)

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        super().__init__(rng, data)
        self.with_bic = True
        self.received = workday(self.data.date + dt.timedelta(days=rng.randint(2, 9)))
        self.booked = self.received + dt.timedelta(days=rng.randint(1, 6))
        self.initials = rng.choice(_INITIALS)
        self.centre_no = rng.choice(_COST_CENTRES)
        self.where = rng.choice(("top_right", "top_right", "address", "reference"))
        self.booking = rng.random() < 0.75
        self.grid = rng.random() < 0.45

    def received_stamp(self) -> Stamp:
        rng = self.rng
        date = stamp_date(self.received, rng.choice(("de_abbr", "de_abbr", "short", "en_abbr", "dotted")))
        head = rng.choice(("EINGEGANGEN", "Eingegangen", "EINGANG", "Eingang", "ERHALTEN"))
        face, date_face = rng.choice(STAMP_FACES), rng.choice(DATE_FACES)
        lines = []
        if rng.random() < 0.35:
            lines.append(StampLine(self.data.customer.name, 6.5, "helv"))
        if rng.random() < 0.3:
            lines.append(StampLine(f"{head} {date}", rng.uniform(10.5, 12.5), face))
        else:
            lines.append(StampLine(head, rng.uniform(12, 15), face))
            lines.append(StampLine(date, rng.uniform(10.5, 12.5), date_face))
        if self.booking:
            label = rng.choice(("Erl.:", "Kst.:", "Bearb.:", "Vermerk:"))
            notes = (
                f"Kst {self.centre_no}",
                f"gebucht {hand_date(self.booked, rng.random() < 0.4)}",
                f"sachl. richtig {self.initials}",
                f"{self.initials} {hand_date(self.booked, False)}",
                f"Kto {self.trade.account} / {self.initials}",
            )
            note = f"{self.centre_no} {self.initials}" if label == "Kst.:" else rng.choice(notes)
            lines.append(StampLine(label, 7.5, "helv", note, rng.uniform(9.5, 11.5)))
        return self.stamp_of(lines, ("rot", "rot", "blau", "violett"), (2, 9))

    def region(self, box: pymupdf.Rect) -> tuple[float, float, float, float]:
        hw, hh = box.width / 2, box.height / 2
        L, R, top = self.LEFT, self.RIGHT, self.window_y
        return {
            "top_right": (R - hw - 40, 40 + hh * 0.6, R - hw + 6, 92 + hh * 0.3),
            "address": (L + hw - 4, top + 8, L + 250 - hw, top + 46),
            "reference": (300, top - 24, 360, top + 30),
        }[self.where]

    def parts(self, vat: list[VatLine]) -> list[tuple[str, str, Decimal]]:
        """The Kontierung's rows: account, cost centre, amount (the gross, or the gross in two parts)."""
        rng, account = self.rng, self.trade.account
        gross = gross_of(vat)
        other = rng.choice([c for c in _COST_CENTRES if c != self.centre_no])
        if len(vat) > 1 and rng.random() < 0.7:  # by rate: the goods at 19 %, the food at 7 % to another account
            high, low = sorted(vat, key=lambda v: -v.rate)
            return [(account, self.centre_no, high.base + high.amount), ("4650", self.centre_no, low.base + low.amount)]
        if rng.random() < 0.35:  # by cost centre
            share = round_cent(gross * Decimal(rng.choice((40, 50, 60, 70))) / 100)
            return [(account, self.centre_no, share), (account, other, gross - share)]
        return [(account, self.centre_no, gross)]

    def grid_stamp(
        self, page: pymupdf.Page, vat: list[VatLine], guarded: list[pymupdf.Rect], taken: list[pymupdf.Rect]
    ) -> None:
        """The Kontierung grid: headings in a stamp's ink, its rows filled in by hand."""
        rng = self.rng
        parts = self.parts(vat)
        dotted = rng.random() < 0.5
        heads = ("Konto", rng.choice(("Kostenstelle", "Kst.")), "Betrag", "Datum", rng.choice(("Zeichen", "Visum")))
        widths = (40.0, 56.0, 62.0, 48.0, 40.0)
        title = rng.choice(("", "KONTIERUNG", "Kontiert", "Gebucht"))
        w, head_h, row_h = sum(widths), 11.0, 17.0
        h = head_h + row_h * len(parts) + (12 if title else 0)
        angle = rng.uniform(-2.5, 2.5)
        box = turned_box(w + 6, h + 6, angle)
        L, top, bottom = self.LEFT, *self.totals_y
        region = rng.choice(
            ((L + w / 2, top + h / 2, L + w / 2 + 30, bottom), (L + w / 2, self.limit - 90, self.RIGHT - w / 2, self.limit))
        )
        words = [pymupdf.Rect(w[:4]) for w in page.get_text("words")]
        centre = place(rng, box, region, guarded, taken, words)
        taken.append(moved(box, centre))
        morph = (centre, pymupdf.Matrix(angle))
        ink = INKS[rng.choice(("rot", "blau", "violett"))]
        opacity = rng.choice((1.0, 0.85))
        x0, y0, y1 = centre.x - w / 2, centre.y - h / 2, centre.y + h / 2
        if title:
            write(page, (x0 + 2, y0 + 8), title, "hebo", 7.5, ink, morph, opacity)
            y0 += 12
        pen, hand = rng.choice(PENS), rng.choice(HANDS)
        rule = {"color": ink, "width": 0.8, "stroke_opacity": opacity, "morph": morph}
        page.draw_rect(pymupdf.Rect(x0, y0, x0 + w, y1), **rule)
        page.draw_line((x0, y0 + head_h), (x0 + w, y0 + head_h), **rule)
        x = x0
        for k, (head, width) in enumerate(zip(heads, widths, strict=True)):
            if k:
                page.draw_line((x, y0), (x, y1), **rule)
            write(page, (x + 2.5, y0 + 8), head, "helv", 6.3, ink, morph, opacity)
            x += width
        day = hand_date(self.booked, True)
        for n, (account, centre_no, amount) in enumerate(parts):
            base = y0 + head_h + row_h * n + 12.5
            if n:
                page.draw_line((x0, base - 12.5), (x0 + w, base - 12.5), **rule)
            values = (account, centre_no, hand_amount(amount, dotted), day if n == 0 else "", self.initials)
            x = x0
            for value, width in zip(values, widths, strict=True):
                if value:
                    size = min(10.0, 9.5 * (width - 6) / width_of(value, hand, 9.5))
                    turn = pymupdf.Matrix(angle + rng.uniform(-3, 3))
                    write(page, (x + 3, base + rng.uniform(-1, 0.8)), value, hand, size, pen, (centre, turn), 0.92)
                x += width

    def draw(self) -> TripDrawing:
        items, vat = self.body()
        page = self.c.page
        guarded = self.guarded(page, vat)
        stamp = self.received_stamp()
        box = stamp.box()
        centre = place(self.rng, box, self.region(box), guarded, [])
        stamp.draw(page, centre, self.rng)
        if self.grid:
            self.grid_stamp(page, vat, guarded, [moved(box, centre)])
        return self.finish_page(items)


# ---------------------------------------------------------------------------
# bezahlt_kopie


class BezahltKopie(StempelSheet):
    """An invoice filed after payment: a large paid stamp, a copy watermark, a highlighter stroke."""

    TRADES = (_ELECTRIC, _PLUMBER, _PAINTER, _CATERING, _HARDWARE)

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        super().__init__(rng, data)
        self.with_bic = rng.random() < 0.8
        self.paid = workday(self.data.date + dt.timedelta(days=rng.randint(4, 30)))
        self.watermark = rng.choice(("", "", "KOPIE", "KOPIE", "DUPLIKAT", "Zweitschrift"))
        self.highlight = rng.choice(("", "", "gross", "gross", "number"))
        self.where = rng.choice(("lower", "lower", "totals"))
        self.method = rng.choice(("Überweisung", "Überweisung", "Bank", "bar", "EC-Karte"))

    def draw_watermark(self, page: pymupdf.Page) -> None:
        """The copy mark, diagonal across the page behind the text."""
        rng, word = self.rng, self.watermark
        angle = rng.uniform(28, 50)
        face = rng.choice(("hebo", "helv", "tibo"))
        per_point = width_of(word, face, 1)
        a = math.radians(angle)
        size = min(120.0, (A4.width - 110) / (per_point * math.cos(a) + 0.8 * math.sin(a)))
        centre = pymupdf.Point(A4.width / 2 + rng.uniform(-15, 15), A4.height / 2 + rng.uniform(-40, 40))
        grey = rng.uniform(0.8, 0.88)
        at = (centre.x - per_point * size / 2, centre.y + size * 0.35)
        morph = (centre, pymupdf.Matrix(-angle))
        write(page, at, word, face, size, (grey, grey, grey), morph, rng.choice((1.0, 0.6)))

    def paid_stamp(self) -> Stamp:
        rng = self.rng
        face, date_face = rng.choice(STAMP_FACES), rng.choice(DATE_FACES)
        big = rng.uniform(24, 36)
        style = rng.choice(("date", "date", "line", "three", "hand"))
        if style == "date":
            date = stamp_date(self.paid, rng.choice(("de_abbr", "short", "dotted", "en_abbr")))
            lines = [StampLine("BEZAHLT", big, face), StampLine(date, big * 0.45, date_face)]
        elif style == "line":
            lines = [
                StampLine(f"Bezahlt am {stamp_date(self.paid, 'dotted')}", big * 0.55, face),
                StampLine(self.method, big * 0.42, face),
            ]
        elif style == "three":
            date = stamp_date(self.paid, rng.choice(("de_abbr", "dotted")))
            lines = [
                StampLine("BEZAHLT", big, face),
                StampLine(f"am {date}", big * 0.4, date_face),
                StampLine(f"per {self.method}" if self.method != "bar" else "in bar", big * 0.36, face),
            ]
        else:
            note = f"{hand_date(self.paid, True)} {rng.choice(_INITIALS)}"
            lines = [StampLine("BEZAHLT", big, face), StampLine("Datum:", big * 0.32, "helv", note, big * 0.45)]
        return self.stamp_of(lines, ("rot", "rot", "blau", "gruen"), (6, 22))

    def region(self, box: pymupdf.Rect) -> tuple[float, float, float, float]:
        hw, hh = box.width / 2, box.height / 2
        L, R = self.LEFT, self.RIGHT
        if self.where == "totals":
            top, bottom = self.totals_y
            return (L + hw, top + 10, R - 185 - hw, max(top + 10, bottom - 10))
        return (L + hw, A4.height * 0.5, R - hw, self.limit - hh)

    def draw_highlight(self, page: pymupdf.Page, vat: list[VatLine]) -> None:
        """A translucent yellow marker stroke over the gross in the totals or over the invoice number."""
        rng = self.rng
        if self.highlight == "gross":
            found = page.search_for(self.p.number(gross_of(vat)))
            r = max(found, key=lambda r: (r.x1, -r.y0))
        else:
            r = page.search_for(self.data.number)[0]
        left, right = r.x0 - rng.uniform(2, 6), r.x1 + rng.uniform(2, 6)
        top, bottom = r.y0 - rng.uniform(0, 1.5), r.y1 + rng.uniform(0, 1.5)
        slant = rng.uniform(1, 3)
        points = [(left + slant, top), (right + slant, top + rng.uniform(-0.8, 0.8)), (right - slant, bottom),
                  (left - slant, bottom + rng.uniform(-0.8, 0.8))]  # fmt: skip
        opacity = rng.uniform(0.35, 0.5)
        page.draw_polyline(points, color=None, fill=(1.0, 0.93, 0.15), fill_opacity=opacity, closePath=True)

    def skonto_note(self, gross: Decimal) -> str:
        """What the office wrote by the stamp: the amount transferred after the Skonto."""
        paid = gross - round_cent(gross * Decimal("0.02"))
        return self.rng.choice(
            (f"abzgl. 2 % Skonto, überw. {hand_amount(paid, True)}", f"überwiesen {hand_amount(paid, False)} €")
        )

    def draw(self) -> TripDrawing:
        if self.watermark:
            self.draw_watermark(self.c.page)
        items, vat = self.body()
        page = self.c.page
        guarded = self.guarded(page, vat)
        if self.highlight:
            self.draw_highlight(page, vat)
        rng = self.rng
        stamp = self.paid_stamp()
        box = stamp.box()
        note = self.skonto_note(gross_of(vat)) if self.skonto and rng.random() < 0.5 else ""
        size = 10.0
        wide = max(box.width, width_of(note, stamp.hand, size) + 8) / 2
        room = pymupdf.Rect(-wide, box.y0 - 24, wide, box.y1 + 24) if note else box  # a note above or below
        centre = place(rng, room, self.region(room), guarded, [])
        stamp.draw(page, centre, rng)
        if note:
            x = centre.x - wide + 4
            y = centre.y + (box.y1 + 16 if rng.random() < 0.6 else box.y0 - 8)
            turn = pymupdf.Matrix(stamp.angle / 3)
            write(page, (x, y), note, stamp.hand, size, stamp.pen, (pymupdf.Point(x, y), turn), 0.92)
        return self.finish_page(items)


# ---------------------------------------------------------------------------
# Registry

STEMPEL_FAMILIES: dict[str, type[TripSheet]] = {
    "eingangsstempel": Eingangsstempel,
    "bezahlt_kopie": BezahltKopie,
}


def draw_stempel(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(STEMPEL_FAMILIES[name], name, seed)
