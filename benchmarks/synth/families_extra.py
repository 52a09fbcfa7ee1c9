"""Two invoice layout families of a German freelancer billing abroad and of a German print shop, designed
blind (session 15, second set).

Like `families_first`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_extra(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip` and `families_first` and returns a `TripDrawing` (truth keys only for values
printed):

- `freelancer_reverse_charge`: a German freelancer (IT consultant, designer or translator; a sole trader whose
  name is the person's name, with a business name beside it on some seeds) billing a business customer in
  another EU country (Austria, France, the Netherlands, Belgium, Italy, Spain, Denmark, Sweden, Poland,
  Ireland, Luxembourg) or outside the EU (Switzerland, the United Kingdom from 2021 on, Norway, the USA)
  without German VAT: "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge" (EU) or "Nicht im
  Inland steuerbare Leistung" (outside the EU). Labels in German, German and English (two-line table heads,
  "Rechnung / Invoice") or English only; days or hours × rate, words × rate for translations, flat fees for
  design work, travel time at half rate, a rush fee in per cent; "Netto", "USt. 0 %" with 0,00 or no VAT line
  at all, "Gesamtbetrag" / "Total"; the customer's VAT id ("USt-IdNr. des Leistungsempfängers", "Customer
  VAT ID") beside the freelancer's own USt-IdNr. (none for US customers); the service period or, for some
  translations, a delivery date; payment by transfer to a German IBAN with BIC; the Steuernummer on some
  seeds; a timesheet as a second page for some hourly IT seeds. Dates German ("04.12.2024", "4. Dezember
  2024") or English ("4 December 2024", "December 4, 2024", "04/12/2024"), amounts German or English by
  seed. Truth: the usual keys; `ust_id` the freelancer's own (the customer's never), `steuernummer` where
  printed, `mwst` 0.0 only on the seeds that print a VAT line (left out on the others, as in
  `hosting_export`), netto = brutto; `kundennummer`, `bestellnummer` (the customer's PO) and `leistungsdatum`
  (a single delivery date) where printed; `lieferant` the person's name.
- `druckerei_staffel`: a print shop's invoice for print jobs (flyers, brochures, business cards, posters,
  letterheads, banners, roll-ups and books): per job a title and grey detail lines (format, paper "135 g/m²
  Bilderdruck matt", colours "4/4-farbig", finishing), the print run ("Auflage 5.000 Stk.") in the quantity
  column with a price per 1.000 on some seeds; setup lines (Datencheck, Druckplatten, Digitalproof, Satz), an
  express surcharge in per cent on some seeds, shipping ("Versandkosten", split by rate when the jobs are
  mixed); 19 %, 7 % for books, mixed on some seeds; net, VAT per rate, "Rechnungsbetrag"; on some seeds a
  prepayment deducted ("abzgl. Anzahlung vom 03.05.2024", "Restbetrag" / "Noch zu zahlen"), Skonto on some
  seeds; "Lieferschein-Nr.", the shop's own "Auftrags-Nr.", "Ihre Bestellung vom ..." and the customer's order
  number on some seeds; the clause on over- and under-deliveries; the shop's USt-IdNr., register and bank in
  the footer; two pages (with "Übertrag") when the jobs run long. Truth: as in `anzahlung`, the gross is the
  invoice total before the prepayment is deducted (Skonto changes nothing); `kundennummer`, `bestellnummer`
  only for the customer's order number (never the shop's Auftrags-Nr.), `leistungsdatum` for a printed
  delivery date.

Both keep their dates out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from stdnum.ch import uid as ch_uid
from stdnum.eu import vat as eu_vat
from stdnum.no import orgnr

from benchmarks.synth.families_first import FirstSheet
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    cells,
    columns,
    draw_sheet,
    footer_columns,
    initials,
    label_rows,
    logo,
    month_before,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    RULE,
    Address,
    _digits,
    abroad,
    fr_address,
    fr_siren,
    fr_vat_id,
    gb_vat_id,
    ie_vat_id,
    nl_address,
    nl_vat_id,
)
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import Printer

# ---------------------------------------------------------------------------
# Shared


def grouped(value: int, english: bool) -> str:
    """A whole number with thousands grouped: 4.312 (German) or 4,312 (English)."""
    text = f"{value:,}"
    return text if english else text.replace(",", ".")


def valid_id(rng: random.Random, make: Callable[[], str], valid: Callable[[str], bool]) -> str:
    """The first of `make`'s numbers that passes `valid`."""
    for _ in range(5000):
        number = make()
        if valid(number):
            return number
    raise AssertionError("no valid identifier")


# ---------------------------------------------------------------------------
# freelancer_reverse_charge

# Customers abroad: country -> (EU, German name, English name, company names, addresses (street, place),
# VAT id maker or None).
_EU_CUSTOMERS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    "AT": (
        ("Donaublick Software GmbH", "Kaiser & Söhne Handels GmbH", "Alpenwerk Medien GmbH"),
        (
            ("Mariahilfer Straße 45/3", "1060 Wien"),
            ("Herrengasse 12", "8010 Graz"),
            ("Landstraße 27", "4020 Linz"),
        ),
    ),
    "BE": (
        ("Brabant Data NV", "Maison Verhaegen SRL", "Scheldt Logistics BV"),
        (
            ("Rue de la Loi 42", "1040 Bruxelles"),
            ("Kortrijksesteenweg 112", "9000 Gent"),
            ("Meir 18", "2000 Antwerpen"),
        ),
    ),
    "IT": (
        ("Studio Ferrari S.r.l.", "Lombardia Software S.p.A.", "Tessuti Bellini S.r.l."),
        (
            ("Via Torino 21", "20123 Milano MI"),
            ("Via dei Mille 8", "40121 Bologna BO"),
            ("Corso Vittorio Emanuele II 90", "10121 Torino TO"),
        ),
    ),
    "ES": (
        ("Soluciones Iberia S.L.", "Mediterránea Digital S.L.", "Grupo Alameda S.A."),
        (
            ("Calle de Alcalá 120", "28009 Madrid"),
            ("Carrer de Mallorca 214", "08008 Barcelona"),
            ("Avenida del Puerto 33", "46021 Valencia"),
        ),
    ),
    "DK": (
        ("Nordlys ApS", "Havnefront Design A/S", "Kystdata ApS"),
        (
            ("Vesterbrogade 34", "1620 København V"),
            ("Åboulevarden 22", "8000 Aarhus C"),
            ("Overgade 10", "5000 Odense C"),
        ),
    ),
    "SE": (
        ("Skogsberg Design AB", "Norrsken Analytics AB", "Lindqvist & Berg AB"),
        (
            ("Drottninggatan 55", "111 21 Stockholm"),
            ("Kungsportsavenyen 10", "411 36 Göteborg"),
            ("Stortorget 4", "211 22 Malmö"),
        ),
    ),
    "PL": (
        ("Wisła Software Sp. z o.o.", "Bałtyk Media Sp. z o.o.", "Krakowskie Studio S.A."),
        (
            ("ul. Marszałkowska 84", "00-514 Warszawa"),
            ("ul. Floriańska 15", "31-019 Kraków"),
            ("ul. Długa 40", "80-827 Gdańsk"),
        ),
    ),
    "LU": (
        ("Moselle Finance S.à r.l.", "Kirchberg Consulting S.A.", "Ardennes Data S.à r.l."),
        (
            ("12, rue Érasme", "L-1468 Luxembourg"),
            ("5, avenue Monterey", "L-2163 Luxembourg"),
            ("20, rue de l'Alzette", "L-4011 Esch-sur-Alzette"),
        ),
    ),
}
_FR_NAMES = ("Solutions Numériques SAS", "Atelier Lumière SARL", "Groupe Vireo SA", "Éditions du Quai SAS")
_NL_NAMES = ("Polderdata B.V.", "Grachtwerk Creatief B.V.", "Noordzee Logistiek B.V.")
_IE_NAMES = ("Liffey Analytics Ltd.", "Cliffside Software DAC", "Emerald Learning Ltd.")
_GB_NAMES = ("Thameside Digital Ltd", "Pennine Engineering Ltd", "Harbour & Finch Publishing Ltd")
_CH_NAMES = ("Alpenblick Informatik AG", "Seeblick Software GmbH", "Limmat Digital GmbH")
_US_NAMES = ("Bluecrest Analytics Inc.", "Prairie Cloud LLC", "Redwood Commerce Inc.")
_NO_NAMES = ("Fjordkraft Digital AS", "Nordkapp Media AS", "Bergen Havn Software AS")
_NO_PLACES = (
    ("Karl Johans gate 12", "0154 Oslo"),
    ("Bryggen 7", "5003 Bergen"),
    ("Munkegata 20", "7013 Trondheim"),
)
# Country names: (German, English).
_COUNTRIES = {
    "AT": ("Österreich", "Austria"),
    "BE": ("Belgien", "Belgium"),
    "IT": ("Italien", "Italy"),
    "ES": ("Spanien", "Spain"),
    "DK": ("Dänemark", "Denmark"),
    "SE": ("Schweden", "Sweden"),
    "PL": ("Polen", "Poland"),
    "LU": ("Luxemburg", "Luxembourg"),
    "FR": ("Frankreich", "France"),
    "NL": ("Niederlande", "Netherlands"),
    "IE": ("Irland", "Ireland"),
    "GB": ("Vereinigtes Königreich", "United Kingdom"),
    "CH": ("Schweiz", "Switzerland"),
    "USA": ("USA", "USA"),
    "NO": ("Norwegen", "Norway"),
}
_NON_EU = ("CH", "GB", "USA", "NO")


def foreign_vat_id(rng: random.Random, country: str) -> str:
    """A valid VAT number of a business in `country` ("" for the USA), as printed."""
    if country == "FR":
        return fr_vat_id(fr_siren(rng))
    if country == "NL":
        return nl_vat_id(rng)
    if country == "IE":
        return ie_vat_id(rng)
    if country == "GB":
        return gb_vat_id(rng)
    if country == "USA":
        return ""
    if country == "CH":
        body = _digits(rng, 8)
        return ch_uid.format(f"CHE{body}{ch_uid.calc_check_digit(body)}") + " MWST"
    if country == "NO":
        number = valid_id(rng, lambda: _digits(rng, 9), orgnr.is_valid)
        return f"NO {number} MVA"
    shapes = {
        "AT": lambda: f"ATU{_digits(rng, 8)}",
        "BE": lambda: f"BE0{_digits(rng, 9)}",
        "IT": lambda: f"IT{_digits(rng, 7)}{rng.randint(1, 100):03d}{rng.randint(0, 9)}",
        "ES": lambda: f"ES{rng.choice('ABB')}{_digits(rng, 8)}",
        "DK": lambda: f"DK{_digits(rng, 8)}",
        "SE": lambda: f"SE{_digits(rng, 10)}01",
        "PL": lambda: f"PL{_digits(rng, 10)}",
        "LU": lambda: f"LU{_digits(rng, 8)}",
    }
    return valid_id(rng, shapes[country], eu_vat.is_valid)


def customer_abroad(rng: random.Random, country: str) -> Address:
    if country == "FR":
        return fr_address(rng, _FR_NAMES)
    if country == "NL":
        return nl_address(rng, _NL_NAMES)
    if country in ("IE", "GB", "USA", "CH"):
        names = {"IE": _IE_NAMES, "GB": _GB_NAMES, "USA": _US_NAMES, "CH": _CH_NAMES}[country]
        return abroad(rng, country, names)
    names, places = _EU_CUSTOMERS[country] if country != "NO" else (_NO_NAMES, _NO_PLACES)
    street, place = rng.choice(places)
    plz, city = place.split(" ", 1)
    return Address(Party(rng.choice(names), street, plz, city, country), (street, place))


# Freelancers: (first name, last name).
_PEOPLE = (
    ("Jana", "Becker"),
    ("Tobias", "Hartmann"),
    ("Miriam", "Schulte"),
    ("Lukas", "Brandt"),
    ("Sophie", "Keller"),
    ("Daniel", "Vogel"),
    ("Leonie", "Franke"),
    ("Patrick", "Albrecht"),
    ("Nora", "Winkler"),
    ("Felix", "Engel"),
    ("Aylin", "Kaya"),
    ("Christoph", "Lehmann"),
    ("Katharina", "Roth"),
    ("Sven", "Jürgens"),
)
# Trades: trade -> (German line, English line, business names ({last}: the last name)).
_TRADES = {
    "it": (
        ("Freiberuflicher IT-Berater", "IT-Consulting · Softwareentwicklung · Cloud"),
        ("Freelance IT Consultant", "IT consulting · Software engineering · Cloud"),
        ("{last} IT Consulting", "{last} Software Engineering", "Cloudwerk Consulting"),
    ),
    "design": (
        ("Kommunikationsdesign", "Grafikdesign · Corporate Design · Editorial"),
        ("Communication Design", "Graphic design · Corporate design · Editorial"),
        ("Studio {last}", "Pixelgarten Design", "Formfabrik {last}"),
    ),
    "translation": (
        ("Übersetzungen Deutsch · Englisch · Französisch", "Fachübersetzungen und Lektorat"),
        ("Translations German · English · French", "Technical translation and proofreading"),
        ("{last} Translations", "Sprachbrücke Übersetzungen", "Wortwerk {last}"),
    ),
}
# Services by trade: (German, English, unit kind: "time", "hour", "word", "line", "page", "template", "flat";
# least and most price).
_SERVICES: dict[str, tuple[tuple[str, str, str, float, float], ...]] = {
    "it": (
        (
            "Beratung und Umsetzung Cloud-Migration (AWS)",
            "Consulting and implementation, cloud migration (AWS)",
            "time",
            0,
            0,
        ),
        (
            "Softwareentwicklung Backend (Java/Spring)",
            "Backend software development (Java/Spring)",
            "time",
            0,
            0,
        ),
        ("DevOps-Unterstützung CI/CD-Pipeline", "DevOps support, CI/CD pipeline", "time", 0, 0),
        ("Datenbank-Optimierung PostgreSQL", "Database tuning, PostgreSQL", "time", 0, 0),
        ("Architektur-Workshop vor Ort", "On-site architecture workshop", "time", 0, 0),
        ("Code-Review und technische Dokumentation", "Code review and technical documentation", "time", 0, 0),
    ),
    "design": (
        (
            "Logo-Entwicklung inkl. 3 Entwürfen und 2 Korrekturschleifen",
            "Logo design incl. 3 drafts and 2 rounds of revisions",
            "flat",
            900,
            2400,
        ),
        ("Gestaltung Corporate-Design-Manual", "Corporate design manual", "flat", 1200, 3800),
        ("Layout Imagebroschüre", "Layout of image brochure", "page", 45, 95),
        ("Screendesign Website (Templates)", "Website screen design (templates)", "template", 180, 420),
        (
            "Einräumung der Nutzungsrechte (zeitlich und räumlich unbeschränkt)",
            "Grant of usage rights (unlimited in time and territory)",
            "flat",
            400,
            1500,
        ),
        ("Abstimmung und Korrekturen", "Coordination and revisions", "hour", 70, 110),
        ("Bildbearbeitung und Reinzeichnung", "Image editing and final artwork", "hour", 60, 95),
    ),
    "translation": (
        (
            "Übersetzung Deutsch > Englisch: Geschäftsbericht",
            "Translation German > English: annual report",
            "word",
            0.11,
            0.19,
        ),
        (
            "Übersetzung Englisch > Deutsch: Softwarehandbuch",
            "Translation English > German: software manual",
            "word",
            0.11,
            0.19,
        ),
        (
            "Übersetzung Deutsch > Französisch: Produktdatenblätter",
            "Translation German > French: product data sheets",
            "word",
            0.12,
            0.2,
        ),
        (
            "Übersetzung Englisch > Deutsch: Rahmenvertrag",
            "Translation English > German: framework agreement",
            "line",
            1.1,
            1.7,
        ),
        ("Lektorat und Korrekturlesen", "Editing and proofreading", "hour", 45, 75),
        ("Terminologiepflege und Glossar", "Terminology management and glossary", "hour", 45, 70),
    ),
}
# Units: kind -> (German singular label, English label).
_UNITS = {
    "day": ("Tage", "days"),
    "hour": ("Std.", "hrs"),
    "word": ("Wörter", "words"),
    "line": ("Normzeilen", "lines"),
    "page": ("Seiten", "pages"),
    "template": ("Stk.", "pcs"),
    "flat": ("pauschal", "flat"),
}

# Wordings: key -> (German, English).
_FW = {
    "invoice": ("Rechnung", "Invoice"),
    "number": ("Rechnungsnummer", "Invoice No."),
    "date": ("Rechnungsdatum", "Invoice date"),
    "customer": ("Kundennummer", "Customer No."),
    "po": ("Ihre Bestellnummer", "Your PO number"),
    "period": ("Leistungszeitraum", "Service period"),
    "delivery": ("Lieferdatum", "Delivery date"),
    "own_vat": ("USt-IdNr.", "VAT ID"),
    "their_vat": ("Ihre USt-IdNr.", "Your VAT ID"),
    "their_vat_long": ("USt-IdNr. des Leistungsempfängers", "Customer VAT ID"),
    "tax_no": ("Steuernummer", "Tax number"),
    "pos": ("Pos.", "Item"),
    "desc": ("Leistung", "Description"),
    "qty": ("Menge", "Qty"),
    "unit": ("Einheit", "Unit"),
    "rate": ("Satz", "Rate"),
    "amount": ("Betrag", "Amount"),
    "net": ("Nettobetrag", "Net amount"),
    "vat0": ("USt. 0 %", "VAT 0 %"),
    "total": ("Gesamtbetrag", "Total"),
    "holder": ("Kontoinhaber", "Account holder"),
    "bank": ("Bank", "Bank"),
    "regards": ("Mit freundlichen Grüßen", "Kind regards"),
    "travel": ("Reisezeit (50 % des Stundensatzes)", "Travel time (50 % of hourly rate)"),
    "rush": ("Eilzuschlag", "Rush fee"),
    "timesheet": ("Anlage: Tätigkeitsnachweis", "Attachment: timesheet"),
    "day_col": ("Datum", "Date"),
    "task": ("Tätigkeit", "Activity"),
    "hours": ("Stunden", "Hours"),
    "sum": ("Summe", "Total"),
}
_EU_NOTE = (
    "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge) gemäß § 13b UStG.",
    "Die Umsatzsteuer schuldet der Leistungsempfänger (Steuerschuldnerschaft des Leistungsempfängers, "
    "§ 13b Abs. 1 UStG, Art. 196 MwStSystRL).",
    "Steuerschuldnerschaft des Leistungsempfängers. Die Leistung ist in Deutschland nicht steuerbar.",
)
_EU_NOTE_EN = (
    "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Council Directive 2006/112/EC).",
    "Reverse charge - the customer is liable for VAT (Art. 44 and 196 VAT Directive 2006/112/EC).",
    "VAT reverse charge applies. No German VAT charged.",
)
_NON_EU_NOTE = (
    "Nicht im Inland steuerbare Leistung (Leistungsort nach § 3a Abs. 2 UStG im Ausland).",
    "Nicht im Inland steuerbare Leistung. Der Leistungsort liegt im Drittland (§ 3a Abs. 2 UStG).",
)
_NON_EU_NOTE_EN = (
    "Not taxable in Germany: place of supply outside Germany (Sec. 3a (2) German VAT Act).",
    "Service not subject to German VAT (place of supply abroad, § 3a (2) UStG).",
)


@dataclass(frozen=True)
class Service:
    """One line of the freelancer's invoice: its item and how its quantity and rate are printed."""

    item: LineItem
    german: str
    english: str
    kind: str
    note: str = ""  # a grey second line (words counted, the dates worked)


class FreelancerReverseCharge(FirstSheet):
    """A German freelancer's invoice to a business abroad: no German VAT, both parties' VAT ids."""

    FONTS = ("liberation-sans", "dejavu-sans", "liberation-serif", "dejavu-serif", "dejavu-sans-condensed")
    IDS = "vat"
    GROUPED = 0.6
    FOOT = A4.height - 70

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.lang = rng.choice(("de", "de", "bi", "bi", "en"))
        self.trade = rng.choice(tuple(_TRADES))
        first, last = rng.choice(_PEOPLE)
        self.person = f"{first} {last}"
        business = rng.choice(_TRADES[self.trade][2]).format(last=last)
        self.business = business if rng.random() < 0.4 else ""
        eu = rng.random() < 0.7
        self.country = rng.choice(tuple(_EU_CUSTOMERS) + ("FR", "NL", "IE")) if eu else rng.choice(_NON_EU)
        self.eu = eu
        self.customer = customer_abroad(rng, self.country)
        self.their_vat = foreign_vat_id(rng, self.country)
        day = regular_day(data.date)
        if self.country == "GB" and day.year < 2021:  # outside the EU only since 2021
            day = day.replace(year=rng.randint(2021, 2025), day=min(day.day, 28))
        n = rng.randint(1, 140)
        number = rng.choice(
            (
                f"{day.year}-{n:03d}",
                f"RE-{day.year}-{n:04d}",
                f"{n:03d}/{day.year}",
                f"{day.year}{n:04d}",
                f"INV-{day.year % 100}{n:03d}",
                f"{last[:2].upper()}-{day.year}-{n:02d}",
            )
        )
        mail = f"{first.lower()}@{last.lower().replace('ü', 'ue')}-{self.trade}.de"
        supplier = dataclasses.replace(data.supplier, name=self.person)
        customer_no = (
            rng.choice(
                (f"K{rng.randint(100, 999)}", f"{rng.randint(10001, 10099)}", f"C-{rng.randint(10, 99)}")
            )
            if rng.random() < 0.4
            else ""
        )
        order_no = (
            rng.choice(
                (
                    f"PO-{rng.randint(10**5, 10**6 - 1)}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"PO{day.year}-{rng.randint(100, 999)}",
                )
            )
            if rng.random() < 0.4
            else ""
        )
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 30, 30, 10))),
            supplier=supplier,
            customer=self.customer.party,
            customer_no=customer_no,
            order_no=order_no,
            email=mail,
            phone=rng.choice(("+49 ", "0")) + f"{rng.randint(151, 179)} {rng.randint(1000000, 99999999)}",
        )
        super().__init__(rng, data)
        english = self.lang == "en"
        numbers = rng.choice(("en", "en", "de")) if english else "de"
        currency = (
            rng.choice(("sign_tight", "code_before", "sign_after", "code_after"))
            if english
            else rng.choice(("sign_after", "sign_after", "code_after"))
        )
        dates = (
            rng.choice(("en_long", "en_long", "en_us", "fr_slash", "dotted"))
            if english
            else rng.choice(("dotted", "dotted", "de_long"))
            if self.lang == "de"
            else rng.choice(("dotted", "dotted", "en_long"))
        )
        self.p = Printer(numbers, currency, dates)
        self.ids = "both" if data.tax_no and rng.random() < 0.45 else "vat"
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("left", "centred", "right"))
        self.vat_line = rng.random() < 0.55
        self.ids_where = rng.choice(("info", "under_address", "closing"))
        self.bank_where = rng.choice(("body", "footer"))
        self.with_customer_no = bool(customer_no)
        self.start, self.end = month_before(day)
        self.delivery: dt.date | None = None
        self.timesheet: list[tuple[dt.date, str, Decimal]] = []

    # -- words

    def w(self, key: str, joiner: str = " / ") -> str:
        de, en = _FW[key]
        return {"de": de, "en": en, "bi": f"{de}{joiner}{en}"}[self.lang]

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, self.person, 9, bold=True)
        word = "Invoice" if self.lang == "en" else "Rechnung"
        of = "of" if self.lang == "en" else "vom"
        c.text(self.RIGHT, 50, f"{word} {d.number} {of} {self.p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP

    def page_label(self, page: int, pages: int) -> str:
        if self.lang == "en":
            return f"Page {page} of {pages}"
        return f"Seite {page} von {pages}" + (f" / Page {page} of {pages}" if self.lang == "bi" else "")

    # -- the services

    def services(self) -> list[Service]:
        rng = self.rng
        picks = list(_SERVICES[self.trade])
        out: list[Service] = []
        if self.trade == "it":
            by_day = rng.random() < 0.45
            rate = Decimal(rng.randrange(650, 1300, 50)) if by_day else Decimal(rng.randrange(75, 145, 5))
            chosen = rng.sample(picks, rng.choice((1, 1, 2, 3)))
            sheet = not by_day and len(chosen) == 1 and rng.random() < 0.45
            if sheet:
                self.timesheet = self.worked()
            for german, english_text, *_ in chosen:
                qty = Decimal(rng.randint(2, 40)) / 2 if by_day else Decimal(rng.randint(8, 160)) / 2
                if sheet:
                    qty = sum((h for *_, h in self.timesheet), Decimal(0))
                unit = "day" if by_day else "hour"
                out.append(Service(LineItem(german, "", qty, unit, rate, 0), german, english_text, unit))
            if rng.random() < 0.3:
                hours = Decimal(rng.randint(4, 16)) / 2
                half = round_cent((rate / 8 if by_day else rate) / 2)
                de, en = _FW["travel"]
                out.append(Service(LineItem(de, "", hours, "hour", half, 0), de, en, "hour"))
            return out
        if self.trade == "design":
            chosen = rng.sample(picks, rng.randint(2, 4))
            for german, english_text, kind, lo, hi in chosen:
                if kind == "flat":
                    qty, price = Decimal(1), Decimal(rng.randrange(int(lo), int(hi), 50))
                elif kind == "page":
                    qty, price = (
                        Decimal(rng.choice((8, 12, 16, 20, 24, 32))),
                        Decimal(rng.randrange(int(lo), int(hi), 5)),
                    )
                elif kind == "template":
                    qty, price = Decimal(rng.randint(3, 8)), Decimal(rng.randrange(int(lo), int(hi), 10))
                else:
                    qty, price = Decimal(rng.randint(4, 40)) / 2, Decimal(rng.randrange(int(lo), int(hi), 5))
                out.append(Service(LineItem(german, "", qty, kind, price, 0), german, english_text, kind))
            return out
        chosen = rng.sample(picks[:4], rng.choice((1, 1, 2)))
        for german, english_text, kind, lo, hi in chosen:
            if kind == "word":
                qty = Decimal(rng.randint(600, 12000))
                note = {
                    "de": "Berechnungsgrundlage: Wörter im Ausgangstext",
                    "bi": "Basis: source word count",
                    "en": "Based on source word count",
                }[self.lang]
            else:
                qty = Decimal(rng.randint(40, 900))
                note = (
                    "1 Normzeile = 55 Anschläge" if self.lang != "en" else "1 standard line = 55 characters"
                )
            price = Decimal(rng.randint(int(lo * 100), int(hi * 100))) / 100
            out.append(Service(LineItem(german, "", qty, kind, price, 0), german, english_text, kind, note))
        if rng.random() < 0.4:
            german, english_text, kind, lo, hi = rng.choice(picks[4:])
            qty, price = Decimal(rng.randint(2, 16)) / 2, Decimal(rng.randrange(int(lo), int(hi), 5))
            out.append(Service(LineItem(german, "", qty, kind, price, 0), german, english_text, kind))
        if rng.random() < 0.3:
            pct = rng.choice((20, 25, 30, 50))
            base = sum((s.item.total for s in out if s.kind in ("word", "line")), Decimal(0))
            de, en = _FW["rush"]
            de, en = f"{de} {pct} % (Lieferung innerhalb 48 Std.)", f"{en} {pct} % (delivery within 48 hrs)"
            out.append(
                Service(LineItem(de, "", Decimal(1), "flat", round_cent(base * pct / 100), 0), de, en, "flat")
            )
        if rng.random() < 0.5:
            self.delivery = self.data.date - dt.timedelta(days=rng.randint(0, 6))
        return out

    def worked(self) -> list[tuple[dt.date, str, Decimal]]:
        """Days of the service month worked and the hours of each."""
        rng = self.rng
        days = [
            self.start + dt.timedelta(days=k)
            for k in range((self.end - self.start).days + 1)
            if (self.start + dt.timedelta(days=k)).weekday() < 5
        ]
        rows: list[tuple[dt.date, str, Decimal]] = []
        tasks_de = (
            "Analyse und Konzeption",
            "Implementierung",
            "Abstimmung mit dem Team",
            "Tests und Review",
            "Deployment und Monitoring",
            "Dokumentation",
        )
        tasks_en = (
            "Analysis and design",
            "Implementation",
            "Team alignment",
            "Testing and review",
            "Deployment and monitoring",
            "Documentation",
        )
        share = rng.choice((0.3, 0.5, 0.8, 1.0))
        for day in days:
            if rng.random() > share:
                continue
            h = Decimal(rng.randint(4, 18)) / 2
            k = rng.randrange(len(tasks_de))
            task = {"de": tasks_de[k], "en": tasks_en[k], "bi": f"{tasks_de[k]} / {tasks_en[k]}"}[self.lang]
            rows.append((day, task, h))
        return rows or [(days[0], "Implementierung" if self.lang == "de" else "Implementation", Decimal(8))]

    # -- the page

    def header(self) -> float:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        de, en, _ = _TRADES[self.trade]
        trade = en[0] if self.lang == "en" else de[0]
        line = en[1] if self.lang == "en" else de[1]
        title = self.business or self.person
        sub = f"{self.person} · {trade}" if self.business else trade
        contact = [s.street, f"{s.city_line}" + ("" if self.lang == "de" else ", Germany"), d.phone, d.email]
        if self.head == "left":
            c.fit_text(L, 58, title, 20, 330, bold=True, colour=self.brand)
            c.text(L, 72, sub, 9, colour=GREY)
            c.text(L, 84, line, 7.5, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 44 + 10 * i, text, 7.5, align="right", colour=GREY)
        elif self.head == "centred":
            c.fit_text(c.width / 2, 56, title.upper(), 17, R - L, bold=True, align="center")
            c.text(c.width / 2, 70, sub, 9, align="center", colour=self.brand)
            c.fit_text(c.width / 2, 84, " · ".join(contact), 7.5, R - L, align="center", colour=GREY)
            c.line(L, 92, R, 92, width=0.6, colour=self.brand)
        else:
            logo(c, "circle", R - 40, 30, 40, self.brand, initials(self.person))
            c.fit_text(R - 50, 52, title, 15, 300, bold=True, align="right")
            c.text(R - 50, 65, sub, 8.5, align="right", colour=GREY)
            c.fit_text(R - 50, 77, " · ".join(contact[:2]), 7.5, 300, align="right", colour=GREY)
        return 100.0

    def address_block(self) -> float:
        c, s, L = self.c, self.data.supplier, self.LEFT
        lines = list(self.customer.block)
        country = _COUNTRIES[self.country][0 if self.lang == "de" else 1]
        if self.country not in ("CH", "USA"):  # (their addresses end with a country line)
            lines.append(country.upper())
        y = self.window(
            L,
            132,
            lines,
            10,
            sender=f"{self.person} · {s.street} · {s.city_line} · Germany"
            if self.lang != "de"
            else f"{self.person} · {s.street} · {s.city_line}",
        )
        if self.ids_where == "under_address" and self.their_vat:
            label = "VAT ID" if self.lang == "en" else "USt-IdNr."
            c.text(L, y + 2, f"{label}: {self.their_vat}", 8.5)
            y += 14
        return y

    def vat_rows(self, long: bool = False) -> list[tuple[str, str]]:
        rows = [(self.w("own_vat"), self.data.vat_id_printed)]
        self.tax["ust_id"] = self.data.vat_id
        if self.their_vat and self.ids_where != "under_address":
            rows.append((self.w("their_vat_long" if long else "their_vat"), self.their_vat))
        return rows

    def info(self) -> float:
        c, d, p, rng, R = self.c, self.data, self.p, self.rng, self.RIGHT
        rows = [(self.w("number"), d.number), (self.w("date"), p.date(d.date))]
        if self.with_customer_no:
            rows.append((self.w("customer"), d.customer_no))
        if d.order_no:
            rows.append((self.w("po"), d.order_no))
        if self.delivery:
            rows.append((self.w("delivery"), p.date(self.delivery)))
        if self.ids_where == "info":
            rows += self.vat_rows()
        if self.lang == "bi":  # the German label above, the English one below, the value right
            y = 130.0
            for label, value in rows:
                de, _, en = label.partition(" / ")
                c.text(330, y, de, 8, colour=GREY)
                c.text(330, y + 8.5, en, 6.5, colour=GREY)
                c.fit_text(R, y + 3, value, 8.8, R - 440, align="right")
                y += 20
            return y
        x = 330 if rng.random() < 0.5 else 345
        return label_rows(c, rows, x, R, 134, 8.5, 13.5, value_align="right", label_colour=GREY)

    def title(self, y: float) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        y = max(y, 226.0) + 18
        word = self.w("invoice")
        text = word if rng.random() < 0.5 else f"{word} {d.number}"
        c.text(L, y, text.upper() if rng.random() < 0.3 else text, 15, bold=True)
        period = f"{p.date(self.start)} - {p.date(self.end)}"
        if not self.delivery:
            y += 15
            c.text(L, y, f"{self.w('period')}: {period}", 9)
        subject = {
            "it": ("Projektunterstützung", "Project support"),
            "design": ("Gestaltungsleistungen", "Design services"),
            "translation": ("Übersetzungsleistungen", "Translation services"),
        }[self.trade]
        if rng.random() < 0.6:
            salutation = {
                "de": f"Sehr geehrte Damen und Herren, für meine {subject[0]} berechne ich Ihnen wie "
                "vereinbart:",
                "en": f"Dear Sir or Madam, as agreed I invoice you for my {subject[1].lower()} as follows:",
                "bi": f"Für meine {subject[0]} berechne ich wie vereinbart / As agreed, I invoice my "
                f"{subject[1].lower()} as follows:",
            }[self.lang]
            y = c.paragraph(L, y + 16, salutation, R - L, 9) - 6
        return y + 10

    def table(self, y: float, services: list[Service]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        english = p.numbers == "en"
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "pos", 30, "left"),
            ("desc", "desc", 0, "left"),
            ("qty", "qty", 58, "right"),
            ("unit", "unit", 52, "left"),
            ("rate", "rate", 62, "right"),
            ("amount", "amount", 76, "right"),
        ]
        cols = columns(spec, L, R)
        shaded = self.rng.random() < 0.5
        height = 26 if self.lang == "bi" else 17
        if shaded:
            c.box(L, y, R, y + height, fill=LIGHT, stroke=None)
        else:
            c.line(L, y, R, y, width=0.8)
            c.line(L, y + height, R, y + height, width=0.5)
        for col in cols:
            de, en = _FW[col.key]
            if self.lang == "bi":
                cells(c, [col], y + 11, {col.key: de}, 8, bold=True)
                cells(c, [col], y + 21, {col.key: en}, 7, colour=GREY)
            else:
                cells(c, [col], y + 12, {col.key: en if self.lang == "en" else de}, 8.5, bold=True)
        y += height
        desc = cols[1]
        for n, s in enumerate(services, 1):
            item = s.item
            text = {"de": s.german, "en": s.english, "bi": s.german}[self.lang]
            lines = c.wrap(text, desc.width, 8.8)
            whole = item.quantity == item.quantity.to_integral()
            qty = grouped(int(item.quantity), english) if whole else p.quantity(item.quantity)
            unit_de, unit_en = _UNITS[s.kind if s.kind != "time" else "hour"]
            unit = unit_en if self.lang == "en" else unit_de
            if item.unit == "day":
                unit = "days" if self.lang == "en" else "Tage"
            if s.kind == "flat":
                qty = "1"
            y += 14
            price = p.number(item.unit_price)
            cells(
                c,
                cols,
                y,
                {
                    "pos": str(n),
                    "desc": lines[0],
                    "qty": qty,
                    "unit": unit,
                    "rate": price,
                    "amount": p.number(item.total),
                },
                8.8,
            )
            for line in lines[1:]:
                y += 11
                c.text(desc.anchor, y, line, 8.8)
            extra = [s.english] if self.lang == "bi" else []
            if s.note:
                extra.append(s.note)
            for line in extra:
                y += 10
                c.fit_text(desc.anchor, y, line, 7.5, desc.width, colour=GREY)
            y += 6
            c.line(L, y, R, y, width=0.25, colour=RULE)
        return y

    def totals(self, y: float, net: Decimal) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        rows: list[tuple[str, Decimal, bool]] = []
        if self.vat_line:
            rows += [(self.w("net"), net, False), (self.w("vat0"), Decimal(0), False)]
        elif self.rng.random() < 0.5:
            rows.append((self.w("net"), net, False))
        total = self.w("total")
        if not self.vat_line and self.rng.random() < 0.5:
            total += " (netto)" if self.lang == "de" else " (net)"
        rows.append((total, net, True))
        x = R - 260
        y += 6
        for label, value, bold in rows:
            y += 15
            if bold:
                c.box(x - 6, y - 11, R + 3, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9.5, 170, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        return y + 8

    def note(self) -> list[str]:
        rng = self.rng
        if self.eu:
            de, en = rng.choice(_EU_NOTE), rng.choice(_EU_NOTE_EN)
        else:
            de, en = rng.choice(_NON_EU_NOTE), rng.choice(_NON_EU_NOTE_EN)
        return {"de": [de], "en": [en], "bi": [de, en]}[self.lang]

    def closing(self, y: float, total: Decimal) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        texts = self.note()
        days = (d.due_date - d.date).days
        pay = {
            "de": rng.choice(
                (
                    f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} auf mein unten "
                    "genanntes Konto.",
                    f"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                )
            ),
            "en": rng.choice(
                (
                    f"Please transfer the amount due by {p.date(d.due_date)} to the account below.",
                    f"Payment terms: {days} days net. Bank charges are borne by the payer (OUR).",
                )
            ),
            "bi": f"Zahlbar bis / Payable by {p.date(d.due_date)}.",
        }[self.lang]
        texts.append(pay)
        y += 6
        for k, text in enumerate(texts):
            y = c.paragraph(L, y + 4, text, R - L, 8.6, bold=k == 0 and rng.random() < 0.5)
        if self.ids_where == "closing":
            for label, value in self.vat_rows(long=True):
                y += 12
                c.text(L, y, f"{label}: {value}", 8.5)
        if self.bank_where == "body":
            rows = [
                (self.w("holder"), self.person),
                (self.w("bank"), self.bank_name()),
                ("IBAN", self.iban),
                ("BIC", str(d.iban.bic)),
            ]
            y += 8
            top = y
            y = label_rows(c, rows, L + 8, L + 150, y + 12, 8.6, 12)
            c.box(L, top, L + 390, y - 4, stroke=RULE, width=0.5)
        y += 10
        c.text(L, y + 4, self.w("regards"), 9)
        c.text(L, y + 30, self.person, 9.5)
        return y + 30

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        ids = [
            f"{self.w('own_vat', ' ')} {d.vat_id_printed}"
            if self.lang != "bi"
            else f"USt-IdNr. {d.vat_id_printed}"
        ]
        if self.ids in ("both", "stnr") and d.tax_no:
            self.tax["steuernummer"] = d.tax_no
            ids.append(f"{self.w('tax_no', ' / ') if self.lang != 'bi' else 'Steuernummer'} {d.tax_no}")
        self.tax["ust_id"] = d.vat_id
        cols = [[self.person, s.street, s.city_line, d.email], [f"Tel. {d.phone}", *ids]]
        if self.bank_where == "footer":
            cols.append([self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"])
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def timesheet_page(self) -> None:
        p, L, R = self.p, self.LEFT, self.RIGHT
        y = self.next_page()
        c = self.c
        c.text(L, y, self.w("timesheet"), 13, bold=True)
        y += 15
        c.text(L, y, f"{self.w('period')}: {p.date(self.start)} - {p.date(self.end)}", 9)
        spec: list[tuple[str, str, float, Align]] = [
            ("day_col", self.w("day_col"), 110, "left"),
            ("task", self.w("task"), 0, "left"),
            ("hours", self.w("hours"), 70, "right"),
        ]
        cols = columns(spec, L, R)
        y += 14
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True)
        y += 16
        step = 12.5 if len(self.timesheet) < 40 else 11
        for day, task, hours in self.timesheet:
            y += step
            cells(c, cols, y, {"day_col": p.date(day), "task": task, "hours": p.quantity(hours)}, 8.3)
        c.line(L, y + 5, R, y + 5, width=0.6)
        y += 18
        total = sum((h for *_, h in self.timesheet), Decimal(0))
        cells(c, cols, y, {"task": self.w("sum"), "hours": p.quantity(total)}, 8.8, bold=True)
        assert y < self.limit, "freelancer_reverse_charge: timesheet overflow"

    def draw(self) -> TripDrawing:
        services = self.services()
        items = [s.item for s in services]
        (vat,) = vat_breakdown(items)
        assert vat.amount == 0
        self.header()
        top = self.address_block()
        y = self.title(max(top, self.info()))
        y = self.table(y, services)
        y = self.totals(y, vat.base)
        y = self.closing(y, vat.base)
        assert y < self.limit + 6, "freelancer_reverse_charge: page overflow"
        if self.timesheet:
            self.timesheet_page()
        pages = self.close_pages(False)
        if self.delivery:
            self.data = dataclasses.replace(self.data, service_date=self.delivery)
        return self.finish(
            items,
            "Invoice" if self.lang == "en" else "Rechnung",
            pages=pages,
            service_date=bool(self.delivery),
            customer_no=self.with_customer_no,
            order_no=bool(self.data.order_no),
            vat_printed=self.vat_line,
        )


# ---------------------------------------------------------------------------
# druckerei_staffel

_PRINTERS = (
    "Druckerei Hansen GmbH",
    "Offsetdruck Brückner e.K.",
    "Printwerk Nord GmbH & Co. KG",
    "Druckhaus Mittelstadt GmbH",
    "Druckerei Weigand OHG",
    "Medienhaus Lindner Druck GmbH",
    "Digitaldruck Becker GmbH",
    "Buch- und Offsetdruck Seidel KG",
)
_PRINT_TAGLINES = (
    "Offsetdruck · Digitaldruck · Weiterverarbeitung",
    "Ihr Partner für Druck und Medien seit 1952",
    "Drucksachen, Großformat, Buchproduktion",
    "Klimaneutral gedruckt · FSC®-zertifiziert",
)
_PUBLISHERS = (
    "Verlag am Birkenhain",
    "Edition Nordlicht",
    "Heimatverein Oberau e.V.",
    "TSV Grünwiesen 1925 e.V.",
)


@dataclass(frozen=True)
class Job:
    """One print job: the title, its detail lines, the run, its VAT rate and its price (net)."""

    title: str
    details: tuple[str, ...]
    run: int  # copies; 0 for jobs priced per piece
    unit: str  # "Stk.", "Expl."
    rate: int
    price: Decimal  # the whole job's price
    per_1000: Decimal | None = None  # printed beside the run on some seeds
    pieces: int = 0  # for jobs priced per piece (banners, roll-ups)
    piece_price: Decimal = Decimal(0)


_PAPERS = (
    "135 g/m² Bilderdruck matt",
    "170 g/m² Bilderdruck glänzend",
    "115 g/m² Bilderdruck seidenmatt",
    "300 g/m² Bilderdruck matt",
    "90 g/m² Offset weiß (FSC)",
    "120 g/m² Recyclingpapier (Blauer Engel)",
    "250 g/m² Bilderdruck matt",
)


class DruckereiStaffel(FirstSheet):
    """A print shop's invoice: jobs with format, paper, colours and print run; setup, express, shipping."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    CURRENCY = ("sign_after", "sign_after", "code_after", "sign_before")
    DATES = ("dotted", "dotted", "dotted_short", "de_long")
    IDS = "vat"
    GROUPED = 0.6
    FOOT = A4.height - 80

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name = rng.choice(_PRINTERS)
        supplier = dataclasses.replace(data.supplier, name=name)
        day = regular_day(data.date)
        self.books = rng.random() < 0.4
        customer = data.customer
        if self.books and rng.random() < 0.6:
            customer = dataclasses.replace(customer, name=rng.choice(_PUBLISHERS))
        number = rng.choice(
            (
                f"RE {day.year % 100}-{rng.randint(1000, 99999):05d}",
                f"{day.year}-{rng.randint(10000, 99999)}",
                f"R{day.year % 100}{day.month:02d}{rng.randint(100, 999)}",
                str(rng.randint(10**7, 10**8 - 1)),
            )
        )
        self.ordered = day - dt.timedelta(days=rng.randint(8, 35))
        order_no = rng.choice(
            (
                f"{rng.randint(4500000000, 4599999999)}",
                f"B-{day.year}-{rng.randint(10, 999)}",
                f"PO {rng.randint(10000, 99999)}",
                f"Marketing/{rng.randint(1, 99):02d}",
            )
        )
        short = name.split()[1].lower().replace("ü", "ue").replace("-", "") if " " in name else "druck"
        self.domain = f"{short}-druck.de"
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 30, 30))),
            supplier=supplier,
            customer=customer,
            customer_no=rng.choice((f"{rng.randint(10000, 69999)}", f"KD-{rng.randint(1000, 9999)}")),
            order_no=order_no if rng.random() < 0.55 else "",
            email=f"{rng.choice(('info', 'auftrag', 'buchhaltung'))}@{self.domain}",
            register=("HRA " if name.endswith(("e.K.", "OHG", "KG")) and "GmbH" not in name else "HRB ")
            + str(rng.randint(1000, 99999)),
        )
        super().__init__(rng, data)
        self.ids = "both" if data.tax_no and rng.random() < 0.4 else "vat"
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("logo_left", "band", "right"))
        self.with_delivery = rng.random() < 0.5
        self.delivery = day - dt.timedelta(days=rng.randint(0, 6))
        self.note_no = f"LS {rng.randint(100000, 999999)}" if rng.random() < 0.6 else ""
        self.own_order = f"A-{day.year % 100}-{rng.randint(1000, 9999)}" if rng.random() < 0.6 else ""
        self.mention_order = bool(data.order_no) or rng.random() < 0.3  # "Ihre Bestellung vom ..."
        self.express = rng.choice((0, 0, 0, 20, 25, 30, 50))
        self.prepaid = rng.random() < 0.4
        self.skonto = rng.choice((0, 0, 2, 3)) if not self.prepaid or rng.random() < 0.3 else 0
        self.per_1000 = rng.random() < 0.4
        self.subnumbers = rng.random() < 0.5
        self.rate_col = rng.random() < 0.5
        self.with_bic = rng.random() < 0.85

    # -- the jobs

    def jobs(self) -> list[Job]:
        rng = self.rng
        kinds = ["flyer", "brochure", "cards", "poster", "letterhead", "banner", "rollup"]
        count = rng.choice((1, 2, 2, 3, 3, 4, 5))
        picked = rng.sample(kinds, min(count, len(kinds)))
        if self.books:
            picked = ["book"] + picked[: rng.choice((0, 0, 1, 2))]
        return [self.job(kind) for kind in picked]

    def run_job(
        self,
        title: str,
        details: tuple[str, ...],
        run: int,
        per_1000: Decimal,
        rate: int = 19,
        unit: str = "Stk.",
    ) -> Job:
        price = round_cent(per_1000 * run / 1000)
        return Job(title, details, run, unit, rate, price, per_1000)

    def job(self, kind: str) -> Job:
        rng = self.rng
        paper = rng.choice(_PAPERS)
        if kind == "flyer":
            fmt = rng.choice(
                (
                    "DIN A6, 105 x 148 mm",
                    "DIN A5, 148 x 210 mm",
                    "DIN lang, 99 x 210 mm",
                    "DIN A4, 210 x 297 mm, Wickelfalz auf DIN lang",
                )
            )
            run = rng.choice((1000, 2500, 5000, 10000, 20000))
            colours = rng.choice(("4/4-farbig (Euroskala)", "4/0-farbig", "4/4-farbig"))
            per = Decimal(rng.randint(900, 6500)) / 100 * (Decimal(5000) / run) ** Decimal("0.35")
            return self.run_job(
                f"Flyer {fmt.split(',')[0]}",
                (f"Format: {fmt}", f"Papier: {paper}", f"Druck: {colours}"),
                run,
                round_cent(per),
            )
        if kind == "brochure":
            pages = rng.choice((8, 12, 16, 24, 32))
            run = rng.choice((250, 500, 1000, 2000, 3000))
            per = Decimal(rng.randint(40000, 120000)) / 100 * pages / 16
            return self.run_job(
                f"Broschüre DIN A4, {pages} Seiten + 4 Seiten Umschlag",
                (
                    f"Inhalt: {rng.choice(_PAPERS[:3])}, "
                    f"Umschlag: {rng.choice(('250 g/m² Bilderdruck matt', '300 g/m² Chromosulfatkarton'))}",
                    "Druck: 4/4-farbig, Umschlag mit Dispersionslack",
                    f"Verarbeitung: {rng.choice(('Rückendrahtheftung (2 Klammern)', 'Klebebindung (PUR)'))}",
                ),
                run,
                round_cent(per),
            )
        if kind == "cards":
            names = rng.randint(1, 6)
            run = names * rng.choice((250, 500))
            per = Decimal(rng.randint(6000, 14000)) / 100
            return self.run_job(
                "Visitenkarten 85 x 55 mm",
                (
                    f"{names} Namen à {run // names} Stk.",
                    f"Papier: {rng.choice(('350 g/m² Chromokarton', '400 g/m² Naturkarton'))}",
                    f"Druck: {rng.choice(('4/4-farbig', '4/0-farbig', '2/0-farbig HKS 43'))}",
                ),
                run,
                round_cent(per),
            )
        if kind == "poster":
            fmt = rng.choice(("DIN A2, 420 x 594 mm", "DIN A1, 594 x 841 mm", "DIN A3, 297 x 420 mm"))
            run = rng.choice((100, 250, 500, 1000))
            per = Decimal(rng.randint(30000, 90000)) / 100
            return self.run_job(
                f"Plakate {fmt.split(',')[0]}",
                (f"Format: {fmt}", f"Papier: {rng.choice(_PAPERS[:2])}", "Druck: 4/0-farbig"),
                run,
                round_cent(per),
            )
        if kind == "letterhead":
            run = rng.choice((1000, 2500, 5000))
            per = Decimal(rng.randint(3500, 9000)) / 100
            return self.run_job(
                "Briefbogen DIN A4",
                (
                    "Papier: 90 g/m² Offset weiß (FSC)",
                    f"Druck: {rng.choice(('4/0-farbig', '2/0-farbig Pantone 286 C + Schwarz'))}",
                ),
                run,
                round_cent(per),
            )
        if kind == "banner":
            w, h = rng.choice(((300, 100), (200, 80), (400, 120), (500, 100)))
            pieces = rng.randint(1, 4)
            piece = Decimal(rng.randint(4500, 19000)) / 100
            return Job(
                f"PVC-Banner {w} x {h} cm",
                (
                    "Material: Frontlit 510 g/m², B1 schwer entflammbar",
                    "Druck: 4/0-farbig, Digitaldruck",
                    "Konfektion: umlaufend gesäumt und geöst (Ösenabstand 50 cm)",
                ),
                0,
                "Stk.",
                19,
                pieces * piece,
                pieces=pieces,
                piece_price=piece,
            )
        if kind == "rollup":
            pieces = rng.randint(1, 3)
            piece = Decimal(rng.randint(8900, 21900)) / 100
            return Job(
                "Roll-up-Display 85 x 200 cm",
                ("inkl. Kassette und Transporttasche", "Druck: 4/0-farbig auf PET-Folie 220 µm"),
                0,
                "Stk.",
                19,
                pieces * piece,
                pieces=pieces,
                piece_price=piece,
            )
        title = rng.choice(
            (
                "Chronik 100 Jahre TSV Grünwiesen",
                "Wanderführer Oberau",
                "Lyrikband „Stille Wasser“",
                "Festschrift 75 Jahre Heimatverein",
                "Kochbuch „Aus Omas Küche“",
            )
        )
        pages = rng.choice((96, 128, 160, 184, 224, 256))
        run = rng.choice((200, 300, 500, 1000, 1500))
        cover = rng.choice(("Hardcover mit Fadenheftung, Kapitalband", "Softcover, Klebebindung (PUR)"))
        per = Decimal(rng.randint(350000, 1200000)) / 100 * pages / 160
        return self.run_job(
            f"Buch „{title}“" if "„" not in title else f"Buch {title}",
            (
                "Format: 17 x 24 cm, Hochformat",
                f"Umfang: {pages} Seiten, {cover}",
                "Inhalt: 120 g/m² Offset weiß, 4/4-farbig",
                "Umschlag: 4/0-farbig, matt kaschiert",
            ),
            run,
            round_cent(per),
            rate=7,
            unit="Expl.",
        )

    def positions(self, jobs: list[Job]) -> list[tuple[str, Job | None, LineItem, str]]:
        """The table's rows: (number, job or None, item, detail note) with setup, proof and express lines."""
        rng = self.rng
        rows: list[tuple[str, Job | None, LineItem, str]] = []
        for n, job in enumerate(jobs, 1):
            qty = Decimal(job.pieces) if job.pieces else Decimal(1)
            price = job.piece_price if job.pieces else job.price
            rows.append((str(n), job, LineItem(job.title, "", qty, job.unit, price, job.rate), ""))
            extras: list[tuple[str, Decimal]] = []
            if job.run and rng.random() < 0.5:
                extras.append(
                    (
                        rng.choice(
                            (
                                "Datencheck und Druckvorstufe",
                                "Datencheck (PDF/X-4)",
                                "Druckvorstufe, Ausschießen",
                            )
                        ),
                        Decimal(rng.randrange(15, 65, 5)),
                    )
                )
            if job.run >= 2500 and job.rate == 19 and rng.random() < 0.3:
                plates = rng.choice((4, 8, 16))
                extras.append((f"Druckplatten (CtP), {plates} Stk.", Decimal(plates * rng.randint(12, 22))))
            if rng.random() < 0.3:
                extras.append(
                    (
                        rng.choice(
                            (
                                "Digitalproof (farbverbindlich, PSO Coated v3)",
                                "Digitalproof",
                                "Andruck / Hardproof",
                            )
                        ),
                        Decimal(rng.randrange(20, 60, 5)),
                    )
                )
            if job.rate == 7 and rng.random() < 0.5:
                hours = Decimal(rng.randint(2, 12)) / 2
                extras.append(
                    (f"Satz und Layoutanpassung, {self.p.quantity(hours)} Std. à 65,00 €", hours * 65)
                )
            if self.express and n == 1:
                extras.append(
                    (
                        f"Expresszuschlag {self.express} % (Produktion in 48 Std.)",
                        round_cent(job.price * self.express / 100),
                    )
                )
            for k, (text, amount) in enumerate(extras, 1):
                number = f"{n}.{k}" if self.subnumbers else ""
                rows.append((number, None, LineItem(text, "", Decimal(1), "pausch.", amount, job.rate), ""))
        if not self.subnumbers:
            count = 0
            numbered = []
            for _, job, item, note in rows:
                count += 1
                numbered.append((str(count), job, item, note))
            rows = numbered
        return rows

    def shipping(self, rows: list[tuple[str, Job | None, LineItem, str]]) -> list[LineItem]:
        rng = self.rng
        if rng.random() < 0.25:
            return []
        fee = Decimal(rng.choice(("9.90", "14.90", "24.50", "39.00", "65.00", "89.00")))
        text = rng.choice(
            (
                "Versandkosten",
                "Versandkosten (DHL, 3 Pakete)",
                "Lieferung per Spedition (1 Palette)",
                "Versand und Verpackung",
            )
        )
        by_rate: dict[int, Decimal] = {}
        for _, _, item, _ in rows:
            by_rate[item.rate] = by_rate.get(item.rate, Decimal(0)) + item.total
        if len(by_rate) == 1:
            (rate,) = by_rate
            return [LineItem(text, "", Decimal(1), "pausch.", fee, rate)]
        whole = sum(by_rate.values(), Decimal(0))
        part7 = round_cent(fee * by_rate[7] / whole)
        return [
            LineItem(f"{text}, anteilig 19 %", "", Decimal(1), "pausch.", fee - part7, 19),
            LineItem(f"{text}, anteilig 7 %", "", Decimal(1), "pausch.", part7, 7),
        ]

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        tagline = self.rng.choice(_PRINT_TAGLINES)
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email, f"www.{self.domain}"]
        if self.head == "logo_left":
            logo(c, self.rng.choice(("square", "diamond")), L, 30, 42, self.brand, initials(s.name))
            c.fit_text(L + 52, 52, s.name, 15, 270, bold=True)
            c.text(L + 52, 65, tagline, 7.5, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 38 + 10 * i, line, 7.5, align="right", colour=GREY)
        elif self.head == "band":
            c.box(0, 26, c.width, 74, fill=self.brand, stroke=None)
            c.fit_text(L, 55, s.name, 17, 300, bold=True, colour=WHITE)
            c.fit_text(L, 67, tagline, 7.5, 300, colour=WHITE)
            for i, line in enumerate(contact[2:]):
                c.text(R, 42 + 10 * i, line, 7.5, align="right", colour=WHITE)
        else:
            c.fit_text(R, 54, s.name, 16, 330, bold=True, align="right", colour=self.brand)
            c.text(R, 67, tagline, 8, align="right", colour=GREY)
            c.fit_text(R, 79, " · ".join(contact[:3]), 7.5, 330, align="right", colour=GREY)

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        y = self.window(
            L,
            126,
            [r.name, r.contact, r.street, r.city_line],
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no),
        ]
        if self.own_order:
            rows.append((rng.choice(("Auftrags-Nr.", "Auftrag", "Unser Auftrag")), self.own_order))
        if self.note_no:
            rows.append(("Lieferschein-Nr.", self.note_no))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestell-Nr.", "Ihre Bestellnummer", "Ihr Zeichen")), d.order_no))
        if self.mention_order and rng.random() < 0.5:
            rows.append(("Ihre Bestellung vom", p.date(self.ordered)))
            self.mention_order = False
        if self.with_delivery:
            rows.append(
                (rng.choice(("Liefer-/Leistungsdatum", "Lieferdatum", "Versanddatum")), p.date(self.delivery))
            )
        if rng.random() < 0.4:
            rows.append(
                ("Ihr Ansprechpartner", rng.choice(("Frau Krüger", "Herr Aydın", "Frau Nowak", "Herr Stein")))
            )
        return max(y, label_rows(c, rows, 335, R, 128, 8.5, 13, value_align="right", label_colour=GREY))

    def title(self, y: float, jobs: list[Job]) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        y = max(y, 220.0) + 22
        c.text(L, y, rng.choice(("Rechnung", "RECHNUNG", f"Rechnung {d.number}")), 15, bold=True)
        if self.mention_order:
            y += 15
            own = f" Nr. {d.order_no}" if d.order_no and rng.random() < 0.5 else ""
            c.text(L, y, f"Ihre Bestellung{own} vom {p.date(self.ordered)}", 9)
        if rng.random() < 0.5:
            project = rng.choice(
                ("Frühjahrskampagne", "Messe", "Geschäftsausstattung", "Vereinsjubiläum", "Neueröffnung")
            )
            y += 14
            c.text(L, y, f"Objekt: {project} {d.date.year}", 9, bold=True)
        if rng.random() < 0.5:
            intro = rng.choice(
                (
                    "Vielen Dank für Ihren Auftrag. Wir berechnen Ihnen:",
                    "Für die Herstellung und Lieferung berechnen wir Ihnen wie folgt:",
                )
            )
            y = c.paragraph(L, y + 16, intro, R - L, 9) - 6
        return y + 10

    def heading(self, y: float, cols) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8, bold=True)
        return y + 16

    def table(
        self, y: float, rows: list[tuple[str, Job | None, LineItem, str]], shipping: list[LineItem]
    ) -> float:
        p, rng, L, R = self.p, self.rng, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", "Pos.", 30, "left"),
            ("desc", rng.choice(("Bezeichnung", "Leistung", "Artikel / Leistung")), 0, "left"),
            ("qty", "Menge", 74, "right"),
            ("price", "Preis/1.000" if self.per_1000 else "Einzelpreis", 66, "right"),
        ]
        if self.rate_col:
            spec.append(("rate", "MwSt.", 38, "right"))
        spec.append(("total", rng.choice(("Gesamt", "Betrag", "Gesamtpreis")), 72, "right"))
        cols = columns(spec, L, R)
        desc = cols[1]
        y = self.heading(y, cols)
        running = Decimal(0)
        last = int(rows[-1][0].split(".")[0])
        table = rows + [(str(last + k), None, item, "") for k, item in enumerate(shipping, 1)]
        for number, job, item, _ in table:
            details = job.details if job else ()
            height = 14 + 10 * len(details) + 6
            if y + height > self.limit - 30:
                self.carry(y, running, "Übertrag")
                y = self.carry(self.heading(self.next_page(), cols), running, "Übertrag")
            c = self.c
            y += 14
            values = {"pos": number, "total": p.number(item.total)}
            if not job:
                values["desc"] = item.description
            if self.rate_col:
                values["rate"] = f"{item.rate} %"
            if job and job.run:
                values["qty"] = f"{grouped(job.run, False)} {job.unit}"
                values["price"] = p.number(job.per_1000) if self.per_1000 else ""
            elif job:
                values["qty"] = f"{job.pieces} {job.unit}"
                values["price"] = p.number(job.piece_price)
            else:
                values["qty"] = "1"
                values["price"] = "" if self.per_1000 else p.number(item.unit_price)
            cells(c, cols, y, values, 8.6, bold=False)
            if job:
                c.fit_text(desc.anchor, y, item.description, 8.6, desc.width, bold=True)
            for line in details:
                y += 10
                c.fit_text(desc.anchor + 6, y, line, 7.4, desc.width - 6, colour=GREY)
            if job and job.run and rng.random() < 0.5:
                y += 10
                c.text(desc.anchor + 6, y, f"Auflage {grouped(job.run, False)} {job.unit}", 7.4, colour=GREY)
            y += 6
            c.line(L, y, R, y, width=0.25, colour=RULE)
            running += item.total
        return y

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.line(R - 200, y + 3, R, y + 3, width=0.5)
        c.text(R - 200, y + 15, label, 9, bold=True)
        c.text(R, y + 15, self.p.amount(running), 9, bold=True, align="right")
        return y + 22

    def totals(self, y: float, vat_lines: list[VatLine]) -> tuple[float, Decimal, Decimal]:
        p, rng, R = self.p, self.rng, self.RIGHT
        net = sum((v.base for v in vat_lines), Decimal(0))
        gross = net + sum((v.amount for v in vat_lines), Decimal(0))
        paid = Decimal(0)
        if self.prepaid:
            share = rng.choice((30, 50, 50))
            paid = (
                round_cent(gross * share / 100)
                if rng.random() < 0.5
                else Decimal(max(100, int(gross * Decimal("0.4")) // 100 * 100))
            )
        rows: list[tuple[str, Decimal, bool]] = [
            (rng.choice(("Summe netto", "Nettobetrag", "Warenwert netto")), net, False)
        ]
        for v in vat_lines:
            label = rng.choice(("zzgl. {r} % MwSt.", "zzgl. {r} % USt.", "MwSt. {r} %")).format(r=v.rate)
            if len(vat_lines) > 1:
                label += f" auf {p.number(v.base)}"
            rows.append((label, v.amount, False))
        rows.append((rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Gesamtbetrag brutto")), gross, True))
        if paid:
            when = self.ordered + dt.timedelta(days=rng.randint(1, 5))
            rows.append(
                (
                    rng.choice(
                        (
                            f"abzgl. Anzahlung vom {p.date(when)}",
                            f"abzüglich Anzahlung ({p.date(when)})",
                            "abzgl. geleistete Anzahlung",
                        )
                    ),
                    -paid,
                    False,
                )
            )
            rows.append((rng.choice(("Restbetrag", "Noch zu zahlen", "Zahlbetrag")), gross - paid, True))
        need = 15 * len(rows) + 16
        if y + need > self.limit - 40:
            y = self.next_page()
        c = self.c
        x = R - 260
        c.line(x, y + 4, R, y + 4, width=0.6)
        y += 4
        for label, value, bold in rows:
            y += 15
            if bold:
                c.box(x - 6, y - 11, R + 3, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9.3, 180, bold=bold)
            c.text(R, y, p.amount(value), 9.3, bold=bold, align="right")
        return y + 8, gross, gross - paid

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng, L, R = self.data, self.p, self.rng, self.LEFT, self.RIGHT
        texts = []
        if self.skonto:
            days = rng.choice((7, 8, 10))
            cash = due - round_cent(due * self.skonto / 100)
            texts.append(
                rng.choice(
                    (
                        f"Zahlbar innerhalb von {days} Tagen mit {self.skonto} % Skonto ({p.amount(cash)}) "
                        "oder "
                        f"bis zum {p.date(d.due_date)} netto ohne Abzug.",
                        f"Bei Zahlung bis {p.date(d.date + dt.timedelta(days=days))} gewähren wir "
                        f"{self.skonto} % "
                        f"Skonto = {p.amount(cash)}. Zahlungsziel netto: {p.date(d.due_date)}.",
                    )
                )
            )
        else:
            texts.append(f"Zahlbar ohne Abzug bis zum {p.date(d.due_date)}.")
        texts.append(
            rng.choice(
                (
                    "Mehr- oder Minderlieferungen bis 10 % der bestellten Auflage behalten wir uns vor; "
                    "berechnet "
                    "wird die gelieferte Menge.",
                    "Produktionsbedingte Mehr- oder Minderlieferungen von bis zu 10 % der Auflage sind "
                    "zulässig.",
                )
            )
        )
        if rng.random() < 0.6:
            texts.append(
                "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum. Es gelten unsere AGB."
            )
        if y + 13 * len(texts) + 30 > self.limit:
            y = self.next_page()
        c = self.c
        y += 6
        for text in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8.4)
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Amtsgericht {s.city} {d.register}"]
        if "GmbH" in s.name:
            legal.append(f"Geschäftsführer: {d.ceo}")
        else:
            legal.append(f"Inhaber: {d.ceo}" if s.name.endswith("e.K.") else f"Pers. haft. Ges.: {d.ceo}")
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
            legal + self.tax_ids("USt-IdNr.", "Steuer-Nr."),
            bank,
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        jobs = self.jobs()
        self.per_1000 = self.per_1000 and all(job.run for job in jobs)
        rows = self.positions(jobs)
        shipping = self.shipping(rows)
        items = [item for _, _, item, _ in rows] + shipping
        vat_lines = vat_breakdown(items)
        self.header()
        y = self.title(self.info(), jobs)
        y = self.table(y, rows, shipping)
        y, gross, due = self.totals(y, vat_lines)
        assert gross == sum((v.base + v.amount for v in vat_lines), Decimal(0))
        y = self.closing(y, due)
        assert y < self.limit + 6, "druckerei_staffel: page overflow"
        pages = self.close_pages(False)
        if self.with_delivery:
            self.data = dataclasses.replace(self.data, service_date=self.delivery)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.with_delivery,
            customer_no=True,
            order_no=bool(self.data.order_no),
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

EXTRA_FAMILIES: dict[str, type[TripSheet]] = {
    "freelancer_reverse_charge": FreelancerReverseCharge,
    "druckerei_staffel": DruckereiStaffel,
}


def draw_extra(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(EXTRA_FAMILIES[name], name, seed)
