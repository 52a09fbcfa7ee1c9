"""Four invoice layout families of producers abroad and of a German exporter, designed blind (session 14).

Like `families_more`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_world(name, seed)`. Each family draws its page(s) with the shared pieces of `families_more` and returns
a `WorldDrawing`: a `Drawing` whose truth names the currency printed and leaves out the IBAN and BIC when no
IBAN is printed, and the VAT when no VAT amount or rate is printed (keys only for values printed on the page):

- `webshop_nl`: a Dutch consumer-electronics web shop's "Factuur" to a consumer: Factuurnummer, Factuurdatum,
  Ordernummer, Orderdatum ("18 april 2014"), Klantnummer, sometimes a Leverdatum and a delivery address; an
  item table (Aantal, Omschrijving, Prijs, BTW %, Totaal; an article number column on some seeds) with
  serial numbers and "Incl. Thuiskopieheffing € 3,00" lines under some items; prices with VAT on most seeds
  (the net then worked back from the gross per rate, as shops do) or without; "Totaal excl. BTW", "BTW 21%"
  (and 9 % for a book), "Totaal incl. BTW" ("€ 593,36"), "Betaald via iDEAL"; a footer with KvK-nummer,
  BTW-nummer (NL...B01), IBAN NL.. and BIC. Truth: number, date, amounts, EUR, `ust_id` (the shop's
  BTW-nummer), IBAN, BIC, supplier, pages, `kundennummer`, `bestellnummer` (the Ordernummer) and
  `leistungsdatum` when a Leverdatum is printed.
- `facture_fai`: a French internet provider's monthly bill to a consumer: "Facture n° 562044387", "Date de
  facture : 02/07/2015", "Date limite de paiement", "Identifiant client", the line number, subscriptions "du
  01/07/2015 au 31/07/2015", last month's calls, one-off fees and discounts (amounts HT, a TVA column on
  some seeds), a summary by section on some seeds, "Total HT", "TVA 20 %", "Total TTC", "Montant à payer",
  paid by direct debit ("prélevé le ...", the customer's IBAN masked) or by transfer, SIREN / RCS / SIRET,
  "N° TVA intracommunautaire : FR..", the provider's IBAN FR.. and BIC. Truth: the usual keys with
  `kundennummer` (the Identifiant client).
- `erp_en`: an English invoice as an ERP (Odoo-like, three report layouts) prints it, by a seller in the USA
  (USD, "$ 1,234.56", dates MM/DD/YYYY, sales tax 15 % or a state rate), the UK (GBP, "£ 1,234.56", DD/MM/YYYY,
  VAT 20 %) or Ireland (EUR, DD/MM/YYYY, VAT 23 %): "Invoice INV/2023/03/0008", "Invoice Date", "Due Date",
  section rows in the item table ("--- Non Food ---" or a plain title, with section subtotals), a "Disc.%"
  column on most seeds, a "Taxes" column per line ("15%", "0%"), notes under lines, "Untaxed Amount",
  "Tax 15%", "Total", the payment communication and terms. Truth: `waehrung` USD, GBP or EUR (the code is
  printed too); `ust_id` only for the UK's and Ireland's VAT numbers (a US seller prints its EIN, which is
  not in the truth); `iban` and `bic` only when an IBAN is printed (never in the USA, where account and ABA
  routing number are printed; in the UK on some seeds sort code and account only); `bestellnummer` for a
  printed customer reference. The index records the month-first US dates as date format "en_us".
- `hosting_export`: a German hosting provider's monthly invoice to a business customer in Hong Kong,
  Switzerland or the USA, with no German VAT: positions of several lines (product, "Grundgebühr pro
  Einheit", "Dienst: web01_prod", the period "01.05.14-31.05.14") with Pos., Menge, Beschreibung, Rabatt %,
  VK-Preis and Zeilenbetrag (headed "Ohne MwSt." on some seeds); on some seeds the table runs over one or
  two page breaks, the letterhead, address block and table head repeated on every page; a note such as
  "Nicht im Inland steuerbare Leistung" or "Steuerschuldnerschaft des Leistungsempfängers"; "Rechnungsbetrag"
  = the net. Truth: gross = net; `mwst` 0.0 only on the seeds that print a VAT line ("MwSt. 0 %" with
  0,00 €), left out on the seeds that print none (only "Summe netto" and/or "Rechnungsbetrag"); the
  seller's `ust_id` (and `steuernummer` when printed), `kundennummer`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from schwifty import IBAN
from stdnum import luhn
from stdnum.fr import tva
from stdnum.gb import vat as gb_vat
from stdnum.ie import vat as ie_vat
from stdnum.nl import btw
from stdnum.us import rtn

from benchmarks.synth.families_more import (
    BRANDS,
    GREY,
    LIGHT,
    WHITE,
    Col,
    Drawing,
    Sheet,
    _renamed,
    cells,
    columns,
    draw_sheet,
    footer_columns,
    initials,
    label_rows,
    logo,
    month_before,
    pick_items,
)
from benchmarks.synth.invoice_gen import (
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, BLACK, Align, Colour
from benchmarks.synth.printed import MONTHS_FR, Printer

PALE: Colour = (0.96, 0.96, 0.96)
RULE: Colour = (0.78, 0.78, 0.78)
MORE_BRANDS: tuple[Colour, ...] = (*BRANDS, (0.0, 0.55, 0.8), (0.93, 0.45, 0.0), (0.45, 0.25, 0.6))


# ---------------------------------------------------------------------------
# What a family hands back


@dataclass(frozen=True)
class WorldPrinter(Printer):
    """A printer for any currency sign and code, and for month-first dates with slashes (03/20/2023)."""

    sign: str = "€"
    code: str = "EUR"
    month_first: bool = False

    def amount(self, value: Decimal) -> str:
        return super().amount(value).replace("€", self.sign).replace("EUR", self.code)

    def date(self, day: dt.date) -> str:
        if self.month_first:
            return f"{day.month:02d}/{day.day:02d}/{day.year}"
        return super().date(day)


@dataclass(frozen=True)
class WorldDrawing(Drawing):
    """A drawing whose currency may not be the euro, and which may print no IBAN or no VAT amount."""

    currency: str = "EUR"
    bank: bool = True  # an IBAN (and BIC) printed
    vat_printed: bool = True  # a VAT amount or rate printed

    def truth(self) -> dict:
        truth = super().truth() | {"waehrung": self.currency}
        dropped = ({"iban", "bic"} if not self.bank else set()) | (
            {"mwst"} if not self.vat_printed else set()
        )
        return {key: value for key, value in truth.items() if key not in dropped}


class WorldSheet(Sheet):
    """A sheet that prints addresses abroad and hands back a `WorldDrawing`."""

    def window(
        self, x: float, y: float, lines: Sequence[str], size: float = 10.0, *, sender: str = ""
    ) -> float:
        """An address block from baseline `y` (a small sender line above it when given); returns the baseline
        after it."""
        c = self.c
        if sender:
            c.fit_text(x, y, sender, 6.5, 250, colour=GREY, min_size=5.5)
            y += 15
        for line in lines:
            if line:
                c.text(x, y, line, size)
                y += size * 1.3
        return y

    def finish(
        self,
        items: list[LineItem],
        title: str,
        *,
        pages: int = 1,
        service_date: bool = True,
        customer_no: bool = True,
        order_no: bool = False,
        currency: str = "EUR",
        bank: bool = True,
        vat_printed: bool = True,
    ) -> WorldDrawing:
        drawing = super().finish(
            items, title, pages=pages, service_date=service_date, customer_no=customer_no, order_no=order_no
        )
        fields = {f.name: getattr(drawing, f.name) for f in dataclasses.fields(drawing)}
        return WorldDrawing(**fields, currency=currency, bank=bank, vat_printed=vat_printed)


@dataclass(frozen=True)
class Discounted:
    """A line with a list price and a discount in per cent; its item carries the discounted unit price."""

    item: LineItem
    price: Decimal
    discount: int


def discounted(item: LineItem, discount: int) -> Discounted:
    return Discounted(
        dataclasses.replace(item, unit_price=item.unit_price * (100 - discount) / 100),
        item.unit_price,
        discount,
    )


# ---------------------------------------------------------------------------
# Parties, identifiers and banks abroad


@dataclass(frozen=True)
class Address:
    """A party and the lines of its address below its name, as the post of its country wants them."""

    party: Party
    lines: tuple[str, ...]

    @property
    def block(self) -> list[str]:
        return [self.party.name, *self.lines]


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def _domain(name: str, tld: str) -> str:
    word = name.split()[0].lower()
    for a, b in (("é", "e"), ("è", "e"), ("ê", "e"), ("à", "a"), ("ç", "c"), ("ü", "ue"), ("ö", "oe"),
                 ("ä", "ae"), ("'", ""), (",", ""), ("&", "")):  # fmt: skip
        word = word.replace(a, b)
    return f"{word}.{tld}"


def nl_vat_id(rng: random.Random) -> str:
    """A Dutch company's BTW-nummer: NL, nine digits passing the eleven test, B01."""
    while True:
        number = f"NL{_digits(rng, 9)}B01"
        if btw.is_valid(number):
            return number


def fr_siren(rng: random.Random) -> str:
    body = _digits(rng, 8)
    return body + luhn.calc_check_digit(body)


def fr_vat_id(siren: str) -> str:
    """The French VAT number of a SIREN: FR, its two-digit key, the SIREN."""
    number = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    assert tva.is_valid(number), number
    return number


def gb_vat_id(rng: random.Random) -> str:
    """A UK VAT registration number: GB and nine digits passing the mod-97 check."""
    while True:
        number = f"GB{_digits(rng, 9)}"
        if gb_vat.is_valid(number):
            return number


def ie_vat_id(rng: random.Random) -> str:
    """An Irish VAT number: IE, seven digits and the check letter."""
    digits = _digits(rng, 7)
    return f"IE{digits}{ie_vat.calc_check_digit(digits)}"


def us_routing(rng: random.Random) -> str:
    """An ABA routing number with a valid check digit."""
    body = (
        f"{rng.choice(('02', '03', '04', '06', '07', '09', '11', '12', '21', '26', '32'))}{_digits(rng, 6)}"
    )
    return body + rtn.calc_check_digit(body)


def iban_of(rng: random.Random, country: str, banks: Sequence[str], digits: int) -> IBAN:
    """An IBAN of `country` at one of `banks` (bank and branch codes) whose BBAN checks and whose BIC is known."""
    while True:
        try:
            iban = IBAN.generate(country, bank_code=rng.choice(banks), account_code=_digits(rng, digits))
            IBAN(str(iban), validate_bban=True)
        except ValueError:
            continue
        if iban.bic is not None:
            return iban


_BANK_NAMES = {
    "ABNA": "ABN AMRO Bank N.V.", "INGB": "ING Bank N.V.", "RABO": "Rabobank", "KNAB": "Knab",
    "SNSB": "SNS Bank", "BUNQ": "bunq B.V.", "TRIO": "Triodos Bank", "30004": "BNP Paribas",
    "30003": "Société Générale", "30002": "LCL", "10207": "Banque Populaire", "20041": "La Banque Postale",
    "10278": "Crédit Mutuel", "NWBK": "NatWest", "BARC": "Barclays Bank", "LOYD": "Lloyds Bank",
    "HBUK": "HSBC UK", "AIBK": "AIB", "BOFI": "Bank of Ireland", "IPBS": "PTSB", "ULSB": "Ulster Bank",
}  # fmt: skip


def bank_name(iban: IBAN) -> str:
    return _BANK_NAMES.get(str(iban.bank_code), iban.bank_short_name or "")


def masked(rng: random.Random, country: str) -> str:
    """A customer's IBAN as a bill shows it, all but the last digits starred."""
    return (
        f"{country}{rng.randint(10, 99)} **** **** **** **** ***{rng.randint(0, 9)} {rng.randint(100, 999)}"
    )


# Dutch places: (postcode digits, place), streets.
_NL_PLACES = (("1012", "Amsterdam"), ("3011", "Rotterdam"), ("3511", "Utrecht"), ("2511", "Den Haag"),
              ("5611", "Eindhoven"), ("9711", "Groningen"), ("6811", "Arnhem"), ("4811", "Breda"),
              ("2011", "Haarlem"), ("8011", "Zwolle"), ("6211", "Maastricht"), ("7511", "Enschede"))  # fmt: skip
_NL_STREETS = ("Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Prinsengracht", "Wilhelminastraat",
               "Julianalaan", "Beatrixstraat", "Schoolstraat", "Industrieweg", "Nieuwe Binnenweg",
               "Oudegracht")  # fmt: skip
_PC_LETTERS = "ABCDEGHJKLMNPRTVWXZ"


def nl_address(rng: random.Random, names: Sequence[str], *, capitals: bool = False) -> Address:
    digits, place = rng.choice(_NL_PLACES)
    postcode = f"{digits} {rng.choice(_PC_LETTERS)}{rng.choice(_PC_LETTERS)}"
    street = f"{rng.choice(_NL_STREETS)} {rng.randint(1, 240)}{rng.choice(('', '', '', '-A', 'bis', ' 2'))}"
    party = Party(rng.choice(names), street, postcode, place, "NL")
    return Address(party, (street, f"{postcode}  {place.upper() if capitals else place}"))


_FR_PLACES = (("75008", "Paris"), ("75011", "Paris"), ("69003", "Lyon"), ("13008", "Marseille"),
              ("31000", "Toulouse"), ("33000", "Bordeaux"), ("59000", "Lille"), ("44000", "Nantes"),
              ("67000", "Strasbourg"), ("35000", "Rennes"), ("92100", "Boulogne-Billancourt"))  # fmt: skip
_FR_STREETS = ("rue de la République", "avenue Victor Hugo", "boulevard Saint-Michel", "rue des Écoles",
               "rue des Lilas", "allée des Tilleuls", "rue du Moulin", "avenue Jean Jaurès", "place de la Gare",
               "rue Pasteur", "chemin des Vignes")  # fmt: skip


def fr_address(
    rng: random.Random, names: Sequence[str], places: Sequence[tuple[str, str]] = _FR_PLACES
) -> Address:
    plz, city = rng.choice(places)
    street = f"{rng.randint(1, 180)}{rng.choice(('', '', '', ' bis'))} {rng.choice(_FR_STREETS)}"
    return Address(Party(rng.choice(names), street, plz, city, "FR"), (street, f"{plz} {city.upper()}"))


# Per country abroad: (place lines, streets), each place the lines after the street.
_ABROAD: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]] = {
    "US": ((("Austin, TX 78701",), ("San Francisco, CA 94103",), ("Denver, CO 80202",), ("Chicago, IL 60606",),
            ("Columbus, OH 43215",), ("Raleigh, NC 27601",), ("Portland, OR 97204",), ("Boston, MA 02110",)),
           ("1600 Main Street, Suite 200", "415 Mission Street", "88 Commerce Drive", "2100 Lakeshore Blvd",
            "7 Industrial Park Road", "1200 Market Street, Suite 400", "350 Oak Avenue")),
    "GB": ((("Reading", "RG1 8DB"), ("Manchester", "M1 4BT"), ("Leeds", "LS1 5AB"), ("Bristol", "BS1 6QH"),
            ("London", "EC1V 9HX"), ("Glasgow", "G2 5UB"), ("Cambridge", "CB2 1TN")),
           ("Unit 4, Riverside Park", "12 High Street", "Suite 3, Kings Court", "27 Station Road",
            "Brunel House, 9 Canal Wharf", "101 Victoria Street")),
    "IE": ((("Dublin 2", "D02 X285"), ("Dublin 18", "D18 K7W4"), ("Cork", "T12 R2NC"), ("Galway", "H91 E2K3"),
            ("Limerick", "V94 T9PX")),
           ("Unit 12, Sandyford Business Park", "14 Grafton Street", "3 Harbour Row", "The Mill, Quay Street",
            "45 O'Connell Street")),
    "HK": ((("Central", "HONGKONG"), ("Wan Chai", "HONGKONG"), ("Kowloon Bay", "HONGKONG"),
            ("Tsim Sha Tsui, Kowloon", "HONG KONG")),
           ("Flat 12B, 88 Queen's Road Central", "Unit 1203, 12/F, Harbour Centre",
            "Room 805, Tower 2, 8 Sheung Yuet Road", "18/F, 9 Canton Road")),
    "CH": ((("8001 Zürich", "SCHWEIZ"), ("4051 Basel", "SCHWEIZ"), ("3011 Bern", "SCHWEIZ"),
            ("6300 Zug", "SCHWEIZ"), ("1204 Genève", "SUISSE")),
           ("Bahnhofstrasse 12", "Seefeldstrasse 45", "Aeschenvorstadt 4", "Industriestrasse 21",
            "Rue du Rhône 8")),
    "USA": ((("San Francisco, CA 94103", "USA"), ("Seattle, WA 98101", "USA"), ("Austin, TX 78701", "USA"),
             ("New York, NY 10013", "USA"), ("Wilmington, DE 19801", "USA")),
            ("1200 Market Street, Suite 400", "500 Pine Street", "221 Congress Avenue",
             "75 Varick Street, 9th Floor", "1000 N West Street, Suite 1200")),
}  # fmt: skip


def abroad(rng: random.Random, country: str, names: Sequence[str], *, country_line: str = "") -> Address:
    """An address in `country` (US, GB, IE: a country line added when given; HK, CH, USA: with their own)."""
    places, streets = _ABROAD[country]
    place, street = rng.choice(places), rng.choice(streets)
    party = Party(rng.choice(names), street, "", place[0], country)
    return Address(party, (street, *place, *((country_line,) if country_line else ())))


# ---------------------------------------------------------------------------
# webshop_nl

_SHOPS = ("Stekkerwinkel B.V.", "PixelPlaza Nederland B.V.", "Beeldbuis Elektronica B.V.", "Gadgetgracht B.V.",
          "Kabeldirect Online B.V.", "Megabyte Webwinkel B.V.")  # fmt: skip
_CONSUMERS = ("Dhr. J. de Vries", "Mevr. S. Bakker", "Dhr. P. van den Berg", "Mevr. A. Jansen-Visser",
              "Dhr. M. Smit", "Mevr. E. de Jong", "Dhr. T. Mulder", "Fam. Bos", "Mevr. F. El Amrani")  # fmt: skip
_TAGLINES = ("Alles voor je digitale leven", "Voor 23:59 besteld, morgen in huis", "Elektronica voor iedereen",
             "Jouw specialist in beeld en geluid")  # fmt: skip
NL_LEVY = "Thuiskopieheffing"
# (description, least and most gross price in whole euros, serial-number prefix ("" for none), levy in euros
# ("" for none), VAT rate)
_GADGETS: tuple[tuple[str, int, int, str, str, int], ...] = (
    ("Apple iPhone 13 128GB Middernacht", 729, 899, "F", "3.00", 21),
    ("Samsung Galaxy A54 5G 128GB Zwart", 349, 449, "R58", "3.00", 21),
    ("Samsung Galaxy Tab S6 Lite 64GB Wifi Grijs", 299, 379, "R52", "3.00", 21),
    ("Lenovo IdeaPad 5 14ALC05 - 16GB - 512GB SSD", 649, 899, "PF", "5.00", 21),
    ("HP 15s-fq5035nd - i5 - 8GB - 512GB SSD", 549, 699, "5CD", "5.00", 21),
    ("Samsung T7 Portable SSD 1TB Grijs", 99, 149, "S5S", "3.00", 21),
    ("WD My Passport 4TB Zwart", 99, 139, "WX", "3.00", 21),
    ("SanDisk Extreme microSDXC 128GB + SD-adapter", 19, 34, "", "0.60", 21),
    ("Kingston DataTraveler Exodia 64GB USB-stick", 7, 12, "", "0.30", 21),
    ("LG 27UL850-W 27 inch 4K monitor", 349, 479, "105N", "", 21),
    ("Sony WH-1000XM4 draadloze koptelefoon Zwart", 249, 349, "S01", "", 21),
    ("Logitech MX Master 3S draadloze muis Grafiet", 89, 119, "", "", 21),
    ("Logitech K120 toetsenbord QWERTY", 14, 22, "", "", 21),
    ("Philips Hue White and Color Ambiance E27 starterpakket", 129, 179, "", "", 21),
    ("Belkin USB-C naar HDMI kabel 2 meter", 19, 29, "", "", 21),
    ("TP-Link Archer AX55 WiFi 6 router", 79, 109, "22", "", 21),
    ("Nintendo Switch OLED Wit", 329, 359, "XTW", "", 21),
    ("Boek: Aan de slag met Raspberry Pi", 24, 34, "", "", 9),
)
_SHIPPING = ("Verzendkosten", "Bezorgkosten")


@dataclass(frozen=True)
class Sold:
    """One line of the shop's order: the item (net, for the truth) and what its row prints."""

    item: LineItem
    price: Decimal  # the unit price as printed (with or without VAT)
    total: Decimal  # the line total as printed
    serials: tuple[str, ...] = ()
    levy: Decimal | None = None


def nets_of_gross(lines: Sequence[tuple[Decimal, int]]) -> list[Decimal] | None:
    """Net line totals for gross line totals (gross, rate), as a shop that prices with VAT works them out: per
    rate, the net is the gross sum divided by 1 + rate, rounded, and the VAT on that net is the rest of the gross
    (None when the cents do not allow it); the dearest line of a rate takes the rounding difference."""
    nets = [round_cent(gross * 100 / (100 + rate)) for gross, rate in lines]
    for rate in sorted({rate for _, rate in lines}):
        rows = [i for i, (_, r) in enumerate(lines) if r == rate]
        gross = sum((lines[i][0] for i in rows), Decimal(0))
        net = round_cent(gross * 100 / (100 + rate))
        if net + round_cent(net * rate / 100) != gross:
            return None
        nets[max(rows, key=lambda i: lines[i][0])] += net - sum((nets[i] for i in rows), Decimal(0))
    return nets


class WebshopNl(WorldSheet):
    """A Dutch web shop's invoice to a consumer, already paid by iDEAL."""

    FONTS = ("dejavu-sans", "liberation-sans", "dejavu-sans-condensed")
    NUMBERS = ("de",)
    CURRENCY = ("sign_before",)
    DATES = ("nl_long",)
    IDS = "vat"
    GROUPED = 0.75

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        shop = nl_address(rng, _SHOPS)
        buyer = nl_address(rng, _CONSUMERS, capitals=rng.random() < 0.4)
        self.order_day = data.date - dt.timedelta(days=rng.randint(0, 5))
        year = data.date.year
        number = rng.choice(
            (str(rng.randint(10**8, 10**9 - 1)), f"{year}{rng.randint(10**6, 10**7 - 1)}",
             f"F{year % 100:02d}-{rng.randint(10**5, 10**6 - 1)}")
        )  # fmt: skip
        order_no = rng.choice((str(rng.randint(10**7, 10**8 - 1)), f"ORD-{rng.randint(10**6, 10**7 - 1)}"))
        delivered = data.date + dt.timedelta(days=rng.randint(0, 2)) if rng.random() < 0.35 else None
        self.domain = _domain(shop.party.name, "nl")
        data = dataclasses.replace(
            data,
            number=number,
            service_date=delivered,
            due_date=data.date,
            customer_no=str(rng.randint(10**6, 10**7 - 1)),
            order_no=order_no,
            supplier=shop.party,
            customer=buyer.party,
            phone=rng.choice(("020", "010", "030", "088"))
            + f" {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            email=f"klantenservice@{self.domain}",
            vat_id=nl_vat_id(rng),
            tax_no="",
            iban=iban_of(rng, "NL", ("ABNA", "INGB", "RABO", "KNAB", "SNSB", "BUNQ"), 10),
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        self.shop, self.buyer = shop, buyer
        self.brand = rng.choice(MORE_BRANDS)
        self.kvk = _digits(rng, 8)
        self.gross = rng.random() < 0.75  # prices with VAT in the table
        self.head_style = rng.choice(("logo", "wordmark"))
        self.info_style = rng.choice(("rows", "strip"))
        self.table_style = rng.choice(("band", "grey", "ruled"))
        self.deliver_to = nl_address(rng, (buyer.party.name,)) if rng.random() < 0.35 else None
        self.articles = rng.random() < 0.35

    # -- the order

    def order(self) -> list[Sold]:
        rng = self.rng
        for _ in range(200):
            count = rng.choices((1, 2, 3, 4, 5), weights=(3, 4, 3, 2, 1))[0]
            rows = []
            for desc, lo, hi, serial, levy, rate in rng.sample(_GADGETS, count):
                qty = 1 if serial and rng.random() < 0.85 else rng.choice((1, 1, 2, 3))
                gross = Decimal(rng.randint(lo, hi)) - Decimal(rng.choice(("0.01", "0.01", "0.05", "0", "1")))
                serials = tuple(self.serial(serial) for _ in range(qty)) if serial else ()
                rows.append((desc, Decimal(qty), gross, rate, serials, Decimal(levy) if levy else None))
            if rng.random() < 0.5:
                fee = Decimal(rng.choice(("0", "0", "4.95", "6.95")))
                rows.append((rng.choice(_SHIPPING), Decimal(1), fee, 21, (), None))
            sold = self.priced(rows)
            if sold:
                return sold
        raise AssertionError("webshop_nl: no order whose cents add up")

    def serial(self, prefix: str) -> str:
        chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        return prefix + "".join(self.rng.choice(chars) for _ in range(12 - len(prefix)))

    def priced(
        self, rows: list[tuple[str, Decimal, Decimal, int, tuple[str, ...], Decimal | None]]
    ) -> list[Sold] | None:
        """The order's lines priced with VAT (nets worked back) or without; None when the cents do not add up."""
        article = (lambda: str(self.rng.randint(100000, 999999))) if self.articles else (lambda: "")
        if not self.gross:
            sold = []
            for desc, qty, gross, rate, serials, levy in rows:
                net = round_cent(gross * 100 / (100 + rate))
                item = LineItem(desc, article(), qty, "st.", net, rate)
                sold.append(Sold(item, net, item.total, serials, levy))
            return sold
        nets = nets_of_gross([(qty * gross, rate) for _, qty, gross, rate, _, _ in rows])
        if nets is None:
            return None
        sold = []
        for (desc, qty, gross, rate, serials, levy), net in zip(rows, nets, strict=True):
            item = LineItem(desc, article(), qty, "st.", net / qty, rate)
            assert item.total == net
            sold.append(Sold(item, gross, qty * gross, serials, levy))
        return sold

    # -- the page

    def header(self) -> float:
        c, d, s, L, R = self.c, self.data, self.shop, self.LEFT, self.RIGHT
        name = s.party.name.removesuffix(" B.V.")
        if self.head_style == "logo":
            logo(c, self.rng.choice(("circle", "square")), L, 34, 42, self.brand, initials(name))
            c.fit_text(L + 52, 58, name, 17, 250, bold=True, colour=self.brand)
            c.text(L + 52, 71, self.rng.choice(_TAGLINES), 8, colour=GREY)
            lines = [s.party.name, *s.lines, f"Tel. {d.phone}", f"www.{self.domain}"]
            for i, line in enumerate(lines):
                c.text(R, 44 + 10 * i, line, 7.5, align="right", colour=GREY)
            c.text(L, 252, "Factuur", 20, bold=True)
            return 262
        c.fit_text(L, 64, name.lower(), 26, 300, bold=True, colour=self.brand)
        c.text(L, 80, self.rng.choice(_TAGLINES), 8.5, colour=GREY)
        c.text(R, 62, "FACTUUR" if self.rng.random() < 0.5 else "Factuur", 22, bold=True, align="right")
        c.text(R, 78, f"{s.party.name} · {s.lines[0]} · {s.lines[1]}", 7, align="right", colour=GREY)
        return 236

    def addresses(self) -> None:
        L = self.LEFT
        sender = f"{self.shop.party.name} · Postbus {self.rng.randint(1000, 9999)} · {self.shop.lines[1]}"
        titled = self.deliver_to is not None or self.rng.random() < 0.5
        y = 132.0
        if titled:
            self.c.text(L, y, "Factuuradres", 7.5, bold=True, colour=GREY)
            y += 13
        self.window(L, y, self.buyer.block, 9.5, sender="" if titled else sender)
        if self.deliver_to:
            self.c.text(L + 170, 132, "Afleveradres", 7.5, bold=True, colour=GREY)
            self.window(L + 170, 145, self.deliver_to.block, 9.5)

    def info_rows(self) -> list[tuple[str, str]]:
        d, p, rng = self.data, self.p, self.rng
        rows = [
            (rng.choice(("Factuurnummer", "Factuurnr.")), d.number),
            ("Factuurdatum", p.date(d.date)),
            (rng.choice(("Ordernummer", "Bestelnummer")), d.order_no),
            (rng.choice(("Orderdatum", "Besteldatum")), p.date(self.order_day)),
            (rng.choice(("Klantnummer", "Klantnr.")), d.customer_no),
        ]
        if d.service_date:
            rows.append(("Leverdatum", p.date(d.service_date)))
        return rows

    def info(self, top: float) -> float:
        c, rows, R = self.c, self.info_rows(), self.RIGHT
        if self.info_style == "rows":
            x = 365.0
            label_rows(c, rows, x, R, 138, 8.5, 14, value_align="right", label_colour=GREY)
            return top
        width = (R - self.LEFT) / len(rows)
        y = top + 6
        c.box(self.LEFT, y, R, y + 32, stroke=RULE, width=0.5)
        for i, (label, value) in enumerate(rows):
            x = self.LEFT + i * width
            if i:
                c.line(x, y, x, y + 32, width=0.5, colour=RULE)
            c.fit_text(x + 5, y + 11, label, 7, width - 10, colour=GREY)
            c.fit_text(x + 5, y + 25, value, 9, width - 10, bold=True)
        return y + 46

    def table(self, y: float, sold: list[Sold]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        suffix = "" if self.gross else " excl."
        spec: list[tuple[str, str, float, Align]] = [("qty", "Aantal", 46, "center")]
        if self.articles:
            spec.append(("art", "Artikelnr.", 60, "left"))
        spec += [("desc", "Omschrijving", 0, "left"), ("price", f"Prijs{suffix}", 74, "right"),
                 ("rate", "BTW %", 44, "right"), ("total", f"Totaal{suffix}", 78, "right")]  # fmt: skip
        cols = columns(spec, L, R)
        desc = next(col for col in cols if col.key == "desc")
        head = {col.key: col.head for col in cols}
        if self.table_style == "band":
            c.box(L, y, R, y + 17, fill=self.brand, stroke=None)
            cells(c, cols, y + 12, head, 8.5, bold=True, colour=WHITE)
        elif self.table_style == "grey":
            c.box(L, y, R, y + 17, fill=LIGHT, stroke=None)
            cells(c, cols, y + 12, head, 8.5, bold=True)
        else:
            cells(c, cols, y + 12, head, 8.5, bold=True)
            c.line(L, y + 17, R, y + 17, width=0.8)
        y += 17
        for line in sold:
            item = line.item
            y += 15
            wrapped = c.wrap(item.description, desc.width, 9)
            cells(c, cols, y, {"qty": p.quantity(item.quantity), "art": item.article, "desc": wrapped[0],
                               "price": p.amount(line.price), "rate": f"{item.rate}%",
                               "total": p.amount(line.total)}, 9)  # fmt: skip
            for text in wrapped[1:]:
                y += 11
                c.text(desc.anchor, y, text, 9)
            notes = []
            if line.serials:
                word = "Serienummer" if len(line.serials) == 1 else "Serienummers"
                notes.append(f"{word}: {', '.join(line.serials)}")
            if line.levy is not None:
                notes.append(
                    f"Incl. {NL_LEVY} {p.amount(line.levy)}" + (" per stuk" if item.quantity > 1 else "")
                )
            for note in notes:
                y += 10.5
                c.fit_text(desc.anchor, y, note, 7.5, desc.width, colour=GREY)
            y += 6
            c.line(L, y, R, y, width=0.3, colour=RULE)
        return y

    def totals(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        net = sum((v.base for v in vat_lines), Decimal(0))
        gross = net + sum((v.amount for v in vat_lines), Decimal(0))
        form = self.rng.choice(("BTW {r}%", "BTW {r}%", "{r}% BTW"))
        rows = [("Totaal excl. BTW", net, False)]
        rows += [(form.format(r=v.rate), v.amount, False) for v in sorted(vat_lines, key=lambda v: v.rate)]
        if len(vat_lines) > 1:
            rows.append(("Totaal BTW", gross - net, False))
        rows.append(("Totaal incl. BTW", gross, True))
        x = R - 230
        y += 8
        for label, value, bold in rows:
            y += 15
            if bold:
                c.box(x - 6, y - 11, R + 4, y + 5, fill=LIGHT, stroke=None)
            c.text(x, y, label, 9.5 if not bold else 10, bold=bold)
            c.text(R, y, p.amount(value), 9.5 if not bold else 10, bold=bold, align="right")
        return y + 10

    def paid(self, y: float, gross: Decimal) -> float:
        c, p, d, L, R = self.c, self.p, self.data, self.LEFT, self.RIGHT
        x = R - 230
        style = self.rng.choice(("line", "box", "sentence"))
        if style == "line":
            c.text(x, y + 10, "Betaald via iDEAL", 9.5, bold=True, colour=(0.1, 0.5, 0.2))
            c.text(R, y + 10, p.amount(gross), 9.5, align="right")
            c.text(x, y + 23, "Openstaand bedrag", 9)
            c.text(R, y + 23, p.amount(Decimal(0)), 9, align="right")
            y += 34
        elif style == "box":
            c.box(x - 6, y, R + 4, y + 30, stroke=(0.1, 0.5, 0.2), width=0.8)
            c.text(x, y + 13, "Betaald via iDEAL", 9.5, bold=True, colour=(0.1, 0.5, 0.2))
            c.text(x, y + 25, f"op {p.date(self.order_day)}", 8, colour=GREY)
            y += 40
        else:
            text = (f"Betaald via iDEAL op {p.date(self.order_day)}. Deze factuur is voldaan; u hoeft niets meer "
                    "over te maken.")  # fmt: skip
            y = c.paragraph(x, y + 12, text, R - x, 8.5)
        notes = [
            f"Retourneren kan binnen 30 dagen na ontvangst via www.{self.domain}/retourneren.",
            "Bewaar deze factuur goed: zij geldt als garantiebewijs.",
        ]
        if d.service_date is None and self.rng.random() < 0.5:
            notes.append(f"Vragen over je bestelling? Mail naar {d.email} of bel {d.phone}.")
        y += 8
        for note in notes:
            y = c.paragraph(L, y + 2, note, R - L, 8)
        return y

    def footer(self) -> float:
        d, s = self.data, self.shop
        top = A4.height - 72
        tax = [f"KvK-nummer {self.kvk}", f"BTW-nummer {d.vat_id}"]
        self.tax["ust_id"] = d.vat_id
        bank = [bank_name(d.iban), f"IBAN {self.iban}", f"BIC {d.iban.bic}"]
        if self.rng.random() < 0.55:
            cols = ([s.party.name, *s.lines], [f"Tel. {d.phone}", d.email, f"www.{self.domain}"], tax, bank)
            footer_columns(self.c, cols, top, self.LEFT, self.RIGHT, 7)
            return top
        c = self.c
        c.line(self.LEFT, top, self.RIGHT, top, width=0.4, colour=GREY)
        lines = (
            f"{s.party.name} · {s.lines[0]} · {s.lines[1]} · {d.phone} · www.{self.domain}",
            " · ".join(tax),
            " · ".join(bank),
        )
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, top + 12 + 10 * i, line, 7.5, self.RIGHT - self.LEFT, align="center")
        return top

    def draw(self) -> Drawing:
        sold = self.order()
        items = [line.item for line in sold]
        vat_lines = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat_lines), Decimal(0))
        assert not self.gross or gross == sum((line.total for line in sold), Decimal(0))
        top = self.header()
        self.addresses()
        y = self.info(top)
        y = self.table(max(y, top) + 8, sold)
        y = self.paid(self.totals(y, vat_lines), gross)
        assert y < self.footer() - 4, "webshop_nl: page overflow"
        return self.finish(items, "Factuur", order_no=True)


# ---------------------------------------------------------------------------
# facture_fai

_ISPS = ("Fibréo Télécom SAS", "NéoBox Communications SA", "Hexaligne Télécom SAS", "Onde Bleue Internet SAS",
         "Réseau Céleste Télécom SA")  # fmt: skip
_FR_CONSUMERS = ("M. Jean Dupont", "Mme Claire Martin", "M. Karim Benali", "Mme Sophie Lefèvre",
                 "M. et Mme Bernard", "Mme Élodie Garnier", "M. Thomas Roux")  # fmt: skip
_OFFERS = ("Fibre Max", "Box Essentielle", "Fibre Pro 1 Gb/s", "ADSL Zen", "Box Intégrale", "Fibre Power")
_Q1: tuple[float, ...] = (1,)
_MINUTES: tuple[float, ...] = tuple(range(3, 180))
_FAI: dict[str, tuple[tuple[str, str, float, float, Sequence[float]], ...]] = {
    "Abonnements et options": (
        ("Forfait {offer}", "mois", 16.66, 41.66, _Q1),
        ("Option TV Bouquet Famille", "mois", 4.16, 12.49, _Q1),
        ("Location décodeur TV 4K", "mois", 2.50, 5.00, _Q1),
        ("Option Sécurité Internet", "mois", 2.50, 4.16, _Q1),
        ("Option appels illimités vers les mobiles", "mois", 4.16, 8.33, _Q1),
        ("Répéteur Wi-Fi", "mois", 2.50, 3.33, _Q1),
    ),
    "Communications": (
        ("Appels vers les mobiles", "min", 0.10, 0.20, _MINUTES),
        ("Appels vers l'international", "min", 0.05, 0.50, _MINUTES),
        ("Numéros spéciaux", "min", 0.10, 0.80, tuple(range(2, 40))),
    ),
    "Frais ponctuels": (
        ("Frais de mise en service", "forfait", 40.00, 49.00, _Q1),
        ("Frais d'envoi du matériel", "forfait", 5.00, 9.00, _Q1),
    ),
    "Remises": (
        ("Remise fidélité", "mois", -5.00, -2.00, _Q1),
        ("Remise offre de bienvenue", "mois", -10.00, -5.00, _Q1),
        ("Geste commercial suite à incident", "forfait", -8.00, -2.00, _Q1),
    ),
}


class FactureFai(WorldSheet):
    """A French internet provider's monthly bill, amounts HT per line and TVA at 20 %."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    NUMBERS = ("de_space",)
    CURRENCY = ("sign_after",)
    DATES = ("fr_slash",)
    IDS = "vat"
    GROUPED = 0.85

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        isp = fr_address(
            rng, _ISPS, (("75008", "Paris"), ("92100", "Boulogne-Billancourt"), ("69003", "Lyon"))
        )
        home = fr_address(rng, _FR_CONSUMERS)
        day = data.date.replace(day=rng.randint(1, 6))
        self.siren = fr_siren(rng)
        self.domain = _domain(isp.party.name, "fr")
        data = dataclasses.replace(
            data,
            number=str(rng.randint(10**8, 10**9 - 1)),
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.randint(12, 20)),
            customer_no=rng.choice((str(rng.randint(10**7, 10**8 - 1)), f"{rng.randint(10**9, 10**10 - 1)}")),
            order_no="",
            supplier=isp.party,
            customer=home.party,
            phone=rng.choice(("3244", "1044", "3900", "09 70 80 90 10")),
            email=f"service-client@{self.domain}",
            vat_id=fr_vat_id(self.siren),
            tax_no="",
            iban=iban_of(
                rng, "FR", ("3000400001", "3000300001", "3000200001", "2004101005", "1027800001"), 11
            ),
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        self.isp, self.home = isp, home
        self.brand = rng.choice(MORE_BRANDS)
        self.line_no = rng.choice(("09", "01", "04", "05")) + "".join(
            f" {rng.randint(10, 99)}" for _ in range(4)
        )
        self.debit = rng.random() < 0.7
        self.debit_day = day + dt.timedelta(days=rng.randint(8, 12))
        self.start = day.replace(day=1)
        self.end = month_before(self.start + dt.timedelta(days=40))[1]
        self.prev = month_before(day)
        self.recap = rng.random() < 0.5
        self.rate_column = rng.random() < 0.4
        self.refs_left = rng.random() < 0.6  # the references left, the address right (a French window)

    def sections(self) -> dict[str, list[LineItem]]:
        rng = self.rng
        offer = rng.choice(_OFFERS)
        counts = {"Abonnements et options": rng.randint(0, 3), "Communications": rng.choice((0, 1, 1, 2)),
                  "Frais ponctuels": rng.choice((0, 0, 0, 1)), "Remises": rng.choice((0, 0, 1))}  # fmt: skip
        sections = {}
        for name, count in counts.items():
            catalog = _FAI[name]
            if name == "Abonnements et options":
                items = pick_items(rng, catalog[:1], 20, 1) + pick_items(rng, catalog[1:], 20, count)
            else:
                items = pick_items(rng, catalog, 20, count)
            if items:
                sections[name] = [
                    dataclasses.replace(i, description=i.description.format(offer=offer)) for i in items
                ]
        return sections

    def period(self, item: LineItem) -> str:
        p = self.p
        if item.unit == "mois":
            return f"du {p.date(self.start)} au {p.date(self.end)}"
        if item.unit == "min":
            return f"du {p.date(self.prev[0])} au {p.date(self.prev[1])}"
        return f"le {p.date(self.prev[1] - dt.timedelta(days=self.rng.randint(0, 20)))}"

    # -- the page

    def header(self) -> None:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        name = self.isp.party.name
        logo(c, self.rng.choice(("circle", "square", "diamond")), L, 32, 40, self.brand, initials(name))
        c.fit_text(L + 50, 52, name.rsplit(" ", 1)[0], 15, 240, bold=True, colour=self.brand)
        c.text(L + 50, 65, "Internet · Téléphone · TV", 8, colour=GREY)
        lines = (f"Service client : {d.phone}", f"Espace abonné : www.{self.domain}", d.email)
        for i, line in enumerate(lines):
            c.text(R, 42 + 10 * i, line, 7.5, align="right", colour=GREY)

    def references(self, x: float, y: float) -> float:
        c, d, p, rng = self.c, self.data, self.p, self.rng
        c.text(x, y, rng.choice(("Vos références", "Votre facture")), 10, bold=True, colour=self.brand)
        rows = [
            (f"Facture n°{rng.choice((' ', ''))}", d.number),
            ("Date de facture :", p.date(d.date)),
            (rng.choice(("Identifiant client :", "Identifiant :")), d.customer_no),
            (rng.choice(("Ligne :", "N° de ligne :", "Votre ligne :")), self.line_no),
            ("Date limite de paiement :", p.date(d.due_date)),
        ]
        return label_rows(c, rows, x, x + 122, y + 16, 8.5, 13)

    def amount_box(self, x: float, y: float, gross: Decimal) -> float:
        c, p, d = self.c, self.p, self.data
        w = 230.0
        c.box(x, y, x + w, y + 52, fill=(0.95, 0.95, 0.97), stroke=self.brand, width=1.0)
        c.text(x + 10, y + 16, "Montant à payer", 10, bold=True)
        c.text(x + w - 10, y + 18, p.amount(gross), 15, bold=True, align="right")
        if self.debit:
            note = f"prélevé le {p.date(self.debit_day)}"
        else:
            note = f"à régler avant le {p.date(d.due_date)}"
        c.text(x + 10, y + 40, note, 8.5, colour=GREY)
        return y + 52

    def recap_block(self, y: float, sections: dict[str, list[LineItem]]) -> float:
        c, p, L = self.c, self.p, self.LEFT
        c.text(L, y, "Récapitulatif", 10, bold=True, colour=self.brand)
        x1 = L + 260
        for name, items in sections.items():
            y += 13
            c.text(L + 8, y, name, 8.5)
            c.text(x1, y, p.amount(sum((i.total for i in items), Decimal(0))), 8.5, align="right")
        c.text(x1 + 6, y, "HT", 7, colour=GREY)
        return y + 8

    def detail(self, y: float, sections: dict[str, list[LineItem]]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", "Désignation", 0, "left"), ("period", "Période", 150, "left"), ("qty", "Quantité", 54, "right")
        ]  # fmt: skip
        if self.rate_column:
            spec.append(("rate", "TVA", 40, "right"))
        spec.append(("total", "Montant HT", 76, "right"))
        cols = columns(spec, L, R)
        c.text(L, y, "Détail de votre facture", 11, bold=True)
        y += 8
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11.5, {col.key: col.head for col in cols}, 8, bold=True)
        y += 16
        for name, items in sections.items():
            y += 14
            c.text(L + 3, y, name, 8.5, bold=True, colour=self.brand)
            for item in items:
                y += 12.5
                qty = f"{p.quantity(item.quantity)} min" if item.unit == "min" else ""
                cells(c, cols, y, {"desc": item.description, "period": self.period(item), "qty": qty,
                                   "rate": f"{item.rate} %", "total": p.amount(item.total)}, 8.5)  # fmt: skip
            y += 4
        c.line(L, y + 2, R, y + 2, width=0.5)
        return y + 2

    def totals(self, y: float, vat: VatLine) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        gross = vat.base + vat.amount
        label = self.rng.choice(("TVA 20 %", "TVA 20 %", "TVA à 20 %", f"TVA 20 % sur {p.amount(vat.base)}"))
        rows = [("Total HT", vat.base, False), (label, vat.amount, False), ("Total TTC", gross, True)]
        x = R - 220
        for label, value, bold in rows:
            y += 14
            c.text(x, y, label, 9, bold=bold)
            c.text(R, y, p.amount(value), 9, bold=bold, align="right")
        y += 18
        c.box(x - 6, y - 12, R + 4, y + 5, fill=self.brand, stroke=None)
        c.text(x, y, "Montant à payer", 10, bold=True, colour=WHITE)
        c.text(R, y, p.amount(gross), 10, bold=True, align="right", colour=WHITE)
        return y + 10

    def payment(self, y: float, gross: Decimal) -> float:
        c, p, d, L, R = self.c, self.p, self.data, self.LEFT, self.RIGHT
        rng = self.rng
        if self.debit:
            ics = f"FR{rng.randint(10, 99)}ZZZ{rng.randint(100000, 999999)}"
            texts = [
                f"Le montant de {p.amount(gross)} sera prélevé le {p.date(self.debit_day)} sur votre compte "
                f"{masked(rng, 'FR')}.",
                f"Référence unique de mandat (RUM) : {d.customer_no}-{rng.randint(1, 9)} · ICS : {ics}",
            ]
        else:
            texts = [
                f"Merci de régler {p.amount(gross)} avant le {p.date(d.due_date)} par virement en rappelant votre "
                "identifiant client.",
            ]
        texts.append("Conservez cette facture : elle vous sera demandée pour toute réclamation.")
        for text in texts:
            y = c.paragraph(L, y + 2, text, R - L, 8.5)
        return y

    def footer(self) -> float:
        c, d, s, L, R = self.c, self.data, self.isp, self.LEFT, self.RIGHT
        top = A4.height - 70
        c.line(L, top, R, top, width=0.4, colour=GREY)
        siren = f"{self.siren[:3]} {self.siren[3:6]} {self.siren[6:]}"
        nic = f"000{self.rng.randint(1, 9)}"
        siret = self.siren + nic + luhn.calc_check_digit(self.siren + nic)
        capital = f"{self.rng.randint(1, 90) * 100000 + self.rng.randint(0, 99999):,}".replace(",", " ")
        self.tax["ust_id"] = d.vat_id
        lines = (
            f"{s.party.name} au capital de {capital} € – Siège social : {s.lines[0]}, {s.lines[1]}",
            f"RCS {s.party.city} {siren} – SIRET {siret} – N° TVA intracommunautaire : {d.vat_id}",
            f"Coordonnées bancaires : {bank_name(d.iban)} – IBAN {self.iban} – BIC {d.iban.bic}",
        )
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, top + 12 + 10 * i, line, 7, R - L, align="center", min_size=5.5)
        return top

    def title(self) -> str:
        month = f"{MONTHS_FR[self.start.month - 1]} {self.start.year}"
        of = "d'" if month[0] in "ao" else "de "  # avril, août, octobre
        return self.rng.choice(
            (f"Facture du mois {of}{month}", f"Votre facture {of}{month}", f"Facture n° {self.data.number}")
        )

    def slip(self, bottom: float, gross: Decimal) -> float:
        """A payment slip to cut off above `bottom`, for paying by cheque; returns its top."""
        c, d, p, L, R, rng = self.c, self.data, self.p, self.LEFT, self.RIGHT, self.rng
        top = bottom - 112
        c.line(L, top, R, top, width=0.5, colour=GREY, dashed=True)
        c.text(L, top + 16, "Talon de paiement", 9, bold=True)
        c.text(L, top + 28, "À joindre à votre règlement par chèque, libellé à l'ordre de", 7.5, colour=GREY)
        c.text(L, top + 38, self.isp.party.name.rsplit(" ", 1)[0], 7.5, colour=GREY)
        rows = [
            ("Identifiant client", d.customer_no),
            ("Facture n°", d.number),
            ("Montant à payer", p.amount(gross)),
        ]
        label_rows(c, rows, L, L + 100, top + 56, 8.5, 12)
        self.window(330, top + 30, [self.home.party.name, *self.home.lines], 9)
        ocr = (
            f"{rng.randint(10**11, 10**12 - 1)} {d.customer_no} {int(gross * 100):010d} {rng.randint(10, 99)}"
        )
        c.text(R, bottom - 8, ocr, 9, align="right", colour=GREY)
        return top

    def draw(self) -> Drawing:
        c, L, R = self.c, self.LEFT, self.RIGHT
        sections = self.sections()
        items = [i for group in sections.values() for i in group]
        (vat,) = vat_breakdown(items)
        gross = vat.base + vat.amount
        self.header()
        home = [self.home.party.name, *self.home.lines]
        if self.refs_left:
            y = self.references(L, 118)
            self.window(330, 132, home, 10)
            y = max(y, self.amount_box(R - 230, 200, gross)) + 8
            c.text(L, y + 6, self.title(), 12, bold=True)
        else:
            self.window(L, 132, home, 10)
            self.references(330, 118)
            self.amount_box(L, 206, gross)
            c.fit_text(330, 236, self.title(), 12, R - 330, bold=True)
            y = 264.0
        y += 26
        if self.recap:
            y = self.recap_block(y, sections) + 16
        y = self.detail(y, sections)
        y = self.payment(self.totals(y, vat) + 10, gross)
        bottom = self.footer()
        if not self.debit and y < bottom - 130 and self.rng.random() < 0.6:
            bottom = self.slip(bottom - 6, gross)
        assert y < bottom - 4, "facture_fai: page overflow"
        return self.finish(items, "Facture", service_date=False)


# ---------------------------------------------------------------------------
# erp_en

_ERP_SELLERS = {
    "US": ("Bluegrass Office Supply Inc.", "Northwind Furnishings LLC", "Cascade Workplace Solutions Inc.",
           "Lone Star Office Co.", "Great Lakes Facility Supply LLC"),
    "GB": ("Thames Valley Supplies Ltd", "Pennine Office Furniture Ltd", "Harbourside Trading Ltd",
           "Kestrel Workspace Ltd"),
    "IE": ("Liffey Office Solutions Ltd", "Shannon Supplies Ltd", "Atlantic Workplace Ltd"),
}  # fmt: skip
_ERP_BUYERS = {
    "US": ("Deco Addict", "Azure Interior", "Gemini Furniture", "Lumber Inc", "Ready Mat", "Wood Corner",
           "The Jackson Group"),
    "GB": ("Hartley & Sons Ltd", "Brightwater Cafe Ltd", "Northgate Dental Practice", "Oakfield Primary School",
           "Calder Valley Lettings"),
    "IE": ("Cliffside Hotel Ltd", "O'Brien Architects", "Claddagh Foods Ltd", "Riverside Medical Centre"),
}  # fmt: skip
_COUNTRY = {"US": "United States", "GB": "United Kingdom", "IE": "Ireland"}
# Per country: (currency sign, code, the standard tax rates a seller of it charges, word of its tax groups).
_FISCAL: dict[str, tuple[str, str, tuple[int, ...], tuple[str, ...]]] = {
    "US": ("$", "USD", (15, 15, 15, 8, 7, 6), ("Tax",)),
    "GB": ("£", "GBP", (20,), ("Tax", "VAT")),
    "IE": ("€", "EUR", (23,), ("Tax", "VAT")),
}
_HOURS: tuple[float, ...] = tuple(n / 2 for n in range(2, 33))
_SOME: tuple[float, ...] = (1, 2, 3, 4, 5, 6, 8, 10, 12)
# Sections of the catalog: (title, taxed at the standard rate, items as (description, unit, least and most
# price, quantities)); food and, in the USA, services are taxed at 0 %.
_ERP_SECTIONS: tuple[tuple[str, bool, tuple[tuple[str, str, float, float, Sequence[float]], ...]], ...] = (
    ("Furniture", True, (
        ("[FURN_0096] Customizable Desk (Steel, White)", "Units", 450, 900, (1, 2, 3, 4)),
        ("[E-COM07] Large Cabinet", "Units", 250, 400, (1, 2)),
        ("[FURN_8888] Office Lamp", "Units", 30, 60, _SOME),
        ("[FURN_7800] Desk Combination", "Units", 350, 600, (1, 2, 3)),
        ("[FURN_6666] Acoustic Bloc Screens", "Units", 180, 295, (1, 2, 4, 6)),
        ("[FURN_1118] Corner Desk Left Sit", "Units", 85, 160, (1, 2)),
        ("[FURN_7777] Office Chair Black", "Units", 120, 240, _SOME),
    )),
    ("Non Food", True, (
        ("[NF-1020] Paper towels, case of 24", "Units", 18, 32, _SOME),
        ("[NF-2210] Dish soap, 5 L", "Units", 9, 16, _SOME),
        ("[NF-3301] Trash bags, box of 100", "Units", 12, 24, _SOME),
        ("[NF-4100] Copy paper, box of 5 reams", "Units", 28, 45, _SOME),
    )),
    ("Food", False, (
        ("[FD-0001] Coffee beans, 1 kg", "Units", 14, 26, _SOME),
        ("[FD-0104] Bottled water, case of 24", "Units", 6, 11, _SOME),
        ("[FD-0230] Assorted biscuits, 3 kg", "Units", 19, 34, _SOME),
    )),
    ("Services", True, (
        ("Installation", "Hours", 45, 95, _HOURS),
        ("Delivery charges", "Units", 25, 120, _Q1),
        ("On-site training", "Hours", 60, 120, _HOURS),
    )),
)  # fmt: skip
# Notes under a line: for goods, for services.
_NOTES = (("Delivered to loading dock B", "Assembly included", "Colour: anthracite",
           "Remaining units ship next week", "Warranty: 2 years parts and labour"),
          ("As agreed in quotation S00{n}", "Performed on site by our technician",
           "Billed per started half hour"))  # fmt: skip


@dataclass(frozen=True)
class Row:
    """One row of the ERP's item table: a section title, a note, a section subtotal, or a product line."""

    kind: Literal["section", "note", "subtotal", "line"]
    text: str = ""
    line: Discounted | None = None
    amount: Decimal = Decimal(0)


class ErpEn(WorldSheet):
    """An English invoice as an ERP prints it, for a seller in the USA, the UK or Ireland."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    NUMBERS = ("en",)
    CURRENCY = ("sign_before",)
    DATES = ("fr_slash",)
    IDS = "vat"
    GROUPED = 0.9

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.country = country = rng.choice(("US", "US", "GB", "IE"))
        seller = abroad(rng, country, _ERP_SELLERS[country], country_line=_COUNTRY[country])
        buyer = abroad(rng, country, _ERP_BUYERS[country], country_line=_COUNTRY[country])
        while buyer.party.city == seller.party.city or buyer.party.street == seller.party.street:
            buyer = abroad(rng, country, _ERP_BUYERS[country], country_line=_COUNTRY[country])
        year, month, n = data.date.year, data.date.month, rng.randint(1, 260)
        number = rng.choice((f"INV/{year}/{month:02d}/{n:04d}", f"INV/{year}/{n:05d}", f"INV/{year}/{n:04d}"))
        self.terms = rng.choice((0, 15, 30, 30, 45))
        vat_id = {"US": "", "GB": gb_vat_id(rng), "IE": ie_vat_id(rng)}[country]
        # a seller in the USA has no IBAN: it keeps the German one of `data`, which it never prints
        iban = {"US": data.iban, "GB": iban_of(rng, "GB", ("NWBK601613", "BARC200000", "LOYD309634",
                                                            "HBUK400515"), 8),
                "IE": iban_of(rng, "IE", ("AIBK931152", "BOFI900017", "IPBS990602"), 8)}[country]  # fmt: skip
        self.domain = _domain(
            seller.party.name, "com" if country == "US" else "co.uk" if country == "GB" else "ie"
        )
        phone = {"US": f"+1 {rng.randint(201, 989)}-555-{rng.randint(1000, 9999)}",
                 "GB": f"+44 {rng.randint(113, 161)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                 "IE": f"+353 1 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"}[country]  # fmt: skip
        data = dataclasses.replace(
            data,
            number=number,
            service_date=None,
            due_date=data.date + dt.timedelta(days=self.terms),
            customer_no="",
            supplier=seller.party,
            customer=buyer.party,
            phone=phone,
            email=f"accounts@{self.domain}",
            vat_id=vat_id,
            tax_no="",
            iban=iban,
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        sign, code, rates, words = _FISCAL[country]
        style = rng.choice(("sign_after", "sign_before")) if country == "IE" else "sign_before"
        us = country == "US"
        self.p = WorldPrinter(
            "en", style, "en_us" if us else "fr_slash", sign=sign, code=code, month_first=us
        )
        self.code, self.rate, self.tax_word = code, rng.choice(rates), rng.choice(words)
        self.seller, self.buyer = seller, buyer
        self.layout = rng.choice(("standard", "boxed", "striped"))
        self.brand = rng.choice(MORE_BRANDS)
        self.discounts = rng.random() < 0.75
        self.dashes = rng.random() < 0.5
        self.with_iban = country == "IE" or (country == "GB" and rng.random() < 0.5)
        self.reference = bool(data.order_no) and rng.random() < 0.6
        self.code_at = rng.choice(("info", "total", "note"))  # where the currency code is printed

    def rows(self) -> list[Row]:
        rng = self.rng
        chosen = rng.sample(_ERP_SECTIONS, rng.choice((1, 2, 2, 3)))
        titled = len(chosen) > 1 or rng.random() < 0.5
        rows: list[Row] = []
        for title, standard, catalog in chosen:
            rate = self.rate if standard and not (self.country == "US" and title == "Services") else 0
            items = pick_items(rng, catalog, rate, rng.randint(1, min(3, len(catalog))))
            if titled:
                rows.append(Row("section", f"--- {title} ---" if self.dashes else title))
            lines = [
                discounted(i, rng.choice((0, 0, 0, 5, 10, 15, 20)) if self.discounts else 0) for i in items
            ]
            for line in lines:
                rows.append(Row("line", line=line))
                if rng.random() < 0.15:
                    notes = _NOTES[title == "Services"]
                    rows.append(Row("note", rng.choice(notes).format(n=rng.randint(10, 99))))
            if len(chosen) > 1:
                rows.append(Row("subtotal", amount=sum((line.item.total for line in lines), Decimal(0))))
        return rows

    # -- the page

    def header(self) -> float:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        s = self.seller
        shape = self.rng.choice(("square", "circle"))
        logo(c, shape, L, 34, 44, self.brand, initials(s.party.name))
        c.fit_text(L + 54, 60, s.party.name, 13, 230, bold=True)
        if self.layout == "boxed":
            for i, line in enumerate([*s.lines, d.phone, d.email]):
                c.text(R, 42 + 10.5 * i, line, 8, align="right")
            c.line(L, 104, R, 104, width=1.2, colour=self.brand)
            return 120
        c.text(R, 52, self.rng.choice(("Your office, delivered", "Workplace solutions since 1998",
                                      "Quality furniture & supplies")), 8.5, align="right", colour=GREY)  # fmt: skip
        c.line(L, 86, R, 86, width=0.6, colour=GREY)
        y = 102.0
        for line in s.lines:
            c.text(L, y, line, 8.5)
            y += 11
        if self.country != "US" or self.rng.random() < 0.5:
            c.text(L, y, self.tax_line(), 8.5)
        return y + 14

    def tax_line(self) -> str:
        if self.country == "US":
            return f"Tax ID: {self.rng.randint(10, 99)}-{self.rng.randint(1000000, 9999999)}"
        self.tax["ust_id"] = vat_id = self.data.vat_id
        if self.country == "GB" and self.rng.random() < 0.5:
            vat_id = f"{vat_id[:2]} {vat_id[2:5]} {vat_id[5:9]} {vat_id[9:]}"
        return f"VAT: {vat_id}"

    def info(self, y: float) -> float:
        c, d, p, L = self.c, self.data, self.p, self.LEFT
        fields = [("Invoice Date:", p.date(d.date)), ("Due Date:", p.date(d.due_date))]
        if self.rng.random() < 0.6:
            fields.append(("Source:", f"S{self.rng.randint(10, 999):05d}"))
        if self.reference:
            fields.append((self.rng.choice(("Reference:", "Customer Reference:")), d.order_no))
        if self.code_at == "info":
            fields.append(("Currency:", self.code))
        width = (self.RIGHT - L) / max(4, len(fields))
        for i, (label, value) in enumerate(fields):
            c.fit_text(L + i * width, y, label, 8.5, width - 8, bold=True)
            c.fit_text(L + i * width, y + 13, value, 9, width - 8)
        return y + 30

    def table(self, y: float, rows: list[Row]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        spec: list[tuple[str, str, float, Align]] = [("desc", "Description", 0, "left"),
                                                     ("qty", "Quantity", 74, "right"),
                                                     ("price", "Unit Price", 66, "right")]  # fmt: skip
        if self.discounts:
            spec.append(("disc", "Disc.%", 46, "right"))
        spec += [("tax", "Taxes", 50, "right"), ("total", "Amount", 84, "right")]
        cols = columns(spec, L, R)
        head = {col.key: col.head for col in cols}
        if self.layout == "boxed":
            c.box(L, y, R, y + 18, fill=(0.2, 0.2, 0.25), stroke=None)
            cells(c, cols, y + 12.5, head, 8.5, bold=True, colour=WHITE)
        else:
            cells(c, cols, y + 12.5, head, 8.5, bold=True)
            c.line(L, y + 18, R, y + 18, width=1.0 if self.layout == "standard" else 0.6, colour=BLACK)
        y += 18
        desc = cols[0]
        for k, row in enumerate(rows):
            wrapped = c.wrap(row.line.item.description, desc.width, 8.5) if row.line else []
            h = {"line": 17.0, "note": 14.0, "section": 18.0, "subtotal": 17.0}[row.kind] + 10 * len(
                wrapped[1:]
            )
            if self.layout == "striped" and row.kind == "line" and k % 2:
                c.box(L, y, R, y + h, fill=PALE, stroke=None)
            base = y + 12 if row.kind == "line" else y + h - 5
            if row.kind == "section":
                c.box(L, y, R, y + h, fill=LIGHT if self.layout != "standard" else PALE, stroke=None)
                c.text(L + 3, base, row.text, 9, bold=True)
            elif row.kind == "note":
                c.fit_text(L + 12, base, row.text, 8, R - L - 20, colour=GREY)
            elif row.kind == "subtotal":
                c.text(cols[-1].x0 - 6, base, "Subtotal", 8.5, bold=True, align="right")
                c.text(cols[-1].anchor, base, p.amount(row.amount), 8.5, bold=True, align="right")
            else:
                assert row.line is not None
                line, item = row.line, row.line.item
                values = {"desc": wrapped[0], "qty": f"{item.quantity:.2f} {item.unit}",
                          "price": p.number(line.price), "disc": f"{line.discount:.2f}", "tax": f"{item.rate}%",
                          "total": p.amount(item.total)}  # fmt: skip
                cells(c, cols, base, values, 8.5)
                for i, text in enumerate(wrapped[1:], 1):
                    c.text(desc.anchor, base + 10 * i, text, 8.5)
            y += h
            if self.layout != "striped":
                c.line(L, y, R, y, width=0.3, colour=RULE)
        return y

    def totals(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        net = sum((v.base for v in vat_lines), Decimal(0))
        gross = net + sum((v.amount for v in vat_lines), Decimal(0))
        x = R - 220
        rows = [("Untaxed Amount", net, False)]
        rows += [(f"{self.tax_word} {v.rate}%", v.amount, False) for v in vat_lines]
        rows.append(("Total" if self.code_at != "total" else f"Total ({self.code})", gross, True))
        y += 8
        top = y + 2
        for label, value, bold in rows:
            y += 16
            if bold:
                c.line(x, y - 12, R, y - 12, width=0.8, colour=BLACK)
            c.text(x + 4, y, label, 9, bold=bold)
            c.text(R - 3, y, p.amount(value), 9, bold=bold, align="right")
        if self.layout == "boxed":
            c.box(x, top, R, y + 6, stroke=RULE, width=0.6)
        return y + 10

    def payment(self, y: float) -> float:
        c, d, L, R, rng = self.c, self.data, self.LEFT, self.RIGHT, self.rng
        if rng.random() < 0.5:
            text = f"Please use the following communication for your payment: {d.number}"
        else:
            text = f"Payment Communication: {d.number}"
        y = c.paragraph(L, y + 12, text, R - L, 9, bold=rng.random() < 0.4)
        if self.country == "US":
            bank = rng.choice(
                ("Chase Bank", "Wells Fargo Bank", "Bank of America", "U.S. Bank", "Frost Bank")
            )
            account = f"{rng.randint(10**8, 10**12 - 1)}"
            line = f"on this account: {bank}, Account {account}, ABA routing {us_routing(rng)}"
        elif self.with_iban:
            line = f"on this account: {bank_name(d.iban)}, IBAN {self.iban}, BIC {d.iban.bic}"
        else:
            code, account = str(d.iban.branch_code), str(d.iban.account_code)
            sort_code = f"{code[:2]}-{code[2:4]}-{code[4:]}"
            line = f"on this account: {bank_name(d.iban)}, Sort code {sort_code}, Account {account}"
        y = c.paragraph(L, y, line, R - L, 9)
        terms = {0: "Immediate Payment", 15: "15 Days", 30: "30 Days", 45: "45 Days"}[self.terms]
        y = c.paragraph(L, y + 4, f"Payment terms: {terms}", R - L, 9)
        if self.code_at == "note":
            y = c.paragraph(L, y + 2, f"All amounts are in {self.code}.", R - L, 8.5)
        if self.country == "US" and rng.random() < 0.5:
            name = self.seller.party.name
            y = c.paragraph(L, y + 2, f"Please make checks payable to {name.removesuffix('.')}.", R - L, 8.5)
        return y

    def footer(self) -> float:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        top = A4.height - 58
        c.line(L, top, R, top, width=0.4, colour=self.brand if self.layout == "striped" else GREY)
        first = f"{d.phone} | {d.email} | www.{self.domain}"
        second = self.tax_line() if self.country != "US" and "ust_id" not in self.tax else ""
        for i, line in enumerate(line for line in (first, second) if line):
            c.fit_text(c.width / 2, top + 12 + 10 * i, line, 7.5, R - L, align="center", colour=GREY)
        c.text(c.width / 2, A4.height - 22, "Page: 1 / 1", 7.5, align="center", colour=GREY)
        return top

    def draw(self) -> Drawing:
        c, d, L = self.c, self.data, self.LEFT
        rows = self.rows()
        items = [row.line.item for row in rows if row.line]
        vat_lines = vat_breakdown(items)
        y = self.header()
        x = L if self.layout == "boxed" and self.rng.random() < 0.5 else 330.0
        self.window(x, max(y, 150.0), self.buyer.block, 9.5)
        y = max(y, 150.0) + 78
        title = self.rng.choice(("Invoice", "Invoice", "Tax Invoice")) if self.country != "US" else "Invoice"
        c.text(L, y, f"{title} {d.number}", 17, colour=self.brand if self.layout == "striped" else BLACK)
        y = self.info(y + 24)
        y = self.table(y + 4, rows)
        y = self.payment(self.totals(y, vat_lines))
        assert y < self.footer() - 4, "erp_en: page overflow"
        return self.finish(
            items,
            title,
            service_date=False,
            customer_no=False,
            order_no=self.reference,
            currency=self.code,
            bank=self.with_iban,
        )


# ---------------------------------------------------------------------------
# hosting_export

_HOSTERS = ("Serverhafen GmbH", "Netzkern Hosting GmbH", "Datenwerk Rechenzentren GmbH", "Gigahof Hosting AG",
            "Knotenpunkt Online GmbH", "Rechenhalle Süd GmbH")  # fmt: skip
_FOREIGN_CUSTOMERS = {
    "HK": ("Golden Harbour Trading Ltd.", "Kowloon Data Services Ltd.", "Pearl River Commerce Ltd.",
           "Victoria Peak Media Ltd."),
    "CH": ("Alpenblick Informatik AG", "Seeblick Software GmbH", "Limmat Digital GmbH", "Rheinknie Web AG"),
    "USA": ("Bluecrest Analytics Inc.", "Prairie Cloud LLC", "Redwood Commerce Inc.", "Harborlight Media LLC"),
}  # fmt: skip
_SERVICE_NAMES = ("web01_prod", "db_replica", "mail_gw", "shop_frontend", "backup_zh", "api_node", "vpn_edge",
                  "build_runner", "cdn_origin", "k8s_worker", "monitoring", "staging_app")  # fmt: skip
# (product, what the price is per, least and most unit price, quantities, "month", "year" or "once")
_HOSTING: tuple[tuple[str, str, float, float, Sequence[float], str], ...] = (
    ("Dedicated Server EX41-SSD", "Grundgebühr pro Einheit", 39, 69, _Q1, "month"),
    ("Dedicated Server AX61-NVMe", "Grundgebühr pro Einheit", 79, 119, _Q1, "month"),
    ("Cloud Server CX31", "Grundgebühr pro Einheit", 8.9, 16.9, (1, 2, 3, 4), "month"),
    ("Storage Box BX20", "Grundgebühr pro Einheit", 9.9, 19.9, _Q1, "month"),
    ("Zusätzliche IPv4-Adresse", "Grundgebühr pro Einheit", 1.0, 1.7, (1, 2, 3, 4, 6, 8), "month"),
    ("Managed Server MX90", "Grundgebühr pro Einheit", 49, 99, _Q1, "month"),
    ("Webhosting Level 9", "Grundgebühr pro Einheit", 9.9, 19.9, _Q1, "month"),
    ("Traffic-Mehrverbrauch", "Nutzung pro TB", 1.0, 1.19, tuple(range(1, 25)), "month"),
    ("Backup-Speicher 100 GB", "Grundgebühr pro Einheit", 2.9, 4.9, (1, 2, 5), "month"),
    ("Load Balancer LB11", "Grundgebühr pro Einheit", 5.39, 7.9, (1, 2), "month"),
    ("Domain .com", "Jahresgebühr pro Einheit", 9.9, 14.9, _Q1, "year"),
    ("Einrichtungsgebühr Dedicated Server", "Setupgebühr pro Einheit", 39, 99, _Q1, "once"),
)
_NOT_TAXED = (
    "Nicht im Inland steuerbare Leistung.",
    "Leistungsort nach § 3a Abs. 2 UStG im Ausland; nicht im Inland steuerbare Leistung.",
    "Steuerschuldnerschaft des Leistungsempfängers.",
    "Reverse Charge: Steuerschuldnerschaft des Leistungsempfängers (Leistungsort außerhalb Deutschlands).",
)


@dataclass(frozen=True)
class Position:
    """A position of the hosting invoice: its line and the lines of its description."""

    line: Discounted
    lines: tuple[str, ...]

    @property
    def height(self) -> float:
        return HostingExport.LINE * len(self.lines) + 7


class HostingExport(WorldSheet):
    """A German hosting provider's invoice to a customer outside the EU: no German VAT charged."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    NUMBERS = ("de",)
    CURRENCY = ("sign_after", "sign_after", "code_after")
    DATES = ("dotted",)
    IDS = "both"
    GROUPED = 0.7
    LINE = 10.5
    TABLE_TOP = 268.0
    FOOT = A4.height - 76

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        data = _renamed(rng, data, _HOSTERS, "billing")
        self.country = rng.choice(("HK", "CH", "USA"))
        customer = abroad(rng, self.country, _FOREIGN_CUSTOMERS[self.country])
        year = data.date.year
        number = rng.choice((f"R{rng.randint(10**9, 10**10 - 1):010d}", f"RE-{year}-{rng.randint(1, 99999):06d}",
                             f"{year}{rng.randint(10**5, 10**6 - 1)}"))  # fmt: skip
        customer_no = rng.choice((f"K{rng.randint(10**9, 10**10 - 1)}", f"C-{rng.randint(100000, 999999)}",
                                  str(rng.randint(10000, 99999))))  # fmt: skip
        data = dataclasses.replace(
            data, number=number, customer_no=customer_no, customer=customer.party, service_date=None, order_no="",
            due_date=data.date + dt.timedelta(days=rng.choice((7, 14, 14, 30))),
        )  # fmt: skip
        super().__init__(rng, data)
        self.ids = "vat" if not data.tax_no or rng.random() < 0.5 else "both"
        self.customer = customer
        self.brand = rng.choice(MORE_BRANDS)
        self.vat_mode = rng.choice(("line", "line", "none", "total_only"))
        self.total_head = rng.choice(
            ("Zeilenbetrag", "Zeilenbetrag ohne MwSt.", "Ohne MwSt.", "Betrag netto")
        )
        # the month billed: the one before the invoice date, or the invoice date's own (billed in advance)
        ahead = rng.random() < 0.4
        self.start, self.end = month_before(
            data.date.replace(day=28) + dt.timedelta(days=10) if ahead else data.date
        )
        uid = f"UID: CHE-{rng.randint(100, 999)}.{rng.randint(100, 999)}.{rng.randint(100, 999)} MWST"
        self.uid = uid if self.country == "CH" and rng.random() < 0.6 else ""
        spec: tuple[tuple[str, str, float, Align], ...] = (
            ("pos", "Pos.", 30, "left"), ("qty", "Menge", 42, "right"), ("desc", "Beschreibung", 0, "left"),
            ("disc", "Rabatt %", 50, "right"), ("price", "VK-Preis", 64, "right"),
            ("total", self.total_head, 100 if len(self.total_head) > 14 else 80, "right"),
        )  # fmt: skip
        self.cols = columns(spec, self.LEFT, self.RIGHT)
        self.head_left = rng.random() < 0.5  # the logo on the left, contact lines on the right
        self.shaded = rng.random() < 0.5  # the table head on a grey band

    def positions(self) -> list[Position]:
        rng = self.rng
        many = rng.random() < 0.4
        count = rng.randint(11, 22) if many else rng.randint(2, 7)
        picks = [rng.choice(_HOSTING) for _ in range(count)]
        short = "%d.%m.%y"
        positions = []
        for product, per, lo, hi, quantities, term in picks:
            (item,) = pick_items(rng, [(product, "", lo, hi, quantities)], 0, 1)
            off = rng.choice((0, 0, 0, 0, 0, 10, 15, 20, 100)) if rng.random() < 0.5 else 0
            service = f"{rng.choice(_SERVICE_NAMES)}{rng.choice(('', '', str(rng.randint(1, 9))))}"
            if product.startswith(("Dedicated", "Managed", "Storage")):
                service = f"{product.split()[-1].split('-')[0]} #{rng.randint(100000, 999999)} {service}"
            if term == "month":
                period = f"{self.start:{short}}-{self.end:{short}}"
            elif term == "year":
                until = self.start.replace(year=self.start.year + 1) - dt.timedelta(days=1)
                period = f"{self.start:{short}}-{until:{short}}"
            else:  # a one-off fee, on a day before the invoice
                period = f"{self.data.date - dt.timedelta(days=rng.randint(1, 25)):{short}}"
            lines = (product, per, f"Dienst: {service}", period)
            positions.append(Position(discounted(item, off), lines))
        return positions

    def pages(self, positions: list[Position]) -> list[list[int]]:
        """The positions (indices) on each page: a page takes positions while they fit above the footer."""
        bottom = self.FOOT - 24
        pages: list[list[int]] = [[]]
        y = self.TABLE_TOP + 18
        for i, pos in enumerate(positions):
            if y + pos.height > bottom:
                pages.append([])
                y = self.TABLE_TOP + 18
            pages[-1].append(i)
            y += pos.height
        if y + self.closing_height() > bottom:
            pages.append([])
        return pages

    def closing_height(self) -> float:
        rows = {"line": 3, "none": 2, "total_only": 1}[self.vat_mode]
        return rows * 15 + 20 + 4 * 11 + 20

    # -- a page

    def letterhead(self, page: int, pages: int) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        tagline = "Dedicated Server · Cloud · Webhosting · Colocation"
        if self.head_left:
            logo(c, "circle", L, 32, 44, self.brand, initials(s.name))
            c.fit_text(L + 54, 52, s.name, 15, 260, bold=True)
            c.text(L + 54, 66, tagline, 7.5, colour=GREY)
            for i, line in enumerate((s.street, s.city_line, f"Tel. {d.phone}", d.email)):
                c.text(R, 40 + 10 * i, line, 7.5, align="right", colour=GREY)
        else:
            logo(c, "square", R - 44, 32, 44, self.brand, initials(s.name))
            c.fit_text(R - 52, 52, s.name, 15, 300, bold=True, align="right")
            c.text(R - 52, 66, tagline, 7.5, align="right", colour=GREY)
        sender = f"{s.name} · {s.street} · {s.city_line} · Deutschland"
        y = self.window(L, 128, self.customer.block, 9.5, sender=sender)
        if self.uid:
            self.c.text(L, y + 2, self.uid, 8, colour=GREY)
        rows = [
            ("Rechnungsnummer" if page == 1 else "Rechnungsnr.", d.number),
            ("Rechnungsdatum", self.p.date(d.date)),
            ("Kundennummer", d.customer_no),
            ("Seite", f"{page} von {pages}"),
        ]
        label_rows(c, rows, 360, R, 140, 8.5, 13.5, value_align="right")

    def table_head(self, y: float) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        if self.shaded:
            c.box(L, y, R, y + 17, fill=LIGHT, stroke=None)
        else:
            c.line(L, y, R, y, width=0.8)
            c.line(L, y + 17, R, y + 17, width=0.5)
        cells(c, self.cols, y + 12, {col.key: col.head for col in self.cols}, 8, bold=True)
        return y + 18

    def position(self, y: float, n: int, pos: Position) -> float:
        c, p, cols = self.c, self.p, self.cols
        line, item = pos.line, pos.line.item
        base = y + self.LINE + 1
        values = {"pos": str(n), "qty": p.quantity(item.quantity), "disc": p.number(Decimal(line.discount)),
                  "price": p.number(line.price), "total": p.number(item.total)}  # fmt: skip
        cells(c, cols, base, values, 8.5)
        desc: Col = cols[2]
        for i, text in enumerate(pos.lines):
            c.fit_text(desc.anchor, base + i * self.LINE, text, 8.5 if i == 0 else 8, desc.width,
                       bold=i == 0, colour=BLACK if i < 3 else GREY)  # fmt: skip
        return y + pos.height

    def footer(self) -> None:
        d, s = self.data, self.data.supplier
        cols = (
            [s.name, s.street, s.city_line, "Deutschland"],
            [f"Geschäftsführer: {d.ceo}", f"Registergericht: Amtsgericht {s.city}", d.register],
            self.tax_ids("USt-IdNr.:", "Steuernummer:") + [f"Tel. {d.phone}", d.email],
            [self.bank_name(), f"IBAN {self.iban}", f"BIC {d.iban.bic}"],
        )
        footer_columns(self.c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def totals(self, y: float, net: Decimal) -> float:
        c, p, R, rng = self.c, self.p, self.RIGHT, self.rng
        rows: list[tuple[str, str, bool]] = []
        if self.vat_mode == "line":
            rows.append((rng.choice(("Summe netto", "Zwischensumme", "Summe")), p.amount(net), False))
            rows.append(
                (rng.choice(("MwSt. 0 %", "MwSt. 0,00 %", "Umsatzsteuer 0 %")), p.amount(Decimal(0)), False)
            )
        elif self.vat_mode == "none":
            rows.append((rng.choice(("Summe netto", "Summe")), p.amount(net), False))
        rows.append(("Rechnungsbetrag", p.amount(net), True))
        x = R - 230
        y += 6
        for label, value, bold in rows:
            y += 15
            if bold:
                c.line(x, y - 11, R, y - 11, width=0.6)
            c.text(x, y, label, 9.5, bold=bold)
            c.text(R, y, value, 9.5, bold=bold, align="right")
        c.line(x, y + 4, R, y + 4, width=0.6)
        return y + 10

    def closing(self, y: float, net: Decimal) -> float:
        c, d, p, L, R, rng = self.c, self.data, self.p, self.LEFT, self.RIGHT, self.rng
        texts = [rng.choice(_NOT_TAXED)]
        how = rng.choice(("transfer", "card", "paypal"))
        if how == "transfer":
            texts.append(f"Bitte überweisen Sie den Rechnungsbetrag bis zum {p.date(d.due_date)} unter Angabe "
                         "der Rechnungsnummer. Bankgebühren bei Zahlungen aus dem Ausland gehen zu Ihren Lasten "
                         "(OUR).")  # fmt: skip
        elif how == "card":
            texts.append(f"Der Rechnungsbetrag von {p.amount(net)} wird Ihrer Kreditkarte (Visa **** "
                         f"{rng.randint(1000, 9999)}) belastet.")  # fmt: skip
        else:
            texts.append("Der Rechnungsbetrag wird per PayPal von Ihrem hinterlegten Konto eingezogen.")
        for text in texts:
            y = c.paragraph(L, y + 3, text, R - L, 8.5)
        return y

    def draw(self) -> Drawing:
        positions = self.positions()
        items = [pos.line.item for pos in positions]
        (vat,) = vat_breakdown(items)
        plan = self.pages(positions)
        for page, indices in enumerate(plan, 1):
            if page > 1:
                self.c = self.new_page()
            self.letterhead(page, len(plan))
            title = (
                f"Rechnung {self.data.number}" if page == 1 else f"Rechnung {self.data.number} (Fortsetzung)"
            )
            self.c.text(self.LEFT, 246, title, 13, bold=True)
            if page == 1:
                period = f"Leistungszeitraum: {self.p.date(self.start)} - {self.p.date(self.end)}"
                self.c.text(self.LEFT, 259, period, 8.5, colour=GREY)
            y = self.table_head(self.TABLE_TOP) if indices or page == 1 else self.TABLE_TOP
            for i in indices:
                y = self.position(y, i + 1, positions[i])
                self.c.line(self.LEFT, y - 3, self.RIGHT, y - 3, width=0.25, colour=RULE)
            if page == len(plan):
                y = self.closing(self.totals(y, vat.base) + 8, vat.base)
                assert y < self.FOOT - 4, "hosting_export: page overflow"
            else:
                self.c.text(self.RIGHT, self.FOOT - 12, "Fortsetzung auf der nächsten Seite", 7.5, align="right",
                            colour=GREY)  # fmt: skip
            self.footer()
        return self.finish(
            items, "Rechnung", pages=len(plan), service_date=False, vat_printed=self.vat_mode == "line"
        )


# ---------------------------------------------------------------------------
# Registry

WORLD_FAMILIES: dict[str, type[WorldSheet]] = {
    "webshop_nl": WebshopNl,
    "facture_fai": FactureFai,
    "erp_en": ErpEn,
    "hosting_export": HostingExport,
}
_LANG = {"erp_en": "en"}


def draw_world(name: str, seed: int) -> Drawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(WORLD_FAMILIES[name], name, seed, _LANG.get(name, "de"))
