"""Two invoice layout families of a German photographer or illustrator and of a Dutch freelancer (ZZP'er),
designed blind (session 16).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_foto(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip`, `families_first`, `families_closing`, `families_medien` and
`families_recht` and returns a `TripDrawing` (truth keys only for values printed):

- `fotograf_nutzungsrechte`: a German photographer's (on some seeds an illustrator's) invoice to an
  advertising or design agency. The sender is a sole trader: the person's name, a studio name above it on
  most seeds ("Lena Hartmann Fotografie", "Studio Lichtwerk"), the Steuernummer on every seed and the
  USt-IdNr. on some. The lines: shooting days ("Shooting-Tag (Tagessatz) inkl. Kameraequipment", a half day,
  an assistant's days), post-production by the hour or retouching per image, all at 19 %; the usage rights
  ("Nutzungsrechte: Print und Online, Deutschland, 2 Jahre", "Einräumung von Nutzungsrechten gem. § 31 UrhG
  ...", an extension for social media on some seeds) at the reduced 7 % of § 12 Abs. 2 Nr. 7c UStG (copyright
  licences); expenses passed on (mileage, studio rent, model fees, hair & make-up, props, catering on set) at
  19 %; an illustrator bills concept hours, corrections and the final artwork at 19 % and the rights at 7 %.
  So every regular seed mixes 7 % and 19 %: the rate per line in a "USt." column, or the lines in sections
  ("Produktion (19 % USt.)", "Nutzungsrechte (7 % USt.)", "Nebenkosten (19 % USt.)") with a subtotal per
  section on some seeds. Totals as rows ("Netto 19 %", "Netto 7 %", "Summe netto", "zzgl. 19 % USt.",
  "zzgl. 7 % USt.", "USt. gesamt", "Gesamtbetrag"), as "zzgl. 7 % USt. auf 1.200,00 €" rows, or as a table by
  rate with a totals row. References: "Projekt: ..." with the agency's end client, the agency's "Job-Nr."
  (its order number) on most seeds, "Kostenvoranschlag Nr. ... vom ..." (another number, another date and on
  some seeds its own, different net amount), a customer number on some seeds; the shooting date ("Shooting am
  12.03.2024", "Shooting-Datum", "Aufnahmedatum") when one day was shot, "Shootingtage 12.03.–13.03.2024"
  when two or three, for illustrators a "Leistungsdatum" (the day the artwork was delivered) on some seeds; a
  deposit deducted ("abzgl. Anzahlung vom ...", "Restbetrag") on some seeds; the note on the
  Künstlersozialkasse ("Hinweis: Die Zahlung ist ggf. künstlersozialabgabepflichtig") on most seeds, the
  rights passing only on full payment, payment within 14 days to the German IBAN (BIC on most seeds). About a
  fifth of the seeds are small businesses under § 19 UStG (Kleinunternehmer): every line at 0 %, "Gemäß § 19
  UStG wird keine Umsatzsteuer berechnet", no USt-IdNr.; decided: the total is printed once as "Gesamtbetrag"
  (netto = brutto), and on some of these seeds an invoicing app's "Umsatzsteuer 0 %" row with 0,00 €. Three
  layouts (a DIN letter with the name right, a centred letterhead, an app-like band with boxed references).
  Truth: the usual keys; `lieferant` the person's name (never the studio name alone); `steuernummer` always,
  `ust_id` where printed; `mwst` 0.0 on the Kleinunternehmer seeds that print the 0 % row and left out on
  those that print none (as in `hosting_export`); `bestellnummer` the Job-Nr. (never the Kostenvoranschlag's
  number); `kundennummer` where printed; `leistungsdatum` the single shooting (or delivery) date where printed
  (none for several shooting days); the gross before a deposit is deducted (as in `anzahlung`). Dates keep out
  of the second half of 2020 (16 % and 5 % then).
- `zzp_factuur_nl`: a Dutch freelancer's (ZZP'er, eenmanszaak) invoice to a German agency, in Dutch or in
  English: "Factuur" / "Invoice", "Factuurnummer", "Factuurdatum", "Vervaldatum" (or "Due date"), on some
  seeds "Klantnummer" and "Uw referentie" / "PO-nummer" (the agency's order number), "Periode 01-03-2024 t/m
  31-03-2024" or a "Leverdatum"; the person's name with a trade name ("Studio Van Dijk", "Pixelpolder") on
  most seeds, "KvK-nummer 81234567" and the "BTW-id NL001234567B01" (the btw-identificatienummer of sole
  traders since 2020, mod 97, valid per python-stdnum nl.vat; labels "BTW-id", "Btw-id", "BTW-nummer", "VAT
  number") and the Dutch IBAN with BIC (ING, Rabobank, ABN AMRO, Knab, bunq, Triodos, SNS); hours ("uren" ×
  "uurtarief", per task or per week), day rates, words for a translation, flat fees, travel costs; by default
  "BTW verlegd" / "Reverse charge" to the German customer (the service's place of supply is Germany, art. 44
  of the VAT directive): 0 %, the customer's German VAT id printed ("Btw-nummer afnemer: DE123456789", a trap),
  a note ("BTW verlegd naar afnemer (art. 196 Btw-richtlijn)", "Reverse charge: VAT to be accounted for by
  the recipient"), a VAT row with 0,00 ("BTW 0 %", "BTW verlegd") on some seeds and none on the others;
  decided: on about a quarter of the seeds an interior designer's work for a shop or showroom in the
  Netherlands, a service connected with immovable property there (art. 47 of the VAT directive), bears Dutch
  VAT: "BTW 21 %" (the customer's VAT id then printed on some seeds only). Totals "Subtotaal", the VAT row,
  "Totaal" / "Te betalen" / "Totaal te betalen" (English "Subtotal", "Total", "Amount due");
  "Betaaltermijn 14 dagen" and the transfer "t.n.v. ... o.v.v. factuurnummer ..."; dates "15-03-2024" or
  "15 maart 2024" (English "15 March 2024" or "15-03-2024"), amounts "€ 1.234,56" or "€1.234,56" (English
  "€1,234.56"); an hours specification ("Urenspecificatie" / "Timesheet") as a second page on some seeds.
  Three layouts. Truth: the usual keys; `ust_id` the freelancer's NL btw-id (never the customer's DE id),
  no `steuernummer` (the KvK number is a register number); `lieferant` the person's name; `iban` NL.. and
  `bic`; `mwst` 0.0 on the reverse-charge seeds with a VAT row and left out on those without, the 21 % amount
  on the Dutch-VAT seeds; `kundennummer`, `bestellnummer` and `leistungsdatum` (a single "Leverdatum") where
  printed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from stdnum.iso7064 import mod_97_10
from stdnum.nl import bsn
from stdnum.nl import vat as nl_vat

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_first import FirstSheet, years_from
from benchmarks.synth.families_medien import clear_of_2020, summary_rows
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
from benchmarks.synth.families_recht import rate_summary
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    PALE,
    RULE,
    _digits,
    bank_name,
    iban_of,
    nl_address,
)
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    _steuernummer,
    _vat_id,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import DateStyle, Printer

# ---------------------------------------------------------------------------
# Shared: the German agencies both families bill


_AGENCIES = (
    ("Werbeagentur Kranich & Söhne GmbH", "Große Elbstraße 145", "22767", "Hamburg"),
    ("Brandhaus Kommunikation GmbH", "Zollhof 9", "40221", "Düsseldorf"),
    ("Studio Mauerpark Design GmbH", "Bernauer Straße 63", "13355", "Berlin"),
    ("Leuchtfeuer Werbeagentur GmbH & Co. KG", "Hohenzollernring 72", "50672", "Köln"),
    ("Agentur Südlicht GmbH", "Tumblingerstraße 32", "80337", "München"),
    ("Hafenblau Content & Kampagnen GmbH", "Am Sandtorkai 54", "20457", "Hamburg"),
    ("Formfaktor Designbüro GmbH", "Tübinger Straße 17", "70178", "Stuttgart"),
    ("Kontor 7 Markenkommunikation GmbH", "Hanauer Landstraße 126", "60314", "Frankfurt am Main"),
)
_AGENCY_CONTACTS = (
    "z. Hd. Frau Jansen, Art Buying",
    "Art Buying / Herr Albers",
    "z. Hd. Herrn Becker (Produktion)",
    "Kreation – Frau Roth",
    "Buchhaltung",
    "",
)
_END_CLIENTS = (
    "Brauerei Hopfenhain GmbH",
    "Sommer Backwaren GmbH",
    "Nordwind Outdoor AG",
    "Möbelhaus Kessler KG",
    "Stadtwerke Lindenau GmbH",
    "Gutshof Tannenberg Feinkost",
    "Velo Manufaktur Rieger GmbH",
    "Alpenmilch eG",
)


def agency(rng: random.Random, party: Party, contacts: tuple[str, ...] = _AGENCY_CONTACTS) -> Party:
    """A German agency as the customer (its own address; the region stays the drawn one's, it is not used)."""
    name, street, plz, city = rng.choice(_AGENCIES)
    return dataclasses.replace(
        party, name=name, street=street, plz=plz, city=city, contact=rng.choice(contacts)
    )


@dataclass(frozen=True)
class Row:
    """One line of the invoice: its item, grey lines under it and its section."""

    item: LineItem
    notes: tuple[str, ...] = ()
    section: str = "prod"  # prod (production), rights (usage rights), costs (expenses)


def spaced_dates(p: Printer, first: dt.date, last: dt.date) -> str:
    """12.03.–13.03.2024 in dotted print, otherwise both dates in full."""
    if p.dates == "dotted" and first.year == last.year:
        return f"{first:%d.%m.}–{p.date(last)}"
    return f"{p.date(first)} – {p.date(last)}"


# ---------------------------------------------------------------------------
# fotograf_nutzungsrechte

_PHOTOGRAPHERS = (
    "Lena Hartmann",
    "Jonas Brückner",
    "Miriam Okafor",
    "Tobias Wendt",
    "Sophie Albrecht",
    "Kai Nguyen",
    "Greta Sörensen",
    "Felix Rambach",
    "Anja Weißenborn",
)
_ILLUSTRATORS = ("Clara Fink", "Moritz Lehmkuhl", "Paula Grünewald", "Yasemin Aksoy", "Jakob Thiele")
_FOTO_BRANDS = ("{name} Fotografie", "{name} Photography", "Studio Lichtwerk", "Bildwerk Nord",
                "Fotostudio Kornhaus", "{name} | Foto & Film")  # fmt: skip
_ILLU_BRANDS = (
    "{name} Illustration",
    "Atelier Federstrich",
    "Tinte & Pixel",
    "{name} – Illustration & Design",
)
_FOTO_LINES = ("Werbe- und Produktfotografie", "Fotografie · Bildbearbeitung · Bildrechte",
               "People · Food · Corporate", "Architektur- und Interiorfotografie")  # fmt: skip
_ILLU_LINES = ("Illustration · Editorial · Packaging", "Illustration und Infografik")
_MOTIFS = ("Produktmotive", "Motive", "Bilder", "Key Visuals")
_MEDIA = (
    "Print und Online",
    "Print, Online und Social Media",
    "Online (Website, Newsletter, Social Media)",
    "Anzeigen, Plakat und POS",
    "Katalog und Webshop",
)
_AREAS = ("Deutschland", "DACH", "Europa", "weltweit")
_TERMS_YEARS = ("1 Jahr", "2 Jahre", "3 Jahre", "5 Jahre", "unbefristet")
_KSK = (
    "Hinweis: Die Zahlung ist ggf. künstlersozialabgabepflichtig.",
    "Hinweis: Die Zahlung ist ggf. künstlersozialabgabepflichtig (§ 24 KSVG).",
    "Bitte beachten Sie: Honorare an selbständige Künstler und Publizisten sind ggf. "
    "künstlersozialabgabepflichtig (Künstlersozialkasse).",
)
_SMALL = (
    "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
    "Als Kleinunternehmer im Sinne von § 19 Abs. 1 UStG wird keine Umsatzsteuer berechnet.",
    "Kein Ausweis der Umsatzsteuer aufgrund der Anwendung der Kleinunternehmerregelung gem. § 19 UStG.",
)


class FotografNutzungsrechte(FirstSheet):
    """A German photographer's or illustrator's invoice: production at 19 %, usage rights at 7 %."""

    FONTS = ("liberation-sans", "dejavu-sans", "liberation-serif", "dejavu-serif", "dejavu-sans-condensed")
    IDS = "stnr"
    GROUPED = 0.7
    FOOT = A4.height - 78

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.illustrator = rng.random() < 0.3
        self.person = rng.choice(_ILLUSTRATORS if self.illustrator else _PHOTOGRAPHERS)
        brand = rng.choice(_ILLU_BRANDS if self.illustrator else _FOTO_BRANDS)
        self.brand_name = brand.format(name=self.person) if rng.random() < 0.8 else ""
        self.small = rng.random() < 0.2  # Kleinunternehmer, § 19 UStG
        self.days = 0 if self.illustrator else 1 if self.small else rng.choice((1, 1, 1, 1, 2, 2, 3))
        day = data.date
        shot = day - dt.timedelta(days=rng.randint(3, 35))
        quoted = shot - dt.timedelta(days=rng.randint(6, 45))
        day, shot, quoted = clear_of_2020([day, shot, quoted])
        self.shot, self.quoted = shot, quoted
        self.shot_days = [shot + dt.timedelta(days=k) for k in range(max(self.days, 1))]
        supplier = dataclasses.replace(data.supplier, name=self.person)
        initials_ = "".join(w[0] for w in self.person.split())
        n = rng.randint(1, 160)
        number = rng.choice(
            (
                f"{day.year}-{n:03d}",
                f"RE-{day.year}-{n:03d}",
                f"{initials_}-{day.year % 100}-{n:03d}",
                f"{day.year % 100}{day.month:02d}-{n % 100:02d}",
                f"R{day.year}{n:04d}",
            )
        )
        job = rng.choice(
            (
                f"{day.year % 100}-{rng.randint(100, 1999):04d}",
                f"JOB-{day.year}-{rng.randint(10, 999):03d}",
                f"J{rng.randint(10000, 99999)}",
                f"{rng.choice(('HB', 'KS', 'BR', 'NW'))}{day.year % 100}{rng.randint(100, 999)}",
            )
        )
        domain = self.person.split()[-1].lower().translate(str.maketrans({"ü": "ue", "ö": "oe", "ß": "ss"}))
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 10, 30))),
            customer_no=rng.choice((f"{rng.randint(1000, 1999)}", f"K-{rng.randint(100, 999)}"))
            if rng.random() < 0.3
            else "",
            order_no=job if rng.random() < 0.75 else "",
            supplier=supplier,
            customer=agency(rng, data.customer),
            tax_no=_steuernummer(rng, supplier.region),
            phone=f"0{rng.choice(('151', '160', '176', '172'))} {rng.randint(1000000, 99999999)}",
            email=f"{rng.choice(('mail', 'hallo', 'studio', 'info'))}@{domain}-"
            f"{'illustration' if self.illustrator else 'fotografie'}.de",
        )
        super().__init__(rng, data)
        self.p = Printer(
            rng.choice(("de", "de", "de", "plain_comma")),
            rng.choice(("sign_after", "sign_after", "code_after")),
            rng.choice(("dotted", "dotted", "dotted", "de_long")),
        )
        self.own_vat = not self.small and rng.random() < 0.4
        self.layout = rng.choice(("letter", "centred", "band"))
        self.brand = rng.choice(MORE_BRANDS)
        self.sections = rng.random() < 0.4
        self.section_sums = self.sections and rng.random() < 0.6
        self.totals_style = rng.choice(("rows", "auf", "table"))
        self.vat_row = self.small and rng.random() < 0.35
        self.deposit = rng.random() < 0.15
        self.quote = rng.random() < 0.65
        self.quote_amount = self.quote and rng.random() < 0.5
        self.ksk = rng.random() < 0.8
        self.delivered = day - dt.timedelta(days=rng.randint(1, 12))
        self.delivery_printed = self.illustrator and rng.random() < 0.6
        self.with_bic = rng.random() < 0.8
        self.project = rng.choice(_END_CLIENTS)

    # -- the lines

    def rate(self, normal: int) -> int:
        return 0 if self.small else normal

    def rights(self) -> list[Row]:
        rng, p = self.rng, self.p
        count = rng.choice((3, 5, 8, 12, 15, 20)) if not self.illustrator else rng.choice((1, 2, 3, 4))
        media, area, term = rng.choice(_MEDIA), rng.choice(_AREAS), rng.choice(_TERMS_YEARS)
        what = "Illustrationen" if self.illustrator else rng.choice(_MOTIFS)
        text = rng.choice(
            (
                f"Nutzungsrechte: {media}, {area}, {term}",
                f"Einräumung von Nutzungsrechten gem. § 31 UrhG: {media}, {area}, {term}",
                f"Nutzungshonorar {count} {what} – {media}, {area}, {term}",
            )
        )
        note = rng.choice(
            (
                f"einfaches Nutzungsrecht, {count} {what}, ab Veröffentlichung",
                f"Umfang: {count} {what}; ausschließliches Nutzungsrecht für den Zweck der Kampagne",
                "nicht übertragbar; Bearbeitung nur nach Absprache; Urhebernennung erwünscht",
            )
        )
        price = Decimal(rng.randrange(250, 1500, 50) if self.small else rng.randrange(500, 4500, 50))
        rows = [Row(LineItem(text, "", Decimal(1), "pauschal", price, self.rate(7)), (note,), "rights")]
        if rng.random() < (0.1 if self.small else 0.35):
            extra = rng.choice(
                (
                    "Erweiterung Nutzungsrechte Social Media (organisch), 1 Jahr",
                    "Zusatzlizenz Außenwerbung (Plakat, Citylight), 3 Monate",
                    f"Buy-out Online-Nutzung {area}, unbefristet",
                )
            )
            price = Decimal(rng.randrange(250, 1800, 50))
            rows.append(Row(LineItem(extra, "", Decimal(1), "pauschal", price, self.rate(7)), (), "rights"))
        if rng.random() < 0.2:
            when = p.date(self.quoted + dt.timedelta(days=2))
            rows[0] = dataclasses.replace(rows[0], notes=(*rows[0].notes, f"Lizenzvereinbarung vom {when}"))
        return rows

    def production(self) -> list[Row]:
        rng = self.rng
        rows: list[Row] = []
        if self.illustrator:
            hours = Decimal(rng.randint(4, 24)) / 2
            rate = Decimal(rng.choice((60, 65, 70, 75, 80, 85, 90)))
            rows.append(Row(LineItem("Konzeption und Scribbles", "", hours, "Std.", rate, self.rate(19))))
            final = rng.choice(
                (
                    "Reinzeichnung Titelillustration",
                    "Illustrationen Reinzeichnung (digital, vektorisiert)",
                    "Infografik Reinzeichnung inkl. Farbvarianten",
                )  # fmt: skip
            )
            rows.append(
                Row(LineItem(final, "", Decimal(1), "pauschal", Decimal(rng.randrange(450, 2800, 50)), 19))
            )
            if rng.random() < 0.6:
                more = Decimal(rng.randint(1, 8)) / 2
                rows.append(Row(LineItem("Korrekturschleifen / Abstimmung", "", more, "Std.", rate, 19)))
            return [
                dataclasses.replace(r, item=dataclasses.replace(r.item, rate=self.rate(19))) for r in rows
            ]
        day_rate = Decimal(rng.randrange(450, 950, 50) if self.small else rng.randrange(750, 1650, 50))
        place = rng.choice(("im Studio", "on location", "vor Ort beim Kunden", "Studio und Außenaufnahmen"))
        if rng.random() < 0.15 and self.days == 1:
            rows.append(
                Row(
                    LineItem(
                        "Shooting halber Tag (bis 4 Std.)",
                        "",
                        Decimal(1),
                        "pauschal",
                        round_cent(day_rate * Decimal("0.6")),
                        self.rate(19),
                    ),  # fmt: skip
                    (f"Aufnahmen {place}",),
                )
            )
        else:
            text = rng.choice(("Shooting-Tag (Tagessatz) inkl. Kameraequipment", "Fotografie Tagessatz",
                               "Shooting-Tag inkl. Licht und Technik"))  # fmt: skip
            rows.append(Row(LineItem(text, "", Decimal(self.days), "Tag", day_rate, self.rate(19)),
                            (f"Aufnahmen {place}",)))  # fmt: skip
        if rng.random() < 0.5:
            assistant = Decimal(rng.randrange(250, 400, 10))
            rows.append(
                Row(LineItem("Fotoassistenz", "", Decimal(self.days), "Tag", assistant, self.rate(19)))
            )
        if rng.random() < 0.6:
            hours = Decimal(rng.randint(4, 36)) / 2
            rate = Decimal(rng.choice((65, 70, 75, 80, 85, 95)))
            text = rng.choice(
                ("Bildbearbeitung / Post-Production", "Post-Production (Farbkorrektur, Retusche)")
            )
            rows.append(Row(LineItem(text, "", hours, "Std.", rate, self.rate(19))))
        else:
            images = rng.choice((6, 8, 10, 12, 15, 20, 24))
            text = rng.choice(("Retusche je Bild", "High-End-Retusche", "Bildbearbeitung je Motiv"))
            price = Decimal(rng.randrange(25, 65, 5))
            rows.append(Row(LineItem(text, "", Decimal(images), "Bild", price, self.rate(19))))
        if rng.random() < 0.3:
            rows.append(Row(LineItem("Bildauswahl und Datenaufbereitung (Online-Galerie)", "", Decimal(1),
                                     "pauschal", Decimal(rng.randrange(60, 250, 10)), self.rate(19))))  # fmt: skip
        return rows

    def costs(self) -> list[Row]:
        rng = self.rng
        rows: list[Row] = []
        if self.illustrator:
            if rng.random() < 0.4:
                rows.append(Row(LineItem("Farbproof / Andruck", "", Decimal(1), "pauschal",
                                         Decimal(rng.randrange(35, 120, 5)), self.rate(19)), (), "costs"))  # fmt: skip
            return rows
        if rng.random() < 0.6:
            km = Decimal(rng.randint(20, 480))
            rows.append(Row(LineItem("Fahrtkosten", "", km, "km", Decimal("0.30") if rng.random() < 0.7
                                     else Decimal("0.50"), self.rate(19)), ("Kilometerpauschale",), "costs"))  # fmt: skip
        options = (
            ("Studiomiete (weiterberechnet)", "Tag", 250, 650, 10, ""),
            ("Modelhonorar (weiterberechnet)", "Tag", 400, 1200, 50, "lt. Rechnung der Modelagentur"),
            ("Hair & Make-up", "Tag", 300, 600, 10, ""),
            ("Requisiten / Food-Styling-Material lt. Beleg", "pauschal", 40, 260, 0, ""),
            ("Catering am Set", "pauschal", 60, 240, 0, ""),
        )
        for text, unit, lo, hi, step, note in rng.sample(
            options[3:] if self.small else options,
            rng.choice((0, 1, 2, 3)) if not self.small else rng.choice((0, 1)),
        ):
            qty = Decimal(self.days if unit == "Tag" else 1)
            price = (
                Decimal(rng.randrange(lo, hi, step))
                if step
                else round_cent(Decimal(str(rng.uniform(lo, hi))))
            )
            rows.append(
                Row(LineItem(text, "", qty, unit, price, self.rate(19)), (note,) if note else (), "costs")
            )
        return rows

    def rows(self) -> list[Row]:
        return self.production() + self.rights() + self.costs()

    # -- the page

    def doc_word(self) -> str:
        return "Rechnung"

    def studio(self) -> str:
        return self.brand_name or self.person

    def contact_lines(self) -> list[str]:
        d, s = self.data, self.data.supplier
        web = "www." + d.email.split("@")[1]
        return [s.street, s.city_line, f"Mobil {d.phone}", d.email, web]

    def info_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        if d.order_no:
            rows.append((rng.choice(("Job-Nr.", "Ihre Job-Nr.", "Job-Nummer")), d.order_no))
        if self.days == 1:
            rows.append(
                (rng.choice(("Shooting-Datum", "Aufnahmedatum", "Leistungsdatum")), p.date(self.shot))
            )
        elif self.days > 1:
            rows.append(("Shootingtage", spaced_dates(p, self.shot_days[0], self.shot_days[-1])))
        elif self.delivery_printed:
            rows.append((rng.choice(("Leistungsdatum", "Lieferdatum")), p.date(self.delivered)))
        return rows

    def header(self) -> float:
        c, L, R, rng = self.c, self.LEFT, self.RIGHT, self.rng
        contact = self.contact_lines()
        tagline = rng.choice(_ILLU_LINES if self.illustrator else _FOTO_LINES)
        if self.layout == "letter":
            c.fit_text(R, 52, self.studio(), 17, 300, bold=True, align="right", colour=self.brand)
            below = [self.person] if self.brand_name else []
            for i, line in enumerate([*below, tagline]):
                c.text(R, 66 + 11 * i, line, 8.5, align="right", colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 100 + 10 * i, line, 7.5, align="right", colour=GREY)
            return self.address_block(148)
        if self.layout == "centred":
            c.fit_text(c.width / 2, 50, self.studio().upper(), 16, R - L, align="center")
            sub = f"{self.person} · {tagline}" if self.brand_name else tagline
            c.fit_text(c.width / 2, 64, sub, 8.5, R - L, align="center", colour=GREY)
            c.line(L + 60, 72, R - 60, 72, width=0.4, colour=GREY)
            c.fit_text(c.width / 2, 84, " · ".join(contact), 7.5, R - L, align="center", colour=GREY)
            return self.address_block(130)
        c.box(0, 0, c.width, 78, fill=self.brand, stroke=None)
        logo(c, rng.choice(("circle", "square")), L, 20, 38, WHITE, "")
        c.text(L + 19, 45, initials(self.studio()), 14, bold=True, align="center", colour=self.brand)
        c.fit_text(L + 50, 40, self.studio(), 15, 250, bold=True, colour=WHITE)
        c.fit_text(L + 50, 54, tagline, 8, 250, colour=WHITE)
        for i, line in enumerate(contact):
            c.text(R, 22 + 10 * i, line, 7.3, align="right", colour=WHITE)
        return self.address_block(118)

    def address_block(self, top: float) -> float:
        """The window address on the left, the reference rows on the right (or in boxes under it)."""
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        r = d.customer
        y = self.window(
            L, top, [r.name, r.contact, r.street, r.city_line], 9.5, sender=f"{self.person} · {s.street} · "
            f"{s.city_line}"
        )  # fmt: skip
        rows = self.info_rows()
        if self.layout == "band":
            y += 10
            width = (R - L) / len(rows)
            c.box(L, y, R, y + 30, fill=PALE, stroke=RULE, width=0.5)
            for i, (label, value) in enumerate(rows):
                c.fit_text(L + i * width + 5, y + 11, label, 7, width - 10, colour=GREY)
                c.fit_text(L + i * width + 5, y + 24, value, 9, width - 10, bold=i == 0)
            return y + 44
        bottom = label_rows(c, rows, 345, R, top + 8, 8.6, 13, value_align="right", label_colour=GREY)
        return max(y, bottom) + 10

    def references(self, y: float) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        c.text(L, y + 8, title, 15, bold=True, colour=self.brand if self.layout != "centred" else (0, 0, 0))
        y += 26
        campaign = rng.choice(("Frühjahrskampagne", "Imagebroschüre", "Produktkatalog", "Website-Relaunch",
                               "Messeauftritt", "Geschäftsbericht"))  # fmt: skip
        lines = [f"Projekt: {campaign} {d.date.year} – Kunde: {self.project}"]
        if self.quote:
            number = f"KV-{self.quoted.year}-{rng.randint(1, 99):03d}"
            text = f"gemäß Kostenvoranschlag Nr. {number} vom {p.date(self.quoted)}"
            if self.quote_amount:
                planned = Decimal(rng.randrange(1500, 9000, 50))
                text += f" über {p.amount(planned)} netto"
            lines.append(text[0].upper() + text[1:])
        if self.days > 1 and rng.random() < 0.5:
            lines.append(f"Shooting vom {spaced_dates(p, self.shot_days[0], self.shot_days[-1])}")
        for line in lines:
            c.fit_text(L, y, line, 9, R - L)
            y += 12
        if rng.random() < 0.6:
            greeting = d.customer.contact.split(",")[0] if "Frau" in d.customer.contact else ""
            text = (
                "für die im Auftrag erbrachten Leistungen erlaube ich mir, wie vereinbart zu berechnen:"
                if self.illustrator
                else "für das Shooting und die Einräumung der Nutzungsrechte berechne ich Ihnen wie vereinbart:"
            )
            salute = "Sehr geehrte Damen und Herren," if not greeting else "Sehr geehrte Frau " + greeting.split()[
                -1] + ","  # fmt: skip
            y = c.paragraph(L, y + 6, f"{salute} {text}", R - L, 9)
        return y + 2

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 28, "left")]
        spec.append(("desc", rng.choice(("Leistung", "Beschreibung", "Bezeichnung")), 0, "left"))
        spec += [("qty", "Menge", 40, "right"), ("unit", "Einheit", 48, "left"),
                 ("price", rng.choice(("Einzelpreis", "Preis/Einh.", "EP")), 62, "right")]  # fmt: skip
        if not self.sections and not self.small:
            spec.append(("rate", rng.choice(("USt.", "MwSt.", "USt.-Satz")), 46, "right"))
        spec.append(("total", rng.choice(("Gesamt", "Betrag", "Summe")), 66, "right"))
        return spec

    def table_head(self, y: float, cols: list[Col]) -> float:
        c, shaded = self.c, self.layout == "band"
        c.box(self.LEFT, y, self.RIGHT, y + 16, fill=self.brand if shaded else LIGHT, stroke=None)
        head = {col.key: col.head for col in cols}
        cells(c, cols, y + 11, head, 8, bold=True, colour=WHITE if shaded else (0, 0, 0))
        return y + 16

    def room(self, y: float, height: float, cols: list[Col] | None = None) -> float:
        """`y`, or the top of a new page (with the table head again when `cols`) when `height` does not fit."""
        if y + height <= self.limit:
            return y
        y = self.next_page()
        return self.table_head(y, cols) if cols else y

    def table(self, y: float, rows: list[Row]) -> float:
        p, L, R = self.p, self.LEFT, self.RIGHT
        cols = columns(self.spec(), L, R)
        desc = next(col for col in cols if col.key == "desc")
        y = self.table_head(y, cols)
        order = ("prod", "rights", "costs") if self.sections else ("",)
        n = 0
        for section in order:
            chosen = [r for r in rows if r.section == section or not section]
            if not chosen:
                continue
            if section:
                y = self.section_head(self.room(y, 44, cols), section, chosen)
            for row in chosen:
                n += 1
                y = self.line(y, cols, desc, n, row)
            if section and self.section_sums:
                total = sum((r.item.total for r in chosen), Decimal(0))
                y += 13
                self.c.text(R - 230, y, f"Zwischensumme {self.section_name(section)}", 8.3, colour=GREY)
                self.c.text(R - 3, y, p.number(total), 8.3, align="right", colour=GREY)
                y += 4
        self.c.line(L, y, R, y, width=0.8)
        return y

    def section_name(self, section: str) -> str:
        if section == "prod":
            return "Gestaltung" if self.illustrator else "Produktion"
        return {"rights": "Nutzungsrechte", "costs": "Nebenkosten"}[section]

    def section_head(self, y: float, section: str, chosen: list[Row]) -> float:
        name = self.section_name(section)
        if not self.small:
            name += f" ({chosen[0].item.rate} % USt.)"
        y += 16
        self.c.text(self.LEFT + 3, y, name, 9, bold=True, colour=self.brand)
        return y + 2

    def line(self, y: float, cols: list[Col], desc: Col, n: int, row: Row) -> float:
        p, item = self.p, row.item
        lines = self.c.wrap(item.description, desc.width, 8.6)
        notes = [sub for note in row.notes for sub in self.c.wrap(note, desc.width, 7.3)]
        y = self.room(y, 18 + 12 * len(lines) + 9 * len(notes), cols)
        c = self.c
        y += 13
        values = {
            "pos": str(n),
            "qty": quantity(item.quantity, p),
            "unit": item.unit,
            "price": p.number(item.unit_price),
            "rate": f"{item.rate} %",
            "total": p.number(item.total),
        }
        cells(c, cols, y, values, 8.6)
        for j, text in enumerate(lines):
            c.text(desc.anchor, y + 12 * j, text, 8.6)
        y += 12 * (len(lines) - 1)
        for note in notes:
            y += 9
            c.text(desc.anchor, y, note, 7.3, colour=GREY)
        y += 5
        c.line(self.LEFT, y, self.RIGHT, y, width=0.3, colour=RULE)
        return y

    def total_rows(self, lines: list[VatLine]) -> list[tuple[str, str, bool]]:
        p, rng = self.p, self.rng
        net = sum((v.base for v in lines), Decimal(0))
        tax = sum((v.amount for v in lines), Decimal(0))
        final = rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Gesamtbetrag brutto"))
        if self.small:
            rows = [(rng.choice(("Zwischensumme", "Summe der Positionen")), p.amount(net), False)]
            if self.vat_row:
                rows.append((rng.choice(("Umsatzsteuer 0 %", "USt. 0 %")), p.amount(Decimal(0)), False))
            return [*rows, ("Gesamtbetrag", p.amount(net), True)]
        ordered = sorted(lines, key=lambda v: -v.rate)
        if self.totals_style == "rows":
            rows = [(f"Netto {v.rate} %", p.amount(v.base), False) for v in ordered]
            rows.append(("Summe netto", p.amount(net), True))
            rows += [(f"zzgl. {v.rate} % USt.", p.amount(v.amount), False) for v in ordered]
            rows.append(("USt. gesamt", p.amount(tax), False))
        else:
            rows = [(rng.choice(("Summe netto", "Nettobetrag", "Zwischensumme netto")), p.amount(net), True)]
            rows += [(f"zzgl. {v.rate} % USt. auf {p.amount(v.base)}", p.amount(v.amount), False)
                     for v in ordered]  # fmt: skip
            rows.append((rng.choice(("Umsatzsteuer gesamt", "Summe USt.")), p.amount(tax), False))
        return [*rows, (final, p.amount(net + tax), True)]

    def totals(self, y: float, lines: list[VatLine]) -> tuple[float, Decimal]:
        p, R = self.p, self.RIGHT
        gross = sum((v.base + v.amount for v in lines), Decimal(0))
        x = R - 255
        table = self.totals_style == "table" and not self.small
        if table:
            rows = [(self.rng.choice(("Gesamtbetrag", "Rechnungsbetrag")), p.amount(gross), True)]
        else:
            rows = self.total_rows(lines)
        y = self.room(y, 15 * len(rows) + (70 if table else 0) + (34 if self.deposit else 0) + 10)
        c = self.c
        if table:
            heads = ("USt.-Satz", "Netto", "USt.", "Brutto")
            y = rate_summary(c, p, lines, heads, {}, "Summe", x, R, y + 12, 8.6) + 6
        y = summary_rows(c, rows, x, R, y + 2, 9, shade=len(rows) - 1)
        if self.deposit:
            paid = round_cent(gross * Decimal(self.rng.choice((30, 40, 50))) / 100)
            when = self.quoted + dt.timedelta(days=self.rng.randint(2, 6))
            more = [(f"abzgl. Anzahlung vom {p.date(when)}", p.amount(-paid), False),
                    (self.rng.choice(("Restbetrag", "Noch zu zahlen")), p.amount(gross - paid), True)]  # fmt: skip
            y = summary_rows(c, more, x, R, y + 2, 9)
        return y + 8, gross

    def closing(self, y: float) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        texts: list[tuple[str, bool]] = []
        if self.small:
            texts.append((rng.choice(_SMALL), True))
        days = (d.due_date - d.date).days
        texts.append(
            (
                rng.choice(
                    (
                        f"Bitte überweisen Sie den Rechnungsbetrag innerhalb von {days} Tagen ohne Abzug auf "
                        "das unten genannte Konto.",
                        f"Zahlbar bis zum {p.date(d.due_date)} ohne Abzug.",
                        f"Zahlungsziel: {days} Tage netto. Bitte geben Sie die Rechnungsnummer als "
                        "Verwendungszweck an.",
                    )
                ),
                False,
            )
        )
        texts.append(
            (
                rng.choice(
                    (
                        "Die Nutzungsrechte gehen erst mit vollständiger Bezahlung der Rechnung über.",
                        "Die Einräumung der Nutzungsrechte steht unter dem Vorbehalt der vollständigen Zahlung. "
                        "Es gelten meine Allgemeinen Geschäftsbedingungen.",
                    )
                ),
                False,
            )
        )
        if self.ksk:
            texts.append((rng.choice(_KSK), False))
        if not self.small and rng.random() < 0.3:
            texts.append(("Die Nutzungsrechte unterliegen dem ermäßigten Steuersatz gem. § 12 Abs. 2 Nr. 7c UStG.",
                          False))  # fmt: skip
        signed = rng.random() < 0.5
        height = sum(4 + 11.2 * len(c.wrap(text, R - L, 8.3, bold)) for text, bold in texts) + 8
        y = self.room(y, height + (34 if signed else 0))
        c = self.c
        y += 4
        for text, bold in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8.3, bold=bold)
        if signed:
            y += 8
            c.text(L, y, "Mit freundlichen Grüßen", 9)
            c.text(L, y + 24, self.person, 9.5, bold=False)
            y += 26
        return y

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        first = [self.studio(), *([f"Inh. {self.person}"] if self.brand_name else []), s.street, s.city_line]
        ids = [f"{self.rng.choice(('Steuernummer', 'St.-Nr.', 'Steuer-Nr.'))} {d.tax_no}"]
        self.tax["steuernummer"] = d.tax_no
        if self.own_vat:
            ids.append(f"USt-IdNr. {d.vat_id_printed}")
            self.tax["ust_id"] = d.vat_id
        ids.append(f"Finanzamt {s.city}")
        bank = [bank_name_de(d), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        footer_columns(self.c, [first, ids, bank], self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        rows = self.rows()
        items = [r.item for r in rows]
        lines = vat_breakdown(items)
        y = self.references(self.header())
        y = self.table(y, rows)
        y, _ = self.totals(y, lines)
        y = self.closing(y)
        assert y < self.limit + 6, "fotograf_nutzungsrechte: page overflow"
        pages = self.close_pages(False)
        single = self.days == 1 or (self.illustrator and self.delivery_printed)
        if single:
            self.data = dataclasses.replace(
                self.data, service_date=self.shot if self.days else self.delivered
            )
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=single,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
            vat_printed=not self.small or self.vat_row,
            bic_printed=self.with_bic,
        )


def bank_name_de(data: InvoiceData) -> str:
    iban = data.iban
    return iban.bank_name if len(iban.bank_name) <= 40 else iban.bank_short_name


# ---------------------------------------------------------------------------
# zzp_factuur_nl

_ZZP_PEOPLE = ("Sanne de Vries", "Bram van Dijk", "Fleur Janssen", "Daan Bakker", "Noor Visser", "Thijs Smit",
               "Lotte Meijer", "Jasper de Boer", "Eva van Leeuwen", "Ruben Mulder")  # fmt: skip
# Trades: (trade names, Dutch line, English line, the work: (Dutch, English, unit nl, unit en, lo, hi,
# quantities)).
Work = tuple[str, str, str, str, float, float, tuple[float, ...]]
_ZZP_TRADES: dict[str, tuple[tuple[str, ...], str, str, tuple[Work, ...]]] = {
    "dev": (
        ("{surname} Webdevelopment", "Grachtcode", "Polderstack"),
        "Freelance webdeveloper",
        "Freelance web developer",
        (
            (
                "Frontend-ontwikkeling campagnesite",
                "Frontend development campaign site",
                "uur",
                "hours",
                75,
                105,
                (16, 24, 32, 40, 56),
            ),
            (
                "Ontwikkeling CMS-koppeling",
                "CMS integration development",
                "uur",
                "hours",
                75,
                105,
                (8, 12, 20),
            ),
            ("Code review en overdracht", "Code review and handover", "uur", "hours", 75, 105, (2, 3, 4, 6)),
            (
                "Overleg en projectmanagement",
                "Calls and project management",
                "uur",
                "hours",
                65,
                95,
                (1.5, 2, 3, 4.5),
            ),
        ),
    ),
    "design": (
        ("Studio {surname}", "Pixelpolder", "Kade Creatief"),
        "Grafisch ontwerp & UX",
        "Graphic & UX design",
        (
            ("UX-ontwerp app-schermen", "UX design app screens", "uur", "hours", 70, 95, (12, 18, 24, 30)),
            ("Ontwerp campagnebeelden", "Campaign visuals design", "uur", "hours", 65, 90, (8, 10, 16)),
            ("Dagtarief ontwerp op locatie", "Day rate design on site", "dag", "days", 560, 760, (1, 2, 3)),
            ("Correctierondes", "Correction rounds", "uur", "hours", 65, 90, (2, 3, 4)),
        ),
    ),
    "copy": (
        ("{surname} Tekst & Vertaling", "Woordwerk", "Taalkade"),
        "Vertaling DE-NL & copywriting",
        "Translation DE>NL & copywriting",
        (
            (
                "Vertaling websiteteksten DE-NL",
                "Translation website copy DE>NL",
                "woorden",
                "words",
                0.09,
                0.16,
                (2400, 3800, 5200, 7600),
            ),
            ("Copywriting campagne (NL)", "Copywriting campaign (Dutch)", "uur", "hours", 60, 85, (6, 8, 12)),
            ("Eindredactie en proeflezen", "Editing and proofreading", "uur", "hours", 55, 75, (2, 3, 4)),
        ),
    ),
    "video": (
        ("{surname} Film", "Beeldbrug Producties", "Montagekamer"),
        "Videomontage & motion design",
        "Video editing & motion design",
        (
            (
                "Videomontage campagnefilm",
                "Video editing campaign film",
                "uur",
                "hours",
                65,
                95,
                (12, 20, 28),
            ),
            ("Motion design intro/outro", "Motion design intro/outro", "stuk", "flat", 350, 900, (1,)),
            ("Kleurcorrectie en audiomix", "Colour grading and audio mix", "uur", "hours", 65, 95, (4, 6, 8)),
        ),
    ),
    "interieur": (
        ("Studio {surname} Interieur", "Ruimtewerk", "Binnenkant Ontwerp"),
        "Interieur- en winkelontwerp",
        "Interior & retail design",
        (
            (
                "Ruimtelijk ontwerp pop-up store {site}",
                "Spatial design pop-up store {site}",
                "uur",
                "hours",
                70,
                95,
                (16, 24, 32),
            ),
            (
                "Technische tekeningen winkelinrichting {site}",
                "Technical drawings shop fit-out {site}",
                "stuk",
                "flat",
                650,
                1600,
                (1,),
            ),
            (
                "Begeleiding opbouw op locatie {site}",
                "Supervision of the build on site {site}",
                "uur",
                "hours",
                70,
                95,
                (6, 8, 12),
            ),
        ),
    ),
}
_NL_SITES = ("Kalverstraat 92, Amsterdam", "Lijnbaan 41, Rotterdam", "Oudegracht 150, Utrecht",
             "Grote Markt 12, Groningen", "Demer 23, Eindhoven")  # fmt: skip
_NL_BANKS = ("INGB", "INGB", "RABO", "ABNA", "KNAB", "BUNQ", "TRIO", "SNSB")
_REVERSE_NL = (
    "BTW verlegd naar afnemer (art. 196 Btw-richtlijn 2006/112/EG).",
    "Btw verlegd. De btw wordt verlegd naar de afnemer.",
    "BTW verlegd – intracommunautaire dienst, art. 44 en 196 Btw-richtlijn.",
)
_REVERSE_EN = (
    "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Council Directive 2006/112/EC).",
    "VAT reverse charged to the customer – intra-Community supply of services.",
    "Reverse charge / Steuerschuldnerschaft des Leistungsempfängers.",
)
_NL_WORDS = {
    "title": ("Factuur", "FACTUUR"),
    "number": ("Factuurnummer", "Factuurnr."),
    "date": ("Factuurdatum", "Datum"),
    "due": ("Vervaldatum", "Te betalen vóór"),
    "client": ("Klantnummer",),
    "ref": ("Uw referentie", "PO-nummer", "Uw ordernummer"),
    "to": ("Factuur aan", "Aan"),
    "period": ("Periode",),
    "delivered": ("Leverdatum", "Datum levering"),
    "desc": ("Omschrijving",),
    "qty": ("Aantal", "Uren"),
    "price": ("Tarief", "Uurtarief", "Prijs"),
    "amount": ("Bedrag", "Totaal"),
    "sub": ("Subtotaal", "Totaal excl. btw"),
    "total": ("Totaal", "Te betalen", "Totaal te betalen", "Totaal incl. btw"),
    "vatid": ("BTW-id", "Btw-id", "BTW-nummer", "Btw-identificatienummer"),
    "client_vat": ("Btw-nummer afnemer", "BTW-id klant", "USt-IdNr."),
}
_EN_WORDS = {
    "title": ("Invoice", "INVOICE"),
    "number": ("Invoice number", "Invoice no."),
    "date": ("Invoice date", "Date"),
    "due": ("Due date", "Payment due"),
    "client": ("Customer no.",),
    "ref": ("Your reference", "PO number"),
    "to": ("Bill to", "Invoice to"),
    "period": ("Period",),
    "delivered": ("Delivery date",),
    "desc": ("Description",),
    "qty": ("Qty", "Hours"),
    "price": ("Rate", "Unit price"),
    "amount": ("Amount",),
    "sub": ("Subtotal",),
    "total": ("Total", "Amount due", "Total due"),
    "vatid": ("VAT number", "VAT ID", "BTW-id"),
    "client_vat": ("Customer VAT ID", "VAT ID customer"),
}


def nl_btw_id(rng: random.Random) -> str:
    """A sole trader's btw-identificatienummer (since 2020): NL, nine digits, B, two digits, valid mod 97 over
    the whole (and, unlike the older btw-nummer, no citizen service number inside)."""
    while True:
        body = "00" + _digits(rng, 5)
        suffix = f"B{rng.choice((1, 1, 1, 2, 3, 4, 7, 12, 24, 36, 45, 51, 68, 79, 83, 96)):02d}"
        for check in range(100):
            number = f"NL{body}{check:02d}{suffix}"
            if mod_97_10.is_valid(number) and not bsn.is_valid(number[2:11]):
                assert nl_vat.is_valid(number), number
                return number


class ZzpFactuurNl(FirstSheet):
    """A Dutch freelancer's invoice to a German agency: reverse charge, or 21 % for work on Dutch property."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    IDS = "vat"
    GROUPED = 0.7
    FOOT = A4.height - 64

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.dutch_vat = rng.random() < 0.25
        self.trade = "interieur" if self.dutch_vat else rng.choice(("dev", "dev", "design", "copy", "video"))
        self.english = rng.random() < 0.4
        self.person = rng.choice(_ZZP_PEOPLE)
        names = _ZZP_TRADES[self.trade][0]
        surname = " ".join(self.person.split()[1:])
        self.trade_name = rng.choice(names).format(surname=surname[0].upper() + surname[1:]) if (
            rng.random() < 0.75) else ""  # fmt: skip
        self.seller = nl_address(rng, (self.person,))
        day = years_from(rng, data.date, 2020, 2025)  # the btw-identificatienummer of sole traders since 2020
        n = rng.randint(1, 180)
        number = rng.choice(
            (
                f"{day.year}-{n:03d}",
                f"F{day.year}-{n:03d}",
                f"INV-{day.year}{n:04d}",
                f"{day.year}.{n:03d}",
                f"{day.year}{n:04d}",
            )  # fmt: skip
        )
        self.kvk = str(rng.randint(50000000, 99999999))
        bank = rng.choice(_NL_BANKS)
        short = (self.trade_name.split()[0] if self.trade_name else self.person.replace(" ", "")).lower()
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 14, 30))),
            customer_no=f"{rng.randint(1, 60):03d}" if rng.random() < 0.25 else "",
            order_no=rng.choice(
                (
                    f"PO-{day.year}-{rng.randint(10, 999):03d}",
                    f"45{_digits(rng, 8)}",
                    f"JOB {rng.randint(1000, 9999)}",
                )
            )
            if rng.random() < 0.4
            else "",  # fmt: skip
            supplier=self.seller.party,
            customer=agency(
                rng,
                data.customer,
                ("t.a.v. Finance", "Attn. Accounts Payable", "z. Hd. Frau Roth", "t.a.v. mevrouw Jansen", ""),
            ),  # fmt: skip
            phone=rng.choice((f"06-{_digits(rng, 8)}", f"+31 6 {_digits(rng, 4)} {_digits(rng, 4)}")),
            email=f"{rng.choice(('hallo', 'info', 'facturen', self.person.split()[0].lower()))}@{short}.nl",
            vat_id=nl_btw_id(rng),
            tax_no="",
            iban=iban_of(rng, "NL", (bank,), 10),
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        self.dates: DateStyle = (
            rng.choice(("nl_dash", "nl_dash", "nl_long"))
            if not self.english
            else rng.choice(("en_long", "nl_dash"))
        )
        if self.english:
            self.p = Printer("en", rng.choice(("sign_tight", "sign_before")), self.dates)
        else:
            self.p = Printer("de", rng.choice(("sign_before", "sign_before", "sign_tight", "code_before")),
                             self.dates)  # fmt: skip
        self.words = _EN_WORDS if self.english else _NL_WORDS
        self.layout = rng.choice(("modern", "block", "band"))
        self.brand = rng.choice(MORE_BRANDS)
        self.client_vat = _vat_id(rng) if not self.dutch_vat or rng.random() < 0.4 else ""
        self.vat_row = self.dutch_vat or rng.random() < 0.55
        self.vat_column = rng.random() < 0.35
        self.site = rng.choice(_NL_SITES)
        self.weekly = self.trade == "dev" and rng.random() < 0.4
        self.timesheet = self.trade in ("dev", "design", "video") and rng.random() < 0.25
        self.delivered_printed = self.trade in ("copy", "design", "video") and rng.random() < 0.35
        self.delivered = day - dt.timedelta(days=rng.randint(1, 10))
        self.period = self.period_of(day)

    def word(self, key: str) -> str:
        return self.rng.choice(self.words[key])

    def period_of(self, day: dt.date) -> tuple[dt.date, dt.date]:
        last = day.replace(day=1) - dt.timedelta(days=1)
        if self.rng.random() < 0.6:
            return last.replace(day=1), last
        start = day - dt.timedelta(days=self.rng.randint(20, 40))
        return start, day - dt.timedelta(days=self.rng.randint(1, 5))

    # -- the lines

    @property
    def rate(self) -> int:
        return 21 if self.dutch_vat else 0

    def lines(self) -> list[LineItem]:
        rng = self.rng
        works = _ZZP_TRADES[self.trade][3]
        if self.weekly:
            return self.weeks(works[0])
        items = []
        picked = [works[0], *rng.sample(works[1:], rng.randint(0, min(2, len(works) - 1)))]
        for nl, en, unit_nl, unit_en, lo, hi, quantities in picked:
            step = Decimal("0.01") if hi < 1 else Decimal(5)
            price = (Decimal(str(rng.uniform(lo, hi))) / step).quantize(Decimal(1)) * step
            text = (en if self.english else nl).format(site=self.site)
            qty = Decimal(str(rng.choice(quantities)))
            items.append(
                LineItem(text, "", qty, unit_en if self.english else unit_nl, round_cent(price), self.rate)
            )
        return items + self.travel()

    def weeks(self, work: Work) -> list[LineItem]:
        rng = self.rng
        start = self.period[0]
        price = Decimal(rng.randrange(75, 110, 5))
        items = []
        for k in range(rng.randint(2, 4)):
            monday = start + dt.timedelta(days=7 * k - start.weekday())
            week = monday.isocalendar()[1]
            task = rng.choice(("checkout", "landingspagina", "API-koppeling", "bugfixes", "performance"))
            text = (
                f"Week {week}: ontwikkeling {task}"
                if not self.english
                else f"Week {week}: development {task}"
            )
            hours = Decimal(rng.randint(12, 40))
            items.append(LineItem(text, "", hours, "uur" if not self.english else "hours", price, self.rate))
        return items + self.travel()

    def travel(self) -> list[LineItem]:
        rng = self.rng
        if rng.random() < 0.6:
            return []
        if rng.random() < 0.5:
            text = "Reiskosten Amsterdam – Hamburg v.v. (trein)" if not self.english else (
                "Travel Amsterdam – Hamburg return (train)")  # fmt: skip
            return [LineItem(text, "", Decimal(1), "stuk" if not self.english else "flat",
                             round_cent(Decimal(str(rng.uniform(89, 219)))), self.rate)]  # fmt: skip
        text = "Kilometervergoeding" if not self.english else "Mileage"
        return [LineItem(text, "", Decimal(rng.randint(40, 620)), "km", Decimal("0.23"), self.rate)]

    # -- the page

    def own_name(self) -> str:
        return self.trade_name or self.person

    def seller_lines(self) -> list[str]:
        d, s = self.data, self.seller
        lines = [self.person] if self.trade_name else []
        lines += [*s.lines, "Nederland" if not self.english else "The Netherlands", d.email, d.phone]
        return lines

    def id_lines(self) -> list[str]:
        d = self.data
        self.tax["ust_id"] = d.vat_id
        return [f"KvK-nummer {self.kvk}" if not self.english else f"KvK (Chamber of Commerce) {self.kvk}",
                f"{self.word('vatid')} {d.vat_id}"]  # fmt: skip

    def customer_lines(self) -> list[str]:
        r = self.data.customer
        country = "Germany" if self.english else self.rng.choice(("Duitsland", "DUITSLAND", "Deutschland"))
        lines = [r.name, r.contact, r.street, f"{r.plz} {r.city}", country]
        if self.client_vat:
            lines.append(f"{self.word('client_vat')}: {self.client_vat}")
        return [line for line in lines if line]

    def info_rows(self) -> list[tuple[str, str]]:
        d, p = self.data, self.p
        rows = [(self.word("number"), d.number), (self.word("date"), p.date(d.date)),
                (self.word("due"), p.date(d.due_date))]  # fmt: skip
        if d.customer_no:
            rows.append((self.word("client"), d.customer_no))
        if d.order_no:
            rows.append((self.word("ref"), d.order_no))
        if self.delivered_printed:
            rows.append((self.word("delivered"), p.date(self.delivered)))
        else:
            until = "t/m" if not self.english else "–"
            rows.append((self.word("period"), f"{p.date(self.period[0])} {until} {p.date(self.period[1])}"))
        return rows

    def block(self, x: float, y: float, lines: list[str], size: float, *, first_bold: bool = True) -> float:
        for i, line in enumerate(lines):
            self.c.fit_text(x, y, line, size, 235, bold=first_bold and i == 0)
            y += size * 1.35
        return y

    def header(self) -> float:
        c, L, R, rng = self.c, self.LEFT, self.RIGHT, self.rng
        trade_line = _ZZP_TRADES[self.trade][2 if self.english else 1]
        title = self.word("title")
        if self.layout == "modern":
            c.text(L, 70, title, 26, bold=True, colour=self.brand)
            logo(
                c,
                rng.choice(("circle", "square", "diamond")),
                R - 34,
                40,
                34,
                self.brand,
                initials(self.own_name()),
            )
            c.fit_text(R - 42, 54, self.own_name(), 12, 220, bold=True, align="right")
            c.fit_text(R - 42, 66, trade_line, 8, 220, align="right", colour=GREY)
            y0 = 112
            c.text(L, y0, self.word("to").upper(), 7.5, bold=True, colour=GREY)
            y1 = self.block(L, y0 + 14, self.customer_lines(), 9)
            c.text(320, y0, ("Van" if not self.english else "From").upper(), 7.5, bold=True, colour=GREY)
            y2 = self.block(320, y0 + 14, [self.own_name(), *self.seller_lines()], 8.6)
            y = max(y1, y2) + 8
            return label_rows(c, self.info_rows(), L, L + 120, y + 6, 9, 13, label_colour=GREY) + 6
        if self.layout == "block":
            y = self.block(L, 48, [self.own_name(), *self.seller_lines(), *self.id_lines()], 8.4)
            c.fit_text(R, 56, trade_line, 8.5, 200, align="right", colour=GREY)
            yc = self.block(L, max(y + 18, 170), self.customer_lines(), 9.5)
            top = label_rows(c, self.info_rows(), 300, R, max(y + 18, 170), 8.8, 13, value_align="right",
                             label_colour=GREY)  # fmt: skip
            y = max(yc, top) + 10
            c.text(L, y + 8, title.upper(), 17, bold=True)
            return y + 24
        c.box(0, 0, c.width, 86, fill=self.brand, stroke=None)
        c.fit_text(L, 44, self.own_name(), 18, 300, bold=True, colour=WHITE)
        c.fit_text(L, 60, trade_line, 8.5, 300, colour=WHITE)
        c.text(R, 48, title.upper(), 20, bold=True, align="right", colour=WHITE)
        y = self.block(L, 112, self.customer_lines(), 9.5)
        ys = 112.0
        for line in [*self.seller_lines()]:
            c.fit_text(R, ys, line, 8.2, 200, align="right", colour=GREY)
            ys += 11
        y = max(y, ys) + 8
        rows = self.info_rows()
        width = (self.RIGHT - L) / len(rows)
        c.box(L, y, R, y + 30, fill=PALE, stroke=RULE, width=0.5)
        for i, (label, value) in enumerate(rows):
            c.fit_text(L + i * width + 5, y + 11, label, 7, width - 10, colour=GREY)
            c.fit_text(L + i * width + 5, y + 24, value, 9, width - 10, bold=i == 0)
        return y + 44

    def table(self, y: float, items: list[LineItem]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        hourly = all(item.unit in ("uur", "hours") for item in items)
        spec: list[tuple[str, str, float, Align]] = [("desc", self.word("desc"), 0, "left"),
                ("qty", (("Uren" if not self.english else "Hours") if hourly else self.words["qty"][0]), 52, "right"),
                ("price", self.word("price"), 72, "right")]  # fmt: skip
        if not hourly:
            spec.insert(2, ("unit", "Eenheid" if not self.english else "Unit", 52, "left"))
        if self.vat_column:
            spec.append(("vat", "BTW" if not self.english else "VAT", 52, "right"))
        spec.append(("amount", self.word("amount"), 80, "right"))
        cols = columns(spec, L, R)
        desc = cols[0]
        c.line(L, y, R, y, width=0.8, colour=self.brand)
        cells(c, cols, y + 12, {col.key: col.head for col in cols}, 8.4, bold=True)
        y += 17
        c.line(L, y, R, y, width=0.4, colour=GREY)
        vat_cell = f"{self.rate}%" if self.dutch_vat else self.rng.choice(("verlegd", "0%") if not self.english
                                                                           else ("RC", "0%"))  # fmt: skip
        for item in items:
            lines = c.wrap(item.description, desc.width, 8.8)
            y += 14
            cells(c, cols, y, {"qty": self.qty(item.quantity), "unit": item.unit, "price": p.amount(item.unit_price),
                               "vat": vat_cell, "amount": p.amount(item.total)}, 8.8)  # fmt: skip
            for j, text in enumerate(lines):
                c.text(desc.anchor, y + 12 * j, text, 8.8)
            y += 12 * (len(lines) - 1) + 6
            c.line(L, y, R, y, width=0.3, colour=RULE)
        return y

    def qty(self, value: Decimal) -> str:
        if value == value.to_integral():
            text = f"{int(value):,}"
            return text if self.english else text.replace(",", ".")
        text = f"{value.normalize():f}"
        return text if self.english else text.replace(".", ",")

    def totals(self, y: float, vat: VatLine) -> float:
        c, p, R, rng = self.c, self.p, self.RIGHT, self.rng
        gross = vat.base + vat.amount
        rows: list[tuple[str, str, bool]] = [(self.word("sub"), p.amount(vat.base), False)]
        if self.dutch_vat:
            rows.append((f"{'BTW' if not self.english else 'VAT'} 21%" if rng.random() < 0.5 else
                         f"{'BTW' if not self.english else 'VAT'} 21 %", p.amount(vat.amount), False))  # fmt: skip
        elif self.vat_row:
            label = rng.choice(("BTW 0%", "BTW verlegd", "BTW 0% (verlegd)") if not self.english
                               else ("VAT 0% (reverse charge)", "VAT reverse charged"))  # fmt: skip
            rows.append((label, p.amount(Decimal(0)), False))
        rows.append((self.word("total"), p.amount(gross), True))
        y = summary_rows(
            c, rows, R - 240, R, y + 4, 9.5, shade=len(rows) - 1 if self.layout != "block" else None
        )
        if not self.dutch_vat:
            y += 16
            note = rng.choice(_REVERSE_EN if self.english else _REVERSE_NL)
            c.fit_text(R, y, note, 8.2, R - self.LEFT, align="right", bold=True)
        return y + 6

    def payment(self, y: float, gross: Decimal) -> float:
        c, d, p, L, R = self.c, self.data, self.p, self.LEFT, self.RIGHT
        days = (d.due_date - d.date).days
        holder = self.own_name() if self.trade_name and self.rng.random() < 0.5 else self.person
        if self.english:
            text = (f"Payment term {days} days. Please transfer {p.amount(gross)} before {p.date(d.due_date)} to "
                    f"IBAN {self.iban} (BIC {d.iban.bic}) in the name of {holder}, stating invoice number "
                    f"{d.number}.")  # fmt: skip
        else:
            text = (f"Betaaltermijn {days} dagen. Gelieve het totaalbedrag van {p.amount(gross)} vóór "
                    f"{p.date(d.due_date)} over te maken op {self.iban} (BIC {d.iban.bic}) t.n.v. {holder} o.v.v. "
                    f"factuurnummer {d.number}.")  # fmt: skip
        y = c.paragraph(L, y + 14, text, R - L, 8.6)
        if self.rng.random() < 0.5:
            thanks = (
                "Bedankt voor de prettige samenwerking!"
                if not self.english
                else "Thank you for your business!"
            )
            y = c.paragraph(L, y + 6, thanks, R - L, 8.6, bold=True)
        return y

    def footer(self) -> None:
        d = self.data
        ids = self.id_lines()
        bank = [bank_name(d.iban), f"IBAN {self.iban}", f"BIC {d.iban.bic}"]
        if self.layout == "block":
            c = self.c
            c.line(self.LEFT, self.FOOT, self.RIGHT, self.FOOT, width=0.4, colour=GREY)
            line = f"{self.own_name()} · {' · '.join(bank[1:])}"
            c.fit_text(
                c.width / 2, self.FOOT + 14, line, 7.2, self.RIGHT - self.LEFT, align="center", colour=GREY
            )
            return
        first = [self.own_name(), *self.seller.lines, d.email]
        footer_columns(self.c, [first, [*ids, d.phone], bank], self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def timesheet_page(self, items: list[LineItem]) -> None:
        y = self.next_page()
        c, p, L, R, rng = self.c, self.p, self.LEFT, self.RIGHT, self.rng
        c.text(L, y, "Urenspecificatie" if not self.english else "Timesheet", 14, bold=True)
        y += 16
        c.text(
            L, y, f"{self.word('period')} {p.date(self.period[0])} – {p.date(self.period[1])}", 9, colour=GREY
        )
        y += 20
        cols = columns([("day", "Datum" if not self.english else "Date", 90, "left"),
                        ("task", "Werkzaamheden" if not self.english else "Work", 0, "left"),
                        ("hours", "Uren" if not self.english else "Hours", 60, "right")], L, R)  # fmt: skip
        c.box(L, y, R, y + 15, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8, bold=True)
        y += 15
        hours = [item for item in items if item.unit in ("uur", "hours")]
        day, total = self.period[0], Decimal(0)
        for item in hours:
            left = item.quantity
            while left > 0 and y < self.limit - 40:
                while day.weekday() > 4:
                    day += dt.timedelta(days=1)
                h = min(left, Decimal(rng.choice((4, 5, 6, 7, 8, 8, 8))))
                y += 12
                cells(c, cols, y, {"day": p.date(day), "task": item.description, "hours": self.qty(h)}, 8)
                left -= h
                total += h
                day += dt.timedelta(days=1)
        y += 16
        c.line(L, y - 11, R, y - 11, width=0.5)
        cells(c, cols, y, {"task": "Totaal" if not self.english else "Total", "hours": self.qty(total)}, 8.5,
              bold=True)  # fmt: skip

    def draw(self) -> TripDrawing:
        items = self.lines()
        (vat,) = vat_breakdown(items)
        y = self.table(self.header(), items)
        y = self.totals(y, vat)
        y = self.payment(y, vat.base + vat.amount)
        assert y < self.limit + 6, "zzp_factuur_nl: page overflow"
        if self.timesheet and any(item.unit in ("uur", "hours") for item in items):
            self.timesheet_page(items)
        pages = self.close_pages(self.rng.random() < 0.3)
        if self.delivered_printed:
            self.data = dataclasses.replace(self.data, service_date=self.delivered)
        return self.finish(
            items,
            "Factuur" if not self.english else "Invoice",
            pages=pages,
            service_date=self.delivered_printed,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
            vat_printed=self.vat_row,
        )

    def page_label(self, page: int, pages: int) -> str:
        return f"Pagina {page} van {pages}" if not self.english else f"Page {page} of {pages}"

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, self.own_name(), 9, bold=True)
        c.text(self.RIGHT, 50, f"{self.words['title'][0]} {d.number}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP


# ---------------------------------------------------------------------------
# Registry

FOTO_FAMILIES: dict[str, type[TripSheet]] = {
    "fotograf_nutzungsrechte": FotografNutzungsrechte,
    "zzp_factuur_nl": ZzpFactuurNl,
}


def draw_foto(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(FOTO_FAMILIES[name], name, seed)
