"""Two invoice layout families of a US software or hardware vendor billing in dollars and of a German
fuel-card company's monthly collective invoice, designed blind (session 16).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_karte(name, seed)`. Each family draws its page(s) with the shared pieces of `families_more`,
`families_world`, `families_trip`, `families_first` and `families_last` and returns a `KarteDrawing` (a
`TripDrawing` that may name a BIC without an IBAN; truth keys only for values printed):

- `us_software_usd`: a US SaaS or hardware vendor's invoice in English, in US dollars, to a German design or
  communications agency. Three layouts: a QuickBooks-like "ledger" ("INVOICE", a "Date" / "Invoice #" grid
  with the values under the labels, "Bill To" / "Ship To" boxes, a strip of "P.O. No." / "Terms" / "Due Date"
  / "Ship Date" / "Ship Via" / "Customer ID" cells, columns Item / Description / Qty / Rate / Amount), a
  Stripe-like "online" invoice ("Invoice number", "Date of issue", "Date due", "$1,234.56 USD due December 4,
  2024", subscription periods under the lines such as "Dec 4, 2024 – Dec 3, 2025", "Subtotal", a discount code
  line, "Total excluding tax", "Amount due", "Page 1 of 1") and an office-template "boxed" invoice ("INVOICE
  #", "DATE", "CUSTOMER ID", "DUE DATE", a "SALESPERSON" / "P.O. #" / "SHIP DATE" / "F.O.B. POINT" / "TERMS"
  strip, "QTY" / "ITEM #" / "UNIT PRICE" / "LINE TOTAL", the shipping among the totals, "LESS
  PAYMENTS/CREDITS", "BALANCE DUE"). The invoice and due dates print as "12/04/2024" (month first) or
  "December 4, 2024"; the abbreviated "Dec 4, 2024" only in subscription periods and ship dates (the shared
  test's date forms know no abbreviated months, so the invoice date is never abbreviated). Amounts
  "$1,234.56", "$ 1,234.56", "USD 1,234.56" or bare under "Amount (USD)"; "USD" stands on every seed; negative
  amounts "-$120.00" or "($120.00)". SaaS lines (seats × price per year or month, add-ons, onboarding, API
  overage; a font foundry's and a stock-footage vendor's licences), hardware lines (SKU, serial numbers and HS
  codes under some lines, shipping by FedEx / UPS / DHL, "Incoterms 2020: DAP <city>. Duties and import VAT
  are payable by the consignee.", a tracking number on some seeds). "Subtotal", a tax line at zero ("Sales Tax
  (0%)", "Tax", "Sales Tax 0%", "Tax (0%)", "VAT 0% (reverse charge)") on most seeds and none on some;
  "Reverse charge: VAT to be accounted for by the recipient." (or two variants) on every seed where the vendor
  prints an EU VAT registration and on some others; "Total", then on some seeds "Payments/Credits" / "Amount
  paid" (a deposit of 25 to 50 %, or the whole amount charged to a card: "Paid in full by Visa ending in
  4242", balance 0.00) and "Balance Due" / "Amount due". Traps: the customer's German VAT id in the bill-to
  block ("VAT ID: DE123456789"), the vendor's "Federal Tax ID (EIN)", a P.O. box for checks, phone numbers,
  the account and ABA routing numbers, a tracking number, the subtotal before a discount, the balance after a
  deposit, the PO number and customer id. Payment by wire (bank and its address, account number, ABA routing
  number and the bank's "SWIFT" code such as CHASUS33), by ACH (routing and account number only) or by card.
  Truth: `waehrung` USD; `betrag_brutto` = the invoice total ("Total", before any payment or credit: never the
  balance or amount due, which differ on the deposit and card seeds), `betrag_netto` the same (every line at 0
  %), `mwst` 0.0 on the seeds that print a tax line and absent on the others; `ust_id` only when the vendor
  prints its own EU VAT number (an Irish registration of the US company, "IE1234567T", valid per
  python-stdnum), never the customer's; no `iban` (US accounts have none) and no `steuernummer`; `bic` = the
  SWIFT code on the wire seeds (the payee bank's BIC, printed under the name SWIFT: a BIC in all but name,
  valid for schwifty) and none on the ACH and card seeds, which print no such code; `bestellnummer` = the
  customer's PO number and `kundennummer` = the customer id where printed.
- `tankkarte_sammel`: a German fuel-card company's monthly collective invoice to an agency with one to four
  cars: "Sammelrechnung Tankkarten" (or "Rechnung – Tankkartenabrechnung", "Monatsrechnung Flottenkarten",
  "Sammelrechnung Nr. ..."), "Abrechnungszeitraum" / "Leistungszeitraum" / "Zeitraum" ("01.03.2024 –
  31.03.2024", "01.03.–31.03.2024" or "01.03.2024 bis 31.03.2024"), Rechnungsnummer, Rechnungsdatum (one to
  six days after the month), Kundennummer on most seeds and a contract number; one line per fueling with date
  ("05.03.2024" or "05.03.24"), time (on most seeds), station (brand and town over the street or station
  number, or an Autobahn service area), the card masked ("7002 **** 1234", "7002 **** **** 1234" or
  "700212******1234") and the licence plate ("HH-AB 123") in columns or in the heading of the card's group,
  the odometer on some grouped seeds, the product (Diesel, Super E10, Super E5, Super Plus, AdBlue, a car wash
  as "1 Stk"), litres with two decimals, the price per litre with three ("1,749") and the gross amount (a net
  column too on some grouped seeds). The lines come grouped by card, each group closing with "Summe Karte ...:
  n Transaktionen, l, amount", or as one chronological list followed by an overview per card; a summary per
  product on some seeds; fees and credits ("Kartengebühr 03/2024 (3 Karten à 2,50 €)", a portal fee or a
  replacement card on some seeds, "Nachlass Kraftstoff 2 ct/l auf 412,37 l" on some), "Alle Beträge ... inkl.
  19 % USt."; subtotals of the transactions and of the fees on some seeds; "Summe netto" / "Nettobetrag", "USt
  19 %" (or "zzgl. 19 % USt", "MwSt. 19 %", "Umsatzsteuer 19 %"), "Summe brutto" / "Rechnungsbetrag" /
  "Gesamtbetrag brutto"; the SEPA direct-debit notice ("Der Betrag von ... wird am 15.04.2024 von Ihrem Konto
  DE12 **** **** **** **34 56 eingezogen", Gläubiger-ID, Mandatsreferenz), "Das Leistungsdatum entspricht dem
  jeweiligen Transaktionsdatum.", a blocking hotline on some seeds. Long months run onto a second page (a
  third on few), with "Übertrag" / "Übertrag von Seite 1" on some seeds. The company's own bank (IBAN, BIC on
  most) stands in the footer on about half the seeds. Every line, the fees included, is priced with VAT, as at
  the pump: the net is worked back from the gross of the whole invoice (net = gross / 1.19 rounded, VAT =
  gross - net, and that VAT must equal the net × 19 % rounded, as the truth's VAT lines compute it: draws
  whose cents do not allow this are redrawn, `families_world.nets_of_gross`). On the seeds with a net column
  each line's net is its gross / 1.19 rounded, the dearest line taking the rounding difference, so that the
  printed nets add up to "Summe netto" to the cent. Truth: the usual keys, EUR, `kundennummer` where printed;
  `ust_id` and/or `steuernummer` as printed; `iban` (and `bic` where printed) only on the seeds with the
  company's own bank in the footer (never the customer's masked IBAN); no `leistungsdatum` (the many
  transaction dates) and no `bestellnummer`.

The fuel-card family keeps its billing months out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_first import FirstSheet
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    Col,
    cells,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
    grid_lines,
    initials,
    label_rows,
    logo,
    month_before,
)
from benchmarks.synth.families_trip import TripDrawing
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    PALE,
    RULE,
    WorldPrinter,
    _digits,
    ie_vat_id,
    nets_of_gross,
)
from benchmarks.synth.invoice_gen import MONTHS_EN, InvoiceData, LineItem, _vat_id, round_cent
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import CurrencyStyle, Printer

# ---------------------------------------------------------------------------
# What a family hands back


@dataclass(frozen=True)
class KarteDrawing(TripDrawing):
    """A drawing that may print a BIC without an IBAN: a US bank's SWIFT code for wires."""

    swift: str = ""

    def truth(self) -> dict:
        truth = super().truth()
        if self.swift:
            truth["bic"] = self.swift
        return truth


def with_swift(drawing: TripDrawing, swift: str) -> KarteDrawing:
    fields = {f.name: getattr(drawing, f.name) for f in dataclasses.fields(drawing)}
    return KarteDrawing(**fields, swift=swift)


# German agencies, the customers of both families.
_AGENCIES = (
    "Pixelwerk Kommunikation GmbH",
    "Nordlicht Kreativagentur GmbH",
    "Studio Brandt Design",
    "Kontrast Werbeagentur GmbH & Co. KG",
    "Agentur Hafenblick GmbH",
    "Feinschliff Digital GmbH",
    "Lautsprecher PR & Content GmbH",
    "Blickfang Mediendesign UG (haftungsbeschränkt)",
)
_PEOPLE = ("Julia Becker", "Finn Hoffmann", "Lena Wagner", "Jonas Krüger", "Mira Schulte", "Deniz Aydın")


# ---------------------------------------------------------------------------
# us_software_usd

# An offer: (SKU, description ({p} the product), least and most unit price, quantities, billing period).
Offer = tuple[str, str, float, float, tuple[int, ...], str]


@dataclass(frozen=True)
class Vendor:
    """A US vendor: name, street, "City, ST 12345", web domain, phone, its product (SaaS), its own offers."""

    name: str
    street: str
    city_line: str
    domain: str
    phone: str
    product: str
    offers: tuple[Offer, ...]


_SAAS_OFFERS: tuple[Offer, ...] = (
    ("BUS-ANNUAL", "{p} Business plan – annual subscription", 180, 480, (3, 5, 8, 10, 12, 15), "year"),
    ("PRO-MONTHLY", "{p} Pro plan – monthly subscription", 15, 59, (2, 3, 5, 10, 20), "month"),
    ("TEAM-ANNUAL", "{p} Team plan (billed annually)", 96, 288, (5, 10, 25), "year"),
    ("ENT-PLATFORM", "{p} Enterprise platform fee", 4800, 18000, (1,), "year"),
)
_SAAS_ADDONS: tuple[Offer, ...] = (
    ("STORAGE-1TB", "Additional storage (1 TB)", 10, 45, (1, 2, 5), "month"),
    ("SUPPORT-PREM", "Premium support add-on", 99, 499, (1,), "month"),
    ("SSO-SAML", "Single sign-on (SAML) add-on, per seat", 2, 6, (5, 10, 12, 25), "month"),
    ("ONBOARD", "Onboarding & implementation package (remote)", 750, 3500, (1,), ""),
    ("API-OVG", "API usage overage (per 1,000 requests)", 0.2, 0.8, (150, 480, 1250, 2300), ""),
    ("TRAIN-2H", "Live training session, 2 hours", 300, 650, (1, 2), ""),
)
_SAAS_VENDORS = (
    Vendor(
        "Brightline Analytics, Inc.",
        "548 Market Street, Suite 300",
        "San Francisco, CA 94104",
        "brightline.io",
        "(415) 555-0142",
        "Brightline",
        (),
    ),
    Vendor(
        "Cloudmeter Software Inc.",
        "600 Congress Avenue, Floor 14",
        "Austin, TX 78701",
        "cloudmeter.com",
        "(512) 555-0198",
        "Cloudmeter",
        (),
    ),
    Vendor(
        "Frameform Labs, Inc.",
        "85 Broad Street, 17th Floor",
        "New York, NY 10004",
        "frameform.com",
        "(212) 555-0117",
        "Frameform",
        (),
    ),
    Vendor(
        "Tasklane, Inc.",
        "1 Lincoln Street, 24th Floor",
        "Boston, MA 02111",
        "tasklane.app",
        "(617) 555-0163",
        "Tasklane",
        (),
    ),
    Vendor(
        "Fontgrid Type Foundry LLC",
        "1120 NW Couch Street",
        "Portland, OR 97209",
        "fontgrid.com",
        "(503) 555-0129",
        "Fontgrid",
        (
            ("DT-LIC-25", "Desktop license – Halden Sans family (14 styles), 25 users", 890, 1790, (1,), ""),
            (
                "WEB-250K",
                "Web font license – Halden Sans, 250,000 page views / month",
                390,
                990,
                (1,),
                "year",
            ),
            ("APP-LIC", "App embedding license – Morrow Serif, 1 app", 600, 1400, (1,), ""),
        ),
    ),
    Vendor(
        "Motionkit Inc.",
        "811 W 7th Street, Suite 1200",
        "Los Angeles, CA 90017",
        "motionkit.io",
        "(213) 555-0176",
        "Motionkit",
        (
            ("CR-100", "Stock footage credits (100-credit pack)", 390, 790, (1, 2), ""),
            ("MUSIC-LIC", "Music license, commercial use, worldwide", 149, 499, (1, 2, 3), ""),
        ),
    ),
    Vendor(
        "Stackwise Technologies LLC",
        "1801 Wewatta Street, Suite 500",
        "Denver, CO 80202",
        "stackwise.dev",
        "(720) 555-0104",
        "Stackwise",
        (),
    ),
)
_HW_VENDORS = (
    Vendor(
        "Lumenpeak Imaging Inc.",
        "2600 W Olive Avenue, Suite 500",
        "Burbank, CA 91505",
        "lumenpeak.com",
        "(818) 555-0133",
        "",
        (),
    ),
    Vendor(
        "Keyframe Devices Inc.",
        "2 N First Street, 4th Floor",
        "San Jose, CA 95113",
        "keyframedevices.com",
        "(408) 555-0187",
        "",
        (),
    ),
    Vendor(
        "Northbridge Display Corp.",
        "15 Cushing",
        "Irvine, CA 92618",
        "northbridgedisplay.com",
        "(949) 555-0152",
        "",
        (),
    ),
    Vendor(
        "Hollis Audio Works LLC",
        "410 Terry Avenue N",
        "Seattle, WA 98109",
        "hollisaudio.com",
        "(206) 555-0121",
        "",
        (),
    ),
)
# Hardware: (SKU, description, least and most price, quantities, HS code).
_HARDWARE: tuple[tuple[str, str, float, float, tuple[int, ...], str], ...] = (
    ("LP-6KPRO", "6K Cinema Camera Body, EF mount", 1995, 2895, (1, 2), "8525.89"),
    ("LP-LED2X1", "LED Panel Light 2x1, Bi-Color, with softbox", 449, 699, (1, 2, 4), "9405.42"),
    ("KD-CTRL15", "Stream Controller, 15 LCD keys", 129, 169, (1, 2, 3), "8471.60"),
    ("KD-CAP4K", "4K60 Capture Card, USB-C", 179, 249, (1, 2), "8471.80"),
    ("NB-RM27Q", '27" 4K Reference Monitor RM-27Q', 1499, 2299, (1, 2), "8528.52"),
    ("NB-CX3", "Colorimeter CX-3 with calibration software", 219, 299, (1, 2), "9027.50"),
    ("HA-LAV2", "Wireless Lavalier Kit (2 TX / 1 RX)", 299, 399, (1, 2), "8518.10"),
    ("HA-BM7", "Dynamic Broadcast Microphone BM-7", 349, 429, (1, 2, 4), "8518.10"),
    ("HA-IF44", "USB Audio Interface, 4 in / 4 out", 199, 279, (1, 2), "8543.70"),
    ("VM-150", "V-Mount Battery 150 Wh", 169, 229, (2, 4), "8507.60"),
    ("CASE-HS", "Hard-shell carrying case", 99, 179, (1, 2), "4202.12"),
)
_CARRIERS = (
    "FedEx International Priority",
    "UPS Worldwide Express",
    "DHL Express Worldwide",
    "FedEx International Economy",
)
_US_BANKS = (
    ("JPMorgan Chase Bank, N.A.", "383 Madison Avenue, New York, NY 10179", "021000021", "CHASUS33"),
    ("Bank of America, N.A.", "222 Broadway, New York, NY 10038", "026009593", "BOFAUS3N"),
    ("Wells Fargo Bank, N.A.", "420 Montgomery Street, San Francisco, CA 94104", "121000248", "WFBIUS6S"),
    ("Citibank, N.A.", "388 Greenwich Street, New York, NY 10013", "021000089", "CITIUS33"),
    ("PNC Bank, N.A.", "300 Fifth Avenue, Pittsburgh, PA 15222", "043000096", "PNCCUS33"),
    ("First Citizens Bank (SVB)", "3003 Tasman Drive, Santa Clara, CA 95054", "121140399", "SVBKUS6S"),
)
_REVERSE = (
    "Reverse charge: VAT to be accounted for by the recipient.",
    "Reverse charge – Article 196 of Council Directive 2006/112/EC. VAT to be accounted for by the customer.",
    "VAT reverse charge applies: the customer is liable for VAT in Germany.",
)
_TERMS = (("Net 30", 30), ("Net 30", 30), ("Net 15", 15), ("Net 45", 45), ("Due on receipt", 0))


@dataclass(frozen=True)
class Line:
    """One line of the US invoice: its item, SKU, grey notes under it, and whether the totals print it."""

    item: LineItem
    sku: str = ""
    notes: tuple[str, ...] = ()
    in_totals: bool = False  # a discount (online layout) or the shipping (boxed layout) among the totals


def us_short(day: dt.date) -> str:
    """Dec 4, 2024."""
    return f"{MONTHS_EN[day.month - 1][:3]} {day.day}, {day.year}"


def stripe_number(rng: random.Random) -> str:
    prefix = "".join(rng.choice("0123456789ABCDEF") for _ in range(8))
    return f"{prefix}-{rng.randint(1, 40):04d}"


def add_year(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1, day=min(day.day, 28) if day.month == 2 else day.day)


def add_month(day: dt.date) -> dt.date:
    month = day.month % 12 + 1
    year = day.year + (day.month == 12)
    return day.replace(year=year, month=month, day=min(day.day, 28))


class UsSoftwareUsd(FirstSheet):
    """A US SaaS or hardware vendor's invoice in dollars to a German agency: ledger, online or boxed."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"
    FOOT = A4.height - 62

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.hardware = rng.random() < 0.35
        self.vendor = rng.choice(_HW_VENDORS if self.hardware else _SAAS_VENDORS)
        self.layout = rng.choice(("ledger", "online", "boxed"))
        day = data.date
        terms, days = rng.choice(_TERMS)
        self.terms = terms
        if self.layout == "online":
            number = stripe_number(rng)
        elif self.layout == "ledger":
            number = str(rng.randint(1001, 29999))
        else:
            number = rng.choice(
                (f"INV-{day.year}-{rng.randint(1, 9999):04d}", f"{day.year}{rng.randint(1, 9999):04d}")
            )
        customer = dataclasses.replace(
            data.customer, name=rng.choice(_AGENCIES), contact=rng.choice((*_PEOPLE, "Accounts Payable", ""))
        )
        order = rng.choice(
            (
                f"PO-{day.year}-{rng.randint(1, 999):03d}",
                f"{rng.randint(4500000, 4599999)}",
                f"B{day.year % 100}{rng.randint(100, 999)}",
            )
        )
        data = dataclasses.replace(
            data,
            number=number,
            service_date=None,
            due_date=day + dt.timedelta(days=days),
            customer=customer,
            supplier=dataclasses.replace(data.supplier, name=self.vendor.name),
            order_no=order if rng.random() < 0.5 else "",
            customer_no=rng.choice((f"CUS-{rng.randint(1000, 99999):05d}", f"C{rng.randint(100000, 999999)}"))
            if rng.random() < 0.5
            else "",
            email=f"{rng.choice(('billing', 'ar', 'accounts'))}@{self.vendor.domain}",
        )
        super().__init__(rng, data)
        currency: CurrencyStyle = rng.choice(
            ("sign_tight", "sign_tight", "sign_before", "code_before", "none")
        )
        self.p = WorldPrinter("en", currency, "en_us", sign="$", code="USD", month_first=rng.random() < 0.5)
        self.brand = rng.choice(MORE_BRANDS)
        self.eu_vat = ie_vat_id(rng) if rng.random() < 0.4 else ""
        self.reverse = bool(self.eu_vat) or rng.random() < 0.3
        self.tax_label = (
            rng.choice(("Sales Tax (0%)", "Tax", "Sales Tax 0%", "Tax (0%)", "VAT 0% (reverse charge)"))
            if rng.random() < 0.8
            else ""
        )
        if self.tax_label.startswith("VAT") and not self.reverse:
            self.tax_label = "Sales Tax (0%)"
        self.payment = rng.choice(("wire", "wire", "ach", "card"))
        self.bank = rng.choice(_US_BANKS)
        self.deposit = self.payment != "card" and rng.random() < 0.25
        self.customer_vat = _vat_id(rng)
        self.ein = f"{rng.randint(10, 98)}-{rng.randint(1000000, 9999999)}"
        self.ship_day = day - dt.timedelta(days=rng.randint(0, 3))
        self.carrier = rng.choice(_CARRIERS)

    # -- printing helpers

    def money(self, value: Decimal) -> str:
        """An amount with the seed's currency style; negative as -$120.00 or ($120.00)."""
        if value >= 0:
            return self.p.amount(value)
        return f"-{self.p.amount(-value)}" if self.rng.random() < 0.7 else f"({self.p.amount(-value)})"

    def cell_money(self, value: Decimal) -> str:
        return self.p.number(value) if self.p.currency == "none" else self.money(value)

    def date(self, day: dt.date) -> str:
        return self.p.date(day)

    def page_label(self, page: int, pages: int) -> str:
        return f"Page {page} of {pages}"

    # -- the lines

    def lines(self) -> list[Line]:
        return self.hardware_lines() if self.hardware else self.saas_lines()

    def saas_lines(self) -> list[Line]:
        rng, v = self.rng, self.vendor
        start = self.data.date - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
        out: list[Line] = []
        main = rng.choice(v.offers if v.offers and rng.random() < 0.4 else _SAAS_OFFERS)
        others = [offer for offer in _SAAS_ADDONS + v.offers if offer != main]
        picks = [main, *rng.sample(others, rng.choice((0, 1, 1, 2, 3)))]
        for sku, desc, lo, hi, quantities, period in picks:
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            if hi >= 100:
                price = Decimal(int(price)) - (Decimal(0) if rng.random() < 0.5 else Decimal("0.01"))
            notes = []
            if period:
                end = (add_year(start) if period == "year" else add_month(start)) - dt.timedelta(days=1)
                notes.append(f"{us_short(start)} – {us_short(end)}")
            text = desc.format(p=v.product)
            out.append(
                Line(LineItem(text, sku, Decimal(rng.choice(quantities)), "", price, 0), sku, tuple(notes))
            )
        if rng.random() < 0.25:
            pct = rng.choice((10, 15, 20))
            base = sum((line.item.total for line in out), Decimal(0))
            code = rng.choice((f"ANNUAL{pct}", f"PARTNER{pct}", f"WELCOME{pct}"))
            text = f"Discount ({code}, {pct}% off)"
            out.append(
                Line(
                    LineItem(text, "", Decimal(1), "", -round_cent(base * pct / 100), 0),
                    "DISCOUNT",
                    (),
                    self.layout == "online",
                )
            )
        return out

    def hardware_lines(self) -> list[Line]:
        rng = self.rng
        out: list[Line] = []
        for sku, desc, lo, hi, quantities, hs in rng.sample(_HARDWARE, rng.randint(2, 5)):
            qty = rng.choice(quantities)
            price = Decimal(rng.randint(int(lo), int(hi))) - (
                Decimal(0) if rng.random() < 0.4 else Decimal("0.01")
            )
            notes = []
            if rng.random() < 0.5 and not sku.startswith("CASE"):
                serials = [
                    f"{sku[:2]}{rng.randint(20, 25)}{rng.choice('ABCK')}{rng.randint(10000, 99999)}"
                    for _ in range(qty)
                ]
                notes.append("S/N: " + ", ".join(serials))
            if rng.random() < 0.4:
                notes.append(
                    f"HS code {hs} – Country of origin: {rng.choice(('USA', 'China', 'Taiwan', 'Mexico'))}"
                )
            out.append(Line(LineItem(desc, sku, Decimal(qty), "ea", price, 0), sku, tuple(notes)))
        if rng.random() < 0.3:
            out.append(
                Line(
                    LineItem(
                        "Extended warranty, 2 years",
                        "WTY-2Y",
                        Decimal(1),
                        "ea",
                        Decimal(rng.choice((149, 199, 249, 299))),
                        0,
                    ),
                    "WTY-2Y",
                )
            )
        freight = round_cent(Decimal(str(rng.uniform(85, 320))))
        out.append(
            Line(
                LineItem(f"Shipping & handling – {self.carrier}", "SHIP", Decimal(1), "", freight, 0),
                "SHIPPING",
                (),
                self.layout == "boxed",
            )
        )
        return out

    # -- shared blocks

    def bill_to(self) -> list[str]:
        r = self.data.customer
        contact = f"Attn: {r.contact}" if r.contact else ""
        vat_label = self.rng.choice(("VAT ID", "VAT", "EU VAT ID", "USt-IdNr."))
        return [r.name, contact, r.street, r.city_line, "Germany", f"{vat_label}: {self.customer_vat}"]

    def ship_to(self) -> list[str]:
        r = self.data.customer
        person = self.rng.choice(_PEOPLE)
        return [r.name, f"c/o {person}", r.street, r.city_line, "Germany"]

    def vendor_lines(self) -> list[str]:
        v = self.vendor
        return [
            v.street,
            v.city_line,
            "United States",
            f"Phone {v.phone}",
            self.data.email,
            f"www.{v.domain}",
        ]

    def block(self, x: float, y: float, title: str, lines: Sequence[str], size: float, width: float) -> float:
        """A titled address block no wider than `width` (long names wrapped); returns the next baseline."""
        c = self.c
        c.fit_text(x, y, title, 8, width, bold=True, colour=GREY)
        y += 13
        for line in lines:
            for part in c.wrap(line, width, size):
                c.fit_text(x, y, part, size, width)
                y += size * 1.3
        return y

    def fields(self) -> list[tuple[str, str]]:
        """The strip of order fields: PO, terms, due date, shipping."""
        d = self.data
        rows = []
        if d.order_no:
            rows.append(("P.O. No.", d.order_no))
        rows.append(("Terms", self.terms))
        rows.append(("Due Date", self.date(d.due_date)))
        if self.hardware:
            rows.append(("Ship Date", us_short(self.ship_day)))
            rows.append(("Ship Via", self.carrier.split()[0]))
        if d.customer_no:
            rows.append(("Customer ID", d.customer_no))
        return rows

    def strip(self, y: float, rows: Sequence[tuple[str, str]], upper: bool = False) -> float:
        """A grid of label cells over value cells across the page."""
        c, L, R = self.c, self.LEFT, self.RIGHT
        width = (R - L) / len(rows)
        c.box(L, y, R, y + 15, fill=LIGHT if not upper else self.brand, stroke=None)
        c.box(L, y, R, y + 32, stroke=GREY, width=0.5)
        for i, (label, value) in enumerate(rows):
            x = L + i * width
            if i:
                c.line(x, y, x, y + 32, width=0.5, colour=GREY)
            head = label.upper() if upper else label
            c.fit_text(
                x + width / 2,
                y + 11,
                head,
                7.5,
                width - 6,
                bold=True,
                align="center",
                colour=WHITE if upper else (0, 0, 0),
            )
            c.fit_text(x + width / 2, y + 27, value, 8.5, width - 6, align="center")
        return y + 32

    # -- header and parties per layout

    def head_ledger(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        v = self.vendor
        c.fit_text(L, 52, v.name, 14, 300, bold=True)
        for i, line in enumerate(self.vendor_lines()):
            c.text(L, 66 + 10.5 * i, line, 8.5)
        c.text(
            R,
            56,
            "INVOICE" if rng.random() < 0.7 else "Invoice",
            24,
            bold=True,
            align="right",
            colour=self.brand,
        )
        x0, mid = R - 190, R - 95
        c.box(x0, 72, R, 104, stroke=GREY, width=0.5)
        c.box(x0, 72, R, 86, fill=LIGHT, stroke=None)
        c.line(mid, 72, mid, 104, width=0.5, colour=GREY)
        c.text((x0 + mid) / 2, 82, "Date", 8, bold=True, align="center")
        c.text((mid + R) / 2, 82, rng.choice(("Invoice #", "Invoice No.")), 8, bold=True, align="center")
        c.text((x0 + mid) / 2, 99, self.date(d.date), 9, align="center")
        c.text((mid + R) / 2, 99, d.number, 9, align="center")
        y = 150
        boxes = [("Bill To", self.bill_to())] + ([("Ship To", self.ship_to())] if self.hardware else [])
        bottom = y
        for k, (title, lines) in enumerate(boxes):
            x = L + k * 260
            c.box(x, y, x + 235, y + 14, fill=LIGHT, stroke=None)
            bottom = max(bottom, self.block(x + 5, y + 10, title, lines, 9, 225))
        for k in range(len(boxes)):
            c.box(L + k * 260, y, L + k * 260 + 235, bottom, stroke=GREY, width=0.5)
        return self.strip(bottom + 16, self.fields()) + 16

    def head_online(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        v = self.vendor
        c.text(L, 58, "Invoice", 22, bold=True)
        if rng.random() < 0.5:
            logo(c, rng.choice(("circle", "square")), R - 30, 36, 30, self.brand, initials(v.name))
        else:
            c.fit_text(
                R, 56, v.product or v.name.split()[0], 16, 200, bold=True, align="right", colour=self.brand
            )
        rows = [
            ("Invoice number", d.number),
            ("Date of issue", self.date(d.date)),
            ("Date due", self.date(d.due_date)),
        ]
        if d.order_no:
            rows.append(("PO number", d.order_no))
        if d.customer_no:
            rows.append(("Customer ID", d.customer_no))
        y = label_rows(c, rows, L, L + 100, 86, 9, 13)
        y0 = y + 14
        cols = [(v.name, self.vendor_lines()), ("Bill to", self.bill_to())]
        if self.hardware:
            cols.append(("Ship to", self.ship_to()))
        bottom = y0
        for k, (title, lines) in enumerate(cols):
            x = L + k * ((R - L) / len(cols))
            bottom = max(bottom, self.block(x, y0, title, lines, 8.5, (R - L) / len(cols) - 10))
        y = bottom + 18
        gross = self.gross
        due = self.balance
        if self.payment == "card":
            big = f"${self.p.number(gross)} USD paid on {self.date(d.date)}"
        else:
            big = f"${self.p.number(due)} USD due {self.date(d.due_date)}"
        c.fit_text(L, y, big, 16, R - L, bold=True)
        y += 16
        if rng.random() < 0.6 and self.payment != "card":
            c.text(L, y, f"Pay online: https://pay.{v.domain}/i/{d.number.lower()}", 8.5, colour=self.brand)
            y += 13
        if self.terms != "Due on receipt" and rng.random() < 0.5:
            c.text(L, y, f"Payment terms: {self.terms}", 8.5, colour=GREY)
            y += 13
        return y + 10

    def head_boxed(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        v = self.vendor
        c.box(0, 24, c.width, 90, fill=self.brand, stroke=None)
        c.fit_text(L, 52, v.name, 17, 320, bold=True, colour=WHITE)
        c.fit_text(L, 67, f"{v.street} · {v.city_line}", 8, 320, colour=WHITE)
        c.fit_text(L, 79, f"Phone {v.phone} · {d.email}", 8, 320, colour=WHITE)
        c.text(R, 66, "INVOICE", 26, bold=True, align="right", colour=WHITE)
        rows = [("INVOICE #", d.number), ("DATE", self.date(d.date))]
        if d.customer_no:
            rows.append(("CUSTOMER ID", d.customer_no))
        rows.append(("DUE DATE", self.date(d.due_date)))
        y = 112
        for label, value in rows:
            c.box(R - 190, y - 10, R, y + 4, stroke=RULE, width=0.4)
            c.text(R - 185, y, label, 8, bold=True, colour=GREY)
            c.text(R - 5, y, value, 9, align="right")
            y += 14
        bottom = self.block(L, 112, "BILL TO", self.bill_to(), 9, 140 if self.hardware else 270)
        if self.hardware:
            bottom = max(bottom, self.block(L + 150, 112, "SHIP TO", self.ship_to(), 9, 140))
        y = max(y, bottom) + 12
        strip = [
            ("Salesperson", rng.choice(("Online", "M. Rivera", "K. Chen", "J. Whitaker", "House account")))
        ]
        if d.order_no:
            strip.append(("P.O. #", d.order_no))
        if self.hardware:
            strip += [
                ("Ship Date", us_short(self.ship_day)),
                ("Ship Via", self.carrier.split()[0]),
                ("F.O.B. Point", rng.choice(("Origin", "Shipping Point", "Destination"))),
            ]
        strip.append(("Terms", self.terms))
        return self.strip(y, strip, upper=True) + 14

    # -- the table

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        amount = "Amount (USD)" if self.p.currency == "none" else rng.choice(("Amount", "Total"))
        if self.layout == "ledger":
            return [
                ("sku", "Item", 78, "left"),
                ("desc", "Description", 0, "left"),
                ("qty", "Qty", 36, "right"),
                ("price", rng.choice(("Rate", "Unit Price")), 70, "right"),
                ("total", amount, 80, "right"),
            ]
        if self.layout == "online":
            return [
                ("desc", "Description", 0, "left"),
                ("qty", "Qty", 40, "right"),
                ("price", "Unit price", 80, "right"),
                ("total", amount, 86, "right"),
            ]
        line_total = "AMOUNT (USD)" if self.p.currency == "none" else "LINE TOTAL"
        return [
            ("qty", "QTY", 36, "right"),
            ("sku", "ITEM #", 76, "left"),
            ("desc", "DESCRIPTION", 0, "left"),
            ("price", "UNIT PRICE", 74, "right"),
            ("total", line_total, 82, "right"),
        ]

    def table(self, y: float, lines: list[Line]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        cols = columns(self.spec(), L, R)
        desc = next(col for col in cols if col.key == "desc")
        top = y
        boxed = self.layout == "boxed"
        if self.layout == "online":
            c.line(L, y + 15, R, y + 15, width=0.8)
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8, colour=GREY)
        else:
            c.box(L, y, R, y + 16, fill=self.brand if boxed else LIGHT, stroke=None)
            cells(
                c,
                cols,
                y + 11,
                {col.key: col.head for col in cols},
                8,
                bold=True,
                colour=WHITE if boxed else (0, 0, 0),
            )
        y += 16
        shown = [line for line in lines if not line.in_totals]
        for k, line in enumerate(shown):
            item = line.item
            texts = c.wrap(item.description, desc.width, 8.8)
            notes = [sub for note in line.notes for sub in c.wrap(note, desc.width, 7.4)]
            height = 12 * len(texts) + 9.5 * len(notes) + 7
            if boxed and k % 2:
                c.box(L, y + 2, R, y + 2 + height, fill=PALE, stroke=None)
            y += 13
            cells(
                c,
                cols,
                y,
                {
                    "sku": line.sku,
                    "qty": str(int(item.quantity)),
                    "price": self.cell_money(item.unit_price),
                    "total": self.cell_money(item.total),
                },
                8.8,
            )
            for j, text in enumerate(texts):
                c.text(desc.anchor, y + 12 * j, text, 8.8)
            y += 12 * (len(texts) - 1)
            for note in notes:
                y += 9.5
                c.text(desc.anchor, y, note, 7.4, colour=GREY)
            y += 6
            if self.layout != "boxed":
                c.line(L, y, R, y, width=0.3, colour=RULE)
        if self.layout == "ledger":
            grid_lines(c, cols, top, y, 0.4)
            c.line(L, y, R, y, width=0.4)
        return y

    # -- totals

    @property
    def gross(self) -> Decimal:
        return sum((line.item.total for line in self.drawn), Decimal(0))

    @property
    def paid(self) -> Decimal:
        if self.payment == "card":
            return self.gross
        if self.deposit:
            share = Decimal(self.rng_deposit) / 100
            return round_cent(self.gross * share)
        return Decimal(0)

    @property
    def balance(self) -> Decimal:
        return self.gross - self.paid

    def total_rows(self) -> list[tuple[str, str, bool]]:
        rng, layout = self.rng, self.layout
        gross = self.gross
        shown = sum((line.item.total for line in self.drawn if not line.in_totals), Decimal(0))
        rows: list[tuple[str, str, bool]] = []
        words = {
            "ledger": ("Subtotal", "Total", "Payments/Credits", "Balance Due"),
            "online": ("Subtotal", "Total", "Amount paid", "Amount due"),
            "boxed": ("SUBTOTAL", "TOTAL", "LESS PAYMENTS/CREDITS", "BALANCE DUE"),
        }[layout]
        rows.append((words[0], self.money(shown), False))
        for line in self.drawn:
            if line.in_totals:
                label = line.item.description if layout == "online" else "SHIPPING & HANDLING"
                rows.append((label, self.money(line.item.total), False))
        if layout == "online" and any(line.in_totals for line in self.drawn):
            rows.append(("Total excluding tax", self.money(gross), False))
        if self.tax_label:
            label = self.tax_label.upper() if layout == "boxed" else self.tax_label
            rows.append((label, self.money(Decimal(0)) if rng.random() < 0.7 else "0.00", False))
        total = words[1] + (" (USD)" if self.p.currency == "none" and rng.random() < 0.6 else "")
        rows.append((total, self.money(gross), True))
        if self.paid:
            what = words[2]
            if self.payment == "card" and layout != "boxed":
                what = f"Paid by {self.card}"
            rows.append((what, self.money(-self.paid), False))
        if self.paid or layout != "boxed" and rng.random() < 0.6:
            rows.append((words[3], self.money(self.balance), True))
        return rows

    def totals(self, y: float) -> float:
        c, R = self.c, self.RIGHT
        rows = self.total_rows()
        x = R - 250
        y += 6
        for label, value, bold in rows:
            y += 15
            if bold and self.layout != "online":
                c.box(x - 6, y - 11, R + 3, y + 4, fill=LIGHT, stroke=None)
            elif bold:
                c.line(x - 6, y - 11, R, y - 11, width=0.3, colour=RULE)
            c.fit_text(x, y, label, 9.2, 165, bold=bold)
            c.text(R, y, value, 9.2, bold=bold, align="right")
        return y + 8

    # -- payment, notes, footer

    @property
    def card(self) -> str:
        return f"{self.card_brand} ending in {self.card_last}"

    def remittance(self) -> list[tuple[str, bool]]:
        d, rng = self.data, self.rng
        bank, address, routing, swift = self.bank
        account = _digits(rng, rng.choice((9, 10, 12)))
        out: list[tuple[str, bool]] = []
        if self.payment == "card":
            out.append((f"Paid in full by {self.card} on {self.date(d.date)}. No payment is due.", True))
            return out
        if self.payment == "wire":
            out.append(
                (
                    rng.choice(
                        ("Wire transfer instructions", "Remit payment by wire to:", "Payment details (wire)")
                    ),
                    True,
                )
            )
            out.append((f"Beneficiary: {d.supplier.name} · Bank: {bank}, {address}", False))
            swift_label = rng.choice(("SWIFT", "SWIFT/BIC", "SWIFT code", "SWIFT (international wires)"))
            out.append(
                (f"Account number: {account} · ABA routing number: {routing} · {swift_label}: {swift}", False)
            )
        else:
            out.append((rng.choice(("Pay by ACH", "ACH payment details", "Remit by ACH transfer to:")), True))
            out.append((f"Bank: {bank} · Account name: {d.supplier.name}", False))
            out.append(
                (f"Routing number: {routing} · Account number: {account} · Account type: Checking", False)
            )
        out.append((f"Please reference invoice {d.number} with your payment.", False))
        if rng.random() < 0.4:
            place, zip_code = self.vendor.city_line.rsplit(" ", 1)
            box = f"P.O. Box {rng.randint(1000, 99999)}, {place} {int(zip_code) + rng.randint(1, 40):05d}"
            out.append((f"Checks payable to {d.supplier.name}, {box}", False))
        return out

    def notes(self) -> list[tuple[str, bool]]:
        rng = self.rng
        out: list[tuple[str, bool]] = []
        if self.reverse:
            out.append((rng.choice(_REVERSE), True))
        if self.hardware:
            duties = "Duties and import VAT are payable by the consignee."
            out.append((f"Incoterms 2020: DAP {self.data.customer.city}. {duties}", False))
            if rng.random() < 0.6:
                letters = rng.choice("AEFVW") + rng.choice("AEFVW")
                out.append((f"Tracking #: 1Z{rng.randint(100, 999)}{letters}{_digits(rng, 10)}", False))
        tail = " Prices exclude any applicable taxes." if rng.random() < 0.4 else ""
        out.append((f"All amounts are in US dollars (USD).{tail}", False))
        return out

    def paragraphs(self, y: float, texts: Sequence[tuple[str, bool]], size: float = 8.3) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        for text, bold in texts:
            y = c.paragraph(L, y + 3, text, R - L, size, bold=bold)
        return y

    def footer(self) -> None:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        v = self.vendor
        top = self.FOOT
        c.line(L, top, R, top, width=0.4, colour=GREY)
        ids = [f"{v.name}", f"Federal Tax ID (EIN): {self.ein}" if self.show_ein else ""]
        if self.eu_vat:
            ids.append(f"{self.vat_label}: {self.eu_vat}")
            self.tax["ust_id"] = self.eu_vat
        first = " · ".join(part for part in ids if part)
        c.fit_text(c.width / 2, top + 12, first, 7.2, R - L, align="center", min_size=5.5)
        second = f"{v.street}, {v.city_line} · {v.phone} · www.{v.domain}"
        if self.layout == "online":
            state = f"due {self.date(d.due_date)}" if self.balance else "paid"
            second = f"{d.number} · {self.money(self.balance)} {state}"
        c.fit_text(c.width / 2, top + 22, second, 7.2, R - L, align="center", colour=GREY, min_size=5.5)
        if self.layout != "online":
            c.text(c.width / 2, top + 34, self.thanks, 7.5, align="center", bold=True)

    def draw(self) -> KarteDrawing:
        rng = self.rng
        self.drawn = self.lines()
        self.rng_deposit = rng.choice((25, 30, 50))
        self.card_brand = rng.choice(("Visa", "Mastercard", "American Express"))
        self.card_last = f"{rng.randint(0, 9999):04d}"
        self.show_ein = rng.random() < 0.5
        self.vat_label = rng.choice(("VAT Reg. No.", "EU VAT ID", "VAT No.", "IE VAT number"))
        self.thanks = rng.choice(
            (
                "Thank you for your business!",
                "Thank you for choosing us.",
                "Questions about this invoice? Contact " + self.data.email,
            )
        )
        head = {"ledger": self.head_ledger, "online": self.head_online, "boxed": self.head_boxed}[self.layout]
        y = self.table(head(), self.drawn)
        y = self.totals(y)
        y = self.paragraphs(y + 10, self.notes())
        y = self.paragraphs(y + 8, self.remittance(), 8.3)
        assert y < self.limit + 6, "us_software_usd: page overflow"
        pages = self.close_pages(self.layout == "online")
        items = [line.item for line in self.drawn]
        drawing = self.finish(
            items,
            "Invoice",
            pages=pages,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
            currency="USD",
            bank=False,
            vat_printed=bool(self.tax_label),
        )
        return with_swift(drawing, self.bank[3] if self.payment == "wire" else "")


# ---------------------------------------------------------------------------
# tankkarte_sammel

_ISSUERS = (
    ("FlottenCard Deutschland GmbH", "7002", "flottencard.de"),
    ("TankPlus Karten-Service GmbH", "7083", "tankplus-karten.de"),
    ("EuroDiesel Flottenservice GmbH & Co. KG", "7077", "eurodiesel-flotte.de"),
    ("MobilTank Kartensysteme GmbH", "7010", "mobiltank.de"),
    ("Route 24 Fleet Services GmbH", "7024", "route24-fleet.de"),
)
_PLATES = {
    "Berlin": "B",
    "München": "M",
    "Köln": "K",
    "Hamburg": "HH",
    "Leipzig": "L",
    "Stuttgart": "S",
    "Nürnberg": "N",
    "Düsseldorf": "D",
    "Frankfurt am Main": "F",
    "Hannover": "H",
    "Erfurt": "EF",
    "Kiel": "KI",
    "Bremen": "HB",
    "Mainz": "MZ",
    "Saarbrücken": "SB",
}
_STATION_BRANDS = ("Aral", "Shell", "Esso", "TotalEnergies", "JET", "Star", "AVIA", "HEM", "Agip", "bft")
_STATION_STREETS = (
    "Hauptstraße",
    "Bahnhofstraße",
    "Industriestraße",
    "Berliner Allee",
    "Ringstraße",
    "Hamburger Straße",
    "Am Stadtrand",
    "Münchner Straße",
    "Gewerbepark",
    "Kölner Landstraße",
)
_AUTOBAHN = (
    "Raststätte Garbsen Nord, A2",
    "Autohof Hamm-Uentrop, A2",
    "Rasthof Irschenberg Süd, A8",
    "Tank & Rast Brohltal Ost, A61",
    "Autohof Kassel-Lohfelden, A7",
    "Rastanlage Hünxe Ost, A3",
    "Raststätte Holmmoor West, A7",
    "Autohof Wörnitz, A7",
    "Rasthof Frankenwald Ost, A9",
)
_DRIVERS = ("M. Schulz", "T. Wagner", "S. Yilmaz", "J. Becker", "A. Krämer", "L. Hartmann", "K. Nowak")
# Pump prices per litre with VAT (Diesel, petrol) by year: (least, most).
_PUMP = {
    2016: ((1.05, 1.20), (1.25, 1.40)),
    2017: ((1.10, 1.25), (1.30, 1.42)),
    2018: ((1.20, 1.35), (1.38, 1.52)),
    2019: ((1.20, 1.32), (1.38, 1.50)),
    2020: ((1.05, 1.25), (1.20, 1.40)),
    2021: ((1.30, 1.55), (1.45, 1.65)),
    2022: ((1.80, 2.15), (1.75, 2.05)),
    2023: ((1.65, 1.85), (1.75, 1.90)),
    2024: ((1.60, 1.75), (1.70, 1.85)),
    2025: ((1.55, 1.70), (1.65, 1.80)),
    2026: ((1.55, 1.70), (1.65, 1.80)),
}
_PETROL = ("Super E10", "Super E10", "Super E5", "Super Plus")
_WASHES = (("Wäsche Premium", 12.9, 17.9), ("Autowäsche", 7.9, 10.9), ("Wäsche Komplett", 14.9, 19.9))


@dataclass(frozen=True)
class Card:
    """One fuel card: its masked number, the car's plate, driver and fuel."""

    masked: str
    plate: str
    driver: str
    fuel: str


@dataclass(frozen=True)
class Fueling:
    """One transaction: when and where, the card, product, quantity, unit price (with VAT) and odometer."""

    card: Card
    when: dt.datetime
    station: str
    product: str
    quantity: Decimal
    unit: str  # "l" or "Stk"
    price: Decimal
    km: int

    @property
    def gross(self) -> Decimal:
        return round_cent(self.quantity * self.price)


@dataclass(frozen=True)
class Fee:
    """A fee or credit line after the transactions, with VAT."""

    text: str
    gross: Decimal


def pump_price(rng: random.Random, lo: float, hi: float) -> Decimal:
    """A pump price ending in 9 tenths of a cent: 1,749."""
    cents = rng.randint(int(lo * 100), int(hi * 100) - 1)
    return Decimal(cents) / 100 + Decimal("0.009")


def clear_of_vat_cut(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The billing month a year earlier when it falls in the second half of 2020 (16 % VAT then)."""
    if dt.date(2020, 7, 1) <= end and start <= dt.date(2020, 12, 31):
        return start.replace(year=2019), end.replace(year=2019)
    return start, end


def litres(value: Decimal) -> str:
    return f"{value:,.2f}".translate(str.maketrans(",.", ".,"))


def unit_price(value: Decimal, unit: str) -> str:
    return (f"{value:.3f}" if unit == "l" else f"{value:.2f}").replace(".", ",")


class TankkarteSammel(FirstSheet):
    """A German fuel-card company's monthly collective invoice: fuelings per card, fees, VAT, direct debit."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    IDS = "either"
    FOOT = A4.height - 74

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name, self.prefix, domain = rng.choice(_ISSUERS)
        start, end = clear_of_vat_cut(*month_before(data.date))
        day = end + dt.timedelta(days=rng.randint(1, 6))
        self.start, self.end = start, end
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                str(rng.randint(10**8, 10**9 - 1)),
                f"SR-{day.year}{day.month:02d}-{n:05d}",
                f"{day.year % 100}{day.month:02d}{n:06d}",
                f"TK{rng.randint(10**6, 10**7 - 1)}",
            )
        )
        customer = dataclasses.replace(data.customer, name=rng.choice(_AGENCIES))
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.randint(8, 15)),
            customer=customer,
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=str(rng.randint(10**5, 10**8 - 1)) if rng.random() < 0.85 else "",
            order_no="",
            email=f"{rng.choice(('service', 'kundenservice', 'rechnung'))}@{domain}",
            register=f"HRB {rng.randint(1000, 99999)}"
            if "KG" not in name
            else f"HRA {rng.randint(1000, 9999)}",
        )
        super().__init__(rng, data)
        self.p = Printer("de", rng.choice(("sign_after", "sign_after", "code_after", "none")), "dotted")
        self.domain = domain
        self.brand = rng.choice(MORE_BRANDS)
        self.grouped_by_card = rng.random() < 0.6
        self.short_dates = rng.random() < 0.4
        self.with_time = rng.random() < 0.8
        self.with_km = self.grouped_by_card and rng.random() < 0.45
        self.net_column = self.grouped_by_card and rng.random() < 0.45
        self.product_summary = rng.random() < 0.45
        self.carry_over = rng.random() < 0.6
        self.own_bank = rng.random() < 0.5
        self.with_bic = rng.random() < 0.8
        self.head = rng.choice(("left", "right", "band"))
        self.contract = f"{rng.choice(('RV', 'V', 'FK'))}-{rng.randint(10000, 999999)}"
        self.debit_day = day + dt.timedelta(days=rng.randint(8, 15))
        self.cards = self.draw_cards()

    # -- what was bought

    def draw_cards(self) -> list[Card]:
        rng = self.rng
        code = _PLATES.get(self.data.customer.city, rng.choice(tuple(_PLATES.values())))
        letters = "ABCDEFGHKLMNPRSTUVWXZ"
        cards = []
        style = rng.choice(("short", "long", "compact"))
        lasts = rng.sample(range(1000, 9999), 4)
        for k in range(rng.choice((1, 2, 2, 3, 3, 4))):
            last = lasts[k]
            masked = {
                "short": f"{self.prefix} **** {last}",
                "long": f"{self.prefix} **** **** {last}",
                "compact": f"{self.prefix}{rng.randint(10, 99)}******{last}",
            }[style]
            plate = f"{code}-{rng.choice(letters)}{rng.choice(letters)} {rng.randint(1, 9999)}"
            fuel = "Diesel" if rng.random() < 0.6 else rng.choice(_PETROL)
            cards.append(Card(masked, plate, rng.choice(_DRIVERS), fuel))
        return cards

    def station(self, town: str) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            return rng.choice(_AUTOBAHN)
        brand = rng.choice(_STATION_BRANDS)
        street = f"{rng.choice(_STATION_STREETS)} {rng.randint(1, 180)}"
        return rng.choice(
            (f"{brand} {town}, {street}", f"{brand} {town}, Station-Nr. {rng.randint(1000, 9999)}")
        )

    def fuelings(self) -> list[Fueling]:
        rng = self.rng
        diesel, petrol = _PUMP.get(self.start.year, _PUMP[2024])
        days = (self.end - self.start).days
        towns = (
            self.data.customer.city,
            self.data.customer.city,
            self.data.supplier.city,
            "Hannover",
            "Kassel",
        )
        out = []
        for card in self.cards:
            km = rng.randint(8000, 160000)
            times = sorted(
                dt.datetime.combine(
                    self.start + dt.timedelta(days=rng.randint(0, days)),
                    dt.time(rng.randint(6, 21), rng.randint(0, 59)),
                )
                for _ in range(rng.randint(2, 11))
            )
            for when in times:
                km += rng.randint(180, 900)
                where = self.station(rng.choice(towns))
                lo, hi = diesel if card.fuel == "Diesel" else petrol
                if card.fuel == "Super Plus":
                    lo, hi = lo + 0.08, hi + 0.08
                amount = Decimal(rng.randint(1800, 7200)) / 100
                out.append(Fueling(card, when, where, card.fuel, amount, "l", pump_price(rng, lo, hi), km))
                extra = rng.random()
                if card.fuel == "Diesel" and extra < 0.2:
                    blue = Decimal(rng.randint(400, 1500)) / 100
                    out.append(
                        Fueling(
                            card,
                            when + dt.timedelta(minutes=rng.randint(1, 4)),
                            where,
                            "AdBlue",
                            blue,
                            "l",
                            pump_price(rng, 0.79, 1.39),
                            km,
                        )
                    )
                elif extra > 0.88:
                    text, lo, hi = rng.choice(_WASHES)
                    price = Decimal(str(rng.choice((lo, hi, round((lo + hi) / 2, 1)))))
                    out.append(
                        Fueling(
                            card,
                            when + dt.timedelta(minutes=rng.randint(2, 12)),
                            where,
                            text,
                            Decimal(1),
                            "Stk",
                            price,
                            km,
                        )
                    )
        return (
            sorted(out, key=lambda f: (f.when, f.card.masked))
            if not self.grouped_by_card
            else sorted(out, key=lambda f: (self.cards.index(f.card), f.when))
        )

    def fees(self, fuelings: Sequence[Fueling]) -> list[Fee]:
        rng, p = self.rng, self.p
        n = len(self.cards)
        fee = Decimal(rng.choice(("1.50", "2.00", "2.50", "2.95", "3.50", "4.90")))
        month = f"{self.start.month:02d}/{self.start.year}"
        text = (
            f"Kartengebühr {month} ({n} Karte{'n' if n > 1 else ''} à {p.number(fee)} €)"
            if n > 1
            else f"Kartengebühr {month}"
        )
        out = [Fee(text, fee * n)]
        if rng.random() < 0.3:
            out.append(Fee("Servicepauschale Online-Portal", Decimal(rng.choice(("4.90", "5.95", "9.90")))))
        if rng.random() < 0.15:
            out.append(Fee(f"Ersatzkarte {self.cards[0].masked}", Decimal("9.90")))
        if rng.random() < 0.3:
            cents = rng.choice((1, 1.5, 2, 3))
            fuel = [f for f in fuelings if f.unit == "l" and f.product != "AdBlue"]
            volume = sum((f.quantity for f in fuel), Decimal(0))
            credit = round_cent(volume * Decimal(str(cents)) / 100)
            rate = f"{cents:g}".replace(".", ",")
            out.append(Fee(f"Nachlass Kraftstoff {rate} ct/l auf {litres(volume)} l", -credit))
        return out

    # -- printing

    def day_text(self, day: dt.date) -> str:
        return f"{day:%d.%m.%y}" if self.short_dates else self.p.date(day)

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"Sammelrechnung {d.number} vom {self.p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return 84.0

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        tagline = self.rng.choice(
            (
                "Tankkarten · Flottenservice · Mobilität",
                "Die Tankkarte für Ihren Fuhrpark",
                "Flottenlösungen für Unternehmen",
            )
        )
        contact = [s.street, s.city_line, f"Kundenservice {d.phone}", d.email, f"www.{self.domain}"]
        if self.head == "band":
            c.box(0, 20, c.width, 78, fill=self.brand, stroke=None)
            c.fit_text(L, 48, s.name, 16, 300, bold=True, colour=WHITE)
            c.text(L, 62, tagline, 8, colour=WHITE)
            for i, line in enumerate(contact):
                c.text(R, 32 + 9.5 * i, line, 7.3, align="right", colour=WHITE)
        elif self.head == "left":
            logo(c, self.rng.choice(("circle", "diamond", "square")), L, 26, 38, self.brand, initials(s.name))
            c.fit_text(L + 48, 46, s.name, 14, 280, bold=True, colour=self.brand)
            c.text(L + 48, 58, tagline, 7.5, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 34 + 9.5 * i, line, 7.3, align="right", colour=GREY)
        else:
            c.fit_text(R, 46, s.name, 15, 320, bold=True, align="right", colour=self.brand)
            c.text(R, 58, tagline, 7.5, align="right", colour=GREY)
            c.fit_text(R, 70, " · ".join(contact[:3]), 7.3, 360, align="right", colour=GREY)

    def period(self) -> str:
        a, b = self.start, self.end
        return self.rng.choice(
            (
                f"{self.p.date(a)} – {self.p.date(b)}",
                f"{a:%d.%m.}–{self.p.date(b)}",
                f"{self.p.date(a)} bis {self.p.date(b)}",
            )
        )

    def info(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        y = self.window(
            L,
            128,
            [r.name, r.contact and f"z. Hd. {rng.choice(_PEOPLE)}", r.street, r.city_line],
            10,
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungs-Nr.", "Belegnummer")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), self.p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kundennummer", "Kunden-Nr.", "Kd.-Nr.")), d.customer_no))
        rows.append((rng.choice(("Vertragsnummer", "Rahmenvertrag", "Vertrag")), self.contract))
        label = rng.choice(("Abrechnungszeitraum", "Leistungszeitraum", "Zeitraum"))
        when = self.period()
        rows.append((label, when))
        size = 8.5
        x_label, x_value = 330, R
        if self.head == "band" or rng.random() < 0.4:
            c.box(x_label - 8, 114, R + 4, 118 + 13 * len(rows), fill=PALE, stroke=None)
        top = label_rows(c, rows, x_label, x_value, 128, size, 13, value_align="right", label_colour=GREY)
        y = max(y, top) + 14
        title = rng.choice(
            (
                "Sammelrechnung Tankkarten",
                "Rechnung – Tankkartenabrechnung",
                f"Sammelrechnung Nr. {d.number}",
                "Monatsrechnung Flottenkarten",
            )
        )
        c.text(L, y, title, 14, bold=True)
        y += 15
        c.fit_text(
            L,
            y,
            f"{label} {when} · {len(self.cards)} Karte{'n' if len(self.cards) > 1 else ''}",
            9,
            R - L,
            colour=GREY,
        )
        return y + 8

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [
            ("date", "Datum", 42 if self.short_dates else 50, "left")
        ]
        if self.with_time:
            spec.append(("time", "Zeit" if self.grouped_by_card else "Uhrzeit", 30, "left"))
        if not self.grouped_by_card:
            spec.append(("card", "Karte", 70, "left"))
            spec.append(("plate", "Kennz.", 52, "left"))
        spec.append(("station", rng.choice(("Station", "Tankstelle", "Akzeptanzstelle")), 0, "left"))
        if self.with_km:
            spec.append(("km", "km-Stand", 44, "right"))
        spec.append(("product", rng.choice(("Produkt", "Warenart", "Artikel")), 58, "left"))
        spec.append(("qty", "Menge", 38, "right"))
        spec.append(("price", rng.choice(("Preis/l", "Einzelpr.", "EP brutto")), 40, "right"))
        if self.net_column:
            spec.append(("net", "Netto", 46, "right"))
        spec.append(
            (
                "total",
                "Brutto" if self.net_column else rng.choice(("Betrag", "Betrag brutto", "Brutto")),
                50,
                "right",
            )
        )
        return spec

    def heading(self, y: float, cols: Sequence[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 15, fill=LIGHT, stroke=None)
        c.line(L, y + 15, R, y + 15, width=0.6, colour=self.brand)
        cells(c, cols, y + 10.5, {col.key: col.head for col in cols}, 7, bold=True)
        return y + 15

    def room(self, y: float, needed: float, cols: Sequence[Col], running: Decimal) -> float:
        """A page break before a row that does not fit, with the carried sum on some seeds."""
        if y + needed <= self.limit - 4:
            return y
        if self.carry_over:
            self.carried(y, running, "Übertrag")
        y = self.heading(self.next_page(), cols)
        if self.carry_over:
            y = self.carried(y, running, "Übertrag von Seite " + str(self.pages - 1))
        return y

    def carried(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.text(R - 180, y + 12, label, 8, bold=True)
        c.text(R, y + 12, self.p.amount(running), 8, bold=True, align="right")
        return y + 18

    def station_lines(self, cols: Sequence[Col], f: Fueling) -> list[str]:
        """The station's name, on two lines when its column is narrow (the street under the town)."""
        col = next(col for col in cols if col.key == "station")
        if self.c.text_width(f.station, 7.3) <= col.width:
            return [f.station]
        return [part.strip() for part in f.station.split(",", 1)] if "," in f.station else [f.station]

    def row(self, y: float, cols: Sequence[Col], f: Fueling, net: Decimal) -> None:
        values = {
            "date": self.day_text(f.when.date()),
            "time": f"{f.when:%H:%M}",
            "card": f.card.masked,
            "plate": f.card.plate,
            "km": f"{f.km:,}".replace(",", "."),
            "product": f.product,
            "qty": litres(f.quantity) if f.unit == "l" else "1 Stk",
            "price": unit_price(f.price, f.unit),
            "net": self.p.number(net),
            "total": self.p.number(f.gross),
        }
        cells(self.c, cols, y, values, 7.3)
        col = next(col for col in cols if col.key == "station")
        for j, line in enumerate(self.station_lines(cols, f)):
            self.c.fit_text(
                col.anchor,
                y + 8.5 * j,
                line,
                7.3 if not j else 6.6,
                col.width,
                colour=(0, 0, 0) if not j else GREY,
            )

    def card_sum(self, y: float, card: Card, rows: Sequence[Fueling]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        volume = sum((f.quantity for f in rows if f.unit == "l"), Decimal(0))
        gross = sum((f.gross for f in rows), Decimal(0))
        y += 12
        c.line(R - 230, y - 9, R, y - 9, width=0.3, colour=RULE)
        c.text(
            L + 4,
            y,
            f"Summe Karte {card.masked} ({card.plate}): {len(rows)} Transaktionen, {litres(volume)} l",
            7.5,
            bold=True,
        )
        c.text(R - 3, y, self.p.amount(gross), 7.5, bold=True, align="right")
        return y + 6

    def table(self, y: float, fuelings: Sequence[Fueling], nets: Sequence[Decimal]) -> tuple[float, Decimal]:
        cols = columns(self.spec(), self.LEFT, self.RIGHT)
        y = self.heading(y + 4, cols)
        running = Decimal(0)
        for k, f in enumerate(fuelings):
            first = k == 0 or fuelings[k - 1].card != f.card
            if self.grouped_by_card and first:
                y = self.room(y, 40, cols, running)
                y += 14
                tail = f" · Fahrer: {f.card.driver}" if self.rng.random() < 0.5 else ""
                self.c.text(
                    self.LEFT + 3,
                    y,
                    f"Karte {f.card.masked} · Kennzeichen {f.card.plate}{tail}",
                    8,
                    bold=True,
                    colour=self.brand,
                )
                y += 2
            extra = 8.5 * (len(self.station_lines(cols, f)) - 1)
            y = self.room(y, 12 + extra, cols, running)
            y += 11
            self.row(y, cols, f, nets[k])
            y += extra
            running += f.gross
            last = k == len(fuelings) - 1 or fuelings[k + 1].card != f.card
            if self.grouped_by_card and last:
                y = self.card_sum(y, f.card, [g for g in fuelings if g.card == f.card])
        self.c.line(self.LEFT, y + 4, self.RIGHT, y + 4, width=0.5)
        return y + 4, running

    def overview(self, y: float, fuelings: Sequence[Fueling]) -> float:
        """Per card (flat lists) or per product: transactions, litres, amounts."""
        rows: list[tuple[str, str, str, Decimal]] = []
        if not self.grouped_by_card:
            for card in self.cards:
                mine = [f for f in fuelings if f.card == card]
                volume = sum((f.quantity for f in mine if f.unit == "l"), Decimal(0))
                gross = sum((f.gross for f in mine), Decimal(0))
                rows.append((f"{card.masked} · {card.plate}", str(len(mine)), litres(volume) + " l", gross))
        if self.product_summary:
            for product in dict.fromkeys(f.product for f in fuelings):
                mine = [f for f in fuelings if f.product == product]
                volume = sum((f.quantity for f in mine), Decimal(0))
                gross = sum((f.gross for f in mine), Decimal(0))
                qty = litres(volume) + " l" if mine[0].unit == "l" else f"{len(mine)} Stk"
                rows.append((product, str(len(mine)), qty, gross))
        if not rows:
            return y
        needed = 30 + 12 * len(rows)
        if y + needed > self.limit - 4:
            y = self.next_page()
        c, L = self.c, self.LEFT
        y += 18
        what = "Produkt" if self.grouped_by_card else "Karte / Produkt" if self.product_summary else "Karte"
        title = {"Karte": "Übersicht je Karte", "Produkt": "Übersicht je Produkt"}.get(
            what, "Übersicht je Karte und Produkt"
        )
        c.text(L, y, title, 9, bold=True)
        cols = columns(
            [
                ("what", what, 0, "left"),
                ("n", "Anzahl", 50, "right"),
                ("qty", "Menge", 80, "right"),
                ("gross", "Betrag brutto", 90, "right"),
            ],
            L,
            L + 380,
        )
        y += 4
        y = self.heading(y, cols)
        for name, n, qty, gross in rows:
            y += 11
            cells(c, cols, y, {"what": name, "n": n, "qty": qty, "gross": self.p.number(gross)}, 7.5)
        return y + 4

    def fee_rows(self, y: float, fees: Sequence[Fee]) -> float:
        needed = 34 + 12 * len(fees)
        if y + needed > self.limit - 4:
            y = self.next_page()
        c, L, R = self.c, self.LEFT, self.RIGHT
        y += 18
        c.text(
            L,
            y,
            self.rng.choice(("Gebühren und Gutschriften", "Sonstige Leistungen", "Gebühren")),
            9,
            bold=True,
        )
        for fee in fees:
            y += 12
            c.text(L + 4, y, fee.text, 8)
            c.text(R - 3, y, self.p.number(fee.gross), 8, align="right")
        y += 11
        money = " in EUR" if self.p.currency == "none" else ""
        c.text(
            L + 4, y, f"Alle Beträge der Transaktionen und Gebühren{money} inkl. 19 % USt.", 7, colour=GREY
        )
        return y

    def totals(self, y: float, net: Decimal, vat: Decimal, fuel: Decimal, fees: Decimal) -> float:
        rng = self.rng
        gross = net + vat
        rows: list[tuple[str, Decimal, bool]] = []
        if rng.random() < 0.5:
            rows.append(
                (rng.choice(("Summe Transaktionen brutto", "Summe Kraftstoffe und Waren")), fuel, False)
            )
            rows.append((rng.choice(("Summe Gebühren brutto", "Gebühren / Gutschriften")), fees, False))
        rows.append((rng.choice(("Summe netto", "Nettobetrag", "Gesamtbetrag netto")), net, True))
        rows.append(
            (rng.choice(("USt 19 %", "zzgl. 19 % USt", "MwSt. 19 %", "Umsatzsteuer 19 %")), vat, False)
        )
        rows.append((rng.choice(("Summe brutto", "Rechnungsbetrag", "Gesamtbetrag brutto")), gross, True))
        if y + 16 * len(rows) + 20 > self.limit:
            y = self.next_page()
        c, R = self.c, self.RIGHT
        x = R - 250
        y += 10
        for label, value, bold in rows:
            y += 15
            if label in ("Summe brutto", "Rechnungsbetrag", "Gesamtbetrag brutto"):
                c.box(x - 6, y - 11, R + 4, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9, 160, bold=bold)
            c.text(R, y, self.p.amount(value), 9, bold=bold, align="right")
        return y + 8

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        mandate = f"{d.customer_no or rng.randint(10**5, 10**6)}-{rng.randint(1, 9):02d}"
        when, account = p.date(self.debit_day), masked_de(rng)
        debit = rng.choice(
            (
                f"Der Betrag von {p.amount(gross)} wird am {when} von Ihrem Konto {account} eingezogen.",
                f"Der Rechnungsbetrag wird am {when} per SEPA-Lastschrift von Ihrem Konto {account} "
                + "eingezogen. Bitte sorgen Sie für ausreichende Deckung.",
            )
        )
        texts = [
            (debit, True),
            (f"Gläubiger-ID: {creditor_id(rng)} · Mandatsreferenz: {mandate}", False),
            ("Das Leistungsdatum entspricht dem jeweiligen Transaktionsdatum.", False),
        ]
        if rng.random() < 0.5:
            objection = "Einwendungen gegen diese Abrechnung bitten wir innerhalb von 6 Wochen nach Zugang"
            texts.append((f"{objection} schriftlich geltend zu machen.", False))
        if rng.random() < 0.5:
            texts.append(
                (
                    f"Kartensperrung rund um die Uhr: 0800 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                    False,
                )
            )
        c, L, R = self.c, self.LEFT, self.RIGHT
        height = sum(11 * len(c.wrap(t, R - L, 8)) + 3 for t, _ in texts) + 10
        if y + height > self.limit:
            y = self.next_page()
            c = self.c
        y += 8
        for text, bold in texts:
            y = c.paragraph(L, y + 3, text, R - L, 8, bold=bold)
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Sitz {s.city}, Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}"]
        legal += self.tax_ids("USt-IdNr.", "St.-Nr.")
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}"], legal]
        if self.own_bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> KarteDrawing:
        for _ in range(200):
            fuelings = self.fuelings()
            fees = self.fees(fuelings)
            grosses = [f.gross for f in fuelings] + [fee.gross for fee in fees]
            nets = nets_of_gross([(g, 19) for g in grosses])
            if nets is not None:
                break
        else:
            raise AssertionError("tankkarte_sammel: no month whose cents add up")
        texts = [f.product + " " + f.station for f in fuelings] + [fee.text for fee in fees]
        items = [LineItem(text, "", Decimal(1), "", net, 19) for text, net in zip(texts, nets, strict=True)]
        net = sum(nets, Decimal(0))
        gross = sum(grosses, Decimal(0))
        self.header()
        y, fuel = self.table(self.info(), fuelings, nets)
        y = self.overview(y, fuelings)
        y = self.fee_rows(y, fees)
        y = self.totals(y, net, gross - net, fuel, gross - fuel)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "tankkarte_sammel: page overflow"
        pages = self.close_pages(self.rng.random() < 0.5)
        drawing = self.finish(
            items,
            "Sammelrechnung",
            pages=pages,
            service_date=False,
            customer_no=bool(self.data.customer_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )
        return with_swift(drawing, "")


# ---------------------------------------------------------------------------
# Registry

KARTE_FAMILIES: dict[str, type[FirstSheet]] = {
    "us_software_usd": UsSoftwareUsd,
    "tankkarte_sammel": TankkarteSammel,
}
_LANG = {"us_software_usd": "en"}


def draw_karte(name: str, seed: int) -> KarteDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(KARTE_FAMILIES[name], name, seed, _LANG.get(name, "de"))
