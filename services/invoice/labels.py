"""Label texts of invoice fields, German and English, as compiled patterns.

Each field has patterns with a strength (1.0 = unambiguous label). Patterns are
matched against a visual row's text, case-insensitively.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _p(*items: tuple[str, float]) -> list[tuple[re.Pattern[str], float]]:
    return [(re.compile(rx, _I), s) for rx, s in items]


# A word that starts a label must not continue a longer word ("Kundennummer" ≠ "nummer").
_B = r"(?<![\w-])"
# Words between a document title and "Nr." that mean the number is not the invoice's.
_NOT_INVOICE = r"(?!(?:\S*(?:bestell|auftrag|liefer|kunde|vertrag|order|angebot|referenz|gem[äa]ß|zu)\S*)\b)"

LABELS: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "rechnungsnummer": _p(
        (_B + r"(?:rechnungs|invoice|beleg|gutschrifts?|storno)[-\s]?(?:nr|nummer|no|number|num)\b\.?\s*:?", 1.0),
        (_B + r"invoice\s*(?:#|no\.?|number)\s*:?", 1.0),
        (_B + r"(?:re|rg)\.?[-\s]?nr\b\.?\s*:?", 0.9),
        (
            _B + r"[\wäöü]*(?:rechnung|gutschrift|rechnungskorrektur|invoice)(?:\s+\([^)]*\))?"
            rf"(?:\s+{_NOT_INVOICE}[\wäöüÄÖÜ.()-]+){{0,3}}?\s+(?:nr|no|nummer)\b\.?\s*:?",
            0.9,
        ),
        (_B + r"(?:rechnung|invoice)\s*#\s*:?", 0.9),
    ),
    "datum": _p(
        (_B + r"(?:rechnungs|beleg|invoice|ausstellungs|gutschrifts)[-\s]?(?:datum|date)\s*:?", 1.0),
        (_B + r"(?:datum|date)(?:\s+der\s+rechnung)?\s*:?(?!\s*(?:der|des)\s)", 0.7),
        (_B + r"(?:vom|dated)\s*:?", 0.5),
    ),
    "leistungsdatum": _p(
        (_B + r"(?:liefer-?\s*(?:und|/|&)\s*)?(?:leistungs|liefer|lieferungs)-?\s*(?:datum|zeitpunkt|tag)\s*:?", 1.0),
        (_B + r"(?:delivery|service|supply)\s+date\s*:?", 1.0),
        (_B + r"date\s+of\s+(?:supply|delivery|service|performance)\s*:?", 1.0),
        (_B + r"(?:liefer-?\s*(?:und|/)\s*)?(?:-\s*/\s*)?leistungszeitraum\s*:?", 0.6),
    ),
    "faelligkeit": _p(
        (_B + r"(?:fällig(?:keit(?:sdatum)?)?|faellig)(?:\s+(?:am|bis|zum))?\s*:?", 1.0),
        (_B + r"(?:zahlbar|zu\s+zahlen)\s+(?:bis|spätestens(?:\s+bis)?)(?:\s+(?:zum|am))?\s*:?", 1.0),
        (_B + r"netto\s+bis\s*:?", 0.8),
        (_B + r"(?:due\s+date|payable\s+by|due\s+by|payment\s+due)\s*:?", 1.0),
    ),
    "zahlungsbedingungen": _p(
        (_B + r"(?:zahlungsbedingungen|zahlungsziel|payment\s+terms|terms\s+of\s+payment|zahlungskonditionen)\s*:?", 1.0),
    ),
    "betrag_netto": _p(
        (_B + r"(?:gesamt)?(?:summe|betrag)\s+(?:ohne|exkl\.?|excl\.?|zzgl\.?)\s+(?:ust|mwst|mehrwertsteuer|umsatzsteuer)\b\.?", 1.0),
        (_B + r"(?:rechnungs)?summe\s+ohne\s+ust\b\.?", 1.0),
        (_B + r"(?:gesamt)?(?:summe|betrag)\s+netto\b", 1.0),
        (_B + r"netto[-\s]?(?:summe|betrag|gesamt|rechnungsbetrag|warenwert|total)\b", 1.0),
        (_B + r"(?:gesamtsumme|gesamtbetrag|rechnungsbetrag)\s+netto\b", 1.0),
        (_B + r"(?:net\s+(?:total|amount)|total\s+net|subtotal|sub-total|total\s+excl\.?\s+vat)\b", 1.0),
        (_B + r"zwischensumme\b", 0.8),
        (_B + r"netto\s*:?(?=\s*(?:[-€$£]|eur\b|\d|$))", 0.7),
        (_B + r"(?:warenwert|positionssumme)\b", 0.4),
    ),
    "mwst": _p(
        (_B + r"(?:steuerbetrag|umsatzsteuerbetrag|mwst\.?-?betrag|ust\.?-?betrag)\b(?:\s+in\b)?", 1.0),
        (_B + r"(?:zzgl\.?\s*|plus\s*|\+\s*)?(?:\d{1,2}(?:[.,]\d+)?\s*%\s*)?(?:mwst|ust|mehrwertsteuer|umsatzsteuer|vat|tax)(?![^\W\d_])\.?"
         r"(?!\s*[-.]?\s*(?:id|nr|%|identifikation))(?:\s*\d{1,2}(?:[.,]\d+)?\s*%)?", 0.8),
        (_B + r"(?:summe|gesamt)\s+(?:mwst|ust|umsatzsteuer|mehrwertsteuer|vat)\b\.?", 1.0),
        (_B + r"(?:total\s+(?:vat|tax)|vat\s+(?:total|amount)|tax\s+amount)\b", 1.0),
    ),
    "betrag_brutto": _p(
        (_B + r"(?:bruttosumme|bruttobetrag|brutto[-\s]?rechnungsbetrag|gesamtbrutto|summe\s+brutto|betrag\s+brutto)\b", 1.0),
        (_B + r"(?:gesamtbetrag|rechnungsbetrag|endbetrag|endsumme|gesamtsumme|rechnungssumme)\b(?!\s+(?:der|netto|ohne|exkl|zzgl))", 0.9),
        (_B + r"(?:total\s+(?:amount|due|gross|incl\.?\s+vat)|grand\s+total|amount\s+due|due\s+payable|invoice\s+total)\b", 1.0),
        (_B + r"(?:zahlbetrag|zu\s+zahlen(?:der\s+betrag)?|zahlungsbetrag|offener\s+betrag)\b", 0.6),
        (_B + r"(?:total|brutto|summe)\b\s*:?(?!\s+(?:net|netto|vat|tax|mwst|ust|ohne|der))", 0.5),
    ),
    "waehrung": _p((_B + r"(?:rechnungswährung|währung|currency|waehrung)\s*:?", 1.0),),
    "ust_id": _p(
        (_B + r"(?:ust|mwst|umsatzsteuer)\.?[-\s]?(?:id(?:ent)?\.?[-\s]?(?:nr|nummer)?|identifikationsnummer)\b\.?\s*:?", 1.0),
        # OCR forms: "USt" with its "t" misread ("USE.", "USf.", "US1."), spaces around the hyphen ("USt. -Id.-Nr.").
        (_B + r"(?:u[s5][tfe1il]|mwst)\.?\s*-?\s*id\.?\s*-?\s*(?:nr|nummer)\b\.?\s*:?", 0.9),
        (_B + r"(?:vat|tax)[-\s]?(?:id|reg(?:istration)?)(?:\.|\s*no\.?|\s*number)?\s*:?", 1.0),
        (_B + r"ust\.?-id\.?-nr\.?\s*:?", 1.0),
    ),
    "steuernummer": _p((_B + r"(?:steuer[-\s]?(?:nr|nummer)|st\.?[-\s]?nr|tax\s+(?:number|no))\b\.?\s*:?", 1.0),),
    "iban": _p((_B + r"iban\b\s*:?", 1.0),),
    "bic": _p((_B + r"(?:[\w-]*bic|swift(?:[-\s]?code)?|bic/swift)\b\s*:?", 1.0),),
    "kundennummer": _p(
        (_B + r"(?:ihre\s+)?(?:kunden|kd|customer|client)\.?[-\s]?(?:nr|nummer|no|number|id)\b\.?\s*:?", 1.0),
    ),
    "bestellnummer": _p(
        (_B + r"(?:ihre\s+)?(?:bestell|auftrags|order|purchase\s+order|po)[-\s]?(?:nr|nummer|no|number)\b\.?\s*:?", 1.0),
        (_B + r"(?:ihre\s+)?(?:bestellung|auftrag|order)(?:\s+(?:nr|no)\.?)?\s*:?(?=\s*[:A-Z0-9])", 0.7),
        # A column head ending its row ("Rechnungsdatum  Kundennummer  Ihre Bestellung"), value below.
        (_B + r"(?:ihre|your)\s+(?:bestellung|order)\s*:?(?=\s*$)", 0.7),
    ),
}

# Section headings that say whose the following block is.
_SELLER_WORDS = r"(?:verkäufer|lieferant|rechnungssteller|leistungserbringer|absender|seller|supplier|vendor|from|von)"
SELLER_HEADINGS = re.compile(rf"^\s*{_SELLER_WORDS}\b[^:]{{0,30}}:\s*$|^\s*{_SELLER_WORDS}\s*$", _I)
OTHER_HEADINGS = re.compile(
    r"^\s*(?:käufer|kunde|rechnungsempfänger|leistungsempfänger|warenempfänger|lieferanschrift|lieferadresse"
    r"|buyer|customer|bill\s+to|ship\s+to|invoice\s+to|rechnungsadresse|empfänger|steuerbevollmächtigter"
    r"|abweichender\s+warenempfänger|zahlungspflichtiger)\b[^:]{0,40}:\s*$",
    _I,
)
PAYEE_HEADINGS = re.compile(r"^\s*(?:abweichender\s+)?zahlungsempfänger\b[^:]{0,30}:\s*$", _I)
# Labels that name the buyer's identifiers ("Ihre USt-IdNr.").
BUYER_PREFIX = re.compile(r"(?:ihre|kunden|customer|buyer|käufer)\S*\s*$", _I)

LEGAL_FORM = re.compile(
    r"(?<![\w])(?:gmbh(?:\s*&\s*co\.?(?:\s*kg)?)?|ag|kg|ohg|gbr|ug(?:\s*\(haftungsbeschränkt\))?|e\.\s?k\.|e\.\s?v\.|"
    r"a\.\s?g\.|se|kgaa|ltd\.?|limited|inc\.?|llc|plc|s\.?a\.?r?\.?l?\.?|b\.v\.|co\.)(?![\w])",
    _I,
)
STREET = re.compile(
    r"(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|promenade|street|road|avenue|lane)\s*\d"
    r"|^\d+\s+\w+\s+(?:street|road|avenue|lane)|\b(?:postfach|p\.?o\.?\s*box)\b",
    _I,
)
ZIP_CITY = re.compile(r"(?:^|\b[A-Z]{2}[-\s])\d{4,5}\s+\w|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")
ID_LINE = re.compile(r"^(?:nummer|globale\s+nummer|gln|lief(?:eranten)?-?nr|id|kreditor)\b|:\s", _I)
