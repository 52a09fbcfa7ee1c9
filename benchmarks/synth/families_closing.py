"""Two invoice layout families of a German IT system house and of a French subscription seller, designed blind
(session 15, fourth set).

Like `families_final`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_closing(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip` and `families_first` and returns a `TripDrawing` (truth keys only for values
printed):

- `it_systemhaus`: a German IT reseller's / system house's invoice: hardware with the manufacturer's part
  number (in its own column or under the item) and the serial numbers under it ("SN: 5CG3281K7Q"), software
  licences with their licence period, a maintenance contract line ("Wartungsvertrag WV-2024-017,
  01.01.–31.12.2024"), on-site hours of a named technician, remote support per quarter hour, a travel flat
  fee; the references: customer number, the customer's order ("Ihre Bestellung 4500123456 vom ..."), the
  delivery notes ("Lieferschein 80012345 vom ...", in the head or as group rows in the table), a project or
  ticket number, a delivery / service date on some seeds; 19 % only; totals "Warenwert", "Dienstleistung"
  (on some seeds), "Nettobetrag", "zzgl. 19 % MwSt.", "Rechnungsbetrag"; payment within a term, with Skonto
  on some seeds, or by SEPA direct debit from the customer's account (masked IBAN, Mandatsreferenz,
  Gläubiger-ID; the house's own IBAN then left out on some seeds); the "WEEE-Reg.-Nr. DE 12345678", HRB,
  Geschäftsführer, USt-IdNr. (the Steuernummer too on some seeds) and the bank in the footer; two pages with
  "Übertrag" when the positions run long. Truth: the usual keys, `kundennummer`, `bestellnummer` (the
  customer's order number), `leistungsdatum` for a single printed delivery / service date; no `iban` / `bic`
  on the direct-debit seeds that print no IBAN of the house.
- `facture_abonnement_fr`: a French SaaS or telecom operator's subscription invoice (monthly or yearly):
  "Facture n°", "Date de facture", "Période du 01/03/2024 au 31/03/2024", plan lines (users or lines ×
  price), options, one-off fees, pro-rata lines (added users, positive; "Avoir prorata" for a downgrade or a
  cancelled line, negative), out-of-bundle usage for telecom; "Total HT", "TVA 20 %", "Total TTC"; paid by
  SEPA direct debit ("Montant prélevé le 05/04/2024", the customer's masked IBAN, the "Référence Unique de
  Mandat" and the "ICS"; the seller's IBAN not printed), by card ("Payé par carte le ...", no IBAN) or by
  transfer to the seller's IBAN FR.. with BIC; the seller (a SAS or SA) with capital, RCS, SIRET, NAF and
  "TVA intracommunautaire" in the footer; "N° client" on most seeds; in French and English on some seeds
  ("Invoice / Facture", amounts "€1,234.56"), otherwise amounts "1 234,56 €"; dates "05/04/2024" or "5 avril
  2024"; a second page detailing users or lines on some seeds. Truth: the usual keys, `ust_id` the FR
  number, `iban` / `bic` only on the transfer seeds, `kundennummer` where printed; all 20 %.

The French family prints no German VAT; the German one keeps its dates out of the second half of 2020.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from stdnum import luhn

from benchmarks.synth.families_first import FirstSheet
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
    RULE,
    bank_name,
    fr_address,
    fr_siren,
    fr_vat_id,
    iban_of,
    masked,
)
from benchmarks.synth.invoice_gen import InvoiceData, LineItem, VatLine, round_cent, vat_breakdown
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import MONTHS_FR, Printer

# ---------------------------------------------------------------------------
# it_systemhaus

_HOUSES = (
    "Brandt Netzwerk- & Systemhaus GmbH",
    "ProCom IT-Systeme GmbH",
    "Datentechnik Kessler GmbH & Co. KG",
    "Rechenwerk IT-Service GmbH",
    "KommIT Solutions GmbH",
    "Hansen Bürotechnik & EDV GmbH",
    "Systemhaus Oberland GmbH",
    "NetPlan Informationstechnik GmbH",
)
# Hardware: (description, manufacturer part number, least and most price, serialised, quantities).
Hardware = tuple[str, str, float, float, bool, tuple[int, ...]]
_HARDWARE: tuple[Hardware, ...] = (
    (
        "HP EliteBook 840 G10, Core i5-1335U, 16 GB, 512 GB SSD, Win 11 Pro",
        "818N5EA#ABD",
        980,
        1390,
        True,
        (1, 1, 2, 3),
    ),
    ("Lenovo ThinkPad T14 Gen 4, Core i7-1355U, 32 GB, 1 TB SSD", "21HD004NGE", 1290, 1690, True, (1, 2)),
    (
        "Dell Latitude 5440, Core i5-1345U, 16 GB, 256 GB SSD",
        "N013L544014EMEA_VP",
        890,
        1190,
        True,
        (1, 2, 4),
    ),
    (
        "Fujitsu ESPRIMO D7012, Core i5-12500, 16 GB, 512 GB SSD",
        "VFY:D7012PP580DE",
        690,
        920,
        True,
        (1, 2, 5),
    ),
    ("Dell 27 Monitor P2723DE, QHD, USB-C Hub", "DELL-P2723DE", 279, 349, True, (1, 2, 4)),
    ("iiyama ProLite XUB2493HS-B5, 24 Zoll IPS", "XUB2493HS-B5", 119, 159, True, (2, 4, 6)),
    ("Lenovo ThinkPad Universal USB-C Dock", "40AY0090EU", 159, 219, True, (1, 2, 3)),
    ("Cisco Catalyst 1000-24P Switch, 24x GE PoE+, 4x 1G SFP", "C1000-24P-4G-L", 890, 1240, True, (1,)),
    ("Ubiquiti UniFi U6 Pro Access Point", "U6-PRO", 139, 179, True, (1, 2, 3, 4)),
    ("Synology DiskStation DS923+, 4-Bay NAS", "DS923+", 539, 629, True, (1,)),
    ("Seagate IronWolf 8 TB NAS-Festplatte", "ST8000VN004", 169, 219, True, (2, 4)),
    ("APC Smart-UPS 1500VA LCD 230V mit SmartConnect", "SMT1500IC", 690, 860, True, (1,)),
    ("Brother MFC-L8900CDW Farblaser-Multifunktionsgerät", "MFCL8900CDWG1", 529, 689, True, (1,)),
    ("Kingston 16 GB DDR4-3200 SO-DIMM", "KCP432SS8/16", 32, 48, False, (1, 2, 4, 8)),
    ("Logitech MK540 Advanced Tastatur-Maus-Set, DE", "920-008675", 39, 55, False, (1, 2, 5, 10)),
    ("Jabra Evolve2 40 SE USB-A, MS Stereo Headset", "24189-999-999", 79, 109, True, (1, 2, 5)),
    ("Patchkabel Cat.6a S/FTP 2 m, grau", "PK6A-2-GR", 2.9, 4.9, False, (10, 20, 24, 48)),
    ("HPE ProLiant DL380 Gen11, Xeon Silver 4410Y, 64 GB", "P52562-421", 5900, 7800, True, (1,)),
)
# Software: (description, part number, least and most price, unit, licence months (0 = perpetual)).
Software = tuple[str, str, float, float, str, int]
_SOFTWARE: tuple[Software, ...] = (
    ("Microsoft 365 Business Standard (NCE), Jahresabo", "CFQ7TTC0LDPB", 11.7, 12.5, "Lizenz", 12),
    ("Microsoft 365 Business Premium (NCE), Jahresabo", "CFQ7TTC0LCHC", 20.6, 22.0, "Lizenz", 12),
    ("Sophos Intercept X Advanced, Subscription", "CIXA1CSAA", 38.0, 52.0, "User", 12),
    ("ESET PROTECT Entry On-Prem, Verlängerung", "EPE-REN-1Y", 28.0, 36.0, "User", 12),
    ("Veeam Data Platform Foundation, Universal License", "V-FOUVUL-0I-SU1YP-00", 420, 560, "Instanz", 12),
    ("Windows Server 2022 Standard, 16 Core, OEM", "P73-08328", 890, 1090, "Stk.", 0),
    ("Windows Server 2022 User CAL", "R18-06466", 38, 49, "Stk.", 0),
    ("Adobe Acrobat Pro for teams (VIP), Level 1", "65324075BA01A12", 185, 215, "Lizenz", 12),
    ("TeamViewer Business, Jahreslizenz", "TVB-1Y", 399, 459, "Lizenz", 12),
    ("Bitdefender GravityZone Business Security, 24 Monate", "BDGZBS-2Y", 42, 58, "User", 24),
)
_TECHNICIANS = ("M. Schulz", "T. Wagner", "S. Yilmaz", "J. Becker", "A. Krämer", "D. Nowak", "L. Hartmann")
_CUSTOMERS = (
    "Steuerkanzlei Berger & Partner mbB",
    "Zahnarztpraxis Dr. Lindner",
    "Maschinenbau Vogt GmbH",
    "Autohaus Seidel GmbH",
    "Ingenieurbüro Hahn",
    "Stadtwerke Musterstadt GmbH",
    "Gemeinschaftspraxis am Markt",
    "Spedition Krüger GmbH & Co. KG",
)
_SN_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def serial(rng: random.Random, part: str) -> str:
    """A serial number as the makers print them: HP 5CG..., Lenovo PF..., Dell service tags, others."""
    if "#" in part:
        return "5CG" + "".join(rng.choice(_SN_CHARS) for _ in range(7))
    if part.startswith("21") or part.startswith("40"):
        return "PF" + "".join(rng.choice(_SN_CHARS) for _ in range(6))
    if part.startswith(("DELL", "N0")):
        return "".join(rng.choice(_SN_CHARS) for _ in range(7))
    if part.startswith("C1000"):
        return "FOC" + str(rng.randint(2300, 2799)) + "".join(rng.choice(_SN_CHARS) for _ in range(4))
    return "".join(rng.choice(_SN_CHARS) for _ in range(rng.choice((10, 12, 14))))


@dataclass(frozen=True)
class Position:
    """One position of the invoice: its item, the grey lines under it, its section and its part number."""

    item: LineItem
    notes: tuple[str, ...]
    goods: bool  # Warenwert (hardware, software) or Dienstleistung
    part: str = ""
    group: str = ""  # a delivery note heading printed before it


def masked_de(rng: random.Random) -> str:
    """A German customer's IBAN as a debit notice shows it."""
    return f"DE{rng.randint(10, 99)} **** **** **** **{rng.randint(10, 99)} {rng.randint(10, 99)}"


class ItSystemhaus(FirstSheet):
    """A German IT system house's invoice: hardware with serials, licences, contract, on-site hours."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"
    GROUPED = 0.6
    FOOT = A4.height - 86

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name = rng.choice(_HOUSES)
        day = regular_day(data.date)
        n = rng.randint(100, 99999)
        number = rng.choice(
            (
                f"RE{day.year % 100}{n:05d}",
                f"RE-{day.year}-{n:05d}",
                f"{day.year}{n:06d}",
                f"R-{n:05d}",
                f"AR{day.year % 100}-{n:05d}",
            )
        )
        short = name.split()[0].lower().replace("ä", "ae").replace("ü", "ue")
        customer = dataclasses.replace(data.customer, name=rng.choice(_CUSTOMERS))
        order = (
            f"45{rng.randint(10**7, 10**8 - 1)}"
            if rng.random() < 0.5
            else rng.choice(
                (f"B-{day.year}-{rng.randint(10, 999):04d}", f"PO{rng.randint(10**5, 10**6 - 1)}")
            )
        )
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((8, 14, 14, 30))),
            customer=customer,
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=rng.choice((f"{rng.randint(10000, 99999)}", f"KD-{rng.randint(1000, 9999)}"))
            if rng.random() < 0.8
            else "",
            order_no=order if rng.random() < 0.65 else "",
            email=f"{rng.choice(('buchhaltung', 'rechnung', 'info'))}@{short}-it.de",
            register=f"HRB {rng.randint(1000, 99999)}"
            if "KG" not in name
            else f"HRA {rng.randint(1000, 9999)}",
        )
        super().__init__(rng, data)
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_after", "sign_after", "code_after", "none")),
            rng.choice(("dotted", "dotted", "dotted", "dotted_short")),
        )
        self.ids = "both" if data.tax_no and rng.random() < 0.35 else "vat"
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("left", "right", "band"))
        self.big = rng.random() < 0.3
        self.part_column = rng.random() < 0.5
        self.step = rng.choice((1, 1, 10))
        self.split_totals = rng.random() < 0.7
        self.delivered = day - dt.timedelta(days=rng.randint(1, 20))
        self.with_delivery_date = rng.random() < 0.45
        self.notes_in_head = rng.random() < 0.5  # delivery notes listed in the head, else as group rows
        self.payment = rng.choice(("term", "term", "skonto", "skonto", "debit"))
        self.own_bank = self.payment != "debit" or rng.random() < 0.5
        self.with_bic = rng.random() < 0.8
        self.ticket = rng.choice(
            (
                f"Projekt P-{day.year % 100}{rng.randint(100, 999)}",
                f"Ticket #{rng.randint(20000, 99999)}",
                f"Projekt-Nr. {rng.randint(1000, 9999)}",
                "",
            )
        )
        self.weee = f"DE {rng.randint(10**7, 10**8 - 1)}"
        self.technician = rng.choice(_TECHNICIANS)
        self.slips = [
            (
                str(rng.randint(80000000, 80999999))
                if rng.random() < 0.6
                else f"LS-{rng.randint(10000, 99999)}",
                self.delivered - dt.timedelta(days=7 * k),
            )
            for k in range(rng.choice((1, 1, 2)))
        ]

    # -- the positions

    def positions(self) -> list[Position]:
        rng, p = self.rng, self.p
        out: list[Position] = []
        hardware = rng.sample(_HARDWARE, rng.randint(7, 12) if self.big else rng.randint(1, 3))
        software = rng.sample(_SOFTWARE, rng.randint(2, 4) if self.big else rng.choice((0, 1, 1, 2)))
        slips = self.slips
        for k, (desc, part, lo, hi, serialised, quantities) in enumerate(hardware):
            qty = rng.choice(quantities)
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            notes = []
            if not self.part_column:
                notes.append(f"Hersteller-Nr.: {part}")
            if serialised:
                sns = [serial(rng, part) for _ in range(qty)]
                notes.append("SN: " + ", ".join(sns))
            slip = slips[k * len(slips) // len(hardware)]
            group = "" if self.notes_in_head else f"Lieferschein {slip[0]} vom {p.date(slip[1])}"
            out.append(
                Position(
                    LineItem(desc, part, Decimal(qty), "Stk.", price, 19), tuple(notes), True, part, group
                )
            )
        start = self.delivered
        for desc, part, lo, hi, unit, months in software:
            qty = rng.choice((1, 1, 2, 5, 10, 15, 25)) if unit != "Instanz" else rng.choice((1, 5, 10))
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            if "NCE" in desc:
                price = round_cent(price * 12)  # billed for the year
            notes = [] if self.part_column else [f"Art.-Nr.: {part}"]
            if months:
                end = _add_months(start, months) - dt.timedelta(days=1)
                notes.append(
                    rng.choice(
                        ("Lizenzzeitraum: {a} – {b}", "Laufzeit {a} bis {b}", "Subscription {a} – {b}")
                    ).format(a=p.date(start), b=p.date(end))
                )
            else:
                notes.append("Dauerlizenz")
            out.append(
                Position(LineItem(desc, part, Decimal(qty), unit, price, 19), tuple(notes), True, part)
            )
        if rng.random() < 0.6 or not out:
            year = self.data.date.year
            contract = f"WV-{year}-{rng.randint(1, 250):03d}"
            text = rng.choice(
                (f"Wartungsvertrag {contract} 01.01.–31.12.{year}", f"Servicevertrag Nr. {contract}")
            )
            notes = (
                rng.choice(
                    (
                        f"Leistungszeitraum 01.01.{year} – 31.12.{year}",
                        f"Zeitraum: 01.01.–31.12.{year}, Reaktionszeit 4 h",
                    )
                ),
            )
            if rng.random() < 0.5:
                item = LineItem(text, "", Decimal(1), "pausch.", Decimal(rng.randrange(900, 6000, 10)), 19)
            else:
                item = LineItem(text, "", Decimal(12), "Monat", Decimal(rng.randrange(80, 490, 5)), 19)
            out.append(Position(item, notes, False))
        hours = Decimal(rng.randint(2, 32)) / 4
        rate = Decimal(rng.choice((95, 105, 110, 115, 120, 125, 135, 145)))
        when = self.delivered + dt.timedelta(days=rng.randint(0, 3))
        onsite = rng.choice(("Vor-Ort-Service", "Technikereinsatz vor Ort", "Installation und Einrichtung"))
        notes = (
            f"Techniker: {self.technician}, am {p.date(when)}" + (f", {self.ticket}" if self.ticket else ""),
        )
        out.append(Position(LineItem(onsite, "", hours, "Std.", rate, 19), notes, False))
        if rng.random() < 0.6:
            fee = Decimal(rng.choice((35, 45, 49, 55, 65, 79)))
            text = rng.choice(("Anfahrtspauschale Zone 2", "Anfahrt pauschal", "Fahrtkostenpauschale"))
            out.append(Position(LineItem(text, "", Decimal(1), "pausch.", fee, 19), (), False))
        if rng.random() < 0.5:
            quarters = Decimal(rng.randint(1, 12)) / 4
            text = rng.choice(("Remote-Support", "Fernwartung", "Hotline / Remote-Support"))
            out.append(
                Position(
                    LineItem(text, "", quarters, "Std.", round_cent(rate * Decimal("0.9")), 19),
                    (f"Abrechnung je angefangene 15 Minuten{', ' + self.ticket if self.ticket else ''}",),
                    False,
                )
            )
        return out

    # -- the page

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"Rechnung {d.number} vom {self.p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.data.supplier, self.LEFT, self.RIGHT
        line = self.rng.choice(
            (
                "IT-Systemhaus · Netzwerke · Cloud · Service",
                "Hardware · Software · IT-Service",
                "Ihr IT-Partner für den Mittelstand",
                "Managed Services · Security · Arbeitsplatz-IT",
            )
        )
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "left":
            logo(c, self.rng.choice(("square", "diamond")), L, 28, 40, self.brand, initials(s.name))
            c.fit_text(L + 50, 50, s.name, 14, 300, bold=True, colour=self.brand)
            c.text(L + 50, 63, line, 7.5, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 36 + 10 * i, text, 7.5, align="right", colour=GREY)
        elif self.head == "band":
            c.box(0, 22, c.width, 74, fill=self.brand, stroke=None)
            c.fit_text(L, 50, s.name, 16, 320, bold=True, colour=WHITE)
            c.fit_text(L, 63, line, 7.5, 300, colour=WHITE)
            for i, text in enumerate(contact):
                c.text(R, 35 + 10 * i, text, 7.5, align="right", colour=WHITE)
        else:
            c.fit_text(R, 48, s.name, 15, 330, bold=True, align="right", colour=self.brand)
            c.text(R, 61, line, 8, align="right", colour=GREY)
            c.fit_text(R, 73, " · ".join(contact), 7.2, 380, align="right", colour=GREY)

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        y = self.window(
            L,
            130,
            [r.name, r.contact, r.street, r.city_line],
            10,
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        rows = [
            (rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Beleg-Nr.")), d.number),
            (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date)),
        ]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer", "Ihre Kd.-Nr.")), d.customer_no))
        if self.with_delivery_date:
            rows.append(
                (
                    rng.choice(("Lieferdatum", "Leistungsdatum", "Liefer-/Leistungsdatum")),
                    p.date(self.delivered),
                )
            )
        rows.append(("Bearbeiter", rng.choice(("Hr. Lorenz", "Fr. Dietrich", "Hr. Ahmadi", "Fr. Kühn"))))
        top = label_rows(c, rows, 340, R, 130, 8.5, 13, value_align="right", label_colour=GREY)
        y = max(y, top) + 12
        title = rng.choice(("Rechnung", "RECHNUNG", f"Rechnung Nr. {d.number}"))
        c.text(L, y + 8, title, 14, bold=True)
        y += 24
        refs = []
        if d.order_no:
            ordered = self.delivered - dt.timedelta(days=rng.randint(2, 25))
            refs.append(
                rng.choice(
                    (
                        "Ihre Bestellung {n} vom {d}",
                        "Ihre Bestellung Nr. {n} vom {d}",
                        "Bestell-Nr. {n} vom {d}",
                    )
                ).format(n=d.order_no, d=p.date(ordered))
            )
        if self.notes_in_head:
            refs.append(", ".join(f"Lieferschein {n} vom {p.date(when)}" for n, when in self.slips))
        if self.ticket:
            refs.append(self.ticket)
        for ref in refs:
            c.fit_text(L, y, ref, 9, R - L)
            y += 12
        if rng.random() < 0.6:
            y += 4
            y = (
                c.paragraph(
                    L,
                    y,
                    rng.choice(
                        (
                            "Für unsere Lieferungen und Leistungen berechnen wir Ihnen:",
                            "Wir danken für Ihren Auftrag und stellen Ihnen folgende Positionen in Rechnung:",
                            "Gemäß unseren Allgemeinen Geschäftsbedingungen berechnen wir:",
                        )
                    ),
                    R - L,
                    9,
                )
                + 2
            )
        return y

    def spec(self) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = [("pos", "Pos.", 28, "left")]
        if self.part_column:
            spec.append(("part", rng.choice(("Art.-Nr.", "Herst.-Nr.", "Artikel")), 92, "left"))
        spec += [
            ("desc", "Bezeichnung", 0, "left"),
            ("qty", "Menge", 40, "right"),
            ("unit", "ME", 40, "left"),
            ("price", rng.choice(("Einzelpreis", "EP netto", "E-Preis")), 62, "right"),
            ("total", rng.choice(("Gesamt", "Gesamtpreis", "GP netto")), 66, "right"),
        ]
        return spec

    def heading(self, y: float, cols) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        c.line(L, y + 16, R, y + 16, width=0.6, colour=self.brand)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8, bold=True)
        return y + 16

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.text(R - 200, y + 14, label, 9, bold=True)
        c.text(R, y + 14, self.p.amount(running), 9, bold=True, align="right")
        return y + 22

    def table(self, y: float, positions: list[Position]) -> float:
        p, L, R = self.p, self.LEFT, self.RIGHT
        cols = columns(self.spec(), L, R)
        desc = next(col for col in cols if col.key == "desc")
        y = self.heading(y + 4, cols)
        running = Decimal(0)
        group = ""
        for n, pos in enumerate(positions, 1):
            item = pos.item
            lines = self.c.wrap(item.description, desc.width, 8.5)
            notes = [sub for note in pos.notes for sub in self.c.wrap(note, desc.width, 7.3)]
            height = 12 * len(lines) + 9 * len(notes) + 8 + (16 if pos.group and pos.group != group else 0)
            if y + height > self.limit - 40:
                self.carry(y, running, "Übertrag")
                y = self.carry(self.heading(self.next_page(), cols), running, "Übertrag")
            c = self.c
            if pos.group and pos.group != group:
                y += 15
                c.text(L + 3, y, pos.group, 8.5, bold=True, colour=self.brand)
                group = pos.group
            y += 13
            values = {
                "pos": str(n * self.step),
                "part": item.article,
                "qty": quantity(item.quantity, p),
                "unit": item.unit,
                "price": p.number(item.unit_price),
                "total": p.number(item.total),
            }
            cells(c, cols, y, values, 8.5)
            for j, line in enumerate(lines):
                c.text(desc.anchor, y + 12 * j, line, 8.5)
            y += 12 * (len(lines) - 1)
            for note in notes:
                y += 9
                c.text(desc.anchor, y, note, 7.3, colour=GREY)
            y += 5
            c.line(L, y, R, y, width=0.3, colour=RULE)
            running += item.total
        return y

    def totals(self, y: float, positions: list[Position], vat: VatLine) -> tuple[float, Decimal]:
        p, rng, R = self.p, self.rng, self.RIGHT
        goods = sum((q.item.total for q in positions if q.goods), Decimal(0))
        service = sum((q.item.total for q in positions if not q.goods), Decimal(0))
        rows: list[tuple[str, Decimal, bool]] = []
        if self.split_totals and goods and service:
            rows.append((rng.choice(("Warenwert", "Warenwert netto", "Summe Waren")), goods, False))
            rows.append(
                (rng.choice(("Dienstleistung", "Dienstleistungen", "Summe Dienstleistung")), service, False)
            )
        rows.append((rng.choice(("Nettobetrag", "Summe netto", "Nettobetrag gesamt")), vat.base, True))
        rows.append((rng.choice(("zzgl. 19 % MwSt.", "zzgl. 19 % USt.", "MwSt. 19 %")), vat.amount, False))
        gross = vat.base + vat.amount
        rows.append((rng.choice(("Rechnungsbetrag", "Gesamtbetrag", "Rechnungsbetrag brutto")), gross, True))
        if y + 16 * len(rows) + 20 > self.limit - 4:
            y = self.next_page()
        c = self.c
        x = R - 260
        y += 8
        for label, value, bold in rows:
            y += 16
            if label.startswith("Rechnungsbetrag") or label == "Gesamtbetrag":
                c.box(x - 6, y - 12, R + 4, y + 5, fill=LIGHT, stroke=None)
                c.line(x - 6, y + 5, R + 4, y + 5, width=0.8)
            c.fit_text(x, y, label, 9.5, 170, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        return y + 10, gross

    def closing(self, y: float, gross: Decimal) -> float:
        d, p, rng, L, R = self.data, self.p, self.rng, self.LEFT, self.RIGHT
        texts: list[tuple[str, bool]] = []
        if self.payment == "term":
            days = (d.due_date - d.date).days
            texts.append(
                (
                    rng.choice(
                        (
                            f"Zahlbar innerhalb von {days} Tagen ohne Abzug bis zum {p.date(d.due_date)}.",
                            f"Zahlungsziel: {p.date(d.due_date)}, rein netto.",
                        )
                    ),
                    True,
                )
            )
        elif self.payment == "skonto":
            pct = rng.choice((2, 2, 3))
            until = d.date + dt.timedelta(days=rng.choice((7, 8, 10)))
            late = d.date + dt.timedelta(days=30)
            cut = round_cent(gross * pct / 100)
            texts.append(
                (
                    f"Zahlbar bis {p.date(until)} abzüglich {pct} % Skonto ({p.amount(cut)}), Zahlbetrag "
                    f"{p.amount(gross - cut)}, oder bis {p.date(late)} ohne Abzug.",
                    True,
                )
            )
            if rng.random() < 0.5:
                texts.append(
                    (
                        "Skonto wird nur auf den Warenwert gewährt, sofern keine älteren Posten offen sind.",
                        False,
                    )
                )
        else:
            when = d.date + dt.timedelta(days=rng.choice((5, 7, 10)))
            texts.append(
                (
                    f"Der Rechnungsbetrag von {p.amount(gross)} wird am {p.date(when)} per SEPA-Lastschrift "
                    f"von Ihrem Konto {masked_de(rng)} eingezogen.",
                    True,
                )
            )
            texts.append(
                (
                    f"Mandatsreferenz: {d.customer_no or 'M'}-{rng.randint(100, 999)} · Gläubiger-ID: "
                    f"{creditor_id(rng)}",
                    False,
                )
            )
        texts.append(
            (
                rng.choice(
                    (
                        "Die gelieferte Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
                        "Eigentumsvorbehalt: Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum. "
                        "Lizenzrechte gehen erst mit vollständiger Zahlung über.",
                    )
                ),
                False,
            )
        )
        if rng.random() < 0.5:
            texts.append((f"Elektro- und Elektronikgeräte: WEEE-Reg.-Nr. {self.weee} (stiftung ear).", False))
        if rng.random() < 0.5:
            texts.append(
                ("Es gelten unsere AGB sowie die Lizenzbedingungen der jeweiligen Hersteller.", False)
            )
        height = sum(11 * len(self.c.wrap(t, R - L, 8.3)) + 4 for t, _ in texts) + 8
        if y + height > self.limit:
            y = self.next_page()
        c = self.c
        y += 8
        for text, bold in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8.3, bold=bold)
        return y

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Amtsgericht {s.city} {d.register}", f"Geschäftsführer: {d.ceo}"]
        legal += self.tax_ids("USt-IdNr.", "St.-Nr.")
        legal.append(f"WEEE-Reg.-Nr. {self.weee}")
        cols = [[s.name, s.street, s.city_line, f"Tel. {d.phone}"], legal]
        if self.own_bank:
            cols.append(
                [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
            )
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        positions = self.positions()
        items = [q.item for q in positions]
        (vat,) = vat_breakdown(items)
        self.header()
        y = self.table(self.info(), positions)
        y, gross = self.totals(y, positions, vat)
        y = self.closing(y, gross)
        assert y < self.limit + 6, "it_systemhaus: page overflow"
        pages = self.close_pages(False)
        if self.with_delivery_date:
            self.data = dataclasses.replace(self.data, service_date=self.delivered)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.with_delivery_date,
            customer_no=bool(self.data.customer_no),
            order_no=bool(self.data.order_no),
            bank=self.own_bank,
            bic_printed=self.with_bic,
        )


def quantity(value: Decimal, p: Printer) -> str:
    """A quantity as the table prints it: 3, 2,5, 1,25 (hours by the quarter)."""
    if value == value.to_integral():
        return str(int(value))
    text = f"{value.normalize():f}"
    return text if p.numbers == "en" else text.replace(".", ",")


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))


# ---------------------------------------------------------------------------
# facture_abonnement_fr

_SAAS_SELLERS = ("Nuagik SAS", "Facturo SAS", "Cloudéa SAS", "Pilotix SAS", "Logiciel Azur SAS", "Agendo SAS")
_TELCO_SELLERS = (
    "Hexatel Entreprises SAS",
    "Liaison Pro Télécom SA",
    "Mobilis Business SAS",
    "Fibrea Pro SAS",
)
_FR_CUSTOMERS = (
    "SARL Atelier Dubois",
    "Cabinet Moreau Avocats",
    "SAS Transports Lemaire",
    "Agence Pixel & Co",
    "Boulangerie Marchand SARL",
    "Clinique Vétérinaire des Alpes",
    "SCI Horizon Gestion",
    "Association Sportive de Rennes",
)
_PLANS_SAAS = (("Starter", 9, 15), ("Pro", 19, 29), ("Business", 35, 49), ("Entreprise", 59, 89))
_OPTIONS_SAAS = (
    ("Option stockage supplémentaire +1 To", 9.0, 19.0),
    ("Support Premium (réponse sous 4 h)", 49.0, 149.0),
    ("Module Signature électronique", 15.0, 39.0),
    ("Connecteur comptable (API)", 19.0, 49.0),
    ("Authentification SSO / SAML", 29.0, 79.0),
)
_PLANS_TELCO = (
    ("Forfait Mobile Pro 20 Go", 12, 18),
    ("Forfait Mobile Pro 100 Go", 19, 29),
    ("Forfait Mobile Pro Illimité", 29, 45),
)
_OPTIONS_TELCO = (
    ("Accès Fibre Pro 1 Gb/s avec GTR 4 h", 49.0, 89.0),
    ("Location Box Pro", 5.0, 12.0),
    ("Option International Europe + Maghreb", 5.0, 15.0),
    ("Standard téléphonique cloud – poste", 8.0, 15.0),
    ("Adresse IP fixe", 5.0, 10.0),
)
_SURNAMES = ("martin", "bernard", "dubois", "thomas", "robert", "petit", "durand", "leroy", "moreau", "simon")
_FR_BANKS = ("3000400001", "3000300001", "3000200001", "2004101005", "1027800001", "1020700001")
_EN = {
    "title": "Invoice / Facture",
    "number": "Invoice No. / Facture n°",
    "date": "Invoice date / Date de facture",
    "client": "Customer ID / N° client",
    "period": "Billing period / Période",
    "ht": "Subtotal / Total HT",
    "tva": "VAT / TVA 20 %",
    "ttc": "Total / Total TTC",
    "desc": "Description",
    "qty": "Qty / Qté",
    "price": "Unit price / PU HT",
    "total": "Amount / Montant HT",
}


def fr_ics(rng: random.Random) -> str:
    """A French SEPA creditor identifier (ICS): FRkkZZZ and six characters, ISO 7064 check digits."""
    national = "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(6))
    digits = "".join(str(int(ch, 36)) for ch in national + "FR00")
    return f"FR{98 - int(digits) % 97:02d}ZZZ{national}"


def fr_long(day: dt.date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {MONTHS_FR[day.month - 1]} {day.year}"


class FactureAbonnementFr(FirstSheet):
    """A French SaaS or telecom subscription invoice: plan, options, pro-rata, TVA 20 %, three payments."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    IDS = "vat"
    GROUPED = 0.7
    FOOT = A4.height - 70

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.telco = rng.random() < 0.4
        name = rng.choice(_TELCO_SELLERS if self.telco else _SAAS_SELLERS)
        self.company = fr_address(rng, (name,))
        self.client = fr_address(rng, _FR_CUSTOMERS)
        self.bilingual = not self.telco and rng.random() < 0.4
        self.yearly = not self.telco and rng.random() < 0.3
        day = data.date
        self.start = day.replace(day=1) if rng.random() < 0.6 else day - dt.timedelta(days=rng.randint(0, 25))
        self.end = _add_months(self.start, 12 if self.yearly else 1) - dt.timedelta(days=1)
        if self.start.day == 1 and not self.yearly:
            self.end = (_add_months(self.start, 1)).replace(day=1) - dt.timedelta(days=1)
        in_advance = self.yearly or rng.random() < 0.6  # a year is billed at its start
        day = self.start + dt.timedelta(days=rng.choice((0, 0, 1, 2))) if in_advance else self.end
        if day == self.end:
            day += dt.timedelta(days=1)
        self.dates = "fr_slash" if self.bilingual else rng.choice(("fr_slash", "fr_slash", "fr_long"))
        if self.dates == "fr_long" and day.day == 1:  # "1er avril" is how it would be written
            day += dt.timedelta(days=1)
        self.siren = fr_siren(rng)
        n = rng.randint(1, 99999)
        number = rng.choice(
            (
                f"FA-{day.year}-{n:06d}",
                f"INV-{day.year}{day.month:02d}-{n:05d}",
                f"F{day.year % 100}{day.month:02d}{n:05d}",
                f"{day.year}{day.month:02d}{n:06d}",
            )
        )
        customer_no = rng.choice(
            (
                f"C-{rng.randint(1000, 999999):06d}",
                f"{rng.randint(10**7, 10**8 - 1)}",
                f"CUS{rng.randint(10000, 99999)}",
            )
        )
        short = name.split()[0].lower().replace("é", "e").replace("è", "e")
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((5, 7, 10))),
            customer_no=customer_no if rng.random() < 0.8 else "",
            order_no="",
            supplier=self.company.party,
            customer=self.client.party,
            phone=f"0{rng.choice((1, 9))} " + " ".join(str(rng.randint(10, 99)) for _ in range(4)),
            email=f"{rng.choice(('facturation', 'billing', 'support'))}@{short}.{rng.choice(('fr', 'io'))}",
            vat_id=fr_vat_id(self.siren),
            tax_no="",
            iban=iban_of(rng, "FR", _FR_BANKS, 11),
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        if self.bilingual:
            self.p = Printer("en", rng.choice(("sign_tight", "sign_tight", "sign_after")), self.dates)
        else:
            self.p = Printer("de_space", rng.choice(("sign_after", "sign_after", "code_after")), self.dates)
        self.brand = rng.choice(MORE_BRANDS)
        self.payment = (
            rng.choice(("debit", "debit", "debit", "card", "transfer"))
            if not self.telco
            else rng.choice(("debit", "debit", "debit", "transfer"))
        )
        self.detail_page = rng.random() < 0.3
        self.head = rng.choice(("left", "band", "split"))
        self.units: list[str] = []

    def date(self, day: dt.date) -> str:
        return fr_long(day) if self.dates == "fr_long" else self.p.date(day)

    def word(self, key: str, french: str) -> str:
        return _EN[key] if self.bilingual else french

    # -- the lines

    def lines(self) -> list[LineItem]:
        rng = self.rng
        plans = _PLANS_TELCO if self.telco else _PLANS_SAAS
        plan, lo, hi = rng.choice(plans)
        users = (
            rng.choice((1, 2, 3, 5, 8, 10, 12, 15, 25)) if not self.telco else rng.choice((2, 3, 4, 6, 8, 12))
        )
        price = Decimal(rng.randint(lo, hi)) + Decimal(rng.choice(("0", "0.90", "0.99", "0.50")))
        if self.yearly:
            price = round_cent(price * 12 * Decimal(rng.choice(("0.8", "0.85", "1"))))
        unit = "ligne" if self.telco else ("utilisateur/an" if self.yearly else "utilisateur/mois")
        if self.bilingual:
            unit = "user/year" if self.yearly else "user/month"
        text = (
            f"{plan} – {users} lignes"
            if self.telco
            else f"Abonnement {plan} {'annuel' if self.yearly else 'mensuel'}"
            + (" / Subscription" if self.bilingual else "")
        )
        items = [LineItem(text, "", Decimal(users), unit, price, 20)]
        self.units = (
            [
                f"0{rng.choice('667')} {' '.join(f'{rng.randint(0, 99):02d}' for _ in range(4))}"
                for _ in range(users)
            ]
            if self.telco
            else [
                f"{rng.choice('acdejlmnprst')}.{rng.choice(_SURNAMES)}{k if k > 9 else ''}"
                for k in range(users)
            ]
        )
        options = _OPTIONS_TELCO if self.telco else _OPTIONS_SAAS
        for desc, olo, ohi in rng.sample(options, rng.choice((0, 1, 1, 2, 3))):
            oprice = round_cent(Decimal(str(rng.uniform(olo, ohi))))
            if self.yearly:
                oprice = round_cent(oprice * 12)
            items.append(LineItem(desc, "", Decimal(1), "forfait", oprice, 20))
        days = (self.end - self.start).days + 1
        if rng.random() < 0.4:  # users added during the period, at the pro-rata of the remaining days
            added = rng.choice((1, 2, 3))
            since = self.start + dt.timedelta(days=rng.randint(3, max(4, days - 5)))
            share = Decimal((self.end - since).days + 1) / Decimal(days)
            what = "ligne(s)" if self.telco else "utilisateur(s)"
            items.append(
                LineItem(
                    f"Prorata ajout de {added} {what} du {self.date(since)} au {self.date(self.end)}",
                    "",
                    Decimal(added),
                    "prorata",
                    round_cent(price * share),
                    20,
                )
            )
        if rng.random() < 0.45:  # a credit for the unused part of a downgrade or a cancelled line
            since = self.start + dt.timedelta(days=rng.randint(2, max(3, days - 3)))
            share = Decimal((self.end - since).days + 1) / Decimal(days)
            credit = round_cent(min(price, Decimal(hi)) * share)
            reason = rng.choice(
                ("résiliation de la ligne " + self.units[-1], "changement d'offre")
                if self.telco
                else ("changement d'offre", "retrait d'un utilisateur", "suspension de l'option")
            )
            items.append(
                LineItem(
                    f"Avoir prorata – {reason} (du {self.date(since)} au {self.date(self.end)})",
                    "",
                    Decimal(1),
                    "avoir",
                    -credit,
                    20,
                )
            )
        if self.telco and rng.random() < 0.6:
            usage = round_cent(Decimal(str(rng.uniform(0.5, 48))))
            items.append(
                LineItem(
                    "Communications hors forfait (détail en annexe)"
                    if self.detail_page
                    else "Communications hors forfait",
                    "",
                    Decimal(1),
                    "conso",
                    usage,
                    20,
                )
            )
        if rng.random() < 0.2:
            items.append(
                LineItem(
                    "Frais de mise en service",
                    "",
                    Decimal(1),
                    "unique",
                    Decimal(rng.choice((29, 49, 49, 99))),
                    20,
                )
            )
        return items

    # -- the page

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"Facture n° {d.number} – {self.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP

    def page_label(self, page: int, pages: int) -> str:
        return f"Page {page}/{pages}"

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.company, self.LEFT, self.RIGHT
        name = s.party.name
        tagline = (
            "Opérateur télécom des entreprises"
            if self.telco
            else self.rng.choice(
                (
                    "Logiciel de gestion en ligne",
                    "La plateforme collaborative des PME",
                    "Cloud software for teams",
                )
            )
        )
        web = f"www.{d.email.split('@')[1]}"
        if self.head == "band":
            c.box(0, 0, c.width, 70, fill=self.brand, stroke=None)
            c.fit_text(L, 40, name, 18, 300, bold=True, colour=WHITE)
            c.fit_text(L, 55, tagline, 8, 300, colour=WHITE)
            c.text(R, 40, web, 8, align="right", colour=WHITE)
            c.text(R, 52, d.email, 8, align="right", colour=WHITE)
        else:
            logo(c, self.rng.choice(("circle", "square")), L, 30, 34, self.brand, initials(name))
            c.fit_text(L + 44, 50, name, 15, 260, bold=True, colour=self.brand)
            c.fit_text(L + 44, 62, tagline, 7.5, 260, colour=GREY)
            for i, line in enumerate((*s.lines, web, d.email)):
                c.text(R, 38 + 10 * i, line, 7.5, align="right", colour=GREY)

    def info(self) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        y0 = 112
        title = self.word("title", rng.choice(("Facture", "FACTURE")))
        c.text(L, y0, title, 20 if not self.bilingual else 17, bold=True, colour=self.brand)
        rows = [
            (self.word("number", rng.choice(("Facture n°", "N° de facture"))), d.number),
            (
                self.word("date", rng.choice(("Date de facture", "Date d'émission", "Date"))),
                self.date(d.date),
            ),
        ]
        if d.customer_no:
            rows.append(
                (
                    self.word("client", rng.choice(("N° client", "Numéro client", "Réf. client"))),
                    d.customer_no,
                )
            )
        period = f"du {self.date(self.start)} au {self.date(self.end)}"
        rows.append((self.word("period", "Période"), period))
        if self.payment == "debit" or rng.random() < 0.5:
            rows.append(("Échéance" if not self.bilingual else "Due date / Échéance", self.date(d.due_date)))
        y = label_rows(c, rows, L, L + (150 if self.bilingual else 100), y0 + 22, 9, 13, label_colour=GREY)
        yc = self.window(
            330,
            y0 + 8,
            [*self.client.block],
            10,
            sender="Adresse de facturation" if rng.random() < 0.5 else "",
        )
        y = max(y, yc) + 6
        if rng.random() < 0.5:
            c.fit_text(
                L, y + 6, f"Période du {self.date(self.start)} au {self.date(self.end)}", 10, R - L, bold=True
            )
            y += 14
        return y + 6

    def table(self, y: float, items: list[LineItem]) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        cols = columns(
            [
                ("desc", self.word("desc", "Désignation"), 0, "left"),
                ("qty", self.word("qty", rng.choice(("Qté", "Quantité"))), 52, "right"),
                ("price", self.word("price", rng.choice(("PU HT", "Prix unitaire HT"))), 86, "right"),
                ("total", self.word("total", rng.choice(("Montant HT", "Total HT"))), 96, "right"),
            ],
            L,
            R,
        )
        desc = cols[0]
        white = rng.random() < 0.5
        c.box(L, y, R, y + 17, fill=self.brand if white else LIGHT, stroke=None)
        head = {col.key: col.head for col in cols}
        cells(c, cols, y + 12, head, 8.2, bold=True, colour=WHITE if white else (0, 0, 0))
        with_sign = rng.random() < 0.3
        y += 17
        for item in items:
            lines = c.wrap(item.description, desc.width, 8.7)
            y += 14
            prorata = item.unit in ("prorata", "avoir", "conso", "unique", "forfait")
            cells(
                c,
                cols,
                y,
                {
                    "qty": p.quantity(item.quantity),
                    "price": p.number(item.unit_price) if not prorata or item.unit == "prorata" else "",
                    "total": p.amount(item.total) if with_sign else p.number(item.total),
                },
                8.7,
            )
            for j, line in enumerate(lines):
                c.text(desc.anchor, y + 12 * j, line, 8.7)
            y += 12 * (len(lines) - 1)
            if item.unit in ("ligne", "utilisateur/mois", "utilisateur/an", "user/month", "user/year"):
                y += 10
                c.text(
                    desc.anchor + 8,
                    y,
                    f"{p.quantity(item.quantity)} × {p.amount(item.unit_price)} / {item.unit}",
                    7.5,
                    colour=GREY,
                )
            y += 5
            c.line(L, y, R, y, width=0.3, colour=RULE)
        return y

    def totals(self, y: float, vat: VatLine) -> float:
        c, p, rng, R = self.c, self.p, self.rng, self.RIGHT
        gross = vat.base + vat.amount
        rows = [
            (self.word("ht", rng.choice(("Total HT", "Montant HT"))), vat.base, False),
            (self.word("tva", rng.choice(("TVA 20 %", "TVA (20 %)", "TVA 20,00 %"))), vat.amount, False),
            (self.word("ttc", rng.choice(("Total TTC", "Montant TTC"))), gross, True),
        ]
        if self.payment == "debit":
            when = self.data.due_date
            rows.append(
                (
                    rng.choice(
                        (f"Montant prélevé le {self.date(when)}", f"Prélèvement SEPA le {self.date(when)}")
                    ),
                    gross,
                    False,
                )
            )
        elif self.payment == "card":
            rows.append(("Montant payé / Amount paid" if self.bilingual else "Montant payé", gross, False))
            rows.append(
                ("Reste à payer / Balance due" if self.bilingual else "Reste à payer", Decimal(0), False)
            )
        else:
            rows.append(("Net à payer" if not self.bilingual else "Amount due / Net à payer", gross, True))
        x = R - 250
        y += 8
        for label, value, bold in rows:
            y += 16
            if bold:
                c.box(x - 6, y - 12, R + 4, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9.5, 160, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        return y + 12

    def closing(self, y: float) -> float:
        c, d, rng, L, R = self.c, self.data, self.rng, self.LEFT, self.RIGHT
        texts: list[tuple[str, bool]] = []
        if self.payment == "debit":
            texts.append(
                (
                    f"Cette facture sera réglée par prélèvement SEPA le {self.date(d.due_date)} sur le "
                    "compte "
                    f"{masked(rng, 'FR')}.",
                    True,
                )
            )
            rum = f"{d.supplier.name.split()[0].upper()[:5]}-{d.customer_no or rng.randint(10**5, 10**6)}-01"
            texts.append((f"Référence Unique de Mandat (RUM) : {rum} – ICS : {fr_ics(rng)}", False))
        elif self.payment == "card":
            card = rng.choice(("Visa", "Mastercard", "CB", "American Express"))
            texts.append(
                (
                    f"Payé par carte le {self.date(d.date)} – {card} •••• {rng.randint(1000, 9999)}"
                    + (" / Paid by card" if self.bilingual else ""),
                    True,
                )
            )
        else:
            texts.append(
                (
                    f"À régler par virement avant le {self.date(d.due_date)} en rappelant le n° de facture.",
                    True,
                )
            )
            texts.append((f"{bank_name(d.iban)} – IBAN : {self.iban} – BIC : {d.iban.bic}", True))
        texts.append(
            (
                "En cas de retard de paiement, pénalités au taux de trois fois le taux d'intérêt légal et "
                "indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 C. com.). "
                "Pas d'escompte pour paiement anticipé.",
                False,
            )
        )
        if rng.random() < 0.5:
            texts.append(
                ("Retrouvez vos factures et gérez votre abonnement dans votre espace client.", False)
            )
        y += 8
        for text, bold in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8, bold=bold)
        return y

    def detail(self) -> None:
        y = self.next_page()
        c, p, L = self.c, self.p, self.LEFT
        what = (
            "Détail par ligne"
            if self.telco
            else "Détail des utilisateurs / Users"
            if self.bilingual
            else ("Détail des utilisateurs")
        )
        c.text(L, y, what, 13, bold=True)
        y += 18
        c.text(L, y, f"Période du {self.date(self.start)} au {self.date(self.end)}", 9, colour=GREY)
        y += 14
        for k, unit in enumerate(self.units, 1):
            y += 13
            c.text(L, y, f"{k:>2}.", 8.5, colour=GREY)
            c.text(
                L + 24,
                y,
                unit if self.telco else f"{unit}@{self.client.party.name.split()[-1].lower()}.fr",
                8.5,
            )
            c.text(L + 260, y, "actif" if self.telco else "Administrateur" if k == 1 else "Membre", 8.5)
            if self.telco:
                c.text(
                    L + 340,
                    y,
                    f"{p.quantity(Decimal(self.rng.randint(1, 90)))} Go consommés",
                    8.5,
                    colour=GREY,
                )

    def footer(self) -> None:
        c, d, rng, L, R = self.c, self.data, random.Random(self.data.number), self.LEFT, self.RIGHT
        s = self.company
        siren = f"{self.siren[:3]} {self.siren[3:6]} {self.siren[6:]}"
        nic = f"000{rng.randint(1, 4)}"
        siret = self.siren + nic + luhn.calc_check_digit(self.siren + nic)
        capital = f"{rng.choice((10000, 37000, 100000, 152400, 1000000)):,}".replace(",", " ")
        form = "SA" if s.party.name.endswith(" SA") else "SAS"
        naf = "6110Z" if self.telco else rng.choice(("5829C", "6201Z", "6311Z"))
        vat_label = "TVA intracommunautaire" if not self.bilingual else "VAT ID / TVA intracommunautaire"
        self.tax["ust_id"] = d.vat_id
        top = self.FOOT
        c.line(L, top, R, top, width=0.4, colour=GREY)
        lines = [
            f"{s.party.name} – {form} au capital de {capital} € – {s.lines[0]}, {s.lines[1]}",
            f"RCS {s.party.city} {siren} – SIRET {siret} – NAF {naf} – {vat_label} : {d.vat_id}",
        ]
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, top + 12 + 10 * i, line, 7, R - L, align="center", min_size=5.5)

    def draw(self) -> TripDrawing:
        for _ in range(50):
            items = self.lines()
            (vat,) = vat_breakdown(items)
            if vat.base > 0:
                break
        self.header()
        y = self.table(self.info(), items)
        y = self.totals(y, vat)
        y = self.closing(y)
        assert y < self.limit + 6, "facture_abonnement_fr: page overflow"
        if self.detail_page:
            self.detail()
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Facture",
            pages=pages,
            customer_no=bool(self.data.customer_no),
            bank=self.payment == "transfer",
        )


# ---------------------------------------------------------------------------
# Registry

CLOSING_FAMILIES: dict[str, type[TripSheet]] = {
    "it_systemhaus": ItSystemhaus,
    "facture_abonnement_fr": FactureAbonnementFr,
}


def draw_closing(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(CLOSING_FAMILIES[name], name, seed)
