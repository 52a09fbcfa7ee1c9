"""Two invoice layout families of a patent and trademark attorney firm and of an IT software reseller,
designed blind (session 18).

Like `families_buero`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_kanzlei(name, seed)`. Both return a `TripDrawing` (truth keys only for values printed); the attorney's
invoice draws on `FirstSheet` with a letterhead of its own, the reseller's on `RentalLook` of
`families_getraenk` (the letterheads, details, table heads and totals of `families_dienst`).

- `patentanwalt_kosten`: a patent and trademark attorney firm's invoice (a "Patentanwälte PartG mbB" or
  "Partnerschaft mbB" with its partners in a sidebar on some seeds, or a sole attorney, "Dipl.-Ing. Markus
  Hoffmann" with "Patentanwalt" on the line under the name) to an agency for a trademark application it filed
  for a client brand of the agency: the matter ("Markenanmeldung „SONNENKORN“ (Wort-/Bildmarke)", the
  applicant, the Nice classes "Klassen 30, 35, 43"), the firm's file number ("Unser Zeichen: M 2024/0173"),
  the agency's reference on some seeds ("Ihr Zeichen"), the office's file number (DPMA "30 2024 012 345.6"
  or EUIPO "018 987 654"), the filing date ("Anmeldetag") and the priority date ("Prioritätstag"; for an EU
  mark on some seeds claiming the priority of an earlier German application, printed with that application's
  number and date). The attorney's fees flat ("Pauschalhonorar Markenanmeldung", per further class, an
  identity search, the list of goods and services, reporting and docketing) or by the hour (dated lines,
  hours × an hourly rate); a disbursements lump sum (fixed, or 5 % of the fees up to a cap); the official
  fees paid for the client (DPMA: 290,00 € with up to three classes, 100,00 € per further class, 200,00 €
  for accelerated examination, with their "GV-Nr."; EUIPO: 850,00 € for the first class, 50,00 € for the
  second, 150,00 € for each further) without VAT, passed through: either listed with the fees under their
  own heading with "Nettobetrag" over all and the VAT "auf" the taxed part, or added after the taxed gross
  ("zzgl. Amtsgebühren (durchlaufende Posten)") with a summary by rate (19 % / 0 % / Gesamt). As a table
  (Pos., Leistung, Menge, Einzelpreis, USt, Betrag) or as sections with grey detail lines. A cost advance
  deducted after the total on some seeds ("abzgl. Kostenvorschuss vom ...", "Restbetrag"); the day the
  official fees were paid, the end of the opposition period or of the term of protection (a date years
  ahead) in a note on some seeds; payment within 14 or 30 days (the due date), the fee account in the
  closing text or the footer, a signature; the footer with the Partnerschaftsregister (PR) or none for the
  sole attorney, the Patentanwaltskammer, the USt-IdNr. and / or Steuernummer, the bank. In English on about
  a fifth of the seeds (EUIPO filings for an agency whose contact speaks English: "Invoice", "Our ref.",
  "EU trade mark application No.", "Official fees (EUIPO) – not subject to VAT", "Total amount due", dates
  "12 March 2024" or dotted, amounts "1,234.56" or German). Truth: the usual keys; `lieferant` the firm's
  name, or the sole attorney's name as the letterhead prints it on its own line (the title "Patentanwalt" on
  the line under it, before the name only in the sender line and the footer); `iban` always, `bic` where
  printed; `kundennummer` the "Mandanten-Nr." / "Client No." where printed; no `leistungsdatum` or
  `bestellnummer` (the filing date is printed as such, not as a date of supply). The official fees passed on
  count as items at 0 % as in `kanzlei_rvg` and `notar_kostenrechnung` of `families_buero`: `betrag_netto`
  = the fees and disbursements plus the official fees (the printed "Nettobetrag" over all, or the "Gesamt"
  row of the summary by rate), `mwst` = 19 % of the fees and disbursements, `betrag_brutto` = netto + mwst
  = the invoice's total, before a cost advance is deducted (as in `anzahlung` and `kanzlei_rvg`).
- `softwarelizenz_reseller`: an IT reseller's (a GmbH, or a GmbH & Co. KG) invoice for software subscriptions
  to an agency: office suites (Microsoft 365, with the customer's tenant "pixelwerk.onmicrosoft.com" and the
  accepted Microsoft customer agreement, a tenant ID on some seeds), design software (Adobe Creative Cloud
  for teams, with the VIP number and the anniversary date), antivirus / endpoint security (ESET, Sophos,
  Bitdefender, G DATA with a licence ID), CAD (Autodesk, its contract number) or remote support (TeamViewer).
  Either a yearly invoice (seats × price per seat and year, "Laufzeit 01.03.2024 – 28.02.2025") or a monthly
  one (an annual commitment billed monthly: seats × price per seat and month for the billed month). Under a
  vendor's group heading with its agreement numbers, the lines with their term; pro-rata lines for seats
  added during a term, co-termed to its end ("anteilig 259 von 365 Tagen", the full price in the note and
  the pro-rata price per seat in the price column); on some seeds a credit line for seats removed
  (negative, "Gutschrift", days counted the same way); a set-up service by the hour on some seeds. The head:
  invoice number and date, customer number on most seeds, the reseller's order number ("Auftrags-Nr.",
  never the customer's), the customer's order number on some ("Ihre Bestellung"), the billed period, a
  delivery date on some ("Lieferdatum" / "Leistungsdatum"); the note that the licence keys or access data
  were sent by e-mail (or that the licences are in the tenant); 19 % only; payment by transfer within 14 or
  30 days, or by SEPA direct debit (the customer's masked IBAN, the mandate reference, the creditor ID; the
  reseller's own account then left out of the footer on some seeds); the licence terms on a second page on
  some seeds (auto-renewal, cancellation within 7 days, the vendor's terms). Truth: the usual keys,
  `kundennummer` and `bestellnummer` (the customer's order number) where printed, `leistungsdatum` where a
  single delivery date is printed under such a label; `iban` / `bic` only where the reseller's account is
  printed (`bic` only with its BIC); netto is the sum of the lines with the credits subtracted.

Both date their invoices from March 2021 to May 2025, so that no work, term or month billed falls in the
second half of 2020 (German VAT 16 %); the official fees are those in force then.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_closing import quantity
from benchmarks.synth.families_dienst import Row
from benchmarks.synth.families_first import FirstSheet
from benchmarks.synth.families_getraenk import RentalLook, price_between
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    cells,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
    initials,
    label_rows,
    logo,
)
from benchmarks.synth.families_recht import amount_rows, rate_summary, recent_day
from benchmarks.synth.families_trip import TripDrawing, TripSheet
from benchmarks.synth.families_world import RULE
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    VatLine,
    _steuernummer,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align, Colour
from benchmarks.synth.printed import Printer

# The agencies that receive these invoices.
_AGENCIES = (
    "Pixelwerk Werbeagentur GmbH",
    "Studio Feldmann Design GmbH",
    "Markenwerk Köster GmbH",
    "Blau & Gelb Werbeagentur GmbH",
    "Lichtblick Kommunikation GmbH",
    "Agentur Zeitsprung GmbH",
    "Kontor 21 Kreativagentur GmbH",
    "Nordlicht Media Group GmbH",
)


def words_of(table: dict[str, str], rng: random.Random) -> dict[str, str]:
    """One wording per key of `table` (alternatives separated by "|")."""
    return {key: rng.choice(value.split("|")) for key, value in table.items()}


# ---------------------------------------------------------------------------
# patentanwalt_kosten

# Firms: (name, the partners' surnames in the name).
_FIRMS = (
    ("Hoffmann Brandt Patentanwälte PartG mbB", ("Hoffmann", "Brandt")),
    ("Seidel & Partner Patentanwälte mbB", ("Seidel",)),
    ("Kessler Wendt Lüders Patent- und Rechtsanwälte PartG mbB", ("Kessler", "Wendt", "Lüders")),
    ("Albrecht Vogel Patentanwälte Partnerschaft mbB", ("Albrecht", "Vogel")),
    ("Baumann Roth Patentanwälte PartG mbB", ("Baumann", "Roth")),
    ("Engel & Kaya Patent- und Markenanwälte PartG mbB", ("Engel", "Kaya")),
)
# Sole attorneys: (name as the letterhead prints it, female).
_SOLE = (
    ("Dipl.-Ing. Markus Hoffmann", False),
    ("Dr. rer. nat. Julia Seidel", True),
    ("Dipl.-Phys. Stefan Lorenz", False),
    ("Dr.-Ing. Anne Voß", True),
    ("Dipl.-Ing. (FH) Jörg Albers", False),
)
_FIRST_NAMES = (("Thomas", False), ("Katrin", True), ("Michael", False), ("Sabine", True), ("Jan", False),
                ("Elif", True), ("Henrik", False), ("Nadine", True))  # fmt: skip
_DEGREES = ("Dipl.-Ing.", "Dr. rer. nat.", "Dipl.-Phys.", "Dr.-Ing.", "Dipl.-Chem. Dr.", "M.Sc.")
_EXTRA = ("Meyer", "Schulte", "Krüger", "Petersen")
# The agency's clients whose marks are filed: (applicant, mark, classes in the order they are listed).
_BRANDS = (
    ("Sonnenkorn Backwaren GmbH", "SONNENKORN", (30, 35, 43, 29, 40)),
    ("Velomotion GmbH", "VELOMOTION", (12, 35, 37, 28)),
    ("Kaffeerösterei Bohnenglück GmbH & Co. KG", "Bohnenglück", (30, 35, 43, 21)),
    ("Greenhive Technologies GmbH", "GREENHIVE", (9, 42, 35, 38)),
    ("Nordhafen Brauerei GmbH", "NORDHAFEN", (32, 33, 35, 43, 25)),
    ("Lumenio Leuchten GmbH", "LUMENIO", (11, 35, 9)),
    ("Frische Kiste Lieferdienst GmbH", "FRISCHE KISTE", (29, 31, 35, 39)),
    ("Yogaloft Studios GmbH", "YOGALOFT", (41, 25, 44, 35)),
)
_KINDS = {"de": ("Wortmarke", "Wort-/Bildmarke", "Bildmarke"), "en": ("word mark", "figurative mark")}
_CLERKS = ("Frau Krause", "Herr Demir", "Frau Lehmann", "Frau Okafor", "Herr Winter")
_WORDS_PA = {
    "de": {
        "number": "Rechnungs-Nr.|Rechnungsnummer|Rechnung Nr.",
        "date": "Datum|Rechnungsdatum",
        "ours": "Unser Zeichen|Unser Az.|Aktenzeichen",
        "yours": "Ihr Zeichen|Ihre Referenz",
        "client": "Mandanten-Nr.|Mandantennummer|Mandant",
        "clerk": "Sachbearbeitung|Bearbeiter/in|Ansprechpartner",
        "title": "Rechnung|Kostenrechnung|Honorarrechnung|RECHNUNG",
        "fees": "Honorar|Gebühren|Anwaltliche Leistungen",
        "outlay": "Auslagen",
        "official": "Amtsgebühren (durchlaufende Posten, ohne USt.)|Verauslagte Amtsgebühren (ohne USt.)",
        "net_all": "Nettobetrag|Summe netto|Gesamtbetrag netto",
        "net_taxed": "Summe Honorar und Auslagen|Zwischensumme netto|Summe netto",
        "vat": "19 % Umsatzsteuer|zzgl. 19 % USt.|Umsatzsteuer 19 %",
        "gross_taxed": "Zwischensumme brutto|Summe inkl. USt.",
        "plus_official": "zzgl. Amtsgebühren (durchlaufende Posten, ohne USt.):",
        "total": "Rechnungsbetrag|Gesamtbetrag|Endbetrag|Zu zahlender Betrag",
        "advance": "abzgl. Kostenvorschuss vom {d}|./. Vorschusszahlung vom {d}",
        "rest": "Restbetrag|noch zu zahlen",
        "split": "Aufteilung",
        "all": "Gesamt",
        "taxed": "steuerpflichtig 19 %",
        "passed": "Amtsgebühren 0 %|durchlaufende Posten 0 %",
        "pos": "Pos.",
        "desc": "Leistung|Bezeichnung|Gegenstand",
        "qty": "Menge|Anzahl",
        "hours": "Std.|Stunden",
        "price": "Einzelpreis|Satz|Preis",
        "tax": "USt",
        "amount": "Betrag|Betrag €|Gesamt",
    },
    "en": {
        "number": "Invoice No.|Invoice number",
        "date": "Date|Invoice date",
        "ours": "Our ref.|Our reference",
        "yours": "Your ref.|Your reference",
        "client": "Client No.|Client number",
        "clerk": "Contact|Handled by",
        "title": "Invoice|INVOICE|Fee Note",
        "fees": "Professional fees|Our fees",
        "outlay": "Disbursements",
        "official": "Official fees (EUIPO) – not subject to VAT|Official fees paid on your behalf (no VAT)",
        "net_all": "Net amount|Total net",
        "net_taxed": "Subtotal fees and disbursements|Subtotal (net)",
        "vat": "VAT 19 %|plus 19 % VAT",
        "gross_taxed": "Subtotal incl. VAT",
        "plus_official": "plus official fees (passed through, no VAT):",
        "total": "Total amount due|Total|Amount due",
        "advance": "less advance payment of {d}|less cost advance received {d}",
        "rest": "Balance due|Remaining amount",
        "split": "Breakdown",
        "all": "Total",
        "taxed": "taxable 19 %",
        "passed": "official fees 0 %",
        "pos": "No.",
        "desc": "Description|Service",
        "qty": "Qty",
        "hours": "Hours",
        "price": "Unit price|Rate",
        "tax": "VAT",
        "amount": "Amount|Amount EUR",
    },
}


@dataclass(frozen=True)
class Charge:
    """One line of the attorney's invoice: its group (fee, outlay, official), item and grey detail."""

    group: str
    item: LineItem
    detail: str = ""
    when: str = ""  # the date of hourly work

    @property
    def passed(self) -> bool:
        return self.item.rate == 0


def dpma_number(rng: random.Random, year: int, spaced: bool) -> str:
    """A German trademark application's file number: 30 2024 012 345.6."""
    n = rng.randint(1, 240000)
    check = rng.randint(0, 9)
    if spaced:
        return f"30 {year} {n // 1000:03d} {n % 1000:03d}.{check}"
    return f"30{year}{n:06d}.{check}"


def euipo_number(rng: random.Random, spaced: bool) -> str:
    n = rng.randint(18300000, 19199999)
    text = f"{n:09d}"
    return f"{text[:3]} {text[3:6]} {text[6:]}" if spaced else text


def protection_end(filed: dt.date, euipo: bool) -> dt.date:
    """The end of the first term of protection: ten years from filing (EU), or to that month's end (DE)."""
    day = filed.replace(year=filed.year + 10, day=min(filed.day, 28) if filed.month == 2 else filed.day)
    if euipo:
        return day
    nxt = day.replace(day=28) + dt.timedelta(days=4)
    return nxt - dt.timedelta(days=nxt.day)


class PatentanwaltKosten(FirstSheet):
    """A patent attorney firm's invoice for a trademark application: fees, disbursements, official fees."""

    FONTS = ("liberation-serif", "dejavu-serif", "liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    IDS = "either"
    GROUPED = 0.6
    FOOT = A4.height - 86

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.lang = "en" if rng.random() < 0.22 else "de"
        self.euipo = self.lang == "en" or rng.random() < 0.35
        self.sole = rng.random() < 0.3
        if self.sole:
            name, female = rng.choice(_SOLE)
            self.office = "Patentanwältin" if female else "Patentanwalt"
            self.partners = [(name, self.office)]
        else:
            name, surnames = rng.choice(_FIRMS)
            self.office = ""
            self.partners = self.people(rng, surnames)
        day = recent_day(rng, data.date)
        if day < dt.date(2021, 4, 1):
            day += dt.timedelta(days=90)  # no work billed from the second half of 2020 (VAT 16 %)
        n = rng.randint(1, 2999)
        number = rng.choice(
            (f"{day.year}-{n:05d}", f"R{day.year % 100}/{n:04d}", f"RG {day.year % 100}-{n:04d}", f"{n:05d}")
        )
        slug = (name.split()[-1] if self.sole else name.split()[0]).lower()
        slug = slug.replace("ü", "ue").replace("ß", "ss").replace("&", "")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=rng.choice(_AGENCIES)),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice((f"{rng.randint(1000, 9999)}", f"M-{rng.randint(100, 999)}"))
            if rng.random() < 0.6
            else "",
            order_no="",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('mail', 'info', 'office', 'buchhaltung'))}@{slug}-ip.de",
            register=f"PR {rng.randint(100, 2999)}",
        )
        super().__init__(rng, data)
        en = self.lang == "en"
        self.p = Printer(
            rng.choice(("en", "de")) if en else rng.choice(("de", "de", "de_space")),
            rng.choice(("code_before", "sign_after", "code_after"))
            if en
            else rng.choice(("sign_after", "code_after")),
            rng.choice(("en_long", "dotted")) if en else rng.choice(("dotted", "dotted", "de_long")),
        )
        self.w = words_of(_WORDS_PA[self.lang], rng)
        self.brand: Colour = rng.choice(
            ((0.1, 0.2, 0.4), (0.25, 0.25, 0.25), (0.0, 0.3, 0.35), (0.4, 0.1, 0.15))
        )
        self.head = (
            rng.choice(("centred", "left", "sidebar")) if not self.sole else rng.choice(("centred", "left"))
        )
        self.style = rng.choice(("table", "table", "sections"))
        self.passing = rng.choice(("after", "before", "before"))
        self.hourly = rng.random() < 0.35
        self.advance = rng.random() < 0.2
        self.with_bic = rng.random() < 0.85
        self.bank_in_text = rng.random() < 0.4
        self.applicant, self.mark, classes = rng.choice(_BRANDS)
        self.classes = classes[: rng.choice((1, 2, 3, 3, 4)) if not self.euipo else rng.choice((1, 2, 3))]
        if not self.euipo and rng.random() < 0.4:
            self.classes = classes[: min(len(classes), 4 + rng.randint(0, 1))]
        self.kind = rng.choice(_KINDS[self.lang])
        self.filed = day - dt.timedelta(days=rng.randint(3, 40))
        spaced = rng.random() < 0.7
        self.file_no = euipo_number(rng, spaced) if self.euipo else dpma_number(rng, self.filed.year, spaced)
        self.priority_claim = self.euipo and rng.random() < 0.5
        self.priority = (
            self.filed - dt.timedelta(days=rng.randint(20, 170)) if self.priority_claim else self.filed
        )
        self.priority_no = dpma_number(rng, self.priority.year, spaced)
        self.ours = rng.choice(
            (
                f"M {day.year}/{rng.randint(1, 999):04d}",
                f"T{day.year % 100}-{rng.randint(100, 999)}-{'EM' if self.euipo else 'DE'}",
                f"{initials(name)}/M-{rng.randint(1000, 1999)}",
                f"{rng.randint(100, 999)}{day.year % 100} TM{' EU' if self.euipo else ''}",
            )
        )
        self.yours = rng.choice(
            (f"Projekt {self.mark.title()}", f"{rng.randint(2200, 2499)}-{self.mark[:3].upper()}")
        )
        self.with_yours = rng.random() < 0.4
        self.clerk = rng.choice(_CLERKS)

    @staticmethod
    def people(rng: random.Random, surnames: Sequence[str]) -> list[tuple[str, str]]:
        names = [*surnames, *rng.sample(_EXTRA, rng.randint(2 - min(len(surnames), 2), 2))]
        out = []
        for surname in names:
            first, female = rng.choice(_FIRST_NAMES)
            title = "Patentanwältin" if female else "Patentanwalt"
            title += rng.choice(
                ("", " · European Patent Attorney", " · European Trademark and Design Attorney")
            )
            out.append((f"{rng.choice(_DEGREES)} {first} {surname}", title))
        return out

    # -- the charges

    def fee(
        self, text: str, amount: Decimal, detail: str = "", qty: Decimal = Decimal(1), unit: str = ""
    ) -> Charge:
        return Charge("fee", LineItem(text, "", qty, unit, amount, 19), detail)

    def flat_fees(self) -> list[Charge]:
        rng, p, en, k = self.rng, self.p, self.lang == "en", len(self.classes)
        included = 1 if self.euipo else 3
        what = (
            ("EU trade mark application" if en else "Anmeldung Unionsmarke")
            if self.euipo
            else "Anmeldung deutsche Marke"
        )
        text = f"{'Flat fee' if en else 'Pauschalhonorar'} {what}"
        word = ("class", "classes") if en else ("Klasse", "Klassen")
        head = f"{'incl.' if en else 'einschl.'} {included} {word[included > 1]}"
        out = [self.fee(f"{text} ({head})", price_between(rng, 490, 980, "10"))]
        if k > included:
            price = price_between(rng, 60, 140, "5")
            extra = "each further class" if en else "je weitere Klasse"
            out.append(
                self.fee(
                    f"{'Fee' if en else 'Honorar'} {extra}",
                    price,
                    f"{k - included} × {p.amount(price)}",
                    Decimal(k - included),
                )
            )
        if rng.random() < 0.5:
            search = (
                "Identity search (EUIPO, DPMA, WIPO)" if en else "Identitätsrecherche (DPMA, EUIPO, WIPO)"
            )
            out.append(self.fee(search, price_between(rng, 180, 390, "10")))
        if rng.random() < 0.4:
            text = (
                "Drafting the list of goods and services"
                if en
                else "Ausarbeitung Waren- und Dienstleistungsverzeichnis"
            )
            out.append(self.fee(text, price_between(rng, 150, 450, "10")))
        if rng.random() < 0.3:
            text = (
                "Reporting and docketing of deadlines" if en else "Berichterstattung und Fristenüberwachung"
            )
            out.append(self.fee(text, price_between(rng, 60, 150, "5")))
        return out

    def hourly_fees(self) -> list[Charge]:
        rng, p, en = self.rng, self.p, self.lang == "en"
        rate = price_between(rng, 260, 420, "10")
        tasks = (
            ("Besprechung und Beratung zur Markenstrategie", "Meeting and advice on the trade mark strategy"),
            ("Recherche und Auswertung älterer Rechte", "Search and assessment of prior rights"),
            ("Ausarbeitung Waren- und Dienstleistungsverzeichnis", "Drafting the list of goods and services"),
            (
                "Einreichung der Anmeldung, Korrespondenz mit dem Amt",
                "Filing the application, correspondence with the office",
            ),
            ("Telefonat und E-Mail-Korrespondenz mit Ihnen", "Calls and e-mails with you"),
        )
        count = rng.randint(2, 4)
        days = sorted(rng.sample(range(3, 50), count), reverse=True)
        out = []
        for (de, english), back in zip(rng.sample(tasks, count), days, strict=True):
            hours = Decimal(rng.randint(1, 8)) / 2
            day = self.filed - dt.timedelta(days=back - 10)
            detail = f"{quantity(hours, p)} {'h' if en else 'Std.'} × {p.amount(rate)}"
            item = LineItem(english if en else de, "", hours, "h" if en else "Std.", rate, 19)
            out.append(Charge("fee", item, detail, f"{min(day, self.data.date):%d.%m.%Y}"))
        return out

    def outlay(self, fees: Sequence[Charge]) -> Charge:
        rng, p, en = self.rng, self.p, self.lang == "en"
        base = sum((f.item.total for f in fees), Decimal(0))
        if rng.random() < 0.5:
            cap = Decimal(rng.choice((50, 75, 100)))
            amount = min(round_cent(base * Decimal("0.05")), cap)
            detail = f"5 % {'of fees, max.' if en else 'des Honorars, höchstens'} {p.amount(cap)}"
        else:
            amount = Decimal(rng.choice(("20.00", "25.00", "30.00", "35.00", "45.00")))
            detail = "postage, telecommunication, copies" if en else "Porto, Telekommunikation, Kopien"
        text = (
            "Disbursements (flat rate)"
            if en
            else rng.choice(("Auslagenpauschale", "Pauschale für Post- und Telekommunikation"))
        )
        return Charge("outlay", LineItem(text, "", Decimal(1), "", amount, 19), detail)

    def official(self) -> list[Charge]:
        rng, p, en, k = self.rng, self.p, self.lang == "en", len(self.classes)

        def charge(text: str, amount: int, detail: str, count: int = 1) -> Charge:
            item = LineItem(text, "", Decimal(count), "", Decimal(amount), 0)
            return Charge("official", item, detail)

        if self.euipo:
            out = [
                charge(
                    "EUIPO-Grundgebühr Unionsmarke (eine Klasse)"
                    if not en
                    else "EUIPO basic fee (one class)",
                    850,
                    "EUIPO",
                )
            ]
            if k >= 2:
                out.append(
                    charge(
                        "EUIPO-Gebühr für die zweite Klasse" if not en else "EUIPO fee for the second class",
                        50,
                        "EUIPO",
                    )
                )
            if k >= 3:
                text = (
                    "EUIPO-Gebühr ab der dritten Klasse" if not en else "EUIPO fee for each class beyond two"
                )
                out.append(charge(text, 150, f"{k - 2} × {p.amount(Decimal(150))}", k - 2))
            return out
        out = [charge("Anmeldegebühr DPMA (elektronisch, bis 3 Klassen)", 290, "GV-Nr. 331 000")]
        if k > 3:
            out.append(
                charge(
                    "Klassengebühr ab der 4. Klasse",
                    100,
                    f"GV-Nr. 331 300 · {k - 3} × {p.amount(Decimal(100))}",
                    k - 3,
                )
            )
        if rng.random() < 0.25:
            out.append(charge("Gebühr für beschleunigte Prüfung", 200, "GV-Nr. 331 500"))
        return out

    # -- the page

    def room(self, y: float, need: float) -> float:
        return self.next_page() if y + need > self.limit else y

    @property
    def body_r(self) -> float:
        return self.RIGHT - 122 if self.head == "sidebar" else self.RIGHT

    def sender(self) -> str:
        s = self.data.supplier
        who = f"{self.office} {s.name}" if self.sole else s.name
        return f"{who} · {s.street} · {s.city_line}"

    def contact(self) -> list[str]:
        d, s = self.data, self.data.supplier
        return [
            s.street,
            s.city_line,
            f"Tel. {d.phone}",
            f"Fax {d.phone[:-2]}{int(d.phone[-2:]) % 89 + 10}",
            d.email,
        ]

    def letterhead(self) -> None:
        c, s, L, R = self.c, self.data.supplier, self.LEFT, self.RIGHT
        sub = self.office if self.sole else "Patentanwälte · European Patent and Trademark Attorneys"
        if self.head == "centred":
            mid = (L + R) / 2
            c.fit_text(mid, 48, s.name, 17, R - L, bold=True, align="center", colour=self.brand)
            c.text(mid, 62, sub, 9, align="center", colour=GREY)
            c.fit_text(mid, 75, " · ".join(self.contact()), 7.2, R - L, align="center", colour=GREY)
            c.line(L, 83, R, 83, width=0.7, colour=self.brand)
        elif self.head == "left":
            c.fit_text(L, 50, s.name, 15, 310, bold=True, colour=self.brand)
            c.fit_text(L, 64, sub, 8.5, 310, colour=GREY)
            for i, line in enumerate(self.contact()):
                c.text(R, 38 + 9.5 * i, line, 7.3, align="right", colour=GREY)
        else:
            logo(c, "diamond", L, 30, 32, self.brand, initials(s.name))
            c.fit_text(L + 42, 48, s.name, 13.5, 360, bold=True, colour=self.brand)
            c.text(L + 42, 60, sub, 7.8, colour=GREY)
            self.sidebar()

    def sidebar(self) -> None:
        c, x, y = self.c, self.RIGHT - 112, 130.0
        for name, title in self.partners:
            c.fit_text(x, y, name, 7.6, 112, bold=True)
            y += 9
            for line in c.wrap(title, 112, 6.6):
                c.text(x, y, line, 6.6, colour=GREY)
                y += 8
            y += 5
        y += 6
        for line in self.contact():
            c.fit_text(x, y, line, 6.9, 112, colour=GREY, min_size=5)
            y += 8.8
        c.line(x - 8, 120, x - 8, y, width=0.4, colour=RULE)

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, w, rng = self.data, self.p, self.w, self.rng
        rows = [(w["number"], d.number), (w["date"], p.date(d.date)), (w["ours"], self.ours)]
        if self.with_yours:
            rows.append((w["yours"], self.yours))
        if d.customer_no:
            rows.insert(rng.randint(1, len(rows)), (w["client"], d.customer_no))
        if rng.random() < 0.5:
            rows.append((w["clerk"], self.clerk))
        return rows

    def info(self) -> float:
        c, d, L = self.c, self.data, self.LEFT
        r = d.customer
        contact = r.contact if self.lang == "de" else rng_contact(self.rng)
        y = self.window(L, 128, [r.name, contact, r.street, r.city_line], 10, sender=self.sender())
        rows = self.head_rows()
        if self.head == "sidebar":
            width = max(c.text_width(label, 8.8) for label, _ in rows) + 12
            return label_rows(c, rows, L, L + width, y + 10, 8.8, 12.5, label_colour=GREY) + 4
        top = label_rows(c, rows, 340, self.RIGHT, 128, 8.8, 12.5, value_align="right", label_colour=GREY)
        return max(y, top) + 6

    def matter_rows(self) -> list[tuple[str, str]]:
        p, en = self.p, self.lang == "en"
        classes = ", ".join(str(k) for k in self.classes)
        office = "EUIPO" if self.euipo else "DPMA"
        if en:
            rows = [
                ("Applicant", self.applicant),
                (
                    "Trade mark",
                    f"“{self.mark}” ({self.kind}), Nice class{'es' * (len(self.classes) > 1)} {classes}",
                ),
                ("Application No.", f"{self.file_no} ({office})"),
                ("Filing date", p.date(self.filed)),
            ]
            prio = (
                f"{p.date(self.priority)}, DE {self.priority_no}"
                if self.priority_claim
                else p.date(self.priority)
            )
            rows.append(("Priority date", prio))
            return rows
        rows = [
            ("Anmelderin", self.applicant),
            ("Marke", f"„{self.mark}“ ({self.kind}), Klasse{'n' * (len(self.classes) > 1)} {classes}"),
            ("Amtl. Aktenzeichen", f"{self.file_no} ({office})"),
        ]
        if self.priority_claim:
            rows += [
                ("Anmeldetag", p.date(self.filed)),
                ("Priorität", f"{p.date(self.priority)} (DE {self.priority_no})"),
            ]
        elif self.rng.random() < 0.5:
            rows.append(("Anmelde- und Prioritätstag", p.date(self.filed)))
        else:
            rows += [("Anmeldetag", p.date(self.filed)), ("Prioritätstag", p.date(self.priority))]
        return rows

    def subject(self, y: float) -> float:
        c, d, w, rng, L = self.c, self.data, self.w, self.rng, self.LEFT
        width = self.body_r - L
        y = max(y, 218.0) + 16
        title = w["title"]
        if rng.random() < 0.3:
            title = f"{'Invoice No.' if self.lang == 'en' else 'Rechnung Nr.'} {d.number}"
        c.text(L, y, title, 14, bold=True, colour=self.brand)
        what = (
            ("EU trade mark application" if self.euipo else "German trade mark application")
            if self.lang == "en"
            else ("Anmeldung einer Unionsmarke" if self.euipo else "Anmeldung einer deutschen Marke")
        )
        y += 18
        quoted = f"“{self.mark}”" if self.lang == "en" else f"„{self.mark}“"
        c.fit_text(L, y, f"{'Re' if self.lang == 'en' else 'Betreff'}: {what} {quoted}", 10, width, bold=True)
        rows = self.matter_rows()
        label_w = max(c.text_width(f"{label}:", 8.8) for label, _ in rows) + 10
        for label, value in rows:
            y += 12
            c.text(L, y, f"{label}:", 8.8, colour=GREY)
            c.fit_text(L + label_w, y, value, 8.8, width - label_w)
        if rng.random() < 0.5:
            intro = (
                "For our services in the above matter we charge as follows:"
                if self.lang == "en"
                else rng.choice(
                    (
                        "Für unsere Tätigkeit in obiger Angelegenheit erlauben wir uns zu berechnen:",
                        "Sehr geehrte Damen und Herren, für die Anmeldung der genannten Marke berechnen wir:",
                    )
                )
            )
            if self.sole and self.lang == "de":
                intro = (
                    intro.replace("unsere", "meine")
                    .replace("wir uns", "ich mir")
                    .replace("berechnen wir", "berechne ich")
                )
            y = c.paragraph(L, y + 18, intro, width, 9) - 10
        return y + 8

    def groups(
        self, fees: list[Charge], outlay: Charge, official: list[Charge]
    ) -> list[tuple[str, list[Charge]]]:
        w = self.w
        out = [(w["fees"], fees), (w["outlay"], [outlay])]
        if self.passing == "before":
            out.append((w["official"], official))
        return out

    def sections(self, y: float, groups: list[tuple[str, list[Charge]]]) -> float:
        p, L, R = self.p, self.LEFT, self.body_r
        for heading, charges in groups:
            y = self.room(y, 44)
            y += 16
            self.c.text(L, y, heading, 9.5, bold=True, colour=self.brand)
            for ch in charges:
                y = self.room(y, 26)
                c = self.c
                y += 13
                text = f"{ch.when} {ch.item.description}" if ch.when else ch.item.description
                c.text(R, y, p.amount(ch.item.total), 9, align="right")
                y = self.wrapped(L + 8, y, text, R - L - 100, 9)
                if ch.detail:
                    y += 10
                    c.fit_text(L + 8, y, ch.detail, 7.5, R - L - 100, colour=GREY)
            y += 3
        return y + 4

    def wrapped(self, x: float, y: float, text: str, width: float, size: float) -> float:
        """`text` in lines no wider than `width` from baseline `y`; returns the last baseline."""
        for k, line in enumerate(self.c.wrap(text, width, size)):
            self.c.text(x, y + 11 * k, line, size)
        return y + 11 * (len(self.c.wrap(text, width, size)) - 1)

    def table(self, y: float, groups: list[tuple[str, list[Charge]]]) -> float:
        p, w, L, R = self.p, self.w, self.LEFT, self.body_r
        spec: list[tuple[str, str, float, Align]] = [
            ("pos", w["pos"], 24, "left"),
            ("desc", w["desc"], 0, "left"),
            ("qty", w["hours"] if self.hourly else w["qty"], 40, "right"),
            ("price", w["price"], 62, "right"),
            ("tax", w["tax"], 34, "right"),
            ("total", w["amount"], 66, "right"),
        ]
        cols = columns(spec, L, R)
        y = self.table_head(self.room(y, 60), cols)
        n = 0
        for heading, charges in groups:
            if len(groups) > 2 or self.hourly:
                y = self.room(y, 40)
                y += 13
                self.c.text(L + 3, y, heading, 8.6, bold=True, colour=self.brand)
            for ch in charges:
                if y + 30 > self.limit:
                    y = self.table_head(self.next_page(), cols)
                c = self.c
                n += 1
                y += 12.5
                item = ch.item
                values = {
                    "pos": str(n),
                    "qty": quantity(item.quantity, p),
                    "price": p.number(item.unit_price),
                    "tax": f"{item.rate} %",
                    "total": p.number(item.total),
                }
                cells(c, cols, y, values, 8.6)
                desc = cols[1]
                text = f"{ch.when} {item.description}" if ch.when else item.description
                y = self.wrapped(desc.anchor, y, text, desc.width - 4, 8.6)
                if ch.detail and ch.group != "fee":
                    y += 9.5
                    c.fit_text(desc.anchor, y, ch.detail, 7.2, desc.width - 4, colour=GREY)
                y += 4
                c.line(L, y, R, y, width=0.25, colour=RULE)
        return y + 2

    def table_head(self, y: float, cols: Sequence) -> float:
        c, L, R = self.c, self.LEFT, self.body_r
        c.box(L, y, R, y + 15, fill=LIGHT, stroke=None)
        cells(c, cols, y + 10.5, {col.key: col.head for col in cols}, 7.8, bold=True)
        c.line(L, y + 15, R, y + 15, width=0.6, colour=self.brand)
        return y + 15

    def total_rows(
        self, lines: list[VatLine], official: list[Charge]
    ) -> tuple[list[tuple[str, str, bool]], Decimal]:
        """The totals' rows (label, amount, bold) and the gross."""
        p, w, rng = self.p, self.w, self.rng
        taxed = next(v for v in lines if v.rate == 19)
        net = sum((v.base for v in lines), Decimal(0))
        gross = net + taxed.amount
        rows: list[tuple[str, str, bool]] = []
        if self.passing == "before":
            if rng.random() < 0.5:
                rows.append((w["net_taxed"], p.amount(taxed.base), False))
                rows.append((w["official"].split(" (")[0].split(" –")[0], p.amount(net - taxed.base), False))
            rows.append((w["net_all"], p.amount(net), False))
            on = "on" if self.lang == "en" else "auf"
            rows.append((f"{w['vat']} {on} {p.number(taxed.base)}", p.amount(taxed.amount), False))
        else:
            rows.append((w["net_taxed"], p.amount(taxed.base), False))
            rows.append((w["vat"], p.amount(taxed.amount), False))
            rows.append((w["gross_taxed"], p.amount(taxed.base + taxed.amount), False))
            rows.append((w["plus_official"], "", False))
            rows += [
                (
                    f"  {ch.item.description}" + (f" ({ch.detail})" if "GV" in ch.detail else ""),
                    p.amount(ch.item.total),
                    False,
                )
                for ch in official
            ]
        rows.append((w["total"], p.amount(gross), True))
        return rows, gross

    def totals(self, y: float, lines: list[VatLine], official: list[Charge]) -> tuple[float, Decimal]:
        """The totals, the summary by rate, the advance; returns the last baseline and the amount due."""
        p, w, rng, R = self.p, self.w, self.rng, self.body_r
        rows, gross = self.total_rows(lines, official)
        paid = Decimal(0)
        if self.advance:
            paid = (
                sum((ch.item.total for ch in official), Decimal(0))
                if rng.random() < 0.5
                else Decimal(rng.choice((500, 750, 1000)))
            )
            paid = min(paid, (gross / 2).quantize(Decimal(1)))
            when = p.date(self.filed - dt.timedelta(days=rng.randint(2, 20)))
            rows.append((w["advance"].format(d=when), p.amount(-paid), False))
            rows.append((w["rest"], p.amount(gross - paid), True))
        summary = self.passing == "after"
        y = self.room(y, 15 * len(rows) + (80 if summary else 16))
        c, x = self.c, R - 290
        c.line(x, y + 4, R, y + 4, width=0.6)
        y = amount_rows(c, rows, x, R, y, 9, step=14.5, label_width=R - x - 80)
        c.line(x, y + 4, R, y + 4, width=0.6)
        if summary:
            heads = (
                w["split"],
                "Netto" if self.lang == "de" else "Net",
                w["tax"],
                "Brutto" if self.lang == "de" else "Gross",
            )
            names = {19: w["taxed"], 0: w["passed"]}
            y = rate_summary(c, p, lines, heads, names, w["all"], R - 320, R, y + 14, 8.2)
        return y + 6, gross - paid

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng, L, R = self.data, self.p, self.rng, self.LEFT, self.body_r
        en = self.lang == "en"
        texts = []
        office = "EUIPO" if self.euipo else "DPMA"
        paid_day = p.date(self.filed + dt.timedelta(days=rng.randint(0, 3)))
        if rng.random() < 0.5:
            texts.append(
                f"The official fees were paid to the {office} on {paid_day}."
                if en
                else f"Die Amtsgebühren wurden am {paid_day} an das {office} entrichtet."
            )
        if rng.random() < 0.4:
            end = p.date(protection_end(self.filed, self.euipo))
            texts.append(
                f"The term of protection ends on {end}; we have docketed the renewal."
                if en
                else f"Die Schutzdauer endet am {end}; die Frist zur Verlängerung haben wir notiert."
            )
        bank = f"IBAN {self.iban}" + (f", BIC {d.iban.bic}" if self.with_bic else "")
        days = (d.due_date - d.date).days
        if en:
            pay = f"Please pay {p.amount(due)} within {days} days, by {p.date(d.due_date)}"
            pay += ", quoting the invoice number"
            pay += f" to our account with {self.bank_name()}, {bank}." if self.bank_in_text else "."
        else:
            pay = rng.choice(
                (
                    f"Zahlbar innerhalb von {days} Tagen ohne Abzug (bis zum {p.date(d.due_date)})",
                    f"Bitte überweisen Sie den Betrag von {p.amount(due)} bis zum {p.date(d.due_date)}",
                )
            )
            pay += (
                f" auf unser Konto bei der {self.bank_name()}, {bank}." if self.bank_in_text else "."
            ) + " Bitte geben Sie die Rechnungsnummer an."
        texts.append(pay)

        def need(texts: list[str]) -> float:
            return sum(12 * len(self.c.wrap(t, R - L, 8.8)) + 6 for t in texts) + 64

        while len(texts) > 1 and y + need(texts) > self.limit:  # the notes left out, as a letter is shortened
            texts.pop(0)
        y = self.room(y, need(texts))
        c = self.c
        y += 6
        for text in texts:
            y = c.paragraph(L, y + 6, text, R - L, 8.8)
        y += 10
        c.text(L, y, "Kind regards" if en else "Mit freundlichen Grüßen", 9)
        name, title = self.partners[0]
        c.line(L, y + 24, L + 150, y + 24, width=0.4, colour=GREY)
        c.text(L, y + 35, name, 8.8)
        c.text(L, y + 45, title.split(" · ")[0], 8, colour=GREY)
        return y + 45

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        who = f"{self.office} {s.name}" if self.sole else s.name
        legal = [*self.tax_ids("USt-IdNr.", "St.-Nr.")]
        if not self.sole:
            legal.append(f"Partnerschaftsregister AG {s.city} {d.register}")
        legal.append("Mitglied der Patentanwaltskammer, München")
        cols = [[who, s.street, s.city_line, f"Tel. {d.phone}", d.email], legal]
        if not self.bank_in_text:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.7)
        note = (
            "Berufsbezeichnung Patentanwalt/Patentanwältin, verliehen in der Bundesrepublik Deutschland; "
            "berufsrechtliche Regelungen: PAO, BOPA (www.patentanwalt.de)."
        )
        c.fit_text(c.width / 2, A4.height - 14, note, 6, self.RIGHT - self.LEFT, align="center", colour=GREY)

    def draw(self) -> TripDrawing:
        fees = self.hourly_fees() if self.hourly else self.flat_fees()
        outlay = self.outlay(fees)
        official = self.official()
        items = [ch.item for ch in (*fees, outlay, *official)]
        lines = vat_breakdown(items)
        self.letterhead()
        y = self.subject(self.info())
        groups = self.groups(fees, outlay, official)
        y = self.table(y, groups) if self.style == "table" else self.sections(y, groups)
        y, due = self.totals(y, lines, official)
        y = self.closing(y, due)
        assert y < self.limit + 6, "patentanwalt_kosten: page overflow"
        pages = self.close_pages(self.rng.random() < 0.3)
        return self.finish(
            items, "Rechnung", pages=pages, customer_no=bool(self.data.customer_no), bic_printed=self.with_bic
        )


def rng_contact(rng: random.Random) -> str:
    """An English-speaking contact at the agency."""
    return rng.choice(
        ("Attn. Ms Emily Carter", "Attn. Mr James O'Neill", "Attn. Ms Sofia Lindqvist", "Mr Daniel Brooks")
    )


# ---------------------------------------------------------------------------
# softwarelizenz_reseller

# Resellers and, for a GmbH & Co. KG, its general partner.
_RESELLERS = (
    ("Nordsoft Lizenzmanagement GmbH", ""),
    ("bitkontor Software & Lizenzen GmbH", ""),
    ("Cloudwerk IT-Services GmbH", ""),
    ("ITeam Systemhaus Becker GmbH & Co. KG", "Becker Verwaltungs GmbH"),
    ("Softwarepartner Rhein-Ruhr GmbH", ""),
    ("Lizenzfuchs GmbH", ""),
    ("Datenwerk Systemhaus GmbH & Co. KG", "Datenwerk Beteiligungs GmbH"),
)


@dataclass(frozen=True)
class Product:
    """A subscription: its vendor, name, the manufacturer's part number, the seat's unit, yearly price, and
    whether it is billed monthly too."""

    vendor: str
    name: str
    sku: str
    unit: str
    yearly: Decimal
    monthly: bool = True


_PRODUCTS = (
    Product("microsoft", "Microsoft 365 Business Basic", "CFQ7TTC0LH18", "Nutzer", Decimal("67.20")),
    Product("microsoft", "Microsoft 365 Business Standard", "CFQ7TTC0LDPB", "Nutzer", Decimal("140.40")),
    Product("microsoft", "Microsoft 365 Business Premium", "CFQ7TTC0LCHC", "Nutzer", Decimal("247.20")),
    Product("microsoft", "Microsoft 365 Apps for business", "CFQ7TTC0LH1G", "Nutzer", Decimal("115.20")),
    Product("microsoft", "Exchange Online (Plan 1)", "CFQ7TTC0LH16", "Nutzer", Decimal("44.40")),
    Product("microsoft", "Visio Plan 2", "CFQ7TTC0HD33", "Nutzer", Decimal("168.00")),
    Product(
        "adobe",
        "Adobe Creative Cloud Pro for teams (Alle Apps)",
        "65304886BA01A12",
        "Lizenz",
        Decimal("1079.88"),
    ),
    Product("adobe", "Adobe Photoshop for teams", "65297615BA01A12", "Lizenz", Decimal("430.68")),
    Product("adobe", "Adobe Acrobat Pro for teams", "65324058BA01A12", "Lizenz", Decimal("216.48")),
    Product("adobe", "Adobe InDesign for teams", "65297586BA01A12", "Lizenz", Decimal("430.68")),
    Product("adobe", "Adobe Illustrator for teams", "65297603BA01A12", "Lizenz", Decimal("430.68")),
    Product("security", "ESET PROTECT Entry (On-Prem)", "EPE-N1-1Y", "Gerät", Decimal("39.90"), False),
    Product("security", "ESET PROTECT Advanced (Cloud)", "EPA-N1-1Y", "Gerät", Decimal("52.50"), False),
    Product("security", "Sophos Intercept X Advanced", "CIXA1CSAA", "Nutzer", Decimal("46.80"), False),
    Product(
        "security",
        "Bitdefender GravityZone Business Security",
        "2752ZZBSN120",
        "Gerät",
        Decimal("31.90"),
        False,
    ),
    Product(
        "security", "G DATA Endpoint Protection Business", "GD-EPB-12", "Client", Decimal("34.50"), False
    ),
    Product(
        "autodesk", "Autodesk AutoCAD LT (Jahresabonnement)", "057P1-WW3740-L562", "Nutzer", Decimal("510.00")
    ),
    Product(
        "remote",
        "TeamViewer Business (1 gleichzeitige Verbindung)",
        "TVB-SUB-12",
        "Lizenz",
        Decimal("458.90"),
        False,
    ),
)
_VENDOR_NAMES = {
    "microsoft": "Microsoft 365 (CSP)",
    "adobe": "Adobe VIP",
    "security": "Endpoint Security",
    "autodesk": "Autodesk",
    "remote": "TeamViewer",
}
_HEX = "0123456789ABCDEF"
# How often an agency buys each vendor's subscriptions from its reseller.
_WEIGHTS = {"microsoft": 5, "adobe": 4, "security": 3, "autodesk": 1, "remote": 1}
# How many seats an agency has of each vendor's subscriptions.
_SEATS = {"microsoft": (3, 25), "adobe": (1, 8), "security": (5, 35), "autodesk": (1, 3), "remote": (1, 2)}
_TERMS = (
    "Abonnements verlängern sich automatisch um die vereinbarte Laufzeit, sofern sie nicht bis spätestens "
    "7 Tage vor Ablauf der Laufzeit in Textform gekündigt werden.",
    "Eine Reduzierung der Lizenzanzahl ist nur zum Ende der jeweiligen Laufzeit möglich. Ausgenommen sind "
    "Stornierungen innerhalb von 7 Tagen (168 Stunden) nach Kauf oder Verlängerung; diese werden anteilig "
    "gutgeschrieben.",
    "Während der Laufzeit hinzugekaufte Lizenzen werden auf das Laufzeitende des bestehenden Vertrags "
    "(Anniversary Date) ausgerichtet und taggenau anteilig berechnet.",
    "Es gelten ergänzend die Lizenz- und Nutzungsbedingungen des jeweiligen Herstellers (u. a. Microsoft-"
    "Kundenvertrag, Adobe General Terms / VIP-Bedingungen, Endbenutzer-Lizenzvereinbarungen), die Sie vor "
    "Vertragsschluss akzeptiert haben.",
    "Preisänderungen des Herstellers werden zur nächsten Verlängerung wirksam; wir informieren Sie "
    "rechtzeitig in Textform.",
    "Die Lieferung erfolgt ausschließlich elektronisch. Lizenzschlüssel und Zugangsdaten werden per E-Mail "
    "an den benannten Administrator versandt bzw. im Kundenkonto (Tenant) bereitgestellt.",
    "Bei Zahlungsverzug sind wir berechtigt, die Abonnements nach vorheriger Ankündigung beim Hersteller "
    "auszusetzen.",
)


def year_after(day: dt.date) -> dt.date:
    """The last day of the year of subscription starting `day`."""
    nxt = day.replace(year=day.year + 1, day=min(day.day, 28) if day.month == 2 else day.day)
    return nxt - dt.timedelta(days=1)


def unit_of(product: Product, seats: int) -> str:
    """The seat's unit in the singular or plural: Nutzer, Lizenz(en), Gerät(e), Client(s)."""
    if seats == 1 or product.unit.endswith("er"):
        return product.unit
    return product.unit + {"Gerät": "e", "Lizenz": "en"}.get(product.unit, "s")


def month_span(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Licence:
    """One line of the reseller's invoice: its item, the manufacturer's part number and the notes."""

    vendor: str
    item: LineItem
    sku: str
    notes: tuple[str, ...]
    credit: bool = False


class SoftwarelizenzReseller(RentalLook):
    """An IT reseller's invoice for subscriptions: seats × price per term, pro-rata lines, credits."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, self.partner = rng.choice(_RESELLERS)
        self.monthly = rng.random() < 0.35
        day = recent_day(rng, data.date)
        if day < dt.date(2021, 3, 1):
            day += dt.timedelta(days=60)  # no term or month billed before 2021
        if self.monthly:
            day = day.replace(day=rng.randint(1, 5))
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"RE{day.year}{n:05d}",
                f"{day.year % 100}-{n:05d}",
                f"R-{rng.randint(100000, 999999)}",
                f"{rng.randint(4000000, 4999999)}",
            )
        )
        word = name.split()[0].lower().replace("-", "")
        customer = rng.choice(_AGENCIES)
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((10, 14, 14, 30))),
            customer=dataclasses.replace(data.customer, name=customer),
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice(
                (
                    f"{rng.randint(10000, 99999)}",
                    f"KD-{rng.randint(1000, 9999)}",
                    f"D{rng.randint(100000, 999999)}",
                )
            )
            if rng.random() < 0.8
            else "",
            order_no=rng.choice(
                (
                    f"PO-{rng.randint(1000, 9999)}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                    f"B-{day.year}-{rng.randint(1, 999):03d}",
                )
            )
            if rng.random() < 0.35
            else "",
            tax_no=data.tax_no or _steuernummer(rng, data.supplier.region),
            email=f"{rng.choice(('rechnung', 'lizenzen', 'buchhaltung', 'vertrieb'))}@{word}.de",
            register=f"HRA {rng.randint(1000, 19999)}" if "KG" in name else f"HRB {rng.randint(1000, 99999)}",
        )
        super().__init__(rng, data)
        self.look()
        self.ids = "both" if rng.random() < 0.35 else "vat"
        self.p = Printer(
            rng.choice(("de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted_short")),
        )
        word = next(w for w in customer.split() if w not in ("Agentur", "Studio"))
        self.slug = word.lower().replace("ö", "oe").replace("ü", "ue")
        self.domain = f"{self.slug}{rng.choice(('', '-agentur', '-design'))}.de"
        self.tenant = f"{self.slug}{rng.choice(('', 'gmbh', 'agentur'))}.onmicrosoft.com"
        self.debit = rng.random() < 0.35
        self.own_bank = not self.debit or rng.random() < 0.6
        self.with_bic = rng.random() < 0.8
        self.terms_page = rng.random() < 0.3
        self.sku_column = rng.random() < 0.4
        self.subtotals = rng.random() < 0.4
        self.job = rng.choice(
            (
                f"AB-{day.year}-{rng.randint(1000, 9999)}",
                f"VA{rng.randint(100000, 999999)}",
                f"{rng.randint(800000, 899999)}",
            )
        )
        self.ordered = day - dt.timedelta(days=rng.randint(1, 12))
        self.delivery_label = (
            rng.choice(("Lieferdatum", "Leistungsdatum", "Liefer-/Leistungsdatum"))
            if rng.random() < 0.3
            else ""
        )
        self.admin = f"{rng.choice(('it', 'admin', 'office', 'technik'))}@{self.domain}"
        if self.delivery_label and not self.monthly:
            self.data = dataclasses.replace(
                self.data, service_date=day - dt.timedelta(days=rng.randint(0, 3))
            )
        self.ms_accepted = day - dt.timedelta(days=rng.randint(200, 900))
        self.ids_of = {
            "microsoft": "-".join(
                "".join(rng.choice(_HEX).lower() for _ in range(k)) for k in (8, 4, 4, 4, 12)
            ),
            "adobe": "".join(rng.choice(_HEX) for _ in range(20)),
            "security": f"{rng.choice('3ABEF')}{rng.randint(10, 99)}-{rng.choice(_HEX)}{rng.randint(10, 99)}-"
            f"{rng.randint(100, 999)}",
            "autodesk": f"110{rng.randint(10**8, 10**9 - 1)}",
            "remote": f"{rng.randint(10**8, 10**9 - 1)}",
        }

    # -- the licences

    def pick(self) -> list[Product]:
        rng = self.rng
        usable = [p for p in _PRODUCTS if p.monthly] if self.monthly else list(_PRODUCTS)
        vendors = sorted({p.vendor for p in usable})
        chosen: list[str] = []
        for _ in range(min(len(vendors), rng.choice((1, 2, 2, 3)))):  # Microsoft and Adobe the most often
            left = [v for v in vendors if v not in chosen]
            chosen += rng.choices(left, [_WEIGHTS[v] for v in left])
        out = []
        for vendor in chosen:
            own = [p for p in usable if p.vendor == vendor]
            out += rng.sample(own, min(len(own), rng.choice((1, 1, 2))))
        return out

    def price(self, product: Product) -> Decimal:
        factor = Decimal(self.rng.randint(96, 104)) / 100
        yearly = round_cent(product.yearly * factor)
        return round_cent(yearly / 12 * Decimal("1.05")) if self.monthly else yearly

    def span_text(self, a: dt.date, b: dt.date) -> str:
        return f"{self.p.date(a)} – {self.p.date(b)}"

    def lines(self) -> list[Licence]:
        """The licence lines: renewals or the billed month, seats added pro rata, seats removed as credits."""
        rng, d = self.rng, self.data
        out: list[Licence] = []
        for k, product in enumerate(self.pick()):
            seats = rng.randint(*_SEATS[product.vendor])
            price = self.price(product)
            role = rng.choice(("renew", "renew", "addon")) if k and not self.monthly else "renew"
            if self.monthly:
                start = (d.date.replace(day=1) - dt.timedelta(days=rng.randint(40, 300))).replace(day=1)
                term = (start, year_after(start))
                notes = [
                    f"Zeitraum {self.span_text(*month_span(d.date))}",
                    f"Laufzeit {self.span_text(*term)} (Jahresvertrag, monatliche Zahlung)",
                ]
            elif role == "addon":  # seats added to a running agreement, up to its anniversary
                start = (d.date.replace(day=1) - dt.timedelta(days=rng.randint(60, 300))).replace(day=1)
                term, notes = (start, year_after(start)), []
            else:
                start = (
                    d.date + dt.timedelta(days=rng.randint(0, 10))
                    if rng.random() < 0.5
                    else d.date.replace(day=1)
                )
                term = (start, year_after(start))
                notes = [f"Laufzeit {self.span_text(*term)}"]
            if role == "renew":
                what = ", Verlängerung" if not self.monthly and rng.random() < 0.5 else ""
                item = LineItem(
                    f"{product.name}{what}", product.sku, Decimal(seats), unit_of(product, seats), price, 19
                )
                out.append(Licence(product.vendor, item, product.sku, tuple(notes)))
            removed = (self.monthly and seats > 4 or role == "addon") and rng.random() < 0.3
            if removed:
                out.append(self.prorata(product, price, term, True))
            elif role == "addon" or self.monthly and rng.random() < 0.5:
                out.append(self.prorata(product, price, term, False))
        if sum((x.item.total for x in out), Decimal(0)) < 100:  # credits larger than the charges: none
            out = [x for x in out if not x.credit]
        return out

    def prorata(
        self, product: Product, price: Decimal, term: tuple[dt.date, dt.date], credit: bool
    ) -> Licence:
        """Seats added (or, `credit`, removed) during the term, charged for the days left of it (of the month
        before on monthly seeds)."""
        rng, d, p = self.rng, self.data, self.p
        seats = rng.randint(1, 5) if not credit else rng.randint(1, 3)
        if self.monthly:
            first, last = month_span(d.date.replace(day=1) - dt.timedelta(days=1))
        else:
            first, last = term
        start = max(first + dt.timedelta(days=1), d.date - dt.timedelta(days=rng.randint(1, 25)))
        if start > last - dt.timedelta(days=2):
            start = last - dt.timedelta(days=rng.randint(5, 20))
        days, whole = (last - start).days + 1, (last - first).days + 1
        share = round_cent(price * days / whole)
        unit = unit_of(product, seats)
        per = "Monat" if self.monthly else "Jahr"
        if credit:
            label = rng.choice(("Reduzierung um", "Stornierung", "Kündigung"))
            text = f"Gutschrift {product.name}: {label} {seats} {unit}"
        else:
            label = rng.choice(("Nachkauf", "Zukauf", "Erweiterung um"))
            text = f"{product.name}: {label} {seats} {unit}"
        notes = (
            f"anteilig {days} von {whole} Tagen ({self.span_text(start, last)})",
            f"{p.amount(price)} je {product.unit}/{per} × {days}/{whole} = {p.amount(share)}",
        )
        qty = Decimal(-seats if credit else seats)
        return Licence(
            product.vendor, LineItem(text, product.sku, qty, unit, share, 19), product.sku, notes, credit
        )

    def service(self) -> Licence | None:
        rng, p = self.rng, self.p
        if rng.random() > 0.3:
            return None
        hours = Decimal(rng.choice((1, 2, 3, 4))) / 2
        rate = price_between(rng, 85, 125, "5")
        text = rng.choice(
            ("Einrichtung und Lizenzzuweisung (Remote)", "Bereitstellung und Aktivierung der Lizenzen")
        )
        note = f"{quantity(hours, p)} Std. à {p.amount(rate)}"
        return Licence("service", LineItem(text, "", hours, "Std.", rate, 19), "", (note,))

    def group_head(self, vendor: str) -> Row:
        p = self.p
        number = self.ids_of.get(vendor, "")
        head, notes = _VENDOR_NAMES.get(vendor, ""), []
        if vendor == "microsoft":
            head += f" · Tenant {self.tenant}"
            notes.append(f"Microsoft-Kundenvertrag (MCA) akzeptiert am {p.date(self.ms_accepted)}")
            if self.rng.random() < 0.5:
                notes.append(f"Tenant-ID {number}")
        elif vendor == "adobe":
            head += f" · VIP-Nr. {number}"
            notes.append(f"Admin: {self.admin} · Anniversary Date jährlich")
        elif vendor == "security":
            head += f" · Lizenz-ID {number}"
            notes.append(f"Lizenzschlüssel per E-Mail an {self.admin}")
        elif vendor == "autodesk":
            head += f" · Vertragsnr. {number}"
            notes.append(f"Autodesk-ID: {self.admin}")
        elif vendor == "remote":
            head += f" · Lizenz-Nr. {number}"
        else:
            head = "Dienstleistungen"
        return Row("group", {"desc": head}, None, tuple(notes))

    # -- the page

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        per = "Monat" if self.monthly else "Jahr"
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 26, "left")]
        if self.sku_column:
            spec.append(("art", rng.choice(("Art.-Nr.", "Hersteller-Nr.", "SKU")), 88, "left"))
        spec += [
            ("desc", rng.choice(("Bezeichnung", "Produkt / Abonnement", "Beschreibung")), 0, "left"),
            ("qty", rng.choice(("Menge", "Anzahl")), 38, "right"),
            ("unit", "Einheit", 42, "left"),
            ("price", rng.choice((f"Preis/{per}", f"EP je {per}", "Einzelpreis")), 62, "right"),
            ("total", rng.choice(("Gesamt", "Betrag", "Gesamtpreis")), 66, "right"),
        ]
        return spec

    def rows(self, lines: list[Licence]) -> list[Row]:
        p, out, n = self.p, [], 0
        vendor = ""
        for line in lines:
            if line.vendor != vendor:
                vendor = line.vendor
                out.append(self.group_head(vendor))
            n += 1
            item = line.item
            desc = item.description if self.sku_column or not line.sku else f"{item.description} ({line.sku})"
            values = {
                "pos": str(n),
                "art": line.sku,
                "desc": desc,
                "qty": quantity(item.quantity, p),
                "unit": item.unit,
                "price": p.number(item.unit_price),
                "total": p.number(item.total),
            }
            out.append(Row("item", values, item, line.notes))
        return out

    def head_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        rows.append((rng.choice(("Auftrags-Nr.", "Unser Auftrag", "Vorgang")), self.job))
        if d.order_no:
            rows.append((rng.choice(("Ihre Bestellung", "Ihre Bestell-Nr.", "Bestellnummer")), d.order_no))
        if self.monthly:
            rows.append(("Abrechnungszeitraum", self.span_text(*month_span(d.date))))
        elif d.service_date:
            rows.append((self.delivery_label, p.date(d.service_date)))
        return rows

    def subject(self, y: float) -> float:
        c, p, rng, L = self.c, self.p, self.rng, self.LEFT
        lines = [
            rng.choice(
                (
                    "Softwarelizenzen und Abonnements",
                    "Ihre Software-Abonnements",
                    "Verlängerung Ihrer Softwarelizenzen"
                    if not self.monthly
                    else "Monatliche Abrechnung Ihrer Abonnements",
                )
            ),
            f"Kunde / Domain: {self.domain}" + (f" · Tenant: {self.tenant}" if rng.random() < 0.5 else ""),
        ]
        if rng.random() < 0.6:
            lines.append(
                f"Ihre Bestellung vom {p.date(self.ordered)}" + (" per E-Mail" if rng.random() < 0.5 else "")
            )
        for k, line in enumerate(lines):
            c.fit_text(L, y + 4, line, 9.5 if k == 0 else 8.6, self.RIGHT - L, bold=k == 0)
            y += 12.5
        return y + 4

    def total_rows(self, lines: list[Licence], vat: VatLine) -> list[tuple[str, Decimal, bool]]:
        rng = self.rng
        rows: list[tuple[str, Decimal, bool]] = []
        credits = sum((x.item.total for x in lines if x.credit), Decimal(0))
        if self.subtotals and credits:
            rows.append(("Summe Lizenzen", vat.base - credits, False))
            rows.append(("Summe Gutschriften", credits, False))
        gross = rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Zu zahlender Betrag", "Summe brutto"))
        if self.p.currency == "none":
            gross += " EUR"
        rows += [
            (rng.choice(("Nettobetrag", "Summe netto", "Gesamt netto")), vat.base, False),
            (rng.choice(("zzgl. 19 % USt.", "19 % MwSt.", "Umsatzsteuer 19 %")), vat.amount, False),
            (gross, vat.base + vat.amount, True),
        ]
        return rows

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[tuple[str, bool]] = []
        if self.debit:
            mandate = f"{d.customer_no or 'M'}-{rng.randint(100, 999)}"
            texts.append(
                (
                    f"Der Rechnungsbetrag von {p.amount(gross)} wird am {p.date(d.due_date)} per "
                    "SEPA-Lastschrift "
                    f"von Ihrem Konto {masked_de(rng)} eingezogen.",
                    True,
                )
            )
            texts.append((f"Mandatsreferenz: {mandate} · Gläubiger-ID: {creditor_id(rng)}", False))
        else:
            days = (d.due_date - d.date).days
            texts.append(
                (
                    rng.choice(
                        (
                            f"Zahlbar innerhalb von {days} Tagen ohne Abzug bis zum {p.date(d.due_date)}.",
                            f"Bitte überweisen Sie {p.amount(gross)} bis zum {p.date(d.due_date)} "
                            "unter Angabe der Rechnungsnummer.",
                        )
                    ),
                    True,
                )
            )
        texts.append(
            (
                rng.choice(
                    (
                        f"Lieferung elektronisch: Die Lizenzschlüssel wurden per E-Mail an {self.admin} "
                        "versandt.",
                        "Lizenzschlüssel per E-Mail; die Microsoft-Lizenzen stehen in Ihrem Tenant zur "
                        "Zuweisung bereit.",
                        f"Lizenzschlüssel und Zugangsdaten erhalten Sie per E-Mail ({self.admin}).",
                    )
                ),
                False,
            )
        )
        keep = len(texts)
        if self.terms_page:
            texts.append(
                ("Es gelten unsere Lizenzbedingungen auf Seite 2 und die Bedingungen der Hersteller.", False)
            )
            keep += 1
        if rng.random() < 0.4:
            texts.append(
                (f"Fragen zu Ihren Lizenzen? Unser Lizenzteam erreichen Sie unter {d.phone}.", False)
            )
        return self.short_texts(y, texts, keep)

    def terms(self) -> None:
        """The licence terms on a page of their own."""
        y = self.next_page() + 6
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.text(L, y, "Lizenzbedingungen und Hinweise zu Ihren Abonnements", 12, bold=True, colour=self.brand)
        y += 20
        for k, text in enumerate(_TERMS, 1):
            c.text(L, y, f"{k}.", 8.5, bold=True)
            y = c.paragraph(L + 16, y, text, R - L - 16, 8.5) + 5

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Amtsgericht {s.city} {d.register}"]
        if self.partner:
            legal.append(f"phG: {self.partner}")
        legal += [f"Geschäftsführer: {d.ceo}", *self.tax_ids("USt-IdNr.", "Steuernummer")]
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}", d.email], legal]
        if self.own_bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        d, rng = self.data, self.rng
        lines = self.lines()
        extra = self.service()
        if extra:
            lines.append(extra)
        items = [x.item for x in lines]
        (vat,) = vat_breakdown(items)
        s = d.supplier
        self.letterhead(
            rng.choice(
                (
                    "Software · Lizenzen · Cloud",
                    "Ihr Partner für Lizenzmanagement",
                    "IT-Systemhaus und Softwarefachhandel",
                )
            ),
            [s.street, s.city_line, f"Tel. {d.phone}", d.email],
        )
        y = self.subject(
            self.details_block(self.head_rows(), rng.choice(("Rechnung", "RECHNUNG", f"Rechnung {d.number}")))
        )
        y = self.table(y, columns(self.spec(), self.LEFT, self.RIGHT), self.rows(lines), rng.random() < 0.5)
        rows = self.total_rows(lines, vat)
        if self.total_style == "strip" and len(rows) > 4:
            self.total_style = "block"
        y = self.totals(y, rows)
        y = self.closing(y, vat.base + vat.amount)
        assert y < self.limit + 6, "softwarelizenz_reseller: page overflow"
        if self.terms_page:
            self.terms()
        pages = self.close_pages(rng.random() < 0.3)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=bool(d.service_date),
            customer_no=bool(d.customer_no),
            order_no=bool(d.order_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

KANZLEI_FAMILIES: dict[str, type[TripSheet]] = {
    "patentanwalt_kosten": PatentanwaltKosten,
    "softwarelizenz_reseller": SoftwarelizenzReseller,
}


def draw_kanzlei(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(KANZLEI_FAMILIES[name], name, seed)
