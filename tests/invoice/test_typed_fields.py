"""The fields a document's type adds (services/invoice/typed_fields.py), on the tuning texts."""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.typed_fields import type_fields
from tests.doctype.test_classify import TEXTS


def _fields(kind: str, invoice: pb.InvoiceFields | None = None) -> dict[str, str]:
    return {f.name: f.value for f in type_fields(TEXTS[kind], kind, invoice or pb.InvoiceFields())}


def test_a_reminder_gives_its_level_invoice_open_amount_and_deadline() -> None:
    fields = _fields("mahnung")
    assert fields["mahnstufe"] == "1"
    assert fields["bezug_rechnungsnummer"] == "2024-0815"
    assert fields["offener_betrag"] == "535.50"
    assert fields["zahlungsfrist"] == "2024-06-30"
    assert "dokumentnummer" not in fields  # a number it cites is not its own


def test_dunning_levels() -> None:
    for title, level in (("2. Mahnung", "2"), ("Letzte Mahnung", "3"), ("Zahlungserinnerung", "1")):
        text = TEXTS["mahnung"].replace("Zahlungserinnerung", title)
        assert {f.name: f.value for f in type_fields(text, "mahnung", pb.InvoiceFields())}["mahnstufe"] == level


def test_a_register_excerpt_gives_court_number_company_capital_and_managers() -> None:
    fields = _fields("handelsregisterauszug")
    assert fields["registergericht"] == "Amtsgericht Essen"
    assert fields["registernummer"] == fields["dokumentnummer"] == "HRB 12345"
    assert fields["firma"] == "Muster Bürotechnik GmbH"
    assert fields["sitz"] == "Essen"
    assert fields["stammkapital"] == "25000.00"
    assert fields["geschaeftsfuehrer"] == "Hans Müller"  # "Müller, Hans" as Vorname Nachname


def test_a_contract_gives_title_parties_start_and_notice() -> None:
    fields = _fields("vertrag")
    assert fields["vertragstitel"] == "Dienstleistungsvertrag"
    assert fields["parteien"].split("\n") == ["Kunden AG", "Muster Bürotechnik GmbH"]
    assert fields["vertragsbeginn"] == "2024-06-01"
    assert fields["kuendigungsfrist"] == "drei Monate zum Quartalsende"


def test_other_types_give_their_numbers_and_dates() -> None:
    assert _fields("angebot") == {"dokumentnummer": "A-2024-33", "gueltig_bis": "2024-05-31"}
    assert _fields("lieferschein")["lieferdatum"] == "2024-05-02"
    assert _fields("auftragsbestaetigung")["bestellnummer"] == "4500012345"
    assert _fields("gutschrift")["bezug_rechnungsnummer"] == "2024-0815"


def test_an_invoice_number_already_found_is_the_document_number_and_not_repeated() -> None:
    invoice = pb.InvoiceFields(fields=[pb.Field(name="rechnungsnummer", value="R-1"), pb.Field(name="lieferant", value="X GmbH")])
    assert _fields("rechnung", invoice) == {"dokumentnummer": "R-1", "absender": "X GmbH"}


def test_every_field_a_type_adds_is_in_the_export_list() -> None:
    from services.invoice.typed_fields import TYPE_FIELDS

    for kind, text in TEXTS.items():
        for f in type_fields(text, kind, pb.InvoiceFields()):
            assert f.name in TYPE_FIELDS or f.name == "datum", (kind, f.name)
