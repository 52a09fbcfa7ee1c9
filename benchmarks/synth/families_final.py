"""Two invoice layout families of a French building contractor and of a German car dealer, designed blind
(session 15, third set).

Like `families_extra`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_final(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip` and `families_first` and returns a `TripDrawing` (truth keys only for values
printed):

- `facture_btp`: a French building contractor's invoice (plomberie, électricité, maçonnerie, menuiserie; a
  SARL, EURL or SAS): "FACTURE N° ...", "Date : 05/03/2024" or "Lyon, le 5 mars 2024", "N° client" on some
  seeds, the signed quote ("Devis n° ... du ...") on some, "Chantier :" with the site's address (the
  customer's home or another address), "Objet :"; the works in a table (Désignation, Qté, Unité, PU HT,
  Montant HT; a TVA column when rates mix), in lots with headings (and sub-totals) on some seeds; TVA at 10 %
  (renovation of housing), 20 % (business premises), 5,5 % (energy renovation), 10 % and 20 % or 5,5 % and
  10 % mixed; "Total HT", "TVA 10 %" per rate (or a table by rate), "Total TTC"; on some seeds a "Retenue de
  garantie 5 %" and/or an "Acompte versé le ..." deducted, then "Net à payer"; the reduced-rate mention
  (art. 279-0 bis / 278-0 bis A du CGI), the "Assurance décennale" (insurer, policy, cover), "Conditions de
  paiement", the late-payment penalties and the "indemnité forfaitaire pour frais de recouvrement de 40 €";
  payment by "virement" to an IBAN FR.. with BIC; SIRET, RCS, code APE / NAF, "N° TVA intracommunautaire"
  and the capital in the footer; two pages ("À reporter" / "Report") when the works run long. Amounts
  "1 234,56 €" (on some seeds "1.234,56 €" or "1 234,56 EUR"), dates "05/03/2024" or "5 mars 2024". Truth:
  the usual keys, `ust_id` the FR number, `iban` FR.., the gross is the "Total TTC" before the retention and
  the deposit are deducted (as in `anzahlung`); `kundennummer` for the N° client; `leistungsdatum` for a
  single "Date d'intervention" (never for a period of works).
- `kfz_haendler`: a German car dealer's invoice for one vehicle: "Rechnung", "Fahrzeugrechnung" or
  "Kaufvertrag/Rechnung Nr."; the buyer (a person or a business); the vehicle (Marke/Modell, FIN of 17
  characters, Erstzulassung, km-Stand, Farbe, Leistung, Kraftstoff, on some seeds the Kennzeichen and HU);
  a new car (list price, options, a discount on some seeds) or a used one; on about half of the seeds a used
  car under the margin scheme ("Differenzbesteuerung nach § 25a UStG – Gebrauchtgegenstände/Sonderregelung")
  with no VAT printed (only "Kaufpreis" / "Gesamtbetrag"), otherwise 19 % with net and "MwSt." (on some used
  seeds a gross price "inkl. 19 % MwSt." with the net and VAT it holds); registration service, transfer,
  winter wheels and mats on some seeds (only the ancillary services under the margin scheme); a trade-in
  ("Inzahlungnahme" of the buyer's car) and/or an "Anzahlung" deducted on some seeds ("Restbetrag" /
  "Zahlbetrag"); "Übergabe am" / "Lieferdatum" on some seeds; the dealer's USt-IdNr. (Steuernummer on some
  seeds), HRB or HRA, bank in the footer; an equipment list as a second page on some seeds. Truth: the usual
  keys; under the margin scheme no `mwst` and net = gross (as in `hosting_export`); with a trade-in or deposit
  the gross before deduction (as in `anzahlung`); `kundennummer`, `leistungsdatum` (the single handover or
  delivery date) where printed.

Both keep their dates out of the second half of 2020 (German VAT 16 % then).
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
    Address,
    bank_name,
    fr_address,
    fr_siren,
    fr_vat_id,
    iban_of,
    nets_of_gross,
)
from benchmarks.synth.invoice_gen import InvoiceData, LineItem, VatLine, round_cent, vat_breakdown
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import Printer

# ---------------------------------------------------------------------------
# facture_btp

FIVE_FIVE = Decimal("5.5")

# Trades: trade -> (company names, tagline, APE code and label, lots (title, catalogue key)).
_BTP_TRADES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "plomberie": (
        ("Plomberie Moreau", "Lambert Plomberie Chauffage", "SANI-CONFORT", "Guérin & Fils Plomberie"),
        "Plomberie – Chauffage – Sanitaire – Dépannage",
        "4322A",
    ),
    "electricite": (
        ("Élec Services Dubois", "Électricité Fabre", "Volt'Habitat", "Mercier Électricité Générale"),
        "Électricité générale – Mise aux normes – Domotique",
        "4321A",
    ),
    "maconnerie": (
        ("Maçonnerie Petit", "Bâti Rénov' Rhône", "Rousseau Maçonnerie Générale", "Les Bâtisseurs du Val"),
        "Maçonnerie – Gros œuvre – Rénovation – Ravalement",
        "4399C",
    ),
    "menuiserie": (
        ("Menuiserie Garnier", "L'Atelier Bois & Baies", "Menuiserie Chevalier", "Fermetures Robin"),
        "Menuiserie bois, PVC, alu – Agencement – Fermetures",
        "4332A",
    ),
}
_FORMS = ("SARL", "SARL", "EURL", "SAS", "SASU")
# Works by trade: (désignation, unit, least and most unit price, quantities); "energy" lines at 5,5 %.
Work = tuple[str, str, float, float, tuple[float, ...]]
_WORKS: dict[str, dict[str, tuple[Work, ...]]] = {
    "plomberie": {
        "main": (
            ("Dépose et évacuation de l'ancienne baignoire", "u", 90, 180, (1,)),
            ("Fourniture et pose receveur de douche extra-plat 90 x 120 cm", "u", 380, 720, (1,)),
            ("Fourniture et pose paroi de douche verre trempé 8 mm", "u", 290, 650, (1,)),
            ("Fourniture et pose WC suspendu avec bâti-support", "u", 520, 980, (1,)),
            ("Fourniture et pose meuble vasque 80 cm avec mitigeur", "u", 450, 1100, (1,)),
            ("Alimentations EF / ECS en multicouche Ø 16", "ml", 18, 32, (6, 8, 10, 12, 15)),
            ("Évacuations PVC Ø 40 et Ø 100, raccordement à la chute", "ml", 16, 28, (4, 6, 8)),
            ("Remplacement chauffe-eau électrique 200 L", "u", 780, 1250, (1,)),
            ("Main d'œuvre plombier", "h", 45, 62, (2, 3, 4, 6, 8, 12)),
            ("Recherche de fuite et réparation", "forfait", 120, 280, (1,)),
            ("Fourniture et pose radiateur sèche-serviettes", "u", 260, 540, (1, 2)),
        ),
        "energy": (
            ("Fourniture et pose ballon thermodynamique 200 L", "u", 2200, 3400, (1,)),
            ("Fourniture et pose pompe à chaleur air/eau 8 kW", "u", 7800, 11900, (1,)),
            ("Raccordement hydraulique de la PAC et mise en service", "forfait", 650, 1200, (1,)),
            ("Calorifugeage des réseaux de chauffage", "ml", 12, 22, (10, 15, 20, 30)),
        ),
    },
    "electricite": {
        "main": (
            ("Remplacement tableau électrique 3 rangées avec disjoncteurs", "u", 850, 1600, (1,)),
            ("Fourniture et pose prise de courant 16 A encastrée", "u", 45, 75, (2, 4, 6, 8, 12)),
            ("Fourniture et pose point lumineux (DCL)", "u", 55, 95, (2, 3, 4, 6)),
            ("Tirage de câble U1000 R2V 3G2,5 sous gaine ICTA", "ml", 4.5, 9, (15, 20, 30, 50)),
            ("Mise à la terre et liaison équipotentielle", "forfait", 180, 420, (1,)),
            ("Fourniture et pose interrupteur va-et-vient", "u", 38, 65, (2, 3, 4)),
            ("Main d'œuvre électricien", "h", 45, 65, (2, 4, 6, 8, 10)),
            ("Attestation de conformité Consuel", "forfait", 120, 180, (1,)),
            ("Fourniture et pose détecteur de fumée (DAAF)", "u", 35, 60, (1, 2, 3)),
        ),
        "energy": (
            ("Fourniture et pose VMC double flux haut rendement", "u", 3200, 5200, (1,)),
            ("Fourniture et pose thermostat d'ambiance programmable", "u", 180, 350, (1, 2)),
            ("Gaines isolées et bouches d'extraction VMC", "ml", 14, 26, (8, 12, 16)),
        ),
    },
    "maconnerie": {
        "main": (
            ("Ouverture de mur porteur avec pose de linteau IPN", "forfait", 1800, 3800, (1,)),
            ("Démolition cloison briques et évacuation des gravats", "m²", 35, 60, (6, 8.5, 12)),
            ("Montage cloison en carreaux de plâtre", "m²", 45, 75, (8, 10.5, 14)),
            ("Chape ciment ép. 5 cm", "m²", 28, 45, (12, 18, 25, 32.5)),
            ("Enduit de façade monocouche gratté", "m²", 38, 62, (35, 48, 60, 85)),
            ("Reprise de fissures en façade", "ml", 35, 70, (4, 6, 10)),
            ("Location benne 8 m³ et mise en décharge", "forfait", 380, 650, (1,)),
            ("Main d'œuvre maçon", "h", 42, 58, (4, 8, 12, 16)),
            ("Installation de chantier et protections", "forfait", 150, 450, (1,)),
        ),
        "energy": (
            ("Isolation thermique par l'extérieur, PSE 140 mm + enduit", "m²", 115, 165, (40, 65, 85.5, 120)),
            ("Isolation des combles perdus, laine soufflée R = 7", "m²", 22, 38, (45, 60, 80)),
            ("Échafaudage de façade (montage, location, démontage)", "forfait", 900, 2200, (1,)),
        ),
    },
    "menuiserie": {
        "main": (
            ("Fourniture et pose porte intérieure postformée 83 cm", "u", 280, 520, (1, 2, 3, 4)),
            ("Fourniture et pose placard coulissant 2 vantaux", "u", 680, 1450, (1, 2)),
            ("Fourniture et pose parquet chêne contrecollé", "m²", 55, 95, (12, 18.5, 24, 36)),
            ("Plinthes bois assorties", "ml", 9, 16, (18, 24, 36)),
            ("Fourniture et pose escalier quart tournant en hêtre", "u", 3200, 5800, (1,)),
            ("Main d'œuvre menuisier", "h", 45, 60, (2, 4, 6, 8)),
            ("Fourniture et pose volet roulant électrique", "u", 420, 780, (1, 2, 3)),
        ),
        "energy": (
            ("Fourniture et pose fenêtre PVC double vitrage Uw = 1,3 W/m².K", "u", 650, 1150, (2, 3, 4, 6)),
            ("Fourniture et pose porte-fenêtre PVC 2 vantaux 215 x 140", "u", 1100, 1900, (1, 2)),
            ("Fourniture et pose porte d'entrée isolante Ud = 1,5", "u", 1800, 3200, (1,)),
            ("Dépose des anciennes menuiseries et évacuation", "u", 40, 80, (2, 3, 4, 6)),
        ),
    },
}
_OBJECTS = {
    "plomberie": ("Rénovation de la salle de bains", "Remplacement du chauffe-eau", "Installation d'une PAC"),
    "electricite": ("Mise aux normes de l'installation électrique", "Rénovation électrique de l'appartement"),
    "maconnerie": ("Ouverture cuisine / séjour", "Ravalement de façade", "Rénovation du rez-de-chaussée"),
    "menuiserie": ("Remplacement des menuiseries extérieures", "Agencement intérieur", "Pose de parquet"),
}
_BTP_PLACES = (
    ("69003", "Lyon"),
    ("69100", "Villeurbanne"),
    ("38000", "Grenoble"),
    ("31200", "Toulouse"),
    ("44300", "Nantes"),
    ("33800", "Bordeaux"),
    ("67100", "Strasbourg"),
    ("13010", "Marseille"),
    ("35200", "Rennes"),
    ("59800", "Lille"),
    ("21000", "Dijon"),
    ("37000", "Tours"),
)
_PRIVATE = (
    "M. et Mme Girard",
    "Mme Nathalie Roux",
    "M. Julien Bernard",
    "M. et Mme Lefebvre",
    "Mme Hélène Fontaine",
    "M. Karim Haddad",
    "M. Thomas Perrin",
)
_HOUSING = ("SCI Les Tilleuls", "Syndicat des copropriétaires Résidence Le Parc", "SCI du Moulin")
_BUSINESSES = (
    "SARL Boulangerie Martin",
    "Cabinet Dentaire du Centre",
    "SAS Optique Vision Plus",
    "Pharmacie de la Gare SELARL",
)
_INSURERS = (
    ("SMABTP", "8 rue Louis Armand, 75015 Paris"),
    ("MAAF Assurances", "Chauray, 79036 Niort Cedex 9"),
    ("AXA France IARD", "313 Terrasses de l'Arche, 92727 Nanterre Cedex"),
    ("MMA IARD", "14 boulevard Marie et Alexandre Oyon, 72030 Le Mans"),
    ("L'Auxiliaire", "50 cours Franklin Roosevelt, 69006 Lyon"),
)
_LATE_CLAUSES = (
    "En cas de retard de paiement, des pénalités au taux de trois fois le taux d'intérêt légal seront "
    "exigibles (art. L441-10 du Code de commerce), ainsi qu'une indemnité forfaitaire pour frais de "
    "recouvrement de 40 €. Pas d'escompte pour paiement anticipé.",
    "Tout retard de paiement entraîne de plein droit des pénalités calculées au taux directeur de la BCE "
    "majoré de 10 points et une indemnité forfaitaire de 40 € pour frais de recouvrement (art. D441-5 du "
    "Code de commerce). Escompte pour paiement anticipé : néant.",
)
_FR_BANKS = ("3000400001", "3000300001", "3000200001", "2004101005", "1027800001", "1020700001")


def fr_rate(rate: int | Decimal) -> str:
    """A rate as French invoices print it: 10 %, 5,5 %."""
    return f"{rate}".replace(".", ",") + " %"


def spaced(value: int) -> str:
    """A whole number with French thousands: 10 000."""
    return f"{value:,}".replace(",", " ")


@dataclass(frozen=True)
class Lot:
    """A lot of works: its heading (empty for a plain list) and its lines."""

    title: str
    items: tuple[LineItem, ...]


class FactureBtp(FirstSheet):
    """A French building contractor's invoice: works in a table, TVA at 10/20/5,5 %, retention and deposit."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    IDS = "vat"
    GROUPED = 0.75
    FOOT = A4.height - 74

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.trade = rng.choice(tuple(_BTP_TRADES))
        names, self.tagline, self.ape = _BTP_TRADES[self.trade]
        self.form = rng.choice(_FORMS)
        name = rng.choice(names)
        name = f"{name} {self.form}" if rng.random() < 0.6 else name
        self.company = fr_address(rng, (name,), _BTP_PLACES)
        # rates: housing renovation 10 %, business premises 20 %, energy renovation 5,5 %, or mixed
        self.mode = rng.choice(("10", "10", "10", "20", "10+20", "10+20", "5.5", "5.5+10", "5.5+10"))
        if self.mode == "20":
            customer_names = _BUSINESSES
        else:
            customer_names = _PRIVATE if rng.random() < 0.75 else _HOUSING
        self.client = fr_address(rng, customer_names, _BTP_PLACES)
        self.site: Address | None = None
        if rng.random() < 0.45 or self.client.party.name in _HOUSING:
            self.site = fr_address(rng, ("chantier",), _BTP_PLACES)
        day = regular_day(data.date)
        self.dates = rng.choice(("fr_slash", "fr_slash", "fr_long"))
        if self.dates == "fr_long" and day.day == 1:  # "1er mars" is how it would be written
            day += dt.timedelta(days=1)
        self.siren = fr_siren(rng)
        n = rng.randint(12, 980)
        number = rng.choice(
            (
                f"FA-{day.year}-{n:04d}",
                f"F{day.year % 100}{day.month:02d}-{n % 100:03d}",
                f"{day.year}/{n:04d}",
                f"FAC-{rng.randint(100, 9999):06d}",
                f"{day.year % 100}-{n:04d}",
            )
        )
        customer_no = rng.choice(
            (
                f"C{rng.randint(100, 9999):05d}",
                f"CL-{rng.randint(10, 999):04d}",
                str(rng.randint(4100, 4199) * 1000 + rng.randint(1, 999)),
            )
        )
        short = name.split()[0].lower()
        for a, b in (("é", "e"), ("ç", "c"), ("'", ""), ("-", ""), ("è", "e")):
            short = short.replace(a, b)
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((0, 15, 30, 30))),
            customer_no=customer_no if rng.random() < 0.55 else "",
            order_no="",
            supplier=self.company.party,
            customer=self.client.party,
            phone=f"0{rng.choice((4, 6, 7))} " + " ".join(str(rng.randint(10, 99)) for _ in range(4)),
            email=f"{rng.choice(('contact', 'devis', 'compta'))}@{short}.fr",
            vat_id=fr_vat_id(self.siren),
            tax_no="",
            iban=iban_of(rng, "FR", _FR_BANKS, 11),
            vat_id_spaced=False,
            ceo=rng.choice(("Laurent Moreau", "Stéphane Dubois", "Nicolas Petit", "Sébastien Garnier")),
        )
        super().__init__(rng, data)
        numbers = rng.choice(("de_space", "de_space", "de_space", "de"))
        self.p = Printer(numbers, rng.choice(("sign_after", "sign_after", "code_after")), self.dates)
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("logo", "band", "centred"))
        self.refs_box = rng.random() < 0.5
        self.lots = rng.random() < 0.45
        self.big = rng.random() < 0.3  # a whole renovation: many lines, on two pages mostly
        self.subtotals = self.lots and rng.random() < 0.5
        self.rate_table = rng.random() < 0.35
        self.retention = rng.random() < 0.35
        self.deposit = rng.random() < 0.4
        self.bank_in_body = rng.random() < 0.6
        self.when = rng.choice(("single", "single", "period", "none"))
        self.done = day - dt.timedelta(days=rng.randint(0, 12))
        self.start = self.done - dt.timedelta(days=rng.randint(3, 40))
        self.quote = (
            f"{rng.choice(('D', 'DEV', 'DE'))}-{day.year}-{rng.randint(10, 450):03d}"
            if rng.random() < 0.65
            else ""
        )
        self.quoted = self.start - dt.timedelta(days=rng.randint(10, 60))
        self.city_line = rng.random() < 0.4  # "Lyon, le 5 mars 2024" instead of "Date : ..."
        self.insurer = rng.choice(_INSURERS)
        self.policy = f"{rng.randint(100000, 999999)} {rng.choice('BKMP')} {rng.randint(1000, 9999)}"
        self.rates: set = set()

    # -- words

    def doc_word(self) -> str:
        return "Facture"

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"Facture n° {d.number} du {self.p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP

    def page_label(self, page: int, pages: int) -> str:
        return f"Page {page}/{pages}"

    # -- the works

    def pick(self, key: str, count: int, rate: int | Decimal) -> list[LineItem]:
        rng = self.rng
        catalogue = _WORKS[self.trade][key]
        items = []
        for text, unit, lo, hi, quantities in rng.sample(list(catalogue), min(count, len(catalogue))):
            qty = Decimal(str(rng.choice(quantities)))
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            items.append(LineItem(text, "", qty, unit, price, rate))  # type: ignore[arg-type]
        return items

    def works(self) -> list[Lot]:
        rng, mode = self.rng, self.mode
        trip = LineItem(
            rng.choice(
                ("Déplacement et installation de chantier", "Frais de déplacement", "Forfait déplacement")
            ),
            "",
            Decimal(1),
            "forfait",
            Decimal(rng.randrange(35, 160, 5)),
            10,
        )
        with_trip = rng.random() < 0.5
        if mode in ("10", "20"):
            rate = int(mode)
            if self.lots:
                titles = self.lot_titles()
                lots = [
                    Lot(title, tuple(self.pick("main", self.count(2, 4), rate)))
                    for title in (titles if self.big else rng.sample(titles, rng.choice((2, 3))))
                ]
            else:
                lots = [Lot("", tuple(self.pick("main", self.count(3, 8), rate)))]
            if with_trip:
                first = lots[0]
                lots[0] = Lot(first.title, (dataclasses.replace(trip, rate=rate), *first.items))
            return lots
        if mode == "10+20":
            home = tuple(self.pick("main", self.count(2, 5), 10))
            shop = tuple(self.pick("main", self.count(1, 3), 20))
            where = rng.choice(("rez-de-chaussée", "local commercial", "cabinet"))
            return [
                Lot(rng.choice(("Partie habitation (logement à l'étage)", "Logement – TVA 10 %")), home),
                Lot(f"Partie professionnelle ({where}) – TVA 20 %", shop),
            ]
        energy = tuple(self.pick("energy", self.count(1, 3), FIVE_FIVE))
        if mode == "5.5":
            return [Lot("Travaux d'amélioration de la performance énergétique" if self.lots else "", energy)]
        other = tuple(self.pick("main", self.count(1, 4), 10))
        if with_trip:
            other = (trip, *other)
        return [
            Lot(rng.choice(("Rénovation énergétique – TVA 5,5 %", "Amélioration énergétique")), energy),
            Lot(rng.choice(("Travaux d'amélioration – TVA 10 %", "Autres travaux")), other),
        ]

    def count(self, least: int, most: int) -> int:
        """How many lines: more on the seeds of a whole renovation."""
        return self.rng.randint(least + 3, most + 5) if self.big else self.rng.randint(least, most)

    def lot_titles(self) -> list[str]:
        return {
            "plomberie": ["Dépose", "Plomberie sanitaire", "Appareillage", "Chauffage"],
            "electricite": ["Tableau et protection", "Circuits prises et éclairage", "Mise en conformité"],
            "maconnerie": ["Démolition", "Gros œuvre", "Enduits et finitions", "Évacuation"],
            "menuiserie": ["Menuiseries intérieures", "Sols", "Fermetures"],
        }[self.trade]

    # -- the page

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.company, self.LEFT, self.RIGHT
        contact = [*s.lines, f"Tél. {d.phone}", d.email]
        if self.head == "logo":
            logo(c, "house", L, 30, 44, self.brand, initials(s.party.name))
            c.fit_text(L + 56, 50, s.party.name, 15, 260, bold=True, colour=self.brand)
            c.fit_text(L + 56, 63, self.tagline, 7.5, 260, colour=GREY)
            for i, line in enumerate(contact):
                c.text(R, 38 + 10 * i, line, 7.5, align="right")
        elif self.head == "band":
            c.box(0, 24, c.width, 78, fill=self.brand, stroke=None)
            c.fit_text(L, 50, s.party.name.upper(), 16, 300, bold=True, colour=WHITE)
            c.fit_text(L, 64, self.tagline, 7.5, 300, colour=WHITE)
            for i, line in enumerate(contact):
                c.text(R, 38 + 9 * i, line, 7, align="right", colour=WHITE)
        else:
            c.fit_text(c.width / 2, 48, s.party.name, 16, R - L, bold=True, align="center")
            c.fit_text(c.width / 2, 61, self.tagline, 8, R - L, align="center", colour=self.brand)
            c.fit_text(c.width / 2, 73, " – ".join(contact), 7.5, R - L, align="center", colour=GREY)
            c.line(L, 80, R, 80, width=0.8, colour=self.brand)

    def parties(self) -> float:
        """The customer's address right, the invoice's references left; returns the baseline after them."""
        c, d, p, rng, L = self.c, self.data, self.p, self.rng, self.LEFT
        y_client = (
            self.window(320, 122, [*self.client.block], 10, sender="")
            if rng.random() < 0.5
            else self.labelled_client()
        )
        title = rng.choice(("FACTURE N°", "Facture n°", "FACTURE N° :"))
        c.text(
            L,
            128,
            f"{title} {d.number}",
            13,
            bold=True,
            colour=self.brand if rng.random() < 0.5 else (0, 0, 0),
        )
        rows = []
        if not self.city_line:
            rows.append((rng.choice(("Date :", "Date de facture :", "Date d'émission :")), p.date(d.date)))
        if d.customer_no:
            rows.append((rng.choice(("N° client :", "Réf. client :", "Code client :")), d.customer_no))
        if self.quote:
            rows.append(
                (
                    "Devis n° :" if rng.random() < 0.5 else "Réf. devis :",
                    f"{self.quote} du {p.date(self.quoted)}",
                )
            )
        if self.when == "single":
            label = rng.choice(("Date d'intervention :", "Date d'exécution :", "Travaux réalisés le :"))
            rows.append((label, p.date(self.done)))
        if self.refs_box and rows:
            top = 138
            c.box(L - 4, top, 300, top + 8 + 13 * len(rows), fill=LIGHT, stroke=None)
        y = label_rows(c, rows, L, L + 100, 150, 9, 13)
        if self.city_line:
            c.text(320, max(y_client, 190) + 8, f"{self.company.party.city}, le {p.date(d.date)}", 9.5)
            y_client = max(y_client, 190) + 20
        return max(y, y_client)

    def labelled_client(self) -> float:
        c = self.c
        c.text(320, 112, "Client :" if self.rng.random() < 0.5 else "Facturé à :", 8, colour=GREY)
        return self.window(320, 126, [*self.client.block], 10)

    def site_block(self, y: float) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        y += 12
        site = self.site.lines if self.site else self.client.lines
        note = ""
        if self.site and rng.random() < 0.5:
            note = rng.choice(
                ("Maison individuelle", "Appartement 3e étage, porte gauche", "Bâtiment B, lot 12")
            )
        text = ", ".join((*site, note) if note else site)
        if not self.site and rng.random() < 0.4:
            text = "à l'adresse de facturation (" + ", ".join(site) + ")"
        c.text(L, y, "Chantier :", 9.5, bold=True)
        c.fit_text(L + 62, y, text, 9.5, R - L - 62)
        y += 14
        obj = rng.choice(_OBJECTS[self.trade])
        c.text(L, y, "Objet :", 9.5, bold=True)
        c.fit_text(L + 62, y, obj, 9.5, R - L - 62)
        if self.when == "period":
            y += 14
            c.text(L, y, f"Travaux réalisés du {p.date(self.start)} au {p.date(self.done)}", 9)
        return y + 16

    def spec(self, mixed: bool) -> list[tuple[str, str, float, Align]]:
        rng = self.rng
        spec: list[tuple[str, str, float, Align]] = []
        if rng.random() < 0.4:
            spec.append(("no", "N°", 28, "left"))
        spec += [
            ("desc", "Désignation", 0, "left"),
            ("qty", rng.choice(("Qté", "Quantité")), 44, "right"),
            ("unit", "Unité", 40, "center"),
            ("price", rng.choice(("PU HT", "P.U. HT", "Prix unit. HT")), 66, "right"),
        ]
        if mixed or rng.random() < 0.25:
            spec.append(("rate", "TVA", 38, "right"))
        spec.append(("total", rng.choice(("Montant HT", "Total HT", "Montant HT (€)")), 74, "right"))
        return spec

    def heading(self, y: float, cols) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.box(L, y, R, y + 17, fill=self.brand, stroke=None)
        cells(c, cols, y + 12, {col.key: col.head for col in cols}, 8.2, bold=True, colour=WHITE)
        return y + 17

    def carry(self, y: float, running: Decimal, label: str) -> float:
        c, R = self.c, self.RIGHT
        c.text(R - 220, y + 14, label, 9, bold=True)
        c.text(R, y + 14, self.p.amount(running), 9, bold=True, align="right")
        return y + 22

    def table(self, y: float, lots: list[Lot]) -> float:
        p, L, R = self.p, self.LEFT, self.RIGHT
        rates = {item.rate for lot in lots for item in lot.items}
        cols = columns(self.spec(len(rates) > 1), L, R)
        desc = next(col for col in cols if col.key == "desc")
        y = self.heading(y, cols)
        running = Decimal(0)
        n = 0
        for k, lot in enumerate(lots, 1):
            if lot.title:
                if y + 40 > self.limit - 30:
                    self.carry(y, running, "À reporter")
                    y = self.carry(self.heading(self.next_page(), cols), running, "Report")
                y += 16
                self.c.text(L + 3, y, f"Lot {k} – {lot.title}" if self.lots else lot.title, 9, bold=True)
                y += 2
            for item in lot.items:
                n += 1
                lines = self.c.wrap(item.description, desc.width, 8.5)
                height = 12 * len(lines) + 5
                if y + height > self.limit - 30:
                    self.carry(y, running, "À reporter")
                    y = self.carry(self.heading(self.next_page(), cols), running, "Report")
                c = self.c
                y += 13
                values = {
                    "no": f"{k}.{n}" if self.lots else str(n),
                    "qty": p.quantity(item.quantity) if item.unit != "forfait" else "1",
                    "unit": "ens." if item.unit == "forfait" and n % 2 else item.unit,
                    "price": p.number(item.unit_price),
                    "rate": fr_rate(item.rate),
                    "total": p.number(item.total),
                }
                cells(c, cols, y, values, 8.5)
                for j, line in enumerate(lines):
                    c.text(desc.anchor, y + 12 * j, line, 8.5)
                y += 12 * (len(lines) - 1) + 5
                c.line(L, y, R, y, width=0.3, colour=RULE)
                running += item.total
            if self.subtotals:
                y += 13
                sub = sum((i.total for i in lot.items), Decimal(0))
                self.c.text(R - 220, y, f"Sous-total lot {k}", 8.5, bold=True)
                self.c.text(R, y, p.amount(sub), 8.5, bold=True, align="right")
                y += 4
            n = n if not self.lots else 0
        return y

    def totals(self, y: float, vat_lines: list[VatLine]) -> tuple[float, Decimal, Decimal]:
        p, rng, R = self.p, self.rng, self.RIGHT
        net = sum((v.base for v in vat_lines), Decimal(0))
        gross = net + sum((v.amount for v in vat_lines), Decimal(0))
        rows: list[tuple[str, Decimal, bool]] = [
            (rng.choice(("Total HT", "TOTAL HT", "Montant total HT")), net, True)
        ]
        if not self.rate_table:
            for v in vat_lines:
                label = rng.choice(("TVA {r}", "TVA à {r}", "Montant TVA {r}")).format(r=fr_rate(v.rate))
                if len(vat_lines) > 1 and rng.random() < 0.6:
                    label += f" sur {p.number(v.base)}"
                rows.append((label, v.amount, False))
            if len(vat_lines) > 1:
                rows.append(("Total TVA", sum((v.amount for v in vat_lines), Decimal(0)), False))
        else:
            rows.append(("Total TVA", sum((v.amount for v in vat_lines), Decimal(0)), False))
        rows.append((rng.choice(("Total TTC", "TOTAL TTC", "Montant TTC")), gross, True))
        due = gross
        if self.retention:
            kept = round_cent(gross * 5 / 100)
            label = rng.choice(
                (
                    "Retenue de garantie 5 %",
                    "Retenue de garantie (5 % du TTC)",
                    "Retenue de garantie 5 % – libérable à 1 an",
                )
            )
            rows.append((label, -kept, False))
            due -= kept
        if self.deposit:
            share = rng.choice((20, 30, 30, 40))
            paid = (
                round_cent(gross * share / 100)
                if rng.random() < 0.4
                else Decimal(int(gross * share / 100) // 100 * 100)
            )
            paid = max(paid, Decimal(100))
            when = self.quoted + dt.timedelta(days=rng.randint(2, 9))
            label = rng.choice(
                (
                    f"Acompte versé le {p.date(when)}",
                    f"Acompte de {share} % versé le {p.date(when)}",
                    f"Déduction acompte du {p.date(when)}",
                )
            )
            rows.append((label, -paid, False))
            due -= paid
        if due != gross or rng.random() < 0.5:
            rows.append((rng.choice(("Net à payer", "NET À PAYER", "Reste à payer")), due, True))
        need = 16 * len(rows) + 20 + (18 + 13 * len(vat_lines) if self.rate_table else 0)
        if y + need > self.limit - 10:
            y = self.next_page()
        c = self.c
        y += 8
        if self.rate_table:
            cols = columns(
                [
                    ("rate", "Taux TVA", 56, "left"),
                    ("base", "Base HT", 76, "right"),
                    ("vat", "Montant TVA", 78, "right"),
                ],
                self.LEFT,
                self.LEFT + 210,
            )
            c.box(self.LEFT, y, self.LEFT + 210, y + 15, fill=LIGHT, stroke=None)
            cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8, bold=True)
            yy = y + 15
            for v in vat_lines:
                yy += 13
                cells(
                    c,
                    cols,
                    yy,
                    {"rate": fr_rate(v.rate), "base": p.number(v.base), "vat": p.number(v.amount)},
                    8.5,
                )
        x = R - 250
        for label, value, bold in rows:
            y += 16
            if bold:
                c.box(x - 6, y - 12, R + 4, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9.5, 170, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        return y + 10, gross, due

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng, L, R = self.data, self.p, self.rng, self.LEFT, self.RIGHT
        texts: list[tuple[str, bool]] = []
        rates = {item for item in self.rates}
        if 10 in rates:
            texts.append(
                (
                    "TVA au taux réduit de 10 % (art. 279-0 bis du CGI) : attestation simplifiée remise par "
                    "le client, locaux à usage d'habitation achevés depuis plus de deux ans.",
                    False,
                )
            )
        if FIVE_FIVE in rates:
            texts.append(
                (
                    "TVA au taux réduit de 5,5 % au titre des travaux d'amélioration de la qualité "
                    "énergétique (art. 278-0 bis A du CGI).",
                    False,
                )
            )
        if self.retention:
            texts.append(
                (
                    "La retenue de garantie sera libérée à l'expiration du délai d'un an à compter de la "
                    "réception des travaux (loi n° 71-584 du 16 juillet 1971).",
                    False,
                )
            )
        terms = "à réception de facture" if d.due_date == d.date else f"au plus tard le {p.date(d.due_date)}"
        texts.append(
            (
                f"Conditions de paiement : {terms}, par virement bancaire"
                + (" ou chèque." if rng.random() < 0.4 else "."),
                True,
            )
        )
        if self.bank_in_body:
            texts.append((f"{bank_name(d.iban)} – IBAN : {self.iban} – BIC : {d.iban.bic}", True))
        texts.append((rng.choice(_LATE_CLAUSES), False))
        insurer, place = self.insurer
        texts.append(
            (
                f"Assurance décennale : {insurer}, {place} – contrat n° {self.policy} – couverture "
                "géographique : France métropolitaine.",
                False,
            )
        )
        height = sum(11 * len(self.c.wrap(t, R - L, 8)) + 4 for t, _ in texts) + 10
        if y + height > self.limit:
            y = self.next_page()
        c = self.c
        y += 6
        for text, bold in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8, leading=1.35, bold=bold)
        return y

    def footer(self) -> None:
        c, d, rng, L, R = self.c, self.data, random.Random(self.data.number), self.LEFT, self.RIGHT
        s = self.company
        siren = f"{self.siren[:3]} {self.siren[3:6]} {self.siren[6:]}"
        nic = f"000{rng.randint(1, 4)}"
        siret = self.siren + nic + luhn.calc_check_digit(self.siren + nic)
        siret_printed = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
        capital = spaced(rng.choice((1000, 5000, 7500, 8000, 10000, 15000, 20000, 50000)))
        form = self.form if self.form in s.party.name else rng.choice(("SARL", "SAS"))
        vat = (
            d.vat_id
            if rng.random() < 0.6
            else f"{d.vat_id[:2]} {d.vat_id[2:4]} {d.vat_id[4:7]} {d.vat_id[7:10]} {d.vat_id[10:]}"
        )
        self.tax["ust_id"] = d.vat_id
        top = self.FOOT
        c.line(L, top, R, top, width=0.4, colour=GREY)
        lines = [
            f"{s.party.name} – {form} au capital de {capital} € – Siège social : {s.lines[0]}, {s.lines[1]}",
            f"SIRET {siret_printed} – RCS {s.party.city} {siren} – Code APE {self.ape} – "
            f"N° TVA intracommunautaire : {vat}",
        ]
        if not self.bank_in_body:
            lines.append(f"Coordonnées bancaires : {bank_name(d.iban)} – IBAN {self.iban} – BIC {d.iban.bic}")
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, top + 12 + 10 * i, line, 7, R - L, align="center", min_size=5.5)

    def draw(self) -> TripDrawing:
        lots = self.works()
        items = [item for lot in lots for item in lot.items]
        self.rates = {item.rate for item in items}
        vat_lines = vat_breakdown(items)
        self.header()
        y = self.site_block(self.parties())
        y = self.table(y + 6, lots)
        y, gross, due = self.totals(y, vat_lines)
        assert gross == sum((v.base + v.amount for v in vat_lines), Decimal(0))
        y = self.closing(y, due)
        assert y < self.limit + 8, "facture_btp: page overflow"
        pages = self.close_pages(False)
        single = self.when == "single"
        if single:
            self.data = dataclasses.replace(self.data, service_date=self.done)
        return self.finish(
            items,
            "Facture",
            pages=pages,
            service_date=single,
            customer_no=bool(self.data.customer_no),
        )


# ---------------------------------------------------------------------------
# kfz_haendler

_DEALERS = (
    "Autohaus Schneider GmbH",
    "Autohaus am Ring GmbH & Co. KG",
    "Auto Becker e.K.",
    "Autozentrum Nord GmbH",
    "Fahrzeughandel Yilmaz e.K.",
    "Autohaus Brandt GmbH & Co. KG",
    "Automobile Hoffmann GmbH",
    "Autohaus Krüger & Sohn OHG",
)
# Vehicles: (brand, WMI, model, kW, fuel, first model year).
_CARS = (
    ("Volkswagen", "WVW", "Golf 1.5 TSI Life", 110, "Benzin", 2000),
    ("Volkswagen", "WVW", "Polo 1.0 TSI Style", 70, "Benzin", 2000),
    ("Volkswagen", "WVG", "Tiguan 2.0 TDI Elegance", 110, "Diesel", 2000),
    ("Volkswagen", "WVW", "ID.3 Pro Performance", 150, "Elektro", 2020),
    ("BMW", "WBA", "320d Touring", 140, "Diesel", 2000),
    ("BMW", "WBA", "118i Advantage", 100, "Benzin", 2000),
    ("Mercedes-Benz", "WDD", "A 180 Progressive", 100, "Benzin", 2000),
    ("Mercedes-Benz", "W1K", "C 220 d T-Modell Avantgarde", 147, "Diesel", 2021),
    ("Audi", "WAU", "A3 Sportback 35 TFSI", 110, "Benzin", 2000),
    ("Audi", "WAU", "A4 Avant 40 TDI quattro", 150, "Diesel", 2000),
    ("Škoda", "TMB", "Octavia Combi 2.0 TDI Style", 110, "Diesel", 2000),
    ("Škoda", "TMB", "Fabia 1.0 TSI Ambition", 70, "Benzin", 2000),
    ("Ford", "WF0", "Focus Turnier 1.0 EcoBoost Titanium", 92, "Benzin", 2000),
    ("Ford", "WF0", "Kuga 2.5 PHEV ST-Line", 165, "Plug-in-Hybrid", 2020),
    ("Opel", "W0L", "Corsa 1.2 Edition", 55, "Benzin", 2000),
    ("Opel", "W0V", "Astra Sports Tourer 1.5 D Elegance", 90, "Diesel", 2019),
    ("Renault", "VF1", "Clio TCe 90 Evolution", 67, "Benzin", 2000),
    ("Toyota", "SB1", "Corolla Touring Sports 1.8 Hybrid", 90, "Hybrid", 2019),
    ("Toyota", "VNK", "Yaris 1.5 Hybrid Comfort", 85, "Hybrid", 2020),
    ("Kia", "U5Y", "Ceed Sportswagon 1.5 T-GDI Vision", 118, "Benzin", 2018),
    ("Hyundai", "TMA", "i30 1.5 T-GDI Trend", 117, "Benzin", 2000),
    ("Seat", "VSS", "Leon 1.5 eTSI FR", 110, "Benzin", 2020),
    ("Dacia", "UU1", "Sandero Stepway TCe 90 Comfort", 67, "Benzin", 2000),
    ("Fiat", "ZFA", "500 1.0 Hybrid Dolcevita", 51, "Benzin", 2020),
)
_COLOURS = (
    "Deep Black Perleffekt",
    "Reflexsilber Metallic",
    "Pure White",
    "Mondsteingrau",
    "Atlantikblau Metallic",
    "Tornadorot",
    "Magnetic Grey Metallic",
    "Gletscherweiß Metallic",
)
_BUYERS = (
    "Herrn Markus Albrecht",
    "Frau Sandra Kühn",
    "Herrn Dr. Oliver Strauß",
    "Frau Aylin Demir",
    "Herrn Jan-Erik Sommer",
    "Frau Birgit Lorenz",
    "Herrn Stefan Wagner",
)
_TRADE_INS = (
    "VW Polo 1.2",
    "Opel Astra 1.6",
    "Ford Fiesta 1.25",
    "Renault Mégane 1.5 dCi",
    "BMW 116i",
    "Toyota Auris 1.33",
    "Peugeot 308 1.6 HDi",
)
_PLATES = ("B", "M", "HH", "K", "S", "F", "H", "DO", "E", "N", "KA", "MS", "BI", "HB", "L")
_EQUIPMENT = (
    "Klimaautomatik 2-Zonen",
    'Navigationssystem mit 10"-Display',
    "Einparkhilfe vorn und hinten",
    "Rückfahrkamera",
    "Sitzheizung vorn",
    "LED-Scheinwerfer",
    "Adaptive Geschwindigkeitsregelung (ACC)",
    "Spurhalteassistent",
    "Totwinkel-Assistent",
    "Apple CarPlay / Android Auto",
    "Leichtmetallräder 17 Zoll",
    "Keyless Entry",
    "Beheizbares Lenkrad",
    "Anhängerkupplung schwenkbar",
    "Panorama-Glasdach",
    "Verkehrszeichenerkennung",
    "Privacy-Verglasung",
    "Elektrische Heckklappe",
    "Ambientebeleuchtung",
    "Notbremsassistent",
    "Regensensor",
    "Wärmeschutzverglasung",
    "DAB+-Radio",
    "Induktive Ladeschale",
)
_MARGIN_NOTES = (
    "Differenzbesteuerung nach § 25a UStG – Gebrauchtgegenstände/Sonderregelung. "
    "Die Umsatzsteuer wird nicht gesondert ausgewiesen.",
    "Gebrauchtgegenstände/Sonderregelung: Dieser Verkauf unterliegt der Differenzbesteuerung nach "
    "§ 25a UStG; ein Vorsteuerabzug ist nicht möglich.",
)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # model years 2010 to 2039


def vin(rng: random.Random, wmi: str, year: int) -> str:
    """A vehicle identification number (17 characters, no I, O or Q): WMI, five descriptor characters, the
    check position, the model year, the plant and a serial."""
    body = "".join(rng.choice(_VIN_CHARS) for _ in range(5))
    code = _YEAR_CODES[(year - 2010) % len(_YEAR_CODES)]
    return f"{wmi}{body}{rng.choice('Z0123456789')}{code}{rng.choice(_VIN_CHARS)}{rng.randint(0, 999999):06d}"


@dataclass(frozen=True)
class Vehicle:
    brand: str
    model: str
    vin: str
    kw: int
    fuel: str
    colour: str
    new: bool
    first_reg: dt.date | None
    km: int
    plate: str
    inspection: str  # "HU/AU bis 05/2026", "" when not printed


class KfzHaendler(FirstSheet):
    """A German car dealer's invoice for a vehicle: regular 19 % or margin scheme (§ 25a UStG)."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif")
    IDS = "vat"
    GROUPED = 0.6
    FOOT = A4.height - 82

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        name = rng.choice(_DEALERS)
        day = regular_day(data.date)
        self.margin = rng.random() < 0.5
        self.new = not self.margin and rng.random() < 0.5
        buyer_person = rng.random() < 0.7
        customer = data.customer
        if buyer_person:
            customer = dataclasses.replace(customer, name=rng.choice(_BUYERS), contact="")
        n = rng.randint(100, 9999)
        number = rng.choice(
            (
                f"RE-{day.year}-{n:05d}",
                f"VK {day.year % 100}/{n:04d}",
                f"{day.year}-V-{n:04d}",
                f"FZ-{day.year % 100}{day.month:02d}{n % 1000:03d}",
                f"KV-{day.year % 100}-{n:04d}",
                str(rng.randint(10**6, 10**7 - 1)),
            )
        )
        register = ("HRA " if name.endswith(("e.K.", "OHG")) else "HRB ") + str(rng.randint(1000, 99999))
        short = name.split()[1].lower() if name.startswith("Autohaus") else name.split()[0].lower()
        for a, b in (("ü", "ue"), ("ö", "oe"), ("ä", "ae")):
            short = short.replace(a, b)
        self.domain = f"autohaus-{short}.de" if not short.startswith("auto") else f"{short}.de"
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=None,
            due_date=day + dt.timedelta(days=rng.choice((0, 0, 7, 10))),
            customer=customer,
            supplier=dataclasses.replace(data.supplier, name=name),
            customer_no=str(rng.randint(10000, 999999)) if rng.random() < 0.5 else "",
            order_no="",
            email=f"{rng.choice(('verkauf', 'info', 'buchhaltung'))}@{self.domain}",
            register=register,
        )
        super().__init__(rng, data)
        self.p = Printer(
            "de",
            rng.choice(("sign_after", "sign_after", "code_after", "code_before")),
            rng.choice(("dotted", "dotted", "dotted", "de_long")),
        )
        self.ids = "both" if data.tax_no and rng.random() < 0.4 else "vat"
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("left", "band", "right"))
        self.contract = "Kaufvertrag/Rechnung" in number or rng.random() < 0.3
        self.with_handover = rng.random() < 0.65
        self.handover = day - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 3, 5)))
        self.trade_in = rng.random() < 0.35
        self.deposit = rng.random() < 0.35
        self.gross_priced = not self.margin and not self.new and rng.random() < 0.5
        self.equipment_page = rng.random() < 0.3
        self.with_bic = rng.random() < 0.85
        self.seller = rng.choice(("Herr Kaya", "Frau Neumann", "Herr Bauer", "Frau Scholz", "Herr Pohl"))
        self.with_handover_shown = False
        self.vehicle = self.pick_vehicle()

    # -- the vehicle and the prices

    def pick_vehicle(self) -> Vehicle:
        rng, day = self.rng, self.data.date
        if self.new:
            choices = [car for car in _CARS if car[5] <= day.year]
            brand, wmi, model, kw, fuel, _ = rng.choice(choices)
            first: dt.date | None = None
            if rng.random() < 0.3:  # a day registration ("Tageszulassung")
                first = day - dt.timedelta(days=rng.randint(20, 120))
            km = rng.choice((5, 10, 12, 15, 25)) if first is None else rng.randint(10, 90)
            year = day.year
        else:
            age = rng.randint(200, 9 * 365)
            first = day - dt.timedelta(days=age)
            choices = [car for car in _CARS if car[5] <= first.year]
            brand, wmi, model, kw, fuel, _ = rng.choice(choices)
            km = max(3000, int(age / 365 * rng.randint(9000, 22000)) // 10 * 10)
            year = first.year
        plate = ""
        if not self.new and rng.random() < 0.5:
            letters = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWXZ") for _ in range(rng.choice((1, 2))))
            plate = f"{rng.choice(_PLATES)}-{letters} {rng.randint(1, 9999)}"
        inspection = ""
        if not self.new and rng.random() < 0.6:
            due = day + dt.timedelta(days=rng.randint(300, 720))
            inspection = f"{due.month:02d}/{due.year}"
        return Vehicle(
            brand,
            model,
            vin(rng, wmi, year),
            kw,
            fuel,
            rng.choice(_COLOURS),
            self.new,
            first,
            km,
            plate,
            inspection,
        )

    def used_price(self) -> int:
        """A used car's asking price (…90 €): by power, falling with age and mileage."""
        rng, v = self.rng, self.vehicle
        years = (self.data.date - v.first_reg).days / 365 if v.first_reg else 0
        value = v.kw * rng.uniform(200, 330) * 0.86**years * (1 - min(v.km, 200000) / 500000) + 1500
        return max(2990, int(value) // 500 * 500 - 10)

    def positions(self) -> list[LineItem]:
        rng, v = self.rng, self.vehicle
        title = f"{v.brand} {v.model}"
        if self.margin:
            price = Decimal(self.used_price() + rng.choice((0, 0, 0, 10)))
            items = [LineItem(f"Gebrauchtfahrzeug {title}", "", Decimal(1), "Stk.", price, 0)]
            extras = (
                ("Zulassungsservice inkl. Kennzeichen", 149, 249),
                ("Überführung / Fahrzeugaufbereitung", 190, 390),
                ("HU/AU neu", 129, 159),
            )
            for text, lo, hi in rng.sample(extras, rng.choice((0, 0, 1, 2))):
                items.append(
                    LineItem(text, "", Decimal(1), "pauschal", Decimal(rng.randrange(lo, hi, 10)), 0)
                )
            return items
        if self.gross_priced:
            while True:
                gross = Decimal(self.used_price() + rng.choice((0, 0, 10)))
                nets = nets_of_gross([(gross, 19)])
                if nets:
                    return [LineItem(f"Gebrauchtfahrzeug {title}", "", Decimal(1), "Stk.", nets[0], 19)]
        if self.new:
            base = round_cent(Decimal(str(v.kw * rng.uniform(190, 330) + 6000)) / Decimal("1.19"))
            items = [LineItem(f"Neufahrzeug {title}", "", Decimal(1), "Stk.", base, 19)]
            options = rng.sample(_EQUIPMENT[:16], rng.randint(0, 3))
            for opt in options:
                items.append(
                    LineItem(
                        f"Sonderausstattung: {opt}",
                        "",
                        Decimal(1),
                        "Stk.",
                        Decimal(rng.randrange(150, 1900, 10)) / Decimal("1.19"),
                        19,
                    )
                )
            items = [dataclasses.replace(i, unit_price=round_cent(i.unit_price)) for i in items]
            if rng.random() < 0.5:
                pct = rng.choice((5, 8, 10, 12, 15))
                sub = sum((i.total for i in items), Decimal(0))
                items.append(
                    LineItem(f"Nachlass {pct} %", "", Decimal(1), "", -round_cent(sub * pct / 100), 19)
                )
        else:
            price = Decimal(self.used_price()) / Decimal("1.19")
            items = [LineItem(f"Gebrauchtfahrzeug {title}", "", Decimal(1), "Stk.", round_cent(price), 19)]
        extras = (
            ("Überführungskosten", 690, 1190) if self.new else ("Fahrzeugaufbereitung", 150, 350),
            ("Zulassungsservice inkl. Kennzeichen", 149, 249),
            ("Satz Winterkompletträder 16 Zoll", 690, 1290),
            ("Gummifußmatten-Satz", 39, 89),
            ("Tankfüllung", 60, 95),
        )
        for text, lo, hi in rng.sample(extras, rng.choice((0, 1, 1, 2, 3))):
            items.append(
                LineItem(
                    text,
                    "",
                    Decimal(1),
                    "pauschal",
                    Decimal(rng.randrange(lo, hi, 10)) - Decimal("0.01") * rng.choice((0, 0, 1)),
                    19,
                )
            )
        return items

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
                "Neu- und Gebrauchtwagen · Service · Teile",
                "Ihr Autohaus in " + s.city,
                "Verkauf · Werkstatt · Karosserie · Lack",
            )
        )
        contact = [s.street, s.city_line, f"Tel. {d.phone}", d.email]
        if self.head == "left":
            logo(c, self.rng.choice(("circle", "square")), L, 28, 42, self.brand, initials(s.name))
            c.fit_text(L + 52, 50, s.name, 15, 280, bold=True)
            c.text(L + 52, 63, line, 7.5, colour=GREY)
            for i, text in enumerate(contact):
                c.text(R, 36 + 10 * i, text, 7.5, align="right", colour=GREY)
        elif self.head == "band":
            c.box(0, 22, c.width, 76, fill=self.brand, stroke=None)
            c.fit_text(L, 50, s.name, 17, 320, bold=True, colour=WHITE)
            c.fit_text(L, 64, line, 7.5, 300, colour=WHITE)
            for i, text in enumerate(contact):
                c.text(R, 36 + 10 * i, text, 7.5, align="right", colour=WHITE)
        else:
            c.fit_text(R, 50, s.name, 16, 330, bold=True, align="right", colour=self.brand)
            c.text(R, 63, line, 8, align="right", colour=GREY)
            c.fit_text(R, 75, " · ".join(contact), 7.5, 360, align="right", colour=GREY)

    def info(self) -> float:
        c, d, p, rng, L, R = self.c, self.data, self.p, self.rng, self.LEFT, self.RIGHT
        s, r = d.supplier, d.customer
        y = self.window(
            L,
            126,
            [r.name, r.contact, r.street, r.city_line],
            10,
            sender=f"{s.name} · {s.street} · {s.city_line}",
        )
        number_label = (
            "Kaufvertrag/Rechnung Nr."
            if self.contract
            else rng.choice(("Rechnungs-Nr.", "Rechnungsnummer", "Rechnung Nr."))
        )
        rows = [(number_label, d.number), (rng.choice(("Rechnungsdatum", "Datum")), p.date(d.date))]
        if d.customer_no:
            rows.append((rng.choice(("Kunden-Nr.", "Kundennummer")), d.customer_no))
        if rng.random() < 0.5:
            rows.append(("Auftrags-Nr.", f"A{rng.randint(10**5, 10**6 - 1)}"))
        if self.with_handover and rng.random() < 0.5:
            rows.append((rng.choice(("Übergabe am", "Lieferdatum", "Auslieferung")), p.date(self.handover)))
            self.with_handover_shown = True
        rows.append(("Verkäufer", self.seller))
        return max(y, label_rows(c, rows, 335, R, 126, 8.5, 13, value_align="right", label_colour=GREY))

    def vehicle_block(self, y: float) -> float:
        c, p, rng, L, R, v = self.c, self.p, self.rng, self.LEFT, self.RIGHT, self.vehicle
        y = max(y, 216.0) + 20
        title = (
            "Kaufvertrag / Rechnung"
            if self.contract
            else rng.choice(("Rechnung", "Fahrzeugrechnung", "RECHNUNG"))
        )
        c.text(L, y, title, 15, bold=True)
        if self.contract:
            c.text(R, y, f"Nr. {self.data.number}", 10, bold=True, align="right")
        y += 10
        first = (
            (p.date(v.first_reg) if rng.random() < 0.5 else f"{v.first_reg.month:02d}/{v.first_reg.year}")
            if v.first_reg
            else "Neufahrzeug"
        )
        pairs = [
            ("Marke / Modell" if rng.random() < 0.5 else "Fahrzeug", f"{v.brand} {v.model}"),
            (rng.choice(("FIN", "Fahrgestell-Nr.", "FIN / VIN")), v.vin),
            ("Erstzulassung", first),
            ("km-Stand" if rng.random() < 0.5 else "Kilometerstand", f"{v.km:,} km".replace(",", ".")),
            ("Farbe", v.colour),
            ("Leistung", f"{v.kw} kW ({round(v.kw * 1.35962)} PS)"),
            ("Kraftstoff", v.fuel),
        ]
        if v.plate:
            pairs.append(("Kennzeichen", v.plate))
        if v.inspection:
            pairs.append(("HU/AU bis", v.inspection))
        rows = (len(pairs) + 1) // 2
        top = y
        c.box(
            L,
            top,
            R,
            top + 12 + 13 * rows + 8,
            fill=LIGHT if rng.random() < 0.5 else None,
            stroke=GREY,
            width=0.5,
        )
        c.text(L + 6, top + 12, "Fahrzeugdaten", 8.5, bold=True, colour=self.brand)
        half = (R - L) / 2
        for i, (label, value) in enumerate(pairs):
            col, row = divmod(i, rows)
            x = L + 6 + col * half
            yy = top + 26 + 13 * row
            c.text(x, yy, label, 8.3, colour=GREY)
            c.fit_text(
                x + 88, yy, value, 8.6, half - 100, bold=label in ("FIN", "Fahrgestell-Nr.", "FIN / VIN")
            )
        return top + 12 + 13 * rows + 8

    def table(self, y: float, items: list[LineItem]) -> float:
        c, p, rng, L, R = self.c, self.p, self.rng, self.LEFT, self.RIGHT
        head_total = "Betrag" if self.margin else rng.choice(("Netto", "Betrag netto", "Gesamt netto"))
        if self.gross_priced:
            head_total = "Betrag"
        cols = columns(
            [
                ("pos", "Pos.", 34, "left"),
                ("desc", "Bezeichnung", 0, "left"),
                ("total", head_total, 100, "right"),
            ],
            L,
            R,
        )
        y += 16
        c.box(L, y, R, y + 16, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 8.5, bold=True)
        y += 16
        for n, item in enumerate(items, 1):
            y += 15
            shown = item.total
            if self.gross_priced:
                shown = item.total + round_cent(item.total * 19 / 100)
            cells(c, cols, y, {"pos": str(n), "desc": item.description, "total": p.amount(shown)}, 9)
            if n == 1 and rng.random() < 0.6:
                y += 11
                note = (
                    "lt. verbindlicher Bestellung vom "
                    + p.date(self.data.date - dt.timedelta(days=rng.randint(10, 90)))
                    if self.new
                    else "wie besichtigt und Probe gefahren"
                )
                c.text(cols[1].anchor + 6, y, note, 7.5, colour=GREY)
            y += 5
            c.line(L, y, R, y, width=0.3, colour=RULE)
        return y

    def totals(self, y: float, vat_lines: list[VatLine]) -> tuple[float, Decimal]:
        p, rng, R = self.p, self.rng, self.RIGHT
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        gross = net + vat
        rows: list[tuple[str, Decimal, bool]] = []
        notes: list[str] = []
        if self.margin:
            rows.append((rng.choice(("Gesamtbetrag", "Kaufpreis", "Gesamtkaufpreis")), gross, True))
        elif self.gross_priced:
            rows.append((rng.choice(("Kaufpreis inkl. 19 % MwSt.", "Gesamtbetrag inkl. MwSt.")), gross, True))
            notes.append(
                f"Im Kaufpreis sind enthalten: Nettobetrag {p.amount(net)}, 19 % MwSt. {p.amount(vat)}"
            )
        else:
            rows.append((rng.choice(("Summe netto", "Nettobetrag", "Kaufpreis netto")), net, False))
            rows.append((rng.choice(("zzgl. 19 % MwSt.", "19 % USt.", "MwSt. 19 %")), vat, False))
            rows.append((rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Kaufpreis brutto")), gross, True))
        due = gross
        if self.trade_in:
            value = Decimal(rng.randrange(1500, max(1600, int(gross * Decimal("0.45"))), 100))
            car = rng.choice(_TRADE_INS)
            rows.append((f"abzgl. Inzahlungnahme {car}", -value, False))
            due -= value
        if self.deposit:
            paid = Decimal(rng.choice((500, 1000, 1000, 2000, 2500, 5000)))
            paid = min(paid, due // 2)
            when = self.data.date - dt.timedelta(days=rng.randint(7, 60))
            rows.append(
                (
                    rng.choice((f"abzgl. Anzahlung vom {p.date(when)}", "abzgl. geleistete Anzahlung")),
                    -paid,
                    False,
                )
            )
            due -= paid
        if due != gross:
            rows.append((rng.choice(("Restbetrag", "Zahlbetrag", "Noch zu zahlen")), due, True))
        c = self.c
        x = R - 280
        y += 6
        for label, value, bold in rows:
            y += 16
            if bold:
                c.box(x - 6, y - 12, R + 4, y + 5, fill=LIGHT, stroke=None)
            c.fit_text(x, y, label, 9.5, 180, bold=bold)
            c.text(R, y, p.amount(value), 9.5, bold=bold, align="right")
        for text in notes:
            y += 14
            c.fit_text(R, y, text, 8, R - self.LEFT, align="right", colour=GREY)
        if self.trade_in:
            y += 14
            c.fit_text(
                self.LEFT,
                y,
                "Das in Zahlung genommene Fahrzeug wird zum vereinbarten Preis übernommen "
                "(gesonderter Ankaufvertrag).",
                7.8,
                R - self.LEFT,
                colour=GREY,
            )
        return y + 8, due

    def closing(self, y: float, due: Decimal) -> float:
        d, p, rng, L, R = self.data, self.p, self.rng, self.LEFT, self.RIGHT
        texts: list[tuple[str, bool]] = []
        if self.margin:
            texts.append((rng.choice(_MARGIN_NOTES), True))
        if self.with_handover and not self.with_handover_shown:
            label = rng.choice(("Übergabe am", "Lieferdatum:", "Das Fahrzeug wurde übergeben am"))
            texts.append((f"{label} {p.date(self.handover)}.", False))
        if d.due_date == d.date:
            texts.append(
                (f"Der Betrag von {p.amount(due)} ist sofort bei Übergabe ohne Abzug fällig.", False)
            )
        else:
            texts.append(
                (f"Bitte überweisen Sie {p.amount(due)} bis zum {p.date(d.due_date)} ohne Abzug.", False)
            )
        bic = f" · BIC {d.iban.bic}" if self.with_bic else ""
        texts.append((f"Bankverbindung: {self.bank_name()} · IBAN {self.iban}{bic}", True))
        texts.append(
            (
                "Das Fahrzeug bleibt bis zur vollständigen Bezahlung Eigentum des Verkäufers. Die "
                "Zulassungsbescheinigung Teil II wird nach Zahlungseingang ausgehändigt.",
                False,
            )
        )
        if not self.new:
            texts.append(
                (
                    "Die Verjährungsfrist für Ansprüche wegen Sachmängeln beträgt ein Jahr ab Übergabe des "
                    "Fahrzeugs; es gelten unsere Verkaufsbedingungen für gebrauchte Fahrzeuge.",
                    False,
                )
            )
        else:
            texts.append(
                ("Es gelten die Neuwagen-Verkaufsbedingungen (NWVB) und die Herstellergarantie.", False)
            )
        if self.equipment_page:
            texts.append(("Anlage: Ausstattungsliste des Fahrzeugs", False))
        height = sum(11 * len(self.c.wrap(t, R - L, 8.3)) + 4 for t, _ in texts) + 8
        if y + height > self.limit:
            y = self.next_page()
        c = self.c
        y += 8
        for text, bold in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8.3, bold=bold)
        return y

    def equipment(self) -> None:
        y = self.next_page()
        c, rng, L, R, v = self.c, self.rng, self.LEFT, self.RIGHT, self.vehicle
        c.text(L, y, "Anlage zur Rechnung: Ausstattung", 13, bold=True)
        y += 16
        c.text(L, y, f"{v.brand} {v.model} · FIN {v.vin}", 9)
        y += 20
        picks = rng.sample(_EQUIPMENT, rng.randint(10, 20))
        half = (R - L) / 2
        rows = (len(picks) + 1) // 2
        c.text(L, y, "Serien- und Sonderausstattung", 9.5, bold=True)
        for i, item in enumerate(picks):
            col, row = divmod(i, rows)
            c.fit_text(L + col * half, y + 16 + 13 * row, f"• {item}", 8.8, half - 10)

    def footer(self) -> None:
        c, d, s = self.c, self.data, self.data.supplier
        legal = [f"Amtsgericht {s.city} {d.register}"]
        if "GmbH" in s.name:
            legal.append(f"Geschäftsführer: {d.ceo}")
        else:
            legal.append(f"Inhaber: {d.ceo}")
        bank = [self.bank_name(), f"IBAN {self.iban}"] + ([f"BIC {d.iban.bic}"] if self.with_bic else [])
        cols = [
            [s.name, s.street, s.city_line, f"Tel. {d.phone}"],
            legal + self.tax_ids("USt-IdNr.", "St.-Nr."),
            bank,
        ]
        footer_columns(c, cols, self.FOOT, self.LEFT, self.RIGHT, 6.8)

    def draw(self) -> TripDrawing:
        items = self.positions()
        vat_lines = vat_breakdown(items)
        self.header()
        y = self.vehicle_block(self.info())
        y = self.table(y, items)
        y, due = self.totals(y, vat_lines)
        y = self.closing(y, due)
        assert y < self.limit + 6, "kfz_haendler: page overflow"
        if self.equipment_page:
            self.equipment()
        pages = self.close_pages(False)
        if self.with_handover:
            self.data = dataclasses.replace(self.data, service_date=self.handover)
        return self.finish(
            items,
            "Rechnung",
            pages=pages,
            service_date=self.with_handover,
            customer_no=bool(self.data.customer_no),
            vat_printed=not self.margin,
            bic_printed=self.with_bic,
        )


# ---------------------------------------------------------------------------
# Registry

FINAL_FAMILIES: dict[str, type[TripSheet]] = {
    "facture_btp": FactureBtp,
    "kfz_haendler": KfzHaendler,
}


def draw_final(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(FINAL_FAMILIES[name], name, seed)
