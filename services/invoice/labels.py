"""Patterns of page structure: party headings, legal forms, streets, postcodes.

The labels of invoice fields are data in lexicon.yaml (loaded by lexicon.py).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


# Section headings that say whose the following block is.
_SELLER_WORDS = (
    r"(?:verkäufer|lieferant|rechnungssteller|leistungserbringer|absender|seller|supplier|vendor|from|von"
    r"|verkauft\s+von|sold\s+by|vendu\s+par|verkocht\s+door"
    r"|fournisseur|émetteur|prestataire|vendeur|leverancier|afzender|van)"
)
SELLER_HEADINGS = re.compile(rf"^\s*{_SELLER_WORDS}\b[^:]{{0,30}}:\s*$|^\s*{_SELLER_WORDS}\s*$", _I)
_OTHER_WORDS = (
    r"(?:käufer|kunde|rechnungsempfänger|leistungsempfänger|warenempfänger|lieferanschrift|lieferadresse"
    r"|buyer|customer|bill\s+to|ship\s+to|invoice\s+to|rechnungsadresse|empfänger|steuerbevollmächtigter"
    r"|abweichender\s+warenempfänger|zahlungspflichtiger|auftraggeber(?:in)?|besteller(?:in)?"
    r"|client|destinataire|facturé\s+à|factur(?:er|é)\s+à|adresse\s+de\s+facturation|adresse\s+de\s+livraison"
    r"|klant|afnemer|factuur\s+aan|factuuradres|afleveradres|aan)"
)
OTHER_HEADINGS = re.compile(rf"^\s*{_OTHER_WORDS}\b[^:]{{0,40}}:\s*$|^\s*{_OTHER_WORDS}\s*$", _I)
PAYEE_HEADINGS = re.compile(r"^\s*(?:abweichender\s+)?zahlungsempfänger\b[^:]{0,30}:\s*$", _I)
# Labels that name the buyer's identifiers: "Ihre USt-IdNr.", "Kunden-USt-IdNr.", "Your VAT No.", "Votre n° TVA",
# "Uw BTW-nummer".
BUYER_PREFIX = re.compile(r"(?<!\w)(?:ihre|kunden|customer|buyer|käufer|your|votre|uw)\S*\s*$", _I)

# An attention line of an address block ("z. Hd. Frau Özdemir", "Attn: Accounts Payable", "À l'attention de",
# "t.a.v. de heer Smit"): the block is the addressee's, the customer's.
ATTENTION = re.compile(
    r"^\s*(?:z\.\s?hd\.?|zu\s+händen|zhd\.|attn\b\.?|attention\b|for\s+the\s+attention\s+of\b|fao\b"
    r"|[àa]\s+l['’]\s?attention\s+de\b|t\.\s?a\.\s?v\.|ter\s+attentie\s+van\b)",
    _I,
)

# A colon after a word, more words after it: a label and its value ("Objekt 2158: Geschäftshaus", "Zahlungsart:
# Vorauszahlung"), neither a name nor a heading.
LABEL_AND_VALUE = re.compile(r"\w:\s+\S")

# The payee account's holder, named with the bank details ("Kontoinhaber: Petra Lindemann", "t.n.v. Noor Visser",
# "in the name of", "au nom de", "Account name:").
ACCOUNT_HOLDER = re.compile(
    r"(?<![\w.])(?:kontoinhaber(?:in)?|account\s+(?:holder|name)|beneficiary|begünstigte[rn]?|"
    r"titulaire(?:\s+du\s+compte)?|rekeninghouder|t\.\s?n\.\s?v\.|ten\s+name\s+van|au\s+nom\s+de|"
    r"in\s+the\s+name\s+of)\s*:?\s+",
    _I,
)

# Legal forms, "mbH" too ("Hanseatische Wach- und Schließgesellschaft mbH"), partnerships of the liberal
# professions ("Hofmann + Krause Architekten PartGmbB", "Meier & Partner Partnerschaft mbB").
LEGAL_FORM = re.compile(
    r"(?<![\w])(?:gmbh(?:\s*&\s*co\.?(?:\s*kg)?)?|mbh|partg(?:\s?mbb)?|mbb|ag|kg|ohg|gbr|ug(?:\s*\(haftungsbeschränkt\))?|e\.\s?k\.|e\.\s?v\.|"
    r"a\.\s?g\.|se|kgaa|ltd\.?|limited|unlimited\s+company|dac|inc\.?|corp\.?|corporation|llc|plc|s\.?a\.?r?\.?l?\.?|"
    r"b\.v\.|co\.)(?![\w])",
    _I,
)
STREET = re.compile(
    r"(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|promenade|street|road|avenue|lane)\s*\d"
    r"|^\d+\s+\w+\s+(?:street|road|avenue|lane)|\b(?:postfach|p\.?o\.?\s*box)\b"
    # French: the number first ("97 place de la Gare", "12 bis, rue Victor Hugo", "5 av. Foch").
    r"|^\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|allee|impasse|route|quai"
    r"|cours|square|faubourg|voie|sentier|passage|rond-point|esplanade)\b",
    _I,
)
# A postcode and its town: German, Austrian, Swiss, French, Dutch, ... (4 or 5 digits), Polish "00-950 Warszawa",
# Portuguese "1100-148 Lisboa", Czech, Slovak, Swedish and Greek "110 00 Praha"; a British one ("EC1A 1BB").
ZIP_CITY = re.compile(
    r"(?:^|\b[A-Z]{2}[-\s])(?:\d{4,5}|\d{2}-\d{3}|\d{4}-\d{3}|\d{3}\s\d{2})\s+\w"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b"
)
ID_LINE = re.compile(r"^(?:nummer|globale\s+nummer|gln|lief(?:eranten)?-?nr|id|kreditor)\b|:\s", _I)
