"""Document types from the whole document's evidence (services/doctype, config/doctypes.yaml).

The texts here are the ones the lexicon was written against (tuning documents); the never-tuned
measurement is benchmarks/bench_doctypes.py on a generator written without sight of the lexicon.
"""

from __future__ import annotations

import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from services.doctype.classify import classify_document
from services.doctype.evidence import load_lexicon

LETTERHEAD = "Muster Bürotechnik GmbH · Industriestraße 4 · 45127 Essen\nKunden AG\nKundenstraße 15\n69876 Frankfurt\n"

TEXTS = {
    "rechnung": LETTERHEAD
    + "Rechnung Nr. 2024-0815\nRechnungsdatum: 03.05.2024\nLeistungszeitraum: April 2024\n"
    "Pos Beschreibung Menge Preis\n1 Wartung 1 450,00\nNettobetrag 450,00\nUSt 19 % 85,50\n"
    "Rechnungsbetrag 535,50 EUR\nZahlbar innerhalb von 14 Tagen ohne Abzug.",
    "gutschrift": LETTERHEAD
    + "Gutschrift Nr. G-2024-12\nzur Rechnung Nr. 2024-0815 vom 03.05.2024\n"
    "Für die zurückgesandte Ware schreiben wir Ihnen folgenden Betrag gut:\nGutschriftsbetrag 119,00 EUR",
    "mahnung": LETTERHEAD
    + "Zahlungserinnerung\nRechnung Nr. 2024-0815 vom 03.05.2024\nRechnungsbetrag 535,50 EUR\n"
    "sicher haben Sie übersehen, dass der Betrag noch nicht beglichen wurde.\n"
    "Offener Betrag: 535,50 EUR\nBitte überweisen Sie den offenen Betrag bis zum 30.06.2024.",
    "lieferschein": LETTERHEAD
    + "Lieferschein Nr. LS-4711\nLieferdatum: 02.05.2024\nIhre Bestellung vom 28.04.2024\n"
    "Pos Artikel Menge\n1 Toner schwarz 4 Stück\nAnzahl Packstücke: 1\nWare erhalten: ______ Unterschrift Empfänger",
    "angebot": LETTERHEAD
    + "Angebot Nr. A-2024-33\nSehr geehrte Damen und Herren,\ngerne unterbreiten Ihnen folgendes Angebot:\n"
    "1 Multifunktionsdrucker 1.299,00\nGesamtbetrag 1.545,81 EUR\nDieses Angebot ist gültig bis 31.05.2024.\n"
    "Die Rechnung ist zahlbar innerhalb von 14 Tagen nach Lieferung.",
    "auftragsbestaetigung": LETTERHEAD
    + "Auftragsbestätigung Nr. AB-7781\nvielen Dank für Ihren Auftrag. Wir bestätigen Ihre Bestellung vom 02.05.2024\n"
    "Ihre Bestellnummer: 4500012345\nVoraussichtlicher Liefertermin: KW 21\nZahlung: 14 Tage nach Rechnungsstellung.",
    "bestellung": "Kunden AG · Kundenstraße 15 · 69876 Frankfurt\nMuster Bürotechnik GmbH\nIndustriestraße 4\n"
    "Bestellung Nr. 4500012345\nhiermit bestellen wir zu Ihren allgemeinen Bedingungen:\n"
    "Pos Artikel Menge Einzelpreis Gesamt\n1 Toner 10 45,00 450,00\nSumme netto 450,00\n"
    "Lieferanschrift: Kunden AG, Tor 3\nBitte bestätigen Sie den Liefertermin. Rechnung bitte in zweifacher Ausfertigung.",
    "vertrag": "Dienstleistungsvertrag\nzwischen der Kunden AG, Frankfurt (nachfolgend „Auftraggeber“)\n"
    "und der Muster Bürotechnik GmbH, Essen (nachfolgend „Auftragnehmer“)\n"
    "§ 1 Vertragsgegenstand\nDer Auftragnehmer wartet die Drucker des Auftraggebers.\n"
    "§ 2 Vergütung\nDie Vergütung wird monatlich in Rechnung gestellt und ist zahlbar innerhalb 14 Tagen.\n"
    "§ 3 Laufzeit und Kündigung\nDer Vertrag beginnt am 01.06.2024. Die Kündigungsfrist beträgt drei Monate zum Quartalsende.\n"
    "§ 4 Schlussbestimmungen\nÄnderungen bedürfen der Schriftform. Gerichtsstand ist Essen.",
    "handelsregisterauszug": "Handelsregister B des Amtsgerichts Essen\nAbteilung B Nummer der Firma: HRB 12345\n"
    "Aktueller Ausdruck\n1. Anzahl der bisherigen Eintragungen: 4\n2. a) Firma: Muster Bürotechnik GmbH\n"
    "b) Sitz: Essen\n3. Grund- oder Stammkapital: 25.000,00 EUR\n4. a) Allgemeine Vertretungsregelung: "
    "Ist ein Geschäftsführer bestellt, so vertritt er die Gesellschaft allein.\nb) Geschäftsführer: Müller, Hans\n"
    "5. Prokura: Einzelprokura: Schmidt, Anna\n6. a) Rechtsform: Gesellschaft mit beschränkter Haftung\n"
    "Tag der letzten Eintragung: 12.01.2024",
    "sonstiges": LETTERHEAD
    + "Änderung unserer Bankverbindung\nSehr geehrte Damen und Herren,\nbitte beachten Sie, dass sich unsere "
    "Bankverbindung ab dem 01.07.2024 ändert.\nNeue IBAN: DE02 1203 0000 0000 2020 51\nBIC: BYLADEM1001\n"
    "Mit freundlichen Grüßen",
}


@pytest.mark.parametrize("expected", sorted(TEXTS))
def test_each_type_is_recognised_with_its_evidence(expected: str) -> None:
    verdict = classify_document(TEXTS[expected])
    assert verdict.type == expected, verdict.reason
    assert 0 < verdict.confidence <= 1
    assert verdict.reason


def test_a_reminder_that_repeats_the_invoice_is_a_reminder_not_an_invoice() -> None:
    verdict = classify_document(TEXTS["mahnung"])
    assert verdict.type == "mahnung"
    assert "Zahlungserinnerung" in verdict.reason and "rechnung" in verdict.reason  # the runner-up is named


def test_a_field_label_is_no_title() -> None:
    invoice = "Handelsrechnung Nr. 471102 vom 05.06.2018\nBestellung\n: 2018-471331\nLeistungsdatum\n: 03.06.2018"
    assert classify_document(invoice).type == "rechnung"


def test_an_einvoice_type_code_decides_a_credit_note() -> None:
    xml = "<rsm:CrossIndustryInvoice><rsm:ExchangedDocument><ram:TypeCode>381</ram:TypeCode>"
    verdict = classify_document("Beleg 4711\nBetrag 100,00", pb.EInvoice(syntax="CII", xml=xml))
    assert verdict.type == "gutschrift" and "type code 381" in verdict.reason


def test_no_text_is_sonstiges_with_low_confidence_and_a_reason() -> None:
    verdict = classify_document("\f  \f")
    assert verdict.type == "sonstiges" and verdict.confidence < 0.2 and "no text" in verdict.reason


def test_every_type_of_the_contract_is_in_the_lexicon() -> None:
    assert sorted(load_lexicon().names) == sorted(TEXTS)


def test_the_rest_contract_names_exactly_the_lexicons_types() -> None:
    from typing import get_args

    from gateway_rest.models import DocumentTypeName

    assert sorted(get_args(DocumentTypeName)) == sorted(load_lexicon().names)
