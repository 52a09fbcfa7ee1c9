"""Two invoice layout families of an online advertising platform's Irish entity and of a German coworking
space, designed blind (session 17).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_digital(name, seed)`. Each family draws its page(s) with the shared pieces of `families_more`,
`families_world`, `families_trip` and `families_first` and returns a `TripDrawing` (truth keys only for values
printed):

- `ads_plattform_ie`: an online advertising platform's monthly invoice in English to a German agency, issued
  by the platform's Irish entity ("... Ireland Limited", a Dublin address with Eircode, "VAT number
  IE1234567T" valid per python-stdnum, the company registration number). Three layouts: a "summary" of two
  pages (page 1: bill-to block, the numbers with their labels above or beside them, a big "Total in EUR" box
  and a summary of the billing period; page 2: the campaign details with "Subtotal in EUR", "VAT (0%)", "Total
  in EUR" again), a "receipt" of one page (invoice details as label/value rows, the campaigns with impressions
  and clicks, totals right) and a "grid" of boxed cells (label above value: Invoice number, Invoice date, Due
  date, Billing period, Account number ...). Numbers beside the invoice number: "Billing ID"
  ("1234-5678-9012"), "Account ID" ("123-456-7890"), "Payments profile ID", "Transaction ID", "Invoice date",
  "Billing period" ("Mar 1 - 31, 2024", "1 Mar 2024 - 31 Mar 2024", "March 1, 2024 - March 31, 2024"), "Due
  date"; a "Customer ID" (then the truth's `kundennummer`) and a "PO number" (the truth's `bestellnummer`) on
  some seeds. Campaign rows with clicks or impressions and amounts; "Invalid activity" credits as negative
  rows, a promotional credit on some seeds; "Subtotal" (on some seeds "Costs" before the credits, a trap),
  "VAT 0 %" / "VAT (0%)" with 0.00, "Total in EUR" / "Total amount"; "Reverse charge: customer to account for
  VAT" (or a variant citing Article 196 of Directive 2006/112/EC); the customer's German VAT id in the bill-to
  block (a trap). On about half of the seeds "Paid via automatic payment - no action required" (card or direct
  debit named, the charge date, an "Amount due" of 0.00 beside the total) and no bank details; on the others a
  bank transfer to an Irish IBAN (AIB, Bank of Ireland, Citibank) or to the entity's German collection
  account, with BIC and the invoice number or billing ID as the payment reference, and the amount due. Dates
  in English: "Apr 1, 2024", "1 Apr 2024", "1 April 2024" or "April 1, 2024" (the abbreviated months recorded
  in the index as "en_us" / "en_long"); amounts "€1,234.56", "€ 1,234.56", "EUR 1,234.56", "1,234.56 EUR" or,
  on some seeds, the German "1.234,56 €". No Steuernummer. Truth: `rechnungsnummer` the invoice number,
  `datum` the invoice date, netto = brutto = the total, `mwst` 0.0 (the VAT line is printed on every seed),
  EUR, `ust_id` the Irish VAT number (never the customer's), `iban` and `bic` only on the bank-transfer seeds,
  `lieferant` the Irish entity, `kundennummer` / `bestellnummer` where printed; no `leistungsdatum` (a billing
  period).
- `coworking_mitglied`: a German coworking space's monthly membership invoice (a GmbH or UG
  (haftungsbeschränkt), HRB, USt-IdNr., the Steuernummer too on some seeds) in a startup-style layout (a
  coloured header band, a coloured side bar or a plain sheet with a coloured title; sans fonts; a totals box):
  the next month's membership billed in advance ("Flex Desk", "Fix Desk", "Private Office", "Team Office"; one
  or more seats) with its "Leistungszeitraum 01.05.-31.05.2024" while last month's bookings are billed after
  the fact (meeting-room hours with booking numbers and dates, the membership's free hours deducted as a
  negative row, day passes for guests, printing by pages, event-space hours); a locker, a business address
  service ("Geschäftsadresse") and a parking space on some seeds; all at 19 %; rows grouped in sections with
  sub-totals on some seeds; "Zwischensumme" / "Summe netto", "zzgl. 19 % USt.", "Gesamtbetrag"; a prepaid
  credit ("Guthaben") applied after the total on some seeds (with the remaining balance printed: a trap), the
  deposit held ("Kaution") on some; payment by SEPA direct debit (mandate reference, creditor id, the debit
  date: a trap, the member's masked IBAN), by card ("bereits per Kreditkarte bezahlt", "Offener Betrag 0,00
  €") or by transfer; the member number; the space's bank in the footer. Truth: the usual keys; the gross is
  the total before a credit or card payment is deducted (as in `anzahlung`); `kundennummer` the member or
  customer number; `bic` where printed; no `leistungsdatum` (periods) and no `bestellnummer`.

Both keep their dates out of the second half of 2020 (German VAT 16 % then).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import random
from dataclasses import dataclass
from decimal import Decimal

from benchmarks.synth.families_first import FirstSheet
from benchmarks.synth.families_karte import _AGENCIES, _PEOPLE
from benchmarks.synth.families_last import masked_de
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    cells,
    columns,
    creditor_id,
    draw_sheet,
    footer_columns,
    initials,
    label_rows,
    logo,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    PALE,
    RULE,
    WorldPrinter,
    _domain,
    iban_of,
    ie_vat_id,
)
from benchmarks.synth.invoice_gen import MONTHS_DE, MONTHS_EN, InvoiceData, LineItem, _vat_id, round_cent
from benchmarks.synth.pdfdraw import A4
from benchmarks.synth.printed import CurrencyStyle, DateStyle, NumberStyle

# ---------------------------------------------------------------------------
# Shared


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def next_month(day: dt.date) -> dt.date:
    """The first day of the month after `day`."""
    return month_end(day) + dt.timedelta(days=1)


@dataclass(frozen=True)
class EnPrinter(WorldPrinter):
    """English dates, the month abbreviated on some seeds ("Apr 1, 2024", "1 Apr 2024")."""

    short: bool = False

    def date(self, day: dt.date) -> str:
        if not self.short:
            return super().date(day)
        month = MONTHS_EN[day.month - 1][:3]
        return f"{month} {day.day}, {day.year}" if self.dates == "en_us" else f"{day.day} {month} {day.year}"


# ---------------------------------------------------------------------------
# ads_plattform_ie


@dataclass(frozen=True)
class Platform:
    """An advertising platform's Irish entity: legal name, the product's name, domain, address, company no."""

    name: str
    product: str
    domain: str
    street: str
    district: str
    reg_no: str


_PLATFORMS = (
    Platform(
        "Clickwave Ireland Limited",
        "Clickwave Ads",
        "clickwave.com",
        "Gordon Quay House, 4 Barrow Street",
        "Dublin 4, D04 X2K7",
        "368047",
    ),
    Platform(
        "Reachly Ireland Ltd.",
        "Reachly Ads Manager",
        "reachly.com",
        "One Grand Canal Plaza",
        "Dublin 2, D02 YX88",
        "462932",
    ),
    Platform(
        "Socialyte Platforms Ireland Limited",
        "Socialyte Ads",
        "socialyte.com",
        "4 Grand Canal Square, Grand Canal Harbour",
        "Dublin 2, D02 X525",
        "503118",
    ),
    Platform(
        "Vidora Ireland Limited",
        "Vidora Advertising",
        "vidora.com",
        "Riverside Two, Sir John Rogerson's Quay",
        "Dublin 2, D02 KV60",
        "587214",
    ),
    Platform(
        "Searchbay Advertising Ireland Limited",
        "Searchbay Ads",
        "searchbay.com",
        "The Boole Building, 10 Hanover Quay",
        "Dublin 2, D02 R573",
        "611405",
    ),
    Platform(
        "Pinloop Europe Unlimited Company",
        "Pinloop Ads",
        "pinloop.com",
        "Palmerston House, Fenian Street",
        "Dublin 2, D02 FX09",
        "552760",
    ),
)
_IE_BANKS = (
    ("AIBK931152", "Allied Irish Banks, p.l.c."),
    ("BOFI900017", "Bank of Ireland"),
    ("CITI990051", "Citibank Europe plc"),
)
_CLIENTS = (
    "Bäckerei Kranz",
    "Autohaus Lindner",
    "Stadtwerke Elmshorn",
    "Möbel Sander",
    "Zahnklinik Nord",
    "Hotel Seeblick",
    "Weingut Brenner",
    "Fitnesswerk",
    "Optik Maurer",
    "Gartenbau Ohm",
)
_CAMPAIGN_KINDS = (
    ("Search | Brand", "Clicks"),
    ("Search | Generic", "Clicks"),
    ("Performance Max", "Clicks"),
    ("Display Remarketing", "Impressions"),
    ("Video Awareness", "Impressions"),
    ("Lead Gen Forms", "Clicks"),
    ("Shopping", "Clicks"),
    ("Traffic | Carousel", "Clicks"),
    ("Reach | Stories", "Impressions"),
    ("Conversions | Retargeting", "Impressions"),
)
_REVERSE_NOTES = (
    "Reverse charge: customer to account for VAT.",
    "VAT reverse charge - Article 196, Council Directive 2006/112/EC. The customer is liable for VAT.",
    "Reverse charge: the recipient of the services is liable to account for VAT in Germany.",
    "Services subject to the reverse charge. Customer to account for VAT under Article 196 of the VAT "
    "Directive.",
)
_AUTO_NOTES = (
    "Paid via automatic payment - no action required.",
    "This invoice has been paid automatically. No action is required.",
    "Automatic payment: your payment method has been charged. Please do not pay this invoice.",
)


@dataclass(frozen=True)
class Campaign:
    """One row: its item (quantity 1 at the row's amount, no VAT), clicks or impressions, a credit or not."""

    item: LineItem
    metric: str
    volume: int

    @property
    def credit(self) -> bool:
        return self.item.unit_price < 0


class AdsPlattformIe(FirstSheet):
    """An advertising platform's Irish entity's monthly invoice to a German agency: reverse charge, EUR."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"
    FOOT = A4.height - 66

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.platform = rng.choice(_PLATFORMS)
        self.layout = rng.choice(("summary", "receipt", "grid"))
        day = regular_day(data.date)
        if rng.random() < 0.5:  # dated the last day of the month billed
            day = month_end(day)
            self.start = day.replace(day=1)
        else:  # dated in the first days of the next month
            self.start = (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            day = day.replace(day=rng.randint(1, 3))
        self.end = month_end(self.start)
        self.auto = rng.random() < 0.5
        number = {
            "summary": str(rng.randint(10**9, 10**10 - 1)),
            "receipt": f"{self.platform.product.split()[0][:4].upper()}-{rng.randint(100, 999)}-"
            f"{rng.randint(10**8, 10**9 - 1)}",
            "grid": rng.choice(
                (f"G0{rng.randint(10**8, 10**9 - 1)}", f"E{day.year % 100}{rng.randint(10**7, 10**8 - 1)}")
            ),
        }[self.layout]
        customer = dataclasses.replace(
            data.customer, name=rng.choice(_AGENCIES), contact=rng.choice((*_PEOPLE, "Accounts Payable", ""))
        )
        supplier = dataclasses.replace(
            data.supplier, name=self.platform.name, street=self.platform.street, plz="", city="Dublin"
        )
        self.german_bank = not self.auto and rng.random() < 0.35
        iban = data.iban
        if not self.german_bank:
            code, self.bank = rng.choice(_IE_BANKS)
            iban = iban_of(rng, "IE", (code,), 8)
        else:
            self.bank = rng.choice(
                ("Deutsche Bank AG", "Commerzbank AG", "Citibank Europe plc, Germany Branch")
            )
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((15, 30, 30))),
            customer=customer,
            supplier=supplier,
            customer_no=f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}" if rng.random() < 0.3 else "",
            order_no=rng.choice(
                (f"PO-{day.year}-{rng.randint(10, 999):03d}", f"45{rng.randint(10**7, 10**8 - 1)}")
            )
            if rng.random() < 0.25
            else "",
            email=f"{rng.choice(('billing', 'ads-billing', 'collections'))}@{self.platform.domain}",
            vat_id=ie_vat_id(rng),
            tax_no="",
            iban=iban,
        )
        super().__init__(rng, data)
        german = rng.random() < 0.2
        numbers: NumberStyle = "de" if german else "en"
        currency: CurrencyStyle = (
            rng.choice(("sign_after", "code_after"))
            if german
            else rng.choice(("sign_tight", "sign_tight", "sign_before", "code_before", "code_after"))
        )
        dates: DateStyle = rng.choice(("en_us", "en_long"))
        self.p = EnPrinter(numbers, currency, dates, short=rng.random() < 0.45)
        self.brand = rng.choice(MORE_BRANDS)
        self.customer_vat = _vat_id(rng)
        self.billing_id = "-".join(f"{rng.randint(0, 9999):04d}" for _ in range(3))
        self.account_id = f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
        self.profile_id = "-".join(f"{rng.randint(0, 9999):04d}" for _ in range(3))
        self.transaction = f"{rng.randint(10**12, 10**13 - 1)}-{rng.randint(10**6, 10**7 - 1)}"
        self.card = (
            f"{rng.choice(('Visa', 'Mastercard', 'American Express'))} •••• {rng.randint(0, 9999):04d}"
        )
        if rng.random() < 0.3:
            self.card = f"SEPA direct debit {masked_de(rng)}"
        self.charged = self.start + dt.timedelta(days=rng.randint(6, 24))
        self.reference = rng.choice(("number", "number", "billing"))
        self.period_style = rng.randint(0, 3)
        self.brackets = rng.random() < 0.25
        self.vat_label = rng.choice(("VAT number", "VAT Reg. No.", "VAT No."))
        self.scale = Decimal(str(rng.choice((0.1, 0.25, 0.5, 1.0))))
        self.rows = self.campaigns()

    # -- printing helpers

    def money(self, value: Decimal) -> str:
        if value >= 0:
            return self.p.amount(value)
        return f"({self.p.amount(-value)})" if self.brackets else f"-{self.p.amount(-value)}"

    def date(self, day: dt.date) -> str:
        return self.p.date(day)

    def period(self) -> str:
        s, e = self.start, self.end
        month = MONTHS_EN[s.month - 1]
        return (
            f"{month[:3]} {s.day} - {e.day}, {s.year}",
            f"{self.date(s)} - {self.date(e)}",
            f"{month} {s.day}, {s.year} - {month} {e.day}, {e.year}",
            f"{s:%d/%m/%Y} – {e:%d/%m/%Y}",
        )[self.period_style]

    def page_label(self, page: int, pages: int) -> str:
        return f"Page {page} of {pages}"

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, self.platform.product, 10, bold=True, colour=self.brand)
        c.text(self.RIGHT, 50, f"Invoice number: {d.number}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return 84.0

    # -- the rows

    def campaigns(self) -> list[Campaign]:
        rng = self.rng
        prefix = rng.choice(_CLIENTS) if rng.random() < 0.7 else ""
        out: list[Campaign] = []
        count = rng.randint(2, 9) if self.layout != "summary" else rng.randint(3, 14)
        kinds = [rng.choice(_CAMPAIGN_KINDS) for _ in range(count)]
        for n, (kind, metric) in enumerate(kinds, 1):
            client = prefix or rng.choice(_CLIENTS)
            name = rng.choice(
                (
                    f"{client} | {kind}",
                    f"{client.split()[0]}_{kind.replace(' | ', '_')}_DE",
                    f"{kind} – {client} {self.start.year}",
                )
            )
            if any(c.item.description == name for c in out):
                name = f"{name} #{n}"
            if metric == "Clicks":
                volume = max(12, int(rng.randint(25, 1900) * self.scale))
                amount = round_cent(Decimal(volume) * Decimal(str(rng.uniform(0.15, 1.9))))
            else:
                volume = max(2000, int(rng.randint(6000, 420000) * self.scale))
                amount = round_cent(Decimal(volume) * Decimal(str(rng.uniform(1.2, 8.0))) / 1000)
            out.append(Campaign(LineItem(name, "", Decimal(1), "", amount, 0), metric, volume))
        for target in rng.sample(out, rng.choice((0, 1, 1, 2))):
            credit = max(
                Decimal("0.01"), round_cent(target.item.unit_price * Decimal(str(rng.uniform(0.002, 0.03))))
            )
            text = rng.choice(
                (
                    f"Invalid activity - {target.item.description}",
                    "Invalid activity",
                    f"Invalid activity adjustment ({MONTHS_EN[self.start.month - 2][:3]})",
                )
            )
            out.append(Campaign(LineItem(text, "", Decimal(1), "", -credit, 0), "", 0))
        total = sum((c.item.total for c in out), Decimal(0))
        if rng.random() < 0.2 and total > 400:
            promo = Decimal(rng.choice((50, 100, 150)))
            code = "-".join(
                "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(4)) for _ in range(3)
            )
            out.append(
                Campaign(LineItem(f"Promotional credit ({code})", "", Decimal(1), "", -promo, 0), "", 0)
            )
        return out

    @property
    def total(self) -> Decimal:
        return sum((c.item.total for c in self.rows), Decimal(0))

    @property
    def costs(self) -> Decimal:
        return sum((c.item.total for c in self.rows if not c.credit), Decimal(0))

    # -- blocks

    def bill_to(self) -> list[str]:
        r = self.data.customer
        vat_label = self.rng.choice(("VAT ID", "VAT number", "Customer VAT ID", "USt-IdNr."))
        contact = self.rng.choice((f"Attn: {r.contact}", r.contact)) if r.contact else ""
        return [r.name, contact, r.street, r.city_line, "Germany", f"{vat_label}: {self.customer_vat}"]

    def numbers(self) -> list[tuple[str, str]]:
        d, rng = self.data, self.rng
        rows = [
            (rng.choice(("Invoice number", "Invoice number:", "Invoice #")), d.number),
            (rng.choice(("Invoice date", "Date of issue")), self.date(d.date)),
        ]
        extra = [
            ("Billing ID", self.billing_id),
            (rng.choice(("Account ID", "Ad account ID")), self.account_id),
            ("Payments profile ID", self.profile_id),
        ]
        if self.layout == "receipt":
            extra.append(("Transaction ID", self.transaction))
        rows += rng.sample(extra, rng.randint(2, len(extra)))
        if d.customer_no:
            rows.append(("Customer ID", d.customer_no))
        if d.order_no:
            rows.append((rng.choice(("PO number", "Purchase order")), d.order_no))
        rows.append(("Billing period", self.period()))
        if not self.auto:
            rows.append(("Due date", self.date(d.due_date)))
        return rows

    @functools.cached_property
    def summary_rows(self) -> list[tuple[str, str, bool]]:
        """The totals: (label, amount, bold), the same wherever printed."""
        rng, total = self.rng, self.total
        rows: list[tuple[str, str, bool]] = []
        if self.costs != total and rng.random() < 0.6:
            rows.append((rng.choice(("Costs", "Total costs")), self.money(self.costs), False))
            rows.append(("Credits and adjustments", self.money(total - self.costs), False))
        rows.append(
            (rng.choice(("Subtotal in EUR", "Subtotal", "Amount (excl. VAT)")), self.money(total), False)
        )
        rows.append((rng.choice(("VAT (0%)", "VAT 0 %", "VAT 0%")), self.money(Decimal(0)), False))
        rows.append((rng.choice(("Total in EUR", "Total amount", "Total")), self.money(total), True))
        if self.auto:
            rows.append(("Amount paid", self.money(total), False))
        rows.append(("Amount due", self.money(Decimal(0) if self.auto else total), self.auto))
        return rows

    def payment_lines(self) -> list[tuple[str, bool]]:
        d, rng = self.data, self.rng
        if self.auto:
            return [
                (rng.choice(_AUTO_NOTES), True),
                (f"Payment method: {self.card} · charged on {self.date(self.charged)}", False),
            ]
        reference = d.number if self.reference == "number" else self.billing_id
        lines = [
            ("Please pay by bank transfer to:", True),
            (f"Account name: {self.platform.name}", False),
            (f"Bank: {self.bank}", False),
            (f"IBAN: {self.iban}", False),
            (f"BIC / SWIFT: {d.iban.bic}", False),
            (f"Payment reference: {reference}", False),
        ]
        if rng.random() < 0.5:
            lines.append(
                (f"Payment due by {self.date(d.due_date)}. Please quote the payment reference.", False)
            )
        return lines

    def notes(self) -> list[str]:
        rng = self.rng
        out = [rng.choice(_REVERSE_NOTES)]
        if rng.random() < 0.5:
            out.append(
                f"Questions about this invoice? Visit {self.platform.domain}/billing or write to "
                f"{self.data.email}."
            )
        return out

    def footer(self) -> None:
        c, d, pf, L, R = self.c, self.data, self.platform, self.LEFT, self.RIGHT
        top = self.FOOT
        c.line(L, top, R, top, width=0.4, colour=GREY)
        first = f"{pf.name} · {pf.street} · {pf.district} · Ireland"
        second = f"{self.vat_label}: {d.vat_id} · Registered in Ireland, company number {pf.reg_no}"
        self.tax["ust_id"] = d.vat_id
        c.fit_text(L, top + 12, first, 7.2, R - L, colour=GREY, min_size=5.5)
        c.fit_text(L, top + 22, second, 7.2, R - L, colour=GREY, min_size=5.5)
        c.fit_text(L, top + 32, f"Registered office as above · www.{pf.domain}", 7.2, R - L, colour=GREY)

    def entity_lines(self) -> list[str]:
        pf = self.platform
        return [pf.name, pf.street, pf.district, "Ireland"]

    def block(self, x: float, y: float, title: str, lines: list[str], size: float, width: float) -> float:
        c = self.c
        c.text(x, y, title, size, bold=True, colour=GREY)
        y += size * 1.5
        for line in lines:
            if line:
                c.fit_text(x, y, line, size, width)
                y += size * 1.35
        return y

    def paragraphs(self, y: float, lines: list[tuple[str, bool]], size: float = 8.5) -> float:
        for text, bold in lines:
            y = self.c.paragraph(self.LEFT, y, text, self.RIGHT - self.LEFT, size, bold=bold)
        return y

    # -- the table

    def table(self, y: float, size: float = 8.6) -> float:
        c, rng, L, R = self.c, self.rng, self.LEFT, self.RIGHT
        both = self.layout == "receipt" and rng.random() < 0.6
        spec: list[tuple[str, str, float, str]] = [
            ("desc", rng.choice(("Description", "Campaign")), 0, "left")
        ]
        if both:
            spec += [("impr", "Impressions", 80, "right"), ("clicks", "Clicks", 60, "right")]
        else:
            spec += [("qty", "Quantity", 70, "right"), ("unit", "Units", 78, "left")]
        spec.append(("amount", rng.choice(("Amount (€)", "Amount (EUR)", "Amount")), 92, "right"))
        cols = columns(spec, L, R)  # type: ignore[arg-type]
        shaded = rng.random() < 0.5
        if shaded:
            c.box(L, y - 11, R, y + 5, fill=LIGHT, stroke=None)
        cells(c, cols, y, {col.key: col.head for col in cols}, size, bold=True)
        y += 6
        c.line(L, y, R, y, width=0.6 if not shaded else 0.3, colour=GREY)
        for row in self.rows:
            y += size + 6
            if y > self.limit - 20:
                y = self.next_page() + size
                c = self.c
            values = {"desc": row.item.description, "amount": self.money(row.item.total)}
            if both and row.metric:
                impressions = row.volume if row.metric == "Impressions" else row.volume * rng.randint(25, 90)
                clicks = row.volume if row.metric == "Clicks" else row.volume // rng.randint(150, 900)
                values |= {"impr": f"{impressions:,}", "clicks": f"{clicks:,}"}
            elif row.metric:
                values |= {"qty": f"{row.volume:,}", "unit": row.metric}
            cells(c, cols, y, values, size)
            c.line(L, y + 5, R, y + 5, width=0.3, colour=RULE)
        return y + 8

    def totals(self, y: float, x: float, size: float = 9.0, boxed: bool = False) -> float:
        c, R = self.c, self.RIGHT
        rows = self.summary_rows
        if boxed:
            c.box(x - 8, y, R + 4, y + 8 + 15 * len(rows), stroke=GREY, width=0.5)
        for label, value, bold in rows:
            y += 15
            if bold:
                c.box(x - 6, y - 11, R + 2, y + 4, fill=PALE, stroke=None)
            c.fit_text(x, y, label, size, R - x - 100, bold=bold)
            c.text(R - 2, y, value, size, bold=bold, align="right")
        return y + 12

    # -- the layouts

    def brand_head(self, y: float) -> None:
        c, rng, L = self.c, self.rng, self.LEFT
        if rng.random() < 0.5:
            logo(
                c,
                rng.choice(("circle", "square", "diamond")),
                L,
                y - 24,
                30,
                self.brand,
                initials(self.platform.product),
            )
            c.text(L + 38, y - 4, self.platform.product, 15, bold=True)
        else:
            c.text(L, y - 4, self.platform.product, 18, bold=True, colour=self.brand)

    def draw_summary(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        self.brand_head(62)
        c.text(R, 58, "Invoice", 22, align="right")
        y = self.block(L, 110, "Bill to", self.bill_to(), 9, 240)
        rows = self.numbers()
        x = 330
        yy = 110
        above = rng.random() < 0.6
        for label, value in rows:
            if above:
                c.text(x, yy, label, 7.8, colour=GREY)
                c.fit_text(x, yy + 11, value, 9, R - x)
                yy += 25
            else:
                c.text(x, yy, label, 8.3, colour=GREY)
                c.fit_text(R, yy, value, 8.6, R - x - 95, align="right")
                yy += 14
        y = max(y, yy) + 10
        c.box(L, y, R, y + 56, fill=PALE, stroke=None)
        big_label = rng.choice(("Total in EUR", "Total amount due" if not self.auto else "Total in EUR"))
        c.text(L + 14, y + 22, big_label, 11)
        c.text(R - 14, y + 40, self.money(self.total), 22, bold=True, align="right")
        if self.auto:
            c.text(L + 14, y + 40, "Paid - no action required", 9, colour=self.brand)
        else:
            c.text(L + 14, y + 40, f"Due {self.date(d.due_date)}", 9, colour=GREY)
        y += 80
        c.text(L, y, f"Summary for {self.period()}", 11, bold=True)
        c.line(L, y + 6, R, y + 6, width=0.4, colour=GREY)
        y = self.totals(y + 4, L, 9.5)
        y = self.paragraphs(y + 8, self.payment_lines())
        y = self.paragraphs(y + 6, [(t, False) for t in self.notes()], 8)
        c.text(L, y + 8, "Details of the charges are on the next page.", 8, colour=GREY)
        y = self.next_page()
        c = self.c
        c.text(L, y, f"Details for {self.period()}", 12, bold=True)
        y += 16
        c.text(L, y, f"Account: {d.customer.name} · Account ID {self.account_id}", 8.5, colour=GREY)
        y = self.table(y + 24)
        if y + 100 > self.limit:
            y = self.next_page()
        return self.totals(y, R - 250, 9.0)

    def draw_receipt(self) -> float:
        c, rng, L, R = self.c, self.rng, self.LEFT, self.RIGHT
        self.brand_head(62)
        title = rng.choice(("Invoice", "Receipt / Invoice", "Advertising invoice"))
        c.text(R, 58, title, 17, bold=True, align="right")
        c.fit_text(R, 74, self.platform.name, 8.5, 250, align="right", colour=GREY)
        y0 = 112
        mid = L + (R - L) * 0.52
        c.text(L, y0, "Invoice details", 10, bold=True)
        rows = self.numbers() + ([("Payment method", self.card)] if self.auto else [])
        y1 = y0 + 17
        for label, value in rows:
            c.text(L, y1, label, 8.4)
            c.fit_text(L + 112, y1, value, 8.4, mid - L - 122, min_size=5.5)
            y1 += 13
        y2 = self.block(mid, y0, "Billed to", self.bill_to(), 9, R - mid)
        y2 = self.block(mid, y2 + 8, "Billed by", self.entity_lines(), 8.5, R - mid)
        y = max(y1, y2) + 20
        c.text(L, y, rng.choice(("Campaigns", "Charges", "Activity")), 11, bold=True)
        y = self.table(y + 20)
        if y + 120 > self.limit:
            y = self.next_page()
        y = self.totals(y, R - 240, 9.0, boxed=rng.random() < 0.5)
        y = self.paragraphs(y + 10, self.payment_lines())
        return self.paragraphs(y + 6, [(t, False) for t in self.notes()], 8)

    def draw_grid(self) -> float:
        c, rng, L, R, pf = self.c, self.rng, self.LEFT, self.RIGHT, self.platform
        c.text(L, 52, pf.name, 12, bold=True)
        for i, line in enumerate((pf.street, f"{pf.district}, Ireland", f"www.{pf.domain}")):
            c.text(L, 65 + 10 * i, line, 8, colour=GREY)
        c.text(R, 60, "INVOICE", 24, bold=True, align="right", colour=self.brand)
        rows = self.numbers()
        self.cell_fill = PALE if rng.random() < 0.5 else None
        per = rng.choice((3, 4))
        w = (R - L) / per
        y = 118
        for i in range(0, len(rows), per):
            for k, (label, value) in enumerate(rows[i : i + per]):
                x = L + k * w
                c.box(x, y, x + w, y + 30, fill=self.cell_fill, stroke=RULE, width=0.5)
                c.text(x + 5, y + 11, label.rstrip(":").upper(), 6.8, bold=True, colour=GREY)
                c.fit_text(x + 5, y + 24, value, 9, w - 10)
            y += 30
        y += 20
        half = (R - L) / 2
        y1 = self.block(L, y, "Bill to", self.bill_to(), 9, half - 12)
        sold = [self.data.customer.name, f"Account ID {self.account_id}", self.data.customer.city_line]
        y2 = self.block(L + half, y, rng.choice(("Sold to", "Advertiser")), sold, 9, half - 12)
        y = max(y1, y2) + 14
        top = y - 2
        y = self.table(y + 12)
        c.box(L, top + 1, R, y - 3, stroke=GREY, width=0.5)
        if y + 120 > self.limit:
            y = self.next_page()
        y = self.totals(y, R - 250, 9.2, boxed=True)
        y = self.paragraphs(y + 12, self.payment_lines())
        return self.paragraphs(y + 6, [(t, False) for t in self.notes()], 8)

    def draw(self) -> TripDrawing:
        body = {"summary": self.draw_summary, "receipt": self.draw_receipt, "grid": self.draw_grid}[
            self.layout
        ]
        y = body()
        assert y < self.limit + 6, "ads_plattform_ie: page overflow"
        pages = self.close_pages(self.layout == "summary")
        return self.finish(
            [row.item for row in self.rows],
            "Invoice",
            pages=pages,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
            bank=not self.auto,
        )


# ---------------------------------------------------------------------------
# coworking_mitglied

_SPACES = (
    "Hafenwerk Coworking GmbH",
    "Deskhaus UG (haftungsbeschränkt)",
    "Kollektiv Arbeitsraum GmbH",
    "Werkbank Spaces GmbH",
    "Loft 17 Coworking UG (haftungsbeschränkt)",
    "Schanzenbüro Coworking GmbH",
    "Spinnerei Workspace GmbH",
    "CoLab Nord UG (haftungsbeschränkt)",
    "Tischlerei Coworking GmbH",
)
_TAGLINES = (
    "Coworking · Meetingräume · Events",
    "Arbeiten. Treffen. Wachsen.",
    "Dein Schreibtisch in der Stadt",
    "Flexible Arbeitsplätze für Teams und Freelancer",
    "Coworking & Community",
)
# Memberships: (name, least and most monthly net price per seat, free meeting-room hours per seat).
_MEMBERSHIPS = (
    ("Flex Desk", 169, 259, 2),
    ("Fix Desk", 249, 369, 4),
    ("Private Office", 590, 1390, 8),
    ("Team Office", 1490, 2890, 12),
)
_ROOMS = ("Elbe", "Alster", "Spree", "Isar", "Weser", "Main", "Studio", "Boardroom", "Bibliothek", "Kapsel")
_GUESTS = ("M. Schröder", "L. Yıldız", "A. Novak", "T. Brandt", "S. Okafor", "J. Lehmann", "K. Petrov")
_CREDIT_WORDS = ("abzgl. Guthaben", "Verrechnetes Guthaben", "Prepaid-Guthaben verrechnet", "abzgl. Credits")


@dataclass(frozen=True)
class Row:
    """A row of the invoice: its section and its item (a booking's number and date in the description)."""

    section: str
    item: LineItem


class CoworkingMitglied(FirstSheet):
    """A German coworking space's monthly invoice: the membership in advance, the bookings after the fact."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after", "sign_before")
    DATES = ("dotted", "dotted", "dotted", "de_long", "iso")
    IDS = "vat"
    GROUPED = 0.7
    FOOT = A4.height - 78

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name = rng.choice(_SPACES)
        self.layout = rng.choice(("band", "sidebar", "plain"))
        day = data.date
        # the month billed in advance: the invoice is dated at its start or a few days before
        self.month = next_month(day) if day.day > 20 else day.replace(day=1)
        if dt.date(2020, 6, 1) <= self.month <= dt.date(2021, 1, 1):  # German VAT 16 % in July-December 2020
            self.month = self.month.replace(year=2019)
        if rng.random() < 0.5:
            day = self.month + dt.timedelta(days=rng.randint(0, 2))
        else:
            day = self.month - dt.timedelta(days=rng.randint(1, 6))
        self.last = (self.month - dt.timedelta(days=1)).replace(day=1)  # last month: the bookings
        number = rng.choice(
            (
                f"CW-{day.year}-{day.month:02d}-{rng.randint(1, 999):04d}",
                f"INV-{rng.randint(100, 99999):06d}",
                f"RE{day.year % 100}{rng.randint(1000, 9999)}",
                f"{day.year}-{rng.randint(100, 4999)}",
            )
        )
        member = rng.choice(
            (
                f"M-{rng.randint(1000, 99999)}",
                f"{rng.randint(100000, 999999)}",
                f"CW{rng.randint(100, 9999):05d}",
            )
        )
        customer = dataclasses.replace(
            data.customer,
            name=rng.choice(_AGENCIES),
            contact=rng.choice((*_PEOPLE, *_PEOPLE, "Buchhaltung", "")),
        )
        supplier = dataclasses.replace(data.supplier, name=name)
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            customer=customer,
            supplier=supplier,
            customer_no=member,
            order_no="",
            due_date=day + dt.timedelta(days=rng.choice((7, 10, 14))),
            email=f"{rng.choice(('hallo', 'billing', 'buchhaltung', 'members'))}@{_domain(name, 'de')}",
        )
        super().__init__(rng, data)
        if rng.random() < 0.25:
            self.ids = "both" if data.tax_no else "vat"
        self.brand = rng.choice(MORE_BRANDS)
        self.payment = rng.choice(("sepa", "sepa", "card", "transfer"))
        self.credit = rng.random() < 0.35
        self.deposit = rng.random() < 0.4
        self.sections = rng.random() < 0.45
        self.with_bic = rng.random() < 0.85
        self.member_label = rng.choice(("Mitgliedsnummer", "Mitglieds-Nr.", "Kundennummer", "Member-ID"))
        self.debit_day = day + dt.timedelta(days=rng.randint(2, 6))
        self.mandate = f"{name.split()[0][:4].upper()}-M-{rng.randint(100, 9999):05d}"
        self.creditor = creditor_id(rng)
        self.rows = self.positions()

    # -- helpers

    def month_name(self, day: dt.date) -> str:
        return f"{MONTHS_DE[day.month - 1]} {day.year}"

    def period(self) -> str:
        s, e = self.month, month_end(self.month)
        return self.rng.choice(
            (
                f"{s:%d.%m.}-{e:%d.%m.%Y}",
                f"{self.p.date(s)} – {self.p.date(e)}",
                f"{s:%d.%m.%Y} bis {e:%d.%m.%Y}",
            )
        )

    def booking_day(self) -> dt.date:
        return self.last + dt.timedelta(days=self.rng.randint(0, 27))

    # -- the rows

    def positions(self) -> list[Row]:
        rng = self.rng
        head = f"Mitgliedschaft {self.month_name(self.month)}"
        plan, lo, hi, free = rng.choice(_MEMBERSHIPS)
        seats = rng.choice((1, 1, 1, 2, 3)) if plan in ("Flex Desk", "Fix Desk") else 1
        if plan == "Private Office":
            plan = f"Private Office ({rng.choice((1, 2, 3))} Plätze)"
        price = Decimal(rng.randrange(lo, hi, 10) - 1 if rng.random() < 0.5 else rng.randrange(lo, hi, 10))
        rows = [
            Row(
                head,
                LineItem(
                    f"{plan} Mitgliedschaft, {self.month_name(self.month)}",
                    "",
                    Decimal(seats),
                    "Platz" if seats > 1 else "Monat",
                    price,
                    19,
                ),
            )
        ]
        extras = (
            ("Schließfach Nr. {n}", 12, 25),
            ("Geschäftsadresse inkl. Postannahme", 39, 89),
            ("Tiefgaragenstellplatz Nr. {n}", 69, 119),
            ("Post-Scan-Service", 15, 29),
        )
        for text, low, high in rng.sample(extras, rng.choice((0, 1, 1, 2, 3))):
            label = text.format(n=rng.randint(1, 60))
            rows.append(
                Row(
                    head,
                    LineItem(
                        f"{label}, {self.month_name(self.month)}",
                        "",
                        Decimal(1),
                        "Monat",
                        Decimal(rng.randint(low, high)),
                        19,
                    ),
                )
            )
        booked = f"Buchungen {self.month_name(self.last)}"
        rate = Decimal(rng.choice((15, 19, 20, 25, 29, 35, 39)))
        hours = 0
        for _ in range(rng.choice((0, 1, 2, 2, 3, 4))):
            n = rng.choice((1, 1.5, 2, 2, 3, 4, 8))
            hours += n
            when = self.booking_day()
            start = rng.randint(8, 15)
            text = (
                f"Meetingraum \u201e{rng.choice(_ROOMS)}\u201c, {self.p.date(when)}, {start}:00 Uhr, "
                f"Buchung #{rng.randint(10000, 99999)}"
            )
            rows.append(Row(booked, LineItem(text, "", Decimal(str(n)), "Std.", rate, 19)))
        if hours and rng.random() < 0.7:
            included = min(Decimal(str(hours)), Decimal(free * seats))
            rows.append(
                Row(
                    booked,
                    LineItem(
                        f"abzgl. Freistunden lt. Mitgliedschaft ({free * seats} Std./Monat)",
                        "",
                        -included,
                        "Std.",
                        rate,
                        19,
                    ),
                )
            )
        for _ in range(rng.choice((0, 0, 1, 2))):
            text = f"Tagespass Gast {rng.choice(_GUESTS)}, {self.p.date(self.booking_day())}"
            rows.append(
                Row(booked, LineItem(text, "", Decimal(1), "Stk.", Decimal(rng.choice((19, 25, 29))), 19))
            )
        if rng.random() < 0.5:
            pages = rng.randint(12, 480)
            rows.append(
                Row(
                    booked,
                    LineItem(
                        f"Druck/Kopie s/w, {self.month_name(self.last)}",
                        "",
                        Decimal(pages),
                        "Seiten",
                        Decimal(rng.choice(("0.05", "0.08", "0.10"))),
                        19,
                    ),
                )
            )
        if rng.random() < 0.2:
            rows.append(
                Row(
                    booked,
                    LineItem(
                        f"Eventfläche, {self.p.date(self.booking_day())}, Buchung "
                        f"#{rng.randint(10000, 99999)}",
                        "",
                        Decimal(rng.choice((3, 4, 5))),
                        "Std.",
                        Decimal(rng.choice((60, 75, 90))),
                        19,
                    ),
                )
            )
        return rows

    # -- blocks

    def info_rows(self) -> list[tuple[str, str]]:
        d, rng, p = self.data, self.rng, self.p
        rows = [
            (rng.choice(("Rechnungsnummer", "Rechnungsnr.", "Rechnung Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
            (self.member_label, d.customer_no),
            ("Leistungszeitraum", self.period()),
        ]
        if self.payment == "sepa" and rng.random() < 0.6:
            rows.append(("Nächster Lastschrifteinzug", p.date(self.debit_day)))
        if self.payment == "transfer":
            rows.append(("Fällig am", p.date(d.due_date)))
        return rows

    def address_block(self, x: float, y: float) -> float:
        s, r = self.data.supplier, self.data.customer
        contact = f"z. Hd. {r.contact}" if r.contact in _PEOPLE else r.contact
        lines = [r.name, contact, r.street, r.city_line]
        return super().window(x, y, lines, 9.8, sender=f"{s.name} · {s.street} · {s.city_line}")

    def table(self, y: float) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        with_pos = rng.random() < 0.5
        spec = ([("pos", "Pos.", 30, "left")] if with_pos else []) + [
            ("desc", rng.choice(("Beschreibung", "Leistung", "Bezeichnung")), 0, "left"),
            ("qty", "Menge", 62, "right"),
            ("price", rng.choice(("Einzelpreis", "Preis")), 72, "right"),
            ("total", rng.choice(("Betrag", "Netto", "Gesamt netto")), 80, "right"),
        ]
        cols = columns(spec, L, R)  # type: ignore[arg-type]
        head_fill = self.brand if self.layout == "band" else LIGHT
        c.box(L, y - 12, R, y + 5, fill=head_fill, stroke=None)
        colour = WHITE if self.layout == "band" else (0.0, 0.0, 0.0)
        cells(c, cols, y, {col.key: col.head for col in cols}, 8.3, bold=True, colour=colour)
        y += 6
        section = ""
        running = Decimal(0)
        for n, row in enumerate(self.rows, 1):
            if self.sections and row.section != section:
                if section:
                    y = self.subtotal(y, section, running)
                section, running = row.section, Decimal(0)
                y += 17
                c.text(L + 2, y, section, 8.8, bold=True, colour=self.brand)
            running += row.item.total
            y += 15
            lines = c.wrap(row.item.description, cols[1 if with_pos else 0].width, 8.4)
            item = row.item
            cells(
                c,
                cols,
                y,
                {
                    "pos": str(n),
                    "desc": lines[0],
                    "qty": f"{p.quantity(item.quantity)} {item.unit}",
                    "price": p.amount(item.unit_price),
                    "total": p.amount(item.total),
                },
                8.4,
            )
            for more in lines[1:]:
                y += 10.5
                c.text(cols[1 if with_pos else 0].anchor, y, more, 8.4)
            c.line(L, y + 5, R, y + 5, width=0.3, colour=RULE)
        if self.sections and section:
            y = self.subtotal(y, section, running)
        return y + 10

    def subtotal(self, y: float, section: str, value: Decimal) -> float:
        y += 13
        self.c.text(self.RIGHT - 100, y, f"Summe {section.split()[0]}", 8, colour=GREY, align="right")
        self.c.text(self.RIGHT - 3, y, self.p.amount(value), 8, colour=GREY, align="right")
        return y

    def totals(self, y: float) -> tuple[float, Decimal]:
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        net = sum((row.item.total for row in self.rows), Decimal(0))
        vat = round_cent(net * 19 / 100)
        gross = net + vat
        rows: list[tuple[str, Decimal, bool]] = [
            (rng.choice(("Zwischensumme", "Summe netto", "Nettobetrag")), net, False),
            (rng.choice(("zzgl. 19 % USt.", "USt. 19 %", "MwSt. 19 %")), vat, False),
            (rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Summe brutto")), gross, True),
        ]
        due = gross
        self.balance = Decimal(0)
        if self.credit:
            available = Decimal(rng.choice((50, 100, 150, 200, 250, 300, 500)))
            used = min(available, gross)
            self.balance = available - used
            rows.append((rng.choice(_CREDIT_WORDS), -used, False))
            due -= used
        self.after_credit = due
        if self.payment == "card" and due:
            rows.append(("bereits per Kreditkarte bezahlt", -due, False))
            due = Decimal(0)
        if due != gross:
            rows.append((rng.choice(("Offener Betrag", "Zu zahlen", "Zahlbetrag")), due, True))
        x = R - 230
        box = rng.choice(("fill", "frame", "band"))
        top = y + 2
        height = 16 * len(rows) + 10
        if box == "fill":
            c.box(x - 10, top, R + 4, top + height, fill=PALE, stroke=None)
        elif box == "frame":
            c.box(x - 10, top, R + 4, top + height, stroke=self.brand, width=0.8)
        for label, value, bold in rows:
            y += 16
            if bold and box == "band":
                c.box(x - 10, y - 12, R + 4, y + 5, fill=self.brand, stroke=None)
            colour = WHITE if bold and box == "band" else (0.0, 0.0, 0.0)
            c.fit_text(x, y, label, 9.2, 140, bold=bold, colour=colour)
            c.text(R - 2, y, p.amount(value), 9.2, bold=bold, align="right", colour=colour)
        return y + 16, due

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng = self.data, self.p, self.rng
        texts: list[str] = []
        if not self.after_credit:
            texts.append("Der Rechnungsbetrag ist mit Ihrem Guthaben verrechnet; es ist nichts zu zahlen.")
        elif self.payment == "sepa":
            texts.append(
                rng.choice(
                    (
                        f"Der Betrag von {p.amount(due)} wird am {p.date(self.debit_day)} per "
                        f"SEPA-Lastschrift von Ihrem "
                        f"Konto {masked_de(rng)} eingezogen.",
                        f"Wir buchen {p.amount(due)} zum {p.date(self.debit_day)} von Ihrem Konto ab "
                        "(SEPA-Lastschrift).",
                    )
                )
            )
            texts.append(f"Mandatsreferenz: {self.mandate} · Gläubiger-ID: {self.creditor}")
        elif self.payment == "card":
            card = f"{rng.choice(('Visa', 'Mastercard'))} •••• {rng.randint(0, 9999):04d}"
            texts.append(
                f"Der Rechnungsbetrag wurde bereits per Kreditkarte bezahlt ({card}, "
                f"{p.date(d.date)}). Bitte nicht überweisen."
            )
        else:
            texts.append(
                f"Bitte überweisen Sie {p.amount(due)} bis zum {p.date(d.due_date)} unter Angabe der "
                f"Rechnungsnummer auf das unten genannte Konto."
            )
        if self.credit and self.balance:
            texts.append(f"Ihr verbleibendes Guthaben: {p.amount(self.balance)}.")
        elif self.credit:
            texts.append("Ihr Guthaben ist damit aufgebraucht.")
        if self.deposit:
            held = Decimal(rng.choice((300, 500, 800, 1000)))
            since = d.date - dt.timedelta(days=rng.randint(90, 700))
            texts.append(
                f"Hinterlegte Kaution: {p.amount(held)} (seit {p.date(since)}); sie ist nicht Teil dieser "
                f"Rechnung und wird nach Vertragsende erstattet."
            )
        texts.append(
            rng.choice(
                (
                    f"Die Mitgliedschaft wird im Voraus für {self.month_name(self.month)} berechnet, "
                    "Buchungen für "
                    f"{self.month_name(self.last)} nachträglich.",
                    "Kündigungsfrist: 1 Monat zum Monatsende. Danke, dass du bei uns arbeitest!",
                    "Vielen Dank für deine Mitgliedschaft!",
                )
            )
        )
        c = self.c
        for text in texts:
            y = c.paragraph(self.LEFT, y + 3, text, self.RIGHT - self.LEFT, 8.3)
        return y

    def header(self) -> float:
        """The letterhead and the address; returns where the title goes."""
        c, d, rng, L, R, s = self.c, self.data, self.rng, self.LEFT, self.RIGHT, self.data.supplier
        short = s.name.split(" Coworking")[0].split(" UG")[0].split(" GmbH")[0]
        contact = [s.street, s.city_line, d.email, f"Tel. {d.phone}"]
        tagline = rng.choice(_TAGLINES)
        if self.layout == "band":
            c.box(0, 0, c.width, 92, fill=self.brand, stroke=None)
            c.fit_text(L, 48, short, 22, 300, bold=True, colour=WHITE)
            c.fit_text(L, 66, tagline, 8.5, 300, colour=WHITE)
            for i, text in enumerate(contact):
                c.text(R, 34 + 11 * i, text, 7.6, align="right", colour=WHITE)
            y = self.address_block(L, 130)
            info = label_rows(
                c, self.info_rows(), 330, R, 130, 8.5, 13.5, value_align="right", label_colour=GREY
            )
            return max(y, info) + 18
        if self.layout == "sidebar":
            c.box(0, 0, 26, c.height, fill=self.brand, stroke=None)
            logo(c, rng.choice(("circle", "square")), L, 34, 34, self.brand, initials(short))
            c.fit_text(L + 44, 52, short, 16, 250, bold=True)
            c.text(L + 44, 65, tagline, 7.8, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 40 + 10.5 * i, text, 7.6, align="right", colour=GREY)
            y = self.address_block(L, 128)
            y = max(y, 200.0) + 6
            rows = self.info_rows()
            w = (R - L) / len(rows)
            c.box(L, y, R, y + 34, fill=PALE, stroke=None)
            for k, (label, value) in enumerate(rows):
                c.fit_text(L + 6 + k * w, y + 13, label, 7.2, w - 10, colour=GREY)
                c.fit_text(L + 6 + k * w, y + 26, value, 8.8, w - 10, bold=k == 0)
            return y + 60
        c.fit_text(R, 50, short, 17, 280, bold=True, align="right", colour=self.brand)
        c.fit_text(R, 63, " · ".join(contact[:2]), 7.6, 330, align="right", colour=GREY)
        c.fit_text(R, 73, " · ".join(contact[2:]), 7.6, 330, align="right", colour=GREY)
        y = self.address_block(L, 120)
        c.text(L, max(y, 190.0) + 16, "Rechnung", 24, bold=True, colour=self.brand)
        y = max(y, 190.0) + 36
        rows = self.info_rows()
        half = (R - L) / 2
        for k, (label, value) in enumerate(rows):
            x = L + (k % 2) * half
            yy = y + (k // 2) * 26
            c.text(x, yy, label, 7.5, colour=GREY)
            c.text(x, yy + 11, value, 9.2, bold=k == 0)
        return y + 26 * ((len(rows) + 1) // 2) + 14

    def title(self, y: float) -> float:
        if self.layout == "plain":
            return y
        c, d, rng = self.c, self.data, self.rng
        title = rng.choice(("Rechnung", "Rechnung Mitgliedschaft", f"Rechnung {self.month_name(self.month)}"))
        c.text(
            self.LEFT, y, title, 15, bold=True, colour=self.brand if self.layout == "sidebar" else (0, 0, 0)
        )
        y += 16
        person = d.customer.contact in _PEOPLE
        greeting = f"Hallo {d.customer.contact.split()[0]}," if person and rng.random() < 0.6 else ""
        if greeting:
            c.text(self.LEFT, y + 4, greeting, 9)
            y += 16
        return y + 8

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        if self.payment == "sepa":
            bank.append(f"Gläubiger-ID {self.creditor}")
        cols = [
            [s.name, s.street, s.city_line, f"www.{d.email.split('@')[1]}"],
            [
                f"Geschäftsführung: {d.ceo}",
                f"Amtsgericht {s.city}, {d.register}",
                *self.tax_ids("USt-IdNr.", "St.-Nr."),
            ],
            bank,
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.9)

    def draw(self) -> TripDrawing:
        y = self.title(self.header())
        y = self.table(y + 8)
        if y + 90 > self.limit:
            y = self.next_page()
        y, due = self.totals(y)
        if y + 70 > self.limit:
            y = self.next_page()
        y = self.closing(y + 6, due)
        assert y < self.limit + 6, "coworking_mitglied: page overflow"
        pages = self.close_pages(False)
        return self.finish(
            [row.item for row in self.rows],
            "Rechnung",
            pages=pages,
            customer_no=True,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

DIGITAL_FAMILIES: dict[str, type[TripSheet]] = {
    "ads_plattform_ie": AdsPlattformIe,
    "coworking_mitglied": CoworkingMitglied,
}


def draw_digital(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(DIGITAL_FAMILIES[name], name, seed)
