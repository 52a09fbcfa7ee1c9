"""Two invoice layout families of a freelance graphic and web designer under the small-business rule and of a
veterinary practice billing under the GOT, designed blind (session 19).

Like `families_miete`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_person(name, seed)`. Both draw on `RentalLook` of `families_getraenk` (the `DienstSheet` of
`families_dienst`: table heads, totals and paragraphs whose look varies per seed), the vet's through
`HandelLook` of `families_handel` (letterheads and detail blocks too), and return a `TripDrawing` (truth keys
only for values printed).

- `grafik_kleinunternehmer`: a freelance graphic or web designer, a natural person without a legal form (first
  and last name; on some seeds a trading name beside it, "Studio Formfrei – Lena Hofer" on one line or the
  trading name large with "Lena Hofer · Grafikdesign" under it), in Germany or (about a third of the seeds) in
  Austria, a small business exempt from VAT: "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet." and its
  variants in Germany, "Umsatzsteuerbefreit – Kleinunternehmer gemäß § 6 Abs. 1 Z 27 UStG" and its variants in
  Austria, under the totals or as a line of the footer. The customer a company with its legal form (GmbH, AG,
  KG, GmbH & Co. KG, OHG, UG (haftungsbeschränkt); in Austria GmbH, AG, OG, KG, e.U.), "z. Hd. Frau …" / "z.
  H. Herrn …" or a department on some seeds. The work of one of three kinds of project: a logo and business
  stationery (flat fees for drafts, the worked-out logo, the final artwork, business card and letterhead, a
  styleguide; extra correction rounds by the hour; a font licence passed on), print (a brochure per page, a
  flyer, a poster, image editing and typesetting by the hour, adverts per piece, print data, stock photo
  licences) or a website (wireframes and WordPress work by the hour, the start page as a flat fee, sub-pages
  per piece, hosting set-up, an introduction by video call); on some print and web seeds only hours, listed
  per working day with a date column ("Tätigkeit", "Std.", "Satz"). The hourly rate 45 to 95 €. Head: the
  invoice number (freelancer style: "2024-017", "RE-2024-017", "LH-24-017", "17/2024") and date, the project
  ("Projekt: Relaunch Website"), the offer it refers to ("lt. Angebot Nr. A-2024-006 vom …") on some seeds, a
  customer number on some, the customer's order number ("Ihre Bestellnummer", "PO-Nummer") on some, and the
  service date: a single "Leistungsdatum" (the delivery of the final files), a "Leistungszeitraum" (a range or
  a month) or "Das Leistungsdatum entspricht dem Rechnungsdatum." Three head layouts (label rows beside the
  window, a letter with "Leipzig, 14. März 2024" at the right above "Rechnung Nr. …" and its references, or
  label-above-value pairs across the page), four letterheads (the name alone in large type with a contact line
  under it, a right-hand sender column, a centred name over a rule, an accent bar), the sender line above the
  address window on some seeds, a salutation and a first-person sentence ("erlaube ich mir …") on some. Totals
  without any VAT line: "Gesamtbetrag" / "Rechnungsbetrag" / "Zu zahlender Betrag" alone or under a
  "Zwischensumme" / "Summe der Positionen" / "Summe"; on some seeds an invoicing app's "USt. 0 %" /
  "Umsatzsteuer 0 %" row with 0,00. Payment within 7 to 30 days by transfer to the person's IBAN (German or
  Austrian, BIC on most seeds, "Kontoinhaberin: Lena Hofer" on some), in the footer (columns or centred lines)
  or in a bank paragraph of the closing text; the rights passing on full payment, the Künstlersozialabgabe
  hint on some German seeds, a greeting and the name on some. The person's tax number: in Germany the
  Steuernummer on every seed (the USt-IdNr. too on a few: a small business may hold one); in Austria the UID
  (ATU…) on every seed (an Austrian small business receives one for the services it buys from abroad), the
  Austrian Steuernummer ("Steuernummer 12 345/6789") beside it on some seeds. Truth: the usual keys;
  `lieferant` the person's name (decided: the legal seller is the person; a trading name is no legal name, and
  the person's name stands on every seed, in the letterhead, the sender line or the footer); `steuernummer`
  the German one (an Austrian Steuernummer is not one in the truth's format: left out, as `rechnung_at` and
  `uebersetzung_normzeilen` keep only the UID of an Austrian seller); `ust_id` the ATU number on Austrian
  seeds and the USt-IdNr. where a German seed prints one; netto = brutto, every item at 0 %; `mwst` 0.0 only
  on the seeds that print the 0 % row, left out on the others (as in `fotograf_nutzungsrechte`);
  `leistungsdatum` only for the single date under its label; `kundennummer` and `bestellnummer` where printed;
  `bic` where printed. Dates keep out of the second half of 2020 (the Austrian ones out of July 2020 to
  December 2021).
- `tierarzt_got`: a veterinary practice's invoice to a business that keeps animals, under the GOT
  (Gebührenordnung für Tierärzte of 22 November 2022; invoice dates from 2023 on): the practice a vet in
  person ("Tierarztpraxis Dr. med. vet. Anna Keller", "Pferdepraxis …", "Großtierpraxis …", "Tierärztliche
  Praxis am Lindenhof" with the vet under it), a partnership ("… PartG mbB") or a clinic ("Tierklinik Am
  Stadtwald GmbH", "Pferdeklinik Elbmarsch GmbH"); the customer a riding stable or stud (horses and ponies), a
  farm (cattle) or a dog-training or guard-dog company (dogs), each with its legal form. Items with the GOT
  number, the service, the fee factor ("2-fach", "2,0-fach", "2,0" or "2x" by seed, 1 to 3), the quantity, on
  some seeds the simple fee ("Einfachsatz") and the amount (the simple fee × the factor × the quantity; GOT
  numbers and simple fees modelled on the GOT of 2022, not copied from its schedule), per animal ("Pferd
  „Donner“, Wallach, 9 J.", "Hund „Aika“, Malinois, Hündin, 3 J.", "Kuh Nr. 412, Ohrmarke DE 01 234 56789",
  "Kälber, 5 Tiere") and per treatment date: group headings per animal with a date column, a date and an
  animal column with the patients listed above the table, or group headings per treatment day and animal.
  Medicines and materials without GOT number or factor (vaccines, sedatives, anaesthetics, dressings, a
  transponder), the withdrawal periods of drugs for food-producing animals as grey notes, a lab's costs passed
  on; on stable and farm seeds most often a visit fee ("Besuchsgebühr") and mileage per visit day ("Wegegeld
  gem. § 10 GOT", 3,50 € per double kilometre, at least 13,00 €, shared between the owners of a stable on some
  seeds). All at 19 % (vets charge VAT on fees, drugs and mileage alike): net, "zzgl. 19 % MwSt.", total, with
  subtotals for fees, drugs and visits on some seeds. Head: invoice number and date, the customer number on
  most seeds, the treating vet on some, the treatment period or a month's billing period ("Abrechnungszeitraum
  März 2024", the stable's monthly invoice) on some. Paid by transfer within a term (or by a due date) on most
  seeds; on some paid on the spot: "Betrag dankend erhalten (EC-Karte)" with the card slip (terminal, receipt
  and trace numbers, time), on some of these a "bezahlt" row and "Offener Betrag 0,00 €" under the totals, the
  practice's bank left out of the footer on some of them. Footer: address, the vet's title and the
  Tierärztekammer, the register (HRB, PR) and managing director of a clinic or partnership, Steuernummer
  and/or USt-IdNr., bank. Truth: the usual keys; `lieferant` the practice as its letterhead names it (as in
  `arzt_goae`); `kundennummer` where printed; no `leistungsdatum` (dates per item, never under a single
  service-date label) and no `bestellnummer`; `iban` / `bic` only where the practice's account is printed,
  `bic` where printed; with a card payment netto, mwst and brutto are still the invoice's, not the 0,00 left
  to pay.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_first import (
    _AT_BANKS,
    _AT_PLACES,
    AtPrinter,
    RechnungAt,
    at_day,
    at_uid_number,
    years_from,
)
from benchmarks.synth.families_getraenk import RentalLook, price_between
from benchmarks.synth.families_handel import HandelLook, workday
from benchmarks.synth.families_more import GREY, columns, draw_sheet, footer_columns, label_rows
from benchmarks.synth.families_objekt import calm, fax_of
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_umzug import Line
from benchmarks.synth.families_world import MORE_BRANDS, RULE, iban_of
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    _steuernummer,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import Printer

# ---------------------------------------------------------------------------
# grafik_kleinunternehmer

# Designers: (first name, last name, female).
_PEOPLE_DE = (
    ("Lena", "Hofer", True),
    ("Jonas", "Weißmann", False),
    ("Miriam", "Schäfer", True),
    ("Tobias", "Krüger", False),
    ("Aylin", "Demir", True),
    ("Paula", "Brenner", True),
    ("Felix", "Grünwald", False),
    ("Sophie", "Lindner", True),
    ("Malte", "Jürgensen", False),
    ("Clara", "Böttcher", True),
)
_PEOPLE_AT = (
    ("Katharina", "Moser", True),
    ("Florian", "Pichler", False),
    ("Johanna", "Gruber", True),
    ("Lukas", "Steiner", False),
    ("Anna", "Wallner", True),
    ("Sebastian", "Hödl", False),
)
_TRADE_NAMES = (
    "Studio Formfrei",
    "Kerning & Kaffee",
    "Pixelgrün",
    "Atelier Zeilenweise",
    "Büro Weißraum",
    "Gestaltungsbüro {last}",
    "{last} Design",
    "Linie & Fläche",
)
_DISCIPLINES = (
    "Grafikdesign",
    "Grafik- und Webdesign",
    "Kommunikationsdesign",
    "Corporate Design · Editorial · Web",
    "Webdesign & Entwicklung",
    "Grafikdesign & Typografie",
    "Illustration · Grafikdesign",
)
_CLIENTS_DE = (
    "Weingut Brenner GmbH & Co. KG",
    "Hausverwaltung Krämer GmbH",
    "Optik Sommerfeld GmbH",
    "Zahntechnik Lorenz GmbH",
    "Brauhaus am Markt GmbH",
    "Möbelwerkstätten Hagedorn KG",
    "Sanitätshaus Vogt GmbH",
    "Hotel Seeblick Betriebs GmbH",
    "Gebr. Lindemann OHG",
    "Elektro Schuster GmbH & Co. KG",
    "Kaffeerösterei Bohnenglück GmbH",
    "Immobilien Lechner AG",
    "Fahrradmanufaktur Rössler UG (haftungsbeschränkt)",
    "Physiotherapie Aktiv Gesundheitszentrum GmbH",
)
_CLIENTS_AT = (
    "Weinbau Riedl OG",
    "Tischlerei Pichlmayr GmbH",
    "Alpenkäserei Walser GmbH",
    "Hotel Sonnhof Betriebs GmbH & Co KG",
    "Steuerberatung Mayr & Partner OG",
    "Bäckerei Haider e.U.",
    "Sportartikel Kogler GmbH",
    "Donau Immobilien AG",
    "Autohaus Leitgeb GmbH",
)
_CONTACTS_DE = (
    "z. Hd. Frau Berger",
    "z. Hd. Herrn Schulte",
    "z. Hd. Frau Dr. Albrecht",
    "z. Hd. Herrn Özkan",
    "Abteilung Marketing",
    "Buchhaltung / Kreditoren",
)
_CONTACTS_AT = (
    "z. H. Frau Mag. Leitner",
    "z. Hd. Herrn Ing. Brandstätter",
    "z. H. Frau Pichler",
    "Marketing",
    "Buchhaltung",
)
_SMALL_DE = (
    "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
    "Als Kleinunternehmerin im Sinne von § 19 Abs. 1 UStG berechne ich keine Umsatzsteuer.",
    "Kein Ausweis der Umsatzsteuer aufgrund der Anwendung der Kleinunternehmerregelung gemäß § 19 UStG.",
    "Umsatzsteuerfrei aufgrund der Kleinunternehmerregelung gemäß § 19 UStG.",
)
_SMALL_AT = (
    "Umsatzsteuerbefreit – Kleinunternehmer gemäß § 6 Abs. 1 Z 27 UStG.",
    "Der Rechnungsbetrag enthält gemäß § 6 Abs. 1 Z 27 UStG keine Umsatzsteuer (Kleinunternehmerregelung).",
    "Umsatzsteuerfrei aufgrund der Kleinunternehmerregelung gem. § 6 Abs. 1 Z 27 UStG.",
)


@dataclass(frozen=True)
class Work:
    """A designer's line: its text, how it is charged ("flat", "hours", "piece"), price range, quantities and
    unit."""

    text: str
    kind: str
    lo: float = 0
    hi: float = 0
    qty: tuple[float, ...] = (1,)
    unit: str = "pauschal"


# Projects: (subjects, works in the order an invoice lists them, activities for a list of working days).
_PROJECTS: dict[str, tuple[tuple[str, ...], tuple[Work, ...], tuple[str, ...]]] = {
    "logo": (
        ("Logoentwicklung und Geschäftsausstattung", "Corporate Design", "Logo-Relaunch"),
        (
            Work("Konzeption und Entwurf Logo, 3 Entwurfsvarianten", "flat", 380, 950),
            Work("Ausarbeitung des gewählten Entwurfs inkl. 2 Korrekturschleifen", "flat", 240, 560),
            Work("Reinzeichnung Logo, Farb- und Graustufenvarianten (AI, PDF, PNG, SVG)", "flat", 120, 280),
            Work("Gestaltung Visitenkarte (Vorder- und Rückseite)", "flat", 90, 220),
            Work("Gestaltung Briefbogen und Folgeseite inkl. Word-Vorlage", "flat", 160, 380),
            Work("Styleguide / Gestaltungsrichtlinien, 12 Seiten (PDF)", "flat", 350, 800),
            Work("Zusätzliche Korrekturschleife nach Aufwand", "hours", qty=(1, 1.5, 2, 3)),
            Work("Schriftlizenz Desktop (1–5 Arbeitsplätze), zum Einkaufspreis", "piece", 35, 120, (1, 2),
                 "Lizenz"),
        ),
        (),
    ),
    "print": (
        ("Imagebroschüre", "Flyer und Plakat Sommerfest", "Produktkatalog", "Speisekarte und Aufsteller",
         "Jahresbericht"),
        (
            Work("Layout Broschüre A4, je Seite", "piece", 45, 95, (8, 12, 16, 20, 24), "Seiten"),
            Work("Gestaltung Flyer DIN lang, 6-seitig, Wickelfalz", "flat", 280, 520),
            Work("Gestaltung Plakat A1 und Anpassung auf A3", "flat", 180, 420),
            Work("Bildbearbeitung und Freisteller", "hours", qty=(2, 3, 4.5, 6)),
            Work("Satz und Textübernahme, Einarbeitung der Korrekturen", "hours", qty=(3, 4, 6, 8)),
            Work("Anzeige 1/2 Seite quer, Formatadaption", "piece", 60, 140, (2, 3, 4), "Stk."),
            Work("Druckdatenerstellung (PDF/X-4), Abstimmung mit der Druckerei", "flat", 80, 180),
            Work("Bildlizenz Stockfoto (Standardlizenz)", "piece", 12, 49, (2, 3, 5, 8), "Bilder"),
        ),
        ("Satz und Layout", "Bildbearbeitung", "Einarbeitung Korrekturen", "Abstimmung Druckerei",
         "Reinzeichnung und Druckdaten", "Entwurf Titelseite", "Abstimmungstermin beim Kunden"),
    ),
    "web": (
        ("Relaunch Website", "Neue Website", "Landingpage Frühjahrskampagne", "Onlineshop-Gestaltung"),
        (
            Work("Konzeption, Sitemap und Wireframes (Figma)", "hours", qty=(6, 8, 10, 12)),
            Work("Webdesign Startseite (Desktop und Mobil)", "flat", 450, 980),
            Work("Gestaltung Unterseiten nach Vorlage", "piece", 80, 180, (3, 4, 5, 6, 8), "Seiten"),
            Work("Umsetzung in WordPress (Theme-Anpassung, responsive)", "hours", qty=(12, 16, 20, 24, 30)),
            Work("Einpflegen der Inhalte (Texte, Bilder)", "hours", qty=(3, 4, 6, 8)),
            Work("Einrichtung Domain, Hosting und SSL-Zertifikat", "flat", 60, 150),
            Work("SEO-Grundeinrichtung (Meta-Daten, Sitemap)", "flat", 90, 240),
            Work("Einweisung in das Redaktionssystem (Videocall)", "hours", qty=(1, 1.5, 2)),
        ),
        ("Wireframes und Abstimmung", "Umsetzung WordPress-Theme", "Responsive Anpassungen",
         "Einpflegen Inhalte", "Tests und Fehlerbehebung", "Formulare und Cookie-Banner", "Bildoptimierung"),
    ),
}  # fmt: skip


def at_tax_number(rng: random.Random) -> str:
    """An Austrian Steuernummer as printed: the tax office, three and four digits."""
    return f"{rng.randint(3, 98):02d} {rng.randint(100, 999)}/{rng.randint(1000, 9999)}"


def plain(word: str) -> str:
    """A word as a mail address part: lower case, umlauts written out."""
    word = word.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), (" & ", "-"), (" ", "-"), ("&", "")):
        word = word.replace(a, b)
    return word


class GrafikKleinunternehmer(RentalLook):
    """A freelance designer's invoice under the small-business rule (Germany § 19 UStG, Austria § 6 Abs. 1
    Z 27 UStG): flat fees, pieces and hours, no VAT."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    IDS = "stnr"
    GROUPED = 0.6
    FOOT = A4.height - 88

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.at = rng.random() < 0.33
        first, last, self.female = rng.choice(_PEOPLE_AT if self.at else _PEOPLE_DE)
        self.person = f"{first} {last}"
        self.trade = rng.choice(_TRADE_NAMES).format(last=last) if rng.random() < 0.45 else ""
        # "Studio Formfrei – Lena Hofer" on one line, or the trading name above the person's
        self.trade_line = bool(self.trade) and rng.random() < 0.5
        self.discipline = rng.choice(_DISCIPLINES)
        self.kind = rng.choice(tuple(_PROJECTS))
        subjects, _, activities = _PROJECTS[self.kind]
        self.log = bool(activities) and rng.random() < 0.3  # hours per working day
        day = at_day(rng, calm(data.date)) if self.at else calm(data.date)
        self.end = day - dt.timedelta(days=rng.choice((0, 1, 2, 3, 5, 7)))
        self.start = self.end - dt.timedelta(days=rng.randint(9, 40))
        self.service = "period" if self.log else rng.choice(("date", "date", "period", "same"))
        if self.service == "same":
            self.end = day
        self.month_period = self.service == "period" and rng.random() < 0.3
        if self.month_period:  # a month's work, billed in the first days of the next one
            self.start = day.replace(day=1) - dt.timedelta(days=1)
            self.start, self.end = self.start.replace(day=1), self.start
            day = self.end + dt.timedelta(days=rng.randint(1, 6))
        n = rng.randint(1, 48)
        initials = first[0] + last[0]
        number = rng.choice(
            (
                f"{day.year}-{n:03d}",
                f"RE-{day.year}-{n:03d}",
                f"{initials}-{day.year % 100}-{n:03d}",
                f"{n}/{day.year}",
                f"{day.year % 100}{day.month:02d}-{n:02d}",
            )
        )
        customer_no = (
            rng.choice((f"K{rng.randint(100, 999)}", f"{rng.randint(10001, 10099)}"))
            if rng.random() < 0.3
            else ""
        )
        order_no = (
            rng.choice(
                (
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"PO-{day.year}-{rng.randint(10, 999):04d}",
                    f"B-{rng.randint(10000, 99999)}",
                )
            )
            if rng.random() < 0.3
            else ""
        )
        self.terms = rng.choice((7, 10, 14, 14, 14, 30))
        contacts = _CONTACTS_AT if self.at else _CONTACTS_DE
        contact = rng.choice(contacts) if rng.random() < 0.6 else ""
        handle = plain(self.trade) if self.trade and rng.random() < 0.6 else plain(first + last)
        tld = "at" if self.at else "de"
        self.web = f"www.{handle}.{tld}"
        email = rng.choice(
            (f"hallo@{handle}.{tld}", f"mail@{handle}.{tld}", f"{plain(first)}@{handle}.{tld}")
        )
        if self.at:
            plz, town, _, _ = rng.choice(_AT_PLACES)
            supplier = Party(self.person, RechnungAt.at_street(rng), plz, town, "AT")
            cplz, ctown, _, _ = rng.choice(_AT_PLACES)
            customer = Party(rng.choice(_CLIENTS_AT), RechnungAt.at_street(rng), cplz, ctown, "AT", contact)
            bank = rng.choice(tuple(_AT_BANKS))
            self.bank_label = _AT_BANKS[bank]
            iban = iban_of(rng, "AT", (bank,), 11)
            phone = f"+43 {rng.choice(('660', '664', '676', '699'))} {rng.randint(1000000, 9999999)}"
            vat_id, tax_no = at_uid_number(rng), ""
        else:
            supplier = dataclasses.replace(data.supplier, name=self.person)
            customer = dataclasses.replace(data.customer, name=rng.choice(_CLIENTS_DE), contact=contact)
            iban = data.iban
            self.bank_label = ""
            phone = f"0{rng.choice(('151', '160', '170', '176', '157'))} {rng.randint(1000000, 99999999)}"
            vat_id, tax_no = data.vat_id, _steuernummer(rng, supplier.region)
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=self.end if self.service == "date" else None,
            due_date=day + dt.timedelta(days=self.terms),
            customer_no=customer_no,
            order_no=order_no,
            supplier=supplier,
            customer=customer,
            phone=phone,
            email=email,
            vat_id=vat_id,
            tax_no=tax_no,
            iban=iban,
            register="",
        )
        super().__init__(rng, data)
        if not self.at:
            self.bank_label = self.bank_name()
        self.subject_text = rng.choice(subjects)
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("bigname", "right", "centred", "bar"))
        self.details = rng.choice(("rows", "letter", "strip"))
        self.head_row = rng.choice(("ruled", "ruled", "fill"))
        self.total_style = rng.choice(("block", "block", "box", "strip"))
        self.window_y = rng.choice((142.0, 150.0, 158.0))
        self.sender = rng.random() < 0.6
        self.big = rng.choice((22.0, 24.0, 26.0, 28.0))
        self.big_bold = rng.random() < 0.5
        self.zero_row = rng.random() < 0.3  # an invoicing app's "USt. 0 %" row
        self.subtotal = rng.random() < 0.5
        self.small_in_footer = rng.random() < 0.25
        self.foot = rng.choice(("columns", "columns", "centred", "none"))
        self.holder = rng.random() < 0.4  # "Kontoinhaberin: …"
        self.with_bic = rng.random() < 0.75
        self.at_tax = self.at and rng.random() < 0.5
        self.own_vat = self.at or rng.random() < 0.15
        self.offer = (
            f"A-{self.start.year}-{rng.randint(1, 40):03d}" if rng.random() < 0.4 else "",
            self.start - dt.timedelta(days=rng.randint(5, 30)),
        )
        self.salute = self.details == "letter" or rng.random() < 0.4
        self.rate = price_between(rng, 45, 95, "5")
        self.pos = rng.random() < 0.5
        self.ksk = not self.at and rng.random() < 0.35
        self.signed = rng.random() < 0.4
        self.ids_printed: list[str] = []
        if self.at:
            self.p = AtPrinter(
                "de",
                rng.choice(("sign_before", "sign_after", "code_before")),
                rng.choice(("dotted", "dotted", "de_long")),
                jaenner=rng.random() < 0.8,
            )
        else:
            self.p = Printer(
                rng.choice(("de", "de", "de_space")),
                rng.choice(("sign_after", "sign_after", "code_after", "none")),
                rng.choice(("dotted", "dotted", "de_long", "dotted_short")),
            )
        if self.details == "letter" and self.p.dates == "dotted_short":
            self.p = dataclasses.replace(self.p, dates="dotted")

    # -- the lines

    def lines(self) -> list[Line]:
        rng, p = self.rng, self.p
        _, works, activities = _PROJECTS[self.kind]
        if self.log:
            span = (self.end - self.start).days
            days = sorted(
                {workday(self.start + dt.timedelta(days=k)) for k in rng.sample(range(span), min(span, 7))}
            )
            days = [x for x in days if x <= self.end][: rng.randint(4, 8)]
            out = []
            for x in days:
                hours = Decimal(rng.choice((2, 3, 3.5, 4, 5, 6, 6.5, 7, 8))).quantize(Decimal("0.1"))
                text = rng.choice(activities)
                out.append(Line(LineItem(text, "", hours.normalize(), "Std.", self.rate, 0), day=x))
            return out
        picked = sorted(rng.sample(range(len(works)), rng.randint(2, 5)))
        out = []
        for k in picked:
            w = works[k]
            if w.kind == "hours":
                qty = Decimal(str(rng.choice(w.qty)))
                item = LineItem(w.text, "", qty, "Std.", self.rate, 0)
                notes = (
                    (f"{quantity(qty, p)} Std. à {self.amount_text(self.rate)}",)
                    if rng.random() < 0.3
                    else ()
                )
            elif w.kind == "piece":
                qty = Decimal(str(rng.choice(w.qty)))
                item = LineItem(w.text, "", qty, w.unit, price_between(rng, w.lo, w.hi, "1"), 0)
                notes = ()
            else:
                item = LineItem(
                    w.text,
                    "",
                    Decimal(1),
                    rng.choice(("pauschal", "psch.", "Stk.")),
                    price_between(rng, w.lo, w.hi, "10"),
                    0,
                )
                notes = ()
            out.append(Line(item, notes))
        return out

    def amount_text(self, value: Decimal) -> str:
        text = self.p.number(value)
        return f"€ {text}" if self.p.currency in ("sign_before", "code_before") else f"{text} €"

    # -- the head

    def contact_items(self) -> list[str]:
        d, s = self.data, self.data.supplier
        return [f"{s.street}", f"{s.city_line}", f"Tel. {d.phone}", d.email, self.web]

    def letterhead(self) -> None:  # type: ignore[override]
        c, L, R, rng = self.c, self.LEFT, self.RIGHT, self.rng
        if self.trade_line:
            big, sub = f"{self.trade} – {self.person}", self.discipline
        elif self.trade:
            big, sub = self.trade, f"{self.person} · {self.discipline}"
        else:
            big, sub = self.person, self.discipline
        contact = self.contact_items()
        if self.head == "bigname":
            c.fit_text(
                L,
                64,
                big,
                self.big,
                R - L,
                bold=self.big_bold,
                colour=self.brand if rng.random() < 0.5 else GREY,
            )
            c.fit_text(L, 81, sub, 9, R - L, colour=GREY)
            c.fit_text(L, 94, " · ".join(contact), 7.2, R - L, colour=GREY)
        elif self.head == "right":
            c.fit_text(R, 50, big, 15, 300, bold=True, align="right", colour=self.brand)
            c.fit_text(R, 63, sub, 8, 300, align="right", colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 76 + 9.5 * i, line, 7.4, align="right", colour=GREY)
        elif self.head == "centred":
            mid = (L + R) / 2
            c.fit_text(
                mid,
                54,
                big.upper() if not self.trade_line else big,
                18,
                R - L,
                bold=self.big_bold,
                align="center",
            )
            c.fit_text(mid, 68, sub, 8.5, R - L, align="center", colour=self.brand)
            c.line(L + 60, 76, R - 60, 76, width=0.5, colour=self.brand)
            c.fit_text(mid, 89, " · ".join(contact), 7.2, R - L, align="center", colour=GREY)
        else:
            c.box(L, 34, L + 5, 96, fill=self.brand, stroke=None)
            c.fit_text(L + 14, 56, big, 20, R - L - 14, bold=self.big_bold)
            c.fit_text(L + 14, 72, sub, 8.5, R - L - 14, colour=self.brand)
            c.fit_text(L + 14, 90, " · ".join(contact), 7.2, R - L - 14, colour=GREY)

    def service_row(self) -> tuple[str, str] | None:
        p, rng = self.p, self.rng
        if self.service == "date":
            return rng.choice(("Leistungsdatum", "Liefer-/Leistungsdatum", "Datum der Leistung")), p.date(
                self.end
            )
        if self.service == "period":
            if self.month_period:
                return "Leistungszeitraum", f"{MONTHS_DE[self.end.month - 1]} {self.end.year}"
            if p.dates == "de_long":  # a range of long dates would not fit beside its label
                return "Leistungszeitraum", f"{self.start:%d.%m.%Y} – {self.end:%d.%m.%Y}"
            return "Leistungszeitraum", f"{p.date(self.start)} – {p.date(self.end)}"
        return None

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.")), d.customer_no))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestellnummer", "Ihre Bestell-Nr.", "PO-Nummer")), d.order_no))
        service = self.service_row()
        if service:
            rows.append(service)
        return rows

    def window_address(self) -> float:
        s, r = self.data.supplier, self.data.customer
        sender = f"{s.name} · {s.street} · {s.city_line}" if self.sender else ""
        return self.window(
            self.LEFT, self.window_y, [r.name, r.contact, r.street, r.city_line], 10, sender=sender
        )

    def head_block(self) -> float:
        """The address, the invoice's details and its title; returns where the body starts."""
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        y = self.window_address()
        rows = self.head_rows()
        if self.details == "rows":
            top = label_rows(c, rows, 340, R, self.window_y, 8.5, 13, value_align="right", label_colour=GREY)
            y = max(y, top) + 16
            c.text(L, y + 6, rng.choice(("Rechnung", "RECHNUNG")), 15, bold=True, colour=self.brand)
            return self.subject(y + 26, [])
        if self.details == "letter":
            y += 22
            c.text(R, y, f"{d.supplier.city}, {p.date(d.date)}", 9.5, align="right")
            y += 24
            c.text(L, y, f"Rechnung Nr. {d.number}", 13, bold=True)
            return self.subject(y + 18, rows[2:])
        y += 24
        c.text(L, y, rng.choice(("Rechnung", "RECHNUNG")), 15, bold=True, colour=self.brand)
        y += 10
        c.line(L, y, R, y, width=0.5, colour=RULE)
        per = 5 if len(rows) == 5 else 4
        width = (R - L) / per
        for i, (label, value) in enumerate(rows):
            x, top = L + (i % per) * width, y + 12 + (i // per) * 24
            c.text(x, top, label, 6.8, colour=GREY)
            c.fit_text(x, top + 11, value, 9, width - 8, bold=i < 2)
        y += 24 * ((len(rows) + per - 1) // per) + 6
        c.line(L, y, R, y, width=0.5, colour=RULE)
        return self.subject(y + 16, [])

    def subject(self, y: float, refs: list[tuple[str, str]]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        lines = [(f"Projekt: {self.subject_text}", True)]
        number, day = self.offer
        if number:
            lines.append((f"lt. Angebot Nr. {number} vom {p.date(day)}", False))
        lines += [(f"{label}: {value}", False) for label, value in refs]
        if self.service == "same":
            lines.append(("Das Leistungsdatum entspricht dem Rechnungsdatum.", False))
        for text, bold in lines:
            c.fit_text(L, y, text, 9.5 if bold else 8.8, R - L, bold=bold)
            y += 12.5
        if self.salute:
            y = self.intro(y + 6)
        return y + 6

    def intro(self, y: float) -> float:
        c, rng, L, R = self.c, self.rng, self.LEFT, self.RIGHT
        contact = self.data.customer.contact
        if contact.startswith("z. H"):
            who = contact.split(" ", 2)[-1]
            hello = (
                f"Sehr geehrte {who},"
                if who.startswith("Frau")
                else f"Sehr geehrter {who.replace('Herrn', 'Herr')},"
            )
        else:
            hello = "Sehr geehrte Damen und Herren,"
        c.text(L, y + 4, hello, 9)
        what = {
            "logo": "die Gestaltung Ihres Logos",
            "print": "die Gestaltung Ihrer Drucksachen",
            "web": "die Gestaltung und Umsetzung Ihrer Website",
        }[self.kind]
        text = rng.choice(
            (
                f"vielen Dank für Ihren Auftrag. Für {what} erlaube ich mir, folgende Leistungen in Rechnung "
                "zu stellen:",
                f"für {what} stelle ich Ihnen vereinbarungsgemäß in Rechnung:",
                "herzlichen Dank für die angenehme Zusammenarbeit. Ich berechne Ihnen folgende Leistungen:",
            )
        )
        return c.paragraph(L, y + 20, text, R - L, 9) + 2

    # -- the table and totals

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        if self.log:
            return [
                ("day", "Datum", 60, "left"),
                ("desc", rng.choice(("Tätigkeit", "Leistung")), 0, "left"),
                ("qty", rng.choice(("Std.", "Stunden")), 48, "right"),
                ("price", rng.choice(("Satz", "Stundensatz")), 64, "right"),
                ("total", rng.choice(("Betrag", "Summe")), 68, "right"),
            ]
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 28, "left")] if self.pos else []
        return spec + [
            ("desc", rng.choice(("Leistung", "Beschreibung", "Position")), 0, "left"),
            ("qty", rng.choice(("Menge", "Anzahl")), 44, "right"),
            ("unit", "Einheit", 48, "left"),
            ("price", rng.choice(("Einzelpreis", "Preis", "Einzel")), 64, "right"),
            ("total", rng.choice(("Betrag", "Gesamt", "Summe")), 66, "right"),
        ]

    def row(self, n: int, line: Line) -> Row:
        p, item = self.p, line.item
        values = {
            "pos": str(n),
            "day": ""
            if line.day is None
            else f"{line.day:%d.%m.%Y}"
            if p.dates == "de_long"
            else p.date(line.day),
            "desc": item.description,
            "qty": quantity(item.quantity, p),
            "unit": item.unit,
            "price": p.number(item.unit_price),
            "total": p.number(item.total),
        }
        return Row("item", values, item, line.notes)

    def total_rows(self, net: Decimal) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        final = rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Zu zahlender Betrag"))
        if self.p.currency == "none":
            final += rng.choice((" EUR", " (EUR)", " in EUR"))
        rows = []
        if self.subtotal or self.zero_row:
            rows.append((rng.choice(("Zwischensumme", "Summe der Positionen", "Summe")), net, False))
        if self.zero_row:
            rows.append((rng.choice(("USt. 0 %", "Umsatzsteuer 0 %", "0 % USt.")), Decimal(0), False))
        return [*rows, (final, net, True)]

    def small_text(self) -> str:
        text = self.rng.choice(_SMALL_AT if self.at else _SMALL_DE)
        return (
            text
            if self.female or "Kleinunternehmerin" not in text
            else text.replace("Kleinunternehmerin", "Kleinunternehmer")
        )

    # -- closing and footer

    def id_lines(self) -> list[str]:
        """The person's tax numbers as printed (the same on every page); records the truth's."""
        d, rng = self.data, self.rng
        if self.ids_printed:
            return self.ids_printed
        lines = self.ids_printed
        if self.at:
            self.tax["ust_id"] = d.vat_id
            lines.append(f"{rng.choice(('UID-Nr.', 'UID', 'USt-IdNr.'))} {d.vat_id}")
            if self.at_tax:
                lines.append(f"Steuernummer {at_tax_number(rng)}")
            return lines
        self.tax["steuernummer"] = d.tax_no
        lines.append(f"{rng.choice(('Steuernummer', 'St.-Nr.', 'Steuer-Nr.'))} {d.tax_no}")
        if self.own_vat:
            self.tax["ust_id"] = d.vat_id
            lines.append(f"USt-IdNr. {d.vat_id_printed}")
        return lines

    def bank_lines(self) -> list[str]:
        d = self.data
        lines = [self.bank_label, f"IBAN {self.iban}"]
        if self.with_bic:
            lines.append(f"BIC {d.iban.bic}")
        if self.holder:
            lines.append(f"{'Kontoinhaberin' if self.female else 'Kontoinhaber'}: {self.person}")
        return lines

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng, L = self.data, self.p, self.rng, self.LEFT
        texts: list[tuple[str, bool]] = []
        if not self.small_in_footer:
            texts.append((self.small_text(), rng.random() < 0.5))
        texts.append(
            (
                rng.choice(
                    (
                        f"Bitte überweisen Sie den Betrag von {p.amount(due)} bis zum {p.date(d.due_date)} "
                        "auf das unten genannte Konto.",
                        f"Zahlbar innerhalb von {self.terms} Tagen nach Rechnungseingang ohne Abzug.",
                        f"Zahlungsziel: {self.terms} Tage netto ({p.date(d.due_date)}). Bitte geben Sie bei "
                        "der Überweisung die Rechnungsnummer an.",
                    )
                ),
                False,
            )
        )
        if self.foot == "none":
            bank = ", ".join(x for x in self.bank_lines() if x)
            texts.append((f"Bankverbindung: {bank}", False))
            texts.append((" · ".join(self.id_lines()), False))
        keep = len(texts)
        texts.append(
            (
                rng.choice(
                    (
                        "Die Nutzungsrechte gehen mit vollständiger Bezahlung der Rechnung auf Sie über.",
                        "Die vereinbarten Nutzungsrechte werden mit Zahlungseingang eingeräumt.",
                    )
                ),
                False,
            )
        )
        if self.ksk:
            texts.append(
                (
                    "Hinweis: Für Honorare an selbstständige Designerinnen und Designer ist ggf. die "
                    "Künstlersozialabgabe an die Künstlersozialkasse abzuführen.",
                    False,
                )
            )
        if rng.random() < 0.5:
            texts.append(("Vielen Dank für die angenehme Zusammenarbeit!", False))
        y = self.short_texts(y, texts, keep)
        if self.signed and y + 40 < self.limit:
            c = self.c
            c.text(L, y + 12, "Mit freundlichen Grüßen", 9)
            c.text(L, y + 34, self.person, 9.5)
            y += 36
        return y

    def footer(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        top = self.FOOT
        if self.foot == "columns":
            first = [self.trade or self.person, *([self.person] if self.trade else []), s.street, s.city_line]
            contact = [f"Tel. {d.phone}", d.email, self.web]
            cols = [first, contact, self.bank_lines(), self.id_lines()]
            footer_columns(c, cols, top, L, R, 6.6)
            bottom = top + 10 + 4 * 6.6 * 1.35
        elif self.foot == "centred":
            mid = (L + R) / 2
            c.line(L, top, R, top, width=0.4, colour=GREY)
            lines = [
                " · ".join([self.person, s.street, s.city_line, f"Tel. {d.phone}", d.email]),
                " · ".join(x for x in self.bank_lines() if x),
                " · ".join(self.id_lines()),
            ]
            for i, line in enumerate(lines):
                c.fit_text(mid, top + 11 + 9.5 * i, line, 7, R - L, align="center", colour=GREY)
            bottom = top + 11 + 9.5 * 2
        else:
            bottom = top
        if self.small_in_footer:
            c.fit_text((L + R) / 2, bottom + 12, self.small_text(), 7.2, R - L, align="center", bold=True)

    def draw(self) -> TripDrawing:
        d = self.data
        lines = self.lines()
        items = [x.item for x in lines]
        vat = vat_breakdown(items)
        net = sum((v.base for v in vat), Decimal(0))
        self.letterhead()
        y = self.head_block()
        cols = columns(self.spec(), self.LEFT, self.RIGHT)
        y = self.table(y, cols, [self.row(n, x) for n, x in enumerate(lines, 1)], False)
        rows = self.total_rows(net)
        if self.total_style == "strip" and len(rows) < 2:
            self.total_style = "block"
        y = self.totals(y, rows)
        y = self.closing(y, net)
        assert y < self.limit + 6, "grafik_kleinunternehmer: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.service == "date",
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            vat_printed=self.zero_row,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# tierarzt_got

# Practices: (letterhead name, the vet printed under it, kind (person, partg, gmbh), species, the vet's
# title).
_PRACTICES = (
    ("Tierarztpraxis Dr. med. vet. Anna Keller", "", "person", ("pferd", "hund"), "Tierärztin"),
    ("Pferdepraxis Dr. med. vet. Jan Brüggemann", "", "person", ("pferd",), "Fachtierarzt für Pferde"),
    ("Tierärztliche Praxis am Lindenhof", "Dr. med. vet. Sabine Roth", "person", ("hund", "pferd"),
     "Fachtierärztin für Kleintiere"),
    ("Großtierpraxis Dr. med. vet. Henrik Paulsen", "", "person", ("rind",), "Fachtierarzt für Rinder"),
    ("Fahrpraxis für Pferde Dr. med. vet. Clara Wendt", "", "person", ("pferd",), "Tierärztin"),
    ("Kleintier- und Pferdepraxis Dr. med. vet. Jörg Lüders", "", "person", ("hund", "pferd"), "Tierarzt"),
    ("Tierärzte am Deich Dr. Hansen & Dr. Böhm PartG mbB", "Dr. med. vet. Maren Hansen", "partg",
     ("rind", "pferd"), "Fachtierärztin für Rinder"),
    ("Tierklinik Am Stadtwald GmbH", "Dr. med. vet. Markus Ebert", "gmbh", ("hund", "pferd"),
     "Fachtierarzt für Chirurgie"),
    ("Pferdeklinik Elbmarsch GmbH", "Dr. med. vet. Friederike Janssen", "gmbh", ("pferd",),
     "Fachtierärztin für Pferde"),
)  # fmt: skip
_TAGLINES = {
    "pferd": ("Orthopädie · Zahnheilkunde · Innere Medizin", "Ambulante Pferdemedizin",
              "Pferdemedizin seit 1998"),
    "hund": ("Kleintiermedizin · Chirurgie · Röntgen", "Tiermedizin für Hund und Katze",
             "Kleintiere und Diensthunde"),
    "rind": ("Bestandsbetreuung · Fruchtbarkeit · Eutergesundheit", "Nutztierpraxis",
             "Rind · Schwein · Schaf"),
}  # fmt: skip
# Customers by species: (name, street).
_KEEPERS = {
    "pferd": (("Reitstall Birkenhof GmbH", "Am Birkenhof 3"),
              ("Gestüt Lindenau GmbH & Co. KG", "Gut Lindenau 1"),
              ("Reitsportzentrum Elbaue e.K.", "Deichweg 14"),
              ("Pensionspferdehaltung Sonnenhof KG", "Feldweg 7"),
              ("Ponyhof Wiesengrund GmbH", "Wiesengrund 2")),
    "rind": (("Agrargenossenschaft Wiesengrund eG", "Am Kuhstall 5"),
             ("Hofgut Rosenau GmbH & Co. KG", "Rosenau 1"),
             ("Milchviehbetrieb Thormählen KG", "Dorfstraße 38"),
             ("Landwirtschaft Behrens GmbH", "Hofweg 4")),
    "hund": (("Hundeschule Pfotenglück GmbH", "Gewerbepark 12"),
             ("K9 Diensthundeausbildung Nord GmbH", "Am Übungsplatz 2"),
             ("Hundezentrum Wolfsgrund UG (haftungsbeschränkt)", "Waldweg 9"),
             ("Wachhundservice Falk GmbH & Co. KG", "Industriestraße 21")),
}  # fmt: skip
_KEEPER_CONTACTS = (
    "z. Hd. Frau Meyer (Stallmanagement)",
    "z. Hd. Herrn Thomsen",
    "Buchhaltung",
    "Geschäftsführung",
)
_HORSES = (
    ("Donner", "Wallach"),
    ("Bella", "Stute"),
    ("Fürstenglanz", "Hengst"),
    ("Luna", "Stute"),
    ("Carlos", "Wallach"),
    ("Quintana", "Stute"),
    ("Sir Henry", "Wallach"),
    ("Krümel", "Stute"),
    ("Weltmeyer's Traum", "Stute"),
    ("Asterix", "Wallach"),
)
_PONY_BREEDS = ("Shetlandpony", "Welsh-Pony", "Deutsches Reitpony")
_HORSE_BREEDS = (
    "Hannoveraner",
    "Holsteiner",
    "Haflinger",
    "Trakehner",
    "Oldenburger",
    "Friese",
    "Quarter Horse",
)
_DOGS = (
    ("Aika", "Hündin"),
    ("Rex", "Rüde"),
    ("Bruno", "Rüde"),
    ("Nala", "Hündin"),
    ("Ares", "Rüde"),
    ("Kira", "Hündin"),
    ("Odin", "Rüde"),
)
_DOG_BREEDS = (
    "Malinois",
    "Deutscher Schäferhund",
    "Labrador Retriever",
    "Border Collie",
    "Dobermann",
    "Australian Shepherd",
)


@dataclass(frozen=True)
class Fee:
    """A service of the GOT: its number, text and simple fee (1-fach), the quantities it is billed in."""

    no: str
    text: str
    simple: str
    qty: tuple[int, ...] = (1,)


@dataclass(frozen=True)
class Drug:
    """A medicine or material: text, unit, price range per unit, quantities, withdrawal period note."""

    text: str
    unit: str
    lo: float
    hi: float
    qty: tuple[float, ...] = (1,)
    wait: str = ""


_FEES: dict[str, Fee] = {
    "au_pferd": Fee("12", "Allgemeine Untersuchung mit Beratung, Pferd", "30.78"),
    "fu_pferd": Fee("21", "Folgeuntersuchung im gleichen Behandlungsfall, Pferd", "16.53"),
    "impf_pferd": Fee(
        "71", "Impfung, Pferd, je Injektion, einschl. Eintragung im Equidenpass", "11.63", (1, 2)
    ),
    "lahm": Fee("165", "Lahmheitsuntersuchung, Pferd, im Schritt und Trab", "45.02"),
    "beuge": Fee("167", "Beugeprobe, je Gliedmaße", "12.50", (2, 4)),
    "leitung": Fee("245", "Leitungsanästhesie, je Injektionsstelle", "15.05", (1, 2, 3)),
    "roentgen_pferd": Fee("530", "Röntgenaufnahme digital, je Aufnahme", "36.40", (2, 3, 4, 6)),
    "sono": Fee("561", "Ultraschalluntersuchung Sehnen und Bänder, je Gliedmaße", "58.40", (1, 2)),
    "zahn": Fee("331", "Zahnbehandlung Pferd, Korrektur scharfer Kanten", "41.20"),
    "sedation": Fee("96", "Sedation, intravenös", "14.90"),
    "inj_iv": Fee("87", "Injektion, intravenös", "7.60"),
    "inj_im": Fee("88", "Injektion, intramuskulär oder subkutan", "4.80", (1, 2)),
    "naht": Fee("432", "Wundversorgung mit Naht, bis 10 cm", "48.30"),
    "verband": Fee("440", "Verbandwechsel", "9.85"),
    "kolik": Fee("128", "Rektale Untersuchung bei Kolik", "29.70"),
    "sonde": Fee("131", "Nasenschlundsonde einschl. Eingabe", "26.40"),
    "blut": Fee("60", "Blutentnahme", "6.15"),
    "au_hund": Fee("9", "Allgemeine Untersuchung mit Beratung, Hund", "23.62"),
    "impf_hund": Fee("70", "Impfung, Hund, je Injektion", "9.53", (1, 2)),
    "chip": Fee("75", "Kennzeichnung mit Transponder einschl. Registrierung", "14.30"),
    "pass": Fee("30", "Ausstellung EU-Heimtierausweis", "11.60"),
    "zeugnis": Fee("33", "Gesundheitszeugnis / Bescheinigung der Diensttauglichkeit", "22.40"),
    "hded": Fee("531", "Röntgen HD/ED (Hüfte und Ellbogen), je Aufnahme", "29.80", (3, 4)),
    "kralle": Fee("154", "Krallenkürzen", "6.80"),
    "pfote": Fee("431", "Wundversorgung mit Naht, Pfotenballen", "35.60"),
    "au_rind": Fee("14", "Allgemeine Untersuchung mit Beratung, Rind", "14.80"),
    "fu_rind": Fee("23", "Folgeuntersuchung im gleichen Behandlungsfall, Rind", "8.10"),
    "tu": Fee("241", "Trächtigkeitsuntersuchung rektal, je Tier", "7.40", (4, 6, 8, 12, 15)),
    "klaue": Fee("301", "Klauenbehandlung, je Klaue", "11.90", (1, 2)),
    "geburt": Fee("250", "Geburtshilfe, Auszug ohne Schwierigkeiten", "58.10"),
    "mastitis": Fee("212", "Behandlung Mastitis, je Euterviertel", "6.90", (1, 2)),
    "enthorn": Fee("380", "Enthornung Kalb unter Sedation, je Tier", "12.40", (2, 3, 5, 6)),
    "probe": Fee("61", "Probenentnahme Blut, je Tier", "3.95", (5, 10, 20)),
}
_VISIT = Fee("2", "Besuchsgebühr", "34.50")
_DRUGS: dict[str, Drug] = {
    "vakz_pferd": Drug("Impfstoff Influenza/Tetanus, 1 Dosis", "Dosis", 38, 52),
    "mepi": Drug("Mepivacain 2 % (Lokalanästhetikum)", "ml", 0.9, 1.6, (5, 10, 15)),
    "detomidin": Drug("Detomidin 10 mg/ml Injektionslösung", "ml", 4.2, 6.8, (0.8, 1, 1.2, 1.5)),
    "melox": Drug("Meloxicam 20 mg/ml Injektionslösung", "ml", 0.85, 1.4, (10, 12.5, 15)),
    "butor": Drug("Butorphanol 10 mg/ml", "ml", 6, 9, (0.5, 1)),
    "phenyl": Drug("Phenylbutazon Pulver 1 g, Beutel", "Btl.", 1.4, 2.2, (10, 20)),
    "wurm": Drug("Wurmkur Pferd (Ivermectin/Praziquantel), Paste", "Stk.", 14, 22),
    "verband_mat": Drug("Verbandsmaterial (Polsterwatte, Binden, Tape)", "pausch.", 8, 24),
    "labor": Drug("Laborkosten Fremdlabor (Blutbild, Organprofil)", "pausch.", 38, 96),
    "vakz_hund": Drug("Impfstoff SHPPi + L4, 1 Dosis", "Dosis", 14, 22),
    "tollwut": Drug("Tollwutimpfstoff, 1 Dosis", "Dosis", 6, 11),
    "transponder": Drug("Transponder (Mikrochip) ISO 11784", "Stk.", 9, 16),
    "ausweis": Drug("EU-Heimtierausweis (Formular)", "Stk.", 3, 6),
    "medetomidin": Drug("Medetomidin 1 mg/ml Injektionslösung", "ml", 3, 5, (0.3, 0.5, 0.8)),
    "melox_susp": Drug("Meloxicam Suspension 1,5 mg/ml, 32 ml", "Fl.", 14, 21),
    "oxytet": Drug("Oxytetracyclin 200 mg/ml Injektionslösung", "ml", 0.35, 0.6, (20, 30, 40),
                   "Wartezeit: essbare Gewebe 28 Tage, Milch 7 Tage"),
    "injektor": Drug("Euterinjektor Cefquinom", "Stk.", 4, 7, (3, 4, 8),
                     "Wartezeit: Milch 5 Tage, essbare Gewebe 2 Tage"),
    "melox_rind": Drug("Meloxicam 20 mg/ml Injektionslösung", "ml", 0.8, 1.3, (10, 15, 25),
                       "Wartezeit: essbare Gewebe 15 Tage, Milch 5 Tage"),
    "calcium": Drug("Calciumborogluconat-Infusion 500 ml", "Fl.", 6, 10, (1, 2), "Wartezeit: null Tage"),
    "klauen_mat": Drug("Klauenklotz und Kleber", "Stk.", 7, 12, (1, 2)),
    "porto": Drug("Versand Proben ans Labor (Porto, Verpackung)", "pausch.", 6, 14),
    "spritzen": Drug("Einmalspritzen und Kanülen", "pausch.", 2, 6),
}  # fmt: skip
# Cases by species: (fees, drugs); a follow-up visit: (fees, drugs).
Case = tuple[tuple[str, ...], tuple[str, ...]]
_CASES: dict[str, tuple[Case, ...]] = {
    "pferd": ((("au_pferd", "impf_pferd"), ("vakz_pferd", "wurm")),
              (("au_pferd", "lahm", "beuge", "leitung", "roentgen_pferd"), ("mepi",)),
              (("au_pferd", "lahm", "sono"), ("melox",)),
              (("au_pferd", "sedation", "zahn"), ("detomidin",)),
              (("au_pferd", "kolik", "sonde", "inj_iv"), ("melox", "butor")),
              (("au_pferd", "sedation", "naht", "inj_im"), ("detomidin", "verband_mat")),
              (("au_pferd", "blut"), ("labor",))),
    "hund": ((("au_hund", "impf_hund"), ("vakz_hund", "tollwut")),
             (("chip", "pass"), ("transponder", "ausweis")),
             (("au_hund", "zeugnis"), ()),
             (("au_hund", "sedation", "hded"), ("medetomidin",)),
             (("au_hund", "pfote", "inj_im"), ("melox_susp", "verband_mat")),
             (("au_hund", "kralle"), ())),
    "rind": ((("tu",), ("spritzen",)),
             (("au_rind", "mastitis", "inj_im"), ("injektor", "melox_rind")),
             (("au_rind", "geburt", "inj_iv"), ("calcium",)),
             (("klaue",), ("klauen_mat", "oxytet")),
             (("enthorn",), ("spritzen",)),
             (("probe",), ("porto",))),
}  # fmt: skip
# Follow-up visits after a case with one of these services: (fees, drugs).
_FOLLOW: dict[str, Case] = {
    "naht": (("fu_pferd", "verband"), ("verband_mat",)),
    "kolik": (("fu_pferd", "inj_iv"), ("melox",)),
    "lahm": (("fu_pferd",), ("phenyl",)),
    "pfote": (("verband",), ("melox_susp",)),
    "mastitis": (("fu_rind", "mastitis"), ("injektor",)),
    "geburt": (("fu_rind", "inj_im"), ("oxytet",)),
    "klaue": (("klaue",), ("klauen_mat",)),
}
_HERD = {"tu", "enthorn", "probe"}  # cases of several animals at once


@dataclass(frozen=True)
class Animal:
    """A patient: its species, the name in an animal column, and its description as printed."""

    species: str
    short: str
    label: str


@dataclass(frozen=True)
class Treat:
    """A table line: its item, treatment day, animal (None for visit fees and mileage), GOT number, factor and
    simple fee (0 and None for medicines), grey notes."""

    item: LineItem
    day: dt.date
    animal: Animal | None
    got: str = ""
    factor: int = 0
    simple: Decimal | None = None
    notes: tuple[str, ...] = ()


def ear_tag(rng: random.Random) -> str:
    """A German cattle ear tag as printed: DE 01 234 56789."""
    return f"DE {rng.randint(1, 16):02d} {rng.randint(100, 999)} {rng.randint(10000, 99999)}"


class TierarztGot(HandelLook):
    """A veterinary practice's invoice under the GOT: fees with number and factor per animal and day,
    medicines, visit fee and mileage, 19 % on everything."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, self.vet, self.form, kinds, self.title = rng.choice(_PRACTICES)
        self.species = rng.choice(kinds)
        keeper, street = rng.choice(_KEEPERS[self.species])
        self.card = rng.random() < 0.3  # paid on the spot by card
        self.monthly = not self.card and self.species != "hund" and rng.random() < 0.3
        day = years_from(rng, data.date, 2023, 2025)
        if self.monthly:
            last = day.replace(day=1) - dt.timedelta(days=1)
            self.period = (last.replace(day=1), last)
            day = last + dt.timedelta(days=rng.randint(1, 5))
        if not self.card:
            day = workday(day)
        self.visits = rng.random() < (0.25 if self.species == "hund" else 0.85)
        customer_no = (
            rng.choice((f"{rng.randint(1000, 29999)}", f"K-{rng.randint(100, 9999)}"))
            if rng.random() < 0.7
            else ""
        )
        contact = rng.choice(_KEEPER_CONTACTS) if rng.random() < 0.5 else ""
        place = data.supplier  # the keeper lives in the practice's area
        customer = Party(keeper, street, place.plz, place.city, place.region, contact)
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"{day.year}/{n:05d}",
                f"R-{day.year % 100}-{n:05d}",
                f"{rng.randint(100000, 999999)}",
                f"RE{day.year % 100}{n:05d}",
            )
        )
        words = [
            w
            for w in name.replace("Dr. med. vet. ", "").split()
            if w not in ("&", "Dr.", "PartG", "mbB", "GmbH")
        ]
        self.domain = plain("-".join(words[:1] + words[-1:])) + ".de"
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((10, 14, 14, 30))),
            customer=customer,
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=customer_no,
            order_no="",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('praxis', 'info', 'rechnung', 'abrechnung'))}@{self.domain}",
            register=f"PR {rng.randint(100, 2999)}"
            if self.form == "partg"
            else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.setup("")
        self.skonto = False
        self.ids = (
            rng.choice(("stnr", "stnr", "both")) if self.form == "person" else rng.choice(("vat", "both"))
        )
        self.factor = rng.choice((1, 2, 2, 2, 3))
        self.factor_style = rng.choice(("{n}-fach", "{n}-fach", "{n},0-fach", "{n},0", "{n}x"))
        self.layout = rng.choice(("animals", "simple", "column", "days"))
        self.split = rng.random() < 0.35
        self.paid_rows = self.card and rng.random() < 0.5
        self.bank_in_footer = not self.card or rng.random() < 0.6
        self.vet_row = rng.random() < 0.4
        self.quotes = rng.choice(("„{}“", "'{}'", '"{}"'))
        self.label_form = rng.randrange(3)
        self.km = rng.randint(2, 28)
        self.shared = (
            rng.randint(2, 4) if self.visits and self.species == "pferd" and rng.random() < 0.3 else 0
        )
        self.got_note = rng.random() < 0.6
        self.period_row = rng.random() < 0.5
        self.animals = self.draw_animals()
        self.treats = self.draw_treats()
        self.with_bic = self.with_bic and self.bank_in_footer

    # -- the animals and their treatments

    def animal(self, species: str) -> Animal:
        rng, q, form = self.rng, self.quotes, self.label_form
        age = rng.randint(3, 19)
        if species == "pferd":
            name, sex = rng.choice(_HORSES)
            kind = "Pony" if name == "Krümel" else "Pferd"
            breed = rng.choice(_PONY_BREEDS if kind == "Pony" else _HORSE_BREEDS)
            label = (
                f"{kind} {q.format(name)}, {sex}, {age} J.",
                f"{kind} {q.format(name)} ({breed}, {sex}, {age} Jahre)",
                f"{name}, {breed}, {sex}, geb. {self.data.date.year - age}",
            )[form]
            return Animal(species, name, label)
        if species == "hund":
            name, sex = rng.choice(_DOGS)
            age, breed = min(age, 11), rng.choice(_DOG_BREEDS)
            label = (
                f"Hund {q.format(name)}, {breed}, {sex}, {age} J.",
                f"Hund {q.format(name)} ({breed}, {sex}, {age} Jahre)",
                f"{name}, Hund, {breed}, {sex}, geb. {self.data.date.year - age}",
            )[form]
            return Animal(species, name, label)
        stall = rng.randint(100, 899)
        tag = ear_tag(rng)
        label = (
            f"Kuh Nr. {stall}, Ohrmarke {tag}",
            f"Rind, Ohrmarke {tag} (Stall-Nr. {stall})",
            f"Kuh {stall} – {tag}",
        )[form]
        return Animal(species, f"Nr. {stall}", label)

    def herd(self, case: str, count: int) -> Animal:
        what = {"tu": "Kühe", "enthorn": "Kälber", "probe": "Rinder"}[case]
        return Animal("rind", f"{count} {what}", f"{what}, {count} Tiere (Ohrmarken lt. Bestandsliste)")

    def draw_animals(self) -> list[Animal]:
        rng = self.rng
        count = rng.choice((1, 1, 2, 2, 3))
        animals: list[Animal] = []
        while len(animals) < count:
            x = self.animal(self.species)
            if x.short not in {a.short for a in animals}:
                animals.append(x)
        return animals

    def days(self) -> list[dt.date]:
        """The treatment days, oldest first."""
        rng, d = self.rng, self.data
        if self.monthly:
            first, last = self.period
            picks = sorted(rng.sample(range((last - first).days + 1), rng.randint(2, 3)))
            return sorted({first + dt.timedelta(days=k) for k in picks})
        last = d.date if self.card else d.date - dt.timedelta(days=rng.choice((0, 1, 2, 3, 7)))
        days = [last]
        for _ in range(0 if self.card else rng.choice((0, 0, 1, 2))):
            days.insert(0, days[0] - dt.timedelta(days=rng.randint(2, 12)))
        return days

    def fee_line(self, key: str, day: dt.date, animal: Animal | None, qty: int | None = None) -> Treat:
        rng = self.rng
        fee = _FEES[key] if key in _FEES else _VISIT
        factor = 1 if fee is _VISIT else max(1, min(3, self.factor + rng.choice((0, 0, 0, 0, 1, -1))))
        simple = Decimal(fee.simple)
        count = Decimal(qty if qty is not None else rng.choice(fee.qty))
        item = LineItem(fee.text, fee.no, count, "", simple * factor, 19)
        notes: tuple[str, ...] = ()
        if key == "chip":
            notes = (f"Transponder-Nr. 276 09 8100 {rng.randint(100000, 999999)}",)
        return Treat(item, day, animal, fee.no, factor, simple, notes)

    def drug_line(self, key: str, day: dt.date, animal: Animal | None) -> Treat:
        rng = self.rng
        drug = _DRUGS[key]
        qty = Decimal(str(rng.choice(drug.qty)))
        price = price_between(rng, drug.lo, drug.hi, "0.05" if drug.hi < 10 else "0.10")
        return Treat(
            LineItem(drug.text, "", qty, drug.unit, price, 19),
            day,
            animal,
            notes=(drug.wait,) if drug.wait else (),
        )

    def draw_treats(self) -> list[Treat]:
        rng = self.rng
        days = self.days()
        out: list[Treat] = []
        cases = rng.sample(_CASES[self.species], min(len(self.animals), len(_CASES[self.species])))
        seen: set[dt.date] = set()
        plan: list[tuple[dt.date, Animal, Case]] = []
        for animal, case in zip(self.animals, cases, strict=False):
            first = rng.choice(days[:-1]) if len(days) > 1 and rng.random() < 0.5 else days[0]
            plan.append((first, animal, case))
            later = [x for x in days if x > first]
            follow = next((_FOLLOW[key] for key in case[0] if key in _FOLLOW), None)
            if later and follow and rng.random() < 0.8:
                plan.append((rng.choice(later), animal, follow))
        self.animals = []
        for day, animal, (fees, drugs) in sorted(plan, key=lambda x: x[0]):
            if fees[0] in _HERD:
                animal = self.herd(fees[0], 0)
            lines: list[Treat] = []
            for key in fees:
                lines.append(self.fee_line(key, day, animal))
            if fees[0] in _HERD:
                count = int(lines[0].item.quantity)
                animal = self.herd(fees[0], count)
                lines = [dataclasses.replace(x, animal=animal) for x in lines]
            for key in drugs:
                lines.append(self.drug_line(key, day, animal))
            if animal not in self.animals:
                self.animals.append(animal)
            out += lines
            if self.visits and day not in seen:
                seen.add(day)
                out += self.visit_lines(day)
        return sorted(out, key=lambda t: t.day)

    def visit_lines(self, day: dt.date) -> list[Treat]:
        visit = self.fee_line("visit", day, None, 1)
        km = Decimal(self.km)
        if self.shared:
            km = (km / self.shared).quantize(Decimal("0.1"))
            text = f"Wegegeld gem. § 10 GOT, anteilig 1/{self.shared} von {self.km} Doppel-km"
        else:
            text = f"Wegegeld gem. § 10 GOT, {self.km} Doppel-km"
        if km * Decimal("3.50") < 13:
            item = LineItem(
                "Wegegeld gem. § 10 GOT (Mindestbetrag)", "", Decimal(1), "pausch.", Decimal(13), 19
            )
        else:
            item = LineItem(text, "", km, "DKm", Decimal("3.50"), 19)
        where = {"pferd": "Stall", "rind": "Betrieb", "hund": "Einsatzort"}[self.species]
        notes = (f"Entfernung Praxis – {where} {self.km} km einfach",) if self.rng.random() < 0.3 else ()
        return [visit, Treat(item, day, None, notes=notes)]

    # -- the page

    def factor_text(self, factor: int) -> str:
        return self.factor_style.format(n=factor) if factor else ""

    def spec(self, dated: bool) -> list[tuple[str, str, float, Align]]:  # type: ignore[override]
        rng = self.rng
        got = ("got", rng.choice(("GOT-Nr.", "GOT", "Nr.")), 40, "left")
        desc = ("desc", rng.choice(("Leistung / Artikel", "Bezeichnung", "Leistung")), 0, "left")
        factor = ("factor", rng.choice(("Faktor", "Satz", "GOT-Satz")), 46, "right")
        qty = ("qty", rng.choice(("Anz.", "Menge")), 42, "right")
        price = ("price", rng.choice(("Einzelpreis", "Preis", "EP")), 58, "right")
        total = ("total", rng.choice(("Betrag", "Gesamt")), 60, "right")
        day = ("day", "Datum", 54, "left")
        spec: list[tuple[str, str, float, Align]]
        if self.layout == "animals":
            spec = [day, got, desc, factor, qty, price, total]
        elif self.layout == "simple":
            spec = [day, got, desc, ("simple", "Einfachsatz", 56, "right"), factor, qty, total]
        elif self.layout == "column":
            spec = [day, ("animal", "Tier", 62, "left"), got, desc, factor, qty, total]
        else:
            spec = [got, desc, factor, qty, price, total]
        return spec  # type: ignore[return-value]

    def row(self, n: int, t: Treat) -> Row:  # type: ignore[override]
        p, item = self.p, t.item
        unit = f" {item.unit}" if item.unit and item.unit not in ("pausch.",) else ""
        values = {
            "day": f"{t.day:%d.%m.%y}" if self.p.dates == "dotted_short" else f"{t.day:%d.%m.%Y}",
            "animal": t.animal.short if t.animal else "",
            "got": t.got,
            "desc": item.description,
            "factor": self.factor_text(t.factor),
            "simple": p.number(t.simple) if t.simple is not None else "",
            "qty": quantity(item.quantity, p) + unit,
            "price": p.number(item.unit_price),
            "total": p.number(item.total),
        }
        return Row("item", values, item, t.notes)

    def rows(self) -> list[Row]:
        p, rng = self.p, self.rng
        out: list[Row] = []
        if self.layout in ("animals", "simple"):
            order = [*self.animals, None]
            for a in order:
                mine = [t for t in self.treats if t.animal == a]
                if not mine:
                    continue
                head = a.label if a else rng.choice(("Besuchsgebühren und Wegegeld", "Besuche / Anfahrt"))
                out.append(Row("group", {"desc": head}))
                out += [self.row(0, t) for t in mine]
            return out
        if self.layout == "column":
            return [self.row(0, t) for t in self.treats]
        keys: list[tuple[dt.date, Animal | None]] = []
        for t in self.treats:
            if (t.day, t.animal) not in keys:
                keys.append((t.day, t.animal))
        for day, a in sorted(keys, key=lambda k: (k[0], k[1] is None)):
            head = f"Behandlung am {p.date(day)}: {a.label}" if a else f"Besuch am {p.date(day)}"
            out.append(Row("group", {"desc": head}))
            out += [self.row(0, t) for t in self.treats if t.day == day and t.animal == a]
        return out

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Besitzer-Nr.")), d.customer_no))
        if self.vet_row:
            female = "ärztin" in self.title
            label = rng.choice(("Tierärztin" if female else "Tierarzt", "Behandelt von"))
            rows.append((label, self.vet_name()))
        days = sorted({t.day for t in self.treats})
        if self.monthly:
            first, last = self.period
            rows.append(("Abrechnungszeitraum", f"{MONTHS_DE[last.month - 1]} {last.year}"))
        elif len(days) > 1 and self.period_row:
            rows.append(("Behandlungszeitraum", f"{days[0]:%d.%m.}–{days[-1]:%d.%m.%Y}"))
        return rows

    def vet_name(self) -> str:
        name = self.data.supplier.name
        return self.vet or name[name.index("Dr.") :]

    def subject(self, y: float) -> float:
        c, rng, L, R = self.c, self.rng, self.LEFT, self.RIGHT
        lines: list[tuple[str, bool]] = []
        if self.layout == "column":
            word = "Patient" if len(self.animals) == 1 else "Patienten"
            lines.append((f"{word}: " + "; ".join(a.label for a in self.animals), False))
        if self.visits and rng.random() < 0.5:
            r = self.data.customer
            lines.append((f"Behandlungsort: {r.street}, {r.city_line}", False))
        if self.got_note:
            lines.append(
                (
                    rng.choice(
                        (
                            "Abrechnung nach der Gebührenordnung für Tierärzte (GOT) vom 22.11.2022",
                            "Gebühren gemäß GOT in der Fassung vom 22. November 2022",
                        )
                    ),
                    False,
                )
            )
        for text, bold in lines:
            for part in c.wrap(text, R - L, 8.8):
                c.text(L, y + 4, part, 8.8, bold=bold)
                y += 12
        return y + 6

    def total_rows(self, lines: list[VatLine]) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        vat = lines[0]
        rows: list[tuple[str, Decimal, bool]] = []
        if self.split:
            fees = sum((t.item.total for t in self.treats if t.factor and t.animal), Decimal(0))
            visits = sum((t.item.total for t in self.treats if t.animal is None), Decimal(0))
            drugs = vat.base - fees - visits
            rows.append((rng.choice(("Tierärztliche Leistungen (GOT)", "Summe Gebühren")), fees, False))
            rows.append((rng.choice(("Arzneimittel und Material", "Medikamente / Material")), drugs, False))
            if visits:
                rows.append(("Besuchsgebühr und Wegegeld", visits, False))
        rows.append((rng.choice(("Summe netto", "Nettobetrag", "Zwischensumme netto")), vat.base, False))
        rows.append(
            (
                rng.choice(("zzgl. 19 % MwSt.", "MwSt. 19 %", "19 % USt.", "zzgl. 19 % USt.")),
                vat.amount,
                False,
            )
        )
        final = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Endbetrag"))
        if self.p.currency == "none":
            final += " EUR"
        rows.append((final, vat.base + vat.amount, True))
        return rows

    def all_totals(self, y: float, lines: list[VatLine]) -> float:
        rows = self.total_rows(lines)
        gross = rows[-1][1]
        if self.paid_rows:
            rows = [*rows[:-1], (rows[-1][0], gross, False)]
            rows.append((self.rng.choice(("bezahlt (EC-Karte)", "Zahlung EC-Karte")), -gross, False))
            rows.append(("Offener Betrag", Decimal(0), True))
        if self.total_style == "strip" and len(rows) > 4:
            self.total_style = "block"
        return self.totals(y, rows)

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.card:
            when = f"{p.date(d.date)}, {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d} Uhr"
            texts.append(("Betrag dankend erhalten (EC-Karte).", True))
            texts.append(
                (
                    f"Kartenzahlung girocard {p.amount(gross)} am {when} · "
                    f"Terminal-ID {rng.randint(52000000, 69999999)} · Beleg-Nr. {rng.randint(1, 9999):04d} · "
                    f"Trace-Nr. {rng.randint(1, 999999):06d}",
                    False,
                )
            )
        else:
            texts.append((self.pay_text(gross), True))
        keep = len(texts)
        if any(t.notes and "Wartezeit" in t.notes[0] for t in self.treats):
            texts.append(
                (
                    "Die Arzneimittelabgabe ist im Abgabebeleg nach § 13 TÄHAV dokumentiert; bitte beachten "
                    "Sie die angegebenen Wartezeiten.",
                    False,
                )
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Bei Fragen zu dieser Rechnung erreichen Sie uns während der Sprechzeiten unter "
                        f"{d.phone}.",
                        "Vielen Dank für Ihr Vertrauen und gute Besserung für Ihre Tiere!",
                        "Die angegebenen Faktoren entsprechen dem Gebührenrahmen des einfachen bis "
                        "dreifachen Satzes nach § 2 GOT.",
                    )
                ),
                False,
            )
        )
        return self.short_texts(y, texts, keep)

    def chamber(self) -> str:
        region = self.data.supplier.region
        return {
            "Nordrhein-Westfalen": "Tierärztekammer Westfalen-Lippe",
            "Bayern": "Bayerische Landestierärztekammer",
        }.get(region, f"Tierärztekammer {region}")

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        contact = [s.name, s.street, s.city_line, f"Tel. {d.phone}"]
        if self.fax:
            contact.append(f"Fax {fax_of(d.phone)}")
        contact.append(d.email)
        if self.form == "gmbh":
            legal = [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer/in: {self.vet}"]
        elif self.form == "partg":
            legal = [f"Partnerschaftsregister AG {s.city} {d.register}", f"Partner: {self.vet}"]
        else:
            legal = [f"{self.vet_name()}, {self.title}"]
        legal.append(f"Zuständige Kammer: {self.chamber()}")
        legal += self.tax_ids("USt-IdNr.", "St.-Nr.")
        cols = [contact, legal]
        if self.bank_in_footer:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        items = self.items = [t.item for t in self.treats]
        vat = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat), Decimal(0))
        s = d.supplier
        tagline = rng.choice(_TAGLINES[self.species])
        if self.vet:
            tagline = f"{self.vet} · {self.title}"
        self.letterhead(tagline, [s.street, s.city_line, f"Tel. {d.phone}", d.email])
        title = rng.choice(("Rechnung", "Tierärztliche Rechnung", "Rechnung nach GOT", "RECHNUNG"))
        y = self.subject(self.details_block(self.head_rows(), title))
        cols = columns(self.spec(False), self.LEFT, self.RIGHT)
        y = self.table(y, cols, self.rows(), rng.random() < 0.5)
        y = self.all_totals(y, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "tierarzt_got: page overflow"
        return self.finish(
            items,
            "Rechnung",
            pages=self.close_pages(False),
            service_date=False,
            customer_no=bool(d.customer_no),
            bank=self.bank_in_footer or not self.card,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

PERSON_FAMILIES: dict[str, type[TripSheet]] = {
    "grafik_kleinunternehmer": GrafikKleinunternehmer,
    "tierarzt_got": TierarztGot,
}


def draw_person(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(PERSON_FAMILIES[name], name, seed)
