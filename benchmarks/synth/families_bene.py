"""Two invoice layout families of a Belgian supplier and of an online marketplace, designed blind
(session 16).

Like `families_closing`, they were written without reading the field extractor and without running it, so that
they measure layouts nobody has shaped to it; `families` lists them as never-tuned and dispatches to
`draw_bene(name, seed)`. Each family draws its pages with the shared pieces of `families_more`,
`families_world`, `families_trip` and `families_first` and returns a `TripDrawing` (truth keys only for values
printed):

- `factuur_be`: a Belgian supplier's invoice to a German business, in Dutch (Flemish suppliers), French
  (Walloon ones) or both ("Factuur / Facture", "Factuurdatum / Date de facture", "Vervaldag / Échéance";
  Brussels suppliers mostly). Four trades: a print shop (promotional print at 21 %, books at 6 % on some
  seeds, delivered to an event venue in Belgium), an event / AV rental firm (21 %), a publisher (books and
  periodicals at 6 %, shipping at 6 %, a 21 % article on some seeds) and a service provider (design,
  translation, software, video) billing the German customer under reverse charge ("Verlegging van heffing /
  Autoliquidation", art. 21 § 2 W.BTW / CTVA; 0 % and 0,00 printed; the customer's DE VAT id printed too). The
  seller's VAT id "BE 0xxx.xxx.xxx" (valid mod 97, printed in four forms), its "Ondernemingsnummer / N°
  d'entreprise" (the same digits without BE) and "RPR/RPM Gent" (the register court of its seat); the
  customer's VAT id on some local seeds too; "Klantnr. / N° client", "Uw ref. / Votre réf." (the customer's
  order), an "Offerte" and a "Leveringsbon" on some seeds, a delivery date ("Leveringsdatum") on some, a
  service period on some service seeds; a table (Omschrijving, Aantal, Eenheidsprijs, BTW %, Bedrag), a VAT
  summary ("Maatstaf van heffing / Base imposable", "BTW / TVA" per rate) as a table or as rows, "Totaal excl.
  BTW / Total HTVA", "Te betalen / À payer"; on some seeds a deposit deducted ("Reeds betaald (voorschot) /
  Acompte"); payment by transfer to the seller's IBAN BE.. with BIC and the structured communication
  "+++123/4567/89002+++" (valid mod 97; "***...***" on some seeds), an EPC-like QR square on some; the
  late-payment clause (10 %, minimum 40 EUR); dates "15/03/2024", "15-03-2024", "15.03.2024" or "15 maart
  2024" / "15 mars 2024", amounts "1.234,56" or "1 234,56" with "€" before or after or "EUR"; the general
  terms ("Algemene verkoopsvoorwaarden / Conditions générales") as a second page on some seeds. Truth: the
  usual keys; `ust_id` the seller's BE number compact ("BE0123456789"; never the customer's DE id), `iban` as
  printed and `bic`, `mwst` 0.0 on the reverse-charge seeds, the gross before a deposit is deducted (as in
  `anzahlung`); `kundennummer`, `bestellnummer` (the customer's reference) and `leistungsdatum` (a single
  delivery date) where printed.
- `marktplatz_rechnung`: an online marketplace's invoice in German as big platforms issue them for third-party
  sellers: the platform's wordmark, "Rechnung", "Bezahlt" on most seeds; "Rechnungsdatum/Lieferdatum" (one
  date), or "Rechnungsdatum" and "Lieferdatum" apart, or only "Rechnungsdatum"; "Rechnungsnummer" with letters
  ("DE4ABC1234567", "DE4QNMD4ABEI", or the seller's own "INV-DE-..."); "Bestelldatum" (another date),
  "Bestellnummer 302-1234567-1234567", "Zahlungsreferenznummer" (16 letters and digits); "Rechnungsadresse",
  "Lieferadresse", "Verkauft von" with the seller (a GmbH, UG or e.K.) and its "USt-IdNr."; on some seeds
  "Rechnung ausgestellt von <platform> im Namen von <seller>"; dates "12.03.2024", "12. März 2024" or "12 März
  2024"; the items (of the seller's assortment) priced with VAT (the net worked back per rate), with
  "Stückpreis (ohne USt.)", "USt. %", "Stückpreis (inkl. USt.)", "Zwischensumme (inkl. USt.)", an EAN or
  article number under each; shipping lines (split by rate when the rates mix), a shipping discount or
  promotion on some seeds (negative); a totals table "USt. % | Gesamtpreis (netto) | USt. | Gesamtpreis
  (brutto)" per rate (7 % and 19 % on some seeds) and "Gesamtbetrag"; paid already ("Bezahlt per Kreditkarte",
  PayPal, direct debit from the buyer's masked IBAN), or on some seeds "Kauf auf Rechnung" to the platform's
  payment company's IBAN; the platform's legal lines in the footer with its own VAT ids (LU and/or DE); the
  buyer's USt-IdNr. on some seeds. Truth: the usual keys; `ust_id` and `lieferant` the seller's (the one who
  sells, never the platform's); `bestellnummer` the order number; `leistungsdatum` the printed delivery date
  (the invoice date under "Rechnungsdatum/Lieferdatum"); `iban` / `bic` only for "Kauf auf Rechnung" (the
  account to pay to); no `kundennummer`.

The marketplace keeps its dates out of the second half of 2020 (German VAT 16 % and 5 % then).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from stdnum import ean
from stdnum.eu import vat as eu_vat

from benchmarks.synth.families_extra import valid_id
from benchmarks.synth.families_first import FirstSheet
from benchmarks.synth.families_more import (
    GREY,
    LIGHT,
    WHITE,
    Col,
    cells,
    columns,
    draw_sheet,
    initials,
    label_rows,
    logo,
    qr_block,
)
from benchmarks.synth.families_trip import TripDrawing, TripSheet, regular_day
from benchmarks.synth.families_world import (
    MORE_BRANDS,
    RULE,
    _digits,
    iban_of,
    nets_of_gross,
)
from benchmarks.synth.invoice_gen import (
    MONTHS_DE,
    InvoiceData,
    LineItem,
    Party,
    VatLine,
    _bank_account,
    _party,
    _vat_id,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, Align
from benchmarks.synth.printed import Printer

GREEN = (0.1, 0.5, 0.2)

# ---------------------------------------------------------------------------
# Belgian identifiers


def be_vat_id(rng: random.Random) -> str:
    """A Belgian VAT number, compact: BE, a ten-digit enterprise number whose last two digits are 97 minus the
    first eight modulo 97."""
    body = f"0{rng.randint(2, 9)}{_digits(rng, 6)}"
    return f"BE{body}{97 - int(body) % 97:02d}"


def enterprise_no(vat_id: str) -> str:
    """The enterprise number of a BE VAT id as Belgians print it: 0123.456.789."""
    n = vat_id[2:]
    return f"{n[:4]}.{n[4:7]}.{n[7:]}"


def structured_communication(rng: random.Random, stars: bool = False) -> str:
    """A Belgian structured communication: ten digits and their remainder modulo 97 (97 for 0)."""
    base = int(_digits(rng, 10))
    digits = f"{base:010d}{base % 97 or 97:02d}"
    fence = "***" if stars else "+++"
    return f"{fence}{digits[:3]}/{digits[3:7]}/{digits[7:]}{fence}"


# ---------------------------------------------------------------------------
# factuur_be

# Seats: (postcode, Dutch name, French name, region (nl, fr or bi), register court (Dutch, French)).
_BE_SEATS = (
    ("9000", "Gent", "Gand", "nl", ("Gent", "Gand")),
    ("9050", "Gentbrugge", "Gentbrugge", "nl", ("Gent", "Gand")),
    ("2000", "Antwerpen", "Anvers", "nl", ("Antwerpen", "Anvers")),
    ("2800", "Mechelen", "Malines", "nl", ("Antwerpen, afdeling Mechelen", "Anvers, division Malines")),
    ("3000", "Leuven", "Louvain", "nl", ("Leuven", "Louvain")),
    ("8000", "Brugge", "Bruges", "nl", ("Gent, afdeling Brugge", "Gand, division Bruges")),
    ("8500", "Kortrijk", "Courtrai", "nl", ("Gent, afdeling Kortrijk", "Gand, division Courtrai")),
    ("1000", "Brussel", "Bruxelles", "bi", ("Brussel", "Bruxelles")),
    ("1050", "Elsene", "Ixelles", "bi", ("Brussel", "Bruxelles")),
    ("1030", "Schaarbeek", "Schaerbeek", "bi", ("Brussel", "Bruxelles")),
    ("4000", "Luik", "Liège", "fr", ("Luik", "Liège")),
    ("5000", "Namen", "Namur", "fr", ("Luik, afdeling Namen", "Liège, division Namur")),
    ("1300", "Waver", "Wavre", "fr", ("Waals-Brabant", "Brabant wallon")),
    ("7000", "Bergen", "Mons", "fr", ("Henegouwen, afdeling Bergen", "Hainaut, division Mons")),
)
_NL_STREETS_BE = (
    "Kortrijksesteenweg",
    "Brusselsesteenweg",
    "Nijverheidsstraat",
    "Industrieweg",
    "Stationsstraat",
    "Kerkstraat",
    "Brabantdam",
    "Leopoldlaan",
    "Dorpsstraat",
    "Vaartkaai",
)
_FR_STREETS_BE = (
    "Rue du Commerce",
    "Chaussée de Louvain",
    "Avenue Louise",
    "Rue de l'Industrie",
    "Boulevard d'Avroy",
    "Rue des Guillemins",
    "Rue de Namur",
    "Avenue de la Gare",
    "Rue Haute",
    "Quai de la Batte",
)
# Sellers by trade and language (Brussels sellers take either).
_BE_SELLERS = {
    "print": {
        "nl": (
            "Drukkerij De Ster BV",
            "Drukkerij Vanderpoorten NV",
            "PrintAtelier Gent BV",
            "Drukwerk Maes BV",
        ),
        "fr": ("Imprimerie Lecomte SRL", "Imprimerie du Pont SA", "Atelier d'Impression Delhaize SRL"),
    },
    "event": {
        "nl": (
            "Stagelight Events BV",
            "Verhuur Van Damme NV",
            "Expo Solutions Benelux NV",
            "Podium & Klank BV",
        ),
        "fr": ("AV Concept SRL", "Son & Lumière Événements SRL", "Location Scénique Dubois SA"),
    },
    "publisher": {
        "nl": ("Uitgeverij Het Anker BV", "Uitgeverij Kaai NV", "Boekhandel De Zuid BV"),
        "fr": ("Éditions du Parc SRL", "Librairie Molière SRL", "Éditions de la Meuse SA"),
    },
    "service": {
        "nl": (
            "Studio Noord BV",
            "Vertaalbureau Linguo BV",
            "Pixelwerf BV",
            "CodeNest BV",
            "Beeldfabriek BV",
        ),
        "fr": (
            "Atelier Graphique Delvaux SRL",
            "Traductions Lemaire SRL",
            "Studio Vidéo Ardenne SRL",
            "Logiciels Meunier SRL",
        ),
    },
}
# Lines by trade: (Dutch, French, Dutch unit, French unit, least and most price, quantities, rate).
BeLine = tuple[str, str, str, str, float, float, tuple[float, ...], int]
_BE_LINES: dict[str, tuple[BeLine, ...]] = {
    "print": (
        (
            "Flyers A5, 4/4 kleuren, 170 g mat – oplage 2.500 ex.",
            "Flyers A5, quadri recto-verso, 170 g mat – 2 500 ex.",
            "lot",
            "lot",
            180,
            340,
            (1, 1, 2),
            21,
        ),
        (
            "Affiches A2, 4/0 kleuren, 135 g glanzend",
            "Affiches A2, quadri recto, 135 g brillant",
            "st.",
            "pc",
            2.2,
            4.8,
            (25, 50, 100),
            21,
        ),
        (
            "Roll-up banner 85 × 200 cm incl. cassette en tas",
            "Roll-up 85 × 200 cm avec cassette et sac",
            "st.",
            "pc",
            89,
            149,
            (1, 2, 3),
            21,
        ),
        (
            "Visitekaartjes 85 × 55 mm, 350 g, 500 ex.",
            "Cartes de visite 85 × 55 mm, 350 g, 500 ex.",
            "doos",
            "boîte",
            38,
            64,
            (2, 3, 4, 6),
            21,
        ),
        (
            "Brochure A4, 16 p., geniet, 4/4 kleuren",
            "Brochure A4, 16 p., agrafée, quadri",
            "st.",
            "pc",
            1.4,
            3.2,
            (250, 500, 1000),
            21,
        ),
        (
            "Beursstand-wand 3 × 2,25 m, textiel, bedrukt",
            "Mur de stand 3 × 2,25 m, textile imprimé",
            "st.",
            "pc",
            690,
            1150,
            (1,),
            21,
        ),
        ("Opmaak en prepress", "Mise en page et prépresse", "uur", "h", 55, 85, (1, 2, 3.5, 4, 6), 21),
        (
            "Levering op locatie (Flanders Expo, Gent)",
            "Livraison sur site (Brussels Expo)",
            "forfait",
            "forfait",
            45,
            120,
            (1,),
            21,
        ),
    ),
    "print_books": (
        (
            "Boek 'Ontwerp in de Lage Landen', 224 p., gebonden",
            "Livre « Design au Benelux », 224 p., relié",
            "st.",
            "pc",
            14,
            29,
            (50, 100, 150, 250),
            6,
        ),
        (
            "Jaarboek 2023, 96 p., genaaid gebonden",
            "Annuaire 2023, 96 p., cousu",
            "st.",
            "pc",
            6.5,
            12,
            (100, 200, 300),
            6,
        ),
    ),
    "event": (
        (
            "Huur LED-scherm 3 × 2 m, 3 dagen",
            "Location écran LED 3 × 2 m, 3 jours",
            "st.",
            "pc",
            1450,
            2600,
            (1,),
            21,
        ),
        (
            "Huur geluidsinstallatie incl. 2 draadloze microfoons",
            "Location sonorisation avec 2 micros HF",
            "dag",
            "jour",
            180,
            390,
            (1, 2, 3),
            21,
        ),
        (
            "Huur beamer Full HD 6.000 lm",
            "Location projecteur Full HD 6 000 lm",
            "dag",
            "jour",
            120,
            240,
            (1, 2, 3),
            21,
        ),
        ("Technicus op locatie", "Technicien sur site", "uur", "h", 48, 72, (6, 8, 10, 16, 24), 21),
        (
            "Standbouw 18 m², systeembouw met verlichting",
            "Construction de stand 18 m², système avec éclairage",
            "forfait",
            "forfait",
            2400,
            4800,
            (1,),
            21,
        ),
        (
            "Huur meubilair (statafels, krukken)",
            "Location mobilier (mange-debout, tabourets)",
            "st.",
            "pc",
            14,
            28,
            (4, 6, 8, 12),
            21,
        ),
        (
            "Transport, op- en afbouw",
            "Transport, montage et démontage",
            "forfait",
            "forfait",
            280,
            650,
            (1,),
            21,
        ),
    ),
    "publisher": (
        (
            "Vakboek 'Marketing in België', 3de editie",
            "« Le marketing en Belgique », 3e édition",
            "st.",
            "ex.",
            29,
            49,
            (1, 2, 3, 5),
            6,
        ),
        (
            "Handboek typografie (paperback)",
            "Manuel de typographie (broché)",
            "st.",
            "ex.",
            24,
            39,
            (1, 2, 4),
            6,
        ),
        ("Atlas van de Benelux 2024", "Atlas du Benelux 2024", "st.", "ex.", 35, 59, (1, 2), 6),
        (
            "Jaarabonnement tijdschrift 'Grafisch Nieuws'",
            "Abonnement annuel « Graphisme Info »",
            "abon.",
            "abonn.",
            79,
            129,
            (1, 2),
            6,
        ),
        (
            "Fotoboek 'Gent door de eeuwen', gebonden",
            "Livre photo « Bruxelles au fil du temps », relié",
            "st.",
            "ex.",
            39,
            69,
            (1, 2, 3, 10),
            6,
        ),
    ),
    "publisher_shop": (
        ("Draagtas katoen met logo", "Sac en coton avec logo", "st.", "pc", 6, 12, (5, 10, 20), 21),
        ("Notitieboek A5 met linnen omslag", "Carnet A5 couverture toile", "st.", "pc", 9, 16, (5, 10), 21),
    ),
    "service": (
        (
            "Vertaling NL > DE, 4.250 woorden",
            "Traduction FR > DE, 4 250 mots",
            "forfait",
            "forfait",
            420,
            890,
            (1,),
            0,
        ),
        (
            "Grafisch ontwerp campagne",
            "Conception graphique de la campagne",
            "uur",
            "h",
            65,
            95,
            (4, 6, 8, 12, 16),
            0,
        ),
        (
            "Ontwikkeling module webshop",
            "Développement module boutique en ligne",
            "dag",
            "jour",
            520,
            780,
            (1, 2, 3, 5),
            0,
        ),
        ("Projectmanagement", "Gestion de projet", "uur", "h", 70, 95, (2, 3, 4, 6), 0),
        (
            "Videomontage en kleurcorrectie",
            "Montage vidéo et étalonnage",
            "dag",
            "jour",
            450,
            690,
            (1, 2, 3),
            0,
        ),
        (
            "Licentie beeldmateriaal, 12 maanden",
            "Licence d'images, 12 mois",
            "forfait",
            "forfait",
            150,
            480,
            (1,),
            0,
        ),
        ("Revisie en eindredactie", "Relecture et correction", "uur", "h", 55, 75, (2, 3, 5), 0),
    ),
}
_SHIP_BE = ("Verzendkosten", "Frais d'envoi")
# Labels: key -> (Dutch, French, bilingual) choices.
_BE_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "title": (("FACTUUR", "Factuur"), ("FACTURE", "Facture"), ("Factuur / Facture", "FACTUUR / FACTURE")),
    "number": (
        ("Factuurnummer", "Factuurnr.", "Nummer"),
        ("Numéro de facture", "Facture n°", "N° facture"),
        ("Factuurnr. / N° facture", "Nummer / Numéro"),
    ),
    "date": (
        ("Factuurdatum", "Datum"),
        ("Date de facture", "Date"),
        ("Factuurdatum / Date de facture", "Datum / Date"),
    ),
    "due": (("Vervaldag", "Vervaldatum"), ("Échéance", "Date d'échéance"), ("Vervaldag / Échéance",)),
    "client": (("Klantnummer", "Klantnr."), ("N° client", "Numéro client"), ("Klantnr. / N° client",)),
    "ref": (
        ("Uw referentie", "Uw bestelbon", "Uw ref."),
        ("Votre référence", "Votre bon de commande", "V/réf."),
        ("Uw ref. / Votre réf.",),
    ),
    "delivered": (
        ("Leveringsdatum", "Leverdatum"),
        ("Date de livraison",),
        ("Leveringsdatum / Date de livraison",),
    ),
    "quote": (("Offerte",), ("Offre",), ("Offerte / Offre",)),
    "slip": (("Leveringsbon",), ("Bon de livraison",), ("Leveringsbon / Bon de livraison",)),
    "period": (("Periode",), ("Période",), ("Periode / Période",)),
    "client_vat": (
        ("BTW-nr. klant", "Uw BTW-nummer"),
        ("N° TVA client", "Votre n° TVA"),
        ("BTW klant / TVA client",),
    ),
    "desc": (("Omschrijving",), ("Description", "Désignation"), ("Omschrijving / Description",)),
    "qty": (("Aantal",), ("Quantité", "Qté"), ("Aantal / Qté",)),
    "unit": (("Eenh.",), ("Unité",), ("Eenh. / Unité",)),
    "price": (("Eenheidsprijs", "Prijs/eenh."), ("Prix unitaire", "P.U. HTVA"), ("Eenheidsprijs / P.U.",)),
    "rate": (("BTW %", "BTW"), ("TVA %", "TVA"), ("BTW / TVA",)),
    "total": (("Bedrag", "Totaal excl. BTW"), ("Montant HTVA", "Total HTVA"), ("Bedrag / Montant",)),
    "base": (("Maatstaf van heffing",), ("Base imposable",), ("Maatstaf van heffing / Base imposable",)),
    "vat": (("BTW",), ("TVA",), ("BTW / TVA",)),
    "net": (
        ("Totaal excl. BTW", "Totaal exclusief BTW"),
        ("Total HTVA", "Total hors TVA"),
        ("Totaal excl. BTW / Total HTVA",),
    ),
    "vat_total": (("Totaal BTW",), ("Total TVA",), ("Totaal BTW / Total TVA",)),
    "gross": (("Totaal incl. BTW", "Totaal"), ("Total TVAC", "Total TVA comprise"), ("Totaal / Total",)),
    "pay": (("Te betalen", "Totaal te betalen"), ("À payer", "Net à payer"), ("Te betalen / À payer",)),
    "deposit": (
        ("Reeds betaald (voorschot)", "Voorschot ontvangen"),
        ("Acompte reçu", "Déjà payé (acompte)"),
        ("Voorschot / Acompte",),
    ),
    "enterprise": (
        ("Ondernemingsnummer", "Ondernemingsnr."),
        ("N° d'entreprise", "Numéro d'entreprise"),
        ("Ondernemingsnr. / N° d'entreprise",),
    ),
    "vat_id": (("BTW", "BTW-nr."), ("TVA", "N° TVA"), ("BTW / TVA",)),
    "comm": (
        ("Gestructureerde mededeling", "Mededeling"),
        ("Communication structurée", "Communication"),
        ("Mededeling / Communication",),
    ),
    "page": (("Pagina {n}/{m}",), ("Page {n}/{m}",), ("Pagina / Page {n}/{m}",)),
    "terms": (
        ("Algemene verkoopsvoorwaarden", "Algemene voorwaarden"),
        ("Conditions générales de vente",),
        ("Algemene voorwaarden / Conditions générales",),
    ),
}
_COUNTRY_DE = {
    "nl": ("DUITSLAND", "Duitsland"),
    "fr": ("ALLEMAGNE", "Allemagne"),
    "bi": ("DUITSLAND", "Deutschland"),
}
_REVERSE = {
    "nl": (
        "Verlegging van heffing – art. 21, § 2 W.BTW. Btw te voldoen door de medecontractant.",
        "BTW verlegd – de medecontractant is tot voldoening van de belasting gehouden (art. 196 Richtlijn "
        "2006/112/EG).",
    ),
    "fr": (
        "Autoliquidation – art. 21, § 2 du Code de la TVA. TVA due par le cocontractant.",
        "Autoliquidation – TVA due par le preneur (art. 196 de la directive 2006/112/CE).",
    ),
    "bi": (
        "Verlegging van heffing / Autoliquidation – art. 21, § 2 W.BTW / CTVA.",
        "Verlegging van heffing / Autoliquidation (art. 196 Richtlijn / directive 2006/112/EG/CE).",
    ),
}
_LATE = {
    "nl": "Bij niet-betaling op de vervaldag is van rechtswege en zonder ingebrekestelling een "
    "verwijlintrest van 10 % per jaar verschuldigd, evenals een forfaitaire schadevergoeding van 10 % met "
    "een minimum van 40 EUR. Klachten dienen binnen 8 dagen na factuurdatum schriftelijk te worden gemeld.",
    "fr": "En cas de non-paiement à l'échéance, un intérêt de retard de 10 % l'an ainsi qu'une indemnité "
    "forfaitaire de 10 % avec un minimum de 40 EUR sont dus de plein droit et sans mise en demeure. Toute "
    "réclamation doit être introduite par écrit dans les 8 jours de la date de facture.",
}

# General terms printed as a second page on some seeds: (Dutch, French) articles; {court}: the seat's court.
_TERMS = (
    (
        "Toepassing. Deze voorwaarden gelden voor alle offertes, bestellingen en leveringen van de "
        "verkoper, tenzij schriftelijk anders overeengekomen. Afwijkende voorwaarden van de koper zijn niet "
        "tegenstelbaar.",
        "Application. Les présentes conditions s'appliquent à toutes les offres, commandes et livraisons du "
        "vendeur, sauf convention écrite contraire. Les conditions de l'acheteur ne sont pas opposables.",
    ),
    (
        "Prijzen. Alle prijzen zijn uitgedrukt in euro, exclusief BTW, transport en verzekering, tenzij "
        "anders vermeld. Offertes zijn 30 dagen geldig.",
        "Prix. Tous les prix sont exprimés en euros, hors TVA, transport et assurance, sauf mention "
        "contraire. Les offres sont valables 30 jours.",
    ),
    (
        "Betaling. Facturen zijn betaalbaar op de zetel van de verkoper binnen de op de factuur vermelde "
        "termijn, met vermelding van de gestructureerde mededeling.",
        "Paiement. Les factures sont payables au siège du vendeur dans le délai indiqué sur la facture, en "
        "mentionnant la communication structurée.",
    ),
    (
        "Laattijdige betaling. Elke op de vervaldag onbetaalde factuur brengt van rechtswege en zonder "
        "ingebrekestelling een verwijlintrest op van 10 % per jaar en een forfaitaire schadevergoeding van "
        "10 % van het factuurbedrag, met een minimum van 40 EUR.",
        "Retard de paiement. Toute facture impayée à l'échéance porte de plein droit et sans mise en "
        "demeure un intérêt de retard de 10 % l'an et une indemnité forfaitaire de 10 % du montant de la "
        "facture, avec un minimum de 40 EUR.",
    ),
    (
        "Klachten. Klachten over leveringen of facturen moeten binnen 8 dagen na ontvangst per aangetekend "
        "schrijven worden gemeld. Nadien wordt de factuur als aanvaard beschouwd.",
        "Réclamations. Toute réclamation relative aux livraisons ou aux factures doit être adressée par "
        "lettre recommandée dans les 8 jours de leur réception. Passé ce délai, la facture est réputée "
        "acceptée.",
    ),
    (
        "Eigendomsvoorbehoud. De geleverde goederen blijven eigendom van de verkoper tot de volledige "
        "betaling van de prijs, de interesten en de kosten.",
        "Réserve de propriété. Les marchandises livrées restent la propriété du vendeur jusqu'au paiement "
        "intégral du prix, des intérêts et des frais.",
    ),
    (
        "Bevoegdheid. Op alle overeenkomsten is het Belgisch recht van toepassing. Bij geschillen zijn "
        "uitsluitend de rechtbanken van de zetel van de verkoper ({court}) bevoegd.",
        "Compétence. Toutes les conventions sont régies par le droit belge. En cas de litige, seuls les "
        "tribunaux du siège du vendeur ({court}) sont compétents.",
    ),
)
_SEE_TERMS = {
    "nl": "Onze algemene verkoopsvoorwaarden (zie ommezijde) zijn van toepassing.",
    "fr": "Nos conditions générales de vente (voir verso) sont d'application.",
}


@dataclass(frozen=True)
class Seat:
    """A Belgian firm's address and the language it writes in."""

    name: str
    street: str
    postcode: str
    place: str
    court: str
    lang: str  # nl, fr or bi: the labels
    words: str  # nl or fr: the firm's own language (its name, street and item texts)

    @property
    def lines(self) -> tuple[str, str]:
        return self.street, f"{self.postcode} {self.place}"


def be_seat(rng: random.Random, trade: str) -> Seat:
    postcode, nl, fr, region, (court_nl, court_fr) = rng.choice(_BE_SEATS)
    if region == "bi":
        lang = rng.choice(("bi", "bi", "fr", "nl"))
    else:
        lang = region if rng.random() < 0.7 else "bi"
    words = "nl" if lang == "nl" or (lang == "bi" and region == "nl") else "fr"
    if region == "bi" and lang == "bi":
        words = rng.choice(("nl", "fr"))
    name = rng.choice(_BE_SELLERS[trade][words])
    street = f"{rng.choice(_NL_STREETS_BE if words == 'nl' else _FR_STREETS_BE)} {rng.randint(1, 240)}"
    if words == "fr":
        street = f"{street.split()[-1]}, {' '.join(street.split()[:-1])}" if rng.random() < 0.3 else street
    place = {"nl": nl, "fr": fr, "bi": f"{fr}" if words == "fr" else nl}[lang]
    court = {"nl": f"RPR {court_nl}", "fr": f"RPM {court_fr}", "bi": f"RPR/RPM {court_nl}"}[lang]
    if lang == "bi" and words == "fr":
        court = f"RPM/RPR {court_fr}"
    return Seat(name, street, postcode, place, court, lang, words)


def be_phone(rng: random.Random, postcode: str) -> str:
    zone = {"9": "9", "2": "3", "3": "16", "8": "50", "1": "2", "4": "4", "5": "81", "7": "65"}[postcode[0]]
    if postcode.startswith("85"):
        zone = "56"
    if postcode.startswith("28"):
        zone = "15"
    if postcode.startswith("13"):
        zone = "10"
    rest = f"{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    if len(zone) == 2:
        rest = f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    return f"+32 {zone} {rest}" if rng.random() < 0.6 else f"0{zone} {rest}"


# Bank codes (BNP Paribas Fortis, Belfius, ING, KBC, Crelan, Argenta, Triodos, Van Breda), two of the big four
# as often as the rest together.
_BE_BANKS = ("001", "143", "068", "310", "363", "734", "735", "103", "979", "523", "645", "001", "734", "310")


class FactuurBe(FirstSheet):
    """A Belgian supplier's invoice (Dutch, French or both) to a German business: Belgian VAT or reverse
    charge."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed", "liberation-serif", "dejavu-serif")
    IDS = "vat"
    GROUPED = 0.85
    FOOT = A4.height - 78

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        self.trade = rng.choice(("print", "print", "event", "publisher", "service", "service", "service"))
        self.reverse = self.trade == "service"
        self.seat = seat = be_seat(rng, self.trade)
        self.lang = seat.lang
        day = data.date
        n = rng.randint(1, 2999)
        number = rng.choice(
            (
                f"{day.year}/{n:04d}",
                f"{day.year % 100}/{n:05d}",
                f"F{day.year}-{n:04d}",
                f"VF{day.year % 100}{n:04d}",
                f"{day.year}{n:05d}",
                f"FAC-{day.year}-{n:04d}",
            )
        )
        vat_id = be_vat_id(rng)
        domain = seat.name.split()[-2 if len(seat.name.split()) > 2 else 0].lower()
        for a, b in (("é", "e"), ("è", "e"), ("'", ""), ("&", "en")):
            domain = domain.replace(a, b)
        self.domain = f"{domain}.be"
        self.delivered = day - dt.timedelta(days=rng.randint(0, 12))
        data = dataclasses.replace(
            data,
            number=number,
            service_date=self.delivered if not self.reverse and rng.random() < 0.4 else None,
            due_date=day + dt.timedelta(days=rng.choice((8, 14, 15, 30, 30))),
            customer_no=rng.choice(
                (
                    f"{rng.randint(1000, 99999)}",
                    f"K{rng.randint(1000, 9999)}",
                    f"C-{rng.randint(100, 9999):04d}",
                )
            )
            if rng.random() < 0.6
            else "",
            order_no=rng.choice(
                (
                    f"PO-{day.year}-{rng.randint(10, 999):03d}",
                    f"B{rng.randint(10**5, 10**6 - 1)}",
                    f"45{rng.randint(10**7, 10**8 - 1)}",
                )
            )
            if rng.random() < 0.45
            else "",
            supplier=Party(seat.name, seat.street, seat.postcode, seat.place, "BE"),
            phone=be_phone(rng, seat.postcode),
            email=rng.choice(
                ("info", "facturatie", "boekhouding")
                if seat.words == "nl"
                else ("info", "comptabilite", "factures")
            )
            + f"@{self.domain}",
            vat_id=vat_id,
            tax_no="",
            iban=iban_of(rng, "BE", _BE_BANKS, 7),
            vat_id_spaced=False,
        )
        super().__init__(rng, data)
        dates = rng.choice(("fr_slash", "fr_slash", "fr_slash", "nl_dash", "dotted", "long"))
        if dates == "long":
            dates = {"nl": "nl_long", "fr": "fr_long", "bi": "fr_slash"}[self.lang]
        self.p = Printer(
            rng.choice(("de", "de", "de", "de_space")),
            rng.choice(("sign_before", "sign_before", "sign_after", "code_after")),
            dates,
        )
        self.chosen: dict[str, str] = {}
        self.lines_lang = seat.words
        self.brand = rng.choice(MORE_BRANDS)
        self.head = rng.choice(("left", "band", "centre"))
        self.window_right = rng.random() < 0.7
        self.vat_form = rng.choice(("dotted_space", "dotted_space", "dotted", "spaced", "compact"))
        self.recap = rng.choice(("table", "rows"))
        self.deposit = not self.reverse and rng.random() < 0.25
        self.client_vat = _vat_id(rng) if self.reverse or rng.random() < 0.4 else ""
        self.quote = f"O{day.year % 100}-{rng.randint(10, 999):04d}" if rng.random() < 0.35 else ""
        self.slip = (
            f"LB-{day.year}-{rng.randint(100, 9999):04d}" if not self.reverse and rng.random() < 0.3 else ""
        )
        self.period = self.reverse and rng.random() < 0.5
        self.stars = rng.random() < 0.2
        self.comm = structured_communication(rng, self.stars)
        self.qr = rng.random() < 0.35
        self.enterprise_in_head = rng.random() < 0.5
        self.rate_words = rng.random() < 0.5
        self.terms_page = rng.random() < 0.2
        self.rate_space = rng.random() < 0.7
        self.pay_box = rng.random() < 0.5  # IBAN, BIC and communication in a box, else in a sentence

    # -- words and numbers

    def w(self, key: str) -> str:
        """The label for `key` in the invoice's language, the same wording each time it is printed."""
        if key not in self.chosen:
            nl, fr, bi = _BE_WORDS[key]
            self.chosen[key] = self.rng.choice({"nl": nl, "fr": fr, "bi": bi}[self.lang])
        return self.chosen[key]

    def vat_printed(self) -> str:
        v = self.data.vat_id
        n = enterprise_no(v)
        return {
            "dotted_space": f"BE {n}",
            "dotted": f"BE{n}",
            "spaced": f"BE {n.replace('.', ' ')}",
            "compact": v,
        }[self.vat_form]

    def rate(self, rate: int) -> str:
        if rate == 0 and self.rate_words:
            return {"nl": "verlegd", "fr": "autoliq.", "bi": "VL/AL"}[self.lang]
        return f"{rate} %" if self.rate_space else f"{rate}%"

    def pick(self, key: str, count: int) -> list[LineItem]:
        rng, fr = self.rng, self.lines_lang == "fr"
        out = []
        for nl_text, fr_text, nl_unit, fr_unit, lo, hi, quantities, rate in rng.sample(_BE_LINES[key], count):
            price = round_cent(Decimal(str(rng.uniform(lo, hi))))
            qty = Decimal(str(rng.choice(quantities)))
            out.append(LineItem(fr_text if fr else nl_text, "", qty, fr_unit if fr else nl_unit, price, rate))
        return out

    def items(self) -> list[LineItem]:
        rng = self.rng
        if self.trade == "print":
            items = self.pick("print", rng.randint(2, 5))
            if rng.random() < 0.45:
                items[rng.randint(0, len(items)) : 0] = self.pick("print_books", rng.choice((1, 1, 2)))
        elif self.trade == "event":
            items = self.pick("event", rng.randint(3, 7))
        elif self.trade == "publisher":
            items = self.pick("publisher", rng.randint(1, 4))
            if rng.random() < 0.35:
                items += self.pick("publisher_shop", 1)
            if rng.random() < 0.7:
                ship = Decimal(rng.choice(("6.50", "8.95", "12.50", "14.90")))
                items.append(LineItem(_SHIP_BE[self.lines_lang == "fr"], "", Decimal(1), "forfait", ship, 6))
        else:
            items = self.pick("service", rng.randint(1, 4))
            if rng.random() < 0.3:
                fee = Decimal(rng.choice((85, 120, 150, 240)))
                text = "Verplaatsingskosten" if self.lines_lang == "nl" else "Frais de déplacement"
                items.append(LineItem(text, "", Decimal(1), "forfait", fee, 0))
        return items

    # -- the page

    def follow_head(self) -> float:
        c, d = self.c, self.data
        c.text(self.LEFT, 50, d.supplier.name, 9, bold=True)
        c.text(self.RIGHT, 50, f"{self.w('title')} {d.number} – {self.p.date(d.date)}", 8.5, align="right")
        c.line(self.LEFT, 58, self.RIGHT, 58, width=0.5, colour=GREY)
        return self.TOP

    def page_label(self, page: int, pages: int) -> str:
        return self.w("page").format(n=page, m=pages)

    def header(self) -> None:
        c, d, s, L, R = self.c, self.data, self.seat, self.LEFT, self.RIGHT
        contact = [*s.lines, f"Tel. {d.phone}", d.email, f"www.{self.domain}"]
        if self.enterprise_in_head:
            contact.append(f"{self.w('enterprise')} {enterprise_no(d.vat_id)}")
        if self.head == "band":
            c.box(0, 24, c.width, 72, fill=self.brand, stroke=None)
            c.fit_text(L, 52, s.name, 17, 240, bold=True, colour=WHITE)
            if self.enterprise_in_head:
                c.text(L, 64, contact.pop(), 7.5, colour=WHITE)
            for i, line in enumerate(contact[:3]):
                c.fit_text(R - 240, 40 + 11 * i, line, 7.5, 115, colour=WHITE)
            for i, line in enumerate(contact[3:]):
                c.fit_text(R, 40 + 11 * i, line, 7.5, 115, align="right", colour=WHITE)
        elif self.head == "centre":
            c.fit_text(c.width / 2, 50, s.name.upper(), 16, 420, bold=True, align="center", colour=self.brand)
            c.fit_text(c.width / 2, 64, " – ".join(contact[:4]), 7.5, 460, align="center", colour=GREY)
            c.fit_text(c.width / 2, 74, " – ".join(contact[4:]), 7.5, 460, align="center", colour=GREY)
            c.line(L, 82, R, 82, width=0.6, colour=self.brand)
        else:
            logo(c, self.rng.choice(("square", "circle", "diamond")), L, 30, 38, self.brand, initials(s.name))
            c.fit_text(L + 48, 52, s.name, 14, 250, bold=True, colour=self.brand)
            for i, line in enumerate(contact):
                c.fit_text(R, 36 + 10 * i, line, 7.5, 200, align="right", colour=GREY)

    def client_block(self) -> list[str]:
        r = self.data.customer
        country = self.rng.choice(_COUNTRY_DE[self.lang])
        city = r.city_line if self.rng.random() < 0.7 else f"D-{r.city_line}"
        lines = [r.name, r.contact, r.street, city, country]
        if self.client_vat:
            lines.append(f"{self.w('client_vat')}: {self.client_vat}")
        return [line for line in lines if line]

    def info_rows(self) -> list[tuple[str, str]]:
        d, p = self.data, self.p
        rows = [
            (self.w("number"), d.number),
            (self.w("date"), p.date(d.date)),
            (self.w("due"), p.date(d.due_date)),
        ]
        if d.customer_no:
            rows.append((self.w("client"), d.customer_no))
        if d.order_no:
            rows.append((self.w("ref"), d.order_no))
        if d.service_date:
            rows.append((self.w("delivered"), p.date(d.service_date)))
        if self.slip:
            rows.append((self.w("slip"), self.slip))
        return rows

    def parties(self) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        top = 118.0
        sender = (
            f"{self.seat.name} · {self.seat.street} · {self.seat.lines[1]} · België"
            if self.rng.random() < 0.5
            else ""
        )
        rows = self.info_rows()
        wide = self.lang == "bi"
        if self.window_right:
            ya = self.window(318, top, self.client_block(), 9.5, sender=sender)
            yb = label_rows(
                c, rows, L, L + (150 if wide else 98), top + 12, 8.5, 13, label_colour=GREY, bold_values=True
            )
        else:
            ya = self.window(L, top, self.client_block(), 9.5, sender=sender)
            x = R - (250 if wide else 200)
            yb = label_rows(c, rows, x, R, top + 12, 8.5, 13, value_align="right", label_colour=GREY)
        y = max(ya, yb) + 14
        title = self.w("title")
        if self.rng.random() < 0.3:
            title = f"{title} {self.data.number}"
        c.fit_text(
            L, y + 6, title, 16, R - L, bold=True, colour=self.brand if self.head != "centre" else (0, 0, 0)
        )
        y += 22
        refs = []
        if self.quote:
            quoted = self.data.date - dt.timedelta(days=self.rng.randint(20, 90))
            word = {"nl": "van", "fr": "du", "bi": "van/du"}[self.lang]
            refs.append(f"{self.w('quote')} {self.quote} {word} {self.p.date(quoted)}")
        if self.period:
            start = self.data.date.replace(day=1) - dt.timedelta(days=1)
            first = start.replace(day=1)
            word = {"nl": "tot", "fr": "au", "bi": "–"}[self.lang]
            refs.append(f"{self.w('period')}: {self.p.date(first)} {word} {self.p.date(start)}")
        for ref in refs:
            c.fit_text(L, y, ref, 9, R - L)
            y += 12
        return y

    def spec(self) -> list[tuple[str, str, float, Align]]:
        wide = 12 if self.lang == "bi" else 0
        return [
            ("desc", self.w("desc"), 0, "left"),
            ("qty", self.w("qty"), 44 + wide, "right"),
            ("unit", self.w("unit"), 40 + wide, "left"),
            ("price", self.w("price"), 70 + wide, "right"),
            ("rate", self.w("rate"), 44 + wide, "right"),
            ("total", self.w("total"), 74 + wide, "right"),
        ]

    def heading(self, y: float, cols: list[Col]) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        filled = self.head == "band"
        c.box(L, y, R, y + 17, fill=self.brand if filled else LIGHT, stroke=None)
        cells(
            c,
            cols,
            y + 12,
            {col.key: col.head for col in cols},
            7.8,
            bold=True,
            colour=WHITE if filled else (0, 0, 0),
        )
        return y + 17

    def table(self, y: float, items: list[LineItem]) -> float:
        p, L, R = self.p, self.LEFT, self.RIGHT
        cols = columns(self.spec(), L, R)
        desc = cols[0]
        y = self.heading(y + 4, cols)
        c = self.c
        for item in items:
            lines = c.wrap(item.description, desc.width, 8.7)
            y += 14
            values = {
                "qty": p.quantity(item.quantity),
                "unit": item.unit,
                "price": p.number(item.unit_price),
                "rate": self.rate(item.rate),
                "total": p.number(item.total),
            }
            cells(c, cols, y, values, 8.7)
            for j, line in enumerate(lines):
                c.text(desc.anchor, y + 11 * j, line, 8.7)
            y += 11 * (len(lines) - 1) + 6
            c.line(L, y, R, y, width=0.3, colour=RULE)
        assert y < self.limit - 60, "factuur_be: the lines run too long"
        return y

    def recap_table(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p, L = self.c, self.p, self.LEFT
        wide = 60 if self.lang == "bi" else 0
        cols = columns(
            [
                ("base", self.w("base"), 105 + wide, "right"),
                ("rate", "%", 40, "right"),
                ("vat", self.w("vat"), 80, "right"),
            ],
            L,
            L + 225 + wide,
        )
        c.box(L, y, L + 225 + wide, y + 15, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 7.6, bold=True)
        y += 15
        for v in vat_lines:
            y += 13
            cells(
                c, cols, y, {"base": p.number(v.base), "rate": f"{v.rate} %", "vat": p.number(v.amount)}, 8.5
            )
        c.line(L, y + 5, L + 225 + wide, y + 5, width=0.4, colour=RULE)
        return y + 8

    def total_rows(self, vat_lines: list[VatLine]) -> list[tuple[str, Decimal, bool]]:
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        rows: list[tuple[str, Decimal, bool]] = []
        if self.recap == "rows":
            for v in vat_lines:
                rows.append((f"{self.w('base')} {v.rate} %", v.base, False))
                rows.append((f"{self.w('vat')} {v.rate} %", v.amount, False))
            if len(vat_lines) > 1:
                rows.append((self.w("net"), net, False))
                rows.append((self.w("vat_total"), vat, False))
        else:
            rows.append((self.w("net"), net, False))
            rows.append(
                (
                    self.w("vat_total") if len(vat_lines) > 1 else f"{self.w('vat')} {vat_lines[0].rate} %",
                    vat,
                    False,
                )
            )
        return rows

    def totals(self, y: float, vat_lines: list[VatLine]) -> tuple[float, Decimal]:
        rng, R = self.rng, self.RIGHT
        gross = sum((v.base + v.amount for v in vat_lines), Decimal(0))
        rows = self.total_rows(vat_lines)
        due = gross
        if self.deposit:
            paid = round_cent(gross * Decimal(rng.choice((20, 25, 30, 40, 50))) / 100)
            rows.append((self.w("gross"), gross, False))
            when = self.data.date - dt.timedelta(days=rng.randint(20, 60))
            rows.append((f"{self.w('deposit')} {self.p.date(when)}", -paid, False))
            due = gross - paid
        rows.append((self.w("pay"), due, True))
        height = 16 * len(rows) + (28 + 13 * len(vat_lines) if self.recap == "table" else 0) + 30
        if y + height > self.limit:
            y = self.next_page()
        c = self.c
        y += 10
        top = bottom = y
        if self.recap == "table":
            bottom = self.recap_table(y, vat_lines)
            y = bottom + 6 if self.lang == "bi" else top
        wide = 70 if self.lang == "bi" else 0
        x = R - 230 - wide
        for label, value, bold in rows:
            y += 16
            if bold:
                c.box(
                    x - 6, y - 12, R + 4, y + 6, fill=LIGHT if rng.random() < 0.6 else None, stroke=self.brand
                )
            c.fit_text(x, y, label, 9.5 if bold else 8.8, 160 + wide, bold=bold)
            c.text(R, y, self.p.amount(value), 9.5 if bold else 8.8, bold=bold, align="right")
        return max(y, bottom) + 12, due

    def payment_texts(self, due: Decimal) -> list[tuple[str, bool]]:
        d, p, rng, lang = self.data, self.p, self.rng, self.lang
        iban, bic, comm = self.iban, d.iban.bic, self.comm
        when, amount = p.date(d.due_date), p.amount(due)
        nl = (
            f"Gelieve {amount} te betalen vóór {when} op rekening {iban} (BIC {bic}) met vermelding van de "
            f"gestructureerde mededeling {comm}."
        )
        fr = (
            f"Merci de verser {amount} avant le {when} sur le compte {iban} (BIC {bic}) en mentionnant la "
            f"communication structurée {comm}."
        )
        texts: list[tuple[str, bool]] = []
        if self.reverse:
            texts.append((rng.choice(_REVERSE[lang]), True))
            if rng.random() < 0.4:
                texts.append(("Steuerschuldnerschaft des Leistungsempfängers / Reverse charge.", False))
        if not self.pay_box:
            texts += {"nl": [(nl, False)], "fr": [(fr, False)], "bi": [(nl, False), (fr, False)]}[lang]
        clauses = _SEE_TERMS if self.terms_page else _LATE
        texts.append((clauses["fr" if lang == "fr" else "nl"], False))
        if lang == "bi":
            texts.append((clauses["fr"], False))
        return texts

    def pay_rows(self) -> list[tuple[str, str]]:
        d = self.data
        bank = self.bank_name()
        return [("IBAN", self.iban), ("BIC", str(d.iban.bic)), (self.w("comm"), self.comm), ("Bank", bank)]

    def closing(self, y: float, due: Decimal) -> float:
        texts = self.payment_texts(due)
        R, L = self.RIGHT, self.LEFT
        height = sum(11 * len(self.c.wrap(t, R - L, 7.8)) + 4 for t, _ in texts) + (
            70 if self.pay_box else 10
        )
        if y + height > self.limit:
            y = self.next_page()
        c = self.c
        if self.pay_box:
            y += 8
            c.box(L, y, R, y + 54, stroke=self.brand, width=0.7)
            label_rows(c, self.pay_rows(), L + 8, L + 160, y + 14, 8.5, 12, bold_values=True)
            if self.qr:
                qr_block(c, self.rng, R - 50, y + 4, 46)
                c.text(R - 56, y + 30, "Scan & pay", 7, align="right", colour=GREY)
            y += 62
        for text, bold in texts:
            y = c.paragraph(L, y + 4, text, R - L, 7.8 if not bold else 8.5, bold=bold)
        return y

    def terms(self) -> None:
        """The general terms on a page of their own (in both languages for a bilingual seller)."""
        y = self.next_page()
        c, L, R = self.c, self.LEFT, self.RIGHT
        c.text(L, y, self.w("terms"), 13, bold=True)
        y += 10
        court = self.seat.court.split(" ", 1)[1]
        langs = {"nl": (0,), "fr": (1,), "bi": (0, 1)}[self.lang]
        size = 7.4 if len(langs) == 2 else 8.4
        for k in langs:
            for n, article in enumerate(_TERMS, 1):
                y = c.paragraph(L, y + 6, f"{n}. {article[k].format(court=court)}", R - L, size)
            y += 8
        assert y < self.limit, "factuur_be: terms overflow"

    def footer(self) -> None:
        c, d, s, L, R = self.c, self.data, self.seat, self.LEFT, self.RIGHT
        self.tax["ust_id"] = d.vat_id
        country = {"nl": "België", "fr": "Belgique", "bi": "België / Belgique"}[self.lang]
        top = self.FOOT
        c.line(L, top, R, top, width=0.4, colour=GREY)
        lines = [
            f"{s.name} · {s.street} · {s.lines[1]} · {country} · Tel. {d.phone}",
            f"{self.w('vat_id')} {self.vat_printed()} · {s.court}"
            + ("" if self.enterprise_in_head else f" · {self.w('enterprise')} {enterprise_no(d.vat_id)}"),
            f"{self.bank_name()} · IBAN {self.iban} · BIC {d.iban.bic}",
        ]
        for i, line in enumerate(lines):
            c.fit_text(c.width / 2, top + 12 + 10 * i, line, 7.2, R - L, align="center", min_size=5.5)

    def draw(self) -> TripDrawing:
        items = self.items()
        vat_lines = vat_breakdown(items)
        self.header()
        y = self.table(self.parties(), items)
        y, due = self.totals(y, vat_lines)
        y = self.closing(y, due)
        assert y < self.limit + 6, "factuur_be: page overflow"
        if self.terms_page:
            self.terms()
        pages = self.close_pages(False)
        return self.finish(
            items,
            "Factuur",
            pages=pages,
            service_date=True,
            customer_no=True,
            order_no=True,
        )


# ---------------------------------------------------------------------------
# marktplatz_rechnung

# Platforms: (wordmark, legal name, address lines, register line, VAT country (LU or DE), payments company).
_PLATFORMS = (
    (
        "bazaro",
        "Bazaro EU S.à r.l.",
        ("5, rue Plaetis", "L-2338 Luxembourg"),
        "R.C.S. Luxembourg B 187412",
        "LU",
        "Bazaro Payments Europe S.C.A.",
    ),
    (
        "kaufhafen",
        "Kaufhafen Marketplace GmbH",
        ("Friedrichstraße 68", "10117 Berlin"),
        "Amtsgericht Charlottenburg HRB 212345 B",
        "DE",
        "Kaufhafen Pay GmbH",
    ),
    (
        "Marktwerk",
        "Marktwerk Online SE",
        ("Am Sandtorkai 50", "20457 Hamburg"),
        "Amtsgericht Hamburg HRB 154321",
        "DE",
        "Marktwerk Payments GmbH",
    ),
    (
        "shopflux",
        "Shopflux Europe S.à r.l.",
        ("38, avenue J. F. Kennedy", "L-1855 Luxembourg"),
        "R.C.S. Luxembourg B 201187",
        "LU",
        "Shopflux Payments S.à r.l.",
    ),
    (
        "Handelsplatz24",
        "Handelsplatz24 GmbH",
        ("Hohenzollernring 72", "50672 Köln"),
        "Amtsgericht Köln HRB 98765",
        "DE",
        "Handelsplatz24 Finance GmbH",
    ),
)
# Sellers: name -> the kinds of goods they sell.
_MP_SELLERS = {
    "Technikwerk Handels GmbH": ("tech", "office"),
    "KabelProfi24 GmbH": ("tech",),
    "Lichtblick Trading UG (haftungsbeschränkt)": ("tech", "home"),
    "Druckerzubehör Wagner e.K.": ("tech", "office"),
    "Bürobedarf Schneider e.K.": ("office", "food"),
    "Papeterie Nordlicht GmbH": ("office", "books"),
    "ergoline Office Solutions GmbH": ("office", "home", "food"),
    "Bücherkiste Online GmbH": ("books", "home"),
    "Kaffeerösterei Hanse GmbH": ("food", "home"),
    "Hausgeräte Maier GmbH & Co. KG": ("home", "food"),
}
# Goods: (description, least and most gross price, rate, quantities, kind).
Good = tuple[str, int, int, int, tuple[int, ...], str]
_MP_GOODS: tuple[Good, ...] = (
    ("USB-C Ladekabel 2 m, geflochten, 2er-Pack", 8, 19, 19, (1, 2, 3), "tech"),
    ("Kabellose Maus, 2,4 GHz, leise Tasten, schwarz", 14, 35, 19, (1, 2, 5), "tech"),
    ("Toner kompatibel für HL-L2350DW, schwarz, 2er-Pack", 24, 45, 19, (1, 2), "tech"),
    ("HDMI-Kabel 4K 3 m", 7, 15, 19, (1, 2, 4), "tech"),
    ("Monitorhalterung für 2 Monitore bis 32 Zoll", 35, 89, 19, (1, 2), "tech"),
    ("Etikettendrucker inkl. 2 Rollen Etiketten", 79, 149, 19, (1,), "tech"),
    ("Laminiergerät A4 mit 100 Laminierfolien", 29, 59, 19, (1,), "office"),
    ("Kopierpapier A4, 80 g/m², 5 x 500 Blatt", 22, 34, 19, (1, 2, 4), "office"),
    ("Whiteboard 90 x 60 cm, magnetisch, mit Alurahmen", 39, 79, 19, (1,), "office"),
    ("Aktenvernichter Partikelschnitt P-4, 12 Blatt", 69, 139, 19, (1,), "office"),
    ("Notizbuch A5 liniert, Hardcover, 3er-Set", 12, 22, 19, (1, 2), "office"),
    ("LED-Schreibtischlampe dimmbar mit USB-Ladeport", 25, 69, 19, (1, 2), "home"),
    ("Ergonomisches Sitzkissen mit Memory-Schaum", 25, 45, 19, (1, 2), "home"),
    ("Wasserkocher Edelstahl 1,7 l", 24, 49, 19, (1,), "home"),
    ("French Press Kaffeebereiter 1 l, Glas", 19, 35, 19, (1,), "home"),
    ("Fachbuch: Grundlagen des Grafikdesigns (Taschenbuch)", 19, 39, 7, (1, 2), "books"),
    ("Buch: Steuerrecht für Selbständige, aktuelle Auflage", 24, 49, 7, (1,), "books"),
    ("Duden – Die deutsche Rechtschreibung (gebunden)", 28, 32, 7, (1,), "books"),
    ("Bildband: Typografie im Alltag", 29, 45, 7, (1,), "books"),
    ("Kaffee Crema, ganze Bohne, 1 kg", 13, 24, 7, (1, 2, 3, 4), "food"),
    ("Espresso Bio, gemahlen, 500 g", 7, 13, 7, (2, 3, 4, 6), "food"),
    ("Grüner Tee Bio, 100 Beutel", 6, 14, 7, (1, 2, 3), "food"),
)
_MP_NOTES = (
    "Informationen zu Rückgabe und Widerruf finden Sie in Ihrem Kundenkonto unter „Meine Bestellungen“.",
    "Dieses Dokument wurde elektronisch erstellt und ist ohne Unterschrift gültig.",
    "Bei Fragen zu Ihrer Bestellung wenden Sie sich bitte über Ihr Kundenkonto an den Verkäufer.",
)
_MP_WORDMARK_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def ean13(rng: random.Random) -> str:
    """A German EAN-13 (prefixes 400 to 440) with its check digit."""
    body = f"{rng.choice(('400', '401', '403', '405', '406', '409', '426'))}{_digits(rng, 9)}"
    return body + ean.calc_check_digit(body)


def de_long_plain(day: dt.date) -> str:
    """A date as some platforms print it: 12 März 2024 (no dot after the day)."""
    return f"{day.day} {MONTHS_DE[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Row:
    """One printed row of the marketplace table: its item (net, for the truth) and what it prints."""

    item: LineItem
    gross: Decimal  # gross unit price
    note: str = ""


class MarktplatzRechnung(TripSheet):
    """An online marketplace's invoice for a third-party seller's sale, paid already on most seeds."""

    FONTS = ("liberation-sans", "dejavu-sans", "dejavu-sans-condensed")
    IDS = "vat"
    GROUPED = 0.8

    def __init__(self, rng: random.Random, data: InvoiceData) -> None:
        wordmark, legal, lines, register, country, payments = rng.choice(_PLATFORMS)
        self.platform = (wordmark, legal, lines, register, payments)
        self.platform_vats = (
            [valid_id(rng, lambda: f"LU{_digits(rng, 8)}", eu_vat.is_valid)] if country == "LU" else []
        )
        if country == "DE" or rng.random() < 0.6:
            self.platform_vats.append(_vat_id(rng))
        day = regular_day(data.date)
        letters = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3))
        number = rng.choice(
            (
                f"DE{rng.randint(1, 9)}{letters}{_digits(rng, 7)}",
                "DE" + "".join(rng.choice(_MP_WORDMARK_ALNUM) for _ in range(10)),
                f"INV-DE-{_digits(rng, 9)}-{day.year}-{rng.randint(1, 9999)}",
                f"{letters}-{day.year}-{rng.randint(10000, 99999)}",
            )
        )
        order = f"{rng.choice(('302', '303', '304', '305', '028'))}-{_digits(rng, 7)}-{_digits(rng, 7)}"
        seller = _party(rng, tuple(_MP_SELLERS), contact=False)
        self.assortment = [good for good in _MP_GOODS if good[5] in _MP_SELLERS[seller.name]]
        self.dates = rng.choice(("one", "one", "two", "invoice_only"))
        delivered = day if self.dates == "one" else day - dt.timedelta(days=rng.choice((0, 1, 1, 2)))
        data = dataclasses.replace(
            data,
            number=number,
            date=day,
            service_date=delivered if self.dates != "invoice_only" else None,
            due_date=day + dt.timedelta(days=rng.choice((14, 14, 30))),
            customer_no="",
            order_no=order,
            supplier=seller,
        )
        super().__init__(rng, data)
        style = rng.choice(("dotted", "dotted", "de_long", "plain_long"))
        self.plain_long = style == "plain_long"
        # (the index records "12 März 2024" as the nearest printer style, the German long date)
        self.p = Printer(
            "de",
            rng.choice(("sign_after", "sign_after", "code_after", "sign_before")),
            "de_long" if self.plain_long else style,
        )
        self.ordered = day - dt.timedelta(days=rng.randint(1, 6))
        self.ref = "".join(
            rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(16)
        )
        self.brand = rng.choice(MORE_BRANDS)
        self.on_behalf = rng.random() < 0.5
        self.payment = rng.choice(("card", "card", "card", "paypal", "debit", "invoice"))
        self.pay_iban = _bank_account(rng) if self.payment == "invoice" else None
        self.buyer_vat = _vat_id(rng) if rng.random() < 0.3 else ""
        self.layout = rng.choice(("columns", "columns", "letter"))
        self.seller_vat_where = rng.choice(("block", "block", "footer", "both"))
        self.deliver_elsewhere = rng.random() < 0.3

    def date(self, day: dt.date) -> str:
        return de_long_plain(day) if self.plain_long else self.p.date(day)

    # -- the order

    def order(self) -> list[Row]:
        rng = self.rng
        for _ in range(300):
            goods = rng.sample(self.assortment, rng.choices((1, 2, 3, 4, 5), weights=(3, 4, 3, 2, 1))[0])
            rows: list[tuple[str, Decimal, Decimal, int, str]] = []
            for desc, lo, hi, rate, quantities, _ in goods:
                gross = Decimal(rng.randint(lo, hi)) + Decimal(
                    rng.choice(("0.99", "0.95", "0.49", "0.90", "0.00"))
                )
                note = rng.choice(
                    (
                        f"EAN: {ean13(rng)}",
                        f"Artikelnummer: B0{''.join(rng.choice(_MP_WORDMARK_ALNUM) for _ in range(8))}",
                        f"Art.-Nr. {rng.randint(100000, 999999)}",
                    )
                )
                rows.append((desc, Decimal(rng.choice(quantities)), gross, rate, note))
            rows += self.shipping(rows)
            if rng.random() < 0.2:
                desc, qty, gross, rate, _ = max(rows, key=lambda r: r[1] * r[2])
                cut = round_cent(qty * gross * Decimal(rng.choice((5, 10, 15))) / 100)
                rows.append(("Aktionsrabatt", Decimal(1), -cut, rate, ""))
            priced = self.priced(rows)
            if priced:
                return priced
        raise AssertionError("marktplatz_rechnung: no order whose cents add up")

    def shipping(
        self, rows: list[tuple[str, Decimal, Decimal, int, str]]
    ) -> list[tuple[str, Decimal, Decimal, int, str]]:
        rng = self.rng
        fee = Decimal(rng.choice(("0", "2.99", "3.99", "4.95", "4.99", "5.99")))
        if not fee:
            return []
        rates = sorted({r[3] for r in rows}, reverse=True)
        out = []
        if len(rates) == 1:
            out.append(("Versandkosten", Decimal(1), fee, rates[0], ""))
        else:  # split by the gross value of the goods at each rate
            total = sum((q * g for _, q, g, _, _ in rows), Decimal(0))
            part = round_cent(
                fee * sum((q * g for _, q, g, r, _ in rows if r == rates[0]), Decimal(0)) / total
            )
            out += [
                (f"Versandkosten ({rates[0]} %)", Decimal(1), part, rates[0], ""),
                (f"Versandkosten ({rates[1]} %)", Decimal(1), fee - part, rates[1], ""),
            ]
        if rng.random() < 0.3:
            out += [("Versandrabatt", Decimal(1), -g, r, "") for _, _, g, r, _ in list(out)]
        return out

    def priced(self, rows: list[tuple[str, Decimal, Decimal, int, str]]) -> list[Row] | None:
        nets = nets_of_gross([(qty * gross, rate) for _, qty, gross, rate, _ in rows])
        if nets is None:
            return None
        out = []
        for (desc, qty, gross, rate, note), net in zip(rows, nets, strict=True):
            item = LineItem(desc, "", qty, "Stk.", net / qty, rate)
            if item.total != net:
                return None
            out.append(Row(item, gross, note))
        return out

    # -- the page

    def wordmark(self, x: float, y: float) -> None:
        c, name = self.c, self.platform[0]
        c.text(x, y, name, 24, bold=True, colour=self.brand)
        width = c.text_width(name, 24, True)
        c.line(x + 2, y + 5, x + width * 0.8, y + 7, width=2, colour=(0.93, 0.6, 0.1))

    def header(self) -> float:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        self.wordmark(L, 58)
        c.text(R, 50, self.rng.choice(("Rechnung", "Rechnung", "RECHNUNG")), 18, bold=True, align="right")
        if self.payment != "invoice":
            c.text(R, 68, "Bezahlt", 12, bold=True, align="right", colour=GREEN)
        y = 84.0
        if self.on_behalf:
            y = c.paragraph(
                L,
                y + 6,
                self.rng.choice(
                    (
                        f"Rechnung ausgestellt von {self.platform[1]} im Namen von {d.supplier.name}",
                        f"Diese Rechnung wurde von {self.platform[1]} im Namen und für Rechnung von "
                        f"{d.supplier.name} ausgestellt.",
                    )
                ),
                R - L,
                7.8,
            )
        return y

    def info_rows(self, gross: Decimal) -> list[tuple[str, str]]:
        d = self.data
        rows: list[tuple[str, str]] = []
        if self.dates == "one":
            rows.append(("Rechnungsdatum/Lieferdatum", self.date(d.date)))
        else:
            rows.append(("Rechnungsdatum", self.date(d.date)))
            if self.dates == "two":
                rows.append(("Lieferdatum", self.date(d.service_date or d.date)))
        rows.append(("Rechnungsnummer", d.number))
        rows.append((self.rng.choice(("Gesamtpreis", "Zahlbetrag", "Rechnungsbetrag")), self.p.amount(gross)))
        return rows

    def seller_lines(self) -> list[str]:
        s, d = self.data.supplier, self.data
        lines = [s.name, s.street, s.city_line, "Deutschland"]
        if self.seller_vat_where in ("block", "both"):
            lines.append(f"USt-IdNr. {d.vat_id_printed}")
        return lines

    def buyer_lines(self) -> list[str]:
        r = self.data.customer
        lines = [r.name, r.contact, r.street, r.city_line, "Deutschland"]
        if self.buyer_vat:
            lines.append(f"USt-IdNr. {self.buyer_vat}")
        return [line for line in lines if line]

    def delivery_lines(self) -> list[str]:
        r = self.data.customer
        if not self.deliver_elsewhere:
            return [line for line in (r.name, r.contact, r.street, r.city_line, "Deutschland") if line]
        return [
            r.name,
            self.rng.choice(("z. Hd. Empfang", "Packstation 123", "Lager / Wareneingang")),
            f"Gewerbestraße {self.rng.randint(1, 60)}",
            r.city_line,
            "Deutschland",
        ]

    def blocks(self, y: float, gross: Decimal) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        rows = self.info_rows(gross)
        if self.layout == "columns":
            label_rows(c, rows, R - 250, R, y + 14, 9, 13, value_align="right", bold_values=True)
            y += 14 + 13 * len(rows) + 8
            width = (R - L) / 3
            heads = [
                ("Rechnungsadresse", self.buyer_lines()),
                ("Lieferadresse", self.delivery_lines()),
                ("Verkauft von", self.seller_lines()),
            ]
            bottom = y
            for i, (head, lines) in enumerate(heads):
                x = L + i * width
                c.text(x, y + 12, head, 9, bold=True)
                for j, line in enumerate(lines):
                    c.fit_text(x, y + 26 + 11 * j, line, 8.5, width - 10)
                bottom = max(bottom, y + 26 + 11 * len(lines))
            return bottom + 4
        # letter: the seller's block left, the facts right, then the addresses side by side
        c.text(L, y + 14, "Verkauft von", 9, bold=True)
        for j, line in enumerate(self.seller_lines()):
            c.text(L, y + 27 + 11 * j, line, 8.5)
        label_rows(c, rows, R - 250, R, y + 14, 9, 13, value_align="right", bold_values=True)
        y += 27 + 11 * len(self.seller_lines()) + 6
        for x, head, lines in (
            (L, "Rechnungsadresse", self.buyer_lines()),
            (L + 250, "Lieferadresse", self.delivery_lines()),
        ):
            c.text(x, y + 12, head, 9, bold=True)
            for j, line in enumerate(lines):
                c.text(x, y + 25 + 11 * j, line, 8.5)
        return y + 25 + 11 * max(len(self.buyer_lines()), len(self.delivery_lines())) + 2

    def order_info(self, y: float) -> float:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        rows = [
            ("Bestelldatum", self.date(self.ordered)),
            ("Bestellnummer", d.order_no),
            ("Zahlungsreferenznummer", self.ref),
        ]
        y += 8
        if self.rng.random() < 0.5:
            c.box(L, y, R, y + 30, fill=LIGHT, stroke=None)
            width = (R - L) / 3
            for i, (label, value) in enumerate(rows):
                c.text(L + 6 + i * width, y + 12, label, 7.5, colour=GREY)
                c.fit_text(L + 6 + i * width, y + 24, value, 9, width - 12, bold=True)
            return y + 36
        c.text(L, y + 10, "Bestellinformationen", 10, bold=True)
        return label_rows(c, rows, L, L + 130, y + 24, 8.8, 12) - 4

    def table(self, y: float, rows: list[Row]) -> float:
        c, p, L, R = self.c, self.p, self.LEFT, self.RIGHT
        c.text(L, y + 18, self.rng.choice(("Rechnungsdetails", "Rechnungsdetails", "Artikel")), 11, bold=True)
        y += 26
        spec: list[tuple[str, str, float, Align]] = [
            ("desc", "Beschreibung", 0, "left"),
            ("qty", "Menge", 34, "right"),
            ("net", "Stückpreis", 60, "right"),
            ("rate", "USt. %", 36, "right"),
            ("gross", "Stückpreis", 60, "right"),
            ("sub", "Zwischensumme", 70, "right"),
        ]
        cols = columns(spec, L, R)
        second = {"net": "(ohne USt.)", "gross": "(inkl. USt.)", "sub": "(inkl. USt.)"}
        c.box(L, y, R, y + 26, fill=LIGHT, stroke=None)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 7.6, bold=True)
        cells(c, cols, y + 21, second, 7.6, bold=True)
        y += 26
        desc = cols[0]
        for row in rows:
            item = row.item
            lines = c.wrap(item.description, desc.width, 8.5)
            y += 13
            net_unit = round_cent(row.gross * 100 / (100 + item.rate))
            cells(
                c,
                cols,
                y,
                {
                    "qty": p.quantity(item.quantity),
                    "net": p.amount(net_unit),
                    "rate": f"{item.rate} %",
                    "gross": p.amount(row.gross),
                    "sub": p.amount(row.gross * item.quantity),
                },
                8.5,
            )
            for j, line in enumerate(lines):
                c.text(desc.anchor, y + 11 * j, line, 8.5)
            y += 11 * (len(lines) - 1)
            if row.note:
                y += 10
                c.text(desc.anchor, y, row.note, 7, colour=GREY)
            y += 5
            c.line(L, y, R, y, width=0.3, colour=RULE)
        return y

    def totals(self, y: float, vat_lines: list[VatLine]) -> float:
        c, p, R = self.c, self.p, self.RIGHT
        x0 = R - 300
        cols = columns(
            [
                ("rate", "USt. %", 50, "right"),
                ("net", "Gesamtpreis (netto)", 90, "right"),
                ("vat", "USt.", 70, "right"),
                ("gross", "Gesamtpreis (brutto)", 90, "right"),
            ],
            x0,
            R,
        )
        y += 14
        c.line(x0, y, R, y, width=0.6)
        cells(c, cols, y + 11, {col.key: col.head for col in cols}, 7.6, bold=True)
        y += 15
        c.line(x0, y, R, y, width=0.3, colour=RULE)
        for v in sorted(vat_lines, key=lambda v: v.rate):
            y += 13
            cells(
                c,
                cols,
                y,
                {
                    "rate": f"{v.rate} %",
                    "net": p.amount(v.base),
                    "vat": p.amount(v.amount),
                    "gross": p.amount(v.base + v.amount),
                },
                8.5,
            )
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        y += 5
        c.line(x0, y, R, y, width=0.6)
        y += 14
        label = self.rng.choice(("Gesamtbetrag", "Gesamtbetrag", "Gesamt"))
        c.text(x0 - 10, y, label, 9, bold=True, align="right")
        cells(
            c,
            cols,
            y,
            {"net": p.amount(net), "vat": p.amount(vat), "gross": p.amount(net + vat)},
            8.8,
            bold=True,
        )
        return y + 10

    def payment_texts(self, gross: Decimal) -> list[tuple[str, bool]]:
        d, rng, p = self.data, self.rng, self.p
        paid_on = self.date(self.ordered)
        if self.payment == "card":
            card = rng.choice(("Visa", "Mastercard", "American Express"))
            return [
                (
                    f"Bezahlt per Kreditkarte ({card}, endet auf {rng.randint(1000, 9999)}) am {paid_on}: "
                    f"{p.amount(gross)}.",
                    True,
                )
            ]
        if self.payment == "paypal":
            return [(f"Bezahlt per PayPal am {paid_on}. Es ist kein weiterer Betrag zu zahlen.", True)]
        if self.payment == "debit":
            iban = f"DE{rng.randint(10, 99)} XXXX XXXX XXXX XXXX {rng.randint(10, 99)}"
            return [
                (
                    f"Bezahlt per Lastschrift: Der Betrag von {p.amount(gross)} wurde von Ihrem Konto {iban} "
                    f"eingezogen.",
                    True,
                )
            ]
        assert self.pay_iban is not None
        iban = self.pay_iban.formatted if self.grouped else self.pay_iban.compact
        return [
            (
                f"Kauf auf Rechnung: Bitte überweisen Sie {p.amount(gross)} bis zum {self.date(d.due_date)} "
                f"unter Angabe der Zahlungsreferenznummer {self.ref}.",
                True,
            ),
            (f"Zahlungsempfänger: {self.platform[4]} · IBAN {iban} · BIC {self.pay_iban.bic}", True),
        ]

    def closing(self, y: float, gross: Decimal) -> float:
        c, L, R = self.c, self.LEFT, self.RIGHT
        texts = self.payment_texts(gross)
        texts.append(
            (
                self.rng.choice(_MP_NOTES),
                False,
            )
        )
        y += 6
        for text, bold in texts:
            y = c.paragraph(L, y + 4, text, R - L, 8.3, bold=bold)
        return y

    def footer(self) -> None:
        c, d, L, R = self.c, self.data, self.LEFT, self.RIGHT
        self.tax["ust_id"] = d.vat_id
        _, legal, lines, register, _ = self.platform
        top = A4.height - (86 if self.seller_vat_where != "block" else 74)
        c.line(L, top, R, top, width=0.4, colour=GREY)
        ids = " / ".join(self.platform_vats)
        out = [f"{legal} · {', '.join(lines)} · {register}", f"USt-IdNr. {legal.split()[0]}: {ids}"]
        if self.seller_vat_where != "block":
            s = d.supplier
            out.append(f"Verkäufer: {s.name} · {s.street} · {s.city_line} · USt-IdNr. {d.vat_id_printed}")
        out.append(
            f"Seite 1 von 1 · Rechnungsnummer {d.number}" if self.rng.random() < 0.3 else "Seite 1 von 1"
        )
        for i, line in enumerate(out):
            c.fit_text(L, top + 12 + 10 * i, line, 7, R - L, colour=GREY, min_size=5.5)

    def draw(self) -> TripDrawing:
        rows = self.order()
        items = [row.item for row in rows]
        vat_lines = vat_breakdown(items)
        gross = sum((v.base + v.amount for v in vat_lines), Decimal(0))
        assert gross == sum((row.gross * row.item.quantity for row in rows), Decimal(0))
        y = self.blocks(self.header(), gross)
        y = self.order_info(y)
        y = self.table(y, rows)
        y = self.totals(y, vat_lines)
        y = self.closing(y, gross)
        self.footer()
        assert y < A4.height - 96, "marktplatz_rechnung: page overflow"
        if self.pay_iban is not None:
            self.data = dataclasses.replace(self.data, iban=self.pay_iban)
        return self.finish(
            items,
            "Rechnung",
            service_date=True,
            order_no=True,
            bank=self.payment == "invoice",
        )


# ---------------------------------------------------------------------------
# Registry

BENE_FAMILIES: dict[str, type[TripSheet]] = {
    "factuur_be": FactuurBe,
    "marktplatz_rechnung": MarktplatzRechnung,
}


def draw_bene(name: str, seed: int) -> TripDrawing:
    """One invoice of the family `name` of this module, deterministic for `seed`."""
    return draw_sheet(BENE_FAMILIES[name], name, seed)
