"""Two invoice layout families of an accredited testing laboratory and of an Irish or British printer
billing a German agency in English, designed blind (session 21).

Like `families_stempel` and `families_design`, they were written without reading the field extractor and
without running it, so that they measure layouts nobody has shaped to it; `families` lists them as never-tuned
and dispatches to `draw_labor(name, seed)`. Both return a `TripDrawing` (truth keys only for values printed).

- `labor_analytik`: a German accredited testing laboratory's invoice ("Umweltanalytik Rhein-Main GmbH", "Labor
  Dr. Brenner GmbH", a GmbH & Co. KG with its general partner on some seeds) to a company that ordered
  analyses (a water utility, a builder, an engineering office, a property manager, a bakery, a butcher), drawn
  with `RemovalLook` of `families_umzug` (letterheads, detail blocks, table heads, totals and footers whose
  look varies per seed). The lab's DAkkS accreditation ("akkreditiert nach DIN EN ISO/IEC 17025 ·
  D-PL-14237-01-00") in the letterhead's tagline or in a grey line above the footer on every page. Details
  (beside, above or under the window address, as rows, boxes or pairs): invoice number and date, the customer
  number on most seeds, the report ("Prüfbericht Nr." "PB-24-03145", "2024-03145-PB", "AB2403145"), the
  order's date ("Ihr Auftrag vom"), the customer's order number on some seeds ("Ihre Bestell-Nr.", "Ihr
  Zeichen / Bestell-Nr.", "Bestellnummer"), the day the samples came in ("Probeneingang") and the testing
  period ("Prüfzeitraum 05.03.2024 – 18.03.2024"); on some seeds the report, order and order number stand in a
  reference line under the title instead ("Prüfbericht Nr. PB-24-03145 · Ihr Auftrag vom 28.02.2024 · Ihre
  Bestell-Nr. 4500123456"). On a few seeds a single "Leistungsdatum" (the last day of testing) replaces the
  testing period. The table, in one of two styles: per sample, a grey group heading "Probe 2024-031457 ·
  Trinkwasser · Entnahmestelle: Hausanschluss Keller" with the parameters or packages analysed under it
  (quantity 1 or a few, unit price), their method ("DIN EN ISO 10304-1", "DIN 38409-H7", "LAGA M20 TR Boden")
  in a column of its own or in grey under the parameter; or per parameter, quantity = the number of samples,
  with the sample numbers' range in grey under it. Matrices: Trinkwasser, Abwasser, Boden, Bauschutt,
  Lebensmittel (with hygiene swabs). On some seeds the sampling on site ("Probenahme vor Ort am 04.03.2024
  durch …"): the technician's hours, a km rate ("Kilometerpauschale" km × €/km) or a flat travel charge,
  containers and cool transport. On some seeds an express surcharge as a percentage line: "Eilzuschlag 50 %
  auf Analysenleistungen", its quantity cell "50 %", its price cell the analyses' sum it is taken on, its
  amount half of that. All at 19 %. Seeds with many samples run onto a second page: the table continued,
  "Übertrag" with the running net at the foot of page 1 and the head of page 2, a small head on page 2
  repeating the number and date, "Seite 1 von 2". Net, "19 % USt." (several wordings), the gross; payment
  within 30 days, on some seeds with 2 % Skonto (the Skonto's day and amount printed, never deducted in the
  totals); a note that the results refer only to the samples tested. Footer in three columns: address and
  contact; register court with HRB (HRA for a KG), managing director, the USt-IdNr. (and the Steuernummer on
  some seeds); bank with IBAN (and BIC on most seeds).
- `print_invoice_en`: an Irish or British printing company's English invoice to a German agency, in euros:
  "INVOICE", then in a framed box, as plain rows or as a row of cells: "Invoice No." / "Invoice Number",
  "Invoice Date" (dates "14 March 2024", "14/03/2024" or "14-Mar-2024"), "Account No." / "Customer A/C" (the
  customer number, most seeds), "Your Ref / PO No." / "Your Order No." / "PO Number" (some seeds), "Order
  Date" (some seeds, a distractor), "Dispatch Date" / "Despatch Date" / "Date of Dispatch" (some seeds, the
  delivery date, 0-3 days before the invoice date) and "Due Date" or the terms. "Invoice To" with the agency's
  German address and, on reverse-charge seeds, its German VAT number (a trap); a "Deliver To" address on some
  seeds. Items: business cards (per name), flyers, roll-up banners, pop-up displays, folders, letterheads,
  brochures, posters, stickers, notepads; artwork time and a hard-copy proof on some seeds; always a "Delivery
  charge" item (courier to Germany); quantity, unit price and amount ("1,234.56"; with "€" tight or spaced,
  "EUR" before, or bare under a heading "Amount (EUR)"). "Sub-total", then on most seeds (an Irish or UK
  company) "VAT 0% – reverse charge" with 0.00 and a note with the EU reverse-charge wording (Article 196 of
  Directive 2006/112/EC, or zero-rated intra-Community supply, or "outside the scope of UK VAT") and the
  customer's VAT number; on some seeds (the company's German branch, "Zweigniederlassung Deutschland", with a
  German address, German USt-IdNr. and a German IBAN) "VAT 19%" charged; "Total EUR" / "Total (EUR)" /
  "Invoice Total" and on some seeds "Amount Due" / "Balance Due" (the same amount). Payment terms with the due
  date (a distractor), the bank details (bank, account name, IBAN, BIC, the invoice number as reference)
  beside the totals or below the notes; a centred grey footer: name and address, "Registered in Ireland No.
  512345" (England and Wales "No. 08123456" for a UK company; the parent's Irish number and the branch's
  "Amtsgericht Köln HRB …" for a German branch), directors, the seller's VAT number ("IE1234567T"; "GB 123
  4567 89" or compact; the branch's "DE123456789"). Irish sellers bank in Ireland (IE IBAN), British ones in
  the UK (a GB IBAN of a euro account), German branches in Germany: the IBAN's country is the VAT number's.

Truth (`labor_analytik`): the usual keys; `datum` the invoice date under its label (never the order, the
samples' arrival, the sampling, the testing period's days, the due or the Skonto day); `kundennummer` where
printed; `bestellnummer` only where the customer's order number is printed under its label (never the report
number, the sample numbers or the accreditation number); `leistungsdatum` only on the seeds that print a
single "Leistungsdatum"; netto, 19 % VAT and gross of the whole invoice (sampling and express surcharge
included; the analyses' sum a surcharge is taken on is not the net); `ust_id` always, `steuernummer` where
printed; `iban`, `bic` where printed; `lieferant` the lab's name; `pages` 1 or 2.

Truth (`print_invoice_en`): `rechnungsnummer`, `datum` the invoice date; `kundennummer` the account number
where printed; `bestellnummer` the PO number where printed; `leistungsdatum` the dispatch date where printed;
`betrag_netto` the sub-total, `mwst` 0.00 on reverse-charge seeds (the 0 % line is always printed) and the 19
% VAT on the branch's seeds, `betrag_brutto` the total; EUR; `ust_id` the SELLER's VAT number (IE, GB or, for
a German branch, DE; never the customer's); `iban` and `bic` (always printed); `lieferant` the company's name
as in its letterhead (for a German branch the company's own name, the branch named beside it); one page.
The index records the "14-Mar-2024" dates as date format "en_long" (day first, month as a word).

Both keep their dates out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_dienst import _AGENCIES, Row, short_range
from benchmarks.synth.families_digital import _IE_BANKS
from benchmarks.synth.families_first import _UK_BANKS
from benchmarks.synth.families_getraenk import price_between
from benchmarks.synth.families_handel import head_number, workday
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    cells,
    columns,
    draw_sheet,
    initials,
    label_rows,
    logo,
)
from benchmarks.synth.families_objekt import calm
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
from benchmarks.synth.families_umzug import RemovalLook, data_for, slug
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    PALE,
    RULE,
    WorldPrinter,
    abroad,
    gb_vat_id,
    iban_of,
    ie_vat_id,
)
from benchmarks.synth.invoice_gen import (
    MONTHS_EN,
    InvoiceData,
    LineItem,
    VatLine,
    _party,
    _vat_id,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align

# ---------------------------------------------------------------------------
# labor_analytik

# Laboratories: (name, a KG's general partner or "", a short word for the domain).
_LABS = (
    ("Umweltanalytik Rhein-Main GmbH", ""),
    ("Labor Dr. Brenner GmbH", ""),
    ("Nordlab Umwelt- und Lebensmittelanalytik GmbH", ""),
    ("Institut Dr. Haase Wasser- und Bodenanalytik GmbH", ""),
    ("AquaLab Wasseranalytik GmbH", ""),
    ("Labor Dr. Wiegand GmbH & Co. KG", "Wiegand Verwaltungs-GmbH"),
    ("Analytik Süd Prüflabor GmbH", ""),
    ("Lebensmittellabor Dr. Aksoy GmbH", ""),
)
_LAB_TAGLINES = (
    "Wasser · Boden · Abfall · Lebensmittel",
    "Umweltanalytik und Probenahme",
    "Ihr Prüflabor für Wasser, Boden und Baustoffe",
    "Chemische und mikrobiologische Analytik",
)
# Customers and the matrices they send.
_LAB_CUSTOMERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Stadtwerke Lindenau GmbH", ("Trinkwasser", "Abwasser")),
    ("Zweckverband Abwasser Obere Lahn", ("Abwasser",)),
    ("Hausverwaltung Kessler GmbH", ("Trinkwasser",)),
    ("Wohnungsbaugesellschaft Mitte mbH", ("Trinkwasser",)),
    ("Bauunternehmung Krämer GmbH & Co. KG", ("Boden", "Bauschutt")),
    ("Abbruch & Erdbau Wolf GmbH", ("Bauschutt", "Boden")),
    ("Ingenieurbüro Hansen & Partner mbB", ("Boden", "Abwasser", "Bauschutt")),
    ("Bäckerei Sommer GmbH", ("Lebensmittel",)),
    ("Metzgerei Brandl GmbH", ("Lebensmittel",)),
    ("Feinkost Albrecht GmbH", ("Lebensmittel", "Trinkwasser")),
)
# Per matrix: sampling points, and the parameters or packages (text, method, least and most price, quantities).
Analysis = tuple[str, str, float, float, tuple[int, ...]]
_MATRICES: dict[str, tuple[tuple[str, ...], tuple[Analysis, ...]]] = {
    "Trinkwasser": (
        (
            "Hausanschluss Keller",
            "Zapfstelle Küche 2. OG",
            "Warmwasser Vorlauf Heizraum",
            "Dusche EG links",
            "Zapfstelle Teeküche 1. OG",
            "Zirkulation Rücklauf",
        ),
        (
            (
                "Mikrobiologie TrinkwV (E. coli, coliforme Bakterien, Enterokokken)",
                "DIN EN ISO 9308-1 / 7899-2",
                42,
                75,
                (1,),
            ),
            ("Koloniezahl 22 °C und 36 °C", "TrinkwV § 43 Abs. 3", 16, 29, (1,)),
            ("Anionen (Chlorid, Nitrat, Sulfat)", "DIN EN ISO 10304-1", 26, 45, (1,)),
            ("Metalle (Blei, Kupfer, Nickel)", "DIN EN ISO 17294-2", 34, 62, (1,)),
            ("Legionellen, systemische Untersuchung", "DIN EN ISO 11731", 36, 65, (1,)),
            ("pH-Wert, Leitfähigkeit, Trübung", "DIN EN ISO 10523 / DIN EN 27888", 14, 28, (1,)),
            ("Säurekapazität KS 4,3", "DIN 38409-H7", 12, 22, (1,)),
        ),
    ),
    "Abwasser": (
        (
            "Ablauf Fettabscheider",
            "Übergabeschacht S3",
            "Zulauf Kläranlage",
            "Ablauf Neutralisation",
            "Kontrollschacht Hof",
        ),
        (
            ("CSB (chemischer Sauerstoffbedarf)", "DIN ISO 15705", 18, 32, (1,)),
            ("BSB5", "DIN EN ISO 5815-1", 24, 40, (1,)),
            ("Abfiltrierbare Stoffe", "DIN 38409-H2", 14, 26, (1,)),
            ("Kohlenwasserstoff-Index", "DIN EN ISO 9377-2", 38, 62, (1,)),
            ("Schwerflüchtige lipophile Stoffe", "DIN 38409-H56", 34, 55, (1,)),
            ("Gesamtphosphor", "DIN EN ISO 6878", 16, 28, (1,)),
            ("Ammonium-Stickstoff", "DIN EN ISO 11732", 14, 26, (1,)),
            ("Säure- und Basekapazität", "DIN 38409-H7", 12, 24, (1,)),
        ),
    ),
    "Boden": (
        (
            "Haufwerk HW 1",
            "Baugrube Achse B/4, 0–1 m",
            "Mischprobe MP 2",
            "Aushub Leitungsgraben",
            "Haufwerk HW 3 (Oberboden)",
        ),
        (
            ("Parameterumfang LAGA M20, Feststoff und Eluat", "LAGA M20 TR Boden", 185, 320, (1,)),
            ("PAK (16 EPA)", "DIN ISO 18287", 52, 85, (1,)),
            ("Schwermetalle (As, Pb, Cd, Cr, Cu, Ni, Hg, Zn)", "DIN EN 16171", 64, 110, (1,)),
            ("MKW C10–C40", "DIN EN 14039", 34, 55, (1,)),
            ("Eluat-Herstellung", "DIN EN 12457-4", 32, 58, (1,)),
            ("Trockenrückstand", "DIN EN 15934", 8, 15, (1,)),
            ("Probenvorbereitung (Trocknung, Siebung)", "DIN 19747", 14, 28, (1,)),
        ),
    ),
    "Bauschutt": (
        ("Haufwerk Abbruch Halle 3", "Mischprobe Bauschutt MP 1", "Rückbau Treppenhaus", "Estrich EG"),
        (
            ("Deklarationsanalyse LAGA M20 (Bauschutt)", "LAGA M20 TR Bauschutt", 220, 380, (1,)),
            ("Asbest, qualitativ (REM/EDX)", "VDI 3866 Blatt 5", 62, 120, (1,)),
            ("PCB (7 Kongenere)", "DIN EN 15308", 52, 90, (1,)),
            ("Sulfat im Eluat", "DIN EN ISO 10304-1", 16, 30, (1,)),
            ("EOX", "DIN 38414-S17", 28, 48, (1,)),
            ("Probenvorbereitung Brechen und Mahlen", "DIN 19747", 18, 34, (1,)),
        ),
    ),
    "Lebensmittel": (
        (
            "Fleischsalat, Charge 2417",
            "Roggenmischbrot",
            "Kühltheke Aufschnitt",
            "Hackfleisch gemischt",
            "Sahnetorte, Tagesproduktion",
        ),
        (
            (
                "Mikrobiologischer Status (Gesamtkeimzahl, Enterobacteriaceae)",
                "ASU L 00.00-88/2",
                38,
                70,
                (1,),
            ),
            ("Listeria monocytogenes, Nachweis", "DIN EN ISO 11290-1", 32, 55, (1,)),
            ("Salmonellen, Nachweis", "DIN EN ISO 6579-1", 30, 52, (1,)),
            ("Nährwertanalyse (Big 8)", "ASU L 06.00 ff.", 155, 260, (1,)),
            ("Allergen-Screening Gluten (ELISA)", "ASU L 00.00-178", 46, 75, (1,)),
            ("Hygienetupfer (Abklatschprobe)", "DIN 10113-3", 11, 19, (5, 8, 10, 12, 15)),
        ),
    ),
}
_TECHNICIANS = ("Hr. Kaya", "Fr. Lindner", "Hr. Sobczak", "Fr. Dr. Petersen", "Hr. Ahrens", "Fr. Yıldız")


@dataclass(frozen=True)
class Sample:
    """A sample: its number, matrix and sampling point."""

    number: str
    matrix: str
    point: str


class LaborAnalytik(RemovalLook):
    """An accredited laboratory's invoice: samples, parameters with methods, sampling, express surcharge."""

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, partner = rng.choice(_LABS)
        day = workday(calm(data.date))
        self.tested_to = day - dt.timedelta(days=rng.randint(1, 9))
        self.tested_from = self.tested_to - dt.timedelta(days=rng.randint(2, 14))
        self.received = self.tested_from - dt.timedelta(days=rng.choice((0, 0, 1, 2, 3)))
        self.sampled = self.received - dt.timedelta(days=rng.choice((0, 0, 1)))
        self.ordered = self.sampled - dt.timedelta(days=rng.randint(2, 21))
        self.single_day = rng.random() < 0.2
        yy = day.year % 100
        customer_name, self.kinds = rng.choice(_LAB_CUSTOMERS)
        data = data_for(
            rng,
            data,
            name,
            f"HRA {rng.randint(1000, 29999)}" if partner else f"HRB {rng.randint(1000, 99999)}",
            day,
            head_number(rng, day, rng.choice(("LA", "RG", "AR"))),
            f"{rng.choice(('rechnung', 'buchhaltung', 'info', 'labor'))}@{slug(name)}-labor.de",
            customer_no=rng.choice(
                (
                    f"{rng.randint(10000, 99999)}",
                    f"KD-{rng.randint(1000, 9999)}",
                    f"{rng.randint(100, 999)}/{rng.randint(10, 99)}",
                )
            )  # fmt: skip
            if rng.random() < 0.8
            else "",
            order_no=rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"BE-{day.year}-{rng.randint(1, 999):03d}",
                    f"B{yy}{rng.randint(1000, 9999)}",
                )  # fmt: skip
            )
            if rng.random() < 0.45
            else "",
            service_date=self.tested_to if self.single_day else None,
        )
        data = dataclasses.replace(
            data,
            due_date=day + dt.timedelta(days=30),
            customer=dataclasses.replace(data.customer, name=customer_name),
        )
        super().__init__(rng, data)
        self.setup(partner)
        n = rng.randint(1000, 99999)
        self.report = rng.choice((f"PB-{yy}-{n:05d}", f"{day.year}-{n:05d}-PB", f"AB{yy}{n:05d}"))
        self.accreditation = f"D-PL-{rng.randint(11000, 21999)}-{rng.randint(1, 9):02d}-00"
        self.dakks_in_head = rng.random() < 0.45
        self.by_sample = rng.random() < 0.65
        self.method_column = rng.random() < 0.45
        self.refs_in_subject = rng.random() < 0.35
        self.sampling = rng.random() < 0.45
        self.express = rng.random() < 0.3
        self.km_rate = rng.random() < 0.7
        self.technician = rng.choice(_TECHNICIANS)
        self.unit = rng.choice(("Probe", "Stk.", "Anz.", "Pos."))
        self.prices: dict[str, Decimal] = {}
        self.samples = self.draw_samples()

    def draw_samples(self) -> list[Sample]:
        rng = self.rng
        most = 9 if self.by_sample else 14
        count = rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 7, most))
        matrices = [rng.choice(self.kinds)] if not self.by_sample else list(self.kinds)
        first = rng.randint(10000, 89999)
        year = self.received.year
        out = []
        for k in range(count):
            matrix = matrices[0] if k == 0 or len(matrices) == 1 else rng.choice(matrices)
            points, _ = _MATRICES[matrix]
            out.append(Sample(f"{year}-{first + k:06d}", matrix, rng.choice(points)))
        return out

    # -- the lines

    def analysis(self, entry: Analysis, qty: int, notes: tuple[str, ...]) -> Row:
        text, method, lo, hi, quantities = entry
        rng = self.rng
        qty = qty * rng.choice(quantities)
        if text not in self.prices:  # the lab's price list: one price per parameter on the invoice
            self.prices[text] = price_between(rng, lo, hi, "0.50")
        unit = "Stk." if len(quantities) > 1 else self.unit
        item = LineItem(text, "", Decimal(qty), unit, self.prices[text], 19)
        if not self.method_column:
            notes = (f"Verfahren: {method}" if rng.random() < 0.5 else method, *notes)
        return self.lab_row(item, notes, method)

    def lab_row(self, item: LineItem, notes: tuple[str, ...], method: str = "", **cells_: str) -> Row:
        p = self.p
        values = {"desc": item.description, "meth": method, "qty": self.qty_text(item), "unit": item.unit,
                  "price": p.number(item.unit_price), "total": p.number(item.total), **cells_}  # fmt: skip
        return Row("item", values, item, notes)

    def sample_rows(self) -> list[Row]:
        rng = self.rng
        rows: list[Row] = []
        if self.by_sample:
            for s in self.samples:
                _, analyses = _MATRICES[s.matrix]
                head = f"Probe {s.number} · {s.matrix} · Entnahmestelle: {s.point}"
                rows.append(Row("group", {"desc": head}))
                for entry in rng.sample(analyses, rng.choice((1, 2, 2, 3))):
                    rows.append(self.analysis(entry, 1, ()))
            return rows
        matrix = self.samples[0].matrix
        _, analyses = _MATRICES[matrix]
        count = len(self.samples)
        span = self.samples[0].number + (f" bis {self.samples[-1].number}" if count > 1 else "")
        rows.append(Row("group", {"desc": f"{matrix}: {count} Probe{'n' if count > 1 else ''} ({span})"}))
        for entry in rng.sample(analyses, rng.randint(2, min(5, len(analyses)))):
            rows.append(self.analysis(entry, count, (f"Proben {span}",) if rng.random() < 0.5 else ()))
        return rows

    def sampling_rows(self) -> list[Row]:
        rng, p = self.rng, self.p
        when = f"am {p.date(self.sampled)} durch {self.technician}"
        rows = [Row("group", {"desc": "Probenahme vor Ort"}, None, (when,))]
        hours = Decimal(rng.randint(2, 9)) / 2
        rate = price_between(rng, 58, 86, "0.50")
        rows.append(self.lab_row(LineItem("Probenahme durch Probenehmer/in, Arbeitszeit vor Ort", "", hours, "Std.",
                                          rate, 19), ()))  # fmt: skip
        if self.km_rate:
            km = Decimal(rng.randint(12, 190))
            per_km = Decimal(rng.choice(("0.60", "0.65", "0.75", "0.85", "0.95")))
            rows.append(self.lab_row(LineItem("Kilometerpauschale Probenahmefahrzeug", "", km, "km", per_km, 19),
                                     ("Hin- und Rückfahrt",)))  # fmt: skip
        else:
            flat = price_between(rng, 35, 95, "5")
            rows.append(self.lab_row(LineItem("Anfahrtspauschale Probenahme", "", Decimal(1), "pausch.", flat, 19),
                                     ()))  # fmt: skip
        if rng.random() < 0.6:
            flat = price_between(rng, 12, 45, "0.50")
            text = "Probengefäße, Kühltransport"
            rows.append(self.lab_row(LineItem(text, "", Decimal(1), "pausch.", flat, 19), ()))
        return rows

    def express_row(self, base: Decimal) -> Row:
        item = LineItem(
            "Eilzuschlag 50 % auf Analysenleistungen", "", Decimal(1), "", round_cent(base / 2), 19
        )
        note = self.rng.choice(("Ergebnisse innerhalb von 48 Stunden", "Eilauftrag lt. Ihrer Anforderung"))
        return self.lab_row(item, (note,), qty="50 %", unit="", price=self.p.number(base))

    def rows(self) -> list[Row]:
        rows = self.sample_rows()
        base = sum((r.item.total for r in rows if r.item is not None), Decimal(0))
        if self.sampling:
            rows = (self.sampling_rows() + rows) if self.rng.random() < 0.5 else (rows + self.sampling_rows())
        if self.express:
            rows.append(self.express_row(base))
        return rows

    def spec_lab(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", rng.choice(("Parameter / Leistung", "Leistung", "Untersuchung")), 0, "left")
        ]
        if self.method_column:
            spec.append(("meth", rng.choice(("Methode", "Verfahren", "Norm")), 112, "left"))
        spec += [
            ("qty", rng.choice(("Menge", "Anzahl")), 42, "right"),
            ("unit", "Einh.", 38, "left"),
            ("price", rng.choice(("Einzelpreis", "EP €", "Preis")), 62, "right"),
            ("total", rng.choice(("Gesamt", "Betrag", "Gesamt €")), 64, "right"),
        ]
        return spec

    # -- the head and texts

    def dakks_line(self) -> str:
        return self.rng.choice(
            (
                f"Durch die DAkkS nach DIN EN ISO/IEC 17025 akkreditiertes Prüflaboratorium · {self.accreditation}",
                f"Akkreditiert nach DIN EN ISO/IEC 17025:2018 · DAkkS {self.accreditation}",
                f"DAkkS-Akkreditierung {self.accreditation} (DIN EN ISO/IEC 17025)",
            )
        )

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Ihre Kd.-Nr.")), d.customer_no))
        if not self.refs_in_subject:
            rows.append((rng.choice(("Prüfbericht Nr.", "Prüfbericht-Nr.", "Zu Prüfbericht")), self.report))
            rows.append(("Ihr Auftrag vom", p.date(self.ordered)))
            if d.order_no:
                rows.append((self.order_label, d.order_no))
        rows.append(
            (rng.choice(("Probeneingang", "Probeneingang am", "Eingang der Proben")), p.date(self.received))
        )
        if self.single_day:
            rows.append(("Leistungsdatum", p.date(self.tested_to)))
        else:
            rows.append(("Prüfzeitraum", self.period_text()))
        return rows

    def period_text(self) -> str:
        a, b = self.tested_from, self.tested_to
        if self.rng.random() < 0.4 and self.p.dates == "dotted":
            return short_range(a, b)
        return f"{self.p.date(a)} – {self.p.date(b)}"

    def subject(self, y: float) -> float:
        c, d, p = self.c, self.data, self.p
        lines = [self.rng.choice(("Analysenleistungen", "Laboruntersuchungen gemäß Ihrem Auftrag",
                                  "Untersuchung von Proben"))]  # fmt: skip
        if self.refs_in_subject:
            refs = f"Prüfbericht Nr. {self.report} · Ihr Auftrag vom {p.date(self.ordered)}"
            if d.order_no:
                refs += f" · {self.order_label} {d.order_no}"
            lines.append(refs)
        for k, text in enumerate(lines):
            c.fit_text(self.LEFT, y + 4, text, 9.5 if k == 0 else 8.8, self.RIGHT - self.LEFT, bold=k == 0)
            y += 12.5
        return y + 4

    def closing_texts(self, gross: Decimal) -> list[tuple[str, bool]]:
        rng = self.rng
        texts = [(self.pay_text(gross), True)]
        texts.append((rng.choice((
            "Die Prüfergebnisse beziehen sich ausschließlich auf die untersuchten Proben.",
            "Die Ergebnisse entnehmen Sie bitte dem Prüfbericht; sie gelten nur für die untersuchten Proben.",
        )), False))  # fmt: skip
        texts.append((rng.choice(("Vielen Dank für Ihren Auftrag.", "Wir danken für Ihr Vertrauen.")), False))
        return texts

    def footer(self) -> None:
        super().footer()
        if not self.dakks_in_head:
            self.c.fit_text(self.LEFT, self.FOOT - 5, self.dakks, 6.8, 360, colour=GREY, min_size=5.5)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        self.order_label = rng.choice(("Ihre Bestell-Nr.", "Ihr Zeichen / Bestell-Nr.", "Bestellnummer"))
        self.dakks = self.dakks_line()
        rows = self.rows()
        items = [r.item for r in rows if r.item is not None]
        vat = vat_breakdown(items)
        s = d.supplier
        tagline = self.dakks if self.dakks_in_head else rng.choice(_LAB_TAGLINES)
        self.letterhead(tagline, [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        y = self.subject(self.details_block(self.head_rows(), title))
        cols = columns(self.spec_lab(), self.LEFT, self.RIGHT)
        y = self.table(y, cols, rows, True)
        y = self.totals(y, self.total_rows(vat))
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        y = self.texts(y, self.closing_texts(gross))
        assert y < self.limit + 6 and self.pages <= 2, "labor_analytik: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(rng.random() < 0.3),
            service_date=self.single_day,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# print_invoice_en

_PRINTERS_IE = (
    ("Liffey Print & Design Ltd", "Litho · Digital · Large Format"),
    ("Shannon Colour Printers Limited", "Quality print since 1978"),
    ("Corrib Print Solutions Ltd.", "Print, signage and display"),
    ("Hillside Press Unlimited Company", "Commercial and digital printing"),
    ("Emerald Graphics & Print Ltd", "Your print partner in Ireland"),
)
_PRINTERS_GB = (
    ("Riverside Print Ltd", "Digital & litho printing"),
    ("Pennine Press Limited", "Printers · Finishers · Mailing"),
    ("Kingfisher Print & Display Ltd", "Exhibition graphics and print"),
)
_DIRECTORS = (
    "S. O'Brien",
    "M. Kavanagh",
    "A. Murphy",
    "D. Walsh",
    "R. Byrne",
    "J. Hughes",
    "K. Patel",
    "L. Doyle",
)
_EN_CONTACTS = ("Attn: Accounts Payable", "FAO Buchhaltung", "Attn: Ms J. Becker", "Attn: Mr T. Krüger", "")
_CLIENTS_OF_AGENCY = ("Messe Frankfurt, Halle 3.1, Stand C41", "Hotel Atlantic, Eventbereich", "Warehouse / Lager",
                      "Kongresszentrum Ost, Eingang B")  # fmt: skip
# Printed goods: (text, least and most unit price, quantities); {n}: a print run.
Good = tuple[str, float, float, tuple[int, ...]]
_GOODS: tuple[Good, ...] = (
    ("Business cards 85 x 55 mm, 400gsm silk, 4/4 colour, 250 per name", 24, 55, (1, 2, 3, 4, 6)),
    ("Flyers A5, 170gsm gloss, double-sided – {n}", 95, 260, (1, 2, 3)),
    ("Flyers DL, 135gsm silk, 4/4 colour – {n}", 79, 210, (1, 2)),
    ("Roll-up banner 850 x 2000 mm incl. stand and carry bag", 79, 169, (1, 2, 3, 4)),
    ("Pop-up display 3x3 curved, printed graphic panels", 590, 990, (1,)),
    ("Presentation folders A4, 350gsm, matt lamination – {n}", 290, 480, (1,)),
    ("Letterheads A4, 120gsm uncoated – {n}", 85, 160, (1, 2)),
    ("Brochure A4, 16pp, saddle-stitched, 150gsm silk – {n}", 640, 1150, (1,)),
    ("Posters A2, 200gsm silk", 3, 9, (25, 50, 100)),
    ("Vinyl stickers, die-cut, 60 mm – {n}", 69, 140, (1, 2)),
    ("Notepads A5, 50 sheets, glued head", 1, 3, (100, 250, 500)),
)
_RUNS = ("500", "1,000", "2,500", "5,000", "10,000")
_COURIERS = (
    "courier to Germany (DPD)",
    "UPS Standard to Germany",
    "DHL Express, 2 cartons",
    "pallet by road freight",
)
_REVERSE_NOTES = (
    "Reverse charge: VAT to be accounted for by the recipient under Article 196 of Council Directive 2006/112/EC.",
    "Zero-rated intra-Community supply (Article 138, Directive 2006/112/EC). Reverse charge – the customer "
    "accounts for VAT in Germany.",
    "EU reverse charge applies. Steuerschuldnerschaft des Leistungsempfängers.",
)
_UK_NOTES = (
    "Outside the scope of UK VAT. Reverse charge: the customer accounts for VAT in Germany.",
    "Reverse charge – VAT to be accounted for by the customer (Article 196, Directive 2006/112/EC).",
)


@dataclass(frozen=True)
class EnPrinter(WorldPrinter):
    """English amounts and dates; "14-Mar-2024" where `dashed`."""

    dashed: bool = False

    def date(self, day: dt.date) -> str:
        if self.dashed:
            return f"{day.day:02d}-{MONTHS_EN[day.month - 1][:3]}-{day.year}"
        return super().date(day)


class PrintInvoiceEn(TripSheet):
    """An Irish or British printer's English invoice to a German agency: reverse charge or German VAT."""

    FONTS = ("liberation-sans", "dejavu-sans", "liberation-serif", "dejavu-sans-condensed")
    FOOT = A4.height - 62
    LEFT = 50.0

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.kind = rng.choice(("ie", "ie", "ie", "gb", "branch"))
        name, self.tagline = rng.choice(_PRINTERS_GB if self.kind == "gb" else _PRINTERS_IE)
        day = workday(regular_day(data.date))
        self.dispatched = day - dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
        self.ordered = self.dispatched - dt.timedelta(days=rng.randint(3, 12))
        self.company_no = str(rng.randint(300000, 729999))
        if self.kind == "branch":
            supplier = dataclasses.replace(data.supplier, name=name)
            self.lines = [supplier.street, supplier.city_line, "Germany"]
            vat_id, iban = data.vat_id, data.iban
            self.bank = data.iban.bank_name if len(data.iban.bank_name) <= 40 else data.iban.bank_short_name
            self.registered = (f"Registered in Ireland No. {self.company_no} · Zweigniederlassung Deutschland: "
                               f"Amtsgericht {supplier.city} HRB {rng.randint(1000, 99999)}")  # fmt: skip
        else:
            country = "IE" if self.kind == "ie" else "GB"
            address = abroad(
                rng, country, (name,), country_line="Ireland" if country == "IE" else "United Kingdom"
            )
            supplier, self.lines = address.party, list(address.lines)
            if country == "IE":
                code, self.bank = rng.choice(_IE_BANKS)
                vat_id = ie_vat_id(rng)
                self.registered = f"Registered in Ireland No. {self.company_no}"
            else:
                code = rng.choice(tuple(_UK_BANKS))
                self.bank = _UK_BANKS[code]
                vat_id = gb_vat_id(rng)
                self.registered = f"Registered in England and Wales No. 0{rng.randint(1000000, 9999999)}"
            iban = iban_of(rng, country, (code,), 8)
        self.dispatch_printed = rng.random() < 0.55
        number = rng.choice((f"INV-{rng.randint(10000, 99999)}", f"SI-{day.year % 100}{rng.randint(10000, 99999)}",
                             f"{day.year % 100}/{rng.randint(1000, 9999):05d}", f"{rng.randint(10000, 99999)}"))  # fmt: skip
        customer = dataclasses.replace(
            data.customer, name=rng.choice(_AGENCIES), contact=rng.choice(_EN_CONTACTS)
        )
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=self.dispatched if self.dispatch_printed else None,
            due_date=day + dt.timedelta(days=30),
            customer=customer,
            supplier=supplier,
            customer_no=rng.choice(
                (
                    f"ACC-{rng.randint(1000, 9999)}",
                    f"DE{rng.randint(100, 9999):04d}",
                    f"C{rng.randint(10000, 99999)}",
                )
            )  # fmt: skip
            if rng.random() < 0.75
            else "",
            order_no=rng.choice(
                (
                    f"PO-{day.year}-{rng.randint(1, 999):04d}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"B{rng.randint(10000, 99999)}",
                )
            )  # fmt: skip
            if rng.random() < 0.5
            else "",
            email=f"{rng.choice(('accounts', 'invoices', 'hello', 'orders'))}@{slug(name)}print.{self.tld}",
            vat_id=vat_id,
            tax_no="",
            iban=iban,
        )
        super().__init__(rng, data)
        dates = rng.choice(("en_long", "fr_slash", "dash"))
        currency = rng.choice(("sign_tight", "sign_before", "code_before", "none"))
        self.p = EnPrinter("en", currency, "en_long" if dates == "dash" else dates, dashed=dates == "dash")
        self.tax = {"ust_id": vat_id}
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("logo", "band", "plain"))
        self.meta = rng.choice(("box", "rows", "cells"))
        self.qty_first = rng.random() < 0.5
        self.vat_column = rng.random() < 0.35
        self.bank_beside = rng.random() < 0.5
        self.amount_due = rng.random() < 0.6
        self.order_date = rng.random() < 0.35
        self.deliver_to = rng.random() < 0.3
        self.customer_vat = _vat_id(rng)
        self.director = rng.sample(_DIRECTORS, 2)
        self.vat_label = rng.choice(("VAT No.", "VAT Reg. No.", "VAT Registration No."))

    @property
    def tld(self) -> str:
        return {"ie": "ie", "gb": "co.uk", "branch": "ie"}[self.kind]

    @property
    def reverse(self) -> bool:
        return self.kind != "branch"

    def money(self, value: Decimal) -> str:
        return self.p.amount(value)

    # -- the lines

    def items(self) -> list[LineItem]:
        rng = self.rng
        rate = 0 if self.reverse else 19
        out = []
        for text, lo, hi, quantities in rng.sample(_GOODS, rng.randint(1, 5)):
            text = text.replace("{n}", rng.choice(_RUNS))
            price = price_between(rng, lo, hi, "0.01" if hi < 10 else "0.50")
            out.append(LineItem(text, "", Decimal(rng.choice(quantities)), "", price, rate))
        if rng.random() < 0.35:
            hours = Decimal(rng.randint(2, 8)) / 2
            out.append(
                LineItem(
                    "Artwork / typesetting (per hour)", "", hours, "", price_between(rng, 45, 65, "5"), rate
                )
            )
        if rng.random() < 0.3:
            out.append(LineItem("Hard-copy proof", "", Decimal(1), "", price_between(rng, 15, 35, "5"), rate))
        charge = price_between(rng, 24.5, 95, "0.50")
        out.append(LineItem(f"Delivery charge – {rng.choice(_COURIERS)}", "", Decimal(1), "", charge, rate))
        return out

    # -- blocks

    def letterhead(self) -> float:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        contact = [*self.lines, self.phone(), d.email]
        if self.kind == "branch":
            contact.insert(0, "Zweigniederlassung Deutschland / German Branch")
        if self.head == "band":
            c.box(0, 0, A4.width, 86, fill=self.brand, stroke=None)
            c.fit_text(L, 40, s.name, 18, 300, bold=True, colour=WHITE)
            c.fit_text(L, 56, self.tagline, 8, 300, colour=WHITE)
            for i, line in enumerate(contact):
                c.fit_text(R, 20 + 9.5 * i, line, 7.3, 220, align="right", colour=WHITE)
            top = 86.0
        else:
            x = L
            if self.head == "logo":
                logo(
                    c,
                    self.rng.choice(("circle", "square", "diamond")),
                    L,
                    28,
                    42,
                    self.brand,
                    initials(s.name),
                )
                x += 52
            c.fit_text(
                x,
                46,
                s.name,
                16,
                300 - x + L,
                bold=True,
                colour=self.brand if self.head == "logo" else (0, 0, 0),
            )
            c.fit_text(x, 60, self.tagline, 8, 300 - x + L, colour=GREY)
            for i, line in enumerate(contact):
                c.fit_text(R, 32 + 9.5 * i, line, 7.5, 220, align="right", colour=GREY)
            top = 32 + 9.5 * len(contact)
        return top

    def phone(self) -> str:
        digits = self.data.phone.replace(" ", "")[-7:]
        prefix = {"ie": "+353 1", "gb": "+44 161", "branch": "+49 " + self.data.phone.split()[0][1:]}[
            self.kind
        ]
        return f"Tel. {prefix} {digits}"

    def meta_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Invoice No.", "Invoice Number")), d.number),
            ("Invoice Date", p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Account No.", "Customer A/C", "Account No")), d.customer_no))
        if d.order_no:
            rows.append((rng.choice(("Your Ref / PO No.", "Your Order No.", "PO Number")), d.order_no))
        if self.order_date:
            rows.append(("Order Date", p.date(self.ordered)))
        if self.dispatch_printed:
            rows.append(
                (rng.choice(("Dispatch Date", "Despatch Date", "Date of Dispatch")), p.date(self.dispatched))
            )
        rows.append(rng.choice((("Due Date", p.date(d.due_date)), ("Terms", "30 days net"))))
        return rows

    def addresses(self, y: float, beside: bool) -> float:
        """The customer's address under "Invoice To", and the delivery address beside it (`beside`) or under
        it where printed; returns the baseline after them."""
        c, r, rng = self.c, self.data.customer, self.rng
        c.text(self.LEFT, y, rng.choice(("Invoice To", "Bill To", "INVOICE TO")), 8, bold=True, colour=GREY)
        lines = [r.name, r.contact, r.street, r.city_line, "Germany"]
        if self.reverse and rng.random() < 0.5:
            lines.append(
                f"{rng.choice(('Customer VAT No.', 'VAT No.', 'Your VAT No.'))}: {self.customer_vat}"
            )
        end = self.window(self.LEFT, y + 13, lines, 9.5)
        if self.deliver_to:
            x, top = (self.LEFT + 250, y) if beside else (self.LEFT, end + 4)
            other = _party(rng, (r.name,), False)
            c.text(x, top, rng.choice(("Deliver To", "Delivery Address")), 8, bold=True, colour=GREY)
            place = [r.name, rng.choice(_CLIENTS_OF_AGENCY), other.street, other.city_line, "Germany"]
            end = max(end, self.window(x, top + 13, place, 9.5 if beside else 8.5))
        return end

    def meta_block(self, y: float, rows: Sequence[tuple[str, str]]) -> float:
        c, R = self.c, self.RIGHT
        if self.meta == "cells":
            width = (R - self.LEFT) / len(rows)
            c.box(self.LEFT, y, R, y + 30, fill=PALE, stroke=RULE, width=0.5)
            for i, (label, value) in enumerate(rows):
                x = self.LEFT + i * width + 4
                c.fit_text(x, y + 10, label, 6.8, width - 8, colour=GREY, min_size=5)
                c.fit_text(x, y + 23, value, 8.8, width - 8, bold=i == 0, min_size=5.5)
            return y + 44
        x_label = R - 210
        if self.meta == "box":
            c.box(x_label - 8, y - 12, R + 4, y + 13.5 * len(rows) - 6, stroke=self.brand, width=0.7)
        return label_rows(c, rows, x_label, R, y, 8.6, 13.5, value_align="right", label_colour=GREY)

    def table(self, y: float, items: list[LineItem]) -> float:
        c, p = self.c, self.p
        amount_head = "Amount (EUR)" if p.currency == "none" else "Amount"
        qty: tuple[str, str, float, Align] = ("qty", "Qty", 40, "right")
        spec: list[tuple[str, str, float, Align]] = [
            *([qty] if self.qty_first else []),
            ("desc", "Description", 0, "left"),
            *([] if self.qty_first else [qty]),
            ("price", "Unit Price", 76, "right"),
            *([("vat", "VAT", 36, "right")] if self.vat_column else []),
            ("total", amount_head, 84, "right"),
        ]
        cols = columns(spec, self.LEFT, self.RIGHT)
        c.box(
            self.LEFT, y, self.RIGHT, y + 17, fill=LIGHT if self.head != "band" else self.brand, stroke=None
        )
        head_colour = WHITE if self.head == "band" else (0, 0, 0)
        cells(c, cols, y + 12, {col.key: col.head for col in cols}, 8, bold=True, colour=head_colour)
        y += 17
        for item in items:
            desc = next(col for col in cols if col.key == "desc")
            lines = c.wrap(item.description, desc.width, 8.6)
            row = {
                "qty": p.quantity(item.quantity) if item.quantity < 1000 else f"{int(item.quantity):,}",
                "price": p.number(item.unit_price),
                "vat": f"{item.rate}%",
                "total": p.number(item.total),
            }
            cells(c, cols, y + 12, row, 8.6)
            for j, line in enumerate(lines):
                c.text(desc.anchor, y + 12 + 11 * j, line, 8.6)
            y += 16 + 11 * (len(lines) - 1)
            c.line(self.LEFT, y, self.RIGHT, y, width=0.3, colour=RULE)
        return y + 8

    def totals(self, y: float, vat: VatLine) -> float:
        c, R, rng = self.c, self.RIGHT, self.rng
        gross = vat.base + vat.amount
        if self.reverse:
            vat_text = rng.choice(("VAT 0% – reverse charge", "VAT @ 0% (reverse charge)", "VAT 0%"))
        else:
            vat_text = rng.choice(("VAT 19%", "VAT @ 19%", "German VAT 19%"))
        total_label = rng.choice(("Total EUR", "Total (EUR)", "Invoice Total"))
        if self.p.currency == "none" and total_label == "Invoice Total":
            total_label = "Invoice Total EUR"
        rows = [(rng.choice(("Sub-total", "Subtotal", "Net Total")), vat.base, False), (vat_text, vat.amount, False),
                (total_label, gross, True)]  # fmt: skip
        if self.amount_due:
            rows.append((rng.choice(("Amount Due", "Balance Due")), gross, True))
        x = R - 230
        for label, value, bold in rows:
            y += 15
            if bold:
                c.line(x, y - 11, R, y - 11, width=0.6)
            c.fit_text(x, y, label, 9, 140, bold=bold)
            c.text(R - 3, y, self.money(value), 9, bold=bold, align="right")
        return y + 10

    def bank_lines(self) -> list[str]:
        d = self.data
        return [
            f"Bank: {self.bank}",
            f"Account Name: {d.supplier.name}",
            f"IBAN: {self.iban}",
            f"BIC: {d.iban.bic}",
            f"Reference: {d.number}",
        ]

    def bank_block(self, x: float, y: float, width: float) -> float:
        c = self.c
        c.text(x, y, self.rng.choice(("Bank Details", "Payment Details", "BANK DETAILS")), 8.5, bold=True)
        for line in self.bank_lines():
            y += 11
            c.fit_text(x, y, line, 8.2, width, min_size=6)
        return y + 6

    def notes(self, y: float) -> float:
        c, d, p, rng = self.c, self.data, self.p, self.rng
        width = self.RIGHT - self.LEFT
        texts = []
        if self.reverse:
            texts.append(rng.choice(_REVERSE_NOTES if self.kind == "ie" else _UK_NOTES))
            texts.append(f"Customer VAT No.: {self.customer_vat}")
        texts.append(rng.choice((f"Payment terms: 30 days from invoice date. Please pay by {p.date(d.due_date)}.",
                                 f"Terms: strictly 30 days net. Payment due {p.date(d.due_date)}.",
                                 "Please pay within 30 days, quoting the invoice number as your reference.")))  # fmt: skip
        for text in texts:
            y = c.paragraph(self.LEFT, y, text, width, 8.2)
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        mid = (self.LEFT + self.RIGHT) / 2
        c.line(self.LEFT, self.FOOT, self.RIGHT, self.FOOT, width=0.4, colour=GREY)
        lines = [
            f"{s.name} · {', '.join(self.lines)}",
            f"{self.registered} · Directors: {', '.join(self.director)}",
            f"{self.vat_label} {self.vat_printed()} · {d.email} · www.{d.email.split('@')[1]}",
        ]
        for j, line in enumerate(lines):
            c.fit_text(mid, self.FOOT + 11 + j * 9.5, line, 7, self.RIGHT - self.LEFT, align="center", colour=GREY,
                       min_size=5.5)  # fmt: skip

    def vat_printed(self) -> str:
        v = self.data.vat_id
        if self.kind == "gb" and self.rng.random() < 0.5:
            return f"{v[:2]} {v[2:5]} {v[5:9]} {v[9:]}"
        if self.kind == "branch":
            return self.data.vat_id_printed
        return v

    def draw(self) -> TripDrawing:
        c, rng = self.c, self.rng
        top = self.letterhead()
        y = max(top + 24, 118.0)
        title_y = y + 6
        c.text(self.RIGHT if self.meta != "cells" else self.LEFT, title_y, "INVOICE", 22, bold=True,
               align="right" if self.meta != "cells" else "left", colour=self.brand)  # fmt: skip
        rows = self.meta_rows()
        if self.meta == "cells":
            y = self.addresses(title_y + 24, True)
            y = self.meta_block(y + 10, rows)
        else:
            end = self.meta_block(title_y + 26, rows)
            y = max(self.addresses(title_y + 14, False), end) + 14
        items = self.items()
        y = self.table(y, items)
        (vat,) = vat_breakdown(items)
        top_totals = y
        y = self.totals(y, vat)
        if self.bank_beside:
            y = max(y, self.bank_block(self.LEFT, top_totals + 14, 240))
            y = self.notes(y + 6)
        else:
            y = self.notes(y + 6)
            y = self.bank_block(self.LEFT, y + 8, self.RIGHT - self.LEFT)
        c.text(
            self.LEFT, y + 8, rng.choice(("Thank you for your business.", "Many thanks for your order!")), 8.5
        )
        self.footer()
        assert y + 8 < self.FOOT - 6, "print_invoice_en: page overflow"
        d = self.data
        return self.finish(
            items,
            "Invoice",
            service_date=self.dispatch_printed,
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
        )


# ---------------------------------------------------------------------------
# Registry

LABOR_FAMILIES: dict[str, type[TripSheet]] = {
    "labor_analytik": LaborAnalytik,
    "print_invoice_en": PrintInvoiceEn,
}
_LANG = {"print_invoice_en": "en"}


def draw_labor(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(LABOR_FAMILIES[name], name, seed, _LANG.get(name, "de"))
